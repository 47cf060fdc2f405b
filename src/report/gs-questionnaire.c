/* gs-questionnaire.c — the questions on paper, for respondents who answer with a pen
 *
 * A cover with what to do and fields for a name (or code) and a group; then each part of
 * the questions from a new page, as the answer page asks them: every statement numbered,
 * its scale as tick boxes with their words, don't know and not applicable where its scale
 * offers them, and the item's id small beside it, so that whoever types the answers in
 * (with the keys 1–5, D and N) finds each one fast. Text is drawn with the report's styles
 * (gs-report-text.c), so it is selectable and searchable.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gs-report"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>

#include "core/gs-safe-file.h"
#include "gs-questionnaire.h"
#include "gs-report-text.h"

#define MARGIN 50.0
#define BOX 9.0
#define GAP 14.0

typedef struct {
  cairo_t      *cr;
  double        width, height;
  double        y;
  GsInstrument *instrument;
} Sheet;

static double
text_width (const Sheet *sheet)
{
  return sheet->width - 2 * MARGIN;
}

static void
new_page (Sheet *sheet)
{
  cairo_show_page (sheet->cr);
  sheet->y = MARGIN;
}

/* The labels of @item's choices: the scale's five words, then don't know and not applicable
 * where it offers them. */
static GPtrArray *
choice_labels (const GsItem *item)
{
  GPtrArray *labels = g_ptr_array_new_with_free_func (g_free);

  for (int point = 0; point < GS_SCALE_POINTS; point++)
    g_ptr_array_add (labels, g_strdup_printf ("%d %s", point + 1, item->scale->labels[point]));
  if (item->scale->allows_dont_know)
    g_ptr_array_add (labels, g_strdup (_("Don't know")));
  if (item->scale->allows_not_applicable)
    g_ptr_array_add (labels, g_strdup (_("Not applicable")));
  return labels;
}

/* Draws (or, without @draw, measures) one row of tick boxes; returns its height. */
static double
tick_boxes (Sheet        *sheet,
            const GsItem *item,
            double        y,
            gboolean      draw)
{
  g_autoptr(GPtrArray) labels = choice_labels (item);
  double column = text_width (sheet) / labels->len, tallest = BOX;

  for (guint c = 0; c < labels->len; c++)
    {
      double x = MARGIN + c * column;
      double h = gs_report_paragraph (sheet->cr, g_ptr_array_index (labels, c), STYLE_SMALL, x + BOX + 4, y,
                                      column - BOX - 10, draw);

      if (draw)
        {
          cairo_set_line_width (sheet->cr, 0.8);
          cairo_set_source_rgb (sheet->cr, 0.2, 0.2, 0.2);
          cairo_rectangle (sheet->cr, x + 0.5, y + 1.5, BOX, BOX);
          cairo_stroke (sheet->cr);
        }
      tallest = MAX (tallest, h);
    }
  return tallest;
}

/* One question: "12. statement", its tick boxes and its id; a new page first when it does
 * not fit. */
static void
draw_item (Sheet        *sheet,
           const GsItem *item,
           guint         number)
{
  g_autofree char *statement = g_strdup_printf ("%u. %s", number, item->statement);
  double height = gs_report_paragraph (sheet->cr, statement, STYLE_BODY, MARGIN, 0, text_width (sheet), FALSE) + 4 +
                  tick_boxes (sheet, item, 0, FALSE) + 2 +
                  gs_report_paragraph (sheet->cr, item->id, STYLE_SMALL, MARGIN, 0, text_width (sheet), FALSE);

  if (sheet->y + height > sheet->height - MARGIN)
    new_page (sheet);
  sheet->y += gs_report_paragraph (sheet->cr, statement, STYLE_BODY, MARGIN, sheet->y, text_width (sheet), TRUE) + 4;
  sheet->y += tick_boxes (sheet, item, sheet->y, TRUE) + 2;
  cairo_set_source_rgb (sheet->cr, 0.45, 0.45, 0.45);
  sheet->y += gs_report_paragraph (sheet->cr, item->id, STYLE_SMALL, MARGIN, sheet->y, text_width (sheet), TRUE) + GAP;
  cairo_set_source_rgb (sheet->cr, 0, 0, 0);
}

/* A label and a line to write on. */
static void
write_in_field (Sheet      *sheet,
                const char *label)
{
  double h = gs_report_paragraph (sheet->cr, label, STYLE_BODY, MARGIN, sheet->y, text_width (sheet), TRUE);

  cairo_set_line_width (sheet->cr, 0.6);
  cairo_move_to (sheet->cr, MARGIN, sheet->y + h + 22);
  cairo_line_to (sheet->cr, sheet->width - MARGIN, sheet->y + h + 22);
  cairo_stroke (sheet->cr);
  sheet->y += h + 40;
}

