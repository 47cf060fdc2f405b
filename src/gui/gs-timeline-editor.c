/* gs-timeline-editor.c — the organisation's movement timeline: the chart and its events
 *
 * The events are listed beside the chart (an AdwFlap, folding over the chart when the
 * window is narrow), each with Edit and Delete. Adding and editing use one dialog whose
 * Save stays off until every field reads right; the first problem is said in words under
 * the heading, and the field at fault is marked. Deleting goes through the window's
 * "win.delete-event" action, which offers Undo in a toast. Events belong to the
 * organisation, so every assessment of it shows the same timeline.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gs-timeline-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "gs-date-field.h"
#include "gs-dialogs.h"
#include "gs-timeline-editor.h"

struct _GsTimelineEditor
{
  GtkBox          parent_instance;

  GsStore        *store;
  GsAnalysis     *analysis;
  GHashTable     *rows;             /* event uuid → its AdwActionRow in the list */

  GsChartView    *chart;
  GtkListBox     *event_list;
  GtkLabel       *empty_label;
};

G_DEFINE_FINAL_TYPE (GsTimelineEditor, gs_timeline_editor, GTK_TYPE_BOX)

enum {
  SIGNAL_EVENTS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* In the order of GsEventKind. */
static const char *kind_names[GS_N_EVENT_KINDS] = {
  N_("Trigger"), N_("Milestone"), N_("Setback"), N_("Coalition formed"), N_("Measurement"),
};

/* "7 March 2026 · Milestone · Stage 2 · 12 % of staff taking part" */
static char *
describe_event (const GsTimelineEvent *event)
{
  g_autofree char *date = gs_format_date (event->date);
  GString *text = g_string_new (date);

  g_string_append_printf (text, " · %s", _(kind_names[event->kind]));
  if (event->stage > 0)
    g_string_append_printf (text, _(" · stage %d"), event->stage);
  if (!isnan (event->participation))
    g_string_append_printf (text, _(" · %g %% of staff taking part"), event->participation);
  if (event->change_agents >= 0)
    g_string_append_printf (text, _(" · %d change agents"), event->change_agents);
  return g_string_free (text, FALSE);
}

/* ---- The event dialog ---------------------------------------------------------------- */

typedef struct {
  GsTimelineEditor *editor;
  char             *uuid;       /* the event edited, or NULL when adding */
} EventDialog;

static void
event_dialog_free (EventDialog *dialog)
{
  g_object_unref (dialog->editor);
  g_free (dialog->uuid);
  g_free (dialog);
}

static const char *
field_text (AdwMessageDialog *dialog,
            const char       *key)
{
  return gtk_editable_get_text (gs_form_dialog_get_field (dialog, key));
}

/* An optional number: empty is "not given". */
static gboolean
read_participation (const char *text,
                    double     *value)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  char *end = NULL;

  if (g_str_has_suffix (copy, "%"))
    copy[strlen (copy) - 1] = '\0';
  g_strstrip (copy);
  if (*copy == '\0')
    {
      *value = NAN;
      return TRUE;
    }
  *value = g_ascii_strtod (copy, &end);
  return end != copy && *end == '\0' && *value >= 0 && *value <= 100;
}

static gboolean
read_change_agents (const char *text,
                    int        *value)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  guint64 number;

  if (*copy == '\0')
    {
      *value = -1;
      return TRUE;
    }
  if (!g_ascii_string_to_unsigned (copy, 10, 0, G_MAXINT, &number, NULL))
    return FALSE;
  *value = (int) number;
  return TRUE;
}

static void
mark_field (AdwMessageDialog *dialog,
            const char       *key,
            gboolean          wrong)
{
  GtkWidget *row = GTK_WIDGET (gs_form_dialog_get_field (dialog, key));

  if (wrong)
    gtk_widget_add_css_class (row, "error");
  else
    gtk_widget_remove_css_class (row, "error");
}

/* Reads the form into @event (strings borrowed from the form); returns the first problem in
 * words, or %NULL when the event can be saved. */
