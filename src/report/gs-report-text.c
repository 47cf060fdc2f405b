/* gs-report-text.c — text on a report page: its styles, drawing, measuring and breaking
 *
 * Text is laid out with Pango, so the PDF's text stays selectable and searchable. Metrics
 * are not hinted, so a paragraph measured on the 1×1 measuring context has the height it
 * will have on the page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "gs-report-text.h"

#define FONT_FAMILY "Cantarell, DejaVu Sans, Noto Sans, Noto Sans CJK SC, Noto Sans Arabic, sans-serif"

static PangoLayout *
make_layout (cairo_t       *cr,
             const char    *text,
             GsReportStyle  style,
             double         width)
{
  static const struct { double size; PangoWeight weight; } styles[] = {
    [STYLE_TITLE] = { 24, PANGO_WEIGHT_BOLD },
    [STYLE_HEADING] = { 14, PANGO_WEIGHT_BOLD },
    [STYLE_BODY] = { 10, PANGO_WEIGHT_NORMAL },
    [STYLE_SMALL] = { 8.5, PANGO_WEIGHT_NORMAL },
    [STYLE_TABLE] = { 8.5, PANGO_WEIGHT_NORMAL },
    [STYLE_TABLE_HEADER] = { 8.5, PANGO_WEIGHT_BOLD },
  };
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string (FONT_FAMILY);
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (pango_layout_get_context (layout), options);
  cairo_font_options_destroy (options);
  pango_font_description_set_absolute_size (font, styles[style].size * PANGO_SCALE);
  pango_font_description_set_weight (font, styles[style].weight);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text, -1);
  pango_cairo_update_layout (cr, layout);
  return layout;
}

/* Draws @layout at (@x, @y) when @draw, and frees it; returns its height. */
static double
show_or_measure (cairo_t     *cr,
                 PangoLayout *layout,
                 double       x,
                 double       y,
                 gboolean     draw)
{
  int w, h;

  pango_layout_get_size (layout, &w, &h);
  if (draw)
    {
      cairo_move_to (cr, x, y);
      pango_cairo_show_layout (cr, layout);
    }
  g_object_unref (layout);
  return (double) h / PANGO_SCALE;
}

/* A context for measuring text before any page exists. */
cairo_t *
gs_report_measuring_context (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (surface);

  cairo_surface_destroy (surface);
  return cr;
}

/* Draws (when @draw) or measures a paragraph wrapped to @width; returns its height. */
double
gs_report_paragraph (cairo_t       *cr,
                     const char    *text,
                     GsReportStyle  style,
                     double         x,
                     double         y,
                     double         width,
                     gboolean       draw)
{
  return show_or_measure (cr, make_layout (cr, text, style, width), x, y, draw);
}

/* Draws (when @draw) or measures @text in at most @max_lines lines, ending in “…” where it
 * needs more: for the running header, which has room for one line above its rule, and the
 * names on the cover. Returns its height. */
double
gs_report_at_most_lines (cairo_t       *cr,
                         const char    *text,
                         GsReportStyle  style,
                         int            max_lines,
                         double         x,
                         double         y,
                         double         width,
                         gboolean       draw)
{
  PangoLayout *layout = make_layout (cr, text, style, width);

  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_height (layout, -max_lines);
  return show_or_measure (cr, layout, x, y, draw);
}

/* The byte offsets (an array of int) at which @text is cut so that no piece, wrapped to
 * @width, is taller than @available: always at the start of a wrapped line, so the pieces
 * read as the whole. */
GArray *
gs_report_line_breaks (cairo_t       *cr,
                       const char    *text,
                       GsReportStyle  style,
                       double         width,
                       double         available)
{
  PangoLayout *layout = make_layout (cr, text, style, width);
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  GArray *cuts = g_array_new (FALSE, FALSE, sizeof (int));
  double piece_top = 0;

  do
    {
      PangoRectangle line;
      int start = pango_layout_iter_get_index (iter);

      pango_layout_iter_get_line_extents (iter, NULL, &line);
      if ((double) (line.y + line.height) / PANGO_SCALE - piece_top > available && start > 0)
        {
          g_array_append_val (cuts, start);
          piece_top = (double) line.y / PANGO_SCALE;
        }
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  g_object_unref (layout);
  return cuts;
}

/* The sources of the method's statistics, as the report's reference list cites them. */
const char * const *
gs_report_method_references (void)
{
  static const char * const references[] = {
    "Cronbach LJ. Coefficient alpha and the internal structure of tests. Psychometrika 1951;16:297–334.",
    "James LR, Demaree RG, Wolf G. Estimating within-group interrater reliability with and without response bias. "
    "J Appl Psychol 1984;69:85–98.",
    /* The source of the 0.70 cut-off for r_wg below which the report says views differ. */
    "LeBreton JM, Senter JL. Answers to 20 questions about interrater reliability and interrater agreement. "
    "Organ Res Methods 2008;11(4):815–852.",
    "Scaccia JP, Cook BS, Lamont A, Wandersman A, Castellow J, Katz J, Beidas RS. A practical implementation science "
    "heuristic for organizational readiness: R = MC². J Community Psychol 2015;43(4):484–501.",
    NULL
  };

  return references;
}

/* The item table's agreement: "0.42, views differ", "0.91", or "–" when it cannot be computed. */
char *
gs_report_agreement_text (double   rwg,
                          gboolean differ)
{
  if (isnan (rwg))
    return g_strdup ("–");
  return differ ? g_strdup_printf (_("%.2f, views differ"), rwg) : g_strdup_printf ("%.2f", rwg);
}
