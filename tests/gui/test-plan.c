/* test-plan.c — the Plan tab: suggestions and action steps become actions the board owns,
 * edited, deleted and undone, done and placed on the timeline, and carried into a follow-up
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gs-test-util.h"
#include "gui/gs-compare-page.h"
#include "gui/gs-dialogs.h"
#include "gui/gs-plan-page.h"
#include "store/gs-assessment-summary.h"

static GsPlanPage *
plan_page_of (GsWindow *window)
{
  return GS_PLAN_PAGE (adw_view_stack_get_child_by_name (gs_window_get_tabs (window), "plan"));
}

/* The plan as the database holds it now. */
static GsAssessment *
stored (GsWindow *window,
        gint64    id)
{
  g_autoptr(GError) error = NULL;
  GsAssessment *assessment = gs_store_load_assessment (gs_window_get_store (window), id, &error);

  g_assert_no_error (error);
  return assessment;
}

static gboolean
is_row_with_subtitle (GtkWidget     *widget,
                      gconstpointer  subtitle)
{
  return ADW_IS_ACTION_ROW (widget) && g_strcmp0 (adw_action_row_get_subtitle (ADW_ACTION_ROW (widget)), subtitle) == 0;
}

static gboolean
is_button_labelled (GtkWidget     *widget,
                    gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

static gboolean
is_expander_titled (GtkWidget     *widget,
                    gconstpointer  title)
{
  return ADW_IS_EXPANDER_ROW (widget) && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static gboolean
is_entry_titled (GtkWidget     *widget,
                 gconstpointer  title)
{
  return ADW_IS_ENTRY_ROW (widget) && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static gboolean
is_combo_row (GtkWidget     *widget,
              gconstpointer  data)
{
  return ADW_IS_COMBO_ROW (widget);
}

/* An offer of @kind ("Suggestion", …) not yet taken into the plan. */
static gboolean
is_open_offer (GtkWidget     *widget,
               gconstpointer  kind)
{
  return is_row_with_subtitle (widget, kind) && gs_test_find_widget (widget, is_button_labelled, "_Add as Action") != NULL;
}

/* Presses the button of the first offer of @kind ("Suggestion", …) under Where to Act that
 * is not in the plan yet, and returns the offer's text. */
static char *
take_offer (GsPlanPage *page,
            const char *kind,
            const char *button_label)
{
  GtkWidget *row = gs_test_find_widget (GTK_WIDGET (page), is_open_offer, kind);
  char *text;

  g_assert_nonnull (row);
  text = g_strdup (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
  /* Opened first, as a person would: a button in a closed row cannot be pressed. */
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (gtk_widget_get_ancestor (row, ADW_TYPE_EXPANDER_ROW)), TRUE);
  gs_test_drain ();
  gs_test_press (gs_test_find_widget (row, is_button_labelled, button_label));
  gs_test_drain ();
  return text;
}

static GtkWidget *
action_expander (GsPlanPage *page,
                 const char *what)
{
  GtkWidget *expander = gs_test_find_widget (GTK_WIDGET (page), is_expander_titled, what);

  g_assert_nonnull (expander);
  return expander;
}

static const GsAction *
find_action (GsAssessment *assessment,
             const char   *what)
{
  GPtrArray *actions = gs_assessment_get_actions (assessment);

  for (guint i = 0; i < actions->len; i++)
    if (g_str_equal (((GsAction *) g_ptr_array_index (actions, i))->what, what))
      return g_ptr_array_index (actions, i);
  return NULL;
}

/* Two suggestions and an action step become actions with their areas; the owner and date
 * are kept (an impossible date is not); a deletion is undone in place; an action marked done
 * goes on the timeline as a milestone. Each step is read back from the database. */
static void
test_suggestions_become_actions (GsTestFixture *fixture,
                                 gconstpointer  user_data)
{
  GsWindow *window = gs_test_activate_and_show (fixture);
  gint64 id = gs_test_open_demo_tab (window, "plan");
  GsPlanPage *page = plan_page_of (window);
  g_autoptr(GsAssessment) before = stored (window, id);
  guint n_before = gs_assessment_get_actions (before)->len;
  g_autofree char *first = NULL, *second = NULL, *step = NULL;
  GtkWidget *expander, *entry;

  g_assert_cmpuint (n_before, ==, 3);  /* the example's plan */
  first = take_offer (page, "Suggestion", "_Add as Action");
  second = take_offer (page, "Suggestion", "_Add as Action");
  step = take_offer (page, "Action step on the polarity map", "_Add as Action");
  {
    g_autoptr(GsAssessment) after = stored (window, id);
    const GsAction *from_step = find_action (after, step);

    g_assert_cmpuint (gs_assessment_get_actions (after)->len, ==, n_before + 3);
    g_assert_nonnull (find_action (after, first));
    g_assert_nonnull (find_action (after, second));
    g_assert_nonnull (from_step);
    g_assert_true (g_str_has_prefix (from_step->area, "quadrant:"));
    g_assert_cmpint (from_step->status, ==, GS_ACTION_PLANNED);
  }

  /* Owner and date, typed into the action just added (it opens by itself). */
  expander = action_expander (page, step);
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (expander)));
  gtk_editable_set_text (GTK_EDITABLE (gs_test_find_widget (expander, is_entry_titled, "Who owns it")), "Chief Nurse");
  entry = gs_test_find_widget (expander, is_entry_titled, "Due by (YYYY-MM-DD)");
  gtk_editable_set_text (GTK_EDITABLE (entry), "2026-12-31");
  g_signal_emit_by_name (entry, "apply");
  gtk_editable_set_text (GTK_EDITABLE (entry), "2026-13-01");  /* not a day: shown as wrong, not kept */
  g_assert_true (gtk_widget_has_css_class (entry, "error"));
  g_signal_emit_by_name (entry, "apply");
  gs_test_drain ();
  {
    g_autoptr(GsAssessment) after = stored (window, id);
    const GsAction *action = find_action (after, step);

    g_assert_cmpstr (action->owner, ==, "Chief Nurse");
    g_assert_cmpstr (action->due, ==, "2026-12-31");
  }

  /* Deleted, then undone from the toast: back in its place. */
  expander = action_expander (page, first);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), TRUE);
  gs_test_drain ();
  gs_test_press (gs_test_find_widget (expander, is_button_labelled, "_Delete Action"));
  gs_test_drain ();
  {
    g_autoptr(GsAssessment) after = stored (window, id);

    g_assert_null (find_action (after, first));
    g_assert_cmpuint (gs_assessment_get_actions (after)->len, ==, n_before + 2);
  }
  gtk_widget_activate_action (GTK_WIDGET (page), "plan.undo", NULL);
  gs_test_drain ();
  {
    g_autoptr(GsAssessment) after = stored (window, id);
    GPtrArray *actions = gs_assessment_get_actions (after);

    g_assert_cmpuint (actions->len, ==, n_before + 3);
    g_assert_cmpstr (((GsAction *) g_ptr_array_index (actions, n_before))->what, ==, first);
  }

  /* Done, and on the timeline. */
  expander = action_expander (page, step);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), TRUE);
  gs_test_drain ();
  adw_combo_row_set_selected (ADW_COMBO_ROW (gs_test_find_widget (expander, is_combo_row, NULL)), GS_ACTION_DONE);
  gs_test_drain ();
  {
    g_autoptr(GsAssessment) after = stored (window, id);

    g_assert_cmpint (find_action (after, step)->status, ==, GS_ACTION_DONE);
  }
  gs_test_press (gs_test_find_widget (expander, is_button_labelled, "_Place on Timeline"));
  gs_test_drain ();
  {
    g_autoptr(GsAssessment) after = stored (window, id);
    GPtrArray *events = gs_assessment_get_events (after);
    gboolean placed = FALSE;

    for (guint i = 0; i < events->len; i++)
      {
        const GsTimelineEvent *event = g_ptr_array_index (events, i);

        placed |= g_str_equal (event->title, step) && event->kind == GS_EVENT_MILESTONE &&
                  g_str_equal (event->date, "2026-12-31");
      }
    g_assert_true (placed);
  }
}

