/* em-case-evaluation.h — from an input to what the case store keeps
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "em-case-store.h"
#include "em-flat-json.h"
#include "em-rule-set.h"
#include "em-tariff-schedule.h"
#include "em-tariff-table.h"

G_BEGIN_DECLS

typedef struct _EmEvaluation EmEvaluation;

const EmEvaluationRecord *em_evaluation_get_record (EmEvaluation *self);
JsonNode                 *em_evaluation_get_result (EmEvaluation *self);
void                      em_evaluation_free       (EmEvaluation *self);

#define EM_TYPE_EVALUATOR (em_evaluator_get_type ())
G_DECLARE_FINAL_TYPE (EmEvaluator, em_evaluator, EM, EVALUATOR, GObject)

EmEvaluator  *em_evaluator_new          (EmRuleSet          *rules,
                                         EmTariffTable      *table,
                                         EmTariffSchedule   *schedule);
EmEvaluator  *em_evaluator_new_default  (GError            **error);
EmRuleSet        *em_evaluator_get_rules    (EmEvaluator *self);
EmTariffTable    *em_evaluator_get_table    (EmEvaluator *self);
EmTariffSchedule *em_evaluator_get_schedule (EmEvaluator *self);
EmEvaluation *em_evaluator_evaluate     (EmEvaluator        *self,
                                         EmCaseKind          kind,
                                         const EmFlatObject *input,
                                         const char * const *ignored_keys,
                                         GError            **error);
EmEvaluation *em_evaluator_evaluate_text (EmEvaluator       *self,
                                         EmCaseKind          kind,
                                         const char         *input_json,
                                         gboolean            with_aval,
                                         GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EmEvaluation, em_evaluation_free)

G_END_DECLS
