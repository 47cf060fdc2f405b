/* bench-first-frame.h — how bench-startup's two children say their window has been drawn
 *
 * Each child prints "first-frame" and the CPU time its main thread has used so far, in
 * milliseconds, on the first `after-paint` of its window's frame clock, then closes the
 * window so that the application quits. The CPU time is the steadier figure on a shared
 * machine: waiting for the processor does not count in it. The two children are separate
 * programs so that each loads only the libraries its side loads for a user: Groundswell's
 * for one, libadwaita's for the other (the benchmark itself links poppler, and loading that
 * would be charged to both).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>
#include <errno.h>
#include <time.h>

static void
bench_after_paint_cb (GdkFrameClock *clock,
                      GtkWindow     *window)
{
  struct timespec cpu = { 0, 0 };

  g_signal_handlers_disconnect_by_func (clock, bench_after_paint_cb, window);
  if (clock_gettime (CLOCK_THREAD_CPUTIME_ID, &cpu) != 0)
    g_error ("the main thread's CPU time: %s", g_strerror (errno));
  g_print ("first-frame %.3f\n", cpu.tv_sec * 1000.0 + cpu.tv_nsec / 1e6);
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
