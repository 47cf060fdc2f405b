/* gs-assessment.c — one assessment of one organisation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gs-assessment"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>

#include "gs-assessment.h"
#include "gs-exchange.h"  /* GS_EXCHANGE_ERROR_CONFLICT */

struct _GsAssessment
{
  GObject     parent_instance;

  char       *uuid;
  char       *organisation_uuid;
  char       *organisation_name;
  char       *title;
  char       *date;
  char       *instrument_id;
  int         instrument_version;
  GPtrArray  *respondents;     /* of GsRespondent*, in the order they were added */
  GHashTable *polarity_texts;  /* key → text: the user's edits of the map texts */
  GPtrArray  *events;          /* of GsTimelineEvent* */
  GPtrArray  *actions;         /* of GsAction*: the plan */
  GPtrArray  *signals;         /* of GsSignal*: early warnings watched for */
};

G_DEFINE_FINAL_TYPE (GsAssessment, gs_assessment, G_TYPE_OBJECT)

static const char *event_kind_names[GS_N_EVENT_KINDS] = {
  "trigger", "milestone", "setback", "coalition", "measurement",
};

static const char *answer_status_names[] = {
  "", "value", "dont-know", "not-applicable",
};

static void
answer_free (GsAnswer *answer)
{
  g_free (answer->note);
  g_free (answer);
}

static void
respondent_free (GsRespondent *respondent)
{
  g_free (respondent->uuid);
  g_free (respondent->name);
  g_free (respondent->group);
  g_free (respondent->saved);
  g_hash_table_unref (respondent->answers);
  g_free (respondent);
}

static void
event_free (GsTimelineEvent *event)
{
  g_free (event->uuid);
  g_free (event->date);
  g_free (event->title);
  g_free (event->note);
  g_free (event);
}

static int
compare_answers_by_item (gconstpointer a,
                         gconstpointer b)
{
  const GsAnswer *x = *(const GsAnswer * const *) a;
  const GsAnswer *y = *(const GsAnswer * const *) b;

  return strcmp (x->item_id, y->item_id);
}

static void
gs_assessment_finalize (GObject *object)
{
  GsAssessment *self = (GsAssessment *) object;

  g_free (self->uuid);
  g_free (self->organisation_uuid);
  g_free (self->organisation_name);
  g_free (self->title);
  g_free (self->date);
  g_free (self->instrument_id);
  g_ptr_array_unref (self->respondents);
  g_hash_table_unref (self->polarity_texts);
  g_ptr_array_unref (self->events);
  g_ptr_array_unref (self->actions);
  g_ptr_array_unref (self->signals);

  G_OBJECT_CLASS (gs_assessment_parent_class)->finalize (object);
}

static void
gs_assessment_class_init (GsAssessmentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gs_assessment_finalize;
}

static void
gs_assessment_init (GsAssessment *self)
{
  self->respondents = g_ptr_array_new_with_free_func ((GDestroyNotify) respondent_free);
  self->polarity_texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->events = g_ptr_array_new_with_free_func ((GDestroyNotify) event_free);
  self->actions = g_ptr_array_new_with_free_func ((GDestroyNotify) gs_action_free);
  self->signals = g_ptr_array_new_with_free_func ((GDestroyNotify) gs_signal_free);
}

const char *
gs_event_kind_to_string (GsEventKind kind)
{
  g_return_val_if_fail (kind < GS_N_EVENT_KINDS, NULL);
  return event_kind_names[kind];
}

gboolean
gs_event_kind_from_string (const char  *text,
                           GsEventKind *kind)
{
  for (guint i = 0; i < GS_N_EVENT_KINDS; i++)
    if (g_strcmp0 (text, event_kind_names[i]) == 0)
      {
        *kind = i;
        return TRUE;
      }
  return FALSE;
}

const char *
gs_answer_status_to_string (GsAnswerStatus status)
{
  g_return_val_if_fail (status <= GS_ANSWER_NOT_APPLICABLE, NULL);
  return answer_status_names[status];
}

gboolean
gs_answer_status_from_string (const char     *text,
                              GsAnswerStatus *status)
{
  for (guint i = GS_ANSWER_VALUE; i < G_N_ELEMENTS (answer_status_names); i++)
    if (g_strcmp0 (text, answer_status_names[i]) == 0)
      {
        *status = i;
        return TRUE;
      }
  return FALSE;
}

