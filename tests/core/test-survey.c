/* test-survey.c — answers from survey platforms' wide CSV exports
 *
 * The exports are written here as each platform writes them, from the instrument's own items:
 * Microsoft Forms (questions as headers, answers as the scale's words, its own ID, time and
 * e-mail columns), LimeSurvey (question codes as headers, numbers as answers). Each answer
 * expected is said by hand.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "core/gs-exchange.h"
#include "core/gs-survey-import.h"
#include "gs-test-util.h"

static const GsItem *
item_at (guint index)
{
  return g_ptr_array_index (gs_instrument_get_items (gs_test_instrument ()), index);
}

static GsAssessment *
target (void)
{
  return gs_assessment_new ("9f1c2a4e-0d6b-4c53-9a43-2f2d1b7c5e10", NULL, "Ysbyty Gwynedd", "Survey", "2026-10-01",
                            gs_instrument_get_id (gs_test_instrument ()), gs_instrument_get_version (gs_test_instrument ()));
}

/* A CSV field, quoted as the platforms quote a question's text. */
static void
append_field (GString    *csv,
              const char *text,
              gboolean    last)
{
  g_autoptr(GString) field = g_string_new (text);

  g_string_replace (field, "\"", "\"\"", 0);
  g_string_append_printf (csv, "\"%s\"%s", field->str, last ? "\r\n" : ",");
}

static void
assert_answer (GsRespondent   *respondent,
               const GsItem   *item,
               GsAnswerStatus  status,
               int             value)
{
  const GsAnswer *answer = gs_respondent_get_answer (respondent, item->id);

  if (status == GS_ANSWER_NONE)
    {
      g_assert_null (answer);
      return;
    }
  g_assert_nonnull (answer);
  g_assert_cmpint (answer->status, ==, status);
  g_assert_cmpint (answer->value, ==, value);
}

/* Microsoft Forms: a BOM, its own columns, the questions' words as headers (one numbered),
 * answers as the scale's words in any case; the name column found by its header. */
static void
test_microsoft_forms_labels (void)
{
  g_autoptr(GString) csv = g_string_new ("\xef\xbb\xbf");
  g_autoptr(GsAssessment) assessment = target ();
  g_autoptr(GsAssessment) responses = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *numbered = g_strdup_printf ("2. %s", item_at (1)->statement);
  const GsScale *scale = item_at (0)->scale;
  GsRespondent *sister, *anonymous;

  g_string_append (csv, "ID,Start time,Completion time,Email,Name,Staff group,");
  append_field (csv, item_at (0)->statement, FALSE);
  append_field (csv, numbered, FALSE);
  append_field (csv, item_at (2)->statement, TRUE);
  g_string_append_printf (csv, "1,10/1/26 9:00,10/1/26 9:20,a@example.org,Ward sister,Front line,%s,%s,Don't know\r\n",
                          scale->labels[3], scale->labels[4]);
  g_string_append_printf (csv, "2,10/1/26 9:05,10/1/26 9:30,,,Board,%s,,N/A\r\n", "strongly DISAGREE");

  responses = gs_survey_read (gs_test_instrument (), assessment, csv->str, csv->len, "forms.csv", NULL, NULL, &summary,
                              &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (summary, "3 columns answer questions."));
  {
    g_autofree char *missing = g_strdup_printf ("%u of the assessment’s questions have no column.",
                                                gs_instrument_get_items (gs_test_instrument ())->len - 3);
    g_assert_nonnull (strstr (summary, missing));
  }
  g_assert_nonnull (strstr (summary, "Names: “Name”. Groups: “Staff group”."));
  g_assert_nonnull (strstr (summary, "Left out: “ID”, “Start time”, “Completion time”, “Email”."));
  g_assert_cmpstr (gs_assessment_get_uuid (responses), ==, gs_assessment_get_uuid (assessment));
  g_assert_cmpuint (gs_assessment_get_respondents (responses)->len, ==, 2);

  sister = gs_assessment_find_respondent_by_name (responses, "Ward sister");
  g_assert_nonnull (sister);
  g_assert_cmpstr (sister->group, ==, "Front line");
  assert_answer (sister, item_at (0), GS_ANSWER_VALUE, 4);
  assert_answer (sister, item_at (1), GS_ANSWER_VALUE, 5);
  assert_answer (sister, item_at (2), GS_ANSWER_DONT_KNOW, 0);

  anonymous = gs_assessment_find_respondent_by_name (responses, "Respondent on line 3");
  g_assert_nonnull (anonymous);
  g_assert_cmpstr (anonymous->group, ==, "Board");
  assert_answer (anonymous, item_at (0), GS_ANSWER_VALUE, 1);
  assert_answer (anonymous, item_at (1), GS_ANSWER_NONE, 0);
  assert_answer (anonymous, item_at (2), GS_ANSWER_NOT_APPLICABLE, 0);
}

