/* gs-survey-import.c — answers from a survey platform's wide CSV export
 *
 * Microsoft Forms, Google Forms, LimeSurvey and Qualtrics export one row per respondent and
 * one column per question. A column answers an item when its header is the item's id (in any
 * case, with or without its hyphens, as LimeSurvey's question codes allow), holds the id in
 * brackets ("We have people… [org-key-people]", as the template writes it), or is the item's
 * statement (ignoring case, punctuation, spacing and a leading "1." numbering). A header that
 * names more than one item, or two columns that answer the same item, make the mapping
 * ambiguous: nothing is read, and the message names the columns. Other columns (a response
 * id, times, e-mail) are left out and listed.
 *
 * Values are the scale's numbers (1–5) or its words ("Strongly agree", "Don't know", "Not
 * applicable", "N/A"), in any case. Statements and words are read in the language Groundswell
 * runs in and in English, the instrument's own: a Welsh trust's platform may export either. An empty cell is a question left unanswered; any other
 * value stops the import at its line and column.
 *
 * Each row becomes a respondent of the assessment answered: named by the name column, or
 * "Respondent 7" by its line, in the group of the group column. Their id is derived from the
 * assessment and the row's response id (or, without one, the row itself), so importing the
 * same export twice adds nobody twice.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gs-survey"

#include "config.h"

#include <glib/gi18n.h>

#include "gs-exchange-private.h"
#include "gs-survey-import.h"

/* Lower case, letters and digits only, one space between words, apostrophes dropped ("Don't"
 * is "dont"); a leading "12." or "Q3)" numbering dropped. */
static char *
normalise (const char *text)
{
  g_autofree char *lower = g_utf8_strdown (text, -1);
  GString *out = g_string_new (NULL);
  const char *p = lower;
  gboolean space = FALSE;

  while (*p == ' ')
    p++;
  {
    const char *q = *p == 'q' ? p + 1 : p;

    if (g_ascii_isdigit (*q))
      {
        while (g_ascii_isdigit (*q))
          q++;
        if (*q == '.' || *q == ')')
          p = q + 1;
      }
  }
  for (; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        {
          if (space && out->len > 0)
            g_string_append_c (out, ' ');
          g_string_append_unichar (out, c);
          space = FALSE;
        }
      else if (c != '\'' && c != 0x2019)
        space = TRUE;
    }
  return g_string_free (out, FALSE);
}

/* An id as LimeSurvey allows a question code: letters and digits only. */
static char *
id_code (const char *id)
{
  GString *out = g_string_new (NULL);

  for (const char *p = id; *p != '\0'; p++)
    if (g_ascii_isalnum (*p))
      g_string_append_c (out, g_ascii_tolower (*p));
  return g_string_free (out, FALSE);
}

/* The instrument's items by the keys a header may use: the id's code and the statement's
 * normalised words. Built once per file, so that a header costs a lookup, not a pass over
 * every item (a hostile file may have thousands of columns). */
typedef struct {
  GHashTable *by_code;       /* id_code (id) → const GsItem* */
  GHashTable *by_statement;  /* normalise (statement) → GPtrArray of const GsItem* */
} ItemKeys;

static void
add_statement_key (ItemKeys     *keys,
                   const char   *words,
                   const GsItem *item)
{
  char *statement = normalise (words);
  GPtrArray *same = g_hash_table_lookup (keys->by_statement, statement);

  if (same == NULL)
    g_hash_table_insert (keys->by_statement, statement, same = g_ptr_array_new ());
  else
    g_free (statement);
  if (!g_ptr_array_find (same, item, NULL))
    g_ptr_array_add (same, (gpointer) item);
}

static void
item_keys_init (ItemKeys     *keys,
                GsInstrument *instrument)
{
  GPtrArray *items = gs_instrument_get_items (instrument);

  keys->by_code = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  keys->by_statement = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < items->len; i++)
    {
      const GsItem *item = g_ptr_array_index (items, i);
      const char *english = gs_instrument_get_english (instrument, item->statement);

      g_hash_table_insert (keys->by_code, id_code (item->id), (gpointer) item);
      add_statement_key (keys, item->statement, item);
      if (english != NULL)
        add_statement_key (keys, english, item);
    }
}

