/* gs-scoring.c — what the answers mean
 *
 * Everything here is a pure function of the instrument and the assessment: no I/O, no
 * globals, no GTK. The formulas are those of data/instruments/README.md ("Method"); when
 * one changes here it changes there.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gs-scoring"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "gs-scoring-private.h"

/* Mean, sample standard deviation, minimum and maximum of the values that are not NAN. */
void
gs_scoring_describe (const double *values,
                     guint         n_values,
                     GsAggregate  *out)
{
  double sum = 0, sum_squares = 0;

  out->n = 0;
  out->mean = out->sd = out->min = out->max = NAN;
  for (guint i = 0; i < n_values; i++)
    {
      if (isnan (values[i]))
        continue;
      if (out->n == 0 || values[i] < out->min)
        out->min = values[i];
      if (out->n == 0 || values[i] > out->max)
        out->max = values[i];
      sum += values[i];
      out->n++;
    }
  if (out->n == 0)
    return;
  out->mean = sum / out->n;
  if (out->n < 2)
    return;
  for (guint i = 0; i < n_values; i++)
    if (!isnan (values[i]))
      sum_squares += (values[i] - out->mean) * (values[i] - out->mean);
  out->sd = sqrt (sum_squares / (out->n - 1));
}

static double
sample_variance (const double *values,
                 guint         n)
{
  double mean = 0, sum_squares = 0;

  if (n < 2)
    return NAN;
  for (guint i = 0; i < n; i++)
    mean += values[i];
  mean /= n;
  for (guint i = 0; i < n; i++)
    sum_squares += (values[i] - mean) * (values[i] - mean);
  return sum_squares / (n - 1);
}

static gboolean
has_value (GsRespondent *respondent,
           const GsItem *item,
           int          *value)
{
  const GsAnswer *answer = gs_respondent_get_answer (respondent, item->id);

  if (answer == NULL || answer->status != GS_ANSWER_VALUE)
    return FALSE;
  *value = answer->value;
  return TRUE;
}

/* Within-group agreement over the items' answers among @respondents: each item's variance
 * is taken over the respondents who gave it a value (items with fewer than two are left out). */
static double
rwg_for (GPtrArray *items,
         GPtrArray *respondents)
{
  g_autofree double *variances = g_new0 (double, items->len);
  g_autofree double *values = g_new0 (double, MAX (respondents->len, 1));
  guint n_variances = 0;

  for (guint i = 0; i < items->len; i++)
    {
      guint n = 0;
      int value;

      for (guint r = 0; r < respondents->len; r++)
        if (has_value (g_ptr_array_index (respondents, r), g_ptr_array_index (items, i), &value))
          values[n++] = value;
      if (n >= 2)
        variances[n_variances++] = sample_variance (values, n);
    }
  return n_variances > 0 ? gs_rwg_multi (variances, n_variances) : NAN;
}

/* Cronbach's alpha over the respondents who gave a value to every item (listwise). */
static double
alpha_for (GPtrArray *items,
           GPtrArray *respondents,
           guint     *n_complete)
{
  g_autofree double *matrix = g_new0 (double, MAX (items->len * respondents->len, 1));
  guint n = 0;

  for (guint r = 0; r < respondents->len; r++)
    {
      GsRespondent *respondent = g_ptr_array_index (respondents, r);
      gboolean complete = TRUE;
      int value = 0;

      for (guint i = 0; i < items->len && complete; i++)
        {
          complete = has_value (respondent, g_ptr_array_index (items, i), &value);
          matrix[n * items->len + i] = value;
        }
      if (complete)
        n++;
    }
  *n_complete = n;
  return gs_cronbach_alpha (matrix, n, items->len);
}

/* The aggregate of @respondents on @items: the spread of their scores, and how far their
 * answers agree. */
static void
aggregate_for (GPtrArray   *items,
               GPtrArray   *respondents,
               GsAggregate *out)
{
  g_autofree double *scores = g_new0 (double, MAX (respondents->len, 1));

  for (guint r = 0; r < respondents->len; r++)
    scores[r] = gs_score_items (g_ptr_array_index (respondents, r), items).score;
  gs_scoring_describe (scores, respondents->len, out);
  out->rwg = rwg_for (items, respondents);
  out->disagreement = !isnan (out->rwg) && out->rwg < GS_RWG_AGREEMENT_CUTOFF;
  out->alpha = alpha_for (items, respondents, &out->n_alpha);
  out->hidden = FALSE;
}

