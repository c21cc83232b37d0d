/* em-report-case.c — a stored case read once for its printed summary
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The summary shows what the store holds, nothing recomputed: the input and
 * the result exactly as stored (the result is the CLI's JSON for that
 * kind), the state, the history and the verification code.  The code, the
 * row and the history are read between two readings of the code: if the
 * case changed meanwhile they are read again, so the code printed is the
 * code of what is printed.  A case whose history does not verify is not
 * printed at all: a verifiable-looking paper of a tampered record would be
 * worse than none.
 */
#define G_LOG_DOMAIN "em-report"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "em-date.h"
#include "em-money.h"
#include "em-report-private.h"
#include "em-rule-set.h"
#include "em-tariff-schedule.h"

#define READ_ATTEMPTS 5

G_DEFINE_QUARK (em-report-error-quark, em_report_error)

/* ---- Paper ------------------------------------------------------------ */

static const struct { const char *id; double width, height; } papers[] = {
  [EM_PAPER_CARTA] = { "carta", 612, 792 },
  [EM_PAPER_A4] = { "a4", 595.276, 841.89 },
};

gboolean
em_paper_parse (const char *text,
                EmPaper    *out)
{
  for (guint i = 0; i < G_N_ELEMENTS (papers); i++)
    if (g_strcmp0 (text, papers[i].id) == 0)
      return *out = i, TRUE;
  return FALSE;
}

const char *
em_paper_to_string (EmPaper paper)
{
  g_return_val_if_fail (paper < G_N_ELEMENTS (papers), NULL);
  return papers[paper].id;
}

void
em_paper_get_size (EmPaper  paper,
                   double  *width,
                   double  *height)
{
  g_return_if_fail (paper < G_N_ELEMENTS (papers));
  *width = papers[paper].width;
  *height = papers[paper].height;
}

/* ---- Reading the stored JSON ------------------------------------------ */

static JsonNode *
member (JsonObject *object, const char *name)
{
  return object != NULL && json_object_has_member (object, name) ? json_object_get_member (object, name) : NULL;
}

