/* test-accessibility.c — what a screen reader is told, read from the live AT-SPI tree
 *
 * Each screen is shown as a user reaches it; then tests/a11y-dump, a separate process, walks
 * this process's accessibility tree over the test's own D-Bus session, as Orca would, while
 * the main loop here answers it. The test fails on a control that can take the focus but has
 * no name in words (a GTK type name, a mnemonic's underscore, nothing), an answer choice that
 * is not a radio button in a group named by its question, a chart without its title, and a
 * screen without a heading.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <unistd.h>

#include "gs-test-util.h"
#include "gui/gs-answer-page.h"
#include "gui/gs-dialogs.h"
#include "gui/gs-timeline-editor.h"

/* One object of the tree, as a11y-dump prints it. */
typedef struct {
  int    depth;
  char  *role;
  char  *name;
  char  *description;
  char  *states;
} Node;

static void
node_free (Node *node)
{
  g_free (node->role);
  g_free (node->name);
  g_free (node->description);
  g_free (node->states);
  g_free (node);
}

typedef struct {
  gboolean  done;
  gboolean  ok;
  char     *output;
  char     *errors;
} Dump;

static void
dump_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Dump *dump = user_data;
  g_autoptr(GError) error = NULL;

  g_subprocess_communicate_utf8_finish (G_SUBPROCESS (source), result, &dump->output, &dump->errors, &error);
  g_assert_no_error (error);
  dump->ok = g_subprocess_get_successful (G_SUBPROCESS (source));
  dump->done = TRUE;
}

/* Runs a11y-dump on this process while the main loop answers it; TRUE with its output. */
static gboolean
run_dump (Dump *dump)
{
  g_autofree char *dumper = g_test_build_filename (G_TEST_BUILT, "a11y-dump", NULL);
  g_autofree char *pid = g_strdup_printf ("%d", (int) getpid ());
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error,
                                                      dumper, pid, NULL);

  g_assert_no_error (error);
  g_subprocess_communicate_utf8_async (process, NULL, NULL, dump_done_cb, dump);
  while (!dump->done)
    g_main_context_iteration (NULL, TRUE);
  return dump->ok;
}

/* The tree as a screen reader reads it now. Just after start-up the application may not be on
 * the accessibility bus yet: then it is asked again, for up to ten seconds. */
static GPtrArray *
read_tree (void)
{
  GPtrArray *nodes = g_ptr_array_new_with_free_func ((GDestroyNotify) node_free);
  g_auto(GStrv) lines = NULL;
  Dump dump = { 0 };

  gs_test_drain ();
  for (guint attempt = 0; !run_dump (&dump); attempt++)
    {
      g_assert_cmpuint (attempt, <, 50);
      g_clear_pointer (&dump.output, g_free);
      g_clear_pointer (&dump.errors, g_free);
      dump.done = FALSE;
      g_usleep (200 * 1000);
      gs_test_drain ();
    }
  lines = g_strsplit (dump.output, "\n", -1);
  g_free (dump.output);
  g_free (dump.errors);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", -1);
      Node *node;

      if (g_strv_length (fields) < 5)
        continue;
      node = g_new0 (Node, 1);
      node->depth = atoi (fields[0]);
      node->role = g_strdup (fields[1]);
      node->name = g_strdup (fields[2]);
      node->description = g_strdup (fields[3]);
      node->states = g_strdup (fields[4]);
      g_ptr_array_add (nodes, node);
    }
  g_assert_cmpuint (nodes->len, >, 10);
  return nodes;
}

static gboolean
has_state (const Node *node,
           const char *state)
{
  g_auto(GStrv) states = g_strsplit (node->states, ",", -1);

  return g_strv_contains ((const char * const *) states, state);
}

/* A name in words: not empty, not a type's name ("GtkImage", "GsChartView"), no mnemonic
 * underscore ("_Next Next"). */
static gboolean
is_words (const char *name)
{
  g_autoptr(GRegex) type_name = g_regex_new ("^(Gtk|Adw|Gs)[A-Z][A-Za-z]+$", 0, 0, NULL);
  g_autoptr(GRegex) mnemonic = g_regex_new ("(^|\\s)\\w*_\\w", 0, 0, NULL);

  return name[0] != '\0' && !g_regex_match (type_name, name, 0, NULL) && !g_regex_match (mnemonic, name, 0, NULL);
}

