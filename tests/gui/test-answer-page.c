/* test-answer-page.c — answering: respondents, pages, every answer saved, resuming
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
#include "gui/gs-answer-item.h"
#include "gui/gs-answer-page.h"
#include "gui/gs-chart-view.h"
#include "gui/gs-compare-page.h"
#include "gui/gs-dialogs.h"
#include "gui/gs-map-editor.h"
#include "gui/gs-overview-page.h"
#include "gui/gs-preferences-window.h"
#include "gui/gs-timeline-editor.h"
#include "store/gs-assessment-summary.h"

/* Answers "Who is answering?" with @name and @group. */
static void
answer_as (GsWindow   *window,
           const char *name,
           const char *group)
{
  AdwMessageDialog *dialog = gs_test_find_dialog ("Who Is Answering?");

  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (gs_form_dialog_get_field (dialog, "name"))) ||
                 gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (dialog)),
                                         GTK_WIDGET (gs_form_dialog_get_field (dialog, "name"))));
  gs_test_set_field (dialog, "name", name);
  gs_test_set_field (dialog, "group", group);
  /* As the Start Answering button does: the response, then the dialog closes. */
  adw_message_dialog_response (dialog, "start");
  gtk_window_close (GTK_WINDOW (dialog));
  gs_test_drain ();
}

/* Back to the results, then Answer: answering is back with @respondent, on @part, at @item. */
static void
back_then_answer (GsWindow     *window,
                  GsAnswerPage *page,
                  const char   *respondent,
                  guint         part,
                  const char   *item)
{
  g_action_group_activate_action (G_ACTION_GROUP (window), "show-assessments", NULL);
  gs_test_drain ();
  g_assert_cmpstr (gs_test_visible_page (window), ==, "results");
  g_action_group_activate_action (G_ACTION_GROUP (window), "answer", NULL);
  gs_test_drain ();
  g_assert_cmpstr (gs_test_visible_page (window), ==, "answer");
  g_assert_cmpstr (gs_answer_page_get_respondent (page), ==, respondent);
  g_assert_cmpuint (gs_answer_page_get_page (page), ==, part);
  g_assert_cmpstr (gs_answer_page_get_current_item (page), ==, item);
}

/* A consultant opens an assessment, adds two respondents, answers with the keyboard, quits,
 * starts again and is back with the same respondent, page and item; every step is in the store. */
