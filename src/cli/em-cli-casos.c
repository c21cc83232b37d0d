/* em-cli-casos.c — `evaluador-minero-cli casos`: the case store from the shell
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * importar (JSON Lines, one transaction: all lines or none; --parcial keeps
 * the valid ones), listar, mostrar, tramitar (the procedure), verificar
 * [--codigo].  exportar, importar-paquete and exportar-csv are in
 * em-cli-casos-paquete.c.
 */
#define G_LOG_DOMAIN "em-cli"

#include "config.h"

#include <gio/gunixinputstream.h>
#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "em-cli.h"
#include "em-cli-batch.h"
#include "em-cli-casos.h"
#include "em-cli-lines.h"
#include "em-cli-options.h"
#include "em-input-error.h"

static void
print_help (void)
{
  g_print (_("Uso: evaluador-minero-cli casos [OPCIONES] ORDEN [ARGUMENTOS]\n"
             "\n"
             "Los casos evaluados: guardarlos, buscarlos, moverlos entre equipos y\n"
             "comprobar que nadie los alteró.\n"
             "\n"
             "Opciones (antes o después de la orden):\n"
             "  --db ARCHIVO         Base de datos de casos (por omisión, la misma de la\n"
             "                       aplicación: ~/.local/share/evaluador-minero/casos.sqlite)\n"
             "  --evaluador NOMBRE   Quien registra (por omisión, el nombre del usuario)\n"
             "  --reglas ARCHIVO     Conjunto de reglas de capacidad para evaluar\n"
             "  --tarifario ARCHIVO  Tarifario para evaluar las tarifas\n"
             "\n"
             "Órdenes:\n"
             "  importar [--parcial] ENTRADA\n"
             "      Evalúa y guarda cada línea JSON (con \"tipo\": \"capacidad\" o \"tarifa\" y,\n"
             "      si se quiere, \"evaluador\"). Todo en una transacción: si una línea\n"
             "      falla no se guarda ninguna; con --parcial se guardan las válidas.\n"
             "  listar [--buscar TEXTO] [--tipo T] [--resultado R] [--estado E]\n"
             "         [--desde AAAA-MM-DD] [--hasta AAAA-MM-DD] [--limite N]\n"
             "      Resúmenes en JSON Lines, del más reciente al más antiguo. --buscar\n"
             "      busca en nombre, documento, radicado y expediente.\n"
             "  mostrar ID\n"
             "      El caso completo en JSON, con su historial y su código de verificación.\n"
             "  tramitar ID ACCION [--motivo TEXTO] [ENTRADA]\n"
             "      Siguiente paso del trámite: emitir_requerimiento, registrar_subsanacion\n"
             "      (ENTRADA: los datos corregidos en JSON), registrar_aval, rechazar,\n"
             "      anular (con --motivo).\n"
             "  exportar SALIDA [filtros de listar]\n"
             "      Paquete JSON con los casos y su historial, para llevarlos a otro equipo.\n"
             "  importar-paquete ENTRADA\n"
             "      Trae un paquete; se verifica antes y no guarda nada dos veces.\n"
             "  exportar-csv SALIDA [filtros de listar]\n"
             "      La lista de casos para hojas de cálculo (UTF-8, separador «;»).\n"
             "  verificar [--codigo CODIGO]\n"
             "      Recalcula el historial; con --codigo, dice a qué caso pertenece el\n"
             "      código de un resumen impreso y si el registro sigue coincidiendo.\n"
             "\n"
             "Códigos de salida: 0 bien; 1 alguna línea falló; 2 error de uso o de\n"
             "datos; 3 el historial o el código no se verifican.\n"));
}




static void
print_json_line (JsonNode *node, gboolean pretty)
{
  g_autofree char *text = em_cli_to_json_string (node, pretty);

  g_print ("%s\n", text);
}

EmEvaluator *
em_cli_casos_evaluator (EmCasosContext *context,
                        GError        **error)
{
  g_autoptr(GFile) rules_file = context->rules_path ? g_file_new_for_commandline_arg (context->rules_path) : NULL;
  g_autoptr(GFile) schedule_file = context->schedule_path ? g_file_new_for_commandline_arg (context->schedule_path) : NULL;
  g_autoptr(EmRuleSet) rules = rules_file ? em_rule_set_new_from_file (rules_file, error)
                                          : em_rule_set_new_builtin (EM_RULE_SET_DEFAULT_ID, error);
  g_autoptr(EmTariffTable) table = rules ? em_tariff_table_new_builtin (error) : NULL;
  g_autoptr(EmTariffSchedule) schedule = NULL;

  if (table == NULL)
    return NULL;
  schedule = schedule_file ? em_tariff_schedule_new_from_file (schedule_file, error)
                           : em_tariff_schedule_new_builtin (EM_TARIFF_SCHEDULE_DEFAULT_ID, error);
  return schedule ? em_evaluator_new (rules, table, schedule) : NULL;
}

