/* gs-store-write.c — every change to the database: one transaction per user action
 *
 * When a function here returns TRUE the change is committed with synchronous=FULL: it
 * survives a crash or a power cut. When it returns FALSE the transaction was rolled back
 * and what was saved before is exactly as it was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gs-store"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "gs-store-private.h"

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

/* A name or title: one line of text, not blank. @what names it in the message. */
gboolean
gs_store_check_text (const char  *text,
                     const char  *what,
                     GError     **error)
{
  const char *control;

  if (is_blank (text) || !g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, GS_STORE_ERROR, GS_STORE_ERROR_INVALID, _("The %s is empty."), what);
      return FALSE;
    }
  if ((control = gs_text_find_control (text)) != NULL)
    {
      g_set_error (error, GS_STORE_ERROR, GS_STORE_ERROR_INVALID,
                   _("The %s is one line of text: it may not hold the control character U+%04X."),
                   what, (guint) g_utf8_get_char (control));
      return FALSE;
    }
  return TRUE;
}

gboolean
gs_store_check_date (const char  *date,
                     GError     **error)
{
  if (gs_date_is_valid (date))
    return TRUE;
  g_set_error (error, GS_STORE_ERROR, GS_STORE_ERROR_INVALID,
               _("“%s” is not a date; write it as YYYY-MM-DD."), date != NULL ? date : "");
  return FALSE;
}

/* Runs one statement with one text and one integer parameter as its own transaction,
 * and checks that it changed a row. */
static gboolean
update_one_row (GsStore     *self,
                const char  *sql,
                const char  *text,
                gint64       id,
                const char  *what,
                GError     **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  if (!gs_store_begin (self, error))
    return FALSE;
  stmt = gs_store_statement (self, sql, error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, id);
      ok = gs_store_step_done (self, stmt, what, error);
    }
  if (ok && sqlite3_changes (self->db) == 0)
    ok = (g_set_error (error, GS_STORE_ERROR, GS_STORE_ERROR_NOT_FOUND,
                       _("Could not %s: it no longer exists."), what), FALSE);
  if (!gs_store_end (self, ok, error))
    return FALSE;
  gs_store_refresh_lists (self);
  return TRUE;
}

static gint64
insert_organisation (GsStore     *self,
                     const char  *uuid,
                     const char  *name,
                     GError     **error)
{
  sqlite3_stmt *stmt = gs_store_statement (self, "INSERT INTO organisations (uuid, name) VALUES (?, ?)", error);

  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
  if (!gs_store_step_done (self, stmt, _("add the organisation"), error))
    return 0;
  return sqlite3_last_insert_rowid (self->db);
}

/**
 * gs_store_add_organisation:
 *
 * Returns: the new organisation's id, or 0 with @error set
 */
gint64
gs_store_add_organisation (GsStore     *self,
                           const char  *name,
                           GError     **error)
{
  g_autofree char *uuid = g_uuid_string_random ();
  gint64 id;

  g_return_val_if_fail (GS_IS_STORE (self), 0);

  if (!gs_store_check_text (name, _("organisation’s name"), error) || !gs_store_begin (self, error))
    return 0;
  id = insert_organisation (self, uuid, name, error);
  if (!gs_store_end (self, id != 0, error))
    return 0;
  return id;
}

gboolean
gs_store_rename_organisation (GsStore     *self,
                              gint64       organisation_id,
                              const char  *name,
                              GError     **error)
{
  g_return_val_if_fail (GS_IS_STORE (self), FALSE);

  return gs_store_check_text (name, _("organisation’s name"), error) &&
         update_one_row (self, "UPDATE organisations SET name = ? WHERE id = ? AND deleted_at IS NULL",
                         name, organisation_id, _("rename the organisation"), error);
}

