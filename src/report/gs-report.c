/* gs-report.c — the PDF report a consultant hands over
 *
 * The report is paginated once, when it is made: each page is a cover, a summary, a chart,
 * a slice of the item table, or a slice of flowing text (evidence notes, suggestions,
 * method, references) broken between paragraphs, or at a line break inside one taller
 * than a page. Drawing a page draws only that page, so
 * the PDF writer and GtkPrintOperation share gs_report_draw_page(). Text is drawn with
 * Pango, so the PDF's text stays selectable and searchable; charts are drawn with the same
 * cairo functions as on screen, so they stay vector. Text is measured and drawn by
 * gs-report-text.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gs-report"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "charts/gs-chart-shapes.h"
#include "gs-report.h"
#include "gs-report-private.h"
#include "gs-report-text.h"
#include "gs-results-text.h"
#include "core/gs-safe-file.h"

/* --- Pages ----------------------------------------------------------------------------- */

static void
page_free (Page *page)
{
  g_free (page->title);
  g_clear_pointer (&page->figures, g_ptr_array_unref);
  g_free (page);
}

static void
block_free (Block *block)
{
  g_free (block->text);
  g_strfreev (block->cells);
  g_free (block->columns);
  g_free (block);
}

Page *
gs_report_add_page (GsReport   *report,
          PageKind    kind,
          const char *title)
{
  Page *page = g_new0 (Page, 1);

  page->kind = kind;
  page->title = g_strdup (title);
  g_ptr_array_add (report->pages, page);
  return page;
}

void
gs_report_add_block (GPtrArray     *flow,
           GsReportStyle  style,
           char          *text)
{
  Block *block = g_new0 (Block, 1);

  block->style = style;
  block->text = text;
  g_ptr_array_add (flow, block);
}

/**
 * gs_report_add_row:
 * @columns: each column's share of the text width, one per cell (copied)
 * @cells: (transfer full): the row's texts, %NULL-terminated
 *
 * Adds a row of a table to a flowing section: it moves to the next page whole.
 */
void
gs_report_add_row (GPtrArray     *flow,
                   GsReportStyle  style,
                   const double  *columns,
                   char         **cells)
{
  Block *block = g_new0 (Block, 1);

  block->style = style;
  block->text = g_strjoinv (" ", cells);  /* what a row says, for splitting and searching */
  block->cells = cells;
  block->columns = g_memdup2 (columns, sizeof (double) * g_strv_length (cells));
  g_ptr_array_add (flow, block);
}

/* Draws (when @draw) or measures @block at @y; returns its height with the space after it. */
static double
lay_out_block (GsReport    *report,
               cairo_t     *cr,
               const Block *block,
               double       y,
               gboolean     draw)
{
  double x = MARGIN, height = 0;

  if (block->cells == NULL)
    return gs_report_paragraph (cr, block->text, block->style, MARGIN, y, text_width (report), draw) + 6;
  for (guint c = 0; block->cells[c] != NULL; c++)
    {
      double w = text_width (report) * block->columns[c];

      height = MAX (height, gs_report_paragraph (cr, block->cells[c], block->style, x + 3, y + 3, w - 6, draw) + 6);
      x += w;
    }
  if (draw)
    {
      cairo_set_line_width (cr, 0.5);
      cairo_move_to (cr, MARGIN, y + height);
      cairo_line_to (cr, report->width - MARGIN, y + height);
      cairo_stroke (cr);
    }
  return height;
}

/* Replaces every block taller than a page with pieces that each fit on one: a long note
 * runs on to the next page instead of off the bottom of this one. */
