/* gs-test-util.c — what the test programs share: the instrument, temporary files, and the
 * real window under Xvfb with its fixture
 *
 * The UI tests drive the real GsApplication and GsWindow, one application per test program
 * as in real life (registering a second one on the same bus would clash); each test gives it
 * a fresh database and closes its windows. Helpers wait for what a user would wait for —
 * a dialog to appear, results to be scored in a worker — with a deadline, never a sleep.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <poppler.h>
#include <sqlite3.h>
#include <gdk/x11/gdkx.h>
#include <unistd.h>

#include "gs-test-util.h"

#include <glib/gi18n.h>

#include "core/gs-language.h"
#include "gui/gs-preferences-window.h"
#include "store/gs-assessment-summary.h"
#include "store/gs-store.h"

static GsApplication *the_app;

static gboolean
is_true (gpointer flag)
{
  return *(gboolean *) flag;
}

/* --- Content and files ----------------------------------------------------------------- */

/* The shipped instrument, loaded once per program. */
GsInstrument *
gs_test_instrument (void)
{
  static GsInstrument *shared;
  g_autoptr(GError) error = NULL;

  if (shared == NULL)
    shared = gs_instrument_load_default (&error);
  g_assert_no_error (error);
  return shared;
}

/* Makes this test program write in @lang ("en", "cy", "es") with the catalogues of this
 * build, as main() does for `--language`; before anything is translated. */
void
gs_test_use_language (const char *lang)
{
  g_autoptr(GError) error = NULL;

  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("GS_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  gs_language_use (lang, &error);
  g_assert_no_error (error);
}

/* A path named @name in a new private temporary folder. */
char *
gs_test_temp_path (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gs-test-XXXXXX", &error);

  g_assert_no_error (error);
  return g_build_filename (dir, name, NULL);
}

/* Removes @path and all it holds, as far as it can: a test's leftovers, some made read-only
 * on purpose. Errors are ignored; a temporary folder left behind is not a test's failure. */
void
gs_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_chmod (path, 0700);
  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        gs_test_remove_tree (child);
      else
        g_remove (child);
    }
  g_remove (path);
}

/* --- Databases at the scale consultants reach, made with SQL alone ---------------------
 *
 * One transaction, a recursive CTE per table, as a bulk loader would: 5.3 million answers
 * in well under a minute. The counting trigger is set aside during the load and the counts
 * set once at the end. Assessments are spread over the organisations, several per
 * organisation, dated a few days apart, on @instrument's version; every respondent answers
 * its first @n_items items 1–5; organisations have long names in Welsh and Arabic. */

void
gs_test_exec (sqlite3    *db,
               const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

static char *
first_text (sqlite3    *db,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *text;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return text;
}

/* The assessments, on @instrument's version: the answers written are to its items. */
static void
insert_assessments (sqlite3      *db,
                    GsInstrument *instrument,
                    guint         n_assessments,
                    guint         n_organisations)
{
  g_autofree char *sql = g_strdup_printf ("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %u)"
                                          " INSERT INTO assessments (uuid, organisation_id, title, assessed_on,"
                                          "                          instrument_id, instrument_version)"
                                          " SELECT printf ('00000000-0000-4000-a000-%%012d', i), 1 + (i - 1) %% %u,"
                                          "        'Assessment ' || i, date ('2020-01-01', '+' || i || ' days'), ?1, ?2"
                                          "   FROM n", n_assessments, n_organisations);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_bind_text (stmt, 1, gs_instrument_get_id (instrument), -1, SQLITE_TRANSIENT), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_bind_int (stmt, 2, gs_instrument_get_version (instrument)), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
}

/* Every respondent's answers to the first @n_items of @items, the item ids bound. */
static void
insert_answers (sqlite3   *db,
                GPtrArray *items,
                guint      n_items)
{
  g_autoptr(GString) sql = g_string_new ("WITH items(item_id) AS (VALUES ");
  sqlite3_stmt *stmt = NULL;

  for (guint i = 0; i < n_items; i++)
    g_string_append_printf (sql, "%s(?%u)", i > 0 ? "," : "", i + 1);
  g_string_append (sql, ") INSERT INTO answers (respondent_id, item_id, status, value)"
                        " SELECT r.id, items.item_id, 'value', 1 + (r.id * 7 + unicode (items.item_id)) % 5"
                        "   FROM respondents r, items");
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql->str, -1, &stmt, NULL), ==, SQLITE_OK);
  for (guint i = 0; i < n_items; i++)
    g_assert_cmpint (sqlite3_bind_text (stmt, (int) i + 1, ((const GsItem *) g_ptr_array_index (items, i))->id, -1,
                                        SQLITE_TRANSIENT), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
}

