/* gs-window.c — the main window: the library, the results, answering; which page shows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gs-window"

#include "config.h"

#include <glib/gi18n.h>

#include "gs-accessible.h"
#include "gs-dialogs.h"
#include "gs-respondent-dialog.h"
#include "gs-window-output.h"
#include "gs-window-private.h"
#include "store/gs-assessment-summary.h"

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

/* Whether the tab shown holds a chart with something to draw: a comparison needs an
 * earlier assessment. */
static gboolean
visible_chart_drawn (GsWindow *self)
{
  GsChartView *view = gs_window_visible_chart_view (self);
  const GsChartInfo *chart;
  int row;

  if (view == NULL || self->analysis == NULL || gs_chart_view_shows_no_answers (view))
    return FALSE;
  chart = gs_chart_registry_find (gs_chart_view_get_chart_name (view), G_MAXUINT, &row, NULL);
  return chart != NULL && (!chart->needs_baseline || gs_analysis_get_baseline (self->analysis) != NULL);
}

/* Alt+← goes back from the results; while answering, Alt+← and Alt+→ move between parts
 * (the answer page's own keys), and Back is the header's button. */
static void
update_back_accels (GsWindow *self,
                    gboolean  answering)
{
  static const char *back[] = { "<Alt>Left", NULL };
  static const char *none[] = { NULL };
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (app != NULL)
    gtk_application_set_accels_for_action (app, "win.show-assessments", answering ? none : back);
}

/* The one place that decides which of the window's commands can be used now. */
void
gs_window_update_actions (GsWindow *self)
{
  static const char *changes[] = {
    "new-assessment", "import", "load-demo", "delete-assessment", "undo-delete", "rename-assessment",
    "follow-up-assessment", "rename-organisation", "delete-event", "undo-delete-event", "delete-respondent",
    "undo-delete-respondent",
  };
  /* Nothing is changed until the day's check of the whole file has passed. */
  gboolean writable = self->store != NULL && self->instrument != NULL && gs_store_get_writable (self->store);
  const char *page = gtk_stack_get_visible_child_name (self->main_stack);
  gboolean results = g_strcmp0 (page, "results") == 0 && self->analysis != NULL;
  gboolean answering = g_strcmp0 (page, "answer") == 0;

  for (guint i = 0; i < G_N_ELEMENTS (changes); i++)
    set_action_enabled (self, changes[i], writable);
  set_action_enabled (self, "show-assessments", results || answering);
  update_back_accels (self, answering);
  set_action_enabled (self, "answer", results && writable);
  if (self->chart_stack != NULL)
    {
      gs_map_editor_set_editable (self->map_editor, writable);
      gs_timeline_editor_set_editable (self->timeline_editor, writable);
      gs_plan_page_set_editable (self->plan_page, writable);
    }
  set_action_enabled (self, "export-chart", results && visible_chart_drawn (self));
  set_action_enabled (self, "copy-chart", results && visible_chart_drawn (self));
  set_action_enabled (self, "export-report", results);
  set_action_enabled (self, "import-survey", results && writable);
  set_action_enabled (self, "export-survey-template", results);
  set_action_enabled (self, "export-questionnaire", results);
  set_action_enabled (self, "send-questionnaire", results);
  set_action_enabled (self, "print", results);
  set_action_enabled (self, "present", results);
}

/* The header names what is shown. On the results page its title is also the tabs' switcher:
 * wide, the tabs take the title's place; narrow (below about 600 px), the assessment's title
 * returns and the tabs move to the bar at the bottom. The page's own heading, which wraps, names
 * the organisation and assessment in full at any width. */
void
gs_window_set_header (GsWindow     *self,
                      GsAssessment *results_of,
                      const char   *subtitle)
{
  g_autofree char *heading = NULL;

  if (results_of != NULL)
    heading = g_strdup_printf ("%s · %s", gs_assessment_get_organisation_name (results_of),
                               gs_assessment_get_title (results_of));
  adw_view_switcher_title_set_title (self->switcher_title,
                                     results_of != NULL ? gs_assessment_get_title (results_of) : _("Groundswell"));
  adw_view_switcher_title_set_subtitle (self->switcher_title, subtitle);
  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, results_of != NULL);
  if (self->results_heading != NULL)
    gtk_label_set_text (self->results_heading, heading != NULL ? heading : "");
}

