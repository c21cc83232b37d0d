/* test-tariff-charge.c — is the inspection charged? (annex Tabla 3)
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * DOMAIN.md §2: criterion 1 (lifting a safety measure, any stage), 2
 * (underground, authorised, level bajo: the SGR covers 2 inspections) and 3
 * (surface, authorised, level bajo: the SGR covers 1), each ordinal on both
 * sides of the SGR's cover; the defaults of CONTRACT.md; the charge fields'
 * input errors.
 */
#include "config.h"

#include "tariff-test-util.h"

#define EXPLOTACION(sistema) \
  "\"etapa\":\"explotacion\",\"grupo_mineral\":\"carbon\",\"sistema\":\"" sistema "\"," \
  "\"produccion_anual\":\"1000\""
#define EXPLORACION "\"etapa\":\"exploracion\",\"area_hectareas\":\"100\""

static EmTariffVerdict *
evaluate_fmt (const char *format, ...) G_GNUC_PRINTF (1, 2);

static EmTariffVerdict *
evaluate_fmt (const char *format, ...)
{
  g_autofree char *json = NULL;
  va_list args;

  va_start (args, format);
  json = g_strdup_vprintf (format, args);
  va_end (args);
  return tt_evaluate (json);
}

/* charged, criterion (0 = null), applicable criterion; and tarifa 0 when
 * not charged, the full value when charged. */
static void
assert_charge (EmTariffVerdict *verdict, gboolean charged, guint criterion, guint applicable)
{
  const EmTariffCharge *charge = em_tariff_verdict_get_charge (verdict);

  g_assert_cmpint (charge->charged, ==, charged);
  g_assert_cmpuint (charge->criterion, ==, criterion);
  g_assert_cmpuint (charge->applicable, ==, applicable);
  g_assert_cmpint (em_tariff_verdict_get_valor_inspeccion (verdict), >, 0);
  g_assert_cmpint (em_tariff_verdict_get_tarifa (verdict), ==,
                   charged ? em_tariff_verdict_get_valor_inspeccion (verdict) : 0);
  g_assert_nonnull (charge->explanation);
}

static const char *
explanation (EmTariffVerdict *verdict)
{
  return em_tariff_verdict_get_charge (verdict)->explanation;
}

/* ---- Criterion 1: lifting a safety measure -------------------------- */

static void
test_criterion1_lifting_suspension_is_charged_in_every_stage (void)
{
  static const char * const stages[] = {
    EXPLORACION, "\"etapa\":\"construccion_montaje\",\"area_hectareas\":\"100\"",
    EXPLOTACION ("subterraneo"),
  };

  for (guint i = 0; i < G_N_ELEMENTS (stages); i++)
    {
      g_autoptr(EmTariffVerdict) v = evaluate_fmt ("{%s,\"medida_seguridad\":\"suspension\","
                                                   "\"levantamiento_medida\":true}", stages[i]);
      assert_charge (v, TRUE, 1, 1);
      tt_assert_contains (explanation (v), "medida de seguridad (suspensión)");
    }
}

static void
test_criterion1_lifting_cierre_is_charged (void)
{
  g_autoptr(EmTariffVerdict) v = evaluate_fmt ("{" EXPLORACION ",\"medida_seguridad\":\"cierre\","
                                               "\"levantamiento_medida\":true}");

  assert_charge (v, TRUE, 1, 1);
  tt_assert_contains (explanation (v), "(cierre) y esta inspección verifica su levantamiento");
}

/* "se cobran todas las que sean necesarias hasta el levantamiento". */
static void
test_criterion1_every_lifting_inspection_is_charged (void)
{
  for (guint n = 1; n <= 4; n++)
    {
      g_autoptr(EmTariffVerdict) v = evaluate_fmt ("{" EXPLOTACION ("cielo_abierto") ","
                                                   "\"medida_seguridad\":\"suspension\","
                                                   "\"levantamiento_medida\":true,\"numero_inspeccion\":%u}", n);
      assert_charge (v, TRUE, 1, 1);
    }
}

