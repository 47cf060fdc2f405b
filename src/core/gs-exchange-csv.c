/* gs-exchange-csv.c — a whole assessment as CSV (RFC 4180): one row per answer
 *
 * The columns are in docs/exchange-formats.md. Fields are quoted when they must be; the
 * reader checks every row belongs to one assessment and names the line of what is wrong.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gs-exchange"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "gs-exchange-private.h"

static const char *csv_columns[] = {
  "organisation_id", "organisation", "assessment_id", "assessment", "date", "instrument",
  "instrument_version", "respondent_id", "respondent", "group", "item", "status", "value", "note",
};
enum {
  COL_ORGANISATION_ID, COL_ORGANISATION, COL_ASSESSMENT_ID, COL_ASSESSMENT, COL_DATE, COL_INSTRUMENT,
  COL_INSTRUMENT_VERSION, COL_RESPONDENT_ID, COL_RESPONDENT, COL_GROUP, COL_ITEM, COL_STATUS, COL_VALUE,
  COL_NOTE, N_COLUMNS
};

/* --- CSV (RFC 4180) ----------------------------------------------------------------- */

/* A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return before
 * one) as a formula: a name or note from a returned file could run one on the consultant's
 * computer. As OWASP recommends, such a field is written with a leading apostrophe, which
 * spreadsheets show as text. A field that starts with an apostrophe gets one more, so that
 * reading takes exactly one off and every text comes back as it was. */
static gboolean
csv_needs_apostrophe (const char *field)
{
  return field[0] != '\0' && strchr ("=+-@\t\r'", field[0]) != NULL;
}

