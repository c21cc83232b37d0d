/* em-case-store.c — opening the case database, its schema and transactions
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One SQLite file per user (mode 0600: it holds personal financial data),
 * WAL, synchronous=FULL, foreign keys, a busy timeout (the window and the
 * CLI may use it at once).  Nothing is written to a file before it has been
 * recognised as ours: a damaged or foreign file is refused untouched.  The
 * schema has a version; before migrating an existing database a copy is
 * made with SQLite's backup API.
 */
#define G_LOG_DOMAIN "em-case-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "em-case-store-private.h"

/* "EMNR" */
#define STORE_APPLICATION_ID 0x454D4E52
#define BUSY_TIMEOUT_MS 10000

G_DEFINE_QUARK (em-store-error-quark, em_store_error)
G_DEFINE_FINAL_TYPE (EmCaseStore, em_case_store, G_TYPE_OBJECT)

/* migrations[v] takes a database from version v to v + 1. */
static const char * const migrations[EM_STORE_SCHEMA_VERSION] = {
  /* 0 → 1: cases and their append-only history */
  "CREATE TABLE cases ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  tipo TEXT NOT NULL CHECK (tipo IN ('capacidad', 'tarifa')),"
  "  estado TEXT NOT NULL,"
  "  entrada TEXT NOT NULL,"
  "  reglas_id TEXT NOT NULL,"
  "  reglas_sha256 TEXT NOT NULL,"
  "  resultado_json TEXT NOT NULL,"
  "  resultado TEXT,"
  "  tarifa TEXT,"
  "  nombre TEXT NOT NULL DEFAULT '',"
  "  documento TEXT NOT NULL DEFAULT '',"
  "  radicado TEXT NOT NULL DEFAULT '',"
  "  expediente TEXT NOT NULL DEFAULT '',"
  "  evaluador TEXT NOT NULL,"
  "  creado TEXT NOT NULL,"
  "  actualizado TEXT NOT NULL,"
  "  requerimiento INTEGER NOT NULL DEFAULT 0,"
  "  motivo_anulacion TEXT,"
  "  ultimo_hash TEXT NOT NULL);"
  "CREATE INDEX cases_creado ON cases (creado);"
  "CREATE INDEX cases_tipo ON cases (tipo, id);"
  "CREATE INDEX cases_resultado ON cases (resultado, id);"
  "CREATE INDEX cases_estado ON cases (estado, id);"
  "CREATE TABLE events ("
  "  seq INTEGER PRIMARY KEY,"
  "  case_uuid TEXT NOT NULL REFERENCES cases (uuid),"
  "  n INTEGER NOT NULL,"
  "  kind TEXT NOT NULL,"
  "  at TEXT NOT NULL,"
  "  evaluador TEXT NOT NULL,"
  "  detail TEXT NOT NULL,"
  "  snapshot TEXT NOT NULL,"
  "  prev_hash TEXT NOT NULL,"
  "  hash TEXT NOT NULL UNIQUE,"
  "  chain TEXT NOT NULL,"
  "  codigo TEXT NOT NULL);"
  /* n > 0: the case's own chain, which travels in bundles; n = 0: events
   * of this database only (an import), on the local chain alone. */
  "CREATE UNIQUE INDEX events_case_chain ON events (case_uuid, n) WHERE n > 0;"
  "CREATE INDEX events_codigo ON events (codigo);"
  "CREATE TRIGGER events_append_only_update BEFORE UPDATE ON events"
  "  BEGIN SELECT RAISE (ABORT, 'el historial no se puede modificar'); END;"
  "CREATE TRIGGER events_append_only_delete BEFORE DELETE ON events"
  "  BEGIN SELECT RAISE (ABORT, 'el historial no se puede borrar'); END;"
  "CREATE TRIGGER cases_never_deleted BEFORE DELETE ON cases"
  "  BEGIN SELECT RAISE (ABORT, 'los casos no se borran: se anulan'); END;",

  /* 1 → 2: full-text search by name, document, radicado and expediente */
  "CREATE VIRTUAL TABLE cases_fts USING fts5 ("
  "  nombre, documento, radicado, expediente,"
  "  content = 'cases', content_rowid = 'id',"
  "  tokenize = 'unicode61 remove_diacritics 2');"
  "INSERT INTO cases_fts (cases_fts) VALUES ('rebuild');"
  "CREATE TRIGGER cases_fts_insert AFTER INSERT ON cases BEGIN"
  "  INSERT INTO cases_fts (rowid, nombre, documento, radicado, expediente)"
  "  VALUES (new.id, new.nombre, new.documento, new.radicado, new.expediente); END;"
  "CREATE TRIGGER cases_fts_update AFTER UPDATE OF nombre, documento, radicado, expediente ON cases BEGIN"
  "  INSERT INTO cases_fts (cases_fts, rowid, nombre, documento, radicado, expediente)"
  "  VALUES ('delete', old.id, old.nombre, old.documento, old.radicado, old.expediente);"
  "  INSERT INTO cases_fts (rowid, nombre, documento, radicado, expediente)"
  "  VALUES (new.id, new.nombre, new.documento, new.radicado, new.expediente); END;",

  /* 2 → 3: a case's events by index (its history, its last event, and the
   * foreign key's checks), not by reading every event of the database */
  "CREATE INDEX events_case ON events (case_uuid, seq);",

  /* 3 → 4: new cases enter the search index when their transaction
   * commits (em_store_index_new_cases), not row by row: FTS5 writes its
   * pending terms out at every statement of a transaction, so an import
   * of a million made a million index segments. */
  "DROP TRIGGER cases_fts_insert;",
};

