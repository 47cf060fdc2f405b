/* bench-window.c — the real window on a consultant's database: what a frame costs
 *
 * 2,000 assessments × 30 respondents × every item of the newest questions (88 in version 2:
 * 5.3 million answers), generated with SQL.
 * The window is driven as a user would, and for each step the main thread's CPU time is
 * measured from the input to the frame that shows its result (the `after-paint` of the
 * window's frame clock): work done in worker threads does not count, waiting for the
 * display does not either. Goals: typing a character in the search (the first one too,
 * which folds every title for searching) and scrolling the library by a page within one
 * 60 Hz frame (16 ms); opening an assessment to its first painted chart within 100 ms, and
 * the same for its Overview and for the way into answering (Answer, to the page of
 * questions). The baseline is a frame of the same window
 * that only redraws, measured the same way in the same process. Prints figures; asserts
 * nothing about time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <time.h>

#include "gs-test-util.h"
#include "gui/gs-application.h"
#include "gui/gs-library-view.h"
#include "gui/gs-window.h"

#define RUNS 15

static GsWindow *window;
static gboolean  painted;

static double
thread_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static double longest_frame, last_paint;

static double thread_cpu_ms (void);

/* Also notes the main thread's longest time between two frames. */
static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  double now = thread_cpu_ms ();

  if (last_paint > 0)
    longest_frame = MAX (longest_frame, now - last_paint);
  last_paint = now;
  painted = TRUE;
}

/* Iterates until the window has painted a frame after @busy stopped being TRUE. */
static void
wait_for_frame (gboolean (*busy) (void))
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (busy != NULL && busy ())
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  painted = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (window));
  while (!painted)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

static gboolean
loading (void)
{
  return gs_window_is_loading (window);
}

static GtkWidget *
library_child (const char *name)
{
  GtkWidget *library = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), GS_TYPE_WINDOW, "library_view"));

  return GTK_WIDGET (gtk_widget_get_template_child (library, GS_TYPE_LIBRARY_VIEW, name));
}

static void
report_one (const char *what,
            double      ms,
            double      baseline,
            double      goal)
{
  g_print ("  %-44s %7.2f ms   %5.1f× a bare frame   goal ≤ %.0f ms\n", what, ms, ms / baseline, goal);
}

/* The median of @values, reported. */
static void
report (const char *what,
        double     *values,
        double      baseline,
        double      goal)
{
  report_one (what, gs_test_median (values, RUNS), baseline, goal);
}

static GsLibraryView *
library_view (void)
{
  return GS_LIBRARY_VIEW (gtk_widget_get_template_child (GTK_WIDGET (window), GS_TYPE_WINDOW, "library_view"));
}

/* Opens the @n-th assessment of the library on the tab @tab; returns the main thread's
 * milliseconds until the frame that shows it. */
static double
show_assessment (guint       n,
                 const char *tab)
{
  GsLibraryView *library = library_view ();
  double start;

  adw_view_stack_set_visible_child_name (gs_window_get_tabs (GS_WINDOW (window)), tab);
  start = thread_cpu_ms ();
  gs_library_view_activate (library, n % gs_library_model_get_n_shown (gs_library_view_get_model (library)));
  wait_for_frame (loading);
  return thread_cpu_ms () - start;
}

/* Back one step: from the questions to the results, from the results to the library. */
static void
go_back (void)
{
  g_action_group_activate_action (G_ACTION_GROUP (window), "show-assessments", NULL);
  wait_for_frame (loading);
}

/* As show_assessment(), then back to the library. */
static double
open_assessment (guint       n,
                 const char *tab)
{
  double spent = show_assessment (n, tab);

  go_back ();
  return spent;
}

/* Opens the @n-th assessment, then its questions (Answer): returns the main thread's
 * milliseconds from Answer to the frame that shows the questions, then goes back to the
 * library. */
static double
open_questions (guint n)
{
  double start, spent;

  show_assessment (n, "overview");
  start = thread_cpu_ms ();
  g_action_group_activate_action (G_ACTION_GROUP (window), "answer", NULL);
  wait_for_frame (NULL);
  spent = thread_cpu_ms () - start;
  go_back ();
  go_back ();
  return spent;
}

