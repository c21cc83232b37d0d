/* test-window.c — the window builds from its template and names the rules
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gtk/gtk.h>
#include <string.h>

#include "em-window.h"

static GtkWidget *
find_label_containing (GtkWidget *root, const char *part)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_LABEL (child) && strstr (gtk_label_get_text (GTK_LABEL (child)), part) != NULL)
        return child;
      if ((found = find_label_containing (child, part)) != NULL)
        return found;
    }
  return NULL;
}

static void
test_window_shows_rule_set_in_force (void)
{
  g_autoptr(GtkApplication) app = gtk_application_new ("co.gov.anm.EvaluadorMinero.Test",
                                                       G_APPLICATION_NON_UNIQUE);
  EmWindow *window;

  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  window = em_window_new (app);
  g_assert_nonnull (find_label_containing (GTK_WIDGET (window),
                                           "Resolución ANM 208 de 2017, vigente del 27/04/2017 al 19/04/2018"));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  g_test_add_func ("/window/shows-rule-set-in-force", test_window_shows_rule_set_in_force);
  return g_test_run ();
}
