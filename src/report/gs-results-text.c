/* gs-results-text.c — the results in sentences, for the report and the overview screen
 *
 * The printed report and the window say the same things in the same words, so both take
 * their sentences from here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "gs-results-text.h"

/* A score as it is shown: "58", or "—" when there is none. */
char *
gs_results_text_score (double score)
{
  return isnan (score) ? g_strdup ("—") : g_strdup_printf ("%.0f", score);
}

/* "Overall score 58 out of 100, from 1,020 answers on the scale by 10 respondents (…)." */
char *
gs_results_text_overall (const GsResults *results)
{
  g_autofree char *receptive = gs_results_text_score (results->parts[GS_PART_RECEPTIVE_CONTEXT].mean);
  g_autofree char *triggering = gs_results_text_score (results->parts[GS_PART_TRIGGERING_CONDITIONS].mean);
  g_autofree char *halves = NULL;
  g_autofree char *by = NULL;
  GsScore counts = { 0 };

  for (guint r = 0; r < results->n_respondents; r++)
    {
      counts.n_answered += results->overall[r].n_answered;
      counts.n_dont_know += results->overall[r].n_dont_know;
      counts.n_not_applicable += results->overall[r].n_not_applicable;
      counts.n_unanswered += results->overall[r].n_unanswered;
    }
  if (results->n_respondents == 0 || isnan (results->overall_aggregate.mean))
    return g_strdup (_("No one has answered yet, so there are no scores."));
  halves = isnan (results->parts[GS_PART_RECEPTIVE_CONTEXT].mean) || isnan (results->parts[GS_PART_TRIGGERING_CONDITIONS].mean)
           ? g_strdup_printf (_("only one half has answers so far — the receptive context (%s), the triggering "
                                "conditions (%s)"), receptive, triggering)
           : g_strdup_printf (_("the mean of the receptive context (%s) and the triggering conditions (%s), which "
                                "weigh the same"), receptive, triggering);
  by = g_strdup_printf (ngettext ("by %u respondent", "by %u respondents", results->n_respondents),
                        results->n_respondents);
  return g_strdup_printf (_("Overall score %.0f out of 100: %s. From %u answers on the scale %s "
                            "(%u don't know, %u not applicable, %u unanswered)."),
                          results->overall_aggregate.mean, halves, counts.n_answered, by,
                          counts.n_dont_know, counts.n_not_applicable, counts.n_unanswered);
}

/* The three lines a cover or a title slide leads with: the overall score, the weakest
 * domain (readiness is limited by it; with the blockers counted) and the stage estimate.
 * Returns: (transfer full): %NULL-terminated; one line when no one has answered */
GStrv
gs_results_text_verdict (const GsResults *results)
{
  GPtrArray *lines = g_ptr_array_new ();
  guint n_blockers = 0;

  if (results->n_respondents == 0 || isnan (results->overall_aggregate.mean))
    {
      g_ptr_array_add (lines, g_strdup (_("No one has answered yet, so there are no scores.")));
      g_ptr_array_add (lines, NULL);
      return (GStrv) g_ptr_array_free (lines, FALSE);
    }
  g_ptr_array_add (lines, g_strdup_printf (_("Overall readiness: %.0f out of 100."), results->overall_aggregate.mean));
  for (guint d = 0; d < results->n_domains; d++)
    n_blockers += results->domains[d].blocker;
  if (results->weakest_domain >= 0)
    {
      const GsDomainResult *weakest = &results->domains[results->weakest_domain];

      g_ptr_array_add (lines, n_blockers == 0
                           ? g_strdup_printf (_("Weakest: %s, %.0f; no blockers."), weakest->domain->title, weakest->aggregate.mean)
                           : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Weakest: %s, %.0f; %u blocker.",
                                                           "Weakest: %s, %.0f; %u blockers.", n_blockers),
                                              weakest->domain->title, weakest->aggregate.mean, n_blockers));
    }
  g_ptr_array_add (lines, g_strdup_printf (_("Stage estimate: %s."),
                                                results->stages[results->stage_estimate].stage->name));
  g_ptr_array_add (lines, NULL);
  return (GStrv) g_ptr_array_free (lines, FALSE);
}

