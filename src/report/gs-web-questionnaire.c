/* gs-web-questionnaire.c — the questions as one web page, for respondents on other computers
 *
 * A respondent who will not install Groundswell opens this file from an email in any
 * browser, answers, and presses "Save My Answers", which downloads a `responses` file for the
 * consultant to import (docs/exchange-formats.md). The page is one self-contained file:
 *
 * - The questions are HTML written here, not built by script, so that the structure a
 *   screen reader relies on is in the document itself: each part a heading, each statement a
 *   fieldset whose legend is the statement, its choices a radio group of labelled buttons,
 *   a hint tied to the group, a note one step away in a <details>.
 * - The style and the script (data/questionnaire/) are inlined, and a Content-Security-Policy
 *   allows exactly those two texts by their SHA-256 hashes and nothing else: no request can
 *   leave the page, so the trust's answers never pass through anyone else.
 * - What the script needs (the ids that make the saved file importable, and its few
 *   messages, translated here) is a JSON block the script reads; its "<" are escaped so that
 *   no name can close the block.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gs-report"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "core/gs-exchange.h"
#include "core/gs-safe-file.h"
#include "gs-web-questionnaire.h"

#include "core/gs-language.h"
#include "gs-web-bilingual.h"

#define RESOURCE_DIR "/org/groundswell/Groundswell/questionnaire/"

/* The text of a bundled resource (the style or the script). */
static char *
load_asset (const char *name)
{
  g_autofree char *path = g_strconcat (RESOURCE_DIR, name, NULL);
  g_autoptr(GBytes) bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);

  g_return_val_if_fail (bytes != NULL, g_strdup (""));
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* "'sha256-…'": the Content-Security-Policy source that allows exactly @text. */
static char *
csp_hash (const char *text)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  guint8 digest[32];
  gsize length = sizeof digest;
  g_autofree char *base64 = NULL;

  g_checksum_update (checksum, (const guchar *) text, (gssize) strlen (text));
  g_checksum_get_digest (checksum, digest, &length);
  base64 = g_base64_encode (digest, length);
  return g_strdup_printf ("'sha256-%s'", base64);
}

/* Appends @text as HTML text or attribute value. */
static void
append_escaped (GString    *html,
                const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text != NULL ? text : "", -1);

  g_string_append (html, escaped);
}

/* Appends printf-style HTML whose %s arguments are escaped first. */
static void G_GNUC_PRINTF (2, 3)
append_html (GString    *html,
             const char *format,
             ...)
{
  va_list args;
  g_autofree char *text = NULL;

  va_start (args, format);
  text = g_markup_vprintf_escaped (format, args);
  va_end (args);
  g_string_append (html, text);
}

static void
add_member (JsonBuilder *b,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_string_value (b, value != NULL ? value : "");
}

/* What the script needs to write an importable file, and its messages. */
/**
 * gs_web_questionnaire_script_data:
 *
 * Returns: (transfer full): @root as JSON to stand in the page's <script> block. JSON allows
 * "\u003c" for "<" inside strings, the only place "<" can be: then no text can end the
 * block early.
 */
char *
gs_web_questionnaire_script_data (JsonNode *root)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *json = NULL;
  GString *escaped;

  json_generator_set_root (generator, root);
  json = json_generator_to_data (generator, NULL);
  escaped = g_string_new (json);
  g_string_replace (escaped, "<", "\\u003c", 0);
  return g_string_free (escaped, FALSE);
}

