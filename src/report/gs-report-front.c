/* gs-report-front.c — what a reader of the report meets first
 *
 * The cover leads with the verdict; the executive summary gives the scores in words, the
 * weakest domain and any blockers, the stage and the strongest and weakest areas; then the
 * suggestions, each with the passage it draws on (cited short: the references list has it in
 * full), and a table comparing the groups shown, so that "Board 79, front line 53" is read
 * before any chart.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gs-report"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "gs-report-private.h"
#include "gs-results-text.h"

/* --- The cover and the summary ---------------------------------------------------------- */

/* Lays out (when @draw) or measures the cover's lines from @y; returns where they end. The
 * names wrap, up to a limit that keeps the cover one page. */
static double
cover_lines (GsReport *report,
             cairo_t  *cr,
             double    y,
             gboolean  draw)
{
  const GsResults *results = gs_analysis_get_results (report->analysis);
  GsAssessment *assessment = gs_analysis_get_assessment (report->analysis);
  g_autofree char *groups = gs_results_text_groups (results);
  g_autofree char *people = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u respondent: %s", "%u respondents: %s",
                                                          results->n_respondents), results->n_respondents, groups);
  g_autofree char *instrument = g_strdup_printf (_("Questions: %s, version %d"),
                                                 gs_instrument_get_title (gs_analysis_get_instrument (report->analysis)),
                                                 gs_assessment_get_instrument_version (assessment));
  g_autofree char *date = gs_format_date (gs_assessment_get_date (assessment));
  g_autofree char *when = g_strdup_printf (_("Assessed on %s"), date);
  g_auto(GStrv) verdict = gs_results_text_verdict (results);
  double w = text_width (report);

  y += gs_report_paragraph (cr, _("Readiness for an improvement movement"), STYLE_HEADING, MARGIN, y, w, draw) + 10;
  y += gs_report_at_most_lines (cr, gs_assessment_get_organisation_name (assessment), STYLE_TITLE, 8, MARGIN, y, w, draw) + 6;
  y += gs_report_at_most_lines (cr, gs_assessment_get_title (assessment), STYLE_HEADING, 6, MARGIN, y, w, draw) + 24;
  for (guint i = 0; verdict[i] != NULL; i++)
    y += gs_report_paragraph (cr, verdict[i], STYLE_HEADING, MARGIN, y, w, draw) + 4;
  y += 20;
  y += gs_report_paragraph (cr, when, STYLE_BODY, MARGIN, y, w, draw) + 4;
  y += gs_report_at_most_lines (cr, people, STYLE_BODY, 4, MARGIN, y, w, draw) + 4;
  y += gs_report_paragraph (cr, instrument, STYLE_BODY, MARGIN, y, w, draw) + 40;
  y += gs_report_paragraph (cr, _("After Bate P, Robert G, Bevan H. The next phase of healthcare improvement: what can we learn "
                        "from social movements? Qual Saf Health Care 2004;13:62–66."), STYLE_SMALL, MARGIN, y, w, draw);
  return y;
}

/* The cover starts a little above the middle, or higher where long names need the room. */
void
gs_report_draw_cover (GsReport *report,
            cairo_t  *cr)
{
  double height = cover_lines (report, cr, 0, FALSE);

  cover_lines (report, cr, MAX (body_top (), MIN (report->height * 0.28, body_bottom (report) - height)), TRUE);
}

static int
compare_items_by_score (gconstpointer a,
                        gconstpointer b)
{
  const GsItemResult *x = *(const GsItemResult * const *) a, *y = *(const GsItemResult * const *) b;

  return (x->aggregate.mean < y->aggregate.mean) - (x->aggregate.mean > y->aggregate.mean);
}

static double
draw_extremes (GsReport *report,
               cairo_t  *cr,
               double    y)
{
  const GsResults *results = gs_analysis_get_results (report->analysis);
  g_autoptr(GPtrArray) scored = g_ptr_array_new ();
  double w = text_width (report);

  for (guint i = 0; i < results->n_items; i++)
    if (!isnan (results->items[i].aggregate.mean) && results->items[i].item->domain != NULL)
      g_ptr_array_add (scored, &results->items[i]);
  if (scored->len == 0)
    return y;
  g_ptr_array_sort (scored, compare_items_by_score);
  for (guint list = 0; list < 2; list++)
    {
      y += gs_report_paragraph (cr, list == 0 ? _("Three strongest areas") : _("Three weakest areas"), STYLE_BODY, MARGIN, y, w, TRUE) + 2;
      for (guint k = 0; k < 3 && k < scored->len; k++)
        {
          const GsItemResult *item = g_ptr_array_index (scored, list == 0 ? k : scored->len - 1 - k);
          g_autofree char *line = g_strdup_printf ("• %s — %.0f", item->item->statement, item->aggregate.mean);
          y += gs_report_paragraph (cr, line, STYLE_SMALL, MARGIN + 10, y, w - 10, TRUE) + 2;
        }
      y += 6;
    }
  return y;
}

