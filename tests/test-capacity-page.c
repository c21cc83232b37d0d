/* test-capacity-page.c — the Capacidad económica page, driven as a user would
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Figures are typed into the real entries, the way officials write them
 * ("1.234.567,89"); the verdict on screen must be the engine's.
 */
#include "config.h"

#include <sqlite3.h>

#include "em-capacity-view.h"
#include "ui-test-util.h"

static GtkWidget *
page_of (UiFixture *f)
{
  em_window_show_page (f->window, "capacidad");
  return em_window_get_page_widget (f->window, "capacidad");
}

static GtkWidget *
named (UiFixture *f, const char *name)
{
  GtkWidget *widget = ui_find_named (page_of (f), name);

  if (widget == NULL)
    g_error ("no widget named %s", name);
  return widget;
}

static void
type (UiFixture *f, const char *field, const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (named (f, field)), text);
  ui_flush ();
}

static const char *
verdict (UiFixture *f)
{
  return gtk_label_get_text (GTK_LABEL (named (f, "veredicto")));
}

static void
fill_common (UiFixture *f, const char *ac, const char *pc, const char *at, const char *pt, const char *io)
{
  type (f, "activo_corriente", ac);
  type (f, "pasivo_corriente", pc);
  type (f, "activo_total", at);
  type (f, "pasivo_total", pt);
  type (f, "ingresos_operacionales", io);
}

static void
choose_simplificado (UiFixture *f)
{
  gtk_drop_down_set_selected (GTK_DROP_DOWN (named (f, "regimen")), 1);
  ui_flush ();
}

static void
test_common_at_thresholds_shows_cumple (UiFixture *f, gconstpointer data)
{
  fill_common (f, "$ 124", "100", "1.000", "610", "600,00");
  g_assert_cmpstr (verdict (f), ==, "CUMPLE");
  g_assert_nonnull (ui_find_label_containing (named (f, "indicadores"), "1,2400"));
  g_assert_nonnull (ui_find_label_containing (named (f, "indicadores"), "≥ 1,24"));
  g_assert_nonnull (ui_find_label_containing (named (f, "indicadores"), "✔ Cumple"));
  g_assert_true (gtk_widget_has_css_class (named (f, "veredicto"), "cumple"));
}

static void
test_liquidez_short_requires_aval_then_aval_covers (UiFixture *f, gconstpointer data)
{
  fill_common (f, "123,99", "100", "1.000", "100", "100");
  g_assert_cmpstr (verdict (f), ==, "REQUIERE AVAL FINANCIERO");
  g_assert_nonnull (ui_find_label_containing (named (f, "indicadores"), "✘ No cumple"));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (named (f, "aval_financiero")), TRUE);
  ui_flush ();
  g_assert_cmpstr (verdict (f), ==, "CUMPLE");
  g_assert_nonnull (ui_find_label_containing (named (f, "indicadores"), "Cubierto por el aval"));
}

static void
test_endeudamiento_over_is_no_cumple (UiFixture *f, gconstpointer data)
{
  fill_common (f, "500", "100", "1.000", "610,01", "100");
  g_assert_cmpstr (verdict (f), ==, "NO CUMPLE");
}

static void
test_missing_fields_are_listed (UiFixture *f, gconstpointer data)
{
  type (f, "activo_corriente", "124");
  g_assert_cmpstr (verdict (f), ==, "INFORMACIÓN INCOMPLETA");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (named (f, "faltantes"))), ==,
                   "Falta: Pasivo corriente, Activo total, Pasivo total, Ingresos operacionales.");
}

static void
test_switching_regimen_shows_only_its_fields (UiFixture *f, gconstpointer data)
{
  g_assert_true (gtk_widget_get_visible (named (f, "campos_comun")));
  g_assert_false (gtk_widget_get_visible (named (f, "campos_simplificado")));
  choose_simplificado (f);
  g_assert_false (gtk_widget_get_visible (named (f, "campos_comun")));
  g_assert_true (gtk_widget_get_visible (named (f, "campos_simplificado")));
  g_assert_true (gtk_widget_get_visible (named (f, "cuentas")));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (named (f, "estimar_ktno")), TRUE);
  ui_flush ();
  g_assert_false (gtk_widget_get_visible (named (f, "cuentas")));
  g_assert_true (gtk_widget_get_visible (named (f, "monto")));
}

