/* gs-polarity-chart.c — a polarity map in Barry Johnson's form
 *
 * The layout (Johnson, Polarity Management, 1996): the greater purpose above, the deeper
 * fear below; the two poles on the middle line joined by "and"; each pole's upsides in the
 * quadrant above it and the downsides of over-focusing on it below; action steps beside the
 * upsides and early warnings beside the downsides (inside the quadrants when the chart is
 * narrow). With results, each quadrant is filled from the middle line outwards in proportion
 * to how often its statements are seen (upsides solid, downsides hatched), and the infinity
 * loop runs through the four fill levels, as polarity assessments plot their results.
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

static void
init_row (GsPolarityMapData   *data,
          GsAssessment        *assessment,
          const GsPolarityRow *row)
{
  for (GsPole pole = 0; pole < GS_N_POLES; pole++)
    {
      const GsPoleContent *content = &row->poles[pole];
      g_autofree char *key = gs_polarity_text_key (row, pole, "pole", 0);

      data->poles[pole] = g_strdup (edited_or (assessment, key, content->pole));
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
      init_row (data, assessment, g_ptr_array_index (polarity->rows, row));
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

typedef struct {
  double  size;                          /* body text size */
  double  gap;
  gboolean side_columns;                 /* actions and warnings beside the quadrants */
  GsRect  purpose, fear, middle;
  GsRect  poles[GS_N_POLES], and_box;
  GsRect  quadrants[GS_N_POLES][GS_N_SIDES];
  GsRect  beside[GS_N_POLES][GS_N_SIDES];  /* action steps (upside) and early warnings (downside) */
} Layout;

