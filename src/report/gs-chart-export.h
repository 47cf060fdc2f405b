/* gs-chart-export.h — any chart of an assessment, by name, to PNG, SVG or PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "charts/gs-chart-text.h"
#include "charts/gs-palette.h"
#include "core/gs-scoring.h"
#include "store/gs-store.h"

G_BEGIN_DECLS

/* What the charts of one assessment are drawn from. */
typedef struct {
  GsInstrument *instrument;
  GsAssessment *assessment;
  GsResults    *results;
  GsAssessment *baseline;          /* the organisation's previous assessment, if any */
  GsResults    *baseline_results;
  GPtrArray    *assessment_dates;  /* of char*: every assessment date of the organisation */
} GsChartSource;

gboolean  gs_chart_source_load    (GsChartSource  *source,
                                   GsStore        *store,
                                   GsInstrument   *instrument,
                                   gint64          assessment_id,
                                   guint           min_group_size,
                                   GError        **error);
gboolean  gs_chart_source_set_baseline (GsChartSource *source,
                                   GsStore        *store,
                                   gint64          baseline_id,
                                   GError        **error);
void      gs_chart_source_clear   (GsChartSource  *source);
GsChartSource *gs_chart_source_dup (const GsChartSource *source);
void      gs_chart_source_free    (GsChartSource  *source);

gboolean  gs_chart_name_is_valid  (const char     *name);
gboolean  gs_chart_draw_named     (const char     *name,
                                   GsChartSource  *source,
                                   cairo_t        *cr,
                                   double          width,
                                   double          height,
                                   const GsPalette *palette,
                                   GArray         *labels,
                                   GError        **error);
char     *gs_chart_describe_named (const char     *name,
                                   GsChartSource  *source);
gboolean  gs_chart_export         (const char     *name,
                                   GsChartSource  *source,
                                   const char     *path,
                                   double          width,
                                   double          height,
                                   double          scale,
                                   GError        **error);

G_END_DECLS
