/* gs-analysis.c — one assessment's results, as every page, chart and report shows them
 *
 * One ref-counted object holds what the results page, the exports and the report draw
 * from: the instrument, the assessment, its scores, the organisation's earlier assessment
 * to compare with (the baseline) and the prepared data of each chart. Pages keep a
 * reference and redraw on `changed`; nothing lends a raw struct.
 *
 * Each assessment is scored with the instrument version it was answered with. A baseline
 * answered with another version is compared on the items the two versions share: the
 * baseline scored with this assessment's instrument (its items that are gone count for
 * nothing, the new ones are unanswered) against this assessment scored with the baseline's.
 *
 * Loading reads the store on the calling thread (the store's connection belongs to it) and
 * scores both assessments and prepares the tabs' charts in a worker, so opening an
 * assessment of 30 respondents never stalls the window. Chart data is prepared when the
 * results change, never while drawing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gs-report"

#include "config.h"

#include <glib/gi18n.h>

#include "gs-analysis.h"
#include "store/gs-assessment-summary.h"

struct _GsAnalysis
{
  GObject       parent_instance;

  gint64        assessment_id;
  gint64        organisation_id;
  guint         min_group_size;
  GsInstrument *instrument;
  GsAssessment *assessment;
  GsResults    *results;
  GsAssessment *baseline;          /* the organisation's earlier assessment, if any */
  GsResults    *baseline_results;  /* scored with this assessment's instrument */
  GsResults    *shared_results;    /* this assessment scored with the baseline's older instrument:
                                    * on the items both versions share; NULL if the same */
  GPtrArray    *assessment_dates;  /* of char*: every assessment date of the organisation */
  GHashTable   *prepared;          /* chart name → its prepared data (PreparedChart) */
};

G_DEFINE_FINAL_TYPE (GsAnalysis, gs_analysis, G_TYPE_OBJECT)

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct {
  const GsChartInfo *info;
  gpointer           data;
} PreparedChart;

static void
prepared_chart_free (gpointer pointer)
{
  PreparedChart *prepared = pointer;

  prepared->info->free_data (prepared->data);
  g_free (prepared);
}

/* Every assessment date of the organisation, for the timeline. */
static GPtrArray *
organisation_dates (GsStore *store,
                    gint64   organisation_id)
{
  GListModel *assessments = gs_store_get_assessments (store);
  GPtrArray *dates = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < g_list_model_get_n_items (assessments); i++)
    {
      g_autoptr(GsAssessmentSummary) row = g_list_model_get_item (assessments, i);

      if (gs_assessment_summary_get_organisation_id (row) == organisation_id)
        g_ptr_array_add (dates, g_strdup (gs_assessment_summary_get_date (row)));
    }
  return dates;
}

/* Scores the baseline, and this assessment on the questions both share when the baseline
 * was answered with an older version (see the top of this file). */
static void
score_baseline (GsAnalysis *self)
{
  g_autoptr(GsInstrument) older = NULL;

  g_clear_pointer (&self->baseline_results, gs_results_free);
  g_clear_pointer (&self->shared_results, gs_results_free);
  if (self->baseline == NULL)
    return;
  self->baseline_results = gs_results_compute (self->instrument, self->baseline, self->min_group_size);
  older = gs_instrument_for_assessment (self->instrument, self->baseline, NULL);
  if (older != NULL && older != self->instrument)
    self->shared_results = gs_results_compute (older, self->assessment, self->min_group_size);
}

static void
score (GsAnalysis *self)
{
  g_clear_pointer (&self->results, gs_results_free);
  self->results = gs_results_compute (self->instrument, self->assessment, self->min_group_size);
  score_baseline (self);
}

