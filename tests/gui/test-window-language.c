/* test-window-language.c — the window in Welsh or Spanish (`test-ui-window-language cy`)
 *
 * Opens the fictional example on every results tab and reads every text the window shows —
 * labels, buttons, rows' titles and subtitles, tooltips, the window's title — and finds no
 * English sentence of the catalogue among them, and the tabs' names in the language.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gs-test-catalogue.h"
#include "gs-test-util.h"

#include "core/gs-language.h"
#include "store/gs-assessment-summary.h"

static const char *language;
static char *original_prefix;  /* "The English original: “" translated: English on purpose */
static guint n_originals;

/* Every text a person can read in @widget and below it, one per line. */
static void
collect_texts (GtkWidget *widget,
               GString   *texts)
{
  const char *tooltip = gtk_widget_get_tooltip_text (widget);

  if (GTK_IS_LABEL (widget))
    g_string_append_printf (texts, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
  if (ADW_IS_PREFERENCES_ROW (widget))
    g_string_append_printf (texts, "%s\n", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)));
  if (ADW_IS_ACTION_ROW (widget) && adw_action_row_get_subtitle (ADW_ACTION_ROW (widget)) != NULL)
    g_string_append_printf (texts, "%s\n", adw_action_row_get_subtitle (ADW_ACTION_ROW (widget)));
  if (ADW_IS_PREFERENCES_GROUP (widget))
    g_string_append_printf (texts, "%s\n%s\n",
                            adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (widget)),
                            adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (widget)) ?: "");
  if (tooltip != NULL && g_str_has_prefix (tooltip, original_prefix))
    n_originals++;
  else if (tooltip != NULL)
    g_string_append_printf (texts, "%s\n", tooltip);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    collect_texts (child, texts);
}

/* What a menu shows for @msgid: its translation without the mnemonic's underscore. */
static char *
shown_label (GPtrArray  *catalogue,
             const char *msgid)
{
  GString *label = g_string_new (gs_test_catalogue_translation (catalogue, msgid));

  g_string_replace (label, "_", "", 0);
  return g_string_free (label, FALSE);
}

/* The header's menus are made as they first open (gs-window.c): each is opened and closed
 * once, so that its items are among the texts read. */
static void
open_header_menus (GsWindow *window)
{
  static const char *buttons[] = { "primary_menu_button", "results_menu_button" };

  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    {
      GtkMenuButton *button = GTK_MENU_BUTTON (gtk_widget_get_template_child (GTK_WIDGET (window), GS_TYPE_WINDOW,
                                                                              buttons[i]));

      gtk_menu_button_popup (button);
      gs_test_drain ();
      g_assert_nonnull (gtk_menu_button_get_popover (button));
      gtk_menu_button_popdown (button);
      gs_test_drain ();
    }
}

static void
test_window_in_language (GsTestFixture *fixture,
                         gconstpointer  user_data)
{
  static const char *tabs[] = { "overview", "context", "polarity", "polarity-summary", "timeline", "comparison",
                                "plan", "answers" };
  g_autoptr(GPtrArray) catalogue = gs_test_catalogue_read (language);
  GsWindow *window = gs_test_activate_and_show (fixture);
  AdwViewStack *charts = gs_window_get_tabs (GS_WINDOW (window));
  g_autoptr(GString) texts = g_string_new (NULL);
  const char *original = gs_test_catalogue_translation (catalogue, "The English original: “%s”");
  g_autofree char *shortcuts = shown_label (catalogue, "_Keyboard Shortcuts");
  g_autofree char *print = shown_label (catalogue, "_Print Report…");

  original_prefix = g_strndup (original, strstr (original, "%s") - original);
  gs_test_open_demo_tab (window, "overview");
  open_header_menus (window);
  for (guint i = 0; i < G_N_ELEMENTS (tabs); i++)
    {
      adw_view_stack_set_visible_child_name (charts, tabs[i]);
      gs_test_drain ();
      collect_texts (GTK_WIDGET (window), texts);
    }
  g_string_append_printf (texts, "%s\n", gtk_window_get_title (GTK_WINDOW (window)));

  /* The tabs and the overview's headings are the language's... */
  g_assert_nonnull (strstr (texts->str, gs_test_catalogue_translation (catalogue, "Overview")));
  g_assert_nonnull (strstr (texts->str, gs_test_catalogue_translation (catalogue, "Plan")));
  g_assert_nonnull (strstr (texts->str, gs_test_catalogue_translation (catalogue, "Suggestions")));
  /* ...and the header's menus: the main menu's and the results' menu's */
  g_assert_nonnull (strstr (texts->str, shortcuts));
  g_assert_nonnull (strstr (texts->str, print));
  /* ...the example's organisation too (gs-demo.c marks its texts)... */
  g_assert_null (strstr (texts->str, "Riverside Community Health NHS Trust (fictional example)"));
  /* ...and no English sentence is left. */
  gs_test_assert_no_english (catalogue, "the window", texts->str);
  /* a passage quoted in translation keeps its English in a tooltip */
  g_assert_cmpuint (n_originals, >, 0);
  g_clear_pointer (&original_prefix, g_free);
}

