/* gs-exchange.c — assessments in and out: JSON and CSV
 *
 * Writers are deterministic (respondents in order, answers by item id, map texts by key),
 * so that serialising, parsing and serialising again gives the same bytes. Readers build a
 * new GsAssessment and hand it over only when the whole file is valid.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gs-exchange"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "gs-exchange.h"
#include "gs-json-reader.h"

G_DEFINE_QUARK (gs-exchange-error-quark, gs_exchange_error)

#define JSON_FORMAT_NAME "groundswell-assessment"

static const char *kind_names[] = { "assessment", "responses" };

static const char *csv_columns[] = {
  "organisation_id", "organisation", "assessment_id", "assessment", "date", "instrument",
  "instrument_version", "respondent_id", "respondent", "group", "item", "status", "value", "note",
};
enum {
  COL_ORGANISATION_ID, COL_ORGANISATION, COL_ASSESSMENT_ID, COL_ASSESSMENT, COL_DATE, COL_INSTRUMENT,
  COL_INSTRUMENT_VERSION, COL_RESPONDENT_ID, COL_RESPONDENT, COL_GROUP, COL_ITEM, COL_STATUS, COL_VALUE,
  COL_NOTE, N_COLUMNS
};

/* --- Shared checks ------------------------------------------------------------------ */

/* Refuses text that is not UTF-8, naming the line of the first bad byte. */
static gboolean
check_utf8 (const char  *data,
            gsize        length,
            const char  *name,
            GError     **error)
{
  const char *end = NULL;
  guint line = 1;

  if (g_utf8_validate_len (data, length, &end))
    return TRUE;
  for (const char *p = data; p < end; p++)
    if (*p == '\n')
      line++;
  g_set_error (error, GS_EXCHANGE_ERROR, GS_EXCHANGE_ERROR_ENCODING,
               _("%s: line %u: the text is not UTF-8 (byte %" G_GSIZE_FORMAT "); save the file as UTF-8 and import it again"),
               name, line, (gsize) (end - data) + 1);
  return FALSE;
}

static gboolean
check_size (gsize        length,
            const char  *name,
            GError     **error)
{
  if (length <= GS_EXCHANGE_MAX_BYTES)
    return TRUE;
  g_set_error (error, GS_EXCHANGE_ERROR, GS_EXCHANGE_ERROR_TOO_LARGE,
               _("%s: the file is %" G_GSIZE_FORMAT " MB, larger than any assessment (at most %d MB)"),
               name, length / (1024 * 1024), GS_EXCHANGE_MAX_BYTES / (1024 * 1024));
  return FALSE;
}

/* The scale allows this answer: a value 1–5, or don't know / not applicable if offered. */
static gboolean
scale_allows (const GsItem   *item,
              GsAnswerStatus  status)
{
  return status == GS_ANSWER_VALUE ||
         (status == GS_ANSWER_DONT_KNOW && item->scale->allows_dont_know) ||
         (status == GS_ANSWER_NOT_APPLICABLE && item->scale->allows_not_applicable);
}

/* --- JSON writer -------------------------------------------------------------------- */

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