static void
split_tall_blocks (GsReport  *report,
                   cairo_t   *cr,
                   GPtrArray *flow,
                   double     available)
{
  for (guint i = 0; i < flow->len; i++)
    {
      Block *block = g_ptr_array_index (flow, i);
      g_autoptr(GArray) cuts = NULL;
      g_autofree char *text = NULL;
      int from = 0;

      if (block->height <= available || block->cells != NULL)
        continue;
      cuts = gs_report_line_breaks (cr, block->text, block->style, text_width (report), available - 6);
      text = g_steal_pointer (&block->text);
      for (guint c = 0; c <= cuts->len; c++)
        {
          int to = c < cuts->len ? g_array_index (cuts, int, c) : (int) strlen (text);
          Block *piece = c == 0 ? block : g_new0 (Block, 1);

          piece->style = block->style;
          piece->text = g_strndup (text + from, to - from);
          piece->height = gs_report_paragraph (cr, piece->text, piece->style, 0, 0, text_width (report), FALSE) + 6;
          if (c > 0)
            g_ptr_array_insert (flow, i + c, piece);
          from = to;
        }
      i += cuts->len;
    }
}

/* Splits a flowing section into pages, breaking between blocks (a block taller than a page
 * is first cut into pieces at line breaks); a heading is kept with the block after it. */
static void
paginate_flow (GsReport   *report,
               const char *title,
               GPtrArray  *flow)
{
  cairo_t *cr = gs_report_measuring_context ();
  double available = body_bottom (report) - body_top () - 30;
  double used = 0;
  guint first = 0;

  g_ptr_array_add (report->flows, flow);
  for (guint i = 0; i < flow->len; i++)
    {
      Block *block = g_ptr_array_index (flow, i);
      block->height = lay_out_block (report, cr, block, 0, FALSE);
    }
  split_tall_blocks (report, cr, flow, available);
  for (guint i = 0; i < flow->len; i++)
    {
      Block *block = g_ptr_array_index (flow, i);
      double needed = block->height;

      if (block->style == STYLE_HEADING && i + 1 < flow->len)
        needed += ((Block *) g_ptr_array_index (flow, i + 1))->height;
      if (used + needed > available && i > first)
        {
          Page *page = gs_report_add_page (report, PAGE_FLOW, title);
          page->flow = flow;
          page->first = first;
          page->last = i;
          first = i;
          used = 0;
        }
      used += block->height;
    }
  {
    Page *page = gs_report_add_page (report, PAGE_FLOW, title);
    page->flow = flow;
    page->first = first;
    page->last = flow->len;
  }
  cairo_destroy (cr);
}

/* --- The item table -------------------------------------------------------------------- */

static const double item_columns[] = { 0.47, 0.11, 0.08, 0.11, 0.06, 0.17 };  /* of the text width */

static char *
item_label (const GsItem *item,
            GsInstrument *instrument)
{
  const char *where;

  if (item->domain != NULL)
    where = item->domain->title;
  else
    {
      const GsPolarityRow *row = g_ptr_array_index (gs_instrument_get_polarity (instrument)->rows, item->polarity_row);
      where = row->poles[item->pole].pole;
    }
  return g_strdup_printf ("%s\n%s%s", item->statement, item->domain != NULL ? "" :
                          item->side == GS_SIDE_UPSIDE ? _("Upside of: ") : _("Downside of: "), where);
}

static void
paginate_items (GsReport *report)
{
  const GsResults *results = gs_analysis_get_results (report->analysis);
  cairo_t *cr = gs_report_measuring_context ();
  double available = body_bottom (report) - body_top () - 30 - 24;  /* title, then the header row */
  double used = 0;
  guint first = 0;

  report->row_heights = g_array_new (FALSE, FALSE, sizeof (double));
  for (guint i = 0; i < results->n_items; i++)
    {
      g_autofree char *label = item_label (results->items[i].item, gs_analysis_get_instrument (report->analysis));
      double h = gs_report_paragraph (cr, label, STYLE_TABLE, 0, 0, text_width (report) * item_columns[0] - 6, FALSE) + 6;
      g_array_append_val (report->row_heights, h);
    }
  for (guint i = 0; i <= results->n_items; i++)
    {
      double h = i < results->n_items ? g_array_index (report->row_heights, double, i) : 0;

      if (i == results->n_items || (used + h > available && i > first))
        {
          Page *page = gs_report_add_page (report, PAGE_ITEMS, _("Item by item"));
          page->first = first;
          page->last = i;
          first = i;
          used = 0;
        }
      used += h;
    }
  cairo_destroy (cr);
}

