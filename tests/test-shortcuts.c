/* test-shortcuts.c — the keyboard shortcuts window and the accelerators it lists
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Drives the real EmApplication: its accelerators, the help overlay (built
 * by the window when first shown, not by GtkApplication with every
 * window), and the About dialog's icon.
 */
#include "config.h"

#include <glib/gstdio.h>

#include "em-application.h"
#include "ui-test-util.h"

typedef struct
{
  char          *dir;
  EmApplication *app;
  GtkWindow     *window;
} AppFixture;

/* What the help overlay must list, and the action each accelerator runs. */
static const struct { const char *accel; const char *action; } expected[] = {
  { "<Control>n", "win.new" },
  { "<Control>s", "win.save" },
  { "<Control>f", "win.find" },
  { "<Control>p", "win.print" },
  { "<Control>comma", "app.preferences" },
  { "<Control>question", "win.show-help-overlay" },
  { "<Control>q", "app.quit" },
};

static void
app_set_up (AppFixture *f, gconstpointer data)
{
  g_autofree char *db = NULL;

  f->dir = g_dir_make_tmp ("em-shortcuts-XXXXXX", NULL);
  db = g_build_filename (f->dir, "casos.sqlite", NULL);
  g_setenv ("EVALUADOR_MINERO_DB", db, TRUE);
  f->app = em_application_new ();
  g_application_set_flags (G_APPLICATION (f->app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (f->app), NULL, NULL));
  g_application_activate (G_APPLICATION (f->app));
  f->window = gtk_application_get_active_window (GTK_APPLICATION (f->app));
  g_assert_nonnull (f->window);
  ui_flush ();
}

static void
app_tear_down (AppFixture *f, gconstpointer data)
{
  g_autofree char *command = g_strdup_printf ("rm -rf '%s'", f->dir);

  gtk_window_destroy (f->window);
  ui_flush ();
  g_clear_object (&f->app);
  g_assert_cmpint (system (command), ==, 0);
  g_free (f->dir);
}

/* Ctrl+?'s action: the shortcuts window, shown over the main window. */
static GtkShortcutsWindow *
show_help_overlay (AppFixture *f)
{
  GtkShortcutsWindow *overlay;

  g_action_group_activate_action (G_ACTION_GROUP (f->window), "show-help-overlay", NULL);
  ui_flush ();
  overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (f->window));
  g_assert_nonnull (overlay);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (overlay)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (overlay)) == f->window);
  return overlay;
}

static void
collect_accelerators (GtkWidget *root, GPtrArray *accels)
{
  for (GtkWidget *w = gtk_widget_get_first_child (root); w != NULL; w = gtk_widget_get_next_sibling (w))
    {
      if (GTK_IS_SHORTCUTS_SHORTCUT (w))
        {
          char *accel = NULL;

          /* The window's search page repeats every shortcut. */
          g_object_get (w, "accelerator", &accel, NULL);
          if (g_ptr_array_find_with_equal_func (accels, accel, g_str_equal, NULL))
            g_free (accel);
          else
            g_ptr_array_add (accels, accel);
        }
      collect_accelerators (w, accels);
    }
}

static void
test_overlay_is_a_resource (void)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data ("/co/gov/anm/EvaluadorMinero/ui/help-overlay.ui",
                                                     G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);

  g_assert_nonnull (bytes);
  /* Not where GtkApplication would build it with every window, before its first frame. */
  g_assert_false (g_resources_get_info ("/co/gov/anm/EvaluadorMinero/gtk/help-overlay.ui",
                                        G_RESOURCE_LOOKUP_FLAGS_NONE, NULL, NULL, NULL));
}

static void
test_ctrl_question_opens_the_shortcuts (AppFixture *f, gconstpointer data)
{
  g_auto(GStrv) actions = gtk_application_get_actions_for_accel (GTK_APPLICATION (f->app), "<Control>question");
  GtkShortcutsWindow *overlay;

  g_assert_true (g_strv_contains ((const char * const *) actions, "win.show-help-overlay"));
  overlay = show_help_overlay (f);
  gtk_window_close (GTK_WINDOW (overlay));
  ui_flush ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (overlay)));
  g_assert_true (show_help_overlay (f) == overlay);      /* hidden on close, shown again */
  gtk_window_close (GTK_WINDOW (overlay));
}

static void
test_overlay_lists_the_real_accelerators (AppFixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) listed = g_ptr_array_new_with_free_func (g_free);

  collect_accelerators (GTK_WIDGET (show_help_overlay (f)), listed);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_auto(GStrv) actions = gtk_application_get_actions_for_accel (GTK_APPLICATION (f->app), expected[i].accel);

      g_test_message ("%s → %s", expected[i].accel, expected[i].action);
      g_assert_true (g_strv_contains ((const char * const *) actions, expected[i].action));
      g_assert_true (g_ptr_array_find_with_equal_func (listed, expected[i].accel, g_str_equal, NULL));
    }
  g_assert_true (g_ptr_array_find_with_equal_func (listed, "F10", g_str_equal, NULL));
  g_assert_cmpuint (listed->len, ==, G_N_ELEMENTS (expected) + 1);
}

/* The About dialog shows the application's icon also before installation
 * (the icons are in our resources, added to the theme when it opens). */
static void
test_application_icon_is_found (AppFixture *f, gconstpointer data)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (f->window)));
  GtkAboutDialog *about;

  g_action_group_activate_action (G_ACTION_GROUP (f->app), "about", NULL);
  ui_flush ();
  about = (GtkAboutDialog *) ui_find_toplevel (GTK_TYPE_ABOUT_DIALOG);
  g_assert_nonnull (about);
  g_assert_cmpstr (gtk_about_dialog_get_logo_icon_name (about), ==, "co.gov.anm.EvaluadorMinero");
  g_assert_true (gtk_icon_theme_has_icon (theme, "co.gov.anm.EvaluadorMinero"));
  g_assert_true (gtk_icon_theme_has_icon (theme, "co.gov.anm.EvaluadorMinero-symbolic"));
  gtk_window_destroy (GTK_WINDOW (about));
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  g_test_add_func ("/atajos/overlay-is-a-resource", test_overlay_is_a_resource);
  g_test_add ("/atajos/ctrl-question-opens-the-shortcuts", AppFixture, NULL, app_set_up,
              test_ctrl_question_opens_the_shortcuts, app_tear_down);
  g_test_add ("/atajos/overlay-lists-the-real-accelerators", AppFixture, NULL, app_set_up,
              test_overlay_lists_the_real_accelerators, app_tear_down);
  g_test_add ("/atajos/application-icon-is-found", AppFixture, NULL, app_set_up,
              test_application_icon_is_found, app_tear_down);
  return g_test_run ();
}
