/* store-test-util.c — databases for the store's tests, and reading them as another
 * program would
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "gs-test-util.h"
#include "store-test-util.h"
#include "store/gs-assessment-summary.h"

char *
temp_database (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gs-store-XXXXXX", &error);

  g_assert_no_error (error);
  return g_build_filename (dir, "groundswell.db", NULL);
}

guint
mode_of (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 0777;
}

char *
checksum_of (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

/* Runs SQL on a file with SQLite alone, as another program would. */
void
raw_sql (const char *path,
         const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

char *
raw_text (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return text;
}

/* A database holding the demo: two assessments, ten respondents each, a timeline. */
char *
demo_database (void)
{
  g_autofree char *path = temp_database ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GsStore) store = gs_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_true (gs_store_add_demo (store, gs_test_instrument (), &error));
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

gint64
first_assessment_id (GsStore *store)
{
  g_autoptr(GsAssessmentSummary) row = g_list_model_get_item (gs_store_get_assessments (store), 0);

  g_assert_nonnull (row);
  return gs_assessment_summary_get_id (row);
}

/* Overwrites the headers of pages 2 to 5 (the first tables' b-tree pages), as a failing
 * disk would: the file still says it is SQLite, but SQLite's own check finds the damage. */
void
spoil_corrupt (const char *path)
{
  FILE *file = fopen (path, "r+b");
  char garbage[64];

  memset (garbage, 0x5A, sizeof garbage);
  g_assert_nonnull (file);
  for (long page = 1; page <= 4; page++)
    {
      g_assert_cmpint (fseek (file, page * 4096, SEEK_SET), ==, 0);
      g_assert_cmpuint (fwrite (garbage, 1, sizeof garbage, file), ==, sizeof garbage);
    }
  g_assert_cmpint (fclose (file), ==, 0);
}
