/* test-report.c — printable summaries and the periodic report (src/report)
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The drawing is checked on Cairo recording surfaces (what is drawn stays
 * on its page; the layout does not depend on the device), the files on
 * disk (whole or not at all), and the period's counts and pages.  What the
 * PDFs say is checked with pdftotext in test-cli-informe.py.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <sqlite3.h>
#include <string.h>

#include "em-case-evaluation.h"
#include "em-i18n.h"
#include "em-report.h"
#include "em-report-period-private.h"
#include "em-report-private.h"

#define CUMPLE     "{\"regimen\":\"comun\",\"nombre\":\"Minerales Ñandú S.A.S.\",\"numero_documento\":\"900123456\"," \
                   "\"radicado\":\"20170500001\",\"activo_corriente\":\"124\",\"pasivo_corriente\":\"100\"," \
                   "\"activo_total\":\"1000\",\"pasivo_total\":\"610\",\"ingresos_operacionales\":\"600\"}"
#define INCOMPLETE "{\"regimen\":\"comun\",\"nombre\":\"Oro del Cauca\",\"activo_corriente\":\"124\"}"
#define TARIFF     "{\"etapa\":\"explotacion\",\"grupo_mineral\":\"carbon\",\"sistema\":\"subterraneo\"," \
                   "\"produccion_anual\":\"100000\",\"nivel_cumplimiento\":\"bajo\",\"numero_inspeccion\":3," \
                   "\"expediente\":\"HHK-08231\",\"titular\":\"Carbones del Norte\"}"

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

  f->dir = g_dir_make_tmp ("em-report-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "casos.sqlite", NULL);
  f->store = em_case_store_open (f->path, &error);
  g_assert_no_error (error);
  f->evaluator = em_evaluator_new_default (&error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  g_clear_object (&f->store);
  g_clear_object (&f->evaluator);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (f->dir);
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
  return id;
}

static char *
in_dir (Fixture *f, const char *name)
{
  return g_build_filename (f->dir, name, NULL);
}

static char *
today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

static guint
count_files (Fixture *f)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  guint count = 0;

  while (g_dir_read_name (dir) != NULL)
    count++;
  return count;
}

/* ---- Drawing on recording surfaces ------------------------------------ */

typedef struct
{
  double x, y, width, height;
} Extents;

/* Draws the summary of @data on an unbounded recording surface, scaled by
 * @scale, and returns where ink fell (in page units). */
static Extents
summary_extents (const EmReportCase *data, EmPaper paper, double scale)
{
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (surface);
  Extents e;
  double width, height;

  em_paper_get_size (paper, &width, &height);
  cairo_scale (cr, scale, scale);
  em_report_draw_case (cr, width, height, data);
  cairo_destroy (cr);
  cairo_recording_surface_ink_extents (surface, &e.x, &e.y, &e.width, &e.height);
  cairo_surface_destroy (surface);
  return (Extents) { e.x / scale, e.y / scale, e.width / scale, e.height / scale };
}

static void
assert_inside (Extents e, double width, double height)
{
  g_assert_cmpfloat (e.x, >=, 0);
  g_assert_cmpfloat (e.y, >=, 0);
  g_assert_cmpfloat (e.x + e.width, <=, width);
  g_assert_cmpfloat (e.y + e.height, <=, height);
}

