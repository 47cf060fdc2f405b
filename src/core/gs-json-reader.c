/* gs-json-reader.c — reading JSON with errors that say where
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gs-json-reader"

#include "config.h"

#include "gs-assessment.h"
#include "gs-json-reader.h"

void
gs_json_reader_init (GsJsonReader *reader,
                     const char   *name,
                     GQuark        domain,
                     int           missing_code,
                     int           type_code,
                     GError      **error)
{
  reader->name = name;
  reader->path = g_string_new ("$");
  reader->domain = domain;
  reader->missing_code = missing_code;
  reader->type_code = type_code;
  reader->error = error;
}

void
gs_json_reader_clear (GsJsonReader *reader)
{
  if (reader->path != NULL)
    g_string_free (reader->path, TRUE);
  reader->path = NULL;
}

G_GNUC_PRINTF (3, 0)
static gboolean
fail_valist (GsJsonReader *reader,
             int           code,
             const char   *format,
             va_list       args)
{
  g_autofree char *message = g_strdup_vprintf (format, args);

  g_set_error (reader->error, reader->domain, code, "%s: %s: %s", reader->name, reader->path->str, message);
  return FALSE;
}

/* Always returns FALSE, so that callers can `return gs_json_reader_fail (…)`. */
gboolean
gs_json_reader_fail (GsJsonReader *reader,
                     int           code,
                     const char   *format,
                     ...)
{
  va_list args;

  va_start (args, format);
  fail_valist (reader, code, format, args);
  va_end (args);
  return FALSE;
}

/* Fails at @member of the current node: "$.a.member: …". */
gboolean
gs_json_reader_fail_at (GsJsonReader *reader,
                        const char   *member,
                        int           code,
                        const char   *format,
                        ...)
{
  gsize mark = gs_json_reader_enter_member (reader, member);
  va_list args;

  va_start (args, format);
  fail_valist (reader, code, format, args);
  va_end (args);
  gs_json_reader_leave (reader, mark);
  return FALSE;
}

gsize
gs_json_reader_enter_member (GsJsonReader *reader,
                             const char   *name)
{
  gsize mark = reader->path->len;

  g_string_append_printf (reader->path, ".%s", name);
  return mark;
}

gsize
gs_json_reader_enter_index (GsJsonReader *reader,
                            guint         index)
{
  gsize mark = reader->path->len;

  g_string_append_printf (reader->path, "[%u]", index);
  return mark;
}

void
gs_json_reader_leave (GsJsonReader *reader,
                      gsize         mark)
{
  g_string_truncate (reader->path, mark);
}

const char *
gs_json_type_name (JsonNode *node)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    return "an object";
  if (JSON_NODE_HOLDS_ARRAY (node))
    return "an array";
  if (JSON_NODE_HOLDS_NULL (node))
    return "null";
  if (json_node_get_value_type (node) == G_TYPE_STRING)
    return "a string";
  if (json_node_get_value_type (node) == G_TYPE_BOOLEAN)
    return "true or false";
  return "a number";
}

static const char *
expected_name (JsonNodeType type,
               GType        value_type)
{
  if (type == JSON_NODE_OBJECT)
    return "an object";
  if (type == JSON_NODE_ARRAY)
    return "an array";
  if (value_type == G_TYPE_STRING)
    return "a string";
  if (value_type == G_TYPE_BOOLEAN)
    return "true or false";
  if (value_type == G_TYPE_INT64)
    return "a whole number";
  return "a number";
}

/**
 * gs_json_reader_member:
 * @value_type: for %JSON_NODE_VALUE: %G_TYPE_STRING, %G_TYPE_BOOLEAN, %G_TYPE_INT64, or
 *   %G_TYPE_DOUBLE (which accepts whole numbers too)
 *
 * Returns: (nullable): the member if it has the expected type; %NULL with the error set,
 *   or %NULL with no error when an optional member is absent
 */
JsonNode *
gs_json_reader_member (GsJsonReader *reader,
                       JsonObject   *object,
                       const char   *name,
                       JsonNodeType  type,
                       GType         value_type,
                       gboolean      required)
{
  JsonNode *node = json_object_get_member (object, name);
  gboolean ok;

  if (node == NULL)
    {
      if (required)
        gs_json_reader_fail (reader, reader->missing_code, "“%s” is missing", name);
      return NULL;
    }

  ok = JSON_NODE_TYPE (node) == type &&
       (type != JSON_NODE_VALUE || json_node_get_value_type (node) == value_type ||
        (value_type == G_TYPE_DOUBLE && json_node_get_value_type (node) == G_TYPE_INT64));
  if (!ok)
    {
      gs_json_reader_fail_at (reader, name, reader->type_code, "expected %s, found %s",
                              expected_name (type, value_type), gs_json_type_name (node));
      return NULL;
    }
  /* json-glib turns some escapes that JSON does not have (such as "\220") into bytes that
   * are not UTF-8; such text must not get in, or writing it out would make a broken file. */
  if (value_type == G_TYPE_STRING && !g_utf8_validate (json_node_get_string (node), -1, NULL))
    {
      gs_json_reader_fail_at (reader, name, reader->type_code, "the text is not valid UTF-8 (a backslash escape in it is not JSON)");
      return NULL;
    }
  return node;
}

