/* gs-store.c — Groundswell's SQLite persistence
 *
 * Opening is careful never to change a file it cannot use: everything that can be learnt
 * by reading (is it SQLite, is it whole, is it from a newer Groundswell, can we write it,
 * is it locked) is checked before the first write, which is the switch to WAL.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gs-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "gs-assessment-summary.h"
#include "gs-store-private.h"

G_DEFINE_FINAL_TYPE (GsStore, gs_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (gs-store-error-quark, gs_store_error)

enum {
  PROP_0,
  PROP_WRITABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* How long to wait for another process's write lock before telling the user. */
#define BUSY_TIMEOUT_MS 2000

static GsStoreError
error_code_for_sqlite (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_NOTADB:
      return GS_STORE_ERROR_NOT_DATABASE;
    case SQLITE_CORRUPT:
      return GS_STORE_ERROR_CORRUPT;
    case SQLITE_READONLY:
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
      return GS_STORE_ERROR_READ_ONLY;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return GS_STORE_ERROR_LOCKED;
    case SQLITE_IOERR:
    case SQLITE_FULL:
      return GS_STORE_ERROR_IO;
    case SQLITE_CONSTRAINT:
    case SQLITE_MISMATCH:
      return GS_STORE_ERROR_INVALID;
    default:
      return GS_STORE_ERROR_FAILED;
    }
}

/* Always returns FALSE, so that callers can `return gs_store_set_sqlite_error (…)`.
 * The message says in words what is wrong with which file, then SQLite's own reason. */
gboolean
gs_store_set_sqlite_error (GError     **error,
                           sqlite3     *db,
                           int          rc,
                           const char  *path,
                           const char  *what)
{
  const char *detail = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);
  GsStoreError code = error_code_for_sqlite (rc);

  switch (code)
    {
    case GS_STORE_ERROR_NOT_DATABASE:
      g_set_error (error, GS_STORE_ERROR, code,
                   _("“%s” is not a Groundswell database, or it is cut short (%s). It has not been changed."),
                   path, detail);
      break;
    case GS_STORE_ERROR_CORRUPT:
      g_set_error (error, GS_STORE_ERROR, code, _("“%s” is damaged (%s). It has not been changed."), path, detail);
      break;
    case GS_STORE_ERROR_READ_ONLY:
      g_set_error (error, GS_STORE_ERROR, code,
                   _("“%s” cannot be written: the file or its folder is read-only (%s)."), path, detail);
      break;
    case GS_STORE_ERROR_LOCKED:
      g_set_error (error, GS_STORE_ERROR, code,
                   _("“%s” is in use by another program. Close it and try again."), path);
      break;
    case GS_STORE_ERROR_IO:
      g_set_error (error, GS_STORE_ERROR, code,
                   _("Could not %s in “%s”: the disk is full or failed (%s). Nothing was changed."),
                   what, path, detail);
      break;
    default:
      /* Translators: "Could not <what> in <file>: <SQLite's reason>" */
      g_set_error (error, GS_STORE_ERROR, code, _("Could not %s in “%s”: %s"), what, path, detail);
    }
  return FALSE;
}

gboolean
gs_store_exec (sqlite3     *db,
               const char  *sql,
               const char  *path,
               GError     **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return gs_store_set_sqlite_error (error, db, rc, path, "update the database");
  return TRUE;
}

/* Runs a one-row PRAGMA or query and returns its first column as text. */
static char *
query_text (sqlite3     *db,
            const char  *sql,
            const char  *path,
            const char  *what,
            GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  char *result = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    result = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  else
    gs_store_set_sqlite_error (error, db, rc, path, what);
  sqlite3_finalize (stmt);
  return result;
}

/* Creates the folder (0700) and an empty file (0600) for a new database. SQLite gives its
 * -wal and -shm files the mode of the database file, so they are owner-only too. */
