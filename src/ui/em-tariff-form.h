/* em-tariff-form.h — the tariff form's logic, without widgets
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "em-tariff-case.h"
#include "em-tariff-schedule.h"
#include "em-tariff-table.h"

G_BEGIN_DECLS

/* The inputs of the form that a stage can enable, disable or mark. */
typedef enum
{
  EM_TARIFF_FIELD_ETAPA,
  EM_TARIFF_FIELD_AREA,
  EM_TARIFF_FIELD_GRUPO,
  EM_TARIFF_FIELD_SISTEMA,
  EM_TARIFF_FIELD_PRODUCCION,
  EM_TARIFF_FIELD_PIN,
  EM_TARIFF_FIELD_AUTORIZADO,
  EM_TARIFF_FIELD_MEDIDA,
  EM_TARIFF_FIELD_LEVANTAMIENTO,
  EM_TARIFF_FIELD_NIVEL,
  EM_TARIFF_FIELD_NUMERO,
  EM_N_TARIFF_FIELDS,
} EmTariffField;

/* What the form holds, as typed: quantities and the inspection number are
 * the entries' texts ("1.234,5", "60.000"), choices are the enums (0 when
 * nothing is chosen). */
typedef struct
{
  char           *expediente;
  char           *titular;
  EmEtapa         etapa;
  char           *area;
  EmGrupoMineral  grupo;
  EmSistema       sistema;
  char           *produccion;
  gboolean        pin;
  gboolean        autorizado;
  EmMedida        medida;
  gboolean        levantamiento;
  EmNivel         nivel;
  char           *numero;
} EmTariffForm;

/* Which inputs matter for the title as filled in so far. */
typedef struct
{
  gboolean enabled[EM_N_TARIFF_FIELDS];
} EmTariffFormState;

/* The form evaluated: either field errors, or what is still missing, or
 * the engine's result (CONTRACT.md JSON, with its basis). */
typedef struct
{
  char         *errors[EM_N_TARIFF_FIELDS];  /* the message under a field, or NULL */
  char         *missing;                     /* why there is no result yet, or NULL */
  EmTariffCase *input;                       /* what was evaluated, or NULL */
  JsonNode     *result;                      /* the verdict, or NULL */
} EmTariffOutcome;

const char      *em_tariff_field_to_string   (EmTariffField       field);
const char      *em_tariff_field_get_label   (EmTariffField       field);
gboolean         em_tariff_field_parse       (const char         *text,
                                              EmTariffField      *out);

gboolean         em_tariff_parse_quantity    (const char         *text,
                                              EmDecimal          *out,
                                              GError            **error);
char            *em_tariff_production_unit   (EmTariffTable      *table,
                                              EmGrupoMineral      grupo,
                                              EmSistema           sistema);

void             em_tariff_form_clear        (EmTariffForm       *form);
void             em_tariff_form_copy         (const EmTariffForm *form,
                                              EmTariffForm       *out);
gboolean         em_tariff_form_is_blank     (const EmTariffForm *form);
void             em_tariff_form_from_case    (EmTariffForm       *form,
                                              EmTariffCase       *input);
void             em_tariff_form_get_state    (const EmTariffForm *form,
                                              EmTariffFormState  *out);
EmTariffOutcome *em_tariff_form_evaluate     (const EmTariffForm *form,
                                              EmTariffTable      *table,
                                              EmTariffSchedule   *schedule);
gboolean         em_tariff_outcome_has_errors (const EmTariffOutcome *outcome);
void             em_tariff_outcome_free      (EmTariffOutcome    *outcome);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (EmTariffForm, em_tariff_form_clear)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EmTariffOutcome, em_tariff_outcome_free)

G_END_DECLS
