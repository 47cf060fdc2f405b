/* test-library.c — the library: organisations, search, the shared row menu, rename, delete and undo
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
#include "gui/gs-library-row.h"
#include "gui/gs-map-editor.h"
#include "gui/gs-overview-page.h"
#include "gui/gs-preferences-window.h"
#include "gui/gs-timeline-editor.h"
#include "store/gs-assessment-summary.h"

/* The library groups assessments under their organisation (alphabetical, newest first
 * within one) and finds them by organisation or title as the user types. */
static void
test_library_groups_and_search (GsTestFixture *fixture,
                                gconstpointer  user_data)
{
  GsWindow *window = gs_test_activate_and_show (fixture);
  GsStore *store = gs_window_get_store (window);
  GsLibraryView *list = gs_test_library_of (window);
  GtkEditable *search = GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (list), GS_TYPE_LIBRARY_VIEW, "search_entry"));
  GtkWidget *no_match = (GtkWidget *) gtk_widget_get_template_child (GTK_WIDGET (list), GS_TYPE_LIBRARY_VIEW, "no_match_label");
  g_autoptr(GsInstrument) instrument = gs_instrument_load_default (NULL);
  g_autoptr(GError) error = NULL;
  gint64 ashford;

  g_action_group_activate_action (G_ACTION_GROUP (window), "load-demo", NULL);
  ashford = gs_store_add_organisation (store, "Ashford & St Peter’s", &error);
  gs_store_add_assessment (store, ashford, "Board away day", "2027-02-01", instrument, &error);
  g_assert_no_error (error);
  gs_test_drain ();

  g_assert_cmpstr (gs_test_row_header_text (list, 0), ==, "Ashford & St Peter’s");
  g_assert_cmpstr (gs_test_row_header_text (list, 1), ==, "Riverside Community Health NHS Trust (fictional example)");
  g_assert_null (gs_test_row_header_text (list, 2));  /* the same trust's older assessment */
  g_assert_cmpstr (gs_test_shown_title (list, 1), ==,
                   "Six-month follow-up");

  g_action_group_activate_action (G_ACTION_GROUP (window), "search", NULL);
  gs_test_drain ();
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), GTK_WIDGET (search)));  /* Ctrl+F */
  gtk_editable_set_text (search, "RIVERSIDE");
  g_signal_emit_by_name (search, "search-changed");
  gs_test_drain ();
  g_assert_nonnull (gs_library_model_get_assessment (gs_library_view_get_model (list), 1));
  g_assert_null (gs_library_model_get_assessment (gs_library_view_get_model (list), 2));
  gtk_editable_set_text (search, "away day");
  g_signal_emit_by_name (search, "search-changed");
  gs_test_drain ();
  g_assert_cmpstr (gs_test_shown_title (list, 0), ==,
                   "Board away day");
  g_assert_null (gs_library_model_get_assessment (gs_library_view_get_model (list), 1));
  gtk_editable_set_text (search, "no such trust");
  g_signal_emit_by_name (search, "search-changed");
  gs_test_drain ();
  g_assert_null (gs_library_model_get_assessment (gs_library_view_get_model (list), 0));
  g_assert_true (gtk_widget_get_visible (no_match));
  gtk_editable_set_text (search, "");
  g_signal_emit_by_name (search, "search-changed");
  gs_test_drain ();
  g_assert_nonnull (gs_library_model_get_assessment (gs_library_view_get_model (list), 2));
  g_assert_false (gtk_widget_get_visible (no_match));
}

/* Delete an assessment: it goes at once, a toast offers Undo, and Undo brings it back;
 * renaming changes the list. The store agrees at each step. */
