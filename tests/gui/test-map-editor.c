/* test-map-editor.c — the polarity maps' texts: edit, save, restore
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

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

/* The map text stored for the window's first assessment, or NULL for the paper's. */
static char *
stored_map_text (GsWindow   *window,
                 gint64      id,
                 const char *key)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GsAssessment) assessment = gs_store_load_assessment (gs_window_get_store (window), id, &error);

  g_assert_no_error (error);
  return g_strdup (g_hash_table_lookup (gs_assessment_get_polarity_texts (assessment), key));
}

/* Edit a pole of row 2 in the side pane: the store and the drawn map both change; the
 * restore button brings back the default wording and removes the edit from the store. */
static void
test_edit_and_restore_map_text (GsTestFixture *fixture,
                                gconstpointer  user_data)
{
  static const char *key = "motivate-move/left/pole/0";
  GsWindow *window = gs_test_activate_and_show (fixture);
  AdwViewStack *charts = gs_window_get_tabs (GS_WINDOW (window));
  g_autofree char *paper = NULL;
  g_autofree char *stored = NULL;
  GsMapEditor *editor;
  GtkEditable *entry;
  GtkWidget *restore;
  gint64 id;

  id = gs_test_open_demo_tab (window, "polarity");
  editor = GS_MAP_EDITOR (adw_view_stack_get_visible_child (charts));
  gs_map_editor_show_row (editor, 1);
  gtk_widget_activate_action (GTK_WIDGET (editor), "map.edit-texts", NULL);  /* the Edit Texts button */
  gs_test_drain ();
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (gs_map_editor_get_entry (editor, key))));
  g_assert_cmpstr (gs_chart_view_get_chart_name (gs_map_editor_get_chart_view (editor)), ==, "polarity-2");

  entry = gs_map_editor_get_entry (editor, key);
  g_assert_nonnull (entry);
  paper = g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry)));
  g_assert_cmpstr (paper, ==, "“Motivating” people");  /* Table 1, row 2, word for word */
  restore = gs_map_editor_get_restore_button (editor, key);
  g_assert_false (gtk_widget_get_visible (restore));

  gtk_editable_set_text (GTK_EDITABLE (entry), "  Motivating our staff ");
  g_signal_emit_by_name (entry, "activate");  /* Enter */
  gs_test_drain ();
  stored = stored_map_text (window, id, key);
  g_assert_cmpstr (stored, ==, "Motivating our staff");
  g_assert_nonnull (strstr (gs_chart_view_get_description (gs_map_editor_get_chart_view (editor)), "Motivating our staff"));
  g_assert_true (gtk_widget_get_visible (restore));
  /* Most map texts are Groundswell's, so the button does not promise the paper's words. */
  g_assert_cmpstr (gtk_widget_get_tooltip_text (restore), ==, "Restore the Default Wording");

  gs_test_press (restore);
  g_clear_pointer (&stored, g_free);
  stored = stored_map_text (window, id, key);
  g_assert_null (stored);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, paper);
  g_assert_null (strstr (gs_chart_view_get_description (gs_map_editor_get_chart_view (editor)), "Motivating our staff"));
  g_assert_false (gtk_widget_get_visible (restore));

  /* Typing the paper's words back, or emptying the box, stores no edit either. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  g_signal_emit_by_name (entry, "activate");  /* Enter */
  gs_test_drain ();
  g_assert_null (stored_map_text (window, id, key));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, paper);

  /* The assessment is gone (deleted and purged, as from another window): the edit cannot be
   * saved, the user is told so, and the entry shows what is still drawn. */
  g_assert_true (gs_store_delete (gs_window_get_store (window), GS_STORE_ASSESSMENT, id, NULL));
  g_assert_true (gs_store_purge_deleted (gs_window_get_store (window), NULL));
  gtk_editable_set_text (GTK_EDITABLE (entry), "Motivating nobody");
  g_signal_emit_by_name (entry, "activate");  /* Enter */
  g_assert_nonnull (gs_test_find_dialog ("Could Not Save the Text"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, paper);
  g_assert_null (strstr (gs_chart_view_get_description (gs_map_editor_get_chart_view (editor)), "Motivating nobody"));
}

int
main (int   argc,
      char *argv[])
{
  gs_test_ui_init (&argc, &argv);
  g_test_add ("/ui/map-editor/edit-and-restore-map-text", GsTestFixture, NULL,
              gs_test_fixture_set_up, test_edit_and_restore_map_text, gs_test_fixture_tear_down);
  return gs_test_ui_run ();
}
