/* test-window.c — the window: its pages, actions and memory of the last tab
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "em-application.h"
#include "ui-test-util.h"

static void
test_three_pages_with_switcher (UiFixture *f, gconstpointer data)
{
  const char *pages[] = { "capacidad", "tarifa", "casos" };

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      em_window_show_page (f->window, pages[i]);
      g_assert_cmpstr (em_window_get_page (f->window), ==, pages[i]);
      g_assert_nonnull (em_window_get_page_widget (f->window, pages[i]));
    }
}

/* Only the page in view is built before the first frame; the others follow
 * it, one per idle turn. */
static void
test_hidden_pages_built_after_first_frame (UiFixture *f, gconstpointer data)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  GtkWidget *window;

  g_settings_set_string (f->settings, "last-page", "capacidad");
  window = GTK_WIDGET (em_window_new (f->app, f->session, f->settings));
  gtk_window_present (GTK_WINDOW (window));
  g_assert_nonnull (ui_find_named (window, "activo_corriente"));      /* Capacidad */
  g_assert_null (ui_find_named (window, "results_stack"));            /* Tarifa */
  g_assert_null (ui_find_named (window, "cases"));                    /* Casos */
  while ((ui_find_named (window, "results_stack") == NULL || ui_find_named (window, "cases") == NULL)
         && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (ui_find_named (window, "results_stack"));
  g_assert_nonnull (ui_find_named (window, "cases"));
  g_assert_cmpstr (em_window_get_page (EM_WINDOW (window)), ==, "capacidad");
  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkWidget *
find_of_type (GtkWidget *root, GType type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      if ((found = find_of_type (child, type)) != NULL)
        return found;
    }
  return NULL;
}

/* The main menu's popover is made when the menu is first opened. */
static void
test_main_menu_made_when_opened (UiFixture *f, gconstpointer data)
{
  GtkWidget *titlebar = gtk_window_get_titlebar (GTK_WINDOW (f->window));
  GtkMenuButton *button = GTK_MENU_BUTTON (find_of_type (titlebar, GTK_TYPE_MENU_BUTTON));
  GtkPopover *popover;

  g_assert_null (gtk_menu_button_get_popover (button));
  gtk_menu_button_popup (button);
  ui_flush ();
  popover = gtk_menu_button_get_popover (button);
  g_assert_nonnull (popover);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  g_assert_nonnull (ui_find_label_containing (GTK_WIDGET (popover), "Preferencias"));
  gtk_menu_button_popdown (button);
  gtk_menu_button_popup (button);
  g_assert_true (gtk_menu_button_get_popover (button) == popover);     /* made once */
  gtk_menu_button_popdown (button);
}

static void
test_last_page_remembered (UiFixture *f, gconstpointer data)
{
  g_autofree char *page = NULL;

  em_window_show_page (f->window, "tarifa");
  page = g_settings_get_string (f->settings, "last-page");
  g_assert_cmpstr (page, ==, "tarifa");
}

static void
test_find_goes_to_cases (UiFixture *f, gconstpointer data)
{
  em_window_show_page (f->window, "capacidad");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.find", NULL);
  g_assert_cmpstr (em_window_get_page (f->window), ==, "casos");
}

static void
test_errors_are_shown_in_the_window (UiFixture *f, gconstpointer data)
{
  em_window_show_error (f->window, "No se pudo abrir la base de datos de prueba");
  ui_flush ();
  g_assert_nonnull (ui_find_label_containing (GTK_WIDGET (f->window), "No se pudo abrir la base de datos de prueba"));
}

static GtkWidget *
find_button (GtkWidget *root, const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (child)), label) == 0)
        return child;
      if ((found = find_button (child, label)) != NULL)
        return found;
    }
  return NULL;
}

static void
test_save_button_follows_visible_page (UiFixture *f, gconstpointer data)
{
  GtkWidget *save = find_button (GTK_WIDGET (f->window), "Guardar");
  GtkWidget *capacity = em_window_get_page_widget (f->window, "capacidad");

  g_assert_nonnull (save);
  em_window_show_page (f->window, "casos");
  ui_flush ();
  g_assert_false (gtk_widget_is_sensitive (save));
  em_window_show_page (f->window, "capacidad");
  ui_flush ();
  g_assert_true (gtk_widget_is_sensitive (save));   /* an empty form evaluates: información incompleta */
  gtk_editable_set_text (GTK_EDITABLE (ui_find_named (capacity, "activo_corriente")), "1,234.56");
  ui_flush ();
  g_assert_false (gtk_widget_is_sensitive (save));  /* nothing valid to save */
}

/* The whole application over a damaged database file (EVALUADOR_MINERO_DB):
 * the window opens, its error bar says why no case can be kept, and the
 * file is left as it was. */
static void
test_damaged_database_shown_at_startup (void)
{
  g_autofree char *dir = g_dir_make_tmp ("em-ui-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "casos.sqlite", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(EmApplication) app = NULL;
  GString *garbage = g_string_new ("SQLite format 3");
  GtkWindow *window;

  g_string_append_c (garbage, '\0');
  for (guint i = 0; i < 4080; i++)
    g_string_append_c (garbage, (char) (i * 37 + 11));
  g_assert_true (g_file_set_contents (path, garbage->str, garbage->len, NULL));
  g_string_free (garbage, TRUE);
  before = ui_file_digest (path);

  window = ui_application_open (&app, path);
  g_assert_nonnull (ui_find_label_containing (GTK_WIDGET (window), "No se pueden guardar ni consultar casos"));
  g_assert_nonnull (ui_find_label_containing (GTK_WIDGET (window), "no es una base de datos de casos o está dañado"));
  ui_application_close (window);

  after = ui_file_digest (path);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);      /* no -wal, -shm or other file was left */
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  g_test_add ("/ventana/three-pages-with-switcher", UiFixture, NULL, ui_fixture_set_up,
              test_three_pages_with_switcher, ui_fixture_tear_down);
  g_test_add ("/ventana/hidden-pages-built-after-first-frame", UiFixture, NULL, ui_fixture_set_up,
              test_hidden_pages_built_after_first_frame, ui_fixture_tear_down);
  g_test_add ("/ventana/main-menu-made-when-opened", UiFixture, NULL, ui_fixture_set_up,
              test_main_menu_made_when_opened, ui_fixture_tear_down);
  g_test_add ("/ventana/last-page-remembered", UiFixture, NULL, ui_fixture_set_up,
              test_last_page_remembered, ui_fixture_tear_down);
  g_test_add ("/ventana/find-goes-to-cases", UiFixture, NULL, ui_fixture_set_up,
              test_find_goes_to_cases, ui_fixture_tear_down);
  g_test_add ("/ventana/save-button-follows-visible-page", UiFixture, NULL, ui_fixture_set_up,
              test_save_button_follows_visible_page, ui_fixture_tear_down);
  g_test_add ("/ventana/errors-shown-in-window", UiFixture, NULL, ui_fixture_set_up,
              test_errors_are_shown_in_the_window, ui_fixture_tear_down);
  g_test_add_func ("/ventana/damaged-database-shown-at-startup", test_damaged_database_shown_at_startup);
  return g_test_run ();
}
