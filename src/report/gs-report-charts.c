/* gs-report-charts.c — the report's chart pages: each chart legible, two to a page where
 * they stay so
 *
 * A chart is drawn with the same cairo code as on screen, at a scale (points per chart
 * pixel) chosen for it: the smallest from 0.5 up at which all its text is at least
 * MIN_TEXT_SIZE points and none is cut short. Two charts share a page when both are
 * legible at half a page; otherwise a chart has a page to itself. Under each chart is one
 * sentence of what it shows (the registry's summarise), not the screen reader's long
 * description: the chart's own words are real text in the PDF.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gs-report"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "gs-report-private.h"

#define MIN_TEXT_SIZE 7.0   /* points: the smallest chart text a printed page may carry */
#define HEADING_GAP 8.0
#define FIGURE_GAP 24.0

static void
figure_free (GsReportFigure *figure)
{
  if (figure == NULL)
    return;  /* moved to its page */
  g_free (figure->chart);
  g_free (figure->title);
  g_free (figure->reading);
  g_free (figure);
}

typedef enum {
  LEGIBLE,
  TOO_SMALL,  /* some text under MIN_TEXT_SIZE */
  CUT,        /* some text cut short: a larger scale leaves it less room still */
} Legibility;

/* Draws @figure's chart @height points high at @scale into nowhere and reads its labels;
 * @smallest is its smallest text's size in chart pixels. */
static Legibility
legibility_at (GsReport             *report,
               const GsReportFigure *figure,
               double                height,
               double                scale,
               double               *smallest)
{
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(GArray) labels = gs_chart_labels_new ();
  gboolean whole = TRUE;

  *smallest = G_MAXDOUBLE;
  cairo_scale (cr, scale, scale);
  gs_analysis_draw (report->analysis, figure->chart, cr, text_width (report) / scale, height / scale,
                    gs_palette_get (GS_PALETTE_LIGHT), labels, NULL);
  for (guint i = 0; i < labels->len; i++)
    {
      const GsChartLabel *label = &g_array_index (labels, GsChartLabel, i);

      whole = whole && !label->truncated;
      *smallest = MIN (*smallest, label->device_size / scale);
    }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  if (!whole)
    return CUT;
  return *smallest * scale >= MIN_TEXT_SIZE - 0.05 ? LEGIBLE : TOO_SMALL;
}

/* The smallest scale from 0.5 to 1 (in steps of 0.05) at which @figure is legible @height
 * points high, or 0. A chart's smallest text hardly changes with its size (it is at its
 * floor), so the search jumps to the scale that lifts that text to MIN_TEXT_SIZE; and it
 * stops at the first text cut short, since a larger scale leaves less room. */
static double
legible_scale (GsReport             *report,
               const GsReportFigure *figure,
               double                height)
{
  double smallest;
  int twentieths = 10;

  while (twentieths <= 20)
    switch (legibility_at (report, figure, height, twentieths / 20.0, &smallest))
      {
      case LEGIBLE:
        return twentieths / 20.0;
      case CUT:
        return 0;
      case TOO_SMALL:
      default:
        twentieths = smallest > 0 && smallest < G_MAXDOUBLE
                     ? MAX (twentieths + 1, (int) MIN (21, ceil (MIN_TEXT_SIZE / smallest * 20 - 0.01)))
                     : twentieths + 1;
        break;
      }
  return 0;
}

/* Heading, gap, reading and the gap after: what a figure needs beside its chart. */
static double
figure_words_height (GsReport             *report,
                     cairo_t              *cr,
                     const GsReportFigure *figure)
{
  double w = text_width (report);

  return gs_report_paragraph (cr, figure->title, STYLE_HEADING, 0, 0, w, FALSE) + HEADING_GAP * 2 +
         (figure->reading != NULL ? gs_report_paragraph (cr, figure->reading, STYLE_BODY, 0, 0, w, FALSE) : 0) +
         FIGURE_GAP;
}

static GsReportFigure *
figure_new (GsReport   *report,
            const char *chart,
            char       *title)
{
  GsReportFigure *figure = g_new0 (GsReportFigure, 1);

  figure->chart = g_strdup (chart);
  figure->title = title;
  figure->reading = gs_analysis_summarise (report->analysis, chart);
  return figure;
}

