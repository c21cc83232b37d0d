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
};

gboolean      em_store_fail          (EmCaseStore   *self,
                                      int            rc,
                                      GError       **error);
sqlite3_stmt *em_store_prepare       (EmCaseStore   *self,
                                      const char    *sql,
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
char         *em_store_now           (void);
gboolean      em_store_read_event    (EmCaseStore   *self,
                                      sqlite3_stmt  *stmt,
                                      EmCaseEvent   *event);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

G_END_DECLS
