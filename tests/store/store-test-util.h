/* store-test-util.h — databases for the store's tests, and reading them as another
 * program would
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "store/gs-store.h"

char   *temp_database       (void);
guint   mode_of             (const char *path);
char   *checksum_of         (const char *path);
void    raw_sql             (const char *path,
                             const char *sql);
char   *raw_text            (const char *path,
                             const char *sql);
char   *demo_database       (void);
gint64  first_assessment_id (GsStore    *store);
void    spoil_corrupt       (const char *path);
