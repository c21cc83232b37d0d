/* test-preferences.c — Preferencias: evaluator name, rule set, tarifario
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "em-preferences-view.h"
#include "em-preferences-window.h"
#include "ui-test-util.h"

/* A rule set whose liquidez threshold is written with a decimal comma. */
static const char invalid_rules[] =
  "{\"id\": \"coma\", \"nombre\": \"Con coma\","
  " \"vigencia\": {\"desde\": \"2017-04-27\", \"hasta\": null},"
  " \"capacidad_endeudamiento\": \"0.157\","
  " \"dias_rotacion\": {\"cartera\": 22, \"inventario\": 25, \"proveedores\": 16},"
  " \"umbrales\": {\"cobertura_inversion\": {\"comparacion\": \">=\", \"valor\": \"1\"},"
  "              \"liquidez\": {\"comparacion\": \">=\", \"valor\": \"1,24\"},"
  "              \"capital_trabajo\": {\"comparacion\": \">=\", \"valor\": \"0.04\"},"
  "              \"endeudamiento\": {\"comparacion\": \"<=\", \"valor\": \"0.61\"}}}";

static EmPreferencesWindow *
open_preferences (UiFixture *f)
{
  EmPreferencesWindow *prefs = em_preferences_window_new (GTK_WINDOW (f->window), f->settings, f->session);

  gtk_window_present (GTK_WINDOW (prefs));
  ui_flush ();
  return prefs;
}

static GtkWidget *
child (EmPreferencesWindow *prefs, const char *id)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (prefs), EM_TYPE_PREFERENCES_WINDOW, id));
}

/* The button that activates @action. */
static GtkWidget *
find_button (GtkWidget *root, const char *action)
{
  for (GtkWidget *w = gtk_widget_get_first_child (root); w != NULL; w = gtk_widget_get_next_sibling (w))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (w) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (w)), action) == 0)
        return w;
      if ((found = find_button (w, action)) != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
button_for (EmPreferencesWindow *prefs, const char *action)
{
  GtkWidget *button = find_button (GTK_WIDGET (prefs), action);

  g_assert_nonnull (button);
  ui_flush ();
  return button;
}

static GFile *
test_data_file (const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("EM_TEST_DATA"), name, NULL);

  return g_file_new_for_path (path);
}

static const char *
rules_in_use (UiFixture *f)
{
  return em_rule_set_get_id (em_evaluator_get_rules (em_session_get_evaluator (f->session)));
}

static const char *
schedule_in_use (UiFixture *f)
{
  return em_tariff_schedule_get_id (em_evaluator_get_schedule (em_session_get_evaluator (f->session)));
}

/* ---- View state, without widgets -------------------------------------- */

static void
test_view_builtin_rules (void)
{
  g_auto(EmSourceView) view = { 0 };

  em_source_view_for_rules (&view, "Resolución ANM 208 de 2017", "del 27/04/2017 al 19/04/2018",
                            EM_SOURCE_BUILTIN, "");
  g_assert_cmpstr (view.name, ==, "Resolución ANM 208 de 2017");
  g_assert_cmpstr (view.validity, ==, "Vigencia: del 27/04/2017 al 19/04/2018");
  g_assert_cmpstr (view.origin, ==, "Incorporadas en la aplicación");
  g_assert_null (view.official);
  g_assert_false (view.can_use_builtin);
}

static void
test_view_rules_from_file (void)
{
  g_auto(EmSourceView) file = { 0 };
  g_auto(EmSourceView) invalid = { 0 };

  em_source_view_for_rules (&file, "Otra", "desde el 01/01/2020", EM_SOURCE_FILE, "/srv/reglas.json");
  g_assert_cmpstr (file.origin, ==, "Archivo: /srv/reglas.json");
  g_assert_true (file.can_use_builtin);
  em_source_view_for_rules (&invalid, "Resolución ANM 208 de 2017", "del 27/04/2017 al 19/04/2018",
                            EM_SOURCE_FILE_INVALID, "/srv/rota.json");
  g_assert_cmpstr (invalid.origin, ==, "El archivo /srv/rota.json no es válido: se usan las incorporadas");
  g_assert_true (invalid.can_use_builtin);
}