/* Reads what the analysis needs from the store; scores nothing yet. */
static GsAnalysis *
read_from_store (GsStore       *store,
                 GsInstrument  *instrument,
                 gint64         assessment_id,
                 guint          min_group_size,
                 GError       **error)
{
  g_autoptr(GsAnalysis) self = g_object_new (GS_TYPE_ANALYSIS, NULL);
  g_autoptr(GsAssessmentSummary) shown = gs_store_lookup_summary (store, assessment_id);
  gint64 baseline_id;

  self->assessment_id = assessment_id;
  self->organisation_id = shown != NULL ? gs_assessment_summary_get_organisation_id (shown) : 0;
  self->min_group_size = min_group_size;
  if ((self->assessment = gs_store_load_assessment (store, assessment_id, error)) == NULL ||
      (self->instrument = gs_instrument_for_assessment (instrument, self->assessment, error)) == NULL)
    return NULL;
  self->assessment_dates = organisation_dates (store, self->organisation_id);
  {
    g_autoptr(GPtrArray) earlier = gs_analysis_list_earlier (self, store);
    baseline_id = earlier->len > 0 ? gs_assessment_summary_get_id (g_ptr_array_index (earlier, 0)) : 0;
  }
  if (baseline_id != 0)
    self->baseline = gs_store_load_assessment (store, baseline_id, NULL);
  return g_steal_pointer (&self);
}

static void
prepare (GsAnalysis *self,
         const char *name)
{
  const GsChartInfo *info;
  PreparedChart *prepared;
  int row;

  info = gs_chart_registry_find (name, gs_instrument_get_polarity (self->instrument)->rows->len, &row, NULL);
  g_return_if_fail (info != NULL);
  prepared = g_new0 (PreparedChart, 1);
  prepared->info = info;
  prepared->data = info->prepare (self, row);
  g_hash_table_replace (self->prepared, g_strdup (name), prepared);
}

/* Scores both assessments and prepares every tab's chart: the slow part, which may run in
 * a worker as long as no one else holds the object yet. */
static void
compute (GsAnalysis *self)
{
  guint n_charts;
  const GsChartInfo *charts = gs_chart_registry_get (&n_charts);

  score (self);
  for (guint i = 0; i < n_charts; i++)
    prepare (self, charts[i].name);
}

/* Drops the prepared data of the charts whose name starts with @prefix, and says so. */
static void
invalidate (GsAnalysis *self,
            const char *prefix)
{
  GHashTableIter iter;
  const char *name;

  g_hash_table_iter_init (&iter, self->prepared);
  while (g_hash_table_iter_next (&iter, (gpointer *) &name, NULL))
    if (g_str_has_prefix (name, prefix))
      g_hash_table_iter_remove (&iter);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

/* Returns: (transfer none) (nullable): the chart's data, prepared now if it was not */
static PreparedChart *
lookup_prepared (GsAnalysis  *self,
                 const char  *name,
                 GError     **error)
{
  PreparedChart *prepared = g_hash_table_lookup (self->prepared, name);
  int row;

  if (prepared != NULL)
    return prepared;
  if (gs_chart_registry_find (name, gs_instrument_get_polarity (self->instrument)->rows->len, &row, error) == NULL)
    return NULL;
  prepare (self, name);
  return g_hash_table_lookup (self->prepared, name);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  compute (task_data);
  if (!g_task_return_error_if_cancelled (task))
    g_task_return_pointer (task, g_object_ref (task_data), g_object_unref);
}

static void
gs_analysis_finalize (GObject *object)
{
  GsAnalysis *self = GS_ANALYSIS (object);

  g_clear_object (&self->instrument);
  g_clear_object (&self->assessment);
  g_clear_pointer (&self->results, gs_results_free);
  g_clear_object (&self->baseline);
  g_clear_pointer (&self->baseline_results, gs_results_free);
  g_clear_pointer (&self->shared_results, gs_results_free);
  g_clear_pointer (&self->assessment_dates, g_ptr_array_unref);
  g_clear_pointer (&self->prepared, g_hash_table_unref);

  G_OBJECT_CLASS (gs_analysis_parent_class)->finalize (object);
}

static void
gs_analysis_class_init (GsAnalysisClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gs_analysis_finalize;

  /**
   * GsAnalysis::changed:
   *
   * The baseline or a text of the polarity maps changed: redraw, describe again.
   */
  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
gs_analysis_init (GsAnalysis *self)
{
  self->prepared = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, prepared_chart_free);
}

/**
 * gs_analysis_new:
 * @baseline: (nullable): an earlier assessment of the same organisation to compare with
 *
 * An analysis of assessments held in memory (an import being checked, tests), scored at
 * once in the calling thread. It has no timeline dates other than the assessment's.
 *
 * Returns: (transfer full): the analysis
 */
GsAnalysis *
gs_analysis_new (GsInstrument *instrument,
                 GsAssessment *assessment,
                 GsAssessment *baseline,
                 guint         min_group_size)
{
  GsAnalysis *self;

  g_return_val_if_fail (GS_IS_INSTRUMENT (instrument), NULL);
  g_return_val_if_fail (GS_IS_ASSESSMENT (assessment), NULL);

  self = g_object_new (GS_TYPE_ANALYSIS, NULL);
  self->min_group_size = min_group_size;
  self->instrument = g_object_ref (instrument);
  self->assessment = g_object_ref (assessment);
  self->baseline = baseline != NULL ? g_object_ref (baseline) : NULL;
  self->assessment_dates = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->assessment_dates, g_strdup (gs_assessment_get_date (assessment)));
  compute (self);
  return self;
}

