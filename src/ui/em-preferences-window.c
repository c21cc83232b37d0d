/* em-preferences-window.c — Preferencias: evaluator, rule set, tarifario, paper
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The evaluator's name is bound to the "evaluador" key.  A rule set or a
 * tarifario chosen from a file is validated first; only a valid one is
 * stored ("reglas", "tarifario") and put in the session's evaluator, and
 * an invalid one leaves everything as it was and shows why, naming the
 * place in the file.  What is in use is always read back from the session,
 * so the window shows what the pages really evaluate with.  The paper of
 * printed summaries is bound to "papel".
 */
#define G_LOG_DOMAIN "em-preferences-window"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "em-preferences-view.h"
#include "em-preferences-window.h"

/* The labels that show one source: the rule set or the tarifario. */
typedef struct
{
  GtkLabel *name;
  GtkLabel *validity;
  GtkLabel *origin;
  GtkLabel *official;   /* tarifario only */
  GtkLabel *builtin;
  GtkLabel *error;
} SourceLabels;

struct _EmPreferencesWindow
{
  GtkWindow             parent_instance;
  GtkEntry             *evaluator_entry;
  GtkDropDown          *paper_dropdown;
  SourceLabels          rules;
  SourceLabels          schedule;
  GtkFileChooserNative *chooser;
  const char           *chooser_key;   /* "reglas" or "tarifario" */
  GSettings            *settings;
  EmSession            *session;
};

G_DEFINE_FINAL_TYPE (EmPreferencesWindow, em_preferences_window, GTK_TYPE_WINDOW)

enum { PROP_0, PROP_SETTINGS, PROP_SESSION, N_PROPS };
static GParamSpec *properties[N_PROPS];

static EmEvaluator *
current_evaluator (EmPreferencesWindow *self)
{
  return em_session_get_evaluator (self->session);
}

/* Showing a source */

static void
show_view (SourceLabels *labels, const EmSourceView *view)
{
  gtk_label_set_text (labels->name, view->name);
  gtk_label_set_text (labels->validity, view->validity);
  gtk_label_set_text (labels->origin, view->origin);
  if (labels->official == NULL)
    return;
  gtk_label_set_text (labels->official, view->official);
  gtk_widget_remove_css_class (GTK_WIDGET (labels->official), "pass");
  gtk_widget_remove_css_class (GTK_WIDGET (labels->official), "no-oficial");
  gtk_widget_add_css_class (GTK_WIDGET (labels->official), view->official_class);
}

static void
show_error (SourceLabels *labels, const char *message, const char *kept_name)
{
  /* Translators: the first %s is why the file is not valid, the second the name of what stays in use */
  g_autofree char *text = g_strdup_printf (_("%s\nNo se cambió nada: sigue en uso «%s»."), message, kept_name);

  gtk_label_set_text (labels->error, text);
  gtk_widget_set_visible (GTK_WIDGET (labels->error), TRUE);
}

static void
hide_error (SourceLabels *labels)
{
  gtk_widget_set_visible (GTK_WIDGET (labels->error), FALSE);
  gtk_label_set_text (labels->error, "");
}

static EmSourceOrigin
rules_origin (const char *path)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(EmRuleSet) rules = NULL;

  if (path[0] == '\0')
    return EM_SOURCE_BUILTIN;
  file = g_file_new_for_path (path);
  rules = em_rule_set_new_from_file (file, NULL);
  return rules != NULL ? EM_SOURCE_FILE : EM_SOURCE_FILE_INVALID;
}

static EmSourceOrigin
schedule_origin (const char *path)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(EmTariffSchedule) schedule = NULL;

  if (path[0] == '\0')
    return EM_SOURCE_BUILTIN;
  file = g_file_new_for_path (path);
  schedule = em_tariff_schedule_new_from_file (file, NULL);
  return schedule != NULL ? EM_SOURCE_FILE : EM_SOURCE_FILE_INVALID;
}

static void
refresh_rules (EmPreferencesWindow *self)
{
  EmRuleSet *rules = em_evaluator_get_rules (current_evaluator (self));
  g_autofree char *path = g_settings_get_string (self->settings, "reglas");
  g_autofree char *validity = em_rule_set_describe_validity (rules);
  g_auto(EmSourceView) view = { 0 };

  em_source_view_for_rules (&view, em_rule_set_get_name (rules), validity, rules_origin (path), path);
  show_view (&self->rules, &view);
  gtk_widget_set_visible (GTK_WIDGET (self->rules.builtin), view.can_use_builtin);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "prefs.use-builtin-rules", view.can_use_builtin);
}

