/* gs-answer-page.c — answering an assessment
 *
 * One page per part of the instrument (the four receptive-context domains, the triggering
 * conditions, each Table 1 row) and a review page of what is still unanswered. Each item
 * is a GsAnswerItem (statement, hint, scale, evidence note). A choice is saved to the store
 * the moment it is made; the note when the user leaves it or presses Enter. Where the user was (respondent, page,
 * item) is kept in GSettings, so reopening returns there.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gs-answer-page"

#include "config.h"

#include <glib/gi18n.h>

#include "gs-accessible.h"
#include "gs-answer-item.h"
#include "gs-answer-page.h"
#include "gs-answer-page-private.h"
#include "gs-dialogs.h"
#include "gs-respondent-dialog.h"

G_DEFINE_FINAL_TYPE (GsAnswerPage, gs_answer_page, GTK_TYPE_BOX)

GsRespondent *
gs_answer_page_current_respondent (GsAnswerPage *self)
{
  const char *uuid = gs_answer_page_get_respondent (self);

  return uuid != NULL && self->assessment != NULL ? gs_assessment_lookup_respondent (self->assessment, uuid) : NULL;
}

char *
gs_answer_page_part_name (GsAnswerPage *self,
                          guint         page)
{
  char *title = NULL;
  const char *description;

  if (page >= gs_instrument_get_n_parts (self->instrument))
    return g_strdup (_("Review and finish"));
  g_ptr_array_unref (gs_instrument_get_part (self->instrument, page, &title, &description));
  return title;
}

/* Remembers where the user is, for the next time this assessment is opened. */
static void
remember_position (GsAnswerPage *self)
{
  g_autoptr(GVariant) resume = NULL;
  GVariantDict dict;
  g_autofree char *value = NULL;

  if (self->assessment == NULL || gs_answer_page_get_respondent (self) == NULL)
    return;
  resume = g_settings_get_value (self->settings, "resume");
  g_variant_dict_init (&dict, resume);
  value = g_strdup_printf ("%s\t%u\t%s", gs_answer_page_get_respondent (self), gs_answer_page_get_page (self),
                           self->current_item != NULL ? self->current_item : "");
  g_variant_dict_insert (&dict, gs_assessment_get_uuid (self->assessment), "s", value);
  g_settings_set_value (self->settings, "resume", g_variant_dict_end (&dict));
}

/* "2. Structural context — 3/6", or "… — ✓" once every question of the part is answered. */
static char *
part_label (GsAnswerPage *self,
            guint         part)
{
  g_autofree char *name = gs_answer_page_part_name (self, part);
  GsRespondent *respondent = gs_answer_page_current_respondent (self);
  GPtrArray *items;
  guint answered = 0;

  if (part >= self->page_items->len || respondent == NULL)
    return g_strdup_printf ("%u. %s", part + 1, name);
  items = g_ptr_array_index (self->page_items, part);
  for (guint i = 0; i < items->len; i++)
    answered += gs_respondent_get_answer (respondent, ((const GsItem *) g_ptr_array_index (items, i))->id) != NULL;
  if (answered == items->len)
    return g_strdup_printf (_("%u. %s — ✓"), part + 1, name);
  return g_strdup_printf (_("%u. %s — %u/%u"), part + 1, name, answered, items->len);
}

/* Replaces the labels of @dropdown's list that changed (@labels, in order), keeping the
 * choice: while `relabelling`, the selection handlers know the user chose nothing. */
static void
relabel (GsAnswerPage *self,
         GtkDropDown  *dropdown,
         GPtrArray    *labels)
{
  GtkStringList *list = GTK_STRING_LIST (gtk_drop_down_get_model (dropdown));
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (list == NULL)
    return;
  self->relabelling = TRUE;
  for (guint i = 0; i < labels->len && i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      const char *replacement[] = { g_ptr_array_index (labels, i), NULL };

      if (g_strcmp0 (gtk_string_list_get_string (list, i), replacement[0]) != 0)
        gtk_string_list_splice (list, i, 1, replacement);
    }
  if (gtk_drop_down_get_selected (dropdown) != selected)
    gtk_drop_down_set_selected (dropdown, selected);
  self->relabelling = FALSE;
}

