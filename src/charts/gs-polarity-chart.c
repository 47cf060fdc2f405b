/* gs-polarity-chart.c — a polarity map in Barry Johnson's form
 *
 * The layout (Johnson, Polarity Management, 1996): the greater purpose above, the deeper
 * fear below; the two poles on the middle line joined by "and"; each pole's upsides in the
 * quadrant above it and the downsides of over-focusing on it below; action steps beside the
 * upsides and early warnings beside the downsides (inside the quadrants when the chart is
 * narrow). With results, each quadrant has a bar on its outer side, filled from the middle
 * line outwards in proportion to how often its statements are seen (upsides solid, downsides
 * hatched), and a key under the map says so. The infinity loop runs round the two poles in
 * the gutters between the boxes and crosses under the "AND", so that no line or marker lies
 * on a word or a number (an earlier design drew it through the fill levels, over the text).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gs-charts"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "gs-chart-shapes.h"
#include "gs-polarity-chart.h"

/* --- Data --------------------------------------------------------------------------------- */

static const char *
edited_or (GsAssessment *assessment,
           const char   *key,
           const char   *text)
{
  const char *edited = assessment != NULL ? g_hash_table_lookup (gs_assessment_get_polarity_texts (assessment), key) : NULL;

  return edited != NULL ? edited : text;
}

/* The texts of one list (upsides, action steps…), edits applied, one per line. */
static char *
join_texts (GsAssessment        *assessment,
            const GsPolarityRow *row,
            GsPole               pole,
            const char          *field,
            GPtrArray           *texts)
{
  g_autoptr(GString) joined = g_string_new (NULL);

  for (guint i = 0; i < texts->len; i++)
    {
      g_autofree char *key = gs_polarity_text_key (row, pole, field, i);
      const GsSourcedText *text = g_ptr_array_index (texts, i);

      if (joined->len > 0)
        g_string_append_c (joined, '\n');
      g_string_append_printf (joined, "• %s", edited_or (assessment, key, text->text));
    }
  return g_string_free (g_steal_pointer (&joined), FALSE);
}

/* A cell of Table 1 as the map shows it: the assessment's rewording, else the paper's words,
 * marked "(translated)" when they are shown in translation (the report's appendix has the
 * English). */
static char *
pole_text (GsInstrument        *instrument,
           GsAssessment        *assessment,
           const char          *key,
           const GsPoleContent *content)
{
  const char *edited = edited_or (assessment, key, NULL);

  if (edited != NULL)
    return g_strdup (edited);
  if (gs_instrument_get_english (instrument, content->pole) != NULL)
    /* Translators: a cell of the paper's Table 1 shown in your language */
    return g_strdup_printf (_("%s (translated)"), content->pole);
  return g_strdup (content->pole);
}

static void
init_row (GsPolarityMapData   *data,
          GsInstrument        *instrument,
          GsAssessment        *assessment,
          const GsPolarityRow *row)
{
  for (GsPole pole = 0; pole < GS_N_POLES; pole++)
    {
      const GsPoleContent *content = &row->poles[pole];
      g_autofree char *key = gs_polarity_text_key (row, pole, "pole", 0);

      data->poles[pole] = pole_text (instrument, assessment, key, content);
      data->statements[pole][GS_SIDE_UPSIDE] = join_texts (assessment, row, pole, "upsides", content->statements[GS_SIDE_UPSIDE]);
      data->statements[pole][GS_SIDE_DOWNSIDE] = join_texts (assessment, row, pole, "downsides", content->statements[GS_SIDE_DOWNSIDE]);
      data->action_steps[pole] = join_texts (assessment, row, pole, "action_steps", content->action_steps);
      data->early_warnings[pole] = join_texts (assessment, row, pole, "early_warnings", content->early_warnings);
    }
}

/* The whole table: each quadrant lists the first statement of that quadrant in every row. */
static void
init_whole_table (GsPolarityMapData *data,
                  GsAssessment      *assessment,
                  const GsPolarity  *polarity)
{
  for (GsPole pole = 0; pole < GS_N_POLES; pole++)
    {
      static const char *fields[] = { "upsides", "downsides", "action_steps", "early_warnings" };
      GString *lists[G_N_ELEMENTS (fields)];

      for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
        lists[f] = g_string_new (NULL);

      data->poles[pole] = g_strdup (polarity->labels[pole]);
      for (guint r = 0; r < polarity->rows->len; r++)
        {
          const GsPolarityRow *row = g_ptr_array_index (polarity->rows, r);
          const GsPoleContent *content = &row->poles[pole];
          GPtrArray *sources[] = { content->statements[GS_SIDE_UPSIDE], content->statements[GS_SIDE_DOWNSIDE],
                                   content->action_steps, content->early_warnings };

          for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
            {
              g_autofree char *key = gs_polarity_text_key (row, pole, fields[f], 0);
              const GsSourcedText *first = g_ptr_array_index (sources[f], 0);

              g_string_append_printf (lists[f], "%s• %s", lists[f]->len > 0 ? "\n" : "",
                                      edited_or (assessment, key, first->text));
            }
        }
      data->statements[pole][GS_SIDE_UPSIDE] = g_string_free (lists[0], FALSE);
      data->statements[pole][GS_SIDE_DOWNSIDE] = g_string_free (lists[1], FALSE);
      data->action_steps[pole] = g_string_free (lists[2], FALSE);
      data->early_warnings[pole] = g_string_free (lists[3], FALSE);
    }
}

