/* gs-instrument-reader.c — reading and validating an instrument's JSON
 *
 * Every member is checked for presence and type, every id for uniqueness in its namespace
 * and every reference to another id for existence; the first problem fails the whole load
 * with the JSON path of what is wrong.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gs-instrument"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "gs-instrument-private.h"
#include "gs-json-reader.h"

/* The reader: the shared JSON reader (file, path, error) and the instrument being built.
 * `json` comes first, so that the GsJsonReader* handed to a GsJsonEachFunc is the Reader*. */
typedef struct {
  GsJsonReader  json;
  GsInstrument *self;
  GHashTable   *ids[4];      /* namespaces, see IdSpace */
} Reader;

typedef enum {
  ID_REFERENCE,
  ID_SCALE,
  ID_ROW,
  ID_STAGE,
} IdSpace;

static const char *side_names[GS_N_SIDES] = { "upside", "downside" };
static const char *pole_names[GS_N_POLES] = { "left", "right" };

#define fail(r, ...)            gs_json_reader_fail (&(r)->json, __VA_ARGS__)
#define fail_at(r, ...)         gs_json_reader_fail_at (&(r)->json, __VA_ARGS__)
#define enter_member(r, name)   gs_json_reader_enter_member (&(r)->json, name)
#define enter_index(r, index)   gs_json_reader_enter_index (&(r)->json, index)
#define leave(r, mark)          gs_json_reader_leave (&(r)->json, mark)
#define read_array(r, ...)      gs_json_reader_array (&(r)->json, __VA_ARGS__)
#define read_object(r, ...)     gs_json_reader_object (&(r)->json, __VA_ARGS__)
#define get_member(r, ...)      gs_json_reader_member (&(r)->json, __VA_ARGS__)
#define each_object(r, ...)     gs_json_reader_each_object (&(r)->json, __VA_ARGS__)

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

/* The members whose text a person reads, translated as the instrument is read (in the
 * context "instrument" of the app's catalogue: build-aux/instrument-pot lists the same ones).
 * Ids, references, sections and citations stay as written: scores and exchange files rest on
 * ids, and citations point to the English paper. */
static const char *translated_members[] = {
  "title", "description", "question", "statement", "hint", "quote", "text", "left_label", "right_label", "pole",
  "derivation", "name",
};

static gboolean
is_translated (const char *member)
{
  for (gsize i = 0; i < G_N_ELEMENTS (translated_members); i++)
    if (g_str_equal (translated_members[i], member))
      return TRUE;
  return FALSE;
}

/* A text in the process's language, kept with its English original when they differ
 * (gs_instrument_get_english). */
static const char *
keep_translated (Reader     *r,
                 const char *text)
{
  const char *english = g_string_chunk_insert_const (r->self->strings, text);
  const char *shown = g_string_chunk_insert_const (r->self->strings, g_dpgettext2 (GETTEXT_PACKAGE, "instrument", text));

  if (shown != english)
    g_hash_table_insert (r->self->english, (gpointer) shown, (gpointer) english);
  return shown;
}

/* Reads a non-blank string and keeps a copy that outlives the JSON tree. */
static gboolean
read_text (Reader      *r,
           JsonObject  *object,
           const char  *name,
           gboolean     required,
           const char **out)
{
  const char *text = NULL;

  if (!gs_json_reader_text (&r->json, object, name, required, &text))
    return FALSE;
  if (text == NULL)
    *out = NULL;
  else
    *out = is_translated (name) ? keep_translated (r, text) : g_string_chunk_insert_const (r->self->strings, text);
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
    return fail_at (r, "id", GS_INSTRUMENT_ERROR_DUPLICATE_ID, "%s id “%s” is used twice", what, *out);
  return TRUE;
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
    ok = fail_at (r, "ref", GS_INSTRUMENT_ERROR_UNKNOWN_ID, "unknown reference “%s”", source->ref);
  leave (r, mark);
  return ok;
}