static void
draw_item_row (cairo_t       *cr,
               GsReport      *report,
               const char   **cells,
               double         y,
               double         height,
               GsReportStyle  style)
{
  double x = MARGIN;

  for (guint c = 0; c < G_N_ELEMENTS (item_columns); c++)
    {
      double w = text_width (report) * item_columns[c];
      gs_report_paragraph (cr, cells[c], style, x + 3, y + 3, w - 6, TRUE);
      x += w;
    }
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, MARGIN, y + height);
  cairo_line_to (cr, report->width - MARGIN, y + height);
  cairo_stroke (cr);
}

static void
draw_items_page (GsReport   *report,
                 cairo_t    *cr,
                 const Page *page,
                 double      y)
{
  /* Not "Disagreement": a cell reading "Disagree" is taken for the answer. r_wg is the
   * agreement the flag is computed from (James, Demaree & Wolf 1984). */
  const char *header[] = { _("Statement"), _("Mean (1–5)"), _("Score"), _("Spread (SD)"), _("n"), _("Agreement (r_wg)") };
  const GsResults *results = gs_analysis_get_results (report->analysis);

  draw_item_row (cr, report, header, y, 24, STYLE_TABLE_HEADER);
  y += 24;
  for (guint i = page->first; i < page->last; i++)
    {
      const GsItemResult *item = &results->items[i];
      g_autofree char *label = item_label (item->item, gs_analysis_get_instrument (report->analysis));
      g_autofree char *mean = isnan (item->mean_value) ? g_strdup ("–") : g_strdup_printf ("%.2f", item->mean_value);
      g_autofree char *score = isnan (item->aggregate.mean) ? g_strdup ("–") : g_strdup_printf ("%.0f", item->aggregate.mean);
      g_autofree char *spread = isnan (item->aggregate.sd) ? g_strdup ("–") : g_strdup_printf ("%.1f", item->aggregate.sd);
      g_autofree char *n = g_strdup_printf ("%u", item->aggregate.n);
      g_autofree char *agreement = gs_report_agreement_text (item->aggregate.rwg, item->aggregate.disagreement);
      const char *cells[] = { label, mean, score, spread, n, agreement };
      double h = g_array_index (report->row_heights, double, i);

      draw_item_row (cr, report, cells, y, h, STYLE_TABLE);
      y += h;
    }
}

/* --- Flowing sections ----------------------------------------------------------------- */

GPtrArray *
gs_report_new_flow (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);
}

static GPtrArray *
evidence_flow (GsReport *report)
{
  GPtrArray *flow = gs_report_new_flow ();
  GsAssessment *assessment = gs_analysis_get_assessment (report->analysis);
  GPtrArray *respondents = gs_assessment_get_respondents (assessment);
  GPtrArray *items = gs_instrument_get_items (gs_analysis_get_instrument (report->analysis));

  for (guint i = 0; i < items->len; i++)
    {
      const GsItem *item = g_ptr_array_index (items, i);
      gboolean heading = FALSE;

      for (guint r = 0; r < respondents->len; r++)
        {
          GsRespondent *respondent = g_ptr_array_index (respondents, r);
          const GsAnswer *answer = gs_respondent_get_answer (respondent, item->id);

          if (answer == NULL || answer->note[0] == '\0')
            continue;
          if (!heading)
            gs_report_add_block (flow, STYLE_BODY, g_strdup_printf ("%s", item->statement));
          heading = TRUE;
          /* Names only when asked for: a note can say who wrote it even in a group too small to show. */
          if (report->flags & GS_REPORT_NAME_RESPONDENTS)
            gs_report_add_block (flow, STYLE_SMALL, g_strdup_printf ("— %s: %s", respondent->name, answer->note));
          else
            gs_report_add_block (flow, STYLE_SMALL, g_strdup_printf ("— %s", answer->note));
        }
    }
  return flow;  /* empty without notes: then the report has no such section */
}