/* Every chart the report shows, in the registry's order. */
static GPtrArray *
collect_figures (GsReport *report)
{
  GPtrArray *figures = g_ptr_array_new_with_free_func ((GDestroyNotify) figure_free);
  guint n_rows = gs_instrument_get_polarity (gs_analysis_get_instrument (report->analysis))->rows->len;
  gboolean have_baseline = gs_analysis_get_baseline_results (report->analysis) != NULL;
  guint n_charts;
  const GsChartInfo *charts = gs_chart_registry_get (&n_charts);

  for (guint c = 0; c < n_charts; c++)
    {
      if (charts[c].needs_baseline && !have_baseline)
        continue;
      if (charts[c].in_report & GS_IN_REPORT_WHOLE)
        g_ptr_array_add (figures, figure_new (report, charts[c].name, gs_chart_info_title (&charts[c], -1)));
      for (guint r = 0; charts[c].has_rows && (charts[c].in_report & GS_IN_REPORT_ROWS) && r < n_rows; r++)
        {
          g_autofree char *chart = g_strdup_printf ("%s-%u", charts[c].name, r + 1);

          g_ptr_array_add (figures, figure_new (report, chart, gs_chart_info_title (&charts[c], (int) r)));
        }
    }
  return figures;
}

static void
add_figures_page (GsReport  *report,
                  GPtrArray *figures,
                  guint      first,
                  guint      n)
{
  Page *page = gs_report_add_page (report, PAGE_CHART, NULL);

  page->figures = g_ptr_array_new_with_free_func ((GDestroyNotify) figure_free);
  for (guint i = first; i < first + n; i++)
    g_ptr_array_add (page->figures, g_steal_pointer (&g_ptr_array_index (figures, i)));
}

/**
 * gs_report_plan_chart_pages:
 *
 * Pairs the charts, in order, two to a page where both are legible at half a page; a chart
 * alone on its page is as tall as three quarters of its width, or the page where it needs
 * that, and drawn at the scale that keeps it legible there (or, when none does, at 1: its
 * text at full size, cut where it must be).
 */
void
gs_report_plan_chart_pages (GsReport *report)
{
  g_autoptr(GPtrArray) figures = collect_figures (report);
  cairo_t *cr = gs_report_measuring_context ();
  double body = body_bottom (report) - body_top ();

  for (guint i = 0; i < figures->len;)
    {
      GsReportFigure *one = g_ptr_array_index (figures, i);
      GsReportFigure *two = i + 1 < figures->len ? g_ptr_array_index (figures, i + 1) : NULL;

      if (two != NULL)
        {
          double half = (body - figure_words_height (report, cr, one) - figure_words_height (report, cr, two)) / 2;

          one->height = two->height = half;
          if ((one->scale = legible_scale (report, one, half)) > 0 && (two->scale = legible_scale (report, two, half)) > 0)
            {
              add_figures_page (report, figures, i, 2);
              i += 2;
              continue;
            }
        }
      /* Alone: as tall as three quarters of its width, or the whole page if it needs it. */
      one->height = MIN (text_width (report) * 0.75, body - figure_words_height (report, cr, one));
      if ((one->scale = legible_scale (report, one, one->height)) == 0)
        {
          one->height = body - figure_words_height (report, cr, one);
          if ((one->scale = legible_scale (report, one, one->height)) == 0)
            one->scale = 1;
        }
      add_figures_page (report, figures, i, 1);
      i++;
    }
  cairo_destroy (cr);
}

/* Draws a chart page's figures from @y down: heading, chart, sentence. */
void
gs_report_draw_chart_page (GsReport   *report,
                           cairo_t    *cr,
                           const Page *page,
                           double      y)
{
  double w = text_width (report);

  for (guint i = 0; i < page->figures->len; i++)
    {
      const GsReportFigure *figure = g_ptr_array_index (page->figures, i);

      cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
      y += gs_report_paragraph (cr, figure->title, STYLE_HEADING, MARGIN, y, w, TRUE) + HEADING_GAP;
      cairo_save (cr);
      cairo_translate (cr, MARGIN, y);
      cairo_rectangle (cr, 0, 0, w, figure->height);
      cairo_clip (cr);
      cairo_scale (cr, figure->scale, figure->scale);
      gs_analysis_draw (report->analysis, figure->chart, cr, w / figure->scale, figure->height / figure->scale,
                        gs_palette_get (GS_PALETTE_LIGHT), NULL, NULL);
      cairo_restore (cr);
      y += figure->height + HEADING_GAP;
      cairo_set_source_rgb (cr, 0.15, 0.15, 0.15);
      if (figure->reading != NULL)
        y += gs_report_paragraph (cr, figure->reading, STYLE_BODY, MARGIN, y, w, TRUE);
      y += FIGURE_GAP;
    }
}
