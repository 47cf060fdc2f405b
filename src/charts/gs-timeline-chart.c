/* gs-timeline-chart.c — the movement timeline
 *
 * Time runs left to right with month or year ticks. Each stage is a band from the first
 * event recorded in it to the first event of the next stage (the last runs to the end).
 * Events are markers by kind (trigger ▲, milestone ◆, setback ▼, coalition ■); their labels
 * sit in rows above the plot, each in the first row where it overlaps no other, joined to
 * its marker by a leader line; a label with no free row is left out (its marker stays, and
 * the description lists every event). Measurements draw the share of staff taking part as a
 * line on the right-hand axis, against the paper's UK estimate (fewer than 15 % of NHS
 * staff in formal improvement activities) and an optional target.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gs-charts"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>

#include "gs-chart-shapes.h"
#include "gs-timeline-chart.h"

#define MAX_LABEL_ROWS 4

static const GsMarker kind_markers[GS_N_EVENT_KINDS] = {
  GS_MARKER_TRIANGLE_UP, GS_MARKER_DIAMOND, GS_MARKER_TRIANGLE_DOWN, GS_MARKER_SQUARE, GS_MARKER_CIRCLE,
};

void
gs_timeline_data_init (GsTimelineData *data,
                       GsInstrument   *instrument,
                       GsAssessment   *assessment,
                       GPtrArray      *assessment_dates)
{
  GPtrArray *stages = gs_instrument_get_stages (instrument);

  memset (data, 0, sizeof *data);
  data->events = g_ptr_array_ref (gs_assessment_get_events (assessment));
  data->assessment_dates = g_ptr_array_new_with_free_func (g_free);
  if (assessment_dates != NULL)
    for (guint i = 0; i < assessment_dates->len; i++)
      g_ptr_array_add (data->assessment_dates, g_strdup (g_ptr_array_index (assessment_dates, i)));
  else
    g_ptr_array_add (data->assessment_dates, g_strdup (gs_assessment_get_date (assessment)));
  for (guint s = 0; s < 3 && s < stages->len; s++)
    data->stage_names[s] = g_strdup (((const GsStage *) g_ptr_array_index (stages, s))->name);
  data->target = NAN;
}

void
gs_timeline_data_clear (GsTimelineData *data)
{
  g_clear_pointer (&data->events, g_ptr_array_unref);
  g_clear_pointer (&data->assessment_dates, g_ptr_array_unref);
  for (guint s = 0; s < 3; s++)
    g_clear_pointer (&data->stage_names[s], g_free);
}

/* Days since 1 January of year 1: a number the axis can scale. Dates are YYYY-MM-DD, read
 * as such: g_date_set_parse() takes a year below 100 for this century's ("0050" → 2050). */
static double
day_number (const char *date)
{
  g_autoptr(GDate) d = NULL;
  int y, m, day;

  if (date == NULL || sscanf (date, "%4d-%2d-%2d", &y, &m, &day) != 3 || !g_date_valid_dmy (day, m, y))
    return 0;
  d = g_date_new_dmy ((GDateDay) day, (GDateMonth) m, (GDateYear) y);
  return g_date_get_julian (d);
}

typedef struct {
  double size, margin;
  double first, last;          /* the axis's range, in day numbers */
  GsRect labels_area, plot, axis, legend;
  double participation_max;
} Layout;

static gboolean
event_date_range (const GsTimelineData *data,
                  double               *first,
                  double               *last)
{
  gboolean any = FALSE;

  for (guint i = 0; i < data->events->len; i++)
    {
      double d = day_number (((const GsTimelineEvent *) g_ptr_array_index (data->events, i))->date);
      *first = any ? MIN (*first, d) : d;
      *last = any ? MAX (*last, d) : d;
      any = TRUE;
    }
  for (guint i = 0; i < data->assessment_dates->len; i++)
    {
      double d = day_number (g_ptr_array_index (data->assessment_dates, i));
      *first = any ? MIN (*first, d) : d;
      *last = any ? MAX (*last, d) : d;
      any = TRUE;
    }
  return any;
}