static void
item_keys_clear (ItemKeys *keys)
{
  g_hash_table_unref (keys->by_code);
  g_hash_table_unref (keys->by_statement);
}

/* The items @header names: by a bracketed id, by id or code, or by statement. */
static GPtrArray *
items_named (const ItemKeys *keys,
             const char     *header)
{
  GPtrArray *found = g_ptr_array_new ();
  const char *open = strrchr (header, '[');
  const char *close = open != NULL ? strchr (open, ']') : NULL;
  g_autofree char *key = close != NULL ? g_strndup (open + 1, close - open - 1) : g_strdup (header);
  g_autofree char *code = id_code (key);
  const GsItem *item = code[0] != '\0' ? g_hash_table_lookup (keys->by_code, code) : NULL;

  if (item != NULL)
    g_ptr_array_add (found, (gpointer) item);
  else if (close == NULL)
    {
      g_autofree char *text = normalise (header);
      GPtrArray *same = text[0] != '\0' ? g_hash_table_lookup (keys->by_statement, text) : NULL;

      for (guint i = 0; same != NULL && i < same->len; i++)
        g_ptr_array_add (found, g_ptr_array_index (same, i));
    }
  return found;
}

static gboolean
header_is (const char         *header,
           const char         *chosen,
           const char * const *usual)
{
  g_autofree char *text = normalise (header);

  if (chosen != NULL)  /* "": the user chose no column */
    return chosen[0] != '\0' && g_strcmp0 (header, chosen) == 0;
  return g_strv_contains (usual, text);
}

struct _GsSurveyMapping {
  GsInstrument *instrument; /* its words, in the language shown and in English */
  GHashTable *scale_words;  /* const GsScale* → GStrv: its labels normalised, as shown then in English */
  char      *dont_know;     /* "Don't know" and "Not applicable" normalised, as shown */
  char      *not_applicable;
  GPtrArray *headers;       /* char*, as in the file */
  GPtrArray *items;         /* const GsItem* or NULL, per column */
  int        name_column;   /* -1 when none */
  int        group_column;
  int        id_column;
  GString   *ambiguity;     /* the columns that make the mapping ambiguous, in words */
  guint      n_items;       /* the questions the assessment asks */
};

void
gs_survey_mapping_free (GsSurveyMapping *mapping)
{
  g_object_unref (mapping->instrument);
  g_hash_table_unref (mapping->scale_words);
  g_free (mapping->dont_know);
  g_free (mapping->not_applicable);
  g_ptr_array_unref (mapping->headers);
  g_ptr_array_unref (mapping->items);
  g_string_free (mapping->ambiguity, TRUE);
  g_free (mapping);
}

/* A column's role from its header; the name and group columns are the user's choice when
 * given, else the usual words. */
static void
map_column (GsSurveyMapping *mapping,
            const ItemKeys  *keys,
            guint            column,
            const char      *name_column,
            const char      *group_column)
{
  static const char * const names[] = { "name", "respondent", "your name", "full name", "respondent name", NULL };
  static const char * const groups[] = { "group", "staff group", "your group", "role", "team", "department", NULL };
  static const char * const ids[] = { "id", "response id", "responseid", "respondent id", NULL };
  const char *header = g_ptr_array_index (mapping->headers, column);
  g_autoptr(GPtrArray) items = NULL;

  g_ptr_array_add (mapping->items, NULL);
  if (mapping->name_column < 0 && header_is (header, name_column, names))
    mapping->name_column = (int) column;
  else if (mapping->group_column < 0 && header_is (header, group_column, groups))
    mapping->group_column = (int) column;
  else if (mapping->id_column < 0 && header_is (header, NULL, ids))
    mapping->id_column = (int) column;
  else if ((items = items_named (keys, header))->len == 1)
    {
      const GsItem *item = g_ptr_array_index (items, 0);

      for (guint other = 0; other < column; other++)
        if (g_ptr_array_index (mapping->items, other) == item)
          g_string_append_printf (mapping->ambiguity, _("“%s” and “%s” both answer “%s”. "),
                                  (const char *) g_ptr_array_index (mapping->headers, other), header, item->id);
      g_ptr_array_index (mapping->items, column) = (gpointer) item;
    }
  else if (items->len > 1)
    g_string_append_printf (mapping->ambiguity, _("“%s” could be any of %u questions. "), header, items->len);
}

