/* gs-window-output.c — what leaves the window: chart images, the PDF report, printing
 *
 * Files are written in a worker thread from a copy of the analysis, so the window
 * never freezes and may move on meanwhile; the callback reports back on the main thread.
 * Printing draws the same pages as the PDF, with the same code.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gs-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gs-window-output.h"

typedef struct {
  GsAnalysis    *analysis;  /* the worker's own copy */
  char          *chart;     /* NULL for the report */
  char          *path;
  double         width, height, scale;
  gboolean       caption;
  GsPaper        paper;
  GsReportFlags  flags;
  GsOutputDone   done;
} OutputJob;

static void
output_job_free (OutputJob *job)
{
  g_clear_object (&job->analysis);
  g_free (job->chart);
  g_free (job->path);
  g_free (job);
}

static void
output_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  OutputJob *job = task_data;
  GError *error = NULL;
  gboolean ok;

  if (g_task_return_error_if_cancelled (task))
    return;
  if (job->chart != NULL)
    ok = gs_chart_export (job->chart, job->analysis, job->path, job->width, job->height, job->scale, job->caption,
                          &error);
  else
    ok = gs_report_write_pdf (job->analysis, job->paper, job->flags, job->path, &error);
  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* "Saved “report.pdf”": what the window's toast says of a file written. */
static char *
saved_message (const char *path)
{
  g_autofree char *basename = g_path_get_basename (path);

  return g_strdup_printf (_("Saved “%s”"), basename);
}

static void
output_done_cb (GObject      *source_object,
                GAsyncResult *result,
                gpointer      user_data)
{
  OutputJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error) && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (error == NULL)
    message = saved_message (job->path);
  job->done (GTK_WINDOW (source_object), error, message);
}

static void
run_job (GtkWindow    *window,
         OutputJob    *job,
         GCancellable *cancellable)
{
  g_autoptr(GTask) task = g_task_new (window, cancellable, output_done_cb, NULL);

  g_task_set_task_data (task, job, (GDestroyNotify) output_job_free);
  g_task_run_in_thread (task, output_thread);
}

void
gs_output_export_chart (GtkWindow           *window,
                        GsAnalysis          *analysis,
                        const char          *chart,
                        const char          *path,
                        double               width,
                        double               height,
                        double               scale,
                        gboolean             caption,
                        GCancellable        *cancellable,
                        GsOutputDone         done)
{
  OutputJob *job = g_new0 (OutputJob, 1);

  job->analysis = gs_analysis_copy (analysis);
  job->chart = g_strdup (chart);
  job->path = g_strdup (path);
  job->width = width;
  job->height = height;
  job->scale = scale;
  job->caption = caption;
  job->done = done;
  run_job (window, job, cancellable);
}

void
gs_output_export_report (GtkWindow           *window,
                         GsAnalysis          *analysis,
                         GsPaper              paper,
                         GsReportFlags        flags,
                         const char          *path,
                         GCancellable        *cancellable,
                         GsOutputDone         done)
{
  OutputJob *job = g_new0 (OutputJob, 1);

  job->analysis = gs_analysis_copy (analysis);
  job->path = g_strdup (path);
  job->paper = paper;
  job->flags = flags;
  job->done = done;
  run_job (window, job, cancellable);
}

/* --- A document in another language ------------------------------------------------------
 *
 * The process's language is the window's (gs-language.c says why it cannot change under a
 * worker), so a document in another language is written by Groundswell itself, run as a
 * command in a child process: `groundswell --language=cy --export-report=ID`. It opens the
 * database the window has open (SQLite lets both in; a respondent's page adds them to it)
 * and writes through the same code. */

