/* gs-answer-page-private.h — internals shared by the files of GsAnswerPage
 *
 * gs-answer-page.c    respondents, the parts and their questions, moving between them
 * gs-answer-review.c  the last page: what is left, and the way out
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gs-answer-page.h"

G_BEGIN_DECLS

struct _GsAnswerPage
{
  GtkBox         parent_instance;

  GsStore       *store;
  GsInstrument  *instrument;
  GsAssessment  *assessment;     /* loaded copy, kept in step with every save */
  GSettings     *settings;
  GPtrArray     *respondents;    /* of char*: uuids, in the dropdown's order */
  GHashTable    *item_widgets;   /* item id → GsAnswerItem* (the page owns them) */
  GPtrArray     *page_items;     /* of GPtrArray* of GsItem*, one per page but the review */
  GPtrArray     *unbuilt_parts;  /* per part, the box its questions go in until they are built, then NULL */
  GPtrArray     *review_items;   /* of GsItem*: what each row of the review asks about */
  char          *current_item;
  gboolean       relabelling;    /* the lists' labels change, not the part or respondent shown */

  /* Template widgets */
  GtkDropDown   *respondent_dropdown;
  GtkButton     *add_respondent_button;
  GtkButton     *remove_respondent_button;  /* win.delete-respondent, its target kept current */
  GtkButton     *change_respondent_button;
  GtkLabel      *progress_label;
  GtkStack      *pages;
  GtkButton     *previous_button;
  GtkDropDown   *page_dropdown;
  GtkButton     *next_button;
  GtkWidget     *review_list;
  GtkLabel      *review_summary; /* what is left, or that nothing is */
  GtkWidget     *first_unanswered_button;
};

GsRespondent *gs_answer_page_current_respondent (GsAnswerPage *self);
char         *gs_answer_page_part_name          (GsAnswerPage *self,
                                                 guint         part);
guint         gs_answer_page_part_of            (GsAnswerPage *self,
                                                 const GsItem *item);
void          gs_answer_page_focus_item         (GsAnswerPage *self,
                                                 const GsItem *item);
const GsItem *gs_answer_page_first_unanswered   (GsAnswerPage *self,
                                                 guint         part);
GtkWidget    *gs_answer_page_scrolled           (GtkWidget    *content);
void          gs_answer_page_add_review         (GsAnswerPage *self);
void          gs_answer_page_refresh_review     (GsAnswerPage *self);

G_END_DECLS
