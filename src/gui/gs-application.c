/* gs-application.c — the Groundswell application: command line, actions, windows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gs-application"

#include "config.h"

#include <glib/gi18n.h>

#include "gs-accessible.h"
#include "gs-application.h"
#include "gs-cli.h"
#include "gs-preferences-window.h"
#include "gs-window.h"
#include "store/gs-store.h"

struct _GsApplication
{
  AdwApplication  parent_instance;

  char           *database_path;
  gint64          present_id;     /* --present=ID, or 0 */
  GSettings      *settings;       /* from startup: the colour scheme follows it */
};

G_DEFINE_FINAL_TYPE (GsApplication, gs_application, ADW_TYPE_APPLICATION)

enum {
  PROP_0,
  PROP_DATABASE_PATH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const GOptionEntry option_entries[] = {
  { "database", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Open the assessments in FILE instead of the default database"), N_("FILE") },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the version and exit"), NULL },
  { NULL }
};

static const char *paper_credit[] = {
  "Bate P, Robert G, Bevan H. The next phase of healthcare improvement: what can we learn "
  "from social movements? Qual Saf Health Care 2004;13:62–66. doi:10.1136/qshc.2003.006965",
  NULL
};

static void
about_action_cb (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (app),
                        "application-name", _("Groundswell"),
                        "application-icon", APPLICATION_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", _("The Groundswell developers"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "comments", _("Assess whether a healthcare organisation is ready for a "
                                      "grass-roots improvement movement, following Bate, Robert "
                                      "and Bevan’s lessons from social movements."),
                        "copyright", "© 2026 The Groundswell developers",
                        /* Translators: your names, one per line; English shows none */
                        "translator-credits", _("translator-credits"),
                        NULL);
  adw_about_window_add_acknowledgement_section (ADW_ABOUT_WINDOW (about),
                                                _("Based on the paper"), paper_credit);
  adw_about_window_add_link (ADW_ABOUT_WINDOW (about), _("_Read the Paper"),
                             "https://doi.org/10.1136/qshc.2003.006965");
  gtk_window_present (GTK_WINDOW (about));
}

static void
quit_action_cb (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
preferences_action_cb (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  gtk_window_present (GTK_WINDOW (gs_preferences_window_new (gtk_application_get_active_window (user_data))));
}

static const GActionEntry app_actions[] = {
  { "about", about_action_cb },
  { "preferences", preferences_action_cb },
  { "quit", quit_action_cb },
};

static gint
gs_application_handle_local_options (GApplication *application,
                                     GVariantDict *options)
{
  GsApplication *self = GS_APPLICATION (application);
  g_autofree char *database = NULL;
  int exit_status = 0;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      return 0;
    }

  g_variant_dict_lookup (options, "database", "^ay", &database);
  if (gs_cli_run (options, database, &exit_status))
    return exit_status;

  /* A window on another database is another document, not the running instance's: run it
   * in its own process rather than raise the primary instance's window on a different file.
   * So is a presentation, which the running instance would not hear of. */
  g_variant_dict_lookup (options, "present", "x", &self->present_id);
  if (self->present_id != 0)
    g_application_set_flags (application, g_application_get_flags (application) | G_APPLICATION_NON_UNIQUE);
  if (database != NULL)
    {
      g_application_set_flags (application,
                               g_application_get_flags (application) | G_APPLICATION_NON_UNIQUE);
      gs_application_set_database_path (self, database);
    }

  return -1;
}

static void
gs_application_activate (GApplication *application)
{
  GsApplication *self = GS_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (application));
  g_autoptr(GsStore) store = NULL;
  g_autoptr(GsInstrument) instrument = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  path = g_strdup (self->database_path);
  if (path == NULL)
    path = gs_store_default_path ();
  /* The instrument ships in the resource bundle; failing to load it is a broken build. */
  instrument = gs_instrument_load_default (&error);
  if (instrument == NULL)
    g_error ("%s", error->message);
  store = gs_store_open_deferring_check (path, &error);

  window = GTK_WINDOW (gs_window_new (GTK_APPLICATION (application), store, instrument));
  gtk_window_present (window);
  if (store == NULL)
    gs_window_show_open_error (GS_WINDOW (window), path, error);
  else if (self->present_id != 0)
    gs_window_present_assessment (GS_WINDOW (window), self->present_id);
}

