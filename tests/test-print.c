/* test-print.c — printing and exporting from the window
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's own code paths, headless: «Exportar PDF» writes with
 * src/report, «Imprimir» runs the GtkPrintOperation (as
 * GTK_PRINT_OPERATION_ACTION_EXPORT to a file: em_print_set_test_destination),
 * the periodic report's window writes PDF and CSV, and the print preview
 * renders the operation's pages.  What the PDFs say is read back with
 * pdftotext (poppler-utils); the view state is tested without widgets.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "em-i18n.h"
#include "em-page.h"
#include "em-period-window.h"
#include "em-preferences-window.h"
#include "em-print-preview.h"
#include "em-print-view.h"
#include "em-print.h"
#include "ui-test-util.h"

#define CUMPLE     "{\"regimen\":\"comun\",\"nombre\":\"Minerales Ñandú S.A.S.\",\"tipo_documento\":\"NIT\"," \
                   "\"numero_documento\":\"900123456\",\"radicado\":\"20170500001\",\"activo_corriente\":\"124\"," \
                   "\"pasivo_corriente\":\"100\",\"activo_total\":\"1000\",\"pasivo_total\":\"610\"," \
                   "\"ingresos_operacionales\":\"600\"}"
#define INCOMPLETE "{\"regimen\":\"comun\",\"nombre\":\"Oro del Cauca\",\"activo_corriente\":\"124\"}"
#define TARIFF     "{\"etapa\":\"explotacion\",\"grupo_mineral\":\"carbon\",\"sistema\":\"subterraneo\"," \
                   "\"produccion_anual\":\"100000\",\"nivel_cumplimiento\":\"bajo\",\"numero_inspeccion\":3," \
                   "\"expediente\":\"HHK-08231\",\"titular\":\"Carbones del Norte\"}"

/* ---- Helpers ------------------------------------------------------------ */

static void
set_up (UiFixture *f, gconstpointer data)
{
  ui_fixture_set_up (f, data);
  g_settings_reset (f->settings, "papel");
}

static void
tear_down (UiFixture *f, gconstpointer data)
{
  em_print_set_test_destination (NULL);
  g_settings_reset (f->settings, "papel");
  ui_fixture_tear_down (f, data);
}

static EmCaseStore *
store_of (UiFixture *f)
{
  return em_session_get_store (f->session);
}

static gint64
add_case (UiFixture *f, EmCaseKind kind, const char *json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EmEvaluation) evaluation =
      em_evaluator_evaluate_text (em_session_get_evaluator (f->session), kind, json, FALSE, &error);
  gint64 id;

  g_assert_no_error (error);
  id = em_case_store_add (store_of (f), em_evaluation_get_record (evaluation), "Ana Gómez", &error);
  g_assert_no_error (error);
  return id;
}

static char *
code_of (UiFixture *f, gint64 id)
{
  char *code = em_case_store_get_code (store_of (f), id, NULL);

  g_assert_nonnull (code);
  return code;
}

static char *
in_dir (UiFixture *f, const char *name)
{
  return g_build_filename (f->dir, name, NULL);
}

static char *
run (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

/* The text of a PDF (page 0: all of it). */
static char *
pdf_text (const char *path, int page)
{
  g_autofree char *number = g_strdup_printf ("%d", page);
  const char *all[] = { "pdftotext", "-layout", path, "-", NULL };
  const char *one[] = { "pdftotext", "-layout", "-f", number, "-l", number, path, "-", NULL };

  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  return run (page > 0 ? one : all);
}

static char *
pdf_info (const char *path, const char *field)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *info = run (argv);
  g_auto(GStrv) lines = g_strsplit (info, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], field))
      return g_strstrip (g_strdup (lines[i] + strlen (field) + 1));
  g_assert_not_reached ();
}

static void
assert_contains (const char *text, const char *part)
{
  if (strstr (text, part) == NULL)
    g_error ("«%s» not found in:\n%s", part, text);
}

