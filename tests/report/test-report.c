/* test-report.c — the PDF report, read back with poppler as a reader's viewer would
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <poppler.h>

#include "gs-test-util.h"
#include "core/gs-demo.h"
#include "report/gs-questionnaire.h"
#include "report/gs-web-questionnaire.h"
#include "report/gs-report.h"
#include "report/gs-slides.h"

/* Debian 12's poppler-glib does not declare these yet. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

/* Table 1 of Bate, Robert and Bevan, character for character. */
static const char *table_1[] = {
  "A planned programme of change with goals and milestones (centrally led)",
  "Change is about releasing energy and is largely self-directing (bottom up)",
  "“Motivating” people", "“Moving” people",
  "Change is driven by an appeal to the “what’s in it for me”", "There may well be personal costs involved",
  "Talks about “overcoming resistance”", "Insists change needs opposition—it is the friend not the enemy of change",
  "Change is done “to” people or “with” them—leaders and followers", "People change themselves and each other—peer to peer",
  "Driven by formal systems change: structures (roles, institutions) lead the change process",
  "Driven by informal systems: structures consolidate, stabilise and institutionalise emergent meanings but create nothing",
};

/* Text with every space and line break removed: wrapping in the PDF does not matter. */
static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      g_string_append_unichar (out, g_utf8_get_char (p));
  return g_string_free (out, FALSE);
}

static char *
temp_pdf (const char *name)
{
  g_autofree char *dir = g_dir_make_tmp ("gs-report-XXXXXX", NULL);

  g_assert_nonnull (dir);
  return g_build_filename (dir, name, NULL);
}

static PopplerDocument *
open_pdf (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  PopplerDocument *document = poppler_document_new_from_file (uri, NULL, &error);

  g_assert_no_error (error);
  return document;
}

static char *
page_text (PopplerDocument *document,
           int              index)
{
  g_autoptr(PopplerPage) page = poppler_document_get_page (document, index);
  g_autofree char *text = poppler_page_get_text (page);

  return squeeze (text);
}

static char *
document_text (PopplerDocument *document)
{
  GString *all = g_string_new (NULL);

  for (int i = 0; i < poppler_document_get_n_pages (document); i++)
    {
      g_autofree char *text = page_text (document, i);
      g_string_append (all, text);
    }
  return g_string_free (all, FALSE);
}

static gsize
count_char (const char *text,
            char        c)
{
  gsize n = 0;

  for (const char *p = text; *p != '\0'; p++)
    n += *p == c;
  return n;
}

/* How far down page @index (in points) the lowest @c reaches. */
static double
lowest_letter (PopplerDocument *document,
               int              index,
               gunichar         c)
{
  g_autoptr(PopplerPage) page = poppler_document_get_page (document, index);
  g_autofree char *text = poppler_page_get_text (page);
  g_autofree PopplerRectangle *boxes = NULL;
  guint n_boxes = 0, i = 0;
  double lowest = 0;

  g_assert_true (poppler_page_get_text_layout (page, &boxes, &n_boxes));
  for (const char *p = text; *p != '\0' && i < n_boxes; p = g_utf8_next_char (p), i++)
    if (g_utf8_get_char (p) == c)
      lowest = MAX (lowest, boxes[i].y2);
  return lowest;
}

static void
assert_contains (const char *haystack,
                 const char *needle)
{
  g_autofree char *squeezed = squeeze (needle);

  if (strstr (haystack, squeezed) == NULL)
    g_error ("the report does not contain “%s”", needle);
}

static void
assert_not_contains (const char *haystack,
                     const char *needle)
{
  g_autofree char *squeezed = squeeze (needle);

  if (strstr (haystack, squeezed) != NULL)
    g_error ("the report contains “%s”", needle);
}

/* How full page @index is: from the top of the body (under the running header) to the
 * lowest letter above the footer, as a share of the body's height. */
static double
page_fill (PopplerDocument *document,
           int              index)
{
  g_autoptr(PopplerPage) page = poppler_document_get_page (document, index);
  g_autofree PopplerRectangle *boxes = NULL;
  guint n_boxes = 0;
  double width, height, lowest = 60, body_top = 60, body_bottom;

  poppler_page_get_size (page, &width, &height);
  body_bottom = height - 50;
  g_assert_true (poppler_page_get_text_layout (page, &boxes, &n_boxes));
  for (guint i = 0; i < n_boxes; i++)
    if (boxes[i].y2 < body_bottom)
      lowest = MAX (lowest, boxes[i].y2);
  return (lowest - body_top) / (body_bottom - body_top);
}

