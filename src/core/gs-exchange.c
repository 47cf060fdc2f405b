/* gs-exchange.c — assessments in and out: reading and writing files, the checks JSON and
 * CSV share
 *
 * Writers are deterministic (respondents in order, answers by item id, map texts by key),
 * so that serialising, parsing and serialising again gives the same bytes. Readers build a
 * new GsAssessment and hand it over only when the whole file is valid. The formats are in
 * gs-exchange-json.c and gs-exchange-csv.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gs-exchange"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gs-exchange-private.h"
#include "gs-safe-file.h"

G_DEFINE_QUARK (gs-exchange-error-quark, gs_exchange_error)

/* --- Shared checks ------------------------------------------------------------------ */

/* Refuses text that is not UTF-8, naming the line of the first bad byte. */
gboolean
gs_exchange_check_utf8 (const char  *data,
                        gsize        length,
                        const char  *name,
                        GError     **error)
{
  const char *end = NULL;
  guint line = 1;

  if (g_utf8_validate_len (data, length, &end))
    return TRUE;
  for (const char *p = data; p < end; p++)
    if (*p == '\n')
      line++;
  g_set_error (error, GS_EXCHANGE_ERROR, GS_EXCHANGE_ERROR_ENCODING,
               _("%s: line %u: the text is not UTF-8 (byte %lu); save the file as UTF-8 and import it again"),
               name, line, (unsigned long) (end - data) + 1);
  return FALSE;
}

gboolean
gs_exchange_check_size (gsize        length,
                        const char  *name,
                        GError     **error)
{
  if (length <= GS_EXCHANGE_MAX_BYTES)
    return TRUE;
  g_set_error (error, GS_EXCHANGE_ERROR, GS_EXCHANGE_ERROR_TOO_LARGE,
               _("%s: the file is %lu MB, larger than any assessment (at most %d MB)"),
               name, (unsigned long) (length / (1024 * 1024)), GS_EXCHANGE_MAX_BYTES / (1024 * 1024));
  return FALSE;
}

/* How deep a Groundswell file nests: the assessment, its respondents, an answer — five
 * levels; the limit leaves room to spare and stops a file of 100,000 '[' from exhausting the
 * stack of the JSON parser, which recurses once per level. */
#define MAX_JSON_DEPTH 32

/* Refuses JSON nested deeper than any Groundswell file, or with a NUL character in a text,
 * before it is parsed. */
gboolean
gs_exchange_check_nesting (const char  *data,
                           gsize        length,
                           const char  *name,
                           GError     **error)
{
  gboolean in_string = FALSE, escaped = FALSE;
  guint depth = 0, line = 1;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (c == '\n')
        line++;
      if (in_string)
        {
          /* json-glib cuts a string at \u0000 without a word: refuse it instead. */
          if (escaped && c == 'u' && i + 4 < length && memcmp (data + i + 1, "0000", 4) == 0)
            {
              g_set_error (error, GS_EXCHANGE_ERROR, GS_EXCHANGE_ERROR_INVALID,
                           _("%s: line %u: a text holds the character \\u0000, which no text may hold"), name, line);
              return FALSE;
            }
          if (escaped)
            escaped = FALSE;
          else if (c == '\\')
            escaped = TRUE;
          else if (c == '"')
            in_string = FALSE;
          continue;
        }
      if (c == '"')
        in_string = TRUE;
      else if ((c == '[' || c == '{') && ++depth > MAX_JSON_DEPTH)
        {
          g_set_error (error, GS_EXCHANGE_ERROR, GS_EXCHANGE_ERROR_PARSE,
                       _("%s: line %u: the JSON is nested deeper than any Groundswell file (more than %d levels)"),
                       name, line, MAX_JSON_DEPTH);
          return FALSE;
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }
  return TRUE;
}

/* The scale allows this answer: a value 1–5, or don't know / not applicable if offered. */
gboolean
gs_exchange_scale_allows (const GsItem   *item,
                          GsAnswerStatus  status)
{
  return status == GS_ANSWER_VALUE ||
         (status == GS_ANSWER_DONT_KNOW && item->scale->allows_dont_know) ||
         (status == GS_ANSWER_NOT_APPLICABLE && item->scale->allows_not_applicable);
}

