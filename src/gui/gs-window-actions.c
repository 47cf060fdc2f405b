/* gs-window-actions.c — the window's commands: new, rename, delete and undo, follow-ups,
 * presenting, and moving between its pages (exports: gs-window-export.c)
 *
 * Every command is a GAction of the window ("win.…"), so menus, buttons, keyboard shortcuts
 * and tests reach them the same way; gs_window_update_actions() decides which can be used.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gs-window"

#include "config.h"

#include <glib/gi18n.h>

#include "gs-date-field.h"
#include "gs-dialogs.h"
#include "gs-presentation.h"
#include "gs-window-private.h"
#include "store/gs-assessment-summary.h"

/* The local path the user chose in a file chooser, or NULL when they cancelled. */
char *
gs_window_chosen_path (GtkNativeDialog *chooser,
             int              response)
{
  g_autoptr(GFile) file = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    return NULL;
  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  return file != NULL ? g_file_get_path (file) : NULL;
}

/* Adds a filter named @name that shows files ending in each of the NULL-terminated
 * @suffixes; the first is the one a saved file gets when the user typed none. */
void
gs_window_add_filter (GtkFileChooserNative *chooser,
            const char           *name,
            ...)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  va_list args;

  gtk_file_filter_set_name (filter, name);
  va_start (args, name);
  for (const char *suffix = va_arg (args, const char *); suffix != NULL; suffix = va_arg (args, const char *))
    {
      gtk_file_filter_add_suffix (filter, suffix);
      if (g_object_get_data (G_OBJECT (filter), "suffix") == NULL)
        g_object_set_data (G_OBJECT (filter), "suffix", (gpointer) suffix);
    }
  va_end (args);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
}

/* @path as it is when it ends in one of the @known suffixes (".html", in any case), else
 * with ".@suffix" added. */
char *
gs_window_path_with_suffix (const char         *path,
                            const char * const *known,
                            const char         *suffix)
{
  g_autofree char *lower = g_utf8_strdown (path, -1);

  for (guint i = 0; known[i] != NULL; i++)
    if (g_str_has_suffix (lower, known[i]))
      return g_strdup (path);
  return g_strconcat (path, ".", suffix, NULL);
}

/* The chosen path, ending in the chosen filter's suffix when the user typed no known one. */
char *
gs_window_chosen_path_with_suffix (GtkNativeDialog    *chooser,
                         int                 response,
                         const char * const *known)
{
  g_autofree char *path = gs_window_chosen_path (chooser, response);
  GtkFileFilter *filter = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (chooser));
  const char *suffix = filter != NULL ? g_object_get_data (G_OBJECT (filter), "suffix") : NULL;

  if (path == NULL || suffix == NULL)
    return g_steal_pointer (&path);
  return gs_window_path_with_suffix (path, known, suffix);
}