static gboolean
create_private_file (const char  *path,
                     GError     **error)
{
  g_autofree char *folder = g_path_get_dirname (path);
  int fd;

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "Could not create the folder “%s”: %s", folder, g_strerror (saved_errno));
      return FALSE;
    }

  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "Could not create the database “%s”: %s", path, g_strerror (saved_errno));
      return FALSE;
    }
  return g_close (fd, error);
}

/* The tables that stay small whatever the number of answers and respondents: checking them
 * at every opening costs the same with 1.8 million answers as with none. The whole file,
 * answers and respondents included, is checked once a day before the daily backup
 * (gs_store_daily_check), so that a damaged file is found within a day and never replaces
 * the good backups; SQLite reports damage it meets on any read in between. */
static const char *small_table_checks[] = {
  "PRAGMA quick_check (sqlite_schema)",
  "PRAGMA quick_check (organisations)",
  "PRAGMA quick_check (assessments)",
  "PRAGMA quick_check (polarity_texts)",
  "PRAGMA quick_check (timeline_events)",
};

/* Runs one quick_check and turns anything but "ok" into GS_STORE_ERROR_CORRUPT. */
gboolean
gs_store_quick_check (sqlite3     *db,
                      const char  *sql,
                      const char  *path,
                      GError     **error)
{
  g_autofree char *check = query_text (db, sql, path, "check the database", error);

  if (check == NULL)
    return FALSE;
  if (g_strcmp0 (check, "ok") != 0)
    {
      g_set_error (error, GS_STORE_ERROR, GS_STORE_ERROR_CORRUPT,
                   _("“%s” is damaged (SQLite's check says: %s). It has not been changed."), path, check);
      return FALSE;
    }
  return TRUE;
}

/* Whether the file is Groundswell's: marked with our application id, or (written before
 * the mark existed) with our schema version; an SQLite file with no mark, no version and
 * tables of its own is another program's, and is refused unchanged rather than turned
 * into a Groundswell database. An SQLite file with nothing in it yet is ours to fill. */
static gboolean
check_ours (sqlite3     *db,
            const char  *path,
            int          version,
            GError     **error)
{
  g_autofree char *application_id = query_text (db, "PRAGMA application_id", path, "read the database", error);
  g_autofree char *n_tables = NULL;
  gint64 id;

  if (application_id == NULL)
    return FALSE;
  id = g_ascii_strtoll (application_id, NULL, 10);
  if (id == GS_STORE_APPLICATION_ID || (id == 0 && version >= 1))
    return TRUE;
  if (id == 0 && (n_tables = query_text (db, "SELECT count (*) FROM sqlite_schema", path, "read the database",
                                         error)) != NULL && g_str_equal (n_tables, "0"))
    return TRUE;
  if (id == 0 && n_tables == NULL)
    return FALSE;
  g_set_error (error, GS_STORE_ERROR, GS_STORE_ERROR_NOT_DATABASE,
               _("“%s” is another program’s database, not Groundswell’s. It has not been changed."), path);
  return FALSE;
}

/* The read-only checks: nothing here writes to the file. A file opened read-only must
 * already be at this build's schema, since upgrading it would be a write. */
static gboolean
check_existing_file (sqlite3     *db,
                     const char  *path,
                     gboolean     read_only,
                     GError     **error)
{
  g_autofree char *version = NULL;

  /* Reading the schema is the first thing that touches the file's pages: a file that is
   * not SQLite, or is cut short, fails here. */
  version = query_text (db, "PRAGMA user_version", path, "read the database", error);
  if (version == NULL)
    return FALSE;
  if (atoi (version) > GS_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, GS_STORE_ERROR, GS_STORE_ERROR_TOO_NEW,
                   _("“%s” was written by a newer version of Groundswell (database version %s; "
                     "this version reads up to %d). Update Groundswell to open it."),
                   path, version, GS_STORE_SCHEMA_VERSION);
      return FALSE;
    }

  if (!check_ours (db, path, atoi (version), error))
    return FALSE;

  /* A database from before version 1 has none of these tables yet. */
  for (guint i = 0; i < G_N_ELEMENTS (small_table_checks) && (i == 0 || atoi (version) >= 1); i++)
    if (!gs_store_quick_check (db, small_table_checks[i], path, error))
      return FALSE;

  if (read_only && atoi (version) != GS_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, GS_STORE_ERROR, GS_STORE_ERROR_READ_ONLY,
                   _("“%s” is read-only, but Groundswell must first set it up or upgrade it, which needs it "
                     "to be writable. It has not been changed."),
                   path);
      return FALSE;
    }
  if (!read_only && sqlite3_db_readonly (db, "main") == 1)
    {
      g_set_error (error, GS_STORE_ERROR, GS_STORE_ERROR_READ_ONLY,
                   _("“%s” cannot be written: the file or its folder is read-only."), path);
      return FALSE;
    }

  return TRUE;
}