static EmReportCase *
case_from_store (Fixture *f, gint64 id)
{
  g_autoptr(GError) error = NULL;
  EmReportCase *data = em_report_case_new_from_store (f->store, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (data);
  return data;
}

/* ---- Paper ------------------------------------------------------------ */

static void
test_paper_sizes_and_names (void)
{
  EmPaper paper = EM_PAPER_A4;
  double width, height;

  g_assert_true (em_paper_parse ("carta", &paper));
  g_assert_cmpint (paper, ==, EM_PAPER_CARTA);
  em_paper_get_size (paper, &width, &height);
  g_assert_cmpfloat (width, ==, 612);
  g_assert_cmpfloat (height, ==, 792);
  g_assert_true (em_paper_parse ("a4", &paper));
  em_paper_get_size (paper, &width, &height);
  g_assert_cmpfloat (fabs (width - 595.276), <, 0.01);
  g_assert_cmpfloat (fabs (height - 841.89), <, 0.01);
  g_assert_false (em_paper_parse ("oficio", &paper));
  g_assert_false (em_paper_parse ("A4 ", &paper));
  g_assert_cmpstr (em_paper_to_string (EM_PAPER_CARTA), ==, "carta");
}

/* ---- The pen ---------------------------------------------------------- */

/* A summary is measured, then drawn with the layouts kept from measuring:
 * only a layout of the same text, font, width, alignment and scale may be
 * handed out again. */
static void
test_pen_keeps_only_identical_layouts (void)
{
  g_autoptr(EmPenLayouts) kept = em_pen_layouts_new ();
  g_autoptr(PangoLayout) first = NULL, again = NULL, other_text = NULL, other_font = NULL;
  g_autoptr(PangoLayout) other_width = NULL, other_align = NULL, smaller = NULL, unkept = NULL;
  EmPen pen, plain;
  int kept_height, plain_height;

  em_pen_init_kept (&pen, NULL, kept, 0, 400, 0);
  first = em_pen_layout (&pen, EM_FONT_BODY, "Capacidad económica", 200, PANGO_ALIGN_LEFT);
  again = em_pen_layout (&pen, EM_FONT_BODY, "Capacidad económica", 200, PANGO_ALIGN_LEFT);
  g_assert_true (first == again);
  other_text = em_pen_layout (&pen, EM_FONT_BODY, "Capacidad economica", 200, PANGO_ALIGN_LEFT);
  other_font = em_pen_layout (&pen, EM_FONT_BODY_BOLD, "Capacidad económica", 200, PANGO_ALIGN_LEFT);
  other_width = em_pen_layout (&pen, EM_FONT_BODY, "Capacidad económica", 60, PANGO_ALIGN_LEFT);
  other_align = em_pen_layout (&pen, EM_FONT_BODY, "Capacidad económica", 200, PANGO_ALIGN_RIGHT);
  pen.scale = 0.95;
  smaller = em_pen_layout (&pen, EM_FONT_BODY, "Capacidad económica", 200, PANGO_ALIGN_LEFT);
  g_assert_true (other_text != first && other_font != first && other_width != first);
  g_assert_true (other_align != first && smaller != first);
  g_assert_cmpint (pango_layout_get_line_count (other_width), >, 1);

  /* The same measure as a layout made anew. */
  em_pen_init (&plain, NULL, 0, 400, 0);
  unkept = em_pen_layout (&plain, EM_FONT_BODY, "Capacidad económica", 200, PANGO_ALIGN_LEFT);
  g_assert_true (unkept != first);
  pango_layout_get_size (first, NULL, &kept_height);
  pango_layout_get_size (unkept, NULL, &plain_height);
  g_assert_cmpint (kept_height, ==, plain_height);
  em_pen_clear (&plain);
  em_pen_clear (&pen);
}

/* The layouts a thread keeps between summaries are the same from call to
 * call, and emptied once there are more than a few thousand. */
static void
test_pen_thread_layouts_bounded (void)
{
  EmPenLayouts *kept = em_pen_layouts_of_thread ();
  g_autoptr(PangoLayout) first = NULL, again = NULL, after = NULL;
  EmPen pen;

  em_pen_init_kept (&pen, NULL, kept, 0, 400, 0);
  first = em_pen_layout (&pen, EM_FONT_LABEL, "Solicitante", -1, PANGO_ALIGN_LEFT);
  em_pen_clear (&pen);
  g_assert_true (em_pen_layouts_of_thread () == kept);
  em_pen_init_kept (&pen, NULL, kept, 0, 400, 0);
  again = em_pen_layout (&pen, EM_FONT_LABEL, "Solicitante", -1, PANGO_ALIGN_LEFT);
  g_assert_true (again == first);
  for (guint i = 0; i < 4001; i++)
    {
      g_autofree char *text = g_strdup_printf ("caso %u", i);
      g_object_unref (em_pen_layout (&pen, EM_FONT_LABEL, text, -1, PANGO_ALIGN_LEFT));
    }
  em_pen_clear (&pen);
  g_assert_true (em_pen_layouts_of_thread () == kept);
  em_pen_init_kept (&pen, NULL, kept, 0, 400, 0);
  after = em_pen_layout (&pen, EM_FONT_LABEL, "Solicitante", -1, PANGO_ALIGN_LEFT);
  g_assert_true (after != first);
  em_pen_clear (&pen);
}

/* ---- The summary ------------------------------------------------------ */

static gint64
add_long (Fixture *f, guint repeat, const char *reason)
{
  g_autoptr(GString) name = g_string_new (NULL);
  g_autofree char *json = NULL;
  gint64 id;

  for (guint i = 0; i < repeat; i++)
    g_string_append (name, "Comercializadora de Metales Preciosos del Nordeste Antioqueño ");
  json = g_strdup_printf ("{\"regimen\":\"comun\",\"nombre\":\"%s\",\"activo_corriente\":\"124\"}", name->str);
  id = add (f, EM_CASE_KIND_CAPACIDAD, json);
  g_assert_true (em_case_store_apply (f->store, id, EM_CASE_ACTION_EMITIR_REQUERIMIENTO, NULL, NULL, "Luis", NULL));
  if (reason != NULL)
    g_assert_true (em_case_store_apply (f->store, id, EM_CASE_ACTION_ANULAR, reason, NULL, "Luis", NULL));
  return id;
}

static EmSummaryLayout
layout_of (EmReportCase *report)
{
  EmSummaryLayout layout;

  em_report_summary_layout (report, 612, 792, &layout);
  return layout;
}

/* A usual case is drawn at full size; a longer one is drawn smaller rather
 * than cut; either way the body ends above the verification code. */
static void
test_summary_shrinks_to_fit_rather_than_cut (Fixture *f, gconstpointer data)
{
  g_autoptr(EmReportCase) usual = case_from_store (f, add (f, EM_CASE_KIND_TARIFA, TARIFF));
  g_autoptr(EmReportCase) longer = case_from_store (f, add_long (f, 9, "Registrado dos veces por error, con tildes "
                                                                      "y eñes, según el acta de la visita."));
  EmSummaryLayout a = layout_of (usual), b = layout_of (longer);

  g_assert_cmpfloat (a.scale, ==, 1.0);
  g_assert_cmpfloat (a.body_end, <=, a.body_bottom);
  g_assert_cmpfloat (b.scale, <, 1.0);
  g_assert_cmpfloat (b.scale, >=, 0.7);
  g_assert_cmpfloat (b.body_end, <=, b.body_bottom);
  g_assert_cmpfloat (b.body_bottom, <, b.foot_top);
}

/* Whether anything was drawn in the rows from @top to @bottom. */
static gboolean
has_ink (cairo_surface_t *surface, double top, double bottom)
{
  const guint8 *pixels = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  for (int y = (int) ceil (top); y < (int) floor (bottom); y++)
    for (int x = 0; x < cairo_image_surface_get_width (surface); x++)
      if (pixels[y * stride + 4 * x + 3] != 0)
        return TRUE;
  return FALSE;
}

/* What cannot fit even at 70 % is cut above the code, never drawn over it
 * nor off the page: for texts of many lengths (so the cut falls on text
 * as well as between lines), nothing is drawn between the body's limit
 * and the code. */
static void
test_summary_never_runs_into_the_code (Fixture *f, gconstpointer data)
{
  for (guint repeat = 40; repeat <= 64; repeat += 2)
    {
      g_autoptr(EmReportCase) report = case_from_store (f, add_long (f, repeat, NULL));
      EmSummaryLayout layout = layout_of (report);
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 612, 792);
      cairo_t *cr = cairo_create (surface);

      g_assert_cmpfloat (layout.body_end, >, layout.foot_top);
      em_report_draw_case (cr, 612, 792, report);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      g_assert_false (has_ink (surface, layout.body_bottom + 1, layout.foot_top - 1));
      cairo_surface_destroy (surface);
      assert_inside (summary_extents (report, EM_PAPER_CARTA, 1), 612, 792);
      assert_inside (summary_extents (report, EM_PAPER_A4, 1), 595.276, 841.89);
    }
}