static void
test_simplificado_cobertura_one_centavo_either_side (UiFixture *f, gconstpointer data)
{
  choose_simplificado (f);
  type (f, "cuentas_por_cobrar", "1.157.000");
  type (f, "inventario", "0");
  type (f, "cuentas_por_pagar", "0");
  type (f, "ingresos_ultimo_ano", "1.000.000");
  g_assert_cmpstr (verdict (f), ==, "CUMPLE");
  type (f, "ingresos_ultimo_ano", "999.999,99");
  g_assert_cmpstr (verdict (f), ==, "NO CUMPLE");
}

static void
test_estimated_ktno_from_amount (UiFixture *f, gconstpointer data)
{
  choose_simplificado (f);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (named (f, "estimar_ktno")), TRUE);
  type (f, "cuentas_por_cobrar", "1");   /* hidden: must not count */
  type (f, "ingresos_ultimo_ano", "0");
  type (f, "saldo_promedio", "310.000");
  type (f, "monto_comercializacion_esperado", "3.600.000");
  g_assert_cmpstr (verdict (f), ==, "CUMPLE");
  g_assert_nonnull (ui_find_label_containing (page_of (f), "$ 310.000,00"));
}

static void
test_invalid_figure_marks_field_and_shows_no_verdict (UiFixture *f, gconstpointer data)
{
  fill_common (f, "1,234.56", "100", "1.000", "610", "600");
  g_assert_true (gtk_widget_has_css_class (named (f, "activo_corriente"), "error"));
  g_assert_nonnull (ui_find_label_containing (page_of (f), "la coma separa los decimales"));
  g_assert_cmpstr (verdict (f), ==, "Corrija los datos marcados para ver el resultado.");
  g_assert_false (gtk_widget_is_visible (named (f, "indicadores")) &&
                  gtk_widget_get_first_child (named (f, "indicadores")) != NULL);
  type (f, "activo_corriente", "124");
  g_assert_false (gtk_widget_has_css_class (named (f, "activo_corriente"), "error"));
  g_assert_cmpstr (verdict (f), ==, "CUMPLE");
}

static void
test_impossible_data_is_not_evaluated (UiFixture *f, gconstpointer data)
{
  fill_common (f, "2.000", "100", "1.000", "610", "600");
  g_assert_true (g_str_has_prefix (verdict (f), "No se evalúa"));
  g_assert_true (gtk_widget_has_css_class (named (f, "activo_corriente"), "error"));
}

static void
test_wrong_nit_digit_is_said_on_the_field (UiFixture *f, gconstpointer data)
{
  gtk_drop_down_set_selected (GTK_DROP_DOWN (named (f, "tipo_documento")), 2);
  type (f, "numero_documento", "900.123.456-7");
  g_assert_true (gtk_widget_get_visible (named (f, "mensaje_documento")));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (named (f, "mensaje_documento"))), "debería ser 8"));
  type (f, "numero_documento", "900.123.456-8");
  g_assert_false (gtk_widget_get_visible (named (f, "mensaje_documento")));
}

static void
test_date_outside_vigencia_is_observed (UiFixture *f, gconstpointer data)
{
  fill_common (f, "124", "100", "1.000", "610", "600");
  type (f, "fecha_radicacion", "21/11/2026");
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (named (f, "observaciones"))), "fuera de la vigencia"));
  type (f, "fecha_radicacion", "30/02/2017");
  g_assert_true (gtk_widget_has_css_class (named (f, "fecha_radicacion"), "error"));
}

static void
test_save_stores_case_and_shows_it (UiFixture *f, gconstpointer data)
{
  EmCaseStore *store = em_session_get_store (f->session);

  type (f, "nombre", "Comercializadora Ñandú S.A.S.");
  fill_common (f, "124", "100", "1.000", "610", "600");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.save", NULL);
  ui_flush ();
  g_assert_cmpint (em_case_store_count (store, NULL), ==, 1);
  g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (named (f, "aviso"))), "Caso 1 guardado"));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (named (f, "titulo_caso"))), ==, "Caso 1 · Evaluado");
  g_assert_false (gtk_widget_is_sensitive (named (f, "activo_corriente")));
  g_assert_false (gtk_widget_activate_action (page_of (f), "page.save", NULL) &&
                  em_case_store_count (store, NULL) != 1);
}

/* Another program holds the database's write lock: after the wait
 * (EVALUADOR_MINERO_ESPERA_MS, set in main), a dialog says so and nothing
 * is stored; once the lock is gone, saving works. */
