/* bench-charts.c — drawing each chart 1,000 times at 1920×1080
 *
 * For each chart: the time per frame drawing it to an image surface, against the floor —
 * filling the same surface with one colour and drawing as many Pango layouts of the same
 * texts as the chart drew labels — and the ratio. Three floors: the first lays every text
 * out at 14 px, each frame, as this benchmark always has (the goals were set
 * against it); the second at the size the chart drew it (20 to 29 px at this size), so
 * that it costs about what the same text costs (in the regular weight, where a chart
 * draws some bold); the third draws those same layouts made once, before the frames,
 * since the charts keep the layouts they drew (gs-chart-text.c) and so lay nothing out
 * from the second frame on: it says what the chart adds to its text when both draw kept
 * text. The chart and its floors take turns, in rounds of FRAMES_A_ROUND frames, and the
 * medians of the rounds are printed: this machine is shared, and a slow second would
 * otherwise land on one side only. Prints figures; asserts nothing about time.
 * Names given on the command line (`bench-charts context polarity`) draw only those charts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gs-test-util.h"
#include "core/gs-demo.h"
#include "report/gs-chart-export.h"

#define ROUNDS 20
#define FRAMES_A_ROUND 50
#define WIDTH 1920
#define HEIGHT 1080

static double
now (void)
{
  return g_get_monotonic_time () / 1e6;
}

/* One layout per label the chart drew, at the label's box width, at 14 px or (@same_sizes)
 * at the size the chart drew it. */
static GPtrArray *
floor_layouts (cairo_t  *cr,
               GArray   *labels,
               gboolean  same_sizes)
{
  PangoFontDescription *font = pango_font_description_from_string ("Cantarell 14px");
  GPtrArray *layouts = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < labels->len; i++)
    {
      const GsChartLabel *label = &g_array_index (labels, GsChartLabel, i);
      PangoLayout *layout = pango_cairo_create_layout (cr);

      if (same_sizes)
        pango_font_description_set_absolute_size (font, label->device_size * PANGO_SCALE);
      pango_layout_set_font_description (layout, font);
      pango_layout_set_width (layout, (int) (label->box.width * PANGO_SCALE));
      pango_layout_set_text (layout, label->text, -1);
      g_ptr_array_add (layouts, layout);
    }
  pango_font_description_free (font);
  return layouts;
}

/* The floor: one fill, then the labels' layouts drawn, made anew each frame or, given
 * @kept, made once before (as the charts keep theirs from one frame to the next). */
static double
floor_frame_time (cairo_t   *cr,
                  GArray    *labels,
                  gboolean   same_sizes,
                  GPtrArray *kept)
{
  double start = now ();

  for (guint frame = 0; frame < FRAMES_A_ROUND; frame++)
    {
      g_autoptr(GPtrArray) made = kept == NULL ? floor_layouts (cr, labels, same_sizes) : NULL;
      GPtrArray *layouts = kept != NULL ? kept : made;

      cairo_set_source_rgb (cr, 0.98, 0.98, 0.98);
      cairo_paint (cr);
      cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
      for (guint i = 0; i < labels->len; i++)
        {
          const GsChartLabel *label = &g_array_index (labels, GsChartLabel, i);

          cairo_move_to (cr, label->box.x, label->box.y);
          pango_cairo_show_layout (cr, g_ptr_array_index (layouts, i));
        }
    }
  return (now () - start) / FRAMES_A_ROUND;
}

static double
chart_frame_time (GsAnalysis      *source,
                  const char      *name,
                  cairo_t         *cr,
                  const GsPalette *palette)
{
  double start = now ();

  for (guint frame = 0; frame < FRAMES_A_ROUND; frame++)
    gs_analysis_draw (source, name, cr, WIDTH, HEIGHT, palette, NULL, NULL);
  return (now () - start) / FRAMES_A_ROUND;
}

int
main (int   argc,
      char *argv[])
{
  guint n_charts;
  const GsChartInfo *charts = gs_chart_registry_get (&n_charts);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GsInstrument) instrument = gs_instrument_load_default (NULL);
  g_autoptr(GPtrArray) demo = gs_demo_build_assessments (instrument);
  const GsPalette *palette = gs_palette_get (GS_PALETTE_LIGHT);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(GsAnalysis) source = NULL;

  source = gs_analysis_new (instrument, g_ptr_array_index (demo, 1), g_ptr_array_index (demo, 0), 3);

  /* Every chart of the registry, and the first row of those drawn row by row. */
  for (guint c = 0; c < n_charts; c++)
    {
      g_ptr_array_add (names, g_strdup (charts[c].name));
      if (charts[c].has_rows)
        g_ptr_array_add (names, g_strdup_printf ("%s-1", charts[c].name));
    }
  for (int a = 1; a < argc; a++)
    if (!g_ptr_array_find_with_equal_func (names, argv[a], g_str_equal, NULL))
      g_printerr ("No chart is called “%s”\n", argv[a]);
  g_print ("%d rounds of %d frames of each chart at %d×%d, median time per frame\n", ROUNDS, FRAMES_A_ROUND,
           WIDTH, HEIGHT);
  for (guint c = 0; c < names->len; c++)
    {
      const char *name = g_ptr_array_index (names, c);
      g_autoptr(GArray) labels = gs_chart_labels_new ();
      g_autoptr(GPtrArray) kept = NULL;
      double chart_times[ROUNDS], floor_times[ROUNDS], ratios[ROUNDS], sized_times[ROUNDS], sized_ratios[ROUNDS];
      double kept_times[ROUNDS], kept_ratios[ROUNDS];

      if (argc > 1 && !g_strv_contains ((const char * const *) argv + 1, name))
        continue;
      g_assert_true (gs_analysis_draw (source, name, cr, WIDTH, HEIGHT, palette, labels, NULL));
      kept = floor_layouts (cr, labels, TRUE);
      for (guint round = 0; round < ROUNDS; round++)
        {
          chart_times[round] = chart_frame_time (source, name, cr, palette);
          floor_times[round] = floor_frame_time (cr, labels, FALSE, NULL);
          sized_times[round] = floor_frame_time (cr, labels, TRUE, NULL);
          kept_times[round] = floor_frame_time (cr, labels, TRUE, kept);
          ratios[round] = chart_times[round] / floor_times[round];
          sized_ratios[round] = chart_times[round] / sized_times[round];
          kept_ratios[round] = chart_times[round] / kept_times[round];
        }
      g_print ("  %-16s %6.2f ms   floor (%3u layouts) %6.2f ms   ratio %5.2f   at the labels' sizes %6.2f ms   ratio %5.2f"
               "   and kept %6.2f ms   ratio %5.2f\n",
               name, gs_test_median (chart_times, ROUNDS) * 1000, labels->len, gs_test_median (floor_times, ROUNDS) * 1000,
               gs_test_median (ratios, ROUNDS), gs_test_median (sized_times, ROUNDS) * 1000, gs_test_median (sized_ratios, ROUNDS),
               gs_test_median (kept_times, ROUNDS) * 1000, gs_test_median (kept_ratios, ROUNDS));
    }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return 0;
}
