/* gs-language.c — the language a process writes in
 *
 * Groundswell speaks English, Welsh and Spanish. Which one a process writes in is a property
 * of the process, not of a thread: gettext reads the LANGUAGE variable and the locale, and the
 * report, chart and questionnaire writers translate deep inside. So `--language=cy` is applied
 * by main() before the first string is translated, and the window writes a document in
 * another language than its own by running itself as a command in a child process
 * (src/gui/gs-window-output.c). The window's language never changes under a worker that is
 * writing a Welsh report, and gettext needs no lock of ours.
 *
 * The bilingual web questionnaire is the one document written in two languages by one
 * process: the command line switches language between the two passes with gs_language_use(),
 * which is safe there because no other thread translates.
 *
 * Dates and numbers follow the language too: gs_language_use() sets LC_TIME and LC_NUMERIC to
 * a locale of that language when the machine has one (month names, decimal commas in text).
 * Exchange files never go through the locale (json-glib and g_ascii_dtostr write numbers).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "gs-language.h"

typedef struct {
  const char *code;
  const char *name;          /* in the language itself: a person looks for their own */
  const char *locales[4];    /* tried in order for dates, numbers and messages */
} Language;

static const Language languages[] = {
  { "en", "English", { "en_GB.UTF-8", "en_GB.utf8", "en_US.UTF-8", NULL } },
  { "cy", "Cymraeg", { "cy_GB.UTF-8", "cy_GB.utf8", NULL } },
  { "es", "Español", { "es_ES.UTF-8", "es_ES.utf8", "es_MX.UTF-8", NULL } },
};

static const char *current_code;

G_DEFINE_QUARK (gs-language-error-quark, gs_language_error)

static const Language *
find_language (const char *code)
{
  for (gsize i = 0; code != NULL && i < G_N_ELEMENTS (languages); i++)
    if (g_str_equal (languages[i].code, code))
      return &languages[i];
  return NULL;
}

/* The languages Groundswell is translated into, English first. */
const char * const *
gs_language_codes (void)
{
  static const char *codes[] = { "en", "cy", "es", NULL };

  return codes;
}

/* The language's own name for itself ("Cymraeg"), or NULL for a code it does not know. */
const char *
gs_language_name (const char *code)
{
  const Language *language = find_language (code);

  return language != NULL ? language->name : NULL;
}

/* The code of the language this process writes in: the one last chosen with
 * gs_language_use(), else the first of the person's languages that Groundswell speaks. */
const char *
gs_language_current (void)
{
  const char * const *names = g_get_language_names ();

  if (current_code != NULL)
    return current_code;
  for (gsize i = 0; names[i] != NULL; i++)
    for (gsize j = 0; j < G_N_ELEMENTS (languages); j++)
      if (g_str_has_prefix (names[i], languages[j].code) &&
          (names[i][2] == '\0' || names[i][2] == '_' || names[i][2] == '.'))
        return languages[j].code;
  return "en";
}

/* Whether a document in @code must be written by another process: TRUE when @code names
 * another language than gs_language_current(); %NULL means this process's own. */
gboolean
gs_language_is_other (const char *code)
{
  return code != NULL && !g_str_equal (code, gs_language_current ());
}

/* Sets @category to a locale of @language, and says so in the environment too: GTK sets
 * the whole locale again from the environment when it starts (gtk_init), and must find the
 * same (gs_language_use() has turned LC_ALL, which would override it, into LANG). */
static gboolean
set_category (int             category,
              const char     *variable,
              const Language *language)
{
  for (gsize i = 0; language->locales[i] != NULL; i++)
    if (setlocale (category, language->locales[i]) != NULL)
      {
        g_setenv (variable, language->locales[i], TRUE);
        return TRUE;
      }
  return FALSE;
}

/* Whether Groundswell speaks CODE; if not, @error says which codes it knows. */
gboolean
gs_language_check (const char  *code,
                   GError     **error)
{
  if (find_language (code) != NULL)
    return TRUE;
  g_set_error (error, GS_LANGUAGE_ERROR, GS_LANGUAGE_ERROR_UNKNOWN,
               _("“%s” is not a language Groundswell speaks: use en (English), cy (Cymraeg) or es (Español)."), code);
  return FALSE;
}

/* Makes the process write in the language CODE ("en", "cy" or "es") from now on: its
 * messages, and its dates and numbers where the machine has a locale for it. Without such a
 * locale the messages are still translated (LANGUAGE, on a UTF-8 "C" locale), and dates keep
 * the locale the process had. */
gboolean
gs_language_use (const char  *code,
                 GError     **error)
{
  const Language *language = find_language (code);
  const char *all = g_getenv ("LC_ALL");

  if (!gs_language_check (code, error))
    return FALSE;
  /* LC_ALL would override the categories set below when GTK sets the locale again; as LANG
   * it keeps the others as they were and overrides none. */
  if (all != NULL && all[0] != '\0')
    {
      g_setenv ("LANG", all, TRUE);
      g_unsetenv ("LC_ALL");
    }
  g_setenv ("LANGUAGE", language->code, TRUE);
  if (!set_category (LC_MESSAGES, "LC_MESSAGES", language))
    {
      /* gettext ignores LANGUAGE under the "C" locale; English needs no catalogue at all. */
      const char *fallback = g_str_equal (language->code, "en") ? "C" : "C.UTF-8";

      setlocale (LC_MESSAGES, fallback);
      g_setenv ("LC_MESSAGES", fallback, TRUE);
    }
  set_category (LC_TIME, "LC_TIME", language);
  set_category (LC_NUMERIC, "LC_NUMERIC", language);
  /* Setting the text domain again tells gettext that its cached translations are stale. */
  textdomain (GETTEXT_PACKAGE);
  current_code = language->code;
  return TRUE;
}
