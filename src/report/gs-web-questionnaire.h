/* gs-web-questionnaire.h — the questions as one web page, for respondents on other computers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "core/gs-assessment.h"
#include "core/gs-instrument.h"
#include "store/gs-store.h"

G_BEGIN_DECLS

/* Who the page is for: all NULL for anyone (the respondent types a name, and the page makes
 * up an id), or the id, name and group of a respondent already in the assessment. */
typedef struct {
  const char *uuid;
  const char *name;
  const char *group;
  const char *second_language;  /* NULL, or a language the page also offers (gs-web-bilingual.c) */
} GsWebRespondent;

char     *gs_web_questionnaire_script_data (JsonNode      *root);
char     *gs_web_questionnaire_build (GsInstrument          *instrument,
                                      GsAssessment          *assessment,
                                      const GsWebRespondent *respondent);
gboolean  gs_web_questionnaire_write (GsInstrument          *instrument,
                                      GsAssessment          *assessment,
                                      const GsWebRespondent *respondent,
                                      const char            *path,
                                      GError               **error);
gboolean  gs_web_questionnaire_send  (GsStore               *store,
                                      GsInstrument          *instrument,
                                      gint64                 assessment_id,
                                      const char            *name,
                                      const char            *group,
                                      const char            *second_language,
                                      const char            *path,
                                      GError               **error);

G_END_DECLS
