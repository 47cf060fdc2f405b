/* gs-instrument.c — loading and validating the assessment instrument
 *
 * Loading is strict: a content file that ships with a mistake would put a wrong question in
 * front of a board, so every error names the file, the JSON path and what was expected.
 * All strings are copied into one string chunk and all structures are tracked by the
 * instrument, so the JSON tree is dropped as soon as loading ends.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gs-instrument"

#include "config.h"

#include <json-glib/json-glib.h>

#include "gs-instrument.h"

struct _GsInstrument
{
  GObject       parent_instance;

  GStringChunk *strings;
  GPtrArray    *owned;        /* every g_new'd structure, freed with the instrument */
  GPtrArray    *owned_arrays; /* every GPtrArray of borrowed pointers inside them */

  const char   *id;
  int           version;
  const char   *title;
  GPtrArray    *references;   /* of GsReference* */
  GPtrArray    *scales;       /* of GsScale* */
  GPtrArray    *domains;      /* of GsDomain* */
  GPtrArray    *items;        /* of GsItem*, every item in instrument order */
  GHashTable   *items_by_id;
  GHashTable   *domains_by_id;
  GsPolarity    polarity;
  GPtrArray    *stages;       /* of GsStage* */
  const char   *stages_derivation;
  double        stage_threshold;
};

G_DEFINE_FINAL_TYPE (GsInstrument, gs_instrument, G_TYPE_OBJECT)

G_DEFINE_QUARK (gs-instrument-error-quark, gs_instrument_error)

#define DEFAULT_INSTRUMENT_RESOURCE "/org/groundswell/Groundswell/instruments/movement-readiness.json"

/* The reader: where we are in the file, for messages like
 * "movement-readiness.json: $.domains[2].items[0].scale: unknown scale “agree”". */
typedef struct {
  GsInstrument *self;
  const char   *name;
  GString      *path;
  GHashTable   *ids[4];      /* namespaces, see IdSpace */
  GError      **error;
} Reader;

typedef enum {
  ID_REFERENCE,
  ID_SCALE,
  ID_ROW,
  ID_STAGE,
} IdSpace;

static const char *side_names[GS_N_SIDES] = { "upside", "downside" };
static const char *pole_names[GS_N_POLES] = { "left", "right" };

G_GNUC_PRINTF (3, 4)
static gboolean
fail (Reader             *r,
      GsInstrumentError   code,
      const char         *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (r->error, GS_INSTRUMENT_ERROR, code, "%s: %s: %s", r->name, r->path->str, message);
  return FALSE;
}

static gsize
enter_member (Reader     *r,
              const char *name)
{
  gsize mark = r->path->len;

  g_string_append_printf (r->path, ".%s", name);
  return mark;
}

static gsize
enter_index (Reader *r,
             guint   index)
{
  gsize mark = r->path->len;

  g_string_append_printf (r->path, "[%u]", index);
  return mark;
}

static void
leave (Reader *r,
       gsize   mark)
{
  g_string_truncate (r->path, mark);
}

static gpointer
own (Reader  *r,
     gpointer data)
{
  g_ptr_array_add (r->self->owned, data);
  return data;
}

static GPtrArray *
own_array (Reader *r)
{
  GPtrArray *array = g_ptr_array_new ();

  g_ptr_array_add (r->self->owned_arrays, array);
  return array;
}

static const char *
intern (Reader     *r,
        const char *text)
{
  return g_string_chunk_insert_const (r->self->strings, text);
}

static const char *
type_name (JsonNode *node)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    return "an object";
  if (JSON_NODE_HOLDS_ARRAY (node))
    return "an array";
  if (JSON_NODE_HOLDS_NULL (node))
    return "null";
  if (json_node_get_value_type (node) == G_TYPE_STRING)
    return "a string";
  if (json_node_get_value_type (node) == G_TYPE_BOOLEAN)
    return "true or false";
  return "a number";
}

/* Returns the member's node if it has the expected type, else NULL with the error set.
 * A missing optional member returns NULL with no error. */
