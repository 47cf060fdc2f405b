/* gs-window-export.c — the window's Export commands: chart images, the report, printing
 *
 * Their save dialogs and choices (size, paper, caption, language), and the functions the
 * tests call in their place. The files themselves are written by gs-window-output.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gs-window"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "core/gs-language.h"
#include "gs-window-output.h"
#include "report/gs-chart-registry.h"
#include "gs-window-private.h"

static void
output_done_cb (GtkWindow    *window,
                const GError *error,
                const char   *message)
{
  gs_window_end_busy (GS_WINDOW (window));
  if (error != NULL)
    gs_window_show_error (GS_WINDOW (window), _("Could Not Save the File"), error);
  else
    gs_window_show_toast (GS_WINDOW (window), message);
}


static const char *
visible_chart (GsWindow *self)
{
  return gs_chart_view_get_chart_name (gs_window_visible_chart_view (self));
}

/* A list among a save dialog's choices, @chosen shown. GTK 4.8's own file chooser (used
 * where there is no desktop portal) ignores gtk_file_chooser_set_choice() for a list and
 * shows its first option, so @chosen is put first as well. */
static void
add_list_choice (GtkFileChooserNative *chooser,
                 const char           *id,
                 const char           *label,
                 const char * const   *options,
                 const char * const   *option_labels,
                 const char           *chosen)
{
  const char *ordered[8] = { NULL }, *ordered_labels[8] = { NULL };
  guint n = 0;

  for (guint i = 0; options[i] != NULL && n + 1 < G_N_ELEMENTS (ordered); i++)
    if (g_str_equal (options[i], chosen))
      {
        ordered[n] = options[i];
        ordered_labels[n++] = option_labels[i];
      }
  for (guint i = 0; options[i] != NULL && n + 1 < G_N_ELEMENTS (ordered); i++)
    if (!g_str_equal (options[i], chosen))
      {
        ordered[n] = options[i];
        ordered_labels[n++] = option_labels[i];
      }
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), id, label, ordered, ordered_labels);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), id, chosen);  /* the portals' way */
}

/* A consultant in Wales may need a document in Welsh and in English: any language, the
 * window's first. Each language is named in itself. */
void
gs_window_add_language_choice (GtkFileChooserNative *chooser)
{
  const char * const *codes = gs_language_codes ();
  const char *names[8] = { NULL };

  for (guint i = 0; codes[i] != NULL && i + 1 < G_N_ELEMENTS (names); i++)
    names[i] = gs_language_name (codes[i]);
  add_list_choice (chooser, "language", _("Language"), codes, names, gs_language_current ());
}

/* "Six-month follow-up — Context profile.png": the chart's title in the window's language,
 * not its name for the command line. */
static char *
chart_file_name (GsWindow *self)
{
  int row = -1;
  const GsChartInfo *info = gs_chart_registry_find (visible_chart (self), G_MAXUINT, &row, NULL);
  g_autofree char *title = info != NULL ? gs_chart_info_title (info, row) : g_strdup (visible_chart (self));
  char *name = g_strdup_printf ("%s — %s.png", gs_assessment_get_title (gs_analysis_get_assessment (self->analysis)),
                                title);

  return g_strdelimit (name, "/\\", '-');
}

static void
export_chart_response_cb (GtkNativeDialog *chooser,
                          int              response,
                          GsWindow        *self)
{
  static const char *known[] = { ".png", ".svg", ".pdf", NULL };
  g_autofree char *path = gs_window_chosen_path_with_suffix (chooser, response, known);
  const char *size = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "size");
  const char *scale = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "scale");
  const char *caption = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "caption");
  double width = 1600, height = 1000;

  if (path != NULL && self->analysis != NULL)
    {
      if (size == NULL || sscanf (size, "%lfx%lf", &width, &height) != 2)
        {
          width = 1600;
          height = 1000;
        }
      gs_window_export_chart_in (self, gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "language"),
                                 visible_chart (self), path, width, height,
                                 scale != NULL ? g_ascii_strtod (scale, NULL) : 1, g_strcmp0 (caption, "false") != 0);
    }
  g_object_unref (chooser);
}

