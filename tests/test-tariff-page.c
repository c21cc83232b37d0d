/* test-tariff-page.c — the «Tarifa de inspección» page, driven like a user
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Real widgets in a real window over a temporary case database: typing a
 * title gives the engine's result on screen, the stage enables only its
 * fields, a wrong number is marked and shows no result, the non-official
 * mark is there, saving stores the case, «Nuevo» asks before discarding,
 * a stored case is shown read-only, another tarifario re-evaluates.
 */
#include "config.h"

#include "em-tariff-page.h"
#include "ui-test-util.h"

typedef struct
{
  UiFixture  ui;
  GtkWidget *page;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  ui_fixture_set_up (&f->ui, data);
  em_window_show_page (f->ui.window, "tarifa");
  f->page = em_window_get_page_widget (f->ui.window, "tarifa");
  g_assert_true (EM_IS_TARIFF_PAGE (f->page));
  ui_flush ();
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  ui_fixture_tear_down (&f->ui, data);
}

static GtkWidget *
find (Fixture *f, const char *name)
{
  GtkWidget *widget = ui_find_named (f->page, name);

  if (widget == NULL)
    g_error ("no widget named %s", name);
  return widget;
}

static void
type (Fixture *f, const char *name, const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (find (f, name)), text);
}

static void
choose (Fixture *f, const char *name, guint position)
{
  gtk_drop_down_set_selected (GTK_DROP_DOWN (find (f, name)), position);
}

static void
press (Fixture *f, const char *name)
{
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (find (f, name)), TRUE);
}

static const char *
text (Fixture *f, const char *name)
{
  return gtk_label_get_text (GTK_LABEL (find (f, name)));
}

static gboolean
enabled (Fixture *f, const char *name)
{
  return gtk_widget_is_sensitive (find (f, name));
}

static const char *
shown_result (Fixture *f)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (find (f, "results_stack")));
}

/* Carbón, subterránea, 48.500 t/año, nivel bajo, inspection @numero. */
static void
type_underground_coal (Fixture *f, const char *numero)
{
  type (f, "expediente_entry", "HJK-08121");
  type (f, "titular_entry", "Carbones del Norte S.A.S.");
  press (f, "explotacion_button");
  choose (f, "grupo_dropdown", EM_GRUPO_CARBON);
  choose (f, "sistema_dropdown", EM_SISTEMA_SUBTERRANEO);
  type (f, "produccion_entry", "48.500");
  choose (f, "nivel_dropdown", EM_NIVEL_BAJO);
  type (f, "numero_spin", numero);
  ui_flush ();
}

static GtkWidget *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return GTK_WIDGET (window);
    }
  return NULL;
}

static GtkWidget *
find_entry (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_ENTRY (child))
        return child;
      if ((found = find_entry (child)) != NULL)
        return found;
    }
  return NULL;
}

static gint64
count_cases (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  gint64 count = em_case_store_count (em_session_get_store (f->ui.session), &error);

  g_assert_no_error (error);
  return count;
}

/* ---- Results on screen --------------------------------------------- */

static void
test_second_inspection_not_charged_with_sgr_sentence (Fixture *f, gconstpointer data)
{
  type_underground_coal (f, "2");
  g_assert_cmpstr (shown_result (f), ==, "resultado");
  g_assert_cmpstr (text (f, "clase_label"), ==, "Pequeña minería");
  g_assert_nonnull (strstr (text (f, "clase_reason"), "hasta 60.000 t/año; el título declara 48.500 t/año"));
  g_assert_cmpstr (text (f, "charge_label"), ==, "✘ NO SE COBRA");
  g_assert_true (gtk_widget_has_css_class (find (f, "charge_label"), "sin-cobro"));
  g_assert_nonnull (strstr (text (f, "explanation_label"), "las dos primeras inspecciones las cubre el SGR"));
  g_assert_cmpstr (text (f, "tarifa_label"), ==, "$ 0");
  g_assert_cmpstr (text (f, "valor_label"), ==, "$ 1.210.730");
  g_assert_cmpstr (text (f, "produccion_unit"), ==, "t/año");
}