static const char *
read_event_form (AdwMessageDialog *dialog,
                 GsTimelineEvent  *event)
{
  const char *problem = NULL;
  gboolean date_ok, title_ok, share_ok, agents_ok;
  g_autofree char *title = g_strstrip (g_strdup (field_text (dialog, "title")));

  event->date = (char *) gs_date_field_get_date (gs_form_dialog_get_field (dialog, "date"));
  event->title = (char *) field_text (dialog, "title");
  event->note = (char *) field_text (dialog, "note");
  event->kind = adw_combo_row_get_selected (ADW_COMBO_ROW (g_object_get_data (G_OBJECT (dialog), "kind")));
  event->stage = (int) adw_combo_row_get_selected (ADW_COMBO_ROW (g_object_get_data (G_OBJECT (dialog), "stage")));
  date_ok = event->date != NULL;
  title_ok = *title != '\0';
  share_ok = read_participation (field_text (dialog, "participation"), &event->participation);
  agents_ok = read_change_agents (field_text (dialog, "change-agents"), &event->change_agents);

  if (!agents_ok)
    problem = _("Change agents is a whole number, such as 12, or empty.");
  if (!share_ok)
    problem = _("Staff taking part is a percentage from 0 to 100, such as 12.5, or empty.");
  if (!title_ok)
    problem = _("Say in a few words what happened.");
  if (!date_ok)
    problem = gs_date_field_problem ();
  mark_field (dialog, "date", !date_ok && *field_text (dialog, "date") != '\0');
  mark_field (dialog, "participation", !share_ok);
  mark_field (dialog, "change-agents", !agents_ok);
  return problem;
}

static void
event_form_changed_cb (AdwMessageDialog *dialog)
{
  GsTimelineEvent event = { 0 };
  const char *problem = read_event_form (dialog, &event);

  adw_message_dialog_set_body (dialog, problem != NULL ? problem : _("Ready to save."));
  adw_message_dialog_set_response_enabled (dialog, "save", problem == NULL);
}

static gboolean
save_event (EventDialog      *state,
            AdwMessageDialog *dialog,
            GError          **error)
{
  GsTimelineEvent event = { 0 };
  g_autofree char *uuid = state->uuid != NULL ? g_strdup (state->uuid) : g_uuid_string_random ();

  if (read_event_form (dialog, &event) != NULL)
    return TRUE;  /* Save is off while the form is wrong; Enter must not get round it */
  event.uuid = uuid;
  if (state->uuid == NULL)
    return gs_store_add_event (state->editor->store, gs_analysis_get_organisation_id (state->editor->analysis), &event, error) != 0;
  return gs_store_update_event (state->editor->store, gs_store_find_event (state->editor->store, uuid), &event, error);
}

static void
event_dialog_response_cb (AdwMessageDialog *dialog,
                          const char       *response,
                          EventDialog      *state)
{
  g_autoptr(GError) error = NULL;

  if (g_str_equal (response, "save") && state->editor->store != NULL)
    {
      if (!save_event (state, dialog, &error))
        gs_show_error (GTK_WIDGET (state->editor), _("Could Not Save the Event"), error);
      else
        g_signal_emit (state->editor, signals[SIGNAL_EVENTS_CHANGED], 0);
    }
}

static GtkWidget *
combo_row (const char  *title,
           const char **labels,
           guint        n_labels,
           guint        selected)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);

  for (guint i = 0; i < n_labels; i++)
    gtk_string_list_append (model, labels[i]);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  return row;
}

/* Kind and stage are choices, not text: two combo rows after the entries. */
static void
add_choice_rows (GsTimelineEditor      *self,
                 AdwMessageDialog      *dialog,
                 const GsTimelineEvent *event)
{
  GtkListBox *list = GTK_LIST_BOX (adw_message_dialog_get_extra_child (dialog));
  GPtrArray *stages = gs_instrument_get_stages (gs_analysis_get_instrument (self->analysis));
  const char *kinds[GS_N_EVENT_KINDS], *stage_names[4] = { _("Not given") };
  GtkWidget *kind, *stage;
  guint n_stages = 1;

  for (guint k = 0; k < GS_N_EVENT_KINDS; k++)
    kinds[k] = _(kind_names[k]);
  for (guint s = 0; s < stages->len && n_stages < G_N_ELEMENTS (stage_names); s++)
    stage_names[n_stages++] = ((GsStage *) g_ptr_array_index (stages, s))->name;
  kind = combo_row (_("Kind"), kinds, GS_N_EVENT_KINDS, event != NULL ? event->kind : GS_EVENT_MILESTONE);
  stage = combo_row (_("Stage of the movement"), stage_names, n_stages,
                     event != NULL && event->stage > 0 && (guint) event->stage < n_stages ? (guint) event->stage : 0);
  gtk_list_box_insert (list, kind, 2);
  gtk_list_box_insert (list, stage, 3);
  g_object_set_data (G_OBJECT (dialog), "kind", kind);
  g_object_set_data (G_OBJECT (dialog), "stage", stage);
}

