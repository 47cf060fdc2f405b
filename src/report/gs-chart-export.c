/* gs-chart-export.c — any chart of an assessment, by name, to PNG, SVG or PDF
 *
 * The same drawing functions draw the widgets, the report and these files. Files are
 * written to a temporary file beside the target and renamed into place, so a failed
 * export never leaves half a file or destroys the one that was there.
 *
 * With a caption (the default), a chart stands alone on a slide: its title and whose and
 * when above it, the source below, in type that grows with the picture.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gs-report"

#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n.h>

#include "charts/gs-chart-text.h"
#include "core/gs-safe-file.h"
#include "gs-chart-export.h"

#define MAX_PIXELS (16384.0 * 16384.0)

static gboolean
check_cairo (cairo_status_t   status,
             const char      *path,
             GError         **error)
{
  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write “%s”: %s"), path,
               cairo_status_to_string (status));
  return FALSE;
}

/**
 * gs_chart_caption_draw:
 * @heading: the chart's title
 * @reading: (nullable): one sentence of what the chart shows, above the source (slides)
 * @labels: (nullable): where the caption's texts are recorded, for tests
 *
 * Paints a plain ground with the caption: the title, "organisation — assessment, date", the
 * reading and "Source: …" at the foot. Its type grows with the picture (a thirty-second of the
 * shorter side, 12–56 px), so that a slide or an exported chart reads from the back of a room.
 *
 * Returns: where the chart goes
 */
GsRect
gs_chart_caption_draw (cairo_t         *cr,
                       GsAnalysis      *analysis,
                       const char      *heading,
                       const char      *reading,
                       double           width,
                       double           height,
                       const GsPalette *palette,
                       GArray          *labels)
{
  GsAssessment *assessment = gs_analysis_get_assessment (analysis);
  double unit = CLAMP (MIN (width, height) / 32.0, 12.0, 56.0), pad = unit;
  const GsTextStyle title = { unit, 10, PANGO_WEIGHT_BOLD, FALSE, GS_ALIGN_START, GS_ALIGN_START };
  const GsTextStyle subtitle = { unit * 0.72, 9, PANGO_WEIGHT_NORMAL, FALSE, GS_ALIGN_START, GS_ALIGN_START };
  const GsTextStyle sentence = { unit * 0.8, 9, PANGO_WEIGHT_NORMAL, FALSE, GS_ALIGN_START, GS_ALIGN_END };
  const GsTextStyle source = { unit * 0.56, 8, PANGO_WEIGHT_NORMAL, FALSE, GS_ALIGN_START, GS_ALIGN_END };
  g_autofree char *date = gs_format_date (gs_assessment_get_date (assessment));
  /* Translators: under an exported chart's title: organisation — assessment, date */
  g_autofree char *whose = g_strdup_printf (_("%s — %s, %s"), gs_assessment_get_organisation_name (assessment),
                                            gs_assessment_get_title (assessment), date);
  GsRect drawn, footer;
  double y = pad;

  gs_palette_set_source (cr, &palette->background);
  cairo_paint (cr);
  gs_palette_set_source (cr, &palette->foreground);
  drawn = gs_chart_text (cr, heading, &title, (GsRect) { pad, y, width - 2 * pad, unit * 2.6 }, labels);
  y = drawn.y + drawn.height + unit * 0.2;
  gs_palette_set_source (cr, &palette->muted);
  drawn = gs_chart_text (cr, whose, &subtitle, (GsRect) { pad, y, width - 2 * pad, unit * 2 }, labels);
  y = drawn.y + drawn.height + unit * 0.6;
  footer = gs_chart_text (cr, _("Source: Groundswell, after Bate, Robert & Bevan 2004"), &source,
                          (GsRect) { pad, height - pad - unit * 1.6, width - 2 * pad, unit * 1.6 }, labels);
  if (reading != NULL)
    {
      gs_palette_set_source (cr, &palette->foreground);
      footer = gs_chart_text (cr, reading, &sentence,
                              (GsRect) { pad, footer.y - unit * 3.4, width - 2 * pad, unit * 3.2 }, labels);
    }
  gs_palette_set_source (cr, &palette->foreground);
  return (GsRect) { 0, y, width, footer.y - unit * 0.4 - y };
}

