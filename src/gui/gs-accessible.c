/* gs-accessible.c — words for a screen reader where GTK 4.8 gives none
 *
 * GTK 4.8 names a button that shows only an icon after its child's type ("GtkImage"), a
 * menu button "GtkMenuButton", the button inside a drop-down "GtkToggleButton", and a button
 * with a mnemonic by its raw label and its text together ("_Next Next"). Rather than repeat a
 * second, translatable label beside every one in the UI files, gs_accessible_name_controls()
 * gives each such control the words a sighted user sees: its label without the underscore, or
 * its tooltip. GsApplication runs it over every window as it is mapped (the main window, its
 * dialogs, preferences); pages that build controls later run it over what they built.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gs-gui"

#include "config.h"

#include <glib/gi18n.h>

#include <adwaita.h>

#include "gs-accessible.h"

/* "_Next" → "Next"; "__" stays one underscore. */
static char *
without_mnemonic (const char *label)
{
  GString *words = g_string_new (NULL);

  for (const char *c = label; *c != '\0'; c++)
    {
      if (*c == '_' && c[1] != '\0')
        c++;
      g_string_append_c (words, *c);
    }
  return g_string_free (words, FALSE);
}

static void
set_label (GtkWidget  *widget,
           const char *label)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
name_button (GtkButton *button)
{
  const char *label = gtk_button_get_label (button);
  const char *tooltip = gtk_widget_get_tooltip_text (GTK_WIDGET (button));

  /* GTK sets the raw "_Next" as the label and adds the child's "Next": leave only the child. */
  if (label != NULL && gtk_button_get_use_underline (button))
    gtk_accessible_reset_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL);
  else if (label == NULL && gtk_button_get_icon_name (button) != NULL && tooltip != NULL)
    set_label (GTK_WIDGET (button), tooltip);
  /* libadwaita 1.2's toasts close with an icon and no tooltip. */
  else if (label == NULL && g_strcmp0 (gtk_button_get_icon_name (button), "window-close-symbolic") == 0)
    set_label (GTK_WIDGET (button), _("Close"));
}

static void
name_menu_button (GtkMenuButton *button)
{
  const char *label = gtk_menu_button_get_label (button);
  const char *tooltip = gtk_widget_get_tooltip_text (GTK_WIDGET (button));

  if (label != NULL)
    {
      g_autofree char *words = without_mnemonic (label);
      set_label (GTK_WIDGET (button), words);
    }
  else if (tooltip != NULL)
    set_label (GTK_WIDGET (button), tooltip);
}

/* The button that opens @widget's list, not one inside the list's popover. */
static GtkWidget *
find_toggle_button (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = GTK_IS_TOGGLE_BUTTON (child) ? child : GTK_IS_POPOVER (child) ? NULL : find_toggle_button (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The drop-down's button reads "Part: 2. Structural context — 3/6": its name, then its value. */
static void
drop_down_selected_cb (GtkDropDown *dropdown)
{
  GtkWidget *button = find_toggle_button (GTK_WIDGET (dropdown));
  const char *name = g_object_get_data (G_OBJECT (dropdown), "gs-accessible-name");
  gpointer item = gtk_drop_down_get_selected_item (dropdown);
  g_autofree char *label = NULL;

  if (button == NULL || name == NULL)
    return;
  if (GTK_IS_STRING_OBJECT (item))
    label = g_strdup_printf ("%s: %s", name, gtk_string_object_get_string (item));
  set_label (button, label != NULL ? label : name);
}

/* What the drop-down's button shows (its chosen item, drawn by a list row that GTK 4.8 lets
 * take the focus) is no focus stop of its own: the button is. */
static void
unfocusable_inside (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      gtk_widget_set_focusable (child, FALSE);
      unfocusable_inside (child);
    }
}

/**
 * gs_accessible_name_drop_down:
 * @name: what the drop-down chooses, as its label on screen says it
 *
 * Names @dropdown's button by @name and the item chosen, kept current.
 */
void
gs_accessible_name_drop_down (GtkDropDown *dropdown,
                              const char  *name)
{
  g_autoptr(GList) labels = gtk_widget_list_mnemonic_labels (GTK_WIDGET (dropdown));

  g_object_set_data_full (G_OBJECT (dropdown), "gs-accessible-name", g_strdup (name), g_free);
  /* A label on screen already names it (GTK reads both, "Answering as Answering as"). */
  if (labels != NULL)
    gtk_accessible_reset_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL);
  else
    set_label (GTK_WIDGET (dropdown), name);
  if (find_toggle_button (GTK_WIDGET (dropdown)) != NULL)
    unfocusable_inside (find_toggle_button (GTK_WIDGET (dropdown)));
  if (g_object_get_data (G_OBJECT (dropdown), "gs-accessible-watched") == NULL)
    {
      g_object_set_data (G_OBJECT (dropdown), "gs-accessible-watched", GINT_TO_POINTER (TRUE));
      g_signal_connect (dropdown, "notify::selected-item", G_CALLBACK (drop_down_selected_cb), NULL);
    }
  drop_down_selected_cb (dropdown);
}