/**
 * gs_survey_mapping_new:
 * @header: the file's first record
 * @name_column: (nullable): the header of the respondents' names, or %NULL for the usual words
 * @group_column: (nullable): the header of their groups, likewise
 *
 * Returns: (transfer full): which column answers which item
 */
GsSurveyMapping *
gs_survey_mapping_new (GsInstrument *instrument,
                       GPtrArray    *header,
                       const char   *name_column,
                       const char   *group_column)
{
  GsSurveyMapping *mapping = g_new0 (GsSurveyMapping, 1);
  ItemKeys keys;

  item_keys_init (&keys, instrument);
  mapping->instrument = g_object_ref (instrument);
  mapping->scale_words = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_strfreev);
  mapping->dont_know = normalise (_("Don't know"));
  mapping->not_applicable = normalise (_("Not applicable"));
  mapping->headers = g_ptr_array_new_with_free_func (g_free);
  mapping->items = g_ptr_array_new ();
  mapping->name_column = mapping->group_column = mapping->id_column = -1;
  mapping->ambiguity = g_string_new (NULL);
  mapping->n_items = gs_instrument_get_items (instrument)->len;
  for (guint c = 0; c < header->len; c++)
    g_ptr_array_add (mapping->headers, g_strdup (g_ptr_array_index (header, c)));
  for (guint c = 0; c < header->len; c++)
    map_column (mapping, &keys, c, name_column, group_column);
  item_keys_clear (&keys);
  return mapping;
}

/* How many columns answer an item. */
static guint
n_matched (const GsSurveyMapping *mapping)
{
  guint n = 0;

  for (guint c = 0; c < mapping->items->len; c++)
    n += g_ptr_array_index (mapping->items, c) != NULL;
  return n;
}

/**
 * gs_survey_mapping_describe:
 *
 * Returns: (transfer full): the mapping in words: how many questions matched, the name and
 *   group columns, the columns left out, and what is ambiguous
 */
char *
gs_survey_mapping_describe (const GsSurveyMapping *mapping)
{
  GString *text = g_string_new (NULL);
  g_autoptr(GString) ignored = g_string_new (NULL);

  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u column answers a question.",
                                             "%u columns answer questions.", n_matched (mapping)),
                          n_matched (mapping));
  if (n_matched (mapping) < mapping->n_items)
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, " %u of the assessment’s questions has no column.",
                                               " %u of the assessment’s questions have no column.",
                                               mapping->n_items - MIN (n_matched (mapping), mapping->n_items)),
                            mapping->n_items - MIN (n_matched (mapping), mapping->n_items));
  if (mapping->name_column >= 0)
    g_string_append_printf (text, _(" Names: “%s”."), (const char *) g_ptr_array_index (mapping->headers, mapping->name_column));
  if (mapping->group_column >= 0)
    g_string_append_printf (text, _(" Groups: “%s”."), (const char *) g_ptr_array_index (mapping->headers, mapping->group_column));
  for (guint c = 0; c < mapping->headers->len; c++)
    if (g_ptr_array_index (mapping->items, c) == NULL && (int) c != mapping->name_column &&
        (int) c != mapping->group_column)
      g_string_append_printf (ignored, "%s“%s”", ignored->len > 0 ? ", " : "", (const char *) g_ptr_array_index (mapping->headers, c));
  if (ignored->len > 0)
    g_string_append_printf (text, _(" Left out: %s."), ignored->str);
  if (mapping->ambiguity->len > 0)
    g_string_append_printf (text, _(" Ambiguous: %s"), mapping->ambiguity->str);
  return g_strchomp (g_string_free (text, FALSE));
}

