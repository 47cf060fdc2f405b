/* gs-plan-areas.c — where to act, ranked
 *
 * Every domain, and every quadrant of Table 1's rows that draws a suggestion (an upside
 * seen under GS_SUGGESTION_CUTOFF, a downside at or above it), is an area. Blockers come
 * first; then the areas by how far they are from where the paper would want them (100 less
 * the score for a domain or an upside, the score itself for a downside), ten points further
 * where the respondents' views differ, since a divided picture needs talking through before
 * it is acted on. The ten points are Groundswell's choice, like the other thresholds.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gs-report"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>

#include "core/gs-plan.h"
#include "gs-analysis.h"
#include "gs-plan-areas.h"

#define DISAGREEMENT_WEIGHT 10.0

static void
area_free (GsPlanArea *area)
{
  g_free (area->key);
  g_free (area->title);
  g_ptr_array_unref (area->suggestions);
  g_ptr_array_unref (area->steps);
  g_ptr_array_unref (area->warnings);
  g_free (area);
}

static GsPlanArea *
area_new (char     *key,
          char     *title,
          double    score,
          gboolean  disagreement)
{
  GsPlanArea *area = g_new0 (GsPlanArea, 1);

  area->key = key;
  area->title = title;
  area->score = score;
  area->disagreement = disagreement;
  area->suggestions = g_ptr_array_new ();
  area->steps = g_ptr_array_new ();
  area->warnings = g_ptr_array_new ();
  return area;
}

/* How far from where it should be: the larger, the sooner to act. */
static double
need (const GsPlanArea *area,
      gboolean          downside)
{
  return (downside ? area->score : 100 - area->score) + (area->disagreement ? DISAGREEMENT_WEIGHT : 0);
}

static int
compare_areas (gconstpointer a,
               gconstpointer b,
               gpointer      needs)
{
  const GsPlanArea *x = *(const GsPlanArea * const *) a, *y = *(const GsPlanArea * const *) b;
  double nx = *(double *) g_hash_table_lookup (needs, x), ny = *(double *) g_hash_table_lookup (needs, y);

  if (x->blocker != y->blocker)
    return x->blocker ? -1 : 1;
  return (nx < ny) - (nx > ny);
}

static void
add_domains (GPtrArray       *areas,
             GHashTable      *needs,
             const GsResults *results)
{
  for (guint d = 0; d < results->n_domains; d++)
    {
      const GsDomainResult *domain = &results->domains[d];
      GsPlanArea *area;
      double *n = g_new (double, 1);

      if (isnan (domain->aggregate.mean))
        {
          g_free (n);
          continue;
        }
      area = area_new (gs_plan_area_for_domain (domain->domain->id), g_strdup (domain->domain->title),
                       domain->aggregate.mean, domain->aggregate.disagreement);
      area->blocker = domain->blocker;
      for (guint i = 0; i < results->suggestions->len; i++)
        {
          const GsSuggestion *suggestion = g_ptr_array_index (results->suggestions, i);

          if (suggestion->kind == GS_SUGGESTION_DOMAIN && g_str_equal (suggestion->about, domain->domain->title))
            g_ptr_array_add (area->suggestions, (gpointer) suggestion);
        }
      *n = need (area, FALSE);
      g_hash_table_insert (needs, area, n);
      g_ptr_array_add (areas, area);
    }
}

static void
add_quadrants (GPtrArray       *areas,
               GHashTable      *needs,
               const GsResults *results)
{
  const GsPolarity *polarity = gs_instrument_get_polarity (results->instrument);

  for (guint r = 0; r < results->n_rows && r < polarity->rows->len; r++)
    for (GsPole pole = 0; pole < GS_N_POLES; pole++)
      for (GsSide side = 0; side < GS_N_SIDES; side++)
        {
          const GsAggregate *quadrant = &results->rows[r].quadrants[pole][side];
          const GsPolarityRow *row = g_ptr_array_index (polarity->rows, r);
          g_autofree char *key = gs_plan_area_for_quadrant ((int) r, pole, side);
          GsPlanArea *area;
          double *n;

          if (isnan (quadrant->mean) ||
              (side == GS_SIDE_UPSIDE ? quadrant->mean >= GS_SUGGESTION_CUTOFF : quadrant->mean < GS_SUGGESTION_CUTOFF))
            continue;
          area = area_new (g_strdup (key), gs_plan_describe_area (results->instrument, key), quadrant->mean,
                           quadrant->disagreement);
          for (guint i = 0; i < results->suggestions->len; i++)
            {
              const GsSuggestion *suggestion = g_ptr_array_index (results->suggestions, i);

              if (suggestion->kind == GS_SUGGESTION_QUADRANT && suggestion->row == (int) r && suggestion->pole == pole &&
                  suggestion->side == side)
                g_ptr_array_add (area->suggestions, (gpointer) suggestion);
            }
          g_ptr_array_extend (side == GS_SIDE_UPSIDE ? area->steps : area->warnings,
                              side == GS_SIDE_UPSIDE ? row->poles[pole].action_steps : row->poles[pole].early_warnings,
                              NULL, NULL);
          n = g_new (double, 1);
          *n = need (area, side == GS_SIDE_DOWNSIDE);
          g_hash_table_insert (needs, area, n);
          g_ptr_array_add (areas, area);
        }
}