/* The items that come from another source than the paper, named with it. */
static void
add_pettigrew_items (GPtrArray    *flow,
                     GsInstrument *instrument)
{
  GPtrArray *items = gs_instrument_get_items (instrument);
  g_autoptr(GString) statements = g_string_new (NULL);
  guint n = 0;

  for (guint i = 0; i < items->len; i++)
    {
      const GsItem *item = g_ptr_array_index (items, i);

      if (g_strcmp0 (item->source.ref, "pettigrew1992") != 0)
        continue;
      g_string_append_printf (statements, "%s“%s”", n > 0 ? "; " : "", item->statement);
      n++;
    }
  if (n == 0)
    return;
  gs_report_add_block (flow, STYLE_HEADING, g_strdup (_("Items from another source")));
  gs_report_add_block (flow, STYLE_BODY, g_strdup_printf (ngettext ("%u item comes from Pettigrew, Ferlie and McKee's "
                                                          "receptive-context factors (1992), not from the paper: %s.",
                                                          "%u items come from Pettigrew, Ferlie and McKee's "
                                                          "receptive-context factors (1992), not from the paper: %s.", n),
                                                n, statements->str));
}

static GPtrArray *
method_flow (GsReport *report)
{
  GPtrArray *flow = gs_report_new_flow ();
  const GsResults *results = gs_analysis_get_results (report->analysis);
  guint hidden = 0;

  for (guint g = 0; g < results->groups->len; g++)
    hidden += results->group_sizes[g] < results->min_group_size;

  gs_report_add_block (flow, STYLE_HEADING, g_strdup (_("Scores")));
  gs_report_add_block (flow, STYLE_BODY, g_strdup (_("An answer v on the five-point scale scores (v − 1) × 25: 1 scores 0, 3 scores 50 "
    "and 5 scores 100. “Don't know”, “not applicable” and unanswered items have no score; they are counted beside "
    "every score and never counted as zero. A respondent's domain score is the mean of their item scores in the "
    "domain. Their overall score weighs the paper's two halves the same: the mean of their receptive-context "
    "domains' scores and their triggering-conditions score count half each. Across respondents the report gives "
    "the mean, the sample standard deviation, the lowest and the highest score. Beside the overall score stands the "
    "weakest domain, since readiness is limited by its weakest part (Scaccia and others 2015, R = MC²); a domain "
    "scoring below 35 is named a blocker. Scores are compared as they are shown, in whole points.")));
  gs_report_add_block (flow, STYLE_HEADING, g_strdup (_("Agreement and consistency")));
  gs_report_add_block (flow, STYLE_BODY, g_strdup (_("Within-group agreement r_wg (James, Demaree and Wolf 1984) is 1 − s²/2 for one "
    "item, where s² is the variance of the respondents' answers and 2 that of a uniform answer on five points; for "
    "J items, r_wg(J) = J(1 − s̄²/2) / (J(1 − s̄²/2) + s̄²/2). An item is flagged as disagreeing below 0.70 (LeBreton and Senter 2008); a "
    "domain when a third or more of its items are, or when two groups shown differ by 20 points or more. "
    "Cronbach's alpha, K/(K − 1) × (1 − Σ item variances / variance of totals), is computed over respondents who "
    "answered every item of a domain, once there are three, and shown with their number.")));
  gs_report_add_block (flow, STYLE_HEADING, g_strdup (_("Groups, polarity maps and stages")));
  gs_report_add_block (flow, STYLE_BODY, g_strdup_printf (_("A group's figures are shown only when it has at least %u respondents, "
    "so that a few people's answers are not set apart; %u group(s) fell below that here and are not shown. "
    "Evidence notes are printed without their writers' names unless the report was exported with names. Each polarity "
    "quadrant's score is how often its statements are seen, as a share of the frequency scale (almost never 0 … "
    "almost always 100); a pole's balance is its upside minus its downside. A stage is in place when the mean score "
    "of its evidence reaches %.0f; the organisation is at the first stage that is not in place. Suggestions are drawn "
    "for domains and upsides below 50 and downsides at 50 or above."),
    results->min_group_size, hidden, gs_instrument_get_stage_threshold (gs_analysis_get_instrument (report->analysis))));
  gs_report_add_block (flow, STYLE_HEADING, g_strdup (_("What the thresholds are")));
  gs_report_add_block (flow, STYLE_BODY, g_strdup_printf (_("The thresholds (%.0f for a blocker, %.0f for suggestions, %.0f for "
    "a stage in place, %.2f for agreement, %.0f points between groups) are Groundswell's choices, not the paper's. "
    "The questionnaire has not been validated: its scores describe how the respondents see their organisation and "
    "are a starting point for discussion, not a measurement."), GS_BLOCKER_CUTOFF, GS_SUGGESTION_CUTOFF,
    gs_instrument_get_stage_threshold (gs_analysis_get_instrument (report->analysis)), GS_RWG_AGREEMENT_CUTOFF,
    GS_GROUP_GAP));
  add_pettigrew_items (flow, gs_analysis_get_instrument (report->analysis));
  gs_report_add_block (flow, STYLE_HEADING, g_strdup (_("The stages")));
  gs_report_add_block (flow, STYLE_BODY, g_strdup (gs_instrument_get_stages_derivation (gs_analysis_get_instrument (report->analysis))));
  return flow;
}

