/* test-window.c — the main window: first start, actions, dialogs, import, results, outputs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <utime.h>
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

/* A first start on a new database shows the empty state, offers to start an assessment, and
 * creates the database privately. */
static void
test_first_start_shows_empty_state (GsTestFixture *fixture,
                                    gconstpointer  user_data)
{
  GsWindow *window = gs_test_activate_and_show (fixture);
  g_autofree char *folder = g_path_get_dirname (fixture->database);
  GtkStack *stack;
  GtkWidget *visible;

  g_assert_nonnull (gs_window_get_store (window));
  g_assert_cmphex (gs_test_mode_of (folder), ==, 0700);
  g_assert_cmphex (gs_test_mode_of (fixture->database), ==, 0600);

  stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (window), GS_TYPE_WINDOW, "main_stack"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  visible = gtk_stack_get_visible_child (stack);
  g_assert_true (ADW_IS_STATUS_PAGE (visible));
  g_assert_true (gtk_widget_get_mapped (visible));
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (visible)), ==, "No Assessments Yet");
  /* The application's emblem above it (set only when the page is shown). */
  g_assert_cmpstr (adw_status_page_get_icon_name (ADW_STATUS_PAGE (visible)), ==, APPLICATION_ID "-symbolic");
}

static void
test_actions_exist_and_are_enabled (GsTestFixture *fixture,
                                    gconstpointer  user_data)
{
  GsWindow *window = gs_test_activate_and_show (fixture);
  g_auto(GStrv) new_accels = NULL;
  g_auto(GStrv) help_accels = NULL;
  GLogLevelFlags old_fatal;

  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (fixture->app), "about"));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (fixture->app), "about"));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (fixture->app), "quit"));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (window), "new-assessment"));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "new-assessment"));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (window), "show-help-overlay"));

  new_accels = gtk_application_get_accels_for_action (GTK_APPLICATION (fixture->app), "win.new-assessment");
  g_assert_cmpstr (new_accels[0], ==, "<Control>n");
  /* The shortcuts window is built when first asked for, and then kept. */
  g_assert_null (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  /* GTK 4.8's shortcuts window measures two of its own labels at -4 px and warns, whatever
   * the shortcuts in it: not ours to fix, so warnings are not fatal while it is shown. */
  old_fatal = g_log_set_always_fatal (G_LOG_FATAL_MASK);
  g_action_group_activate_action (G_ACTION_GROUP (window), "show-help-overlay", NULL);
  g_assert_nonnull (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)))));
  gs_test_drain ();
  gtk_window_close (GTK_WINDOW (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window))));
  gs_test_drain ();
  g_log_set_always_fatal (old_fatal);
  help_accels = gtk_application_get_accels_for_action (GTK_APPLICATION (fixture->app), "win.show-help-overlay");
  g_assert_cmpstr (help_accels[0], ==, "<Control>question");
}

/* The About window opens over the main window and credits the paper. */
static void
test_about_credits_paper (GsTestFixture *fixture,
                          gconstpointer  user_data)
{
  GsWindow *window = gs_test_activate_and_show (fixture);
  GtkWindow *about = NULL;
  GListModel *toplevels = gtk_window_get_toplevels ();

  g_action_group_activate_action (G_ACTION_GROUP (fixture->app), "about", NULL);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);
      if (ADW_IS_ABOUT_WINDOW (toplevel))
        about = toplevel;
    }
  g_assert_nonnull (about);
  g_assert_true (gtk_window_get_transient_for (about) == GTK_WINDOW (window));
  g_assert_cmpstr (adw_about_window_get_version (ADW_ABOUT_WINDOW (about)), ==, PACKAGE_VERSION);
  g_assert_cmpint (adw_about_window_get_license_type (ADW_ABOUT_WINDOW (about)), ==, GTK_LICENSE_GPL_3_0);
  gtk_window_destroy (about);
}

/* The size the user left the window at is the size it opens at next time. */
static void
test_window_size_is_remembered (GsTestFixture *fixture,
                                gconstpointer  user_data)
{
  GsWindow *window = gs_test_activate_and_show (fixture);
  int width = 0, height = 0;

  gtk_window_set_default_size (GTK_WINDOW (window), 823, 611);
  gtk_window_close (GTK_WINDOW (window));
  gs_test_drain ();
  g_assert_null (gtk_application_get_active_window (GTK_APPLICATION (fixture->app)));

  window = gs_test_activate_and_show (fixture);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 823);
  g_assert_cmpint (height, ==, 611);
}

/* The user starts an assessment from the empty state: types the organisation, keeps the
 * suggested title, creates it; the store has it and the window lists it. */