void
gs_window_update_visible_page (GsWindow *self)
{
  gboolean empty = self->store == NULL || g_list_model_get_n_items (gs_store_get_assessments (self->store)) == 0;

  const char *page = gtk_stack_get_visible_child_name (self->main_stack);

  if ((g_strcmp0 (page, "results") == 0 && self->analysis != NULL) || g_strcmp0 (page, "answer") == 0)
    return;
  /* The large icon is set only when it is shown: GTK looks it up as the window is shown, on
   * whichever page, and loading it from SVG delayed a library's first frame. */
  if (empty)
    adw_status_page_set_icon_name (self->empty_page, APPLICATION_ID "-symbolic");
  gtk_stack_set_visible_child_name (self->main_stack, empty ? "empty" : "assessments");
  gtk_widget_set_visible (self->back_button, FALSE);
  gtk_widget_set_visible (self->results_menu_button, FALSE);
  gtk_widget_set_visible (self->answer_button, FALSE);
  gtk_widget_set_visible (self->new_button, TRUE);
  gs_window_set_header (self, NULL, NULL);
  gs_window_update_actions (self);
}

/* Groups are hidden or shown by the new rule at once. */
static void
min_group_size_changed_cb (GsWindow *self)
{
  if (self->analysis != NULL)
    gs_window_show_results (self, self->shown_assessment);
}

void
gs_window_forget_results (GsWindow *self)
{
  g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  gs_window_set_results_analysis (self, NULL);
}

/* Shows @toast (taking it); its Undo and close buttons are named for a screen reader. */
static void
add_toast (GsWindow *self,
           AdwToast *toast)
{
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  gs_accessible_name_controls (GTK_WIDGET (self->toast_overlay));
}

void
gs_window_show_toast (GsWindow   *self,
            const char *title)
{
  add_toast (self, adw_toast_new (title));
}

static void
undo_toast_dismissed_cb (GsWindow *self,
                         AdwToast *toast)
{
  if (self->undo_toast == toast)
    self->undo_toast = NULL;
}

/* Undone from the toast: Ctrl+Z has nothing left to undo. */
static void
undo_toast_used_cb (GsWindow *self,
                    AdwToast *toast)
{
  if (self->undo_toast == toast)
    g_clear_pointer (&self->undo_action, g_free);
}

/* A toast whose Undo activates @action with @id, shown at once over any other. */
void
gs_window_show_undo_toast (GsWindow   *self,
                 const char *message,
                 const char *action,
                 gint64      id)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, action);
  adw_toast_set_action_target_value (toast, g_variant_new_int64 (id));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_free (self->undo_action);
  self->undo_action = g_strdup (action);
  self->undo_id = id;
  self->undo_toast = toast;
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (undo_toast_dismissed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_toast_used_cb), self, G_CONNECT_SWAPPED);
  add_toast (self, toast);
}

/* Ctrl+Z: what the last toast's Undo would do, once, even after the toast has gone (the
 * deleted rows stay in the database, hidden, until the window closes). */
void
gs_window_undo_last (GsWindow *self)
{
  g_autofree char *action = g_steal_pointer (&self->undo_action);
  AdwToast *toast = g_steal_pointer (&self->undo_toast);

  if (action == NULL)
    return;
  gtk_widget_activate_action (GTK_WIDGET (self), action, "x", self->undo_id);
  if (toast != NULL)
    adw_toast_dismiss (toast);
}

/* Errors the user must read: what failed, in words, with one way out. */
void
gs_window_show_error (GsWindow     *self,
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

void
gs_window_begin_busy (GsWindow   *self,
            const char *what)
{
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->busy_spinner), what);
  if (self->n_busy++ == 0)
    self->busy_timeout = g_timeout_add (300, show_busy_cb, self);
}

void
gs_window_end_busy (GsWindow *self)
{
  g_return_if_fail (self->n_busy > 0);
  if (--self->n_busy > 0)
    return;
  g_clear_handle_id (&self->busy_timeout, g_source_remove);
  gtk_spinner_stop (self->busy_spinner);
  gtk_widget_set_visible (GTK_WIDGET (self->busy_spinner), FALSE);
}

