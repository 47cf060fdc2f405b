/* gs-text-row.c — a boxed-list row of plain text that wraps: a title, a subtitle, suffixes
 *
 * Why not AdwActionRow: laying out a page of them with paragraph-long titles (the Overview's
 * twelve suggestions) took most of a second of the main thread on every opening, measured
 * by bench-window. What costs is a wrapping label inside a horizontal box (GTK 4.8 measures
 * it over and over to share the width out). So the texts are the row's own child, and
 * suffixes (a score, an icon) lie over its end in a GtkOverlay, which measures the texts
 * alone; the texts keep room for them with a margin. The texts are a GsTextColumn, not a
 * vertical box, for the same reason one level down (see gs-text-column.c).
 * The text is never markup: it is the paper's words and the users'.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gs-text-row"

#include "config.h"

#include "gs-text-column.h"
#include "gs-text-row.h"

struct _GsTextRow
{
  AdwPreferencesRow parent_instance;

  GtkWidget     *texts;
  GtkWidget     *suffixes;   /* over the end of the texts, once there is a suffix */
  GtkLabel      *title;
  GtkLabel      *subtitle;
};

/* Room for a score in large type and a warning icon beside it. */
#define SUFFIX_ROOM 96

G_DEFINE_FINAL_TYPE (GsTextRow, gs_text_row, ADW_TYPE_PREFERENCES_ROW)

/* Not fewer characters a line than this, however narrow the window: a wrapping label's
 * smallest width is otherwise found by laying its text out with a line for each word, which
 * for a paragraph cost more than the rest of its layout (bench-window: the Overview opened
 * about a tenth sooner with 20). Twenty fit beside a score in a 360-pixel window. */
#define WRAP_MIN_CHARS 20

/**
 * gs_wrapping_label_new:
 * @text: (nullable): plain text, never markup
 *
 * Returns: a label that wraps @text at words, starting at the start of the line, and is
 * quick to lay out
 */
GtkWidget *
gs_wrapping_label_new (const char *text)
{
  GtkWidget *label = gtk_label_new (text);  /* not markup: gtk_label_new() takes plain text */

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD);
  gtk_label_set_width_chars (GTK_LABEL (label), WRAP_MIN_CHARS);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  return label;
}

static void
gs_text_row_class_init (GsTextRowClass *klass)
{
}

static void
gs_text_row_init (GsTextRow *self)
{
  self->texts = gs_text_column_new (3);
  self->title = GTK_LABEL (gs_wrapping_label_new (NULL));
  self->subtitle = GTK_LABEL (gs_wrapping_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->subtitle), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->subtitle), "caption");
  gtk_widget_set_valign (self->texts, GTK_ALIGN_CENTER);
  gs_text_column_append (GS_TEXT_COLUMN (self->texts), GTK_WIDGET (self->title));
  gs_text_column_append (GS_TEXT_COLUMN (self->texts), GTK_WIDGET (self->subtitle));
  gtk_widget_add_css_class (self->texts, "text-row");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self), self->texts);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), FALSE);
}

/* A screen reader reads the row as one: "Organisational context: 64", then the subtitle as its
 * description; without this GTK 4.8 gives a list row no name at all. */
static void
update_accessible (GsTextRow *self)
{
  GString *name = g_string_new (gtk_label_get_text (self->title));

  for (GtkWidget *suffix = self->suffixes != NULL ? gtk_widget_get_first_child (self->suffixes) : NULL; suffix != NULL;
       suffix = gtk_widget_get_next_sibling (suffix))
    if (GTK_IS_LABEL (suffix))
      g_string_append_printf (name, ": %s", gtk_label_get_text (GTK_LABEL (suffix)));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, name->str,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, gtk_label_get_text (self->subtitle), -1);
  g_string_free (name, TRUE);
}

/**
 * gs_text_row_new:
 * @subtitle: (nullable): the smaller, dimmer line below
 */
GtkWidget *
gs_text_row_new (const char *title,
                 const char *subtitle)
{
  GsTextRow *self = g_object_new (GS_TYPE_TEXT_ROW, NULL);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  gtk_label_set_text (self->title, title);
  gtk_label_set_text (self->subtitle, subtitle != NULL ? subtitle : "");
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle), subtitle != NULL);
  update_accessible (self);
  return GTK_WIDGET (self);
}

const char *
gs_text_row_get_title (GsTextRow *self)
{
  g_return_val_if_fail (GS_IS_TEXT_ROW (self), NULL);
  return gtk_label_get_text (self->title);
}

/* Returns: (nullable): the subtitle, or %NULL when there is none */
const char *
gs_text_row_get_subtitle (GsTextRow *self)
{
  g_return_val_if_fail (GS_IS_TEXT_ROW (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->subtitle)) ? gtk_label_get_text (self->subtitle) : NULL;
}

/* Adds @widget at the end of the row, centred: a score, an icon. */
void
gs_text_row_add_suffix (GsTextRow *self,
                        GtkWidget *widget)
{
  g_return_if_fail (GS_IS_TEXT_ROW (self));

  if (self->suffixes == NULL)
    {
      GtkWidget *overlay = gtk_overlay_new ();

      self->suffixes = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      gtk_widget_set_halign (self->suffixes, GTK_ALIGN_END);
      gtk_widget_set_valign (self->suffixes, GTK_ALIGN_CENTER);
      gtk_widget_set_margin_end (self->suffixes, 12);
      g_object_ref (self->texts);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self), overlay);
      gtk_overlay_set_child (GTK_OVERLAY (overlay), self->texts);
      gtk_overlay_add_overlay (GTK_OVERLAY (overlay), self->suffixes);
      g_object_unref (self->texts);
      gtk_widget_set_margin_end (self->texts, SUFFIX_ROOM);
    }
  gtk_widget_set_valign (widget, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (self->suffixes), widget);
  update_accessible (self);
}