/* ---- importar --------------------------------------------------------- */

typedef struct
{
  EmCasosContext *context;
  EmEvaluator    *evaluator;
  gboolean        partial;
  guint           stored;
  JsonBuilder    *errors;
  guint           n_errors;
} Import;

/* Enough for the indexes of a million cases (bench/RESULTS.md). */
#define IMPORT_CACHE_MIB 512

/* The search index is filled every so many cases while the reader thread
 * evaluates, not all at the commit (after the last line, when it would run
 * alone); the commit indexes the rest. */
#define IMPORT_INDEX_EVERY 16384

/* A line evaluated and hashed (in the reader's thread) is stored here, in
 * the import's transaction: when this fails, the whole import is rolled
 * back (finish_import). */
static gboolean
store_line (Import *import, const EmEvaluatedLine *line, GError **error)
{
  if (import->n_errors > 0 && !import->partial)
    return TRUE;      /* everything will be rolled back: only keep checking */
  if (em_case_store_add_in_transaction (import->context->store, line->new_case, error) == 0)
    return FALSE;
  import->stored++;
  if (import->stored % IMPORT_INDEX_EVERY == 0)
    return em_case_store_index_new_cases (import->context->store, error);
  return TRUE;
}

static void
add_error (Import *import, guint64 line, const GError *error)
{
  const char *field = em_input_error_get_field (error);

  import->n_errors++;
  json_builder_begin_object (import->errors);
  json_builder_set_member_name (import->errors, "linea");
  json_builder_add_int_value (import->errors, line);
  json_builder_set_member_name (import->errors, "campo");
  if (field != NULL)
    json_builder_add_string_value (import->errors, field);
  else
    json_builder_add_null_value (import->errors);
  json_builder_set_member_name (import->errors, "mensaje");
  json_builder_add_string_value (import->errors, error->message);
  json_builder_end_object (import->errors);
}

/* FALSE only when the store itself failed (disk, lock), or the input could
 * not be read: nothing is kept. */
static gboolean
import_stream (Import *import, GInputStream *stream, GError **error)
{
  g_autoptr(EmLineReader) reader = em_line_reader_start (stream, import->evaluator,
                                                            import->context->evaluator);
  EmEvaluatedLine *next;

  while ((next = em_line_reader_next (reader)) != NULL)
    {
      g_autoptr(EmEvaluatedLine) line = next;
      g_autoptr(GError) store_error = NULL;

      if (line->error != NULL)
        add_error (import, line->number, line->error);
      else if (!store_line (import, line, &store_error))
        {
          em_line_reader_finish (reader, NULL);
          g_propagate_error (error, g_steal_pointer (&store_error));
          return FALSE;
        }
    }
  return em_line_reader_finish (reader, error);
}

static void
print_import_result (Import *import)
{
  g_autoptr(JsonBuilder) out = json_builder_new_immutable ();
  g_autoptr(JsonNode) errors = NULL;
  g_autoptr(JsonNode) root = NULL;

  json_builder_end_array (import->errors);
  errors = json_builder_get_root (import->errors);
  json_builder_begin_object (out);
  json_builder_set_member_name (out, "importados");
  json_builder_add_int_value (out, import->stored);
  json_builder_set_member_name (out, "errores");
  json_builder_add_value (out, g_steal_pointer (&errors));
  json_builder_end_object (out);
  root = json_builder_get_root (out);
  print_json_line (root, FALSE);
}

/* Whether the store's message already says «no se guardó nada» (a full
 * disk, a read-only file), so that it is not said twice. */
gboolean
em_cli_casos_says_nothing_stored (const GError *error)
{
  return g_error_matches (error, EM_STORE_ERROR, EM_STORE_ERROR_FULL)
         || g_error_matches (error, EM_STORE_ERROR, EM_STORE_ERROR_READ_ONLY);
}

