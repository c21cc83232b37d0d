/* em-capacity-case.h — an applicant's figures for the capacity evaluation
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "em-money.h"

G_BEGIN_DECLS

typedef enum
{
  EM_REGIMEN_NONE,
  EM_REGIMEN_SIMPLIFICADO,
  EM_REGIMEN_COMUN,
} EmRegimen;

typedef enum
{
  EM_TRAMITE_NONE,
  EM_TRAMITE_INSCRIPCION,
  EM_TRAMITE_RENOVACION,
} EmTramite;

typedef enum
{
  EM_PERSONA_NONE,
  EM_PERSONA_NATURAL,
  EM_PERSONA_JURIDICA,
} EmTipoPersona;

typedef enum
{
  EM_ROL_NONE,
  EM_ROL_COMERCIALIZADOR,
  EM_ROL_PLANTA_BENEFICIO,
} EmRol;

/* The amounts of CONTRACT.md, in the order of its table. */
typedef enum
{
  EM_AMOUNT_INGRESOS_ULTIMO_ANO,
  EM_AMOUNT_SALDO_PROMEDIO,
  EM_AMOUNT_CUENTAS_POR_COBRAR,
  EM_AMOUNT_INVENTARIO,
  EM_AMOUNT_CUENTAS_POR_PAGAR,
  EM_AMOUNT_MONTO_COMERCIALIZACION,
  EM_AMOUNT_ACTIVO_CORRIENTE,
  EM_AMOUNT_PASIVO_CORRIENTE,
  EM_AMOUNT_ACTIVO_TOTAL,
  EM_AMOUNT_PASIVO_TOTAL,
  EM_AMOUNT_INGRESOS_OPERACIONALES,
  EM_N_AMOUNTS,
} EmAmount;

/* Identification texts. */
typedef enum
{
  EM_TEXT_RADICADO,
  EM_TEXT_NOMBRE,
  EM_TEXT_TIPO_DOCUMENTO,
  EM_TEXT_NUMERO_DOCUMENTO,
  EM_N_TEXTS,
} EmText;

#define EM_TYPE_CAPACITY_CASE (em_capacity_case_get_type ())
G_DECLARE_FINAL_TYPE (EmCapacityCase, em_capacity_case, EM, CAPACITY_CASE, GObject)

EmCapacityCase *em_capacity_case_new             (void);
EmCapacityCase *em_capacity_case_copy            (EmCapacityCase *self);

const char     *em_amount_get_field_name         (EmAmount        amount);
const char     *em_amount_get_label              (EmAmount        amount);
EmRegimen       em_amount_get_regimen            (EmAmount        amount);
const char     *em_text_get_field_name           (EmText          text);
const char     *em_capacity_field_label          (const char     *field);
const char     *em_regimen_to_string             (EmRegimen       regimen);
const char     *em_tramite_to_string             (EmTramite       tramite);
const char     *em_tipo_persona_to_string        (EmTipoPersona   tipo);
const char     *em_rol_to_string                 (EmRol           rol);

EmRegimen       em_capacity_case_get_regimen     (EmCapacityCase *self);
void            em_capacity_case_set_regimen     (EmCapacityCase *self,
                                                  EmRegimen       regimen);
EmTramite       em_capacity_case_get_tramite     (EmCapacityCase *self);
void            em_capacity_case_set_tramite     (EmCapacityCase *self,
                                                  EmTramite       tramite);
EmTipoPersona   em_capacity_case_get_tipo_persona (EmCapacityCase *self);
void            em_capacity_case_set_tipo_persona (EmCapacityCase *self,
                                                  EmTipoPersona   tipo);
EmRol           em_capacity_case_get_rol         (EmCapacityCase *self);
void            em_capacity_case_set_rol         (EmCapacityCase *self,
                                                  EmRol           rol);
gboolean        em_capacity_case_get_fecha_radicacion (EmCapacityCase *self,
                                                  GDate          *out);
void            em_capacity_case_set_fecha_radicacion (EmCapacityCase *self,
                                                  const GDate    *date);
const char     *em_capacity_case_get_text        (EmCapacityCase *self,
                                                  EmText          text);
void            em_capacity_case_set_text        (EmCapacityCase *self,
                                                  EmText          text,
                                                  const char     *value);
gboolean        em_capacity_case_get_amount      (EmCapacityCase *self,
                                                  EmAmount        amount,
                                                  EmMoney        *out);
void            em_capacity_case_set_amount      (EmCapacityCase *self,
                                                  EmAmount        amount,
                                                  EmMoney         value);
void            em_capacity_case_unset_amount    (EmCapacityCase *self,
                                                  EmAmount        amount);
gboolean        em_capacity_case_get_aval_financiero (EmCapacityCase *self);
void            em_capacity_case_set_aval_financiero (EmCapacityCase *self,
                                                  gboolean        aval);
gboolean        em_capacity_case_validate        (EmCapacityCase *self,
                                                  GError        **error);

G_END_DECLS