/**
 * gs_polarity_map_data_init:
 * @assessment: (nullable): whose edits of the texts to show
 * @results: (nullable): whose quadrant scores to draw
 * @row: a Table 1 row, or %GS_POLARITY_WHOLE_TABLE
 *
 * Fills @data with the map's texts (the paper's, or the assessment's edits) and scores.
 */
void
gs_polarity_map_data_init (GsPolarityMapData *data,
                           GsInstrument      *instrument,
                           GsAssessment      *assessment,
                           const GsResults   *results,
                           int                row)
{
  const GsPolarity *polarity = gs_instrument_get_polarity (instrument);
  const GsPolarityResult *result = NULL;

  memset (data, 0, sizeof *data);
  data->purpose = g_strdup (edited_or (assessment, "greater_purpose", polarity->greater_purpose.text));
  data->fear = g_strdup (edited_or (assessment, "deeper_fear", polarity->deeper_fear.text));
  if (row == GS_POLARITY_WHOLE_TABLE)
    {
      init_whole_table (data, assessment, polarity);
      result = results != NULL ? &results->whole_table : NULL;
    }
  else
    {
      g_return_if_fail (row >= 0 && (guint) row < polarity->rows->len);
      init_row (data, instrument, assessment, g_ptr_array_index (polarity->rows, row));
      result = results != NULL ? &results->rows[row] : NULL;
    }
  /* Translators: the two poles of a polarity map, joined as in Johnson's maps */
  data->title = g_strdup_printf (_("%s AND %s"), data->poles[GS_POLE_LEFT], data->poles[GS_POLE_RIGHT]);
  for (GsPole pole = 0; pole < GS_N_POLES; pole++)
    for (GsSide side = 0; side < GS_N_SIDES; side++)
      data->scores[pole][side] = result != NULL ? result->quadrants[pole][side].mean : NAN;
}

void
gs_polarity_map_data_clear (GsPolarityMapData *data)
{
  g_clear_pointer (&data->title, g_free);
  g_clear_pointer (&data->purpose, g_free);
  g_clear_pointer (&data->fear, g_free);
  for (GsPole pole = 0; pole < GS_N_POLES; pole++)
    {
      g_clear_pointer (&data->poles[pole], g_free);
      g_clear_pointer (&data->action_steps[pole], g_free);
      g_clear_pointer (&data->early_warnings[pole], g_free);
      for (GsSide side = 0; side < GS_N_SIDES; side++)
        g_clear_pointer (&data->statements[pole][side], g_free);
    }
}

/* --- Layout ------------------------------------------------------------------------------- */

/* Every box has gutters round it wide enough for the loop to run in ("lanes"): between the
 * purpose and the upsides, the downsides and the fear, the side columns and the quadrants,
 * and a double lane between the two poles' quadrants, where the loop's two lines pass side
 * by side and cross behind the "AND". So the loop never runs over a word or a number. */
typedef struct {
  double  size;                          /* body text size */
  double  gap;
  double  lane;                          /* a gutter the loop runs in */
  gboolean side_columns;                 /* actions and warnings beside the quadrants */
  GsRect  purpose, fear, key, middle;
  GsRect  poles[GS_N_POLES], and_box;
  GsRect  quadrants[GS_N_POLES][GS_N_SIDES];
  GsRect  gauges[GS_N_POLES][GS_N_SIDES];  /* each quadrant's score bar, on its outer side */
  GsRect  beside[GS_N_POLES][GS_N_SIDES];  /* action steps (upside) and early warnings (downside) */
} Layout;