static void
test_new_assessment_through_dialog (GsTestFixture *fixture,
                                    gconstpointer  user_data)
{
  GsWindow *window = gs_test_activate_and_show (fixture);
  GsLibraryView *list = gs_test_library_of (window);
  AdwMessageDialog *dialog;
  g_autoptr(GsAssessmentSummary) row = NULL;

  g_assert_cmpstr (gs_test_visible_page (window), ==, "empty");
  g_action_group_activate_action (G_ACTION_GROUP (window), "new-assessment", NULL);
  dialog = gs_test_find_dialog ("New Assessment");
  {
    /* The time it takes, before starting: the newest questions at 15 s each, rounded up. */
    guint n = gs_instrument_get_items (gs_test_instrument ())->len;
    g_autofree char *expected = g_strdup_printf ("Each respondent answers %u questions, which takes about %u minutes.",
                                                 n, (n * 15 + 59) / 60);

    g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), expected));
  }
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "create"));
  gtk_editable_set_text (GTK_EDITABLE (g_object_get_data (G_OBJECT (dialog), "organisation")), "  St Example’s NHS Trust ");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "create"));
  adw_message_dialog_response (dialog, "create");
  gtk_window_close (GTK_WINDOW (dialog));
  gs_test_drain ();

  /* Straight on to who answers first; cancelled, the new assessment waits in the library. */
  dialog = gs_test_find_dialog ("Who Is Answering?");
  g_assert_true (gtk_root_get_focus (GTK_ROOT (dialog)) != NULL &&
                 gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (dialog)),
                                         GTK_WIDGET (gs_form_dialog_get_field (dialog, "name"))));
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_close (GTK_WINDOW (dialog));
  gs_test_drain ();

  g_assert_cmpuint (gs_test_n_assessments (window), ==, 1);
  row = g_list_model_get_item (gs_store_get_assessments (gs_window_get_store (window)), 0);
  g_assert_cmpstr (gs_assessment_summary_get_organisation_name (row), ==, "St Example’s NHS Trust");
  g_assert_cmpstr (gs_assessment_summary_get_title (row), ==, "Baseline");
  g_assert_cmpstr (gs_test_visible_page (window), ==, "assessments");
  g_assert_cmpstr (gs_test_shown_title (list, 0), ==, "Baseline");
}

static void
test_load_demo (GsTestFixture *fixture,
                gconstpointer  user_data)
{
  GsWindow *window = gs_test_activate_and_show (fixture);

  g_action_group_activate_action (G_ACTION_GROUP (window), "load-demo", NULL);
  gs_test_drain ();
  g_assert_cmpuint (gs_test_n_assessments (window), ==, 2);
  g_assert_cmpstr (gs_test_visible_page (window), ==, "assessments");
  /* Twice adds nothing. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "load-demo", NULL);
  gs_test_drain ();
  g_assert_cmpuint (gs_test_n_assessments (window), ==, 2);
}

/* Importing the same file twice asks; "Import as Copy" keeps both. */
static void
test_import_twice_asks (GsTestFixture *fixture,
                        gconstpointer  user_data)
{
  GsWindow *window = gs_test_activate_and_show (fixture);
  g_autoptr(GsInstrument) instrument = gs_instrument_load_default (NULL);
  g_autoptr(GPtrArray) demo = gs_demo_build_assessments (instrument);
  g_autofree char *json = gs_exchange_write_json (g_ptr_array_index (demo, 0), GS_EXCHANGE_ASSESSMENT);
  g_autofree char *path = g_build_filename (fixture->tmp, "baseline.json", NULL);
  AdwMessageDialog *dialog;

  g_assert_true (g_file_set_contents (path, json, -1, NULL));
  gs_window_import_file (window, path, GS_IMPORT_REFUSE_DUPLICATE);
  gs_test_wait_for_assessments (window, 1);

  gs_window_import_file (window, path, GS_IMPORT_REFUSE_DUPLICATE);
  dialog = gs_test_find_dialog ("Already Imported");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "is already in this database"));
  g_assert_cmpuint (gs_test_n_assessments (window), ==, 1);
  adw_message_dialog_response (dialog, "copy");
  gs_test_wait_for_assessments (window, 2);
}

/* A malformed file: a dialog says which file and what is wrong; nothing is imported. */
static void
test_import_malformed_says_why (GsTestFixture *fixture,
                                gconstpointer  user_data)
{
  GsWindow *window = gs_test_activate_and_show (fixture);
  g_autofree char *path = g_build_filename (fixture->tmp, "answers.csv", NULL);
  AdwMessageDialog *dialog;

  g_assert_true (g_file_set_contents (path, "name,score\nAlice,4\n", -1, NULL));
  gs_window_import_file (window, path, GS_IMPORT_REFUSE_DUPLICATE);
  dialog = gs_test_find_dialog ("Could Not Import the File");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), path));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "line 1"));
  g_assert_cmpuint (gs_test_n_assessments (window), ==, 0);
}

/* A damaged database is not overwritten: the window says so and offers the newest backup;
 * restoring it opens a window on the restored assessments, the damaged file kept aside. */
static void
test_damaged_database_offers_backup (GsTestFixture *fixture,
                                     gconstpointer  user_data)
{
  g_autoptr(GsInstrument) instrument = gs_instrument_load_default (NULL);
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  GsWindow *window;
  FILE *file;

  {
    g_autoptr(GsStore) store = gs_store_open (fixture->database, &error);
    g_assert_no_error (error);
    g_assert_true (gs_store_add_demo (store, instrument, &error));
    g_assert_true (gs_store_backup_now (store, &error));
  }
  file = fopen (fixture->database, "r+b");
  g_assert_nonnull (file);
  for (long page = 1; page <= 4; page++)
    {
      static const char garbage[64] = { [0 ... 63] = 0x5A };
      g_assert_cmpint (fseek (file, page * 4096, SEEK_SET), ==, 0);
      g_assert_cmpuint (fwrite (garbage, 1, sizeof garbage, file), ==, sizeof garbage);
    }
  g_assert_cmpint (fclose (file), ==, 0);

  window = gs_test_activate_and_show (fixture);
  g_assert_null (gs_window_get_store (window));
  dialog = gs_test_find_dialog ("Could Not Open the Assessments");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "is damaged"));
  g_assert_true (adw_message_dialog_has_response (dialog, "restore"));
  adw_message_dialog_response (dialog, "restore");
  {
    gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
    while ((window = GS_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (fixture->app)))) == NULL ||
           gs_window_get_store (window) == NULL)
      {
        g_assert_cmpint (g_get_monotonic_time (), <, deadline);
        g_main_context_iteration (NULL, TRUE);
      }
  }
  g_assert_nonnull (gs_window_get_store (window));
  g_assert_cmpuint (gs_test_n_assessments (window), ==, 2);
  {
    g_autofree char *folder = g_path_get_dirname (fixture->database);
    g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
    const char *name;
    gboolean kept = FALSE;

    while ((name = g_dir_read_name (dir)) != NULL)
      kept |= g_str_has_prefix (name, "groundswell.db.damaged-");
    g_assert_true (kept);
  }
}

