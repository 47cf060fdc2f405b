/* gs-test-catalogue.h — the translations' catalogues as the tests read them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

GPtrArray  *gs_test_catalogue_read        (const char *lang);
const char *gs_test_catalogue_translation (GPtrArray  *catalogue,
                                           const char *msgid);
void        gs_test_assert_no_english     (GPtrArray  *catalogue,
                                           const char *what,
                                           const char *text);

G_END_DECLS
