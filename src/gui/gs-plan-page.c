/* gs-plan-page.c — the Plan tab: from diagnosis to commitments
 *
 * Three groups, top to bottom:
 * - Where to act: the areas the results say need it most (gs-plan-areas.c), each opening on
 *   its suggestions and its map's action steps or early warnings; one click makes one an
 *   action ("Add as Action") or a signal to watch ("Watch for This").
 * - Actions: what will be done, who owns it, by when, its status and a note, each edited in
 *   place; an action that is done can be placed on the timeline as a milestone.
 * - Signals to watch: early warnings adopted, with how each will be noticed.
 * Every change is saved as it is made (gs_store_save_plan); a deletion offers Undo in a
 * toast. Adding or deleting rebuilds the groups; typing does not, so focus stays put.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gs-plan-page"

#include "config.h"

#include <glib/gi18n.h>

#include "gs-accessible.h"
#include "gs-dialogs.h"
#include "gs-plan-page.h"
#include "report/gs-plan-areas.h"

struct _GsPlanPage
{
  GtkBox           parent_instance;

  GsStore         *store;
  GsAnalysis      *analysis;
  gboolean         editable;
  GPtrArray       *areas;           /* of GsPlanArea*, ranked */
  AdwToastOverlay *toasts;
  GtkWidget       *content;         /* the AdwPreferencesPage shown, rebuilt when rows come and go */
  const char      *expand;          /* the UUID of an action to open when rebuilt (just added) */

  guint            rebuild_source;  /* a rebuild waiting for the click that asked for it to end */

  /* The last deletion, for Undo. */
  GsAction        *deleted_action;
  GsSignal        *deleted_signal;
  guint            deleted_index;
};

G_DEFINE_FINAL_TYPE (GsPlanPage, gs_plan_page, GTK_TYPE_BOX)

enum { EVENTS_CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void rebuild (GsPlanPage *self);
static void rebuild_soon (GsPlanPage *self);

static GsAssessment *
assessment_of (GsPlanPage *self)
{
  return gs_analysis_get_assessment (self->analysis);
}

static gboolean
save (GsPlanPage *self)
{
  g_autoptr(GError) error = NULL;

  if (gs_store_save_plan (self->store, gs_analysis_get_assessment_id (self->analysis),
                          gs_assessment_get_actions (assessment_of (self)), gs_assessment_get_signals (assessment_of (self)),
                          &error))
    return TRUE;
  gs_show_error (GTK_WIDGET (self), _("Could Not Save the Plan"), error);
  return FALSE;
}

/* The list an expander row opens on would be read as "GtkListBox": it takes the row's name. */
static void
name_inner_lists (GtkWidget  *widget,
                  const char *title)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_BOX (child))
        gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
      name_inner_lists (child, title);
    }
}

/* A row's text is the user's, never markup. An expander row is a list item that GTK 4.8
 * leaves unnamed: it is named by its title, as an action row is. */
static GtkWidget *
plain_row (GType       type,
           const char *title,
           const char *subtitle)
{
  GtkWidget *row = g_object_new (type, "use-markup", FALSE, "title", title, NULL);

  if (subtitle != NULL)
    g_object_set (row, "subtitle", subtitle, NULL);
  if (type == ADW_TYPE_EXPANDER_ROW)
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle != NULL ? subtitle : "", -1);
      name_inner_lists (row, title);
    }
  return row;
}

static GtkWidget *
suffix_button (GtkWidget  *row,
               const char *label,
               GCallback   callback,
               gpointer    data,
               GClosureNotify destroy)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_signal_connect_data (button, "clicked", callback, data, destroy, 0);
  if (ADW_IS_ACTION_ROW (row))
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return button;
}

/* --- Where to act --------------------------------------------------------------------------- */

typedef struct {
  GsPlanPage *page;
  char       *text;
  char       *area;
} Offer;

static void
offer_free (gpointer data,
            GClosure *closure)
{
  Offer *offer = data;

  g_free (offer->text);
  g_free (offer->area);
  g_free (offer);
}

