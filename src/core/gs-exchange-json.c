/* gs-exchange-json.c — assessments and respondents' answers as JSON
 *
 * The format is in docs/exchange-formats.md. The writer is deterministic; the reader walks
 * the file with GsJsonReader, which names the JSON path of anything wrong.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gs-exchange"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "gs-exchange-private.h"
#include "gs-json-reader.h"

#define JSON_FORMAT_NAME "groundswell-assessment"

static const char *kind_names[] = { "assessment", "responses" };

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

/* "plan": { "actions": [ … ], "signals": [ … ] } (format version 2). */
static void
write_plan (JsonBuilder  *builder,
            GsAssessment *assessment)
{
  GPtrArray *actions = gs_assessment_get_actions (assessment);
  GPtrArray *signals = gs_assessment_get_signals (assessment);

  json_builder_set_member_name (builder, "plan");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "actions");
  json_builder_begin_array (builder);
  for (guint i = 0; i < actions->len; i++)
    {
      const GsAction *action = g_ptr_array_index (actions, i);

      json_builder_begin_object (builder);
      add_string (builder, "id", action->uuid);
      add_string (builder, "what", action->what);
      add_string (builder, "owner", action->owner);
      add_string (builder, "due", action->due);
      add_string (builder, "area", action->area);
      add_string (builder, "status", gs_action_status_to_string (action->status));
      add_string (builder, "note", action->note);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "signals");
  json_builder_begin_array (builder);
  for (guint i = 0; i < signals->len; i++)
    {
      const GsSignal *signal = g_ptr_array_index (signals, i);

      json_builder_begin_object (builder);
      add_string (builder, "id", signal->uuid);
      add_string (builder, "warning", signal->warning);
      add_string (builder, "how", signal->how);
      add_string (builder, "area", signal->area);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
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
      write_plan (builder, assessment);
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
  GsInstrument *instrument;  /* the version of the questions the file was answered with */
  GsInstrument *versioned;   /* owned reference to it, once the header is read */
  GStringChunk *ids;         /* the file's UUIDs in lower case: one assessment, one spelling */
  int           format_version;
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
  /* UUIDs are compared and stored in lower case: the same assessment written with capitals
   * is the same assessment, not a second one with a second organisation. */
  {
    g_autofree char *lower = g_ascii_strdown (*out, -1);
    *out = g_string_chunk_insert_const (r->ids, lower);
  }
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
  if (!gs_exchange_scale_allows (item, status))
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

/* The optional time the respondent saved their answers (ISO 8601), kept in UTC to the
 * second, as the database writes it, so that the two compare as text. */
static gboolean
read_saved (Reader       *r,
            JsonObject   *o,
            GsRespondent *respondent)
{
  const char *text;
  g_autoptr(GDateTime) time = NULL;
  g_autoptr(GDateTime) utc = NULL;

  if (json_object_get_member (o, "saved") == NULL)
    return TRUE;
  if (!gs_json_reader_text (&r->json, o, "saved", TRUE, &text))
    return FALSE;
  if ((time = g_date_time_new_from_iso8601 (text, NULL)) == NULL)
    return fail_at (r, "saved", GS_EXCHANGE_ERROR_INVALID,
                    "expected a time written 2026-03-15T10:30:00Z, found “%s”", text);
  utc = g_date_time_to_utc (time);
  respondent->saved = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
  return respondent->saved != NULL || fail_at (r, "saved", GS_EXCHANGE_ERROR_INVALID, "the time “%s” is out of range", text);
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
      !gs_json_reader_line (&r->json, o, "name", TRUE, &name))
    return FALSE;
  if (json_object_get_member (o, "group") != NULL &&
      gs_json_reader_member (&r->json, o, "group", JSON_NODE_VALUE, G_TYPE_STRING, TRUE) == NULL)
    return FALSE;
  group = json_object_get_string_member_with_default (o, "group", "");
  if (gs_text_find_control (group) != NULL)
    return fail_at (r, "group", GS_EXCHANGE_ERROR_INVALID, "a group's name is one line: found the control character U+%04X",
                    (guint) g_utf8_get_char (gs_text_find_control (group)));
  if (gs_assessment_lookup_respondent (assessment, uuid) != NULL)
    return fail_at (r, "id", GS_EXCHANGE_ERROR_INVALID, "respondent “%s” appears twice", uuid);

  respondent = gs_assessment_add_respondent (assessment, uuid, name, group);
  if (!read_saved (r, o, respondent))
    return FALSE;
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
      !gs_json_reader_line (&r->json, o, "title", TRUE, &title))
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