static void
refresh_schedule (EmPreferencesWindow *self)
{
  EmTariffSchedule *schedule = em_evaluator_get_schedule (current_evaluator (self));
  g_autofree char *path = g_settings_get_string (self->settings, "tarifario");
  g_autofree char *validity = em_tariff_schedule_describe_validity (schedule);
  g_auto(EmSourceView) view = { 0 };

  em_source_view_for_schedule (&view, em_tariff_schedule_get_name (schedule), validity,
                               em_tariff_schedule_is_official (schedule), schedule_origin (path), path);
  show_view (&self->schedule, &view);
  gtk_widget_set_visible (GTK_WIDGET (self->schedule.builtin), view.can_use_builtin);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "prefs.use-builtin-schedule", view.can_use_builtin);
}

static void
refresh (EmPreferencesWindow *self)
{
  refresh_rules (self);
  refresh_schedule (self);
}

static char *
describe_builtin_rules (void)
{
  g_auto(GStrv) ids = em_rule_set_list_builtin ();
  GString *text = g_string_new (NULL);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autoptr(EmRuleSet) rules = em_rule_set_new_builtin (ids[i], NULL);
      g_autofree char *validity = rules ? em_rule_set_describe_validity (rules) : NULL;

      if (rules == NULL)
        continue;
      if (text->len > 0)
        g_string_append_c (text, '\n');
      /* Translators: %s are the name of a rule set and its validity ("del 27/04/2017 al 19/04/2018") */
      g_string_append_printf (text, _("Incorporadas: %s, vigencia %s."), em_rule_set_get_name (rules), validity);
    }
  return g_string_free (text, FALSE);
}

static char *
describe_builtin_schedules (void)
{
  g_auto(GStrv) ids = em_tariff_schedule_list_builtin ();
  GString *text = g_string_new (NULL);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autoptr(EmTariffSchedule) schedule = em_tariff_schedule_new_builtin (ids[i], NULL);
      g_autofree char *validity = schedule ? em_tariff_schedule_describe_validity (schedule) : NULL;

      if (schedule == NULL)
        continue;
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append_printf (text, em_tariff_schedule_is_official (schedule)
                                    ? _("Incorporado: %s. Vigencia %s; oficial.")
                                    : _("Incorporado: %s. Vigencia %s; no oficial."),
                              em_tariff_schedule_get_name (schedule), validity);
    }
  return g_string_free (text, FALSE);
}

/* Changing what is in use */

/* The application rebuilds the evaluator when a key changes; whether or
 * not it is there, what was validated here is what ends up in use. */
static void
use_rules (EmPreferencesWindow *self, EmRuleSet *rules, const char *path)
{
  EmEvaluator *current;

  g_settings_set_string (self->settings, "reglas", path);
  current = current_evaluator (self);
  if (g_strcmp0 (em_rule_set_get_sha256 (em_evaluator_get_rules (current)), em_rule_set_get_sha256 (rules)) != 0)
    {
      g_autoptr(EmEvaluator) evaluator = em_evaluator_new (rules, em_evaluator_get_table (current),
                                                           em_evaluator_get_schedule (current));

      em_session_set_evaluator (self->session, evaluator);
    }
  hide_error (&self->rules);
  refresh_rules (self);
}

static void
use_schedule (EmPreferencesWindow *self, EmTariffSchedule *schedule, const char *path)
{
  EmEvaluator *current;

  g_settings_set_string (self->settings, "tarifario", path);
  current = current_evaluator (self);
  if (g_strcmp0 (em_tariff_schedule_get_sha256 (em_evaluator_get_schedule (current)),
                 em_tariff_schedule_get_sha256 (schedule)) != 0)
    {
      g_autoptr(EmEvaluator) evaluator = em_evaluator_new (em_evaluator_get_rules (current),
                                                           em_evaluator_get_table (current), schedule);

      em_session_set_evaluator (self->session, evaluator);
    }
  hide_error (&self->schedule);
  refresh_schedule (self);
}

static const char *
rules_in_use_name (EmPreferencesWindow *self)
{
  return em_rule_set_get_name (em_evaluator_get_rules (current_evaluator (self)));
}

static const char *
schedule_in_use_name (EmPreferencesWindow *self)
{
  return em_tariff_schedule_get_name (em_evaluator_get_schedule (current_evaluator (self)));
}