static void
test_answering_resumes (GsTestFixture *fixture,
                        gconstpointer  user_data)
{
  GsWindow *window = gs_test_activate_and_show (fixture);
  GsLibraryView *list = gs_test_library_of (window);
  g_autoptr(GsInstrument) instrument = gs_instrument_load_default (NULL);
  g_autoptr(GsAssessment) check = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  GsAnswerPage *page;
  const GsAnswer *answer;
  GtkEditable *note;

  gs_store_add_assessment (gs_window_get_store (window), gs_store_add_organisation (gs_window_get_store (window), "Keyboard Trust", NULL),
                           "Baseline", "2026-05-01", instrument, &error);
  g_assert_no_error (error);
  gs_test_drain ();
  gs_library_view_activate (list, 0);
  gs_test_drain ();
  /* No one answers yet: Answer asks who does, and starts at their first question. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "answer", NULL);
  answer_as (window, "Alice", "Board");
  g_assert_cmpstr (gs_test_visible_page (window), ==, "answer");

  page = GS_ANSWER_PAGE (gtk_stack_get_child_by_name (GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (window), GS_TYPE_WINDOW, "main_stack")), "answer"));
  first = g_strdup (gs_answer_page_get_respondent (page));
  g_assert_nonnull (first);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == GTK_WIDGET (gs_answer_page_get_choice (page, "org-key-people", 0)));
  g_assert_true (gs_answer_page_add_respondent (page, "R-07", "Front line", &error));
  second = g_strdup (gs_answer_page_get_respondent (page));
  g_assert_cmpstr (first, !=, second);

  /* As Alice: "Agree" (4) on the first item, as Space or Enter on the button would choose it. */
  gs_answer_page_select_respondent (page, first);
  gs_test_press (GTK_WIDGET (gs_answer_page_get_choice (page, "org-key-people", 3)));
  note = gs_answer_page_get_note (page, "org-key-people");
  gtk_editable_set_text (note, "Board minutes, 3 March");
  g_signal_emit_by_name (note, "activate");  /* Enter in the note */
  answer = gs_test_stored_answer (fixture->database, first, "org-key-people", &check);
  g_assert_nonnull (answer);
  g_assert_cmpint (answer->value, ==, 4);
  g_assert_cmpstr (answer->note, ==, "Board minutes, 3 March");

  /* Next page: structural context; then "don't know" as R-07 there. */
  gs_test_press (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (page), GS_TYPE_ANSWER_PAGE, "next_button")));
  g_assert_cmpuint (gs_answer_page_get_page (page), ==, 1);
  gs_answer_page_select_respondent (page, second);
  g_assert_false (gtk_toggle_button_get_active (gs_answer_page_get_choice (page, "org-key-people", 3)));
  gs_test_press (GTK_WIDGET (gs_answer_page_get_choice (page, "str-interorg-networks", GS_CHOICE_DONT_KNOW)));
  answer = gs_test_stored_answer (fixture->database, second, "str-interorg-networks", &check);
  g_assert_cmpint (answer->status, ==, GS_ANSWER_DONT_KNOW);
  g_assert_cmpuint (gs_answer_page_count_unanswered (page), ==, gs_instrument_get_items (instrument)->len - 1);
  gs_answer_page_set_page (page, 1);

  /* Back to the results, then Answer: the same respondent, part and question. */
  back_then_answer (window, page, second, 1, "str-interorg-networks");

  /* Quit and start again. */
  gtk_window_close (GTK_WINDOW (window));
  gs_test_drain ();
  window = gs_test_activate_and_show (fixture);
  g_assert_cmpstr (gs_test_visible_page (window), ==, "answer");
  page = GS_ANSWER_PAGE (gtk_stack_get_child_by_name (GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (window), GS_TYPE_WINDOW, "main_stack")), "answer"));
  g_assert_cmpstr (gs_answer_page_get_respondent (page), ==, second);
  g_assert_cmpuint (gs_answer_page_get_page (page), ==, 1);
  g_assert_cmpstr (gs_answer_page_get_current_item (page), ==, "str-interorg-networks");
  g_assert_true (gtk_toggle_button_get_active (gs_answer_page_get_choice (page, "str-interorg-networks", GS_CHOICE_DONT_KNOW)));
  gs_answer_page_select_respondent (page, first);
  g_assert_true (gtk_toggle_button_get_active (gs_answer_page_get_choice (page, "org-key-people", 3)));
  g_assert_cmpstr (gtk_editable_get_text (gs_answer_page_get_note (page, "org-key-people")), ==, "Board minutes, 3 March");

  /* Remove R-07, who answered "don't know": gone with the answer; Undo brings both back. */
  {
    gint64 r07 = gs_store_find_respondent (gs_window_get_store (window), second);
    g_autoptr(GsAssessment) after = NULL;
    GsRespondent *back;

    gs_answer_page_select_respondent (page, second);
    g_assert_cmpstr (gs_answer_page_get_respondent_name (page), ==, "R-07");
    gs_test_press (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (page), GS_TYPE_ANSWER_PAGE, "remove_respondent_button")));
    g_assert_cmpint (gs_store_find_respondent (gs_window_get_store (window), second), ==, 0);
    g_assert_cmpstr (gs_answer_page_get_respondent (page), ==, first);
    g_action_group_activate_action (G_ACTION_GROUP (window), "undo-delete-respondent", g_variant_new_int64 (r07));
    gs_test_drain ();
    after = gs_store_load_assessment (gs_window_get_store (window), gs_store_find_assessment (gs_window_get_store (window),
                                      gs_assessment_get_uuid (check)), &error);
    g_assert_no_error (error);
    back = gs_assessment_lookup_respondent (after, second);
    g_assert_nonnull (back);
    g_assert_cmpint (gs_respondent_get_answer (back, "str-interorg-networks")->status, ==, GS_ANSWER_DONT_KNOW);
  }

  /* R-07 is renamed and moved to another group, chosen from the groups already there; the
   * answers stay theirs. */
  {
    g_autoptr(GsAssessment) after = NULL;
    AdwMessageDialog *dialog;
    GsRespondent *renamed;

    gs_answer_page_select_respondent (page, second);
    gs_test_press (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (page), GS_TYPE_ANSWER_PAGE, "change_respondent_button")));
    dialog = gs_test_find_dialog ("Change the Respondent");
    g_assert_cmpstr (gtk_editable_get_text (gs_form_dialog_get_field (dialog, "name")), ==, "R-07");
    g_assert_cmpstr (gtk_editable_get_text (gs_form_dialog_get_field (dialog, "group")), ==, "Front line");
    gs_test_set_field (dialog, "name", "  ");
    g_assert_false (adw_message_dialog_get_response_enabled (dialog, "save"));
    gs_test_set_field (dialog, "name", "Ward sister, R-07");
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "respondent.choose-group", "s", "Board"));
    g_assert_cmpstr (gtk_editable_get_text (gs_form_dialog_get_field (dialog, "group")), ==, "Board");
    adw_message_dialog_response (dialog, "save");
    gtk_window_close (GTK_WINDOW (dialog));
    gs_test_drain ();
    g_assert_cmpstr (gs_answer_page_get_respondent (page), ==, second);
    g_assert_cmpstr (gs_answer_page_get_respondent_name (page), ==, "Ward sister, R-07");
    after = gs_store_load_assessment (gs_window_get_store (window), gs_store_find_assessment (gs_window_get_store (window),
                                      gs_assessment_get_uuid (check)), &error);
    g_assert_no_error (error);
    renamed = gs_assessment_lookup_respondent (after, second);
    g_assert_cmpstr (renamed->name, ==, "Ward sister, R-07");
    g_assert_cmpstr (renamed->group, ==, "Board");
    g_assert_cmpint (gs_respondent_get_answer (renamed, "str-interorg-networks")->status, ==, GS_ANSWER_DONT_KNOW);
  }

  /* Back goes to the results, and no longer resumes answering at start-up; Answer returns to
   * the same respondent, part and question. */
  {
    g_autofree char *item = g_strdup (gs_answer_page_get_current_item (page));

    back_then_answer (window, page, second, gs_answer_page_get_page (page), item);
  }
}