static Offer *
offer_new (GsPlanPage *page,
           const char *text,
           const char *area)
{
  Offer *offer = g_new0 (Offer, 1);

  offer->page = page;
  offer->text = g_strdup (text);
  offer->area = g_strdup (area);
  return offer;
}

static void
add_as_action_cb (GtkButton *button,
                  Offer     *offer)
{
  gs_plan_page_add_action (offer->page, offer->text, offer->area);
}

static void
watch_for_this_cb (GtkButton *button,
                   Offer     *offer)
{
  GsPlanPage *self = offer->page;

  g_ptr_array_add (gs_assessment_get_signals (assessment_of (self)), gs_signal_new (NULL, offer->text, offer->area));
  if (save (self))
    {
      adw_toast_overlay_add_toast (self->toasts, adw_toast_new (_("Added to the signals to watch")));
      rebuild_soon (self);
    }
}

/* Whether an action (or a signal) already says @text: its offer is then shown as taken. */
static gboolean
is_in_plan (GsPlanPage *self,
            const char *text,
            gboolean    signal)
{
  GPtrArray *list = signal ? gs_assessment_get_signals (assessment_of (self)) : gs_assessment_get_actions (assessment_of (self));

  for (guint i = 0; i < list->len; i++)
    if (g_str_equal (signal ? ((GsSignal *) g_ptr_array_index (list, i))->warning
                            : ((GsAction *) g_ptr_array_index (list, i))->what, text))
      return TRUE;
  return FALSE;
}

static void
add_offer (GsPlanPage   *self,
           AdwExpanderRow *expander,
           const char   *text,
           const char   *kind,
           const char   *area,
           gboolean      signal)
{
  GtkWidget *row = plain_row (ADW_TYPE_ACTION_ROW, text, kind);
  gboolean taken = is_in_plan (self, text, signal);
  GtkWidget *button = suffix_button (row, taken ? (signal ? _("Watched") : _("In the Plan"))
                                     : signal ? _("_Watch for This") : _("_Add as Action"),
                                     signal ? G_CALLBACK (watch_for_this_cb) : G_CALLBACK (add_as_action_cb),
                                     offer_new (self, text, area), offer_free);

  gtk_widget_set_sensitive (button, self->editable && !taken);
  adw_expander_row_add_row (expander, row);
}

static char *
area_subtitle (const GsPlanArea *area)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *score = g_strdup_printf ("%.0f/100", area->score);

  if (area->blocker)
    g_string_append_printf (text, "%s · ", _("Blocker"));
  g_string_append (text, score);
  if (area->disagreement)
    g_string_append_printf (text, " · %s", _("views differ"));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static GtkWidget *
where_to_act_group (GsPlanPage *self)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Where to Act"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
    _("Blockers first, then the areas furthest from where they should be, sooner where views differ. "
      "Open one to turn a suggestion or an action step into an action."));
  for (guint i = 0; i < self->areas->len; i++)
    {
      const GsPlanArea *area = g_ptr_array_index (self->areas, i);
      g_autofree char *subtitle = area_subtitle (area);
      GtkWidget *expander = plain_row (ADW_TYPE_EXPANDER_ROW, area->title, subtitle);

      for (guint s = 0; s < area->suggestions->len; s++)
        add_offer (self, ADW_EXPANDER_ROW (expander), ((const GsSuggestion *) g_ptr_array_index (area->suggestions, s))->text->text,
                   _("Suggestion"), area->key, FALSE);
      for (guint s = 0; s < area->steps->len; s++)
        add_offer (self, ADW_EXPANDER_ROW (expander), ((const GsSourcedText *) g_ptr_array_index (area->steps, s))->text,
                   _("Action step on the polarity map"), area->key, FALSE);
      for (guint s = 0; s < area->warnings->len; s++)
        add_offer (self, ADW_EXPANDER_ROW (expander), ((const GsSourcedText *) g_ptr_array_index (area->warnings, s))->text,
                   _("Early warning on the polarity map"), area->key, TRUE);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), expander);
    }
  return group;
}