void
gs_test_generate (const char   *path,
                   GsInstrument *instrument,
                   guint         n_organisations,
                   guint         n_assessments,
                   guint         n_respondents,
                   guint         n_items)
{
  g_autoptr(GsStore) store = gs_store_open (path, NULL);
  GPtrArray *items = gs_instrument_get_items (instrument);
  g_autofree char *trigger_sql = NULL;
  g_autofree char *sql = NULL;
  sqlite3 *db = NULL;

  g_assert_nonnull (store);
  g_assert_cmpuint (n_items, <=, items->len);
  g_clear_object (&store);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  gs_test_exec (db, "BEGIN");
  trigger_sql = first_text (db, "SELECT sql FROM sqlite_schema WHERE name = 'answers_counted'");
  gs_test_exec (db, "DROP TRIGGER answers_counted");

  sql = g_strdup_printf ("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %u)"
                         " INSERT INTO organisations (uuid, name)"
                         " SELECT printf ('00000000-0000-4000-8000-%%012d', i),"
                         "        printf ('Bench Trust %%04d — Ysbyty Cymuned / مستشفى', i) FROM n", n_organisations);
  gs_test_exec (db, sql);
  g_free (sql);
  insert_assessments (db, instrument, n_assessments, n_organisations);
  if (n_respondents > 0)
    {
      sql = g_strdup_printf ("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %u)"
                             " INSERT INTO respondents (uuid, assessment_id, name, group_name)"
                             " SELECT printf ('00000000-0000-4000-9000-%%012d', i), (i - 1) / %u + 1, 'R' || i,"
                             "        CASE i %% 3 WHEN 0 THEN 'Board' WHEN 1 THEN 'Managers' ELSE 'Front line' END FROM n",
                             n_assessments * n_respondents, n_respondents);
      gs_test_exec (db, sql);
      g_free (sql);
    }
  if (n_respondents > 0 && n_items > 0)
    insert_answers (db, items, n_items);
  sql = g_strdup_printf ("UPDATE assessments SET n_answers = %u", n_respondents * n_items);
  gs_test_exec (db, sql);
  gs_test_exec (db, trigger_sql);
  gs_test_exec (db, "COMMIT");
  sqlite3_close (db);
  gs_test_remove_backups (path);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The median of @n values (the benchmarks' figures); sorts @values in place. */
double
gs_test_median (double *values,
                gsize   n)
{
  g_assert_cmpuint (n, >, 0);
  qsort (values, n, sizeof *values, compare_doubles);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

/* Damages a page of the answers table only: the checks made at every opening pass, the
 * day's check of the whole file does not. */
void
gs_test_spoil_answers (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  long page = 0;
  FILE *file;
  char garbage[512];

  /* Read-write: a read-only connection cannot read a WAL database whose -shm is gone. */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_prepare_v2 (db, "SELECT max (pageno) FROM dbstat WHERE name = 'answers'", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    page = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  if (page == 0)
    {
      /* No dbstat in this SQLite: the answers are the last table filled, near the end. */
      GStatBuf st;
      g_assert_cmpint (g_stat (path, &st), ==, 0);
      page = st.st_size / 4096 - 2;
    }
  memset (garbage, 0x5A, sizeof garbage);
  file = fopen (path, "r+b");
  g_assert_nonnull (file);
  /* From the page's header on: damage that the whole-file check finds, wherever the cells lie. */
  g_assert_cmpint (fseek (file, (page - 1) * 4096, SEEK_SET), ==, 0);
  g_assert_cmpuint (fwrite (garbage, 1, sizeof garbage, file), ==, sizeof garbage);
  g_assert_cmpint (fclose (file), ==, 0);
}

/* Makes the next opening the first of the day: the one that checks and backs up. */
void
gs_test_remove_backups (const char *path)
{
  g_autoptr(GPtrArray) backups = gs_store_list_backups (path);

  for (guint i = 0; i < backups->len; i++)
    g_unlink (g_ptr_array_index (backups, i));
}

/* --- The window -------------------------------------------------------------------------- */

static gboolean
keep_ticking (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

void
gs_test_iterate_until (gboolean (*done) (gpointer), gpointer data)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  /* Wakes the loop now and then, so that a wait for what never comes fails at the deadline
   * instead of sleeping in poll() until the suite's timeout. */
  guint tick = g_timeout_add (100, keep_ticking, NULL);

  while (!done (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  g_source_remove (tick);
}

static gboolean
widget_is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (GTK_WIDGET (widget));
}

/* Writable, or never to be: a read-only file is not checked daily. */
static gboolean
store_is_ready (gpointer store)
{
  return gs_store_get_writable (store) || gs_store_get_read_only (store);
}

static gboolean
any_window_loading (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (GS_IS_WINDOW (toplevel) && gs_window_is_loading (GS_WINDOW (toplevel)))
        return TRUE;
    }
  return FALSE;
}

/* Runs everything that is waiting, including results being scored in a worker. */
void
gs_test_drain (void)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  do
    {
      while (g_main_context_pending (NULL))
        g_main_context_iteration (NULL, FALSE);
      if (any_window_loading ())
        {
          g_assert_cmpint (g_get_monotonic_time (), <, deadline);
          g_main_context_iteration (NULL, TRUE);
        }
    }
  while (any_window_loading () || g_main_context_pending (NULL));
}

void
gs_test_fixture_set_up (GsTestFixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->tmp = g_dir_make_tmp ("gs-ui-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->database = g_build_filename (fixture->tmp, "data", "groundswell.db", NULL);

  fixture->app = the_app;
  gs_application_set_database_path (fixture->app, fixture->database);
}

/* The message dialog with this heading, waiting for it to appear if need be. */
AdwMessageDialog *
gs_test_find_dialog (const char *heading)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  for (;;)
    {
      GListModel *toplevels = gtk_window_get_toplevels ();

      for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
        {
          g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);
          if (ADW_IS_MESSAGE_DIALOG (toplevel) &&
              g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (toplevel)), heading) == 0 &&
              gtk_widget_get_visible (GTK_WIDGET (toplevel)))
            return ADW_MESSAGE_DIALOG (toplevel);
        }
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

void
gs_test_destroy_dialogs (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i - 1);
      if (ADW_IS_MESSAGE_DIALOG (toplevel))
        gtk_window_destroy (toplevel);
    }
}

