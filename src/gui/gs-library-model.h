/* gs-library-model.h — the assessments as the library lists them: by organisation, searchable
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GListModel *gs_library_model_new         (GListModel  *assessments,
                                          GtkFilter  **search);
void        gs_library_model_set_search  (GtkFilter   *search,
                                          const char  *text);
void        gs_library_row_header_cb     (GtkListBoxRow *row,
                                          GtkListBoxRow *before,
                                          gpointer       user_data);

G_END_DECLS
