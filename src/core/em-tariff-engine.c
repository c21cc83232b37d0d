/* em-tariff-engine.c — the inspection tariff of DOMAIN.md §2
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * 1. Class of the title (Decreto 1666/2016, annex Tabla 2: em-tariff-table).
 * 2. Is this inspection charged? (annex Tabla 3: em-tariff-charge).
 * 3. The fee, Tarifa = TPM + C + ER + D (annex §5), each component
 *    valor_dia × rubro[pin|no_pin] × factor[key], from the tarifario.
 *    All in integers: centavos × millionths × millionths, exact in 128
 *    bits; only the shown values are rounded.
 * 4. The average inspection days of annex Tabla 4 that apply, for the
 *    official's information.
 * Input errors (a field, in Spanish) are GErrors; a verdict is always
 * complete.
 */
#define G_LOG_DOMAIN "em-tariff-engine"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "em-tariff-charge.h"
#include "em-tariff-engine.h"
#include "em-tariff-verdict-private.h"

static void
compute_components (EmTariffVerdict *verdict, EmTariffSchedule *schedule, const EmTitleKeys *keys)
{
  EmMoney valor_dia = em_tariff_schedule_get_valor_dia (schedule);

  for (guint c = 0; c < EM_N_COMPONENTS; c++)
    {
      EmComponentResult result = { .component = c };

      result.rubro = em_tariff_schedule_get_rubro (schedule, keys->pin, c);
      result.attribute = em_tariff_schedule_get_factor_attribute (schedule, c);
      result.factor = em_tariff_schedule_lookup_factor (schedule, c, keys, &result.key);
      result.amount.num = (EmInt128) valor_dia * result.rubro * result.factor;
      result.amount.den = EM_TARIFF_AMOUNT_DEN;
      em_tariff_verdict_set_component (verdict, &result);
    }
}

static void
decide_charge (EmTariffVerdict *verdict, EmTariffCase *input)
{
  EmTariffCharge charge;

  em_tariff_charge_decide (input, &charge);
  em_tariff_verdict_take_charge (verdict, &charge);
}

static void
add_observations (EmTariffVerdict *verdict, EmTariffCase *input, EmTariffSchedule *schedule)
{
  const EmClassification *classification = em_tariff_verdict_get_classification (verdict);
  const EmTariffCharge *charge = em_tariff_verdict_get_charge (verdict);

  if (!em_tariff_schedule_is_official (schedule))
    {
      g_autofree char *text = g_strdup_printf (_("El tarifario «%s» no es oficial: los valores "
                                                 "son ilustrativos y no sirven para cobrar."),
                                               em_tariff_schedule_get_id (schedule));
      em_tariff_verdict_add_observation (verdict, text);
    }
  if (classification->by_production && em_tariff_case_get_sistema (input) == EM_SISTEMA_ARRASTRE)
    em_tariff_verdict_add_observation (verdict,
        _("La minería por arrastre es de superficie: se clasifica en la columna de cielo abierto "
          "de la Tabla 2."));
  if (classification->note != NULL)
    em_tariff_verdict_add_observation (verdict, classification->note);
  if (charge->note != NULL)
    em_tariff_verdict_add_observation (verdict, charge->note);
}

EmTariffVerdict *
em_tariff_evaluate (EmTariffCase      *input,
                    EmTariffTable     *table,
                    EmTariffSchedule  *schedule,
                    GError           **error)
{
  EmClassification classification;
  EmTitleKeys keys;
  EmTariffVerdict *verdict;

  g_return_val_if_fail (EM_IS_TARIFF_CASE (input), NULL);
  g_return_val_if_fail (EM_IS_TARIFF_TABLE (table), NULL);
  g_return_val_if_fail (EM_IS_TARIFF_SCHEDULE (schedule), NULL);

  if (!em_tariff_case_validate (input, error)
      || !em_tariff_table_classify (table, input, &classification, error))
    return NULL;
  keys.clase = classification.clase;
  keys.pin = em_tariff_case_get_pin (input);
  keys.sistema = em_tariff_case_get_sistema (input);
  keys.etapa = em_tariff_case_get_etapa (input);

  verdict = em_tariff_verdict_new (schedule, table, &keys, &classification);
  decide_charge (verdict, input);
  compute_components (verdict, schedule, &keys);
  em_tariff_verdict_take_days (verdict, em_tariff_table_get_days (table, &keys));
  add_observations (verdict, input, schedule);
  return verdict;
}
