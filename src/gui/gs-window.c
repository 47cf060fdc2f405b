/* gs-window.c — the main window: the assessments, and the commands to add them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gs-window"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "gs-answer-page.h"
#include "gs-chart-view.h"
#include "gs-compare-page.h"
#include "gs-dialogs.h"
#include "gs-library-view.h"
#include "gs-map-editor.h"
#include "gs-overview-page.h"
#include "gs-timeline-editor.h"
#include "gs-window-output.h"
#include "gs-window.h"
#include "store/gs-assessment-summary.h"

struct _GsWindow
{
  AdwApplicationWindow  parent_instance;

  GsStore              *store;
  GsInstrument         *instrument;
  GSettings            *settings;
  GCancellable         *cancellable;
  GsChartSource         chart_source;  /* the assessment whose results are shown */
  gboolean              have_source;

  /* Template widgets */
  AdwHeaderBar         *header_bar;
  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  AdwStatusPage        *empty_page;
  GsLibraryView        *library_view;
  AdwViewStack         *chart_stack;
  GtkWidget            *back_button;
  GtkWidget            *results_menu_button;
  GtkWidget            *answer_button;
  GtkWidget            *new_button;       /* only beside the library: the header is narrow */
  GtkSpinner           *busy_spinner;     /* while a worker thread imports or writes a file */
  guint                 n_busy;           /* such jobs running */
  guint                 busy_timeout;     /* shows the spinner once a job takes more than a moment */
  guint                 daily_check_idle; /* starts the day's check once the window is drawn */
  gboolean              daily_check_started;
  GsAnswerPage         *answer_page;      /* added in code: its pages come from the instrument */
  GsMapEditor          *map_editor;       /* the "polarity" tab */
  GsTimelineEditor     *timeline_editor;  /* the "timeline" tab */
  GsOverviewPage       *overview_page;    /* the "overview" tab */
  GsComparePage        *compare_page;     /* the "comparison" tab */
  gint64                shown_assessment; /* on the results or answer page */
  AdwWindowTitle       *window_title;
};

/* The charts on the results page, in the order of their tabs. */
static const struct {
  const char *name;
  const char *title;
  const char *icon;    /* the view switcher shows it above the title */
} result_charts[] = {
  { "overview", N_("Overview"), "view-list-bullet-symbolic" },
  { "context", N_("Context"), "x-office-presentation-symbolic" },
  { "polarity", N_("Polarity"), "view-dual-symbolic" },
  { "polarity-summary", N_("Table 1"), "view-app-grid-symbolic" },
  { "timeline", N_("Timeline"), "x-office-calendar-symbolic" },
  { "comparison", N_("Compare"), "object-flip-horizontal-symbolic" },
};

G_DEFINE_FINAL_TYPE (GsWindow, gs_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_INSTRUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_action_enabled (GsWindow   *self,
                    const char *name,
                    gboolean    enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), name);

  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

static GsChartView *visible_chart_view (GsWindow *self);

/* The one place that decides which of the window's commands can be used now. */
static void
update_actions (GsWindow *self)
{
  static const char *changes[] = {
    "new-assessment", "import", "load-demo", "delete-assessment", "undo-delete", "rename-assessment",
    "follow-up-assessment", "rename-organisation", "delete-event", "undo-delete-event", "delete-respondent",
    "undo-delete-respondent",
  };
  /* Nothing is changed until the day's check of the whole file has passed. */
  gboolean writable = self->store != NULL && self->instrument != NULL && gs_store_get_writable (self->store);
  const char *page = gtk_stack_get_visible_child_name (self->main_stack);
  gboolean results = g_strcmp0 (page, "results") == 0 && self->have_source;
  gboolean answering = g_strcmp0 (page, "answer") == 0;

  for (guint i = 0; i < G_N_ELEMENTS (changes); i++)
    set_action_enabled (self, changes[i], writable);
  set_action_enabled (self, "show-assessments", results || answering);
  set_action_enabled (self, "answer", results && writable);
  set_action_enabled (self, "export-chart", results && visible_chart_view (self) != NULL);
  set_action_enabled (self, "copy-chart", results && visible_chart_view (self) != NULL);
  set_action_enabled (self, "export-report", results);
  set_action_enabled (self, "print", results);
}

static void
update_visible_page (GsWindow *self)
{
  gboolean empty = self->store == NULL || g_list_model_get_n_items (gs_store_get_assessments (self->store)) == 0;

  const char *page = gtk_stack_get_visible_child_name (self->main_stack);

  if ((g_strcmp0 (page, "results") == 0 && self->have_source) || g_strcmp0 (page, "answer") == 0)
    return;
  gtk_stack_set_visible_child_name (self->main_stack, empty ? "empty" : "assessments");
  gtk_widget_set_visible (self->back_button, FALSE);
  gtk_widget_set_visible (self->results_menu_button, FALSE);
  gtk_widget_set_visible (self->answer_button, FALSE);
  gtk_widget_set_visible (self->new_button, TRUE);
  adw_window_title_set_subtitle (self->window_title, NULL);
  update_actions (self);
}

static void show_results (GsWindow *self,
                          gint64    assessment_id);

/* Each tab of the results page is a chart, or a page that holds one beside its editor. */
static GsChartView *
tab_chart_view (GtkWidget *tab)
{
  if (GS_IS_MAP_EDITOR (tab))
    return gs_map_editor_get_chart_view (GS_MAP_EDITOR (tab));
  if (GS_IS_COMPARE_PAGE (tab))
    return gs_compare_page_get_chart_view (GS_COMPARE_PAGE (tab));
  if (GS_IS_TIMELINE_EDITOR (tab))
    return gs_timeline_editor_get_chart_view (GS_TIMELINE_EDITOR (tab));
  return GS_IS_CHART_VIEW (tab) ? GS_CHART_VIEW (tab) : NULL;
}