/* The open GtkMessageDialog whose primary text contains @part, or NULL. */
static GtkWidget *
find_message (const char *part)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);
      g_autofree char *text = NULL;

      if (!GTK_IS_MESSAGE_DIALOG (window) || !gtk_widget_get_visible (window))
        continue;
      g_object_get (window, "text", &text, NULL);
      if (strstr (text, part) != NULL)
        return window;
    }
  return NULL;
}

static char *
secondary_text (GtkWidget *dialog)
{
  char *text = NULL;

  g_object_get (dialog, "secondary-text", &text, NULL);
  return text;
}

/* The first button bound to @action under @root. */
static GtkWidget *
find_actionable (GtkWidget *root, const char *action)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (child)), action) == 0)
        return child;
      if ((found = find_actionable (child, action)) != NULL)
        return found;
    }
  return NULL;
}

/* What the official sees: the header's print button, sensitive or not. */
static gboolean
print_button_sensitive (UiFixture *f)
{
  GtkWidget *button = find_actionable (gtk_window_get_titlebar (GTK_WINDOW (f->window)), "win.print");

  g_assert_nonnull (button);
  ui_flush ();
  return gtk_widget_get_sensitive (button);
}

static GtkWidget *
page (UiFixture *f, const char *name)
{
  return em_window_get_page_widget (f->window, name);
}

static void
tamper (UiFixture *f, const char *statement)
{
  g_autofree char *path = in_dir (f, "casos.sqlite");
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, statement, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

/* ---- The view state ------------------------------------------------------ */

static void
test_period_dates_read_as_typed (void)
{
  g_auto(EmPeriodInput) input = { 0 };

  em_period_input_read (&input, " 01/05/2026 ", "31/05/2026");
  g_assert_true (input.ready);
  g_assert_cmpstr (input.from, ==, "2026-05-01");
  g_assert_cmpstr (input.until, ==, "2026-05-31");
  g_assert_null (input.from_error);
  g_assert_null (input.until_error);

  em_period_input_read (&input, "", "31/02/2026");
  g_assert_false (input.ready);
  g_assert_cmpstr (input.from_error, ==, "Escriba desde qué fecha, como DD/MM/AAAA.");
  g_assert_nonnull (input.until_error);
  g_assert_null (input.until);

  em_period_input_read (&input, "01/06/2026", "31/05/2026");
  g_assert_false (input.ready);
  g_assert_null (input.from_error);
  g_assert_cmpstr (input.until_error, ==, "«Hasta» es anterior a «Desde»: el periodo terminaría antes de empezar.");

  em_period_input_read (&input, "31/05/2026", "31/05/2026");
  g_assert_true (input.ready);
}

static void
assert_month (int day, int month, int year, const char *first, const char *last)
{
  g_autofree char *from = NULL;
  g_autofree char *until = NULL;
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, day, month, year);
  em_period_default_range (&today, &from, &until);
  g_assert_cmpstr (from, ==, first);
  g_assert_cmpstr (until, ==, last);
}

static void
test_default_period_is_the_current_month (void)
{
  assert_month (15, 2, 2024, "01/02/2024", "29/02/2024");
  assert_month (1, 12, 2026, "01/12/2026", "31/12/2026");
  assert_month (30, 4, 2026, "01/04/2026", "30/04/2026");
}

