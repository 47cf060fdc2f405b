/* test-language.c — Groundswell in Welsh and Spanish, as a reader of its documents finds it
 *
 * Each test makes the fictional example in one language, exports what a consultant sends
 * out — the PDF report, a chart, the printable and the web questionnaires, the plan — and
 * reads them back as text. No English sentence of the catalogue may be left in them (every
 * msgid of four words or more, split at its placeholders, is looked for), except in the
 * report's appendix of the paper's words in English and its references, which are English on
 * purpose; the translations of a few headings must be there; dates are the language's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "gs-test-util.h"

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

/* Every message of a .po catalogue, its header left out. */
static GPtrArray *
read_catalogue (const char *lang)
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
          if (id != NULL && id->len > 0)
            {
              Message *message = g_new0 (Message, 1);
              message->msgid = g_string_free (id, FALSE);
              message->msgstr = g_string_free (str, FALSE);
              g_ptr_array_add (messages, message);
            }
          else if (id != NULL)
            {
              g_string_free (id, TRUE);
              g_string_free (str, TRUE);
            }
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
  if (id != NULL && id->len > 0)
    {
      Message *message = g_new0 (Message, 1);
      message->msgid = g_string_free (id, FALSE);
      message->msgstr = g_string_free (str, FALSE);
      g_ptr_array_add (messages, message);
    }
  else if (id != NULL)
    {
      g_string_free (id, TRUE);
      g_string_free (str, TRUE);
    }
  return messages;
}

