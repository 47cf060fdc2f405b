/* gs-dialogs.c — the dialogs and small widget helpers the window and its pages share
 *
 * An error the user must read (heading, the error's own words, Close), and a small form:
 * a few labelled entries in a boxed list, Cancel and a suggested confirm response that
 * Enter in any entry chooses. Drop-downs whose items are long texts (respondents, parts
 * of the instrument, rows of Table 1) ellipsize on the button and wrap in the open list.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gs-dialogs"

#include "config.h"

#include <glib/gi18n.h>

#include <stdio.h>

#include "core/gs-assessment.h"
#include "gs-dialogs.h"
#include "gs-date-field.h"

static GtkWindow *
window_of (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

void
gs_show_error (GtkWidget    *widget,
               const char   *heading,
               const GError *error)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (window_of (widget), heading, error->message));

  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * gs_field_row_new:
 * @field: (out) (transfer none): the row's entry
 *
 * One field of a form: its title above a plain GtkEntry, in a boxed-list row. Not libadwaita
 * 1.2's AdwEntryRow, whose text never tells a screen reader it has the focus; the title is the
 * entry's mnemonic label, so the entry is named by it.
 *
 * Returns: (transfer floating): the row
 */
GtkWidget *
gs_field_row_new (const char   *title,
                  GtkEditable **field)
{
  GtkWidget *row = adw_preferences_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *entry = gtk_entry_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), entry);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_widget_set_hexpand (entry, TRUE);
  gtk_box_append (GTK_BOX (line), entry);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), line);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);  /* Tab goes straight to the entry */
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data (G_OBJECT (entry), "gs-field-label", label);
  g_object_set_data (G_OBJECT (entry), "gs-field-line", line);
  *field = GTK_EDITABLE (entry);
  return row;
}

/* Returns: (transfer none): the title shown above a form's @field */
GtkLabel *
gs_form_field_get_label (GtkEditable *field)
{
  return g_object_get_data (G_OBJECT (field), "gs-field-label");
}

/* Adds @widget (a button that fills the field in) at the end of @field's line. */
void
gs_form_field_add_suffix (GtkEditable *field,
                          GtkWidget   *widget)
{
  gtk_widget_set_valign (widget, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (g_object_get_data (G_OBJECT (field), "gs-field-line")), widget);
}

/* Shows or hides @field with its title. */
void
gs_form_field_set_visible (GtkEditable *field,
                           gboolean     visible)
{
  gtk_widget_set_visible (gtk_widget_get_ancestor (GTK_WIDGET (field), GTK_TYPE_LIST_BOX_ROW), visible);
}

/**
 * gs_form_dialog_new:
 * @first_field_key: the first field's key, then its title, then further key–title pairs,
 *   ending with %NULL; a field keyed "date" takes a day as the user writes it, or from a
 *   calendar (see gs-date-field.c)
 *
 * Returns: (transfer none): the dialog, not yet presented; read its fields with
 *   gs_form_dialog_get_field()
 */
AdwMessageDialog *
gs_form_dialog_new (GtkWidget  *widget,
                    const char *heading,
                    const char *body,
                    const char *confirm_id,
                    const char *confirm_label,
                    const char *first_field_key,
                    ...)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (window_of (widget), heading, body));
  GtkWidget *list = gtk_list_box_new ();
  va_list args;

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, heading, -1);
  va_start (args, first_field_key);
  for (const char *key = first_field_key; key != NULL; key = va_arg (args, const char *))
    {
      const char *title = va_arg (args, const char *);
      GtkEditable *field;
      GtkWidget *row = gs_field_row_new (title, &field);

      g_object_set_data (G_OBJECT (dialog), key, field);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
      if (g_str_equal (key, "date"))
        gs_date_field_attach (gs_form_dialog_get_field (dialog, key));
    }
  va_end (args);
  adw_message_dialog_set_extra_child (dialog, list);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), confirm_id, confirm_label, NULL);
  adw_message_dialog_set_response_appearance (dialog, confirm_id, ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, confirm_id);
  adw_message_dialog_set_close_response (dialog, "cancel");
  return dialog;
}

GtkEditable *
gs_form_dialog_get_field (AdwMessageDialog *dialog,
                          const char       *key)
{
  return GTK_EDITABLE (g_object_get_data (G_OBJECT (dialog), key));
}

static void
setup_ellipsized_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_width_chars (GTK_LABEL (label), 8);
  gtk_list_item_set_child (item, label);
}

static void
setup_wrapped_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 48);
  gtk_list_item_set_child (item, label);
}

static void
bind_string_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item)
{
  GtkStringObject *string = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  GtkWidget *row = gtk_widget_get_parent (label);

  gtk_label_set_text (GTK_LABEL (label), gtk_string_object_get_string (string));
  /* The list's own row takes the focus; GTK 4.8 would read it by its type's name. */
  if (row != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    gtk_string_object_get_string (string), -1);
}

/* For a drop-down over a GtkStringList: a long item never makes the window wider than a
 * 360 px pane, and the open list shows every item whole. */
void
gs_drop_down_use_ellipsized_items (GtkDropDown *dropdown)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkListItemFactory) list_factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_ellipsized_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_string_cb), NULL);
  g_signal_connect (list_factory, "setup", G_CALLBACK (setup_wrapped_cb), NULL);
  g_signal_connect (list_factory, "bind", G_CALLBACK (bind_string_cb), NULL);
  gtk_drop_down_set_factory (dropdown, factory);
  gtk_drop_down_set_list_factory (dropdown, list_factory);
}