/* Every window, dialog included, names its controls in words as it is shown (gs-accessible.c). */
static void
toplevels_changed_cb (GListModel *toplevels,
                      guint       position,
                      guint       removed,
                      guint       added)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (g_object_get_data (G_OBJECT (window), "gs-named") == NULL)
        {
          g_object_set_data (G_OBJECT (window), "gs-named", GINT_TO_POINTER (TRUE));
          g_signal_connect (window, "map", G_CALLBACK (gs_accessible_name_controls), NULL);
        }
    }
}

static void
gs_application_startup (GApplication *application)
{
  static const struct {
    const char *action;
    const char *accels[2];
  } shortcuts[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "window.close", { "<Control>w", NULL } },
    { "win.new-assessment", { "<Control>n", NULL } },
    { "win.import", { "<Control>o", NULL } },
    { "win.search", { "<Control>f", NULL } },
    { "win.show-assessments", { "<Alt>Left", NULL } },
    { "win.undo", { "<Control>z", NULL } },
    { "win.show-help-overlay", { "<Control>question", NULL } },
    { "win.export-chart", { "<Control><Shift>e", NULL } },
    { "win.copy-chart", { "<Control><Shift>c", NULL } },
    { "win.export-report", { "<Control>e", NULL } },
    { "win.print", { "<Control>p", NULL } },
    { "win.present", { "F5", NULL } },
    { "win.answer", { "<Control>Return", NULL } },
    { "win.show-tab::overview", { "<Alt>1", NULL } },
    { "win.show-tab::context", { "<Alt>2", NULL } },
    { "win.show-tab::polarity", { "<Alt>3", NULL } },
    { "win.show-tab::polarity-summary", { "<Alt>4", NULL } },
    { "win.show-tab::timeline", { "<Alt>5", NULL } },
    { "win.show-tab::comparison", { "<Alt>6", NULL } },
    { "win.show-tab::plan", { "<Alt>7", NULL } },
    { "win.show-tab::answers", { "<Alt>8", NULL } },
  };

  GsApplication *self = GS_APPLICATION (application);

  G_APPLICATION_CLASS (gs_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (application), app_actions,
                                   G_N_ELEMENTS (app_actions), application);
  self->settings = g_settings_new ("org.groundswell.Groundswell");
  g_signal_connect (self->settings, "changed::color-scheme", G_CALLBACK (gs_apply_color_scheme), NULL);
  gs_apply_color_scheme (self->settings);
  for (gsize i = 0; i < G_N_ELEMENTS (shortcuts); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (application),
                                           shortcuts[i].action, shortcuts[i].accels);
  g_signal_connect (gtk_window_get_toplevels (), "items-changed", G_CALLBACK (toplevels_changed_cb), NULL);
}

static void
gs_application_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  GsApplication *self = GS_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_DATABASE_PATH:
      g_value_set_string (value, self->database_path);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gs_application_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  GsApplication *self = GS_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_DATABASE_PATH:
      gs_application_set_database_path (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gs_application_finalize (GObject *object)
{
  GsApplication *self = GS_APPLICATION (object);

  g_clear_pointer (&self->database_path, g_free);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (gs_application_parent_class)->finalize (object);
}

static void
gs_application_class_init (GsApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->get_property = gs_application_get_property;
  object_class->set_property = gs_application_set_property;
  object_class->finalize = gs_application_finalize;

  app_class->handle_local_options = gs_application_handle_local_options;
  app_class->startup = gs_application_startup;
  app_class->activate = gs_application_activate;

  /**
   * GsApplication:database-path: (nullable)
   *
   * The database the window opens; %NULL for the default one.
   */
  properties[PROP_DATABASE_PATH] =
    g_param_spec_string ("database-path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gs_application_init (GsApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  gs_cli_add_options (G_APPLICATION (self));
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Assess an organisation’s readiness for a grass-roots improvement movement."));
}

GsApplication *
gs_application_new (void)
{
  return g_object_new (GS_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "resource-base-path", RESOURCE_BASE_PATH,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       NULL);
}

const char *
gs_application_get_database_path (GsApplication *self)
{
  g_return_val_if_fail (GS_IS_APPLICATION (self), NULL);

  return self->database_path;
}

void
gs_application_set_database_path (GsApplication *self,
                                  const char    *path)
{
  g_return_if_fail (GS_IS_APPLICATION (self));

  if (g_strcmp0 (self->database_path, path) == 0)
    return;
  g_free (self->database_path);
  self->database_path = g_strdup (path);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE_PATH]);
}
