/* em-report-period-tables.c — the tables of the periodic report
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * From the counts: cases by kind and state, capacity results, inspection
 * charges with the fees added up (official and illustrative apart, annulled
 * cases not added), cases by evaluator; then the list of cases, oldest
 * first.  Each becomes a sequence of items (section, header, rows, notes)
 * that em-report-period-draw.c lays out on pages.
 */
#define G_LOG_DOMAIN "em-report"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "em-money.h"
#include "em-report-period-private.h"

static const EmColumn count_columns[] = {
  { 0, 0.43, PANGO_ALIGN_LEFT }, { 0.43, 0.19, PANGO_ALIGN_RIGHT },
  { 0.62, 0.19, PANGO_ALIGN_RIGHT }, { 0.81, 0.19, PANGO_ALIGN_RIGHT },
};

const EmColumn em_period_list_columns[] = {
  { 0.000, 0.055, PANGO_ALIGN_RIGHT }, { 0.055, 0.100, PANGO_ALIGN_LEFT },
  { 0.155, 0.100, PANGO_ALIGN_LEFT }, { 0.255, 0.160, PANGO_ALIGN_LEFT },
  { 0.415, 0.105, PANGO_ALIGN_LEFT }, { 0.520, 0.118, PANGO_ALIGN_LEFT },
  { 0.638, 0.112, PANGO_ALIGN_RIGHT }, { 0.750, 0.102, PANGO_ALIGN_LEFT },
  { 0.852, 0.148, PANGO_ALIGN_LEFT },
};
const guint em_period_n_list_columns = G_N_ELEMENTS (em_period_list_columns);

static const char * const state_titles[] = {
  N_("Estado"), N_("Capacidad económica"), N_("Tarifa de inspección"), N_("Total"),
};
static const char * const result_titles[] = {
  N_("Resultado"), N_("Casos"), N_("De ellos, anulados"), N_("% de los de capacidad"),
};
static const char * const charge_titles[] = {
  N_("Cobro de la inspección"), N_("Casos"), N_("De ellos, anulados"), N_("Valor oficial, sin anulados"),
};
static const char * const evaluator_titles[] = {
  N_("Evaluador"), N_("Capacidad económica"), N_("Tarifa de inspección"), N_("Total"),
};
static const char * const list_titles[] = {
  N_("N.º"), N_("Fecha"), N_("Tipo"), N_("Nombre o titular"), N_("Documento o expediente"),
  N_("Resultado"), N_("Tarifa"), N_("Estado"), N_("Evaluador"),
};

/* ---- Building blocks -------------------------------------------------- */

static const char *
keep (EmReportPeriod *self, char *text)
{
  g_ptr_array_add (self->texts, text);
  return text;
}

static void
add_item (EmReportPeriod *self, EmItemKind kind, guint table, guint row, const char *text)
{
  EmPeriodItem item = { kind, table, row, text, 0 };

  g_array_append_val (self->items, item);
}

static const char * const *
translated (EmReportPeriod *self, const char * const *titles, guint n)
{
  const char **copy = g_new (const char *, n + 1);

  for (guint i = 0; i < n; i++)
    copy[i] = _(titles[i]);
  copy[n] = NULL;
  g_ptr_array_add (self->texts, copy);
  return copy;
}

/* A table of @n_columns count columns; its rows are added with add_row (). */
static guint
add_table (EmReportPeriod *self, const char *section, const char * const *titles)
{
  EmPeriodTable table = { count_columns, G_N_ELEMENTS (count_columns),
                          translated (self, titles, G_N_ELEMENTS (count_columns)),
                          g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev),
                          EM_FONT_LABEL, EM_FONT_BODY_BOLD, TRUE };

  g_array_append_val (self->tables, table);
  add_item (self, EM_ITEM_SECTION, 0, 0, section);
  add_item (self, EM_ITEM_HEADER, self->tables->len - 1, 0, NULL);
  return self->tables->len - 1;
}

