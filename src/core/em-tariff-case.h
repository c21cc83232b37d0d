/* em-tariff-case.h — a mining title and one of its field inspections
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "em-number.h"
#include "em-tariff-types.h"

G_BEGIN_DECLS

/* Limits of what can be typed: above them a value is a typo, not a title.
 * 10^12 ha or units per year is far beyond any class bound. */
#define EM_TARIFF_CASE_MAX_QUANTITY   (G_GINT64_CONSTANT (1000000000000) * EM_DECIMAL_ONE)
#define EM_TARIFF_CASE_MAX_INSPECTION 1000

typedef enum
{
  EM_TARIFF_TEXT_EXPEDIENTE,
  EM_TARIFF_TEXT_TITULAR,
  EM_N_TARIFF_TEXTS,
} EmTariffText;

#define EM_TYPE_TARIFF_CASE (em_tariff_case_get_type ())
G_DECLARE_FINAL_TYPE (EmTariffCase, em_tariff_case, EM, TARIFF_CASE, GObject)

EmTariffCase   *em_tariff_case_new                (void);
EmTariffCase   *em_tariff_case_copy               (EmTariffCase   *self);

const char     *em_tariff_text_get_field_name     (EmTariffText    text);

EmEtapa         em_tariff_case_get_etapa          (EmTariffCase   *self);
void            em_tariff_case_set_etapa          (EmTariffCase   *self,
                                                   EmEtapa         etapa);
EmGrupoMineral  em_tariff_case_get_grupo_mineral  (EmTariffCase   *self);
void            em_tariff_case_set_grupo_mineral  (EmTariffCase   *self,
                                                   EmGrupoMineral  grupo);
EmSistema       em_tariff_case_get_sistema        (EmTariffCase   *self);
void            em_tariff_case_set_sistema        (EmTariffCase   *self,
                                                   EmSistema       sistema);
EmMedida        em_tariff_case_get_medida_seguridad (EmTariffCase *self);
void            em_tariff_case_set_medida_seguridad (EmTariffCase *self,
                                                   EmMedida        medida);
EmNivel         em_tariff_case_get_nivel_cumplimiento (EmTariffCase *self);
void            em_tariff_case_set_nivel_cumplimiento (EmTariffCase *self,
                                                   EmNivel         nivel);
gboolean        em_tariff_case_get_pin            (EmTariffCase   *self);
void            em_tariff_case_set_pin            (EmTariffCase   *self,
                                                   gboolean        pin);
gboolean        em_tariff_case_get_levantamiento_medida (EmTariffCase *self);
void            em_tariff_case_set_levantamiento_medida (EmTariffCase *self,
                                                   gboolean        levantamiento);
gboolean        em_tariff_case_get_autorizado_explotar (EmTariffCase *self);
gboolean        em_tariff_case_has_autorizado_explotar (EmTariffCase *self);
void            em_tariff_case_set_autorizado_explotar (EmTariffCase *self,
                                                   gboolean        autorizado);
void            em_tariff_case_unset_autorizado_explotar (EmTariffCase *self);
guint           em_tariff_case_get_numero_inspeccion (EmTariffCase *self);
void            em_tariff_case_set_numero_inspeccion (EmTariffCase *self,
                                                   guint           numero);
gboolean        em_tariff_case_get_area_hectareas (EmTariffCase   *self,
                                                   EmDecimal      *out);
void            em_tariff_case_set_area_hectareas (EmTariffCase   *self,
                                                   EmDecimal       area);
void            em_tariff_case_unset_area_hectareas (EmTariffCase *self);
gboolean        em_tariff_case_get_produccion_anual (EmTariffCase *self,
                                                   EmDecimal      *out);
void            em_tariff_case_set_produccion_anual (EmTariffCase *self,
                                                   EmDecimal       produccion);
void            em_tariff_case_unset_produccion_anual (EmTariffCase *self);
const char     *em_tariff_case_get_text           (EmTariffCase   *self,
                                                   EmTariffText    text);
void            em_tariff_case_set_text           (EmTariffCase   *self,
                                                   EmTariffText    text,
                                                   const char     *value);

gboolean        em_tariff_case_needs_nivel        (EmTariffCase   *self);
gboolean        em_tariff_case_validate           (EmTariffCase   *self,
                                                   GError        **error);

G_END_DECLS
