/* em-capacity-engine.c — the capacity evaluation of DOMAIN.md §1
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Régimen simplificado (art. 3 A, art. 5 num. 1):
 *   (Ingresos × (1 + CE) + Saldo promedio) / KTNO ≥ umbral
 * Régimen común (art. 3 B, art. 5 num. 2–4): liquidez, capital de trabajo,
 * endeudamiento; all must hold; an aval financiero covers only the
 * indicators the rule set names (liquidez and capital de trabajo in 208).
 *
 * Every comparison is exact: ratios are kept as 128-bit num/den and compared
 * by cross-multiplication (em_ratio_satisfies).  Amounts are centavos; CE is
 * in millionths, so the numerator below is in centavos × 10⁶.
 */
#define G_LOG_DOMAIN "em-capacity-engine"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "em-capacity-engine.h"
#include "em-capacity-verdict-private.h"
#include "em-date.h"

static gboolean
amount (EmCapacityCase *input, EmAmount which, EmInt128 *out)
{
  EmMoney value = 0;
  gboolean present = em_capacity_case_get_amount (input, which, &value);

  *out = value;
  return present;
}

static char *
format_ratio_money (EmRatio ratio)
{
  gint64 centavos = em_ratio_round (ratio, 0);
  g_autofree char *text = em_money_format (centavos < 0 ? -centavos : centavos);

  return centavos < 0 ? g_strdup_printf ("-%s", text) : g_steal_pointer (&text);
}

/* The annex to a shown value: when rounding to 4 decimals makes it look
 * equal to the threshold although it is not, say on which side it is. */
static void
annotate_rounding (EmIndicatorResult *result)
{
  int side;

  if (result->ratio.den == 0 || !em_ratio_rounds_to (result->ratio, 4, result->threshold.value))
    return;
  side = em_ratio_compare_decimal (result->ratio, result->threshold.value);
  if (side == 0)
    return;
  result->note = g_strdup_printf (side < 0
                                  ? _("El valor redondeado a 4 decimales coincide con el umbral, "
                                      "pero el valor exacto es menor que el umbral.")
                                  : _("El valor redondeado a 4 decimales coincide con el umbral, "
                                      "pero el valor exacto es mayor que el umbral."));
}

static void
annotate_zero_denominator (EmIndicatorResult *result, const char *why)
{
  if (result->ratio.den == 0)
    result->note = g_strdup (why);
  else
    annotate_rounding (result);
}

/* ---- KTNO ---------------------------------------------------------- */

static const EmAmount accounts[] = {
  EM_AMOUNT_CUENTAS_POR_COBRAR, EM_AMOUNT_INVENTARIO, EM_AMOUNT_CUENTAS_POR_PAGAR,
};

static guint
count_accounts (EmCapacityCase *input)
{
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (accounts); i++)
    n += em_capacity_case_get_amount (input, accounts[i], NULL);
  return n;
}

static void
ask_for_accounts (EmCapacityCase *input, EmCapacityVerdict *verdict)
{
  for (guint i = 0; i < G_N_ELEMENTS (accounts); i++)
    if (!em_capacity_case_get_amount (input, accounts[i], NULL))
      em_capacity_verdict_add_missing (verdict, em_amount_get_field_name (accounts[i]));
  em_capacity_verdict_add_missing (verdict, "monto_comercializacion_esperado");
  em_capacity_verdict_add_observation (verdict,
      _("Para calcular el KTNO se necesitan las tres cuentas (por cobrar, inventario y por pagar) "
        "o, en su defecto, el monto de comercialización esperado."));
}

/* KTNO = cuentas por cobrar + inventario − cuentas por pagar. */
static EmRatio
ktno_from_accounts (EmCapacityCase *input)
{
  EmInt128 cxc, inv, cxp;

  amount (input, EM_AMOUNT_CUENTAS_POR_COBRAR, &cxc);
  amount (input, EM_AMOUNT_INVENTARIO, &inv);
  amount (input, EM_AMOUNT_CUENTAS_POR_PAGAR, &cxp);
  return (EmRatio) { cxc + inv - cxp, 1 };
}

/* Reading (DOMAIN.md): each account = monto × días / 360, so
 * KTNO = monto × (cartera + inventario − proveedores) / 360. */
