/* em-capacity-verdict.h — the result of a capacity evaluation
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "em-capacity-case.h"
#include "em-rule-set.h"

G_BEGIN_DECLS

typedef enum
{
  EM_RESULT_CUMPLE,
  EM_RESULT_NO_CUMPLE,
  EM_RESULT_REQUIERE_AVAL,
  EM_RESULT_INFORMACION_INCOMPLETA,
} EmCapacityResult;

/* One indicator as evaluated: the exact ratio and its comparison. */
typedef struct
{
  EmIndicatorId  id;
  EmRatio        ratio;          /* den == 0: no value to show */
  EmThreshold    threshold;
  gboolean       passes;         /* exact, cross-multiplied */
  gboolean       covered_by_aval;
  const char    *basis;
  char          *note;           /* why the shown value may mislead, or NULL */
} EmIndicatorResult;

#define EM_TYPE_CAPACITY_VERDICT (em_capacity_verdict_get_type ())
G_DECLARE_FINAL_TYPE (EmCapacityVerdict, em_capacity_verdict, EM, CAPACITY_VERDICT, GObject)

const char              *em_capacity_result_to_string     (EmCapacityResult result);
const char              *em_capacity_result_describe      (EmCapacityResult result);

EmCapacityResult         em_capacity_verdict_get_result   (EmCapacityVerdict *self);
EmRegimen                em_capacity_verdict_get_regimen  (EmCapacityVerdict *self);
EmRuleSet               *em_capacity_verdict_get_rule_set (EmCapacityVerdict *self);
guint                    em_capacity_verdict_get_n_indicators (EmCapacityVerdict *self);
const EmIndicatorResult *em_capacity_verdict_get_indicator (EmCapacityVerdict *self,
                                                            guint              index);
gboolean                 em_capacity_verdict_get_ktno     (EmCapacityVerdict *self,
                                                           EmRatio           *out);
const char * const      *em_capacity_verdict_get_missing  (EmCapacityVerdict *self);
const char * const      *em_capacity_verdict_get_observations (EmCapacityVerdict *self);

char                    *em_indicator_result_format_value (const EmIndicatorResult *result,
                                                           char                     decimal_mark);
const char              *em_indicator_get_label           (EmIndicatorId            id);

G_END_DECLS
