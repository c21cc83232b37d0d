/* test-tariff-view.c — the tariff page's logic, without widgets
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * em-tariff-form (quantities as typed, which fields each stage uses, the
 * evaluation and where its errors go) and em-tariff-view (what the results
 * panel shows of a result, the tarifario line, the history lines).
 */
#include "config.h"

#include <string.h>

#include "em-case-evaluation.h"
#include "em-tariff-form.h"
#include "em-tariff-view.h"

typedef struct
{
  EmTariffTable    *table;
  EmTariffSchedule *schedule;
  EmTariffForm      form;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->table = em_tariff_table_new_builtin (NULL);
  f->schedule = em_tariff_schedule_new_builtin (EM_TARIFF_SCHEDULE_DEFAULT_ID, NULL);
  g_assert_nonnull (f->table);
  g_assert_nonnull (f->schedule);
  memset (&f->form, 0, sizeof f->form);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  em_tariff_form_clear (&f->form);
  g_clear_object (&f->table);
  g_clear_object (&f->schedule);
}

/* The CONTRACT-like held case: carbón, subterránea, 48.500 t/año (pequeña),
 * authorised, compliance level bajo, inspection @numero. */
static void
fill_underground_coal (EmTariffForm *form, const char *numero)
{
  em_tariff_form_clear (form);
  form->expediente = g_strdup ("HJK-08121");
  form->titular = g_strdup ("Carbones del Norte S.A.S.");
  form->etapa = EM_ETAPA_EXPLOTACION;
  form->grupo = EM_GRUPO_CARBON;
  form->sistema = EM_SISTEMA_SUBTERRANEO;
  form->produccion = g_strdup ("48.500");
  form->autorizado = TRUE;
  form->nivel = EM_NIVEL_BAJO;
  form->numero = g_strdup (numero);
}

static EmTariffView *
evaluate_to_view (Fixture *f)
{
  g_autoptr(EmTariffOutcome) outcome = em_tariff_form_evaluate (&f->form, f->table, f->schedule);

  g_assert_false (em_tariff_outcome_has_errors (outcome));
  g_assert_null (outcome->missing);
  g_assert_nonnull (outcome->result);
  return em_tariff_view_new (json_node_get_object (outcome->result));
}

/* ---- Quantities ---------------------------------------------------- */

static void
assert_quantity (const char *text, EmDecimal expected)
{
  g_autoptr(GError) error = NULL;
  EmDecimal value = -1;

  g_assert_true (em_tariff_parse_quantity (text, &value, &error));
  g_assert_no_error (error);
  g_assert_cmpint (value, ==, expected);
}

static void
assert_bad_quantity (const char *text, const char *part)
{
  g_autoptr(GError) error = NULL;
  EmDecimal value;

  g_assert_false (em_tariff_parse_quantity (text, &value, &error));
  g_assert_nonnull (error);
  if (strstr (error->message, part) == NULL)
    g_error ("«%s»: «%s» does not say «%s»", text, error->message, part);
}

static void
test_quantities_are_read_the_colombian_way (void)
{
  assert_quantity ("60.000", 60000 * EM_DECIMAL_ONE);
  assert_quantity ("1.234,5", 1234 * EM_DECIMAL_ONE + 500000);
  assert_quantity ("1234,5", 1234 * EM_DECIMAL_ONE + 500000);
  assert_quantity (" 150 ", 150 * EM_DECIMAL_ONE);
  assert_quantity ("1.050.000", G_GINT64_CONSTANT (1050000) * EM_DECIMAL_ONE);
  assert_quantity ("0,000001", 1);
}

static void
test_bad_quantities_say_why (void)
{
  assert_bad_quantity ("150.5", "el punto separa los miles");
  assert_bad_quantity ("1.234.5", "el punto separa los miles");
  assert_bad_quantity ("1,234.5", "la coma separa los decimales");
  assert_bad_quantity ("1,2,3", "solo puede haber una coma");
  assert_bad_quantity ("-5", "negativo");
  assert_bad_quantity ("cien", "no es un número");
  assert_bad_quantity ("1,", "no es un número");
  assert_bad_quantity ("1,1234567", "más de 6 decimales");
  assert_bad_quantity ("2.000.000.000.000", "máximo");
}

