/* gs-comparison-chart.c — baseline against follow-up
 *
 * One row per domain and per quadrant of the whole Table 1 map: the baseline as a hollow
 * marker, the follow-up as a filled one, an arrow between them, and the change written
 * beside ("+12"), so that the direction reads without colour.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gs-charts"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "gs-chart-shapes.h"
#include "gs-comparison-chart.h"

static void
clear_row (gpointer data)
{
  g_free (((GsComparisonRow *) data)->label);
}

static void
add_row (GsComparisonData *data,
         char             *label,
         double            baseline,
         double            follow_up,
         gboolean          lower_is_better)
{
  GsComparisonRow row = { label, baseline, follow_up, lower_is_better };

  g_array_append_val (data->rows, row);
}

/**
 * gs_comparison_data_init:
 * @baseline: (nullable): the earlier assessment's results; %NULL when there is none
 */
/* "Baseline (2 March 2026)" */
static char *
title_with_date (GsAssessment *assessment)
{
  g_autofree char *date = gs_format_date (gs_assessment_get_date (assessment));

  return g_strdup_printf ("%s (%s)", gs_assessment_get_title (assessment), date);
}

void
gs_comparison_data_init (GsComparisonData *data,
                         const GsResults  *baseline,
                         const GsResults  *follow_up)
{
  const GsPolarity *polarity = gs_instrument_get_polarity (follow_up->instrument);

  memset (data, 0, sizeof *data);
  data->rows = g_array_new (FALSE, TRUE, sizeof (GsComparisonRow));
  g_array_set_clear_func (data->rows, clear_row);
  data->follow_up_title = title_with_date (follow_up->assessment);
  if (baseline == NULL)
    return;
  data->baseline_title = title_with_date (baseline->assessment);
  for (guint d = 0; d < follow_up->n_domains; d++)
    {
      const GsDomainResult *before = gs_results_lookup_domain (baseline, follow_up->domains[d].domain->id);
      add_row (data, g_strdup (follow_up->domains[d].domain->title),
               before != NULL ? before->aggregate.mean : NAN, follow_up->domains[d].aggregate.mean, FALSE);
    }
  for (GsPole pole = 0; pole < GS_N_POLES; pole++)
    for (GsSide side = 0; side < GS_N_SIDES; side++)
      add_row (data, g_strdup_printf (side == GS_SIDE_UPSIDE ? _("%s: upsides") : _("%s: downsides"),
                                      polarity->labels[pole]),
               baseline->whole_table.quadrants[pole][side].mean, follow_up->whole_table.quadrants[pole][side].mean,
               side == GS_SIDE_DOWNSIDE);
}

void
gs_comparison_data_clear (GsComparisonData *data)
{
  g_clear_pointer (&data->baseline_title, g_free);
  g_clear_pointer (&data->follow_up_title, g_free);
  g_clear_pointer (&data->versions, g_free);
  g_clear_pointer (&data->rows, g_array_unref);
}

/* From the baseline's dot to the edge of the follow-up's, so the head is not under the dot. */
static void
draw_arrow (cairo_t *cr,
            double   x0,
            double   x1,
            double   y,
            double   head)
{
  double direction = x1 >= x0 ? 1 : -1;

  if (fabs (x1 - x0) < head * 3)
    return;  /* too short to show a direction: the two dots say it */
  x1 -= direction * head * 1.1;

  cairo_move_to (cr, x0, y);
  cairo_line_to (cr, x1 - direction * head, y);
  cairo_stroke (cr);
  cairo_move_to (cr, x1, y);
  cairo_line_to (cr, x1 - direction * head * 1.4, y - head * 0.8);
  cairo_line_to (cr, x1 - direction * head * 1.4, y + head * 0.8);
  cairo_close_path (cr);
  cairo_fill (cr);
}

