/* em-case-store-query.c — finding cases: search and filters
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Text search goes through the FTS5 index over name, document, radicado and
 * expediente (accents and case ignored, each word matched as a prefix);
 * filters use the indexes on tipo, resultado, estado and creado.  Newest
 * first, or in the order the filter asks for (names in Spanish order).
 * Dates are the official's local calendar days.
 */
#define G_LOG_DOMAIN "em-case-store"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "em-case-store-private.h"
#include "em-date.h"

/* "Ñandú 900-12" → "\"Ñandú\"* \"900\"* \"12\"*"; NULL when no word. */
static char *
fts_query (const char *text)
{
  GString *query = g_string_new (NULL);
  GString *word = g_string_new (NULL);

  for (const char *p = text; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && g_unichar_isalnum (c))
        {
          g_string_append_unichar (word, c);
          continue;
        }
      if (word->len > 0)
        g_string_append_printf (query, "%s\"%s\"*", query->len ? " " : "", word->str);
      g_string_truncate (word, 0);
      if (c == 0)
        break;
    }
  g_string_free (word, TRUE);
  if (query->len == 0)
    return g_string_free (query, TRUE), NULL;
  return g_string_free (query, FALSE);
}

/* Local midnight of an AAAA-MM-DD day (plus @days) as a UTC ISO 8601 text. */
static char *
local_day_start (const char *date, int days, GError **error)
{
  GDate day;
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) utc = NULL;

  if (!em_date_parse_iso (date, &day, error))
    return NULL;
  g_date_add_days (&day, days);
  local = g_date_time_new_local (g_date_get_year (&day), g_date_get_month (&day), g_date_get_day (&day), 0, 0, 0);
  utc = g_date_time_to_utc (local);
  return g_date_time_format_iso8601 (utc);
}

/* ---- Order ----------------------------------------------------------- */

/* The weight of one character in Spanish order: accents and case do not
 * count («Álvarez» goes with «alvarez»), but ñ is a letter of its own,
 * after n. */
static guint
spanish_weight (gunichar c)
{
  gunichar parts[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];

  if (c < 0x80)
    return g_ascii_tolower (c) * 2;
  if (c == 0x00F1 || c == 0x00D1)
    return 'n' * 2 + 1;
  if (g_unichar_fully_decompose (c, FALSE, parts, G_N_ELEMENTS (parts)) > 0)
    c = parts[0];
  return g_unichar_tolower (c) * 2;
}

static int
compare_bytes (int len_a, const void *a, int len_b, const void *b)
{
  int order = memcmp (a, b, MIN (len_a, len_b));

  return order != 0 ? order : len_a - len_b;
}

/* The collation «em_es»; text that is not UTF-8 (never stored) compares
 * byte by byte. */
static int
compare_spanish (void *data, int len_a, const void *a, int len_b, const void *b)
{
  const char *p = a, *end_p = p + len_a;
  const char *q = b, *end_q = q + len_b;

  while (p < end_p && q < end_q)
    {
      gunichar cp = (guchar) *p < 0x80 ? (guchar) *p : g_utf8_get_char_validated (p, end_p - p);
      gunichar cq = (guchar) *q < 0x80 ? (guchar) *q : g_utf8_get_char_validated (q, end_q - q);
      guint wp, wq;

      if ((gint32) cp < 0 || (gint32) cq < 0)
        return compare_bytes (len_a, a, len_b, b);
      wp = spanish_weight (cp);
      wq = spanish_weight (cq);
      if (wp != wq)
        return wp < wq ? -1 : 1;
      p = g_utf8_next_char (p);
      q = g_utf8_next_char (q);
    }
  if (p < end_p || q < end_q)
    return p < end_p ? 1 : -1;
  return compare_bytes (len_a, a, len_b, b);
}

/* The ORDER BY terms of each sort, each one taking the direction. */
static const char * const order_terms[][2] = {
  [EM_CASE_SORT_NUMBER] = { "id" },
  [EM_CASE_SORT_KIND] = { "tipo" },
  [EM_CASE_SORT_NAME] = { "nombre COLLATE em_es" },
  [EM_CASE_SORT_DOCUMENT] = { "COALESCE (NULLIF (documento, ''), expediente) COLLATE em_es" },
  [EM_CASE_SORT_OUTCOME] = { "CASE resultado WHEN 'cumple' THEN 0 WHEN 'requiere_aval' THEN 1"
                             " WHEN 'informacion_incompleta' THEN 2 WHEN 'no_cumple' THEN 3 ELSE 4 END",
                             "CAST (tarifa AS INTEGER)" },
  [EM_CASE_SORT_STATE] = { "CASE estado WHEN 'evaluado' THEN 0 WHEN 'requerimiento_emitido' THEN 1"
                           " WHEN 'subsanado' THEN 2 WHEN 'rechazado' THEN 3 ELSE 4 END" },
  [EM_CASE_SORT_CREATED] = { "creado" },
};

static void
append_order (GString *sql, const EmCaseFilter *filter)
{
  EmCaseSort sort = filter->sort < G_N_ELEMENTS (order_terms) ? filter->sort : EM_CASE_SORT_NUMBER;
  const char *direction = filter->ascending ? "ASC" : "DESC";

  g_string_append (sql, " ORDER BY ");
  for (guint i = 0; i < 2 && order_terms[sort][i] != NULL; i++)
    g_string_append_printf (sql, "%s%s %s", i > 0 ? ", " : "", order_terms[sort][i], direction);
  if (sort != EM_CASE_SORT_NUMBER)
    g_string_append (sql, ", id DESC");
}

void
em_store_register_collations (EmCaseStore *self)
{
  sqlite3_create_collation (self->db, "em_es", SQLITE_UTF8, NULL, compare_spanish);
}

