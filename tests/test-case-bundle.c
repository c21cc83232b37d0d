/* test-case-bundle.c — moving cases between laptops, and the CSV case list
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two stores play two laptops, A and B.  Bundles are tampered with through
 * json-glib (which also rewrites their layout: the reader must not depend
 * on it).
 */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "em-case-bundle.h"
#include "em-case-csv.h"
#include "em-case-evaluation.h"

#define COMPLETE   "{\"regimen\":\"comun\",\"nombre\":\"Minerales Ñandú S.A.S.\",\"numero_documento\":\"900123456\"," \
                   "\"activo_corriente\":\"124\",\"pasivo_corriente\":\"100\",\"activo_total\":\"1000\"," \
                   "\"pasivo_total\":\"610\",\"ingresos_operacionales\":\"600\"}"
#define INCOMPLETE "{\"regimen\":\"comun\",\"nombre\":\"Oro \\\"El Dorado\\\" \\\\ Ñ\\t😀\"," \
                   "\"radicado\":\"20170500001\",\"activo_corriente\":\"124\"}"
#define NEEDS_AVAL "{\"regimen\":\"comun\",\"nombre\":\"Oro del Cauca\",\"activo_corriente\":\"123.99\"," \
                   "\"pasivo_corriente\":\"100\",\"activo_total\":\"1000\",\"pasivo_total\":\"100\"," \
                   "\"ingresos_operacionales\":\"100\"}"
#define TARIFF     "{\"etapa\":\"explotacion\",\"grupo_mineral\":\"carbon\",\"sistema\":\"subterraneo\"," \
                   "\"produccion_anual\":\"500000\",\"nivel_cumplimiento\":\"bajo\",\"medida_seguridad\":\"cierre\"," \
                   "\"levantamiento_medida\":true,\"expediente\":\"HJK-08231\",\"titular\":\"Carbones de Boyacá\"}"
#define NAMED(name) "{\"regimen\":\"comun\",\"nombre\":\"" name "\",\"activo_corriente\":\"5\"}"

typedef struct
{
  char        *dir;
  char        *path_a;
  EmCaseStore *a;
  EmCaseStore *b;
  EmEvaluator *evaluator;
} Fixture;

static EmCaseStore *
open_store (const char *dir, const char *name, char **path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *file = g_build_filename (dir, name, NULL);
  EmCaseStore *store = em_case_store_open (file, &error);

  g_assert_no_error (error);
  if (path != NULL)
    *path = g_steal_pointer (&file);
  return store;
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("em-bundle-XXXXXX", &error);
  g_assert_no_error (error);
  f->a = open_store (f->dir, "a.sqlite", &f->path_a);
  f->b = open_store (f->dir, "b.sqlite", NULL);
  f->evaluator = em_evaluator_new_default (&error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_autofree char *command = g_strdup_printf ("rm -rf '%s'", f->dir);

  g_clear_object (&f->a);
  g_clear_object (&f->b);
  g_clear_object (&f->evaluator);
  g_assert_cmpint (system (command), ==, 0);
  g_free (f->dir);
  g_free (f->path_a);
}

static gint64
add (Fixture *f, EmCaseStore *store, EmCaseKind kind, const char *json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EmEvaluation) evaluation = em_evaluator_evaluate_text (f->evaluator, kind, json, FALSE, &error);
  gint64 id;

  g_assert_no_error (error);
  id = em_case_store_add (store, em_evaluation_get_record (evaluation), "Ana María Gómez-Núñez", &error);
  g_assert_no_error (error);
  return id;
}

static void
apply (EmCaseStore *store, gint64 id, EmCaseAction action, const char *reason)
{
  g_autoptr(GError) error = NULL;

  em_case_store_apply (store, id, action, reason, NULL, "Luis Rojas", &error);
  g_assert_no_error (error);
}

/* A: a complete capacity case, an incomplete one with a requerimiento, a
 * tariff, and an annulled one. */
static void
seed (Fixture *f)
{
  add (f, f->a, EM_CASE_KIND_CAPACIDAD, COMPLETE);
  apply (f->a, add (f, f->a, EM_CASE_KIND_CAPACIDAD, INCOMPLETE), EM_CASE_ACTION_EMITIR_REQUERIMIENTO, NULL);
  add (f, f->a, EM_CASE_KIND_TARIFA, TARIFF);
  apply (f->a, add (f, f->a, EM_CASE_KIND_CAPACIDAD, NEEDS_AVAL), EM_CASE_ACTION_ANULAR,
         "Radicado dos veces; ver «caso 1» \"duplicado\"");
}

static char *
export_text (EmCaseStore *store, const EmCaseFilter *filter, guint *n_cases)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  g_assert_true (em_case_bundle_export (store, filter, out, n_cases, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (out, "", 1, NULL, NULL, NULL));
  g_assert_true (g_output_stream_close (out, NULL, NULL));
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
}

