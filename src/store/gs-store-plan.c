/* gs-store-plan.c — an assessment's plan in the database: its actions and signals to watch
 *
 * The plan is small (tens of rows) and edited as a whole: saving it replaces the
 * assessment's rows in one transaction, so that an edit, a deletion and its undo are each
 * one write. Each row keeps its UUID, and a follow-up's plan starts as a copy of the plan
 * it follows with the same UUIDs, so that the comparison can tell which action is which.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gs-store"

#include "config.h"

#include <glib/gi18n.h>

#include "gs-store-private.h"

#define COLUMN_TEXT(stmt, i) ((const char *) sqlite3_column_text ((stmt), (i)))

/* Version 3: the plan. */
gboolean
gs_store_migrate_plan (sqlite3     *db,
                       const char  *path,
                       GError     **error)
{
  return gs_store_exec (db,
    "CREATE TABLE plan_actions ("
    "  assessment_id INTEGER NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,"
    "  position INTEGER NOT NULL,"
    "  uuid TEXT NOT NULL CHECK (length (uuid) = 36),"
    "  what TEXT NOT NULL,"
    "  owner TEXT NOT NULL DEFAULT '',"
    "  due TEXT NOT NULL DEFAULT '' CHECK (due = '' OR date (due) = due),"
    "  area TEXT NOT NULL DEFAULT '',"
    "  status TEXT NOT NULL CHECK (status IN ('planned', 'under-way', 'done', 'dropped')),"
    "  note TEXT NOT NULL DEFAULT '',"
    "  PRIMARY KEY (assessment_id, position),"
    "  UNIQUE (assessment_id, uuid)"
    ") WITHOUT ROWID;"
    "CREATE TABLE plan_signals ("
    "  assessment_id INTEGER NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,"
    "  position INTEGER NOT NULL,"
    "  uuid TEXT NOT NULL CHECK (length (uuid) = 36),"
    "  warning TEXT NOT NULL,"
    "  how TEXT NOT NULL DEFAULT '',"
    "  area TEXT NOT NULL DEFAULT '',"
    "  PRIMARY KEY (assessment_id, position),"
    "  UNIQUE (assessment_id, uuid)"
    ") WITHOUT ROWID;",
    path, error);
}