static GPtrArray *
references_flow (GsReport *report)
{
  GPtrArray *flow = gs_report_new_flow ();
  GPtrArray *references = gs_instrument_get_references (gs_analysis_get_instrument (report->analysis));

  /* Not translated: a citation points to the English paper. */
  gs_report_add_block (flow, STYLE_BODY, g_strdup ("Bate P, Robert G, Bevan H. The next phase of healthcare improvement: what can "
                                                   "we learn from social movements? Quality and Safety in Health Care "
                                                   "2004;13(1):62–66. doi:10.1136/qshc.2003.006965"));
  for (guint i = 0; i < references->len; i++)
    {
      const GsReference *reference = g_ptr_array_index (references, i);
      if (!g_str_equal (reference->id, "paper"))
        gs_report_add_block (flow, STYLE_BODY, g_strdup (reference->citation));
    }
  for (const char * const *method = gs_report_method_references (); *method != NULL; method++)
    gs_report_add_block (flow, STYLE_BODY, g_strdup (*method));
  return flow;
}

/* In a translated report, the paper's words as the paper prints them: Table 1's cells and
 * every passage the suggestions quote, each beside the translation the report shows. Empty
 * when the report is in English. */
static GPtrArray *
originals_flow (GsReport *report)
{
  GsInstrument *instrument = gs_analysis_get_instrument (report->analysis);
  const GsPolarity *polarity = gs_instrument_get_polarity (instrument);
  const GsResults *results = gs_analysis_get_results (report->analysis);
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  GPtrArray *flow = gs_report_new_flow ();

  if (gs_instrument_get_english (instrument, polarity->labels[GS_POLE_LEFT]) == NULL)
    return flow;
  gs_report_add_block (flow, STYLE_HEADING, g_strdup (_("Table 1 in English")));
  for (guint r = 0; r < polarity->rows->len; r++)
    {
      const GsPolarityRow *row = g_ptr_array_index (polarity->rows, r);

      for (GsPole pole = 0; pole < GS_N_POLES; pole++)
        /* Translators: "Row 2, Social movements approach: “Change is …”", quoting the English */
        gs_report_add_block (flow, STYLE_BODY,
                             g_strdup_printf (_("Row %u, %s: “%s” (shown as “%s”)"), r + 1, polarity->labels[pole],
                                              gs_instrument_get_english (instrument, row->poles[pole].pole),
                                              row->poles[pole].pole));
    }
  gs_report_add_block (flow, STYLE_HEADING, g_strdup (_("Passages quoted, in English")));
  for (guint i = 0; i < results->suggestions->len; i++)
    {
      const GsSource *source = &((const GsSuggestion *) g_ptr_array_index (results->suggestions, i))->text->source;
      const char *english = gs_instrument_get_english (instrument, source->quote);

      if (english != NULL && g_hash_table_add (seen, (gpointer) english))
        gs_report_add_block (flow, STYLE_BODY, g_strdup_printf ("%s: “%s”", source->section, english));
    }
  return flow;
}