static void
test_delete_undo_rename_follow_up (GsTestFixture *fixture,
                                   gconstpointer  user_data)
{
  GsWindow *window = gs_test_activate_and_show (fixture);
  GListModel *list;
  g_autoptr(GsAssessmentSummary) first = NULL;
  g_autoptr(GsAssessment) missing = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  gint64 id;

  g_action_group_activate_action (G_ACTION_GROUP (window), "load-demo", NULL);
  gs_test_drain ();
  list = gs_store_get_assessments (gs_window_get_store (window));
  first = g_list_model_get_item (list, 0);
  id = gs_assessment_summary_get_id (first);

  g_action_group_activate_action (G_ACTION_GROUP (window), "delete-assessment", g_variant_new_int64 (id));
  gs_test_drain ();
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  missing = gs_store_load_assessment (gs_window_get_store (window), id, &error);
  g_assert_error (error, GS_STORE_ERROR, GS_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_action_group_activate_action (G_ACTION_GROUP (window), "undo-delete", g_variant_new_int64 (id));
  gs_test_drain ();
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);

  g_action_group_activate_action (G_ACTION_GROUP (window), "rename-assessment", g_variant_new_int64 (id));
  dialog = gs_test_find_dialog ("Rename the Assessment");
  gtk_editable_set_text (GTK_EDITABLE (g_object_get_data (G_OBJECT (dialog), "title")), "Follow-up, autumn");
  adw_message_dialog_response (dialog, "rename");
  gs_test_drain ();
  {
    g_autoptr(GsAssessment) renamed = gs_store_load_assessment (gs_window_get_store (window), id, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (gs_assessment_get_title (renamed), ==, "Follow-up, autumn");
  }

  /* A follow-up: same organisation, no respondents, at the top of the list (newest date). */
  g_action_group_activate_action (G_ACTION_GROUP (window), "follow-up-assessment", g_variant_new_int64 (id));
  dialog = gs_test_find_dialog ("Add a Follow-up");
  gtk_editable_set_text (gs_form_dialog_get_field (dialog, "date"), "2026-13-01");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "add"));
  gtk_editable_set_text (gs_form_dialog_get_field (dialog, "date"), "2027-03-01");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "add"));
  adw_message_dialog_response (dialog, "add");
  gs_test_drain ();
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 3);
  {
    g_autoptr(GsAssessmentSummary) newest = g_list_model_get_item (list, 0);
    g_autoptr(GsAssessment) follow_up = gs_store_load_assessment (gs_window_get_store (window),
                                                                  gs_assessment_summary_get_id (newest), &error);
    g_assert_no_error (error);
    g_assert_cmpstr (gs_assessment_get_title (follow_up), ==, "Follow-up to “Follow-up, autumn”");
    g_assert_cmpstr (gs_assessment_get_organisation_name (follow_up), ==,
                     gs_assessment_summary_get_organisation_name (first));
    g_assert_cmpuint (gs_assessment_get_respondents (follow_up)->len, ==, 0);
    g_assert_cmpstr (gs_assessment_get_date (follow_up), ==, "2027-03-01");
  }

  /* Renaming the organisation renames it on every assessment of it. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "rename-organisation", g_variant_new_int64 (id));
  dialog = gs_test_find_dialog ("Rename the Organisation");
  gtk_editable_set_text (gs_form_dialog_get_field (dialog, "name"), "Riverside Health");
  adw_message_dialog_response (dialog, "rename");
  gs_test_drain ();
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GsAssessmentSummary) row = g_list_model_get_item (list, i);
      g_assert_cmpstr (gs_assessment_summary_get_organisation_name (row), ==, "Riverside Health");
    }
}


/* The GsLibraryRow widgets the list view has made. */
static guint
count_rows (GtkWidget *widget)
{
  guint n = GS_IS_LIBRARY_ROW (widget) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    n += count_rows (child);
  return n;
}

static guint
count_popovers (GtkWidget *widget)
{
  guint n = GTK_IS_POPOVER_MENU (widget) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    n += count_popovers (child);
  return n;
}

static guint
n_listed (GsLibraryView *library)
{
  GtkListView *list_view = GTK_LIST_VIEW (gtk_widget_get_template_child (GTK_WIDGET (library), GS_TYPE_LIBRARY_VIEW,
                                                                         "list_view"));

  return g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (list_view)));
}