static void
em_case_store_finalize (GObject *object)
{
  EmCaseStore *self = EM_CASE_STORE (object);

  if (self->depth > 0)
    {
      g_warning ("Case store closed inside a transaction; rolling back");
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
    }
  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->db, sqlite3_close_v2);
  g_free (self->path);
  g_free (self->last_chain);
  G_OBJECT_CLASS (em_case_store_parent_class)->finalize (object);
}

static void
em_case_store_class_init (EmCaseStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = em_case_store_finalize;
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
em_case_store_init (EmCaseStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
  self->counted[0] = -1;
}

void
em_case_summary_free (EmCaseSummary *summary)
{
  if (summary == NULL)
    return;
  g_free (summary->kind);
  g_free (summary->name);
  g_free (summary->document);
  g_free (summary->result);
  g_free (summary->tariff);
  g_free (summary->state);
  g_free (summary->created);
  g_free (summary->evaluator);
  g_free (summary);
}

/* ---- SQLite helpers ------------------------------------------------- */

static EmStoreError
code_for (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT: return EM_STORE_ERROR_CORRUPT;
    case SQLITE_READONLY:
    case SQLITE_PERM:    return EM_STORE_ERROR_READ_ONLY;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:  return EM_STORE_ERROR_BUSY;
    case SQLITE_FULL:    return EM_STORE_ERROR_FULL;
    case SQLITE_CANTOPEN: return EM_STORE_ERROR_OPEN;
    default:             return EM_STORE_ERROR_FAILED;
    }
}

static const char *
explain (EmStoreError code)
{
  switch (code)
    {
    case EM_STORE_ERROR_CORRUPT:
      return _("el archivo no es una base de datos de casos o está dañado");
    case EM_STORE_ERROR_READ_ONLY:
      return _("el archivo es de solo lectura; no se guardó nada");
    case EM_STORE_ERROR_BUSY:
      return _("otro programa tiene la base de datos bloqueada; intente de nuevo en un momento");
    case EM_STORE_ERROR_FULL:
      return _("no queda espacio en el disco; no se guardó nada");
    case EM_STORE_ERROR_OPEN:
      return _("no se pudo abrir el archivo");
    default:
      return _("error de la base de datos");
    }
}

/* SQLite reports a full disk or a read-only folder met while writing its
 * -wal or -shm file as a disk I/O error: the system's error tells which. */
static EmStoreError
code_for_io_error (sqlite3 *db)
{
  switch (db != NULL ? sqlite3_system_errno (db) : 0)
    {
    case ENOSPC:
    case EDQUOT: return EM_STORE_ERROR_FULL;
    case EROFS:
    case EACCES:
    case EPERM:  return EM_STORE_ERROR_READ_ONLY;
    default:     return EM_STORE_ERROR_FAILED;
    }
}

/* A database in WAL mode on a read-only file system cannot be opened:
 * SQLite cannot make its -shm file there, says only "unable to open", and
 * its last system error is not EROFS but that of a later attempt. */
