/* gs-window-survey.c — collecting answers: files, a survey platform's export, paper
 *
 * Import takes Groundswell files (.json, .csv): one at a time, asking before a duplicate, or
 * several, chosen together or dropped on the window, one after the other with one summary.
 * "Import Answers from a Survey…" reads a platform's CSV export (gs-survey-import.c) and shows
 * how its columns matched — the questions answered, the columns left out, what is ambiguous —
 * and how many respondents it adds, with the name and group columns to choose, before
 * anything is imported. "Export a Survey Template…" writes the header to set a platform up
 * from, and "Export a Paper Questionnaire…" the questions to print (gs-questionnaire.c).
 * The web questionnaire is sent from gs-window-send.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gs-window"

#include "config.h"

#include <glib/gi18n.h>

#include "core/gs-exchange.h"
#include "core/gs-language.h"
#include "core/gs-safe-file.h"
#include "core/gs-survey-import.h"
#include "gs-window-output.h"
#include "gs-window-private.h"
#include "report/gs-questionnaire.h"

/* How many of @responses' respondents @target does not have yet. */
static guint
count_new (GsAssessment *target,
           GsAssessment *responses)
{
  GPtrArray *respondents = gs_assessment_get_respondents (responses);
  guint n = 0;

  for (guint r = 0; r < respondents->len; r++)
    n += gs_assessment_lookup_respondent (target, ((GsRespondent *) g_ptr_array_index (respondents, r))->uuid) == NULL;
  return n;
}

/* A survey export being looked at before it is imported: the file, and what it holds with
 * the name and group columns chosen so far. */
typedef struct {
  GsWindow         *self;
  AdwMessageDialog *dialog;
  GsAssessment     *target;
  GsInstrument     *asked;
  char             *path;
  char             *contents;
  gsize             length;
  GStrv             headers;
  AdwComboRow      *names;      /* "None", then each column */
  AdwComboRow      *groups;
  GsAssessment     *responses;  /* NULL while the columns chosen do not read */
} SurveyImport;

static void
survey_import_free (SurveyImport *import)
{
  g_object_unref (import->self);
  g_object_unref (import->target);
  g_object_unref (import->asked);
  g_free (import->path);
  g_free (import->contents);
  g_strfreev (import->headers);
  g_clear_object (&import->responses);
  g_free (import);
}

/* The header chosen in @row, or "" for None. */
static const char *
chosen_column (SurveyImport *import,
               AdwComboRow  *row)
{
  guint selected = adw_combo_row_get_selected (row);

  return selected > 0 && selected <= g_strv_length (import->headers) ? import->headers[selected - 1] : "";
}

/* Reads the file again with the columns chosen, and says what would be imported. */
static void
survey_import_reread (SurveyImport *import)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL, *body = NULL;
  guint n_new = 0;

  g_clear_object (&import->responses);
  import->responses = gs_survey_read (import->asked, import->target, import->contents, import->length, import->path,
                                      chosen_column (import, import->names), chosen_column (import, import->groups),
                                      &summary, &error);
  if (import->responses != NULL)
    {
      n_new = count_new (import->target, import->responses);
      body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s\n\n%u new respondent will be added to “%s”.",
                                           "%s\n\n%u new respondents will be added to “%s”.", n_new),
                              summary, n_new, gs_assessment_get_title (import->target));
    }
  adw_message_dialog_set_body (import->dialog, body != NULL ? body : error->message);
  adw_message_dialog_set_response_enabled (import->dialog, "import", n_new > 0);
}

static void
confirm_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     SurveyImport     *import)
{
  GsWindow *self = import->self;
  g_autoptr(GError) error = NULL;
  guint added = 0;
  gint64 id;

  if (!g_str_equal (response, "import") || import->responses == NULL)
    return;
  id = gs_store_import (self->store, import->responses, GS_EXCHANGE_RESPONSES, GS_IMPORT_REFUSE_DUPLICATE, &added, &error);
  if (id == 0)
    {
      gs_window_show_error (self, _("Could Not Import the Answers"), error);
      return;
    }
  {
    g_autofree char *message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Added %u respondent",
                                                             "Added %u respondents", added), added);
    gs_window_show_toast (self, message);
  }
  gs_window_refresh_results_of (self, id);
}

/* A row choosing one of the file's columns (or none), showing @index (-1: none). */
static AdwComboRow *
column_row (SurveyImport *import,
            const char   *title,
            int           index)
{
  g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);
  AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());

  gtk_string_list_append (choices, _("None"));
  for (guint c = 0; import->headers[c] != NULL; c++)
    gtk_string_list_append (choices, import->headers[c]);
  adw_combo_row_set_model (row, G_LIST_MODEL (choices));
  adw_combo_row_set_selected (row, (guint) (index + 1));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  g_signal_connect_swapped (row, "notify::selected", G_CALLBACK (survey_import_reread), import);
  return row;
}

