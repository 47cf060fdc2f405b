/* gs-library-row.h — one line of the library: an organisation's heading or an assessment
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "gs-library-model.h"

G_BEGIN_DECLS

#define GS_TYPE_LIBRARY_ROW (gs_library_row_get_type ())
G_DECLARE_FINAL_TYPE (GsLibraryRow, gs_library_row, GS, LIBRARY_ROW, GtkWidget)

GtkWidget      *gs_library_row_new             (void);
void            gs_library_row_set_entry       (GsLibraryRow   *self,
                                                GsLibraryEntry *entry);
GsLibraryEntry *gs_library_row_get_entry       (GsLibraryRow   *self);
GtkWidget      *gs_library_row_get_menu_button (GsLibraryRow   *self);
const char     *gs_library_row_get_title       (GsLibraryRow   *self);

G_END_DECLS