/* --- Assembling and drawing ------------------------------------------------------------- */

static void
plan_pages (GsReport *report)
{
  gs_report_add_page (report, PAGE_COVER, NULL);
  gs_report_add_page (report, PAGE_SUMMARY, _("Executive summary"));
  /* What to do comes before the evidence a reader may skip: the charts, then the tables. */
  paginate_flow (report, _("Suggestions"), gs_report_suggestions_flow (report));
  gs_report_plan_chart_pages (report);
  paginate_items (report);
  {
    GPtrArray *notes = evidence_flow (report);

    if (notes->len > 0)
      paginate_flow (report, _("Evidence notes"), notes);
    else
      g_ptr_array_unref (notes);
  }
  paginate_flow (report, _("Appendix: method"), method_flow (report));
  {
    GPtrArray *originals = originals_flow (report);

    if (originals->len > 0)
      paginate_flow (report, _("Appendix: the paper’s words in English"), originals);
    else
      g_ptr_array_unref (originals);
  }
  paginate_flow (report, _("References"), references_flow (report));
}

/**
 * gs_report_new:
 * @analysis: the assessment, its results and its organisation's other assessments
 *
 * Lays out the whole report for pages of @page_width × @page_height points.
 */
GsReport *
gs_report_new (GsAnalysis    *analysis,
               double         page_width,
               double         page_height,
               GsReportFlags  flags)
{
  GsReport *report = g_new0 (GsReport, 1);
  GsAssessment *assessment = gs_analysis_get_assessment (analysis);
  g_autofree char *date = gs_format_date (gs_assessment_get_date (assessment));

  report->analysis = g_object_ref (analysis);
  report->width = page_width;
  report->flags = flags;
  report->height = page_height;
  report->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) page_free);
  report->flows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  report->running_header = g_strdup_printf ("%s — %s, %s", gs_assessment_get_organisation_name (assessment),
                                            gs_assessment_get_title (assessment), date);
  plan_pages (report);
  return report;
}

void
gs_report_free (GsReport *report)
{
  if (report == NULL)
    return;
  g_ptr_array_unref (report->pages);
  g_ptr_array_unref (report->flows);
  g_clear_pointer (&report->row_heights, g_array_unref);
  g_free (report->running_header);
  g_clear_object (&report->analysis);
  g_free (report);
}

guint
gs_report_get_n_pages (GsReport *report)
{
  return report->pages->len;
}

static void
draw_header_and_footer (GsReport *report,
                        cairo_t  *cr,
                        guint     index)
{
  g_autofree char *footer = g_strdup_printf (_("Page %u of %u"), index + 1, report->pages->len);
  double w = text_width (report);

  cairo_set_source_rgb (cr, 0.35, 0.35, 0.38);
  if (index > 0)
    {
      gs_report_at_most_lines (cr, report->running_header, STYLE_SMALL, 1, MARGIN, HEADER_Y, w, TRUE);
      cairo_set_line_width (cr, 0.5);
      cairo_move_to (cr, MARGIN, HEADER_Y + 14);
      cairo_line_to (cr, report->width - MARGIN, HEADER_Y + 14);
      cairo_stroke (cr);
    }
  gs_report_paragraph (cr, footer, STYLE_SMALL, MARGIN, report->height - MARGIN + 18, w, TRUE);
}

