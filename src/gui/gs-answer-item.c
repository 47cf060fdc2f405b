/* gs-answer-item.c — one question being answered: statement, hint, scale, evidence note
 *
 * The statement, its hint one click away, the five points of its scale as large labelled
 * toggle buttons (plus "don't know" and "not applicable" where the scale offers them) and
 * an evidence note. The widget only shows and asks: "answered" says a choice was made,
 * "note-changed" that the note was left or Enter pressed; the answer page saves both.
 *
 * The keyboard: the choices are one Tab stop (only the chosen one, or the first, takes
 * focus; the arrows move among them); 1–5, D and N answer at once and emit "advance", so
 * that the page moves on to the next question; E goes to the evidence note. Pressing 4
 * eighty-eight times answers the whole questionnaire. A click on a choice moves on too, so
 * the next question comes into view: 88 clicks, and no scrolling, answer it with the mouse.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gs-answer-item"

#include "config.h"

#include <glib/gi18n.h>

#include "gs-answer-item.h"

/* Room at the statement's end for the hint's button (a flat icon button, 34 px, and a gap),
 * which lies over it (see gs-answer-item.ui). */
#define HINT_ROOM 40

struct _GsAnswerItem
{
  GtkWidget        parent_instance;

  const GsItem    *item;       /* the instrument's, which outlives the page */
  GtkToggleButton *choices[GS_N_CHOICES];
  gboolean         showing;    /* filling in a stored answer: not the user's choice */

  /* Template widgets */
  GtkWidget       *box;
  GtkLabel        *statement;
  GtkWidget       *hint_button;
  GtkLabel        *hint;
  GtkWidget       *choices_group;
  GtkFlowBox      *points;
  GtkBox          *others;
  GtkEntry        *note;
};

G_DEFINE_FINAL_TYPE (GsAnswerItem, gs_answer_item, GTK_TYPE_WIDGET)

enum {
  SIGNAL_ANSWERED,
  SIGNAL_NOTE_CHANGED,
  SIGNAL_ADVANCE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Only @current of the choices takes focus by Tab: the scale is one stop, as a radio group. */
static void
set_tab_stop (GsAnswerItem *self,
              int           current)
{
  for (int c = 0; c < GS_N_CHOICES; c++)
    if (self->choices[c] != NULL)
      gtk_widget_set_focusable (GTK_WIDGET (self->choices[c]), c == current);
}

/* The chosen answer, or the first choice when there is none. */
static int
current_choice (GsAnswerItem *self)
{
  for (int c = 0; c < GS_N_CHOICES; c++)
    if (self->choices[c] != NULL && gtk_toggle_button_get_active (self->choices[c]))
      return c;
  return 0;
}

static int
focused_choice (GsAnswerItem *self)
{
  for (int c = 0; c < GS_N_CHOICES; c++)
    if (self->choices[c] != NULL && gtk_widget_has_focus (GTK_WIDGET (self->choices[c])))
      return c;
  return -1;
}

/* The arrows: the next (@step 1) or previous (−1) choice the scale offers takes the focus. */
static gboolean
move_focus (GsAnswerItem *self,
            int           step)
{
  int from = focused_choice (self);

  for (int c = from + step; from >= 0 && c >= 0 && c < GS_N_CHOICES; c += step)
    if (self->choices[c] != NULL && gtk_widget_get_sensitive (GTK_WIDGET (self->choices[c])))
      {
        set_tab_stop (self, c);
        return gtk_widget_grab_focus (GTK_WIDGET (self->choices[c]));
      }
  return from >= 0;  /* at either end: the focus stays, the key is used */
}

/* 1–5, D, N: that answer, then on to the next question. */
static gboolean
answer_by_key (GsAnswerItem *self,
               int           choice)
{
  GtkToggleButton *button = self->choices[choice];

  if (button == NULL || !gtk_widget_get_sensitive (GTK_WIDGET (button)))
    return FALSE;
  if (gtk_toggle_button_get_active (button))
    g_signal_emit (self, signals[SIGNAL_ADVANCE], 0);  /* the same answer again: just move on */
  else
    gtk_toggle_button_set_active (button, TRUE);  /* "answered", then "advance" */
  return TRUE;
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GsAnswerItem          *self)
{
  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK)) != 0 || focused_choice (self) < 0)
    return FALSE;
  if (keyval >= GDK_KEY_1 && keyval <= GDK_KEY_5)
    return answer_by_key (self, (int) (keyval - GDK_KEY_1));
  if (keyval >= GDK_KEY_KP_1 && keyval <= GDK_KEY_KP_5)
    return answer_by_key (self, (int) (keyval - GDK_KEY_KP_1));
  switch (gdk_keyval_to_lower (keyval))
    {
    case GDK_KEY_d:
      return answer_by_key (self, GS_CHOICE_DONT_KNOW);
    case GDK_KEY_n:
      return answer_by_key (self, GS_CHOICE_NOT_APPLICABLE);
    case GDK_KEY_e:
      return gtk_widget_get_sensitive (GTK_WIDGET (self->note)) && gtk_widget_grab_focus (GTK_WIDGET (self->note));
    case GDK_KEY_Left:
    case GDK_KEY_Up:
      return move_focus (self, -1);
    case GDK_KEY_Right:
    case GDK_KEY_Down:
      return move_focus (self, 1);
    default:
      return FALSE;
    }
}