static gboolean
is_blank (const char *text)
{
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

/**
 * gs_json_reader_text:
 * @out: (out) (transfer none): the text, owned by the JSON tree; %NULL when an optional
 *   member is absent
 *
 * Reads a string member that must not be blank.
 */
gboolean
gs_json_reader_text (GsJsonReader *reader,
                     JsonObject   *object,
                     const char   *name,
                     gboolean      required,
                     const char  **out)
{
  JsonNode *node = gs_json_reader_member (reader, object, name, JSON_NODE_VALUE, G_TYPE_STRING, required);

  *out = NULL;
  if (node == NULL)
    return !required && json_object_get_member (object, name) == NULL;
  if (is_blank (json_node_get_string (node)))
    return gs_json_reader_fail_at (reader, name, reader->missing_code, "the text is empty");
  *out = json_node_get_string (node);
  return TRUE;
}

/**
 * gs_json_reader_line:
 *
 * Like gs_json_reader_text(), for a name, title or group: one line, no control characters.
 */
gboolean
gs_json_reader_line (GsJsonReader *reader,
                     JsonObject   *object,
                     const char   *name,
                     gboolean      required,
                     const char  **out)
{
  const char *control;

  if (!gs_json_reader_text (reader, object, name, required, out))
    return FALSE;
  if (*out != NULL && (control = gs_text_find_control (*out)) != NULL)
    return gs_json_reader_fail_at (reader, name, reader->type_code,
                                   "a name or title is one line: found the control character U+%04X",
                                   (guint) g_utf8_get_char (control));
  return TRUE;
}

JsonArray *
gs_json_reader_array (GsJsonReader *reader,
                      JsonObject   *object,
                      const char   *name,
                      gboolean      non_empty)
{
  JsonNode *node = gs_json_reader_member (reader, object, name, JSON_NODE_ARRAY, G_TYPE_INVALID, TRUE);

  if (node == NULL)
    return NULL;
  if (non_empty && json_array_get_length (json_node_get_array (node)) == 0)
    {
      gs_json_reader_fail (reader, reader->missing_code, "“%s” is empty", name);
      return NULL;
    }
  return json_node_get_array (node);
}

JsonObject *
gs_json_reader_object (GsJsonReader *reader,
                       JsonObject   *object,
                       const char   *name)
{
  JsonNode *node = gs_json_reader_member (reader, object, name, JSON_NODE_OBJECT, G_TYPE_INVALID, TRUE);

  return node != NULL ? json_node_get_object (node) : NULL;
}

/* The array's element @index as an object; the caller has entered "[index]". */
JsonObject *
gs_json_reader_element_object (GsJsonReader *reader,
                               JsonArray    *array,
                               guint         index)
{
  JsonNode *node = json_array_get_element (array, index);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      gs_json_reader_fail (reader, reader->type_code, "expected an object, found %s", gs_json_type_name (node));
      return NULL;
    }
  return json_node_get_object (node);
}

/* The array's element @index as a string; the caller has entered "[index]". */
const char *
gs_json_reader_element_string (GsJsonReader *reader,
                               JsonArray    *array,
                               guint         index)
{
  JsonNode *node = json_array_get_element (array, index);

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      gs_json_reader_fail (reader, reader->type_code, "expected a string, found %s", gs_json_type_name (node));
      return NULL;
    }
  if (!g_utf8_validate (json_node_get_string (node), -1, NULL))
    {
      gs_json_reader_fail (reader, reader->type_code, "the text is not valid UTF-8 (a backslash escape in it is not JSON)");
      return NULL;
    }
  return json_node_get_string (node);
}

/**
 * gs_json_reader_each_object:
 * @name: the array member of @parent
 * @non_empty: whether an empty array is an error
 *
 * Reads every element of an array of objects with @func, the path following along
 * ("$.name[3]"), stopping at the first failure.
 */
gboolean
gs_json_reader_each_object (GsJsonReader   *reader,
                            JsonObject     *parent,
                            const char     *name,
                            gboolean        non_empty,
                            GsJsonEachFunc  func,
                            gpointer        user_data)
{
  JsonArray *array = gs_json_reader_array (reader, parent, name, non_empty);
  gsize mark;

  if (array == NULL)
    return FALSE;
  mark = gs_json_reader_enter_member (reader, name);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      gsize index_mark = gs_json_reader_enter_index (reader, i);
      JsonObject *object = gs_json_reader_element_object (reader, array, i);

      if (object == NULL || !func (reader, object, i, user_data))
        return FALSE;
      gs_json_reader_leave (reader, index_mark);
    }
  gs_json_reader_leave (reader, mark);
  return TRUE;
}