/* Whether this process may change @path: the file, and its folder, where SQLite writes its
 * journal. Asked with the effective ids, as opening the file does. */
static gboolean
can_write (const char *path)
{
  g_autofree char *folder = g_path_get_dirname (path);

  return faccessat (AT_FDCWD, path, W_OK, AT_EACCESS) == 0 &&
         faccessat (AT_FDCWD, folder, W_OK | X_OK, AT_EACCESS) == 0;
}

/* A file this process may not write is opened read-only, so that a colleague's shared or
 * archived database can still be read, exported and printed. A WAL database is read through
 * its -shm file, which SQLite would leave behind: a file closed cleanly (no -wal) is opened
 * as immutable instead, which creates nothing and is safe because this process cannot
 * change it and no other connection is writing it (it would have made a -wal). The owner
 * may start writing it while this window is open: SQLite then promises nothing for an
 * immutable file, and a read may fail as damage. That risk is taken rather than leave
 * -wal and -shm files of another user beside the owner's database, which would stop the
 * owner's own Groundswell from writing it. */
static int
open_read_only (GsStore *self)
{
  g_autofree char *absolute = g_canonicalize_filename (self->path, NULL);
  g_autofree char *uri = g_filename_to_uri (absolute, NULL, NULL);
  g_autofree char *wal = g_strconcat (self->path, "-wal", NULL);
  g_autofree char *read_only_uri = NULL;

  if (uri == NULL)
    return SQLITE_CANTOPEN;
  read_only_uri = g_strconcat (uri, g_file_test (wal, G_FILE_TEST_EXISTS) ? "?mode=ro" : "?mode=ro&immutable=1", NULL);
  return sqlite3_open_v2 (read_only_uri, &self->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOFOLLOW, NULL);
}

/* Takes and releases the write lock: another process holding it makes opening fail
 * (after the busy timeout) rather than the user's first answer. */
static gboolean
check_not_locked (sqlite3     *db,
                  const char  *path,
                  GError     **error)
{
  int rc = sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      if ((rc & 0xff) == SQLITE_BUSY)
        {
          g_set_error (error, GS_STORE_ERROR, GS_STORE_ERROR_LOCKED,
                       "“%s” is in use by another program. Close it and try again.", path);
          return FALSE;
        }
      return gs_store_set_sqlite_error (error, db, rc, path, "lock the database");
    }
  return gs_store_exec (db, "COMMIT", path, error);
}

/* WAL lets the window read while a save is under way; synchronous=FULL makes a commit
 * durable against power loss as well as a crash, which is what "saved" promises the user.
 * An answer is a few bytes, so the extra fsync per commit costs little. */
static gboolean
configure_connection (sqlite3     *db,
                      const char  *path,
                      GError     **error)
{
  g_autofree char *mode = NULL;

  if (!gs_store_exec (db, "PRAGMA foreign_keys = ON", path, error))
    return FALSE;
  mode = query_text (db, "PRAGMA journal_mode = WAL", path, "switch to write-ahead logging", error);
  if (mode == NULL)
    return FALSE;
  return gs_store_exec (db, "PRAGMA synchronous = FULL", path, error);
}

/* A library row's columns, in the order summary_from_row () reads them. Triggers keep
 * n_answers and n_respondents, so listing costs the same with 1.8 million answers as with
 * none. */
