/* gs-date-field.h — date fields that take a day as the user writes it, or from a calendar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS


char       *gs_date_from_text      (const char  *text);
const char *gs_date_field_get_date (GtkEditable *field);
void        gs_date_field_attach   (GtkEditable *field);
const char *gs_date_field_problem  (void);

G_END_DECLS
