/* gs-map-editor.c — the polarity maps, with their texts editable in a side pane
 *
 * A dropdown picks the whole Table 1 map or one of its rows; the map is drawn beside a
 * pane that lists every text of that map (purpose, fear, both poles, upsides, downsides,
 * action steps, early warnings) as an entry. Applying an entry saves the edit for this
 * assessment only; the button beside an edited text restores the paper's wording, which
 * is stored as "no edit" rather than as a copy, so a later instrument's wording shows
 * through. The pane is an AdwFlap: beside the map on a wide window, over it on a narrow one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gs-map-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "charts/gs-polarity-chart.h"
#include "gs-accessible.h"
#include "gs-dialogs.h"
#include "gs-map-editor.h"

struct _GsMapEditor
{
  GtkBox          parent_instance;

  GsStore        *store;
  GsAnalysis     *analysis;
  GHashTable     *entries;      /* text key → GtkEditable*, for the map shown */
  GHashTable     *restore_buttons; /* text key → the button that restores the default wording */
  GHashTable     *paper_texts;  /* text key → the default wording: Table 1's words for poles (not owned) */

  GtkDropDown    *map_dropdown;
  AdwFlap        *flap;
  GsChartView    *chart;
  GtkListBox     *text_list;
  GtkLabel       *hint;
};

G_DEFINE_FINAL_TYPE (GsMapEditor, gs_map_editor, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_EDITING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_TEXTS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The lists of one pole, in the order the pane shows them. */
static const char *pole_lists[] = { "upsides", "downsides", "action_steps", "early_warnings" };

/* "Programmatic approach: upside 2"; one literal per list, so the formats are checked. */
static char *
list_entry_title (guint       list,
                  const char *pole_label,
                  guint       number)
{
  switch (list)
    {
    case 0:
      return g_strdup_printf (_("%s: upside %u"), pole_label, number);
    case 1:
      return g_strdup_printf (_("%s: downside %u"), pole_label, number);
    case 2:
      return g_strdup_printf (_("%s: action step %u"), pole_label, number);
    default:
      return g_strdup_printf (_("%s: early warning %u"), pole_label, number);
    }
}

static GPtrArray *
pole_list (const GsPoleContent *content,
           guint                list)
{
  GPtrArray *lists[] = { content->statements[GS_SIDE_UPSIDE], content->statements[GS_SIDE_DOWNSIDE],
                         content->action_steps, content->early_warnings };

  return lists[list];
}

/* -1 for the whole table, else the Table 1 row chosen in the dropdown. */
static int
selected_row (GsMapEditor *self)
{
  guint position = gtk_drop_down_get_selected (self->map_dropdown);

  return position == GTK_INVALID_LIST_POSITION || position == 0 ? GS_POLARITY_WHOLE_TABLE : (int) position - 1;
}

static const char *
current_text (GsMapEditor *self,
              const char  *key)
{
  const char *edited = g_hash_table_lookup (gs_assessment_get_polarity_texts (gs_analysis_get_assessment (self->analysis)), key);

  return edited != NULL ? edited : g_hash_table_lookup (self->paper_texts, key);
}

static void
show_text (GsMapEditor *self,
           const char  *key)
{
  GtkEditable *entry = g_hash_table_lookup (self->entries, key);
  GtkWidget *restore = g_hash_table_lookup (self->restore_buttons, key);

  gtk_editable_set_text (GTK_EDITABLE (entry), current_text (self, key));
  gtk_widget_set_visible (restore, g_hash_table_contains (gs_assessment_get_polarity_texts (gs_analysis_get_assessment (self->analysis)), key));
}

/* Saves an edit (or, with %NULL, its removal), then redraws every chart that shows it. */
static void
save_text (GsMapEditor *self,
           const char  *key,
           const char  *text)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (text, g_hash_table_lookup (self->paper_texts, key)) == 0)
    text = NULL;
  if (!gs_store_set_polarity_text (self->store, gs_analysis_get_assessment_id (self->analysis), key, text, &error))
    {
      gs_show_error (GTK_WIDGET (self), _("Could Not Save the Text"), error);
      show_text (self, key);
      return;
    }
  gs_analysis_set_polarity_text (self->analysis, key, text);  /* every map redraws */
  show_text (self, key);
  g_signal_emit (self, signals[SIGNAL_TEXTS_CHANGED], 0);
}

