/* gs-polarity-chart.h — a polarity map in Barry Johnson's form, for one row of Table 1 or
 * the whole table, with an assessment's results drawn in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "core/gs-scoring.h"
#include "gs-chart-text.h"
#include "gs-palette.h"

G_BEGIN_DECLS

typedef struct {
  char   *title;                       /* "Programmatic approach AND Social movements approach" */
  char   *purpose;                     /* the greater purpose, above */
  char   *fear;                        /* the deeper fear, below */
  char   *poles[GS_N_POLES];           /* the two poles' texts */
  char   *statements[GS_N_POLES][GS_N_SIDES];  /* one statement per line */
  char   *action_steps[GS_N_POLES];    /* beside the upsides */
  char   *early_warnings[GS_N_POLES];  /* beside the downsides */
  double  scores[GS_N_POLES][GS_N_SIDES];      /* 0–100, how often seen; NAN without results */
} GsPolarityMapData;

/* -1 for the whole table: the programmatic and the social movements approaches. */
#define GS_POLARITY_WHOLE_TABLE (-1)

void  gs_polarity_map_data_init   (GsPolarityMapData *data,
                                   GsInstrument      *instrument,
                                   GsAssessment      *assessment,
                                   const GsResults   *results,
                                   int                row);
void  gs_polarity_map_data_clear  (GsPolarityMapData *data);

void  gs_polarity_chart_draw      (cairo_t                 *cr,
                                   const GsPolarityMapData *data,
                                   double                   width,
                                   double                   height,
                                   const GsPalette         *palette,
                                   GArray                  *labels);
char *gs_polarity_chart_describe  (const GsPolarityMapData *data);
char *gs_polarity_chart_summarise (const GsPolarityMapData *data);
/* @maps: of GsPolarityMapData*, one per row of Table 1 */
void  gs_polarity_summary_draw     (cairo_t                 *cr,
                                   GPtrArray               *maps,
                                   double                   width,
                                   double                   height,
                                   const GsPalette         *palette,
                                   GArray                  *labels);
char *gs_polarity_summary_describe (GPtrArray              *maps);
char *gs_polarity_summary_summarise (GPtrArray             *maps);
GsRect gs_polarity_chart_gauge (double                   width,
                                double                   height,
                                GsPole                   pole,
                                GsSide                   side);

G_END_DECLS