/* A calendar date written YYYY-MM-DD, as the store and the exchange formats keep it. */
gboolean
gs_date_is_valid (const char *date)
{
  unsigned year = 0, month, day;

  if (date == NULL || strlen (date) != 10 || date[4] != '-' || date[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (date[i]))
      return FALSE;
  for (guint i = 0; i < 4; i++)
    year = year * 10 + (unsigned) g_ascii_digit_value (date[i]);
  month = (unsigned) (g_ascii_digit_value (date[5]) * 10 + g_ascii_digit_value (date[6]));
  day = (unsigned) (g_ascii_digit_value (date[8]) * 10 + g_ascii_digit_value (date[9]));
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 &&
         g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

/* "7 September 2026" for "2026-09-07"; other text is returned as it is. */
char *
gs_format_date (const char *date)
{
  int year = 0, month = 0, day = 0;
  g_autoptr(GDateTime) when = NULL;

  if (!gs_date_is_valid (date) || sscanf (date, "%d-%d-%d", &year, &month, &day) != 3 ||
      (when = g_date_time_new_local (year, month, day, 12, 0, 0)) == NULL)
    return g_strdup (date);
  /* Translators: a date, see the strftime(3) manual: day, month name, year */
  return g_date_time_format (when, _("%-d %B %Y"));
}

/**
 * gs_assessment_new:
 * @uuid: (nullable): the assessment's id; a new random UUID when %NULL
 * @organisation_uuid: (nullable): the organisation's id; a new one when %NULL
 *
 * Returns: (transfer full): an assessment with no respondents
 */
GsAssessment *
gs_assessment_new (const char *uuid,
                   const char *organisation_uuid,
                   const char *organisation_name,
                   const char *title,
                   const char *date,
                   const char *instrument_id,
                   int         instrument_version)
{
  GsAssessment *self;

  g_return_val_if_fail (organisation_name != NULL, NULL);
  g_return_val_if_fail (title != NULL, NULL);
  g_return_val_if_fail (gs_date_is_valid (date), NULL);
  g_return_val_if_fail (instrument_id != NULL, NULL);

  self = g_object_new (GS_TYPE_ASSESSMENT, NULL);
  self->uuid = uuid != NULL ? g_strdup (uuid) : g_uuid_string_random ();
  self->organisation_uuid = organisation_uuid != NULL ? g_strdup (organisation_uuid) : g_uuid_string_random ();
  self->organisation_name = g_strdup (organisation_name);
  self->title = g_strdup (title);
  self->date = g_strdup (date);
  self->instrument_id = g_strdup (instrument_id);
  self->instrument_version = instrument_version;
  return self;
}

const char *
gs_assessment_get_uuid (GsAssessment *self)
{
  g_return_val_if_fail (GS_IS_ASSESSMENT (self), NULL);
  return self->uuid;
}

const char *
gs_assessment_get_organisation_uuid (GsAssessment *self)
{
  g_return_val_if_fail (GS_IS_ASSESSMENT (self), NULL);
  return self->organisation_uuid;
}

const char *
gs_assessment_get_organisation_name (GsAssessment *self)
{
  g_return_val_if_fail (GS_IS_ASSESSMENT (self), NULL);
  return self->organisation_name;
}

const char *
gs_assessment_get_title (GsAssessment *self)
{
  g_return_val_if_fail (GS_IS_ASSESSMENT (self), NULL);
  return self->title;
}

const char *
gs_assessment_get_date (GsAssessment *self)
{
  g_return_val_if_fail (GS_IS_ASSESSMENT (self), NULL);
  return self->date;
}

const char *
gs_assessment_get_instrument_id (GsAssessment *self)
{
  g_return_val_if_fail (GS_IS_ASSESSMENT (self), NULL);
  return self->instrument_id;
}

int
gs_assessment_get_instrument_version (GsAssessment *self)
{
  g_return_val_if_fail (GS_IS_ASSESSMENT (self), 0);
  return self->instrument_version;
}

/**
 * gs_assessment_get_respondents:
 * Returns: (transfer none) (element-type GsRespondent): in the order they were added
 */
GPtrArray *
gs_assessment_get_respondents (GsAssessment *self)
{
  g_return_val_if_fail (GS_IS_ASSESSMENT (self), NULL);
  return self->respondents;
}

/**
 * gs_assessment_add_respondent:
 * @uuid: (nullable): the respondent's id; a new random UUID when %NULL
 * @group: (nullable): the respondent's group, e.g. "Board"
 *
 * Returns: (transfer none): the new respondent, owned by the assessment
 */
GsRespondent *
gs_assessment_add_respondent (GsAssessment *self,
                              const char   *uuid,
                              const char   *name,
                              const char   *group)
{
  GsRespondent *respondent;

  g_return_val_if_fail (GS_IS_ASSESSMENT (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (uuid == NULL || gs_assessment_lookup_respondent (self, uuid) == NULL, NULL);

  respondent = g_new0 (GsRespondent, 1);
  respondent->uuid = uuid != NULL ? g_strdup (uuid) : g_uuid_string_random ();
  respondent->name = g_strdup (name);
  respondent->group = g_strdup (group != NULL ? group : "");
  respondent->answers = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) answer_free);
  g_ptr_array_add (self->respondents, respondent);
  return respondent;
}

GsRespondent *
gs_assessment_lookup_respondent (GsAssessment *self,
                                 const char   *uuid)
{
  g_return_val_if_fail (GS_IS_ASSESSMENT (self), NULL);

  for (guint i = 0; i < self->respondents->len; i++)
    {
      GsRespondent *respondent = g_ptr_array_index (self->respondents, i);
      if (g_strcmp0 (respondent->uuid, uuid) == 0)
        return respondent;
    }
  return NULL;
}

/**
 * gs_respondent_set_answer:
 * @status: %GS_ANSWER_NONE removes the answer
 * @value: 1 … 5 for %GS_ANSWER_VALUE, ignored otherwise
 * @note: (nullable): the evidence note
 */
void
gs_respondent_set_answer (GsRespondent   *respondent,
                          const char     *item_id,
                          GsAnswerStatus  status,
                          int             value,
                          const char     *note)
{
  GsAnswer *answer;

  g_return_if_fail (respondent != NULL);
  g_return_if_fail (item_id != NULL);
  g_return_if_fail (status != GS_ANSWER_VALUE || (value >= 1 && value <= 5));

  if (status == GS_ANSWER_NONE)
    {
      g_hash_table_remove (respondent->answers, item_id);
      return;
    }

  answer = g_new0 (GsAnswer, 1);
  answer->item_id = g_intern_string (item_id);
  answer->status = status;
  answer->value = status == GS_ANSWER_VALUE ? value : 0;
  answer->note = g_strdup (note != NULL ? note : "");
  g_hash_table_replace (respondent->answers, (gpointer) answer->item_id, answer);
}

const GsAnswer *
gs_respondent_get_answer (GsRespondent *respondent,
                          const char   *item_id)
{
  g_return_val_if_fail (respondent != NULL, NULL);
  return g_hash_table_lookup (respondent->answers, item_id);
}

/**
 * gs_respondent_get_sorted_answers:
 * Returns: (transfer container) (element-type GsAnswer): the answers, by item id, so
 *   that what is written from them is the same every time
 */
GPtrArray *
gs_respondent_get_sorted_answers (GsRespondent *respondent)
{
  GPtrArray *answers = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, respondent->answers);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (answers, value);
  g_ptr_array_sort (answers, compare_answers_by_item);
  return answers;
}

GHashTable *
gs_assessment_get_polarity_texts (GsAssessment *self)
{
  g_return_val_if_fail (GS_IS_ASSESSMENT (self), NULL);
  return self->polarity_texts;
}

/* @text NULL restores the default (the paper's wording) by forgetting the edit. */
void
gs_assessment_set_polarity_text (GsAssessment *self,
                                 const char   *key,
                                 const char   *text)
{
  g_return_if_fail (GS_IS_ASSESSMENT (self));
  g_return_if_fail (key != NULL);

  if (text == NULL)
    g_hash_table_remove (self->polarity_texts, key);
  else
    g_hash_table_replace (self->polarity_texts, g_strdup (key), g_strdup (text));
}

GPtrArray *
gs_assessment_get_events (GsAssessment *self)
{
  g_return_val_if_fail (GS_IS_ASSESSMENT (self), NULL);
  return self->events;
}

/**
 * gs_assessment_add_event:
 * @uuid: (nullable): a new random UUID when %NULL
 *
 * Returns: (transfer none): the event, with no stage, note or measurements yet
 */
GsTimelineEvent *
gs_assessment_add_event (GsAssessment *self,
                         const char   *uuid,
                         const char   *date,
                         GsEventKind   kind,
                         const char   *title)
{
  GsTimelineEvent *event;

  g_return_val_if_fail (GS_IS_ASSESSMENT (self), NULL);
  g_return_val_if_fail (gs_date_is_valid (date), NULL);
  g_return_val_if_fail (kind < GS_N_EVENT_KINDS, NULL);
  g_return_val_if_fail (title != NULL, NULL);

  event = g_new0 (GsTimelineEvent, 1);
  event->uuid = uuid != NULL ? g_strdup (uuid) : g_uuid_string_random ();
  event->date = g_strdup (date);
  event->kind = kind;
  event->title = g_strdup (title);
  event->note = g_strdup ("");
  event->participation = NAN;
  event->change_agents = -1;
  g_ptr_array_add (self->events, event);
  return event;
}

/* Returns: (transfer none) (element-type GsAction): the plan's actions, in order; the
 * caller may add, remove and edit them */
GPtrArray *
gs_assessment_get_actions (GsAssessment *self)
{
  g_return_val_if_fail (GS_IS_ASSESSMENT (self), NULL);
  return self->actions;
}

/* Returns: (transfer none) (element-type GsSignal): the signals to watch, in order */
GPtrArray *
gs_assessment_get_signals (GsAssessment *self)
{
  g_return_val_if_fail (GS_IS_ASSESSMENT (self), NULL);
  return self->signals;
}

/* --- Text ------------------------------------------------------------------------------ */

/**
 * gs_text_find_control:
 *
 * A name, title or group in a control character (an escape, a bell, a tab, a newline) would
 * break a one-line listing, or send a terminal escape when printed: such texts are refused.
 *
 * Returns: (nullable): where the first control character of the UTF-8 @text is, or %NULL
 */
const char *
gs_text_find_control (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_iscntrl (g_utf8_get_char (p)))
      return p;
  return NULL;
}