static void
compute_layout (Layout               *l,
                const GsTimelineData *data,
                double                width,
                double                height)
{
  double span, labels_h, axis_h, legend_h, right_axis_w;

  l->size = gs_chart_base_size (width, height);
  l->margin = MAX (4, l->size * 0.6);
  if (!event_date_range (data, &l->first, &l->last))
    l->first = l->last = day_number ("2026-01-01");
  span = MAX (60, l->last - l->first);
  l->first -= span * 0.04;
  l->last += span * 0.04;

  labels_h = MIN (height * 0.34, MAX_LABEL_ROWS * l->size * 2.9);
  axis_h = l->size * 2.2;
  legend_h = l->size * 2;
  right_axis_w = l->size * 4.8;  /* ticks, and the axis title turned on its side */
  l->labels_area = (GsRect) { l->margin, l->margin, width - 2 * l->margin - right_axis_w, labels_h };
  l->plot = (GsRect) { l->margin, l->margin + labels_h, width - 2 * l->margin - right_axis_w,
                       height - 2 * l->margin - labels_h - axis_h - legend_h };
  l->axis = (GsRect) { l->plot.x, l->plot.y + l->plot.height, l->plot.width, axis_h };
  l->legend = (GsRect) { l->margin, height - l->margin - legend_h, width - 2 * l->margin, legend_h };

  l->participation_max = 30;
  for (guint i = 0; i < data->events->len; i++)
    {
      const GsTimelineEvent *event = g_ptr_array_index (data->events, i);
      if (!isnan (event->participation))
        l->participation_max = MAX (l->participation_max, ceil ((event->participation + 5) / 10) * 10);
    }
  if (!isnan (data->target))
    l->participation_max = MAX (l->participation_max, ceil ((data->target + 5) / 10) * 10);
  l->participation_max = MIN (l->participation_max, 100);
}

static double
marker_y_of (const Layout *l)
{
  return l->plot.y + l->size * 1.4;
}

static double
x_of (const Layout *l,
      double        day)
{
  return l->plot.x + l->plot.width * (day - l->first) / (l->last - l->first);
}

static double
y_of_share (const Layout *l,
            double        share)
{
  /* The participation line uses the lower 70 % of the plot, under the event markers. */
  double top = l->plot.y + l->plot.height * 0.3;
  return l->plot.y + l->plot.height - (l->plot.height - (top - l->plot.y)) * share / l->participation_max;
}

double
gs_timeline_chart_participation_y (const GsTimelineData *data,
                                   double                width,
                                   double                height,
                                   double                share)
{
  Layout l;

  compute_layout (&l, data, width, height);
  return y_of_share (&l, share);
}

static int
compare_events_by_date (gconstpointer a,
                        gconstpointer b)
{
  return strcmp ((*(const GsTimelineEvent * const *) a)->date, (*(const GsTimelineEvent * const *) b)->date);
}

/* The events in date order, in an array that does not own them. */
static GPtrArray *
sorted_events (const GsTimelineData *data)
{
  GPtrArray *sorted = g_ptr_array_sized_new (data->events->len);

  g_ptr_array_extend (sorted, data->events, NULL, NULL);
  g_ptr_array_sort (sorted, compare_events_by_date);
  return sorted;
}

