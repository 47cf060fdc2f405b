/* gs-presentation.c — the results as a full-screen presentation, for a workshop or a board
 *
 * F5 on the results (or `groundswell --present=ID`) fills a monitor with the deck that
 * gs-slides.c makes: a title slide, then a chart per slide with its caption and one sentence
 * of reading. The keys are presentation software's, so a presenter's clicker (which sends
 * Page Up and Page Down) works: → ↓ Page Down Space Enter next; ← ↑ Page Up Backspace
 * previous; Home and End; B or . blacks the screen; Escape leaves. A click moves on, a right
 * click back. A thin line at the foot shows how far through the deck the room is.
 *
 * Slides are drawn with cairo at the monitor's device scale, so they are sharp from 1280×720
 * to 3840×2160, in the dark or light style as the desktop has it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gs-gui"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "gs-presentation.h"
#include "report/gs-slides.h"

struct _GsPresentation
{
  GtkWindow   parent_instance;

  GsAnalysis *analysis;
  GPtrArray  *slides;      /* of GsSlide */
  guint       current;
  gboolean    blank;       /* B: the screen is black until the next key */
  GtkWidget  *area;
};

G_DEFINE_FINAL_TYPE (GsPresentation, gs_presentation, GTK_TYPE_WINDOW)

static const GsPalette *
palette (void)
{
  AdwStyleManager *style = adw_style_manager_get_default ();

  if (adw_style_manager_get_high_contrast (style))
    return gs_palette_get (GS_PALETTE_HIGH_CONTRAST);
  return gs_palette_get (adw_style_manager_get_dark (style) ? GS_PALETTE_DARK : GS_PALETTE_LIGHT);
}

static void
draw_cb (GtkDrawingArea *area,
         cairo_t        *cr,
         int             width,
         int             height,
         gpointer        user_data)
{
  GsPresentation *self = user_data;
  const GsPalette *colours = palette ();
  double line = MAX (3.0, height / 270.0);

  if (self->blank)
    {
      cairo_set_source_rgb (cr, 0, 0, 0);
      cairo_paint (cr);
      return;
    }
  gs_slide_draw (g_ptr_array_index (self->slides, self->current), self->analysis, cr, width, height - line, colours,
                 NULL);
  /* How far through the deck: the whole width at the last slide. */
  gs_palette_set_source (cr, &colours->grid);
  cairo_rectangle (cr, 0, height - line, width, line);
  cairo_fill (cr);
  gs_palette_set_source (cr, &colours->muted);
  cairo_rectangle (cr, 0, height - line, width * (self->current + 1) / (double) self->slides->len, line);
  cairo_fill (cr);
}

/* What a screen reader says: where in the deck, the slide's title and its reading. */
static void
name_slide (GsPresentation *self)
{
  const GsSlide *slide = g_ptr_array_index (self->slides, self->current);
  /* Translators: a slide's name for a screen reader: "Slide 2 of 6: Context profile" */
  g_autofree char *label = g_strdup_printf (_("Slide %u of %u: %s"), self->current + 1, self->slides->len,
                                            slide->title);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->area), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, slide->reading, -1);
}

static void
go_to (GsPresentation *self,
       int             index)
{
  self->blank = FALSE;
  self->current = (guint) CLAMP (index, 0, (int) self->slides->len - 1);
  name_slide (self);
  gtk_widget_queue_draw (self->area);
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GsPresentation        *self)
{
  switch (keyval)
    {
    case GDK_KEY_Right: case GDK_KEY_Down: case GDK_KEY_Page_Down: case GDK_KEY_space: case GDK_KEY_Return:
    case GDK_KEY_KP_Enter: case GDK_KEY_n: case GDK_KEY_KP_Page_Down:
      go_to (self, (int) self->current + 1);
      return TRUE;
    case GDK_KEY_Left: case GDK_KEY_Up: case GDK_KEY_Page_Up: case GDK_KEY_BackSpace: case GDK_KEY_p:
    case GDK_KEY_KP_Page_Up:
      go_to (self, (int) self->current - 1);
      return TRUE;
    case GDK_KEY_Home: case GDK_KEY_KP_Home:
      go_to (self, 0);
      return TRUE;
    case GDK_KEY_End: case GDK_KEY_KP_End:
      go_to (self, (int) self->slides->len - 1);
      return TRUE;
    case GDK_KEY_b: case GDK_KEY_B: case GDK_KEY_period:
      self->blank = !self->blank;
      gtk_widget_queue_draw (self->area);
      return TRUE;
    case GDK_KEY_Escape:
      gtk_window_destroy (GTK_WINDOW (self));
      return TRUE;
    default:
      return FALSE;
    }
}

static void
clicked_cb (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            GsPresentation  *self)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));

  go_to (self, (int) self->current + (button == GDK_BUTTON_SECONDARY ? -1 : 1));
}