static void
compute_layout (Layout *l,
                double  width,
                double  height)
{
  double margin, band, key, middle, quadrant_h, side_w, quadrant_w, gauge_w, x, y;

  l->size = gs_chart_base_size (width, height);
  l->gap = MAX (4, l->size * 0.5);
  l->lane = MAX (8, l->size * 0.9);
  margin = l->gap;
  l->side_columns = width >= 720;
  band = MAX (l->size * 3.2, height * 0.1);
  key = gs_chart_size (l->size, 0.75) * (width >= 720 ? 1.6 : 3.0);  /* two lines when narrow */
  middle = MAX (l->size * 3.4, height * 0.12);
  quadrant_h = (height - 2 * margin - 2 * band - key - middle - 2 * l->lane - 2 * l->gap) / 2;
  side_w = l->side_columns ? (width - 2 * margin) * 0.2 : 0;
  quadrant_w = (width - 2 * margin - 2 * side_w - 2 * l->lane - 2 * l->lane) / 2;
  gauge_w = MAX (6, l->size * 0.8);

  l->purpose = (GsRect) { margin, margin, width - 2 * margin, band };
  y = margin + band + l->lane;
  x = margin + side_w + l->lane;
  for (GsSide side = 0; side < GS_N_SIDES; side++)
    {
      double qy = side == GS_SIDE_UPSIDE ? y : y + quadrant_h + l->gap + middle + l->gap;

      l->quadrants[GS_POLE_LEFT][side] = (GsRect) { x, qy, quadrant_w, quadrant_h };
      l->quadrants[GS_POLE_RIGHT][side] = (GsRect) { x + quadrant_w + 2 * l->lane, qy, quadrant_w, quadrant_h };
      l->gauges[GS_POLE_LEFT][side] = (GsRect) { x + l->size * 0.3, qy + l->size * 0.3, gauge_w, quadrant_h - l->size * 0.6 };
      l->gauges[GS_POLE_RIGHT][side] = (GsRect) { x + 2 * quadrant_w + 2 * l->lane - l->size * 0.3 - gauge_w,
                                                  qy + l->size * 0.3, gauge_w, quadrant_h - l->size * 0.6 };
      if (l->side_columns)
        {
          /* beside the poles' row too, half each: translated lists run long */
          double reach = l->gap + middle / 2 - l->size * 0.2;
          double by = side == GS_SIDE_UPSIDE ? qy : qy - reach;

          l->beside[GS_POLE_LEFT][side] = (GsRect) { margin, by, side_w, quadrant_h + reach };
          l->beside[GS_POLE_RIGHT][side] = (GsRect) { width - margin - side_w, by, side_w, quadrant_h + reach };
        }
    }
  l->middle = (GsRect) { x, y + quadrant_h + l->gap, 2 * quadrant_w + 2 * l->lane, middle };
  l->and_box = (GsRect) { width / 2 - l->size * 2.2, l->middle.y, l->size * 4.4, middle };
  l->poles[GS_POLE_LEFT] = (GsRect) { x, l->middle.y, l->and_box.x - x, middle };
  l->poles[GS_POLE_RIGHT] = (GsRect) { l->and_box.x + l->and_box.width, l->middle.y,
                                       l->middle.x + l->middle.width - l->and_box.x - l->and_box.width, middle };
  l->fear = (GsRect) { margin, height - margin - key - band, width - 2 * margin, band };
  l->key = (GsRect) { margin, height - margin - key, width - 2 * margin, key };
}

/* --- Drawing ------------------------------------------------------------------------------ */

/* A titled box: a small caption, then the body text below it. */
static void
draw_captioned (cairo_t         *cr,
                GsRect           box,
                const char      *caption,
                const char      *body,
                double           size,
                const GsColor   *caption_color,
                const GsPalette *palette,
                GArray          *labels)
{
  GsTextStyle caption_style = { gs_chart_size (size, 0.8), gs_chart_size (size, 0.6), PANGO_WEIGHT_BOLD, FALSE, GS_ALIGN_CENTER, GS_ALIGN_START };
  GsTextStyle body_style = { size, gs_chart_size (size, 0.65), PANGO_WEIGHT_NORMAL, FALSE, GS_ALIGN_CENTER, GS_ALIGN_CENTER };
  GsRect inner = gs_rect_inset (box, size * 0.3);
  GsRect used;

  gs_palette_set_source (cr, caption_color);
  used = gs_chart_text (cr, caption, &caption_style, inner, labels);
  inner.y = used.y + used.height + size * 0.15;
  inner.height = box.y + box.height - size * 0.3 - inner.y;
  gs_palette_set_source (cr, &palette->foreground);
  gs_chart_text (cr, body, &body_style, inner, labels);
}

/* The score bar grows from the middle line: up in an upside, down in a downside. */
static GsRect
fill_rect (GsRect  gauge,
           GsSide  side,
           double  score)
{
  double h = gauge.height * CLAMP (score, 0, 100) / 100;

  if (side == GS_SIDE_UPSIDE)
    return (GsRect) { gauge.x, gauge.y + gauge.height - h, gauge.width, h };
  return (GsRect) { gauge.x, gauge.y, gauge.width, h };
}

/* The quadrant's box and its score bar, a gauge beside the text rather than a fill behind
 * it: upsides solid, downsides hatched. */
