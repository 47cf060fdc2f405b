/* gs-timeline-chart.h — the movement timeline: stages as bands, events as markers, and the
 * share of staff taking part against the paper's UK estimate: fewer than 15 % of NHS staff
 * take part in formal improvement activities
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "core/gs-assessment.h"
#include "core/gs-instrument.h"
#include "gs-chart-text.h"
#include "gs-palette.h"

G_BEGIN_DECLS

/* The paper's key message: "fewer than 15% of NHS staff participate in these formal
 * improvement activities" (Bate, Robert and Bevan 2004, Key messages). */
#define GS_PARTICIPATION_REFERENCE 15.0

typedef struct {
  GPtrArray *events;           /* of GsTimelineEvent* (borrowed from the assessment) */
  GPtrArray *assessment_dates; /* of char*, YYYY-MM-DD */
  char      *stage_names[3];
  double     target;           /* an optional target share of staff, or NAN */
} GsTimelineData;

void  gs_timeline_data_init     (GsTimelineData       *data,
                                 GsInstrument         *instrument,
                                 GsAssessment         *assessment,
                                 GPtrArray            *assessment_dates);
void  gs_timeline_data_clear    (GsTimelineData       *data);
void  gs_timeline_chart_draw    (cairo_t              *cr,
                                 const GsTimelineData *data,
                                 double                width,
                                 double                height,
                                 const GsPalette      *palette,
                                 GArray               *labels);
char *gs_timeline_chart_describe (const GsTimelineData *data);
char *gs_timeline_chart_summarise (const GsTimelineData *data);

/* Where the chart puts things, for tests: the y of a share of staff on the right axis. */
double gs_timeline_chart_participation_y (const GsTimelineData *data,
                                          double                width,
                                          double                height,
                                          double                share);

gboolean gs_timeline_chart_event_point (const GsTimelineData  *data,
                                        double                 width,
                                        double                 height,
                                        const GsTimelineEvent *event,
                                        double                *x,
                                        double                *y);

G_END_DECLS
