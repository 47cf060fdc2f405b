/* gs-safe-file.h — writing a file so that a failure never leaves half of it
 *
 * Write to the temporary file gs_safe_file_begin() names (beside the target, owner-only),
 * then gs_safe_file_commit() renames it into place, or gs_safe_file_abort() removes it: a
 * failed or cancelled export never leaves a half-written file or destroys the old one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

char     *gs_safe_file_begin  (const char  *path,
                               GError     **error);
gboolean  gs_safe_file_commit (const char  *temp_path,
                               const char  *path,
                               GError     **error);
void      gs_safe_file_abort  (const char  *temp_path);
gboolean  gs_safe_file_write  (const char  *path,
                               const char  *contents,
                               gsize        length,
                               GError     **error);

G_END_DECLS