/* --- Merging and copying ------------------------------------------------------------ */

static gboolean
answers_equal (const GsAnswer *a,
               const GsAnswer *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return a->status == b->status && a->value == b->value && g_str_equal (a->note, b->note);
}

/* The item ids both copies of a respondent answer, differently, e.g. "c1, t2" ("" if none);
 * with @n_new, how many items only @theirs answers. */
static char *
differing_items (GsRespondent *mine,
                 GsRespondent *theirs,
                 guint        *n_new)
{
  g_autoptr(GString) ids = g_string_new (NULL);
  g_autoptr(GPtrArray) incoming = gs_respondent_get_sorted_answers (theirs);

  *n_new = 0;
  for (guint i = 0; i < incoming->len; i++)
    {
      const GsAnswer *answer = g_ptr_array_index (incoming, i);
      const GsAnswer *stored = gs_respondent_get_answer (mine, answer->item_id);

      if (stored == NULL)
        (*n_new)++;
      else if (!answers_equal (stored, answer))
        g_string_append_printf (ids, "%s%s", ids->len > 0 ? ", " : "", answer->item_id);
    }
  return g_string_free (g_steal_pointer (&ids), FALSE);
}

static void
copy_answers (GsRespondent *target,
              GsRespondent *source)
{
  g_autoptr(GPtrArray) answers = gs_respondent_get_sorted_answers (source);

  for (guint i = 0; i < answers->len; i++)
    {
      const GsAnswer *answer = g_ptr_array_index (answers, i);
      gs_respondent_set_answer (target, answer->item_id, answer->status, answer->value, answer->note);
    }
  if (source->saved != NULL)
    {
      g_free (target->saved);
      target->saved = g_strdup (source->saved);
    }
}

