/* bench-startup.c — time from process start to the main window's first frame
 *
 * It spawns the bare window and one other program alternately, and times each from spawn to
 * the moment it reports the first `after-paint` of its window's frame clock
 * (bench-first-frame.h). The two programs it is given:
 *   bench-startup-app   the real GsApplication, started as main.c starts it and given
 *                       `--database FILE` as a user would, linked to Groundswell's
 *                       libraries and no others
 *   bench-startup-adw   with no arguments, an AdwApplication with an empty window, linked to
 *                       libadwaita alone: the bare window, the floor for any libadwaita
 *                       application here; with an organisation and titles, the library's
 *                       first screen built the usual libadwaita way (AdwActionRows in a
 *                       boxed GtkListBox)
 * All pay the same spawn, GTK and X start-up, so a ratio against the bare window says what
 * Groundswell adds. The stock screen's ratio says what any libadwaita application pays on
 * this machine to show the same words, rows and rounded corners; perf puts about half of
 * what Groundswell adds in drawing them (llvmpipe compiling shaders, FreeType hinting).
 * Three databases — empty, the example, and a consultant's few years: 2,000 assessments ×
 * 30 respondents × every item of the newest questions (5.3 million answers with version 2's
 * 88) — each opened as the first time of the day
 * (no backup yet: the whole-file check and backup are due) and as a later time.
 * Prints figures; asserts nothing about time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "gs-test-util.h"
#include "core/gs-demo.h"
#include "store/gs-assessment-summary.h"
#include "store/gs-store.h"

/* Each run times the bare window, then the other: the ratio printed is the median of the
 * runs' ratios, so that a slow moment on this shared machine spoils one pair, not a side. */
#define RUNS 11

/* How many of the first organisation's assessments the library shows in a window of the
 * default size: nine rows of 59 px under the header bar, the heading and the search. */
#define ROWS_ON_FIRST_SCREEN 9

typedef struct
{
  double wall;  /* seconds from spawn to the child's "first-frame" line */
  double cpu;   /* seconds of CPU its main thread had used by then */
} Timing;

static Timing
time_child (const char *const *argv)
{
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GDataInputStream) lines = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  gint64 start = g_get_monotonic_time ();
  Timing timing;

  child = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error);
  g_assert_no_error (error);
  lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (child));
  line = g_data_input_stream_read_line_utf8 (lines, NULL, NULL, &error);
  timing.wall = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  g_assert_no_error (error);
  g_assert_nonnull (line);
  g_assert_true (g_str_has_prefix (line, "first-frame "));
  timing.cpu = g_ascii_strtod (line + strlen ("first-frame "), NULL) / 1000;
  g_assert_cmpfloat (timing.cpu, >, 0);
  g_subprocess_wait_check (child, NULL, &error);
  g_assert_no_error (error);
  return timing;
}

/* Times @timed against @bare, pair by pair. With @first_of_day, the backups of @database are
 * removed before each run, so that the whole-file check and backup are due. */
static void
measure (const char        *what,
         const char *const *timed,
         const char *const *bare,
         const char        *database,
         gboolean           first_of_day)
{
  double timed_s[RUNS], bare_s[RUNS], ratios[RUNS], cpu_ratios[RUNS];

  /* One unmeasured run of each warms the page cache (and makes the day's backup). */
  time_child (bare);
  time_child (timed);
  for (int i = 0; i < RUNS; i++)
    {
      Timing bare_run, timed_run;

      if (first_of_day)
        gs_test_remove_backups (database);
      bare_run = time_child (bare);
      timed_run = time_child (timed);
      bare_s[i] = bare_run.wall;
      timed_s[i] = timed_run.wall;
      ratios[i] = timed_run.wall / bare_run.wall;
      cpu_ratios[i] = timed_run.cpu / bare_run.cpu;
    }
  g_print ("  %-52s %6.1f ms  bare %6.1f ms  ratio %5.2f   main thread's CPU: ratio %5.2f\n", what,
           gs_test_median (timed_s, RUNS) * 1000, gs_test_median (bare_s, RUNS) * 1000, gs_test_median (ratios, RUNS),
           gs_test_median (cpu_ratios, RUNS));
}

/* The command line of bench-startup-adw for @database's first screen: the organisation
 * first in the alphabet, as the library shows them, and its newest assessments' titles
 * (the store lists the newest first). */
static GStrv
stock_command (const char *adw,
               const char *database)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GsStore) store = gs_store_open (database, &error);
  g_autoptr(GStrvBuilder) command = g_strv_builder_new ();
  GsAssessmentSummary *first = NULL;
  GListModel *assessments;
  guint n_rows = 0;

  g_assert_no_error (error);
  assessments = gs_store_get_assessments (store);
  for (guint i = 0; i < g_list_model_get_n_items (assessments); i++)
    {
      g_autoptr(GsAssessmentSummary) summary = g_list_model_get_item (assessments, i);

      if (first == NULL || g_utf8_collate (gs_assessment_summary_get_organisation_name (summary),
                                           gs_assessment_summary_get_organisation_name (first)) < 0)
        first = summary;  /* the store keeps a reference */
    }
  g_assert_nonnull (first);
  g_strv_builder_add_many (command, adw, gs_assessment_summary_get_organisation_name (first), NULL);
  for (guint i = 0; i < g_list_model_get_n_items (assessments) && n_rows < ROWS_ON_FIRST_SCREEN; i++)
    {
      g_autoptr(GsAssessmentSummary) summary = g_list_model_get_item (assessments, i);

      if (gs_assessment_summary_get_organisation_id (summary) == gs_assessment_summary_get_organisation_id (first))
        {
          g_strv_builder_add (command, gs_assessment_summary_get_title (summary));
          n_rows++;
        }
    }
  return g_strv_builder_end (command);
}

/* Times Groundswell on @database, first and later in the day, then (@stock_too) the same
 * first screen in stock widgets. */
static void
measure_database (const char *what,
                  const char *app,
                  const char *adw,
                  const char *database,
                  gboolean    stock_too)
{
  const char *const timed_argv[] = { app, database, NULL };
  const char *const bare_argv[] = { adw, NULL };
  g_autofree char *first = g_strdup_printf ("%s, first open of the day", what);
  g_autofree char *later = g_strdup_printf ("%s, later open", what);
  g_autofree char *stocked = g_strdup_printf ("%s: its first screen in stock widgets", what);

  measure (first, timed_argv, bare_argv, database, TRUE);
  measure (later, timed_argv, bare_argv, database, FALSE);
  if (stock_too)
    {
      g_auto(GStrv) stock_argv = stock_command (adw, database);

      measure (stocked, (const char *const *) stock_argv, bare_argv, database, FALSE);
    }
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

  if (argc != 3)
    {
      g_printerr ("usage: bench-startup BENCH-STARTUP-APP BENCH-STARTUP-ADW\n");
      return 2;
    }

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
  measure_database ("empty", argv[1], argv[2], empty, FALSE);
  measure_database ("example", argv[1], argv[2], example, TRUE);
  measure_database ("2,000 assessments", argv[1], argv[2], large, TRUE);
  gs_test_remove_tree (tmp);  /* the large database alone is 350 MB */
  return 0;
}
