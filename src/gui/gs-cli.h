/* gs-cli.h — the headless command line: --list, --demo, --import, --export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

void     gs_cli_add_options (GApplication *application);
gboolean gs_cli_run         (GVariantDict *options,
                             const char   *database_path,
                             int          *exit_status);

G_END_DECLS