static void
test_totals_and_pages_in_words (void)
{
  EmReportTotals none = { 0, 0, 0 }, one = { 1, 1, 0 }, many = { 12, 8, 4 };
  g_autofree char *empty = em_period_totals_text (&none);
  g_autofree char *single = em_period_totals_text (&one);
  g_autofree char *plural = em_period_totals_text (&many);
  g_autofree char *pages = em_period_pages_text (3, EM_PAPER_CARTA);
  g_autofree char *page = em_period_pages_text (1, EM_PAPER_A4);

  assert_contains (empty, "No hay casos");
  g_assert_cmpstr (single, ==, "1 caso: 1 de capacidad económica y 0 de tarifa de inspección.");
  g_assert_cmpstr (plural, ==, "12 casos: 8 de capacidad económica y 4 de tarifa de inspección.");
  g_assert_cmpstr (pages, ==, "El informe ocupa 3 páginas en papel carta.");
  g_assert_cmpstr (page, ==, "El informe ocupa 1 página en papel A4.");
}

static void
test_file_names_say_what_they_hold (void)
{
  g_autofree char *with_code = em_print_case_file_name (12, "ABCD-EFGH-JKMN");
  g_autofree char *odd_code = em_print_case_file_name (7, "AB/CD EF");
  g_autofree char *no_code = em_print_case_file_name (3, NULL);
  g_autofree char *period = em_period_file_name ("2026-05-01", "2026-05-31", "csv");

  g_assert_cmpstr (with_code, ==, "caso-12-ABCD-EFGH-JKMN.pdf");
  g_assert_cmpstr (odd_code, ==, "caso-7-ABCDEF.pdf");
  g_assert_cmpstr (no_code, ==, "caso-3.pdf");
  g_assert_cmpstr (period, ==, "informe-2026-05-01-a-2026-05-31.csv");
}

/* ---- One case --------------------------------------------------------------- */

static void
assert_capacity_summary (UiFixture *f, const char *pdf, gint64 id)
{
  g_autofree char *text = pdf_text (pdf, 0);
  g_autofree char *code = code_of (f, id);
  g_autofree char *number = g_strdup_printf ("Caso n.º %ld", (long) id);

  assert_contains (text, number);
  assert_contains (text, "Minerales Ñandú S.A.S.");
  assert_contains (text, "CUMPLE");
  assert_contains (text, "✓ Cumple");
  assert_contains (text, "≥ 1,24");
  assert_contains (text, code);
}

static void
test_capacity_case_exported_to_pdf (UiFixture *f, gconstpointer data)
{
  g_autofree char *pdf = in_dir (f, "resumen.pdf");
  gint64 id = add_case (f, EM_CASE_KIND_CAPACIDAD, CUMPLE);
  GtkWidget *capacity = page (f, "capacidad");

  em_capacity_page_show_case (capacity, id);
  em_print_set_test_destination (pdf);
  g_assert_true (gtk_widget_activate_action (capacity, "page.export-pdf", NULL));
  ui_flush ();
  assert_capacity_summary (f, pdf, id);
  g_assert_nonnull (ui_find_label_containing (capacity, "Resumen del caso 1 guardado en «resumen.pdf»"));
  g_assert_null (find_message (""));
}

static void
test_capacity_case_printed_through_the_print_operation (UiFixture *f, gconstpointer data)
{
  g_autofree char *pdf = in_dir (f, "impreso.pdf");
  g_autofree char *size = NULL;
  gint64 id = add_case (f, EM_CASE_KIND_CAPACIDAD, CUMPLE);

  em_capacity_page_show_case (page (f, "capacidad"), id);
  em_window_show_page (f->window, "capacidad");
  em_print_set_test_destination (pdf);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.print", NULL));
  ui_flush ();
  assert_capacity_summary (f, pdf, id);
  size = pdf_info (pdf, "Page size:");
  assert_contains (size, "612 x 792 pts");
  g_clear_pointer (&size, g_free);

  g_settings_set_string (f->settings, "papel", "a4");
  g_unlink (pdf);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.print", NULL));
  ui_flush ();
  size = pdf_info (pdf, "Page size:");
  assert_contains (size, "595.276 x 841.89 pts");
  assert_capacity_summary (f, pdf, id);
}