static void
draw_stage_bands (cairo_t              *cr,
                  const Layout         *l,
                  const GsTimelineData *data,
                  const GsPalette      *palette,
                  GArray               *labels)
{
  g_autoptr(GPtrArray) sorted = sorted_events (data);
  GsTextStyle style = { gs_chart_size (l->size, 0.8), GS_CHART_MIN_TEXT, PANGO_WEIGHT_BOLD, FALSE, GS_ALIGN_START, GS_ALIGN_END };
  int current = 0;
  double start = 0, free_from = l->plot.x;  /* where the previous band's name ends */

  for (guint i = 0; i <= sorted->len; i++)
    {
      const GsTimelineEvent *event = i < sorted->len ? g_ptr_array_index (sorted, i) : NULL;
      double day = event != NULL ? day_number (event->date) : l->last;

      if (event != NULL && (event->stage == 0 || event->stage == current))
        continue;
      if (current > 0)
        {
          double x0 = x_of (l, start), x1 = x_of (l, day);
          GsRect band = { x0, l->plot.y, x1 - x0, l->plot.height };
          GsRect name = gs_rect_inset (band, l->size * 0.3);

          gs_palette_set_source (cr, &palette->stages[(current - 1) % 3]);
          cairo_rectangle (cr, band.x, band.y, band.width, band.height);
          cairo_fill (cr);
          /* At the foot of the band, clear of the event markers and their leader lines. A
           * band too narrow for its name (the stage just begun) lends it the room the band
           * before leaves free, and the name ends at the band's end. */
          name.height = style.size * 2.6;
          name.y = band.y + band.height - name.height - l->size * 0.3;
          style.halign = GS_ALIGN_START;
          {
            double end = name.x + name.width, borrowed_x = MAX (free_from + l->size * 0.5, end - l->size * 9);

            if (name.width < l->size * 9 && borrowed_x < name.x && end - borrowed_x >= l->size * 3)
              {
                name.x = borrowed_x;
                name.width = end - borrowed_x;
                style.halign = GS_ALIGN_END;
              }
          }
          gs_palette_set_source (cr, &palette->muted);
          {
            GsRect ink = gs_chart_text (cr, data->stage_names[(current - 1) % 3], &style, name, labels);
            free_from = ink.x + ink.width;
          }
        }
      if (event != NULL)
        {
          current = event->stage;
          start = day;
        }
    }
}

/* Month ticks for spans up to three years, year ticks beyond. */
static void
draw_time_axis (cairo_t         *cr,
                const Layout    *l,
                const GsPalette *palette,
                GArray          *labels)
{
  g_autoptr(GDate) date = g_date_new_julian ((guint32) MAX (1, ceil (l->first)));
  GsTextStyle style = { gs_chart_size (l->size, 0.75), GS_CHART_MIN_TEXT, PANGO_WEIGHT_NORMAL, FALSE, GS_ALIGN_CENTER, GS_ALIGN_START };
  double span_years = (l->last - l->first) / 365.25;
  int step = span_years > 3 ? 12 : span_years > 1.5 ? 6 : span_years > 0.6 ? 3 : 1;
  double last_label_end = -G_MAXDOUBLE;

  gs_palette_set_source (cr, &palette->muted);
  cairo_set_line_width (cr, 1);
  cairo_move_to (cr, l->plot.x, round (l->axis.y) + 0.5);
  cairo_line_to (cr, l->plot.x + l->plot.width, round (l->axis.y) + 0.5);
  cairo_stroke (cr);

  /* From the first of the month at or after the start, in steps of @step months. */
  if (g_date_get_day (date) != 1)
    {
      g_date_set_day (date, 1);
      g_date_add_months (date, 1);
    }
  while (g_date_get_month (date) % step != 1 % step && step > 1)
    g_date_add_months (date, 1);
  for (; g_date_get_julian (date) <= l->last; g_date_add_months (date, step))
    {
      double x = x_of (l, g_date_get_julian (date));
      char text[64];
      GsRect box;

      if (step == 12)
        g_date_strftime (text, sizeof text, "%Y", date);
      else
        g_date_strftime (text, sizeof text, g_date_get_month (date) == 1 ? "%b %Y" : "%b", date);
      box = (GsRect) { x - l->size * 2.5, l->axis.y + l->size * 0.3, l->size * 5, l->size * 1.6 };
      gs_palette_set_source (cr, &palette->muted);
      cairo_move_to (cr, round (x) + 0.5, l->axis.y);
      cairo_line_to (cr, round (x) + 0.5, l->axis.y + l->size * 0.3);
      cairo_stroke (cr);
      if (box.x > last_label_end && box.x + box.width <= l->plot.x + l->plot.width + l->size * 2.5)
        last_label_end = gs_chart_text (cr, text, &style, box, labels).x + box.width;
    }
}