/* "Weakest domain: Triggering conditions, 48. Blockers (below 35): Political context, 30." —
 * readiness is limited by its weakest part, which an average hides; NULL without scores. */
char *
gs_results_text_limits (const GsResults *results)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) blockers = g_string_new (NULL);
  const GsDomainResult *weakest;

  if (results->weakest_domain < 0)
    return NULL;
  weakest = &results->domains[results->weakest_domain];
  g_string_append_printf (text, _("Weakest domain: %s, %.0f. Readiness is limited by its weakest part."),
                          weakest->domain->title, weakest->aggregate.mean);
  for (guint d = 0; d < results->n_domains; d++)
    if (results->domains[d].blocker)
      g_string_append_printf (blockers, "%s%s, %.0f", blockers->len > 0 ? "; " : "",
                              results->domains[d].domain->title, results->domains[d].aggregate.mean);
  if (blockers->len > 0)
    g_string_append_printf (text, _(" Blockers, below %.0f: %s."), GS_BLOCKER_CUTOFF, blockers->str);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* "Respondents disagree: 5 of 6 items disagree; Board 82, Front line 52. Cronbach's alpha
 * 0.81 (7 complete respondents)." — what a domain's score rests on. */
char *
gs_results_text_domain_reliability (const GsResults *results,
                                    guint            d)
{
  const GsDomainResult *domain = &results->domains[d];
  g_autofree char *disagreement = domain->disagreement != NULL
                                  ? g_strdup_printf (_("Respondents disagree: %s. "), domain->disagreement)
                                  : g_strdup ("");

  if (isnan (domain->aggregate.alpha))
    return g_strdup_printf (_("%sCronbach's alpha —, fewer than 3 respondents answered every item, or their "
                              "totals do not vary."), disagreement);
  return g_strdup_printf (ngettext ("%sCronbach's alpha %.2f (%u complete respondent).",
                                    "%sCronbach's alpha %.2f (%u complete respondents).", domain->aggregate.n_alpha),
                          disagreement, domain->aggregate.alpha, domain->aggregate.n_alpha);
}

/* "40 answers on the scale; 2 don't know, 0 not applicable, 3 unanswered" */
char *
gs_results_text_domain_counts (const GsResults *results,
                               guint            d)
{
  const GsDomainResult *domain = &results->domains[d];
  guint answered = 0, dk = 0, na = 0, un = 0;

  for (guint r = 0; r < results->n_respondents; r++)
    {
      answered += domain->respondents[r].n_answered;
      dk += domain->respondents[r].n_dont_know;
      na += domain->respondents[r].n_not_applicable;
      un += domain->respondents[r].n_unanswered;
    }
  return g_strdup_printf (_("%u answers on the scale; %u don't know, %u not applicable, %u unanswered"),
                          answered, dk, na, un);
}

/* "Cultural context: 68 (40 answers on the scale; …)", and whether people disagree. */
char *
gs_results_text_domain (const GsResults *results,
                        guint            d)
{
  const GsDomainResult *domain = &results->domains[d];
  g_autofree char *counts = NULL;
  g_autofree char *reliability = NULL;

  if (isnan (domain->aggregate.mean))
    return g_strdup_printf (_("%s: not answered"), domain->domain->title);
  counts = gs_results_text_domain_counts (results, d);
  reliability = gs_results_text_domain_reliability (results, d);
  return g_strdup_printf (_("%s: %.0f%s (%s). %s"), domain->domain->title, domain->aggregate.mean,
                          domain->blocker ? _(", a blocker") : "", counts, reliability);
}

/* "Board (3), Managers (3), Front line (4)" */
char *
gs_results_text_groups (const GsResults *results)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint g = 0; g < results->groups->len; g++)
    g_string_append_printf (text, "%s%s (%u)", g > 0 ? ", " : "", (const char *) g_ptr_array_index (results->groups, g),
                            results->group_sizes[g]);
  if (text->len == 0)
    g_string_append (text, _("no groups"));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* "Drawing on Bate et al. 2004, A movement for improvement: “…”": @brief cites the work
 * short, for the report, whose reference list has it in full; the window, which has no such
 * list, cites it whole. */