static gint64
insert_assessment (GsStore     *self,
                   const char  *uuid,
                   gint64       organisation_id,
                   const char  *title,
                   const char  *date,
                   const char  *instrument_id,
                   int          instrument_version,
                   GError     **error)
{
  sqlite3_stmt *stmt = gs_store_statement (self,
    "INSERT INTO assessments (uuid, organisation_id, title, assessed_on, instrument_id, instrument_version)"
    " VALUES (?, ?, ?, ?, ?, ?)", error);

  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, organisation_id);
  sqlite3_bind_text (stmt, 3, title, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, instrument_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 6, instrument_version);
  if (!gs_store_step_done (self, stmt, _("add the assessment"), error))
    return 0;
  return sqlite3_last_insert_rowid (self->db);
}

/**
 * gs_store_add_assessment:
 * @date: YYYY-MM-DD
 *
 * Returns: the new assessment's id, or 0 with @error set
 */
gint64
gs_store_add_assessment (GsStore      *self,
                         gint64        organisation_id,
                         const char   *title,
                         const char   *date,
                         GsInstrument *instrument,
                         GError      **error)
{
  g_autofree char *uuid = g_uuid_string_random ();
  gint64 id;

  g_return_val_if_fail (GS_IS_STORE (self), 0);
  g_return_val_if_fail (GS_IS_INSTRUMENT (instrument), 0);

  if (!gs_store_check_text (title, _("assessment’s title"), error) || !gs_store_check_date (date, error) ||
      !gs_store_begin (self, error))
    return 0;
  id = insert_assessment (self, uuid, organisation_id, title, date, gs_instrument_get_id (instrument),
                          gs_instrument_get_version (instrument), error);
  if (!gs_store_end (self, id != 0, error))
    return 0;
  gs_store_refresh_lists (self);
  return id;
}

gboolean
gs_store_rename_assessment (GsStore     *self,
                            gint64       assessment_id,
                            const char  *title,
                            GError     **error)
{
  g_return_val_if_fail (GS_IS_STORE (self), FALSE);

  return gs_store_check_text (title, _("assessment’s title"), error) &&
         update_one_row (self, "UPDATE assessments SET title = ? WHERE id = ? AND deleted_at IS NULL",
                         title, assessment_id, _("rename the assessment"), error);
}

/* The follow-up row copies the organisation of the earlier assessment and is answered with
 * @instrument, the newest questions; it inserts nothing when the earlier one is missing or
 * deleted. */
static gint64
insert_follow_up (GsStore      *self,
                  gint64        earlier_id,
                  const char   *title,
                  const char   *date,
                  GsInstrument *instrument,
                  GError      **error)
{
  g_autofree char *uuid = g_uuid_string_random ();
  sqlite3_stmt *stmt = gs_store_statement (self,
    "INSERT INTO assessments (uuid, organisation_id, title, assessed_on, instrument_id, instrument_version)"
    " SELECT ?, organisation_id, ?, ?, ?, ? FROM assessments"
    " WHERE id = ? AND deleted_at IS NULL", error);

  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, title, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, gs_instrument_get_id (instrument), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 5, gs_instrument_get_version (instrument));
  sqlite3_bind_int64 (stmt, 6, earlier_id);
  if (!gs_store_step_done (self, stmt, _("add the follow-up"), error))
    return 0;
  if (sqlite3_changes (self->db) == 0)
    return (g_set_error (error, GS_STORE_ERROR, GS_STORE_ERROR_NOT_FOUND,
                         _("Could not %s: it no longer exists."), _("add the follow-up")), 0);
  return sqlite3_last_insert_rowid (self->db);
}

