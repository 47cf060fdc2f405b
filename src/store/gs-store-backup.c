/* gs-store-backup.c — daily backups beside the database, and restoring one
 *
 * Backups use SQLite's online backup API, so a backup is a consistent database even while
 * the app writes. They live in backups/ beside the database (folder 0700, files 0600); the
 * newest seven are kept.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gs-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "gs-store-private.h"

#define BACKUPS_KEPT 7
#define BACKUP_INTERVAL (G_TIME_SPAN_DAY)

static char *
backups_folder (const char *database_path)
{
  g_autofree char *folder = g_path_get_dirname (database_path);

  return g_build_filename (folder, "backups", NULL);
}

/* A backup's name is the stem, a dash and a 40-byte stamp: a stem this long keeps the name
 * within the 255 bytes a file name may have, however long the database's name. */
#define STEM_MAX_BYTES 96

/* "groundswell" for "…/groundswell.db": backups are named after the database they copy. */
static char *
database_stem (const char *database_path)
{
  g_autofree char *base = g_path_get_basename (database_path);
  char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';
  if (strlen (base) > STEM_MAX_BYTES)
    {
      char *end = base + STEM_MAX_BYTES;

      while (end > base && (*end & 0xC0) == 0x80)  /* not inside a UTF-8 character */
        end--;
      *end = '\0';
    }
  return g_steal_pointer (&base);
}

static gboolean
digits (const char **p,
        guint        n)
{
  for (guint i = 0; i < n; i++, (*p)++)
    if (!g_ascii_isdigit (**p))
      return FALSE;
  return TRUE;
}

/* Whether @name is "STEM-YYYYMMDDTHHMMSSffffff[_NN]" then @ending, exactly: the backups of
 * team.db are not team-old.db's, whose names also start "team-". */
static gboolean
is_backup_name (const char *name,
                const char *stem,
                const char *ending)
{
  const char *p = name;
  gsize stem_length = strlen (stem);

  if (strncmp (p, stem, stem_length) != 0 || p[stem_length] != '-')
    return FALSE;
  p += stem_length + 1;
  if (!digits (&p, 8) || *p++ != 'T' || !digits (&p, 12))
    return FALSE;
  if (*p == '_' && (p++, !digits (&p, 2)))
    return FALSE;
  return g_str_equal (p, ending);
}

static int
compare_paths_newest_first (gconstpointer a,
                            gconstpointer b)
{
  return -strcmp (*(const char * const *) a, *(const char * const *) b);
}

/**
 * gs_store_list_backups:
 *
 * Returns: (transfer full) (element-type utf8): the backups of @database_path, newest
 *   first (their names end in a UTC time stamp, so name order is time order)
 */
GPtrArray *
gs_store_list_backups (const char *database_path)
{
  g_autofree char *folder = backups_folder (database_path);
  g_autofree char *stem = database_stem (database_path);
  GPtrArray *backups = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  if (dir == NULL)
    return backups;
  while ((name = g_dir_read_name (dir)) != NULL)
    if (is_backup_name (name, stem, ".db"))
      g_ptr_array_add (backups, g_build_filename (folder, name, NULL));
  g_ptr_array_sort (backups, compare_paths_newest_first);
  return backups;
}

static gboolean
create_private_empty_file (const char  *path,
                           GError     **error)
{
  int fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);

  if (fd < 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create “%s”: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }
  return g_close (fd, error);
}

/* Copies the whole of @source into the new file @target_path with the online backup API.
 * On failure the partial file is removed. */
static gboolean
copy_database (sqlite3     *source,
               const char  *source_path,
               const char  *target_path,
               GError     **error)
{
  sqlite3 *target = NULL;
  sqlite3_backup *backup;
  int rc;

  if (!create_private_empty_file (target_path, error))
    return FALSE;
  rc = sqlite3_open_v2 (target_path, &target, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (target, "main", source, "main");
      if (backup != NULL)
        {
          rc = sqlite3_backup_step (backup, -1);
          sqlite3_backup_finish (backup);
          rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
        }
      else
        rc = sqlite3_errcode (target);
    }
  if (rc != SQLITE_OK)
    gs_store_set_sqlite_error (error, target, rc, source_path, _("copy the database"));
  sqlite3_close_v2 (target);
  if (rc != SQLITE_OK)
    g_unlink (target_path);
  return rc == SQLITE_OK;
}

