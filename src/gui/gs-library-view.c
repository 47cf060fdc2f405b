/* gs-library-view.c — the library: every assessment, by organisation, searchable
 *
 * A GtkListView over GsLibraryModel: rows exist only around what is on screen, so a
 * consultant's 2,000 assessments open nearly as fast as two. Every row's menu is the one
 * GtkPopoverMenu of this view, filled for the row that asked and pointed at its button.
 *
 * GTK 4.8's list view makes up to 200 rows at once, whatever the height of the window: on a
 * large library that was most of the first frame. So the view is handed the first
 * entries only, enough for any screen, and the rest a few each frame once the window is
 * drawn (GtkSliceListModel); beyond 200 entries no more rows are made and the rest come at
 * once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gs-library"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "gs-library-row.h"
#include "gs-library-view.h"

struct _GsLibraryView
{
  GtkWidget       parent_instance;

  GsLibraryModel *model;
  GtkSliceListModel *shown;    /* the model's first entries, growing until it is all */
  guint           grow_tick;   /* the frame clock callback growing @shown */
  gboolean        growing;     /* whether a frame has begun to show @shown's first slice */
  GtkWidget      *row_menu;    /* the one popover menu every row shares */

  /* Template widgets */
  GtkWidget      *content;
  GtkSearchEntry *search_entry;
  GtkWidget      *no_match_label;
  GtkWidget      *scrolled_window;
  GtkListView    *list_view;
};

G_DEFINE_FINAL_TYPE (GsLibraryView, gs_library_view, GTK_TYPE_WIDGET)

enum {
  SIGNAL_ASSESSMENT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The menu of one assessment: the window's actions, aimed at it by id. */
static GMenuModel *
assessment_menu (gint64 assessment_id)
{
  static const struct { const char *label, *action; } entries[] = {
    { N_("_Rename…"), "win.rename-assessment" },
    { N_("Add a _Follow-up…"), "win.follow-up-assessment" },
    { N_("Rename the _Organisation…"), "win.rename-organisation" },
    { N_("_Delete"), "win.delete-assessment" },
  };
  GMenu *menu = g_menu_new ();

  for (gsize i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_(entries[i].label), NULL);

      g_menu_item_set_action_and_target (item, entries[i].action, "x", assessment_id);
      g_menu_append_item (menu, item);
    }
  return G_MENU_MODEL (menu);
}

static void
popup_row_menu (GsLibraryView *self,
                GsLibraryRow  *row)
{
  GsLibraryEntry *entry = gs_library_row_get_entry (row);
  GtkWidget *anchor = gs_library_row_get_menu_button (row);
  g_autoptr(GMenuModel) menu = NULL;
  graphene_rect_t bounds;

  if (entry == NULL || gs_library_entry_is_heading (entry) ||
      !gtk_widget_compute_bounds (anchor, GTK_WIDGET (self), &bounds))
    return;
  menu = assessment_menu (gs_assessment_summary_get_id (gs_library_entry_get_summary (entry)));
  gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (self->row_menu), menu);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->row_menu),
                               &(GdkRectangle) { (int) bounds.origin.x, (int) bounds.origin.y,
                                                 (int) bounds.size.width, (int) bounds.size.height });
  gtk_popover_popup (GTK_POPOVER (self->row_menu));
}

/* The row that holds the keyboard focus, if any. */
static GsLibraryRow *
focused_row (GsLibraryView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *child;

  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->list_view)))
    return NULL;
  if (GS_IS_LIBRARY_ROW (focus))
    return GS_LIBRARY_ROW (focus);
  /* The list view focuses the item widget that holds our row... */
  child = gtk_widget_get_first_child (focus);
  if (child != NULL && GS_IS_LIBRARY_ROW (child))
    return GS_LIBRARY_ROW (child);
  /* ...or a button inside it. */
  return GS_LIBRARY_ROW (gtk_widget_get_ancestor (focus, GS_TYPE_LIBRARY_ROW));
}

static void
update_no_match (GsLibraryView *self)
{
  gboolean any = gs_library_model_get_n_shown (self->model) > 0;

  gtk_widget_set_visible (self->no_match_label, !any);
  gtk_widget_set_visible (self->scrolled_window, any);
}

/* At first, enough entries to fill the window's height below the header bar, the heading
 * and the search (LIST_TOP_MIN pixels at least; rows are at least ROW_HEIGHT_MIN, an
 * assessment's 59 at the default font) and one to scroll into; then, from the frame after
 * the one that first shows them, a few more at each frame, so that no frame makes and lays
 * out more rows than fit in its time. A row costs about half a millisecond to make and lay
 * out on a 2-core machine, and the first frame draws only those on screen: 48 at first was
 * a tenth of a large database's first frame, and 23 still made twice as many rows as a
 * 760-pixel window shows (and the first frame grew them by eight more before its layout,
 * until grow_cb waited for the next). Growing from the frame clock, not an idle, matters:
 * idles run several times between two frames, and the frame after them paid for all their
 * rows (bench-window measured 41 ms). */