static void
hidden_aggregate (GsAggregate *out)
{
  *out = (GsAggregate) { 0, NAN, NAN, NAN, NAN, NAN, NAN, 0, FALSE, TRUE };
}

static GPtrArray *
respondents_in_group (GsAssessment *assessment,
                      const char   *group)
{
  GPtrArray *all = gs_assessment_get_respondents (assessment);
  GPtrArray *members = g_ptr_array_new ();

  for (guint r = 0; r < all->len; r++)
    {
      GsRespondent *respondent = g_ptr_array_index (all, r);
      if (g_str_equal (respondent->group, group))
        g_ptr_array_add (members, respondent);
    }
  return members;
}

static void
find_groups (GsResults *results)
{
  GPtrArray *respondents = gs_assessment_get_respondents (results->assessment);

  results->groups = g_ptr_array_new_with_free_func (g_free);
  for (guint r = 0; r < respondents->len; r++)
    {
      GsRespondent *respondent = g_ptr_array_index (respondents, r);
      if (respondent->group[0] != '\0' &&
          !g_ptr_array_find_with_equal_func (results->groups, respondent->group, g_str_equal, NULL))
        g_ptr_array_add (results->groups, g_strdup (respondent->group));
    }
  /* A group's size is the people in it who have answered: those sent a questionnaire that
   * has not come back must not lift a group of two over the smallest shown on its own. */
  results->group_sizes = g_new0 (guint, MAX (results->groups->len, 1));
  for (guint g = 0; g < results->groups->len; g++)
    {
      g_autoptr(GPtrArray) members = respondents_in_group (results->assessment, g_ptr_array_index (results->groups, g));

      for (guint m = 0; m < members->len; m++)
        results->group_sizes[g] += g_hash_table_size (((GsRespondent *) g_ptr_array_index (members, m))->answers) > 0;
    }
}

static void
score_domains (GsResults *results)
{
  GPtrArray *domains = gs_instrument_get_domains (results->instrument);
  GPtrArray *respondents = gs_assessment_get_respondents (results->assessment);

  results->n_domains = domains->len;
  results->domains = g_new0 (GsDomainResult, domains->len);
  for (guint d = 0; d < domains->len; d++)
    {
      GsDomainResult *result = &results->domains[d];

      result->domain = g_ptr_array_index (domains, d);
      result->respondents = g_new0 (GsScore, MAX (respondents->len, 1));
      for (guint r = 0; r < respondents->len; r++)
        result->respondents[r] = gs_score_items (g_ptr_array_index (respondents, r), result->domain->items);
      aggregate_for (result->domain->items, respondents, &result->aggregate);

      result->groups = g_new0 (GsAggregate, MAX (results->groups->len, 1));
      for (guint g = 0; g < results->groups->len; g++)
        {
          g_autoptr(GPtrArray) members = NULL;

          if (results->group_sizes[g] < results->min_group_size)
            {
              hidden_aggregate (&result->groups[g]);
              continue;
            }
          members = respondents_in_group (results->assessment, g_ptr_array_index (results->groups, g));
          aggregate_for (result->domain->items, members, &result->groups[g]);
        }
    }
}

static void
score_items (GsResults *results)
{
  GPtrArray *items = gs_instrument_get_items (results->instrument);
  GPtrArray *respondents = gs_assessment_get_respondents (results->assessment);

  results->n_items = items->len;
  results->items = g_new0 (GsItemResult, items->len);
  for (guint i = 0; i < items->len; i++)
    {
      GsItemResult *result = &results->items[i];
      g_autoptr(GPtrArray) single = g_ptr_array_new ();
      double sum = 0;
      guint n = 0;

      result->item = g_ptr_array_index (items, i);
      g_ptr_array_add (single, (gpointer) result->item);
      aggregate_for (single, respondents, &result->aggregate);
      for (guint r = 0; r < respondents->len; r++)
        {
          const GsAnswer *answer = gs_respondent_get_answer (g_ptr_array_index (respondents, r), result->item->id);

          if (answer == NULL)
            result->n_unanswered++;
          else if (answer->status == GS_ANSWER_DONT_KNOW)
            result->n_dont_know++;
          else if (answer->status == GS_ANSWER_NOT_APPLICABLE)
            result->n_not_applicable++;
          else
            {
              sum += answer->value;
              n++;
            }
        }
      result->mean_value = n > 0 ? sum / n : NAN;
    }
}