#define SUMMARY_SELECT \
  "SELECT a.id, a.uuid, o.id, o.name, a.title, a.assessed_on, a.instrument_id, a.n_answers," \
  "       a.n_respondents, a.instrument_version" \
  "  FROM assessments a JOIN organisations o ON o.id = a.organisation_id"

/* The assessments list, newest first. */
static const char list_assessments_sql[] =
  SUMMARY_SELECT
  " WHERE a.deleted_at IS NULL AND o.deleted_at IS NULL"
  " ORDER BY a.assessed_on DESC, a.id DESC";

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
gs_store_finalize (GObject *object)
{
  GsStore *self = (GsStore *) object;

  /* The app is quitting: deletions can no longer be undone. */
  if (self->db != NULL && self->assessments != NULL)
    gs_store_purge_deleted (self, NULL);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  g_clear_object (&self->assessments);
  for (guint kind = 0; kind < G_N_ELEMENTS (self->deleted); kind++)
    g_clear_pointer (&self->deleted[kind], g_array_unref);
  g_clear_pointer (&self->path, g_free);
  g_clear_error (&self->damage);

  G_OBJECT_CLASS (gs_store_parent_class)->finalize (object);
}

static void
gs_store_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_WRITABLE:
      g_value_set_boolean (value, gs_store_get_writable (GS_STORE (object)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gs_store_class_init (GsStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = gs_store_get_property;
  object_class->finalize = gs_store_finalize;

  /**
   * GsStore:writable:
   *
   * Whether changes can be saved now: not while the day's check of the whole file is due
   * or running, nor after it found the file damaged.
   */
  properties[PROP_WRITABLE] =
    g_param_spec_boolean ("writable", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gs_store_init (GsStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, finalize_statement);
  for (guint kind = 0; kind < G_N_ELEMENTS (self->deleted); kind++)
    self->deleted[kind] = g_array_new (FALSE, FALSE, sizeof (gint64));
}

/**
 * gs_store_default_path:
 *
 * Returns: (transfer full): `$XDG_DATA_HOME/groundswell/groundswell.db`
 */
char *
gs_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "groundswell", "groundswell.db", NULL);
}

int
gs_store_schema_version (void)
{
  return GS_STORE_SCHEMA_VERSION;
}

/* Opens, checks (all but the whole-file check) and migrates; on failure an existing file is
 * left untouched. */
static GsStore *
open_store (const char  *path,
            GError     **error)
{
  g_autoptr(GsStore) self = NULL;
  gboolean existed;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* SQLite says "unable to open database file", which the user would read as read-only. */
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, GS_STORE_ERROR, GS_STORE_ERROR_FAILED,
                   _("“%s” is a folder, not a database: name a file in it, such as groundswell.db."), path);
      return NULL;
    }
  existed = g_file_test (path, G_FILE_TEST_EXISTS);
  if (!existed && !create_private_file (path, error))
    return NULL;

  self = g_object_new (GS_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  /* Never SQLITE_OPEN_CREATE: the file exists by now, and a vanished one is an error. */
  self->read_only = existed && !can_write (path);
  if (self->read_only)
    rc = open_read_only (self);
  else
    rc = sqlite3_open_v2 (path, &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW, NULL);
  if (rc != SQLITE_OK)
    {
      gs_store_set_sqlite_error (error, self->db, rc, path, "open the database");
      return NULL;
    }
  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);

  if (existed && !check_existing_file (self->db, path, self->read_only, error))
    return NULL;
  self->assessments = g_list_store_new (GS_TYPE_ASSESSMENT_SUMMARY);
  /* Nothing to lock, configure, upgrade, check daily or back up: the file cannot change. */
  if (self->read_only)
    return (self->check = GS_STORE_CHECK_PASSED, g_steal_pointer (&self));
  if (!check_not_locked (self->db, path, error))
    return NULL;
  if (!configure_connection (self->db, path, error))
    return NULL;
  if (!gs_store_migrate (self->db, path, error))
    return NULL;
  self->check = gs_store_daily_check_is_due (self) ? GS_STORE_CHECK_DUE : GS_STORE_CHECK_PASSED;
  return g_steal_pointer (&self);
}

