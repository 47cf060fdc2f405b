/* test-store-safety.c — the SQLite store when things go wrong: backups made and
 * restored, the day's check finding damage, a killed process, a full disk, a file the
 * user may not change
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "gs-test-util.h"
#include "store-test-util.h"
#include "core/gs-demo.h"
#include "core/gs-exchange.h"
#include "core/gs-scoring.h"
#include "store/gs-assessment-summary.h"
#include "store/gs-store.h"

/* --- Backups ------------------------------------------------------------------------ */

static void
test_backups_kept_and_restored (void)
{
  g_autofree char *path = demo_database ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GsStore) store = gs_store_open (path, &error);
  g_autoptr(GPtrArray) backups = NULL;
  g_autofree char *aside = NULL;
  g_autofree char *before = NULL;

  /* One backup was made when the database was first opened; opening again the same day
   * makes none. Nine more by hand: only the newest seven stay. */
  backups = gs_store_list_backups (path);
  g_assert_cmpuint (backups->len, ==, 1);
  for (guint i = 0; i < 9; i++)
    g_assert_true (gs_store_backup_now (store, &error));
  g_clear_pointer (&backups, g_ptr_array_unref);
  backups = gs_store_list_backups (path);
  g_assert_cmpuint (backups->len, ==, 7);
  g_clear_object (&store);

  /* The database is damaged: it cannot be opened; the newest backup is put in its place and
   * the damaged file is kept beside it. */
  spoil_corrupt (path);
  before = checksum_of (path);
  g_assert_null (gs_store_open (path, &error));
  g_clear_error (&error);
  g_assert_true (gs_store_restore_backup (path, g_ptr_array_index (backups, 0), &aside, &error));
  g_assert_no_error (error);
  g_assert_nonnull (aside);
  {
    g_autofree char *kept = checksum_of (aside);
    g_assert_cmpstr (kept, ==, before);
  }
  g_assert_cmphex (mode_of (path), ==, 0600);
  store = gs_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (gs_store_get_assessments (store)), ==, 2);
}

static void
check_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GError **error = user_data;

  g_assert_false (gs_store_daily_check_finish (GS_STORE (source), result, error) && *error != NULL);
  if (*error == NULL)
    *error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_EXISTS, "passed");  /* marks it done */
}

/* Runs the day's check in its worker and returns its error, or the "passed" marker. */
static GError *
run_daily_check (GsStore *store)
{
  GError *error = NULL;

  gs_store_daily_check_async (store, NULL, check_done_cb, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  return error;
}

/* The window opens a database without waiting for the day's check: until it has passed,
 * the store reads but refuses every change in words; then the backup is there. */
static void
test_deferred_check_holds_changes (void)
{
  g_autofree char *path = demo_database ();
  g_autoptr(GsStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) backups = gs_store_list_backups (path);
  g_autofree char *before = NULL;

  for (guint i = 0; i < backups->len; i++)
    g_unlink (g_ptr_array_index (backups, i));  /* no backup yet today */
  before = raw_text (path, "SELECT count (*) FROM organisations");
  store = gs_store_open_deferring_check (path, &error);
  g_assert_no_error (error);
  g_assert_false (gs_store_get_writable (store));
  g_assert_cmpuint (g_list_model_get_n_items (gs_store_get_assessments (store)), ==, 2);  /* reads */
  g_assert_cmpint (gs_store_add_organisation (store, "Held Trust", &error), ==, 0);
  g_assert_error (error, GS_STORE_ERROR, GS_STORE_ERROR_LOCKED);
  g_assert_nonnull (strstr (error->message, "is being checked"));
  g_clear_error (&error);
  {
    g_autofree char *after = raw_text (path, "SELECT count (*) FROM organisations");
    g_assert_cmpstr (after, ==, before);
  }

  error = run_daily_check (store);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);  /* passed */
  g_clear_error (&error);
  g_assert_true (gs_store_get_writable (store));
  g_clear_pointer (&backups, g_ptr_array_unref);
  backups = gs_store_list_backups (path);
  g_assert_cmpuint (backups->len, ==, 1);
  g_assert_cmpint (gs_store_add_organisation (store, "Held Trust", &error), >, 0);
  g_assert_no_error (error);
}

/* Damage that only the whole-file check finds: the window's store opens, the check refuses
 * it, nothing is written to it afterwards and no backup of it is made. */
