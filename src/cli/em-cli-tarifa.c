/* em-cli-tarifa.c — `evaluador-minero-cli tarifa`
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "em-cli"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "em-cli.h"
#include "em-cli-batch.h"
#include "em-tariff-engine.h"
#include "em-tariff-json.h"

typedef struct
{
  EmTariffTable    *table;
  EmTariffSchedule *schedule;
} Tariff;

static void
print_help (void)
{
  g_print (_("Uso: evaluador-minero-cli tarifa [--tarifario ARCHIVO] [--lineas] [ENTRADA]\n"
             "\n"
             "Clasifica un título minero (Decreto 1666 de 2016), decide si una inspección\n"
             "de fiscalización es objeto de cobro (anexo técnico, Tabla 3) y calcula la\n"
             "tarifa: TPM + C + ER + D, cada componente valor_dia × rubro × factor.\n"
             "\n"
             "ENTRADA es un archivo con un objeto JSON; sin ENTRADA, o con «-», se lee\n"
             "la entrada estándar.  El resultado se escribe en JSON en la salida estándar.\n"
             "\n"
             "Opciones:\n"
             "  --tarifario ARCHIVO  Usa este tarifario en lugar del incorporado\n"
             "                       («anexo-tecnico-ilustrativo», que NO es oficial)\n"
             "  --lineas             La entrada es JSON Lines: un objeto por línea y un\n"
             "                       resultado por línea, en el mismo orden\n"
             "  --ayuda, -h          Muestra esta ayuda\n"
             "\n"
             "Campos según la etapa:\n"
             "  etapa                «exploracion», «construccion_montaje» o «explotacion»;\n"
             "                       obligatorio.\n"
             "  area_hectareas       Obligatorio en exploración y en construcción y montaje\n"
             "                       (la clase va por hectáreas; más de 10.000 ha no tiene\n"
             "                       clase).  En explotación es un error.\n"
             "  grupo_mineral        Obligatorio en explotación: carbon,\n"
             "                       materiales_construccion, metalicos, no_metalicos,\n"
             "                       metales_preciosos, piedras_preciosas.  En las otras\n"
             "                       etapas es un error.\n"
             "  sistema              «subterraneo», «cielo_abierto» o «arrastre» (se\n"
             "                       clasifica como cielo abierto).  Obligatorio en\n"
             "                       explotación; en las otras etapas solo si el título\n"
             "                       está autorizado para explotar, y obligatorio si además\n"
             "                       su nivel de cumplimiento es bajo.\n"
             "  produccion_anual     Obligatorio en explotación, en la unidad de la tabla\n"
             "                       (t/año; m³/año en materiales de construcción y en\n"
             "                       metales preciosos a cielo abierto).  En las otras\n"
             "                       etapas es un error.\n"
             "Un dato de clasificación que no corresponde a la etapa es un error: no se\n"
             "ignora, para que nadie crea que se tuvo en cuenta.\n"
             "\n"
             "Campos del cobro:\n"
             "  pin                  true o false (Proyecto de Interés Nacional); por\n"
             "                       omisión false.\n"
             "  medida_seguridad     «ninguna» (por omisión), «suspension» o «cierre».\n"
             "  levantamiento_medida true si la inspección verifica el levantamiento de\n"
             "                       la medida; true sin medida es un error.\n"
             "  autorizado_explotar  Por omisión true en explotación y false en las demás.\n"
             "  nivel_cumplimiento   «bajo», «medio» o «alto»; obligatorio cuando decide el\n"
             "                       cobro: título autorizado para explotar cuya inspección\n"
             "                       no verifica el levantamiento de una medida.\n"
             "  numero_inspeccion    Entero de 1 a 1000: el orden de esta inspección en la\n"
             "                       programación; por omisión 1.\n"
             "  expediente, titular  Textos de identificación.\n"
             "Los números van como texto «1234.5» o como número JSON, con hasta 6\n"
             "decimales.  null equivale a no dar el campo; un campo desconocido es un error.\n"
             "\n"
             "Resultado: clasificacion (pequena, mediana, gran) con la fila y los límites\n"
             "que la decidieron; objeto_cobro, criterio_cobro (1, 2, 3 o null) y la\n"
             "explicación; componentes (pesos con 2 decimales); valor_inspeccion (la suma\n"
             "exacta redondeada al peso); tarifa (\"0\" si no se cobra); el cálculo de cada\n"
             "componente; y los días promedio de la Tabla 4 que corresponden al título\n"
             "(informativos: cada fila es un promedio de su segmento y no se suman).\n"
             "Con un tarifario no oficial, \"oficial\" es false y lo dice una observación.\n"
             "\n"
             "Códigos de salida: 0 si todo se evaluó; 1 si alguna línea tuvo error\n"
             "(con --lineas); 2 si la entrada o el tarifario no son válidos.\n"));
}

static JsonNode *
evaluate_object (const EmFlatObject *object,
                 gpointer            data,
                 GError            **error)
{
  Tariff *tariff = data;
  g_autoptr(EmTariffCase) input = em_tariff_case_new_from_json (object, NULL, error);
  g_autoptr(EmTariffVerdict) verdict = NULL;

  if (input == NULL
      || (verdict = em_tariff_evaluate (input, tariff->table, tariff->schedule, error)) == NULL)
    return NULL;
  return em_tariff_verdict_to_json (verdict);
}

static EmTariffSchedule *
load_schedule (const char *path, GError **error)
{
  g_autoptr(GFile) file = NULL;

  if (path == NULL)
    return em_tariff_schedule_new_builtin (EM_TARIFF_SCHEDULE_DEFAULT_ID, error);
  file = g_file_new_for_commandline_arg (path);
  return em_tariff_schedule_new_from_file (file, error);
}

int
em_cli_tarifa_run (int    argc,
                   char **argv)
{
  EmBatchOptions options = { .file_option = "--tarifario" };
  g_autoptr(EmTariffTable) table = NULL;
  g_autoptr(EmTariffSchedule) schedule = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (!em_cli_batch_parse_options (argc, argv, "tarifa", &options, &status))
    return status;
  if (options.help)
    return print_help (), EM_EXIT_OK;
  if ((table = em_tariff_table_new_builtin (&error)) == NULL
      || (schedule = load_schedule (options.file, &error)) == NULL)
    return em_cli_print_error (error), EM_EXIT_INPUT_ERROR;
  return em_cli_batch_run (options.input, options.lines, evaluate_object,
                           &(Tariff) { table, schedule });
}
