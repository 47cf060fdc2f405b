/* gs-answer-page.h — answering an assessment: one page per part, every answer saved at once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "gs-answer-item.h"
#include "store/gs-store.h"

G_BEGIN_DECLS

#define GS_TYPE_ANSWER_PAGE (gs_answer_page_get_type ())
G_DECLARE_FINAL_TYPE (GsAnswerPage, gs_answer_page, GS, ANSWER_PAGE, GtkBox)

GtkWidget       *gs_answer_page_new              (void);
gboolean         gs_answer_page_set_assessment   (GsAnswerPage *self,
                                                  GsStore      *store,
                                                  GsInstrument *instrument,
                                                  gint64        assessment_id,
                                                  GError      **error);
void             gs_answer_page_clear            (GsAnswerPage *self);
gboolean         gs_answer_page_add_respondent   (GsAnswerPage *self,
                                                  const char   *name,
                                                  const char   *group,
                                                  GError      **error);
gboolean         gs_answer_page_change_respondent (GsAnswerPage *self,
                                                  const char   *name,
                                                  const char   *group,
                                                  GError      **error);
const char      *gs_answer_page_get_respondent   (GsAnswerPage *self);
void             gs_answer_page_select_respondent (GsAnswerPage *self,
                                                  const char   *uuid);
guint            gs_answer_page_get_page         (GsAnswerPage *self);
guint            gs_answer_page_get_n_pages      (GsAnswerPage *self);
void             gs_answer_page_set_page         (GsAnswerPage *self,
                                                  guint         page);
const char      *gs_answer_page_get_current_item (GsAnswerPage *self);
GtkToggleButton *gs_answer_page_get_choice       (GsAnswerPage *self,
                                                  const char   *item_id,
                                                  guint         choice);
GtkEditable     *gs_answer_page_get_note         (GsAnswerPage *self,
                                                  const char   *item_id);
guint            gs_answer_page_count_unanswered (GsAnswerPage *self);
const char   *gs_answer_page_get_respondent_name (GsAnswerPage *self);

void          gs_answer_page_go_to_first_unanswered (GsAnswerPage *self);
void          gs_answer_page_focus_current (GsAnswerPage *self);
const char   *gs_answer_page_get_review_summary (GsAnswerPage *self);

G_END_DECLS
