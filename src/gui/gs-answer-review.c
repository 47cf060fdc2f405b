/* gs-answer-review.c — the answer page's last part: what is left, and the way out
 *
 * Lists each unanswered question with its part, one click from it; says when everything is
 * answered; offers the first unanswered question and See Results.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gs-answer-page"

#include "config.h"

#include <glib/gi18n.h>

#include "gs-answer-item.h"
#include "gs-accessible.h"
#include "gs-answer-page-private.h"

static void
review_row_activated_cb (GtkListBox    *list,
                         GtkListBoxRow *row,
                         GsAnswerPage  *self)
{
  int index = gtk_list_box_row_get_index (row);
  const GsItem *item;
  GsAnswerItem *widget;

  if (index < 0 || (guint) index >= self->review_items->len)
    return;
  item = g_ptr_array_index (self->review_items, index);
  gs_answer_page_set_page (self, gs_answer_page_part_of (self, item));  /* builds its questions */
  widget = g_hash_table_lookup (self->item_widgets, item->id);
  if (widget != NULL)
    gs_answer_item_focus_choice (widget);
}

/* Says what is left, or that everything is answered. */
static void
update_review_summary (GsAnswerPage *self)
{
  guint left = self->review_items->len;
  g_autofree char *text = NULL;

  if (self->review_summary == NULL)  /* cleared: no assessment shown */
    return;
  if (gs_answer_page_current_respondent (self) == NULL)
    text = g_strdup (_("Choose who is answering, or add them, to begin."));
  else if (left == 0)
    text = g_strdup (_("Every question is answered. Thank you. The results take these answers into account."));
  else
    text = g_strdup_printf (ngettext ("%u question is not answered yet. Choose it to answer it, or see the results "
                                      "as they are.",
                                      "%u questions are not answered yet. Choose one to answer it, or see the "
                                      "results as they are.", left), left);
  gtk_label_set_text (self->review_summary, text);
  gtk_widget_set_visible (self->review_list, left > 0);
  gtk_widget_set_visible (self->first_unanswered_button, left > 0 && gs_answer_page_current_respondent (self) != NULL);
}

/* The review page lists each unanswered item, with the part it is in; activating one goes there. */
void
gs_answer_page_refresh_review (GsAnswerPage *self)
{
  GsRespondent *respondent = gs_answer_page_current_respondent (self);
  GtkWidget *child;

  if (self->review_list == NULL)  /* cleared: no assessment shown */
    return;
  while ((child = gtk_widget_get_first_child (self->review_list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->review_list), child);
  g_ptr_array_set_size (self->review_items, 0);
  for (guint p = 0; p < self->page_items->len; p++)
    {
      GPtrArray *items = g_ptr_array_index (self->page_items, p);
      g_autofree char *name = gs_answer_page_part_name (self, p);

      for (guint i = 0; i < items->len; i++)
        {
          const GsItem *item = g_ptr_array_index (items, i);
          GtkWidget *row;

          if (respondent != NULL && gs_respondent_get_answer (respondent, item->id) != NULL)
            continue;
          row = adw_action_row_new ();
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), item->statement);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), name);
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
          gtk_list_box_append (GTK_LIST_BOX (self->review_list), row);
          g_ptr_array_add (self->review_items, (gpointer) item);  /* row i asks about item i */
        }
    }
  update_review_summary (self);
}

void
gs_answer_page_add_review (GsAnswerPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  g_autofree char *name = gs_answer_page_part_name (self, self->page_items->len);
  g_autofree char *id = g_strdup_printf ("page-%u", self->page_items->len);
  GtkWidget *title = gs_accessible_heading_new (name, 2);

  GtkWidget *see_results = gtk_button_new_with_mnemonic (_("_See Results"));

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "title-2");
  gtk_box_append (GTK_BOX (box), title);
  self->review_summary = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->review_summary, TRUE);
  gtk_label_set_xalign (self->review_summary, 0);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->review_summary));
  self->first_unanswered_button = gtk_button_new_with_mnemonic (_("_Go to the First Unanswered Question"));
  gtk_widget_set_halign (self->first_unanswered_button, GTK_ALIGN_START);
  g_signal_connect_swapped (self->first_unanswered_button, "clicked", G_CALLBACK (gs_answer_page_go_to_first_unanswered), self);
  gtk_box_append (GTK_BOX (box), self->first_unanswered_button);
  /* The way out: back to the assessment's results, as the header's Back does. */
  gtk_actionable_set_action_name (GTK_ACTIONABLE (see_results), "win.show-assessments");
  gtk_widget_set_halign (see_results, GTK_ALIGN_START);
  gtk_widget_add_css_class (see_results, "suggested-action");
  gtk_widget_add_css_class (see_results, "pill");
  self->review_list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->review_list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->review_list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->review_list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Unanswered items"), -1);
  g_signal_connect (self->review_list, "row-activated", G_CALLBACK (review_row_activated_cb), self);
  gtk_box_append (GTK_BOX (box), self->review_list);
  gtk_box_append (GTK_BOX (box), see_results);
  gtk_stack_add_named (self->pages, gs_answer_page_scrolled (box), id);
}

/* Returns: (transfer none): what the review page says is left */
const char *
gs_answer_page_get_review_summary (GsAnswerPage *self)
{
  g_return_val_if_fail (GS_IS_ANSWER_PAGE (self), NULL);
  return self->review_summary != NULL ? gtk_label_get_text (self->review_summary) : NULL;
}

/**
 * gs_answer_page_go_to_first_unanswered:
 *
 * Shows the part with the respondent's first unanswered question and focuses it; the review
 * of what is left when every question is answered.
 */
void
gs_answer_page_go_to_first_unanswered (GsAnswerPage *self)
{
  GsRespondent *respondent = gs_answer_page_current_respondent (self);

  g_return_if_fail (GS_IS_ANSWER_PAGE (self));
  if (self->assessment == NULL)  /* cleared meanwhile */
    return;
  for (guint p = 0; respondent != NULL && p < self->page_items->len; p++)
    {
      const GsItem *item = gs_answer_page_first_unanswered (self, p);

      if (item != NULL)
        {
          gs_answer_page_set_page (self, p);
          gs_answer_page_focus_item (self, item);
          return;
        }
    }
  gs_answer_page_set_page (self, self->page_items->len);
  /* Nothing left to answer: the focus goes to the review's first button (See Results). */
  gtk_widget_child_focus (gtk_stack_get_visible_child (self->pages), GTK_DIR_TAB_FORWARD);
}

/**
 * gs_answer_page_focus_current:
 *
 * Once the page is shown: the focus on the question answering stopped at, or, when there is
 * none, on the respondent's first unanswered question. On the review page, on its first
 * control (what is left, or See Results).
 */
void
gs_answer_page_focus_current (GsAnswerPage *self)
{
  GsAnswerItem *widget;

  g_return_if_fail (GS_IS_ANSWER_PAGE (self));
  if (self->assessment == NULL)
    return;
  if (gs_answer_page_get_page (self) == self->page_items->len)
    {
      GtkWidget *review = gtk_stack_get_visible_child (self->pages);

      if (review != NULL)
        gtk_widget_child_focus (review, GTK_DIR_TAB_FORWARD);
      return;
    }
  widget = self->current_item != NULL ? g_hash_table_lookup (self->item_widgets, self->current_item) : NULL;
  if (widget != NULL && gs_answer_page_part_of (self, gs_answer_item_get_item (widget)) == gs_answer_page_get_page (self))
    gs_answer_page_focus_item (self, gs_answer_item_get_item (widget));
  else
    gs_answer_page_go_to_first_unanswered (self);
}
