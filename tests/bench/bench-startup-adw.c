/* bench-startup-adw.c — bench-startup's libadwaita side, with no Groundswell code at all
 *
 * Usage: bench-startup-adw — an empty AdwApplicationWindow under a bare header bar: the floor
 * for any libadwaita application on this machine.
 * bench-startup-adw ORGANISATION TITLE… — the library's first screen built the usual
 * libadwaita way: the organisation's heading over a boxed list of one AdwActionRow per title,
 * under the page's heading and search. Timed against the bare window, it says what showing
 * this screen costs any libadwaita application here, beside what Groundswell's costs.
 * Both windows have Groundswell's default size.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>

#include "bench-first-frame.h"

static char **titles;  /* from the command line: the organisation, then the rows; or NULL */
static GMenu *row_menu; /* an empty menu, so that the menu buttons are drawn sensitive */

static GtkWidget *
make_row (const char *title)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *date = gtk_label_new ("2 March 2026");
  GtkWidget *menu = gtk_menu_button_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), "30 respondents · 100 % answered");
  gtk_widget_add_css_class (date, "dim-label");
  gtk_widget_add_css_class (date, "caption");
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (menu), G_MENU_MODEL (row_menu));
  gtk_widget_set_valign (menu, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (menu, "flat");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), date);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), menu);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  return row;
}

static GtkWidget *
make_page (void)
{
  GtkWidget *page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *heading = gtk_label_new ("Assessments");
  GtkWidget *search = gtk_search_entry_new ();
  GtkWidget *organisation = gtk_label_new (titles[0]);
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *clamp = adw_clamp_new ();

  gtk_widget_add_css_class (heading, "title-2");
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  g_object_set (search, "placeholder-text", "Search organisations and assessments", NULL);
  gtk_widget_add_css_class (organisation, "heading");
  gtk_label_set_xalign (GTK_LABEL (organisation), 0);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  for (int i = 1; titles[i] != NULL; i++)
    gtk_list_box_append (GTK_LIST_BOX (list), make_row (titles[i]));
  gtk_box_append (GTK_BOX (page), heading);
  gtk_box_append (GTK_BOX (page), search);
  gtk_box_append (GTK_BOX (page), organisation);
  gtk_box_append (GTK_BOX (page), list);
  gtk_widget_set_margin_top (page, 24);
  adw_clamp_set_child (ADW_CLAMP (clamp), page);
  return clamp;
}

static GtkWidget *
make_header (void)
{
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *menu = gtk_menu_button_new ();

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu), "open-menu-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (menu), G_MENU_MODEL (row_menu));
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), gtk_button_new_from_icon_name ("list-add-symbolic"));
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), menu);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), adw_window_title_new ("Groundswell", NULL));
  return header;
}

static void
activate_cb (GtkApplication *app)
{
  GtkWidget *window = adw_application_window_new (app);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  if (titles == NULL)
    gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  else
    {
      gtk_box_append (GTK_BOX (box), make_header ());
      gtk_box_append (GTK_BOX (box), make_page ());
    }
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = adw_application_new ("org.groundswell.BenchLibadwaita", G_APPLICATION_NON_UNIQUE);
  char *app_argv[] = { argv[0], NULL };

  if (argc == 2)
    {
      g_printerr ("usage: bench-startup-adw [ORGANISATION TITLE…]\n");
      return 2;
    }
  titles = argc > 2 ? argv + 1 : NULL;
  row_menu = g_menu_new ();
  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);
  bench_report_first_frame (GTK_APPLICATION (app));
  return g_application_run (G_APPLICATION (app), 1, app_argv);
}
