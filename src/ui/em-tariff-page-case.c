/* em-tariff-page-case.c — the tariff page and the case store
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Saving goes the way of the CLI's «casos importar»: the evaluated case as
 * canonical JSON, evaluated again by the session's evaluator and added to
 * the store with the evaluator's name (em_ui_require_evaluator asks for it
 * when the preferences have none).  «Nuevo» asks before discarding an unsaved evaluation.  A stored
 * case is shown read-only — the form as it was filled, the result as it was
 * stored, its state, its code, whether its history verifies, and its
 * events — and an unsaved evaluation it displaced can be taken up again.
 * What prints is a stored case: the one shown, or the one just saved from
 * the form; an evaluation not yet saved is saved first.
 */
#define G_LOG_DOMAIN "em-tariff-page"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "em-print.h"
#include "em-tariff-json.h"
#include "em-tariff-page-private.h"
#include "em-ui-dialogs.h"

/* ---- Saving -------------------------------------------------------- */

static gint64
add_case (EmTariffPage *self, GError **error)
{
  EmCaseStore *store = em_session_get_store (self->session);
  g_autoptr(JsonNode) input = em_tariff_case_to_json (self->outcome->input);
  g_autofree char *text = json_to_string (input, FALSE);
  g_autoptr(EmEvaluation) evaluation = NULL;

  evaluation = em_evaluator_evaluate_text (em_session_get_evaluator (self->session),
                                           EM_CASE_KIND_TARIFA, text, FALSE, error);
  if (evaluation == NULL)
    return 0;
  return em_case_store_add (store, em_evaluation_get_record (evaluation),
                            em_session_get_evaluator_name (self->session), error);
}

static void
store_case (EmTariffPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *code = NULL;
  g_autofree char *message = NULL;
  gint64 id = add_case (self, &error);

  if (id <= 0)
    {
      message = g_strdup_printf (_("No se guardó el caso: %s"),
                                 error != NULL ? error->message : _("error desconocido"));
      em_tariff_page_show_notice (self, GTK_MESSAGE_ERROR, message, FALSE);
      return;
    }
  code = em_case_store_get_code (em_session_get_store (self->session), id, NULL);
  self->unsaved = FALSE;
  self->saved_id = id;
  em_tariff_page_update_actions (self);
  em_session_cases_changed (self->session, id);
  message = g_strdup_printf (_("✔ Guardado como caso n.º %ld. Código de verificación: %s."),
                             (long) id, code != NULL ? code : "—");
  em_tariff_page_show_notice (self, GTK_MESSAGE_INFO, message, TRUE);
}

void
em_tariff_page_save (EmTariffPage *self)
{
  if (self->session == NULL || em_session_get_store (self->session) == NULL || self->viewing
      || self->outcome == NULL || self->outcome->result == NULL)
    return;
  if (em_ui_require_evaluator (GTK_WIDGET (self), self->session, (EmUiCallback) store_case, self))
    store_case (self);
}

/* ---- Starting anew ------------------------------------------------- */

static void
leave_case (EmTariffPage *self)
{
  self->viewing = FALSE;
  gtk_widget_set_visible (self->case_header, FALSE);
  gtk_widget_set_visible (self->history_section, FALSE);
  gtk_widget_set_sensitive (self->form_box, TRUE);
}

static void
start_new (EmTariffPage *self)
{
  g_auto(EmTariffForm) blank = { 0 };

  em_tariff_form_clear (&self->draft);
  self->has_draft = FALSE;
  if (self->viewing)
    leave_case (self);
  em_tariff_page_write_form (self, &blank);
  self->unsaved = FALSE;
  em_tariff_page_refresh (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->expediente_entry));
}

/* Unsaved work: the form being edited, or the one a stored case displaced. */
static gboolean
has_unsaved_work (EmTariffPage *self)
{
  g_auto(EmTariffForm) form = { 0 };

  if (self->viewing)
    return self->has_draft;
  em_tariff_page_read_form (self, &form);
  return self->unsaved && !em_tariff_form_is_blank (&form);
}

void
em_tariff_page_new (EmTariffPage *self)
{
  if (has_unsaved_work (self))
    em_ui_confirm (GTK_WIDGET (self), _("¿Descartar la evaluación sin guardar?"),
                   _("Los datos de este título no se han guardado como caso. Si empieza una "
                     "evaluación nueva, se pierden."),
                   _("_Descartar"), (EmUiCallback) start_new, self);
  else
    start_new (self);
}

