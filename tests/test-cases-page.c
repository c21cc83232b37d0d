/* test-cases-page.c — the Casos page: finding, sorting, opening, moving cases
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "em-case-bundle.h"
#include "em-case-list.h"
#include "em-cases-closures.h"
#include "em-cases-page.h"
#include "em-cases-view.h"
#include "em-page.h"
#include "ui-test-util.h"

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

/* ---- Helpers ----------------------------------------------------------- */

static GtkWidget *
cases_page (UiFixture *f)
{
  em_window_show_page (f->window, "casos");      /* the list is read when first shown */
  return em_window_get_page_widget (f->window, "casos");
}

static GtkWidget *
named (GtkWidget *page, const char *name)
{
  GtkWidget *widget = ui_find_named (page, name);

  g_assert_nonnull (widget);
  return widget;
}

static GListModel *
shown_model (GtkWidget *page)
{
  return G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (named (page, "cases"))));
}

static guint
n_shown (GtkWidget *page)
{
  GListModel *model = shown_model (page);

  return model != NULL ? g_list_model_get_n_items (model) : 0;
}

static gint64
save_case (EmSession *session, EmCaseKind kind, const char *json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EmEvaluation) evaluation = em_evaluator_evaluate_text (em_session_get_evaluator (session), kind, json,
                                                                   FALSE, &error);
  gint64 id;

  g_assert_no_error (error);
  id = em_case_store_add (em_session_get_store (session), em_evaluation_get_record (evaluation), "Ana Gómez", &error);
  g_assert_no_error (error);
  return id;
}

static void
save_four (UiFixture *f)
{
  save_case (f->session, EM_CASE_KIND_CAPACIDAD, COMPLETE);
  save_case (f->session, EM_CASE_KIND_CAPACIDAD, NEEDS_AVAL);
  save_case (f->session, EM_CASE_KIND_CAPACIDAD, FAILS);
  save_case (f->session, EM_CASE_KIND_TARIFA, TARIFF);
  em_session_cases_changed (f->session, 0);
}

/* The search waits for a pause in the typing: run the main loop until the
 * list shows @n cases, or two seconds have gone. */
static guint
wait_for_shown (GtkWidget *page, guint n)
{
  gint64 end = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;

  while (n_shown (page) != n && g_get_monotonic_time () < end)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (5000);
    }
  return n_shown (page);
}

static void
type_into (GtkWidget *page, const char *name, const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (named (page, name)), text);
}

/* Runs the main loop for 150 ms: long enough for the frame clock to lay
 * out and draw what changed. */
static void
settle (void)
{
  gint64 end = g_get_monotonic_time () + 150 * 1000;

  while (g_get_monotonic_time () < end)
    {
      ui_flush ();
      g_usleep (5000);
    }
}

static void
count_reload (GListModel *list, guint *reloads)
{
  (*reloads)++;
}

/* Types @text into the search and waits until the list has been read
 * again (its length may stay the same) and a frame has been drawn. */