/* LimeSurvey: question codes (the ids without hyphens) as headers, numbers as answers, its
 * response id; the same export read twice gives the same respondents. */
static void
test_limesurvey_codes (void)
{
  g_autoptr(GString) csv = g_string_new ("id,submitdate,lastpage,startlanguage,name,group");
  g_autoptr(GsAssessment) assessment = target ();
  g_autoptr(GsAssessment) first = NULL;
  g_autoptr(GsAssessment) again = NULL;
  g_autoptr(GError) error = NULL;
  GsRespondent *one;

  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *code = g_strdup (item_at (i)->id);
      guint k = 0;

      for (guint j = 0; code[j] != '\0'; j++)
        if (code[j] != '-')
          code[k++] = code[j];
      code[k] = '\0';
      g_string_append_printf (csv, ",%s", code);
    }
  g_string_append (csv, "\n17,2026-10-02 11:00:00,6,en,R-17,Managers,5,3,1\n18,2026-10-02 11:10:00,6,en,R-18,Managers,2,,4\n");

  first = gs_survey_read (gs_test_instrument (), assessment, csv->str, csv->len, "lime.csv", NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  one = gs_assessment_find_respondent_by_name (first, "R-17");
  g_assert_nonnull (one);
  g_assert_cmpstr (one->group, ==, "Managers");
  assert_answer (one, item_at (0), GS_ANSWER_VALUE, 5);
  assert_answer (one, item_at (1), GS_ANSWER_VALUE, 3);
  assert_answer (one, item_at (2), GS_ANSWER_VALUE, 1);
  assert_answer (gs_assessment_find_respondent_by_name (first, "R-18"), item_at (1), GS_ANSWER_NONE, 0);
  assert_answer (gs_assessment_find_respondent_by_name (first, "R-18"), item_at (2), GS_ANSWER_VALUE, 4);

  again = gs_survey_read (gs_test_instrument (), assessment, csv->str, csv->len, "lime.csv", NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gs_assessment_find_respondent_by_name (again, "R-17")->uuid, ==, one->uuid);
}

/* Two columns that answer one question, a value off the scale, no question at all, one
 * response twice: refused,
 * saying which columns and where, and nothing read. */
static void
test_refusals_name_columns (void)
{
  g_autoptr(GsAssessment) assessment = target ();
  g_autoptr(GError) error = NULL;
  g_autofree char *twice = g_strdup_printf ("Name,%s,\"%s [%s]\"\r\nAnn,4,5\r\n", item_at (0)->id, item_at (0)->statement,
                                            item_at (0)->id);
  g_autofree char *off_scale = g_strdup_printf ("Name,%s\r\nAnn,4\r\nBen,Sometimes\r\n", item_at (0)->id);
  const char *nothing = "Name,Favourite colour\r\nAnn,Blue\r\n";
  g_autofree char *repeated = g_strdup_printf ("ID,Name,%s\r\n7,Ann,4\r\n7,Ann,5\r\n", item_at (0)->id);
  g_autofree char *chosen = g_strdup_printf ("Who,Team,%s\r\nAnn,Board,4\r\n", item_at (0)->id);
  g_autoptr(GsAssessment) named = NULL;

  g_assert_null (gs_survey_read (gs_test_instrument (), assessment, twice, strlen (twice), "twice.csv", NULL, NULL, NULL, &error));
  g_assert_error (error, GS_EXCHANGE_ERROR, GS_EXCHANGE_ERROR_FORMAT);
  g_assert_nonnull (strstr (error->message, item_at (0)->id));
  g_assert_nonnull (strstr (error->message, "both answer"));
  g_assert_nonnull (strstr (error->message, "Nothing was imported"));
  g_clear_error (&error);

  g_assert_null (gs_survey_read (gs_test_instrument (), assessment, off_scale, strlen (off_scale), "off.csv", NULL, NULL, NULL,
                                 &error));
  g_assert_error (error, GS_EXCHANGE_ERROR, GS_EXCHANGE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "off.csv: line 3: column"));
  g_assert_nonnull (strstr (error->message, "“Sometimes”"));
  g_clear_error (&error);

  g_assert_null (gs_survey_read (gs_test_instrument (), assessment, nothing, strlen (nothing), "none.csv", NULL, NULL, NULL, &error));
  g_assert_error (error, GS_EXCHANGE_ERROR, GS_EXCHANGE_ERROR_FORMAT);
  g_clear_error (&error);

  /* One response twice (found by the fuzzer): refused, not half read. */
  g_assert_null (gs_survey_read (gs_test_instrument (), assessment, repeated, strlen (repeated), "repeated.csv", NULL, NULL,
                                 NULL, &error));
  g_assert_error (error, GS_EXCHANGE_ERROR, GS_EXCHANGE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "repeated.csv: line 3 repeats the response of an earlier line"));
  g_clear_error (&error);

  /* Name and group columns the user chose by header. */
  named = gs_survey_read (gs_test_instrument (), assessment, chosen, strlen (chosen), "chosen.csv", "Who", "Team", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gs_assessment_find_respondent_by_name (named, "Ann")->group, ==, "Board");
}

