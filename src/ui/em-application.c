/* em-application.c — the GtkApplication: settings, the case store, actions
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opens the user's case database (EVALUADOR_MINERO_DB overrides its path),
 * builds the evaluator from the rule set and tarifario chosen in the
 * preferences (falling back to the shipped ones, with a visible error when
 * a chosen file is not valid), and keeps both in an EmSession shared by
 * the window's pages.
 *
 * The application has no resource base path, so GtkApplication loads
 * nothing by itself: it would add <base>/icons to the icon theme at
 * start-up, which throws away the theme GTK loads in a thread and makes
 * the first frame load it again.  Our icons (for the About dialog before
 * installation) are added after the first frame, or when About is opened.
 *
 * For the benchmarks (bench/run): with EVALUADOR_MINERO_MEDIR_PRIMER_CUADRO=1
 * the application prints, once the window's first frame is painted, the
 * milliseconds since it was created and the wall clock (µs since the
 * epoch, for a caller that took the time before starting the process), and
 * quits.
 */
#define G_LOG_DOMAIN "em-application"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "em-application.h"
#include "em-cases-page.h"
#include "em-preferences-window.h"
#include "em-window.h"

struct _EmApplication
{
  GtkApplication  parent_instance;
  GSettings      *settings;
  EmSession      *session;
  GPtrArray      *startup_errors;
  gboolean        icons_added;
  guint           icons_source;
};

G_DEFINE_FINAL_TYPE (EmApplication, em_application, GTK_TYPE_APPLICATION)

static gint64 created_at;      /* g_get_monotonic_time () in em_application_new */

/* ---- After the first frame ---------------------------------------------- */

static void
add_icons (EmApplication *self)
{
  if (self->icons_added)
    return;
  self->icons_added = TRUE;
  gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                    "/co/gov/anm/EvaluadorMinero/icons");
}

static gboolean
add_icons_when_idle (gpointer data)
{
  EmApplication *self = data;

  self->icons_source = 0;
  add_icons (self);
  return G_SOURCE_REMOVE;
}

/* For bench/run: the milliseconds since the application was made, and the
 * wall clock (µs since the epoch); then quits. */
static void
print_first_frame (EmApplication *self)
{
  g_print ("primer-cuadro-ms %.1f\nprimer-cuadro-reloj-us %" G_GINT64_FORMAT "\n",
           (g_get_monotonic_time () - created_at) / 1000.0, g_get_real_time ());
  g_application_quit (G_APPLICATION (self));
}

static void
on_first_frame (GdkFrameClock *clock, EmApplication *self)
{
  g_signal_handlers_disconnect_by_func (clock, on_first_frame, self);
  if (!self->icons_added && self->icons_source == 0)
    self->icons_source = g_idle_add_full (G_PRIORITY_LOW, add_icons_when_idle, self, NULL);
  if (g_strcmp0 (g_getenv ("EVALUADOR_MINERO_MEDIR_PRIMER_CUADRO"), "1") == 0)
    print_first_frame (self);
}

static void
on_window_realize (GtkWidget *window, EmApplication *self)
{
  g_signal_handlers_disconnect_by_func (window, on_window_realize, self);
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (on_first_frame), self);
}

static EmRuleSet *
load_rules (EmApplication *self)
{
  g_autofree char *path = g_settings_get_string (self->settings, "reglas");
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  EmRuleSet *rules;

  if (path[0] != '\0')
    {
      file = g_file_new_for_path (path);
      if ((rules = em_rule_set_new_from_file (file, &error)) != NULL)
        return rules;
      g_ptr_array_add (self->startup_errors,
                       g_strdup_printf (_("%s. Se usa la Resolución ANM 208 de 2017 incorporada."), error->message));
    }
  return em_rule_set_new_builtin (EM_RULE_SET_DEFAULT_ID, NULL);
}

static EmTariffSchedule *
load_schedule (EmApplication *self)
{
  g_autofree char *path = g_settings_get_string (self->settings, "tarifario");
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  EmTariffSchedule *schedule;

  if (path[0] != '\0')
    {
      file = g_file_new_for_path (path);
      if ((schedule = em_tariff_schedule_new_from_file (file, &error)) != NULL)
        return schedule;
      g_ptr_array_add (self->startup_errors,
                       g_strdup_printf (_("%s. Se usa el tarifario ilustrativo incorporado."), error->message));
    }
  return em_tariff_schedule_new_builtin (EM_TARIFF_SCHEDULE_DEFAULT_ID, NULL);
}

static EmEvaluator *
build_evaluator (EmApplication *self)
{
  g_autoptr(EmRuleSet) rules = load_rules (self);
  g_autoptr(EmTariffTable) table = em_tariff_table_new_builtin (NULL);
  g_autoptr(EmTariffSchedule) schedule = load_schedule (self);

  g_assert (rules != NULL && table != NULL && schedule != NULL);   /* shipped data */
  return em_evaluator_new (rules, table, schedule);
}

