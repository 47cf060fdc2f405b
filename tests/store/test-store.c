/* test-store.c — the SQLite store: files it refuses without changing them, every change
 * kept, imports, async work, two programs on one file (backups, the daily check,
 * crashes and full disks are in test-store-safety.c)
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

/* --- Opening ------------------------------------------------------------------------ */

/* A new database, its folder, its write-ahead log and its backup are owner-only:
 * assessments hold what people said about their employer. */
static void
test_new_database_is_private (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = g_dir_make_tmp ("gs-store-XXXXXX", &error);
  g_autofree char *folder = g_build_filename (tmp, "nested", "groundswell", NULL);
  g_autofree char *path = g_build_filename (folder, "groundswell.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *backups = g_build_filename (folder, "backups", NULL);
  g_autoptr(GsStore) store = NULL;
  g_autoptr(GPtrArray) backup_files = NULL;
  guint n = G_MAXUINT;

  store = gs_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gs_store_get_path (store), ==, path);
  g_assert_true (gs_store_count_assessments (store, &n, &error));
  g_assert_cmpuint (n, ==, 0);

  g_assert_cmphex (mode_of (folder), ==, 0700);
  g_assert_cmphex (mode_of (path), ==, 0600);
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_cmphex (mode_of (wal), ==, 0600);
  g_assert_cmphex (mode_of (backups), ==, 0700);
  backup_files = gs_store_list_backups (path);
  g_assert_cmpuint (backup_files->len, ==, 1);
  g_assert_cmphex (mode_of (g_ptr_array_index (backup_files, 0)), ==, 0600);
}

typedef void (*Spoiler) (const char *path);

static void
spoil_not_sqlite (const char *path)
{
  g_assert_true (g_file_set_contents (path, "Minutes of the board meeting, 3 March.\nNot a database.\n", -1, NULL));
}

/* Cut to half its length, as an interrupted copy leaves a file. */
static void
spoil_truncate (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (truncate (path, st.st_size / 2), ==, 0);
}

static void
spoil_newer (const char *path)
{
  raw_sql (path, "PRAGMA user_version = 99");
}

typedef struct {
  const char   *name;
  Spoiler       spoil;
  GsStoreError  code;
  const char   *words;   /* in the message, after the file's name */
} SpoiltCase;

static const SpoiltCase spoilt_cases[] = {
  { "not-sqlite", spoil_not_sqlite, GS_STORE_ERROR_NOT_DATABASE, "is not a Groundswell database" },
  { "truncated", spoil_truncate, GS_STORE_ERROR_CORRUPT, "is damaged" },
  { "corrupt", spoil_corrupt, GS_STORE_ERROR_CORRUPT, "is damaged" },
  { "newer-version", spoil_newer, GS_STORE_ERROR_TOO_NEW, "was written by a newer version of Groundswell" },
};

/* A file Groundswell cannot use is refused with a message naming it, and never changed. */
static void
test_refuses_without_changing (gconstpointer data)
{
  const SpoiltCase *c = data;
  g_autofree char *path = demo_database ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GsStore) store = NULL;

  c->spoil (path);
  before = checksum_of (path);
  store = gs_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, GS_STORE_ERROR, (int) c->code);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, c->words));
  after = checksum_of (path);
  g_assert_cmpstr (before, ==, after);
}

/* Another program holds the write lock: opening fails after the busy timeout, saying so. */
static void
test_locked (void)
{
  g_autofree char *path = demo_database ();
  g_autofree char *before = checksum_of (path);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GsStore) store = NULL;
  sqlite3 *other = NULL;

  g_assert_cmpint (sqlite3_open (path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  store = gs_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, GS_STORE_ERROR, GS_STORE_ERROR_LOCKED);
  g_assert_nonnull (strstr (error->message, "is in use by another program"));
  sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (other);
  after = checksum_of (path);
  g_assert_cmpstr (before, ==, after);
}

/* --- Changes ------------------------------------------------------------------------ */