static void
draw_quadrant_box (cairo_t                 *cr,
                   const Layout            *l,
                   const GsPolarityMapData *data,
                   GsPole                   pole,
                   GsSide                   side,
                   const GsPalette         *palette)
{
  GsRect q = l->quadrants[pole][side], gauge = l->gauges[pole][side];
  double score = data->scores[pole][side];
  const GsColor *color = side == GS_SIDE_UPSIDE ? &palette->upside : &palette->downside;

  gs_palette_set_source (cr, &palette->surface);
  gs_chart_rounded_rect (cr, q, l->size * 0.4);
  cairo_fill (cr);
  if (!isnan (score))
    {
      GsRect fill = fill_rect (gauge, side, score);

      gs_palette_set_source_alpha (cr, color, 0.5);
      cairo_set_line_width (cr, 1);
      cairo_rectangle (cr, gauge.x - 0.5, gauge.y - 0.5, gauge.width + 1, gauge.height + 1);
      cairo_stroke (cr);
      if (side == GS_SIDE_UPSIDE)
        {
          gs_palette_set_source_alpha (cr, color, 0.7);
          cairo_rectangle (cr, fill.x, fill.y, fill.width, fill.height);
          cairo_fill (cr);
        }
      else
        gs_chart_fill_hatched (cr, fill, color, MAX (4, l->size * 0.4));
    }
  gs_palette_set_source (cr, color);
  cairo_set_line_width (cr, MAX (1, l->size / 10));
  gs_chart_rounded_rect (cr, q, l->size * 0.4);
  cairo_stroke (cr);
}

/* Where a quadrant's words go: the box, less its gauge and padding. */
static GsRect
quadrant_text_box (const Layout *l,
                   GsPole        pole,
                   GsSide        side)
{
  GsRect inner = gs_rect_inset (l->quadrants[pole][side], l->size * 0.4);
  double gauge = l->gauges[pole][side].width + l->size * 0.3;

  inner.width -= gauge;
  if (pole == GS_POLE_LEFT)
    inner.x += gauge;
  return inner;
}

/* The quadrant's header ("+ Upsides", score), statements, and, when narrow, its action
 * steps or early warnings in the lower part. Lists too long for one column at the smallest
 * legible size flow into two. */
static void
draw_quadrant_text (cairo_t                 *cr,
                    const Layout            *l,
                    const GsPolarityMapData *data,
                    GsPole                   pole,
                    GsSide                   side,
                    const GsPalette         *palette,
                    GArray                  *labels)
{
  GsTextStyle header = { gs_chart_size (l->size, 0.85), GS_CHART_MIN_TEXT, PANGO_WEIGHT_BOLD, FALSE, GS_ALIGN_START, GS_ALIGN_START };
  GsTextStyle score_style = header;
  GsTextStyle body = { gs_chart_size (l->size, 0.9), GS_CHART_MIN_TEXT, PANGO_WEIGHT_NORMAL, FALSE, GS_ALIGN_START, GS_ALIGN_START };
  GsRect inner = quadrant_text_box (l, pole, side);
  GsRect header_box = inner;
  g_autofree char *score_text = gs_chart_format_score (data->scores[pole][side]);
  const char *beside = side == GS_SIDE_UPSIDE ? data->action_steps[pole] : data->early_warnings[pole];

  header_box.height = header.size * 1.5;
  header_box.width = inner.width * 0.65;
  gs_palette_set_source (cr, &palette->foreground);
  gs_chart_text (cr, side == GS_SIDE_UPSIDE ? _("+ Upsides") : _("− Downsides"), &header, header_box, labels);
  header_box.x = inner.x + inner.width * 0.65;
  header_box.width = inner.width * 0.35;
  score_style.halign = GS_ALIGN_END;
  gs_chart_text (cr, score_text, &score_style, header_box, labels);

  inner.y += header_box.height + l->size * 0.2;
  inner.height -= header_box.height + l->size * 0.2;
  if (!l->side_columns)
    {
      GsRect footer = inner;
      GsTextStyle footer_style = body;

      footer.height = inner.height * 0.4;
      footer.y = inner.y + inner.height - footer.height;
      inner.height -= footer.height + l->size * 0.2;
      footer_style.italic = TRUE;
      gs_palette_set_source (cr, &palette->muted);
      gs_chart_text_flow (cr, beside, &footer_style, footer, labels);
    }
  gs_palette_set_source (cr, &palette->foreground);
  gs_chart_text_flow (cr, data->statements[pole][side], &body, inner, labels);
}

static void
draw_beside (cairo_t                 *cr,
             const Layout            *l,
             const GsPolarityMapData *data,
             GsPole                   pole,
             GsSide                   side,
             const GsPalette         *palette,
             GArray                  *labels)
{
  GsRect box = l->beside[pole][side];
  GsTextStyle caption = { gs_chart_size (l->size, 0.8), gs_chart_size (l->size, 0.55), PANGO_WEIGHT_BOLD, FALSE, GS_ALIGN_START, GS_ALIGN_START };
  GsTextStyle body = { gs_chart_size (l->size, 0.8), gs_chart_size (l->size, 0.5), PANGO_WEIGHT_NORMAL, TRUE, GS_ALIGN_START, GS_ALIGN_START };
  GsRect inner = gs_rect_inset (box, l->size * 0.2);
  GsRect used;

  gs_palette_set_source (cr, &palette->muted);
  used = gs_chart_text (cr, side == GS_SIDE_UPSIDE ? _("Action steps") : _("Early warnings"), &caption, inner, labels);
  inner.y = used.y + used.height + l->size * 0.2;
  inner.height = box.y + box.height - inner.y - l->size * 0.2;
  gs_chart_text_flow (cr, side == GS_SIDE_UPSIDE ? data->action_steps[pole] : data->early_warnings[pole], &body, inner, labels);
}