static gboolean
lists_every_entry (gpointer library)
{
  return n_listed (library) == g_list_model_get_n_items (G_LIST_MODEL (gs_library_view_get_model (library)));
}

/* A consultant's 2,000 assessments of 200 organisations: every one is in the list, each
 * organisation headed once, but only the rows around the screen exist as widgets, with one
 * menu for them all; searching narrows the list to one trust's ten. The list view is given
 * a screenful at first and the rest a few a frame (how many frames that takes depends on the
 * machine's speed), and in the end holds every entry, so that scrolling reaches the last. */
static void
test_rows_only_on_screen (GsTestFixture *fixture,
                          gconstpointer  user_data)
{
  GsWindow *window;
  GsLibraryView *library;
  GsLibraryModel *model;
  GtkEditable *search;
  guint n_headings = 0;

  gs_test_generate (fixture->database, gs_test_instrument (), 200, 2000, 0, 0);
  window = gs_test_activate_and_show (fixture);
  library = gs_test_library_of (window);
  model = gs_library_view_get_model (library);
  gs_test_iterate_until (lists_every_entry, library);
  gs_test_drain ();

  g_assert_cmpuint (gs_library_model_get_n_shown (model), ==, 2000);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 2200);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (model)); i++)
    {
      g_autoptr(GsLibraryEntry) entry = g_list_model_get_item (G_LIST_MODEL (model), i);
      n_headings += gs_library_entry_is_heading (entry);
    }
  g_assert_cmpuint (n_headings, ==, 200);
  /* Organisations alphabetically; within one, the newest first. */
  g_assert_true (g_str_has_prefix (gs_test_row_header_text (library, 0), "Bench Trust 0001"));
  g_assert_cmpstr (gs_test_shown_title (library, 0), ==, "Assessment 1801");
  g_assert_cmpstr (gs_test_shown_title (library, 9), ==, "Assessment 1");
  g_assert_true (g_str_has_prefix (gs_test_row_header_text (library, 10), "Bench Trust 0002"));

  /* GTK 4.8's list view keeps at most 200 items' widgets around what is shown (a few more
   * while it settles): a bound that does not grow with the list. */
  g_assert_cmpuint (count_rows (GTK_WIDGET (library)), >, 0);
  g_assert_cmpuint (count_rows (GTK_WIDGET (library)), <=, 220);
  g_assert_cmpuint (count_popovers (GTK_WIDGET (library)), ==, 1);

  search = GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (library), GS_TYPE_LIBRARY_VIEW, "search_entry"));
  gtk_editable_set_text (search, "trust 0199");
  g_signal_emit_by_name (search, "search-changed");
  gs_test_drain ();
  g_assert_cmpuint (gs_library_model_get_n_shown (model), ==, 10);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 11);
}

typedef struct
{
  GsLibraryView *library;
  guint          entries;  /* in the list view's model when the first frame was painted */
  guint          rows;     /* GsLibraryRows made by then */
  gboolean       painted;
} FirstFrame;

static void
first_frame_painted_cb (GdkFrameClock *clock,
                        FirstFrame    *first)
{
  g_signal_handlers_disconnect_by_func (clock, first_frame_painted_cb, first);
  first->entries = n_listed (first->library);
  first->rows = count_rows (GTK_WIDGET (first->library));
  first->painted = TRUE;
}

static gboolean
first_frame_is_painted (gpointer first)
{
  return ((FirstFrame *) first)->painted;
}

/* The first frame of a large library makes rows for the entries a window's height shows,
 * and no more: the list grows a few entries a frame only from the next frame on. Before,
 * the growing began in the first frame itself, before its layout, and made eight rows more
 * below the window. */
