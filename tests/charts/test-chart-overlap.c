/* test-chart-overlap.c — no chart covers its own words
 *
 * Every chart of the registry is laid out at the sizes people meet it at (a slide, the chart
 * area of an A4 report page at half scale, a 360 px window) for the example trust and for a
 * whole-trust survey of 3,000 respondents in 7 staff groups. On each: no text leaves its box
 * or lies on another text, the polarity loop or a marker; at slide size no text is cut short;
 * and every group drawn is named in the legend.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "gs-test-util.h"
#include "charts/gs-chart-shapes.h"
#include "core/gs-demo.h"
#include "report/gs-analysis.h"

static const struct { const char *what; double width, height; gboolean slide; } sizes[] = {
  { "slide", 1920, 870, TRUE }, { "A4 page", 990, 742, FALSE }, { "narrow window", 360, 640, FALSE },
};

static const char *staff_groups[] = {
  "Board", "Consultants", "Nurses and midwives", "Allied health professionals", "Healthcare assistants",
  "Administrative and clerical", "Estates and facilities",
};

/* A whole-trust survey: 3,000 respondents in seven groups, every item answered, answers
 * spread so that groups differ. Deterministic: the same survey every run. */
static GsAssessment *
whole_trust_survey (void)
{
  GsAssessment *assessment = gs_assessment_new (NULL, NULL, "Whole Trust", "Staff survey", "2026-10-01",
                                                "movement-readiness", GS_TEST_VERSION);
  GPtrArray *items = gs_instrument_get_items (gs_test_instrument ());
  GRand *rand = g_rand_new_with_seed (2004);

  for (guint r = 0; r < 3000; r++)
    {
      g_autofree char *name = g_strdup_printf ("Respondent %u", r + 1);
      guint group = r % G_N_ELEMENTS (staff_groups);
      GsRespondent *respondent = gs_assessment_add_respondent (assessment, NULL, name, staff_groups[group]);

      for (guint i = 0; i < items->len; i++)
        {
          const GsItem *item = g_ptr_array_index (items, i);
          int drawn = g_rand_int_range (rand, 1, 6) + (int) (group % 3) - 1;  /* CLAMP reads it thrice */
          int value = CLAMP (drawn, 1, 5);

          gs_respondent_set_answer (respondent, item->id, GS_ANSWER_VALUE, value, NULL);
        }
    }
  g_rand_free (rand);
  return assessment;
}

/* What is wrong, a line each: every fault is listed before the test fails. */
static GString *faults;

#define fault(...) g_string_append_printf (faults, __VA_ARGS__), g_string_append_c (faults, '\n')

static void
assert_clear (const char *chart,
              const char *what,
              GArray     *labels,
              GArray     *marks,
              double      width,
              double      height,
              gboolean    slide)
{
  GsRect canvas = { 0, 0, width, height };

  for (guint i = 0; i < labels->len; i++)
    {
      const GsChartLabel *a = &g_array_index (labels, GsChartLabel, i);

      if (!gs_rect_contains (a->box, a->ink) || !gs_rect_contains (canvas, a->ink))
        fault ("%s on a %s: “%s” leaves its box", chart, what, a->text);
      if (slide && a->truncated)
        fault ("%s on a %s: “%s” is cut short", chart, what, a->text);
      for (guint j = i + 1; j < labels->len; j++)
        if (gs_rect_intersects (a->ink, g_array_index (labels, GsChartLabel, j).ink))
          fault ("%s on a %s: “%.60s” overlaps “%.60s”", chart, what, a->text, g_array_index (labels, GsChartLabel, j).text);
      for (guint m = 0; m < marks->len; m++)
        {
          GsRect mark = g_array_index (marks, GsRect, m);

          if (gs_rect_intersects (gs_rect_inset (a->ink, 0.5), mark))
            {
              fault ("%s on a %s: “%.60s” lies under a mark at %.0f,%.0f", chart, what, a->text, mark.x, mark.y);
              break;
            }
        }
    }
}

static gboolean
labelled (GArray     *labels,
          const char *text)
{
  for (guint i = 0; i < labels->len; i++)
    if (g_str_equal (g_array_index (labels, GsChartLabel, i).text, text))
      return TRUE;
  return FALSE;
}

static void
check_every_chart (GsAnalysis *analysis)
{
  const GsResults *results = gs_analysis_get_results (analysis);
  guint n_rows = gs_instrument_get_polarity (gs_analysis_get_instrument (analysis))->rows->len;
  const GsChartInfo *charts;
  guint n_charts;

  faults = g_string_new (NULL);
  charts = gs_chart_registry_get (&n_charts);
  for (guint c = 0; c < n_charts; c++)
    for (int row = -1; row < (charts[c].has_rows ? (int) n_rows : 0); row++)
      for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
        {
          g_autofree char *name = row < 0 ? g_strdup (charts[c].name) : g_strdup_printf ("%s-%d", charts[c].name, row + 1);
          g_autoptr(GArray) labels = gs_chart_labels_new ();
          g_autoptr(GArray) marks = g_array_new (FALSE, FALSE, sizeof (GsRect));
          cairo_surface_t *surface;
          cairo_t *cr;

          if (charts[c].needs_baseline && gs_analysis_get_baseline (analysis) == NULL)
            continue;
          surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
          cr = cairo_create (surface);
          gs_chart_marks_collect (cr, marks);
          g_assert_true (gs_analysis_draw (analysis, name, cr, sizes[s].width, sizes[s].height,
                                           gs_palette_get (GS_PALETTE_LIGHT), labels, NULL));
          assert_clear (name, sizes[s].what, labels, marks, sizes[s].width, sizes[s].height, sizes[s].slide);
          /* Every group shown is in the profile's legend. */
          if (g_str_equal (name, "context"))
            for (guint g = 0; g < results->groups->len; g++)
              if (results->group_sizes[g] >= results->min_group_size && !labelled (labels, g_ptr_array_index (results->groups, g)))
                fault ("context on a %s: the group “%s” is not in the legend", sizes[s].what,
                         (const char *) g_ptr_array_index (results->groups, g));
          cairo_destroy (cr);
          cairo_surface_destroy (surface);
        }
  if (faults->len > 0)
    g_error ("%s", faults->str);
  g_string_free (faults, TRUE);
}

static void
test_example (void)
{
  g_autoptr(GPtrArray) demo = gs_demo_build_assessments (gs_test_instrument ());
  g_autoptr(GsAnalysis) analysis = gs_analysis_new (gs_test_instrument (), g_ptr_array_index (demo, 1),
                                                    g_ptr_array_index (demo, 0), 3);

  check_every_chart (analysis);
}

static void
test_whole_trust_survey (void)
{
  g_autoptr(GsAssessment) survey = whole_trust_survey ();
  g_autoptr(GsAnalysis) analysis = gs_analysis_new (gs_test_instrument (), survey, NULL, 3);

  check_every_chart (analysis);
}

int
main (int   argc,
      char *argv[])
{
  /* `test-chart-overlap cy`: the same checks with every text in Welsh (tests/meson.build). */
  if (argc > 1 && argv[argc - 1][0] != '-')
    gs_test_use_language (argv[--argc]);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/charts/overlap/example", test_example);
  g_test_add_func ("/charts/overlap/whole-trust-survey", test_whole_trust_survey);
  return g_test_run ();
}
