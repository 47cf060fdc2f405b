/* gs-date-field.c — date fields that take a day as the user writes it
 *
 * A date is stored as year-month-day ("2026-10-15") everywhere: in SQLite and in exchange
 * files. Only the field is the user's: it accepts that form, the locale's own order ("15/10/2026"
 * in Britain, "10/15/2026" in the United States, as GLib's g_date_set_parse() reads %x) or a day
 * picked on a calendar, and its title says which day it understood, so "03/04/2026" is never
 * silently the wrong month.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "core/gs-assessment.h"
#include "gui/gs-dialogs.h"
#include "gui/gs-date-field.h"

/**
 * gs_date_from_text:
 * @text: a day as a person writes it
 *
 * Returns: (transfer full) (nullable): the day as year-month-day, or %NULL when @text is not
 *   one real day with a four-digit year
 */
char *
gs_date_from_text (const char *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  GDate date;

  if (gs_date_is_valid (stripped))
    return g_steal_pointer (&stripped);
  g_date_clear (&date, 1);
  g_date_set_parse (&date, stripped);
  /* GLib fills a missing year with a guess ("Oct 15" becomes year 15): a record of events
   * needs the year said. */
  if (!g_date_valid (&date) || g_date_get_year (&date) < 1000)
    return NULL;
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date));
}

/**
 * gs_date_field_get_date:
 *
 * Returns: (transfer none) (nullable): the day @field holds, as year-month-day; valid until
 *   the field's text next changes
 */
const char *
gs_date_field_get_date (GtkEditable *field)
{
  char *date = gs_date_from_text (gtk_editable_get_text (field));

  g_object_set_data_full (G_OBJECT (field), "gs-date", date, g_free);
  return date;
}

/* The field's title says which day was understood: "Date — 15 October 2026". */
static void
date_text_changed_cb (GtkEditable *field,
                      const char  *title)
{
  const char *date = gs_date_field_get_date (field);
  g_autofree char *shown = date != NULL ? gs_format_date (date) : NULL;
  g_autofree char *full = NULL;

  if (shown != NULL)
    /* Translators: a date field's title, then the day it understood */
    full = g_strdup_printf (_("%s — %s"), title, shown);
  gtk_label_set_text (gs_form_field_get_label (field), full != NULL ? full : title);
}

static void
calendar_day_selected_cb (GtkCalendar *calendar,
                          GtkEditable *field)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (calendar);
  g_autofree char *iso = g_date_time_format (day, "%Y-%m-%d");

  gtk_editable_set_text (field, iso);
  gtk_popover_popdown (GTK_POPOVER (gtk_widget_get_ancestor (GTK_WIDGET (calendar), GTK_TYPE_POPOVER)));
}

/* Opening the calendar shows the field's day, or today. */
static void
calendar_shown_cb (GtkPopover  *popover,
                   GtkEditable *field)
{
  GtkCalendar *calendar = GTK_CALENDAR (gtk_popover_get_child (popover));
  const char *date = gs_date_field_get_date (field);
  g_autoptr(GDateTime) day = NULL;
  int year, month, day_of_month;

  if (date != NULL && sscanf (date, "%d-%d-%d", &year, &month, &day_of_month) == 3)
    day = g_date_time_new_local (year, month, day_of_month, 12, 0, 0);
  if (day == NULL)
    day = g_date_time_new_now_local ();
  g_signal_handlers_block_by_func (calendar, calendar_day_selected_cb, field);
  gtk_calendar_select_day (calendar, day);
  g_signal_handlers_unblock_by_func (calendar, calendar_day_selected_cb, field);
}

/**
 * gs_date_field_attach:
 * @field: a form's field (gs_form_dialog_new) whose text is a day
 *
 * Adds a calendar button to @field and makes its title say which day the text means.
 */
void
gs_date_field_attach (GtkEditable *field)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *calendar = gtk_calendar_new ();
  char *title = g_strdup (gtk_label_get_text (gs_form_field_get_label (field)));

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "x-office-calendar-symbolic");
  gtk_widget_set_tooltip_text (button, _("Choose on a Calendar"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Choose on a Calendar"), -1);
  gtk_widget_add_css_class (button, "flat");
  gtk_popover_set_child (GTK_POPOVER (popover), calendar);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  gs_form_field_add_suffix (field, button);

  g_object_set_data_full (G_OBJECT (field), "gs-date-title", title, g_free);
  g_signal_connect (field, "changed", G_CALLBACK (date_text_changed_cb), title);
  g_signal_connect (popover, "show", G_CALLBACK (calendar_shown_cb), field);
  g_signal_connect (calendar, "day-selected", G_CALLBACK (calendar_day_selected_cb), field);
}

/**
 * gs_date_field_problem:
 *
 * Returns: (transfer none): what a form says while its date field holds no day it can read,
 *   with an example in this computer's own way of writing dates
 */
const char *
gs_date_field_problem (void)
{
  static gsize problem;

  if (g_once_init_enter (&problem))
    {
      g_autoptr(GDate) example = g_date_new_dmy (7, G_DATE_MARCH, 2026);
      char local[64] = "";

      if (g_date_strftime (local, sizeof local, "%x", example) == 0)
        g_strlcpy (local, "7/3/2026", sizeof local);
      g_once_init_leave (&problem, (gsize) g_strdup_printf (_("The date is one real day with its year, written as "
                                                    "2026-03-07 or as this computer writes dates (%s), or "
                                                    "chosen on the calendar."), local));
    }
  return (const char *) problem;
}