static void
test_tariff_case_carries_the_illustrative_mark (UiFixture *f, gconstpointer data)
{
  g_autofree char *printed = in_dir (f, "impreso.pdf");
  g_autofree char *exported = in_dir (f, "exportado.pdf");
  gint64 id = add_case (f, EM_CASE_KIND_TARIFA, TARIFF);
  g_autofree char *code = code_of (f, id);
  const char *files[] = { printed, exported };
  const char *actions[] = { "win.print", "win.export-pdf" };

  em_tariff_page_show_case (page (f, "tarifa"), id);
  em_window_show_page (f->window, "tarifa");
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *text = NULL;

      em_print_set_test_destination (files[i]);
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), actions[i], NULL));
      ui_flush ();
      text = pdf_text (files[i], 0);
      assert_contains (text, "Carbones del Norte");
      assert_contains (text, "SE COBRA");
      assert_contains (text, "$ 1.210.730,00");
      assert_contains (text, "ILUSTRATIVO — NO OFICIAL");
      assert_contains (text, code);
    }
}

static void
test_unsaved_evaluation_saved_before_printing (UiFixture *f, gconstpointer data)
{
  g_autofree char *pdf = in_dir (f, "impreso.pdf");
  g_autofree char *text = NULL;
  g_autofree char *code = NULL;
  GtkWidget *capacity = page (f, "capacidad");
  GtkWidget *offer;

  em_window_show_page (f->window, "capacidad");
  g_assert_false (em_page_get_action_enabled (capacity, "page.print"));
  gtk_editable_set_text (GTK_EDITABLE (ui_find_named (capacity, "nombre")), "Plata Andina Ltda.");
  ui_flush ();
  g_assert_true (em_page_get_action_enabled (capacity, "page.print"));
  em_print_set_test_destination (pdf);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.print", NULL));
  ui_flush ();
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  g_assert_cmpint (em_case_store_count (store_of (f), NULL), ==, 0);
  offer = find_message ("Primero hay que guardar el caso");
  g_assert_nonnull (offer);
  gtk_dialog_response (GTK_DIALOG (offer), GTK_RESPONSE_ACCEPT);
  ui_flush ();
  g_assert_cmpint (em_case_store_count (store_of (f), NULL), ==, 1);
  code = code_of (f, 1);
  text = pdf_text (pdf, 0);
  assert_contains (text, "Plata Andina Ltda.");
  assert_contains (text, "INFORMACIÓN INCOMPLETA");
  assert_contains (text, code);
}

static void
test_tampered_case_refused_with_the_reason (UiFixture *f, gconstpointer data)
{
  g_autofree char *pdf = in_dir (f, "resumen.pdf");
  gint64 id = add_case (f, EM_CASE_KIND_CAPACIDAD, INCOMPLETE);
  GtkWidget *capacity = page (f, "capacidad");
  const char *actions[] = { "page.print", "page.export-pdf" };
  const char *titles[] = { "Este caso no se imprime: su historial no se verifica",
                           "Este caso no se imprime: su historial no se verifica" };

  tamper (f, "UPDATE cases SET resultado = 'cumple'");
  em_capacity_page_show_case (capacity, id);
  em_print_set_test_destination (pdf);
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      GtkWidget *dialog;
      g_autofree char *detail = NULL;

      g_assert_true (gtk_widget_activate_action (capacity, actions[i], NULL));
      ui_flush ();
      g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
      dialog = find_message (titles[i]);
      g_assert_nonnull (dialog);
      detail = secondary_text (dialog);
      assert_contains (detail, "No se imprime el caso 1: su historial no se verifica");
      gtk_window_destroy (GTK_WINDOW (dialog));
    }
}

