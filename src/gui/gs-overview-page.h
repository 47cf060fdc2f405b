/* gs-overview-page.h — the results in words: scores, who answered, the stage, suggestions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "report/gs-chart-export.h"

G_BEGIN_DECLS

#define GS_TYPE_OVERVIEW_PAGE (gs_overview_page_get_type ())
G_DECLARE_FINAL_TYPE (GsOverviewPage, gs_overview_page, GS, OVERVIEW_PAGE, AdwPreferencesPage)

GtkWidget  *gs_overview_page_new              (void);
void        gs_overview_page_set_analysis     (GsOverviewPage *self,
                                               GsAnalysis     *analysis);
const char *gs_overview_page_get_domain_score (GsOverviewPage *self,
                                               const char     *domain_id);
const char *gs_overview_page_get_hidden_groups (GsOverviewPage *self);

const char *gs_overview_page_get_section_text (GsOverviewPage *self,
                                               const char     *title);

G_END_DECLS
