/* test-exchange.c — JSON and CSV: lossless round trips, merging answers, and refusing bad files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <unistd.h>

#include <glib/gstdio.h>
#include <math.h>

#include "gs-test-util.h"
#include "core/gs-exchange.h"

#define ORG_UUID        "2b8f9a52-6c1e-4b7a-9f3d-0d6c2f1e8a11"
#define ASSESSMENT_UUID "7c0e4d1a-3f5b-4e9a-8c2d-5a6b7c8d9e0f"
#define ALICE_UUID      "a1a1a1a1-0000-4000-8000-000000000001"
#define CSV_HEADER "organisation_id,organisation,assessment_id,assessment,date,instrument,instrument_version," \
                   "respondent_id,respondent,group,item,status,value,note\r\n"

/* An assessment that uses everything the formats carry, with text that needs quoting and
 * scripts other than Latin. */
static GsAssessment *
sample_assessment (void)
{
  GsAssessment *assessment = gs_assessment_new (ASSESSMENT_UUID, ORG_UUID, "St Example’s NHS Trust",
                                                "Baseline, spring \"2026\"", "2026-03-15", "movement-readiness", GS_TEST_VERSION);
  GsRespondent *alice = gs_assessment_add_respondent (assessment, ALICE_UUID, "Alice", "Board");
  GsRespondent *bashir = gs_assessment_add_respondent (assessment, NULL, "بشير", "Front line");
  GsTimelineEvent *event;

  gs_assessment_add_respondent (assessment, NULL, "R-07", "");  /* anonymous, no answers yet */
  gs_respondent_set_answer (alice, "org-key-people", GS_ANSWER_VALUE, 4, "Board minutes, 3 March;\nsee item 7.");
  gs_respondent_set_answer (alice, "trg-activists", GS_ANSWER_DONT_KNOW, 0, NULL);
  gs_respondent_set_answer (alice, "cul-local-fit", GS_ANSWER_NOT_APPLICABLE, 0, "We are new, \"no customs\" yet");
  gs_respondent_set_answer (alice, "pm-plan-up-goals", GS_ANSWER_VALUE, 5, "");
  gs_respondent_set_answer (bashir, "org-key-people", GS_ANSWER_VALUE, 2, "Ελληνικά και 中文");
  gs_respondent_set_answer (bashir, "pm-energy-down-burnout", GS_ANSWER_VALUE, 1, "");

  gs_assessment_set_polarity_text (assessment, "plan-energy/left/upsides/0", "Our own wording");
  gs_assessment_set_polarity_text (assessment, "greater_purpose", "Better care, sooner");

  event = gs_assessment_add_event (assessment, NULL, "2025-11-02", GS_EVENT_TRIGGER, "Mortality review published");
  event->stage = 1;
  event = gs_assessment_add_event (assessment, NULL, "2026-02-10", GS_EVENT_MEASUREMENT, "Staff survey");
  event->participation = 12.5;
  event->change_agents = 34;
  event->note = (g_free (event->note), g_strdup ("Of 4,200 staff"));

  /* A plan: an action with every field, one with none but its text, a signal. */
  {
    GsAction *action = gs_action_new (NULL, "Design changes with the staff who will make them.", "quadrant:4/0/0");
    GsSignal *signal = gs_signal_new (NULL, "Staff wait to be told before improving anything.", "quadrant:4/0/1");

    action->owner = (g_free (action->owner), g_strdup ("Chief Nurse, “Ward 7”"));
    action->due = (g_free (action->due), g_strdup ("2026-06-30"));
    action->status = GS_ACTION_UNDER_WAY;
    action->note = (g_free (action->note), g_strdup ("Two wards first;\nthen the rest."));
    g_ptr_array_add (gs_assessment_get_actions (assessment), action);
    g_ptr_array_add (gs_assessment_get_actions (assessment), gs_action_new (NULL, "Tell the stories that matter here", ""));
    signal->how = (g_free (signal->how), g_strdup ("Monthly improvement huddle"));
    g_ptr_array_add (gs_assessment_get_signals (assessment), signal);
  }
  return assessment;
}

static void
assert_same_assessment (GsAssessment *a,
                        GsAssessment *b)
{
  GPtrArray *ra = gs_assessment_get_respondents (a), *rb = gs_assessment_get_respondents (b);

  g_assert_cmpstr (gs_assessment_get_uuid (a), ==, gs_assessment_get_uuid (b));
  g_assert_cmpstr (gs_assessment_get_organisation_name (a), ==, gs_assessment_get_organisation_name (b));
  g_assert_cmpstr (gs_assessment_get_title (a), ==, gs_assessment_get_title (b));
  g_assert_cmpuint (ra->len, ==, rb->len);
  for (guint r = 0; r < ra->len; r++)
    {
      GsRespondent *x = g_ptr_array_index (ra, r), *y = g_ptr_array_index (rb, r);
      GHashTableIter iter;
      gpointer value;

      g_assert_cmpstr (x->uuid, ==, y->uuid);
      g_assert_cmpstr (x->name, ==, y->name);
      g_assert_cmpstr (x->group, ==, y->group);
      g_assert_cmpuint (g_hash_table_size (x->answers), ==, g_hash_table_size (y->answers));
      g_hash_table_iter_init (&iter, x->answers);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        {
          const GsAnswer *answer = value, *other = gs_respondent_get_answer (y, answer->item_id);
          g_assert_nonnull (other);
          g_assert_cmpint (answer->status, ==, other->status);
          g_assert_cmpint (answer->value, ==, other->value);
          g_assert_cmpstr (answer->note, ==, other->note);
        }
    }
}

