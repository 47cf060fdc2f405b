/* gs-results-text.h — the results in sentences, for the report and the overview screen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "core/gs-scoring.h"

G_BEGIN_DECLS

char *gs_results_text_score       (double               score);
char *gs_results_text_overall     (const GsResults     *results);
char *gs_results_text_limits      (const GsResults     *results);
GStrv gs_results_text_verdict     (const GsResults     *results);
char *gs_results_text_domain_reliability (const GsResults *results,
                                   guint                domain);
char *gs_results_text_domain      (const GsResults     *results,
                                   guint                domain);
char *gs_results_text_domain_counts (const GsResults   *results,
                                   guint                domain);
char *gs_results_text_groups      (const GsResults     *results);
char *gs_results_text_returns     (GsAssessment        *assessment,
                                   guint                n_items);
char *gs_results_text_citation    (GsInstrument        *instrument,
                                   const GsSource      *source,
                                   gboolean             brief);
char *gs_results_text_original    (GsInstrument        *instrument,
                                   const GsSource      *source);
char *gs_results_text_suggestion_about (GsInstrument   *instrument,
                                   const GsSuggestion  *suggestion,
                                   gboolean             brief);

G_END_DECLS
