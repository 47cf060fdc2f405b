/* gs-chart-registry.c — every chart Groundswell draws, in one table
 *
 * The results' tabs, the command line's --chart names, chart export, the report and the
 * presentation all read this table; no other list of chart names exists. A chart's data
 * is prepared once from a GsAnalysis (when its results change, in a worker where it can
 * be) and only painted after that, however often the window redraws.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gs-report"

#include "config.h"

#include <glib/gi18n.h>

#include "charts/gs-answers-chart.h"
#include "charts/gs-comparison-chart.h"
#include "charts/gs-polarity-chart.h"
#include "charts/gs-profile-chart.h"
#include "charts/gs-timeline-chart.h"
#include "gs-analysis.h"
#include "gs-chart-registry.h"

/* --- Context ------------------------------------------------------------------------- */

static gpointer
prepare_context (GsAnalysis *analysis,
                 int         row)
{
  GsProfileData *data = g_new0 (GsProfileData, 1);

  gs_profile_data_init (data, gs_analysis_get_results (analysis));
  return data;
}

static void
free_context (gpointer data)
{
  gs_profile_data_clear (data);
  g_free (data);
}

static void
draw_context (cairo_t *cr, gconstpointer data, double width, double height, const GsPalette *palette, GArray *labels)
{
  gs_profile_chart_draw (cr, data, width, height, palette, labels);
}

static char *
describe_context (gconstpointer data)
{
  return gs_profile_chart_describe (data);
}

static char *
summarise_context (gconstpointer data)
{
  return gs_profile_chart_summarise (data);
}

/* --- Polarity maps: the whole of Table 1, or one row ----------------------------------- */

static gpointer
prepare_polarity (GsAnalysis *analysis,
                  int         row)
{
  GsPolarityMapData *data = g_new0 (GsPolarityMapData, 1);

  gs_polarity_map_data_init (data, gs_analysis_get_instrument (analysis), gs_analysis_get_assessment (analysis),
                             gs_analysis_get_results (analysis), row);
  return data;
}

static void
free_polarity (gpointer data)
{
  gs_polarity_map_data_clear (data);
  g_free (data);
}

static void
draw_polarity (cairo_t *cr, gconstpointer data, double width, double height, const GsPalette *palette, GArray *labels)
{
  gs_polarity_chart_draw (cr, data, width, height, palette, labels);
}

static char *
describe_polarity (gconstpointer data)
{
  return gs_polarity_chart_describe (data);
}

static char *
summarise_polarity (gconstpointer data)
{
  return gs_polarity_chart_summarise (data);
}

/* The six rows' maps, for the small multiples. */
static gpointer
prepare_summary (GsAnalysis *analysis,
                 int         row)
{
  GPtrArray *maps = g_ptr_array_new_with_free_func (free_polarity);
  guint n = gs_instrument_get_polarity (gs_analysis_get_instrument (analysis))->rows->len;

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (maps, prepare_polarity (analysis, (int) i));
  return maps;
}

static void
draw_summary (cairo_t *cr, gconstpointer data, double width, double height, const GsPalette *palette, GArray *labels)
{
  gs_polarity_summary_draw (cr, (GPtrArray *) data, width, height, palette, labels);
}

static char *
describe_summary (gconstpointer data)
{
  return gs_polarity_summary_describe ((GPtrArray *) data);
}

static char *
summarise_summary (gconstpointer data)
{
  return gs_polarity_summary_summarise ((GPtrArray *) data);
}

/* --- Timeline ------------------------------------------------------------------------ */

static gpointer
prepare_timeline (GsAnalysis *analysis,
                  int         row)
{
  GsTimelineData *data = g_new0 (GsTimelineData, 1);

  gs_timeline_data_init (data, gs_analysis_get_instrument (analysis), gs_analysis_get_assessment (analysis),
                         gs_analysis_get_assessment_dates (analysis));
  return data;
}

static void
free_timeline (gpointer data)
{
  gs_timeline_data_clear (data);
  g_free (data);
}

static void
draw_timeline (cairo_t *cr, gconstpointer data, double width, double height, const GsPalette *palette, GArray *labels)
{
  gs_timeline_chart_draw (cr, data, width, height, palette, labels);
}

static char *
describe_timeline (gconstpointer data)
{
  return gs_timeline_chart_describe (data);
}

static char *
summarise_timeline (gconstpointer data)
{
  return gs_timeline_chart_summarise (data);
}

/* --- Comparison ---------------------------------------------------------------------- */

static gpointer
prepare_comparison (GsAnalysis *analysis,
                    int         row)
{
  GsComparisonData *data = g_new0 (GsComparisonData, 1);

  gs_comparison_data_init (data, gs_analysis_get_baseline_results (analysis), gs_analysis_get_compared_results (analysis));
  data->versions = gs_analysis_describe_versions (analysis);
  return data;
}

static void
free_comparison (gpointer data)
{
  gs_comparison_data_clear (data);
  g_free (data);
}

static void
draw_comparison (cairo_t *cr, gconstpointer data, double width, double height, const GsPalette *palette, GArray *labels)
{
  gs_comparison_chart_draw (cr, data, width, height, palette, labels);
}

static char *
describe_comparison (gconstpointer data)
{
  return gs_comparison_chart_describe (data);
}

static char *
summarise_comparison (gconstpointer data)
{
  return gs_comparison_chart_summarise (data);
}

/* --- Answers ----------------------------------------------------------------------------- */

static gpointer
prepare_answers (GsAnalysis *analysis,
                 int         row)
{
  GsAnswersData *data = g_new0 (GsAnswersData, 1);

  gs_answers_data_init (data, gs_analysis_get_results (analysis));
  return data;
}

