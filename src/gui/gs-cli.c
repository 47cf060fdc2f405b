/* gs-cli.c — the headless command line
 *
 * Handled in handle-local-options, before GTK starts, so that it needs no display: a
 * consultant can script exports, and tests can drive the real program. Every command exits
 * 0 on success; on failure it prints one line to stderr (what failed, which file, why) and
 * exits 1, having written nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gs-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "core/gs-exchange.h"
#include "core/gs-safe-file.h"
#include "core/gs-survey-import.h"
#include "gs-cli.h"
#include "core/gs-language.h"
#include "report/gs-chart-export.h"
#include "report/gs-questionnaire.h"
#include "report/gs-web-questionnaire.h"
#include "report/gs-report.h"
#include "store/gs-assessment-summary.h"
#include "store/gs-store.h"

static const GOptionEntry cli_entries[] = {
  { "list", 0, 0, G_OPTION_ARG_NONE, NULL,
    /* xgettext:no-c-format */
    N_("List the assessments, one per line: id, organisation, title, date, respondents, % answered"), NULL },
  { "demo", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Add a fictional example organisation with two assessments and a timeline"), NULL },
  { "import", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL,
    N_("Import an assessment, or respondents’ answers, from a .json or .csv file; print its id. Repeat to import "
       "several files, each on its own"), N_("FILE") },
  { "as-copy", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --import: import an assessment that is already here again, as a copy"), NULL },
  { "replace-older", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --import: a respondent's answers saved later replace the older ones already here"), NULL },
  { "import-survey", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Import a survey platform's CSV export (one row per respondent) into the --into assessment"), N_("FILE") },
  { "into", 0, 0, G_OPTION_ARG_INT64, NULL, N_("With --import-survey: the assessment the answers are for"), N_("ID") },
  { "name-column", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --import-survey: the header of the respondents' names (found by itself when called Name)"), N_("HEADER") },
  { "group-column", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --import-survey: the header of the respondents' groups (found by itself when called Group)"), N_("HEADER") },
  { "export-questionnaire", 0, 0, G_OPTION_ARG_INT64, NULL,
    N_("Write a questionnaire for this assessment to --output: a web page respondents fill in offline (.html) "
       "or a printable one, one part per page (.pdf)"), N_("ID") },
  { "respondent", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export-questionnaire to .html: the page is for this respondent, who is added to the assessment "
       "as sent a questionnaire"), N_("NAME") },
  { "group", 0, 0, G_OPTION_ARG_STRING, NULL, N_("With --respondent: their group"), N_("GROUP") },
  { "second-language", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export-questionnaire to .html: the page offers this language too (en, cy or es), with a switch at its top"),
    N_("CODE") },
  { "export-plan", 0, 0, G_OPTION_ARG_INT64, NULL,
    N_("Write the plan of the assessment with this id (its actions and signals to watch) to the --output file (.csv)"),
    N_("ID") },
  { "export-template", 0, 0, G_OPTION_ARG_INT64, NULL,
    N_("Write a CSV header for a survey platform, one column per question of this assessment, to --output"), N_("ID") },
  { "export", 0, 0, G_OPTION_ARG_INT64, NULL,
    N_("Export the assessment with this id to the --output file (.json or .csv)"), N_("ID") },
  { "output", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("The file to write"), N_("FILE") },
  { "export-chart", 0, 0, G_OPTION_ARG_INT64, NULL,
    N_("Draw a chart of the assessment with this id to the --output file (.png, .svg or .pdf)"), N_("ID") },
  { "chart", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export-chart: which chart (--export-chart alone lists their names)"), N_("NAME") },
  { "export-report", 0, 0, G_OPTION_ARG_INT64, NULL,
    N_("Write the PDF report of the assessment with this id to the --output file"), N_("ID") },
  { "paper", 0, 0, G_OPTION_ARG_STRING, NULL, N_("With --export-report or --export-questionnaire: a4 (the default) or letter"), N_("SIZE") },
  { "name-respondents", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --export-report: print respondents' names beside their evidence notes (left out by default)"), NULL },
  { "no-caption", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --export-chart: the chart alone, without its title, organisation, date and source"), NULL },
  { "width", 0, 0, G_OPTION_ARG_DOUBLE, NULL, N_("With --export-chart: the width in pixels (default 1600)"), N_("PX") },
  { "height", 0, 0, G_OPTION_ARG_DOUBLE, NULL, N_("With --export-chart: the height in pixels (default 1000)"), N_("PX") },
  { "scale", 0, 0, G_OPTION_ARG_DOUBLE, NULL, N_("With --export-chart: device pixels per pixel, for PNG (default 1)"), N_("N") },
  /* Applied by main() before anything is translated; declared here for --help. */
  { "language", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Write in this language: en (English), cy (Cymraeg) or es (Español); the window too"), N_("CODE") },
  /* Not headless: the window opens on these results and presents them (gs-application.c). */
  { "present", 0, 0, G_OPTION_ARG_INT64, NULL,
    N_("Open the window and present the results of the assessment with this id full screen"), N_("ID") },
  { NULL }
};

void
gs_cli_add_options (GApplication *application)
{
  g_application_add_main_option_entries (application, cli_entries);
}

static int
fail (const GError *error)
{
  g_printerr ("groundswell: %s\n", error->message);
  return 1;
}

static int
fail_with (const char *message)
{
  g_printerr ("groundswell: %s\n", message);
  return 1;
}

/* One field of a --list line: a database written before names were checked may still hold
 * a tab, a newline or a terminal escape; each is shown as U+FFFD, so that a line stays one
 * assessment and nothing reaches the terminal as a command. */
static char *
list_field (const char *text)
{
  GString *field = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      g_string_append_unichar (field, g_unichar_iscntrl (c) ? 0xFFFD : c);
    }
  return g_string_free (field, FALSE);
}

static int
run_list (GsStore *store)
{
  GListModel *assessments = gs_store_get_assessments (store);

  for (guint i = 0; i < g_list_model_get_n_items (assessments); i++)
    {
      g_autoptr(GsAssessmentSummary) row = g_list_model_get_item (assessments, i);
      guint n_respondents = gs_assessment_summary_get_n_respondents (row);
      double answered = gs_assessment_summary_get_share_answered (row);
      g_autofree char *organisation = list_field (gs_assessment_summary_get_organisation_name (row));
      g_autofree char *title = list_field (gs_assessment_summary_get_title (row));

      g_print ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\t%u\t%.0f%%\n",
               gs_assessment_summary_get_id (row), organisation, title, gs_assessment_summary_get_date (row),
               n_respondents, answered);
    }
  return 0;
}

static int
run_demo (GsStore      *store,
          GsInstrument *instrument)
{
  g_autoptr(GError) error = NULL;
  guint before = g_list_model_get_n_items (gs_store_get_assessments (store));
  guint after;

  if (!gs_store_add_demo (store, instrument, &error))
    return fail (error);
  after = g_list_model_get_n_items (gs_store_get_assessments (store));
  if (after == before)
    g_print (_("The example organisation is already in %s.\n"), gs_store_get_path (store));
  else
    g_print (_("Added the example organisation with %u assessments to %s.\n"), after - before, gs_store_get_path (store));
  return 0;
}

static int
run_import_one (GsStore      *store,
                GsInstrument *instrument,
                const char   *path,
                GsImportMode  mode)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GsAssessment) assessment = NULL;
  GsExchangeKind kind;
  gint64 id;

  assessment = gs_exchange_read_file (instrument, path, &kind, &error);
  if (assessment == NULL)
    return fail (error);
  id = gs_store_import (store, assessment, kind, mode, NULL, &error);
  if (id == 0 && g_error_matches (error, GS_EXCHANGE_ERROR, GS_EXCHANGE_ERROR_NEWER))
    {
      g_autofree char *message = g_strdup_printf ("%s: %s %s", path, error->message,
                                                  _("Import it again with --replace-older to replace the older answers."));
      return fail_with (message);
    }
  if (id == 0)
    return fail (error);
  g_print ("%" G_GINT64_FORMAT "\n", id);
  return 0;
}

static GsImportMode
import_mode (GVariantDict *options)
{
  if (g_variant_dict_contains (options, "as-copy"))
    return GS_IMPORT_AS_COPY;
  return g_variant_dict_contains (options, "replace-older") ? GS_IMPORT_REPLACE_OLDER : GS_IMPORT_REFUSE_DUPLICATE;
}

/* Each file on its own, in order: one that is refused says why and changes nothing, and the
 * others are still imported; the exit status says whether any was refused. */
static int
run_import (GsStore            *store,
            GsInstrument       *instrument,
            const char * const *paths,
            GsImportMode        mode)
{
  int status = 0;

  for (guint i = 0; paths[i] != NULL; i++)
    status |= run_import_one (store, instrument, paths[i], mode);
  return status;
}

/* --paper, when given, into @paper; FALSE (having said why) when it is not a paper size. */
static gboolean
read_paper (GVariantDict *options,
            GsPaper      *paper)
{
  g_autofree char *name = NULL;

  if (!g_variant_dict_lookup (options, "paper", "s", &name) || gs_paper_from_string (name, paper))
    return TRUE;
  {
    g_autofree char *message = g_strdup_printf (_("Unknown paper size “%s”: use a4 or letter"), name);
    fail_with (message);
  }
  return FALSE;
}

/* The assessment @id and the questions it was answered with. */
static GsAssessment *
load_with_instrument (GsStore       *store,
                      GsInstrument  *instrument,
                      gint64         id,
                      GsInstrument **asked,
                      GError       **error)
{
  g_autoptr(GsAssessment) assessment = gs_store_load_assessment (store, id, error);

  if (assessment == NULL || (*asked = gs_instrument_for_assessment (instrument, assessment, error)) == NULL)
    return NULL;
  return g_steal_pointer (&assessment);
}

static int
run_import_survey (GsStore      *store,
                   GsInstrument *instrument,
                   const char   *path,
                   GVariantDict *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GsInstrument) asked = NULL;
  g_autoptr(GsAssessment) target = NULL;
  g_autoptr(GsAssessment) responses = NULL;
  g_autofree char *contents = NULL, *summary = NULL, *name_column = NULL, *group_column = NULL;
  gsize length = 0;
  gint64 id = 0;
  guint added = 0;

  if (!g_variant_dict_lookup (options, "into", "x", &id))
    return fail_with (_("--import-survey needs --into=ID, the assessment the answers are for (see --list)"));
  g_variant_dict_lookup (options, "name-column", "s", &name_column);
  g_variant_dict_lookup (options, "group-column", "s", &group_column);
  if ((target = load_with_instrument (store, instrument, id, &asked, &error)) == NULL ||
      (contents = gs_exchange_load (path, &length, &error)) == NULL)
    return fail (error);
  responses = gs_survey_read (asked, target, contents, length, path, name_column, group_column, &summary, &error);
  if (summary != NULL)
    g_print ("%s\n", summary);
  if (responses == NULL || gs_store_import (store, responses, GS_EXCHANGE_RESPONSES, GS_IMPORT_REFUSE_DUPLICATE,
                                            &added, &error) == 0)
    return fail (error);
  g_print (g_dngettext (GETTEXT_PACKAGE, "Added %u respondent.\n", "Added %u respondents.\n", added), added);
  return 0;
}

/* What a CSV export writes, from the assessment and the version of the questions it was
 * answered with. */
typedef char *(*CsvWriter) (GsInstrument *asked,
                            GsAssessment *assessment);

static char *
write_template (GsInstrument *asked,
                GsAssessment *assessment)
{
  return gs_survey_write_template (asked);
}

/* --export-template and --export-plan: a CSV of assessment @id to @output, which must end
 * in .csv (@needs says so otherwise). */
static int
run_export_csv (GsStore      *store,
                GsInstrument *instrument,
                gint64        id,
                const char   *output,
                const char   *needs,
                CsvWriter     writer)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GsInstrument) asked = NULL;
  g_autoptr(GsAssessment) assessment = NULL;
  g_autofree char *lower = output != NULL ? g_ascii_strdown (output, -1) : NULL;
  g_autofree char *csv = NULL;

  if (output == NULL || !g_str_has_suffix (lower, ".csv"))
    return fail_with (needs);
  if ((assessment = load_with_instrument (store, instrument, id, &asked, &error)) == NULL)
    return fail (error);
  csv = writer (asked, assessment);
  if (!gs_safe_file_write (output, csv, strlen (csv), &error))
    return fail (error);
  return 0;
}

static int
run_export_questionnaire (GsStore      *store,
                          GsInstrument *instrument,
                          gint64        id,
                          GVariantDict *options,
                          const char   *output)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GsInstrument) asked = NULL;
  g_autoptr(GsAssessment) assessment = NULL;
  g_autofree char *lower = output != NULL ? g_ascii_strdown (output, -1) : NULL;
  g_autofree char *respondent = NULL, *group = NULL, *second_language = NULL;
  GsPaper paper = GS_PAPER_A4;

  if (output != NULL && (g_str_has_suffix (lower, ".html") || g_str_has_suffix (lower, ".htm")))
    {
      g_variant_dict_lookup (options, "respondent", "s", &respondent);
      g_variant_dict_lookup (options, "group", "s", &group);
      g_variant_dict_lookup (options, "second-language", "s", &second_language);
      if (second_language != NULL && !gs_language_check (second_language, &error))
        return fail (error);
      if (!gs_web_questionnaire_send (store, instrument, id, respondent, group, second_language, output, &error))
        return fail (error);
      return 0;
    }
  if (output == NULL || !g_str_has_suffix (lower, ".pdf"))
    return fail_with (_("--export-questionnaire needs --output=FILE.html or --output=FILE.pdf"));
  if (!read_paper (options, &paper))
    return 1;
  if ((assessment = load_with_instrument (store, instrument, id, &asked, &error)) == NULL ||
      !gs_questionnaire_write_pdf (asked, assessment, paper, output, &error))
    return fail (error);
  return 0;
}

