/* gs-store-read.c — loading an assessment with everything that belongs to it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gs-store"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "gs-store-private.h"

#define COLUMN_TEXT(stmt, i) ((const char *) sqlite3_column_text ((stmt), (i)))

static GsAssessment *
load_header (GsStore  *self,
             gint64    assessment_id,
             gint64   *organisation_id,
             GError  **error)
{
  sqlite3_stmt *stmt = gs_store_statement (self,
    "SELECT a.uuid, o.uuid, o.name, a.title, a.assessed_on, a.instrument_id, a.instrument_version, o.id"
    "  FROM assessments a JOIN organisations o ON o.id = a.organisation_id"
    " WHERE a.id = ? AND a.deleted_at IS NULL AND o.deleted_at IS NULL", error);
  GsAssessment *assessment = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, assessment_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      assessment = gs_assessment_new (COLUMN_TEXT (stmt, 0), COLUMN_TEXT (stmt, 1), COLUMN_TEXT (stmt, 2),
                                      COLUMN_TEXT (stmt, 3), COLUMN_TEXT (stmt, 4), COLUMN_TEXT (stmt, 5),
                                      sqlite3_column_int (stmt, 6));
      *organisation_id = sqlite3_column_int64 (stmt, 7);
    }
  else if (rc == SQLITE_DONE)
    g_set_error (error, GS_STORE_ERROR, GS_STORE_ERROR_NOT_FOUND,
                 _("There is no assessment %lld in “%s”."), (long long) assessment_id, self->path);
  else
    gs_store_set_sqlite_error (error, self->db, rc, self->path, _("load the assessment"));
  sqlite3_reset (stmt);
  return assessment;
}

/* Respondents and their answers in one pass, ordered so that each respondent's rows are
 * together; a LEFT JOIN keeps respondents who have not answered yet. */
static gboolean
load_respondents (GsStore       *self,
                  gint64         assessment_id,
                  GsAssessment  *assessment,
                  GError       **error)
{
  sqlite3_stmt *stmt = gs_store_statement (self,
    "SELECT r.uuid, r.name, r.group_name, a.item_id, a.status, a.value, a.note, a.updated_at"
    "  FROM respondents r LEFT JOIN answers a ON a.respondent_id = r.id"
    " WHERE r.assessment_id = ? AND r.deleted_at IS NULL ORDER BY r.id", error);
  GsRespondent *respondent = NULL;
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, assessment_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GsAnswerStatus status;

      if (respondent == NULL || !g_str_equal (respondent->uuid, COLUMN_TEXT (stmt, 0)))
        respondent = gs_assessment_add_respondent (assessment, COLUMN_TEXT (stmt, 0), COLUMN_TEXT (stmt, 1),
                                                   COLUMN_TEXT (stmt, 2));
      if (sqlite3_column_type (stmt, 3) != SQLITE_NULL &&
          gs_answer_status_from_string (COLUMN_TEXT (stmt, 4), &status))
        gs_respondent_set_answer (respondent, COLUMN_TEXT (stmt, 3), status, sqlite3_column_int (stmt, 5),
                                  COLUMN_TEXT (stmt, 6));
      /* The respondent's answers were last saved when the newest of them was. */
      if (sqlite3_column_type (stmt, 7) != SQLITE_NULL &&
          (respondent->saved == NULL || strcmp (COLUMN_TEXT (stmt, 7), respondent->saved) > 0))
        {
          g_free (respondent->saved);
          respondent->saved = g_strdup (COLUMN_TEXT (stmt, 7));
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return gs_store_set_sqlite_error (error, self->db, rc, self->path, _("load the answers"));
  return TRUE;
}

static gboolean
load_polarity_texts (GsStore       *self,
                     gint64         assessment_id,
                     GsAssessment  *assessment,
                     GError       **error)
{
  sqlite3_stmt *stmt = gs_store_statement (self,
    "SELECT text_key, text FROM polarity_texts WHERE assessment_id = ?", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, assessment_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    gs_assessment_set_polarity_text (assessment, COLUMN_TEXT (stmt, 0), COLUMN_TEXT (stmt, 1));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return gs_store_set_sqlite_error (error, self->db, rc, self->path, _("load the map texts"));
  return TRUE;
}

static gboolean
load_events (GsStore       *self,
             gint64         organisation_id,
             GsAssessment  *assessment,
             GError       **error)
{
  sqlite3_stmt *stmt = gs_store_statement (self,
    "SELECT uuid, occurred_on, kind, title, note, stage, participation, change_agents"
    "  FROM timeline_events WHERE organisation_id = ? AND deleted_at IS NULL ORDER BY occurred_on, id", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, organisation_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GsTimelineEvent *event;
      GsEventKind kind;

      if (!gs_event_kind_from_string (COLUMN_TEXT (stmt, 2), &kind))
        continue;  /* the schema's CHECK makes this impossible */
      event = gs_assessment_add_event (assessment, COLUMN_TEXT (stmt, 0), COLUMN_TEXT (stmt, 1), kind,
                                       COLUMN_TEXT (stmt, 3));
      g_free (event->note);
      event->note = g_strdup (COLUMN_TEXT (stmt, 4));
      event->stage = sqlite3_column_type (stmt, 5) == SQLITE_NULL ? 0 : sqlite3_column_int (stmt, 5);
      event->participation = sqlite3_column_type (stmt, 6) == SQLITE_NULL ? NAN : sqlite3_column_double (stmt, 6);
      event->change_agents = sqlite3_column_type (stmt, 7) == SQLITE_NULL ? -1 : sqlite3_column_int (stmt, 7);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return gs_store_set_sqlite_error (error, self->db, rc, self->path, _("load the timeline"));
  return TRUE;
}

/**
 * gs_store_load_assessment:
 *
 * Loads the assessment with its respondents and answers, its edited map texts, its plan
 * and its organisation's timeline, in one read transaction so that all of it is of one moment.
 *
 * Returns: (transfer full) (nullable): the assessment, or %NULL with @error set
 */
GsAssessment *
gs_store_load_assessment (GsStore  *self,
                          gint64    assessment_id,
                          GError  **error)
{
  g_autoptr(GsAssessment) assessment = NULL;
  gint64 organisation_id = 0;
  gboolean ok;

  g_return_val_if_fail (GS_IS_STORE (self), NULL);

  if (!gs_store_exec (self->db, "BEGIN", self->path, error))
    return NULL;
  assessment = load_header (self, assessment_id, &organisation_id, error);
  ok = assessment != NULL &&
       load_respondents (self, assessment_id, assessment, error) &&
       load_polarity_texts (self, assessment_id, assessment, error) &&
       load_events (self, organisation_id, assessment, error) &&
       gs_store_load_plan (self, assessment_id, assessment, error);
  sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL);
  return ok ? g_steal_pointer (&assessment) : NULL;
}
