/* gs-plan-page.h — the Plan tab: where to act, the actions the board owns, and the signals
 * it watches for
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "report/gs-analysis.h"
#include "store/gs-store.h"

G_BEGIN_DECLS

#define GS_TYPE_PLAN_PAGE (gs_plan_page_get_type ())
G_DECLARE_FINAL_TYPE (GsPlanPage, gs_plan_page, GS, PLAN_PAGE, GtkBox)

GtkWidget *gs_plan_page_new          (void);
void       gs_plan_page_set_analysis (GsPlanPage *self,
                                      GsStore    *store,
                                      GsAnalysis *analysis);
void       gs_plan_page_set_editable (GsPlanPage *self,
                                      gboolean    editable);
void       gs_plan_page_add_action   (GsPlanPage *self,
                                      const char *what,
                                      const char *area);

G_END_DECLS