static void
draw_participation (cairo_t              *cr,
                    const Layout         *l,
                    const GsTimelineData *data,
                    const GsPalette      *palette,
                    GArray               *labels)
{
  GsTextStyle tick = { gs_chart_size (l->size, 0.75), GS_CHART_MIN_TEXT, PANGO_WEIGHT_NORMAL, FALSE, GS_ALIGN_START, GS_ALIGN_CENTER };
  /* The reference's label sits at the left, where the line is lowest in a growing movement. */
  GsTextStyle note = { gs_chart_size (l->size, 0.75), GS_CHART_MIN_TEXT, PANGO_WEIGHT_BOLD, FALSE, GS_ALIGN_START, GS_ALIGN_END };
  double right = l->plot.x + l->plot.width;
  double y15 = y_of_share (l, GS_PARTICIPATION_REFERENCE);
  gboolean started = FALSE;
  g_autoptr(GPtrArray) sorted = sorted_events (data);

  /* The right-hand axis: share of staff taking part. */
  for (double v = 0; v <= l->participation_max + 0.1; v += l->participation_max > 50 ? 20 : 10)
    {
      g_autofree char *text = g_strdup_printf ("%.0f\u202f%%", v);
      GsRect box = { right + l->size * 0.3, y_of_share (l, v) - l->size, l->size * 3, l->size * 2 };

      gs_palette_set_source (cr, &palette->muted);
      gs_chart_text (cr, text, &tick, box, labels);
    }

  /* The axis's title, read from the foot up beside the ticks. */
  {
    GsTextStyle title = { gs_chart_size (l->size, 0.75), GS_CHART_MIN_TEXT, PANGO_WEIGHT_NORMAL, FALSE, GS_ALIGN_CENTER,
                          GS_ALIGN_CENTER };

    cairo_save (cr);
    cairo_translate (cr, right + l->size * 4.0, l->plot.y + l->plot.height / 2);
    cairo_rotate (cr, -G_PI / 2);
    gs_palette_set_source (cr, &palette->muted);
    gs_chart_text (cr, _("Share of staff taking part"), &title,
                   (GsRect) { -l->plot.height / 2, -l->size * 0.75, l->plot.height, l->size * 1.5 }, NULL);
    cairo_restore (cr);
  }

  /* The paper's reference line, and the target if there is one. */
  {
    double dash[] = { l->size * 0.5, l->size * 0.3 };
    GsRect box = { l->plot.x + l->size * 0.3, y15 - l->size * 1.7, l->plot.width - l->size * 0.6, l->size * 1.6 };

    cairo_save (cr);
    cairo_set_dash (cr, dash, 2, 0);
    gs_palette_set_source (cr, &palette->reference);
    cairo_set_line_width (cr, MAX (1.5, l->size / 8));
    cairo_move_to (cr, l->plot.x, y15);
    cairo_line_to (cr, right, y15);
    cairo_stroke (cr);
    if (!isnan (data->target))
      {
        double yt = y_of_share (l, data->target);
        gs_palette_set_source (cr, &palette->upside);
        cairo_move_to (cr, l->plot.x, yt);
        cairo_line_to (cr, right, yt);
        cairo_stroke (cr);
      }
    cairo_restore (cr);
    gs_palette_set_source (cr, &palette->reference);
    /* xgettext:no-c-format */
    gs_chart_text (cr, _("UK estimate: fewer than 15 % of NHS staff take part in formal improvement activities "
                         "(Bate, Robert and Bevan 2004)"),
                   &note, box, labels);
  }

  gs_palette_set_source (cr, &palette->categories[0]);
  cairo_set_line_width (cr, MAX (2, l->size / 5));
  for (guint i = 0; i < sorted->len; i++)
    {
      const GsTimelineEvent *event = g_ptr_array_index (sorted, i);
      double x, y;

      if (isnan (event->participation))
        continue;
      x = x_of (l, day_number (event->date));
      y = y_of_share (l, event->participation);
      if (started)
        cairo_line_to (cr, x, y);
      else
        cairo_move_to (cr, x, y);
      started = TRUE;
    }
  cairo_stroke (cr);
  for (guint i = 0; i < sorted->len; i++)
    {
      const GsTimelineEvent *event = g_ptr_array_index (sorted, i);

      if (!isnan (event->participation))
        gs_chart_marker (cr, GS_MARKER_CIRCLE, x_of (l, day_number (event->date)), y_of_share (l, event->participation),
                         MAX (3, l->size * 0.3), &palette->categories[0], &palette->background);
    }
}