/**
 * gs_analysis_load:
 *
 * Loads an assessment and the organisation's earlier one, scores both and prepares the
 * charts, in the calling thread (the command line, tests).
 *
 * Returns: (transfer full) (nullable): the analysis, or %NULL with @error set
 */
GsAnalysis *
gs_analysis_load (GsStore       *store,
                  GsInstrument  *instrument,
                  gint64         assessment_id,
                  guint          min_group_size,
                  GError       **error)
{
  GsAnalysis *self;

  g_return_val_if_fail (GS_IS_STORE (store), NULL);
  g_return_val_if_fail (GS_IS_INSTRUMENT (instrument), NULL);

  self = read_from_store (store, instrument, assessment_id, min_group_size, error);
  if (self != NULL)
    compute (self);
  return self;
}

/**
 * gs_analysis_load_async:
 *
 * Like gs_analysis_load(), but the scoring and the charts' data are done in a worker.
 */
void
gs_analysis_load_async (GsStore             *store,
                        GsInstrument        *instrument,
                        gint64               assessment_id,
                        guint                min_group_size,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  GError *error = NULL;
  GsAnalysis *self;

  g_task_set_source_tag (task, gs_analysis_load_async);
  self = read_from_store (store, instrument, assessment_id, min_group_size, &error);
  if (self == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_set_task_data (task, self, g_object_unref);
  g_task_run_in_thread (task, load_thread);
}

/* Returns: (transfer full) (nullable): the analysis, or %NULL with @error set */
GsAnalysis *
gs_analysis_load_finish (GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * gs_analysis_copy:
 *
 * A copy for a worker thread (an export): it shares the instrument and the assessments and
 * scores them again, so the window may change or drop its analysis meanwhile.
 *
 * Returns: (transfer full): the copy
 */
GsAnalysis *
gs_analysis_copy (GsAnalysis *self)
{
  GsAnalysis *copy;

  g_return_val_if_fail (GS_IS_ANALYSIS (self), NULL);

  copy = g_object_new (GS_TYPE_ANALYSIS, NULL);
  copy->assessment_id = self->assessment_id;
  copy->organisation_id = self->organisation_id;
  copy->min_group_size = self->min_group_size;
  copy->instrument = g_object_ref (self->instrument);
  copy->assessment = g_object_ref (self->assessment);
  copy->baseline = self->baseline != NULL ? g_object_ref (self->baseline) : NULL;
  copy->assessment_dates = g_ptr_array_copy (self->assessment_dates, (GCopyFunc) g_strdup, NULL);
  score (copy);
  return copy;
}

gint64
gs_analysis_get_assessment_id (GsAnalysis *self)
{
  g_return_val_if_fail (GS_IS_ANALYSIS (self), 0);
  return self->assessment_id;
}

gint64
gs_analysis_get_organisation_id (GsAnalysis *self)
{
  g_return_val_if_fail (GS_IS_ANALYSIS (self), 0);
  return self->organisation_id;
}

GsInstrument *
gs_analysis_get_instrument (GsAnalysis *self)
{
  g_return_val_if_fail (GS_IS_ANALYSIS (self), NULL);
  return self->instrument;
}

GsAssessment *
gs_analysis_get_assessment (GsAnalysis *self)
{
  g_return_val_if_fail (GS_IS_ANALYSIS (self), NULL);
  return self->assessment;
}

const GsResults *
gs_analysis_get_results (GsAnalysis *self)
{
  g_return_val_if_fail (GS_IS_ANALYSIS (self), NULL);
  return self->results;
}

/* Returns: (transfer none) (nullable): the assessment compared with, if any */
GsAssessment *
gs_analysis_get_baseline (GsAnalysis *self)
{
  g_return_val_if_fail (GS_IS_ANALYSIS (self), NULL);
  return self->baseline;
}

const GsResults *
gs_analysis_get_baseline_results (GsAnalysis *self)
{
  g_return_val_if_fail (GS_IS_ANALYSIS (self), NULL);
  return self->baseline_results;
}

/* The results to set against the baseline's: this assessment's, or, when the baseline was
 * answered with an older version of the questionnaire, those on the items both share. */
const GsResults *
gs_analysis_get_compared_results (GsAnalysis *self)
{
  g_return_val_if_fail (GS_IS_ANALYSIS (self), NULL);
  return self->shared_results != NULL ? self->shared_results : self->results;
}

/**
 * gs_analysis_describe_versions:
 *
 * Returns: (transfer full) (nullable): when the baseline was answered with another version of
 *   the questionnaire, a sentence saying so and what is compared; otherwise %NULL
 */
char *
gs_analysis_describe_versions (GsAnalysis *self)
{
  GPtrArray *items;
  guint n_shared = 0;

  g_return_val_if_fail (GS_IS_ANALYSIS (self), NULL);
  if (self->baseline == NULL ||
      gs_assessment_get_instrument_version (self->baseline) == gs_instrument_get_version (self->instrument))
    return NULL;
  if (self->shared_results == NULL)
    return g_strdup_printf (_("The earlier assessment was answered with version %d of the questionnaire, which this "
                              "version of Groundswell does not have: it is compared on the questions of version %d "
                              "that it answered."), gs_assessment_get_instrument_version (self->baseline),
                            gs_instrument_get_version (self->instrument));
  items = gs_instrument_get_items (self->instrument);
  for (guint i = 0; i < items->len; i++)
    n_shared += gs_instrument_lookup_item (self->shared_results->instrument,
                                           ((const GsItem *) g_ptr_array_index (items, i))->id) != NULL;
  return g_strdup_printf (_("The two assessments were answered with versions %d and %d of the questionnaire: they "
                            "are compared on the %u questions both versions ask."),
                          gs_assessment_get_instrument_version (self->baseline),
                          gs_instrument_get_version (self->instrument), n_shared);
}

/* Returns: (transfer none) (element-type utf8): every assessment date of the organisation */
GPtrArray *
gs_analysis_get_assessment_dates (GsAnalysis *self)
{
  g_return_val_if_fail (GS_IS_ANALYSIS (self), NULL);
  return self->assessment_dates;
}

/**
 * gs_analysis_list_earlier:
 *
 * The assessments this one can be compared with: the rule, in one place. Those of the same
 * organisation (by id: two may share a name) dated before this one, newest first; the
 * first is the baseline an analysis starts with.
 *
 * Returns: (transfer container) (element-type GsAssessmentSummary): the store's summaries
 */
GPtrArray *
gs_analysis_list_earlier (GsAnalysis *self,
                          GsStore    *store)
{
  GListModel *assessments = gs_store_get_assessments (store);
  GPtrArray *earlier = g_ptr_array_new_with_free_func (g_object_unref);
  const char *date = gs_assessment_get_date (self->assessment);

  /* The store lists assessments newest first. */
  for (guint i = 0; i < g_list_model_get_n_items (assessments); i++)
    {
      g_autoptr(GsAssessmentSummary) row = g_list_model_get_item (assessments, i);

      if (gs_assessment_summary_get_organisation_id (row) == self->organisation_id &&
          gs_assessment_summary_get_id (row) != self->assessment_id &&
          strcmp (gs_assessment_summary_get_date (row), date) < 0)
        g_ptr_array_add (earlier, g_steal_pointer (&row));
    }
  return earlier;
}

/**
 * gs_analysis_set_baseline:
 * @baseline_id: an earlier assessment of the same organisation, or 0 for none
 *
 * Compares the assessment with another than the one before it. "Baseline" always means
 * earlier, so that arrows point forward in time: to compare with a later assessment, open
 * that one.
 */
gboolean
gs_analysis_set_baseline (GsAnalysis  *self,
                          GsStore     *store,
                          gint64       baseline_id,
                          GError     **error)
{
  g_autoptr(GsAssessment) baseline = NULL;

  g_return_val_if_fail (GS_IS_ANALYSIS (self), FALSE);

  if (baseline_id != 0)
    {
      if ((baseline = gs_store_load_assessment (store, baseline_id, error)) == NULL)
        return FALSE;
      if (g_strcmp0 (gs_assessment_get_organisation_uuid (baseline), gs_assessment_get_organisation_uuid (self->assessment)) != 0 ||
          strcmp (gs_assessment_get_date (baseline), gs_assessment_get_date (self->assessment)) > 0)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       _("“%s” can only be compared with an earlier assessment of the same organisation."),
                       gs_assessment_get_title (self->assessment));
          return FALSE;
        }
    }
  g_clear_object (&self->baseline);
  self->baseline = g_steal_pointer (&baseline);
  score_baseline (self);  /* this assessment's own results stay as they are */
  invalidate (self, "comparison");
  return TRUE;
}

