/* em-tariff-engine.h — classification, charge and fee of a field inspection
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "em-tariff-case.h"
#include "em-tariff-schedule.h"
#include "em-tariff-table.h"
#include "em-tariff-verdict.h"

G_BEGIN_DECLS

EmTariffVerdict *em_tariff_evaluate (EmTariffCase      *input,
                                     EmTariffTable     *table,
                                     EmTariffSchedule  *schedule,
                                     GError           **error);

G_END_DECLS
