/* gs-overview-page.c — the results in words: scores, who answered, the stage, suggestions
 *
 * The first tab of the results: the overall and domain scores with what they rest on
 * (answers, don't know, not applicable, unanswered), where respondents disagree, the
 * groups and which are too small to show on their own, the estimated stage of the
 * movement with its reasons, and the paper's suggestions for the weakest areas with
 * their citations. The sentences are the report's (gs-results-text.c); the page only
 * lays them out, and computes nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gs-overview-page"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "gs-accessible.h"
#include "gs-overview-page.h"
#include "gs-text-column.h"
#include "gs-text-row.h"
#include "report/gs-results-text.h"

struct _GsOverviewPage
{
  AdwPreferencesPage  parent_instance;

  GsAnalysis         *analysis;
  GPtrArray          *groups;        /* of AdwPreferencesGroup*, added for the analysis shown */
  GtkWidget          *more_suggestions;  /* the row that shows the rest, until activated */
  GHashTable         *domain_scores; /* domain id → the score's GtkLabel */
  char               *hidden_groups; /* "Board, Managers", or NULL */
};

#define SUGGESTIONS_SHOWN_FIRST 3

G_DEFINE_FINAL_TYPE (GsOverviewPage, gs_overview_page, ADW_TYPE_PREFERENCES_PAGE)

/* Adds @row to the section @group (made by add_group). */
static void
add_row (AdwPreferencesGroup *group,
         GtkWidget           *row)
{
  GtkWidget *rows = g_object_get_data (G_OBJECT (group), "gs-rows");

  gtk_list_box_append (GTK_LIST_BOX (rows), row);
  gtk_widget_set_visible (rows, TRUE);
}

static AdwPreferencesGroup *
add_group (GsOverviewPage *self,
           const char     *title,
           const char     *description)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  /* The group's own title is a plain label; a screen reader moves between sections by their
   * headings, so the title, description and list of rows are ours. */
  GtkWidget *header = gs_text_column_new (6);
  GtkWidget *heading = gs_accessible_heading_new (title, 2);
  GtkWidget *text = gs_wrapping_label_new (description);
  GtkWidget *rows = gtk_list_box_new ();

  gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gs_text_column_append (GS_TEXT_COLUMN (header), heading);
  gs_text_column_append (GS_TEXT_COLUMN (header), text);
  gtk_widget_add_css_class (heading, "heading");
  gtk_widget_add_css_class (text, "dim-label");
  gtk_widget_set_hexpand (header, TRUE);
  gtk_widget_set_margin_bottom (header, 6);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (rows), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (rows, "boxed-list");
  gtk_widget_set_visible (rows, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (rows), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  /* Neither is a preferences row, so the group keeps them in this order, its own (empty)
   * list of rows hidden. */
  adw_preferences_group_add (group, header);
  adw_preferences_group_add (group, rows);
  g_object_set_data (G_OBJECT (group), "gs-rows", rows);
  g_object_set_data_full (G_OBJECT (group), "gs-title", g_strdup (title), g_free);
  g_object_set_data (G_OBJECT (group), "gs-description", text);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), group);
  g_ptr_array_add (self->groups, group);
  return group;
}

static void
add_domain_row (GsOverviewPage      *self,
                AdwPreferencesGroup *group,
                const GsResults     *results,
                guint                d)
{
  const GsDomainResult *domain = &results->domains[d];
  g_autofree char *counts = gs_results_text_domain_counts (results, d);
  g_autofree char *reliability = gs_results_text_domain_reliability (results, d);
  /* In words as well as by the icon: the words are what a screen reader and a glance read. */
  g_autofree char *blocker = domain->blocker ? g_strdup_printf (_(" — a blocker: below %.0f, it can hold everything back"),
                                                                GS_BLOCKER_CUTOFF) : g_strdup ("");
  g_autofree char *subtitle = g_strdup_printf ("%s%s\n%s", counts, blocker, reliability);
  g_autofree char *score = gs_results_text_score (domain->aggregate.mean);
  GtkWidget *row = gs_text_row_new (domain->domain->title, subtitle);
  GtkWidget *label = gtk_label_new (score);

  gtk_widget_add_css_class (label, "title-2");
  gtk_widget_add_css_class (label, "numeric");
  if (domain->aggregate.disagreement)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
      g_autofree char *why = g_strdup_printf (_("Respondents disagree here: %s"), domain->disagreement);

      gtk_widget_set_tooltip_text (icon, why);
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, why, -1);
      gtk_widget_add_css_class (icon, "warning");
      gs_text_row_add_suffix (GS_TEXT_ROW (row), icon);
    }
  gs_text_row_add_suffix (GS_TEXT_ROW (row), label);
  g_hash_table_insert (self->domain_scores, (gpointer) domain->domain->id, label);
  add_row (group, row);
}

