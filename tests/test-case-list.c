/* test-case-list.c — the lazy GListModel over the case store
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "em-case-evaluation.h"
#include "em-case-list.h"

typedef struct
{
  char        *dir;
  EmCaseStore *store;
  guint        changes;
  guint        last_position, last_removed, last_added;
  guint        removed;
} Fixture;

static void
add_cases (Fixture *f, guint count)
{
  g_autoptr(EmEvaluator) evaluator = em_evaluator_new_default (NULL);

  g_assert_true (em_case_store_begin (f->store, NULL));
  for (guint i = 0; i < count; i++)
    {
      g_autofree char *json = g_strdup_printf ("{\"regimen\":\"comun\",\"nombre\":\"Solicitante %u\","
                                               "\"numero_documento\":\"%u\",\"activo_corriente\":\"%u\"}",
                                               i, 1000 + i, i);
      g_autoptr(EmEvaluation) evaluation = em_evaluator_evaluate_text (evaluator, EM_CASE_KIND_CAPACIDAD,
                                                                       json, FALSE, NULL);
      g_assert_cmpint (em_case_store_add (f->store, em_evaluation_get_record (evaluation), "Ana", NULL), >, 0);
    }
  g_assert_true (em_case_store_commit (f->store, NULL));
}

static void
set_up (Fixture *f, gconstpointer data)
{
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("em-list-XXXXXX", NULL);
  path = g_build_filename (f->dir, "casos.sqlite", NULL);
  f->store = em_case_store_open (path, NULL);
  g_assert_nonnull (f->store);
  add_cases (f, 1234);
}

static void
tear_down (Fixture *f, gconstpointer data)
{
  g_autofree char *command = g_strdup_printf ("rm -rf '%s'", f->dir);

  g_clear_object (&f->store);
  g_assert_cmpint (system (command), ==, 0);
  g_free (f->dir);
}

static void
on_items_changed (GListModel *model, guint position, guint removed, guint added, Fixture *f)
{
  f->changes++;
  f->last_position = position;
  f->last_removed = removed;
  f->last_added = added;
  f->removed += removed;
}

static void
test_all_cases_newest_first (Fixture *f, gconstpointer data)
{
  g_autoptr(EmCaseList) list = em_case_list_new (f->store);
  EmCaseFilter filter = EM_CASE_FILTER_INIT;
  g_autoptr(EmCaseItem) first = NULL;
  g_autoptr(EmCaseItem) last = NULL;
  g_autoptr(GObject) beyond = NULL;

  g_assert_true (em_case_list_set_filter (list, &filter, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1234);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == EM_TYPE_CASE_ITEM);
  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  last = g_list_model_get_item (G_LIST_MODEL (list), 1233);
  g_assert_cmpstr (em_case_item_get_name (first), ==, "Solicitante 1233");
  g_assert_cmpstr (em_case_item_get_name (last), ==, "Solicitante 0");
  g_assert_cmpint (em_case_item_get_id (last), ==, 1);
  beyond = g_list_model_get_item (G_LIST_MODEL (list), 1234);
  g_assert_null (beyond);
}

static void
test_item_properties_for_views (Fixture *f, gconstpointer data)
{
  g_autoptr(EmCaseList) list = em_case_list_new (f->store);
  EmCaseFilter filter = EM_CASE_FILTER_INIT;
  g_autoptr(EmCaseItem) item = NULL;
  g_autofree char *name = NULL;
  g_autofree char *result = NULL;
  gint64 id;

  g_assert_true (em_case_list_set_filter (list, &filter, NULL));
  item = g_list_model_get_item (G_LIST_MODEL (list), 5);
  g_object_get (item, "id", &id, "name", &name, "result", &result, NULL);
  g_assert_cmpint (id, ==, 1229);
  g_assert_cmpstr (name, ==, "Solicitante 1228");
  g_assert_cmpstr (result, ==, "informacion_incompleta");
}

static void
test_filter_reports_exact_change (Fixture *f, gconstpointer data)
{
  g_autoptr(EmCaseList) list = em_case_list_new (f->store);
  EmCaseFilter filter = EM_CASE_FILTER_INIT;
  g_autoptr(EmCaseItem) item = NULL;

  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), f);
  g_assert_true (em_case_list_set_filter (list, &filter, NULL));
  g_assert_cmpuint (f->changes, ==, 1);
  g_assert_cmpuint (f->last_removed, ==, 0);
  g_assert_cmpuint (f->last_added, ==, 1234);
  /* One case matches: the first row stays and is refilled; the other
   * 1,233 go, in one change at the end. */
  filter.text = "2100";                         /* documento 2100: «Solicitante 1100» */
  g_assert_true (em_case_list_set_filter (list, &filter, NULL));
  g_assert_cmpuint (f->changes, ==, 2);
  g_assert_cmpuint (f->last_position, ==, 1);
  g_assert_cmpuint (f->last_removed, ==, 1233);
  g_assert_cmpuint (f->last_added, ==, 0);
  item = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpstr (em_case_item_get_document (item), ==, "2100");
  /* Back to everything: the 1,233 come back, after the first. */
  filter.text = NULL;
  g_assert_true (em_case_list_set_filter (list, &filter, NULL));
  g_assert_cmpuint (f->changes, ==, 3);
  g_assert_cmpuint (f->last_position, ==, 1);
  g_assert_cmpuint (f->last_removed, ==, 0);
  g_assert_cmpuint (f->last_added, ==, 1233);
  g_assert_cmpstr (em_case_item_get_name (item), ==, "Solicitante 1233");
}

