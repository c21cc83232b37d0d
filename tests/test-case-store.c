/* test-case-store.c — the case store: storage, procedure, tamper evidence
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "em-case-evaluation.h"
#include "em-case-store.h"

#define INCOMPLETE "{\"regimen\":\"comun\",\"nombre\":\"Minerales Ñandú S.A.S.\",\"numero_documento\":\"900123456\"," \
                   "\"radicado\":\"20170500001\",\"activo_corriente\":\"124\"}"
#define COMPLETE   "{\"regimen\":\"comun\",\"nombre\":\"Minerales Ñandú S.A.S.\",\"numero_documento\":\"900123456\"," \
                   "\"radicado\":\"20170500001\",\"activo_corriente\":\"124\",\"pasivo_corriente\":\"100\"," \
                   "\"activo_total\":\"1000\",\"pasivo_total\":\"610\",\"ingresos_operacionales\":\"600\"}"
#define NEEDS_AVAL "{\"regimen\":\"comun\",\"nombre\":\"Oro del Cauca\",\"activo_corriente\":\"123.99\"," \
                   "\"pasivo_corriente\":\"100\",\"activo_total\":\"1000\",\"pasivo_total\":\"100\"," \
                   "\"ingresos_operacionales\":\"100\"}"
#define FAILS      "{\"regimen\":\"simplificado\",\"nombre\":\"José Pérez\",\"ingresos_ultimo_ano\":\"1\"," \
                   "\"cuentas_por_cobrar\":\"1000\",\"inventario\":\"0\",\"cuentas_por_pagar\":\"0\"}"
#define TARIFF     "{\"etapa\":\"exploracion\",\"area_hectareas\":\"100\",\"expediente\":\"HJK-08231\"," \
                   "\"titular\":\"Carbones de Boyacá\"}"

typedef struct
{
  char        *dir;
  char        *path;
  EmCaseStore *store;
  EmEvaluator *evaluator;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("em-store-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "sub", "casos.sqlite", NULL);
  f->store = em_case_store_open (f->path, &error);
  g_assert_no_error (error);
  f->evaluator = em_evaluator_new_default (&error);
  g_assert_no_error (error);
}

static void
remove_tree (const char *dir)
{
  g_autofree char *command = g_strdup_printf ("rm -rf '%s'", dir);

  g_assert_cmpint (system (command), ==, 0);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->store);
  g_clear_object (&f->evaluator);
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static gint64
add (Fixture *f, EmCaseKind kind, const char *json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EmEvaluation) evaluation = em_evaluator_evaluate_text (f->evaluator, kind, json, FALSE, &error);
  gint64 id;

  g_assert_no_error (error);
  id = em_case_store_add (f->store, em_evaluation_get_record (evaluation), "Ana Gómez", &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static char *
state_of (Fixture *f, gint64 id)
{
  g_auto(EmCaseRow) row = { 0 };
  g_autoptr(GError) error = NULL;

  g_assert_true (em_case_store_get_row (f->store, id, &row, &error));
  return g_strdup (row.state);
}

static void
assert_state (Fixture *f, gint64 id, const char *expected)
{
  g_autofree char *state = state_of (f, id);

  g_assert_cmpstr (state, ==, expected);
}

static gboolean
apply (Fixture *f, gint64 id, EmCaseAction action, const char *reason, const char *new_input, GError **error)
{
  g_autoptr(EmEvaluation) evaluation = NULL;
  g_auto(EmCaseRow) row = { 0 };

  if (action == EM_CASE_ACTION_REGISTRAR_SUBSANACION)
    evaluation = em_evaluator_evaluate_text (f->evaluator, EM_CASE_KIND_CAPACIDAD, new_input, FALSE, NULL);
  else if (action == EM_CASE_ACTION_REGISTRAR_AVAL)
    {
      g_assert_true (em_case_store_get_row (f->store, id, &row, NULL));
      evaluation = em_evaluator_evaluate_text (f->evaluator, EM_CASE_KIND_CAPACIDAD, row.input_json, TRUE, NULL);
    }
  return em_case_store_apply (f->store, id, action, reason,
                              evaluation ? em_evaluation_get_record (evaluation) : NULL, "Luis Rojas", error);
}

/* Runs @statement on the database at @path, with SQLite alone. */
static void
sql_at (const char *path, const char *statement)
{
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, statement, NULL, NULL, NULL) != SQLITE_OK)
    g_error ("%s: %s", statement, sqlite3_errmsg (db));
  sqlite3_close (db);
}

static void
sql (Fixture *f, const char *statement)
{
  sql_at (f->path, statement);
}

static void
assert_tampered (Fixture *f, const char *message_part)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (em_case_store_verify (f->store, &error), ==, -1);
  g_assert_error (error, EM_STORE_ERROR, EM_STORE_ERROR_TAMPERED);
  if (strstr (error->message, message_part) == NULL)
    g_error ("«%s» does not say «%s»", error->message, message_part);
}

/* ---- Storage ---------------------------------------------------------- */

