/* test-timeline-editor.c — the timeline's events: add, edit, delete and undo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include <glib/gstdio.h>
#include <math.h>
#include <poppler.h>

#include "core/gs-demo.h"
#include "core/gs-exchange.h"
#include "gs-test-util.h"
#include "gui/gs-answer-page.h"
#include "gui/gs-chart-view.h"
#include "gui/gs-compare-page.h"
#include "gui/gs-dialogs.h"
#include "gui/gs-map-editor.h"
#include "gui/gs-overview-page.h"
#include "gui/gs-preferences-window.h"
#include "gui/gs-timeline-editor.h"
#include "store/gs-assessment-summary.h"

/* The stored event of the window's organisation with this title, or NULL. */
static GsTimelineEvent *
stored_event (GsWindow     *window,
              gint64        id,
              const char   *title,
              GsAssessment **holder)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *events;

  g_clear_object (holder);
  *holder = gs_store_load_assessment (gs_window_get_store (window), id, &error);
  g_assert_no_error (error);
  events = gs_assessment_get_events (*holder);
  for (guint i = 0; i < events->len; i++)
    if (g_str_equal (((GsTimelineEvent *) g_ptr_array_index (events, i))->title, title))
      return g_ptr_array_index (events, i);
  return NULL;
}

/* Add an event through the dialog, which refuses wrong dates and numbers with a message;
 * edit it; delete it and undo. The store agrees at each step. */
static void
test_timeline_events (GsTestFixture *fixture,
                      gconstpointer  user_data)
{
  GsWindow *window = gs_test_activate_and_show (fixture);
  AdwViewStack *charts = gs_window_get_tabs (GS_WINDOW (window));
  g_autoptr(GsAssessment) holder = NULL;
  g_autofree char *uuid = NULL;
  GsTimelineEditor *editor;
  AdwMessageDialog *dialog;
  GsTimelineEvent *event;
  guint n_events;
  gint64 id, event_id;

  id = gs_test_open_demo_tab (window, "timeline");
  editor = GS_TIMELINE_EDITOR (adw_view_stack_get_visible_child (charts));
  g_assert_null (stored_event (window, id, "Ward 7 joins", &holder));
  n_events = gs_assessment_get_events (holder)->len;

  gs_timeline_editor_add_event (editor);
  dialog = gs_test_find_dialog ("Add an Event");
  gs_test_set_field (dialog, "date", "2026-02-30");
  gs_test_set_field (dialog, "title", "Ward 7 joins");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "save"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "real day"));
  gs_test_set_field (dialog, "date", "2026-10-01");
  gs_test_set_field (dialog, "participation", "150");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "save"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "percentage from 0 to 100"));
  gs_test_set_field (dialog, "participation", "18.5 %");
  gs_test_set_field (dialog, "change-agents", "forty");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "save"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "whole number"));
  /* Enter while the form is wrong saves nothing. */
  adw_message_dialog_response (dialog, "save");
  gs_test_drain ();
  g_assert_null (stored_event (window, id, "Ward 7 joins", &holder));

  gs_timeline_editor_add_event (editor);
  dialog = gs_test_find_dialog ("Add an Event");
  gs_test_set_field (dialog, "date", "2026-10-01");
  gs_test_set_field (dialog, "title", "Ward 7 joins");
  gs_test_set_field (dialog, "participation", "18.5 %");
  gs_test_set_field (dialog, "change-agents", "40");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "save"));
  adw_message_dialog_response (dialog, "save");
  gs_test_drain ();
  event = stored_event (window, id, "Ward 7 joins", &holder);
  g_assert_nonnull (event);
  g_assert_cmpstr (event->date, ==, "2026-10-01");
  g_assert_cmpfloat (event->participation, ==, 18.5);
  g_assert_cmpint (event->change_agents, ==, 40);
  g_assert_cmpint (event->kind, ==, GS_EVENT_MILESTONE);
  g_assert_cmpuint (gs_assessment_get_events (holder)->len, ==, n_events + 1);
  uuid = g_strdup (event->uuid);
  g_assert_nonnull (gs_timeline_editor_get_row (editor, uuid));
  g_assert_nonnull (strstr (gs_chart_view_get_description (gs_timeline_editor_get_chart_view (editor)), "Ward 7 joins"));

  /* Edit: the dialog opens filled in; the change replaces the event. */
  gs_timeline_editor_edit_event (editor, uuid);
  dialog = gs_test_find_dialog ("Edit the Event");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (g_object_get_data (G_OBJECT (dialog), "participation"))), ==, "18.5");
  gs_test_set_field (dialog, "title", "Wards 7 and 8 join");
  adw_combo_row_set_selected (ADW_COMBO_ROW (g_object_get_data (G_OBJECT (dialog), "kind")), GS_EVENT_COALITION);
  adw_message_dialog_response (dialog, "save");
  gs_test_drain ();
  g_assert_null (stored_event (window, id, "Ward 7 joins", &holder));
  event = stored_event (window, id, "Wards 7 and 8 join", &holder);
  g_assert_nonnull (event);
  g_assert_cmpstr (event->uuid, ==, uuid);
  g_assert_cmpint (event->kind, ==, GS_EVENT_COALITION);
  g_assert_cmpuint (gs_assessment_get_events (holder)->len, ==, n_events + 1);

  /* Delete, as its row's bin button does; Undo in the toast brings it back. */
  event_id = gs_store_find_event (gs_window_get_store (window), uuid);
  g_assert_cmpint (event_id, >, 0);
  g_action_group_activate_action (G_ACTION_GROUP (window), "delete-event", g_variant_new_int64 (event_id));
  gs_test_drain ();
  g_assert_null (stored_event (window, id, "Wards 7 and 8 join", &holder));
  g_assert_null (gs_timeline_editor_get_row (editor, uuid));
  g_action_group_activate_action (G_ACTION_GROUP (window), "undo-delete-event", g_variant_new_int64 (event_id));
  gs_test_drain ();
  g_assert_nonnull (stored_event (window, id, "Wards 7 and 8 join", &holder));
  g_assert_nonnull (gs_timeline_editor_get_row (editor, uuid));
}