static void
draw_cover (Sheet        *sheet,
            GsAssessment *assessment)
{
  g_autofree char *title = g_strdup_printf ("%s — %s", gs_assessment_get_organisation_name (assessment),
                                            gs_assessment_get_title (assessment));
  g_autofree char *how = g_strdup_printf (
    g_dngettext (GETTEXT_PACKAGE,
                 "There are %u statements, in %u parts; answering takes about %u minute. For each, tick the one box "
                 "that says how far it is true of your organisation today, as you see it. Tick “Don't know” when "
                 "you cannot say, and “Not applicable” where the statement does not apply. There are no right "
                 "answers: the results show where people agree and where they see things differently.",
                 "There are %u statements, in %u parts; answering takes about %u minutes. For each, tick the one "
                 "box that says how far it is true of your organisation today, as you see it. Tick “Don't know” "
                 "when you cannot say, and “Not applicable” where the statement does not apply. There are no right "
                 "answers: the results show where people agree and where they see things differently.",
                 gs_instrument_estimate_minutes (sheet->instrument)),
    gs_instrument_get_items (sheet->instrument)->len, gs_instrument_get_n_parts (sheet->instrument),
    gs_instrument_estimate_minutes (sheet->instrument));

  sheet->y = MARGIN;
  sheet->y += gs_report_paragraph (sheet->cr, _("Readiness for an improvement movement: questionnaire"), STYLE_TITLE, MARGIN,
                                   sheet->y, text_width (sheet), TRUE) + 8;
  sheet->y += gs_report_paragraph (sheet->cr, title, STYLE_HEADING, MARGIN, sheet->y, text_width (sheet), TRUE) + GAP;
  sheet->y += gs_report_paragraph (sheet->cr, how, STYLE_BODY, MARGIN, sheet->y, text_width (sheet), TRUE) + 2 * GAP;
  write_in_field (sheet, _("Name, or the code you were given (leave empty to answer anonymously)"));
  write_in_field (sheet, _("Group (board, managers, front line…)"));
  cairo_set_source_rgb (sheet->cr, 0.45, 0.45, 0.45);
  gs_report_paragraph (sheet->cr, _("The statements draw on Bate P, Robert G, Bevan H. The next phase of healthcare "
                                    "improvement: what can we learn from social movements? Qual Saf Health Care "
                                    "2004;13:62–66."),
                       STYLE_SMALL, MARGIN, sheet->y, text_width (sheet), TRUE);
  cairo_set_source_rgb (sheet->cr, 0, 0, 0);
}

static void
draw_questionnaire (Sheet        *sheet,
                    GsAssessment *assessment)
{
  guint number = 0;

  draw_cover (sheet, assessment);
  for (guint p = 0; p < gs_instrument_get_n_parts (sheet->instrument); p++)
    {
      g_autofree char *title = NULL;
      const char *description = NULL;
      g_autoptr(GPtrArray) items = gs_instrument_get_part (sheet->instrument, p, &title, &description);

      new_page (sheet);
      sheet->y += gs_report_paragraph (sheet->cr, title, STYLE_HEADING, MARGIN, sheet->y, text_width (sheet), TRUE) + 4;
      if (description != NULL)
        sheet->y += gs_report_paragraph (sheet->cr, description, STYLE_BODY, MARGIN, sheet->y, text_width (sheet), TRUE) + GAP;
      for (guint i = 0; i < items->len; i++)
        draw_item (sheet, g_ptr_array_index (items, i), ++number);
    }
  cairo_show_page (sheet->cr);
}

/**
 * gs_questionnaire_write_pdf:
 * @instrument: the questions @assessment is answered with
 *
 * Writes the printable questionnaire to a temporary file beside @path, renamed into place.
 */
gboolean
gs_questionnaire_write_pdf (GsInstrument  *instrument,
                            GsAssessment  *assessment,
                            GsPaper        paper,
                            const char    *path,
                            GError       **error)
{
  g_autofree char *temp_path = gs_safe_file_begin (path, error);
  cairo_surface_t *surface;
  cairo_status_t status;
  Sheet sheet = { NULL, 0, 0, MARGIN, instrument };

  if (temp_path == NULL)
    return FALSE;
  gs_paper_get_size (paper, &sheet.width, &sheet.height);
  surface = cairo_pdf_surface_create (temp_path, sheet.width, sheet.height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, _("Readiness for an improvement movement: questionnaire"));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Groundswell " PACKAGE_VERSION);
  sheet.cr = cairo_create (surface);
  draw_questionnaire (&sheet, assessment);
  cairo_destroy (sheet.cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      gs_safe_file_abort (temp_path);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write “%s”: %s"), path, cairo_status_to_string (status));
      return FALSE;
    }
  return gs_safe_file_commit (temp_path, path, error);
}
