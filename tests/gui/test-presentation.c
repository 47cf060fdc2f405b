/* test-presentation.c — presenting the results full screen, driven by the keys a presenter
 * (or a clicker) sends
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gs-test-util.h"
#include "gui/gs-presentation.h"
#include "store/gs-assessment-summary.h"
#include "report/gs-chart-registry.h"

static GsPresentation *
find_presentation (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (GS_IS_PRESENTATION (toplevel))
        return GS_PRESENTATION (toplevel);
    }
  return NULL;
}

static gboolean
presentation_shown (gpointer data)
{
  GsPresentation *presentation = find_presentation ();

  return presentation != NULL && gtk_widget_get_mapped (GTK_WIDGET (presentation));
}

/* The example's follow-up has a baseline, so every chart of the registry is a slide; its
 * plan has actions, so the plan is the last. */
static guint
expected_slides (void)
{
  guint n_charts;

  gs_chart_registry_get (&n_charts);
  return 1 + n_charts + 1;
}

/* F5 on the results fills the screen with the title slide; the keys of presentation software
 * step through every slide in the tabs' order, B blacks the screen until the next key, and
 * Escape leaves full screen and gives the keys back to the window. */
static void
test_keys_step_through_the_slides (GsTestFixture *fixture,
                                   gconstpointer  user_data)
{
  GsWindow *window = gs_test_activate_and_show (fixture);
  const GsChartInfo *charts;
  GsPresentation *presentation;
  guint n_charts;

  gs_test_open_demo_tab (window, "overview");
  g_assert_null (find_presentation ());
  gs_test_keys (GTK_WINDOW (window), "F5");
  gs_test_iterate_until (presentation_shown, NULL);
  presentation = find_presentation ();
  g_assert_true (gtk_window_is_fullscreen (GTK_WINDOW (presentation)));
  g_assert_cmpuint (gs_presentation_get_n_slides (presentation), ==, expected_slides ());
  g_assert_cmpuint (gs_presentation_get_current (presentation), ==, 0);
  g_assert_cmpstr (gs_presentation_get_slide_title (presentation), ==,
                   "Riverside Community Health NHS Trust (fictional example)");

  /* Every chart in turn, whichever key moves on. */
  charts = gs_chart_registry_get (&n_charts);
  for (guint i = 0; i < n_charts; i++)
    {
      static const char *next[] = { "Right", "Next", "space", "Return", "Down" };
      g_autofree char *title = gs_chart_info_title (&charts[i], -1);

      gs_test_keys (GTK_WINDOW (presentation), next[i % G_N_ELEMENTS (next)]);
      g_assert_cmpuint (gs_presentation_get_current (presentation), ==, i + 1);
      g_assert_cmpstr (gs_presentation_get_slide_title (presentation), ==, title);
    }
  /* Then the plan, and the last slide stays the last. */
  gs_test_keys (GTK_WINDOW (presentation), "Right");
  g_assert_cmpstr (gs_presentation_get_slide_title (presentation), ==, "The plan");
  gs_test_keys (GTK_WINDOW (presentation), "Right");
  g_assert_cmpuint (gs_presentation_get_current (presentation), ==, n_charts + 1);

  /* A clicker's Page Up, then Home and End. */
  gs_test_keys (GTK_WINDOW (presentation), "Prior Left");
  g_assert_cmpuint (gs_presentation_get_current (presentation), ==, n_charts - 1);
  gs_test_keys (GTK_WINDOW (presentation), "Home");
  g_assert_cmpuint (gs_presentation_get_current (presentation), ==, 0);
  gs_test_keys (GTK_WINDOW (presentation), "End");
  g_assert_cmpuint (gs_presentation_get_current (presentation), ==, n_charts + 1);

  gs_test_keys (GTK_WINDOW (presentation), "b");
  g_assert_true (gs_presentation_get_blank (presentation));
  gs_test_keys (GTK_WINDOW (presentation), "b");
  g_assert_false (gs_presentation_get_blank (presentation));
  gs_test_keys (GTK_WINDOW (presentation), "period Home");
  g_assert_false (gs_presentation_get_blank (presentation));
  g_assert_cmpuint (gs_presentation_get_current (presentation), ==, 0);

  gs_test_keys (GTK_WINDOW (presentation), "Escape");
  g_assert_null (find_presentation ());
  g_assert_false (gtk_window_is_fullscreen (GTK_WINDOW (window)));
  g_assert_cmpstr (gs_test_visible_page (window), ==, "results");
}

/* `groundswell --present=ID`: the window opens on the results and presents them once they
 * are scored; an assessment without an earlier one has no comparison slide. */
static void
test_present_an_assessment_by_id (GsTestFixture *fixture,
                                  gconstpointer  user_data)
{
  GsWindow *window = gs_test_activate_and_show (fixture);
  g_autoptr(GsAssessmentSummary) baseline = NULL;
  GsPresentation *presentation;

  gs_test_open_demo_tab (window, "overview");
  gs_test_keys (GTK_WINDOW (window), "<Alt>Left");
  baseline = g_list_model_get_item (gs_store_get_assessments (gs_window_get_store (window)), 1);
  g_assert_cmpstr (gs_assessment_summary_get_title (baseline), ==, "Baseline");

  gs_window_present_assessment (window, gs_assessment_summary_get_id (baseline));
  gs_test_iterate_until (presentation_shown, NULL);
  presentation = find_presentation ();
  g_assert_cmpuint (gs_presentation_get_n_slides (presentation), ==, expected_slides () - 1);
  g_assert_cmpstr (gs_test_visible_page (window), ==, "results");
  gtk_window_destroy (GTK_WINDOW (presentation));
  gs_test_drain ();
}

int
main (int   argc,
      char *argv[])
{
  gs_test_ui_init (&argc, &argv);
  g_test_add ("/ui/presentation/keys-step-through-the-slides", GsTestFixture, NULL,
              gs_test_fixture_set_up, test_keys_step_through_the_slides, gs_test_fixture_tear_down);
  g_test_add ("/ui/presentation/present-an-assessment-by-id", GsTestFixture, NULL,
              gs_test_fixture_set_up, test_present_an_assessment_by_id, gs_test_fixture_tear_down);
  return gs_test_ui_run ();
}