static void
set_chart_view_sources (GsWindow      *self,
                        GsChartSource *source)
{
  for (guint i = 0; i < G_N_ELEMENTS (result_charts); i++)
    {
      GtkWidget *page = adw_view_stack_get_child_by_name (self->chart_stack, result_charts[i].name);

      if (GS_IS_CHART_VIEW (page))
        gs_chart_view_set_source (GS_CHART_VIEW (page), source);
    }
}

static void
set_chart_sources (GsWindow      *self,
                   GsChartSource *source)
{
  g_autoptr(GsAssessmentSummary) shown = source != NULL ? gs_store_lookup_summary (self->store, self->shown_assessment) : NULL;
  gint64 organisation_id = shown != NULL ? gs_assessment_summary_get_organisation_id (shown) : 0;
  GsStore *store = source != NULL ? self->store : NULL;

  set_chart_view_sources (self, source);
  gs_overview_page_set_source (self->overview_page, source);
  gs_compare_page_set_source (self->compare_page, store, source, organisation_id);
  gs_map_editor_set_source (self->map_editor, store, source, self->shown_assessment);
  gs_timeline_editor_set_source (self->timeline_editor, store, source, organisation_id);
}

/* Groups are hidden or shown by the new rule at once. */
static void
min_group_size_changed_cb (GsWindow *self)
{
  if (self->have_source)
    show_results (self, self->shown_assessment);
}

/* An event was added or edited: every chart of the organisation's timeline changes. */
static void
events_changed_cb (GsWindow *self)
{
  show_results (self, self->shown_assessment);
}

/* A text of a polarity map changed: the small multiples of Table 1 show it too. */
static void
map_texts_changed_cb (GsWindow *self)
{
  set_chart_view_sources (self, &self->chart_source);
}

static void
forget_results (GsWindow *self)
{
  set_chart_sources (self, NULL);
  if (self->have_source)
    gs_chart_source_clear (&self->chart_source);
  self->have_source = FALSE;
}

static void
show_toast (GsWindow   *self,
            const char *title)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

/* Errors the user must read: what failed, in words, with one way out. */
/* A toast whose Undo activates @action with @id, shown at once over any other. */
static void
show_undo_toast (GsWindow   *self,
                 const char *message,
                 const char *action,
                 gint64      id)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, action);
  adw_toast_set_action_target_value (toast, g_variant_new_int64 (id));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
show_error (GsWindow     *self,
            const char   *heading,
            const GError *error)
{
  gs_show_error (GTK_WIDGET (self), heading, error);
}

static void
restore_window_state (GsWindow *self)
{
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
save_window_state (GsWindow *self)
{
  int width, height;

  /* The default size is the unmaximised size, which is what the next start should use. */
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  g_settings_apply (self->settings);
}

/* The results page: the assessment's charts, each a tab. */
static void
show_results (GsWindow *self,
              gint64    assessment_id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *subtitle = NULL;

  forget_results (self);
  if (!gs_chart_source_load (&self->chart_source, self->store, self->instrument, assessment_id,
                             g_settings_get_uint (self->settings, "min-group-size"), &error))
    {
      show_error (self, _("Could Not Open the Assessment"), error);
      return;
    }
  self->have_source = TRUE;
  self->shown_assessment = assessment_id;
  set_chart_sources (self, &self->chart_source);
  subtitle = g_strdup_printf ("%s · %s", gs_assessment_get_organisation_name (self->chart_source.assessment),
                              gs_assessment_get_title (self->chart_source.assessment));
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_widget_set_visible (self->back_button, TRUE);
  gtk_widget_set_visible (self->results_menu_button, TRUE);
  gtk_widget_set_visible (self->answer_button, TRUE);
  gtk_widget_set_visible (self->new_button, FALSE);
  self->shown_assessment = assessment_id;
  gtk_stack_set_visible_child_name (self->main_stack, "results");
  update_actions (self);
}

static void
assessment_activated_cb (GsLibraryView *library,
                         gint64         assessment_id,
                         GsWindow      *self)
{
  show_results (self, assessment_id);
}

/* Alt+1 … Alt+6: the results' tabs in order, from the keyboard. */
static void
show_tab_action_cb (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  GsWindow *self = user_data;
  const char *name = g_variant_get_string (parameter, NULL);

  if (self->have_source && adw_view_stack_get_child_by_name (self->chart_stack, name) != NULL)
    adw_view_stack_set_visible_child_name (self->chart_stack, name);
}

static void
search_action_cb (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  GsWindow *self = user_data;

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "assessments") == 0)
    gs_library_view_focus_search (self->library_view);
}

/* The questions of the assessment shown, where answering last stopped. */
static void
show_answers (GsWindow *self,
              gint64    assessment_id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *subtitle = NULL;

  if (!gs_answer_page_set_assessment (self->answer_page, self->store, self->instrument, assessment_id, &error))
    {
      show_error (self, _("Could Not Open the Assessment"), error);
      return;
    }
  forget_results (self);
  self->shown_assessment = assessment_id;
  gtk_stack_set_visible_child_name (self->main_stack, "answer");
  gtk_widget_set_visible (self->back_button, TRUE);
  gtk_widget_set_visible (self->results_menu_button, FALSE);
  gtk_widget_set_visible (self->answer_button, FALSE);
  gtk_widget_set_visible (self->new_button, FALSE);
  {
    g_autoptr(GsAssessment) assessment = gs_store_load_assessment (self->store, assessment_id, NULL);
    if (assessment != NULL)
      {
        subtitle = g_strdup_printf (_("Answering: %s · %s"), gs_assessment_get_organisation_name (assessment),
                                    gs_assessment_get_title (assessment));
        g_settings_set_string (self->settings, "last-answering", gs_assessment_get_uuid (assessment));
      }
  }
  adw_window_title_set_subtitle (self->window_title, subtitle);
  update_actions (self);
}

static void
answer_action_cb (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  GsWindow *self = user_data;

  show_answers (self, self->shown_assessment);
}

/* Back: from the questions to the assessment's (fresh) results, from the results to the list. */
static void
show_assessments_action_cb (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  GsWindow *self = user_data;

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "answer") == 0)
    {
      g_settings_set_string (self->settings, "last-answering", "");
      gs_answer_page_clear (self->answer_page);
      show_results (self, self->shown_assessment);
      return;
    }
  forget_results (self);
  update_visible_page (self);
}