static void
print_nothing_stored (const GError *error)
{
  if (em_cli_casos_says_nothing_stored (error))
    em_cli_print_error (error);
  else
    g_printerr (_("error: no se guardó nada: %s\n"), error->message);
}

static int
finish_import (Import *import, gboolean ok, const GError *error)
{
  EmCaseStore *store = import->context->store;
  g_autoptr(GError) commit_error = NULL;    /* (it leaked when written into @error) */

  if (!ok || (import->n_errors > 0 && !import->partial))
    {
      em_case_store_rollback (store);
      import->stored = 0;
    }
  else if (!em_case_store_commit (store, &commit_error))
    {
      em_case_store_rollback (store);     /* a full disk can fail the commit itself */
      ok = FALSE;
      error = commit_error;
    }
  if (!ok)
    return print_nothing_stored (error), EM_EXIT_INPUT_ERROR;
  print_import_result (import);
  return import->n_errors > 0 ? EM_EXIT_SOME_FAILED : EM_EXIT_OK;
}

static int
run_importar (EmCasosContext *context)
{
  g_autoptr(GPtrArray) positional = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(EmEvaluator) evaluator = NULL;
  g_autoptr(JsonBuilder) errors = json_builder_new_immutable ();
  Import import = { context, NULL, FALSE, 0, errors, 0 };
  const EmCliOption options[] = { { "--parcial", NULL, &import.partial }, { NULL } };
  int status;
  gboolean ok;

  if (!em_cli_parse_options (context->argc, context->argv, options, positional, &status)
      || !em_cli_expect_positional (positional, 1, _("la ENTRADA (un archivo JSON Lines, o «-»)"), &status))
    return status;
  if ((evaluator = em_cli_casos_evaluator (context, &error)) == NULL)
    return em_cli_print_error (error), EM_EXIT_INPUT_ERROR;
  if ((stream = em_cli_open_input (positional->pdata[0], &error)) == NULL)
    {
      g_printerr (_("error: no se pudo abrir la entrada «%s»: %s\n"), (char *) positional->pdata[0], error->message);
      return EM_EXIT_INPUT_ERROR;
    }
  import.evaluator = evaluator;
  json_builder_begin_array (errors);
  if (!em_case_store_set_cache_size (context->store, IMPORT_CACHE_MIB, &error)
      || !em_case_store_set_temp_in_memory (context->store, &error)
      || !em_case_store_begin (context->store, &error))
    return em_cli_print_error (error), EM_EXIT_INPUT_ERROR;
  ok = import_stream (&import, stream, &error);
  return finish_import (&import, ok, error);
}

/* ---- listar ----------------------------------------------------------- */

static JsonNode *
summary_to_json (const EmCaseSummary *summary)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  gboolean capacity = g_strcmp0 (summary->kind, "capacidad") == 0;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, summary->id);
  json_builder_set_member_name (builder, "tipo");
  json_builder_add_string_value (builder, summary->kind);
  json_builder_set_member_name (builder, "nombre");
  json_builder_add_string_value (builder, summary->name);
  json_builder_set_member_name (builder, "documento");
  json_builder_add_string_value (builder, summary->document);
  json_builder_set_member_name (builder, capacity ? "resultado" : "tarifa");
  json_builder_add_string_value (builder, capacity ? summary->result : summary->tariff);
  json_builder_set_member_name (builder, "estado");
  json_builder_add_string_value (builder, summary->state);
  json_builder_set_member_name (builder, "creado");
  json_builder_add_string_value (builder, summary->created);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static gboolean
parse_limit (const char *text, guint *limit, int *status)
{
  guint64 value = 0;

  if (text == NULL)
    return *limit = 0, TRUE;
  if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXUINT, &value, NULL))
    return *status = em_cli_usage_error ("casos", _("--limite: «%s» no es un número entero positivo"), text), FALSE;
  *limit = value;
  return TRUE;
}

