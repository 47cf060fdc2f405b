/* gs-report-private.h — what the report's files share: its pages, blocks and geometry
 *
 * gs-report.c plans the pages and draws them; gs-report-front.c writes what a reader meets
 * first (the cover, the executive summary, the suggestions and the groups compared).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gs-report.h"
#include "gs-report-text.h"

G_BEGIN_DECLS

#define MARGIN 50.0
#define HEADER_Y 26.0

/* A chart on a page: its heading, the chart drawn at a scale that keeps its text legible,
 * and one sentence of what it shows. */
typedef struct {
  char   *chart;     /* the registry's name: "context", "polarity-3", … */
  char   *title;
  char   *reading;
  double  height;    /* of the chart, in points */
  double  scale;     /* points per chart pixel */
} GsReportFigure;

/* A paragraph of a flowing section, or a row of a table in it (when @cells is set). */
typedef struct {
  GsReportStyle  style;
  char          *text;
  char         **cells;    /* a table row's cells, or NULL */
  double        *columns;  /* with @cells: each column's share of the text width (owned) */
  double         height;   /* measured at the page's text width */
} Block;

typedef enum {
  PAGE_COVER,
  PAGE_SUMMARY,
  PAGE_CHART,
  PAGE_ITEMS,
  PAGE_FLOW,
} PageKind;

typedef struct {
  PageKind  kind;
  char     *title;
  GPtrArray *figures;    /* PAGE_CHART: of GsReportFigure*, one or two */
  guint     first, last; /* PAGE_ITEMS: rows first … last - 1; PAGE_FLOW: blocks */
  GPtrArray *flow;       /* PAGE_FLOW: the section's blocks (shared by its pages) */
} Page;

struct _GsReport
{
  GsAnalysis    *analysis;  /* a reference */
  double         width, height;
  GPtrArray     *pages;         /* of Page* */
  GPtrArray     *flows;         /* of GPtrArray* of Block*, owned */
  GArray        *row_heights;   /* of double: the item table's rows */
  char          *running_header;
  GsReportFlags  flags;
};

static inline double
text_width (GsReport *report)
{
  return report->width - 2 * MARGIN;
}

static inline double
body_top (void)
{
  return MARGIN + 10;
}

static inline double
body_bottom (GsReport *report)
{
  return report->height - MARGIN;
}

GPtrArray *gs_report_new_flow            (void);
void       gs_report_add_block           (GPtrArray     *flow,
                                          GsReportStyle  style,
                                          char          *text);
void       gs_report_add_row             (GPtrArray     *flow,
                                          GsReportStyle  style,
                                          const double  *columns,
                                          char         **cells);
void       gs_report_add_groups_table    (GsReport      *report,
                                          GPtrArray     *flow);
void       gs_report_draw_cover          (GsReport      *report,
                                          cairo_t       *cr);
void       gs_report_draw_summary        (GsReport      *report,
                                          cairo_t       *cr,
                                          double         y);
GPtrArray *gs_report_suggestions_flow    (GsReport      *report);
Page      *gs_report_add_page            (GsReport      *report,
                                          PageKind       kind,
                                          const char    *title);
void       gs_report_plan_chart_pages    (GsReport      *report);
void       gs_report_draw_chart_page     (GsReport      *report,
                                          cairo_t       *cr,
                                          const Page    *page,
                                          double         y);

G_END_DECLS
