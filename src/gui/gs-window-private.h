/* gs-window-private.h — internals shared by the files of GsWindow
 *
 * gs-window.c          the window: its pages, the results shown, the day's check, busy
 * gs-window-results.c  the results page: built after the first frame, its tabs
 * gs-window-actions.c  its commands (GActions) and the dialogs they open
 * gs-window-export.c   the Export commands: their save dialogs and choices
 * gs-window-output.c   what leaves it: chart images, the report, printing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gs-answer-page.h"
#include "gs-chart-view.h"
#include "gs-compare-page.h"
#include "gs-library-view.h"
#include "gs-map-editor.h"
#include "gs-overview-page.h"
#include "gs-plan-page.h"
#include "gs-timeline-editor.h"
#include "gs-window.h"

G_BEGIN_DECLS

struct _GsWindow
{
  AdwApplicationWindow  parent_instance;

  GsStore              *store;
  GsInstrument         *instrument;
  GSettings            *settings;
  GCancellable         *cancellable;
  GsAnalysis           *analysis;      /* the results shown, or NULL */
  GCancellable         *loading;       /* the analysis being loaded, if any */
  gint64                shown_assessment; /* on the results or answer page */

  /* Template widgets */
  AdwHeaderBar         *header_bar;
  AdwViewSwitcherTitle *switcher_title;
  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  AdwStatusPage        *empty_page;
  GsLibraryView        *library_view;
  GtkWidget            *back_button;
  GtkWidget            *primary_menu_button;
  GtkWidget            *results_menu_button;
  GMenuModel           *primary_menu;     /* each menu button's, given it as it first opens */
  GMenuModel           *results_menu;
  GtkWidget            *answer_button;
  GtkWidget            *new_button;       /* only beside the library: the header is narrow */
  GtkWidget            *read_only_bar;    /* says the database can be read but not changed */
  GtkSpinner           *busy_spinner;     /* while a worker thread imports or writes a file */
  guint                 n_busy;           /* such jobs running */
  guint                 busy_timeout;     /* shows the spinner once a job takes more than a moment */
  guint                 daily_check_idle; /* starts the day's check once the window is drawn */
  gboolean              daily_check_started;
  GsAnswerPage         *answer_page;      /* added in code, after the first frame or on first use */
  /* The results page, built after the first frame (gs-window-results.ui); NULL until then */
  guint                 results_page_idle;
  GtkLabel             *results_heading;
  AdwViewStack         *chart_stack;
  AdwViewSwitcherBar   *switcher_bar;
  GsOverviewPage       *overview_page;    /* the results' tabs that are more than a chart */
  GsMapEditor          *map_editor;
  GsTimelineEditor     *timeline_editor;
  GsComparePage        *compare_page;
  GsPlanPage           *plan_page;
  GHashTable           *stale_tabs;       /* hidden tabs still showing an earlier analysis */

  /* The Undo of the last toast that offers one, also on Ctrl+Z (a toast is hard to reach by
   * keyboard, and gone in seconds): its action, target and toast (not owned; cleared when
   * dismissed). */
  char                 *undo_action;
  gint64                undo_id;
  AdwToast             *undo_toast;
  gboolean              focus_tab_when_shown;  /* back from answering: focus the results */
  gboolean              present_when_shown;    /* --present=ID: present once the results are scored */
};

void         gs_window_add_actions        (GsWindow     *self);
void         gs_window_add_export_actions (GsWindow     *self);
void         gs_window_add_survey_actions (GsWindow     *self);
void         gs_window_add_send_actions   (GsWindow     *self);
char        *gs_window_chosen_path        (GtkNativeDialog      *chooser,
                                           int                   response);
char        *gs_window_chosen_path_with_suffix (GtkNativeDialog    *chooser,
                                           int                   response,
                                           const char * const   *known);
char        *gs_window_path_with_suffix   (const char           *path,
                                           const char * const   *known,
                                           const char           *suffix);
void         gs_window_add_filter         (GtkFileChooserNative *chooser,
                                           const char           *name,
                                           ...) G_GNUC_NULL_TERMINATED;
void         gs_window_add_language_choice (GtkFileChooserNative *chooser);
void         gs_window_show_chooser       (GsWindow             *self,
                                           GtkFileChooserNative *chooser,
                                           GCallback             response_cb);
void         gs_window_update_actions     (GsWindow     *self);
void         gs_window_update_visible_page (GsWindow    *self);
void         gs_window_set_header         (GsWindow     *self,
                                           GsAssessment *results_of,
                                           const char   *subtitle);
void         gs_window_refresh_results_of (GsWindow     *self,
                                           gint64        assessment_id);
void         gs_window_show_results       (GsWindow     *self,
                                           gint64        assessment_id);
void         gs_window_show_answers       (GsWindow     *self,
                                           gint64        assessment_id);
void         gs_window_start_answering    (GsWindow     *self,
                                           gint64        assessment_id);
void         gs_window_forget_results     (GsWindow     *self);
GsChartView *gs_window_visible_chart_view (GsWindow     *self);
void         gs_window_ensure_results_page (GsWindow    *self);
void         gs_window_ensure_answer_page (GsWindow     *self);
void         gs_window_build_results_page_soon (GsWindow *self);
void         gs_window_forget_results_page (GsWindow    *self);
void         gs_window_set_results_analysis (GsWindow   *self,
                                           GsAnalysis   *analysis);
void         gs_window_show_toast         (GsWindow     *self,
                                           const char   *title);
void         gs_window_show_undo_toast    (GsWindow     *self,
                                           const char   *message,
                                           const char   *action,
                                           gint64        id);
void         gs_window_undo_last          (GsWindow     *self);
void         gs_window_focus_visible_tab  (GsWindow     *self);
void         gs_window_show_error         (GsWindow     *self,
                                           const char   *heading,
                                           const GError *error);
void         gs_window_begin_busy         (GsWindow     *self,
                                           const char   *what);
void         gs_window_end_busy           (GsWindow     *self);

G_END_DECLS
