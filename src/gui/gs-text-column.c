/* gs-text-column.c — paragraphs one above the other, laid out height-for-width only
 *
 * A vertical GtkBox asked how wide it must be for a given height shares the height out and
 * asks each wrapping label how wide it must be for its share, and GtkLabel answers that by
 * laying its text out again and again, halving the width each time. GTK 4.8 asks that
 * question of a page's rows as it is laid out; the Overview's paragraphs were laid out at
 * twenty widths each on every opening. Text is as wide as the page gives it, so this column
 * answers "how wide" without a height, and stacks its children at the width it is given.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gs-text-column"

#include "config.h"

#include "gs-text-column.h"

struct _GsTextColumn
{
  GtkWidget parent_instance;

  int       spacing;
};

G_DEFINE_FINAL_TYPE (GsTextColumn, gs_text_column, GTK_TYPE_WIDGET)

static GtkSizeRequestMode
gs_text_column_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
gs_text_column_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  GsTextColumn *self = GS_TEXT_COLUMN (widget);
  gboolean first = TRUE;

  *minimum = *natural = 0;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      int child_min, child_nat;

      if (!gtk_widget_should_layout (child))
        continue;
      if (orientation == GTK_ORIENTATION_HORIZONTAL)
        {
          gtk_widget_measure (child, orientation, -1, &child_min, &child_nat, NULL, NULL);  /* whatever the height */
          *minimum = MAX (*minimum, child_min);
          *natural = MAX (*natural, child_nat);
          continue;
        }
      gtk_widget_measure (child, orientation, for_size, &child_min, &child_nat, NULL, NULL);
      *minimum += child_min + (first ? 0 : self->spacing);
      *natural += child_nat + (first ? 0 : self->spacing);
      first = FALSE;
    }
}

static void
gs_text_column_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  GsTextColumn *self = GS_TEXT_COLUMN (widget);
  int y = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      int child_height;

      if (!gtk_widget_should_layout (child))
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, width, &child_height, NULL, NULL, NULL);
      gtk_widget_size_allocate (child, &(GtkAllocation) { 0, y, width, child_height }, -1);
      y += child_height + self->spacing;
    }
}

static void
gs_text_column_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (gs_text_column_parent_class)->dispose (object);
}

static void
gs_text_column_class_init (GsTextColumnClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gs_text_column_dispose;
  widget_class->get_request_mode = gs_text_column_get_request_mode;
  widget_class->measure = gs_text_column_measure;
  widget_class->size_allocate = gs_text_column_size_allocate;
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
gs_text_column_init (GsTextColumn *self)
{
}

/**
 * gs_text_column_new:
 * @spacing: pixels between two children
 */
GtkWidget *
gs_text_column_new (int spacing)
{
  GsTextColumn *self = g_object_new (GS_TYPE_TEXT_COLUMN, NULL);

  self->spacing = spacing;
  return GTK_WIDGET (self);
}

/* Adds @child below the others. */
void
gs_text_column_append (GsTextColumn *self,
                       GtkWidget    *child)
{
  g_return_if_fail (GS_IS_TEXT_COLUMN (self));
  gtk_widget_insert_before (child, GTK_WIDGET (self), NULL);
}
