/* gs-analysis.h — one assessment's results, as every page, chart and report shows them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "core/gs-scoring.h"
#include "gs-chart-registry.h"
#include "store/gs-store.h"

G_BEGIN_DECLS

#define GS_TYPE_ANALYSIS (gs_analysis_get_type ())
G_DECLARE_FINAL_TYPE (GsAnalysis, gs_analysis, GS, ANALYSIS, GObject)

GsAnalysis      *gs_analysis_new              (GsInstrument  *instrument,
                                               GsAssessment  *assessment,
                                               GsAssessment  *baseline,
                                               guint          min_group_size);
GsAnalysis      *gs_analysis_load             (GsStore       *store,
                                               GsInstrument  *instrument,
                                               gint64         assessment_id,
                                               guint          min_group_size,
                                               GError       **error);
void             gs_analysis_load_async       (GsStore       *store,
                                               GsInstrument  *instrument,
                                               gint64         assessment_id,
                                               guint          min_group_size,
                                               GCancellable  *cancellable,
                                               GAsyncReadyCallback callback,
                                               gpointer       user_data);
GsAnalysis      *gs_analysis_load_finish      (GAsyncResult  *result,
                                               GError       **error);
GsAnalysis      *gs_analysis_copy             (GsAnalysis    *self);

gint64           gs_analysis_get_assessment_id (GsAnalysis   *self);
gint64           gs_analysis_get_organisation_id (GsAnalysis *self);
GsInstrument    *gs_analysis_get_instrument   (GsAnalysis    *self);
GsAssessment    *gs_analysis_get_assessment   (GsAnalysis    *self);
const GsResults *gs_analysis_get_results      (GsAnalysis    *self);
GsAssessment    *gs_analysis_get_baseline     (GsAnalysis    *self);
const GsResults *gs_analysis_get_compared_results (GsAnalysis *self);
char         *gs_analysis_describe_versions (GsAnalysis   *self);
const GsResults *gs_analysis_get_baseline_results (GsAnalysis *self);
GPtrArray       *gs_analysis_get_assessment_dates (GsAnalysis *self);

GPtrArray       *gs_analysis_list_earlier     (GsAnalysis    *self,
                                               GsStore       *store);
gboolean         gs_analysis_set_baseline     (GsAnalysis    *self,
                                               GsStore       *store,
                                               gint64         baseline_id,
                                               GError       **error);
void             gs_analysis_set_polarity_text (GsAnalysis   *self,
                                               const char    *key,
                                               const char    *text);

gboolean         gs_analysis_draw             (GsAnalysis    *self,
                                               const char    *chart,
                                               cairo_t       *cr,
                                               double         width,
                                               double         height,
                                               const GsPalette *palette,
                                               GArray        *labels,
                                               GError       **error);
char            *gs_analysis_describe         (GsAnalysis    *self,
                                               const char    *chart);
char            *gs_analysis_summarise        (GsAnalysis    *self,
                                               const char    *chart);

G_END_DECLS