static void
run (GtkApplication *app)
{
  GtkEditable *search;
  GtkAdjustment *scroll;
  double bare[RUNS], typing[RUNS], scrolling[RUNS], opening_chart[RUNS], opening_overview[RUNS], opening_questions[RUNS];
  double start, filling, first_typed = 0, bare_frame;
  static const char *needles[] = { "b", "be", "ben", "benc", "bench", "bench ", "bench t", "bench tr" };

  window = GS_WINDOW (gtk_application_get_active_window (app));
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint", G_CALLBACK (after_paint_cb), NULL);
  search = GTK_EDITABLE (library_child ("search_entry"));
  scroll = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (library_child ("scrolled_window")));
  /* The first second after the first frame, while the library fills in. */
  last_paint = 0;
  longest_frame = 0;
  {
    gint64 until = g_get_monotonic_time () + G_USEC_PER_SEC;
    while (g_get_monotonic_time () < until)
      {
        gtk_widget_queue_draw (GTK_WIDGET (window));
        g_main_context_iteration (NULL, TRUE);
      }
  }
  filling = longest_frame;

  for (int i = 0; i < RUNS; i++)
    {
      start = thread_cpu_ms ();
      wait_for_frame (NULL);
      bare[i] = thread_cpu_ms () - start;
    }
  for (int i = 0; i < RUNS; i++)
    {
      /* The entry waits for a pause in typing; the search itself is what is timed. */
      gtk_editable_set_text (search, needles[i % G_N_ELEMENTS (needles)]);
      start = thread_cpu_ms ();
      g_signal_emit_by_name (search, "search-changed");
      wait_for_frame (NULL);
      typing[i] = thread_cpu_ms () - start;
      if (i == 0)
        first_typed = typing[i];  /* the first search also folds every title (gs-library-model.c) */
    }
  gtk_editable_set_text (search, "");
  g_signal_emit_by_name (search, "search-changed");
  wait_for_frame (NULL);
  for (int i = 0; i < RUNS; i++)
    {
      start = thread_cpu_ms ();
      gtk_adjustment_set_value (scroll, gtk_adjustment_get_value (scroll) + gtk_adjustment_get_page_size (scroll));
      wait_for_frame (NULL);
      scrolling[i] = thread_cpu_ms () - start;
    }
  for (int i = 0; i < RUNS; i++)
    opening_chart[i] = open_assessment ((guint) i * 97, "context");
  for (int i = 0; i < RUNS; i++)
    opening_overview[i] = open_assessment ((guint) i * 89 + 3, "overview");
  for (int i = 0; i < RUNS; i++)
    opening_questions[i] = open_questions ((guint) i * 83 + 5);

  g_print ("main-thread CPU time from input to the frame that shows it, median of %d\n", RUNS);
  bare_frame = gs_test_median (bare, RUNS);
  g_print ("  %-44s %7.2f ms\n", "a bare frame (baseline)", bare_frame);
  report_one ("longest frame while the library fills in", filling, bare_frame, 16);
  report_one ("typing the first character in the search", first_typed, bare_frame, 16);
  report ("typing a character in the search", typing, bare_frame, 16);
  report ("scrolling the library by a page", scrolling, bare_frame, 16);
  report ("opening an assessment to its painted chart", opening_chart, bare_frame, 100);
  report ("opening an assessment on its Overview", opening_overview, bare_frame, 100);
  report ("from the results to its questions (Answer)", opening_questions, bare_frame, 100);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
window_added_cb (GtkApplication *app,
                 GtkWindow      *added)
{
  g_idle_add_once ((GSourceOnceFunc) run, app);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GsInstrument) instrument = NULL;
  g_autoptr(GsApplication) app = NULL;
  g_autofree char *tmp = g_dir_make_tmp ("gs-bench-window-XXXXXX", &error);
  g_autofree char *database = g_build_filename (tmp, "large.db", NULL);
  const char *reuse = g_getenv ("GS_BENCH_DATABASE");  /* a database made by an earlier run */
  char *app_argv[] = { (char *) "bench-window", NULL };
  int status;

  g_assert_no_error (error);
  instrument = gs_instrument_load_default (&error);
  g_assert_no_error (error);
  if (reuse != NULL)
    {
      g_free (database);
      database = g_strdup (reuse);
    }
  else
    gs_test_generate (database, instrument, 200, 2000, 30, gs_instrument_get_items (instrument)->len);
  {
    g_autoptr(GsStore) store = gs_store_open (database, &error);  /* the day's backup, made now */
    g_assert_no_error (error);
  }
  g_print ("generated 2,000 assessments × 30 respondents × %u items\n", gs_instrument_get_items (instrument)->len);

  app = gs_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  gs_application_set_database_path (app, database);
  g_signal_connect (app, "window-added", G_CALLBACK (window_added_cb), NULL);
  status = g_application_run (G_APPLICATION (app), 1, app_argv);
  gs_test_remove_tree (tmp);  /* the large database alone is 350 MB */
  return status;
}