static void
export_chart_action_cb (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  GsWindow *self = user_data;
  GtkFileChooserNative *chooser;
  g_autofree char *name = chart_file_name (self);
  static const char *sizes[] = { "1600x1000", "1920x1080", "1280x720", "3840x2160", NULL };
  static const char *size_labels[] = { N_("1600 × 1000"), N_("1920 × 1080 (slide)"), N_("1280 × 720"), N_("3840 × 2160 (4K)"), NULL };
  static const char *scales[] = { "1", "2", NULL };
  static const char *scale_labels[] = { N_("1× (PNG)"), N_("2× (HiDPI PNG)"), NULL };
  const char *translated_sizes[G_N_ELEMENTS (size_labels)], *translated_scales[G_N_ELEMENTS (scale_labels)];

  for (guint i = 0; i < G_N_ELEMENTS (size_labels); i++)
    translated_sizes[i] = size_labels[i] != NULL ? _(size_labels[i]) : NULL;
  for (guint i = 0; i < G_N_ELEMENTS (scale_labels); i++)
    translated_scales[i] = scale_labels[i] != NULL ? _(scale_labels[i]) : NULL;
  chooser = gtk_file_chooser_native_new (_("Export the Chart"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gs_window_add_filter (chooser, _("PNG image"), "png", NULL);
  gs_window_add_filter (chooser, _("SVG drawing"), "svg", NULL);
  gs_window_add_filter (chooser, _("PDF document"), "pdf", NULL);
  add_list_choice (chooser, "size", _("Size"), sizes, translated_sizes, "1600x1000");
  add_list_choice (chooser, "scale", _("Scale"), scales, translated_scales, "1");
  /* So that the chart says on a slide what it is, whose, when, and where it comes from. */
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "caption", _("Add a caption: title, organisation, date, source"),
                               NULL, NULL);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "caption", "true");
  gs_window_add_language_choice (chooser);
  gs_window_show_chooser (self, chooser, G_CALLBACK (export_chart_response_cb));
}

static void
copy_chart_action_cb (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  GsWindow *self = user_data;
  g_autoptr(GError) error = NULL;

  if (!gs_output_copy_chart (GTK_WIDGET (gs_window_visible_chart_view (self)), self->analysis,
                             visible_chart (self), &error))
    gs_window_show_error (self, _("Could Not Copy the Chart"), error);
  else
    gs_window_show_toast (self, _("Chart copied as an image"));
}

static void
export_report_response_cb (GtkNativeDialog *chooser,
                           int              response,
                           GsWindow        *self)
{
  static const char *known[] = { ".pdf", NULL };
  g_autofree char *path = gs_window_chosen_path_with_suffix (chooser, response, known);
  const char *paper_name = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "paper");
  GsPaper paper = GS_PAPER_A4;
  GsReportFlags flags = g_strcmp0 (gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "names"), "true") == 0
                        ? GS_REPORT_NAME_RESPONDENTS : GS_REPORT_DEFAULT;
  const char *language = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "language");

  if (path != NULL && self->analysis != NULL)
    {
      if (paper_name != NULL)
        gs_paper_from_string (paper_name, &paper);
      gs_window_export_report_in (self, language, path, paper, flags);
    }
  g_object_unref (chooser);
}

static void
export_report_action_cb (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  GsWindow *self = user_data;
  GtkFileChooserNative *chooser;
  g_autofree char *name = g_strdup_printf ("%s — %s.pdf", gs_assessment_get_organisation_name (gs_analysis_get_assessment (self->analysis)),
                                           gs_assessment_get_title (gs_analysis_get_assessment (self->analysis)));
  static const char *papers[] = { "a4", "letter", NULL };
  const char *paper_labels[] = { _("A4"), _("US Letter"), NULL };
  g_autofree char *paper = g_settings_get_string (self->settings, "paper-size");

  chooser = gtk_file_chooser_native_new (_("Export the Report"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gs_window_add_filter (chooser, _("PDF document"), "pdf", NULL);
  add_list_choice (chooser, "paper", _("Paper"), papers, paper_labels, paper);
  /* Off unless asked for each time: notes are printed without their writers' names. */
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "names", _("Name respondents beside their evidence notes"),
                               NULL, NULL);
  gs_window_add_language_choice (chooser);
  gs_window_show_chooser (self, chooser, G_CALLBACK (export_report_response_cb));
}

static void
print_action_cb (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  GsWindow *self = user_data;
  g_autoptr(GtkPrintOperation) operation = gs_output_print_operation (self->analysis);
  g_autoptr(GError) error = NULL;

  /* The print dialog offers a preview; GTK runs it without blocking the window. */
  gtk_print_operation_set_allow_async (operation, TRUE);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, GTK_WINDOW (self), &error) ==
      GTK_PRINT_OPERATION_RESULT_ERROR)
    gs_window_show_error (self, _("Could Not Print"), error);
}