/* Keeps the newest seven backups, and removes copies that a kill left unfinished. */
static void
prune_backups (const char *database_path)
{
  g_autoptr(GPtrArray) backups = gs_store_list_backups (database_path);
  g_autofree char *folder = backups_folder (database_path);
  g_autofree char *stem = database_stem (database_path);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  for (guint i = BACKUPS_KEPT; i < backups->len; i++)
    g_unlink (g_ptr_array_index (backups, i));
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (is_backup_name (name, stem, ".db.partial") || is_backup_name (name, stem, ".db.partial-journal"))
      {
        g_autofree char *partial = g_build_filename (folder, name, NULL);
        g_unlink (partial);
      }
}

/* Copies the database open as @db into backups/ beside @database_path, then keeps the
 * newest seven. The copy is made under a temporary name and renamed when whole, so a
 * backup that is listed is never one cut short by a kill or a full disk. */
static gboolean
back_up (sqlite3     *db,
         const char  *database_path,
         GError     **error)
{
  g_autofree char *folder = backups_folder (database_path);
  g_autofree char *stem = database_stem (database_path);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%dT%H%M%S%f");
  g_autofree char *path = NULL;
  g_autofree char *partial = NULL;

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create the folder “%s”: %s"), folder, g_strerror (saved_errno));
      return FALSE;
    }
  /* Two backups in one microsecond get a counter, never overwrite. '_' sorts after '.',
   * so the later one still comes first in name order. */
  for (guint n = 0; path == NULL || g_file_test (path, G_FILE_TEST_EXISTS); n++)
    {
      g_autofree char *name = n == 0 ? g_strdup_printf ("%s-%s.db", stem, stamp)
                                     : g_strdup_printf ("%s-%s_%02u.db", stem, stamp, n);
      g_free (path);
      path = g_build_filename (folder, name, NULL);
    }
  partial = g_strconcat (path, ".partial", NULL);
  g_unlink (partial);
  if (!copy_database (db, database_path, partial, error))
    return FALSE;
  if (g_rename (partial, path) != 0)
    {
      int saved_errno = errno;
      g_unlink (partial);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not name the backup “%s”: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }
  prune_backups (database_path);
  return TRUE;
}

/**
 * gs_store_backup_now:
 *
 * Copies the database into backups/ beside it, then keeps the newest seven backups.
 */
gboolean
gs_store_backup_now (GsStore  *self,
                     GError  **error)
{
  g_return_val_if_fail (GS_IS_STORE (self), FALSE);

  return back_up (self->db, self->path, error);
}

/* Whether the newest backup is more than a day old, or there is none. */
gboolean
gs_store_daily_check_is_due (GsStore *self)
{
  g_autoptr(GPtrArray) backups = gs_store_list_backups (self->path);
  GStatBuf st;

  return !(backups->len > 0 && g_stat (g_ptr_array_index (backups, 0), &st) == 0 &&
           (gint64) st.st_mtime * G_USEC_PER_SEC > g_get_real_time () - BACKUP_INTERVAL);
}

/* The whole file is checked, then copied, on a read-only connection of its own: it may run
 * in a worker thread while the window reads through the store's. A damaged file fails with
 * GS_STORE_ERROR_CORRUPT and is never copied over the good backups. */
static gboolean
check_and_back_up (const char  *path,
                   GError     **error)
{
  sqlite3 *db = NULL;
  int rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOFOLLOW, NULL);
  gboolean ok;

  if (rc != SQLITE_OK)
    ok = gs_store_set_sqlite_error (error, db, rc, path, _("read the database"));
  else
    ok = gs_store_quick_check (db, "PRAGMA quick_check", path, error) && back_up (db, path, error);
  sqlite3_close_v2 (db);
  return ok;
}

/* After the check: a damaged file is refused from now on; otherwise writes may begin, and
 * rows a crashed session left deleted are purged. */
static void
apply_check (GsStore      *self,
             const GError *error)
{
  if (error != NULL && g_error_matches (error, GS_STORE_ERROR, GS_STORE_ERROR_CORRUPT))
    {
      g_clear_error (&self->damage);
      self->damage = g_error_copy (error);
      gs_store_set_check (self, GS_STORE_CHECK_FAILED);
      return;
    }
  gs_store_set_check (self, GS_STORE_CHECK_PASSED);
  gs_store_purge_deleted (self, NULL);
}

