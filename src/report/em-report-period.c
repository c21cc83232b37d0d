/* em-report-period.c — the periodic report: the cases of a period, counted
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The cases created between two local calendar days, read a page of 500
 * summaries at a time (query_ids + get_summaries), kept in a compact row
 * each (strings interned in one chunk), so the counts and the list come
 * from the same reading and agree.  A tariff case also needs its tarifario
 * (official or not): its row is read, and the answer cached per tarifario
 * file.  Counts: by kind and state, by capacity result, by charge (with
 * the fees added up exactly, in 128 bits, without annulled cases, official
 * and illustrative apart), and by evaluator.  The tables drawn from them
 * are built here; pagination and drawing are in em-report-period-draw.c.
 */
#define G_LOG_DOMAIN "em-report"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "em-date.h"
#include "em-money.h"
#include "em-report-period-private.h"

#define PAGE_IDS 500

/* ---- Reading ---------------------------------------------------------- */

typedef struct
{
  EmReportPeriod *self;
  EmCaseStore    *store;
  GHashTable     *official;   /* "id sha256" → GINT_TO_POINTER (1 + official) */
} Reader;

static gboolean
result_parse (const char *text, int *out)
{
  for (EmCapacityResult r = EM_RESULT_CUMPLE; r <= EM_RESULT_INFORMACION_INCOMPLETA; r++)
    if (g_strcmp0 (text, em_capacity_result_to_string (r)) == 0)
      return *out = r, TRUE;
  return FALSE;
}

static gboolean
stored_official (const char *result_json)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  JsonNode *root;
  gboolean official = FALSE;

  if (result_json != NULL && json_parser_load_from_data (parser, result_json, -1, NULL)
      && (root = json_parser_get_root (parser)) != NULL && JSON_NODE_HOLDS_OBJECT (root))
    em_report_json_bool (json_node_get_object (root), "oficial", &official);
  return official;
}

/* Whether the tariff of case @id was computed with a non-official tarifario. */
static gboolean
read_illustrative (Reader *reader, gint64 id, gboolean *illustrative, GError **error)
{
  g_auto(EmCaseRow) row = { 0 };
  g_autofree char *key = NULL;
  gpointer known;

  if (!em_case_store_get_row (reader->store, id, &row, error))
    return FALSE;
  key = g_strdup_printf ("%s %s", row.rules_id ? row.rules_id : "", row.rules_sha256 ? row.rules_sha256 : "");
  if ((known = g_hash_table_lookup (reader->official, key)) == NULL)
    {
      known = GINT_TO_POINTER (1 + stored_official (row.result_json));
      g_hash_table_insert (reader->official, g_steal_pointer (&key), known);
    }
  *illustrative = GPOINTER_TO_INT (known) == 1;
  return TRUE;
}

static gint64
unix_time (const char *iso8601)
{
  g_autoptr(GDateTime) when = iso8601 ? g_date_time_new_from_iso8601 (iso8601, NULL) : NULL;

  return when ? g_date_time_to_unix (when) : 0;
}

static const char *
intern (EmReportPeriod *self, const char *text)
{
  return g_string_chunk_insert_const (self->strings, text ? text : "");
}

static gboolean
read_summary (Reader *reader, const EmCaseSummary *summary, GError **error)
{
  EmReportPeriod *self = reader->self;
  EmPeriodRow row = { summary->id, unix_time (summary->created), 0, 0, 0, -1, FALSE,
                      intern (self, summary->name), intern (self, summary->document), intern (self, summary->evaluator) };

  if (!em_case_kind_parse (summary->kind, &row.kind) || !em_case_state_parse (summary->state, &row.state)
      || (row.kind == EM_CASE_KIND_CAPACIDAD && !result_parse (summary->result, &row.result))
      || (row.kind == EM_CASE_KIND_TARIFA && !em_money_parse (summary->tariff, &row.tariff, NULL)))
    {
      g_set_error (error, EM_REPORT_ERROR, EM_REPORT_ERROR_INVALID,
                   _("El caso %ld tiene un tipo, un estado o un resultado desconocido."), (long) summary->id);
      return FALSE;
    }
  if (row.kind == EM_CASE_KIND_TARIFA && !read_illustrative (reader, row.id, &row.illustrative, error))
    return FALSE;
  g_array_append_val (self->rows, row);
  return TRUE;
}

