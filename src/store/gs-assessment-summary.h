/* gs-assessment-summary.h — one row of the assessment list: what the library shows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define GS_TYPE_ASSESSMENT_SUMMARY (gs_assessment_summary_get_type ())
G_DECLARE_FINAL_TYPE (GsAssessmentSummary, gs_assessment_summary, GS, ASSESSMENT_SUMMARY, GObject)

GsAssessmentSummary *gs_assessment_summary_new (gint64      id,
                                                const char *uuid,
                                                gint64      organisation_id,
                                                const char *organisation_name,
                                                const char *title,
                                                const char *date,
                                                const char *instrument_id,
                                                int         instrument_version,
                                                guint       n_respondents,
                                                guint       n_answers);

gint64      gs_assessment_summary_get_id                (GsAssessmentSummary *self);
const char *gs_assessment_summary_get_uuid              (GsAssessmentSummary *self);
gint64      gs_assessment_summary_get_organisation_id   (GsAssessmentSummary *self);
const char *gs_assessment_summary_get_organisation_name (GsAssessmentSummary *self);
const char *gs_assessment_summary_get_title             (GsAssessmentSummary *self);
const char *gs_assessment_summary_get_date              (GsAssessmentSummary *self);
const char *gs_assessment_summary_get_instrument_id     (GsAssessmentSummary *self);
double      gs_assessment_summary_get_share_answered   (GsAssessmentSummary *self);
guint       gs_assessment_summary_get_n_respondents     (GsAssessmentSummary *self);
guint       gs_assessment_summary_get_n_answers         (GsAssessmentSummary *self);

G_END_DECLS
