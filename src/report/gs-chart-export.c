/* gs-chart-export.c — any chart of an assessment, by name, to PNG, SVG or PDF
 *
 * The same drawing functions draw the widgets, the report and these files. Files are
 * written to a temporary file beside the target and renamed into place, so a failed
 * export never leaves half a file or destroys the one that was there.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gs-report"

#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n.h>

#include "gs-chart-export.h"
#include "core/gs-safe-file.h"

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

/* Draws into a surface that writes @temp_path, by the format of @path's ending. */
static gboolean
render (const char     *name,
        GsAnalysis     *analysis,
        const char     *path,
        const char     *temp_path,
        double          width,
        double          height,
        double          scale,
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
 */
gboolean
gs_chart_export (const char     *name,
                 GsAnalysis     *analysis,
                 const char     *path,
                 double          width,
                 double          height,
                 double          scale,
                 GError        **error)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);
  g_autofree char *temp_path = NULL;
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
  if (!render (name, analysis, path, temp_path, width, height, scale, error))
    {
      gs_safe_file_abort (temp_path);
      return FALSE;
    }
  return gs_safe_file_commit (temp_path, path, error);
}