/* A text with no `source` is Groundswell's own wording (its ref stays NULL): advice and map
 * texts the paper does not say are not passed off as the paper's. Items, domains and stages
 * always cite the passage they ask about. */
static gboolean
read_sourced_text (Reader        *r,
                   JsonObject    *object,
                   GsSourcedText *text)
{
  if (!read_text (r, object, "text", TRUE, &text->text))
    return FALSE;
  return !json_object_has_member (object, "source") || read_source (r, object, &text->source);
}

static gboolean
read_sourced_text_cb (GsJsonReader *reader,
                      JsonObject   *object,
                      guint         index,
                      gpointer      texts)
{
  Reader *r = (Reader *) reader;
  GsSourcedText *text = own (r, g_new0 (GsSourcedText, 1));

  g_ptr_array_add (texts, text);
  return read_sourced_text (r, object, text);
}

/* Reads an array of {text, source} objects into a new tracked GPtrArray. */
static GPtrArray *
read_sourced_texts (Reader     *r,
                    JsonObject *object,
                    const char *name)
{
  GPtrArray *texts = own_array (r);

  return each_object (r, object, name, TRUE, read_sourced_text_cb, texts) ? texts : NULL;
}

static gboolean
read_reference_cb (GsJsonReader *reader,
                   JsonObject   *o,
                   guint         index,
                   gpointer      user_data)
{
  Reader *r = (Reader *) reader;
  GsReference *reference = own (r, g_new0 (GsReference, 1));

  g_ptr_array_add (r->self->references, reference);
  return read_id (r, o, r->ids[ID_REFERENCE], "reference", &reference->id) &&
         read_text (r, o, "citation", TRUE, &reference->citation) &&
         read_text (r, o, "short", FALSE, &reference->short_citation);
}

static gboolean
read_references (Reader     *r,
                 JsonObject *root)
{
  return each_object (r, root, "references", TRUE, read_reference_cb, NULL);
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
      gsize index_mark = enter_index (r, i);
      const char *label = gs_json_reader_element_string (&r->json, labels, i);

      if (label == NULL)
        return FALSE;
      scale->labels[i] = keep_translated (r, label);
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
read_scale_cb (GsJsonReader *reader,
               JsonObject   *o,
               guint         index,
               gpointer      user_data)
{
  Reader *r = (Reader *) reader;
  GsScale *scale = own (r, g_new0 (GsScale, 1));

  g_ptr_array_add (r->self->scales, scale);
  return read_scale (r, o, scale);
}

static gboolean
read_scales (Reader     *r,
             JsonObject *root)
{
  return each_object (r, root, "scales", TRUE, read_scale_cb, NULL);
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
      fail_at (r, "id", GS_INSTRUMENT_ERROR_DUPLICATE_ID, "item id “%s” is used twice", item->id);
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
      fail_at (r, "scale", GS_INSTRUMENT_ERROR_UNKNOWN_ID, "unknown scale “%s”", scale_id);
      return NULL;
    }

  g_hash_table_insert (r->self->items_by_id, (gpointer) item->id, item);
  g_ptr_array_add (r->self->items, item);
  return item;
}

static gboolean
read_domain_item_cb (GsJsonReader *reader,
                     JsonObject   *o,
                     guint         index,
                     gpointer      user_data)
{
  GsDomain *domain = user_data;
  GsItem *item = read_item ((Reader *) reader, o, NULL, TRUE);

  if (item == NULL)
    return FALSE;
  item->domain = domain;
  g_ptr_array_add (domain->items, item);
  return TRUE;
}