static gboolean
import_data (EmCaseStore *store, const char *text, gsize length, EmBundleReport *report, GError **error)
{
  g_autoptr(GInputStream) in = g_memory_input_stream_new_from_data (text, length, NULL);

  return em_case_bundle_import (store, in, "Pedro Páramo", "paquete.json", report, error);
}

static gboolean
import_text (EmCaseStore *store, const char *text, EmBundleReport *report, GError **error)
{
  return import_data (store, text, strlen (text), report, error);
}

static void
import_ok (EmCaseStore *store, const char *text, guint n_new, guint n_extended, guint n_unchanged)
{
  g_autoptr(GError) error = NULL;
  EmBundleReport report = { 99, 99, 99 };

  g_assert_true (import_text (store, text, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.n_new, ==, n_new);
  g_assert_cmpuint (report.n_extended, ==, n_extended);
  g_assert_cmpuint (report.n_unchanged, ==, n_unchanged);
}

static gint64
verified_events (EmCaseStore *store)
{
  g_autoptr(GError) error = NULL;
  gint64 count = em_case_store_verify (store, &error);

  g_assert_no_error (error);
  return count;
}

static void
assert_message_has (const GError *error, const char *part)
{
  g_assert_nonnull (error);
  if (strstr (error->message, part) == NULL)
    g_error ("«%s» does not say «%s»", error->message, part);
}

/* Nothing of a refused bundle was stored, and B still verifies. */
static void
assert_b_unchanged (Fixture *f, gint64 cases, gint64 events)
{
  g_assert_cmpint (em_case_store_count (f->b, NULL), ==, cases);
  g_assert_cmpint (verified_events (f->b), ==, events);
}

static char *
uuid_of (EmCaseStore *store, gint64 id)
{
  g_auto(EmCaseRow) row = { 0 };

  g_assert_true (em_case_store_get_row (store, id, &row, NULL));
  return g_steal_pointer (&row.uuid);
}

static void
sql (const char *path, const char *statement)
{
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, statement, NULL, NULL, NULL) != SQLITE_OK)
    g_error ("%s: %s", statement, sqlite3_errmsg (db));
  sqlite3_close (db);
}

/* ---- Editing a bundle ------------------------------------------------- */

static JsonNode *
parse (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *root = json_from_string (text, &error);

  g_assert_no_error (error);
  return root;
}

static char *
unparse (JsonNode *root)
{
  return json_to_string (root, TRUE);
}

static JsonArray *
cases_of (JsonNode *root)
{
  return json_object_get_array_member (json_node_get_object (root), "casos");
}

static JsonObject *
row_of (JsonNode *root, guint index)
{
  return json_object_get_object_member (json_array_get_object_element (cases_of (root), index), "caso");
}

static JsonArray *
events_of (JsonNode *root, guint index)
{
  return json_object_get_array_member (json_array_get_object_element (cases_of (root), index), "eventos");
}

static void
assert_refused (Fixture *f, JsonNode *root, GQuark domain, int code, const char *part)
{
  g_autofree char *text = unparse (root);
  g_autoptr(GError) error = NULL;
  EmBundleReport report = { 0 };

  g_assert_false (import_text (f->b, text, &report, &error));
  g_assert_error (error, domain, code);
  assert_message_has (error, part);
  assert_b_unchanged (f, 0, 0);
}

/* ---- Round trip --------------------------------------------------------- */

static void
assert_same_events (EmCaseStore *a, EmCaseStore *b, gint64 id)
{
  g_auto(EmCaseRow) row_a = { 0 };
  g_auto(EmCaseRow) row_b = { 0 };
  g_autoptr(GPtrArray) events_a = NULL;
  g_autoptr(GPtrArray) events_b = NULL;

  g_assert_true (em_case_store_export_case (a, id, &row_a, &events_a, NULL));
  g_assert_true (em_case_store_export_case (b, id, &row_b, &events_b, NULL));
  g_assert_cmpuint (events_a->len, ==, events_b->len);
  for (guint i = 0; i < events_a->len; i++)
    {
      EmCaseEvent *ea = events_a->pdata[i];
      EmCaseEvent *eb = events_b->pdata[i];

      g_assert_cmpint (ea->n, ==, eb->n);
      g_assert_cmpstr (ea->kind, ==, eb->kind);
      g_assert_cmpstr (ea->at, ==, eb->at);
      g_assert_cmpstr (ea->evaluator, ==, eb->evaluator);
      g_assert_cmpstr (ea->detail, ==, eb->detail);
      g_assert_cmpstr (ea->snapshot, ==, eb->snapshot);
      g_assert_cmpstr (ea->prev_hash, ==, eb->prev_hash);
      g_assert_cmpstr (ea->hash, ==, eb->hash);
    }
}