/**
 * gs_window_export_chart:
 *
 * Writes the chart @chart of the assessment being shown to @path, off the main thread,
 * with a caption (title, organisation, assessment, date, source) when @caption; a toast or
 * an error dialog tells the outcome.
 */
void
gs_window_export_chart (GsWindow   *self,
                        const char *chart,
                        const char *path,
                        double      width,
                        double      height,
                        double      scale,
                        gboolean    caption)
{
  g_return_if_fail (GS_IS_WINDOW (self));
  g_return_if_fail (self->analysis != NULL);

  gs_window_begin_busy (self, _("Exporting the chart…"));
  gs_output_export_chart (GTK_WINDOW (self), self->analysis, chart, path, width, height, scale, caption,
                          self->cancellable, output_done_cb);
}

/**
 * gs_window_export_chart_in:
 * @language: (nullable): "en", "cy" or "es"; NULL or the window's own: as gs_window_export_chart()
 *
 * Writes the chart in @language: in another language than the window's, by a child process
 * (gs-window-output.c says why).
 */
void
gs_window_export_chart_in (GsWindow   *self,
                           const char *language,
                           const char *chart,
                           const char *path,
                           double      width,
                           double      height,
                           double      scale,
                           gboolean    caption)
{
  g_return_if_fail (GS_IS_WINDOW (self));
  g_return_if_fail (self->analysis != NULL);

  if (!gs_language_is_other (language))
    {
      gs_window_export_chart (self, chart, path, width, height, scale, caption);
      return;
    }
  gs_window_begin_busy (self, _("Exporting the chart…"));
  gs_output_export_chart_in (GTK_WINDOW (self), language, gs_store_get_path (self->store),
                             gs_analysis_get_assessment_id (self->analysis), chart, path, width, height, scale, caption,
                             self->cancellable, output_done_cb);
}

void
gs_window_export_report (GsWindow      *self,
                         const char    *path,
                         GsPaper        paper,
                         GsReportFlags  flags)
{
  g_return_if_fail (GS_IS_WINDOW (self));
  g_return_if_fail (self->analysis != NULL);

  gs_window_begin_busy (self, _("Exporting the report…"));
  gs_output_export_report (GTK_WINDOW (self), self->analysis, paper, flags, path, self->cancellable, output_done_cb);
}

/**
 * gs_window_export_report_in:
 * @language: (nullable): "en", "cy" or "es"; NULL or the window's own: as gs_window_export_report()
 *
 * Writes the report in @language: in another language than the window's, by a child process
 * (gs_output_export_report_in() says why).
 */
void
gs_window_export_report_in (GsWindow      *self,
                            const char    *language,
                            const char    *path,
                            GsPaper        paper,
                            GsReportFlags  flags)
{
  g_return_if_fail (GS_IS_WINDOW (self));
  g_return_if_fail (self->analysis != NULL);

  if (!gs_language_is_other (language))
    {
      gs_window_export_report (self, path, paper, flags);
      return;
    }
  gs_window_begin_busy (self, _("Exporting the report…"));
  gs_output_export_report_in (GTK_WINDOW (self), language, gs_store_get_path (self->store),
                              gs_analysis_get_assessment_id (self->analysis), paper, flags, path,
                              self->cancellable, output_done_cb);
}

/* Prints the report to a PDF file through GtkPrintOperation, as the print dialog would. */
gboolean
gs_window_print_to_file (GsWindow    *self,
                         const char  *path,
                         GError     **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;

  g_return_val_if_fail (self->analysis != NULL, FALSE);
  operation = gs_output_print_operation (self->analysis);
  gtk_print_operation_set_export_filename (operation, path);
  return gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, GTK_WINDOW (self), error) ==
         GTK_PRINT_OPERATION_RESULT_APPLY;
}

void
gs_window_add_export_actions (GsWindow *self)
{
  static const GActionEntry actions[] = {
    { "export-chart", export_chart_action_cb },
    { "copy-chart", copy_chart_action_cb },
    { "export-report", export_report_action_cb },
    { "print", print_action_cb },
  };

  g_action_map_add_action_entries (G_ACTION_MAP (self), actions, G_N_ELEMENTS (actions), self);
}