void
gs_report_draw_page (GsReport *report,
                     cairo_t  *cr,
                     guint     index)
{
  const Page *page;
  double y = body_top ();

  g_return_if_fail (index < report->pages->len);
  page = g_ptr_array_index (report->pages, index);
  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  draw_header_and_footer (report, cr, index);
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  if (page->title != NULL)
    y += gs_report_paragraph (cr, page->title, STYLE_HEADING, MARGIN, y, text_width (report), TRUE) + 12;

  switch (page->kind)
    {
    case PAGE_COVER:
      gs_report_draw_cover (report, cr);
      break;
    case PAGE_SUMMARY:
      gs_report_draw_summary (report, cr, y);
      break;
    case PAGE_CHART:
      gs_report_draw_chart_page (report, cr, page, y);
      break;
    case PAGE_ITEMS:
      draw_items_page (report, cr, page, y);
      break;
    case PAGE_FLOW:
      for (guint i = page->first; i < page->last; i++)
        {
          const Block *block = g_ptr_array_index (page->flow, i);

          lay_out_block (report, cr, block, y, TRUE);
          y += block->height;
        }
      break;
    default:
      g_assert_not_reached ();
    }
  cairo_restore (cr);
}

gboolean
gs_paper_from_string (const char *text,
                      GsPaper    *paper)
{
  if (g_ascii_strcasecmp (text, "a4") == 0)
    *paper = GS_PAPER_A4;
  else if (g_ascii_strcasecmp (text, "letter") == 0)
    *paper = GS_PAPER_LETTER;
  else
    return FALSE;
  return TRUE;
}

void
gs_paper_get_size (GsPaper  paper,
                   double  *width,
                   double  *height)
{
  /* Points: A4 is 210 × 297 mm, US Letter 8.5 × 11 in. */
  *width = paper == GS_PAPER_LETTER ? 612 : 595.276;
  *height = paper == GS_PAPER_LETTER ? 792 : 841.89;
}

/**
 * gs_report_write_pdf:
 *
 * Writes the report to a temporary file beside @path, owner-only, and renames it into
 * place: a failed export leaves no half-written file and keeps the one that was there.
 */
gboolean
gs_report_write_pdf (GsAnalysis     *analysis,
                     GsPaper         paper,
                     GsReportFlags   flags,
                     const char     *path,
                     GError        **error)
{
  g_autoptr(GsReport) report = NULL;
  g_autofree char *temp_path = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  /* cairo reads YYYY-MM-DDThh:mm:ss±hh:mm, without fractions of a second. */
  g_autofree char *created = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S%:z");
  g_autofree char *title = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  double width, height;

  g_return_val_if_fail (GS_IS_ANALYSIS (analysis), FALSE);

  temp_path = gs_safe_file_begin (path, error);
  if (temp_path == NULL)
    return FALSE;

  gs_paper_get_size (paper, &width, &height);
  report = gs_report_new (analysis, width, height, flags);
  surface = cairo_pdf_surface_create (temp_path, width, height);
  title = g_strdup_printf (_("Readiness for an improvement movement: %s, %s"),
                           gs_assessment_get_organisation_name (gs_analysis_get_assessment (analysis)),
                           gs_assessment_get_title (gs_analysis_get_assessment (analysis)));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, _("Groundswell"));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT,
                                  _("Assessment of the receptive context and triggering conditions for a grass-roots "
                                    "improvement movement, after Bate, Robert and Bevan (2004)"));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Groundswell " PACKAGE_VERSION);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, created);
  cr = cairo_create (surface);
  for (guint i = 0; i < gs_report_get_n_pages (report); i++)
    {
      gs_report_draw_page (report, cr, i);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      gs_safe_file_abort (temp_path);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write “%s”: %s"), path,
                   cairo_status_to_string (status));
      return FALSE;
    }
  return gs_safe_file_commit (temp_path, path, error);
}
