/* gs-library-model.c — the assessments as the library lists them: by organisation, searchable
 *
 * The store keeps one list of assessments, newest first. The library shows it grouped by
 * organisation (alphabetically, each headed by its name) and, within one, newest first,
 * so that a consultant with several client trusts finds each trust's history together.
 * Typing filters by organisation or title, ignoring case. The model follows the store's
 * list as it changes; rows carry the same GsAssessmentSummary objects.
 *
 * Why headings rather than a separate sidebar of organisations: most users have one
 * organisation, and a consultant a handful; one list keeps every assessment one click
 * away at any width, where a sidebar would need a second click and fold away below
 * 720 px anyway.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gs-library-model.h"
#include "store/gs-assessment-summary.h"

static int
compare_summaries (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  GsAssessmentSummary *x = (GsAssessmentSummary *) a, *y = (GsAssessmentSummary *) b;
  int by_organisation = g_utf8_collate (gs_assessment_summary_get_organisation_name (x),
                                        gs_assessment_summary_get_organisation_name (y));
  int by_date;

  if (by_organisation != 0)
    return by_organisation;
  /* Two organisations may share a name: each keeps its own group. */
  if (gs_assessment_summary_get_organisation_id (x) != gs_assessment_summary_get_organisation_id (y))
    return gs_assessment_summary_get_organisation_id (x) < gs_assessment_summary_get_organisation_id (y) ? -1 : 1;
  if ((by_date = g_strcmp0 (gs_assessment_summary_get_date (y), gs_assessment_summary_get_date (x))) != 0)
    return by_date;
  return g_utf8_collate (gs_assessment_summary_get_title (x), gs_assessment_summary_get_title (y));
}

static gboolean
contains_folded (const char *text,
                 const char *folded_needle)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);

  return strstr (folded, folded_needle) != NULL;
}

static gboolean
matches_search (gpointer item,
                gpointer user_data)
{
  GsAssessmentSummary *summary = item;
  const char *needle = g_object_get_data (G_OBJECT (user_data), "gs-search");

  return needle == NULL || *needle == '\0' ||
         contains_folded (gs_assessment_summary_get_organisation_name (summary), needle) ||
         contains_folded (gs_assessment_summary_get_title (summary), needle);
}

/**
 * gs_library_model_new:
 * @assessments: the store's list of #GsAssessmentSummary
 * @search: (out): the filter to give the search text with gs_library_model_set_search()
 *
 * Returns: (transfer full): the sorted, filtered list
 */
GListModel *
gs_library_model_new (GListModel  *assessments,
                      GtkFilter  **search)
{
  GtkSorter *sorter = GTK_SORTER (gtk_custom_sorter_new (compare_summaries, NULL, NULL));
  GtkSortListModel *sorted = gtk_sort_list_model_new (g_object_ref (assessments), sorter);
  GtkCustomFilter *filter = gtk_custom_filter_new (NULL, NULL, NULL);

  gtk_custom_filter_set_filter_func (filter, matches_search, filter, NULL);
  *search = GTK_FILTER (filter);
  return G_LIST_MODEL (gtk_filter_list_model_new (G_LIST_MODEL (sorted), GTK_FILTER (g_object_ref (filter))));
}

void
gs_library_model_set_search (GtkFilter  *search,
                             const char *text)
{
  g_object_set_data_full (G_OBJECT (search), "gs-search", g_utf8_casefold (text != NULL ? text : "", -1), g_free);
  gtk_filter_changed (search, GTK_FILTER_CHANGE_DIFFERENT);
}

/* A heading with the organisation's name above its first assessment. Each row carries its
 * summary as "gs-summary". */
void
gs_library_row_header_cb (GtkListBoxRow *row,
                          GtkListBoxRow *before,
                          gpointer       user_data)
{
  GsAssessmentSummary *summary = g_object_get_data (G_OBJECT (row), "gs-summary");
  GsAssessmentSummary *previous = before != NULL ? g_object_get_data (G_OBJECT (before), "gs-summary") : NULL;
  GtkWidget *header;

  if (previous != NULL &&
      gs_assessment_summary_get_organisation_id (previous) == gs_assessment_summary_get_organisation_id (summary))
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }
  header = gtk_label_new (gs_assessment_summary_get_organisation_name (summary));
  gtk_label_set_xalign (GTK_LABEL (header), 0);
  gtk_label_set_wrap (GTK_LABEL (header), TRUE);
  gtk_widget_add_css_class (header, "heading");
  gtk_widget_add_css_class (header, "library-organisation");
  gtk_list_box_row_set_header (row, header);
}