static void
test_third_inspection_charged_with_total (Fixture *f, gconstpointer data)
{
  type_underground_coal (f, "3");
  g_assert_cmpstr (text (f, "charge_label"), ==, "✔ SE COBRA — criterio 2 de la Tabla 3");
  g_assert_true (gtk_widget_has_css_class (find (f, "charge_label"), "cobro"));
  g_assert_nonnull (strstr (text (f, "explanation_label"), "esta es la tercera, así que se cobra"));
  g_assert_cmpstr (text (f, "tarifa_label"), ==, "$ 1.210.730");
  g_assert_nonnull (ui_find_label_containing (f->page, "$ 797.940,00"));
  g_assert_nonnull (ui_find_label_containing (f->page, "$ 1.000.000 × 0,159 × 1,41 (minería subterránea)"));
  g_assert_nonnull (ui_find_label_containing (f->page, "1,41 días"));
  g_assert_nonnull (strstr (text (f, "observations_label"), "no es oficial"));
}

static void
test_surface_and_measure_criteria_on_screen (Fixture *f, gconstpointer data)
{
  type_underground_coal (f, "2");
  choose (f, "sistema_dropdown", EM_SISTEMA_CIELO_ABIERTO);
  g_assert_cmpstr (text (f, "charge_label"), ==, "✔ SE COBRA — criterio 3 de la Tabla 3");

  press (f, "exploracion_button");
  type (f, "area_entry", "1.234,5");
  choose (f, "medida_dropdown", EM_MEDIDA_SUSPENSION);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (find (f, "levantamiento_check")), TRUE);
  g_assert_cmpstr (text (f, "clase_label"), ==, "Mediana minería");
  g_assert_cmpstr (text (f, "charge_label"), ==, "✔ SE COBRA — criterio 1 de la Tabla 3");
  g_assert_nonnull (strstr (text (f, "clase_reason"), "el título tiene 1.234,5 ha"));
}

/* ---- The stage and its fields -------------------------------------- */

static void
test_stage_enables_and_disables_fields (Fixture *f, gconstpointer data)
{
  g_assert_false (enabled (f, "area_entry"));
  g_assert_false (enabled (f, "grupo_dropdown"));
  g_assert_false (enabled (f, "autorizado_check"));
  g_assert_cmpstr (shown_result (f), ==, "vacio");

  press (f, "exploracion_button");
  g_assert_true (enabled (f, "area_entry"));
  g_assert_false (enabled (f, "grupo_dropdown"));
  g_assert_false (enabled (f, "produccion_entry"));
  g_assert_false (enabled (f, "sistema_dropdown"));
  g_assert_false (enabled (f, "nivel_dropdown"));
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (find (f, "autorizado_check"))));

  gtk_check_button_set_active (GTK_CHECK_BUTTON (find (f, "autorizado_check")), TRUE);
  g_assert_true (enabled (f, "sistema_dropdown"));
  g_assert_true (enabled (f, "nivel_dropdown"));

  press (f, "explotacion_button");
  g_assert_false (enabled (f, "area_entry"));
  g_assert_true (enabled (f, "grupo_dropdown"));
  g_assert_true (enabled (f, "sistema_dropdown"));
  g_assert_true (enabled (f, "produccion_entry"));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (find (f, "autorizado_check"))));

  g_assert_false (enabled (f, "levantamiento_check"));
  choose (f, "medida_dropdown", EM_MEDIDA_CIERRE);
  g_assert_true (enabled (f, "levantamiento_check"));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (find (f, "levantamiento_check")), TRUE);
  g_assert_false (enabled (f, "nivel_dropdown"));
}

/* What a stage does not use is not sent: a stale production from
 * explotación does not stop an exploración title from being evaluated. */
