/* gs-store.h — Groundswell's SQLite persistence
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "core/gs-assessment.h"
#include "core/gs-exchange.h"
#include "core/gs-instrument.h"
#include "store/gs-assessment-summary.h"

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
  GS_STORE_ERROR_NOT_FOUND,     /* no such assessment, respondent or event */
  GS_STORE_ERROR_DUPLICATE,     /* importing an assessment that is already there */
} GsStoreError;

/* What to do when an imported assessment is already in the store. */
typedef enum {
  GS_IMPORT_REFUSE_DUPLICATE,   /* say so, and import nothing */
  GS_IMPORT_AS_COPY,            /* import it again with new ids, as "… (copy)" */
  GS_IMPORT_REPLACE_OLDER,      /* refuse it too, but merge respondents' answers saved later */
} GsImportMode;

/* The kinds of row the user can delete, and undo the deletion of. */
typedef enum {
  GS_STORE_ORGANISATION,
  GS_STORE_ASSESSMENT,
  GS_STORE_RESPONDENT,
  GS_STORE_EVENT,
} GsStoreKind;

#define GS_TYPE_STORE (gs_store_get_type ())
G_DECLARE_FINAL_TYPE (GsStore, gs_store, GS, STORE, GObject)

GQuark      gs_store_error_quark         (void);
char       *gs_store_default_path        (void);
int         gs_store_schema_version      (void);

GsStore    *gs_store_open                (const char  *path,
                                          GError     **error);
GsStore    *gs_store_open_deferring_check (const char *path,
                                          GError     **error);
gboolean    gs_store_get_writable        (GsStore     *self);
gboolean    gs_store_get_read_only       (GsStore     *self);
void        gs_store_daily_check_async   (GsStore     *self,
                                          GCancellable *cancellable,
                                          GAsyncReadyCallback callback,
                                          gpointer     user_data);
gboolean    gs_store_daily_check_finish  (GsStore     *self,
                                          GAsyncResult *result,
                                          GError     **error);
const char *gs_store_get_path            (GsStore     *self);
gboolean    gs_store_count_assessments   (GsStore     *self,
                                          guint       *n_assessments,
                                          GError     **error);

/* Lists, kept up to date after every change made through this store. */
GListModel *gs_store_get_assessments     (GsStore     *self);
GsAssessmentSummary *gs_store_lookup_summary (GsStore *self,
                                              gint64   assessment_id);
void        gs_store_refresh_assessment  (GsStore     *self,
                                          gint64       assessment_id);
gint64      gs_store_find_assessment     (GsStore     *self,
                                          const char  *uuid);

/* Organisations and assessments. Every function is one transaction. */
gint64      gs_store_add_organisation    (GsStore     *self,
                                          const char  *name,
                                          GError     **error);
gint64      gs_store_find_organisation   (GsStore     *self,
                                          const char  *name);
gboolean    gs_store_rename_organisation (GsStore     *self,
                                          gint64       organisation_id,
                                          const char  *name,
                                          GError     **error);
gint64      gs_store_add_assessment      (GsStore     *self,
                                          gint64       organisation_id,
                                          const char  *title,
                                          const char  *date,
                                          GsInstrument *instrument,
                                          GError     **error);
gboolean    gs_store_rename_assessment   (GsStore     *self,
                                          gint64       assessment_id,
                                          const char  *title,
                                          GError     **error);
gint64      gs_store_add_follow_up       (GsStore     *self,
                                          gint64       earlier_id,
                                          const char  *title,
                                          const char  *date,
                                          GsInstrument *instrument,
                                          GError     **error);
GsAssessment *gs_store_load_assessment   (GsStore     *self,
                                          gint64       assessment_id,
                                          GError     **error);

/* Deleting: rows are hidden at once and kept until purged, so that deletion can be undone. */
gboolean    gs_store_delete              (GsStore     *self,
                                          GsStoreKind  kind,
                                          gint64       id,
                                          GError     **error);
gboolean    gs_store_undo_delete         (GsStore     *self,
                                          GsStoreKind  kind,
                                          gint64       id,
                                          GError     **error);
gboolean    gs_store_purge_deleted       (GsStore     *self,
                                          GError     **error);

/* Respondents and answers. */
char       *gs_store_add_respondent      (GsStore     *self,
                                          gint64       assessment_id,
                                          const char  *name,
                                          const char  *group,
                                          GError     **error);
gint64      gs_store_find_respondent     (GsStore     *self,
                                          const char  *uuid);
gboolean    gs_store_update_respondent   (GsStore     *self,
                                          const char  *uuid,
                                          const char  *name,
                                          const char  *group,
                                          GError     **error);
gboolean    gs_store_save_answer         (GsStore     *self,
                                          const char  *respondent_uuid,
                                          const char  *item_id,
                                          GsAnswerStatus status,
                                          int          value,
                                          const char  *note,
                                          GError     **error);

/* The edited texts of an assessment's polarity maps; %NULL restores the paper's wording. */
gboolean    gs_store_set_polarity_text   (GsStore     *self,
                                          gint64       assessment_id,
                                          const char  *key,
                                          const char  *text,
                                          GError     **error);

/* The assessment's plan: its actions and signals to watch, saved whole. */
gboolean    gs_store_save_plan           (GsStore     *self,
                                          gint64       assessment_id,
                                          GPtrArray   *actions,
                                          GPtrArray   *signals,
                                          GError     **error);

/* The organisation's movement timeline. */
gint64      gs_store_add_event           (GsStore     *self,
                                          gint64       organisation_id,
                                          const GsTimelineEvent *event,
                                          GError     **error);
gboolean    gs_store_update_event        (GsStore     *self,
                                          gint64       event_id,
                                          const GsTimelineEvent *event,
                                          GError     **error);
gint64      gs_store_find_event          (GsStore     *self,
                                          const char  *uuid);

/* Whole assessments in and out. */
gint64      gs_store_import              (GsStore     *self,
                                          GsAssessment *assessment,
                                          GsExchangeKind kind,
                                          GsImportMode mode,
                                          guint       *n_added,
                                          GError     **error);
void        gs_store_import_file_async   (GsStore     *self,
                                          GsInstrument *instrument,
                                          const char  *path,
                                          GsImportMode mode,
                                          GCancellable *cancellable,
                                          GAsyncReadyCallback callback,
                                          gpointer     user_data);
gint64      gs_store_import_file_finish  (GsStore     *self,
                                          GAsyncResult *result,
                                          guint       *n_added,
                                          GError     **error);
void        gs_store_export_file_async   (GsStore     *self,
                                          GsInstrument *instrument,
                                          gint64       assessment_id,
                                          const char  *path,
                                          GCancellable *cancellable,
                                          GAsyncReadyCallback callback,
                                          gpointer     user_data);
gboolean    gs_store_export_file_finish  (GsStore     *self,
                                          GAsyncResult *result,
                                          GError     **error);
gboolean    gs_store_add_demo            (GsStore     *self,
                                          GsInstrument *instrument,
                                          GError     **error);

/* Backups beside the database, in backups/. */
gboolean    gs_store_backup_now          (GsStore     *self,
                                          GError     **error);
GPtrArray  *gs_store_list_backups        (const char  *database_path);
gboolean    gs_store_restore_backup      (const char  *database_path,
                                          const char  *backup_path,
                                          char       **moved_aside,
                                          GError     **error);

G_END_DECLS
