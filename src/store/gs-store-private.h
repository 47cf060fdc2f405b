/* gs-store-private.h — internals shared by the files of GsStore
 *
 * gs-store.c          opening, checks, statements, transactions, the list models
 * gs-store-migrations.c the schema
 * gs-store-read.c     loading an assessment
 * gs-store-write.c    every change: one transaction per user action
 * gs-store-import.c   whole assessments in, the demo, asynchronous import
 * gs-store-backup.c   backups and restoring one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "gs-store.h"

G_BEGIN_DECLS

/* PRAGMA application_id of every Groundswell database: "GSW1". */
#define GS_STORE_APPLICATION_ID 1196644145  /* 0x47535731 */

/* The newest schema this build knows; a file with a higher user_version is refused. */
#define GS_STORE_SCHEMA_VERSION 4

/* Where the once-a-day check of the whole file stands (gs-store-backup.c). */
typedef enum {
  GS_STORE_CHECK_PASSED,   /* checked today, or just now: writes are allowed */
  GS_STORE_CHECK_DUE,      /* not checked today: writes wait for the check */
  GS_STORE_CHECK_RUNNING,  /* a worker is checking and backing up */
  GS_STORE_CHECK_FAILED,   /* the file is damaged: nothing is written to it */
} GsStoreCheck;

struct _GsStore
{
  GObject     parent_instance;

  char       *path;
  sqlite3    *db;
  GHashTable *statements;   /* SQL text → sqlite3_stmt*, prepared once per connection */
  GListStore *assessments;  /* of GsAssessmentSummary, newest first */
  GArray     *deleted[GS_STORE_EVENT + 1];  /* of gint64, per GsStoreKind: rows this connection hid, not undone */
  gboolean    read_only;    /* this user may not change the file: opened read-only */
  GsStoreCheck check;
  GError     *damage;       /* why, when check is GS_STORE_CHECK_FAILED */
};

gboolean      gs_store_set_sqlite_error (GError     **error,
                                         sqlite3     *db,
                                         int          rc,
                                         const char  *path,
                                         const char  *what);
gboolean      gs_store_exec             (sqlite3     *db,
                                         const char  *sql,
                                         const char  *path,
                                         GError     **error);
gboolean      gs_store_quick_check      (sqlite3     *db,
                                         const char  *sql,
                                         const char  *path,
                                         GError     **error);
gboolean      gs_store_migrate          (sqlite3     *db,
                                         const char  *path,
                                         GError     **error);

sqlite3_stmt *gs_store_statement        (GsStore     *self,
                                         const char  *sql,
                                         GError     **error);
gboolean      gs_store_step_done        (GsStore     *self,
                                         sqlite3_stmt *stmt,
                                         const char  *what,
                                         GError     **error);
gboolean      gs_store_begin            (GsStore     *self,
                                         GError     **error);
gboolean      gs_store_end              (GsStore     *self,
                                         gboolean     ok,
                                         GError     **error);
void          gs_store_refresh_lists    (GsStore     *self);
gboolean      gs_store_daily_check_is_due (GsStore   *self);
void          gs_store_set_check        (GsStore     *self,
                                         GsStoreCheck check);
gboolean      gs_store_daily_check      (GsStore     *self,
                                         GError     **error);
gboolean      gs_store_check_writable   (GsStore     *self,
                                         GError     **error);
gboolean      gs_store_check_text       (const char  *text,
                                         const char  *what,
                                         GError     **error);
gboolean      gs_store_check_date       (const char  *date,
                                         GError     **error);
gboolean      gs_store_import_event     (GsStore     *self,
                                         gint64       organisation_id,
                                         const GsTimelineEvent *event,
                                         GError     **error);
gboolean      gs_store_migrate_plan     (sqlite3     *db,
                                         const char  *path,
                                         GError     **error);
gboolean      gs_store_load_plan        (GsStore     *self,
                                         gint64       assessment_id,
                                         GsAssessment *assessment,
                                         GError     **error);
gboolean      gs_store_write_plan       (GsStore     *self,
                                         gint64       assessment_id,
                                         GPtrArray   *actions,
                                         GPtrArray   *signals,
                                         GError     **error);
gboolean      gs_store_copy_plan        (GsStore     *self,
                                         gint64       from_id,
                                         gint64       to_id,
                                         GError     **error);
gboolean      gs_store_write_assessment (GsStore     *self,
                                         GsAssessment *assessment,
                                         gint64      *assessment_id,
                                         GError     **error);
gboolean      gs_store_insert_respondent (GsStore    *self,
                                         gint64       assessment_id,
                                         GsRespondent *respondent,
                                         GError     **error);
gboolean      gs_store_write_answers    (GsStore     *self,
                                         gint64       respondent_id,
                                         GsRespondent *respondent,
                                         GError     **error);

G_END_DECLS
