/* bench-startup-app.c — bench-startup's Groundswell side: the application, as main.c starts
 * it, given `--database` and the file named by its one argument
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "bench-first-frame.h"
#include "gui/gs-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GsApplication) app = NULL;
  /* As a user opens another database: the option also makes the application non-unique,
   * as the bare window is, so that neither claims a name on the session bus. */
  char *app_argv[] = { argv[0], (char *) "--database", argv[argc - 1], NULL };

  if (argc != 2)
    {
      g_printerr ("usage: bench-startup-app DATABASE\n");
      return 2;
    }
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("GS_LOCALEDIR") != NULL ? g_getenv ("GS_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  app = gs_application_new ();
  bench_report_first_frame (GTK_APPLICATION (app));
  return g_application_run (G_APPLICATION (app), G_N_ELEMENTS (app_argv) - 1, app_argv);
}