/* Each part's progress in the part list, and who has finished in the respondent list. */
static void
relabel_parts_and_respondents (GsAnswerPage *self)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) respondents = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *all = gs_assessment_get_respondents (self->assessment);

  for (guint p = 0; p < self->page_items->len; p++)
    g_ptr_array_add (parts, part_label (self, p));
  relabel (self, self->page_dropdown, parts);
  for (guint r = 0; r < all->len; r++)
    g_ptr_array_add (respondents, gs_respondent_label (g_ptr_array_index (all, r), gs_instrument_get_items (self->instrument)->len));
  relabel (self, self->respondent_dropdown, respondents);
}

static void
update_progress (GsAnswerPage *self)
{
  guint page = gs_answer_page_get_page (self), n_pages = gs_answer_page_get_n_pages (self);
  guint n_items = gs_instrument_get_items (self->instrument)->len;
  GsRespondent *respondent = gs_answer_page_current_respondent (self);
  guint answered = respondent != NULL ? g_hash_table_size (respondent->answers) : 0;
  g_autofree char *text = g_strdup_printf (_("Part %u of %u · %u of %u answered"), page + 1, n_pages, answered, n_items);

  gtk_label_set_text (self->progress_label, text);
  gtk_widget_set_sensitive (GTK_WIDGET (self->previous_button), page > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->next_button), page + 1 < n_pages);
  relabel_parts_and_respondents (self);
}

/* Fills every item's widgets from the current respondent's answers. */
static void
sync_answers (GsAnswerPage *self)
{
  GsRespondent *respondent = gs_answer_page_current_respondent (self);
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->item_widgets);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      GsAnswerItem *widget = value;
      const char *item_id = gs_answer_item_get_item (widget)->id;

      gs_answer_item_show_answer (widget, respondent != NULL ? gs_respondent_get_answer (respondent, item_id) : NULL,
                                  respondent != NULL);
    }
  update_progress (self);
}

static void
save_answer (GsAnswerPage   *self,
             GsAnswerItem   *widget,
             GsAnswerStatus  status,
             int             value)
{
  GsRespondent *respondent = gs_answer_page_current_respondent (self);
  const char *item_id = gs_answer_item_get_item (widget)->id;
  g_autoptr(GError) error = NULL;
  g_autofree char *note = g_strdup (gtk_editable_get_text (gs_answer_item_get_note (widget)));

  if (respondent == NULL)
    return;
  if (!gs_store_save_answer (self->store, respondent->uuid, item_id, status, value, note, &error))
    {
      gs_show_error (GTK_WIDGET (self), _("Could Not Save the Answer"), error);
      sync_answers (self);  /* show what is really stored */
      return;
    }
  gs_respondent_set_answer (respondent, item_id, status, value, note);
  g_free (self->current_item);
  self->current_item = g_strdup (item_id);
  gtk_widget_set_sensitive (GTK_WIDGET (gs_answer_item_get_note (widget)), status != GS_ANSWER_NONE);
  update_progress (self);
  remember_position (self);
}

static void
item_answered_cb (GsAnswerItem *widget,
                  int           status,
                  int           value,
                  GsAnswerPage *self)
{
  save_answer (self, widget, (GsAnswerStatus) status, value);
}

/* The note is saved with the answer it explains, when the user leaves it or presses Enter. */
static void
item_note_changed_cb (GsAnswerItem *widget,
                      GsAnswerPage *self)
{
  GsRespondent *respondent = gs_answer_page_current_respondent (self);
  const GsAnswer *answer = respondent != NULL ? gs_respondent_get_answer (respondent, gs_answer_item_get_item (widget)->id)
                                              : NULL;

  if (answer == NULL || g_str_equal (answer->note, gtk_editable_get_text (gs_answer_item_get_note (widget))))
    return;
  save_answer (self, widget, answer->status, answer->value);
}

/* After an answer given from the keyboard: the next question, in this part or the first of
 * the next; after the last part, the review of what is left. */
