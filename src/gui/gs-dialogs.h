/* gs-dialogs.h — the dialogs and small widget helpers the window and its pages share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void              gs_show_error       (GtkWidget    *widget,
                                       const char   *heading,
                                       const GError *error);
AdwMessageDialog *gs_form_dialog_new  (GtkWidget    *widget,
                                       const char   *heading,
                                       const char   *body,
                                       const char   *confirm_id,
                                       const char   *confirm_label,
                                       const char   *first_field_key,
                                       ...) G_GNUC_NULL_TERMINATED;
GtkEditable      *gs_form_dialog_get_field (AdwMessageDialog *dialog,
                                       const char   *key);
GtkWidget        *gs_field_row_new         (const char   *title,
                                            GtkEditable **field);
GtkLabel         *gs_form_field_get_label  (GtkEditable  *field);
void              gs_form_field_add_suffix (GtkEditable  *field,
                                            GtkWidget    *widget);
void              gs_form_field_set_visible (GtkEditable *field,
                                            gboolean      visible);

void              gs_drop_down_use_ellipsized_items (GtkDropDown *dropdown);

G_END_DECLS