static void
assessments_changed_cb (GListModel *model,
                        guint       position,
                        guint       removed,
                        guint       added,
                        GsWindow   *self)
{
  update_visible_page (self);
}

/* The local path the user chose in a file chooser, or NULL when they cancelled. */
static char *
chosen_path (GtkNativeDialog *chooser,
             int              response)
{
  g_autoptr(GFile) file = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    return NULL;
  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  return file != NULL ? g_file_get_path (file) : NULL;
}

/* Shows @chooser over the window; @response_cb receives it and frees it. */
static void
show_chooser (GsWindow             *self,
              GtkFileChooserNative *chooser,
              GCallback             response_cb)
{
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", response_cb, self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* --- New assessment ------------------------------------------------------------------ */

static void
new_assessment_entries_changed_cb (GsWindow *self)
{
  AdwMessageDialog *dialog = g_object_get_data (G_OBJECT (self), "new-assessment-dialog");
  GtkEditable *organisation = gs_form_dialog_get_field (dialog, "organisation");
  GtkEditable *title = gs_form_dialog_get_field (dialog, "title");
  g_autofree char *org_text = g_strstrip (g_strdup (gtk_editable_get_text (organisation)));
  g_autofree char *title_text = g_strstrip (g_strdup (gtk_editable_get_text (title)));

  adw_message_dialog_set_response_enabled (dialog, "create", org_text[0] != '\0' && title_text[0] != '\0');
}

/* New assessments and follow-ups are dated today, as YYYY-MM-DD in local time. */
static char *
today_iso_date (void)
{
  g_autoptr(GDateTime) today = g_date_time_new_now_local ();

  return g_date_time_format (today, "%Y-%m-%d");
}

static gboolean
create_assessment (GsWindow    *self,
                   const char  *organisation_name,
                   const char  *title,
                   GError     **error)
{
  g_autofree char *date = today_iso_date ();
  gint64 organisation = gs_store_find_organisation (self->store, organisation_name);

  if (organisation == 0)
    organisation = gs_store_add_organisation (self->store, organisation_name, error);
  return organisation != 0 &&
         gs_store_add_assessment (self->store, organisation, title, date, self->instrument, error) != 0;
}

static void
new_assessment_response_cb (AdwMessageDialog *dialog,
                            const char       *response,
                            GsWindow         *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *organisation = NULL;
  g_autofree char *title = NULL;

  g_object_set_data (G_OBJECT (self), "new-assessment-dialog", NULL);
  if (!g_str_equal (response, "create"))
    return;
  organisation = g_strstrip (g_strdup (gtk_editable_get_text (gs_form_dialog_get_field (dialog, "organisation"))));
  title = g_strstrip (g_strdup (gtk_editable_get_text (gs_form_dialog_get_field (dialog, "title"))));
  if (!create_assessment (self, organisation, title, &error))
    {
      show_error (self, _("Could Not Create the Assessment"), error);
      return;
    }
  show_toast (self, _("Assessment created"));
}

static void
new_assessment_action_cb (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  GsWindow *self = user_data;
  AdwMessageDialog *dialog = gs_form_dialog_new (GTK_WIDGET (self), _("New Assessment"),
    _("Which organisation are you assessing, and what do you call this assessment?"), "create", _("C_reate"),
    "organisation", _("Organisation"), "title", _("Assessment title"), NULL);
  GtkEditable *organisation = gs_form_dialog_get_field (dialog, "organisation");
  GtkEditable *title = gs_form_dialog_get_field (dialog, "title");

  gtk_editable_set_text (title, _("Baseline"));
  g_object_set_data (G_OBJECT (self), "new-assessment-dialog", dialog);
  g_signal_connect_swapped (organisation, "changed", G_CALLBACK (new_assessment_entries_changed_cb), self);
  g_signal_connect_swapped (title, "changed", G_CALLBACK (new_assessment_entries_changed_cb), self);
  g_signal_connect (dialog, "response", G_CALLBACK (new_assessment_response_cb), self);
  new_assessment_entries_changed_cb (self);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (GTK_WIDGET (organisation));
}

/* --- Import -------------------------------------------------------------------------- */

/* Work in a worker thread shows a spinner in the header bar, but only once it has taken
 * longer than a moment: a flash of a spinner for a quick export is noise. */
static gboolean
show_busy_cb (gpointer user_data)
{
  GsWindow *self = user_data;

  self->busy_timeout = 0;
  gtk_widget_set_visible (GTK_WIDGET (self->busy_spinner), TRUE);
  gtk_spinner_start (self->busy_spinner);
  return G_SOURCE_REMOVE;
}

static void
begin_busy (GsWindow   *self,
            const char *what)
{
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->busy_spinner), what);
  if (self->n_busy++ == 0)
    self->busy_timeout = g_timeout_add (300, show_busy_cb, self);
}

static void
end_busy (GsWindow *self)
{
  g_return_if_fail (self->n_busy > 0);
  if (--self->n_busy > 0)
    return;
  g_clear_handle_id (&self->busy_timeout, g_source_remove);
  gtk_spinner_stop (self->busy_spinner);
  gtk_widget_set_visible (GTK_WIDGET (self->busy_spinner), FALSE);
}

typedef struct {
  GsWindow *self;
  char     *path;
} ImportRequest;

static void
import_request_free (ImportRequest *request)
{
  g_object_unref (request->self);
  g_free (request->path);
  g_free (request);
}

static void
import_duplicate_response_cb (AdwMessageDialog *dialog,
                              const char       *response,
                              ImportRequest    *request)
{
  if (g_str_equal (response, "copy"))
    gs_window_import_file (request->self, request->path, GS_IMPORT_AS_COPY);
  import_request_free (request);
}

