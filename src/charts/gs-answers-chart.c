/* gs-answers-chart.c — each domain's answers on the scale as a diverging stacked bar
 *
 * What survey users read first: of all the answers in a domain, what share disagreed
 * (to the left of the centre line) and what share agreed (to the right), the neutral middle
 * straddling the line. Shares are of the answers on the scale; "don't know" and "not
 * applicable" are left out, as in the scores. No groups: a bar counts every respondent's
 * answers, so it sets no small group apart.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gs-charts"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "gs-answers-chart.h"
#include "gs-chart-shapes.h"

static void
row_free (GsAnswersRow *row)
{
  g_free (row->title);
  g_free (row);
}

void
gs_answers_data_init (GsAnswersData   *data,
                      const GsResults *results)
{
  GPtrArray *respondents = gs_assessment_get_respondents (results->assessment);
  const GsScale *scale = NULL;

  data->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  for (guint d = 0; d < results->n_domains; d++)
    {
      const GsDomain *domain = results->domains[d].domain;
      GsAnswersRow *row = g_new0 (GsAnswersRow, 1);

      row->title = g_strdup (domain->title);
      for (guint i = 0; i < domain->items->len; i++)
        {
          const GsItem *item = g_ptr_array_index (domain->items, i);

          scale = scale != NULL ? scale : item->scale;
          for (guint r = 0; r < respondents->len; r++)
            {
              const GsAnswer *answer = gs_respondent_get_answer (g_ptr_array_index (respondents, r), item->id);

              if (answer != NULL && answer->status == GS_ANSWER_VALUE && answer->value >= 1 && answer->value <= GS_SCALE_POINTS)
                {
                  row->counts[answer->value - 1]++;
                  row->total++;
                }
            }
        }
      g_ptr_array_add (data->rows, row);
    }
  for (guint v = 0; v < GS_SCALE_POINTS; v++)
    data->labels[v] = g_strdup (scale != NULL ? scale->labels[v] : "");
}

void
gs_answers_data_clear (GsAnswersData *data)
{
  g_clear_pointer (&data->rows, g_ptr_array_unref);
  for (guint v = 0; v < GS_SCALE_POINTS; v++)
    g_clear_pointer (&data->labels[v], g_free);
}

/* The five answers' colours: the downside's for disagreeing, the upside's for agreeing,
 * stronger at the ends, grey in the middle. */
static void
set_answer_source (cairo_t         *cr,
                   const GsPalette *palette,
                   guint            value)
{
  static const double strength[GS_SCALE_POINTS] = { 0.95, 0.5, 1, 0.5, 0.95 };

  if (value == 2)
    gs_palette_set_source (cr, &palette->grid);
  else
    gs_palette_set_source_alpha (cr, value < 2 ? &palette->downside : &palette->upside, strength[value]);
}

/* The share, written inside its segment where it fits whole. */
static void
draw_share (cairo_t         *cr,
            GsRect           segment,
            double           share,
            guint            value,
            double           size,
            const GsPalette *palette,
            GArray          *labels)
{
  GsTextStyle style = { gs_chart_size (size, 0.7), GS_CHART_MIN_TEXT, PANGO_WEIGHT_BOLD, FALSE, GS_ALIGN_CENTER, GS_ALIGN_CENTER };
  g_autofree char *text = g_strdup_printf ("%.0f %%", share);

  if (gs_chart_text_width (cr, text, &style) + size * 0.4 > segment.width || segment.height < style.size * 1.2)
    return;
  gs_palette_set_source (cr, value == 0 || value == 4 ? &palette->background : &palette->foreground);
  gs_chart_text (cr, text, &style, segment, labels);
}

static void
draw_row (cairo_t            *cr,
          const GsAnswersRow *row,
          GsRect              plot,
          double              cy,
          double              bar_h,
          double              size,
          const GsPalette    *palette,
          GArray             *labels)
{
  double centre = plot.x + plot.width / 2, unit = plot.width / 2 / 100;
  double left = 0;

  if (row->total == 0)
    return;
  /* From the centre line: half the middle answer, then disagree, then strongly. */
  left = 100.0 * (row->counts[0] + row->counts[1] + row->counts[2] / 2.0) / row->total;
  /* On a plain ground, so that the centre line does not show through a pale segment. */
  gs_palette_set_source (cr, &palette->background);
  cairo_rectangle (cr, centre - left * unit, cy - bar_h / 2, 100 * unit, bar_h);
  cairo_fill (cr);
  for (guint v = 0; v < GS_SCALE_POINTS; v++)
    {
      double share = 100.0 * row->counts[v] / row->total;
      GsRect segment = { centre - left * unit, cy - bar_h / 2, share * unit, bar_h };

      left -= share;
      if (share <= 0)
        continue;
      set_answer_source (cr, palette, v);
      cairo_rectangle (cr, segment.x, segment.y, segment.width, segment.height);
      cairo_fill (cr);
      draw_share (cr, segment, share, v, size, palette, labels);
    }
}