static void
item_advance_cb (GsAnswerItem *widget,
                 GsAnswerPage *self)
{
  const GsItem *item = gs_answer_item_get_item (widget);
  guint part = gs_answer_page_part_of (self, item);
  GPtrArray *items = g_ptr_array_index (self->page_items, part);
  guint i = 0;

  while (i < items->len && g_ptr_array_index (items, i) != item)
    i++;
  if (i + 1 < items->len)
    {
      gs_answer_page_focus_item (self, g_ptr_array_index (items, i + 1));
      return;
    }
  gs_answer_page_set_page (self, part + 1);
  if (part + 1 < self->page_items->len)
    {
      GPtrArray *next = g_ptr_array_index (self->page_items, part + 1);

      if (next->len > 0)
        gs_answer_page_focus_item (self, g_ptr_array_index (next, 0));
    }
}

static GtkWidget *
build_item (GsAnswerPage *self,
            const GsItem *item)
{
  GtkWidget *widget = gs_answer_item_new (item);

  g_hash_table_insert (self->item_widgets, (gpointer) item->id, widget);
  g_signal_connect_object (widget, "answered", G_CALLBACK (item_answered_cb), self, 0);
  g_signal_connect_object (widget, "note-changed", G_CALLBACK (item_note_changed_cb), self, 0);
  g_signal_connect_object (widget, "advance", G_CALLBACK (item_advance_cb), self, 0);
  return widget;
}

/* Builds the questions of @part unless they are there, showing the answers of whoever is
 * answering. A part's questions are built when it is first shown: building all twelve
 * parts' 88 as answering began took most of its first frame (bench-window). */
static void
build_part (GsAnswerPage *self,
            guint         part)
{
  GsRespondent *respondent = gs_answer_page_current_respondent (self);
  GtkWidget *box = part < self->unbuilt_parts->len ? g_ptr_array_index (self->unbuilt_parts, part) : NULL;
  GPtrArray *items;

  if (box == NULL)
    return;
  g_ptr_array_index (self->unbuilt_parts, part) = NULL;
  items = g_ptr_array_index (self->page_items, part);
  for (guint i = 0; i < items->len; i++)
    {
      const GsItem *item = g_ptr_array_index (items, i);
      GtkWidget *widget = build_item (self, item);

      gs_answer_item_show_answer (GS_ANSWER_ITEM (widget), respondent != NULL ? gs_respondent_get_answer (respondent, item->id) : NULL,
                                  respondent != NULL);
      gtk_box_append (GTK_BOX (box), widget);
    }
  gs_accessible_name_controls (box);
}

/* The question of @item_id, built if its part was not yet. */
static GsAnswerItem *
item_widget (GsAnswerPage *self,
             const char   *item_id)
{
  const GsItem *item;

  if (!g_hash_table_contains (self->item_widgets, item_id) && self->instrument != NULL &&
      (item = gs_instrument_lookup_item (self->instrument, item_id)) != NULL)
    build_part (self, gs_answer_page_part_of (self, item));
  return g_hash_table_lookup (self->item_widgets, item_id);
}

/* Scrolls @widget's question near the top of its part's view, with a little of the one
 * before still showing: its whole scale is then in sight, and the next click needs no
 * scrolling. */
static void
scroll_to_top (GtkWidget *widget)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *viewport = scrolled != NULL ? gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled)) : NULL;
  GtkWidget *content = GTK_IS_VIEWPORT (viewport) ? gtk_viewport_get_child (GTK_VIEWPORT (viewport)) : NULL;
  double x, y;

  if (content != NULL && gtk_widget_translate_coordinates (widget, content, 0, 0, &x, &y))
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled)), MAX (0, y - 48));
}

void
gs_answer_page_focus_item (GsAnswerPage *self,
                           const GsItem *item)
{
  GsAnswerItem *widget = item_widget (self, item->id);

  if (widget != NULL && gs_answer_item_focus_choice (widget))
    scroll_to_top (GTK_WIDGET (widget));
}

GtkWidget *
gs_answer_page_scrolled (GtkWidget *content)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();

  gtk_widget_set_margin_top (content, 12);
  gtk_widget_set_margin_bottom (content, 12);
  gtk_widget_set_margin_start (content, 12);
  gtk_widget_set_margin_end (content, 12);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 860);
  adw_clamp_set_child (ADW_CLAMP (clamp), content);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  return scrolled;
}