/* Below the summary: which columns hold the respondents' names and groups. */
static void
add_column_choices (SurveyImport *import,
                    int           name_index,
                    int           group_index)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  import->names = column_row (import, _("Respondents' names"), name_index);
  import->groups = column_row (import, _("Their groups"), group_index);
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (import->names));
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (import->groups));
  adw_message_dialog_set_extra_child (import->dialog, list);
}

/**
 * gs_window_import_survey_file:
 *
 * Reads the survey export at @path for the assessment shown and asks before importing it,
 * saying how its columns matched and letting the user choose the name and group columns.
 */
void
gs_window_import_survey_file (GsWindow   *self,
                              const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GsAssessment) target = NULL;
  g_autoptr(GsInstrument) asked = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  int name_index = -1, group_index = -1;
  GStrv headers = NULL;
  SurveyImport *import;

  g_return_if_fail (GS_IS_WINDOW (self));

  if ((target = gs_store_load_assessment (self->store, self->shown_assessment, &error)) == NULL ||
      (asked = gs_instrument_for_assessment (self->instrument, target, &error)) == NULL ||
      (contents = gs_exchange_load (path, &length, &error)) == NULL ||
      (headers = gs_survey_read_columns (asked, contents, length, path, &name_index, &group_index, &error)) == NULL)
    {
      gs_window_show_error (self, _("Could Not Read the Survey Export"), error);
      return;
    }
  import = g_new0 (SurveyImport, 1);
  *import = (SurveyImport) { g_object_ref (self), NULL, g_steal_pointer (&target), g_steal_pointer (&asked),
                             g_strdup (path), g_steal_pointer (&contents), length, headers };
  import->dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Import These Answers?"), NULL));
  adw_message_dialog_add_responses (import->dialog, "cancel", _("_Cancel"), "import", _("_Import"), NULL);
  adw_message_dialog_set_response_appearance (import->dialog, "import", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (import->dialog, "import");
  adw_message_dialog_set_close_response (import->dialog, "cancel");
  add_column_choices (import, name_index, group_index);
  survey_import_reread (import);
  g_object_set_data_full (G_OBJECT (import->dialog), "gs-survey-import", import, (GDestroyNotify) survey_import_free);
  g_signal_connect (import->dialog, "response", G_CALLBACK (confirm_response_cb), import);
  gtk_window_present (GTK_WINDOW (import->dialog));
}

static void
import_chosen_cb (GtkNativeDialog *chooser,
                  int              response,
                  GsWindow        *self)
{
  g_autofree char *path = gs_window_chosen_path (chooser, response);

  g_object_unref (chooser);
  if (path != NULL && self->analysis != NULL)
    gs_window_import_survey_file (self, path);
}

static void
import_survey_action_cb (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  GsWindow *self = user_data;
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (_("Import Answers from a Survey"), GTK_WINDOW (self),
                                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));

  gs_window_add_filter (chooser, _("Survey export (CSV)"), "csv", NULL);
  gs_window_show_chooser (self, chooser, G_CALLBACK (import_chosen_cb));
}

static void
template_chosen_cb (GtkNativeDialog *chooser,
                    int              response,
                    GsWindow        *self)
{
  static const char *known[] = { ".csv", NULL };
  g_autofree char *path = gs_window_chosen_path_with_suffix (chooser, response, known);
  g_autoptr(GError) error = NULL;
  g_autofree char *header = NULL;

  g_object_unref (chooser);
  if (path == NULL || self->analysis == NULL)
    return;
  header = gs_survey_write_template (gs_analysis_get_instrument (self->analysis));
  if (!gs_safe_file_write (path, header, strlen (header), &error))
    gs_window_show_error (self, _("Could Not Export the Template"), error);
  else
    gs_window_show_toast (self, _("Survey template exported"));
}

