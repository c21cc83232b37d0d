/* em-case-evaluation.c — evaluating either kind of case for the store
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The store knows nothing of the engines: it keeps the canonical input, the
 * result as JSON, the rule set or tarifario used (id and content hash), and
 * a few columns to search by.  This module makes that from an input of
 * either kind, with the rule sets in force, and re-evaluates a stored input
 * (a subsanación, an aval financiero).
 */
#define G_LOG_DOMAIN "em-case-evaluation"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "em-capacity-engine.h"
#include "em-capacity-json.h"
#include "em-case-evaluation.h"
#include "em-json-writer.h"
#include "em-tariff-engine.h"
#include "em-tariff-json.h"

struct _EmEvaluation
{
  EmEvaluationRecord record;
  gpointer           verdict;     /* EmCapacityVerdict or EmTariffVerdict */
  JsonNode          *result;      /* made when first asked for */
  char              *strings[8];
};

struct _EmEvaluator
{
  GObject           parent_instance;
  EmRuleSet        *rules;
  EmTariffTable    *table;
  EmTariffSchedule *schedule;
};

G_DEFINE_FINAL_TYPE (EmEvaluator, em_evaluator, G_TYPE_OBJECT)

/* Keeps @text alive as long as the evaluation. */
static const char *
keep (EmEvaluation *self, guint slot, char *text)
{
  self->strings[slot] = text;
  return text;
}

/* The texts are written straight from the case and the verdict (the
 * bytes em_json_node_to_text gives for their trees, without the trees). */
static EmEvaluation *
evaluation_new (EmCaseKind kind, gpointer verdict, char *input_json, char *result_json,
                const char *rules_id, const char *sha256)
{
  EmEvaluation *self = g_new0 (EmEvaluation, 1);

  self->verdict = g_object_ref (verdict);
  self->record.kind = kind;
  self->record.input_json = keep (self, 0, input_json);
  self->record.result_json = keep (self, 1, result_json);
  self->record.rules_id = keep (self, 2, g_strdup (rules_id));
  self->record.rules_sha256 = keep (self, 3, g_strdup (sha256));
  return self;
}

const EmEvaluationRecord *
em_evaluation_get_record (EmEvaluation *self)
{
  return &self->record;
}

/* The result as a tree: the same document as the record's result_json. */
JsonNode *
em_evaluation_get_result (EmEvaluation *self)
{
  if (self->result == NULL && self->record.kind == EM_CASE_KIND_CAPACIDAD)
    self->result = em_capacity_verdict_to_json (self->verdict);
  else if (self->result == NULL)
    self->result = em_tariff_verdict_to_json (self->verdict);
  return self->result;
}

void
em_evaluation_free (EmEvaluation *self)
{
  if (self == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (self->strings); i++)
    g_free (self->strings[i]);
  g_clear_pointer (&self->result, json_node_unref);
  g_object_unref (self->verdict);
  g_free (self);
}

static void
em_evaluator_finalize (GObject *object)
{
  EmEvaluator *self = EM_EVALUATOR (object);

  g_clear_object (&self->rules);
  g_clear_object (&self->table);
  g_clear_object (&self->schedule);
  G_OBJECT_CLASS (em_evaluator_parent_class)->finalize (object);
}

static void
em_evaluator_class_init (EmEvaluatorClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = em_evaluator_finalize;
}

static void
em_evaluator_init (EmEvaluator *self)
{
}

EmEvaluator *
em_evaluator_new (EmRuleSet        *rules,
                  EmTariffTable    *table,
                  EmTariffSchedule *schedule)
{
  EmEvaluator *self = g_object_new (EM_TYPE_EVALUATOR, NULL);

  self->rules = g_object_ref (rules);
  self->table = g_object_ref (table);
  self->schedule = g_object_ref (schedule);
  return self;
}

EmEvaluator *
em_evaluator_new_default (GError **error)
{
  g_autoptr(EmRuleSet) rules = em_rule_set_new_builtin (EM_RULE_SET_DEFAULT_ID, error);
  g_autoptr(EmTariffTable) table = rules ? em_tariff_table_new_builtin (error) : NULL;
  g_autoptr(EmTariffSchedule) schedule =
      table ? em_tariff_schedule_new_builtin (EM_TARIFF_SCHEDULE_DEFAULT_ID, error) : NULL;

  if (schedule == NULL)
    return NULL;
  return em_evaluator_new (rules, table, schedule);
}

EmRuleSet *
em_evaluator_get_rules (EmEvaluator *self)
{
  g_return_val_if_fail (EM_IS_EVALUATOR (self), NULL);
  return self->rules;
}

