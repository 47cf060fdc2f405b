/* gs-accessible.h — words for a screen reader where GTK 4.8 gives none
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void       gs_accessible_name_controls  (GtkWidget   *root);
void       gs_accessible_name_drop_down (GtkDropDown *dropdown,
                                         const char  *name);
GtkWidget *gs_accessible_heading_new    (const char  *text,
                                         int          level);

G_END_DECLS
