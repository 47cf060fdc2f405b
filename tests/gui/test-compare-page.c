/* test-compare-page.c — the Compare tab: the baseline and choosing another
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <poppler.h>

#include "core/gs-demo.h"
#include "core/gs-exchange.h"
#include "gs-test-util.h"
#include "gui/gs-answer-page.h"
#include "gui/gs-chart-view.h"
#include "gui/gs-compare-page.h"
#include "gui/gs-dialogs.h"
#include "gui/gs-map-editor.h"
#include "gui/gs-overview-page.h"
#include "gui/gs-preferences-window.h"
#include "gui/gs-timeline-editor.h"
#include "store/gs-assessment-summary.h"

/* The comparison starts from the assessment just before; another earlier one can be
 * chosen; the earliest has nothing to compare with. */
static void
test_compare_with_chosen_baseline (GsTestFixture *fixture,
                                   gconstpointer  user_data)
{
  GsWindow *window = gs_test_activate_and_show (fixture);
  GsStore *store = gs_window_get_store (window);
  AdwViewStack *charts = gs_window_get_tabs (GS_WINDOW (window));
  GsLibraryView *list = gs_test_library_of (window);
  g_autoptr(GsInstrument) instrument = gs_instrument_load_default (NULL);
  g_autoptr(GsAssessmentSummary) newest = NULL;
  g_autoptr(GError) error = NULL;
  GsComparePage *compare;
  GsChartView *chart;
  gint64 pilot;

  gs_test_open_demo_tab (window, "comparison");
  compare = GS_COMPARE_PAGE (adw_view_stack_get_visible_child (charts));
  chart = gs_compare_page_get_chart_view (compare);
  g_assert_true (g_str_has_prefix (gs_chart_view_get_description (chart), "Change from Baseline (2 March 2026) to Six-month follow-up (7 September 2026):"));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "export-chart"));

  newest = g_list_model_get_item (gs_store_get_assessments (store), 0);
  pilot = gs_store_add_assessment (store, gs_assessment_summary_get_organisation_id (newest), "Pilot", "2025-01-10",
                                   instrument, &error);
  g_assert_no_error (error);
  gs_test_drain ();
  g_assert_true (gs_compare_page_choose (compare, pilot));
  g_assert_true (g_str_has_prefix (gs_chart_view_get_description (chart), "Change from Pilot (10 January 2025) to Six-month follow-up (7 September 2026):"));
  g_assert_nonnull (strstr (gs_chart_view_get_description (chart), "not comparable"));

  /* The earliest assessment, "Pilot", last in the list: nothing earlier to compare with. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "show-assessments", NULL);
  gs_test_drain ();
  gs_library_view_activate (list, 2);
  gs_test_drain ();
  g_assert_true (g_str_has_prefix (gs_chart_view_get_description (chart), "No earlier assessment to compare Pilot (10 January 2025) with"));
  /* Nothing to export either: a picture of "nothing to compare" is not a chart. */
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "export-chart"));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "copy-chart"));

  /* A later assessment is not a baseline: the user is told, and nothing changes. */
  g_assert_false (gs_compare_page_choose (compare, gs_assessment_summary_get_id (newest)));
  g_assert_nonnull (gs_test_find_dialog ("Could Not Compare the Assessments"));
  g_assert_true (g_str_has_prefix (gs_chart_view_get_description (chart), "No earlier assessment to compare Pilot (10 January 2025) with"));

  /* Another organisation of the same name, dated between the two: not a baseline, and a
   * group of its own in the library. */
  gs_store_add_assessment (store, gs_store_add_organisation (store, gs_assessment_summary_get_organisation_name (newest), NULL),
                           "Namesake", "2026-08-01", instrument, &error);
  g_assert_no_error (error);
  gs_test_destroy_dialogs ();
  g_action_group_activate_action (G_ACTION_GROUP (window), "show-assessments", NULL);
  gs_test_drain ();
  g_assert_cmpstr (gs_test_row_header_text (list, 3), ==, gs_assessment_summary_get_organisation_name (newest));
  gs_library_view_activate (list, 0);
  gs_test_drain ();
  g_assert_true (g_str_has_prefix (gs_chart_view_get_description (chart), "Change from Baseline (2 March 2026) to Six-month follow-up (7 September 2026):"));
}

int
main (int   argc,
      char *argv[])
{
  gs_test_ui_init (&argc, &argv);
  g_test_add ("/ui/compare-page/compare-with-chosen-baseline", GsTestFixture, NULL,
              gs_test_fixture_set_up, test_compare_with_chosen_baseline, gs_test_fixture_tear_down);
  return gs_test_ui_run ();
}