/* A plan's texts: what, owner, note, how are free text, but one line where a line is meant. */
static gboolean
read_area (Reader      *r,
           JsonObject  *o,
           const char **area)
{
  if (json_object_get_member (o, "area") != NULL &&
      gs_json_reader_member (&r->json, o, "area", JSON_NODE_VALUE, G_TYPE_STRING, TRUE) == NULL)
    return FALSE;
  *area = json_object_get_string_member_with_default (o, "area", "");
  if (!gs_plan_area_is_valid (*area))
    return fail_at (r, "area", GS_EXCHANGE_ERROR_INVALID,
                    "expected domain:ID, item:ID or quadrant:ROW/POLE/SIDE, found “%s”", *area);
  return TRUE;
}

/* A text that may be missing or empty (an owner not named yet), but is a string when there. */
static gboolean
read_optional_text (Reader      *r,
                    JsonObject  *o,
                    const char  *name,
                    char       **out)
{
  if (json_object_get_member (o, name) != NULL &&
      gs_json_reader_member (&r->json, o, name, JSON_NODE_VALUE, G_TYPE_STRING, TRUE) == NULL)
    return FALSE;
  g_free (*out);
  *out = g_strdup (json_object_get_string_member_with_default (o, name, ""));
  return TRUE;
}

static gboolean
read_action_cb (GsJsonReader *reader,
                JsonObject   *o,
                guint         index,
                gpointer      assessment)
{
  Reader *r = (Reader *) reader;
  const char *uuid, *what, *area, *status = NULL;
  g_autoptr(GsAction) action = NULL;

  if (!read_uuid (r, o, "id", &uuid) || !gs_json_reader_line (&r->json, o, "what", TRUE, &what) || !read_area (r, o, &area))
    return FALSE;
  action = gs_action_new (uuid, what, area);
  if (!read_optional_text (r, o, "owner", &action->owner) || !read_optional_text (r, o, "due", &action->due) ||
      !read_optional_text (r, o, "note", &action->note) || !gs_json_reader_text (&r->json, o, "status", TRUE, &status))
    return FALSE;
  if (action->due[0] != '\0' && !gs_date_is_valid (action->due))
    return fail_at (r, "due", GS_EXCHANGE_ERROR_INVALID, "expected a date YYYY-MM-DD, found “%s”", action->due);
  if (!gs_action_status_from_string (status, &action->status))
    return fail_at (r, "status", GS_EXCHANGE_ERROR_INVALID, "expected planned, under-way, done or dropped, found “%s”", status);
  for (guint i = 0; i < gs_assessment_get_actions (assessment)->len; i++)
    if (g_str_equal (((GsAction *) g_ptr_array_index (gs_assessment_get_actions (assessment), i))->uuid, uuid))
      return fail_at (r, "id", GS_EXCHANGE_ERROR_INVALID, "action “%s” appears twice", uuid);
  g_ptr_array_add (gs_assessment_get_actions (assessment), g_steal_pointer (&action));
  return TRUE;
}

static gboolean
read_signal_cb (GsJsonReader *reader,
                JsonObject   *o,
                guint         index,
                gpointer      assessment)
{
  Reader *r = (Reader *) reader;
  const char *uuid, *warning, *area;
  GsSignal *signal;

  if (!read_uuid (r, o, "id", &uuid) || !gs_json_reader_line (&r->json, o, "warning", TRUE, &warning) ||
      !read_area (r, o, &area))
    return FALSE;
  for (guint i = 0; i < gs_assessment_get_signals (assessment)->len; i++)
    if (g_str_equal (((GsSignal *) g_ptr_array_index (gs_assessment_get_signals (assessment), i))->uuid, uuid))
      return fail_at (r, "id", GS_EXCHANGE_ERROR_INVALID, "signal “%s” appears twice", uuid);
  signal = gs_signal_new (uuid, warning, area);
  g_ptr_array_add (gs_assessment_get_signals (assessment), signal);
  return read_optional_text (r, o, "how", &signal->how);
}

