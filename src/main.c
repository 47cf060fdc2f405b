/* main.c — Groundswell's entry point: everything else lives in the library
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "core/gs-language.h"
#include "gui/gs-application.h"

/* `--language=cy`: chosen here, before the first string is translated (gs-language.c says
 * why a language belongs to the whole process). gs-cli.c declares the option for --help. */
static gboolean
use_language_option (int    argc,
                     char **argv)
{
  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GError) error = NULL;
      const char *code = NULL;

      if (g_str_has_prefix (argv[i], "--language="))
        code = argv[i] + strlen ("--language=");
      else if (g_str_equal (argv[i], "--language") && i + 1 < argc)
        code = argv[i + 1];
      if (code != NULL && !gs_language_use (code, &error))
        {
          g_printerr ("groundswell: %s\n", error->message);
          return FALSE;
        }
    }
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GsApplication) app = NULL;

  setlocale (LC_ALL, "");
  /* GS_LOCALEDIR: the catalogues built in the build folder, for build-aux/run and the tests. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("GS_LOCALEDIR") != NULL ? g_getenv ("GS_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  if (!use_language_option (argc, argv))
    return 1;

  app = gs_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