/* A text of the polarity maps was edited (and saved): the maps show it from now on. */
void
gs_analysis_set_polarity_text (GsAnalysis *self,
                               const char *key,
                               const char *text)
{
  g_return_if_fail (GS_IS_ANALYSIS (self));

  gs_assessment_set_polarity_text (self->assessment, key, text);
  invalidate (self, "polarity");
}

/**
 * gs_analysis_draw:
 * @chart: a name the chart registry knows
 * @labels: (nullable): receives every label drawn
 *
 * Paints the chart's prepared data into (0, 0, @width, @height).
 */
gboolean
gs_analysis_draw (GsAnalysis       *self,
                  const char       *chart,
                  cairo_t          *cr,
                  double            width,
                  double            height,
                  const GsPalette  *palette,
                  GArray           *labels,
                  GError          **error)
{
  PreparedChart *prepared;

  g_return_val_if_fail (GS_IS_ANALYSIS (self), FALSE);

  if ((prepared = lookup_prepared (self, chart, error)) == NULL)
    return FALSE;
  prepared->info->draw (cr, prepared->data, width, height, palette, labels);
  return TRUE;
}

/* Returns: (transfer full) (nullable): what the chart shows, values included */
char *
gs_analysis_describe (GsAnalysis *self,
                      const char *chart)
{
  PreparedChart *prepared;

  g_return_val_if_fail (GS_IS_ANALYSIS (self), NULL);

  prepared = lookup_prepared (self, chart, NULL);
  return prepared != NULL ? prepared->info->describe (prepared->data) : NULL;
}

/* Returns: (transfer full) (nullable): one short sentence of what the chart shows, for a slide */
char *
gs_analysis_summarise (GsAnalysis *self,
                       const char *chart)
{
  PreparedChart *prepared;

  g_return_val_if_fail (GS_IS_ANALYSIS (self), NULL);

  prepared = lookup_prepared (self, chart, NULL);
  return prepared != NULL ? prepared->info->summarise (prepared->data) : NULL;
}