static GtkMenuButton *
menu_button (GsWindow   *window,
             const char *name)
{
  return GTK_MENU_BUTTON (gtk_widget_get_template_child (GTK_WIDGET (window), GS_TYPE_WINDOW, name));
}

static gboolean
is_scrolled_window (GtkWidget     *widget,
                    gconstpointer  unused)
{
  return GTK_IS_SCROLLED_WINDOW (widget);
}

static gboolean
menu_is_open (gpointer button)
{
  GtkPopover *popover = gtk_menu_button_get_popover (button);

  return popover != NULL && gtk_widget_get_visible (GTK_WIDGET (popover));
}

/* Opens @button's menu as a person would, by a shortcut (@keys) or by activating the button
 * as Space does when it has the focus (NULL: GTK finishes that press after a moment), and
 * returns the popover that opened. */
static GtkPopoverMenu *
open_menu (GsWindow      *window,
           GtkMenuButton *button,
           const char    *keys)
{
  if (keys != NULL)
    gs_test_keys (GTK_WINDOW (window), keys);
  else
    g_assert_true (gtk_widget_activate (GTK_WIDGET (button)));
  gs_test_iterate_until (menu_is_open, button);
  return GTK_POPOVER_MENU (gtk_menu_button_get_popover (button));
}

/* The header's two menus are made as they first open, not with the window: F10 opens the
 * main menu with its items, Escape closes it, and it opens again the same; the results'
 * menu opens from its button once an assessment's results are shown. A menu made after the
 * window was shown is still read in words: its scrolled pane is no focus stop of its own
 * (gs-accessible.c). */
static void
test_menus_made_as_they_open (GsTestFixture *fixture,
                              gconstpointer  user_data)
{
  GsWindow *window = gs_test_activate_and_show (fixture);
  GtkMenuButton *main_button = menu_button (window, "primary_menu_button");
  GtkMenuButton *results_button = menu_button (window, "results_menu_button");
  GObject *main_menu = gtk_widget_get_template_child (GTK_WIDGET (window), GS_TYPE_WINDOW, "primary_menu");
  GObject *results_menu = gtk_widget_get_template_child (GTK_WIDGET (window), GS_TYPE_WINDOW, "results_menu");
  GtkPopoverMenu *opened;

  g_assert_null (gtk_menu_button_get_popover (main_button));
  g_assert_null (gtk_menu_button_get_popover (results_button));
  opened = open_menu (window, main_button, "F10");
  g_assert_true (G_OBJECT (gtk_popover_menu_get_menu_model (opened)) == main_menu);
  g_assert_nonnull (gs_test_find_widget (GTK_WIDGET (opened), is_scrolled_window, NULL));
  g_assert_false (gtk_widget_get_focusable (gs_test_find_widget (GTK_WIDGET (opened), is_scrolled_window, NULL)));
  g_assert_cmpint (g_menu_model_get_n_items (G_MENU_MODEL (main_menu)), >, 0);
  gs_test_keys (GTK_WINDOW (window), "Escape");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (opened)));
  g_assert_true (open_menu (window, main_button, "F10") == opened);
  gs_test_keys (GTK_WINDOW (window), "Escape");

  g_action_group_activate_action (G_ACTION_GROUP (window), "load-demo", NULL);
  gs_test_drain ();
  gs_library_view_activate (gs_test_library_of (window), 1);
  gs_test_drain ();
  g_assert_cmpstr (gs_test_visible_page (window), ==, "results");
  opened = open_menu (window, results_button, NULL);
  g_assert_true (G_OBJECT (gtk_popover_menu_get_menu_model (opened)) == results_menu);
  gtk_popover_popdown (GTK_POPOVER (opened));
  gs_test_drain ();
}

/* Opening an assessment shows its charts; each describes itself to screen readers, follows
 * the dark style, and the back action returns to the list. */