void
gs_comparison_chart_draw (cairo_t                *cr,
                          const GsComparisonData *data,
                          double                  width,
                          double                  height,
                          const GsPalette        *palette,
                          GArray                 *labels)
{
  double size = gs_chart_base_size (width, height), margin = MAX (4, size * 0.6);
  GsTextStyle title = { gs_chart_size (size, 0.9), GS_CHART_MIN_TEXT, PANGO_WEIGHT_BOLD, FALSE, GS_ALIGN_START, GS_ALIGN_CENTER };
  GsTextStyle name = { gs_chart_size (size, 0.85), GS_CHART_MIN_TEXT, PANGO_WEIGHT_NORMAL, FALSE, GS_ALIGN_END, GS_ALIGN_CENTER };
  GsTextStyle change = { gs_chart_size (size, 0.85), GS_CHART_MIN_TEXT, PANGO_WEIGHT_BOLD, FALSE, GS_ALIGN_START, GS_ALIGN_CENTER };
  GsRect header = { margin, margin, width - 2 * margin, size * 3.4 };
  double label_w = (width - 2 * margin) * 0.3, change_w = MAX (size * 3.5, width * 0.08);
  GsRect plot = { margin + label_w + size * 0.6, header.y + header.height + size * 0.5,
                  width - 2 * margin - label_w - change_w - size * 1.2, 0 };
  double row_h;

  plot.height = height - plot.y - margin - size * 1.8;
  cairo_save (cr);
  gs_palette_set_source (cr, &palette->background);
  cairo_paint (cr);

  if (data->baseline_title == NULL)
    {
      GsTextStyle empty = title;
      g_autofree char *text = g_strdup_printf (_("There is no earlier assessment of this organisation to compare “%s” with."),
                                               data->follow_up_title);

      empty.halign = GS_ALIGN_CENTER;
      gs_palette_set_source (cr, &palette->muted);
      gs_chart_text (cr, text, &empty, (GsRect) { margin, margin, width - 2 * margin, height - 2 * margin }, labels);
      cairo_restore (cr);
      return;
    }

  {
    g_autofree char *text = g_strdup_printf (_("○ %s  →  ● %s"), data->baseline_title, data->follow_up_title);
    GsTextStyle key = change;
    GsRect key_box = { header.x, header.y + header.height * 0.55, header.width, header.height * 0.45 };

    header.height *= 0.55;
    gs_palette_set_source (cr, &palette->foreground);
    gs_chart_text (cr, text, &title, header, labels);
    /* What the arrows' colours mean: a downside is better when it falls. */
    key.weight = PANGO_WEIGHT_NORMAL;
    key.size = gs_chart_size (size, 0.75);
    gs_palette_set_source (cr, &palette->muted);
    gs_chart_text (cr, _("Green arrow: better; pink arrow: worse. For a downside, lower is better."), &key, key_box, labels);
  }

  row_h = plot.height / MAX (1, data->rows->len);
  for (int v = 0; v <= 100; v += 25)
    {
      double x = plot.x + plot.width * v / 100;
      g_autofree char *tick = g_strdup_printf ("%d", v);
      GsTextStyle tick_style = change;

      tick_style.halign = GS_ALIGN_CENTER;
      tick_style.weight = PANGO_WEIGHT_NORMAL;
      gs_palette_set_source (cr, &palette->grid);
      cairo_set_line_width (cr, 1);
      cairo_move_to (cr, round (x) + 0.5, plot.y);
      cairo_line_to (cr, round (x) + 0.5, plot.y + plot.height);
      cairo_stroke (cr);
      gs_palette_set_source (cr, &palette->muted);
      gs_chart_text (cr, tick, &tick_style, (GsRect) { x - size * 1.5, plot.y + plot.height + size * 0.2, size * 3, size * 1.5 }, labels);
    }

  for (guint r = 0; r < data->rows->len; r++)
    {
      const GsComparisonRow *row = &g_array_index (data->rows, GsComparisonRow, r);
      double cy = plot.y + row_h * (r + 0.5);
      double radius = MAX (3, MIN (size * 0.35, row_h * 0.3));
      GsRect label_box = { margin, plot.y + row_h * r, label_w, row_h };
      GsRect change_box = { plot.x + plot.width + size * 0.6, plot.y + row_h * r, change_w, row_h };
      double x0 = plot.x + plot.width * row->baseline / 100, x1 = plot.x + plot.width * row->follow_up / 100;

      gs_palette_set_source (cr, &palette->foreground);
      gs_chart_text (cr, row->label, &name, label_box, labels);
      if (isnan (row->baseline) || isnan (row->follow_up))
        {
          gs_palette_set_source (cr, &palette->muted);
          gs_chart_text (cr, _("n/a"), &change, change_box, labels);
          continue;
        }
      /* Green for better, pink for worse; for a downside, better is less. */
      gs_palette_set_source (cr, (row->follow_up >= row->baseline) != row->lower_is_better ? &palette->upside
                                                                                          : &palette->downside);
      cairo_set_line_width (cr, MAX (1.5, size / 7));
      draw_arrow (cr, x0, x1, cy, radius);
      gs_chart_marker (cr, GS_MARKER_CIRCLE, x0, cy, radius, &palette->background, &palette->foreground);
      gs_chart_marker (cr, GS_MARKER_CIRCLE, x1, cy, radius, &palette->foreground, &palette->foreground);
      {
        g_autofree char *text = g_strdup_printf ("%+.0f", row->follow_up - row->baseline);
        gs_palette_set_source (cr, &palette->foreground);
        gs_chart_text (cr, text, &change, change_box, labels);
      }
    }
  cairo_restore (cr);
}