static void
test_assessment_round_trip (void)
{
  g_autofree char *path = temp_database ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GsStore) store = gs_store_open (path, &error);
  g_autoptr(GsAssessment) loaded = NULL;
  g_autoptr(GsAssessmentSummary) row = NULL;
  g_autofree char *alice = NULL;
  g_autofree char *bob = NULL;
  GsRespondent *respondent;
  GsTimelineEvent event = { (char *) "0f0e0d0c-0b0a-4908-8706-050403020100", (char *) "2026-04-01", 2,
                            GS_EVENT_MILESTONE, (char *) "Board approves the plan", (char *) "Minute 12", 13.5, 20 };
  gint64 organisation, assessment;

  g_assert_no_error (error);
  organisation = gs_store_add_organisation (store, "St Example’s NHS Trust", &error);
  g_assert_no_error (error);
  assessment = gs_store_add_assessment (store, organisation, "Baseline", "2026-03-15", gs_test_instrument (), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (gs_store_get_assessments (store)), ==, 1);

  alice = gs_store_add_respondent (store, assessment, "Alice", "Board", &error);
  bob = gs_store_add_respondent (store, assessment, "R-07", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (gs_store_save_answer (store, alice, "org-key-people", GS_ANSWER_VALUE, 4, "Board minutes", &error));
  g_assert_true (gs_store_save_answer (store, alice, "trg-activists", GS_ANSWER_DONT_KNOW, 0, NULL, &error));
  g_assert_true (gs_store_save_answer (store, alice, "org-key-people", GS_ANSWER_VALUE, 5, "Changed my mind", &error));
  g_assert_true (gs_store_save_answer (store, bob, "cul-local-fit", GS_ANSWER_NOT_APPLICABLE, 0, "", &error));
  g_assert_true (gs_store_save_answer (store, bob, "pol-imperative", GS_ANSWER_VALUE, 2, "", &error));
  g_assert_true (gs_store_save_answer (store, bob, "pol-imperative", GS_ANSWER_NONE, 0, NULL, &error));
  g_assert_true (gs_store_set_polarity_text (store, assessment, "greater_purpose", "Better care, sooner", &error));
  g_assert_true (gs_store_add_event (store, organisation, &event, &error) != 0);
  g_assert_no_error (error);

  /* Out of range: refused, nothing saved. */
  g_assert_false (gs_store_save_answer (store, alice, "org-clear-goals", GS_ANSWER_VALUE, 7, "", &error));
  g_assert_error (error, GS_STORE_ERROR, GS_STORE_ERROR_INVALID);
  g_clear_error (&error);

  row = g_list_model_get_item (gs_store_get_assessments (store), 0);
  g_assert_cmpuint (gs_assessment_summary_get_n_respondents (row), ==, 2);
  g_assert_cmpuint (gs_assessment_summary_get_n_answers (row), ==, 3);

  /* Reopen: everything is there. */
  g_clear_object (&store);
  store = gs_store_open (path, &error);
  g_assert_no_error (error);
  loaded = gs_store_load_assessment (store, assessment, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gs_assessment_get_organisation_name (loaded), ==, "St Example’s NHS Trust");
  g_assert_cmpuint (gs_assessment_get_respondents (loaded)->len, ==, 2);
  respondent = gs_assessment_lookup_respondent (loaded, alice);
  g_assert_cmpstr (respondent->group, ==, "Board");
  g_assert_cmpint (gs_respondent_get_answer (respondent, "org-key-people")->value, ==, 5);
  g_assert_cmpstr (gs_respondent_get_answer (respondent, "org-key-people")->note, ==, "Changed my mind");
  g_assert_cmpint (gs_respondent_get_answer (respondent, "trg-activists")->status, ==, GS_ANSWER_DONT_KNOW);
  g_assert_null (gs_respondent_get_answer (respondent, "org-clear-goals"));
  respondent = gs_assessment_lookup_respondent (loaded, bob);
  g_assert_null (gs_respondent_get_answer (respondent, "pol-imperative"));
  g_assert_cmpint (gs_respondent_get_answer (respondent, "cul-local-fit")->status, ==, GS_ANSWER_NOT_APPLICABLE);
  g_assert_cmpstr (g_hash_table_lookup (gs_assessment_get_polarity_texts (loaded), "greater_purpose"), ==, "Better care, sooner");
  g_assert_cmpuint (gs_assessment_get_events (loaded)->len, ==, 1);
  {
    GsTimelineEvent *loaded_event = g_ptr_array_index (gs_assessment_get_events (loaded), 0);
    g_assert_cmpstr (loaded_event->title, ==, "Board approves the plan");
    g_assert_cmpint (loaded_event->stage, ==, 2);
    g_assert_cmpfloat (loaded_event->participation, ==, 13.5);
    g_assert_cmpint (loaded_event->change_agents, ==, 20);
  }
  /* Restoring the paper's wording forgets the edit. */
  g_assert_true (gs_store_set_polarity_text (store, assessment, "greater_purpose", NULL, &error));
  g_clear_object (&loaded);
  loaded = gs_store_load_assessment (store, assessment, &error);
  g_assert_null (g_hash_table_lookup (gs_assessment_get_polarity_texts (loaded), "greater_purpose"));
}

