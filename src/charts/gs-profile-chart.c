/* gs-profile-chart.c — the context profile
 *
 * Bars: one row per domain, the mean as a bar from 0, the range (lowest to highest
 * respondent) as a line, each respondent as a marker whose shape and colour say their group,
 * and "Views differ" beside a domain whose respondents disagree (a third of its items with r_wg
 * below 0.70, or two groups shown 20 points apart: gs-readiness.c). Beyond a few dozen
 * respondents, each group shown is one marker at its mean with a line one standard deviation
 * either side, in a lane of its own. Radar: the same means on five axes with its scale,
 * drawn beside the bars when there is room.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gs-charts"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "gs-chart-shapes.h"
#include "gs-profile-chart.h"

static void
row_free (GsProfileRow *row)
{
  g_free (row->title);
  g_array_unref (row->dots);
  g_array_unref (row->group_means);
  g_free (row);
}

void
gs_profile_data_init (GsProfileData   *data,
                      const GsResults *results)
{
  GPtrArray *respondents = gs_assessment_get_respondents (results->assessment);

  data->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  data->by_group = results->n_respondents > GS_PROFILE_MAX_MARKERS;
  data->groups = g_ptr_array_new_with_free_func (g_free);
  for (guint g = 0; g < results->groups->len; g++)
    g_ptr_array_add (data->groups, g_strdup (g_ptr_array_index (results->groups, g)));

  for (guint d = 0; d < results->n_domains; d++)
    {
      const GsDomainResult *domain = &results->domains[d];
      GsProfileRow *row = g_new0 (GsProfileRow, 1);

      row->title = g_strdup (domain->domain->title);
      row->mean = domain->aggregate.mean;
      row->min = domain->aggregate.min;
      row->max = domain->aggregate.max;
      row->n = domain->aggregate.n;
      row->disagreement = domain->aggregate.disagreement;
      row->dots = g_array_new (FALSE, FALSE, sizeof (GsProfileDot));
      row->group_means = g_array_new (FALSE, FALSE, sizeof (GsProfileGroupMean));
      for (guint g = 0; g < results->groups->len; g++)
        if (results->group_sizes[g] >= results->min_group_size && !isnan (domain->groups[g].mean))
          {
            GsProfileGroupMean mean = { (int) g, domain->groups[g].mean, domain->groups[g].sd };

            g_array_append_val (row->group_means, mean);
          }
      for (guint r = 0; r < respondents->len; r++)
        {
          GsRespondent *respondent = g_ptr_array_index (respondents, r);
          guint group;
          GsProfileDot dot = { domain->respondents[r].score, -1 };

          if (isnan (dot.score))
            continue;
          if (g_ptr_array_find_with_equal_func (data->groups, respondent->group, g_str_equal, &group))
            dot.group = (int) group;
          g_array_append_val (row->dots, dot);
        }
      g_ptr_array_add (data->rows, row);
    }
}

void
gs_profile_data_clear (GsProfileData *data)
{
  g_clear_pointer (&data->rows, g_ptr_array_unref);
  g_clear_pointer (&data->groups, g_ptr_array_unref);
}

static const GsColor *
group_color (const GsPalette *palette,
             int              group)
{
  return group < 0 ? &palette->muted : &palette->categories[group % GS_PALETTE_N_CATEGORIES];
}

static void
draw_axis (cairo_t         *cr,
           GsRect           plot,
           double           size,
           const GsPalette *palette,
           GArray          *labels)
{
  GsTextStyle tick = { gs_chart_size (size, 0.75), GS_CHART_MIN_TEXT, PANGO_WEIGHT_NORMAL, FALSE, GS_ALIGN_CENTER, GS_ALIGN_START };

  cairo_set_line_width (cr, 1);
  for (int v = 0; v <= 100; v += 25)
    {
      double x = plot.x + plot.width * v / 100;
      g_autofree char *text = g_strdup_printf ("%d", v);
      GsRect box = { x - size * 1.5, plot.y + plot.height + size * 0.2, size * 3, tick.size * 1.5 };

      gs_palette_set_source (cr, &palette->grid);
      cairo_move_to (cr, round (x) + 0.5, plot.y);
      cairo_line_to (cr, round (x) + 0.5, plot.y + plot.height);
      cairo_stroke (cr);
      gs_palette_set_source (cr, &palette->muted);
      gs_chart_text (cr, text, &tick, box, labels);
    }
}

/* The range, lowest to highest respondent, and each respondent, each group a row of its own
 * within the bar so that markers overlap less. */