#define LIST_TOP_MIN 120
#define ROW_HEIGHT_MIN 40
#define ENTRIES_MORE 1
#define ENTRIES_PER_FRAME 8
/* The list view makes rows for at most 200 entries; beyond, entries cost no widgets. */
#define ENTRIES_WITH_ROWS 240

static guint
entries_at_first (GsLibraryView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  int width = 0, height = 0;

  if (root != NULL && GTK_IS_WINDOW (root))
    gtk_window_get_default_size (GTK_WINDOW (root), &width, &height);  /* GTK 4.8 needs both */
  if (root != NULL && gtk_widget_get_height (GTK_WIDGET (root)) > height)
    height = gtk_widget_get_height (GTK_WIDGET (root));
  if (height <= 0)
    height = 1080;  /* not in a window yet: the tallest usual screen */
  return (guint) MAX (0, height - LIST_TOP_MIN) / ROW_HEIGHT_MIN + ENTRIES_MORE;
}

static gboolean
grow_cb (GtkWidget     *widget,
         GdkFrameClock *frame_clock,
         gpointer       user_data)
{
  GsLibraryView *self = user_data;
  guint size = gtk_slice_list_model_get_size (self->shown);

  /* The first call comes in the frame that first lays the slice out, before its layout:
   * growing then would make that frame's rows for entries below the window. */
  if (!self->growing)
    {
      self->growing = TRUE;
      return G_SOURCE_CONTINUE;
    }
  if (size >= ENTRIES_WITH_ROWS || size >= g_list_model_get_n_items (G_LIST_MODEL (self->model)))
    {
      gtk_slice_list_model_set_size (self->shown, G_MAXUINT);
      self->grow_tick = 0;
      return G_SOURCE_REMOVE;
    }
  gtk_slice_list_model_set_size (self->shown, size + ENTRIES_PER_FRAME);
  return G_SOURCE_CONTINUE;
}

static void
stop_growing (GsLibraryView *self)
{
  if (self->grow_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->grow_tick);
  self->grow_tick = 0;
}

static void
search_changed_cb (GtkSearchEntry *entry,
                   GsLibraryView  *self)
{
  if (self->model == NULL)
    return;
  gs_library_model_set_search (self->model, gtk_editable_get_text (GTK_EDITABLE (entry)));
  update_no_match (self);
}

static void
row_activated_cb (GtkListView   *list_view,
                  guint          position,
                  GsLibraryView *self)
{
  g_autoptr(GsLibraryEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->model), position);

  if (entry != NULL && !gs_library_entry_is_heading (entry))
    g_signal_emit (self, signals[SIGNAL_ASSESSMENT_ACTIVATED], 0,
                   gs_assessment_summary_get_id (gs_library_entry_get_summary (entry)));
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              GsLibraryView            *self)
{
  GtkWidget *row = gs_library_row_new ();

  g_signal_connect_object (row, "menu-requested", G_CALLBACK (popup_row_menu), self, G_CONNECT_SWAPPED);
  gtk_list_item_set_child (item, row);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             GsLibraryView            *self)
{
  GsLibraryEntry *entry = gtk_list_item_get_item (item);
  gboolean heading = gs_library_entry_is_heading (entry);

  gs_library_row_set_entry (GS_LIBRARY_ROW (gtk_list_item_get_child (item)), entry);
  gtk_list_item_set_activatable (item, !heading);
  /* Nothing is ever selected (GtkNoSelection), but in GTK 4.8 an item that is not
   * selectable cannot take the keyboard focus: Tab and the arrows would skip the list. */
  gtk_list_item_set_selectable (item, TRUE);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               GsLibraryView            *self)
{
  gs_library_row_set_entry (GS_LIBRARY_ROW (gtk_list_item_get_child (item)), NULL);
}

/* Shift+F10 or the menu key: the focused assessment's menu, as its button would open it. */
static void
menu_key_cb (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GsLibraryView *self = GS_LIBRARY_VIEW (widget);
  GsLibraryRow *row = focused_row (self);

  if (row != NULL)
    popup_row_menu (self, row);
}

static void
gs_library_view_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  gtk_widget_measure (GS_LIBRARY_VIEW (widget)->content, orientation, for_size, minimum, natural,
                      minimum_baseline, natural_baseline);
}

/* The shared menu is a popover child of this widget: it must be presented on each allocation. */
static void
gs_library_view_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  GsLibraryView *self = GS_LIBRARY_VIEW (widget);

  gtk_widget_allocate (self->content, width, height, baseline, NULL);
  gtk_popover_present (GTK_POPOVER (self->row_menu));
}