static JsonNode *
get_member (Reader       *r,
            JsonObject   *object,
            const char   *name,
            JsonNodeType  type,
            GType         value_type,
            gboolean      required)
{
  JsonNode *node = json_object_get_member (object, name);
  gboolean ok;
  gsize mark;

  if (node == NULL)
    {
      if (required)
        fail (r, GS_INSTRUMENT_ERROR_MISSING, "“%s” is missing", name);
      return NULL;
    }

  ok = JSON_NODE_TYPE (node) == type &&
       (type != JSON_NODE_VALUE || json_node_get_value_type (node) == value_type ||
        (value_type == G_TYPE_DOUBLE && json_node_get_value_type (node) == G_TYPE_INT64));
  if (!ok)
    {
      const char *expected = type == JSON_NODE_OBJECT ? "an object" :
                             type == JSON_NODE_ARRAY ? "an array" :
                             value_type == G_TYPE_STRING ? "a string" :
                             value_type == G_TYPE_BOOLEAN ? "true or false" :
                             value_type == G_TYPE_INT64 ? "a whole number" : "a number";
      mark = enter_member (r, name);
      fail (r, GS_INSTRUMENT_ERROR_TYPE, "expected %s, found %s", expected, type_name (node));
      leave (r, mark);
      return NULL;
    }
  return node;
}

static gboolean
is_blank (const char *text)
{
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

static gboolean
read_text (Reader      *r,
           JsonObject  *object,
           const char  *name,
           gboolean     required,
           const char **out)
{
  JsonNode *node = get_member (r, object, name, JSON_NODE_VALUE, G_TYPE_STRING, required);
  const char *text;

  *out = NULL;
  if (node == NULL)
    return !required && (r->error == NULL || *r->error == NULL);

  /* json-glib has already refused invalid UTF-8, so only blank text is left to catch. */
  text = json_node_get_string (node);
  if (is_blank (text))
    {
      gsize mark = enter_member (r, name);
      fail (r, GS_INSTRUMENT_ERROR_MISSING, "the text is empty");
      leave (r, mark);
      return FALSE;
    }
  *out = intern (r, text);
  return TRUE;
}

static gboolean
read_id (Reader      *r,
         JsonObject  *object,
         GHashTable  *space,
         const char  *what,
         const char **out)
{
  if (!read_text (r, object, "id", TRUE, out))
    return FALSE;
  if (!g_hash_table_add (space, (gpointer) *out))
    {
      gsize mark = enter_member (r, "id");
      fail (r, GS_INSTRUMENT_ERROR_DUPLICATE_ID, "%s id “%s” is used twice", what, *out);
      leave (r, mark);
      return FALSE;
    }
  return TRUE;
}

static JsonArray *
read_array (Reader     *r,
            JsonObject *object,
            const char *name,
            gboolean    non_empty)
{
  JsonNode *node = get_member (r, object, name, JSON_NODE_ARRAY, G_TYPE_INVALID, TRUE);

  if (node == NULL)
    return NULL;
  if (non_empty && json_array_get_length (json_node_get_array (node)) == 0)
    {
      fail (r, GS_INSTRUMENT_ERROR_MISSING, "“%s” is empty", name);
      return NULL;
    }
  return json_node_get_array (node);
}

static JsonObject *
read_object (Reader     *r,
             JsonObject *object,
             const char *name)
{
  JsonNode *node = get_member (r, object, name, JSON_NODE_OBJECT, G_TYPE_INVALID, TRUE);

  return node != NULL ? json_node_get_object (node) : NULL;
}

/* Returns the array's element as an object, or NULL with the error set. */
static JsonObject *
element_object (Reader    *r,
                JsonArray *array,
                guint      index)
{
  JsonNode *node = json_array_get_element (array, index);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      fail (r, GS_INSTRUMENT_ERROR_TYPE, "expected an object, found %s", type_name (node));
      return NULL;
    }
  return json_node_get_object (node);
}

static gboolean
read_source (Reader     *r,
             JsonObject *object,
             GsSource   *source)
{
  JsonObject *o = read_object (r, object, "source");
  gsize mark;
  gboolean ok;

  if (o == NULL)
    return FALSE;
  mark = enter_member (r, "source");
  ok = read_text (r, o, "ref", TRUE, &source->ref) &&
       read_text (r, o, "section", TRUE, &source->section) &&
       read_text (r, o, "quote", TRUE, &source->quote);
  if (ok && !g_hash_table_contains (r->ids[ID_REFERENCE], source->ref))
    {
      gsize ref_mark = enter_member (r, "ref");
      ok = fail (r, GS_INSTRUMENT_ERROR_UNKNOWN_ID, "unknown reference “%s”", source->ref);
      leave (r, ref_mark);
    }
  leave (r, mark);
  return ok;
}

static gboolean
read_sourced_text (Reader        *r,
                   JsonObject    *object,
                   GsSourcedText *text)
{
  return read_text (r, object, "text", TRUE, &text->text) && read_source (r, object, &text->source);
}

