/* gs-respondent-dialog.c — "Who is answering?", the way into answering
 *
 * Asked when answering starts and no one is answering the assessment yet: after New
 * Assessment, and from Answer. A name or a code (left empty: "Anonymous") and a group,
 * typed or chosen from the groups the assessment already has, so that "Front line" is not
 * also entered as "front-line". When the assessment has respondents, the first row offers
 * them too, the last one chosen first.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gs-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "gs-dialogs.h"
#include "gs-respondent-dialog.h"

static AdwComboRow *
answering_as_row (AdwMessageDialog *dialog)
{
  return g_object_get_data (G_OBJECT (dialog), "answering-as");
}

/* "Someone new" is the chooser's last entry; only then are a name and a group asked for. */
static gboolean
someone_new (AdwMessageDialog *dialog)
{
  AdwComboRow *row = answering_as_row (dialog);

  return row == NULL || adw_combo_row_get_selected (row) + 1 == g_list_model_get_n_items (adw_combo_row_get_model (row));
}

static void
answering_as_changed_cb (AdwMessageDialog *dialog)
{
  gboolean asked = someone_new (dialog);

  gs_form_field_set_visible (gs_form_dialog_get_field (dialog, "name"), asked);
  gs_form_field_set_visible (gs_form_dialog_get_field (dialog, "group"), asked);
}

static void
choose_group_cb (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       dialog)
{
  gtk_editable_set_text (gs_form_dialog_get_field (dialog, "group"), g_variant_get_string (parameter, NULL));
}

/* A menu beside the group field with the groups the assessment already has. */
static void
add_group_menu (AdwMessageDialog *dialog,
                GsAssessment     *assessment)
{
  GPtrArray *respondents = gs_assessment_get_respondents (assessment);
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GSimpleActionGroup) actions = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) choose = g_simple_action_new ("choose-group", G_VARIANT_TYPE_STRING);
  GtkWidget *button;

  for (guint r = 0; r < respondents->len; r++)
    {
      const char *group = ((GsRespondent *) g_ptr_array_index (respondents, r))->group;

      if (group[0] != '\0' && g_hash_table_add (seen, (gpointer) group))
        {
          g_autoptr(GMenuItem) item = g_menu_item_new (group, NULL);

          g_menu_item_set_action_and_target_value (item, "respondent.choose-group", g_variant_new_string (group));
          g_menu_append_item (menu, item);
        }
    }
  if (g_hash_table_size (seen) == 0)
    return;
  g_signal_connect (choose, "activate", G_CALLBACK (choose_group_cb), dialog);
  g_action_map_add_action (G_ACTION_MAP (actions), G_ACTION (choose));
  gtk_widget_insert_action_group (GTK_WIDGET (dialog), "respondent", G_ACTION_GROUP (actions));
  button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "pan-down-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (menu));
  gtk_widget_set_tooltip_text (button, _("Choose One of the Groups"));
  gtk_widget_add_css_class (button, "flat");
  gs_form_field_add_suffix (gs_form_dialog_get_field (dialog, "group"), button);
}

/**
 * gs_respondent_label:
 * @n_items: how many questions the assessment asks
 *
 * Returns: (transfer full): "Name (Group)", with "— finished" once every question has an answer
 *   (don't know and not applicable count: they were given on purpose)
 */
char *
gs_respondent_label (const GsRespondent *respondent,
                     guint               n_items)
{
  GString *label = g_string_new (respondent->name);

  if (respondent->group[0] != '\0')
    g_string_append_printf (label, " (%s)", respondent->group);
  if (n_items > 0 && g_hash_table_size (respondent->answers) >= n_items)
    /* Translators: after a respondent's name, once they have answered every question */
    g_string_append (label, _(" — finished"));
  return g_string_free (label, FALSE);
}

