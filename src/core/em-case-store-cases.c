/* em-case-store-cases.c — storing cases and appending to their history
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every change is one transaction: the case row is written, then an event
 * whose snapshot is the hash of the row's new content, chained to the
 * case's previous event and to the database's previous event.  Cases are
 * never deleted; the procedure (em-case-procedure.c) decides what may happen.
 */
#define G_LOG_DOMAIN "em-case-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include "em-case-store-private.h"
#include "em-flat-json.h"
#include "em-json-writer.h"

#define ROW_COLUMNS EM_STORE_ROW_COLUMNS
#define EVENT_COLUMNS EM_STORE_EVENT_COLUMNS

void
em_store_read_row (sqlite3_stmt *stmt, int first, EmCaseRow *row)
{
  char **fields[] = {
    &row->uuid, &row->kind, &row->state, &row->input_json, &row->rules_id, &row->rules_sha256,
    &row->result_json, &row->result, &row->tariff, &row->name, &row->document, &row->radicado,
    &row->expediente, &row->evaluator, &row->created, &row->updated,
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    *fields[i] = em_store_column_text (stmt, first + i);
  row->requerimiento = sqlite3_column_int (stmt, first + 16);
  row->annulment_reason = em_store_column_text (stmt, first + 17);
}

void
em_store_bind_row (sqlite3_stmt *stmt, int first, const EmCaseRow *row)
{
  const char *fields[] = {
    row->uuid, row->kind, row->state, row->input_json, row->rules_id, row->rules_sha256,
    row->result_json, row->result, row->tariff, row->name ? row->name : "",
    row->document ? row->document : "", row->radicado ? row->radicado : "",
    row->expediente ? row->expediente : "", row->evaluator, row->created, row->updated,
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    em_store_bind_borrowed (stmt, first + i, fields[i]);
  sqlite3_bind_int (stmt, first + 16, row->requerimiento);
  em_store_bind_borrowed (stmt, first + 17, row->annulment_reason);
}

gboolean
em_store_read_event (EmCaseStore  *self,
                     sqlite3_stmt *stmt,
                     EmCaseEvent  *event)
{
  char **fields[] = {
    &event->kind, &event->at, &event->evaluator, &event->detail, &event->snapshot,
    &event->prev_hash, &event->hash, &event->chain,
  };

  event->seq = sqlite3_column_int64 (stmt, 0);
  event->case_uuid = em_store_column_text (stmt, 1);
  event->n = sqlite3_column_int64 (stmt, 2);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    *fields[i] = em_store_column_text (stmt, 3 + i);
  return TRUE;
}

static char *
last_chain (EmCaseStore *self, GError **error)
{
  g_autoptr(EmStoreStmt) stmt = NULL;
  int rc;

  if (self->last_chain != NULL)
    return g_strdup (self->last_chain);
  stmt = em_store_cached (self, "SELECT chain FROM events ORDER BY seq DESC LIMIT 1", error);
  if (stmt == NULL)
    return NULL;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return em_store_column_text (stmt, 0);
  return rc == SQLITE_DONE ? g_strdup ("") : (em_store_fail (self, rc, error), NULL);
}

static gboolean
insert_event (EmCaseStore *self, EmCaseEvent *event, GError **error)
{
  g_autoptr(EmStoreStmt) stmt = em_store_cached (self,
      "INSERT INTO events (case_uuid, n, kind, at, evaluador, detail, snapshot, prev_hash, hash, chain, codigo)"
      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  g_autofree char *code = NULL;
  const char *texts[] = { event->kind, event->at, event->evaluator, event->detail,
                          event->snapshot, event->prev_hash, event->hash, event->chain };

  if (stmt == NULL)
    return FALSE;
  code = em_chain_code (event->hash);
  em_store_bind_borrowed (stmt, 1, event->case_uuid);
  sqlite3_bind_int64 (stmt, 2, event->n);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    em_store_bind_borrowed (stmt, 3 + i, texts[i]);
  em_store_bind_borrowed (stmt, 11, code);
  if (!em_store_step_done (self, stmt, error))
    return FALSE;
  event->seq = sqlite3_last_insert_rowid (self->db);
  return TRUE;
}

/* Appends an already hashed event (its own chain is set here).  The
 * case's row must be there already, with the event's hash as its last. */
gboolean
em_store_link_event (EmCaseStore *self, EmCaseEvent *event, GError **error)
{
  g_autofree char *previous = last_chain (self, error);

  if (previous == NULL)
    return FALSE;
  g_free (event->chain);
  event->chain = em_chain_link (previous, event->hash);
  if (!insert_event (self, event, error))
    return FALSE;
  g_free (self->last_chain);
  self->last_chain = g_strdup (event->chain);
  return TRUE;
}

/* The event recording that @row now has its current content, hashed
 * before the row is written, so the row is written once with its last hash. */
void
em_store_new_event (EmCaseEvent *event, const EmCaseRow *row, gint64 n, const char *prev_hash,
                    const char *kind, const char *evaluator, const char *detail)
{
  event->case_uuid = g_strdup (row->uuid);
  event->n = n;
  event->kind = g_strdup (kind);
  event->at = g_strdup (row->updated);
  event->evaluator = g_strdup (evaluator);
  event->detail = g_strdup (detail);
  event->snapshot = em_chain_snapshot (row);
  event->prev_hash = g_strdup (prev_hash);
  event->hash = em_chain_event_hash (event);
}

char *
em_store_detail_json (const char *first_key, ...)
{
  GString *json = g_string_sized_new (128);
  va_list args;

  g_string_append_c (json, '{');
  va_start (args, first_key);
  for (const char *key = first_key; key != NULL; key = va_arg (args, const char *))
    {
      const char *value = va_arg (args, const char *);
      if (value == NULL)
        continue;
      if (json->len > 1)
        g_string_append_c (json, ',');
      em_json_write_string (json, key);
      g_string_append_c (json, ':');
      em_json_write_string (json, value);
    }
  va_end (args);
  g_string_append_c (json, '}');
  return g_string_free (json, FALSE);
}

static void
fill_from_record (EmCaseRow *row, const EmEvaluationRecord *record)
{
  char **fields[] = {
    &row->input_json, &row->rules_id, &row->rules_sha256, &row->result_json, &row->result,
    &row->tariff, &row->name, &row->document, &row->radicado, &row->expediente,
  };
  const char *values[] = {
    record->input_json, record->rules_id, record->rules_sha256, record->result_json, record->result,
    record->tariff, record->name, record->document, record->radicado, record->expediente,
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_free (*fields[i]);
      *fields[i] = g_strdup (values[i] != NULL ? values[i] : (i >= 6 ? "" : NULL));
    }
}

gboolean
em_store_insert_row (EmCaseStore *self, const EmCaseRow *row, const char *last_hash, gint64 *id, GError **error)
{
  g_autoptr(EmStoreStmt) stmt = em_store_cached (self,
      "INSERT INTO cases (" ROW_COLUMNS ", ultimo_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      error);

  if (stmt == NULL)
    return FALSE;
  em_store_bind_row (stmt, 1, row);
  em_store_bind_text (stmt, 19, last_hash);
  if (!em_store_step_done (self, stmt, error))
    return FALSE;
  *id = sqlite3_last_insert_rowid (self->db);
  return TRUE;
}

/* 8-4-4-4-12 lowercase hex digits. */
static char *
uuid_text (const guint8 b[16])
{
  static const guint8 group_bytes[] = { 4, 2, 2, 2, 6 };
  char *text = g_malloc (37), *p = text;

  for (guint i = 0; i < G_N_ELEMENTS (group_bytes); b += group_bytes[i++])
    {
      if (i > 0)
        *p++ = '-';
      p = em_hex_write (p, b, group_bytes[i]);
    }
  *p = '\0';
  return text;
}

/* A version 7 UUID (RFC 9562): 48 bits of Unix time in milliseconds,
 * then random bits.  Cases made one after another get neighbouring uuids,
 * so the indexes on them grow at one end instead of being written all
 * over (a million-case import touches far fewer pages). */
static char *
new_uuid (void)
{
  guint64 ms = g_get_real_time () / 1000;
  guint8 b[16];

  for (guint i = 0; i < 6; i++)
    b[i] = (ms >> (40 - 8 * i)) & 0xff;
  for (guint i = 6; i < 16; i++)
    b[i] = g_random_int_range (0, 256);
  b[6] = 0x70 | (b[6] & 0x0f);
  b[8] = 0x80 | (b[8] & 0x3f);
  return uuid_text (b);
}

/* A text kept with a case (who, why) is shown and travels in bundles: UTF-8
 * and no longer than any text of a case's input. */
static gboolean
is_storable_text (const char *text)
{
  return g_utf8_validate (text, -1, NULL) && g_utf8_strlen (text, -1) <= EM_FLAT_JSON_MAX_TEXT_CHARS;
}

static gboolean
check_evaluator (const char *evaluator, GError **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (evaluator ? evaluator : ""));

  if (trimmed[0] == '\0')
    g_set_error_literal (error, EM_STORE_ERROR, EM_STORE_ERROR_FAILED,
                         _("Falta el nombre del evaluador: indíquelo en las preferencias o con «evaluador»."));
  else if (!is_storable_text (evaluator))
    g_set_error_literal (error, EM_STORE_ERROR, EM_STORE_ERROR_FAILED,
                         _("El nombre del evaluador no es válido: debe ser texto UTF-8 de hasta 10.000 caracteres."));
  else
    return TRUE;
  return FALSE;
}

struct _EmNewCase
{
  EmCaseRow   row;
  EmCaseEvent event;     /* hashed only if the evaluator is valid */
};

/* A new case made ready to store, in any thread: its row (uuid, dates) and
 * its first event, hashed, so that storing it only writes the rows. */
EmNewCase *
em_new_case_new (const EmEvaluationRecord *record,
                 const char               *evaluator)
{
  EmNewCase *self = g_new0 (EmNewCase, 1);
  EmCaseRow *row = &self->row;
  g_autofree char *detail = NULL;

  g_return_val_if_fail (record != NULL && record->input_json != NULL && record->result_json != NULL, NULL);

  row->uuid = new_uuid ();
  row->kind = g_strdup (em_case_kind_to_string (record->kind));
  row->state = g_strdup (em_case_state_to_string (
      em_procedure_state_after (record->kind, record->result, FALSE)));
  fill_from_record (row, record);
  row->evaluator = g_strdup (evaluator);
  row->created = em_store_now ();
  row->updated = g_strdup (row->created);
  if (!check_evaluator (evaluator, NULL))
    return self;      /* em_case_store_add_new says why */
  detail = em_store_detail_json ("resultado", record->result, "tarifa", record->tariff, "estado", row->state,
                        "reglas", record->rules_id, NULL);
  em_store_new_event (&self->event, row, 1, "", "creado", evaluator, detail);
  return self;
}

void
em_new_case_free (EmNewCase *self)
{
  if (self == NULL)
    return;
  em_case_row_clear (&self->row);
  em_case_event_clear (&self->event);
  g_free (self);
}

/* Writes @new_case in the transaction the caller began, with no savepoint
 * of its own (inside one, SQLite copies every page a statement changes to
 * a statement journal first: 14 pages per case in `casos importar`).  When
 * it fails, its writes may be half done: the caller must roll the whole
 * transaction back.  Returns the case's id, or 0. */
gint64
em_case_store_add_in_transaction (EmCaseStore *self,
                                  EmNewCase   *new_case,
                                  GError     **error)
{
  gint64 id = 0;

  g_return_val_if_fail (EM_IS_CASE_STORE (self) && self->depth > 0, 0);
  g_return_val_if_fail (new_case != NULL, 0);

  if (!check_evaluator (new_case->row.evaluator, error)
      || !em_store_insert_row (self, &new_case->row, new_case->event.hash, &id, error)
      || !em_store_link_event (self, &new_case->event, error))
    return 0;
  return id;
}

/* Stores @new_case in a transaction (a savepoint in the caller's) of its
 * own: all of it or nothing.  Returns the case's id, or 0. */
gint64
em_case_store_add_new (EmCaseStore *self,
                       EmNewCase   *new_case,
                       GError     **error)
{
  gint64 id;

  g_return_val_if_fail (EM_IS_CASE_STORE (self), 0);
  g_return_val_if_fail (new_case != NULL, 0);

  if (!check_evaluator (new_case->row.evaluator, error) || !em_case_store_begin (self, error))
    return 0;
  id = em_case_store_add_in_transaction (self, new_case, error);
  if (id == 0 || !em_case_store_commit (self, error))
    {
      if (self->depth > 0)
        em_case_store_rollback (self);
      return 0;
    }
  return id;
}

gint64
em_case_store_add (EmCaseStore              *self,
                   const EmEvaluationRecord *record,
                   const char               *evaluator,
                   GError                  **error)
{
  g_autoptr(EmNewCase) new_case = NULL;

  g_return_val_if_fail (EM_IS_CASE_STORE (self), 0);
  g_return_val_if_fail (record != NULL && record->input_json != NULL && record->result_json != NULL, 0);

  new_case = em_new_case_new (record, evaluator);
  return em_case_store_add_new (self, new_case, error);
}

gboolean
em_case_store_get_row (EmCaseStore *self,
                       gint64       id,
                       EmCaseRow   *row,
                       GError     **error)
{
  g_autoptr(EmStoreStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (EM_IS_CASE_STORE (self), FALSE);

  stmt = em_store_cached (self, "SELECT " ROW_COLUMNS " FROM cases WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, EM_STORE_ERROR, EM_STORE_ERROR_NOT_FOUND,
                   _("No existe el caso %ld"), (long) id);
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    return em_store_fail (self, rc, error);
  em_store_read_row (stmt, 0, row);
  return TRUE;
}

GPtrArray *
em_case_store_get_events (EmCaseStore *self,
                          gint64       id,
                          GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func ((GDestroyNotify) em_case_event_free);
  int rc;

  stmt = em_store_prepare (self, "SELECT " EVENT_COLUMNS " FROM events"
                                 " WHERE case_uuid = (SELECT uuid FROM cases WHERE id = ?) ORDER BY seq", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      EmCaseEvent *event = g_new0 (EmCaseEvent, 1);
      em_store_read_event (self, stmt, event);
      g_ptr_array_add (events, event);
    }
  if (rc != SQLITE_DONE)
    return em_store_fail (self, rc, error), NULL;
  return g_steal_pointer (&events);
}

char *
em_case_store_get_code (EmCaseStore *self,
                        gint64       id,
                        GError     **error)
{
  g_autoptr(EmStoreStmt) stmt = em_store_cached (self, "SELECT ultimo_hash FROM cases WHERE id = ?", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return em_chain_code ((const char *) sqlite3_column_text (stmt, 0));
  if (rc == SQLITE_DONE)
    g_set_error (error, EM_STORE_ERROR, EM_STORE_ERROR_NOT_FOUND,
                 _("No existe el caso %ld"), (long) id);
  else
    em_store_fail (self, rc, error);
  return NULL;
}

/* ---- The procedure ---------------------------------------------------- */

gboolean
em_store_update_row (EmCaseStore *self, gint64 id, const EmCaseRow *row, const char *last_hash, GError **error)
{
  g_autoptr(EmStoreStmt) stmt = em_store_cached (self,
      "UPDATE cases SET (" ROW_COLUMNS ", ultimo_hash) = (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
      " WHERE id = ?", error);

  /* The update trigger takes the old words out of the index: they must be in. */
  if (stmt == NULL || !em_store_index_new_cases (self, error))
    return FALSE;
  em_store_bind_row (stmt, 1, row);
  em_store_bind_text (stmt, 19, last_hash);
  sqlite3_bind_int64 (stmt, 20, id);
  return em_store_step_done (self, stmt, error);
}

static gboolean
last_event (EmCaseStore *self, const char *uuid, gint64 *n, char **hash, GError **error)
{
  g_autoptr(EmStoreStmt) stmt = em_store_cached (self,
      "SELECT n, hash FROM events WHERE case_uuid = ? AND n > 0 ORDER BY n DESC LIMIT 1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  em_store_bind_text (stmt, 1, uuid);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return em_store_fail (self, rc == SQLITE_DONE ? SQLITE_CORRUPT : rc, error);
  *n = sqlite3_column_int64 (stmt, 0);
  *hash = em_store_column_text (stmt, 1);
  return TRUE;
}

static gboolean
check_action_input (EmCaseAction action, const char *reason, const EmEvaluationRecord *reevaluation,
                    GError **error)
{
  gboolean needs_evaluation = action == EM_CASE_ACTION_REGISTRAR_SUBSANACION
                              || action == EM_CASE_ACTION_REGISTRAR_AVAL;
  g_autofree char *trimmed = g_strstrip (g_strdup (reason ? reason : ""));

  if (action == EM_CASE_ACTION_ANULAR && trimmed[0] == '\0')
    {
      g_set_error_literal (error, EM_PROCEDURE_ERROR, EM_PROCEDURE_ERROR_NOT_ALLOWED,
                           _("Para anular un caso hay que indicar el motivo."));
      return FALSE;
    }
  if (reason != NULL && !is_storable_text (reason))
    {
      g_set_error_literal (error, EM_PROCEDURE_ERROR, EM_PROCEDURE_ERROR_NOT_ALLOWED,
                           _("El motivo no es válido: debe ser texto UTF-8 de hasta 10.000 caracteres."));
      return FALSE;
    }
  g_return_val_if_fail (needs_evaluation == (reevaluation != NULL), FALSE);
  return TRUE;
}

/* Changes @row as @action says; returns the event's kind. */
static const char *
change_row (EmCaseRow *row, EmCaseAction action, const char *reason, const EmEvaluationRecord *reevaluation)
{
  EmCaseKind kind = EM_CASE_KIND_CAPACIDAD;
  EmCaseState state;

  em_case_kind_parse (row->kind, &kind);
  if (reevaluation != NULL)
    fill_from_record (row, reevaluation);
  switch (action)
    {
    case EM_CASE_ACTION_EMITIR_REQUERIMIENTO:
      state = EM_CASE_STATE_REQUERIMIENTO_EMITIDO;
      row->requerimiento = TRUE;
      break;
    case EM_CASE_ACTION_REGISTRAR_SUBSANACION:
      state = em_procedure_state_after (kind, row->result, TRUE);
      break;
    case EM_CASE_ACTION_REGISTRAR_AVAL:
      em_case_state_parse (row->state, &state);
      if (em_procedure_state_after (kind, row->result, FALSE) == EM_CASE_STATE_RECHAZADO)
        state = EM_CASE_STATE_RECHAZADO;
      break;
    case EM_CASE_ACTION_RECHAZAR:
      state = EM_CASE_STATE_RECHAZADO;
      break;
    case EM_CASE_ACTION_ANULAR:
    default:
      state = EM_CASE_STATE_ANULADO;
      g_free (row->annulment_reason);
      row->annulment_reason = g_strstrip (g_strdup (reason));
      break;
    }
  g_free (row->state);
  row->state = g_strdup (em_case_state_to_string (state));
  return em_case_action_to_string (action);
}

static gboolean
allowed (EmCaseRow *row, EmCaseAction action, GError **error)
{
  EmProcedureFacts facts = { 0 };

  if (!em_case_kind_parse (row->kind, &facts.kind) || !em_case_state_parse (row->state, &facts.state))
    {
      g_set_error_literal (error, EM_STORE_ERROR, EM_STORE_ERROR_TAMPERED,
                           _("El caso tiene un tipo o un estado desconocido: la base de datos fue alterada."));
      return FALSE;
    }
  facts.result = row->result;
  facts.requerimiento = row->requerimiento;
  return em_procedure_allows (&facts, action, error);
}

static gboolean
apply_in_transaction (EmCaseStore *self, gint64 id, EmCaseAction action, const char *reason,
                      const EmEvaluationRecord *reevaluation, const char *evaluator, GError **error)
{
  g_auto(EmCaseRow) row = { 0 };
  g_auto(EmCaseEvent) event = { 0 };
  g_autofree char *prev_hash = NULL;
  g_autofree char *detail = NULL;
  const char *kind;
  gint64 n = 0;

  if (!em_case_store_get_row (self, id, &row, error) || !allowed (&row, action, error)
      || !last_event (self, row.uuid, &n, &prev_hash, error))
    return FALSE;
  kind = change_row (&row, action, reason, reevaluation);
  g_free (row.updated);
  row.updated = em_store_now ();
  detail = em_store_detail_json ("estado", row.state, "resultado", reevaluation ? row.result : NULL,
                        "motivo", reason, NULL);
  em_store_new_event (&event, &row, n + 1, prev_hash, kind, evaluator, detail);
  return em_store_update_row (self, id, &row, event.hash, error) && em_store_link_event (self, &event, error);
}

gboolean
em_case_store_apply (EmCaseStore              *self,
                     gint64                    id,
                     EmCaseAction              action,
                     const char               *reason,
                     const EmEvaluationRecord *reevaluation,
                     const char               *evaluator,
                     GError                  **error)
{
  g_return_val_if_fail (EM_IS_CASE_STORE (self), FALSE);

  if (!check_evaluator (evaluator, error) || !check_action_input (action, reason, reevaluation, error)
      || !em_case_store_begin (self, error))
    return FALSE;
  if (!apply_in_transaction (self, id, action, reason, reevaluation, evaluator, error)
      || !em_case_store_commit (self, error))
    {
      if (self->depth > 0)
        em_case_store_rollback (self);
      return FALSE;
    }
  return TRUE;
}