/* Every key the maps use is known to the instrument, and nothing else is. */
static void
test_polarity_text_keys (void)
{
  GsInstrument *instrument = gs_test_instrument ();

  g_assert_true (gs_instrument_has_polarity_text (instrument, "greater_purpose"));
  g_assert_true (gs_instrument_has_polarity_text (instrument, "plan-energy/left/upsides/0"));
  g_assert_true (gs_instrument_has_polarity_text (instrument, "plan-energy/right/pole/0"));
  g_assert_false (gs_instrument_has_polarity_text (instrument, "plan-energy/right/pole/1"));
  g_assert_false (gs_instrument_has_polarity_text (instrument, "plan-energy/middle/upsides/0"));
  g_assert_false (gs_instrument_has_polarity_text (instrument, "plan-energy/left/upsides/99"));
  g_assert_false (gs_instrument_has_polarity_text (instrument, "no-such-row/left/upsides/0"));
  g_assert_false (gs_instrument_has_polarity_text (instrument, "plan-energy/left/upsides/x"));
}

static void
test_json_round_trip (void)
{
  g_autoptr(GsAssessment) original = sample_assessment ();
  g_autofree char *first = gs_exchange_write_json (original, GS_EXCHANGE_ASSESSMENT);
  g_autoptr(GsAssessment) parsed = NULL;
  g_autofree char *second = NULL;
  g_autoptr(GError) error = NULL;
  GsExchangeKind kind = GS_EXCHANGE_RESPONSES;
  GsTimelineEvent *event;

  parsed = gs_exchange_read_json (gs_test_instrument (), first, strlen (first), "sample.json", &kind, &error);
  g_assert_no_error (error);
  g_assert_cmpint (kind, ==, GS_EXCHANGE_ASSESSMENT);
  assert_same_assessment (original, parsed);
  g_assert_cmpstr (g_hash_table_lookup (gs_assessment_get_polarity_texts (parsed), "greater_purpose"), ==, "Better care, sooner");
  g_assert_cmpuint (gs_assessment_get_events (parsed)->len, ==, 2);
  event = g_ptr_array_index (gs_assessment_get_events (parsed), 1);
  g_assert_cmpfloat (event->participation, ==, 12.5);
  g_assert_cmpint (event->change_agents, ==, 34);
  g_assert_cmpstr (event->note, ==, "Of 4,200 staff");
  event = g_ptr_array_index (gs_assessment_get_events (parsed), 0);
  g_assert_cmpint (event->stage, ==, 1);
  g_assert_true (isnan (event->participation));

  /* The plan, field by field. */
  g_assert_cmpuint (gs_assessment_get_actions (parsed)->len, ==, 2);
  {
    const GsAction *a = g_ptr_array_index (gs_assessment_get_actions (original), 0);
    const GsAction *b = g_ptr_array_index (gs_assessment_get_actions (parsed), 0);
    const GsSignal *signal = g_ptr_array_index (gs_assessment_get_signals (parsed), 0);

    g_assert_cmpstr (b->uuid, ==, a->uuid);
    g_assert_cmpstr (b->what, ==, a->what);
    g_assert_cmpstr (b->owner, ==, "Chief Nurse, “Ward 7”");
    g_assert_cmpstr (b->due, ==, "2026-06-30");
    g_assert_cmpstr (b->area, ==, "quadrant:4/0/0");
    g_assert_cmpint (b->status, ==, GS_ACTION_UNDER_WAY);
    g_assert_cmpstr (b->note, ==, "Two wards first;\nthen the rest.");
    g_assert_cmpstr (signal->how, ==, "Monthly improvement huddle");
  }

  /* Byte for byte. */
  second = gs_exchange_write_json (parsed, GS_EXCHANGE_ASSESSMENT);
  g_assert_cmpstr (first, ==, second);
}

/* A file of the previous format version (no plan) still reads, with an empty plan. */
static void
test_json_version_1_reads (void)
{
  g_autoptr(GsAssessment) original = sample_assessment ();
  g_autofree char *current = NULL;
  g_autoptr(GString) older = NULL;
  g_autoptr(GsAssessment) parsed = NULL;
  g_autoptr(GError) error = NULL;
  GsExchangeKind kind;
  const char *plan;

  g_ptr_array_set_size (gs_assessment_get_actions (original), 0);
  g_ptr_array_set_size (gs_assessment_get_signals (original), 0);
  current = gs_exchange_write_json (original, GS_EXCHANGE_ASSESSMENT);
  older = g_string_new (current);
  g_assert_cmpuint (g_string_replace (older, "\"format_version\" : 2", "\"format_version\" : 1", 1), ==, 1);
  /* Version 1 had no "plan" member: cut it, and the comma before it. */
  plan = strstr (older->str, ",\n  \"plan\"");
  g_assert_nonnull (plan);
  g_string_truncate (older, plan - older->str);
  g_string_append (older, "\n}\n");
  parsed = gs_exchange_read_json (gs_test_instrument (), older->str, older->len, "old.json", &kind, &error);
  g_assert_no_error (error);
  assert_same_assessment (original, parsed);
  g_assert_cmpuint (gs_assessment_get_actions (parsed)->len, ==, 0);
  g_assert_cmpuint (gs_assessment_get_events (parsed)->len, ==, 2);
}

