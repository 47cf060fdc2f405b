/* gs-answer-item.h — one question being answered: statement, hint, scale, evidence note
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "core/gs-assessment.h"
#include "core/gs-instrument.h"

G_BEGIN_DECLS

/* The choices of one item, in order: the five points, then "don't know", "not applicable". */
#define GS_CHOICE_DONT_KNOW 5
#define GS_CHOICE_NOT_APPLICABLE 6
#define GS_N_CHOICES 7

#define GS_TYPE_ANSWER_ITEM (gs_answer_item_get_type ())
G_DECLARE_FINAL_TYPE (GsAnswerItem, gs_answer_item, GS, ANSWER_ITEM, GtkWidget)

GtkWidget       *gs_answer_item_new         (const GsItem   *item);
const GsItem    *gs_answer_item_get_item    (GsAnswerItem   *self);
void             gs_answer_item_show_answer (GsAnswerItem   *self,
                                             const GsAnswer *answer,
                                             gboolean        can_answer);
GtkToggleButton *gs_answer_item_get_choice  (GsAnswerItem   *self,
                                             guint           choice);
GtkEditable     *gs_answer_item_get_note    (GsAnswerItem   *self);
gboolean         gs_answer_item_focus_choice (GsAnswerItem  *self);

G_END_DECLS