static int
run_export (GsStore      *store,
            GsInstrument *instrument,
            gint64        id,
            const char   *output)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GsAssessment) assessment = NULL;

  if (output == NULL)
    return fail_with (_("--export needs --output=FILE.json or --output=FILE.csv"));
  if (!gs_exchange_check_export_path (output, &error))
    return fail (error);
  assessment = gs_store_load_assessment (store, id, &error);
  if (assessment == NULL || !gs_exchange_write_file (instrument, assessment, output, &error))
    return fail (error);
  return 0;
}

static int
run_export_chart (GsStore      *store,
                  GsInstrument *instrument,
                  gint64        id,
                  GVariantDict *options,
                  const char   *output)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *chart = NULL;
  g_autoptr(GsAnalysis) analysis = NULL;
  double width = 1600, height = 1000, scale = 1;
  int row;

  if (!g_variant_dict_lookup (options, "chart", "s", &chart))
    {
      g_autofree char *names = gs_chart_registry_names ();
      g_autofree char *message = g_strdup_printf (_("--export-chart needs --chart=NAME: %s"), names);
      return fail_with (message);
    }
  if (output == NULL)
    return fail_with (_("--export-chart needs --output=FILE.png, FILE.svg or FILE.pdf"));
  g_variant_dict_lookup (options, "width", "d", &width);
  g_variant_dict_lookup (options, "height", "d", &height);
  g_variant_dict_lookup (options, "scale", "d", &scale);
  /* Say what the names are before anything is loaded. */
  if (gs_chart_registry_find (chart, gs_instrument_get_polarity (instrument)->rows->len, &row, &error) == NULL ||
      (analysis = gs_analysis_load (store, instrument, id, GS_DEFAULT_MIN_GROUP_SIZE, &error)) == NULL ||
      !gs_chart_export (chart, analysis, output, width, height, scale, !g_variant_dict_contains (options, "no-caption"),
                        &error))
    return fail (error);
  return 0;
}