static void
test_results_page (GsTestFixture *fixture,
                   gconstpointer  user_data)
{
  GsWindow *window = gs_test_activate_and_show (fixture);
  GsLibraryView *list = gs_test_library_of (window);
  AdwViewStack *charts = gs_window_get_tabs (GS_WINDOW (window));
  AdwStyleManager *style = adw_style_manager_get_default ();
  GsChartView *context, *timeline;

  g_action_group_activate_action (G_ACTION_GROUP (window), "load-demo", NULL);
  gs_test_drain ();
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "show-assessments"));
  gs_library_view_activate (list, 1);
  gs_test_drain ();
  g_assert_cmpstr (gs_test_visible_page (window), ==, "results");
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "show-assessments"));

  context = GS_CHART_VIEW (adw_view_stack_get_child_by_name (charts, "context"));
  timeline = gs_timeline_editor_get_chart_view (GS_TIMELINE_EDITOR (adw_view_stack_get_child_by_name (charts, "timeline")));
  g_assert_nonnull (context);
  g_assert_nonnull (adw_view_stack_get_child_by_name (charts, "polarity"));
  g_assert_nonnull (adw_view_stack_get_child_by_name (charts, "comparison"));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (charts), ==, "overview");  /* the results in words first */
  /* A hidden tab is filled in when it is shown. */
  g_assert_null (gs_chart_view_get_description (timeline));
  g_action_group_activate_action (G_ACTION_GROUP (window), "show-tab", g_variant_new_string ("timeline"));  /* Alt+5 */
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (charts), ==, "timeline");
  g_assert_nonnull (strstr (gs_chart_view_get_description (timeline), "Serious incident review shared with all staff"));
  adw_view_stack_set_visible_child (charts, GTK_WIDGET (context));
  gs_test_drain ();
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (context)));
  g_assert_true (g_str_has_prefix (gs_chart_view_get_description (context), "Context profile, scores out of 100:"));

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  gs_test_drain ();
  g_assert_cmpint (gs_chart_view_get_palette_variant (context), ==, GS_PALETTE_DARK);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  gs_test_drain ();
  g_assert_cmpint (gs_chart_view_get_palette_variant (context), ==, GS_PALETTE_LIGHT);

  g_action_group_activate_action (G_ACTION_GROUP (window), "show-assessments", NULL);
  gs_test_drain ();
  g_assert_cmpstr (gs_test_visible_page (window), ==, "assessments");
  g_assert_null (gs_chart_view_get_description (context));
}

/* From the results page: export a chart at a chosen size and scale, copy it as an image,
 * export the report and print it (to a file, through GtkPrintOperation): the printed
 * pages are the report's pages. */
static void
test_outputs (GsTestFixture *fixture,
              gconstpointer  user_data)
{
  GsWindow *window = gs_test_activate_and_show (fixture);
  GsLibraryView *list = gs_test_library_of (window);
  g_autofree char *png = g_build_filename (fixture->tmp, "map.png", NULL);
  g_autofree char *pdf = g_build_filename (fixture->tmp, "report.pdf", NULL);
  g_autofree char *printed = g_build_filename (fixture->tmp, "printed.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  GdkClipboard *clipboard;
  gsize length = 0;

  g_action_group_activate_action (G_ACTION_GROUP (window), "load-demo", NULL);
  gs_test_drain ();
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "print"));
  gs_library_view_activate (list, 0);
  gs_test_drain ();
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "print"));

  gs_window_export_chart (window, "polarity", png, 800, 600, 2, TRUE);
  gs_test_wait_for_file (png);
  g_assert_true (g_file_get_contents (png, &contents, &length, NULL));
  g_assert_cmpuint (GUINT32_FROM_BE (*(guint32 *) (contents + 16)), ==, 1600);
  g_assert_cmpuint (GUINT32_FROM_BE (*(guint32 *) (contents + 20)), ==, 1200);

  /* The overview is words, not a chart: nothing to copy until a chart's tab is shown. */
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "copy-chart"));
  adw_view_stack_set_visible_child_name (gs_window_get_tabs (GS_WINDOW (window)),
                                    "context");
  g_action_group_activate_action (G_ACTION_GROUP (window), "copy-chart", NULL);
  gs_test_drain ();
  clipboard = gtk_widget_get_clipboard (GTK_WIDGET (window));
  g_assert_true (gdk_content_formats_contain_gtype (gdk_clipboard_get_formats (clipboard), GDK_TYPE_TEXTURE));

  gs_window_export_report (window, pdf, GS_PAPER_A4, GS_REPORT_DEFAULT);
  gs_test_wait_for_file (pdf);
  {
    /* The header's spinner, shown for work longer than 0.3 s, is gone once the file is written. */
    GtkWidget *spinner = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), GS_TYPE_WINDOW, "busy_spinner"));
    gint64 until = g_get_monotonic_time () + G_USEC_PER_SEC / 2;

    while (g_get_monotonic_time () < until)
      g_main_context_iteration (NULL, FALSE);
    g_assert_false (gtk_widget_get_visible (spinner));
  }
  g_assert_true (gs_window_print_to_file (window, printed, &error));
  g_assert_no_error (error);
  g_assert_cmpint (gs_test_pdf_pages (printed), ==, gs_test_pdf_pages (pdf));
  g_assert_cmpint (gs_test_pdf_pages (pdf), >, 15);
}


static gboolean
dialog_shown (gpointer heading)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel) && gtk_widget_get_visible (GTK_WIDGET (toplevel)) &&
          g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (toplevel)), heading) == 0)
        return TRUE;
    }
  return FALSE;
}

static gboolean
is_writable (gpointer store)
{
  return gs_store_get_writable (store);
}

/* The first opening of the day: the window is drawn before the whole-file check and backup,
 * which run in a worker; until they pass nothing can be changed; then the backup is there. */