static void
add_scores (GsOverviewPage  *self,
            const GsResults *results)
{
  g_autofree char *overall = gs_results_text_overall (results);
  g_autofree char *limits = gs_results_text_limits (results);
  g_autofree char *description = limits != NULL ? g_strconcat (overall, " ", limits, NULL) : g_strdup (overall);
  AdwPreferencesGroup *group = add_group (self, _("Scores out of 100"), description);

  for (guint d = 0; d < results->n_domains; d++)
    add_domain_row (self, group, results, d);
}

static void
add_respondents (GsOverviewPage  *self,
                 const GsResults *results)
{
  g_autofree char *groups = gs_results_text_groups (results);
  g_autofree char *summary = g_strdup_printf (ngettext ("%u respondent. Groups: %s.", "%u respondents. Groups: %s.",
                                                        results->n_respondents),
                                              results->n_respondents, groups);
  AdwPreferencesGroup *group = add_group (self, _("Respondents"), summary);
  g_autoptr(GString) hidden = g_string_new (NULL);
  g_autofree char *returns = gs_results_text_returns (gs_analysis_get_assessment (self->analysis),
                                                      gs_instrument_get_items (gs_analysis_get_instrument (self->analysis))->len);

  add_row (group, gs_text_row_new (_("Who has answered"), returns));

  for (guint g = 0; g < results->groups->len; g++)
    if (results->group_sizes[g] < results->min_group_size)
      g_string_append_printf (hidden, "%s%s", hidden->len > 0 ? ", " : "", (const char *) g_ptr_array_index (results->groups, g));
  if (hidden->len > 0)
    {
      g_autofree char *why = g_strdup_printf (ngettext ("Groups of fewer than %u person are not shown on their own, "
                                                        "so that a few people's answers are not set apart.",
                                                        "Groups of fewer than %u people are not shown on their own, "
                                                        "so that a few people's answers are not set apart.",
                                                        results->min_group_size),
                                              results->min_group_size);

      add_row (group, gs_text_row_new (hidden->str, why));
      self->hidden_groups = g_strdup (hidden->str);
    }
}

static void
add_stage (GsOverviewPage  *self,
           const GsResults *results)
{
  const GsStageResult *estimate = &results->stages[results->stage_estimate];
  const GsStage *stage = estimate->stage;
  /* The stage's name leads the description: a group's title does not wrap on a narrow window.
   * No stage is named without answers to judge it by. */
  g_autofree char *description = estimate->evidence.n > 0 ? g_strdup_printf ("%s. %s", stage->name, stage->description)
                                 : g_strdup (_("Not enough answers yet to estimate the stage."));
  AdwPreferencesGroup *group = add_group (self, _("Estimated stage of the movement"), description);
  GtkWidget *origin = gs_text_row_new (_("Where the stages come from"), gs_instrument_stages_origin ());

  for (guint i = 0; i < results->stage_reasons->len; i++)
    add_row (group, gs_text_row_new (g_ptr_array_index (results->stage_reasons, i), NULL));
  add_row (group, origin);
}

static void
add_suggestion_rows (AdwPreferencesGroup *group,
                     const GsResults     *results,
                     guint                from,
                     guint                to)
{
  for (guint i = from; i < to && i < results->suggestions->len; i++)
    {
      const GsSuggestion *suggestion = g_ptr_array_index (results->suggestions, i);
      g_autofree char *about = gs_results_text_suggestion_about (results->instrument, suggestion, FALSE);
      g_autofree char *original = gs_results_text_original (results->instrument, &suggestion->text->source);
      GtkWidget *row = gs_text_row_new (suggestion->text->text, about);

      /* A passage shown in translation keeps its English one step away. */
      gtk_widget_set_tooltip_text (row, original);
      add_row (group, row);
    }
}

/* The rest of the suggestions, in place of the row that offered them. */
static void
show_all_suggestions_cb (GtkListBox     *list,
                         GtkListBoxRow  *row,
                         GsOverviewPage *self)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (gtk_widget_get_ancestor (GTK_WIDGET (list), ADW_TYPE_PREFERENCES_GROUP));

  if (self->analysis == NULL || GTK_WIDGET (row) != self->more_suggestions)
    return;
  gtk_list_box_remove (list, GTK_WIDGET (row));
  self->more_suggestions = NULL;
  add_suggestion_rows (group, gs_analysis_get_results (self->analysis), SUGGESTIONS_SHOWN_FIRST, G_MAXUINT);
}

/* The weakest few first, the rest one click away: a dozen paragraphs at once are more than
 * a reader takes in, and laying them all out delayed the page's first frame. */