static void
test_first_frame_rows (GsTestFixture *fixture,
                       gconstpointer  user_data)
{
  FirstFrame first = { NULL, 0, 0, FALSE };
  GsWindow *window;
  guint entries_at_first;

  gs_test_generate (fixture->database, gs_test_instrument (), 200, 2000, 0, 0);
  window = gs_test_activate (fixture);
  first.library = gs_test_library_of (window);
  entries_at_first = n_listed (first.library);
  g_assert_true (gtk_widget_get_realized (GTK_WIDGET (window)));
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                    G_CALLBACK (first_frame_painted_cb), &first);
  gs_test_iterate_until (first_frame_is_painted, &first);

  g_assert_cmpuint (entries_at_first, >, 0);
  g_assert_cmpuint (entries_at_first, <, 2200);
  g_assert_cmpuint (first.entries, ==, entries_at_first);
  g_assert_cmpuint (first.rows, >, 0);
  g_assert_cmpuint (first.rows, <=, entries_at_first);

  gs_test_show (window);
  gs_test_iterate_until (lists_every_entry, first.library);
  gs_test_drain ();
}

/* The library's one row menu. */
static GtkWidget *
shared_menu (GsLibraryView *library)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (library)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER_MENU (child))
      return child;
  return NULL;
}

/* Every row's menu is the library's one menu, aimed at the row that asked: its entries carry
 * that assessment's id, and choosing one acts on it. */
static void
test_shared_row_menu (GsTestFixture *fixture,
                      gconstpointer  user_data)
{
  GsWindow *window = gs_test_activate_and_show (fixture);
  GsLibraryView *library = gs_test_library_of (window);
  GsAssessmentSummary *second;
  GtkPopoverMenu *menu;
  GMenuModel *model;
  g_autoptr(GVariant) target = NULL;
  g_autofree char *action = NULL;
  AdwMessageDialog *dialog;

  g_action_group_activate_action (G_ACTION_GROUP (window), "load-demo", NULL);
  gs_test_drain ();
  second = gs_library_model_get_assessment (gs_library_view_get_model (library), 1);
  g_assert_true (gs_library_view_popup_menu (library, gs_assessment_summary_get_id (second)));
  gs_test_drain ();
  menu = GTK_POPOVER_MENU (shared_menu (library));
  g_assert_nonnull (menu);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (menu)));
  model = gtk_popover_menu_get_menu_model (menu);
  g_assert_cmpint (g_menu_model_get_n_items (model), ==, 4);
  g_assert_true (g_menu_model_get_item_attribute (model, 0, G_MENU_ATTRIBUTE_ACTION, "s", &action));
  g_assert_cmpstr (action, ==, "win.rename-assessment");
  target = g_menu_model_get_item_attribute_value (model, 0, G_MENU_ATTRIBUTE_TARGET, G_VARIANT_TYPE_INT64);
  g_assert_cmpint (g_variant_get_int64 (target), ==, gs_assessment_summary_get_id (second));

  gtk_popover_popdown (GTK_POPOVER (menu));
  g_action_group_activate_action (G_ACTION_GROUP (window), "rename-assessment", target);
  dialog = gs_test_find_dialog ("Rename the Assessment");
  g_assert_cmpstr (gtk_editable_get_text (gs_form_dialog_get_field (dialog, "title")), ==, "Baseline");
}

static gboolean
is_library_row_titled (GtkWidget     *widget,
                       gconstpointer  title)
{
  return GS_IS_LIBRARY_ROW (widget) && g_strcmp0 (gs_library_row_get_title (GS_LIBRARY_ROW (widget)), title) == 0;
}

/* Asks @row's title label for its tooltip, as GTK does when the pointer rests on it. */
static gboolean
title_has_tooltip (GtkWidget *row)
{
  GtkWidget *title = GTK_WIDGET (gtk_widget_get_template_child (row, GS_TYPE_LIBRARY_ROW, "title_label"));
  g_autoptr(GtkTooltip) tooltip = g_object_new (GTK_TYPE_TOOLTIP, NULL);
  gboolean shown = FALSE;

  g_assert_true (gtk_widget_get_has_tooltip (title));
  g_signal_emit_by_name (title, "query-tooltip", 1, 1, FALSE, tooltip, &shown);
  return shown;
}