static void
add_items_page (GsAnswerPage *self,
                GPtrArray    *items,
                const char   *description)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  guint index = self->page_items->len;
  g_autofree char *name = gs_answer_page_part_name (self, index);
  g_autofree char *id = g_strdup_printf ("page-%u", index);
  GtkWidget *title = gs_accessible_heading_new (name, 2);

  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "title-2");
  gtk_box_append (GTK_BOX (box), title);
  if (description != NULL)
    {
      GtkWidget *text = gtk_label_new (description);
      gtk_label_set_wrap (GTK_LABEL (text), TRUE);
      gtk_label_set_xalign (GTK_LABEL (text), 0);
      gtk_widget_add_css_class (text, "dim-label");
      gtk_widget_set_margin_bottom (text, 12);
      gtk_box_append (GTK_BOX (box), text);
    }
  g_ptr_array_add (self->page_items, g_ptr_array_ref (items));
  g_ptr_array_add (self->unbuilt_parts, box);
  gtk_stack_add_named (self->pages, gs_answer_page_scrolled (box), id);
}

/* The part (page) @item is answered on. */
guint
gs_answer_page_part_of (GsAnswerPage *self,
         const GsItem *item)
{
  for (guint p = 0; p < self->page_items->len; p++)
    {
      GPtrArray *items = g_ptr_array_index (self->page_items, p);

      for (guint i = 0; i < items->len; i++)
        if (g_ptr_array_index (items, i) == item)
          return p;
    }
  return 0;
}

/* Builds the pages from the instrument: domains, Table 1 rows, then the review. */
static void
build_pages (GsAnswerPage *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  for (guint p = 0; p < gs_instrument_get_n_parts (self->instrument); p++)
    {
      g_autofree char *title = NULL;
      const char *description;
      g_autoptr(GPtrArray) items = gs_instrument_get_part (self->instrument, p, &title, &description);

      add_items_page (self, items, description);
    }
  gs_answer_page_add_review (self);
  for (guint p = 0; p <= self->page_items->len; p++)
    {
      g_autofree char *label = part_label (self, p);
      gtk_string_list_append (names, label);
    }
  /* A new list selects its first part: not the user's choice, so not remembered as where
   * answering stopped (that was read after this, and answering went back to part 1). */
  self->relabelling = TRUE;
  gtk_drop_down_set_model (self->page_dropdown, G_LIST_MODEL (names));
  self->relabelling = FALSE;
}

static void
page_selected_cb (GsAnswerPage *self)
{
  guint page = gtk_drop_down_get_selected (self->page_dropdown);
  g_autofree char *id = g_strdup_printf ("page-%u", page);

  if (page == GTK_INVALID_LIST_POSITION || self->relabelling)
    return;
  if (page == self->page_items->len)
    gs_answer_page_refresh_review (self);
  build_part (self, page);
  gtk_stack_set_visible_child_name (self->pages, id);
  update_progress (self);
  remember_position (self);
}

static void
respondent_selected_cb (GsAnswerPage *self)
{
  const char *uuid = gs_answer_page_get_respondent (self);
  gint64 id;

  if (self->relabelling)
    return;
  id = uuid != NULL ? gs_store_find_respondent (self->store, uuid) : 0;

  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->remove_respondent_button), g_variant_new_int64 (id));
  gtk_widget_set_visible (GTK_WIDGET (self->remove_respondent_button), id != 0);
  gtk_widget_set_visible (GTK_WIDGET (self->change_respondent_button), id != 0);
  sync_answers (self);
  if (gs_answer_page_get_page (self) == self->page_items->len)
    gs_answer_page_refresh_review (self);
  remember_position (self);
}

/* The first question of @part the respondent has not answered (the first, when no one is
 * answering), or %NULL when every one is. */
const GsItem *
gs_answer_page_first_unanswered (GsAnswerPage *self,
                                 guint         part)
{
  GsRespondent *respondent = gs_answer_page_current_respondent (self);
  GPtrArray *items = g_ptr_array_index (self->page_items, part);

  for (guint i = 0; i < items->len; i++)
    if (respondent == NULL || gs_respondent_get_answer (respondent, ((const GsItem *) g_ptr_array_index (items, i))->id) == NULL)
      return g_ptr_array_index (items, i);
  return NULL;
}