/**
 * gs_plan_areas_rank:
 *
 * Returns: (transfer full) (element-type GsPlanArea): the areas, most in need first
 */
GPtrArray *
gs_plan_areas_rank (const GsResults *results)
{
  GPtrArray *areas = g_ptr_array_new_with_free_func ((GDestroyNotify) area_free);
  g_autoptr(GHashTable) needs = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);

  add_domains (areas, needs, results);
  add_quadrants (areas, needs, results);
  g_ptr_array_sort_with_data (areas, compare_areas, needs);
  return areas;
}

/* An area's score in @results, or NAN: a domain's, or a quadrant's of a row or of the whole. */
double
gs_plan_area_score (const GsResults *results,
                    const char      *area)
{
  int row, pole, side;

  if (results == NULL || area == NULL)
    return NAN;
  if (g_str_has_prefix (area, "domain:"))
    for (guint d = 0; d < results->n_domains; d++)
      if (g_str_equal (results->domains[d].domain->id, area + 7))
        return results->domains[d].aggregate.mean;
  if (g_str_has_prefix (area, "quadrant:") && sscanf (area + 9, "%d/%d/%d", &row, &pole, &side) == 3 &&
      pole >= 0 && pole < GS_N_POLES && side >= 0 && side < GS_N_SIDES)
    {
      if (row == -1)
        return results->whole_table.quadrants[pole][side].mean;
      if (row >= 0 && row < (int) results->n_rows)
        return results->rows[row].quadrants[pole][side].mean;
    }
  return NAN;
}

/* Appends "Done: …" (or under way, …) for @area's actions with @status. */
static void
append_actions (GString    *text,
                GPtrArray  *actions,
                const char *area,
                GsActionStatus status)
{
  gboolean first = TRUE;

  for (guint i = 0; i < actions->len; i++)
    {
      const GsAction *action = g_ptr_array_index (actions, i);

      if (action->status != status || !g_str_equal (action->area, area))
        continue;
      if (first)
        g_string_append_printf (text, " %s: %s", gs_action_status_label (status), action->what);
      else
        g_string_append_printf (text, "; %s", action->what);
      first = FALSE;
    }
  if (!first && !g_str_has_suffix (text->str, "."))
    g_string_append_c (text, '.');
}

/**
 * gs_plan_review_text:
 *
 * What the plan did, area by area, beside each area's change since the baseline:
 * "Table 1, row 1: … — upsides: 48 → 55 (+7). Done: Set mobilisation in motion…". Only areas
 * with an action; dropped actions are left out.
 *
 * Returns: (transfer full) (nullable): the lines, or %NULL without a baseline or actions
 */
char *
gs_plan_review_text (GsAnalysis *analysis)
{
  GPtrArray *actions = gs_assessment_get_actions (gs_analysis_get_assessment (analysis));
  const GsResults *before = gs_analysis_get_baseline_results (analysis), *after = gs_analysis_get_compared_results (analysis);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GString) text = g_string_new (NULL);

  if (before == NULL || after == NULL || actions->len == 0)
    return NULL;
  g_string_append (text, _("What the plan did, beside each area’s change since the earlier assessment:"));
  for (guint i = 0; i < actions->len; i++)
    {
      const GsAction *action = g_ptr_array_index (actions, i);
      g_autofree char *words = NULL;
      double was, is;

      if (!g_hash_table_add (seen, action->area))
        continue;
      words = gs_plan_describe_area (gs_analysis_get_instrument (analysis), action->area);
      was = gs_plan_area_score (before, action->area);
      is = gs_plan_area_score (after, action->area);
      g_string_append_printf (text, "\n• %s", words[0] != '\0' ? words : _("No area"));
      if (!isnan (was) && !isnan (is))
        g_string_append_printf (text, ": %.0f → %.0f (%+.0f).", was, is, round (is) - round (was));
      else
        g_string_append_c (text, '.');
      for (GsActionStatus s = GS_ACTION_PLANNED; s < GS_ACTION_DROPPED; s++)
        append_actions (text, actions, action->area, s);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}
