/* gs-store-migrations.c — the schema, one function per version step
 *
 * Each step takes the database from version N-1 to N inside the caller's transaction, and
 * PRAGMA user_version records where a file is. A step is never edited once it has shipped:
 * a change to the schema is a new step, with a fixture of the old version in tests/store/.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gs-store"

#include "config.h"

#include "gs-store-private.h"

typedef gboolean (*GsMigrationStep) (sqlite3 *db, const char *path, GError **error);

/* Version 1: organisations, their assessments, respondents, answers, the edited texts of the
 * polarity maps and the organisation's movement timeline. Rows that the user deletes get a
 * deleted_at stamp first, so that the deletion can be undone until it is purged.
 *
 * assessments.n_answers counts the answers of its respondents who are not deleted; triggers
 * keep it, so that listing a thousand assessments never counts 1.8 million answers. */
static gboolean
migrate_to_1 (sqlite3     *db,
              const char  *path,
              GError     **error)
{
  static const char sql[] =
    "CREATE TABLE organisations ("
    "  id INTEGER PRIMARY KEY,"
    "  uuid TEXT NOT NULL UNIQUE CHECK (length (uuid) = 36),"
    "  name TEXT NOT NULL CHECK (length (trim (name)) > 0),"
    "  created_at TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%SZ', 'now')),"
    "  deleted_at TEXT"
    ");"
    "CREATE TABLE assessments ("
    "  id INTEGER PRIMARY KEY,"
    "  uuid TEXT NOT NULL UNIQUE CHECK (length (uuid) = 36),"
    "  organisation_id INTEGER NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,"
    "  title TEXT NOT NULL CHECK (length (trim (title)) > 0),"
    "  assessed_on TEXT NOT NULL CHECK (date (assessed_on) = assessed_on),"
    "  instrument_id TEXT NOT NULL,"
    "  instrument_version INTEGER NOT NULL CHECK (instrument_version > 0),"
    "  n_answers INTEGER NOT NULL DEFAULT 0 CHECK (n_answers >= 0),"
    "  created_at TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%SZ', 'now')),"
    "  deleted_at TEXT"
    ");"
    "CREATE INDEX assessments_by_organisation ON assessments (organisation_id, assessed_on);"
    "CREATE TABLE respondents ("
    "  id INTEGER PRIMARY KEY,"
    "  uuid TEXT NOT NULL UNIQUE CHECK (length (uuid) = 36),"
    "  assessment_id INTEGER NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,"
    "  name TEXT NOT NULL CHECK (length (trim (name)) > 0),"
    "  group_name TEXT NOT NULL DEFAULT '',"
    "  created_at TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%SZ', 'now')),"
    "  deleted_at TEXT"
    ");"
    "CREATE INDEX respondents_by_assessment ON respondents (assessment_id);"
    "CREATE TABLE answers ("
    "  respondent_id INTEGER NOT NULL REFERENCES respondents (id) ON DELETE CASCADE,"
    "  item_id TEXT NOT NULL CHECK (length (item_id) > 0),"
    "  status TEXT NOT NULL CHECK (status IN ('value', 'dont-know', 'not-applicable')),"
    "  value INTEGER CHECK (value BETWEEN 1 AND 5),"
    "  note TEXT NOT NULL DEFAULT '',"
    "  updated_at TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%SZ', 'now')),"
    "  PRIMARY KEY (respondent_id, item_id),"
    "  CHECK ((status = 'value') = (value IS NOT NULL))"
    ") WITHOUT ROWID;"
    "CREATE TABLE polarity_texts ("
    "  assessment_id INTEGER NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,"
    "  text_key TEXT NOT NULL CHECK (length (text_key) > 0),"
    "  text TEXT NOT NULL,"
    "  PRIMARY KEY (assessment_id, text_key)"
    ") WITHOUT ROWID;"
    "CREATE TABLE timeline_events ("
    "  id INTEGER PRIMARY KEY,"
    "  uuid TEXT NOT NULL UNIQUE CHECK (length (uuid) = 36),"
    "  organisation_id INTEGER NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,"
    "  occurred_on TEXT NOT NULL CHECK (date (occurred_on) = occurred_on),"
    "  stage INTEGER CHECK (stage BETWEEN 1 AND 3),"
    "  kind TEXT NOT NULL CHECK (kind IN ('trigger', 'milestone', 'setback', 'coalition', 'measurement')),"
    "  title TEXT NOT NULL CHECK (length (trim (title)) > 0),"
    "  note TEXT NOT NULL DEFAULT '',"
    "  participation REAL CHECK (participation BETWEEN 0 AND 100),"
    "  change_agents INTEGER CHECK (change_agents >= 0),"
    "  deleted_at TEXT"
    ");"
    "CREATE INDEX timeline_by_organisation ON timeline_events (organisation_id, occurred_on);"
    /* Partial indexes hold only deleted rows: purging costs what was deleted, not the table. */
    "CREATE INDEX organisations_deleted ON organisations (deleted_at) WHERE deleted_at IS NOT NULL;"
    "CREATE INDEX assessments_deleted ON assessments (deleted_at) WHERE deleted_at IS NOT NULL;"
    "CREATE INDEX respondents_deleted ON respondents (deleted_at) WHERE deleted_at IS NOT NULL;"
    "CREATE INDEX timeline_deleted ON timeline_events (deleted_at) WHERE deleted_at IS NOT NULL;"
    "CREATE TRIGGER answers_counted AFTER INSERT ON answers BEGIN"
    "  UPDATE assessments SET n_answers = n_answers + 1"
    "   WHERE id = (SELECT assessment_id FROM respondents WHERE id = NEW.respondent_id AND deleted_at IS NULL);"
    " END;"
    "CREATE TRIGGER answers_uncounted AFTER DELETE ON answers BEGIN"
    "  UPDATE assessments SET n_answers = n_answers - 1"
    "   WHERE id = (SELECT assessment_id FROM respondents WHERE id = OLD.respondent_id AND deleted_at IS NULL);"
    " END;"
    "CREATE TRIGGER respondent_hidden AFTER UPDATE OF deleted_at ON respondents"
    "  WHEN OLD.deleted_at IS NULL AND NEW.deleted_at IS NOT NULL BEGIN"
    "  UPDATE assessments SET n_answers = n_answers - (SELECT count (*) FROM answers WHERE respondent_id = NEW.id)"
    "   WHERE id = NEW.assessment_id;"
    " END;"
    "CREATE TRIGGER respondent_restored AFTER UPDATE OF deleted_at ON respondents"
    "  WHEN OLD.deleted_at IS NOT NULL AND NEW.deleted_at IS NULL BEGIN"
    "  UPDATE assessments SET n_answers = n_answers + (SELECT count (*) FROM answers WHERE respondent_id = NEW.id)"
    "   WHERE id = NEW.assessment_id;"
    " END;";

  return gs_store_exec (db, sql, path, error);
}

