/* gs-scoring.h — what the answers mean: scores, aggregates, agreement, stage, suggestions
 *
 * Pure functions of an instrument and an assessment. Every formula is written down in
 * data/instruments/README.md ("Method"), which the report prints.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gs-assessment.h"
#include "gs-instrument.h"

G_BEGIN_DECLS

/* Below this within-group agreement, respondents are flagged as disagreeing. */
#define GS_RWG_AGREEMENT_CUTOFF 0.70
/* Expected variance of a uniform ("random") answer on a 5-point scale: (A² − 1) / 12. */
#define GS_UNIFORM_VARIANCE_5 2.0
/* A domain or upside scoring below this, or a downside at or above it, gets suggestions. */
#define GS_SUGGESTION_CUTOFF 50.0
/* A domain scoring below this is named as a blocker: readiness is limited by its weakest part. */
#define GS_BLOCKER_CUTOFF 35.0
/* A domain is flagged as disagreeing when one in GS_DISAGREEING_ITEMS_ONE_IN of its items or
 * more is (r_wg below the cutoff: a third or more), or when two groups shown differ by at
 * least GS_GROUP_GAP points. */
#define GS_DISAGREEING_ITEMS_ONE_IN 3
#define GS_GROUP_GAP 20.0
/* Groups smaller than this are never shown on their own, whatever the preference says. */
#define GS_MIN_GROUP_SIZE 3
#define GS_DEFAULT_MIN_GROUP_SIZE GS_MIN_GROUP_SIZE
/* Every threshold above is Groundswell's choice, not the paper's; the method says so. */

/* One respondent's score on a set of items. */
typedef struct {
  double score;              /* 0–100, mean of the answered items; NAN when none answered */
  guint  n_answered;
  guint  n_dont_know;
  guint  n_not_applicable;
  guint  n_unanswered;
} GsScore;

/* Several respondents' scores on the same thing. */
typedef struct {
  guint    n;                /* respondents with a score */
  double   mean, sd, min, max;  /* NAN when n is 0; sd NAN when n < 2 */
  double   rwg;              /* within-group agreement; NAN when it cannot be computed */
  double   alpha;            /* Cronbach's alpha; NAN unless ≥ 3 complete respondents and ≥ 2 items */
  guint    n_alpha;          /* respondents who answered every item, used for alpha */
  gboolean disagreement;     /* rwg below GS_RWG_AGREEMENT_CUTOFF */
  gboolean hidden;           /* a group below the minimum size: nothing computed, nothing shown */
} GsAggregate;

typedef struct {
  const GsDomain *domain;
  GsScore        *respondents;   /* [n_respondents], in assessment order */
  GsAggregate     aggregate;     /* .disagreement: the domain rule (GS_DISAGREEING_ITEMS_ONE_IN, GS_GROUP_GAP) */
  GsAggregate    *groups;        /* [n_groups] */
  guint           n_items_disagreeing;  /* items whose r_wg is below the cutoff */
  char           *disagreement;  /* why, in words: "4 of 6 items; Board 83, Front line 52"; NULL if none */
  gboolean        blocker;       /* the score shown is below GS_BLOCKER_CUTOFF */
} GsDomainResult;

typedef struct {
  const GsItem   *item;
  GsAggregate     aggregate;     /* of the respondents' item scores, 0–100 */
  double          mean_value;    /* mean of the raw answers, 1–5; NAN when none */
  guint           n_dont_know;
  guint           n_not_applicable;
  guint           n_unanswered;
} GsItemResult;

typedef struct {
  const GsPolarityRow *row;      /* NULL for the whole-table map */
  GsAggregate          quadrants[GS_N_POLES][GS_N_SIDES];
  double               balance[GS_N_POLES];   /* upside − downside, −100 … 100; NAN when unknown */
} GsPolarityResult;

