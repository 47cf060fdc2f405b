/* gs-window-send.c — "Send to Respondents…": the web questionnaire, for one person or many
 *
 * The dialog takes respondents' names, one per line (a column pasted from a spreadsheet is
 * one per line already), and a group for them. No name: one page anyone can fill in, saved
 * where the user says. One name: that person's page, likewise. Several: one page each, in a
 * folder the user chooses, each named after its respondent. A named respondent is added to
 * the assessment with no answers (gs_web_questionnaire_send), so the Overview lists them as
 * sent a questionnaire until their file comes back.
 *
 * The page may be in another language than the window's, and may carry a second language
 * with a switch at its top (a bilingual trust). Such pages are written by Groundswell run
 * as a command in a child process, one page after another (gs-window-output.c says why).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gs-window"

#include "config.h"

#include <glib/gi18n.h>

#include "core/gs-language.h"
#include "gs-dialogs.h"
#include "gs-window-output.h"
#include "gs-window-private.h"
#include "report/gs-web-questionnaire.h"

typedef struct {
  GsWindow *self;
  gint64    assessment_id;
  char     *title;            /* the assessment's, for the pages' file names */
  GStrv     names;            /* empty: a page for anyone */
  char     *group;
  char     *language;         /* the page's */
  char     *second_language;  /* the page's other, or NULL */
  char     *destination;      /* a file for one page; a folder for several */
  guint     n_written;        /* by child processes so far */
} SendRequest;

static void
send_request_free (SendRequest *request)
{
  g_object_unref (request->self);
  g_free (request->title);
  g_strfreev (request->names);
  g_free (request->group);
  g_free (request->language);
  g_free (request->second_language);
  g_free (request->destination);
  g_free (request);
}

/* The names typed or pasted, one per line: blanks and repeats left out. */
static GStrv
names_from_text (const char *text)
{
  g_auto(GStrv) lines = g_strsplit_set (text, "\r\n", -1);
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *name = g_strstrip (lines[i]);

      if (name[0] != '\0' && g_hash_table_add (seen, name))
        g_strv_builder_add (names, name);
    }
  return g_strv_builder_end (names);
}

/* "Baseline — questionnaire for Siân.html", with no character a file name cannot hold. */
static char *
page_file_name (const char *title,
                const char *name)
{
  g_autofree char *file_name = name != NULL ? g_strdup_printf (_("%s — questionnaire for %s.html"), title, name)
                                            : g_strdup_printf (_("%s — questionnaire.html"), title);

  return g_strdelimit (g_steal_pointer (&file_name), "/\\", '-');
}

static void
show_sent (GsWindow *self,
           gint64    assessment_id,
           guint     n_named)
{
  g_autofree char *message = n_named == 0 ? g_strdup (_("Questionnaire written"))
    : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u questionnaire written; the respondent is listed as sent one",
                                    "%u questionnaires written; the respondents are listed as sent one", n_named),
                       n_named);

  gs_window_show_toast (self, message);
  gs_window_refresh_results_of (self, assessment_id);
}

/**
 * gs_window_send_questionnaires:
 * @names: respondents' names, %NULL-terminated
 * @group: (nullable): their group
 * @folder: where the pages go, one per name
 *
 * Writes each respondent's page into @folder and lists them as sent one; stops at the first
 * that fails, saying which. Returns: how many pages were written
 */
guint
gs_window_send_questionnaires (GsWindow           *self,
                               const char * const *names,
                               const char         *group,
                               const char         *folder,
                               GError            **error)
{
  guint n = 0;
  const char *title;

  g_return_val_if_fail (GS_IS_WINDOW (self) && self->analysis != NULL, 0);

  title = gs_assessment_get_title (gs_analysis_get_assessment (self->analysis));
  for (; names[n] != NULL; n++)
    {
      g_autofree char *file_name = page_file_name (title, names[n]);
      g_autofree char *path = g_build_filename (folder, file_name, NULL);

      if (!gs_web_questionnaire_send (self->store, self->instrument, gs_analysis_get_assessment_id (self->analysis),
                                      names[n], group, NULL, path, error))
        {
          g_prefix_error (error, _("%u of %u written; “%s”: "), n, g_strv_length ((GStrv) names), names[n]);
          break;
        }
    }
  if (n > 0)
    show_sent (self, gs_analysis_get_assessment_id (self->analysis), n);
  return n;
}

static const char * const web_page_suffixes[] = { ".html", ".htm", NULL };

static void send_next_page (SendRequest *request);

static void
page_sent_cb (GObject      *source_object,
              GAsyncResult *result,
              gpointer      user_data)
{
  SendRequest *request = user_data;
  GsWindow *self = request->self;
  guint n_names = g_strv_length (request->names);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = gs_output_run_in_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      send_request_free (request);  /* the window has closed */
      return;
    }
  if (error == NULL && ++request->n_written < n_names)
    {
      send_next_page (request);
      return;
    }
  gs_window_end_busy (self);
  if (n_names == 0 && error == NULL)
    show_sent (self, request->assessment_id, 0);  /* a page for anyone: nobody added */
  else if (request->n_written > 0)
    {
      gs_store_refresh_assessment (self->store, request->assessment_id);  /* the child added them */
      show_sent (self, request->assessment_id, request->n_written);
    }
  if (error != NULL)
    {
      if (n_names > 1)
        g_prefix_error (&error, _("%u of %u written; “%s”: "), request->n_written, n_names,
                        request->names[request->n_written]);
      gs_window_show_error (self, _("Could Not Write the Questionnaire"), error);
    }
  send_request_free (request);
}