static gboolean
copy_polarity_texts (GsStore     *self,
                     gint64       from_id,
                     gint64       to_id,
                     GError     **error)
{
  sqlite3_stmt *stmt = gs_store_statement (self,
    "INSERT INTO polarity_texts (assessment_id, text_key, text)"
    " SELECT ?, text_key, text FROM polarity_texts WHERE assessment_id = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, to_id);
  sqlite3_bind_int64 (stmt, 2, from_id);
  return gs_store_step_done (self, stmt, _("copy the map texts"), error);
}

/**
 * gs_store_add_follow_up:
 * @earlier_id: the assessment to follow up
 * @date: YYYY-MM-DD
 *
 * Adds an assessment of the same organisation, answered with @instrument (the newest
 * questions: an older baseline is compared on the questions both versions ask), carrying
 * over the edited polarity map texts and the plan (to be reviewed) but no respondents or
 * answers.
 *
 * Returns: the new assessment's id, or 0 with @error set
 */
gint64
gs_store_add_follow_up (GsStore      *self,
                        gint64        earlier_id,
                        const char   *title,
                        const char   *date,
                        GsInstrument *instrument,
                        GError      **error)
{
  gint64 id;

  g_return_val_if_fail (GS_IS_STORE (self), 0);

  if (!gs_store_check_text (title, _("assessment’s title"), error) || !gs_store_check_date (date, error) ||
      !gs_store_begin (self, error))
    return 0;
  id = insert_follow_up (self, earlier_id, title, date, instrument, error);
  if (id != 0 && (!copy_polarity_texts (self, earlier_id, id, error) || !gs_store_copy_plan (self, earlier_id, id, error)))
    id = 0;
  if (!gs_store_end (self, id != 0, error))
    return 0;
  gs_store_refresh_lists (self);
  return id;
}

/* The four tables share the deleted_at column; the table name comes from our own list,
 * never from the caller's text. */
static gboolean
set_deleted (GsStore     *self,
             GsStoreKind  kind,
             gint64       id,
             gboolean     deleted,
             GError     **error)
{
  static const char *delete_sql[] = {
    "UPDATE organisations SET deleted_at = ? WHERE id = ?",
    "UPDATE assessments SET deleted_at = ? WHERE id = ?",
    "UPDATE respondents SET deleted_at = ? WHERE id = ?",
    "UPDATE timeline_events SET deleted_at = ? WHERE id = ?",
  };
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format_iso8601 (now);

  g_return_val_if_fail (GS_IS_STORE (self), FALSE);
  g_return_val_if_fail (kind < G_N_ELEMENTS (delete_sql), FALSE);

  return update_one_row (self, delete_sql[kind], deleted ? stamp : NULL, id,
                         deleted ? _("delete it") : _("undo the deletion"), error);
}

/**
 * gs_store_delete:
 *
 * Hides the row (and what depends on it) at once; gs_store_undo_delete() brings it back
 * until gs_store_purge_deleted() removes it for good.
 */
gboolean
gs_store_delete (GsStore     *self,
                 GsStoreKind  kind,
                 gint64       id,
                 GError     **error)
{
  if (!set_deleted (self, kind, id, TRUE, error))
    return FALSE;
  g_array_append_val (self->deleted[kind], id);
  return TRUE;
}

gboolean
gs_store_undo_delete (GsStore     *self,
                      GsStoreKind  kind,
                      gint64       id,
                      GError     **error)
{
  GArray *deleted = self->deleted[kind];

  if (!set_deleted (self, kind, id, FALSE, error))
    return FALSE;
  for (guint i = deleted->len; i > 0; i--)
    if (g_array_index (deleted, gint64, i - 1) == id)
      g_array_remove_index (deleted, i - 1);
  return TRUE;
}

/* Rows another process hid this long ago are a crashed session's leftovers: no Undo toast
 * lives that long. */
#define ABANDONED_DELETION (G_TIME_SPAN_HOUR)

static gboolean
purge_kind (GsStore      *self,
            GsStoreKind   kind,
            const char   *cutoff,
            GError      **error)
{
  static const char *purge_own_sql[] = {
    "DELETE FROM organisations WHERE id = ? AND deleted_at IS NOT NULL",
    "DELETE FROM assessments WHERE id = ? AND deleted_at IS NOT NULL",
    "DELETE FROM respondents WHERE id = ? AND deleted_at IS NOT NULL",
    "DELETE FROM timeline_events WHERE id = ? AND deleted_at IS NOT NULL",
  };
  static const char *purge_old_sql[] = {
    "DELETE FROM organisations WHERE deleted_at < ?",
    "DELETE FROM assessments WHERE deleted_at < ?",
    "DELETE FROM respondents WHERE deleted_at < ?",
    "DELETE FROM timeline_events WHERE deleted_at < ?",
  };
  GArray *own = self->deleted[kind];
  sqlite3_stmt *stmt;

  for (guint i = 0; i < own->len; i++)
    {
      if ((stmt = gs_store_statement (self, purge_own_sql[kind], error)) == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, g_array_index (own, gint64, i));
      if (!gs_store_step_done (self, stmt, _("remove deleted rows"), error))
        return FALSE;
    }
  if ((stmt = gs_store_statement (self, purge_old_sql[kind], error)) == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, cutoff, -1, SQLITE_TRANSIENT);
  return gs_store_step_done (self, stmt, _("remove deleted rows"), error);
}

/* Removes for good the rows this connection deleted, and rows deleted over an hour ago by a
 * session that ended without purging (a crash); foreign keys cascade to what depended on
 * them. Rows another running instance deleted a moment ago stay, so its Undo still works
 * while, say, `groundswell --list` runs beside it. */
gboolean
gs_store_purge_deleted (GsStore  *self,
                        GError  **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) then = g_date_time_add (now, -ABANDONED_DELETION);
  g_autofree char *cutoff = g_date_time_format_iso8601 (then);
  gboolean ok = TRUE;

  g_return_val_if_fail (GS_IS_STORE (self), FALSE);

  if (self->read_only)  /* nothing can have been deleted */
    return TRUE;
  if (!gs_store_begin (self, error))
    return FALSE;
  for (GsStoreKind kind = GS_STORE_ORGANISATION; kind <= GS_STORE_EVENT && ok; kind++)
    ok = purge_kind (self, kind, cutoff, error);
  if (ok)
    for (GsStoreKind kind = GS_STORE_ORGANISATION; kind <= GS_STORE_EVENT; kind++)
      g_array_set_size (self->deleted[kind], 0);
  return gs_store_end (self, ok, error);
}

