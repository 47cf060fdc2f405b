/* test-store-versions.c — versions: two versions of the questions in one database (files
 * exported with version 1 import, score and report as before; follow-ups use the newest
 * version and are compared with a version-1 baseline on the questions both ask), and files
 * of earlier versions of the schema, upgraded in place
 *
 * The fixtures are the demo baseline exported as JSON and CSV by the build before version 2
 * shipped (tests/core/fixtures/baseline-v1.*), and databases earlier builds wrote, dumped as
 * SQL (tests/store/fixtures/schema-*.sql).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <sqlite3.h>

#include "gs-test-util.h"
#include "store-test-util.h"
#include "report/gs-analysis.h"
#include "report/gs-report.h"
#include "store/gs-assessment-summary.h"
#include "store/gs-store.h"

#define EPSILON 1e-9

static gint64
import_fixture (GsStore    *store,
                const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "core", "fixtures", name, NULL);
  g_autoptr(GsInstrument) newest = gs_instrument_load_default (NULL);
  g_autoptr(GError) error = NULL;
  GsExchangeKind kind;
  g_autoptr(GsAssessment) assessment = gs_exchange_read_file (newest, path, &kind, &error);
  gint64 id;

  g_assert_no_error (error);
  g_assert_cmpint (gs_assessment_get_instrument_version (assessment), ==, 1);
  id = gs_store_import (store, assessment, kind, GS_IMPORT_AS_COPY, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

/* A domain's score worked out from the stored answers with the method's formula, apart
 * from the scoring code: each respondent's mean of (v − 1) × 25 over the domain's items
 * answered on the scale, then the mean over respondents who have one. */
static double
domain_score_by_hand (GsAssessment   *assessment,
                      const GsDomain *domain)
{
  GPtrArray *respondents = gs_assessment_get_respondents (assessment);
  double sum = 0;
  guint n = 0;

  for (guint r = 0; r < respondents->len; r++)
    {
      GsRespondent *respondent = g_ptr_array_index (respondents, r);
      double respondent_sum = 0;
      guint answered = 0;

      for (guint i = 0; i < domain->items->len; i++)
        {
          const GsAnswer *answer = gs_respondent_get_answer (respondent, ((const GsItem *) g_ptr_array_index (domain->items, i))->id);

          if (answer != NULL && answer->status == GS_ANSWER_VALUE)
            {
              respondent_sum += (answer->value - 1) * 25.0;
              answered++;
            }
        }
      if (answered > 0)
        {
          sum += respondent_sum / answered;
          n++;
        }
    }
  return n > 0 ? sum / n : NAN;
}

/* A version-1 export, JSON and CSV, made before version 2 shipped: it imports as version 1,
 * its 81 items all present, and its domain scores are those of version 1's domains. */
static void
test_version_1_files_score_as_before (void)
{
  static const char *fixtures[] = { "baseline-v1.json", "baseline-v1.csv" };

  for (guint f = 0; f < G_N_ELEMENTS (fixtures); f++)
    {
      g_autofree char *path = temp_database ();
      g_autoptr(GError) error = NULL;
      g_autoptr(GsStore) store = gs_store_open (path, &error);
      g_autoptr(GsInstrument) version_1 = gs_instrument_lookup ("movement-readiness", 1, &error);
      g_autoptr(GsAnalysis) analysis = NULL;
      const GsResults *results;
      gint64 id;

      g_assert_no_error (error);
      id = import_fixture (store, fixtures[f]);
      analysis = gs_analysis_load (store, gs_test_instrument (), id, 3, &error);
      g_assert_no_error (error);
      g_assert_true (gs_analysis_get_instrument (analysis) == version_1);
      results = gs_analysis_get_results (analysis);
      g_assert_cmpuint (results->n_items, ==, 81);
      g_assert_cmpuint (results->n_respondents, ==, 10);
      for (guint d = 0; d < results->n_domains; d++)
        g_assert_cmpfloat_with_epsilon (results->domains[d].aggregate.mean,
                                        domain_score_by_hand (gs_analysis_get_assessment (analysis), results->domains[d].domain),
                                        EPSILON);
    }
}