static EmStoreError
code_for_cant_open (EmCaseStore *self)
{
  return g_access (self->path, W_OK) != 0 && errno == EROFS ? EM_STORE_ERROR_READ_ONLY : EM_STORE_ERROR_OPEN;
}

gboolean
em_store_fail (EmCaseStore *self,
               int          rc,
               GError     **error)
{
  EmStoreError code = (rc & 0xff) == SQLITE_IOERR     ? code_for_io_error (self->db)
                    : (rc & 0xff) == SQLITE_CANTOPEN  ? code_for_cant_open (self)
                    : code_for (rc);

  if (code == EM_STORE_ERROR_FAILED)
    g_set_error (error, EM_STORE_ERROR, code, _("Base de datos «%s»: %s (%s)"),
                 self->path, explain (code), self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
  else
    g_set_error (error, EM_STORE_ERROR, code, _("Base de datos «%s»: %s"), self->path, explain (code));
  return FALSE;
}

sqlite3_stmt *
em_store_prepare (EmCaseStore *self,
                  const char  *sql,
                  GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    {
      em_store_fail (self, rc, error);
      return NULL;
    }
  return stmt;
}

/* Prepared the first time, then reused: parsing SQL costs more than
 * running a small INSERT.  Statements are reset when released, so none
 * keeps a read transaction open or a stale binding. */
EmStoreStmt *
em_store_cached (EmCaseStore *self,
                 const char  *sql,
                 GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);

  if (stmt != NULL)
    {
      g_assert (!sqlite3_stmt_busy (stmt));     /* borrowed twice at once */
      return stmt;
    }
  if ((stmt = em_store_prepare (self, sql, error)) == NULL)
    return NULL;
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

void
em_store_stmt_release (EmStoreStmt *stmt)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

gboolean
em_store_exec (EmCaseStore *self,
               const char  *sql,
               GError     **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  return rc == SQLITE_OK || em_store_fail (self, rc, error);
}

gboolean
em_store_step_done (EmCaseStore  *self,
                    sqlite3_stmt *stmt,
                    GError      **error)
{
  int rc = sqlite3_step (stmt);

  return rc == SQLITE_DONE || em_store_fail (self, rc, error);
}

/* A text column, always valid UTF-8: a file changed outside the
 * application could hold any bytes, and every text read here is shown,
 * printed or written as JSON.  Invalid bytes become U+FFFD (the history of
 * such a case does not verify anyway). */
char *
em_store_column_text (sqlite3_stmt *stmt,
                      int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  if (text == NULL || g_utf8_validate (text, -1, NULL))
    return g_strdup (text);
  return g_utf8_make_valid (text, -1);
}

/* (SQLite binds NULL as null.) */
void
em_store_bind_text (sqlite3_stmt *stmt,
                    int           index,
                    const char   *text)
{
  sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

/* A text that stays valid until the statement is reset (the row or event
 * being written): SQLite reads it in place instead of copying it first. */
void
em_store_bind_borrowed (sqlite3_stmt *stmt,
                        int           index,
                        const char   *text)
{
  sqlite3_bind_text (stmt, index, text, -1, SQLITE_STATIC);
}

/* Always with microseconds, so that timestamps sort as text. */
char *
em_store_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%S.%fZ");
}

static gint64
query_int (EmCaseStore *self, const char *sql, GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = em_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return -1;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return em_store_fail (self, rc, error), -1;
  return sqlite3_column_int64 (stmt, 0);
}

/* ---- Transactions ----------------------------------------------------- */

static gboolean
run_cached (EmCaseStore *self, const char *sql, GError **error)
{
  g_autoptr(EmStoreStmt) stmt = em_store_cached (self, sql, error);

  return stmt != NULL && em_store_step_done (self, stmt, error);
}

/* The cases not yet in the search index (ids only grow, and the index's
 * docsize table has a row per indexed case) go in, in one statement.
 * Called before every commit and before a case's row is changed, so no
 * one ever sees a committed case missing from the index. */
gboolean
em_store_index_new_cases (EmCaseStore *self,
                          GError     **error)
{
  return run_cached (self,
      "INSERT INTO cases_fts (rowid, nombre, documento, radicado, expediente)"
      " SELECT id, nombre, documento, radicado, expediente FROM cases"
      " WHERE id > (SELECT coalesce (max (id), 0) FROM cases_fts_docsize)", error);
}

/* The same, for a long transaction to call now and then (`casos importar`
 * every few thousand cases): the index is then built while the other
 * thread evaluates, instead of all of it at the commit. */
gboolean
em_case_store_index_new_cases (EmCaseStore *self,
                               GError     **error)
{
  g_return_val_if_fail (EM_IS_CASE_STORE (self) && self->depth > 0, FALSE);
  return em_store_index_new_cases (self, error);
}

/* Top level: BEGIN IMMEDIATE (takes the write lock at once, so two writers
 * wait for each other instead of failing); nested: savepoints. */
gboolean
em_case_store_begin (EmCaseStore *self,
                     GError     **error)
{
  char sql[32];

  g_return_val_if_fail (EM_IS_CASE_STORE (self), FALSE);

  if (self->depth == 0)
    g_strlcpy (sql, "BEGIN IMMEDIATE", sizeof sql);
  else
    g_snprintf (sql, sizeof sql, "SAVEPOINT s%u", self->depth);
  if (!run_cached (self, sql, error))
    return FALSE;
  self->depth++;
  return TRUE;
}

gboolean
em_case_store_commit (EmCaseStore *self,
                      GError     **error)
{
  char sql[32];

  g_return_val_if_fail (EM_IS_CASE_STORE (self) && self->depth > 0, FALSE);

  if (self->depth == 1)
    g_strlcpy (sql, "COMMIT", sizeof sql);
  else
    g_snprintf (sql, sizeof sql, "RELEASE s%u", self->depth - 1);
  if ((self->depth == 1 && !em_store_index_new_cases (self, error)) || !run_cached (self, sql, error))
    return FALSE;
  if (--self->depth == 0)
    g_clear_pointer (&self->last_chain, g_free);
  return TRUE;
}

void
em_case_store_rollback (EmCaseStore *self)
{
  g_autofree char *sql = NULL;

  g_return_if_fail (EM_IS_CASE_STORE (self) && self->depth > 0);

  if (self->depth == 1)
    sql = g_strdup ("ROLLBACK");
  else
    sql = g_strdup_printf ("ROLLBACK TO s%u; RELEASE s%u", self->depth - 1, self->depth - 1);
  sqlite3_exec (self->db, sql, NULL, NULL, NULL);
  self->depth--;
  g_clear_pointer (&self->last_chain, g_free);
  self->counted[0] = -1;        /* a rollback changes the cases without adding to total_changes */
}

/* ---- Opening ---------------------------------------------------------- */

char *
em_case_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "evaluador-minero", "casos.sqlite", NULL);
}

