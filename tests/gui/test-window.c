/* test-window.c — the real main window under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <math.h>
#include <poppler.h>

#include "core/gs-demo.h"
#include "core/gs-exchange.h"
#include "gui/gs-application.h"
#include "gui/gs-answer-page.h"
#include "gui/gs-chart-view.h"
#include "gui/gs-dialogs.h"
#include "gui/gs-library-view.h"
#include "gui/gs-compare-page.h"
#include "gui/gs-map-editor.h"
#include "gui/gs-overview-page.h"
#include "gui/gs-preferences-window.h"
#include "gui/gs-text-row.h"
#include "gui/gs-timeline-editor.h"
#include "gui/gs-window.h"
#include "store/gs-assessment-summary.h"

/* One application for the whole program, as in real life: registering a second one on the
 * same bus would clash. Each test gives it a fresh database and closes its windows. */
static GsApplication *the_app;

typedef struct {
  GsApplication *app;
  char          *tmp;
  char          *database;
} Fixture;

static void
iterate_until (gboolean (*done) (gpointer), gpointer data)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!done (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

static gboolean
widget_is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (GTK_WIDGET (widget));
}

static gboolean
store_is_writable (gpointer store)
{
  return gs_store_get_writable (store);
}

static gboolean
any_window_loading (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (GS_IS_WINDOW (toplevel) && gs_window_is_loading (GS_WINDOW (toplevel)))
        return TRUE;
    }
  return FALSE;
}

/* Runs everything that is waiting, including results being scored in a worker. */
static void
drain_main_context (void)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  do
    {
      while (g_main_context_pending (NULL))
        g_main_context_iteration (NULL, FALSE);
      if (any_window_loading ())
        {
          g_assert_cmpint (g_get_monotonic_time (), <, deadline);
          g_main_context_iteration (NULL, TRUE);
        }
    }
  while (any_window_loading () || g_main_context_pending (NULL));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->tmp = g_dir_make_tmp ("gs-ui-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->database = g_build_filename (fixture->tmp, "data", "groundswell.db", NULL);

  fixture->app = the_app;
  gs_application_set_database_path (fixture->app, fixture->database);
}

/* The message dialog with this heading, waiting for it to appear if need be. */
static AdwMessageDialog *
find_dialog (const char *heading)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  for (;;)
    {
      GListModel *toplevels = gtk_window_get_toplevels ();

      for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
        {
          g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);
          if (ADW_IS_MESSAGE_DIALOG (toplevel) &&
              g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (toplevel)), heading) == 0 &&
              gtk_widget_get_visible (GTK_WIDGET (toplevel)))
            return ADW_MESSAGE_DIALOG (toplevel);
        }
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

static void
destroy_dialogs (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i - 1);
      if (ADW_IS_MESSAGE_DIALOG (toplevel))
        gtk_window_destroy (toplevel);
    }
}

static GsLibraryView *
library_of (GsWindow *window)
{
  return GS_LIBRARY_VIEW (gtk_widget_get_template_child (GTK_WIDGET (window), GS_TYPE_WINDOW, "library_view"));
}

/* The title of the @index-th assessment the library shows. */
static const char *
shown_title (GsLibraryView *list,
             guint          index)
{
  return gs_assessment_summary_get_title (gs_library_model_get_assessment (gs_library_view_get_model (list), index));
}

static guint
n_assessments (GsWindow *window)
{
  return g_list_model_get_n_items (gs_store_get_assessments (gs_window_get_store (window)));
}

static void
wait_for_assessments (GsWindow *window,
                      guint     n)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (n_assessments (window) != n)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

static const char *
visible_page (GsWindow *window)
{
  GtkStack *stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (window), GS_TYPE_WINDOW, "main_stack"));

  return gtk_stack_get_visible_child_name (stack);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  GList *windows;

  destroy_dialogs ();
  windows = gtk_application_get_windows (GTK_APPLICATION (fixture->app));

  while (windows != NULL)
    {
      gtk_window_destroy (GTK_WINDOW (windows->data));
      windows = gtk_application_get_windows (GTK_APPLICATION (fixture->app));
    }
  drain_main_context ();
  g_free (fixture->database);
  g_free (fixture->tmp);
}

static GsWindow *
activate_and_show (Fixture *fixture)
{
  GtkWindow *window;

  g_application_activate (G_APPLICATION (fixture->app));
  window = gtk_application_get_active_window (GTK_APPLICATION (fixture->app));
  g_assert_true (GS_IS_WINDOW (window));
  iterate_until (widget_is_mapped, window);
  /* The day's check of a new database runs once the window is drawn; changes wait for it. */
  if (gs_window_get_store (GS_WINDOW (window)) != NULL)
    iterate_until (store_is_writable, gs_window_get_store (GS_WINDOW (window)));
  return GS_WINDOW (window);
}

static guint
mode_of (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 0777;
}

/* A first start on a new database shows the empty state, offers to start an assessment, and
 * creates the database privately. */
static void
test_first_start_shows_empty_state (Fixture       *fixture,
                                    gconstpointer  user_data)
{
  GsWindow *window = activate_and_show (fixture);
  g_autofree char *folder = g_path_get_dirname (fixture->database);
  GtkStack *stack;
  GtkWidget *visible;

  g_assert_nonnull (gs_window_get_store (window));
  g_assert_cmphex (mode_of (folder), ==, 0700);
  g_assert_cmphex (mode_of (fixture->database), ==, 0600);

  stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (window), GS_TYPE_WINDOW, "main_stack"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  visible = gtk_stack_get_visible_child (stack);
  g_assert_true (ADW_IS_STATUS_PAGE (visible));
  g_assert_true (gtk_widget_get_mapped (visible));
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (visible)), ==, "No Assessments Yet");
}

static void
test_actions_exist_and_are_enabled (Fixture       *fixture,
                                    gconstpointer  user_data)
{
  GsWindow *window = activate_and_show (fixture);
  g_auto(GStrv) new_accels = NULL;

  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (fixture->app), "about"));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (fixture->app), "about"));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (fixture->app), "quit"));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (window), "new-assessment"));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "new-assessment"));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (window), "show-help-overlay"));

  new_accels = gtk_application_get_accels_for_action (GTK_APPLICATION (fixture->app), "win.new-assessment");
  g_assert_cmpstr (new_accels[0], ==, "<Control>n");
  g_assert_nonnull (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
}