static void
search_and_wait (GtkWidget *page, const char *text)
{
  GListModel *list = gtk_single_selection_get_model (GTK_SINGLE_SELECTION (shown_model (page)));
  gint64 end = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;
  guint reloads = 0;
  gulong handler = g_signal_connect (list, "reloaded", G_CALLBACK (count_reload), &reloads);

  type_into (page, "search", text);
  while (reloads == 0 && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (list, handler);
  g_assert_cmpuint (reloads, ==, 1);
  settle ();
}

static void
collect_inscriptions (GtkWidget *widget, GString *texts)
{
  if (GTK_IS_INSCRIPTION (widget) && gtk_widget_get_mapped (widget) && gtk_inscription_get_text (GTK_INSCRIPTION (widget)))
    g_string_append_printf (texts, "%s\n", gtk_inscription_get_text (GTK_INSCRIPTION (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    collect_inscriptions (child, texts);
}

/* Every text the list's cells show on screen, one a line. */
static char *
drawn_cells (GtkWidget *page)
{
  GString *texts = g_string_new (NULL);

  collect_inscriptions (named (page, "cases"), texts);
  return g_string_free (texts, FALSE);
}

static const char *
label_text (GtkWidget *page, const char *name)
{
  return gtk_label_get_text (GTK_LABEL (named (page, name)));
}

static EmCaseItem *
shown_item (GtkWidget *page, guint position)
{
  return g_list_model_get_item (shown_model (page), position);
}

static const char *
first_name (GtkWidget *page)
{
  g_autoptr(EmCaseItem) item = shown_item (page, 0);
  static char name[128];

  g_strlcpy (name, em_case_item_get_name (item), sizeof name);
  return name;
}

/* The names the list shows, in its order. */
static char *
shown_names (GtkWidget *page)
{
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < n_shown (page); i++)
    {
      g_autoptr(EmCaseItem) item = shown_item (page, i);
      g_string_append_printf (names, "%s%s", i ? ", " : "", em_case_item_get_name (item));
    }
  return g_string_free (names, FALSE);
}

static void
check_names (GtkWidget *page, const char *expected)
{
  g_autofree char *names = shown_names (page);

  g_assert_cmpstr (names, ==, expected);
}

static void
record_id (EmSession *session, gint64 id, gint64 *out)
{
  *out = id;
}

/* ---- The list ---------------------------------------------------------- */

static void
test_saved_cases_appear_when_announced (UiFixture *f, gconstpointer data)
{
  GtkWidget *page = cases_page (f);

  g_assert_cmpuint (n_shown (page), ==, 0);
  g_assert_cmpstr (label_text (page, "message_title"), ==, "Aún no hay casos guardados");
  save_case (f->session, EM_CASE_KIND_CAPACIDAD, COMPLETE);
  save_case (f->session, EM_CASE_KIND_TARIFA, TARIFF);
  g_assert_cmpuint (n_shown (page), ==, 0);
  em_session_cases_changed (f->session, 2);
  g_assert_cmpuint (n_shown (page), ==, 2);
  g_assert_cmpstr (label_text (page, "count"), ==, "2 casos");
  g_assert_cmpstr (first_name (page), ==, "Carbones de Boyacá");
}

/* A name of 10,000 characters (the most a text may have): listed whole,
 * found by a word of it, drawn without a warning, and shown in full when
 * the case is opened. */
static void
test_ten_thousand_character_name_listed_and_shown (UiFixture *f, gconstpointer data)
{
  GtkWidget *page = cases_page (f);
  GtkWidget *capacity = em_window_get_page_widget (f->window, "capacidad");
  GString *name = g_string_new (NULL);
  g_autofree char *json = NULL;
  g_autoptr(EmCaseItem) item = NULL;
  gint64 id;

  while (g_utf8_strlen (name->str, -1) < 10000)
    g_string_append (name, "Ñandú 🙂 Comercializadora del Río Cauca ");
  g_string_truncate (name, g_utf8_offset_to_pointer (name->str, 10000) - name->str);
  json = g_strdup_printf ("{\"regimen\":\"comun\",\"nombre\":\"%s\",\"activo_corriente\":\"124\"}", name->str);
  id = save_case (f->session, EM_CASE_KIND_CAPACIDAD, json);
  em_session_cases_changed (f->session, id);
  ui_flush ();
  g_assert_cmpuint (n_shown (page), ==, 1);
  item = shown_item (page, 0);
  g_assert_cmpstr (em_case_item_get_name (item), ==, name->str);
  type_into (page, "search", "cauca");
  g_assert_cmpuint (wait_for_shown (page, 1), ==, 1);
  em_capacity_page_show_case (capacity, id);
  em_window_show_page (f->window, "capacidad");
  ui_flush ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ui_find_named (capacity, "nombre"))), ==, name->str);
  g_string_free (name, TRUE);
}

/* Opening the window reads nothing of the case list; showing the page
 * lists every case. */