static void
test_daily_check_after_first_frame (GsTestFixture *fixture,
                                    gconstpointer  user_data)
{
  GtkWindow *window;
  GsStore *store;

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GsStore) setup = gs_store_open (fixture->database, &error);
    g_assert_no_error (error);
    g_assert_true (gs_store_add_demo (setup, gs_test_instrument (), &error));
  }
  gs_test_remove_backups (fixture->database);

  g_application_activate (G_APPLICATION (fixture->app));
  window = gtk_application_get_active_window (GTK_APPLICATION (fixture->app));
  store = gs_window_get_store (GS_WINDOW (window));
  g_assert_nonnull (store);
  g_assert_false (gs_store_get_writable (store));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "new-assessment"));
  g_assert_cmpuint (gs_test_n_assessments (GS_WINDOW (window)), ==, 2);  /* readable at once */
  gs_test_iterate_until (is_writable, store);
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "new-assessment"));
  {
    g_autoptr(GPtrArray) backups = gs_store_list_backups (fixture->database);
    g_assert_cmpuint (backups->len, ==, 1);
  }
}

/* Damage that only the whole-file check finds: the window opens, then says the file is
 * damaged and offers the newest backup; nothing is written to the damaged file. */
static void
test_daily_check_finds_damage (GsTestFixture *fixture,
                               gconstpointer  user_data)
{
  g_autofree char *backup_copy = NULL;
  g_autofree char *before = NULL, *after = NULL;
  gsize length;
  GtkWindow *window;
  AdwMessageDialog *dialog;

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GsStore) setup = gs_store_open (fixture->database, &error);
    g_assert_no_error (error);
    g_assert_true (gs_store_add_demo (setup, gs_test_instrument (), &error));
    gs_test_remove_backups (fixture->database);  /* the one made on creating it */
    g_assert_true (gs_store_backup_now (setup, &error));
  }
  /* A backup from an earlier day: the check is due again today. */
  {
    g_autoptr(GPtrArray) backups = gs_store_list_backups (fixture->database);
    g_autofree char *folder = g_path_get_dirname (g_ptr_array_index (backups, 0));
    backup_copy = g_build_filename (folder, "groundswell-20200101T000000000000.db", NULL);
    g_assert_cmpint (g_rename (g_ptr_array_index (backups, 0), backup_copy), ==, 0);
    g_assert_cmpint (g_utime (backup_copy, &(struct utimbuf) { 1577836800, 1577836800 }), ==, 0);
  }
  gs_test_spoil_answers (fixture->database);
  g_assert_true (g_file_get_contents (fixture->database, &before, &length, NULL));

  g_application_activate (G_APPLICATION (fixture->app));
  window = gtk_application_get_active_window (GTK_APPLICATION (fixture->app));
  g_assert_nonnull (gs_window_get_store (GS_WINDOW (window)));
  gs_test_iterate_until (dialog_shown, (gpointer) "Could Not Open the Assessments");
  dialog = gs_test_find_dialog ("Could Not Open the Assessments");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "is damaged"));
  g_assert_true (adw_message_dialog_has_response (dialog, "restore"));
  g_assert_false (gs_store_get_writable (gs_window_get_store (GS_WINDOW (window))));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "new-assessment"));
  gs_test_destroy_dialogs ();
  gtk_window_destroy (window);
  gs_test_drain ();
  g_assert_true (g_file_get_contents (fixture->database, &after, &length, NULL));
  g_assert_true (memcmp (before, after, length) == 0);
}

static gboolean
is_button_for_action (GtkWidget     *widget,
                      gconstpointer  action_name)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action_name) == 0;
}

/* A database this user may not change opens read-only: the window says so under its header
 * and disables every change (new, import, answer, delete, timeline events, map texts), while
 * the results and their exports stay available. */
static void
test_read_only_database (GsTestFixture *fixture,
                         gconstpointer  user_data)
{
  g_autofree char *folder = g_path_get_dirname (fixture->database);
  GtkWidget *bar, *charts, *add_event, *map_texts;
  GsWindow *window;

  g_autoptr(GSettings) settings = g_settings_new ("org.groundswell.Groundswell");

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GsStore) store = NULL;
    g_autoptr(GsAssessment) first = NULL;

    g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
    store = gs_store_open (fixture->database, &error);
    g_assert_no_error (error);
    g_assert_true (gs_store_add_demo (store, gs_test_instrument (), &error));
    /* A read-only copy of one's own database: the last assessment answered is in it. */
    first = gs_store_load_assessment (store, 1, &error);
    g_assert_no_error (error);
    g_settings_set_string (settings, "last-answering", gs_assessment_get_uuid (first));
  }
  gs_test_make_read_only (fixture->database, FALSE);
  gs_test_act_as_other_user (TRUE);
  window = gs_test_activate_and_show (fixture);
  gs_test_act_as_other_user (FALSE);

  g_assert_true (gs_store_get_read_only (gs_window_get_store (window)));
  gs_test_drain ();
  g_assert_cmpstr (gs_test_visible_page (window), ==, "assessments");  /* not answering */
  bar = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), GS_TYPE_WINDOW, "read_only_bar"));
  g_assert_true (gtk_widget_get_mapped (bar));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (bar)), "read-only"));
  g_assert_cmpuint (gs_test_n_assessments (window), ==, 2);
  for (const char **action = (const char *[]) { "new-assessment", "import", "load-demo", "delete-assessment",
                                                 "rename-assessment", "follow-up-assessment", NULL };
       *action != NULL; action++)
    g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), *action));

  gs_library_view_activate (gs_test_library_of (window), 1);
  gs_test_drain ();
  g_assert_cmpstr (gs_test_visible_page (window), ==, "results");
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "answer"));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "export-report"));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "print"));
  charts = GTK_WIDGET (gs_window_get_tabs (GS_WINDOW (window)));
  add_event = gs_test_find_widget (charts, is_button_for_action, "timeline.add-event");
  g_assert_nonnull (add_event);
  g_assert_false (gtk_widget_is_sensitive (add_event));
  map_texts = adw_view_stack_get_child_by_name (gs_window_get_tabs (GS_WINDOW (window)), "polarity");
  g_assert_false (gtk_widget_is_sensitive (
    GTK_WIDGET (gtk_widget_get_template_child (map_texts, GS_TYPE_MAP_EDITOR, "text_list"))));
  g_assert_true (gtk_widget_is_sensitive (
    GTK_WIDGET (gtk_widget_get_template_child (map_texts, GS_TYPE_MAP_EDITOR, "map_dropdown"))));
  gs_test_make_writable (fixture->database);
  g_settings_reset (settings, "last-answering");
}