/* The part @part, focused on its first unanswered question (or its first). */
static void
show_part (GsAnswerPage *self,
           guint         part)
{
  GPtrArray *items;
  const GsItem *item;

  gs_answer_page_set_page (self, part);
  if (part >= self->page_items->len || (items = g_ptr_array_index (self->page_items, part))->len == 0)
    return;
  item = gs_answer_page_first_unanswered (self, part);
  gs_answer_page_focus_item (self, item != NULL ? item : g_ptr_array_index (items, 0));
}

/* Alt+→ and Alt+←: the next or previous part. */
static gboolean
move_part_cb (GtkWidget *widget,
              GVariant  *args,
              gpointer   user_data)
{
  GsAnswerPage *self = GS_ANSWER_PAGE (widget);
  int step = g_variant_get_int32 (args);
  guint page = gs_answer_page_get_page (self);

  if ((step < 0 && page == 0) || (step > 0 && page + 1 >= gs_answer_page_get_n_pages (self)))
    return TRUE;
  show_part (self, (guint) ((int) page + step));
  return TRUE;
}

static void
previous_clicked_cb (GsAnswerPage *self)
{
  guint page = gs_answer_page_get_page (self);

  if (page > 0)
    gs_answer_page_set_page (self, page - 1);
}

static void
next_clicked_cb (GsAnswerPage *self)
{
  gs_answer_page_set_page (self, gs_answer_page_get_page (self) + 1);
}

static void
respondent_form_response_cb (AdwMessageDialog *dialog,
                             const char       *response,
                             GsAnswerPage     *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = gs_respondent_dialog_get_name (dialog);
  g_autofree char *group = gs_respondent_dialog_get_group (dialog);
  gboolean adding = g_object_get_data (G_OBJECT (dialog), "changing") == NULL;

  if (!g_str_equal (response, "save") || !adw_message_dialog_get_response_enabled (dialog, "save"))
    return;
  if (adding && !gs_answer_page_add_respondent (self, name, group, &error))
    gs_show_error (GTK_WIDGET (self), _("Could Not Add the Respondent"), error);
  else if (!adding && !gs_answer_page_change_respondent (self, name, group, &error))
    gs_show_error (GTK_WIDGET (self), _("Could Not Change the Respondent"), error);
}

/* Adds a respondent (@changing FALSE) or renames or regroups the one answering. */
static void
show_respondent_form (GsAnswerPage *self,
                      gboolean      changing)
{
  GsRespondent *respondent = changing ? gs_answer_page_current_respondent (self) : NULL;
  AdwMessageDialog *dialog;

  if (changing && respondent == NULL)
    return;
  dialog = gs_respondent_form_new (GTK_WIDGET (self), self->assessment, respondent);
  g_object_set_data (G_OBJECT (dialog), "changing", GINT_TO_POINTER (changing));
  g_signal_connect (dialog, "response", G_CALLBACK (respondent_form_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (GTK_WIDGET (gs_form_dialog_get_field (dialog, "name")));
}

static void
add_respondent_clicked_cb (GsAnswerPage *self)
{
  show_respondent_form (self, FALSE);
}

static void
change_respondent_clicked_cb (GsAnswerPage *self)
{
  show_respondent_form (self, TRUE);
}

/* Fills the respondent dropdown from the assessment, keeping the selection if it can. */
static void
reload_respondents (GsAnswerPage *self,
                    const char   *select_uuid)
{
  GPtrArray *respondents = gs_assessment_get_respondents (self->assessment);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint selected = GTK_INVALID_LIST_POSITION;

  g_ptr_array_set_size (self->respondents, 0);
  for (guint r = 0; r < respondents->len; r++)
    {
      GsRespondent *respondent = g_ptr_array_index (respondents, r);
      g_autofree char *label = gs_respondent_label (respondent, gs_instrument_get_items (self->instrument)->len);

      gtk_string_list_append (names, label);
      g_ptr_array_add (self->respondents, g_strdup (respondent->uuid));
      if (g_strcmp0 (respondent->uuid, select_uuid) == 0)
        selected = r;
    }
  g_signal_handlers_block_by_func (self->respondent_dropdown, respondent_selected_cb, self);
  gtk_drop_down_set_model (self->respondent_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->respondent_dropdown, selected != GTK_INVALID_LIST_POSITION ? selected : 0);
  g_signal_handlers_unblock_by_func (self->respondent_dropdown, respondent_selected_cb, self);
  respondent_selected_cb (self);
}

static void
gs_answer_page_dispose (GObject *object)
{
  GsAnswerPage *self = GS_ANSWER_PAGE (object);

  gs_answer_page_clear (self);
  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), GS_TYPE_ANSWER_PAGE);

  G_OBJECT_CLASS (gs_answer_page_parent_class)->dispose (object);
}