/* The smallest type on page @index, in points. */
static double
smallest_type (PopplerDocument *document,
               int              index)
{
  g_autoptr(PopplerPage) page = poppler_document_get_page (document, index);
  GList *attributes = poppler_page_get_text_attributes (page);
  double smallest = G_MAXDOUBLE;

  for (GList *l = attributes; l != NULL; l = l->next)
    smallest = MIN (smallest, ((PopplerTextAttributes *) l->data)->font_size);
  poppler_page_free_text_attributes (attributes);
  return smallest;
}

/* The page's own heading: its first line under the running header. */
static char *
page_heading (PopplerDocument *document,
              int              index)
{
  g_autoptr(PopplerPage) page = poppler_document_get_page (document, index);
  g_autofree char *text = poppler_page_get_text (page);
  g_auto(GStrv) lines = g_strsplit (text, "\n", 3);

  return g_strdup (index == 0 || lines[0] == NULL || lines[1] == NULL ? "" : lines[1]);
}

/* The demo trust's follow-up, compared with its baseline or not. */
static GsAnalysis *
load_demo_analysis (gboolean with_baseline)
{
  g_autoptr(GPtrArray) demo = gs_demo_build_assessments (gs_test_instrument ());

  return gs_analysis_new (gs_test_instrument (), g_ptr_array_index (demo, 1),
                          with_baseline ? g_ptr_array_index (demo, 0) : NULL, 3);
}

/* The demo trust's follow-up: the pages in order, the metadata, and the words a reader
 * looks for. */