static int
run_export_report (GsStore      *store,
                   GsInstrument *instrument,
                   gint64        id,
                   GVariantDict *options,
                   const char   *output)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *lower = NULL;
  GsPaper paper = GS_PAPER_A4;
  g_autoptr(GsAnalysis) analysis = NULL;

  if (output == NULL)
    return fail_with (_("--export-report needs --output=FILE.pdf"));
  lower = g_ascii_strdown (output, -1);
  if (!g_str_has_suffix (lower, ".pdf"))
    return fail_with (_("The report is a PDF: --output must name a file ending in .pdf"));
  if (!read_paper (options, &paper))
    return 1;
  if ((analysis = gs_analysis_load (store, instrument, id, GS_DEFAULT_MIN_GROUP_SIZE, &error)) == NULL ||
      !gs_report_write_pdf (analysis, paper,
                            g_variant_dict_contains (options, "name-respondents") ? GS_REPORT_NAME_RESPONDENTS : GS_REPORT_DEFAULT,
                            output, &error))
    return fail (error);
  return 0;
}

/**
 * gs_cli_run:
 * @database_path: (nullable): the --database option, or %NULL for the default database
 * @exit_status: (out): what the process should exit with, when this returns %TRUE
 *
 * Returns: %TRUE if @options held a headless command, which has now run
 */