char *
gs_comparison_chart_describe (const GsComparisonData *data)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (data->baseline_title == NULL)
    return g_strdup_printf (_("No earlier assessment to compare %s with."), data->follow_up_title);
  g_string_append_printf (text, _("Change from %s to %s:"), data->baseline_title, data->follow_up_title);
  for (guint r = 0; r < data->rows->len; r++)
    {
      const GsComparisonRow *row = &g_array_index (data->rows, GsComparisonRow, r);
      if (isnan (row->baseline) || isnan (row->follow_up))
        g_string_append_printf (text, _(" %s not comparable;"), row->label);
      else
        g_string_append_printf (text, _(" %s from %.0f to %.0f (%+.0f);"), row->label, row->baseline, row->follow_up,
                                row->follow_up - row->baseline);
    }
  if (g_str_has_suffix (text->str, ";"))
    text->str[text->len - 1] = '.';
  if (data->versions != NULL)
    g_string_append_printf (text, " %s", data->versions);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* One sentence for a slide: how many measures improved, and the largest change. */
char *
gs_comparison_chart_summarise (const GsComparisonData *data)
{
  const GsComparisonRow *largest = NULL;
  guint compared = 0, improved = 0;

  if (data->baseline_title == NULL)
    return gs_comparison_chart_describe (data);
  for (guint r = 0; r < data->rows->len; r++)
    {
      const GsComparisonRow *row = &g_array_index (data->rows, GsComparisonRow, r);
      double change = row->follow_up - row->baseline;

      if (isnan (change))
        continue;
      compared++;
      improved += row->lower_is_better ? change < 0 : change > 0;
      if (largest == NULL || fabs (change) > fabs (largest->follow_up - largest->baseline))
        largest = row;
    }
  if (largest == NULL)
    return g_strdup_printf (_("Nothing in %s can be compared with %s."), data->follow_up_title, data->baseline_title);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Since %s, %u of %u measure improved; the largest change: %s, %+.0f.",
                                       "Since %s, %u of %u measures improved; the largest change: %s, %+.0f.", compared),
                          data->baseline_title, improved, compared, largest->label,
                          largest->follow_up - largest->baseline);
}