static void
test_demo_report (void)
{
  g_autofree char *path = temp_pdf ("report.pdf");
  g_autoptr(GError) error = NULL;
  g_autoptr(PopplerDocument) document = NULL;
  g_autoptr(GsReport) layout = NULL;
  g_autofree char *all = NULL;
  g_autofree char *title = NULL;
  static const char *fixed_pages[] = {
    /* The verdict first; what to do (the suggestions) and how the groups differ before the
     * evidence, within the first four pages; then the charts, two to a page where they stay
     * legible. */
    "Riverside Community Health NHS Trust", "Executive summary", "Suggestions", "Context profile",
  };
  static const char *charts_in_order[] = {
    "Context profile", "Table 1, row 1", "Table 1, row 2", "Table 1, row 3", "Table 1, row 4", "Table 1, row 5",
    "Table 1, row 6", "Table 1 at a glance", "Movement timeline", "Compared with the previous assessment", "Item by item",
  };
  g_autoptr(GsAnalysis) source = load_demo_analysis (TRUE);

  g_assert_true (gs_report_write_pdf (source, GS_PAPER_A4, GS_REPORT_DEFAULT, path, &error));
  g_assert_no_error (error);
  layout = gs_report_new (source, 595.276, 841.89, GS_REPORT_DEFAULT);

  document = open_pdf (path);
  g_assert_cmpint (poppler_document_get_n_pages (document), ==, (int) gs_report_get_n_pages (layout));
  for (guint i = 0; i < G_N_ELEMENTS (fixed_pages); i++)
    {
      g_autofree char *text = page_text (document, (int) i);
      assert_contains (text, fixed_pages[i]);
    }
  {
    g_autofree char *last = page_text (document, poppler_document_get_n_pages (document) - 1);
    g_autofree char *footer = g_strdup_printf ("Page %d of %d", poppler_document_get_n_pages (document),
                                               poppler_document_get_n_pages (document));
    assert_contains (last, "References");
    assert_contains (last, footer);
  }

  /* The charts in the registry's order (two on a page read in either order), two to a page
   * where they stay legible: the rows of Table 1 do. */
  {
    int previous = 3, pages_of_two = 0;

    for (int i = 3; i < poppler_document_get_n_pages (document); i++)
      {
        g_autofree char *text = page_text (document, i);
        guint on_page = 0;

        for (guint c = 0; c < G_N_ELEMENTS (charts_in_order); c++)
          {
            g_autofree char *title = squeeze (charts_in_order[c]);

            on_page += strstr (text, title) != NULL;
          }
        pages_of_two += on_page == 2;
      }
    g_assert_cmpint (pages_of_two, >=, 2);

    for (guint c = 0; c < G_N_ELEMENTS (charts_in_order); c++)
      {
        g_autofree char *title = squeeze (charts_in_order[c]);
        int found = -1;

        for (int i = previous; i < poppler_document_get_n_pages (document) && found < 0; i++)
          {
            g_autofree char *text = page_text (document, i);

            if (strstr (text, title) != NULL)
              found = i;
          }
        if (found < 0)
          g_error ("“%s” is not where it belongs among the charts", charts_in_order[c]);
        previous = found;
      }
  }
  {
    g_autofree char *cover = page_text (document, 0);
    g_autofree char *third = page_text (document, 2);
    g_autofree char *fourth = page_text (document, 3);
    g_autofree char *overall = g_strdup_printf ("Overall readiness: %.0f out of 100.",
                                                gs_analysis_get_results (source)->overall_aggregate.mean);

    assert_contains (cover, overall);
    assert_contains (cover, "Weakest: Triggering conditions");
    assert_contains (cover, "Stage estimate: ");
    assert_contains (third, "How the groups compare");
    assert_contains (third, "Board (3)");
    assert_contains (fourth, "Context profile");
  }
  /* No page under half full but the last of its section; no type under 7 points. */
  for (int i = 1; i < poppler_document_get_n_pages (document); i++)
    {
      g_autofree char *heading = page_heading (document, i);
      g_autofree char *next = i + 1 < poppler_document_get_n_pages (document) ? page_heading (document, i + 1) : g_strdup ("");

      if (page_fill (document, i) < 0.5 && g_str_equal (heading, next))
        g_error ("page %d (%s) is under half full in the middle of its section", i + 1, heading);
      if (smallest_type (document, i) < 6.95)
        g_error ("page %d (%s) has type of %.1f points", i + 1, heading, smallest_type (document, i));
    }

  title = poppler_document_get_title (document);
  g_assert_nonnull (strstr (title, "Riverside Community Health NHS Trust (fictional example)"));
  {
    g_autofree char *author = poppler_document_get_author (document);
    g_autofree char *subject = poppler_document_get_subject (document);

    g_assert_cmpstr (author, ==, "Groundswell");
    g_assert_nonnull (strstr (subject, "Bate, Robert and Bevan"));
  }
  g_assert_cmpint (poppler_document_get_creation_date (document), >, 0);

  all = document_text (document);
  assert_contains (all, "Riverside Community Health NHS Trust (fictional example)");
  for (guint d = 0; d < gs_analysis_get_results (source)->n_domains; d++)
    {
      const GsDomainResult *domain = &gs_analysis_get_results (source)->domains[d];
      g_autofree char *line = g_strdup_printf ("%s: %.0f", domain->domain->title, domain->aggregate.mean);
      assert_contains (all, line);
    }
  for (guint i = 0; i < G_N_ELEMENTS (table_1); i++)
    assert_contains (all, table_1[i]);
  assert_contains (all, "Bate P, Robert G, Bevan H. The next phase of healthcare improvement: what can we learn from "
                        "social movements? Quality and Safety in Health Care 2004;13(1):62–66. doi:10.1136/qshc.2003.006965");
  /* The plan, after the suggestions: each action with its owner, date and status. */
  assert_contains (all, "The plan");
  assert_contains (all, "Set mobilisation in motion, then coordinate and resource what staff start.");
  assert_contains (all, "Head of Quality Improvement");
  assert_contains (all, "31 May 2026");
  assert_contains (all, "Signals to watch");
  assert_contains (all, "Appendix: method");
  assert_contains (all, "Suggestions");
  assert_contains (all, "weigh the same");
  assert_contains (all, "Weakest domain: ");
  assert_contains (all, "Cronbach's alpha");
  assert_contains (all, "Groundswell's choices, not the paper's");
  assert_contains (all, "has not been validated");
  assert_contains (all, "5 items come from Pettigrew, Ferlie and McKee's receptive-context factors (1992)");
  assert_contains (all, "Figure 1, “Three stages to build a movement”, is not in the text we have");
  assert_not_contains (all, "Suggestions from the paper");
  /* Each suggestion names the passage it draws on, or says it is Groundswell's own. */
  {
    const GsResults *results = gs_analysis_get_results (source);
    guint n_own = 0;

    for (guint i = 0; i < results->suggestions->len; i++)
      n_own += ((const GsSuggestion *) g_ptr_array_index (results->suggestions, i))->text->source.ref == NULL;
    g_assert_cmpuint (n_own, >, 0);
    g_assert_cmpuint (n_own, <, results->suggestions->len);
    assert_contains (all, "Groundswell’s own advice: it cites no passage.");
    /* Cited short in the text; in full once, in the references. */
    assert_contains (all, "Drawing on Bate et al. 2004, ");
    assert_not_contains (all, "Drawing on Bate P, Robert G, Bevan H.");
  }
}