/* --- Actions -------------------------------------------------------------------------------- */

typedef struct {
  GsPlanPage     *page;
  GsAction       *action;   /* the assessment's; valid until the groups are rebuilt */
  GsSignal       *signal;
  AdwExpanderRow *row;
  GtkWidget      *timeline_button;
} Field;

static void
field_free (gpointer  data,
            GClosure *closure)
{
  g_free (data);
}

static Field *
field_new (GsPlanPage     *page,
           GsAction       *action,
           GsSignal       *signal,
           AdwExpanderRow *row)
{
  Field *field = g_new0 (Field, 1);

  field->page = page;
  field->action = action;
  field->signal = signal;
  field->row = row;
  return field;
}

/* "Director of Nursing · by 31 July 2026 · Under way · Political context" */
static char *
action_subtitle (GsPlanPage     *self,
                 const GsAction *action)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *area = gs_plan_describe_area (gs_analysis_get_instrument (self->analysis), action->area);

  if (action->owner[0] != '\0')
    g_ptr_array_add (parts, g_strdup (action->owner));
  if (action->due[0] != '\0')
    {
      g_autofree char *date = gs_format_date (action->due);

      /* Translators: when an action is due: "by 31 July 2026" */
      g_ptr_array_add (parts, g_strdup_printf (_("by %s"), date));
    }
  g_ptr_array_add (parts, g_strdup (gs_action_status_label (action->status)));
  if (area[0] != '\0')
    g_ptr_array_add (parts, g_steal_pointer (&area));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

static void
refresh_action_row (Field *field)
{
  g_autofree char *subtitle = action_subtitle (field->page, field->action);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (field->row), field->action->what);
  adw_expander_row_set_subtitle (field->row, subtitle);
  gtk_accessible_update_property (GTK_ACCESSIBLE (field->row), GTK_ACCESSIBLE_PROPERTY_LABEL, field->action->what,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle, -1);
  if (field->timeline_button != NULL)
    gtk_widget_set_visible (field->timeline_button, field->action->status == GS_ACTION_DONE);
}

/* Each text field writes its text into the action (or signal) and saves; the due date only
 * when it is a day, or empty. */
static void
text_changed_cb (GtkEditable *editable,
                 Field       *field)
{
  const char *text = gtk_editable_get_text (editable);
  const char *which = g_object_get_data (G_OBJECT (editable), "gs-field");
  char **target = g_str_equal (which, "what") ? &field->action->what :
                  g_str_equal (which, "owner") ? &field->action->owner :
                  g_str_equal (which, "due") ? &field->action->due :
                  g_str_equal (which, "note") ? &field->action->note : &field->signal->how;

  if (g_str_equal (which, "due"))
    {
      /* Shown as wrong while it is not a day; kept only when applied (due_applied_cb). */
      if (text[0] == '\0' || gs_date_is_valid (text))
        gtk_widget_remove_css_class (GTK_WIDGET (editable), "error");
      else
        gtk_widget_add_css_class (GTK_WIDGET (editable), "error");
      return;
    }
  if (g_str_equal (which, "what"))
    {
      g_autofree char *stripped = g_strstrip (g_strdup (text));

      if (stripped[0] == '\0')
        return;  /* an action says what it is; an emptied title is not saved */
    }
  g_free (*target);
  *target = g_strdup (text);
  if (field->action != NULL)
    refresh_action_row (field);
  save (field->page);
}

/* The due date, kept when it is applied (Enter, or the row's apply button) and is a day or
 * empty: a date half typed, or not a day, never replaces the one kept. */
static void
due_applied_cb (AdwEntryRow *row,
                Field       *field)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  if (text[0] != '\0' && !gs_date_is_valid (text))
    return;
  g_free (field->action->due);
  field->action->due = g_strdup (text);
  refresh_action_row (field);
  save (field->page);
}