/* Already imported: say so, and let the user choose to keep both. */
static void
ask_about_duplicate (GsWindow     *self,
                     const char   *path,
                     const GError *error)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Already Imported"),
                                                                         error->message));
  ImportRequest *request = g_new0 (ImportRequest, 1);

  request->self = g_object_ref (self);
  request->path = g_strdup (path);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "copy", _("Import as _Copy"), NULL);
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (import_duplicate_response_cb), request);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
import_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  ImportRequest *request = user_data;
  GsWindow *self = request->self;
  g_autoptr(GError) error = NULL;
  guint n_added = 0;
  gint64 id = gs_store_import_file_finish (GS_STORE (source), result, &n_added, &error);

  if (id == 0 && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      import_request_free (request);  /* the window is closing */
      return;
    }
  end_busy (self);
  if (id == 0 && g_error_matches (error, GS_STORE_ERROR, GS_STORE_ERROR_DUPLICATE))
    ask_about_duplicate (self, request->path, error);
  else if (id == 0)
    show_error (self, _("Could Not Import the File"), error);
  else
    {
      g_autofree char *message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported %u respondent",
                                                               "Imported %u respondents", n_added), n_added);
      show_toast (self, message);
    }
  import_request_free (request);
}

static void
import_file_chosen_cb (GtkNativeDialog *chooser,
                       int              response,
                       GsWindow        *self)
{
  g_autofree char *path = chosen_path (chooser, response);

  g_object_unref (chooser);
  if (path == NULL)
    return;
  gs_window_import_file (self, path, GS_IMPORT_REFUSE_DUPLICATE);
}

static void
import_action_cb (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  GsWindow *self = user_data;
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Import an Assessment"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Import"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Assessments (JSON or CSV)"));
  gtk_file_filter_add_suffix (filter, "json");
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  show_chooser (self, chooser, G_CALLBACK (import_file_chosen_cb));
}

static void
load_demo_action_cb (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  GsWindow *self = user_data;
  g_autoptr(GError) error = NULL;

  if (!gs_store_add_demo (self->store, self->instrument, &error))
    show_error (self, _("Could Not Add the Example"), error);
  else
    show_toast (self, _("Added a fictional example trust"));
}

/* --- Rename, delete and undo ---------------------------------------------------------- */

static char *
assessment_title (GsWindow *self,
                  gint64    id)
{
  g_autoptr(GsAssessmentSummary) row = gs_store_lookup_summary (self->store, id);

  return row != NULL ? g_strdup (gs_assessment_summary_get_title (row)) : NULL;
}

/* Deleting hides the assessment at once; the toast's Undo brings it back. The store keeps
 * the rows until the application quits. */
static void
delete_assessment_action_cb (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  GsWindow *self = user_data;
  gint64 id = g_variant_get_int64 (parameter);
  g_autofree char *title = assessment_title (self, id);
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;

  if (!gs_store_delete (self->store, GS_STORE_ASSESSMENT, id, &error))
    {
      show_error (self, _("Could Not Delete the Assessment"), error);
      return;
    }
  message = g_strdup_printf (_("“%s” deleted"), title != NULL ? title : "");
  show_undo_toast (self, message, "win.undo-delete", id);
}

static void
undo_delete_action_cb (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  GsWindow *self = user_data;
  g_autoptr(GError) error = NULL;

  if (!gs_store_undo_delete (self->store, GS_STORE_ASSESSMENT, g_variant_get_int64 (parameter), &error))
    show_error (self, _("Could Not Undo the Deletion"), error);
}

/* Removing a respondent (from the answer page) takes their answers with them, at once;
 * the toast's Undo brings both back. */
static void
delete_respondent_action_cb (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  GsWindow *self = user_data;
  gint64 id = g_variant_get_int64 (parameter);
  g_autofree char *name = g_strdup (gs_answer_page_get_respondent_name (self->answer_page));
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;

  if (id == 0)
    return;
  if (!gs_store_delete (self->store, GS_STORE_RESPONDENT, id, &error))
    {
      show_error (self, _("Could Not Remove the Respondent"), error);
      return;
    }
  show_answers (self, self->shown_assessment);
  message = g_strdup_printf (_("“%s” and their answers removed"), name != NULL ? name : "");
  show_undo_toast (self, message, "win.undo-delete-respondent", id);
}

static void
undo_delete_respondent_action_cb (GSimpleAction *action,
                                  GVariant      *parameter,
                                  gpointer       user_data)
{
  GsWindow *self = user_data;
  g_autoptr(GError) error = NULL;

  if (!gs_store_undo_delete (self->store, GS_STORE_RESPONDENT, g_variant_get_int64 (parameter), &error))
    show_error (self, _("Could Not Undo the Deletion"), error);
  else if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "answer") == 0)
    show_answers (self, self->shown_assessment);
}

/* Deleting an event of the timeline works like deleting an assessment: gone at once, back
 * with the toast's Undo. */
static void
delete_event_action_cb (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  GsWindow *self = user_data;
  gint64 id = g_variant_get_int64 (parameter);
  g_autoptr(GError) error = NULL;

  if (!gs_store_delete (self->store, GS_STORE_EVENT, id, &error))
    {
      show_error (self, _("Could Not Delete the Event"), error);
      return;
    }
  show_results (self, self->shown_assessment);
  show_undo_toast (self, _("Event deleted"), "win.undo-delete-event", id);
}

static void
undo_delete_event_action_cb (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  GsWindow *self = user_data;
  g_autoptr(GError) error = NULL;

  if (!gs_store_undo_delete (self->store, GS_STORE_EVENT, g_variant_get_int64 (parameter), &error))
    show_error (self, _("Could Not Undo the Deletion"), error);
  else if (self->have_source)
    show_results (self, self->shown_assessment);
}

/* The follow-up dialog's Add stays off until the title is given and the date is a real day. */
static void
follow_up_changed_cb (AdwMessageDialog *dialog)
{
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (gs_form_dialog_get_field (dialog, "title"))));
  gboolean date_ok = gs_date_is_valid (gtk_editable_get_text (gs_form_dialog_get_field (dialog, "date")));

  adw_message_dialog_set_body (dialog, date_ok ? _("The same organisation, with the map texts carried over and no "
                                                   "respondents yet.")
                                               : _("The date is a real day written as year-month-day, such as 2026-03-07."));
  adw_message_dialog_set_response_enabled (dialog, "add", date_ok && *title != '\0');
}