/* The window prints through a cairo_t scaled to the printer's resolution:
 * the page must come out the same, only larger. */
static void
test_summary_layout_independent_of_device_scale (Fixture *f, gconstpointer data)
{
  g_autoptr(EmReportCase) report = case_from_store (f, add (f, EM_CASE_KIND_TARIFA, TARIFF));
  Extents plain = summary_extents (report, EM_PAPER_CARTA, 1);
  Extents scaled = summary_extents (report, EM_PAPER_CARTA, 300.0 / 72);

  g_assert_cmpfloat (fabs (plain.x - scaled.x), <, 1.5);
  g_assert_cmpfloat (fabs (plain.y - scaled.y), <, 1.5);
  g_assert_cmpfloat (fabs (plain.width - scaled.width), <, 1.5);
  g_assert_cmpfloat (fabs (plain.height - scaled.height), <, 1.5);
}

static void
test_unreadable_stored_case_refused (void)
{
  g_autoptr(GPtrArray) events = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  EmCaseRow row = { .kind = (char *) "capacidad", .state = (char *) "evaluado",
                    .input_json = (char *) "{}", .result_json = (char *) "no es JSON" };
  EmReportCase *report = em_report_case_new (7, &row, events, "AAAA-BBBB-CCCC", &error);

  g_assert_null (report);
  g_assert_error (error, EM_REPORT_ERROR, EM_REPORT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "7"));
  g_clear_error (&error);
  row.result_json = (char *) "{}";
  row.kind = (char *) "otra";
  g_assert_null (em_report_case_new (7, &row, events, "AAAA-BBBB-CCCC", &error));
  g_assert_error (error, EM_REPORT_ERROR, EM_REPORT_ERROR_INVALID);
}