static void
test_invalid_values (void)
{
  g_autofree char *path = temp_database ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GsStore) store = gs_store_open (path, &error);
  gint64 organisation = gs_store_add_organisation (store, "Org", &error);
  GsTimelineEvent event = { (char *) "0f0e0d0c-0b0a-4908-8706-050403020101", (char *) "2026-04-01", 0,
                            GS_EVENT_MEASUREMENT, (char *) "Survey", (char *) "", 120, -1 };

  g_assert_cmpint (gs_store_add_organisation (store, "   ", &error), ==, 0);
  g_assert_error (error, GS_STORE_ERROR, GS_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "The organisation’s name is empty.");
  g_clear_error (&error);
  g_assert_cmpint (gs_store_add_assessment (store, organisation, "T", "2026-02-30", gs_test_instrument (), &error), ==, 0);
  g_assert_cmpstr (error->message, ==, "“2026-02-30” is not a date; write it as YYYY-MM-DD.");
  g_clear_error (&error);
  g_assert_cmpint (gs_store_add_event (store, organisation, &event, &error), ==, 0);
  g_assert_cmpstr (error->message, ==, "The share of staff taking part is a percentage from 0 to 100, not 120.");
  g_clear_error (&error);
  g_assert_false (gs_store_save_answer (store, "no-such-respondent", "org-key-people", GS_ANSWER_VALUE, 3, "", &error));
  g_assert_error (error, GS_STORE_ERROR, GS_STORE_ERROR_NOT_FOUND);
  g_assert_cmpuint (g_list_model_get_n_items (gs_store_get_assessments (store)), ==, 0);
}

/* Deleting hides at once; undo brings it back; quitting (or purging) removes it for good,
 * with everything that belonged to it. */
static void
test_delete_undo_purge (void)
{
  g_autofree char *path = demo_database ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GsStore) store = gs_store_open (path, &error);
  GListModel *list = gs_store_get_assessments (store);
  gint64 id = first_assessment_id (store);
  g_autofree char *answers = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  g_assert_true (gs_store_delete (store, GS_STORE_ASSESSMENT, id, &error));
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  g_assert_null (gs_store_load_assessment (store, id, &error));
  g_assert_error (error, GS_STORE_ERROR, GS_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (gs_store_undo_delete (store, GS_STORE_ASSESSMENT, id, &error));
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);

  g_assert_true (gs_store_delete (store, GS_STORE_ASSESSMENT, id, &error));
  g_clear_object (&store);  /* quitting purges */
  answers = raw_text (path, "SELECT count (*) FROM answers");
  g_assert_cmpint (atoi (answers), >, 0);          /* the other assessment's */
  g_free (answers);
  answers = raw_text (path, "SELECT count (*) FROM answers a JOIN respondents r ON r.id = a.respondent_id"
                            " JOIN assessments s ON s.id = r.assessment_id WHERE s.title = 'Six-month follow-up'");
  g_assert_cmpint (atoi (answers), ==, 0);         /* the deleted one's, cascaded */
}

/* A follow-up is the same organisation on a new date, with the edited map texts carried over
 * and no respondents; following up a deleted assessment adds nothing. */
static void
test_follow_up (void)
{
  g_autofree char *path = temp_database ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GsStore) store = gs_store_open (path, &error);
  g_autoptr(GsAssessment) follow_up = NULL;
  g_autofree char *respondent = NULL;
  gint64 organisation = gs_store_add_organisation (store, "St Example’s NHS Trust", &error);
  gint64 baseline = gs_store_add_assessment (store, organisation, "Baseline", "2026-03-15", gs_test_instrument (), &error);
  gint64 id;

  respondent = gs_store_add_respondent (store, baseline, "Alice", "Board", &error);
  g_assert_true (gs_store_save_answer (store, respondent, "org-key-people", GS_ANSWER_VALUE, 4, "", &error));
  g_assert_true (gs_store_set_polarity_text (store, baseline, "greater_purpose", "Better care, sooner", &error));
  g_assert_no_error (error);

  id = gs_store_add_follow_up (store, baseline, "Autumn follow-up", "2026-10-01", gs_test_instrument (), &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, !=, baseline);
  g_assert_cmpuint (g_list_model_get_n_items (gs_store_get_assessments (store)), ==, 2);
  follow_up = gs_store_load_assessment (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gs_assessment_get_organisation_name (follow_up), ==, "St Example’s NHS Trust");
  g_assert_cmpstr (gs_assessment_get_title (follow_up), ==, "Autumn follow-up");
  g_assert_cmpstr (gs_assessment_get_date (follow_up), ==, "2026-10-01");
  g_assert_cmpuint (gs_assessment_get_respondents (follow_up)->len, ==, 0);
  g_assert_cmpstr (g_hash_table_lookup (gs_assessment_get_polarity_texts (follow_up), "greater_purpose"), ==,
                   "Better care, sooner");

  g_assert_true (gs_store_delete (store, GS_STORE_ASSESSMENT, baseline, &error));
  g_assert_cmpint (gs_store_add_follow_up (store, baseline, "Again", "2026-11-01", gs_test_instrument (), &error), ==, 0);
  g_assert_error (error, GS_STORE_ERROR, GS_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (gs_store_add_follow_up (store, id, "Bad date", "2026-13-01", gs_test_instrument (), &error), ==, 0);
  g_assert_error (error, GS_STORE_ERROR, GS_STORE_ERROR_INVALID);
  g_assert_cmpuint (g_list_model_get_n_items (gs_store_get_assessments (store)), ==, 1);
}