/* The About window opens over the main window and credits the paper. */
static void
test_about_credits_paper (Fixture       *fixture,
                          gconstpointer  user_data)
{
  GsWindow *window = activate_and_show (fixture);
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
test_window_size_is_remembered (Fixture       *fixture,
                                gconstpointer  user_data)
{
  GsWindow *window = activate_and_show (fixture);
  int width = 0, height = 0;

  gtk_window_set_default_size (GTK_WINDOW (window), 823, 611);
  gtk_window_close (GTK_WINDOW (window));
  drain_main_context ();
  g_assert_null (gtk_application_get_active_window (GTK_APPLICATION (fixture->app)));

  window = activate_and_show (fixture);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 823);
  g_assert_cmpint (height, ==, 611);
}

/* The user starts an assessment from the empty state: types the organisation, keeps the
 * suggested title, creates it; the store has it and the window lists it. */
static void
test_new_assessment_through_dialog (Fixture       *fixture,
                                    gconstpointer  user_data)
{
  GsWindow *window = activate_and_show (fixture);
  GsLibraryView *list = library_of (window);
  AdwMessageDialog *dialog;
  g_autoptr(GsAssessmentSummary) row = NULL;

  g_assert_cmpstr (visible_page (window), ==, "empty");
  g_action_group_activate_action (G_ACTION_GROUP (window), "new-assessment", NULL);
  dialog = find_dialog ("New Assessment");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "create"));
  gtk_editable_set_text (GTK_EDITABLE (g_object_get_data (G_OBJECT (dialog), "organisation")), "  St Example’s NHS Trust ");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "create"));
  adw_message_dialog_response (dialog, "create");
  drain_main_context ();

  g_assert_cmpuint (n_assessments (window), ==, 1);
  row = g_list_model_get_item (gs_store_get_assessments (gs_window_get_store (window)), 0);
  g_assert_cmpstr (gs_assessment_summary_get_organisation_name (row), ==, "St Example’s NHS Trust");
  g_assert_cmpstr (gs_assessment_summary_get_title (row), ==, "Baseline");
  g_assert_cmpstr (visible_page (window), ==, "assessments");
  g_assert_cmpstr (shown_title (list, 0), ==, "Baseline");
}

static void
test_load_demo (Fixture       *fixture,
                gconstpointer  user_data)
{
  GsWindow *window = activate_and_show (fixture);

  g_action_group_activate_action (G_ACTION_GROUP (window), "load-demo", NULL);
  drain_main_context ();
  g_assert_cmpuint (n_assessments (window), ==, 2);
  g_assert_cmpstr (visible_page (window), ==, "assessments");
  /* Twice adds nothing. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "load-demo", NULL);
  drain_main_context ();
  g_assert_cmpuint (n_assessments (window), ==, 2);
}

/* Importing the same file twice asks; "Import as Copy" keeps both. */
static void
test_import_twice_asks (Fixture       *fixture,
                        gconstpointer  user_data)
{
  GsWindow *window = activate_and_show (fixture);
  g_autoptr(GsInstrument) instrument = gs_instrument_load_default (NULL);
  g_autoptr(GPtrArray) demo = gs_demo_build_assessments (instrument);
  g_autofree char *json = gs_exchange_write_json (g_ptr_array_index (demo, 0), GS_EXCHANGE_ASSESSMENT);
  g_autofree char *path = g_build_filename (fixture->tmp, "baseline.json", NULL);
  AdwMessageDialog *dialog;

  g_assert_true (g_file_set_contents (path, json, -1, NULL));
  gs_window_import_file (window, path, GS_IMPORT_REFUSE_DUPLICATE);
  wait_for_assessments (window, 1);

  gs_window_import_file (window, path, GS_IMPORT_REFUSE_DUPLICATE);
  dialog = find_dialog ("Already Imported");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "is already in this database"));
  g_assert_cmpuint (n_assessments (window), ==, 1);
  adw_message_dialog_response (dialog, "copy");
  wait_for_assessments (window, 2);
}

/* A malformed file: a dialog says which file and what is wrong; nothing is imported. */
static void
test_import_malformed_says_why (Fixture       *fixture,
                                gconstpointer  user_data)
{
  GsWindow *window = activate_and_show (fixture);
  g_autofree char *path = g_build_filename (fixture->tmp, "answers.csv", NULL);
  AdwMessageDialog *dialog;

  g_assert_true (g_file_set_contents (path, "name,score\nAlice,4\n", -1, NULL));
  gs_window_import_file (window, path, GS_IMPORT_REFUSE_DUPLICATE);
  dialog = find_dialog ("Could Not Import the File");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), path));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "line 1"));
  g_assert_cmpuint (n_assessments (window), ==, 0);
}

/* A damaged database is not overwritten: the window says so and offers the newest backup;
 * restoring it opens a window on the restored assessments, the damaged file kept aside. */
static void
test_damaged_database_offers_backup (Fixture       *fixture,
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

  window = activate_and_show (fixture);
  g_assert_null (gs_window_get_store (window));
  dialog = find_dialog ("Could Not Open the Assessments");
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
  g_assert_cmpuint (n_assessments (window), ==, 2);
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

/* Opening an assessment shows its charts; each describes itself to screen readers, follows
 * the dark style, and the back action returns to the list. */
static void
test_results_page (Fixture       *fixture,
                   gconstpointer  user_data)
{
  GsWindow *window = activate_and_show (fixture);
  GsLibraryView *list = library_of (window);
  AdwViewStack *charts = ADW_VIEW_STACK (gtk_widget_get_template_child (GTK_WIDGET (window), GS_TYPE_WINDOW, "chart_stack"));
  AdwStyleManager *style = adw_style_manager_get_default ();
  GsChartView *context, *timeline;

  g_action_group_activate_action (G_ACTION_GROUP (window), "load-demo", NULL);
  drain_main_context ();
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "show-assessments"));
  gs_library_view_activate (list, 1);
  drain_main_context ();
  g_assert_cmpstr (visible_page (window), ==, "results");
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "show-assessments"));

  context = GS_CHART_VIEW (adw_view_stack_get_child_by_name (charts, "context"));
  timeline = gs_timeline_editor_get_chart_view (GS_TIMELINE_EDITOR (adw_view_stack_get_child_by_name (charts, "timeline")));
  g_assert_nonnull (context);
  g_assert_true (g_str_has_prefix (gs_chart_view_get_description (context), "Context profile, scores out of 100:"));
  g_assert_nonnull (strstr (gs_chart_view_get_description (timeline), "Serious incident review shared with all staff"));
  g_assert_nonnull (adw_view_stack_get_child_by_name (charts, "polarity"));
  g_assert_nonnull (adw_view_stack_get_child_by_name (charts, "comparison"));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (charts), ==, "overview");  /* the results in words first */
  g_action_group_activate_action (G_ACTION_GROUP (window), "show-tab", g_variant_new_string ("timeline"));  /* Alt+5 */
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (charts), ==, "timeline");
  adw_view_stack_set_visible_child (charts, GTK_WIDGET (context));
  drain_main_context ();
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (context)));

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  drain_main_context ();
  g_assert_cmpint (gs_chart_view_get_palette_variant (context), ==, GS_PALETTE_DARK);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  drain_main_context ();
  g_assert_cmpint (gs_chart_view_get_palette_variant (context), ==, GS_PALETTE_LIGHT);

  g_action_group_activate_action (G_ACTION_GROUP (window), "show-assessments", NULL);
  drain_main_context ();
  g_assert_cmpstr (visible_page (window), ==, "assessments");
  g_assert_null (gs_chart_view_get_description (context));
}