/* Reads an array of {text, source} objects into a new tracked GPtrArray. */
static GPtrArray *
read_sourced_texts (Reader     *r,
                    JsonObject *object,
                    const char *name)
{
  JsonArray *array = read_array (r, object, name, TRUE);
  GPtrArray *texts;
  gsize mark;

  if (array == NULL)
    return NULL;
  texts = own_array (r);
  mark = enter_member (r, name);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      gsize index_mark = enter_index (r, i);
      JsonObject *o = element_object (r, array, i);
      GsSourcedText *text = own (r, g_new0 (GsSourcedText, 1));

      if (o == NULL || !read_sourced_text (r, o, text))
        return NULL;
      g_ptr_array_add (texts, text);
      leave (r, index_mark);
    }
  leave (r, mark);
  return texts;
}

static gboolean
read_references (Reader     *r,
                 JsonObject *root)
{
  JsonArray *array = read_array (r, root, "references", TRUE);
  gsize mark;

  if (array == NULL)
    return FALSE;
  mark = enter_member (r, "references");
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      gsize index_mark = enter_index (r, i);
      JsonObject *o = element_object (r, array, i);
      GsReference *reference = own (r, g_new0 (GsReference, 1));

      if (o == NULL ||
          !read_id (r, o, r->ids[ID_REFERENCE], "reference", &reference->id) ||
          !read_text (r, o, "citation", TRUE, &reference->citation))
        return FALSE;
      g_ptr_array_add (r->self->references, reference);
      leave (r, index_mark);
    }
  leave (r, mark);
  return TRUE;
}

static gboolean
read_scale (Reader     *r,
            JsonObject *o,
            GsScale    *scale)
{
  JsonArray *labels;
  JsonNode *node;
  gsize mark;

  if (!read_id (r, o, r->ids[ID_SCALE], "scale", &scale->id) ||
      !read_text (r, o, "question", TRUE, &scale->question))
    return FALSE;

  labels = read_array (r, o, "labels", FALSE);
  if (labels == NULL)
    return FALSE;
  mark = enter_member (r, "labels");
  if (json_array_get_length (labels) != GS_SCALE_POINTS)
    return fail (r, GS_INSTRUMENT_ERROR_INVALID, "expected %d labels, one for each point of the scale, found %u",
                 GS_SCALE_POINTS, json_array_get_length (labels));
  for (guint i = 0; i < GS_SCALE_POINTS; i++)
    {
      JsonNode *label = json_array_get_element (labels, i);
      gsize index_mark = enter_index (r, i);

      if (!JSON_NODE_HOLDS_VALUE (label) || json_node_get_value_type (label) != G_TYPE_STRING)
        return fail (r, GS_INSTRUMENT_ERROR_TYPE, "expected a string, found %s", type_name (label));
      scale->labels[i] = intern (r, json_node_get_string (label));
      leave (r, index_mark);
    }
  leave (r, mark);

  if ((node = get_member (r, o, "dont_know", JSON_NODE_VALUE, G_TYPE_BOOLEAN, TRUE)) == NULL)
    return FALSE;
  scale->allows_dont_know = json_node_get_boolean (node);
  if ((node = get_member (r, o, "not_applicable", JSON_NODE_VALUE, G_TYPE_BOOLEAN, TRUE)) == NULL)
    return FALSE;
  scale->allows_not_applicable = json_node_get_boolean (node);
  return TRUE;
}

static gboolean
read_scales (Reader     *r,
             JsonObject *root)
{
  JsonArray *array = read_array (r, root, "scales", TRUE);
  gsize mark;

  if (array == NULL)
    return FALSE;
  mark = enter_member (r, "scales");
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      gsize index_mark = enter_index (r, i);
      JsonObject *o = element_object (r, array, i);
      GsScale *scale = own (r, g_new0 (GsScale, 1));

      if (o == NULL || !read_scale (r, o, scale))
        return FALSE;
      g_ptr_array_add (r->self->scales, scale);
      leave (r, index_mark);
    }
  leave (r, mark);
  return TRUE;
}

static const GsScale *
find_scale (GsInstrument *self,
            const char   *id)
{
  for (guint i = 0; i < self->scales->len; i++)
    {
      const GsScale *scale = g_ptr_array_index (self->scales, i);
      if (g_str_equal (scale->id, id))
        return scale;
    }
  return NULL;
}