static void
test_view_schedule_says_whether_official (void)
{
  g_auto(EmSourceView) unofficial = { 0 };
  g_auto(EmSourceView) official = { 0 };

  em_source_view_for_schedule (&unofficial, "Ilustrativo", "desde el 01/01/2024", FALSE, EM_SOURCE_BUILTIN, "");
  g_assert_true (g_str_has_prefix (unofficial.official, "⚠ NO OFICIAL"));
  g_assert_cmpstr (unofficial.official_class, ==, "no-oficial");
  g_assert_cmpstr (unofficial.origin, ==, "Incorporado en la aplicación");
  em_source_view_for_schedule (&official, "Res. 2026", "desde el 01/01/2026", TRUE, EM_SOURCE_FILE, "/t.json");
  g_assert_cmpstr (official.official, ==, "✔ Oficial");
  g_assert_cmpstr (official.official_class, ==, "pass");
}

/* ---- The window ---------------------------------------------------------- */

static void
test_builds_modal_and_shows_what_is_in_use (UiFixture *f, gconstpointer data)
{
  EmPreferencesWindow *prefs = open_preferences (f);

  g_assert_true (gtk_window_get_modal (GTK_WINDOW (prefs)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (prefs)) == GTK_WINDOW (f->window));
  g_assert_nonnull (ui_find_label_containing (GTK_WIDGET (prefs), "Resolución ANM 208 de 2017"));
  g_assert_nonnull (ui_find_label_containing (GTK_WIDGET (prefs), "Vigencia: del 27/04/2017 al 19/04/2018"));
  g_assert_nonnull (ui_find_label_containing (GTK_WIDGET (prefs), "⚠ NO OFICIAL"));
  g_assert_false (gtk_widget_is_visible (child (prefs, "rules_error_label")));
  g_assert_false (gtk_widget_get_sensitive (button_for (prefs, "prefs.use-builtin-rules")));
  g_assert_false (gtk_widget_get_sensitive (button_for (prefs, "prefs.use-builtin-schedule")));
  g_assert_true (gtk_widget_get_sensitive (button_for (prefs, "prefs.choose-rules-file")));
  gtk_window_destroy (GTK_WINDOW (prefs));
}

static void
test_typing_the_name_sets_the_key (UiFixture *f, gconstpointer data)
{
  EmPreferencesWindow *prefs = open_preferences (f);
  g_autofree char *stored = NULL;

  gtk_editable_set_text (GTK_EDITABLE (child (prefs, "evaluator_entry")), "María Fernanda Ríos");
  stored = g_settings_get_string (f->settings, "evaluador");
  g_assert_cmpstr (stored, ==, "María Fernanda Ríos");
  gtk_window_destroy (GTK_WINDOW (prefs));
}

static void
test_invalid_rules_show_the_key_and_change_nothing (UiFixture *f, gconstpointer data)
{
  EmPreferencesWindow *prefs = open_preferences (f);
  g_autofree char *path = g_build_filename (f->dir, "reglas-con-coma.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *stored = NULL;
  GtkWidget *error;

  g_assert_true (g_file_set_contents (path, invalid_rules, -1, NULL));
  g_assert_false (em_preferences_window_use_rules_file (prefs, file));
  ui_flush ();
  error = ui_find_label_containing (GTK_WIDGET (prefs), "umbrales.liquidez.valor");
  g_assert_true (error == child (prefs, "rules_error_label"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error)), "sigue en uso «Resolución ANM 208 de 2017»"));
  stored = g_settings_get_string (f->settings, "reglas");
  g_assert_cmpstr (stored, ==, "");
  g_assert_cmpstr (rules_in_use (f), ==, "res-anm-208-2017");
  gtk_window_destroy (GTK_WINDOW (prefs));
}

static void
test_valid_rules_are_stored_and_used (UiFixture *f, gconstpointer data)
{
  EmPreferencesWindow *prefs = open_preferences (f);
  g_autoptr(GFile) file = test_data_file ("reglas-prueba.json");
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *stored = NULL;
  g_autofree char *origin = g_strdup_printf ("Archivo: %s", path);

  g_assert_true (em_preferences_window_use_rules_file (prefs, file));
  stored = g_settings_get_string (f->settings, "reglas");
  g_assert_cmpstr (stored, ==, path);
  g_assert_cmpstr (rules_in_use (f), ==, "reglas-prueba");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child (prefs, "rules_name_label"))), ==,
                   "Reglas de prueba (no oficiales)");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child (prefs, "rules_origin_label"))), ==, origin);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child (prefs, "rules_validity_label"))), ==,
                   "Vigencia: desde el 01/01/2020");
  gtk_window_destroy (GTK_WINDOW (prefs));
}