typedef struct {
  const GsStage *stage;
  GsAggregate    evidence;       /* the respondents' scores on the stage's evidence items */
  gboolean       reached;        /* evidence mean at or above the instrument's threshold */
} GsStageResult;

typedef enum {
  GS_SUGGESTION_DOMAIN,
  GS_SUGGESTION_QUADRANT,
} GsSuggestionKind;

typedef struct {
  GsSuggestionKind     kind;
  const GsSourcedText *text;
  const char          *about;    /* the domain's title, or the pole's text */
  double               score;    /* what triggered it */
  int                  row;      /* for quadrants: the row, pole and side; else -1 */
  GsPole               pole;
  GsSide               side;
} GsSuggestion;

typedef struct {
  GsInstrument     *instrument;
  GsAssessment     *assessment;
  guint             n_respondents;
  guint             min_group_size;
  GPtrArray        *groups;           /* of char*: group names, in order of first appearance */
  guint            *group_sizes;      /* [groups->len] */
  guint             n_domains;
  GsDomainResult   *domains;          /* [n_domains], in instrument order */
  GsScore          *overall;          /* [n_respondents]: the two parts' scores weighed equally */
  GsAggregate       overall_aggregate;
  GsAggregate       parts[GS_PART_POLARITY];  /* receptive context, triggering conditions */
  int               weakest_domain;   /* index into domains of the lowest score shown; -1 when none */
  guint             n_items;
  GsItemResult     *items;            /* [n_items], in instrument order */
  guint             n_rows;
  GsPolarityResult *rows;             /* [n_rows] */
  GsPolarityResult  whole_table;      /* each quadrant: the mean of the rows' quadrant means */
  guint             n_stages;
  GsStageResult    *stages;           /* [n_stages] */
  guint             stage_estimate;   /* index into stages */
  GPtrArray        *stage_reasons;    /* of char*: why that stage */
  GPtrArray        *suggestions;      /* of GsSuggestion*, weakest first */
} GsResults;

typedef struct {
  const char *id;                     /* domain or item id, or "row/pole/side" for quadrants */
  double      baseline;
  double      follow_up;
  double      change;                 /* follow_up − baseline; NAN unless both are known */
} GsChange;

typedef struct {
  GArray *domains;                    /* of GsChange */
  GArray *items;                      /* of GsChange */
  GArray *quadrants;                  /* of GsChange */
} GsComparison;

double        gs_score_shown          (double          score);
GsScore       gs_score_items          (GsRespondent   *respondent,
                                       GPtrArray      *items);
double        gs_item_score           (int             value);
double        gs_rwg_single           (const double   *values,
                                       guint           n);
double        gs_rwg_multi            (const double   *item_variances,
                                       guint           n_items);
double        gs_cronbach_alpha       (const double   *answers,
                                       guint           n_respondents,
                                       guint           n_items);

GsResults    *gs_results_compute      (GsInstrument   *instrument,
                                       GsAssessment   *assessment,
                                       guint           min_group_size);
void          gs_results_free         (GsResults      *results);
void          gs_results_compute_async (GsInstrument  *instrument,
                                       GsAssessment   *assessment,
                                       guint           min_group_size,
                                       GCancellable   *cancellable,
                                       GAsyncReadyCallback callback,
                                       gpointer        user_data);
GsResults    *gs_results_compute_finish (GAsyncResult *result,
                                       GError        **error);
const GsDomainResult *gs_results_lookup_domain (const GsResults *results,
                                       const char     *domain_id);
const GsItemResult   *gs_results_lookup_item   (const GsResults *results,
                                       const char     *item_id);

GsComparison *gs_comparison_compute   (const GsResults *baseline,
                                       const GsResults *follow_up,
                                       GError         **error);
void          gs_comparison_free      (GsComparison   *comparison);
const GsChange *gs_comparison_lookup  (GArray         *changes,
                                       const char     *id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsResults, gs_results_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsComparison, gs_comparison_free)

G_END_DECLS