static void
gs_answer_page_finalize (GObject *object)
{
  GsAnswerPage *self = GS_ANSWER_PAGE (object);

  g_ptr_array_unref (self->respondents);
  g_hash_table_unref (self->item_widgets);
  g_ptr_array_unref (self->page_items);
  g_ptr_array_unref (self->unbuilt_parts);
  g_ptr_array_unref (self->review_items);

  G_OBJECT_CLASS (gs_answer_page_parent_class)->finalize (object);
}

static void
gs_answer_page_class_init (GsAnswerPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gs_answer_page_dispose;
  object_class->finalize = gs_answer_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/gs-answer-page.ui");
  gtk_widget_class_bind_template_child (widget_class, GsAnswerPage, respondent_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GsAnswerPage, add_respondent_button);
  gtk_widget_class_bind_template_child (widget_class, GsAnswerPage, remove_respondent_button);
  gtk_widget_class_bind_template_child (widget_class, GsAnswerPage, change_respondent_button);
  gtk_widget_class_bind_template_child (widget_class, GsAnswerPage, progress_label);
  gtk_widget_class_bind_template_child (widget_class, GsAnswerPage, pages);
  gtk_widget_class_bind_template_child (widget_class, GsAnswerPage, previous_button);
  gtk_widget_class_bind_template_child (widget_class, GsAnswerPage, page_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GsAnswerPage, next_button);
  /* While answering, Alt+arrows move between parts (not back to the results). */
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Right, GDK_ALT_MASK, move_part_cb, "i", 1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Left, GDK_ALT_MASK, move_part_cb, "i", -1);
}

static void
gs_answer_page_init (GsAnswerPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->settings = g_settings_new ("org.groundswell.Groundswell");
  self->respondents = g_ptr_array_new_with_free_func (g_free);
  self->item_widgets = g_hash_table_new (g_str_hash, g_str_equal);
  self->page_items = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  self->unbuilt_parts = g_ptr_array_new ();
  self->review_items = g_ptr_array_new ();

  gs_drop_down_use_ellipsized_items (self->respondent_dropdown);
  gs_drop_down_use_ellipsized_items (self->page_dropdown);
  gs_accessible_name_drop_down (self->respondent_dropdown, _("Answering as"));
  gs_accessible_name_drop_down (self->page_dropdown, _("Part"));
  g_signal_connect_swapped (self->respondent_dropdown, "notify::selected", G_CALLBACK (respondent_selected_cb), self);
  g_signal_connect_swapped (self->page_dropdown, "notify::selected", G_CALLBACK (page_selected_cb), self);
  g_signal_connect_swapped (self->previous_button, "clicked", G_CALLBACK (previous_clicked_cb), self);
  g_signal_connect_swapped (self->next_button, "clicked", G_CALLBACK (next_clicked_cb), self);
  g_signal_connect_swapped (self->add_respondent_button, "clicked", G_CALLBACK (add_respondent_clicked_cb), self);
  g_signal_connect_swapped (self->change_respondent_button, "clicked", G_CALLBACK (change_respondent_clicked_cb), self);
}

GtkWidget *
gs_answer_page_new (void)
{
  return g_object_new (GS_TYPE_ANSWER_PAGE, NULL);
}

