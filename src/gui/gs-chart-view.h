/* gs-chart-view.h — a widget that shows one chart of an assessment
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "report/gs-chart-export.h"

G_BEGIN_DECLS

#define GS_TYPE_CHART_VIEW (gs_chart_view_get_type ())
G_DECLARE_FINAL_TYPE (GsChartView, gs_chart_view, GS, CHART_VIEW, GtkWidget)

GtkWidget        *gs_chart_view_new          (const char    *chart_name);
const char       *gs_chart_view_get_chart_name (GsChartView *self);
void              gs_chart_view_set_chart_name (GsChartView *self,
                                                const char  *chart_name);
void              gs_chart_view_set_analysis (GsChartView   *self,
                                              GsAnalysis    *analysis);
GsAnalysis       *gs_chart_view_get_analysis (GsChartView   *self);
GsPaletteVariant  gs_chart_view_get_palette_variant (GsChartView *self);
const char       *gs_chart_view_get_description (GsChartView *self);

gboolean     gs_chart_view_shows_no_answers (GsChartView *self);

G_END_DECLS