static void
child_done_cb (GObject      *source_object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GSubprocess *child = G_SUBPROCESS (source_object);
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;

  if (!g_subprocess_communicate_utf8_finish (child, result, NULL, &err, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else if (!g_subprocess_get_successful (child))
    {
      /* the child says what went wrong as "groundswell: …" on its last line */
      g_autofree char *said = g_strstrip (g_strdup (err != NULL ? err : ""));
      const char *line = strrchr (said, '\n') != NULL ? strrchr (said, '\n') + 1 : said;

      if (g_str_has_prefix (line, "groundswell: "))
        line += strlen ("groundswell: ");
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED, "%s",
                               line[0] != '\0' ? line : _("The file could not be written."));
    }
  else
    g_task_return_pointer (task, saved_message (g_task_get_task_data (task)), g_free);
}

/**
 * gs_output_run_in_async:
 * @language: "en", "cy" or "es"
 * @database: the database the child reads (and, for a respondent's page, adds them to)
 * @args: the command's other arguments, --output excepted
 *
 * Runs `groundswell --language=LANGUAGE --database=DATABASE ARGS… --output=PATH`. Finish with
 * gs_output_run_in_finish().
 */
void
gs_output_run_in_async (const char          *language,
                        const char          *database,
                        GPtrArray           *args,
                        const char          *path,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  /* GS_EXECUTABLE: the UI tests run the window inside a test program, and name the real one */
  g_autofree char *self_exe = g_getenv ("GS_EXECUTABLE") != NULL ? g_strdup (g_getenv ("GS_EXECUTABLE"))
                                                                 : g_file_read_link ("/proc/self/exe", NULL);
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) child = NULL;
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_task_data (task, g_strdup (path), g_free);
  g_ptr_array_add (argv, g_strdup (self_exe));
  g_ptr_array_add (argv, g_strdup_printf ("--language=%s", language));
  g_ptr_array_add (argv, g_strdup_printf ("--database=%s", database));
  for (guint i = 0; i < args->len; i++)
    g_ptr_array_add (argv, g_strdup (g_ptr_array_index (args, i)));
  g_ptr_array_add (argv, g_strdup_printf ("--output=%s", path));
  g_ptr_array_add (argv, NULL);
  if (self_exe != NULL)
    child = g_subprocess_newv ((const char * const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  else
    g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("Groundswell could not find its own program."));
  if (child == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }
  g_subprocess_communicate_utf8_async (child, NULL, cancellable, child_done_cb, task);
}

/* Returns: (transfer full): the toast's words ("Saved “…”"), or %NULL with @error set */
char *
gs_output_run_in_finish (GAsyncResult  *result,
                         GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

typedef struct {
  GtkWindow    *window;
  GsOutputDone  done;
} DoneCall;

static void
ran_in_cb (GObject      *source_object,
           GAsyncResult *result,
           gpointer      user_data)
{
  DoneCall *call = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = gs_output_run_in_finish (result, &error);

  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    call->done (call->window, error, message);
  g_object_unref (call->window);
  g_free (call);
}

/* As gs_output_run_in_async(), telling @done how it went. */
static void
export_in (GtkWindow           *window,
           const char          *language,
           const char          *database,
           GPtrArray           *args,
           const char          *path,
           GCancellable        *cancellable,
           GsOutputDone         done)
{
  DoneCall *call = g_new0 (DoneCall, 1);

  call->window = g_object_ref (window);
  call->done = done;
  gs_output_run_in_async (language, database, args, path, cancellable, ran_in_cb, call);
}

/* The command's --paper for @paper: the report and the paper questionnaire take it alike. */
static char *
paper_argument (GsPaper paper)
{
  return g_strdup (paper == GS_PAPER_LETTER ? "--paper=letter" : "--paper=a4");
}

void
gs_output_export_report_in (GtkWindow           *window,
                            const char          *language,
                            const char          *database,
                            gint64               assessment_id,
                            GsPaper              paper,
                            GsReportFlags        flags,
                            const char          *path,
                            GCancellable        *cancellable,
                            GsOutputDone         done)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (args, g_strdup_printf ("--export-report=%" G_GINT64_FORMAT, assessment_id));
  g_ptr_array_add (args, paper_argument (paper));
  if (flags & GS_REPORT_NAME_RESPONDENTS)
    g_ptr_array_add (args, g_strdup ("--name-respondents"));
  export_in (window, language, database, args, path, cancellable, done);
}

void
gs_output_export_chart_in (GtkWindow           *window,
                           const char          *language,
                           const char          *database,
                           gint64               assessment_id,
                           const char          *chart,
                           const char          *path,
                           double               width,
                           double               height,
                           double               scale,
                           gboolean             caption,
                           GCancellable        *cancellable,
                           GsOutputDone         done)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  g_ptr_array_add (args, g_strdup_printf ("--export-chart=%" G_GINT64_FORMAT, assessment_id));
  g_ptr_array_add (args, g_strdup_printf ("--chart=%s", chart));
  /* numbers the locale-free way: the child may write decimal commas */
  g_ptr_array_add (args, g_strconcat ("--width=", g_ascii_dtostr (number, sizeof number, width), NULL));
  g_ptr_array_add (args, g_strconcat ("--height=", g_ascii_dtostr (number, sizeof number, height), NULL));
  g_ptr_array_add (args, g_strconcat ("--scale=", g_ascii_dtostr (number, sizeof number, scale), NULL));
  if (!caption)
    g_ptr_array_add (args, g_strdup ("--no-caption"));
  export_in (window, language, database, args, path, cancellable, done);
}

