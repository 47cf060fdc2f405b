/* test-scoring.c — scores of a small, hand-worked set of answers
 *
 * The mini instrument (fixtures/mini-instrument.json) has a context domain "ctx" of three
 * items c1–c3, a triggering domain "trg" of two items t1–t2, one polarity row with two
 * items in each quadrant, and two stages (s1 on ctx, s2 on t1 and t2, threshold 60).
 * Item score = (answer − 1) × 25. Every expected figure below is worked out by hand in
 * the comments beside it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "core/gs-scoring.h"
#include "report/gs-results-text.h"

#define DK -1   /* don't know */
#define NA -2   /* not applicable */
#define __ 0    /* unanswered */

#define EPSILON 1e-6

typedef struct {
  GsInstrument *instrument;
  GsAssessment *assessment;
  GsResults    *results;
} Fixture;

static void
answer (GsRespondent *respondent,
        const char   *item_id,
        int           code)
{
  if (code == DK)
    gs_respondent_set_answer (respondent, item_id, GS_ANSWER_DONT_KNOW, 0, NULL);
  else if (code == NA)
    gs_respondent_set_answer (respondent, item_id, GS_ANSWER_NOT_APPLICABLE, 0, NULL);
  else if (code != __)
    gs_respondent_set_answer (respondent, item_id, GS_ANSWER_VALUE, code, NULL);
}

static GsInstrument *
load_mini (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "core", "fixtures", "mini-instrument.json", NULL);
  GsInstrument *instrument = gs_instrument_new_from_file (path, &error);

  g_assert_no_error (error);
  return instrument;
}

/*            c1  c2  c3   t1  t2   group
 *   R1        5   4   4    4   5   Board
 *   R2        4   4   3    3   3   Board
 *   R3        5   5  DK    –   –   Board
 *   R4        2   1   2    2  DK   Front line
 *   R5        1  NA   2    1   2   Front line
 * Polarity, answered by R1 and R2 only:
 *             l-up  l-dn  r-up  r-dn
 *   R1        5 4   2 2   3 3   4 5
 *   R2        4 4   1 2   2 1   3 4
 */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  static const struct {
    const char *name, *group;
    int ctx[3], trg[2], pol[8];
  } rows[] = {
    { "R1", "Board",      { 5, 4, 4 },   { 4, 5 },   { 5, 4, 2, 2, 3, 3, 4, 5 } },
    { "R2", "Board",      { 4, 4, 3 },   { 3, 3 },   { 4, 4, 1, 2, 2, 1, 3, 4 } },
    { "R3", "Board",      { 5, 5, DK },  { __, __ }, { __, __, __, __, __, __, __, __ } },
    { "R4", "Front line", { 2, 1, 2 },   { 2, DK },  { __, __, __, __, __, __, __, __ } },
    { "R5", "Front line", { 1, NA, 2 },  { 1, 2 },   { __, __, __, __, __, __, __, __ } },
  };
  static const char *ctx[] = { "c1", "c2", "c3" };
  static const char *trg[] = { "t1", "t2" };
  static const char *pol[] = { "l-up-1", "l-up-2", "l-dn-1", "l-dn-2", "r-up-1", "r-up-2", "r-dn-1", "r-dn-2" };

  fixture->instrument = load_mini ();
  fixture->assessment = gs_assessment_new (NULL, "11111111-1111-4111-8111-111111111111", "Example Trust",
                                           "Baseline", "2026-03-01", "mini", 1);
  for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
    {
      GsRespondent *respondent = gs_assessment_add_respondent (fixture->assessment, NULL, rows[r].name, rows[r].group);

      for (guint i = 0; i < 3; i++)
        answer (respondent, ctx[i], rows[r].ctx[i]);
      for (guint i = 0; i < 2; i++)
        answer (respondent, trg[i], rows[r].trg[i]);
      for (guint i = 0; i < 8; i++)
        answer (respondent, pol[i], rows[r].pol[i]);
    }
  fixture->results = gs_results_compute (fixture->instrument, fixture->assessment, GS_DEFAULT_MIN_GROUP_SIZE);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  gs_results_free (fixture->results);
  g_object_unref (fixture->assessment);
  g_object_unref (fixture->instrument);
}