/* Whether [start, end] is free in a row of placed labels (pairs of doubles). */
static gboolean
interval_free (GArray *row,
               double  start,
               double  end)
{
  for (guint i = 0; i + 1 < row->len; i += 2)
    if (start < g_array_index (row, double, i + 1) && g_array_index (row, double, i) < end)
      return FALSE;
  return TRUE;
}

static void
occupy (GArray *row,
        double  start,
        double  end)
{
  g_array_append_val (row, start);
  g_array_append_val (row, end);
}

/* Event markers along the top of the plot, their labels in rows above. Taking the events
 * in date order, a label goes in the highest row where its box is free and where its leader
 * line, running down through the rows below, crosses no label placed before it; labels run
 * rightwards from their markers, so later labels never cover an earlier leader line. */
static void
draw_events (cairo_t              *cr,
             const Layout         *l,
             const GsTimelineData *data,
             const GsPalette      *palette,
             GArray               *labels)
{
  GsTextStyle style = { gs_chart_size (l->size, 0.8), GS_CHART_MIN_TEXT, PANGO_WEIGHT_NORMAL, FALSE, GS_ALIGN_START, GS_ALIGN_END };
  double row_h = l->labels_area.height / MAX_LABEL_ROWS;
  double label_w = MIN (l->labels_area.width * 0.24, l->size * 13);
  double marker_y = marker_y_of (l);
  double pad = l->size * 0.5;
  g_autoptr(GPtrArray) sorted = sorted_events (data);
  GArray *rows[MAX_LABEL_ROWS];

  for (guint r = 0; r < MAX_LABEL_ROWS; r++)
    rows[r] = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < sorted->len; i++)
    {
      const GsTimelineEvent *event = g_ptr_array_index (sorted, i);
      double x = x_of (l, day_number (event->date));
      double right_edge = l->labels_area.x + l->labels_area.width + l->size * 3;
      int row = -1;

      if (event->kind == GS_EVENT_MEASUREMENT)
        continue;
      gs_chart_marker (cr, kind_markers[event->kind], x, marker_y, MAX (3.5, l->size * 0.4),
                       &palette->categories[event->kind], &palette->foreground);

      for (int r = 0; r < MAX_LABEL_ROWS && row < 0; r++)
        {
          gboolean free = x + l->size * 4 <= right_edge && interval_free (rows[r], x - pad, x + label_w + pad);

          for (int below = r + 1; below < MAX_LABEL_ROWS && free; below++)
            free = interval_free (rows[below], x - pad, x + pad);
          if (free)
            row = r;
        }
      if (row < 0)
        continue;
      {
        GsRect box = { x - l->size * 0.3, l->labels_area.y + row_h * row, MIN (label_w, right_edge - x), row_h - l->size * 0.2 };
        GsRect used;

        gs_palette_set_source (cr, &palette->foreground);
        used = gs_chart_text (cr, event->title, &style, box, labels);
        if (used.width <= 0)
          continue;
        occupy (rows[row], used.x - pad, used.x + used.width + pad);
        for (int below = row + 1; below < MAX_LABEL_ROWS; below++)
          occupy (rows[below], x - pad / 2, x + pad / 2);
        gs_palette_set_source_alpha (cr, &palette->muted, 0.8);
        cairo_set_line_width (cr, 1);
        cairo_move_to (cr, round (x) + 0.5, used.y + used.height + 1);
        cairo_line_to (cr, round (x) + 0.5, marker_y - l->size * 0.5);
        cairo_stroke (cr);
      }
    }
  for (guint r = 0; r < MAX_LABEL_ROWS; r++)
    g_array_unref (rows[r]);
}

