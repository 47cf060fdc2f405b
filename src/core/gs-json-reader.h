/* gs-json-reader.h — reading JSON with errors that say where: "file: $.a[2].b: what"
 *
 * Shared by the instrument loader and the exchange-format reader. A reader carries the
 * file's name, the JSON path of the node being read, and the error domain and codes to
 * report with. Every function that fails sets the error and returns FALSE or NULL.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef struct {
  const char  *name;          /* the file, as the user knows it */
  GString     *path;          /* "$", "$.domains[2]", … */
  GQuark       domain;
  int          missing_code;  /* the error code for a missing or empty member */
  int          type_code;     /* the error code for a member of the wrong type */
  GError     **error;
} GsJsonReader;

/* Called for each object of an array, with the reader's path at the element. */
typedef gboolean (*GsJsonEachFunc) (GsJsonReader *reader,
                                    JsonObject   *object,
                                    guint         index,
                                    gpointer      user_data);

void        gs_json_reader_init          (GsJsonReader *reader,
                                          const char   *name,
                                          GQuark        domain,
                                          int           missing_code,
                                          int           type_code,
                                          GError      **error);
void        gs_json_reader_clear         (GsJsonReader *reader);

gboolean    gs_json_reader_fail          (GsJsonReader *reader,
                                          int           code,
                                          const char   *format,
                                          ...) G_GNUC_PRINTF (3, 4);
gboolean    gs_json_reader_fail_at       (GsJsonReader *reader,
                                          const char   *member,
                                          int           code,
                                          const char   *format,
                                          ...) G_GNUC_PRINTF (4, 5);
gsize       gs_json_reader_enter_member  (GsJsonReader *reader,
                                          const char   *name);
gsize       gs_json_reader_enter_index   (GsJsonReader *reader,
                                          guint         index);
void        gs_json_reader_leave         (GsJsonReader *reader,
                                          gsize         mark);

const char *gs_json_type_name            (JsonNode     *node);

JsonNode   *gs_json_reader_member        (GsJsonReader *reader,
                                          JsonObject   *object,
                                          const char   *name,
                                          JsonNodeType  type,
                                          GType         value_type,
                                          gboolean      required);
gboolean    gs_json_reader_text          (GsJsonReader *reader,
                                          JsonObject   *object,
                                          const char   *name,
                                          gboolean      required,
                                          const char  **out);
gboolean    gs_json_reader_line          (GsJsonReader *reader,
                                          JsonObject   *object,
                                          const char   *name,
                                          gboolean      required,
                                          const char  **out);
JsonArray  *gs_json_reader_array         (GsJsonReader *reader,
                                          JsonObject   *object,
                                          const char   *name,
                                          gboolean      non_empty);
JsonObject *gs_json_reader_object        (GsJsonReader *reader,
                                          JsonObject   *object,
                                          const char   *name);
JsonObject *gs_json_reader_element_object (GsJsonReader *reader,
                                          JsonArray    *array,
                                          guint         index);
const char *gs_json_reader_element_string (GsJsonReader *reader,
                                          JsonArray    *array,
                                          guint         index);

gboolean    gs_json_reader_each_object   (GsJsonReader *reader,
                                          JsonObject   *parent,
                                          const char   *name,
                                          gboolean      non_empty,
                                          GsJsonEachFunc func,
                                          gpointer      user_data);

G_END_DECLS