/* The day's check and backup, in the calling thread. */
gboolean
gs_store_daily_check (GsStore  *self,
                      GError  **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!check_and_back_up (self->path, &local_error))
    {
      apply_check (self, local_error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  apply_check (self, NULL);
  return TRUE;
}

static void
daily_check_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  GError *error = NULL;

  if (check_and_back_up (task_data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * gs_store_daily_check_async:
 *
 * When the day's check is due, checks the whole file and backs it up in a worker thread;
 * otherwise completes at once. The store refuses changes until gs_store_daily_check_finish()
 * has been called and the check passed (#GsStore:writable).
 */
void
gs_store_daily_check_async (GsStore             *self,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (GS_IS_STORE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, gs_store_daily_check_async);
  if (self->check != GS_STORE_CHECK_DUE)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }
  gs_store_set_check (self, GS_STORE_CHECK_RUNNING);
  g_task_set_task_data (task, g_strdup (self->path), g_free);
  g_task_run_in_thread (task, daily_check_thread);
}

/**
 * gs_store_daily_check_finish:
 *
 * Returns: %FALSE with @error set when the file is damaged (GS_STORE_ERROR_CORRUPT: the
 *   store refuses every change from now on) or the backup failed (changes are allowed)
 */
gboolean
gs_store_daily_check_finish (GsStore       *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), &local_error))
    {
      if (self->check == GS_STORE_CHECK_RUNNING)
        apply_check (self, local_error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (self->check == GS_STORE_CHECK_RUNNING)
    apply_check (self, NULL);
  return TRUE;
}

static gboolean
check_backup (const char  *backup_path,
              sqlite3    **db,
              GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;
  int rc = sqlite3_open_v2 (backup_path, db, SQLITE_OPEN_READONLY, NULL);

  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (*db, "PRAGMA quick_check", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      ok = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0;
      if (!ok)
        g_set_error (error, GS_STORE_ERROR, GS_STORE_ERROR_CORRUPT,
                     _("The backup “%s” is damaged too; choose another."), backup_path);
    }
  else
    gs_store_set_sqlite_error (error, *db, rc, backup_path, _("read the backup"));
  sqlite3_finalize (stmt);
  return ok;
}

/* Renames the database and its -wal and -shm files to "….damaged-STAMP": kept, not deleted. */
static char *
move_aside (const char  *database_path,
            GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%dT%H%M%S");
  g_autofree char *aside = g_strdup_printf ("%s.damaged-%s", database_path, stamp);
  static const char *suffixes[] = { "", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *from = g_strconcat (database_path, suffixes[i], NULL);
      g_autofree char *to = g_strconcat (aside, suffixes[i], NULL);

      if (g_file_test (from, G_FILE_TEST_EXISTS) && g_rename (from, to) != 0)
        {
          int saved_errno = errno;
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       _("Could not move “%s” aside: %s"), from, g_strerror (saved_errno));
          return NULL;
        }
    }
  return g_steal_pointer (&aside);
}

/**
 * gs_store_restore_backup:
 * @moved_aside: (out) (optional) (nullable): where the old database now is, if there was one
 *
 * Puts @backup_path in place of @database_path. The old file is not overwritten or
 * deleted: it is renamed to "….damaged-STAMP" beside it. The backup is checked first.
 */
gboolean
gs_store_restore_backup (const char  *database_path,
                         const char  *backup_path,
                         char       **moved_aside,
                         GError     **error)
{
  sqlite3 *backup = NULL;
  g_autofree char *aside = NULL;
  gboolean ok;

  if (moved_aside != NULL)
    *moved_aside = NULL;
  if (!check_backup (backup_path, &backup, error))
    {
      sqlite3_close_v2 (backup);
      return FALSE;
    }
  if (g_file_test (database_path, G_FILE_TEST_EXISTS) && (aside = move_aside (database_path, error)) == NULL)
    {
      sqlite3_close_v2 (backup);
      return FALSE;
    }
  ok = copy_database (backup, backup_path, database_path, error);
  sqlite3_close_v2 (backup);
  if (ok && moved_aside != NULL)
    *moved_aside = g_steal_pointer (&aside);
  return ok;
}