static char *
page_data (GsAssessment          *assessment,
           const GsWebRespondent *respondent)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GsAssessment) empty = gs_assessment_new_like (assessment);
  g_autofree char *skeleton = gs_exchange_write_json (empty, GS_EXCHANGE_RESPONSES);

  json_builder_begin_object (b);
  /* The responses file the page saves, as the exchange writer makes it, with no respondent
   * yet: the format, its version and the ids are written in one place. */
  json_builder_set_member_name (b, "file");
  json_builder_add_value (b, json_from_string (skeleton, NULL));
  json_builder_set_member_name (b, "respondent");
  json_builder_begin_object (b);
  add_member (b, "id", respondent->uuid);
  add_member (b, "name", respondent->name);
  add_member (b, "group", respondent->group);
  json_builder_end_object (b);
  json_builder_set_member_name (b, "messages");
  json_builder_begin_object (b);
  /* Translators: keep {answered} and {total}; they are replaced with numbers. */
  add_member (b, "progress", _("Answered: {answered} of {total}"));
  /* Translators: keep {file}, {answered} and {total}. */
  add_member (b, "saved", _("Saved as “{file}” in your downloads, with {answered} of {total} answered. "
                            "Send that file to the person who asked you. You can come back, change "
                            "answers and save again."));
  /* Translators: the name of a respondent who gave none; keep {code}. */
  add_member (b, "anonymous", _("Anonymous {code}"));
  add_member (b, "clear", _("Clear every answer on this page from this browser? Save them first if you have not."));
  json_builder_end_object (b);
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  return gs_web_questionnaire_script_data (root);
}

static void
append_head (GString      *html,
             GsAssessment *assessment,
             const char   *style,
             const char   *script)
{
  g_autofree char *style_hash = csp_hash (style);
  g_autofree char *script_hash = csp_hash (script);

  /* Translators: the language code of your translation (cy, es…): a screen reader speaks the page with it. */
  append_html (html, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
                     "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n", C_("html lang", "en"));
  /* Nothing may load: no network, no fonts, no images; only the two blocks below run. */
  g_string_append_printf (html, "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                                "style-src %s; script-src %s; base-uri 'none'; form-action 'none'\">\n",
                          style_hash, script_hash);
  append_html (html, "<title>%s — %s</title>\n", _("Questionnaire"), gs_assessment_get_organisation_name (assessment));
  g_string_append_printf (html, "<style>%s</style>\n</head>\n", style);
}

static void
append_introduction (GString      *html,
                     GsInstrument *instrument,
                     GsAssessment *assessment)
{
  guint n_items = gs_instrument_get_items (instrument)->len;
  guint minutes = gs_instrument_estimate_minutes (instrument);
  g_autofree char *how = g_strdup_printf (
    g_dngettext (GETTEXT_PACKAGE,
                 "There are %u statements; answering takes about %u minute. For each, choose the answer that "
                 "says how far it is true of your organisation today, as you see it. Choose “Don't know” when "
                 "you cannot say, and “Not applicable” where the statement does not apply. There are no right "
                 "answers: the results show where people agree and where they see things differently.",
                 "There are %u statements; answering takes about %u minutes. For each, choose the answer that "
                 "says how far it is true of your organisation today, as you see it. Choose “Don't know” when "
                 "you cannot say, and “Not applicable” where the statement does not apply. There are no right "
                 "answers: the results show where people agree and where they see things differently.",
                 minutes),
    n_items, minutes);

  g_string_append (html, "<body>\n<header>\n");
  append_html (html, "<h1>%s</h1>\n", _("Readiness for an improvement movement: questionnaire"));
  append_html (html, "<p class=\"subtitle\">%s — %s</p>\n", gs_assessment_get_organisation_name (assessment),
               gs_assessment_get_title (assessment));
  g_string_append (html, "</header>\n<main>\n");
  append_html (html, "<p>%s</p>\n", how);
  append_html (html, "<p>%s</p>\n",
               _("Your answers stay in this browser, on this computer, as you give them: you can close the page and "
                 "open the file again later to go on. Nothing is sent anywhere. When you have finished, press "
                 "“Save My Answers” at the end and send the file it saves to the person who asked you."));
  append_html (html, "<noscript><p class=\"status\">%s</p></noscript>\n",
               _("This questionnaire needs JavaScript to keep and save your answers. Please turn it on, or ask "
                 "for the questionnaire on paper."));
}