static void
add_suggestions (GsOverviewPage  *self,
                 const GsResults *results)
{
  AdwPreferencesGroup *group =
    add_group (self, _("Suggestions"),
               results->suggestions->len > 0
               ? _("For each domain below 50, each upside below 50 and each downside at 50 or above, weakest first. "
                   "Each names the passage of the paper it draws on, or says it is Groundswell’s own advice.")
               : isnan (results->overall_aggregate.mean)
               ? _("None yet: suggestions follow from the scores, and there are none until someone answers.")
               : _("No domain scores below 50, no upside below 50 and no downside at 50 or above, so there are "
                   "no suggestions."));
  guint n_more = results->suggestions->len > SUGGESTIONS_SHOWN_FIRST ? results->suggestions->len - SUGGESTIONS_SHOWN_FIRST : 0;

  add_suggestion_rows (group, results, 0, SUGGESTIONS_SHOWN_FIRST);
  if (n_more > 0)
    {
      g_autofree char *label = g_strdup_printf (ngettext ("Show %u More Suggestion", "Show %u More Suggestions", n_more), n_more);
      GtkWidget *row = gs_text_row_new (label, NULL);
      GtkWidget *list;

      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_widget_add_css_class (row, "more-suggestions");
      add_row (group, row);
      self->more_suggestions = row;
      list = gtk_widget_get_ancestor (row, GTK_TYPE_LIST_BOX);
      g_signal_connect_object (list, "row-activated", G_CALLBACK (show_all_suggestions_cb), self, 0);
    }
}

static void
clear_groups (GsOverviewPage *self)
{
  for (guint i = 0; i < self->groups->len; i++)
    adw_preferences_page_remove (ADW_PREFERENCES_PAGE (self), g_ptr_array_index (self->groups, i));
  g_ptr_array_set_size (self->groups, 0);
  g_hash_table_remove_all (self->domain_scores);
  g_clear_pointer (&self->hidden_groups, g_free);
  self->more_suggestions = NULL;
}

static void
gs_overview_page_finalize (GObject *object)
{
  GsOverviewPage *self = GS_OVERVIEW_PAGE (object);

  g_clear_object (&self->analysis);
  g_ptr_array_unref (self->groups);
  g_hash_table_unref (self->domain_scores);
  g_free (self->hidden_groups);
  G_OBJECT_CLASS (gs_overview_page_parent_class)->finalize (object);
}

static void
gs_overview_page_class_init (GsOverviewPageClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gs_overview_page_finalize;
}

static void
gs_overview_page_init (GsOverviewPage *self)
{
  self->groups = g_ptr_array_new ();
  self->domain_scores = g_hash_table_new (g_str_hash, g_str_equal);
}

GtkWidget *
gs_overview_page_new (void)
{
  return g_object_new (GS_TYPE_OVERVIEW_PAGE, NULL);
}

/**
 * gs_overview_page_set_analysis:
 * @analysis: (nullable): the assessment and its results
 *
 * Fills the page in words from the results; the page computes nothing.
 */
void
gs_overview_page_set_analysis (GsOverviewPage *self,
                               GsAnalysis     *analysis)
{
  const GsResults *results;

  g_return_if_fail (GS_IS_OVERVIEW_PAGE (self));

  clear_groups (self);
  g_set_object (&self->analysis, analysis);
  if (analysis == NULL || (results = gs_analysis_get_results (analysis)) == NULL)
    return;
  add_scores (self, results);
  add_respondents (self, results);
  add_stage (self, results);
  add_suggestions (self, results);
}

/* The score shown for a domain ("66", or "—" when no one answered), or %NULL. */
const char *
gs_overview_page_get_domain_score (GsOverviewPage *self,
                                   const char     *domain_id)
{
  GtkLabel *label;

  g_return_val_if_fail (GS_IS_OVERVIEW_PAGE (self), NULL);
  label = g_hash_table_lookup (self->domain_scores, domain_id);
  return label != NULL ? gtk_label_get_label (label) : NULL;
}

/* Returns: (nullable): the text under the section headed @title, or %NULL without one */
const char *
gs_overview_page_get_section_text (GsOverviewPage *self,
                                   const char     *title)
{
  g_return_val_if_fail (GS_IS_OVERVIEW_PAGE (self), NULL);

  for (guint i = 0; i < self->groups->len; i++)
    {
      GObject *group = g_ptr_array_index (self->groups, i);

      if (g_strcmp0 (g_object_get_data (group, "gs-title"), title) == 0)
        return gtk_label_get_text (g_object_get_data (group, "gs-description"));
    }
  return NULL;
}

/* The groups too small to show on their own, as the page lists them, or %NULL. */
const char *
gs_overview_page_get_hidden_groups (GsOverviewPage *self)
{
  g_return_val_if_fail (GS_IS_OVERVIEW_PAGE (self), NULL);
  return self->hidden_groups;
}