/* US Letter when asked. */
static void
test_letter (void)
{
  g_autofree char *path = temp_pdf ("letter.pdf");
  g_autoptr(GError) error = NULL;
  g_autoptr(PopplerDocument) document = NULL;
  g_autoptr(PopplerPage) page = NULL;
  double width, height;
  g_autoptr(GsAnalysis) source = load_demo_analysis (FALSE);

  g_assert_true (gs_report_write_pdf (source, GS_PAPER_LETTER, GS_REPORT_DEFAULT, path, &error));
  document = open_pdf (path);
  page = poppler_document_get_page (document, 0);
  poppler_page_get_size (page, &width, &height);
  g_assert_cmpfloat_with_epsilon (width, 612, 0.5);
  g_assert_cmpfloat_with_epsilon (height, 792, 0.5);
  {
    /* No baseline: no comparison page. */
    g_autofree char *all = document_text (document);
    g_assert_null (strstr (all, "Comparedwiththepreviousassessment"));
  }
}

/* An instrument with 200 items in one domain: the item table runs over several pages, its
 * header on each, and every row appears exactly once. */
static void
test_item_table_of_200 (void)
{
  g_autoptr(GString) json = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GsInstrument) big = NULL;
  g_autoptr(GsAssessment) assessment = NULL;
  g_autofree char *path = temp_pdf ("items.pdf");
  g_autoptr(PopplerDocument) document = NULL;
  g_autofree char *all = NULL;
  GsRespondent *respondent;
  g_autoptr(GsAnalysis) source = NULL;
  guint table_pages = 0;

  g_string_append (json, "{\"format\":1,\"id\":\"big\",\"version\":1,\"title\":\"Big\",\"references\":[{\"id\":\"paper\",\"citation\":\"P.\"}],"
                         "\"scales\":[{\"id\":\"agreement\",\"question\":\"Q\",\"labels\":[\"1\",\"2\",\"3\",\"4\",\"5\"],\"dont_know\":true,\"not_applicable\":true},"
                         "{\"id\":\"frequency\",\"question\":\"Q\",\"labels\":[\"1\",\"2\",\"3\",\"4\",\"5\"],\"dont_know\":true,\"not_applicable\":false}],"
                         "\"domains\":[{\"id\":\"d\",\"part\":\"receptive-context\",\"title\":\"Everything\",\"description\":\"D\","
                         "\"source\":{\"ref\":\"paper\",\"section\":\"S\",\"quote\":\"Q\"},\"suggestions\":[{\"text\":\"T\",\"source\":{\"ref\":\"paper\",\"section\":\"S\",\"quote\":\"Q\"}}],\"items\":[");
  for (guint i = 0; i < 200; i++)
    g_string_append_printf (json, "%s{\"id\":\"i%u\",\"scale\":\"agreement\",\"statement\":\"We check row number %03u of the long table.\","
                                  "\"hint\":\"H\",\"source\":{\"ref\":\"paper\",\"section\":\"S\",\"quote\":\"Q\"}}", i ? "," : "", i, i);
  g_string_append (json, "]}],\"polarity\":{\"title\":\"P\",\"left_label\":\"L\",\"right_label\":\"R\","
                         "\"greater_purpose\":{\"text\":\"G\",\"source\":{\"ref\":\"paper\",\"section\":\"S\",\"quote\":\"Q\"}},"
                         "\"deeper_fear\":{\"text\":\"F\",\"source\":{\"ref\":\"paper\",\"section\":\"S\",\"quote\":\"Q\"}},\"rows\":[{\"id\":\"r\"");
  for (guint pole = 0; pole < 2; pole++)
    {
      g_string_append_printf (json, ",\"%s\":{\"pole\":\"Pole %u\"", pole ? "right" : "left", pole);
      for (guint f = 0; f < 4; f++)
        g_string_append_printf (json, ",\"%s\":[{\"text\":\"T\",\"source\":{\"ref\":\"paper\",\"section\":\"S\",\"quote\":\"Q\"}}]",
                                (const char *[]) { "upsides", "downsides", "action_steps", "early_warnings" }[f]);
      g_string_append_printf (json, ",\"items\":{\"upside\":[{\"id\":\"u%ua\",\"statement\":\"U\",\"source\":{\"ref\":\"paper\",\"section\":\"S\",\"quote\":\"Q\"}},"
                                    "{\"id\":\"u%ub\",\"statement\":\"U\",\"source\":{\"ref\":\"paper\",\"section\":\"S\",\"quote\":\"Q\"}}],"
                                    "\"downside\":[{\"id\":\"d%ua\",\"statement\":\"D\",\"source\":{\"ref\":\"paper\",\"section\":\"S\",\"quote\":\"Q\"}},"
                                    "{\"id\":\"d%ub\",\"statement\":\"D\",\"source\":{\"ref\":\"paper\",\"section\":\"S\",\"quote\":\"Q\"}}]},"
                                    "\"suggestions\":{\"upside\":{\"text\":\"T\",\"source\":{\"ref\":\"paper\",\"section\":\"S\",\"quote\":\"Q\"}},"
                                    "\"downside\":{\"text\":\"T\",\"source\":{\"ref\":\"paper\",\"section\":\"S\",\"quote\":\"Q\"}}}}", pole, pole, pole, pole);
    }
  g_string_append (json, "}]},\"stages\":{\"derivation\":\"D\",\"threshold\":60,\"list\":[{\"id\":\"s\",\"name\":\"S\",\"description\":\"D\","
                         "\"evidence\":{\"domains\":[\"d\"],\"items\":[]},\"source\":{\"ref\":\"paper\",\"section\":\"S\",\"quote\":\"Q\"}}]}}");
  big = gs_instrument_new_from_data (json->str, -1, "big.json", &error);
  g_assert_no_error (error);

  assessment = gs_assessment_new (NULL, NULL, "Long Table Trust", "All rows", "2026-01-01", "big", 1);
  respondent = gs_assessment_add_respondent (assessment, NULL, "R", NULL);
  for (guint i = 0; i < 200; i++)
    {
      g_autofree char *id = g_strdup_printf ("i%u", i);
      gs_respondent_set_answer (respondent, id, GS_ANSWER_VALUE, 1 + i % 5, NULL);
    }
  source = gs_analysis_new (big, assessment, NULL, 3);
  g_assert_true (gs_report_write_pdf (source, GS_PAPER_A4, GS_REPORT_DEFAULT, path, &error));
  g_assert_no_error (error);

  document = open_pdf (path);
  {
    GString *table = g_string_new (NULL);

    for (int p = 0; p < poppler_document_get_n_pages (document); p++)
      {
        g_autofree char *text = page_text (document, p);

        if (strstr (text, "Itembyitem") == NULL)
          continue;
        table_pages++;
        g_string_append (table, text);
        /* The header row, on every page of the table. */
        g_assert_nonnull (strstr (text, "Statement"));
        g_assert_nonnull (strstr (text, "Spread(SD)"));
        g_assert_nonnull (strstr (text, "Agreement(r_wg)"));
        g_assert_null (strstr (text, "Disagree"));
      }
    all = g_string_free (table, FALSE);
  }
  g_assert_cmpuint (table_pages, >=, 4);
  /* The summary lists the strongest and weakest items too; count rows in the table only. */
  for (guint i = 0; i < 200; i++)
    {
      g_autofree char *row = g_strdup_printf ("Wecheckrownumber%03uofthelongtable.", i);
      const char *first = strstr (all, row);
      if (first == NULL || strstr (first + 1, row) != NULL)
        g_error ("row %u appears %s in the item table", i, first == NULL ? "nowhere" : "twice");
    }
}