static void
draw_respondents (cairo_t             *cr,
                  const GsProfileData *data,
                  const GsProfileRow  *row,
                  GsRect               plot,
                  double               cy,
                  double               bar_h,
                  double               size,
                  const GsPalette     *palette)
{
  gs_palette_set_source (cr, &palette->foreground);
  cairo_set_line_width (cr, MAX (1.5, size / 7));
  cairo_move_to (cr, plot.x + plot.width * row->min / 100, cy);
  cairo_line_to (cr, plot.x + plot.width * row->max / 100, cy);
  cairo_stroke (cr);
  for (guint i = 0; i < row->dots->len; i++)
    {
      const GsProfileDot *dot = &g_array_index (row->dots, GsProfileDot, i);
      double offset = data->groups->len > 1 ? ((dot->group + 1.0) / (data->groups->len + 1) - 0.5) * bar_h : 0;

      gs_chart_marker (cr, dot->group < 0 ? GS_MARKER_CROSS : (GsMarker) dot->group,
                       plot.x + plot.width * dot->score / 100, cy + offset, MAX (3, size * 0.3),
                       group_color (palette, dot->group), &palette->background);
    }
}

/* Each group shown, in a lane of its own across the row: a line one standard deviation
 * either side of its mean, and a marker at the mean. */
static void
draw_group_means (cairo_t             *cr,
                  const GsProfileData *data,
                  const GsProfileRow  *row,
                  GsRect               plot,
                  double               cy,
                  double               row_h,
                  double               size,
                  const GsPalette     *palette)
{
  guint n = MAX (1, row->group_means->len);
  double lane = row_h * 0.8 / n, radius = MAX (2.5, MIN (size * 0.3, lane * 0.4));

  for (guint i = 0; i < row->group_means->len; i++)
    {
      const GsProfileGroupMean *mean = &g_array_index (row->group_means, GsProfileGroupMean, i);
      double y = cy - row_h * 0.4 + lane * (i + 0.5), x = plot.x + plot.width * mean->mean / 100;

      if (!isnan (mean->sd))
        {
          gs_palette_set_source (cr, group_color (palette, mean->group));
          cairo_set_line_width (cr, MAX (1.5, radius / 2));
          cairo_move_to (cr, plot.x + plot.width * MAX (0, mean->mean - mean->sd) / 100, y);
          cairo_line_to (cr, plot.x + plot.width * MIN (100, mean->mean + mean->sd) / 100, y);
          cairo_stroke (cr);
        }
      gs_chart_marker (cr, (GsMarker) mean->group, x, y, radius, group_color (palette, mean->group), &palette->background);
    }
}

static void
draw_bars (cairo_t             *cr,
           const GsProfileData *data,
           GsRect               area,
           double               size,
           const GsPalette     *palette,
           GArray              *labels)
{
  GsTextStyle name = { gs_chart_size (size, 0.9), GS_CHART_MIN_TEXT, PANGO_WEIGHT_BOLD, FALSE, GS_ALIGN_END, GS_ALIGN_CENTER };
  GsTextStyle value = { gs_chart_size (size, 0.9), GS_CHART_MIN_TEXT, PANGO_WEIGHT_BOLD, FALSE, GS_ALIGN_START, GS_ALIGN_CENTER };
  GsTextStyle flag = value;
  double label_w = area.width * 0.28, flag_w = MAX (size * 5, area.width * 0.14);
  double axis_h = size * 1.8;
  GsRect plot = { area.x + label_w + size * 0.6, area.y, area.width - label_w - flag_w - size * 1.2, area.height - axis_h };
  double row_h = plot.height / MAX (1, data->rows->len);

  draw_axis (cr, plot, size, palette, labels);
  for (guint r = 0; r < data->rows->len; r++)
    {
      const GsProfileRow *row = g_ptr_array_index (data->rows, r);
      double cy = plot.y + row_h * (r + 0.5);
      double bar_h = MIN (row_h * 0.5, size * 1.6);
      GsRect label_box = { area.x, plot.y + row_h * r, label_w, row_h };
      GsRect flag_box = { plot.x + plot.width + size * 0.6, plot.y + row_h * r, flag_w, row_h };
      g_autofree char *score = gs_chart_format_score (row->mean);

      gs_palette_set_source (cr, &palette->foreground);
      gs_chart_text (cr, row->title, &name, gs_rect_inset (label_box, 2), labels);
      gs_palette_set_source_alpha (cr, &palette->grid, 0.6);
      cairo_rectangle (cr, plot.x, cy - bar_h / 2, plot.width, bar_h);
      cairo_fill (cr);
      if (isnan (row->mean))
        {
          gs_palette_set_source (cr, &palette->muted);
          gs_chart_text (cr, _("Not answered"), &value, (GsRect) { plot.x + size * 0.3, cy - row_h / 2, plot.width, row_h }, labels);
          continue;
        }
      gs_palette_set_source_alpha (cr, &palette->categories[0], 0.35);
      cairo_rectangle (cr, plot.x, cy - bar_h / 2, plot.width * row->mean / 100, bar_h);
      cairo_fill (cr);

      if (data->by_group)
        draw_group_means (cr, data, row, plot, cy, row_h, size, palette);
      else
        draw_respondents (cr, data, row, plot, cy, bar_h, size, palette);
      /* The mean as a tall tick, and its value. */
      gs_palette_set_source (cr, &palette->foreground);
      cairo_set_line_width (cr, MAX (2, size / 5));
      cairo_move_to (cr, plot.x + plot.width * row->mean / 100, cy - bar_h * 0.7);
      cairo_line_to (cr, plot.x + plot.width * row->mean / 100, cy + bar_h * 0.7);
      cairo_stroke (cr);

      if (row->disagreement)
        {
          /* The score above the middle of the row, the flag below it. */
          flag_box.height = row_h / 2;
          value.valign = GS_ALIGN_END;
          gs_chart_text (cr, score, &value, flag_box, labels);
          value.valign = GS_ALIGN_CENTER;
          flag_box.y += row_h / 2;
          flag.valign = GS_ALIGN_START;
          gs_palette_set_source (cr, &palette->warning);
          /* Translators: shown beside a domain whose respondents disagree widely */
          gs_chart_text (cr, _("⚠ Views differ"), &flag, flag_box, labels);
        }
      else
        gs_chart_text (cr, score, &value, flag_box, labels);
    }
}

