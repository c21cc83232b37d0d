/* ui-test-util.h — a real window over a temporary case database
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>
#include <string.h>

#include "em-application.h"
#include "em-window.h"

typedef struct
{
  char           *dir;
  GtkApplication *app;
  GSettings      *settings;
  EmSession      *session;
  EmWindow       *window;
} UiFixture;

static inline void
ui_load_style (void)
{
  static gboolean loaded;
  g_autoptr(GtkCssProvider) provider = NULL;

  if (loaded)
    return;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/co/gov/anm/EvaluadorMinero/ui/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  loaded = TRUE;
}

/* A window over the case database at @path (made beforehand if need be),
 * presented; ui_fixture_tear_down or the test closes it. */
static inline void
ui_window_open (UiFixture *f, const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EmCaseStore) store = em_case_store_open (path, &error);
  g_autoptr(EmEvaluator) evaluator = em_evaluator_new_default (NULL);

  g_assert_no_error (error);
  f->app = gtk_application_new ("co.gov.anm.EvaluadorMinero.Prueba", G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (f->app), NULL, NULL));
  f->settings = g_settings_new ("co.gov.anm.EvaluadorMinero");
  f->session = em_session_new (store, evaluator);
  em_session_set_evaluator_name (f->session, "Ana Gómez");
  ui_load_style ();
  f->window = em_window_new (f->app, f->session, f->settings);
  gtk_window_present (GTK_WINDOW (f->window));
}

static inline void
ui_fixture_set_up (UiFixture *f, gconstpointer data)
{
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("em-ui-XXXXXX", NULL);
  path = g_build_filename (f->dir, "casos.sqlite", NULL);
  ui_window_open (f, path);
}

static inline void
ui_fixture_tear_down (UiFixture *f, gconstpointer data)
{
  g_autofree char *command = g_strdup_printf ("rm -rf '%s'", f->dir);

  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->session);
  g_clear_object (&f->settings);
  g_clear_object (&f->app);
  g_assert_cmpint (system (command), ==, 0);
  g_free (f->dir);
}

/* Runs the main loop until nothing is pending. */
static inline void
ui_flush (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static inline GtkWidget *
ui_find_label_containing (GtkWidget *root, const char *part)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_LABEL (child) && gtk_widget_is_visible (child)
          && strstr (gtk_label_get_text (GTK_LABEL (child)), part) != NULL)
        return child;
      if ((found = ui_find_label_containing (child, part)) != NULL)
        return found;
    }
  return NULL;
}

/* The widget whose GtkBuildable id (or widget name) is @name. */
static inline GtkWidget *
ui_find_named (GtkWidget *root, const char *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (g_strcmp0 (gtk_widget_get_name (child), name) == 0)
        return child;
      if ((found = ui_find_named (child, name)) != NULL)
        return found;
    }
  return NULL;
}

/* The SHA-256 of the file at @path: a failed operation must leave it as it was. */
static inline char *
ui_file_digest (const char *path)
{
  g_autofree char *data = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, len);
}

/* The first open window of @type (a dialog over the window), or NULL. */
static inline GtkWindow *
ui_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return GTK_WINDOW (window);     /* still held by the list of toplevels */
    }
  return NULL;
}

/* The message dialog open over the window, or NULL. */
static inline GtkMessageDialog *
ui_find_message_dialog (void)
{
  return (GtkMessageDialog *) ui_find_toplevel (GTK_TYPE_MESSAGE_DIALOG);
}

/* The whole application (as started from the desktop) over the database at
 * @path (EVALUADOR_MINERO_DB): its window, once shown. */
static inline GtkWindow *
ui_application_open (EmApplication **app, const char *path)
{
  GtkWindow *window;

  g_setenv ("EVALUADOR_MINERO_DB", path, TRUE);
  *app = em_application_new ();
  g_application_set_flags (G_APPLICATION (*app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (*app), NULL, NULL));
  g_application_activate (G_APPLICATION (*app));
  ui_flush ();
  window = gtk_application_get_active_window (GTK_APPLICATION (*app));
  g_assert_true (EM_IS_WINDOW (window));
  return window;
}

static inline void
ui_application_close (GtkWindow *window)
{
  gtk_window_destroy (window);
  ui_flush ();
  g_unsetenv ("EVALUADOR_MINERO_DB");
}