/* The version-1 assessment's report prints its domain scores. */
static void
test_version_1_report (void)
{
  g_autofree char *path = temp_database ();
  g_autofree char *pdf = gs_test_temp_path ("version-1.pdf");
  g_autoptr(GError) error = NULL;
  g_autoptr(GsStore) store = gs_store_open (path, &error);
  g_autoptr(GsAnalysis) analysis = NULL;
  g_autofree char *all = NULL;
  const GsResults *results;

  g_assert_no_error (error);
  analysis = gs_analysis_load (store, gs_test_instrument (), import_fixture (store, "baseline-v1.json"), 3, &error);
  g_assert_no_error (error);
  g_assert_true (gs_report_write_pdf (analysis, GS_PAPER_A4, GS_REPORT_DEFAULT, pdf, &error));
  g_assert_no_error (error);
  all = gs_test_pdf_text (pdf);
  results = gs_analysis_get_results (analysis);
  for (guint d = 0; d < results->n_domains; d++)
    {
      g_autofree char *line = g_strdup_printf ("%s: %.0f", results->domains[d].domain->title,
                                               results->domains[d].aggregate.mean);
      g_assert_nonnull (strstr (all, line));
    }
}

/* A follow-up of a version-1 baseline is answered with the newest version, and compared on
 * the questions both versions ask. In the follow-up, Chief executive answers one question
 * both versions ask with 1 (score 0) and every organisational question only the newest asks
 * with 5 (100): the follow-up's own organisational score is their mean, but the comparison
 * sets 0 against the baseline. */
static void
test_follow_up_compared_on_shared_questions (void)
{
  g_autofree char *path = temp_database ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GsStore) store = gs_store_open (path, &error);
  g_autoptr(GsInstrument) newest = gs_instrument_load_default (NULL);
  g_autoptr(GsInstrument) version_1 = gs_instrument_lookup ("movement-readiness", 1, NULL);
  g_autoptr(GsAnalysis) analysis = NULL;
  g_autofree char *respondent = NULL;
  g_autofree char *versions = NULL;
  g_autofree char *expected = NULL;
  const GsDomain *organisational = NULL;
  const GsDomainResult *own;
  guint n_new = 0, n_shared = 0;
  gint64 baseline, follow_up;

  g_assert_no_error (error);
  g_assert_cmpint (gs_instrument_get_version (newest), >, 1);
  baseline = import_fixture (store, "baseline-v1.json");
  follow_up = gs_store_add_follow_up (store, baseline, "Follow-up", "2026-12-01", newest, &error);
  g_assert_no_error (error);
  respondent = gs_store_add_respondent (store, follow_up, "Chief executive", "Board", &error);
  g_assert_no_error (error);

  for (guint d = 0; d < gs_instrument_get_domains (newest)->len; d++)
    if (g_str_equal (((const GsDomain *) g_ptr_array_index (gs_instrument_get_domains (newest), d))->id, "organisational"))
      organisational = g_ptr_array_index (gs_instrument_get_domains (newest), d);
  g_assert_nonnull (organisational);
  for (guint i = 0; i < organisational->items->len; i++)
    {
      const GsItem *item = g_ptr_array_index (organisational->items, i);
      gboolean shared = gs_instrument_lookup_item (version_1, item->id) != NULL;

      if (shared && n_shared++ > 0)
        continue;  /* one shared question is enough */
      n_new += !shared;
      g_assert_true (gs_store_save_answer (store, respondent, item->id, GS_ANSWER_VALUE, shared ? 1 : 5, "", &error));
      g_assert_no_error (error);
    }
  g_assert_cmpuint (n_new, >, 0);  /* version 2 asks something new about the organisational context */

  analysis = gs_analysis_load (store, gs_test_instrument (), follow_up, 3, &error);
  g_assert_no_error (error);
  g_assert_true (gs_analysis_get_instrument (analysis) == newest);
  own = gs_results_lookup_domain (gs_analysis_get_results (analysis), "organisational");
  g_assert_cmpfloat_with_epsilon (own->aggregate.mean, 100.0 * n_new / (n_new + 1), EPSILON);
  g_assert_cmpfloat_with_epsilon (gs_results_lookup_domain (gs_analysis_get_compared_results (analysis),
                                                            "organisational")->aggregate.mean, 0, EPSILON);
  versions = gs_analysis_describe_versions (analysis);
  g_assert_nonnull (versions);
  {
    GPtrArray *items = gs_instrument_get_items (newest);
    guint both = 0;

    for (guint i = 0; i < items->len; i++)
      both += gs_instrument_lookup_item (version_1, ((const GsItem *) g_ptr_array_index (items, i))->id) != NULL;
    expected = g_strdup_printf ("versions 1 and %d of the questionnaire: they are compared on the %u questions both "
                                "versions ask", gs_instrument_get_version (newest), both);
  }
  g_assert_nonnull (strstr (versions, expected));
}

