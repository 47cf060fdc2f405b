/* gs-profile-chart.h — the context profile: domain scores as a radar and as bars with each
 * respondent, the spread and disagreement
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "core/gs-scoring.h"
#include "gs-chart-text.h"
#include "gs-palette.h"

G_BEGIN_DECLS

typedef struct {
  double score;   /* 0–100 */
  int    group;   /* index into the groups, or -1 */
} GsProfileDot;

/* A group's mean and spread on a domain. */
typedef struct {
  int    group;   /* index into the groups */
  double mean, sd;  /* sd NAN with one respondent */
} GsProfileGroupMean;

typedef struct {
  char     *title;
  double    mean, min, max;   /* NAN when nobody answered */
  guint     n;
  gboolean  disagreement;
  GArray   *dots;             /* of GsProfileDot */
  GArray   *group_means;      /* of GsProfileGroupMean: the groups shown on their own */
} GsProfileRow;

/* Beyond this many respondents the profile shows each group's mean and spread, not a
 * marker per person: a whole-trust survey would otherwise be a wall of markers. */
#define GS_PROFILE_MAX_MARKERS 40

typedef struct {
  GPtrArray *rows;            /* of GsProfileRow* */
  GPtrArray *groups;          /* of char* */
  gboolean   by_group;        /* more than GS_PROFILE_MAX_MARKERS respondents */
} GsProfileData;

void  gs_profile_data_init    (GsProfileData       *data,
                               const GsResults     *results);
void  gs_profile_data_clear   (GsProfileData       *data);
void  gs_profile_chart_draw   (cairo_t             *cr,
                               const GsProfileData *data,
                               double               width,
                               double               height,
                               const GsPalette     *palette,
                               GArray              *labels);
char *gs_profile_chart_describe (const GsProfileData *data);
char *gs_profile_chart_summarise (const GsProfileData *data);

G_END_DECLS