static void
test_csv_round_trip (void)
{
  g_autoptr(GsAssessment) original = sample_assessment ();
  g_autofree char *first = gs_exchange_write_csv (gs_test_instrument (), original);
  g_autoptr(GsAssessment) parsed = NULL;
  g_autofree char *second = NULL;
  g_autoptr(GError) error = NULL;
  guint n_items = gs_instrument_get_items (gs_test_instrument ())->len;
  guint n_lines = 0;

  /* A header, then one row per respondent and item: 1 + 3 × items CRLF-ended records
   * (the note with a newline adds one physical line). */
  for (const char *p = first; *p != '\0'; p++)
    n_lines += *p == '\n';
  g_assert_cmpuint (n_lines, ==, 1 + 3 * n_items + 1);
  g_assert_true (g_str_has_prefix (first, CSV_HEADER));
  g_assert_nonnull (strstr (first, ",\"Baseline, spring \"\"2026\"\"\","));

  parsed = gs_exchange_read_csv (gs_test_instrument (), first, strlen (first), "sample.csv", &error);
  g_assert_no_error (error);
  assert_same_assessment (original, parsed);
  second = gs_exchange_write_csv (gs_test_instrument (), parsed);
  g_assert_cmpstr (first, ==, second);
}

/* A version-1 CSV, read with the newest questions at hand, is written back as version 1,
 * byte for byte: rows for version 1's items, not the newest's (the fuzzer found this). */
static void
test_csv_version_1_round_trip (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "core", "fixtures", "baseline-v1.csv", NULL);
  g_autofree char *original = NULL;
  g_autofree char *written = NULL;
  g_autoptr(GsAssessment) parsed = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;

  g_assert_cmpint (gs_instrument_get_version (gs_test_instrument ()), >, 1);
  g_assert_true (g_file_get_contents (path, &original, &length, NULL));
  parsed = gs_exchange_read_csv (gs_test_instrument (), original, length, "baseline-v1.csv", &error);
  g_assert_no_error (error);
  g_assert_cmpint (gs_assessment_get_instrument_version (parsed), ==, 1);
  written = gs_exchange_write_csv (gs_test_instrument (), parsed);
  g_assert_true (g_str_equal (written, original));  /* not cmpstr: 200 kB in the log */
}

/* A respondent answers on their own computer and sends just their answers; the consultant
 * imports them into the same assessment. */
static void
test_merge_responses (void)
{
  g_autoptr(GsAssessment) consultant = sample_assessment ();
  g_autoptr(GsAssessment) at_home = gs_assessment_new (ASSESSMENT_UUID, ORG_UUID, "St Example’s NHS Trust",
                                                       "Baseline", "2026-03-15", "movement-readiness", GS_TEST_VERSION);
  GsRespondent *carol = gs_assessment_add_respondent (at_home, NULL, "Carol", "Managers");
  g_autofree char *file = NULL;
  g_autoptr(GsAssessment) incoming = NULL;
  g_autoptr(GError) error = NULL;
  GsExchangeKind kind = GS_EXCHANGE_ASSESSMENT;
  GsMerge merge = { NULL };

  gs_respondent_set_answer (carol, "pol-imperative", GS_ANSWER_VALUE, 3, "");
  file = gs_exchange_write_json (at_home, GS_EXCHANGE_RESPONSES);
  g_assert_null (strstr (file, "timeline"));
  incoming = gs_exchange_read_json (gs_test_instrument (), file, strlen (file), "carol.json", &kind, &error);
  g_assert_no_error (error);
  g_assert_cmpint (kind, ==, GS_EXCHANGE_RESPONSES);

  g_assert_true (gs_assessment_merge_responses (consultant, incoming, GS_MERGE_REFUSE_CHANGES, &merge, &error));
  g_assert_cmpuint (merge.added->len, ==, 1);
  g_assert_cmpuint (merge.updated->len, ==, 0);
  g_assert_cmpuint (gs_assessment_get_respondents (consultant)->len, ==, 4);
  g_assert_cmpint (gs_respondent_get_answer (gs_assessment_lookup_respondent (consultant, carol->uuid),
                                             "pol-imperative")->value, ==, 3);
  gs_merge_clear (&merge);

  /* The same file again: nothing new, nothing duplicated. */
  g_assert_true (gs_assessment_merge_responses (consultant, incoming, GS_MERGE_REFUSE_CHANGES, &merge, &error));
  g_assert_cmpuint (merge.added->len + merge.updated->len, ==, 0);
  g_assert_cmpuint (merge.unchanged, ==, 1);
  g_assert_cmpuint (gs_assessment_get_respondents (consultant)->len, ==, 4);
  gs_merge_clear (&merge);
}

/* A respondent sent a questionnaire is in the assessment with no answers; their file, and
 * a later one with more answers, fill them in without a conflict. */
