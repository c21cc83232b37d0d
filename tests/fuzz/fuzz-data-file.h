/* fuzz-data-file.h — fixed cases to evaluate with a rule set or tarifario just loaded
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A data file that loads must be usable: the fixed cases below (amounts and
 * quantities at the limits, every mineral group, system and measure) are
 * evaluated with it, so the sanitizers see the arithmetic with every
 * accepted value (thresholds, CE, days, valor día, rubros, factors).
 */
#pragma once

#include "em-capacity-engine.h"
#include "em-capacity-json.h"
#include "em-tariff-engine.h"
#include "em-tariff-json.h"
#include "fuzz-util.h"

#define MAX_PESOS "1000000000000000"
#define MAX_QUANTITY "1000000000000"

static const char * const fuzz_capacity_inputs[] = {
  "{\"regimen\": \"comun\", \"activo_corriente\": \"" MAX_PESOS "\", \"pasivo_corriente\": \"0.01\", "
  "\"activo_total\": \"" MAX_PESOS "\", \"pasivo_total\": \"0.01\", \"ingresos_operacionales\": \"" MAX_PESOS "\", "
  "\"fecha_radicacion\": \"2017-06-01\"}",
  "{\"regimen\": \"comun\", \"activo_corriente\": \"0\", \"pasivo_corriente\": \"" MAX_PESOS "\", "
  "\"activo_total\": \"0.01\", \"pasivo_total\": \"" MAX_PESOS "\", \"ingresos_operacionales\": \"0\", "
  "\"aval_financiero\": true, \"fecha_radicacion\": \"9999-12-31\"}",
  "{\"regimen\": \"comun\", \"activo_corriente\": \"0\", \"pasivo_corriente\": \"0\", "
  "\"activo_total\": \"0\", \"pasivo_total\": \"0\", \"ingresos_operacionales\": \"0\"}",
  "{\"regimen\": \"simplificado\", \"ingresos_ultimo_ano\": \"" MAX_PESOS "\", \"saldo_promedio\": \"" MAX_PESOS "\", "
  "\"cuentas_por_cobrar\": \"" MAX_PESOS "\", \"inventario\": \"" MAX_PESOS "\", \"cuentas_por_pagar\": \"0\"}",
  "{\"regimen\": \"simplificado\", \"ingresos_ultimo_ano\": \"0.01\", \"saldo_promedio\": \"0\", "
  "\"cuentas_por_cobrar\": \"0\", \"inventario\": \"0\", \"cuentas_por_pagar\": \"" MAX_PESOS "\", "
  "\"monto_comercializacion_esperado\": \"" MAX_PESOS "\", \"fecha_radicacion\": \"1900-01-01\"}",
  "{\"regimen\": \"simplificado\", \"ingresos_ultimo_ano\": \"0\", \"saldo_promedio\": \"0\", "
  "\"monto_comercializacion_esperado\": \"0.01\"}",
};

static const char * const fuzz_tariff_inputs[] = {
  "{\"etapa\": \"exploracion\", \"area_hectareas\": \"10000\", \"pin\": true}",
  "{\"etapa\": \"exploracion\", \"area_hectareas\": \"0.000001\", \"medida_seguridad\": \"suspension\"}",
  "{\"etapa\": \"construccion_montaje\", \"area_hectareas\": \"0.000001\", \"numero_inspeccion\": 1000}",
  "{\"etapa\": \"explotacion\", \"grupo_mineral\": \"carbon\", \"sistema\": \"subterraneo\", "
  "\"produccion_anual\": \"" MAX_QUANTITY "\", \"pin\": true, \"medida_seguridad\": \"cierre\", "
  "\"levantamiento_medida\": true, \"nivel_cumplimiento\": \"alto\"}",
  "{\"etapa\": \"explotacion\", \"grupo_mineral\": \"materiales_construccion\", \"sistema\": \"cielo_abierto\", "
  "\"produccion_anual\": \"0\", \"nivel_cumplimiento\": \"bajo\"}",
  "{\"etapa\": \"explotacion\", \"grupo_mineral\": \"metalicos\", \"sistema\": \"arrastre\", "
  "\"produccion_anual\": \"" MAX_QUANTITY "\", \"autorizado_explotar\": false}",
  "{\"etapa\": \"explotacion\", \"grupo_mineral\": \"no_metalicos\", \"sistema\": \"subterraneo\", "
  "\"produccion_anual\": \"1\", \"numero_inspeccion\": 2, \"nivel_cumplimiento\": \"bajo\"}",
  "{\"etapa\": \"explotacion\", \"grupo_mineral\": \"metales_preciosos\", \"sistema\": \"cielo_abierto\", "
  "\"produccion_anual\": \"" MAX_QUANTITY "\", \"pin\": true, \"nivel_cumplimiento\": \"medio\"}",
  "{\"etapa\": \"explotacion\", \"grupo_mineral\": \"piedras_preciosas\", \"sistema\": \"subterraneo\", "
  "\"produccion_anual\": \"0.000001\", \"medida_seguridad\": \"suspension\", \"nivel_cumplimiento\": \"bajo\"}",
};