/* A survey platform's export, opened on the results: the window says how its columns matched
 * and how many respondents it adds before importing; an ambiguous one is refused by name. */
static gboolean
is_combo_titled (GtkWidget     *widget,
                 gconstpointer  title)
{
  return ADW_IS_COMBO_ROW (widget) && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static AdwComboRow *
find_combo_titled (GtkWidget  *widget,
                   const char *title)
{
  AdwComboRow *row = ADW_COMBO_ROW (gs_test_find_widget (widget, is_combo_titled, title));

  g_assert_nonnull (row);
  return row;
}

static void
test_import_survey_asks_first (GsTestFixture *fixture,
                               gconstpointer  user_data)
{
  GsWindow *window = gs_test_activate_and_show (fixture);
  g_autofree char *good = g_build_filename (fixture->tmp, "forms.csv", NULL);
  g_autofree char *ambiguous = g_build_filename (fixture->tmp, "ambiguous.csv", NULL);
  g_autoptr(GsAssessment) before = NULL;
  g_autoptr(GsAssessment) after = NULL;
  AdwMessageDialog *dialog;
  AdwComboRow *names, *groups;
  gint64 id = gs_test_open_demo_tab (window, "overview");

  before = gs_store_load_assessment (gs_window_get_store (window), id, NULL);
  g_assert_true (g_file_set_contents (good, "Email,Name,Staff group,org-key-people,org-elites-resource\r\n"
                                            "a@example.org,Porthor,Front line,Agree,Don't know\r\n", -1, NULL));
  gs_window_import_survey_file (window, good);
  dialog = gs_test_find_dialog ("Import These Answers?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "2 columns answer questions."));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Left out: “Email”."));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), " Groups: “Staff group”."));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "1 new respondent will be added"));
  /* The columns found for names and groups are shown, and can be changed: no groups. */
  names = find_combo_titled (GTK_WIDGET (dialog), "Respondents' names");
  groups = find_combo_titled (GTK_WIDGET (dialog), "Their groups");
  g_assert_cmpuint (adw_combo_row_get_selected (names), ==, 2);   /* None, Email, Name */
  g_assert_cmpuint (adw_combo_row_get_selected (groups), ==, 3);
  adw_combo_row_set_selected (groups, 0);
  g_assert_null (strstr (adw_message_dialog_get_body (dialog), "Groups:"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Left out: “Email”, “Staff group”."));
  adw_message_dialog_response (dialog, "import");
  gtk_window_close (GTK_WINDOW (dialog));
  gs_test_drain ();
  after = gs_store_load_assessment (gs_window_get_store (window), id, NULL);
  g_assert_cmpuint (gs_assessment_get_respondents (after)->len, ==, gs_assessment_get_respondents (before)->len + 1);
  g_assert_cmpstr (gs_assessment_find_respondent_by_name (after, "Porthor")->group, ==, "");

  g_assert_true (g_file_set_contents (ambiguous, "Name,org-key-people,orgkeypeople\r\nAnn,4,4\r\n", -1, NULL));
  /* An ambiguous header: the mapping says which columns, and Import stays off. */
  gs_window_import_survey_file (window, ambiguous);
  dialog = gs_test_find_dialog ("Import These Answers?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "“org-key-people” and “orgkeypeople” both answer"));
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "import"));
  gtk_window_close (GTK_WINDOW (dialog));
  gs_test_drain ();
  g_clear_object (&after);
  after = gs_store_load_assessment (gs_window_get_store (window), id, NULL);
  g_assert_cmpuint (gs_assessment_get_respondents (after)->len, ==, gs_assessment_get_respondents (before)->len + 1);
}

/* Several files at once, as chosen together or dropped on the window: each imported on its
 * own, then one summary that names the file refused and why. */