static void
assert_same_case (EmCaseStore *a, EmCaseStore *b, gint64 id)
{
  g_auto(EmCaseRow) row_a = { 0 };
  g_auto(EmCaseRow) row_b = { 0 };
  g_autofree char *snapshot_a = NULL;
  g_autofree char *snapshot_b = NULL;

  g_assert_true (em_case_store_get_row (a, id, &row_a, NULL));
  g_assert_true (em_case_store_get_row (b, id, &row_b, NULL));
  g_assert_cmpstr (row_a.uuid, ==, row_b.uuid);
  g_assert_cmpstr (row_a.input_json, ==, row_b.input_json);
  g_assert_cmpstr (row_a.result_json, ==, row_b.result_json);
  g_assert_cmpstr (row_a.name, ==, row_b.name);
  g_assert_cmpstr (row_a.state, ==, row_b.state);
  g_assert_cmpstr (row_a.annulment_reason, ==, row_b.annulment_reason);
  g_assert_cmpint (row_a.requerimiento, ==, row_b.requerimiento);
  snapshot_a = em_chain_snapshot (&row_a);   /* every field, byte for byte */
  snapshot_b = em_chain_snapshot (&row_b);
  g_assert_cmpstr (snapshot_a, ==, snapshot_b);
  assert_same_events (a, b, id);
}

static void
test_round_trip_gives_identical_cases (Fixture *f, gconstpointer data)
{
  g_autofree char *text = NULL;
  guint n = 0;

  seed (f);
  text = export_text (f->a, NULL, &n);
  g_assert_cmpuint (n, ==, 4);
  import_ok (f->b, text, 4, 0, 0);
  for (gint64 id = 1; id <= 4; id++)       /* oldest first: same numbers on B */
    assert_same_case (f->a, f->b, id);
  /* 6 events of the cases' own chains + 4 «importado» events */
  g_assert_cmpint (verified_events (f->b), ==, 10);
}

static void
test_strings_travel_as_json_strings (Fixture *f, gconstpointer data)
{
  g_autofree char *text = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_auto(EmCaseRow) row = { 0 };
  JsonObject *caso;

  add (f, f->a, EM_CASE_KIND_CAPACIDAD, INCOMPLETE);
  text = export_text (f->a, NULL, NULL);
  root = parse (text);
  caso = row_of (root, 0);
  g_assert_true (em_case_store_get_row (f->a, 1, &row, NULL));
  g_assert_cmpstr (json_object_get_string_member (caso, "entrada"), ==, row.input_json);
  g_assert_cmpstr (json_object_get_string_member (caso, "resultado_json"), ==, row.result_json);
  g_assert_cmpstr (json_object_get_string_member (caso, "nombre"), ==, "Oro \"El Dorado\" \\ Ñ\t😀");
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (root), "formato"), ==, EM_BUNDLE_FORMAT);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (root), "version"), ==, EM_BUNDLE_VERSION);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (root), "total"), ==, 1);
}

static void
test_export_writes_one_case_per_line (Fixture *f, gconstpointer data)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;

  seed (f);
  text = export_text (f->a, NULL, NULL);
  lines = g_strsplit (text, "\n", -1);
  /* 3 header lines, 4 cases, 2 closing lines, "" after the last newline */
  g_assert_cmpuint (g_strv_length (lines), ==, 10);
  for (guint i = 3; i < 7; i++)
    {
      g_autofree char *line = g_strndup (lines[i], strlen (lines[i]) - (i < 6 ? 1 : 0));
      g_autoptr(JsonNode) node = parse (line);
      g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
    }
}

static void
test_export_follows_the_filter (Fixture *f, gconstpointer data)
{
  EmCaseFilter filter = EM_CASE_FILTER_INIT;
  g_autofree char *text = NULL;
  guint n = 0;

  seed (f);
  filter.any_kind = FALSE;
  filter.kind = EM_CASE_KIND_TARIFA;
  text = export_text (f->a, &filter, &n);
  g_assert_cmpuint (n, ==, 1);
  import_ok (f->b, text, 1, 0, 0);
  g_assert_cmpint (em_case_store_count (f->b, NULL), ==, 1);
}

static void
test_export_refuses_a_tampered_case (Fixture *f, gconstpointer data)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  seed (f);
  sql (f->path_a, "UPDATE cases SET resultado = 'cumple' WHERE id = 2");
  g_assert_false (em_case_bundle_export (f->a, NULL, out, NULL, &error));
  g_assert_error (error, EM_STORE_ERROR, EM_STORE_ERROR_TAMPERED);
  assert_message_has (error, "caso 2 ");
}

