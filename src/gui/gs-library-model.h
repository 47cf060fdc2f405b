/* gs-library-model.h — the assessments as the library lists them: by organisation, searchable
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "store/gs-assessment-summary.h"

G_BEGIN_DECLS

/* One line of the library: an organisation's heading, or one of its assessments. */
#define GS_TYPE_LIBRARY_ENTRY (gs_library_entry_get_type ())
G_DECLARE_FINAL_TYPE (GsLibraryEntry, gs_library_entry, GS, LIBRARY_ENTRY, GObject)

gboolean             gs_library_entry_is_heading     (GsLibraryEntry *self);
GsAssessmentSummary *gs_library_entry_get_summary    (GsLibraryEntry *self);
gboolean             gs_library_entry_is_group_start (GsLibraryEntry *self);
gboolean             gs_library_entry_is_group_end   (GsLibraryEntry *self);

#define GS_TYPE_LIBRARY_MODEL (gs_library_model_get_type ())
G_DECLARE_FINAL_TYPE (GsLibraryModel, gs_library_model, GS, LIBRARY_MODEL, GObject)

GsLibraryModel *gs_library_model_new             (GListModel     *assessments);
void            gs_library_model_set_search      (GsLibraryModel *self,
                                                  const char     *text);
guint           gs_library_model_get_n_shown     (GsLibraryModel *self);
GsAssessmentSummary *gs_library_model_get_assessment (GsLibraryModel *self,
                                                  guint           n);

G_END_DECLS
