/* test-overview.c — the Overview tab: scores, disagreement, hidden groups, in words
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

/* The overview shows each domain's score as the scoring engine computes it for the stored
 * answers, rounded as people read it; a domain no one answered shows a dash. */
/* The description of the overview's section headed @title. */
static const char *
group_description (GtkWidget  *widget,
                   const char *title)
{
  GtkWidget *page = gtk_widget_get_ancestor (widget, GS_TYPE_OVERVIEW_PAGE);
  const char *text = gs_overview_page_get_section_text (GS_OVERVIEW_PAGE (page != NULL ? page : widget), title);

  g_assert_nonnull (text);
  return text;
}

static void
test_overview_shows_scores (GsTestFixture *fixture,
                            gconstpointer  user_data)
{
  GsWindow *window = gs_test_activate_and_show (fixture);
  AdwViewStack *charts = gs_window_get_tabs (window);
  g_autoptr(GsInstrument) instrument = gs_instrument_load_default (NULL);
  g_autoptr(GsAssessment) assessment = NULL;
  g_autoptr(GsResults) results = NULL;
  g_autoptr(GError) error = NULL;
  GsOverviewPage *overview;
  gint64 id = gs_test_open_demo_tab (window, "overview");

  overview = GS_OVERVIEW_PAGE (adw_view_stack_get_visible_child (charts));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "export-chart"));
  adw_view_stack_set_visible_child_name (charts, "context");
  g_assert_false (gs_chart_view_shows_no_answers (GS_CHART_VIEW (adw_view_stack_get_child_by_name (charts, "context"))));
  adw_view_stack_set_visible_child_name (charts, "overview");
  assessment = gs_store_load_assessment (gs_window_get_store (window), id, &error);
  g_assert_no_error (error);
  results = gs_results_compute (instrument, assessment, GS_DEFAULT_MIN_GROUP_SIZE);
  g_assert_cmpuint (results->n_domains, ==, 5);
  for (guint d = 0; d < results->n_domains; d++)
    {
      g_autofree char *expected = g_strdup_printf ("%.0f", results->domains[d].aggregate.mean);

      g_assert_false (isnan (results->domains[d].aggregate.mean));
      g_assert_cmpstr (gs_overview_page_get_domain_score (overview, results->domains[d].domain->id), ==, expected);
    }

  /* A new assessment with no answers: every score is a dash. */
  gs_store_add_assessment (gs_window_get_store (window), gs_store_add_organisation (gs_window_get_store (window), "Empty Trust", NULL),
                           "Baseline", "2027-01-01", instrument, &error);
  g_assert_no_error (error);
  g_action_group_activate_action (G_ACTION_GROUP (window), "show-assessments", NULL);
  gs_test_drain ();
  gs_library_view_activate (gs_test_library_of (window), 0);
  gs_test_drain ();
  g_assert_cmpstr (gs_overview_page_get_domain_score (overview, results->domains[0].domain->id), ==, "—");
  /* The charts of answers say there are none, with the way to answer, not empty axes. */
  adw_view_stack_set_visible_child_name (charts, "context");
  g_assert_true (gs_chart_view_shows_no_answers (GS_CHART_VIEW (adw_view_stack_get_child_by_name (charts, "context"))));
  adw_view_stack_set_visible_child_name (charts, "polarity");
  g_assert_true (gs_chart_view_shows_no_answers (gs_map_editor_get_chart_view (
    GS_MAP_EDITOR (adw_view_stack_get_child_by_name (charts, "polarity")))));
  adw_view_stack_set_visible_child_name (charts, "timeline");
  g_assert_false (gs_chart_view_shows_no_answers (gs_timeline_editor_get_chart_view (
    GS_TIMELINE_EDITOR (adw_view_stack_get_child_by_name (charts, "timeline")))));
  /* No stage is named and no absence of suggestions is claimed without answers. */
  g_assert_cmpstr (group_description (GTK_WIDGET (overview), "Estimated stage of the movement"), ==,
                   "Not enough answers yet to estimate the stage.");
  g_assert_true (g_str_has_prefix (group_description (GTK_WIDGET (overview), "Suggestions"), "None yet"));
}

/* A board split 1 against 5 on the cultural context: the overview says they disagree, in
 * words; a group of one ("Ward") is named as hidden. Worked by hand: items score 0 and 100,
 * mean 50; the group of one is below the smallest group shown (3). */