static void
follow_up_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       GsWindow         *self)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (dialog), "gs-id");
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (gs_form_dialog_get_field (dialog, "title"))));
  const char *date = gtk_editable_get_text (gs_form_dialog_get_field (dialog, "date"));
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "add") || !adw_message_dialog_get_response_enabled (dialog, "add"))
    return;
  if (gs_store_add_follow_up (self->store, id, title, date, &error) == 0)
    show_error (self, _("Could Not Add the Follow-up"), error);
  else
    show_toast (self, _("Follow-up added"));
}

/* A follow-up: the same organisation at a later date, named after the earlier one and
 * dated today unless the user says otherwise. */
static void
follow_up_assessment_action_cb (GSimpleAction *action,
                                GVariant      *parameter,
                                gpointer       user_data)
{
  GsWindow *self = user_data;
  AdwMessageDialog *dialog = gs_form_dialog_new (GTK_WIDGET (self), _("Add a Follow-up"), NULL, "add", _("_Add"),
                                                 "title", _("Title"), "date", _("Date (year-month-day)"), NULL);
  g_autofree char *earlier = assessment_title (self, g_variant_get_int64 (parameter));
  g_autofree char *title = g_strdup_printf (_("Follow-up to “%s”"), earlier != NULL ? earlier : "");
  g_autofree char *date = today_iso_date ();
  gint64 *id = g_new (gint64, 1);

  *id = g_variant_get_int64 (parameter);
  g_object_set_data_full (G_OBJECT (dialog), "gs-id", id, g_free);
  gtk_editable_set_text (gs_form_dialog_get_field (dialog, "title"), title);
  gtk_editable_set_text (gs_form_dialog_get_field (dialog, "date"), date);
  g_signal_connect_swapped (gs_form_dialog_get_field (dialog, "title"), "changed", G_CALLBACK (follow_up_changed_cb), dialog);
  g_signal_connect_swapped (gs_form_dialog_get_field (dialog, "date"), "changed", G_CALLBACK (follow_up_changed_cb), dialog);
  follow_up_changed_cb (dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (follow_up_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
rename_organisation_response_cb (AdwMessageDialog *dialog,
                                 const char       *response,
                                 GsWindow         *self)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (dialog), "gs-id");
  g_autoptr(GError) error = NULL;

  if (g_str_equal (response, "rename") &&
      !gs_store_rename_organisation (self->store, id, gtk_editable_get_text (gs_form_dialog_get_field (dialog, "name")), &error))
    show_error (self, _("Could Not Rename the Organisation"), error);
}

/* From an assessment's menu: renames its organisation, for every assessment of it. */
static void
rename_organisation_action_cb (GSimpleAction *action,
                               GVariant      *parameter,
                               gpointer       user_data)
{
  GsWindow *self = user_data;
  g_autoptr(GsAssessmentSummary) row = gs_store_lookup_summary (self->store, g_variant_get_int64 (parameter));
  AdwMessageDialog *dialog;
  gint64 *id;

  if (row == NULL)
    return;
  dialog = gs_form_dialog_new (GTK_WIDGET (self), _("Rename the Organisation"),
                               _("The new name shows on every assessment of this organisation."), "rename", _("_Rename"),
                               "name", _("Name"), NULL);
  id = g_new (gint64, 1);
  *id = gs_assessment_summary_get_organisation_id (row);
  g_object_set_data_full (G_OBJECT (dialog), "gs-id", id, g_free);
  gtk_editable_set_text (gs_form_dialog_get_field (dialog, "name"), gs_assessment_summary_get_organisation_name (row));
  g_signal_connect (dialog, "response", G_CALLBACK (rename_organisation_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
rename_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    GsWindow         *self)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (dialog), "gs-id");
  g_autoptr(GError) error = NULL;

  if (g_str_equal (response, "rename") &&
      !gs_store_rename_assessment (self->store, id, gtk_editable_get_text (gs_form_dialog_get_field (dialog, "title")), &error))
    show_error (self, _("Could Not Rename the Assessment"), error);
}

static void
rename_assessment_action_cb (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  GsWindow *self = user_data;
  AdwMessageDialog *dialog = gs_form_dialog_new (GTK_WIDGET (self), _("Rename the Assessment"), NULL, "rename",
                                                 _("_Rename"), "title", _("Title"), NULL);
  g_autofree char *title = assessment_title (self, g_variant_get_int64 (parameter));
  gint64 *id = g_new (gint64, 1);

  *id = g_variant_get_int64 (parameter);
  g_object_set_data_full (G_OBJECT (dialog), "gs-id", id, g_free);
  gtk_editable_set_text (gs_form_dialog_get_field (dialog, "title"), title != NULL ? title : "");
  g_signal_connect (dialog, "response", G_CALLBACK (rename_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* --- Output: chart images, the report, printing ------------------------------------------ */

static void
output_done_cb (GtkWindow    *window,
                const GError *error,
                const char   *message)
{
  end_busy (GS_WINDOW (window));
  if (error != NULL)
    show_error (GS_WINDOW (window), _("Could Not Save the File"), error);
  else
    show_toast (GS_WINDOW (window), message);
}

static GsChartView *
visible_chart_view (GsWindow *self)
{
  return tab_chart_view (adw_view_stack_get_visible_child (self->chart_stack));
}

static const char *
visible_chart (GsWindow *self)
{
  return gs_chart_view_get_chart_name (visible_chart_view (self));
}

static void
export_chart_response_cb (GtkNativeDialog *chooser,
                          int              response,
                          GsWindow        *self)
{
  g_autofree char *path = chosen_path (chooser, response);
  const char *size = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "size");
  const char *scale = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "scale");
  double width = 1600, height = 1000;

  if (path != NULL && self->have_source)
    {
      if (size == NULL || sscanf (size, "%lfx%lf", &width, &height) != 2)
        {
          width = 1600;
          height = 1000;
        }
      gs_window_export_chart (self, visible_chart (self), path, width, height,
                              scale != NULL ? g_ascii_strtod (scale, NULL) : 1);
    }
  g_object_unref (chooser);
}

static void
export_chart_action_cb (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  GsWindow *self = user_data;
  GtkFileChooserNative *chooser;
  g_autofree char *name = g_strdup_printf ("%s.png", visible_chart (self));
  static const char *sizes[] = { "1600x1000", "1920x1080", "1280x720", "3840x2160", NULL };
  static const char *size_labels[] = { N_("1600 × 1000"), N_("1920 × 1080 (slide)"), N_("1280 × 720"), N_("3840 × 2160 (4K)"), NULL };
  static const char *scales[] = { "1", "2", NULL };
  static const char *scale_labels[] = { N_("1× (PNG)"), N_("2× (HiDPI PNG)"), NULL };
  const char *translated_sizes[G_N_ELEMENTS (size_labels)], *translated_scales[G_N_ELEMENTS (scale_labels)];

  for (guint i = 0; i < G_N_ELEMENTS (size_labels); i++)
    translated_sizes[i] = size_labels[i] != NULL ? _(size_labels[i]) : NULL;
  for (guint i = 0; i < G_N_ELEMENTS (scale_labels); i++)
    translated_scales[i] = scale_labels[i] != NULL ? _(scale_labels[i]) : NULL;
  chooser = gtk_file_chooser_native_new (_("Export the Chart"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "size", _("Size"), sizes, translated_sizes);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "size", "1600x1000");
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "scale", _("Scale"), scales, translated_scales);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "scale", "1");
  show_chooser (self, chooser, G_CALLBACK (export_chart_response_cb));
}