static void
test_deferred_check_finds_damage (void)
{
  g_autofree char *path = demo_database ();
  g_autoptr(GsStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) backups = gs_store_list_backups (path);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  for (guint i = 0; i < backups->len; i++)
    g_unlink (g_ptr_array_index (backups, i));
  gs_test_spoil_answers (path);
  before = checksum_of (path);
  store = gs_store_open_deferring_check (path, &error);
  g_assert_no_error (error);
  error = run_daily_check (store);
  g_assert_error (error, GS_STORE_ERROR, GS_STORE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, "is damaged"));
  g_clear_error (&error);
  g_assert_false (gs_store_get_writable (store));
  g_assert_cmpint (gs_store_add_organisation (store, "Not Written", &error), ==, 0);
  g_assert_error (error, GS_STORE_ERROR, GS_STORE_ERROR_CORRUPT);
  g_clear_object (&store);
  after = checksum_of (path);
  g_assert_cmpstr (after, ==, before);
  g_clear_pointer (&backups, g_ptr_array_unref);
  backups = gs_store_list_backups (path);
  g_assert_cmpuint (backups->len, ==, 0);
}

/* Backups are matched by their whole name: team.db's are not team-old.db's. A database
 * with a very long name still gets its backup. A copy a kill left unfinished is never
 * listed as a backup, and the next backup clears it away. */
static void
test_backup_names (void)
{
  g_autofree char *team = temp_database ();
  g_autofree char *folder = g_path_get_dirname (team);
  g_autofree char *old = g_build_filename (folder, "team-old.db", NULL);
  g_autofree char *as = g_strnfill (90, 'a');
  g_autofree char *bs = g_strnfill (120, 'b');
  g_autofree char *long_name = g_strconcat (as, "-Ysbyty-Gwynedd-حمص-", bs, ".db", NULL);
  g_autofree char *long_path = g_build_filename (folder, long_name, NULL);
  g_autofree char *partial = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) backups = NULL;

  g_free (team);
  team = g_build_filename (folder, "team.db", NULL);
  {
    g_autoptr(GsStore) a = gs_store_open (team, &error);
    g_autoptr(GsStore) b = gs_store_open (old, &error);
    g_assert_no_error (error);
    g_assert_true (gs_store_backup_now (b, &error));
  }
  backups = gs_store_list_backups (team);
  g_assert_cmpuint (backups->len, ==, 1);  /* team.db's own, made on creating it */
  g_clear_pointer (&backups, g_ptr_array_unref);
  backups = gs_store_list_backups (old);
  g_assert_cmpuint (backups->len, ==, 2);

  /* An unfinished copy: not a backup; gone after the next backup. */
  partial = g_build_filename (folder, "backups", "team-20261130T101010123456.db.partial", NULL);
  g_assert_true (g_file_set_contents (partial, "half a copy", -1, NULL));
  g_clear_pointer (&backups, g_ptr_array_unref);
  backups = gs_store_list_backups (team);
  g_assert_cmpuint (backups->len, ==, 1);
  {
    g_autoptr(GsStore) a = gs_store_open (team, &error);
    g_assert_no_error (error);
    g_assert_true (gs_store_backup_now (a, &error));
  }
  g_assert_false (g_file_test (partial, G_FILE_TEST_EXISTS));

  {
    g_autoptr(GsStore) store = gs_store_open (long_path, &error);
    g_assert_no_error (error);
  }
  g_clear_pointer (&backups, g_ptr_array_unref);
  backups = gs_store_list_backups (long_path);
  g_assert_cmpuint (backups->len, ==, 1);
}

/* --- Crashes and full disks --------------------------------------------------------- */

#define CRASH_RESPONDENTS 150

/* The child: saves answers in a loop and prints the number of each one acknowledged. */
static int
crash_child (const char *path,
             guint       start)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GsStore) store = gs_store_open (path, &error);
  g_autoptr(GsAssessment) assessment = NULL;
  GPtrArray *items;
  GPtrArray *respondents;

  g_assert_no_error (error);
  assessment = gs_store_load_assessment (store, first_assessment_id (store), &error);
  items = gs_instrument_get_items (gs_test_instrument ());
  respondents = gs_assessment_get_respondents (assessment);
  for (guint i = start; i < items->len * respondents->len; i++)
    {
      GsRespondent *respondent = g_ptr_array_index (respondents, i / items->len);
      const GsItem *item = g_ptr_array_index (items, i % items->len);

      if (!gs_store_save_answer (store, respondent->uuid, item->id, GS_ANSWER_VALUE, (int) (i % 5) + 1, "", &error))
        g_error ("%s", error->message);
      g_print ("%u\n", i);
    }
  return 0;
}

/* Kills a child that saves answers at random moments, many times; every answer it was told
 * was saved must be there, and the database must pass SQLite's integrity check. */