/* The key of the text @entry edits, or NULL. */
static const char *
key_of (GsMapEditor *self,
        GtkEditable *entry)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, self->entries);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (value == entry)
      return key;
  return NULL;  /* an entry of a map no longer shown, losing the focus as it goes */
}

/* Enter, or leaving the text, saves it, as an evidence note is saved. */
static void
entry_applied_cb (GtkEditable *entry,
                  GsMapEditor *self)
{
  const char *key = key_of (self, entry);
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  if (key == NULL || g_strcmp0 (text, current_text (self, key)) == 0)
    return;
  if (*text == '\0')
    {
      /* An empty box on the map says nothing; emptying a text means "back to the paper". */
      save_text (self, key, NULL);
      return;
    }
  save_text (self, key, text);
}

static void
entry_left_cb (GtkEditable *entry)
{
  GsMapEditor *self = GS_MAP_EDITOR (gtk_widget_get_ancestor (GTK_WIDGET (entry), GS_TYPE_MAP_EDITOR));

  if (self != NULL && self->analysis != NULL)
    entry_applied_cb (entry, self);
}

/* map.restore-text (s): the arrow beside an edited text, aimed at it by key. */
static void
restore_text_action_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  save_text (GS_MAP_EDITOR (widget), g_variant_get_string (parameter, NULL), NULL);
}

static void
add_entry (GsMapEditor *self,
           const char  *key,
           const char  *title,
           const char  *paper_text)
{
  GtkEditable *entry;
  GtkWidget *row = gs_field_row_new (title, &entry);
  GtkWidget *restore = gtk_button_new_from_icon_name ("edit-undo-symbolic");
  GtkEventController *focus = gtk_event_controller_focus_new ();
  char *owned_key = g_strdup (key);

  g_hash_table_insert (self->paper_texts, owned_key, (gpointer) paper_text);
  g_hash_table_insert (self->entries, owned_key, entry);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), FALSE);
  g_signal_connect (entry, "activate", G_CALLBACK (entry_applied_cb), self);
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (entry_left_cb), entry);
  gtk_widget_add_controller (GTK_WIDGET (entry), focus);

  gtk_widget_set_valign (restore, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (restore, "flat");
  gtk_widget_set_tooltip_text (restore, _("Restore the Default Wording"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (restore), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Restore the Default Wording"), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (restore), "map.restore-text");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (restore), g_variant_new_string (key));
  g_hash_table_insert (self->restore_buttons, owned_key, restore);
  gs_form_field_add_suffix (entry, restore);

  gtk_list_box_append (self->text_list, row);
  show_text (self, key);
}

static void
add_row_entries (GsMapEditor         *self,
                 const GsPolarity    *polarity,
                 const GsPolarityRow *row)
{
  for (GsPole pole = 0; pole < GS_N_POLES; pole++)
    {
      const GsPoleContent *content = &row->poles[pole];
      g_autofree char *pole_key = gs_polarity_text_key (row, pole, "pole", 0);
      g_autofree char *pole_title = g_strdup_printf (_("%s: pole"), polarity->labels[pole]);

      add_entry (self, pole_key, pole_title, content->pole);
      for (guint list = 0; list < G_N_ELEMENTS (pole_lists); list++)
        {
          GPtrArray *texts = pole_list (content, list);

          for (guint i = 0; i < texts->len; i++)
            {
              const GsSourcedText *text = g_ptr_array_index (texts, i);
              g_autofree char *key = gs_polarity_text_key (row, pole, pole_lists[list], i);
              g_autofree char *title = list_entry_title (list, polarity->labels[pole], i + 1);

              add_entry (self, key, title, text->text);
            }
        }
    }
}

/* Fills the pane with the texts of the map shown. */
static void
rebuild_entries (GsMapEditor *self)
{
  GtkWidget *child;
  const GsPolarity *polarity;
  int row = selected_row (self);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->text_list))) != NULL)
    gtk_list_box_remove (self->text_list, child);
  g_hash_table_remove_all (self->entries);
  g_hash_table_remove_all (self->restore_buttons);
  g_hash_table_remove_all (self->paper_texts);  /* owns the keys: last */
  if (self->analysis == NULL)
    return;

  gtk_label_set_label (self->hint, row == GS_POLARITY_WHOLE_TABLE
                       ? _("Choose a row of Table 1 to edit its poles, upsides, downsides, action steps and early warnings.")
                       : _("Press Enter or the tick to save a text. Edits belong to this assessment; "
                           "the arrow beside an edited text restores the default wording."));
  polarity = gs_instrument_get_polarity (gs_analysis_get_instrument (self->analysis));
  add_entry (self, "greater_purpose", _("Greater purpose"), polarity->greater_purpose.text);
  add_entry (self, "deeper_fear", _("Deeper fear"), polarity->deeper_fear.text);
  if (row != GS_POLARITY_WHOLE_TABLE)
    add_row_entries (self, polarity, g_ptr_array_index (polarity->rows, row));
}