static void
test_empty_store_exports_an_empty_bundle (Fixture *f, gconstpointer data)
{
  g_autofree char *text = export_text (f->a, NULL, NULL);

  import_ok (f->b, text, 0, 0, 0);
  assert_b_unchanged (f, 0, 0);
}

/* ---- Idempotence, extension, conflict ---------------------------------- */

static void
test_import_twice_stores_nothing_twice (Fixture *f, gconstpointer data)
{
  g_autofree char *text = NULL;

  seed (f);
  text = export_text (f->a, NULL, NULL);
  import_ok (f->b, text, 4, 0, 0);
  import_ok (f->b, text, 0, 0, 4);
  assert_b_unchanged (f, 4, 10);
}

static void
test_case_extended_on_a_extends_b (Fixture *f, gconstpointer data)
{
  gint64 id = add (f, f->a, EM_CASE_KIND_CAPACIDAD, INCOMPLETE);
  g_autofree char *first = export_text (f->a, NULL, NULL);
  g_autofree char *second = NULL;
  g_auto(EmCaseRow) row = { 0 };

  add (f, f->a, EM_CASE_KIND_CAPACIDAD, COMPLETE);
  import_ok (f->b, first, 1, 0, 0);
  apply (f->a, id, EM_CASE_ACTION_EMITIR_REQUERIMIENTO, NULL);
  second = export_text (f->a, NULL, NULL);
  import_ok (f->b, second, 1, 1, 0);
  g_assert_true (em_case_store_get_row (f->b, 1, &row, NULL));
  g_assert_cmpstr (row.state, ==, "requerimiento_emitido");
  g_assert_true (row.requerimiento);
  assert_same_case (f->a, f->b, 1);
  /* 1 + 1 + 1 own events, 3 «importado» */
  g_assert_cmpint (verified_events (f->b), ==, 6);
}

static void
test_older_bundle_leaves_newer_case_alone (Fixture *f, gconstpointer data)
{
  gint64 id = add (f, f->a, EM_CASE_KIND_CAPACIDAD, INCOMPLETE);
  g_autofree char *old = export_text (f->a, NULL, NULL);
  g_autofree char *text = NULL;

  apply (f->a, id, EM_CASE_ACTION_EMITIR_REQUERIMIENTO, NULL);
  text = export_text (f->a, NULL, NULL);
  import_ok (f->b, text, 1, 0, 0);
  import_ok (f->b, old, 0, 0, 1);
  assert_same_case (f->a, f->b, 1);
}

static void
test_case_changed_on_both_is_a_conflict_and_nothing_is_stored (Fixture *f, gconstpointer data)
{
  gint64 first = add (f, f->a, EM_CASE_KIND_CAPACIDAD, COMPLETE);   /* new to B: must not arrive */
  gint64 id = add (f, f->a, EM_CASE_KIND_CAPACIDAD, INCOMPLETE);
  EmCaseFilter incomplete = EM_CASE_FILTER_INIT;
  g_autofree char *shared = NULL;
  g_autofree char *text = NULL;
  g_autofree char *uuid = uuid_of (f->a, id);
  g_autoptr(GError) error = NULL;
  g_auto(EmCaseRow) row = { 0 };

  g_assert_cmpint (first, <, id);
  incomplete.result = "informacion_incompleta";
  shared = export_text (f->a, &incomplete, NULL);
  import_ok (f->b, shared, 1, 0, 0);
  apply (f->a, id, EM_CASE_ACTION_EMITIR_REQUERIMIENTO, NULL);
  apply (f->b, 1, EM_CASE_ACTION_ANULAR, "Desistió");
  text = export_text (f->a, NULL, NULL);
  g_assert_false (import_text (f->b, text, NULL, &error));
  g_assert_error (error, EM_STORE_ERROR, EM_STORE_ERROR_CONFLICT);
  assert_message_has (error, uuid);
  assert_b_unchanged (f, 1, 3);
  g_assert_true (em_case_store_get_row (f->b, 1, &row, NULL));
  g_assert_cmpstr (row.state, ==, "anulado");
}

/* ---- Tampered bundles ------------------------------------------------- */

static JsonNode *
seeded_bundle (Fixture *f)
{
  g_autofree char *text = NULL;

  seed (f);
  text = export_text (f->a, NULL, NULL);
  return parse (text);
}

static void
test_edited_result_rejected_naming_the_case (Fixture *f, gconstpointer data)
{
  g_autoptr(JsonNode) root = seeded_bundle (f);
  g_autofree char *uuid = uuid_of (f->a, 2);

  /* Case 1 is intact: it must not be stored either. */
  json_object_set_string_member (row_of (root, 1), "resultado", "cumple");
  assert_refused (f, root, EM_BUNDLE_ERROR, EM_BUNDLE_ERROR_NOT_VERIFIED, uuid);
  assert_refused (f, root, EM_BUNDLE_ERROR, EM_BUNDLE_ERROR_NOT_VERIFIED, "n.º 2 del paquete");
}