static void
test_nothing_to_print_disables_the_actions (UiFixture *f, gconstpointer data)
{
  gint64 id;

  em_window_show_page (f->window, "capacidad");
  g_assert_false (em_page_get_action_enabled (page (f, "capacidad"), "page.print"));
  g_assert_false (em_page_get_action_enabled (page (f, "capacidad"), "page.export-pdf"));
  g_assert_false (print_button_sensitive (f));
  em_window_show_page (f->window, "tarifa");
  g_assert_false (em_page_get_action_enabled (page (f, "tarifa"), "page.print"));
  g_assert_false (em_page_get_action_enabled (page (f, "tarifa"), "page.export-pdf"));
  g_assert_false (print_button_sensitive (f));
  em_window_show_page (f->window, "casos");                 /* the periodic report */
  g_assert_true (print_button_sensitive (f));

  id = add_case (f, EM_CASE_KIND_TARIFA, TARIFF);
  em_tariff_page_show_case (page (f, "tarifa"), id);
  em_window_show_page (f->window, "tarifa");
  g_assert_true (em_page_get_action_enabled (page (f, "tarifa"), "page.print"));
  g_assert_true (em_page_get_action_enabled (page (f, "tarifa"), "page.export-pdf"));
  g_assert_true (print_button_sensitive (f));
  g_assert_true (gtk_widget_get_sensitive (find_actionable (page (f, "tarifa"), "page.export-pdf")));
  gtk_widget_activate_action (page (f, "tarifa"), "page.new", NULL);
  ui_flush ();
  g_assert_false (em_page_get_action_enabled (page (f, "tarifa"), "page.print"));
  g_assert_false (print_button_sensitive (f));
}

/* ---- The periodic report ------------------------------------------------ */

static EmPeriodWindow *
open_period (UiFixture *f)
{
  EmPeriodWindow *window = em_period_window_new (GTK_WINDOW (f->window), store_of (f));

  gtk_window_present (GTK_WINDOW (window));
  ui_flush ();
  return window;
}

static void
type_dates (EmPeriodWindow *window, const char *from, const char *until)
{
  gtk_editable_set_text (GTK_EDITABLE (ui_find_named (GTK_WIDGET (window), "desde")), from);
  gtk_editable_set_text (GTK_EDITABLE (ui_find_named (GTK_WIDGET (window), "hasta")), until);
}

static const char *
label_text (GtkWidget *root, const char *name)
{
  return gtk_label_get_text (GTK_LABEL (ui_find_named (root, name)));
}