static int
run_listar (EmCasosContext *context)
{
  g_autoptr(GPtrArray) positional = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  EmCliFilter list = { EM_CASE_FILTER_INIT };
  guint limit;
  int status;

  if (!em_cli_read_filter (context->argc, context->argv, TRUE, &list, positional, &status) || !em_cli_expect_positional (positional, 0, "", &status)
      || !parse_limit (list.limit, &limit, &status))
    return status;
  if ((ids = em_case_store_query_ids (context->store, &list.filter, limit, &error)) == NULL)
    return em_cli_print_error (error), EM_EXIT_INPUT_ERROR;
  for (guint i = 0; i < ids->len; i += 500)
    {
      g_autoptr(GPtrArray) page = em_case_store_get_summaries (context->store, &g_array_index (ids, gint64, i),
                                                               MIN (500, ids->len - i), &error);
      if (page == NULL)
        return em_cli_print_error (error), EM_EXIT_INPUT_ERROR;
      for (guint j = 0; j < page->len; j++)
        {
          g_autoptr(JsonNode) node = summary_to_json (page->pdata[j]);
          print_json_line (node, FALSE);
        }
    }
  return EM_EXIT_OK;
}

/* ---- mostrar ---------------------------------------------------------- */

static gboolean
parse_id (const char *text, gint64 *id, int *status)
{
  if (g_ascii_string_to_signed (text, 10, 1, G_MAXINT64, id, NULL))
    return TRUE;
  *status = em_cli_usage_error ("casos", _("«%s» no es un número de caso"), text);
  return FALSE;
}

static void
add_parsed (JsonBuilder *builder, const char *key, const char *json)
{
  g_autoptr(JsonNode) node = json ? json_from_string (json, NULL) : NULL;

  json_builder_set_member_name (builder, key);
  if (node != NULL)
    json_builder_add_value (builder, g_steal_pointer (&node));
  else
    json_builder_add_null_value (builder);
}

static void
add_text (JsonBuilder *builder, const char *key, const char *value)
{
  json_builder_set_member_name (builder, key);
  if (value != NULL && value[0] != '\0')
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_history (JsonBuilder *builder, GPtrArray *events)
{
  json_builder_set_member_name (builder, "historial");
  json_builder_begin_array (builder);
  for (guint i = 0; i < events->len; i++)
    {
      const EmCaseEvent *event = events->pdata[i];

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "n");
      json_builder_add_int_value (builder, event->n);
      add_text (builder, "evento", event->kind);
      add_text (builder, "fecha", event->at);
      add_text (builder, "evaluador", event->evaluator);
      add_parsed (builder, "detalle", event->detail);
      add_text (builder, "hash", event->hash);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static JsonNode *
case_to_json (gint64 id, const EmCaseRow *row, GPtrArray *events, const char *code, const GError *integrity)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, id);
  add_text (builder, "uuid", row->uuid);
  add_text (builder, "tipo", row->kind);
  add_text (builder, "estado", row->state);
  add_parsed (builder, "entrada", row->input_json);
  add_parsed (builder, "resultado", row->result_json);
  add_text (builder, "reglas", row->rules_id);
  add_text (builder, "reglas_sha256", row->rules_sha256);
  add_text (builder, "evaluador", row->evaluator);
  add_text (builder, "creado", row->created);
  add_text (builder, "actualizado", row->updated);
  json_builder_set_member_name (builder, "requerimiento_emitido");
  json_builder_add_boolean_value (builder, row->requerimiento);
  add_text (builder, "motivo_anulacion", row->annulment_reason);
  add_history (builder, events);
  add_text (builder, "codigo_verificacion", code);
  add_text (builder, "integridad", integrity ? integrity->message : _("verificada"));
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static int
run_mostrar (EmCasosContext *context)
{
  g_autoptr(GPtrArray) positional = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) integrity = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *code = NULL;
  g_auto(EmCaseRow) row = { 0 };
  gint64 id;
  int status;

  if (!em_cli_parse_options (context->argc, context->argv, NULL, positional, &status)
      || !em_cli_expect_positional (positional, 1, _("el número del caso"), &status)
      || !parse_id (positional->pdata[0], &id, &status))
    return status;
  if (!em_case_store_get_row (context->store, id, &row, &error)
      || (events = em_case_store_get_events (context->store, id, &error)) == NULL
      || (code = em_case_store_get_code (context->store, id, &error)) == NULL)
    return em_cli_print_error (error), EM_EXIT_INPUT_ERROR;
  em_case_store_verify_case (context->store, id, &integrity);
  node = case_to_json (id, &row, events, code, integrity);
  print_json_line (node, TRUE);
  return integrity == NULL ? EM_EXIT_OK : EM_EXIT_NOT_VERIFIED;
}

/* ---- tramitar --------------------------------------------------------- */