/* From a window in one language, the report and a chart in the others: a consultant in
 * Wales sends the board the Welsh report and the regulator the English one. */
static void
test_documents_in_other_languages (GsTestFixture *fixture,
                                gconstpointer  user_data)
{
  GsWindow *window = gs_test_activate_and_show (fixture);
  g_autoptr(GPtrArray) catalogue = gs_test_catalogue_read (language);
  const char *other = g_str_equal (language, "cy") ? "es" : "cy";
  g_autoptr(GPtrArray) other_catalogue = gs_test_catalogue_read (other);
  g_autofree char *english_pdf = g_build_filename (fixture->tmp, "report-en.pdf", NULL);
  g_autofree char *other_pdf = g_build_filename (fixture->tmp, "report-other.pdf", NULL);
  g_autofree char *other_chart = g_build_filename (fixture->tmp, "chart-other.pdf", NULL);
  g_autofree char *english_text = NULL, *other_text = NULL, *chart_text = NULL;
  const char *summary = gs_test_catalogue_translation (catalogue, "Executive summary");

  gs_test_open_demo_tab (window, "overview");
  gs_window_export_report_in (window, "en", english_pdf, GS_PAPER_A4, GS_REPORT_DEFAULT);
  gs_test_wait_for_file (english_pdf);
  gs_window_export_report_in (window, other, other_pdf, GS_PAPER_A4, GS_REPORT_DEFAULT);
  gs_test_wait_for_file (other_pdf);
  gs_window_export_chart_in (window, other, "context", other_chart, 1600, 1000, 1, TRUE);
  gs_test_wait_for_file (other_chart);

  english_text = gs_test_pdf_text (english_pdf);
  other_text = gs_test_pdf_text (other_pdf);
  g_assert_nonnull (strstr (english_text, "Executive summary"));
  g_assert_null (strstr (english_text, summary));
  g_assert_nonnull (strstr (other_text, gs_test_catalogue_translation (other_catalogue, "Executive summary")));
  chart_text = gs_test_pdf_text (other_chart);
  g_assert_nonnull (strstr (chart_text, gs_test_catalogue_translation (other_catalogue, "Context profile")));
  g_assert_null (strstr (chart_text, gs_test_catalogue_translation (catalogue, "Context profile")));
  /* the window kept its own language */
  g_assert_cmpstr (gs_language_current (), ==, language);
  {
    AdwViewStack *charts = gs_window_get_tabs (GS_WINDOW (window));
    AdwViewStackPage *page = adw_view_stack_get_page (charts, adw_view_stack_get_child_by_name (charts, "overview"));

    g_assert_cmpstr (adw_view_stack_page_get_title (page), ==, gs_test_catalogue_translation (catalogue, "Overview"));
  }
}

typedef struct {
  GsWindow *window;
  guint     n_respondents;
} RespondentsWait;

static gboolean
library_counts_respondents (gpointer data)
{
  RespondentsWait *wait = data;
  GsStore *store = gs_window_get_store (wait->window);
  g_autoptr(GsAssessmentSummary) row =
    gs_store_lookup_summary (store, gs_analysis_get_assessment_id (gs_window_get_analysis (wait->window)));

  return gs_assessment_summary_get_n_respondents (row) == wait->n_respondents;
}

/* A bilingual trust's respondents get pages in English with the window's language one switch
 * away, written by child processes; each is listed as sent one, the library's count follows,
 * and the printable questionnaire comes in English from the same window. */