/* ---- Which fields each stage uses ---------------------------------- */

static void
assert_enabled (const EmTariffForm *form, const gboolean expected[EM_N_TARIFF_FIELDS])
{
  EmTariffFormState state;

  em_tariff_form_get_state (form, &state);
  for (guint i = 0; i < EM_N_TARIFF_FIELDS; i++)
    if (state.enabled[i] != expected[i])
      g_error ("%s: enabled %d, expected %d", em_tariff_field_to_string (i), state.enabled[i], expected[i]);
}

/* Order: etapa area grupo sistema produccion pin autorizado medida levantamiento nivel numero */
static void
test_stage_enables_its_fields (Fixture *f, gconstpointer data)
{
  static const gboolean none[] = { 1, 0, 0, 0, 0, 1, 0, 1, 0, 0, 1 };
  static const gboolean by_area[] = { 1, 1, 0, 0, 0, 1, 1, 1, 0, 0, 1 };
  static const gboolean by_area_authorised[] = { 1, 1, 0, 1, 0, 1, 1, 1, 0, 1, 1 };
  static const gboolean by_production[] = { 1, 0, 1, 1, 1, 1, 1, 1, 0, 1, 1 };
  static const gboolean lifting[] = { 1, 0, 1, 1, 1, 1, 1, 1, 1, 0, 1 };

  assert_enabled (&f->form, none);
  f->form.etapa = EM_ETAPA_EXPLORACION;
  assert_enabled (&f->form, by_area);
  f->form.etapa = EM_ETAPA_CONSTRUCCION_MONTAJE;
  assert_enabled (&f->form, by_area);
  f->form.autorizado = TRUE;
  assert_enabled (&f->form, by_area_authorised);
  f->form.etapa = EM_ETAPA_EXPLOTACION;
  assert_enabled (&f->form, by_production);
  f->form.medida = EM_MEDIDA_SUSPENSION;
  f->form.levantamiento = TRUE;
  assert_enabled (&f->form, lifting);
}

/* Values left in fields the stage does not use are not sent: the engine
 * would reject them. */
static void
test_disabled_fields_are_not_sent (Fixture *f, gconstpointer data)
{
  g_autoptr(EmTariffOutcome) outcome = NULL;
  EmDecimal value;

  fill_underground_coal (&f->form, "1");
  f->form.etapa = EM_ETAPA_EXPLORACION;
  f->form.autorizado = FALSE;
  f->form.area = g_strdup ("1.234,5");
  outcome = em_tariff_form_evaluate (&f->form, f->table, f->schedule);
  g_assert_false (em_tariff_outcome_has_errors (outcome));
  g_assert_nonnull (outcome->result);
  g_assert_cmpint (em_tariff_case_get_grupo_mineral (outcome->input), ==, EM_GRUPO_NONE);
  g_assert_cmpint (em_tariff_case_get_sistema (outcome->input), ==, EM_SISTEMA_NONE);
  g_assert_false (em_tariff_case_get_produccion_anual (outcome->input, NULL));
  g_assert_cmpint (em_tariff_case_get_nivel_cumplimiento (outcome->input), ==, EM_NIVEL_NONE);
  g_assert_true (em_tariff_case_get_area_hectareas (outcome->input, &value));
  g_assert_cmpint (value, ==, 1234 * EM_DECIMAL_ONE + 500000);
}

/* ---- Errors and missing data --------------------------------------- */