static void
test_crash_keeps_acknowledged_answers (void)
{
  g_autofree char *path = temp_database ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  const char *self = g_test_get_path () != NULL ? g_getenv ("GS_TEST_PROGRAM") : NULL;
  guint acknowledged = 0, kills = 0;
  gboolean any = FALSE;

  g_assert_nonnull (self);
  {
    g_autoptr(GsStore) store = gs_store_open (path, &error);
    gint64 organisation = gs_store_add_organisation (store, "Crash Test Trust", &error);
    gint64 assessment = gs_store_add_assessment (store, organisation, "Under fire", "2026-01-01", gs_test_instrument (), &error);

    for (guint r = 0; r < CRASH_RESPONDENTS; r++)
      g_free (gs_store_add_respondent (store, assessment, "R", NULL, &error));
    g_assert_no_error (error);
  }

  for (kills = 0; kills < 25; kills++)
    {
      g_autofree char *start = g_strdup_printf ("%u", any ? acknowledged + 1 : 0);
      g_autoptr(GSubprocess) child = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, self,
                                                       "--crash-child", path, start, NULL);
      g_autoptr(GDataInputStream) lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (child));
      gint64 deadline = g_get_monotonic_time () + g_rand_int_range (rand, 20, 250) * 1000;
      char *line;

      g_assert_no_error (error);
      /* Read acknowledgements until the moment comes, then kill mid-save. */
      while (g_get_monotonic_time () < deadline &&
             (line = g_data_input_stream_read_line_utf8 (lines, NULL, NULL, NULL)) != NULL)
        {
          acknowledged = (guint) g_ascii_strtoull (line, NULL, 10);
          any = TRUE;
          g_free (line);
        }
      g_subprocess_send_signal (child, SIGKILL);
      /* Anything it printed before dying was acknowledged too. */
      while ((line = g_data_input_stream_read_line_utf8 (lines, NULL, NULL, NULL)) != NULL)
        {
          acknowledged = (guint) g_ascii_strtoull (line, NULL, 10);
          any = TRUE;
          g_free (line);
        }
      g_subprocess_wait (child, NULL, NULL);
    }
  g_assert_true (any);
  g_test_message ("%u kills, %u answers acknowledged", kills, acknowledged + 1);

  {
    g_autofree char *check = raw_text (path, "PRAGMA integrity_check");
    g_autoptr(GsStore) store = gs_store_open (path, &error);
    g_autoptr(GsAssessment) assessment = NULL;
    GPtrArray *items = gs_instrument_get_items (gs_test_instrument ());
    GPtrArray *respondents;

    g_assert_cmpstr (check, ==, "ok");
    g_assert_no_error (error);
    assessment = gs_store_load_assessment (store, first_assessment_id (store), &error);
    respondents = gs_assessment_get_respondents (assessment);
    for (guint i = 0; i <= acknowledged; i++)
      {
        GsRespondent *respondent = g_ptr_array_index (respondents, i / items->len);
        const GsItem *item = g_ptr_array_index (items, i % items->len);
        const GsAnswer *answer = gs_respondent_get_answer (respondent, item->id);

        if (answer == NULL || answer->value != (int) (i % 5) + 1)
          g_error ("acknowledged answer %u is missing after the crashes", i);
      }
  }
}

/* The disk fills (here: the file size limit, as a full disk looks to SQLite): the save that
 * fails says so and is rolled back; every earlier answer is kept, and saving works again
 * once there is room. */
static void
test_full_disk (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *path = temp_database ();
      g_autoptr(GError) error = NULL;
      g_autoptr(GsStore) store = gs_store_open (path, &error);
      gint64 organisation = gs_store_add_organisation (store, "Full Disk Trust", &error);
      gint64 assessment = gs_store_add_assessment (store, organisation, "T", "2026-01-01", gs_test_instrument (), &error);
      GPtrArray *items = gs_instrument_get_items (gs_test_instrument ());
      g_autofree char *note = g_strnfill (16 * 1024, 'x');
      g_autofree char *respondent = gs_store_add_respondent (store, assessment, "R", NULL, &error);
      struct rlimit limit = { 0, RLIM_INFINITY };
      GStatBuf st;
      guint saved = 0;

      g_assert_no_error (error);
      signal (SIGXFSZ, SIG_IGN);
      g_assert_cmpint (g_stat (path, &st), ==, 0);
      limit.rlim_cur = (rlim_t) st.st_size + 256 * 1024;
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);

      while (saved < items->len &&
             gs_store_save_answer (store, respondent, ((const GsItem *) g_ptr_array_index (items, saved))->id,
                                   GS_ANSWER_VALUE, 3, note, &error))
        saved++;
      g_assert_cmpuint (saved, <, items->len);
      g_assert_cmpuint (saved, >, 0);
      g_assert_error (error, GS_STORE_ERROR, GS_STORE_ERROR_IO);
      g_assert_nonnull (strstr (error->message, "the disk is full or failed"));
      g_clear_error (&error);

      limit.rlim_cur = RLIM_INFINITY;
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
      {
        g_autoptr(GsAssessment) loaded = gs_store_load_assessment (store, assessment, &error);
        GsRespondent *r = g_ptr_array_index (gs_assessment_get_respondents (loaded), 0);

        g_assert_no_error (error);
        g_assert_cmpuint (g_hash_table_size (r->answers), ==, saved);
      }
      g_assert_true (gs_store_save_answer (store, respondent, ((const GsItem *) g_ptr_array_index (items, saved))->id,
                                           GS_ANSWER_VALUE, 3, note, &error));
      g_assert_no_error (error);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

