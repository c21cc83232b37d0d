/* test-case-list.c — the lazy GListModel over the case store
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "em-case-evaluation.h"
#include "em-case-list.h"

typedef struct
{
  char        *dir;
  EmCaseStore *store;
  guint        changes;
  guint        last_position, last_removed, last_added;
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
  g_assert_cmpuint (f->last_removed, ==, 0);
  g_assert_cmpuint (f->last_added, ==, 1234);
  filter.text = "2233";
  g_assert_true (em_case_list_set_filter (list, &filter, NULL));
  g_assert_cmpuint (f->changes, ==, 2);
  g_assert_cmpuint (f->last_position, ==, 0);
  g_assert_cmpuint (f->last_removed, ==, 1234);
  g_assert_cmpuint (f->last_added, ==, 1);
  item = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpstr (em_case_item_get_document (item), ==, "2233");
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

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/lista/all-cases-newest-first", Fixture, NULL, set_up, test_all_cases_newest_first, tear_down);
  g_test_add ("/lista/item-properties-for-views", Fixture, NULL, set_up, test_item_properties_for_views, tear_down);
  g_test_add ("/lista/filter-reports-exact-change", Fixture, NULL, set_up, test_filter_reports_exact_change, tear_down);
  g_test_add ("/lista/reload-sees-new-cases", Fixture, NULL, set_up, test_reload_sees_new_cases, tear_down);
  g_test_add ("/lista/scrolling-everything-in-order", Fixture, NULL, set_up, test_scrolling_everything_keeps_few_pages, tear_down);
  return g_test_run ();
}