static void
test_list_read_when_first_shown (UiFixture *f, gconstpointer data)
{
  EmWindow *window;
  GtkWidget *page;

  save_case (f->session, EM_CASE_KIND_CAPACIDAD, COMPLETE);
  save_case (f->session, EM_CASE_KIND_TARIFA, TARIFF);
  g_settings_set_string (f->settings, "last-page", "capacidad");
  window = em_window_new (f->app, f->session, f->settings);
  gtk_window_present (GTK_WINDOW (window));
  page = em_window_get_page_widget (window, "casos");
  em_session_cases_changed (f->session, 2);
  g_assert_false (gtk_widget_get_mapped (page));
  g_assert_cmpuint (n_shown (page), ==, 0);
  em_window_show_page (window, "casos");
  g_assert_true (gtk_widget_get_mapped (page));
  g_assert_cmpuint (n_shown (page), ==, 2);
  g_assert_cmpstr (label_text (page, "count"), ==, "2 casos");
  em_window_show_page (window, "capacidad");
  save_case (f->session, EM_CASE_KIND_TARIFA, TARIFF);
  em_session_cases_changed (f->session, 3);
  g_assert_cmpuint (n_shown (page), ==, 3);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* As the application opens its window: the list is filled right after the
 * first frame, not before it. */
static void
test_list_filled_after_first_frame (UiFixture *f, gconstpointer data)
{
  EmWindow *window;
  GtkWidget *page;
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  save_case (f->session, EM_CASE_KIND_CAPACIDAD, COMPLETE);
  g_settings_set_string (f->settings, "last-page", "casos");
  window = em_window_new (f->app, f->session, f->settings);
  page = em_window_get_page_widget (window, "casos");
  em_cases_page_defer_first_load (EM_CASES_PAGE (page));
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gtk_widget_get_mapped (page));
  g_assert_cmpuint (n_shown (page), ==, 0);
  while (n_shown (page) == 0 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (n_shown (page), ==, 1);
  g_assert_cmpstr (label_text (page, "count"), ==, "1 caso");
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_search_narrows_as_typed (UiFixture *f, gconstpointer data)
{
  GtkWidget *page = cases_page (f);

  save_four (f);
  g_assert_cmpuint (n_shown (page), ==, 4);
  type_into (page, "search", "nandu");
  g_assert_cmpuint (wait_for_shown (page, 1), ==, 1);
  g_assert_cmpstr (first_name (page), ==, "Minerales Ñandú S.A.S.");
  g_assert_cmpstr (label_text (page, "count"), ==, "1 de 4 casos");
  search_and_wait (page, "hjk-0823");             /* one match again: the same length */
  g_assert_cmpuint (n_shown (page), ==, 1);
  g_assert_cmpstr (first_name (page), ==, "Carbones de Boyacá");
  type_into (page, "search", "inexistente");
  g_assert_cmpuint (wait_for_shown (page, 0), ==, 0);
  g_assert_cmpstr (label_text (page, "message_title"), ==, "Ningún caso coincide con la búsqueda");
  gtk_widget_activate_action (page, "page.clear-filters", NULL);
  g_assert_cmpuint (wait_for_shown (page, 4), ==, 4);
}

/* The rows keep their widgets across a search and are refilled: what the
 * cells draw is the new case, also when the number of matches is the same. */
static void
test_drawn_rows_follow_the_search (UiFixture *f, gconstpointer data)
{
  GtkWidget *page = cases_page (f);
  g_autofree char *before = NULL;
  g_autofree char *nandu = NULL;
  g_autofree char *boyaca = NULL;
  g_autofree char *all = NULL;

  save_four (f);
  settle ();
  before = drawn_cells (page);
  g_assert_nonnull (strstr (before, "Minerales Ñandú S.A.S."));
  g_assert_nonnull (strstr (before, "Carbones de Boyacá"));
  search_and_wait (page, "nandu");
  nandu = drawn_cells (page);
  g_assert_nonnull (strstr (nandu, "Minerales Ñandú S.A.S."));
  g_assert_null (strstr (nandu, "Carbones de Boyacá"));
  search_and_wait (page, "hjk-0823");
  boyaca = drawn_cells (page);
  g_assert_nonnull (strstr (boyaca, "Carbones de Boyacá"));
  g_assert_null (strstr (boyaca, "Minerales Ñandú S.A.S."));
  g_assert_nonnull (strstr (boyaca, "Tarifa"));
  g_assert_null (strstr (boyaca, "Capacidad"));
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (shown_model (page))), ==, 0);
  search_and_wait (page, "");
  all = drawn_cells (page);
  g_assert_cmpstr (all, ==, before);
}