static void
gs_library_view_dispose (GObject *object)
{
  GsLibraryView *self = GS_LIBRARY_VIEW (object);

  stop_growing (self);
  g_clear_pointer (&self->row_menu, gtk_widget_unparent);
  gtk_widget_dispose_template (GTK_WIDGET (self), GS_TYPE_LIBRARY_VIEW);
  g_clear_object (&self->shown);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (gs_library_view_parent_class)->dispose (object);
}

static void
gs_library_view_class_init (GsLibraryViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gs_library_view_dispose;
  widget_class->measure = gs_library_view_measure;
  widget_class->size_allocate = gs_library_view_size_allocate;

  /**
   * GsLibraryView::assessment-activated:
   * @id: the assessment's id
   *
   * The user chose an assessment to open.
   */
  signals[SIGNAL_ASSESSMENT_ACTIVATED] =
    g_signal_new ("assessment-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_install_action (widget_class, "library.row-menu", NULL, menu_key_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "library.row-menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "library.row-menu", NULL);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/gs-library-view.ui");
  gtk_widget_class_bind_template_child (widget_class, GsLibraryView, content);
  gtk_widget_class_bind_template_child (widget_class, GsLibraryView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, GsLibraryView, no_match_label);
  gtk_widget_class_bind_template_child (widget_class, GsLibraryView, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, GsLibraryView, list_view);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
}

static void
gs_library_view_init (GsLibraryView *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);

  self->row_menu = gtk_popover_menu_new_from_model (NULL);
  gtk_popover_set_has_arrow (GTK_POPOVER (self->row_menu), TRUE);
  gtk_widget_set_parent (self->row_menu, GTK_WIDGET (self));
}

/**
 * gs_library_view_set_assessments:
 * @assessments: the store's list of #GsAssessmentSummary
 */
void
gs_library_view_set_assessments (GsLibraryView *self,
                                 GListModel    *assessments)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  g_return_if_fail (GS_IS_LIBRARY_VIEW (self));

  stop_growing (self);
  g_clear_object (&self->shown);
  g_clear_object (&self->model);
  self->model = gs_library_model_new (assessments);
  gs_library_model_set_search (self->model, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  self->shown = gtk_slice_list_model_new (g_object_ref (G_LIST_MODEL (self->model)), 0, entries_at_first (self));
  self->growing = FALSE;
  self->grow_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), grow_cb, self, NULL);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->shown)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  g_signal_connect_object (self->model, "items-changed", G_CALLBACK (update_no_match), self, G_CONNECT_SWAPPED);
  update_no_match (self);
}

/* Returns: (transfer none) (nullable): what the list shows */
GsLibraryModel *
gs_library_view_get_model (GsLibraryView *self)
{
  g_return_val_if_fail (GS_IS_LIBRARY_VIEW (self), NULL);
  return self->model;
}

void
gs_library_view_focus_search (GsLibraryView *self)
{
  g_return_if_fail (GS_IS_LIBRARY_VIEW (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* Back from an assessment: the focus returns to the list, on the row it was on (the list
 * keeps that row), or to the search when the list is empty. */
void
gs_library_view_focus_list (GsLibraryView *self)
{
  g_return_if_fail (GS_IS_LIBRARY_VIEW (self));
  if (!gtk_widget_grab_focus (GTK_WIDGET (self->list_view)))
    gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* Opens the @n-th assessment shown (headings not counted), as a click on its row would. */
void
gs_library_view_activate (GsLibraryView *self,
                          guint          n)
{
  GsAssessmentSummary *summary;

  g_return_if_fail (GS_IS_LIBRARY_VIEW (self));

  summary = gs_library_model_get_assessment (self->model, n);
  g_return_if_fail (summary != NULL);
  g_signal_emit (self, signals[SIGNAL_ASSESSMENT_ACTIVATED], 0, gs_assessment_summary_get_id (summary));
}

/**
 * gs_library_view_popup_menu:
 *
 * Opens the shared menu of the row of @assessment_id, if that row is on screen.
 *
 * Returns: whether the menu opened
 */
gboolean
gs_library_view_popup_menu (GsLibraryView *self,
                            gint64         assessment_id)
{
  g_return_val_if_fail (GS_IS_LIBRARY_VIEW (self), FALSE);

  for (GtkWidget *item = gtk_widget_get_first_child (GTK_WIDGET (self->list_view)); item != NULL;
       item = gtk_widget_get_next_sibling (item))
    {
      GtkWidget *row = gtk_widget_get_first_child (item);
      GsLibraryEntry *entry = row != NULL && GS_IS_LIBRARY_ROW (row) ? gs_library_row_get_entry (GS_LIBRARY_ROW (row)) : NULL;

      if (entry != NULL && !gs_library_entry_is_heading (entry) &&
          gs_assessment_summary_get_id (gs_library_entry_get_summary (entry)) == assessment_id)
        {
          popup_row_menu (self, GS_LIBRARY_ROW (row));
          return gtk_widget_get_visible (self->row_menu);
        }
    }
  return FALSE;
}