static void
test_criterion1_needs_the_inspection_to_verify_the_lifting (void)
{
  g_autoptr(EmTariffVerdict) v = evaluate_fmt ("{" EXPLORACION ",\"medida_seguridad\":\"cierre\"}");

  assert_charge (v, FALSE, 0, 0);
  g_assert_cmpstr (explanation (v), ==,
                   "No es objeto de cobro: esta inspección no verifica el levantamiento de la medida "
                   "de seguridad (criterio 1) y el título no está autorizado para explotar (criterios 2 y 3).");
}

static void
test_measure_not_lifted_falls_to_criteria_2_and_3 (void)
{
  g_autoptr(EmTariffVerdict) v = evaluate_fmt ("{" EXPLOTACION ("subterraneo") ",\"medida_seguridad\":\"suspension\","
                                               "\"levantamiento_medida\":false,\"nivel_cumplimiento\":\"bajo\","
                                               "\"numero_inspeccion\":3}");

  assert_charge (v, TRUE, 2, 2);
  g_assert_true (tt_observed (v, "no verifica su levantamiento: el criterio 1 no aplica"));
}

/* ---- Criterion 2: underground, the SGR covers 2 ---------------------- */

static EmTariffVerdict *
underground_bajo (guint number)
{
  return evaluate_fmt ("{" EXPLOTACION ("subterraneo") ",\"nivel_cumplimiento\":\"bajo\","
                       "\"numero_inspeccion\":%u}", number);
}

static void
test_criterion2_first_inspection_covered_by_sgr (void)
{
  g_autoptr(EmTariffVerdict) v = underground_bajo (1);

  assert_charge (v, FALSE, 0, 2);
  tt_assert_contains (explanation (v), "las dos primeras inspecciones las cubre el SGR; esta es la primera.");
}

static void
test_criterion2_second_inspection_covered_by_sgr (void)
{
  g_autoptr(EmTariffVerdict) v = underground_bajo (2);

  assert_charge (v, FALSE, 0, 2);
  g_assert_cmpstr (explanation (v), ==,
                   "Título de minería subterránea autorizado para explotar con nivel de cumplimiento "
                   "bajo (criterio 2): las dos primeras inspecciones las cubre el SGR; esta es la segunda.");
}

static void
test_criterion2_third_inspection_charged (void)
{
  g_autoptr(EmTariffVerdict) v = underground_bajo (3);

  assert_charge (v, TRUE, 2, 2);
  tt_assert_contains (explanation (v), "el SGR cubre las dos primeras inspecciones y esta es la tercera, así que se cobra.");
}

static void
test_criterion2_later_inspections_charged (void)
{
  g_autoptr(EmTariffVerdict) v4 = underground_bajo (4);
  g_autoptr(EmTariffVerdict) v11 = underground_bajo (11);

  assert_charge (v4, TRUE, 2, 2);
  tt_assert_contains (explanation (v4), "esta es la cuarta");
  assert_charge (v11, TRUE, 2, 2);
  tt_assert_contains (explanation (v11), "esta es la 11.ª");
}

/* ---- Criterion 3: surface, the SGR covers 1 -------------------------- */

static EmTariffVerdict *
surface_bajo (const char *sistema, guint number)
{
  return evaluate_fmt ("{\"etapa\":\"explotacion\",\"grupo_mineral\":\"carbon\",\"sistema\":\"%s\","
                       "\"produccion_anual\":\"1000\",\"nivel_cumplimiento\":\"bajo\","
                       "\"numero_inspeccion\":%u}", sistema, number);
}