static void
radar_point (GsRect  box,
             guint   axis,
             guint   n_axes,
             double  value,
             double *x,
             double *y)
{
  double angle = -G_PI / 2 + 2 * G_PI * axis / n_axes;
  double radius = MIN (box.width, box.height) / 2 * value / 100;

  *x = box.x + box.width / 2 + radius * cos (angle);
  *y = box.y + box.height / 2 + radius * sin (angle);
}

/* The rings' values, 25 to 100, between the first two axes, where no mean's marker goes,
 * drawn over the polygon of the means. */
static void
draw_radar_scale (cairo_t         *cr,
                  GsRect           web,
                  guint            n,
                  double           size,
                  const GsPalette *palette,
                  GArray          *labels)
{
  GsTextStyle style = { gs_chart_size (size, 0.65), GS_CHART_MIN_TEXT, PANGO_WEIGHT_NORMAL, FALSE, GS_ALIGN_CENTER, GS_ALIGN_CENTER };
  double angle = -G_PI / 2 + G_PI / n, radius = MIN (web.width, web.height) / 2;

  for (int ring = 25; ring <= 100; ring += 25)
    {
      g_autofree char *text = g_strdup_printf ("%d", ring);
      double x = web.x + web.width / 2 + radius * ring / 100 * cos (angle);
      double y = web.y + web.height / 2 + radius * ring / 100 * sin (angle);
      GsRect box = { x - style.size * 1.1, y - style.size * 0.7, style.size * 2.2, style.size * 1.4 };

      /* On a ground of its own, over the polygon's edge. */
      gs_palette_set_source (cr, &palette->background);
      gs_chart_rounded_rect (cr, gs_rect_inset (gs_chart_text_measure (cr, text, &style, box), -1.5), 2);
      cairo_fill (cr);
      gs_palette_set_source (cr, &palette->muted);
      gs_chart_text (cr, text, &style, box, labels);
    }
}

