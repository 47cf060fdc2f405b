/* gs-chart-view.c — a widget that shows one chart of an assessment
 *
 * The widget only paints: it keeps a reference to the analysis (the assessment, its results
 * and each chart's data, prepared elsewhere) and has it paint the chart with the same
 * drawing function that the PDF, SVG and PNG exports use; it redraws when the analysis
 * changes. GTK renders the cairo node at the display's scale, so the
 * chart is sharp on HiDPI screens. Colours follow AdwStyleManager (dark, high contrast);
 * an ellipsized label shows its full text as a tooltip; the chart's description in words
 * is the widget's accessible description. A chart of answers with no answers to draw shows a
 * status page instead, with the way to answer, rather than empty axes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gs-chart-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "gs-chart-view.h"
#include "report/gs-chart-registry.h"

struct _GsChartView
{
  GtkWidget      parent_instance;

  char          *chart_name;
  GsAnalysis    *analysis;
  GArray        *labels;       /* of GsChartLabel, from the last paint */
  char          *description;
  GtkWidget     *no_answers;   /* AdwStatusPage, shown instead of an empty chart */
};

G_DEFINE_FINAL_TYPE (GsChartView, gs_chart_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CHART_NAME,
  PROP_ANALYSIS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
style_changed_cb (GsChartView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Whether the chart draws answers and there are none: the timeline draws events and the
 * comparison says itself what it lacks. */
static gboolean
lacks_answers (GsChartView *self)
{
  const GsResults *results;

  if (self->analysis == NULL || self->chart_name == NULL ||
      g_str_has_prefix (self->chart_name, "timeline") || g_str_has_prefix (self->chart_name, "comparison"))
    return FALSE;
  results = gs_analysis_get_results (self->analysis);
  if (results == NULL || results->n_respondents == 0)
    return TRUE;
  for (guint d = 0; d < results->n_domains; d++)
    if (!isnan (results->domains[d].aggregate.mean))
      return FALSE;
  for (GsPole pole = 0; pole < GS_N_POLES; pole++)
    for (GsSide side = 0; side < GS_N_SIDES; side++)
      if (!isnan (results->whole_table.quadrants[pole][side].mean))
        return FALSE;
  return TRUE;
}

/* A screen reader names the chart by its title ("Context profile") and reads its
 * description in words; it takes the focus so that it can be reached at all. */
static void
name_chart (GsChartView *self)
{
  int row = -1;
  const GsChartInfo *info = self->chart_name != NULL ? gs_chart_registry_find (self->chart_name, G_MAXUINT, &row, NULL)
                                                     : NULL;
  g_autofree char *title = info != NULL ? gs_chart_info_title (info, row) : NULL;

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, title != NULL ? title : "", -1);
}

/* The description in words follows the data; the picture is redrawn. */
static void
analysis_changed_cb (GsChartView *self)
{
  gtk_widget_set_visible (self->no_answers, lacks_answers (self));
  g_clear_pointer (&self->description, g_free);
  if (self->analysis != NULL)
    self->description = gs_analysis_describe (self->analysis, self->chart_name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  self->description != NULL ? self->description : "", -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
query_tooltip_cb (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip,
                  gpointer    user_data)
{
  GsChartView *self = GS_CHART_VIEW (widget);

  if (gtk_widget_get_visible (self->no_answers))  /* the last chart's labels are not shown */
    return FALSE;
  for (guint i = 0; self->labels != NULL && i < self->labels->len; i++)
    {
      const GsChartLabel *label = &g_array_index (self->labels, GsChartLabel, i);

      if (label->truncated && x >= label->box.x && x < label->box.x + label->box.width &&
          y >= label->box.y && y < label->box.y + label->box.height)
        {
          gtk_tooltip_set_text (tooltip, label->text);
          return TRUE;
        }
    }
  return FALSE;
}

static void
gs_chart_view_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  GsChartView *self = GS_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (gtk_widget_get_visible (self->no_answers))
    {
      gtk_widget_snapshot_child (widget, self->no_answers, snapshot);
      return;
    }
  if (self->analysis == NULL || width <= 0 || height <= 0)
    return;
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_clear_pointer (&self->labels, g_array_unref);
  self->labels = gs_chart_labels_new ();
  gs_analysis_draw (self->analysis, self->chart_name, cr, width, height,
                    gs_palette_get (gs_chart_view_get_palette_variant (self)), self->labels, NULL);
  cairo_destroy (cr);
}

static void
gs_chart_view_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  GsChartView *self = GS_CHART_VIEW (widget);

  if (gtk_widget_get_visible (self->no_answers))
    gtk_widget_allocate (self->no_answers, width, height, baseline, NULL);
}

static void
gs_chart_view_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  GsChartView *self = GS_CHART_VIEW (widget);

  /* Legible from a 360 px pane; a 16:10 slide shape by default. */
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 320 : 360;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 960 : 600;
  if (gtk_widget_get_visible (self->no_answers))
    {
      int child_minimum, child_natural;

      gtk_widget_measure (self->no_answers, orientation, for_size, &child_minimum, &child_natural, NULL, NULL);
      *minimum = MAX (*minimum, child_minimum);
      *natural = MAX (*natural, child_natural);
    }
}