/* Reads @file, which its size says holds @size bytes, and never more: a file that grows
 * while it is read is refused rather than followed. */
static char *
read_at_most (GFile       *file,
              gsize        size,
              const char  *path,
              gsize       *length,
              GError     **error)
{
  g_autoptr(GFileInputStream) in = g_file_read (file, NULL, error);
  g_autofree char *contents = NULL;

  if (in == NULL)
    return NULL;
  contents = g_malloc (size + 1);
  if (!g_input_stream_read_all (G_INPUT_STREAM (in), contents, size + 1, length, NULL, error))
    return NULL;
  if (*length > size)
    {
      g_set_error (error, GS_EXCHANGE_ERROR, GS_EXCHANGE_ERROR_TOO_LARGE,
                   _("%s: the file grew while it was being read; import it again once it is complete"), path);
      return NULL;
    }
  contents[*length] = '\0';
  return g_steal_pointer (&contents);
}

/**
 * gs_exchange_load:
 * @length: (out): the contents' length
 *
 * Reads the file at @path whole, refusing a device, a pipe, a folder or a file larger than
 * any assessment before reading it.
 *
 * Returns: (transfer full) (nullable): the contents, NUL-terminated
 */
char *
gs_exchange_load (const char  *path,
                  gsize       *length,
                  GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = NULL;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, NULL, error);
  if (info == NULL)
    return NULL;
  /* A device, a pipe or a folder has no size to check: /dev/zero would be read for ever. */
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, GS_EXCHANGE_ERROR, GS_EXCHANGE_ERROR_FORMAT,
                   _("%s: not a file but a device, pipe or folder; choose the exported .json or .csv file"), path);
      return NULL;
    }
  if (!gs_exchange_check_size ((gsize) g_file_info_get_size (info), path, error))
    return NULL;
  return read_at_most (file, (gsize) g_file_info_get_size (info), path, length, error);
}

/**
 * gs_exchange_read_file:
 * @kind: (out): what the file holds; CSV always holds a whole assessment
 *
 * Reads a .json or .csv file, refusing a file larger than any assessment before reading it.
 */
GsAssessment *
gs_exchange_read_file (GsInstrument    *instrument,
                       const char      *path,
                       GsExchangeKind  *kind,
                       GError         **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *lower = g_ascii_strdown (path, -1);
  gsize length = 0;

  *kind = GS_EXCHANGE_ASSESSMENT;
  if (!g_str_has_suffix (lower, ".json") && !g_str_has_suffix (lower, ".csv"))
    {
      g_set_error (error, GS_EXCHANGE_ERROR, GS_EXCHANGE_ERROR_FORMAT,
                   _("%s: expected a Groundswell .json or .csv file"), path);
      return NULL;
    }
  if ((contents = gs_exchange_load (path, &length, error)) == NULL)
    return NULL;

  if (g_str_has_suffix (lower, ".csv"))
    return gs_exchange_read_csv (instrument, contents, length, path, error);
  return gs_exchange_read_json (instrument, contents, length, path, kind, error);
}

/* Whether @path names a file we can export to: it must end in .json or .csv. */
gboolean
gs_exchange_check_export_path (const char  *path,
                               GError     **error)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  if (g_str_has_suffix (lower, ".json") || g_str_has_suffix (lower, ".csv"))
    return TRUE;
  g_set_error (error, GS_EXCHANGE_ERROR, GS_EXCHANGE_ERROR_FORMAT,
               _("Cannot export to “%s”: the file name must end in .json or .csv"), path);
  return FALSE;
}

/**
 * gs_exchange_write_file:
 *
 * Writes @assessment as JSON or CSV, by the file name's ending, to a temporary file beside
 * @path renamed into place (owner-only): a failed export never leaves half a file or
 * destroys the one that was there.
 */
gboolean
gs_exchange_write_file (GsInstrument  *instrument,
                        GsAssessment  *assessment,
                        const char    *path,
                        GError       **error)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);
  g_autofree char *text = NULL;

  if (!gs_exchange_check_export_path (path, error))
    return FALSE;
  text = g_str_has_suffix (lower, ".csv") ? gs_exchange_write_csv (instrument, assessment)
                                          : gs_exchange_write_json (assessment, GS_EXCHANGE_ASSESSMENT);
  return gs_safe_file_write (path, text, strlen (text), error);
}
