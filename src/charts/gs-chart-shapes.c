/* gs-chart-shapes.c — the shapes every chart draws with
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gs-charts"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "gs-chart-shapes.h"

void
gs_chart_rounded_rect (cairo_t *cr,
                       GsRect   rect,
                       double   radius)
{
  double r = MIN (radius, MIN (rect.width, rect.height) / 2);

  cairo_new_sub_path (cr);
  cairo_arc (cr, rect.x + rect.width - r, rect.y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, rect.x + rect.width - r, rect.y + rect.height - r, r, 0, G_PI / 2);
  cairo_arc (cr, rect.x + r, rect.y + rect.height - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, rect.x + r, rect.y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

/* Diagonal lines: a fill that still reads as different from a solid one in greyscale. */
void
gs_chart_fill_hatched (cairo_t       *cr,
                       GsRect         rect,
                       const GsColor *color,
                       double         spacing)
{
  cairo_surface_t *tile;
  cairo_pattern_t *hatch;
  cairo_matrix_t offset;
  cairo_t *tile_cr;

  /* One tile with the diagonal, repeated: stroking every line across a large quadrant cost
   * most of a polarity map's frame. A recording surface keeps it vector in PDF and SVG. */
  tile = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &(cairo_rectangle_t) { 0, 0, spacing, spacing });
  tile_cr = cairo_create (tile);
  gs_palette_set_source_alpha (tile_cr, color, 0.75);
  cairo_set_line_width (tile_cr, MAX (1, spacing / 4));
  for (int k = 0; k <= 2; k++)  /* x + y = k·spacing: the diagonal and the corners it crosses into */
    {
      cairo_move_to (tile_cr, -spacing + k * spacing, spacing);
      cairo_line_to (tile_cr, k * spacing, 0);
    }
  cairo_stroke (tile_cr);
  cairo_destroy (tile_cr);
  hatch = cairo_pattern_create_for_surface (tile);
  cairo_pattern_set_extend (hatch, CAIRO_EXTEND_REPEAT);
  /* The hatch starts at the quadrant's corner, as the stroked lines did. */
  cairo_matrix_init_translate (&offset, -rect.x, -rect.y);
  cairo_pattern_set_matrix (hatch, &offset);

  cairo_save (cr);
  cairo_rectangle (cr, rect.x, rect.y, rect.width, rect.height);
  gs_palette_set_source_alpha (cr, color, 0.18);
  cairo_fill_preserve (cr);
  cairo_set_source (cr, hatch);
  cairo_fill (cr);
  cairo_restore (cr);
  cairo_pattern_destroy (hatch);
  cairo_surface_destroy (tile);
}

/* --- Marks -------------------------------------------------------------------------------- */

static const cairo_user_data_key_t marks_key;

/**
 * gs_chart_marks_collect:
 * @marks: (element-type GsRect): receives every mark drawn on @cr from now on; the caller
 *   keeps it alive while @cr draws
 *
 * Tests and the report use the marks to check that no text lies on a marker or a line.
 */
void
gs_chart_marks_collect (cairo_t *cr,
                        GArray  *marks)
{
  cairo_set_user_data (cr, &marks_key, marks, NULL);
}

/* Records @rect, in @cr's user coordinates, as a mark. */
void
gs_chart_mark (cairo_t *cr,
               GsRect   rect)
{
  GArray *marks = cairo_get_user_data (cr, &marks_key);

  if (marks != NULL)
    g_array_append_val (marks, rect);
}

/* Records the current path, as its stroke covers it, as marks: in pieces a few pixels long,
 * so that a curve or a diagonal is marked where it runs rather than by its bounding box;
 * pieces inside @hole (a text's ground painted over the path) are left out. The path stays. */
void
gs_chart_mark_path_except (cairo_t *cr,
                           GsRect   hole)
{
  cairo_path_t *path;
  double half = cairo_get_line_width (cr) / 2, step = MAX (2, 2 * half), x = 0, y = 0, start_x = 0, start_y = 0;

  if (cairo_get_user_data (cr, &marks_key) == NULL)
    return;
  path = cairo_copy_path_flat (cr);
  for (int i = 0; i < path->num_data; i += path->data[i].header.length)
    {
      const cairo_path_data_t *data = &path->data[i];

      if (data->header.type == CAIRO_PATH_MOVE_TO)
        {
          start_x = data[1].point.x;
          start_y = data[1].point.y;
        }
      if (data->header.type == CAIRO_PATH_LINE_TO || data->header.type == CAIRO_PATH_CLOSE_PATH)
        {
          double tx = data->header.type == CAIRO_PATH_LINE_TO ? data[1].point.x : start_x;
          double ty = data->header.type == CAIRO_PATH_LINE_TO ? data[1].point.y : start_y;
          int pieces = MAX (1, (int) ceil (hypot (tx - x, ty - y) / step));

          for (int k = 0; k < pieces; k++)
            {
              double x0 = x + (tx - x) * k / pieces, y0 = y + (ty - y) * k / pieces;
              double x1 = x + (tx - x) * (k + 1) / pieces, y1 = y + (ty - y) * (k + 1) / pieces;
              GsRect piece = { MIN (x0, x1) - half, MIN (y0, y1) - half, fabs (x1 - x0) + 2 * half, fabs (y1 - y0) + 2 * half };

              if (!gs_rect_contains (hole, piece))
                gs_chart_mark (cr, piece);
            }
        }
      if (data->header.type == CAIRO_PATH_MOVE_TO || data->header.type == CAIRO_PATH_LINE_TO)
        {
          x = data[1].point.x;
          y = data[1].point.y;
        }
    }
  cairo_path_destroy (path);
}