void
gs_report_draw_summary (GsReport *report,
              cairo_t  *cr,
              double    y)
{
  const GsResults *results = gs_analysis_get_results (report->analysis);
  double w = text_width (report);
  g_autofree char *overall = gs_results_text_overall (results);
  g_autofree char *limits = gs_results_text_limits (results);
  const GsStage *stage;

  y += gs_report_paragraph (cr, overall, STYLE_BODY, MARGIN, y, w, TRUE) + 4;
  if (limits != NULL)
    y += gs_report_paragraph (cr, limits, STYLE_BODY, MARGIN, y, w, TRUE) + 4;
  y += 6;
  for (guint d = 0; d < results->n_domains; d++)
    {
      g_autofree char *line = gs_results_text_domain (results, d);

      y += gs_report_paragraph (cr, line, STYLE_BODY, MARGIN, y, w, TRUE) + 3;
    }

  stage = results->stages[results->stage_estimate].stage;
  {
    g_autofree char *heading = g_strdup_printf (_("Stage estimate: %s"), stage->name);
    y += 10 + gs_report_paragraph (cr, heading, STYLE_HEADING, MARGIN, y + 10, w, TRUE) + 4;
    y += gs_report_paragraph (cr, gs_instrument_stages_origin (), STYLE_SMALL, MARGIN, y, w, TRUE) + 4;
  }
  for (guint i = 0; i < results->stage_reasons->len; i++)
    {
      g_autofree char *line = g_strdup_printf ("• %s", (const char *) g_ptr_array_index (results->stage_reasons, i));
      y += gs_report_paragraph (cr, line, STYLE_SMALL, MARGIN + 10, y, w - 10, TRUE) + 3;
    }
  y += 10;
  draw_extremes (report, cr, y);
}

/* --- The plan ----------------------------------------------------------------------------- */

static int
compare_by_area (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 ((*(const GsAction * const *) a)->area, (*(const GsAction * const *) b)->area);
}

/* "The plan": the actions, grouped by the area they answer, with owner, date and status;
 * then the signals to watch. */
static void
add_plan (GsReport  *report,
          GPtrArray *flow)
{
  static const double columns[] = { 0.24, 0.36, 0.15, 0.13, 0.12 };
  GsAssessment *assessment = gs_analysis_get_assessment (report->analysis);
  GsInstrument *instrument = gs_analysis_get_instrument (report->analysis);
  g_autoptr(GPtrArray) actions = g_ptr_array_new ();  /* borrowed: g_ptr_array_copy would own them */
  GPtrArray *signals = gs_assessment_get_signals (assessment);
  const char *header[] = { _("Area"), _("Action"), _("Owner"), _("Due"), _("Status"), NULL };

  gs_report_add_block (flow, STYLE_HEADING, g_strdup (_("The plan")));
  if (actions->len == 0 && signals->len == 0)
    {
      gs_report_add_block (flow, STYLE_BODY, g_strdup (_("No actions have been planned yet.")));
      return;
    }
  g_ptr_array_extend (actions, gs_assessment_get_actions (assessment), NULL, NULL);
  g_ptr_array_sort (actions, compare_by_area);  /* stable: each area's actions keep their order */
  if (actions->len > 0)
    gs_report_add_row (flow, STYLE_TABLE_HEADER, columns, g_strdupv ((char **) header));
  for (guint i = 0; i < actions->len; i++)
    {
      const GsAction *action = g_ptr_array_index (actions, i);
      g_autofree char *due = action->due[0] != '\0' ? gs_format_date (action->due) : g_strdup ("–");
      g_autofree char *area = gs_plan_describe_area (instrument, action->area);
      char *cells[] = { g_strdup (area[0] != '\0' ? area : "–"), g_strdup (action->what),
                        g_strdup (action->owner[0] != '\0' ? action->owner : "–"), g_steal_pointer (&due),
                        g_strdup (gs_action_status_label (action->status)), NULL };

      gs_report_add_row (flow, STYLE_TABLE, columns, g_memdup2 (cells, sizeof cells));
    }
  if (signals->len > 0)
    gs_report_add_block (flow, STYLE_BODY, g_strdup (_("Signals to watch")));
  for (guint i = 0; i < signals->len; i++)
    {
      const GsSignal *signal = g_ptr_array_index (signals, i);

      gs_report_add_block (flow, STYLE_SMALL, signal->how[0] != '\0'
                           ? g_strdup_printf ("• %s — %s", signal->warning, signal->how)
                           : g_strdup_printf ("• %s", signal->warning));
    }
}

GPtrArray *
gs_report_suggestions_flow (GsReport *report)
{
  GPtrArray *flow = gs_report_new_flow ();
  const GsResults *results = gs_analysis_get_results (report->analysis);

  for (guint i = 0; i < results->suggestions->len; i++)
    {
      const GsSuggestion *suggestion = g_ptr_array_index (results->suggestions, i);

      gs_report_add_block (flow, STYLE_BODY, g_strdup_printf ("%u. %s", i + 1, suggestion->text->text));
      gs_report_add_block (flow, STYLE_SMALL, gs_results_text_suggestion_about (gs_analysis_get_instrument (report->analysis), suggestion, TRUE));
    }
  if (results->suggestions->len == 0)
    gs_report_add_block (flow, STYLE_BODY, g_strdup (_("No domain scores below 50, no upside below 50 and no downside at 50 or "
                                             "above, so there are no suggestions.")));
  add_plan (report, flow);
  gs_report_add_groups_table (report, flow);
  return flow;
}