static void
draw_radar (cairo_t             *cr,
            const GsProfileData *data,
            GsRect               area,
            double               size,
            const GsPalette     *palette,
            GArray              *labels)
{
  GsTextStyle axis_style = { gs_chart_size (size, 0.8), GS_CHART_MIN_TEXT, PANGO_WEIGHT_NORMAL, FALSE, GS_ALIGN_CENTER, GS_ALIGN_CENTER };
  guint n = data->rows->len;
  double label_w = MIN (area.width * 0.3, size * 9), label_h = size * 2.6;
  GsRect web = { area.x + label_w * 0.7, area.y + label_h, area.width - label_w * 1.4, area.height - 2 * label_h };
  double x, y;

  if (n < 3)
    return;
  /* The rings and spokes in one stroke: stroking each on its own cost more than all. */
  for (int ring = 25; ring <= 100; ring += 25)
    for (guint a = 0; a <= n; a++)
      {
        radar_point (web, a % n, n, ring, &x, &y);
        if (a == 0)
          cairo_move_to (cr, x, y);
        else
          cairo_line_to (cr, x, y);
      }
  for (guint a = 0; a < n; a++)
    {
      radar_point (web, a, n, 0, &x, &y);
      cairo_move_to (cr, x, y);
      radar_point (web, a, n, 100, &x, &y);
      cairo_line_to (cr, x, y);
    }
  gs_palette_set_source (cr, &palette->grid);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
  for (guint a = 0; a < n; a++)
    {
      const GsProfileRow *row = g_ptr_array_index (data->rows, a);
      double lx, ly;
      GsRect box;

      radar_point (web, a, n, 118, &lx, &ly);
      box = (GsRect) { lx - label_w / 2, ly - label_h / 2, label_w, label_h };
      box.x = CLAMP (box.x, area.x, area.x + area.width - label_w);
      box.y = CLAMP (box.y, area.y, area.y + area.height - label_h);
      gs_palette_set_source (cr, &palette->foreground);
      gs_chart_text (cr, row->title, &axis_style, box, labels);
    }
  /* The polygon of the means (unanswered domains at 0, drawn hollow). */
  for (guint a = 0; a <= n; a++)
    {
      const GsProfileRow *row = g_ptr_array_index (data->rows, a % n);
      radar_point (web, a % n, n, isnan (row->mean) ? 0 : row->mean, &x, &y);
      if (a == 0)
        cairo_move_to (cr, x, y);
      else
        cairo_line_to (cr, x, y);
    }
  gs_palette_set_source_alpha (cr, &palette->categories[0], 0.25);
  cairo_fill_preserve (cr);
  gs_palette_set_source (cr, &palette->categories[0]);
  cairo_set_line_width (cr, MAX (1.5, size / 6));
  cairo_stroke (cr);
  draw_radar_scale (cr, web, n, size, palette, labels);
  for (guint a = 0; a < n; a++)
    {
      const GsProfileRow *row = g_ptr_array_index (data->rows, a);
      if (isnan (row->mean))
        continue;
      radar_point (web, a, n, row->mean, &x, &y);
      gs_chart_marker (cr, row->disagreement ? GS_MARKER_TRIANGLE_UP : GS_MARKER_CIRCLE, x, y, MAX (3, size * 0.3),
                       row->disagreement ? &palette->warning : &palette->categories[0], &palette->background);
    }
}

/* The legend's entries, in order: each group, then the mean and range. */
static const char *
legend_text (const GsProfileData *data,
             guint                entry)
{
  if (entry < data->groups->len)
    return g_ptr_array_index (data->groups, entry);
  return data->by_group ? _("Everyone’s mean (tick); each group’s mean (marker) ± one standard deviation (line)")
                        : _("Mean (tick), range of respondents (line)");
}

static GsTextStyle
legend_style (double size)
{
  return (GsTextStyle) { gs_chart_size (size, 0.8), GS_CHART_MIN_TEXT, PANGO_WEIGHT_NORMAL, FALSE, GS_ALIGN_START,
                         GS_ALIGN_CENTER };
}

/* Where each legend entry goes: entries flow left to right and onto further rows as they
 * need, each as wide as its words (up to the whole width), so none is dropped or cut.
 * Returns the number of rows; @boxes receives each entry's box, marker included, with the
 * first row at @area's top. */
static guint
layout_legend (cairo_t             *cr,
               const GsProfileData *data,
               GsRect               area,
               double               size,
               GsRect              *boxes)
{
  GsTextStyle style = legend_style (size);
  double x = area.x, row_h = size * 2, gap = size * 1.2;
  guint row = 0;

  for (guint e = 0; e <= data->groups->len; e++)
    {
      double w = MIN (size * 1.4 + gs_chart_text_width (cr, legend_text (data, e), &style) + 2, area.width);

      if (x > area.x && x + w > area.x + area.width)
        {
          row++;
          x = area.x;
        }
      boxes[e] = (GsRect) { x, area.y + row * row_h, w, row_h };
      x += w + gap;
    }
  return row + 1;
}