/* Saves one answer; @saved (nullable) is when the respondent saved it, from their file:
 * later files are told from earlier ones by it. NULL: now. */
static gboolean
insert_answer (GsStore         *self,
               gint64           respondent_id,
               const GsAnswer  *answer,
               const char      *saved,
               GError         **error)
{
  sqlite3_stmt *stmt = gs_store_statement (self,
    "INSERT INTO answers (respondent_id, item_id, status, value, note, updated_at)"
    " VALUES (?1, ?2, ?3, ?4, ?5, COALESCE (?6, strftime ('%Y-%m-%dT%H:%M:%SZ', 'now')))"
    " ON CONFLICT (respondent_id, item_id) DO UPDATE SET"
    "  status = excluded.status, value = excluded.value, note = excluded.note,"
    "  updated_at = excluded.updated_at", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, respondent_id);
  sqlite3_bind_text (stmt, 2, answer->item_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, gs_answer_status_to_string (answer->status), -1, SQLITE_STATIC);
  if (answer->status == GS_ANSWER_VALUE)
    sqlite3_bind_int (stmt, 4, answer->value);
  else
    sqlite3_bind_null (stmt, 4);
  sqlite3_bind_text (stmt, 5, answer->note, -1, SQLITE_TRANSIENT);
  if (saved != NULL)
    sqlite3_bind_text (stmt, 6, saved, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, 6);
  return gs_store_step_done (self, stmt, _("save the answer"), error);
}

/* Adds or replaces @respondent's answers, stored as respondent @respondent_id, in the
 * current transaction; answers stored that @respondent lacks are kept. */