static void
test_blank_required_field_is_missing_not_wrong (Fixture *f, gconstpointer data)
{
  g_autoptr(EmTariffOutcome) outcome = NULL;

  fill_underground_coal (&f->form, "1");
  g_clear_pointer (&f->form.produccion, g_free);
  outcome = em_tariff_form_evaluate (&f->form, f->table, f->schedule);
  g_assert_false (em_tariff_outcome_has_errors (outcome));
  g_assert_null (outcome->result);
  g_assert_nonnull (strstr (outcome->missing, "Producción anual"));
}

static void
test_no_stage_asks_for_it (Fixture *f, gconstpointer data)
{
  g_autoptr(EmTariffOutcome) outcome = em_tariff_form_evaluate (&f->form, f->table, f->schedule);

  g_assert_false (em_tariff_outcome_has_errors (outcome));
  g_assert_null (outcome->result);
  g_assert_nonnull (strstr (outcome->missing, "etapa"));
}

static void
test_typing_error_marks_the_field_and_gives_no_result (Fixture *f, gconstpointer data)
{
  g_autoptr(EmTariffOutcome) outcome = NULL;

  f->form.etapa = EM_ETAPA_EXPLORACION;
  f->form.area = g_strdup ("150.5");
  f->form.numero = g_strdup ("0");
  outcome = em_tariff_form_evaluate (&f->form, f->table, f->schedule);
  g_assert_null (outcome->result);
  g_assert_nonnull (strstr (outcome->errors[EM_TARIFF_FIELD_AREA], "el punto separa los miles"));
  g_assert_nonnull (strstr (outcome->errors[EM_TARIFF_FIELD_NUMERO], "de 1 a 1000"));
}

/* An engine error about a filled field goes under that field, as a sentence. */
static void
test_engine_error_goes_under_its_field (Fixture *f, gconstpointer data)
{
  g_autoptr(EmTariffOutcome) outcome = NULL;
  g_autoptr(EmTariffOutcome) not_applicable = NULL;

  f->form.etapa = EM_ETAPA_EXPLORACION;
  f->form.area = g_strdup ("20.000");
  outcome = em_tariff_form_evaluate (&f->form, f->table, f->schedule);
  g_assert_null (outcome->result);
  g_assert_nonnull (strstr (outcome->errors[EM_TARIFF_FIELD_AREA], "20.000 ha supera el límite"));
  g_assert_true (g_str_has_suffix (outcome->errors[EM_TARIFF_FIELD_AREA], "."));

  fill_underground_coal (&f->form, "1");
  f->form.grupo = EM_GRUPO_MATERIALES_CONSTRUCCION;
  not_applicable = em_tariff_form_evaluate (&f->form, f->table, f->schedule);
  g_assert_null (not_applicable->result);
  g_assert_nonnull (strstr (not_applicable->errors[EM_TARIFF_FIELD_SISTEMA], "N/A"));
  g_assert_true (g_str_has_prefix (not_applicable->errors[EM_TARIFF_FIELD_SISTEMA], "La clasificación"));
}

/* ---- The unit of production ---------------------------------------- */

static void
test_production_unit_comes_from_the_table (Fixture *f, gconstpointer data)
{
  g_autofree char *coal = em_tariff_production_unit (f->table, EM_GRUPO_CARBON, EM_SISTEMA_NONE);
  g_autofree char *building = em_tariff_production_unit (f->table, EM_GRUPO_MATERIALES_CONSTRUCCION,
                                                          EM_SISTEMA_NONE);
  g_autofree char *precious = em_tariff_production_unit (f->table, EM_GRUPO_METALES_PRECIOSOS,
                                                          EM_SISTEMA_NONE);
  g_autofree char *precious_surface = em_tariff_production_unit (f->table, EM_GRUPO_METALES_PRECIOSOS,
                                                                  EM_SISTEMA_ARRASTRE);
  g_autofree char *building_underground =
    em_tariff_production_unit (f->table, EM_GRUPO_MATERIALES_CONSTRUCCION, EM_SISTEMA_SUBTERRANEO);

  g_assert_cmpstr (coal, ==, "t/año");
  g_assert_cmpstr (building, ==, "m³/año");
  g_assert_cmpstr (precious, ==, "t/año o m³/año según el sistema");
  g_assert_cmpstr (precious_surface, ==, "m³/año");
  g_assert_null (building_underground);
  g_assert_null (em_tariff_production_unit (f->table, EM_GRUPO_NONE, EM_SISTEMA_NONE));
}