static void
test_edited_result_json_text_rejected (Fixture *f, gconstpointer data)
{
  g_autoptr(JsonNode) root = seeded_bundle (f);
  JsonObject *caso = row_of (root, 0);
  g_autoptr(GString) result = g_string_new (json_object_get_string_member (caso, "resultado_json"));

  g_assert_cmpuint (g_string_replace (result, "\"valor\":\"1.2400\"", "\"valor\":\"9.2400\"", 1), ==, 1);
  json_object_set_string_member (caso, "resultado_json", result->str);
  assert_refused (f, root, EM_BUNDLE_ERROR, EM_BUNDLE_ERROR_NOT_VERIFIED, "n.º 1 del paquete");
}

static void
test_deleted_event_rejected (Fixture *f, gconstpointer data)
{
  g_autoptr(JsonNode) root = seeded_bundle (f);

  json_array_remove_element (events_of (root, 1), 0);
  assert_refused (f, root, EM_BUNDLE_ERROR, EM_BUNDLE_ERROR_NOT_VERIFIED, "en el evento 1");
}

static void
test_deleted_last_event_rejected (Fixture *f, gconstpointer data)
{
  g_autoptr(JsonNode) root = seeded_bundle (f);

  json_array_remove_element (events_of (root, 1), 1);
  assert_refused (f, root, EM_BUNDLE_ERROR, EM_BUNDLE_ERROR_NOT_VERIFIED, "no coinciden con su último evento");
}

static void
test_reordered_events_rejected (Fixture *f, gconstpointer data)
{
  g_autoptr(JsonNode) root = seeded_bundle (f);
  JsonArray *events = events_of (root, 3);
  JsonNode *first = json_node_copy (json_array_get_element (events, 0));

  json_array_remove_element (events, 0);
  json_array_add_element (events, first);
  assert_refused (f, root, EM_BUNDLE_ERROR, EM_BUNDLE_ERROR_NOT_VERIFIED, "n.º 4 del paquete");
}

static void
test_edited_event_rejected (Fixture *f, gconstpointer data)
{
  g_autoptr(JsonNode) root = seeded_bundle (f);

  json_object_set_string_member (json_array_get_object_element (events_of (root, 3), 1), "evaluador", "Otro");
  assert_refused (f, root, EM_BUNDLE_ERROR, EM_BUNDLE_ERROR_NOT_VERIFIED, "su contenido fue modificado");
}

/* ---- Invalid fields --------------------------------------------------- */

static void
test_unknown_state_rejected (Fixture *f, gconstpointer data)
{
  g_autoptr(JsonNode) root = seeded_bundle (f);

  json_object_set_string_member (row_of (root, 2), "estado", "aprobado");
  assert_refused (f, root, EM_BUNDLE_ERROR, EM_BUNDLE_ERROR_INVALID, "campo «estado»");
}

static void
test_unknown_kind_rejected (Fixture *f, gconstpointer data)
{
  g_autoptr(JsonNode) root = seeded_bundle (f);

  json_object_set_string_member (row_of (root, 0), "tipo", "regalias");
  assert_refused (f, root, EM_BUNDLE_ERROR, EM_BUNDLE_ERROR_INVALID, "campo «tipo»");
}

static void
test_unknown_field_rejected (Fixture *f, gconstpointer data)
{
  g_autoptr(JsonNode) root = seeded_bundle (f);

  json_object_set_string_member (row_of (root, 0), "nombres", "typo");
  assert_refused (f, root, EM_BUNDLE_ERROR, EM_BUNDLE_ERROR_INVALID, "campo «nombres»");
}

static void
test_missing_event_field_rejected_naming_the_event (Fixture *f, gconstpointer data)
{
  g_autoptr(JsonNode) root = seeded_bundle (f);

  json_object_remove_member (json_array_get_object_element (events_of (root, 1), 1), "hash");
  assert_refused (f, root, EM_BUNDLE_ERROR, EM_BUNDLE_ERROR_INVALID, "evento 2: campo «hash»: falta");
}

static void
test_wrongly_typed_field_rejected (Fixture *f, gconstpointer data)
{
  g_autoptr(JsonNode) root = seeded_bundle (f);

  json_object_set_string_member (json_array_get_object_element (events_of (root, 0), 0), "n", "1");
  assert_refused (f, root, EM_BUNDLE_ERROR, EM_BUNDLE_ERROR_INVALID, "campo «n»");
}

static void
test_detail_must_be_json_text (Fixture *f, gconstpointer data)
{
  g_autoptr(JsonNode) root = seeded_bundle (f);

  json_object_set_string_member (json_array_get_object_element (events_of (root, 0), 0), "detail", "{roto");
  assert_refused (f, root, EM_BUNDLE_ERROR, EM_BUNDLE_ERROR_INVALID, "campo «detail»");
}