static void
copy_chart_action_cb (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  GsWindow *self = user_data;
  g_autoptr(GError) error = NULL;

  if (!gs_output_copy_chart (GTK_WIDGET (visible_chart_view (self)), &self->chart_source,
                             visible_chart (self), &error))
    show_error (self, _("Could Not Copy the Chart"), error);
  else
    show_toast (self, _("Chart copied as an image"));
}

static void
export_report_response_cb (GtkNativeDialog *chooser,
                           int              response,
                           GsWindow        *self)
{
  g_autofree char *path = chosen_path (chooser, response);
  const char *paper_name = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "paper");
  GsPaper paper = GS_PAPER_A4;

  if (path != NULL && self->have_source)
    {
      if (paper_name != NULL)
        gs_paper_from_string (paper_name, &paper);
      gs_window_export_report (self, path, paper);
    }
  g_object_unref (chooser);
}

static void
export_report_action_cb (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  GsWindow *self = user_data;
  GtkFileChooserNative *chooser;
  g_autofree char *name = g_strdup_printf ("%s — %s.pdf", gs_assessment_get_organisation_name (self->chart_source.assessment),
                                           gs_assessment_get_title (self->chart_source.assessment));
  static const char *papers[] = { "a4", "letter", NULL };
  const char *paper_labels[] = { _("A4"), _("US Letter"), NULL };

  chooser = gtk_file_chooser_native_new (_("Export the Report"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "paper", _("Paper"), papers, paper_labels);
  {
    g_autofree char *paper = g_settings_get_string (self->settings, "paper-size");
    gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "paper", paper);
  }
  show_chooser (self, chooser, G_CALLBACK (export_report_response_cb));
}

static void
print_action_cb (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  GsWindow *self = user_data;
  g_autoptr(GtkPrintOperation) operation = gs_output_print_operation (&self->chart_source);
  g_autoptr(GError) error = NULL;

  /* The print dialog offers a preview; GTK runs it without blocking the window. */
  gtk_print_operation_set_allow_async (operation, TRUE);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, GTK_WINDOW (self), &error) ==
      GTK_PRINT_OPERATION_RESULT_ERROR)
    show_error (self, _("Could Not Print"), error);
}

/* Quit while answering: the next start opens the same questions, where they stopped. */
/* Back to where answering stopped last time, unless the user has gone elsewhere meanwhile. */
static void
resume_answering (GsWindow *self)
{
  g_autofree char *uuid = g_settings_get_string (self->settings, "last-answering");
  const char *page = gtk_stack_get_visible_child_name (self->main_stack);
  gint64 id;

  if (self->store == NULL || uuid[0] == '\0' || (id = gs_store_find_assessment (self->store, uuid)) == 0 ||
      (g_strcmp0 (page, "assessments") != 0 && g_strcmp0 (page, "empty") != 0))
    return;
  show_answers (self, id);
}

static void
daily_check_done_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GsWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!gs_store_daily_check_finish (GS_STORE (source), result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;  /* the window has closed */
  end_busy (self);
  if (g_error_matches (error, GS_STORE_ERROR, GS_STORE_ERROR_CORRUPT))
    {
      gs_window_show_open_error (self, gs_store_get_path (self->store), error);
      return;
    }
  if (error != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("No backup was made today: %s"), error->message);
      AdwToast *toast = adw_toast_new (message);

      adw_toast_set_timeout (toast, 0);  /* stays until read */
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
  resume_answering (self);
}

/* Once the first frame is on screen: the day's check and backup, in a worker. Until it
 * passes, the store refuses changes and the window offers none. */
static gboolean
start_daily_check_cb (gpointer user_data)
{
  GsWindow *self = user_data;

  self->daily_check_idle = 0;
  if (self->store == NULL)
    return G_SOURCE_REMOVE;
  begin_busy (self, _("Checking and backing up the assessments…"));
  gs_store_daily_check_async (self->store, self->cancellable, daily_check_done_cb, g_object_ref (self));
  return G_SOURCE_REMOVE;
}

static void
window_mapped_cb (GsWindow *self)
{
  if (self->daily_check_idle == 0 && self->store != NULL && !self->daily_check_started)
    {
      self->daily_check_started = TRUE;
      self->daily_check_idle = g_idle_add_full (G_PRIORITY_LOW, start_daily_check_cb, self, NULL);
    }
}

/* --- GObject -------------------------------------------------------------------------- */

