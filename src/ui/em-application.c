/* em-application.c — the GtkApplication: actions and the window
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "em-application"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "em-application.h"
#include "em-window.h"

struct _EmApplication
{
  GtkApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (EmApplication, em_application, GTK_TYPE_APPLICATION)

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static const GActionEntry app_actions[] = {
  { .name = "quit", .activate = quit_activated },
};

static void
em_application_startup (GApplication *application)
{
  static const char *quit_accels[] = { "<Control>q", NULL };

  G_APPLICATION_CLASS (em_application_parent_class)->startup (application);
  g_action_map_add_action_entries (G_ACTION_MAP (application), app_actions,
                                   G_N_ELEMENTS (app_actions), application);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.quit", quit_accels);
}

static void
em_application_activate (GApplication *application)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (application));

  if (window == NULL)
    window = GTK_WINDOW (em_window_new (GTK_APPLICATION (application)));
  gtk_window_present (window);
}

static void
em_application_class_init (EmApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->startup = em_application_startup;
  app_class->activate = em_application_activate;
}

static void
em_application_init (EmApplication *self)
{
}

EmApplication *
em_application_new (void)
{
  return g_object_new (EM_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       NULL);
}
