/* gs-instrument.c — the assessment instrument: loading it, and what it holds
 *
 * Loading is strict: a content file that ships with a mistake would put a wrong question in
 * front of a board, so every error names the file, the JSON path and what was expected
 * (the reading is in gs-instrument-reader.c). All strings are copied into one string chunk
 * and all structures are tracked by the instrument, so the JSON tree is dropped as soon as
 * loading ends.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gs-instrument"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "gs-instrument-private.h"
#include "gs-language.h"


G_DEFINE_FINAL_TYPE (GsInstrument, gs_instrument, G_TYPE_OBJECT)

G_DEFINE_QUARK (gs-instrument-error-quark, gs_instrument_error)

/* The instruments that ship, oldest first. Every version stays: an assessment is scored,
 * exported and reported with the version it was answered with; new ones use the newest. */
static const struct {
  const char *id;
  int         version;
  const char *resource;
} shipped[] = {
  { "movement-readiness", 1, RESOURCE_BASE_PATH "/instruments/movement-readiness.json" },
  { "movement-readiness", 2, RESOURCE_BASE_PATH "/instruments/movement-readiness-2.json" },
};

/* Each shipped instrument is loaded once and shared: analyses load in worker threads. */
static GHashTable *loaded;  /* "id/version/language" → GsInstrument*, its texts translated */
G_LOCK_DEFINE_STATIC (loaded);