static void
on_rules_setting_changed (GSettings *settings, const char *key, EmApplication *self)
{
  g_autoptr(EmEvaluator) evaluator = build_evaluator (self);

  em_session_set_evaluator (self->session, evaluator);
}

static EmCaseStore *
open_store (EmApplication *self)
{
  const char *override = g_getenv ("EVALUADOR_MINERO_DB");
  g_autofree char *path = override ? g_strdup (override) : em_case_store_default_path ();
  g_autoptr(GError) error = NULL;
  EmCaseStore *store = em_case_store_open (path, &error);

  if (store == NULL)
    g_ptr_array_add (self->startup_errors,
                     g_strdup_printf (_("No se pueden guardar ni consultar casos: %s"), error->message));
  return store;
}

static void
quit_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  EmApplication *self = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
  g_application_quit (G_APPLICATION (self));
}

static void
preferences_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  EmApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  EmPreferencesWindow *preferences = em_preferences_window_new (parent, self->settings, self->session);

  gtk_window_present (GTK_WINDOW (preferences));
}

static void
about_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  static const char *authors[] = { N_("Equipo de Evaluador Minero"), NULL };
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  add_icons (user_data);
  gtk_show_about_dialog (parent,
                         "program-name", _("Evaluador Minero"),
                         "logo-icon-name", APPLICATION_ID,
                         "version", PACKAGE_VERSION,
                         "comments", _("Capacidad económica de comercializadores y plantas de beneficio "
                                       "(Res. ANM 208 de 2017) y tarifa de las inspecciones de "
                                       "fiscalización de títulos mineros."),
                         "website", "https://www.anm.gov.co/",
                         "website-label", _("Agencia Nacional de Minería"),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "authors", authors,
                         NULL);
}

static const GActionEntry app_actions[] = {
  { .name = "quit", .activate = quit_activated },
  { .name = "preferences", .activate = preferences_activated },
  { .name = "about", .activate = about_activated },
};

static void
set_accels (GtkApplication *app)
{
  static const struct { const char *action; const char *accels[3]; } table[] = {
    { "win.new", { "<Control>n", NULL } },
    { "win.save", { "<Control>s", NULL } },
    { "win.find", { "<Control>f", NULL } },
    { "win.print", { "<Control>p", NULL } },
    { "app.quit", { "<Control>q", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "win.show-help-overlay", { "<Control>question", NULL } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    gtk_application_set_accels_for_action (app, table[i].action, table[i].accels);
}

static void
load_style (void)
{
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

  gtk_css_provider_load_from_resource (provider, "/co/gov/anm/EvaluadorMinero/ui/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static void
em_application_startup (GApplication *application)
{
  EmApplication *self = EM_APPLICATION (application);
  g_autoptr(EmCaseStore) store = NULL;
  g_autoptr(EmEvaluator) evaluator = NULL;

  G_APPLICATION_CLASS (em_application_parent_class)->startup (application);
  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  set_accels (GTK_APPLICATION (self));
  load_style ();
  self->settings = g_settings_new (APPLICATION_ID);
  store = open_store (self);
  evaluator = build_evaluator (self);
  self->session = em_session_new (store, evaluator);
  g_settings_bind (self->settings, "evaluador", self->session, "evaluator-name", G_SETTINGS_BIND_DEFAULT);
  g_signal_connect (self->settings, "changed::reglas", G_CALLBACK (on_rules_setting_changed), self);
  g_signal_connect (self->settings, "changed::tarifario", G_CALLBACK (on_rules_setting_changed), self);
}

static void
em_application_activate (GApplication *application)
{
  EmApplication *self = EM_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    {
      EmWindow *new_window = em_window_new (GTK_APPLICATION (self), self->session, self->settings);

      em_window_defer_cases_load (new_window);

      for (guint i = 0; i < self->startup_errors->len; i++)
        em_window_show_error (new_window, self->startup_errors->pdata[i]);
      g_ptr_array_set_size (self->startup_errors, 0);
      window = GTK_WINDOW (new_window);
      g_signal_connect (window, "realize", G_CALLBACK (on_window_realize), self);
    }
  gtk_window_present (window);
}

static void
em_application_finalize (GObject *object)
{
  EmApplication *self = EM_APPLICATION (object);

  g_clear_handle_id (&self->icons_source, g_source_remove);
  g_clear_object (&self->session);
  g_clear_object (&self->settings);
  g_ptr_array_unref (self->startup_errors);
  G_OBJECT_CLASS (em_application_parent_class)->finalize (object);
}

static void
em_application_class_init (EmApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = em_application_finalize;
  app_class->startup = em_application_startup;
  app_class->activate = em_application_activate;
}

static void
em_application_init (EmApplication *self)
{
  self->startup_errors = g_ptr_array_new_with_free_func (g_free);
}

EmApplication *
em_application_new (void)
{
  created_at = g_get_monotonic_time ();
  return g_object_new (EM_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", NULL,
                       NULL);
}

GSettings *
em_application_get_settings (EmApplication *self)
{
  g_return_val_if_fail (EM_IS_APPLICATION (self), NULL);
  return self->settings;
}