static void
test_merge_fills_in_a_sent_respondent (void)
{
  g_autoptr(GsAssessment) consultant = sample_assessment ();
  GsRespondent *sent = gs_assessment_add_respondent (consultant, NULL, "Dev", "Front line");
  g_autoptr(GsAssessment) first = gs_assessment_new (ASSESSMENT_UUID, ORG_UUID, "St Example’s NHS Trust",
                                                     "Baseline", "2026-03-15", "movement-readiness", GS_TEST_VERSION);
  g_autoptr(GsAssessment) second = gs_assessment_new (ASSESSMENT_UUID, ORG_UUID, "St Example’s NHS Trust",
                                                      "Baseline", "2026-03-15", "movement-readiness", GS_TEST_VERSION);
  GsRespondent *part = gs_assessment_add_respondent (first, sent->uuid, "Dev", "Front line");
  GsRespondent *more = gs_assessment_add_respondent (second, sent->uuid, "Dev", "Front line");
  g_autoptr(GError) error = NULL;
  GsMerge merge = { NULL };

  gs_respondent_set_answer (part, "org-key-people", GS_ANSWER_VALUE, 2, "");
  gs_respondent_set_answer (more, "org-key-people", GS_ANSWER_VALUE, 2, "");
  gs_respondent_set_answer (more, "trg-activists", GS_ANSWER_DONT_KNOW, 0, "new here");
  g_assert_true (gs_assessment_merge_responses (consultant, first, GS_MERGE_REFUSE_CHANGES, &merge, &error));
  g_assert_cmpuint (merge.updated->len, ==, 1);
  gs_merge_clear (&merge);
  g_assert_true (gs_assessment_merge_responses (consultant, second, GS_MERGE_REFUSE_CHANGES, &merge, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (merge.added->len, ==, 0);
  g_assert_cmpuint (merge.updated->len, ==, 1);
  gs_merge_clear (&merge);
  g_assert_cmpuint (g_hash_table_size (sent->answers), ==, 2);
  g_assert_cmpstr (gs_respondent_get_answer (sent, "trg-activists")->note, ==, "new here");
}

/* The same respondent changed an answer and saved again: refused until asked, then the
 * newer file's answers replace the older; an older file never replaces a newer one. */
static void
test_merge_newer_replaces_older_when_asked (void)
{
  g_autoptr(GsAssessment) consultant = sample_assessment ();
  GsRespondent *alice = gs_assessment_lookup_respondent (consultant, ALICE_UUID);
  g_autoptr(GsAssessment) incoming = gs_assessment_new (ASSESSMENT_UUID, ORG_UUID, "St Example’s NHS Trust",
                                                        "Baseline", "2026-03-15", "movement-readiness", GS_TEST_VERSION);
  GsRespondent *alice_again = gs_assessment_add_respondent (incoming, ALICE_UUID, "Alice", "Board");
  g_autoptr(GError) error = NULL;
  GsMerge merge = { NULL };

  alice->saved = g_strdup ("2026-03-15T09:00:00Z");
  alice_again->saved = g_strdup ("2026-03-16T08:30:00Z");
  gs_respondent_set_answer (alice_again, "org-key-people", GS_ANSWER_VALUE, 1, "changed my mind");

  g_assert_false (gs_assessment_merge_responses (consultant, incoming, GS_MERGE_REFUSE_CHANGES, &merge, &error));
  g_assert_error (error, GS_EXCHANGE_ERROR, GS_EXCHANGE_ERROR_NEWER);
  g_assert_nonnull (strstr (error->message, "Alice (items org-key-people)"));
  g_assert_cmpint (gs_respondent_get_answer (alice, "org-key-people")->value, ==, 4);
  g_clear_error (&error);

  g_assert_true (gs_assessment_merge_responses (consultant, incoming, GS_MERGE_REPLACE_OLDER, &merge, &error));
  g_assert_cmpuint (merge.updated->len, ==, 1);
  gs_merge_clear (&merge);
  g_assert_cmpint (gs_respondent_get_answer (alice, "org-key-people")->value, ==, 1);
  g_assert_cmpstr (alice->saved, ==, "2026-03-16T08:30:00Z");

  /* An older file, even when replacing is allowed, is a conflict. */
  g_free (alice_again->saved);
  alice_again->saved = g_strdup ("2026-03-01T08:30:00Z");
  gs_respondent_set_answer (alice_again, "org-key-people", GS_ANSWER_VALUE, 5, "");
  g_assert_false (gs_assessment_merge_responses (consultant, incoming, GS_MERGE_REPLACE_OLDER, &merge, &error));
  g_assert_error (error, GS_EXCHANGE_ERROR, GS_EXCHANGE_ERROR_CONFLICT);
  g_assert_cmpint (gs_respondent_get_answer (alice, "org-key-people")->value, ==, 1);
}

/* Answers given to version 1 of the questions are not merged into an assessment of the
 * newest version: they were checked against other questions. */
static void
test_merge_other_version_refused (void)
{
  g_autoptr(GsAssessment) consultant = sample_assessment ();
  g_autoptr(GsAssessment) incoming = gs_assessment_new (ASSESSMENT_UUID, ORG_UUID, "St Example’s NHS Trust",
                                                        "Baseline", "2026-03-15", "movement-readiness", 1);
  g_autoptr(GError) error = NULL;
  GsMerge merge = { NULL };

  g_assert_cmpint (GS_TEST_VERSION, >, 1);
  gs_assessment_add_respondent (incoming, NULL, "Dev", "Board");
  g_assert_false (gs_assessment_merge_responses (consultant, incoming, GS_MERGE_REPLACE_OLDER, &merge, &error));
  g_assert_error (error, GS_EXCHANGE_ERROR, GS_EXCHANGE_ERROR_INSTRUMENT);
  g_assert_nonnull (strstr (error->message, "The answers were given to version 1 of the questionnaire"));
  g_assert_cmpuint (gs_assessment_get_respondents (consultant)->len, ==, 3);
}

static void
test_merge_conflict_changes_nothing (void)
{
  g_autoptr(GsAssessment) consultant = sample_assessment ();
  g_autoptr(GsAssessment) incoming = gs_assessment_new (ASSESSMENT_UUID, ORG_UUID, "St Example’s NHS Trust",
                                                        "Baseline", "2026-03-15", "movement-readiness", GS_TEST_VERSION);
  GsRespondent *alice_again = gs_assessment_add_respondent (incoming, ALICE_UUID, "Alice", "Board");
  g_autoptr(GError) error = NULL;
  GsMerge merge = { NULL };

  gs_assessment_add_respondent (incoming, NULL, "Dev", "Board");
  gs_respondent_set_answer (alice_again, "org-key-people", GS_ANSWER_VALUE, 1, "Board minutes, 3 March;\nsee item 7.");
  gs_respondent_set_answer (alice_again, "trg-activists", GS_ANSWER_DONT_KNOW, 0, NULL);
  gs_respondent_set_answer (alice_again, "cul-local-fit", GS_ANSWER_NOT_APPLICABLE, 0, "We are new, \"no customs\" yet");

  /* Alice's answer to pm-plan-up-goals, which the file lacks, is kept, not a conflict. */
  g_assert_false (gs_assessment_merge_responses (consultant, incoming, GS_MERGE_REFUSE_CHANGES, &merge, &error));
  g_assert_error (error, GS_EXCHANGE_ERROR, GS_EXCHANGE_ERROR_CONFLICT);
  g_assert_cmpstr (error->message, ==, "Already imported with different answers: Alice (items org-key-people). "
                   "Nothing was imported.");
  g_assert_null (merge.added);
  g_assert_cmpuint (gs_assessment_get_respondents (consultant)->len, ==, 3);
  g_assert_cmpint (gs_respondent_get_answer (gs_assessment_lookup_respondent (consultant, ALICE_UUID),
                                             "org-key-people")->value, ==, 4);
}

static void
test_copy_as_new (void)
{
  g_autoptr(GsAssessment) original = sample_assessment ();
  g_autoptr(GsAssessment) copy = gs_assessment_copy_as_new (original);
  GsRespondent *alice_copy = g_ptr_array_index (gs_assessment_get_respondents (copy), 0);

  g_assert_cmpstr (gs_assessment_get_uuid (copy), !=, ASSESSMENT_UUID);
  g_assert_true (g_uuid_string_is_valid (gs_assessment_get_uuid (copy)));
  g_assert_cmpstr (gs_assessment_get_organisation_uuid (copy), ==, ORG_UUID);
  g_assert_cmpstr (gs_assessment_get_title (copy), ==, "Baseline, spring \"2026\" (copy)");
  g_assert_cmpstr (alice_copy->uuid, !=, ALICE_UUID);
  g_assert_cmpint (gs_respondent_get_answer (alice_copy, "org-key-people")->value, ==, 4);
  g_assert_cmpuint (gs_assessment_get_events (copy)->len, ==, 2);
  g_assert_cmpuint (g_hash_table_size (gs_assessment_get_polarity_texts (copy)), ==, 2);
}

/* --- Malformed JSON: the sample file with one thing wrong. --- */

typedef struct {
  const char       *name;
  const char       *find;      /* replaced, once, by … */
  const char       *replace;
  GsExchangeError   code;
  const char       *message;   /* expected after "bad.json: " */
} JsonCase;

static const JsonCase json_cases[] = {
  { "truncated", NULL, NULL, GS_EXCHANGE_ERROR_PARSE, NULL },
  { "wrong-format", "\"groundswell-assessment\"", "\"spreadsheet\"", GS_EXCHANGE_ERROR_FORMAT,
    "$.format: this is not a Groundswell assessment (format “spreadsheet”)" },
  { "format-version", "\"format_version\" : 2", "\"format_version\" : 7", GS_EXCHANGE_ERROR_FORMAT,
    "$.format_version: format version 7 is not supported (this version of Groundswell reads versions 1 to 2)" },
  { "other-instrument", "\"movement-readiness\"", "\"staff-survey\"", GS_EXCHANGE_ERROR_INSTRUMENT,
    "$.instrument.id: the file is for the instrument “staff-survey”, not “movement-readiness”" },
  { "value-as-text", "\"value\" : 4", "\"value\" : \"4\"", GS_EXCHANGE_ERROR_INVALID,
    "$.respondents[0].answers[1].value: expected a whole number, found a string" },
  { "value-off-scale", "\"value\" : 4", "\"value\" : 6", GS_EXCHANGE_ERROR_INVALID,
    "$.respondents[0].answers[1].value: expected a whole number from 1 to 5, found 6" },
  { "unknown-item", "\"org-key-people\"", "\"org-key-persons\"", GS_EXCHANGE_ERROR_UNKNOWN_ITEM,
    "$.respondents[0].answers[1].item: the instrument has no item “org-key-persons”" },
  { "bad-date", "\"2026-03-15\"", "\"15/03/2026\"", GS_EXCHANGE_ERROR_INVALID,
    "$.assessment.date: expected a date written YYYY-MM-DD, found “15/03/2026”" },
  { "bad-uuid", "\"" ALICE_UUID "\"", "\"alice\"", GS_EXCHANGE_ERROR_INVALID,
    "$.respondents[0].id: expected a UUID, found “alice”" },
  { "status", "\"dont-know\"", "\"maybe\"", GS_EXCHANGE_ERROR_INVALID,
    "$.respondents[0].answers[3].status: expected “value”, “dont-know” or “not-applicable”, found “maybe”" },
  { "not-offered", "\"status\" : \"value\",\n          \"value\" : 1", "\"status\" : \"not-applicable\"",
    GS_EXCHANGE_ERROR_INVALID,
    "$.respondents[1].answers[1].status: item “pm-energy-down-burnout” does not offer “not-applicable”" },
  { "missing-name", "\"name\" : \"Alice\",", "", GS_EXCHANGE_ERROR_INVALID,
    "$.respondents[0]: “name” is missing" },
  { "participation", "12.5", "112.5", GS_EXCHANGE_ERROR_INVALID,
    "$.timeline[1].participation: expected a percentage from 0 to 100, found 112.5" },
  { "event-kind", "\"trigger\"", "\"rumour\"", GS_EXCHANGE_ERROR_INVALID,
    "$.timeline[0].kind: expected trigger, milestone, setback, coalition or measurement, found “rumour”" },
  { "latin-1", "Alice", "Al\xE9" "ce", GS_EXCHANGE_ERROR_ENCODING, NULL },
  { "array-root", NULL, "[]", GS_EXCHANGE_ERROR_FORMAT, "$: expected an object, found an array" },
  { "unknown-map-text", "\"greater_purpose\"", "\"greatest_purpose\"", GS_EXCHANGE_ERROR_INVALID,
    "$.polarity_texts.greatest_purpose: the polarity maps have no text “greatest_purpose”" },
  /* Names and titles are one line: an escape would reach a terminal through --list. */
  { "escape-in-name", "\"name\" : \"Alice\"", "\"name\" : \"Al\\u001b[31mice\"", GS_EXCHANGE_ERROR_INVALID,
    "$.respondents[0].name: a name or title is one line: found the control character U+001B" },
  { "newline-in-title", "spring \\\"2026", "spring\\n\\\"2026", GS_EXCHANGE_ERROR_INVALID,
    "$.assessment.title: a name or title is one line: found the control character U+000A" },
  { "tab-in-group", "\"group\" : \"Board\"", "\"group\" : \"Bo\\tard\"", GS_EXCHANGE_ERROR_INVALID,
    "$.respondents[0].group: a group's name is one line: found the control character U+0009" },
  { "nul", "\"name\" : \"Alice\"", "\"name\" : \"Al\\u0000ice\"", GS_EXCHANGE_ERROR_INVALID, NULL },
  /* A file of 100,000 '[' crashed json-glib; refused before parsing, at 33 levels. */
  { "deep-nesting", NULL, "{\"a\":\n" "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[", GS_EXCHANGE_ERROR_PARSE,
    "line 2: the JSON is nested deeper than any Groundswell file (more than 32 levels)" },
  /* Found by the fuzzer: json-glib reads "\220" as the byte 0x90, which is not UTF-8. */
  { "plan-status", "\"status\" : \"under-way\"", "\"status\" : \"someday\"", GS_EXCHANGE_ERROR_INVALID,
    "$.plan.actions[0].status: expected planned, under-way, done or dropped, found “someday”" },
  { "plan-due", "\"due\" : \"2026-06-30\"", "\"due\" : \"2026-06-31\"", GS_EXCHANGE_ERROR_INVALID,
    "$.plan.actions[0].due: expected a date YYYY-MM-DD, found “2026-06-31”" },
  { "plan-area", "\"area\" : \"quadrant:4/0/0\"", "\"area\" : \"quadrant:4/2/0\"", GS_EXCHANGE_ERROR_INVALID,
    "$.plan.actions[0].area: expected domain:ID, item:ID or quadrant:ROW/POLE/SIDE, found “quadrant:4/2/0”" },
  { "plan-what-missing", "\"what\" : \"Design changes with the staff who will make them.\",", "", GS_EXCHANGE_ERROR_INVALID,
    NULL },
  { "escape-not-json", "spring \\\"2026", "spring \\2202026", GS_EXCHANGE_ERROR_INVALID,
    "$.assessment.title: the text is not valid UTF-8 (a backslash escape in it is not JSON)" },
};

static void
test_json_malformed (gconstpointer data)
{
  const JsonCase *c = data;
  g_autoptr(GsAssessment) sample = sample_assessment ();
  g_autofree char *good = gs_exchange_write_json (sample, GS_EXCHANGE_ASSESSMENT);
  g_autofree char *bad = NULL;
  g_autoptr(GsAssessment) parsed = NULL;
  g_autoptr(GError) error = NULL;
  GsExchangeKind kind;

  if (c->find != NULL)
    {
      const char *at = strstr (good, c->find);
      g_assert_nonnull (at);
      bad = g_strdup_printf ("%.*s%s%s", (int) (at - good), good, c->replace, at + strlen (c->find));
    }
  else
    bad = c->replace != NULL ? g_strdup (c->replace) : g_strndup (good, strlen (good) / 2);

  parsed = gs_exchange_read_json (gs_test_instrument (), bad, strlen (bad), "bad.json", &kind, &error);
  g_assert_null (parsed);
  g_assert_error (error, GS_EXCHANGE_ERROR, (int) c->code);
  if (c->message != NULL)
    {
      g_autofree char *expected = g_strconcat ("bad.json: ", c->message, NULL);
      g_assert_cmpstr (error->message, ==, expected);
    }
  else
    g_assert_true (g_str_has_prefix (error->message, "bad.json: "));
  if (c->code == GS_EXCHANGE_ERROR_ENCODING)
    g_assert_cmpstr (error->message, ==, "bad.json: line 21: the text is not UTF-8 (byte 524); "
                                         "save the file as UTF-8 and import it again");
}

/* --- Malformed CSV. --- */

typedef struct {
  const char     *name;
  const char     *find;
  const char     *replace;
  GsExchangeError code;
  const char     *message;   /* expected after "bad.csv: " */
} CsvCase;

static const CsvCase csv_cases[] = {
  { "header", "respondent_id,", "person_id,", GS_EXCHANGE_ERROR_FORMAT,
    "line 1: expected the column “respondent_id” in position 8 of the header" },
  { "field-count", ",Board,org-key-people,value,4,", ",Board,org-key-people,value,", GS_EXCHANGE_ERROR_PARSE,
    "line 2: expected 14 fields, found 13" },
  { "value-off-scale", ",Board,org-key-people,value,4,", ",Board,org-key-people,value,9,", GS_EXCHANGE_ERROR_INVALID,
    "line 2: column “value”: expected a whole number from 1 to 5, found “9”" },
  { "unknown-item", ",Board,org-key-people,", ",Board,org-keys,", GS_EXCHANGE_ERROR_UNKNOWN_ITEM,
    "line 2: column “item”: the instrument has no item “org-keys”" },
  /* The quote then closes at the next quote in the file, which text follows. */
  { "unclosed-quote", "\"Board minutes, 3 March;\nsee item 7.\"", "\"Board minutes", GS_EXCHANGE_ERROR_PARSE,
    "line 3: text after a closing quote; a quote inside a field is written twice" },
  { "never-closed", NULL, CSV_HEADER "x,\"Board minutes,\r\n", GS_EXCHANGE_ERROR_PARSE,
    "line 2: a quoted field is never closed" },
  { "stray-quote", ",Board,org-key-people,", ",Bo\"ard,org-key-people,", GS_EXCHANGE_ERROR_PARSE,
    "line 2: a quote in a field that does not start with one" },
  { "two-assessments", ",2026-03-15,movement-readiness,2," ALICE_UUID ",Alice,Board,org-elites-resource,",
    ",2026-03-16,movement-readiness,2," ALICE_UUID ",Alice,Board,org-elites-resource,", GS_EXCHANGE_ERROR_INVALID,
    "line 4: column “date”: expected “2026-03-15” as on line 2: a file holds one assessment" },
  { "latin-1", "Alice", "Al\xE9" "ce", GS_EXCHANGE_ERROR_ENCODING, NULL },
  { "empty", NULL, "", GS_EXCHANGE_ERROR_FORMAT, "line 1: the file is empty" },
  { "bell-in-organisation", "St Example’s NHS Trust", "St Example’s\aNHS Trust", GS_EXCHANGE_ERROR_INVALID,
    "line 2: column “organisation”: a name or title is one line: found the control character U+0007" },
};

static void
test_csv_malformed (gconstpointer data)
{
  const CsvCase *c = data;
  g_autoptr(GsAssessment) sample = sample_assessment ();
  g_autofree char *good = gs_exchange_write_csv (gs_test_instrument (), sample);
  g_autofree char *bad = NULL;
  g_autoptr(GsAssessment) parsed = NULL;
  g_autoptr(GError) error = NULL;

  if (c->find != NULL)
    {
      const char *at = strstr (good, c->find);
      g_assert_nonnull (at);
      bad = g_strdup_printf ("%.*s%s%s", (int) (at - good), good, c->replace, at + strlen (c->find));
    }
  else
    bad = g_strdup (c->replace);

  parsed = gs_exchange_read_csv (gs_test_instrument (), bad, strlen (bad), "bad.csv", &error);
  g_assert_null (parsed);
  g_assert_error (error, GS_EXCHANGE_ERROR, (int) c->code);
  if (c->message != NULL)
    {
      g_autofree char *expected = g_strconcat ("bad.csv: ", c->message, NULL);
      g_assert_cmpstr (error->message, ==, expected);
    }
  else
    g_assert_true (g_str_has_prefix (error->message, "bad.csv: line 2: the text is not UTF-8"));
}

/* A file larger than any assessment is refused before it is read. */
/* Texts that a spreadsheet would run as formulas are written as text (a leading apostrophe,
 * as OWASP recommends) and come back exactly as they were. */
static void
test_csv_formulas_neutralised (void)
{
  static const char *texts[] = { "=HYPERLINK(\"http://example.invalid\")", "+1", "-2+3", "@SUM(A1)", "\t=1",
                                 "'quoted already", "'=both" };
  g_autoptr(GsAssessment) sample = gs_assessment_new (ASSESSMENT_UUID, ORG_UUID, "=cmd|' /C calc'!A0", "@title",
                                                      "2026-03-15", "movement-readiness", GS_TEST_VERSION);
  g_autofree char *csv = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GsAssessment) parsed = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *uuid = g_strdup_printf ("00000000-0000-4000-8000-%012u", i + 1);
      /* A name is one line (no tab); a note may hold one. */
      GsRespondent *respondent = gs_assessment_add_respondent (sample, uuid, texts[i][0] == '\t' ? "-tab" : texts[i],
                                                               "-Board");

      gs_respondent_set_answer (respondent, "org-key-people", GS_ANSWER_VALUE, 3, texts[i]);
    }
  csv = gs_exchange_write_csv (gs_test_instrument (), sample);
  lines = g_strsplit (csv, "\r\n", -1);
  for (guint l = 1; lines[l] != NULL && lines[l][0] != '\0'; l++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[l], ",", -1);
      for (guint f = 0; fields[f] != NULL; f++)
        {
          const char *cell = fields[f][0] == '"' ? fields[f] + 1 : fields[f];
          g_assert_null (strchr ("=+-@\t", cell[0] != '\0' ? cell[0] : 'x'));
        }
    }
  parsed = gs_exchange_read_csv (gs_test_instrument (), csv, strlen (csv), "formulas.csv", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gs_assessment_get_organisation_name (parsed), ==, "=cmd|' /C calc'!A0");
  g_assert_cmpstr (gs_assessment_get_title (parsed), ==, "@title");
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *uuid = g_strdup_printf ("00000000-0000-4000-8000-%012u", i + 1);
      GsRespondent *respondent = gs_assessment_lookup_respondent (parsed, uuid);

      g_assert_nonnull (respondent);
      g_assert_cmpstr (respondent->name, ==, texts[i][0] == '\t' ? "-tab" : texts[i]);
      g_assert_cmpstr (respondent->group, ==, "-Board");
      g_assert_cmpstr (gs_respondent_get_answer (respondent, "org-key-people")->note, ==, texts[i]);
    }
}

