/* gs-test-util.h — what the test programs share: the instrument, temporary files, and the
 * real window under Xvfb with its fixture
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <sqlite3.h>

#include "core/gs-assessment.h"
#include "core/gs-instrument.h"
#include "gui/gs-application.h"
#include "gui/gs-library-view.h"
#include "gui/gs-text-row.h"
#include "gui/gs-window.h"

G_BEGIN_DECLS

/* --- Content and files (any test) --------------------------------------------------- */

GsInstrument *gs_test_instrument    (void);
/* The version of the questions gs_test_instrument() is, for assessments made in memory. */
#define GS_TEST_VERSION (gs_instrument_get_version (gs_test_instrument ()))
char         *gs_test_temp_path     (const char *name);
void          gs_test_remove_tree   (const char *path);
void          gs_test_use_language  (const char *lang);

void          gs_test_generate      (const char   *path,
                                     GsInstrument *instrument,
                                     guint         n_organisations,
                                     guint         n_assessments,
                                     guint         n_respondents,
                                     guint         n_items);
void          gs_test_remove_backups (const char  *path);
double        gs_test_median        (double     *values,
                                     gsize       n);
void          gs_test_spoil_answers (const char   *path);
void          gs_test_exec          (sqlite3      *db,
                                     const char   *sql);
void          gs_test_act_as_other_user (gboolean other);
void          gs_test_make_read_only (const char  *database,
                                     gboolean     folder_writable);
void          gs_test_make_writable (const char   *database);

/* --- The window (UI tests) ---------------------------------------------------------- */

/* Each UI test gets a fresh database in a folder of its own. */
typedef struct {
  GsApplication *app;
  char          *tmp;
  char          *database;
} GsTestFixture;

void gs_test_ui_init (int    *argc,
                      char ***argv);
int  gs_test_ui_run  (void);
void gs_test_iterate_until (gboolean (*done) (gpointer), gpointer data);
void gs_test_drain (void);
void gs_test_fixture_set_up (GsTestFixture *fixture, gconstpointer user_data);
void gs_test_destroy_dialogs (void);
void gs_test_keys (GtkWindow  *window,
                   const char *keys);
AdwMessageDialog *gs_test_find_dialog (const char *heading);
GsLibraryView *gs_test_library_of (GsWindow *window);
const char *gs_test_shown_title (GsLibraryView *list, guint index);
guint gs_test_n_assessments (GsWindow *window);
void gs_test_wait_for_assessments (GsWindow *window, guint n);
const char *gs_test_visible_page (GsWindow *window);
void gs_test_fixture_tear_down (GsTestFixture *fixture, gconstpointer user_data);
GsWindow *gs_test_activate (GsTestFixture *fixture);
void gs_test_show (GsWindow *window);
GsWindow *gs_test_activate_and_show (GsTestFixture *fixture);
guint gs_test_mode_of (const char *path);
void gs_test_wait_for_file (const char *path);
void gs_test_wait_for_respondent_answer (GsWindow *window, const char *uuid, const char *item_id, int value);
int gs_test_pdf_pages (const char *path);
char *gs_test_pdf_text (const char *path);
void gs_test_press (GtkWidget *button);
const GsAnswer *gs_test_stored_answer (const char *database, const char *respondent_uuid, const char *item_id, GsAssessment **keep);
const char *gs_test_row_header_text (GsLibraryView *list, guint index);
gint64 gs_test_open_demo_tab (GsWindow *window, const char *tab);
GtkWindow *gs_test_find_preferences (void);
typedef gboolean (*GsTestWidgetMatch) (GtkWidget *widget, gconstpointer data);
GtkWidget *gs_test_find_widget (GtkWidget *widget, GsTestWidgetMatch match, gconstpointer data);
GsTextRow *gs_test_find_row_titled (GtkWidget *widget, const char *title);
void gs_test_set_field (AdwMessageDialog *dialog, const char *key, const char *text);

G_END_DECLS