static const char *
translation_of (GPtrArray  *catalogue,
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

static void
assert_no_english (GPtrArray  *catalogue,
                   const char *what,
                   const char *text)
{
  g_autoptr(GPtrArray) left = english_left (catalogue, text);

  for (guint i = 0; i < left->len && i < 12; i++)
    g_test_message ("English left in %s: “%s”", what, (const char *) g_ptr_array_index (left, i));
  g_assert_cmpuint (left->len, ==, 0);
}

/* Runs groundswell in @lang with @args (NULL-terminated) and returns what it printed. */
static char *
run_in (const char *lang,
        const char *database,
        ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  va_list ap;

  g_ptr_array_add (argv, g_strdup (g_getenv ("GS_EXECUTABLE")));
  g_ptr_array_add (argv, g_strdup_printf ("--language=%s", lang));
  g_ptr_array_add (argv, g_strdup_printf ("--database=%s", database));
  va_start (ap, database);
  for (const char *arg = va_arg (ap, const char *); arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (argv, g_strdup (arg));
  va_end (ap);
  g_ptr_array_add (argv, NULL);
  process = g_subprocess_newv ((const char * const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  if (!g_subprocess_get_successful (process))
    g_error ("groundswell --language=%s failed: %s", lang, err);
  return out;
}

static char *
html_text (const char *path)
{
  g_autofree char *html = NULL;
  g_autoptr(GRegex) scripts = g_regex_new ("<(script|style)[^>]*>.*?</\\1>", G_REGEX_DOTALL, 0, NULL);
  g_autoptr(GRegex) tags = g_regex_new ("<[^>]*>", 0, 0, NULL);
  g_autofree char *bare = NULL;
  g_autofree char *text = NULL;
  GString *unescaped;

  g_assert_true (g_file_get_contents (path, &html, NULL, NULL));
  bare = g_regex_replace_literal (scripts, html, -1, 0, " ", 0, NULL);
  text = g_regex_replace_literal (tags, bare, -1, 0, " ", 0, NULL);
  unescaped = g_string_new (text);
  g_string_replace (unescaped, "&lt;", "<", 0);
  g_string_replace (unescaped, "&gt;", ">", 0);
  g_string_replace (unescaped, "&quot;", "\"", 0);
  g_string_replace (unescaped, "&#39;", "'", 0);
  g_string_replace (unescaped, "&amp;", "&", 0);
  return g_string_free (unescaped, FALSE);
}

static void
test_documents (gconstpointer data)
{
  const char *lang = data;
  g_autoptr(GPtrArray) catalogue = read_catalogue (lang);
  g_autofree char *database = gs_test_temp_path ("language.db");
  g_autofree char *report = gs_test_temp_path ("report.pdf");
  g_autofree char *chart = gs_test_temp_path ("chart.pdf");
  g_autofree char *printable = gs_test_temp_path ("questionnaire.pdf");
  g_autofree char *web = gs_test_temp_path ("questionnaire.html");
  g_autofree char *plan = gs_test_temp_path ("plan.csv");
  g_autofree char *listing = NULL, *report_text = NULL, *chart_text = NULL, *printable_text = NULL;
  g_autofree char *web_text = NULL, *plan_text = NULL;
  g_autofree char *id_arg = NULL;
  const char *appendix;
  char *cut;
  gint64 id;

  g_free (run_in (lang, database, "--demo", NULL));
  listing = run_in (lang, database, "--list", NULL);
  id = g_ascii_strtoll (listing, NULL, 10);  /* the newest: the follow-up, with a comparison */
  g_assert_cmpint (id, >, 0);

  id_arg = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  {
    g_autofree char *report_arg = g_strconcat ("--export-report=", id_arg, NULL);
    g_autofree char *chart_arg = g_strconcat ("--export-chart=", id_arg, NULL);
    g_autofree char *questionnaire_arg = g_strconcat ("--export-questionnaire=", id_arg, NULL);
    g_autofree char *plan_arg = g_strconcat ("--export-plan=", id_arg, NULL);
    g_autofree char *report_out = g_strconcat ("--output=", report, NULL);
    g_autofree char *chart_out = g_strconcat ("--output=", chart, NULL);
    g_autofree char *printable_out = g_strconcat ("--output=", printable, NULL);
    g_autofree char *web_out = g_strconcat ("--output=", web, NULL);
    g_autofree char *plan_out = g_strconcat ("--output=", plan, NULL);

    g_free (run_in (lang, database, report_arg, report_out, NULL));
    g_free (run_in (lang, database, chart_arg, "--chart=polarity-summary", chart_out, NULL));
    g_free (run_in (lang, database, questionnaire_arg, printable_out, NULL));
    g_free (run_in (lang, database, questionnaire_arg, web_out, NULL));
    g_free (run_in (lang, database, plan_arg, plan_out, NULL));
  }

  /* The report: English only in its appendix of the paper's words and its references. */
  report_text = gs_test_pdf_text (report);
  appendix = translation_of (catalogue, "Appendix: the paper’s words in English");
  g_assert_nonnull (strstr (report_text, appendix));
  cut = strstr (report_text, appendix);
  /* the contents page names the appendix too: cut at its last appearance, its heading */
  for (char *next = cut; next != NULL; next = strstr (next + 1, appendix))
    cut = next;
  *cut = '\0';
  g_assert_nonnull (strstr (report_text, translation_of (catalogue, "Executive summary")));
  g_assert_nonnull (strstr (report_text, translation_of (catalogue, "Suggestions")));
  g_assert_nonnull (strstr (report_text, strstr (translation_of (catalogue, "%s (translated)"), "%s") + 3));
  assert_no_english (catalogue, "the report", report_text);

  chart_text = gs_test_pdf_text (chart);
  assert_no_english (catalogue, "the chart", chart_text);
  printable_text = gs_test_pdf_text (printable);
  assert_no_english (catalogue, "the printable questionnaire", printable_text);
  web_text = html_text (web);
  g_assert_nonnull (strstr (web_text, translation_of (catalogue, "Save My Answers")));
  assert_no_english (catalogue, "the web questionnaire", web_text);
  g_assert_true (g_file_get_contents (plan, &plan_text, NULL, NULL));
  assert_no_english (catalogue, "the plan", plan_text);
  assert_no_english (catalogue, "--list", listing);

  /* Dates are the language's: no English month name anywhere before the appendix. */
  for (const char * const *month = (const char *[]) { "January", "February", "March", "April", "June", "July",
                                                      "August", "September", "October", "November", "December",
                                                      NULL };
       *month != NULL; month++)
    g_assert_null (strstr (report_text, *month));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_data_func ("/language/documents/cy", "cy", test_documents);
  g_test_add_data_func ("/language/documents/es", "es", test_documents);
  return g_test_run ();
}