/* A follow-up starts with the plan it follows, to review: the same actions, statuses and
 * owners, shown on its Plan tab; its Compare tab says what was done beside each change. */
static void
test_follow_up_carries_the_plan (GsTestFixture *fixture,
                                 gconstpointer  user_data)
{
  GsWindow *window = gs_test_activate_and_show (fixture);
  gint64 id = gs_test_open_demo_tab (window, "plan");
  GListModel *list = gs_store_get_assessments (gs_window_get_store (window));
  g_autoptr(GsAssessment) earlier = stored (window, id);
  g_autoptr(GsAssessmentSummary) newest = NULL;
  g_autoptr(GsAssessment) follow_up = NULL;
  GtkLabel *review;
  AdwMessageDialog *dialog;

  gs_test_keys (GTK_WINDOW (window), "<Alt>Left");
  g_action_group_activate_action (G_ACTION_GROUP (window), "follow-up-assessment", g_variant_new_int64 (id));
  dialog = gs_test_find_dialog ("Add a Follow-up");
  gtk_editable_set_text (gs_form_dialog_get_field (dialog, "date"), "2027-03-01");
  adw_message_dialog_response (dialog, "add");
  gs_test_drain ();
  newest = g_list_model_get_item (list, 0);
  follow_up = stored (window, gs_assessment_summary_get_id (newest));
  g_assert_cmpuint (gs_assessment_get_actions (follow_up)->len, ==, gs_assessment_get_actions (earlier)->len);
  for (guint i = 0; i < gs_assessment_get_actions (earlier)->len; i++)
    {
      const GsAction *was = g_ptr_array_index (gs_assessment_get_actions (earlier), i);
      const GsAction *is = g_ptr_array_index (gs_assessment_get_actions (follow_up), i);

      g_assert_cmpstr (is->uuid, ==, was->uuid);
      g_assert_cmpstr (is->what, ==, was->what);
      g_assert_cmpstr (is->owner, ==, was->owner);
      g_assert_cmpint (is->status, ==, was->status);
    }
  g_assert_cmpuint (gs_assessment_get_signals (follow_up)->len, ==, gs_assessment_get_signals (earlier)->len);

  /* On screen: the carried actions on the follow-up's Plan tab. */
  {
    GsLibraryView *library = gs_test_library_of (window);
    AdwViewStack *charts = gs_window_get_tabs (GS_WINDOW (window));

    gs_test_keys (GTK_WINDOW (window), "<Alt>Left");
    gs_library_view_activate (library, 0);
    gs_test_drain ();
    adw_view_stack_set_visible_child_name (charts, "plan");
    gs_test_drain ();
    action_expander (plan_page_of (window), ((GsAction *) g_ptr_array_index (gs_assessment_get_actions (earlier), 0))->what);
  }

  /* The example's own follow-up reviews its baseline's plan: the Compare tab names what was
   * done beside the area's change. */
  gs_test_keys (GTK_WINDOW (window), "<Alt>Left");
  gs_library_view_activate (gs_test_library_of (window), 1);
  gs_test_drain ();
  adw_view_stack_set_visible_child_name (gs_window_get_tabs (window), "comparison");
  review = GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (adw_view_stack_get_child_by_name (gs_window_get_tabs (window), "comparison")),
                                                     GS_TYPE_COMPARE_PAGE, "review"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (review)));
  g_assert_nonnull (strstr (gtk_label_get_label (review), "Done: Set mobilisation in motion"));
}

int
main (int   argc,
      char *argv[])
{
  gs_test_ui_init (&argc, &argv);
  g_test_add ("/ui/plan/suggestions-become-actions", GsTestFixture, NULL,
              gs_test_fixture_set_up, test_suggestions_become_actions, gs_test_fixture_tear_down);
  g_test_add ("/ui/plan/follow-up-carries-the-plan", GsTestFixture, NULL,
              gs_test_fixture_set_up, test_follow_up_carries_the_plan, gs_test_fixture_tear_down);
  return gs_test_ui_run ();
}
