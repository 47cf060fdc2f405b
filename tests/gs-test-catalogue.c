/* gs-test-catalogue.c — the translations' catalogues as the tests read them: to find the
 * words a translated document must hold, and the English sentences it must not
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "gs-test-catalogue.h"

typedef struct {
  char *msgid;
  char *msgstr;    /* the first form, for plurals */
} Message;

static void
message_free (gpointer data)
{
  Message *message = data;

  g_free (message->msgid);
  g_free (message->msgstr);
  g_free (message);
}

/* The C string of one quoted .po line ("…"), its escapes undone. */
static void
append_po_string (GString    *out,
                  const char *line)
{
  const char *start = strchr (line, '"');
  const char *end = strrchr (line, '"');
  g_autofree char *quoted = NULL;
  g_autofree char *text = NULL;

  if (start == NULL || end == start)
    return;
  quoted = g_strndup (start + 1, end - start - 1);
  text = g_strcompress (quoted);
  g_string_append (out, text);
}

/* Adds the message read so far to @messages, unless it is the header (msgid ""). */
static void
take_message (GPtrArray *messages,
              GString   *id,
              GString   *str)
{
  Message *message;

  if (id == NULL)
    return;
  if (id->len == 0)
    {
      g_string_free (id, TRUE);
      g_string_free (str, TRUE);
      return;
    }
  message = g_new0 (Message, 1);
  message->msgid = g_string_free (id, FALSE);
  message->msgstr = g_string_free (str, FALSE);
  g_ptr_array_add (messages, message);
}

/* Every message of a .po catalogue, its header left out. */
GPtrArray *
gs_test_catalogue_read (const char *lang)
{
  g_autofree char *path = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "..", "po", lang, NULL);
  g_autofree char *po = g_strconcat (path, ".po", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *messages = g_ptr_array_new_with_free_func (message_free);
  GString *id = NULL, *str = NULL, *current = NULL;

  g_assert_true (g_file_get_contents (po, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];

      if (g_str_has_prefix (line, "msgid "))
        {
          take_message (messages, id, str);
          id = g_string_new (NULL);
          str = g_string_new (NULL);
          current = id;
        }
      else if (g_str_has_prefix (line, "msgid_plural "))
        current = NULL;
      else if (g_str_has_prefix (line, "msgstr ") || g_str_has_prefix (line, "msgstr[0] "))
        current = str;
      else if (g_str_has_prefix (line, "msgstr["))
        {
          current = NULL;
          continue;
        }
      else if (line[0] != '"')
        {
          current = NULL;
          continue;
        }
      if (current != NULL)
        append_po_string (current, line);
    }
  take_message (messages, id, str);
  return messages;
}

const char *
gs_test_catalogue_translation (GPtrArray  *catalogue,
                               const char *msgid)
{
  for (guint i = 0; i < catalogue->len; i++)
    {
      const Message *message = g_ptr_array_index (catalogue, i);

      if (g_str_equal (message->msgid, msgid))
        return message->msgstr;
    }
  g_error ("“%s” is not in the catalogue", msgid);
  return NULL;
}

/* Text with every run of blanks made one space, for finding words across line breaks. */
static char *
normalise (const char *text)
{
  g_autoptr(GRegex) blanks = g_regex_new ("\\s+", 0, 0, NULL);

  return g_regex_replace_literal (blanks, text, -1, 0, " ", 0, NULL);
}

/* The English sentences of @catalogue still in @text: each msgid whose translation differs
 * from it, cut at its placeholders (printf directives, {names}, line breaks, markup, quotes),
 * each piece of four words or more that its translation does not keep. */
static GPtrArray *
english_left (GPtrArray  *catalogue,
              const char *text)
{
  g_autoptr(GRegex) cuts = g_regex_new ("%[-+ #0-9.$]*[a-zA-Z]|\\{[a-z]+\\}|\\n|<[^>]*>|[“”\"]", 0, 0, NULL);
  g_autoptr(GRegex) words = g_regex_new ("\\pL+", 0, 0, NULL);
  g_autofree char *haystack = normalise (text);
  GPtrArray *left = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < catalogue->len; i++)
    {
      const Message *message = g_ptr_array_index (catalogue, i);
      g_auto(GStrv) pieces = NULL;

      if (g_str_equal (message->msgid, message->msgstr))
        continue;
      pieces = g_regex_split (cuts, message->msgid, 0);
      for (guint p = 0; pieces[p] != NULL; p++)
        {
          g_autoptr(GMatchInfo) match = NULL;
          g_autofree char *piece = normalise (pieces[p]);
          guint n_words = 0;

          g_strstrip (piece);
          g_regex_match (words, piece, 0, &match);
          while (g_match_info_matches (match))
            {
              n_words++;
              g_match_info_next (match, NULL);
            }
          /* a piece the translation keeps too is English on purpose: the paper's title */
          if (n_words >= 4 && strstr (haystack, piece) != NULL && strstr (message->msgstr, piece) == NULL)
            g_ptr_array_add (left, g_steal_pointer (&piece));
        }
    }
  return left;
}

void
gs_test_assert_no_english (GPtrArray  *catalogue,
                           const char *what,
                           const char *text)
{
  g_autoptr(GPtrArray) left = english_left (catalogue, text);

  for (guint i = 0; i < left->len && i < 12; i++)
    g_test_message ("English left in %s: “%s”", what, (const char *) g_ptr_array_index (left, i));
  g_assert_cmpuint (left->len, ==, 0);
}

