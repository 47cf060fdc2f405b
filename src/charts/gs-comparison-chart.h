/* gs-comparison-chart.h — baseline against follow-up, for domains and polarity quadrants
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "core/gs-scoring.h"
#include "gs-chart-text.h"
#include "gs-palette.h"

G_BEGIN_DECLS

typedef struct {
  char   *label;
  double  baseline;     /* NAN when unknown */
  double  follow_up;
  gboolean lower_is_better;  /* downsides: less is an improvement */
} GsComparisonRow;

typedef struct {
  char   *baseline_title;   /* NULL: there is nothing to compare with */
  char   *follow_up_title;
  GArray *rows;             /* of GsComparisonRow */
  char   *versions;         /* NULL, or what is compared when two versions of the questionnaire meet */
} GsComparisonData;

void  gs_comparison_data_init    (GsComparisonData       *data,
                                  const GsResults        *baseline,
                                  const GsResults        *follow_up);
void  gs_comparison_data_clear   (GsComparisonData       *data);
void  gs_comparison_chart_draw   (cairo_t                *cr,
                                  const GsComparisonData *data,
                                  double                  width,
                                  double                  height,
                                  const GsPalette        *palette,
                                  GArray                 *labels);
char *gs_comparison_chart_describe (const GsComparisonData *data);
char *gs_comparison_chart_summarise (const GsComparisonData *data);

G_END_DECLS