static void
write_answers (JsonBuilder  *builder,
               GsRespondent *respondent)
{
  g_autoptr(GPtrArray) answers = gs_respondent_get_sorted_answers (respondent);

  json_builder_set_member_name (builder, "answers");
  json_builder_begin_array (builder);
  for (guint i = 0; i < answers->len; i++)
    {
      const GsAnswer *answer = g_ptr_array_index (answers, i);

      json_builder_begin_object (builder);
      add_string (builder, "item", answer->item_id);
      add_string (builder, "status", gs_answer_status_to_string (answer->status));
      if (answer->status == GS_ANSWER_VALUE)
        {
          json_builder_set_member_name (builder, "value");
          json_builder_add_int_value (builder, answer->value);
        }
      add_string (builder, "note", answer->note);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
write_respondents (JsonBuilder  *builder,
                   GsAssessment *assessment)
{
  GPtrArray *respondents = gs_assessment_get_respondents (assessment);

  json_builder_set_member_name (builder, "respondents");
  json_builder_begin_array (builder);
  for (guint r = 0; r < respondents->len; r++)
    {
      GsRespondent *respondent = g_ptr_array_index (respondents, r);

      json_builder_begin_object (builder);
      add_string (builder, "id", respondent->uuid);
      add_string (builder, "name", respondent->name);
      add_string (builder, "group", respondent->group);
      write_answers (builder, respondent);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static int
compare_strings (const void *a,
                 const void *b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
write_polarity_texts (JsonBuilder  *builder,
                      GsAssessment *assessment)
{
  GHashTable *texts = gs_assessment_get_polarity_texts (assessment);
  g_autofree const char **keys = (const char **) g_hash_table_get_keys_as_array (texts, NULL);
  guint n = g_hash_table_size (texts);

  qsort (keys, n, sizeof *keys, compare_strings);
  json_builder_set_member_name (builder, "polarity_texts");
  json_builder_begin_object (builder);
  for (guint i = 0; i < n; i++)
    add_string (builder, keys[i], g_hash_table_lookup (texts, keys[i]));
  json_builder_end_object (builder);
}

static void
write_timeline (JsonBuilder  *builder,
                GsAssessment *assessment)
{
  GPtrArray *events = gs_assessment_get_events (assessment);

  json_builder_set_member_name (builder, "timeline");
  json_builder_begin_array (builder);
  for (guint i = 0; i < events->len; i++)
    {
      const GsTimelineEvent *event = g_ptr_array_index (events, i);

      json_builder_begin_object (builder);
      add_string (builder, "id", event->uuid);
      add_string (builder, "date", event->date);
      add_string (builder, "kind", gs_event_kind_to_string (event->kind));
      add_string (builder, "title", event->title);
      add_string (builder, "note", event->note);
      if (event->stage > 0)
        {
          json_builder_set_member_name (builder, "stage");
          json_builder_add_int_value (builder, event->stage);
        }
      if (!isnan (event->participation))
        {
          json_builder_set_member_name (builder, "participation");
          json_builder_add_double_value (builder, event->participation);
        }
      if (event->change_agents >= 0)
        {
          json_builder_set_member_name (builder, "change_agents");
          json_builder_add_int_value (builder, event->change_agents);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/**
 * gs_exchange_write_json:
 * @kind: %GS_EXCHANGE_RESPONSES writes only the respondents and their answers, for a
 *   respondent who answered on their own computer to send to the consultant
 *
 * Returns: (transfer full): the JSON text, ending in a newline
 */
char *
gs_exchange_write_json (GsAssessment   *assessment,
                        GsExchangeKind  kind)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (GS_IS_ASSESSMENT (assessment), NULL);

  json_builder_begin_object (builder);
  add_string (builder, "format", JSON_FORMAT_NAME);
  json_builder_set_member_name (builder, "format_version");
  json_builder_add_int_value (builder, GS_EXCHANGE_FORMAT_VERSION);
  add_string (builder, "kind", kind_names[kind]);

  json_builder_set_member_name (builder, "instrument");
  json_builder_begin_object (builder);
  add_string (builder, "id", gs_assessment_get_instrument_id (assessment));
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, gs_assessment_get_instrument_version (assessment));
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "organisation");
  json_builder_begin_object (builder);
  add_string (builder, "id", gs_assessment_get_organisation_uuid (assessment));
  add_string (builder, "name", gs_assessment_get_organisation_name (assessment));
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "assessment");
  json_builder_begin_object (builder);
  add_string (builder, "id", gs_assessment_get_uuid (assessment));
  add_string (builder, "title", gs_assessment_get_title (assessment));
  add_string (builder, "date", gs_assessment_get_date (assessment));
  json_builder_end_object (builder);

  write_respondents (builder, assessment);
  if (kind == GS_EXCHANGE_ASSESSMENT)
    {
      write_polarity_texts (builder, assessment);
      write_timeline (builder, assessment);
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  text = json_generator_to_data (generator, NULL);
  return g_strconcat (text, "\n", NULL);
}

/* --- JSON reader -------------------------------------------------------------------- */

/* `json` comes first, so that the GsJsonReader* handed to a GsJsonEachFunc is the Reader*. */
typedef struct {
  GsJsonReader  json;
  GsInstrument *instrument;
} Reader;

#define fail(r, ...)     gs_json_reader_fail (&(r)->json, __VA_ARGS__)
#define fail_at(r, ...)  gs_json_reader_fail_at (&(r)->json, __VA_ARGS__)

static gboolean
read_uuid (Reader      *r,
           JsonObject  *object,
           const char  *name,
           const char **out)
{
  if (!gs_json_reader_text (&r->json, object, name, TRUE, out))
    return FALSE;
  if (!g_uuid_string_is_valid (*out))
    return fail_at (r, name, GS_EXCHANGE_ERROR_INVALID, "expected a UUID, found “%s”", *out);
  return TRUE;
}

static gboolean
read_date (Reader      *r,
           JsonObject  *object,
           const char **out)
{
  if (!gs_json_reader_text (&r->json, object, "date", TRUE, out))
    return FALSE;
  if (!gs_date_is_valid (*out))
    return fail_at (r, "date", GS_EXCHANGE_ERROR_INVALID, "expected a date written YYYY-MM-DD, found “%s”", *out);
  return TRUE;
}

/* An optional whole number within [min, max]; *out keeps its default when absent. */
static gboolean
read_optional_int (Reader     *r,
                   JsonObject *object,
                   const char *name,
                   gint64      min,
                   gint64      max,
                   int        *out)
{
  JsonNode *node = gs_json_reader_member (&r->json, object, name, JSON_NODE_VALUE, G_TYPE_INT64, FALSE);

  if (node == NULL)
    return json_object_get_member (object, name) == NULL;
  if (json_node_get_int (node) < min || json_node_get_int (node) > max)
    return fail_at (r, name, GS_EXCHANGE_ERROR_INVALID,
                    "expected a whole number from %" G_GINT64_FORMAT " to %" G_GINT64_FORMAT ", found %" G_GINT64_FORMAT,
                    min, max, json_node_get_int (node));
  *out = (int) json_node_get_int (node);
  return TRUE;
}

static gboolean
read_answer (Reader       *r,
             JsonObject   *o,
             GsRespondent *respondent)
{
  const char *item_id, *status_text, *note = NULL;
  const GsItem *item;
  GsAnswerStatus status;
  int value = 0;

  if (!gs_json_reader_text (&r->json, o, "item", TRUE, &item_id) ||
      !gs_json_reader_text (&r->json, o, "status", TRUE, &status_text))
    return FALSE;
  item = gs_instrument_lookup_item (r->instrument, item_id);
  if (item == NULL)
    return fail_at (r, "item", GS_EXCHANGE_ERROR_UNKNOWN_ITEM, "the instrument has no item “%s”", item_id);
  if (gs_respondent_get_answer (respondent, item_id) != NULL)
    return fail_at (r, "item", GS_EXCHANGE_ERROR_INVALID, "item “%s” is answered twice", item_id);
  if (!gs_answer_status_from_string (status_text, &status))
    return fail_at (r, "status", GS_EXCHANGE_ERROR_INVALID,
                    "expected “value”, “dont-know” or “not-applicable”, found “%s”", status_text);
  if (!scale_allows (item, status))
    return fail_at (r, "status", GS_EXCHANGE_ERROR_INVALID, "item “%s” does not offer “%s”", item_id, status_text);

  if (status == GS_ANSWER_VALUE)
    {
      if (json_object_get_member (o, "value") == NULL)
        return fail (r, GS_EXCHANGE_ERROR_INVALID, "“value” is missing");
      if (!read_optional_int (r, o, "value", 1, GS_SCALE_POINTS, &value))
        return FALSE;
    }
  else if (json_object_get_member (o, "value") != NULL)
    return fail_at (r, "value", GS_EXCHANGE_ERROR_INVALID, "a “%s” answer has no value", status_text);

  if (json_object_get_member (o, "note") != NULL &&
      gs_json_reader_member (&r->json, o, "note", JSON_NODE_VALUE, G_TYPE_STRING, TRUE) == NULL)
    return FALSE;
  note = json_object_get_string_member_with_default (o, "note", "");
  gs_respondent_set_answer (respondent, item_id, status, value, note);
  return TRUE;
}

static gboolean
read_answer_cb (GsJsonReader *reader,
                JsonObject   *o,
                guint         index,
                gpointer      respondent)
{
  return read_answer ((Reader *) reader, o, respondent);
}

static gboolean
read_respondent_cb (GsJsonReader *reader,
                    JsonObject   *o,
                    guint         index,
                    gpointer      assessment)
{
  Reader *r = (Reader *) reader;
  const char *uuid, *name, *group = "";
  GsRespondent *respondent;

  if (!read_uuid (r, o, "id", &uuid) ||
      !gs_json_reader_text (&r->json, o, "name", TRUE, &name))
    return FALSE;
  if (json_object_get_member (o, "group") != NULL &&
      gs_json_reader_member (&r->json, o, "group", JSON_NODE_VALUE, G_TYPE_STRING, TRUE) == NULL)
    return FALSE;
  group = json_object_get_string_member_with_default (o, "group", "");
  if (gs_assessment_lookup_respondent (assessment, uuid) != NULL)
    return fail_at (r, "id", GS_EXCHANGE_ERROR_INVALID, "respondent “%s” appears twice", uuid);

  respondent = gs_assessment_add_respondent (assessment, uuid, name, group);
  return gs_json_reader_each_object (&r->json, o, "answers", FALSE, read_answer_cb, respondent);
}

static gboolean
read_event_cb (GsJsonReader *reader,
               JsonObject   *o,
               guint         index,
               gpointer      assessment)
{
  Reader *r = (Reader *) reader;
  const char *uuid, *date, *kind_text, *title;
  GsTimelineEvent *event;
  JsonNode *participation;
  GsEventKind kind;
  int stage = 0, change_agents = -1;
  int n_stages = (int) gs_instrument_get_stages (r->instrument)->len;

  if (!read_uuid (r, o, "id", &uuid) || !read_date (r, o, &date) ||
      !gs_json_reader_text (&r->json, o, "kind", TRUE, &kind_text) ||
      !gs_json_reader_text (&r->json, o, "title", TRUE, &title))
    return FALSE;
  if (!gs_event_kind_from_string (kind_text, &kind))
    return fail_at (r, "kind", GS_EXCHANGE_ERROR_INVALID,
                    "expected trigger, milestone, setback, coalition or measurement, found “%s”", kind_text);
  if (!read_optional_int (r, o, "stage", 1, n_stages, &stage) ||
      !read_optional_int (r, o, "change_agents", 0, G_MAXINT, &change_agents))
    return FALSE;
  participation = gs_json_reader_member (&r->json, o, "participation", JSON_NODE_VALUE, G_TYPE_DOUBLE, FALSE);
  if (participation == NULL && json_object_get_member (o, "participation") != NULL)
    return FALSE;
  if (participation != NULL &&
      !(json_node_get_double (participation) >= 0 && json_node_get_double (participation) <= 100))
    return fail_at (r, "participation", GS_EXCHANGE_ERROR_INVALID,
                    "expected a percentage from 0 to 100, found %g", json_node_get_double (participation));
  if (json_object_get_member (o, "note") != NULL &&
      gs_json_reader_member (&r->json, o, "note", JSON_NODE_VALUE, G_TYPE_STRING, TRUE) == NULL)
    return FALSE;

  event = gs_assessment_add_event (assessment, uuid, date, kind, title);
  g_free (event->note);
  event->note = g_strdup (json_object_get_string_member_with_default (o, "note", ""));
  event->stage = stage;
  event->change_agents = change_agents;
  event->participation = participation != NULL ? json_node_get_double (participation) : NAN;
  return TRUE;
}

static gboolean
read_polarity_texts (Reader       *r,
                     JsonObject   *root,
                     GsAssessment *assessment)
{
  JsonObject *texts = gs_json_reader_object (&r->json, root, "polarity_texts");
  g_autoptr(GList) keys = NULL;
  gsize mark;

  if (texts == NULL)
    return FALSE;
  mark = gs_json_reader_enter_member (&r->json, "polarity_texts");
  keys = json_object_get_members (texts);
  for (GList *l = keys; l != NULL; l = l->next)
    {
      JsonNode *node = gs_json_reader_member (&r->json, texts, l->data, JSON_NODE_VALUE, G_TYPE_STRING, TRUE);

      if (node == NULL)
        return FALSE;
      gs_assessment_set_polarity_text (assessment, l->data, json_node_get_string (node));
    }
  gs_json_reader_leave (&r->json, mark);
  return TRUE;
}

/* The header: what the file is, for which instrument, organisation and assessment. */
static GsAssessment *
read_header (Reader         *r,
             JsonObject     *root,
             GsExchangeKind *kind)
{
  JsonObject *instrument, *organisation, *assessment;
  const char *format, *kind_text, *instrument_id, *org_uuid, *org_name, *uuid, *title, *date;
  int version = 0, instrument_version = 0;
  gsize mark;

  if (!gs_json_reader_text (&r->json, root, "format", TRUE, &format))
    return NULL;
  if (!g_str_equal (format, JSON_FORMAT_NAME))
    {
      fail_at (r, "format", GS_EXCHANGE_ERROR_FORMAT, "this is not a Groundswell assessment (format “%s”)", format);
      return NULL;
    }
  if (!read_optional_int (r, root, "format_version", 1, G_MAXINT, &version))
    return NULL;
  if (version != GS_EXCHANGE_FORMAT_VERSION)
    {
      fail_at (r, "format_version", GS_EXCHANGE_ERROR_FORMAT,
               "format version %d is not supported (this version of Groundswell reads version %d)",
               version, GS_EXCHANGE_FORMAT_VERSION);
      return NULL;
    }
  if (!gs_json_reader_text (&r->json, root, "kind", TRUE, &kind_text))
    return NULL;
  if (g_str_equal (kind_text, kind_names[GS_EXCHANGE_ASSESSMENT]))
    *kind = GS_EXCHANGE_ASSESSMENT;
  else if (g_str_equal (kind_text, kind_names[GS_EXCHANGE_RESPONSES]))
    *kind = GS_EXCHANGE_RESPONSES;
  else
    {
      fail_at (r, "kind", GS_EXCHANGE_ERROR_FORMAT, "expected “assessment” or “responses”, found “%s”", kind_text);
      return NULL;
    }

  if ((instrument = gs_json_reader_object (&r->json, root, "instrument")) == NULL)
    return NULL;
  mark = gs_json_reader_enter_member (&r->json, "instrument");
  if (!gs_json_reader_text (&r->json, instrument, "id", TRUE, &instrument_id) ||
      !read_optional_int (r, instrument, "version", 1, G_MAXINT, &instrument_version))
    return NULL;
  if (!g_str_equal (instrument_id, gs_instrument_get_id (r->instrument)))
    {
      fail_at (r, "id", GS_EXCHANGE_ERROR_INSTRUMENT, "the file is for the instrument “%s”, not “%s”",
               instrument_id, gs_instrument_get_id (r->instrument));
      return NULL;
    }
  if (instrument_version == 0)
    {
      fail (r, GS_EXCHANGE_ERROR_INVALID, "“version” is missing");
      return NULL;
    }
  gs_json_reader_leave (&r->json, mark);

  if ((organisation = gs_json_reader_object (&r->json, root, "organisation")) == NULL)
    return NULL;
  mark = gs_json_reader_enter_member (&r->json, "organisation");
  if (!read_uuid (r, organisation, "id", &org_uuid) ||
      !gs_json_reader_text (&r->json, organisation, "name", TRUE, &org_name))
    return NULL;
  gs_json_reader_leave (&r->json, mark);

  if ((assessment = gs_json_reader_object (&r->json, root, "assessment")) == NULL)
    return NULL;
  mark = gs_json_reader_enter_member (&r->json, "assessment");
  if (!read_uuid (r, assessment, "id", &uuid) ||
      !gs_json_reader_text (&r->json, assessment, "title", TRUE, &title) ||
      !read_date (r, assessment, &date))
    return NULL;
  gs_json_reader_leave (&r->json, mark);

  return gs_assessment_new (uuid, org_uuid, org_name, title, date, instrument_id, instrument_version);
}

/**
 * gs_exchange_read_json:
 * @name: the file's name, for messages
 * @kind: (out): whether the file holds a whole assessment or one person's answers
 *
 * Returns: (transfer full) (nullable): the assessment, or %NULL with @error set
 */
GsAssessment *
gs_exchange_read_json (GsInstrument    *instrument,
                       const char      *data,
                       gsize            length,
                       const char      *name,
                       GsExchangeKind  *kind,
                       GError         **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GsAssessment) assessment = NULL;
  g_autoptr(GError) parse_error = NULL;
  Reader r = { .instrument = instrument };
  JsonNode *root;
  gboolean ok;

  g_return_val_if_fail (GS_IS_INSTRUMENT (instrument), NULL);
  g_return_val_if_fail (kind != NULL, NULL);

  if (!check_size (length, name, error) || !check_utf8 (data, length, name, error))
    return NULL;
  if (!json_parser_load_from_data (parser, data, (gssize) length, &parse_error))
    {
      g_set_error (error, GS_EXCHANGE_ERROR, GS_EXCHANGE_ERROR_PARSE, _("%s: not valid JSON: %s"),
                   name, parse_error->message);
      return NULL;
    }

  gs_json_reader_init (&r.json, name, GS_EXCHANGE_ERROR, GS_EXCHANGE_ERROR_INVALID, GS_EXCHANGE_ERROR_INVALID, error);
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      fail (&r, GS_EXCHANGE_ERROR_FORMAT, "expected an object, found %s",
            root == NULL ? "nothing" : gs_json_type_name (root));
      gs_json_reader_clear (&r.json);
      return NULL;
    }

  assessment = read_header (&r, json_node_get_object (root), kind);
  ok = assessment != NULL &&
       gs_json_reader_each_object (&r.json, json_node_get_object (root), "respondents", FALSE,
                                   read_respondent_cb, assessment) &&
       (*kind == GS_EXCHANGE_RESPONSES ||
        (read_polarity_texts (&r, json_node_get_object (root), assessment) &&
         gs_json_reader_each_object (&r.json, json_node_get_object (root), "timeline", FALSE,
                                     read_event_cb, assessment)));
  gs_json_reader_clear (&r.json);
  return ok ? g_steal_pointer (&assessment) : NULL;
}

/* --- CSV (RFC 4180) ----------------------------------------------------------------- */

static void
csv_append_field (GString    *out,
                  const char *field)
{
  if (strpbrk (field, ",\"\r\n") == NULL)
    {
      g_string_append (out, field);
      return;
    }
  g_string_append_c (out, '"');
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
 * gs_exchange_write_csv:
 *
 * One row per respondent and item of @instrument, in instrument order: the status is
 * empty where the item is unanswered, so that every respondent appears. Polarity map
 * texts and the timeline are not in CSV; the JSON format holds them.
 *
 * Returns: (transfer full): UTF-8 CSV with a header row and CRLF line ends
 */
char *
gs_exchange_write_csv (GsInstrument *instrument,
                       GsAssessment *assessment)
{
  GString *out = g_string_new (NULL);
  GPtrArray *respondents = gs_assessment_get_respondents (assessment);
  GPtrArray *items = gs_instrument_get_items (instrument);
  g_autofree char *version = g_strdup_printf ("%d", gs_assessment_get_instrument_version (assessment));

  g_return_val_if_fail (GS_IS_ASSESSMENT (assessment), NULL);

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

/* A CSV scanner: one record at a time, with the line it starts on. */
typedef struct {
  const char *p, *end;
  guint       line;
  const char *name;
} CsvScanner;

static gboolean
csv_fail (const CsvScanner  *scanner,
          guint              line,
          const char        *column,
          GError           **error,
          int                code,
          const char        *format,
          ...) G_GNUC_PRINTF (6, 7);

static gboolean
csv_fail (const CsvScanner  *scanner,
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
 * a malformed record (with @error set). */
static gboolean
csv_next_record (CsvScanner  *scanner,
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
      g_ptr_array_add (fields, g_strdup (field->str));

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
csv_check_header (CsvScanner  *scanner,
                  GPtrArray   *fields,
                  GError     **error)
{
  guint line = 1;

  if (!csv_next_record (scanner, fields, &line, error))
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
                         CsvScanner    *scanner,
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
                           CsvScanner    *scanner,
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
                 CsvScanner    *scanner,
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
  if (!scale_allows (item, status))
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
                        CsvScanner    *scanner,
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
  CsvScanner scanner = { data, data + length, 1, name };
  g_autoptr(GError) local_error = NULL;
  guint line = 0;

  g_return_val_if_fail (GS_IS_INSTRUMENT (instrument), NULL);

  if (!check_size (length, name, error) || !check_utf8 (data, length, name, error))
    return NULL;
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    scanner.p += 3;
  if (!csv_check_header (&scanner, fields, error))
    return NULL;

  while (csv_next_record (&scanner, fields, &line, &local_error))
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
      if (assessment == NULL)
        assessment = csv_assessment_from_row (instrument, &scanner, f, line, error);
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

/**
 * gs_exchange_read_file:
 * @kind: (out): what the file holds; CSV always holds a whole assessment
 *
 * Reads a .json or .csv file, refusing a file larger than any assessment before reading it.
 */
GsAssessment *
gs_exchange_read_file (GsInstrument    *instrument,
                       const char      *path,
                       GsExchangeKind  *kind,
                       GError         **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *lower = g_ascii_strdown (path, -1);
  gsize length = 0;

  *kind = GS_EXCHANGE_ASSESSMENT;
  if (!g_str_has_suffix (lower, ".json") && !g_str_has_suffix (lower, ".csv"))
    {
      g_set_error (error, GS_EXCHANGE_ERROR, GS_EXCHANGE_ERROR_FORMAT,
                   _("%s: expected a Groundswell .json or .csv file"), path);
      return NULL;
    }
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, error);
  if (info == NULL || !check_size ((gsize) g_file_info_get_size (info), path, error))
    return NULL;
  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;

  if (g_str_has_suffix (lower, ".csv"))
    return gs_exchange_read_csv (instrument, contents, length, path, error);
  return gs_exchange_read_json (instrument, contents, length, path, kind, error);
}

/* Whether @path names a file we can export to: it must end in .json or .csv. */
gboolean
gs_exchange_check_export_path (const char  *path,
                               GError     **error)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  if (g_str_has_suffix (lower, ".json") || g_str_has_suffix (lower, ".csv"))
    return TRUE;
  g_set_error (error, GS_EXCHANGE_ERROR, GS_EXCHANGE_ERROR_FORMAT,
               _("Cannot export to “%s”: the file name must end in .json or .csv"), path);
  return FALSE;
}

/**
 * gs_exchange_write_file:
 *
 * Writes @assessment as JSON or CSV, by the file name's ending, to a temporary file beside
 * @path renamed into place (owner-only): a failed export never leaves half a file or
 * destroys the one that was there.
 */
gboolean
gs_exchange_write_file (GsInstrument  *instrument,
                        GsAssessment  *assessment,
                        const char    *path,
                        GError       **error)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);
  g_autofree char *text = NULL;

  if (!gs_exchange_check_export_path (path, error))
    return FALSE;
  text = g_str_has_suffix (lower, ".csv") ? gs_exchange_write_csv (instrument, assessment)
                                          : gs_exchange_write_json (assessment, GS_EXCHANGE_ASSESSMENT);
  return g_file_set_contents_full (path, text, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}

/* --- Merging and copying ------------------------------------------------------------ */

static gboolean
answers_equal (const GsAnswer *a,
               const GsAnswer *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return a->status == b->status && a->value == b->value && g_str_equal (a->note, b->note);
}

/* The item ids on which the two copies of a respondent differ, e.g. "c1, t2". */
static char *
differing_items (GsRespondent *mine,
                 GsRespondent *theirs)
{
  g_autoptr(GString) ids = g_string_new (NULL);
  g_autoptr(GPtrArray) all = gs_respondent_get_sorted_answers (mine);
  g_autoptr(GPtrArray) incoming = gs_respondent_get_sorted_answers (theirs);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  g_ptr_array_extend (all, incoming, NULL, NULL);
  for (guint i = 0; i < all->len; i++)
    {
      const char *item_id = ((const GsAnswer *) g_ptr_array_index (all, i))->item_id;

      if (!g_hash_table_add (seen, (gpointer) item_id) ||
          answers_equal (gs_respondent_get_answer (mine, item_id), gs_respondent_get_answer (theirs, item_id)))
        continue;
      if (ids->len > 0)
        g_string_append (ids, ", ");
      g_string_append (ids, item_id);
    }
  return g_string_free (g_steal_pointer (&ids), FALSE);
}

static void
copy_respondent (GsAssessment *target,
                 GsRespondent *source,
                 const char   *uuid)
{
  GsRespondent *copy = gs_assessment_add_respondent (target, uuid, source->name, source->group);
  g_autoptr(GPtrArray) answers = gs_respondent_get_sorted_answers (source);

  for (guint i = 0; i < answers->len; i++)
    {
      const GsAnswer *answer = g_ptr_array_index (answers, i);
      gs_respondent_set_answer (copy, answer->item_id, answer->status, answer->value, answer->note);
    }
}

/**
 * gs_assessment_merge_responses:
 * @target: the consultant's copy of an assessment
 * @incoming: respondents' answers to the same assessment (matched by its id)
 * @n_added: (out): how many respondents were added
 *
 * Adds @incoming's respondents to @target. A respondent already there with the same
 * answers is skipped; one with different answers is a conflict: nothing is merged and the
 * error names each conflicting respondent and item, so that nothing is resolved silently.
 */
gboolean
gs_assessment_merge_responses (GsAssessment  *target,
                               GsAssessment  *incoming,
                               guint         *n_added,
                               GError       **error)
{
  GPtrArray *respondents = gs_assessment_get_respondents (incoming);
  g_autoptr(GString) conflicts = g_string_new (NULL);
  g_autoptr(GPtrArray) new_respondents = g_ptr_array_new ();

  *n_added = 0;
  if (!g_str_equal (gs_assessment_get_uuid (target), gs_assessment_get_uuid (incoming)))
    {
      g_set_error (error, GS_EXCHANGE_ERROR, GS_EXCHANGE_ERROR_CONFLICT,
                   _("The answers are for the assessment “%s”, not “%s”."),
                   gs_assessment_get_title (incoming), gs_assessment_get_title (target));
      return FALSE;
    }

  for (guint r = 0; r < respondents->len; r++)
    {
      GsRespondent *theirs = g_ptr_array_index (respondents, r);
      GsRespondent *mine = gs_assessment_lookup_respondent (target, theirs->uuid);
      g_autofree char *items = NULL;

      if (mine == NULL)
        {
          g_ptr_array_add (new_respondents, theirs);
          continue;
        }
      items = differing_items (mine, theirs);
      if (items[0] != '\0')
        g_string_append_printf (conflicts, _("%s%s (items %s)"), conflicts->len > 0 ? "; " : "", theirs->name, items);
    }

  if (conflicts->len > 0)
    {
      g_set_error (error, GS_EXCHANGE_ERROR, GS_EXCHANGE_ERROR_CONFLICT,
                   _("Already imported with different answers: %s. Nothing was imported."), conflicts->str);
      return FALSE;
    }
  for (guint r = 0; r < new_respondents->len; r++)
    {
      GsRespondent *theirs = g_ptr_array_index (new_respondents, r);
      copy_respondent (target, theirs, theirs->uuid);
    }
  *n_added = new_respondents->len;
  return TRUE;
}

/**
 * gs_assessment_copy_as_new:
 *
 * A copy with new ids for the assessment, its respondents and events, in the same
 * organisation: importing a file a second time "as a copy".
 *
 * Returns: (transfer full): the copy, titled "… (copy)"
 */
GsAssessment *
gs_assessment_copy_as_new (GsAssessment *assessment)
{
  g_autofree char *title = g_strdup_printf (_("%s (copy)"), gs_assessment_get_title (assessment));
  GsAssessment *copy = gs_assessment_new (NULL, gs_assessment_get_organisation_uuid (assessment),
                                          gs_assessment_get_organisation_name (assessment), title,
                                          gs_assessment_get_date (assessment),
                                          gs_assessment_get_instrument_id (assessment),
                                          gs_assessment_get_instrument_version (assessment));
  GPtrArray *respondents = gs_assessment_get_respondents (assessment);
  GPtrArray *events = gs_assessment_get_events (assessment);
  GHashTableIter iter;
  gpointer key, value;

  for (guint r = 0; r < respondents->len; r++)
    copy_respondent (copy, g_ptr_array_index (respondents, r), NULL);

  g_hash_table_iter_init (&iter, gs_assessment_get_polarity_texts (assessment));
  while (g_hash_table_iter_next (&iter, &key, &value))
    gs_assessment_set_polarity_text (copy, key, value);

  for (guint i = 0; i < events->len; i++)
    {
      const GsTimelineEvent *event = g_ptr_array_index (events, i);
      GsTimelineEvent *event_copy = gs_assessment_add_event (copy, NULL, event->date, event->kind, event->title);

      g_free (event_copy->note);
      event_copy->note = g_strdup (event->note);
      event_copy->stage = event->stage;
      event_copy->participation = event->participation;
      event_copy->change_agents = event->change_agents;
    }
  return copy;
}
