/* em-case-csv.c — the case list as CSV for spreadsheets
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Written for what Excel in Spanish (Colombia) opens with a double click,
 * without its import wizard:
 *  - UTF-8 with a byte-order mark (without it Excel reads Windows-1252 and
 *    «Ñandú» comes out garbled);
 *  - «;» between fields (the list separator where the comma is the decimal
 *    mark), CRLF line ends, RFC 4180 quoting;
 *  - the tariff in whole pesos in the Colombian form «1.234.567» and no
 *    «$»: Excel es-CO reads it as a number, so the column sums and sorts,
 *    while «$ 1.234.567» is a number only where the system currency is the
 *    peso and stays text elsewhere (cents, if ever, as «1.234.567,89»);
 *  - dates as DD/MM/AAAA HH:MM in local time, which Excel es-CO reads as
 *    dates; words in Spanish, not the ids of the JSON contract.
 * Streamed a page of rows at a time: a million cases never sit in memory.
 */
#define G_LOG_DOMAIN "em-case-csv"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "em-capacity-verdict.h"
#include "em-case-csv.h"
#include "em-money.h"

#define PAGE_ROWS 500

static const char * const headers[] = {
  N_("Número"), N_("Tipo"), N_("Nombre o titular"), N_("Documento o expediente"), N_("Resultado"),
  N_("Tarifa"), N_("Estado"), N_("Evaluador"), N_("Creado"),
};

/* Formula injection: a spreadsheet takes a cell that starts with = + - or @
 * (and, in some, a tab or a carriage return before them) for a formula, so
 * a name typed as «=HIPERVINCULO(…)» would run when the file is opened.
 * Such a field gets a leading apostrophe and stays text.  Every field is
 * guarded; none of the numbers and dates written here start that way. */
static gboolean
needs_guard (const char *text)
{
  return text[0] != '\0' && strchr ("=+-@\t\r", text[0]) != NULL;
}

/* RFC 4180: a field with ; " CR or LF is quoted, its quotes doubled. */
static void
append_field (GString *line, const char *text)
{
  const char *value = text != NULL ? text : "";
  g_autofree char *guarded = needs_guard (value) ? g_strconcat ("'", value, NULL) : NULL;

  if (guarded != NULL)
    value = guarded;
  if (strpbrk (value, ";\"\r\n") == NULL)
    {
      g_string_append (line, value);
      return;
    }
  g_string_append_c (line, '"');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (line, '"');
      g_string_append_c (line, *p);
    }
  g_string_append_c (line, '"');
}

static void
append_line (GString *out, const char * const *fields, guint n_fields)
{
  for (guint i = 0; i < n_fields; i++)
    {
      if (i > 0)
        g_string_append_c (out, ';');
      append_field (out, fields[i]);
    }
  g_string_append (out, "\r\n");
}

static const char *
kind_words (const char *kind)
{
  EmCaseKind value;

  if (!em_case_kind_parse (kind, &value))
    return kind;
  return value == EM_CASE_KIND_CAPACIDAD ? _("Capacidad económica") : _("Tarifa de inspección");
}

static const char *
result_words (const char *result)
{
  for (EmCapacityResult r = EM_RESULT_CUMPLE; r <= EM_RESULT_INFORMACION_INCOMPLETA; r++)
    if (g_strcmp0 (result, em_capacity_result_to_string (r)) == 0)
      return em_capacity_result_describe (r);
  return result;
}

static const char *
state_words (const char *state)
{
  EmCaseState value;

  return em_case_state_parse (state, &value) ? em_case_state_describe (value) : state;
}

/* "1234567" → "1.234.567"; "1234567.5" → "1.234.567,50"; anything else as it is. */
static char *
format_tariff (const char *tariff)
{
  EmMoney amount;

  if (tariff == NULL || !em_money_parse (tariff, &amount, NULL))
    return g_strdup (tariff);
  if (amount % 100 == 0)
    return em_scaled_to_string (amount / 100, 0, ',', TRUE);
  return em_scaled_to_string (amount, 2, ',', TRUE);
}

/* ISO 8601 (UTC) → "DD/MM/AAAA HH:MM" in local time. */
static char *
format_created (const char *created)
{
  g_autoptr(GDateTime) when = created ? g_date_time_new_from_iso8601 (created, NULL) : NULL;
  g_autoptr(GDateTime) local = when ? g_date_time_to_local (when) : NULL;

  return local ? g_date_time_format (local, "%d/%m/%Y %H:%M") : g_strdup (created);
}

static void
append_summary (GString *out, const EmCaseSummary *summary)
{
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, summary->id);
  g_autofree char *tariff = format_tariff (summary->tariff);
  g_autofree char *created = format_created (summary->created);
  const char *fields[] = {
    number, kind_words (summary->kind), summary->name, summary->document, result_words (summary->result),
    tariff, state_words (summary->state), summary->evaluator, created,
  };

  append_line (out, fields, G_N_ELEMENTS (fields));
}

static gboolean
write_string (GOutputStream *out, GString *text, GError **error)
{
  return g_output_stream_write_all (out, text->str, text->len, NULL, NULL, error);
}

static gboolean
write_header (GOutputStream *out, GError **error)
{
  g_autoptr(GString) text = g_string_new ("\xEF\xBB\xBF");
  const char *fields[G_N_ELEMENTS (headers)];

  for (guint i = 0; i < G_N_ELEMENTS (headers); i++)
    fields[i] = _(headers[i]);
  append_line (text, fields, G_N_ELEMENTS (fields));
  return write_string (out, text, error);
}

static gboolean
write_page (EmCaseStore *store, const gint64 *ids, guint n_ids, GOutputStream *out, guint *n_rows,
            GError **error)
{
  g_autoptr(GPtrArray) page = em_case_store_get_summaries (store, ids, n_ids, error);
  g_autoptr(GString) text = g_string_new (NULL);

  if (page == NULL)
    return FALSE;
  for (guint i = 0; i < page->len; i++)
    append_summary (text, page->pdata[i]);
  *n_rows += page->len;
  return write_string (out, text, error);
}

gboolean
em_case_csv_export (EmCaseStore        *store,
                    const EmCaseFilter *filter,
                    GOutputStream      *out,
                    guint              *n_rows,
                    GError            **error)
{
  const EmCaseFilter all = EM_CASE_FILTER_INIT;
  g_autoptr(GArray) ids = NULL;
  guint rows = 0;

  g_return_val_if_fail (EM_IS_CASE_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);

  if ((ids = em_case_store_query_ids (store, filter ? filter : &all, 0, error)) == NULL
      || !write_header (out, error))
    return FALSE;
  for (guint i = 0; i < ids->len; i += PAGE_ROWS)
    if (!write_page (store, &g_array_index (ids, gint64, i), MIN (PAGE_ROWS, ids->len - i), out, &rows, error))
      return FALSE;
  if (!g_output_stream_flush (out, NULL, error))
    return FALSE;
  if (n_rows != NULL)
    *n_rows = rows;
  return TRUE;
}