/* Forgets the assessment and removes its pages. */
void
gs_answer_page_clear (GsAnswerPage *self)
{
  GtkWidget *child;

  g_return_if_fail (GS_IS_ANSWER_PAGE (self));

  while (self->pages != NULL && (child = gtk_widget_get_first_child (GTK_WIDGET (self->pages))) != NULL)
    gtk_stack_remove (self->pages, child);
  if (self->item_widgets != NULL)
    g_hash_table_remove_all (self->item_widgets);
  if (self->page_items != NULL)
    g_ptr_array_set_size (self->page_items, 0);
  if (self->unbuilt_parts != NULL)
    g_ptr_array_set_size (self->unbuilt_parts, 0);
  if (self->review_items != NULL)
    g_ptr_array_set_size (self->review_items, 0);
  self->review_list = NULL;
  self->review_summary = NULL;
  self->first_unanswered_button = NULL;
  g_clear_pointer (&self->current_item, g_free);
  g_clear_object (&self->assessment);
  g_clear_object (&self->store);
  g_clear_object (&self->instrument);
}

/**
 * gs_answer_page_set_assessment:
 *
 * Shows the assessment's questions, returning to the respondent, page and item where
 * answering last stopped.
 */
gboolean
gs_answer_page_set_assessment (GsAnswerPage *self,
                               GsStore      *store,
                               GsInstrument *instrument,
                               gint64        assessment_id,
                               GError      **error)
{
  g_autoptr(GVariant) resume = NULL;
  g_autofree char *position = NULL;
  g_auto(GStrv) parts = NULL;
  g_autoptr(GsInstrument) own = NULL;
  GsAssessment *assessment;

  g_return_val_if_fail (GS_IS_ANSWER_PAGE (self), FALSE);

  assessment = gs_store_load_assessment (store, assessment_id, error);
  if (assessment == NULL)
    return FALSE;
  /* An assessment is answered to the end with the version of the questions it began with. */
  if ((instrument = own = gs_instrument_for_assessment (instrument, assessment, error)) == NULL)
    return (g_object_unref (assessment), FALSE);
  gs_answer_page_clear (self);
  self->store = g_object_ref (store);
  self->instrument = g_object_ref (instrument);
  self->assessment = assessment;
  build_pages (self);
  gs_accessible_name_controls (GTK_WIDGET (self));

  resume = g_settings_get_value (self->settings, "resume");
  if (g_variant_lookup (resume, gs_assessment_get_uuid (assessment), "s", &position))
    parts = g_strsplit (position, "\t", 3);
  /* Known before the respondent and part are chosen, which remember the position again. */
  if (parts != NULL && parts[1] != NULL && parts[2] != NULL && parts[2][0] != '\0')
    self->current_item = g_strdup (parts[2]);
  reload_respondents (self, parts != NULL ? parts[0] : NULL);
  gs_answer_page_set_page (self, parts != NULL && parts[1] != NULL ? (guint) g_ascii_strtoull (parts[1], NULL, 10) : 0);
  if (self->current_item != NULL)
    {
      /* On the part shown (built by now); a question of another part is not focused. */
      GsAnswerItem *widget = g_hash_table_lookup (self->item_widgets, self->current_item);

      if (widget != NULL)
        gs_answer_item_focus_choice (widget);
    }
  return TRUE;
}

/**
 * gs_answer_page_add_respondent:
 *
 * Adds a respondent to the assessment (saved at once) and answers as them.
 */
gboolean
gs_answer_page_add_respondent (GsAnswerPage *self,
                               const char   *name,
                               const char   *group,
                               GError      **error)
{
  g_autofree char *uuid = NULL;

  g_return_val_if_fail (GS_IS_ANSWER_PAGE (self), FALSE);
  g_return_val_if_fail (self->assessment != NULL, FALSE);

  uuid = gs_store_add_respondent (self->store, gs_store_find_assessment (self->store, gs_assessment_get_uuid (self->assessment)),
                                  name, group, error);
  if (uuid == NULL)
    return FALSE;
  gs_assessment_add_respondent (self->assessment, uuid, name, group);
  reload_respondents (self, uuid);
  return TRUE;
}

/**
 * gs_answer_page_change_respondent:
 *
 * Renames the respondent answering or moves them to another group (saved at once).
 */
