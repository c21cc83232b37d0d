/* em-report-period-draw.c — the periodic report on pages: PDF and CSV
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pagination measures each kind of item once (the lines of the case list
 * are one line each, cut with «…», so all have the same height), then
 * walks the items: a section keeps with its header and first row, a header
 * with its first row, and a table cut by a page break repeats its header
 * at the top of the next page.  Tens of thousands of cases paginate in
 * milliseconds; drawing a page reads nothing from the store.  Every page
 * has a running head, «Página N de M» and, when some tariff is
 * illustrative, the footnote that says what the * means.
 */
#define G_LOG_DOMAIN "em-report"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "em-case-csv.h"
#include "em-report-period-private.h"

#define FOOT_SPACE 30.0

/* ---- Measuring -------------------------------------------------------- */

static EmPeriodTable *
table_of (EmReportPeriod *self, guint index)
{
  return &g_array_index (self->tables, EmPeriodTable, index);
}

static void
row_cells (EmReportPeriod *self, const EmPeriodTable *table, guint row, char ***owned, const char * const **cells)
{
  if (table->rows == NULL)
    *cells = (const char * const *) (*owned = em_report_period_list_cells (self, row));
  else
    *cells = (const char * const *) g_ptr_array_index (table->rows, row);
}

static gboolean
is_total (const EmPeriodTable *table, guint row)
{
  return table->last_is_total && table->rows != NULL && row == table->rows->len - 1;
}

static void
draw_row (EmPen *pen, EmReportPeriod *self, const EmPeriodItem *item)
{
  const EmPeriodTable *table = table_of (self, item->table);
  EmColumn columns[16];
  g_auto(GStrv) owned = NULL;
  const char * const *cells;
  double top = pen->y;

  g_assert (table->n_columns <= G_N_ELEMENTS (columns));
  em_pen_columns (pen, table->columns, columns, table->n_columns);
  row_cells (self, table, item->row, &owned, &cells);
  if (table->rows == NULL && item->row % 2 == 1)
    em_pen_fill (pen, pen->x, top, pen->width, item->height, &em_color_shade);
  if (is_total (table, item->row))
    em_pen_rule (pen, pen->x, top, pen->width, 0.8, &em_color_text);
  em_pen_row (pen, columns, table->n_columns, is_total (table, item->row) ? table->total_font : table->font, cells);
  if (table->rows != NULL)
    em_pen_rule (pen, pen->x, pen->y, pen->width, 0.3, &em_color_rule);
}

static void
draw_header (EmPen *pen, EmReportPeriod *self, guint index)
{
  const EmPeriodTable *table = table_of (self, index);
  EmColumn columns[16];

  em_pen_columns (pen, table->columns, columns, table->n_columns);
  em_pen_table_header (pen, columns, table->n_columns, table->rows ? EM_FONT_LABEL : EM_FONT_TABLE_HEAD,
                       table->titles);
}

/* Draws @item at the pen (or only measures it, with a pen without cairo_t). */
static void
draw_item (EmPen *pen, EmReportPeriod *self, const EmPeriodItem *item)
{
  switch (item->kind)
    {
    case EM_ITEM_SECTION:
      em_pen_section (pen, item->text);
      break;
    case EM_ITEM_HEADER:
      draw_header (pen, self, item->table);
      break;
    case EM_ITEM_ROW:
      draw_row (pen, self, item);
      break;
    case EM_ITEM_NOTE:
      pen->y += 2;
      em_pen_paragraph (pen, EM_FONT_SMALL, &em_color_label, item->text);
      break;
    case EM_ITEM_SPACE:
    default:
      pen->y += 6;
      break;
    }
}

static double
measure_item (EmPen *pen, EmReportPeriod *self, const EmPeriodItem *item)
{
  pen->y = 0;
  draw_item (pen, self, item);
  return pen->y;
}

/* The list's lines are all one line high: measured once. */
static void
measure_items (EmReportPeriod *self, EmPen *pen)
{
  double list_row = -1;

  for (guint i = 0; i < self->items->len; i++)
    {
      EmPeriodItem *item = &g_array_index (self->items, EmPeriodItem, i);
      gboolean in_list = item->kind == EM_ITEM_ROW && table_of (self, item->table)->rows == NULL;

      if (in_list && list_row >= 0)
        item->height = list_row;
      else
        item->height = measure_item (pen, self, item);
      if (in_list)
        list_row = item->height;
    }
}

/* ---- Heads and feet --------------------------------------------------- */