static void
append_who (GString      *html,
            GsAssessment *assessment)
{
  GPtrArray *respondents = gs_assessment_get_respondents (assessment);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  append_html (html, "<fieldset class=\"who\">\n<legend>%s</legend>\n", _("About you"));
  append_html (html, "<label for=\"gs-name\">%s</label>\n", _("Your name, or the code you were given"));
  append_html (html, "<p class=\"help\" id=\"gs-name-help\">%s</p>\n",
               _("Leave it empty to answer anonymously."));
  g_string_append (html, "<input type=\"text\" id=\"gs-name\" autocomplete=\"name\" aria-describedby=\"gs-name-help\">\n");
  append_html (html, "<label for=\"gs-group\">%s</label>\n", _("Your group"));
  append_html (html, "<p class=\"help\" id=\"gs-group-help\">%s</p>\n",
               _("For example board, managers or front line: whatever the person who asked you said."));
  g_string_append (html, "<input type=\"text\" id=\"gs-group\" list=\"gs-groups\" aria-describedby=\"gs-group-help\">\n"
                         "<datalist id=\"gs-groups\">");
  for (guint r = 0; r < respondents->len; r++)
    {
      const GsRespondent *respondent = g_ptr_array_index (respondents, r);

      if (respondent->group[0] != '\0' && g_hash_table_add (seen, respondent->group))
        append_html (html, "<option value=\"%s\"></option>", respondent->group);
    }
  g_string_append (html, "</datalist>\n</fieldset>\n");
}

static void
append_choice (GString    *html,
               const char *item_id,
               const char *value,
               const char *label)
{
  append_html (html, "<label><input type=\"radio\" name=\"%s\" value=\"%s\"><span>%s</span></label>\n",
               item_id, value, label);
}

/* One statement: a fieldset named by it, its scale as a radio group, don't know and not
 * applicable where the scale offers them, and an optional note. */
static void
append_item (GString      *html,
             const GsItem *item,
             guint         number)
{
  gboolean has_hint = item->hint != NULL && item->hint[0] != '\0';

  append_html (html, "<fieldset class=\"item\" data-item=\"%s\" id=\"item-%s\"", item->id, item->id);
  if (has_hint)
    append_html (html, " aria-describedby=\"hint-%s\"", item->id);
  append_html (html, ">\n<legend><span class=\"number\">%u.</span> %s</legend>\n", number, item->statement);
  if (has_hint)
    append_html (html, "<p class=\"hint\" id=\"hint-%s\">%s</p>\n", item->id, item->hint);
  g_string_append (html, "<div class=\"choices\">\n");
  for (int point = 0; point < GS_SCALE_POINTS; point++)
    {
      char value[2] = { (char) ('1' + point), '\0' };
      append_choice (html, item->id, value, item->scale->labels[point]);
    }
  if (item->scale->allows_dont_know)
    append_choice (html, item->id, "dont-know", _("Don't know"));
  if (item->scale->allows_not_applicable)
    append_choice (html, item->id, "not-applicable", _("Not applicable"));
  g_string_append (html, "</div>\n<details class=\"note\">");
  append_html (html, "<summary>%s</summary>\n", _("Add a note (optional)"));
  append_html (html, "<label for=\"note-%s\">%s</label>\n", item->id, _("What you have seen that led to your answer"));
  append_html (html, "<textarea id=\"note-%s\" rows=\"3\"></textarea>\n</details>\n</fieldset>\n", item->id);
}

