/* em-tariff-verdict.h — the result of an inspection-tariff evaluation
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "em-tariff-charge.h"
#include "em-tariff-schedule.h"
#include "em-tariff-table.h"

G_BEGIN_DECLS

/* Amounts are exact ratios over this denominator: valor_dia is in centavos
 * (10²), rubro and factor in millionths (10⁶ each). */
#define EM_TARIFF_AMOUNT_DEN ((EmInt128) 100 * EM_DECIMAL_ONE * EM_DECIMAL_ONE)

/* One component of the fee: valor_dia × rubro × factor, exact. */
typedef struct
{
  EmTariffComponent  component;
  EmDecimal          rubro;
  EmTariffAttribute  attribute;    /* what the factor was looked up by */
  const char        *key;          /* the key used: the title's, or "*" */
  EmDecimal          factor;
  EmRatio            amount;       /* pesos, exact */
} EmComponentResult;

#define EM_TYPE_TARIFF_VERDICT (em_tariff_verdict_get_type ())
G_DECLARE_FINAL_TYPE (EmTariffVerdict, em_tariff_verdict, EM, TARIFF_VERDICT, GObject)

EmTariffSchedule        *em_tariff_verdict_get_schedule       (EmTariffVerdict   *self);
EmTariffTable           *em_tariff_verdict_get_table          (EmTariffVerdict   *self);
const EmTitleKeys       *em_tariff_verdict_get_title_keys     (EmTariffVerdict   *self);
const EmClassification  *em_tariff_verdict_get_classification (EmTariffVerdict   *self);
const EmTariffCharge    *em_tariff_verdict_get_charge         (EmTariffVerdict   *self);
const EmComponentResult *em_tariff_verdict_get_component      (EmTariffVerdict   *self,
                                                               EmTariffComponent  component);
EmRatio                  em_tariff_verdict_get_exact_total    (EmTariffVerdict   *self);
gint64                   em_tariff_verdict_get_valor_inspeccion (EmTariffVerdict *self);
gint64                   em_tariff_verdict_get_tarifa         (EmTariffVerdict   *self);
guint                    em_tariff_verdict_get_n_days         (EmTariffVerdict   *self);
const EmInspectionDays  *em_tariff_verdict_get_days           (EmTariffVerdict   *self,
                                                               guint              index);
const char * const      *em_tariff_verdict_get_observations   (EmTariffVerdict   *self);

G_END_DECLS