static gboolean
is_button_with_tooltip (GtkWidget     *widget,
                        gconstpointer  tooltip)
{
  return GTK_IS_MENU_BUTTON (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0;
}

/* A date field takes the day as a British user writes it, says which day it understood, and
 * offers a calendar; the store still holds year-month-day. */
static void
test_dates_as_written (GsTestFixture *fixture,
                       gconstpointer  user_data)
{
  GsWindow *window = gs_test_activate_and_show (fixture);
  AdwViewStack *charts = gs_window_get_tabs (GS_WINDOW (window));
  g_autoptr(GsAssessment) holder = NULL;
  g_autoptr(GDateTime) day = g_date_time_new_local (2026, 11, 3, 12, 0, 0);
  AdwMessageDialog *dialog;
  GtkWidget *date_row, *calendar_button;
  GtkPopover *popover;
  GsTimelineEvent *event;
  gint64 id;

  /* main() chose the tests' own compiled en_GB locale (tests/meson.build) for dates. */
  g_assert_cmpstr (setlocale (LC_TIME, NULL), ==, "en_GB.UTF-8");
  id = gs_test_open_demo_tab (window, "timeline");
  gs_timeline_editor_add_event (GS_TIMELINE_EDITOR (adw_view_stack_get_visible_child (charts)));
  dialog = gs_test_find_dialog ("Add an Event");
  date_row = GTK_WIDGET (g_object_get_data (G_OBJECT (dialog), "date"));
  gs_test_set_field (dialog, "title", "Ward 9 joins");

  gs_test_set_field (dialog, "date", "15/10/2026");
  g_assert_cmpstr (gtk_label_get_text (gs_form_field_get_label (GTK_EDITABLE (date_row))), ==, "Date — 15 October 2026");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "save"));
  /* Month 15 does not exist: refused, with an example in the locale's own order. */
  gs_test_set_field (dialog, "date", "10/15/2026");
  g_assert_cmpstr (gtk_label_get_text (gs_form_field_get_label (GTK_EDITABLE (date_row))), ==, "Date");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "save"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "07/03/26"));
  /* A day without its year is refused rather than guessed. */
  gs_test_set_field (dialog, "date", "15 Oct");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "save"));

  /* The calendar opens on the field's day; choosing one writes it as year-month-day. */
  gs_test_set_field (dialog, "date", "15 October 2026");
  calendar_button = gs_test_find_widget (gtk_widget_get_ancestor (date_row, GTK_TYPE_LIST_BOX_ROW), is_button_with_tooltip,
                                         "Choose on a Calendar");
  g_assert_nonnull (calendar_button);
  gtk_menu_button_popup (GTK_MENU_BUTTON (calendar_button));
  gs_test_drain ();
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (calendar_button));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  {
    g_autoptr(GDateTime) shown = gtk_calendar_get_date (GTK_CALENDAR (gtk_popover_get_child (popover)));
    g_assert_cmpint (g_date_time_get_day_of_month (shown), ==, 15);
    g_assert_cmpint (g_date_time_get_month (shown), ==, 10);
  }
  gtk_calendar_select_day (GTK_CALENDAR (gtk_popover_get_child (popover)), day);
  g_signal_emit_by_name (gtk_popover_get_child (popover), "day-selected");
  gs_test_drain ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (date_row)), ==, "2026-11-03");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (popover)));

  gs_test_set_field (dialog, "date", "15/10/2026");
  adw_message_dialog_response (dialog, "save");
  gs_test_drain ();
  event = stored_event (window, id, "Ward 9 joins", &holder);
  g_assert_nonnull (event);
  g_assert_cmpstr (event->date, ==, "2026-10-15");
}

int
main (int   argc,
      char *argv[])
{
  gs_test_ui_init (&argc, &argv);
  /* Dates as a British user writes them, %x being day/month/year; for the whole program,
   * since the app reads the locale's date order once. */
  setlocale (LC_TIME, "en_GB.UTF-8");
  g_test_add ("/ui/timeline-editor/timeline-events", GsTestFixture, NULL,
              gs_test_fixture_set_up, test_timeline_events, gs_test_fixture_tear_down);
  g_test_add ("/ui/timeline-editor/dates-as-written", GsTestFixture, NULL,
              gs_test_fixture_set_up, test_dates_as_written, gs_test_fixture_tear_down);
  return gs_test_ui_run ();
}
