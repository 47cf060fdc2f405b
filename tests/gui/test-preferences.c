/* test-preferences.c — the Preferences window and what each setting changes
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

/* Preferences (Ctrl+comma): the style turns the window dark at once and is kept; a larger
 * smallest group hides the demo's groups of 3 and 4 on the open results; the paper size is
 * kept for Export Report. */
static void
test_preferences (GsTestFixture *fixture,
                  gconstpointer  user_data)
{
  GsWindow *window = gs_test_activate_and_show (fixture);
  AdwViewStack *charts = gs_window_get_tabs (GS_WINDOW (window));
  g_autoptr(GSettings) settings = g_settings_new ("org.groundswell.Groundswell");
  g_autofree char *scheme = NULL;
  g_autofree char *paper = NULL;
  GsOverviewPage *overview;
  GtkWindow *preferences;

  gs_test_open_demo_tab (window, "overview");
  overview = GS_OVERVIEW_PAGE (adw_view_stack_get_visible_child (charts));
  g_assert_null (gs_overview_page_get_hidden_groups (overview));

  g_action_group_activate_action (G_ACTION_GROUP (fixture->app), "preferences", NULL);
  gs_test_drain ();
  preferences = gs_test_find_preferences ();
  g_assert_nonnull (preferences);

  adw_combo_row_set_selected ((gpointer) gtk_widget_get_template_child (GTK_WIDGET (preferences), GS_TYPE_PREFERENCES_WINDOW, "color_scheme_row"), 2);
  gs_test_drain ();
  scheme = g_settings_get_string (settings, "color-scheme");
  g_assert_cmpstr (scheme, ==, "dark");
  g_assert_true (adw_style_manager_get_dark (adw_style_manager_get_default ()));

  gtk_spin_button_set_value ((gpointer) gtk_widget_get_template_child (GTK_WIDGET (preferences), GS_TYPE_PREFERENCES_WINDOW, "min_group_size_spin"), 5);
  gs_test_drain ();
  g_assert_cmpuint (g_settings_get_uint (settings, "min-group-size"), ==, 5);
  g_assert_cmpstr (gs_overview_page_get_hidden_groups (overview), ==, "Board, Managers, Front line");

  adw_combo_row_set_selected ((gpointer) gtk_widget_get_template_child (GTK_WIDGET (preferences), GS_TYPE_PREFERENCES_WINDOW, "paper_size_row"), 1);
  gs_test_drain ();
  paper = g_settings_get_string (settings, "paper-size");
  g_assert_cmpstr (paper, ==, "letter");

  gtk_window_destroy (preferences);
  g_settings_reset (settings, "color-scheme");
  g_settings_reset (settings, "min-group-size");
  g_settings_reset (settings, "paper-size");
  gs_test_drain ();
  g_assert_false (adw_style_manager_get_dark (adw_style_manager_get_default ()));
}

int
main (int   argc,
      char *argv[])
{
  gs_test_ui_init (&argc, &argv);
  g_test_add ("/ui/preferences/preferences", GsTestFixture, NULL,
              gs_test_fixture_set_up, test_preferences, gs_test_fixture_tear_down);
  return gs_test_ui_run ();
}
