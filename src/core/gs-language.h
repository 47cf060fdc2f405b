/* gs-language.h — the language a process writes in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define GS_LANGUAGE_ERROR (gs_language_error_quark ())

typedef enum {
  GS_LANGUAGE_ERROR_UNKNOWN,
} GsLanguageError;

GQuark               gs_language_error_quark  (void);

const char * const  *gs_language_codes        (void);
gboolean             gs_language_check        (const char  *code,
                                               GError     **error);
const char          *gs_language_name         (const char  *code);
const char          *gs_language_current      (void);
gboolean             gs_language_is_other     (const char  *code);
gboolean             gs_language_use          (const char  *code,
                                               GError     **error);

G_END_DECLS