static void
count_notify (GObject *item, GParamSpec *pspec, GPtrArray *names)
{
  g_ptr_array_add (names, (gpointer) pspec->name);
}

static void
count_reloads (EmCaseList *list, guint *reloads)
{
  (*reloads)++;
}

/* A view's row keeps its item across a search: the same object, refilled
 * with the new case, each changed property notified once; a reload that
 * leaves the length alone still says it happened. */
static void
test_search_refills_held_rows (Fixture *f, gconstpointer data)
{
  g_autoptr(EmCaseList) list = em_case_list_new (f->store);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  EmCaseFilter filter = EM_CASE_FILTER_INIT;
  g_autoptr(EmCaseItem) row = NULL;
  g_autoptr(EmCaseItem) again = NULL;
  guint reloads = 0;

  g_signal_connect (list, "reloaded", G_CALLBACK (count_reloads), &reloads);
  g_assert_true (em_case_list_set_filter (list, &filter, NULL));
  row = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpint (em_case_item_get_id (row), ==, 1234);
  g_signal_connect (row, "notify", G_CALLBACK (count_notify), names);

  filter.text = "2100";                         /* documento 2100: «Solicitante 1100» */
  g_assert_true (em_case_list_set_filter (list, &filter, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  g_assert_cmpint (em_case_item_get_id (row), ==, 1101);
  g_assert_cmpstr (em_case_item_get_name (row), ==, "Solicitante 1100");
  g_assert_cmpstr (em_case_item_get_document (row), ==, "2100");
  again = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_true (again == row);
  /* id, name and document changed; kind and state did not (the result
   * and the time may: the figures and the moment differ). */
  g_assert_cmpuint (names->len, >=, 3);
  for (guint i = 0; i < names->len; i++)
    g_assert_cmpuint (g_strv_contains ((const char *[]) { "kind", "state", NULL }, names->pdata[i]), ==, FALSE);
  for (const char * const *p = (const char *[]) { "id", "name", "document", NULL }; *p != NULL; p++)
    g_assert_true (g_ptr_array_find_with_equal_func (names, *p, g_str_equal, NULL));
  for (guint i = 0; i < names->len; i++)
    for (guint j = i + 1; j < names->len; j++)
      g_assert_cmpstr (names->pdata[i], !=, names->pdata[j]);

  g_ptr_array_set_size (names, 0);
  g_assert_true (em_case_list_reload (list, NULL));
  g_assert_cmpuint (names->len, ==, 0);                /* nothing changed, nothing said */
  g_assert_cmpuint (reloads, ==, 3);
}

/* A row that falls beyond the new end is no longer the list's: it keeps
 * what it showed, and the position gets a new item when the list grows. */
static void
test_rows_beyond_the_end_let_go (Fixture *f, gconstpointer data)
{
  g_autoptr(EmCaseList) list = em_case_list_new (f->store);
  EmCaseFilter filter = EM_CASE_FILTER_INIT;
  g_autoptr(EmCaseItem) fifth = NULL;
  g_autoptr(EmCaseItem) later = NULL;

  g_assert_true (em_case_list_set_filter (list, &filter, NULL));
  fifth = g_list_model_get_item (G_LIST_MODEL (list), 5);
  g_assert_cmpint (em_case_item_get_id (fifth), ==, 1229);
  filter.text = "2233";
  g_assert_true (em_case_list_set_filter (list, &filter, NULL));
  filter.text = NULL;
  g_assert_true (em_case_list_set_filter (list, &filter, NULL));
  g_assert_cmpint (em_case_item_get_id (fifth), ==, 1229);
  later = g_list_model_get_item (G_LIST_MODEL (list), 5);
  g_assert_true (later != fifth);
  g_assert_cmpint (em_case_item_get_id (later), ==, 1229);
}

/* Items outlive their list (a view may hold one a moment longer). */
static void
test_items_outlive_the_list (Fixture *f, gconstpointer data)
{
  EmCaseList *list = em_case_list_new (f->store);
  EmCaseFilter filter = EM_CASE_FILTER_INIT;
  g_autoptr(EmCaseItem) item = NULL;

  g_assert_true (em_case_list_set_filter (list, &filter, NULL));
  item = g_list_model_get_item (G_LIST_MODEL (list), 3);
  g_object_unref (list);
  g_assert_cmpint (em_case_item_get_id (item), ==, 1231);
}

static void
test_reload_sees_new_cases (Fixture *f, gconstpointer data)
{
  g_autoptr(EmCaseList) list = em_case_list_new (f->store);
  EmCaseFilter filter = EM_CASE_FILTER_INIT;

  g_assert_true (em_case_list_set_filter (list, &filter, NULL));
  add_cases (f, 3);
  g_assert_true (em_case_list_reload (list, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1237);
}

static void
test_scrolling_everything_keeps_few_pages (Fixture *f, gconstpointer data)
{
  g_autoptr(EmCaseList) list = em_case_list_new (f->store);
  EmCaseFilter filter = EM_CASE_FILTER_INIT;
  gint64 previous = G_MAXINT64;

  g_assert_true (em_case_list_set_filter (list, &filter, NULL));
  for (guint i = 0; i < 1234; i++)
    {
      g_autoptr(EmCaseItem) item = g_list_model_get_item (G_LIST_MODEL (list), i);
      g_assert_cmpint (em_case_item_get_id (item), <, previous);
      previous = em_case_item_get_id (item);
    }
}

/* The whole store by number is computed from the ids 1…N, not loaded:
 * it must give exactly what the query gives, both ways. */
static void
assert_list_matches_query (Fixture *f, EmCaseList *list, const EmCaseFilter *filter)
{
  g_autoptr(GArray) ids = em_case_store_query_ids (f->store, filter, 0, NULL);

  g_assert_nonnull (ids);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, ids->len);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(EmCaseItem) item = g_list_model_get_item (G_LIST_MODEL (list), i);
      g_assert_cmpint (em_case_item_get_id (item), ==, g_array_index (ids, gint64, i));
    }
}

static void
test_whole_store_without_loading_ids (Fixture *f, gconstpointer data)
{
  g_autoptr(EmCaseList) list = em_case_list_new (f->store);
  EmCaseFilter filter = EM_CASE_FILTER_INIT;

  g_assert_true (em_case_list_set_filter (list, &filter, NULL));
  assert_list_matches_query (f, list, &filter);
  filter.ascending = TRUE;
  g_assert_true (em_case_list_set_filter (list, &filter, NULL));
  assert_list_matches_query (f, list, &filter);
}

/* Should a case ever get an id out of 1…N (only by editing the file), the
 * list still shows every case, in order. */
static void
test_ids_out_of_sequence_still_listed (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->dir, "casos.sqlite", NULL);
  g_autoptr(EmCaseList) list = em_case_list_new (f->store);
  EmCaseFilter filter = EM_CASE_FILTER_INIT;
  g_autoptr(EmCaseItem) first = NULL;
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO cases SELECT 5000, 'otro-uuid', tipo, estado, entrada, reglas_id,"
                                     " reglas_sha256, resultado_json, resultado, tarifa, nombre, documento, radicado,"
                                     " expediente, evaluador, creado, actualizado, requerimiento, motivo_anulacion,"
                                     " ultimo_hash FROM cases WHERE id = 1", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_true (em_case_list_set_filter (list, &filter, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1235);
  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpint (em_case_item_get_id (first), ==, 5000);
  assert_list_matches_query (f, list, &filter);
}

/* A search alone is answered by the full-text index: same cases, same order. */
static void
test_search_alone_matches_filtered_query (Fixture *f, gconstpointer data)
{
  g_autoptr(EmCaseList) list = em_case_list_new (f->store);
  EmCaseFilter filter = EM_CASE_FILTER_INIT;
  g_autoptr(GArray) with_kind = NULL;

  filter.text = "solicitante 12";
  g_assert_true (em_case_list_set_filter (list, &filter, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 145);  /* names and documents */
  assert_list_matches_query (f, list, &filter);
  filter.any_kind = FALSE;
  filter.kind = EM_CASE_KIND_CAPACIDAD;
  with_kind = em_case_store_query_ids (f->store, &filter, 0, NULL);
  g_assert_cmpuint (with_kind->len, ==, 145);
  for (guint i = 0; i < with_kind->len; i++)
    {
      g_autoptr(EmCaseItem) item = g_list_model_get_item (G_LIST_MODEL (list), i);
      g_assert_cmpint (em_case_item_get_id (item), ==, g_array_index (with_kind, gint64, i));
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/lista/all-cases-newest-first", Fixture, NULL, set_up, test_all_cases_newest_first, tear_down);
  g_test_add ("/lista/item-properties-for-views", Fixture, NULL, set_up, test_item_properties_for_views, tear_down);
  g_test_add ("/lista/filter-reports-exact-change", Fixture, NULL, set_up, test_filter_reports_exact_change, tear_down);
  g_test_add ("/lista/search-refills-held-rows", Fixture, NULL, set_up, test_search_refills_held_rows, tear_down);
  g_test_add ("/lista/rows-beyond-the-end-let-go", Fixture, NULL, set_up, test_rows_beyond_the_end_let_go, tear_down);
  g_test_add ("/lista/items-outlive-the-list", Fixture, NULL, set_up, test_items_outlive_the_list, tear_down);
  g_test_add ("/lista/reload-sees-new-cases", Fixture, NULL, set_up, test_reload_sees_new_cases, tear_down);
  g_test_add ("/lista/scrolling-everything-in-order", Fixture, NULL, set_up, test_scrolling_everything_keeps_few_pages, tear_down);
  g_test_add ("/lista/whole-store-without-loading-ids", Fixture, NULL, set_up, test_whole_store_without_loading_ids, tear_down);
  g_test_add ("/lista/ids-out-of-sequence-still-listed", Fixture, NULL, set_up, test_ids_out_of_sequence_still_listed, tear_down);
  g_test_add ("/lista/search-alone-matches-filtered-query", Fixture, NULL, set_up, test_search_alone_matches_filtered_query, tear_down);
  return g_test_run ();
}