static void
test_overview_disagreement_and_hidden_group (GsTestFixture *fixture,
                                             gconstpointer  user_data)
{
  GsWindow *window = gs_test_activate_and_show (fixture);
  GsStore *store = gs_window_get_store (window);
  AdwViewStack *charts = gs_window_get_tabs (window);
  GsLibraryView *list = gs_test_library_of (window);
  g_autoptr(GsInstrument) instrument = gs_instrument_load_default (NULL);
  g_autoptr(GError) error = NULL;
  static const struct { const char *name, *group; int value; } people[] = {
    { "A", "Board", 1 }, { "B", "Board", 5 }, { "C", "Board", 1 }, { "D", "Ward", 5 },
  };
  GPtrArray *items = gs_instrument_get_items (instrument);
  GsOverviewPage *overview;
  GsTextRow *cultural;
  gint64 id;

  id = gs_store_add_assessment (store, gs_store_add_organisation (store, "Split Trust", NULL), "Split board",
                                "2026-10-01", instrument, &error);
  g_assert_no_error (error);
  for (guint p = 0; p < G_N_ELEMENTS (people); p++)
    {
      g_autofree char *uuid = gs_store_add_respondent (store, id, people[p].name, people[p].group, &error);

      g_assert_no_error (error);
      for (guint i = 0; i < items->len; i++)
        {
          const GsItem *item = g_ptr_array_index (items, i);

          if (g_str_has_prefix (item->id, "cul-"))
            g_assert_true (gs_store_save_answer (store, uuid, item->id, GS_ANSWER_VALUE, people[p].value, "", &error));
        }
    }
  /* Sent a questionnaire that has not come back. */
  g_free (gs_store_add_respondent (store, id, "Siân", "Board", &error));
  g_assert_no_error (error);
  gs_test_drain ();
  gs_library_view_activate (list, 0);
  gs_test_drain ();
  overview = GS_OVERVIEW_PAGE (adw_view_stack_get_child_by_name (charts, "overview"));
  g_assert_cmpstr (gs_overview_page_get_domain_score (overview, "cultural"), ==, "50");
  cultural = gs_test_find_row_titled (GTK_WIDGET (overview), "Cultural context");
  g_assert_nonnull (cultural);
  /* Each cultural item: 1, 5, 1, 5 → variance 16/3 > 2 → r_wg 0: every item disagrees. */
  {
    guint n = gs_results_lookup_domain (gs_analysis_get_results (gs_window_get_analysis (window)), "cultural")->domain->items->len;
    g_autofree char *expected = g_strdup_printf ("Respondents disagree: %u of %u items disagree.", n, n);

    g_assert_nonnull (strstr (gs_text_row_get_subtitle (cultural), expected));
  }
  /* Alpha: the four answered every item, and each one's items are all alike: with K items,
   * totals K, 5K, K, 5K have variance 16K²/3 and each item 16/3, so
   * alpha = K/(K − 1) × (1 − K × (16/3) / (16K²/3)) = K/(K − 1) × (1 − 1/K) = 1.00. */
  g_assert_nonnull (strstr (gs_text_row_get_subtitle (cultural), "Cronbach's alpha 1.00 (4 complete respondents)."));
  g_assert_null (strstr (gs_text_row_get_subtitle (gs_test_find_row_titled (GTK_WIDGET (overview), "Organisational context")),
                         "disagree"));
  g_assert_cmpstr (gs_overview_page_get_hidden_groups (overview), ==, "Ward");
  /* Who has answered, and how far. */
  {
    guint k = gs_results_lookup_domain (gs_analysis_get_results (gs_window_get_analysis (window)), "cultural")->domain->items->len;
    g_autofree char *expected = g_strdup_printf ("0 of 5 respondents have answered every question. Part answered: "
                                                 "A (%u of %u), B (%u of %u), C (%u of %u), D (%u of %u). No answers yet "
                                                 "(sent a questionnaire that has not come back, or not yet asked): Siân.",
                                                 k, items->len, k, items->len, k, items->len, k, items->len);

    g_assert_cmpstr (gs_text_row_get_subtitle (gs_test_find_row_titled (GTK_WIDGET (overview), "Who has answered")), ==,
                     expected);
  }
}

/* The example's follow-up: the Board and the Front line see the organisational context very
 * differently, and the overview says so with their scores; alpha is shown with its n; the
 * overall score weighs the two halves equally and names the weakest domain. */
static void
test_overview_example_follow_up (GsTestFixture *fixture,
                                 gconstpointer  user_data)
{
  GsWindow *window = gs_test_activate_and_show (fixture);
  AdwViewStack *charts = gs_window_get_tabs (window);
  GsOverviewPage *overview;
  const GsResults *results;
  const GsDomainResult *organisational;
  g_autofree char *expected = NULL;
  const char *subtitle;

  gs_test_open_demo_tab (window, "overview");
  overview = GS_OVERVIEW_PAGE (adw_view_stack_get_child_by_name (charts, "overview"));
  results = gs_analysis_get_results (gs_window_get_analysis (window));
  g_assert_cmpstr (gs_assessment_get_title (results->assessment), ==, "Six-month follow-up");
  organisational = gs_results_lookup_domain (results, "organisational");
  g_assert_true (organisational->aggregate.disagreement);
  g_assert_cmpfloat (organisational->aggregate.rwg, >=, GS_RWG_AGREEMENT_CUTOFF);  /* r_wg(J) alone missed it */

  subtitle = gs_text_row_get_subtitle (gs_test_find_row_titled (GTK_WIDGET (overview), "Organisational context"));
  expected = g_strdup_printf ("Respondents disagree: %s.", organisational->disagreement);
  g_assert_nonnull (strstr (subtitle, expected));
  g_assert_nonnull (strstr (organisational->disagreement, "Board "));
  g_assert_nonnull (strstr (organisational->disagreement, "Front line "));
  g_assert_nonnull (strstr (subtitle, "Cronbach's alpha "));
  g_assert_nonnull (strstr (subtitle, "complete respondents)."));
}

int
main (int   argc,
      char *argv[])
{
  gs_test_ui_init (&argc, &argv);
  g_test_add ("/ui/overview/overview-shows-scores", GsTestFixture, NULL,
              gs_test_fixture_set_up, test_overview_shows_scores, gs_test_fixture_tear_down);
  g_test_add ("/ui/overview/overview-example-follow-up", GsTestFixture, NULL,
              gs_test_fixture_set_up, test_overview_example_follow_up, gs_test_fixture_tear_down);
  g_test_add ("/ui/overview/overview-disagreement-and-hidden-group", GsTestFixture, NULL,
              gs_test_fixture_set_up, test_overview_disagreement_and_hidden_group, gs_test_fixture_tear_down);
  return gs_test_ui_run ();
}