/* Shows @chooser over the window; @response_cb receives it and frees it. */
void
gs_window_show_chooser (GsWindow             *self,
              GtkFileChooserNative *chooser,
              GCallback             response_cb)
{
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", response_cb, self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Alt+1 … Alt+6: the results' tabs in order, from the keyboard. */
static void
show_tab_action_cb (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  GsWindow *self = user_data;
  const char *name = g_variant_get_string (parameter, NULL);

  if (self->analysis != NULL && adw_view_stack_get_child_by_name (self->chart_stack, name) != NULL)
    {
      adw_view_stack_set_visible_child_name (self->chart_stack, name);
      gs_window_focus_visible_tab (self);
    }
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

static void
answer_action_cb (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  GsWindow *self = user_data;

  gs_window_start_answering (self, self->shown_assessment);
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
      /* The focus was in the page just cleared: it goes into the tab shown, once loaded. */
      self->focus_tab_when_shown = TRUE;
      gs_window_show_results (self, self->shown_assessment);
      return;
    }
  gs_window_forget_results (self);
  gs_window_update_visible_page (self);
  gs_library_view_focus_list (self->library_view);
}

static void
undo_action_cb (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  gs_window_undo_last (GS_WINDOW (user_data));
}

/* What a dialog about one row acts on: the window, and the row's id. */
typedef struct {
  GsWindow *self;
  gint64    id;
} DialogTarget;

static void
dialog_target_free (gpointer  data,
                    GClosure *closure)
{
  DialogTarget *target = data;

  g_object_unref (target->self);
  g_free (target);
}

/* Calls @response_cb (dialog, response, DialogTarget *) when the dialog about @id answers. */
static void
connect_response (AdwMessageDialog *dialog,
                  GCallback         response_cb,
                  GsWindow         *self,
                  gint64            id)
{
  DialogTarget *target = g_new0 (DialogTarget, 1);

  target->self = g_object_ref (self);
  target->id = id;
  g_signal_connect_data (dialog, "response", response_cb, target, dialog_target_free, 0);
}

/* --- New assessment ------------------------------------------------------------------ */

static void
new_assessment_entries_changed_cb (AdwMessageDialog *dialog)
{
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

/* Returns: the new assessment's id, or 0 with @error set */
static gint64
create_assessment (GsWindow    *self,
                   const char  *organisation_name,
                   const char  *title,
                   GError     **error)
{
  g_autofree char *date = today_iso_date ();
  gint64 organisation = gs_store_find_organisation (self->store, organisation_name);

  if (organisation == 0)
    organisation = gs_store_add_organisation (self->store, organisation_name, error);
  return organisation != 0 ? gs_store_add_assessment (self->store, organisation, title, date, self->instrument, error) : 0;
}

static void
new_assessment_response_cb (AdwMessageDialog *dialog,
                            const char       *response,
                            GsWindow         *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *organisation = NULL;
  g_autofree char *title = NULL;
  gint64 id;

  if (!g_str_equal (response, "create"))
    return;
  organisation = g_strstrip (g_strdup (gtk_editable_get_text (gs_form_dialog_get_field (dialog, "organisation"))));
  title = g_strstrip (g_strdup (gtk_editable_get_text (gs_form_dialog_get_field (dialog, "title"))));
  if ((id = create_assessment (self, organisation, title, &error)) == 0)
    {
      gs_window_show_error (self, _("Could Not Create the Assessment"), error);
      return;
    }
  gs_window_show_toast (self, _("Assessment created"));
  gs_window_start_answering (self, id);  /* straight on: who answers first? */
}

static void
new_assessment_action_cb (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  GsWindow *self = user_data;
  guint n_items = gs_instrument_get_items (self->instrument)->len;
  g_autofree char *body = g_strdup_printf (_("Which organisation are you assessing, and what do you call this "
                                             "assessment? Each respondent answers %u questions, which takes about "
                                             "%u minutes."), n_items, gs_instrument_estimate_minutes (self->instrument));
  AdwMessageDialog *dialog = gs_form_dialog_new (GTK_WIDGET (self), _("New Assessment"), body, "create", _("C_reate"),
    "organisation", _("Organisation"), "title", _("Assessment title"), NULL);
  GtkEditable *organisation = gs_form_dialog_get_field (dialog, "organisation");
  GtkEditable *title = gs_form_dialog_get_field (dialog, "title");

  gtk_editable_set_text (title, _("Baseline"));
  g_signal_connect_swapped (organisation, "changed", G_CALLBACK (new_assessment_entries_changed_cb), dialog);
  g_signal_connect_swapped (title, "changed", G_CALLBACK (new_assessment_entries_changed_cb), dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (new_assessment_response_cb), self);
  new_assessment_entries_changed_cb (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (GTK_WIDGET (organisation));
}

static void
load_demo_action_cb (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  GsWindow *self = user_data;
  g_autoptr(GError) error = NULL;

  if (!gs_store_add_demo (self->store, self->instrument, &error))
    gs_window_show_error (self, _("Could Not Add the Example"), error);
  else
    gs_window_show_toast (self, _("Added a fictional example trust"));
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
      gs_window_show_error (self, _("Could Not Delete the Assessment"), error);
      return;
    }
  message = g_strdup_printf (_("“%s” deleted"), title != NULL ? title : "");
  gs_window_show_undo_toast (self, message, "win.undo-delete", id);
}

static void
undo_delete_action_cb (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  GsWindow *self = user_data;
  g_autoptr(GError) error = NULL;

  if (!gs_store_undo_delete (self->store, GS_STORE_ASSESSMENT, g_variant_get_int64 (parameter), &error))
    gs_window_show_error (self, _("Could Not Undo the Deletion"), error);
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
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;

  if (id == 0)
    return;
  if (self->answer_page != NULL)
    name = g_strdup (gs_answer_page_get_respondent_name (self->answer_page));
  if (!gs_store_delete (self->store, GS_STORE_RESPONDENT, id, &error))
    {
      gs_window_show_error (self, _("Could Not Remove the Respondent"), error);
      return;
    }
  gs_window_show_answers (self, self->shown_assessment);
  message = g_strdup_printf (_("“%s” and their answers removed"), name != NULL ? name : "");
  gs_window_show_undo_toast (self, message, "win.undo-delete-respondent", id);
}

static void
undo_delete_respondent_action_cb (GSimpleAction *action,
                                  GVariant      *parameter,
                                  gpointer       user_data)
{
  GsWindow *self = user_data;
  g_autoptr(GError) error = NULL;

  if (!gs_store_undo_delete (self->store, GS_STORE_RESPONDENT, g_variant_get_int64 (parameter), &error))
    gs_window_show_error (self, _("Could Not Undo the Deletion"), error);
  else if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "answer") == 0)
    gs_window_show_answers (self, self->shown_assessment);
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
      gs_window_show_error (self, _("Could Not Delete the Event"), error);
      return;
    }
  gs_window_show_results (self, self->shown_assessment);
  gs_window_show_undo_toast (self, _("Event deleted"), "win.undo-delete-event", id);
}

