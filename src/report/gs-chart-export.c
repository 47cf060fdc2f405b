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

#include "charts/gs-comparison-chart.h"
#include "charts/gs-polarity-chart.h"
#include "charts/gs-profile-chart.h"
#include "charts/gs-timeline-chart.h"
#include "store/gs-assessment-summary.h"
#include "gs-chart-export.h"
#include "gs-safe-file.h"

#define MAX_PIXELS (16384.0 * 16384.0)

/**
 * gs_chart_source_load:
 *
 * Loads an assessment, scores it, and finds the organisation's previous assessment (the
 * newest one dated before it) for the comparison, and all its assessment dates for the
 * timeline.
 */
gboolean
gs_chart_source_load (GsChartSource  *source,
                      GsStore        *store,
                      GsInstrument   *instrument,
                      gint64          assessment_id,
                      guint           min_group_size,
                      GError        **error)
{
  GListModel *assessments = gs_store_get_assessments (store);
  g_autoptr(GsAssessmentSummary) shown = gs_store_lookup_summary (store, assessment_id);
  gint64 organisation_id = shown != NULL ? gs_assessment_summary_get_organisation_id (shown) : 0;
  gint64 baseline_id = 0;
  g_autofree char *baseline_date = NULL;

  memset (source, 0, sizeof *source);
  source->instrument = g_object_ref (instrument);
  source->assessment = gs_store_load_assessment (store, assessment_id, error);
  if (source->assessment == NULL)
    return FALSE;
  source->results = gs_results_compute (instrument, source->assessment, min_group_size);
  source->assessment_dates = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < g_list_model_get_n_items (assessments); i++)
    {
      g_autoptr(GsAssessmentSummary) row = g_list_model_get_item (assessments, i);
      const char *date = gs_assessment_summary_get_date (row);

      /* By id: two organisations may share a name. */
      if (gs_assessment_summary_get_organisation_id (row) != organisation_id)
        continue;
      g_ptr_array_add (source->assessment_dates, g_strdup (date));
      if (gs_assessment_summary_get_id (row) != assessment_id &&
          strcmp (date, gs_assessment_get_date (source->assessment)) < 0 &&
          (baseline_date == NULL || strcmp (date, baseline_date) > 0))
        {
          g_free (baseline_date);
          baseline_date = g_strdup (date);
          baseline_id = gs_assessment_summary_get_id (row);
        }
    }
  if (baseline_id != 0 && (source->baseline = gs_store_load_assessment (store, baseline_id, NULL)) != NULL)
    source->baseline_results = gs_results_compute (instrument, source->baseline, min_group_size);
  return TRUE;
}

/**
 * gs_chart_source_set_baseline:
 * @baseline_id: an earlier assessment of the same organisation, or 0 for none
 *
 * Compares the source's assessment with another than the one before it.
 */
gboolean
gs_chart_source_set_baseline (GsChartSource  *source,
                              GsStore        *store,
                              gint64          baseline_id,
                              GError        **error)
{
  g_autoptr(GsAssessment) baseline = NULL;

  if (baseline_id != 0)
    {
      if ((baseline = gs_store_load_assessment (store, baseline_id, error)) == NULL)
        return FALSE;
      if (g_strcmp0 (gs_assessment_get_organisation_uuid (baseline), gs_assessment_get_organisation_uuid (source->assessment)) != 0 ||
          strcmp (gs_assessment_get_date (baseline), gs_assessment_get_date (source->assessment)) > 0)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       _("“%s” can only be compared with an earlier assessment of the same organisation."),
                       gs_assessment_get_title (source->assessment));
          return FALSE;
        }
    }
  g_clear_object (&source->baseline);
  g_clear_pointer (&source->baseline_results, gs_results_free);
  if (baseline != NULL)
    {
      source->baseline = g_steal_pointer (&baseline);
      source->baseline_results = gs_results_compute (source->instrument, source->baseline, source->results->min_group_size);
    }
  return TRUE;
}

/**
 * gs_chart_source_dup:
 *
 * A copy for a worker thread: it shares the (unchanging) instrument and assessments and
 * has results of its own, so the window may drop or replace its source meanwhile.
 *
 * Returns: (transfer full): free with gs_chart_source_free()
 */
GsChartSource *
gs_chart_source_dup (const GsChartSource *source)
{
  GsChartSource *copy = g_new0 (GsChartSource, 1);
  guint min_group_size = source->results->min_group_size;

  copy->instrument = g_object_ref (source->instrument);
  copy->assessment = g_object_ref (source->assessment);
  copy->results = gs_results_compute (copy->instrument, copy->assessment, min_group_size);
  if (source->baseline != NULL)
    {
      copy->baseline = g_object_ref (source->baseline);
      copy->baseline_results = gs_results_compute (copy->instrument, copy->baseline, min_group_size);
    }
  if (source->assessment_dates != NULL)
    copy->assessment_dates = g_ptr_array_copy (source->assessment_dates, (GCopyFunc) g_strdup, NULL);
  return copy;
}

void
gs_chart_source_free (GsChartSource *source)
{
  if (source == NULL)
    return;
  gs_chart_source_clear (source);
  g_free (source);
}