/**
 * gs_store_open:
 * @path: the database file; created (with its folder) when it does not exist
 * @error: return location for a #GsStoreError or #GIOError
 *
 * Opens, checks and migrates a database, and once a day checks the whole file and backs it
 * up before returning. On failure an existing file is left untouched. For the command line
 * and scripts; the window uses gs_store_open_deferring_check().
 *
 * Returns: (transfer full) (nullable): the store, or %NULL with @error set
 */
GsStore *
gs_store_open (const char  *path,
               GError     **error)
{
  g_autoptr(GsStore) self = open_store (path, error);
  g_autoptr(GError) backup_error = NULL;

  if (self == NULL)
    return NULL;
  /* Damage found by the whole-file check refuses the file like any other check; a backup
   * that fails for another reason (a full disk) must not keep the user from their
   * assessments: warn and go on. */
  if (self->check == GS_STORE_CHECK_DUE && !gs_store_daily_check (self, &backup_error))
    {
      if (g_error_matches (backup_error, GS_STORE_ERROR, GS_STORE_ERROR_CORRUPT))
        {
          g_propagate_error (error, g_steal_pointer (&backup_error));
          return NULL;
        }
      g_warning ("No backup of %s today: %s", path, backup_error->message);
    }
  /* Rows deleted in a session that ended without purging them (a crash) are gone now. */
  if (!gs_store_purge_deleted (self, error))
    return NULL;
  gs_store_refresh_lists (self);
  return g_steal_pointer (&self);
}

/**
 * gs_store_open_deferring_check:
 *
 * Opens like gs_store_open(), but leaves the day's whole-file check and backup (seconds on
 * a consultant's database) to gs_store_daily_check_async(), so the window appears at once.
 * Until that check has passed the store can be read but refuses every change, so nothing
 * is written to a file that may turn out damaged.
 *
 * Returns: (transfer full) (nullable): the store, or %NULL with @error set
 */
GsStore *
gs_store_open_deferring_check (const char  *path,
                               GError     **error)
{
  g_autoptr(GsStore) self = open_store (path, error);

  if (self == NULL)
    return NULL;
  if (self->check == GS_STORE_CHECK_PASSED && !gs_store_purge_deleted (self, error))
    return NULL;
  gs_store_refresh_lists (self);
  return g_steal_pointer (&self);
}

gboolean
gs_store_get_writable (GsStore *self)
{
  g_return_val_if_fail (GS_IS_STORE (self), FALSE);
  return !self->read_only && self->check == GS_STORE_CHECK_PASSED;
}

/**
 * gs_store_get_read_only:
 *
 * Returns: whether the file was opened read-only, because this user may not change it or
 *   its folder: it can be listed, loaded, exported and reported on, and every change is
 *   refused with %GS_STORE_ERROR_READ_ONLY
 */
gboolean
gs_store_get_read_only (GsStore *self)
{
  g_return_val_if_fail (GS_IS_STORE (self), FALSE);
  return self->read_only;
}

void
gs_store_set_check (GsStore      *self,
                    GsStoreCheck  check)
{
  gboolean was_writable = gs_store_get_writable (self);

  self->check = check;
  if (was_writable != gs_store_get_writable (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WRITABLE]);
}

/* Fails, saying why in words, when no change may be written now. */
gboolean
gs_store_check_writable (GsStore  *self,
                         GError  **error)
{
  if (self->read_only)
    {
      g_set_error (error, GS_STORE_ERROR, GS_STORE_ERROR_READ_ONLY,
                   _("“%s” is read-only: its assessments can be read, exported and printed, but not "
                     "changed. Nothing was changed."), self->path);
      return FALSE;
    }
  switch (self->check)
    {
    case GS_STORE_CHECK_PASSED:
      return TRUE;
    case GS_STORE_CHECK_FAILED:
      g_propagate_error (error, g_error_copy (self->damage));
      return FALSE;
    case GS_STORE_CHECK_DUE:
    case GS_STORE_CHECK_RUNNING:
    default:
      g_set_error (error, GS_STORE_ERROR, GS_STORE_ERROR_LOCKED,
                   _("“%s” is being checked and backed up, as it is once a day. Nothing was changed; "
                     "try again in a moment."), self->path);
      return FALSE;
    }
}