static void
test_disabled_field_is_not_sent (Fixture *f, gconstpointer data)
{
  type_underground_coal (f, "1");
  press (f, "construccion_button");
  type (f, "area_entry", "150");
  g_assert_cmpstr (shown_result (f), ==, "resultado");
  g_assert_cmpstr (text (f, "clase_label"), ==, "Pequeña minería");
  g_assert_nonnull (strstr (text (f, "clase_reason"), "Por hectáreas"));
}

/* ---- Wrong input --------------------------------------------------- */

static void
test_invalid_number_marks_field_and_shows_no_result (Fixture *f, gconstpointer data)
{
  type_underground_coal (f, "3");
  g_assert_cmpstr (shown_result (f), ==, "resultado");
  type (f, "produccion_entry", "48.5");
  ui_flush ();
  g_assert_cmpstr (shown_result (f), ==, "vacio");
  g_assert_true (gtk_widget_get_visible (find (f, "produccion_error")));
  g_assert_nonnull (strstr (text (f, "produccion_error"), "el punto separa los miles"));
  g_assert_true (gtk_widget_has_css_class (find (f, "produccion_entry"), "error"));
  g_assert_cmpstr (text (f, "empty_title"), ==, "Corrija los datos marcados");

  type (f, "produccion_entry", "48.500");
  g_assert_cmpstr (shown_result (f), ==, "resultado");
  g_assert_false (gtk_widget_get_visible (find (f, "produccion_error")));
  g_assert_false (gtk_widget_has_css_class (find (f, "produccion_entry"), "error"));
}

static void
test_area_beyond_the_table_is_marked (Fixture *f, gconstpointer data)
{
  press (f, "exploracion_button");
  type (f, "area_entry", "12.000");
  g_assert_cmpstr (shown_result (f), ==, "vacio");
  g_assert_nonnull (strstr (text (f, "area_error"), "supera el límite de la gran minería"));
}

/* ---- The tarifario ------------------------------------------------- */

static void
test_non_official_mark_visible_with_shipped_tarifario (Fixture *f, gconstpointer data)
{
  GtkWidget *mark = find (f, "oficial_mark");

  g_assert_true (gtk_widget_is_visible (mark));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (mark)), ==, "ILUSTRATIVO — NO OFICIAL");
  g_assert_true (gtk_widget_has_css_class (mark, "no-oficial"));
  type_underground_coal (f, "3");
  g_assert_true (gtk_widget_is_visible (mark));
  g_assert_nonnull (strstr (text (f, "schedule_label"), "anexo-tecnico-ilustrativo"));
}

static EmEvaluator *
official_evaluator (EmEvaluator *shipped)
{
  static const char json[] =
    "{\"id\": \"prueba-oficial\", \"nombre\": \"Tarifario de prueba\", \"oficial\": true,"
    " \"vigencia\": {\"desde\": \"2025-01-01\", \"hasta\": null}, \"valor_dia\": \"2000000\","
    " \"rubros\": {\"pin\": {\"TPM\": \"0.25\", \"C\": \"0.25\", \"ER\": \"0.25\", \"D\": \"0.25\"},"
    "            \"no_pin\": {\"TPM\": \"0.25\", \"C\": \"0.25\", \"ER\": \"0.25\", \"D\": \"0.25\"}},"
    " \"factores\": {\"TPM\": {\"por\": \"clasificacion\", \"valores\": {\"*\": \"1\"}},"
    "               \"C\": {\"por\": \"pin\", \"valores\": {\"*\": \"1\"}},"
    "               \"ER\": {\"por\": \"sistema\", \"valores\": {\"*\": \"1\"}},"
    "               \"D\": {\"por\": \"etapa\", \"valores\": {\"*\": \"1\"}}}}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, sizeof json - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(EmTariffSchedule) schedule = em_tariff_schedule_new_from_bytes (bytes, &error);

  g_assert_no_error (error);
  return em_evaluator_new (em_evaluator_get_rules (shipped), em_evaluator_get_table (shipped), schedule);
}