static void
test_criterion3_cielo_abierto_first_covered_second_charged (void)
{
  g_autoptr(EmTariffVerdict) first = surface_bajo ("cielo_abierto", 1);
  g_autoptr(EmTariffVerdict) second = surface_bajo ("cielo_abierto", 2);

  assert_charge (first, FALSE, 0, 3);
  tt_assert_contains (explanation (first), "la primera inspección la cubre el SGR; esta es la primera.");
  assert_charge (second, TRUE, 3, 3);
  tt_assert_contains (explanation (second), "(a cielo abierto)");
  tt_assert_contains (explanation (second), "esta es la segunda, así que se cobra.");
}

static void
test_criterion3_arrastre_is_surface (void)
{
  g_autoptr(EmTariffVerdict) first = surface_bajo ("arrastre", 1);
  g_autoptr(EmTariffVerdict) second = surface_bajo ("arrastre", 2);

  assert_charge (first, FALSE, 0, 3);
  assert_charge (second, TRUE, 3, 3);
  tt_assert_contains (explanation (second), "superficie (por arrastre)");
}

/* ---- Outside the criteria -------------------------------------------- */

static void
test_level_medio_or_alto_never_charged (void)
{
  g_autoptr(EmTariffVerdict) medio = evaluate_fmt ("{" EXPLOTACION ("subterraneo") ","
                                                   "\"nivel_cumplimiento\":\"medio\",\"numero_inspeccion\":5}");
  g_autoptr(EmTariffVerdict) alto = evaluate_fmt ("{" EXPLOTACION ("cielo_abierto") ","
                                                  "\"nivel_cumplimiento\":\"alto\",\"numero_inspeccion\":5}");

  assert_charge (medio, FALSE, 0, 0);
  g_assert_cmpstr (explanation (medio), ==,
                   "No es objeto de cobro: el título no tiene medida de seguridad (criterio 1) y el nivel "
                   "de cumplimiento del título es medio, no bajo (criterios 2 y 3).");
  assert_charge (alto, FALSE, 0, 0);
}

static void
test_not_authorised_to_exploit_never_charged (void)
{
  g_autoptr(EmTariffVerdict) v = evaluate_fmt ("{" EXPLOTACION ("subterraneo") ",\"autorizado_explotar\":false,"
                                               "\"nivel_cumplimiento\":\"bajo\",\"numero_inspeccion\":5}");

  assert_charge (v, FALSE, 0, 0);
  tt_assert_contains (explanation (v), "el título no está autorizado para explotar (criterios 2 y 3)");
}

/* Criteria 2 and 3 ask for an authorisation to exploit, not for the stage. */
static void
test_exploration_authorised_to_exploit_follows_criteria_2_and_3 (void)
{
  g_autoptr(EmTariffVerdict) v = evaluate_fmt ("{" EXPLORACION ",\"autorizado_explotar\":true,"
                                               "\"sistema\":\"subterraneo\",\"nivel_cumplimiento\":\"bajo\","
                                               "\"numero_inspeccion\":3}");

  assert_charge (v, TRUE, 2, 2);
}

/* ---- Defaults of CONTRACT.md ----------------------------------------- */

static void
test_explotacion_authorised_by_default (void)
{
  g_autoptr(EmTariffVerdict) v = evaluate_fmt ("{" EXPLOTACION ("subterraneo") ",\"nivel_cumplimiento\":\"bajo\","
                                               "\"numero_inspeccion\":3}");

  assert_charge (v, TRUE, 2, 2);
}

static void
test_exploration_not_authorised_by_default (void)
{
  g_autoptr(EmTariffVerdict) v = evaluate_fmt ("{" EXPLORACION ",\"numero_inspeccion\":9}");

  assert_charge (v, FALSE, 0, 0);
  tt_assert_contains (explanation (v), "no tiene medida de seguridad");
}

static void
test_numero_inspeccion_defaults_to_first (void)
{
  g_autoptr(EmTariffVerdict) v = evaluate_fmt ("{" EXPLOTACION ("cielo_abierto") ",\"nivel_cumplimiento\":\"bajo\"}");

  assert_charge (v, FALSE, 0, 3);
  tt_assert_contains (explanation (v), "esta es la primera");
}

