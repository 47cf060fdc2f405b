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
#include <glib/gstdio.h>

#include "gs-store-private.h"

struct _GsStore
{
  GObject  parent_instance;

  char    *path;
  sqlite3 *db;
};

G_DEFINE_FINAL_TYPE (GsStore, gs_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (gs-store-error-quark, gs_store_error)

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

/* Always returns FALSE, so that callers can `return gs_store_set_sqlite_error (…)`. */
gboolean
gs_store_set_sqlite_error (GError     **error,
                           sqlite3     *db,
                           int          rc,
                           const char  *path,
                           const char  *what)
{
  const char *detail = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);

  g_set_error (error, GS_STORE_ERROR, error_code_for_sqlite (rc),
               /* Translators: "Could not <what> in <file>: <SQLite's reason>" */
               "Could not %s in “%s”: %s", what, path, detail);
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

/* The read-only checks: nothing here writes to the file. */
static gboolean
check_existing_file (sqlite3     *db,
                     const char  *path,
                     GError     **error)
{
  g_autofree char *version = NULL;
  g_autofree char *check = NULL;

  /* Reading the schema is the first thing that touches the file's pages: a file that is
   * not SQLite, or is cut short, fails here. */
  version = query_text (db, "PRAGMA user_version", path, "read the database", error);
  if (version == NULL)
    return FALSE;
  if (atoi (version) > GS_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, GS_STORE_ERROR, GS_STORE_ERROR_TOO_NEW,
                   "“%s” was written by a newer version of Groundswell (database version %s; "
                   "this version reads up to %d). Update Groundswell to open it.",
                   path, version, GS_STORE_SCHEMA_VERSION);
      return FALSE;
    }

  check = query_text (db, "PRAGMA quick_check", path, "check the database", error);
  if (check == NULL)
    return FALSE;
  if (g_strcmp0 (check, "ok") != 0)
    {
      g_set_error (error, GS_STORE_ERROR, GS_STORE_ERROR_CORRUPT,
                   "“%s” is damaged (SQLite's check says: %s). It has not been changed.",
                   path, check);
      return FALSE;
    }

  if (sqlite3_db_readonly (db, "main") == 1)
    {
      g_set_error (error, GS_STORE_ERROR, GS_STORE_ERROR_READ_ONLY,
                   "“%s” cannot be written: the file or its folder is read-only.", path);
      return FALSE;
    }

  return TRUE;
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

static void
gs_store_finalize (GObject *object)
{
  GsStore *self = (GsStore *) object;

  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (gs_store_parent_class)->finalize (object);
}

static void
gs_store_class_init (GsStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gs_store_finalize;
}

static void
gs_store_init (GsStore *self)
{
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

/**
 * gs_store_open:
 * @path: the database file; created (with its folder) when it does not exist
 * @error: return location for a #GsStoreError or #GIOError
 *
 * Opens, checks and migrates a database. On failure an existing file is left untouched.
 *
 * Returns: (transfer full) (nullable): the store, or %NULL with @error set
 */
GsStore *
gs_store_open (const char  *path,
               GError     **error)
{
  g_autoptr(GsStore) self = NULL;
  gboolean existed;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  existed = g_file_test (path, G_FILE_TEST_EXISTS);
  if (!existed && !create_private_file (path, error))
    return NULL;

  self = g_object_new (GS_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  /* Never SQLITE_OPEN_CREATE: the file exists by now, and a vanished one is an error. */
  rc = sqlite3_open_v2 (path, &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW, NULL);
  if (rc != SQLITE_OK)
    {
      gs_store_set_sqlite_error (error, self->db, rc, path, "open the database");
      return NULL;
    }
  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);

  if (existed && !check_existing_file (self->db, path, error))
    return NULL;
  if (!check_not_locked (self->db, path, error))
    return NULL;
  if (!configure_connection (self->db, path, error))
    return NULL;
  if (!gs_store_migrate (self->db, path, error))
    return NULL;

  return g_steal_pointer (&self);
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
