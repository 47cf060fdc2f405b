/* gs-map-editor.h — the polarity maps, with their texts editable in a side pane
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gs-chart-view.h"

G_BEGIN_DECLS

#define GS_TYPE_MAP_EDITOR (gs_map_editor_get_type ())
G_DECLARE_FINAL_TYPE (GsMapEditor, gs_map_editor, GS, MAP_EDITOR, GtkBox)

GtkWidget   *gs_map_editor_new            (void);
void         gs_map_editor_set_analysis   (GsMapEditor   *self,
                                           GsStore       *store,
                                           GsAnalysis    *analysis);
GsChartView *gs_map_editor_get_chart_view (GsMapEditor   *self);
void         gs_map_editor_show_row       (GsMapEditor   *self,
                                           int            row);
GtkEditable *gs_map_editor_get_entry      (GsMapEditor   *self,
                                           const char    *key);
GtkWidget   *gs_map_editor_get_restore_button (GsMapEditor *self,
                                               const char  *key);

void         gs_map_editor_set_editable (GsMapEditor *self,
                                         gboolean     editable);

G_END_DECLS