/* Version 2: the library counts each assessment's respondents who are not deleted; with
 * deleted_at in the index that count reads the index alone, not 30 rows of the table per
 * assessment (a quarter off listing 2,000 assessments). */
static gboolean
migrate_to_2 (sqlite3     *db,
              const char  *path,
              GError     **error)
{
  return gs_store_exec (db,
                        "DROP INDEX respondents_by_assessment;"
                        "CREATE INDEX respondents_by_assessment ON respondents (assessment_id, deleted_at);",
                        path, error);
}

/* Version 4: assessments.n_respondents counts its respondents who are not deleted, kept by
 * triggers as n_answers is. Counting them as the library was listed was two thirds of
 * listing 2,000 assessments of 30 respondents (13 ms of the list query; 5 ms without). */
static gboolean
migrate_to_4 (sqlite3     *db,
              const char  *path,
              GError     **error)
{
  static const char sql[] =
    "ALTER TABLE assessments ADD COLUMN n_respondents INTEGER NOT NULL DEFAULT 0 CHECK (n_respondents >= 0);"
    "UPDATE assessments SET n_respondents ="
    "  (SELECT count (*) FROM respondents r WHERE r.assessment_id = assessments.id AND r.deleted_at IS NULL);"
    "CREATE TRIGGER respondents_counted AFTER INSERT ON respondents WHEN NEW.deleted_at IS NULL BEGIN"
    "  UPDATE assessments SET n_respondents = n_respondents + 1 WHERE id = NEW.assessment_id;"
    " END;"
    "CREATE TRIGGER respondents_uncounted AFTER DELETE ON respondents WHEN OLD.deleted_at IS NULL BEGIN"
    "  UPDATE assessments SET n_respondents = n_respondents - 1 WHERE id = OLD.assessment_id;"
    " END;"
    "CREATE TRIGGER respondent_hidden_uncounted AFTER UPDATE OF deleted_at ON respondents"
    "  WHEN OLD.deleted_at IS NULL AND NEW.deleted_at IS NOT NULL BEGIN"
    "  UPDATE assessments SET n_respondents = n_respondents - 1 WHERE id = NEW.assessment_id;"
    " END;"
    "CREATE TRIGGER respondent_restored_counted AFTER UPDATE OF deleted_at ON respondents"
    "  WHEN OLD.deleted_at IS NOT NULL AND NEW.deleted_at IS NULL BEGIN"
    "  UPDATE assessments SET n_respondents = n_respondents + 1 WHERE id = NEW.assessment_id;"
    " END;";

  return gs_store_exec (db, sql, path, error);
}

