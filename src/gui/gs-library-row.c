/* gs-library-row.c — one line of the library: an organisation's heading or an assessment
 *
 * The list view recycles rows as the user scrolls, so a row is set to an entry, not built
 * for one. An assessment's line reads "Six-month follow-up … 15 March 2026" above "3
 * respondents · 40 % answered"; its menu button asks the library for its one shared menu
 * (the "menu-requested" signal), so no row holds a popover of its own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gs-library"

#include "config.h"

#include <glib/gi18n.h>

#include "gs-dialogs.h"
#include "core/gs-assessment.h"
#include "gs-library-row.h"

struct _GsLibraryRow
{
  GtkWidget       parent_instance;

  GsLibraryEntry *entry;

  /* Template widgets */
  GtkWidget      *box;
  GtkLabel       *heading_label;
  GtkWidget      *assessment_box;
  GtkLabel       *title_label;
  GtkLabel       *date_label;
  GtkLabel       *subtitle_label;
  GtkWidget      *menu_button;
};

G_DEFINE_FINAL_TYPE (GsLibraryRow, gs_library_row, GTK_TYPE_WIDGET)

enum {
  SIGNAL_MENU_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* "3 respondents · 40 % answered" */
static char *
describe_assessment (GsAssessmentSummary *summary)
{
  guint n_respondents = gs_assessment_summary_get_n_respondents (summary);
  double answered = gs_assessment_summary_get_share_answered (summary);
  g_autofree char *respondents = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u respondent", "%u respondents",
                                                               n_respondents), n_respondents);

  /* Translators: respondents · share of answers given; the date is beside the title */
  return g_strdup_printf (_("%s · %.0f\u202f%% answered"), respondents, answered);
}

static void
set_css_class (GtkWidget  *widget,
               const char *name,
               gboolean    set)
{
  if (set)
    gtk_widget_add_css_class (widget, name);
  else
    gtk_widget_remove_css_class (widget, name);
}

/* A title or an organisation's name cut short by the row's width reads whole in its tooltip.
 * The tooltip is asked for when the pointer rests on the label, not set as each row is
 * bound: in GTK 4.8 setting a tooltip asks the X server where the pointer is, a round trip
 * for every row made or reused while the list scrolls. */
static gboolean
query_cut_text_cb (GtkLabel   *label,
                   int         x,
                   int         y,
                   gboolean    keyboard,
                   GtkTooltip *tooltip,
                   gpointer    user_data)
{
  if (!pango_layout_is_ellipsized (gtk_label_get_layout (label)))
    return FALSE;
  gtk_tooltip_set_text (tooltip, gtk_label_get_text (label));
  return TRUE;
}

static void
menu_clicked_cb (GsLibraryRow *self)
{
  g_signal_emit (self, signals[SIGNAL_MENU_REQUESTED], 0);
}

static void
gs_library_row_dispose (GObject *object)
{
  GsLibraryRow *self = GS_LIBRARY_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), GS_TYPE_LIBRARY_ROW);
  g_clear_object (&self->entry);

  G_OBJECT_CLASS (gs_library_row_parent_class)->dispose (object);
}

static void
gs_library_row_class_init (GsLibraryRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gs_library_row_dispose;

  /**
   * GsLibraryRow::menu-requested:
   *
   * The user asked for the assessment's menu (its button, or the menu key on the row).
   */
  signals[SIGNAL_MENU_REQUESTED] =
    g_signal_new ("menu-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/gs-library-row.ui");
  gtk_widget_class_bind_template_child (widget_class, GsLibraryRow, box);
  gtk_widget_class_bind_template_child (widget_class, GsLibraryRow, heading_label);
  gtk_widget_class_bind_template_child (widget_class, GsLibraryRow, assessment_box);
  gtk_widget_class_bind_template_child (widget_class, GsLibraryRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, GsLibraryRow, date_label);
  gtk_widget_class_bind_template_child (widget_class, GsLibraryRow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, GsLibraryRow, menu_button);
  gtk_widget_class_bind_template_callback (widget_class, menu_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, query_cut_text_cb);
}

