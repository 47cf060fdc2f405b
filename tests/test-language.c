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

#include "gs-test-catalogue.h"
#include "gs-test-util.h"

/* Runs groundswell with @argv (the program first, NULL-terminated); keeps what it printed. */
static gboolean
spawn (GPtrArray  *argv,
       char      **out,
       char      **err)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;

  process = g_subprocess_newv ((const char * const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, out, err, &error);
  g_assert_no_error (error);
  return g_subprocess_get_successful (process);
}

/* groundswell's path, then each of @args up to NULL. */
static GPtrArray *
command (const char *first,
         va_list     ap)
{
  GPtrArray *argv = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (argv, g_strdup (g_getenv ("GS_EXECUTABLE")));
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (argv, g_strdup (arg));
  g_ptr_array_add (argv, NULL);
  return argv;
}

/* Runs groundswell in @lang with @args (NULL-terminated) and returns what it printed. */
static char *
run_in (const char *lang,
        const char *database,
        ...)
{
  g_autofree char *language_arg = g_strdup_printf ("--language=%s", lang);
  g_autofree char *database_arg = g_strdup_printf ("--database=%s", database);
  g_autoptr(GPtrArray) argv = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  va_list ap;

  va_start (ap, database);
  argv = command (language_arg, ap);
  va_end (ap);
  g_ptr_array_insert (argv, 2, g_steal_pointer (&database_arg));
  if (!spawn (argv, &out, &err))
    g_error ("groundswell --language=%s failed: %s", lang, err);
  return out;
}

/* Runs groundswell with @first and the arguments after it (NULL-terminated), which must
 * fail; returns what it printed on stderr. */
static char *
run_failing (const char *first,
             ...)
{
  g_autoptr(GPtrArray) argv = NULL;
  g_autofree char *out = NULL;
  char *err = NULL;
  va_list ap;

  va_start (ap, first);
  argv = command (first, ap);
  va_end (ap);
  g_assert_false (spawn (argv, &out, &err));
  return err;
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
  g_autoptr(GPtrArray) catalogue = gs_test_catalogue_read (lang);
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
  appendix = gs_test_catalogue_translation (catalogue, "Appendix: the paper’s words in English");
  g_assert_nonnull (strstr (report_text, appendix));
  cut = strstr (report_text, appendix);
  /* the contents page names the appendix too: cut at its last appearance, its heading */
  for (char *next = cut; next != NULL; next = strstr (next + 1, appendix))
    cut = next;
  *cut = '\0';
  g_assert_nonnull (strstr (report_text, gs_test_catalogue_translation (catalogue, "Executive summary")));
  g_assert_nonnull (strstr (report_text, gs_test_catalogue_translation (catalogue, "Suggestions")));
  g_assert_nonnull (strstr (report_text, strstr (gs_test_catalogue_translation (catalogue, "%s (translated)"), "%s") + 3));
  gs_test_assert_no_english (catalogue, "the report", report_text);

  chart_text = gs_test_pdf_text (chart);
  gs_test_assert_no_english (catalogue, "the chart", chart_text);
  printable_text = gs_test_pdf_text (printable);
  gs_test_assert_no_english (catalogue, "the printable questionnaire", printable_text);
  web_text = html_text (web);
  g_assert_nonnull (strstr (web_text, gs_test_catalogue_translation (catalogue, "Save My Answers")));
  gs_test_assert_no_english (catalogue, "the web questionnaire", web_text);
  g_assert_true (g_file_get_contents (plan, &plan_text, NULL, NULL));
  gs_test_assert_no_english (catalogue, "the plan", plan_text);
  gs_test_assert_no_english (catalogue, "--list", listing);

  /* Dates are the language's: no English month name anywhere before the appendix. */
  for (const char * const *month = (const char *[]) { "January", "February", "March", "April", "June", "July",
                                                      "August", "September", "October", "November", "December",
                                                      NULL };
       *month != NULL; month++)
    g_assert_null (strstr (report_text, *month));
}

/* A language Groundswell does not speak is refused by name, before anything is written. */
static void
test_unknown_language (void)
{
  g_autofree char *database = gs_test_temp_path ("unknown.db");
  g_autofree char *page = gs_test_temp_path ("page.html");
  g_autofree char *database_arg = g_strconcat ("--database=", database, NULL);
  g_autofree char *output_arg = g_strconcat ("--output=", page, NULL);
  g_autofree char *said = NULL, *said_again = NULL;

  said = run_failing ("--language=xx", database_arg, "--demo", NULL);
  g_assert_nonnull (strstr (said, "“xx” is not a language Groundswell speaks: use en (English), cy (Cymraeg) or es"));
  g_assert_false (g_file_test (database, G_FILE_TEST_EXISTS));

  g_free (run_in ("en", database, "--demo", NULL));
  said_again = run_failing ("--language=cy", database_arg, "--export-questionnaire=1", output_arg,
                            "--second-language=fr", NULL);
  g_assert_nonnull (strstr (said_again, "“fr”"));
  g_assert_false (g_file_test (page, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_data_func ("/language/documents/cy", "cy", test_documents);
  g_test_add_data_func ("/language/documents/es", "es", test_documents);
  g_test_add_func ("/language/unknown-language-refused", test_unknown_language);
  return g_test_run ();
}