/* Adds a row of a label and counts (already formatted: the texts are taken). */
static void
add_row (EmReportPeriod *self, guint table, const char *label, char *b, char *c, char *d)
{
  EmPeriodTable *t = &g_array_index (self->tables, EmPeriodTable, table);
  char **cells = g_new0 (char *, 5);

  cells[0] = g_strdup (label);
  cells[1] = b;
  cells[2] = c;
  cells[3] = d;
  g_ptr_array_add (t->rows, cells);
  add_item (self, EM_ITEM_ROW, table, t->rows->len - 1, NULL);
}

static char *
number (guint value)
{
  return em_scaled_to_string (value, 0, ',', TRUE);
}

/* "12,5 %" of @total, rounded half up to one decimal. */
static char *
percent (guint part, guint total)
{
  guint64 tenths = total ? ((guint64) part * 1000 + total / 2) / total : 0;
  g_autofree char *value = em_scaled_to_string (tenths, 1, ',', TRUE);

  return g_strdup_printf ("%s %%", value);
}

/* ---- The tables ------------------------------------------------------- */

static void
build_states (EmReportPeriod *self)
{
  guint table = add_table (self, _("Casos por tipo y estado"), state_titles);
  guint total[2] = { 0, 0 };

  for (EmCaseState s = 0; s < EM_N_CASE_STATES; s++)
    {
      guint c = self->by_state[0][s], t = self->by_state[1][s];
      total[0] += c;
      total[1] += t;
      add_row (self, table, em_case_state_describe (s), number (c), number (t), number (c + t));
    }
  add_row (self, table, _("Total"), number (total[0]), number (total[1]), number (total[0] + total[1]));
}

static void
build_results (EmReportPeriod *self, guint n_capacity)
{
  guint table = add_table (self, _("Capacidad económica por resultado"), result_titles);
  guint annulled = 0;

  for (EmCapacityResult r = EM_RESULT_CUMPLE; r <= EM_RESULT_INFORMACION_INCOMPLETA; r++)
    {
      guint all = self->by_result[r][0] + self->by_result[r][1];
      annulled += self->by_result[r][1];
      add_row (self, table, em_capacity_result_describe (r), number (all), number (self->by_result[r][1]),
               percent (all, n_capacity));
    }
  add_row (self, table, _("Total"), number (n_capacity), number (annulled), percent (n_capacity, n_capacity));
}

static void
build_charges (EmReportPeriod *self, guint n_tariff)
{
  guint table = add_table (self, _("Tarifa de inspección"), charge_titles);
  guint charged = self->by_charge[1][0] + self->by_charge[1][1];
  guint not_charged = self->by_charge[0][0] + self->by_charge[0][1];

  add_row (self, table, _("Objeto de cobro"), number (charged), number (self->by_charge[1][1]),
           em_report_period_format_pesos (self->official_sum));
  add_row (self, table, _("No objeto de cobro"), number (not_charged), number (self->by_charge[0][1]),
           em_report_period_format_pesos (0));
  add_row (self, table, _("Total"), number (n_tariff), number (self->by_charge[0][1] + self->by_charge[1][1]),
           em_report_period_format_pesos (self->official_sum));
  if (self->n_illustrative > 0)
    {
      g_autofree char *sum = em_report_period_format_pesos (self->illustrative_sum);
      add_item (self, EM_ITEM_NOTE, 0, 0,
                keep (self, g_strdup_printf (_("%u tarifas se calcularon con un tarifario no oficial: suman %s "
                                               "ILUSTRATIVOS, que no sirven para cobrar y no están en el valor "
                                               "oficial. En la lista van marcadas con *."),
                                             self->n_illustrative, sum)));
    }
}