/* Refuses a mapping that is ambiguous or answers nothing, naming the columns. */
static gboolean
check_mapping (const GsSurveyMapping *mapping,
               const char            *name,
               GError               **error)
{
  if (mapping->ambiguity->len > 0)
    {
      g_autofree char *which = g_strchomp (g_strdup (mapping->ambiguity->str));

      g_set_error (error, GS_EXCHANGE_ERROR, GS_EXCHANGE_ERROR_FORMAT,
                   _("%s: the columns cannot be matched to the questions one to one: %s Rename the columns "
                     "to the questions' ids (the template has them). Nothing was imported."), name, which);
      return FALSE;
    }
  if (n_matched (mapping) == 0)
    {
      g_set_error (error, GS_EXCHANGE_ERROR, GS_EXCHANGE_ERROR_FORMAT,
                   _("%s: no column is one of this assessment’s questions, by its id or its words. "
                     "Nothing was imported."), name);
      return FALSE;
    }
  return TRUE;
}

/* @scale's labels normalised, as shown then in English ("" where the same), made once. */
static const char * const *
scale_words (GsSurveyMapping *mapping,
             const GsScale   *scale)
{
  GStrv words = g_hash_table_lookup (mapping->scale_words, scale);

  if (words == NULL)
    {
      words = g_new0 (char *, 2 * GS_SCALE_POINTS + 1);
      for (int point = 0; point < GS_SCALE_POINTS; point++)
        {
          const char *english = gs_instrument_get_english (mapping->instrument, scale->labels[point]);

          words[point] = normalise (scale->labels[point]);
          words[GS_SCALE_POINTS + point] = english != NULL ? normalise (english) : g_strdup ("");
        }
      g_hash_table_insert (mapping->scale_words, (gpointer) scale, words);
    }
  return (const char * const *) words;
}

/* @value on @item's scale: TRUE with the answer, FALSE when it is not on it. An empty value
 * is %GS_ANSWER_NONE. */
static gboolean
read_value (GsSurveyMapping *mapping,
            const GsItem    *item,
            const char      *value,
            GsAnswerStatus  *status,
            int             *number)
{
  g_autofree char *text = normalise (value);
  static const char * const dont_know[] = { "dont know", "do not know", "dk", NULL };
  static const char * const not_applicable[] = { "not applicable", "n a", "na", NULL };
  const char * const *words = scale_words (mapping, item->scale);

  *status = GS_ANSWER_NONE;
  *number = 0;
  if (text[0] == '\0')
    return TRUE;
  if (text[1] == '\0' && text[0] >= '1' && text[0] <= '0' + GS_SCALE_POINTS)
    {
      *status = GS_ANSWER_VALUE;
      *number = text[0] - '0';
      return TRUE;
    }
  for (int i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0' && g_str_equal (text, words[i]))
      {
        *status = GS_ANSWER_VALUE;
        *number = i % GS_SCALE_POINTS + 1;
        return TRUE;
      }
  if (g_strv_contains (dont_know, text) || g_str_equal (text, mapping->dont_know))
    *status = GS_ANSWER_DONT_KNOW;
  else if (g_strv_contains (not_applicable, text) || g_str_equal (text, mapping->not_applicable))
    *status = GS_ANSWER_NOT_APPLICABLE;
  return *status != GS_ANSWER_NONE && gs_exchange_scale_allows (item, *status);
}

/* The same row of the same export always becomes the same respondent. */
static char *
respondent_uuid (GsAssessment *target,
                 GPtrArray    *fields,
                 int           id_column)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA1);
  guint8 digest[20];
  gsize length = sizeof digest;

  g_checksum_update (sum, (const guchar *) gs_assessment_get_uuid (target), -1);
  for (guint c = 0; c < fields->len; c++)
    if (id_column < 0 || (int) c == id_column)
      {
        g_checksum_update (sum, (const guchar *) "\x1f", 1);
        g_checksum_update (sum, g_ptr_array_index (fields, c), -1);
      }
  g_checksum_get_digest (sum, digest, &length);
  digest[6] = (digest[6] & 0x0f) | 0x50;  /* a name-based UUID, version 5 */
  digest[8] = (digest[8] & 0x3f) | 0x80;
  return g_strdup_printf ("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
                          digest[0], digest[1], digest[2], digest[3], digest[4], digest[5], digest[6], digest[7],
                          digest[8], digest[9], digest[10], digest[11], digest[12], digest[13], digest[14], digest[15]);
}

