/* em-cli-capacidad.c — `evaluador-minero-cli capacidad`
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "em-cli"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "em-capacity-engine.h"
#include "em-capacity-json.h"
#include "em-cli.h"
#include "em-cli-batch.h"

static void
print_help (void)
{
  g_print (_("Uso: evaluador-minero-cli capacidad [--reglas ARCHIVO] [--lineas] [ENTRADA]\n"
             "\n"
             "Evalúa la capacidad económica de un comercializador o planta de beneficio\n"
             "que solicita inscripción o renovación en el RUCOM.\n"
             "\n"
             "ENTRADA es un archivo con un objeto JSON; sin ENTRADA, o con «-», se lee\n"
             "la entrada estándar.  El resultado se escribe en JSON en la salida estándar.\n"
             "\n"
             "Opciones:\n"
             "  --reglas ARCHIVO  Usa este conjunto de reglas en lugar del incorporado\n"
             "                    (Resolución ANM 208 de 2017)\n"
             "  --lineas          La entrada es JSON Lines: un objeto por línea y un\n"
             "                    resultado por línea, en el mismo orden\n"
             "  --ayuda, -h       Muestra esta ayuda\n"
             "\n"
             "Campos: regimen («simplificado» o «comun», obligatorio), tramite,\n"
             "fecha_radicacion (AAAA-MM-DD), radicado, nombre, tipo_documento,\n"
             "numero_documento, tipo_persona, rol.\n"
             "  Régimen simplificado: ingresos_ultimo_ano, saldo_promedio,\n"
             "  cuentas_por_cobrar, inventario, cuentas_por_pagar (las tres o ninguna),\n"
             "  monto_comercializacion_esperado.\n"
             "  Régimen común: activo_corriente, pasivo_corriente, activo_total,\n"
             "  pasivo_total, ingresos_operacionales, aval_financiero (true o false).\n"
             "Los valores en pesos van como texto «1234567.89» o como número JSON.\n"
             "\n"
             "Resultados: cumple, no_cumple, requiere_aval, informacion_incompleta.\n"
             "\n"
             "Códigos de salida: 0 si todo se evaluó; 1 si alguna línea tuvo error\n"
             "(con --lineas); 2 si la entrada o las reglas no son válidas.\n"));
}

static JsonNode *
evaluate_object (const EmFlatObject *object,
                 gpointer            data,
                 GError            **error)
{
  EmRuleSet *rules = data;
  g_autoptr(EmCapacityCase) input = em_capacity_case_new_from_json (object, NULL, error);
  g_autoptr(EmCapacityVerdict) verdict = NULL;

  if (input == NULL || (verdict = em_capacity_evaluate (input, rules, error)) == NULL)
    return NULL;
  return em_capacity_verdict_to_json (verdict);
}

static EmRuleSet *
load_rules (const char *path, GError **error)
{
  g_autoptr(GFile) file = NULL;

  if (path == NULL)
    return em_rule_set_new_builtin (EM_RULE_SET_DEFAULT_ID, error);
  file = g_file_new_for_commandline_arg (path);
  return em_rule_set_new_from_file (file, error);
}

int
em_cli_capacidad_run (int    argc,
                      char **argv)
{
  EmBatchOptions options = { .file_option = "--reglas" };
  g_autoptr(EmRuleSet) rules = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (!em_cli_batch_parse_options (argc, argv, "capacidad", &options, &status))
    return status;
  if (options.help)
    return print_help (), EM_EXIT_OK;
  if ((rules = load_rules (options.file, &error)) == NULL)
    return em_cli_print_error (error), EM_EXIT_INPUT_ERROR;
  return em_cli_batch_run (options.input, options.lines, evaluate_object, rules);
}