static gboolean
read_page (Reader *reader, const gint64 *ids, guint n_ids, GError **error)
{
  g_autoptr(GPtrArray) page = em_case_store_get_summaries (reader->store, ids, n_ids, error);

  if (page == NULL)
    return FALSE;
  for (guint i = 0; i < page->len; i++)
    if (!read_summary (reader, page->pdata[i], error))
      return FALSE;
  return TRUE;
}

static int
compare_rows (gconstpointer a, gconstpointer b)
{
  gint64 x = ((const EmPeriodRow *) a)->id, y = ((const EmPeriodRow *) b)->id;

  return (x > y) - (x < y);
}

static gboolean
read_rows (EmReportPeriod *self, EmCaseStore *store, GError **error)
{
  EmCaseFilter filter = EM_CASE_FILTER_INIT;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GHashTable) official = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  Reader reader = { self, store, official };

  filter.from = self->from;
  filter.until = self->until;
  if ((ids = em_case_store_query_ids (store, &filter, 0, error)) == NULL)
    return FALSE;
  g_array_set_size (self->rows, 0);
  for (guint i = 0; i < ids->len; i += PAGE_IDS)
    if (!read_page (&reader, &g_array_index (ids, gint64, i), MIN (PAGE_IDS, ids->len - i), error))
      return FALSE;
  g_array_sort (self->rows, compare_rows);
  return TRUE;
}

/* ---- Counting --------------------------------------------------------- */

static void
free_evaluator (gpointer data)
{
  EmPeriodEvaluator *evaluator = data;

  g_free (evaluator->name);
  g_free (evaluator);
}

static int
compare_evaluators (gconstpointer a, gconstpointer b)
{
  const EmPeriodEvaluator *x = *(EmPeriodEvaluator * const *) a, *y = *(EmPeriodEvaluator * const *) b;

  return g_utf8_collate (x->name, y->name);
}

static void
count_evaluator (GHashTable *evaluators, const EmPeriodRow *row)
{
  EmPeriodEvaluator *evaluator = g_hash_table_lookup (evaluators, row->evaluator);

  if (evaluator == NULL)
    {
      evaluator = g_new0 (EmPeriodEvaluator, 1);
      evaluator->name = g_strdup (row->evaluator);
      g_hash_table_insert (evaluators, (gpointer) row->evaluator, evaluator);
    }
  evaluator->count[row->kind]++;
}

static void
count_row (EmReportPeriod *self, const EmPeriodRow *row)
{
  gboolean annulled = row->state == EM_CASE_STATE_ANULADO;

  self->by_state[row->kind][row->state]++;
  if (row->kind == EM_CASE_KIND_CAPACIDAD)
    {
      self->by_result[row->result][annulled]++;
      return;
    }
  self->by_charge[row->tariff > 0][annulled]++;
  self->n_illustrative += row->illustrative;
  if (!annulled)
    *(row->illustrative ? &self->illustrative_sum : &self->official_sum) += row->tariff;
}

static void
count_rows (EmReportPeriod *self)
{
  g_autoptr(GHashTable) evaluators = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer value;

  for (guint i = 0; i < self->rows->len; i++)
    {
      count_row (self, &g_array_index (self->rows, EmPeriodRow, i));
      count_evaluator (evaluators, &g_array_index (self->rows, EmPeriodRow, i));
    }
  g_hash_table_iter_init (&iter, evaluators);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (self->evaluators, value);
  g_ptr_array_sort (self->evaluators, compare_evaluators);
}

/* ---- The report ------------------------------------------------------- */

static gboolean
check_dates (const char *from, const char *until, GError **error)
{
  GDate first, last;

  if (!em_date_parse_iso (from, &first, error) || !em_date_parse_iso (until, &last, error))
    return FALSE;
  if (g_date_compare (&first, &last) <= 0)
    return TRUE;
  g_set_error (error, EM_REPORT_ERROR, EM_REPORT_ERROR_INVALID,
               _("El periodo empieza (%s) después de terminar (%s)."), from, until);
  return FALSE;
}