GsLibraryView *
gs_test_library_of (GsWindow *window)
{
  return GS_LIBRARY_VIEW (gtk_widget_get_template_child (GTK_WIDGET (window), GS_TYPE_WINDOW, "library_view"));
}

/* The title of the @index-th assessment the library shows. */
const char *
gs_test_shown_title (GsLibraryView *list,
             guint          index)
{
  return gs_assessment_summary_get_title (gs_library_model_get_assessment (gs_library_view_get_model (list), index));
}

guint
gs_test_n_assessments (GsWindow *window)
{
  return g_list_model_get_n_items (gs_store_get_assessments (gs_window_get_store (window)));
}

void
gs_test_wait_for_assessments (GsWindow *window,
                      guint     n)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (gs_test_n_assessments (window) != n)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

const char *
gs_test_visible_page (GsWindow *window)
{
  GtkStack *stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (window), GS_TYPE_WINDOW, "main_stack"));

  return gtk_stack_get_visible_child_name (stack);
}

void
gs_test_fixture_tear_down (GsTestFixture       *fixture,
                   gconstpointer  user_data)
{
  GList *windows;

  gs_test_destroy_dialogs ();
  windows = gtk_application_get_windows (GTK_APPLICATION (fixture->app));

  while (windows != NULL)
    {
      gtk_window_destroy (GTK_WINDOW (windows->data));
      windows = gtk_application_get_windows (GTK_APPLICATION (fixture->app));
    }
  gs_test_drain ();
  gs_test_remove_tree (fixture->tmp);
  g_free (fixture->database);
  g_free (fixture->tmp);
}