/* ---- What the results panel shows ---------------------------------- */

static void
test_second_inspection_is_covered_by_the_sgr (Fixture *f, gconstpointer data)
{
  g_autoptr(EmTariffView) view = NULL;

  fill_underground_coal (&f->form, "2");
  view = evaluate_to_view (f);
  g_assert_cmpstr (view->clase, ==, "Pequeña minería");
  g_assert_nonnull (strstr (view->clase_reason, "hasta 60.000 t/año"));
  g_assert_cmpstr (view->charge, ==, "✘ NO SE COBRA");
  g_assert_cmpstr (view->charge_class, ==, "sin-cobro");
  g_assert_nonnull (strstr (view->explanation, "las dos primeras inspecciones las cubre el SGR; esta es la segunda"));
  g_assert_cmpstr (view->tarifa, ==, "$ 0");
  g_assert_cmpstr (view->valor_inspeccion, ==, "$ 1.210.730");
  g_assert_nonnull (view->tarifa_note);
}

static void
test_third_inspection_is_charged_with_the_total (Fixture *f, gconstpointer data)
{
  g_autoptr(EmTariffView) view = NULL;

  fill_underground_coal (&f->form, "3");
  view = evaluate_to_view (f);
  g_assert_cmpstr (view->charge, ==, "✔ SE COBRA — criterio 2 de la Tabla 3");
  g_assert_cmpstr (view->charge_class, ==, "cobro");
  g_assert_cmpstr (view->tarifa, ==, "$ 1.210.730");
  g_assert_null (view->tarifa_note);
  g_assert_cmpstr (view->components[0].code, ==, "TPM");
  g_assert_cmpstr (view->components[0].name, ==, "Tamaño, producción y minerales");
  g_assert_cmpstr (view->components[0].formula, ==, "$ 1.000.000 × 0,682 × 1,17 (pequeña minería)");
  g_assert_cmpstr (view->components[0].amount, ==, "$ 797.940,00");
  g_assert_cmpstr (view->components[1].formula, ==, "$ 1.000.000 × 0,044 × 1,15 (NO PIN)");
  g_assert_cmpstr (view->components[2].formula, ==, "$ 1.000.000 × 0,159 × 1,41 (minería subterránea)");
  g_assert_cmpstr (view->components[3].amount, ==, "$ 138.000,00");
  g_assert_cmpuint (view->days->len, ==, 4);
  g_assert_cmpstr (((EmTariffDaysView *) view->days->pdata[0])->row, ==, "NO PIN");
  g_assert_cmpstr (((EmTariffDaysView *) view->days->pdata[0])->days, ==, "1,15 días");
  g_assert_nonnull (strstr (view->observations, "• El tarifario «anexo-tecnico-ilustrativo» no es oficial"));
  g_assert_false (view->official);
}

static void
test_surface_second_inspection_is_charged (Fixture *f, gconstpointer data)
{
  g_autoptr(EmTariffView) view = NULL;

  fill_underground_coal (&f->form, "2");
  f->form.sistema = EM_SISTEMA_CIELO_ABIERTO;
  view = evaluate_to_view (f);
  g_assert_cmpstr (view->charge, ==, "✔ SE COBRA — criterio 3 de la Tabla 3");
}

