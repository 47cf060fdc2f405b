/* bench-startup.c — time from process start to the main window's first frame
 *
 * The parent spawns itself as a child, alternately in two modes, and times each child from
 * spawn to the moment it reports the first `after-paint` of its window's frame clock:
 *   groundswell  the real GsApplication from the library, on a database
 *   minimal      an AdwApplication with an empty AdwApplicationWindow: the floor for any
 *                libadwaita application on this machine
 * Both pay the same spawn, GTK and X start-up, so the ratio says what Groundswell adds.
 * Three databases — empty, the example, and a consultant's few years: 2,000 assessments ×
 * 30 respondents × every item of the newest questions (5.3 million answers with version 2's
 * 88) — each opened as the first time of the day
 * (no backup yet: the whole-file check and backup are due) and as a later time.
 * Prints figures; asserts nothing about time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "gs-test-util.h"
#include "core/gs-demo.h"
#include "gui/gs-application.h"
#include "store/gs-store.h"

/* Each run times the bare window, then Groundswell: the ratio printed is the median of the
 * runs' ratios, so that a slow moment on this shared machine spoils one pair, not a side. */
#define RUNS 11

static void
after_paint_cb (GdkFrameClock *clock,
                GtkWindow     *window)
{
  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, window);
  g_print ("first-frame\n");
  gtk_window_destroy (window);
}

static void
realize_cb (GtkWidget *window)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (after_paint_cb), window);
}

static void
window_added_cb (GtkApplication *app,
                 GtkWindow      *window)
{
  g_signal_connect (window, "realize", G_CALLBACK (realize_cb), NULL);
}

static void
minimal_activate_cb (GtkApplication *app)
{
  GtkWidget *window = adw_application_window_new (app);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  gtk_window_present (GTK_WINDOW (window));
}

static int
run_child (const char *mode,
           const char *database)
{
  g_autoptr(GtkApplication) app = NULL;
  char *argv[] = { (char *) "bench-startup", NULL };

  if (g_str_equal (mode, "groundswell"))
    {
      app = GTK_APPLICATION (gs_application_new ());
      gs_application_set_database_path (GS_APPLICATION (app), database);
    }
  else
    {
      app = GTK_APPLICATION (adw_application_new ("org.groundswell.BenchMinimal", G_APPLICATION_NON_UNIQUE));
      g_signal_connect (app, "activate", G_CALLBACK (minimal_activate_cb), NULL);
    }
  g_signal_connect (app, "window-added", G_CALLBACK (window_added_cb), NULL);
  return g_application_run (G_APPLICATION (app), 1, argv);
}

/* Returns the seconds from spawn to the child's "first-frame" line. */
static double
time_child (const char *self,
            const char *mode,
            const char *database)
{
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GDataInputStream) lines = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  gint64 start = g_get_monotonic_time ();
  double elapsed;

  child = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                            self, "--child", mode, database, NULL);
  g_assert_no_error (error);
  lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (child));
  line = g_data_input_stream_read_line_utf8 (lines, NULL, NULL, &error);
  elapsed = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  g_assert_no_error (error);
  g_assert_cmpstr (line, ==, "first-frame");
  g_subprocess_wait_check (child, NULL, &error);
  g_assert_no_error (error);
  return elapsed;
}

/* Times @database opened first in the day (backups removed before each run) or later. */
static void
measure (const char *self,
         const char *what,
         const char *database,
         gboolean    first_of_day)
{
  double groundswell[RUNS], minimal[RUNS], ratios[RUNS], g_median, m_median;

  /* One unmeasured run of each warms the page cache (and makes the day's backup). */
  time_child (self, "minimal", database);
  time_child (self, "groundswell", database);
  for (int i = 0; i < RUNS; i++)
    {
      if (first_of_day)
        gs_test_remove_backups (database);
      minimal[i] = time_child (self, "minimal", database);
      groundswell[i] = time_child (self, "groundswell", database);
      ratios[i] = groundswell[i] / minimal[i];
    }
  g_median = gs_test_median (groundswell, RUNS);
  m_median = gs_test_median (minimal, RUNS);
  g_print ("  %-40s %8.1f ms  minimal %8.1f ms  ratio %5.2f\n", what, g_median * 1000, m_median * 1000,
           gs_test_median (ratios, RUNS));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GsInstrument) instrument = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *empty = NULL, *example = NULL, *large = NULL;
  gint64 start;

  if (argc == 4 && g_str_equal (argv[1], "--child"))
    return run_child (argv[2], argv[3]);

  tmp = g_dir_make_tmp ("gs-bench-XXXXXX", &error);
  g_assert_no_error (error);
  instrument = gs_instrument_load_default (&error);
  g_assert_no_error (error);
  empty = g_build_filename (tmp, "empty.db", NULL);
  example = g_build_filename (tmp, "example.db", NULL);
  large = g_build_filename (tmp, "large.db", NULL);
  {
    g_autoptr(GsStore) store = gs_store_open (example, &error);
    g_assert_no_error (error);
    g_assert_true (gs_store_add_demo (store, instrument, &error));
  }
  start = g_get_monotonic_time ();
  gs_test_generate (large, instrument, 200, 2000, 30, gs_instrument_get_items (instrument)->len);
  g_print ("generated 2,000 assessments × 30 respondents × %u items in %.1f s\n",
           gs_instrument_get_items (instrument)->len, (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);

  g_print ("start-up to first frame, median of %d runs each, against a bare AdwApplicationWindow\n", RUNS);
  measure (argv[0], "empty, first open of the day", empty, TRUE);
  measure (argv[0], "empty, later open", empty, FALSE);
  measure (argv[0], "example, first open of the day", example, TRUE);
  measure (argv[0], "example, later open", example, FALSE);
  measure (argv[0], "2,000 assessments, first open of the day", large, TRUE);
  measure (argv[0], "2,000 assessments, later open", large, FALSE);
  gs_test_remove_tree (tmp);  /* the large database alone is 350 MB */
  return 0;
}