/* The pointer goes to the screen's far corner, off every window: a tooltip timer started by
 * a pointer resting over a button would fire in the middle of a test, on a popover the test
 * has just closed (GTK 4.8 then asks a destroyed surface where the pointer is). */
static void
park_pointer (void)
{
  /* No --sync: xdotool then waits for a movement that never comes when the pointer is there. */
  const char *argv[] = { "xdotool", "mousemove", "1919", "1079", NULL };
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
}

/* The window activating the application made, before any frame of it is drawn. */
GsWindow *
gs_test_activate (GsTestFixture *fixture)
{
  GtkWindow *window;

  park_pointer ();
  g_application_activate (G_APPLICATION (fixture->app));
  window = gtk_application_get_active_window (GTK_APPLICATION (fixture->app));
  g_assert_true (GS_IS_WINDOW (window));
  return GS_WINDOW (window);
}

/* Waits until @window is on screen and its database ready for changes. */
void
gs_test_show (GsWindow *window)
{
  gs_test_iterate_until (widget_is_mapped, window);
  /* The day's check of a new database runs once the window is drawn; changes wait for it. */
  if (gs_window_get_store (window) != NULL)
    gs_test_iterate_until (store_is_ready, gs_window_get_store (window));
}

GsWindow *
gs_test_activate_and_show (GsTestFixture *fixture)
{
  GsWindow *window = gs_test_activate (fixture);

  gs_test_show (window);
  return window;
}

/* Permission bits do not bind root, as whom CI runs the tests: there a test that needs a
 * file it may not write acts as "nobody" while it opens it. Only the effective ids change,
 * so that the test can come back. */
void
gs_test_act_as_other_user (gboolean other)
{
  if (getuid () != 0)
    return;
  if (other)
    {
      g_assert_cmpint (setegid (65534), ==, 0);
      g_assert_cmpint (seteuid (65534), ==, 0);
    }
  else
    {
      g_assert_cmpint (seteuid (0), ==, 0);
      g_assert_cmpint (setegid (0), ==, 0);
    }
}

/* Makes @database read-only for everyone, its folder read-only or (@folder_writable) open
 * to all, and the private temporary folders above it passable, so that "nobody" can
 * reach it. */
void
gs_test_make_read_only (const char *database,
                        gboolean    folder_writable)
{
  g_autofree char *folder = g_path_get_dirname (database);
  g_autofree char *above = g_path_get_dirname (folder);

  g_assert_cmpint (g_chmod (database, 0444), ==, 0);
  g_assert_cmpint (g_chmod (folder, folder_writable ? 0777 : 0555), ==, 0);
  while (g_str_has_prefix (above, g_get_tmp_dir ()) && !g_str_equal (above, g_get_tmp_dir ()))
    {
      char *parent = g_path_get_dirname (above);

      g_assert_cmpint (g_chmod (above, 0755), ==, 0);
      g_free (above);
      above = parent;
    }
}

/* Undoes gs_test_make_read_only(), so that the test's files can be removed. */
void
gs_test_make_writable (const char *database)
{
  g_autofree char *folder = g_path_get_dirname (database);

  g_assert_cmpint (g_chmod (folder, 0700), ==, 0);
  g_assert_cmpint (g_chmod (database, 0600), ==, 0);
}

guint
gs_test_mode_of (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 0777;
}

/* Waits for an export written in a worker. Two minutes: the report lays out every chart page
 * to keep its type legible, which takes about a minute under the sanitizers on 2 cores. */