static void
choice_toggled_cb (GtkToggleButton *button,
                   GsAnswerItem    *self)
{
  int choice = -1;

  for (int c = 0; c < GS_N_CHOICES; c++)
    if (self->choices[c] == button)
      choice = c;
  if (!gtk_toggle_button_get_active (button) || choice < 0)
    return;
  set_tab_stop (self, choice);
  if (self->showing)
    return;
  /* The focus follows a click first, so that a save that fails leaves it on this question. */
  gtk_widget_grab_focus (GTK_WIDGET (button));
  if (choice == GS_CHOICE_DONT_KNOW)
    g_signal_emit (self, signals[SIGNAL_ANSWERED], 0, GS_ANSWER_DONT_KNOW, 0);
  else if (choice == GS_CHOICE_NOT_APPLICABLE)
    g_signal_emit (self, signals[SIGNAL_ANSWERED], 0, GS_ANSWER_NOT_APPLICABLE, 0);
  else
    g_signal_emit (self, signals[SIGNAL_ANSWERED], 0, GS_ANSWER_VALUE, choice + 1);
  if (gtk_toggle_button_get_active (button))  /* not undone by a failed save */
    g_signal_emit (self, signals[SIGNAL_ADVANCE], 0);
}

static void
note_activate_cb (GsAnswerItem *self)
{
  if (!self->showing)
    g_signal_emit (self, signals[SIGNAL_NOTE_CHANGED], 0);
}

static void
note_focus_leave_cb (GsAnswerItem *self)
{
  note_activate_cb (self);
}

/* GTK 4.8 reads a description from the property, not from the relation: both are set. */
static void
describe_by_statement (GsAnswerItem *self,
                       GtkWidget    *widget)
{
  gtk_accessible_update_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->statement, NULL, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->item->statement, -1);
}

static void
choice_checked_cb (GtkToggleButton *button)
{
  gtk_accessible_update_state (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_STATE_CHECKED,
                               gtk_toggle_button_get_active (button) ? GTK_ACCESSIBLE_TRISTATE_TRUE
                                                                     : GTK_ACCESSIBLE_TRISTATE_FALSE, -1);
}

