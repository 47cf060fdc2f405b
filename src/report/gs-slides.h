/* gs-slides.h — an assessment's results as slides, for presenting to a room
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gs-analysis.h"

G_BEGIN_DECLS

typedef enum {
  GS_SLIDE_TITLE,
  GS_SLIDE_CHART,
  GS_SLIDE_PLAN,
} GsSlideKind;

typedef struct {
  GsSlideKind kind;
  char *chart;    /* GS_SLIDE_CHART: the registry's name ("context", "polarity", …) */
  char *title;
  char *reading;  /* one short sentence of what the slide shows */
} GsSlide;

GPtrArray *gs_slides_new  (GsAnalysis      *analysis);
void       gs_slide_draw  (const GsSlide   *slide,
                           GsAnalysis      *analysis,
                           cairo_t         *cr,
                           double           width,
                           double           height,
                           const GsPalette *palette,
                           GArray          *labels);

G_END_DECLS