void
gs_test_wait_for_file (const char *path)
{
  gint64 deadline = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;
  gint64 settle;

  while (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  /* The file is in place once renamed; let the worker thread return and its callback run. */
  settle = g_get_monotonic_time () + G_USEC_PER_SEC / 2;
  while (g_get_monotonic_time () < settle)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

/* The stored value of @uuid's answer to @item_id, or 0 when none (or no such respondent). */
static int
stored_value (GsWindow   *window,
              const char *uuid,
              const char *item_id)
{
  GsStore *store = gs_window_get_store (window);
  GListModel *assessments = gs_store_get_assessments (store);

  for (guint i = 0; i < g_list_model_get_n_items (assessments); i++)
    {
      g_autoptr(GsAssessmentSummary) summary = g_list_model_get_item (assessments, i);
      g_autoptr(GsAssessment) assessment = gs_store_load_assessment (store, gs_assessment_summary_get_id (summary), NULL);
      GsRespondent *respondent = assessment != NULL ? gs_assessment_lookup_respondent (assessment, uuid) : NULL;
      const GsAnswer *answer = respondent != NULL ? gs_respondent_get_answer (respondent, item_id) : NULL;

      if (answer != NULL)
        return answer->value;
    }
  return 0;
}

/* Runs the main loop until respondent @uuid's stored answer to @item_id is @value, then
 * lets the import's callback finish (20 s at most). */
void
gs_test_wait_for_respondent_answer (GsWindow   *window,
                                    const char *uuid,
                                    const char *item_id,
                                    int         value)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (stored_value (window, uuid, item_id) != value)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  gs_test_drain ();
}

int
gs_test_pdf_pages (const char *path)
{
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autoptr(GError) error = NULL;
  PopplerDocument *document = poppler_document_new_from_file (uri, NULL, &error);
  int n;

  g_assert_no_error (error);
  n = poppler_document_get_n_pages (document);
  g_object_unref (document);
  return n;
}

/* Every page's text, one after the other, as a reader's viewer extracts it. */
char *
gs_test_pdf_text (const char *path)
{
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autoptr(GError) error = NULL;
  PopplerDocument *document = poppler_document_new_from_file (uri, NULL, &error);
  GString *text = g_string_new (NULL);

  g_assert_no_error (error);
  for (int p = 0; p < poppler_document_get_n_pages (document); p++)
    {
      PopplerPage *page = poppler_document_get_page (document, p);
      g_autofree char *page_text = poppler_page_get_text (page);

      g_string_append (text, page_text);
      g_string_append_c (text, '\n');
      g_object_unref (page);
    }
  g_object_unref (document);
  return g_string_free (text, FALSE);
}

static void
clicked_cb (GtkButton *button,
            gboolean  *clicked)
{
  *clicked = TRUE;
}

/* What Space or Enter does to a focused button: activate it. GTK finishes the click after a
 * short visual gs_test_press, so wait for the click itself (slow under sanitizers). */
void
gs_test_press (GtkWidget *button)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  gboolean clicked = FALSE;
  gulong handler = g_signal_connect (button, "clicked", G_CALLBACK (clicked_cb), &clicked);

  g_assert_true (gtk_widget_activate (button));
  while (!clicked)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  g_signal_handler_disconnect (button, handler);
  gs_test_drain ();
}

const GsAnswer *
gs_test_stored_answer (const char *database,
               const char *respondent_uuid,
               const char *item_id,
               GsAssessment **keep)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GsStore) store = gs_store_open (database, &error);
  g_autoptr(GsAssessmentSummary) row = g_list_model_get_item (gs_store_get_assessments (store), 0);

  g_assert_no_error (error);
  g_clear_object (keep);
  *keep = gs_store_load_assessment (store, gs_assessment_summary_get_id (row), &error);
  g_assert_no_error (error);
  return gs_respondent_get_answer (gs_assessment_lookup_respondent (*keep, respondent_uuid), item_id);
}

/* The organisation heading right above the @index-th assessment shown, if any. */
const char *
gs_test_row_header_text (GsLibraryView *list,
                 guint          index)
{
  GListModel *entries = G_LIST_MODEL (gs_library_view_get_model (list));
  GsAssessmentSummary *wanted = gs_library_model_get_assessment (GS_LIBRARY_MODEL (entries), index);

  for (guint i = 1; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(GsLibraryEntry) entry = g_list_model_get_item (entries, i);
      g_autoptr(GsLibraryEntry) before = g_list_model_get_item (entries, i - 1);

      if (!gs_library_entry_is_heading (entry) && gs_library_entry_get_summary (entry) == wanted)
        return gs_library_entry_is_heading (before) ?
               gs_assessment_summary_get_organisation_name (gs_library_entry_get_summary (before)) : NULL;
    }
  return NULL;
}

