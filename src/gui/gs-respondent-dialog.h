/* gs-respondent-dialog.h — "Who is answering?", the way into answering; adding and changing a
 * respondent
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "core/gs-assessment.h"

G_BEGIN_DECLS

AdwMessageDialog *gs_respondent_dialog_new            (GtkWidget        *parent,
                                                       GsAssessment     *assessment,
                                                       guint             n_items,
                                                       const char       *current_uuid);
AdwMessageDialog *gs_respondent_form_new              (GtkWidget          *parent,
                                                       GsAssessment       *assessment,
                                                       const GsRespondent *respondent);
char             *gs_respondent_label                 (const GsRespondent *respondent,
                                                       guint               n_items);
const char       *gs_respondent_dialog_get_respondent (AdwMessageDialog *dialog,
                                                       GsAssessment     *assessment);
char             *gs_respondent_dialog_get_name       (AdwMessageDialog *dialog);
char             *gs_respondent_dialog_get_group      (AdwMessageDialog *dialog);

G_END_DECLS