static void
wait_for_file (const char *path)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  gint64 settle;

  while (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  /* The file is in place once renamed; let the worker thread return and its callback run. */
  settle = g_get_monotonic_time () + G_USEC_PER_SEC / 2;
  while (g_get_monotonic_time () < settle)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static int
pdf_pages (const char *path)
{
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autoptr(GError) error = NULL;
  PopplerDocument *document = poppler_document_new_from_file (uri, NULL, &error);
  int n;

  g_assert_no_error (error);
  n = poppler_document_get_n_pages (document);
  g_object_unref (document);
  return n;
}

/* From the results page: export a chart at a chosen size and scale, copy it as an image,
 * export the report and print it (to a file, through GtkPrintOperation): the printed
 * pages are the report's pages. */
static void
test_outputs (Fixture       *fixture,
              gconstpointer  user_data)
{
  GsWindow *window = activate_and_show (fixture);
  GsLibraryView *list = library_of (window);
  g_autofree char *png = g_build_filename (fixture->tmp, "map.png", NULL);
  g_autofree char *pdf = g_build_filename (fixture->tmp, "report.pdf", NULL);
  g_autofree char *printed = g_build_filename (fixture->tmp, "printed.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  GdkClipboard *clipboard;
  gsize length = 0;

  g_action_group_activate_action (G_ACTION_GROUP (window), "load-demo", NULL);
  drain_main_context ();
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "print"));
  gs_library_view_activate (list, 0);
  drain_main_context ();
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "print"));

  gs_window_export_chart (window, "polarity", png, 800, 600, 2);
  wait_for_file (png);
  g_assert_true (g_file_get_contents (png, &contents, &length, NULL));
  g_assert_cmpuint (GUINT32_FROM_BE (*(guint32 *) (contents + 16)), ==, 1600);
  g_assert_cmpuint (GUINT32_FROM_BE (*(guint32 *) (contents + 20)), ==, 1200);

  /* The overview is words, not a chart: nothing to copy until a chart's tab is shown. */
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "copy-chart"));
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (gtk_widget_get_template_child (GTK_WIDGET (window), GS_TYPE_WINDOW, "chart_stack")),
                                    "context");
  g_action_group_activate_action (G_ACTION_GROUP (window), "copy-chart", NULL);
  drain_main_context ();
  clipboard = gtk_widget_get_clipboard (GTK_WIDGET (window));
  g_assert_true (gdk_content_formats_contain_gtype (gdk_clipboard_get_formats (clipboard), GDK_TYPE_TEXTURE));

  gs_window_export_report (window, pdf, GS_PAPER_A4);
  wait_for_file (pdf);
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
  g_assert_cmpint (pdf_pages (printed), ==, pdf_pages (pdf));
  g_assert_cmpint (pdf_pages (pdf), >, 15);
}

static void
clicked_cb (GtkButton *button,
            gboolean  *clicked)
{
  *clicked = TRUE;
}

/* What Space or Enter does to a focused button: activate it. GTK finishes the click after a
 * short visual press, so wait for the click itself (slow under sanitizers). */
static void
press (GtkWidget *button)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  gboolean clicked = FALSE;
  gulong handler = g_signal_connect (button, "clicked", G_CALLBACK (clicked_cb), &clicked);

  g_assert_true (gtk_widget_activate (button));
  while (!clicked)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  g_signal_handler_disconnect (button, handler);
  drain_main_context ();
}

static const GsAnswer *
stored_answer (const char *database,
               const char *respondent_uuid,
               const char *item_id,
               GsAssessment **keep)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GsStore) store = gs_store_open (database, &error);
  g_autoptr(GsAssessmentSummary) row = g_list_model_get_item (gs_store_get_assessments (store), 0);

  g_assert_no_error (error);
  g_clear_object (keep);
  *keep = gs_store_load_assessment (store, gs_assessment_summary_get_id (row), &error);
  g_assert_no_error (error);
  return gs_respondent_get_answer (gs_assessment_lookup_respondent (*keep, respondent_uuid), item_id);
}

/* A consultant opens an assessment, adds two respondents, answers with the keyboard, quits,
 * starts again and is back with the same respondent, page and item; every step is in the store. */
