/* test-capacity.c — the capacity rules of DOMAIN.md §1 (Res. ANM 208/2017)
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each test is named after the rule it guards.  Boundaries are tested at the
 * threshold and one centavo either side; every input goes through the same
 * JSON reader the CLI uses.
 */
#include "config.h"

#include <string.h>

#include "em-capacity-engine.h"
#include "em-capacity-json.h"
#include "em-input-error.h"

static EmRuleSet *
rules_208 (void)
{
  g_autoptr(GError) error = NULL;
  EmRuleSet *rules = em_rule_set_new_builtin (EM_RULE_SET_DEFAULT_ID, &error);

  g_assert_no_error (error);
  return rules;
}

static EmRuleSet *
rules_test (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_getenv ("EM_TEST_DATA"), "reglas-prueba.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  EmRuleSet *rules = em_rule_set_new_from_file (file, &error);

  g_assert_no_error (error);
  return rules;
}

static EmCapacityVerdict *
evaluate_with (EmRuleSet *rules, const char *json, GError **error)
{
  g_autoptr(EmFlatObject) object = em_flat_object_parse (json, -1, error);
  g_autoptr(EmCapacityCase) input = NULL;

  if (object == NULL)
    return NULL;
  input = em_capacity_case_new_from_json (object, NULL, error);
  if (input == NULL)
    return NULL;
  return em_capacity_evaluate (input, rules, error);
}

static EmCapacityVerdict *
evaluate (const char *json)
{
  g_autoptr(EmRuleSet) rules = rules_208 ();
  g_autoptr(GError) error = NULL;
  EmCapacityVerdict *verdict = evaluate_with (rules, json, &error);

  g_assert_no_error (error);
  g_assert_nonnull (verdict);
  return verdict;
}

static void
assert_rejected (const char *json, const char *field, const char *message_part)
{
  g_autoptr(EmRuleSet) rules = rules_208 ();
  g_autoptr(GError) error = NULL;
  g_autoptr(EmCapacityVerdict) verdict = evaluate_with (rules, json, &error);

  g_assert_null (verdict);
  g_assert_error (error, EM_INPUT_ERROR, error->code);
  g_assert_cmpstr (em_input_error_get_field (error), ==, field);
  if (strstr (error->message, message_part) == NULL)
    g_error ("«%s» does not contain «%s»", error->message, message_part);
}

static const EmIndicatorResult *
indicator (EmCapacityVerdict *verdict, EmIndicatorId id)
{
  for (guint i = 0; i < em_capacity_verdict_get_n_indicators (verdict); i++)
    if (em_capacity_verdict_get_indicator (verdict, i)->id == id)
      return em_capacity_verdict_get_indicator (verdict, i);
  g_error ("indicator %s not in verdict", em_indicator_id_to_string (id));
  return NULL;
}

static gboolean
has_indicator (EmCapacityVerdict *verdict, EmIndicatorId id)
{
  for (guint i = 0; i < em_capacity_verdict_get_n_indicators (verdict); i++)
    if (em_capacity_verdict_get_indicator (verdict, i)->id == id)
      return TRUE;
  return FALSE;
}

static gboolean
observed (EmCapacityVerdict *verdict, const char *part)
{
  const char * const *observations = em_capacity_verdict_get_observations (verdict);

  for (guint i = 0; observations[i] != NULL; i++)
    if (strstr (observations[i], part) != NULL)
      return TRUE;
  return FALSE;
}

static void
assert_missing (EmCapacityVerdict *verdict, const char * const *expected)
{
  const char * const *missing = em_capacity_verdict_get_missing (verdict);
  g_autofree char *got = g_strjoinv (",", (char **) missing);
  g_autofree char *want = g_strjoinv (",", (char **) expected);

  g_assert_cmpstr (got, ==, want);
}

static void
assert_result (const char *json, EmCapacityResult expected)
{
  g_autoptr(EmCapacityVerdict) verdict = evaluate (json);

  g_assert_cmpstr (em_capacity_result_to_string (em_capacity_verdict_get_result (verdict)), ==,
                   em_capacity_result_to_string (expected));
}

/* ---- Régimen simplificado: cobertura de inversión ≥ 1 --------------- */

/* KTNO = 1.157.000,00 from the accounts; Ingresos × 1,157 = KTNO exactly. */
#define SIMPLE_ACCOUNTS \
  "\"cuentas_por_cobrar\":\"1157000\",\"inventario\":\"0\",\"cuentas_por_pagar\":\"0\""

static void
test_cobertura_exactly_at_threshold_cumple (void)
{
  g_autoptr(EmCapacityVerdict) verdict = evaluate (
      "{\"regimen\":\"simplificado\",\"ingresos_ultimo_ano\":\"1000000\"," SIMPLE_ACCOUNTS "}");
  const EmIndicatorResult *r = indicator (verdict, EM_INDICATOR_COBERTURA_INVERSION);

  g_assert_cmpint (em_capacity_verdict_get_result (verdict), ==, EM_RESULT_CUMPLE);
  g_assert_true (r->passes);
  g_assert_cmpint (em_ratio_compare_decimal (r->ratio, EM_DECIMAL_ONE), ==, 0);
  g_assert_cmpstr (r->basis, ==, "Res. ANM 208/2017, art. 5 num. 1");
}