static void
test_import_several_files (GsTestFixture *fixture,
                           gconstpointer  user_data)
{
  GsWindow *window = gs_test_activate_and_show (fixture);
  g_autoptr(GsAssessment) target = NULL;
  g_autoptr(GsAssessment) after = NULL;
  g_autofree char *broken = g_build_filename (fixture->tmp, "broken.json", NULL);
  const char *paths[5] = { NULL };
  g_autofree char *first = NULL, *second = NULL;
  AdwMessageDialog *dialog;
  gint64 id = gs_test_open_demo_tab (window, "overview");

  target = gs_store_load_assessment (gs_window_get_store (window), id, NULL);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GsAssessment) responses = gs_assessment_new_like (target);
      GsRespondent *respondent = gs_assessment_add_respondent (responses, NULL, i == 0 ? "Nyrs" : "Porthor", "Front line");
      g_autofree char *json = NULL;
      char *path = g_strdup_printf ("%s/respondent-%u.json", fixture->tmp, i + 1);

      gs_respondent_set_answer (respondent, "org-key-people", GS_ANSWER_VALUE, 3, "");
      json = gs_exchange_write_json (responses, GS_EXCHANGE_RESPONSES);
      g_assert_true (g_file_set_contents (path, json, -1, NULL));
      if (i == 0)
        first = path;
      else
        second = path;
    }
  g_assert_true (g_file_set_contents (broken, "{ \"format\": ", -1, NULL));
  paths[0] = first;
  paths[1] = broken;
  paths[2] = second;
  paths[3] = first;  /* chosen twice: the second time it holds nothing new */
  gs_window_import_files (window, paths);
  dialog = gs_test_find_dialog ("Some Files Were Not Imported");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog),
                            "3 of 4 files imported. 2 respondents added or updated. 1 file held nothing new: it was "
                            "already here."));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "broken.json"));
  gtk_window_close (GTK_WINDOW (dialog));
  gs_test_drain ();
  after = gs_store_load_assessment (gs_window_get_store (window), id, NULL);
  g_assert_cmpuint (gs_assessment_get_respondents (after)->len, ==, gs_assessment_get_respondents (target)->len + 2);
}

/* Writes @target's id with one respondent, Nyrs, answering org-key-people with @value, saved
 * at @saved, as the web questionnaire writes it. */
static char *
write_nyrs_file (GsTestFixture *fixture,
                 GsAssessment  *target,
                 const char    *uuid,
                 int            value,
                 const char    *saved)
{
  g_autoptr(GsAssessment) responses = gs_assessment_new_like (target);
  GsRespondent *respondent = gs_assessment_add_respondent (responses, uuid, "Nyrs", "Front line");
  g_autofree char *json = NULL;
  g_autofree char *stamp = g_strdup_printf ("\"name\" : \"Nyrs\", \"saved\" : \"%s\"", saved);
  char *path = g_strdup_printf ("%s/nyrs-%d.json", fixture->tmp, value);
  GString *text;

  gs_respondent_set_answer (respondent, "org-key-people", GS_ANSWER_VALUE, value, "");
  json = gs_exchange_write_json (responses, GS_EXCHANGE_RESPONSES);
  text = g_string_new (json);
  g_assert_cmpuint (g_string_replace (text, "\"name\" : \"Nyrs\"", stamp, 1), ==, 1);
  g_assert_true (g_file_set_contents (path, text->str, -1, NULL));
  g_string_free (text, TRUE);
  return path;
}

/* A respondent changed an answer and saved their questionnaire again: importing the newer
 * file asks, and replacing takes the newer answer; cancelling changes nothing. */
static void
test_import_newer_answers_asks (GsTestFixture *fixture,
                                gconstpointer  user_data)
{
  GsWindow *window = gs_test_activate_and_show (fixture);
  gint64 id = gs_test_open_demo_tab (window, "overview");
  g_autoptr(GsAssessment) target = gs_store_load_assessment (gs_window_get_store (window), id, NULL);
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *older = write_nyrs_file (fixture, target, uuid, 2, "2026-10-01T09:00:00.000Z");
  g_autofree char *newer = write_nyrs_file (fixture, target, uuid, 4, "2026-10-02T17:30:00+01:00");
  AdwMessageDialog *dialog;

  gs_window_import_file (window, older, GS_IMPORT_REFUSE_DUPLICATE);
  gs_test_wait_for_respondent_answer (window, uuid, "org-key-people", 2);
  gs_window_import_file (window, newer, GS_IMPORT_REFUSE_DUPLICATE);
  dialog = gs_test_find_dialog ("Replace Older Answers?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Nyrs (items org-key-people)"));
  adw_message_dialog_response (dialog, "replace");
  gs_test_wait_for_respondent_answer (window, uuid, "org-key-people", 4);
  /* The older file again is a plain conflict now: nothing to replace with. */
  gs_window_import_file (window, older, GS_IMPORT_REFUSE_DUPLICATE);
  dialog = gs_test_find_dialog ("Could Not Import the File");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Already imported with different answers: Nyrs"));
  gs_test_wait_for_respondent_answer (window, uuid, "org-key-people", 4);
}

/* Questionnaires for several people at once: one page each in the folder chosen, named after
 * them (a "/" in a name cannot be in a file name), and each listed as sent one. */
