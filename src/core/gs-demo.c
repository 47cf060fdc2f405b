/* gs-demo.c — a fictional example organisation
 *
 * "Riverside Community Health NHS Trust" does not exist. Its two assessments, six months
 * apart, are generated from a fixed seed so that they are the same on every machine, and
 * their ids are fixed so that adding the demo twice adds nothing twice. The answers are
 * shaped to show what the charts can show: a board more optimistic than the front line
 * (disagreement), a programmatic organisation starting to move, rising participation.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gs-demo"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "gs-demo.h"

#define DEMO_ORGANISATION_UUID "5e1d0c3b-7a2f-4c6e-9b8d-1f2a3b4c5d6e"
#define DEMO_SEED 20040201

typedef struct {
  const char *name;
  const char *group;
  double      offset;     /* how much more (or less) favourably this person answers */
  double      completion; /* the share of items they had answered */
} DemoPerson;

static const DemoPerson people[] = {
  { N_("Chief executive"),              N_("Board"),      0.7, 1.0 },
  { N_("Medical director"),             N_("Board"),      0.4, 1.0 },
  { N_("Director of nursing"),          N_("Board"),      0.5, 1.0 },
  { N_("Divisional manager, surgery"),  N_("Managers"),   0.1, 1.0 },
  { N_("Service manager, community"),   N_("Managers"),   0.0, 1.0 },
  { N_("Improvement lead"),             N_("Managers"),   0.3, 1.0 },
  { N_("Ward sister"),                  N_("Front line"), -0.6, 1.0 },
  { N_("Physiotherapist"),              N_("Front line"), -0.4, 1.0 },
  { N_("Healthcare assistant"),         N_("Front line"), -0.8, 0.9 },
  { N_("Junior doctor"),                N_("Front line"), -0.5, 0.6 },
};

/* A fixed, valid UUID for a label, so that the demo's ids are the same every time. */
static char *
demo_uuid (const char *label)
{
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA1, label, -1);

  return g_strdup_printf ("%.8s-%.4s-5%.3s-8%.3s-%.12s", hash, hash + 8, hash + 12, hash + 15, hash + 18);
}

/* The level (1–5, before noise) a typical respondent gives an item at each assessment. */
static double
base_level (const GsItem *item,
            gboolean      follow_up)
{
  static const struct { const char *domain; double baseline, follow_up; } domains[] = {
    { "organisational", 3.3, 3.6 },
    { "structural",     2.7, 3.1 },
    { "political",      3.0, 3.2 },
    { "cultural",       3.4, 3.7 },
    { "triggering",     2.3, 3.0 },
  };
  /* Polarity quadrants: [pole][side] — strong programmatic upsides, a movement pole whose
   * upsides rise between the two assessments. */
  static const double quadrants[2][GS_N_POLES][GS_N_SIDES] = {
    { { 3.9, 3.4 }, { 2.3, 2.0 } },
    { { 3.8, 3.0 }, { 3.1, 2.3 } },
  };

  if (item->domain == NULL)
    return quadrants[follow_up][item->pole][item->side];
  for (guint i = 0; i < G_N_ELEMENTS (domains); i++)
    if (g_str_equal (item->domain->id, domains[i].domain))
      return follow_up ? domains[i].follow_up : domains[i].baseline;
  return 3.0;
}

static void
answer_items (GsRespondent     *respondent,
              const DemoPerson *person,
              GPtrArray        *items,
              gboolean          follow_up,
              GRand            *rand)
{
  for (guint i = 0; i < items->len; i++)
    {
      const GsItem *item = g_ptr_array_index (items, i);
      double chance = g_rand_double (rand);
      int value;

      if (chance > person->completion)
        continue;  /* not answered yet */
      if (chance < 0.04 && item->scale->allows_dont_know)
        {
          gs_respondent_set_answer (respondent, item->id, GS_ANSWER_DONT_KNOW, 0, NULL);
          continue;
        }
      if (chance < 0.06 && item->scale->allows_not_applicable)
        {
          gs_respondent_set_answer (respondent, item->id, GS_ANSWER_NOT_APPLICABLE, 0, NULL);
          continue;
        }
      /* Downsides are seen less by those at the top, more at the front line. */
      value = (int) lround (base_level (item, follow_up) +
                            (item->domain == NULL && item->side == GS_SIDE_DOWNSIDE ? -person->offset : person->offset) +
                            g_rand_double_range (rand, -0.9, 0.9));
      gs_respondent_set_answer (respondent, item->id, GS_ANSWER_VALUE, CLAMP (value, 1, GS_SCALE_POINTS), NULL);
    }
}

static void
add_event (GsAssessment *assessment,
           const char   *date,
           GsEventKind   kind,
           const char   *title,
           int           stage,
           double        participation,
           int           change_agents)
{
  g_autofree char *label = g_strconcat ("demo-event-", date, "-", title, NULL);
  g_autofree char *uuid = demo_uuid (label);
  GsTimelineEvent *event = gs_assessment_add_event (assessment, uuid, date, kind, title);

  event->stage = stage;
  event->participation = participation;
  event->change_agents = change_agents;
}