static void
export_template_action_cb (GSimpleAction *action,
                           GVariant      *parameter,
                           gpointer       user_data)
{
  GsWindow *self = user_data;
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (_("Export a Survey Template"), GTK_WINDOW (self),
                                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  g_autofree char *name = g_strdup_printf (_("%s — survey template.csv"),
                                           gs_assessment_get_title (gs_analysis_get_assessment (self->analysis)));

  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gs_window_add_filter (chooser, _("CSV"), "csv", NULL);
  gs_window_show_chooser (self, chooser, G_CALLBACK (template_chosen_cb));
}

static void
questionnaire_written_cb (GtkWindow    *window,
                          const GError *error,
                          const char   *message)
{
  gs_window_end_busy (GS_WINDOW (window));
  if (error != NULL)
    gs_window_show_error (GS_WINDOW (window), _("Could Not Export the Questionnaire"), error);
  else
    gs_window_show_toast (GS_WINDOW (window), _("Questionnaire exported"));
}

/**
 * gs_window_export_questionnaire_in:
 * @language: (nullable): "en", "cy" or "es"; %NULL for the window's
 *
 * Writes the printable questionnaire of the results shown, on the paper size of
 * Preferences: in another language than the window's, by a child process, as the report.
 */
void
gs_window_export_questionnaire_in (GsWindow   *self,
                                   const char *language,
                                   const char *path)
{
  g_autofree char *paper_name = g_settings_get_string (self->settings, "paper-size");
  g_autoptr(GError) error = NULL;
  GsPaper paper = GS_PAPER_A4;

  g_return_if_fail (GS_IS_WINDOW (self) && self->analysis != NULL);

  gs_paper_from_string (paper_name, &paper);
  if (gs_language_is_other (language))
    {
      /* the command tells a paper questionnaire from a web page by the name's ending */
      static const char * const pdf[] = { ".pdf", NULL };
      g_autofree char *pdf_path = gs_window_path_with_suffix (path, pdf, "pdf");

      gs_window_begin_busy (self, _("Exporting the questionnaire…"));
      gs_output_export_questionnaire_in (GTK_WINDOW (self), language, gs_store_get_path (self->store),
                                         gs_analysis_get_assessment_id (self->analysis), paper, pdf_path,
                                         self->cancellable, questionnaire_written_cb);
    }
  else if (!gs_questionnaire_write_pdf (gs_analysis_get_instrument (self->analysis),
                                        gs_analysis_get_assessment (self->analysis), paper, path, &error))
    gs_window_show_error (self, _("Could Not Export the Questionnaire"), error);
  else
    gs_window_show_toast (self, _("Questionnaire exported"));
}

static void
questionnaire_chosen_cb (GtkNativeDialog *chooser,
                         int              response,
                         GsWindow        *self)
{
  static const char *known[] = { ".pdf", NULL };
  g_autofree char *path = gs_window_chosen_path_with_suffix (chooser, response, known);
  g_autofree char *language = g_strdup (gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "language"));

  g_object_unref (chooser);
  if (path != NULL && self->analysis != NULL)
    gs_window_export_questionnaire_in (self, language, path);
}

/* The questions on paper, on the paper size of Preferences. */
static void
export_questionnaire_action_cb (GSimpleAction *action,
                                GVariant      *parameter,
                                gpointer       user_data)
{
  GsWindow *self = user_data;
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (_("Export a Paper Questionnaire"), GTK_WINDOW (self),
                                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  g_autofree char *name = g_strdup_printf (_("%s — questionnaire.pdf"),
                                           gs_assessment_get_title (gs_analysis_get_assessment (self->analysis)));

  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gs_window_add_filter (chooser, _("PDF document"), "pdf", NULL);
  gs_window_add_language_choice (chooser);
  gs_window_show_chooser (self, chooser, G_CALLBACK (questionnaire_chosen_cb));
}

/* --- One file ----------------------------------------------------------------------- */

typedef struct {
  GsWindow *self;
  char     *path;
} ImportRequest;

static void
import_request_free (ImportRequest *request)
{
  g_object_unref (request->self);
  g_free (request->path);
  g_free (request);
}

static void
import_again_response_cb (AdwMessageDialog *dialog,
                          const char       *response,
                          ImportRequest    *request)
{
  if (g_str_equal (response, "copy"))
    gs_window_import_file (request->self, request->path, GS_IMPORT_AS_COPY);
  else if (g_str_equal (response, "replace"))
    gs_window_import_file (request->self, request->path, GS_IMPORT_REPLACE_OLDER);
}

/* The request lives as long as the dialog's handler: freed however the dialog goes. */
static void
import_request_notify (gpointer  data,
                       GClosure *closure)
{
  import_request_free (data);
}

/* Already imported, or newer answers than those here: say so, and offer to import it again
 * as @response_id ("copy": keep both; "replace": the newer answers replace the older). */
static void
ask_to_import_again (GsWindow     *self,
                     const char   *path,
                     const GError *error,
                     const char   *heading,
                     const char   *response_id,
                     const char   *response_label)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, error->message));
  ImportRequest *request = g_new0 (ImportRequest, 1);

  request->self = g_object_ref (self);
  request->path = g_strdup (path);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), response_id, response_label, NULL);
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (import_again_response_cb), request, import_request_notify, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
import_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  ImportRequest *request = user_data;
  GsWindow *self = request->self;
  g_autoptr(GError) error = NULL;
  guint n_added = 0;
  gint64 id = gs_store_import_file_finish (GS_STORE (source), result, &n_added, &error);

  if (id == 0 && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      import_request_free (request);  /* the window is closing */
      return;
    }
  gs_window_end_busy (self);
  if (id == 0 && g_error_matches (error, GS_STORE_ERROR, GS_STORE_ERROR_DUPLICATE))
    ask_to_import_again (self, request->path, error, _("Already Imported"), "copy", _("Import as _Copy"));
  else if (id == 0 && g_error_matches (error, GS_EXCHANGE_ERROR, GS_EXCHANGE_ERROR_NEWER))
    ask_to_import_again (self, request->path, error, _("Replace Older Answers?"), "replace", _("_Replace Older Answers"));
  else if (id == 0)
    gs_window_show_error (self, _("Could Not Import the File"), error);
  else
    {
      g_autofree char *message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u respondent added or updated",
                                                               "%u respondents added or updated", n_added), n_added);
      gs_window_show_toast (self, message);
      gs_window_refresh_results_of (self, id);
    }
  import_request_free (request);
}