static gboolean
gs_window_close_request (GtkWindow *window)
{
  save_window_state (GS_WINDOW (window));

  return GTK_WINDOW_CLASS (gs_window_parent_class)->close_request (window);
}

static void
gs_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  GsWindow *self = GS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_INSTRUMENT:
      g_value_set_object (value, self->instrument);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gs_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  GsWindow *self = GS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_INSTRUMENT:
      self->instrument = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gs_window_constructed (GObject *object)
{
  GsWindow *self = GS_WINDOW (object);

  G_OBJECT_CLASS (gs_window_parent_class)->constructed (object);

  if (self->store != NULL && self->instrument != NULL)
    {
      GListModel *assessments = gs_store_get_assessments (self->store);

      gs_library_view_set_assessments (self->library_view, assessments, gs_instrument_get_items (self->instrument)->len);
      g_signal_connect_object (assessments, "items-changed", G_CALLBACK (assessments_changed_cb), self, 0);
    }
  if (self->store != NULL)
    g_signal_connect_object (self->store, "notify::writable", G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "map", G_CALLBACK (window_mapped_cb), NULL);
  update_visible_page (self);
  update_actions (self);
  /* Checked today already: straight back to answering. Otherwise once the check passes. */
  if (self->store != NULL && gs_store_get_writable (self->store))
    resume_answering (self);
}

static void
gs_window_dispose (GObject *object)
{
  GsWindow *self = GS_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->busy_timeout, g_source_remove);
  g_clear_handle_id (&self->daily_check_idle, g_source_remove);
  forget_results (self);
  g_clear_object (&self->store);
  g_clear_object (&self->instrument);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (gs_window_parent_class)->dispose (object);
}

static void
gs_window_class_init (GsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->get_property = gs_window_get_property;
  object_class->set_property = gs_window_set_property;
  object_class->constructed = gs_window_constructed;
  object_class->dispose = gs_window_dispose;
  g_type_ensure (GS_TYPE_LIBRARY_VIEW);
  window_class->close_request = gs_window_close_request;

  /**
   * GsWindow:store: (nullable)
   *
   * The open database; %NULL when it could not be opened, and the window says why.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, GS_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_INSTRUMENT] =
    g_param_spec_object ("instrument", NULL, NULL, GS_TYPE_INSTRUMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/gs-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GsWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, GsWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, GsWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, GsWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, GsWindow, library_view);
  gtk_widget_class_bind_template_child (widget_class, GsWindow, chart_stack);
  gtk_widget_class_bind_template_child (widget_class, GsWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, GsWindow, results_menu_button);
  gtk_widget_class_bind_template_child (widget_class, GsWindow, answer_button);
  gtk_widget_class_bind_template_child (widget_class, GsWindow, new_button);
  gtk_widget_class_bind_template_child (widget_class, GsWindow, busy_spinner);
  gtk_widget_class_bind_template_child (widget_class, GsWindow, window_title);
  gtk_widget_class_bind_template_callback (widget_class, assessment_activated_cb);
}

static void
gs_window_init (GsWindow *self)
{
  static const GActionEntry win_actions[] = {
    { "new-assessment", new_assessment_action_cb },
    { "import", import_action_cb },
    { "load-demo", load_demo_action_cb },
    { "show-assessments", show_assessments_action_cb },
    { "export-chart", export_chart_action_cb },
    { "copy-chart", copy_chart_action_cb },
    { "export-report", export_report_action_cb },
    { "print", print_action_cb },
    { "answer", answer_action_cb },
    { "delete-assessment", delete_assessment_action_cb, "x" },
    { "undo-delete", undo_delete_action_cb, "x" },
    { "rename-assessment", rename_assessment_action_cb, "x" },
    { "follow-up-assessment", follow_up_assessment_action_cb, "x" },
    { "rename-organisation", rename_organisation_action_cb, "x" },
    { "delete-event", delete_event_action_cb, "x" },
    { "delete-respondent", delete_respondent_action_cb, "x" },
    { "undo-delete-respondent", undo_delete_respondent_action_cb, "x" },
    { "search", search_action_cb },
    { "show-tab", show_tab_action_cb, "s" },
    { "undo-delete-event", undo_delete_event_action_cb, "x" },
  };

  gtk_widget_init_template (GTK_WIDGET (self));
  self->answer_page = GS_ANSWER_PAGE (gs_answer_page_new ());
  gtk_stack_add_named (self->main_stack, GTK_WIDGET (self->answer_page), "answer");
  self->map_editor = GS_MAP_EDITOR (gs_map_editor_new ());
  g_signal_connect_object (self->map_editor, "texts-changed", G_CALLBACK (map_texts_changed_cb), self, G_CONNECT_SWAPPED);
  self->overview_page = GS_OVERVIEW_PAGE (gs_overview_page_new ());
  self->compare_page = GS_COMPARE_PAGE (gs_compare_page_new ());
  self->timeline_editor = GS_TIMELINE_EDITOR (gs_timeline_editor_new ());
  g_signal_connect_object (self->timeline_editor, "events-changed", G_CALLBACK (events_changed_cb), self, G_CONNECT_SWAPPED);
  for (guint i = 0; i < G_N_ELEMENTS (result_charts); i++)
    {
      const char *name = result_charts[i].name;
      GtkWidget *tab = g_str_equal (name, "overview") ? GTK_WIDGET (self->overview_page)
                     : g_str_equal (name, "polarity") ? GTK_WIDGET (self->map_editor)
                     : g_str_equal (name, "timeline") ? GTK_WIDGET (self->timeline_editor)
                     : g_str_equal (name, "comparison") ? GTK_WIDGET (self->compare_page)
                     : gs_chart_view_new (name);

      AdwViewStackPage *page = adw_view_stack_add_titled (self->chart_stack, tab, result_charts[i].name,
                                                          _(result_charts[i].title));

      adw_view_stack_page_set_icon_name (page, result_charts[i].icon);
    }
  g_action_map_add_action_entries (G_ACTION_MAP (self), win_actions,
                                   G_N_ELEMENTS (win_actions), self);
  g_signal_connect_object (self->chart_stack, "notify::visible-child", G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);

  self->cancellable = g_cancellable_new ();
  self->settings = g_settings_new ("org.groundswell.Groundswell");
  g_signal_connect_object (self->settings, "changed::min-group-size", G_CALLBACK (min_group_size_changed_cb), self,
                           G_CONNECT_SWAPPED);
  restore_window_state (self);

  if (DEVELOPMENT_BUILD)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
}

GsWindow *
gs_window_new (GtkApplication *application,
               GsStore        *store,
               GsInstrument   *instrument)
{
  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (store == NULL || GS_IS_STORE (store), NULL);

  return g_object_new (GS_TYPE_WINDOW,
                       "application", application,
                       "store", store,
                       "instrument", instrument,
                       NULL);
}

GsStore *
gs_window_get_store (GsWindow *self)
{
  g_return_val_if_fail (GS_IS_WINDOW (self), NULL);

  return self->store;
}

typedef struct {
  GsWindow *self;
  char     *database_path;
  char     *backup_path;
} RestoreRequest;

static void
restore_request_free (RestoreRequest *request)
{
  g_object_unref (request->self);
  g_free (request->database_path);
  g_free (request->backup_path);
  g_free (request);
}

/* The window on the damaged file gives way to one on the restored file. Run from idle, once
 * the dialog that asked has closed; the application is held so that it does not quit in
 * between. */
static gboolean
reopen_after_restore_cb (gpointer user_data)
{
  GsWindow *self = user_data;
  GApplication *app = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));

  gtk_window_destroy (GTK_WINDOW (self));
  g_application_activate (app);
  g_application_release (app);
  return G_SOURCE_REMOVE;
}