/* No answers, one respondent, very long texts: a report still comes out, and says what is
 * missing. */
static void
test_sparse_and_long (void)
{
  g_autofree char *long_name = g_strnfill (400, 'N');
  g_autofree char *long_title = g_strnfill (300, 'T');
  g_autofree char *long_note = g_strnfill (6000, 'x');
  g_autofree char *longer_note = g_strnfill (15000, 'x');  /* taller than a page */
  g_autofree char *path = temp_pdf ("sparse.pdf");
  g_autoptr(GError) error = NULL;

  for (guint k = 0; k < 3; k++)
    {
      g_autoptr(GsAssessment) assessment = gs_assessment_new (NULL, NULL, k == 2 ? long_name : "Quiet Trust",
                                                              k == 2 ? long_title : "Nothing yet",
                                                              "2026-01-01", "movement-readiness", GS_TEST_VERSION);
      g_autoptr(PopplerDocument) document = NULL;
      g_autofree char *all = NULL;
      g_autoptr(GsAnalysis) source = NULL;

      if (k >= 1)
        {
          GsRespondent *only = gs_assessment_add_respondent (assessment, NULL, "Only one", "Board");
          gs_respondent_set_answer (only, "org-key-people", GS_ANSWER_VALUE, 4, k == 2 ? longer_note : "Minutes");
        }
      if (k == 2)
        gs_assessment_set_polarity_text (assessment, "greater_purpose", long_note);
      source = gs_analysis_new (gs_test_instrument (), assessment, NULL, 3);
      g_assert_true (gs_report_write_pdf (source, GS_PAPER_A4, GS_REPORT_DEFAULT, path, &error));
      g_assert_no_error (error);
      document = open_pdf (path);
      all = document_text (document);
      if (k == 0)
        {
          assert_contains (all, "No one has answered yet, so there are no scores");
          /* No notes: no section saying so. */
          g_assert_null (strstr (all, "Evidence notes"));
        }
      else
        {
          assert_contains (all, "Triggering conditions: not answered");
          assert_contains (all, "Organisational context: 75");
        }
      if (k == 2)
        {
          /* A note taller than a page, and a chart's description longer than the room below the
           * chart, run on to further pages, not off the bottom of this one … */
          g_assert_cmpuint (count_char (all, 'x'), >=, 15000 + 6000);
          for (int i = 0; i < poppler_document_get_n_pages (document); i++)
            g_assert_cmpfloat (lowest_letter (document, i, 'x'), <, 842 - 50 + 4);  /* A4, above the bottom margin */
          /* … and the 400-letter name in the running header stays on its one line above the rule. */
          g_assert_cmpfloat (lowest_letter (document, 1, 'N'), <, 40);
          /* The names wrap on the cover, and the citation at its foot is still on the page. */
          g_assert_cmpfloat (lowest_letter (document, 0, 'Q'), <, 842 - 50 + 4);
          g_assert_cmpfloat (lowest_letter (document, 0, 'Q'), >, 0);
        }
        }
}

