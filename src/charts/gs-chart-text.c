/* gs-chart-text.c — text in a box
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "gs-charts"

#include "config.h"

#include <math.h>
#include <string.h>

#include "gs-chart-text.h"

/* The families in order: Cantarell is GNOME's, DejaVu and Noto cover Greek, Arabic and CJK. */
#define CHART_FONT_FAMILY "Cantarell, DejaVu Sans, Noto Sans, Noto Sans CJK SC, Noto Sans Arabic, sans-serif"

/* Rounding in Pango's units can make a layout a hair larger than asked for. */
#define FIT_SLACK 0.5

static void
clear_label (gpointer data)
{
  GsChartLabel *label = data;

  g_free (label->text);
}

/**
 * gs_chart_labels_new:
 *
 * Returns: (transfer full): an array of #GsChartLabel that chart functions append to
 */
GArray *
gs_chart_labels_new (void)
{
  GArray *labels = g_array_new (FALSE, TRUE, sizeof (GsChartLabel));

  g_array_set_clear_func (labels, clear_label);
  return labels;
}

/* The charts' families, parsed once: parsing them for each label was a tenth of drawing
 * its text. */
static const PangoFontDescription *
chart_font (void)
{
  static gsize font = 0;

  if (g_once_init_enter (&font))
    g_once_init_leave (&font, (gsize) pango_font_description_from_string (CHART_FONT_FAMILY));
  return (const PangoFontDescription *) font;
}

/* Whole words, or shrink: "Organisation-/al context" broken with a hyphen read badly. */
static PangoAttrList *
no_hyphens (void)
{
  static gsize attributes = 0;

  if (g_once_init_enter (&attributes))
    {
      PangoAttrList *list = pango_attr_list_new ();

      pango_attr_list_insert (list, pango_attr_insert_hyphens_new (FALSE));
      g_once_init_leave (&attributes, (gsize) list);
    }
  return (PangoAttrList *) attributes;
}

static cairo_user_data_key_t context_key;

typedef struct {
  PangoContext  *context;
  cairo_matrix_t matrix;  /* the transformation it was last brought up to date with */
} ChartContext;

static void
chart_context_free (gpointer data)
{
  ChartContext *chart_context = data;

  g_object_unref (chart_context->context);
  g_free (chart_context);
}

static gboolean
same_scale_and_turn (const cairo_matrix_t *a,
                     const cairo_matrix_t *b)
{
  return a->xx == b->xx && a->yx == b->yx && a->xy == b->xy && a->yy == b->yy;
}

/* The Pango context of every label drawn with @cr, made with the first and kept with it:
 * making one per label was a fifth of drawing a label. Hinting off: the same text takes
 * the same space at every scale, so layouts measured for a 1x widget match the 2x, PDF and
 * SVG drawings. It is brought up to date only when @cr's scale or turn changed: Pango marks
 * a context changed whenever its matrix is set, even to the same one, and every layout
 * made with it would then be laid out again at its next use (kept_layout ()).
 *
 * Returns: (transfer full): the context, up to date with @cr's transformation */
static PangoContext *
chart_context (cairo_t *cr)
{
  ChartContext *kept = cairo_get_user_data (cr, &context_key);
  cairo_font_options_t *options;
  cairo_matrix_t matrix;

  cairo_get_matrix (cr, &matrix);
  if (kept != NULL)
    {
      if (!same_scale_and_turn (&matrix, &kept->matrix))
        {
          pango_cairo_update_context (cr, kept->context);
          kept->matrix = matrix;
        }
      return g_object_ref (kept->context);
    }
  kept = g_new0 (ChartContext, 1);
  kept->context = pango_cairo_create_context (cr);
  kept->matrix = matrix;
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (kept->context, options);
  cairo_font_options_destroy (options);
  if (cairo_set_user_data (cr, &context_key, kept, chart_context_free) != CAIRO_STATUS_SUCCESS)
    {
      /* out of memory: this label's context is its own */
      PangoContext *context = g_steal_pointer (&kept->context);

      chart_context_free (kept);
      return context;
    }
  return g_object_ref (kept->context);
}

