/* bench-report.c — exporting the demo assessment's report
 *
 * The time to write the demo follow-up's PDF report, against the time to write a PDF with
 * the same number of pages holding plain text (one Pango layout of 60 lines a page), and
 * the ratio. Prints figures; asserts nothing about time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gstdio.h>

#include "gs-test-util.h"
#include "core/gs-demo.h"
#include "report/gs-report.h"

#define RUNS 5

static double
now (void)
{
  return g_get_monotonic_time () / 1e6;
}

static double
plain_pdf (const char *path,
           guint       n_pages,
           double      width,
           double      height)
{
  g_autoptr(GString) text = g_string_new (NULL);
  double start = now ();
  cairo_surface_t *surface = cairo_pdf_surface_create (path, width, height);
  cairo_t *cr = cairo_create (surface);

  for (guint line = 0; line < 60; line++)
    g_string_append_printf (text, "Line %u of a page of plain text, as long as a line of a report.\n", line);
  for (guint page = 0; page < n_pages; page++)
    {
      PangoLayout *layout = pango_cairo_create_layout (cr);
      PangoFontDescription *font = pango_font_description_from_string ("Cantarell 9px");

      pango_layout_set_font_description (layout, font);
      pango_layout_set_width (layout, (int) ((width - 100) * PANGO_SCALE));
      pango_layout_set_text (layout, text->str, -1);
      cairo_move_to (cr, 50, 50);
      pango_cairo_show_layout (cr, layout);
      cairo_show_page (cr);
      pango_font_description_free (font);
      g_object_unref (layout);
    }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return now () - start;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GsInstrument) instrument = gs_instrument_load_default (NULL);
  g_autoptr(GPtrArray) demo = gs_demo_build_assessments (instrument);
  g_autofree char *dir = g_dir_make_tmp ("gs-bench-report-XXXXXX", NULL);
  g_autofree char *report_path = g_build_filename (dir, "report.pdf", NULL);
  g_autofree char *plain_path = g_build_filename (dir, "plain.pdf", NULL);
  g_autoptr(GsAnalysis) source = NULL;
  double width, height, report_time = 0, plain_time = 0;
  guint n_pages;

  source = gs_analysis_new (instrument, g_ptr_array_index (demo, 1), g_ptr_array_index (demo, 0), 3);
  gs_paper_get_size (GS_PAPER_A4, &width, &height);
  {
    g_autoptr(GsReport) report = gs_report_new (source, width, height, GS_REPORT_DEFAULT);
    n_pages = gs_report_get_n_pages (report);
  }

  for (guint run = 0; run < RUNS; run++)
    {
      double start = now ();
      g_assert_true (gs_report_write_pdf (source, GS_PAPER_A4, GS_REPORT_DEFAULT, report_path, NULL));
      report_time += now () - start;
      plain_time += plain_pdf (plain_path, n_pages, width, height);
    }
  g_print ("demo report, %u A4 pages, mean of %d runs\n", n_pages, RUNS);
  g_print ("  report       %8.1f ms\n", report_time / RUNS * 1000);
  g_print ("  plain text   %8.1f ms\n", plain_time / RUNS * 1000);
  g_print ("  ratio        %8.2f\n", report_time / plain_time);
  gs_test_remove_tree (dir);
  return 0;
}