static void
set_balances (GsPolarityResult *result)
{
  for (GsPole pole = 0; pole < GS_N_POLES; pole++)
    result->balance[pole] = result->quadrants[pole][GS_SIDE_UPSIDE].mean -
                            result->quadrants[pole][GS_SIDE_DOWNSIDE].mean;
}

/* The whole-table map shows, in each quadrant, the mean of the six rows' quadrant means. */
static void
score_whole_table (GsResults *results)
{
  GsPolarityResult *whole = &results->whole_table;

  whole->row = NULL;
  for (GsPole pole = 0; pole < GS_N_POLES; pole++)
    for (GsSide side = 0; side < GS_N_SIDES; side++)
      {
        g_autofree double *means = g_new0 (double, MAX (results->n_rows, 1));

        for (guint row = 0; row < results->n_rows; row++)
          means[row] = results->rows[row].quadrants[pole][side].mean;
        gs_scoring_describe (means, results->n_rows, &whole->quadrants[pole][side]);
        whole->quadrants[pole][side].rwg = NAN;
        whole->quadrants[pole][side].alpha = NAN;
      }
  set_balances (whole);
}

static void
score_polarity (GsResults *results)
{
  const GsPolarity *polarity = gs_instrument_get_polarity (results->instrument);
  GPtrArray *respondents = gs_assessment_get_respondents (results->assessment);

  results->n_rows = polarity->rows->len;
  results->rows = g_new0 (GsPolarityResult, MAX (results->n_rows, 1));
  for (guint row = 0; row < results->n_rows; row++)
    {
      GsPolarityResult *result = &results->rows[row];

      result->row = g_ptr_array_index (polarity->rows, row);
      for (GsPole pole = 0; pole < GS_N_POLES; pole++)
        for (GsSide side = 0; side < GS_N_SIDES; side++)
          aggregate_for (result->row->poles[pole].items[side], respondents, &result->quadrants[pole][side]);
      set_balances (result);
    }
  score_whole_table (results);
}

static GPtrArray *
stage_evidence_items (const GsStage *stage)
{
  GPtrArray *items = g_ptr_array_new ();

  for (guint d = 0; d < stage->evidence_domains->len; d++)
    {
      const GsDomain *domain = g_ptr_array_index (stage->evidence_domains, d);
      g_ptr_array_extend (items, domain->items, NULL, NULL);
    }
  g_ptr_array_extend (items, stage->evidence_items, NULL, NULL);
  return items;
}