/* The library's "% answered": a version-1 assessment's answers are counted against version
 * 1's 81 items, and a database generated on the newest version (as the benchmarks' is) is
 * wholly answered, not more. */
static void
test_share_answered_counts_its_own_version (void)
{
  g_autofree char *path = temp_database ();
  g_autofree char *generated = temp_database ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GsStore) store = gs_store_open (path, &error);
  g_autoptr(GsInstrument) version_1 = gs_instrument_lookup ("movement-readiness", 1, &error);
  g_autoptr(GsInstrument) newest = gs_instrument_load_default (&error);
  g_autoptr(GsAssessmentSummary) row = NULL;
  g_autoptr(GsAssessment) assessment = NULL;
  GListModel *rows;
  GPtrArray *respondents, *items = gs_instrument_get_items (version_1);
  guint answered = 0;
  gint64 id;

  g_assert_no_error (error);
  id = import_fixture (store, "baseline-v1.json");
  assessment = gs_store_load_assessment (store, id, &error);
  g_assert_no_error (error);
  respondents = gs_assessment_get_respondents (assessment);
  for (guint r = 0; r < respondents->len; r++)
    for (guint i = 0; i < items->len; i++)
      answered += gs_respondent_get_answer (g_ptr_array_index (respondents, r),
                                            ((const GsItem *) g_ptr_array_index (items, i))->id) != NULL;
  g_assert_cmpuint (items->len, ==, 81);
  row = g_list_model_get_item (gs_store_get_assessments (store), 0);
  g_assert_cmpint (gs_assessment_summary_get_id (row), ==, id);
  g_assert_cmpfloat_with_epsilon (gs_assessment_summary_get_share_answered (row),
                                  100.0 * answered / (respondents->len * 81.0), EPSILON);
  g_assert_cmpfloat (gs_assessment_summary_get_share_answered (row), <, 100);

  gs_test_generate (generated, newest, 2, 4, 3, gs_instrument_get_items (newest)->len);
  g_clear_object (&store);
  store = gs_store_open (generated, &error);
  g_assert_no_error (error);
  rows = gs_store_get_assessments (store);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 4);
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GsAssessmentSummary) summary = g_list_model_get_item (rows, i);

      g_assert_cmpfloat_with_epsilon (gs_assessment_summary_get_share_answered (summary), 100, EPSILON);
    }
}

/* --- The file's schema ---------------------------------------------------------------- */

/* A database made by running tests/store/fixtures/@name, a file an earlier build wrote,
 * dumped as SQL. */
static char *
database_from_fixture (const char *name)
{
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "store", "fixtures", name, NULL);
  g_autofree char *sql = NULL;
  g_autoptr(GError) error = NULL;
  char *path = temp_database ();
  sqlite3 *db = NULL;

  g_assert_true (g_file_get_contents (fixture, &sql, NULL, &error));
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  return path;
}