static gboolean
read_domain_items (Reader     *r,
                   JsonObject *o,
                   GsDomain   *domain)
{
  domain->items = own_array (r);
  return each_object (r, o, "items", TRUE, read_domain_item_cb, domain);
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
    return fail_at (r, "id", GS_INSTRUMENT_ERROR_DUPLICATE_ID, "domain id “%s” is used twice", domain->id);
  if (!read_text (r, o, "part", TRUE, &part))
    return FALSE;
  if (g_str_equal (part, "receptive-context"))
    domain->part = GS_PART_RECEPTIVE_CONTEXT;
  else if (g_str_equal (part, "triggering-conditions"))
    domain->part = GS_PART_TRIGGERING_CONDITIONS;
  else
    return fail_at (r, "part", GS_INSTRUMENT_ERROR_INVALID,
                    "expected “receptive-context” or “triggering-conditions”, found “%s”", part);

  domain->suggestions = NULL;
  return read_text (r, o, "title", TRUE, &domain->title) &&
         read_text (r, o, "description", TRUE, &domain->description) &&
         read_source (r, o, &domain->source) &&
         read_domain_items (r, o, domain) &&
         (domain->suggestions = read_sourced_texts (r, o, "suggestions")) != NULL;
}

static gboolean
read_domain_cb (GsJsonReader *reader,
                JsonObject   *o,
                guint         index,
                gpointer      user_data)
{
  Reader *r = (Reader *) reader;
  GsDomain *domain = own (r, g_new0 (GsDomain, 1));

  g_ptr_array_add (r->self->domains, domain);
  return read_domain (r, o, domain);
}

static gboolean
read_domains (Reader     *r,
              JsonObject *root)
{
  return each_object (r, root, "domains", TRUE, read_domain_cb, NULL);
}

typedef struct {
  int            row;
  GsPole         pole;
  GsSide         side;
  GsPoleContent *content;
} Quadrant;

