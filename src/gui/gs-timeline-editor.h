/* gs-timeline-editor.h — the organisation's movement timeline: the chart and its events
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gs-chart-view.h"

G_BEGIN_DECLS

#define GS_TYPE_TIMELINE_EDITOR (gs_timeline_editor_get_type ())
G_DECLARE_FINAL_TYPE (GsTimelineEditor, gs_timeline_editor, GS, TIMELINE_EDITOR, GtkBox)

GtkWidget    *gs_timeline_editor_new            (void);
void          gs_timeline_editor_set_analysis   (GsTimelineEditor *self,
                                                 GsStore          *store,
                                                 GsAnalysis       *analysis);
GsChartView  *gs_timeline_editor_get_chart_view (GsTimelineEditor *self);
void          gs_timeline_editor_add_event      (GsTimelineEditor *self);
void          gs_timeline_editor_edit_event     (GsTimelineEditor *self,
                                                 const char       *uuid);
AdwActionRow *gs_timeline_editor_get_row        (GsTimelineEditor *self,
                                                 const char       *uuid);

void         gs_timeline_editor_set_editable (GsTimelineEditor *self,
                                              gboolean          editable);

G_END_DECLS
