/* gs-web-bilingual.c — one web questionnaire in two languages, with a switch at the top
 *
 * A bilingual trust sends one file that each respondent reads in their language. The page
 * is built twice, once in each language (a process writes in one language at a time:
 * src/core/gs-language.c), and the two pages are merged here. Their markup is the same, tag
 * for tag; wherever their texts differ the merged page holds both, each in a <span lang>,
 * and the stylesheet shows only the spans of the page's language (data/questionnaire).
 * Buttons at the top change that language; the messages the script writes come in both.
 * Answers, ids and the file the page saves do not depend on the language.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "core/gs-language.h"
#include "gs-web-bilingual.h"
#include "gs-web-questionnaire.h"

/* The next token of @p: a tag "<…>" or the text up to the next tag. */
static const char *
next_token (const char *p)
{
  if (*p == '<')
    {
      const char *end = strchr (p, '>');
      return end != NULL ? end + 1 : p + strlen (p);
    }
  return p + strcspn (p, "<");
}

static gboolean
is_blank (const char *text,
          gsize       len)
{
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isspace (text[i]))
      return FALSE;
  return TRUE;
}

/* The page's data for its script, with the messages of both languages: the script picks
 * those of the language shown (questionnaire.js). */
static char *
merge_data (const char *first,
            gsize       first_len,
            const char *first_lang,
            const char *second,
            gsize       second_len,
            const char *second_lang)
{
  g_autoptr(JsonParser) a = json_parser_new ();
  g_autoptr(JsonParser) b = json_parser_new ();
  JsonObject *root, *by_language;

  if (!json_parser_load_from_data (a, first, first_len, NULL) || !json_parser_load_from_data (b, second, second_len, NULL))
    return g_strndup (first, first_len);
  root = json_node_get_object (json_parser_get_root (a));
  by_language = json_object_new ();
  json_object_set_member (by_language, first_lang, json_node_copy (json_object_get_member (root, "messages")));
  json_object_set_member (by_language, second_lang,
                          json_node_copy (json_object_get_member (json_node_get_object (json_parser_get_root (b)), "messages")));
  json_object_set_object_member (root, "messages_by_language", by_language);
  return gs_web_questionnaire_script_data (json_parser_get_root (a));
}

static void
append_switch (GString    *html,
               const char *first_lang,
               const char *second_lang)
{
  g_string_append (html, "\n<nav class=\"languages\" aria-label=\"Language / Iaith / Idioma\">");
  for (int i = 0; i < 2; i++)
    {
      const char *code = i == 0 ? first_lang : second_lang;

      g_string_append_printf (html, "<button type=\"button\" lang=\"%s\" data-language=\"%s\" aria-pressed=\"%s\">%s</button>",
                              code, code, i == 0 ? "true" : "false", gs_language_name (code));
    }
  g_string_append (html, "</nav>");
}

/**
 * gs_web_bilingual_merge:
 * @first: the page in @first_lang, the language it opens in
 * @second: the same page in @second_lang
 *
 * Returns: (transfer full) (nullable): the page in both languages, or NULL with @error when
 * the two pages are not the same page
 */
char *
gs_web_bilingual_merge (const char  *first,
                        const char  *first_lang,
                        const char  *second,
                        const char  *second_lang,
                        GError     **error)
{
  GString *html = g_string_new (NULL);
  const char *a = first, *b = second;
  gboolean in_data = FALSE, in_raw = FALSE, in_title = FALSE;

  while (*a != '\0' && *b != '\0')
    {
      const char *a_end = next_token (a), *b_end = next_token (b);
      gsize a_len = a_end - a, b_len = b_end - b;
      gboolean same = a_len == b_len && memcmp (a, b, a_len) == 0;

      if ((*a == '<') != (*b == '<'))
        break;
      if (*a == '<')
        {
          g_string_append_len (html, a, a_len);
          if (g_str_has_prefix (a, "<body"))
            append_switch (html, first_lang, second_lang);
          in_data = g_str_has_prefix (a, "<script type=\"application/json\"");
          /* the script and the style stay as the first page has them; the title, which
           * cannot hold spans, names the page in both: "Holiadur … / Questionnaire …" */
          in_raw = g_str_has_prefix (a, "<script") || g_str_has_prefix (a, "<style");
          in_title = g_str_has_prefix (a, "<title");
        }
      else if (in_data)
        {
          g_autofree char *data = merge_data (a, a_len, first_lang, b, b_len, second_lang);
          g_string_append (html, data);
        }
      else if (same || in_raw || is_blank (a, a_len))
        g_string_append_len (html, a, a_len);
      else if (in_title)
        {
          g_string_append_len (html, a, a_len);
          g_string_append (html, " / ");
          g_string_append_len (html, b, b_len);
        }
      else
        {
          g_string_append_printf (html, "<span lang=\"%s\">", first_lang);
          g_string_append_len (html, a, a_len);
          g_string_append_printf (html, "</span><span lang=\"%s\">", second_lang);
          g_string_append_len (html, b, b_len);
          g_string_append (html, "</span>");
        }
      a = a_end;
      b = b_end;
    }
  if (*a != '\0' || *b != '\0')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           _("The questionnaire could not be made in two languages: its two pages differ."));
      g_string_free (html, TRUE);
      return NULL;
    }
  return g_string_free (html, FALSE);
}