static void
test_lifting_a_measure_is_charged_in_any_stage (Fixture *f, gconstpointer data)
{
  g_autoptr(EmTariffView) view = NULL;

  f->form.etapa = EM_ETAPA_CONSTRUCCION_MONTAJE;
  f->form.area = g_strdup ("6.000");
  f->form.medida = EM_MEDIDA_CIERRE;
  f->form.levantamiento = TRUE;
  view = evaluate_to_view (f);
  g_assert_cmpstr (view->clase, ==, "Gran minería");
  g_assert_cmpstr (view->charge, ==, "✔ SE COBRA — criterio 1 de la Tabla 3");
  g_assert_nonnull (strstr (view->explanation, "cierre"));
}

static void
test_level_other_than_low_is_not_charged (Fixture *f, gconstpointer data)
{
  g_autoptr(EmTariffView) view = NULL;

  fill_underground_coal (&f->form, "5");
  f->form.nivel = EM_NIVEL_MEDIO;
  view = evaluate_to_view (f);
  g_assert_cmpstr (view->charge, ==, "✘ NO SE COBRA");
  g_assert_nonnull (strstr (view->explanation, "es medio, no bajo"));
}

/* ---- A stored case back in the form -------------------------------- */

static void
test_stored_case_fills_the_form_as_typed (Fixture *f, gconstpointer data)
{
  g_autoptr(EmTariffOutcome) outcome = NULL;
  g_auto(EmTariffForm) back = { 0 };

  fill_underground_coal (&f->form, "3");
  outcome = em_tariff_form_evaluate (&f->form, f->table, f->schedule);
  em_tariff_form_from_case (&back, outcome->input);
  g_assert_cmpstr (back.expediente, ==, "HJK-08121");
  g_assert_cmpstr (back.titular, ==, "Carbones del Norte S.A.S.");
  g_assert_cmpint (back.etapa, ==, EM_ETAPA_EXPLOTACION);
  g_assert_cmpstr (back.produccion, ==, "48.500");
  g_assert_cmpstr (back.area, ==, "");
  g_assert_cmpint (back.grupo, ==, EM_GRUPO_CARBON);
  g_assert_cmpint (back.nivel, ==, EM_NIVEL_BAJO);
  g_assert_true (back.autorizado);
  g_assert_cmpstr (back.numero, ==, "3");
  g_assert_false (em_tariff_form_is_blank (&back));
  em_tariff_form_clear (&back);
  g_assert_true (em_tariff_form_is_blank (&back));
}

/* ---- The tarifario and the history --------------------------------- */

static EmTariffSchedule *
official_schedule (void)
{
  static const char json[] =
    "{\"id\": \"prueba-oficial\", \"nombre\": \"Tarifario de prueba\", \"oficial\": true,"
    " \"vigencia\": {\"desde\": \"2025-01-01\", \"hasta\": \"2025-12-31\"}, \"valor_dia\": \"2000000\","
    " \"rubros\": {\"pin\": {\"TPM\": \"0.727\", \"C\": \"0.048\", \"ER\": \"0.098\", \"D\": \"0.127\"},"
    "            \"no_pin\": {\"TPM\": \"0.682\", \"C\": \"0.044\", \"ER\": \"0.159\", \"D\": \"0.115\"}},"
    " \"factores\": {\"TPM\": {\"por\": \"clasificacion\", \"valores\": {\"*\": \"1\"}},"
    "               \"C\": {\"por\": \"pin\", \"valores\": {\"*\": \"1\"}},"
    "               \"ER\": {\"por\": \"sistema\", \"valores\": {\"*\": \"1\"}},"
    "               \"D\": {\"por\": \"etapa\", \"valores\": {\"*\": \"1\"}}}}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, sizeof json - 1);
  g_autoptr(GError) error = NULL;
  EmTariffSchedule *schedule = em_tariff_schedule_new_from_bytes (bytes, &error);

  g_assert_no_error (error);
  return schedule;
}

