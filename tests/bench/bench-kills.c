/* bench-kills.c — the real binary killed at random moments: is anything ever lost?
 *
 * Fifty times each, `groundswell --import` of a large file and a first opening of the day
 * (the whole-file check and backup) are killed with SIGKILL after a random delay. After
 * each kill the database must pass SQLite's integrity check and hold either the assessments
 * it had or those and the new one — never part of one — and every file named as a backup
 * must be a whole, checkable database. Prints the counts; a count of broken files above
 * zero is a bug. Not a timed test: it runs with the benchmarks.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <sqlite3.h>

#include "core/gs-exchange.h"
#include "gs-test-util.h"
#include "store/gs-store.h"

#define KILLS 50

static char *
first_text (const char *path,
            const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
      sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return text;
}

static gboolean
whole (const char *path)
{
  g_autofree char *check = first_text (path, "PRAGMA integrity_check");

  return g_strcmp0 (check, "ok") == 0;
}

/* Starts the binary with @args and kills it after 0–@max_ms milliseconds. */
static void
kill_during (const char * const *args,
             guint               max_ms)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;

  process = g_subprocess_newv (args, G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error);
  g_assert_no_error (error);
  g_usleep (g_random_int_range (0, (gint32) max_ms * 1000));
  g_subprocess_send_signal (process, SIGKILL);
  g_subprocess_wait (process, NULL, NULL);
}

int
main (int   argc,
      char *argv[])
{
  const char *executable = g_getenv ("GS_EXECUTABLE");
  g_autofree char *database = gs_test_temp_path ("kills.db");
  g_autofree char *folder = g_path_get_dirname (database);
  g_autofree char *file = g_build_filename (folder, "import.json", NULL);
  g_autofree char *database_arg = g_strconcat ("--database=", database, NULL);
  g_autofree char *import_arg = g_strconcat ("--import=", file, NULL);
  guint broken_databases = 0, broken_backups = 0, half_imports = 0, backups_checked = 0, imports_done = 0;
  gboolean backup_after = FALSE;
  guint import_ms;
  guint n_items = gs_instrument_get_items (gs_test_instrument ())->len;
  g_autofree char *all_answers = g_strdup_printf ("%u", 300 * n_items);

  g_assert_nonnull (executable);
  /* A file of one assessment with 300 respondents: an import that takes a while. */
  {
    g_autofree char *source = gs_test_temp_path ("source.db");
    g_autoptr(GsStore) store = NULL;
    g_autoptr(GsAssessment) assessment = NULL;
    g_autoptr(GError) error = NULL;

    gs_test_generate (source, gs_test_instrument (), 1, 1, 300, gs_instrument_get_items (gs_test_instrument ())->len);
    store = gs_store_open (source, &error);
    g_assert_no_error (error);
    assessment = gs_store_load_assessment (store, 1, &error);
    g_assert_no_error (error);
    g_assert_true (gs_exchange_write_file (gs_test_instrument (), assessment, file, &error));
    g_clear_object (&store);
    store = gs_store_open (database, &error);  /* the database under test, with its first backup */
    g_assert_no_error (error);
    g_assert_true (gs_store_add_demo (store, gs_test_instrument (), &error));
  }

  /* One import not killed, to know how long one takes: the kills then fall anywhere in it. */
  {
    const char *import[] = { executable, database_arg, import_arg, "--as-copy", NULL };
    g_autoptr(GSubprocess) process = g_subprocess_newv (import, G_SUBPROCESS_FLAGS_STDOUT_SILENCE, NULL);
    gint64 start = g_get_monotonic_time ();

    g_subprocess_wait_check (process, NULL, NULL);
    import_ms = (guint) ((g_get_monotonic_time () - start) / 1000);
  }

  for (guint i = 0; i < KILLS; i++)
    {
      const char *import[] = { executable, database_arg, import_arg, "--as-copy", NULL };
      g_autofree char *before = first_text (database, "SELECT count (*) FROM assessments");
      g_autofree char *after = NULL;
      g_autofree char *answers = NULL;

      kill_during (import, import_ms * 6 / 5);
      broken_databases += !whole (database);
      after = first_text (database, "SELECT count (*) FROM assessments");
      /* An import is all there or not at all: the new assessment with every answer. */
      answers = first_text (database, "SELECT count (*) FROM answers a JOIN respondents r ON r.id = a.respondent_id"
                                      " JOIN assessments s ON s.id = r.assessment_id"
                                      " WHERE s.id = (SELECT max (id) FROM assessments) AND s.title LIKE '%(copy)'");
      if (g_strcmp0 (before, after) != 0 && g_strcmp0 (answers, all_answers) != 0)
        half_imports++;
      imports_done += g_strcmp0 (before, after) != 0;
    }

  for (guint i = 0; i < KILLS; i++)
    {
      const char *list[] = { executable, database_arg, "--list", NULL };
      g_autoptr(GPtrArray) backups = NULL;

      gs_test_remove_backups (database);  /* the next opening checks and backs up */
      kill_during (list, 600);
      broken_databases += !whole (database);
      backups = gs_store_list_backups (database);
      for (guint b = 0; b < backups->len; b++, backups_checked++)
        broken_backups += !whole (g_ptr_array_index (backups, b));
    }

  /* After all that, an opening that is not killed makes the day's backup. */
  {
    const char *list[] = { executable, database_arg, "--list", NULL };
    g_autoptr(GSubprocess) process = g_subprocess_newv (list, G_SUBPROCESS_FLAGS_STDOUT_SILENCE, NULL);
    g_autoptr(GPtrArray) backups = NULL;

    gs_test_remove_backups (database);
    g_subprocess_wait_check (process, NULL, NULL);
    backups = gs_store_list_backups (database);
    backup_after = backups->len == 1 && whole (g_ptr_array_index (backups, 0));
  }

  g_print ("%u kills during an import of 300 respondents, %u during the first opening of the day\n", KILLS, KILLS);
  g_print ("  one import takes %u ms; imports that finished before their kill  %u\n", import_ms, imports_done);
  g_print ("  databases failing SQLite's integrity check   %u\n", broken_databases);
  g_print ("  imports found half done                       %u\n", half_imports);
  g_print ("  backups checked / failing the check           %u / %u\n", backups_checked, broken_backups);
  g_print ("  a whole backup made by the next opening       %s\n", backup_after ? "yes" : "NO");
  return 0;
}