static void
map_selected_cb (GsMapEditor *self)
{
  int row = selected_row (self);
  g_autofree char *name = row == GS_POLARITY_WHOLE_TABLE ? g_strdup ("polarity") : g_strdup_printf ("polarity-%d", row + 1);

  gs_chart_view_set_chart_name (self->chart, name);
  rebuild_entries (self);
}

static void
fill_map_dropdown (GsMapEditor *self)
{
  const GsPolarity *polarity = gs_instrument_get_polarity (gs_analysis_get_instrument (self->analysis));
  g_autoptr(GtkStringList) maps = gtk_string_list_new (NULL);

  gtk_string_list_append (maps, _("The whole of Table 1"));
  for (guint i = 0; i < polarity->rows->len; i++)
    {
      const GsPolarityRow *row = g_ptr_array_index (polarity->rows, i);
      g_autofree char *title = g_strdup_printf (_("Row %u: %s"), i + 1, row->poles[GS_POLE_LEFT].pole);

      gtk_string_list_append (maps, title);
    }
  gtk_drop_down_set_model (self->map_dropdown, G_LIST_MODEL (maps));
}

static void
gs_map_editor_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  GsMapEditor *self = GS_MAP_EDITOR (object);

  switch (prop_id)
    {
    case PROP_EDITING:
      g_value_set_boolean (value, adw_flap_get_reveal_flap (self->flap));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gs_map_editor_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  GsMapEditor *self = GS_MAP_EDITOR (object);

  switch (prop_id)
    {
    case PROP_EDITING:
      adw_flap_set_reveal_flap (self->flap, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
reveal_flap_changed_cb (GsMapEditor *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITING]);
}

static void
gs_map_editor_dispose (GObject *object)
{
  GsMapEditor *self = GS_MAP_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), GS_TYPE_MAP_EDITOR);
  g_clear_object (&self->store);
  g_clear_object (&self->analysis);
  g_clear_pointer (&self->entries, g_hash_table_unref);
  g_clear_pointer (&self->restore_buttons, g_hash_table_unref);
  g_clear_pointer (&self->paper_texts, g_hash_table_unref);
  G_OBJECT_CLASS (gs_map_editor_parent_class)->dispose (object);
}