static const char *
not_local_message (void)
{
  return _("Solo se pueden usar archivos guardados en este equipo.");
}

gboolean
em_preferences_window_use_rules_file (EmPreferencesWindow *self,
                                      GFile               *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EmRuleSet) rules = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (EM_IS_PREFERENCES_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if ((path = g_file_get_path (file)) == NULL)
    {
      show_error (&self->rules, not_local_message (), rules_in_use_name (self));
      return FALSE;
    }
  if ((rules = em_rule_set_new_from_file (file, &error)) == NULL)
    {
      show_error (&self->rules, error->message, rules_in_use_name (self));
      return FALSE;
    }
  use_rules (self, rules, path);
  return TRUE;
}

gboolean
em_preferences_window_use_schedule_file (EmPreferencesWindow *self,
                                         GFile               *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EmTariffSchedule) schedule = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (EM_IS_PREFERENCES_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if ((path = g_file_get_path (file)) == NULL)
    {
      show_error (&self->schedule, not_local_message (), schedule_in_use_name (self));
      return FALSE;
    }
  if ((schedule = em_tariff_schedule_new_from_file (file, &error)) == NULL)
    {
      show_error (&self->schedule, error->message, schedule_in_use_name (self));
      return FALSE;
    }
  use_schedule (self, schedule, path);
  return TRUE;
}

/* Actions */

static void
on_chooser_response (GtkNativeDialog *chooser, int response, EmPreferencesWindow *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL && g_str_equal (self->chooser_key, "reglas"))
    em_preferences_window_use_rules_file (self, file);
  else if (file != NULL)
    em_preferences_window_use_schedule_file (self, file);
  gtk_native_dialog_destroy (chooser);
  g_clear_object (&self->chooser);
}