gboolean
gs_cli_run (GVariantDict *options,
            const char   *database_path,
            int          *exit_status)
{
  g_autoptr(GsStore) store = NULL;
  g_autoptr(GsInstrument) instrument = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *default_path = NULL;
  g_auto(GStrv) import_paths = NULL;
  g_autofree char *survey_path = NULL;
  g_autofree char *output = NULL;
  gint64 export_id = 0;
  gboolean list, demo;

  list = g_variant_dict_contains (options, "list");
  demo = g_variant_dict_contains (options, "demo");
  g_variant_dict_lookup (options, "import", "^aay", &import_paths);
  g_variant_dict_lookup (options, "export", "x", &export_id);
  g_variant_dict_lookup (options, "output", "^ay", &output);
  g_variant_dict_lookup (options, "import-survey", "^ay", &survey_path);
  if (!list && !demo && import_paths == NULL && survey_path == NULL && !g_variant_dict_contains (options, "export") &&
      !g_variant_dict_contains (options, "export-chart") && !g_variant_dict_contains (options, "export-report") &&
      !g_variant_dict_contains (options, "export-template") && !g_variant_dict_contains (options, "export-questionnaire") &&
      !g_variant_dict_contains (options, "export-plan"))
    return FALSE;

  if (database_path == NULL)
    database_path = default_path = gs_store_default_path ();
  if ((instrument = gs_instrument_load_default (&error)) == NULL ||
      (store = gs_store_open (database_path, &error)) == NULL)
    {
      *exit_status = fail (error);
      return TRUE;
    }

  if (demo)
    *exit_status = run_demo (store, instrument);
  else if (import_paths != NULL)
    *exit_status = run_import (store, instrument, (const char * const *) import_paths, import_mode (options));
  else if (survey_path != NULL)
    *exit_status = run_import_survey (store, instrument, survey_path, options);
  else if (g_variant_dict_lookup (options, "export-questionnaire", "x", &export_id))
    *exit_status = run_export_questionnaire (store, instrument, export_id, options, output);
  else if (g_variant_dict_lookup (options, "export-plan", "x", &export_id))
    *exit_status = run_export_csv (store, instrument, export_id, output, _("--export-plan needs --output=FILE.csv"),
                                   gs_exchange_write_plan_csv);
  else if (g_variant_dict_lookup (options, "export-template", "x", &export_id))
    *exit_status = run_export_csv (store, instrument, export_id, output, _("--export-template needs --output=FILE.csv"),
                                   write_template);
  else if (g_variant_dict_contains (options, "export"))
    *exit_status = run_export (store, instrument, export_id, output);
  else if (g_variant_dict_lookup (options, "export-chart", "x", &export_id))
    *exit_status = run_export_chart (store, instrument, export_id, options, output);
  else if (g_variant_dict_lookup (options, "export-report", "x", &export_id))
    *exit_status = run_export_report (store, instrument, export_id, options, output);
  else
    *exit_status = run_list (store);
  return TRUE;
}