static GtkWidget *
text_field (Field      *field,
            const char *title,
            const char *which,
            const char *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  gtk_editable_set_editable (GTK_EDITABLE (row), field->page->editable);
  /* Which of the action's texts it edits: a static name, not an id to look up. */
  g_object_set_data (G_OBJECT (row), "gs-field", (gpointer) which);
  g_signal_connect_data (row, "changed", G_CALLBACK (text_changed_cb), field_new (field->page, field->action, field->signal,
                                                                                  field->row), field_free, 0);
  return row;
}

static void
status_changed_cb (AdwComboRow *combo,
                   GParamSpec  *pspec,
                   Field       *field)
{
  GsActionStatus status = adw_combo_row_get_selected (combo);

  if (status >= GS_N_ACTION_STATUSES || status == field->action->status)
    return;
  field->action->status = status;
  refresh_action_row (field);
  save (field->page);
}

static void
delete_cb (GtkButton *button,
           Field     *field)
{
  GsPlanPage *self = field->page;
  GPtrArray *list = field->action != NULL ? gs_assessment_get_actions (assessment_of (self))
                                          : gs_assessment_get_signals (assessment_of (self));
  gpointer item = field->action != NULL ? (gpointer) field->action : (gpointer) field->signal;
  gboolean is_action = field->action != NULL;
  AdwToast *toast;
  guint index;

  if (!g_ptr_array_find (list, item, &index))
    return;
  g_clear_pointer (&self->deleted_action, gs_action_free);
  g_clear_pointer (&self->deleted_signal, gs_signal_free);
  self->deleted_index = index;
  if (is_action)
    self->deleted_action = g_ptr_array_steal_index (list, index);
  else
    self->deleted_signal = g_ptr_array_steal_index (list, index);
  save (self);
  toast = adw_toast_new (is_action ? _("Action deleted") : _("Signal deleted"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "plan.undo");
  adw_toast_overlay_add_toast (self->toasts, toast);
  rebuild_soon (self);
}

static void
undo_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  GsPlanPage *self = GS_PLAN_PAGE (widget);
  GPtrArray *actions = gs_assessment_get_actions (assessment_of (self));
  GPtrArray *signals_list = gs_assessment_get_signals (assessment_of (self));

  if (self->deleted_action != NULL)
    g_ptr_array_insert (actions, (int) MIN (self->deleted_index, actions->len), g_steal_pointer (&self->deleted_action));
  else if (self->deleted_signal != NULL)
    g_ptr_array_insert (signals_list, (int) MIN (self->deleted_index, signals_list->len),
                        g_steal_pointer (&self->deleted_signal));
  else
    return;
  save (self);
  rebuild_soon (self);
}

/* A done action on the organisation's timeline, as a milestone on its due date (or today). */
static void
place_on_timeline_cb (GtkButton *button,
                      Field     *field)
{
  GsPlanPage *self = field->page;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *uuid = g_uuid_string_random ();
  GsTimelineEvent event = {
    .uuid = uuid, .date = field->action->due[0] != '\0' ? field->action->due : today, .kind = GS_EVENT_MILESTONE,
    .title = field->action->what, .note = (char *) "", .participation = NAN, .change_agents = -1,
  };
  g_autoptr(GError) error = NULL;

  if (gs_store_add_event (self->store, gs_analysis_get_organisation_id (self->analysis), &event, &error) == 0)
    {
      gs_show_error (GTK_WIDGET (self), _("Could Not Add the Milestone"), error);
      return;
    }
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (_("Placed on the timeline as a milestone")));
  g_signal_emit (self, signals[EVENTS_CHANGED], 0);
}

