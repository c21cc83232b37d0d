/* em-capacity-verdict-private.h — how the engine builds a verdict
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "em-capacity-verdict.h"

G_BEGIN_DECLS

EmCapacityVerdict *em_capacity_verdict_new            (EmRuleSet         *rules,
                                                       EmRegimen          regimen);
EmIndicatorResult *em_capacity_verdict_add_indicator  (EmCapacityVerdict *self,
                                                       EmIndicatorId      id,
                                                       EmRatio            ratio);
void               em_capacity_verdict_set_result     (EmCapacityVerdict *self,
                                                       EmCapacityResult   result);
void               em_capacity_verdict_set_ktno       (EmCapacityVerdict *self,
                                                       EmRatio            ktno);
void               em_capacity_verdict_add_missing    (EmCapacityVerdict *self,
                                                       const char        *field);
void               em_capacity_verdict_add_observation (EmCapacityVerdict *self,
                                                       const char        *format,
                                                       ...) G_GNUC_PRINTF (2, 3);

G_END_DECLS