static gboolean
read_quadrant_item_cb (GsJsonReader *reader,
                       JsonObject   *o,
                       guint         index,
                       gpointer      user_data)
{
  Quadrant *quadrant = user_data;
  GsItem *item = read_item ((Reader *) reader, o, "frequency", FALSE);

  if (item == NULL)
    return FALSE;
  item->polarity_row = quadrant->row;
  item->pole = quadrant->pole;
  item->side = quadrant->side;
  g_ptr_array_add (quadrant->content->items[quadrant->side], item);
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
  Quadrant quadrant = { row, pole, side, content };
  guint n;

  content->items[side] = own_array (r);
  if (!each_object (r, items_object, side_names[side], TRUE, read_quadrant_item_cb, &quadrant))
    return FALSE;
  n = content->items[side]->len;
  if (n < 2 || n > 4)
    return fail_at (r, side_names[side], GS_INSTRUMENT_ERROR_INVALID,
                    "a quadrant needs 2 to 4 rating items, found %u", n);
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
read_polarity_row_cb (GsJsonReader *reader,
                      JsonObject   *o,
                      guint         index,
                      gpointer      user_data)
{
  Reader *r = (Reader *) reader;
  GsPolarityRow *row = own (r, g_new0 (GsPolarityRow, 1));

  g_ptr_array_add (r->self->polarity.rows, row);
  return read_polarity_row (r, o, (int) index, row);
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
  gsize mark;

  if (o == NULL)
    return FALSE;
  mark = enter_member (r, "polarity");
  polarity->rows = own_array (r);
  if (!read_text (r, o, "title", TRUE, &polarity->title) ||
      !read_text (r, o, "left_label", TRUE, &polarity->labels[GS_POLE_LEFT]) ||
      !read_text (r, o, "right_label", TRUE, &polarity->labels[GS_POLE_RIGHT]) ||
      !read_purpose_and_fear (r, o, polarity) ||
      !each_object (r, o, "rows", TRUE, read_polarity_row_cb, NULL))
    return FALSE;
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
          gsize index_mark = enter_index (r, i);
          GHashTable *table = l == 0 ? r->self->domains_by_id : r->self->items_by_id;
          const char *id = gs_json_reader_element_string (&r->json, ids, i);
          gpointer target;

          if (id == NULL)
            return FALSE;
          target = g_hash_table_lookup (table, id);
          if (target == NULL)
            return fail (r, GS_INSTRUMENT_ERROR_UNKNOWN_ID, "unknown %s “%s”", l == 0 ? "domain" : "item", id);
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
read_stage_cb (GsJsonReader *reader,
               JsonObject   *o,
               guint         index,
               gpointer      user_data)
{
  Reader *r = (Reader *) reader;
  GsStage *stage = own (r, g_new0 (GsStage, 1));

  g_ptr_array_add (r->self->stages, stage);
  return read_id (r, o, r->ids[ID_STAGE], "stage", &stage->id) &&
         read_text (r, o, "name", TRUE, &stage->name) &&
         read_text (r, o, "description", TRUE, &stage->description) &&
         read_source (r, o, &stage->source) &&
         read_stage_evidence (r, o, stage);
}

static gboolean
read_stages (Reader     *r,
             JsonObject *root)
{
  JsonObject *o = read_object (r, root, "stages");
  JsonNode *threshold;
  gsize mark;

  if (o == NULL)
    return FALSE;
  mark = enter_member (r, "stages");
  if (!read_text (r, o, "derivation", TRUE, &r->self->stages_derivation) ||
      (threshold = get_member (r, o, "threshold", JSON_NODE_VALUE, G_TYPE_DOUBLE, TRUE)) == NULL)
    return FALSE;
  r->self->stage_threshold = json_node_get_double (threshold);
  if (r->self->stage_threshold <= 0 || r->self->stage_threshold >= 100)
    return fail_at (r, "threshold", GS_INSTRUMENT_ERROR_INVALID,
                    "expected a score between 0 and 100, found %g", r->self->stage_threshold);
  if (!each_object (r, o, "list", TRUE, read_stage_cb, NULL))
    return FALSE;
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
    return fail_at (r, "format", GS_INSTRUMENT_ERROR_FORMAT,
                    "format version %" G_GINT64_FORMAT " is not supported (this version of Groundswell reads version %d)",
                    json_node_get_int (format), GS_INSTRUMENT_FORMAT_VERSION);
  if (!read_text (r, root, "id", TRUE, &r->self->id) ||
      (version = get_member (r, root, "version", JSON_NODE_VALUE, G_TYPE_INT64, TRUE)) == NULL ||
      !read_text (r, root, "title", TRUE, &r->self->title))
    return FALSE;
  r->self->version = (int) json_node_get_int (version);
  if (r->self->version < 1)
    return fail_at (r, "version", GS_INSTRUMENT_ERROR_INVALID, "expected a version of 1 or more");
  return TRUE;
}

static gboolean
read_instrument (Reader   *r,
                 JsonNode *root_node)
{
  JsonObject *root;

  if (!JSON_NODE_HOLDS_OBJECT (root_node))
    return fail (r, GS_INSTRUMENT_ERROR_TYPE, "expected an object, found %s", gs_json_type_name (root_node));
  root = json_node_get_object (root_node);

  return read_header (r, root) &&
         read_references (r, root) &&
         read_scales (r, root) &&
         read_domains (r, root) &&
         read_polarity (r, root) &&
         read_stages (r, root);
}

/* Fills the empty @self from the parsed @root of the file @name. */
gboolean
gs_instrument_read (GsInstrument  *self,
                    JsonNode      *root,
                    const char    *name,
                    GError       **error)
{
  Reader r = { .self = self };
  gboolean ok;

  gs_json_reader_init (&r.json, name, GS_INSTRUMENT_ERROR, GS_INSTRUMENT_ERROR_MISSING,
                       GS_INSTRUMENT_ERROR_TYPE, error);
  for (guint i = 0; i < G_N_ELEMENTS (r.ids); i++)
    r.ids[i] = g_hash_table_new (g_str_hash, g_str_equal);
  ok = read_instrument (&r, root);
  for (guint i = 0; i < G_N_ELEMENTS (r.ids); i++)
    g_hash_table_unref (r.ids[i]);
  gs_json_reader_clear (&r.json);
  return ok;
}