/* The results page, once the analysis is loaded: the assessment's charts, each a tab. */
static void
show_analysis (GsWindow   *self,
               GsAnalysis *analysis)
{
  GsAssessment *assessment = gs_analysis_get_assessment (analysis);

  gs_window_ensure_results_page (self);
  self->shown_assessment = gs_analysis_get_assessment_id (analysis);
  gs_window_set_results_analysis (self, analysis);
  gs_window_set_header (self, assessment, NULL);
  gtk_widget_set_visible (self->back_button, TRUE);
  gtk_widget_set_visible (self->results_menu_button, TRUE);
  gtk_widget_set_visible (self->answer_button, TRUE);
  gtk_widget_set_visible (self->new_button, FALSE);
  gtk_stack_set_visible_child_name (self->main_stack, "results");
  if (self->focus_tab_when_shown)
    {
      self->focus_tab_when_shown = FALSE;
      gs_window_focus_visible_tab (self);
    }
  gs_window_update_actions (self);
  if (self->present_when_shown)
    {
      self->present_when_shown = FALSE;
      gtk_widget_activate_action (GTK_WIDGET (self), "win.present", NULL);
    }
}

static void
analysis_loaded_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GsWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GsAnalysis) analysis = gs_analysis_load_finish (result, &error);

  if (self->cancellable == NULL)
    return;  /* the window has closed */
  gs_window_end_busy (self);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;  /* another assessment was opened meanwhile, or the user went back */
  g_clear_object (&self->loading);
  if (analysis == NULL)
    gs_window_show_error (self, _("Could Not Open the Assessment"), error);
  else
    show_analysis (self, analysis);
}

/* Scores the assessment in a worker, then shows its results; the header's spinner turns
 * if that takes longer than a moment. Also reloads the results shown after a change. */
void
gs_window_show_results (GsWindow *self,
              gint64    assessment_id)
{
  g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  self->loading = g_cancellable_new ();
  gs_window_begin_busy (self, _("Scoring the assessment…"));
  gs_analysis_load_async (self->store, self->instrument, assessment_id,
                          g_settings_get_uint (self->settings, "min-group-size"), self->loading,
                          analysis_loaded_cb, g_object_ref (self));
}

/* Shows the results of @assessment_id and, once they are scored, presents them full screen
 * (`groundswell --present=ID`). */
void
gs_window_present_assessment (GsWindow *self,
                              gint64    assessment_id)
{
  g_return_if_fail (GS_IS_WINDOW (self));

  self->present_when_shown = TRUE;
  gs_window_show_results (self, assessment_id);
}

/* After an import or a change made outside the pages: the results shown, if they are those
 * of @assessment_id, are scored again. */
void
gs_window_refresh_results_of (GsWindow *self,
                              gint64    assessment_id)
{
  if (self->analysis != NULL && gs_analysis_get_assessment_id (self->analysis) == assessment_id &&
      g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "results") == 0)
    gs_window_show_results (self, assessment_id);
}

static void
assessment_activated_cb (GsLibraryView *library,
                         gint64         assessment_id,
                         GsWindow      *self)
{
  gs_window_show_results (self, assessment_id);
}

static void
assessments_changed_cb (GListModel *model,
                        guint       position,
                        guint       removed,
                        guint       added,
                        GsWindow   *self)
{
  gs_window_update_visible_page (self);
}

/* --- Import -------------------------------------------------------------------------- */

/* Back to where answering stopped last time, unless the user has gone elsewhere meanwhile. */
static void
resume_answering (GsWindow *self)
{
  g_autofree char *uuid = g_settings_get_string (self->settings, "last-answering");
  const char *page = gtk_stack_get_visible_child_name (self->main_stack);
  gint64 id;

  /* Nothing can be answered in a read-only database, though its ids may be those of the
   * writable one it copies. */
  if (self->store == NULL || !gs_store_get_writable (self->store) || uuid[0] == '\0' ||
      (id = gs_store_find_assessment (self->store, uuid)) == 0 ||
      (g_strcmp0 (page, "assessments") != 0 && g_strcmp0 (page, "empty") != 0))
    return;
  gs_window_show_answers (self, id);
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
  gs_window_end_busy (self);
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
      add_toast (self, toast);
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
  if (self->store == NULL || gs_store_get_read_only (self->store))  /* a file that cannot change */
    return G_SOURCE_REMOVE;
  gs_window_begin_busy (self, _("Checking and backing up the assessments…"));
  gs_store_daily_check_async (self->store, self->cancellable, daily_check_done_cb, g_object_ref (self));
  return G_SOURCE_REMOVE;
}

