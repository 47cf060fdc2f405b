/* gs-window-answering.c — the way into answering: "Who is answering?", then the questions
 *
 * Answer (or Create) asks who answers when no one does yet; otherwise it goes straight back
 * to where answering stopped, with the focus on that question.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gs-window"

#include "config.h"

#include <glib/gi18n.h>

#include "gs-dialogs.h"
#include "gs-accessible.h"
#include "gs-respondent-dialog.h"
#include "gs-window-private.h"
#include "store/gs-assessment-summary.h"

static gboolean
focus_current_question_cb (gpointer page)
{
  if (gtk_widget_get_mapped (page))
    gs_answer_page_focus_current (page);
  return G_SOURCE_REMOVE;
}

/* The answering page is not needed for the first frame: it is made in the idle that builds
 * the results page once that frame is painted (gs-window-results.c), or here on first use
 * if answering begins before, or the results page was wanted sooner and the idle dropped. */
void
gs_window_ensure_answer_page (GsWindow *self)
{
  if (self->answer_page != NULL)
    return;
  self->answer_page = GS_ANSWER_PAGE (gs_answer_page_new ());
  gtk_stack_add_named (self->main_stack, GTK_WIDGET (self->answer_page), "answer");
  /* The window's pass over its controls ran at map, which usually came first. */
  gs_accessible_name_controls (GTK_WIDGET (self->answer_page));
}

/* The questions of the assessment shown, where answering last stopped. */
void
gs_window_show_answers (GsWindow *self,
              gint64    assessment_id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *subtitle = NULL;

  gs_window_ensure_answer_page (self);
  if (!gs_answer_page_set_assessment (self->answer_page, self->store, self->instrument, assessment_id, &error))
    {
      gs_window_show_error (self, _("Could Not Open the Assessment"), error);
      return;
    }
  gs_window_forget_results (self);
  self->shown_assessment = assessment_id;
  gtk_stack_set_visible_child_name (self->main_stack, "answer");
  gtk_widget_set_visible (self->back_button, TRUE);
  gtk_widget_set_visible (self->results_menu_button, FALSE);
  gtk_widget_set_visible (self->answer_button, FALSE);
  gtk_widget_set_visible (self->new_button, FALSE);
  /* The store's list has the names: the page has loaded every answer already. */
  {
    g_autoptr(GsAssessmentSummary) summary = gs_store_lookup_summary (self->store, assessment_id);
    if (summary != NULL)
      {
        subtitle = g_strdup_printf (_("Answering: %s · %s"), gs_assessment_summary_get_organisation_name (summary),
                                    gs_assessment_summary_get_title (summary));
        g_settings_set_string (self->settings, "last-answering", gs_assessment_summary_get_uuid (summary));
      }
  }
  gs_window_set_header (self, NULL, subtitle);
  gs_window_update_actions (self);
  /* Once the page is mapped, and any dialog that led here has given the focus back. */
  g_idle_add_full (G_PRIORITY_LOW, focus_current_question_cb, g_object_ref (self->answer_page), g_object_unref);
}

typedef struct {
  GsWindow     *self;
  gint64        assessment_id;
  GsAssessment *assessment;
} AnswerRequest;

static void
answer_request_free (gpointer  data,
                     GClosure *closure)
{
  AnswerRequest *request = data;

  g_object_unref (request->self);
  g_object_unref (request->assessment);
  g_free (request);
}


/* "Start Answering": as the respondent chosen, or a new one, at their first unanswered question. */
static void
who_answers_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         AnswerRequest    *request)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *name = NULL;
  g_autofree char *group = NULL;

  if (!g_str_equal (response, "start"))
    return;
  uuid = g_strdup (gs_respondent_dialog_get_respondent (dialog, request->assessment));
  if (uuid == NULL)
    {
      name = gs_respondent_dialog_get_name (dialog);
      group = gs_respondent_dialog_get_group (dialog);
      if ((uuid = gs_store_add_respondent (request->self->store, request->assessment_id, name, group, &error)) == NULL)
        {
          gs_window_show_error (request->self, _("Could Not Add the Respondent"), error);
          return;
        }
    }
  gs_window_show_answers (request->self, request->assessment_id);
  gs_answer_page_select_respondent (request->self->answer_page, uuid);
  gs_answer_page_go_to_first_unanswered (request->self->answer_page);
}

/* The way into answering: "Who is answering?" when no one is answering yet; otherwise
 * straight back to where answering stopped (the page's own chooser adds or switches). */
void
gs_window_start_answering (GsWindow *self,
                           gint64    assessment_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GsAssessmentSummary) summary = gs_store_lookup_summary (self->store, assessment_id);
  AnswerRequest *request;
  AdwMessageDialog *dialog;
  GsAssessment *assessment;

  /* The store's list counts the respondents: no need to load every answer to know. */
  if (summary != NULL && gs_assessment_summary_get_n_respondents (summary) > 0)
    {
      gs_window_show_answers (self, assessment_id);
      return;
    }
  if ((assessment = gs_store_load_assessment (self->store, assessment_id, &error)) == NULL)
    {
      gs_window_show_error (self, _("Could Not Open the Assessment"), error);
      return;
    }
  request = g_new0 (AnswerRequest, 1);
  *request = (AnswerRequest) { g_object_ref (self), assessment_id, assessment };
  {
    /* The assessment's own questions, which may be an earlier version's, say who finished. */
    g_autoptr(GsInstrument) asked = gs_instrument_for_assessment (self->instrument, assessment, NULL);
    guint n_items = asked != NULL ? gs_instrument_get_items (asked)->len : 0;

    dialog = gs_respondent_dialog_new (GTK_WIDGET (self), assessment, n_items, NULL);
  }
  g_signal_connect_data (dialog, "response", G_CALLBACK (who_answers_response_cb), request,
                         answer_request_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (GTK_WIDGET (gs_form_dialog_get_field (dialog, "name")));
}