static void
test_answering_resumes (Fixture       *fixture,
                        gconstpointer  user_data)
{
  GsWindow *window = activate_and_show (fixture);
  GsLibraryView *list = library_of (window);
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
  drain_main_context ();
  gs_library_view_activate (list, 0);
  drain_main_context ();
  g_action_group_activate_action (G_ACTION_GROUP (window), "answer", NULL);
  drain_main_context ();
  g_assert_cmpstr (visible_page (window), ==, "answer");

  page = GS_ANSWER_PAGE (gtk_stack_get_child_by_name (GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (window), GS_TYPE_WINDOW, "main_stack")), "answer"));
  g_assert_null (gs_answer_page_get_respondent (page));
  g_assert_true (gs_answer_page_add_respondent (page, "Alice", "Board", &error));
  first = g_strdup (gs_answer_page_get_respondent (page));
  g_assert_true (gs_answer_page_add_respondent (page, "R-07", "Front line", &error));
  second = g_strdup (gs_answer_page_get_respondent (page));
  g_assert_cmpstr (first, !=, second);

  /* As Alice: "Agree" (4) on the first item, as Space or Enter on the button would choose it. */
  gs_answer_page_select_respondent (page, first);
  press (GTK_WIDGET (gs_answer_page_get_choice (page, "org-key-people", 3)));
  note = gs_answer_page_get_note (page, "org-key-people");
  gtk_editable_set_text (note, "Board minutes, 3 March");
  g_signal_emit_by_name (note, "activate");  /* Enter in the note */
  answer = stored_answer (fixture->database, first, "org-key-people", &check);
  g_assert_nonnull (answer);
  g_assert_cmpint (answer->value, ==, 4);
  g_assert_cmpstr (answer->note, ==, "Board minutes, 3 March");

  /* Next page: structural context; then "don't know" as R-07 there. */
  press (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (page), GS_TYPE_ANSWER_PAGE, "next_button")));
  g_assert_cmpuint (gs_answer_page_get_page (page), ==, 1);
  gs_answer_page_select_respondent (page, second);
  g_assert_false (gtk_toggle_button_get_active (gs_answer_page_get_choice (page, "org-key-people", 3)));
  press (GTK_WIDGET (gs_answer_page_get_choice (page, "str-networks", GS_CHOICE_DONT_KNOW)));
  answer = stored_answer (fixture->database, second, "str-networks", &check);
  g_assert_cmpint (answer->status, ==, GS_ANSWER_DONT_KNOW);
  g_assert_cmpuint (gs_answer_page_count_unanswered (page), ==, gs_instrument_get_items (instrument)->len - 1);
  gs_answer_page_set_page (page, 1);

  /* Quit and start again. */
  gtk_window_close (GTK_WINDOW (window));
  drain_main_context ();
  window = activate_and_show (fixture);
  g_assert_cmpstr (visible_page (window), ==, "answer");
  page = GS_ANSWER_PAGE (gtk_stack_get_child_by_name (GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (window), GS_TYPE_WINDOW, "main_stack")), "answer"));
  g_assert_cmpstr (gs_answer_page_get_respondent (page), ==, second);
  g_assert_cmpuint (gs_answer_page_get_page (page), ==, 1);
  g_assert_cmpstr (gs_answer_page_get_current_item (page), ==, "str-networks");
  g_assert_true (gtk_toggle_button_get_active (gs_answer_page_get_choice (page, "str-networks", GS_CHOICE_DONT_KNOW)));
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
    press (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (page), GS_TYPE_ANSWER_PAGE, "remove_respondent_button")));
    g_assert_cmpint (gs_store_find_respondent (gs_window_get_store (window), second), ==, 0);
    g_assert_cmpstr (gs_answer_page_get_respondent (page), ==, first);
    g_action_group_activate_action (G_ACTION_GROUP (window), "undo-delete-respondent", g_variant_new_int64 (r07));
    drain_main_context ();
    after = gs_store_load_assessment (gs_window_get_store (window), gs_store_find_assessment (gs_window_get_store (window),
                                      gs_assessment_get_uuid (check)), &error);
    g_assert_no_error (error);
    back = gs_assessment_lookup_respondent (after, second);
    g_assert_nonnull (back);
    g_assert_cmpint (gs_respondent_get_answer (back, "str-networks")->status, ==, GS_ANSWER_DONT_KNOW);
  }

  /* Back goes to the results, and no longer resumes answering. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "show-assessments", NULL);
  drain_main_context ();
  g_assert_cmpstr (visible_page (window), ==, "results");
}

/* The organisation heading right above the @index-th assessment shown, if any. */
static const char *
row_header_text (GsLibraryView *list,
                 guint          index)
{
  GListModel *entries = G_LIST_MODEL (gs_library_view_get_model (list));
  GsAssessmentSummary *wanted = gs_library_model_get_assessment (GS_LIBRARY_MODEL (entries), index);

  for (guint i = 1; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(GsLibraryEntry) entry = g_list_model_get_item (entries, i);
      g_autoptr(GsLibraryEntry) before = g_list_model_get_item (entries, i - 1);

      if (!gs_library_entry_is_heading (entry) && gs_library_entry_get_summary (entry) == wanted)
        return gs_library_entry_is_heading (before) ?
               gs_assessment_summary_get_organisation_name (gs_library_entry_get_summary (before)) : NULL;
    }
  return NULL;
}

/* Loads the example, opens its newest assessment on the results tab @tab; returns its id. */
static gint64
open_demo_tab (GsWindow   *window,
               const char *tab)
{
  GsLibraryView *list = library_of (window);
  AdwViewStack *charts = ADW_VIEW_STACK (gtk_widget_get_template_child (GTK_WIDGET (window), GS_TYPE_WINDOW, "chart_stack"));
  g_autoptr(GsAssessmentSummary) first = NULL;

  g_action_group_activate_action (G_ACTION_GROUP (window), "load-demo", NULL);
  drain_main_context ();
  first = g_list_model_get_item (gs_store_get_assessments (gs_window_get_store (window)), 0);
  gs_library_view_activate (list, 0);
  drain_main_context ();
  adw_view_stack_set_visible_child_name (charts, tab);
  drain_main_context ();
  return gs_assessment_summary_get_id (first);
}

/* The overview shows each domain's score as the scoring engine computes it for the stored
 * answers, rounded as people read it; a domain no one answered shows a dash. */
static void
test_overview_shows_scores (Fixture       *fixture,
                            gconstpointer  user_data)
{
  GsWindow *window = activate_and_show (fixture);
  AdwViewStack *charts = ADW_VIEW_STACK (gtk_widget_get_template_child (GTK_WIDGET (window), GS_TYPE_WINDOW, "chart_stack"));
  g_autoptr(GsInstrument) instrument = gs_instrument_load_default (NULL);
  g_autoptr(GsAssessment) assessment = NULL;
  g_autoptr(GsResults) results = NULL;
  g_autoptr(GError) error = NULL;
  GsOverviewPage *overview;
  gint64 id = open_demo_tab (window, "overview");

  overview = GS_OVERVIEW_PAGE (adw_view_stack_get_visible_child (charts));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "export-chart"));
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
  drain_main_context ();
  gs_library_view_activate (library_of (window), 0);
  drain_main_context ();
  g_assert_cmpstr (gs_overview_page_get_domain_score (overview, results->domains[0].domain->id), ==, "—");
}

static GtkWindow *
find_preferences (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);
      if (GS_IS_PREFERENCES_WINDOW (toplevel))
        return toplevel;
    }
  return NULL;
}

/* Preferences (Ctrl+comma): the style turns the window dark at once and is kept; a larger
 * smallest group hides the demo's groups of 3 and 4 on the open results; the paper size is
 * kept for Export Report. */