/* The ground "AND" stands on: the loop's crossing is hidden under it. */
static GsRect
and_ground (const Layout *l)
{
  double h = gs_chart_size (l->size, 1.3) * 1.8;

  return (GsRect) { l->and_box.x + l->size * 0.3, l->middle.y + (l->middle.height - h) / 2,
                    l->and_box.width - l->size * 0.6, h };
}

/* Draws a closed path through @n corners, each rounded with radius @r. */
static void
rounded_polygon (cairo_t      *cr,
                 const double *x,
                 const double *y,
                 int           n,
                 double        r)
{
  cairo_new_path (cr);
  for (int i = 0; i < n; i++)
    {
      int prev = (i + n - 1) % n, next = (i + 1) % n;
      double in = hypot (x[i] - x[prev], y[i] - y[prev]), out = hypot (x[next] - x[i], y[next] - y[i]);
      double a = MIN (r, in / 2) / MAX (in, 1e-6), b = MIN (r, out / 2) / MAX (out, 1e-6);
      double sx = x[i] + (x[prev] - x[i]) * a, sy = y[i] + (y[prev] - y[i]) * a;

      if (i == 0)
        cairo_move_to (cr, sx, sy);
      else
        cairo_line_to (cr, sx, sy);
      cairo_curve_to (cr, x[i], y[i], x[i], y[i], x[i] + (x[next] - x[i]) * b, y[i] + (y[next] - y[i]) * b);
    }
  cairo_close_path (cr);
}

/* The infinity loop, in the gutters: round the left pole's quadrants and round the right
 * pole's, its two lines side by side between them, crossing under the "AND". Dashed
 * without results. */
static void
draw_loop (cairo_t                 *cr,
           const Layout            *l,
           const GsPolarityMapData *data,
           const GsPalette         *palette)
{
  const GsRect *lu = &l->quadrants[GS_POLE_LEFT][GS_SIDE_UPSIDE], *ld = &l->quadrants[GS_POLE_LEFT][GS_SIDE_DOWNSIDE];
  const GsRect *ru = &l->quadrants[GS_POLE_RIGHT][GS_SIDE_UPSIDE];
  double top = lu->y - l->lane / 2, bottom = ld->y + ld->height + l->lane / 2;
  double left = lu->x - l->lane / 2, right = ru->x + ru->width + l->lane / 2;
  double cx = (lu->x + lu->width + ru->x) / 2, near = cx - l->lane / 2, far = cx + l->lane / 2;
  double above = lu->y + lu->height, below = ld->y;
  /* Left lobe's top, down the near lane, across to the far lane, round the right lobe, and
   * back across to the near lane and round the left lobe. */
  const double x[] = { left, near, near, far, far, right, right, far, far, near, near, left };
  const double y[] = { top, top, above, below, bottom, bottom, top, top, above, below, bottom, bottom };
  GsRect ground = and_ground (l);
  gboolean has_scores = !isnan (data->scores[0][0]) || !isnan (data->scores[1][0]);

  cairo_save (cr);
  rounded_polygon (cr, x, y, G_N_ELEMENTS (x), l->lane * 2.5);
  gs_palette_set_source_alpha (cr, &palette->loop, 0.6);
  cairo_set_line_width (cr, MAX (1.5, l->size / 6));
  if (!has_scores)
    {
      double dash[] = { l->size * 0.6, l->size * 0.4 };
      cairo_set_dash (cr, dash, 2, 0);
    }
  gs_chart_mark_path_except (cr, ground);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* The two poles joined by "AND", which sits on a ground of its own where the loop crosses. */
static void
draw_poles (cairo_t                 *cr,
            const Layout            *l,
            const GsPolarityMapData *data,
            const GsPalette         *palette,
            GArray                  *labels)
{
  GsTextStyle pole_style = { gs_chart_size (l->size, 1.05), gs_chart_size (l->size, 0.65), PANGO_WEIGHT_BOLD, FALSE, GS_ALIGN_CENTER, GS_ALIGN_CENTER };
  GsTextStyle and_style = { gs_chart_size (l->size, 1.3), gs_chart_size (l->size, 0.8), PANGO_WEIGHT_HEAVY, TRUE, GS_ALIGN_CENTER, GS_ALIGN_CENTER };

  for (GsPole pole = 0; pole < GS_N_POLES; pole++)
    {
      GsRect box = l->poles[pole];

      gs_palette_set_source_alpha (cr, &palette->poles[pole], 0.14);
      gs_chart_rounded_rect (cr, box, l->size * 0.4);
      cairo_fill (cr);
      gs_palette_set_source (cr, &palette->poles[pole]);
      cairo_set_line_width (cr, MAX (1.5, l->size / 6));
      gs_chart_rounded_rect (cr, box, l->size * 0.4);
      cairo_stroke (cr);
      gs_palette_set_source (cr, &palette->foreground);
      gs_chart_text (cr, data->poles[pole], &pole_style, gs_rect_inset (box, l->size * 0.35), labels);
    }
  gs_palette_set_source (cr, &palette->background);
  gs_chart_rounded_rect (cr, and_ground (l), l->size * 0.3);
  cairo_fill (cr);
  gs_palette_set_source (cr, &palette->foreground);
  /* Translators: joins the two poles of a polarity map, as in "Motivating AND Moving" */
  gs_chart_text (cr, _("AND"), &and_style, l->and_box, labels);
}

/* What the bars mean, said once under the map. */
static void
draw_key (cairo_t                 *cr,
          const Layout            *l,
          const GsPolarityMapData *data,
          const GsPalette         *palette,
          GArray                  *labels)
{
  GsTextStyle style = { gs_chart_size (l->size, 0.75), GS_CHART_MIN_TEXT, PANGO_WEIGHT_NORMAL, FALSE, GS_ALIGN_CENTER, GS_ALIGN_CENTER };

  if (isnan (data->scores[GS_POLE_LEFT][GS_SIDE_UPSIDE]) && isnan (data->scores[GS_POLE_RIGHT][GS_SIDE_UPSIDE]))
    return;
  gs_palette_set_source (cr, &palette->muted);
  gs_chart_text (cr, _("Bars: how often the statements are seen, 0 (almost never) to 100 (almost always), from the "
                       "middle line out; upsides solid, downsides hatched."), &style, l->key, labels);
}

/**
 * gs_polarity_chart_draw:
 * @labels: (nullable): receives every label drawn, for tests and tooltips
 *
 * Draws the map into the rectangle (0, 0, @width, @height) of @cr.
 */
void
gs_polarity_chart_draw (cairo_t                 *cr,
                        const GsPolarityMapData *data,
                        double                   width,
                        double                   height,
                        const GsPalette         *palette,
                        GArray                  *labels)
{
  Layout l;

  compute_layout (&l, width, height);
  cairo_save (cr);
  gs_palette_set_source (cr, &palette->background);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);

  draw_captioned (cr, l.purpose, _("Greater purpose"), data->purpose, l.size, &palette->upside, palette, labels);
  draw_captioned (cr, l.fear, _("Deeper fear"), data->fear, l.size, &palette->downside, palette, labels);
  /* Layers: boxes and fills, the loop, then every text on top. */
  for (GsPole pole = 0; pole < GS_N_POLES; pole++)
    for (GsSide side = 0; side < GS_N_SIDES; side++)
      draw_quadrant_box (cr, &l, data, pole, side, palette);
  draw_loop (cr, &l, data, palette);
  for (GsPole pole = 0; pole < GS_N_POLES; pole++)
    for (GsSide side = 0; side < GS_N_SIDES; side++)
      {
        draw_quadrant_text (cr, &l, data, pole, side, palette, labels);
        if (l.side_columns)
          draw_beside (cr, &l, data, pole, side, palette, labels);
      }
  draw_poles (cr, &l, data, palette, labels);
  draw_key (cr, &l, data, palette, labels);
  cairo_restore (cr);
}