static void
compute_layout (Layout *l,
                double  width,
                double  height)
{
  double margin, band, middle, quadrant_h, side_w, quadrant_w, x, y;

  l->size = gs_chart_base_size (width, height);
  l->gap = MAX (4, l->size * 0.5);
  margin = l->gap;
  l->side_columns = width >= 720;
  band = MAX (l->size * 3.2, height * 0.1);
  middle = MAX (l->size * 3.4, height * 0.12);
  quadrant_h = (height - 2 * margin - 2 * band - middle - 4 * l->gap) / 2;
  side_w = l->side_columns ? (width - 2 * margin) * 0.17 : 0;
  quadrant_w = (width - 2 * margin - 2 * side_w - (l->side_columns ? 3 : 1) * l->gap) / 2;

  l->purpose = (GsRect) { margin, margin, width - 2 * margin, band };
  y = margin + band + l->gap;
  x = margin + (l->side_columns ? side_w + l->gap : 0);
  for (GsSide side = 0; side < GS_N_SIDES; side++)
    {
      double qy = side == GS_SIDE_UPSIDE ? y : y + quadrant_h + l->gap + middle + l->gap;

      l->quadrants[GS_POLE_LEFT][side] = (GsRect) { x, qy, quadrant_w, quadrant_h };
      l->quadrants[GS_POLE_RIGHT][side] = (GsRect) { x + quadrant_w + l->gap, qy, quadrant_w, quadrant_h };
      if (l->side_columns)
        {
          l->beside[GS_POLE_LEFT][side] = (GsRect) { margin, qy, side_w, quadrant_h };
          l->beside[GS_POLE_RIGHT][side] = (GsRect) { x + 2 * quadrant_w + 2 * l->gap, qy, side_w, quadrant_h };
        }
    }
  l->middle = (GsRect) { margin, y + quadrant_h + l->gap, width - 2 * margin, middle };
  l->and_box = (GsRect) { width / 2 - l->size * 2.2, l->middle.y, l->size * 4.4, middle };
  l->poles[GS_POLE_LEFT] = (GsRect) { margin, l->middle.y, l->and_box.x - margin, middle };
  l->poles[GS_POLE_RIGHT] = (GsRect) { l->and_box.x + l->and_box.width, l->middle.y,
                                       width - margin - l->and_box.x - l->and_box.width, middle };
  l->fear = (GsRect) { margin, height - margin - band, width - 2 * margin, band };
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

/* The score fill grows from the middle line: up in an upside, down in a downside. */
static GsRect
fill_rect (GsRect  quadrant,
           GsSide  side,
           double  score)
{
  double h = quadrant.height * CLAMP (score, 0, 100) / 100;

  if (side == GS_SIDE_UPSIDE)
    return (GsRect) { quadrant.x, quadrant.y + quadrant.height - h, quadrant.width, h };
  return (GsRect) { quadrant.x, quadrant.y, quadrant.width, h };
}

/* The quadrant's box and its score fill, drawn before the loop so that the loop lies on
 * the fills and under the text. */
static void
draw_quadrant_box (cairo_t                 *cr,
                   const Layout            *l,
                   const GsPolarityMapData *data,
                   GsPole                   pole,
                   GsSide                   side,
                   const GsPalette         *palette)
{
  GsRect q = l->quadrants[pole][side];
  double score = data->scores[pole][side];

  gs_palette_set_source (cr, &palette->surface);
  gs_chart_rounded_rect (cr, q, l->size * 0.4);
  cairo_fill (cr);
  if (!isnan (score))
    {
      GsRect fill = fill_rect (q, side, score);

      cairo_save (cr);
      gs_chart_rounded_rect (cr, q, l->size * 0.4);
      cairo_clip (cr);
      if (side == GS_SIDE_UPSIDE)
        {
          gs_palette_set_source_alpha (cr, &palette->upside, 0.28);
          cairo_rectangle (cr, fill.x, fill.y, fill.width, fill.height);
          cairo_fill (cr);
        }
      else
        gs_chart_fill_hatched (cr, fill, &palette->downside, MAX (6, l->size * 0.6));
      cairo_restore (cr);
    }
  gs_palette_set_source (cr, side == GS_SIDE_UPSIDE ? &palette->upside : &palette->downside);
  cairo_set_line_width (cr, MAX (1, l->size / 10));
  gs_chart_rounded_rect (cr, q, l->size * 0.4);
  cairo_stroke (cr);
}

/* The quadrant's header ("+ Upsides", score), statements, and, when narrow, its action
 * steps or early warnings in the lower part. */
static void
draw_quadrant_text (cairo_t                 *cr,
                    const Layout            *l,
                    const GsPolarityMapData *data,
                    GsPole                   pole,
                    GsSide                   side,
                    const GsPalette         *palette,
                    GArray                  *labels)
{
  GsRect q = l->quadrants[pole][side];
  GsTextStyle header = { gs_chart_size (l->size, 0.85), GS_CHART_MIN_TEXT, PANGO_WEIGHT_BOLD, FALSE, GS_ALIGN_START, GS_ALIGN_START };
  GsTextStyle score_style = header;
  GsTextStyle body = { gs_chart_size (l->size, 0.9), GS_CHART_MIN_TEXT, PANGO_WEIGHT_NORMAL, FALSE, GS_ALIGN_START, GS_ALIGN_START };
  GsRect inner = gs_rect_inset (q, l->size * 0.4);
  GsRect header_box = inner;
  g_autofree char *score_text = gs_chart_format_score (data->scores[pole][side]);
  const char *beside = side == GS_SIDE_UPSIDE ? data->action_steps[pole] : data->early_warnings[pole];

  header_box.height = header.size * 1.5;
  header_box.width = inner.width * 0.7;
  gs_palette_set_source (cr, &palette->foreground);
  gs_chart_text (cr, side == GS_SIDE_UPSIDE ? _("+ Upsides") : _("− Downsides"), &header, header_box, labels);
  header_box.x = inner.x + inner.width * 0.7;
  header_box.width = inner.width * 0.3;
  score_style.halign = GS_ALIGN_END;
  gs_chart_text (cr, score_text, &score_style, header_box, labels);

  inner.y += header_box.height + l->size * 0.2;
  inner.height -= header_box.height + l->size * 0.2;
  if (!l->side_columns)
    {
      GsRect footer = inner;
      GsTextStyle footer_style = body;

      footer.height = inner.height * 0.38;
      footer.y = inner.y + inner.height - footer.height;
      inner.height -= footer.height + l->size * 0.2;
      footer_style.italic = TRUE;
      gs_palette_set_source (cr, &palette->muted);
      gs_chart_text (cr, beside, &footer_style, footer, labels);
    }
  gs_palette_set_source (cr, &palette->foreground);
  gs_chart_text (cr, data->statements[pole][side], &body, inner, labels);
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
  GsTextStyle body = { gs_chart_size (l->size, 0.8), gs_chart_size (l->size, 0.55), PANGO_WEIGHT_NORMAL, TRUE, GS_ALIGN_START, GS_ALIGN_START };
  GsRect inner = gs_rect_inset (box, l->size * 0.2);
  GsRect used;

  gs_palette_set_source (cr, &palette->muted);
  used = gs_chart_text (cr, side == GS_SIDE_UPSIDE ? _("Action steps") : _("Early warnings"), &caption, inner, labels);
  inner.y = used.y + used.height + l->size * 0.2;
  inner.height = box.y + box.height - inner.y - l->size * 0.2;
  gs_chart_text (cr, side == GS_SIDE_UPSIDE ? data->action_steps[pole] : data->early_warnings[pole], &body, inner, labels);
}

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
  gs_palette_set_source (cr, &palette->foreground);
  /* Translators: joins the two poles of a polarity map, as in "Motivating AND Moving" */
  gs_chart_text (cr, _("AND"), &and_style, l->and_box, labels);
}

