/* test-cli.c — the command line, run as a user runs it: the real executable, no display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <grp.h>
#include <unistd.h>
#include <utime.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include <gio/gio.h>

#include "gs-test-util.h"
#include "core/gs-exchange.h"
#include "store/gs-store.h"

typedef struct {
  char *out;
  char *err;
  int   status;
} RunResult;

static void
run_result_clear (RunResult *result)
{
  g_clear_pointer (&result->out, g_free);
  g_clear_pointer (&result->err, g_free);
}

/* Permission bits do not bind root, as whom CI runs the tests: there the child becomes
 * "nobody", so that a file it may not write is one it cannot write. */
static void
become_other_user (gpointer user_data)
{
  if (getuid () == 0 && (setgroups (0, NULL) != 0 || setgid (65534) != 0 || setuid (65534) != 0))
    _exit (126);
}

/* Runs @argv (the program first, NULL-terminated) with no display, and waits for it. */
static void
spawn_and_wait (RunResult *result,
                gboolean   as_other_user,
                GPtrArray *argv)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  if (as_other_user)
    g_subprocess_launcher_set_child_setup (launcher, become_other_user, NULL, NULL);
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &result->out, &result->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  result->status = g_subprocess_get_exit_status (process);
}

/* Runs groundswell with @args and no display, and waits for it. */
static void
run_groundswell_argv (RunResult  *result,
                      gboolean    as_other_user,
                      const char *first_arg,
                      va_list     ap)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  const char *executable = g_getenv ("GS_EXECUTABLE");

  g_assert_nonnull (executable);
  g_ptr_array_add (argv, (char *) executable);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (argv, (char *) arg);
  g_ptr_array_add (argv, NULL);
  spawn_and_wait (result, as_other_user, argv);
}

/* Runs groundswell with the arguments in @args (NULL-terminated). */
static void
run_groundswell_strv (RunResult          *result,
                      const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();

  g_ptr_array_add (argv, (char *) g_getenv ("GS_EXECUTABLE"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  spawn_and_wait (result, FALSE, argv);
}

/* Runs groundswell with @args (NULL-terminated). */
static void
run_groundswell (RunResult   *result,
                 const char  *first_arg,
                 ...)
{
  va_list ap;

  va_start (ap, first_arg);
  run_groundswell_argv (result, FALSE, first_arg, ap);
  va_end (ap);
}

/* Runs groundswell with @args (NULL-terminated) as a user other than the files' owner. */
static void
run_groundswell_as_other_user (RunResult   *result,
                               const char  *first_arg,
                               ...)
{
  va_list ap;

  va_start (ap, first_arg);
  run_groundswell_argv (result, TRUE, first_arg, ap);
  va_end (ap);
}

static void
test_version (void)
{
  RunResult result = { 0 };

  run_groundswell (&result, "--version", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.out, ==, PACKAGE_NAME " " PACKAGE_VERSION "\n");
  g_assert_cmpstr (result.err, ==, "");
  run_result_clear (&result);
}

/* GLib's option parser names the unknown option and the command exits 1. */
static void
test_unknown_option (void)
{
  RunResult result = { 0 };

  run_groundswell (&result, "--frobnicate", NULL);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_nonnull (strstr (result.err, "Unknown option --frobnicate"));
  g_assert_cmpstr (result.out, ==, "");
  run_result_clear (&result);
}

static void
test_help_lists_database_option (void)
{
  RunResult result = { 0 };

  run_groundswell (&result, "--help", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "--database=FILE"));
  g_assert_nonnull (strstr (result.out, "--version"));
  run_result_clear (&result);
}

static char *
temp_path (const char *name)
{
  g_autofree char *dir = g_dir_make_tmp ("gs-cli-XXXXXX", NULL);

  g_assert_nonnull (dir);
  return g_build_filename (dir, name, NULL);
}

/* The headless commands on a fresh database: demo twice, list, export, import as a copy. */
static void
test_demo_list_export_import (void)
{
  g_autofree char *db = temp_path ("trust.db");
  g_autofree char *database = g_strconcat ("--database=", db, NULL);
  g_autofree char *dir = g_path_get_dirname (db);
  g_autofree char *json = g_build_filename (dir, "baseline.json", NULL);
  g_autofree char *csv = g_build_filename (dir, "baseline.csv", NULL);
  g_autofree char *output_json = g_strconcat ("--output=", json, NULL);
  g_autofree char *output_csv = g_strconcat ("--output=", csv, NULL);
  g_autofree char *import_json = g_strconcat ("--import=", json, NULL);
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) fields = NULL;
  RunResult result = { 0 };

  run_groundswell (&result, database, "--demo", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "Added the example organisation with 2 assessments"));
  run_result_clear (&result);
  run_groundswell (&result, database, "--demo", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "already in"));
  run_result_clear (&result);

  run_groundswell (&result, database, "--list", NULL);
  g_assert_cmpint (result.status, ==, 0);
  lines = g_strsplit (result.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);  /* two lines and the empty tail */
  fields = g_strsplit (lines[1], "\t", -1);
  g_assert_cmpuint (g_strv_length (fields), ==, 6);
  g_assert_cmpstr (fields[0], ==, "1");
  g_assert_cmpstr (fields[1], ==, "Riverside Community Health NHS Trust (fictional example)");
  g_assert_cmpstr (fields[2], ==, "Baseline");
  g_assert_cmpstr (fields[3], ==, "2026-03-02");
  g_assert_cmpstr (fields[4], ==, "10");
  g_assert_true (g_str_has_suffix (fields[5], "%"));
  run_result_clear (&result);

  run_groundswell (&result, database, "--export=1", output_json, NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_true (g_file_test (json, G_FILE_TEST_EXISTS));
  run_result_clear (&result);
  run_groundswell (&result, database, "--export=1", output_csv, NULL);
  g_assert_cmpint (result.status, ==, 0);
  run_result_clear (&result);

  /* The same file again: refused, nothing added; as a copy: a third assessment. */
  run_groundswell (&result, database, import_json, NULL);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_nonnull (strstr (result.err, "is already in this database"));
  g_assert_cmpstr (result.out, ==, "");
  run_result_clear (&result);
  run_groundswell (&result, database, import_json, "--as-copy", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.out, ==, "3\n");
  run_result_clear (&result);
}