/* --- Importing and the demo --------------------------------------------------------- */

static void
test_import_duplicate_and_copy (void)
{
  g_autofree char *path = demo_database ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GsStore) store = gs_store_open (path, &error);
  gint64 id = first_assessment_id (store);
  g_autoptr(GsAssessment) assessment = gs_store_load_assessment (store, id, &error);
  gint64 copy;
  guint n_added = 0;

  g_assert_cmpint (gs_store_import (store, assessment, GS_EXCHANGE_ASSESSMENT, GS_IMPORT_REFUSE_DUPLICATE,
                                    &n_added, &error), ==, 0);
  g_assert_error (error, GS_STORE_ERROR, GS_STORE_ERROR_DUPLICATE);
  g_assert_nonnull (strstr (error->message, "is already in this database"));
  g_assert_cmpuint (g_list_model_get_n_items (gs_store_get_assessments (store)), ==, 2);
  g_clear_error (&error);

  /* Exported again after someone else answered: the new respondent merges in, alone. */
  {
    g_autoptr(GsAssessment) grown = gs_store_load_assessment (store, id, &error);
    g_autoptr(GsAssessment) after = NULL;
    GsRespondent *late = gs_assessment_add_respondent (grown, NULL, "Late responder", "Board");
    const GsItem *item = g_ptr_array_index (gs_instrument_get_items (gs_test_instrument ()), 0);

    gs_respondent_set_answer (late, item->id, GS_ANSWER_VALUE, 2, "Minutes of 4 May");
    g_assert_cmpint (gs_store_import (store, grown, GS_EXCHANGE_ASSESSMENT, GS_IMPORT_REFUSE_DUPLICATE, &n_added, &error),
                     ==, id);
    g_assert_no_error (error);
    g_assert_cmpuint (n_added, ==, 1);
    g_assert_cmpuint (g_list_model_get_n_items (gs_store_get_assessments (store)), ==, 2);
    after = gs_store_load_assessment (store, id, &error);
    g_assert_cmpuint (gs_assessment_get_respondents (after)->len, ==, gs_assessment_get_respondents (assessment)->len + 1);
    g_assert_cmpint (gs_respondent_get_answer (gs_assessment_lookup_respondent (after, late->uuid), item->id)->value, ==, 2);
    /* Again: nothing new, so it is the duplicate it looks like. */
    g_assert_cmpint (gs_store_import (store, grown, GS_EXCHANGE_ASSESSMENT, GS_IMPORT_REFUSE_DUPLICATE, &n_added, &error),
                     ==, 0);
    g_assert_error (error, GS_STORE_ERROR, GS_STORE_ERROR_DUPLICATE);
    g_clear_error (&error);
    g_assert_true (gs_store_delete (store, GS_STORE_RESPONDENT, gs_store_find_respondent (store, late->uuid), &error));
  }

  copy = gs_store_import (store, assessment, GS_EXCHANGE_ASSESSMENT, GS_IMPORT_AS_COPY, &n_added, &error);
  g_assert_no_error (error);
  g_assert_cmpint (copy, !=, id);
  g_assert_cmpuint (n_added, ==, 10);
  g_assert_cmpuint (g_list_model_get_n_items (gs_store_get_assessments (store)), ==, 3);

  /* The organisation's timeline is not doubled by a copy (9 events became 18, then 27),
   * and the original's own export stays what it was. */
  {
    guint n_events = gs_assessment_get_events (assessment)->len;
    g_autofree char *before = gs_exchange_write_json (assessment, GS_EXCHANGE_ASSESSMENT);

    g_assert_cmpint (gs_store_import (store, assessment, GS_EXCHANGE_ASSESSMENT, GS_IMPORT_AS_COPY, &n_added, &error), >, 0);
    g_assert_no_error (error);
    for (guint i = 0; i < 2; i++)
      {
        g_autoptr(GsAssessment) again = gs_store_load_assessment (store, i == 0 ? id : copy, &error);
        g_assert_no_error (error);
        g_assert_cmpuint (gs_assessment_get_events (again)->len, ==, n_events);
        if (i == 0)
          {
            g_autofree char *after = gs_exchange_write_json (again, GS_EXCHANGE_ASSESSMENT);
            g_assert_cmpstr (after, ==, before);
          }
      }
  }
}

/* What a file cannot mean is refused by name, not as SQLite's "UNIQUE constraint failed" or
 * silently: a respondent id already answering another assessment, and an organisation id
 * this database knows under another name. Nothing is imported either time. */
