/* test-instrument.c — the shipped instrument, and how loading refuses a broken one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>

#include "core/gs-instrument.h"

/* Table 1 of Bate, Robert and Bevan, copied from the paper character for character. */
static const char *table_1[6][2] = {
  { "A planned programme of change with goals and milestones (centrally led)",
    "Change is about releasing energy and is largely self-directing (bottom up)" },
  { "“Motivating” people",
    "“Moving” people" },
  { "Change is driven by an appeal to the “what’s in it for me”",
    "There may well be personal costs involved" },
  { "Talks about “overcoming resistance”",
    "Insists change needs opposition—it is the friend not the enemy of change" },
  { "Change is done “to” people or “with” them—leaders and followers",
    "People change themselves and each other—peer to peer" },
  { "Driven by formal systems change: structures (roles, institutions) lead the change process",
    "Driven by informal systems: structures consolidate, stabilise and institutionalise emergent meanings but create nothing" },
};

static GsInstrument *
load_default (void)
{
  g_autoptr(GError) error = NULL;
  GsInstrument *instrument = gs_instrument_load_default (&error);

  g_assert_no_error (error);
  g_assert_nonnull (instrument);
  return instrument;
}

static void
test_default_loads (void)
{
  g_autoptr(GsInstrument) instrument = load_default ();
  GPtrArray *domains = gs_instrument_get_domains (instrument);
  guint n_context = 0, n_triggering = 0;

  g_assert_cmpstr (gs_instrument_get_id (instrument), ==, "movement-readiness");
  g_assert_cmpint (gs_instrument_get_version (instrument), >=, 1);

  for (guint i = 0; i < domains->len; i++)
    {
      const GsDomain *domain = g_ptr_array_index (domains, i);

      g_assert_cmpuint (domain->suggestions->len, >=, 1);
      g_assert_cmpuint (domain->suggestions->len, <=, 2);
      if (domain->part == GS_PART_RECEPTIVE_CONTEXT)
        {
          n_context++;
          g_assert_cmpuint (domain->items->len, >=, 5);
          g_assert_cmpuint (domain->items->len, <=, 8);
        }
      else
        {
          g_assert_cmpint (domain->part, ==, GS_PART_TRIGGERING_CONDITIONS);
          n_triggering++;
        }
    }
  g_assert_cmpuint (n_context, ==, 4);
  g_assert_cmpuint (n_triggering, ==, 1);
  g_assert_nonnull (gs_instrument_lookup_domain (instrument, "organisational"));
  g_assert_nonnull (gs_instrument_lookup_domain (instrument, "structural"));
  g_assert_nonnull (gs_instrument_lookup_domain (instrument, "political"));
  g_assert_nonnull (gs_instrument_lookup_domain (instrument, "cultural"));
}

/* Every item, wherever it sits, cites a known reference with a section and a quotation. */
static void
test_every_item_has_a_source (void)
{
  g_autoptr(GsInstrument) instrument = load_default ();
  GPtrArray *items = gs_instrument_get_items (instrument);

  g_assert_cmpuint (items->len, >, 50);
  for (guint i = 0; i < items->len; i++)
    {
      const GsItem *item = g_ptr_array_index (items, i);

      g_assert_nonnull (gs_instrument_lookup_reference (instrument, item->source.ref));
      g_assert_cmpuint (strlen (item->source.section), >, 0);
      g_assert_cmpuint (strlen (item->source.quote), >, 0);
      g_assert_cmpuint (strlen (item->statement), >, 0);
      g_assert_true (item->scale != NULL);
      if (item->domain != NULL)
        {
          g_assert_nonnull (item->hint);
          /* Written from the organisation's point of view. */
          g_assert_true (g_str_has_prefix (item->statement, "We ") ||
                         g_str_has_prefix (item->statement, "Our ") ||
                         g_str_has_prefix (item->statement, "When our "));
        }
    }
}