static void
append_parts (GString      *html,
              GsInstrument *instrument)
{
  guint n_parts = gs_instrument_get_n_parts (instrument), number = 0;

  for (guint p = 0; p < n_parts; p++)
    {
      g_autofree char *title = NULL;
      const char *description = NULL;
      g_autoptr(GPtrArray) items = gs_instrument_get_part (instrument, p, &title, &description);
      /* Translators: a heading, "Part 2 of 12: Organisational context" */
      g_autofree char *heading = g_strdup_printf (_("Part %u of %u: %s"), p + 1, n_parts, title);

      append_html (html, "<section aria-labelledby=\"part-%u\">\n<h2 id=\"part-%u\">%s</h2>\n", p + 1, p + 1, heading);
      if (description != NULL)
        append_html (html, "<p class=\"part-description\">%s</p>\n", description);
      for (guint i = 0; i < items->len; i++)
        append_item (html, g_ptr_array_index (items, i), ++number);
      g_string_append (html, "</section>\n");
    }
}

static void
append_finish (GString *html)
{
  append_html (html, "<section class=\"finish\" aria-labelledby=\"gs-finish\">\n<h2 id=\"gs-finish\">%s</h2>\n",
               _("Save your answers"));
  g_string_append (html, "<p id=\"gs-progress\" class=\"status\" role=\"status\"></p>\n");
  append_html (html, "<p>%s</p>\n",
               _("You can save before you have answered everything, and save again later: the newest file counts."));
  append_html (html, "<button type=\"button\" id=\"gs-save\">%s</button>\n", _("Save My Answers"));
  g_string_append (html, "<p id=\"gs-saved\" role=\"status\"></p>\n");
  /* On a shared computer the next person must not find these answers. */
  append_html (html, "<p>%s</p>\n",
               _("On a computer others use too, clear your answers from this browser once you have saved "
                 "them."));
  append_html (html, "<button type=\"button\" id=\"gs-clear\" class=\"secondary\">%s</button>\n",
               _("Clear My Answers from This Browser"));
  g_string_append (html, "</section>\n");
}

/**
 * gs_web_questionnaire_build:
 * @instrument: the questions @assessment is answered with
 * @respondent: who the page is for (fields may be NULL: anyone)
 *
 * Returns: (transfer full): the whole page, UTF-8 HTML
 */
char *
gs_web_questionnaire_build (GsInstrument          *instrument,
                            GsAssessment          *assessment,
                            const GsWebRespondent *respondent)
{
  g_autofree char *style = load_asset ("questionnaire.css");
  g_autofree char *script = load_asset ("questionnaire.js");
  g_autofree char *data = page_data (assessment, respondent);
  GString *html = g_string_new (NULL);

  append_head (html, assessment, style, script);
  append_introduction (html, instrument, assessment);
  g_string_append (html, "<form id=\"gs-form\">\n");
  append_who (html, assessment);
  append_parts (html, instrument);
  append_finish (html);
  g_string_append (html, "</form>\n</main>\n<footer>\n<p>");
  append_escaped (html, _("The statements draw on Bate P, Robert G, Bevan H. The next phase of healthcare improvement: "
                          "what can we learn from social movements? Qual Saf Health Care 2004;13:62–66. "
                          "Made with Groundswell."));
  g_string_append_printf (html, "</p>\n</footer>\n<script type=\"application/json\" id=\"gs-data\">%s</script>\n"
                                "<script>%s</script>\n</body>\n</html>\n", data, script);
  return g_string_free (html, FALSE);
}

/* The page in the process's language and in the respondent's second language, merged
 * (gs-web-bilingual.c). The process switches language for the second page and back: only
 * the command line asks for this, where no other thread translates meanwhile. */
static char *
build_bilingual (GsInstrument          *instrument,
                 GsAssessment          *assessment,
                 const GsWebRespondent *respondent,
                 GError               **error)
{
  const char *first_language = gs_language_current ();
  g_autofree char *first = gs_web_questionnaire_build (instrument, assessment, respondent);
  g_autofree char *second = NULL;
  g_autoptr(GsInstrument) newest = NULL;
  g_autoptr(GsInstrument) asked = NULL;

  if (!gs_language_use (respondent->second_language, error))
    return NULL;
  /* the instrument's texts are translated as it loads: load it again in this language */
  if ((newest = gs_instrument_load_default (error)) != NULL &&
      (asked = gs_instrument_for_assessment (newest, assessment, error)) != NULL)
    second = gs_web_questionnaire_build (asked, assessment, respondent);
  gs_language_use (first_language, NULL);
  if (second == NULL)
    return NULL;
  return gs_web_bilingual_merge (first, first_language, second, respondent->second_language, error);
}