gboolean
gs_store_load_plan (GsStore       *self,
                    gint64         assessment_id,
                    GsAssessment  *assessment,
                    GError       **error)
{
  sqlite3_stmt *stmt = gs_store_statement (self,
    "SELECT uuid, what, owner, due, area, status, note FROM plan_actions WHERE assessment_id = ? ORDER BY position",
    error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, assessment_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GsAction *action = gs_action_new (COLUMN_TEXT (stmt, 0), COLUMN_TEXT (stmt, 1), COLUMN_TEXT (stmt, 4));

      g_free (action->owner);
      action->owner = g_strdup (COLUMN_TEXT (stmt, 2));
      g_free (action->due);
      action->due = g_strdup (COLUMN_TEXT (stmt, 3));
      gs_action_status_from_string (COLUMN_TEXT (stmt, 5), &action->status);  /* the CHECK keeps it one */
      g_free (action->note);
      action->note = g_strdup (COLUMN_TEXT (stmt, 6));
      g_ptr_array_add (gs_assessment_get_actions (assessment), action);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return gs_store_set_sqlite_error (error, self->db, rc, self->path, _("load the plan"));

  stmt = gs_store_statement (self,
    "SELECT uuid, warning, how, area FROM plan_signals WHERE assessment_id = ? ORDER BY position", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, assessment_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GsSignal *signal = gs_signal_new (COLUMN_TEXT (stmt, 0), COLUMN_TEXT (stmt, 1), COLUMN_TEXT (stmt, 3));

      g_free (signal->how);
      signal->how = g_strdup (COLUMN_TEXT (stmt, 2));
      g_ptr_array_add (gs_assessment_get_signals (assessment), signal);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return gs_store_set_sqlite_error (error, self->db, rc, self->path, _("load the plan"));
  return TRUE;
}

static gboolean
insert_action (GsStore         *self,
               gint64           assessment_id,
               guint            position,
               const GsAction  *action,
               GError         **error)
{
  sqlite3_stmt *stmt = gs_store_statement (self,
    "INSERT INTO plan_actions (assessment_id, position, uuid, what, owner, due, area, status, note)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, assessment_id);
  sqlite3_bind_int (stmt, 2, (int) position);
  sqlite3_bind_text (stmt, 3, action->uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, action->what, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, action->owner, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, action->due, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, action->area, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 8, gs_action_status_to_string (action->status), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, action->note, -1, SQLITE_TRANSIENT);
  return gs_store_step_done (self, stmt, _("save the plan"), error);
}

static gboolean
insert_signal (GsStore         *self,
               gint64           assessment_id,
               guint            position,
               const GsSignal  *signal,
               GError         **error)
{
  sqlite3_stmt *stmt = gs_store_statement (self,
    "INSERT INTO plan_signals (assessment_id, position, uuid, warning, how, area) VALUES (?, ?, ?, ?, ?, ?)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, assessment_id);
  sqlite3_bind_int (stmt, 2, (int) position);
  sqlite3_bind_text (stmt, 3, signal->uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, signal->warning, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, signal->how, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, signal->area, -1, SQLITE_TRANSIENT);
  return gs_store_step_done (self, stmt, _("save the plan"), error);
}

/* Inside a transaction: the assessment's plan rows become @actions and @signals. */
gboolean
gs_store_write_plan (GsStore    *self,
                     gint64      assessment_id,
                     GPtrArray  *actions,
                     GPtrArray  *signals,
                     GError    **error)
{
  static const char *clear[] = {
    "DELETE FROM plan_actions WHERE assessment_id = ?",
    "DELETE FROM plan_signals WHERE assessment_id = ?",
  };

  for (guint i = 0; i < G_N_ELEMENTS (clear); i++)
    {
      sqlite3_stmt *stmt = gs_store_statement (self, clear[i], error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, assessment_id);
      if (!gs_store_step_done (self, stmt, _("save the plan"), error))
        return FALSE;
    }
  for (guint i = 0; i < actions->len; i++)
    if (!insert_action (self, assessment_id, i, g_ptr_array_index (actions, i), error))
      return FALSE;
  for (guint i = 0; i < signals->len; i++)
    if (!insert_signal (self, assessment_id, i, g_ptr_array_index (signals, i), error))
      return FALSE;
  return TRUE;
}

/* Each text of the plan is checked as the exchange reader checks it: a date that is a day. */
static gboolean
check_plan (GPtrArray  *actions,
            GError    **error)
{
  for (guint i = 0; i < actions->len; i++)
    {
      const GsAction *action = g_ptr_array_index (actions, i);

      if (action->due[0] != '\0' && !gs_store_check_date (action->due, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * gs_store_save_plan:
 * @actions: (element-type GsAction): in order
 * @signals: (element-type GsSignal): in order
 *
 * Replaces the plan of @assessment_id, in one transaction.
 */
gboolean
gs_store_save_plan (GsStore    *self,
                    gint64      assessment_id,
                    GPtrArray  *actions,
                    GPtrArray  *signals,
                    GError    **error)
{
  gboolean ok;

  g_return_val_if_fail (GS_IS_STORE (self), FALSE);

  if (!check_plan (actions, error) || !gs_store_begin (self, error))
    return FALSE;
  ok = gs_store_write_plan (self, assessment_id, actions, signals, error);
  return gs_store_end (self, ok, error);
}

/* Inside a transaction: a follow-up starts with the plan of the assessment it follows. */
gboolean
gs_store_copy_plan (GsStore    *self,
                    gint64      from_id,
                    gint64      to_id,
                    GError    **error)
{
  static const char *copy[] = {
    "INSERT INTO plan_actions (assessment_id, position, uuid, what, owner, due, area, status, note)"
    " SELECT ?, position, uuid, what, owner, due, area, status, note FROM plan_actions WHERE assessment_id = ?",
    "INSERT INTO plan_signals (assessment_id, position, uuid, warning, how, area)"
    " SELECT ?, position, uuid, warning, how, area FROM plan_signals WHERE assessment_id = ?",
  };

  for (guint i = 0; i < G_N_ELEMENTS (copy); i++)
    {
      sqlite3_stmt *stmt = gs_store_statement (self, copy[i], error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, to_id);
      sqlite3_bind_int64 (stmt, 2, from_id);
      if (!gs_store_step_done (self, stmt, _("carry the plan over"), error))
        return FALSE;
    }
  return TRUE;
}