static void
test_cobertura_one_centavo_less_income_no_cumple (void)
{
  g_autoptr(EmCapacityVerdict) verdict = evaluate (
      "{\"regimen\":\"simplificado\",\"ingresos_ultimo_ano\":\"999999.99\"," SIMPLE_ACCOUNTS "}");

  g_assert_cmpint (em_capacity_verdict_get_result (verdict), ==, EM_RESULT_NO_CUMPLE);
  g_assert_false (indicator (verdict, EM_INDICATOR_COBERTURA_INVERSION)->passes);
}

static void
test_cobertura_ktno_one_centavo_either_side (void)
{
  assert_result ("{\"regimen\":\"simplificado\",\"ingresos_ultimo_ano\":\"1000000\","
                 "\"cuentas_por_cobrar\":\"1156999.99\",\"inventario\":\"0\",\"cuentas_por_pagar\":\"0\"}",
                 EM_RESULT_CUMPLE);
  assert_result ("{\"regimen\":\"simplificado\",\"ingresos_ultimo_ano\":\"1000000\","
                 "\"cuentas_por_cobrar\":\"1157000.01\",\"inventario\":\"0\",\"cuentas_por_pagar\":\"0\"}",
                 EM_RESULT_NO_CUMPLE);
}

/* The resolution says Ingresos × (1 + CE); the memoria's Ingresos × CE
 * would give 157.000 / 1.157.000 and fail. */
static void
test_cobertura_uses_one_plus_ce (void)
{
  g_autoptr(EmCapacityVerdict) verdict = evaluate (
      "{\"regimen\":\"simplificado\",\"ingresos_ultimo_ano\":\"1000000\"," SIMPLE_ACCOUNTS "}");

  g_assert_true (indicator (verdict, EM_INDICATOR_COBERTURA_INVERSION)->passes);
}

static void
test_saldo_promedio_counts_and_is_optional (void)
{
  /* Ingresos 0: the saldo alone must cover KTNO. */
  assert_result ("{\"regimen\":\"simplificado\",\"ingresos_ultimo_ano\":\"0\","
                 "\"saldo_promedio\":\"1157000\"," SIMPLE_ACCOUNTS "}", EM_RESULT_CUMPLE);
  assert_result ("{\"regimen\":\"simplificado\",\"ingresos_ultimo_ano\":\"0\","
                 "\"saldo_promedio\":\"1156999.99\"," SIMPLE_ACCOUNTS "}", EM_RESULT_NO_CUMPLE);
  /* Absent saldo is 0, not missing information. */
  assert_result ("{\"regimen\":\"simplificado\",\"ingresos_ultimo_ano\":\"1000000\"," SIMPLE_ACCOUNTS "}",
                 EM_RESULT_CUMPLE);
}

static void
test_ktno_is_receivables_plus_inventory_minus_payables (void)
{
  g_autoptr(EmCapacityVerdict) verdict = evaluate (
      "{\"regimen\":\"simplificado\",\"ingresos_ultimo_ano\":\"1000000\","
      "\"cuentas_por_cobrar\":\"600000\",\"inventario\":\"757000.50\",\"cuentas_por_pagar\":\"200000.50\"}");
  EmRatio ktno;

  g_assert_true (em_capacity_verdict_get_ktno (verdict, &ktno));
  g_assert_true (ktno.num == 115700000 && ktno.den == 1);
  g_assert_cmpint (em_capacity_verdict_get_result (verdict), ==, EM_RESULT_CUMPLE);
}

/* Reading: KTNO = monto × (22 + 25 − 16) / 360 (not the memoria's
 * upside-down días / monto × 360).  3.600.000 → 310.000. */
static void
test_ktno_estimated_from_commercialization_amount (void)
{
  g_autoptr(EmCapacityVerdict) verdict = evaluate (
      "{\"regimen\":\"simplificado\",\"ingresos_ultimo_ano\":\"0\",\"saldo_promedio\":\"310000\","
      "\"monto_comercializacion_esperado\":\"3600000\"}");
  g_autoptr(JsonNode) json = em_capacity_verdict_to_json (verdict);
  JsonObject *object = json_node_get_object (json);

  g_assert_cmpint (em_capacity_verdict_get_result (verdict), ==, EM_RESULT_CUMPLE);
  g_assert_cmpstr (json_object_get_string_member (object, "ktno"), ==, "310000.00");
  g_assert_true (observed (verdict, "KTNO estimado"));
  assert_result ("{\"regimen\":\"simplificado\",\"ingresos_ultimo_ano\":\"0\",\"saldo_promedio\":\"309999.99\","
                 "\"monto_comercializacion_esperado\":\"3600000\"}", EM_RESULT_NO_CUMPLE);
}

/* An estimate that is not a whole number of centavos is compared exactly:
 * 1.000.000 × 31 / 360 = 86.111,111…; saldo 86.111,11 is just short. */
static void
test_estimated_ktno_compared_as_exact_fraction (void)
{
  assert_result ("{\"regimen\":\"simplificado\",\"ingresos_ultimo_ano\":\"0\",\"saldo_promedio\":\"86111.11\","
                 "\"monto_comercializacion_esperado\":\"1000000\"}", EM_RESULT_NO_CUMPLE);
  assert_result ("{\"regimen\":\"simplificado\",\"ingresos_ultimo_ano\":\"0\",\"saldo_promedio\":\"86111.12\","
                 "\"monto_comercializacion_esperado\":\"1000000\"}", EM_RESULT_CUMPLE);
}

