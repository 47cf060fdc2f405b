/* gs-plan.h — what the board will do about the results: actions and signals to watch
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  GS_ACTION_PLANNED,
  GS_ACTION_UNDER_WAY,
  GS_ACTION_DONE,
  GS_ACTION_DROPPED,
  GS_N_ACTION_STATUSES
} GsActionStatus;

/* An action: what will be done, who owns it, by when, which area of the results it answers
 * ("domain:political", "item:pol-imperative", "quadrant:2/0/1" for row 3's programmatic
 * downside, "" for none), and how far it has got. */
typedef struct {
  char           *uuid;
  char           *what;
  char           *owner;   /* "" when nobody yet */
  char           *due;     /* YYYY-MM-DD, or "" */
  char           *area;
  GsActionStatus  status;
  char           *note;
} GsAction;

/* A signal to watch: an early warning adopted from a polarity map, and how it will be
 * noticed. */
typedef struct {
  char *uuid;
  char *warning;
  char *how;       /* "" until someone says */
  char *area;
} GsSignal;

const char *gs_action_status_to_string   (GsActionStatus  status);
gboolean    gs_action_status_from_string (const char     *text,
                                          GsActionStatus *status);
const char *gs_action_status_label       (GsActionStatus  status);

GsAction   *gs_action_new                (const char     *uuid,
                                          const char     *what,
                                          const char     *area);
GsAction   *gs_action_copy               (const GsAction *action);
void        gs_action_free               (GsAction       *action);
GsSignal   *gs_signal_new                (const char     *uuid,
                                          const char     *warning,
                                          const char     *area);
GsSignal   *gs_signal_copy               (const GsSignal *signal);
void        gs_signal_free               (GsSignal       *signal);

char       *gs_plan_area_for_domain      (const char     *domain_id);
char       *gs_plan_area_for_quadrant    (int             row,
                                          int             pole,
                                          int             side);
gboolean    gs_plan_area_is_valid        (const char     *area);

typedef struct _GsInstrument GsInstrument;
char       *gs_plan_describe_area        (GsInstrument   *instrument,
                                          const char     *area);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsAction, gs_action_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsSignal, gs_signal_free)

G_END_DECLS
