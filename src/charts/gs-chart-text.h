/* gs-chart-text.h — text in a box: wrapped, shrunk if need be, ellipsized as a last resort
 *
 * Every label a chart draws goes through here, so that no label leaves its box and the
 * charts can report what they drew (for tests, tooltips and accessibility).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <pango/pangocairo.h>

G_BEGIN_DECLS

typedef struct {
  double x, y, width, height;
} GsRect;

typedef struct {
  GsRect   box;        /* where the label may draw */
  GsRect   ink;        /* where it did draw (logical extents), inside box */
  char    *text;       /* the full text */
  gboolean truncated;  /* ellipsized: the full text belongs in a tooltip */
  gboolean broken_word;  /* a word too long for the box even at the smallest size, broken inside */
  int      unknown_glyphs;  /* characters no installed font could draw */
  double   device_size;  /* the font size it was drawn at, in device units (points in a PDF) */
} GsChartLabel;

typedef enum {
  GS_ALIGN_START,
  GS_ALIGN_CENTER,
  GS_ALIGN_END,
} GsAlign;

typedef struct {
  double       size;       /* font size in user units (pixels at scale 1) */
  double       min_size;   /* shrink no further than this before ellipsizing */
  PangoWeight  weight;
  gboolean     italic;
  GsAlign      halign;
  GsAlign      valign;
} GsTextStyle;

GArray  *gs_chart_labels_new   (void);
double   gs_chart_text_width   (cairo_t           *cr,
                                const char        *text,
                                const GsTextStyle *style);
GsRect   gs_chart_text         (cairo_t           *cr,
                                const char        *text,
                                const GsTextStyle *style,
                                GsRect             box,
                                GArray            *labels);
GsRect   gs_chart_text_measure (cairo_t           *cr,
                                const char        *text,
                                const GsTextStyle *style,
                                GsRect             box);
double   gs_chart_text_fitted_size (cairo_t       *cr,
                                const char        *text,
                                const GsTextStyle *style,
                                GsRect             box);
void     gs_chart_text_forget_fits (void);
PangoLayout *gs_chart_text_kept_layout (cairo_t   *cr,
                                const char        *text,
                                const GsTextStyle *style,
                                GsRect             box);
GsRect   gs_chart_text_flow    (cairo_t           *cr,
                                const char        *text,
                                const GsTextStyle *style,
                                GsRect             box,
                                GArray            *labels);
gboolean gs_rect_contains      (GsRect             outer,
                                GsRect             inner);
gboolean gs_rect_intersects    (GsRect             a,
                                GsRect             b);
GsRect   gs_rect_inset         (GsRect             rect,
                                double             by);

G_END_DECLS