/* "Organisational context 70, Structural context 55" — what carries a stage's score. */
static char *
describe_evidence_domains (const GsResults *results,
                           const GsStage   *stage)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint d = 0; d < stage->evidence_domains->len; d++)
    {
      const GsDomain *domain = g_ptr_array_index (stage->evidence_domains, d);
      const GsDomainResult *result = gs_results_lookup_domain (results, domain->id);

      if (text->len > 0)
        g_string_append (text, ", ");
      if (isnan (result->aggregate.mean))
        g_string_append_printf (text, _("%s not answered"), domain->title);
      else
        g_string_append_printf (text, "%s %.0f", domain->title, result->aggregate.mean);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
stage_reason (const GsResults     *results,
              const GsStageResult *result,
              double               threshold)
{
  g_autofree char *verdict = NULL;
  g_autofree char *carried_by = NULL;

  if (isnan (result->evidence.mean))
    return g_strdup_printf (_("“%s”: not enough answers to judge it."), result->stage->name);

  if (result->reached)
    verdict = g_strdup_printf (_("“%s” is in place: its evidence scores %.0f, at or above %.0f"),
                               result->stage->name, result->evidence.mean, threshold);
  else
    verdict = g_strdup_printf (_("“%s” is the work now: its evidence scores %.0f, below %.0f"),
                               result->stage->name, result->evidence.mean, threshold);
  if (result->stage->evidence_domains->len == 0)
    return g_strconcat (verdict, ".", NULL);

  carried_by = describe_evidence_domains (results, result->stage);
  /* Translators: a verdict on a stage, then the domain scores that carry it */
  return g_strdup_printf (_("%s (%s)."), verdict, carried_by);
}

/* The organisation is at the first stage whose evidence is not yet in place: a movement's
 * later stages build on the earlier ones, so a strong stage 3 cannot make up for stage 1. */
static void
estimate_stage (GsResults *results)
{
  GPtrArray *stages = gs_instrument_get_stages (results->instrument);
  GPtrArray *respondents = gs_assessment_get_respondents (results->assessment);
  double threshold = gs_instrument_get_stage_threshold (results->instrument);

  results->n_stages = stages->len;
  results->stages = g_new0 (GsStageResult, MAX (stages->len, 1));
  for (guint s = 0; s < stages->len; s++)
    {
      GsStageResult *result = &results->stages[s];
      g_autoptr(GPtrArray) items = NULL;

      result->stage = g_ptr_array_index (stages, s);
      items = stage_evidence_items (result->stage);
      aggregate_for (items, respondents, &result->evidence);
      result->reached = !isnan (result->evidence.mean) && gs_score_shown (result->evidence.mean) >= threshold;
    }

  results->stage_estimate = 0;
  while (results->stage_estimate + 1 < results->n_stages && results->stages[results->stage_estimate].reached)
    results->stage_estimate++;

  results->stage_reasons = g_ptr_array_new_with_free_func (g_free);
  for (guint s = 0; s <= results->stage_estimate && s < results->n_stages; s++)
    g_ptr_array_add (results->stage_reasons, stage_reason (results, &results->stages[s], threshold));
}

static int
compare_suggestions (gconstpointer a,
                     gconstpointer b)
{
  const GsSuggestion *x = *(const GsSuggestion * const *) a;
  const GsSuggestion *y = *(const GsSuggestion * const *) b;
  /* Weakness: how far below the cutoff a domain or upside is, how far above a downside. */
  double wx = x->kind == GS_SUGGESTION_QUADRANT && x->side == GS_SIDE_DOWNSIDE ? x->score : 100 - x->score;
  double wy = y->kind == GS_SUGGESTION_QUADRANT && y->side == GS_SIDE_DOWNSIDE ? y->score : 100 - y->score;

  return (wx < wy) - (wx > wy);
}

static void
add_suggestion (GsResults           *results,
                GsSuggestionKind     kind,
                const GsSourcedText *text,
                const char          *about,
                double               score,
                int                  row,
                GsPole               pole,
                GsSide               side)
{
  GsSuggestion *suggestion = g_new0 (GsSuggestion, 1);

  *suggestion = (GsSuggestion) { kind, text, about, score, row, pole, side };
  g_ptr_array_add (results->suggestions, suggestion);
}

static void
select_suggestions (GsResults *results)
{
  results->suggestions = g_ptr_array_new_with_free_func (g_free);

  for (guint d = 0; d < results->n_domains; d++)
    {
      const GsDomainResult *result = &results->domains[d];

      if (isnan (result->aggregate.mean) || gs_score_shown (result->aggregate.mean) >= GS_SUGGESTION_CUTOFF)
        continue;
      for (guint s = 0; s < result->domain->suggestions->len; s++)
        add_suggestion (results, GS_SUGGESTION_DOMAIN, g_ptr_array_index (result->domain->suggestions, s),
                        result->domain->title, result->aggregate.mean, -1, GS_POLE_LEFT, GS_SIDE_UPSIDE);
    }

  for (guint row = 0; row < results->n_rows; row++)
    for (GsPole pole = 0; pole < GS_N_POLES; pole++)
      {
        const GsPoleContent *content = &results->rows[row].row->poles[pole];
        double upside = results->rows[row].quadrants[pole][GS_SIDE_UPSIDE].mean;
        double downside = results->rows[row].quadrants[pole][GS_SIDE_DOWNSIDE].mean;

        if (!isnan (upside) && gs_score_shown (upside) < GS_SUGGESTION_CUTOFF)
          add_suggestion (results, GS_SUGGESTION_QUADRANT, &content->suggestions[GS_SIDE_UPSIDE],
                          content->pole, upside, (int) row, pole, GS_SIDE_UPSIDE);
        if (!isnan (downside) && gs_score_shown (downside) >= GS_SUGGESTION_CUTOFF)
          add_suggestion (results, GS_SUGGESTION_QUADRANT, &content->suggestions[GS_SIDE_DOWNSIDE],
                          content->pole, downside, (int) row, pole, GS_SIDE_DOWNSIDE);
      }

  g_ptr_array_sort (results->suggestions, compare_suggestions);
}

double
gs_item_score (int value)
{
  g_return_val_if_fail (value >= 1 && value <= 5, NAN);
  return (value - 1) * 25.0;
}

/**
 * gs_score_items:
 *
 * One respondent's score on @items: the mean of the item scores of the items answered on
 * the scale, with "don't know", "not applicable" and unanswered items counted beside it.
 */
GsScore
gs_score_items (GsRespondent *respondent,
                GPtrArray    *items)
{
  GsScore score = { NAN, 0, 0, 0, 0 };
  double sum = 0;

  for (guint i = 0; i < items->len; i++)
    {
      const GsItem *item = g_ptr_array_index (items, i);
      const GsAnswer *answer = gs_respondent_get_answer (respondent, item->id);

      if (answer == NULL)
        score.n_unanswered++;
      else if (answer->status == GS_ANSWER_DONT_KNOW)
        score.n_dont_know++;
      else if (answer->status == GS_ANSWER_NOT_APPLICABLE)
        score.n_not_applicable++;
      else
        {
          sum += gs_item_score (answer->value);
          score.n_answered++;
        }
    }
  if (score.n_answered > 0)
    score.score = sum / score.n_answered;
  return score;
}

/* r_wg for one item (James, Demaree and Wolf 1984): 1 − s² / σ²_EU, at least 0. */
double
gs_rwg_single (const double *values,
               guint         n)
{
  double variance = sample_variance (values, n);

  return isnan (variance) ? NAN : gs_rwg_multi (&variance, 1);
}

/* r_wg(J) for J items (James, Demaree and Wolf 1984): with s̄² the mean of the items'
 * variances and σ²_EU = 2 the variance of a uniform answer on 5 points,
 * J (1 − s̄²/σ²_EU) / (J (1 − s̄²/σ²_EU) + s̄²/σ²_EU); 0 when s̄² ≥ σ²_EU. */
double
gs_rwg_multi (const double *item_variances,
              guint         n_items)
{
  double mean_variance = 0, ratio;

  if (n_items == 0)
    return NAN;
  for (guint i = 0; i < n_items; i++)
    mean_variance += item_variances[i];
  mean_variance /= n_items;
  ratio = mean_variance / GS_UNIFORM_VARIANCE_5;
  if (ratio >= 1)
    return 0;
  return n_items * (1 - ratio) / (n_items * (1 - ratio) + ratio);
}

/* Cronbach's alpha: K/(K−1) · (1 − Σ s²_i / s²_total), sample variances, @answers being
 * @n_respondents rows of @n_items values. NAN below 3 respondents or 2 items, or when the
 * totals do not vary. */
double
gs_cronbach_alpha (const double *answers,
                   guint         n_respondents,
                   guint         n_items)
{
  g_autofree double *column = NULL;
  g_autofree double *totals = NULL;
  double sum_item_variances = 0, total_variance;

  if (n_respondents < 3 || n_items < 2)
    return NAN;
  column = g_new0 (double, n_respondents);
  totals = g_new0 (double, n_respondents);
  for (guint i = 0; i < n_items; i++)
    {
      for (guint r = 0; r < n_respondents; r++)
        {
          column[r] = answers[r * n_items + i];
          totals[r] += column[r];
        }
      sum_item_variances += sample_variance (column, n_respondents);
    }
  total_variance = sample_variance (totals, n_respondents);
  if (total_variance == 0)
    return NAN;
  return (double) n_items / (n_items - 1) * (1 - sum_item_variances / total_variance);
}

/**
 * gs_results_compute:
 * @min_group_size: groups with fewer respondents are not aggregated, so that no one's
 *   answers are not set apart; at least %GS_MIN_GROUP_SIZE
 *
 * Returns: (transfer full): every figure Groundswell shows for @assessment
 */
GsResults *
gs_results_compute (GsInstrument *instrument,
                    GsAssessment *assessment,
                    guint         min_group_size)
{
  GsResults *results;

  g_return_val_if_fail (GS_IS_INSTRUMENT (instrument), NULL);
  g_return_val_if_fail (GS_IS_ASSESSMENT (assessment), NULL);

  results = g_new0 (GsResults, 1);
  results->instrument = g_object_ref (instrument);
  results->assessment = g_object_ref (assessment);
  results->n_respondents = gs_assessment_get_respondents (assessment)->len;
  /* Never below 3, whatever a caller asks: a group of one or two is a person or two. */
  results->min_group_size = MAX (min_group_size, GS_MIN_GROUP_SIZE);

  find_groups (results);
  score_domains (results);
  gs_scoring_score_overall (results);
  score_items (results);
  gs_scoring_flag_domains (results);
  score_polarity (results);
  estimate_stage (results);
  select_suggestions (results);
  return results;
}

typedef struct {
  GsInstrument *instrument;
  GsAssessment *assessment;
  guint         min_group_size;
} ComputeData;

static void
compute_data_free (ComputeData *data)
{
  g_object_unref (data->instrument);
  g_object_unref (data->assessment);
  g_free (data);
}

static void
compute_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  ComputeData *data = task_data;
  GsResults *results = gs_results_compute (data->instrument, data->assessment, data->min_group_size);

  if (g_task_return_error_if_cancelled (task))
    gs_results_free (results);
  else
    g_task_return_pointer (task, results, (GDestroyNotify) gs_results_free);
}