/* Reads an item's id (unique across the whole instrument), statement, hint and source. */
static GsItem *
read_item (Reader     *r,
           JsonObject *o,
           const char *default_scale,
           gboolean    hint_required)
{
  GsItem *item = own (r, g_new0 (GsItem, 1));
  const char *scale_id = NULL;

  item->polarity_row = -1;
  if (!read_text (r, o, "id", TRUE, &item->id))
    return NULL;
  if (g_hash_table_contains (r->self->items_by_id, item->id))
    {
      gsize mark = enter_member (r, "id");
      fail (r, GS_INSTRUMENT_ERROR_DUPLICATE_ID, "item id “%s” is used twice", item->id);
      leave (r, mark);
      return NULL;
    }
  if (!read_text (r, o, "scale", default_scale == NULL, &scale_id) ||
      !read_text (r, o, "statement", TRUE, &item->statement) ||
      !read_text (r, o, "hint", hint_required, &item->hint) ||
      !read_source (r, o, &item->source))
    return NULL;

  if (scale_id == NULL)
    scale_id = default_scale;
  item->scale = find_scale (r->self, scale_id);
  if (item->scale == NULL)
    {
      gsize mark = enter_member (r, "scale");
      fail (r, GS_INSTRUMENT_ERROR_UNKNOWN_ID, "unknown scale “%s”", scale_id);
      leave (r, mark);
      return NULL;
    }

  g_hash_table_insert (r->self->items_by_id, (gpointer) item->id, item);
  g_ptr_array_add (r->self->items, item);
  return item;
}

static gboolean
read_domain_items (Reader     *r,
                   JsonObject *o,
                   GsDomain   *domain)
{
  JsonArray *array = read_array (r, o, "items", TRUE);
  gsize mark;

  if (array == NULL)
    return FALSE;
  domain->items = own_array (r);
  mark = enter_member (r, "items");
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      gsize index_mark = enter_index (r, i);
      JsonObject *item_object = element_object (r, array, i);
      GsItem *item;

      if (item_object == NULL || (item = read_item (r, item_object, NULL, TRUE)) == NULL)
        return FALSE;
      item->domain = domain;
      g_ptr_array_add (domain->items, item);
      leave (r, index_mark);
    }
  leave (r, mark);
  return TRUE;
}

static gboolean
read_domain (Reader     *r,
             JsonObject *o,
             GsDomain   *domain)
{
  const char *part = NULL;

  if (!read_text (r, o, "id", TRUE, &domain->id))
    return FALSE;
  if (!g_hash_table_insert (r->self->domains_by_id, (gpointer) domain->id, domain))
    {
      gsize mark = enter_member (r, "id");
      fail (r, GS_INSTRUMENT_ERROR_DUPLICATE_ID, "domain id “%s” is used twice", domain->id);
      leave (r, mark);
      return FALSE;
    }
  if (!read_text (r, o, "part", TRUE, &part))
    return FALSE;
  if (g_str_equal (part, "receptive-context"))
    domain->part = GS_PART_RECEPTIVE_CONTEXT;
  else if (g_str_equal (part, "triggering-conditions"))
    domain->part = GS_PART_TRIGGERING_CONDITIONS;
  else
    {
      gsize mark = enter_member (r, "part");
      fail (r, GS_INSTRUMENT_ERROR_INVALID,
            "expected “receptive-context” or “triggering-conditions”, found “%s”", part);
      leave (r, mark);
      return FALSE;
    }

  domain->suggestions = NULL;
  return read_text (r, o, "title", TRUE, &domain->title) &&
         read_text (r, o, "description", TRUE, &domain->description) &&
         read_source (r, o, &domain->source) &&
         read_domain_items (r, o, domain) &&
         (domain->suggestions = read_sourced_texts (r, o, "suggestions")) != NULL;
}

static gboolean
read_domains (Reader     *r,
              JsonObject *root)
{
  JsonArray *array = read_array (r, root, "domains", TRUE);
  gsize mark;

  if (array == NULL)
    return FALSE;
  mark = enter_member (r, "domains");
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      gsize index_mark = enter_index (r, i);
      JsonObject *o = element_object (r, array, i);
      GsDomain *domain = own (r, g_new0 (GsDomain, 1));

      if (o == NULL || !read_domain (r, o, domain))
        return FALSE;
      g_ptr_array_add (r->self->domains, domain);
      leave (r, index_mark);
    }
  leave (r, mark);
  return TRUE;
}