/* A folder that does not exist: an error naming the file, and nothing written. */
static void
test_unwritable (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GsAnalysis) source = load_demo_analysis (FALSE);

  g_assert_false (gs_report_write_pdf (source, GS_PAPER_A4, GS_REPORT_DEFAULT, "/nonexistent/folder/report.pdf", &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "/nonexistent/folder/report.pdf"));
}

/* The first evidence note in @analysis and who wrote it. */
static void
first_note (GsAnalysis   *analysis,
            const char  **name,
            const char  **note)
{
  GPtrArray *respondents = gs_assessment_get_respondents (gs_analysis_get_assessment (analysis));
  GPtrArray *items = gs_instrument_get_items (gs_analysis_get_instrument (analysis));

  for (guint i = 0; i < items->len; i++)
    for (guint r = 0; r < respondents->len; r++)
      {
        GsRespondent *respondent = g_ptr_array_index (respondents, r);
        const GsAnswer *answer = gs_respondent_get_answer (respondent, ((const GsItem *) g_ptr_array_index (items, i))->id);

        if (answer != NULL && answer->note[0] != '\0')
          {
            *name = respondent->name;
            *note = answer->note;
            return;
          }
      }
  g_assert_not_reached ();
}

/* The demo baseline's evidence note is printed without its writer's name unless asked for:
 * a note can say who wrote it even where their group is too small to be shown. */
static void
test_notes_named_only_when_asked (void)
{
  g_autoptr(GPtrArray) demo = gs_demo_build_assessments (gs_test_instrument ());
  g_autoptr(GsAnalysis) source = gs_analysis_new (gs_test_instrument (), g_ptr_array_index (demo, 0), NULL, 3);
  const char *name = NULL, *note = NULL;
  g_autofree char *named = NULL;
  g_autofree char *unnamed = NULL;

  first_note (source, &name, &note);
  named = g_strdup_printf ("— %s: %s", name, note);
  unnamed = g_strdup_printf ("— %s", note);
  for (guint asked = 0; asked < 2; asked++)
    {
      g_autofree char *path = temp_pdf (asked ? "named.pdf" : "unnamed.pdf");
      g_autoptr(GError) error = NULL;
      g_autoptr(PopplerDocument) document = NULL;
      g_autofree char *all = NULL;

      g_assert_true (gs_report_write_pdf (source, GS_PAPER_A4, asked ? GS_REPORT_NAME_RESPONDENTS : GS_REPORT_DEFAULT,
                                          path, &error));
      g_assert_no_error (error);
      document = open_pdf (path);
      all = document_text (document);
      if (asked)
        assert_contains (all, named);
      else
        {
          assert_contains (all, unnamed);
          assert_not_contains (all, named);
        }
    }
}