/**
 * gs_results_compute_async:
 *
 * Computes the results in a worker thread, so that scoring a big assessment never blocks
 * the window. The assessment must not change until the callback runs: the caller hands
 * over a loaded copy.
 */
void
gs_results_compute_async (GsInstrument        *instrument,
                          GsAssessment        *assessment,
                          guint                min_group_size,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  ComputeData *data = g_new0 (ComputeData, 1);

  data->instrument = g_object_ref (instrument);
  data->assessment = g_object_ref (assessment);
  data->min_group_size = min_group_size;
  g_task_set_source_tag (task, gs_results_compute_async);
  g_task_set_task_data (task, data, (GDestroyNotify) compute_data_free);
  g_task_run_in_thread (task, compute_thread);
}

/**
 * gs_results_compute_finish:
 *
 * Returns: (transfer full) (nullable): the results, or %NULL if cancelled
 */
GsResults *
gs_results_compute_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
gs_results_free (GsResults *results)
{
  if (results == NULL)
    return;

  for (guint d = 0; d < results->n_domains; d++)
    {
      g_free (results->domains[d].respondents);
      g_free (results->domains[d].groups);
      g_free (results->domains[d].disagreement);
    }
  g_free (results->domains);
  g_free (results->overall);
  g_free (results->items);
  g_free (results->rows);
  g_free (results->stages);
  g_free (results->group_sizes);
  g_clear_pointer (&results->groups, g_ptr_array_unref);
  g_clear_pointer (&results->stage_reasons, g_ptr_array_unref);
  g_clear_pointer (&results->suggestions, g_ptr_array_unref);
  g_clear_object (&results->instrument);
  g_clear_object (&results->assessment);
  g_free (results);
}

