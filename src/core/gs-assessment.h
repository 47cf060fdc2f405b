/* gs-assessment.h — one assessment of one organisation: respondents, answers, map texts, timeline
 *
 * The in-memory model that the store loads and saves, the scoring engine reads and the
 * exchange formats write. Answers refer to items by id, so an assessment outlives changes
 * to the instrument.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "gs-plan.h"

G_BEGIN_DECLS

typedef enum {
  GS_ANSWER_NONE,            /* not answered yet */
  GS_ANSWER_VALUE,           /* a point on the scale, 1 … 5 */
  GS_ANSWER_DONT_KNOW,
  GS_ANSWER_NOT_APPLICABLE,
} GsAnswerStatus;

typedef struct {
  const char     *item_id;   /* interned */
  GsAnswerStatus  status;
  int             value;     /* 1 … 5 when status is GS_ANSWER_VALUE, else 0 */
  char           *note;      /* the evidence note; never NULL */
} GsAnswer;

typedef struct {
  char       *uuid;
  char       *name;          /* a name or an anonymous code */
  char       *group;         /* "" when the respondent belongs to no group */
  GHashTable *answers;       /* item id → GsAnswer* */
  char       *saved;         /* when the answers were last saved, "YYYY-MM-DDTHH:MM:SSZ"; NULL: unknown */
} GsRespondent;

typedef enum {
  GS_EVENT_TRIGGER,
  GS_EVENT_MILESTONE,
  GS_EVENT_SETBACK,
  GS_EVENT_COALITION,
  GS_EVENT_MEASUREMENT,
  GS_N_EVENT_KINDS
} GsEventKind;

typedef struct {
  char        *uuid;
  char        *date;           /* YYYY-MM-DD */
  int          stage;          /* 1 … 3, or 0 when not given */
  GsEventKind  kind;
  char        *title;
  char        *note;
  double       participation;  /* % of staff taking part, or NAN */
  int          change_agents;  /* active change agents, or -1 */
} GsTimelineEvent;

#define GS_TYPE_ASSESSMENT (gs_assessment_get_type ())
G_DECLARE_FINAL_TYPE (GsAssessment, gs_assessment, GS, ASSESSMENT, GObject)

const char     *gs_event_kind_to_string          (GsEventKind     kind);
gboolean        gs_event_kind_from_string        (const char     *text,
                                                  GsEventKind    *kind);
const char     *gs_answer_status_to_string       (GsAnswerStatus  status);
gboolean        gs_answer_status_from_string     (const char     *text,
                                                  GsAnswerStatus *status);
gboolean        gs_date_is_valid                 (const char     *date);
char           *gs_format_date                   (const char     *date);

GsAssessment   *gs_assessment_new                (const char     *uuid,
                                                  const char     *organisation_uuid,
                                                  const char     *organisation_name,
                                                  const char     *title,
                                                  const char     *date,
                                                  const char     *instrument_id,
                                                  int             instrument_version);

const char     *gs_assessment_get_uuid           (GsAssessment   *self);
const char     *gs_assessment_get_organisation_uuid (GsAssessment *self);
const char     *gs_assessment_get_organisation_name (GsAssessment *self);
const char     *gs_assessment_get_title          (GsAssessment   *self);
const char     *gs_assessment_get_date           (GsAssessment   *self);
const char     *gs_assessment_get_instrument_id  (GsAssessment   *self);
int             gs_assessment_get_instrument_version (GsAssessment *self);

GPtrArray      *gs_assessment_get_respondents    (GsAssessment   *self);
GsRespondent   *gs_assessment_add_respondent     (GsAssessment   *self,
                                                  const char     *uuid,
                                                  const char     *name,
                                                  const char     *group);
GsRespondent   *gs_assessment_lookup_respondent  (GsAssessment   *self,
                                                  const char     *uuid);

void            gs_respondent_set_answer         (GsRespondent   *respondent,
                                                  const char     *item_id,
                                                  GsAnswerStatus  status,
                                                  int             value,
                                                  const char     *note);
const GsAnswer *gs_respondent_get_answer         (GsRespondent   *respondent,
                                                  const char     *item_id);
GPtrArray      *gs_respondent_get_sorted_answers (GsRespondent   *respondent);

GHashTable     *gs_assessment_get_polarity_texts (GsAssessment   *self);
void            gs_assessment_set_polarity_text  (GsAssessment   *self,
                                                  const char     *key,
                                                  const char     *text);

GPtrArray      *gs_assessment_get_events         (GsAssessment   *self);
GsTimelineEvent *gs_assessment_add_event         (GsAssessment   *self,
                                                  const char     *uuid,
                                                  const char     *date,
                                                  GsEventKind     kind,
                                                  const char     *title);

GPtrArray      *gs_assessment_get_actions        (GsAssessment   *self);
GPtrArray      *gs_assessment_get_signals        (GsAssessment   *self);

/* Names, titles and groups are one line of text: the first control character, or NULL. */
const char     *gs_text_find_control            (const char     *text);

/* Respondents from another copy of the same assessment, and a copy with new ids. */
typedef enum {
  GS_MERGE_REFUSE_CHANGES,   /* a respondent whose answers differ is a conflict */
  GS_MERGE_REPLACE_OLDER,    /* … unless the incoming answers were saved later: they replace */
} GsMergePolicy;

typedef struct {
  GPtrArray *added;          /* of incoming GsRespondent*: new to the assessment */
  GPtrArray *updated;        /* … already there, with answers added or replaced */
  guint      unchanged;      /* already there with the same answers */
} GsMerge;

gboolean      gs_assessment_merge_responses (GsAssessment  *target,
                                           GsAssessment    *incoming,
                                           GsMergePolicy    policy,
                                           GsMerge         *merge,
                                           GError         **error);
void          gs_merge_clear              (GsMerge         *merge);
GsAssessment *gs_assessment_copy_as_new   (GsAssessment    *assessment);
GsAssessment *gs_assessment_new_like      (GsAssessment    *assessment);
GsRespondent *gs_assessment_find_respondent_by_name (GsAssessment *self,
                                                    const char   *name);

G_END_DECLS