static char *
read_whole (const char *path, GError **error)
{
  g_autoptr(GInputStream) stream = em_cli_open_input (path, error);
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();

  if (stream == NULL || g_output_stream_splice (memory, stream, G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET,
                                                NULL, error) < 0)
    return NULL;
  g_output_stream_write (memory, "", 1, NULL, NULL);
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (memory));
}

/* The new evaluation a subsanación or an aval brings; NULL (no error) when
 * the action needs none. */
static EmEvaluation *
reevaluate (EmCasosContext *context, gint64 id, EmCaseAction action, const char *input_path, GError **error)
{
  g_autoptr(EmEvaluator) evaluator = NULL;
  g_auto(EmCaseRow) row = { 0 };
  g_autofree char *text = NULL;

  if (action != EM_CASE_ACTION_REGISTRAR_SUBSANACION && action != EM_CASE_ACTION_REGISTRAR_AVAL)
    return NULL;
  if ((evaluator = em_cli_casos_evaluator (context, error)) == NULL
      || !em_case_store_get_row (context->store, id, &row, error))
    return NULL;
  if (action == EM_CASE_ACTION_REGISTRAR_AVAL)
    return em_evaluator_evaluate_text (evaluator, EM_CASE_KIND_CAPACIDAD, row.input_json, TRUE, error);
  if ((text = read_whole (input_path ? input_path : "-", error)) == NULL)
    return NULL;
  return em_evaluator_evaluate_text (evaluator, EM_CASE_KIND_CAPACIDAD, text, FALSE, error);
}

static int
run_tramitar (EmCasosContext *context)
{
  g_autoptr(GPtrArray) positional = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(EmEvaluation) evaluation = NULL;
  const char *reason = NULL;
  const EmCliOption options[] = { { "--motivo", &reason }, { NULL } };
  EmCaseAction action;
  gint64 id;
  int status;

  if (!em_cli_parse_options (context->argc, context->argv, options, positional, &status))
    return status;
  if (positional->len < 2 || positional->len > 3)
    return em_cli_usage_error ("casos", _("use: tramitar ID ACCION [--motivo TEXTO] [ENTRADA]"));
  if (!parse_id (positional->pdata[0], &id, &status))
    return status;
  if (!em_case_action_parse (positional->pdata[1], &action))
    return em_cli_usage_error ("casos", _("«%s» no es una acción del trámite"), (char *) positional->pdata[1]);
  evaluation = reevaluate (context, id, action, positional->len > 2 ? positional->pdata[2] : NULL, &error);
  if (error != NULL)
    return em_cli_print_error (error), EM_EXIT_INPUT_ERROR;
  if (!em_case_store_apply (context->store, id, action, reason,
                            evaluation ? em_evaluation_get_record (evaluation) : NULL, context->evaluator, &error))
    return em_cli_print_error (error), EM_EXIT_INPUT_ERROR;
  context->argc = 1;
  context->argv = (char **) positional->pdata;
  return run_mostrar (context);
}

/* ---- verificar -------------------------------------------------------- */

static int
verify_code (EmCasosContext *context, const char *code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) integrity = NULL;
  g_auto(EmCaseRow) row = { 0 };
  gboolean latest = FALSE;
  gint64 id = 0;

  if (!em_case_store_find_code (context->store, code, &id, &latest, &error)
      || !em_case_store_get_row (context->store, id, &row, &error))
    return g_print ("%s\n", error->message), EM_EXIT_NOT_VERIFIED;
  g_print (_("El código %s corresponde al caso %ld (%s, «%s», %s, estado: %s).\n"), code, (long) id,
           row.kind, row.name, row.kind[0] == 'c' ? row.result : row.tariff, row.state);
  if (!em_case_store_verify_case (context->store, id, &integrity))
    return g_print (_("Pero el registro NO se verifica: %s\n"), integrity->message), EM_EXIT_NOT_VERIFIED;
  if (!latest)
    return g_print (_("El resumen impreso corresponde a una versión anterior: el caso cambió después "
                      "(vea «casos mostrar %ld»).\n"), (long) id), EM_EXIT_NOT_VERIFIED;
  g_print (_("El registro coincide con el resumen impreso.\n"));
  return EM_EXIT_OK;
}