static void
test_import_refuses_by_name (void)
{
  g_autofree char *path = demo_database ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GsStore) store = gs_store_open (path, &error);
  g_autoptr(GsAssessment) demo = gs_store_load_assessment (store, first_assessment_id (store), &error);
  GsRespondent *taken = g_ptr_array_index (gs_assessment_get_respondents (demo), 0);
  g_autoptr(GsAssessment) stranger = gs_assessment_new (NULL, NULL, "Another Trust", "Baseline", "2026-04-01",
                                                        "movement-readiness", GS_TEST_VERSION);
  g_autoptr(GsAssessment) renamed = gs_assessment_new (NULL, gs_assessment_get_organisation_uuid (demo), "Riverside Renamed",
                                                       "Third look", "2027-01-01", "movement-readiness", GS_TEST_VERSION);
  guint n_added = 0;

  gs_assessment_add_respondent (stranger, taken->uuid, "Impostor", "Board");
  g_assert_cmpint (gs_store_import (store, stranger, GS_EXCHANGE_ASSESSMENT, GS_IMPORT_REFUSE_DUPLICATE, &n_added, &error), ==, 0);
  g_assert_error (error, GS_STORE_ERROR, GS_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "“Impostor”"));
  g_assert_nonnull (strstr (error->message, "already answers another assessment"));
  g_assert_null (strstr (error->message, "constraint"));
  g_clear_error (&error);
  g_assert_cmpint (gs_store_find_organisation (store, "Another Trust"), ==, 0);

  g_assert_cmpint (gs_store_import (store, renamed, GS_EXCHANGE_ASSESSMENT, GS_IMPORT_REFUSE_DUPLICATE, &n_added, &error), ==, 0);
  g_assert_error (error, GS_STORE_ERROR, GS_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "“Riverside Renamed”"));
  g_assert_nonnull (strstr (error->message, gs_assessment_get_organisation_name (demo)));
  g_clear_error (&error);
  g_assert_cmpuint (g_list_model_get_n_items (gs_store_get_assessments (store)), ==, 2);
}

/* The same assessment with its UUIDs in capitals is the same assessment: importing it again
 * is a duplicate, from JSON and from CSV, not a second assessment of a second organisation. */
static void
test_import_uuid_case (void)
{
  g_autofree char *path = demo_database ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GsStore) store = gs_store_open (path, &error);
  g_autoptr(GsAssessment) demo = gs_store_load_assessment (store, first_assessment_id (store), &error);
  g_autofree char *json = gs_exchange_write_json (demo, GS_EXCHANGE_ASSESSMENT);
  g_autofree char *csv = gs_exchange_write_csv (gs_test_instrument (), demo);
  g_autoptr(GRegex) uuid = g_regex_new ("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", 0, 0, NULL);
  guint n_added = 0;

  for (guint format = 0; format < 2; format++)
    {
      const char *text = format == 0 ? json : csv;
      g_autoptr(GString) upper = g_string_new (NULL);
      g_autoptr(GMatchInfo) match = NULL;
      g_autoptr(GsAssessment) parsed = NULL;
      gsize done = 0;
      GsExchangeKind kind;

      /* Every UUID in capitals, the rest as it was. */
      g_regex_match (uuid, text, 0, &match);
      while (g_match_info_matches (match))
        {
          int start, end;
          g_autofree char *found = NULL;

          g_match_info_fetch_pos (match, 0, &start, &end);
          g_string_append_len (upper, text + done, start - (int) done);
          found = g_ascii_strup (text + start, end - start);
          g_string_append (upper, found);
          done = (gsize) end;
          g_match_info_next (match, NULL);
        }
      g_string_append (upper, text + done);
      g_assert_nonnull (strstr (upper->str, "-4"));
      parsed = format == 0 ? gs_exchange_read_json (gs_test_instrument (), upper->str, upper->len, "upper.json", &kind, &error)
                           : gs_exchange_read_csv (gs_test_instrument (), upper->str, upper->len, "upper.csv", &error);
      g_assert_no_error (error);
      g_assert_cmpstr (gs_assessment_get_uuid (parsed), ==, gs_assessment_get_uuid (demo));
      g_assert_cmpint (gs_store_import (store, parsed, GS_EXCHANGE_ASSESSMENT, GS_IMPORT_REFUSE_DUPLICATE, &n_added, &error), ==, 0);
      g_assert_error (error, GS_STORE_ERROR, GS_STORE_ERROR_DUPLICATE);
      g_clear_error (&error);
    }
  g_assert_cmpuint (g_list_model_get_n_items (gs_store_get_assessments (store)), ==, 2);
}

/* An event whose id is already another organisation's is not the same event: the import
 * fails saying so, and brings in nothing, rather than leaving the event out unseen. */
