/* gs-window-results.c — the window's results page: the assessment's tabs
 *
 * The page is built from its own UI file (gs-window-results.ui) the first time it is needed,
 * or just after the window's first frame, whichever comes first: a window that opens on the
 * library does not pay, before anything is on screen, for seven tabs it does not show. From
 * then on its widgets are the window's; the window's pointers to them are not owned.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gs-window"

#include "config.h"

#include <glib/gi18n.h>

#include "gs-accessible.h"
#include "gs-window-private.h"
#include "report/gs-chart-registry.h"

/* Each tab of the results page is a chart, or a page that holds one beside its editor. */
static GsChartView *
tab_chart_view (GtkWidget *tab)
{
  if (GS_IS_MAP_EDITOR (tab))
    return gs_map_editor_get_chart_view (GS_MAP_EDITOR (tab));
  if (GS_IS_COMPARE_PAGE (tab))
    return gs_compare_page_get_chart_view (GS_COMPARE_PAGE (tab));
  if (GS_IS_TIMELINE_EDITOR (tab))
    return gs_timeline_editor_get_chart_view (GS_TIMELINE_EDITOR (tab));
  return GS_IS_CHART_VIEW (tab) ? GS_CHART_VIEW (tab) : NULL;
}

GsChartView *
gs_window_visible_chart_view (GsWindow *self)
{
  if (self->chart_stack == NULL)
    return NULL;
  return tab_chart_view (adw_view_stack_get_visible_child (self->chart_stack));
}

/* Gives @tab the window's analysis; it keeps a reference and follows it. */
static void
set_tab_analysis (GsWindow  *self,
                  GtkWidget *tab)
{
  GsStore *store = self->analysis != NULL ? self->store : NULL;

  g_hash_table_remove (self->stale_tabs, tab);
  if (GS_IS_CHART_VIEW (tab))
    gs_chart_view_set_analysis (GS_CHART_VIEW (tab), self->analysis);
  else if (GS_IS_OVERVIEW_PAGE (tab))
    gs_overview_page_set_analysis (GS_OVERVIEW_PAGE (tab), self->analysis);
  else if (GS_IS_COMPARE_PAGE (tab))
    gs_compare_page_set_analysis (GS_COMPARE_PAGE (tab), store, self->analysis);
  else if (GS_IS_MAP_EDITOR (tab))
    gs_map_editor_set_analysis (GS_MAP_EDITOR (tab), store, self->analysis);
  else if (GS_IS_TIMELINE_EDITOR (tab))
    gs_timeline_editor_set_analysis (GS_TIMELINE_EDITOR (tab), store, self->analysis);
  else if (GS_IS_PLAN_PAGE (tab))
    gs_plan_page_set_analysis (GS_PLAN_PAGE (tab), store, self->analysis);
}

/* A tab shown is brought up to date. */
static void
visible_tab_changed_cb (GsWindow *self)
{
  GtkWidget *tab = adw_view_stack_get_visible_child (self->chart_stack);

  if (tab != NULL && g_hash_table_contains (self->stale_tabs, tab))
    set_tab_analysis (self, tab);
  gs_window_update_actions (self);
}

/* The visible tab shows the analysis at once, the others when they are shown: filling them
 * all made the opening of an assessment build six pages of rows, labels and charts' data
 * that nobody was looking at (bench-window: 67 ms to a painted chart, 43 ms with only the
 * visible tab filled). Without an analysis every tab is emptied at once, which costs
 * little and lets go of the old results. */
void
gs_window_set_results_analysis (GsWindow   *self,
                                GsAnalysis *analysis)
{
  g_autoptr(GtkSelectionModel) pages = NULL;
  GtkWidget *visible;

  g_set_object (&self->analysis, analysis);
  if (analysis != NULL)  /* a baseline chosen on the Compare tab makes its chart exportable */
    g_signal_connect_object (analysis, "changed", G_CALLBACK (gs_window_update_actions), self, G_CONNECT_SWAPPED);
  if (self->chart_stack == NULL)
    return;
  visible = adw_view_stack_get_visible_child (self->chart_stack);
  pages = adw_view_stack_get_pages (self->chart_stack);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (pages)); i++)
    {
      g_autoptr(AdwViewStackPage) page = g_list_model_get_item (G_LIST_MODEL (pages), i);
      GtkWidget *tab = adw_view_stack_page_get_child (page);

      if (analysis == NULL || tab == visible)
        set_tab_analysis (self, tab);
      else
        g_hash_table_add (self->stale_tabs, tab);
    }
}

/* An event was added or edited: every chart of the organisation's timeline changes. */
static void
events_changed_cb (GsWindow *self)
{
  gs_window_show_results (self, self->shown_assessment);
}