/* Assessments: a thin dotted line down the plot, under the data. */
static void
draw_assessments (cairo_t              *cr,
                  const Layout         *l,
                  const GsTimelineData *data,
                  const GsPalette      *palette)
{
  for (guint i = 0; i < data->assessment_dates->len; i++)
    {
      double x = x_of (l, day_number (g_ptr_array_index (data->assessment_dates, i)));
      double dash[] = { 2, 3 };

      cairo_save (cr);
      cairo_set_dash (cr, dash, 2, 0);
      gs_palette_set_source (cr, &palette->foreground);
      cairo_set_line_width (cr, 1);
      cairo_move_to (cr, round (x) + 0.5, l->plot.y);
      cairo_line_to (cr, round (x) + 0.5, l->plot.y + l->plot.height);
      cairo_stroke (cr);
      cairo_restore (cr);
    }
}

static void
draw_legend (cairo_t         *cr,
             const Layout    *l,
             const GsPalette *palette,
             GArray          *labels)
{
  static const char *names[GS_N_EVENT_KINDS] = {
    N_("Trigger"), N_("Milestone"), N_("Setback"), N_("Coalition"), N_("Share of staff taking part"),
  };
  GsTextStyle style = { gs_chart_size (l->size, 0.75), GS_CHART_MIN_TEXT, PANGO_WEIGHT_NORMAL, FALSE, GS_ALIGN_START, GS_ALIGN_CENTER };
  double slot = l->legend.width / (GS_N_EVENT_KINDS + 1);

  for (guint k = 0; k <= GS_N_EVENT_KINDS; k++)
    {
      double x = l->legend.x + slot * k;
      GsRect box = { x + l->size * 1.1, l->legend.y, slot - l->size * 1.3, l->legend.height };

      if (k < GS_N_EVENT_KINDS)
        gs_chart_marker (cr, kind_markers[k], x + l->size * 0.5, l->legend.y + l->legend.height / 2,
                         MAX (3, l->size * 0.35), &palette->categories[k], &palette->foreground);
      else
        {
          double dash[] = { 2, 3 };
          cairo_save (cr);
          cairo_set_dash (cr, dash, 2, 0);
          cairo_set_line_width (cr, 1);  /* as the plot's assessment lines */
          gs_palette_set_source (cr, &palette->foreground);
          cairo_move_to (cr, x + l->size * 0.5, l->legend.y + 2);
          cairo_line_to (cr, x + l->size * 0.5, l->legend.y + l->legend.height - 2);
          cairo_stroke (cr);
          cairo_restore (cr);
        }
      gs_palette_set_source (cr, &palette->foreground);
      gs_chart_text (cr, k < GS_N_EVENT_KINDS ? _(names[k]) : _("Assessment"), &style, box, labels);
    }
}