static void
undo_delete_event_action_cb (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  GsWindow *self = user_data;
  g_autoptr(GError) error = NULL;

  if (!gs_store_undo_delete (self->store, GS_STORE_EVENT, g_variant_get_int64 (parameter), &error))
    gs_window_show_error (self, _("Could Not Undo the Deletion"), error);
  else if (self->analysis != NULL)
    gs_window_show_results (self, self->shown_assessment);
}

/* The follow-up dialog's Add stays off until the title is given and the date is a real day. */
static void
follow_up_changed_cb (AdwMessageDialog *dialog)
{
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (gs_form_dialog_get_field (dialog, "title"))));
  gboolean date_ok = gs_date_field_get_date (gs_form_dialog_get_field (dialog, "date")) != NULL;

  adw_message_dialog_set_body (dialog, date_ok ? _("The same organisation, with the map texts carried over and no "
                                                   "respondents yet.")
                                               : gs_date_field_problem ());
  adw_message_dialog_set_response_enabled (dialog, "add", date_ok && *title != '\0');
}

static void
follow_up_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       DialogTarget     *target)
{
  GsWindow *self = target->self;
  gint64 id = target->id;
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (gs_form_dialog_get_field (dialog, "title"))));
  const char *date = gs_date_field_get_date (gs_form_dialog_get_field (dialog, "date"));
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "add") || !adw_message_dialog_get_response_enabled (dialog, "add"))
    return;
  if (gs_store_add_follow_up (self->store, id, title, date, self->instrument, &error) == 0)
    gs_window_show_error (self, _("Could Not Add the Follow-up"), error);
  else
    gs_window_show_toast (self, _("Follow-up added"));
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
                                                 "title", _("Title"), "date", _("Date"), NULL);
  g_autofree char *earlier = assessment_title (self, g_variant_get_int64 (parameter));
  g_autofree char *title = g_strdup_printf (_("Follow-up to “%s”"), earlier != NULL ? earlier : "");
  g_autofree char *date = today_iso_date ();

  gtk_editable_set_text (gs_form_dialog_get_field (dialog, "title"), title);
  gtk_editable_set_text (gs_form_dialog_get_field (dialog, "date"), date);
  g_signal_connect_swapped (gs_form_dialog_get_field (dialog, "title"), "changed", G_CALLBACK (follow_up_changed_cb), dialog);
  g_signal_connect_swapped (gs_form_dialog_get_field (dialog, "date"), "changed", G_CALLBACK (follow_up_changed_cb), dialog);
  follow_up_changed_cb (dialog);
  connect_response (dialog, G_CALLBACK (follow_up_response_cb), self, g_variant_get_int64 (parameter));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
