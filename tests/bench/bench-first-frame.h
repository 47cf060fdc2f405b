/* bench-first-frame.h — how bench-startup's two children say their window has been drawn
 *
 * Each child prints "first-frame" on the first `after-paint` of its window's frame clock,
 * then closes the window so that the application quits. The two children are separate
 * programs so that each loads only the libraries its side loads for a user: Groundswell's
 * for one, libadwaita's for the other (the benchmark itself links poppler, and loading that
 * would be charged to both).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

static void
bench_after_paint_cb (GdkFrameClock *clock,
                      GtkWindow     *window)
{
  g_signal_handlers_disconnect_by_func (clock, bench_after_paint_cb, window);
  g_print ("first-frame\n");
  gtk_window_destroy (window);
}

static void
bench_realize_cb (GtkWidget *window)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (bench_after_paint_cb), window);
}

static void
bench_window_added_cb (GtkApplication *app,
                       GtkWindow      *window)
{
  g_signal_connect (window, "realize", G_CALLBACK (bench_realize_cb), NULL);
}

/* Makes @app report its first window's first frame on standard output. */
static inline void
bench_report_first_frame (GtkApplication *app)
{
  g_signal_connect (app, "window-added", G_CALLBACK (bench_window_added_cb), NULL);
}