/* ---- Not a bundle, truncated, newer ----------------------------------- */

static void
assert_truncated_refused (Fixture *f, const char *text, gsize length)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (import_data (f->b, text, length, NULL, &error));
  g_assert_error (error, EM_BUNDLE_ERROR, EM_BUNDLE_ERROR_MALFORMED);
  assert_b_unchanged (f, 0, 0);
}

static void
test_truncated_bundle_rejected_at_any_point (Fixture *f, gconstpointer data)
{
  g_autofree char *text = NULL;
  gsize length;

  seed (f);
  text = export_text (f->a, NULL, NULL);
  length = strlen (text);
  for (gsize cut = 0; cut < length - 2; cut += 97)
    assert_truncated_refused (f, text, cut);
  /* without its last two bytes ("}\n") the document is already incomplete */
  assert_truncated_refused (f, text, length - 2);
}

static void
test_missing_case_detected_by_total (Fixture *f, gconstpointer data)
{
  g_autoptr(JsonNode) root = seeded_bundle (f);

  json_array_remove_element (cases_of (root), 3);
  assert_refused (f, root, EM_BUNDLE_ERROR, EM_BUNDLE_ERROR_MALFORMED, "tiene 3 casos y debía tener 4");
}

static void
test_newer_version_refused (Fixture *f, gconstpointer data)
{
  g_autoptr(JsonNode) root = seeded_bundle (f);

  json_object_set_int_member (json_node_get_object (root), "version", EM_BUNDLE_VERSION + 1);
  assert_refused (f, root, EM_BUNDLE_ERROR, EM_BUNDLE_ERROR_NEWER, "más nueva");
}

static void
test_other_json_is_not_a_bundle (Fixture *f, gconstpointer data)
{
  const char *texts[] = { "{\"regimen\": \"comun\"}", "[1, 2]", "{\"formato\": \"otro\", \"version\": 1}",
                          "{\"version\": 1, \"casos\": []}",
                          ("{\"formato\": \"evaluador-minero-paquete\", \"version\": 1, \"casos\": [], \"total\": 0} "
                           "basura") };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (import_text (f->b, texts[i], NULL, &error));
      g_assert_error (error, EM_BUNDLE_ERROR, EM_BUNDLE_ERROR_MALFORMED);
    }
  assert_b_unchanged (f, 0, 0);
}

static void
test_deep_nesting_refused_without_recursion (Fixture *f, gconstpointer data)
{
  g_autoptr(GString) text = g_string_new ("{\"formato\": \"evaluador-minero-paquete\", \"version\": 1, \"casos\": [");
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 200000; i++)
    g_string_append_c (text, i < 100000 ? '[' : ']');
  g_string_append (text, "], \"total\": 1}");
  g_assert_false (import_text (f->b, text->str, NULL, &error));
  g_assert_error (error, EM_BUNDLE_ERROR, EM_BUNDLE_ERROR_MALFORMED);
  assert_message_has (error, "niveles anidados");
  assert_b_unchanged (f, 0, 0);
}

/* ---- CSV ---------------------------------------------------------------- */

static char *
export_csv (EmCaseStore *store, const EmCaseFilter *filter, guint *n_rows)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  g_assert_true (em_case_csv_export (store, filter, out, n_rows, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (out, "", 1, NULL, NULL, NULL));
  g_assert_true (g_output_stream_close (out, NULL, NULL));
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
}

/* A small RFC 4180 reader («;», CRLF) to check what a spreadsheet sees:
 * one GStrv of cells per line. */
static void
end_cell (GPtrArray *cells, GString *cell)
{
  g_ptr_array_add (cells, g_strdup (cell->str));
  g_string_truncate (cell, 0);
}

static GPtrArray *
read_csv (const char *text)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GPtrArray) cells = g_ptr_array_new ();
  g_autoptr(GString) cell = g_string_new (NULL);
  gboolean quoted = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (quoted && *p == '"' && p[1] == '"')
        g_string_append_c (cell, *p++);
      else if (*p == '"')
        quoted = !quoted;
      else if (quoted)
        g_string_append_c (cell, *p);
      else if (*p == ';')
        end_cell (cells, cell);
      else if (*p == '\r' && p[1] == '\n')
        {
          end_cell (cells, cell);
          g_ptr_array_add (cells, NULL);
          g_ptr_array_add (lines, g_ptr_array_steal (cells, NULL));
          p++;
        }
      else if (*p == '\r' || *p == '\n')
        g_error ("a bare line end outside quotes at «%.20s»", p);
      else
        g_string_append_c (cell, *p);
    }
  g_assert_false (quoted);
  g_assert_cmpuint (cell->len + cells->len, ==, 0);   /* the last line ends in CRLF */
  return lines;
}