static void
test_respondent_domain_scores (Fixture       *fixture,
                               gconstpointer  user_data)
{
  const GsDomainResult *ctx = gs_results_lookup_domain (fixture->results, "ctx");
  const GsDomainResult *trg = gs_results_lookup_domain (fixture->results, "trg");

  /* R1 ctx: (100 + 75 + 75) / 3 = 83.333… */
  g_assert_cmpfloat_with_epsilon (ctx->respondents[0].score, 250.0 / 3, EPSILON);
  g_assert_cmpuint (ctx->respondents[0].n_answered, ==, 3);
  /* R2 ctx: (75 + 75 + 50) / 3 = 66.667 */
  g_assert_cmpfloat_with_epsilon (ctx->respondents[1].score, 200.0 / 3, EPSILON);
  /* R3 ctx: don't know on c3 is left out: (100 + 100) / 2 = 100 */
  g_assert_cmpfloat_with_epsilon (ctx->respondents[2].score, 100, EPSILON);
  g_assert_cmpuint (ctx->respondents[2].n_answered, ==, 2);
  g_assert_cmpuint (ctx->respondents[2].n_dont_know, ==, 1);
  /* R4 ctx: (25 + 0 + 25) / 3 = 16.667 */
  g_assert_cmpfloat_with_epsilon (ctx->respondents[3].score, 50.0 / 3, EPSILON);
  /* R5 ctx: not applicable on c2 is left out: (0 + 25) / 2 = 12.5 */
  g_assert_cmpfloat_with_epsilon (ctx->respondents[4].score, 12.5, EPSILON);
  g_assert_cmpuint (ctx->respondents[4].n_not_applicable, ==, 1);

  /* R3 answered nothing in trg: no score, two unanswered. */
  g_assert_true (isnan (trg->respondents[2].score));
  g_assert_cmpuint (trg->respondents[2].n_unanswered, ==, 2);
  /* R4 trg: t1 = 2 → 25; t2 don't know: 25 */
  g_assert_cmpfloat_with_epsilon (trg->respondents[3].score, 25, EPSILON);
}

static void
test_domain_aggregate (Fixture       *fixture,
                       gconstpointer  user_data)
{
  const GsAggregate *ctx = &gs_results_lookup_domain (fixture->results, "ctx")->aggregate;
  const GsAggregate *trg = &gs_results_lookup_domain (fixture->results, "trg")->aggregate;

  /* ctx: mean of 83.333, 66.667, 100, 16.667, 12.5 = 279.167 / 5 = 55.833 */
  g_assert_cmpuint (ctx->n, ==, 5);
  g_assert_cmpfloat_with_epsilon (ctx->mean, 335.0 / 6, EPSILON);
  /* deviations 27.5, 10.833, 44.167, −39.167, −43.333; squares sum 6236.111;
   * / 4 = 1559.028; √ = 39.4845 */
  g_assert_cmpfloat_with_epsilon (ctx->sd, 39.48452580, 1e-6);
  g_assert_cmpfloat_with_epsilon (ctx->min, 12.5, EPSILON);
  g_assert_cmpfloat_with_epsilon (ctx->max, 100, EPSILON);

  /* r_wg(J): item variances c1 {5,4,5,2,1} = 3.3, c2 {4,4,5,1} = 3.0, c3 {4,3,2,2} = 0.9167;
   * mean 2.4056 > σ²_EU = 2, so r_wg(J) = 0: the respondents disagree. */
  g_assert_cmpfloat_with_epsilon (ctx->rwg, 0, EPSILON);
  g_assert_true (ctx->disagreement);

  /* alpha, listwise over R1 (5,4,4), R2 (4,4,3), R4 (2,1,2): item variances 2.3333, 3, 1
   * (sum 6.3333); totals 13, 11, 5 have variance 17.3333;
   * alpha = 3/2 × (1 − 6.3333/17.3333) = 0.951923 */
  g_assert_cmpuint (ctx->n_alpha, ==, 3);
  g_assert_cmpfloat_with_epsilon (ctx->alpha, 0.9519230769, 1e-9);

  /* trg: 87.5, 50, 25, 12.5 (R3 has none) → mean 43.75 over 4 */
  g_assert_cmpuint (trg->n, ==, 4);
  g_assert_cmpfloat_with_epsilon (trg->mean, 43.75, EPSILON);
  /* alpha needs three complete respondents: R1, R2, R5 answered t1 and t2 → computable. */
  g_assert_cmpuint (trg->n_alpha, ==, 3);
}