static void
draw_title (EmPen *pen, EmReportPeriod *self)
{
  g_autofree char *from = em_report_format_date (self->from);
  g_autofree char *until = em_report_format_date (self->until);
  g_autofree char *range = g_strdup_printf (_("Casos registrados del %s al %s (días en hora local)"), from, until);
  EmReportTotals totals;
  g_autofree char *summary = NULL;

  em_report_period_get_totals (self, &totals);
  summary = g_strdup_printf (_("%u casos en el periodo: %u de capacidad económica y %u de tarifa de inspección."),
                             totals.n_cases, totals.n_capacity, totals.n_tariff);
  pen->y += em_pen_text_at (pen, EM_FONT_TITLE, &em_color_accent, _("Agencia Nacional de Minería"), pen->x, pen->y,
                            pen->width, PANGO_ALIGN_LEFT);
  pen->y += em_pen_text_at (pen, EM_FONT_SUBTITLE, &em_color_text, _("Informe periódico de casos evaluados"),
                            pen->x, pen->y, pen->width, PANGO_ALIGN_LEFT) + 1;
  em_pen_paragraph (pen, EM_FONT_LABEL, &em_color_label, range);
  pen->y += 3;
  em_pen_rule (pen, pen->x, pen->y, pen->width, 0.8, &em_color_accent);
  pen->y += 8;
  em_pen_paragraph (pen, EM_FONT_BODY_BOLD, &em_color_text, summary);
}

static void
draw_running_head (EmPen *pen, EmReportPeriod *self)
{
  g_autofree char *from = em_report_format_date (self->from);
  g_autofree char *until = em_report_format_date (self->until);
  g_autofree char *range = g_strdup_printf (_("%s a %s"), from, until);
  double height;

  em_pen_text_at (pen, EM_FONT_SMALL, &em_color_label, range, pen->x, pen->y, pen->width, PANGO_ALIGN_RIGHT);
  height = em_pen_text_at (pen, EM_FONT_SMALL, &em_color_label,
                           _("Agencia Nacional de Minería · Informe periódico de casos evaluados"),
                           pen->x, pen->y, pen->width, PANGO_ALIGN_LEFT);
  pen->y += height + 2;
  em_pen_rule (pen, pen->x, pen->y, pen->width, 0.5, &em_color_accent);
  pen->y += 4;
}

static void
draw_head (EmPen *pen, EmReportPeriod *self, guint page)
{
  if (page == 0)
    draw_title (pen, self);
  else
    draw_running_head (pen, self);
}

static void
draw_foot (EmPen *pen, EmReportPeriod *self, guint page)
{
  g_autofree char *printed = em_report_format_local (self->printed_at);
  g_autofree char *left = g_strdup_printf (_("Evaluador Minero %s · Generado el %s"), PACKAGE_VERSION, printed);
  g_autofree char *right = g_strdup_printf (_("Página %u de %u"), page + 1, self->pages->len);
  double line = em_pen_line_height (pen, EM_FONT_SMALL), y = self->height - EM_REPORT_MARGIN * 0.75 - line;

  if (self->n_illustrative > 0)
    em_pen_text_at (pen, EM_FONT_SMALL, &em_color_bad,
                    _("* Tarifa calculada con un tarifario no oficial: ILUSTRATIVA — NO OFICIAL, no sirve para cobrar."),
                    pen->x, y - line - 2, pen->width, PANGO_ALIGN_LEFT);
  em_pen_rule (pen, pen->x, y - 3, pen->width, 0.4, &em_color_rule);
  em_pen_text_at (pen, EM_FONT_SMALL, &em_color_label, left, pen->x, y, pen->width, PANGO_ALIGN_LEFT);
  em_pen_text_at (pen, EM_FONT_SMALL, &em_color_label, right, pen->x, y, pen->width, PANGO_ALIGN_RIGHT);
}

/* ---- Pagination ------------------------------------------------------- */

static double
head_height (EmReportPeriod *self, EmPen *pen, guint page)
{
  pen->y = EM_REPORT_MARGIN;
  draw_head (pen, self, page);
  return pen->y;
}

/* How much must fit with @i on its page: a section with its header and
 * first row, a header with its first row. */
static double
needed (EmReportPeriod *self, guint i)
{
  const EmPeriodItem *item = &g_array_index (self->items, EmPeriodItem, i);
  guint with = item->kind == EM_ITEM_SECTION ? 2 : item->kind == EM_ITEM_HEADER ? 1 : 0;
  double height = item->height;

  for (guint k = 1; k <= with && i + k < self->items->len; k++)
    height += g_array_index (self->items, EmPeriodItem, i + k).height;
  return height;
}

static double
header_item_height (EmReportPeriod *self, guint table)
{
  for (guint i = 0; i < self->items->len; i++)
    {
      const EmPeriodItem *item = &g_array_index (self->items, EmPeriodItem, i);
      if (item->kind == EM_ITEM_HEADER && item->table == table)
        return item->height;
    }
  return 0;
}

