/* gs-report-text.h — text on a report page: its styles, drawing, measuring and breaking
 *
 * Private to the report: the page layout in gs-report.c measures text with these before
 * any page exists, and draws it with the same functions, so what was measured is what is
 * drawn.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  STYLE_TITLE,
  STYLE_HEADING,
  STYLE_BODY,
  STYLE_SMALL,
  STYLE_TABLE,
  STYLE_TABLE_HEADER,
} GsReportStyle;

const char * const *gs_report_method_references (void);
char    *gs_report_agreement_text    (double         rwg,
                                      gboolean       differ);
cairo_t *gs_report_measuring_context (void);
double   gs_report_paragraph         (cairo_t       *cr,
                                      const char    *text,
                                      GsReportStyle  style,
                                      double         x,
                                      double         y,
                                      double         width,
                                      gboolean       draw);
double   gs_report_at_most_lines     (cairo_t       *cr,
                                      const char    *text,
                                      GsReportStyle  style,
                                      int            max_lines,
                                      double         x,
                                      double         y,
                                      double         width,
                                      gboolean       draw);
GArray  *gs_report_line_breaks       (cairo_t       *cr,
                                      const char    *text,
                                      GsReportStyle  style,
                                      double         width,
                                      double         available);

G_END_DECLS
