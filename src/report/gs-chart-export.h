/* gs-chart-export.h — any chart of an assessment, by name, to PNG, SVG or PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gs-analysis.h"

G_BEGIN_DECLS

gboolean  gs_chart_export         (const char     *name,
                                   GsAnalysis     *analysis,
                                   const char     *path,
                                   double          width,
                                   double          height,
                                   double          scale,
                                   gboolean        caption,
                                   GError        **error);

GsRect    gs_chart_caption_draw   (cairo_t         *cr,
                                   GsAnalysis      *analysis,
                                   const char      *heading,
                                   const char      *reading,
                                   double           width,
                                   double           height,
                                   const GsPalette *palette,
                                   GArray          *labels);

G_END_DECLS