static void
test_an_invalid_file_keeps_the_previous_file (UiFixture *f, gconstpointer data)
{
  EmPreferencesWindow *prefs = open_preferences (f);
  g_autoptr(GFile) valid = test_data_file ("reglas-prueba.json");
  g_autoptr(GFile) invalid = test_data_file ("reglas-umbral-con-coma.json");
  g_autofree char *valid_path = g_file_get_path (valid);
  g_autofree char *stored = NULL;

  g_assert_true (em_preferences_window_use_rules_file (prefs, valid));
  g_assert_false (em_preferences_window_use_rules_file (prefs, invalid));
  stored = g_settings_get_string (f->settings, "reglas");
  g_assert_cmpstr (stored, ==, valid_path);
  g_assert_cmpstr (rules_in_use (f), ==, "reglas-prueba");
  g_assert_true (gtk_widget_get_visible (child (prefs, "rules_error_label")));
  gtk_window_destroy (GTK_WINDOW (prefs));
}

static void
test_builtin_rules_come_back_and_clear_the_error (UiFixture *f, gconstpointer data)
{
  EmPreferencesWindow *prefs = open_preferences (f);
  g_autoptr(GFile) valid = test_data_file ("reglas-prueba.json");
  g_autoptr(GFile) invalid = test_data_file ("reglas-umbral-con-coma.json");
  g_autofree char *stored = NULL;

  g_assert_false (em_preferences_window_use_rules_file (prefs, invalid));
  g_assert_true (em_preferences_window_use_rules_file (prefs, valid));
  g_assert_false (gtk_widget_get_visible (child (prefs, "rules_error_label")));
  g_assert_true (gtk_widget_get_sensitive (button_for (prefs, "prefs.use-builtin-rules")));
  gtk_widget_activate_action (GTK_WIDGET (prefs), "prefs.use-builtin-rules", NULL);
  stored = g_settings_get_string (f->settings, "reglas");
  g_assert_cmpstr (stored, ==, "");
  g_assert_cmpstr (rules_in_use (f), ==, "res-anm-208-2017");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child (prefs, "rules_origin_label"))), ==,
                   "Incorporadas en la aplicación");
  g_assert_false (gtk_widget_get_sensitive (button_for (prefs, "prefs.use-builtin-rules")));
  gtk_window_destroy (GTK_WINDOW (prefs));
}

static void
test_tarifario_file_validated_then_used (UiFixture *f, gconstpointer data)
{
  EmPreferencesWindow *prefs = open_preferences (f);
  g_autoptr(GFile) broken = test_data_file ("tarifario-roto.json");
  g_autoptr(GFile) valid = test_data_file ("tarifario-prueba.json");
  g_autofree char *valid_path = g_file_get_path (valid);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_false (em_preferences_window_use_schedule_file (prefs, broken));
  g_assert_nonnull (ui_find_label_containing (GTK_WIDGET (prefs), "factores.ER.valores"));
  before = g_settings_get_string (f->settings, "tarifario");
  g_assert_cmpstr (before, ==, "");
  g_assert_cmpstr (schedule_in_use (f), ==, "anexo-tecnico-ilustrativo");

  g_assert_true (em_preferences_window_use_schedule_file (prefs, valid));
  after = g_settings_get_string (f->settings, "tarifario");
  g_assert_cmpstr (after, ==, valid_path);
  g_assert_cmpstr (schedule_in_use (f), ==, "prueba-aritmetica");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child (prefs, "schedule_official_label"))), ==, "✔ Oficial");
  g_assert_null (ui_find_label_containing (GTK_WIDGET (prefs), "NO OFICIAL"));
  gtk_window_destroy (GTK_WINDOW (prefs));
}