static void
add_choice (GsAnswerItem *self,
            int           c)
{
  const GsScale *scale = self->item->scale;
  const char *label = c < GS_SCALE_POINTS ? scale->labels[c] : c == GS_CHOICE_DONT_KNOW ? _("Don't know") : _("Not applicable");
  /* "1 Strongly disagree": the number to find it by, the words for what it means. */
  g_autofree char *numbered = c < GS_SCALE_POINTS ? g_strdup_printf ("%d\n%s", c + 1, label) : g_strdup (label);
  g_autofree char *spoken = c < GS_SCALE_POINTS ? g_strdup_printf ("%d %s", c + 1, label) : g_strdup (label);
  /* A screen reader hears a radio button, "4 Agree", checked or not, in the question's group. */
  GtkWidget *button = g_object_new (GTK_TYPE_TOGGLE_BUTTON, "label", numbered, "accessible-role", GTK_ACCESSIBLE_ROLE_RADIO,
                                    NULL);
  GtkLabel *text = GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button)));

  /* The points' labels wrap inside their equal boxes; "Don't know" keeps to one line. */
  gtk_label_set_wrap (text, c < GS_SCALE_POINTS);
  gtk_label_set_justify (text, GTK_JUSTIFY_CENTER);
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_STATE_CHECKED, GTK_ACCESSIBLE_TRISTATE_FALSE, -1);
  g_signal_connect (button, "notify::active", G_CALLBACK (choice_checked_cb), NULL);
  if (c >= GS_SCALE_POINTS)
    describe_by_statement (self, button);
  for (int other = 0; other < c; other++)
    if (self->choices[other] != NULL)
      {
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), self->choices[other]);
        break;
      }
  g_signal_connect (button, "toggled", G_CALLBACK (choice_toggled_cb), self);
  self->choices[c] = GTK_TOGGLE_BUTTON (button);
  if (c < GS_SCALE_POINTS)
    {
      gtk_flow_box_append (self->points, button);
      /* Focus goes to the button, not to the flow box's wrapper around it. */
      gtk_widget_set_focusable (gtk_widget_get_parent (button), FALSE);
    }
  else
    {
      gtk_widget_add_css_class (button, "flat");
      gtk_box_append (self->others, button);
    }
}

static void
gs_answer_item_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), GS_TYPE_ANSWER_ITEM);

  G_OBJECT_CLASS (gs_answer_item_parent_class)->dispose (object);
}

static void
gs_answer_item_class_init (GsAnswerItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gs_answer_item_dispose;

  /**
   * GsAnswerItem::answered:
   * @status: a #GsAnswerStatus
   * @value: 1–5 for %GS_ANSWER_VALUE, else 0
   *
   * The user chose an answer.
   */
  signals[SIGNAL_ANSWERED] =
    g_signal_new ("answered", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_INT);
  /**
   * GsAnswerItem::note-changed:
   *
   * The user left the evidence note, or pressed Enter in it.
   */
  signals[SIGNAL_NOTE_CHANGED] =
    g_signal_new ("note-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
  /**
   * GsAnswerItem::advance:
   *
   * The user answered, by key or click: the page moves the focus to the next question.
   */
  signals[SIGNAL_ADVANCE] =
    g_signal_new ("advance", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/gs-answer-item.ui");
  gtk_widget_class_bind_template_child (widget_class, GsAnswerItem, box);
  gtk_widget_class_bind_template_child (widget_class, GsAnswerItem, statement);
  gtk_widget_class_bind_template_child (widget_class, GsAnswerItem, hint_button);
  gtk_widget_class_bind_template_child (widget_class, GsAnswerItem, hint);
  gtk_widget_class_bind_template_child_full (widget_class, "choices", FALSE,
                                             G_STRUCT_OFFSET (GsAnswerItem, choices_group));
  gtk_widget_class_bind_template_child (widget_class, GsAnswerItem, points);
  gtk_widget_class_bind_template_child (widget_class, GsAnswerItem, others);
  gtk_widget_class_bind_template_child (widget_class, GsAnswerItem, note);
  gtk_widget_class_bind_template_callback (widget_class, note_activate_cb);
}

static void
gs_answer_item_init (GsAnswerItem *self)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (note_focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->note), focus);
  /* Capture: before a focused toggle button takes the arrows for itself. */
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}