/* A link named like an export but pointing at a device is refused without reading it: a
 * link to /dev/zero once took 2 GB of memory. */
static void
test_non_regular_file_refused (void)
{
  g_autofree char *link = gs_test_temp_path ("zero.json");
  g_autoptr(GsAssessment) parsed = NULL;
  g_autoptr(GError) error = NULL;
  GsExchangeKind kind;

  g_assert_cmpint (symlink ("/dev/zero", link), ==, 0);
  parsed = gs_exchange_read_file (gs_test_instrument (), link, &kind, &error);
  g_assert_null (parsed);
  g_assert_error (error, GS_EXCHANGE_ERROR, GS_EXCHANGE_ERROR_FORMAT);
  g_assert_nonnull (strstr (error->message, "not a file but a device, pipe or folder"));
}

/* Brackets inside text are words, not nesting: a title of forty '[' reads back. */
static void
test_brackets_in_text (void)
{
  g_autofree char *title = g_strnfill (40, '[');
  g_autoptr(GsAssessment) sample = gs_assessment_new (ASSESSMENT_UUID, ORG_UUID, "St Example’s NHS Trust", title,
                                                      "2026-03-15", "movement-readiness", GS_TEST_VERSION);
  g_autofree char *json = NULL;
  g_autoptr(GsAssessment) parsed = NULL;
  g_autoptr(GError) error = NULL;
  GsExchangeKind kind;

  json = gs_exchange_write_json (sample, GS_EXCHANGE_ASSESSMENT);
  parsed = gs_exchange_read_json (gs_test_instrument (), json, strlen (json), "brackets.json", &kind, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gs_assessment_get_title (parsed), ==, title);
}

