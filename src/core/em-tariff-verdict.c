/* em-tariff-verdict.c — an immutable tariff verdict
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built once by the engine (em-tariff-verdict-private.h), then read-only.
 * Components keep their exact amounts; valor_inspeccion is their exact sum
 * rounded half-up to whole pesos, never a sum of rounded components, and
 * the tarifa is that value only when the inspection is charged.
 */
#define G_LOG_DOMAIN "em-tariff-verdict"

#include "config.h"

#include <string.h>

#include "em-tariff-verdict-private.h"

struct _EmTariffVerdict
{
  GObject            parent_instance;
  EmTariffSchedule  *schedule;
  EmTariffTable     *table;
  EmTitleKeys        keys;
  EmClassification   classification;
  EmTariffCharge     charge;
  EmComponentResult  components[EM_N_COMPONENTS];
  GArray            *days;            /* EmInspectionDays */
  GPtrArray         *observations;    /* NULL-terminated */
};

G_DEFINE_FINAL_TYPE (EmTariffVerdict, em_tariff_verdict, G_TYPE_OBJECT)

static void
em_tariff_verdict_finalize (GObject *object)
{
  EmTariffVerdict *self = EM_TARIFF_VERDICT (object);

  g_clear_object (&self->schedule);
  g_clear_object (&self->table);
  em_tariff_charge_clear (&self->charge);
  g_clear_pointer (&self->days, g_array_unref);
  g_ptr_array_unref (self->observations);
  G_OBJECT_CLASS (em_tariff_verdict_parent_class)->finalize (object);
}

static void
em_tariff_verdict_class_init (EmTariffVerdictClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = em_tariff_verdict_finalize;
}

static void
em_tariff_verdict_init (EmTariffVerdict *self)
{
  self->days = g_array_new (FALSE, TRUE, sizeof (EmInspectionDays));
  self->observations = g_ptr_array_new_null_terminated (4, g_free, TRUE);
}

EmTariffVerdict *
em_tariff_verdict_new (EmTariffSchedule       *schedule,
                       EmTariffTable          *table,
                       const EmTitleKeys      *keys,
                       const EmClassification *classification)
{
  EmTariffVerdict *self = g_object_new (EM_TYPE_TARIFF_VERDICT, NULL);

  self->schedule = g_object_ref (schedule);
  self->table = g_object_ref (table);
  self->keys = *keys;
  self->classification = *classification;
  return self;
}

/* Takes the strings of @charge; @charge is left empty. */
void
em_tariff_verdict_take_charge (EmTariffVerdict *self,
                               EmTariffCharge  *charge)
{
  em_tariff_charge_clear (&self->charge);
  self->charge = *charge;
  memset (charge, 0, sizeof *charge);
}

void
em_tariff_verdict_set_component (EmTariffVerdict         *self,
                                 const EmComponentResult *result)
{
  g_assert (result->component < EM_N_COMPONENTS);
  g_assert (result->amount.den == EM_TARIFF_AMOUNT_DEN);
  self->components[result->component] = *result;
}

void
em_tariff_verdict_take_days (EmTariffVerdict *self,
                             GArray          *days)
{
  g_array_unref (self->days);
  self->days = days;
}

void
em_tariff_verdict_add_observation (EmTariffVerdict *self,
                                   const char      *text)
{
  g_ptr_array_add (self->observations, g_strdup (text));
}

EmTariffSchedule *
em_tariff_verdict_get_schedule (EmTariffVerdict *self)
{
  g_return_val_if_fail (EM_IS_TARIFF_VERDICT (self), NULL);
  return self->schedule;
}

EmTariffTable *
em_tariff_verdict_get_table (EmTariffVerdict *self)
{
  g_return_val_if_fail (EM_IS_TARIFF_VERDICT (self), NULL);
  return self->table;
}

const EmTitleKeys *
em_tariff_verdict_get_title_keys (EmTariffVerdict *self)
{
  g_return_val_if_fail (EM_IS_TARIFF_VERDICT (self), NULL);
  return &self->keys;
}

const EmClassification *
em_tariff_verdict_get_classification (EmTariffVerdict *self)
{
  g_return_val_if_fail (EM_IS_TARIFF_VERDICT (self), NULL);
  return &self->classification;
}

const EmTariffCharge *
em_tariff_verdict_get_charge (EmTariffVerdict *self)
{
  g_return_val_if_fail (EM_IS_TARIFF_VERDICT (self), NULL);
  return &self->charge;
}

const EmComponentResult *
em_tariff_verdict_get_component (EmTariffVerdict   *self,
                                 EmTariffComponent  component)
{
  g_return_val_if_fail (EM_IS_TARIFF_VERDICT (self) && component < EM_N_COMPONENTS, NULL);
  return &self->components[component];
}

EmRatio
em_tariff_verdict_get_exact_total (EmTariffVerdict *self)
{
  EmRatio total = { 0, EM_TARIFF_AMOUNT_DEN };

  g_return_val_if_fail (EM_IS_TARIFF_VERDICT (self), total);

  for (guint i = 0; i < EM_N_COMPONENTS; i++)
    total.num += self->components[i].amount.num;
  return total;
}

/* The exact sum rounded half-up to whole pesos. */
gint64
em_tariff_verdict_get_valor_inspeccion (EmTariffVerdict *self)
{
  g_return_val_if_fail (EM_IS_TARIFF_VERDICT (self), 0);
  return em_ratio_round (em_tariff_verdict_get_exact_total (self), 0);
}

gint64
em_tariff_verdict_get_tarifa (EmTariffVerdict *self)
{
  g_return_val_if_fail (EM_IS_TARIFF_VERDICT (self), 0);
  return self->charge.charged ? em_tariff_verdict_get_valor_inspeccion (self) : 0;
}

guint
em_tariff_verdict_get_n_days (EmTariffVerdict *self)
{
  g_return_val_if_fail (EM_IS_TARIFF_VERDICT (self), 0);
  return self->days->len;
}

const EmInspectionDays *
em_tariff_verdict_get_days (EmTariffVerdict *self,
                            guint            index)
{
  g_return_val_if_fail (EM_IS_TARIFF_VERDICT (self) && index < self->days->len, NULL);
  return &g_array_index (self->days, EmInspectionDays, index);
}

const char * const *
em_tariff_verdict_get_observations (EmTariffVerdict *self)
{
  g_return_val_if_fail (EM_IS_TARIFF_VERDICT (self), NULL);
  return (const char * const *) self->observations->pdata;
}