static void
import_file_chosen_cb (GtkNativeDialog *chooser,
                       int              response,
                       GsWindow        *self)
{
  g_autoptr(GListModel) files = response == GTK_RESPONSE_ACCEPT ? gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser)) : NULL;
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; files != NULL && i < g_list_model_get_n_items (files); i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (files, i);
      char *path = g_file_get_path (file);

      if (path != NULL)
        g_ptr_array_add (paths, path);
    }
  g_ptr_array_add (paths, NULL);
  g_object_unref (chooser);
  gs_window_import_files (self, (const char * const *) paths->pdata);
}

static void
import_action_cb (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  GsWindow *self = user_data;
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Import an Assessment"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Import"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  gs_window_add_filter (chooser, _("Assessments (JSON or CSV)"), "json", "csv", NULL);
  gs_window_add_filter (chooser, _("JSON"), "json", NULL);
  gs_window_add_filter (chooser, _("CSV"), "csv", NULL);
  gs_window_show_chooser (self, chooser, G_CALLBACK (import_file_chosen_cb));
}

/**
 * gs_window_import_file:
 *
 * Imports @path without blocking the window; reports the outcome in a toast, or in a
 * dialog when the file is refused or was imported before.
 */
void
gs_window_import_file (GsWindow     *self,
                       const char   *path,
                       GsImportMode  mode)
{
  ImportRequest *request;

  g_return_if_fail (GS_IS_WINDOW (self));
  g_return_if_fail (self->store != NULL);

  request = g_new0 (ImportRequest, 1);
  request->self = g_object_ref (self);
  request->path = g_strdup (path);
  gs_window_begin_busy (self, _("Importing…"));
  gs_store_import_file_async (self->store, self->instrument, path, mode, self->cancellable, import_done_cb, request);
}

/* --- Several files at once ------------------------------------------------------------ */

/* Files imported one after the other, off the main thread, with one summary at the end. */
typedef struct {
  GsWindow *self;
  GStrv     paths;
  guint     next;
  guint     n_imported;
  guint     n_added;
  guint     n_nothing_new;  /* files imported that held nothing the database lacked */
  GString  *problems;  /* one line per file refused */
} ImportBatch;

static void import_next (ImportBatch *batch);

static void
import_batch_free (ImportBatch *batch)
{
  g_object_unref (batch->self);
  g_strfreev (batch->paths);
  g_string_free (batch->problems, TRUE);
  g_free (batch);
}

static void
report_batch (ImportBatch *batch)
{
  guint n_files = g_strv_length (batch->paths);
  g_autofree char *files = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u file imported.",
                                                         "%u of %u files imported.", n_files), batch->n_imported, n_files);
  g_autofree char *respondents = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u respondent added or updated.",
                                                               "%u respondents added or updated.", batch->n_added),
                                                  batch->n_added);
  g_autofree char *nothing_new = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, " %u file held nothing new: it was already here.",
                                                               " %u files held nothing new: they were already here.",
                                                               batch->n_nothing_new), batch->n_nothing_new);
  g_autofree char *summary = g_strdup_printf ("%s %s%s", files, respondents, batch->n_nothing_new > 0 ? nothing_new : "");

  if (batch->problems->len == 0)
    {
      gs_window_show_toast (batch->self, summary);
      return;
    }
  {
    g_autofree char *body = g_strdup_printf ("%s\n\n%s", summary, batch->problems->str);
    AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (batch->self),
                                                                          _("Some Files Were Not Imported"), body));

    adw_message_dialog_add_response (dialog, "close", _("_Close"));
    gtk_window_present (GTK_WINDOW (dialog));
  }
}

