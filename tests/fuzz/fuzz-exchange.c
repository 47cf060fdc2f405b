/* fuzz-exchange.c — libFuzzer target for the JSON and CSV readers
 *
 * Built twice, with FUZZ_CSV defined or not. Any input must either be refused with an
 * error or read into an assessment that writes out and reads back to the same bytes.
 * Run: _build-fuzz/tests/fuzz/fuzz-json -max_total_time=60 tests/fuzz/corpus/json
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "core/gs-exchange.h"

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