/* The plan travels: the example's follow-up exported, imported into another database and
 * exported again is the same file, byte for byte; --export-plan writes it alone as CSV. */
static void
test_plan_round_trip_and_csv (void)
{
  g_autofree char *db = temp_path ("plan.db");
  g_autofree char *other_db = temp_path ("other.db");
  g_autofree char *database = g_strconcat ("--database=", db, NULL);
  g_autofree char *other = g_strconcat ("--database=", other_db, NULL);
  g_autofree char *dir = g_path_get_dirname (db);
  g_autofree char *first = g_build_filename (dir, "first.json", NULL);
  g_autofree char *second = g_build_filename (dir, "second.json", NULL);
  g_autofree char *csv = g_build_filename (dir, "plan.csv", NULL);
  g_autofree char *output_first = g_strconcat ("--output=", first, NULL);
  g_autofree char *output_second = g_strconcat ("--output=", second, NULL);
  g_autofree char *output_csv = g_strconcat ("--output=", csv, NULL);
  g_autofree char *import = g_strconcat ("--import=", first, NULL);
  g_autofree char *a = NULL, *b = NULL, *text = NULL;
  g_auto(GStrv) lines = NULL;
  RunResult result = { 0 };

  run_groundswell (&result, database, "--demo", NULL);
  g_assert_cmpint (result.status, ==, 0);
  run_result_clear (&result);
  run_groundswell (&result, database, "--export=2", output_first, NULL);
  g_assert_cmpint (result.status, ==, 0);
  run_result_clear (&result);
  run_groundswell (&result, other, import, NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.out, ==, "1\n");
  run_result_clear (&result);
  run_groundswell (&result, other, "--export=1", output_second, NULL);
  g_assert_cmpint (result.status, ==, 0);
  run_result_clear (&result);
  g_assert_true (g_file_get_contents (first, &a, NULL, NULL));
  g_assert_true (g_file_get_contents (second, &b, NULL, NULL));
  g_assert_nonnull (strstr (a, "\"plan\""));
  g_assert_cmpstr (a, ==, b);

  run_groundswell (&result, database, "--export-plan=2", output_csv, NULL);
  g_assert_cmpint (result.status, ==, 0);
  run_result_clear (&result);
  g_assert_true (g_file_get_contents (csv, &text, NULL, NULL));
  lines = g_strsplit (text, "\r\n", -1);
  g_assert_cmpstr (lines[0], ==, "kind,id,area,area_key,what,owner,due,status,note");
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + 3 + 1 + 1);  /* header, actions, signal, and the last line's end */
  g_assert_true (g_str_has_prefix (lines[1], "action,"));
  g_assert_nonnull (strstr (lines[1], "Set mobilisation in motion, then coordinate and resource what staff start."));
  g_assert_nonnull (strstr (lines[1], ",Head of Quality Improvement,2026-05-31,done,"));
  g_assert_true (g_str_has_prefix (lines[4], "signal,"));

  run_groundswell (&result, database, "--export-plan=2", "--output=/tmp/plan.pdf", NULL);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_nonnull (strstr (result.err, "--export-plan needs --output=FILE.csv"));
  run_result_clear (&result);
}