static void
test_ktno_zero_or_negative_is_incomplete_asking_for_amount (void)
{
  static const char * const expected[] = { "monto_comercializacion_esperado", NULL };
  const char *cases[] = {
    "{\"regimen\":\"simplificado\",\"ingresos_ultimo_ano\":\"5\",\"cuentas_por_cobrar\":\"100\","
    "\"inventario\":\"0\",\"cuentas_por_pagar\":\"100\"}",
    "{\"regimen\":\"simplificado\",\"ingresos_ultimo_ano\":\"5\",\"cuentas_por_cobrar\":\"100\","
    "\"inventario\":\"0\",\"cuentas_por_pagar\":\"100.01\"}",
    "{\"regimen\":\"simplificado\",\"ingresos_ultimo_ano\":\"5\",\"monto_comercializacion_esperado\":\"0\"}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(EmCapacityVerdict) verdict = evaluate (cases[i]);
      g_assert_cmpint (em_capacity_verdict_get_result (verdict), ==, EM_RESULT_INFORMACION_INCOMPLETA);
      assert_missing (verdict, expected);
      g_assert_cmpuint (em_capacity_verdict_get_n_indicators (verdict), ==, 0);
    }
}

static void
test_nonpositive_account_ktno_falls_back_to_amount (void)
{
  g_autoptr(EmCapacityVerdict) verdict = evaluate (
      "{\"regimen\":\"simplificado\",\"ingresos_ultimo_ano\":\"0\",\"saldo_promedio\":\"310000\","
      "\"cuentas_por_cobrar\":\"0\",\"inventario\":\"0\",\"cuentas_por_pagar\":\"5\","
      "\"monto_comercializacion_esperado\":\"3600000\"}");

  g_assert_cmpint (em_capacity_verdict_get_result (verdict), ==, EM_RESULT_CUMPLE);
}

static void
test_partial_accounts_use_amount_when_given (void)
{
  g_autoptr(EmCapacityVerdict) verdict = evaluate (
      "{\"regimen\":\"simplificado\",\"ingresos_ultimo_ano\":\"0\",\"saldo_promedio\":\"310000\","
      "\"cuentas_por_cobrar\":\"99999999\",\"monto_comercializacion_esperado\":\"3600000\"}");

  g_assert_cmpint (em_capacity_verdict_get_result (verdict), ==, EM_RESULT_CUMPLE);
  g_assert_true (observed (verdict, "No se dieron las tres cuentas"));
}

static void
test_simplificado_missing_fields_listed_exactly (void)
{
  static const char * const all[] = {
    "ingresos_ultimo_ano", "cuentas_por_cobrar", "inventario", "cuentas_por_pagar",
    "monto_comercializacion_esperado", NULL
  };
  static const char * const income_only[] = { "ingresos_ultimo_ano", NULL };
  static const char * const two_accounts[] = {
    "inventario", "cuentas_por_pagar", "monto_comercializacion_esperado", NULL
  };
  g_autoptr(EmCapacityVerdict) empty = evaluate ("{\"regimen\":\"simplificado\"}");
  g_autoptr(EmCapacityVerdict) no_income = evaluate ("{\"regimen\":\"simplificado\"," SIMPLE_ACCOUNTS "}");
  g_autoptr(EmCapacityVerdict) partial = evaluate (
      "{\"regimen\":\"simplificado\",\"ingresos_ultimo_ano\":\"1\",\"cuentas_por_cobrar\":\"5\"}");

  assert_missing (empty, all);
  assert_missing (no_income, income_only);
  assert_missing (partial, two_accounts);
  g_assert_cmpint (em_capacity_verdict_get_result (partial), ==, EM_RESULT_INFORMACION_INCOMPLETA);
  g_assert_true (observed (partial, "art. 2 parágrafo 1"));
}

static void
test_cobertura_failure_is_not_subsanable (void)
{
  g_autoptr(EmCapacityVerdict) verdict = evaluate (
      "{\"regimen\":\"simplificado\",\"ingresos_ultimo_ano\":\"1\"," SIMPLE_ACCOUNTS "}");

  g_assert_cmpint (em_capacity_verdict_get_result (verdict), ==, EM_RESULT_NO_CUMPLE);
  g_assert_true (observed (verdict, "no es subsanable"));
  g_assert_true (observed (verdict, "art. 5 parágrafo 2"));
}

/* ---- Régimen común ------------------------------------------------- */

static char *
common (const char *ac, const char *pc, const char *at, const char *pt, const char *io, gboolean aval)
{
  return g_strdup_printf ("{\"regimen\":\"comun\",\"activo_corriente\":\"%s\",\"pasivo_corriente\":\"%s\","
                          "\"activo_total\":\"%s\",\"pasivo_total\":\"%s\","
                          "\"ingresos_operacionales\":\"%s\",\"aval_financiero\":%s}",
                          ac, pc, at, pt, io, aval ? "true" : "false");
}

static EmCapacityVerdict *
evaluate_common (const char *ac, const char *pc, const char *at, const char *pt, const char *io, gboolean aval)
{
  g_autofree char *json = common (ac, pc, at, pt, io, aval);

  return evaluate (json);
}

static gboolean
common_passes (EmIndicatorId id, const char *ac, const char *pc, const char *at, const char *pt, const char *io)
{
  g_autoptr(EmCapacityVerdict) verdict = evaluate_common (ac, pc, at, pt, io, FALSE);

  return indicator (verdict, id)->passes;
}

