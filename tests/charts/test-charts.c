/* test-charts.c — what the charts must show, checked on the pixels and the label boxes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "gs-test-util.h"
#include "charts/gs-chart-shapes.h"
#include "charts/gs-comparison-chart.h"
#include "charts/gs-polarity-chart.h"
#include "charts/gs-profile-chart.h"
#include "charts/gs-timeline-chart.h"
#include "core/gs-demo.h"

static const struct { double width, height; } sizes[] = {
  { 360, 640 }, { 640, 480 }, { 1280, 800 }, { 1920, 1080 }, { 3840, 2160 },
};

static cairo_surface_t *
new_surface (double width,
             double height)
{
  return cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) width, (int) height);
}

static void
pixel (cairo_surface_t *surface,
       int              x,
       int              y,
       guint8           rgb[3])
{
  const guint8 *row;
  guint32 value;

  cairo_surface_flush (surface);
  g_assert_cmpint (x, >=, 0);
  g_assert_cmpint (y, >=, 0);
  g_assert_cmpint (x, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint (y, <, cairo_image_surface_get_height (surface));
  row = cairo_image_surface_get_data (surface) + y * cairo_image_surface_get_stride (surface);
  value = ((const guint32 *) row)[x];
  rgb[0] = (value >> 16) & 0xff;
  rgb[1] = (value >> 8) & 0xff;
  rgb[2] = value & 0xff;
}

static gboolean
near_color (const guint8   rgb[3],
            const GsColor *color,
            int            tolerance)
{
  return abs (rgb[0] - (int) round (color->red * 255)) <= tolerance &&
         abs (rgb[1] - (int) round (color->green * 255)) <= tolerance &&
         abs (rgb[2] - (int) round (color->blue * 255)) <= tolerance;
}

/* Every label lies inside its box and overlaps no other, and every character had a font. */
static void
assert_labels_tidy (GArray     *labels,
                    const char *what,
                    double      width,
                    double      height)
{
  GsRect canvas = { 0, 0, width, height };

  g_assert_cmpuint (labels->len, >, 0);
  for (guint i = 0; i < labels->len; i++)
    {
      const GsChartLabel *a = &g_array_index (labels, GsChartLabel, i);

      if (!gs_rect_contains (a->box, a->ink) || !gs_rect_contains (canvas, a->ink))
        g_error ("%s at %gx%g: “%s” leaves its box (box %.1f,%.1f %.1f×%.1f, ink %.1f,%.1f %.1f×%.1f)", what, width,
                 height, a->text, a->box.x, a->box.y, a->box.width, a->box.height, a->ink.x, a->ink.y, a->ink.width,
                 a->ink.height);
      g_assert_cmpint (a->unknown_glyphs, ==, 0);
      for (guint j = i + 1; j < labels->len; j++)
        {
          const GsChartLabel *b = &g_array_index (labels, GsChartLabel, j);
          if (gs_rect_intersects (a->ink, b->ink))
            g_error ("%s at %gx%g: “%s” overlaps “%s”", what, width, height, a->text, b->text);
        }
    }
}

static GsResults *
demo_results (gboolean follow_up)
{
  g_autoptr(GPtrArray) demo = gs_demo_build_assessments (gs_test_instrument ());

  return gs_results_compute (gs_test_instrument (), g_ptr_array_index (demo, follow_up ? 1 : 0), 3);
}

/* --- Polarity maps -------------------------------------------------------------------- */

static void
set_scores (GsPolarityMapData *data,
            double lu, double ld, double ru, double rd)
{
  data->scores[GS_POLE_LEFT][GS_SIDE_UPSIDE] = lu;
  data->scores[GS_POLE_LEFT][GS_SIDE_DOWNSIDE] = ld;
  data->scores[GS_POLE_RIGHT][GS_SIDE_UPSIDE] = ru;
  data->scores[GS_POLE_RIGHT][GS_SIDE_DOWNSIDE] = rd;
}

/* Measures a quadrant's score bar: walking from the middle line outwards along the bar's
 * middle, the share of its height that is not the bare surface. */
static double
measured_fill (cairo_surface_t *surface,
               const GsPalette *palette,
               GsRect           gauge)
{
  int x = (int) (gauge.x + gauge.width / 2);
  int filled = 0, top = (int) ceil (gauge.y + 1), bottom = (int) floor (gauge.y + gauge.height - 1);

  for (int y = top; y <= bottom; y++)
    {
      guint8 rgb[3];

      pixel (surface, x, y, rgb);
      filled += !near_color (rgb, &palette->surface, 6);
    }
  return 100.0 * filled / (bottom - top + 1);
}

