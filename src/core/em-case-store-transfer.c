/* em-case-store-transfer.c — a case leaving and arriving with its history
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A case travels as its row and its own chain (events n = 1…), which
 * verify anywhere (em_chain_verify_case).  Arriving, the events keep their
 * hashes and join this database's local chain, and a local «importado»
 * event (n = 0, outside the case's own chain) records the import, so the
 * same case can travel back and forth.  Importing what is already here
 * stores nothing; a case changed on two laptops since they last shared it
 * is refused, never merged.
 */
#define G_LOG_DOMAIN "em-case-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "em-case-store-private.h"

static GPtrArray *
portable_events (EmCaseStore *self, const char *uuid, GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = em_store_prepare (self, "SELECT " EM_STORE_EVENT_COLUMNS " FROM events"
                                                         " WHERE case_uuid = ? AND n > 0 ORDER BY n", error);
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func ((GDestroyNotify) em_case_event_free);
  int rc;

  if (stmt == NULL)
    return NULL;
  em_store_bind_text (stmt, 1, uuid);
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

gboolean
em_case_store_export_case (EmCaseStore *self,
                           gint64       id,
                           EmCaseRow   *row,
                           GPtrArray  **events,
                           GError     **error)
{
  gboolean ok;

  g_return_val_if_fail (EM_IS_CASE_STORE (self), FALSE);

  /* One read transaction: the row and its events as of the same moment,
   * whatever another program writes meanwhile.  (A savepoint outside a
   * transaction starts a deferred one.) */
  if (!em_store_exec (self, "SAVEPOINT export_read", error))
    return FALSE;
  ok = em_case_store_get_row (self, id, row, error)
       && (*events = portable_events (self, row->uuid, error)) != NULL;
  em_store_exec (self, "RELEASE export_read", NULL);
  return ok;
}

static gint64
id_for_uuid (EmCaseStore *self, const char *uuid, GError **error)
{
  g_autoptr(EmStoreStmt) stmt = em_store_cached (self, "SELECT id FROM cases WHERE uuid = ?", error);
  int rc;

  if (stmt == NULL)
    return -1;
  em_store_bind_text (stmt, 1, uuid);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  return rc == SQLITE_DONE ? 0 : (em_store_fail (self, rc, error), -1);
}

/* The «importado» event: on the local chain only. */
static gboolean
record_import (EmCaseStore *self, const EmCaseRow *row, const char *last_hash, guint count,
               const char *evaluator, const char *origin, GError **error)
{
  g_auto(EmCaseEvent) event = { 0 };
  g_autofree char *events = g_strdup_printf ("%u", count);

  event.case_uuid = g_strdup (row->uuid);
  event.n = 0;
  event.kind = g_strdup ("importado");
  event.at = em_store_now ();
  event.evaluator = g_strdup (evaluator);
  event.detail = em_store_detail_json ("origen", origin, "eventos", events, NULL);
  event.snapshot = em_chain_snapshot (row);
  event.prev_hash = g_strdup (last_hash);
  event.hash = em_chain_event_hash (&event);
  return em_store_link_event (self, &event, error);
}

static gboolean
append_events (EmCaseStore *self, GPtrArray *events, guint from, GError **error)
{
  for (guint i = from; i < events->len; i++)
    {
      g_autoptr(EmCaseEvent) copy = em_case_event_copy (events->pdata[i]);
      if (!em_store_link_event (self, copy, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
same_prefix (GPtrArray *here, GPtrArray *arriving, const EmCaseRow *row, GError **error)
{
  for (guint i = 0; i < MIN (here->len, arriving->len); i++)
    if (g_strcmp0 (((EmCaseEvent *) here->pdata[i])->hash, ((EmCaseEvent *) arriving->pdata[i])->hash) != 0)
      {
        g_set_error (error, EM_STORE_ERROR, EM_STORE_ERROR_CONFLICT,
                     _("El caso %s cambió en los dos equipos desde la última vez que se compartió "
                       "(difieren desde el evento %u): no se pueden combinar."), row->uuid, i + 1);
        return FALSE;
      }
  return TRUE;
}

static gboolean
import_in_transaction (EmCaseStore *self, const EmCaseRow *row, GPtrArray *events, const char *evaluator,
                       const char *origin, EmImportOutcome *outcome, GError **error)
{
  const char *last_hash = ((EmCaseEvent *) events->pdata[events->len - 1])->hash;
  g_autoptr(GPtrArray) here = NULL;
  gint64 id = id_for_uuid (self, row->uuid, error);

  if (id < 0)
    return FALSE;
  if (id == 0)
    {
      *outcome = EM_IMPORT_NEW;
      return em_store_insert_row (self, row, last_hash, &id, error)
             && append_events (self, events, 0, error)
             && record_import (self, row, last_hash, events->len, evaluator, origin, error);
    }
  if ((here = portable_events (self, row->uuid, error)) == NULL || !same_prefix (here, events, row, error))
    return FALSE;
  *outcome = events->len <= here->len ? EM_IMPORT_UNCHANGED : EM_IMPORT_EXTENDED;
  if (*outcome == EM_IMPORT_UNCHANGED)
    return TRUE;
  return em_store_update_row (self, id, row, last_hash, error)
         && append_events (self, events, here->len, error)
         && record_import (self, row, last_hash, events->len - here->len, evaluator, origin, error);
}

/* @row and @events must have passed em_chain_verify_case(). */
gboolean
em_case_store_import_case (EmCaseStore     *self,
                           const EmCaseRow *row,
                           GPtrArray       *events,
                           const char      *evaluator,
                           const char      *origin,
                           EmImportOutcome *outcome,
                           GError         **error)
{
  g_return_val_if_fail (EM_IS_CASE_STORE (self), FALSE);
  g_return_val_if_fail (row != NULL && events != NULL && events->len > 0, FALSE);

  if (!em_case_store_begin (self, error))
    return FALSE;
  if (!import_in_transaction (self, row, events, evaluator, origin, outcome, error)
      || !em_case_store_commit (self, error))
    {
      if (self->depth > 0)
        em_case_store_rollback (self);
      return FALSE;
    }
  return TRUE;
}