const GsDomainResult *
gs_results_lookup_domain (const GsResults *results,
                          const char      *domain_id)
{
  for (guint d = 0; d < results->n_domains; d++)
    if (g_str_equal (results->domains[d].domain->id, domain_id))
      return &results->domains[d];
  return NULL;
}

const GsItemResult *
gs_results_lookup_item (const GsResults *results,
                        const char      *item_id)
{
  for (guint i = 0; i < results->n_items; i++)
    if (g_str_equal (results->items[i].item->id, item_id))
      return &results->items[i];
  return NULL;
}

static void
add_change (GArray     *changes,
            const char *id,
            double      baseline,
            double      follow_up)
{
  GsChange change = { g_intern_string (id), baseline, follow_up, follow_up - baseline };

  g_array_append_val (changes, change);
}

static const char *side_ids[GS_N_SIDES] = { "upside", "downside" };
static const char *pole_ids[GS_N_POLES] = { "left", "right" };

/**
 * gs_comparison_compute:
 *
 * The change from @baseline to @follow_up in every domain, item and polarity quadrant
 * that the follow-up's instrument has; things the baseline lacks have a NAN change.
 * Both must be assessments of the same organisation with the same instrument.
 *
 * Returns: (transfer full) (nullable): the comparison, or %NULL with @error set
 */
