/* test-store.c — opening, creating and refusing database files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sys/stat.h>

#include "store/gs-store.h"

static guint
mode_of (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 0777;
}

/* A new database, its folder and its write-ahead log are readable by their owner only:
 * assessments hold what people said about their employer. */
static void
test_new_database_is_private (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = g_dir_make_tmp ("gs-store-XXXXXX", &error);
  g_autofree char *folder = g_build_filename (tmp, "nested", "groundswell", NULL);
  g_autofree char *path = g_build_filename (folder, "groundswell.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr(GsStore) store = NULL;
  guint n = G_MAXUINT;

  g_assert_no_error (error);
  store = gs_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_cmpstr (gs_store_get_path (store), ==, path);

  g_assert_cmphex (mode_of (folder), ==, 0700);
  g_assert_cmphex (mode_of (path), ==, 0600);
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_cmphex (mode_of (wal), ==, 0600);

  g_assert_true (gs_store_count_assessments (store, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 0);
}

/* Opening an existing database a second time keeps it, and does not re-run migrations. */
static void
test_reopen_existing (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = g_dir_make_tmp ("gs-store-XXXXXX", &error);
  g_autofree char *path = g_build_filename (tmp, "groundswell.db", NULL);
  GsStore *store;
  guint n = G_MAXUINT;

  store = gs_store_open (path, &error);
  g_assert_no_error (error);
  g_object_unref (store);

  store = gs_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (gs_store_count_assessments (store, &n, &error));
  g_assert_cmpuint (n, ==, 0);
  g_object_unref (store);
}

/* A file that is not a database is refused with a message naming it, and is not changed. */
static void
test_not_a_database_is_left_alone (void)
{
  static const char text[] = "Minutes of the board meeting, 3 March.\nNot a database at all.\n";
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = g_dir_make_tmp ("gs-store-XXXXXX", &error);
  g_autofree char *path = g_build_filename (tmp, "notes.db", NULL);
  g_autofree char *after = NULL;
  g_autoptr(GsStore) store = NULL;
  gsize length = 0;

  g_assert_true (g_file_set_contents (path, text, -1, &error));
  store = gs_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, GS_STORE_ERROR, GS_STORE_ERROR_NOT_DATABASE);
  g_assert_nonnull (strstr (error->message, path));

  g_assert_true (g_file_get_contents (path, &after, &length, NULL));
  g_assert_cmpstr (after, ==, text);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/open/new-database-is-private", test_new_database_is_private);
  g_test_add_func ("/store/open/reopen-existing", test_reopen_existing);
  g_test_add_func ("/store/open/not-a-database-is-left-alone", test_not_a_database_is_left_alone);

  return g_test_run ();
}