/* The rating items of one quadrant: between 2 and 4, on the frequency scale by default. */
static gboolean
read_quadrant_items (Reader        *r,
                     JsonObject    *items_object,
                     int            row,
                     GsPole         pole,
                     GsSide         side,
                     GsPoleContent *content)
{
  JsonArray *array = read_array (r, items_object, side_names[side], TRUE);
  guint n;
  gsize mark;

  if (array == NULL)
    return FALSE;
  mark = enter_member (r, side_names[side]);
  n = json_array_get_length (array);
  if (n < 2 || n > 4)
    return fail (r, GS_INSTRUMENT_ERROR_INVALID, "a quadrant needs 2 to 4 rating items, found %u", n);

  content->items[side] = own_array (r);
  for (guint i = 0; i < n; i++)
    {
      gsize index_mark = enter_index (r, i);
      JsonObject *o = element_object (r, array, i);
      GsItem *item;

      if (o == NULL || (item = read_item (r, o, "frequency", FALSE)) == NULL)
        return FALSE;
      item->polarity_row = row;
      item->pole = pole;
      item->side = side;
      g_ptr_array_add (content->items[side], item);
      leave (r, index_mark);
    }
  leave (r, mark);
  return TRUE;
}

static gboolean
read_pole (Reader        *r,
           JsonObject    *o,
           int            row,
           GsPole         pole,
           GsPoleContent *content)
{
  JsonObject *items, *suggestions;
  gsize mark;

  if (!read_text (r, o, "pole", TRUE, &content->pole) ||
      (content->statements[GS_SIDE_UPSIDE] = read_sourced_texts (r, o, "upsides")) == NULL ||
      (content->statements[GS_SIDE_DOWNSIDE] = read_sourced_texts (r, o, "downsides")) == NULL ||
      (content->action_steps = read_sourced_texts (r, o, "action_steps")) == NULL ||
      (content->early_warnings = read_sourced_texts (r, o, "early_warnings")) == NULL ||
      (items = read_object (r, o, "items")) == NULL ||
      (suggestions = read_object (r, o, "suggestions")) == NULL)
    return FALSE;

  mark = enter_member (r, "items");
  for (GsSide side = 0; side < GS_N_SIDES; side++)
    if (!read_quadrant_items (r, items, row, pole, side, content))
      return FALSE;
  leave (r, mark);

  mark = enter_member (r, "suggestions");
  for (GsSide side = 0; side < GS_N_SIDES; side++)
    {
      JsonObject *s = read_object (r, suggestions, side_names[side]);
      gsize side_mark;

      if (s == NULL)
        return FALSE;
      side_mark = enter_member (r, side_names[side]);
      if (!read_sourced_text (r, s, &content->suggestions[side]))
        return FALSE;
      leave (r, side_mark);
    }
  leave (r, mark);
  return TRUE;
}

static gboolean
read_polarity_row (Reader        *r,
                   JsonObject    *o,
                   int            index,
                   GsPolarityRow *row)
{
  if (!read_id (r, o, r->ids[ID_ROW], "polarity row", &row->id))
    return FALSE;

  for (GsPole pole = 0; pole < GS_N_POLES; pole++)
    {
      JsonObject *pole_object = read_object (r, o, pole_names[pole]);
      gsize mark;

      if (pole_object == NULL)
        return FALSE;
      mark = enter_member (r, pole_names[pole]);
      if (!read_pole (r, pole_object, index, pole, &row->poles[pole]))
        return FALSE;
      leave (r, mark);
    }
  return TRUE;
}

static gboolean
read_purpose_and_fear (Reader     *r,
                       JsonObject *o,
                       GsPolarity *polarity)
{
  static const char *names[] = { "greater_purpose", "deeper_fear" };
  GsSourcedText *texts[] = { &polarity->greater_purpose, &polarity->deeper_fear };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      JsonObject *text = read_object (r, o, names[i]);
      gsize mark;

      if (text == NULL)
        return FALSE;
      mark = enter_member (r, names[i]);
      if (!read_sourced_text (r, text, texts[i]))
        return FALSE;
      leave (r, mark);
    }
  return TRUE;
}