static void
test_questionnaires_in_other_languages (GsTestFixture *fixture,
                                        gconstpointer  user_data)
{
  GsWindow *window = gs_test_activate_and_show (fixture);
  g_autoptr(GPtrArray) catalogue = gs_test_catalogue_read (language);
  const char *names[] = { "Siân Owen", "Ana Lopes", NULL };
  g_autofree char *paper = g_build_filename (fixture->tmp, "questionnaire-en.pdf", NULL);
  g_autofree char *paper_text = NULL;
  RespondentsWait wait = { window, 0 };
  GsAssessment *assessment;
  g_autofree char *title = NULL;

  gs_test_open_demo_tab (window, "overview");
  assessment = gs_analysis_get_assessment (gs_window_get_analysis (window));
  wait.n_respondents = gs_assessment_get_respondents (assessment)->len + 2;
  title = g_strdup (gs_assessment_get_title (assessment));  /* the results are scored again once sent */
  gs_window_send_questionnaires_in (window, names, "Front line", "en", language, fixture->tmp);
  for (guint i = 0; names[i] != NULL; i++)
    {
      /* "%s — questionnaire for %s.html" in the window's language, filled in */
      g_auto(GStrv) parts = g_strsplit (gs_test_catalogue_translation (catalogue, "%s — questionnaire for %s.html"), "%s", 3);
      g_autofree char *file_name = g_strconcat (parts[0], title, parts[1], names[i], parts[2], NULL);
      g_autofree char *path = g_build_filename (fixture->tmp, file_name, NULL);
      g_autofree char *html = NULL;

      gs_test_wait_for_file (path);
      g_assert_true (g_file_get_contents (path, &html, NULL, NULL));
      g_assert_nonnull (strstr (html, "<html lang=\"en\""));
      g_assert_nonnull (strstr (html, "Save My Answers"));
      g_assert_nonnull (strstr (html, gs_test_catalogue_translation (catalogue, "Save My Answers")));
      g_assert_nonnull (strstr (html, names[i]));
    }
  gs_test_iterate_until (library_counts_respondents, &wait);

  /* A page for anyone, saved under a name without ".html": the page is written all the same,
   * as a web page, and nobody is added. */
  {
    const char *nobody[] = { NULL };
    g_autofree char *chosen = g_build_filename (fixture->tmp, "for-anyone", NULL);
    g_autofree char *written = g_build_filename (fixture->tmp, "for-anyone.html", NULL);

    gs_window_send_questionnaires_in (window, nobody, NULL, "en", NULL, chosen);
    gs_test_wait_for_file (written);
    g_assert_true (library_counts_respondents (&wait));
  }

  gs_window_export_questionnaire_in (window, "en", paper);
  gs_test_wait_for_file (paper);
  paper_text = gs_test_pdf_text (paper);
  g_assert_nonnull (strstr (paper_text, "Organisational context"));
  g_assert_null (strstr (paper_text, gs_test_catalogue_translation (catalogue, "Organisational context")));
  g_assert_cmpstr (gs_language_current (), ==, language);
}

static GtkWindow *
wait_for_file_chooser (void)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  for (;;)
    {
      GListModel *toplevels = gtk_window_get_toplevels ();

      for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
        {
          g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

          if (GTK_IS_FILE_CHOOSER_DIALOG (toplevel) && gtk_widget_get_visible (GTK_WIDGET (toplevel)))
            return toplevel;
        }
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

/* A drop-down that offers English among its options: the save dialog's Language. */
static gboolean
is_language_list (GtkWidget     *widget,
                  gconstpointer  data)
{
  GListModel *options = GTK_IS_DROP_DOWN (widget) ? gtk_drop_down_get_model (GTK_DROP_DOWN (widget)) : NULL;

  for (guint i = 0; options != NULL && i < g_list_model_get_n_items (options); i++)
    {
      g_autoptr(GtkStringObject) option = g_list_model_get_item (options, i);

      if (GTK_IS_STRING_OBJECT (option) && g_str_equal (gtk_string_object_get_string (option), "English"))
        return TRUE;
    }
  return FALSE;
}

/* The report's and the paper questionnaire's save dialogs, as a person sees them (GTK's own
 * file chooser, without a desktop portal), offer the window's language first, chosen. */
static void
test_save_dialogs_choose_the_window_language (GsTestFixture *fixture,
                                              gconstpointer  user_data)
{
  GsWindow *window = gs_test_activate_and_show (fixture);
  const char *actions[] = { "win.export-report", "win.export-questionnaire" };

  gs_test_open_demo_tab (window, "overview");
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      GtkWindow *chooser;
      GtkWidget *list;

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), actions[i], NULL));
      chooser = wait_for_file_chooser ();
      list = gs_test_find_widget (GTK_WIDGET (chooser), is_language_list, NULL);
      g_assert_nonnull (list);
      g_assert_cmpstr (gtk_string_object_get_string (GTK_STRING_OBJECT (gtk_drop_down_get_selected_item (GTK_DROP_DOWN (list)))),
                       ==, gs_language_name (language));
      gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
      gs_test_drain ();
    }
}

int
main (int   argc,
      char *argv[])
{
  /* the language comes first: the application's menus are translated when it starts */
  language = argc > 1 && argv[argc - 1][0] != '-' ? argv[--argc] : "cy";
  gs_test_use_language (language);
  gs_test_ui_init (&argc, &argv);
  gs_test_use_language (language);  /* gtk_test_init() set the locale again */
  g_test_add ("/ui/language/window", GsTestFixture, NULL,
              gs_test_fixture_set_up, test_window_in_language, gs_test_fixture_tear_down);
  g_test_add ("/ui/language/report-and-chart-in-other-languages", GsTestFixture, NULL,
              gs_test_fixture_set_up, test_documents_in_other_languages, gs_test_fixture_tear_down);
  g_test_add ("/ui/language/save-dialogs-choose-the-window-language", GsTestFixture, NULL,
              gs_test_fixture_set_up, test_save_dialogs_choose_the_window_language, gs_test_fixture_tear_down);
  g_test_add ("/ui/language/questionnaires-in-other-languages", GsTestFixture, NULL,
              gs_test_fixture_set_up, test_questionnaires_in_other_languages, gs_test_fixture_tear_down);
  return gs_test_ui_run ();
}