static void
window_mapped_cb (GsWindow *self)
{
  gs_window_build_results_page_soon (self);
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

      gs_library_view_set_assessments (self->library_view, assessments);
      g_signal_connect_object (assessments, "items-changed", G_CALLBACK (assessments_changed_cb), self, 0);
    }
  if (self->store != NULL)
    g_signal_connect_object (self->store, "notify::writable", G_CALLBACK (gs_window_update_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "map", G_CALLBACK (window_mapped_cb), NULL);
  gtk_widget_set_visible (self->read_only_bar, self->store != NULL && gs_store_get_read_only (self->store));
  gs_window_update_visible_page (self);
  gs_window_update_actions (self);
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
  g_clear_handle_id (&self->results_page_idle, g_source_remove);
  gs_window_forget_results (self);
  gs_window_forget_results_page (self);
  self->answer_page = NULL;  /* the stack's child, gone with it; dispose may run twice */
  g_clear_object (&self->store);
  g_clear_object (&self->instrument);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->undo_action, g_free);

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
  g_type_ensure (GS_TYPE_OVERVIEW_PAGE);
  g_type_ensure (GS_TYPE_CHART_VIEW);
  g_type_ensure (GS_TYPE_MAP_EDITOR);
  g_type_ensure (GS_TYPE_TIMELINE_EDITOR);
  g_type_ensure (GS_TYPE_COMPARE_PAGE);
  g_type_ensure (GS_TYPE_PLAN_PAGE);
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
  gtk_widget_class_bind_template_child (widget_class, GsWindow, read_only_bar);
  gtk_widget_class_bind_template_child (widget_class, GsWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, GsWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, GsWindow, results_menu_button);
  gtk_widget_class_bind_template_child (widget_class, GsWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, GsWindow, results_menu);
  gtk_widget_class_bind_template_child (widget_class, GsWindow, answer_button);
  gtk_widget_class_bind_template_child (widget_class, GsWindow, new_button);
  gtk_widget_class_bind_template_child (widget_class, GsWindow, busy_spinner);
  gtk_widget_class_bind_template_child (widget_class, GsWindow, switcher_title);
  gtk_widget_class_bind_template_callback (widget_class, assessment_activated_cb);
}

/* A menu button's popover is made as it first opens: made with the window, the two menus'
 * popovers were 1.9 ms of the first frame (perf), for menus not yet opened. GTK calls this
 * before every opening, from a click, the keyboard or F10 alike. The window's pass over its
 * controls ran at map, before the popover existed: it is named here. */
static void
give_menu_cb (GtkMenuButton *button,
              gpointer       model)
{
  if (gtk_menu_button_get_menu_model (button) != NULL)
    return;
  gtk_menu_button_set_menu_model (button, model);
  gs_accessible_name_controls (GTK_WIDGET (gtk_menu_button_get_popover (button)));
}

static void
gs_window_init (GsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (self->primary_menu_button), give_menu_cb,
                                         self->primary_menu, NULL);
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (self->results_menu_button), give_menu_cb,
                                         self->results_menu, NULL);
  gs_window_add_actions (self);

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

/* Returns: (transfer none) (nullable): the results shown */
GsAnalysis *
gs_window_get_analysis (GsWindow *self)
{
  g_return_val_if_fail (GS_IS_WINDOW (self), NULL);
  return self->analysis;
}

/* Whether an assessment's results are being scored to be shown. */
gboolean
gs_window_is_loading (GsWindow *self)
{
  g_return_val_if_fail (GS_IS_WINDOW (self), FALSE);
  return self->loading != NULL;
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
        gs_window_show_error (request->self, _("Could Not Restore the Backup"), error);
      else
        {
          g_application_hold (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (request->self))));
          g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, reopen_after_restore_cb, g_object_ref (request->self), g_object_unref);
        }
    }
}

/* The request lives as long as the dialog's handler: freed however the dialog goes. */
static void
restore_request_notify (gpointer  data,
                        GClosure *closure)
{
  restore_request_free (data);
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
      gs_window_show_error (self, _("Could Not Open the Assessments"), error);
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
  g_signal_connect_data (dialog, "response", G_CALLBACK (restore_response_cb), request, restore_request_notify, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