static void
test_period_window_shows_totals_and_writes_pdf_and_csv (UiFixture *f, gconstpointer data)
{
  g_autofree char *pdf = in_dir (f, "informe.pdf");
  g_autofree char *csv = in_dir (f, "informe.csv");
  g_autofree char *text = NULL;
  g_autofree char *rows = NULL;
  g_auto(GStrv) lines = NULL;
  EmPeriodWindow *window;

  add_case (f, EM_CASE_KIND_CAPACIDAD, CUMPLE);
  add_case (f, EM_CASE_KIND_CAPACIDAD, INCOMPLETE);
  add_case (f, EM_CASE_KIND_TARIFA, TARIFF);
  window = open_period (f);
  g_assert_cmpstr (label_text (GTK_WIDGET (window), "totales"), ==,
                   "3 casos: 2 de capacidad económica y 1 de tarifa de inspección.");

  em_print_set_test_destination (pdf);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "period.export-pdf", NULL));
  text = pdf_text (pdf, 0);
  assert_contains (text, "3 casos en el periodo: 2 de capacidad económica y 1 de tarifa de inspección.");
  assert_contains (text, "Minerales Ñandú");
  assert_contains (text, "Carbones del Norte");
  assert_contains (label_text (GTK_WIDGET (window), "estado"), "✔ Informe de 1 página guardado en «informe.pdf»");

  em_print_set_test_destination (csv);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "period.export-csv", NULL));
  g_assert_true (g_file_get_contents (csv, &rows, NULL, NULL));
  lines = g_strsplit (g_strstrip (rows), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);          /* the header and three cases */
  assert_contains (lines[1], "Minerales Ñandú");
  assert_contains (label_text (GTK_WIDGET (window), "estado"), "✔ Lista de 3 casos guardada en «informe.csv»");
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_period_dates_checked_before_anything_is_written (UiFixture *f, gconstpointer data)
{
  g_autofree char *pdf = in_dir (f, "informe.pdf");
  EmPeriodWindow *window = open_period (f);
  GtkWidget *until = ui_find_named (GTK_WIDGET (window), "hasta");

  type_dates (window, "01/06/2026", "31/05/2026");
  g_assert_true (gtk_widget_has_css_class (until, "error"));
  g_assert_nonnull (ui_find_label_containing (GTK_WIDGET (window), "«Hasta» es anterior a «Desde»"));
  em_print_set_test_destination (pdf);
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (window), "period.export-pdf", NULL)
                  && g_file_test (pdf, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));

  type_dates (window, "01/05/2026", "31/05/2026");
  g_assert_false (gtk_widget_has_css_class (until, "error"));
  g_assert_cmpstr (label_text (GTK_WIDGET (window), "totales"), ==,
                   "No hay casos creados en este periodo; el informe lo dirá en una página.");
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_period_printed_on_many_pages_with_headers (UiFixture *f, gconstpointer data)
{
  g_autofree char *pdf = in_dir (f, "informe.pdf");
  g_autofree char *pages = NULL;
  g_autofree char *last = NULL;
  EmPeriodWindow *window;
  guint n_pages;

  g_assert_true (em_case_store_begin (store_of (f), NULL));
  for (guint i = 0; i < 150; i++)
    add_case (f, i % 3 == 2 ? EM_CASE_KIND_TARIFA : EM_CASE_KIND_CAPACIDAD, i % 3 == 0 ? CUMPLE : i % 3 == 1 ? INCOMPLETE : TARIFF);
  g_assert_true (em_case_store_commit (store_of (f), NULL));
  window = open_period (f);
  g_assert_cmpstr (label_text (GTK_WIDGET (window), "totales"), ==,
                   "150 casos: 100 de capacidad económica y 50 de tarifa de inspección.");

  em_print_set_test_destination (pdf);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "period.print", NULL));
  ui_flush ();
  pages = pdf_info (pdf, "Pages:");
  n_pages = atoi (pages);
  g_assert_cmpuint (n_pages, >, 2);
  for (guint p = 2; p <= n_pages; p++)
    {
      g_autofree char *text = pdf_text (pdf, p);
      g_autofree char *footer = g_strdup_printf ("Página %u de %u", p, n_pages);

      assert_contains (text, "Nombre o titular");                 /* the list's header, repeated */
      assert_contains (text, footer);
    }
  last = pdf_text (pdf, n_pages);
  assert_contains (last, "150");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* ---- The preview and the paper ------------------------------------------ */

static void
on_begin (GtkPrintOperation *operation, GtkPrintContext *context, gpointer data)
{
  gtk_print_operation_set_n_pages (operation, 3);
}

static void
on_draw (GtkPrintOperation *operation, GtkPrintContext *context, int page_number, int *drawn)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);

  cairo_rectangle (cr, 72, 72, 100, 100);
  cairo_fill (cr);
  (*drawn)++;
}

static gboolean
on_preview (GtkPrintOperation *operation, GtkPrintOperationPreview *preview, GtkPrintContext *context,
            GtkWindow *parent, EmPrintPreview **window)
{
  *window = em_print_preview_new (parent, operation, preview, context, "Prueba");
  gtk_window_present (GTK_WINDOW (*window));
  return TRUE;
}

static void
on_done (GtkPrintOperation *operation, GtkPrintOperationResult result, GtkPrintOperationResult *out)
{
  *out = result;
}