static void
test_table_1_word_for_word (void)
{
  g_autoptr(GsInstrument) instrument = load_default ();
  const GsPolarity *polarity = gs_instrument_get_polarity (instrument);

  g_assert_cmpuint (polarity->rows->len, ==, 6);
  g_assert_cmpstr (polarity->labels[GS_POLE_LEFT], ==, "Programmatic approach");
  g_assert_cmpstr (polarity->labels[GS_POLE_RIGHT], ==, "Social movements approach");
  for (guint row = 0; row < 6; row++)
    {
      const GsPolarityRow *r = g_ptr_array_index (polarity->rows, row);

      for (GsPole pole = 0; pole < GS_N_POLES; pole++)
        {
          const GsPoleContent *content = &r->poles[pole];

          g_assert_cmpstr (content->pole, ==, table_1[row][pole]);
          g_assert_cmpuint (content->action_steps->len, >=, 1);
          g_assert_cmpuint (content->early_warnings->len, >=, 1);
          for (GsSide side = 0; side < GS_N_SIDES; side++)
            {
              g_assert_cmpuint (content->statements[side]->len, >=, 1);
              g_assert_cmpuint (content->items[side]->len, >=, 2);
              g_assert_cmpuint (content->items[side]->len, <=, 4);
              g_assert_cmpstr (((const GsItem *) content->items[side]->pdata[0])->scale->id, ==, "frequency");
              g_assert_nonnull (content->suggestions[side].text);
            }
        }
    }
}

static void
test_three_stages (void)
{
  g_autoptr(GsInstrument) instrument = load_default ();
  GPtrArray *stages = gs_instrument_get_stages (instrument);

  g_assert_cmpuint (stages->len, ==, 3);
  g_assert_nonnull (strstr (gs_instrument_get_stages_derivation (instrument), "Figure 1"));
  for (guint i = 0; i < stages->len; i++)
    {
      const GsStage *stage = g_ptr_array_index (stages, i);
      g_assert_cmpuint (stage->evidence_domains->len + stage->evidence_items->len, >, 0);
      g_assert_cmpstr (stage->source.ref, ==, "paper");
    }
}

static char *
collapse_spaces (const char *text)
{
  g_autoptr(GRegex) spaces = g_regex_new ("\\s+", 0, 0, NULL);
  return g_regex_replace_literal (spaces, text, -1, 0, " ", 0, NULL);
}

static void
check_paper_quotes (JsonNode   *node,
                    const char *paper,
                    guint      *n_checked)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      g_autoptr(GList) members = json_object_get_members (object);

      if (g_strcmp0 (json_object_get_string_member_with_default (object, "ref", ""), "paper") == 0)
        {
          g_auto(GStrv) parts = g_strsplit (json_object_get_string_member (object, "quote"), " ... ", -1);
          for (guint i = 0; parts[i] != NULL; i++)
            {
              g_autofree char *part = collapse_spaces (parts[i]);
              if (strstr (paper, part) == NULL)
                g_error ("quotation not found in the paper: %s", part);
              (*n_checked)++;
            }
        }
      for (GList *l = members; l != NULL; l = l->next)
        check_paper_quotes (json_object_get_member (object, l->data), paper, n_checked);
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (array); i++)
        check_paper_quotes (json_array_get_element (array, i), paper, n_checked);
    }
}

/* Each quotation cited from the paper appears in it verbatim: content stays traceable. */
static void
test_paper_quotes_are_verbatim (void)
{
  static const char *versions[] = { "movement-readiness.json", "movement-readiness-2.json" };
  const char *paper_path = g_getenv ("GS_PAPER_PATH");
  g_autofree char *paper_text = NULL;
  g_autofree char *paper = NULL;

  if (paper_path == NULL || !g_file_get_contents (paper_path, &paper_text, NULL, NULL))
    {
      g_test_skip ("the paper is not beside the repository (../shared/reference)");
      return;
    }
  paper = collapse_spaces (paper_text);
  for (guint v = 0; v < G_N_ELEMENTS (versions); v++)
    {
      g_autofree char *resource = g_strconcat ("/org/groundswell/Groundswell/instruments/", versions[v], NULL);
      g_autoptr(GBytes) bytes = g_resources_lookup_data (resource, 0, NULL);
      g_autoptr(JsonParser) parser = json_parser_new ();
      guint n_checked = 0;

      g_assert_nonnull (bytes);
      g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));
      check_paper_quotes (json_parser_get_root (parser), paper, &n_checked);
      g_assert_cmpuint (n_checked, >, 100);
    }
}

/* A question both versions ask sits in the same domain, or the same quadrant, in both: a
 * comparison across versions scores each assessment with the other's instrument. */
static void
test_shared_questions_keep_their_place (void)
{
  g_autoptr(GsInstrument) older = gs_instrument_lookup ("movement-readiness", 1, NULL);
  g_autoptr(GsInstrument) newest = gs_instrument_load_default (NULL);
  GPtrArray *items = gs_instrument_get_items (newest);
  guint n_shared = 0;

  g_assert_nonnull (older);
  for (guint i = 0; i < items->len; i++)
    {
      const GsItem *item = g_ptr_array_index (items, i);
      const GsItem *before = gs_instrument_lookup_item (older, item->id);

      if (before == NULL)
        continue;
      n_shared++;
      g_assert_cmpstr (item->domain != NULL ? item->domain->id : "", ==, before->domain != NULL ? before->domain->id : "");
      g_assert_cmpint (item->polarity_row, ==, before->polarity_row);
      if (item->polarity_row >= 0)
        {
          g_assert_cmpint (item->pole, ==, before->pole);
          g_assert_cmpint (item->side, ==, before->side);
        }
    }
  g_assert_cmpuint (n_shared, ==, 60);
}