static void
test_medida_defaults_to_ninguna_and_pin_to_false (void)
{
  g_autoptr(EmTariffVerdict) v = evaluate_fmt ("{" EXPLORACION "}");

  g_assert_false (em_tariff_verdict_get_title_keys (v)->pin);
  tt_assert_contains (explanation (v), "el título no tiene medida de seguridad");
}

/* ---- Input errors of the charge fields -------------------------------- */

static void
test_lifting_without_measure_is_an_error (void)
{
  tt_assert_rejected ("{" EXPLORACION ",\"levantamiento_medida\":true}", "levantamiento_medida",
                      "no hay medida que levantar");
  tt_assert_rejected ("{" EXPLORACION ",\"medida_seguridad\":\"ninguna\",\"levantamiento_medida\":true}",
                      "levantamiento_medida", "«medida_seguridad» es «ninguna»");
}

static void
test_level_required_when_it_decides (void)
{
  tt_assert_rejected ("{" EXPLOTACION ("subterraneo") "}", "nivel_cumplimiento",
                      "hace falta para decidir el cobro");
  tt_assert_rejected ("{" EXPLORACION ",\"autorizado_explotar\":true}", "nivel_cumplimiento",
                      "hace falta para decidir el cobro");
}

static void
test_level_not_required_when_criterion1_decides (void)
{
  g_autoptr(EmTariffVerdict) v = evaluate_fmt ("{" EXPLOTACION ("subterraneo") ",\"medida_seguridad\":\"cierre\","
                                               "\"levantamiento_medida\":true}");

  assert_charge (v, TRUE, 1, 1);
}

static void
test_system_required_outside_explotacion_when_it_decides (void)
{
  tt_assert_rejected ("{" EXPLORACION ",\"autorizado_explotar\":true,\"nivel_cumplimiento\":\"bajo\"}",
                      "sistema", "subterránea (criterio 2) pero 1 de la de superficie (criterio 3)");
}

static void
test_numero_inspeccion_must_be_an_integer_from_1 (void)
{
  tt_assert_rejected ("{" EXPLORACION ",\"numero_inspeccion\":0}", "numero_inspeccion", "entre 1 y 1000");
  tt_assert_rejected ("{" EXPLORACION ",\"numero_inspeccion\":-1}", "numero_inspeccion", "entre 1 y 1000");
  tt_assert_rejected ("{" EXPLORACION ",\"numero_inspeccion\":1.5}", "numero_inspeccion", "entero");
  tt_assert_rejected ("{" EXPLORACION ",\"numero_inspeccion\":2.0}", "numero_inspeccion", "entero");
  tt_assert_rejected ("{" EXPLORACION ",\"numero_inspeccion\":1e1}", "numero_inspeccion", "entero");
  tt_assert_rejected ("{" EXPLORACION ",\"numero_inspeccion\":1001}", "numero_inspeccion", "entre 1 y 1000");
  tt_assert_rejected ("{" EXPLORACION ",\"numero_inspeccion\":\"2\"}", "numero_inspeccion",
                      "debe ser un número entero (1, 2, 3…), no un texto");
}

static void
test_choice_and_boolean_fields_checked (void)
{
  tt_assert_rejected ("{" EXPLORACION ",\"medida_seguridad\":\"multa\"}", "medida_seguridad",
                      "use «ninguna», «suspension» o «cierre»");
  tt_assert_rejected ("{" EXPLORACION ",\"nivel_cumplimiento\":\"Bajo\"}", "nivel_cumplimiento",
                      "use «bajo», «medio» o «alto»");
  tt_assert_rejected ("{" EXPLORACION ",\"pin\":\"si\"}", "pin", "debe ser true o false, no un texto");
  tt_assert_rejected ("{" EXPLORACION ",\"levantamiento_medida\":1}", "levantamiento_medida",
                      "debe ser true o false");
  tt_assert_rejected ("{" EXPLORACION ",\"autorizado_explotar\":\"true\"}", "autorizado_explotar",
                      "debe ser true o false");
  tt_assert_rejected ("{" EXPLORACION ",\"expediente\":123}", "expediente", "debe ser un texto");
}