static const char *
cell (GPtrArray *lines, guint line, guint column)
{
  char **cells = lines->pdata[line];

  g_assert_cmpuint (g_strv_length (cells), ==, 9);
  return cells[column];
}

static void
test_csv_has_bom_header_semicolons_and_crlf (Fixture *f, gconstpointer data)
{
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  guint n = 0;

  seed (f);
  text = export_csv (f->a, NULL, &n);
  g_assert_cmpuint (n, ==, 4);
  g_assert_true (g_str_has_prefix (text, "\xEF\xBB\xBF" "Número;Tipo;Nombre o titular;Documento o expediente;"
                                   "Resultado;Tarifa;Estado;Evaluador;Creado\r\n"));
  g_assert_true (g_utf8_validate (text, -1, NULL));
  lines = read_csv (text + 3);
  g_assert_cmpuint (lines->len, ==, 5);
  g_assert_cmpstr (cell (lines, 4, 0), ==, "1");          /* newest first, like the list */
  g_assert_cmpstr (cell (lines, 4, 1), ==, "Capacidad económica");
  g_assert_cmpstr (cell (lines, 4, 2), ==, "Minerales Ñandú S.A.S.");
  g_assert_cmpstr (cell (lines, 4, 3), ==, "900123456");
  g_assert_cmpstr (cell (lines, 4, 4), ==, "CUMPLE");
  g_assert_cmpstr (cell (lines, 4, 5), ==, "");
  g_assert_cmpstr (cell (lines, 4, 6), ==, "Evaluado");
  g_assert_cmpstr (cell (lines, 4, 7), ==, "Ana María Gómez-Núñez");
  g_assert_cmpstr (cell (lines, 3, 6), ==, "Requerimiento emitido");
  g_assert_cmpstr (cell (lines, 2, 1), ==, "Tarifa de inspección");
  g_assert_cmpstr (cell (lines, 2, 3), ==, "HJK-08231");
  g_assert_cmpstr (cell (lines, 1, 6), ==, "Anulado");
}

static void
test_csv_quotes_fields_with_separator_quote_or_newline (Fixture *f, gconstpointer data)
{
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) lines = NULL;

  add (f, f->a, EM_CASE_KIND_CAPACIDAD, NAMED ("Minerales; \\\"Ñandú\\\"\\nS.A.S."));
  text = export_csv (f->a, NULL, NULL);
  g_assert_nonnull (strstr (text, "\r\n1;Capacidad económica;\"Minerales; \"\"Ñandú\"\"\nS.A.S.\";"));
  lines = read_csv (text + 3);
  g_assert_cmpstr (cell (lines, 1, 2), ==, "Minerales; \"Ñandú\"\nS.A.S.");
}

/* Whole pesos grouped by «.», written here independently of the code. */
static char *
grouped (const char *digits)
{
  GString *out = g_string_new (NULL);
  gsize length = strlen (digits);

  for (gsize i = 0; i < length; i++)
    {
      if (i > 0 && (length - i) % 3 == 0)
        g_string_append_c (out, '.');
      g_string_append_c (out, digits[i]);
    }
  return g_string_free (out, FALSE);
}

static void
test_csv_tariff_in_colombian_number_format (Fixture *f, gconstpointer data)
{
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_auto(EmCaseRow) row = { 0 };

  add (f, f->a, EM_CASE_KIND_TARIFA, TARIFF);
  g_assert_true (em_case_store_get_row (f->a, 1, &row, NULL));
  g_assert_cmpuint (strlen (row.tariff), >=, 7);          /* at least 1.000.000: two points */
  g_assert_cmpuint (strspn (row.tariff, "0123456789"), ==, strlen (row.tariff));
  expected = grouped (row.tariff);
  text = export_csv (f->a, NULL, NULL);
  lines = read_csv (text + 3);
  g_assert_cmpstr (cell (lines, 1, 5), ==, expected);
  g_assert_null (strchr (cell (lines, 1, 5), '$'));
  g_assert_cmpstr (cell (lines, 1, 4), ==, "");
}

static void
test_csv_guards_against_formula_injection (Fixture *f, gconstpointer data)
{
  const char *names[] = { "=HYPERLINK(\\\"http://x\\\")", "+57 300", "-1+1", "@SUMA(A1)" };
  const char *expected[] = { "'=HYPERLINK(\"http://x\")", "'+57 300", "'-1+1", "'@SUMA(A1)" };
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) lines = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *json = g_strdup_printf (NAMED ("%s"), names[i]);
      add (f, f->a, EM_CASE_KIND_CAPACIDAD, json);
    }
  add (f, f->a, EM_CASE_KIND_CAPACIDAD, NAMED ("Mina La Esperanza"));
  text = export_csv (f->a, NULL, NULL);
  lines = read_csv (text + 3);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_assert_cmpstr (cell (lines, 5 - i, 2), ==, expected[i]);
  g_assert_cmpstr (cell (lines, 1, 2), ==, "Mina La Esperanza");
}

