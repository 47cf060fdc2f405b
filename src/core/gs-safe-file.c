/* gs-safe-file.c — writing a file so that a failure never leaves half of it
 *
 * The new contents go to a hidden ".NAME.XXXXXX.partial" beside the file and are renamed
 * into place when whole. A process killed meanwhile leaves that temporary file behind: the
 * next export to the same name clears away such leftovers once they are old enough that no
 * export can still be writing them. The name is one no user would give a file, so nothing
 * of theirs is ever taken for a leftover.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gs-safe-file"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "gs-safe-file.h"

static gboolean
set_write_error (GError     **error,
                 const char  *path,
                 int          saved_errno)
{
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               _("Could not write “%s”: %s"), path, g_strerror (saved_errno));
  return FALSE;
}

/* A temporary file older than this is a leftover: no export takes so long. */
#define LEFTOVER_AGE (10 * G_TIME_SPAN_MINUTE)

/* Whether @name is ".BASE.XXXXXX.partial", the six characters as g_mkstemp() makes them. */
static gboolean
is_temporary_name (const char *name,
                   const char *base)
{
  gsize length = strlen (base);
  const char *random = name + 1 + length + 1;

  if (name[0] != '.' || strncmp (name + 1, base, length) != 0 || name[1 + length] != '.' ||
      strlen (random) != 6 + strlen (".partial") || !g_str_has_suffix (random, ".partial"))
    return FALSE;
  for (guint i = 0; i < 6; i++)
    if (!g_ascii_isalnum (random[i]))
      return FALSE;
  return TRUE;
}

/* Removes the leftovers of writes to @path that were killed before they finished. */
static void
clear_leftovers (const char *path)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  gint64 now = g_get_real_time ();
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *leftover = NULL;
      GStatBuf st;

      if (!is_temporary_name (name, base))
        continue;
      leftover = g_build_filename (folder, name, NULL);
      if (g_lstat (leftover, &st) == 0 && S_ISREG (st.st_mode) &&
          (gint64) st.st_mtime * G_USEC_PER_SEC < now - LEFTOVER_AGE)
        g_unlink (leftover);
    }
}

/**
 * gs_safe_file_begin:
 *
 * Returns: (transfer full) (nullable): the path of a new, empty, owner-only file beside
 *   @path, for the caller to write
 */
char *
gs_safe_file_begin (const char  *path,
                    GError     **error)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *temp_name = g_strconcat (".", base, ".XXXXXX.partial", NULL);
  g_autofree char *temp_path = g_build_filename (folder, temp_name, NULL);
  int fd;

  clear_leftovers (path);
  fd = g_mkstemp_full (temp_path, O_RDWR, 0600);

  if (fd < 0)
    {
      set_write_error (error, path, errno);
      return NULL;
    }
  g_close (fd, NULL);
  return g_steal_pointer (&temp_path);
}

gboolean
gs_safe_file_commit (const char  *temp_path,
                     const char  *path,
                     GError     **error)
{
  if (g_rename (temp_path, path) == 0)
    return TRUE;
  {
    int saved_errno = errno;
    g_unlink (temp_path);
    return set_write_error (error, path, saved_errno);
  }
}

void
gs_safe_file_abort (const char *temp_path)
{
  g_unlink (temp_path);
}

/**
 * gs_safe_file_write:
 *
 * Writes @contents to @path (owner-only) through a temporary file beside it.
 */
gboolean
gs_safe_file_write (const char  *path,
                    const char  *contents,
                    gsize        length,
                    GError     **error)
{
  g_autofree char *temp_path = gs_safe_file_begin (path, error);

  if (temp_path == NULL)
    return FALSE;
  if (!g_file_set_contents_full (temp_path, contents, (gssize) length, G_FILE_SET_CONTENTS_NONE, 0600, error))
    {
      gs_safe_file_abort (temp_path);
      return FALSE;
    }
  return gs_safe_file_commit (temp_path, path, error);
}