/* Draws into a surface that writes @temp_path, by the format of @path's ending. */
static gboolean
render (const char     *name,
        GsAnalysis     *analysis,
        const char     *path,
        const char     *temp_path,
        double          width,
        double          height,
        double          scale,
        const char     *caption,
        GError        **error)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);
  const GsPalette *palette = gs_palette_get (GS_PALETTE_LIGHT);
  cairo_surface_t *surface;
  cairo_t *cr;
  gboolean png = g_str_has_suffix (lower, ".png");
  gboolean ok;

  if (png)
    surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) (width * scale), (int) (height * scale));
  else if (g_str_has_suffix (lower, ".svg"))
    surface = cairo_svg_surface_create (temp_path, width, height);
  else
    surface = cairo_pdf_surface_create (temp_path, width, height);
  cr = cairo_create (surface);
  if (png)
    cairo_scale (cr, scale, scale);

  if (caption != NULL)
    {
      GsRect area = gs_chart_caption_draw (cr, analysis, caption, NULL, width, height, palette, NULL);

      cairo_translate (cr, area.x, area.y);
      cairo_rectangle (cr, 0, 0, area.width, area.height);
      cairo_clip (cr);  /* a chart paints its whole ground */
      ok = gs_analysis_draw (analysis, name, cr, area.width, area.height, palette, NULL, error);
    }
  else
    ok = gs_analysis_draw (analysis, name, cr, width, height, palette, NULL, error);
  cairo_destroy (cr);
  if (ok && png)
    ok = check_cairo (cairo_surface_write_to_png (surface, temp_path), path, error);
  cairo_surface_finish (surface);
  if (ok)
    ok = check_cairo (cairo_surface_status (surface), path, error);
  cairo_surface_destroy (surface);
  return ok;
}

/**
 * gs_chart_export:
 * @path: ends in .png, .svg or .pdf
 * @width: @height: the size in pixels (PNG) or points (SVG, PDF)
 * @scale: for PNG, device pixels per pixel (2 for HiDPI slides)
 * @caption: whether to add the title, organisation, assessment, date and source
 */
gboolean
gs_chart_export (const char     *name,
                 GsAnalysis     *analysis,
                 const char     *path,
                 double          width,
                 double          height,
                 double          scale,
                 gboolean        caption,
                 GError        **error)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);
  g_autofree char *temp_path = NULL;
  g_autofree char *title = NULL;
  const GsChartInfo *chart;
  int row;

  chart = gs_chart_registry_find (name, gs_instrument_get_polarity (gs_analysis_get_instrument (analysis))->rows->len,
                                  &row, error);
  if (chart == NULL)
    return FALSE;
  /* A picture of "nothing to compare with" is not a chart: say so, and write nothing. */
  if (chart->needs_baseline && gs_analysis_get_baseline (analysis) == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("“%s” has no earlier assessment of its organisation to compare with; nothing was written"),
                   gs_assessment_get_title (gs_analysis_get_assessment (analysis)));
      return FALSE;
    }
  if (!g_str_has_suffix (lower, ".png") && !g_str_has_suffix (lower, ".svg") && !g_str_has_suffix (lower, ".pdf"))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Cannot export a chart to “%s”: the file name must end in .png, .svg or .pdf"), path);
      return FALSE;
    }
  if (!(width >= 64 && height >= 64 && width <= 16384 && height <= 16384 && scale >= 1 && scale <= 8 &&
        width * height * scale * scale <= MAX_PIXELS))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("A chart must be from 64 to 16384 pixels wide and high, at a scale from 1 to 8 "
                     "(asked for %g × %g at %g)"), width, height, scale);
      return FALSE;
    }

  temp_path = gs_safe_file_begin (path, error);
  if (temp_path == NULL)
    return FALSE;
  if (caption)
    title = gs_chart_info_title (chart, row);
  if (!render (name, analysis, path, temp_path, width, height, scale, title, error))
    {
      gs_safe_file_abort (temp_path);
      return FALSE;
    }
  return gs_safe_file_commit (temp_path, path, error);
}
