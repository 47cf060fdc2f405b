/* gs-web-bilingual.h — one web questionnaire in two languages, with a switch at the top
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *gs_web_bilingual_merge (const char  *first,
                              const char  *first_lang,
                              const char  *second,
                              const char  *second_lang,
                              GError     **error);

G_END_DECLS