void
gs_chart_source_clear (GsChartSource *source)
{
  g_clear_object (&source->instrument);
  g_clear_object (&source->assessment);
  g_clear_pointer (&source->results, gs_results_free);
  g_clear_object (&source->baseline);
  g_clear_pointer (&source->baseline_results, gs_results_free);
  g_clear_pointer (&source->assessment_dates, g_ptr_array_unref);
}

/* "polarity" is the whole table (-1); "polarity-1" … "polarity-6" are the rows (0 … 5). */
static gboolean
polarity_row_for_name (const char   *name,
                       GsInstrument *instrument,
                       int          *row)
{
  guint64 n = 0;

  if (g_str_equal (name, "polarity"))
    {
      *row = GS_POLARITY_WHOLE_TABLE;
      return TRUE;
    }
  if (!g_str_has_prefix (name, "polarity-") ||
      !g_ascii_string_to_unsigned (name + strlen ("polarity-"), 10, 1,
                                   instrument != NULL ? gs_instrument_get_polarity (instrument)->rows->len : 6,
                                   &n, NULL))
    return FALSE;
  *row = (int) n - 1;
  return TRUE;
}

gboolean
gs_chart_name_is_valid (const char *name)
{
  int row;

  return g_str_equal (name, "context") || g_str_equal (name, "timeline") || g_str_equal (name, "comparison") ||
         g_str_equal (name, "polarity-summary") ||
         polarity_row_for_name (name, NULL, &row);
}

static gboolean
unknown_chart (const char  *name,
               GError     **error)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
               _("There is no chart called “%s”; the charts are context, polarity, polarity-1 to polarity-6, "
                 "polarity-summary, timeline and comparison."), name);
  return FALSE;
}

/* Draws (when @cr is set) or describes (when @description is set) the chart @name. */
static gboolean
chart_named (const char       *name,
             GsChartSource    *source,
             cairo_t          *cr,
             double            width,
             double            height,
             const GsPalette  *palette,
             GArray           *labels,
             char            **description)
{
  int row;

  if (polarity_row_for_name (name, source->instrument, &row))
    {
      GsPolarityMapData data;

      gs_polarity_map_data_init (&data, source->instrument, source->assessment, source->results, row);
      if (cr != NULL)
        gs_polarity_chart_draw (cr, &data, width, height, palette, labels);
      else
        *description = gs_polarity_chart_describe (&data);
      gs_polarity_map_data_clear (&data);
    }
  else if (g_str_equal (name, "polarity-summary"))
    {
      if (cr != NULL)
        gs_polarity_summary_draw (cr, source->instrument, source->assessment, source->results, width, height,
                                  palette, labels);
      else
        *description = gs_polarity_summary_describe (source->instrument, source->assessment, source->results);
    }
  else if (g_str_equal (name, "context"))
    {
      GsProfileData data;

      gs_profile_data_init (&data, source->results);
      if (cr != NULL)
        gs_profile_chart_draw (cr, &data, width, height, palette, labels);
      else
        *description = gs_profile_chart_describe (&data);
      gs_profile_data_clear (&data);
    }
  else if (g_str_equal (name, "timeline"))
    {
      GsTimelineData data;

      gs_timeline_data_init (&data, source->instrument, source->assessment, source->assessment_dates);
      if (cr != NULL)
        gs_timeline_chart_draw (cr, &data, width, height, palette, labels);
      else
        *description = gs_timeline_chart_describe (&data);
      gs_timeline_data_clear (&data);
    }
  else if (g_str_equal (name, "comparison"))
    {
      GsComparisonData data;

      gs_comparison_data_init (&data, source->baseline_results, source->results);
      if (cr != NULL)
        gs_comparison_chart_draw (cr, &data, width, height, palette, labels);
      else
        *description = gs_comparison_chart_describe (&data);
      gs_comparison_data_clear (&data);
    }
  else
    return FALSE;
  return TRUE;
}

/**
 * gs_chart_draw_named:
 * @labels: (nullable): receives every label drawn
 *
 * Draws the chart @name of @source into (0, 0, @width, @height).
 */
gboolean
gs_chart_draw_named (const char       *name,
                     GsChartSource    *source,
                     cairo_t          *cr,
                     double            width,
                     double            height,
                     const GsPalette  *palette,
                     GArray           *labels,
                     GError          **error)
{
  if (!chart_named (name, source, cr, width, height, palette, labels, NULL))
    return unknown_chart (name, error);
  return TRUE;
}

/**
 * gs_chart_describe_named:
 *
 * Returns: (transfer full) (nullable): what the chart shows, values included
 */
char *
gs_chart_describe_named (const char    *name,
                         GsChartSource *source)
{
  char *description = NULL;

  chart_named (name, source, NULL, 0, 0, NULL, NULL, &description);
  return description;
}

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
        GsChartSource  *source,
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

  ok = gs_chart_draw_named (name, source, cr, width, height, palette, NULL, error);
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
                 GsChartSource  *source,
                 const char     *path,
                 double          width,
                 double          height,
                 double          scale,
                 GError        **error)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);
  g_autofree char *temp_path = NULL;

  if (!gs_chart_name_is_valid (name))
    return unknown_chart (name, error);
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
  if (!render (name, source, path, temp_path, width, height, scale, error))
    {
      gs_safe_file_abort (temp_path);
      return FALSE;
    }
  return gs_safe_file_commit (temp_path, path, error);
}