static void
test_csv_dates_are_dd_mm_aaaa_hh_mm (Fixture *f, gconstpointer data)
{
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) lines = NULL;

  add (f, f->a, EM_CASE_KIND_CAPACIDAD, COMPLETE);
  sql (f->path_a, "UPDATE cases SET creado = '2024-03-05T23:30:59.5Z'");
  text = export_csv (f->a, NULL, NULL);
  lines = read_csv (text + 3);
  g_assert_cmpstr (g_getenv ("TZ"), ==, "UTC");
  g_assert_cmpstr (cell (lines, 1, 8), ==, "05/03/2024 23:30");
}

static void
test_csv_follows_the_filter (Fixture *f, gconstpointer data)
{
  EmCaseFilter filter = EM_CASE_FILTER_INIT;
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  guint n = 0;

  seed (f);
  filter.result = "informacion_incompleta";
  text = export_csv (f->a, &filter, &n);
  lines = read_csv (text + 3);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpuint (lines->len, ==, 2);
  g_assert_cmpstr (cell (lines, 1, 4), ==, "INFORMACIÓN INCOMPLETA");
}

#define ADD(path, func) g_test_add ("/paquete/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  ADD ("export/round-trip-gives-identical-cases", test_round_trip_gives_identical_cases);
  ADD ("export/strings-travel-as-json-strings", test_strings_travel_as_json_strings);
  ADD ("export/one-case-per-line", test_export_writes_one_case_per_line);
  ADD ("export/follows-the-filter", test_export_follows_the_filter);
  ADD ("export/refuses-a-tampered-case", test_export_refuses_a_tampered_case);
  ADD ("export/empty-store-empty-bundle", test_empty_store_exports_an_empty_bundle);
  ADD ("import/twice-stores-nothing-twice", test_import_twice_stores_nothing_twice);
  ADD ("import/case-extended-on-a-extends-b", test_case_extended_on_a_extends_b);
  ADD ("import/older-bundle-leaves-newer-case-alone", test_older_bundle_leaves_newer_case_alone);
  ADD ("import/changed-on-both-conflict-nothing-stored", test_case_changed_on_both_is_a_conflict_and_nothing_is_stored);
  ADD ("tampered/edited-result-rejected-naming-the-case", test_edited_result_rejected_naming_the_case);
  ADD ("tampered/edited-result-json-text-rejected", test_edited_result_json_text_rejected);
  ADD ("tampered/deleted-event-rejected", test_deleted_event_rejected);
  ADD ("tampered/deleted-last-event-rejected", test_deleted_last_event_rejected);
  ADD ("tampered/reordered-events-rejected", test_reordered_events_rejected);
  ADD ("tampered/edited-event-rejected", test_edited_event_rejected);
  ADD ("invalid/unknown-state-rejected", test_unknown_state_rejected);
  ADD ("invalid/unknown-kind-rejected", test_unknown_kind_rejected);
  ADD ("invalid/unknown-field-rejected", test_unknown_field_rejected);
  ADD ("invalid/missing-event-field-named", test_missing_event_field_rejected_naming_the_event);
  ADD ("invalid/wrongly-typed-field-rejected", test_wrongly_typed_field_rejected);
  ADD ("invalid/detail-must-be-json-text", test_detail_must_be_json_text);
  ADD ("malformed/truncated-rejected-at-any-point", test_truncated_bundle_rejected_at_any_point);
  ADD ("malformed/missing-case-detected-by-total", test_missing_case_detected_by_total);
  ADD ("malformed/newer-version-refused", test_newer_version_refused);
  ADD ("malformed/other-json-is-not-a-bundle", test_other_json_is_not_a_bundle);
  ADD ("malformed/deep-nesting-refused", test_deep_nesting_refused_without_recursion);
  ADD ("csv/bom-header-semicolons-crlf", test_csv_has_bom_header_semicolons_and_crlf);
  ADD ("csv/quotes-separator-quote-newline", test_csv_quotes_fields_with_separator_quote_or_newline);
  ADD ("csv/tariff-colombian-number-format", test_csv_tariff_in_colombian_number_format);
  ADD ("csv/formula-injection-guarded", test_csv_guards_against_formula_injection);
  ADD ("csv/dates-dd-mm-aaaa-hh-mm", test_csv_dates_are_dd_mm_aaaa_hh_mm);
  ADD ("csv/follows-the-filter", test_csv_follows_the_filter);

  return g_test_run ();
}
