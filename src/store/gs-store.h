/* gs-store.h — Groundswell's SQLite persistence
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define GS_STORE_ERROR (gs_store_error_quark ())

typedef enum {
  GS_STORE_ERROR_FAILED,        /* SQLite reported an error we have no better word for */
  GS_STORE_ERROR_NOT_DATABASE,  /* the file is not an SQLite database, or is truncated */
  GS_STORE_ERROR_CORRUPT,       /* PRAGMA quick_check found damage */
  GS_STORE_ERROR_TOO_NEW,       /* written by a newer Groundswell */
  GS_STORE_ERROR_READ_ONLY,     /* the file or its folder cannot be written */
  GS_STORE_ERROR_LOCKED,        /* another process holds a write lock */
  GS_STORE_ERROR_IO,            /* the disk failed or is full */
  GS_STORE_ERROR_INVALID,       /* a value the schema does not allow */
} GsStoreError;

#define GS_TYPE_STORE (gs_store_get_type ())
G_DECLARE_FINAL_TYPE (GsStore, gs_store, GS, STORE, GObject)

GQuark      gs_store_error_quark         (void);
char       *gs_store_default_path        (void);
int         gs_store_schema_version      (void);

GsStore    *gs_store_open                (const char  *path,
                                          GError     **error);
const char *gs_store_get_path            (GsStore     *self);
gboolean    gs_store_count_assessments   (GsStore     *self,
                                          guint       *n_assessments,
                                          GError     **error);

G_END_DECLS