static void
test_title_names_case_kind_and_applicant (Fixture *f, gconstpointer data)
{
  g_autoptr(EmReportCase) capacity = case_from_store (f, add (f, EM_CASE_KIND_CAPACIDAD, CUMPLE));
  g_autoptr(EmReportCase) tariff = case_from_store (f, add (f, EM_CASE_KIND_TARIFA, TARIFF));
  g_autofree char *first = em_report_case_get_title (capacity);
  g_autofree char *second = em_report_case_get_title (tariff);
  g_autofree char *code = em_case_store_get_code (f->store, 1, NULL);

  g_assert_cmpstr (first, ==, "Caso 1 — Capacidad económica — Minerales Ñandú S.A.S.");
  g_assert_cmpstr (second, ==, "Caso 2 — Tarifa de inspección — Carbones del Norte");
  g_assert_cmpstr (em_report_case_get_code (capacity), ==, code);
}

static void
sql (Fixture *f, const char *statement)
{
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, statement, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
test_tampered_case_not_printed (Fixture *f, gconstpointer data)
{
  g_autofree char *pdf = in_dir (f, "resumen.pdf");
  g_autoptr(GError) error = NULL;
  gint64 id = add (f, EM_CASE_KIND_CAPACIDAD, INCOMPLETE);

  sql (f, "UPDATE cases SET resultado = 'cumple'");
  g_assert_false (em_report_write_case_pdf (f->store, id, pdf, EM_PAPER_CARTA, &error));
  g_assert_error (error, EM_STORE_ERROR, EM_STORE_ERROR_TAMPERED);
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
}

/* ---- Files: whole or not at all --------------------------------------- */

static void
test_pdf_written_whole_with_private_mode (Fixture *f, gconstpointer data)
{
  g_autofree char *pdf = in_dir (f, "resumen.pdf");
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf info;
  gsize length;

  g_assert_true (em_report_write_case_pdf (f->store, add (f, EM_CASE_KIND_CAPACIDAD, CUMPLE), pdf, EM_PAPER_CARTA,
                                           &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_assert_nonnull (g_strstr_len (contents + length - 16, 16, "%%EOF"));
  g_assert_cmpint (g_stat (pdf, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0600);
  g_assert_cmpuint (count_files (f), ==, 4);    /* the database, its -wal and -shm, the PDF */
}

static void
test_failed_write_keeps_old_file_and_no_temporary (Fixture *f, gconstpointer data)
{
  g_autofree char *pdf = in_dir (f, "resumen.pdf");
  g_autofree char *contents = NULL;
  g_autofree char *missing = g_build_filename (f->dir, "no-existe", "resumen.pdf", NULL);
  g_autoptr(GError) error = NULL;
  guint files;

  add (f, EM_CASE_KIND_CAPACIDAD, CUMPLE);
  g_assert_true (g_file_set_contents (pdf, "anterior", -1, NULL));
  files = count_files (f);
  g_assert_false (em_report_write_case_pdf (f->store, 99, pdf, EM_PAPER_CARTA, &error));
  g_assert_error (error, EM_STORE_ERROR, EM_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (pdf, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "anterior");
  g_assert_false (em_report_write_case_pdf (f->store, 1, missing, EM_PAPER_CARTA, &error));
  g_assert_error (error, EM_REPORT_ERROR, EM_REPORT_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, "no-existe"));
  g_clear_error (&error);
  g_assert_false (em_report_write_case_pdf (f->store, 1, f->dir, EM_PAPER_CARTA, &error));
  g_assert_error (error, EM_REPORT_ERROR, EM_REPORT_ERROR_WRITE);
  g_assert_cmpuint (count_files (f), ==, files);
}

/* ---- The periodic report ---------------------------------------------- */

static void
add_many (Fixture *f, guint count)
{
  const char *inputs[] = { CUMPLE, INCOMPLETE, TARIFF };

  g_assert_true (em_case_store_begin (f->store, NULL));
  for (guint i = 0; i < count; i++)
    add (f, i % 3 == 2 ? EM_CASE_KIND_TARIFA : EM_CASE_KIND_CAPACIDAD, inputs[i % 3]);
  g_assert_true (em_case_store_commit (f->store, NULL));
}

static EmReportPeriod *
period_of_today (Fixture *f)
{
  g_autofree char *day = today ();
  g_autoptr(GError) error = NULL;
  EmReportPeriod *period = em_report_period_new (f->store, day, day, &error);

  g_assert_no_error (error);
  return period;
}

static void
assert_pages_inside (EmReportPeriod *period, guint pages)
{
  for (guint page = 0; page < pages; page++)
    {
      cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
      cairo_t *cr = cairo_create (surface);
      Extents e;

      em_report_period_draw_page (period, cr, page);
      cairo_destroy (cr);
      cairo_recording_surface_ink_extents (surface, &e.x, &e.y, &e.width, &e.height);
      cairo_surface_destroy (surface);
      assert_inside (e, 612, 792);
    }
}

static void
test_period_counts_and_pages (Fixture *f, gconstpointer data)
{
  g_autoptr(EmReportPeriod) period = NULL;
  EmReportTotals totals;
  guint pages, rows_on_pages = 0;

  add_many (f, 300);
  g_assert_true (em_case_store_apply (f->store, 3, EM_CASE_ACTION_ANULAR, "duplicado", NULL, "Luis", NULL));
  period = period_of_today (f);
  em_report_period_get_totals (period, &totals);
  g_assert_cmpuint (totals.n_cases, ==, 300);
  g_assert_cmpuint (totals.n_capacity, ==, 200);
  g_assert_cmpuint (totals.n_tariff, ==, 100);
  g_assert_cmpuint (period->by_result[EM_RESULT_CUMPLE][0], ==, 100);
  g_assert_cmpuint (period->by_charge[1][1], ==, 1);          /* case 3: charged, annulled */
  g_assert_true (period->official_sum == 0);                  /* the built-in tarifario is illustrative */
  g_assert_true (period->illustrative_sum == (EmInt128) 99 * 121073000);
  g_assert_cmpuint (g_array_index (period->rows, EmPeriodRow, 0).id, ==, 1);   /* oldest first */
  pages = em_report_period_paginate (period, 612, 792);
  g_assert_cmpuint (pages, >, 4);
  for (guint p = 1; p < pages; p++)
    {
      const EmPeriodPage *page = &g_array_index (period->pages, EmPeriodPage, p);
      const EmPeriodItem *first = &g_array_index (period->items, EmPeriodItem, page->first_item);
      g_assert_true (first->kind != EM_ITEM_ROW || page->repeat_header == (int) first->table);
    }
  for (guint i = 0; i < period->items->len; i++)
    {
      const EmPeriodItem *item = &g_array_index (period->items, EmPeriodItem, i);
      rows_on_pages += item->kind == EM_ITEM_ROW && g_array_index (period->tables, EmPeriodTable, item->table).rows == NULL;
    }
  g_assert_cmpuint (rows_on_pages, ==, 300);
  assert_pages_inside (period, pages);
  g_assert_cmpuint (em_report_period_paginate (period, 595.276, 841.89), <, pages);
}

static void
test_period_dates_checked (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  g_assert_null (em_report_period_new (f->store, "2026-02-01", "2026-01-31", &error));
  g_assert_error (error, EM_REPORT_ERROR, EM_REPORT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (em_report_period_new (f->store, "2026-02-30", "2026-03-01", &error));
  g_assert_nonnull (error);
}

static void
test_empty_period_is_one_page (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EmReportPeriod) period = NULL;
  g_autofree char *pdf = in_dir (f, "informe.pdf");
  guint pages = 0;

  add (f, EM_CASE_KIND_CAPACIDAD, CUMPLE);
  period = em_report_period_new (f->store, "2000-01-01", "2000-12-31", &error);
  g_assert_no_error (error);
  g_assert_true (em_report_period_write_pdf (period, pdf, EM_PAPER_CARTA, &pages, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pages, ==, 1);
}

static void
test_pesos_beyond_64_bits (void)
{
  g_autofree char *small = em_report_period_format_pesos (121073000);
  g_autofree char *cents = em_report_period_format_pesos (105);
  g_autofree char *zero = em_report_period_format_pesos (0);
  g_autofree char *huge = em_report_period_format_pesos ((EmInt128) 50000 * G_GINT64_CONSTANT (100000000000000000));

  g_assert_cmpstr (small, ==, "$ 1.210.730");
  g_assert_cmpstr (cents, ==, "$ 1,05");
  g_assert_cmpstr (zero, ==, "$ 0");
  g_assert_cmpstr (huge, ==, "$ 50.000.000.000.000.000.000");
}

static void
test_period_csv_for_spreadsheets (Fixture *f, gconstpointer data)
{
  g_autofree char *csv = in_dir (f, "informe.csv");
  g_autofree char *day = today ();
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  guint rows = 0;

  add_many (f, 5);
  g_assert_true (em_report_period_write_csv (f->store, day, day, csv, &rows, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rows, ==, 5);
  g_assert_true (g_file_get_contents (csv, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBF"));
  lines = g_strsplit (contents, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 7);            /* header, 5 cases, "" after the last CRLF */
  g_assert_nonnull (strstr (lines[0], "Número;Tipo;"));
  g_assert_nonnull (strstr (contents, "Minerales Ñandú S.A.S."));
}

int
main (int argc, char **argv)
{
  em_i18n_init ();
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add ("/report/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  g_test_add_func ("/report/paper/sizes-and-names", test_paper_sizes_and_names);
  g_test_add_func ("/report/pen/keeps-only-identical-layouts", test_pen_keeps_only_identical_layouts);
  g_test_add_func ("/report/pen/thread-layouts-bounded", test_pen_thread_layouts_bounded);
  ADD ("summary/shrinks-to-fit-rather-than-cut", test_summary_shrinks_to_fit_rather_than_cut);
  ADD ("summary/never-runs-into-the-code", test_summary_never_runs_into_the_code);
  ADD ("summary/layout-independent-of-device-scale", test_summary_layout_independent_of_device_scale);
  g_test_add_func ("/report/summary/unreadable-stored-case-refused", test_unreadable_stored_case_refused);
  ADD ("summary/title-names-case-kind-and-applicant", test_title_names_case_kind_and_applicant);
  ADD ("summary/tampered-case-not-printed", test_tampered_case_not_printed);
  ADD ("output/pdf-written-whole-with-private-mode", test_pdf_written_whole_with_private_mode);
  ADD ("output/failed-write-keeps-old-file-and-no-temporary", test_failed_write_keeps_old_file_and_no_temporary);
  ADD ("period/counts-and-pages", test_period_counts_and_pages);
  ADD ("period/dates-checked", test_period_dates_checked);
  ADD ("period/empty-period-is-one-page", test_empty_period_is_one_page);
  g_test_add_func ("/report/period/pesos-beyond-64-bits", test_pesos_beyond_64_bits);
  ADD ("period/csv-for-spreadsheets", test_period_csv_for_spreadsheets);
  return g_test_run ();
}