static void
csv_append_field (GString    *out,
                  const char *field)
{
  const char *apostrophe = csv_needs_apostrophe (field) ? "'" : "";

  if (strpbrk (field, ",\"\r\n") == NULL)
    {
      g_string_append (out, apostrophe);
      g_string_append (out, field);
      return;
    }
  g_string_append_c (out, '"');
  g_string_append (out, apostrophe);
  for (const char *p = field; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
csv_append_record (GString     *out,
                   const char **fields)
{
  for (guint i = 0; i < N_COLUMNS; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      csv_append_field (out, fields[i]);
    }
  g_string_append (out, "\r\n");
}

/**
 * gs_exchange_write_plan_csv:
 *
 * The plan alone, for a trust's own tracking: one row per action, then one per signal to
 * watch, with the area in words beside its key.
 *
 * Returns: (transfer full): UTF-8 CSV with a header row and CRLF line ends
 */
char *
gs_exchange_write_plan_csv (GsInstrument *instrument,
                            GsAssessment *assessment)
{
  static const char *header[] = { "kind", "id", "area", "area_key", "what", "owner", "due", "status", "note" };
  GPtrArray *actions = gs_assessment_get_actions (assessment), *signals = gs_assessment_get_signals (assessment);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (header); i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      csv_append_field (out, header[i]);
    }
  g_string_append (out, "\r\n");
  for (guint i = 0; i < actions->len + signals->len; i++)
    {
      const GsAction *action = i < actions->len ? g_ptr_array_index (actions, i) : NULL;
      const GsSignal *signal = i >= actions->len ? g_ptr_array_index (signals, i - actions->len) : NULL;
      const char *area = action != NULL ? action->area : signal->area;
      g_autofree char *words = gs_plan_describe_area (instrument, area);
      const char *fields[] = {
        action != NULL ? "action" : "signal", action != NULL ? action->uuid : signal->uuid, words, area,
        action != NULL ? action->what : signal->warning, action != NULL ? action->owner : "",
        action != NULL ? action->due : "", action != NULL ? gs_action_status_to_string (action->status) : "",
        action != NULL ? action->note : signal->how,
      };

      for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
        {
          if (f > 0)
            g_string_append_c (out, ',');
          csv_append_field (out, fields[f]);
        }
      g_string_append (out, "\r\n");
    }
  return g_string_free (out, FALSE);
}

/**
 * gs_exchange_write_csv:
 *
 * One row per respondent and item of the version of the questions @assessment was answered
 * with (@instrument when it is that version), in instrument order: the status is empty
 * where the item is unanswered, so that every respondent appears. Polarity map texts and
 * the timeline are not in CSV; the JSON format holds them.
 *
 * Returns: (transfer full): UTF-8 CSV with a header row and CRLF line ends
 */
char *
gs_exchange_write_csv (GsInstrument *instrument,
                       GsAssessment *assessment)
{
  g_autoptr(GsInstrument) own = NULL;
  GString *out = g_string_new (NULL);
  GPtrArray *respondents = gs_assessment_get_respondents (assessment);
  GPtrArray *items;
  g_autofree char *version = g_strdup_printf ("%d", gs_assessment_get_instrument_version (assessment));

  g_return_val_if_fail (GS_IS_ASSESSMENT (assessment), NULL);

  /* A version this build does not have could not have been read: keep @instrument then. */
  if ((own = gs_instrument_for_assessment (instrument, assessment, NULL)) != NULL)
    instrument = own;
  items = gs_instrument_get_items (instrument);

  csv_append_record (out, csv_columns);
  for (guint r = 0; r < respondents->len; r++)
    {
      GsRespondent *respondent = g_ptr_array_index (respondents, r);

      for (guint i = 0; i < items->len; i++)
        {
          const GsItem *item = g_ptr_array_index (items, i);
          const GsAnswer *answer = gs_respondent_get_answer (respondent, item->id);
          char value[4] = "";
          const char *fields[N_COLUMNS] = {
            gs_assessment_get_organisation_uuid (assessment), gs_assessment_get_organisation_name (assessment),
            gs_assessment_get_uuid (assessment), gs_assessment_get_title (assessment),
            gs_assessment_get_date (assessment), gs_assessment_get_instrument_id (assessment), version,
            respondent->uuid, respondent->name, respondent->group, item->id,
            answer != NULL ? gs_answer_status_to_string (answer->status) : "",
            value, answer != NULL ? answer->note : "",
          };

          if (answer != NULL && answer->status == GS_ANSWER_VALUE)
            g_snprintf (value, sizeof value, "%d", answer->value);
          csv_append_record (out, fields);
        }
    }
  return g_string_free (out, FALSE);
}


static gboolean
csv_fail (const GsCsvScanner  *scanner,
          guint              line,
          const char        *column,
          GError           **error,
          int                code,
          const char        *format,
          ...) G_GNUC_PRINTF (6, 7);

static gboolean
csv_fail (const GsCsvScanner  *scanner,
          guint              line,
          const char        *column,
          GError           **error,
          int                code,
          const char        *format,
          ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  if (column != NULL)
    g_set_error (error, GS_EXCHANGE_ERROR, code, _("%s: line %u: column “%s”: %s"), scanner->name, line, column, message);
  else
    g_set_error (error, GS_EXCHANGE_ERROR, code, _("%s: line %u: %s"), scanner->name, line, message);
  return FALSE;
}

/* Reads one record into @fields. Returns FALSE at the end of the data (with no error) or on
 * a malformed record (with @error set). Survey exports (gs-survey-import.c) read with it too. */
gboolean
gs_csv_next_record (GsCsvScanner  *scanner,
                 GPtrArray   *fields,
                 guint       *record_line,
                 GError     **error)
{
  g_autoptr(GString) field = g_string_new (NULL);

  g_ptr_array_set_size (fields, 0);
  if (scanner->p >= scanner->end)
    return FALSE;
  *record_line = scanner->line;

  for (;;)
    {
      gboolean quoted = scanner->p < scanner->end && *scanner->p == '"';

      g_string_truncate (field, 0);
      if (quoted)
        {
          guint start_line = scanner->line;

          for (scanner->p++;; scanner->p++)
            {
              if (scanner->p >= scanner->end)
                return csv_fail (scanner, start_line, NULL, error, GS_EXCHANGE_ERROR_PARSE,
                                 _("a quoted field is never closed"));
              if (*scanner->p == '"')
                {
                  if (scanner->p + 1 < scanner->end && scanner->p[1] == '"')
                    scanner->p++;
                  else
                    break;
                }
              if (*scanner->p == '\n')
                scanner->line++;
              g_string_append_c (field, *scanner->p);
            }
          scanner->p++;  /* the closing quote */
          if (scanner->p < scanner->end && *scanner->p != ',' && *scanner->p != '\r' && *scanner->p != '\n')
            return csv_fail (scanner, scanner->line, NULL, error, GS_EXCHANGE_ERROR_PARSE,
                             _("text after a closing quote; a quote inside a field is written twice"));
        }
      else
        {
          for (; scanner->p < scanner->end && *scanner->p != ',' && *scanner->p != '\r' && *scanner->p != '\n'; scanner->p++)
            {
              if (*scanner->p == '"')
                return csv_fail (scanner, scanner->line, NULL, error, GS_EXCHANGE_ERROR_PARSE,
                                 _("a quote in a field that does not start with one"));
              g_string_append_c (field, *scanner->p);
            }
        }
      /* The apostrophe that neutralised a formula on export (csv_needs_apostrophe). */
      g_ptr_array_add (fields, g_strdup (field->str[0] == '\'' ? field->str + 1 : field->str));

      if (scanner->p >= scanner->end)
        return TRUE;
      if (*scanner->p == ',')
        {
          scanner->p++;
          continue;
        }
      /* End of record: CRLF or LF. */
      if (*scanner->p == '\r')
        scanner->p++;
      if (scanner->p < scanner->end && *scanner->p == '\n')
        scanner->p++;
      scanner->line++;
      return TRUE;
    }
}

static gboolean
csv_check_header (GsCsvScanner  *scanner,
                  GPtrArray   *fields,
                  GError     **error)
{
  guint line = 1;

  if (!gs_csv_next_record (scanner, fields, &line, error))
    {
      if (error != NULL && *error != NULL)
        return FALSE;
      return csv_fail (scanner, 1, NULL, error, GS_EXCHANGE_ERROR_FORMAT, _("the file is empty"));
    }
  for (guint i = 0; i < N_COLUMNS; i++)
    if (i >= fields->len || !g_str_equal (g_ptr_array_index (fields, i), csv_columns[i]))
      return csv_fail (scanner, 1, NULL, error, GS_EXCHANGE_ERROR_FORMAT,
                       _("expected the column “%s” in position %u of the header"), csv_columns[i], i + 1);
  if (fields->len != N_COLUMNS)
    return csv_fail (scanner, 1, NULL, error, GS_EXCHANGE_ERROR_FORMAT,
                     _("expected %d columns in the header, found %u"), N_COLUMNS, fields->len);
  return TRUE;
}

/* The first data row names the organisation and assessment; every row must repeat them. */
static GsAssessment *
csv_assessment_from_row (GsInstrument  *instrument,
                         GsCsvScanner    *scanner,
                         char         **f,
                         guint          line,
                         GError       **error)
{
  guint64 version = 0;
  static const int uuid_columns[] = { COL_ORGANISATION_ID, COL_ASSESSMENT_ID };

  for (guint i = 0; i < G_N_ELEMENTS (uuid_columns); i++)
    if (!g_uuid_string_is_valid (f[uuid_columns[i]]))
      {
        csv_fail (scanner, line, csv_columns[uuid_columns[i]], error, GS_EXCHANGE_ERROR_INVALID,
                  _("expected a UUID, found “%s”"), f[uuid_columns[i]]);
        return NULL;
      }
  if (f[COL_ORGANISATION][0] == '\0' || f[COL_ASSESSMENT][0] == '\0')
    {
      csv_fail (scanner, line, csv_columns[f[COL_ORGANISATION][0] == '\0' ? COL_ORGANISATION : COL_ASSESSMENT],
                error, GS_EXCHANGE_ERROR_INVALID, _("the text is empty"));
      return NULL;
    }
  if (!gs_date_is_valid (f[COL_DATE]))
    {
      csv_fail (scanner, line, csv_columns[COL_DATE], error, GS_EXCHANGE_ERROR_INVALID,
                _("expected a date written YYYY-MM-DD, found “%s”"), f[COL_DATE]);
      return NULL;
    }
  if (!g_str_equal (f[COL_INSTRUMENT], gs_instrument_get_id (instrument)))
    {
      csv_fail (scanner, line, csv_columns[COL_INSTRUMENT], error, GS_EXCHANGE_ERROR_INSTRUMENT,
                _("the file is for the instrument “%s”, not “%s”"), f[COL_INSTRUMENT], gs_instrument_get_id (instrument));
      return NULL;
    }
  if (!g_ascii_string_to_unsigned (f[COL_INSTRUMENT_VERSION], 10, 1, G_MAXINT, &version, NULL))
    {
      csv_fail (scanner, line, csv_columns[COL_INSTRUMENT_VERSION], error, GS_EXCHANGE_ERROR_INVALID,
                _("expected a whole number of 1 or more, found “%s”"), f[COL_INSTRUMENT_VERSION]);
      return NULL;
    }
  return gs_assessment_new (f[COL_ASSESSMENT_ID], f[COL_ORGANISATION_ID], f[COL_ORGANISATION], f[COL_ASSESSMENT],
                            f[COL_DATE], f[COL_INSTRUMENT], (int) version);
}

static gboolean
csv_check_same_assessment (GsAssessment  *assessment,
                           GsCsvScanner    *scanner,
                           char         **f,
                           guint          line,
                           GError       **error)
{
  g_autofree char *version = g_strdup_printf ("%d", gs_assessment_get_instrument_version (assessment));
  const char *expected[] = {
    gs_assessment_get_organisation_uuid (assessment), gs_assessment_get_organisation_name (assessment),
    gs_assessment_get_uuid (assessment), gs_assessment_get_title (assessment), gs_assessment_get_date (assessment),
    gs_assessment_get_instrument_id (assessment), version,
  };

  for (guint c = 0; c < G_N_ELEMENTS (expected); c++)
    if (!g_str_equal (f[c], expected[c]))
      return csv_fail (scanner, line, csv_columns[c], error, GS_EXCHANGE_ERROR_INVALID,
                       _("expected “%s” as on line 2: a file holds one assessment"), expected[c]);
  return TRUE;
}

static gboolean
csv_read_answer (GsInstrument  *instrument,
                 GsRespondent  *respondent,
                 GsCsvScanner    *scanner,
                 char         **f,
                 guint          line,
                 GError       **error)
{
  const GsItem *item = gs_instrument_lookup_item (instrument, f[COL_ITEM]);
  GsAnswerStatus status = GS_ANSWER_NONE;
  guint64 value = 0;

  if (item == NULL)
    return csv_fail (scanner, line, csv_columns[COL_ITEM], error, GS_EXCHANGE_ERROR_UNKNOWN_ITEM,
                     _("the instrument has no item “%s”"), f[COL_ITEM]);
  if (gs_respondent_get_answer (respondent, item->id) != NULL)
    return csv_fail (scanner, line, csv_columns[COL_ITEM], error, GS_EXCHANGE_ERROR_INVALID,
                     _("item “%s” is answered twice by this respondent"), item->id);
  if (f[COL_STATUS][0] == '\0')
    {
      if (f[COL_VALUE][0] != '\0' || f[COL_NOTE][0] != '\0')
        return csv_fail (scanner, line, csv_columns[COL_STATUS], error, GS_EXCHANGE_ERROR_INVALID,
                         _("a value or note needs a status (value, dont-know or not-applicable)"));
      return TRUE;
    }
  if (!gs_answer_status_from_string (f[COL_STATUS], &status))
    return csv_fail (scanner, line, csv_columns[COL_STATUS], error, GS_EXCHANGE_ERROR_INVALID,
                     _("expected value, dont-know, not-applicable or nothing, found “%s”"), f[COL_STATUS]);
  if (!gs_exchange_scale_allows (item, status))
    return csv_fail (scanner, line, csv_columns[COL_STATUS], error, GS_EXCHANGE_ERROR_INVALID,
                     _("item “%s” does not offer “%s”"), item->id, f[COL_STATUS]);
  if (status == GS_ANSWER_VALUE &&
      !g_ascii_string_to_unsigned (f[COL_VALUE], 10, 1, GS_SCALE_POINTS, &value, NULL))
    return csv_fail (scanner, line, csv_columns[COL_VALUE], error, GS_EXCHANGE_ERROR_INVALID,
                     _("expected a whole number from 1 to 5, found “%s”"), f[COL_VALUE]);
  if (status != GS_ANSWER_VALUE && f[COL_VALUE][0] != '\0')
    return csv_fail (scanner, line, csv_columns[COL_VALUE], error, GS_EXCHANGE_ERROR_INVALID,
                     _("a “%s” answer has no value"), f[COL_STATUS]);
  gs_respondent_set_answer (respondent, item->id, status, (int) value, f[COL_NOTE]);
  return TRUE;
}

static GsRespondent *
csv_respondent_for_row (GsAssessment  *assessment,
                        GsCsvScanner    *scanner,
                        char         **f,
                        guint          line,
                        GError       **error)
{
  GsRespondent *respondent;

  if (!g_uuid_string_is_valid (f[COL_RESPONDENT_ID]))
    {
      csv_fail (scanner, line, csv_columns[COL_RESPONDENT_ID], error, GS_EXCHANGE_ERROR_INVALID,
                _("expected a UUID, found “%s”"), f[COL_RESPONDENT_ID]);
      return NULL;
    }
  respondent = gs_assessment_lookup_respondent (assessment, f[COL_RESPONDENT_ID]);
  if (respondent == NULL)
    {
      if (f[COL_RESPONDENT][0] == '\0')
        {
          csv_fail (scanner, line, csv_columns[COL_RESPONDENT], error, GS_EXCHANGE_ERROR_INVALID, _("the text is empty"));
          return NULL;
        }
      return gs_assessment_add_respondent (assessment, f[COL_RESPONDENT_ID], f[COL_RESPONDENT], f[COL_GROUP]);
    }
  if (!g_str_equal (respondent->name, f[COL_RESPONDENT]) || !g_str_equal (respondent->group, f[COL_GROUP]))
    {
      csv_fail (scanner, line, csv_columns[COL_RESPONDENT], error, GS_EXCHANGE_ERROR_INVALID,
                _("respondent %s is named “%s” (group “%s”) on an earlier line"),
                respondent->uuid, respondent->name, respondent->group);
      return NULL;
    }
  return respondent;
}

/* UUIDs are compared and stored in lower case: the same assessment written with capitals
 * is the same assessment, not a second one with a second organisation. */
static void
csv_lower_ids (char **f)
{
  static const int columns[] = { COL_ORGANISATION_ID, COL_ASSESSMENT_ID, COL_RESPONDENT_ID };

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    for (char *p = f[columns[i]]; *p != '\0'; p++)
      *p = g_ascii_tolower (*p);
}

/* Names, titles and groups are one line of text (notes may have several). */
static gboolean
csv_check_one_line (const GsCsvScanner  *scanner,
                    char             **f,
                    guint              line,
                    GError           **error)
{
  static const int columns[] = { COL_ORGANISATION, COL_ASSESSMENT, COL_RESPONDENT, COL_GROUP };

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      const char *control = gs_text_find_control (f[columns[i]]);

      if (control != NULL)
        return csv_fail (scanner, line, csv_columns[columns[i]], error, GS_EXCHANGE_ERROR_INVALID,
                         _("a name or title is one line: found the control character U+%04X"),
                         (guint) g_utf8_get_char (control));
    }
  return TRUE;
}