char *
gs_results_text_citation (GsInstrument   *instrument,
                          const GsSource *source,
                          gboolean        brief)
{
  const GsReference *reference;
  const char *work;

  if (source->ref == NULL)
    return g_strdup (_("Groundswell’s own advice: it cites no passage."));
  reference = gs_instrument_lookup_reference (instrument, source->ref);
  work = reference == NULL ? source->ref
         : brief && reference->short_citation != NULL ? reference->short_citation : reference->citation;
  if (gs_instrument_get_english (instrument, source->quote) != NULL)
    /* Translators: the passage is the paper's, in your translation; the English is one step away */
    return g_strdup_printf (_("Drawing on %s, %s: “%s” (translated)"), work, source->section, source->quote);
  return g_strdup_printf (_("Drawing on %s, %s: “%s”"), work, source->section, source->quote);
}

/* "The English original: “…”", for a tooltip beside a translated passage; NULL when the
 * passage is shown as written. */
char *
gs_results_text_original (GsInstrument   *instrument,
                          const GsSource *source)
{
  const char *english = source->quote != NULL ? gs_instrument_get_english (instrument, source->quote) : NULL;

  return english != NULL ? g_strdup_printf (_("The English original: “%s”"), english) : NULL;
}

/* "For: Cultural context, scoring 42. Drawing on …" */
char *
gs_results_text_suggestion_about (GsInstrument       *instrument,
                                  const GsSuggestion *suggestion,
                                  gboolean            brief)
{
  const char *side = suggestion->kind == GS_SUGGESTION_DOMAIN ? "" :
                     suggestion->side == GS_SIDE_UPSIDE ? _(" (upside)") : _(" (downside)");
  g_autofree char *citation = gs_results_text_citation (instrument, &suggestion->text->source, brief);

  return g_strdup_printf (_("For: %s%s, scoring %.0f. %s"), suggestion->about, side, suggestion->score, citation);
}

/* Appends "Name (40 of 88)" or "Name" to @list, after a comma when not the first. */
static void
append_respondent (GString            *list,
                   const GsRespondent *respondent,
                   guint               n_items)
{
  guint answered = g_hash_table_size (respondent->answers);

  if (list->len > 0)
    g_string_append (list, ", ");
  if (answered > 0)
    /* Translators: a respondent who answered some questions: "Siân (40 of 88)" */
    g_string_append_printf (list, _("%s (%u of %u)"), respondent->name, answered, n_items);
  else
    g_string_append (list, respondent->name);
}

/**
 * gs_results_text_returns:
 * @n_items: the questions of the assessment's instrument
 *
 * Who has answered: how many finished, who answered part (with how far), and who has no
 * answers yet — sent a questionnaire that has not come back, or added and not yet asked.
 */
char *
gs_results_text_returns (GsAssessment *assessment,
                         guint         n_items)
{
  GPtrArray *respondents = gs_assessment_get_respondents (assessment);
  g_autoptr(GString) partly = g_string_new (NULL);
  g_autoptr(GString) none = g_string_new (NULL);
  GString *text = g_string_new (NULL);
  guint finished = 0;

  for (guint r = 0; r < respondents->len; r++)
    {
      const GsRespondent *respondent = g_ptr_array_index (respondents, r);
      guint answered = g_hash_table_size (respondent->answers);

      if (answered >= n_items)
        finished++;
      else
        append_respondent (answered > 0 ? partly : none, respondent, n_items);
    }
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u of %u respondent has answered every question.",
                                             "%u of %u respondents have answered every question.", respondents->len),
                          finished, respondents->len);
  if (partly->len > 0)
    g_string_append_printf (text, _(" Part answered: %s."), partly->str);
  if (none->len > 0)
    g_string_append_printf (text, _(" No answers yet (sent a questionnaire that has not come back, or not yet asked): %s."),
                            none->str);
  return g_string_free (text, FALSE);
}