GtkWidget *
gs_answer_item_new (const GsItem *item)
{
  GsAnswerItem *self;

  g_return_val_if_fail (item != NULL, NULL);

  self = g_object_new (GS_TYPE_ANSWER_ITEM, NULL);
  self->item = item;
  gtk_label_set_text (self->statement, item->statement);
  /* The statement names the group of answers; the hint and the note are described by it. */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->choices_group), GTK_ACCESSIBLE_RELATION_LABELLED_BY, self->statement,
                                  NULL, -1);
  describe_by_statement (self, GTK_WIDGET (self->note));
  describe_by_statement (self, self->hint_button);
  if (item->hint != NULL)
    {
      gtk_label_set_text (self->hint, item->hint);
      gtk_widget_set_visible (self->hint_button, TRUE);
      gtk_widget_set_margin_end (GTK_WIDGET (self->statement), HINT_ROOM);
    }
  for (int c = 0; c < GS_N_CHOICES; c++)
    if (c < GS_SCALE_POINTS || (c == GS_CHOICE_DONT_KNOW && item->scale->allows_dont_know) ||
        (c == GS_CHOICE_NOT_APPLICABLE && item->scale->allows_not_applicable))
      add_choice (self, c);
  set_tab_stop (self, 0);
  return GTK_WIDGET (self);
}

const GsItem *
gs_answer_item_get_item (GsAnswerItem *self)
{
  g_return_val_if_fail (GS_IS_ANSWER_ITEM (self), NULL);
  return self->item;
}

/**
 * gs_answer_item_show_answer:
 * @answer: (nullable): the stored answer, or %NULL for none yet
 * @can_answer: whether someone is answering (the choices are off when no one is)
 *
 * Shows what is stored, without taking it for the user's choice.
 */
void
gs_answer_item_show_answer (GsAnswerItem   *self,
                            const GsAnswer *answer,
                            gboolean        can_answer)
{
  int active;

  g_return_if_fail (GS_IS_ANSWER_ITEM (self));

  active = answer == NULL ? -1 :
           answer->status == GS_ANSWER_VALUE ? answer->value - 1 :
           answer->status == GS_ANSWER_DONT_KNOW ? GS_CHOICE_DONT_KNOW : GS_CHOICE_NOT_APPLICABLE;
  self->showing = TRUE;
  for (int c = 0; c < GS_N_CHOICES; c++)
    if (self->choices[c] != NULL)
      {
        gtk_toggle_button_set_active (self->choices[c], c == active);
        gtk_widget_set_sensitive (GTK_WIDGET (self->choices[c]), can_answer);
      }
  if (active < 0)
    set_tab_stop (self, 0);
  gtk_editable_set_text (GTK_EDITABLE (self->note), answer != NULL ? answer->note : "");
  gtk_widget_set_sensitive (GTK_WIDGET (self->note), answer != NULL);
  self->showing = FALSE;
}

/* Returns: (transfer none) (nullable): the toggle for @choice, if the scale offers it */
GtkToggleButton *
gs_answer_item_get_choice (GsAnswerItem *self,
                           guint         choice)
{
  g_return_val_if_fail (GS_IS_ANSWER_ITEM (self), NULL);
  g_return_val_if_fail (choice < GS_N_CHOICES, NULL);
  return self->choices[choice];
}

/* Returns: (transfer none): the evidence note */
GtkEditable *
gs_answer_item_get_note (GsAnswerItem *self)
{
  g_return_val_if_fail (GS_IS_ANSWER_ITEM (self), NULL);
  return GTK_EDITABLE (self->note);
}

/* Moves the keyboard focus to the chosen answer, or the first choice. */
gboolean
gs_answer_item_focus_choice (GsAnswerItem *self)
{
  g_return_val_if_fail (GS_IS_ANSWER_ITEM (self), FALSE);

  int c = current_choice (self);

  set_tab_stop (self, c);
  return self->choices[c] != NULL && gtk_widget_grab_focus (GTK_WIDGET (self->choices[c]));
}