static void
test_liquidez_boundary_1_24 (void)
{
  g_assert_true (common_passes (EM_INDICATOR_LIQUIDEZ, "124", "100", "1000", "100", "100"));
  g_assert_false (common_passes (EM_INDICATOR_LIQUIDEZ, "123.99", "100", "1000", "100", "100"));
  g_assert_true (common_passes (EM_INDICATOR_LIQUIDEZ, "124.01", "100", "1000", "100", "100"));
  g_assert_false (common_passes (EM_INDICATOR_LIQUIDEZ, "124", "100.01", "1000", "100.01", "100"));
}

static void
test_capital_trabajo_boundary_0_04 (void)
{
  g_assert_true (common_passes (EM_INDICATOR_CAPITAL_TRABAJO, "200", "100", "1000", "100", "2500"));
  g_assert_false (common_passes (EM_INDICATOR_CAPITAL_TRABAJO, "200", "100", "1000", "100", "2500.01"));
  g_assert_true (common_passes (EM_INDICATOR_CAPITAL_TRABAJO, "200", "100", "1000", "100", "2499.99"));
  g_assert_false (common_passes (EM_INDICATOR_CAPITAL_TRABAJO, "199.99", "100", "1000", "100", "2500"));
}

static void
test_endeudamiento_boundary_0_61 (void)
{
  g_assert_true (common_passes (EM_INDICATOR_ENDEUDAMIENTO, "500", "100", "1000", "610", "100"));
  g_assert_false (common_passes (EM_INDICATOR_ENDEUDAMIENTO, "500", "100", "1000", "610.01", "100"));
  g_assert_true (common_passes (EM_INDICATOR_ENDEUDAMIENTO, "500", "100", "1000", "609.99", "100"));
  g_assert_false (common_passes (EM_INDICATOR_ENDEUDAMIENTO, "500", "100", "999.99", "610", "100"));
}

static void
test_all_three_at_threshold_cumple (void)
{
  /* 124/100 = 1,24; 24/600 = 0,04; 610/1000 = 0,61. */
  g_autoptr(EmCapacityVerdict) verdict = evaluate_common ("124", "100", "1000", "610", "600", FALSE);
  g_autoptr(JsonNode) json = em_capacity_verdict_to_json (verdict);
  JsonArray *indicators = json_object_get_array_member (json_node_get_object (json), "indicadores");
  JsonObject *liquidez = json_array_get_object_element (indicators, 0);

  g_assert_cmpint (em_capacity_verdict_get_result (verdict), ==, EM_RESULT_CUMPLE);
  g_assert_cmpuint (em_capacity_verdict_get_n_indicators (verdict), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (liquidez, "valor"), ==, "1.2400");
  g_assert_cmpstr (json_object_get_string_member (liquidez, "umbral"), ==, "1.24");
  g_assert_cmpstr (json_object_get_string_member (liquidez, "comparacion"), ==, ">=");
  g_assert_cmpstr (json_object_get_string_member (liquidez, "fundamento"), ==, "Res. ANM 208/2017, art. 5 num. 3");
}

static void
test_all_three_must_hold (void)
{
  g_autoptr(EmCapacityVerdict) one_fails = evaluate_common ("124", "100", "1000", "610.01", "600", FALSE);

  g_assert_cmpint (em_capacity_verdict_get_result (one_fails), ==, EM_RESULT_NO_CUMPLE);
}

static void
test_aval_covers_liquidez (void)
{
  g_autoptr(EmCapacityVerdict) without = evaluate_common ("123.99", "100", "1000", "100", "100", FALSE);
  g_autoptr(EmCapacityVerdict) with = evaluate_common ("123.99", "100", "1000", "100", "100", TRUE);

  g_assert_cmpint (em_capacity_verdict_get_result (without), ==, EM_RESULT_REQUIERE_AVAL);
  g_assert_true (observed (without, "art. 2 lit. B num. 1"));
  g_assert_cmpint (em_capacity_verdict_get_result (with), ==, EM_RESULT_CUMPLE);
  g_assert_false (indicator (with, EM_INDICATOR_LIQUIDEZ)->passes);
  g_assert_true (indicator (with, EM_INDICATOR_LIQUIDEZ)->covered_by_aval);
  g_assert_false (indicator (with, EM_INDICATOR_ENDEUDAMIENTO)->covered_by_aval);
}

static void
test_aval_covers_capital_trabajo (void)
{
  g_autoptr(EmCapacityVerdict) without = evaluate_common ("200", "100", "1000", "100", "2500.01", FALSE);
  g_autoptr(EmCapacityVerdict) with = evaluate_common ("200", "100", "1000", "100", "2500.01", TRUE);

  g_assert_cmpint (em_capacity_verdict_get_result (without), ==, EM_RESULT_REQUIERE_AVAL);
  g_assert_cmpint (em_capacity_verdict_get_result (with), ==, EM_RESULT_CUMPLE);
}

static void
test_aval_never_covers_endeudamiento (void)
{
  g_autoptr(EmCapacityVerdict) alone = evaluate_common ("500", "100", "1000", "610.01", "100", TRUE);
  g_autoptr(EmCapacityVerdict) with_liquidez = evaluate_common ("123.99", "100", "1000", "610.01", "100", FALSE);

  g_assert_cmpint (em_capacity_verdict_get_result (alone), ==, EM_RESULT_NO_CUMPLE);
  g_assert_true (observed (alone, "no se puede cubrir con aval"));
  g_assert_cmpint (em_capacity_verdict_get_result (with_liquidez), ==, EM_RESULT_NO_CUMPLE);
}

