/* gs-readiness.c — what the domain scores say together
 *
 * The overall score weighs the paper's two halves equally; beside it stand the weakest
 * domain and the blockers, because readiness is limited by its weakest part (Scaccia et
 * al. 2015, R = MC²) and an average can hide a part that stops everything. A domain is
 * flagged as disagreeing from its items and its groups, not from r_wg(J), which rises with
 * the number of items and so hardly ever fired. The thresholds are Groundswell's choices
 * (gs-scoring.h); the method in data/instruments/README.md says so.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gs-scoring"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "gs-scoring-private.h"

/* Scores are compared as they are shown, rounded to whole points, so that the app never
 * says "60, below 60". nearbyint() rounds halves to even, as printf's "%.0f" does. */
double
gs_score_shown (double score)
{
  return nearbyint (score);
}

static void
add_counts (GsScore       *sum,
            const GsScore *score)
{
  sum->n_answered += score->n_answered;
  sum->n_dont_know += score->n_dont_know;
  sum->n_not_applicable += score->n_not_applicable;
  sum->n_unanswered += score->n_unanswered;
}

/* One respondent's overall score: the mean of the receptive context's and the triggering
 * conditions' scores, each the mean of its domains' scores. @part_scores gets the two. */
static double
overall_of_respondent (GsResults *results,
                       guint      r,
                       double     part_scores[GS_PART_POLARITY])
{
  double part_sum[GS_PART_POLARITY] = { 0 }, sum = 0;
  guint part_n[GS_PART_POLARITY] = { 0 }, n_parts = 0;

  for (guint d = 0; d < results->n_domains; d++)
    {
      const GsScore *score = &results->domains[d].respondents[r];
      GsPart part = results->domains[d].domain->part;

      add_counts (&results->overall[r], score);
      if (!isnan (score->score) && part < GS_PART_POLARITY)
        {
          part_sum[part] += score->score;
          part_n[part]++;
        }
    }
  for (GsPart part = 0; part < GS_PART_POLARITY; part++)
    {
      part_scores[part] = part_n[part] > 0 ? part_sum[part] / part_n[part] : NAN;
      if (!isnan (part_scores[part]))
        {
          sum += part_scores[part];
          n_parts++;
        }
    }
  return n_parts > 0 ? sum / n_parts : NAN;
}

static void
describe_without_agreement (const double *values,
                            guint         n_values,
                            GsAggregate  *out)
{
  gs_scoring_describe (values, n_values, out);
  out->rwg = out->alpha = NAN;
}

/* The paper's argument has two halves, the receptive context and the triggering conditions:
 * they weigh the same in the overall score, however many domains each has. The overall
 * mean is the mean of the two halves' means, as the Overview shows them side by side; the
 * spread (sd, lowest, highest) is that of the respondents' own overall scores. */
void
gs_scoring_score_overall (GsResults *results)
{
  guint n = results->n_respondents;
  g_autofree double *overall_scores = g_new0 (double, MAX (n, 1));
  g_autofree double *part_scores = g_new0 (double, MAX (n, 1) * GS_PART_POLARITY);

  results->overall = g_new0 (GsScore, MAX (n, 1));
  for (guint r = 0; r < n; r++)
    {
      double parts[GS_PART_POLARITY];

      overall_scores[r] = results->overall[r].score = overall_of_respondent (results, r, parts);
      for (GsPart part = 0; part < GS_PART_POLARITY; part++)
        part_scores[part * n + r] = parts[part];
    }
  describe_without_agreement (overall_scores, n, &results->overall_aggregate);
  for (GsPart part = 0; part < GS_PART_POLARITY; part++)
    describe_without_agreement (part_scores + part * n, n, &results->parts[part]);
  if (results->parts[GS_PART_RECEPTIVE_CONTEXT].n > 0 && results->parts[GS_PART_TRIGGERING_CONDITIONS].n > 0)
    results->overall_aggregate.mean = (results->parts[GS_PART_RECEPTIVE_CONTEXT].mean +
                                       results->parts[GS_PART_TRIGGERING_CONDITIONS].mean) / 2;
}

static guint
count_items_disagreeing (const GsResults *results,
                         const GsDomain  *domain)
{
  guint n = 0;

  for (guint i = 0; i < results->n_items; i++)
    if (results->items[i].item->domain == domain && results->items[i].aggregate.disagreement)
      n++;
  return n;
}

/* The shown groups with the highest and the lowest score shown; FALSE unless there are two. */
static gboolean
find_group_extremes (const GsResults      *results,
                     const GsDomainResult *domain,
                     guint                *high,
                     guint                *low)
{
  guint n_shown = 0;

  for (guint g = 0; g < results->groups->len; g++)
    {
      const GsAggregate *group = &domain->groups[g];

      if (group->hidden || isnan (group->mean))
        continue;
      if (n_shown == 0 || gs_score_shown (group->mean) > gs_score_shown (domain->groups[*high].mean))
        *high = g;
      if (n_shown == 0 || gs_score_shown (group->mean) < gs_score_shown (domain->groups[*low].mean))
        *low = g;
      n_shown++;
    }
  return n_shown >= 2;
}

/* "5 of 6 items disagree; Board 83, Front line 52", or NULL when the domain agrees. */
static char *
describe_disagreement (const GsResults      *results,
                       const GsDomainResult *domain)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint n_items = domain->domain->items->len;
  guint high = 0, low = 0;

  if (domain->n_items_disagreeing > 0 && domain->n_items_disagreeing * GS_DISAGREEING_ITEMS_ONE_IN >= n_items)
    g_string_append_printf (text, ngettext ("%u of %u item disagrees", "%u of %u items disagree", n_items),
                            domain->n_items_disagreeing, n_items);
  if (find_group_extremes (results, domain, &high, &low) &&
      gs_score_shown (domain->groups[high].mean) - gs_score_shown (domain->groups[low].mean) >= GS_GROUP_GAP)
    {
      if (text->len > 0)
        g_string_append (text, _("; "));
      /* Translators: the group scoring highest and the one scoring lowest: "Board 83, Front line 52" */
      g_string_append_printf (text, _("%s %.0f, %s %.0f"),
                              (const char *) g_ptr_array_index (results->groups, high), domain->groups[high].mean,
                              (const char *) g_ptr_array_index (results->groups, low), domain->groups[low].mean);
    }
  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

/* Disagreement, blockers and the weakest domain, once the items are scored. */
void
gs_scoring_flag_domains (GsResults *results)
{
  results->weakest_domain = -1;
  for (guint d = 0; d < results->n_domains; d++)
    {
      GsDomainResult *domain = &results->domains[d];
      double shown = gs_score_shown (domain->aggregate.mean);

      domain->n_items_disagreeing = count_items_disagreeing (results, domain->domain);
      domain->disagreement = describe_disagreement (results, domain);
      domain->aggregate.disagreement = domain->disagreement != NULL;
      domain->blocker = !isnan (shown) && shown < GS_BLOCKER_CUTOFF;
      if (!isnan (shown) &&
          (results->weakest_domain < 0 || shown < gs_score_shown (results->domains[results->weakest_domain].aggregate.mean)))
        results->weakest_domain = (int) d;
    }
}