static void
test_other_tarifario_reevaluates (Fixture *f, gconstpointer data)
{
  g_autoptr(EmEvaluator) official = official_evaluator (em_session_get_evaluator (f->ui.session));

  type_underground_coal (f, "3");
  g_assert_cmpstr (text (f, "tarifa_label"), ==, "$ 1.210.730");
  em_session_set_evaluator (f->ui.session, official);
  ui_flush ();
  g_assert_cmpstr (text (f, "tarifa_label"), ==, "$ 2.000.000");
  g_assert_false (gtk_widget_get_visible (find (f, "oficial_mark")));
  g_assert_nonnull (strstr (text (f, "schedule_label"), "Tarifario de prueba"));
}

/* ---- Saving, starting anew, a stored case -------------------------- */

static void
test_saving_stores_the_case (Fixture *f, gconstpointer data)
{
  g_assert_cmpint (count_cases (f), ==, 0);
  type_underground_coal (f, "3");
  gtk_widget_activate_action (f->page, "page.save", NULL);
  ui_flush ();
  g_assert_cmpint (count_cases (f), ==, 1);
  g_assert_nonnull (strstr (text (f, "notice_label"), "Guardado como caso n.º 1"));
  g_assert_nonnull (strstr (text (f, "notice_label"), "Código de verificación: "));
  /* Saving the same evaluation twice would store it twice. */
  gtk_widget_activate_action (f->page, "page.save", NULL);
  g_assert_cmpint (count_cases (f), ==, 1);
}

static void
test_saving_without_evaluator_asks_for_name (Fixture *f, gconstpointer data)
{
  GtkWidget *dialog;

  em_session_set_evaluator_name (f->ui.session, "");
  type_underground_coal (f, "3");
  gtk_widget_activate_action (f->page, "page.save", NULL);
  ui_flush ();
  g_assert_cmpint (count_cases (f), ==, 0);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  gtk_editable_set_text (GTK_EDITABLE (find_entry (dialog)), "  Marta Ruiz ");
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  ui_flush ();
  g_assert_cmpstr (em_session_get_evaluator_name (f->ui.session), ==, "Marta Ruiz");
  g_assert_cmpint (count_cases (f), ==, 1);
}

static void
test_new_asks_before_discarding (Fixture *f, gconstpointer data)
{
  GtkWidget *dialog;

  type_underground_coal (f, "3");
  gtk_widget_activate_action (f->page, "page.new", NULL);
  ui_flush ();
  g_assert_nonnull (dialog = find_dialog ());
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  ui_flush ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find (f, "expediente_entry"))), ==, "HJK-08121");

  gtk_widget_activate_action (f->page, "page.new", NULL);
  ui_flush ();
  g_assert_nonnull (dialog = find_dialog ());
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  ui_flush ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find (f, "expediente_entry"))), ==, "");
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (find (f, "explotacion_button"))));
  g_assert_cmpstr (shown_result (f), ==, "vacio");
}

static void
test_new_after_saving_does_not_ask (Fixture *f, gconstpointer data)
{
  type_underground_coal (f, "3");
  gtk_widget_activate_action (f->page, "page.save", NULL);
  gtk_widget_activate_action (f->page, "page.new", NULL);
  ui_flush ();
  g_assert_null (find_dialog ());
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find (f, "expediente_entry"))), ==, "");
}