void
gs_output_export_questionnaire_in (GtkWindow    *window,
                                   const char   *language,
                                   const char   *database,
                                   gint64        assessment_id,
                                   GsPaper       paper,
                                   const char   *path,
                                   GCancellable *cancellable,
                                   GsOutputDone  done)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (args, g_strdup_printf ("--export-questionnaire=%" G_GINT64_FORMAT, assessment_id));
  g_ptr_array_add (args, paper_argument (paper));
  export_in (window, language, database, args, path, cancellable, done);
}

/* Puts the chart on the clipboard as an image at twice the widget's size, sharp on slides. */
gboolean
gs_output_copy_chart (GtkWidget           *chart_view,
                      GsAnalysis          *analysis,
                      const char          *chart,
                      GError             **error)
{
  int width = MAX (320, gtk_widget_get_width (chart_view)), height = MAX (240, gtk_widget_get_height (chart_view));
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * 2, height * 2);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  gboolean ok;

  cairo_scale (cr, 2, 2);
  ok = gs_analysis_draw (analysis, chart, cr, width, height, gs_palette_get (GS_PALETTE_LIGHT), NULL, error);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  if (ok)
    {
      bytes = g_bytes_new (cairo_image_surface_get_data (surface),
                           (gsize) cairo_image_surface_get_stride (surface) * cairo_image_surface_get_height (surface));
      texture = gdk_memory_texture_new (width * 2, height * 2, GDK_MEMORY_DEFAULT, bytes,
                                        (gsize) cairo_image_surface_get_stride (surface));
      gdk_clipboard_set_texture (gtk_widget_get_clipboard (chart_view), texture);
    }
  cairo_surface_destroy (surface);
  return ok;
}

typedef struct {
  GsAnalysis    *analysis;
  GsReport      *report;
} PrintJob;

static void
print_job_free (PrintJob *job)
{
  g_clear_pointer (&job->report, gs_report_free);
  g_clear_object (&job->analysis);
  g_free (job);
}

/* The report is laid out for the printer's page, in points, once the page is known. */
static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                PrintJob          *job)
{
  GtkPageSetup *setup = gtk_print_context_get_page_setup (context);

  g_clear_pointer (&job->report, gs_report_free);
  job->report = gs_report_new (job->analysis, gtk_page_setup_get_paper_width (setup, GTK_UNIT_POINTS),
                               gtk_page_setup_get_paper_height (setup, GTK_UNIT_POINTS), GS_REPORT_DEFAULT);
  gtk_print_operation_set_n_pages (operation, (int) gs_report_get_n_pages (job->report));
}

/* With the full page in use, the context's origin is the paper's corner; the report is
 * drawn in points, scaled to the context's units. */
static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              PrintJob          *job)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  GtkPageSetup *setup = gtk_print_context_get_page_setup (context);
  double scale = gtk_print_context_get_width (context) / gtk_page_setup_get_paper_width (setup, GTK_UNIT_POINTS);

  cairo_save (cr);
  cairo_scale (cr, scale, scale);
  gs_report_draw_page (job->report, cr, (guint) page);
  cairo_restore (cr);
}

/**
 * gs_output_print_operation:
 *
 * Returns: (transfer full): a print operation that prints the report's pages; run it with
 *   the print dialog (which offers a preview) or export it to a file
 */
GtkPrintOperation *
gs_output_print_operation (GsAnalysis *analysis)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  PrintJob *job = g_new0 (PrintJob, 1);

  job->analysis = gs_analysis_copy (analysis);
  gtk_print_operation_set_job_name (operation, gs_assessment_get_title (gs_analysis_get_assessment (analysis)));
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), job);
  g_object_set_data_full (G_OBJECT (operation), "gs-print-job", job, (GDestroyNotify) print_job_free);
  return operation;
}
