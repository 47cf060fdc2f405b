/* gs-window.h — the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "report/gs-analysis.h"
#include "report/gs-report.h"
#include "store/gs-store.h"

G_BEGIN_DECLS

#define GS_TYPE_WINDOW (gs_window_get_type ())
G_DECLARE_FINAL_TYPE (GsWindow, gs_window, GS, WINDOW, AdwApplicationWindow)

GsWindow *gs_window_new              (GtkApplication *application,
                                      GsStore        *store,
                                      GsInstrument   *instrument);
GsStore  *gs_window_get_store        (GsWindow       *self);
GsAnalysis *gs_window_get_analysis   (GsWindow       *self);
AdwViewStack *gs_window_get_tabs     (GsWindow       *self);
void      gs_window_present_assessment (GsWindow     *self,
                                        gint64        assessment_id);
gboolean  gs_window_is_loading       (GsWindow       *self);
void      gs_window_show_open_error  (GsWindow       *self,
                                      const char     *database_path,
                                      const GError   *error);
void      gs_window_import_file      (GsWindow       *self,
                                      const char     *path,
                                      GsImportMode    mode);
void      gs_window_import_files     (GsWindow           *self,
                                      const char * const *paths);
guint     gs_window_send_questionnaires (GsWindow           *self,
                                         const char * const *names,
                                         const char         *group,
                                         const char         *folder,
                                         GError            **error);
void      gs_window_send_questionnaires_in (GsWindow         *self,
                                         const char * const *names,
                                         const char         *group,
                                         const char         *language,
                                         const char         *second_language,
                                         const char         *destination);
void      gs_window_export_questionnaire_in (GsWindow         *self,
                                         const char         *language,
                                         const char         *path);
void      gs_window_import_survey_file (GsWindow     *self,
                                      const char     *path);
void      gs_window_export_chart     (GsWindow       *self,
                                      const char     *chart,
                                      const char     *path,
                                      double          width,
                                      double          height,
                                      double          scale,
                                      gboolean        caption);
void      gs_window_export_chart_in  (GsWindow       *self,
                                      const char     *language,
                                      const char     *chart,
                                      const char     *path,
                                      double          width,
                                      double          height,
                                      double          scale,
                                      gboolean        caption);
void      gs_window_export_report    (GsWindow       *self,
                                      const char     *path,
                                      GsPaper         paper,
                                      GsReportFlags   flags);
void      gs_window_export_report_in (GsWindow       *self,
                                      const char     *language,
                                      const char     *path,
                                      GsPaper         paper,
                                      GsReportFlags   flags);
gboolean  gs_window_print_to_file    (GsWindow       *self,
                                      const char     *path,
                                      GError        **error);

G_END_DECLS
