/* a11y-dump.c — prints what a screen reader is told about one process's windows
 *
 * Usage: a11y-dump PID
 *
 * Walks the AT-SPI tree of the application with that process id, as Orca would read it,
 * and prints one line per accessible object, tab-separated:
 *
 *   depth  role  name  description  states
 *
 * where states lists focusable, focused, showing, checked and pressed when set. The UI
 * tests run it as a separate process, since a GTK program that asked its own tree over D-Bus
 * would wait for answers that its blocked main loop could never give.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* libatspi 2.46's headers declare "f ()" where C wants "f (void)". */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wstrict-prototypes"
#include <atspi/atspi.h>
#pragma GCC diagnostic pop
#include <stdio.h>
#include <stdlib.h>

/* libatspi 2.46 declares no automatic cleanups for its objects. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtspiAccessible, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtspiStateSet, g_object_unref)

/* Tabs and newlines in a name would break the line format. */
static void
print_field (const char *text)
{
  for (const char *c = text != NULL ? text : ""; *c != '\0'; c++)
    putchar (*c == '\t' || *c == '\n' ? ' ' : *c);
  putchar ('\t');
}

static char *
states_of (AtspiAccessible *node)
{
  g_autoptr(AtspiStateSet) states = atspi_accessible_get_state_set (node);
  static const struct { AtspiStateType state; const char *word; } shown[] = {
    { ATSPI_STATE_FOCUSABLE, "focusable" }, { ATSPI_STATE_FOCUSED, "focused" },
    { ATSPI_STATE_SHOWING, "showing" }, { ATSPI_STATE_CHECKED, "checked" },
    { ATSPI_STATE_PRESSED, "pressed" },
  };
  GString *words = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (shown); i++)
    if (states != NULL && atspi_state_set_contains (states, shown[i].state))
      g_string_append_printf (words, "%s%s", words->len > 0 ? "," : "", shown[i].word);
  return g_string_free (words, FALSE);
}

static void
walk (AtspiAccessible *node,
      int              depth)
{
  g_autofree char *role = atspi_accessible_get_role_name (node, NULL);
  g_autofree char *name = atspi_accessible_get_name (node, NULL);
  g_autofree char *description = atspi_accessible_get_description (node, NULL);
  g_autofree char *states = states_of (node);
  int n = atspi_accessible_get_child_count (node, NULL);

  printf ("%d\t", depth);
  print_field (role);
  print_field (name);
  print_field (description);
  print_field (states);
  putchar ('\n');
  for (int i = 0; i < n && depth < 64; i++)
    {
      g_autoptr(AtspiAccessible) child = atspi_accessible_get_child_at_index (node, i, NULL);

      if (child != NULL)
        walk (child, depth + 1);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AtspiAccessible) desktop = NULL;
  guint pid;
  int n;

  if (argc != 2 || (pid = (guint) strtoul (argv[1], NULL, 10)) == 0)
    {
      fprintf (stderr, "Usage: %s PID\n", argv[0]);
      return 2;
    }
  if (atspi_init () < 0)
    return 1;
  desktop = atspi_get_desktop (0);
  n = atspi_accessible_get_child_count (desktop, NULL);
  for (int i = 0; i < n; i++)
    {
      g_autoptr(AtspiAccessible) app = atspi_accessible_get_child_at_index (desktop, i, NULL);

      if (app != NULL && atspi_accessible_get_process_id (app, NULL) == pid)
        {
          walk (app, 0);
          return 0;
        }
    }
  fprintf (stderr, "No application with process id %u on the accessibility bus\n", pid);
  return 1;
}