static void
gs_chart_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  GsChartView *self = GS_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_CHART_NAME:
      g_value_set_string (value, self->chart_name);
      break;
    case PROP_ANALYSIS:
      g_value_set_object (value, self->analysis);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gs_chart_view_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  GsChartView *self = GS_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_CHART_NAME:
      gs_chart_view_set_chart_name (self, g_value_get_string (value));
      break;
    case PROP_ANALYSIS:
      gs_chart_view_set_analysis (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gs_chart_view_dispose (GObject *object)
{
  GsChartView *self = GS_CHART_VIEW (object);

  gs_chart_view_set_analysis (self, NULL);
  g_clear_pointer (&self->no_answers, gtk_widget_unparent);

  G_OBJECT_CLASS (gs_chart_view_parent_class)->dispose (object);
}

static void
gs_chart_view_finalize (GObject *object)
{
  GsChartView *self = GS_CHART_VIEW (object);

  g_clear_pointer (&self->chart_name, g_free);
  g_clear_pointer (&self->labels, g_array_unref);
  g_clear_pointer (&self->description, g_free);

  G_OBJECT_CLASS (gs_chart_view_parent_class)->finalize (object);
}

static void
gs_chart_view_class_init (GsChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = gs_chart_view_get_property;
  object_class->set_property = gs_chart_view_set_property;
  object_class->dispose = gs_chart_view_dispose;
  object_class->finalize = gs_chart_view_finalize;
  widget_class->snapshot = gs_chart_view_snapshot;
  widget_class->measure = gs_chart_view_measure;
  widget_class->size_allocate = gs_chart_view_size_allocate;

  properties[PROP_CHART_NAME] =
    g_param_spec_string ("chart-name", NULL, NULL, "context",
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * GsChartView:analysis: (nullable)
   *
   * What the chart shows; the view redraws when it changes.
   */
  properties[PROP_ANALYSIS] =
    g_param_spec_object ("analysis", NULL, NULL, GS_TYPE_ANALYSIS,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
  gtk_widget_class_set_css_name (widget_class, "chart");
}

static void
gs_chart_view_init (GsChartView *self)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  /* No mnemonic: Alt+A is the header's Answer. */
  GtkWidget *answer = gtk_button_new_with_label (_("Answer the Questions"));

  gtk_actionable_set_action_name (GTK_ACTIONABLE (answer), "win.answer");
  gtk_widget_set_halign (answer, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (answer, "suggested-action");
  gtk_widget_add_css_class (answer, "pill");
  self->no_answers = adw_status_page_new ();
  adw_status_page_set_title (ADW_STATUS_PAGE (self->no_answers), _("No Answers Yet"));
  adw_status_page_set_description (ADW_STATUS_PAGE (self->no_answers),
                                   _("This chart draws the answers. Answer the questions, or import a respondent’s "
                                     "answers, to see it."));
  adw_status_page_set_child (ADW_STATUS_PAGE (self->no_answers), answer);
  gtk_widget_set_visible (self->no_answers, FALSE);
  gtk_widget_set_parent (self->no_answers, GTK_WIDGET (self));
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
  g_signal_connect_object (style, "notify::dark", G_CALLBACK (style_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (style, "notify::high-contrast", G_CALLBACK (style_changed_cb), self, G_CONNECT_SWAPPED);
}

GtkWidget *
gs_chart_view_new (const char *chart_name)
{
  return g_object_new (GS_TYPE_CHART_VIEW, "chart-name", chart_name, NULL);
}

const char *
gs_chart_view_get_chart_name (GsChartView *self)
{
  g_return_val_if_fail (GS_IS_CHART_VIEW (self), NULL);
  return self->chart_name;
}

/* Shows another chart of the same source, such as another row of Table 1. */
void
gs_chart_view_set_chart_name (GsChartView *self,
                              const char  *chart_name)
{
  g_return_if_fail (GS_IS_CHART_VIEW (self));

  if (g_strcmp0 (self->chart_name, chart_name) == 0)
    return;
  g_free (self->chart_name);
  self->chart_name = g_strdup (chart_name);
  name_chart (self);
  analysis_changed_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHART_NAME]);
}

/**
 * gs_chart_view_set_analysis:
 * @analysis: (nullable): what the chart shows; the view keeps a reference and follows it
 */
void
gs_chart_view_set_analysis (GsChartView *self,
                            GsAnalysis  *analysis)
{
  g_return_if_fail (GS_IS_CHART_VIEW (self));

  if (self->analysis == analysis)
    return;
  if (self->analysis != NULL)
    g_signal_handlers_disconnect_by_func (self->analysis, analysis_changed_cb, self);
  g_set_object (&self->analysis, analysis);
  if (analysis != NULL)
    g_signal_connect_swapped (analysis, "changed", G_CALLBACK (analysis_changed_cb), self);
  analysis_changed_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANALYSIS]);
}

/* Returns: (transfer none) (nullable): what the chart shows */
GsAnalysis *
gs_chart_view_get_analysis (GsChartView *self)
{
  g_return_val_if_fail (GS_IS_CHART_VIEW (self), NULL);
  return self->analysis;
}

GsPaletteVariant
gs_chart_view_get_palette_variant (GsChartView *self)
{
  AdwStyleManager *style = adw_style_manager_get_default ();

  if (adw_style_manager_get_high_contrast (style))
    return GS_PALETTE_HIGH_CONTRAST;
  return adw_style_manager_get_dark (style) ? GS_PALETTE_DARK : GS_PALETTE_LIGHT;
}

const char *
gs_chart_view_get_description (GsChartView *self)
{
  g_return_val_if_fail (GS_IS_CHART_VIEW (self), NULL);
  return self->description;
}

/* Whether the view shows "No Answers Yet" instead of the chart. */
gboolean
gs_chart_view_shows_no_answers (GsChartView *self)
{
  g_return_val_if_fail (GS_IS_CHART_VIEW (self), FALSE);
  return gtk_widget_get_visible (self->no_answers);
}