/* With results, each quadrant's bar is filled in proportion to its score, at every size. */
static void
test_polarity_fill_proportional (void)
{
  const GsPalette *palette = gs_palette_get (GS_PALETTE_LIGHT);

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      double w = sizes[s].width, h = sizes[s].height;
      cairo_surface_t *surface = new_surface (w, h);
      cairo_t *cr = cairo_create (surface);
      g_autoptr(GArray) labels = gs_chart_labels_new ();
      GsPolarityMapData data;
      const double expected[2][2] = { { 80, 20 }, { 35, 65 } };

      gs_polarity_map_data_init (&data, gs_test_instrument (), NULL, NULL, 0);
      set_scores (&data, expected[0][0], expected[0][1], expected[1][0], expected[1][1]);
      gs_polarity_chart_draw (cr, &data, w, h, palette, labels);
      for (GsPole pole = 0; pole < GS_N_POLES; pole++)
        for (GsSide side = 0; side < GS_N_SIDES; side++)
          {
            GsRect gauge = gs_polarity_chart_gauge (w, h, pole, side);
            double fill = measured_fill (surface, palette, gauge);
            /* Allow for the bar's ends and antialiasing. */
            double tolerance = 100.0 * 3 / gauge.height;

            if (fabs (fill - expected[pole][side]) > tolerance)
              g_error ("at %gx%g, quadrant %d/%d is %.1f %% filled, expected %.0f %% ± %.1f",
                       w, h, pole, side, fill, expected[pole][side], tolerance);
          }
      assert_labels_tidy (labels, "polarity map", w, h);
      gs_polarity_map_data_clear (&data);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
}

/* The whole table, every row, with and without results, at every size: tidy labels, and
 * Table 1's pole texts are what the map shows. */
static void
test_polarity_maps_tidy (void)
{
  g_autoptr(GsResults) results = demo_results (FALSE);
  const GsPolarity *polarity = gs_instrument_get_polarity (gs_test_instrument ());

  for (int row = GS_POLARITY_WHOLE_TABLE; row < (int) polarity->rows->len; row++)
    for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
      {
        cairo_surface_t *surface = new_surface (sizes[s].width, sizes[s].height);
        cairo_t *cr = cairo_create (surface);
        g_autoptr(GArray) labels = gs_chart_labels_new ();
        gboolean found_pole = FALSE;
        GsPolarityMapData data;

        gs_polarity_map_data_init (&data, gs_test_instrument (), results->assessment, s % 2 ? results : NULL, row);
        gs_polarity_chart_draw (cr, &data, sizes[s].width, sizes[s].height, gs_palette_get (s % 3), labels);
        assert_labels_tidy (labels, "polarity map", sizes[s].width, sizes[s].height);
        for (guint i = 0; i < labels->len; i++)
          found_pole |= g_str_equal (g_array_index (labels, GsChartLabel, i).text, data.poles[GS_POLE_RIGHT]);
        g_assert_true (found_pole);
        if (row >= 0)
          g_assert_cmpstr (data.poles[GS_POLE_LEFT], ==,
                           ((const GsPolarityRow *) g_ptr_array_index (polarity->rows, row))->poles[GS_POLE_LEFT].pole);
        gs_polarity_map_data_clear (&data);
        cairo_destroy (cr);
        cairo_surface_destroy (surface);
      }
}

/* Edited texts in other scripts and very long ones draw inside their boxes with real glyphs. */
static void
test_polarity_other_scripts (void)
{
  g_autoptr(GsAssessment) assessment = gs_assessment_new (NULL, NULL, "Org", "T", "2026-01-01", "movement-readiness", GS_TEST_VERSION);
  const GsPolarityRow *row = g_ptr_array_index (gs_instrument_get_polarity (gs_test_instrument ())->rows, 1);
  g_autofree char *left = gs_polarity_text_key (row, GS_POLE_LEFT, "pole", 0);
  g_autofree char *right = gs_polarity_text_key (row, GS_POLE_RIGHT, "pole", 0);
  g_autofree char *up = gs_polarity_text_key (row, GS_POLE_LEFT, "upsides", 0);
  g_autofree char *long_text = g_strnfill (2000, 'w');
  GsPolarityMapData data;

  gs_assessment_set_polarity_text (assessment, left, "«Κινητοποίηση» των ανθρώπων — με ευθύνη");
  gs_assessment_set_polarity_text (assessment, right, "تحريك الناس نحو التغيير");
  gs_assessment_set_polarity_text (assessment, up, "让员工自己推动改进，而不是等待计划。");
  gs_assessment_set_polarity_text (assessment, "deeper_fear", long_text);
  gs_polarity_map_data_init (&data, gs_test_instrument (), assessment, NULL, 1);
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      cairo_surface_t *surface = new_surface (sizes[s].width, sizes[s].height);
      cairo_t *cr = cairo_create (surface);
      g_autoptr(GArray) labels = gs_chart_labels_new ();
      gboolean truncated_fear = FALSE;

      gs_polarity_chart_draw (cr, &data, sizes[s].width, sizes[s].height, gs_palette_get (GS_PALETTE_LIGHT), labels);
      assert_labels_tidy (labels, "polarity map with other scripts", sizes[s].width, sizes[s].height);
      for (guint i = 0; i < labels->len; i++)
        if (g_str_equal (g_array_index (labels, GsChartLabel, i).text, long_text))
          truncated_fear = g_array_index (labels, GsChartLabel, i).truncated;
      g_assert_true (truncated_fear);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
  gs_polarity_map_data_clear (&data);
}