/* Restores the newest backup (the damaged file is kept beside it) and opens a new window
 * on the restored database. */
static void
restore_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     RestoreRequest   *request)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *aside = NULL;

  if (g_str_equal (response, "restore"))
    {
      if (!gs_store_restore_backup (request->database_path, request->backup_path, &aside, &error))
        show_error (request->self, _("Could Not Restore the Backup"), error);
      else
        {
          g_application_hold (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (request->self))));
          g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, reopen_after_restore_cb, g_object_ref (request->self), g_object_unref);
        }
    }
  restore_request_free (request);
}

/**
 * gs_window_show_open_error:
 *
 * A database that cannot be opened is a reason to stop and read, not a toast. When the file
 * is damaged and there is a backup, the dialog offers to restore the newest one.
 */
void
gs_window_show_open_error (GsWindow     *self,
                           const char   *database_path,
                           const GError *error)
{
  g_autoptr(GPtrArray) backups = gs_store_list_backups (database_path);
  gboolean damaged = g_error_matches (error, GS_STORE_ERROR, GS_STORE_ERROR_CORRUPT) ||
                     g_error_matches (error, GS_STORE_ERROR, GS_STORE_ERROR_NOT_DATABASE);
  AdwMessageDialog *dialog;
  RestoreRequest *request;

  g_return_if_fail (GS_IS_WINDOW (self));

  if (!damaged || backups->len == 0)
    {
      show_error (self, _("Could Not Open the Assessments"), error);
      return;
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Open the Assessments"), NULL));
  adw_message_dialog_format_body (dialog, _("%s\n\nThe newest backup can take its place; the damaged file is kept "
                                            "beside it."), error->message);
  adw_message_dialog_add_responses (dialog, "close", _("_Close"), "restore", _("_Restore Newest Backup"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "restore", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (dialog, "close");
  request = g_new0 (RestoreRequest, 1);
  request->self = g_object_ref (self);
  request->database_path = g_strdup (database_path);
  request->backup_path = g_strdup (g_ptr_array_index (backups, 0));
  g_signal_connect (dialog, "response", G_CALLBACK (restore_response_cb), request);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * gs_window_import_file:
 *
 * Imports @path without blocking the window; reports the outcome in a toast, or in a
 * dialog when the file is refused or was imported before.
 */
void
gs_window_import_file (GsWindow     *self,
                       const char   *path,
                       GsImportMode  mode)
{
  ImportRequest *request;

  g_return_if_fail (GS_IS_WINDOW (self));
  g_return_if_fail (self->store != NULL);

  request = g_new0 (ImportRequest, 1);
  request->self = g_object_ref (self);
  request->path = g_strdup (path);
  begin_busy (self, _("Importing…"));
  gs_store_import_file_async (self->store, self->instrument, path, mode, self->cancellable, import_done_cb, request);
}

/**
 * gs_window_export_chart:
 *
 * Writes the chart @chart of the assessment being shown to @path, off the main thread;
 * a toast or an error dialog tells the outcome.
 */
void
gs_window_export_chart (GsWindow   *self,
                        const char *chart,
                        const char *path,
                        double      width,
                        double      height,
                        double      scale)
{
  g_return_if_fail (GS_IS_WINDOW (self));
  g_return_if_fail (self->have_source);

  begin_busy (self, _("Exporting the chart…"));
  gs_output_export_chart (GTK_WINDOW (self), &self->chart_source, chart, path, width, height, scale,
                          self->cancellable, output_done_cb);
}

void
gs_window_export_report (GsWindow   *self,
                         const char *path,
                         GsPaper     paper)
{
  g_return_if_fail (GS_IS_WINDOW (self));
  g_return_if_fail (self->have_source);

  begin_busy (self, _("Exporting the report…"));
  gs_output_export_report (GTK_WINDOW (self), &self->chart_source, paper, path, self->cancellable, output_done_cb);
}

/* Prints the report to a PDF file through GtkPrintOperation, as the print dialog would. */
gboolean
gs_window_print_to_file (GsWindow    *self,
                         const char  *path,
                         GError     **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;

  g_return_val_if_fail (self->have_source, FALSE);
  operation = gs_output_print_operation (&self->chart_source);
  gtk_print_operation_set_export_filename (operation, path);
  return gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, GTK_WINDOW (self), error) ==
         GTK_PRINT_OPERATION_RESULT_APPLY;
}
