/* gs-report.h — the PDF report a consultant hands over, page by page
 *
 * The same page-drawing code makes the PDF and the printed pages.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gs-chart-export.h"

G_BEGIN_DECLS

typedef enum {
  GS_PAPER_A4,
  GS_PAPER_LETTER,
} GsPaper;

/* What a report shows beyond its default. */
typedef enum {
  GS_REPORT_DEFAULT          = 0,
  GS_REPORT_NAME_RESPONDENTS = 1 << 0,  /* evidence notes under their writers' names */
} GsReportFlags;

typedef struct _GsReport GsReport;

gboolean  gs_paper_from_string      (const char    *text,
                                     GsPaper       *paper);
void      gs_paper_get_size         (GsPaper        paper,
                                     double        *width,
                                     double        *height);

GsReport *gs_report_new             (GsAnalysis    *analysis,
                                     double         page_width,
                                     double         page_height,
                                     GsReportFlags  flags);
void      gs_report_free            (GsReport      *report);
guint     gs_report_get_n_pages     (GsReport      *report);
void      gs_report_draw_page       (GsReport      *report,
                                     cairo_t       *cr,
                                     guint          page);
gboolean  gs_report_write_pdf       (GsAnalysis    *analysis,
                                     GsPaper        paper,
                                     GsReportFlags  flags,
                                     const char    *path,
                                     GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsReport, gs_report_free)

G_END_DECLS