/**
 * gs_web_questionnaire_write:
 *
 * Writes the page to @path through a temporary file, so a failure leaves no half page.
 */
gboolean
gs_web_questionnaire_write (GsInstrument          *instrument,
                            GsAssessment          *assessment,
                            const GsWebRespondent *respondent,
                            const char            *path,
                            GError               **error)
{
  g_autofree char *html = NULL;

  if (gs_language_is_other (respondent->second_language))
    html = build_bilingual (instrument, assessment, respondent, error);
  else
    html = gs_web_questionnaire_build (instrument, assessment, respondent);
  return html != NULL && gs_safe_file_write (path, html, strlen (html), error);
}

/* Adds a respondent with no answers yet, with the id the page carries: the assessment then
 * shows them as sent a questionnaire and not yet returned, and their file merges into them.
 * The same path as a returned file (gs_store_import), so the same checks apply. */
static gboolean
add_sent_respondent (GsStore          *store,
                     GsAssessment     *assessment,
                     GsWebRespondent  *respondent,
                     GError          **error)
{
  g_autoptr(GsAssessment) sent = gs_assessment_new_like (assessment);

  gs_assessment_add_respondent (sent, respondent->uuid, respondent->name, respondent->group);
  return gs_store_import (store, sent, GS_EXCHANGE_RESPONSES, GS_IMPORT_REFUSE_DUPLICATE, NULL, error) != 0;
}

/**
 * gs_web_questionnaire_send:
 * @assessment_id: the assessment in @store to ask about
 * @name: (nullable): the respondent's name, or %NULL for a page anyone can fill in
 * @group: (nullable): their group
 * @second_language: (nullable): a second language the page offers, with a switch at its top
 *
 * Writes the page to @path. With a name, the page is for that respondent: one already in
 * the assessment by that name, or one added now (after the page is written) with no answers.
 */
gboolean
gs_web_questionnaire_send (GsStore       *store,
                           GsInstrument  *instrument,
                           gint64         assessment_id,
                           const char    *name,
                           const char    *group,
                           const char    *second_language,
                           const char    *path,
                           GError       **error)
{
  g_autoptr(GsAssessment) assessment = gs_store_load_assessment (store, assessment_id, error);
  g_autoptr(GsInstrument) asked = NULL;
  g_autofree char *uuid = NULL;
  GsWebRespondent respondent = { NULL, name, group, second_language };
  GsRespondent *existing;

  if (assessment == NULL || (asked = gs_instrument_for_assessment (instrument, assessment, error)) == NULL)
    return FALSE;
  if (name == NULL || name[0] == '\0')
    return gs_web_questionnaire_write (asked, assessment, &respondent, path, error);
  if (gs_text_find_control (name) != NULL || (group != NULL && gs_text_find_control (group) != NULL))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("A name and a group are each one line of text."));
      return FALSE;
    }

  existing = gs_assessment_find_respondent_by_name (assessment, name);
  respondent.uuid = existing != NULL ? existing->uuid : (uuid = g_uuid_string_random ());
  if (existing != NULL && (group == NULL || group[0] == '\0'))
    respondent.group = existing->group;
  respondent.group = respondent.group != NULL ? respondent.group : "";
  if (!gs_web_questionnaire_write (asked, assessment, &respondent, path, error))
    return FALSE;
  return existing != NULL || add_sent_respondent (store, assessment, &respondent, error);
}
