/* gs-text-row.h — a boxed-list row of plain text that wraps: a title, a subtitle, suffixes
 *
 * Also the wrapping label such rows and the pages around them are made of.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define GS_TYPE_TEXT_ROW (gs_text_row_get_type ())
G_DECLARE_FINAL_TYPE (GsTextRow, gs_text_row, GS, TEXT_ROW, AdwPreferencesRow)

GtkWidget  *gs_text_row_new          (const char *title,
                                      const char *subtitle);
const char *gs_text_row_get_title    (GsTextRow  *self);
const char *gs_text_row_get_subtitle (GsTextRow  *self);
void        gs_text_row_add_suffix   (GsTextRow  *self,
                                      GtkWidget  *widget);

GtkWidget  *gs_wrapping_label_new    (const char *text);

G_END_DECLS