gboolean
gs_answer_page_change_respondent (GsAnswerPage *self,
                                  const char   *name,
                                  const char   *group,
                                  GError      **error)
{
  GsRespondent *respondent;

  g_return_val_if_fail (GS_IS_ANSWER_PAGE (self), FALSE);
  respondent = gs_answer_page_current_respondent (self);
  g_return_val_if_fail (respondent != NULL, FALSE);

  if (!gs_store_update_respondent (self->store, respondent->uuid, name, group, error))
    return FALSE;
  g_free (respondent->name);
  respondent->name = g_strdup (name);
  g_free (respondent->group);
  respondent->group = g_strdup (group != NULL ? group : "");
  reload_respondents (self, respondent->uuid);
  return TRUE;
}

/* Returns: (nullable): the uuid of the respondent answering, or %NULL when there is none */
const char *
gs_answer_page_get_respondent (GsAnswerPage *self)
{
  guint selected;

  g_return_val_if_fail (GS_IS_ANSWER_PAGE (self), NULL);
  selected = gtk_drop_down_get_selected (self->respondent_dropdown);
  return selected < self->respondents->len ? g_ptr_array_index (self->respondents, selected) : NULL;
}

void
gs_answer_page_select_respondent (GsAnswerPage *self,
                                  const char   *uuid)
{
  g_return_if_fail (GS_IS_ANSWER_PAGE (self));

  for (guint r = 0; r < self->respondents->len; r++)
    if (g_str_equal (g_ptr_array_index (self->respondents, r), uuid))
      gtk_drop_down_set_selected (self->respondent_dropdown, r);
}

guint
gs_answer_page_get_page (GsAnswerPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->page_dropdown);

  return selected == GTK_INVALID_LIST_POSITION ? 0 : selected;
}

/* The item pages and the review page. */
guint
gs_answer_page_get_n_pages (GsAnswerPage *self)
{
  return self->page_items->len + 1;
}

void
gs_answer_page_set_page (GsAnswerPage *self,
                         guint         page)
{
  g_return_if_fail (GS_IS_ANSWER_PAGE (self));

  page = MIN (page, gs_answer_page_get_n_pages (self) - 1);
  if (gtk_drop_down_get_selected (self->page_dropdown) == page)
    page_selected_cb (self);
  else
    gtk_drop_down_set_selected (self->page_dropdown, page);
}

/* Returns: (nullable): the item last answered, or the one answering returned to */
const char *
gs_answer_page_get_current_item (GsAnswerPage *self)
{
  g_return_val_if_fail (GS_IS_ANSWER_PAGE (self), NULL);
  return self->current_item;
}

/* Returns: (transfer none) (nullable): the toggle for @choice of @item_id, if it is offered */
GtkToggleButton *
gs_answer_page_get_choice (GsAnswerPage *self,
                           const char   *item_id,
                           guint         choice)
{
  GsAnswerItem *widget = item_widget (self, item_id);

  g_return_val_if_fail (choice < GS_N_CHOICES, NULL);
  return widget != NULL ? gs_answer_item_get_choice (widget, choice) : NULL;
}

GtkEditable *
gs_answer_page_get_note (GsAnswerPage *self,
                         const char   *item_id)
{
  GsAnswerItem *widget = item_widget (self, item_id);

  return widget != NULL ? gs_answer_item_get_note (widget) : NULL;
}

/* How many items the review page lists for the respondent answering. */
guint
gs_answer_page_count_unanswered (GsAnswerPage *self)
{
  guint n = 0;

  g_return_val_if_fail (GS_IS_ANSWER_PAGE (self), 0);

  gs_answer_page_refresh_review (self);
  for (GtkWidget *row = self->review_list != NULL ? gtk_widget_get_first_child (self->review_list) : NULL; row != NULL;
       row = gtk_widget_get_next_sibling (row))
    n++;
  return n;
}

/* The name (or code) of who is answering, or %NULL when no one is. */
const char *
gs_answer_page_get_respondent_name (GsAnswerPage *self)
{
  GsRespondent *respondent;

  g_return_val_if_fail (GS_IS_ANSWER_PAGE (self), NULL);
  respondent = gs_answer_page_current_respondent (self);
  return respondent != NULL ? respondent->name : NULL;
}