static void
gs_library_row_init (GsLibraryRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
gs_library_row_new (void)
{
  return g_object_new (GS_TYPE_LIBRARY_ROW, NULL);
}

/* The list's own row, which takes the focus, says what the row shows, organisation included:
 * two rows may both be called "Baseline". */
static void
name_list_item (GsLibraryRow        *self,
                GsAssessmentSummary *summary,
                gboolean             heading)
{
  GtkWidget *item = gtk_widget_get_parent (GTK_WIDGET (self));
  g_autofree char *name = NULL;

  if (heading)
    name = g_strdup (gs_assessment_summary_get_organisation_name (summary));
  else
    /* Translators: a row of the library as a screen reader reads it: title, organisation, date, counts */
    name = g_strdup_printf (_("%s, %s, %s, %s"), gtk_label_get_text (self->title_label),
                            gs_assessment_summary_get_organisation_name (summary), gtk_label_get_text (self->date_label),
                            gtk_label_get_text (self->subtitle_label));
  if (item != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (item), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

/**
 * gs_library_row_set_entry:
 * @entry: (nullable): what to show; %NULL while the row waits to be reused
 */
void
gs_library_row_set_entry (GsLibraryRow   *self,
                          GsLibraryEntry *entry)
{
  GsAssessmentSummary *summary;
  gboolean heading;

  g_return_if_fail (GS_IS_LIBRARY_ROW (self));

  if (!g_set_object (&self->entry, entry) || entry == NULL)
    return;
  summary = gs_library_entry_get_summary (entry);
  heading = gs_library_entry_is_heading (entry);
  gtk_widget_set_visible (GTK_WIDGET (self->heading_label), heading);
  gtk_widget_set_visible (self->assessment_box, !heading);
  if (heading)
    gtk_label_set_text (self->heading_label, gs_assessment_summary_get_organisation_name (summary));
  else
    {
      g_autofree char *subtitle = describe_assessment (summary);
      g_autofree char *date = gs_format_date (gs_assessment_summary_get_date (summary));
      g_autofree char *menu_label = g_strdup_printf (_("Actions for “%s”"), gs_assessment_summary_get_title (summary));

      /* One line each, so a long list lays out fast; the tooltip has what is cut. */
      gtk_label_set_text (self->title_label, gs_assessment_summary_get_title (summary));
      gtk_label_set_text (self->date_label, date);
      gtk_label_set_text (self->subtitle_label, subtitle);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button), GTK_ACCESSIBLE_PROPERTY_LABEL, menu_label, -1);
    }
  name_list_item (self, summary, heading);
  set_css_class (self->assessment_box, "group-start", gs_library_entry_is_group_start (entry));
  set_css_class (self->assessment_box, "group-end", gs_library_entry_is_group_end (entry));
}

/* Returns: (transfer none) (nullable): the entry shown */
GsLibraryEntry *
gs_library_row_get_entry (GsLibraryRow *self)
{
  g_return_val_if_fail (GS_IS_LIBRARY_ROW (self), NULL);
  return self->entry;
}

/* Returns: (transfer none): the button the shared menu points at */
GtkWidget *
gs_library_row_get_menu_button (GsLibraryRow *self)
{
  g_return_val_if_fail (GS_IS_LIBRARY_ROW (self), NULL);
  return self->menu_button;
}

/* Returns: the text shown: the organisation's name for a heading, else the title */
const char *
gs_library_row_get_title (GsLibraryRow *self)
{
  g_return_val_if_fail (GS_IS_LIBRARY_ROW (self), NULL);
  return gtk_label_get_text (gtk_widget_get_visible (GTK_WIDGET (self->heading_label)) ? self->heading_label
                                                                                       : self->title_label);
}
