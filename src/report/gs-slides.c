/* gs-slides.c — an assessment's results as slides, for presenting to a room
 *
 * A title slide (organisation, assessment, date in words and the three-line verdict), then
 * one slide per chart the results' tabs show, in their order, each with the chart's caption
 * and one short sentence of reading, and the plan's actions when there are any. The deck is made from the chart registry, so a new chart
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
slide_new (GsSlideKind kind,
           const char *chart,
           char       *title,
           char       *reading)
{
  GsSlide *slide = g_new0 (GsSlide, 1);

  slide->kind = kind;
  slide->chart = g_strdup (chart);
  slide->title = title;
  slide->reading = reading;
  return slide;
}

/* "5 actions: 1 done, 2 under way, 2 planned." */
static char *
plan_reading (GsAssessment *assessment)
{
  GPtrArray *actions = gs_assessment_get_actions (assessment);
  guint counts[GS_N_ACTION_STATUSES] = { 0 };
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < actions->len; i++)
    counts[((const GsAction *) g_ptr_array_index (actions, i))->status]++;
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u action:", "%u actions:", actions->len), actions->len);
  for (GsActionStatus s = 0; s < GS_N_ACTION_STATUSES; s++)
    if (counts[s] > 0)
      {
        g_autofree char *status = g_utf8_strdown (gs_action_status_label (s), -1);

        g_string_append_printf (text, "%s %u %s", text->str[text->len - 1] == ':' ? "" : ",", counts[s], status);
      }
  g_string_append_c (text, '.');
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * gs_slides_new:
 *
 * Returns: (transfer full) (element-type GsSlide): the title slide, then a slide per chart
 *   (the comparison only when there is an earlier assessment), then the plan when there is one
 */
GPtrArray *
gs_slides_new (GsAnalysis *analysis)
{
  GPtrArray *slides = g_ptr_array_new_with_free_func ((GDestroyNotify) slide_free);
  GsAssessment *assessment = gs_analysis_get_assessment (analysis);
  const GsChartInfo *charts;
  guint n_charts;

  g_ptr_array_add (slides, slide_new (GS_SLIDE_TITLE, NULL, g_strdup (gs_assessment_get_organisation_name (assessment)),
                                      g_strdup (gs_assessment_get_title (assessment))));
  charts = gs_chart_registry_get (&n_charts);
  for (guint i = 0; i < n_charts; i++)
    {
      if (charts[i].needs_baseline && gs_analysis_get_baseline (analysis) == NULL)
        continue;
      g_ptr_array_add (slides, slide_new (GS_SLIDE_CHART, charts[i].name, gs_chart_info_title (&charts[i], -1),
                                          gs_analysis_summarise (analysis, charts[i].name)));
    }
  if (gs_assessment_get_actions (assessment)->len > 0)
    g_ptr_array_add (slides, slide_new (GS_SLIDE_PLAN, NULL, g_strdup (_("The plan")), plan_reading (assessment)));
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

/* The plan slide: each action on a line of its own, "what — owner, by date (status)", as
 * many as fit in type a room can read; the rest counted at the foot. */
static void
draw_plan_slide (const GsSlide   *slide,
                 GsAnalysis      *analysis,
                 cairo_t         *cr,
                 double           width,
                 double           height,
                 const GsPalette *palette,
                 GArray          *labels)
{
  GPtrArray *actions = gs_assessment_get_actions (gs_analysis_get_assessment (analysis));
  GsRect area = gs_chart_caption_draw (cr, analysis, slide->title, slide->reading, width, height, palette, labels);
  double unit = CLAMP (MIN (width, height) / 32.0, 12.0, 56.0), line = unit * 2.4, y = area.y;
  const GsTextStyle style = { unit * 0.9, 9, PANGO_WEIGHT_NORMAL, FALSE, GS_ALIGN_START, GS_ALIGN_CENTER };
  guint fit = (guint) MAX (1, (area.height - line) / line), shown = MIN (actions->len, fit);

  for (guint i = 0; i < shown; i++)
    {
      const GsAction *action = g_ptr_array_index (actions, i);
      g_autofree char *due = action->due[0] != '\0' ? gs_format_date (action->due) : NULL;
      g_autofree char *who = action->owner[0] != '\0' && due != NULL ? g_strdup_printf (_("%s, by %s"), action->owner, due)
                             : action->owner[0] != '\0' ? g_strdup (action->owner)
                             : due != NULL ? g_strdup_printf (_("by %s"), due) : NULL;
      g_autofree char *text = who != NULL ? g_strdup_printf ("%s — %s (%s)", action->what, who, gs_action_status_label (action->status))
                                          : g_strdup_printf ("%s (%s)", action->what, gs_action_status_label (action->status));

      gs_palette_set_source (cr, action->status == GS_ACTION_DONE ? &palette->muted : &palette->foreground);
      gs_chart_text (cr, text, &style, (GsRect) { unit, y, width - 2 * unit, line }, labels);
      y += line;
    }
  if (shown < actions->len)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "and %u more action in the report",
                                                            "and %u more actions in the report", actions->len - shown),
                                               actions->len - shown);

      gs_palette_set_source (cr, &palette->muted);
      gs_chart_text (cr, more, &style, (GsRect) { unit, y, width - 2 * unit, line }, labels);
    }
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

  if (slide->kind == GS_SLIDE_TITLE)
    {
      draw_title_slide (analysis, cr, width, height, palette, labels);
      return;
    }
  if (slide->kind == GS_SLIDE_PLAN)
    {
      draw_plan_slide (slide, analysis, cr, width, height, palette, labels);
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