/* One row as a respondent of @responses; FALSE with @error when a value is not on the scale. */
static gboolean
read_row (GsSurveyMapping *mapping,
          GsAssessment    *target,
          GsAssessment    *responses,
          GPtrArray       *fields,
          guint            line,
          const char      *name,
          GError         **error)
{
  g_autofree char *uuid = respondent_uuid (target, fields, mapping->id_column);
  const char *who = mapping->name_column >= 0 && (guint) mapping->name_column < fields->len
                    ? g_ptr_array_index (fields, mapping->name_column) : "";
  const char *group = mapping->group_column >= 0 && (guint) mapping->group_column < fields->len
                      ? g_ptr_array_index (fields, mapping->group_column) : "";
  /* Translators: a respondent without a name, by the line of the file their answers are on */
  g_autofree char *numbered = g_strdup_printf (_("Respondent on line %u"), line);
  GsRespondent *respondent;

  /* The same response id twice (or, without ids, the same row twice) is one respondent's
   * answers twice: which to keep is not ours to guess. */
  if (gs_assessment_lookup_respondent (responses, uuid) != NULL)
    {
      g_set_error (error, GS_EXCHANGE_ERROR, GS_EXCHANGE_ERROR_INVALID,
                   _("%s: line %u repeats the response of an earlier line (the same response id, or the same "
                     "answers without one). Nothing was imported."), name, line);
      return FALSE;
    }
  respondent = gs_assessment_add_respondent (responses, uuid, who[0] != '\0' ? who : numbered, group);

  for (guint c = 0; c < fields->len && c < mapping->items->len; c++)
    {
      const GsItem *item = g_ptr_array_index (mapping->items, c);
      GsAnswerStatus status;
      int value;

      if (item == NULL)
        continue;
      if (!read_value (mapping, item, g_ptr_array_index (fields, c), &status, &value))
        {
          g_set_error (error, GS_EXCHANGE_ERROR, GS_EXCHANGE_ERROR_INVALID,
                       _("%s: line %u: column “%s”: “%s” is not an answer on this question’s scale (1 to 5, its "
                         "words such as “%s”, or an allowed “Don't know” or “Not applicable”). Nothing was imported."),
                       name, line, (const char *) g_ptr_array_index (mapping->headers, c),
                       (const char *) g_ptr_array_index (fields, c), item->scale->labels[GS_SCALE_POINTS - 1]);
          return FALSE;
        }
      if (status != GS_ANSWER_NONE)
        gs_respondent_set_answer (respondent, item->id, status, value, "");
    }
  return TRUE;
}

/* Checks the file and reads its first record into @fields, leaving @scanner after it. */
static gboolean
read_header (const char    *data,
             gsize          length,
             const char    *name,
             GsCsvScanner  *scanner,
             GPtrArray     *fields,
             GError       **error)
{
  GError *local_error = NULL;
  guint line = 0;

  *scanner = (GsCsvScanner) { data, data + length, 1, name };
  if (!gs_exchange_check_size (length, name, error) || !gs_exchange_check_utf8 (data, length, name, error))
    return FALSE;
  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)  /* Excel's byte-order mark */
    scanner->p += 3;
  if (!gs_csv_next_record (scanner, fields, &line, &local_error))
    {
      if (local_error == NULL)
        g_set_error (&local_error, GS_EXCHANGE_ERROR, GS_EXCHANGE_ERROR_FORMAT, _("%s: the file is empty"), name);
      g_propagate_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}