static gboolean
create_private_file (const char *path, GError **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, EM_STORE_ERROR, EM_STORE_ERROR_OPEN,
                   _("No se pudo crear la carpeta «%s»: %s"), dir, g_strerror (saved));
      return FALSE;
    }
  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0 && errno != EEXIST)
    {
      int saved = errno;
      g_set_error (error, EM_STORE_ERROR, EM_STORE_ERROR_OPEN,
                   _("No se pudo crear la base de datos «%s»: %s"), path, g_strerror (saved));
      return FALSE;
    }
  if (fd >= 0)
    close (fd);
  return TRUE;
}

/* Reads before writing anything: is this a database, and is it ours? */
static gboolean
recognise (EmCaseStore *self, gint64 *version, GError **error)
{
  gint64 tables = query_int (self, "SELECT count(*) FROM sqlite_master", error);
  gint64 app_id;

  if (tables < 0)
    return FALSE;
  app_id = query_int (self, "PRAGMA application_id", error);
  *version = query_int (self, "PRAGMA user_version", error);
  if (app_id < 0 || *version < 0)
    return FALSE;
  if (tables > 0 && app_id != STORE_APPLICATION_ID)
    {
      g_set_error (error, EM_STORE_ERROR, EM_STORE_ERROR_NOT_OURS,
                   _("«%s» es una base de datos, pero no de Evaluador Minero: no se modificó"), self->path);
      return FALSE;
    }
  if (*version > EM_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, EM_STORE_ERROR, EM_STORE_ERROR_NEWER,
                   _("«%s» fue creada por una versión más nueva de Evaluador Minero: actualice la aplicación"),
                   self->path);
      return FALSE;
    }
  return TRUE;
}