static void
test_aval_not_needed_when_all_hold (void)
{
  assert_result ("{\"regimen\":\"comun\",\"activo_corriente\":\"124\",\"pasivo_corriente\":\"100\","
                 "\"activo_total\":\"1000\",\"pasivo_total\":\"610\",\"ingresos_operacionales\":\"600\","
                 "\"aval_financiero\":true}", EM_RESULT_CUMPLE);
}

/* Reading (exactness): zero denominators settle by cross-multiplication. */
static void
test_zero_pasivo_corriente_passes_liquidez (void)
{
  g_autoptr(EmCapacityVerdict) verdict = evaluate_common ("10", "0", "100", "0", "100", FALSE);
  const EmIndicatorResult *r = indicator (verdict, EM_INDICATOR_LIQUIDEZ);
  g_autofree char *value = em_indicator_result_format_value (r, '.');

  g_assert_true (r->passes);
  g_assert_null (value);
  g_assert_nonnull (r->note);
  g_assert_cmpint (em_capacity_verdict_get_result (verdict), ==, EM_RESULT_CUMPLE);
}

static void
test_zero_operating_income_capital_passes_iff_ac_not_below_pc (void)
{
  g_assert_true (common_passes (EM_INDICATOR_CAPITAL_TRABAJO, "200", "100", "1000", "100", "0"));
  g_assert_true (common_passes (EM_INDICATOR_CAPITAL_TRABAJO, "100", "100", "1000", "100", "0"));
  g_assert_false (common_passes (EM_INDICATOR_CAPITAL_TRABAJO, "99.99", "100", "1000", "100", "0"));
}

static void
test_zero_activo_total_endeudamiento_passes_only_without_debt (void)
{
  g_assert_true (common_passes (EM_INDICATOR_ENDEUDAMIENTO, "0", "0", "0", "0", "0"));
  g_assert_false (common_passes (EM_INDICATOR_ENDEUDAMIENTO, "0", "0", "0", "0.01", "0"));
}

/* Near 10^15 pesos: 1,24 = 31/25, so AC = 31·k and PC = 25·k centavos
 * (k = ⌊10^17 / 31⌋) is exactly at the threshold.  One centavo less fails,
 * although the double quotient rounds to 1,24 and would pass. */
static void
test_exact_at_10_15_pesos_where_doubles_fail (void)
{
  const char *pc = "806451612903225.75";
  g_autoptr(EmCapacityVerdict) at = evaluate_common ("999999999999999.93", pc, "1000000000000000",
                                                     "1000000000000000", "1", FALSE);
  g_autoptr(EmCapacityVerdict) below = evaluate_common ("999999999999999.92", pc, "1000000000000000",
                                                        "1000000000000000", "1", FALSE);
  volatile double ratio = 99999999999999992.0 / 80645161290322575.0;

  g_assert_true (ratio >= 1.24);      /* the floating-point answer is wrong */
  g_assert_true (indicator (at, EM_INDICATOR_LIQUIDEZ)->passes);
  g_assert_false (indicator (below, EM_INDICATOR_LIQUIDEZ)->passes);
}

static void
test_endeudamiento_exact_at_10_15_pesos (void)
{
  volatile double ratio = 61000000000000001.0 / 100000000000000000.0;

  g_assert_true (ratio <= 0.61);      /* the floating-point answer is wrong */
  g_assert_true (common_passes (EM_INDICATOR_ENDEUDAMIENTO, "1000", "1", "1000000000000000",
                                "610000000000000", "1"));
  g_assert_false (common_passes (EM_INDICATOR_ENDEUDAMIENTO, "1000", "1", "1000000000000000",
                                 "610000000000000.01", "1"));
}

/* When the value rounded to 4 decimals equals the threshold but the exact
 * comparison fails, the result says on which side it is. */
static void
test_rounded_display_equal_to_threshold_says_side (void)
{
  g_autoptr(EmCapacityVerdict) verdict = evaluate_common ("1239999.99", "1000000", "2000000",
                                                          "1000000", "100", FALSE);
  const EmIndicatorResult *r = indicator (verdict, EM_INDICATOR_LIQUIDEZ);
  g_autofree char *value = em_indicator_result_format_value (r, '.');

  g_assert_cmpstr (value, ==, "1.2400");
  g_assert_false (r->passes);
  g_assert_nonnull (r->note);
  g_assert_nonnull (strstr (r->note, "menor"));
}

static void
test_comun_missing_fields_listed_exactly (void)
{
  static const char * const expected[] = {
    "pasivo_corriente", "activo_total", "pasivo_total", "ingresos_operacionales", NULL
  };
  static const char * const only_income[] = { "ingresos_operacionales", NULL };
  g_autoptr(EmCapacityVerdict) verdict = evaluate ("{\"regimen\":\"comun\",\"activo_corriente\":\"100\"}");
  g_autoptr(EmCapacityVerdict) partial = evaluate (
      "{\"regimen\":\"comun\",\"activo_corriente\":\"124\",\"pasivo_corriente\":\"100\","
      "\"activo_total\":\"1000\",\"pasivo_total\":\"100\"}");

  g_assert_cmpint (em_capacity_verdict_get_result (verdict), ==, EM_RESULT_INFORMACION_INCOMPLETA);
  assert_missing (verdict, expected);
  assert_missing (partial, only_income);
  /* What can be computed is shown; the verdict still waits for the rest. */
  g_assert_true (has_indicator (partial, EM_INDICATOR_LIQUIDEZ));
  g_assert_false (has_indicator (partial, EM_INDICATOR_CAPITAL_TRABAJO));
}