/* Appends " Label: a; b; c." for @lines, one item per line; nothing when there are none. */
static void
append_list (GString    *text,
             const char *label,
             const char *lines)
{
  g_auto(GStrv) items = NULL;
  g_autofree char *list = NULL;

  if (lines == NULL || lines[0] == '\0')
    return;
  items = g_strsplit (lines, "\n", -1);
  list = g_strjoinv ("; ", items);
  g_string_append_printf (text, " %s: %s", label, list);
  if (!g_str_has_suffix (text->str, "."))
    g_string_append_c (text, '.');
}

/**
 * gs_polarity_chart_describe:
 *
 * Returns: (transfer full): what the map shows, values included, for screen readers and
 *   the report's alternative text
 */
char *
gs_polarity_chart_describe (const GsPolarityMapData *data)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_string_append_printf (text, _("Polarity map: %s. Greater purpose: %s%s Deeper fear: %s"),
                          data->title, data->purpose, g_str_has_suffix (data->purpose, ".") ? "" : ".", data->fear);
  /* The purpose and fear are sentences of their own: end each with exactly one full stop. */
  if (!g_str_has_suffix (text->str, "."))
    g_string_append_c (text, '.');
  for (GsPole pole = 0; pole < GS_N_POLES; pole++)
    {
      double up = data->scores[pole][GS_SIDE_UPSIDE], down = data->scores[pole][GS_SIDE_DOWNSIDE];

      if (isnan (up) && isnan (down))
        continue;
      g_string_append_printf (text, _(" %s: upsides seen %.0f %% of the scale, downsides %.0f %%"),
                              data->poles[pole], up, down);
      if (!isnan (up) && !isnan (down))
        g_string_append_printf (text, _(" (balance %+.0f)."), up - down);
      else
        g_string_append_c (text, '.');
    }
  if (isnan (data->scores[0][0]) && isnan (data->scores[1][0]))
    g_string_append (text, _(" No ratings yet."));
  /* Everything the map writes in its boxes, so that a screen reader misses none of it. */
  for (GsPole pole = 0; pole < GS_N_POLES; pole++)
    {
      /* Translators: "Upsides of the Programmatic approach: …" */
      g_autofree char *upsides = g_strdup_printf (_("Upsides of the %s"), data->poles[pole]);
      /* Translators: "Downsides of the Programmatic approach: …" */
      g_autofree char *downsides = g_strdup_printf (_("Downsides of the %s"), data->poles[pole]);

      append_list (text, upsides, data->statements[pole][GS_SIDE_UPSIDE]);
      append_list (text, _("Action steps to gain them"), data->action_steps[pole]);
      append_list (text, downsides, data->statements[pole][GS_SIDE_DOWNSIDE]);
      append_list (text, _("Early warnings of them"), data->early_warnings[pole]);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* --- Small multiples ------------------------------------------------------------------ */

/* A small map's frame in @cell: the upsides above, the two poles in the middle band, the
 * downsides below, each quadrant with its gauge. */
static void
small_map_layout (Layout *l,
                  GsRect  cell,
                  double  size)
{
  double gap = MAX (3, size * 0.3), middle = cell.height * 0.36;
  double qw = (cell.width - gap) / 2, qh = (cell.height - middle - 2 * gap) / 2;

  memset (l, 0, sizeof *l);
  l->size = size * 0.8;
  l->gap = gap;
  for (GsPole pole = 0; pole < GS_N_POLES; pole++)
    for (GsSide side = 0; side < GS_N_SIDES; side++)
      {
        GsRect q = { cell.x + pole * (qw + gap), side == GS_SIDE_UPSIDE ? cell.y : cell.y + qh + middle + 2 * gap, qw, qh };
        double gauge_w = MAX (5, size * 0.6);

        l->quadrants[pole][side] = q;
        l->gauges[pole][side] = (GsRect) { pole == GS_POLE_LEFT ? q.x + l->size * 0.3 : q.x + q.width - l->size * 0.3 - gauge_w,
                                           q.y + l->size * 0.3, gauge_w, q.height - l->size * 0.6 };
      }
  l->middle = (GsRect) { cell.x, cell.y + qh + gap, cell.width, middle };
  l->poles[GS_POLE_LEFT] = (GsRect) { cell.x, l->middle.y, qw, middle };
  l->poles[GS_POLE_RIGHT] = (GsRect) { cell.x + qw + gap, l->middle.y, qw, middle };
}

/* The style every small map's poles share: one size for all six, the largest at which the
 * longest still fits, so that no row looks louder than another. */
static GsTextStyle
small_pole_style (cairo_t   *cr,
                  GPtrArray *maps,
                  GsRect     cell,
                  double     size)
{
  GsTextStyle style = { gs_chart_size (size, 0.8), GS_CHART_MIN_TEXT, PANGO_WEIGHT_BOLD, FALSE, GS_ALIGN_CENTER, GS_ALIGN_CENTER };
  double shared = style.size;
  Layout l;

  small_map_layout (&l, cell, size);
  for (guint i = 0; i < maps->len; i++)
    for (GsPole pole = 0; pole < GS_N_POLES; pole++)
      {
        const GsPolarityMapData *data = g_ptr_array_index (maps, i);
        double fitted = gs_chart_text_fitted_size (cr, data->poles[pole], &style, gs_rect_inset (l.poles[pole], l.size * 0.3));

        shared = MIN (shared, fitted > 0 ? fitted : style.min_size);
      }
  style.size = style.min_size = MAX (shared, GS_CHART_MIN_TEXT);
  return style;
}

/* One small map in @cell: the four quadrants, each named ("+ Upsides", "− Downsides") with
 * its score beside its gauge, and the two poles between them; no statements, no loop. */
static void
draw_small_map (cairo_t                 *cr,
                const GsPolarityMapData *data,
                GsRect                   cell,
                double                   size,
                const GsTextStyle       *pole_style,
                const GsPalette         *palette,
                GArray                  *labels)
{
  GsTextStyle name = { gs_chart_size (size, 0.75), GS_CHART_MIN_TEXT, PANGO_WEIGHT_NORMAL, FALSE, GS_ALIGN_START, GS_ALIGN_START };
  GsTextStyle score = { gs_chart_size (size, 0.95), GS_CHART_MIN_TEXT, PANGO_WEIGHT_BOLD, FALSE, GS_ALIGN_START, GS_ALIGN_END };
  Layout l;

  small_map_layout (&l, cell, size);
  for (GsPole pole = 0; pole < GS_N_POLES; pole++)
    for (GsSide side = 0; side < GS_N_SIDES; side++)
      {
        g_autofree char *text = gs_chart_format_score (data->scores[pole][side]);
        GsRect box = quadrant_text_box (&l, pole, side);

        draw_quadrant_box (cr, &l, data, pole, side, palette);
        gs_palette_set_source (cr, &palette->muted);
        gs_chart_text (cr, side == GS_SIDE_UPSIDE ? _("+ Upsides") : _("− Downsides"), &name, box, labels);
        gs_palette_set_source (cr, &palette->foreground);
        gs_chart_text (cr, text, &score, box, labels);
      }
  for (GsPole pole = 0; pole < GS_N_POLES; pole++)
    {
      gs_palette_set_source (cr, &palette->poles[pole]);
      cairo_set_line_width (cr, MAX (1, size / 8));
      gs_chart_rounded_rect (cr, gs_rect_inset (l.poles[pole], 1), l.size * 0.3);
      cairo_stroke (cr);
      gs_palette_set_source (cr, &palette->foreground);
      gs_chart_text (cr, data->poles[pole], pole_style, gs_rect_inset (l.poles[pole], l.size * 0.3), labels);
    }
}

/**
 * gs_polarity_summary_draw:
 *
 * The six rows of Table 1 side by side as small maps: three by two when wide, two by three
 * when tall, one above the other in a narrow pane. Their poles share one text size.
 */
void
gs_polarity_summary_draw (cairo_t         *cr,
                          GPtrArray       *maps,
                          double           width,
                          double           height,
                          const GsPalette *palette,
                          GArray          *labels)
{
  guint n = maps->len;
  double size = gs_chart_base_size (width, height);
  double margin = MAX (4, size * 0.6), gap = size;
  guint columns = width >= height * 1.2 ? 3 : width >= 480 ? 2 : 1;
  guint rows = (n + columns - 1) / columns;
  double cell_w = (width - 2 * margin - (columns - 1) * gap) / columns;
  double cell_h = (height - 2 * margin - (rows - 1) * gap) / rows;

  GsTextStyle pole_style;

  cairo_save (cr);
  gs_palette_set_source (cr, &palette->background);
  cairo_paint (cr);
  pole_style = small_pole_style (cr, maps, (GsRect) { margin, margin, cell_w, cell_h }, size);
  for (guint i = 0; i < n; i++)
    {
      GsRect cell = { margin + (i % columns) * (cell_w + gap), margin + (i / columns) * (cell_h + gap), cell_w, cell_h };

      draw_small_map (cr, g_ptr_array_index (maps, i), cell, size, &pole_style, palette, labels);
    }
  cairo_restore (cr);
}

char *
gs_polarity_summary_describe (GPtrArray *maps)
{
  g_autoptr(GString) text = g_string_new (_("The six rows of Table 1 as small polarity maps."));

  for (guint i = 0; i < maps->len; i++)
    {
      g_autofree char *one = gs_polarity_chart_describe (g_ptr_array_index (maps, i));

      g_string_append_printf (text, " %u. %s", i + 1, one);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* One sentence for a slide: how often each pole's upsides and downsides are seen. */
char *
gs_polarity_chart_summarise (const GsPolarityMapData *data)
{
  if (isnan (data->scores[GS_POLE_LEFT][GS_SIDE_UPSIDE]) || isnan (data->scores[GS_POLE_RIGHT][GS_SIDE_UPSIDE]))
    return g_strdup (_("No ratings yet."));
  /* Translators: a slide's reading of a polarity map; the numbers are out of 100 */
  return g_strdup_printf (_("%s: upsides %.0f, downsides %.0f out of 100. %s: upsides %.0f, downsides %.0f."),
                          data->poles[GS_POLE_LEFT], data->scores[GS_POLE_LEFT][GS_SIDE_UPSIDE],
                          data->scores[GS_POLE_LEFT][GS_SIDE_DOWNSIDE], data->poles[GS_POLE_RIGHT],
                          data->scores[GS_POLE_RIGHT][GS_SIDE_UPSIDE], data->scores[GS_POLE_RIGHT][GS_SIDE_DOWNSIDE]);
}

/* One sentence for a slide: in how many rows of Table 1 the programmatic pole's upsides are
 * seen more than the social movement pole's. */
char *
gs_polarity_summary_summarise (GPtrArray *maps)
{
  guint rated = 0, programmatic = 0;

  for (guint i = 0; i < maps->len; i++)
    {
      const GsPolarityMapData *map = g_ptr_array_index (maps, i);
      double left = map->scores[GS_POLE_LEFT][GS_SIDE_UPSIDE], right = map->scores[GS_POLE_RIGHT][GS_SIDE_UPSIDE];

      if (isnan (left) || isnan (right))
        continue;
      rated++;
      programmatic += left > right;
    }
  if (rated == 0)
    return g_strdup (_("No ratings yet."));
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "In %u of %u row of Table 1, the upsides of the programmatic pole are seen more "
                                       "than those of the social movement pole.",
                                       "In %u of %u rows of Table 1, the upsides of the programmatic pole are seen more "
                                       "than those of the social movement pole.", rated), programmatic, rated);
}

/* Where the chart puts a quadrant's score bar, for tests that sample its pixels. */
GsRect
gs_polarity_chart_gauge (double width,
                         double height,
                         GsPole pole,
                         GsSide side)
{
  Layout l;

  compute_layout (&l, width, height);
  return l.gauges[pole][side];
}