/* --- Files this user may not change -------------------------------------------------- */

static GsStore *
open_as_other_user (const char  *path,
                    GError     **error)
{
  GsStore *store;

  gs_test_act_as_other_user (TRUE);
  store = gs_store_open (path, error);
  gs_test_act_as_other_user (FALSE);
  return store;
}

/* A colleague's database, or one on a read-only share, opens read-only: its assessments
 * can be listed and loaded, every change is refused in words, and nothing is written —
 * not the file, not a -wal or -shm beside it, not a backup. */
static void
assert_opens_read_only (gboolean folder_writable)
{
  g_autofree char *path = demo_database ();
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GsStore) store = NULL;
  g_autoptr(GsAssessment) assessment = NULL;
  g_autoptr(GPtrArray) backups = NULL;

  gs_test_remove_backups (path);  /* a writable file would be backed up at this opening */
  gs_test_make_read_only (path, folder_writable);
  before = checksum_of (path);

  store = open_as_other_user (path, &error);
  g_assert_no_error (error);
  g_assert_true (gs_store_get_read_only (store));
  g_assert_false (gs_store_get_writable (store));
  g_assert_cmpuint (g_list_model_get_n_items (gs_store_get_assessments (store)), ==, 2);
  assessment = gs_store_load_assessment (store, first_assessment_id (store), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gs_assessment_get_respondents (assessment)->len, ==, 10);

  g_assert_cmpint (gs_store_add_organisation (store, "Another Trust", &error), ==, 0);
  g_assert_error (error, GS_STORE_ERROR, GS_STORE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "is read-only: its assessments can be read, exported and printed"));
  g_clear_error (&error);
  g_assert_false (gs_store_delete (store, GS_STORE_ASSESSMENT, first_assessment_id (store), &error));
  g_assert_error (error, GS_STORE_ERROR, GS_STORE_ERROR_READ_ONLY);
  g_clear_object (&store);

  after = checksum_of (path);
  g_assert_cmpstr (after, ==, before);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));
  backups = gs_store_list_backups (path);
  g_assert_cmpuint (backups->len, ==, 0);
  gs_test_make_writable (path);
}

static void
test_read_only_file (void)
{
  assert_opens_read_only (TRUE);
}

static void
test_read_only_folder (void)
{
  assert_opens_read_only (FALSE);
}

/* A read-only file that Groundswell would have to set up or upgrade is refused unchanged. */
static void
test_read_only_needing_upgrade (void)
{
  g_autofree char *path = temp_database ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GsStore) store = NULL;

  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  gs_test_make_read_only (path, FALSE);
  store = open_as_other_user (path, &error);
  g_assert_null (store);
  g_assert_error (error, GS_STORE_ERROR, GS_STORE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "must first set it up or upgrade it, which needs it to be writable"));
  g_assert_cmpuint (mode_of (path), ==, 0444);
  {
    GStatBuf st;

    g_assert_cmpint (g_stat (path, &st), ==, 0);
    g_assert_cmpint (st.st_size, ==, 0);
  }
  gs_test_make_writable (path);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 4 && g_str_equal (argv[1], "--crash-child"))
    return crash_child (argv[2], (guint) g_ascii_strtoull (argv[3], NULL, 10));

  g_setenv ("GS_TEST_PROGRAM", argv[0], TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/backups", test_backups_kept_and_restored);
  g_test_add_func ("/store/backup-names", test_backup_names);
  g_test_add_func ("/store/deferred-check-holds-changes", test_deferred_check_holds_changes);
  g_test_add_func ("/store/deferred-check-finds-damage", test_deferred_check_finds_damage);
  g_test_add_func ("/store/crash-keeps-acknowledged-answers", test_crash_keeps_acknowledged_answers);
  g_test_add_func ("/store/full-disk", test_full_disk);
  g_test_add_func ("/store/read-only-file", test_read_only_file);
  g_test_add_func ("/store/read-only-folder", test_read_only_folder);
  g_test_add_func ("/store/read-only-needing-upgrade", test_read_only_needing_upgrade);
  return g_test_run ();
}