static gboolean
read_polarity (Reader     *r,
               JsonObject *root)
{
  GsPolarity *polarity = &r->self->polarity;
  JsonObject *o = read_object (r, root, "polarity");
  JsonArray *rows;
  gsize mark;

  if (o == NULL)
    return FALSE;
  mark = enter_member (r, "polarity");
  if (!read_text (r, o, "title", TRUE, &polarity->title) ||
      !read_text (r, o, "left_label", TRUE, &polarity->labels[GS_POLE_LEFT]) ||
      !read_text (r, o, "right_label", TRUE, &polarity->labels[GS_POLE_RIGHT]) ||
      !read_purpose_and_fear (r, o, polarity) ||
      (rows = read_array (r, o, "rows", TRUE)) == NULL)
    return FALSE;

  polarity->rows = own_array (r);
  {
    gsize rows_mark = enter_member (r, "rows");
    for (guint i = 0; i < json_array_get_length (rows); i++)
      {
        gsize index_mark = enter_index (r, i);
        JsonObject *row_object = element_object (r, rows, i);
        GsPolarityRow *row = own (r, g_new0 (GsPolarityRow, 1));

        if (row_object == NULL || !read_polarity_row (r, row_object, (int) i, row))
          return FALSE;
        g_ptr_array_add (polarity->rows, row);
        leave (r, index_mark);
      }
    leave (r, rows_mark);
  }
  leave (r, mark);
  return TRUE;
}

/* A stage's evidence names domains and items that must exist. */
static gboolean
read_stage_evidence (Reader     *r,
                     JsonObject *o,
                     GsStage    *stage)
{
  JsonObject *evidence = read_object (r, o, "evidence");
  static const char *lists[] = { "domains", "items" };
  gsize mark;

  if (evidence == NULL)
    return FALSE;
  mark = enter_member (r, "evidence");
  stage->evidence_domains = own_array (r);
  stage->evidence_items = own_array (r);
  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    {
      JsonArray *ids = read_array (r, evidence, lists[l], FALSE);
      gsize list_mark;

      if (ids == NULL)
        return FALSE;
      list_mark = enter_member (r, lists[l]);
      for (guint i = 0; i < json_array_get_length (ids); i++)
        {
          JsonNode *node = json_array_get_element (ids, i);
          gsize index_mark = enter_index (r, i);
          GHashTable *table = l == 0 ? r->self->domains_by_id : r->self->items_by_id;
          gpointer target;

          if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
            return fail (r, GS_INSTRUMENT_ERROR_TYPE, "expected a string, found %s", type_name (node));
          target = g_hash_table_lookup (table, json_node_get_string (node));
          if (target == NULL)
            return fail (r, GS_INSTRUMENT_ERROR_UNKNOWN_ID, "unknown %s “%s”",
                         l == 0 ? "domain" : "item", json_node_get_string (node));
          g_ptr_array_add (l == 0 ? stage->evidence_domains : stage->evidence_items, target);
          leave (r, index_mark);
        }
      leave (r, list_mark);
    }
  if (stage->evidence_domains->len + stage->evidence_items->len == 0)
    return fail (r, GS_INSTRUMENT_ERROR_MISSING, "a stage needs at least one domain or item as evidence");
  leave (r, mark);
  return TRUE;
}

static gboolean
read_stages (Reader     *r,
             JsonObject *root)
{
  JsonObject *o = read_object (r, root, "stages");
  JsonNode *threshold;
  JsonArray *list;
  gsize mark, list_mark;

  if (o == NULL)
    return FALSE;
  mark = enter_member (r, "stages");
  if (!read_text (r, o, "derivation", TRUE, &r->self->stages_derivation) ||
      (threshold = get_member (r, o, "threshold", JSON_NODE_VALUE, G_TYPE_DOUBLE, TRUE)) == NULL ||
      (list = read_array (r, o, "list", TRUE)) == NULL)
    return FALSE;
  r->self->stage_threshold = json_node_get_double (threshold);
  if (r->self->stage_threshold <= 0 || r->self->stage_threshold >= 100)
    {
      gsize t_mark = enter_member (r, "threshold");
      fail (r, GS_INSTRUMENT_ERROR_INVALID, "expected a score between 0 and 100, found %g",
            r->self->stage_threshold);
      leave (r, t_mark);
      return FALSE;
    }

  list_mark = enter_member (r, "list");
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      gsize index_mark = enter_index (r, i);
      JsonObject *stage_object = element_object (r, list, i);
      GsStage *stage = own (r, g_new0 (GsStage, 1));

      if (stage_object == NULL ||
          !read_id (r, stage_object, r->ids[ID_STAGE], "stage", &stage->id) ||
          !read_text (r, stage_object, "name", TRUE, &stage->name) ||
          !read_text (r, stage_object, "description", TRUE, &stage->description) ||
          !read_source (r, stage_object, &stage->source) ||
          !read_stage_evidence (r, stage_object, stage))
        return FALSE;
      g_ptr_array_add (r->self->stages, stage);
      leave (r, index_mark);
    }
  leave (r, list_mark);
  leave (r, mark);
  return TRUE;
}

