/* gs-store-private.h — internals shared by the files of GsStore
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "gs-store.h"

G_BEGIN_DECLS

/* The newest schema this build knows; a file with a higher user_version is refused. */
#define GS_STORE_SCHEMA_VERSION 1

gboolean gs_store_set_sqlite_error (GError     **error,
                                    sqlite3     *db,
                                    int          rc,
                                    const char  *path,
                                    const char  *what);
gboolean gs_store_exec             (sqlite3     *db,
                                    const char  *sql,
                                    const char  *path,
                                    GError     **error);
gboolean gs_store_migrate          (sqlite3     *db,
                                    const char  *path,
                                    GError     **error);

G_END_DECLS
