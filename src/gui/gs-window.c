/* gs-window.c — the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gs-window"

#include "config.h"

#include <glib/gi18n.h>

#include "gs-window.h"

struct _GsWindow
{
  AdwApplicationWindow  parent_instance;

  GsStore              *store;
  GSettings            *settings;

  /* Template widgets */
  AdwHeaderBar         *header_bar;
  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  AdwStatusPage        *empty_page;
};

G_DEFINE_FINAL_TYPE (GsWindow, gs_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
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

/* The one place that decides which of the window's commands can be used now. */
static void
update_actions (GsWindow *self)
{
  gboolean have_store = self->store != NULL;

  set_action_enabled (self, "new-assessment", have_store);
  /* Importing arrives with the exchange formats; until then the menu shows it greyed out. */
  set_action_enabled (self, "import", FALSE);
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

static void
new_assessment_action_cb (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  /* Filled in by the assessment wizard. */
}

static void
import_action_cb (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
}

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
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gs_window_constructed (GObject *object)
{
  GsWindow *self = GS_WINDOW (object);

  G_OBJECT_CLASS (gs_window_parent_class)->constructed (object);

  update_actions (self);
}

static void
gs_window_dispose (GObject *object)
{
  GsWindow *self = GS_WINDOW (object);

  g_clear_object (&self->store);
  g_clear_object (&self->settings);

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
  window_class->close_request = gs_window_close_request;

  /**
   * GsWindow:store: (nullable)
   *
   * The open database; %NULL when it could not be opened, and the window says why.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, GS_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/gs-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GsWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, GsWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, GsWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, GsWindow, empty_page);
}

static void
gs_window_init (GsWindow *self)
{
  static const GActionEntry win_actions[] = {
    { "new-assessment", new_assessment_action_cb },
    { "import", import_action_cb },
  };

  gtk_widget_init_template (GTK_WIDGET (self));
  g_action_map_add_action_entries (G_ACTION_MAP (self), win_actions,
                                   G_N_ELEMENTS (win_actions), self);

  self->settings = g_settings_new ("org.groundswell.Groundswell");
  restore_window_state (self);

  if (DEVELOPMENT_BUILD)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
}

GsWindow *
gs_window_new (GtkApplication *application,
               GsStore        *store)
{
  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (store == NULL || GS_IS_STORE (store), NULL);

  return g_object_new (GS_TYPE_WINDOW,
                       "application", application,
                       "store", store,
                       NULL);
}

GsStore *
gs_window_get_store (GsWindow *self)
{
  g_return_val_if_fail (GS_IS_WINDOW (self), NULL);

  return self->store;
}

/* A database that cannot be opened is a reason to stop and read, not a toast. */
void
gs_window_show_open_error (GsWindow     *self,
                           const char   *database_path,
                           const GError *error)
{
  AdwMessageDialog *dialog;

  g_return_if_fail (GS_IS_WINDOW (self));

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Could Not Open the Assessments"),
                                                       error != NULL ? error->message : database_path));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}
