/* em-case-procedure.c — the procedure of Res. ANM 208/2017 as a state machine
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pure functions, no storage: the store asks them before every change.
 *   evaluado ──(información incompleta) emitir requerimiento──▶ requerimiento emitido
 *   requerimiento emitido ──registrar subsanación, re-evaluate──▶ subsanado,
 *                          or rechazado if still incomplete (art. 2 parágrafo 1)
 *   requerimiento emitido ──rechazar (no subsanó)──▶ rechazado
 *   no cumple ──▶ rechazado at once (simplificado: art. 5 parágrafo 2, not
 *                 subsanable; común: endeudamiento cannot be covered)
 *   requiere aval ──registrar aval, re-evaluate──▶ same state, new verdict
 *   any state but anulado ──anular (with a reason)──▶ anulado
 * Only one requerimiento per case: a second one is refused.
 */
#define G_LOG_DOMAIN "em-case-procedure"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "em-case-procedure.h"

G_DEFINE_QUARK (em-procedure-error-quark, em_procedure_error)

static const char * const kind_ids[] = { "capacidad", "tarifa", NULL };
static const char * const state_ids[] = {
  "evaluado", "requerimiento_emitido", "subsanado", "rechazado", "anulado", NULL
};
static const char * const state_words[] = {
  N_("Evaluado"), N_("Requerimiento emitido"), N_("Subsanado"), N_("Rechazado"), N_("Anulado"),
};
static const char * const action_ids[] = {
  "emitir_requerimiento", "registrar_subsanacion", "registrar_aval", "rechazar", "anular", NULL
};
static const char * const action_words[] = {
  N_("Emitir requerimiento"), N_("Registrar subsanación"), N_("Registrar aval financiero"),
  N_("Rechazar por no subsanar"), N_("Anular"),
};

static gboolean
parse_id (const char * const *ids, const char *text, guint *out)
{
  for (guint i = 0; ids[i] != NULL; i++)
    if (g_strcmp0 (ids[i], text) == 0)
      return *out = i, TRUE;
  return FALSE;
}

const char *
em_case_kind_to_string (EmCaseKind kind)
{
  g_return_val_if_fail (kind <= EM_CASE_KIND_TARIFA, NULL);
  return kind_ids[kind];
}

gboolean
em_case_kind_parse (const char *text, EmCaseKind *out)
{
  guint value;

  return parse_id (kind_ids, text, &value) && (*out = value, TRUE);
}

const char *
em_case_state_to_string (EmCaseState state)
{
  g_return_val_if_fail (state < EM_N_CASE_STATES, NULL);
  return state_ids[state];
}

gboolean
em_case_state_parse (const char *text, EmCaseState *out)
{
  guint value;

  return parse_id (state_ids, text, &value) && (*out = value, TRUE);
}

const char *
em_case_state_describe (EmCaseState state)
{
  g_return_val_if_fail (state < EM_N_CASE_STATES, NULL);
  return _(state_words[state]);
}

const char *
em_case_action_to_string (EmCaseAction action)
{
  g_return_val_if_fail (action < EM_N_CASE_ACTIONS, NULL);
  return action_ids[action];
}

gboolean
em_case_action_parse (const char *text, EmCaseAction *out)
{
  guint value;

  return parse_id (action_ids, text, &value) && (*out = value, TRUE);
}

const char *
em_case_action_describe (EmCaseAction action)
{
  g_return_val_if_fail (action < EM_N_CASE_ACTIONS, NULL);
  return _(action_words[action]);
}

static gboolean
refuse (GError **error, const char *message)
{
  g_set_error_literal (error, EM_PROCEDURE_ERROR, EM_PROCEDURE_ERROR_NOT_ALLOWED, message);
  return FALSE;
}

static gboolean
allows_requerimiento (const EmProcedureFacts *facts, GError **error)
{
  if (facts->requerimiento)
    return refuse (error, _("Ya se emitió un requerimiento para este caso: el solicitante solo puede "
                            "subsanar una vez (Res. ANM 208/2017, art. 2 parágrafo 1)."));
  if (facts->state != EM_CASE_STATE_EVALUADO
      || g_strcmp0 (facts->result, "informacion_incompleta") != 0)
    return refuse (error, _("Solo se emite un requerimiento cuando la evaluación da información incompleta."));
  return TRUE;
}

static gboolean
allows_aval (const EmProcedureFacts *facts, GError **error)
{
  if ((facts->state != EM_CASE_STATE_EVALUADO && facts->state != EM_CASE_STATE_SUBSANADO)
      || g_strcmp0 (facts->result, "requiere_aval") != 0)
    return refuse (error, _("Solo se registra un aval financiero cuando la evaluación lo requiere."));
  return TRUE;
}

gboolean
em_procedure_allows (const EmProcedureFacts *facts,
                     EmCaseAction            action,
                     GError                **error)
{
  g_return_val_if_fail (facts != NULL, FALSE);

  if (facts->state == EM_CASE_STATE_ANULADO)
    return refuse (error, _("El caso está anulado: no admite más trámites."));
  if (action == EM_CASE_ACTION_ANULAR)
    return TRUE;
  if (facts->kind != EM_CASE_KIND_CAPACIDAD)
    return refuse (error, _("Los casos de tarifa solo se pueden anular."));
  switch (action)
    {
    case EM_CASE_ACTION_EMITIR_REQUERIMIENTO:
      return allows_requerimiento (facts, error);
    case EM_CASE_ACTION_REGISTRAR_SUBSANACION:
    case EM_CASE_ACTION_RECHAZAR:
      return facts->state == EM_CASE_STATE_REQUERIMIENTO_EMITIDO
             || refuse (error, _("Primero debe emitirse un requerimiento."));
    case EM_CASE_ACTION_REGISTRAR_AVAL:
      return allows_aval (facts, error);
    case EM_CASE_ACTION_ANULAR:
    case EM_N_CASE_ACTIONS:
    default:
      g_assert_not_reached ();
    }
}

/* The state a (re-)evaluation leaves the case in. */
EmCaseState
em_procedure_state_after (EmCaseKind  kind,
                          const char *result,
                          gboolean    after_subsanacion)
{
  if (kind == EM_CASE_KIND_TARIFA)
    return EM_CASE_STATE_EVALUADO;
  if (g_strcmp0 (result, "no_cumple") == 0)
    return EM_CASE_STATE_RECHAZADO;
  if (after_subsanacion)
    return g_strcmp0 (result, "informacion_incompleta") == 0
           ? EM_CASE_STATE_RECHAZADO : EM_CASE_STATE_SUBSANADO;
  return EM_CASE_STATE_EVALUADO;
}