static void
gs_map_editor_class_init (GsMapEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = gs_map_editor_get_property;
  object_class->set_property = gs_map_editor_set_property;
  object_class->dispose = gs_map_editor_dispose;

  /**
   * GsMapEditor:editing:
   *
   * Whether the pane of texts is shown; the "map.edit-texts" action (the "Edit Texts"
   * button, Alt+E) toggles it.
   */
  properties[PROP_EDITING] =
    g_param_spec_boolean ("editing", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  gtk_widget_class_install_property_action (widget_class, "map.edit-texts", "editing");

  g_type_ensure (GS_TYPE_CHART_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/gs-map-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, GsMapEditor, map_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GsMapEditor, flap);
  gtk_widget_class_bind_template_child (widget_class, GsMapEditor, chart);
  gtk_widget_class_bind_template_child (widget_class, GsMapEditor, text_list);
  gtk_widget_class_bind_template_child (widget_class, GsMapEditor, hint);
  gtk_widget_class_install_action (widget_class, "map.restore-text", "s", restore_text_action_cb);
  gtk_widget_class_bind_template_callback (widget_class, map_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, reveal_flap_changed_cb);

  /**
   * GsMapEditor::texts-changed:
   *
   * A text was edited or restored; the other charts that show it should be redrawn.
   */
  signals[SIGNAL_TEXTS_CHANGED] =
    g_signal_new ("texts-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
gs_map_editor_init (GsMapEditor *self)
{
  self->entries = g_hash_table_new (g_str_hash, g_str_equal);
  self->restore_buttons = g_hash_table_new (g_str_hash, g_str_equal);
  self->paper_texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
  gs_drop_down_use_ellipsized_items (self->map_dropdown);
  gs_accessible_name_drop_down (self->map_dropdown, _("Map shown"));
}

GtkWidget *
gs_map_editor_new (void)
{
  return g_object_new (GS_TYPE_MAP_EDITOR, NULL);
}

/**
 * gs_map_editor_set_analysis:
 * @store: (nullable): where edits are saved
 * @analysis: (nullable): the assessment whose maps to show
 */
void
gs_map_editor_set_analysis (GsMapEditor *self,
                            GsStore     *store,
                            GsAnalysis  *analysis)
{
  g_return_if_fail (GS_IS_MAP_EDITOR (self));

  g_set_object (&self->store, store);
  g_set_object (&self->analysis, analysis);
  gs_chart_view_set_analysis (self->chart, analysis);
  if (analysis != NULL && gtk_drop_down_get_model (self->map_dropdown) == NULL)
    fill_map_dropdown (self);
  rebuild_entries (self);
}

/* Whether the texts can be edited: not in a read-only database, nor while the day's check
 * runs. The texts stay readable, in the list and on the map. */
void
gs_map_editor_set_editable (GsMapEditor *self,
                            gboolean     editable)
{
  g_return_if_fail (GS_IS_MAP_EDITOR (self));
  gtk_widget_set_sensitive (GTK_WIDGET (self->text_list), editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "map.restore-text", editable);
}

GsChartView *
gs_map_editor_get_chart_view (GsMapEditor *self)
{
  g_return_val_if_fail (GS_IS_MAP_EDITOR (self), NULL);
  return self->chart;
}

/* Shows the whole table (%GS_POLARITY_WHOLE_TABLE) or a row of Table 1 (0 …). */
void
gs_map_editor_show_row (GsMapEditor *self,
                        int          row)
{
  g_return_if_fail (GS_IS_MAP_EDITOR (self));
  gtk_drop_down_set_selected (self->map_dropdown, row == GS_POLARITY_WHOLE_TABLE ? 0 : (guint) row + 1);
}

/**
 * gs_map_editor_get_entry:
 *
 * Returns: (transfer none) (nullable): the entry of the text with @key on the map shown
 */
GtkEditable *
gs_map_editor_get_entry (GsMapEditor *self,
                         const char  *key)
{
  g_return_val_if_fail (GS_IS_MAP_EDITOR (self), NULL);
  return g_hash_table_lookup (self->entries, key);
}

/**
 * gs_map_editor_get_restore_button:
 *
 * Returns: (transfer none) (nullable): the button beside the text with @key that restores
 *   the default wording (shown only while the text is edited)
 */
GtkWidget *
gs_map_editor_get_restore_button (GsMapEditor *self,
                                  const char  *key)
{
  g_return_val_if_fail (GS_IS_MAP_EDITOR (self), NULL);
  return g_hash_table_lookup (self->restore_buttons, key);
}
