/* gs-plan-areas.h — where to act: the results' weakest areas, ranked, with what the paper
 * and the maps suggest for each
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "core/gs-scoring.h"

G_BEGIN_DECLS

typedef struct {
  char      *key;          /* the plan's area key: "domain:political", "quadrant:2/0/1" */
  char      *title;        /* in words */
  double     score;        /* 0–100 */
  gboolean   blocker;
  gboolean   disagreement; /* respondents' views differ */
  GPtrArray *suggestions;  /* of const GsSuggestion* (the results') */
  GPtrArray *steps;        /* of const GsSourcedText*: the map's action steps (upsides) */
  GPtrArray *warnings;     /* of const GsSourcedText*: the map's early warnings (downsides) */
} GsPlanArea;

GPtrArray *gs_plan_areas_rank (const GsResults *results);
double     gs_plan_area_score (const GsResults *results,
                               const char      *area);

typedef struct _GsAnalysis GsAnalysis;
char      *gs_plan_review_text (GsAnalysis     *analysis);

G_END_DECLS