static void
gs_presentation_dispose (GObject *object)
{
  GsPresentation *self = GS_PRESENTATION (object);

  g_clear_object (&self->analysis);
  g_clear_pointer (&self->slides, g_ptr_array_unref);
  G_OBJECT_CLASS (gs_presentation_parent_class)->dispose (object);
}

static void
gs_presentation_class_init (GsPresentationClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = gs_presentation_dispose;
}

static void
gs_presentation_init (GsPresentation *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkGesture *click = gtk_gesture_click_new ();
  AdwStyleManager *style = adw_style_manager_get_default ();

  self->area = gtk_drawing_area_new ();
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->area), draw_cb, self, NULL);
  gtk_widget_set_focusable (self->area, TRUE);
  gtk_widget_set_cursor_from_name (self->area, "none");
  gtk_window_set_child (GTK_WINDOW (self), self->area);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  g_signal_connect (click, "pressed", G_CALLBACK (clicked_cb), self);
  gtk_widget_add_controller (self->area, GTK_EVENT_CONTROLLER (click));
  g_signal_connect_object (style, "notify::dark", G_CALLBACK (gtk_widget_queue_draw), self->area, G_CONNECT_SWAPPED);
  g_signal_connect_object (style, "notify::high-contrast", G_CALLBACK (gtk_widget_queue_draw), self->area,
                           G_CONNECT_SWAPPED);
}

/**
 * gs_presentation_new:
 * @parent: the window presenting; the presentation closes with it
 * @analysis: the results to present; the presentation keeps a reference
 */
GsPresentation *
gs_presentation_new (GtkWindow  *parent,
                     GsAnalysis *analysis)
{
  GsPresentation *self = g_object_new (GS_TYPE_PRESENTATION, NULL);
  GsAssessment *assessment = gs_analysis_get_assessment (analysis);
  /* Translators: the presentation window's title: organisation — assessment */
  g_autofree char *title = g_strdup_printf (_("Presentation: %s — %s"), gs_assessment_get_organisation_name (assessment),
                                            gs_assessment_get_title (assessment));

  self->analysis = g_object_ref (analysis);
  self->slides = gs_slides_new (analysis);
  gtk_window_set_title (GTK_WINDOW (self), title);
  gtk_window_set_transient_for (GTK_WINDOW (self), parent);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 1280, 720);
  name_slide (self);
  return self;
}

/**
 * gs_presentation_pick_monitor:
 *
 * With two monitors or more, the one @parent is not on: a laptop presents on the projector
 * and keeps its own screen. With one, %NULL (the monitor the window is on).
 *
 * Returns: (transfer none) (nullable): the monitor to present on
 */
GdkMonitor *
gs_presentation_pick_monitor (GtkWindow *parent)
{
  GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (parent));
  GListModel *monitors = gdk_display_get_monitors (display);
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (parent));
  GdkMonitor *own = surface != NULL ? gdk_display_get_monitor_at_surface (display, surface) : NULL;

  if (g_list_model_get_n_items (monitors) < 2)
    return NULL;
  for (guint i = 0; i < g_list_model_get_n_items (monitors); i++)
    {
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);

      if (monitor != own)
        return monitor;  /* the display's list keeps its reference */
    }
  return NULL;
}

/* Fills @monitor (or the window's own, when %NULL) with the first slide. */
void
gs_presentation_start (GsPresentation *self,
                       GdkMonitor     *monitor)
{
  GdkRectangle geometry;

  g_return_if_fail (GS_IS_PRESENTATION (self));

  if (monitor == NULL)
    {
      GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (self));
      GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
      GdkSurface *surface = parent != NULL ? gtk_native_get_surface (GTK_NATIVE (parent)) : NULL;

      monitor = surface != NULL ? gdk_display_get_monitor_at_surface (display, surface) : NULL;
    }
  /* The monitor's size also without a window manager to make it full screen (a kiosk, Xvfb). */
  if (monitor != NULL)
    {
      gdk_monitor_get_geometry (monitor, &geometry);
      gtk_window_set_default_size (GTK_WINDOW (self), geometry.width, geometry.height);
      gtk_window_fullscreen_on_monitor (GTK_WINDOW (self), monitor);
    }
  else
    gtk_window_fullscreen (GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (self));
  gtk_widget_grab_focus (self->area);
}

guint
gs_presentation_get_n_slides (GsPresentation *self)
{
  g_return_val_if_fail (GS_IS_PRESENTATION (self), 0);
  return self->slides->len;
}

guint
gs_presentation_get_current (GsPresentation *self)
{
  g_return_val_if_fail (GS_IS_PRESENTATION (self), 0);
  return self->current;
}

const char *
gs_presentation_get_slide_title (GsPresentation *self)
{
  g_return_val_if_fail (GS_IS_PRESENTATION (self), NULL);
  return ((const GsSlide *) g_ptr_array_index (self->slides, self->current))->title;
}

gboolean
gs_presentation_get_blank (GsPresentation *self)
{
  g_return_val_if_fail (GS_IS_PRESENTATION (self), FALSE);
  return self->blank;
}
