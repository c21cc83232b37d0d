/* em-case-store-private.h — what the store's files share
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "em-case-store.h"

G_BEGIN_DECLS

struct _EmCaseStore
{
  GObject   parent_instance;
  char     *path;
  sqlite3  *db;
  guint     depth;            /* open transaction levels */
  char     *last_chain;       /* cached while a transaction is open */
  GHashTable *statements;     /* SQL text → prepared statement, kept */
  gint64    counted[2];       /* count(*) and max(id) of cases, or -1… */
  gint64    counted_when[2];  /* …as of this data_version and total_changes */
};

/* A statement the store prepares once and keeps (em_store_cached): the
 * caller borrows it, and g_autoptr(EmStoreStmt) resets it and clears its
 * bindings when it goes out of scope.  Never finalize one. */
typedef sqlite3_stmt EmStoreStmt;

gboolean      em_store_fail          (EmCaseStore   *self,
                                      int            rc,
                                      GError       **error);
sqlite3_stmt *em_store_prepare       (EmCaseStore   *self,
                                      const char    *sql,
                                      GError       **error);
EmStoreStmt  *em_store_cached        (EmCaseStore   *self,
                                      const char    *sql,
                                      GError       **error);
void          em_store_stmt_release  (EmStoreStmt   *stmt);
gboolean      em_store_index_new_cases (EmCaseStore *self,
                                      GError       **error);
gboolean      em_store_exec          (EmCaseStore   *self,
                                      const char    *sql,
                                      GError       **error);
gboolean      em_store_step_done     (EmCaseStore   *self,
                                      sqlite3_stmt  *stmt,
                                      GError       **error);
char         *em_store_column_text   (sqlite3_stmt  *stmt,
                                      int            column);
void          em_store_bind_text     (sqlite3_stmt  *stmt,
                                      int            index,
                                      const char    *text);
void          em_store_bind_borrowed (sqlite3_stmt  *stmt,
                                      int            index,
                                      const char    *text);
char         *em_store_now           (void);
gboolean      em_store_read_event    (EmCaseStore   *self,
                                      sqlite3_stmt  *stmt,
                                      EmCaseEvent   *event);

void          em_store_read_row      (sqlite3_stmt  *stmt,
                                      int            first,
                                      EmCaseRow     *row);
void          em_store_bind_row      (sqlite3_stmt  *stmt,
                                      int            first,
                                      const EmCaseRow *row);
gboolean      em_store_link_event    (EmCaseStore   *self,
                                      EmCaseEvent   *event,
                                      GError       **error);
gboolean      em_store_insert_row    (EmCaseStore   *self,
                                      const EmCaseRow *row,
                                      const char    *last_hash,
                                      gint64        *id,
                                      GError       **error);
gboolean      em_store_update_row    (EmCaseStore   *self,
                                      gint64         id,
                                      const EmCaseRow *row,
                                      const char    *last_hash,
                                      GError       **error);
void          em_store_new_event     (EmCaseEvent   *event,
                                      const EmCaseRow *row,
                                      gint64         n,
                                      const char    *prev_hash,
                                      const char    *kind,
                                      const char    *evaluator,
                                      const char    *detail);
char         *em_store_detail_json   (const char    *first_key,
                                      ...) G_GNUC_NULL_TERMINATED;
void          em_store_register_collations (EmCaseStore *self);

#define EM_STORE_ROW_COLUMNS \
  "uuid, tipo, estado, entrada, reglas_id, reglas_sha256, resultado_json, resultado, tarifa, " \
  "nombre, documento, radicado, expediente, evaluador, creado, actualizado, requerimiento, " \
  "motivo_anulacion"
#define EM_STORE_EVENT_COLUMNS "seq, case_uuid, n, kind, at, evaluador, detail, snapshot, prev_hash, hash, chain"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EmStoreStmt, em_store_stmt_release)

G_END_DECLS