static const GsMigrationStep migration_steps[GS_STORE_SCHEMA_VERSION] = {
  migrate_to_1,
  migrate_to_2,
  gs_store_migrate_plan,  /* version 3: gs-store-plan.c */
  migrate_to_4,
};

static gboolean
read_user_version (sqlite3     *db,
                   const char  *path,
                   int         *version,
                   GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      sqlite3_finalize (stmt);
      return gs_store_set_sqlite_error (error, db, rc, path, "read the schema version");
    }
  *version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return TRUE;
}

/* Brings the file to GS_STORE_SCHEMA_VERSION in one transaction: a failed step leaves
 * the file exactly as it was. The caller has already refused files that are too new. */
static gboolean
is_marked (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  gboolean marked = FALSE;

  if (sqlite3_prepare_v2 (db, "PRAGMA application_id", -1, &stmt, NULL) == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    marked = sqlite3_column_int64 (stmt, 0) == GS_STORE_APPLICATION_ID;
  sqlite3_finalize (stmt);
  return marked;
}

gboolean
gs_store_migrate (sqlite3     *db,
                  const char  *path,
                  GError     **error)
{
  int version = 0;

  if (!gs_store_exec (db, "BEGIN IMMEDIATE", path, error))
    return FALSE;
  if (!read_user_version (db, path, &version, error))
    goto rollback;

  for (int step = version; step < GS_STORE_SCHEMA_VERSION; step++)
    {
      g_autofree char *set_version = NULL;

      if (!migration_steps[step] (db, path, error))
        goto rollback;
      /* PRAGMA takes no bound parameters; the value is our own integer, not user text. */
      set_version = g_strdup_printf ("PRAGMA user_version = %d", step + 1);
      if (!gs_store_exec (db, set_version, path, error))
        goto rollback;
    }

  /* Marked as Groundswell's (older files too, once they open), so another program can tell;
   * a file already marked is not written to. */
  if (!is_marked (db) &&
      !gs_store_exec (db, "PRAGMA application_id = " G_STRINGIFY (GS_STORE_APPLICATION_ID), path, error))
    goto rollback;
  return gs_store_exec (db, "COMMIT", path, error);

rollback:
  sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  return FALSE;
}