static void
test_enormous_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gs-exchange-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "huge.json", NULL);
  g_autoptr(GsAssessment) parsed = NULL;
  GsExchangeKind kind;
  FILE *file = fopen (path, "w");

  g_assert_nonnull (file);
  /* A sparse file: it claims 65 MB without taking the disk space. */
  g_assert_cmpint (fseek (file, GS_EXCHANGE_MAX_BYTES + 1024 * 1024, SEEK_SET), ==, 0);
  g_assert_cmpint (fputc ('}', file), ==, '}');
  g_assert_cmpint (fclose (file), ==, 0);

  parsed = gs_exchange_read_file (gs_test_instrument (), path, &kind, &error);
  g_assert_null (parsed);
  g_assert_error (error, GS_EXCHANGE_ERROR, GS_EXCHANGE_ERROR_TOO_LARGE);
  g_assert_true (g_str_has_prefix (error->message, path));
  g_assert_nonnull (strstr (error->message, "larger than any assessment"));
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_file_names (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GsAssessment) parsed = NULL;
  GsExchangeKind kind;

  parsed = gs_exchange_read_file (gs_test_instrument (), "/tmp/answers.xlsx", &kind, &error);
  g_assert_error (error, GS_EXCHANGE_ERROR, GS_EXCHANGE_ERROR_FORMAT);
  g_assert_cmpstr (error->message, ==, "/tmp/answers.xlsx: expected a Groundswell .json or .csv file");
  g_clear_error (&error);

  parsed = gs_exchange_read_file (gs_test_instrument (), "/nonexistent/answers.csv", &kind, &error);
  g_assert_null (parsed);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