const char *
gs_store_get_path (GsStore *self)
{
  g_return_val_if_fail (GS_IS_STORE (self), NULL);

  return self->path;
}

gboolean
gs_store_count_assessments (GsStore  *self,
                            guint    *n_assessments,
                            GError  **error)
{
  g_autofree char *count = NULL;

  g_return_val_if_fail (GS_IS_STORE (self), FALSE);
  g_return_val_if_fail (n_assessments != NULL, FALSE);

  count = query_text (self->db, "SELECT count(*) FROM assessments WHERE deleted_at IS NULL",
                      self->path, "count the assessments", error);
  if (count == NULL)
    return FALSE;
  *n_assessments = (guint) g_ascii_strtoull (count, NULL, 10);
  return TRUE;
}

/**
 * gs_store_statement:
 *
 * Returns: (transfer none) (nullable): @sql prepared once for this connection, reset and
 *   with its bindings cleared, ready to bind and step
 */
sqlite3_stmt *
gs_store_statement (GsStore     *self,
                    const char  *sql,
                    GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);
  int rc;

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }
  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      gs_store_set_sqlite_error (error, self->db, rc, self->path, "prepare a query");
      return NULL;
    }
  /* The SQL texts are string literals of this program, so the key needs no copy. */
  g_hash_table_insert (self->statements, (gpointer) sql, stmt);
  return stmt;
}

gboolean
gs_store_step_done (GsStore      *self,
                    sqlite3_stmt *stmt,
                    const char   *what,
                    GError      **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return gs_store_set_sqlite_error (error, self->db, rc, self->path, what);
  return TRUE;
}

gboolean
gs_store_begin (GsStore  *self,
                GError  **error)
{
  return gs_store_check_writable (self, error) &&
         gs_store_exec (self->db, "BEGIN IMMEDIATE", self->path, error);
}

/* Commits when @ok, else rolls back; a failed commit rolls back too, so a failed user
 * action leaves what was saved before exactly as it was. */
gboolean
gs_store_end (GsStore   *self,
              gboolean   ok,
              GError   **error)
{
  if (ok && gs_store_exec (self->db, "COMMIT", self->path, error))
    return TRUE;
  if (sqlite3_get_autocommit (self->db) == 0)
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  return FALSE;
}

/* A row of SUMMARY_SELECT. */
static GsAssessmentSummary *
summary_from_row (sqlite3_stmt *stmt)
{
  return gs_assessment_summary_new (sqlite3_column_int64 (stmt, 0),
                                    (const char *) sqlite3_column_text (stmt, 1),
                                    sqlite3_column_int64 (stmt, 2),
                                    (const char *) sqlite3_column_text (stmt, 3),
                                    (const char *) sqlite3_column_text (stmt, 4),
                                    (const char *) sqlite3_column_text (stmt, 5),
                                    (const char *) sqlite3_column_text (stmt, 6),
                                    sqlite3_column_int (stmt, 9),
                                    (guint) sqlite3_column_int (stmt, 8),
                                    (guint) sqlite3_column_int (stmt, 7));
}

/* The position of @assessment_id in the list of assessments. A plain loop: Debian 12's GLib
 * (2.74) crashed in g_list_store_find_with_equal_func_full when given no needle object. */
static gboolean
find_summary (GsStore *self,
              gint64   assessment_id,
              guint   *position)
{
  GListModel *list = G_LIST_MODEL (self->assessments);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GsAssessmentSummary) row = g_list_model_get_item (list, i);

      if (gs_assessment_summary_get_id (row) == assessment_id)
        return (*position = i, TRUE);
    }
  return FALSE;
}

