/* em-capacity-engine.h — Res. ANM 208/2017 capacity evaluation
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "em-capacity-case.h"
#include "em-capacity-verdict.h"
#include "em-rule-set.h"

G_BEGIN_DECLS

EmCapacityVerdict *em_capacity_evaluate (EmCapacityCase  *input,
                                         EmRuleSet       *rules,
                                         GError         **error);

G_END_DECLS