/* Earlier schema versions are migrated. Version 0 is an empty file (what SQLite or another
 * tool leaves); each later version keeps a fixture in tests/store/fixtures/. */
static void
test_migrates_version_0 (void)
{
  g_autofree char *path = temp_database ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GsStore) store = NULL;
  g_autofree char *version = NULL;

  g_assert_true (g_file_set_contents (path, "", 0, &error));
  store = gs_store_open (path, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  version = raw_text (path, "PRAGMA user_version");
  g_assert_cmpint (atoi (version), ==, gs_store_schema_version ());
}

/* A file of version 1 (tests/store/fixtures/schema-1.sql, written by the build before
 * version 2) upgrades in place: every answer kept, the counts the library shows the same,
 * and respondents indexed with their deletion stamp so that counting them reads the index. */
static void
test_migrates_version_1 (void)
{
  g_autofree char *path = database_from_fixture ("schema-1.sql");
  g_autofree char *version = NULL, *indexed = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GsStore) store = NULL;
  g_autoptr(GsAssessmentSummary) summary = NULL;
  g_autoptr(GsAssessment) assessment = NULL;
  guint n_answers = 0;


  store = gs_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (gs_store_get_assessments (store)), ==, 1);
  summary = g_list_model_get_item (gs_store_get_assessments (store), 0);
  g_assert_cmpuint (gs_assessment_summary_get_n_respondents (summary), ==, 2);
  g_assert_cmpuint (gs_assessment_summary_get_n_answers (summary), ==, 176);
  assessment = gs_store_load_assessment (store, gs_assessment_summary_get_id (summary), &error);
  g_assert_no_error (error);
  for (guint r = 0; r < gs_assessment_get_respondents (assessment)->len; r++)
    n_answers += g_hash_table_size (((GsRespondent *) g_ptr_array_index (gs_assessment_get_respondents (assessment), r))->answers);
  g_assert_cmpuint (n_answers, ==, 176);

  /* Version 3 gave every assessment a plan: an upgraded file starts with none and keeps one. */
  g_assert_cmpuint (gs_assessment_get_actions (assessment)->len, ==, 0);
  g_ptr_array_add (gs_assessment_get_actions (assessment), gs_action_new (NULL, "Ask the wards what they are already doing", "domain:structural"));
  g_ptr_array_add (gs_assessment_get_signals (assessment), gs_signal_new (NULL, "Good local practice disappears", ""));
  g_assert_true (gs_store_save_plan (store, gs_assessment_summary_get_id (summary), gs_assessment_get_actions (assessment),
                                     gs_assessment_get_signals (assessment), &error));
  g_assert_no_error (error);
  g_clear_object (&assessment);
  assessment = gs_store_load_assessment (store, gs_assessment_summary_get_id (summary), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gs_assessment_get_actions (assessment)->len, ==, 1);
  g_assert_cmpstr (((GsAction *) g_ptr_array_index (gs_assessment_get_actions (assessment), 0))->area, ==, "domain:structural");
  g_assert_cmpuint (gs_assessment_get_signals (assessment)->len, ==, 1);
  g_clear_object (&store);

  version = raw_text (path, "PRAGMA user_version");
  g_assert_cmpint (atoi (version), ==, gs_store_schema_version ());
  indexed = raw_text (path, "SELECT group_concat (name, ',') FROM pragma_index_info ('respondents_by_assessment')");
  g_assert_cmpstr (indexed, ==, "assessment_id,deleted_at");
}

/* The library row of the assessment called @title. */
static GsAssessmentSummary *
summary_titled (GsStore    *store,
                const char *title)
{
  GListModel *assessments = gs_store_get_assessments (store);

  for (guint i = 0; i < g_list_model_get_n_items (assessments); i++)
    {
      g_autoptr(GsAssessmentSummary) summary = g_list_model_get_item (assessments, i);
      if (g_str_equal (gs_assessment_summary_get_title (summary), title))
        return summary;  /* the list keeps a reference */
    }
  g_assert_not_reached ();
}