static void
copy_respondent (GsAssessment *target,
                 GsRespondent *source,
                 const char   *uuid)
{
  copy_answers (gs_assessment_add_respondent (target, uuid, source->name, source->group), source);
}

/* Whether @theirs was saved after @mine (both times known: one format, so text order is
 * time order). */
static gboolean
saved_later (const GsRespondent *theirs,
             const GsRespondent *mine)
{
  return theirs->saved != NULL && mine->saved != NULL && strcmp (theirs->saved, mine->saved) > 0;
}

static gboolean
check_same_assessment (GsAssessment  *target,
                       GsAssessment  *incoming,
                       GError       **error)
{
  if (!g_str_equal (gs_assessment_get_uuid (target), gs_assessment_get_uuid (incoming)))
    {
      g_set_error (error, GS_EXCHANGE_ERROR, GS_EXCHANGE_ERROR_CONFLICT,
                   _("The answers are for the assessment “%s”, not “%s”."),
                   gs_assessment_get_title (incoming), gs_assessment_get_title (target));
      return FALSE;
    }
  /* The answers were checked against the version the file names: it must be the assessment's. */
  if (gs_assessment_get_instrument_version (incoming) != gs_assessment_get_instrument_version (target))
    {
      g_set_error (error, GS_EXCHANGE_ERROR, GS_EXCHANGE_ERROR_INSTRUMENT,
                   _("The answers were given to version %d of the questionnaire, but “%s” uses version %d."),
                   gs_assessment_get_instrument_version (incoming), gs_assessment_get_title (target),
                   gs_assessment_get_instrument_version (target));
      return FALSE;
    }
  return TRUE;
}

