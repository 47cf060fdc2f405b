/* gs-library-view.h — the library: every assessment, by organisation, searchable
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "gs-library-model.h"

G_BEGIN_DECLS

#define GS_TYPE_LIBRARY_VIEW (gs_library_view_get_type ())
G_DECLARE_FINAL_TYPE (GsLibraryView, gs_library_view, GS, LIBRARY_VIEW, GtkWidget)

void            gs_library_view_set_assessments (GsLibraryView *self,
                                                 GListModel    *assessments);
GsLibraryModel *gs_library_view_get_model       (GsLibraryView *self);
void            gs_library_view_focus_search    (GsLibraryView *self);
void            gs_library_view_focus_list      (GsLibraryView *self);
void            gs_library_view_activate        (GsLibraryView *self,
                                                 guint          n);
gboolean        gs_library_view_popup_menu      (GsLibraryView *self,
                                                 gint64         assessment_id);

G_END_DECLS