void
gs_timeline_chart_draw (cairo_t              *cr,
                        const GsTimelineData *data,
                        double                width,
                        double                height,
                        const GsPalette      *palette,
                        GArray               *labels)
{
  Layout l;

  compute_layout (&l, data, width, height);
  cairo_save (cr);
  gs_palette_set_source (cr, &palette->background);
  cairo_paint (cr);
  gs_palette_set_source (cr, &palette->surface);
  cairo_rectangle (cr, l.plot.x, l.plot.y, l.plot.width, l.plot.height);
  cairo_fill (cr);
  draw_stage_bands (cr, &l, data, palette, labels);
  draw_time_axis (cr, &l, palette, labels);
  draw_assessments (cr, &l, data, palette);
  draw_participation (cr, &l, data, palette, labels);
  draw_events (cr, &l, data, palette, labels);
  draw_legend (cr, &l, palette, labels);
  cairo_restore (cr);
}

char *
gs_timeline_chart_describe (const GsTimelineData *data)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GPtrArray) sorted = sorted_events (data);

  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "Movement timeline with %u event:",
                                             "Movement timeline with %u events:", sorted->len), sorted->len);
  for (guint i = 0; i < sorted->len; i++)
    {
      const GsTimelineEvent *event = g_ptr_array_index (sorted, i);

      g_string_append_printf (text, " %s, %s (%s", event->date, event->title, gs_event_kind_to_string (event->kind));
      if (event->stage > 0 && data->stage_names[event->stage - 1] != NULL)
        g_string_append_printf (text, _(", stage: %s"), data->stage_names[event->stage - 1]);
      if (!isnan (event->participation))
        g_string_append_printf (text, _(", %.1f %% of staff taking part"), event->participation);
      if (event->change_agents >= 0)
        g_string_append_printf (text, _(", %d change agents"), event->change_agents);
      g_string_append (text, ");");
    }
  /* xgettext:no-c-format */
  g_string_append (text, _(" Reference: a UK estimate that fewer than 15 % of NHS staff take part in formal "
                           "improvement activities (Bate, Robert and Bevan 2004). "));
  g_string_append (text, gs_instrument_stages_origin ());
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* One sentence for a slide: the latest share of staff taking part, against the paper's
 * estimate, and the stage the latest event marked. */
char *
gs_timeline_chart_summarise (const GsTimelineData *data)
{
  g_autoptr(GPtrArray) sorted = sorted_events (data);
  g_autoptr(GString) text = g_string_new (NULL);
  const GsTimelineEvent *measured = NULL;
  int stage = 0;

  for (guint i = 0; i < sorted->len; i++)
    {
      const GsTimelineEvent *event = g_ptr_array_index (sorted, i);

      if (!isnan (event->participation))
        measured = event;
      if (event->stage > 0)
        stage = event->stage;
    }
  if (measured != NULL)
    {
      g_autofree char *date = gs_format_date (measured->date);

      g_string_append_printf (text, _("On %s, %.0f %% of staff were taking part (a UK estimate: fewer than 15 %%)."),
                              date, measured->participation);
    }
  if (stage > 0 && data->stage_names[stage - 1] != NULL)
    g_string_append_printf (text, _("%sLatest stage marked on the timeline: %s."), text->len > 0 ? " " : "",
                            data->stage_names[stage - 1]);
  if (text->len == 0)
    g_string_append (text, _("No events on the timeline yet."));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Where an event's marker is: on the marker line, or on the participation line for a
 * measurement. For tests that sample the markers' pixels. */
gboolean
gs_timeline_chart_event_point (const GsTimelineData  *data,
                               double                 width,
                               double                 height,
                               const GsTimelineEvent *event,
                               double                *x,
                               double                *y)
{
  Layout l;

  compute_layout (&l, data, width, height);
  *x = x_of (&l, day_number (event->date));
  if (event->kind == GS_EVENT_MEASUREMENT)
    {
      if (isnan (event->participation))
        return FALSE;
      *y = y_of_share (&l, event->participation);
    }
  else
    *y = marker_y_of (&l);
  return TRUE;
}