static void
free_answers (gpointer data)
{
  gs_answers_data_clear (data);
  g_free (data);
}

static void
draw_answers (cairo_t *cr, gconstpointer data, double width, double height, const GsPalette *palette, GArray *labels)
{
  gs_answers_chart_draw (cr, data, width, height, palette, labels);
}

static char *
describe_answers (gconstpointer data)
{
  return gs_answers_chart_describe (data);
}

static char *
summarise_answers (gconstpointer data)
{
  return gs_answers_chart_summarise (data);
}

/* --- The table ----------------------------------------------------------------------- */

/* In the order of the results' tabs. */
static const GsChartInfo charts[] = {
  { "context", N_("Context"), "x-office-presentation-symbolic", FALSE,
    N_("Context profile"), NULL, GS_IN_REPORT_WHOLE, FALSE,
    prepare_context, free_context, draw_context, describe_context,
    summarise_context },
  /* The whole map's texts cannot be 7 pt or more on a page, so the report has the six rows
   * (two to a page) and the glance at all six instead. */
  { "polarity", N_("Polarity"), "view-dual-symbolic", TRUE,
    N_("Table 1 as a polarity map"), N_("Table 1, row %u"), GS_IN_REPORT_ROWS, FALSE,
    prepare_polarity, free_polarity, draw_polarity, describe_polarity,
    summarise_polarity },
  { "polarity-summary", N_("Table 1"), "view-app-grid-symbolic", FALSE,
    N_("Table 1 at a glance"), NULL, GS_IN_REPORT_WHOLE, FALSE,
    prepare_summary, (GDestroyNotify) g_ptr_array_unref, draw_summary, describe_summary,
    summarise_summary },
  { "timeline", N_("Timeline"), "x-office-calendar-symbolic", FALSE,
    N_("Movement timeline"), NULL, GS_IN_REPORT_WHOLE, FALSE,
    prepare_timeline, free_timeline, draw_timeline, describe_timeline,
    summarise_timeline },
  { "comparison", N_("Compare"), "object-flip-horizontal-symbolic", FALSE,
    N_("Compared with the previous assessment"), NULL, GS_IN_REPORT_WHOLE, TRUE,
    prepare_comparison, free_comparison, draw_comparison, describe_comparison,
    summarise_comparison },
  /* Last, so that the tabs before it keep their Alt+number. */
  { "answers", N_("Answers"), "view-continuous-symbolic", FALSE,
    N_("The answers, domain by domain"), NULL, GS_IN_REPORT_WHOLE, FALSE,
    prepare_answers, free_answers, draw_answers, describe_answers,
    summarise_answers },
};

/**
 * gs_chart_registry_get:
 * @n_charts: (out): how many
 *
 * Returns: (array length=n_charts): every chart, in the order of the results' tabs
 */
const GsChartInfo *
gs_chart_registry_get (guint *n_charts)
{
  *n_charts = G_N_ELEMENTS (charts);
  return charts;
}

/* "context, polarity, polarity-1 to polarity-6, polarity-summary, timeline and comparison" */
char *
gs_chart_registry_names (void)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (charts); i++)
    {
      if (i > 0)
        g_string_append (names, i + 1 == G_N_ELEMENTS (charts) ? _(" and ") : ", ");
      g_string_append (names, charts[i].name);
      if (charts[i].has_rows)
        /* Translators: the charts of single rows, such as "polarity-1 to polarity-6" */
        g_string_append_printf (names, _(", %s-1 to %s-6"), charts[i].name, charts[i].name);
    }
  return g_string_free (g_steal_pointer (&names), FALSE);
}

/**
 * gs_chart_registry_find:
 * @name: "context", "polarity", "polarity-3", …
 * @n_rows: the instrument's rows of Table 1, for "NAME-n"
 * @row: (out): the row asked for (0 …), or -1 for the chart of the whole
 *
 * Returns: (nullable): the chart, or %NULL with @error saying which names there are
 */
const GsChartInfo *
gs_chart_registry_find (const char  *name,
                        guint        n_rows,
                        int         *row,
                        GError     **error)
{
  g_autofree char *names = NULL;

  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (charts); i++)
    {
      gsize length = strlen (charts[i].name);
      guint64 n = 0;

      if (g_str_equal (name, charts[i].name))
        return (*row = -1, &charts[i]);
      if (charts[i].has_rows && strncmp (name, charts[i].name, length) == 0 && name[length] == '-' &&
          g_ascii_string_to_unsigned (name + length + 1, 10, 1, n_rows, &n, NULL))
        return (*row = (int) n - 1, &charts[i]);
    }
  names = gs_chart_registry_names ();
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
               _("There is no chart called “%s”; the charts are %s."), name, names);
  return NULL;
}

/**
 * gs_chart_info_title:
 * @row: the row of Table 1 (0 …) for a chart with rows, or -1 for the whole
 *
 * Returns: (transfer full): the chart's title as its report page and a screen reader give it:
 *   "Context profile", "Table 1, row 3"
 */
char *
gs_chart_info_title (const GsChartInfo *info,
                     int                row)
{
  g_return_val_if_fail (info != NULL, NULL);

  if (row >= 0 && info->report_row_title != NULL)
    {
      char *title;

      /* The format is the registry's own string (msgfmt --check keeps its %u in translations). */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
      title = g_strdup_printf (_(info->report_row_title), (guint) row + 1);
#pragma GCC diagnostic pop
      return title;
    }
  return g_strdup (_(info->report_title != NULL ? info->report_title : info->title));
}