/* Words as a reader's viewer gives them, one space between each: a statement may wrap. */
static char *
collapse_space (const char *text)
{
  g_auto(GStrv) words = g_strsplit_set (text, " \n\t", -1);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0')
      g_string_append_printf (out, "%s%s", out->len > 0 ? " " : "", words[i]);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The paper questionnaire: a cover with fields for a name and a group, then each part from a
 * new page, every statement numbered with its id and its scale's words. */
static void
test_paper_questionnaire (void)
{
  g_autofree char *dir = g_dir_make_tmp ("gs-questionnaire-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "questionnaire.pdf", NULL);
  g_autoptr(GPtrArray) demo = gs_demo_build_assessments (gs_test_instrument ());
  GsAssessment *assessment = g_ptr_array_index (demo, 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *all = NULL;
  g_autofree char *words = NULL;
  GPtrArray *items = gs_instrument_get_items (gs_test_instrument ());
  guint n_parts = gs_instrument_get_n_parts (gs_test_instrument ());

  g_assert_true (gs_questionnaire_write_pdf (gs_test_instrument (), assessment, GS_PAPER_A4, path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (gs_test_pdf_pages (path), >=, 1 + (int) n_parts);
  all = gs_test_pdf_text (path);
  words = collapse_space (all);
  g_assert_nonnull (strstr (words, "Name, or the code you were given"));
  g_assert_nonnull (strstr (words, "Group (board, managers, front line…)"));
  for (guint i = 0; i < items->len; i++)
    {
      const GsItem *item = g_ptr_array_index (items, i);
      g_autofree char *numbered = g_strdup_printf ("%u. %s", i + 1, item->statement);
      g_autofree char *expected = collapse_space (numbered);

      g_assert_nonnull (strstr (words, expected));
      g_assert_nonnull (strstr (words, item->id));
    }
  /* Each part begins a page: its title is the first line of one. */
  for (guint p = 0; p < n_parts; p++)
    {
      g_autofree char *title = NULL;
      const char *description;
      g_autoptr(GPtrArray) part = gs_instrument_get_part (gs_test_instrument (), p, &title, &description);
      /* The title's start: a long one wraps onto a second line. */
      g_autofree char *starts = g_strdup_printf ("\n%.20s", title);

      g_assert_cmpuint (part->len, >, 0);
      g_assert_nonnull (strstr (all, starts));
    }
  g_assert_nonnull (strstr (words, "1 Strongly disagree"));
  g_assert_nonnull (strstr (words, "Don't know"));
}

static guint
count_occurrences (const char *haystack,
                   const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

/* The text between the last @open and the @close after it. */
static char *
last_block (const char *html,
            const char *open,
            const char *close)
{
  const char *start = g_strrstr (html, open);
  const char *end;

  g_assert_nonnull (start);
  start += strlen (open);
  end = strstr (start, close);
  g_assert_nonnull (end);
  return g_strndup (start, end - start);
}

/* The web questionnaire (the browser test drives it; this checks the file): one fieldset
 * per question with its radio group, a CSP that allows exactly its own style and script by
 * hash and nothing else, and a name that tries to close the script block does not. */
static void
test_web_questionnaire_is_self_contained (void)
{
  g_autoptr(GsAssessment) assessment = gs_assessment_new (NULL, NULL, "</script><script>alert(1)</script> & Co",
                                                          "Baseline", "2026-03-15", "movement-readiness", GS_TEST_VERSION);
  GsWebRespondent anyone = { NULL, NULL, NULL };
  g_autofree char *html = gs_web_questionnaire_build (gs_test_instrument (), assessment, &anyone);
  g_autofree char *script = last_block (html, "<script>", "</script>");
  g_autofree char *style = last_block (html, "<style>", "</style>");
  GPtrArray *items = gs_instrument_get_items (gs_test_instrument ());
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  guint8 digest[32];
  gsize length = sizeof digest;
  g_autofree char *base64 = NULL;
  g_autofree char *allowed = NULL;

  g_assert_cmpuint (count_occurrences (html, "<fieldset class=\"item\""), ==, items->len);
  g_assert_cmpuint (count_occurrences (html, "<legend>"), ==, items->len + 1);
  g_assert_cmpuint (count_occurrences (html, "type=\"radio\""), >=, items->len * GS_SCALE_POINTS);
  g_assert_nonnull (strstr (html, "content=\"default-src 'none'; style-src 'sha256-"));
  g_assert_null (strstr (html, "http://"));
  g_assert_null (strstr (html, "https://"));
  g_assert_null (strstr (html, "src=\""));
  /* The name is text everywhere: escaped in the page, \u003c in the data block. */
  g_assert_cmpuint (count_occurrences (html, "<script>"), ==, 1);
  g_assert_nonnull (strstr (html, "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co"));
  g_assert_nonnull (strstr (html, "\\u003c/script>\\u003cscript>alert(1)\\u003c/script> & Co"));
  /* The policy allows exactly the script that is there. */
  g_checksum_update (checksum, (const guchar *) script, (gssize) strlen (script));
  g_checksum_get_digest (checksum, digest, &length);
  base64 = g_base64_encode (digest, length);
  allowed = g_strdup_printf ("script-src 'sha256-%s'", base64);
  g_assert_nonnull (strstr (html, allowed));
  g_assert_nonnull (strstr (script, "getElementById(\"gs-save\")"));
  g_assert_nonnull (strstr (style, "prefers-color-scheme: dark"));
}

/* The deck: a title slide with the verdict, then one slide per chart with its sentence of
 * reading, every word of both drawn whole at a projector's smallest and largest sizes. */
static void
test_slides (void)
{
  g_autoptr(GsAnalysis) analysis = load_demo_analysis (TRUE);
  g_autoptr(GsAnalysis) alone = load_demo_analysis (FALSE);
  g_autoptr(GPtrArray) slides = gs_slides_new (analysis);
  g_autoptr(GPtrArray) fewer = gs_slides_new (alone);
  const GsResults *results = gs_analysis_get_results (analysis);
  g_autofree char *overall = g_strdup_printf ("Overall readiness: %.0f out of 100.", results->overall_aggregate.mean);
  static const struct { int width, height; } screens[] = { { 1280, 720 }, { 3840, 2160 } };
  guint n_charts;

  gs_chart_registry_get (&n_charts);
  /* Title, every chart, the plan (the example's follow-up has one). */
  g_assert_cmpuint (slides->len, ==, 1 + n_charts + 1);
  g_assert_cmpuint (fewer->len, ==, n_charts + 1);  /* no comparison without an earlier assessment */
  g_assert_cmpint (((GsSlide *) g_ptr_array_index (slides, 0))->kind, ==, GS_SLIDE_TITLE);
  g_assert_cmpint (((GsSlide *) g_ptr_array_index (slides, slides->len - 1))->kind, ==, GS_SLIDE_PLAN);
  g_assert_cmpstr (((GsSlide *) g_ptr_array_index (slides, slides->len - 1))->reading, ==,
                   "3 actions: 1 planned, 1 under way, 1 done.");
  g_assert_cmpstr (((GsSlide *) g_ptr_array_index (slides, 1))->chart, ==, "context");
  for (guint s = 0; s < G_N_ELEMENTS (screens); s++)
    for (guint i = 0; i < slides->len; i++)
      {
        const GsSlide *slide = g_ptr_array_index (slides, i);
        cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, screens[s].width, screens[s].height);
        cairo_t *cr = cairo_create (surface);
        g_autoptr(GArray) labels = gs_chart_labels_new ();
        gboolean title = FALSE, reading = FALSE, verdict = FALSE;

        gs_slide_draw (slide, analysis, cr, screens[s].width, screens[s].height, gs_palette_get (GS_PALETTE_DARK), labels);
        g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
        for (guint k = 0; k < labels->len; k++)
          {
            const GsChartLabel *label = &g_array_index (labels, GsChartLabel, k);

            title |= g_str_equal (label->text, slide->title);
            reading |= g_str_equal (label->text, slide->reading);
            verdict |= g_str_equal (label->text, overall);
            if (g_str_equal (label->text, slide->title) || g_str_equal (label->text, slide->reading) ||
                g_str_equal (label->text, overall))
              g_assert_false (label->truncated || label->broken_word);
          }
        g_assert_true (title);
        g_assert_true (slide->kind == GS_SLIDE_TITLE ? verdict : reading);
        cairo_destroy (cr);
        cairo_surface_destroy (surface);
      }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/report/demo", test_demo_report);
  g_test_add_func ("/report/slides", test_slides);
  g_test_add_func ("/report/letter", test_letter);
  g_test_add_func ("/report/item-table-of-200", test_item_table_of_200);
  g_test_add_func ("/report/sparse-and-long", test_sparse_and_long);
  g_test_add_func ("/report/unwritable", test_unwritable);
  g_test_add_func ("/report/notes-named-only-when-asked", test_notes_named_only_when_asked);
  g_test_add_func ("/report/paper-questionnaire", test_paper_questionnaire);
  g_test_add_func ("/report/web-questionnaire-is-self-contained", test_web_questionnaire_is_self_contained);

  return g_test_run ();
}
