/* gs-scoring-private.h — shared by the files of the scoring
 *
 * gs-scoring.c    items, domains, agreement, polarity, stages, suggestions, comparison
 * gs-readiness.c  what the scores say together: the overall score, blockers, the weakest
 *                 domain, and where respondents disagree
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gs-scoring.h"

G_BEGIN_DECLS

void gs_scoring_describe      (const double *values,
                               guint         n_values,
                               GsAggregate  *out);
void gs_scoring_score_overall (GsResults    *results);
void gs_scoring_flag_domains  (GsResults    *results);

G_END_DECLS
