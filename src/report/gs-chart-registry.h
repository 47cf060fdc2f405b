/* gs-chart-registry.h — every chart Groundswell draws, in one table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "charts/gs-chart-text.h"
#include "charts/gs-palette.h"

G_BEGIN_DECLS

typedef struct _GsAnalysis GsAnalysis;

/* What of a chart the report shows. */
typedef enum {
  GS_IN_REPORT_NOTHING = 0,
  GS_IN_REPORT_WHOLE   = 1 << 0,
  GS_IN_REPORT_ROWS    = 1 << 1,  /* with has_rows: each row's chart */
} GsInReport;

/* One chart: how its data is prepared from an analysis, drawn and put in words. */
typedef struct {
  const char *name;        /* as the CLI, the tabs and the report know it */
  const char *title;       /* translatable: mark with N_(), show with _() */
  const char *icon;        /* the results tab's icon */
  gboolean    has_rows;    /* also "NAME-1" … "NAME-n": one row of Table 1 each */
  const char *report_title;      /* its title in the report, on a slide and on an export (translatable) */
  const char *report_row_title;  /* with has_rows: each row's title, "… row %u" (translatable) */
  GsInReport  in_report;
  gboolean    needs_baseline;    /* drawn only when there is an earlier assessment */
  gpointer  (*prepare)   (GsAnalysis      *analysis,
                          int              row);
  void      (*free_data) (gpointer         data);
  void      (*draw)      (cairo_t         *cr,
                          gconstpointer    data,
                          double           width,
                          double           height,
                          const GsPalette *palette,
                          GArray          *labels);
  char     *(*describe)  (gconstpointer    data);
  char     *(*summarise) (gconstpointer    data);  /* one short sentence, for a slide */
} GsChartInfo;

const GsChartInfo *gs_chart_registry_get   (guint       *n_charts);
const GsChartInfo *gs_chart_registry_find  (const char  *name,
                                            guint        n_rows,
                                            int         *row,
                                            GError     **error);
char              *gs_chart_registry_names (void);
char              *gs_chart_info_title     (const GsChartInfo *info,
                                            int                row);

G_END_DECLS
