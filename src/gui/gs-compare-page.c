/* gs-compare-page.c — the comparison chart, with the earlier assessment to compare with
 *
 * The comparison starts from the organisation's assessment just before the one shown; a
 * drop-down offers every earlier one instead ("baseline" always means earlier, so that
 * the arrows point forward in time; to compare with a later assessment, open that one).
 * The choice changes the window's chart source, so the exported report compares the same
 * two assessments as the screen.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gs-compare-page"

#include "config.h"

#include <glib/gi18n.h>

#include "gs-compare-page.h"
#include "gs-accessible.h"
#include "gs-dialogs.h"
#include "report/gs-plan-areas.h"
#include "store/gs-assessment-summary.h"

struct _GsComparePage
{
  GtkBox          parent_instance;

  GsStore        *store;
  GsAnalysis     *analysis;
  GArray         *candidates;    /* of gint64: the assessments in the drop-down, in order */
  gboolean        filling;       /* setting the drop-down from the source: not a choice */

  GtkDropDown    *baseline_dropdown;
  GtkLabel       *note;
  GtkLabel       *versions_note;  /* when the two were answered with different versions */
  GtkLabel       *review;         /* what the plan did about each area, beside its change */
  GsChartView    *chart;
};

G_DEFINE_FINAL_TYPE (GsComparePage, gs_compare_page, GTK_TYPE_BOX)

/* Earlier assessments of the same organisation, newest first as the store lists them. */
static GtkStringList *
find_candidates (GsComparePage *self)
{
  g_autoptr(GPtrArray) earlier = gs_analysis_list_earlier (self->analysis, self->store);
  GtkStringList *titles = gtk_string_list_new (NULL);

  g_array_set_size (self->candidates, 0);
  for (guint i = 0; i < earlier->len; i++)
    {
      GsAssessmentSummary *row = g_ptr_array_index (earlier, i);
      g_autofree char *when = NULL, *title = NULL;
      gint64 id = gs_assessment_summary_get_id (row);

      when = gs_format_date (gs_assessment_summary_get_date (row));
      title = g_strdup_printf ("%s · %s", gs_assessment_summary_get_title (row), when);
      gtk_string_list_append (titles, title);
      g_array_append_val (self->candidates, id);
    }
  return titles;
}

/* Shows the source's baseline as the drop-down's choice, without taking it for a new one. */
static void
select_baseline (GsComparePage *self)
{
  GsAssessment *shown = gs_analysis_get_baseline (self->analysis);
  const char *baseline = shown != NULL ? gs_assessment_get_uuid (shown) : NULL;
  gint64 baseline_id = baseline != NULL ? gs_store_find_assessment (self->store, baseline) : 0;

  self->filling = TRUE;
  for (guint i = 0; i < self->candidates->len; i++)
    if (g_array_index (self->candidates, gint64, i) == baseline_id)
      gtk_drop_down_set_selected (self->baseline_dropdown, i);
  self->filling = FALSE;
}

static void
update_versions_note (GsComparePage *self)
{
  g_autofree char *versions = self->analysis != NULL ? gs_analysis_describe_versions (self->analysis) : NULL;

  gtk_label_set_label (self->versions_note, versions != NULL ? versions : "");
  gtk_widget_set_visible (GTK_WIDGET (self->versions_note), versions != NULL);
}

/* Below the chart: each area the plan acted on, its change in score, and the actions. */
static void
update_review (GsComparePage *self)
{
  g_autofree char *review = self->analysis != NULL ? gs_plan_review_text (self->analysis) : NULL;

  gtk_label_set_label (self->review, review != NULL ? review : "");
  gtk_widget_set_visible (GTK_WIDGET (self->review), review != NULL);
}

static void
fill_dropdown (GsComparePage *self)
{
  g_autoptr(GtkStringList) titles = find_candidates (self);

  self->filling = TRUE;
  gtk_drop_down_set_model (self->baseline_dropdown, G_LIST_MODEL (titles));
  self->filling = FALSE;
  select_baseline (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->baseline_dropdown), self->candidates->len > 0);
  gtk_label_set_label (self->note, self->candidates->len > 0 ? _("Compare with")
                       : _("No earlier assessment of this organisation. Add a follow-up from an assessment’s menu, "
                           "then open the follow-up to compare."));
}

static void
baseline_selected_cb (GsComparePage *self)
{
  guint position = gtk_drop_down_get_selected (self->baseline_dropdown);

  if (!self->filling && position < self->candidates->len)
    gs_compare_page_choose (self, g_array_index (self->candidates, gint64, position));
}

static void
gs_compare_page_dispose (GObject *object)
{
  GsComparePage *self = GS_COMPARE_PAGE (object);

  g_clear_object (&self->store);
  g_clear_object (&self->analysis);
  gtk_widget_dispose_template (GTK_WIDGET (self), GS_TYPE_COMPARE_PAGE);
  g_clear_pointer (&self->candidates, g_array_unref);
  G_OBJECT_CLASS (gs_compare_page_parent_class)->dispose (object);
}

static void
gs_compare_page_class_init (GsComparePageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = gs_compare_page_dispose;
  g_type_ensure (GS_TYPE_CHART_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/gs-compare-page.ui");
  gtk_widget_class_bind_template_child (widget_class, GsComparePage, note);
  gtk_widget_class_bind_template_child (widget_class, GsComparePage, versions_note);
  gtk_widget_class_bind_template_child (widget_class, GsComparePage, review);
  gtk_widget_class_bind_template_child (widget_class, GsComparePage, baseline_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GsComparePage, chart);
  gtk_widget_class_bind_template_callback (widget_class, baseline_selected_cb);
}

static void
gs_compare_page_init (GsComparePage *self)
{
  self->candidates = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_widget_init_template (GTK_WIDGET (self));
  gs_drop_down_use_ellipsized_items (self->baseline_dropdown);
  gs_accessible_name_drop_down (self->baseline_dropdown, _("Compare with"));
}

GtkWidget *
gs_compare_page_new (void)
{
  return g_object_new (GS_TYPE_COMPARE_PAGE, NULL);
}

/**
 * gs_compare_page_set_analysis:
 * @store: (nullable): where the organisation's other assessments are found
 * @analysis: (nullable): the results shown; choosing changes its baseline, so the exported
 *   report compares the same two
 */
void
gs_compare_page_set_analysis (GsComparePage *self,
                              GsStore       *store,
                              GsAnalysis    *analysis)
{
  g_return_if_fail (GS_IS_COMPARE_PAGE (self));

  g_set_object (&self->store, store);
  g_set_object (&self->analysis, analysis);
  gs_chart_view_set_analysis (self->chart, analysis);
  if (analysis != NULL && store != NULL)
    fill_dropdown (self);
  update_versions_note (self);
  update_review (self);
}

GsChartView *
gs_compare_page_get_chart_view (GsComparePage *self)
{
  g_return_val_if_fail (GS_IS_COMPARE_PAGE (self), NULL);
  return self->chart;
}

/* Compares with the assessment @baseline_id, as choosing it in the drop-down does. */
gboolean
gs_compare_page_choose (GsComparePage *self,
                        gint64         baseline_id)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (GS_IS_COMPARE_PAGE (self), FALSE);
  if (self->analysis == NULL || !gs_analysis_set_baseline (self->analysis, self->store, baseline_id, &error))
    {
      if (error != NULL)
        gs_show_error (GTK_WIDGET (self), _("Could Not Compare the Assessments"), error);
      return FALSE;
    }
  select_baseline (self);  /* the list of candidates is unchanged; only the choice may be */
  update_versions_note (self);
  update_review (self);
  return TRUE;
}
