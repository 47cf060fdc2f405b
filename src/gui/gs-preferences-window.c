/* gs-preferences-window.c — paper size, smallest group shown, colour scheme
 *
 * Every row is bound to its GSettings key, so a change takes effect at once and is kept;
 * the window reloads the results when the smallest group changes, and the application
 * applies the colour scheme (gs_apply_color_scheme).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gs-preferences"

#include "config.h"

#include <glib/gi18n.h>

#include "gs-preferences-window.h"

struct _GsPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;
};

G_DEFINE_FINAL_TYPE (GsPreferencesWindow, gs_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* A combo row's positions stand for these strings of a key with choices. */
static const char *paper_sizes[] = { "a4", "letter", NULL };
static const char *color_schemes[] = { "default", "light", "dark", NULL };

static gboolean
choice_to_position (GValue   *value,
                    GVariant *variant,
                    gpointer  user_data)
{
  const char * const *choices = user_data;
  const char *choice = g_variant_get_string (variant, NULL);

  for (guint i = 0; choices[i] != NULL; i++)
    if (g_str_equal (choices[i], choice))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  return FALSE;
}

static GVariant *
position_to_choice (const GValue       *value,
                    const GVariantType *expected_type,
                    gpointer            user_data)
{
  const char * const *choices = user_data;
  guint position = g_value_get_uint (value);

  if (position >= g_strv_length ((char **) choices))
    return NULL;
  return g_variant_new_string (choices[position]);
}

static GtkWidget *
choice_row (GsPreferencesWindow *self,
            const char          *key,
            const char          *title,
            const char          *subtitle,
            const char         **choices,
            const char         **labels)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) model = gtk_string_list_new (labels);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  g_settings_bind_with_mapping (self->settings, key, row, "selected", G_SETTINGS_BIND_DEFAULT,
                                choice_to_position, position_to_choice, (gpointer) choices, NULL);
  g_object_set_data (G_OBJECT (self), key, row);
  return row;
}

static GtkWidget *
group_size_row (GsPreferencesWindow *self)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (1, 20, 1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Smallest group shown on its own"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               _("A smaller group is left out of group figures, so that no one’s answers can be picked out."));
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Smallest group shown on its own"), -1);
  g_settings_bind (self->settings, "min-group-size", spin, "value", G_SETTINGS_BIND_DEFAULT);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  g_object_set_data (G_OBJECT (self), "min-group-size", spin);
  return row;
}

static GtkWidget *
group (const char *title,
       GtkWidget  *row)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return group;
}

static void
gs_preferences_window_dispose (GObject *object)
{
  GsPreferencesWindow *self = GS_PREFERENCES_WINDOW (object);

  g_clear_object (&self->settings);
  G_OBJECT_CLASS (gs_preferences_window_parent_class)->dispose (object);
}

static void
gs_preferences_window_class_init (GsPreferencesWindowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = gs_preferences_window_dispose;
}

static void
gs_preferences_window_init (GsPreferencesWindow *self)
{
  const char *paper_labels[] = { _("A4"), _("US Letter"), NULL };
  const char *scheme_labels[] = { _("Follow the System"), _("Light"), _("Dark"), NULL };
  AdwPreferencesPage *page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());

  self->settings = g_settings_new ("org.groundswell.Groundswell");
  gtk_window_set_title (GTK_WINDOW (self), _("Preferences"));
  gtk_window_set_default_size (GTK_WINDOW (self), 560, 460);
  adw_preferences_window_set_search_enabled (ADW_PREFERENCES_WINDOW (self), FALSE);
  adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (
    group (_("Reports"), choice_row (self, "paper-size", _("Paper size"), _("What Export Report offers first"),
                                     paper_sizes, paper_labels))));
  adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (group (_("Respondents"), group_size_row (self))));
  adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (
    group (_("Appearance"), choice_row (self, "color-scheme", _("Style"), _("Charts follow it too"),
                                        color_schemes, scheme_labels))));
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), page);
}

GtkWidget *
gs_preferences_window_new (GtkWindow *parent)
{
  return g_object_new (GS_TYPE_PREFERENCES_WINDOW, "transient-for", parent, "modal", TRUE, NULL);
}

/* Follows the "color-scheme" key: the system's style, or always light or dark. */
void
gs_apply_color_scheme (GSettings *settings)
{
  g_autofree char *scheme = g_settings_get_string (settings, "color-scheme");
  AdwColorScheme color_scheme = ADW_COLOR_SCHEME_DEFAULT;

  if (g_str_equal (scheme, "light"))
    color_scheme = ADW_COLOR_SCHEME_FORCE_LIGHT;
  else if (g_str_equal (scheme, "dark"))
    color_scheme = ADW_COLOR_SCHEME_FORCE_DARK;
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), color_scheme);
}