/* Failures: one line on stderr naming what and why, exit 1, nothing written. */
static void
test_failures_write_nothing (void)
{
  g_autofree char *db = temp_path ("empty.db");
  g_autofree char *database = g_strconcat ("--database=", db, NULL);
  g_autofree char *dir = g_path_get_dirname (db);
  g_autofree char *out = g_build_filename (dir, "out.json", NULL);
  g_autofree char *output = g_strconcat ("--output=", out, NULL);
  g_autofree char *bad = g_build_filename (dir, "bad.json", NULL);
  g_autofree char *import_bad = g_strconcat ("--import=", bad, NULL);
  RunResult result = { 0 };

  run_groundswell (&result, database, "--export=42", output, NULL);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_true (g_str_has_prefix (result.err, "groundswell: There is no assessment 42 in"));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  run_result_clear (&result);

  run_groundswell (&result, database, "--export=1", "--output=/tmp/x.pdf", NULL);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_nonnull (strstr (result.err, "must end in .json or .csv"));
  run_result_clear (&result);

  g_assert_true (g_file_set_contents (bad, "{\"format\": \"groundswell-assessment\", \"format_version\": 1,", -1, NULL));
  run_groundswell (&result, database, import_bad, NULL);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_nonnull (strstr (result.err, bad));
  g_assert_nonnull (strstr (result.err, "not valid JSON"));
  g_assert_true (g_str_has_suffix (result.err, "\n") && strchr (result.err, '\n') == strrchr (result.err, '\n'));
  run_result_clear (&result);

  run_groundswell (&result, database, "--list", NULL);
  g_assert_cmpstr (result.out, ==, "");
  run_result_clear (&result);
}

/* A returned file of 100,000 '[' once crashed the app (the JSON parser recursed until the
 * stack ran out): the real binary now refuses it in words, and the database is unchanged. */
static void
test_deep_nesting_refused (void)
{
  g_autofree char *db = temp_path ("nesting.db");
  g_autofree char *database = g_strconcat ("--database=", db, NULL);
  g_autofree char *dir = g_path_get_dirname (db);
  g_autofree char *deep = g_build_filename (dir, "deep.json", NULL);
  g_autofree char *import_deep = g_strconcat ("--import=", deep, NULL);
  g_autofree char *brackets = g_strnfill (100000, '[');
  RunResult result = { 0 };

  run_groundswell (&result, database, "--demo", NULL);
  g_assert_cmpint (result.status, ==, 0);
  run_result_clear (&result);
  g_assert_true (g_file_set_contents (deep, brackets, -1, NULL));
  run_groundswell (&result, database, import_deep, NULL);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_nonnull (strstr (result.err, deep));
  g_assert_nonnull (strstr (result.err, "nested deeper than any Groundswell file"));
  run_result_clear (&result);
  run_groundswell (&result, database, "--list", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "Six-month follow-up"));
  run_result_clear (&result);
}

/* --list is one line per assessment with six fields, whatever a database written before
 * names were checked holds: a tab, a newline or a terminal escape is shown as U+FFFD. */