static void
test_stored_case_is_shown_read_only (Fixture *f, gconstpointer data)
{
  GtkWidget *history;

  type_underground_coal (f, "3");
  gtk_widget_activate_action (f->page, "page.save", NULL);
  gtk_widget_activate_action (f->page, "page.new", NULL);
  em_tariff_page_show_case (f->page, 1);
  ui_flush ();
  g_assert_true (gtk_widget_get_visible (find (f, "case_header")));
  g_assert_false (gtk_widget_is_sensitive (find (f, "form_box")));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find (f, "expediente_entry"))), ==, "HJK-08121");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find (f, "produccion_entry"))), ==, "48.500");
  g_assert_cmpstr (text (f, "tarifa_label"), ==, "$ 1.210.730");
  g_assert_nonnull (strstr (text (f, "case_integrity"), "✔ El historial verifica"));
  g_assert_nonnull (ui_find_label_containing (f->page, "Caso n.º 1 — solo lectura"));
  g_assert_nonnull (ui_find_label_containing (f->page, "Estado: Evaluado"));
  history = find (f, "history_box");
  g_assert_nonnull (ui_find_label_containing (history, "Evaluado y guardado, por Ana Gómez"));
  g_assert_true (gtk_widget_is_visible (find (f, "oficial_mark")));

  /* Typing is impossible, and saving does nothing. */
  gtk_widget_activate_action (f->page, "page.save", NULL);
  g_assert_cmpint (count_cases (f), ==, 1);

  gtk_widget_activate_action (f->page, "page.new", NULL);
  ui_flush ();
  g_assert_null (find_dialog ());
  g_assert_false (gtk_widget_get_visible (find (f, "case_header")));
  g_assert_true (gtk_widget_is_sensitive (find (f, "form_box")));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find (f, "expediente_entry"))), ==, "");
}

/* An unsaved evaluation is not lost when a stored case is opened. */
static void
test_unsaved_work_survives_opening_a_case (Fixture *f, gconstpointer data)
{
  type_underground_coal (f, "3");
  gtk_widget_activate_action (f->page, "page.save", NULL);
  type (f, "expediente_entry", "OG2-101512");
  em_session_open_case (f->ui.session, 1);
  ui_flush ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find (f, "expediente_entry"))), ==, "HJK-08121");
  gtk_widget_activate_action (f->page, "page.resume", NULL);
  ui_flush ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find (f, "expediente_entry"))), ==, "OG2-101512");
  g_assert_true (gtk_widget_is_sensitive (find (f, "form_box")));
  g_assert_cmpstr (text (f, "tarifa_label"), ==, "$ 1.210.730");
}

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  ADD ("/tarifa/pagina/segunda-inspeccion-no-se-cobra", test_second_inspection_not_charged_with_sgr_sentence);
  ADD ("/tarifa/pagina/tercera-inspeccion-se-cobra", test_third_inspection_charged_with_total);
  ADD ("/tarifa/pagina/criterios-de-superficie-y-medida", test_surface_and_measure_criteria_on_screen);
  ADD ("/tarifa/pagina/la-etapa-habilita-sus-campos", test_stage_enables_and_disables_fields);
  ADD ("/tarifa/pagina/campo-deshabilitado-no-se-envia", test_disabled_field_is_not_sent);
  ADD ("/tarifa/pagina/numero-invalido-marca-el-campo", test_invalid_number_marks_field_and_shows_no_result);
  ADD ("/tarifa/pagina/area-fuera-de-tabla", test_area_beyond_the_table_is_marked);
  ADD ("/tarifa/pagina/marca-no-oficial-visible", test_non_official_mark_visible_with_shipped_tarifario);
  ADD ("/tarifa/pagina/otro-tarifario-reevalua", test_other_tarifario_reevaluates);
  ADD ("/tarifa/pagina/guardar-agrega-el-caso", test_saving_stores_the_case);
  ADD ("/tarifa/pagina/sin-evaluador-pide-el-nombre", test_saving_without_evaluator_asks_for_name);
  ADD ("/tarifa/pagina/nuevo-pregunta-antes-de-descartar", test_new_asks_before_discarding);
  ADD ("/tarifa/pagina/nuevo-tras-guardar-no-pregunta", test_new_after_saving_does_not_ask);
  ADD ("/tarifa/pagina/caso-guardado-solo-lectura", test_stored_case_is_shown_read_only);
  ADD ("/tarifa/pagina/lo-no-guardado-no-se-pierde", test_unsaved_work_survives_opening_a_case);
  return g_test_run ();
}