/* A text's row in SOURCES.md: its passage is listed, or it is marked as Groundswell's own. */
static void
assert_listed (const char          *sources,
               const GsSourcedText *text)
{
  g_autofree char *row = NULL;
  const char *at;

  if (text->source.ref != NULL)
    {
      if (strstr (sources, text->source.quote) == NULL)
        g_error ("SOURCES.md does not list the passage “%s” of “%s”", text->source.quote, text->text);
      return;
    }
  if ((at = strstr (sources, text->text)) != NULL && (at = strchr (at, '\n')) != NULL)
    row = g_strndup (sources, at - sources);
  if (row == NULL || !g_str_has_suffix (row, "Groundswell's own |"))
    g_error ("SOURCES.md does not mark “%s” as Groundswell's own", text->text);
}

static void
assert_pole_listed (const char          *sources,
                    const GsPoleContent *pole)
{
  for (GsSide side = 0; side < GS_N_SIDES; side++)
    {
      for (guint i = 0; i < pole->statements[side]->len; i++)
        assert_listed (sources, g_ptr_array_index (pole->statements[side], i));
      for (guint i = 0; i < pole->items[side]->len; i++)
        assert_listed (sources, &(GsSourcedText) { ((const GsItem *) g_ptr_array_index (pole->items[side], i))->statement,
                                                   ((const GsItem *) g_ptr_array_index (pole->items[side], i))->source });
      assert_listed (sources, &pole->suggestions[side]);
    }
  for (guint i = 0; i < pole->action_steps->len; i++)
    assert_listed (sources, g_ptr_array_index (pole->action_steps, i));
  for (guint i = 0; i < pole->early_warnings->len; i++)
    assert_listed (sources, g_ptr_array_index (pole->early_warnings, i));
}

static void
assert_instrument_listed (const char   *sources,
                          GsInstrument *instrument)
{
  GPtrArray *domains = gs_instrument_get_domains (instrument);
  const GsPolarity *polarity = gs_instrument_get_polarity (instrument);

  for (guint d = 0; d < domains->len; d++)
    {
      const GsDomain *domain = g_ptr_array_index (domains, d);

      for (guint i = 0; i < domain->items->len; i++)
        {
          const GsItem *item = g_ptr_array_index (domain->items, i);
          g_autofree char *row = g_strdup_printf ("\n| %s | %s", item->id, item->statement);

          g_assert_nonnull (strstr (sources, row));
          assert_listed (sources, &(GsSourcedText) { item->statement, item->source });
        }
      for (guint s = 0; s < domain->suggestions->len; s++)
        assert_listed (sources, g_ptr_array_index (domain->suggestions, s));
    }
  for (guint r = 0; r < polarity->rows->len; r++)
    for (GsPole pole = 0; pole < GS_N_POLES; pole++)
      assert_pole_listed (sources, &((const GsPolarityRow *) g_ptr_array_index (polarity->rows, r))->poles[pole]);
  assert_listed (sources, &polarity->greater_purpose);
  assert_listed (sources, &polarity->deeper_fear);
}

/* data/instruments/SOURCES.md accounts for every item, suggestion and map text of every
 * version that ships: the passage it cites, or that it is Groundswell's own. */
static void
test_sources_table_lists_every_text (void)
{
  g_autoptr(GsInstrument) newest = gs_instrument_load_default (NULL);
  g_autofree char *sources = NULL;

  g_assert_true (g_file_get_contents (g_getenv ("GS_SOURCES_PATH"), &sources, NULL, NULL));
  for (int version = 1; version <= gs_instrument_get_version (newest); version++)
    {
      g_autoptr(GsInstrument) instrument = gs_instrument_lookup ("movement-readiness", version, NULL);

      g_assert_nonnull (instrument);
      assert_instrument_listed (sources, instrument);
    }
}

/* --- Broken instruments: each is the shipped file with one thing wrong. --- */

typedef void (*Breaker) (JsonObject *root);

static JsonObject *
first_item (JsonObject *root, guint domain)
{
  JsonObject *d = json_array_get_object_element (json_object_get_array_member (root, "domains"), domain);
  return json_array_get_object_element (json_object_get_array_member (d, "items"), 0);
}

