/* gs-answers-chart.h — the answers themselves: each domain's answers on the scale as a
 * diverging stacked bar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "core/gs-scoring.h"
#include "gs-chart-text.h"
#include "gs-palette.h"

G_BEGIN_DECLS

typedef struct {
  char  *title;
  guint  counts[GS_SCALE_POINTS];  /* answers 1 … 5 */
  guint  total;                    /* answers on the scale */
} GsAnswersRow;

typedef struct {
  GPtrArray *rows;                     /* of GsAnswersRow*, one per domain */
  char      *labels[GS_SCALE_POINTS];  /* the scale's words, from its first domain item */
} GsAnswersData;

void  gs_answers_data_init       (GsAnswersData       *data,
                                  const GsResults     *results);
void  gs_answers_data_clear      (GsAnswersData       *data);
void  gs_answers_chart_draw      (cairo_t             *cr,
                                  const GsAnswersData *data,
                                  double               width,
                                  double               height,
                                  const GsPalette     *palette,
                                  GArray              *labels);
char *gs_answers_chart_describe  (const GsAnswersData *data);
char *gs_answers_chart_summarise (const GsAnswersData *data);

G_END_DECLS
