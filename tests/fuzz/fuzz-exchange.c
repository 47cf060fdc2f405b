/* fuzz-exchange.c — libFuzzer target for the JSON and CSV readers and survey exports
 *
 * Built three times: with FUZZ_CSV, with FUZZ_SURVEY, or neither (JSON). Any exchange file
 * must either be refused with an error or read into an assessment that writes out and reads
 * back to the same bytes. A survey export must either be refused with an error or read into
 * respondents whose every answer is on its question's scale, the same on a second reading.
 * Run: _build-fuzz/tests/fuzz/fuzz-json -max_total_time=60 tests/fuzz/corpus/json
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "core/gs-exchange.h"
#include "core/gs-survey-import.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static GsInstrument *
instrument (void)
{
  static GsInstrument *shared;

  if (shared == NULL)
    shared = gs_instrument_load_default (NULL);
  g_assert (shared != NULL);
  return shared;
}

#ifdef FUZZ_SURVEY
static GsAssessment *
survey_target (void)
{
  static GsAssessment *shared;

  if (shared == NULL)
    shared = gs_assessment_new ("5b0f6f4e-6f1a-4e0e-9d0b-3b1f0e6c2a77", NULL, "Fuzz", "Fuzz", "2026-01-01",
                                gs_instrument_get_id (instrument ()), gs_instrument_get_version (instrument ()));
  return shared;
}

static void
assert_on_scale (GsAssessment *responses)
{
  GPtrArray *respondents = gs_assessment_get_respondents (responses);

  for (guint r = 0; r < respondents->len; r++)
    {
      GsRespondent *respondent = g_ptr_array_index (respondents, r);
      GHashTableIter iter;
      gpointer key, value;

      g_hash_table_iter_init (&iter, respondent->answers);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          const GsAnswer *answer = value;

          g_assert (gs_instrument_lookup_item (instrument (), key) != NULL);
          g_assert (answer->status != GS_ANSWER_VALUE || (answer->value >= 1 && answer->value <= GS_SCALE_POINTS));
          g_assert (answer->status != GS_ANSWER_NONE);
        }
    }
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GsAssessment) first = gs_survey_read (instrument (), survey_target (), (const char *) data, size, "fuzz.csv",
                                                  NULL, NULL, NULL, &error);
  g_autoptr(GsAssessment) second = NULL;

  if (first == NULL)
    {
      g_assert (error != NULL && g_str_has_prefix (error->message, "fuzz."));
      return 0;
    }
  assert_on_scale (first);
  second = gs_survey_read (instrument (), survey_target (), (const char *) data, size, "fuzz.csv", NULL, NULL, NULL, &error);
  g_assert (second != NULL);
  g_assert (gs_assessment_get_respondents (second)->len == gs_assessment_get_respondents (first)->len);
  for (guint r = 0; r < gs_assessment_get_respondents (first)->len; r++)
    g_assert (g_str_equal (((GsRespondent *) g_ptr_array_index (gs_assessment_get_respondents (first), r))->uuid,
                           ((GsRespondent *) g_ptr_array_index (gs_assessment_get_respondents (second), r))->uuid));
  return 0;
}
#else
static GsAssessment *
read_text (const char *text,
           gsize       length,
           GError    **error)
{
  GsExchangeKind kind;

#ifdef FUZZ_CSV
  (void) kind;
  return gs_exchange_read_csv (instrument (), text, length, "fuzz.csv", error);
#else
  return gs_exchange_read_json (instrument (), text, length, "fuzz.json", &kind, error);
#endif
}

static char *
write_text (GsAssessment *assessment)
{
#ifdef FUZZ_CSV
  return gs_exchange_write_csv (instrument (), assessment);
#else
  return gs_exchange_write_json (assessment, GS_EXCHANGE_ASSESSMENT);
#endif
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GsAssessment) first = read_text ((const char *) data, size, &error);
  g_autoptr(GsAssessment) second = NULL;
  g_autofree char *written = NULL;
  g_autofree char *rewritten = NULL;

  if (first == NULL)
    {
      /* Refused: there must be a message that names the file. */
      g_assert (error != NULL && g_str_has_prefix (error->message, "fuzz."));
      return 0;
    }

  written = write_text (first);
  second = read_text (written, strlen (written), &error);
  g_assert (second != NULL);
  rewritten = write_text (second);
  g_assert (g_str_equal (written, rewritten));
  return 0;
}
#endif