static void break_format (JsonObject *root) { json_object_set_int_member (root, "format", 2); }
static void break_missing_statement (JsonObject *root) { json_object_remove_member (first_item (root, 1), "statement"); }
static void break_empty_hint (JsonObject *root) { json_object_set_string_member (first_item (root, 2), "hint", "   "); }
static void break_wrong_type (JsonObject *root) { json_object_set_int_member (first_item (root, 0), "statement", 42); }
static void break_unknown_scale (JsonObject *root) { json_object_set_string_member (first_item (root, 3), "scale", "agree"); }
static void break_unknown_reference (JsonObject *root)
{
  json_object_set_string_member (json_object_get_object_member (first_item (root, 0), "source"), "ref", "nobody2020");
}
static void break_duplicate_item (JsonObject *root)
{
  json_object_set_string_member (first_item (root, 1), "id", json_object_get_string_member (first_item (root, 0), "id"));
}
static void break_duplicate_domain (JsonObject *root)
{
  JsonArray *domains = json_object_get_array_member (root, "domains");
  json_object_set_string_member (json_array_get_object_element (domains, 2), "id", "organisational");
}
static void break_unknown_stage_item (JsonObject *root)
{
  JsonObject *stages = json_object_get_object_member (root, "stages");
  JsonObject *stage = json_array_get_object_element (json_object_get_array_member (stages, "list"), 1);
  json_array_add_string_element (json_object_get_array_member (json_object_get_object_member (stage, "evidence"), "items"), "no-such-item");
}
static void break_quadrant_size (JsonObject *root)
{
  JsonObject *polarity = json_object_get_object_member (root, "polarity");
  JsonObject *row = json_array_get_object_element (json_object_get_array_member (polarity, "rows"), 3);
  JsonObject *items = json_object_get_object_member (json_object_get_object_member (row, "right"), "items");
  json_array_remove_element (json_object_get_array_member (items, "downside"), 0);
}
static void break_labels (JsonObject *root)
{
  JsonObject *scale = json_array_get_object_element (json_object_get_array_member (root, "scales"), 1);
  json_array_remove_element (json_object_get_array_member (scale, "labels"), 4);
}

typedef struct {
  const char        *name;
  Breaker            breaker;
  GsInstrumentError  code;
  const char        *message;  /* the whole expected message after the file name */
} BrokenCase;

static void break_item_source (JsonObject *root) { json_object_remove_member (first_item (root, 0), "source"); }

static const BrokenCase broken_cases[] = {
  { "item-without-source", break_item_source, GS_INSTRUMENT_ERROR_MISSING,
    "$.domains[0].items[0]: “source” is missing" },
  { "format", break_format, GS_INSTRUMENT_ERROR_FORMAT,
    "$.format: format version 2 is not supported (this version of Groundswell reads version 1)" },
  { "missing-statement", break_missing_statement, GS_INSTRUMENT_ERROR_MISSING,
    "$.domains[1].items[0]: “statement” is missing" },
  { "empty-hint", break_empty_hint, GS_INSTRUMENT_ERROR_MISSING,
    "$.domains[2].items[0].hint: the text is empty" },
  { "wrong-type", break_wrong_type, GS_INSTRUMENT_ERROR_TYPE,
    "$.domains[0].items[0].statement: expected a string, found a number" },
  { "unknown-scale", break_unknown_scale, GS_INSTRUMENT_ERROR_UNKNOWN_ID,
    "$.domains[3].items[0].scale: unknown scale “agree”" },
  { "unknown-reference", break_unknown_reference, GS_INSTRUMENT_ERROR_UNKNOWN_ID,
    "$.domains[0].items[0].source.ref: unknown reference “nobody2020”" },
  { "duplicate-item", break_duplicate_item, GS_INSTRUMENT_ERROR_DUPLICATE_ID,
    "$.domains[1].items[0].id: item id “org-key-people” is used twice" },
  { "duplicate-domain", break_duplicate_domain, GS_INSTRUMENT_ERROR_DUPLICATE_ID,
    "$.domains[2].id: domain id “organisational” is used twice" },
  { "unknown-stage-item", break_unknown_stage_item, GS_INSTRUMENT_ERROR_UNKNOWN_ID,
    "$.stages.list[1].evidence.items[7]: unknown item “no-such-item”" },
  { "quadrant-size", break_quadrant_size, GS_INSTRUMENT_ERROR_INVALID,
    "$.polarity.rows[3].right.items.downside: a quadrant needs 2 to 4 rating items, found 1" },
  { "scale-labels", break_labels, GS_INSTRUMENT_ERROR_INVALID,
    "$.scales[1].labels: expected 5 labels, one for each point of the scale, found 4" },
};