static void
test_filters_by_kind_result_and_state (UiFixture *f, gconstpointer data)
{
  GtkWidget *page = cases_page (f);

  save_four (f);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (named (page, "kind")), 2);
  g_assert_cmpuint (n_shown (page), ==, 1);
  g_assert_cmpstr (first_name (page), ==, "Carbones de Boyacá");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (named (page, "kind")), 1);
  g_assert_cmpuint (n_shown (page), ==, 3);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (named (page, "result")), 2);
  g_assert_cmpuint (n_shown (page), ==, 1);
  g_assert_cmpstr (first_name (page), ==, "Oro del Cauca");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (named (page, "result")), 0);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (named (page, "state")), 4);
  g_assert_cmpuint (n_shown (page), ==, 1);
  g_assert_cmpstr (first_name (page), ==, "José Pérez");
}

static void
test_date_range_takes_dd_mm_aaaa (UiFixture *f, gconstpointer data)
{
  GtkWidget *page = cases_page (f);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%d/%m/%Y");

  save_four (f);
  type_into (page, "from", "01/01/2000");
  type_into (page, "until", "31/12/2000");
  g_assert_cmpuint (n_shown (page), ==, 0);
  type_into (page, "from", today);
  type_into (page, "until", today);
  g_assert_cmpuint (n_shown (page), ==, 4);
  g_assert_false (gtk_widget_get_visible (named (page, "date_error")));
  type_into (page, "until", "32/01/2026");
  g_assert_true (gtk_widget_has_css_class (named (page, "until"), "error"));
  g_assert_true (gtk_widget_get_visible (named (page, "date_error")));
  type_into (page, "until", "");
  g_assert_false (gtk_widget_has_css_class (named (page, "until"), "error"));
  g_assert_cmpuint (n_shown (page), ==, 4);
}

static void
test_sorted_by_clicked_column (UiFixture *f, gconstpointer data)
{
  GtkWidget *page = cases_page (f);
  GtkColumnView *view = GTK_COLUMN_VIEW (named (page, "cases"));
  g_autoptr(GtkColumnViewColumn) name_column = g_list_model_get_item (gtk_column_view_get_columns (view), 2);
  g_autoptr(GtkColumnViewColumn) outcome_column = g_list_model_get_item (gtk_column_view_get_columns (view), 4);

  save_four (f);
  check_names (page, "Carbones de Boyacá, José Pérez, Oro del Cauca, Minerales Ñandú S.A.S.");
  gtk_column_view_sort_by_column (view, name_column, GTK_SORT_ASCENDING);
  check_names (page, "Carbones de Boyacá, José Pérez, Minerales Ñandú S.A.S., Oro del Cauca");
  gtk_column_view_sort_by_column (view, name_column, GTK_SORT_DESCENDING);
  check_names (page, "Oro del Cauca, Minerales Ñandú S.A.S., José Pérez, Carbones de Boyacá");
  type_into (page, "search", "cauca");
  g_assert_cmpuint (wait_for_shown (page, 1), ==, 1);
  type_into (page, "search", "");
  g_assert_cmpuint (wait_for_shown (page, 4), ==, 4);
  check_names (page, "Oro del Cauca, Minerales Ñandú S.A.S., José Pérez, Carbones de Boyacá");
  gtk_column_view_sort_by_column (view, outcome_column, GTK_SORT_ASCENDING);
  check_names (page, "Minerales Ñandú S.A.S., Oro del Cauca, José Pérez, Carbones de Boyacá");
}