static void
gs_instrument_finalize (GObject *object)
{
  GsInstrument *self = (GsInstrument *) object;

  g_clear_pointer (&self->english, g_hash_table_unref);
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
  self->english = g_hash_table_new (NULL, NULL);
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

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (!json_parser_load_from_data (parser, data, length, &parse_error))
    {
      g_set_error (error, GS_INSTRUMENT_ERROR, GS_INSTRUMENT_ERROR_PARSE,
                   "%s: not valid JSON: %s", name, parse_error->message);
      return NULL;
    }

  if (!gs_instrument_read (self, json_parser_get_root (parser), name, error))
    return NULL;
  return g_steal_pointer (&self);
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

static GsInstrument *
load_resource (const char  *resource,
               GError     **error)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (resource, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  g_autofree char *name = g_path_get_basename (resource);
  gsize length = 0;
  const char *data;

  if (bytes == NULL)
    return NULL;
  data = g_bytes_get_data (bytes, &length);
  return gs_instrument_new_from_data (data, (gssize) length, name, error);
}

/**
 * gs_instrument_lookup:
 * @id: an instrument id, as an assessment records it
 * @version: its version
 *
 * Returns: (transfer full) (nullable): the shipped instrument, shared; %NULL with
 *   %GS_INSTRUMENT_ERROR_NOT_SHIPPED when this build does not have it
 */
GsInstrument *
gs_instrument_lookup (const char  *id,
                      int          version,
                      GError     **error)
{
  g_autofree char *key = g_strdup_printf ("%s/%d/%s", id, version, gs_language_current ());
  GsInstrument *instrument = NULL;

  g_return_val_if_fail (id != NULL, NULL);

  G_LOCK (loaded);
  if (loaded == NULL)
    loaded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  instrument = g_hash_table_lookup (loaded, key);
  for (guint i = 0; instrument == NULL && i < G_N_ELEMENTS (shipped); i++)
    if (g_str_equal (shipped[i].id, id) && shipped[i].version == version &&
        (instrument = load_resource (shipped[i].resource, error)) != NULL)
      g_hash_table_insert (loaded, g_strdup (key), instrument);
  G_UNLOCK (loaded);
  if (instrument == NULL && error != NULL && *error == NULL)
    g_set_error (error, GS_INSTRUMENT_ERROR, GS_INSTRUMENT_ERROR_NOT_SHIPPED,
                 _("This Groundswell does not have version %d of the questionnaire “%s”. Update Groundswell to "
                   "open it."), version, id);
  return instrument != NULL ? g_object_ref (instrument) : NULL;
}

/**
 * gs_instrument_load_default:
 *
 * Returns: (transfer full) (nullable): the newest instrument that ships, for new assessments
 */
GsInstrument *
gs_instrument_load_default (GError **error)
{
  return gs_instrument_lookup (shipped[G_N_ELEMENTS (shipped) - 1].id, shipped[G_N_ELEMENTS (shipped) - 1].version,
                               error);
}

/**
 * gs_instrument_stages_origin:
 *
 * Said wherever a stage is named: the stages are Groundswell's reading of the paper, not its
 * figure. The instrument's stages.derivation says it at length.
 *
 * Returns: (transfer none): the sentence, translated
 */
const char *
gs_instrument_stages_origin (void)
{
  return _("The stages are Groundswell’s reading of the paper: its Figure 1, “Three stages to build a movement”, "
           "is not in the text we have, so their names and descriptions are drawn from the words around it.");
}

/* Groundswell's own estimate of the time to read and answer one statement on a five-point
 * scale, hint unread; not a measurement. */
#define SECONDS_PER_ITEM 15

/**
 * gs_instrument_estimate_minutes:
 *
 * Returns: about how many minutes one respondent takes to answer every item, rounded up
 */
guint
gs_instrument_estimate_minutes (GsInstrument *self)
{
  g_return_val_if_fail (GS_IS_INSTRUMENT (self), 0);
  return (self->items->len * SECONDS_PER_ITEM + 59) / 60;
}

/**
 * gs_instrument_resolve:
 * @given: (nullable): the instrument at hand: the newest, or one a test loaded from a file
 *
 * The one rule for which questions an assessment or a file is read with: @given when it
 * is @id's @version, else the shipped version.
 *
 * Returns: (transfer full) (nullable): the instrument, or %NULL with
 *   %GS_INSTRUMENT_ERROR_NOT_SHIPPED
 */
GsInstrument *
gs_instrument_resolve (GsInstrument  *given,
                       const char    *id,
                       int            version,
                       GError       **error)
{
  if (given != NULL && g_str_equal (id, given->id) && version == given->version)
    return g_object_ref (given);
  return gs_instrument_lookup (id, version, error);
}

/**
 * gs_instrument_for_assessment:
 * @given: (nullable): as for gs_instrument_resolve()
 *
 * Returns: (transfer full) (nullable): the instrument @assessment was answered with
 */
GsInstrument *
gs_instrument_for_assessment (GsInstrument  *given,
                              GsAssessment  *assessment,
                              GError       **error)
{
  return gs_instrument_resolve (given, gs_assessment_get_instrument_id (assessment),
                                gs_assessment_get_instrument_version (assessment), error);
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
 * gs_instrument_get_english:
 * @text: a text of this instrument, as it holds it (the statement of one of its items, say)
 *
 * Returns: (nullable): the English original of @text when @text is a translation, else NULL
 * (the text is English, or not one of this instrument's). The paper's words are shown in
 * translation with their English one step away: a tooltip, the report's appendix.
 */
const char *
gs_instrument_get_english (GsInstrument *self,
                           const char   *text)
{
  g_return_val_if_fail (GS_IS_INSTRUMENT (self), NULL);
  return text != NULL ? g_hash_table_lookup (self->english, text) : NULL;
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

/**
 * gs_instrument_get_n_parts:
 *
 * Returns: how many parts the questions are asked in: one per domain, then one per row of
 *   Table 1
 */
guint
gs_instrument_get_n_parts (GsInstrument *self)
{
  g_return_val_if_fail (GS_IS_INSTRUMENT (self), 0);
  return self->domains->len + self->polarity.rows->len;
}

/**
 * gs_instrument_get_part:
 * @part: 0 … gs_instrument_get_n_parts() - 1
 * @title: (out) (transfer full): the part's title, "Cultural context" or "Table 1, row 2: …"
 * @description: (out) (transfer none): what the part asks
 *
 * The answer page and the paper questionnaire ask the questions in these parts, in order.
 *
 * Returns: (transfer container) (element-type GsItem): the part's items
 */
GPtrArray *
gs_instrument_get_part (GsInstrument  *self,
                        guint          part,
                        char         **title,
                        const char   **description)
{
  GPtrArray *items = g_ptr_array_new ();
  const GsPolarityRow *row;

  g_return_val_if_fail (GS_IS_INSTRUMENT (self), items);
  g_return_val_if_fail (part < gs_instrument_get_n_parts (self), items);

  if (part < self->domains->len)
    {
      const GsDomain *domain = g_ptr_array_index (self->domains, part);

      *title = g_strdup (domain->title);
      *description = domain->description;
      g_ptr_array_extend (items, domain->items, NULL, NULL);
      return items;
    }
  part -= self->domains->len;
  row = g_ptr_array_index (self->polarity.rows, part);
  *title = g_strdup_printf (_("Table 1, row %u: %s / %s"), part + 1, row->poles[GS_POLE_LEFT].pole,
                            row->poles[GS_POLE_RIGHT].pole);
  *description = _("How often do you see each of these in your organisation?");
  for (GsPole pole = 0; pole < GS_N_POLES; pole++)
    for (GsSide side = 0; side < GS_N_SIDES; side++)
      g_ptr_array_extend (items, row->poles[pole].items[side], NULL, NULL);
  return items;
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

static const char *pole_ids[GS_N_POLES] = { "left", "right" };

/* The key under which an assessment keeps its edit of one text, e.g. "plan-energy/left/upsides/0";
 * gs_instrument_has_polarity_text() reads the same form. */
char *
gs_polarity_text_key (const GsPolarityRow *row,
                      GsPole               pole,
                      const char          *field,
                      guint                index)
{
  return g_strdup_printf ("%s/%s/%s/%u", row->id, pole_ids[pole], field, index);
}

/* The texts of @content's list @field ("upsides", "downsides", "action_steps",
 * "early_warnings"), or NULL for another name. */
static GPtrArray *
pole_list (const GsPoleContent *content,
           const char          *field)
{
  if (g_str_equal (field, "upsides"))
    return content->statements[GS_SIDE_UPSIDE];
  if (g_str_equal (field, "downsides"))
    return content->statements[GS_SIDE_DOWNSIDE];
  if (g_str_equal (field, "action_steps"))
    return content->action_steps;
  if (g_str_equal (field, "early_warnings"))
    return content->early_warnings;
  return NULL;
}

/**
 * gs_instrument_has_polarity_text:
 * @key: "greater_purpose", "deeper_fear", or "ROW/left|right/pole/0" and
 *   "ROW/left|right/upsides|downsides|action_steps|early_warnings/N", as the polarity maps
 *   key an assessment's edited texts
 *
 * Returns: whether the instrument's maps have the text @key names
 */
gboolean
gs_instrument_has_polarity_text (GsInstrument *self,
                                 const char   *key)
{
  g_auto(GStrv) parts = NULL;
  guint64 index;

  g_return_val_if_fail (GS_IS_INSTRUMENT (self), FALSE);

  if (g_str_equal (key, "greater_purpose") || g_str_equal (key, "deeper_fear"))
    return TRUE;
  parts = g_strsplit (key, "/", -1);
  if (g_strv_length (parts) != 4 || !g_ascii_string_to_unsigned (parts[3], 10, 0, G_MAXUINT, &index, NULL))
    return FALSE;
  for (guint r = 0; r < self->polarity.rows->len; r++)
    {
      const GsPolarityRow *row = g_ptr_array_index (self->polarity.rows, r);
      const GsPoleContent *content;
      GPtrArray *list;

      if (!g_str_equal (row->id, parts[0]))
        continue;
      if (!g_str_equal (parts[1], pole_ids[GS_POLE_LEFT]) && !g_str_equal (parts[1], pole_ids[GS_POLE_RIGHT]))
        return FALSE;
      content = &row->poles[g_str_equal (parts[1], pole_ids[GS_POLE_LEFT]) ? GS_POLE_LEFT : GS_POLE_RIGHT];
      if (g_str_equal (parts[2], "pole"))
        return index == 0;
      list = pole_list (content, parts[2]);
      return list != NULL && index < list->len;
    }
  return FALSE;
}