gboolean
gs_store_write_answers (GsStore       *self,
                        gint64         respondent_id,
                        GsRespondent  *respondent,
                        GError       **error)
{
  g_autoptr(GPtrArray) answers = gs_respondent_get_sorted_answers (respondent);

  for (guint i = 0; i < answers->len; i++)
    if (!insert_answer (self, respondent_id, g_ptr_array_index (answers, i), respondent->saved, error))
      return FALSE;
  return TRUE;
}

/* Inserts a respondent with their answers into the current transaction. */
/* Whether a respondent (deleted or not, in any assessment) has @uuid. */
static gboolean
respondent_id_taken (GsStore    *self,
                     const char *uuid)
{
  sqlite3_stmt *stmt = gs_store_statement (self, "SELECT 1 FROM respondents WHERE uuid = ?", NULL);
  gboolean taken;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  taken = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return taken;
}

gboolean
gs_store_insert_respondent (GsStore       *self,
                            gint64         assessment_id,
                            GsRespondent  *respondent,
                            GError       **error)
{
  sqlite3_stmt *stmt;
  gint64 respondent_id;

  /* A respondent id is one person answering one assessment: the same id in another
   * assessment is refused by name, not as SQLite's "UNIQUE constraint failed". */
  if (respondent_id_taken (self, respondent->uuid))
    {
      g_set_error (error, GS_STORE_ERROR, GS_STORE_ERROR_INVALID,
                   _("The respondent “%s” (%s) already answers another assessment in this database; "
                     "a file gives each respondent an id of their own. Nothing was imported."),
                   respondent->name, respondent->uuid);
      return FALSE;
    }
  stmt = gs_store_statement (self, "INSERT INTO respondents (uuid, assessment_id, name, group_name) VALUES (?, ?, ?, ?)",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, respondent->uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, assessment_id);
  sqlite3_bind_text (stmt, 3, respondent->name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, respondent->group, -1, SQLITE_TRANSIENT);
  if (!gs_store_step_done (self, stmt, _("add the respondent"), error))
    return FALSE;
  respondent_id = sqlite3_last_insert_rowid (self->db);
  return gs_store_write_answers (self, respondent_id, respondent, error);
}

/**
 * gs_store_add_respondent:
 * @name: a name or an anonymous code
 * @group: (nullable): e.g. "Board"
 *
 * Returns: (transfer full) (nullable): the new respondent's UUID
 */
char *
gs_store_add_respondent (GsStore     *self,
                         gint64       assessment_id,
                         const char  *name,
                         const char  *group,
                         GError     **error)
{
  g_autoptr(GsAssessment) scratch = gs_assessment_new (NULL, NULL, "-", "-", "2000-01-01", "-", 1);
  GsRespondent *respondent;
  gboolean ok;

  g_return_val_if_fail (GS_IS_STORE (self), NULL);

  if (!gs_store_check_text (name, _("respondent’s name or code"), error) ||
      (group != NULL && *group != '\0' && !gs_store_check_text (group, _("group’s name"), error)))
    return NULL;
  respondent = gs_assessment_add_respondent (scratch, NULL, name, group);
  if (!gs_store_begin (self, error))
    return NULL;
  ok = gs_store_insert_respondent (self, assessment_id, respondent, error);
  if (!gs_store_end (self, ok, error))
    return NULL;
  gs_store_refresh_lists (self);
  return g_strdup (respondent->uuid);
}

/**
 * gs_store_update_respondent:
 * @uuid: the respondent's id
 * @name: their name or anonymous code
 * @group: (nullable): their group, or %NULL or "" for none
 *
 * Renames a respondent or moves them to another group; their answers stay theirs.
 */