static void
test_preview_shows_every_page_and_ends (UiFixture *f, gconstpointer data)
{
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  EmPrintPreview *preview = NULL;
  GtkPrintOperationResult result = GTK_PRINT_OPERATION_RESULT_IN_PROGRESS;
  int drawn = 0;
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin), NULL);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw), &drawn);
  g_signal_connect (operation, "preview", G_CALLBACK (on_preview), &preview);
  g_signal_connect (operation, "done", G_CALLBACK (on_done), &result);
  gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PREVIEW, GTK_WINDOW (f->window), NULL);
  while ((preview == NULL || em_print_preview_get_n_pages (preview) < 3) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (preview);
  g_assert_cmpuint (em_print_preview_get_n_pages (preview), ==, 3);
  g_assert_cmpint (drawn, ==, 3);
  g_assert_nonnull (ui_find_label_containing (GTK_WIDGET (preview), "Página 3 de 3"));
  gtk_window_close (GTK_WINDOW (preview));
  ui_flush ();
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);
}

static void
test_paper_chosen_in_preferences (UiFixture *f, gconstpointer data)
{
  EmPreferencesWindow *prefs = em_preferences_window_new (GTK_WINDOW (f->window), f->settings, f->session);
  g_autofree char *paper = NULL;
  GtkWidget *label;
  GtkDropDown *dropdown;

  gtk_window_present (GTK_WINDOW (prefs));
  ui_flush ();
  label = ui_find_label_containing (GTK_WIDGET (prefs), "Papel de los resúmenes");
  g_assert_nonnull (label);
  dropdown = GTK_DROP_DOWN (gtk_label_get_mnemonic_widget (GTK_LABEL (label)));
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, 0);
  g_assert_cmpint (em_print_get_paper (page (f, "capacidad")), ==, EM_PAPER_CARTA);
  gtk_drop_down_set_selected (dropdown, 1);
  paper = g_settings_get_string (f->settings, "papel");
  g_assert_cmpstr (paper, ==, "a4");
  g_assert_cmpint (em_print_get_paper (page (f, "capacidad")), ==, EM_PAPER_A4);
  g_settings_set_string (f->settings, "papel", "carta");
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, 0);
  gtk_window_destroy (GTK_WINDOW (prefs));
}

int
main (int argc, char **argv)
{
  em_i18n_init ();
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/print/view/period-dates-read-as-typed", test_period_dates_read_as_typed);
  g_test_add_func ("/print/view/default-period-is-the-current-month", test_default_period_is_the_current_month);
  g_test_add_func ("/print/view/totals-and-pages-in-words", test_totals_and_pages_in_words);
  g_test_add_func ("/print/view/file-names-say-what-they-hold", test_file_names_say_what_they_hold);
#define ADD(path, func) g_test_add ("/print/" path, UiFixture, NULL, set_up, func, tear_down)
  ADD ("case/capacity-exported-to-pdf", test_capacity_case_exported_to_pdf);
  ADD ("case/capacity-printed-through-the-print-operation", test_capacity_case_printed_through_the_print_operation);
  ADD ("case/tariff-carries-the-illustrative-mark", test_tariff_case_carries_the_illustrative_mark);
  ADD ("case/unsaved-evaluation-saved-before-printing", test_unsaved_evaluation_saved_before_printing);
  ADD ("case/tampered-refused-with-the-reason", test_tampered_case_refused_with_the_reason);
  ADD ("case/nothing-to-print-disables-the-actions", test_nothing_to_print_disables_the_actions);
  ADD ("period/totals-then-pdf-and-csv", test_period_window_shows_totals_and_writes_pdf_and_csv);
  ADD ("period/dates-checked-before-anything-is-written", test_period_dates_checked_before_anything_is_written);
  ADD ("period/many-pages-with-headers", test_period_printed_on_many_pages_with_headers);
  ADD ("preview/shows-every-page-and-ends", test_preview_shows_every_page_and_ends);
  ADD ("paper/chosen-in-preferences", test_paper_chosen_in_preferences);
#undef ADD
  return g_test_run ();
}