/* The keyboard contract's core: a question's choices are one Tab stop, and pressing 4 once
 * per question answers the whole questionnaire, moving from question to question and part
 * to part by itself; the store then holds an "Agree" for every item. */
static void
test_answering_by_keys (GsTestFixture *fixture,
                        gconstpointer  user_data)
{
  GsWindow *window = gs_test_activate_and_show (fixture);
  GsStore *store = gs_window_get_store (window);
  g_autoptr(GsInstrument) instrument = gs_instrument_load_default (NULL);
  GPtrArray *items = gs_instrument_get_items (instrument);
  const char *first_item = ((const GsItem *) g_ptr_array_index (items, 0))->id;
  const char *second_item = ((const GsItem *) g_ptr_array_index (items, 1))->id;
  g_autoptr(GString) keys = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GsAssessment) stored = NULL;
  GsRespondent *alice;
  GsAnswerPage *page;
  gint64 id;

  id = gs_store_add_assessment (store, gs_store_add_organisation (store, "Keys Trust", NULL), "Baseline", "2026-05-01",
                                instrument, &error);
  g_assert_no_error (error);
  gs_test_drain ();
  gs_library_view_activate (gs_test_library_of (window), 0);
  gs_test_drain ();
  g_action_group_activate_action (G_ACTION_GROUP (window), "answer", NULL);
  answer_as (window, "Alice", "Board");
  page = GS_ANSWER_PAGE (gtk_stack_get_child_by_name (GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (window), GS_TYPE_WINDOW, "main_stack")), "answer"));

  /* One Tab stop per scale: before an answer only the first choice takes focus. */
  for (guint c = 0; c < GS_N_CHOICES; c++)
    if (gs_answer_page_get_choice (page, first_item, c) != NULL)
      g_assert_cmpint (gtk_widget_get_focusable (GTK_WIDGET (gs_answer_page_get_choice (page, first_item, c))), ==, c == 0);

  /* The window's focus (it becomes the active window again once the dialog is gone). */
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == GTK_WIDGET (gs_answer_page_get_choice (page, first_item, 0)));
  /* The part list shows each part's progress. */
  {
    GListModel *parts = gtk_drop_down_get_model (GTK_DROP_DOWN (gtk_widget_get_template_child (GTK_WIDGET (page), GS_TYPE_ANSWER_PAGE, "page_dropdown")));
    guint n_first = 0;

    for (guint i = 0; i < items->len; i++)
      n_first += ((const GsItem *) g_ptr_array_index (items, i))->domain == ((const GsItem *) g_ptr_array_index (items, 0))->domain;
    {
      g_autofree char *expected = g_strdup_printf (" — 0/%u", n_first);
      g_assert_true (g_str_has_suffix (gtk_string_list_get_string (GTK_STRING_LIST (parts), 0), expected));
    }
  }

  /* Alt+→ and Alt+← move between parts, to the part's first unanswered question. */
  gs_test_keys (GTK_WINDOW (window), "alt+Right");
  g_assert_cmpuint (gs_answer_page_get_page (page), ==, 1);
  gs_test_keys (GTK_WINDOW (window), "alt+Left");
  g_assert_cmpuint (gs_answer_page_get_page (page), ==, 0);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == GTK_WIDGET (gs_answer_page_get_choice (page, first_item, 0)));

  /* Each answer brings the next question, whole scale and all, into view: the mouse needs no
   * scrolling either, since a click moves on the same way. */
  gs_test_keys (GTK_WINDOW (window), "4 4 4 4");
  {
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
    GtkWidget *scrolled = gtk_widget_get_ancestor (focus, GTK_TYPE_SCROLLED_WINDOW);
    GtkWidget *question = gtk_widget_get_ancestor (focus, GS_TYPE_ANSWER_ITEM);
    double x, y;

    g_assert_true (gtk_widget_translate_coordinates (question, scrolled, 0, 0, &x, &y));
    g_assert_cmpfloat (y, >=, 0);
    g_assert_cmpfloat (y + gtk_widget_get_height (question), <=, gtk_widget_get_height (scrolled));
    g_assert_cmpfloat (gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled))), >, 0);
  }
  for (guint i = 4; i < items->len; i++)
    g_string_append (keys, i > 4 ? " 4" : "4");
  gs_test_keys (GTK_WINDOW (window), keys->str);

  /* After "4", only "Agree" takes focus in the first question. */
  for (guint c = 0; c < GS_N_CHOICES; c++)
    if (gs_answer_page_get_choice (page, first_item, c) != NULL)
      g_assert_cmpint (gtk_widget_get_focusable (GTK_WIDGET (gs_answer_page_get_choice (page, first_item, c))), ==, c == 3);
  /* The way out: the last key lands on the review, which says so and offers the results. */
  g_assert_cmpuint (gs_answer_page_get_page (page), ==, gs_answer_page_get_n_pages (page) - 1);
  g_assert_true (g_str_has_prefix (gs_answer_page_get_review_summary (page), "Every question is answered."));
  {
    GListModel *parts = gtk_drop_down_get_model (GTK_DROP_DOWN (gtk_widget_get_template_child (GTK_WIDGET (page), GS_TYPE_ANSWER_PAGE, "page_dropdown")));

    for (guint p = 0; p + 1 < g_list_model_get_n_items (parts); p++)
      g_assert_true (g_str_has_suffix (gtk_string_list_get_string (GTK_STRING_LIST (parts), p), " — ✓"));
  }
  /* Who has finished shows in the respondent list. */
  {
    GListModel *respondents = gtk_drop_down_get_model (GTK_DROP_DOWN (gtk_widget_get_template_child (GTK_WIDGET (page), GS_TYPE_ANSWER_PAGE, "respondent_dropdown")));

    g_assert_true (g_str_has_suffix (gtk_string_list_get_string (GTK_STRING_LIST (respondents), 0), " — finished"));
  }
  stored = gs_store_load_assessment (store, id, &error);
  g_assert_no_error (error);
  alice = g_ptr_array_index (gs_assessment_get_respondents (stored), 0);
  g_assert_cmpuint (g_hash_table_size (alice->answers), ==, items->len);
  for (guint i = 0; i < items->len; i++)
    {
      const GsAnswer *answer = gs_respondent_get_answer (alice, ((const GsItem *) g_ptr_array_index (items, i))->id);

      g_assert_nonnull (answer);
      g_assert_cmpint (answer->status, ==, GS_ANSWER_VALUE);
      g_assert_cmpint (answer->value, ==, 4);
    }
  /* A click answers and moves on as a key does: the next key answers the next question. */
  gs_answer_page_set_page (page, 0);
  gs_test_press (GTK_WIDGET (gs_answer_page_get_choice (page, first_item, 0)));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == GTK_WIDGET (gs_answer_page_get_choice (page, second_item, 3)));
  gs_test_keys (GTK_WINDOW (window), "5");
  g_clear_object (&stored);
  stored = gs_store_load_assessment (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gs_respondent_get_answer (g_ptr_array_index (gs_assessment_get_respondents (stored), 0), first_item)->value, ==, 1);
  g_assert_cmpint (gs_respondent_get_answer (g_ptr_array_index (gs_assessment_get_respondents (stored), 0), second_item)->value, ==, 5);

  g_action_group_activate_action (G_ACTION_GROUP (window), "show-assessments", NULL);  /* See Results */
  gs_test_drain ();
  g_assert_cmpstr (gs_test_visible_page (window), ==, "results");
}

int
main (int   argc,
      char *argv[])
{
  gs_test_ui_init (&argc, &argv);
  g_test_add ("/ui/answer-page/answering-by-keys", GsTestFixture, NULL,
              gs_test_fixture_set_up, test_answering_by_keys, gs_test_fixture_tear_down);
  g_test_add ("/ui/answer-page/answering-resumes", GsTestFixture, NULL,
              gs_test_fixture_set_up, test_answering_resumes, gs_test_fixture_tear_down);
  return gs_test_ui_run ();
}