static PangoLayout *
make_layout (cairo_t           *cr,
             const char        *text,
             const GsTextStyle *style,
             double             size,
             double             width)
{
  PangoContext *context = chart_context (cr);
  PangoLayout *layout = pango_layout_new (context);
  PangoFontDescription *font = pango_font_description_copy (chart_font ());

  g_object_unref (context);  /* the layout keeps it */

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, style->weight != 0 ? style->weight : PANGO_WEIGHT_NORMAL);
  if (style->italic)
    pango_font_description_set_style (font, PANGO_STYLE_ITALIC);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);

  pango_layout_set_width (layout, width < 0 ? -1 : (int) (width * PANGO_SCALE));  /* < 0: one line */
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_attributes (layout, no_hyphens ());
  /* The chart decides where text sits; a name in Arabic or Hebrew must not turn its
   * layout round (auto-direction right-aligned it, away from its legend marker). The text
   * itself still reads right to left. */
  pango_layout_set_auto_dir (layout, FALSE);
  pango_layout_set_alignment (layout, style->halign == GS_ALIGN_CENTER ? PANGO_ALIGN_CENTER :
                                      style->halign == GS_ALIGN_END ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int width, height;

  pango_layout_get_size (layout, &width, &height);
  return (double) height / PANGO_SCALE;
}

/* Whether a line ends where no line may break ("Organisation|al"): a word too long for the
 * box's width, broken inside. Script-aware: Pango says where lines may break, between
 * ideographs too. */
static gboolean
breaks_a_word (PangoLayout *layout)
{
  const char *text = pango_layout_get_text (layout);
  const PangoLogAttr *attrs;
  int n_attrs;

  attrs = pango_layout_get_log_attrs_readonly (layout, &n_attrs);
  for (GSList *l = pango_layout_get_lines_readonly (layout); l != NULL && l->next != NULL; l = l->next)
    {
      PangoLayoutLine *line = l->data;
      const char *end = text + line->start_index + line->length;
      glong offset = g_utf8_pointer_to_offset (text, end);

      /* A line that ends a paragraph ("• one\n• two") ends where the text does. */
      if (*end == '\n' || *end == '\r' || g_utf8_get_char (end) == 0x2029)
        continue;
      if (offset > 0 && offset < n_attrs && !attrs[offset].is_line_break)
        return TRUE;
    }
  return FALSE;
}

typedef struct {
  double         size;
  gboolean       truncated;
  PangoRectangle logical;  /* the fitted layout's logical extents, in Pango units */
} Fit;

