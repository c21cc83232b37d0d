/* fuzz-evaluate.h — a case from one JSON line, as `casos importar` reads it
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The flat object → the case → the engine → the result as JSON text.  What
 * the store keeps of a case (its canonical input) must evaluate again to
 * the very same result, as a subsanación or an aval re-evaluates it.
 */
#pragma once

#include "em-case-evaluation.h"
#include "fuzz-util.h"

static EmEvaluator *fuzz_evaluator;

static inline void
fuzz_evaluate_init (void)
{
  fuzz_init ();
  fuzz_evaluator = em_evaluator_new_default (NULL);
  FUZZ_CHECK (fuzz_evaluator != NULL);
}

static inline char *
fuzz_to_json (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  json_generator_set_root (generator, node);
  json_generator_set_pretty (generator, TRUE);
  return json_generator_to_data (generator, NULL);
}

static inline void
fuzz_evaluate (EmCaseKind kind, const uint8_t *data, size_t size)
{
  g_autofree char *text = size > 0 ? g_memdup2 (data, size) : g_strdup ("");
  g_autoptr(GError) error = NULL;
  g_autoptr(EmFlatObject) object = em_flat_object_parse (text, size, &error);
  g_autoptr(EmEvaluation) evaluation = NULL;
  g_autoptr(EmEvaluation) again = NULL;
  g_autoptr(EmEvaluation) with_aval = NULL;
  g_autofree char *shown = NULL;
  const EmEvaluationRecord *record;

  if (object == NULL)
    {
      FUZZ_CHECK (error != NULL);
      return;
    }
  evaluation = em_evaluator_evaluate (fuzz_evaluator, kind, object, NULL, &error);
  if (evaluation == NULL)
    {
      FUZZ_CHECK (error != NULL);
      return;
    }
  record = em_evaluation_get_record (evaluation);
  FUZZ_CHECK (g_utf8_validate (record->input_json, -1, NULL) && g_utf8_validate (record->result_json, -1, NULL));
  shown = fuzz_to_json (em_evaluation_get_result (evaluation));
  again = em_evaluator_evaluate_text (fuzz_evaluator, kind, record->input_json, FALSE, NULL);
  FUZZ_CHECK (again != NULL);
  FUZZ_CHECK (g_str_equal (em_evaluation_get_record (again)->result_json, record->result_json));
  FUZZ_CHECK (g_str_equal (em_evaluation_get_record (again)->input_json, record->input_json));
  with_aval = em_evaluator_evaluate_text (fuzz_evaluator, kind, record->input_json, TRUE, NULL);
}