static EmRatio
ktno_from_amount (EmCapacityCase *input, EmRuleSet *rules, EmCapacityVerdict *verdict)
{
  guint cartera, inventario, proveedores;
  EmInt128 monto;
  EmRatio ktno;
  g_autofree char *text = NULL;

  amount (input, EM_AMOUNT_MONTO_COMERCIALIZACION, &monto);
  em_rule_set_get_rotation_days (rules, &cartera, &inventario, &proveedores);
  ktno = (EmRatio) { monto * ((gint64) cartera + inventario - proveedores), 360 };
  text = format_ratio_money (ktno);
  em_capacity_verdict_add_observation (verdict,
      _("KTNO estimado con el monto de comercialización esperado y los días de rotación "
        "(cartera %u + inventario %u − proveedores %u, sobre 360 días): %s."),
      cartera, inventario, proveedores, text);
  return ktno;
}

static void
report_nonpositive_ktno (EmCapacityVerdict *verdict, EmRatio ktno)
{
  g_autofree char *text = format_ratio_money (ktno);

  em_capacity_verdict_add_observation (verdict,
      _("El KTNO resultante (%s) no es positivo: no hay inversión que cubrir, lo que no es creíble. "
        "Se requiere el monto de comercialización esperado."), text);
  em_capacity_verdict_add_missing (verdict, "monto_comercializacion_esperado");
}

/* Sets the verdict's KTNO; FALSE (with the missing fields) when it cannot
 * be evaluated. */
static gboolean
determine_ktno (EmCapacityCase *input, EmRuleSet *rules, EmCapacityVerdict *verdict, EmRatio *ktno)
{
  guint given = count_accounts (input);
  gboolean has_monto = em_capacity_case_get_amount (input, EM_AMOUNT_MONTO_COMERCIALIZACION, NULL);

  if (given == G_N_ELEMENTS (accounts))
    {
      *ktno = ktno_from_accounts (input);
      em_capacity_verdict_set_ktno (verdict, *ktno);
      if (ktno->num > 0)
        return TRUE;
      if (!has_monto)
        return report_nonpositive_ktno (verdict, *ktno), FALSE;
      em_capacity_verdict_add_observation (verdict,
          _("El KTNO de las cuentas no es positivo; se usa el monto de comercialización esperado."));
    }
  else if (given > 0 && has_monto)
    em_capacity_verdict_add_observation (verdict,
        _("No se dieron las tres cuentas; se usa el monto de comercialización esperado."));

  if (!has_monto)
    return ask_for_accounts (input, verdict), FALSE;

  *ktno = ktno_from_amount (input, rules, verdict);
  em_capacity_verdict_set_ktno (verdict, *ktno);
  if (ktno->num <= 0)
    return report_nonpositive_ktno (verdict, *ktno), FALSE;
  return TRUE;
}

/* ---- Régimen simplificado ------------------------------------------ */

static EmRatio
coverage_ratio (EmCapacityCase *input, EmRuleSet *rules, EmRatio ktno)
{
  EmInt128 ingresos, saldo;
  EmInt128 numerator;

  amount (input, EM_AMOUNT_INGRESOS_ULTIMO_ANO, &ingresos);
  amount (input, EM_AMOUNT_SALDO_PROMEDIO, &saldo);     /* absent: 0 */
  numerator = ingresos * (EM_DECIMAL_ONE + em_rule_set_get_debt_capacity (rules))
              + saldo * EM_DECIMAL_ONE;
  /* (numerator / 10⁶) / (ktno.num / ktno.den) */
  return (EmRatio) { numerator * ktno.den, ktno.num * EM_DECIMAL_ONE };
}

static void
evaluate_simplificado (EmCapacityCase *input, EmRuleSet *rules, EmCapacityVerdict *verdict)
{
  EmRatio ktno = { 0, 1 };
  gboolean has_income = em_capacity_case_get_amount (input, EM_AMOUNT_INGRESOS_ULTIMO_ANO, NULL);
  gboolean has_ktno;
  EmIndicatorResult *result;

  if (!has_income)
    em_capacity_verdict_add_missing (verdict, "ingresos_ultimo_ano");
  has_ktno = determine_ktno (input, rules, verdict, &ktno);
  if (!has_income || !has_ktno)
    {
      em_capacity_verdict_set_result (verdict, EM_RESULT_INFORMACION_INCOMPLETA);
      return;
    }
  result = em_capacity_verdict_add_indicator (verdict, EM_INDICATOR_COBERTURA_INVERSION,
                                              coverage_ratio (input, rules, ktno));
  annotate_rounding (result);
  em_capacity_verdict_set_result (verdict, result->passes ? EM_RESULT_CUMPLE : EM_RESULT_NO_CUMPLE);
  if (!result->passes)
    em_capacity_verdict_add_observation (verdict,
        _("El incumplimiento del indicador de cobertura de inversión no es subsanable: "
          "la solicitud se rechaza (%s)."),
        em_rule_set_get_other_basis (rules, EM_BASIS_NO_SUBSANABLE));
}