static void
test_send_to_several_respondents (GsTestFixture *fixture,
                                  gconstpointer  user_data)
{
  GsWindow *window = gs_test_activate_and_show (fixture);
  gint64 id = gs_test_open_demo_tab (window, "overview");
  const char *names[] = { "Ana Lopes", "Bryn/Cai", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GsAssessment) after = NULL;
  const char *title = gs_assessment_get_title (gs_analysis_get_assessment (gs_window_get_analysis (window)));
  g_autofree char *first_name = g_strdup_printf ("%s — questionnaire for Ana Lopes.html", title);
  g_autofree char *second_name = g_strdup_printf ("%s — questionnaire for Bryn-Cai.html", title);
  g_autofree char *first = g_build_filename (fixture->tmp, first_name, NULL);
  g_autofree char *second = g_build_filename (fixture->tmp, second_name, NULL);
  g_autofree char *page = NULL;

  g_assert_cmpuint (gs_window_send_questionnaires (window, names, "Front line", fixture->tmp, &error), ==, 2);
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (first, &page, NULL, NULL));
  g_assert_nonnull (strstr (page, "\"name\":\"Ana Lopes\""));
  g_assert_true (g_file_test (second, G_FILE_TEST_IS_REGULAR));
  after = gs_store_load_assessment (gs_window_get_store (window), id, NULL);
  g_assert_cmpstr (gs_assessment_find_respondent_by_name (after, "Bryn/Cai")->group, ==, "Front line");
  g_assert_cmpuint (g_hash_table_size (gs_assessment_find_respondent_by_name (after, "Ana Lopes")->answers), ==, 0);
  /* Sending again finds them: nobody is added twice. */
  g_assert_cmpuint (gs_window_send_questionnaires (window, names, "Front line", fixture->tmp, &error), ==, 2);
  g_clear_object (&after);
  after = gs_store_load_assessment (gs_window_get_store (window), id, NULL);
  g_assert_nonnull (gs_assessment_find_respondent_by_name (after, "Ana Lopes"));
  {
    guint n = 0;

    for (guint r = 0; r < gs_assessment_get_respondents (after)->len; r++)
      n += g_str_equal (((GsRespondent *) g_ptr_array_index (gs_assessment_get_respondents (after), r))->name, "Ana Lopes");
    g_assert_cmpuint (n, ==, 1);
  }
}

int
main (int   argc,
      char *argv[])
{
  gs_test_ui_init (&argc, &argv);
  g_test_add ("/ui/window/first-start-shows-empty-state", GsTestFixture, NULL,
              gs_test_fixture_set_up, test_first_start_shows_empty_state, gs_test_fixture_tear_down);
  g_test_add ("/ui/window/actions-exist-and-are-enabled", GsTestFixture, NULL,
              gs_test_fixture_set_up, test_actions_exist_and_are_enabled, gs_test_fixture_tear_down);
  g_test_add ("/ui/window/about-credits-paper", GsTestFixture, NULL,
              gs_test_fixture_set_up, test_about_credits_paper, gs_test_fixture_tear_down);
  g_test_add ("/ui/window/window-size-is-remembered", GsTestFixture, NULL,
              gs_test_fixture_set_up, test_window_size_is_remembered, gs_test_fixture_tear_down);
  g_test_add ("/ui/window/new-assessment-through-dialog", GsTestFixture, NULL,
              gs_test_fixture_set_up, test_new_assessment_through_dialog, gs_test_fixture_tear_down);
  g_test_add ("/ui/window/load-demo", GsTestFixture, NULL,
              gs_test_fixture_set_up, test_load_demo, gs_test_fixture_tear_down);
  g_test_add ("/ui/window/import-twice-asks", GsTestFixture, NULL,
              gs_test_fixture_set_up, test_import_twice_asks, gs_test_fixture_tear_down);
  g_test_add ("/ui/window/import-malformed-says-why", GsTestFixture, NULL,
              gs_test_fixture_set_up, test_import_malformed_says_why, gs_test_fixture_tear_down);
  g_test_add ("/ui/window/damaged-database-offers-backup", GsTestFixture, NULL,
              gs_test_fixture_set_up, test_damaged_database_offers_backup, gs_test_fixture_tear_down);
  g_test_add ("/ui/window/menus-made-as-they-open", GsTestFixture, NULL,
              gs_test_fixture_set_up, test_menus_made_as_they_open, gs_test_fixture_tear_down);
  g_test_add ("/ui/window/results-page", GsTestFixture, NULL,
              gs_test_fixture_set_up, test_results_page, gs_test_fixture_tear_down);
  g_test_add ("/ui/window/outputs", GsTestFixture, NULL,
              gs_test_fixture_set_up, test_outputs, gs_test_fixture_tear_down);
  g_test_add ("/ui/window/daily-check-after-first-frame", GsTestFixture, NULL,
              gs_test_fixture_set_up, test_daily_check_after_first_frame, gs_test_fixture_tear_down);
  g_test_add ("/ui/window/daily-check-finds-damage", GsTestFixture, NULL,
              gs_test_fixture_set_up, test_daily_check_finds_damage, gs_test_fixture_tear_down);
  g_test_add ("/ui/window/read-only-database", GsTestFixture, NULL,
              gs_test_fixture_set_up, test_read_only_database, gs_test_fixture_tear_down);
  g_test_add ("/ui/window/import-survey-asks-first", GsTestFixture, NULL,
              gs_test_fixture_set_up, test_import_survey_asks_first, gs_test_fixture_tear_down);
  g_test_add ("/ui/window/import-several-files", GsTestFixture, NULL,
              gs_test_fixture_set_up, test_import_several_files, gs_test_fixture_tear_down);
  g_test_add ("/ui/window/import-newer-answers-asks", GsTestFixture, NULL,
              gs_test_fixture_set_up, test_import_newer_answers_asks, gs_test_fixture_tear_down);
  g_test_add ("/ui/window/send-to-several-respondents", GsTestFixture, NULL,
              gs_test_fixture_set_up, test_send_to_several_respondents, gs_test_fixture_tear_down);
  return gs_test_ui_run ();
}