static void
test_import_event_id_clash (void)
{
  g_autofree char *path = demo_database ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GsStore) store = gs_store_open (path, &error);
  g_autoptr(GsAssessment) demo = gs_store_load_assessment (store, first_assessment_id (store), &error);
  const GsTimelineEvent *taken = g_ptr_array_index (gs_assessment_get_events (demo), 0);
  g_autoptr(GsAssessment) other = gs_assessment_new (NULL, NULL, "Another Trust", "Baseline", "2026-04-01",
                                                     "movement-readiness", GS_TEST_VERSION);
  guint n_added = 0;

  gs_assessment_add_event (other, taken->uuid, "2026-03-01", GS_EVENT_MILESTONE, "Our own milestone");
  g_assert_cmpint (gs_store_import (store, other, GS_EXCHANGE_ASSESSMENT, GS_IMPORT_REFUSE_DUPLICATE, &n_added, &error), ==, 0);
  g_assert_error (error, GS_STORE_ERROR, GS_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Our own milestone"));
  g_assert_nonnull (strstr (error->message, "nothing was imported"));
  g_assert_cmpuint (g_list_model_get_n_items (gs_store_get_assessments (store)), ==, 2);
  g_assert_cmpint (gs_store_find_organisation (store, "Another Trust"), ==, 0);
}

/* Answers from a respondent's own computer join the consultant's assessment; the same
 * person again with other answers is a conflict that changes nothing. */
static void
test_import_responses (void)
{
  g_autofree char *path = demo_database ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GsStore) store = gs_store_open (path, &error);
  gint64 id = first_assessment_id (store);
  g_autoptr(GsAssessment) mine = gs_store_load_assessment (store, id, &error);
  g_autoptr(GsAssessment) theirs = gs_assessment_new (gs_assessment_get_uuid (mine), gs_assessment_get_organisation_uuid (mine),
                                                      "x", "x", "2026-01-01", "movement-readiness", GS_TEST_VERSION);
  GsRespondent *newcomer = gs_assessment_add_respondent (theirs, NULL, "Newcomer", "Front line");
  GsRespondent *existing = g_ptr_array_index (gs_assessment_get_respondents (mine), 0);
  GsRespondent *changed;
  guint n_added = 0;

  gs_respondent_set_answer (newcomer, "org-key-people", GS_ANSWER_VALUE, 3, "");
  g_assert_cmpint (gs_store_import (store, theirs, GS_EXCHANGE_RESPONSES, GS_IMPORT_REFUSE_DUPLICATE, &n_added, &error), ==, id);
  g_assert_no_error (error);
  g_assert_cmpuint (n_added, ==, 1);

  changed = gs_assessment_add_respondent (theirs, existing->uuid, existing->name, existing->group);
  gs_respondent_set_answer (changed, "org-key-people", GS_ANSWER_NOT_APPLICABLE, 0, "");
  g_assert_cmpint (gs_store_import (store, theirs, GS_EXCHANGE_RESPONSES, GS_IMPORT_REFUSE_DUPLICATE, &n_added, &error), ==, 0);
  g_assert_error (error, GS_EXCHANGE_ERROR, GS_EXCHANGE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, existing->name));
  g_clear_object (&mine);
  mine = gs_store_load_assessment (store, id, &error);
  g_assert_cmpuint (gs_assessment_get_respondents (mine)->len, ==, 11);
}

static void
test_demo_is_idempotent (void)
{
  g_autofree char *path = demo_database ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GsStore) store = gs_store_open (path, &error);
  g_autofree char *events = NULL;

  g_assert_true (gs_store_add_demo (store, gs_test_instrument (), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (gs_store_get_assessments (store)), ==, 2);
  events = raw_text (path, "SELECT count (*) FROM timeline_events");
  g_assert_cmpint (atoi (events), ==, 9);
}