/* Each chart tab's title and icon, from the chart registry. */
static void
set_chart_titles (GsWindow *self)
{
  guint n_charts;
  const GsChartInfo *charts = gs_chart_registry_get (&n_charts);

  for (guint i = 0; i < n_charts; i++)
    {
      GtkWidget *tab = adw_view_stack_get_child_by_name (self->chart_stack, charts[i].name);
      AdwViewStackPage *page;

      g_assert (tab != NULL);  /* every chart has its tab in gs-window-results.ui */
      page = adw_view_stack_get_page (self->chart_stack, tab);
      adw_view_stack_page_set_title (page, _(charts[i].title));
      adw_view_stack_page_set_icon_name (page, charts[i].icon);
    }
}

/* Builds the page unless it is there: before an assessment's results are first shown. */
void
gs_window_ensure_results_page (GsWindow *self)
{
  g_autoptr(GtkBuilder) builder = NULL;
  GtkWidget *page;

  g_clear_handle_id (&self->results_page_idle, g_source_remove);
  if (self->chart_stack != NULL)
    return;
  builder = gtk_builder_new_from_resource (RESOURCE_BASE_PATH "/gs-window-results.ui");
  page = GTK_WIDGET (gtk_builder_get_object (builder, "results_page"));
  self->results_heading = GTK_LABEL (gtk_builder_get_object (builder, "results_heading"));
  self->chart_stack = ADW_VIEW_STACK (gtk_builder_get_object (builder, "chart_stack"));
  self->switcher_bar = ADW_VIEW_SWITCHER_BAR (gtk_builder_get_object (builder, "switcher_bar"));
  self->overview_page = GS_OVERVIEW_PAGE (gtk_builder_get_object (builder, "overview_page"));
  self->map_editor = GS_MAP_EDITOR (gtk_builder_get_object (builder, "map_editor"));
  self->timeline_editor = GS_TIMELINE_EDITOR (gtk_builder_get_object (builder, "timeline_editor"));
  self->compare_page = GS_COMPARE_PAGE (gtk_builder_get_object (builder, "compare_page"));
  self->plan_page = GS_PLAN_PAGE (gtk_builder_get_object (builder, "plan_page"));
  gtk_stack_add_named (self->main_stack, page, "results");

  adw_view_switcher_title_set_stack (self->switcher_title, self->chart_stack);
  /* Too narrow for the tabs in the header: they move to the bottom bar. */
  g_object_bind_property (self->switcher_title, "title-visible", self->switcher_bar, "reveal", G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->timeline_editor, "events-changed", G_CALLBACK (events_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->plan_page, "events-changed", G_CALLBACK (events_changed_cb), self, G_CONNECT_SWAPPED);
  self->stale_tabs = g_hash_table_new (NULL, NULL);
  g_signal_connect_object (self->chart_stack, "notify::visible-child", G_CALLBACK (visible_tab_changed_cb), self, G_CONNECT_SWAPPED);
  set_chart_titles (self);
  gs_accessible_name_controls (page);
  gs_window_update_actions (self);
}

/* Before the window's children go: dispose may run twice, and they are not template children
 * that GTK would clear. */
void
gs_window_forget_results_page (GsWindow *self)
{
  self->results_heading = NULL;
  self->chart_stack = NULL;
  self->switcher_bar = NULL;
  self->overview_page = NULL;
  self->map_editor = NULL;
  self->timeline_editor = NULL;
  self->compare_page = NULL;
  self->plan_page = NULL;
  g_clear_pointer (&self->stale_tabs, g_hash_table_unref);
}

/* Returns: (transfer none): the results' tabs, an AdwViewStack whose pages are named as the
 * charts of the registry, plus "overview" and "plan" */
AdwViewStack *
gs_window_get_tabs (GsWindow *self)
{
  g_return_val_if_fail (GS_IS_WINDOW (self), NULL);

  gs_window_ensure_results_page (self);
  return self->chart_stack;
}

static gboolean
build_results_page_cb (gpointer user_data)
{
  GsWindow *self = user_data;

  self->results_page_idle = 0;
  gs_window_ensure_results_page (self);
  gs_window_ensure_answer_page (self);
  return G_SOURCE_REMOVE;
}

static void
first_frame_painted_cb (GdkFrameClock *clock,
                        GsWindow      *self)
{
  g_signal_handlers_disconnect_by_func (clock, first_frame_painted_cb, self);
  if (self->chart_stack == NULL && self->results_page_idle == 0)
    self->results_page_idle = g_idle_add_full (G_PRIORITY_LOW, build_results_page_cb, self, NULL);
}

/* Called as the window is mapped: the results and answering pages are built once the first
 * frame is painted, unless something needs them sooner. */
void
gs_window_build_results_page_soon (GsWindow *self)
{
  if (self->chart_stack == NULL)
    g_signal_connect_object (gtk_widget_get_frame_clock (GTK_WIDGET (self)), "after-paint",
                             G_CALLBACK (first_frame_painted_cb), self, 0);
}

/* The focus goes where the eyes go: into the tab just shown, not left in the header. */
void
gs_window_focus_visible_tab (GsWindow *self)
{
  GtkWidget *tab = self->chart_stack != NULL ? adw_view_stack_get_visible_child (self->chart_stack) : NULL;

  if (tab != NULL)
    gtk_widget_child_focus (tab, GTK_DIR_TAB_FORWARD);
}