static void
test_unknown_field_is_an_error (void)
{
  tt_assert_rejected ("{" EXPLORACION ",\"numero_inspecion\":2}", "numero_inspecion", "campo desconocido");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tarifa/cobro/criterio-1/lifting-suspension-charged-in-every-stage", test_criterion1_lifting_suspension_is_charged_in_every_stage);
  g_test_add_func ("/tarifa/cobro/criterio-1/lifting-cierre-charged", test_criterion1_lifting_cierre_is_charged);
  g_test_add_func ("/tarifa/cobro/criterio-1/every-lifting-inspection-charged", test_criterion1_every_lifting_inspection_is_charged);
  g_test_add_func ("/tarifa/cobro/criterio-1/needs-inspection-verifying-the-lifting", test_criterion1_needs_the_inspection_to_verify_the_lifting);
  g_test_add_func ("/tarifa/cobro/criterio-1/measure-not-lifted-falls-to-criteria-2-3", test_measure_not_lifted_falls_to_criteria_2_and_3);
  g_test_add_func ("/tarifa/cobro/criterio-2/first-covered-by-sgr", test_criterion2_first_inspection_covered_by_sgr);
  g_test_add_func ("/tarifa/cobro/criterio-2/second-covered-by-sgr", test_criterion2_second_inspection_covered_by_sgr);
  g_test_add_func ("/tarifa/cobro/criterio-2/third-charged", test_criterion2_third_inspection_charged);
  g_test_add_func ("/tarifa/cobro/criterio-2/later-charged", test_criterion2_later_inspections_charged);
  g_test_add_func ("/tarifa/cobro/criterio-3/cielo-abierto-first-covered-second-charged", test_criterion3_cielo_abierto_first_covered_second_charged);
  g_test_add_func ("/tarifa/cobro/criterio-3/arrastre-is-surface", test_criterion3_arrastre_is_surface);
  g_test_add_func ("/tarifa/cobro/ninguno/level-medio-alto-never-charged", test_level_medio_or_alto_never_charged);
  g_test_add_func ("/tarifa/cobro/ninguno/not-authorised-never-charged", test_not_authorised_to_exploit_never_charged);
  g_test_add_func ("/tarifa/cobro/exploration-authorised-follows-criteria-2-3", test_exploration_authorised_to_exploit_follows_criteria_2_and_3);
  g_test_add_func ("/tarifa/cobro/defecto/explotacion-authorised", test_explotacion_authorised_by_default);
  g_test_add_func ("/tarifa/cobro/defecto/exploration-not-authorised", test_exploration_not_authorised_by_default);
  g_test_add_func ("/tarifa/cobro/defecto/numero-inspeccion-first", test_numero_inspeccion_defaults_to_first);
  g_test_add_func ("/tarifa/cobro/defecto/medida-ninguna-pin-false", test_medida_defaults_to_ninguna_and_pin_to_false);
  g_test_add_func ("/tarifa/entrada/lifting-without-measure", test_lifting_without_measure_is_an_error);
  g_test_add_func ("/tarifa/entrada/level-required-when-it-decides", test_level_required_when_it_decides);
  g_test_add_func ("/tarifa/entrada/level-not-required-when-criterion-1-decides", test_level_not_required_when_criterion1_decides);
  g_test_add_func ("/tarifa/entrada/system-required-outside-explotacion-when-it-decides", test_system_required_outside_explotacion_when_it_decides);
  g_test_add_func ("/tarifa/entrada/numero-inspeccion-integer-from-1", test_numero_inspeccion_must_be_an_integer_from_1);
  g_test_add_func ("/tarifa/entrada/choice-and-boolean-fields", test_choice_and_boolean_fields_checked);
  g_test_add_func ("/tarifa/entrada/unknown-field", test_unknown_field_is_an_error);

  return g_test_run ();
}