void
gs_chart_mark_path (cairo_t *cr)
{
  gs_chart_mark_path_except (cr, (GsRect) { 0, 0, 0, 0 });
}

/* The markers' corners, for a radius of 1 around the marker's centre. */
typedef struct {
  double x, y;
} Corner;

static const Corner square_corners[] = { { -0.85, -0.85 }, { 0.85, -0.85 }, { 0.85, 0.85 }, { -0.85, 0.85 } };
static const Corner triangle_up_corners[] = { { 0, -1.15 }, { 1.1, 0.8 }, { -1.1, 0.8 } };
static const Corner diamond_corners[] = { { 0, -1.2 }, { 1.2, 0 }, { 0, 1.2 }, { -1.2, 0 } };
static const Corner triangle_down_corners[] = { { 0, 1.15 }, { 1.1, -0.8 }, { -1.1, -0.8 } };
static const Corner cross_corners[] = {
  { -1, -0.35 }, { -0.35, -0.35 }, { -0.35, -1 }, { 0.35, -1 }, { 0.35, -0.35 }, { 1, -0.35 },
  { 1, 0.35 }, { 0.35, 0.35 }, { 0.35, 1 }, { -0.35, 1 }, { -0.35, 0.35 }, { -1, 0.35 },
};

/* The unit normal of the edge from @a to @b, on its outer side (@turn is the polygon's
 * winding: the sign of its area). */
static Corner
outer_normal (Corner a,
              Corner b,
              double turn)
{
  double dx = b.x - a.x, dy = b.y - a.y, length = hypot (dx, dy);

  return (Corner) { turn * dy / length, -turn * dx / length };
}

/* The polygon @corners (scaled by @r, around @x, @y) with each edge moved @grow out (in when
 * negative), corners mitred: the shape a line of width 2 × @grow along its edge covers. */
static void
polygon_path (cairo_t      *cr,
              const Corner *corners,
              guint         n,
              double        x,
              double        y,
              double        r,
              double        grow)
{
  double area = 0;

  for (guint i = 0; i < n; i++)
    area += corners[i].x * corners[(i + 1) % n].y - corners[(i + 1) % n].x * corners[i].y;
  for (guint i = 0; i < n; i++)
    {
      Corner before = outer_normal (corners[(i + n - 1) % n], corners[i], area > 0 ? 1 : -1);
      Corner after = outer_normal (corners[i], corners[(i + 1) % n], area > 0 ? 1 : -1);
      double mitre = grow / (1 + before.x * after.x + before.y * after.y);

      cairo_line_to (cr, x + r * corners[i].x + mitre * (before.x + after.x),
                     y + r * corners[i].y + mitre * (before.y + after.y));
    }
  cairo_close_path (cr);
}

static void
marker_path (cairo_t  *cr,
             GsMarker  marker,
             double    x,
             double    y,
             double    r,
             double    grow)
{
  cairo_new_path (cr);
  switch (marker % GS_N_MARKERS)
    {
    case GS_MARKER_SQUARE:
      polygon_path (cr, square_corners, G_N_ELEMENTS (square_corners), x, y, r, grow);
      break;
    case GS_MARKER_TRIANGLE_UP:
      polygon_path (cr, triangle_up_corners, G_N_ELEMENTS (triangle_up_corners), x, y, r, grow);
      break;
    case GS_MARKER_DIAMOND:
      polygon_path (cr, diamond_corners, G_N_ELEMENTS (diamond_corners), x, y, r, grow);
      break;
    case GS_MARKER_TRIANGLE_DOWN:
      polygon_path (cr, triangle_down_corners, G_N_ELEMENTS (triangle_down_corners), x, y, r, grow);
      break;
    case GS_MARKER_CROSS:
      polygon_path (cr, cross_corners, G_N_ELEMENTS (cross_corners), x, y, r, grow);
      break;
    case GS_MARKER_CIRCLE:
    default:
      cairo_arc (cr, x, y, r + grow, 0, 2 * G_PI);
      break;
    }
}

/* A marker filled with @fill and edged with @outline. The edge is drawn as a larger shape
 * filled under a smaller one, not stroked: a chart has a marker per respondent and domain,
 * and cairo strokes a small shape several times slower than it fills one (bench-charts). */
void
gs_chart_marker (cairo_t       *cr,
                 GsMarker       marker,
                 double         x,
                 double         y,
                 double         radius,
                 const GsColor *fill,
                 const GsColor *outline)
{
  double edge = MAX (1, radius / 4) / 2;

  marker_path (cr, marker, x, y, radius, edge);
  gs_palette_set_source (cr, outline);
  cairo_fill (cr);
  marker_path (cr, marker, x, y, radius, -edge);
  gs_palette_set_source (cr, fill);
  cairo_fill (cr);
  gs_chart_mark (cr, (GsRect) { x - radius * 1.2, y - radius * 1.2, radius * 2.4, radius * 2.4 });
}

/* The body text size for a chart of this size: legible in a 360 px pane, in proportion on
 * a 4K slide. */
double
gs_chart_base_size (double width,
                    double height)
{
  return CLAMP (MIN (width / 48, height / 34), GS_CHART_MIN_TEXT, 40);
}

/* A text size relative to the chart's base size, never below the legible minimum. */
double
gs_chart_size (double base,
               double factor)
{
  return MAX (GS_CHART_MIN_TEXT, base * factor);
}

/* "72/100", or "–" when there is no score: scores are out of 100 everywhere, never a
 * percentage (a board reads "72 %" as a share of people). */
char *
gs_chart_format_score (double score)
{
  if (isnan (score))
    return g_strdup ("–");
  /* Translators: a score out of 100 */
  return g_strdup_printf (_("%.0f/100"), score);
}