static void
fill_event_form (AdwMessageDialog      *dialog,
                 const GsTimelineEvent *event)
{
  g_autofree char *share = NULL, *agents = NULL;
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  if (event == NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

      gtk_editable_set_text (gs_form_dialog_get_field (dialog, "date"), today);
      return;
    }
  if (!isnan (event->participation))
    share = g_strdup (g_ascii_dtostr (number, sizeof number, event->participation));
  if (event->change_agents >= 0)
    agents = g_strdup_printf ("%d", event->change_agents);
  gtk_editable_set_text (gs_form_dialog_get_field (dialog, "date"), event->date);
  gtk_editable_set_text (gs_form_dialog_get_field (dialog, "title"), event->title);
  gtk_editable_set_text (gs_form_dialog_get_field (dialog, "participation"), share != NULL ? share : "");
  gtk_editable_set_text (gs_form_dialog_get_field (dialog, "change-agents"), agents != NULL ? agents : "");
  gtk_editable_set_text (gs_form_dialog_get_field (dialog, "note"), event->note != NULL ? event->note : "");
}

static const char *form_keys[] = { "date", "title", "participation", "change-agents", "note" };

/* Opens the dialog to add an event (@event %NULL) or to edit @event. */
static void
open_event_dialog (GsTimelineEditor      *self,
                   const GsTimelineEvent *event)
{
  EventDialog *state = g_new0 (EventDialog, 1);
  AdwMessageDialog *dialog =
    gs_form_dialog_new (GTK_WIDGET (self), event == NULL ? _("Add an Event") : _("Edit the Event"), NULL,
                        "save", _("_Save"),
                        "date", _("Date"), "title", _("What happened"),
                        "participation", _("Staff taking part, % (optional)"),
                        "change-agents", _("Active change agents (optional)"), "note", _("Note (optional)"), NULL);

  state->editor = g_object_ref (self);
  state->uuid = event != NULL ? g_strdup (event->uuid) : NULL;
  add_choice_rows (self, dialog, event);
  fill_event_form (dialog, event);
  for (guint i = 0; i < G_N_ELEMENTS (form_keys); i++)
    g_signal_connect_swapped (gs_form_dialog_get_field (dialog, form_keys[i]), "changed",
                              G_CALLBACK (event_form_changed_cb), dialog);
  event_form_changed_cb (dialog);
  g_signal_connect_data (dialog, "response", G_CALLBACK (event_dialog_response_cb), state,
                         (GClosureNotify) event_dialog_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- The list of events ------------------------------------------------------------------ */

static const GsTimelineEvent *
find_event (GsTimelineEditor *self,
            const char       *uuid)
{
  GPtrArray *events = self->analysis != NULL ? gs_assessment_get_events (gs_analysis_get_assessment (self->analysis)) : NULL;

  for (guint i = 0; events != NULL && i < events->len; i++)
    {
      const GsTimelineEvent *event = g_ptr_array_index (events, i);

      if (g_str_equal (event->uuid, uuid))
        return event;
    }
  return NULL;
}

/* timeline.edit-event (s): a row's Edit button, aimed at its event by uuid. */
static void
edit_event_action_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  GsTimelineEditor *self = GS_TIMELINE_EDITOR (widget);
  const GsTimelineEvent *event = find_event (self, g_variant_get_string (parameter, NULL));

  if (event != NULL)
    open_event_dialog (self, event);
}

static GtkWidget *
row_button (const char *icon,
            const char *label)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  return button;
}

static GtkWidget *
event_row (GsTimelineEditor      *self,
           const GsTimelineEvent *event)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *edit = row_button ("document-edit-symbolic", _("Edit the Event"));
  GtkWidget *delete = row_button ("user-trash-symbolic", _("Delete the Event"));
  g_autofree char *subtitle = describe_event (event);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), event->title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (edit), "timeline.edit-event");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (edit), g_variant_new_string (event->uuid));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (delete), "win.delete-event");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (delete),
                                          g_variant_new_int64 (gs_store_find_event (self->store, event->uuid)));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), edit);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), delete);
  g_hash_table_insert (self->rows, g_strdup (event->uuid), row);
  return row;
}