static GtkWidget *
action_row (GsPlanPage *self,
            GsAction   *action)
{
  static const char *statuses[GS_N_ACTION_STATUSES + 1];
  GtkWidget *expander = plain_row (ADW_TYPE_EXPANDER_ROW, action->what, NULL);
  Field *field = field_new (self, action, NULL, ADW_EXPANDER_ROW (expander));
  GtkWidget *status = adw_combo_row_new ();
  GtkWidget *buttons = adw_action_row_new ();
  GtkWidget *delete, *due;

  for (guint i = 0; i < GS_N_ACTION_STATUSES; i++)
    statuses[i] = gs_action_status_label (i);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), text_field (field, _("What will be done"), "what", action->what));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), text_field (field, _("Who owns it"), "owner", action->owner));
  due = text_field (field, _("Due by (YYYY-MM-DD)"), "due", action->due);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (due), TRUE);
  g_signal_connect_data (due, "apply", G_CALLBACK (due_applied_cb), field_new (self, action, NULL, ADW_EXPANDER_ROW (expander)),
                         field_free, 0);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), due);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (status), _("Status"));
  adw_combo_row_set_model (ADW_COMBO_ROW (status), G_LIST_MODEL (gtk_string_list_new (statuses)));
  adw_combo_row_set_selected (ADW_COMBO_ROW (status), action->status);
  gtk_widget_set_sensitive (status, self->editable);
  g_signal_connect_data (status, "notify::selected", G_CALLBACK (status_changed_cb), field, NULL, 0);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), status);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), text_field (field, _("Note"), "note", action->note));

  field->timeline_button = suffix_button (buttons, _("_Place on Timeline"), G_CALLBACK (place_on_timeline_cb), field, NULL);
  delete = suffix_button (buttons, _("_Delete Action"), G_CALLBACK (delete_cb), field, field_free);
  gtk_widget_add_css_class (delete, "destructive-action");
  gtk_widget_set_sensitive (field->timeline_button, self->editable);
  gtk_widget_set_sensitive (delete, self->editable);
  /* A row of buttons, not a stop of its own: its buttons take the focus. */
  gtk_widget_set_focusable (buttons, FALSE);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), buttons);
  refresh_action_row (field);
  if (g_strcmp0 (self->expand, action->uuid) == 0)
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), TRUE);
  return expander;
}

static void
add_blank_action_cb (GtkButton  *button,
                     GsPlanPage *self)
{
  gs_plan_page_add_action (self, _("New action"), NULL);
}

static GtkWidget *
actions_group (GsPlanPage *self)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *add = gtk_button_new_with_mnemonic (_("Add _Action"));
  GPtrArray *actions = gs_assessment_get_actions (assessment_of (self));

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Actions"));
  if (actions->len == 0)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                           _("No actions yet: add one from the areas above, or write one."));
  gtk_widget_set_sensitive (add, self->editable);
  g_signal_connect (add, "clicked", G_CALLBACK (add_blank_action_cb), self);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), add);
  for (guint i = 0; i < actions->len; i++)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), action_row (self, g_ptr_array_index (actions, i)));
  return group;
}

/* --- Signals to watch ----------------------------------------------------------------------- */

static GtkWidget *
signal_row (GsPlanPage *self,
            GsSignal   *signal)
{
  g_autofree char *area = gs_plan_describe_area (gs_analysis_get_instrument (self->analysis), signal->area);
  GtkWidget *expander = plain_row (ADW_TYPE_EXPANDER_ROW, signal->warning, area[0] != '\0' ? area : NULL);
  Field *field = field_new (self, NULL, signal, ADW_EXPANDER_ROW (expander));
  GtkWidget *buttons = adw_action_row_new ();
  GtkWidget *delete;

  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), text_field (field, _("How it will be noticed"), "how", signal->how));
  delete = suffix_button (buttons, _("_Stop Watching"), G_CALLBACK (delete_cb), field, field_free);
  gtk_widget_set_sensitive (delete, self->editable);
  gtk_widget_set_focusable (buttons, FALSE);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), buttons);
  return expander;
}

static GtkWidget *
signals_group (GsPlanPage *self)
{
  GtkWidget *group = adw_preferences_group_new ();
  GPtrArray *list = gs_assessment_get_signals (assessment_of (self));

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Signals to Watch"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), list->len == 0
    ? _("None yet: adopt an early warning from the polarity maps above.")
    : _("Early warnings that the plan is tipping too far towards one pole."));
  for (guint i = 0; i < list->len; i++)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), signal_row (self, g_ptr_array_index (list, i)));
  return group;
}

/* --- The page --------------------------------------------------------------------------------- */