/* A file written to disk and read back, with a spreadsheet's byte-order mark. */
static void
test_read_file_csv_with_bom (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GsAssessment) sample = sample_assessment ();
  g_autofree char *csv = gs_exchange_write_csv (gs_test_instrument (), sample);
  g_autofree char *with_bom = g_strconcat ("\xEF\xBB\xBF", csv, NULL);
  g_autofree char *dir = g_dir_make_tmp ("gs-exchange-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "answers.CSV", NULL);
  g_autoptr(GsAssessment) parsed = NULL;
  GsExchangeKind kind;

  g_assert_true (g_file_set_contents (path, with_bom, -1, &error));
  parsed = gs_exchange_read_file (gs_test_instrument (), path, &kind, &error);
  g_assert_no_error (error);
  assert_same_assessment (sample, parsed);
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/exchange/merge-other-version-refused", test_merge_other_version_refused);
  g_test_add_func ("/exchange/json/round-trip", test_json_round_trip);
  g_test_add_func ("/exchange/json/version-1-reads", test_json_version_1_reads);
  g_test_add_func ("/exchange/polarity-text-keys", test_polarity_text_keys);
  g_test_add_func ("/exchange/csv/round-trip", test_csv_round_trip);
  g_test_add_func ("/exchange/csv/version-1-round-trip", test_csv_version_1_round_trip);
  g_test_add_func ("/exchange/merge/responses", test_merge_responses);
  g_test_add_func ("/exchange/merge/fills-in-a-sent-respondent", test_merge_fills_in_a_sent_respondent);
  g_test_add_func ("/exchange/merge/newer-replaces-older-when-asked", test_merge_newer_replaces_older_when_asked);
  g_test_add_func ("/exchange/merge/conflict-changes-nothing", test_merge_conflict_changes_nothing);
  g_test_add_func ("/exchange/copy-as-new", test_copy_as_new);
  g_test_add_func ("/exchange/file/enormous", test_enormous_file);
  g_test_add_func ("/exchange/json/brackets-in-text", test_brackets_in_text);
  g_test_add_func ("/exchange/file/non-regular-refused", test_non_regular_file_refused);
  g_test_add_func ("/exchange/csv/formulas-neutralised", test_csv_formulas_neutralised);
  g_test_add_func ("/exchange/file/names", test_file_names);
  g_test_add_func ("/exchange/file/csv-with-bom", test_read_file_csv_with_bom);
  for (guint i = 0; i < G_N_ELEMENTS (json_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/exchange/json/malformed/%s", json_cases[i].name);
      g_test_add_data_func (path, &json_cases[i], test_json_malformed);
    }
  for (guint i = 0; i < G_N_ELEMENTS (csv_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/exchange/csv/malformed/%s", csv_cases[i].name);
      g_test_add_data_func (path, &csv_cases[i], test_csv_malformed);
    }

  return g_test_run ();
}