/* A point on the loop: the middle of a quadrant, at the top (upside) or bottom (downside)
 * of its fill; without results, halfway. */
static void
loop_point (const Layout            *l,
            const GsPolarityMapData *data,
            GsPole                   pole,
            GsSide                   side,
            double                  *x,
            double                  *y)
{
  GsRect q = l->quadrants[pole][side];
  double score = isnan (data->scores[pole][side]) ? 50 : CLAMP (data->scores[pole][side], 4, 100);
  GsRect fill = fill_rect (q, side, score);

  *x = q.x + q.width / 2;
  *y = side == GS_SIDE_UPSIDE ? fill.y : fill.y + fill.height;
}

/* The infinity loop: a closed Catmull–Rom curve from the centre up through the right
 * upside, round through the right downside, back across the centre into the left upside
 * and round through the left downside. */
static void
draw_loop (cairo_t                 *cr,
           const Layout            *l,
           const GsPolarityMapData *data,
           const GsPalette         *palette)
{
  double px[8], py[8];
  double cx = l->middle.x + l->middle.width / 2, cy = l->middle.y + l->middle.height / 2;
  double reach = (l->quadrants[GS_POLE_RIGHT][GS_SIDE_UPSIDE].width) * 0.42;
  gboolean has_scores = !isnan (data->scores[0][0]) || !isnan (data->scores[1][0]);
  int n = 8;

  px[0] = cx; py[0] = cy;
  loop_point (l, data, GS_POLE_RIGHT, GS_SIDE_UPSIDE, &px[1], &py[1]);
  px[2] = px[1] + reach; py[2] = cy;
  loop_point (l, data, GS_POLE_RIGHT, GS_SIDE_DOWNSIDE, &px[3], &py[3]);
  px[4] = cx; py[4] = cy;
  loop_point (l, data, GS_POLE_LEFT, GS_SIDE_UPSIDE, &px[5], &py[5]);
  px[6] = px[5] - reach; py[6] = cy;
  loop_point (l, data, GS_POLE_LEFT, GS_SIDE_DOWNSIDE, &px[7], &py[7]);
  /* Left lobe runs up-left from the centre, so swap its order to keep the figure eight. */
  {
    double tx = px[5], ty = py[5];
    px[5] = px[7]; py[5] = py[7];
    px[7] = tx; py[7] = ty;
  }

  cairo_save (cr);
  cairo_new_path (cr);
  cairo_move_to (cr, px[0], py[0]);
  for (int i = 0; i < n; i++)
    {
      int p0 = (i + n - 1) % n, p1 = i, p2 = (i + 1) % n, p3 = (i + 2) % n;
      cairo_curve_to (cr,
                      px[p1] + (px[p2] - px[p0]) / 6, py[p1] + (py[p2] - py[p0]) / 6,
                      px[p2] - (px[p3] - px[p1]) / 6, py[p2] - (py[p3] - py[p1]) / 6,
                      px[p2], py[p2]);
    }
  gs_palette_set_source_alpha (cr, &palette->loop, 0.45);
  cairo_set_line_width (cr, MAX (1.5, l->size / 6));
  if (!has_scores)
    {
      double dash[] = { l->size * 0.6, l->size * 0.4 };
      cairo_set_dash (cr, dash, 2, 0);
    }
  cairo_stroke (cr);
  cairo_restore (cr);

  if (has_scores)
    for (GsPole pole = 0; pole < GS_N_POLES; pole++)
      for (GsSide side = 0; side < GS_N_SIDES; side++)
        {
          double x, y;

          if (isnan (data->scores[pole][side]))
            continue;
          loop_point (l, data, pole, side, &x, &y);
          gs_chart_marker (cr, GS_MARKER_CIRCLE, x, y, MAX (3, l->size * 0.35),
                           side == GS_SIDE_UPSIDE ? &palette->upside : &palette->downside, &palette->loop);
        }
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

/* One small map in @cell: its title (the two poles), then the four quadrants with their
 * scores and the loop, without the statements. */
static void
draw_small_map (cairo_t                 *cr,
                const GsPolarityMapData *data,
                GsRect                   cell,
                double                   size,
                const GsPalette         *palette,
                GArray                  *labels)
{
  GsTextStyle title = { gs_chart_size (size, 0.85), GS_CHART_MIN_TEXT, PANGO_WEIGHT_BOLD, FALSE, GS_ALIGN_CENTER, GS_ALIGN_START };
  GsTextStyle score = { gs_chart_size (size, 0.9), GS_CHART_MIN_TEXT, PANGO_WEIGHT_BOLD, FALSE, GS_ALIGN_CENTER, GS_ALIGN_CENTER };
  GsRect title_box = { cell.x, cell.y, cell.width, MAX (title.size * 2.8, cell.height * 0.24) };
  double gap = MAX (3, size * 0.3), middle = size * 1.2;
  double grid_y = title_box.y + title_box.height + gap;
  double qw = (cell.width - gap) / 2, qh = (cell.y + cell.height - grid_y - middle - 2 * gap) / 2;
  Layout l = { 0 };

  gs_palette_set_source (cr, &palette->foreground);
  gs_chart_text (cr, data->title, &title, title_box, labels);
  if (qh < size)
    return;
  l.size = size * 0.6;
  for (GsPole pole = 0; pole < GS_N_POLES; pole++)
    for (GsSide side = 0; side < GS_N_SIDES; side++)
      l.quadrants[pole][side] = (GsRect) { cell.x + pole * (qw + gap),
                                           side == GS_SIDE_UPSIDE ? grid_y : grid_y + qh + middle + 2 * gap, qw, qh };
  l.middle = (GsRect) { cell.x, grid_y + qh + gap, cell.width, middle };
  for (GsPole pole = 0; pole < GS_N_POLES; pole++)
    for (GsSide side = 0; side < GS_N_SIDES; side++)
      draw_quadrant_box (cr, &l, data, pole, side, palette);
  draw_loop (cr, &l, data, palette);
  for (GsPole pole = 0; pole < GS_N_POLES; pole++)
    for (GsSide side = 0; side < GS_N_SIDES; side++)
      {
        g_autofree char *text = gs_chart_format_score (data->scores[pole][side]);
        GsRect q = l.quadrants[pole][side];
        /* The score sits in the half of the quadrant away from the middle line. */
        GsRect box = { q.x + 2, side == GS_SIDE_UPSIDE ? q.y + 2 : q.y + q.height / 2, q.width - 4, q.height / 2 - 2 };

        gs_palette_set_source (cr, &palette->foreground);
        gs_chart_text (cr, text, &score, box, labels);
      }
}

/**
 * gs_polarity_summary_draw:
 *
 * The six rows of Table 1 side by side as small maps: three by two when wide, two by three
 * when tall, one above the other in a narrow pane.
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

  cairo_save (cr);
  gs_palette_set_source (cr, &palette->background);
  cairo_paint (cr);
  for (guint i = 0; i < n; i++)
    {
      GsRect cell = { margin + (i % columns) * (cell_w + gap), margin + (i / columns) * (cell_h + gap), cell_w, cell_h };

      draw_small_map (cr, g_ptr_array_index (maps, i), cell, size, palette, labels);
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

/* Where the chart puts a quadrant, for tests that sample its pixels. */
GsRect
gs_polarity_chart_quadrant (double width,
                            double height,
                            GsPole pole,
                            GsSide side)
{
  Layout l;

  compute_layout (&l, width, height);
  return l.quadrants[pole][side];
}