static void
add_filters (GtkFileChooser *chooser)
{
  g_autoptr(GtkFileFilter) json = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (json, _("Archivos JSON"));
  gtk_file_filter_add_suffix (json, "json");
  gtk_file_chooser_add_filter (chooser, json);
  gtk_file_filter_set_name (all, _("Todos los archivos"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (chooser, all);
}

/* Starts in the folder of the file chosen before, if any. */
static void
set_start_folder (EmPreferencesWindow *self, GtkFileChooser *chooser, const char *key)
{
  g_autofree char *path = g_settings_get_string (self->settings, key);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) folder = NULL;

  if (path[0] == '\0')
    return;
  file = g_file_new_for_path (path);
  folder = g_file_get_parent (file);
  if (folder != NULL)
    gtk_file_chooser_set_current_folder (chooser, folder, NULL);
}

static void
choose_file (EmPreferencesWindow *self, const char *key, const char *title)
{
  if (self->chooser != NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Abrir"), _("_Cancelar"));
  self->chooser_key = key;
  add_filters (GTK_FILE_CHOOSER (self->chooser));
  set_start_folder (self, GTK_FILE_CHOOSER (self->chooser), key);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
choose_rules_activated (GtkWidget *widget, const char *name, GVariant *parameter)
{
  choose_file (EM_PREFERENCES_WINDOW (widget), "reglas", _("Elegir un archivo de reglas de capacidad económica"));
}

static void
choose_schedule_activated (GtkWidget *widget, const char *name, GVariant *parameter)
{
  choose_file (EM_PREFERENCES_WINDOW (widget), "tarifario", _("Elegir un archivo de tarifario"));
}

static void
use_builtin_rules_activated (GtkWidget *widget, const char *name, GVariant *parameter)
{
  g_autoptr(EmRuleSet) rules = em_rule_set_new_builtin (EM_RULE_SET_DEFAULT_ID, NULL);

  g_assert (rules != NULL);   /* shipped data */
  use_rules (EM_PREFERENCES_WINDOW (widget), rules, "");
}

static void
use_builtin_schedule_activated (GtkWidget *widget, const char *name, GVariant *parameter)
{
  g_autoptr(EmTariffSchedule) schedule = em_tariff_schedule_new_builtin (EM_TARIFF_SCHEDULE_DEFAULT_ID, NULL);

  g_assert (schedule != NULL);   /* shipped data */
  use_schedule (EM_PREFERENCES_WINDOW (widget), schedule, "");
}

/* The sheet: "carta" or "a4" in the settings, the dropdown's position here. */

static gboolean
paper_to_position (GValue *value, GVariant *variant, gpointer user_data)
{
  g_value_set_uint (value, g_strcmp0 (g_variant_get_string (variant, NULL), "a4") == 0 ? 1 : 0);
  return TRUE;
}

static GVariant *
position_to_paper (const GValue *value, const GVariantType *type, gpointer user_data)
{
  return g_variant_new_string (g_value_get_uint (value) == 1 ? "a4" : "carta");
}

/* GObject */

static void
em_preferences_window_constructed (GObject *object)
{
  EmPreferencesWindow *self = EM_PREFERENCES_WINDOW (object);
  g_autofree char *builtin_rules = describe_builtin_rules ();
  g_autofree char *builtin_schedules = describe_builtin_schedules ();

  G_OBJECT_CLASS (em_preferences_window_parent_class)->constructed (object);
  g_assert (self->settings != NULL && self->session != NULL);
  g_settings_bind (self->settings, "evaluador", self->evaluator_entry, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (self->settings, "papel", self->paper_dropdown, "selected", G_SETTINGS_BIND_DEFAULT,
                                paper_to_position, position_to_paper, NULL, NULL);
  gtk_label_set_text (self->rules.builtin, builtin_rules);
  gtk_label_set_text (self->schedule.builtin, builtin_schedules);
  g_signal_connect_swapped (self->session, "notify::evaluator", G_CALLBACK (refresh), self);
  g_signal_connect_swapped (self->settings, "changed::reglas", G_CALLBACK (refresh_rules), self);
  g_signal_connect_swapped (self->settings, "changed::tarifario", G_CALLBACK (refresh_schedule), self);
  refresh (self);
}

static void
em_preferences_window_dispose (GObject *object)
{
  EmPreferencesWindow *self = EM_PREFERENCES_WINDOW (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), EM_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->session);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (em_preferences_window_parent_class)->dispose (object);
}

static void
em_preferences_window_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  EmPreferencesWindow *self = EM_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
em_preferences_window_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  EmPreferencesWindow *self = EM_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
install_properties (GObjectClass *object_class)
{
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, EM_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

#define BIND_LABEL(klass, id, member) \
  gtk_widget_class_bind_template_child_full (klass, id, FALSE, G_STRUCT_OFFSET (EmPreferencesWindow, member))

static void
bind_template_children (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, EmPreferencesWindow, evaluator_entry);
  gtk_widget_class_bind_template_child (widget_class, EmPreferencesWindow, paper_dropdown);
  BIND_LABEL (widget_class, "rules_name_label", rules.name);
  BIND_LABEL (widget_class, "rules_validity_label", rules.validity);
  BIND_LABEL (widget_class, "rules_origin_label", rules.origin);
  BIND_LABEL (widget_class, "rules_builtin_label", rules.builtin);
  BIND_LABEL (widget_class, "rules_error_label", rules.error);
  BIND_LABEL (widget_class, "schedule_name_label", schedule.name);
  BIND_LABEL (widget_class, "schedule_validity_label", schedule.validity);
  BIND_LABEL (widget_class, "schedule_origin_label", schedule.origin);
  BIND_LABEL (widget_class, "schedule_official_label", schedule.official);
  BIND_LABEL (widget_class, "schedule_builtin_label", schedule.builtin);
  BIND_LABEL (widget_class, "schedule_error_label", schedule.error);
}

static void
em_preferences_window_class_init (EmPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = em_preferences_window_constructed;
  object_class->dispose = em_preferences_window_dispose;
  object_class->set_property = em_preferences_window_set_property;
  object_class->get_property = em_preferences_window_get_property;
  install_properties (object_class);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/co/gov/anm/EvaluadorMinero/ui/em-preferences-window.ui");
  bind_template_children (widget_class);
  gtk_widget_class_install_action (widget_class, "prefs.choose-rules-file", NULL, choose_rules_activated);
  gtk_widget_class_install_action (widget_class, "prefs.use-builtin-rules", NULL, use_builtin_rules_activated);
  gtk_widget_class_install_action (widget_class, "prefs.choose-schedule-file", NULL, choose_schedule_activated);
  gtk_widget_class_install_action (widget_class, "prefs.use-builtin-schedule", NULL,
                                   use_builtin_schedule_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
em_preferences_window_init (EmPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

EmPreferencesWindow *
em_preferences_window_new (GtkWindow *parent,
                           GSettings *settings,
                           EmSession *session)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (EM_IS_SESSION (session), NULL);

  return g_object_new (EM_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "settings", settings,
                       "session", session,
                       NULL);
}