static gboolean
read_header (Reader     *r,
             JsonObject *root)
{
  JsonNode *format = get_member (r, root, "format", JSON_NODE_VALUE, G_TYPE_INT64, TRUE);
  JsonNode *version;

  if (format == NULL)
    return FALSE;
  if (json_node_get_int (format) != GS_INSTRUMENT_FORMAT_VERSION)
    {
      gsize mark = enter_member (r, "format");
      fail (r, GS_INSTRUMENT_ERROR_FORMAT,
            "format version %" G_GINT64_FORMAT " is not supported (this version of Groundswell reads version %d)",
            json_node_get_int (format), GS_INSTRUMENT_FORMAT_VERSION);
      leave (r, mark);
      return FALSE;
    }
  if (!read_text (r, root, "id", TRUE, &r->self->id) ||
      (version = get_member (r, root, "version", JSON_NODE_VALUE, G_TYPE_INT64, TRUE)) == NULL ||
      !read_text (r, root, "title", TRUE, &r->self->title))
    return FALSE;
  r->self->version = (int) json_node_get_int (version);
  if (r->self->version < 1)
    {
      gsize mark = enter_member (r, "version");
      fail (r, GS_INSTRUMENT_ERROR_INVALID, "expected a version of 1 or more");
      leave (r, mark);
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_instrument (Reader   *r,
                 JsonNode *root_node)
{
  JsonObject *root;

  if (!JSON_NODE_HOLDS_OBJECT (root_node))
    return fail (r, GS_INSTRUMENT_ERROR_TYPE, "expected an object, found %s", type_name (root_node));
  root = json_node_get_object (root_node);

  return read_header (r, root) &&
         read_references (r, root) &&
         read_scales (r, root) &&
         read_domains (r, root) &&
         read_polarity (r, root) &&
         read_stages (r, root);
}

static void
gs_instrument_finalize (GObject *object)
{
  GsInstrument *self = (GsInstrument *) object;

  g_clear_pointer (&self->items_by_id, g_hash_table_unref);
  g_clear_pointer (&self->domains_by_id, g_hash_table_unref);
  g_clear_pointer (&self->references, g_ptr_array_unref);
  g_clear_pointer (&self->scales, g_ptr_array_unref);
  g_clear_pointer (&self->domains, g_ptr_array_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->stages, g_ptr_array_unref);
  g_clear_pointer (&self->owned_arrays, g_ptr_array_unref);
  g_clear_pointer (&self->owned, g_ptr_array_unref);
  g_clear_pointer (&self->strings, g_string_chunk_free);

  G_OBJECT_CLASS (gs_instrument_parent_class)->finalize (object);
}

static void
gs_instrument_class_init (GsInstrumentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gs_instrument_finalize;
}

static void
gs_instrument_init (GsInstrument *self)
{
  self->strings = g_string_chunk_new (4096);
  self->owned = g_ptr_array_new_with_free_func (g_free);
  self->owned_arrays = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  self->references = g_ptr_array_new ();
  self->scales = g_ptr_array_new ();
  self->domains = g_ptr_array_new ();
  self->items = g_ptr_array_new ();
  self->stages = g_ptr_array_new ();
  self->items_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->domains_by_id = g_hash_table_new (g_str_hash, g_str_equal);
}

/**
 * gs_instrument_new_from_data:
 * @data: the JSON text
 * @length: its length, or -1 when nul-terminated
 * @name: the file's name, for error messages
 * @error: return location for a #GsInstrumentError
 *
 * Returns: (transfer full) (nullable): the validated instrument
 */
GsInstrument *
gs_instrument_new_from_data (const char  *data,
                             gssize       length,
                             const char  *name,
                             GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GsInstrument) self = g_object_new (GS_TYPE_INSTRUMENT, NULL);
  g_autoptr(GError) parse_error = NULL;
  g_autoptr(GString) path = g_string_new ("$");
  Reader r = { self, name, path, { NULL }, error };
  gboolean ok;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (!json_parser_load_from_data (parser, data, length, &parse_error))
    {
      g_set_error (error, GS_INSTRUMENT_ERROR, GS_INSTRUMENT_ERROR_PARSE,
                   "%s: not valid JSON: %s", name, parse_error->message);
      return NULL;
    }

  for (guint i = 0; i < G_N_ELEMENTS (r.ids); i++)
    r.ids[i] = g_hash_table_new (g_str_hash, g_str_equal);
  ok = read_instrument (&r, json_parser_get_root (parser));
  for (guint i = 0; i < G_N_ELEMENTS (r.ids); i++)
    g_hash_table_unref (r.ids[i]);

  return ok ? g_steal_pointer (&self) : NULL;
}

GsInstrument *
gs_instrument_new_from_file (const char  *path,
                             GError     **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *basename = NULL;
  gsize length = 0;

  g_return_val_if_fail (path != NULL, NULL);

  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;
  basename = g_path_get_basename (path);
  return gs_instrument_new_from_data (contents, (gssize) length, basename, error);
}

/**
 * gs_instrument_load_default:
 *
 * Loads the instrument that ships in the resource bundle.
 */
GsInstrument *
gs_instrument_load_default (GError **error)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (DEFAULT_INSTRUMENT_RESOURCE,
                                                     G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  gsize length = 0;
  const char *data;

  if (bytes == NULL)
    return NULL;
  data = g_bytes_get_data (bytes, &length);
  return gs_instrument_new_from_data (data, (gssize) length, "movement-readiness.json", error);
}

const char *
gs_instrument_get_id (GsInstrument *self)
{
  g_return_val_if_fail (GS_IS_INSTRUMENT (self), NULL);
  return self->id;
}

int
gs_instrument_get_version (GsInstrument *self)
{
  g_return_val_if_fail (GS_IS_INSTRUMENT (self), 0);
  return self->version;
}

const char *
gs_instrument_get_title (GsInstrument *self)
{
  g_return_val_if_fail (GS_IS_INSTRUMENT (self), NULL);
  return self->title;
}

/**
 * gs_instrument_get_domains:
 * Returns: (transfer none) (element-type GsDomain): the domains in instrument order
 */
GPtrArray *
gs_instrument_get_domains (GsInstrument *self)
{
  g_return_val_if_fail (GS_IS_INSTRUMENT (self), NULL);
  return self->domains;
}

/**
 * gs_instrument_get_items:
 * Returns: (transfer none) (element-type GsItem): every item, domains first, then polarity
 */
GPtrArray *
gs_instrument_get_items (GsInstrument *self)
{
  g_return_val_if_fail (GS_IS_INSTRUMENT (self), NULL);
  return self->items;
}

const GsDomain *
gs_instrument_lookup_domain (GsInstrument *self,
                             const char   *id)
{
  g_return_val_if_fail (GS_IS_INSTRUMENT (self), NULL);
  return g_hash_table_lookup (self->domains_by_id, id);
}

const GsItem *
gs_instrument_lookup_item (GsInstrument *self,
                           const char   *id)
{
  g_return_val_if_fail (GS_IS_INSTRUMENT (self), NULL);
  return g_hash_table_lookup (self->items_by_id, id);
}

const GsPolarity *
gs_instrument_get_polarity (GsInstrument *self)
{
  g_return_val_if_fail (GS_IS_INSTRUMENT (self), NULL);
  return &self->polarity;
}

GPtrArray *
gs_instrument_get_stages (GsInstrument *self)
{
  g_return_val_if_fail (GS_IS_INSTRUMENT (self), NULL);
  return self->stages;
}

const char *
gs_instrument_get_stages_derivation (GsInstrument *self)
{
  g_return_val_if_fail (GS_IS_INSTRUMENT (self), NULL);
  return self->stages_derivation;
}

double
gs_instrument_get_stage_threshold (GsInstrument *self)
{
  g_return_val_if_fail (GS_IS_INSTRUMENT (self), 0);
  return self->stage_threshold;
}

GPtrArray *
gs_instrument_get_references (GsInstrument *self)
{
  g_return_val_if_fail (GS_IS_INSTRUMENT (self), NULL);
  return self->references;
}

const GsReference *
gs_instrument_lookup_reference (GsInstrument *self,
                                const char   *id)
{
  g_return_val_if_fail (GS_IS_INSTRUMENT (self), NULL);

  for (guint i = 0; i < self->references->len; i++)
    {
      const GsReference *reference = g_ptr_array_index (self->references, i);
      if (g_str_equal (reference->id, id))
        return reference;
    }
  return NULL;
}