const char *
em_report_json_string (JsonObject *object,
                       const char *name)
{
  JsonNode *node = member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

gboolean
em_report_json_bool (JsonObject *object,
                     const char *name,
                     gboolean   *value)
{
  JsonNode *node = member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return FALSE;
  *value = json_node_get_boolean (node);
  return TRUE;
}

JsonArray *
em_report_json_array (JsonObject *object,
                      const char *name)
{
  JsonNode *node = member (object, name);

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

JsonObject *
em_report_json_object (JsonObject *object,
                       const char *name)
{
  JsonNode *node = member (object, name);

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/* ---- Colombian forms -------------------------------------------------- */

/* "1234567.8" → "$ 1.234.567,80"; what is not money is shown as it is. */
char *
em_report_format_money (const char *canonical)
{
  gboolean negative = canonical != NULL && canonical[0] == '-';
  EmMoney amount;

  /* Not read as an amount of the input: a KTNO (three accounts of up to
   * $ 10^15 each) may pass $ 10^15, and was printed «2000000000000000.00». */
  if (canonical == NULL
      || !em_number_parse_scaled (canonical + negative, EM_NUMBER_PLAIN, 2, G_MAXINT64, &amount, NULL))
    return g_strdup (canonical);
  return em_money_format (negative ? -amount : amount);
}

/* "1.2400" → "1,2400" with @places decimals; places < 0: the shortest form. */
char *
em_report_format_decimal (const char *canonical,
                          int         places)
{
  EmDecimal value;
  gint64 unit = 1;

  if (canonical == NULL)
    return NULL;
  if (!em_decimal_parse (canonical, EM_NUMBER_PLAIN, G_MAXINT64 / 10, &value, NULL))
    return g_strdelimit (g_strdup (canonical), ".", ',');   /* beyond 10^12 (a liquidez of 10^17): as written */
  if (places < 0)
    return em_quantity_format (value);
  for (int i = places; i < EM_DECIMAL_PLACES; i++)
    unit *= 10;
  return em_scaled_to_string (value / unit, places, ',', TRUE);
}

char *
em_report_format_local (GDateTime *when)
{
  return g_date_time_format (when, "%d/%m/%Y %H:%M");
}

/* An ISO 8601 instant (UTC) → "DD/MM/AAAA HH:MM" in local time. */
char *
em_report_format_time (const char *iso8601)
{
  g_autoptr(GDateTime) when = iso8601 ? g_date_time_new_from_iso8601 (iso8601, NULL) : NULL;
  g_autoptr(GDateTime) local = when ? g_date_time_to_local (when) : NULL;

  return local ? em_report_format_local (local) : g_strdup (iso8601);
}

/* "2017-06-01" → "01/06/2017". */
char *
em_report_format_date (const char *iso8601)
{
  GDate date;

  if (iso8601 == NULL || !em_date_parse_iso (iso8601, &date, NULL))
    return g_strdup (iso8601);
  return em_date_format_user (&date);
}

/* ---- The case --------------------------------------------------------- */

static void
clear_event (gpointer data)
{
  EmReportEvent *event = data;

  g_free (event->at);
  g_free (event->kind);
  g_free (event->evaluator);
  g_free (event->reason);
}

static void
copy_row (EmCaseRow *to, const EmCaseRow *from)
{
  *to = *from;
  to->uuid = g_strdup (from->uuid);
  to->kind = g_strdup (from->kind);
  to->state = g_strdup (from->state);
  to->input_json = g_strdup (from->input_json);
  to->rules_id = g_strdup (from->rules_id);
  to->rules_sha256 = g_strdup (from->rules_sha256);
  to->result_json = g_strdup (from->result_json);
  to->result = g_strdup (from->result);
  to->tariff = g_strdup (from->tariff);
  to->name = g_strdup (from->name);
  to->document = g_strdup (from->document);
  to->radicado = g_strdup (from->radicado);
  to->expediente = g_strdup (from->expediente);
  to->evaluator = g_strdup (from->evaluator);
  to->created = g_strdup (from->created);
  to->updated = g_strdup (from->updated);
  to->annulment_reason = g_strdup (from->annulment_reason);
}

/* A JSON object, or NULL when @json is not one. */
static JsonObject *
parse_object (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  JsonNode *root;

  if (json != NULL && json_parser_load_from_data (parser, json, -1, NULL)
      && (root = json_parser_get_root (parser)) != NULL && JSON_NODE_HOLDS_OBJECT (root))
    return json_object_ref (json_node_get_object (root));
  return NULL;
}

static char *
event_reason (const char *detail)
{
  g_autoptr(JsonObject) object = parse_object (detail);

  return g_strdup (em_report_json_string (object, "motivo"));
}

static void
read_events (EmReportCase *self, GPtrArray *events)
{
  self->events = g_array_sized_new (FALSE, TRUE, sizeof (EmReportEvent), events->len);
  g_array_set_clear_func (self->events, clear_event);
  for (guint i = 0; i < events->len; i++)
    {
      const EmCaseEvent *event = events->pdata[i];
      EmReportEvent copy = {
        g_strdup (event->at), g_strdup (event->kind), g_strdup (event->evaluator), event_reason (event->detail),
      };
      g_array_append_val (self->events, copy);
    }
}

/* The name of the rule set or tarifario, when the one used is built in
 * (same id and same file): the stored case only names its id. */
static char *
builtin_name (EmCaseKind kind, const char *id, const char *sha256)
{
  if (id == NULL)
    return NULL;
  if (kind == EM_CASE_KIND_CAPACIDAD)
    {
      g_autoptr(EmRuleSet) rules = em_rule_set_new_builtin (id, NULL);
      if (rules != NULL && g_strcmp0 (em_rule_set_get_sha256 (rules), sha256) == 0)
        return g_strdup (em_rule_set_get_name (rules));
    }
  else
    {
      g_autoptr(EmTariffSchedule) schedule = em_tariff_schedule_new_builtin (id, NULL);
      if (schedule != NULL && g_strcmp0 (em_tariff_schedule_get_sha256 (schedule), sha256) == 0)
        return g_strdup (em_tariff_schedule_get_name (schedule));
    }
  return NULL;
}

static gboolean
read_contents (EmReportCase *self, GError **error)
{
  if (!em_case_kind_parse (self->row.kind, &self->kind) || !em_case_state_parse (self->row.state, &self->state))
    {
      g_set_error (error, EM_REPORT_ERROR, EM_REPORT_ERROR_INVALID,
                   _("El caso %ld tiene un tipo o un estado desconocido: no se puede imprimir."), (long) self->id);
      return FALSE;
    }
  self->input = parse_object (self->row.input_json);
  self->result = parse_object (self->row.result_json);
  if (self->input == NULL || self->result == NULL)
    {
      g_set_error (error, EM_REPORT_ERROR, EM_REPORT_ERROR_INVALID,
                   _("La entrada o el resultado guardados del caso %ld no se pueden leer: no se puede imprimir."),
                   (long) self->id);
      return FALSE;
    }
  return TRUE;
}

EmReportCase *
em_report_case_new (gint64           id,
                    const EmCaseRow *row,
                    GPtrArray       *events,
                    const char      *code,
                    GError         **error)
{
  g_autoptr(EmReportCase) self = g_new0 (EmReportCase, 1);

  g_return_val_if_fail (row != NULL && events != NULL && code != NULL, NULL);

  self->id = id;
  copy_row (&self->row, row);
  self->code = g_strdup (code);
  self->printed_at = g_date_time_new_now_local ();
  read_events (self, events);
  if (!read_contents (self, error))
    return NULL;
  self->rules_name = builtin_name (self->kind, row->rules_id, row->rules_sha256);
  return g_steal_pointer (&self);
}

/* The row and the history as of one code: read again if the case changed
 * while they were being read. */
static EmReportCase *
read_consistent (EmCaseStore *store, gint64 id, GError **error)
{
  for (guint attempt = 0; attempt < READ_ATTEMPTS; attempt++)
    {
      g_auto(EmCaseRow) row = { 0 };
      g_autoptr(GPtrArray) events = NULL;
      g_autofree char *code = em_case_store_get_code (store, id, error);
      g_autofree char *code_after = NULL;

      if (code == NULL || !em_case_store_get_row (store, id, &row, error)
          || (events = em_case_store_get_events (store, id, error)) == NULL
          || (code_after = em_case_store_get_code (store, id, error)) == NULL)
        return NULL;
      if (g_str_equal (code, code_after))
        return em_report_case_new (id, &row, events, code, error);
    }
  g_set_error (error, EM_STORE_ERROR, EM_STORE_ERROR_BUSY,
               _("El caso %ld cambia mientras se lee; intente de nuevo."), (long) id);
  return NULL;
}

EmReportCase *
em_report_case_new_from_store (EmCaseStore *store,
                               gint64       id,
                               GError     **error)
{
  g_autoptr(EmReportCase) self = NULL;
  g_autoptr(GError) integrity = NULL;

  g_return_val_if_fail (EM_IS_CASE_STORE (store), NULL);

  if ((self = read_consistent (store, id, error)) == NULL)
    return NULL;
  if (!em_case_store_verify_case (store, id, &integrity))
    {
      g_set_error (error, integrity->domain, integrity->code,
                   _("No se imprime el caso %ld: su historial no se verifica (%s)"), (long) id, integrity->message);
      return NULL;
    }
  return g_steal_pointer (&self);
}

void
em_report_case_free (EmReportCase *self)
{
  if (self == NULL)
    return;
  em_case_row_clear (&self->row);
  g_clear_pointer (&self->input, json_object_unref);
  g_clear_pointer (&self->result, json_object_unref);
  g_clear_pointer (&self->events, g_array_unref);
  g_clear_pointer (&self->printed_at, g_date_time_unref);
  g_free (self->code);
  g_free (self->rules_name);
  g_free (self);
}

gint64
em_report_case_get_id (const EmReportCase *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->id;
}

const char *
em_report_case_get_code (const EmReportCase *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->code;
}

/* "Caso 12 — Capacidad económica — Minerales Ñandú S.A.S.": the PDF's
 * title, and the print job's name. */
char *
em_report_case_get_title (const EmReportCase *self)
{
  const char *what;

  g_return_val_if_fail (self != NULL, NULL);
  what = self->kind == EM_CASE_KIND_CAPACIDAD ? _("Capacidad económica") : _("Tarifa de inspección");
  if (self->row.name == NULL || self->row.name[0] == '\0')
    return g_strdup_printf (_("Caso %ld — %s"), (long) self->id, what);
  return g_strdup_printf (_("Caso %ld — %s — %s"), (long) self->id, what, self->row.name);
}

/* When the summary says it was printed (now, unless a test fixes it). */
void
em_report_case_set_printed_at (EmReportCase *self,
                               GDateTime    *when)
{
  g_return_if_fail (self != NULL && when != NULL);
  g_date_time_unref (self->printed_at);
  self->printed_at = g_date_time_ref (when);
}