/* ---- Régimen común -------------------------------------------------- */

static const EmAmount common_amounts[] = {
  EM_AMOUNT_ACTIVO_CORRIENTE, EM_AMOUNT_PASIVO_CORRIENTE, EM_AMOUNT_ACTIVO_TOTAL,
  EM_AMOUNT_PASIVO_TOTAL, EM_AMOUNT_INGRESOS_OPERACIONALES,
};

static void
add_common_indicators (EmCapacityCase *input, EmCapacityVerdict *verdict)
{
  EmInt128 ac, pc, at, pt, io;
  gboolean has_ac = amount (input, EM_AMOUNT_ACTIVO_CORRIENTE, &ac);
  gboolean has_pc = amount (input, EM_AMOUNT_PASIVO_CORRIENTE, &pc);
  gboolean has_at = amount (input, EM_AMOUNT_ACTIVO_TOTAL, &at);
  gboolean has_pt = amount (input, EM_AMOUNT_PASIVO_TOTAL, &pt);
  gboolean has_io = amount (input, EM_AMOUNT_INGRESOS_OPERACIONALES, &io);

  if (has_ac && has_pc)
    annotate_zero_denominator (
        em_capacity_verdict_add_indicator (verdict, EM_INDICATOR_LIQUIDEZ, (EmRatio) { ac, pc }),
        _("El pasivo corriente es cero: la liquidez no tiene límite y cumple."));
  if (has_ac && has_pc && has_io)
    annotate_zero_denominator (
        em_capacity_verdict_add_indicator (verdict, EM_INDICATOR_CAPITAL_TRABAJO,
                                           (EmRatio) { ac - pc, io }),
        _("Los ingresos operacionales son cero: cumple solo si el activo corriente "
          "no es menor que el pasivo corriente."));
  if (has_at && has_pt)
    annotate_zero_denominator (
        em_capacity_verdict_add_indicator (verdict, EM_INDICATOR_ENDEUDAMIENTO, (EmRatio) { pt, at }),
        _("El activo total es cero: cumple solo si el pasivo total también es cero."));
}

static char *
join_labels (EmCapacityVerdict *verdict, gboolean coverable, EmRuleSet *rules)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; i < em_capacity_verdict_get_n_indicators (verdict); i++)
    {
      const EmIndicatorResult *r = em_capacity_verdict_get_indicator (verdict, i);
      if (!r->passes && em_rule_set_aval_covers (rules, r->id) == coverable)
        g_ptr_array_add (names, (gpointer) em_indicator_get_label (r->id));
    }
  g_ptr_array_add (names, NULL);
  return g_strjoinv (_(" y "), (char **) names->pdata);
}

static void
decide_common (EmCapacityCase *input, EmRuleSet *rules, EmCapacityVerdict *verdict)
{
  g_autofree char *hard = join_labels (verdict, FALSE, rules);
  g_autofree char *soft = join_labels (verdict, TRUE, rules);
  const char *aval_basis = em_rule_set_get_other_basis (rules, EM_BASIS_AVAL_FINANCIERO);

  if (hard[0] != '\0')
    {
      em_capacity_verdict_set_result (verdict, EM_RESULT_NO_CUMPLE);
      em_capacity_verdict_add_observation (verdict,
          _("No cumple: %s. Este incumplimiento no se puede cubrir con aval financiero (%s)."),
          hard, aval_basis);
    }
  else if (soft[0] == '\0')
    em_capacity_verdict_set_result (verdict, EM_RESULT_CUMPLE);
  else if (em_capacity_case_get_aval_financiero (input))
    {
      for (guint i = 0; i < em_capacity_verdict_get_n_indicators (verdict); i++)
        {
          EmIndicatorResult *r = (EmIndicatorResult *) em_capacity_verdict_get_indicator (verdict, i);
          r->covered_by_aval = !r->passes;
        }
      em_capacity_verdict_set_result (verdict, EM_RESULT_CUMPLE);
      em_capacity_verdict_add_observation (verdict,
          _("Cumple con aval financiero: el aval y/o la certificación de cupo de crédito presentados "
            "cubren %s (%s)."), soft, aval_basis);
    }
  else
    {
      em_capacity_verdict_set_result (verdict, EM_RESULT_REQUIERE_AVAL);
      em_capacity_verdict_add_observation (verdict,
          _("No cumple %s: se requiere un aval financiero y/o una certificación de cupo de crédito "
            "de una entidad vigilada por la Superintendencia Financiera (%s)."), soft, aval_basis);
    }
}