/* The plan, from format version 2; a version 1 file has none. */
static gboolean
read_plan (Reader       *r,
           JsonObject   *root,
           GsAssessment *assessment)
{
  JsonObject *plan;
  gsize mark;
  gboolean ok;

  if (r->format_version < 2 || json_object_get_member (root, "plan") == NULL)
    return TRUE;
  if ((plan = gs_json_reader_object (&r->json, root, "plan")) == NULL)
    return FALSE;
  mark = gs_json_reader_enter_member (&r->json, "plan");
  ok = gs_json_reader_each_object (&r->json, plan, "actions", FALSE, read_action_cb, assessment) &&
       gs_json_reader_each_object (&r->json, plan, "signals", FALSE, read_signal_cb, assessment);
  if (ok)
    gs_json_reader_leave (&r->json, mark);
  return ok;
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
      /* A text the maps do not have would be kept and never shown: refused by name. */
      if (!gs_instrument_has_polarity_text (r->instrument, l->data))
        return fail_at (r, l->data, GS_EXCHANGE_ERROR_INVALID, "the polarity maps have no text “%s”",
                        (const char *) l->data);
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
  if (version < GS_EXCHANGE_OLDEST_FORMAT_VERSION || version > GS_EXCHANGE_FORMAT_VERSION)
    {
      fail_at (r, "format_version", GS_EXCHANGE_ERROR_FORMAT,
               "format version %d is not supported (this version of Groundswell reads versions %d to %d)",
               version, GS_EXCHANGE_OLDEST_FORMAT_VERSION, GS_EXCHANGE_FORMAT_VERSION);
      return NULL;
    }
  r->format_version = version;
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
  /* An older assessment is read, and its answers checked, against its own version. */
  if ((r->versioned = gs_instrument_resolve (r->instrument, instrument_id, instrument_version, NULL)) == NULL)
    {
      fail_at (r, "version", GS_EXCHANGE_ERROR_INSTRUMENT, "the file is for version %d of the questionnaire, "
               "which this version of Groundswell does not have", instrument_version);
      return NULL;
    }
  r->instrument = r->versioned;
  gs_json_reader_leave (&r->json, mark);

  if ((organisation = gs_json_reader_object (&r->json, root, "organisation")) == NULL)
    return NULL;
  mark = gs_json_reader_enter_member (&r->json, "organisation");
  if (!read_uuid (r, organisation, "id", &org_uuid) ||
      !gs_json_reader_line (&r->json, organisation, "name", TRUE, &org_name))
    return NULL;
  gs_json_reader_leave (&r->json, mark);

  if ((assessment = gs_json_reader_object (&r->json, root, "assessment")) == NULL)
    return NULL;
  mark = gs_json_reader_enter_member (&r->json, "assessment");
  if (!read_uuid (r, assessment, "id", &uuid) ||
      !gs_json_reader_line (&r->json, assessment, "title", TRUE, &title) ||
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
  g_autoptr(GStringChunk) ids = g_string_chunk_new (512);
  Reader r = { .instrument = instrument, .ids = ids };
  JsonNode *root;
  gboolean ok;

  g_return_val_if_fail (GS_IS_INSTRUMENT (instrument), NULL);
  g_return_val_if_fail (kind != NULL, NULL);

  if (!gs_exchange_check_size (length, name, error) || !gs_exchange_check_utf8 (data, length, name, error) ||
      !gs_exchange_check_nesting (data, length, name, error))
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
                                     read_event_cb, assessment) &&
         read_plan (&r, json_node_get_object (root), assessment)));
  gs_json_reader_clear (&r.json);
  g_clear_object (&r.versioned);
  return ok ? g_steal_pointer (&assessment) : NULL;
}