static int
run_verificar (EmCasosContext *context)
{
  g_autoptr(GPtrArray) positional = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *code = NULL;
  const EmCliOption options[] = { { "--codigo", &code }, { NULL } };
  gint64 count;
  int status;

  if (!em_cli_parse_options (context->argc, context->argv, options, positional, &status)
      || !em_cli_expect_positional (positional, 0, "", &status))
    return status;
  if (code != NULL)
    return verify_code (context, code);
  count = em_case_store_verify (context->store, &error);
  if (count < 0 && g_error_matches (error, EM_STORE_ERROR, EM_STORE_ERROR_TAMPERED))
    return g_print (_("integridad NO verificada: %s\n"), error->message), EM_EXIT_NOT_VERIFIED;
  if (count < 0)
    return em_cli_print_error (error), EM_EXIT_INPUT_ERROR;
  g_print (_("integridad verificada: %ld eventos\n"), (long) count);
  return EM_EXIT_OK;
}

/* ---- Dispatch --------------------------------------------------------- */

typedef struct
{
  const char *name;
  int       (*run) (EmCasosContext *context);
} Subcommand;

static const Subcommand subcommands[] = {
  { "importar", run_importar },
  { "listar", run_listar },
  { "mostrar", run_mostrar },
  { "tramitar", run_tramitar },
  { "verificar", run_verificar },
  { "exportar", em_cli_casos_exportar },
  { "importar-paquete", em_cli_casos_importar_paquete },
  { "exportar-csv", em_cli_casos_exportar_csv },
};

typedef struct
{
  const char *db;
  const char *evaluator;
  const char *rules;
  const char *schedule;
} GlobalOptions;

/* Takes the global options out of @argv wherever they are. */
static gboolean
split_global (int argc, char **argv, GlobalOptions *global, GPtrArray *rest, int *status)
{
  const char **slots[] = { &global->db, &global->evaluator, &global->rules, &global->schedule };
  const char *names[] = { "--db", "--evaluador", "--reglas", "--tarifario" };

  for (int i = 0; i < argc; i++)
    {
      guint k;

      for (k = 0; k < G_N_ELEMENTS (names) && !g_str_equal (argv[i], names[k]); k++)
        ;
      if (k == G_N_ELEMENTS (names))
        g_ptr_array_add (rest, argv[i]);
      else if (i + 1 >= argc)
        return *status = em_cli_usage_error ("casos", _("falta el valor después de %s"), names[k]), FALSE;
      else
        *slots[k] = argv[++i];
    }
  return TRUE;
}

static const char *
default_evaluator (void)
{
  const char *name = g_getenv ("EVALUADOR_MINERO_EVALUADOR");

  if (name != NULL && name[0] != '\0')
    return name;
  name = g_get_real_name ();
  return name != NULL && name[0] != '\0' && !g_str_equal (name, "Unknown") ? name : g_get_user_name ();
}

static const Subcommand *
find_subcommand (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (subcommands); i++)
    if (g_str_equal (name, subcommands[i].name))
      return &subcommands[i];
  return NULL;
}

int
em_cli_casos_run (int    argc,
                  char **argv)
{
  g_autoptr(GPtrArray) rest = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(EmCaseStore) store = NULL;
  g_autofree char *default_db = NULL;
  GlobalOptions global = { 0 };
  const Subcommand *subcommand;
  EmCasosContext context;
  int status;

  if (!split_global (argc, argv, &global, rest, &status))
    return status;
  if (rest->len == 0 || g_strv_contains ((const char * const[]) { "--ayuda", "--help", "-h", NULL }, rest->pdata[0]))
    return print_help (), rest->len == 0 ? EM_EXIT_INPUT_ERROR : EM_EXIT_OK;
  if ((subcommand = find_subcommand (rest->pdata[0])) == NULL)
    return em_cli_usage_error ("casos", _("orden desconocida «%s»"), (char *) rest->pdata[0]);
  for (guint i = 1; i < rest->len; i++)
    if (g_str_equal (rest->pdata[i], "--ayuda") || g_str_equal (rest->pdata[i], "--help"))
      return print_help (), EM_EXIT_OK;
  default_db = em_case_store_default_path ();
  if ((store = em_case_store_open (global.db ? global.db : default_db, &error)) == NULL)
    return em_cli_print_error (error), EM_EXIT_INPUT_ERROR;
  context = (EmCasosContext) { store, global.evaluator ? global.evaluator : default_evaluator (),
                               global.rules, global.schedule, rest->len - 1, (char **) rest->pdata + 1 };
  return subcommand->run (&context);
}
