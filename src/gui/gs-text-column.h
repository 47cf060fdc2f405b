/* gs-text-column.h — paragraphs one above the other, laid out height-for-width only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define GS_TYPE_TEXT_COLUMN (gs_text_column_get_type ())
G_DECLARE_FINAL_TYPE (GsTextColumn, gs_text_column, GS, TEXT_COLUMN, GtkWidget)

GtkWidget *gs_text_column_new    (int           spacing);
void       gs_text_column_append (GsTextColumn *self,
                                  GtkWidget    *child);

G_END_DECLS
