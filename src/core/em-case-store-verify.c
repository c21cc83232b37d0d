/* em-case-store-verify.c — recomputing the tamper-evident history
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Three streaming passes, constant memory whatever the size of the store:
 *  1. every event in database order: its hash from its fields, and the
 *     local chain (a deleted, inserted or reordered event breaks it);
 *  2. every case's events in order: numbering and links to the previous;
 *  3. every case row against its last event: the snapshot of the row's
 *     current content must be the one the event recorded, so editing a
 *     verdict directly in the database is found and named.
 */
#define G_LOG_DOMAIN "em-case-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "em-case-store-private.h"

#define EVENT_COLUMNS EM_STORE_EVENT_COLUMNS
#define CASE_COLUMNS \
  "c.uuid, c.tipo, c.estado, c.entrada, c.reglas_id, c.reglas_sha256, c.resultado_json, c.resultado, " \
  "c.tarifa, c.nombre, c.documento, c.radicado, c.expediente, c.evaluador, c.creado, c.actualizado, " \
  "c.requerimiento, c.motivo_anulacion"

static gboolean
tampered (GError **error, const char *format, ...) G_GNUC_PRINTF (2, 3);

static gboolean
tampered (GError **error, const char *format, ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, EM_STORE_ERROR, EM_STORE_ERROR_TAMPERED, message);
  return FALSE;
}

static gboolean
check_event_hash (const EmCaseEvent *event, GError **error)
{
  g_autofree char *hash = em_chain_event_hash (event);

  if (g_strcmp0 (hash, event->hash) == 0)
    return TRUE;
  return tampered (error, _("El evento %ld (caso %s) fue modificado: su contenido no coincide con su hash."),
                   (long) event->seq, event->case_uuid);
}

/* Pass 1: hashes and the local chain. */
static gint64
check_chain (EmCaseStore *self, GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = em_store_prepare (self, "SELECT " EVENT_COLUMNS " FROM events ORDER BY seq", error);
  g_autofree char *previous = g_strdup ("");
  gint64 count = 0;
  int rc;

  if (stmt == NULL)
    return -1;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_auto(EmCaseEvent) event = { 0 };
      g_autofree char *link = NULL;

      em_store_read_event (self, stmt, &event);
      if (!check_event_hash (&event, error))
        return -1;
      link = em_chain_link (previous, event.hash);
      if (g_strcmp0 (link, event.chain) != 0)
        return tampered (error, _("La cadena del historial se rompe en el evento %ld: se borró, insertó "
                                  "o reordenó un evento antes de él."), (long) event.seq), -1;
      g_free (previous);
      previous = g_steal_pointer (&event.chain);
      count++;
    }
  return rc == SQLITE_DONE ? count : (em_store_fail (self, rc, error), -1);
}

/* Pass 2: each case's own chain. */
static gboolean
check_case_links (EmCaseStore *self, const char *only_uuid, GError **error)
{
  /* One case through the index; all of them in one pass. */
  g_autoptr(sqlite3_stmt) stmt = em_store_prepare (self, only_uuid != NULL
      ? "SELECT " EVENT_COLUMNS " FROM events WHERE n > 0 AND case_uuid = ?1 ORDER BY n"
      : "SELECT " EVENT_COLUMNS " FROM events WHERE n > 0 ORDER BY case_uuid, n", error);
  g_autofree char *uuid = NULL;
  g_autofree char *hash = NULL;
  gint64 n = 0;
  int rc;

  if (stmt == NULL)
    return FALSE;
  em_store_bind_text (stmt, 1, only_uuid);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_auto(EmCaseEvent) event = { 0 };
      gboolean same_case;

      em_store_read_event (self, stmt, &event);
      if (only_uuid != NULL && !check_event_hash (&event, error))
        return FALSE;
      same_case = g_strcmp0 (uuid, event.case_uuid) == 0;
      if (event.n != (same_case ? n + 1 : 1) || g_strcmp0 (event.prev_hash, same_case ? hash : "") != 0)
        return tampered (error, _("El historial del caso %s se rompe en el evento %ld: falta un evento "
                                  "anterior o no enlaza con él."), event.case_uuid, (long) event.seq);
      g_free (uuid);
      uuid = g_steal_pointer (&event.case_uuid);
      g_free (hash);
      hash = g_steal_pointer (&event.hash);
      n = event.n;
    }
  return rc == SQLITE_DONE || em_store_fail (self, rc, error);
}

static gboolean
check_row (sqlite3_stmt *stmt, GError **error)
{
  g_auto(EmCaseRow) row = { 0 };
  g_autofree char *snapshot = NULL;
  gint64 id = sqlite3_column_int64 (stmt, 0);
  const char *last_hash = (const char *) sqlite3_column_text (stmt, 19);
  const char *event_hash = (const char *) sqlite3_column_text (stmt, 20);
  const char *event_snapshot = (const char *) sqlite3_column_text (stmt, 21);

  if (event_hash == NULL)
    return tampered (error, _("El caso %ld no tiene historial: se borraron sus eventos."), (long) id);
  if (g_strcmp0 (last_hash, event_hash) != 0)
    return tampered (error, _("El caso %ld no apunta a su último evento: se alteró su historial."), (long) id);
  row.uuid = em_store_column_text (stmt, 1);
  for (guint i = 0; i < 15; i++)
    {
      char **fields[] = { &row.kind, &row.state, &row.input_json, &row.rules_id, &row.rules_sha256,
                          &row.result_json, &row.result, &row.tariff, &row.name, &row.document,
                          &row.radicado, &row.expediente, &row.evaluator, &row.created, &row.updated };
      *fields[i] = em_store_column_text (stmt, 2 + i);
    }
  row.requerimiento = sqlite3_column_int (stmt, 17);
  row.annulment_reason = em_store_column_text (stmt, 18);
  snapshot = em_chain_snapshot (&row);
  if (g_strcmp0 (snapshot, event_snapshot) != 0)
    return tampered (error, _("El contenido del caso %ld (estado, resultado o datos) no coincide con su "
                              "último evento: fue modificado directamente en la base de datos."), (long) id);
  return TRUE;
}