/* Loads the example, opens its newest assessment on the results tab @tab; returns its id. */
gint64
gs_test_open_demo_tab (GsWindow   *window,
               const char *tab)
{
  GsLibraryView *list = gs_test_library_of (window);
  AdwViewStack *charts = gs_window_get_tabs (GS_WINDOW (window));
  g_autoptr(GsAssessmentSummary) first = NULL;

  g_action_group_activate_action (G_ACTION_GROUP (window), "load-demo", NULL);
  gs_test_drain ();
  first = g_list_model_get_item (gs_store_get_assessments (gs_window_get_store (window)), 0);
  gs_library_view_activate (list, 0);
  gs_test_drain ();
  adw_view_stack_set_visible_child_name (charts, tab);
  gs_test_drain ();
  return gs_assessment_summary_get_id (first);
}

GtkWindow *
gs_test_find_preferences (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);
      if (GS_IS_PREFERENCES_WINDOW (toplevel))
        return toplevel;
    }
  return NULL;
}

/* The first widget under @widget (itself included, depth first) that @match accepts. */
GtkWidget *
gs_test_find_widget (GtkWidget          *widget,
                     GsTestWidgetMatch   match,
                     gconstpointer       data)
{
  if (match (widget, data))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = gs_test_find_widget (child, match, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
is_row_titled (GtkWidget     *widget,
               gconstpointer  title)
{
  return GS_IS_TEXT_ROW (widget) && g_strcmp0 (gs_text_row_get_title (GS_TEXT_ROW (widget)), title) == 0;
}

GsTextRow *
gs_test_find_row_titled (GtkWidget  *widget,
                 const char *title)
{
  return (GsTextRow *) gs_test_find_widget (widget, is_row_titled, title);
}

void
gs_test_set_field (AdwMessageDialog *dialog,
           const char       *key,
           const char       *text)
{
  gtk_editable_set_text (GTK_EDITABLE (g_object_get_data (G_OBJECT (dialog), key)), text);
}

static void
keys_sent_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_subprocess_wait_check_finish (G_SUBPROCESS (source), result, &error);
  g_assert_no_error (error);
  *done = TRUE;
}

/**
 * gs_test_keys:
 * @keys: xdotool's key names, space-separated: "ctrl+f Tab Down Return"
 *
 * Types @keys into @window as a person would: real key presses through the X server
 * (xdotool's XTEST), so GTK's own key handling, bindings and focus rules all take part.
 */
void
gs_test_keys (GtkWindow  *window,
              const char *keys)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GStrvBuilder) args = g_strv_builder_new ();
  g_auto(GStrv) argv = NULL;
  g_auto(GStrv) names = g_strsplit (keys, " ", -1);
  g_autofree char *xid = g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (gtk_native_get_surface (GTK_NATIVE (window))));
  g_autoptr(GSubprocess) xdotool = NULL;
  gboolean done = FALSE;
  gint64 settle;

  g_strv_builder_add_many (args, "xdotool", "windowfocus", "--sync", xid, "key", "--clearmodifiers", "--delay", "40", NULL);
  g_strv_builder_addv (args, (const char **) names);
  argv = g_strv_builder_end (args);
  xdotool = g_subprocess_newv ((const char * const *) argv, G_SUBPROCESS_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_subprocess_wait_check_async (xdotool, NULL, keys_sent_cb, &done);
  gs_test_iterate_until (is_true, &done);
  /* The last presses are still on their way from the X server: let them arrive. */
  settle = g_get_monotonic_time () + G_USEC_PER_SEC / 5;
  while (g_get_monotonic_time () < settle)
    g_main_context_iteration (NULL, FALSE);
  gs_test_drain ();
}

/* Starts GTK and libadwaita for a UI test program and registers its one application. */
void
gs_test_ui_init (int    *argc,
                 char ***argv)
{
  g_autoptr(GError) error = NULL;

  gtk_test_init (argc, argv, NULL);
  adw_init ();
  /* Animations end at once: the tests check where things end up, not how they move, and
   * libadwaita 1.2's spring animation can give one NaN frame when the test drives the
   * main loop faster than the frame clock (an AdwFlap then allocates INT_MIN pixels). */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  the_app = gs_application_new ();
  g_application_register (G_APPLICATION (the_app), NULL, &error);
  g_assert_no_error (error);
}

/* Runs the tests added, then lets the application go. */
int
gs_test_ui_run (void)
{
  int status = g_test_run ();

  g_clear_object (&the_app);
  return status;
}