static void
add_timeline (GsAssessment *assessment)
{
  add_event (assessment, "2025-06-12", GS_EVENT_TRIGGER, _("Serious incident review shared with all staff"), 1, NAN, -1);
  add_event (assessment, "2025-09-01", GS_EVENT_MILESTONE, _("Board agrees to back staff-led improvement"), 1, NAN, -1);
  add_event (assessment, "2025-10-15", GS_EVENT_MEASUREMENT, _("Staff survey"), 1, 9, 12);
  add_event (assessment, "2026-01-20", GS_EVENT_COALITION, _("Falls and frailty groups join forces"), 2, NAN, -1);
  add_event (assessment, "2026-02-05", GS_EVENT_SETBACK, _("Winter pressures pause two projects"), 2, NAN, -1);
  add_event (assessment, "2026-03-02", GS_EVENT_MEASUREMENT, _("Improvement register count"), 2, 11, 21);
  add_event (assessment, "2026-05-18", GS_EVENT_MILESTONE, _("First improvement marketplace day"), 2, NAN, -1);
  add_event (assessment, "2026-07-01", GS_EVENT_MEASUREMENT, _("Improvement register count"), 2, 14.5, 34);
  add_event (assessment, "2026-09-07", GS_EVENT_MEASUREMENT, _("Staff survey"), 3, 17, 41);
}

/* The baseline's plan: three action steps of Table 1's maps taken on as actions, and one
 * early warning watched for; the follow-up reviews it (the same actions, moved on). The
 * texts are the instrument's; owners and dates are the example's. */
static void
add_plan (GsAssessment *assessment,
          GsInstrument *instrument,
          gboolean      reviewed)
{
  static const struct { int row; const char *owner; const char *due; GsActionStatus review; } steps[] = {
    { 0, N_("Head of Quality Improvement"), "2026-05-31", GS_ACTION_DONE },
    { 1, N_("Director of Nursing"), "2026-07-31", GS_ACTION_UNDER_WAY },
    { 4, N_("Medical Director"), "2026-12-31", GS_ACTION_PLANNED },
  };
  const GsPolarity *polarity = gs_instrument_get_polarity (instrument);

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      const GsPolarityRow *row = g_ptr_array_index (polarity->rows, steps[i].row);
      const GsSourcedText *step = g_ptr_array_index (row->poles[GS_POLE_RIGHT].action_steps, 0);
      g_autofree char *label = g_strdup_printf ("demo-action-%u", i);
      g_autofree char *uuid = demo_uuid (label);
      g_autofree char *area = gs_plan_area_for_quadrant (steps[i].row, GS_POLE_RIGHT, GS_SIDE_UPSIDE);
      GsAction *action = gs_action_new (uuid, step->text, area);

      g_free (action->owner);
      action->owner = g_strdup (_(steps[i].owner));
      g_free (action->due);
      action->due = g_strdup (steps[i].due);
      action->status = reviewed ? steps[i].review : GS_ACTION_PLANNED;
      g_ptr_array_add (gs_assessment_get_actions (assessment), action);
    }
  {
    const GsPolarityRow *row = g_ptr_array_index (polarity->rows, 0);
    const GsSourcedText *warning = g_ptr_array_index (row->poles[GS_POLE_RIGHT].early_warnings, 0);
    g_autofree char *uuid = demo_uuid ("demo-signal-0");
    g_autofree char *area = gs_plan_area_for_quadrant (0, GS_POLE_RIGHT, GS_SIDE_DOWNSIDE);
    GsSignal *signal = gs_signal_new (uuid, warning->text, area);

    g_free (signal->how);
    signal->how = g_strdup (_("Each quarter, count the initiatives on the improvement register that report to nobody."));
    g_ptr_array_add (gs_assessment_get_signals (assessment), signal);
  }
}

static GsAssessment *
build_one (GsInstrument *instrument,
           const char   *key,
           const char   *title,
           const char   *date,
           gboolean      follow_up,
           GRand        *rand)
{
  g_autofree char *uuid = demo_uuid (key);
  GsAssessment *assessment = gs_assessment_new (uuid, DEMO_ORGANISATION_UUID,
                                                _("Riverside Community Health NHS Trust (fictional example)"),
                                                title, date, gs_instrument_get_id (instrument),
                                                gs_instrument_get_version (instrument));
  GPtrArray *items = gs_instrument_get_items (instrument);

  for (guint p = 0; p < G_N_ELEMENTS (people); p++)
    {
      g_autofree char *label = g_strdup_printf ("%s-respondent-%u", key, p);
      g_autofree char *respondent_uuid = demo_uuid (label);
      GsRespondent *respondent = gs_assessment_add_respondent (assessment, respondent_uuid, _(people[p].name),
                                                               _(people[p].group));
      answer_items (respondent, &people[p], items, follow_up, rand);
    }
  return assessment;
}

/**
 * gs_demo_build_assessments:
 *
 * Returns: (transfer full) (element-type GsAssessment): the baseline (which carries the
 *   organisation's timeline) and the follow-up six months later
 */
GPtrArray *
gs_demo_build_assessments (GsInstrument *instrument)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (DEMO_SEED);
  GPtrArray *assessments = g_ptr_array_new_with_free_func (g_object_unref);
  GsAssessment *baseline = build_one (instrument, "demo-baseline", _("Baseline"), "2026-03-02", FALSE, rand);
  GsAssessment *follow_up = build_one (instrument, "demo-follow-up", _("Six-month follow-up"), "2026-09-07", TRUE, rand);
  GsRespondent *lead = g_ptr_array_index (gs_assessment_get_respondents (baseline), 5);
  const GsAnswer *answer = gs_respondent_get_answer (lead, "trg-joined-up");

  /* An evidence note, as a respondent would write one. */
  gs_respondent_set_answer (lead, "trg-joined-up", answer != NULL ? answer->status : GS_ANSWER_VALUE,
                            answer != NULL ? answer->value : 2,
                            _("We counted 41 separate initiatives in March; fewer than ten report to anyone."));
  add_timeline (baseline);
  add_plan (baseline, instrument, FALSE);
  add_plan (follow_up, instrument, TRUE);
  g_ptr_array_add (assessments, baseline);
  g_ptr_array_add (assessments, follow_up);
  return assessments;
}