/**
 * gs_exchange_read_csv:
 *
 * Reads what gs_exchange_write_csv() writes. A UTF-8 byte-order mark, as spreadsheets
 * write, is skipped.
 *
 * Returns: (transfer full) (nullable): the assessment, or %NULL with @error set
 */
GsAssessment *
gs_exchange_read_csv (GsInstrument  *instrument,
                      const char    *data,
                      gsize          length,
                      const char    *name,
                      GError       **error)
{
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GsAssessment) assessment = NULL;
  g_autoptr(GsInstrument) versioned = NULL;  /* the file's version, when not the one given */
  GsCsvScanner scanner = { data, data + length, 1, name };
  g_autoptr(GError) local_error = NULL;
  guint line = 0;

  g_return_val_if_fail (GS_IS_INSTRUMENT (instrument), NULL);

  if (!gs_exchange_check_size (length, name, error) || !gs_exchange_check_utf8 (data, length, name, error))
    return NULL;
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    scanner.p += 3;
  if (!csv_check_header (&scanner, fields, error))
    return NULL;

  while (gs_csv_next_record (&scanner, fields, &line, &local_error))
    {
      char **f = (char **) fields->pdata;
      GsRespondent *respondent;

      if (fields->len == 1 && f[0][0] == '\0' && scanner.p >= scanner.end)
        break;  /* a blank last line */
      if (fields->len != N_COLUMNS)
        {
          csv_fail (&scanner, line, NULL, error, GS_EXCHANGE_ERROR_PARSE,
                    _("expected %d fields, found %u"), N_COLUMNS, fields->len);
          return NULL;
        }
      if (!csv_check_one_line (&scanner, f, line, error))
        return NULL;
      csv_lower_ids (f);
      if (assessment == NULL)
        {
          if ((assessment = csv_assessment_from_row (instrument, &scanner, f, line, error)) != NULL)
            {
              /* An older assessment is read, and its answers checked, against its own version. */
              if ((versioned = gs_instrument_for_assessment (instrument, assessment, NULL)) == NULL)
                {
                  csv_fail (&scanner, line, csv_columns[COL_INSTRUMENT_VERSION], error, GS_EXCHANGE_ERROR_INSTRUMENT,
                            _("the file is for version %d of the questionnaire, which this version of Groundswell "
                              "does not have"), gs_assessment_get_instrument_version (assessment));
                  return NULL;
                }
              instrument = versioned;
            }
        }
      else if (!csv_check_same_assessment (assessment, &scanner, f, line, error))
        return NULL;
      if (assessment == NULL ||
          (respondent = csv_respondent_for_row (assessment, &scanner, f, line, error)) == NULL ||
          !csv_read_answer (instrument, respondent, &scanner, f, line, error))
        return NULL;
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (assessment == NULL)
    {
      csv_fail (&scanner, 2, NULL, error, GS_EXCHANGE_ERROR_FORMAT, _("the file has a header but no answers"));
      return NULL;
    }
  return g_steal_pointer (&assessment);
}