/**
 * gs_survey_read_columns:
 * @name_index: (out): the column the usual headers make the names, or -1
 * @group_index: (out): the column they make the groups, or -1
 *
 * The file's columns, and which of them gs_survey_read() would take for names and groups
 * when not told: what the window offers to choose from, and its first choice.
 *
 * Returns: (transfer full) (nullable): the headers, or %NULL with @error set
 */
GStrv
gs_survey_read_columns (GsInstrument *instrument,
                        const char   *data,
                        gsize         length,
                        const char   *name,
                        int          *name_index,
                        int          *group_index,
                        GError      **error)
{
  GsCsvScanner scanner;
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GsSurveyMapping) mapping = NULL;

  if (!read_header (data, length, name, &scanner, fields, error))
    return NULL;
  mapping = gs_survey_mapping_new (instrument, fields, NULL, NULL);
  *name_index = mapping->name_column;
  *group_index = mapping->group_column;
  g_ptr_array_add (fields, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&fields), FALSE);
}

/**
 * gs_survey_read:
 * @target: the assessment the answers are for (its ids and questions)
 * @name: the file's name, for messages
 * @name_column: (nullable): the header of the names column, %NULL to find it, or "" for none
 * @group_column: (nullable): the header of the groups column, %NULL to find it, or "" for none
 * @summary: (out) (optional) (transfer full): the mapping in words
 *
 * Returns: (transfer full) (nullable): the respondents' answers, to import as
 *   %GS_EXCHANGE_RESPONSES; %NULL with @error naming the line, the column or the ambiguity
 */
GsAssessment *
gs_survey_read (GsInstrument *instrument,
                GsAssessment *target,
                const char   *data,
                gsize         length,
                const char   *name,
                const char   *name_column,
                const char   *group_column,
                char        **summary,
                GError      **error)
{
  GsCsvScanner scanner;
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GsAssessment) responses = NULL;
  GsSurveyMapping *mapping;
  GError *local_error = NULL;
  guint line = 0;
  gboolean ok;

  if (!read_header (data, length, name, &scanner, fields, error))
    return NULL;
  mapping = gs_survey_mapping_new (instrument, fields, name_column, group_column);
  if (summary != NULL)
    *summary = gs_survey_mapping_describe (mapping);
  ok = check_mapping (mapping, name, error);
  if (ok)
    responses = gs_assessment_new_like (target);
  while (ok && gs_csv_next_record (&scanner, fields, &line, &local_error))
    ok = (fields->len == 1 && ((const char *) g_ptr_array_index (fields, 0))[0] == '\0') ||  /* a blank line */
         read_row (mapping, target, responses, fields, line, name, error);
  gs_survey_mapping_free (mapping);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  return ok ? g_steal_pointer (&responses) : NULL;
}

/**
 * gs_survey_write_template:
 *
 * Returns: (transfer full): a CSV header a survey platform can be set up from: Name, Group,
 *   then each question as "statement [id]", in order
 */
char *
gs_survey_write_template (GsInstrument *instrument)
{
  GPtrArray *items = gs_instrument_get_items (instrument);
  GString *out = g_string_new ("Name,Group");

  for (guint i = 0; i < items->len; i++)
    {
      const GsItem *item = g_ptr_array_index (items, i);
      g_autoptr(GString) field = g_string_new (item->statement);

      g_string_replace (field, "\"", "\"\"", 0);
      g_string_append_printf (out, ",\"%s [%s]\"", field->str, item->id);
    }
  g_string_append (out, "\r\n");
  return g_string_free (out, FALSE);
}