GsComparison *
gs_comparison_compute (const GsResults  *baseline,
                       const GsResults  *follow_up,
                       GError          **error)
{
  GsComparison *comparison;

  if (g_strcmp0 (gs_assessment_get_organisation_uuid (baseline->assessment),
                 gs_assessment_get_organisation_uuid (follow_up->assessment)) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” and “%s” are assessments of different organisations."),
                   gs_assessment_get_title (baseline->assessment), gs_assessment_get_title (follow_up->assessment));
      return NULL;
    }
  if (g_strcmp0 (gs_instrument_get_id (baseline->instrument), gs_instrument_get_id (follow_up->instrument)) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” and “%s” use different instruments and cannot be compared."),
                   gs_assessment_get_title (baseline->assessment), gs_assessment_get_title (follow_up->assessment));
      return NULL;
    }

  comparison = g_new0 (GsComparison, 1);
  comparison->domains = g_array_new (FALSE, FALSE, sizeof (GsChange));
  comparison->items = g_array_new (FALSE, FALSE, sizeof (GsChange));
  comparison->quadrants = g_array_new (FALSE, FALSE, sizeof (GsChange));

  for (guint d = 0; d < follow_up->n_domains; d++)
    {
      const GsDomainResult *after = &follow_up->domains[d];
      const GsDomainResult *before = gs_results_lookup_domain (baseline, after->domain->id);
      add_change (comparison->domains, after->domain->id,
                  before != NULL ? before->aggregate.mean : NAN, after->aggregate.mean);
    }
  for (guint i = 0; i < follow_up->n_items; i++)
    {
      const GsItemResult *after = &follow_up->items[i];
      const GsItemResult *before = gs_results_lookup_item (baseline, after->item->id);
      add_change (comparison->items, after->item->id,
                  before != NULL ? before->aggregate.mean : NAN, after->aggregate.mean);
    }
  for (guint row = 0; row < follow_up->n_rows; row++)
    for (GsPole pole = 0; pole < GS_N_POLES; pole++)
      for (GsSide side = 0; side < GS_N_SIDES; side++)
        {
          const GsPolarityResult *after = &follow_up->rows[row];
          g_autofree char *id = g_strdup_printf ("%s/%s/%s", after->row->id, pole_ids[pole], side_ids[side]);
          double before = NAN;

          for (guint b = 0; b < baseline->n_rows; b++)
            if (g_str_equal (baseline->rows[b].row->id, after->row->id))
              before = baseline->rows[b].quadrants[pole][side].mean;
          add_change (comparison->quadrants, id, before, after->quadrants[pole][side].mean);
        }
  return comparison;
}

void
gs_comparison_free (GsComparison *comparison)
{
  if (comparison == NULL)
    return;
  g_array_unref (comparison->domains);
  g_array_unref (comparison->items);
  g_array_unref (comparison->quadrants);
  g_free (comparison);
}

const GsChange *
gs_comparison_lookup (GArray     *changes,
                      const char *id)
{
  for (guint i = 0; i < changes->len; i++)
    {
      const GsChange *change = &g_array_index (changes, GsChange, i);
      if (g_str_equal (change->id, id))
        return change;
    }
  return NULL;
}