/* One line per file refused, naming the file (reading errors name it already). */
static void
add_problem (ImportBatch  *batch,
             const char   *path,
             const GError *error)
{
  g_autofree char *name = g_filename_display_basename (path);
  g_autofree char *shown = g_filename_display_name (path);

  g_string_append (batch->problems, "• ");
  if (!g_str_has_prefix (error->message, shown))
    g_string_append_printf (batch->problems, "%s: ", name);
  g_string_append (batch->problems, error->message);
  if (g_error_matches (error, GS_EXCHANGE_ERROR, GS_EXCHANGE_ERROR_NEWER))
    g_string_append_printf (batch->problems, " %s",
                            _("Import that file on its own to be asked whether to replace the older answers."));
  g_string_append_c (batch->problems, '\n');
}

static void
batch_file_done_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  ImportBatch *batch = user_data;
  g_autoptr(GError) error = NULL;
  guint n_added = 0;
  gint64 id = gs_store_import_file_finish (GS_STORE (source), result, &n_added, &error);

  if (id == 0 && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      import_batch_free (batch);  /* the window is closing */
      return;
    }
  gs_window_end_busy (batch->self);
  if (id == 0)
    add_problem (batch, batch->paths[batch->next - 1], error);
  else
    {
      batch->n_imported++;
      batch->n_added += n_added;
      batch->n_nothing_new += n_added == 0;
      gs_window_refresh_results_of (batch->self, id);
    }
  import_next (batch);
}

static void
import_next (ImportBatch *batch)
{
  GsWindow *self = batch->self;
  const char *path = batch->paths[batch->next];

  if (path == NULL)
    {
      report_batch (batch);
      import_batch_free (batch);
      return;
    }
  batch->next++;
  gs_window_begin_busy (self, _("Importing…"));
  gs_store_import_file_async (self->store, self->instrument, path, GS_IMPORT_REFUSE_DUPLICATE, self->cancellable,
                              batch_file_done_cb, batch);
}

/**
 * gs_window_import_files:
 * @paths: the files, %NULL-terminated
 *
 * Imports each file on its own, one after the other; a single file is imported as Import
 * does, several end with one summary of what was added and which files were refused, why.
 */
void
gs_window_import_files (GsWindow           *self,
                        const char * const *paths)
{
  ImportBatch *batch;

  g_return_if_fail (GS_IS_WINDOW (self));
  if (paths == NULL || paths[0] == NULL)
    return;
  if (paths[1] == NULL)
    {
      gs_window_import_file (self, paths[0], GS_IMPORT_REFUSE_DUPLICATE);
      return;
    }
  batch = g_new0 (ImportBatch, 1);
  batch->self = g_object_ref (self);
  batch->paths = g_strdupv ((char **) paths);
  batch->problems = g_string_new (NULL);
  import_next (batch);
}

/* Files dropped on the window are imported as if chosen. */
static gboolean
files_dropped_cb (GtkDropTarget *target,
                  const GValue  *value,
                  double         x,
                  double         y,
                  GsWindow      *self)
{
  GSList *files = g_value_get_boxed (value);
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);

  for (GSList *l = files; l != NULL; l = l->next)
    {
      char *path = g_file_get_path (l->data);

      if (path != NULL)
        g_ptr_array_add (paths, path);
    }
  g_ptr_array_add (paths, NULL);
  if (self->store == NULL || !gs_store_get_writable (self->store))
    return FALSE;
  gs_window_import_files (self, (const char * const *) paths->pdata);
  return TRUE;
}

/* The survey and paper actions, and dropping files on the window. */
void
gs_window_add_survey_actions (GsWindow *self)
{
  static const GActionEntry actions[] = {
    { "import", import_action_cb },
    { "import-survey", import_survey_action_cb },
    { "export-survey-template", export_template_action_cb },
    { "export-questionnaire", export_questionnaire_action_cb },
  };
  GtkDropTarget *drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  g_signal_connect (drop, "drop", G_CALLBACK (files_dropped_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
  g_action_map_add_action_entries (G_ACTION_MAP (self), actions, G_N_ELEMENTS (actions), self);
}