static void
test_opening_a_case_asks_the_session (UiFixture *f, gconstpointer data)
{
  GtkWidget *page = cases_page (f);
  gint64 opened = 0;
  g_autoptr(EmCaseItem) second = NULL;

  save_four (f);
  g_signal_connect (f->session, "open-case", G_CALLBACK (record_id), &opened);
  em_cases_page_select (EM_CASES_PAGE (page), 1);
  second = shown_item (page, 1);
  gtk_widget_activate_action (page, "page.open", NULL);
  g_assert_cmpint (opened, ==, em_case_item_get_id (second));
  opened = 0;
  g_signal_emit_by_name (named (page, "cases"), "activate", 3);
  g_assert_cmpint (opened, ==, 1);
  g_signal_handlers_disconnect_by_data (f->session, &opened);
}

static void
test_find_focuses_the_search (UiFixture *f, gconstpointer data)
{
  GtkWidget *page = cases_page (f);
  GtkWidget *focus;

  em_window_show_page (f->window, "capacidad");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.find", NULL);
  ui_flush ();
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_nonnull (focus);
  g_assert_true (focus == named (page, "search") || gtk_widget_is_ancestor (focus, named (page, "search")));
}

/* ---- Thousands of cases ------------------------------------------------ */

static void
save_many (EmSession *session, guint n)
{
  EmCaseStore *store = em_session_get_store (session);
  g_autoptr(GError) error = NULL;

  g_assert_true (em_case_store_begin (store, &error));
  for (guint i = 0; i < n; i++)
    save_case (session, i % 4 == 3 ? EM_CASE_KIND_TARIFA : EM_CASE_KIND_CAPACIDAD,
               i % 4 == 0 ? COMPLETE : i % 4 == 1 ? NEEDS_AVAL : i % 4 == 2 ? FAILS : TARIFF);
  g_assert_true (em_case_store_commit (store, &error));
}

static void
test_thousands_of_cases_scroll_to_the_end (UiFixture *f, gconstpointer data)
{
  GtkWidget *page = cases_page (f);
  GtkScrollable *view = GTK_SCROLLABLE (named (page, "cases"));
  GtkSingleSelection *selection;
  GtkAdjustment *adjustment;
  g_autoptr(EmCaseItem) last = NULL;
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  em_window_show_page (f->window, "casos");
  save_many (f->session, 3000);
  em_session_cases_changed (f->session, 0);
  g_assert_cmpuint (n_shown (page), ==, 3000);
  g_assert_cmpstr (label_text (page, "count"), ==, "3.000 casos");
  ui_flush ();
  em_cases_page_select (EM_CASES_PAGE (page), 2999);
  ui_flush ();
  selection = GTK_SINGLE_SELECTION (shown_model (page));
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 2999);
  last = shown_item (page, 2999);
  g_assert_cmpint (em_case_item_get_id (last), ==, 1);
  adjustment = gtk_scrollable_get_vadjustment (view);
  /* The view scrolls when it is next laid out: on a busy machine that frame
   * may come after the events ui_flush () waited for. */
  while (gtk_adjustment_get_value (adjustment) == 0 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, 0);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment), >=,
                     gtk_adjustment_get_upper (adjustment) - 1);
}

/* ---- Bundles, CSV and verification codes ------------------------------- */

typedef struct
{
  char        *path;
  EmCaseStore *store;
  EmSession   *session;
  GtkWidget   *page;
} OtherLaptop;

static void
other_laptop_open (OtherLaptop *other, UiFixture *f)
{
  g_autoptr(GError) error = NULL;

  other->path = g_build_filename (f->dir, "otro.sqlite", NULL);
  other->store = em_case_store_open (other->path, &error);
  g_assert_no_error (error);
  other->session = em_session_new (other->store, em_session_get_evaluator (f->session));
  em_session_set_evaluator_name (other->session, "Luis Pardo");
  other->page = g_object_ref_sink (g_object_new (EM_TYPE_CASES_PAGE, NULL));
  em_cases_page_set_session (other->page, other->session);
}

static void
other_laptop_close (OtherLaptop *other)
{
  g_assert_finalize_object (other->page);
  g_clear_object (&other->session);
  g_clear_object (&other->store);
  g_free (other->path);
}

