/* gs-plan.c — actions and signals to watch: the plan that follows a diagnosis
 *
 * An assessment carries its plan: the actions the board commits to (each answering an area
 * of the results) and the early warnings it watches for. A follow-up starts with the plan of
 * the assessment it follows, to be reviewed. Areas are written as text keys so that the
 * plan survives the store and the exchange files without depending on row numbers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gs-plan"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "gs-instrument.h"
#include "gs-plan.h"

static const char *status_names[GS_N_ACTION_STATUSES] = { "planned", "under-way", "done", "dropped" };

const char *
gs_action_status_to_string (GsActionStatus status)
{
  g_return_val_if_fail (status < GS_N_ACTION_STATUSES, NULL);
  return status_names[status];
}

gboolean
gs_action_status_from_string (const char     *text,
                              GsActionStatus *status)
{
  for (guint i = 0; i < GS_N_ACTION_STATUSES; i++)
    if (g_strcmp0 (text, status_names[i]) == 0)
      {
        *status = i;
        return TRUE;
      }
  return FALSE;
}

/* The status in words, for the window and the report. */
const char *
gs_action_status_label (GsActionStatus status)
{
  static const char *labels[GS_N_ACTION_STATUSES] = { N_("Planned"), N_("Under way"), N_("Done"), N_("Dropped") };

  g_return_val_if_fail (status < GS_N_ACTION_STATUSES, NULL);
  return _(labels[status]);
}

/**
 * gs_action_new:
 * @uuid: (nullable): a new random UUID when %NULL
 * @area: (nullable): the area it answers, or %NULL for none
 */
GsAction *
gs_action_new (const char *uuid,
               const char *what,
               const char *area)
{
  GsAction *action = g_new0 (GsAction, 1);

  action->uuid = uuid != NULL ? g_strdup (uuid) : g_uuid_string_random ();
  action->what = g_strdup (what != NULL ? what : "");
  action->owner = g_strdup ("");
  action->due = g_strdup ("");
  action->area = g_strdup (area != NULL ? area : "");
  action->status = GS_ACTION_PLANNED;
  action->note = g_strdup ("");
  return action;
}

GsAction *
gs_action_copy (const GsAction *action)
{
  GsAction *copy = gs_action_new (action->uuid, action->what, action->area);

  g_free (copy->owner);
  copy->owner = g_strdup (action->owner);
  g_free (copy->due);
  copy->due = g_strdup (action->due);
  g_free (copy->note);
  copy->note = g_strdup (action->note);
  copy->status = action->status;
  return copy;
}

void
gs_action_free (GsAction *action)
{
  if (action == NULL)
    return;
  g_free (action->uuid);
  g_free (action->what);
  g_free (action->owner);
  g_free (action->due);
  g_free (action->area);
  g_free (action->note);
  g_free (action);
}

GsSignal *
gs_signal_new (const char *uuid,
               const char *warning,
               const char *area)
{
  GsSignal *signal = g_new0 (GsSignal, 1);

  signal->uuid = uuid != NULL ? g_strdup (uuid) : g_uuid_string_random ();
  signal->warning = g_strdup (warning != NULL ? warning : "");
  signal->how = g_strdup ("");
  signal->area = g_strdup (area != NULL ? area : "");
  return signal;
}

GsSignal *
gs_signal_copy (const GsSignal *signal)
{
  GsSignal *copy = gs_signal_new (signal->uuid, signal->warning, signal->area);

  g_free (copy->how);
  copy->how = g_strdup (signal->how);
  return copy;
}

void
gs_signal_free (GsSignal *signal)
{
  if (signal == NULL)
    return;
  g_free (signal->uuid);
  g_free (signal->warning);
  g_free (signal->how);
  g_free (signal->area);
  g_free (signal);
}

char *
gs_plan_area_for_domain (const char *domain_id)
{
  return g_strdup_printf ("domain:%s", domain_id);
}

/* "quadrant:ROW/POLE/SIDE", ROW counted from 0; the whole table is row -1. */
char *
gs_plan_area_for_quadrant (int row,
                           int pole,
                           int side)
{
  return g_strdup_printf ("quadrant:%d/%d/%d", row, pole, side);
}

/* Whether @area is "", or a key of the forms above (what it names is not checked here: an
 * area the questions no longer have is shown as "another area"). */
gboolean
gs_plan_area_is_valid (const char *area)
{
  int row, pole, side;
  char end;

  if (area == NULL)
    return FALSE;
  if (area[0] == '\0')
    return TRUE;
  if ((g_str_has_prefix (area, "domain:") && area[7] != '\0') || (g_str_has_prefix (area, "item:") && area[5] != '\0'))
    return TRUE;
  return g_str_has_prefix (area, "quadrant:") && sscanf (area + 9, "%d/%d/%d%c", &row, &pole, &side, &end) == 3 &&
         row >= -1 && row < 100 && pole >= 0 && pole <= 1 && side >= 0 && side <= 1;
}

/**
 * gs_plan_describe_area:
 *
 * Returns: (transfer full): the area in words: "Political context", "Table 1, row 3:
 *   Talks about “overcoming resistance” — downsides", an item's statement; "" for no area,
 *   "another area" for one these questions do not have
 */
char *
gs_plan_describe_area (GsInstrument *instrument,
                       const char   *area)
{
  int row, pole, side;

  if (area == NULL || area[0] == '\0')
    return g_strdup ("");
  if (g_str_has_prefix (area, "domain:") && gs_instrument_lookup_domain (instrument, area + 7) != NULL)
    return g_strdup (gs_instrument_lookup_domain (instrument, area + 7)->title);
  if (g_str_has_prefix (area, "item:") && gs_instrument_lookup_item (instrument, area + 5) != NULL)
    return g_strdup (gs_instrument_lookup_item (instrument, area + 5)->statement);
  if (g_str_has_prefix (area, "quadrant:") && sscanf (area + 9, "%d/%d/%d", &row, &pole, &side) == 3 &&
      pole >= 0 && pole < 2 && side >= 0 && side < 2)
    {
      const GsPolarity *polarity = gs_instrument_get_polarity (instrument);
      const char *which = side == 0 ? _("upsides") : _("downsides");

      if (row == -1)
        /* Translators: an area of the plan: "Programmatic approach — upsides" */
        return g_strdup_printf (_("%s — %s"), polarity->labels[pole], which);
      if (row >= 0 && row < (int) polarity->rows->len)
        {
          const GsPolarityRow *r = g_ptr_array_index (polarity->rows, row);

          /* Translators: an area of the plan: "Table 1, row 3: Talks about … — downsides" */
          return g_strdup_printf (_("Table 1, row %d: %s — %s"), row + 1, r->poles[pole].pole, which);
        }
    }
  return g_strdup (_("another area"));
}
