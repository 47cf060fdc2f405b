/* gs-window-output.h — what leaves the window: chart images, the PDF report, printing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gs-window.h"
#include "report/gs-report.h"

G_BEGIN_DECLS

typedef void (*GsOutputDone) (GtkWindow    *window,
                              const GError *error,
                              const char   *message);

void     gs_output_export_chart   (GtkWindow           *window,
                                   GsAnalysis          *analysis,
                                   const char          *chart,
                                   const char          *path,
                                   double               width,
                                   double               height,
                                   double               scale,
                                   gboolean             caption,
                                   GCancellable        *cancellable,
                                   GsOutputDone         done);
void     gs_output_export_report  (GtkWindow           *window,
                                   GsAnalysis          *analysis,
                                   GsPaper              paper,
                                   GsReportFlags        flags,
                                   const char          *path,
                                   GCancellable        *cancellable,
                                   GsOutputDone         done);
void     gs_output_export_report_in (GtkWindow         *window,
                                   const char          *language,
                                   const char          *database,
                                   gint64               assessment_id,
                                   GsPaper              paper,
                                   GsReportFlags        flags,
                                   const char          *path,
                                   GCancellable        *cancellable,
                                   GsOutputDone         done);
void     gs_output_export_chart_in (GtkWindow          *window,
                                   const char          *language,
                                   const char          *database,
                                   gint64               assessment_id,
                                   const char          *chart,
                                   const char          *path,
                                   double               width,
                                   double               height,
                                   double               scale,
                                   gboolean             caption,
                                   GCancellable        *cancellable,
                                   GsOutputDone         done);
void     gs_output_export_questionnaire_in (GtkWindow  *window,
                                   const char          *language,
                                   const char          *database,
                                   gint64               assessment_id,
                                   GsPaper              paper,
                                   const char          *path,
                                   GCancellable        *cancellable,
                                   GsOutputDone         done);
void     gs_output_run_in_async   (const char          *language,
                                   const char          *database,
                                   GPtrArray           *args,
                                   const char          *path,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data);
char    *gs_output_run_in_finish  (GAsyncResult        *result,
                                   GError             **error);
gboolean gs_output_copy_chart     (GtkWidget           *chart_view,
                                   GsAnalysis          *analysis,
                                   const char          *chart,
                                   GError             **error);
GtkPrintOperation *gs_output_print_operation (GsAnalysis *analysis);

G_END_DECLS
