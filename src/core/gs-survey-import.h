/* gs-survey-import.h — answers from a survey platform's wide CSV export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gs-assessment.h"
#include "gs-instrument.h"

G_BEGIN_DECLS

typedef struct _GsSurveyMapping GsSurveyMapping;

GsSurveyMapping *gs_survey_mapping_new      (GsInstrument          *instrument,
                                             GPtrArray             *header,
                                             const char            *name_column,
                                             const char            *group_column);
char            *gs_survey_mapping_describe (const GsSurveyMapping *mapping);
void             gs_survey_mapping_free     (GsSurveyMapping       *mapping);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsSurveyMapping, gs_survey_mapping_free)

GsAssessment    *gs_survey_read             (GsInstrument          *instrument,
                                             GsAssessment          *target,
                                             const char            *data,
                                             gsize                  length,
                                             const char            *name,
                                             const char            *name_column,
                                             const char            *group_column,
                                             char                 **summary,
                                             GError               **error);
GStrv            gs_survey_read_columns     (GsInstrument          *instrument,
                                             const char            *data,
                                             gsize                  length,
                                             const char            *name,
                                             int                   *name_index,
                                             int                   *group_index,
                                             GError               **error);
char            *gs_survey_write_template   (GsInstrument          *instrument);

G_END_DECLS