static void
import_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* Importing a file runs off the main thread and reports through the main loop. */
static void
test_import_file_async (void)
{
  g_autofree char *path = temp_database ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *file = g_build_filename (dir, "demo.json", NULL);
  g_autofree char *bad = g_build_filename (dir, "bad.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GsStore) store = gs_store_open (path, &error);
  g_autoptr(GPtrArray) demo = gs_demo_build_assessments (gs_test_instrument ());
  g_autofree char *json = gs_exchange_write_json (g_ptr_array_index (demo, 1), GS_EXCHANGE_ASSESSMENT);
  GAsyncResult *result = NULL;
  guint n_added = 0;
  gint64 id;

  g_assert_true (g_file_set_contents (file, json, -1, NULL));
  gs_store_import_file_async (store, gs_test_instrument (), file, GS_IMPORT_REFUSE_DUPLICATE, NULL, import_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  id = gs_store_import_file_finish (store, result, &n_added, &error);
  g_clear_object (&result);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpuint (n_added, ==, 10);

  g_assert_true (g_file_set_contents (bad, "{ \"format\": ", -1, NULL));
  gs_store_import_file_async (store, gs_test_instrument (), bad, GS_IMPORT_REFUSE_DUPLICATE, NULL, import_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (gs_store_import_file_finish (store, result, &n_added, &error), ==, 0);
  g_clear_object (&result);
  g_assert_error (error, GS_EXCHANGE_ERROR, GS_EXCHANGE_ERROR_PARSE);
  g_assert_cmpuint (g_list_model_get_n_items (gs_store_get_assessments (store)), ==, 1);
}

static void
async_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

/* Exporting writes the file off the main thread; scoring runs off it too. */
static void
test_export_and_score_async (void)
{
  g_autofree char *path = demo_database ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *csv = g_build_filename (dir, "export.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GsStore) store = gs_store_open (path, &error);
  gint64 id = first_assessment_id (store);
  g_autoptr(GsAssessment) assessment = gs_store_load_assessment (store, id, &error);
  g_autoptr(GsResults) expected = gs_results_compute (gs_test_instrument (), assessment, 3);
  g_autoptr(GsResults) results = NULL;
  g_autoptr(GsAssessment) read_back = NULL;
  GAsyncResult *result = NULL;

  gs_store_export_file_async (store, gs_test_instrument (), id, csv, NULL, async_done_cb, &result);
  g_assert_true (gs_store_export_file_finish (store, wait_for (&result), &error));
  g_clear_object (&result);
  g_assert_no_error (error);
  g_assert_cmphex (mode_of (csv), ==, 0600);
  read_back = gs_exchange_read_file (gs_test_instrument (), csv, &(GsExchangeKind) { 0 }, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gs_assessment_get_respondents (read_back)->len, ==, 10);

  gs_store_export_file_async (store, gs_test_instrument (), 424242, csv, NULL, async_done_cb, &result);
  g_assert_false (gs_store_export_file_finish (store, wait_for (&result), &error));
  g_clear_object (&result);
  g_assert_error (error, GS_STORE_ERROR, GS_STORE_ERROR_NOT_FOUND);

  gs_results_compute_async (gs_test_instrument (), assessment, 3, NULL, async_done_cb, &result);
  results = gs_results_compute_finish (wait_for (&result), NULL);
  g_clear_object (&result);
  g_assert_cmpfloat (results->overall_aggregate.mean, ==, expected->overall_aggregate.mean);
  g_assert_cmpuint (results->stage_estimate, ==, expected->stage_estimate);
}

/* Another program's SQLite file is refused and left exactly as it was: not given our
 * tables, not switched to write-ahead logging, not backed up. Ours carry our mark. */
static void
test_other_programs_database (void)
{
  g_autofree char *path = temp_database ();
  g_autofree char *ours = temp_database ();
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *backups = g_build_filename (folder, "backups", NULL);
  g_autofree char *before = NULL, *after = NULL, *mode = NULL, *mark = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GsStore) store = NULL;

  raw_sql (path, "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('Ada')");
  before = checksum_of (path);
  g_assert_null (gs_store_open (path, &error));
  g_assert_error (error, GS_STORE_ERROR, GS_STORE_ERROR_NOT_DATABASE);
  g_assert_nonnull (strstr (error->message, "another program’s database"));
  g_clear_error (&error);
  after = checksum_of (path);
  g_assert_cmpstr (after, ==, before);
  mode = raw_text (path, "PRAGMA journal_mode");
  g_assert_cmpstr (mode, ==, "delete");
  g_assert_false (g_file_test (backups, G_FILE_TEST_EXISTS));

  /* A folder is named as one, not called read-only. */
  g_assert_null (gs_store_open (folder, &error));
  g_assert_nonnull (strstr (error->message, "is a folder, not a database"));
  g_clear_error (&error);

  store = gs_store_open (ours, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  mark = raw_text (ours, "PRAGMA application_id");
  g_assert_cmpstr (mark, ==, "1196644145");  /* "GSW1" */
}

/* Names and titles are one line: a control character typed or pasted in is refused in
 * words, and nothing changes. */
static void
test_names_refuse_control_characters (void)
{
  g_autofree char *path = demo_database ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GsStore) store = gs_store_open (path, &error);
  gint64 id = first_assessment_id (store);
  g_autoptr(GsAssessmentSummary) before = gs_store_lookup_summary (store, id);
  g_autofree char *title = g_strdup (gs_assessment_summary_get_title (before));

  g_assert_no_error (error);
  g_assert_false (gs_store_rename_assessment (store, id, "Board\x1b[2J", &error));
  g_assert_error (error, GS_STORE_ERROR, GS_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "U+001B"));
  g_clear_error (&error);
  g_assert_cmpint (gs_store_add_organisation (store, "Two\nlines", &error), ==, 0);
  g_assert_error (error, GS_STORE_ERROR, GS_STORE_ERROR_INVALID);
  g_clear_error (&error);
  {
    g_autoptr(GsAssessmentSummary) after = gs_store_lookup_summary (store, id);
    g_assert_cmpstr (gs_assessment_summary_get_title (after), ==, title);
  }
}

/* A respondent renamed and moved to another group keeps their answers; a blank or two-line
 * name, or a respondent that no longer exists, is refused and changes nothing. */
static void
test_update_respondent (void)
{
  g_autofree char *path = demo_database ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GsStore) store = gs_store_open (path, &error);
  gint64 id = first_assessment_id (store);
  g_autoptr(GsAssessment) before = gs_store_load_assessment (store, id, &error);
  g_autoptr(GsAssessment) after = NULL;
  GsRespondent *first = g_ptr_array_index (gs_assessment_get_respondents (before), 0);
  GsRespondent *changed;

  g_assert_no_error (error);
  g_assert_false (gs_store_update_respondent (store, first->uuid, "   ", "Board", &error));
  g_assert_error (error, GS_STORE_ERROR, GS_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (gs_store_update_respondent (store, first->uuid, "Two\nlines", NULL, &error));
  g_assert_error (error, GS_STORE_ERROR, GS_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (gs_store_update_respondent (store, "00000000-0000-4000-8000-000000000000", "Nobody", NULL, &error));
  g_assert_error (error, GS_STORE_ERROR, GS_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  after = gs_store_load_assessment (store, id, &error);
  changed = gs_assessment_lookup_respondent (after, first->uuid);
  g_assert_cmpstr (changed->name, ==, first->name);
  g_assert_cmpstr (changed->group, ==, first->group);
  g_clear_object (&after);

  g_assert_true (gs_store_update_respondent (store, first->uuid, "Prif Weithredwr", "Bwrdd", &error));
  g_assert_no_error (error);
  after = gs_store_load_assessment (store, id, &error);
  changed = gs_assessment_lookup_respondent (after, first->uuid);
  g_assert_cmpstr (changed->name, ==, "Prif Weithredwr");
  g_assert_cmpstr (changed->group, ==, "Bwrdd");
  g_assert_cmpuint (g_hash_table_size (changed->answers), ==, g_hash_table_size (first->answers));
  g_assert_true (gs_store_update_respondent (store, first->uuid, "Prif Weithredwr", NULL, &error));
  g_clear_object (&after);
  after = gs_store_load_assessment (store, id, &error);
  g_assert_cmpstr (gs_assessment_lookup_respondent (after, first->uuid)->group, ==, "");
}

/* Two instances on one file (the window, and `groundswell --list` beside it): opening or
 * closing one never purges what the other has just deleted, so its Undo still works; rows
 * left hidden by a session that crashed over an hour ago are purged on the next open. */
static void
test_purge_spares_other_instances (void)
{
  g_autofree char *path = demo_database ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GsStore) window = gs_store_open (path, &error);
  g_autoptr(GsStore) other = NULL;
  gint64 id = first_assessment_id (window);
  g_autofree char *count = NULL;

  g_assert_true (gs_store_delete (window, GS_STORE_ASSESSMENT, id, &error));
  other = gs_store_open (path, &error);          /* purges on open */
  g_assert_no_error (error);
  g_clear_object (&other);                       /* and on close */
  g_assert_true (gs_store_undo_delete (window, GS_STORE_ASSESSMENT, id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (gs_store_get_assessments (window)), ==, 2);

  /* A crash an hour and more ago left a row hidden: the next open removes it. */
  raw_sql (path, "UPDATE assessments SET deleted_at = '2026-01-01T00:00:00Z' WHERE title = 'Baseline'");
  other = gs_store_open (path, &error);
  g_assert_no_error (error);
  count = raw_text (path, "SELECT count (*) FROM assessments WHERE title = 'Baseline'");
  g_assert_cmpstr (count, ==, "0");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/open/new-database-is-private", test_new_database_is_private);
  for (guint i = 0; i < G_N_ELEMENTS (spoilt_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/store/open/refuses/%s", spoilt_cases[i].name);
      g_test_add_data_func (name, &spoilt_cases[i], test_refuses_without_changing);
    }
  g_test_add_func ("/store/open/refuses/locked", test_locked);
  g_test_add_func ("/store/assessment-round-trip", test_assessment_round_trip);
  g_test_add_func ("/store/invalid-values", test_invalid_values);
  g_test_add_func ("/store/delete-undo-purge", test_delete_undo_purge);
  g_test_add_func ("/store/purge-spares-other-instances", test_purge_spares_other_instances);
  g_test_add_func ("/store/follow-up", test_follow_up);
  g_test_add_func ("/store/import/duplicate-and-copy", test_import_duplicate_and_copy);
  g_test_add_func ("/store/import/responses", test_import_responses);
  g_test_add_func ("/store/import/event-id-clash", test_import_event_id_clash);
  g_test_add_func ("/store/import/uuid-case", test_import_uuid_case);
  g_test_add_func ("/store/import/refuses-by-name", test_import_refuses_by_name);
  g_test_add_func ("/store/import/file-async", test_import_file_async);
  g_test_add_func ("/store/demo-is-idempotent", test_demo_is_idempotent);
  g_test_add_func ("/store/export-and-score-async", test_export_and_score_async);
  g_test_add_func ("/store/other-programs-database", test_other_programs_database);
  g_test_add_func ("/store/names-refuse-control-characters", test_names_refuse_control_characters);
  g_test_add_func ("/store/update-respondent", test_update_respondent);

  return g_test_run ();
}