/* How long to wait for another program's lock before giving up: 10 s, or
 * the milliseconds in EVALUADOR_MINERO_ESPERA_MS (the tests of a locked
 * database wait less). */
static int
busy_timeout_ms (void)
{
  const char *text = g_getenv ("EVALUADOR_MINERO_ESPERA_MS");
  guint64 value;

  if (text != NULL && g_ascii_string_to_unsigned (text, 10, 0, 10 * BUSY_TIMEOUT_MS, &value, NULL))
    return (int) value;
  return BUSY_TIMEOUT_MS;
}

/* Switching to WAL needs an exclusive lock and SQLite does not wait for it
 * (no busy handler), so a new database opened by two programs at once
 * retries here; a database already in WAL is left as it is. */
static gboolean
use_wal (EmCaseStore *self, GError **error)
{
  gint64 deadline = g_get_monotonic_time () + busy_timeout_ms () * G_GINT64_CONSTANT (1000);

  for (;;)
    {
      g_autoptr(sqlite3_stmt) stmt = em_store_prepare (self, "PRAGMA journal_mode = WAL", error);
      int rc;

      if (stmt == NULL)
        return FALSE;
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW && g_ascii_strcasecmp ((const char *) sqlite3_column_text (stmt, 0), "wal") == 0)
        return TRUE;
      if (rc == SQLITE_ROW)
        return em_store_fail (self, SQLITE_READONLY, error);
      if ((rc & 0xff) != SQLITE_BUSY || g_get_monotonic_time () > deadline)
        return em_store_fail (self, rc, error);
      g_usleep (10000);
    }
}

/* A new store gets 16 KiB pages: a case row is about 2 KB, so a 4 KiB page
 * held one or two and left 30 % of the cases table empty, and a large
 * import writes a quarter as many WAL frames (bench/RESULTS.md: 100,000
 * cases 25–35 % faster, the file 20 % smaller).  SQLite applies it only to
 * a database with no pages yet; an existing store keeps its page size. */
static gboolean
configure (EmCaseStore *self, GError **error)
{
  return em_store_exec (self, "PRAGMA foreign_keys = ON", error)
         && em_store_exec (self, "PRAGMA page_size = 16384", error)
         && use_wal (self, error)
         && em_store_exec (self, "PRAGMA synchronous = FULL", error);
}

/* A copy of the whole database, made with SQLite's backup API. */
static gboolean
backup (EmCaseStore *self, gint64 version, GError **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%dT%H%M%SZ");
  g_autofree char *target = g_strdup_printf ("%s.respaldo-v%" G_GINT64_FORMAT "-%s", self->path, version, stamp);
  sqlite3 *copy = NULL;
  sqlite3_backup *job;
  int rc;

  if (!create_private_file (target, error))
    return FALSE;
  rc = sqlite3_open_v2 (target, &copy, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK && (job = sqlite3_backup_init (copy, "main", self->db, "main")) != NULL)
    {
      rc = sqlite3_backup_step (job, -1);
      rc = sqlite3_backup_finish (job) == SQLITE_OK && rc == SQLITE_DONE ? SQLITE_OK : rc;
    }
  else if (rc == SQLITE_OK)
    rc = sqlite3_errcode (copy);
  sqlite3_close_v2 (copy);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, EM_STORE_ERROR, EM_STORE_ERROR_FAILED,
                   _("No se pudo respaldar «%s» antes de actualizarla (%s): no se modificó"),
                   self->path, sqlite3_errstr (rc));
      return FALSE;
    }
  return TRUE;
}

static gboolean
migrate (EmCaseStore *self, gint64 from, GError **error)
{
  g_autofree char *version = NULL;

  if (from > 0 && !backup (self, from, error))
    return FALSE;
  if (!em_case_store_begin (self, error))
    return FALSE;
  /* Another program may have migrated it while we waited for the lock. */
  if ((from = query_int (self, "PRAGMA user_version", error)) < 0)
    return em_case_store_rollback (self), FALSE;
  for (gint64 v = from; v < EM_STORE_SCHEMA_VERSION; v++)
    if (!em_store_exec (self, migrations[v], error))
      return em_case_store_rollback (self), FALSE;
  version = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d",
                             STORE_APPLICATION_ID, EM_STORE_SCHEMA_VERSION);
  if (!em_store_exec (self, version, error))
    return em_case_store_rollback (self), FALSE;
  return em_case_store_commit (self, error);
}