static void
test_preferences (Fixture       *fixture,
                  gconstpointer  user_data)
{
  GsWindow *window = activate_and_show (fixture);
  AdwViewStack *charts = ADW_VIEW_STACK (gtk_widget_get_template_child (GTK_WIDGET (window), GS_TYPE_WINDOW, "chart_stack"));
  g_autoptr(GSettings) settings = g_settings_new ("org.groundswell.Groundswell");
  g_autofree char *scheme = NULL;
  g_autofree char *paper = NULL;
  GsOverviewPage *overview;
  GtkWindow *preferences;

  open_demo_tab (window, "overview");
  overview = GS_OVERVIEW_PAGE (adw_view_stack_get_visible_child (charts));
  g_assert_null (gs_overview_page_get_hidden_groups (overview));

  g_action_group_activate_action (G_ACTION_GROUP (fixture->app), "preferences", NULL);
  drain_main_context ();
  preferences = find_preferences ();
  g_assert_nonnull (preferences);

  adw_combo_row_set_selected (g_object_get_data (G_OBJECT (preferences), "color-scheme"), 2);
  drain_main_context ();
  scheme = g_settings_get_string (settings, "color-scheme");
  g_assert_cmpstr (scheme, ==, "dark");
  g_assert_true (adw_style_manager_get_dark (adw_style_manager_get_default ()));

  gtk_spin_button_set_value (g_object_get_data (G_OBJECT (preferences), "min-group-size"), 5);
  drain_main_context ();
  g_assert_cmpuint (g_settings_get_uint (settings, "min-group-size"), ==, 5);
  g_assert_cmpstr (gs_overview_page_get_hidden_groups (overview), ==, "Board, Managers, Front line");

  adw_combo_row_set_selected (g_object_get_data (G_OBJECT (preferences), "paper-size"), 1);
  drain_main_context ();
  paper = g_settings_get_string (settings, "paper-size");
  g_assert_cmpstr (paper, ==, "letter");

  gtk_window_destroy (preferences);
  g_settings_reset (settings, "color-scheme");
  g_settings_reset (settings, "min-group-size");
  g_settings_reset (settings, "paper-size");
  drain_main_context ();
  g_assert_false (adw_style_manager_get_dark (adw_style_manager_get_default ()));
}

/* The comparison starts from the assessment just before; another earlier one can be
 * chosen; the earliest has nothing to compare with. */
static void
test_compare_with_chosen_baseline (Fixture       *fixture,
                                   gconstpointer  user_data)
{
  GsWindow *window = activate_and_show (fixture);
  GsStore *store = gs_window_get_store (window);
  AdwViewStack *charts = ADW_VIEW_STACK (gtk_widget_get_template_child (GTK_WIDGET (window), GS_TYPE_WINDOW, "chart_stack"));
  GsLibraryView *list = library_of (window);
  g_autoptr(GsInstrument) instrument = gs_instrument_load_default (NULL);
  g_autoptr(GsAssessmentSummary) newest = NULL;
  g_autoptr(GError) error = NULL;
  GsComparePage *compare;
  GsChartView *chart;
  gint64 pilot;

  open_demo_tab (window, "comparison");
  compare = GS_COMPARE_PAGE (adw_view_stack_get_visible_child (charts));
  chart = gs_compare_page_get_chart_view (compare);
  g_assert_true (g_str_has_prefix (gs_chart_view_get_description (chart), "Change from Baseline (2026-03-02) to Six-month follow-up (2026-09-07):"));

  newest = g_list_model_get_item (gs_store_get_assessments (store), 0);
  pilot = gs_store_add_assessment (store, gs_assessment_summary_get_organisation_id (newest), "Pilot", "2025-01-10",
                                   instrument, &error);
  g_assert_no_error (error);
  drain_main_context ();
  g_assert_true (gs_compare_page_choose (compare, pilot));
  g_assert_true (g_str_has_prefix (gs_chart_view_get_description (chart), "Change from Pilot (2025-01-10) to Six-month follow-up (2026-09-07):"));
  g_assert_nonnull (strstr (gs_chart_view_get_description (chart), "not comparable"));

  /* The earliest assessment, "Pilot", last in the list: nothing earlier to compare with. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "show-assessments", NULL);
  drain_main_context ();
  gs_library_view_activate (list, 2);
  drain_main_context ();
  g_assert_true (g_str_has_prefix (gs_chart_view_get_description (chart), "No earlier assessment to compare Pilot (2025-01-10) with"));

  /* A later assessment is not a baseline: the user is told, and nothing changes. */
  g_assert_false (gs_compare_page_choose (compare, gs_assessment_summary_get_id (newest)));
  g_assert_nonnull (find_dialog ("Could Not Compare the Assessments"));
  g_assert_true (g_str_has_prefix (gs_chart_view_get_description (chart), "No earlier assessment to compare Pilot (2025-01-10) with"));

  /* Another organisation of the same name, dated between the two: not a baseline, and a
   * group of its own in the library. */
  gs_store_add_assessment (store, gs_store_add_organisation (store, gs_assessment_summary_get_organisation_name (newest), NULL),
                           "Namesake", "2026-08-01", instrument, &error);
  g_assert_no_error (error);
  destroy_dialogs ();
  g_action_group_activate_action (G_ACTION_GROUP (window), "show-assessments", NULL);
  drain_main_context ();
  g_assert_cmpstr (row_header_text (list, 3), ==, gs_assessment_summary_get_organisation_name (newest));
  gs_library_view_activate (list, 0);
  drain_main_context ();
  g_assert_true (g_str_has_prefix (gs_chart_view_get_description (chart), "Change from Baseline (2026-03-02) to Six-month follow-up (2026-09-07):"));
}


/* The library groups assessments under their organisation (alphabetical, newest first
 * within one) and finds them by organisation or title as the user types. */