static void
test_new_database_private_wal_versioned (Fixture *f, gconstpointer data)
{
  struct stat st;
  sqlite3 *db;
  sqlite3_stmt *stmt;

  g_assert_cmpint (g_stat (f->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA journal_mode", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "wal");
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, EM_STORE_SCHEMA_VERSION);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

static gint64
pragma_of (const char *path, const char *pragma)
{
  sqlite3 *db;
  sqlite3_stmt *stmt;
  g_autofree char *sql = g_strdup_printf ("PRAGMA %s", pragma);
  gint64 value;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static void
test_new_database_has_16_kib_pages (Fixture *f, gconstpointer data)
{
  add (f, EM_CASE_KIND_CAPACIDAD, COMPLETE);
  g_assert_cmpint (pragma_of (f->path, "page_size"), ==, 16384);
}

/* Stores made before 16 KiB pages keep their 4 KiB pages and work. */
static void
test_existing_4_kib_database_keeps_its_pages (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_strconcat (f->path, "-4k", NULL);
  g_autoptr(EmCaseStore) store = NULL;
  g_autoptr(EmEvaluation) evaluation = em_evaluator_evaluate_text (f->evaluator, EM_CASE_KIND_CAPACIDAD,
                                                                   COMPLETE, FALSE, &error);

  g_assert_no_error (error);
  sql_at (path, "PRAGMA page_size = 4096; PRAGMA journal_mode = WAL");
  store = em_case_store_open (path, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 50; i++)
    g_assert_cmpint (em_case_store_add (store, em_evaluation_get_record (evaluation), "Ana Gómez", &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (em_case_store_verify (store, &error), ==, 50);
  g_assert_no_error (error);
  g_clear_object (&store);
  g_assert_cmpint (pragma_of (path, "page_size"), ==, 4096);
  g_assert_cmpint (pragma_of (path, "user_version"), ==, EM_STORE_SCHEMA_VERSION);
}

static void
test_round_trip_keeps_everything (Fixture *f, gconstpointer data)
{
  gint64 id = add (f, EM_CASE_KIND_CAPACIDAD, COMPLETE);
  g_auto(EmCaseRow) row = { 0 };
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *code = NULL;

  g_assert_true (em_case_store_get_row (f->store, id, &row, &error));
  g_assert_cmpstr (row.kind, ==, "capacidad");
  g_assert_cmpstr (row.state, ==, "evaluado");
  g_assert_cmpstr (row.result, ==, "cumple");
  g_assert_cmpstr (row.name, ==, "Minerales Ñandú S.A.S.");
  g_assert_cmpstr (row.document, ==, "900123456");
  g_assert_cmpstr (row.radicado, ==, "20170500001");
  g_assert_cmpstr (row.rules_id, ==, "res-anm-208-2017");
  g_assert_cmpuint (strlen (row.rules_sha256), ==, 64);
  g_assert_cmpstr (row.evaluator, ==, "Ana Gómez");
  g_assert_nonnull (strstr (row.input_json, "\"activo_corriente\":\"124.00\""));
  g_assert_nonnull (strstr (row.result_json, "\"resultado\":\"cumple\""));
  events = em_case_store_get_events (f->store, id, &error);
  g_assert_cmpuint (events->len, ==, 1);
  g_assert_cmpstr (((EmCaseEvent *) events->pdata[0])->kind, ==, "creado");
  code = em_case_store_get_code (f->store, id, &error);
  g_assert_true (g_regex_match_simple ("^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$",
                                       code, 0, 0));
}

static void
test_tariff_case_stored_with_schedule (Fixture *f, gconstpointer data)
{
  gint64 id = add (f, EM_CASE_KIND_TARIFA, TARIFF);
  g_auto(EmCaseRow) row = { 0 };

  g_assert_true (em_case_store_get_row (f->store, id, &row, NULL));
  g_assert_cmpstr (row.kind, ==, "tarifa");
  g_assert_cmpstr (row.rules_id, ==, "anexo-tecnico-ilustrativo");
  g_assert_cmpstr (row.expediente, ==, "HJK-08231");
  g_assert_cmpstr (row.name, ==, "Carbones de Boyacá");
  g_assert_nonnull (row.tariff);
}

static void
test_missing_evaluator_refused (Fixture *f, gconstpointer data)
{
  g_autoptr(EmEvaluation) evaluation = em_evaluator_evaluate_text (f->evaluator, EM_CASE_KIND_CAPACIDAD,
                                                                   COMPLETE, FALSE, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (em_case_store_add (f->store, em_evaluation_get_record (evaluation), "  ", &error), ==, 0);
  g_assert_nonnull (strstr (error->message, "evaluador"));
  g_assert_cmpint (em_case_store_count (f->store, NULL), ==, 0);
}

static const struct { EmCaseKind kind; const char *json; } prepared_inputs[] = {
  { EM_CASE_KIND_CAPACIDAD, COMPLETE }, { EM_CASE_KIND_CAPACIDAD, FAILS },
  { EM_CASE_KIND_CAPACIDAD, INCOMPLETE }, { EM_CASE_KIND_TARIFA, TARIFF },
};

/* As `casos importar` does: evaluated, and made ready with its hashes, in
 * a thread other than the store's. */
static gpointer
prepare_cases (gpointer data)
{
  Fixture *f = data;
  GPtrArray *cases = g_ptr_array_new_with_free_func ((GDestroyNotify) em_new_case_free);

  for (guint i = 0; i < G_N_ELEMENTS (prepared_inputs); i++)
    {
      g_autoptr(EmEvaluation) evaluation = em_evaluator_evaluate_text (f->evaluator, prepared_inputs[i].kind,
                                                                       prepared_inputs[i].json, FALSE, NULL);
      g_ptr_array_add (cases, em_new_case_new (em_evaluation_get_record (evaluation), "Ana Gómez"));
    }
  return cases;
}

static void
assert_case_verifies (Fixture *f, gint64 id, EmCaseKind kind, const char *input)
{
  g_autoptr(EmEvaluation) evaluation = em_evaluator_evaluate_text (f->evaluator, kind, input, FALSE, NULL);
  g_autofree char *snapshot = NULL;
  g_auto(EmCaseRow) row = { 0 };
  g_autoptr(GPtrArray) events = em_case_store_get_events (f->store, id, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *code = em_case_store_get_code (f->store, id, NULL);
  g_autofree char *expected_code = NULL;
  EmCaseEvent *first;

  g_assert_true (em_case_store_get_row (f->store, id, &row, NULL));
  g_assert_true (em_chain_verify_case (&row, events, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 1);
  first = events->pdata[0];
  snapshot = em_chain_snapshot (&row);
  g_assert_cmpstr (first->snapshot, ==, snapshot);
  expected_code = em_chain_code (first->hash);
  g_assert_cmpstr (code, ==, expected_code);
  g_assert_cmpstr (row.evaluator, ==, "Ana Gómez");
  g_assert_cmpstr (row.created, ==, first->at);
  g_assert_cmpstr (row.input_json, ==, em_evaluation_get_record (evaluation)->input_json);
  g_assert_cmpstr (row.result_json, ==, em_evaluation_get_record (evaluation)->result_json);
}

static void
test_cases_prepared_in_another_thread (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) cases = g_thread_join (g_thread_new ("preparar", prepare_cases, f));
  g_autoptr(GError) error = NULL;

  g_assert_true (em_case_store_begin (f->store, &error));
  for (guint i = 0; i < cases->len; i++)
    g_assert_cmpint (em_case_store_add_new (f->store, cases->pdata[i], &error), ==, i + 1);
  g_assert_true (em_case_store_commit (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (em_case_store_verify (f->store, &error), ==, cases->len);
  g_assert_no_error (error);
  for (guint i = 0; i < cases->len; i++)
    assert_case_verifies (f, i + 1, prepared_inputs[i].kind, prepared_inputs[i].json);
  assert_state (f, 2, "rechazado");
}

/* Without a savepoint of its own, in the caller's transaction: what the
 * transaction does (rolled back, committed) is what happens to the cases. */
static void
test_cases_added_in_callers_transaction (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) cases = prepare_cases (f);
  g_autoptr(GPtrArray) again = prepare_cases (f);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) found = NULL;
  EmCaseFilter filter = EM_CASE_FILTER_INIT;

  g_assert_true (em_case_store_begin (f->store, &error));
  for (guint i = 0; i < cases->len; i++)
    g_assert_cmpint (em_case_store_add_in_transaction (f->store, cases->pdata[i], &error), >, 0);
  em_case_store_rollback (f->store);
  g_assert_cmpint (em_case_store_count (f->store, NULL), ==, 0);
  g_assert_true (em_case_store_begin (f->store, &error));
  for (guint i = 0; i < again->len; i++)
    g_assert_cmpint (em_case_store_add_in_transaction (f->store, again->pdata[i], &error), >, 0);
  g_assert_true (em_case_store_commit (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (em_case_store_count (f->store, NULL), ==, again->len);
  g_assert_cmpint (em_case_store_verify (f->store, &error), ==, again->len);
  g_assert_no_error (error);
  filter.text = "Ñandú";         /* the search index is complete at commit */
  found = em_case_store_query_ids (f->store, &filter, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 2);
}

static void
test_prepared_case_without_evaluator_refused (Fixture *f, gconstpointer data)
{
  g_autoptr(EmEvaluation) evaluation = em_evaluator_evaluate_text (f->evaluator, EM_CASE_KIND_CAPACIDAD,
                                                                   COMPLETE, FALSE, NULL);
  g_autoptr(EmNewCase) blank = em_new_case_new (em_evaluation_get_record (evaluation), "  ");
  g_autoptr(EmNewCase) missing = em_new_case_new (em_evaluation_get_record (evaluation), NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (em_case_store_add_new (f->store, blank, &error), ==, 0);
  g_assert_nonnull (strstr (error->message, "evaluador"));
  g_clear_error (&error);
  g_assert_cmpint (em_case_store_add_new (f->store, missing, &error), ==, 0);
  g_assert_nonnull (strstr (error->message, "evaluador"));
  g_assert_cmpint (em_case_store_count (f->store, NULL), ==, 0);
}

/* ---- The procedure ---------------------------------------------------- */

static void
test_requerimiento_then_subsanacion_complete (Fixture *f, gconstpointer data)
{
  gint64 id = add (f, EM_CASE_KIND_CAPACIDAD, INCOMPLETE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = NULL;

  assert_state (f, id, "evaluado");
  g_assert_true (apply (f, id, EM_CASE_ACTION_EMITIR_REQUERIMIENTO, NULL, NULL, &error));
  assert_state (f, id, "requerimiento_emitido");
  g_assert_true (apply (f, id, EM_CASE_ACTION_REGISTRAR_SUBSANACION, NULL, COMPLETE, &error));
  g_assert_no_error (error);
  assert_state (f, id, "subsanado");
  events = em_case_store_get_events (f->store, id, NULL);
  g_assert_cmpuint (events->len, ==, 3);
  g_assert_cmpstr (((EmCaseEvent *) events->pdata[2])->kind, ==, "registrar_subsanacion");
  em_case_store_verify (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpint (em_case_store_verify (f->store, &error), ==, 3);
}

static void
test_still_incomplete_after_subsanacion_is_rejected (Fixture *f, gconstpointer data)
{
  gint64 id = add (f, EM_CASE_KIND_CAPACIDAD, INCOMPLETE);
  g_autoptr(GError) error = NULL;

  g_assert_true (apply (f, id, EM_CASE_ACTION_EMITIR_REQUERIMIENTO, NULL, NULL, NULL));
  g_assert_true (apply (f, id, EM_CASE_ACTION_REGISTRAR_SUBSANACION, NULL, INCOMPLETE, NULL));
  assert_state (f, id, "rechazado");
  g_assert_false (apply (f, id, EM_CASE_ACTION_EMITIR_REQUERIMIENTO, NULL, NULL, &error));
  g_assert_error (error, EM_PROCEDURE_ERROR, EM_PROCEDURE_ERROR_NOT_ALLOWED);
  g_assert_nonnull (strstr (error->message, "una vez"));
}

static void
test_second_requerimiento_refused (Fixture *f, gconstpointer data)
{
  gint64 id = add (f, EM_CASE_KIND_CAPACIDAD, INCOMPLETE);
  g_autoptr(GError) error = NULL;

  g_assert_true (apply (f, id, EM_CASE_ACTION_EMITIR_REQUERIMIENTO, NULL, NULL, NULL));
  g_assert_false (apply (f, id, EM_CASE_ACTION_EMITIR_REQUERIMIENTO, NULL, NULL, &error));
  g_assert_nonnull (strstr (error->message, "solo puede subsanar una vez"));
  assert_state (f, id, "requerimiento_emitido");
}

static void
test_requerimiento_only_for_incomplete (Fixture *f, gconstpointer data)
{
  gint64 id = add (f, EM_CASE_KIND_CAPACIDAD, COMPLETE);
  g_autoptr(GError) error = NULL;

  g_assert_false (apply (f, id, EM_CASE_ACTION_EMITIR_REQUERIMIENTO, NULL, NULL, &error));
  g_assert_error (error, EM_PROCEDURE_ERROR, EM_PROCEDURE_ERROR_NOT_ALLOWED);
  g_clear_error (&error);
  g_assert_false (apply (f, id, EM_CASE_ACTION_REGISTRAR_SUBSANACION, NULL, COMPLETE, &error));
  g_assert_nonnull (strstr (error->message, "requerimiento"));
}

static void
test_unanswered_requerimiento_can_be_rejected (Fixture *f, gconstpointer data)
{
  gint64 id = add (f, EM_CASE_KIND_CAPACIDAD, INCOMPLETE);

  g_assert_true (apply (f, id, EM_CASE_ACTION_EMITIR_REQUERIMIENTO, NULL, NULL, NULL));
  g_assert_true (apply (f, id, EM_CASE_ACTION_RECHAZAR, "No subsanó en el plazo", NULL, NULL));
  assert_state (f, id, "rechazado");
}

static void
test_failing_cobertura_rejected_at_once (Fixture *f, gconstpointer data)
{
  gint64 id = add (f, EM_CASE_KIND_CAPACIDAD, FAILS);
  g_autoptr(GError) error = NULL;

  assert_state (f, id, "rechazado");
  g_assert_false (apply (f, id, EM_CASE_ACTION_EMITIR_REQUERIMIENTO, NULL, NULL, &error));
}

static void
test_aval_presented_and_reevaluated (Fixture *f, gconstpointer data)
{
  gint64 id = add (f, EM_CASE_KIND_CAPACIDAD, NEEDS_AVAL);
  g_auto(EmCaseRow) row = { 0 };
  g_autoptr(GError) error = NULL;

  g_assert_true (em_case_store_get_row (f->store, id, &row, NULL));
  g_assert_cmpstr (row.result, ==, "requiere_aval");
  g_assert_true (apply (f, id, EM_CASE_ACTION_REGISTRAR_AVAL, NULL, NULL, &error));
  g_assert_no_error (error);
  em_case_row_clear (&row);
  g_assert_true (em_case_store_get_row (f->store, id, &row, NULL));
  g_assert_cmpstr (row.result, ==, "cumple");
  g_assert_nonnull (strstr (row.input_json, "\"aval_financiero\":true"));
  g_assert_false (apply (f, id, EM_CASE_ACTION_REGISTRAR_AVAL, NULL, NULL, &error));
}

static void
test_anular_needs_reason_and_is_final (Fixture *f, gconstpointer data)
{
  gint64 id = add (f, EM_CASE_KIND_CAPACIDAD, INCOMPLETE);
  g_auto(EmCaseRow) row = { 0 };
  g_autoptr(GError) error = NULL;

  g_assert_false (apply (f, id, EM_CASE_ACTION_ANULAR, "  ", NULL, &error));
  g_assert_nonnull (strstr (error->message, "motivo"));
  g_clear_error (&error);
  g_assert_true (apply (f, id, EM_CASE_ACTION_ANULAR, "Radicado por error", NULL, &error));
  g_assert_true (em_case_store_get_row (f->store, id, &row, NULL));
  g_assert_cmpstr (row.state, ==, "anulado");
  g_assert_cmpstr (row.annulment_reason, ==, "Radicado por error");
  g_assert_false (apply (f, id, EM_CASE_ACTION_EMITIR_REQUERIMIENTO, NULL, NULL, &error));
  g_assert_nonnull (strstr (error->message, "anulado"));
  g_assert_cmpint (em_case_store_count (f->store, NULL), ==, 1);
}

static void
test_tariff_case_can_only_be_annulled (Fixture *f, gconstpointer data)
{
  gint64 id = add (f, EM_CASE_KIND_TARIFA, TARIFF);
  g_autoptr(GError) error = NULL;

  g_assert_false (apply (f, id, EM_CASE_ACTION_RECHAZAR, NULL, NULL, &error));
  g_assert_true (apply (f, id, EM_CASE_ACTION_ANULAR, "Duplicado", NULL, NULL));
  assert_state (f, id, "anulado");
}

static void
test_cases_and_events_cannot_be_deleted (Fixture *f, gconstpointer data)
{
  sqlite3 *db;

  add (f, EM_CASE_KIND_CAPACIDAD, COMPLETE);
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "DELETE FROM cases", NULL, NULL, NULL), !=, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "DELETE FROM events", NULL, NULL, NULL), !=, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE events SET kind = 'x'", NULL, NULL, NULL), !=, SQLITE_OK);
  sqlite3_close (db);
}

/* The store keeps its statements prepared: a failed step, a rolled-back
 * savepoint or transaction, and a schema change by another program leave
 * them usable, and nothing of a failed case stays behind. */
static void
exec_other (Fixture *f, const char *sql)
{
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static gint64
try_add (Fixture *f, GError **error)
{
  g_autoptr(EmEvaluation) evaluation = em_evaluator_evaluate_text (f->evaluator, EM_CASE_KIND_CAPACIDAD,
                                                                   COMPLETE, FALSE, NULL);

  return em_case_store_add (f->store, em_evaluation_get_record (evaluation), "Ana Gómez", error);
}

/* Found by fuzz-case-bundle: the number of cases is kept until the
 * database changes, and a rollback changes it back without adding to
 * total_changes — a count read inside the rolled-back transaction (or
 * savepoint) must not be given afterwards. */
static void
test_count_after_rollback_is_read_again (Fixture *f, gconstpointer data)
{
  gint64 numbered = -2;

  add (f, EM_CASE_KIND_CAPACIDAD, COMPLETE);
  g_assert_true (em_case_store_begin (f->store, NULL));
  add (f, EM_CASE_KIND_CAPACIDAD, COMPLETE);
  g_assert_cmpint (em_case_store_count (f->store, NULL), ==, 2);
  g_assert_true (em_case_store_begin (f->store, NULL));     /* a savepoint */
  add (f, EM_CASE_KIND_TARIFA, TARIFF);
  g_assert_cmpint (em_case_store_count (f->store, NULL), ==, 3);
  em_case_store_rollback (f->store);
  g_assert_cmpint (em_case_store_count (f->store, NULL), ==, 2);
  em_case_store_rollback (f->store);
  g_assert_cmpint (em_case_store_count (f->store, NULL), ==, 1);
  g_assert_true (em_case_store_count_if_numbered (f->store, &numbered, NULL));
  g_assert_cmpint (numbered, ==, 1);
}

static void
test_statements_survive_errors_and_rollbacks (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  add (f, EM_CASE_KIND_CAPACIDAD, COMPLETE);
  exec_other (f, "CREATE TRIGGER refuse BEFORE INSERT ON events WHEN new.n = 1"
                 " AND (SELECT count(*) FROM cases) = 2 BEGIN SELECT RAISE (ABORT, 'no'); END");
  g_assert_cmpint (try_add (f, &error), ==, 0);            /* the row went in, its event failed */
  g_assert_error (error, EM_STORE_ERROR, EM_STORE_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_cmpint (em_case_store_count (f->store, NULL), ==, 1);

  g_assert_true (em_case_store_begin (f->store, NULL));    /* the same inside one transaction */
  g_assert_cmpint (try_add (f, &error), ==, 0);
  g_clear_error (&error);
  exec_other (f, "SELECT 1");                              /* readers are not blocked */
  em_case_store_rollback (f->store);
  exec_other (f, "DROP TRIGGER refuse");

  g_assert_true (em_case_store_begin (f->store, NULL));
  add (f, EM_CASE_KIND_CAPACIDAD, COMPLETE);
  em_case_store_rollback (f->store);
  g_assert_true (em_case_store_begin (f->store, NULL));
  add (f, EM_CASE_KIND_CAPACIDAD, COMPLETE);
  add (f, EM_CASE_KIND_TARIFA, TARIFF);
  g_assert_true (em_case_store_commit (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (em_case_store_count (f->store, NULL), ==, 3);
  g_assert_cmpint (em_case_store_verify (f->store, &error), ==, 3);
  g_assert_no_error (error);
}

/* Uuids are version 7: valid, and in the order the cases were made. */
static void
test_uuids_follow_creation_order (Fixture *f, gconstpointer data)
{
  g_autofree char *previous = NULL;

  for (guint i = 0; i < 5; i++)
    {
      g_auto(EmCaseRow) row = { 0 };
      gint64 id = add (f, EM_CASE_KIND_TARIFA, TARIFF);

      g_usleep (1500);
      g_assert_true (em_case_store_get_row (f->store, id, &row, NULL));
      g_assert_true (g_uuid_string_is_valid (row.uuid));
      g_assert_cmpuint (strspn (row.uuid, "0123456789abcdef-"), ==, 36);   /* lowercase */
      g_assert_cmpint (row.uuid[14], ==, '7');
      g_assert_true (strchr ("89ab", row.uuid[19]) != NULL);
      if (previous != NULL)
        g_assert_cmpstr (previous, <, row.uuid);
      g_free (previous);
      previous = g_strdup (row.uuid);
    }
}

/* The count is kept between questions, but never outlives a change, by
 * this store or by another program. */
static void
test_count_follows_every_change (Fixture *f, gconstpointer data)
{
  gint64 count = 0;

  add (f, EM_CASE_KIND_CAPACIDAD, COMPLETE);
  g_assert_cmpint (em_case_store_count (f->store, NULL), ==, 1);
  g_assert_true (em_case_store_count_if_numbered (f->store, &count, NULL));
  g_assert_cmpint (count, ==, 1);
  add (f, EM_CASE_KIND_TARIFA, TARIFF);
  g_assert_cmpint (em_case_store_count (f->store, NULL), ==, 2);
  exec_other (f, "INSERT INTO cases SELECT 7, 'otro', tipo, estado, entrada, reglas_id, reglas_sha256,"
                 " resultado_json, resultado, tarifa, nombre, documento, radicado, expediente, evaluador,"
                 " creado, actualizado, requerimiento, motivo_anulacion, ultimo_hash FROM cases WHERE id = 1");
  g_assert_cmpint (em_case_store_count (f->store, NULL), ==, 3);
  g_assert_true (em_case_store_count_if_numbered (f->store, &count, NULL));
  g_assert_cmpint (count, ==, -1);                          /* ids 1, 2, 7: not 1…N */
}

/* ---- Tamper evidence -------------------------------------------------- */

static void
test_verify_counts_events (Fixture *f, gconstpointer data)
{
  gint64 id = add (f, EM_CASE_KIND_CAPACIDAD, INCOMPLETE);
  g_autoptr(GError) error = NULL;

  add (f, EM_CASE_KIND_TARIFA, TARIFF);
  g_assert_true (apply (f, id, EM_CASE_ACTION_EMITIR_REQUERIMIENTO, NULL, NULL, NULL));
  em_case_store_verify (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpint (em_case_store_verify (f->store, &error), ==, 3);
}

static void
test_edited_verdict_is_detected_and_named (Fixture *f, gconstpointer data)
{
  gint64 id = add (f, EM_CASE_KIND_CAPACIDAD, FAILS);
  g_autofree char *statement = g_strdup_printf ("UPDATE cases SET resultado = 'cumple', estado = 'evaluado'"
                                                " WHERE id = %ld", (long) id);
  g_autofree char *name = g_strdup_printf ("caso %ld", (long) id);
  g_autoptr(GError) error = NULL;

  add (f, EM_CASE_KIND_CAPACIDAD, COMPLETE);
  sql (f, statement);
  assert_tampered (f, name);
  g_assert_false (em_case_store_verify_case (f->store, id, &error));
  g_assert_error (error, EM_STORE_ERROR, EM_STORE_ERROR_TAMPERED);
  g_clear_error (&error);
  g_assert_true (em_case_store_verify_case (f->store, id + 1, &error));
}

static void
test_edited_result_json_is_detected (Fixture *f, gconstpointer data)
{
  add (f, EM_CASE_KIND_CAPACIDAD, COMPLETE);
  sql (f, "UPDATE cases SET resultado_json = replace (resultado_json, '1.2400', '1.3000')");
  assert_tampered (f, "modificado directamente");
}

static void
test_deleted_event_is_detected (Fixture *f, gconstpointer data)
{
  gint64 id = add (f, EM_CASE_KIND_CAPACIDAD, INCOMPLETE);

  add (f, EM_CASE_KIND_CAPACIDAD, COMPLETE);
  g_assert_true (apply (f, id, EM_CASE_ACTION_EMITIR_REQUERIMIENTO, NULL, NULL, NULL));
  sql (f, "DROP TRIGGER events_append_only_delete; DELETE FROM events WHERE seq = 2");
  assert_tampered (f, "evento 3");
}

static void
test_reordered_events_are_detected (Fixture *f, gconstpointer data)
{
  add (f, EM_CASE_KIND_CAPACIDAD, COMPLETE);
  add (f, EM_CASE_KIND_CAPACIDAD, INCOMPLETE);
  sql (f, "DROP TRIGGER events_append_only_update;"
          "UPDATE events SET seq = 100 WHERE seq = 1; UPDATE events SET seq = 1 WHERE seq = 2;"
          "UPDATE events SET seq = 2 WHERE seq = 100");
  assert_tampered (f, "La cadena del historial se rompe en el evento 1");
}

static void
test_edited_event_is_detected (Fixture *f, gconstpointer data)
{
  add (f, EM_CASE_KIND_CAPACIDAD, COMPLETE);
  sql (f, "DROP TRIGGER events_append_only_update; UPDATE events SET evaluador = 'Otro' WHERE seq = 1");
  assert_tampered (f, "El evento 1");
}

static void
test_last_event_deleted_is_detected (Fixture *f, gconstpointer data)
{
  gint64 id = add (f, EM_CASE_KIND_CAPACIDAD, INCOMPLETE);
  g_autofree char *name = g_strdup_printf ("caso %ld", (long) id);

  g_assert_true (apply (f, id, EM_CASE_ACTION_EMITIR_REQUERIMIENTO, NULL, NULL, NULL));
  sql (f, "DROP TRIGGER events_append_only_delete; DELETE FROM events WHERE seq = 2");
  assert_tampered (f, name);
}

/* ---- Verification codes ----------------------------------------------- */

static void
test_code_finds_case_and_tells_if_superseded (Fixture *f, gconstpointer data)
{
  gint64 id = add (f, EM_CASE_KIND_CAPACIDAD, INCOMPLETE);
  g_autofree char *first = em_case_store_get_code (f->store, id, NULL);
  g_autofree char *typed = g_ascii_strdown (first, -1);
  g_autofree char *second = NULL;
  gint64 found = 0;
  gboolean latest = FALSE;
  g_autoptr(GError) error = NULL;

  g_strdelimit (typed, "-", ' ');
  g_assert_true (em_case_store_find_code (f->store, typed, &found, &latest, &error));
  g_assert_cmpint (found, ==, id);
  g_assert_true (latest);
  g_assert_true (apply (f, id, EM_CASE_ACTION_EMITIR_REQUERIMIENTO, NULL, NULL, NULL));
  second = em_case_store_get_code (f->store, id, NULL);
  g_assert_cmpstr (first, !=, second);
  g_assert_true (em_case_store_find_code (f->store, first, &found, &latest, &error));
  g_assert_false (latest);
  g_assert_false (em_case_store_find_code (f->store, "0000-0000-0000", &found, &latest, &error));
  g_assert_error (error, EM_STORE_ERROR, EM_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (em_case_store_find_code (f->store, "hola", &found, &latest, &error));
}

/* ---- Search ----------------------------------------------------------- */

static guint
count_matching (Fixture *f, const EmCaseFilter *filter)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = em_case_store_query_ids (f->store, filter, 0, &error);

  g_assert_no_error (error);
  return ids->len;
}

static void
test_search_by_name_document_radicado_expediente (Fixture *f, gconstpointer data)
{
  EmCaseFilter filter = EM_CASE_FILTER_INIT;
  const char *searches[] = { "nandu", "ÑANDÚ minerales", "900123", "2017050", "hjk 0823", "boyaca" };
  const guint expected[] = { 1, 1, 1, 1, 1, 1 };

  add (f, EM_CASE_KIND_CAPACIDAD, COMPLETE);
  add (f, EM_CASE_KIND_TARIFA, TARIFF);
  add (f, EM_CASE_KIND_CAPACIDAD, FAILS);
  for (guint i = 0; i < G_N_ELEMENTS (searches); i++)
    {
      filter.text = searches[i];
      g_assert_cmpuint (count_matching (f, &filter), ==, expected[i]);
    }
  filter.text = "\"*(";
  g_assert_cmpuint (count_matching (f, &filter), ==, 3);
  filter.text = "inexistente";
  g_assert_cmpuint (count_matching (f, &filter), ==, 0);
}

static void
test_filters_kind_result_state_and_dates (Fixture *f, gconstpointer data)
{
  EmCaseFilter filter = EM_CASE_FILTER_INIT;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  add (f, EM_CASE_KIND_CAPACIDAD, COMPLETE);
  add (f, EM_CASE_KIND_TARIFA, TARIFF);
  add (f, EM_CASE_KIND_CAPACIDAD, FAILS);
  filter.any_kind = FALSE;
  filter.kind = EM_CASE_KIND_CAPACIDAD;
  g_assert_cmpuint (count_matching (f, &filter), ==, 2);
  filter.result = "no_cumple";
  g_assert_cmpuint (count_matching (f, &filter), ==, 1);
  filter.result = NULL;
  filter.any_state = FALSE;
  filter.state = EM_CASE_STATE_RECHAZADO;
  g_assert_cmpuint (count_matching (f, &filter), ==, 1);
  filter = (EmCaseFilter) EM_CASE_FILTER_INIT;
  filter.from = today;
  filter.until = today;
  g_assert_cmpuint (count_matching (f, &filter), ==, 3);
  filter.from = "2000-01-01";
  filter.until = "2000-12-31";
  g_assert_cmpuint (count_matching (f, &filter), ==, 0);
}

static void
test_summaries_newest_first (Fixture *f, gconstpointer data)
{
  EmCaseFilter filter = EM_CASE_FILTER_INIT;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  EmCaseSummary *tariff;

  add (f, EM_CASE_KIND_CAPACIDAD, COMPLETE);
  add (f, EM_CASE_KIND_TARIFA, TARIFF);
  ids = em_case_store_query_ids (f->store, &filter, 0, NULL);
  rows = em_case_store_get_summaries (f->store, (gint64 *) ids->data, ids->len, NULL);
  g_assert_cmpuint (rows->len, ==, 2);
  tariff = rows->pdata[0];
  g_assert_cmpstr (tariff->kind, ==, "tarifa");
  g_assert_cmpstr (tariff->document, ==, "HJK-08231");
  g_assert_cmpstr (((EmCaseSummary *) rows->pdata[1])->result, ==, "cumple");
}

static gint64
add_named (Fixture *f, const char *name)
{
  g_autofree char *json = g_strdup_printf ("{\"regimen\":\"comun\",\"nombre\":\"%s\"}", name);

  return add (f, EM_CASE_KIND_CAPACIDAD, json);
}

static char *
names_in_order (Fixture *f, const EmCaseFilter *filter)
{
  g_autoptr(GArray) ids = em_case_store_query_ids (f->store, filter, 0, NULL);
  g_autoptr(GPtrArray) rows = em_case_store_get_summaries (f->store, (gint64 *) ids->data, ids->len, NULL);
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < rows->len; i++)
    g_string_append_printf (names, "%s%s", i ? ", " : "", ((EmCaseSummary *) rows->pdata[i])->name);
  return g_string_free (g_steal_pointer (&names), FALSE);
}

static void
test_sorted_by_name_in_spanish_order (Fixture *f, gconstpointer data)
{
  EmCaseFilter filter = EM_CASE_FILTER_INIT;
  const char *names[] = { "Zapata", "Ñandú", "Álvarez", "Nieto", "alba", "Ocampo" };
  g_autofree char *ascending = NULL;
  g_autofree char *descending = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    add_named (f, names[i]);
  filter.sort = EM_CASE_SORT_NAME;
  filter.ascending = TRUE;
  ascending = names_in_order (f, &filter);
  g_assert_cmpstr (ascending, ==, "alba, Álvarez, Nieto, Ñandú, Ocampo, Zapata");
  filter.ascending = FALSE;
  descending = names_in_order (f, &filter);
  g_assert_cmpstr (descending, ==, "Zapata, Ocampo, Ñandú, Nieto, Álvarez, alba");
}

static void
test_sorted_by_outcome_then_tariff (Fixture *f, gconstpointer data)
{
  EmCaseFilter filter = EM_CASE_FILTER_INIT;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  add (f, EM_CASE_KIND_TARIFA, TARIFF);
  add (f, EM_CASE_KIND_CAPACIDAD, FAILS);
  add (f, EM_CASE_KIND_CAPACIDAD, COMPLETE);
  add (f, EM_CASE_KIND_CAPACIDAD, NEEDS_AVAL);
  filter.sort = EM_CASE_SORT_OUTCOME;
  filter.ascending = TRUE;
  ids = em_case_store_query_ids (f->store, &filter, 0, NULL);
  rows = em_case_store_get_summaries (f->store, (gint64 *) ids->data, ids->len, NULL);
  g_assert_cmpuint (rows->len, ==, 4);
  g_assert_cmpstr (((EmCaseSummary *) rows->pdata[0])->result, ==, "cumple");
  g_assert_cmpstr (((EmCaseSummary *) rows->pdata[1])->result, ==, "requiere_aval");
  g_assert_cmpstr (((EmCaseSummary *) rows->pdata[2])->result, ==, "no_cumple");
  g_assert_cmpstr (((EmCaseSummary *) rows->pdata[3])->kind, ==, "tarifa");
}

static void
test_sorted_oldest_first_when_ascending (Fixture *f, gconstpointer data)
{
  EmCaseFilter filter = EM_CASE_FILTER_INIT;
  g_autoptr(GArray) ids = NULL;
  gint64 first = add_named (f, "Primero");
  gint64 second = add_named (f, "Segundo");

  filter.sort = EM_CASE_SORT_CREATED;
  filter.ascending = TRUE;
  ids = em_case_store_query_ids (f->store, &filter, 0, NULL);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, first);
  g_assert_cmpint (g_array_index (ids, gint64, 1), ==, second);
}

/* ---- Files that are not ours ------------------------------------------ */

static char *
file_checksum (const char *path)
{
  g_autofree char *contents = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, len);
}

static void
test_corrupt_file_refused_untouched (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->dir, "danado.sqlite", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EmCaseStore) store = NULL;

  g_assert_true (g_file_set_contents (path, "esto no es una base de datos, es texto cualquiera\n"
                                            "con varias líneas y bastante longitud para parecer un archivo",
                                      -1, NULL));
  before = file_checksum (path);
  store = em_case_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, EM_STORE_ERROR, EM_STORE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, "dañado"));
  after = file_checksum (path);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
test_foreign_database_refused_untouched (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->dir, "otra.sqlite", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EmCaseStore) store = NULL;
  g_autoptr(EmEvaluation) evaluation = em_evaluator_evaluate_text (f->evaluator, EM_CASE_KIND_CAPACIDAD,
                                                                   COMPLETE, FALSE, &error);

  g_assert_no_error (error);
  sql_at (path, "CREATE TABLE clientes (nombre TEXT); INSERT INTO clientes VALUES ('x')");
  before = file_checksum (path);
  store = em_case_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, EM_STORE_ERROR, EM_STORE_ERROR_NOT_OURS);
  after = file_checksum (path);
  g_assert_cmpstr (before, ==, after);
}

/* New cases enter the search index at commit: after savepoints rolled
 * back, changes to cases made in the same transaction, and a whole
 * import, the index holds exactly the committed cases. */
static void
assert_index_intact (Fixture *f)
{
  exec_other (f, "INSERT INTO cases_fts (cases_fts) VALUES ('integrity-check')");
}

static void
test_search_index_filled_at_commit (Fixture *f, gconstpointer data)
{
  EmCaseFilter filter = EM_CASE_FILTER_INIT;
  gint64 id;

  filter.text = "nandu";
  g_assert_true (em_case_store_begin (f->store, NULL));
  add (f, EM_CASE_KIND_CAPACIDAD, COMPLETE);
  g_assert_true (em_case_store_begin (f->store, NULL));
  add (f, EM_CASE_KIND_CAPACIDAD, COMPLETE);
  em_case_store_rollback (f->store);
  id = add (f, EM_CASE_KIND_CAPACIDAD, INCOMPLETE);
  g_assert_true (em_case_store_apply (f->store, id, EM_CASE_ACTION_EMITIR_REQUERIMIENTO, NULL, NULL, "Ana", NULL));
  add (f, EM_CASE_KIND_TARIFA, TARIFF);
  g_assert_true (em_case_store_commit (f->store, NULL));
  g_assert_cmpuint (count_matching (f, &filter), ==, 2);
  filter.text = "boyaca";
  g_assert_cmpuint (count_matching (f, &filter), ==, 1);
  assert_index_intact (f);
  g_assert_true (em_case_store_begin (f->store, NULL));
  add (f, EM_CASE_KIND_TARIFA, TARIFF);
  em_case_store_rollback (f->store);
  g_assert_cmpuint (count_matching (f, &filter), ==, 1);
  add (f, EM_CASE_KIND_TARIFA, TARIFF);
  g_assert_cmpuint (count_matching (f, &filter), ==, 2);
  assert_index_intact (f);
}

/* ---- Migration -------------------------------------------------------- */

static void
test_migration_from_version_1_backs_up_first (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autofree char *folder = g_path_get_dirname (f->path);
  EmCaseFilter filter = EM_CASE_FILTER_INIT;
  const char *name;
  guint backups = 0;

  add (f, EM_CASE_KIND_CAPACIDAD, COMPLETE);
  g_clear_object (&f->store);
  /* What a version-1 database looks like: no search index (version 2,
   * whose insert trigger version 4 drops), no index of events by case (3). */
  sql (f, "DROP TRIGGER cases_fts_update; DROP TABLE cases_fts;"
          "DROP INDEX events_case; PRAGMA user_version = 1");
  f->store = em_case_store_open (f->path, &error);
  g_assert_no_error (error);
  filter.text = "nandu";
  g_assert_cmpuint (count_matching (f, &filter), ==, 1);
  g_assert_cmpint (em_case_store_verify (f->store, &error), ==, 1);
  dir = g_dir_open (folder, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, "casos.sqlite.respaldo-v1-"))
      {
        g_autofree char *backup = g_build_filename (folder, name, NULL);
        sqlite3 *db;
        sqlite3_stmt *stmt;

        backups++;
        g_assert_cmpint (sqlite3_open (backup, &db), ==, SQLITE_OK);
        g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM cases", -1, &stmt, NULL), ==, SQLITE_OK);
        g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
        g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
        sqlite3_finalize (stmt);
        sqlite3_close (db);
      }
  g_assert_cmpuint (backups, ==, 1);
}

static void
test_newer_schema_refused (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EmCaseStore) store = NULL;

  g_clear_object (&f->store);
  sql (f, "PRAGMA user_version = 99");
  store = em_case_store_open (f->path, &error);
  g_assert_null (store);
  g_assert_error (error, EM_STORE_ERROR, EM_STORE_ERROR_NEWER);
}

/* ---- Two processes ---------------------------------------------------- */

static void
write_cases_in_child (const char *path, guint count)
{
  g_autoptr(EmCaseStore) store = NULL;

  /* A forked child inherits the parent's random state (and so its UUIDs);
   * programs started on their own are seeded from /dev/urandom. */
  g_random_set_seed ((guint32) getpid ());
  store = em_case_store_open (path, NULL);
  g_autoptr(EmEvaluator) evaluator = em_evaluator_new_default (NULL);

  g_assert_nonnull (store);
  for (guint i = 0; i < count; i++)
    {
      g_autoptr(EmEvaluation) evaluation = em_evaluator_evaluate_text (evaluator, EM_CASE_KIND_CAPACIDAD,
                                                                       COMPLETE, FALSE, NULL);
      g_autoptr(GError) error = NULL;

      if (em_case_store_add (store, em_evaluation_get_record (evaluation), "Proceso", &error) == 0)
        {
          g_printerr ("child: %s\n", error->message);
          _exit (1);
        }
    }
  _exit (0);
}

static void
test_two_processes_write_at_once (Fixture *f, gconstpointer data)
{
  pid_t children[2];
  g_autoptr(GError) error = NULL;

  g_clear_object (&f->store);
  for (guint i = 0; i < 2; i++)
    if ((children[i] = fork ()) == 0)
      write_cases_in_child (f->path, 150);
  for (guint i = 0; i < 2; i++)
    {
      int status;
      g_assert_cmpint (waitpid (children[i], &status, 0), ==, children[i]);
      g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
    }
  f->store = em_case_store_open (f->path, &error);
  g_assert_cmpint (em_case_store_count (f->store, NULL), ==, 300);
  g_assert_cmpint (em_case_store_verify (f->store, &error), ==, 300);
  g_assert_no_error (error);
}

#define ADD(path, func) g_test_add ("/casos/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  ADD ("storage/new-database-private-wal-versioned", test_new_database_private_wal_versioned);
  ADD ("storage/new-database-has-16-kib-pages", test_new_database_has_16_kib_pages);
  ADD ("storage/existing-4-kib-database-keeps-its-pages", test_existing_4_kib_database_keeps_its_pages);
  ADD ("storage/round-trip-keeps-everything", test_round_trip_keeps_everything);
  ADD ("storage/tariff-case-stored-with-schedule", test_tariff_case_stored_with_schedule);
  ADD ("storage/missing-evaluator-refused", test_missing_evaluator_refused);
  ADD ("storage/cases-prepared-in-another-thread", test_cases_prepared_in_another_thread);
  ADD ("storage/cases-added-in-callers-transaction", test_cases_added_in_callers_transaction);
  ADD ("storage/prepared-case-without-evaluator-refused", test_prepared_case_without_evaluator_refused);
  ADD ("storage/cases-and-events-cannot-be-deleted", test_cases_and_events_cannot_be_deleted);
  ADD ("storage/statements-survive-errors-and-rollbacks", test_statements_survive_errors_and_rollbacks);
  ADD ("storage/count-after-rollback-is-read-again", test_count_after_rollback_is_read_again);
  ADD ("storage/uuids-follow-creation-order", test_uuids_follow_creation_order);
  ADD ("storage/count-follows-every-change", test_count_follows_every_change);
  ADD ("storage/search-index-filled-at-commit", test_search_index_filled_at_commit);
  ADD ("procedure/requerimiento-then-subsanacion-complete", test_requerimiento_then_subsanacion_complete);
  ADD ("procedure/still-incomplete-after-subsanacion-rejected", test_still_incomplete_after_subsanacion_is_rejected);
  ADD ("procedure/second-requerimiento-refused", test_second_requerimiento_refused);
  ADD ("procedure/requerimiento-only-for-incomplete", test_requerimiento_only_for_incomplete);
  ADD ("procedure/unanswered-requerimiento-can-be-rejected", test_unanswered_requerimiento_can_be_rejected);
  ADD ("procedure/failing-cobertura-rejected-at-once", test_failing_cobertura_rejected_at_once);
  ADD ("procedure/aval-presented-and-reevaluated", test_aval_presented_and_reevaluated);
  ADD ("procedure/anular-needs-reason-and-is-final", test_anular_needs_reason_and_is_final);
  ADD ("procedure/tariff-case-can-only-be-annulled", test_tariff_case_can_only_be_annulled);
  ADD ("history/verify-counts-events", test_verify_counts_events);
  ADD ("history/edited-verdict-detected-and-named", test_edited_verdict_is_detected_and_named);
  ADD ("history/edited-result-json-detected", test_edited_result_json_is_detected);
  ADD ("history/deleted-event-detected", test_deleted_event_is_detected);
  ADD ("history/reordered-events-detected", test_reordered_events_are_detected);
  ADD ("history/edited-event-detected", test_edited_event_is_detected);
  ADD ("history/last-event-deleted-detected", test_last_event_deleted_is_detected);
  ADD ("codes/find-case-and-tell-if-superseded", test_code_finds_case_and_tells_if_superseded);
  ADD ("search/by-name-document-radicado-expediente", test_search_by_name_document_radicado_expediente);
  ADD ("search/filters-kind-result-state-dates", test_filters_kind_result_state_and_dates);
  ADD ("search/summaries-newest-first", test_summaries_newest_first);
  ADD ("search/sorted-by-name-in-spanish-order", test_sorted_by_name_in_spanish_order);
  ADD ("search/sorted-by-outcome-then-tariff", test_sorted_by_outcome_then_tariff);
  ADD ("search/sorted-oldest-first-when-ascending", test_sorted_oldest_first_when_ascending);
  ADD ("files/corrupt-file-refused-untouched", test_corrupt_file_refused_untouched);
  ADD ("files/foreign-database-refused-untouched", test_foreign_database_refused_untouched);
  ADD ("migration/from-version-1-backs-up-first", test_migration_from_version_1_backs_up_first);
  ADD ("migration/newer-schema-refused", test_newer_schema_refused);
  ADD ("concurrency/two-processes-write-at-once", test_two_processes_write_at_once);

  return g_test_run ();
}