static void
test_a_broken_file_in_the_settings_is_said (UiFixture *f, gconstpointer data)
{
  g_autoptr(GFile) broken = test_data_file ("tarifario-roto.json");
  g_autofree char *path = g_file_get_path (broken);
  EmPreferencesWindow *prefs;

  g_settings_set_string (f->settings, "tarifario", path);
  prefs = open_preferences (f);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (child (prefs, "schedule_origin_label"))),
                            "no es válido: se usa el incorporado"));
  g_assert_true (gtk_widget_get_sensitive (button_for (prefs, "prefs.use-builtin-schedule")));
  gtk_window_destroy (GTK_WINDOW (prefs));
}

/* Every label with a mnemonic has its own letter. */
static void
collect_mnemonics (GtkWidget *root, GArray *keyvals)
{
  for (GtkWidget *w = gtk_widget_get_first_child (root); w != NULL; w = gtk_widget_get_next_sibling (w))
    {
      if (GTK_IS_LABEL (w) && gtk_label_get_use_underline (GTK_LABEL (w)))
        {
          guint keyval = gdk_keyval_to_lower (gtk_label_get_mnemonic_keyval (GTK_LABEL (w)));

          for (guint i = 0; i < keyvals->len; i++)
            g_assert_cmpuint (g_array_index (keyvals, guint, i), !=, keyval);
          g_array_append_val (keyvals, keyval);
        }
      collect_mnemonics (w, keyvals);
    }
}

static void
test_mnemonics_are_unique_and_name_the_entry (UiFixture *f, gconstpointer data)
{
  EmPreferencesWindow *prefs = open_preferences (f);
  g_autoptr(GArray) keyvals = g_array_new (FALSE, FALSE, sizeof (guint));
  GtkWidget *label = ui_find_label_containing (GTK_WIDGET (prefs), "Nombre del evaluador");

  collect_mnemonics (GTK_WIDGET (prefs), keyvals);
  g_assert_cmpuint (keyvals->len, ==, 6);
  g_assert_true (gtk_label_get_mnemonic_widget (GTK_LABEL (label)) == child (prefs, "evaluator_entry"));
  gtk_window_destroy (GTK_WINDOW (prefs));
}

static GtkShortcut *
find_class_shortcut (GtkWidget *widget, const char *trigger)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *text = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));

          if (g_str_equal (text, trigger))
            return g_steal_pointer (&shortcut);
        }
    }
  return NULL;
}

static void
test_escape_closes (UiFixture *f, gconstpointer data)
{
  EmPreferencesWindow *prefs = open_preferences (f);
  g_autoptr(GtkShortcut) escape = find_class_shortcut (GTK_WIDGET (prefs), "Escape");

  g_assert_nonnull (escape);
  g_object_add_weak_pointer (G_OBJECT (prefs), (gpointer *) &prefs);
  g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (escape), 0, GTK_WIDGET (prefs), NULL));
  ui_flush ();
  g_assert_null (prefs);
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  g_test_add_func ("/preferencias/vista/reglas-incorporadas", test_view_builtin_rules);
  g_test_add_func ("/preferencias/vista/reglas-de-archivo", test_view_rules_from_file);
  g_test_add_func ("/preferencias/vista/tarifario-oficial-o-no", test_view_schedule_says_whether_official);
#define ADD(path, func) g_test_add (path, UiFixture, NULL, ui_fixture_set_up, func, ui_fixture_tear_down)
  ADD ("/preferencias/builds-modal-shows-what-is-in-use", test_builds_modal_and_shows_what_is_in_use);
  ADD ("/preferencias/typing-the-name-sets-the-key", test_typing_the_name_sets_the_key);
  ADD ("/preferencias/invalid-rules-name-the-key-change-nothing", test_invalid_rules_show_the_key_and_change_nothing);
  ADD ("/preferencias/valid-rules-stored-and-used", test_valid_rules_are_stored_and_used);
  ADD ("/preferencias/invalid-file-keeps-previous-file", test_an_invalid_file_keeps_the_previous_file);
  ADD ("/preferencias/builtin-rules-back-error-cleared", test_builtin_rules_come_back_and_clear_the_error);
  ADD ("/preferencias/tarifario-validated-then-used", test_tarifario_file_validated_then_used);
  ADD ("/preferencias/broken-file-in-settings-said", test_a_broken_file_in_the_settings_is_said);
  ADD ("/preferencias/mnemonics-unique-name-the-entry", test_mnemonics_are_unique_and_name_the_entry);
  ADD ("/preferencias/escape-closes", test_escape_closes);
#undef ADD
  return g_test_run ();
}