void
em_tariff_page_resume (EmTariffPage *self)
{
  if (!self->viewing || !self->has_draft)
    return;
  leave_case (self);
  em_tariff_page_write_form (self, &self->draft);
  em_tariff_form_clear (&self->draft);
  self->has_draft = FALSE;
  self->unsaved = TRUE;
  em_tariff_page_refresh (self);
}

/* ---- A stored case ------------------------------------------------- */

static gboolean
fail (GError **error, const char *message)
{
  g_set_error_literal (error, EM_STORE_ERROR, EM_STORE_ERROR_FAILED, message);
  return FALSE;
}

static gboolean
load_case (EmCaseStore *store, gint64 id, EmCaseRow *row, EmTariffCase **input, JsonNode **result,
           GError **error)
{
  g_autoptr(EmFlatObject) object = NULL;

  if (!em_case_store_get_row (store, id, row, error))
    return FALSE;
  if (g_strcmp0 (row->kind, "tarifa") != 0)
    return fail (error, _("no es un caso de tarifa de inspección"));
  if ((object = em_flat_object_parse (row->input_json, -1, error)) == NULL
      || (*input = em_tariff_case_new_from_json (object, NULL, error)) == NULL
      || (*result = json_from_string (row->result_json, error)) == NULL)
    return FALSE;
  return JSON_NODE_HOLDS_OBJECT (*result) || fail (error, _("el resultado guardado no es válido"));
}

/* Keeps an unsaved evaluation that a stored case is about to replace. */
static void
keep_draft (EmTariffPage *self)
{
  g_auto(EmTariffForm) form = { 0 };

  if (self->viewing || !self->unsaved)
    return;
  em_tariff_page_read_form (self, &form);
  if (em_tariff_form_is_blank (&form))
    return;
  em_tariff_form_clear (&self->draft);
  em_tariff_form_copy (&form, &self->draft);
  self->has_draft = TRUE;
}

static void
show_stored_form (EmTariffPage *self, EmTariffCase *input)
{
  g_auto(EmTariffForm) form = { 0 };

  em_tariff_form_from_case (&form, input);
  em_tariff_page_write_form (self, &form);
  em_tariff_page_show_form_state (self, &form);
  em_tariff_page_show_field_errors (self, NULL);
  em_tariff_page_release_focus (self, self->form_box, self->case_new_button);
  gtk_widget_set_sensitive (self->form_box, FALSE);
}

static void
show_stored_result (EmTariffPage *self, JsonNode *result)
{
  g_autoptr(EmTariffView) view = em_tariff_view_new (json_node_get_object (result));
  EmTariffSchedule *current = em_evaluator_get_schedule (em_session_get_evaluator (self->session));
  g_autoptr(EmScheduleView) schedule = em_schedule_view_new_stored (view->schedule_id, view->official,
                                                                     current);

  em_tariff_page_show_view (self, view, schedule);
}

static void
show_integrity (EmTariffPage *self, EmCaseStore *store, gint64 id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gboolean verified = em_case_store_verify_case (store, id, &error);
  GtkWidget *label = GTK_WIDGET (self->case_integrity);

  if (verified)
    text = g_strdup (_("✔ El historial verifica: el caso no ha sido alterado desde que se guardó."));
  else
    text = g_strdup_printf (_("✘ El historial NO verifica: %s"), error->message);
  gtk_label_set_text (self->case_integrity, text);
  gtk_widget_remove_css_class (label, verified ? "fail" : "pass");
  gtk_widget_add_css_class (label, verified ? "pass" : "fail");
}

static void
show_case_header (EmTariffPage *self, EmCaseStore *store, gint64 id, const EmCaseRow *row)
{
  g_autofree char *title = g_strdup_printf (_("Caso n.º %ld — solo lectura"), (long) id);
  g_autofree char *moment = em_tariff_describe_moment (row->created);
  g_autofree char *code = em_case_store_get_code (store, id, NULL);
  g_autofree char *code_text = g_strdup_printf (_("Código de verificación: %s"), code ? code : "—");
  g_autofree char *facts = NULL;
  EmCaseState state;

  facts = g_strdup_printf (_("Estado: %s · guardado el %s por %s"),
                           em_case_state_parse (row->state, &state) ? em_case_state_describe (state)
                                                                    : row->state,
                           moment, row->evaluator);
  gtk_label_set_text (self->case_title, title);
  gtk_label_set_text (self->case_facts, facts);
  gtk_label_set_text (self->case_code, code_text);
  show_integrity (self, store, id);
  gtk_widget_set_visible (self->case_header, TRUE);
}

