/* gs-compare-page.h — the comparison chart, with the earlier assessment to compare with
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gs-chart-view.h"

G_BEGIN_DECLS

#define GS_TYPE_COMPARE_PAGE (gs_compare_page_get_type ())
G_DECLARE_FINAL_TYPE (GsComparePage, gs_compare_page, GS, COMPARE_PAGE, GtkBox)

GtkWidget   *gs_compare_page_new            (void);
void         gs_compare_page_set_analysis   (GsComparePage *self,
                                             GsStore       *store,
                                             GsAnalysis    *analysis);
GsChartView *gs_compare_page_get_chart_view (GsComparePage *self);
gboolean     gs_compare_page_choose         (GsComparePage *self,
                                             gint64         baseline_id);

G_END_DECLS