static void
rebuild_event_list (GsTimelineEditor *self)
{
  GPtrArray *events = self->analysis != NULL ? gs_assessment_get_events (gs_analysis_get_assessment (self->analysis)) : NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->event_list))) != NULL)
    gtk_list_box_remove (self->event_list, child);
  g_hash_table_remove_all (self->rows);
  for (guint i = 0; events != NULL && i < events->len; i++)
    gtk_list_box_append (self->event_list, event_row (self, g_ptr_array_index (events, i)));
  gtk_widget_set_visible (GTK_WIDGET (self->empty_label), events == NULL || events->len == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->event_list), events != NULL && events->len > 0);
}

static void
add_event_cb (GsTimelineEditor *self)
{
  if (self->analysis != NULL)
    open_event_dialog (self, NULL);
}

static void
add_event_action_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  add_event_cb (GS_TIMELINE_EDITOR (widget));
}

static void
gs_timeline_editor_dispose (GObject *object)
{
  GsTimelineEditor *self = GS_TIMELINE_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), GS_TYPE_TIMELINE_EDITOR);
  g_clear_pointer (&self->rows, g_hash_table_unref);
  g_clear_object (&self->store);
  g_clear_object (&self->analysis);
  G_OBJECT_CLASS (gs_timeline_editor_parent_class)->dispose (object);
}

static void
gs_timeline_editor_class_init (GsTimelineEditorClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = gs_timeline_editor_dispose;
  g_type_ensure (GS_TYPE_CHART_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/gs-timeline-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, GsTimelineEditor, chart);
  gtk_widget_class_bind_template_child (widget_class, GsTimelineEditor, event_list);
  gtk_widget_class_bind_template_child (widget_class, GsTimelineEditor, empty_label);

  /**
   * GsTimelineEditor::events-changed:
   *
   * An event was added or edited and saved; the window reloads the assessment.
   */
  gtk_widget_class_install_action (widget_class, "timeline.add-event", NULL, add_event_action_cb);
  gtk_widget_class_install_action (widget_class, "timeline.edit-event", "s", edit_event_action_cb);
  signals[SIGNAL_EVENTS_CHANGED] =
    g_signal_new ("events-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
gs_timeline_editor_init (GsTimelineEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  /* The chart names the stages: say where they come from. */
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->chart), gs_instrument_stages_origin ());
}

GtkWidget *
gs_timeline_editor_new (void)
{
  return g_object_new (GS_TYPE_TIMELINE_EDITOR, NULL);
}

/**
 * gs_timeline_editor_set_analysis:
 * @store: (nullable): where events are saved
 * @analysis: (nullable): the assessment whose organisation's timeline to show
 */
void
gs_timeline_editor_set_analysis (GsTimelineEditor *self,
                                 GsStore          *store,
                                 GsAnalysis       *analysis)
{
  g_return_if_fail (GS_IS_TIMELINE_EDITOR (self));

  g_set_object (&self->store, store);
  g_set_object (&self->analysis, analysis);
  gs_chart_view_set_analysis (self->chart, analysis);
  rebuild_event_list (self);
}

GsChartView *
gs_timeline_editor_get_chart_view (GsTimelineEditor *self)
{
  g_return_val_if_fail (GS_IS_TIMELINE_EDITOR (self), NULL);
  return self->chart;
}

/* Whether events can be added and edited: not in a read-only database, nor while the
 * day's check runs. Deleting is the window's action, enabled with its other changes. */
void
gs_timeline_editor_set_editable (GsTimelineEditor *self,
                                 gboolean          editable)
{
  g_return_if_fail (GS_IS_TIMELINE_EDITOR (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.add-event", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.edit-event", editable);
}

/* Opens the dialog to add an event, as the Add Event button does. */
void
gs_timeline_editor_add_event (GsTimelineEditor *self)
{
  g_return_if_fail (GS_IS_TIMELINE_EDITOR (self));
  add_event_cb (self);
}

/**
 * gs_timeline_editor_get_row:
 *
 * Returns: (transfer none) (nullable): the list row of the event with @uuid
 */
AdwActionRow *
gs_timeline_editor_get_row (GsTimelineEditor *self,
                            const char       *uuid)
{
  g_return_val_if_fail (GS_IS_TIMELINE_EDITOR (self), NULL);

  return g_hash_table_lookup (self->rows, uuid);
}

/* Opens the dialog to edit the event with @uuid, as its Edit button does. */
void
gs_timeline_editor_edit_event (GsTimelineEditor *self,
                               const char       *uuid)
{
  const GsTimelineEvent *event;

  g_return_if_fail (GS_IS_TIMELINE_EDITOR (self));
  if ((event = find_event (self, uuid)) != NULL)
    open_event_dialog (self, event);
}