static void
test_save_on_a_locked_database_says_so (UiFixture *f, gconstpointer data)
{
  EmCaseStore *store = em_session_get_store (f->session);
  g_autofree char *text = NULL;
  g_autofree char *detail = NULL;
  GtkMessageDialog *dialog;
  sqlite3 *other = NULL;

  fill_common (f, "124", "100", "1.000", "610", "600");
  g_assert_cmpint (sqlite3_open (em_case_store_get_path (store), &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.save", NULL);
  ui_flush ();
  dialog = ui_find_message_dialog ();
  g_assert_nonnull (dialog);
  g_object_get (dialog, "text", &text, "secondary-text", &detail, NULL);
  g_assert_cmpstr (text, ==, "No se pudo guardar el caso");
  g_assert_nonnull (strstr (detail, "otro programa tiene la base de datos bloqueada"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpint (sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (other);
  g_assert_cmpint (em_case_store_count (store, NULL), ==, 0);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.save", NULL);
  ui_flush ();
  g_assert_null (ui_find_message_dialog ());
  g_assert_cmpint (em_case_store_count (store, NULL), ==, 1);
}

static void
test_procedure_requerimiento_on_incomplete_case (UiFixture *f, gconstpointer data)
{
  EmCaseStore *store = em_session_get_store (f->session);
  g_auto(EmCaseRow) row = { 0 };

  type (f, "activo_corriente", "124");
  gtk_widget_activate_action (page_of (f), "page.save", NULL);
  ui_flush ();
  gtk_widget_activate_action (page_of (f), "page.requerimiento", NULL);
  ui_flush ();
  g_assert_true (em_case_store_get_row (store, 1, &row, NULL));
  g_assert_cmpstr (row.state, ==, "requerimiento_emitido");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (named (f, "titulo_caso"))), ==, "Caso 1 · Requerimiento emitido");
}

static void
test_new_clears_the_form (UiFixture *f, gconstpointer data)
{
  fill_common (f, "124", "100", "1.000", "610", "600");
  gtk_widget_activate_action (page_of (f), "page.save", NULL);
  ui_flush ();
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new", NULL);
  ui_flush ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (named (f, "activo_corriente"))), ==, "");
  g_assert_true (gtk_widget_is_sensitive (named (f, "activo_corriente")));
  g_assert_cmpstr (verdict (f), ==, "INFORMACIÓN INCOMPLETA");
}

/* ---- The view state, without widgets ----------------------------------- */

static EmCapacityView *
view_of (const char *json)
{
  g_autoptr(JsonNode) node = json_from_string (json, NULL);

  return em_capacity_view_new (json_node_get_object (node));
}

static void
test_view_marks_are_words_not_colour (void)
{
  g_autoptr(EmCapacityView) view = view_of (
      "{\"resultado\":\"requiere_aval\",\"indicadores\":["
      "{\"id\":\"liquidez\",\"valor\":\"1.2399\",\"comparacion\":\">=\",\"umbral\":\"1.24\",\"cumple\":false,"
      "\"cubierto_por_aval\":false,\"fundamento\":\"Res. ANM 208/2017, art. 5 num. 3\",\"nota\":null}],"
      "\"ktno\":null,\"faltantes\":[],\"observaciones\":[\"Una.\",\"Dos.\"]}");
  EmIndicatorView *indicator = view->indicators->pdata[0];

  g_assert_cmpstr (view->verdict, ==, "REQUIERE AVAL FINANCIERO");
  g_assert_cmpstr (view->verdict_class, ==, "requiere-aval");
  g_assert_cmpstr (indicator->name, ==, "Índice de liquidez");
  g_assert_cmpstr (indicator->value, ==, "1,2399");
  g_assert_cmpstr (indicator->comparison, ==, "≥ 1,24");
  g_assert_cmpstr (indicator->mark, ==, "✘ No cumple");
  g_assert_false (indicator->passes);
  g_assert_cmpstr (view->observations, ==, "• Una.\n• Dos.");
  g_assert_null (view->ktno);
}

static void
test_view_missing_fields_and_ktno (void)
{
  g_autoptr(EmCapacityView) view = view_of (
      "{\"resultado\":\"informacion_incompleta\",\"indicadores\":[],\"ktno\":\"-500.50\","
      "\"faltantes\":[\"monto_comercializacion_esperado\"],\"observaciones\":[]}");

  g_assert_cmpstr (view->verdict, ==, "INFORMACIÓN INCOMPLETA");
  g_assert_cmpstr (view->missing, ==, "Falta: Monto de comercialización esperado.");
  g_assert_cmpstr (view->ktno, ==, "−$ 500,50");
  g_assert_null (view->observations);
}

/* A KTNO can pass the $ 10^15 of an amount (three accounts at the limit):
 * it was not shown at all.  And a liquidez of 10^17 is shown whole. */
static void
test_view_figures_beyond_the_largest_amount (void)
{
  g_autoptr(EmCapacityView) view = view_of (
      "{\"resultado\":\"cumple\",\"indicadores\":[{\"id\":\"liquidez\",\"valor\":\"100000000000000000.0000\","
      "\"comparacion\":\">=\",\"umbral\":\"1.24\",\"cumple\":true,\"cubierto_por_aval\":false,\"fundamento\":\"F\"}],"
      "\"ktno\":\"2000000000000000.00\",\"faltantes\":[],\"observaciones\":[]}");
  EmIndicatorView *indicator = view->indicators->pdata[0];

  g_assert_cmpstr (view->ktno, ==, "$ 2.000.000.000.000.000,00");
  g_assert_cmpstr (indicator->value, ==, "100000000000000000,0000");
}

static void
test_view_value_without_denominator (void)
{
  g_autoptr(EmCapacityView) view = view_of (
      "{\"resultado\":\"cumple\",\"indicadores\":[{\"id\":\"liquidez\",\"valor\":null,\"comparacion\":\">=\","
      "\"umbral\":\"1.24\",\"cumple\":true,\"cubierto_por_aval\":false,\"fundamento\":\"F\","
      "\"nota\":\"El pasivo corriente es cero.\"}],\"ktno\":null,\"faltantes\":[],\"observaciones\":[]}");
  EmIndicatorView *indicator = view->indicators->pdata[0];

  g_assert_cmpstr (indicator->value, ==, "—");
  g_assert_cmpstr (indicator->mark, ==, "✔ Cumple");
  g_assert_cmpstr (indicator->note, ==, "El pasivo corriente es cero.");
}

#define ADD(path, func) g_test_add ("/capacidad-ventana/" path, UiFixture, NULL, ui_fixture_set_up, func, ui_fixture_tear_down)

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  /* A locked database is given up on after 0.3 s, not the 10 s of real use. */
  g_setenv ("EVALUADOR_MINERO_ESPERA_MS", "300", TRUE);
  ADD ("common-at-thresholds-shows-cumple", test_common_at_thresholds_shows_cumple);
  ADD ("liquidez-short-requires-aval-then-aval-covers", test_liquidez_short_requires_aval_then_aval_covers);
  ADD ("endeudamiento-over-is-no-cumple", test_endeudamiento_over_is_no_cumple);
  ADD ("missing-fields-are-listed", test_missing_fields_are_listed);
  ADD ("switching-regimen-shows-only-its-fields", test_switching_regimen_shows_only_its_fields);
  ADD ("simplificado-cobertura-one-centavo-either-side", test_simplificado_cobertura_one_centavo_either_side);
  ADD ("estimated-ktno-from-amount", test_estimated_ktno_from_amount);
  ADD ("invalid-figure-marks-field-no-verdict", test_invalid_figure_marks_field_and_shows_no_verdict);
  ADD ("impossible-data-not-evaluated", test_impossible_data_is_not_evaluated);
  ADD ("wrong-nit-digit-said-on-field", test_wrong_nit_digit_is_said_on_the_field);
  ADD ("date-outside-vigencia-observed", test_date_outside_vigencia_is_observed);
  ADD ("save-stores-case-and-shows-it", test_save_stores_case_and_shows_it);
  ADD ("save-on-a-locked-database-says-so", test_save_on_a_locked_database_says_so);
  ADD ("procedure-requerimiento-on-incomplete-case", test_procedure_requerimiento_on_incomplete_case);
  ADD ("new-clears-the-form", test_new_clears_the_form);
  g_test_add_func ("/capacidad-vista/marks-are-words-not-colour", test_view_marks_are_words_not_colour);
  g_test_add_func ("/capacidad-vista/missing-fields-and-ktno", test_view_missing_fields_and_ktno);
  g_test_add_func ("/capacidad-vista/value-without-denominator", test_view_value_without_denominator);
  g_test_add_func ("/capacidad-vista/figures-beyond-the-largest-amount", test_view_figures_beyond_the_largest_amount);
  return g_test_run ();
}