static void
test_library_groups_and_search (Fixture       *fixture,
                                gconstpointer  user_data)
{
  GsWindow *window = activate_and_show (fixture);
  GsStore *store = gs_window_get_store (window);
  GsLibraryView *list = library_of (window);
  GtkEditable *search = GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (list), GS_TYPE_LIBRARY_VIEW, "search_entry"));
  GtkWidget *no_match = (GtkWidget *) gtk_widget_get_template_child (GTK_WIDGET (list), GS_TYPE_LIBRARY_VIEW, "no_match_label");
  g_autoptr(GsInstrument) instrument = gs_instrument_load_default (NULL);
  g_autoptr(GError) error = NULL;
  gint64 ashford;

  g_action_group_activate_action (G_ACTION_GROUP (window), "load-demo", NULL);
  ashford = gs_store_add_organisation (store, "Ashford & St Peter’s", &error);
  gs_store_add_assessment (store, ashford, "Board away day", "2027-02-01", instrument, &error);
  g_assert_no_error (error);
  drain_main_context ();

  g_assert_cmpstr (row_header_text (list, 0), ==, "Ashford & St Peter’s");
  g_assert_cmpstr (row_header_text (list, 1), ==, "Riverside Community Health NHS Trust (fictional example)");
  g_assert_null (row_header_text (list, 2));  /* the same trust's older assessment */
  g_assert_cmpstr (shown_title (list, 1), ==,
                   "Six-month follow-up");

  g_action_group_activate_action (G_ACTION_GROUP (window), "search", NULL);
  drain_main_context ();
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), GTK_WIDGET (search)));  /* Ctrl+F */
  gtk_editable_set_text (search, "RIVERSIDE");
  g_signal_emit_by_name (search, "search-changed");
  drain_main_context ();
  g_assert_nonnull (gs_library_model_get_assessment (gs_library_view_get_model (list), 1));
  g_assert_null (gs_library_model_get_assessment (gs_library_view_get_model (list), 2));
  gtk_editable_set_text (search, "away day");
  g_signal_emit_by_name (search, "search-changed");
  drain_main_context ();
  g_assert_cmpstr (shown_title (list, 0), ==,
                   "Board away day");
  g_assert_null (gs_library_model_get_assessment (gs_library_view_get_model (list), 1));
  gtk_editable_set_text (search, "no such trust");
  g_signal_emit_by_name (search, "search-changed");
  drain_main_context ();
  g_assert_null (gs_library_model_get_assessment (gs_library_view_get_model (list), 0));
  g_assert_true (gtk_widget_get_visible (no_match));
  gtk_editable_set_text (search, "");
  g_signal_emit_by_name (search, "search-changed");
  drain_main_context ();
  g_assert_nonnull (gs_library_model_get_assessment (gs_library_view_get_model (list), 2));
  g_assert_false (gtk_widget_get_visible (no_match));
}

static GsTextRow *
find_row_titled (GtkWidget  *widget,
                 const char *title)
{
  if (GS_IS_TEXT_ROW (widget) && g_strcmp0 (gs_text_row_get_title (GS_TEXT_ROW (widget)), title) == 0)
    return GS_TEXT_ROW (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GsTextRow *row = find_row_titled (child, title);
      if (row != NULL)
        return row;
    }
  return NULL;
}

/* A board split 1 against 5 on the cultural context: the overview says they disagree, in
 * words; a group of one ("Ward") is named as hidden. Worked by hand: items score 0 and 100,
 * mean 50; the group of one is below the smallest group shown (3). */
static void
test_overview_disagreement_and_hidden_group (Fixture       *fixture,
                                             gconstpointer  user_data)
{
  GsWindow *window = activate_and_show (fixture);
  GsStore *store = gs_window_get_store (window);
  AdwViewStack *charts = ADW_VIEW_STACK (gtk_widget_get_template_child (GTK_WIDGET (window), GS_TYPE_WINDOW, "chart_stack"));
  GsLibraryView *list = library_of (window);
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
  drain_main_context ();
  gs_library_view_activate (list, 0);
  drain_main_context ();
  overview = GS_OVERVIEW_PAGE (adw_view_stack_get_child_by_name (charts, "overview"));
  g_assert_cmpstr (gs_overview_page_get_domain_score (overview, "cultural"), ==, "50");
  cultural = find_row_titled (GTK_WIDGET (overview), "Cultural context");
  g_assert_nonnull (cultural);
  g_assert_true (g_str_has_suffix (gs_text_row_get_subtitle (cultural), "respondents disagree"));
  g_assert_false (g_str_has_suffix (gs_text_row_get_subtitle (find_row_titled (GTK_WIDGET (overview), "Organisational context")),
                                    "respondents disagree"));
  g_assert_cmpstr (gs_overview_page_get_hidden_groups (overview), ==, "Ward");
}

/* The map text stored for the window's first assessment, or NULL for the paper's. */
static char *
stored_map_text (GsWindow   *window,
                 gint64      id,
                 const char *key)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GsAssessment) assessment = gs_store_load_assessment (gs_window_get_store (window), id, &error);

  g_assert_no_error (error);
  return g_strdup (g_hash_table_lookup (gs_assessment_get_polarity_texts (assessment), key));
}

/* Edit a pole of row 2 in the side pane: the store and the drawn map both change; the
 * restore button brings back the paper's words and removes the edit from the store. */
static void
test_edit_and_restore_map_text (Fixture       *fixture,
                                gconstpointer  user_data)
{
  static const char *key = "motivate-move/left/pole/0";
  GsWindow *window = activate_and_show (fixture);
  AdwViewStack *charts = ADW_VIEW_STACK (gtk_widget_get_template_child (GTK_WIDGET (window), GS_TYPE_WINDOW, "chart_stack"));
  g_autofree char *paper = NULL;
  g_autofree char *stored = NULL;
  GsMapEditor *editor;
  AdwEntryRow *entry;
  GtkWidget *restore;
  gint64 id;

  id = open_demo_tab (window, "polarity");
  editor = GS_MAP_EDITOR (adw_view_stack_get_visible_child (charts));
  gs_map_editor_show_row (editor, 1);
  gtk_widget_activate_action (GTK_WIDGET (editor), "map.edit-texts", NULL);  /* the Edit Texts button */
  drain_main_context ();
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (gs_map_editor_get_entry (editor, key))));
  g_assert_cmpstr (gs_chart_view_get_chart_name (gs_map_editor_get_chart_view (editor)), ==, "polarity-2");

  entry = gs_map_editor_get_entry (editor, key);
  g_assert_nonnull (entry);
  paper = g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry)));
  g_assert_cmpstr (paper, ==, "“Motivating” people");  /* Table 1, row 2, word for word */
  restore = g_object_get_data (G_OBJECT (entry), "gs-restore");
  g_assert_false (gtk_widget_get_visible (restore));

  gtk_editable_set_text (GTK_EDITABLE (entry), "  Motivating our staff ");
  g_signal_emit_by_name (entry, "apply");
  drain_main_context ();
  stored = stored_map_text (window, id, key);
  g_assert_cmpstr (stored, ==, "Motivating our staff");
  g_assert_nonnull (strstr (gs_chart_view_get_description (gs_map_editor_get_chart_view (editor)), "Motivating our staff"));
  g_assert_true (gtk_widget_get_visible (restore));

  press (restore);
  g_clear_pointer (&stored, g_free);
  stored = stored_map_text (window, id, key);
  g_assert_null (stored);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, paper);
  g_assert_null (strstr (gs_chart_view_get_description (gs_map_editor_get_chart_view (editor)), "Motivating our staff"));
  g_assert_false (gtk_widget_get_visible (restore));

  /* Typing the paper's words back, or emptying the box, stores no edit either. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  g_signal_emit_by_name (entry, "apply");
  drain_main_context ();
  g_assert_null (stored_map_text (window, id, key));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, paper);

  /* The assessment is gone (deleted and purged, as from another window): the edit cannot be
   * saved, the user is told so, and the entry shows what is still drawn. */
  g_assert_true (gs_store_delete (gs_window_get_store (window), GS_STORE_ASSESSMENT, id, NULL));
  g_assert_true (gs_store_purge_deleted (gs_window_get_store (window), NULL));
  gtk_editable_set_text (GTK_EDITABLE (entry), "Motivating nobody");
  g_signal_emit_by_name (entry, "apply");
  g_assert_nonnull (find_dialog ("Could Not Save the Text"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, paper);
  g_assert_null (strstr (gs_chart_view_get_description (gs_map_editor_get_chart_view (editor)), "Motivating nobody"));
}