static void
test_null_means_absent (void)
{
  static const char * const expected[] = { "ingresos_operacionales", NULL };
  g_autoptr(EmCapacityVerdict) verdict = evaluate (
      "{\"regimen\":\"comun\",\"activo_corriente\":\"124\",\"pasivo_corriente\":\"100\","
      "\"activo_total\":\"1000\",\"pasivo_total\":\"100\",\"ingresos_operacionales\":null}");

  assert_missing (verdict, expected);
}

/* ---- Impossible data and input errors ------------------------------ */

static void
test_impossible_data_rejected_naming_field (void)
{
  assert_rejected ("{\"regimen\":\"comun\",\"activo_corriente\":\"1000.01\",\"activo_total\":\"1000\"}",
                   "activo_corriente", "no puede ser mayor que el activo total");
  assert_rejected ("{\"regimen\":\"comun\",\"pasivo_corriente\":\"5\",\"pasivo_total\":\"4.99\"}",
                   "pasivo_corriente", "no puede ser mayor que el pasivo total");
  assert_rejected ("{\"regimen\":\"comun\",\"pasivo_corriente\":\"-5\"}", "pasivo_corriente",
                   "no puede ser negativo");
  assert_rejected ("{\"regimen\":\"simplificado\",\"ingresos_ultimo_ano\":-1}", "ingresos_ultimo_ano",
                   "no puede ser negativo");
  assert_rejected ("{\"regimen\":\"simplificado\",\"saldo_promedio\":\"1000000000000000.01\"}",
                   "saldo_promedio", "máximo");
}

static void
test_input_errors_name_the_field (void)
{
  assert_rejected ("{}", "regimen", "obligatorio");
  assert_rejected ("{\"regimen\":\"mixto\"}", "regimen", "«simplificado» o «comun»");
  assert_rejected ("{\"regimen\":\"comun\",\"activo_corrient\":\"5\"}", "activo_corrient", "desconocido");
  assert_rejected ("{\"regimen\":\"comun\",\"activo_corriente\":true}", "activo_corriente", "debe ser");
  assert_rejected ("{\"regimen\":\"comun\",\"activo_corriente\":\"1.234,56\"}", "activo_corriente", "válido");
  assert_rejected ("{\"regimen\":\"comun\",\"activo_corriente\":\"12.345\"}", "activo_corriente", "decimales");
  assert_rejected ("{\"regimen\":\"comun\",\"fecha_radicacion\":\"2017-02-30\"}", "fecha_radicacion", "fecha");
  assert_rejected ("{\"regimen\":\"comun\",\"aval_financiero\":\"si\"}", "aval_financiero", "true o false");
  assert_rejected ("{\"regimen\":\"comun\",\"nombre\":{\"a\":1}}", "nombre", "valor simple");
  assert_rejected ("{\"regimen\":\"comun\",\"tramite\":\"cancelacion\"}", "tramite", "«inscripcion» o «renovacion»");
}

static void
test_fields_of_the_other_regimen_are_errors (void)
{
  assert_rejected ("{\"regimen\":\"simplificado\",\"activo_corriente\":\"5\"}", "activo_corriente",
                   "régimen simplificado");
  assert_rejected ("{\"regimen\":\"comun\",\"ingresos_ultimo_ano\":\"5\"}", "ingresos_ultimo_ano",
                   "régimen común");
  assert_rejected ("{\"regimen\":\"simplificado\",\"aval_financiero\":true}", "aval_financiero", "régimen común");
}

static void
test_simplificado_is_for_natural_persons_only (void)
{
  assert_rejected ("{\"regimen\":\"simplificado\",\"tipo_persona\":\"juridica\"}", "tipo_persona",
                   "personas naturales");
  assert_result ("{\"regimen\":\"comun\",\"tipo_persona\":\"juridica\",\"activo_corriente\":\"124\","
                 "\"pasivo_corriente\":\"100\",\"activo_total\":\"1000\",\"pasivo_total\":\"610\","
                 "\"ingresos_operacionales\":\"600\"}", EM_RESULT_CUMPLE);
}

static void
test_money_as_json_number_is_exact (void)
{
  /* 999999999999999.92 is not representable as a double. */
  g_autoptr(EmCapacityVerdict) verdict = evaluate (
      "{\"regimen\":\"comun\",\"activo_corriente\":999999999999999.92,\"pasivo_corriente\":806451612903225.75,"
      "\"activo_total\":1e15,\"pasivo_total\":1e15,\"ingresos_operacionales\":1}");

  g_assert_false (indicator (verdict, EM_INDICATOR_LIQUIDEZ)->passes);
}

/* ---- Vigencia ------------------------------------------------------- */

static gboolean
date_observed_outside (const char *date)
{
  g_autofree char *json = g_strdup_printf ("{\"regimen\":\"comun\",\"fecha_radicacion\":\"%s\"}", date);
  g_autoptr(EmCapacityVerdict) verdict = evaluate (json);

  return observed (verdict, "fuera de la vigencia");
}

