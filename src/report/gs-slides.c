/* gs-slides.c — an assessment's results as slides, for presenting to a room
 *
 * A title slide (organisation, assessment, date in words and the three-line verdict), then
 * one slide per chart the results' tabs show, in their order, each with the chart's caption
 * and one short sentence of reading. The deck is made from the chart registry, so a new chart
 * appears here by being registered. Drawing needs only cairo: the presentation window paints
 * slides, and tests lay them out offscreen at projector sizes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gs-report"

#include "config.h"

#include <glib/gi18n.h>

#include "gs-chart-export.h"
#include "gs-results-text.h"
#include "gs-slides.h"

static void
slide_free (GsSlide *slide)
{
  g_free (slide->chart);
  g_free (slide->title);
  g_free (slide->reading);
  g_free (slide);
}

static GsSlide *
slide_new (const char *chart,
           char       *title,
           char       *reading)
{
  GsSlide *slide = g_new0 (GsSlide, 1);

  slide->chart = g_strdup (chart);
  slide->title = title;
  slide->reading = reading;
  return slide;
}

/**
 * gs_slides_new:
 *
 * Returns: (transfer full) (element-type GsSlide): the title slide, then a slide per chart
 *   (the comparison only when there is an earlier assessment)
 */
GPtrArray *
gs_slides_new (GsAnalysis *analysis)
{
  GPtrArray *slides = g_ptr_array_new_with_free_func ((GDestroyNotify) slide_free);
  GsAssessment *assessment = gs_analysis_get_assessment (analysis);
  const GsChartInfo *charts;
  guint n_charts;

  g_ptr_array_add (slides, slide_new (NULL, g_strdup (gs_assessment_get_organisation_name (assessment)),
                                      g_strdup (gs_assessment_get_title (assessment))));
  charts = gs_chart_registry_get (&n_charts);
  for (guint i = 0; i < n_charts; i++)
    {
      if (charts[i].needs_baseline && gs_analysis_get_baseline (analysis) == NULL)
        continue;
      g_ptr_array_add (slides, slide_new (charts[i].name, gs_chart_info_title (&charts[i], -1),
                                          gs_analysis_summarise (analysis, charts[i].name)));
    }
  return slides;
}

/* The title slide: whose results, when, and the verdict, in type a room can read. */
static void
draw_title_slide (GsAnalysis      *analysis,
                  cairo_t         *cr,
                  double           width,
                  double           height,
                  const GsPalette *palette,
                  GArray          *labels)
{
  GsAssessment *assessment = gs_analysis_get_assessment (analysis);
  double unit = MIN (width, height) / 24.0, pad = unit * 2, w = width - 2 * pad, y;
  const GsTextStyle kicker = { unit * 0.8, 9, PANGO_WEIGHT_NORMAL, FALSE, GS_ALIGN_START, GS_ALIGN_END };
  const GsTextStyle name = { unit * 1.6, 12, PANGO_WEIGHT_BOLD, FALSE, GS_ALIGN_START, GS_ALIGN_START };
  const GsTextStyle body = { unit, 10, PANGO_WEIGHT_NORMAL, FALSE, GS_ALIGN_START, GS_ALIGN_START };
  const GsTextStyle source = { unit * 0.6, 8, PANGO_WEIGHT_NORMAL, FALSE, GS_ALIGN_START, GS_ALIGN_END };
  g_autofree char *date = gs_format_date (gs_assessment_get_date (assessment));
  g_autofree char *when = g_strdup_printf (_("%s, %s"), gs_assessment_get_title (assessment), date);
  g_auto(GStrv) verdict = gs_results_text_verdict (gs_analysis_get_results (analysis));
  GsRect drawn;

  gs_palette_set_source (cr, &palette->background);
  cairo_paint (cr);
  gs_palette_set_source (cr, &palette->muted);
  drawn = gs_chart_text (cr, _("Readiness for an improvement movement"), &kicker,
                         (GsRect) { pad, pad, w, height * 0.22 - pad }, labels);
  gs_palette_set_source (cr, &palette->foreground);
  drawn = gs_chart_text (cr, gs_assessment_get_organisation_name (assessment), &name,
                         (GsRect) { pad, drawn.y + drawn.height + unit * 0.4, w, unit * 4 }, labels);
  gs_palette_set_source (cr, &palette->muted);
  drawn = gs_chart_text (cr, when, &body, (GsRect) { pad, drawn.y + drawn.height + unit * 0.4, w, unit * 2.6 }, labels);
  y = drawn.y + drawn.height + unit * 1.6;
  gs_palette_set_source (cr, &palette->foreground);
  for (guint i = 0; verdict[i] != NULL; i++)
    {
      drawn = gs_chart_text (cr, verdict[i], &body, (GsRect) { pad, y, w, unit * 2.6 }, labels);
      y = drawn.y + drawn.height + unit * 0.5;
    }
  gs_palette_set_source (cr, &palette->muted);
  gs_chart_text (cr, _("Source: Groundswell, after Bate, Robert & Bevan 2004"), &source,
                 (GsRect) { pad, height - pad - unit * 1.5, w, unit * 1.5 }, labels);
}

/**
 * gs_slide_draw:
 * @labels: (nullable): where the texts drawn are recorded, for tests
 *
 * Paints @slide over the whole of @width × @height.
 */
void
gs_slide_draw (const GsSlide   *slide,
               GsAnalysis      *analysis,
               cairo_t         *cr,
               double           width,
               double           height,
               const GsPalette *palette,
               GArray          *labels)
{
  GsRect area;

  if (slide->chart == NULL)
    {
      draw_title_slide (analysis, cr, width, height, palette, labels);
      return;
    }
  area = gs_chart_caption_draw (cr, analysis, slide->title, slide->reading, width, height, palette, labels);
  cairo_save (cr);
  cairo_translate (cr, area.x, area.y);
  cairo_rectangle (cr, 0, 0, area.width, area.height);
  cairo_clip (cr);
  gs_analysis_draw (analysis, slide->chart, cr, area.width, area.height, palette, labels, NULL);
  cairo_restore (cr);
}