/* The stored event of the window's organisation with this title, or NULL. */
static GsTimelineEvent *
stored_event (GsWindow     *window,
              gint64        id,
              const char   *title,
              GsAssessment **holder)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *events;

  g_clear_object (holder);
  *holder = gs_store_load_assessment (gs_window_get_store (window), id, &error);
  g_assert_no_error (error);
  events = gs_assessment_get_events (*holder);
  for (guint i = 0; i < events->len; i++)
    if (g_str_equal (((GsTimelineEvent *) g_ptr_array_index (events, i))->title, title))
      return g_ptr_array_index (events, i);
  return NULL;
}

static void
set_field (AdwMessageDialog *dialog,
           const char       *key,
           const char       *text)
{
  gtk_editable_set_text (GTK_EDITABLE (g_object_get_data (G_OBJECT (dialog), key)), text);
}

/* Add an event through the dialog, which refuses wrong dates and numbers with a message;
 * edit it; delete it and undo. The store agrees at each step. */
static void
test_timeline_events (Fixture       *fixture,
                      gconstpointer  user_data)
{
  GsWindow *window = activate_and_show (fixture);
  AdwViewStack *charts = ADW_VIEW_STACK (gtk_widget_get_template_child (GTK_WIDGET (window), GS_TYPE_WINDOW, "chart_stack"));
  g_autoptr(GsAssessment) holder = NULL;
  g_autofree char *uuid = NULL;
  GsTimelineEditor *editor;
  AdwMessageDialog *dialog;
  GsTimelineEvent *event;
  guint n_events;
  gint64 id, event_id;

  id = open_demo_tab (window, "timeline");
  editor = GS_TIMELINE_EDITOR (adw_view_stack_get_visible_child (charts));
  g_assert_null (stored_event (window, id, "Ward 7 joins", &holder));
  n_events = gs_assessment_get_events (holder)->len;

  gs_timeline_editor_add_event (editor);
  dialog = find_dialog ("Add an Event");
  set_field (dialog, "date", "2026-02-30");
  set_field (dialog, "title", "Ward 7 joins");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "save"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "real day"));
  set_field (dialog, "date", "2026-10-01");
  set_field (dialog, "participation", "150");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "save"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "percentage from 0 to 100"));
  set_field (dialog, "participation", "18.5 %");
  set_field (dialog, "change-agents", "forty");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "save"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "whole number"));
  /* Enter while the form is wrong saves nothing. */
  adw_message_dialog_response (dialog, "save");
  drain_main_context ();
  g_assert_null (stored_event (window, id, "Ward 7 joins", &holder));

  gs_timeline_editor_add_event (editor);
  dialog = find_dialog ("Add an Event");
  set_field (dialog, "date", "2026-10-01");
  set_field (dialog, "title", "Ward 7 joins");
  set_field (dialog, "participation", "18.5 %");
  set_field (dialog, "change-agents", "40");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "save"));
  adw_message_dialog_response (dialog, "save");
  drain_main_context ();
  event = stored_event (window, id, "Ward 7 joins", &holder);
  g_assert_nonnull (event);
  g_assert_cmpstr (event->date, ==, "2026-10-01");
  g_assert_cmpfloat (event->participation, ==, 18.5);
  g_assert_cmpint (event->change_agents, ==, 40);
  g_assert_cmpint (event->kind, ==, GS_EVENT_MILESTONE);
  g_assert_cmpuint (gs_assessment_get_events (holder)->len, ==, n_events + 1);
  uuid = g_strdup (event->uuid);
  g_assert_nonnull (gs_timeline_editor_get_row (editor, uuid));
  g_assert_nonnull (strstr (gs_chart_view_get_description (gs_timeline_editor_get_chart_view (editor)), "Ward 7 joins"));

  /* Edit: the dialog opens filled in; the change replaces the event. */
  gs_timeline_editor_edit_event (editor, uuid);
  dialog = find_dialog ("Edit the Event");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (g_object_get_data (G_OBJECT (dialog), "participation"))), ==, "18.5");
  set_field (dialog, "title", "Wards 7 and 8 join");
  adw_combo_row_set_selected (ADW_COMBO_ROW (g_object_get_data (G_OBJECT (dialog), "kind")), GS_EVENT_COALITION);
  adw_message_dialog_response (dialog, "save");
  drain_main_context ();
  g_assert_null (stored_event (window, id, "Ward 7 joins", &holder));
  event = stored_event (window, id, "Wards 7 and 8 join", &holder);
  g_assert_nonnull (event);
  g_assert_cmpstr (event->uuid, ==, uuid);
  g_assert_cmpint (event->kind, ==, GS_EVENT_COALITION);
  g_assert_cmpuint (gs_assessment_get_events (holder)->len, ==, n_events + 1);

  /* Delete, as its row's bin button does; Undo in the toast brings it back. */
  event_id = gs_store_find_event (gs_window_get_store (window), uuid);
  g_assert_cmpint (event_id, >, 0);
  g_action_group_activate_action (G_ACTION_GROUP (window), "delete-event", g_variant_new_int64 (event_id));
  drain_main_context ();
  g_assert_null (stored_event (window, id, "Wards 7 and 8 join", &holder));
  g_assert_null (gs_timeline_editor_get_row (editor, uuid));
  g_action_group_activate_action (G_ACTION_GROUP (window), "undo-delete-event", g_variant_new_int64 (event_id));
  drain_main_context ();
  g_assert_nonnull (stored_event (window, id, "Wards 7 and 8 join", &holder));
  g_assert_nonnull (gs_timeline_editor_get_row (editor, uuid));
}

