/* gs-store-events.c — the timeline's events: added, corrected, and checked before either
 *
 * Each change is one transaction, as in gs-store-write.c; deleting and undoing go through
 * gs_store_delete() and gs_store_undo_delete() like every other kind of row.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gs-store"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "gs-store-private.h"

static gboolean
check_event (const GsTimelineEvent  *event,
             GError                **error)
{
  if (!gs_store_check_date (event->date, error) || !gs_store_check_text (event->title, _("event’s title"), error))
    return FALSE;
  if (!isnan (event->participation) && (event->participation < 0 || event->participation > 100))
    {
      g_set_error (error, GS_STORE_ERROR, GS_STORE_ERROR_INVALID,
                   _("The share of staff taking part is a percentage from 0 to 100, not %g."), event->participation);
      return FALSE;
    }
  if (event->stage < 0 || event->stage > 3)
    {
      g_set_error (error, GS_STORE_ERROR, GS_STORE_ERROR_INVALID, _("There is no stage %d."), event->stage);
      return FALSE;
    }
  return TRUE;
}

/* Binds an event's fields to parameters 1–8 of an INSERT or UPDATE. */
static void
bind_event (sqlite3_stmt          *stmt,
            const GsTimelineEvent *event)
{
  sqlite3_bind_text (stmt, 1, event->date, -1, SQLITE_TRANSIENT);
  if (event->stage > 0)
    sqlite3_bind_int (stmt, 2, event->stage);
  else
    sqlite3_bind_null (stmt, 2);
  sqlite3_bind_text (stmt, 3, gs_event_kind_to_string (event->kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, event->title, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, event->note != NULL ? event->note : "", -1, SQLITE_TRANSIENT);
  if (isnan (event->participation))
    sqlite3_bind_null (stmt, 6);
  else
    sqlite3_bind_double (stmt, 6, event->participation);
  if (event->change_agents < 0)
    sqlite3_bind_null (stmt, 7);
  else
    sqlite3_bind_int (stmt, 7, event->change_agents);
}

/* Whether @event is already on the timeline of @organisation_id (deleted or not): then an
 * import has nothing to add. The same id in another organisation, or with other facts, is
 * not the same event: the import fails saying so, rather than leaving it out unseen. */
static gboolean
event_already_there (GsStore                *self,
                     gint64                  organisation_id,
                     const GsTimelineEvent  *event,
                     gboolean               *there,
                     GError                **error)
{
  sqlite3_stmt *stmt = gs_store_statement (self, "SELECT organisation_id, occurred_on, kind, title FROM timeline_events"
                                                 " WHERE uuid = ?", error);
  gboolean ok = TRUE;

  *there = FALSE;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, event->uuid, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gboolean same = sqlite3_column_int64 (stmt, 0) == organisation_id &&
                      g_strcmp0 ((const char *) sqlite3_column_text (stmt, 1), event->date) == 0 &&
                      g_strcmp0 ((const char *) sqlite3_column_text (stmt, 2), gs_event_kind_to_string (event->kind)) == 0 &&
                      g_strcmp0 ((const char *) sqlite3_column_text (stmt, 3), event->title) == 0;

      if (same)
        *there = TRUE;
      else
        {
          g_set_error (error, GS_STORE_ERROR, GS_STORE_ERROR_INVALID,
                       _("The timeline event “%s” (%s) has the id of another event already in this database; "
                         "nothing was imported."), event->title, event->uuid);
          ok = FALSE;
        }
    }
  sqlite3_reset (stmt);
  return ok;
}

static gint64
insert_event (GsStore                *self,
              gint64                  organisation_id,
              const GsTimelineEvent  *event,
              GError                **error)
{
  sqlite3_stmt *stmt = gs_store_statement (self,
    "INSERT INTO timeline_events (occurred_on, stage, kind, title, note, participation, change_agents,"
    " uuid, organisation_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", error);

  if (stmt == NULL)
    return 0;
  bind_event (stmt, event);
  sqlite3_bind_text (stmt, 8, event->uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 9, organisation_id);
  if (!gs_store_step_done (self, stmt, _("add the event"), error))
    return 0;
  return sqlite3_last_insert_rowid (self->db);
}

/**
 * gs_store_add_event:
 * @event: the event; its uuid is kept
 *
 * Returns: the event's id, or 0 with @error set
 */
gint64
gs_store_add_event (GsStore                *self,
                    gint64                  organisation_id,
                    const GsTimelineEvent  *event,
                    GError                **error)
{
  gint64 id;

  g_return_val_if_fail (GS_IS_STORE (self), 0);

  if (!check_event (event, error) || !gs_store_begin (self, error))
    return 0;
  id = insert_event (self, organisation_id, event, error);
  if (!gs_store_end (self, id != 0, error))
    return 0;
  return id;
}

gboolean
gs_store_update_event (GsStore                *self,
                       gint64                  event_id,
                       const GsTimelineEvent  *event,
                       GError                **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (GS_IS_STORE (self), FALSE);

  if (!check_event (event, error) || !gs_store_begin (self, error))
    return FALSE;
  stmt = gs_store_statement (self,
    "UPDATE timeline_events SET occurred_on = ?, stage = ?, kind = ?, title = ?, note = ?,"
    " participation = ?, change_agents = ? WHERE id = ? AND deleted_at IS NULL", error);
  ok = stmt != NULL;
  if (ok)
    {
      bind_event (stmt, event);
      sqlite3_bind_int64 (stmt, 8, event_id);
      ok = gs_store_step_done (self, stmt, _("save the event"), error);
    }
  if (ok && sqlite3_changes (self->db) == 0)
    ok = (g_set_error (error, GS_STORE_ERROR, GS_STORE_ERROR_NOT_FOUND,
                       _("Could not save the event: it no longer exists.")), FALSE);
  return gs_store_end (self, ok, error);
}

/* Adds an imported @event to the current transaction, unless it is already there. */
gboolean
gs_store_import_event (GsStore                *self,
                       gint64                  organisation_id,
                       const GsTimelineEvent  *event,
                       GError                **error)
{
  gboolean there;

  if (!event_already_there (self, organisation_id, event, &there, error))
    return FALSE;
  return there || insert_event (self, organisation_id, event, error) != 0;
}