static void
test_groups (Fixture       *fixture,
             gconstpointer  user_data)
{
  const GsDomainResult *ctx = gs_results_lookup_domain (fixture->results, "ctx");
  const GsAggregate *board, *front_line;

  g_assert_cmpuint (fixture->results->groups->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (fixture->results->groups, 0), ==, "Board");
  g_assert_cmpstr (g_ptr_array_index (fixture->results->groups, 1), ==, "Front line");
  g_assert_cmpuint (fixture->results->group_sizes[0], ==, 3);
  g_assert_cmpuint (fixture->results->group_sizes[1], ==, 2);

  /* Board: 83.333, 66.667, 100 → mean 83.333, sd 16.667 */
  board = &ctx->groups[0];
  g_assert_false (board->hidden);
  g_assert_cmpfloat_with_epsilon (board->mean, 250.0 / 3, EPSILON);
  g_assert_cmpfloat_with_epsilon (board->sd, 50.0 / 3, EPSILON);
  /* r_wg(J): variances c1 {5,4,5} = 1/3, c2 {4,4,5} = 1/3, c3 {4,3} = 1/2; mean 7/18;
   * ratio 7/36; r_wg(3) = 3(29/36) / (3(29/36) + 7/36) = 87/94 = 0.925532 */
  g_assert_cmpfloat_with_epsilon (board->rwg, 87.0 / 94, EPSILON);
  g_assert_false (board->disagreement);
  /* R3's don't-know leaves two complete respondents: too few for alpha. */
  g_assert_true (isnan (board->alpha));

  /* Front line has 2 respondents, fewer than 3: nothing is computed or shown. */
  front_line = &ctx->groups[1];
  g_assert_true (front_line->hidden);
  g_assert_cmpuint (front_line->n, ==, 0);
  g_assert_true (isnan (front_line->mean));
}

static void
test_overall (Fixture       *fixture,
              gconstpointer  user_data)
{
  const GsScore *overall = fixture->results->overall;

  /* R1: (83.333 + 87.5) / 2 = 85.417; R3: ctx only = 100 */
  g_assert_cmpfloat_with_epsilon (overall[0].score, (250.0 / 3 + 87.5) / 2, EPSILON);
  g_assert_cmpfloat_with_epsilon (overall[2].score, 100, EPSILON);
  g_assert_cmpuint (overall[2].n_answered, ==, 2);
  g_assert_cmpuint (overall[2].n_dont_know, ==, 1);
  g_assert_cmpuint (overall[2].n_unanswered, ==, 2);
  /* The halves: ctx over five respondents (83.333 + 66.667 + 100 + 16.667 + 12.5) / 5 = 55.833,
   * trg over the four who answered it (87.5 + 50 + 25 + 12.5) / 4 = 43.75; overall their mean,
   * 49.792 — not the mean of the respondents' own overall scores (55.417), which would let
   * R3, who answered only the context, tilt it. */
  g_assert_cmpfloat_with_epsilon (fixture->results->parts[GS_PART_RECEPTIVE_CONTEXT].mean, 335.0 / 6, EPSILON);
  g_assert_cmpfloat_with_epsilon (fixture->results->parts[GS_PART_TRIGGERING_CONDITIONS].mean, 43.75, EPSILON);
  g_assert_cmpfloat_with_epsilon (fixture->results->overall_aggregate.mean, (335.0 / 6 + 43.75) / 2, EPSILON);
}

static void
test_items (Fixture       *fixture,
            gconstpointer  user_data)
{
  const GsItemResult *c1 = gs_results_lookup_item (fixture->results, "c1");
  const GsItemResult *c2 = gs_results_lookup_item (fixture->results, "c2");
  const GsItemResult *c3 = gs_results_lookup_item (fixture->results, "c3");

  /* c1: 5,4,5,2,1 → item scores 100,75,100,25,0 → mean 60; raw mean 3.4 */
  g_assert_cmpfloat_with_epsilon (c1->aggregate.mean, 60, EPSILON);
  g_assert_cmpfloat_with_epsilon (c1->mean_value, 3.4, EPSILON);
  /* variance 3.3 > 2 → r_wg 0, disagreement */
  g_assert_cmpfloat_with_epsilon (c1->aggregate.rwg, 0, EPSILON);
  g_assert_true (c1->aggregate.disagreement);
  g_assert_cmpuint (c2->n_not_applicable, ==, 1);
  g_assert_cmpuint (c3->n_dont_know, ==, 1);
  /* c3: 4,3,2,2 → variance 0.91667 → r_wg = 1 − 0.91667/2 = 0.541667 < 0.70 → disagreement */
  g_assert_cmpfloat_with_epsilon (c3->aggregate.rwg, 1 - (11.0 / 12) / 2, EPSILON);
  g_assert_true (c3->aggregate.disagreement);
}