EmTariffTable *
em_evaluator_get_table (EmEvaluator *self)
{
  g_return_val_if_fail (EM_IS_EVALUATOR (self), NULL);
  return self->table;
}

EmTariffSchedule *
em_evaluator_get_schedule (EmEvaluator *self)
{
  g_return_val_if_fail (EM_IS_EVALUATOR (self), NULL);
  return self->schedule;
}

static EmEvaluation *
evaluate_capacity (EmEvaluator *self, EmCapacityCase *input, GError **error)
{
  g_autoptr(EmCapacityVerdict) verdict = em_capacity_evaluate (input, self->rules, error);
  EmEvaluation *evaluation;

  if (verdict == NULL)
    return NULL;
  evaluation = evaluation_new (EM_CASE_KIND_CAPACIDAD, verdict,
                               em_json_out_text ((EmJsonWriteFunc) em_capacity_case_write, input),
                               em_json_out_text ((EmJsonWriteFunc) em_capacity_verdict_write, verdict),
                               em_rule_set_get_id (self->rules), em_rule_set_get_sha256 (self->rules));
  evaluation->record.result = em_capacity_result_to_string (em_capacity_verdict_get_result (verdict));
  evaluation->record.name = keep (evaluation, 4, g_strdup (em_capacity_case_get_text (input, EM_TEXT_NOMBRE)));
  evaluation->record.document = keep (evaluation, 5,
                                      g_strdup (em_capacity_case_get_text (input, EM_TEXT_NUMERO_DOCUMENTO)));
  evaluation->record.radicado = keep (evaluation, 6, g_strdup (em_capacity_case_get_text (input, EM_TEXT_RADICADO)));
  return evaluation;
}

static EmEvaluation *
evaluate_tariff (EmEvaluator *self, EmTariffCase *input, GError **error)
{
  g_autoptr(EmTariffVerdict) verdict = em_tariff_evaluate (input, self->table, self->schedule, error);
  EmEvaluation *evaluation;

  if (verdict == NULL)
    return NULL;
  evaluation = evaluation_new (EM_CASE_KIND_TARIFA, verdict,
                               em_json_out_text ((EmJsonWriteFunc) em_tariff_case_write, input),
                               em_json_out_text ((EmJsonWriteFunc) em_tariff_verdict_write, verdict),
                               em_tariff_schedule_get_id (self->schedule),
                               em_tariff_schedule_get_sha256 (self->schedule));
  evaluation->record.tariff = keep (evaluation, 4, g_strdup_printf ("%" G_GINT64_FORMAT,
                                                                    em_tariff_verdict_get_tarifa (verdict)));
  evaluation->record.name = keep (evaluation, 5, g_strdup (em_tariff_case_get_text (input, EM_TARIFF_TEXT_TITULAR)));
  evaluation->record.expediente = keep (evaluation, 6,
                                        g_strdup (em_tariff_case_get_text (input, EM_TARIFF_TEXT_EXPEDIENTE)));
  return evaluation;
}

EmEvaluation *
em_evaluator_evaluate (EmEvaluator        *self,
                       EmCaseKind          kind,
                       const EmFlatObject *input,
                       const char * const *ignored_keys,
                       GError            **error)
{
  g_return_val_if_fail (EM_IS_EVALUATOR (self), NULL);

  if (kind == EM_CASE_KIND_CAPACIDAD)
    {
      g_autoptr(EmCapacityCase) capacity = em_capacity_case_new_from_json (input, ignored_keys, error);
      return capacity ? evaluate_capacity (self, capacity, error) : NULL;
    }
  else
    {
      g_autoptr(EmTariffCase) tariff = em_tariff_case_new_from_json (input, ignored_keys, error);
      return tariff ? evaluate_tariff (self, tariff, error) : NULL;
    }
}

/* A stored (or new) input as JSON text; @with_aval marks that an aval
 * financiero was presented (capacity only). */
EmEvaluation *
em_evaluator_evaluate_text (EmEvaluator *self,
                            EmCaseKind   kind,
                            const char  *input_json,
                            gboolean     with_aval,
                            GError     **error)
{
  g_autoptr(EmFlatObject) object = em_flat_object_parse (input_json, -1, error);
  g_autoptr(EmCapacityCase) capacity = NULL;

  if (object == NULL)
    return NULL;
  if (kind != EM_CASE_KIND_CAPACIDAD || !with_aval)
    return em_evaluator_evaluate (self, kind, object, NULL, error);
  capacity = em_capacity_case_new_from_json (object, NULL, error);
  if (capacity == NULL)
    return NULL;
  em_capacity_case_set_aval_financiero (capacity, TRUE);
  return evaluate_capacity (self, capacity, error);
}