/* The next page, by `groundswell --language=… --export-questionnaire=ID --respondent=…`. */
static void
send_next_page (SendRequest *request)
{
  const char *name = request->names[request->n_written];  /* NULL: a page for anyone */
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *path = NULL;

  g_ptr_array_add (args, g_strdup_printf ("--export-questionnaire=%" G_GINT64_FORMAT, request->assessment_id));
  if (name != NULL)
    g_ptr_array_add (args, g_strdup_printf ("--respondent=%s", name));
  if (name != NULL && request->group[0] != '\0')
    g_ptr_array_add (args, g_strdup_printf ("--group=%s", request->group));
  if (request->second_language != NULL)
    g_ptr_array_add (args, g_strdup_printf ("--second-language=%s", request->second_language));
  if (g_strv_length (request->names) > 1)
    {
      g_autofree char *file_name = page_file_name (request->title, name);

      path = g_build_filename (request->destination, file_name, NULL);
    }
  else  /* the command tells a web page from a paper one by the name's ending */
    path = gs_window_path_with_suffix (request->destination, web_page_suffixes, "html");
  gs_output_run_in_async (request->language, gs_store_get_path (request->self->store), args, path,
                          request->self->cancellable, page_sent_cb, request);
}

static SendRequest *
send_request_new (GsWindow           *self,
                  const char * const *names,
                  const char         *group,
                  const char         *language,
                  const char         *second_language)
{
  SendRequest *request = g_new0 (SendRequest, 1);

  request->self = g_object_ref (self);
  request->assessment_id = gs_analysis_get_assessment_id (self->analysis);
  request->title = g_strdup (gs_assessment_get_title (gs_analysis_get_assessment (self->analysis)));
  request->names = g_strdupv ((GStrv) names);
  request->group = g_strdup (group != NULL ? group : "");
  request->language = g_strdup (language != NULL ? language : gs_language_current ());
  if (g_strcmp0 (second_language, request->language) != 0)
    request->second_language = g_strdup (second_language);
  return request;
}

/* Pages in the window's own language alone are written here; others by child processes. */
static gboolean
written_here (SendRequest *request)
{
  return !gs_language_is_other (request->language) && request->second_language == NULL;
}

/* Writes the pages by child processes, one after another, then says how it went. */
static void
send_by_children (SendRequest *request,
                  const char  *destination)
{
  request->destination = g_strdup (destination);
  gs_window_begin_busy (request->self, _("Writing the questionnaires…"));
  send_next_page (request);
}

/**
 * gs_window_send_questionnaires_in:
 * @names: respondents' names, %NULL-terminated; none for one page anyone can fill in
 * @group: (nullable): their group
 * @language: (nullable): the pages' language; %NULL for the window's
 * @second_language: (nullable): a second language each page offers, with a switch at its top
 * @destination: the page's file for no name or one; the folder of the pages for several
 *
 * As gs_window_send_questionnaires(), in any language, and in the background: the pages are
 * written by child processes, then a toast or an error dialog says how it went.
 */
void
gs_window_send_questionnaires_in (GsWindow           *self,
                                  const char * const *names,
                                  const char         *group,
                                  const char         *language,
                                  const char         *second_language,
                                  const char         *destination)
{
  g_return_if_fail (GS_IS_WINDOW (self) && self->analysis != NULL);

  send_by_children (send_request_new (self, names, group, language, second_language), destination);
}

static void
destination_chosen_cb (GtkNativeDialog *chooser,
                       int              response,
                       SendRequest     *request)
{
  GsWindow *self = request->self;
  guint n_names = g_strv_length (request->names);
  g_autofree char *path = n_names > 1 ? gs_window_chosen_path (chooser, response)
                                      : gs_window_chosen_path_with_suffix (chooser, response, web_page_suffixes);
  g_autoptr(GError) error = NULL;

  g_object_unref (chooser);
  if (path != NULL && !written_here (request))
    {
      send_by_children (request, path);
      return;
    }
  if (path != NULL && self->analysis != NULL)
    {
      if (n_names > 1)
        gs_window_send_questionnaires (self, (const char * const *) request->names, request->group, path, &error);
      else if (gs_web_questionnaire_send (self->store, self->instrument, request->assessment_id,
                                          request->names[0], request->group, NULL, path, &error))
        show_sent (self, request->assessment_id, n_names);
      if (error != NULL)
        gs_window_show_error (self, _("Could Not Write the Questionnaire"), error);
    }
  send_request_free (request);
}