/* Replaces the one row of @assessment_id after a change to its answers: saving an answer
 * must stay far below a frame, so it does not reload the whole list. Also called after
 * another process (Groundswell writing a page in another language) added respondents. */
void
gs_store_refresh_assessment (GsStore *self,
                             gint64   assessment_id)
{
  static const char one_sql[] = SUMMARY_SELECT " WHERE a.id = ?";
  sqlite3_stmt *stmt = gs_store_statement (self, one_sql, NULL);
  guint position;

  if (stmt == NULL)
    return;
  sqlite3_bind_int64 (stmt, 1, assessment_id);
  if (sqlite3_step (stmt) == SQLITE_ROW && find_summary (self, assessment_id, &position))
    {
      g_autoptr(GsAssessmentSummary) fresh = summary_from_row (stmt);
      g_list_store_splice (self->assessments, position, 1, (gpointer *) &fresh, 1);
    }
  sqlite3_reset (stmt);
}

/* Reloads the list models after a change. The store is the only writer the window
 * sees, so refreshing here keeps every view current without polling. */
void
gs_store_refresh_lists (GsStore *self)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt = gs_store_statement (self, list_assessments_sql, NULL);

  if (stmt == NULL)
    return;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (rows, summary_from_row (stmt));
  sqlite3_reset (stmt);
  g_list_store_splice (self->assessments, 0, g_list_model_get_n_items (G_LIST_MODEL (self->assessments)),
                       rows->pdata, rows->len);
}

/**
 * gs_store_get_assessments:
 *
 * Returns: (transfer none): every assessment not deleted, newest first, as
 *   #GsAssessmentSummary items; it changes as the store does
 */
GListModel *
gs_store_get_assessments (GsStore *self)
{
  g_return_val_if_fail (GS_IS_STORE (self), NULL);
  return G_LIST_MODEL (self->assessments);
}

/**
 * gs_store_lookup_summary:
 *
 * Returns: (transfer full) (nullable): the list's row for @assessment_id, or %NULL when it is
 *   not listed (deleted, or never there)
 */
GsAssessmentSummary *
gs_store_lookup_summary (GsStore *self,
                         gint64   assessment_id)
{
  guint position;

  g_return_val_if_fail (GS_IS_STORE (self), NULL);
  if (!find_summary (self, assessment_id, &position))
    return NULL;
  return g_list_model_get_item (G_LIST_MODEL (self->assessments), position);
}

/* Runs @sql, which selects one id by one text parameter. */
static gint64
find_id_by_text (GsStore    *self,
              const char *sql,
              const char *uuid)
{
  sqlite3_stmt *stmt = gs_store_statement (self, sql, NULL);
  gint64 id = 0;

  if (stmt == NULL || uuid == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

/* Returns: the row id of the assessment with @uuid (deleted or not), or 0 */
gint64
gs_store_find_assessment (GsStore    *self,
                          const char *uuid)
{
  g_return_val_if_fail (GS_IS_STORE (self), 0);
  return find_id_by_text (self, "SELECT id FROM assessments WHERE uuid = ?", uuid);
}

/* Returns: the id of the organisation named @name (not deleted), or 0 */
gint64
gs_store_find_organisation (GsStore    *self,
                            const char *name)
{
  g_return_val_if_fail (GS_IS_STORE (self), 0);
  return find_id_by_text (self, "SELECT id FROM organisations WHERE name = ? AND deleted_at IS NULL", name);
}

gint64
gs_store_find_respondent (GsStore    *self,
                          const char *uuid)
{
  g_return_val_if_fail (GS_IS_STORE (self), 0);
  return find_id_by_text (self, "SELECT id FROM respondents WHERE uuid = ? AND deleted_at IS NULL", uuid);
}

gint64
gs_store_find_event (GsStore    *self,
                     const char *uuid)
{
  g_return_val_if_fail (GS_IS_STORE (self), 0);
  return find_id_by_text (self, "SELECT id FROM timeline_events WHERE uuid = ? AND deleted_at IS NULL", uuid);
}