static void
test_schedule_mark_only_when_not_official (Fixture *f, gconstpointer data)
{
  g_autoptr(EmTariffSchedule) official = official_schedule ();
  g_autoptr(EmScheduleView) shipped = em_schedule_view_new (f->schedule);
  g_autoptr(EmScheduleView) good = em_schedule_view_new (official);
  g_autoptr(EmScheduleView) stored = em_schedule_view_new_stored ("otro-tarifario", FALSE, official);

  g_assert_cmpstr (shipped->mark, ==, "ILUSTRATIVO — NO OFICIAL");
  g_assert_false (shipped->official);
  g_assert_nonnull (strstr (shipped->text, "vigente desde el 01/01/2024"));
  g_assert_null (good->mark);
  g_assert_nonnull (strstr (good->text, "Tarifario de prueba"));
  g_assert_nonnull (strstr (good->text, "del 01/01/2025 al 31/12/2025"));
  g_assert_cmpstr (stored->mark, ==, "ILUSTRATIVO — NO OFICIAL");
  g_assert_nonnull (strstr (stored->text, "«otro-tarifario» (no es el tarifario en uso)"));
}

static void
test_history_lines_say_when_what_and_who (void)
{
  EmCaseEvent created = { .kind = (char *) "creado", .at = (char *) "2026-11-21T19:05:00Z",
                          .evaluator = (char *) "Ana Gómez", .detail = (char *) "{\"estado\":\"evaluado\"}" };
  EmCaseEvent annulled = { .kind = (char *) "anular", .at = (char *) "2026-11-22T08:30:00Z",
                           .evaluator = (char *) "Luis Pérez", .detail = (char *) "{\"motivo\":\"duplicado\"}" };
  g_autofree char *first = em_tariff_describe_event (&created);
  g_autofree char *second = em_tariff_describe_event (&annulled);

  g_assert_cmpstr (first, ==, "21/11/2026 19:05 — Evaluado y guardado, por Ana Gómez");
  g_assert_cmpstr (second, ==, "22/11/2026 08:30 — Anular, por Luis Pérez. Motivo: duplicado");
}

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/tarifa/vista/cantidades-a-la-colombiana", test_quantities_are_read_the_colombian_way);
  g_test_add_func ("/tarifa/vista/cantidades-malas-dicen-por-que", test_bad_quantities_say_why);
  ADD ("/tarifa/vista/la-etapa-habilita-sus-campos", test_stage_enables_its_fields);
  ADD ("/tarifa/vista/campos-deshabilitados-no-se-envian", test_disabled_fields_are_not_sent);
  ADD ("/tarifa/vista/campo-vacio-falta-no-es-error", test_blank_required_field_is_missing_not_wrong);
  ADD ("/tarifa/vista/sin-etapa-la-pide", test_no_stage_asks_for_it);
  ADD ("/tarifa/vista/error-de-escritura-marca-el-campo", test_typing_error_marks_the_field_and_gives_no_result);
  ADD ("/tarifa/vista/error-del-motor-va-a-su-campo", test_engine_error_goes_under_its_field);
  ADD ("/tarifa/vista/unidad-de-produccion-de-la-tabla", test_production_unit_comes_from_the_table);
  ADD ("/tarifa/vista/segunda-inspeccion-la-cubre-el-sgr", test_second_inspection_is_covered_by_the_sgr);
  ADD ("/tarifa/vista/tercera-inspeccion-se-cobra", test_third_inspection_is_charged_with_the_total);
  ADD ("/tarifa/vista/superficie-segunda-se-cobra", test_surface_second_inspection_is_charged);
  ADD ("/tarifa/vista/levantar-medida-se-cobra", test_lifting_a_measure_is_charged_in_any_stage);
  ADD ("/tarifa/vista/nivel-medio-no-se-cobra", test_level_other_than_low_is_not_charged);
  ADD ("/tarifa/vista/caso-guardado-vuelve-al-formulario", test_stored_case_fills_the_form_as_typed);
  ADD ("/tarifa/vista/marca-solo-si-no-es-oficial", test_schedule_mark_only_when_not_official);
  g_test_add_func ("/tarifa/vista/historial", test_history_lines_say_when_what_and_who);
  return g_test_run ();
}
