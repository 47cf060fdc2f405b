/* gs-questionnaire.h — the questions on paper, for respondents who answer with a pen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "core/gs-assessment.h"
#include "core/gs-instrument.h"
#include "gs-report.h"

G_BEGIN_DECLS

gboolean gs_questionnaire_write_pdf (GsInstrument  *instrument,
                                     GsAssessment  *assessment,
                                     GsPaper        paper,
                                     const char    *path,
                                     GError       **error);

G_END_DECLS
