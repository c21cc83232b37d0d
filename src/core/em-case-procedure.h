/* em-case-procedure.h — the states of a case and what may happen next
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  EM_CASE_KIND_CAPACIDAD,
  EM_CASE_KIND_TARIFA,
} EmCaseKind;

typedef enum
{
  EM_CASE_STATE_EVALUADO,
  EM_CASE_STATE_REQUERIMIENTO_EMITIDO,
  EM_CASE_STATE_SUBSANADO,
  EM_CASE_STATE_RECHAZADO,
  EM_CASE_STATE_ANULADO,
  EM_N_CASE_STATES,
} EmCaseState;

typedef enum
{
  EM_CASE_ACTION_EMITIR_REQUERIMIENTO,
  EM_CASE_ACTION_REGISTRAR_SUBSANACION,
  EM_CASE_ACTION_REGISTRAR_AVAL,
  EM_CASE_ACTION_RECHAZAR,
  EM_CASE_ACTION_ANULAR,
  EM_N_CASE_ACTIONS,
} EmCaseAction;

#define EM_PROCEDURE_ERROR (em_procedure_error_quark ())

typedef enum
{
  EM_PROCEDURE_ERROR_NOT_ALLOWED,
} EmProcedureError;

/* What the procedure needs to know of a case. */
typedef struct
{
  EmCaseKind   kind;
  EmCaseState  state;
  const char  *result;             /* capacity result id, NULL for tariffs */
  gboolean     requerimiento;      /* a requerimiento was already issued */
} EmProcedureFacts;

GQuark       em_procedure_error_quark     (void);

const char  *em_case_kind_to_string       (EmCaseKind    kind);
gboolean     em_case_kind_parse           (const char   *text,
                                           EmCaseKind   *out);
const char  *em_case_state_to_string      (EmCaseState   state);
gboolean     em_case_state_parse          (const char   *text,
                                           EmCaseState  *out);
const char  *em_case_state_describe       (EmCaseState   state);
const char  *em_case_action_to_string     (EmCaseAction  action);
gboolean     em_case_action_parse         (const char   *text,
                                           EmCaseAction *out);
const char  *em_case_action_describe      (EmCaseAction  action);

gboolean     em_procedure_allows          (const EmProcedureFacts *facts,
                                           EmCaseAction            action,
                                           GError                **error);
EmCaseState  em_procedure_state_after     (EmCaseKind    kind,
                                           const char   *result,
                                           gboolean      after_subsanacion);

G_END_DECLS