static void
draw_axis (cairo_t         *cr,
           GsRect           plot,
           double           size,
           const GsPalette *palette,
           GArray          *labels)
{
  GsTextStyle tick = { gs_chart_size (size, 0.7), GS_CHART_MIN_TEXT, PANGO_WEIGHT_NORMAL, FALSE, GS_ALIGN_CENTER, GS_ALIGN_START };

  for (int v = -100; v <= 100; v += 50)
    {
      double x = plot.x + plot.width / 2 + plot.width / 2 * v / 100;
      g_autofree char *text = g_strdup_printf ("%d %%", abs (v));

      gs_palette_set_source (cr, v == 0 ? &palette->foreground : &palette->grid);
      cairo_set_line_width (cr, v == 0 ? MAX (1.5, size / 8) : 1);
      cairo_move_to (cr, round (x) + 0.5, plot.y);
      cairo_line_to (cr, round (x) + 0.5, plot.y + plot.height);
      cairo_stroke (cr);
      gs_palette_set_source (cr, &palette->muted);
      gs_chart_text (cr, text, &tick, (GsRect) { x - plot.width / 8, plot.y + plot.height + size * 0.2, plot.width / 4,
                                                 tick.size * 1.5 }, labels);
    }
}

static GsTextStyle
legend_style (double size)
{
  return (GsTextStyle) { gs_chart_size (size, 0.75), GS_CHART_MIN_TEXT, PANGO_WEIGHT_NORMAL, FALSE, GS_ALIGN_START,
                         GS_ALIGN_CENTER };
}

/* Where the scale's five words go, flowing onto further lines as they need (each entry as
 * wide as its swatch and words, up to the whole width). Returns the number of lines. */
static guint
flow_legend (cairo_t             *cr,
             const GsAnswersData *data,
             GsRect               area,
             double               size,
             GsRect               boxes[GS_SCALE_POINTS])
{
  GsTextStyle style = legend_style (size);
  double x = area.x, y = area.y, line = size * 1.8;
  guint lines = 1;

  for (guint v = 0; v < GS_SCALE_POINTS; v++)
    {
      double w = MIN (size * 1.4 + gs_chart_text_width (cr, data->labels[v], &style) + 2, area.width);

      if (x > area.x && x + w > area.x + area.width)
        {
          x = area.x;
          y += line;
          lines++;
        }
      boxes[v] = (GsRect) { x, y, w, line };
      x += w + size * 1.2;
    }
  return lines;
}

/* The scale's five words with their colours, and what the shares are of. */
static void
draw_legend (cairo_t             *cr,
             const GsAnswersData *data,
             GsRect               area,
             double               size,
             const GsPalette     *palette,
             GArray              *labels)
{
  GsTextStyle style = legend_style (size);
  GsRect boxes[GS_SCALE_POINTS];
  double line = size * 1.8, y = area.y + line * (flow_legend (cr, data, area, size, boxes) - 1);

  for (guint v = 0; v < GS_SCALE_POINTS; v++)
    {
      set_answer_source (cr, palette, v);
      cairo_rectangle (cr, boxes[v].x, boxes[v].y + line * 0.25, size * 0.9, line * 0.5);
      cairo_fill (cr);
      gs_palette_set_source (cr, &palette->foreground);
      gs_chart_text (cr, data->labels[v], &style,
                     (GsRect) { boxes[v].x + size * 1.3, boxes[v].y, boxes[v].width - size * 1.3, line }, labels);
    }
  gs_palette_set_source (cr, &palette->muted);
  gs_chart_text (cr, _("Shares of the answers on the scale; “don’t know” and “not applicable” are left out."), &style,
                 (GsRect) { area.x, y + line, area.width, area.y + area.height - y - line }, labels);
}

