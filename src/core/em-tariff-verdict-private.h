/* em-tariff-verdict-private.h — how the engine builds a tariff verdict
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "em-tariff-verdict.h"

G_BEGIN_DECLS

EmTariffVerdict *em_tariff_verdict_new             (EmTariffSchedule        *schedule,
                                                    EmTariffTable           *table,
                                                    const EmTitleKeys       *keys,
                                                    const EmClassification  *classification);
void             em_tariff_verdict_take_charge     (EmTariffVerdict         *self,
                                                    EmTariffCharge          *charge);
void             em_tariff_verdict_set_component   (EmTariffVerdict         *self,
                                                    const EmComponentResult *result);
void             em_tariff_verdict_take_days       (EmTariffVerdict         *self,
                                                    GArray                  *days);
void             em_tariff_verdict_add_observation (EmTariffVerdict         *self,
                                                    const char              *text);

G_END_DECLS