static void
break_pages (EmReportPeriod *self, double first_top, double top, double bottom)
{
  EmPeriodPage page = { 0, -1 };
  double y = first_top, page_top = first_top;

  g_array_set_size (self->pages, 0);
  g_array_append_val (self->pages, page);
  for (guint i = 0; i < self->items->len; i++)
    {
      const EmPeriodItem *item = &g_array_index (self->items, EmPeriodItem, i);

      if (y + needed (self, i) > bottom && y > page_top)
        {
          page = (EmPeriodPage) { i, item->kind == EM_ITEM_ROW ? (int) item->table : -1 };
          g_array_append_val (self->pages, page);
          y = page_top = top + (page.repeat_header >= 0 ? header_item_height (self, item->table) : 0);
        }
      y += item->height;
    }
}

guint
em_report_period_paginate (EmReportPeriod *self,
                           double          width,
                           double          height)
{
  EmPen pen;
  double first_top, top, bottom;

  g_return_val_if_fail (self != NULL, 0);

  self->width = width;
  self->height = height;
  if (self->pages == NULL)
    self->pages = g_array_new (FALSE, FALSE, sizeof (EmPeriodPage));
  em_pen_init (&pen, NULL, EM_REPORT_MARGIN, width - 2 * EM_REPORT_MARGIN, 0);
  measure_items (self, &pen);
  first_top = head_height (self, &pen, 0);
  top = head_height (self, &pen, 1);
  bottom = height - EM_REPORT_MARGIN * 0.75 - FOOT_SPACE - (self->n_illustrative > 0 ? 10 : 0);
  em_pen_clear (&pen);
  break_pages (self, first_top, top, bottom);
  return self->pages->len;
}

/* ---- Drawing ---------------------------------------------------------- */

void
em_report_period_draw_page (EmReportPeriod *self,
                            cairo_t        *cr,
                            guint           page)
{
  const EmPeriodPage *p;
  guint end;
  EmPen pen;

  g_return_if_fail (self != NULL && cr != NULL);
  g_return_if_fail (self->pages != NULL && page < self->pages->len);

  p = &g_array_index (self->pages, EmPeriodPage, page);
  end = page + 1 < self->pages->len ? g_array_index (self->pages, EmPeriodPage, page + 1).first_item
                                    : self->items->len;
  em_pen_init (&pen, cr, EM_REPORT_MARGIN, self->width - 2 * EM_REPORT_MARGIN, EM_REPORT_MARGIN);
  draw_head (&pen, self, page);
  if (p->repeat_header >= 0)
    draw_header (&pen, self, p->repeat_header);
  for (guint i = p->first_item; i < end; i++)
    draw_item (&pen, self, &g_array_index (self->items, EmPeriodItem, i));
  draw_foot (&pen, self, page);
  em_pen_clear (&pen);
}

gboolean
em_report_period_write_pdf (EmReportPeriod  *self,
                            const char      *path,
                            EmPaper          paper,
                            guint           *n_pages,
                            GError         **error)
{
  g_autoptr(EmReportOutput) output = NULL;
  g_autofree char *title = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  double width, height;
  guint pages;

  g_return_val_if_fail (self != NULL && path != NULL, FALSE);

  if ((output = em_report_output_open (path, error)) == NULL)
    return FALSE;
  em_paper_get_size (paper, &width, &height);
  pages = em_report_period_paginate (self, width, height);
  surface = em_report_output_pdf (output, paper);
  title = em_report_period_get_title (self);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cr = cairo_create (surface);
  for (guint page = 0; page < pages; page++)
    {
      em_report_period_draw_page (self, cr, page);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  if (!em_report_output_pdf_finish (output, surface, error) || !em_report_output_commit (output, error))
    return FALSE;
  if (n_pages != NULL)
    *n_pages = pages;
  return TRUE;
}

/* ---- CSV -------------------------------------------------------------- */

/* The same cases as a spreadsheet (em-case-csv.c: UTF-8 with BOM, «;»,
 * CRLF), in the same order as the PDF's list, written whole or not at all. */
gboolean
em_report_period_write_csv (EmCaseStore  *store,
                            const char   *from,
                            const char   *until,
                            const char   *path,
                            guint        *n_rows,
                            GError      **error)
{
  EmCaseFilter filter = EM_CASE_FILTER_INIT;
  g_autoptr(EmReportOutput) output = NULL;

  g_return_val_if_fail (EM_IS_CASE_STORE (store), FALSE);
  g_return_val_if_fail (from != NULL && until != NULL && path != NULL, FALSE);

  filter.from = from;
  filter.until = until;
  filter.ascending = TRUE;
  if ((output = em_report_output_open (path, error)) == NULL)
    return FALSE;
  return em_case_csv_export (store, &filter, em_report_output_stream (output), n_rows, error)
         && em_report_output_commit (output, error);
}