/* Cut to the box with an ellipsis: text that does not fit even at the smallest size. */
static void
ellipsize_to (PangoLayout *layout,
              GsRect       box)
{
  pango_layout_set_height (layout, (int) (box.height * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
}

/* Finds a size from style->size down to style->min_size at which the wrapped text fits the
 * box's height without breaking a word; at the smallest size a broken word is allowed, and
 * below that, the text is ellipsized. A layout's height grows roughly with the square of the
 * size (taller lines, and more of them), so the first guess after the full size is scaled by
 * the square root of how much too tall it was; steps of 8 % follow only if that guess is
 * still too tall. Returns the size, whether even that cuts the text short, and the logical
 * extents of the layout drawn at it (ellipsized when cut short). */
static Fit
find_fit (cairo_t           *cr,
          const char        *text,
          const GsTextStyle *style,
          GsRect             box)
{
  double min_size = style->min_size > 0 ? MIN (style->min_size, style->size) : style->size * 0.7;
  Fit fit = { style->size, FALSE, { 0 } };
  g_autoptr(PangoLayout) layout = make_layout (cr, text, style, fit.size, box.width);
  double height = layout_height (layout);

  if (height > box.height + FIT_SLACK || breaks_a_word (layout))
    {
      fit.size = MAX (min_size, height > box.height + FIT_SLACK ? fit.size * sqrt (box.height / height) * 0.99
                                                                 : fit.size * 0.92);
      for (;;)
        {
          g_object_unref (layout);
          layout = make_layout (cr, text, style, fit.size, box.width);
          if (layout_height (layout) <= box.height + FIT_SLACK &&
              (fit.size <= min_size + 0.01 || !breaks_a_word (layout)))
            break;
          if (fit.size <= min_size + 0.01)
            {
              fit.truncated = TRUE;
              ellipsize_to (layout, box);
              break;
            }
          fit.size = MAX (min_size, fit.size * 0.92);
        }
    }
  pango_layout_get_extents (layout, NULL, &fit.logical);
  return fit;
}

/* Fitting is the dear part of drawing a chart: several layouts a label, and a list tried
 * split at each of its lines. A redraw (a resize back, the dark style, a report's charts
 * drawn again for another page size) fits the same texts in the same boxes, so each fit is
 * remembered, for every thread (reports are drawn in workers): then a label costs one
 * layout, as in bench-charts' floor, and measuring one (a legend's widths, the ground under
 * a label) costs none once it is known. The key holds what a fit depends on: the text, its
 * style (its alignment too: the extents kept say where the line sits in the box), the box,
 * the scale and turn of the cairo transformation, and the kind of surface and its font
 * options (an image surface hints glyphs, a PDF does not). The memory is emptied when it
 * grows past FITS_KEPT. */
#define FITS_KEPT 4096

static GMutex      fits_lock;
static GHashTable *fits;  /* fit_key () → Fit */

static char *
fit_key (cairo_t           *cr,
         const char        *text,
         const GsTextStyle *style,
         GsRect             box)
{
  cairo_surface_t *target = cairo_get_target (cr);
  cairo_font_options_t *options = cairo_font_options_create ();
  cairo_matrix_t matrix;
  char *key;

  cairo_get_matrix (cr, &matrix);  /* its scale and turn, not where it moves to */
  cairo_surface_get_font_options (target, options);
  key = g_strdup_printf ("%a %a %d %d %d %a %a %a %a %a %a %d %lu|%s", style->size, style->min_size, style->weight,
                         style->italic, style->halign, box.width, box.height, matrix.xx, matrix.yx, matrix.xy, matrix.yy,
                         cairo_surface_get_type (target), cairo_font_options_hash (options), text);
  cairo_font_options_destroy (options);
  return key;
}

/* The layout of @text at @fit's size; when it does not fit even at the smallest size, cut
 * to the box with an ellipsis. */
static PangoLayout *
fitted_layout (cairo_t           *cr,
               const char        *text,
               const GsTextStyle *style,
               GsRect             box,
               const Fit         *fit)
{
  PangoLayout *layout = make_layout (cr, text, style, fit->size, box.width);

  if (fit->truncated)
    ellipsize_to (layout, box);
  return layout;
}

/* How @text fits @box: found once (find_fit ()), then remembered under its key
 * (fit_key (); given to the caller in *@key_out, if not %NULL, for the layouts kept under
 * it too). */
static Fit
known_fit (cairo_t           *cr,
           const char        *text,
           const GsTextStyle *style,
           GsRect             box,
           char             **key_out)
{
  g_autofree char *key = fit_key (cr, text, style, box);
  Fit *known, fit;

  g_mutex_lock (&fits_lock);
  known = fits != NULL ? g_hash_table_lookup (fits, key) : NULL;
  if (known != NULL)
    fit = *known;
  g_mutex_unlock (&fits_lock);
  if (known == NULL)
    {
      fit = find_fit (cr, text, style, box);
      g_mutex_lock (&fits_lock);
      if (fits == NULL)
        fits = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      if (g_hash_table_size (fits) >= FITS_KEPT)
        g_hash_table_remove_all (fits);
      g_hash_table_replace (fits, g_strdup (key), g_memdup2 (&fit, sizeof fit));
      g_mutex_unlock (&fits_lock);
    }
  if (key_out != NULL)
    *key_out = g_steal_pointer (&key);
  return fit;
}

/* The layouts this thread drew, shaped and broken into lines, by fit key: a chart drawn
 * again in the same boxes (a tab shown again, the dark style, every frame of bench-charts)
 * shapes none of its texts again; shaping them was a tenth of drawing the context chart.
 * A resize in progress gains nothing: each frame's boxes are new. Kept per thread, since a
 * layout may not be shared between threads, and emptied when it grows past LAYOUTS_KEPT.
 * The key holds what the layout depends on, the transformation and the surface's font
 * options included, so a layout kept is drawn as it is: pango_cairo_update_layout ()
 * would lay it out again every time, since setting a context's matrix marks it changed
 * even when it is the same (chart_context () avoids that for the layouts it makes). */
#define LAYOUTS_KEPT 512

static GPrivate layouts_drawn = G_PRIVATE_INIT ((GDestroyNotify) g_hash_table_unref);

static GHashTable *
thread_layouts (void)
{
  GHashTable *layouts = g_private_get (&layouts_drawn);

  if (layouts == NULL)
    {
      layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
      g_private_set (&layouts_drawn, layouts);
    }
  return layouts;
}

/* The layout of @text fitted as @fit, made once for this thread and then kept.
 *
 * Returns: (transfer none): the layout, owned by the thread's table */
static PangoLayout *
kept_layout (cairo_t           *cr,
             const char        *key,
             const char        *text,
             const GsTextStyle *style,
             GsRect             box,
             const Fit         *fit)
{
  GHashTable *layouts = thread_layouts ();
  PangoLayout *layout = g_hash_table_lookup (layouts, key);

  if (layout != NULL)
    return layout;
  if (g_hash_table_size (layouts) >= LAYOUTS_KEPT)
    g_hash_table_remove_all (layouts);
  layout = fitted_layout (cr, text, style, box, fit);
  g_hash_table_insert (layouts, g_strdup (key), layout);
  return layout;
}

/**
 * gs_chart_text_forget_fits:
 *
 * Forgets every fit remembered (see known_fit()), and this thread's layouts: the next
 * drawing fits its texts again.
 */
void
gs_chart_text_forget_fits (void)
{
  g_mutex_lock (&fits_lock);
  g_clear_pointer (&fits, g_hash_table_unref);
  g_mutex_unlock (&fits_lock);
  g_hash_table_remove_all (thread_layouts ());
}

/* The width @text takes on one line at the style's full size. */
double
gs_chart_text_width (cairo_t           *cr,
                     const char        *text,
                     const GsTextStyle *style)
{
  GsTextStyle one_size = *style;
  Fit fit;

  one_size.min_size = style->size;
  fit = known_fit (cr, text, &one_size, (GsRect) { 0, 0, -1, G_MAXDOUBLE }, NULL);
  return (double) fit.logical.width / PANGO_SCALE;
}

/* Where text fitted as @fit goes in @box: the rectangle it takes, aligned as @style says;
 * empty when even one line of it would not fit the box's height. */
static GsRect
place_text (const Fit         *fit,
            const GsTextStyle *style,
            GsRect             box)
{
  GsRect ink = { box.x, box.y, 0, 0 };
  double height = (double) fit->logical.height / PANGO_SCALE;

  /* An ellipsized layout may still be one line taller than a tiny box. */
  if (height > box.height + FIT_SLACK)
    return ink;
  ink.width = MIN ((double) fit->logical.width / PANGO_SCALE, box.width);
  ink.height = MIN (height, box.height);
  ink.x = box.x + (double) fit->logical.x / PANGO_SCALE;
  ink.y = style->valign == GS_ALIGN_CENTER ? box.y + (box.height - ink.height) / 2 :
          style->valign == GS_ALIGN_END ? box.y + box.height - ink.height : box.y;
  return ink;
}

static gboolean
too_small (const char *text,
           GsRect      box)
{
  return text == NULL || text[0] == '\0' || box.width < 4 || box.height < 4;
}

/* How @text fits @box (*@fit, remembered under *@key if @key is not %NULL) and the
 * rectangle it takes there: empty when there is nothing to draw, and then neither *@fit nor
 * *@key is set. */
static GsRect
fit_and_place (cairo_t           *cr,
               const char        *text,
               const GsTextStyle *style,
               GsRect             box,
               Fit               *fit,
               char             **key)
{
  if (too_small (text, box))
    return (GsRect) { box.x, box.y, 0, 0 };
  *fit = known_fit (cr, text, style, box, key);
  return place_text (fit, style, box);
}

/**
 * gs_chart_text_measure:
 *
 * Returns: the rectangle gs_chart_text() would take, without drawing
 */
GsRect
gs_chart_text_measure (cairo_t           *cr,
                       const char        *text,
                       const GsTextStyle *style,
                       GsRect             box)
{
  Fit fit;

  return fit_and_place (cr, text, style, box, &fit, NULL);
}

/**
 * gs_chart_text:
 * @labels: (nullable): where to record the label
 *
 * Draws @text inside @box: wrapped on words, shrunk down to the style's minimum size, then
 * ellipsized. Nothing is drawn outside @box (a box too small for one line draws nothing).
 *
 * Returns: the rectangle the text took
 */
GsRect
gs_chart_text (cairo_t           *cr,
               const char        *text,
               const GsTextStyle *style,
               GsRect             box,
               GArray            *labels)
{
  g_autofree char *key = NULL;
  PangoLayout *layout;
  Fit fit;
  GsRect ink = fit_and_place (cr, text, style, box, &fit, &key);

  if (ink.height == 0)
    return ink;

  layout = kept_layout (cr, key, text, style, box, &fit);
  cairo_save (cr);
  cairo_move_to (cr, box.x, ink.y);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);

  if (labels != NULL)
    {
      double dx = 0, size = pango_font_description_get_size (pango_layout_get_font_description (layout)) / (double) PANGO_SCALE;
      GsChartLabel label = { box, ink, g_strdup (text), fit.truncated, breaks_a_word (layout),
                             pango_layout_get_unknown_glyphs_count (layout), 0 };

      cairo_user_to_device_distance (cr, &dx, &size);
      label.device_size = fabs (size);
      g_array_append_val (labels, label);
    }
  return ink;
}

/**
 * gs_chart_text_kept_layout:
 *
 * For tests: the layout gs_chart_text() draws @text with in @box, made and kept for this
 * thread if it was not already.
 *
 * Returns: (transfer none) (nullable): the layout, or %NULL when nothing would be drawn
 */
PangoLayout *
gs_chart_text_kept_layout (cairo_t           *cr,
                           const char        *text,
                           const GsTextStyle *style,
                           GsRect             box)
{
  g_autofree char *key = NULL;
  Fit fit;

  if (fit_and_place (cr, text, style, box, &fit, &key).height == 0)
    return NULL;
  return kept_layout (cr, key, text, style, box, &fit);
}

/**
 * gs_chart_text_fitted_size:
 *
 * Returns: the size gs_chart_text() would draw @text at in @box, or 0 when even the style's
 *   smallest size would cut it short
 */
double
gs_chart_text_fitted_size (cairo_t           *cr,
                           const char        *text,
                           const GsTextStyle *style,
                           GsRect             box)
{
  Fit fit;

  if (too_small (text, box))
    return 0;
  fit = known_fit (cr, text, style, box, NULL);
  /* as the layout's font description holds it: whole Pango units */
  return fit.truncated ? 0 : (double) (int) (fit.size * PANGO_SCALE) / PANGO_SCALE;
}

/* Lines @from to @to (not included) of @lines, joined again as one list. */
static char *
list_lines (GStrv lines,
            guint from,
            guint to)
{
  GString *list = g_string_new (NULL);

  for (guint i = from; i < to; i++)
    g_string_append_printf (list, "%s%s", i > from ? "\n" : "", lines[i]);
  return g_string_free (list, FALSE);
}

/**
 * gs_chart_text_flow:
 *
 * Draws a list (one item per line) in @box like gs_chart_text(); where one column would cut
 * it short even at the style's smallest size, the list flows into two columns side by side,
 * split where both columns' text can be largest (items differ in length, more so once
 * translated).
 *
 * Returns: the rectangle the text took
 */
GsRect
gs_chart_text_flow (cairo_t           *cr,
                    const char        *text,
                    const GsTextStyle *style,
                    GsRect             box,
                    GArray            *labels)
{
  g_auto(GStrv) lines = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  guint n_lines, split;
  double gap = style->min_size, best = -G_MAXDOUBLE;
  GsRect left = box, right = box, a, b;

  if (text == NULL || strchr (text, '\n') == NULL || gs_chart_text_fitted_size (cr, text, style, box) > 0)
    return gs_chart_text (cr, text, style, box, labels);
  left.width = right.width = (box.width - gap) / 2;
  right.x = box.x + left.width + gap;
  lines = g_strsplit (text, "\n", -1);
  n_lines = g_strv_length (lines);
  split = (n_lines + 1) / 2;
  for (guint k = 1; k < n_lines; k++)
    {
      g_autofree char *top = list_lines (lines, 0, k);
      g_autofree char *rest = list_lines (lines, k, n_lines);
      /* where no split fits, the one whose longer column is shortest */
      double size = MIN (gs_chart_text_fitted_size (cr, top, style, left),
                         gs_chart_text_fitted_size (cr, rest, style, right)) -
                    (double) MAX (strlen (top), strlen (rest)) / G_MAXINT;

      if (size > best)
        {
          best = size;
          split = k;
        }
    }
  first = list_lines (lines, 0, split);
  second = list_lines (lines, split, n_lines);
  a = gs_chart_text (cr, first, style, left, labels);
  b = gs_chart_text (cr, second, style, right, labels);
  return (GsRect) { box.x, box.y, box.width, MAX (a.height, b.height) };
}

gboolean
gs_rect_contains (GsRect outer,
                  GsRect inner)
{
  return inner.x >= outer.x - FIT_SLACK && inner.y >= outer.y - FIT_SLACK &&
         inner.x + inner.width <= outer.x + outer.width + FIT_SLACK &&
         inner.y + inner.height <= outer.y + outer.height + FIT_SLACK;
}

gboolean
gs_rect_intersects (GsRect a,
                    GsRect b)
{
  return a.width > 0 && a.height > 0 && b.width > 0 && b.height > 0 &&
         a.x < b.x + b.width && b.x < a.x + a.width &&
         a.y < b.y + b.height && b.y < a.y + a.height;
}

GsRect
gs_rect_inset (GsRect rect,
               double by)
{
  GsRect inset = { rect.x + by, rect.y + by, MAX (0, rect.width - 2 * by), MAX (0, rect.height - 2 * by) };

  return inset;
}