/* Pass 3: each row against its last event. */
static gboolean
check_rows (EmCaseStore *self, gint64 only_id, GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = em_store_prepare (self,
      "SELECT c.id, " CASE_COLUMNS ", c.ultimo_hash, e.hash, e.snapshot FROM cases c"
      " LEFT JOIN events e ON e.case_uuid = c.uuid"
      "  AND e.n = (SELECT max (n) FROM events WHERE case_uuid = c.uuid)"
      " WHERE (?1 = 0 OR c.id = ?1) AND c.id BETWEEN ?2 AND ?3 ORDER BY c.id", error);
  gboolean found = FALSE;
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, only_id);
  sqlite3_bind_int64 (stmt, 2, only_id != 0 ? only_id : 0);        /* a range the planner can search */
  sqlite3_bind_int64 (stmt, 3, only_id != 0 ? only_id : G_MAXINT64);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      found = TRUE;
      if (!check_row (stmt, error))
        return FALSE;
    }
  if (rc != SQLITE_DONE)
    return em_store_fail (self, rc, error);
  if (only_id != 0 && !found)
    g_set_error (error, EM_STORE_ERROR, EM_STORE_ERROR_NOT_FOUND, _("No existe el caso %ld"), (long) only_id);
  return only_id == 0 || found;
}

static gboolean
check_orphans (EmCaseStore *self, GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = em_store_prepare (self,
      "SELECT seq FROM events WHERE case_uuid NOT IN (SELECT uuid FROM cases) LIMIT 1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return tampered (error, _("El evento %ld pertenece a un caso que ya no existe: se borró un caso."),
                     (long) sqlite3_column_int64 (stmt, 0));
  return rc == SQLITE_DONE || em_store_fail (self, rc, error);
}

gint64
em_case_store_verify (EmCaseStore *self,
                      GError     **error)
{
  gint64 count;

  g_return_val_if_fail (EM_IS_CASE_STORE (self), -1);

  if (!em_case_store_begin (self, error))
    return -1;
  count = check_chain (self, error);
  if (count < 0 || !check_case_links (self, NULL, error) || !check_rows (self, 0, error)
      || !check_orphans (self, error))
    count = -1;
  em_case_store_rollback (self);
  return count;
}

static char *
uuid_of (EmCaseStore *self, gint64 id, GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = em_store_prepare (self, "SELECT uuid FROM cases WHERE id = ?", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return em_store_column_text (stmt, 0);
  if (rc == SQLITE_DONE)
    g_set_error (error, EM_STORE_ERROR, EM_STORE_ERROR_NOT_FOUND, _("No existe el caso %ld"), (long) id);
  else
    em_store_fail (self, rc, error);
  return NULL;
}

/* One case: its own chain and its row (not the whole database's chain). */
gboolean
em_case_store_verify_case (EmCaseStore *self,
                           gint64       id,
                           GError     **error)
{
  g_autofree char *uuid = NULL;

  g_return_val_if_fail (EM_IS_CASE_STORE (self), FALSE);

  return (uuid = uuid_of (self, id, error)) != NULL
         && check_case_links (self, uuid, error)
         && check_rows (self, id, error);
}

gboolean
em_case_store_find_code (EmCaseStore *self,
                         const char  *code,
                         gint64      *case_id,
                         gboolean    *is_latest,
                         GError     **error)
{
  g_autofree char *canonical = em_chain_code_normalize (code);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (EM_IS_CASE_STORE (self), FALSE);

  if (canonical == NULL)
    {
      g_set_error (error, EM_STORE_ERROR, EM_STORE_ERROR_NOT_FOUND,
                   _("«%s» no es un código de verificación: son 12 caracteres como «7K3Q-9ZD2-M4XA»"), code);
      return FALSE;
    }
  stmt = em_store_prepare (self, "SELECT c.id, c.ultimo_hash = e.hash FROM events e"
                                 " JOIN cases c ON c.uuid = e.case_uuid WHERE e.codigo = ?"
                                 " ORDER BY e.seq DESC LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  em_store_bind_text (stmt, 1, canonical);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *case_id = sqlite3_column_int64 (stmt, 0);
      *is_latest = sqlite3_column_int (stmt, 1);
      return TRUE;
    }
  if (rc == SQLITE_DONE)
    g_set_error (error, EM_STORE_ERROR, EM_STORE_ERROR_NOT_FOUND,
                 _("El código %s no corresponde a ningún caso de esta base de datos."), canonical);
  else
    em_store_fail (self, rc, error);
  return FALSE;
}