EmCaseStore *
em_case_store_open (const char *path,
                    GError    **error)
{
  g_autoptr(EmCaseStore) self = g_object_new (EM_TYPE_CASE_STORE, NULL);
  gint64 version = 0;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  self->path = g_strdup (path);
  if (!g_file_test (path, G_FILE_TEST_EXISTS) && !create_private_file (path, error))
    return NULL;
  rc = sqlite3_open_v2 (path, &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    return em_store_fail (self, rc, error), NULL;
  sqlite3_extended_result_codes (self->db, TRUE);
  sqlite3_busy_timeout (self->db, busy_timeout_ms ());
  em_store_register_collations (self);
  if (!recognise (self, &version, error) || !configure (self, error))
    return NULL;
  if (version < EM_STORE_SCHEMA_VERSION && !migrate (self, version, error))
    return NULL;
  return g_steal_pointer (&self);
}

const char *
em_case_store_get_path (EmCaseStore *self)
{
  g_return_val_if_fail (EM_IS_CASE_STORE (self), NULL);
  return self->path;
}

/* count(*) reads every entry of an index (a million of them), and the
 * window asks at each keystroke: the answer is kept until the database
 * changes, by this connection (total_changes) or another (data_version). */
static gboolean
count_cases (EmCaseStore *self, gint64 *count, gint64 *max, GError **error)
{
  g_autoptr(EmStoreStmt) version = em_store_cached (self, "PRAGMA data_version", error);
  g_autoptr(EmStoreStmt) stmt = NULL;
  gint64 when[2] = { -1, sqlite3_total_changes64 (self->db) };
  int rc;

  if (version == NULL || (rc = sqlite3_step (version)) != SQLITE_ROW)
    return version != NULL && em_store_fail (self, rc, error);
  when[0] = sqlite3_column_int64 (version, 0);
  if (self->counted[0] < 0 || memcmp (when, self->counted_when, sizeof when) != 0)
    {
      if ((stmt = em_store_cached (self, "SELECT count(*), coalesce (max(id), 0) FROM cases", error)) == NULL)
        return FALSE;
      if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
        return em_store_fail (self, rc, error);
      self->counted[0] = sqlite3_column_int64 (stmt, 0);
      self->counted[1] = sqlite3_column_int64 (stmt, 1);
      memcpy (self->counted_when, when, sizeof when);
    }
  *count = self->counted[0];
  *max = self->counted[1];
  return TRUE;
}

/* The number of cases, when their ids are exactly 1…N (always, since no
 * case is ever deleted); -1 otherwise. */
gboolean
em_case_store_count_if_numbered (EmCaseStore *self,
                                 gint64      *count,
                                 GError     **error)
{
  gint64 max = 0;

  g_return_val_if_fail (EM_IS_CASE_STORE (self), FALSE);

  if (!count_cases (self, count, &max, error))
    return FALSE;
  if (*count != max || *count > G_MAXUINT)
    *count = -1;
  return TRUE;
}

/* A long import touches the indexes all over (uuids and hashes are
 * random): with SQLite's default 2 MB cache their pages are written to
 * the WAL again and again.  A cache of @mebibytes keeps them in memory
 * until the commit. */
gboolean
em_case_store_set_cache_size (EmCaseStore *self,
                              guint        mebibytes,
                              GError     **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (EM_IS_CASE_STORE (self), FALSE);

  sql = g_strdup_printf ("PRAGMA cache_size = -%u", mebibytes * 1024);
  return em_store_exec (self, sql, error);
}

/* Inside a transaction, every INSERT that may fail halfway (a foreign key,
 * a unique index) first copies the pages it changes to a statement journal,
 * a temporary file by default: an import wrote 14 pages per case to it.
 * In memory it costs a copy; the transaction itself is unchanged. */
gboolean
em_case_store_set_temp_in_memory (EmCaseStore *self,
                                  GError     **error)
{
  g_return_val_if_fail (EM_IS_CASE_STORE (self), FALSE);

  return em_store_exec (self, "PRAGMA temp_store = MEMORY", error);
}

gint64
em_case_store_count (EmCaseStore *self,
                     GError     **error)
{
  gint64 count = -1, max;

  g_return_val_if_fail (EM_IS_CASE_STORE (self), -1);
  return count_cases (self, &count, &max, error) ? count : -1;
}
