/* gs-application.h — the Groundswell application: command line, actions, windows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define GS_TYPE_APPLICATION (gs_application_get_type ())
G_DECLARE_FINAL_TYPE (GsApplication, gs_application, GS, APPLICATION, AdwApplication)

GsApplication *gs_application_new               (void);
const char    *gs_application_get_database_path (GsApplication *self);
void           gs_application_set_database_path (GsApplication *self,
                                                 const char    *path);

G_END_DECLS