/* The nearest object above @index whose role is @role, or NULL. */
static const Node *
ancestor_with_role (GPtrArray  *nodes,
                    guint       index,
                    const char *role)
{
  int depth = ((Node *) g_ptr_array_index (nodes, index))->depth;

  for (guint i = index; i-- > 0;)
    {
      const Node *node = g_ptr_array_index (nodes, i);

      if (node->depth < depth)
        {
          if (g_str_equal (node->role, role))
            return node;
          depth = node->depth;
        }
    }
  return NULL;
}

/* Checks the screen shown against the rules above; returns how many answer choices it has,
 * for the caller to check that the answer page was read at all. */
static guint
check_nodes (const char *screen,
             GPtrArray  *nodes)
{
  guint headings = 0, radios = 0;

  for (guint i = 0; i < nodes->len; i++)
    {
      const Node *node = g_ptr_array_index (nodes, i);

      if (has_state (node, "focusable") && !is_words (node->name))
        g_error ("%s: a focusable %s is named “%s”, not in words (after “%s”, “%s”)", screen, node->role, node->name,
                 i > 1 ? ((Node *) g_ptr_array_index (nodes, i - 2))->name : "",
                 i > 0 ? ((Node *) g_ptr_array_index (nodes, i - 1))->name : "");
      if (g_str_equal (node->role, "heading") && node->name[0] != '\0')
        headings++;
      if (g_str_equal (node->role, "image") && g_str_equal (node->name, "GsChartView"))
        g_error ("%s: a chart has no name", screen);
      if (g_str_equal (node->role, "radio button"))
        {
          const Node *group = ancestor_with_role (nodes, i, "grouping");
          g_autoptr(GRegex) choice = g_regex_new ("^([1-5] \\S.*|Don't know|Not applicable)$", 0, 0, NULL);

          if (!g_regex_match (choice, node->name, 0, NULL))
            g_error ("%s: the answer choice “%s” does not say its number and meaning", screen, node->name);
          if (group == NULL || !is_words (group->name))
            g_error ("%s: the answer choice “%s” is not in a group named by its question", screen, node->name);
          radios++;
        }
    }
  if (headings == 0)
    g_error ("%s: no heading", screen);
  return radios;
}

static guint
check_screen (const char *screen)
{
  g_autoptr(GPtrArray) nodes = read_tree ();

  return check_nodes (screen, nodes);
}

/* The charts a screen reader finds on the results, each named by its title and focusable. */
static void
assert_chart_named (GPtrArray  *nodes,
                    const char *title)
{
  for (guint i = 0; i < nodes->len; i++)
    {
      const Node *node = g_ptr_array_index (nodes, i);

      if (g_str_equal (node->role, "image") && g_str_equal (node->name, title))
        {
          g_assert_true (has_state (node, "focusable"));
          g_assert_cmpuint (strlen (node->description), >, 40);
          return;
        }
    }
  g_error ("no chart named “%s”", title);
}

/* The field a dialog opens on tells a screen reader it has the focus, and what it is for. */
static void
assert_focused_field (const char *name)
{
  g_autoptr(GPtrArray) nodes = read_tree ();
  g_autoptr(GString) focused = g_string_new (NULL);

  /* Each window reports its own focus: the main window's stays on what opened the dialog. */
  for (guint i = 0; i < nodes->len; i++)
    {
      const Node *node = g_ptr_array_index (nodes, i);

      if (!has_state (node, "focused"))
        continue;
      if ((g_str_equal (node->role, "text") || g_str_equal (node->role, "entry")) && g_str_equal (node->name, name))
        return;
      g_string_append_printf (focused, " %s “%s”", node->role, node->name);
    }
  g_error ("the field “%s” does not report the focus; these do:%s", name, focused->str);
}

/* The library, each results tab, the answer page and the dialogs on the way, as a screen
 * reader user meets them. */