static void
build_evaluators (EmReportPeriod *self)
{
  guint table = add_table (self, _("Casos por evaluador"), evaluator_titles);

  for (guint i = 0; i < self->evaluators->len; i++)
    {
      EmPeriodEvaluator *e = self->evaluators->pdata[i];
      add_row (self, table, e->name[0] ? e->name : _("(sin nombre)"), number (e->count[0]), number (e->count[1]),
               number (e->count[0] + e->count[1]));
    }
  g_array_index (self->tables, EmPeriodTable, table).last_is_total = FALSE;
}

static void
build_list (EmReportPeriod *self)
{
  EmPeriodTable table = { em_period_list_columns, em_period_n_list_columns,
                          translated (self, list_titles, G_N_ELEMENTS (list_titles)), NULL,
                          EM_FONT_TABLE, EM_FONT_TABLE, FALSE };
  guint index;

  g_array_append_val (self->tables, table);
  index = self->tables->len - 1;
  add_item (self, EM_ITEM_SECTION, 0, 0, _("Lista de casos, en orden de registro"));
  add_item (self, EM_ITEM_HEADER, index, 0, NULL);
  for (guint i = 0; i < self->rows->len; i++)
    add_item (self, EM_ITEM_ROW, index, i, NULL);
}

void
em_report_period_build_tables (EmReportPeriod *self)
{
  EmReportTotals totals;

  self->texts = g_ptr_array_new_with_free_func (g_free);
  self->tables = g_array_new (FALSE, TRUE, sizeof (EmPeriodTable));
  self->items = g_array_new (FALSE, TRUE, sizeof (EmPeriodItem));
  em_report_period_get_totals (self, &totals);
  if (totals.n_cases == 0)
    {
      add_item (self, EM_ITEM_NOTE, 0, 0, _("No hay casos registrados en este periodo."));
      return;
    }
  build_states (self);
  if (totals.n_capacity > 0)
    build_results (self, totals.n_capacity);
  if (totals.n_tariff > 0)
    build_charges (self, totals.n_tariff);
  build_evaluators (self);
  build_list (self);
}

/* ---- A line of the case list ------------------------------------------ */

static const char *
short_state (EmCaseState state)
{
  static const char * const words[] = {
    N_("Evaluado"), N_("Req. emitido"), N_("Subsanado"), N_("Rechazado"), N_("Anulado"),
  };

  return _(words[state]);
}

static const char *
short_result (const EmPeriodRow *row)
{
  static const char * const words[] = {
    N_("Cumple"), N_("No cumple"), N_("Requiere aval"), N_("Incompleta"),
  };

  if (row->kind == EM_CASE_KIND_TARIFA)
    return row->tariff > 0 ? _("Se cobra") : _("No se cobra");
  return _(words[row->result]);
}

static char *
list_tariff (const EmPeriodRow *row)
{
  g_autofree char *amount = NULL;

  if (row->kind != EM_CASE_KIND_TARIFA)
    return g_strdup ("");
  amount = em_report_period_format_pesos (row->tariff);
  return row->illustrative ? g_strconcat (amount, " *", NULL) : g_steal_pointer (&amount);
}

static char *
list_date (gint64 created)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (created);

  return g_date_time_format (when, "%d/%m/%Y");
}

/* The nine cells of row @row of the list (a NULL-terminated vector). */
char **
em_report_period_list_cells (EmReportPeriod *self,
                             guint           row)
{
  const EmPeriodRow *r = &g_array_index (self->rows, EmPeriodRow, row);
  char **cells = g_new0 (char *, em_period_n_list_columns + 1);

  cells[0] = g_strdup_printf ("%ld", (long) r->id);
  cells[1] = list_date (r->created);
  cells[2] = g_strdup (r->kind == EM_CASE_KIND_CAPACIDAD ? _("Capacidad") : _("Tarifa"));
  cells[3] = g_strdup (r->name);
  cells[4] = g_strdup (r->document);
  cells[5] = g_strdup (short_result (r));
  cells[6] = list_tariff (r);
  cells[7] = g_strdup (short_state (r->state));
  cells[8] = g_strdup (r->evaluator);
  return cells;
}