static void
test_polarity (Fixture       *fixture,
               gconstpointer  user_data)
{
  const GsPolarityResult *row = &fixture->results->rows[0];

  /* left upside: R1 (100+75)/2 = 87.5, R2 75 → 81.25 */
  g_assert_cmpfloat_with_epsilon (row->quadrants[GS_POLE_LEFT][GS_SIDE_UPSIDE].mean, 81.25, EPSILON);
  /* left downside: R1 25, R2 (0+25)/2 = 12.5 → 18.75 */
  g_assert_cmpfloat_with_epsilon (row->quadrants[GS_POLE_LEFT][GS_SIDE_DOWNSIDE].mean, 18.75, EPSILON);
  /* right upside: R1 50, R2 12.5 → 31.25; right downside: R1 87.5, R2 62.5 → 75 */
  g_assert_cmpfloat_with_epsilon (row->quadrants[GS_POLE_RIGHT][GS_SIDE_UPSIDE].mean, 31.25, EPSILON);
  g_assert_cmpfloat_with_epsilon (row->quadrants[GS_POLE_RIGHT][GS_SIDE_DOWNSIDE].mean, 75, EPSILON);
  g_assert_cmpuint (row->quadrants[GS_POLE_RIGHT][GS_SIDE_DOWNSIDE].n, ==, 2);
  /* balances: 81.25 − 18.75 = 62.5; 31.25 − 75 = −43.75 */
  g_assert_cmpfloat_with_epsilon (row->balance[GS_POLE_LEFT], 62.5, EPSILON);
  g_assert_cmpfloat_with_epsilon (row->balance[GS_POLE_RIGHT], -43.75, EPSILON);
  /* One row: the whole-table map shows the same figures. */
  g_assert_cmpfloat_with_epsilon (fixture->results->whole_table.quadrants[GS_POLE_RIGHT][GS_SIDE_UPSIDE].mean, 31.25, EPSILON);
}

static void
test_stage_and_suggestions (Fixture       *fixture,
                            gconstpointer  user_data)
{
  const GsResults *results = fixture->results;
  const GsSuggestion *first, *second, *third;

  /* Stage 1's evidence is ctx: 55.833 < 60, so the organisation is in stage 1. */
  g_assert_cmpuint (results->stage_estimate, ==, 0);
  g_assert_false (results->stages[0].reached);
  g_assert_cmpfloat_with_epsilon (results->stages[0].evidence.mean, 335.0 / 6, EPSILON);
  g_assert_cmpuint (results->stage_reasons->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (results->stage_reasons, 0), ==,
                   "“Stage one” is the work now: its evidence scores 56, below 60 (Context 56).");

  /* trg 43.75 < 50 → its suggestion; right upside 31.25 < 50; right downside 75 ≥ 50.
   * Weakest first: downside 75, then upside 100 − 31.25 = 68.75, then trg 100 − 43.75 = 56.25. */
  g_assert_cmpuint (results->suggestions->len, ==, 3);
  first = g_ptr_array_index (results->suggestions, 0);
  second = g_ptr_array_index (results->suggestions, 1);
  third = g_ptr_array_index (results->suggestions, 2);
  g_assert_cmpstr (first->text->text, ==, "r downside suggestion");
  g_assert_cmpstr (second->text->text, ==, "r upside suggestion");
  g_assert_cmpstr (third->text->text, ==, "Trigger suggestion");
  g_assert_cmpfloat_with_epsilon (third->score, 43.75, EPSILON);
}

/* When stage 1's evidence is in place, the estimate moves on to stage 2. */
static void
test_stage_moves_on (void)
{
  g_autoptr(GsInstrument) instrument = load_mini ();
  g_autoptr(GsAssessment) assessment = gs_assessment_new (NULL, NULL, "Org", "T", "2026-01-01", "mini", 1);
  GsRespondent *respondent = gs_assessment_add_respondent (assessment, NULL, "Only", NULL);
  g_autoptr(GsResults) results = NULL;

  answer (respondent, "c1", 4);   /* 75 */
  answer (respondent, "c2", 5);   /* 100 */
  answer (respondent, "c3", 3);   /* 50 → ctx 75 ≥ 60 */
  answer (respondent, "t1", 2);   /* 25 → stage 2 evidence 25 < 60 */
  results = gs_results_compute (instrument, assessment, 3);

  g_assert_cmpuint (results->stage_estimate, ==, 1);
  g_assert_true (results->stages[0].reached);
  g_assert_cmpuint (results->stage_reasons->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (results->stage_reasons, 0), ==,
                   "“Stage one” is in place: its evidence scores 75, at or above 60 (Context 75).");
  g_assert_cmpstr (g_ptr_array_index (results->stage_reasons, 1), ==,
                   "“Stage two” is the work now: its evidence scores 25, below 60.");
  /* One respondent: no spread and no agreement to speak of. */
  g_assert_true (isnan (results->domains[0].aggregate.sd));
  g_assert_true (isnan (results->domains[0].aggregate.rwg));
  g_assert_false (results->domains[0].aggregate.disagreement);
}