/* Delete an assessment: it goes at once, a toast offers Undo, and Undo brings it back;
 * renaming changes the list. The store agrees at each step. */
static void
test_delete_undo_rename_follow_up (Fixture       *fixture,
                         gconstpointer  user_data)
{
  GsWindow *window = activate_and_show (fixture);
  GListModel *list;
  g_autoptr(GsAssessmentSummary) first = NULL;
  g_autoptr(GsAssessment) missing = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  gint64 id;

  g_action_group_activate_action (G_ACTION_GROUP (window), "load-demo", NULL);
  drain_main_context ();
  list = gs_store_get_assessments (gs_window_get_store (window));
  first = g_list_model_get_item (list, 0);
  id = gs_assessment_summary_get_id (first);

  g_action_group_activate_action (G_ACTION_GROUP (window), "delete-assessment", g_variant_new_int64 (id));
  drain_main_context ();
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  missing = gs_store_load_assessment (gs_window_get_store (window), id, &error);
  g_assert_error (error, GS_STORE_ERROR, GS_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_action_group_activate_action (G_ACTION_GROUP (window), "undo-delete", g_variant_new_int64 (id));
  drain_main_context ();
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);

  g_action_group_activate_action (G_ACTION_GROUP (window), "rename-assessment", g_variant_new_int64 (id));
  dialog = find_dialog ("Rename the Assessment");
  gtk_editable_set_text (GTK_EDITABLE (g_object_get_data (G_OBJECT (dialog), "title")), "Follow-up, autumn");
  adw_message_dialog_response (dialog, "rename");
  drain_main_context ();
  {
    g_autoptr(GsAssessment) renamed = gs_store_load_assessment (gs_window_get_store (window), id, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (gs_assessment_get_title (renamed), ==, "Follow-up, autumn");
  }

  /* A follow-up: same organisation, no respondents, at the top of the list (newest date). */
  g_action_group_activate_action (G_ACTION_GROUP (window), "follow-up-assessment", g_variant_new_int64 (id));
  dialog = find_dialog ("Add a Follow-up");
  gtk_editable_set_text (gs_form_dialog_get_field (dialog, "date"), "2026-13-01");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "add"));
  gtk_editable_set_text (gs_form_dialog_get_field (dialog, "date"), "2027-03-01");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "add"));
  adw_message_dialog_response (dialog, "add");
  drain_main_context ();
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
  dialog = find_dialog ("Rename the Organisation");
  gtk_editable_set_text (gs_form_dialog_get_field (dialog, "name"), "Riverside Health");
  adw_message_dialog_response (dialog, "rename");
  drain_main_context ();
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GsAssessmentSummary) row = g_list_model_get_item (list, i);
      g_assert_cmpstr (gs_assessment_summary_get_organisation_name (row), ==, "Riverside Health");
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* Animations end at once: the tests check where things end up, not how they move, and
   * libadwaita 1.2's spring animation can give one NaN frame when the test drives the
   * main loop faster than the frame clock (an AdwFlap then allocates INT_MIN pixels). */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  the_app = gs_application_new ();
  g_application_register (G_APPLICATION (the_app), NULL, &error);
  g_assert_no_error (error);

  g_test_add ("/ui/window/first-start-shows-empty-state", Fixture, NULL,
              fixture_set_up, test_first_start_shows_empty_state, fixture_tear_down);
  g_test_add ("/ui/window/actions-exist-and-are-enabled", Fixture, NULL,
              fixture_set_up, test_actions_exist_and_are_enabled, fixture_tear_down);
  g_test_add ("/ui/window/about-credits-paper", Fixture, NULL,
              fixture_set_up, test_about_credits_paper, fixture_tear_down);
  g_test_add ("/ui/window/size-is-remembered", Fixture, NULL,
              fixture_set_up, test_window_size_is_remembered, fixture_tear_down);
  g_test_add ("/ui/window/new-assessment-through-dialog", Fixture, NULL,
              fixture_set_up, test_new_assessment_through_dialog, fixture_tear_down);
  g_test_add ("/ui/window/load-demo", Fixture, NULL,
              fixture_set_up, test_load_demo, fixture_tear_down);
  g_test_add ("/ui/window/import-twice-asks", Fixture, NULL,
              fixture_set_up, test_import_twice_asks, fixture_tear_down);
  g_test_add ("/ui/window/import-malformed-says-why", Fixture, NULL,
              fixture_set_up, test_import_malformed_says_why, fixture_tear_down);
  g_test_add ("/ui/window/results-page", Fixture, NULL,
              fixture_set_up, test_results_page, fixture_tear_down);
  g_test_add ("/ui/window/delete-undo-rename-follow-up", Fixture, NULL,
              fixture_set_up, test_delete_undo_rename_follow_up, fixture_tear_down);
  g_test_add ("/ui/window/edit-and-restore-map-text", Fixture, NULL,
              fixture_set_up, test_edit_and_restore_map_text, fixture_tear_down);
  g_test_add ("/ui/window/timeline-events", Fixture, NULL,
              fixture_set_up, test_timeline_events, fixture_tear_down);
  g_test_add ("/ui/window/overview-shows-scores", Fixture, NULL,
              fixture_set_up, test_overview_shows_scores, fixture_tear_down);
  g_test_add ("/ui/window/preferences", Fixture, NULL,
              fixture_set_up, test_preferences, fixture_tear_down);
  g_test_add ("/ui/window/compare-with-chosen-baseline", Fixture, NULL,
              fixture_set_up, test_compare_with_chosen_baseline, fixture_tear_down);
  g_test_add ("/ui/window/library-groups-and-search", Fixture, NULL,
              fixture_set_up, test_library_groups_and_search, fixture_tear_down);
  g_test_add ("/ui/window/overview-disagreement-and-hidden-group", Fixture, NULL,
              fixture_set_up, test_overview_disagreement_and_hidden_group, fixture_tear_down);
  g_test_add ("/ui/window/answering-resumes", Fixture, NULL,
              fixture_set_up, test_answering_resumes, fixture_tear_down);
  g_test_add ("/ui/window/outputs", Fixture, NULL,
              fixture_set_up, test_outputs, fixture_tear_down);
  g_test_add ("/ui/window/damaged-database-offers-backup", Fixture, NULL,
              fixture_set_up, test_damaged_database_offers_backup, fixture_tear_down);

  status = g_test_run ();
  g_clear_object (&the_app);
  return status;
}
