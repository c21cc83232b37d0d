/* em-capacity-verdict.c — an immutable capacity verdict
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built once by the engine (em-capacity-verdict-private.h), then read-only.
 * Each indicator keeps its exact ratio; shown values are derived from it and
 * never decide anything.
 */
#define G_LOG_DOMAIN "em-capacity-verdict"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "em-capacity-verdict-private.h"

struct _EmCapacityVerdict
{
  GObject           parent_instance;
  EmRuleSet        *rules;
  EmRegimen         regimen;
  EmCapacityResult  result;
  GArray           *indicators;     /* EmIndicatorResult */
  gboolean          has_ktno;
  EmRatio           ktno;
  GPtrArray        *missing;        /* NULL-terminated */
  GPtrArray        *observations;
};

G_DEFINE_FINAL_TYPE (EmCapacityVerdict, em_capacity_verdict, G_TYPE_OBJECT)

static const char * const result_ids[] = {
  "cumple", "no_cumple", "requiere_aval", "informacion_incompleta",
};
static const char * const result_words[] = {
  N_("CUMPLE"), N_("NO CUMPLE"), N_("REQUIERE AVAL FINANCIERO"), N_("INFORMACIÓN INCOMPLETA"),
};
static const char * const indicator_labels[EM_N_INDICATORS] = {
  N_("Cobertura de inversión"), N_("Índice de liquidez"),
  N_("Capital de trabajo"), N_("Índice de endeudamiento"),
};

const char *
em_capacity_result_to_string (EmCapacityResult result)
{
  g_return_val_if_fail (result < G_N_ELEMENTS (result_ids), NULL);
  return result_ids[result];
}

const char *
em_capacity_result_describe (EmCapacityResult result)
{
  g_return_val_if_fail (result < G_N_ELEMENTS (result_words), NULL);
  return _(result_words[result]);
}

const char *
em_indicator_get_label (EmIndicatorId id)
{
  g_return_val_if_fail (id < EM_N_INDICATORS, NULL);
  return _(indicator_labels[id]);
}

static void
clear_indicator (gpointer data)
{
  EmIndicatorResult *result = data;

  g_clear_pointer (&result->note, g_free);
}

static void
em_capacity_verdict_finalize (GObject *object)
{
  EmCapacityVerdict *self = EM_CAPACITY_VERDICT (object);

  g_clear_object (&self->rules);
  g_array_unref (self->indicators);
  g_ptr_array_unref (self->missing);
  g_ptr_array_unref (self->observations);
  G_OBJECT_CLASS (em_capacity_verdict_parent_class)->finalize (object);
}

static void
em_capacity_verdict_class_init (EmCapacityVerdictClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = em_capacity_verdict_finalize;
}

static void
em_capacity_verdict_init (EmCapacityVerdict *self)
{
  self->indicators = g_array_new (FALSE, TRUE, sizeof (EmIndicatorResult));
  g_array_set_clear_func (self->indicators, clear_indicator);
  self->missing = g_ptr_array_new_null_terminated (4, g_free, TRUE);
  self->observations = g_ptr_array_new_null_terminated (4, g_free, TRUE);
}

EmCapacityVerdict *
em_capacity_verdict_new (EmRuleSet *rules,
                         EmRegimen  regimen)
{
  EmCapacityVerdict *self = g_object_new (EM_TYPE_CAPACITY_VERDICT, NULL);

  self->rules = g_object_ref (rules);
  self->regimen = regimen;
  return self;
}

EmIndicatorResult *
em_capacity_verdict_add_indicator (EmCapacityVerdict *self,
                                   EmIndicatorId      id,
                                   EmRatio            ratio)
{
  EmIndicatorResult result = { 0 };

  result.id = id;
  result.ratio = ratio;
  result.threshold = em_rule_set_get_threshold (self->rules, id);
  result.passes = em_ratio_satisfies (ratio, result.threshold.op, result.threshold.value);
  result.basis = em_rule_set_get_basis (self->rules, id);
  g_array_append_val (self->indicators, result);
  return &g_array_index (self->indicators, EmIndicatorResult, self->indicators->len - 1);
}

void
em_capacity_verdict_set_result (EmCapacityVerdict *self,
                                EmCapacityResult   result)
{
  self->result = result;
}

void
em_capacity_verdict_set_ktno (EmCapacityVerdict *self,
                              EmRatio            ktno)
{
  self->has_ktno = TRUE;
  self->ktno = ktno;
}

void
em_capacity_verdict_add_missing (EmCapacityVerdict *self,
                                 const char        *field)
{
  for (guint i = 0; i < self->missing->len; i++)
    if (g_str_equal (g_ptr_array_index (self->missing, i), field))
      return;
  g_ptr_array_add (self->missing, g_strdup (field));
}

void
em_capacity_verdict_add_observation (EmCapacityVerdict *self,
                                     const char        *format,
                                     ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (self->observations, g_strdup_vprintf (format, args));
  va_end (args);
}

EmCapacityResult
em_capacity_verdict_get_result (EmCapacityVerdict *self)
{
  g_return_val_if_fail (EM_IS_CAPACITY_VERDICT (self), 0);
  return self->result;
}

EmRegimen
em_capacity_verdict_get_regimen (EmCapacityVerdict *self)
{
  g_return_val_if_fail (EM_IS_CAPACITY_VERDICT (self), 0);
  return self->regimen;
}

EmRuleSet *
em_capacity_verdict_get_rule_set (EmCapacityVerdict *self)
{
  g_return_val_if_fail (EM_IS_CAPACITY_VERDICT (self), NULL);
  return self->rules;
}

guint
em_capacity_verdict_get_n_indicators (EmCapacityVerdict *self)
{
  g_return_val_if_fail (EM_IS_CAPACITY_VERDICT (self), 0);
  return self->indicators->len;
}

const EmIndicatorResult *
em_capacity_verdict_get_indicator (EmCapacityVerdict *self,
                                   guint              index)
{
  g_return_val_if_fail (EM_IS_CAPACITY_VERDICT (self), NULL);
  g_return_val_if_fail (index < self->indicators->len, NULL);
  return &g_array_index (self->indicators, EmIndicatorResult, index);
}

gboolean
em_capacity_verdict_get_ktno (EmCapacityVerdict *self,
                              EmRatio           *out)
{
  g_return_val_if_fail (EM_IS_CAPACITY_VERDICT (self), FALSE);
  if (self->has_ktno && out != NULL)
    *out = self->ktno;
  return self->has_ktno;
}

const char * const *
em_capacity_verdict_get_missing (EmCapacityVerdict *self)
{
  g_return_val_if_fail (EM_IS_CAPACITY_VERDICT (self), NULL);
  return (const char * const *) self->missing->pdata;
}

const char * const *
em_capacity_verdict_get_observations (EmCapacityVerdict *self)
{
  g_return_val_if_fail (EM_IS_CAPACITY_VERDICT (self), NULL);
  return (const char * const *) self->observations->pdata;
}

/* The value with 4 decimals, or NULL when the denominator is zero. */
char *
em_indicator_result_format_value (const EmIndicatorResult *result,
                                  char                     decimal_mark)
{
  if (result->ratio.den == 0)
    return NULL;
  return em_ratio_to_string (result->ratio, 4, decimal_mark);
}