gboolean
gs_store_update_respondent (GsStore     *self,
                            const char  *uuid,
                            const char  *name,
                            const char  *group,
                            GError     **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (GS_IS_STORE (self), FALSE);

  if (!gs_store_check_text (name, _("respondent’s name or code"), error) ||
      (group != NULL && *group != '\0' && !gs_store_check_text (group, _("group’s name"), error)))
    return FALSE;
  if (!gs_store_begin (self, error))
    return FALSE;
  stmt = gs_store_statement (self, "UPDATE respondents SET name = ?, group_name = ? WHERE uuid = ? AND deleted_at IS NULL",
                             error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, group != NULL ? group : "", -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, uuid, -1, SQLITE_TRANSIENT);
      ok = gs_store_step_done (self, stmt, _("change the respondent"), error);
    }
  if (ok && sqlite3_changes (self->db) == 0)
    ok = (g_set_error (error, GS_STORE_ERROR, GS_STORE_ERROR_NOT_FOUND,
                       _("Could not %s: it no longer exists."), _("change the respondent")), FALSE);
  if (!gs_store_end (self, ok, error))
    return FALSE;
  gs_store_refresh_lists (self);
  return TRUE;
}

/**
 * gs_store_save_answer:
 * @status: %GS_ANSWER_NONE removes the answer
 *
 * Saves one answer as its own transaction: once this returns TRUE, the answer is on disk.
 */
gboolean
gs_store_save_answer (GsStore        *self,
                      const char     *respondent_uuid,
                      const char     *item_id,
                      GsAnswerStatus  status,
                      int             value,
                      const char     *note,
                      GError        **error)
{
  sqlite3_stmt *find;
  gint64 respondent_id = 0, assessment_id = 0;
  gboolean ok;

  g_return_val_if_fail (GS_IS_STORE (self), FALSE);
  g_return_val_if_fail (item_id != NULL, FALSE);

  if (status == GS_ANSWER_VALUE && (value < 1 || value > GS_SCALE_POINTS))
    {
      g_set_error (error, GS_STORE_ERROR, GS_STORE_ERROR_INVALID,
                   _("An answer is a point from 1 to 5, not %d."), value);
      return FALSE;
    }
  find = gs_store_statement (self, "SELECT id, assessment_id FROM respondents WHERE uuid = ? AND deleted_at IS NULL", error);
  if (find == NULL)
    return FALSE;
  sqlite3_bind_text (find, 1, respondent_uuid, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (find) == SQLITE_ROW)
    {
      respondent_id = sqlite3_column_int64 (find, 0);
      assessment_id = sqlite3_column_int64 (find, 1);
    }
  sqlite3_reset (find);
  if (respondent_id == 0)
    {
      g_set_error (error, GS_STORE_ERROR, GS_STORE_ERROR_NOT_FOUND,
                   _("Could not save the answer: the respondent no longer exists."));
      return FALSE;
    }

  if (!gs_store_begin (self, error))
    return FALSE;
  if (status == GS_ANSWER_NONE)
    {
      sqlite3_stmt *stmt = gs_store_statement (self, "DELETE FROM answers WHERE respondent_id = ? AND item_id = ?", error);
      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, respondent_id);
          sqlite3_bind_text (stmt, 2, item_id, -1, SQLITE_STATIC);
          ok = gs_store_step_done (self, stmt, _("clear the answer"), error);
        }
    }
  else
    {
      GsAnswer answer = { item_id, status, status == GS_ANSWER_VALUE ? value : 0, (char *) (note != NULL ? note : "") };
      ok = insert_answer (self, respondent_id, &answer, NULL, error);
    }
  if (!gs_store_end (self, ok, error))
    return FALSE;
  gs_store_refresh_assessment (self, assessment_id);
  return TRUE;
}

gboolean
gs_store_set_polarity_text (GsStore     *self,
                            gint64       assessment_id,
                            const char  *key,
                            const char  *text,
                            GError     **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (GS_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  if (!gs_store_begin (self, error))
    return FALSE;
  if (text == NULL)
    stmt = gs_store_statement (self, "DELETE FROM polarity_texts WHERE assessment_id = ? AND text_key = ?", error);
  else
    stmt = gs_store_statement (self, "INSERT OR REPLACE INTO polarity_texts (assessment_id, text_key, text)"
                                     " VALUES (?, ?, ?)", error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, assessment_id);
      sqlite3_bind_text (stmt, 2, key, -1, SQLITE_TRANSIENT);
      if (text != NULL)
        sqlite3_bind_text (stmt, 3, text, -1, SQLITE_TRANSIENT);
      ok = gs_store_step_done (self, stmt, _("save the map text"), error);
    }
  return gs_store_end (self, ok, error);
}