static void
test_polarity_description (void)
{
  GsPolarityMapData data;
  g_autofree char *text = NULL;

  gs_polarity_map_data_init (&data, gs_test_instrument (), NULL, NULL, 1);
  set_scores (&data, 80, 20, 35, 65);
  text = gs_polarity_chart_describe (&data);
  g_assert_nonnull (strstr (text, "“Motivating” people AND “Moving” people"));
  g_assert_nonnull (strstr (text, "upsides seen 80 % of the scale, downsides 20 % (balance +60)"));
  g_assert_nonnull (strstr (text, "upsides seen 35 % of the scale, downsides 65 % (balance -30)"));
  /* In full: every statement, action step and early warning the map writes in its boxes. */
  for (GsPole pole = 0; pole < GS_N_POLES; pole++)
    {
      const char *lists[] = { data.statements[pole][GS_SIDE_UPSIDE], data.statements[pole][GS_SIDE_DOWNSIDE],
                              data.action_steps[pole], data.early_warnings[pole] };

      for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
        {
          g_auto(GStrv) lines = g_strsplit (lists[l], "\n", -1);

          g_assert_cmpuint (g_strv_length (lines), >, 0);
          for (guint i = 0; lines[i] != NULL; i++)
            g_assert_nonnull (strstr (text, lines[i]));
        }
    }
  g_assert_nonnull (strstr (text, "Early warnings of them: "));
  gs_polarity_map_data_clear (&data);
}

/* --- Context profile ------------------------------------------------------------------ */

static void
draw_profile_at_sizes (const GsResults *results,
                       const char      *what)
{
  GsProfileData data;

  gs_profile_data_init (&data, results);
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      cairo_surface_t *surface = new_surface (sizes[s].width, sizes[s].height);
      cairo_t *cr = cairo_create (surface);
      g_autoptr(GArray) labels = gs_chart_labels_new ();

      gs_profile_chart_draw (cr, &data, sizes[s].width, sizes[s].height, gs_palette_get (s % 3), labels);
      assert_labels_tidy (labels, what, sizes[s].width, sizes[s].height);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
  gs_profile_data_clear (&data);
}

static void
test_profile (void)
{
  g_autoptr(GsResults) results = demo_results (FALSE);
  g_autoptr(GsAssessment) empty = gs_assessment_new (NULL, NULL, "Org", "Empty", "2026-01-01", "movement-readiness", GS_TEST_VERSION);
  g_autoptr(GsAssessment) single = gs_assessment_new (NULL, NULL, "Org", "One", "2026-01-01", "movement-readiness", GS_TEST_VERSION);
  GsRespondent *only = gs_assessment_add_respondent (single, NULL, "Only", "Board");
  g_autoptr(GsResults) empty_results = gs_results_compute (gs_test_instrument (), empty, 3);
  g_autoptr(GsResults) single_results = NULL;
  GsProfileData data;
  g_autofree char *text = NULL;

  gs_respondent_set_answer (only, "org-key-people", GS_ANSWER_VALUE, 4, NULL);
  single_results = gs_results_compute (gs_test_instrument (), single, 3);
  draw_profile_at_sizes (results, "context profile");
  draw_profile_at_sizes (empty_results, "empty context profile");
  draw_profile_at_sizes (single_results, "single-respondent context profile");

  gs_profile_data_init (&data, single_results);
  text = gs_profile_chart_describe (&data);
  g_assert_nonnull (strstr (text, "Organisational context 75 (lowest 75, highest 75, 1 respondents)"));
  g_assert_nonnull (strstr (text, "Triggering conditions not answered"));
  gs_profile_data_clear (&data);
}

/* A label too wide for its box on one line wraps between words, shrinking if it must; it
 * breaks a word ("Organisation|al") only when even the smallest size cannot hold it. */