/* ---- Filters ---------------------------------------------------------- */

typedef struct
{
  GString   *sql;
  GPtrArray *texts;    /* bound in order */
} Query;

static void
add_condition (Query *query, const char *condition, char *value)
{
  g_string_append_printf (query->sql, " AND %s", condition);
  g_ptr_array_add (query->texts, value);
}

static gboolean
only_text (const EmCaseFilter *filter)
{
  return filter->any_kind && filter->result == NULL && filter->any_state && filter->from == NULL
         && filter->until == NULL && filter->sort == EM_CASE_SORT_NUMBER;
}

/* A search alone, by number, is answered by the index without reading the
 * cases: with a million cases, a common name matches tens of thousands. */
static void
build_text_query (const EmCaseFilter *filter, char *match, Query *query)
{
  g_string_append_printf (query->sql, "SELECT rowid FROM cases_fts WHERE cases_fts MATCH ? ORDER BY rowid %s",
                          filter->ascending ? "ASC" : "DESC");
  g_ptr_array_add (query->texts, match);
}

static gboolean
build_query (const EmCaseFilter *filter, Query *query, GError **error)
{
  char *match = filter->text ? fts_query (filter->text) : NULL;

  if (match != NULL && only_text (filter))
    return build_text_query (filter, match, query), TRUE;
  g_string_append (query->sql, "SELECT id FROM cases WHERE 1");
  if (match != NULL)
    add_condition (query, "id IN (SELECT rowid FROM cases_fts WHERE cases_fts MATCH ?)", match);
  if (!filter->any_kind)
    add_condition (query, "tipo = ?", g_strdup (em_case_kind_to_string (filter->kind)));
  if (filter->result != NULL)
    add_condition (query, "resultado = ?", g_strdup (filter->result));
  if (!filter->any_state)
    add_condition (query, "estado = ?", g_strdup (em_case_state_to_string (filter->state)));
  if (filter->from != NULL)
    {
      char *start = local_day_start (filter->from, 0, error);
      if (start == NULL)
        return FALSE;
      add_condition (query, "creado >= ?", start);
    }
  if (filter->until != NULL)
    {
      char *end = local_day_start (filter->until, 1, error);
      if (end == NULL)
        return FALSE;
      add_condition (query, "creado < ?", end);
    }
  append_order (query->sql, filter);
  return TRUE;
}

GArray *
em_case_store_query_ids (EmCaseStore        *self,
                         const EmCaseFilter *filter,
                         guint               limit,
                         GError            **error)
{
  Query query = { g_string_new (NULL), g_ptr_array_new_with_free_func (g_free) };
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GArray *ids = NULL;
  int rc;

  g_return_val_if_fail (EM_IS_CASE_STORE (self), NULL);
  g_return_val_if_fail (filter != NULL, NULL);

  if (!build_query (filter, &query, error))
    goto out;
  if (limit > 0)
    g_string_append_printf (query.sql, " LIMIT %u", limit);
  if ((stmt = em_store_prepare (self, query.sql->str, error)) == NULL)
    goto out;
  for (guint i = 0; i < query.texts->len; i++)
    em_store_bind_text (stmt, i + 1, g_ptr_array_index (query.texts, i));
  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      em_store_fail (self, rc, error);
      g_clear_pointer (&ids, g_array_unref);
    }
out:
  g_string_free (query.sql, TRUE);
  g_ptr_array_unref (query.texts);
  return ids;
}

static EmCaseSummary *
read_summary (sqlite3_stmt *stmt)
{
  EmCaseSummary *summary = g_new0 (EmCaseSummary, 1);
  const char *document = (const char *) sqlite3_column_text (stmt, 3);

  summary->id = sqlite3_column_int64 (stmt, 0);
  summary->kind = em_store_column_text (stmt, 1);
  summary->name = em_store_column_text (stmt, 2);
  summary->document = em_store_column_text (stmt, document && document[0] ? 3 : 4);
  summary->result = em_store_column_text (stmt, 5);
  summary->tariff = em_store_column_text (stmt, 6);
  summary->state = em_store_column_text (stmt, 7);
  summary->created = em_store_column_text (stmt, 8);
  summary->evaluator = em_store_column_text (stmt, 9);
  return summary;
}

static GPtrArray *
read_summaries (EmCaseStore *self, const gint64 *ids, guint n_ids, GError **error)
{
  g_autoptr(EmStoreStmt) stmt = NULL;
  g_autoptr(GPtrArray) summaries = g_ptr_array_new_with_free_func ((GDestroyNotify) em_case_summary_free);

  stmt = em_store_cached (self, "SELECT id, tipo, nombre, documento, expediente, resultado, tarifa, estado, creado,"
                                 " evaluador FROM cases WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  for (guint i = 0; i < n_ids; i++)
    {
      int rc;

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, ids[i]);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        g_ptr_array_add (summaries, read_summary (stmt));
      else if (rc != SQLITE_DONE)
        return em_store_fail (self, rc, error), NULL;
    }
  return g_steal_pointer (&summaries);
}

GPtrArray *
em_case_store_get_summaries (EmCaseStore  *self,
                             const gint64 *ids,
                             guint         n_ids,
                             GError      **error)
{
  g_autoptr(GPtrArray) summaries = NULL;

  g_return_val_if_fail (EM_IS_CASE_STORE (self), NULL);

  /* One read transaction for the lot (a savepoint outside a transaction
   * starts a deferred one): the rows as of one moment, and not a lock taken
   * and released per row — a third of the cost of a page of the list. */
  if (!em_store_exec (self, "SAVEPOINT summaries", error))
    return NULL;
  summaries = read_summaries (self, ids, n_ids, error);
  em_store_exec (self, "RELEASE summaries", NULL);
  return g_steal_pointer (&summaries);
}
