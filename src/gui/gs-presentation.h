/* gs-presentation.h — the results as a full-screen presentation, for a workshop or a board
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "report/gs-analysis.h"

G_BEGIN_DECLS

#define GS_TYPE_PRESENTATION (gs_presentation_get_type ())
G_DECLARE_FINAL_TYPE (GsPresentation, gs_presentation, GS, PRESENTATION, GtkWindow)

GsPresentation *gs_presentation_new           (GtkWindow      *parent,
                                               GsAnalysis     *analysis);
void            gs_presentation_start         (GsPresentation *self,
                                               GdkMonitor     *monitor);
GdkMonitor     *gs_presentation_pick_monitor  (GtkWindow      *parent);
guint           gs_presentation_get_n_slides  (GsPresentation *self);
guint           gs_presentation_get_current   (GsPresentation *self);
const char     *gs_presentation_get_slide_title (GsPresentation *self);
gboolean        gs_presentation_get_blank     (GsPresentation *self);

G_END_DECLS
