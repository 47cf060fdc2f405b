/* gs-assessment-summary.c — one row of the assessment list
 *
 * Immutable: the store replaces a summary when its assessment changes, so list items
 * bound to these properties never see a half-updated row.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gs-store"

#include "config.h"

#include "gs-assessment-summary.h"
#include "core/gs-instrument.h"

struct _GsAssessmentSummary
{
  GObject  parent_instance;

  gint64   id;
  char    *uuid;
  gint64   organisation_id;
  char    *organisation_name;
  char    *title;
  char    *date;
  char    *instrument_id;
  int      instrument_version;
  guint    n_respondents;
  guint    n_answers;
};

G_DEFINE_FINAL_TYPE (GsAssessmentSummary, gs_assessment_summary, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ORGANISATION_NAME,
  PROP_TITLE,
  PROP_DATE,
  PROP_N_RESPONDENTS,
  PROP_N_ANSWERS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
gs_assessment_summary_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  GsAssessmentSummary *self = GS_ASSESSMENT_SUMMARY (object);

  switch (prop_id)
    {
    case PROP_ORGANISATION_NAME:
      g_value_set_string (value, self->organisation_name);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;
    case PROP_N_RESPONDENTS:
      g_value_set_uint (value, self->n_respondents);
      break;
    case PROP_N_ANSWERS:
      g_value_set_uint (value, self->n_answers);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gs_assessment_summary_finalize (GObject *object)
{
  GsAssessmentSummary *self = GS_ASSESSMENT_SUMMARY (object);

  g_free (self->uuid);
  g_free (self->organisation_name);
  g_free (self->title);
  g_free (self->date);
  g_free (self->instrument_id);

  G_OBJECT_CLASS (gs_assessment_summary_parent_class)->finalize (object);
}

static void
gs_assessment_summary_class_init (GsAssessmentSummaryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = gs_assessment_summary_get_property;
  object_class->finalize = gs_assessment_summary_finalize;

  properties[PROP_ORGANISATION_NAME] =
    g_param_spec_string ("organisation-name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DATE] =
    g_param_spec_string ("date", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_RESPONDENTS] =
    g_param_spec_uint ("n-respondents", NULL, NULL, 0, G_MAXUINT, 0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ANSWERS] =
    g_param_spec_uint ("n-answers", NULL, NULL, 0, G_MAXUINT, 0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gs_assessment_summary_init (GsAssessmentSummary *self)
{
}

GsAssessmentSummary *
gs_assessment_summary_new (gint64      id,
                           const char *uuid,
                           gint64      organisation_id,
                           const char *organisation_name,
                           const char *title,
                           const char *date,
                           const char *instrument_id,
                           int         instrument_version,
                           guint       n_respondents,
                           guint       n_answers)
{
  GsAssessmentSummary *self = g_object_new (GS_TYPE_ASSESSMENT_SUMMARY, NULL);

  self->id = id;
  self->uuid = g_strdup (uuid);
  self->organisation_id = organisation_id;
  self->organisation_name = g_strdup (organisation_name);
  self->title = g_strdup (title);
  self->date = g_strdup (date);
  self->instrument_id = g_strdup (instrument_id);
  self->instrument_version = instrument_version;
  self->n_respondents = n_respondents;
  self->n_answers = n_answers;
  return self;
}

gint64
gs_assessment_summary_get_id (GsAssessmentSummary *self)
{
  g_return_val_if_fail (GS_IS_ASSESSMENT_SUMMARY (self), 0);
  return self->id;
}

const char *
gs_assessment_summary_get_uuid (GsAssessmentSummary *self)
{
  g_return_val_if_fail (GS_IS_ASSESSMENT_SUMMARY (self), NULL);
  return self->uuid;
}

gint64
gs_assessment_summary_get_organisation_id (GsAssessmentSummary *self)
{
  g_return_val_if_fail (GS_IS_ASSESSMENT_SUMMARY (self), 0);
  return self->organisation_id;
}

const char *
gs_assessment_summary_get_organisation_name (GsAssessmentSummary *self)
{
  g_return_val_if_fail (GS_IS_ASSESSMENT_SUMMARY (self), NULL);
  return self->organisation_name;
}

const char *
gs_assessment_summary_get_title (GsAssessmentSummary *self)
{
  g_return_val_if_fail (GS_IS_ASSESSMENT_SUMMARY (self), NULL);
  return self->title;
}

const char *
gs_assessment_summary_get_date (GsAssessmentSummary *self)
{
  g_return_val_if_fail (GS_IS_ASSESSMENT_SUMMARY (self), NULL);
  return self->date;
}

const char *
gs_assessment_summary_get_instrument_id (GsAssessmentSummary *self)
{
  g_return_val_if_fail (GS_IS_ASSESSMENT_SUMMARY (self), NULL);
  return self->instrument_id;
}

guint
gs_assessment_summary_get_n_respondents (GsAssessmentSummary *self)
{
  g_return_val_if_fail (GS_IS_ASSESSMENT_SUMMARY (self), 0);
  return self->n_respondents;
}

guint
gs_assessment_summary_get_n_answers (GsAssessmentSummary *self)
{
  g_return_val_if_fail (GS_IS_ASSESSMENT_SUMMARY (self), 0);
  return self->n_answers;
}

/* The share of the possible answers given (0–100): each respondent answering every item of
 * the version of the questions this assessment was answered with. */
double
gs_assessment_summary_get_share_answered (GsAssessmentSummary *self)
{
  g_autoptr(GsInstrument) instrument = NULL;
  guint n_items;

  g_return_val_if_fail (GS_IS_ASSESSMENT_SUMMARY (self), 0);
  if (self->n_respondents == 0 ||
      (instrument = gs_instrument_lookup (self->instrument_id, self->instrument_version, NULL)) == NULL ||
      (n_items = gs_instrument_get_items (instrument)->len) == 0)
    return 0;
  return 100.0 * self->n_answers / ((double) self->n_respondents * n_items);
}
