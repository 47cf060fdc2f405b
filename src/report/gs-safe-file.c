/* gs-safe-file.c — writing a file so that a failure never leaves half of it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gs-report"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

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
  g_autofree char *temp_path = g_strconcat (path, ".XXXXXX", NULL);
  int fd = g_mkstemp_full (temp_path, O_RDWR, 0600);

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