EmReportPeriod *
em_report_period_new (EmCaseStore  *store,
                      const char   *from,
                      const char   *until,
                      GError      **error)
{
  g_autoptr(EmReportPeriod) self = NULL;

  g_return_val_if_fail (EM_IS_CASE_STORE (store), NULL);
  g_return_val_if_fail (from != NULL && until != NULL, NULL);

  if (!check_dates (from, until, error))
    return NULL;
  self = g_new0 (EmReportPeriod, 1);
  self->from = g_strdup (from);
  self->until = g_strdup (until);
  self->rows = g_array_new (FALSE, FALSE, sizeof (EmPeriodRow));
  self->strings = g_string_chunk_new (64 * 1024);
  self->evaluators = g_ptr_array_new_with_free_func (free_evaluator);
  self->printed_at = g_date_time_new_now_local ();
  if (!read_rows (self, store, error))
    return NULL;
  count_rows (self);
  em_report_period_build_tables (self);
  return g_steal_pointer (&self);
}

static void
clear_table (gpointer data)
{
  EmPeriodTable *table = data;

  g_clear_pointer (&table->rows, g_ptr_array_unref);
}

void
em_report_period_free (EmReportPeriod *self)
{
  if (self == NULL)
    return;
  g_free (self->from);
  g_free (self->until);
  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_pointer (&self->strings, g_string_chunk_free);
  g_clear_pointer (&self->printed_at, g_date_time_unref);
  g_clear_pointer (&self->evaluators, g_ptr_array_unref);
  g_clear_pointer (&self->texts, g_ptr_array_unref);
  if (self->tables != NULL)
    g_array_set_clear_func (self->tables, clear_table);
  g_clear_pointer (&self->tables, g_array_unref);
  g_clear_pointer (&self->items, g_array_unref);
  g_clear_pointer (&self->pages, g_array_unref);
  g_free (self);
}

void
em_report_period_get_totals (const EmReportPeriod *self,
                             EmReportTotals       *totals)
{
  g_return_if_fail (self != NULL && totals != NULL);

  *totals = (EmReportTotals) { self->rows->len, 0, 0 };
  for (guint s = 0; s < EM_N_CASE_STATES; s++)
    {
      totals->n_capacity += self->by_state[EM_CASE_KIND_CAPACIDAD][s];
      totals->n_tariff += self->by_state[EM_CASE_KIND_TARIFA][s];
    }
}

/* "Informe periódico de casos, 01/01/2026 a 31/12/2026". */
char *
em_report_period_get_title (const EmReportPeriod *self)
{
  g_autofree char *from = NULL;
  g_autofree char *until = NULL;

  g_return_val_if_fail (self != NULL, NULL);
  from = em_report_format_date (self->from);
  until = em_report_format_date (self->until);
  return g_strdup_printf (_("Informe periódico de casos, %s a %s"), from, until);
}

void
em_report_period_set_printed_at (EmReportPeriod *self,
                                 GDateTime      *when)
{
  g_return_if_fail (self != NULL && when != NULL);
  g_date_time_unref (self->printed_at);
  self->printed_at = g_date_time_ref (when);
}

/* Centavos → "$ 1.234.567" (",89" only when there are centavos). */
char *
em_report_period_format_pesos (EmInt128 centavos)
{
  GString *digits = g_string_new (NULL);
  EmInt128 pesos = centavos / 100;
  int cents = (int) (centavos % 100);
  guint n = 0;

  do
    {
      if (n > 0 && n % 3 == 0)
        g_string_prepend_c (digits, '.');
      g_string_prepend_c (digits, '0' + (int) (pesos % 10));
      pesos /= 10;
      n++;
    }
  while (pesos > 0);
  g_string_prepend (digits, "$ ");
  if (cents != 0)
    g_string_append_printf (digits, ",%02d", cents);
  return g_string_free (digits, FALSE);
}