static void
test_date_outside_vigencia_is_observed (void)
{
  g_assert_true (date_observed_outside ("2017-04-26"));
  g_assert_false (date_observed_outside ("2017-04-27"));
  g_assert_false (date_observed_outside ("2018-04-19"));
  g_assert_true (date_observed_outside ("2018-04-20"));
  g_assert_true (date_observed_outside ("2026-11-21"));
}

static void
test_missing_date_is_observed (void)
{
  g_autoptr(EmCapacityVerdict) verdict = evaluate ("{\"regimen\":\"comun\"}");

  g_assert_true (observed (verdict, "No se indicó la fecha de radicación"));
}

/* ---- Another rule set: nothing is hard-coded ------------------------ */

static EmCapacityResult
result_with_test_rules (const char *json)
{
  g_autoptr(EmRuleSet) rules = rules_test ();
  g_autoptr(GError) error = NULL;
  g_autoptr(EmCapacityVerdict) verdict = evaluate_with (rules, json, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (em_rule_set_get_id (em_capacity_verdict_get_rule_set (verdict)), ==, "reglas-prueba");
  return em_capacity_verdict_get_result (verdict);
}

/* CE 0,5; days 30 + 60 − 0 = 90 → KTNO = monto / 4; cobertura ≥ 2. */
static void
test_other_rule_set_ce_days_and_threshold_followed (void)
{
  const char *at = "{\"regimen\":\"simplificado\",\"ingresos_ultimo_ano\":\"100\",\"saldo_promedio\":\"50\","
                   "\"monto_comercializacion_esperado\":\"400\"}";
  const char *below = "{\"regimen\":\"simplificado\",\"ingresos_ultimo_ano\":\"100\",\"saldo_promedio\":\"49.99\","
                      "\"monto_comercializacion_esperado\":\"400\"}";

  g_assert_cmpint (result_with_test_rules (at), ==, EM_RESULT_CUMPLE);
  g_assert_cmpint (result_with_test_rules (below), ==, EM_RESULT_NO_CUMPLE);
  assert_result (below, EM_RESULT_CUMPLE);   /* Res. 208 would accept it */
}

static void
test_other_rule_set_common_thresholds_and_aval_followed (void)
{
  g_autofree char *at = common ("200", "100", "1000", "300", "200", FALSE);
  g_autofree char *capital_short = common ("200", "100", "1000", "300", "200.01", TRUE);
  g_autofree char *debt_over = common ("200", "100", "1000", "300.01", "200", FALSE);
  g_autofree char *liquidez_short = common ("199.99", "100", "1000", "300", "100", TRUE);

  g_assert_cmpint (result_with_test_rules (at), ==, EM_RESULT_CUMPLE);
  /* This rule set's aval covers liquidez only. */
  g_assert_cmpint (result_with_test_rules (capital_short), ==, EM_RESULT_NO_CUMPLE);
  assert_result (capital_short, EM_RESULT_CUMPLE);
  g_assert_cmpint (result_with_test_rules (debt_over), ==, EM_RESULT_NO_CUMPLE);
  assert_result (debt_over, EM_RESULT_CUMPLE);
  g_assert_cmpint (result_with_test_rules (liquidez_short), ==, EM_RESULT_CUMPLE);
}

static void
test_other_rule_set_open_vigencia (void)
{
  g_autoptr(EmRuleSet) rules = rules_test ();
  g_autoptr(GError) error = NULL;
  g_autoptr(EmCapacityVerdict) verdict = evaluate_with (
      rules, "{\"regimen\":\"comun\",\"fecha_radicacion\":\"2099-01-01\"}", &error);

  g_assert_false (observed (verdict, "fuera de la vigencia"));
}

/* ---- The case itself ------------------------------------------------ */

static void
test_case_json_round_trip (void)
{
  const char *json = "{\"regimen\":\"comun\",\"tramite\":\"renovacion\",\"fecha_radicacion\":\"2017-05-02\","
                     "\"nombre\":\"Comercializadora Ñandú S.A.S.\",\"numero_documento\":\"900123456\","
                     "\"tipo_persona\":\"juridica\",\"rol\":\"planta_beneficio\",\"activo_corriente\":1234567.8,"
                     "\"aval_financiero\":true}";
  g_autoptr(EmFlatObject) object = em_flat_object_parse (json, -1, NULL);
  g_autoptr(EmCapacityCase) input = em_capacity_case_new_from_json (object, NULL, NULL);
  g_autoptr(JsonNode) node = em_capacity_case_to_json (input);
  JsonObject *out = json_node_get_object (node);

  g_assert_cmpstr (json_object_get_string_member (out, "activo_corriente"), ==, "1234567.80");
  g_assert_cmpstr (json_object_get_string_member (out, "nombre"), ==, "Comercializadora Ñandú S.A.S.");
  g_assert_cmpstr (json_object_get_string_member (out, "fecha_radicacion"), ==, "2017-05-02");
  g_assert_cmpstr (json_object_get_string_member (out, "rol"), ==, "planta_beneficio");
  g_assert_true (json_object_get_boolean_member (out, "aval_financiero"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/capacidad/simplificado/cobertura-exactly-at-threshold-cumple", test_cobertura_exactly_at_threshold_cumple);
  g_test_add_func ("/capacidad/simplificado/cobertura-one-centavo-less-income-no-cumple", test_cobertura_one_centavo_less_income_no_cumple);
  g_test_add_func ("/capacidad/simplificado/cobertura-ktno-one-centavo-either-side", test_cobertura_ktno_one_centavo_either_side);
  g_test_add_func ("/capacidad/simplificado/cobertura-uses-one-plus-ce", test_cobertura_uses_one_plus_ce);
  g_test_add_func ("/capacidad/simplificado/saldo-promedio-counts-and-is-optional", test_saldo_promedio_counts_and_is_optional);
  g_test_add_func ("/capacidad/simplificado/ktno-is-cxc-plus-inventory-minus-cxp", test_ktno_is_receivables_plus_inventory_minus_payables);
  g_test_add_func ("/capacidad/simplificado/ktno-estimated-from-commercialization-amount", test_ktno_estimated_from_commercialization_amount);
  g_test_add_func ("/capacidad/simplificado/estimated-ktno-compared-as-exact-fraction", test_estimated_ktno_compared_as_exact_fraction);
  g_test_add_func ("/capacidad/simplificado/ktno-nonpositive-is-incomplete-asking-for-amount", test_ktno_zero_or_negative_is_incomplete_asking_for_amount);
  g_test_add_func ("/capacidad/simplificado/nonpositive-account-ktno-falls-back-to-amount", test_nonpositive_account_ktno_falls_back_to_amount);
  g_test_add_func ("/capacidad/simplificado/partial-accounts-use-amount-when-given", test_partial_accounts_use_amount_when_given);
  g_test_add_func ("/capacidad/simplificado/missing-fields-listed-exactly", test_simplificado_missing_fields_listed_exactly);
  g_test_add_func ("/capacidad/simplificado/cobertura-failure-not-subsanable", test_cobertura_failure_is_not_subsanable);
  g_test_add_func ("/capacidad/comun/liquidez-boundary-1.24", test_liquidez_boundary_1_24);
  g_test_add_func ("/capacidad/comun/capital-trabajo-boundary-0.04", test_capital_trabajo_boundary_0_04);
  g_test_add_func ("/capacidad/comun/endeudamiento-boundary-0.61", test_endeudamiento_boundary_0_61);
  g_test_add_func ("/capacidad/comun/all-three-at-threshold-cumple", test_all_three_at_threshold_cumple);
  g_test_add_func ("/capacidad/comun/all-three-must-hold", test_all_three_must_hold);
  g_test_add_func ("/capacidad/comun/aval-covers-liquidez", test_aval_covers_liquidez);
  g_test_add_func ("/capacidad/comun/aval-covers-capital-trabajo", test_aval_covers_capital_trabajo);
  g_test_add_func ("/capacidad/comun/aval-never-covers-endeudamiento", test_aval_never_covers_endeudamiento);
  g_test_add_func ("/capacidad/comun/aval-not-needed-when-all-hold", test_aval_not_needed_when_all_hold);
  g_test_add_func ("/capacidad/comun/zero-pasivo-corriente-passes-liquidez", test_zero_pasivo_corriente_passes_liquidez);
  g_test_add_func ("/capacidad/comun/zero-operating-income-capital-iff-ac-not-below-pc", test_zero_operating_income_capital_passes_iff_ac_not_below_pc);
  g_test_add_func ("/capacidad/comun/zero-activo-total-endeudamiento-only-without-debt", test_zero_activo_total_endeudamiento_passes_only_without_debt);
  g_test_add_func ("/capacidad/exactness/liquidez-at-10^15-where-doubles-fail", test_exact_at_10_15_pesos_where_doubles_fail);
  g_test_add_func ("/capacidad/exactness/endeudamiento-at-10^15-where-doubles-fail", test_endeudamiento_exact_at_10_15_pesos);
  g_test_add_func ("/capacidad/exactness/rounded-display-equal-to-threshold-says-side", test_rounded_display_equal_to_threshold_says_side);
  g_test_add_func ("/capacidad/exactness/money-as-json-number-is-exact", test_money_as_json_number_is_exact);
  g_test_add_func ("/capacidad/comun/missing-fields-listed-exactly", test_comun_missing_fields_listed_exactly);
  g_test_add_func ("/capacidad/input/null-means-absent", test_null_means_absent);
  g_test_add_func ("/capacidad/input/impossible-data-rejected-naming-field", test_impossible_data_rejected_naming_field);
  g_test_add_func ("/capacidad/input/errors-name-the-field", test_input_errors_name_the_field);
  g_test_add_func ("/capacidad/input/fields-of-other-regimen-are-errors", test_fields_of_the_other_regimen_are_errors);
  g_test_add_func ("/capacidad/input/simplificado-only-for-natural-persons", test_simplificado_is_for_natural_persons_only);
  g_test_add_func ("/capacidad/vigencia/date-outside-is-observed", test_date_outside_vigencia_is_observed);
  g_test_add_func ("/capacidad/vigencia/missing-date-is-observed", test_missing_date_is_observed);
  g_test_add_func ("/capacidad/reglas/other-rule-set-ce-days-threshold-followed", test_other_rule_set_ce_days_and_threshold_followed);
  g_test_add_func ("/capacidad/reglas/other-rule-set-common-thresholds-and-aval-followed", test_other_rule_set_common_thresholds_and_aval_followed);
  g_test_add_func ("/capacidad/reglas/other-rule-set-open-vigencia", test_other_rule_set_open_vigencia);
  g_test_add_func ("/capacidad/case/json-round-trip", test_case_json_round_trip);

  return g_test_run ();
}
