/* test-cli.c — the command line, run as a user runs it: the real executable, no display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>

typedef struct {
  char *out;
  char *err;
  int   status;
} RunResult;

static void
run_result_clear (RunResult *result)
{
  g_clear_pointer (&result->out, g_free);
  g_clear_pointer (&result->err, g_free);
}

/* Runs groundswell with @args (NULL-terminated) and no display, and waits for it. */
static void
run_groundswell (RunResult   *result,
                 const char  *first_arg,
                 ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  const char *executable = g_getenv ("GS_EXECUTABLE");
  va_list ap;

  g_assert_nonnull (executable);
  g_ptr_array_add (argv, (char *) executable);
  va_start (ap, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (ap);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &result->out, &result->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  result->status = g_subprocess_get_exit_status (process);
}

static void
test_version (void)
{
  RunResult result = { 0 };

  run_groundswell (&result, "--version", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.out, ==, PACKAGE_NAME " " PACKAGE_VERSION "\n");
  g_assert_cmpstr (result.err, ==, "");
  run_result_clear (&result);
}

/* GLib's option parser names the unknown option and the command exits 1. */
static void
test_unknown_option (void)
{
  RunResult result = { 0 };

  run_groundswell (&result, "--frobnicate", NULL);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_nonnull (strstr (result.err, "Unknown option --frobnicate"));
  g_assert_cmpstr (result.out, ==, "");
  run_result_clear (&result);
}

static void
test_help_lists_database_option (void)
{
  RunResult result = { 0 };

  run_groundswell (&result, "--help", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "--database=FILE"));
  g_assert_nonnull (strstr (result.out, "--version"));
  run_result_clear (&result);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/version", test_version);
  g_test_add_func ("/cli/unknown-option", test_unknown_option);
  g_test_add_func ("/cli/help-lists-database-option", test_help_lists_database_option);

  return g_test_run ();
}