/* The respondents of @assessment_id who are not deleted, counted by hand in the file. */
static guint
respondents_in_file (const char *path,
                     gint64      assessment_id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM respondents WHERE assessment_id = %" G_GINT64_FORMAT
                                          " AND deleted_at IS NULL", assessment_id);
  g_autofree char *count = raw_text (path, sql);

  return (guint) atoi (count);
}

/* A file of version 3 (tests/store/fixtures/schema-3.sql, written by the build before
 * version 4) upgrades in place: each assessment's stored count of respondents starts as
 * those not deleted (the fixture's deleted one is purged on opening, and not counted off
 * twice), and adding, deleting, undoing and purging keep it equal to a count by hand. */
static void
test_migrates_version_3 (void)
{
  g_autofree char *path = database_from_fixture ("schema-3.sql");
  g_autofree char *version = NULL, *added = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GsStore) store = NULL;
  gint64 baseline, follow_up, added_id;


  store = gs_store_open (path, &error);
  g_assert_no_error (error);
  baseline = gs_assessment_summary_get_id (summary_titled (store, "Baseline"));
  follow_up = gs_assessment_summary_get_id (summary_titled (store, "Six-month follow-up"));
  g_assert_cmpuint (gs_assessment_summary_get_n_respondents (summary_titled (store, "Baseline")), ==, 1);
  g_assert_cmpuint (gs_assessment_summary_get_n_answers (summary_titled (store, "Baseline")), ==, 88);
  g_assert_cmpuint (gs_assessment_summary_get_n_respondents (summary_titled (store, "Six-month follow-up")), ==, 0);

  added = gs_store_add_respondent (store, follow_up, "Director of nursing", "Board", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gs_assessment_summary_get_n_respondents (summary_titled (store, "Six-month follow-up")), ==, 1);
  added_id = gs_store_find_respondent (store, added);
  g_assert_true (gs_store_delete (store, GS_STORE_RESPONDENT, added_id, &error));
  g_assert_cmpuint (gs_assessment_summary_get_n_respondents (summary_titled (store, "Six-month follow-up")), ==, 0);
  g_assert_true (gs_store_undo_delete (store, GS_STORE_RESPONDENT, added_id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (gs_assessment_summary_get_n_respondents (summary_titled (store, "Six-month follow-up")), ==, 1);
  g_free (gs_store_add_respondent (store, baseline, "Ward sister", "Wards", &error));
  g_assert_no_error (error);
  g_assert_true (gs_store_purge_deleted (store, &error));
  g_clear_object (&store);

  store = gs_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gs_assessment_summary_get_n_respondents (summary_titled (store, "Baseline")), ==, 2);
  g_assert_cmpuint (gs_assessment_summary_get_n_respondents (summary_titled (store, "Six-month follow-up")), ==, 1);
  g_assert_cmpuint (respondents_in_file (path, baseline), ==, 2);
  g_assert_cmpuint (respondents_in_file (path, follow_up), ==, 1);
  g_clear_object (&store);
  version = raw_text (path, "PRAGMA user_version");
  g_assert_cmpint (atoi (version), ==, gs_store_schema_version ());
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/versions/version-1-files-score-as-before", test_version_1_files_score_as_before);
  g_test_add_func ("/store/versions/version-1-report", test_version_1_report);
  g_test_add_func ("/store/versions/follow-up-compared-on-shared-questions", test_follow_up_compared_on_shared_questions);
  g_test_add_func ("/store/versions/share-answered-counts-its-own-version", test_share_answered_counts_its_own_version);
  g_test_add_func ("/store/versions/schema-0", test_migrates_version_0);
  g_test_add_func ("/store/versions/schema-1", test_migrates_version_1);
  g_test_add_func ("/store/versions/schema-3", test_migrates_version_3);
  return g_test_run ();
}