rename_organisation_response_cb (AdwMessageDialog *dialog,
                                 const char       *response,
                                 DialogTarget     *target)
{
  GsWindow *self = target->self;
  gint64 id = target->id;
  g_autoptr(GError) error = NULL;

  if (g_str_equal (response, "rename") &&
      !gs_store_rename_organisation (self->store, id, gtk_editable_get_text (gs_form_dialog_get_field (dialog, "name")), &error))
    gs_window_show_error (self, _("Could Not Rename the Organisation"), error);
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

  if (row == NULL)
    return;
  dialog = gs_form_dialog_new (GTK_WIDGET (self), _("Rename the Organisation"),
                               _("The new name shows on every assessment of this organisation."), "rename", _("_Rename"),
                               "name", _("Name"), NULL);
  gtk_editable_set_text (gs_form_dialog_get_field (dialog, "name"), gs_assessment_summary_get_organisation_name (row));
  connect_response (dialog, G_CALLBACK (rename_organisation_response_cb), self,
                    gs_assessment_summary_get_organisation_id (row));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
rename_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    DialogTarget     *target)
{
  GsWindow *self = target->self;
  gint64 id = target->id;
  g_autoptr(GError) error = NULL;

  if (g_str_equal (response, "rename") &&
      !gs_store_rename_assessment (self->store, id, gtk_editable_get_text (gs_form_dialog_get_field (dialog, "title")), &error))
    gs_window_show_error (self, _("Could Not Rename the Assessment"), error);
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

  gtk_editable_set_text (gs_form_dialog_get_field (dialog, "title"), title != NULL ? title : "");
  connect_response (dialog, G_CALLBACK (rename_response_cb), self, g_variant_get_int64 (parameter));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* F5: the results as slides, full screen, on the projector when there is one. */
static void
present_action_cb (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  GsWindow *self = user_data;
  GsPresentation *presentation = gs_presentation_new (GTK_WINDOW (self), self->analysis);

  gs_presentation_start (presentation, gs_presentation_pick_monitor (GTK_WINDOW (self)));
}

/* The keyboard shortcuts window, built the first time it is asked for rather than with every
 * window (GTK builds gtk/help-overlay.ui at once: a few milliseconds of every start-up).
 * Setting it makes GTK's own show-help-overlay action, which takes over from this one. */
static void
show_help_overlay_action_cb (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  GsWindow *self = user_data;
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/org/groundswell/Groundswell/gs-shortcuts-window.ui");
  GtkShortcutsWindow *overlay = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));

  gtk_application_window_set_help_overlay (GTK_APPLICATION_WINDOW (self), overlay);
  gtk_window_present (GTK_WINDOW (overlay));
}

/* --- Registering ----------------------------------------------------------------------- */

void
gs_window_add_actions (GsWindow *self)
{
  static const GActionEntry win_actions[] = {
    { "new-assessment", new_assessment_action_cb },
    { "load-demo", load_demo_action_cb },
    { "show-assessments", show_assessments_action_cb },
    { "undo", undo_action_cb },
    { "present", present_action_cb },
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
    { "show-help-overlay", show_help_overlay_action_cb },
  };

  g_action_map_add_action_entries (G_ACTION_MAP (self), win_actions, G_N_ELEMENTS (win_actions), self);
  gs_window_add_export_actions (self);
  gs_window_add_survey_actions (self);
  gs_window_add_send_actions (self);
}