static void
test_list_shows_no_control_characters (void)
{
  g_autofree char *db = temp_path ("control.db");
  g_autofree char *database = g_strconcat ("--database=", db, NULL);
  g_auto(GStrv) lines = NULL;
  RunResult result = { 0 };
  sqlite3 *handle = NULL;

  run_groundswell (&result, database, "--demo", NULL);
  g_assert_cmpint (result.status, ==, 0);
  run_result_clear (&result);
  g_assert_cmpint (sqlite3_open (db, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, "UPDATE organisations SET name = 'Trust' || char (9) || char (27) || '[2J' || char (10) || 'Red'",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (handle);

  run_groundswell (&result, database, "--list", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_null (strchr (result.out, '\x1b'));
  lines = g_strsplit (result.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);  /* two assessments, then the final newline */
  for (guint i = 0; i < 2; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", -1);
      g_assert_cmpuint (g_strv_length (fields), ==, 6);
      g_assert_true (g_str_has_prefix (fields[1], "Trust\xEF\xBF\xBD\xEF\xBF\xBD[2J\xEF\xBF\xBDRed"));
    }
  run_result_clear (&result);
}

/* A killed export leaves ".NAME.XXXXXX.partial" beside its target: the next export to that name
 * clears such leftovers once they are old, and leaves alone a fresh one (an export still
 * writing) and every file of another name. */
static void
test_export_clears_leftovers (void)
{
  g_autofree char *db = temp_path ("litter.db");
  g_autofree char *database = g_strconcat ("--database=", db, NULL);
  g_autofree char *dir = g_path_get_dirname (db);
  g_autofree char *target = g_build_filename (dir, "out.json", NULL);
  g_autofree char *output = g_strconcat ("--output=", target, NULL);
  const char *stale[] = { ".out.json.Ab3xY9.partial", ".out.json.Zz0000.partial" };
  const char *kept[] = { ".out.json.Fresh1.partial", "out.json.backup", ".other.json.Ab3xY9.partial",
                         ".out.json.Ab3xY9z.partial", "out.json.Ab3xY9" };
  RunResult result = { 0 };

  run_groundswell (&result, database, "--demo", NULL);
  run_result_clear (&result);
  for (guint i = 0; i < G_N_ELEMENTS (stale) + G_N_ELEMENTS (kept); i++)
    {
      const char *name = i < G_N_ELEMENTS (stale) ? stale[i] : kept[i - G_N_ELEMENTS (stale)];
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_assert_true (g_file_set_contents (path, "half", -1, NULL));
      if (i < G_N_ELEMENTS (stale) || !g_str_equal (name, ".out.json.Fresh1.partial"))
        g_assert_cmpint (g_utime (path, &(struct utimbuf) { 1577836800, 1577836800 }), ==, 0);
    }
  for (guint format = 0; format < 2; format++)
    {
      run_groundswell (&result, database, "--export=1", output, NULL);
      g_assert_cmpint (result.status, ==, 0);
      run_result_clear (&result);
    }
  for (guint i = 0; i < G_N_ELEMENTS (stale); i++)
    {
      g_autofree char *path = g_build_filename (dir, stale[i], NULL);
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    }
  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    {
      g_autofree char *path = g_build_filename (dir, kept[i], NULL);
      g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
    }
  g_assert_true (g_file_test (target, G_FILE_TEST_EXISTS));
}

/* Whether @needle occurs in the binary @haystack (which may hold nul bytes). */
static gboolean
contains_bytes (const char *haystack,
                gsize       length,
                const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= length; i++)
    if (memcmp (haystack + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

static guint32
big_endian (const guint8 *bytes)
{
  return (guint32) bytes[0] << 24 | (guint32) bytes[1] << 16 | (guint32) bytes[2] << 8 | bytes[3];
}

/* --export-chart writes a PNG of the requested size times the scale, a vector SVG and PDF of
 * the requested size; bad names, sizes and paths say why and write nothing. */
static void
test_export_chart (void)
{
  g_autofree char *db = temp_path ("charts.db");
  g_autofree char *database = g_strconcat ("--database=", db, NULL);
  g_autofree char *dir = g_path_get_dirname (db);
  g_autofree char *png = g_build_filename (dir, "polarity.png", NULL);
  g_autofree char *svg = g_build_filename (dir, "timeline.svg", NULL);
  g_autofree char *pdf = g_build_filename (dir, "context.pdf", NULL);
  g_autofree char *out_png = g_strconcat ("--output=", png, NULL);
  g_autofree char *out_svg = g_strconcat ("--output=", svg, NULL);
  g_autofree char *out_pdf = g_strconcat ("--output=", pdf, NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;
  RunResult result = { 0 };

  run_groundswell (&result, database, "--demo", NULL);
  run_result_clear (&result);

  run_groundswell (&result, database, "--export-chart=1", "--chart=polarity-2", out_png, "--width=700",
                   "--height=500", "--scale=2", NULL);
  g_assert_cmpint (result.status, ==, 0);
  run_result_clear (&result);
  g_assert_true (g_file_get_contents (png, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 24);
  g_assert_true (memcmp (contents, "\x89PNG\r\n\x1a\n", 8) == 0);
  g_assert_cmpuint (big_endian ((const guint8 *) contents + 16), ==, 1400);
  g_assert_cmpuint (big_endian ((const guint8 *) contents + 20), ==, 1000);
  g_clear_pointer (&contents, g_free);

  run_groundswell (&result, database, "--export-chart=2", "--chart=timeline", out_svg, "--width=800", "--height=600", NULL);
  g_assert_cmpint (result.status, ==, 0);
  run_result_clear (&result);
  g_assert_true (g_file_get_contents (svg, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "<svg"));
  g_assert_nonnull (strstr (contents, "width=\"800pt\" height=\"600pt\""));
  g_clear_pointer (&contents, g_free);

  run_groundswell (&result, database, "--export-chart=2", "--chart=context", out_pdf, "--width=800", "--height=600", NULL);
  g_assert_cmpint (result.status, ==, 0);
  run_result_clear (&result);
  g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_assert_true (contains_bytes (contents, length, "/MediaBox [ 0 0 800 600 ]"));
  g_clear_pointer (&contents, g_free);
  /* The caption, on by default: what the chart is, whose, when (in words), the source. */
  {
    g_autofree char *text = gs_test_pdf_text (pdf);

    g_assert_nonnull (strstr (text, "Context profile"));
    g_assert_nonnull (strstr (text, "Riverside Community Health NHS Trust (fictional example) — Six-month follow-up, "
                                    "7 September 2026"));
    g_assert_nonnull (strstr (text, "Source: Groundswell, after Bate, Robert & Bevan 2004"));
  }
  run_groundswell (&result, database, "--export-chart=2", "--chart=context", out_pdf, "--width=800", "--height=600",
                   "--no-caption", NULL);
  g_assert_cmpint (result.status, ==, 0);
  run_result_clear (&result);
  {
    g_autofree char *text = gs_test_pdf_text (pdf);

    g_assert_null (strstr (text, "Source: Groundswell"));
    g_assert_null (strstr (text, "7 September 2026"));
    g_assert_nonnull (strstr (text, "Board"));
  }

  {
    static const char *bad[][2] = {
      { "--chart=radar", "There is no chart called “radar”" },
      { "--width=10", "must be from 64 to 16384 pixels" },
      /* Assessment 1 is the example's baseline: nothing earlier to compare with. */
      { "--chart=comparison", "“Baseline” has no earlier assessment of its organisation to compare with" },
    };
    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autofree char *target = g_build_filename (dir, "bad.png", NULL);
        g_autofree char *out = g_strconcat ("--output=", target, NULL);
        const char *chart = g_str_has_prefix (bad[i][0], "--chart") ? bad[i][0] : "--chart=context";
        const char *width = g_str_has_prefix (bad[i][0], "--width") ? bad[i][0] : "--width=800";

        run_groundswell (&result, database, "--export-chart=1", chart, width, out, NULL);
        g_assert_cmpint (result.status, ==, 1);
        g_assert_nonnull (strstr (result.err, bad[i][1]));
        g_assert_false (g_file_test (target, G_FILE_TEST_EXISTS));
        run_result_clear (&result);
      }
  }
  run_groundswell (&result, database, "--export-chart=1", "--chart=context", "--output=/nonexistent/folder/x.png", NULL);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_nonnull (strstr (result.err, "/nonexistent/folder/x.png"));
  run_result_clear (&result);
}

/* --export-report writes a PDF headlessly, A4 or Letter; a wrong paper or file says so. */
static void
test_export_report (void)
{
  g_autofree char *db = temp_path ("report.db");
  g_autofree char *database = g_strconcat ("--database=", db, NULL);
  g_autofree char *dir = g_path_get_dirname (db);
  g_autofree char *pdf = g_build_filename (dir, "report.pdf", NULL);
  g_autofree char *output = g_strconcat ("--output=", pdf, NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;
  RunResult result = { 0 };

  run_groundswell (&result, database, "--demo", NULL);
  run_result_clear (&result);
  run_groundswell (&result, database, "--export-report=2", output, "--paper=letter", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.err, ==, "");
  run_result_clear (&result);
  g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_assert_true (contains_bytes (contents, length, "/MediaBox [ 0 0 612 792 ]"));
  g_assert_cmphex (g_file_test (pdf, G_FILE_TEST_EXISTS), ==, TRUE);

  run_groundswell (&result, database, "--export-report=2", output, "--paper=a3", NULL);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_nonnull (strstr (result.err, "Unknown paper size “a3”"));
  run_result_clear (&result);
  run_groundswell (&result, database, "--export-report=2", "--output=/tmp/report.docx", NULL);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_nonnull (strstr (result.err, "ending in .pdf"));
  run_result_clear (&result);
}

/* A database this user may not change (a colleague's, or on a read-only share): list,
 * export and report work, an import is refused in words, and the file is as it was. */
static void
test_read_only_database (void)
{
  g_autofree char *db = temp_path ("shared.db");
  g_autofree char *database = g_strconcat ("--database=", db, NULL);
  g_autofree char *folder = g_path_get_dirname (db);
  g_autofree char *outputs = g_dir_make_tmp ("gs-cli-out-XXXXXX", NULL);
  g_autofree char *json = g_build_filename (outputs, "baseline.json", NULL);
  g_autofree char *pdf = g_build_filename (outputs, "report.pdf", NULL);
  g_autofree char *output_json = g_strconcat ("--output=", json, NULL);
  g_autofree char *output_pdf = g_strconcat ("--output=", pdf, NULL);
  g_autofree char *import_json = g_strconcat ("--import=", json, NULL);
  g_autofree char *wal = g_strconcat (db, "-wal", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *contents = NULL;
  RunResult result = { 0 };

  run_groundswell (&result, database, "--demo", NULL);
  g_assert_cmpint (result.status, ==, 0);
  run_result_clear (&result);
  g_assert_cmpint (g_chmod (db, 0444), ==, 0);
  g_assert_cmpint (g_chmod (folder, 0555), ==, 0);
  g_assert_cmpint (g_chmod (outputs, 0777), ==, 0);
  g_assert_true (g_file_get_contents (db, &contents, NULL, NULL));
  before = g_compute_checksum_for_string (G_CHECKSUM_SHA256, contents, -1);
  g_clear_pointer (&contents, g_free);

  run_groundswell_as_other_user (&result, database, "--list", NULL);
  g_assert_cmpstr (result.err, ==, "");
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "1\tRiverside Community Health NHS Trust (fictional example)\tBaseline"));
  run_result_clear (&result);
  run_groundswell_as_other_user (&result, database, "--export=1", output_json, NULL);
  g_assert_cmpint (result.status, ==, 0);
  run_result_clear (&result);
  g_assert_true (g_file_get_contents (json, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "\"title\" : \"Baseline\""));
  g_clear_pointer (&contents, g_free);
  run_groundswell_as_other_user (&result, database, "--export-report=2", output_pdf, NULL);
  g_assert_cmpint (result.status, ==, 0);
  run_result_clear (&result);
  g_assert_true (g_file_get_contents (pdf, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_clear_pointer (&contents, g_free);

  run_groundswell_as_other_user (&result, database, import_json, "--as-copy", NULL);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_nonnull (strstr (result.err, "is read-only: its assessments can be read, exported and printed, but not changed"));
  run_result_clear (&result);

  g_assert_true (g_file_get_contents (db, &contents, NULL, NULL));
  after = g_compute_checksum_for_string (G_CHECKSUM_SHA256, contents, -1);
  g_assert_cmpstr (after, ==, before);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_cmpint (g_chmod (folder, 0700), ==, 0);
}

/* The respondents column of the assessment with @id in --list's output. */
static guint
listed_respondents (const char *database,
                    const char *id)
{
  RunResult result = { 0 };
  g_auto(GStrv) lines = NULL;
  guint n = G_MAXUINT;

  run_groundswell (&result, database, "--list", NULL);
  g_assert_cmpint (result.status, ==, 0);
  lines = g_strsplit (result.out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", -1);

      if (g_strv_length (fields) > 4 && g_str_equal (fields[0], id))
        n = (guint) g_ascii_strtoull (fields[4], NULL, 10);
    }
  run_result_clear (&result);
  return n;
}

/* A survey platform set up from the template: its export imports as new respondents, once;
 * an ambiguous header is refused naming its columns, and nothing changes. */
static void
test_survey_template_and_import (void)
{
  g_autofree char *db = temp_path ("survey.db");
  g_autofree char *database = g_strconcat ("--database=", db, NULL);
  g_autofree char *dir = g_path_get_dirname (db);
  g_autofree char *template = g_build_filename (dir, "template.csv", NULL);
  g_autofree char *export = g_build_filename (dir, "export.csv", NULL);
  g_autofree char *output = g_strconcat ("--output=", template, NULL);
  g_autofree char *import = g_strconcat ("--import-survey=", export, NULL);
  g_autofree char *header = NULL;
  g_autoptr(GString) rows = NULL;
  guint before;
  RunResult result = { 0 };

  run_groundswell (&result, database, "--demo", NULL);
  run_result_clear (&result);
  before = listed_respondents (database, "2");
  run_groundswell (&result, database, "--export-template=2", output, NULL);
  g_assert_cmpint (result.status, ==, 0);
  run_result_clear (&result);
  g_assert_true (g_file_get_contents (template, &header, NULL, NULL));
  g_assert_true (g_str_has_prefix (header, "Name,Group,\"We have people in key posts"));
  g_assert_nonnull (strstr (header, "[org-key-people]\""));

  /* The platform's export: the template's header, then two people's answers. */
  rows = g_string_new (header);
  g_string_append (rows, "Dr Siân Roberts,Board,4,5\r\nR-22,Front line,Strongly disagree,Don't know\r\n");
  g_assert_true (g_file_set_contents (export, rows->str, -1, NULL));
  run_groundswell (&result, database, import, "--into=2", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "Names: “Name”. Groups: “Group”."));
  g_assert_nonnull (strstr (result.out, "Added 2 respondents."));
  run_result_clear (&result);
  g_assert_cmpuint (listed_respondents (database, "2"), ==, before + 2);
  run_groundswell (&result, database, import, "--into=2", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "Added 0 respondents."));
  run_result_clear (&result);

  g_assert_true (g_file_set_contents (export, "Name,org-key-people,orgkeypeople\r\nAnn,4,4\r\n", -1, NULL));
  run_groundswell (&result, database, import, "--into=2", NULL);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_nonnull (strstr (result.err, "“org-key-people” and “orgkeypeople” both answer"));
  run_result_clear (&result);
  g_assert_cmpuint (listed_respondents (database, "2"), ==, before + 2);

  run_groundswell (&result, database, import, NULL);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_nonnull (strstr (result.err, "--into=ID"));
  run_result_clear (&result);

  /* The same questions on paper. */
  {
    g_autofree char *pdf = g_build_filename (dir, "questionnaire.pdf", NULL);
    g_autofree char *pdf_output = g_strconcat ("--output=", pdf, NULL);
    g_autofree char *contents = NULL;

    run_groundswell (&result, database, "--export-questionnaire=2", pdf_output, "--paper=letter", NULL);
    g_assert_cmpint (result.status, ==, 0);
    run_result_clear (&result);
    g_assert_true (g_file_get_contents (pdf, &contents, NULL, NULL));
    g_assert_true (g_str_has_prefix (contents, "%PDF-"));
    run_groundswell (&result, database, "--export-questionnaire=2", output, NULL);  /* a .csv name */
    g_assert_cmpint (result.status, ==, 1);
    g_assert_nonnull (strstr (result.err, "--output=FILE.pdf"));
    run_result_clear (&result);
  }
}

/* Twenty respondents' files imported in one go, one of them twice: each is added once (the
 * repeat finds its respondent already there), every file prints the assessment's id. */
static void
test_import_many_files (void)
{
  g_autofree char *db = temp_path ("many.db");
  g_autofree char *database = g_strconcat ("--database=", db, NULL);
  g_autofree char *dir = g_path_get_dirname (db);
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GsAssessment) target = NULL;
  g_autoptr(GError) error = NULL;
  RunResult result = { 0 };
  guint before;

  run_groundswell (&result, database, "--demo", NULL);
  run_result_clear (&result);
  {
    g_autoptr(GsStore) store = gs_store_open (db, &error);

    g_assert_no_error (error);
    target = gs_store_load_assessment (store, 2, &error);
    g_assert_no_error (error);
  }
  before = gs_assessment_get_respondents (target)->len;
  g_ptr_array_add (args, g_strdup (database));
  for (guint i = 0; i < 20; i++)
    {
      g_autoptr(GsAssessment) responses = gs_assessment_new_like (target);
      g_autofree char *name = g_strdup_printf ("R-%02u", i + 1);
      g_autofree char *file = g_strdup_printf ("%s/respondent-%02u.json", dir, i + 1);
      GsRespondent *respondent = gs_assessment_add_respondent (responses, NULL, name, i % 2 ? "Board" : "Front line");
      g_autofree char *json = NULL;

      gs_respondent_set_answer (respondent, "org-key-people", GS_ANSWER_VALUE, 1 + i % 5, "");
      json = gs_exchange_write_json (responses, GS_EXCHANGE_RESPONSES);
      g_assert_true (g_file_set_contents (file, json, -1, NULL));
      g_ptr_array_add (args, g_strconcat ("--import=", file, NULL));
    }
  g_ptr_array_add (args, g_strdup (g_ptr_array_index (args, 1)));  /* the first again */
  g_ptr_array_add (args, NULL);
  run_groundswell_strv (&result, (const char * const *) args->pdata);
  g_assert_cmpint (result.status, ==, 0);
  {
    g_auto(GStrv) ids = g_strsplit (result.out, "\n", -1);

    g_assert_cmpuint (g_strv_length (ids), ==, 22);  /* twenty-one ids and the empty tail */
    for (guint i = 0; i < 21; i++)
      g_assert_cmpstr (ids[i], ==, "2");
  }
  run_result_clear (&result);
  {
    g_autoptr(GsStore) store = gs_store_open (db, &error);
    g_autoptr(GsAssessment) after = gs_store_load_assessment (store, 2, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (gs_assessment_get_respondents (after)->len, ==, before + 20);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/version", test_version);
  g_test_add_func ("/cli/unknown-option", test_unknown_option);
  g_test_add_func ("/cli/help-lists-database-option", test_help_lists_database_option);
  g_test_add_func ("/cli/demo-list-export-import", test_demo_list_export_import);
  g_test_add_func ("/cli/failures-write-nothing", test_failures_write_nothing);
  g_test_add_func ("/cli/plan-round-trip-and-csv", test_plan_round_trip_and_csv);
  g_test_add_func ("/cli/deep-nesting-refused", test_deep_nesting_refused);
  g_test_add_func ("/cli/list-shows-no-control-characters", test_list_shows_no_control_characters);
  g_test_add_func ("/cli/export-clears-leftovers", test_export_clears_leftovers);
  g_test_add_func ("/cli/export-chart", test_export_chart);
  g_test_add_func ("/cli/export-report", test_export_report);
  g_test_add_func ("/cli/read-only-database", test_read_only_database);
  g_test_add_func ("/cli/survey-template-and-import", test_survey_template_and_import);
  g_test_add_func ("/cli/import-many-files", test_import_many_files);

  return g_test_run ();
}