/**
 * gs_assessment_merge_responses:
 * @target: the consultant's copy of an assessment
 * @incoming: respondents' answers to the same assessment (matched by its id)
 * @policy: what to do with a respondent whose answers differ from those here
 * @merge: (out caller-allocates): who was added and who updated; gs_merge_clear() it
 *
 * Adds @incoming's respondents to @target. A respondent already there gains the answers
 * they did not have (a questionnaire sent out and returned, or saved again after answering
 * more). One whose answers differ is a conflict: nothing is merged and the error names each
 * conflicting respondent and item, so that nothing is resolved silently — unless the
 * incoming answers were saved later and @policy allows replacing older ones (the error
 * code GS_EXCHANGE_ERROR_NEWER says that asking would help).
 */
gboolean
gs_assessment_merge_responses (GsAssessment  *target,
                               GsAssessment  *incoming,
                               GsMergePolicy  policy,
                               GsMerge       *merge,
                               GError       **error)
{
  GPtrArray *respondents = gs_assessment_get_respondents (incoming);
  g_autoptr(GString) conflicts = g_string_new (NULL);
  gboolean only_newer = TRUE;

  *merge = (GsMerge) { NULL };
  if (!check_same_assessment (target, incoming, error))
    return FALSE;
  merge->added = g_ptr_array_new ();
  merge->updated = g_ptr_array_new ();

  for (guint r = 0; r < respondents->len; r++)
    {
      GsRespondent *theirs = g_ptr_array_index (respondents, r);
      GsRespondent *mine = gs_assessment_lookup_respondent (target, theirs->uuid);
      g_autofree char *items = NULL;
      guint n_new = 0;

      if (mine == NULL)
        {
          g_ptr_array_add (merge->added, theirs);
          continue;
        }
      items = differing_items (mine, theirs, &n_new);
      if (items[0] != '\0' && (policy != GS_MERGE_REPLACE_OLDER || !saved_later (theirs, mine)))
        {
          only_newer = only_newer && saved_later (theirs, mine);
          g_string_append_printf (conflicts, _("%s%s (items %s)"), conflicts->len > 0 ? "; " : "", theirs->name, items);
        }
      else if (items[0] != '\0' || n_new > 0)
        g_ptr_array_add (merge->updated, theirs);
      else
        merge->unchanged++;
    }

  if (conflicts->len > 0 && only_newer)
    g_set_error (error, GS_EXCHANGE_ERROR, GS_EXCHANGE_ERROR_NEWER,
                 _("Newer answers than those already here, saved later by the same respondent: %s. Nothing was "
                   "imported."), conflicts->str);
  else if (conflicts->len > 0)
    g_set_error (error, GS_EXCHANGE_ERROR, GS_EXCHANGE_ERROR_CONFLICT,
                 _("Already imported with different answers: %s. Nothing was imported."), conflicts->str);
  if (conflicts->len > 0)
    {
      gs_merge_clear (merge);
      return FALSE;
    }
  for (guint r = 0; r < merge->added->len; r++)
    {
      GsRespondent *theirs = g_ptr_array_index (merge->added, r);
      copy_respondent (target, theirs, theirs->uuid);
    }
  for (guint r = 0; r < merge->updated->len; r++)
    {
      GsRespondent *theirs = g_ptr_array_index (merge->updated, r);
      copy_answers (gs_assessment_lookup_respondent (target, theirs->uuid), theirs);
    }
  return TRUE;
}