static void
evaluate_comun (EmCapacityCase *input, EmRuleSet *rules, EmCapacityVerdict *verdict)
{
  gboolean complete = TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (common_amounts); i++)
    if (!em_capacity_case_get_amount (input, common_amounts[i], NULL))
      {
        em_capacity_verdict_add_missing (verdict, em_amount_get_field_name (common_amounts[i]));
        complete = FALSE;
      }
  add_common_indicators (input, verdict);
  if (complete)
    decide_common (input, rules, verdict);
  else
    em_capacity_verdict_set_result (verdict, EM_RESULT_INFORMACION_INCOMPLETA);
}

/* ---- Both ----------------------------------------------------------- */

static char *
missing_labels (EmCapacityVerdict *verdict)
{
  const char * const *missing = em_capacity_verdict_get_missing (verdict);
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autofree char *joined = NULL;

  for (guint i = 0; missing[i] != NULL; i++)
    g_ptr_array_add (labels, (gpointer) em_capacity_field_label (missing[i]));
  g_ptr_array_add (labels, NULL);
  joined = g_strjoinv (", ", (char **) labels->pdata);
  return g_utf8_strdown (joined, -1);
}

static void
observe_incomplete (EmRuleSet *rules, EmCapacityVerdict *verdict)
{
  g_autofree char *fields = missing_labels (verdict);

  em_capacity_verdict_add_observation (verdict,
      _("Falta información para evaluar (%s): la ANM debe requerirla y el solicitante puede "
        "subsanar una sola vez; si no lo hace, la solicitud se rechaza (%s)."),
      fields, em_rule_set_get_other_basis (rules, EM_BASIS_INFORMACION_INCOMPLETA));
}

static void
observe_date (EmCapacityCase *input, EmRuleSet *rules, EmCapacityVerdict *verdict)
{
  GDate date;
  g_autofree char *shown = NULL;
  g_autofree char *validity = NULL;

  if (!em_capacity_case_get_fecha_radicacion (input, &date))
    {
      em_capacity_verdict_add_observation (verdict,
          _("No se indicó la fecha de radicación: no se comprobó que «%s» rija para esta solicitud."),
          em_rule_set_get_name (rules));
      return;
    }
  if (em_rule_set_covers_date (rules, &date))
    return;
  shown = em_date_format_user (&date);
  validity = em_rule_set_describe_validity (rules);
  em_capacity_verdict_add_observation (verdict,
      _("La fecha de radicación (%s) está fuera de la vigencia de «%s» (%s): "
        "verifique que esta sea la norma aplicable."),
      shown, em_rule_set_get_name (rules), validity);
}

EmCapacityVerdict *
em_capacity_evaluate (EmCapacityCase  *input,
                      EmRuleSet       *rules,
                      GError         **error)
{
  EmCapacityVerdict *verdict;
  EmRegimen regimen;

  g_return_val_if_fail (EM_IS_CAPACITY_CASE (input), NULL);
  g_return_val_if_fail (EM_IS_RULE_SET (rules), NULL);

  if (!em_capacity_case_validate (input, error))
    return NULL;

  regimen = em_capacity_case_get_regimen (input);
  verdict = em_capacity_verdict_new (rules, regimen);
  if (regimen == EM_REGIMEN_SIMPLIFICADO)
    evaluate_simplificado (input, rules, verdict);
  else
    evaluate_comun (input, rules, verdict);
  if (em_capacity_verdict_get_result (verdict) == EM_RESULT_INFORMACION_INCOMPLETA)
    observe_incomplete (rules, verdict);
  observe_date (input, rules, verdict);
  return verdict;
}