static void
test_text_wraps_between_words (void)
{
  g_autoptr(GArray) labels = gs_chart_labels_new ();
  cairo_surface_t *surface = new_surface (400, 400);
  cairo_t *cr = cairo_create (surface);
  const GsTextStyle style = { 22, 9, PANGO_WEIGHT_BOLD, FALSE, GS_ALIGN_END, GS_ALIGN_CENTER };
  const GsChartLabel *roomy, *tight;

  gs_chart_text (cr, "Organisational context", &style, (GsRect) { 0, 0, 120, 80 }, labels);
  gs_chart_text (cr, "Organisational context", &style, (GsRect) { 0, 100, 40, 80 }, labels);
  roomy = &g_array_index (labels, GsChartLabel, 0);
  tight = &g_array_index (labels, GsChartLabel, 1);
  g_assert_false (roomy->broken_word);
  g_assert_false (roomy->truncated);
  g_assert_true (gs_rect_contains (roomy->box, roomy->ink));
  /* 40 px cannot hold "Organisational" even at 9 px: broken, but still inside its box. */
  g_assert_true (tight->broken_word);
  g_assert_true (gs_rect_contains (tight->box, tight->ink));

  /* Measured without drawing, before anything is remembered: the rectangles drawing then
   * takes, for the text aligned to the start, the middle and the end of the same box (a fit
   * remembered for one alignment is not another's); one line's width is the roomy box's. */
  gs_chart_text_forget_fits ();
  for (GsAlign align = GS_ALIGN_START; align <= GS_ALIGN_END; align++)
    {
      GsTextStyle aligned = style;
      GsRect box = { 0, 200, 300, 80 }, measured, drawn;

      aligned.halign = align;
      measured = gs_chart_text_measure (cr, "Organisational context", &aligned, box);
      drawn = gs_chart_text (cr, "Organisational context", &aligned, box, NULL);
      g_assert_cmpfloat (measured.x, ==, drawn.x);
      g_assert_cmpfloat (measured.y, ==, drawn.y);
      g_assert_cmpfloat (measured.width, ==, drawn.width);
      g_assert_cmpfloat (measured.height, ==, drawn.height);
      if (align == GS_ALIGN_START)
        g_assert_cmpfloat (drawn.x, ==, box.x);
      else if (align == GS_ALIGN_CENTER)
        g_assert_cmpfloat_with_epsilon (drawn.x + drawn.width / 2, box.x + box.width / 2, 1);
      else
        g_assert_cmpfloat_with_epsilon (drawn.x + drawn.width, box.x + box.width, 1);
    }
  gs_chart_text_forget_fits ();
  g_assert_cmpfloat_with_epsilon (gs_chart_text_width (cr, "Organisational context", &style),
                                  gs_chart_text (cr, "Organisational context", &style, (GsRect) { 0, 200, 1000, 80 }, NULL).width,
                                  1e-9);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* The context chart at @scale device pixels per pixel, in @variant's colours, on a surface
 * of its own. */
static cairo_surface_t *
draw_profile_at_scale (const GsProfileData *data,
                       double               scale,
                       GsPaletteVariant     variant)
{
  cairo_surface_t *surface = new_surface (800 * scale, 500 * scale);
  cairo_t *cr = cairo_create (surface);

  cairo_scale (cr, scale, scale);
  gs_profile_chart_draw (cr, data, 800, 500, gs_palette_get (variant), NULL);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static gboolean
same_pixels (cairo_surface_t *a,
             cairo_surface_t *b)
{
  return cairo_image_surface_get_stride (a) == cairo_image_surface_get_stride (b) &&
         cairo_image_surface_get_height (a) == cairo_image_surface_get_height (b) &&
         memcmp (cairo_image_surface_get_data (a), cairo_image_surface_get_data (b),
                 (gsize) cairo_image_surface_get_stride (a) * cairo_image_surface_get_height (a)) == 0;
}

/* A redraw draws the layouts the first drawing made and kept: pixel for pixel what drawing
 * afresh draws, at 1x after a drawing at twice the scale (an export with cairo_scale) as
 * before it, and at 2x with the 1x layouts kept as at 2x with nothing kept. A kept layout
 * stays laid out while later labels are drawn on the same cairo context and on the next:
 * its serial, which Pango moves on at every change, holds still. */
static void
test_text_layouts_kept (void)
{
  const GsTextStyle style = { 22, 9, PANGO_WEIGHT_BOLD, FALSE, GS_ALIGN_END, GS_ALIGN_CENTER };
  const GsRect box = { 0, 0, 300, 80 };
  g_autoptr(GsResults) results = demo_results (FALSE);
  cairo_surface_t *fresh, *fresh_doubled, *again, *doubled, *after_doubled, *dark;
  cairo_surface_t *surface = new_surface (400, 400);
  cairo_t *cr = cairo_create (surface);
  PangoLayout *first;
  guint serial;
  GsProfileData data;

  gs_profile_data_init (&data, results);
  gs_chart_text_forget_fits ();
  fresh_doubled = draw_profile_at_scale (&data, 2, GS_PALETTE_LIGHT);
  gs_chart_text_forget_fits ();
  fresh = draw_profile_at_scale (&data, 1, GS_PALETTE_LIGHT);
  again = draw_profile_at_scale (&data, 1, GS_PALETTE_LIGHT);
  doubled = draw_profile_at_scale (&data, 2, GS_PALETTE_LIGHT);
  after_doubled = draw_profile_at_scale (&data, 1, GS_PALETTE_LIGHT);
  dark = draw_profile_at_scale (&data, 1, GS_PALETTE_DARK);
  g_assert_true (same_pixels (again, fresh));
  g_assert_true (same_pixels (after_doubled, fresh));
  g_assert_true (same_pixels (doubled, fresh_doubled));
  g_assert_false (same_pixels (dark, fresh));  /* the comparison can tell drawings apart */

  gs_chart_text (cr, "Organisational context", &style, box, NULL);
  first = gs_chart_text_kept_layout (cr, "Organisational context", &style, box);
  g_assert_nonnull (first);
  serial = pango_layout_get_serial (first);
  gs_chart_text (cr, "Triggering conditions", &style, (GsRect) { 0, 100, 300, 80 }, NULL);
  g_assert_cmpuint (pango_layout_get_serial (first), ==, serial);
  cairo_destroy (cr);
  cr = cairo_create (surface);
  g_assert_true (gs_chart_text_kept_layout (cr, "Organisational context", &style, box) == first);
  gs_chart_text (cr, "Receptive context", &style, (GsRect) { 0, 200, 300, 80 }, NULL);
  g_assert_cmpuint (pango_layout_get_serial (first), ==, serial);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  cairo_surface_destroy (fresh);
  cairo_surface_destroy (fresh_doubled);
  cairo_surface_destroy (again);
  cairo_surface_destroy (doubled);
  cairo_surface_destroy (after_doubled);
  cairo_surface_destroy (dark);
  gs_profile_data_clear (&data);
}

#define FIT_WIDTHS 10
#define FIT_HEIGHTS 8

/* The size @text fits at in boxes of many shapes, tallest first when @down, each fitted
 * afresh when @fresh (nothing remembered), else with what earlier fits remembered. */
static void
fit_in_boxes (cairo_t    *cr,
              const char *text,
              gboolean    down,
              gboolean    fresh,
              double      sizes[FIT_WIDTHS][FIT_HEIGHTS])
{
  const GsTextStyle style = { 24, 9, PANGO_WEIGHT_NORMAL, FALSE, GS_ALIGN_START, GS_ALIGN_START };

  for (int w = 0; w < FIT_WIDTHS; w++)
    for (int k = 0; k < FIT_HEIGHTS; k++)
      {
        int h = down ? FIT_HEIGHTS - 1 - k : k;

        if (fresh)
          gs_chart_text_forget_fits ();
        sizes[w][h] = gs_chart_text_fitted_size (cr, text, &style, (GsRect) { 0, 0, 60 + 40 * w, 30 + 40 * h });
      }
}

/* A fit is remembered, so that a redraw lays each label out once; what is remembered must be
 * what fitting finds. Boxes of many shapes, asked in turn with the fits remembered, then
 * again in the other order, give the sizes each finds afresh; a taller box fits the text
 * larger; at twice the scale (a HiDPI screen) the sizes are those found afresh at that
 * scale, not those remembered at the first. */
static void
test_text_fits_remembered (void)
{
  static const char text[] = "Trust-wide release of energy. Local initiatives joined up. Organisational context "
                             "and the receptive context of change. Y cyd-destun sefydliadol. مستشفى المجتمع";
  double fresh[FIT_WIDTHS][FIT_HEIGHTS], first[FIT_WIDTHS][FIT_HEIGHTS], again[FIT_WIDTHS][FIT_HEIGHTS];
  double doubled[FIT_WIDTHS][FIT_HEIGHTS], doubled_fresh[FIT_WIDTHS][FIT_HEIGHTS];
  cairo_surface_t *surface = new_surface (100, 100);
  cairo_t *cr = cairo_create (surface);
  guint n_grew = 0;

  fit_in_boxes (cr, text, FALSE, TRUE, fresh);
  cairo_save (cr);
  cairo_scale (cr, 2, 2);
  fit_in_boxes (cr, text, FALSE, TRUE, doubled_fresh);
  cairo_restore (cr);
  gs_chart_text_forget_fits ();
  fit_in_boxes (cr, text, FALSE, FALSE, first);
  fit_in_boxes (cr, text, TRUE, FALSE, again);
  cairo_scale (cr, 2, 2);
  fit_in_boxes (cr, text, TRUE, FALSE, doubled);
  for (int w = 0; w < FIT_WIDTHS; w++)
    for (int h = 0; h < FIT_HEIGHTS; h++)
      {
        g_assert_cmpfloat (first[w][h], ==, fresh[w][h]);
        g_assert_cmpfloat (again[w][h], ==, fresh[w][h]);
        g_assert_cmpfloat (doubled[w][h], ==, doubled_fresh[w][h]);
        g_assert_cmpfloat_with_epsilon (doubled[w][h], fresh[w][h], 0.05 * fresh[w][h] + 0.01);
        n_grew += h == FIT_HEIGHTS - 1 && fresh[w][h] > fresh[w][0];
      }
  g_assert_cmpuint (n_grew, >=, FIT_WIDTHS / 2);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* Seven staff groups in a narrow chart: every group is in the legend, in full, on as many
 * rows as it takes (the legend used to stop at the chart's edge and drop the rest). */
static void
test_profile_legend_keeps_every_group (void)
{
  g_autoptr(GsAssessment) assessment = gs_assessment_new (NULL, NULL, "Org", "Trust-wide", "2026-01-01",
                                                          "movement-readiness", GS_TEST_VERSION);
  static const char *groups[] = { "Board", "Senior managers", "Nursing and midwifery", "Medical staff",
                                  "Allied health professionals", "Administrative and clerical", "Estates and facilities" };
  g_autoptr(GsResults) results = NULL;
  g_autoptr(GArray) labels = gs_chart_labels_new ();
  cairo_surface_t *surface = new_surface (420, 560);
  cairo_t *cr = cairo_create (surface);
  GsProfileData data;

  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    for (guint r = 0; r < 3; r++)
      gs_respondent_set_answer (gs_assessment_add_respondent (assessment, NULL, "R", groups[g]),
                                "org-key-people", GS_ANSWER_VALUE, 1 + (int) (g + r) % 5, NULL);
  results = gs_results_compute (gs_test_instrument (), assessment, 3);
  gs_profile_data_init (&data, results);
  gs_profile_chart_draw (cr, &data, 420, 560, gs_palette_get (GS_PALETTE_LIGHT), labels);
  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    {
      gboolean found = FALSE;

      for (guint i = 0; i < labels->len; i++)
        {
          const GsChartLabel *label = &g_array_index (labels, GsChartLabel, i);

          if (g_str_equal (label->text, groups[g]))
            {
              found = TRUE;
              g_assert_false (label->truncated);
              g_assert_true (gs_rect_contains ((GsRect) { 0, 0, 420, 560 }, label->ink));
            }
        }
      g_assert_true (found);
    }
  gs_profile_data_clear (&data);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* A group named in Arabic sits beside its legend marker, as a Latin one does: the label's
 * text starts at the start of its box (it was pushed to the far end, by the next marker). */
static void
test_profile_rtl_legend (void)
{
  g_autoptr(GsAssessment) assessment = gs_assessment_new (NULL, NULL, "Org", "RTL", "2026-01-01", "movement-readiness", GS_TEST_VERSION);
  static const char *groups[] = { "مجلس الإدارة", "Front line" };
  g_autoptr(GsResults) results = NULL;
  g_autoptr(GArray) labels = gs_chart_labels_new ();
  cairo_surface_t *surface = new_surface (1600, 1000);
  cairo_t *cr = cairo_create (surface);
  GsProfileData data;
  guint found = 0;

  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    for (guint r = 0; r < 3; r++)
      gs_respondent_set_answer (gs_assessment_add_respondent (assessment, NULL, "R", groups[g]),
                                "org-key-people", GS_ANSWER_VALUE, 2 + (int) g, NULL);
  results = gs_results_compute (gs_test_instrument (), assessment, 3);
  gs_profile_data_init (&data, results);
  gs_profile_chart_draw (cr, &data, 1600, 1000, gs_palette_get (GS_PALETTE_LIGHT), labels);
  for (guint i = 0; i < labels->len; i++)
    {
      const GsChartLabel *label = &g_array_index (labels, GsChartLabel, i);

      if (g_str_equal (label->text, groups[0]) || g_str_equal (label->text, groups[1]))
        {
          g_assert_cmpfloat (label->ink.x - label->box.x, <, 1.0);
          found++;
        }
    }
  g_assert_cmpuint (found, ==, 2);
  gs_profile_data_clear (&data);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* --- Timeline ----------------------------------------------------------------------- */

/* The paper's 15 % line is drawn at the height of 15 % on the participation axis, and every
 * event has its marker, in its kind's colour. */
static void
test_timeline_reference_and_markers (void)
{
  g_autoptr(GPtrArray) demo = gs_demo_build_assessments (gs_test_instrument ());
  GsAssessment *baseline = g_ptr_array_index (demo, 0);
  const GsPalette *palette = gs_palette_get (GS_PALETTE_LIGHT);
  GsTimelineData data;

  gs_timeline_data_init (&data, gs_test_instrument (), baseline, NULL);
  for (guint s = 1; s < G_N_ELEMENTS (sizes); s++)
    {
      double w = sizes[s].width, h = sizes[s].height;
      cairo_surface_t *surface = new_surface (w, h);
      cairo_t *cr = cairo_create (surface);
      g_autoptr(GArray) labels = gs_chart_labels_new ();
      int y15 = (int) round (gs_timeline_chart_participation_y (&data, w, h, GS_PARTICIPATION_REFERENCE));
      int red = 0;

      gs_timeline_chart_draw (cr, &data, w, h, palette, labels);
      assert_labels_tidy (labels, "timeline", w, h);
      /* The dashed line (62 % ink): much of a stretch near the left of the row, within a
       * pixel of 15 %, is the reference colour. */
      for (int dy = -1; dy <= 1; dy++)
        {
          int count = 0;
          for (int x = (int) (w * 0.1); x < (int) (w * 0.2); x++)
            {
              guint8 rgb[3];
              pixel (surface, x, y15 + dy, rgb);
              count += near_color (rgb, &palette->reference, 40);
            }
          red = MAX (red, count);
        }
      g_assert_cmpint (red, >, (int) (w * 0.1 * 0.4));

      for (guint i = 0; i < data.events->len; i++)
        {
          const GsTimelineEvent *event = g_ptr_array_index (data.events, i);
          double x, y;
          guint8 rgb[3];

          if (!gs_timeline_chart_event_point (&data, w, h, event, &x, &y))
            continue;
          pixel (surface, (int) round (x), (int) round (y), rgb);
          if (!near_color (rgb, event->kind == GS_EVENT_MEASUREMENT ? &palette->categories[0] : &palette->categories[event->kind], 40))
            g_error ("at %gx%g, no marker for “%s” at %.0f,%.0f (found %d,%d,%d)", w, h, event->title, x, y, rgb[0], rgb[1], rgb[2]);
        }
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
  gs_timeline_data_clear (&data);
}

/* 200 events over five years: everything draws, no label overlaps another. */
static void
test_timeline_200_events (void)
{
  g_autoptr(GsAssessment) assessment = gs_assessment_new (NULL, NULL, "Org", "T", "2026-01-01", "movement-readiness", GS_TEST_VERSION);
  g_autoptr(GRand) rand = g_rand_new_with_seed (3);
  GsTimelineData data;
  g_autofree char *text = NULL;

  for (guint i = 0; i < 200; i++)
    {
      g_autoptr(GDate) date = g_date_new_dmy (1, 1, 2022);
      char iso[16];
      g_autofree char *title = g_strdup_printf ("Event %u with a fairly long title that needs wrapping", i);
      GsTimelineEvent *event;

      g_date_add_days (date, g_rand_int_range (rand, 0, 5 * 365));
      g_date_strftime (iso, sizeof iso, "%Y-%m-%d", date);
      event = gs_assessment_add_event (assessment, NULL, iso, (GsEventKind) (i % GS_N_EVENT_KINDS), title);
      event->stage = 1 + (int) (i * 3 / 200);
      if (event->kind == GS_EVENT_MEASUREMENT)
        event->participation = g_rand_double_range (rand, 5, 40);
    }
  gs_timeline_data_init (&data, gs_test_instrument (), assessment, NULL);
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      cairo_surface_t *surface = new_surface (sizes[s].width, sizes[s].height);
      cairo_t *cr = cairo_create (surface);
      g_autoptr(GArray) labels = gs_chart_labels_new ();

      gs_timeline_chart_draw (cr, &data, sizes[s].width, sizes[s].height, gs_palette_get (GS_PALETTE_DARK), labels);
      assert_labels_tidy (labels, "timeline of 200 events", sizes[s].width, sizes[s].height);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
  text = gs_timeline_chart_describe (&data);
  g_assert_true (g_str_has_prefix (text, "Movement timeline with 200 events:"));
  gs_timeline_data_clear (&data);
}

/* An organisation with no events and one assessment: the axis, the 15 % line and the
 * legend still draw, tidily, and the description says there are none. */
static void
test_timeline_empty (void)
{
  g_autoptr(GsAssessment) assessment = gs_assessment_new (NULL, NULL, "Org", "T", "2026-01-01", "movement-readiness", GS_TEST_VERSION);
  GsTimelineData data;
  g_autofree char *text = NULL;

  gs_timeline_data_init (&data, gs_test_instrument (), assessment, NULL);
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      cairo_surface_t *surface = new_surface (sizes[s].width, sizes[s].height);
      cairo_t *cr = cairo_create (surface);
      g_autoptr(GArray) labels = gs_chart_labels_new ();

      gs_timeline_chart_draw (cr, &data, sizes[s].width, sizes[s].height, gs_palette_get (GS_PALETTE_HIGH_CONTRAST), labels);
      assert_labels_tidy (labels, "empty timeline", sizes[s].width, sizes[s].height);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
  text = gs_timeline_chart_describe (&data);
  g_assert_true (g_str_has_prefix (text, "Movement timeline with 0 events:"));
  gs_timeline_data_clear (&data);
}

/* A year below 100 is that year, not this century's: an event of 0099 is drawn far left of
 * one of 2099 (both were drawn at 2099). */
static void
test_timeline_early_years (void)
{
  g_autoptr(GsAssessment) assessment = gs_assessment_new (NULL, NULL, "Org", "T", "2026-01-01", "movement-readiness", GS_TEST_VERSION);
  GsTimelineEvent *early = gs_assessment_add_event (assessment, NULL, "0099-06-01", GS_EVENT_MILESTONE, "Early");
  GsTimelineEvent *late = gs_assessment_add_event (assessment, NULL, "2099-06-01", GS_EVENT_MILESTONE, "Late");
  GsTimelineData data;
  double early_x, late_x, y;

  gs_timeline_data_init (&data, gs_test_instrument (), assessment, NULL);
  g_assert_true (gs_timeline_chart_event_point (&data, 1600, 1000, early, &early_x, &y));
  g_assert_true (gs_timeline_chart_event_point (&data, 1600, 1000, late, &late_x, &y));
  g_assert_cmpfloat (late_x - early_x, >, 1000);
  gs_timeline_data_clear (&data);
}

/* --- Comparison ----------------------------------------------------------------------- */

static void
test_comparison (void)
{
  g_autoptr(GsResults) before = demo_results (FALSE);
  g_autoptr(GsResults) after = demo_results (TRUE);
  GsComparisonData data, nothing;
  g_autofree char *text = NULL;

  gs_comparison_data_init (&data, before, after);
  gs_comparison_data_init (&nothing, NULL, after);
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      GsComparisonData *which[] = { &data, &nothing };

      for (guint k = 0; k < 2; k++)
        {
          cairo_surface_t *surface = new_surface (sizes[s].width, sizes[s].height);
          cairo_t *cr = cairo_create (surface);
          g_autoptr(GArray) labels = gs_chart_labels_new ();

          gs_comparison_chart_draw (cr, which[k], sizes[s].width, sizes[s].height, gs_palette_get (GS_PALETTE_LIGHT), labels);
          assert_labels_tidy (labels, "comparison", sizes[s].width, sizes[s].height);
          cairo_destroy (cr);
          cairo_surface_destroy (surface);
        }
    }
  g_assert_cmpuint (data.rows->len, ==, 5 + 4);
  text = gs_comparison_chart_describe (&data);
  {
    const GsComparisonRow *triggering = &g_array_index (data.rows, GsComparisonRow, 4);
    g_autofree char *expected = g_strdup_printf ("Triggering conditions from %.0f to %.0f (%+.0f)", triggering->baseline,
                                                 triggering->follow_up, triggering->follow_up - triggering->baseline);
    g_assert_nonnull (strstr (text, expected));
    g_assert_cmpfloat (triggering->follow_up, >, triggering->baseline);
  }
  gs_comparison_data_clear (&data);
  gs_comparison_data_clear (&nothing);
}

/* The one sentence a slide reads out, from answers whose scores are known by hand: a 4 on
 * the five-point scale is 75 out of 100, a 2 is 25. */
static void
test_readings (void)
{
  g_autoptr(GsAssessment) assessment = gs_assessment_new (NULL, NULL, "Org", "Two", "2026-01-01", "movement-readiness", GS_TEST_VERSION);
  GsRespondent *one = gs_assessment_add_respondent (assessment, NULL, "One", "Board");
  g_autoptr(GsResults) results = NULL;
  GsProfileData profile;
  GsComparisonData comparison = { .baseline_title = (char *) "Baseline", .follow_up_title = (char *) "Follow-up" };
  const GsComparisonRow rows[] = {
    { (char *) "Cultural context", 40, 52, FALSE },
    { (char *) "Social movements approach: downsides", 30, 20, TRUE },
    { (char *) "Political context", 60, 57, FALSE },
    { (char *) "Structural context", NAN, 50, FALSE },
  };
  g_autofree char *context = NULL;
  g_autofree char *change = NULL;

  gs_respondent_set_answer (one, "org-key-people", GS_ANSWER_VALUE, 4, NULL);
  gs_respondent_set_answer (one, "trg-moved", GS_ANSWER_VALUE, 2, NULL);
  results = gs_results_compute (gs_test_instrument (), assessment, 1);
  gs_profile_data_init (&profile, results);
  context = gs_profile_chart_summarise (&profile);
  g_assert_cmpstr (context, ==, "Strongest: Organisational context, 75 out of 100. Weakest: Triggering conditions, 25 out of 100.");
  gs_profile_data_clear (&profile);

  /* Two of the three comparable measures improved (a downside falling is better); the
   * largest change is the cultural context's. */
  comparison.rows = g_array_new (FALSE, FALSE, sizeof (GsComparisonRow));
  g_array_append_vals (comparison.rows, rows, G_N_ELEMENTS (rows));
  change = gs_comparison_chart_summarise (&comparison);
  g_assert_cmpstr (change, ==, "Since Baseline, 2 of 3 measures improved; the largest change: Cultural context, +12.");
  g_array_unref (comparison.rows);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/charts/polarity/fill-proportional", test_polarity_fill_proportional);
  g_test_add_func ("/charts/polarity/maps-tidy", test_polarity_maps_tidy);
  g_test_add_func ("/charts/polarity/other-scripts", test_polarity_other_scripts);
  g_test_add_func ("/charts/polarity/description", test_polarity_description);
  g_test_add_func ("/charts/profile", test_profile);
  g_test_add_func ("/charts/timeline/reference-and-markers", test_timeline_reference_and_markers);
  g_test_add_func ("/charts/timeline/200-events", test_timeline_200_events);
  g_test_add_func ("/charts/timeline/empty", test_timeline_empty);
  g_test_add_func ("/charts/timeline/early-years", test_timeline_early_years);
  g_test_add_func ("/charts/profile/rtl-legend", test_profile_rtl_legend);
  g_test_add_func ("/charts/text/wraps-between-words", test_text_wraps_between_words);
  g_test_add_func ("/charts/text/fits-remembered", test_text_fits_remembered);
  g_test_add_func ("/charts/text/layouts-kept", test_text_layouts_kept);
  g_test_add_func ("/charts/profile/legend-keeps-every-group", test_profile_legend_keeps_every_group);
  g_test_add_func ("/charts/comparison", test_comparison);
  g_test_add_func ("/charts/readings", test_readings);

  return g_test_run ();
}