static GPtrArray *fuzz_capacity_cases;
static GPtrArray *fuzz_tariff_cases;

static inline EmFlatObject *
fuzz_parse_fixed (const char *text)
{
  g_autoptr(GError) error = NULL;
  EmFlatObject *object = em_flat_object_parse (text, -1, &error);

  if (object == NULL)
    g_error ("%s: %s", text, error->message);
  return object;
}

static inline void
fuzz_data_file_init (void)
{
  fuzz_init ();
  fuzz_capacity_cases = g_ptr_array_new ();
  fuzz_tariff_cases = g_ptr_array_new ();
  for (guint i = 0; i < G_N_ELEMENTS (fuzz_capacity_inputs); i++)
    {
      g_autoptr(EmFlatObject) object = fuzz_parse_fixed (fuzz_capacity_inputs[i]);
      g_autoptr(GError) error = NULL;
      EmCapacityCase *input = em_capacity_case_new_from_json (object, NULL, &error);

      if (input == NULL)
        g_error ("%s: %s", fuzz_capacity_inputs[i], error->message);
      g_ptr_array_add (fuzz_capacity_cases, input);
    }
  for (guint i = 0; i < G_N_ELEMENTS (fuzz_tariff_inputs); i++)
    {
      g_autoptr(EmFlatObject) object = fuzz_parse_fixed (fuzz_tariff_inputs[i]);
      g_autoptr(GError) error = NULL;
      EmTariffCase *input = em_tariff_case_new_from_json (object, NULL, &error);

      if (input == NULL)
        g_error ("%s: %s", fuzz_tariff_inputs[i], error->message);
      g_ptr_array_add (fuzz_tariff_cases, input);
    }
}

static inline void
fuzz_generate (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, NULL);
  FUZZ_CHECK (g_utf8_validate (text, -1, NULL));
}

static inline void
fuzz_evaluate_capacity_with (EmRuleSet *rules)
{
  for (guint i = 0; i < fuzz_capacity_cases->len; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(EmCapacityVerdict) verdict = em_capacity_evaluate (fuzz_capacity_cases->pdata[i], rules, &error);
      g_autoptr(JsonNode) node = NULL;

      if (verdict == NULL)
        {
          FUZZ_CHECK (error != NULL);
          continue;
        }
      node = em_capacity_verdict_to_json (verdict);
      fuzz_generate (node);
    }
}

static inline void
fuzz_evaluate_tariff_with (EmTariffTable *table, EmTariffSchedule *schedule)
{
  for (guint i = 0; i < fuzz_tariff_cases->len; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(EmTariffVerdict) verdict = em_tariff_evaluate (fuzz_tariff_cases->pdata[i], table, schedule, &error);
      g_autoptr(JsonNode) node = NULL;

      if (verdict == NULL)
        {
          FUZZ_CHECK (error != NULL);
          continue;
        }
      node = em_tariff_verdict_to_json (verdict);
      fuzz_generate (node);
    }
}