/* No answers at all: every score is unknown, counts say why, nothing is suggested. */
static void
test_empty_assessment (void)
{
  g_autoptr(GsInstrument) instrument = load_mini ();
  g_autoptr(GsAssessment) assessment = gs_assessment_new (NULL, NULL, "Org", "T", "2026-01-01", "mini", 1);
  g_autoptr(GsResults) results = gs_results_compute (instrument, assessment, 3);

  g_assert_cmpuint (results->n_respondents, ==, 0);
  g_assert_cmpuint (results->domains[0].aggregate.n, ==, 0);
  g_assert_true (isnan (results->domains[0].aggregate.mean));
  g_assert_true (isnan (results->overall_aggregate.mean));
  g_assert_cmpuint (results->stage_estimate, ==, 0);
  g_assert_cmpstr (g_ptr_array_index (results->stage_reasons, 0), ==, "“Stage one”: not enough answers to judge it.");
  g_assert_cmpuint (results->suggestions->len, ==, 0);
}

/* r_wg and alpha against worked examples of the published formulas.
 * r_wg (James, Demaree and Wolf 1984): ratings 4, 4, 5, 5 on five points have variance 1/3;
 * r_wg = 1 − (1/3)/2 = 5/6. With J = 4 items of that variance, r_wg(4) = 4(5/6)/(4(5/6) + 1/6) = 20/21.
 * Alpha (Cronbach 1951): three respondents × two items {1,2}, {2,3}, {3,4} — the items
 * move together: item variances 1 and 1, totals 3, 5, 7 have variance 4: alpha = 2 × (1 − 2/4) = 1. */
static void
test_published_formulas (void)
{
  const double ratings[] = { 4, 4, 5, 5 };
  const double variances[] = { 1.0 / 3, 1.0 / 3, 1.0 / 3, 1.0 / 3 };
  const double perfect[] = { 1, 2, 2, 3, 3, 4 };
  const double noisy[] = { 1, 5, 3, 3, 5, 1 };

  g_assert_cmpfloat_with_epsilon (gs_rwg_single (ratings, 4), 5.0 / 6, EPSILON);
  g_assert_cmpfloat_with_epsilon (gs_rwg_multi (variances, 4), 20.0 / 21, EPSILON);
  g_assert_cmpfloat_with_epsilon (gs_cronbach_alpha (perfect, 3, 2), 1, EPSILON);
  /* Items that move against each other: variances 4 and 4, totals all 6 → variance 0 → NAN. */
  g_assert_true (isnan (gs_cronbach_alpha (noisy, 3, 2)));
  /* Too few respondents. */
  g_assert_true (isnan (gs_cronbach_alpha (perfect, 2, 2)));
  g_assert_cmpfloat_with_epsilon (gs_item_score (1), 0, EPSILON);
  g_assert_cmpfloat_with_epsilon (gs_item_score (3), 50, EPSILON);
  g_assert_cmpfloat_with_epsilon (gs_item_score (5), 100, EPSILON);
}

