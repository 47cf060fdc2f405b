/* gs-store-import.c — whole assessments into the store: imports, answers from respondents,
 * the demo, and importing a file without blocking the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gs-store"

#include "config.h"

#include <glib/gi18n.h>

#include "core/gs-demo.h"
#include "gs-store-private.h"

/* Writes what the merge decided: new respondents with their answers, and the answers of
 * those already here that were added or replaced. */
static gboolean
write_merge (GsStore       *self,
             gint64         assessment_id,
             const GsMerge *merge,
             GError       **error)
{
  gboolean ok = gs_store_begin (self, error);

  for (guint r = 0; ok && r < merge->added->len; r++)
    ok = gs_store_insert_respondent (self, assessment_id, g_ptr_array_index (merge->added, r), error);
  for (guint r = 0; ok && r < merge->updated->len; r++)
    {
      GsRespondent *respondent = g_ptr_array_index (merge->updated, r);
      ok = gs_store_write_answers (self, gs_store_find_respondent (self, respondent->uuid), respondent, error);
    }
  return gs_store_end (self, ok, error);
}

/* Merges the respondents of @incoming into the stored assessment with the same id. */
static gint64
import_responses (GsStore       *self,
                  GsAssessment  *incoming,
                  GsMergePolicy  policy,
                  guint         *n_changed,
                  GError       **error)
{
  gint64 assessment_id = gs_store_find_assessment (self, gs_assessment_get_uuid (incoming));
  g_autoptr(GsAssessment) target = NULL;
  GsMerge merge = { NULL };
  gboolean ok;

  if (assessment_id == 0 || (target = gs_store_load_assessment (self, assessment_id, NULL)) == NULL)
    {
      g_set_error (error, GS_STORE_ERROR, GS_STORE_ERROR_NOT_FOUND,
                   _("These answers belong to the assessment “%s” of %s, which is not in this database. "
                     "Import the whole assessment first."),
                   gs_assessment_get_title (incoming), gs_assessment_get_organisation_name (incoming));
      return 0;
    }
  /* The merge reports conflicts (the same person with other answers) and changes nothing then. */
  if (!gs_assessment_merge_responses (target, incoming, policy, &merge, error))
    return 0;
  ok = write_merge (self, assessment_id, &merge, error);
  *n_changed = merge.added->len + merge.updated->len;
  gs_merge_clear (&merge);
  if (!ok)
    return 0;
  gs_store_refresh_lists (self);
  return assessment_id;
}

/* Whether @incoming has respondents that the stored assessment @id lacks. */
static gboolean
has_new_respondents (GsStore      *self,
                     gint64        id,
                     GsAssessment *incoming)
{
  g_autoptr(GsAssessment) stored = gs_store_load_assessment (self, id, NULL);
  GPtrArray *respondents = gs_assessment_get_respondents (incoming);

  for (guint r = 0; stored != NULL && r < respondents->len; r++)
    if (gs_assessment_lookup_respondent (stored, ((GsRespondent *) g_ptr_array_index (respondents, r))->uuid) == NULL)
      return TRUE;
  return FALSE;
}

/**
 * gs_store_import:
 * @kind: a whole assessment, or respondents' answers to merge into one already here
 * @mode: what to do when the whole assessment is already here (unless it brings respondents
 *   that are not here yet: they are merged in, and the rest of it left as it is)
 * @n_added: (out) (optional): how many respondents were added, or had answers added or replaced
 *
 * Imports in one transaction: all of it or, on any error, none of it.
 *
 * Returns: the id of the new (or, for answers, the existing) assessment; 0 with @error set
 */
gint64
gs_store_import (GsStore         *self,
                 GsAssessment    *assessment,
                 GsExchangeKind   kind,
                 GsImportMode     mode,
                 guint           *n_added,
                 GError         **error)
{
  g_autoptr(GsAssessment) copy = NULL;
  gint64 existing, assessment_id = 0;
  guint added = 0;
  GsMergePolicy policy;
  gboolean ok;

  g_return_val_if_fail (GS_IS_STORE (self), 0);
  g_return_val_if_fail (GS_IS_ASSESSMENT (assessment), 0);

  if (n_added != NULL)
    *n_added = 0;
  policy = mode == GS_IMPORT_REPLACE_OLDER ? GS_MERGE_REPLACE_OLDER : GS_MERGE_REFUSE_CHANGES;
  if (kind == GS_EXCHANGE_RESPONSES)
    {
      assessment_id = import_responses (self, assessment, policy, &added, error);
      if (n_added != NULL)
        *n_added = added;
      return assessment_id;
    }

  existing = gs_store_find_assessment (self, gs_assessment_get_uuid (assessment));
  /* The same assessment exported again after more people answered: their answers merge in,
   * as from their own files; the conflicts are refused as for those. */
  if (existing != 0 && mode != GS_IMPORT_AS_COPY && has_new_respondents (self, existing, assessment))
    {
      assessment_id = import_responses (self, assessment, policy, &added, error);
      if (n_added != NULL)
        *n_added = added;
      return assessment_id;
    }
  if (existing != 0 && mode != GS_IMPORT_AS_COPY)
    {
      g_set_error (error, GS_STORE_ERROR, GS_STORE_ERROR_DUPLICATE,
                   _("“%s” of %s is already in this database (assessment %lld). "
                     "Nothing was imported; import it as a copy to keep both."),
                   gs_assessment_get_title (assessment), gs_assessment_get_organisation_name (assessment), (long long) existing);
      return 0;
    }
  if (existing != 0)
    assessment = copy = gs_assessment_copy_as_new (assessment);

  if (!gs_store_begin (self, error))
    return 0;
  ok = gs_store_write_assessment (self, assessment, &assessment_id, error);
  if (!gs_store_end (self, ok, error))
    return 0;
  gs_store_refresh_lists (self);
  if (n_added != NULL)
    *n_added = gs_assessment_get_respondents (assessment)->len;
  return assessment_id;
}