/* Loads the shipped version-1 file as @name after @change has changed it. */
static GsInstrument *
load_changed (Breaker      change,
              const char  *name,
              GError     **error)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data ("/org/groundswell/Groundswell/instruments/movement-readiness.json", 0, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));
  change (json_node_get_object (json_parser_get_root (parser)));
  json_generator_set_root (generator, json_parser_get_root (parser));
  text = json_generator_to_data (generator, NULL);
  return gs_instrument_new_from_data (text, -1, name, error);
}

static void
test_broken (gconstpointer data)
{
  const BrokenCase *c = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GsInstrument) instrument = load_changed (c->breaker, "broken.json", &error);
  g_autofree char *expected = NULL;

  g_assert_null (instrument);
  g_assert_error (error, GS_INSTRUMENT_ERROR, (int) c->code);
  expected = g_strconcat ("broken.json: ", c->message, NULL);
  g_assert_cmpstr (error->message, ==, expected);
}

/* A suggestion with no source is Groundswell's own advice: it loads, with no reference, and
 * is never attributed to the paper. */
static void
remove_first_suggestion_source (JsonObject *root)
{
  JsonObject *domain = json_array_get_object_element (json_object_get_array_member (root, "domains"), 0);

  json_object_remove_member (json_array_get_object_element (json_object_get_array_member (domain, "suggestions"), 0),
                             "source");
}

static void
test_own_text_without_source (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GsInstrument) instrument = load_changed (remove_first_suggestion_source, "own.json", &error);
  const GsDomain *loaded;

  g_assert_no_error (error);
  loaded = g_ptr_array_index (gs_instrument_get_domains (instrument), 0);
  g_assert_null (((const GsSourcedText *) g_ptr_array_index (loaded->suggestions, 0))->source.ref);
}

static void
test_not_json (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GsInstrument) instrument = gs_instrument_new_from_data ("{ \"format\": 1, ", -1, "cut.json", &error);

  g_assert_null (instrument);
  g_assert_error (error, GS_INSTRUMENT_ERROR, GS_INSTRUMENT_ERROR_PARSE);
  g_assert_true (g_str_has_prefix (error->message, "cut.json: not valid JSON: "));
}

static void
test_root_not_object (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GsInstrument) instrument = gs_instrument_new_from_data ("[1, 2, 3]", -1, "list.json", &error);

  g_assert_null (instrument);
  g_assert_error (error, GS_INSTRUMENT_ERROR, GS_INSTRUMENT_ERROR_TYPE);
  g_assert_cmpstr (error->message, ==, "list.json: $: expected an object, found an array");
}

static void
test_missing_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GsInstrument) instrument = gs_instrument_new_from_file ("/nonexistent/instrument.json", &error);

  g_assert_null (instrument);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_nonnull (strstr (error->message, "/nonexistent/instrument.json"));
}

/* The shipped file loads from a path as well as from the resource bundle. */
static void
test_load_from_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "instruments", "movement-readiness.json", NULL);
  g_autoptr(GsInstrument) instrument = gs_instrument_new_from_file (path, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (gs_instrument_get_id (instrument), ==, "movement-readiness");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/instrument/default-loads", test_default_loads);
  g_test_add_func ("/instrument/every-item-has-a-source", test_every_item_has_a_source);
  g_test_add_func ("/instrument/table-1-word-for-word", test_table_1_word_for_word);
  g_test_add_func ("/instrument/three-stages", test_three_stages);
  g_test_add_func ("/instrument/own-text-without-source", test_own_text_without_source);
  g_test_add_func ("/instrument/sources-table-lists-every-text", test_sources_table_lists_every_text);
  g_test_add_func ("/instrument/shared-questions-keep-their-place", test_shared_questions_keep_their_place);
  g_test_add_func ("/instrument/paper-quotes-are-verbatim", test_paper_quotes_are_verbatim);
  g_test_add_func ("/instrument/load-from-file", test_load_from_file);
  g_test_add_func ("/instrument/broken/not-json", test_not_json);
  g_test_add_func ("/instrument/broken/root-not-object", test_root_not_object);
  g_test_add_func ("/instrument/broken/missing-file", test_missing_file);
  for (guint i = 0; i < G_N_ELEMENTS (broken_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/instrument/broken/%s", broken_cases[i].name);
      g_test_add_data_func (path, &broken_cases[i], test_broken);
    }

  return g_test_run ();
}