/* The chooser of those already answering, the one named @current_uuid (or the last) chosen. */
static void
add_answering_as (AdwMessageDialog *dialog,
                  GtkListBox       *list,
                  GsAssessment     *assessment,
                  guint             n_items,
                  const char       *current_uuid)
{
  GPtrArray *respondents = gs_assessment_get_respondents (assessment);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GtkWidget *row = adw_combo_row_new ();
  guint selected = respondents->len - 1;

  for (guint r = 0; r < respondents->len; r++)
    {
      GsRespondent *respondent = g_ptr_array_index (respondents, r);
      g_autofree char *name = gs_respondent_label (respondent, n_items);

      gtk_string_list_append (names, name);
      if (g_strcmp0 (respondent->uuid, current_uuid) == 0)
        selected = r;
    }
  gtk_string_list_append (names, _("Someone new"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Answering as"));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (names));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  g_signal_connect_swapped (row, "notify::selected", G_CALLBACK (answering_as_changed_cb), dialog);
  gtk_list_box_prepend (list, row);
  g_object_set_data (G_OBJECT (dialog), "answering-as", row);
}

/**
 * gs_respondent_dialog_new:
 * @n_items: how many questions the assessment asks, to mark who has finished
 * @current_uuid: (nullable): the respondent to offer first, if the assessment has them
 *
 * Returns: (transfer none): the dialog, not yet presented; its responses are "cancel" and
 *   "start"
 */
AdwMessageDialog *
gs_respondent_dialog_new (GtkWidget    *parent,
                          GsAssessment *assessment,
                          guint         n_items,
                          const char   *current_uuid)
{
  AdwMessageDialog *dialog = gs_form_dialog_new (parent, _("Who Is Answering?"),
    _("A name, or a code if answers should not carry names; left empty, the answers are anonymous. "
      "A group (board, managers, front line…) lets the results compare groups."),
    "start", _("_Start Answering"), "name", _("Name or code (optional)"), "group", _("Group (optional)"), NULL);
  GtkListBox *list = GTK_LIST_BOX (adw_message_dialog_get_extra_child (dialog));

  if (gs_assessment_get_respondents (assessment)->len > 0)
    add_answering_as (dialog, list, assessment, n_items, current_uuid);
  add_group_menu (dialog, assessment);
  answering_as_changed_cb (dialog);
  return dialog;
}

/* Returns: (nullable): after "start", the respondent chosen, or %NULL for someone new */
const char *
gs_respondent_dialog_get_respondent (AdwMessageDialog *dialog,
                                     GsAssessment     *assessment)
{
  GPtrArray *respondents = gs_assessment_get_respondents (assessment);
  AdwComboRow *row = answering_as_row (dialog);
  guint selected = row != NULL ? adw_combo_row_get_selected (row) : G_MAXUINT;

  return selected < respondents->len ? ((GsRespondent *) g_ptr_array_index (respondents, selected))->uuid : NULL;
}

/* Returns: (transfer full): the new respondent's name, "Anonymous" when none was given */
char *
gs_respondent_dialog_get_name (AdwMessageDialog *dialog)
{
  char *name = g_strstrip (g_strdup (gtk_editable_get_text (gs_form_dialog_get_field (dialog, "name"))));

  if (name[0] != '\0')
    return name;
  g_free (name);
  return g_strdup (_("Anonymous"));
}

/* Returns: (transfer full): the new respondent's group, or "" */
char *
gs_respondent_dialog_get_group (AdwMessageDialog *dialog)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (gs_form_dialog_get_field (dialog, "group"))));
}

/* Save stays off until the respondent has a name or code. */
static void
respondent_form_changed_cb (AdwMessageDialog *dialog)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (gs_form_dialog_get_field (dialog, "name"))));

  adw_message_dialog_set_response_enabled (dialog, "save", name[0] != '\0');
}

/**
 * gs_respondent_form_new:
 * @respondent: (nullable): the respondent to rename or move to another group, or %NULL to
 *   add one
 *
 * Returns: (transfer none): the dialog, not yet presented; its responses are "cancel" and
 *   "save"; read it with gs_respondent_dialog_get_name() and gs_respondent_dialog_get_group()
 */
AdwMessageDialog *
gs_respondent_form_new (GtkWidget          *parent,
                        GsAssessment       *assessment,
                        const GsRespondent *respondent)
{
  AdwMessageDialog *dialog = gs_form_dialog_new (parent, respondent != NULL ? _("Change the Respondent") : _("Add a Respondent"),
    respondent != NULL ? _("Their answers stay theirs under the new name or group.")
                       : _("A name, or an anonymous code; and, if you compare groups, the respondent's group (board, "
                           "managers, front line…)."),
    "save", respondent != NULL ? _("_Save") : _("_Add"), "name", _("Name or code"), "group", _("Group (optional)"), NULL);
  GtkEditable *name = gs_form_dialog_get_field (dialog, "name");

  add_group_menu (dialog, assessment);
  if (respondent != NULL)
    {
      gtk_editable_set_text (name, respondent->name);
      gtk_editable_set_text (gs_form_dialog_get_field (dialog, "group"), respondent->group);
    }
  g_signal_connect_swapped (name, "changed", G_CALLBACK (respondent_form_changed_cb), dialog);
  respondent_form_changed_cb (dialog);
  return dialog;
}