static void
test_bundle_exported_then_imported_elsewhere (UiFixture *f, gconstpointer data)
{
  GtkWidget *page = cases_page (f);
  g_autofree char *path = g_build_filename (f->dir, "paquete.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  EmBundleReport report = { 0 };
  OtherLaptop other = { 0 };
  guint n = 0;

  save_four (f);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (named (page, "kind")), 1);
  g_assert_true (em_cases_page_export_bundle (EM_CASES_PAGE (page), file, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 3);
  other_laptop_open (&other, f);
  g_assert_cmpuint (n_shown (other.page), ==, 0);
  g_assert_true (em_cases_page_import_bundle (EM_CASES_PAGE (other.page), file, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.n_new, ==, 3);
  g_assert_cmpuint (n_shown (other.page), ==, 3);
  g_assert_true (em_cases_page_import_bundle (EM_CASES_PAGE (other.page), file, &report, &error));
  g_assert_cmpuint (report.n_unchanged, ==, 3);
  g_assert_cmpuint (n_shown (other.page), ==, 3);
  other_laptop_close (&other);
}

static void
test_broken_bundle_is_refused_with_a_reason (UiFixture *f, gconstpointer data)
{
  GtkWidget *page = cases_page (f);
  g_autofree char *path = g_build_filename (f->dir, "roto.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  EmBundleReport report = { 0 };

  g_assert_true (g_file_set_contents (path, "{\"formato\": \"otra cosa\"}", -1, NULL));
  g_assert_false (em_cases_page_import_bundle (EM_CASES_PAGE (page), file, &report, &error));
  g_assert_nonnull (error);
  g_assert_cmpuint (n_shown (page), ==, 0);
}

static void
test_csv_has_the_listed_cases (UiFixture *f, gconstpointer data)
{
  GtkWidget *page = cases_page (f);
  g_autofree char *path = g_build_filename (f->dir, "casos.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  guint n = 0;

  save_four (f);
  type_into (page, "search", "nandu");
  g_assert_cmpuint (wait_for_shown (page, 1), ==, 1);
  g_assert_true (em_cases_page_export_csv (EM_CASES_PAGE (page), file, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 1);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "Minerales Ñandú S.A.S."));
  g_assert_null (strstr (text, "Oro del Cauca"));
}

static void
test_verification_code_names_the_case_and_opens_it (UiFixture *f, gconstpointer data)
{
  GtkWidget *page = cases_page (f);
  gint64 id = save_case (f->session, EM_CASE_KIND_CAPACIDAD, COMPLETE);
  g_autofree char *code = em_case_store_get_code (em_session_get_store (f->session), id, NULL);
  g_autofree char *typed = g_ascii_strdown (code, -1);
  gint64 opened = 0;

  em_session_cases_changed (f->session, id);
  g_signal_connect (f->session, "open-case", G_CALLBACK (record_id), &opened);
  type_into (page, "verify_code", typed);
  gtk_widget_activate_action (page, "page.verify-code", NULL);
  g_assert_nonnull (strstr (label_text (page, "verify_result"), "✔"));
  g_assert_nonnull (strstr (label_text (page, "verify_result"), "Minerales Ñandú S.A.S."));
  gtk_widget_activate_action (page, "page.open-verified", NULL);
  g_assert_cmpint (opened, ==, id);
  type_into (page, "verify_code", "AAAA-BBBB-CCCC");
  gtk_widget_activate_action (page, "page.verify-code", NULL);
  g_assert_nonnull (strstr (label_text (page, "verify_result"), "✘"));
  g_signal_handlers_disconnect_by_data (f->session, &opened);
}

static void
test_without_store_says_why_and_disables (void)
{
  g_autoptr(EmEvaluator) evaluator = em_evaluator_new_default (NULL);
  g_autoptr(EmSession) session = em_session_new (NULL, evaluator);
  GtkWidget *page = g_object_ref_sink (g_object_new (EM_TYPE_CASES_PAGE, NULL));

  em_cases_page_set_session (page, session);
  g_assert_cmpstr (label_text (page, "message_title"), ==, "No se pueden consultar los casos");
  g_assert_false (gtk_widget_get_sensitive (gtk_widget_get_parent (gtk_widget_get_parent (named (page, "search")))));
  g_assert_null (shown_model (page));
  g_assert_finalize_object (page);
}

/* ---- Pure functions ---------------------------------------------------- */

static void
check_text (char *text, const char *expected)
{
  g_assert_cmpstr (text, ==, expected);
  g_free (text);
}

static void
test_closures_format_money_dates_and_words (void)
{
  g_auto(GStrv) cumple = em_cases_outcome_classes (NULL, "cumple", NULL);
  g_auto(GStrv) tariff = em_cases_outcome_classes (NULL, NULL, "1234567");
  g_auto(GStrv) state = em_cases_state_classes (NULL, "requerimiento_emitido");

  check_text (em_cases_number_text (NULL, 1234), "1234");
  check_text (em_cases_kind_text (NULL, "capacidad"), "Capacidad");
  check_text (em_cases_kind_text (NULL, "tarifa"), "Tarifa");
  check_text (em_cases_text_or_dash (NULL, ""), "—");
  check_text (em_cases_text_or_dash (NULL, "Oro del Cauca"), "Oro del Cauca");
  check_text (em_cases_outcome_text (NULL, "cumple", NULL), "✔ Cumple");
  check_text (em_cases_outcome_text (NULL, "no_cumple", NULL), "✘ No cumple");
  check_text (em_cases_outcome_text (NULL, "requiere_aval", NULL), "⚠ Requiere aval");
  check_text (em_cases_outcome_text (NULL, "informacion_incompleta", NULL), "⋯ Información incompleta");
  check_text (em_cases_outcome_text (NULL, NULL, "1234567"), "$ 1.234.567");
  check_text (em_cases_outcome_text (NULL, NULL, "1234567.5"), "$ 1.234.567,50");
  check_text (em_cases_outcome_text (NULL, NULL, "0"), "$ 0 (no se cobra)");
  check_text (em_cases_state_text (NULL, "requerimiento_emitido"), "Requerimiento emitido");
  check_text (em_cases_state_text (NULL, "anulado"), "Anulado");
  check_text (em_cases_created_text (NULL, "2026-11-21T15:04:05.123Z"), "21/11/2026 15:04");
  g_assert_cmpstr (cumple[1], ==, "cumple");
  g_assert_cmpstr (tariff[1], ==, "numeric");
  g_assert_cmpstr (state[1], ==, "requerimiento-emitido");
}

static void
test_created_shown_on_the_local_clock (void)
{
  g_setenv ("TZ", "America/Bogota", TRUE);
  check_text (em_cases_created_text (NULL, "2026-11-21T03:04:05Z"), "20/11/2026 22:04");
  g_setenv ("TZ", "UTC", TRUE);
}

static void
test_view_state_counts_and_empty_states (void)
{
  g_auto(EmCasesViewState) none = { 0 };
  g_auto(EmCasesViewState) no_match = { 0 };
  g_auto(EmCasesViewState) many = { 0 };
  g_auto(EmCasesViewState) broken = { 0 };

  em_cases_view_state_init (&none, TRUE, 0, 0, FALSE);
  g_assert_cmpint (none.show, ==, EM_CASES_SHOW_EMPTY);
  g_assert_cmpstr (none.title, ==, "Aún no hay casos guardados");
  g_assert_false (none.can_export);
  em_cases_view_state_init (&no_match, TRUE, 1234, 0, TRUE);
  g_assert_cmpstr (no_match.title, ==, "Ningún caso coincide con la búsqueda");
  g_assert_true (no_match.can_clear);
  g_assert_cmpstr (no_match.count, ==, "0 de 1.234 casos");
  em_cases_view_state_init (&many, TRUE, 1234, 1234, FALSE);
  g_assert_cmpint (many.show, ==, EM_CASES_SHOW_LIST);
  g_assert_cmpstr (many.count, ==, "1.234 casos");
  g_assert_true (many.can_export);
  em_cases_view_state_init (&broken, FALSE, 0, 0, FALSE);
  g_assert_cmpint (broken.show, ==, EM_CASES_SHOW_UNAVAILABLE);
  g_assert_false (broken.can_search);
  check_text (em_cases_count_text (1, 1, FALSE), "1 caso");
}

static void
test_import_summary_and_code_answers_in_words (void)
{
  g_auto(EmCodeAnswer) current = { 0 };
  g_auto(EmCodeAnswer) superseded = { 0 };
  g_auto(EmCodeAnswer) tampered = { 0 };
  g_auto(EmCodeAnswer) unknown = { 0 };

  check_text (em_cases_import_summary (3, 0, 0), "Se importaron 3 casos nuevos.");
  check_text (em_cases_import_summary (1, 1, 2), "Se importó 1 caso nuevo. 1 caso que ya estaba recibió eventos "
                                                 "nuevos. 2 casos ya estaban iguales y no se duplicaron.");
  check_text (em_cases_import_summary (0, 0, 0), "El paquete no tenía casos.");
  em_cases_code_answer_init (&current, EM_CODE_CURRENT, 7, "Oro del Cauca", NULL);
  g_assert_true (g_str_has_prefix (current.text, "✔ Código válido: corresponde al caso n.º 7 (Oro del Cauca)"));
  g_assert_true (current.can_open);
  em_cases_code_answer_init (&superseded, EM_CODE_SUPERSEDED, 7, NULL, NULL);
  g_assert_cmpstr (superseded.css, ==, "warning");
  em_cases_code_answer_init (&tampered, EM_CODE_TAMPERED, 7, NULL, "evento 2 alterado");
  g_assert_cmpstr (tampered.css, ==, "fail");
  g_assert_nonnull (strstr (tampered.text, "evento 2 alterado"));
  em_cases_code_answer_init (&unknown, EM_CODE_UNKNOWN, 0, NULL, "no existe");
  g_assert_false (unknown.can_open);
}

#define ADD(path, func) g_test_add ("/casos-pagina/" path, UiFixture, NULL, ui_fixture_set_up, func, \
                                    ui_fixture_tear_down)

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);

  ADD ("list/saved-cases-appear-when-announced", test_saved_cases_appear_when_announced);
  ADD ("list/ten-thousand-character-name-listed-and-shown", test_ten_thousand_character_name_listed_and_shown);
  ADD ("list/read-when-first-shown", test_list_read_when_first_shown);
  ADD ("list/filled-after-first-frame", test_list_filled_after_first_frame);
  ADD ("list/search-narrows-as-typed", test_search_narrows_as_typed);
  ADD ("list/drawn-rows-follow-the-search", test_drawn_rows_follow_the_search);
  ADD ("list/filters-by-kind-result-and-state", test_filters_by_kind_result_and_state);
  ADD ("list/date-range-takes-dd-mm-aaaa", test_date_range_takes_dd_mm_aaaa);
  ADD ("list/sorted-by-clicked-column", test_sorted_by_clicked_column);
  ADD ("list/opening-a-case-asks-the-session", test_opening_a_case_asks_the_session);
  ADD ("list/find-focuses-the-search", test_find_focuses_the_search);
  ADD ("list/thousands-of-cases-scroll-to-the-end", test_thousands_of_cases_scroll_to_the_end);
  ADD ("files/bundle-exported-then-imported-elsewhere", test_bundle_exported_then_imported_elsewhere);
  ADD ("files/broken-bundle-refused-with-a-reason", test_broken_bundle_is_refused_with_a_reason);
  ADD ("files/csv-has-the-listed-cases", test_csv_has_the_listed_cases);
  ADD ("codes/verification-code-names-the-case-and-opens-it", test_verification_code_names_the_case_and_opens_it);
  g_test_add_func ("/casos-pagina/store/without-store-says-why-and-disables", test_without_store_says_why_and_disables);
  g_test_add_func ("/casos-pagina/pure/closures-format-money-dates-and-words", test_closures_format_money_dates_and_words);
  g_test_add_func ("/casos-pagina/pure/created-shown-on-the-local-clock", test_created_shown_on_the_local_clock);
  g_test_add_func ("/casos-pagina/pure/view-state-counts-and-empty-states", test_view_state_counts_and_empty_states);
  g_test_add_func ("/casos-pagina/pure/import-summary-and-code-answers", test_import_summary_and_code_answers_in_words);
  return g_test_run ();
}