static void
test_screens_read_in_words (GsTestFixture *fixture,
                            gconstpointer  user_data)
{
  GsWindow *window = gs_test_activate_and_show (fixture);
  AdwViewStack *charts = gs_window_get_tabs (GS_WINDOW (window));
  static const char *tabs[] = { "overview", "context", "polarity", "polarity-summary", "timeline", "comparison", "plan", "answers" };
  AdwMessageDialog *dialog;

  check_screen ("the empty library");
  gs_test_open_demo_tab (window, "overview");
  /* The tree holds every tab's page, shown or not: one reading covers them all. Each tab is
   * shown first: a tab is filled in when it is shown. */
  for (guint t = 0; t < G_N_ELEMENTS (tabs); t++)
    adw_view_stack_set_visible_child_name (charts, tabs[t]);
  adw_view_stack_set_visible_child_name (charts, "overview");
  {
    g_autoptr(GPtrArray) nodes = read_tree ();

    check_nodes ("the results", nodes);
    assert_chart_named (nodes, "Context profile");
    assert_chart_named (nodes, "Table 1 as a polarity map");
    assert_chart_named (nodes, "Movement timeline");
  }

  gs_timeline_editor_add_event (GS_TIMELINE_EDITOR (adw_view_stack_get_child_by_name (charts, "timeline")));
  dialog = gs_test_find_dialog ("Add an Event");
  check_screen ("the Add an Event dialog");
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_close (GTK_WINDOW (dialog));

  g_action_group_activate_action (G_ACTION_GROUP (window), "answer", NULL);
  gs_test_drain ();
  g_assert_cmpstr (gs_test_visible_page (window), ==, "answer");
  g_assert_cmpuint (check_screen ("the answer page"), >=, 5 * 8);

  g_action_group_activate_action (G_ACTION_GROUP (window), "show-assessments", NULL);
  g_action_group_activate_action (G_ACTION_GROUP (window), "show-assessments", NULL);
  gs_test_drain ();
  check_screen ("the library");
  g_action_group_activate_action (G_ACTION_GROUP (window), "new-assessment", NULL);
  gs_test_drain ();
  check_screen ("the New Assessment dialog");
  assert_focused_field ("Organisation");
}

static gboolean
focus_is_in (GsWindow  *window,
             GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* The focus goes where the user's attention goes: into the tab Alt+3 shows, into the results
 * after Alt+← from answering, to the list after Back; away from Remove once the respondent it
 * named is gone; and Ctrl+Z undoes that removal, as the toast's Undo would. */
static void
test_focus_follows_attention (GsTestFixture *fixture,
                              gconstpointer  user_data)
{
  GsWindow *window = gs_test_activate_and_show (fixture);
  AdwViewStack *charts = gs_window_get_tabs (GS_WINDOW (window));
  GsAnswerPage *page;
  GtkWidget *remove;
  g_autofree char *removed = NULL;
  gint64 id = gs_test_open_demo_tab (window, "overview");

  gs_test_keys (GTK_WINDOW (window), "alt+3");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (charts), ==, "polarity");
  g_assert_true (focus_is_in (window, adw_view_stack_get_visible_child (charts)));

  gs_test_keys (GTK_WINDOW (window), "ctrl+Return");
  g_assert_cmpstr (gs_test_visible_page (window), ==, "answer");
  page = GS_ANSWER_PAGE (gtk_stack_get_child_by_name (GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (window), GS_TYPE_WINDOW,
                                                                                                  "main_stack")), "answer"));
  g_assert_true (focus_is_in (window, GTK_WIDGET (page)));

  /* Remove the respondent answering: the focus leaves the button, Ctrl+Z brings them back. */
  removed = g_strdup (gs_answer_page_get_respondent (page));
  remove = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (page), GS_TYPE_ANSWER_PAGE, "remove_respondent_button"));
  gtk_widget_grab_focus (remove);
  gs_test_press (remove);
  gs_test_drain ();
  g_assert_cmpint (gs_store_find_respondent (gs_window_get_store (window), removed), ==, 0);
  g_assert_false (focus_is_in (window, remove));
  gs_test_keys (GTK_WINDOW (window), "ctrl+z");
  g_assert_cmpint (gs_store_find_respondent (gs_window_get_store (window), removed), >, 0);

  /* Back (while answering, Alt+← is the previous part). */
  gs_test_press (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), GS_TYPE_WINDOW, "back_button")));
  gs_test_drain ();
  g_assert_cmpstr (gs_test_visible_page (window), ==, "results");
  g_assert_true (focus_is_in (window, GTK_WIDGET (charts)));
  gs_test_keys (GTK_WINDOW (window), "alt+Left");
  g_assert_cmpstr (gs_test_visible_page (window), ==, "assessments");
  g_assert_true (focus_is_in (window, GTK_WIDGET (gs_test_library_of (window))));
  g_assert_cmpint (id, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  /* The real accessibility bridge, which the other UI tests switch off. */
  g_unsetenv ("NO_AT_BRIDGE");
  g_setenv ("GTK_A11Y", "atspi", TRUE);
  gs_test_ui_init (&argc, &argv);
  g_test_add ("/ui/accessibility/screens-read-in-words", GsTestFixture, NULL,
              gs_test_fixture_set_up, test_screens_read_in_words, gs_test_fixture_tear_down);
  g_test_add ("/ui/accessibility/focus-follows-attention", GsTestFixture, NULL,
              gs_test_fixture_set_up, test_focus_follows_attention, gs_test_fixture_tear_down);
  return gs_test_ui_run ();
}
