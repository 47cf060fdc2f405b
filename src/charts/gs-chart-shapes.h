/* gs-chart-shapes.h — the shapes every chart draws with: boxes, hatching, markers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gs-chart-text.h"
#include "gs-palette.h"

G_BEGIN_DECLS

/* Marker shapes, so that categories differ by shape as well as colour. */
typedef enum {
  GS_MARKER_CIRCLE,
  GS_MARKER_SQUARE,
  GS_MARKER_TRIANGLE_UP,
  GS_MARKER_DIAMOND,
  GS_MARKER_TRIANGLE_DOWN,
  GS_MARKER_CROSS,
  GS_N_MARKERS
} GsMarker;

void             gs_chart_rounded_rect  (cairo_t       *cr,
                                         GsRect         rect,
                                         double         radius);
void             gs_chart_fill_hatched  (cairo_t       *cr,
                                         GsRect         rect,
                                         const GsColor *color,
                                         double         spacing);
void             gs_chart_marker        (cairo_t       *cr,
                                         GsMarker       marker,
                                         double         x,
                                         double         y,
                                         double         radius,
                                         const GsColor *fill,
                                         const GsColor *outline);
/* Marks: where a chart drew something text must keep off (a marker, the polarity loop),
 * collected only when asked for (tests, the report's layout), in user coordinates. */
void             gs_chart_marks_collect (cairo_t       *cr,
                                         GArray        *marks);
void             gs_chart_mark          (cairo_t       *cr,
                                         GsRect         rect);
void             gs_chart_mark_path     (cairo_t       *cr);
void             gs_chart_mark_path_except (cairo_t    *cr,
                                         GsRect         hole);

/* No text on a chart is smaller than this many pixels (at scale 1). */
#define GS_CHART_MIN_TEXT 9.0

double           gs_chart_base_size     (double         width,
                                         double         height);
double           gs_chart_size          (double         base,
                                         double         factor);
char            *gs_chart_format_score  (double         score);

G_END_DECLS