/* The template's header maps every question, each to its own column. */
static void
test_template_maps_every_question (void)
{
  g_autofree char *header = gs_survey_write_template (gs_test_instrument ());
  g_autoptr(GString) csv = g_string_new (header);
  g_autoptr(GsAssessment) assessment = target ();
  g_autoptr(GsAssessment) responses = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  GPtrArray *items = gs_instrument_get_items (gs_test_instrument ());
  g_autofree char *expected = g_strdup_printf ("%u columns answer questions. Names: “Name”. Groups: “Group”.", items->len);

  g_string_append (csv, "Chief executive,Board");
  for (guint i = 0; i < items->len; i++)
    g_string_append_printf (csv, ",%u", 1 + i % 5);
  g_string_append (csv, "\r\n");
  responses = gs_survey_read (gs_test_instrument (), assessment, csv->str, csv->len, "template.csv", NULL, NULL, &summary,
                              &error);
  g_assert_no_error (error);
  g_assert_cmpstr (summary, ==, expected);
  for (guint i = 0; i < items->len; i++)
    assert_answer (gs_assessment_find_respondent_by_name (responses, "Chief executive"), g_ptr_array_index (items, i), GS_ANSWER_VALUE, (int) (1 + i % 5));
}

/* A Welsh trust's platform exports its questions and answers in Welsh, or in English: run in
 * Welsh, Groundswell reads both, a statement as the Welsh window shows it and one in English,
 * the scale's words and "Don't know" in either language. Last, as it changes the language. */
static void
test_welsh_and_english_words (void)
{
  g_autoptr(GsAssessment) assessment = target ();
  g_autoptr(GsAssessment) responses = NULL;
  g_autoptr(GsInstrument) welsh = NULL;
  g_autoptr(GString) csv = g_string_new ("Enw,");
  g_autoptr(GError) error = NULL;
  const GsItem *first, *second;
  GsRespondent *welsh_words, *english_words;

  gs_test_use_language ("cy");
  welsh = gs_instrument_load_default (&error);
  g_assert_no_error (error);
  first = g_ptr_array_index (gs_instrument_get_items (welsh), 0);
  second = g_ptr_array_index (gs_instrument_get_items (welsh), 1);
  /* the texts are Welsh indeed, and their English originals known */
  g_assert_cmpstr (first->scale->labels[4], ==, "Cytuno'n gryf");
  g_assert_cmpstr (gs_instrument_get_english (welsh, first->scale->labels[4]), ==, "Strongly agree");
  g_assert_nonnull (gs_instrument_get_english (welsh, second->statement));

  append_field (csv, first->statement, FALSE);
  append_field (csv, gs_instrument_get_english (welsh, second->statement), TRUE);
  g_string_append_printf (csv, "Nia,%s,Ddim yn gwybod\r\n", first->scale->labels[4]);
  g_string_append (csv, "Tom,disagree,Don't know\r\n");
  responses = gs_survey_read (welsh, assessment, csv->str, csv->len, "ffurflen.csv", "Enw", NULL, NULL, &error);
  g_assert_no_error (error);

  welsh_words = gs_assessment_find_respondent_by_name (responses, "Nia");
  english_words = gs_assessment_find_respondent_by_name (responses, "Tom");
  g_assert_nonnull (welsh_words);
  g_assert_nonnull (english_words);
  assert_answer (welsh_words, first, GS_ANSWER_VALUE, 5);
  assert_answer (welsh_words, second, GS_ANSWER_DONT_KNOW, 0);
  assert_answer (english_words, first, GS_ANSWER_VALUE, 2);
  assert_answer (english_words, second, GS_ANSWER_DONT_KNOW, 0);
  gs_test_use_language ("en");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/survey/microsoft-forms-labels", test_microsoft_forms_labels);
  g_test_add_func ("/survey/limesurvey-codes", test_limesurvey_codes);
  g_test_add_func ("/survey/refusals-name-columns", test_refusals_name_columns);
  g_test_add_func ("/survey/template-maps-every-question", test_template_maps_every_question);
  g_test_add_func ("/survey/welsh-and-english-words", test_welsh_and_english_words);
  return g_test_run ();
}