/**
 * gs_store_add_demo:
 *
 * Adds the fictional example organisation with its two assessments and timeline. Its ids
 * are fixed: what is already here is not added again.
 */
gboolean
gs_store_add_demo (GsStore       *self,
                   GsInstrument  *instrument,
                   GError       **error)
{
  g_autoptr(GPtrArray) assessments = gs_demo_build_assessments (instrument);

  for (guint i = 0; i < assessments->len; i++)
    {
      GsAssessment *assessment = g_ptr_array_index (assessments, i);

      if (gs_store_find_assessment (self, gs_assessment_get_uuid (assessment)) != 0)
        continue;
      if (gs_store_import (self, assessment, GS_EXCHANGE_ASSESSMENT, GS_IMPORT_REFUSE_DUPLICATE, NULL, error) == 0)
        return FALSE;
    }
  return TRUE;
}

/* --- Importing a file without blocking the window ------------------------------------ */

typedef struct {
  GsInstrument   *instrument;
  char           *path;
  GsImportMode    mode;
  GsExchangeKind  kind;
  guint           n_added;
} ImportData;

static void
import_data_free (ImportData *data)
{
  g_clear_object (&data->instrument);
  g_free (data->path);
  g_free (data);
}

/* In a worker thread: reading and validating the file, the slow part for a big file. It
 * touches no SQLite connection. */
static void
read_file_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  ImportData *data = task_data;
  GError *error = NULL;
  GsAssessment *assessment = gs_exchange_read_file (data->instrument, data->path, &data->kind, &error);

  if (assessment == NULL)
    g_task_return_error (task, error);
  else if (g_task_return_error_if_cancelled (task))
    g_object_unref (assessment);
  else
    g_task_return_pointer (task, assessment, g_object_unref);
}

/* Back on the main thread: one short transaction writes what the worker read. */
static void
read_file_done_cb (GObject      *source_object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GsStore *self = g_task_get_source_object (task);
  ImportData *data = g_task_get_task_data (task);
  g_autoptr(GsAssessment) assessment = NULL;
  GError *error = NULL;
  gint64 id;

  assessment = g_task_propagate_pointer (G_TASK (result), &error);
  if (assessment == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (g_task_return_error_if_cancelled (task))
    return;
  id = gs_store_import (self, assessment, data->kind, data->mode, &data->n_added, &error);
  if (id == 0)
    g_task_return_error (task, error);
  else
    g_task_return_int (task, id);
}

/**
 * gs_store_import_file_async:
 *
 * Imports a .json or .csv file: read and checked in a worker thread, then written in one
 * transaction. Cancelling before the write imports nothing.
 */
void
gs_store_import_file_async (GsStore             *self,
                            GsInstrument        *instrument,
                            const char          *path,
                            GsImportMode         mode,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  GTask *reader = g_task_new (self, cancellable, read_file_done_cb, task);
  ImportData *data = g_new0 (ImportData, 1);

  g_return_if_fail (GS_IS_STORE (self));

  data->instrument = g_object_ref (instrument);
  data->path = g_strdup (path);
  data->mode = mode;
  g_task_set_source_tag (task, gs_store_import_file_async);
  g_task_set_task_data (task, data, (GDestroyNotify) import_data_free);
  g_task_set_task_data (reader, data, NULL);
  g_task_run_in_thread (reader, read_file_thread);
  g_object_unref (reader);
}

/**
 * gs_store_import_file_finish:
 * @n_added: (out) (optional): how many respondents were added, or had answers added or replaced
 *
 * Returns: the assessment's id, or 0 with @error set
 */
gint64
gs_store_import_file_finish (GsStore       *self,
                             GAsyncResult  *result,
                             guint         *n_added,
                             GError       **error)
{
  ImportData *data;
  gint64 id;

  g_return_val_if_fail (g_task_is_valid (result, self), 0);

  data = g_task_get_task_data (G_TASK (result));
  id = g_task_propagate_int (G_TASK (result), error);  /* -1 on error */
  if (id <= 0)
    id = 0;
  if (n_added != NULL)
    *n_added = id != 0 ? data->n_added : 0;
  return id;
}

/* --- Exporting a file without blocking the window ------------------------------------ */

typedef struct {
  GsInstrument *instrument;
  GsAssessment *assessment;
  char         *path;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_clear_object (&data->instrument);
  g_clear_object (&data->assessment);
  g_free (data->path);
  g_free (data);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportData *data = task_data;
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;
  if (gs_exchange_write_file (data->instrument, data->assessment, data->path, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * gs_store_export_file_async:
 *
 * Loads the assessment (one short read on the calling thread), then writes the file in a
 * worker thread.
 */
void
gs_store_export_file_async (GsStore             *self,
                            GsInstrument        *instrument,
                            gint64               assessment_id,
                            const char          *path,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  ExportData *data = g_new0 (ExportData, 1);
  GError *error = NULL;

  g_return_if_fail (GS_IS_STORE (self));

  g_task_set_source_tag (task, gs_store_export_file_async);
  g_task_set_task_data (task, data, (GDestroyNotify) export_data_free);
  data->instrument = g_object_ref (instrument);
  data->path = g_strdup (path);
  data->assessment = gs_store_load_assessment (self, assessment_id, &error);
  if (data->assessment == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_run_in_thread (task, export_thread);
}

gboolean
gs_store_export_file_finish (GsStore       *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
