/* em-tariff-charge.c — the three criteria of annex Tabla 3
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * 1. A title with a safety measure (suspensión or cierre), any stage: every
 *    inspection that verifies the lifting of the measure is charged.
 * 2. Underground title authorised to exploit, compliance level bajo: the
 *    SGR covers the first 2 inspections; the 3rd and later are charged.
 * 3. Surface title (cielo abierto, arrastre) authorised to exploit, level
 *    bajo: the SGR covers the first; the 2nd and later are charged.
 * Otherwise the inspection is not charged.  The case is validated first,
 * so a title under criteria 2 or 3 always has its system.
 */
#define G_LOG_DOMAIN "em-tariff-charge"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "em-tariff-charge.h"

void
em_tariff_charge_clear (EmTariffCharge *charge)
{
  g_clear_pointer (&charge->explanation, g_free);
  g_clear_pointer (&charge->note, g_free);
}

static void
decide_measure (EmTariffCase *input, EmTariffCharge *out)
{
  out->charged = TRUE;
  out->criterion = out->applicable = 1;
  out->explanation = g_strdup_printf (_("El título tiene una medida de seguridad (%s) y esta "
                                        "inspección verifica su levantamiento: se cobran todas las "
                                        "inspecciones necesarias hasta levantarla (criterio 1)."),
                                      em_medida_get_label (em_tariff_case_get_medida_seguridad (input)));
}

static char *
explain_underground (gboolean charged, const char *ordinal)
{
  if (charged)
    return g_strdup_printf (_("Título de minería subterránea autorizado para explotar con nivel de "
                              "cumplimiento bajo (criterio 2): el SGR cubre las dos primeras "
                              "inspecciones y esta es la %s, así que se cobra."), ordinal);
  return g_strdup_printf (_("Título de minería subterránea autorizado para explotar con nivel de "
                            "cumplimiento bajo (criterio 2): las dos primeras inspecciones las "
                            "cubre el SGR; esta es la %s."), ordinal);
}

static char *
explain_surface (gboolean charged, EmSistema sistema, const char *ordinal)
{
  if (charged)
    return g_strdup_printf (_("Título de minería de superficie (%s) autorizado para explotar con "
                              "nivel de cumplimiento bajo (criterio 3): el SGR cubre la primera "
                              "inspección y esta es la %s, así que se cobra."),
                            em_sistema_get_label (sistema), ordinal);
  return g_strdup_printf (_("Título de minería de superficie (%s) autorizado para explotar con "
                            "nivel de cumplimiento bajo (criterio 3): la primera inspección la "
                            "cubre el SGR; esta es la %s."),
                          em_sistema_get_label (sistema), ordinal);
}

/* Criteria 2 and 3: the SGR covers the first inspections of the programming. */
static void
decide_ordinal (EmTariffCase *input, EmTariffCharge *out)
{
  EmSistema sistema = em_tariff_case_get_sistema (input);
  gboolean underground = sistema == EM_SISTEMA_SUBTERRANEO;
  guint covered = underground ? EM_SGR_COVERED_UNDERGROUND : EM_SGR_COVERED_SURFACE;
  guint number = em_tariff_case_get_numero_inspeccion (input);
  g_autofree char *ordinal = em_ordinal_feminine (number);

  g_assert (sistema != EM_SISTEMA_NONE);
  out->applicable = underground ? 2 : 3;
  out->charged = number > covered;
  out->criterion = out->charged ? out->applicable : 0;
  out->explanation = underground ? explain_underground (out->charged, ordinal)
                                 : explain_surface (out->charged, sistema, ordinal);
}

static void
decide_none (EmTariffCase *input, gboolean authorised, EmTariffCharge *out)
{
  g_autofree char *second = NULL;
  const char *first;

  if (em_tariff_case_get_medida_seguridad (input) == EM_MEDIDA_NINGUNA)
    first = _("el título no tiene medida de seguridad");
  else
    first = _("esta inspección no verifica el levantamiento de la medida de seguridad");
  if (!authorised)
    second = g_strdup (_("el título no está autorizado para explotar"));
  else
    second = g_strdup_printf (_("el nivel de cumplimiento del título es %s, no bajo"),
                              em_nivel_get_label (em_tariff_case_get_nivel_cumplimiento (input)));
  out->explanation = g_strdup_printf (_("No es objeto de cobro: %s (criterio 1) y %s (criterios 2 y 3)."),
                                      first, second);
}

/* Decides on a validated case (em_tariff_case_validate). */
void
em_tariff_charge_decide (EmTariffCase   *input,
                         EmTariffCharge *out)
{
  EmMedida medida = em_tariff_case_get_medida_seguridad (input);
  gboolean authorised = em_tariff_case_get_autorizado_explotar (input);

  g_return_if_fail (EM_IS_TARIFF_CASE (input));

  memset (out, 0, sizeof *out);
  if (medida != EM_MEDIDA_NINGUNA && em_tariff_case_get_levantamiento_medida (input))
    decide_measure (input, out);
  else if (!authorised || em_tariff_case_get_nivel_cumplimiento (input) != EM_NIVEL_BAJO)
    decide_none (input, authorised, out);
  else
    decide_ordinal (input, out);
  if (medida != EM_MEDIDA_NINGUNA && out->applicable > 1)
    out->note = g_strdup_printf (_("El título tiene una medida de seguridad (%s), pero esta "
                                   "inspección no verifica su levantamiento: el criterio 1 no aplica."),
                                 em_medida_get_label (medida));
}