static void
show_history (EmTariffPage *self, EmCaseStore *store, gint64 id)
{
  g_autoptr(GPtrArray) events = em_case_store_get_events (store, id, NULL);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->history_box))) != NULL)
    gtk_box_remove (self->history_box, child);
  for (guint i = 0; events != NULL && i < events->len; i++)
    {
      g_autofree char *text = em_tariff_describe_event (g_ptr_array_index (events, i));
      GtkWidget *label = gtk_label_new (text);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_box_append (self->history_box, label);
    }
  gtk_widget_set_visible (self->history_section, TRUE);
}

void
em_tariff_page_show_case (GtkWidget *page,
                          gint64     id)
{
  EmTariffPage *self = EM_TARIFF_PAGE (page);
  g_auto(EmCaseRow) row = { 0 };
  g_autoptr(EmTariffCase) input = NULL;
  g_autoptr(JsonNode) result = NULL;
  g_autoptr(GError) error = NULL;
  EmCaseStore *store;

  g_return_if_fail (EM_IS_TARIFF_PAGE (page));

  if (self->session == NULL || (store = em_session_get_store (self->session)) == NULL)
    return;
  if (!load_case (store, id, &row, &input, &result, &error))
    {
      g_autofree char *message = g_strdup_printf (_("No se puede mostrar el caso %ld: %s"),
                                                  (long) id, error->message);
      em_tariff_page_show_notice (self, GTK_MESSAGE_ERROR, message, FALSE);
      return;
    }
  keep_draft (self);
  self->viewing = TRUE;
  self->viewing_id = id;
  show_case_header (self, store, id, &row);
  show_stored_form (self, input);
  show_stored_result (self, result);
  show_history (self, store, id);
  em_tariff_page_update_actions (self);
}

/* ---- Printing ------------------------------------------------------ */

/* The stored case the page shows: the one opened, or the one just saved
 * from the form (while the form is as it was saved); 0 when none. */
gint64
em_tariff_page_printable_id (EmTariffPage *self)
{
  gboolean evaluated = self->outcome != NULL && self->outcome->result != NULL;

  if (self->session == NULL || em_session_get_store (self->session) == NULL)
    return 0;
  if (self->viewing)
    return self->viewing_id;
  return !self->unsaved && evaluated ? self->saved_id : 0;
}

static void
notify_exported (EmTariffPage *self, const char *message)
{
  em_tariff_page_show_notice (self, GTK_MESSAGE_INFO, message, FALSE);
}

static void
print_stored (EmTariffPage *self, gint64 id, gboolean to_file)
{
  EmCaseStore *store = em_session_get_store (self->session);

  if (to_file)
    em_print_export_case (GTK_WIDGET (self), store, id, (EmPrintNotify) notify_exported, self);
  else
    em_print_case (GTK_WIDGET (self), store, id);
}

static void
save_then (EmTariffPage *self, gboolean to_file, EmUiCallback again)
{
  gint64 before = self->saved_id;

  if (!em_ui_require_evaluator (GTK_WIDGET (self), self->session, again, self))
    return;
  store_case (self);
  if (self->saved_id != before && em_tariff_page_printable_id (self) == self->saved_id)
    print_stored (self, self->saved_id, to_file);
}

static void
save_then_print (EmTariffPage *self)
{
  save_then (self, FALSE, (EmUiCallback) save_then_print);
}

static void
save_then_export (EmTariffPage *self)
{
  save_then (self, TRUE, (EmUiCallback) save_then_export);
}

void
em_tariff_page_print (EmTariffPage *self,
                      gboolean      to_file)
{
  gint64 id = em_tariff_page_printable_id (self);

  if (id > 0)
    print_stored (self, id, to_file);
  else if (!self->viewing && self->outcome != NULL && self->outcome->result != NULL && self->unsaved
           && self->session != NULL && em_session_get_store (self->session) != NULL)
    em_print_offer_save (GTK_WIDGET (self), to_file,
                         (EmUiCallback) (to_file ? save_then_export : save_then_print), self);
}
