/* bench-data.h — databases at the scale consultants reach, made with SQL alone
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "core/gs-instrument.h"

G_BEGIN_DECLS

void gs_bench_generate (const char   *path,
                        GsInstrument *instrument,
                        guint         n_organisations,
                        guint         n_assessments,
                        guint         n_respondents,
                        guint         n_items);
void gs_bench_remove_backups (const char *path);
void gs_bench_exec           (sqlite3    *db,
                             const char *sql);

G_END_DECLS