void
gs_merge_clear (GsMerge *merge)
{
  g_clear_pointer (&merge->added, g_ptr_array_unref);
  g_clear_pointer (&merge->updated, g_ptr_array_unref);
}

/**
 * gs_assessment_copy_as_new:
 *
 * A copy with new ids for the assessment and its respondents, in the same organisation:
 * importing a file a second time "as a copy". The timeline's events belong to the
 * organisation, not to one assessment, so they keep their ids: importing the copy finds
 * them already there instead of adding the whole timeline again.
 *
 * Returns: (transfer full): the copy, titled "… (copy)"
 */
GsAssessment *
gs_assessment_copy_as_new (GsAssessment *assessment)
{
  g_autofree char *title = g_strdup_printf (_("%s (copy)"), gs_assessment_get_title (assessment));
  GsAssessment *copy = gs_assessment_new (NULL, gs_assessment_get_organisation_uuid (assessment),
                                          gs_assessment_get_organisation_name (assessment), title,
                                          gs_assessment_get_date (assessment),
                                          gs_assessment_get_instrument_id (assessment),
                                          gs_assessment_get_instrument_version (assessment));
  GPtrArray *respondents = gs_assessment_get_respondents (assessment);
  GPtrArray *events = gs_assessment_get_events (assessment);
  GHashTableIter iter;
  gpointer key, value;

  for (guint r = 0; r < respondents->len; r++)
    copy_respondent (copy, g_ptr_array_index (respondents, r), NULL);

  g_hash_table_iter_init (&iter, gs_assessment_get_polarity_texts (assessment));
  while (g_hash_table_iter_next (&iter, &key, &value))
    gs_assessment_set_polarity_text (copy, key, value);

  for (guint i = 0; i < assessment->actions->len; i++)
    g_ptr_array_add (copy->actions, gs_action_copy (g_ptr_array_index (assessment->actions, i)));
  for (guint i = 0; i < assessment->signals->len; i++)
    g_ptr_array_add (copy->signals, gs_signal_copy (g_ptr_array_index (assessment->signals, i)));

  for (guint i = 0; i < events->len; i++)
    {
      const GsTimelineEvent *event = g_ptr_array_index (events, i);
      GsTimelineEvent *event_copy = gs_assessment_add_event (copy, event->uuid, event->date, event->kind, event->title);

      g_free (event_copy->note);
      event_copy->note = g_strdup (event->note);
      event_copy->stage = event->stage;
      event_copy->participation = event->participation;
      event_copy->change_agents = event->change_agents;
    }
  return copy;
}

/**
 * gs_assessment_new_like:
 *
 * Returns: (transfer full): an assessment with @assessment's ids, organisation, title, date
 *   and instrument, and nothing else: where respondents' answers to it are gathered
 */
GsAssessment *
gs_assessment_new_like (GsAssessment *assessment)
{
  return gs_assessment_new (gs_assessment_get_uuid (assessment), gs_assessment_get_organisation_uuid (assessment),
                            gs_assessment_get_organisation_name (assessment), gs_assessment_get_title (assessment),
                            gs_assessment_get_date (assessment), gs_assessment_get_instrument_id (assessment),
                            gs_assessment_get_instrument_version (assessment));
}

/* Returns: (transfer none) (nullable): the first respondent called @name */
GsRespondent *
gs_assessment_find_respondent_by_name (GsAssessment *self,
                                       const char   *name)
{
  g_return_val_if_fail (GS_IS_ASSESSMENT (self), NULL);

  for (guint r = 0; r < self->respondents->len; r++)
    if (g_str_equal (((GsRespondent *) g_ptr_array_index (self->respondents, r))->name, name))
      return g_ptr_array_index (self->respondents, r);
  return NULL;
}