/* A drop-down's name: the label whose mnemonic points at it, or its tooltip. */
static void
name_drop_down (GtkDropDown *dropdown)
{
  g_autoptr(GList) labels = gtk_widget_list_mnemonic_labels (GTK_WIDGET (dropdown));
  const char *name = gtk_widget_get_tooltip_text (GTK_WIDGET (dropdown));
  g_autofree char *words = labels != NULL ? without_mnemonic (gtk_label_get_label (labels->data)) : NULL;

  if (words != NULL && words[0] != '\0')
    name = words;
  if (g_object_get_data (G_OBJECT (dropdown), "gs-accessible-name") == NULL && name != NULL)
    gs_accessible_name_drop_down (dropdown, name);
}

/* The first label's text under @widget, or NULL. */
static const char *
first_label_text (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    return gtk_label_get_text (GTK_LABEL (widget));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      const char *text = first_label_text (child);

      if (text != NULL && text[0] != '\0')
        return text;
    }
  return NULL;
}

/* The list a combo row opens is named by the row's title, and each of its rows by its text
 * (GTK 4.8 leaves a list view's rows unnamed; these short lists never recycle their rows). */
static void
name_combo_row_lists (GtkWidget  *widget,
                      const char *title)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_VIEW (child))
        set_label (child, title);
      else if (g_str_equal (G_OBJECT_TYPE_NAME (child), "GtkListItemWidget") && first_label_text (child) != NULL)
        set_label (child, first_label_text (child));
      name_combo_row_lists (child, title);
    }
}

/**
 * gs_accessible_name_controls:
 * @root: a window, or a part of one built after the window was shown
 *
 * Gives every button, menu button and drop-down under @root a name in words, and takes the
 * focus stop off scrolled panes, whose content takes the focus instead.
 */
void
gs_accessible_name_controls (GtkWidget *root)
{
  if (GTK_IS_MENU_BUTTON (root))
    name_menu_button (GTK_MENU_BUTTON (root));
  else if (GTK_IS_BUTTON (root))
    name_button (GTK_BUTTON (root));
  else if (GTK_IS_DROP_DOWN (root))
    name_drop_down (GTK_DROP_DOWN (root));
  else if (ADW_IS_COMBO_ROW (root))
    name_combo_row_lists (root, adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)));
  else if (GTK_IS_SCROLLED_WINDOW (root))
    /* Its content takes the focus; the pane itself would be an unnamed stop. */
    gtk_widget_set_focusable (root, FALSE);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    gs_accessible_name_controls (child);
}

/**
 * gs_accessible_heading_new:
 * @level: 1 for a page's title, 2 for its sections
 *
 * Returns: (transfer floating): a label that a screen reader announces as a heading
 */
GtkWidget *
gs_accessible_heading_new (const char *text,
                           int         level)
{
  GtkWidget *label = g_object_new (GTK_TYPE_LABEL, "label", text, "accessible-role", GTK_ACCESSIBLE_ROLE_HEADING, NULL);

  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LEVEL, level, -1);
  return label;
}