/* Where the page goes (a file), or the pages (a folder). */
static void
choose_destination (SendRequest *request)
{
  GsWindow *self = request->self;
  guint n_names = g_strv_length (request->names);
  GtkFileChooserNative *chooser;

  if (n_names > 1)
    chooser = gtk_file_chooser_native_new (_("Choose a Folder for the Questionnaires"), GTK_WINDOW (self),
                                           GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Save Here"), _("_Cancel"));
  else
    {
      g_autofree char *file_name = page_file_name (request->title, request->names[0]);

      chooser = gtk_file_chooser_native_new (_("Save the Questionnaire"), GTK_WINDOW (self),
                                             GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), file_name);
      gs_window_add_filter (chooser, _("Web page"), "html", NULL);
    }
  g_signal_connect (chooser, "response", G_CALLBACK (destination_chosen_cb), request);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* The language chosen in the row keyed @key: a code of gs_language_codes(), or NULL for
 * the "None" that heads the list when @optional. */
static const char *
chosen_language (AdwMessageDialog *dialog,
                 const char       *key,
                 gboolean          optional)
{
  guint chosen = adw_combo_row_get_selected (ADW_COMBO_ROW (g_object_get_data (G_OBJECT (dialog), key)));

  if (optional && chosen == 0)
    return NULL;
  return gs_language_codes ()[optional ? chosen - 1 : chosen];
}

static void
send_form_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       GsWindow         *self)
{
  GtkTextBuffer *buffer = g_object_get_data (G_OBJECT (dialog), "gs-names");
  GtkTextIter start, end;
  g_autofree char *text = NULL;
  g_autofree char *group = NULL;
  g_auto(GStrv) names = NULL;

  if (!g_str_equal (response, "save") || self->analysis == NULL)
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  names = names_from_text (text);
  group = g_strstrip (g_strdup (gtk_editable_get_text (gs_form_dialog_get_field (dialog, "group"))));
  choose_destination (send_request_new (self, (const char * const *) names, group,
                                        chosen_language (dialog, "gs-language", FALSE),
                                        chosen_language (dialog, "gs-second-language", TRUE)));
}

/* A row that chooses a language, each named in itself, headed by "None" when @optional. */
static GtkWidget *
language_row_new (const char *title,
                  gboolean    optional)
{
  const char * const *codes = gs_language_codes ();
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GtkWidget *row = adw_combo_row_new ();
  guint selected = 0;

  if (optional)
    gtk_string_list_append (names, C_("language", "None"));
  for (guint i = 0; codes[i] != NULL; i++)
    {
      gtk_string_list_append (names, gs_language_name (codes[i]));
      if (!optional && g_str_equal (codes[i], gs_language_current ()))
        selected = i;
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (names));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  return row;
}

/* Below the group: the page's language and, for a bilingual trust, a second one. */
static void
add_language_rows (AdwMessageDialog *dialog)
{
  GtkWidget *fields = adw_message_dialog_get_extra_child (dialog);
  GtkWidget *language = language_row_new (_("_Language"), FALSE);
  GtkWidget *second = language_row_new (_("_Second language, with a switch"), TRUE);

  gtk_list_box_append (GTK_LIST_BOX (fields), language);
  gtk_list_box_append (GTK_LIST_BOX (fields), second);
  g_object_set_data (G_OBJECT (dialog), "gs-language", language);
  g_object_set_data (G_OBJECT (dialog), "gs-second-language", second);
}

/* Above the group: a box for names, one per line. */
static void
add_names_box (AdwMessageDialog *dialog)
{
  GtkWidget *fields = adw_message_dialog_get_extra_child (dialog);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label = gtk_label_new_with_mnemonic (_("Respondents' _names, one per line (optional)"));
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *view = gtk_text_view_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), view);
  gtk_widget_add_css_class (label, "heading");
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_widget_add_css_class (view, "card");
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 10);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 10);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Respondents' names, one per line"), -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 96);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 200);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);

  g_object_ref (fields);
  adw_message_dialog_set_extra_child (dialog, NULL);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), scrolled);
  gtk_box_append (GTK_BOX (box), fields);
  g_object_unref (fields);
  adw_message_dialog_set_extra_child (dialog, box);
  g_object_set_data (G_OBJECT (dialog), "gs-names", gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)));
}

static void
send_questionnaire_action_cb (GSimpleAction *action,
                              GVariant      *parameter,
                              gpointer       user_data)
{
  GsWindow *self = user_data;
  AdwMessageDialog *dialog = gs_form_dialog_new (GTK_WIDGET (self), _("Send to Respondents"),
    _("Writes a web page to email to each respondent. They open it in any browser, answer without going "
      "online, and send back the file its Save My Answers button saves; import that file here. A named "
      "respondent is listed as sent a questionnaire until their answers come back; with no name, one page "
      "anyone can fill in."),
    "save", _("_Choose Where to Save…"), "group", _("Their group (optional)"), NULL);

  add_language_rows (dialog);
  add_names_box (dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (send_form_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
gs_window_add_send_actions (GsWindow *self)
{
  static const GActionEntry actions[] = {
    { "send-questionnaire", send_questionnaire_action_cb },
  };

  g_action_map_add_action_entries (G_ACTION_MAP (self), actions, G_N_ELEMENTS (actions), self);
}