/* Lines the legend needs at @width, so that the plot can take the rest. */
static guint
legend_lines (cairo_t             *cr,
              const GsAnswersData *data,
              double               width,
              double               size)
{
  GsRect boxes[GS_SCALE_POINTS];

  return flow_legend (cr, data, (GsRect) { 0, 0, width, 0 }, size, boxes) + (width < 600 ? 2 : 1);  /* and the note */
}

/**
 * gs_answers_chart_draw:
 * @labels: (nullable): receives every label drawn
 */
void
gs_answers_chart_draw (cairo_t             *cr,
                       const GsAnswersData *data,
                       double               width,
                       double               height,
                       const GsPalette     *palette,
                       GArray              *labels)
{
  double size = gs_chart_base_size (width, height), margin = MAX (4, size * 0.6);
  GsTextStyle name = { gs_chart_size (size, 0.9), GS_CHART_MIN_TEXT, PANGO_WEIGHT_BOLD, FALSE, GS_ALIGN_END, GS_ALIGN_CENTER };
  double legend_h = size * 1.8 * legend_lines (cr, data, width - 2 * margin, size);
  double label_w = (width - 2 * margin) * (width < 600 ? 0.34 : 0.26), axis_h = size * 1.8;
  /* Room at the right for half of the "100 %" under the plot's edge. */
  GsRect plot = { margin + label_w + size * 0.6, margin, width - 2 * margin - label_w - size * 2.6,
                  height - 3 * margin - legend_h - axis_h };
  double row_h = plot.height / MAX (1, data->rows->len);

  cairo_save (cr);
  gs_palette_set_source (cr, &palette->background);
  cairo_paint (cr);
  draw_axis (cr, plot, size, palette, labels);
  for (guint r = 0; r < data->rows->len; r++)
    {
      const GsAnswersRow *row = g_ptr_array_index (data->rows, r);
      double cy = plot.y + row_h * (r + 0.5);

      gs_palette_set_source (cr, &palette->foreground);
      gs_chart_text (cr, row->title, &name, gs_rect_inset ((GsRect) { margin, plot.y + row_h * r, label_w, row_h }, 2), labels);
      draw_row (cr, row, plot, cy, MIN (row_h * 0.6, size * 2.2), size, palette, labels);
    }
  draw_legend (cr, data, (GsRect) { margin, height - margin - legend_h, width - 2 * margin, legend_h }, size, palette, labels);
  cairo_restore (cr);
}

/* "Organisational context (358 answers): Strongly disagree 5 %, …" for each domain. */
char *
gs_answers_chart_describe (const GsAnswersData *data)
{
  g_autoptr(GString) text = g_string_new (_("Answers on the scale, by domain:"));

  for (guint r = 0; r < data->rows->len; r++)
    {
      const GsAnswersRow *row = g_ptr_array_index (data->rows, r);

      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, " %s (%u answer):", " %s (%u answers):", row->total),
                              row->title, row->total);
      for (guint v = 0; v < GS_SCALE_POINTS && row->total > 0; v++)
        g_string_append_printf (text, " %s %.0f %%%s", data->labels[v], 100.0 * row->counts[v] / row->total,
                                v + 1 < GS_SCALE_POINTS ? "," : ";");
    }
  if (text->len > 0 && text->str[text->len - 1] == ';')
    text->str[text->len - 1] = '.';
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* One sentence for a slide: where the most and the fewest answers are in the top two points. */
char *
gs_answers_chart_summarise (const GsAnswersData *data)
{
  const GsAnswersRow *most = NULL, *fewest = NULL;
  double most_share = -1, fewest_share = 101;

  for (guint r = 0; r < data->rows->len; r++)
    {
      const GsAnswersRow *row = g_ptr_array_index (data->rows, r);
      double share;

      if (row->total == 0)
        continue;
      share = 100.0 * (row->counts[3] + row->counts[4]) / row->total;
      if (share > most_share)
        most = row, most_share = share;
      if (share < fewest_share)
        fewest = row, fewest_share = share;
    }
  if (most == NULL)
    return g_strdup (_("No answers on the scale yet."));
  /* Translators: "Agree" and "Strongly agree" are the scale's two top answers */
  return g_strdup_printf (_("“%s” or “%s”: %.0f %% of the answers in %s, %.0f %% in %s."), data->labels[3], data->labels[4],
                          most_share, most->title, fewest_share, fewest->title);
}