/* A title the row cuts short reads whole in its tooltip; a title shown whole has none. */
static void
test_cut_title_has_tooltip (GsTestFixture *fixture,
                            gconstpointer  user_data)
{
  GsWindow *window = gs_test_activate_and_show (fixture);
  GsLibraryView *library = gs_test_library_of (window);
  g_autoptr(GString) long_title = g_string_new ("Board away day");
  g_autoptr(GError) error = NULL;
  gint64 organisation;

  for (int i = 0; i < 40; i++)
    g_string_append (long_title, ", and the governors’ follow-up");
  g_action_group_activate_action (G_ACTION_GROUP (window), "load-demo", NULL);
  organisation = gs_store_add_organisation (gs_window_get_store (window), "Ashford & St Peter’s", &error);
  gs_store_add_assessment (gs_window_get_store (window), organisation, long_title->str, "2027-02-01",
                           gs_test_instrument (), &error);
  g_assert_no_error (error);
  gs_test_drain ();

  g_assert_true (title_has_tooltip (gs_test_find_widget (GTK_WIDGET (library), is_library_row_titled, long_title->str)));
  g_assert_false (title_has_tooltip (gs_test_find_widget (GTK_WIDGET (library), is_library_row_titled, "Baseline")));
}

/* Ctrl+F, Tab into the list, Down to the first assessment, Enter: the library opens an
 * assessment without a mouse, with real key presses. */
static void
test_keyboard_opens_an_assessment (GsTestFixture *fixture,
                                   gconstpointer  user_data)
{
  GsWindow *window = gs_test_activate_and_show (fixture);

  g_action_group_activate_action (G_ACTION_GROUP (window), "load-demo", NULL);
  gs_test_drain ();
  gs_test_keys (GTK_WINDOW (window), "ctrl+f Tab Down Return");
  g_assert_cmpstr (gs_test_visible_page (window), ==, "results");
  g_assert_cmpstr (gs_assessment_get_title (gs_analysis_get_assessment (gs_window_get_analysis (window))), ==,
                   "Six-month follow-up");
  /* Back (Alt+←), and the menu key on the second assessment opens its menu. */
  gs_test_keys (GTK_WINDOW (window), "alt+Left ctrl+f Tab Down Down Menu");
  g_assert_cmpstr (gs_test_visible_page (window), ==, "assessments");
  g_assert_true (gtk_widget_get_visible (shared_menu (gs_test_library_of (window))));
}

int
main (int   argc,
      char *argv[])
{
  gs_test_ui_init (&argc, &argv);
  g_test_add ("/ui/library/library-groups-and-search", GsTestFixture, NULL,
              gs_test_fixture_set_up, test_library_groups_and_search, gs_test_fixture_tear_down);
  g_test_add ("/ui/library/delete-undo-rename-follow-up", GsTestFixture, NULL,
              gs_test_fixture_set_up, test_delete_undo_rename_follow_up, gs_test_fixture_tear_down);
  g_test_add ("/ui/library/rows-only-on-screen", GsTestFixture, NULL,
              gs_test_fixture_set_up, test_rows_only_on_screen, gs_test_fixture_tear_down);
  g_test_add ("/ui/library/first-frame-rows", GsTestFixture, NULL,
              gs_test_fixture_set_up, test_first_frame_rows, gs_test_fixture_tear_down);
  g_test_add ("/ui/library/shared-row-menu", GsTestFixture, NULL,
              gs_test_fixture_set_up, test_shared_row_menu, gs_test_fixture_tear_down);
  g_test_add ("/ui/library/cut-title-has-tooltip", GsTestFixture, NULL,
              gs_test_fixture_set_up, test_cut_title_has_tooltip, gs_test_fixture_tear_down);
  g_test_add ("/ui/library/keyboard-opens-an-assessment", GsTestFixture, NULL,
              gs_test_fixture_set_up, test_keyboard_opens_an_assessment, gs_test_fixture_tear_down);
  return gs_test_ui_run ();
}
