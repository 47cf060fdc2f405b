/* gs-palette.h — every colour a chart uses, in light, dark and high-contrast variants
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  double red, green, blue, alpha;
} GsColor;

typedef enum {
  GS_PALETTE_LIGHT,
  GS_PALETTE_DARK,
  GS_PALETTE_HIGH_CONTRAST,
} GsPaletteVariant;

#define GS_PALETTE_N_CATEGORIES 7

typedef struct {
  GsColor background;
  GsColor surface;          /* boxes drawn on the background */
  GsColor foreground;       /* text */
  GsColor muted;            /* secondary text, axes */
  GsColor grid;
  GsColor poles[2];         /* programmatic, social movements */
  GsColor upside;           /* fills: upsides solid, downsides hatched */
  GsColor downside;
  GsColor loop;
  GsColor reference;        /* the paper's 15 % line */
  GsColor warning;          /* disagreement */
  GsColor stages[3];
  GsColor categories[GS_PALETTE_N_CATEGORIES];  /* groups and event kinds */
} GsPalette;

const GsPalette *gs_palette_get           (GsPaletteVariant variant);
void             gs_palette_set_source    (cairo_t         *cr,
                                           const GsColor   *color);
void             gs_palette_set_source_alpha (cairo_t      *cr,
                                           const GsColor   *color,
                                           double           alpha);

G_END_DECLS