/* The organisation with @uuid in this database, refusing a file that names it otherwise:
 * the same id under two names is two people's different ideas of one trust, which the user
 * settles by renaming, not an import by guessing. Returns 0 when there is none yet. */
static gboolean
find_organisation (GsStore       *self,
                   GsAssessment  *assessment,
                   gint64        *organisation_id,
                   GError       **error)
{
  sqlite3_stmt *stmt = gs_store_statement (self, "SELECT id, name FROM organisations WHERE uuid = ?", error);
  gboolean ok = TRUE;

  *organisation_id = 0;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, gs_assessment_get_organisation_uuid (assessment), -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 1);

      *organisation_id = sqlite3_column_int64 (stmt, 0);
      if (g_strcmp0 (name, gs_assessment_get_organisation_name (assessment)) != 0)
        {
          g_set_error (error, GS_STORE_ERROR, GS_STORE_ERROR_INVALID,
                       _("The file calls the organisation “%s”, which this database knows as “%s” (the same "
                         "organisation id). Rename it here or in the file so the names match, then import "
                         "again; nothing was imported."),
                       gs_assessment_get_organisation_name (assessment), name);
          ok = FALSE;
        }
    }
  sqlite3_reset (stmt);
  return ok;
}

/* Inserts a whole assessment (organisation created if new) into the current transaction. */
gboolean
gs_store_write_assessment (GsStore       *self,
                           GsAssessment  *assessment,
                           gint64        *assessment_id,
                           GError       **error)
{
  sqlite3_stmt *stmt;
  GPtrArray *respondents = gs_assessment_get_respondents (assessment);
  GPtrArray *events = gs_assessment_get_events (assessment);
  GHashTableIter iter;
  gpointer key, value;
  gint64 organisation_id = 0;

  if (!find_organisation (self, assessment, &organisation_id, error))
    return FALSE;
  if (organisation_id == 0)
    organisation_id = insert_organisation (self, gs_assessment_get_organisation_uuid (assessment),
                                           gs_assessment_get_organisation_name (assessment), error);
  if (organisation_id == 0)
    return FALSE;

  *assessment_id = insert_assessment (self, gs_assessment_get_uuid (assessment), organisation_id,
                                      gs_assessment_get_title (assessment), gs_assessment_get_date (assessment),
                                      gs_assessment_get_instrument_id (assessment),
                                      gs_assessment_get_instrument_version (assessment), error);
  if (*assessment_id == 0)
    return FALSE;

  for (guint r = 0; r < respondents->len; r++)
    if (!gs_store_insert_respondent (self, *assessment_id, g_ptr_array_index (respondents, r), error))
      return FALSE;

  g_hash_table_iter_init (&iter, gs_assessment_get_polarity_texts (assessment));
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      stmt = gs_store_statement (self, "INSERT INTO polarity_texts (assessment_id, text_key, text) VALUES (?, ?, ?)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, *assessment_id);
      sqlite3_bind_text (stmt, 2, key, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, value, -1, SQLITE_TRANSIENT);
      if (!gs_store_step_done (self, stmt, _("save the map text"), error))
        return FALSE;
    }

  /* Events belong to the organisation; one already there is not added twice. */
  for (guint i = 0; i < events->len; i++)
    if (!gs_store_import_event (self, organisation_id, g_ptr_array_index (events, i), error))
      return FALSE;
  return gs_store_write_plan (self, *assessment_id, gs_assessment_get_actions (assessment),
                              gs_assessment_get_signals (assessment), error);
}