/* Baseline and follow-up of the same organisation: the change per domain, item and quadrant. */
static void
test_comparison (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(GsAssessment) follow_up = gs_assessment_new (NULL, gs_assessment_get_organisation_uuid (fixture->assessment),
                                                         "Example Trust", "Follow-up", "2026-09-01", "mini", 1);
  GsRespondent *respondent = gs_assessment_add_respondent (follow_up, NULL, "R1", "Board");
  g_autoptr(GsResults) later = NULL;
  g_autoptr(GsComparison) comparison = NULL;
  g_autoptr(GsAssessment) other = gs_assessment_new (NULL, NULL, "Another Trust", "X", "2026-09-01", "mini", 1);
  g_autoptr(GsResults) other_results = NULL;
  g_autoptr(GError) error = NULL;
  const GsChange *change;

  answer (respondent, "c1", 5);
  answer (respondent, "c2", 5);
  answer (respondent, "c3", 5);
  answer (respondent, "r-up-1", 5);
  answer (respondent, "r-up-2", 4);
  later = gs_results_compute (fixture->instrument, follow_up, 3);
  comparison = gs_comparison_compute (fixture->results, later, &error);
  g_assert_no_error (error);

  /* ctx: 100 − 55.833 = 44.167 */
  change = gs_comparison_lookup (comparison->domains, "ctx");
  g_assert_cmpfloat_with_epsilon (change->change, 100 - 335.0 / 6, EPSILON);
  /* trg: not answered in the follow-up → unknown change */
  g_assert_true (isnan (gs_comparison_lookup (comparison->domains, "trg")->change));
  /* c1: 100 − 60 = 40 */
  g_assert_cmpfloat_with_epsilon (gs_comparison_lookup (comparison->items, "c1")->change, 40, EPSILON);
  /* right upside: (100 + 75)/2 = 87.5 − 31.25 = 56.25 */
  change = gs_comparison_lookup (comparison->quadrants, "row/right/upside");
  g_assert_cmpfloat_with_epsilon (change->change, 56.25, EPSILON);

  other_results = gs_results_compute (fixture->instrument, other, 3);
  g_assert_null (gs_comparison_compute (fixture->results, other_results, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_cmpstr (error->message, ==, "“Baseline” and “X” are assessments of different organisations.");
}

/* The shipped instrument: one respondent who agrees (4) with every statement scores 75 in
 * every domain; the stage estimate reaches the last stage. */
static void
test_shipped_instrument_single_respondent (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GsInstrument) instrument = gs_instrument_load_default (&error);
  g_autoptr(GsAssessment) assessment = gs_assessment_new (NULL, NULL, "Org", "T", "2026-01-01", "movement-readiness", 1);
  GsRespondent *respondent = gs_assessment_add_respondent (assessment, NULL, "Chief executive", "Board");
  GPtrArray *items = gs_instrument_get_items (instrument);
  g_autoptr(GsResults) results = NULL;

  g_assert_no_error (error);
  for (guint i = 0; i < items->len; i++)
    answer (respondent, ((const GsItem *) g_ptr_array_index (items, i))->id, 4);
  results = gs_results_compute (instrument, assessment, 3);

  for (guint d = 0; d < results->n_domains; d++)
    {
      g_assert_cmpfloat_with_epsilon (results->domains[d].aggregate.mean, 75, EPSILON);
      /* The only group has one member, below the minimum of 3. */
      g_assert_true (results->domains[d].groups[0].hidden);
    }
  g_assert_cmpuint (results->n_rows, ==, 6);
  g_assert_cmpuint (results->stage_estimate, ==, 2);
  /* Downsides seen "often" (75 ≥ 50) draw one suggestion per pole and row: 12. */
  g_assert_cmpuint (results->suggestions->len, ==, 12);
}

/* Version 1 of the shipped questions, whose domains the worked examples below count. */
static GsInstrument *
version_1 (void)
{
  g_autoptr(GError) error = NULL;
  GsInstrument *instrument = gs_instrument_lookup ("movement-readiness", 1, &error);

  g_assert_no_error (error);
  return instrument;
}

static GsAssessment *
version_1_assessment (void)
{
  return gs_assessment_new (NULL, NULL, "Org", "T", "2026-01-01", "movement-readiness", 1);
}

/* Answers every domain item of the shipped instrument: @receptive on the receptive context's
 * items, @triggering on the triggering conditions'. */
static void
answer_by_part (GsInstrument *instrument,
                GsRespondent *respondent,
                int           receptive,
                int           triggering)
{
  GPtrArray *domains = gs_instrument_get_domains (instrument);

  for (guint d = 0; d < domains->len; d++)
    {
      const GsDomain *domain = g_ptr_array_index (domains, d);

      for (guint i = 0; i < domain->items->len; i++)
        answer (respondent, ((const GsItem *) g_ptr_array_index (domain->items, i))->id,
                domain->part == GS_PART_RECEPTIVE_CONTEXT ? receptive : triggering);
    }
}

/* The two halves weigh the same: receptive context (four domains) all 5 → 100, triggering
 * conditions all 1 → 0. Overall (100 + 0) / 2 = 50, not (4 × 100 + 0) / 5 = 80. The weakest
 * domain is the triggering conditions, and at 0 (< 35) it is a blocker. */
static void
test_halves_weigh_equally (void)
{
  g_autoptr(GsInstrument) instrument = version_1 ();
  g_autoptr(GsAssessment) assessment = version_1_assessment ();
  g_autoptr(GsResults) results = NULL;
  const GsDomainResult *triggering;

  answer_by_part (instrument, gs_assessment_add_respondent (assessment, NULL, "A", ""), 5, 1);
  results = gs_results_compute (instrument, assessment, 3);
  triggering = gs_results_lookup_domain (results, "triggering");

  g_assert_cmpfloat_with_epsilon (results->overall[0].score, 50, EPSILON);
  g_assert_cmpfloat_with_epsilon (results->parts[GS_PART_RECEPTIVE_CONTEXT].mean, 100, EPSILON);
  g_assert_cmpfloat_with_epsilon (results->parts[GS_PART_TRIGGERING_CONDITIONS].mean, 0, EPSILON);
  g_assert_cmpint (results->weakest_domain, >=, 0);
  g_assert_true (&results->domains[results->weakest_domain] == triggering);
  g_assert_true (triggering->blocker);
  g_assert_false (gs_results_lookup_domain (results, "organisational")->blocker);
}

/* Board (3) answer every organisational item 5 (→ 100), Front line (3) answer 3 (→ 50).
 * Each item: 5, 5, 5, 3, 3, 3 → variance 6/5 = 1.2 → r_wg = 1 − 1.2/2 = 0.4 < 0.70, so all 6
 * items disagree; the groups differ by 50 ≥ 20. r_wg(J) alone would not flag it: with J = 6
 * and s̄² = 1.2, r_wg(6) = 6 × 0.4 / (6 × 0.4 + 0.6) = 0.8 ≥ 0.70. */
static void
test_domain_disagreement (void)
{
  g_autoptr(GsInstrument) instrument = version_1 ();
  g_autoptr(GsAssessment) assessment = version_1_assessment ();
  g_autoptr(GsResults) results = NULL;
  const GsDomainResult *organisational;

  for (guint r = 0; r < 6; r++)
    answer_by_part (instrument, gs_assessment_add_respondent (assessment, NULL, "R", r < 3 ? "Board" : "Front line"),
                    r < 3 ? 5 : 3, 4);
  results = gs_results_compute (instrument, assessment, 3);
  organisational = gs_results_lookup_domain (results, "organisational");

  g_assert_cmpfloat_with_epsilon (organisational->aggregate.rwg, 0.8, EPSILON);
  g_assert_cmpuint (organisational->n_items_disagreeing, ==, 6);
  g_assert_true (organisational->aggregate.disagreement);
  g_assert_cmpstr (organisational->disagreement, ==, "6 of 6 items disagree; Board 100, Front line 50");
  /* The triggering conditions: everyone answered 4, so everyone agrees. */
  g_assert_false (gs_results_lookup_domain (results, "triggering")->aggregate.disagreement);
  g_assert_null (gs_results_lookup_domain (results, "triggering")->disagreement);
}

/* Scores are compared as shown: 16 respondents score ctx 50 (all 3s) and one 41.667
 * (3, 3, 2), a mean of (16 × 50 + 41.667) / 17 = 49.51, shown as 50 — so it is not "below
 * 50" and draws no suggestion. */
static void
test_compared_as_shown (void)
{
  g_autoptr(GsInstrument) instrument = load_mini ();
  g_autoptr(GsAssessment) assessment = gs_assessment_new (NULL, NULL, "Org", "T", "2026-01-01", "mini", 1);
  g_autoptr(GsResults) results = NULL;

  for (guint r = 0; r < 17; r++)
    {
      GsRespondent *respondent = gs_assessment_add_respondent (assessment, NULL, "R", "");

      answer (respondent, "c1", 3);
      answer (respondent, "c2", 3);
      answer (respondent, "c3", r == 16 ? 2 : 3);
    }
  results = gs_results_compute (instrument, assessment, 3);
  g_assert_cmpfloat_with_epsilon (results->domains[0].aggregate.mean, (16 * 50 + 125.0 / 3) / 17, EPSILON);
  g_assert_cmpfloat (gs_score_shown (results->domains[0].aggregate.mean), ==, 50);
  for (guint s = 0; s < results->suggestions->len; s++)
    g_assert_cmpint (((const GsSuggestion *) g_ptr_array_index (results->suggestions, s))->kind, !=, GS_SUGGESTION_DOMAIN);
}

/* With one half unanswered the sentence does not claim two halves were weighed: one
 * respondent answers c1–c3 with 5, 4, 3 (100, 75, 50 → 75) and nothing else. */
static void
test_overall_with_one_half (void)
{
  g_autoptr(GsInstrument) instrument = load_mini ();
  g_autoptr(GsAssessment) assessment = gs_assessment_new (NULL, NULL, "Org", "T", "2026-01-01", "mini", 1);
  GsRespondent *respondent = gs_assessment_add_respondent (assessment, NULL, "R", "");
  g_autoptr(GsResults) results = NULL;
  g_autofree char *text = NULL;

  answer (respondent, "c1", 5);
  answer (respondent, "c2", 4);
  answer (respondent, "c3", 3);
  results = gs_results_compute (instrument, assessment, 3);
  text = gs_results_text_overall (results);
  g_assert_true (g_str_has_prefix (text, "Overall score 75 out of 100: only one half has answers so far — the "
                                         "receptive context (75), the triggering conditions (—)."));
  g_assert_nonnull (strstr (text, " by 1 respondent ("));  /* one, not "1 respondents" */
}

/* The mini instrument has 3 + 2 context and triggering items and 8 polarity items: 13 × 15 s
 * = 195 s, about 4 minutes (rounded up). */
static void
test_estimated_minutes (void)
{
  g_autoptr(GsInstrument) instrument = load_mini ();

  g_assert_cmpuint (gs_instrument_get_items (instrument)->len, ==, 13);
  g_assert_cmpuint (gs_instrument_estimate_minutes (instrument), ==, 4);
}

/* However small a caller sets the smallest group shown, a group of two stays hidden. */
static void
test_smallest_group_at_least_three (Fixture       *fixture,
                                    gconstpointer  user_data)
{
  g_autoptr(GsResults) results = gs_results_compute (fixture->instrument, fixture->assessment, 1);

  g_assert_cmpuint (results->min_group_size, ==, 3);
  g_assert_true (gs_results_lookup_domain (results, "ctx")->groups[1].hidden);  /* Front line, 2 people */
  g_assert_false (gs_results_lookup_domain (results, "ctx")->groups[0].hidden); /* Board, 3 */
}

/* People sent a questionnaire that has not come back are in the group, but do not count
 * towards its size: two who answered stay hidden with a third who has not. */
static void
test_unanswered_do_not_count_towards_a_group (Fixture       *fixture,
                                              gconstpointer  user_data)
{
  g_autoptr(GsResults) results = NULL;

  gs_assessment_add_respondent (fixture->assessment, NULL, "Sent, not back", "Front line");
  results = gs_results_compute (fixture->instrument, fixture->assessment, 3);
  g_assert_cmpuint (results->group_sizes[1], ==, 2);
  g_assert_true (gs_results_lookup_domain (results, "ctx")->groups[1].hidden);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/scoring/respondent-domain-scores", test_respondent_domain_scores);
  ADD ("/scoring/domain-aggregate", test_domain_aggregate);
  ADD ("/scoring/groups", test_groups);
  ADD ("/scoring/unanswered-do-not-count-towards-a-group", test_unanswered_do_not_count_towards_a_group);
  ADD ("/scoring/overall", test_overall);
  ADD ("/scoring/items", test_items);
  ADD ("/scoring/polarity", test_polarity);
  ADD ("/scoring/stage-and-suggestions", test_stage_and_suggestions);
  ADD ("/scoring/comparison", test_comparison);
  ADD ("/scoring/smallest-group-at-least-three", test_smallest_group_at_least_three);
#undef ADD
  g_test_add_func ("/scoring/stage-moves-on", test_stage_moves_on);
  g_test_add_func ("/scoring/empty-assessment", test_empty_assessment);
  g_test_add_func ("/scoring/published-formulas", test_published_formulas);
  g_test_add_func ("/scoring/shipped-instrument-single-respondent", test_shipped_instrument_single_respondent);
  g_test_add_func ("/scoring/halves-weigh-equally", test_halves_weigh_equally);
  g_test_add_func ("/scoring/domain-disagreement", test_domain_disagreement);
  g_test_add_func ("/scoring/compared-as-shown", test_compared_as_shown);
  g_test_add_func ("/scoring/estimated-minutes", test_estimated_minutes);
  g_test_add_func ("/scoring/overall-with-one-half", test_overall_with_one_half);

  return g_test_run ();
}
