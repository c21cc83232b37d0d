/* em-tariff-charge.h — is the inspection charged? (annex Tabla 3)
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "em-tariff-case.h"

G_BEGIN_DECLS

/* Inspections the Sistema General de Regalías pays for before charging
 * starts (annex Tabla 3, criteria 2 and 3). */
#define EM_SGR_COVERED_UNDERGROUND 2
#define EM_SGR_COVERED_SURFACE     1

typedef struct
{
  gboolean  charged;
  guint     criterion;    /* 1, 2 or 3 when charged; 0 when not */
  guint     applicable;   /* the criterion the title falls under, even when the
                           * SGR covers this inspection; 0 when none */
  char     *explanation;  /* one sentence: why it is or is not charged */
  char     *note;         /* context the sentence leaves out, or NULL */
} EmTariffCharge;

void em_tariff_charge_decide (EmTariffCase   *input,
                              EmTariffCharge *out);
void em_tariff_charge_clear  (EmTariffCharge *charge);

G_END_DECLS