/* --- The groups compared ---------------------------------------------------------------- */

/* The widest gap between the groups shown on @domain, or NAN with fewer than two. */
static double
widest_gap (const GsDomainResult *domain,
            const GArray         *shown)
{
  double low = NAN, high = NAN;

  for (guint k = 0; k < shown->len; k++)
    {
      double mean = domain->groups[g_array_index (shown, guint, k)].mean;

      if (isnan (mean))
        continue;
      low = isnan (low) ? mean : MIN (low, mean);
      high = isnan (high) ? mean : MAX (high, mean);
    }
  return high - low;
}

static void
add_groups_row (GPtrArray            *flow,
                const GsResults      *results,
                const GsDomainResult *domain,
                const GArray         *shown,
                const double         *columns)
{
  GPtrArray *cells = g_ptr_array_new ();
  double gap = widest_gap (domain, shown);

  g_ptr_array_add (cells, g_strdup (domain->domain->title));
  g_ptr_array_add (cells, gs_results_text_score (domain->aggregate.mean));
  for (guint k = 0; k < shown->len; k++)
    g_ptr_array_add (cells, gs_results_text_score (domain->groups[g_array_index (shown, guint, k)].mean));
  g_ptr_array_add (cells, isnan (gap) ? g_strdup ("–")
                          /* Translators: the widest gap between groups, when it is large */
                          : gap >= GS_GROUP_GAP ? g_strdup_printf (_("%.0f, views differ"), gap)
                          : g_strdup_printf ("%.0f", gap));
  g_ptr_array_add (cells, NULL);
  gs_report_add_row (flow, STYLE_TABLE, columns, (char **) g_ptr_array_free (cells, FALSE));
}

/**
 * gs_report_add_groups_table:
 *
 * "How the groups compare": each domain's score for everyone and for each group shown, and
 * the widest gap between groups, marked where it reaches GS_GROUP_GAP (the rule that flags a
 * domain). Groups too small to be shown on their own are named below, not scored.
 */
void
gs_report_add_groups_table (GsReport  *report,
                            GPtrArray *flow)
{
  const GsResults *results = gs_analysis_get_results (report->analysis);
  g_autoptr(GArray) shown = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GString) hidden = g_string_new (NULL);
  g_autofree double *columns = NULL;
  GPtrArray *header;

  gs_report_add_block (flow, STYLE_HEADING, g_strdup (_("How the groups compare")));
  for (guint g = 0; g < results->groups->len; g++)
    if (results->group_sizes[g] >= results->min_group_size)
      g_array_append_val (shown, g);
    else if (results->group_sizes[g] > 0)
      g_string_append_printf (hidden, "%s%s", hidden->len > 0 ? ", " : "", (const char *) g_ptr_array_index (results->groups, g));
  if (shown->len < 2 || results->n_domains == 0)
    {
      gs_report_add_block (flow, STYLE_BODY, g_strdup (_("Fewer than two groups are large enough to be shown on their own, "
                                                          "so there are no groups to compare.")));
      return;
    }
  /* The domain's name takes a third; everyone, each group and the gap share the rest. */
  columns = g_new (double, shown->len + 3);
  columns[0] = 0.3;
  for (guint c = 1; c < shown->len + 3; c++)
    columns[c] = 0.7 / (shown->len + 2);
  header = g_ptr_array_new ();
  g_ptr_array_add (header, g_strdup (_("Domain")));
  g_ptr_array_add (header, g_strdup_printf (_("Everyone (%u)"), results->n_respondents));
  for (guint k = 0; k < shown->len; k++)
    {
      guint g = g_array_index (shown, guint, k);
      g_ptr_array_add (header, g_strdup_printf ("%s (%u)", (const char *) g_ptr_array_index (results->groups, g),
                                                results->group_sizes[g]));
    }
  g_ptr_array_add (header, g_strdup (_("Widest gap")));
  g_ptr_array_add (header, NULL);
  gs_report_add_row (flow, STYLE_TABLE_HEADER, columns, (char **) g_ptr_array_free (header, FALSE));
  for (guint d = 0; d < results->n_domains; d++)
    add_groups_row (flow, results, &results->domains[d], shown, columns);
  gs_report_add_block (flow, STYLE_SMALL, hidden->len == 0
                       ? g_strdup_printf (_("Scores out of 100; the number of respondents in brackets. A gap of %.0f points "
                                            "or more between groups flags the domain."), GS_GROUP_GAP)
                       : g_strdup_printf (_("Scores out of 100; the number of respondents in brackets. A gap of %.0f points "
                                            "or more between groups flags the domain. Not shown on their own, having fewer "
                                            "than %u respondents: %s."), GS_GROUP_GAP, results->min_group_size, hidden->str));
}