/* Draws the entries laid out by layout_legend(), moved down by @dy. */
static void
draw_legend (cairo_t             *cr,
             const GsProfileData *data,
             const GsRect        *boxes,
             double               dy,
             double               size,
             const GsPalette     *palette,
             GArray              *labels)
{
  GsTextStyle style = legend_style (size);

  for (guint e = 0; e <= data->groups->len; e++)
    {
      GsRect entry = { boxes[e].x, boxes[e].y + dy, boxes[e].width, boxes[e].height };
      GsRect text = { entry.x + size * 1.4, entry.y, entry.width - size * 1.4, entry.height };
      double middle = entry.y + entry.height / 2;

      if (e == data->groups->len)
        {
          gs_palette_set_source (cr, &palette->foreground);
          cairo_set_line_width (cr, MAX (2, size / 5));
          cairo_move_to (cr, entry.x + size * 0.5, middle - entry.height * 0.3);
          cairo_line_to (cr, entry.x + size * 0.5, middle + entry.height * 0.3);
          cairo_stroke (cr);
        }
      else
        gs_chart_marker (cr, (GsMarker) e, entry.x + size * 0.5, middle, MAX (3, size * 0.3),
                         group_color (palette, (int) e), &palette->background);
      gs_palette_set_source (cr, &palette->foreground);
      gs_chart_text (cr, legend_text (data, e), &style, text, labels);
    }
}

/**
 * gs_profile_chart_draw:
 * @labels: (nullable): receives every label drawn
 */
void
gs_profile_chart_draw (cairo_t             *cr,
                       const GsProfileData *data,
                       double               width,
                       double               height,
                       const GsPalette     *palette,
                       GArray              *labels)
{
  double size = gs_chart_base_size (width, height);
  double margin = MAX (4, size * 0.6);
  g_autofree GsRect *legend_boxes = g_new (GsRect, data->groups->len + 1);
  double legend_h = size * 2 * layout_legend (cr, data, (GsRect) { margin, 0, width - 2 * margin, 0 }, size,
                                              legend_boxes);
  GsRect content = { margin, margin, width - 2 * margin, height - 3 * margin - legend_h };
  GsRect legend = { margin, height - margin - legend_h, width - 2 * margin, legend_h };

  cairo_save (cr);
  gs_palette_set_source (cr, &palette->background);
  cairo_paint (cr);
  if (width > height * 1.3 && width >= 640)
    {
      GsRect radar = { content.x, content.y, content.width * 0.38, content.height };
      GsRect bars = { content.x + content.width * 0.4, content.y, content.width * 0.6, content.height };

      draw_radar (cr, data, radar, size, palette, labels);
      draw_bars (cr, data, bars, size, palette, labels);
    }
  else if (height > width * 1.2)
    {
      GsRect radar = { content.x, content.y, content.width, content.height * 0.45 };
      GsRect bars = { content.x, content.y + content.height * 0.48, content.width, content.height * 0.52 };

      draw_radar (cr, data, radar, size, palette, labels);
      draw_bars (cr, data, bars, size, palette, labels);
    }
  else
    draw_bars (cr, data, content, size, palette, labels);
  draw_legend (cr, data, legend_boxes, legend.y, size, palette, labels);
  cairo_restore (cr);
}

char *
gs_profile_chart_describe (const GsProfileData *data)
{
  g_autoptr(GString) text = g_string_new (_("Context profile, scores out of 100:"));

  for (guint r = 0; r < data->rows->len; r++)
    {
      const GsProfileRow *row = g_ptr_array_index (data->rows, r);

      if (isnan (row->mean))
        g_string_append_printf (text, _(" %s not answered;"), row->title);
      else
        g_string_append_printf (text, _(" %s %.0f (lowest %.0f, highest %.0f, %u respondents%s);"), row->title,
                                row->mean, row->min, row->max, row->n, row->disagreement ? _(", respondents disagree") : "");
    }
  if (text->len > 0 && text->str[text->len - 1] == ';')
    text->str[text->len - 1] = '.';
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* One sentence for a slide: the strongest and the weakest area. */
char *
gs_profile_chart_summarise (const GsProfileData *data)
{
  const GsProfileRow *high = NULL, *low = NULL;

  for (guint r = 0; r < data->rows->len; r++)
    {
      const GsProfileRow *row = g_ptr_array_index (data->rows, r);

      if (isnan (row->mean))
        continue;
      if (high == NULL || row->mean > high->mean)
        high = row;
      if (low == NULL || row->mean < low->mean)
        low = row;
    }
  if (high == NULL)
    return g_strdup (_("No answers on the scale yet."));
  /* Translators: a slide's reading of the context profile */
  return g_strdup_printf (_("Strongest: %s, %.0f out of 100. Weakest: %s, %.0f out of 100."),
                          high->title, high->mean, low->title, low->mean);
}
