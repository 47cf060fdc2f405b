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

#include "gs-preferences-window.h"

struct _GsPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;

  AdwComboRow          *paper_size_row;
  GtkSpinButton        *min_group_size_spin;
  AdwComboRow          *color_scheme_row;
};

G_DEFINE_FINAL_TYPE (GsPreferencesWindow, gs_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* The choices of the string keys, in the order of their combo rows in the template. */
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

/* A combo row's positions stand for the choices of a string key, in the same order. */
static void
bind_choices (GsPreferencesWindow *self,
              const char          *key,
              AdwComboRow         *row,
              const char         **choices)
{
  g_settings_bind_with_mapping (self->settings, key, row, "selected", G_SETTINGS_BIND_DEFAULT,
                                choice_to_position, position_to_choice, (gpointer) choices, NULL);
}

static void
gs_preferences_window_dispose (GObject *object)
{
  GsPreferencesWindow *self = GS_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), GS_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (gs_preferences_window_parent_class)->dispose (object);
}

static void
gs_preferences_window_class_init (GsPreferencesWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = gs_preferences_window_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/gs-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GsPreferencesWindow, paper_size_row);
  gtk_widget_class_bind_template_child (widget_class, GsPreferencesWindow, min_group_size_spin);
  gtk_widget_class_bind_template_child (widget_class, GsPreferencesWindow, color_scheme_row);
}

static void
gs_preferences_window_init (GsPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->settings = g_settings_new ("org.groundswell.Groundswell");
  bind_choices (self, "paper-size", self->paper_size_row, paper_sizes);
  g_settings_bind (self->settings, "min-group-size", self->min_group_size_spin, "value", G_SETTINGS_BIND_DEFAULT);
  bind_choices (self, "color-scheme", self->color_scheme_row, color_schemes);
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