static void
rebuild (GsPlanPage *self)
{
  GtkWidget *page = adw_preferences_page_new ();

  g_clear_handle_id (&self->rebuild_source, g_source_remove);
  if (self->analysis != NULL)
    {
      adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (actions_group (self)));
      adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (signals_group (self)));
      adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (where_to_act_group (self)));
    }
  adw_toast_overlay_set_child (self->toasts, page);
  gs_accessible_name_controls (page);  /* built after the window was shown */
  self->content = page;
  self->expand = NULL;
}

static gboolean
rebuild_cb (gpointer data)
{
  GsPlanPage *self = data;

  self->rebuild_source = 0;
  rebuild (self);
  return G_SOURCE_REMOVE;
}

/* After the button that asked has finished its click: a widget is not destroyed in the
 * middle of its own signal. */
static void
rebuild_soon (GsPlanPage *self)
{
  if (self->rebuild_source == 0)
    self->rebuild_source = g_idle_add (rebuild_cb, self);
}

static void
gs_plan_page_dispose (GObject *object)
{
  GsPlanPage *self = GS_PLAN_PAGE (object);

  g_clear_handle_id (&self->rebuild_source, g_source_remove);
  g_clear_object (&self->store);
  g_clear_object (&self->analysis);
  g_clear_pointer (&self->areas, g_ptr_array_unref);
  g_clear_pointer (&self->deleted_action, gs_action_free);
  g_clear_pointer (&self->deleted_signal, gs_signal_free);
  G_OBJECT_CLASS (gs_plan_page_parent_class)->dispose (object);
}

static void
gs_plan_page_class_init (GsPlanPageClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = gs_plan_page_dispose;
  /* A done action was placed on the organisation's timeline: its charts change. */
  signals[EVENTS_CHANGED] = g_signal_new ("events-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                          NULL, G_TYPE_NONE, 0);
  gtk_widget_class_install_action (GTK_WIDGET_CLASS (klass), "plan.undo", NULL, undo_action_cb);
}

static void
gs_plan_page_init (GsPlanPage *self)
{
  self->editable = TRUE;
  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (self->toasts), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self->toasts), TRUE);
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->toasts));
  rebuild (self);
}

GtkWidget *
gs_plan_page_new (void)
{
  return g_object_new (GS_TYPE_PLAN_PAGE, NULL);
}

/**
 * gs_plan_page_set_analysis:
 * @store: (nullable): where the plan is saved
 * @analysis: (nullable): whose plan; its assessment's actions and signals are edited in place
 */
void
gs_plan_page_set_analysis (GsPlanPage *self,
                           GsStore    *store,
                           GsAnalysis *analysis)
{
  g_return_if_fail (GS_IS_PLAN_PAGE (self));

  g_set_object (&self->store, store);
  g_set_object (&self->analysis, analysis);
  g_clear_pointer (&self->areas, g_ptr_array_unref);
  if (analysis != NULL)
    self->areas = gs_plan_areas_rank (gs_analysis_get_results (analysis));
  rebuild (self);
}

void
gs_plan_page_set_editable (GsPlanPage *self,
                           gboolean    editable)
{
  g_return_if_fail (GS_IS_PLAN_PAGE (self));

  if (self->editable == editable)
    return;
  self->editable = editable;
  rebuild (self);
}

/**
 * gs_plan_page_add_action:
 * @area: (nullable): the area it answers
 *
 * Adds an action saying @what, opens it for its owner and date, and saves the plan.
 */
void
gs_plan_page_add_action (GsPlanPage *self,
                         const char *what,
                         const char *area)
{
  GsAction *action;

  g_return_if_fail (GS_IS_PLAN_PAGE (self));
  g_return_if_fail (self->analysis != NULL);

  action = gs_action_new (NULL, what, area);
  g_ptr_array_add (gs_assessment_get_actions (assessment_of (self)), action);
  if (!save (self))
    return;
  self->expand = action->uuid;
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (_("Added to the actions")));
  rebuild_soon (self);
}
