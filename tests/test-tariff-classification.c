/* test-tariff-classification.c — Decreto 1666/2016 as the annex prints it
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * DOMAIN.md §2: every class bound of every mineral group × system cell and
 * of the hectare scale, tested at the bound and one millionth above (the
 * finest input step).  The expected bounds are written here from the law,
 * not read from the data file, so a wrong data file fails these tests.
 * Also: the two contiguous readings, arrastre as cielo abierto, the "N/A"
 * cells, the 10,000 ha limit, the stage's required and forbidden fields,
 * and the loader of the annex data file.
 */
#include "config.h"

#include "tariff-test-util.h"

/* ---- Production: every cell, every bound ---------------------------- */

typedef struct
{
  const char *grupo;
  const char *sistema;
  const char *bound;      /* inclusive upper bound of @below */
  EmClase     below;
  const char *unit;
} Bound;

/* DOMAIN.md §2 table ("hasta X" means ≤ X), with the contiguous readings. */
static const Bound production_bounds[] = {
  { "carbon", "subterraneo", "60000", EM_CLASE_PEQUENA, "t/año" },
  { "carbon", "subterraneo", "650000", EM_CLASE_MEDIANA, "t/año" },
  { "carbon", "cielo_abierto", "45000", EM_CLASE_PEQUENA, "t/año" },
  { "carbon", "cielo_abierto", "850000", EM_CLASE_MEDIANA, "t/año" },
  { "materiales_construccion", "cielo_abierto", "30000", EM_CLASE_PEQUENA, "m³/año" },
  { "materiales_construccion", "cielo_abierto", "350000", EM_CLASE_MEDIANA, "m³/año" },
  { "metalicos", "subterraneo", "25000", EM_CLASE_PEQUENA, "t/año" },
  { "metalicos", "subterraneo", "400000", EM_CLASE_MEDIANA, "t/año" },
  { "metalicos", "cielo_abierto", "50000", EM_CLASE_PEQUENA, "t/año" },
  { "metalicos", "cielo_abierto", "750000", EM_CLASE_MEDIANA, "t/año" },
  { "no_metalicos", "subterraneo", "20000", EM_CLASE_PEQUENA, "t/año" },
  { "no_metalicos", "subterraneo", "300000", EM_CLASE_MEDIANA, "t/año" },
  { "no_metalicos", "cielo_abierto", "50000", EM_CLASE_PEQUENA, "t/año" },
  { "no_metalicos", "cielo_abierto", "1050000", EM_CLASE_MEDIANA, "t/año" },
  { "metales_preciosos", "subterraneo", "15000", EM_CLASE_PEQUENA, "t/año" },
  { "metales_preciosos", "subterraneo", "300000", EM_CLASE_MEDIANA, "t/año" },
  { "metales_preciosos", "cielo_abierto", "250000", EM_CLASE_PEQUENA, "m³/año" },
  { "metales_preciosos", "cielo_abierto", "1300000", EM_CLASE_MEDIANA, "m³/año" },
  { "piedras_preciosas", "subterraneo", "20000", EM_CLASE_PEQUENA, "t/año" },
  { "piedras_preciosas", "subterraneo", "50000", EM_CLASE_MEDIANA, "t/año" },
};

static char *
production_json (const char *grupo, const char *sistema, const char *produccion)
{
  return g_strdup_printf ("{\"etapa\":\"explotacion\",\"grupo_mineral\":\"%s\",\"sistema\":\"%s\","
                          "\"produccion_anual\":\"%s\",\"nivel_cumplimiento\":\"alto\"}",
                          grupo, sistema, produccion);
}

static EmDecimal
decimal (const char *text)
{
  EmDecimal value;

  g_assert_true (em_decimal_parse (text, EM_NUMBER_PLAIN, G_MAXINT64, &value, NULL));
  return value;
}

static void
assert_class (const char *json, EmClase expected, const EmClassification **out, EmTariffVerdict **keep)
{
  EmTariffVerdict *verdict = tt_evaluate (json);

  g_assert_cmpstr (em_clase_to_string (em_tariff_verdict_get_classification (verdict)->clase), ==,
                   em_clase_to_string (expected));
  *out = em_tariff_verdict_get_classification (verdict);
  *keep = verdict;
}

/* At the bound: the lower class, decided by "hasta bound"; one millionth
 * above: the next class, decided by "más de bound". */
static void
check_bound (const char *grupo, const char *sistema, const Bound *b)
{
  g_autofree char *above = g_strconcat (b->bound, ".000001", NULL);
  g_autofree char *at_json = production_json (grupo, sistema, b->bound);
  g_autofree char *above_json = production_json (grupo, sistema, above);
  g_autoptr(EmTariffVerdict) at_verdict = NULL;
  g_autoptr(EmTariffVerdict) above_verdict = NULL;
  const EmClassification *c;

  assert_class (at_json, b->below, &c, &at_verdict);
  g_assert_true (c->by_production && c->has_upper);
  g_assert_cmpint (c->upper, ==, decimal (b->bound));
  g_assert_cmpstr (c->unit, ==, b->unit);
  assert_class (above_json, b->below + 1, &c, &above_verdict);
  g_assert_true (c->has_lower);
  g_assert_cmpint (c->lower, ==, decimal (b->bound));
  g_assert_cmpint (c->value, ==, decimal (b->bound) + 1);
}

static void
test_production_bound (gconstpointer data)
{
  const Bound *b = data;

  check_bound (b->grupo, b->sistema, b);
}

/* Arrastre is a surface system: the cielo abierto column decides. */
static void
test_arrastre_bound_is_cielo_abierto (gconstpointer data)
{
  const Bound *b = data;

  check_bound (b->grupo, "arrastre", b);
}

static void
test_gran_production_has_no_upper_bound (void)
{
  g_autofree char *json = production_json ("carbon", "subterraneo", "999999999999");
  g_autoptr(EmTariffVerdict) verdict = tt_evaluate (json);
  const EmClassification *c = em_tariff_verdict_get_classification (verdict);

  g_assert_cmpint (c->clase, ==, EM_CLASE_GRAN);
  g_assert_false (c->has_upper);
}

static void
test_zero_production_is_pequena (void)
{
  g_autofree char *json = production_json ("metalicos", "cielo_abierto", "0");
  g_autoptr(EmTariffVerdict) verdict = tt_evaluate (json);

  g_assert_cmpint (em_tariff_verdict_get_classification (verdict)->clase, ==, EM_CLASE_PEQUENA);
}

/* ---- The two contiguous readings (DOMAIN.md) ------------------------ */

static void
test_carbon_underground_pequena_read_as_60000 (void)
{
  g_autofree char *json = production_json ("carbon", "subterraneo", "30000");
  g_autoptr(EmTariffVerdict) verdict = tt_evaluate (json);

  g_assert_cmpint (em_tariff_verdict_get_classification (verdict)->clase, ==, EM_CLASE_PEQUENA);
  g_assert_true (tt_observed (verdict, "«Hasta 6.000»"));
}

static void
test_carbon_reading_note_only_where_it_changes_the_class (void)
{
  g_autofree char *at_print = production_json ("carbon", "subterraneo", "6000");
  g_autofree char *above_print = production_json ("carbon", "subterraneo", "6000.000001");
  g_autofree char *mediana = production_json ("carbon", "subterraneo", "60000.000001");
  g_autoptr(EmTariffVerdict) v1 = tt_evaluate (at_print);
  g_autoptr(EmTariffVerdict) v2 = tt_evaluate (above_print);
  g_autoptr(EmTariffVerdict) v3 = tt_evaluate (mediana);

  g_assert_false (tt_observed (v1, "«Hasta 6.000»"));
  g_assert_true (tt_observed (v2, "«Hasta 6.000»"));
  g_assert_false (tt_observed (v3, "«Hasta 6.000»"));
}

static void
test_piedras_gran_read_as_above_50000 (void)
{
  g_autofree char *in_gap = production_json ("piedras_preciosas", "subterraneo", "500000");
  g_autofree char *beyond_gap = production_json ("piedras_preciosas", "subterraneo", "500000.000001");
  g_autoptr(EmTariffVerdict) v1 = tt_evaluate (in_gap);
  g_autoptr(EmTariffVerdict) v2 = tt_evaluate (beyond_gap);

  g_assert_cmpint (em_tariff_verdict_get_classification (v1)->clase, ==, EM_CLASE_GRAN);
  g_assert_true (tt_observed (v1, "«> 500,000»"));
  g_assert_cmpint (em_tariff_verdict_get_classification (v2)->clase, ==, EM_CLASE_GRAN);
  g_assert_false (tt_observed (v2, "«> 500,000»"));
}

static void
test_arrastre_says_it_reads_as_cielo_abierto (void)
{
  g_autofree char *json = production_json ("metalicos", "arrastre", "100");
  g_autoptr(EmTariffVerdict) verdict = tt_evaluate (json);

  g_assert_cmpint (em_tariff_verdict_get_classification (verdict)->column, ==, EM_SISTEMA_CIELO_ABIERTO);
  g_assert_true (tt_observed (verdict, "arrastre es de superficie"));
}

/* ---- "N/A" cells ----------------------------------------------------- */

static void
test_materiales_construccion_underground_not_applicable (void)
{
  g_autofree char *json = production_json ("materiales_construccion", "subterraneo", "100");

  tt_assert_rejected (json, "sistema", "no aplica a materiales de construcción en minería subterránea");
}

static void
test_piedras_preciosas_cielo_abierto_not_applicable (void)
{
  g_autofree char *json = production_json ("piedras_preciosas", "cielo_abierto", "100");

  tt_assert_rejected (json, "sistema", "no aplica a piedras preciosas y semipreciosas en minería a cielo abierto");
}

static void
test_piedras_preciosas_arrastre_not_applicable (void)
{
  g_autofree char *json = production_json ("piedras_preciosas", "arrastre", "100");

  tt_assert_rejected (json, "sistema", "por arrastre, que se clasifica como cielo abierto");
}

/* ---- Hectares (exploración, construcción y montaje) ----------------- */

static char *
area_json (const char *etapa, const char *area)
{
  return g_strdup_printf ("{\"etapa\":\"%s\",\"area_hectareas\":\"%s\"}", etapa, area);
}

static void
check_hectare_bound (const char *etapa, const char *bound, EmClase below)
{
  g_autofree char *above = g_strconcat (bound, ".000001", NULL);
  g_autofree char *at_json = area_json (etapa, bound);
  g_autofree char *above_json = area_json (etapa, above);
  g_autoptr(EmTariffVerdict) v1 = NULL;
  g_autoptr(EmTariffVerdict) v2 = NULL;
  const EmClassification *c;

  assert_class (at_json, below, &c, &v1);
  g_assert_false (c->by_production);
  g_assert_cmpint (c->upper, ==, decimal (bound));
  g_assert_cmpstr (c->unit, ==, "ha");
  if (below == EM_CLASE_GRAN)
    tt_assert_rejected (above_json, "area_hectareas", "supera el límite de la gran minería");
  else
    {
      assert_class (above_json, below + 1, &c, &v2);
      g_assert_cmpint (c->lower, ==, decimal (bound));
    }
}

static void
test_hectares_pequena_up_to_150 (void)
{
  check_hectare_bound ("exploracion", "150", EM_CLASE_PEQUENA);
  check_hectare_bound ("construccion_montaje", "150", EM_CLASE_PEQUENA);
}

static void
test_hectares_mediana_up_to_5000 (void)
{
  check_hectare_bound ("exploracion", "5000", EM_CLASE_MEDIANA);
  check_hectare_bound ("construccion_montaje", "5000", EM_CLASE_MEDIANA);
}

static void
test_hectares_gran_up_to_10000_and_above_is_an_error (void)
{
  check_hectare_bound ("exploracion", "10000", EM_CLASE_GRAN);
  check_hectare_bound ("construccion_montaje", "10000", EM_CLASE_GRAN);
}

static void
test_smallest_area_is_pequena (void)
{
  g_autofree char *json = area_json ("exploracion", "0.000001");
  g_autoptr(EmTariffVerdict) v = NULL;
  const EmClassification *c;

  assert_class (json, EM_CLASE_PEQUENA, &c, &v);
  g_assert_false (c->has_lower);
}

static void
test_area_as_json_number_is_exact (void)
{
  g_autoptr(EmTariffVerdict) v1 = NULL;
  g_autoptr(EmTariffVerdict) v2 = NULL;
  const EmClassification *c;

  assert_class ("{\"etapa\":\"exploracion\",\"area_hectareas\":150.000001}", EM_CLASE_MEDIANA, &c, &v1);
  assert_class ("{\"etapa\":\"exploracion\",\"area_hectareas\":1.5e2}", EM_CLASE_PEQUENA, &c, &v2);
}

static void
test_classification_says_row_and_bound (void)
{
  g_autofree char *json = production_json ("carbon", "subterraneo", "100000");
  g_autoptr(EmTariffVerdict) verdict = tt_evaluate (json);
  g_autofree char *text = em_classification_describe (em_tariff_verdict_get_classification (verdict));

  g_assert_cmpstr (text, ==, "Carbón, minería subterránea: mediana minería, más de 60.000 y hasta "
                             "650.000 t/año; el título declara 100.000 t/año.");
}

/* ---- Which fields each stage needs ----------------------------------- */

static void
test_etapa_is_required (void)
{
  tt_assert_rejected ("{\"area_hectareas\":\"10\"}", "etapa", "es obligatorio");
  tt_assert_rejected ("{\"etapa\":\"produccion\"}", "etapa", "«produccion» no es un valor válido");
  tt_assert_rejected ("{\"etapa\":1}", "etapa", "debe ser un texto");
}

static void
test_area_required_before_explotacion (void)
{
  tt_assert_rejected ("{\"etapa\":\"exploracion\"}", "area_hectareas", "es obligatorio");
  tt_assert_rejected ("{\"etapa\":\"construccion_montaje\"}", "area_hectareas", "es obligatorio");
}

static void
test_area_must_be_a_positive_decimal (void)
{
  tt_assert_rejected ("{\"etapa\":\"exploracion\",\"area_hectareas\":\"0\"}", "area_hectareas",
                      "debe ser mayor que cero");
  tt_assert_rejected ("{\"etapa\":\"exploracion\",\"area_hectareas\":\"-5\"}", "area_hectareas",
                      "no puede ser negativo");
  tt_assert_rejected ("{\"etapa\":\"exploracion\",\"area_hectareas\":\"1.234,5\"}", "area_hectareas",
                      "no es un número válido");
  tt_assert_rejected ("{\"etapa\":\"exploracion\",\"area_hectareas\":\"1.0000001\"}", "area_hectareas",
                      "más de 6 decimales");
  tt_assert_rejected ("{\"etapa\":\"exploracion\",\"area_hectareas\":true}", "area_hectareas",
                      "debe ser un número");
}

static void
test_area_above_10000_has_no_class (void)
{
  tt_assert_rejected ("{\"etapa\":\"exploracion\",\"area_hectareas\":\"12000\"}", "area_hectareas",
                      "12.000 ha supera el límite de la gran minería (10.000 ha)");
}

static void
test_production_fields_rejected_before_explotacion (void)
{
  tt_assert_rejected ("{\"etapa\":\"exploracion\",\"area_hectareas\":\"10\",\"grupo_mineral\":\"carbon\"}",
                      "grupo_mineral", "solo se usa en la etapa de explotación");
  tt_assert_rejected ("{\"etapa\":\"construccion_montaje\",\"area_hectareas\":\"10\",\"produccion_anual\":\"5\"}",
                      "produccion_anual", "solo se usa en la etapa de explotación");
  tt_assert_rejected ("{\"etapa\":\"exploracion\",\"area_hectareas\":\"10\",\"sistema\":\"subterraneo\"}",
                      "sistema", "solo se usa si el título está autorizado para explotar");
}

static void
test_area_rejected_in_explotacion (void)
{
  tt_assert_rejected ("{\"etapa\":\"explotacion\",\"area_hectareas\":\"10\",\"grupo_mineral\":\"carbon\","
                      "\"sistema\":\"subterraneo\",\"produccion_anual\":\"5\",\"nivel_cumplimiento\":\"alto\"}",
                      "area_hectareas", "se decide por la producción anual");
}

static void
test_explotacion_requires_group_system_and_production (void)
{
  tt_assert_rejected ("{\"etapa\":\"explotacion\",\"sistema\":\"subterraneo\",\"produccion_anual\":\"5\"}",
                      "grupo_mineral", "es obligatorio en la etapa de explotación");
  tt_assert_rejected ("{\"etapa\":\"explotacion\",\"grupo_mineral\":\"carbon\",\"produccion_anual\":\"5\"}",
                      "sistema", "es obligatorio en la etapa de explotación");
  tt_assert_rejected ("{\"etapa\":\"explotacion\",\"grupo_mineral\":\"carbon\",\"sistema\":\"subterraneo\"}",
                      "produccion_anual", "es obligatorio en la etapa de explotación");
}

static void
test_unknown_group_and_system_rejected (void)
{
  tt_assert_rejected ("{\"etapa\":\"explotacion\",\"grupo_mineral\":\"oro\"}", "grupo_mineral",
                      "«oro» no es un valor válido: use «carbon», «materiales_construccion»");
  tt_assert_rejected ("{\"etapa\":\"explotacion\",\"sistema\":\"superficie\"}", "sistema",
                      "use «subterraneo», «cielo_abierto» o «arrastre»");
}

static void
test_production_must_be_a_nonnegative_decimal (void)
{
  g_autofree char *negative = production_json ("carbon", "subterraneo", "-1");
  g_autofree char *grouped = production_json ("carbon", "subterraneo", "60,000");
  g_autofree char *huge = production_json ("carbon", "subterraneo", "1000000000001");

  tt_assert_rejected (negative, "produccion_anual", "no puede ser negativo");
  tt_assert_rejected (grouped, "produccion_anual", "no es un número válido");
  tt_assert_rejected (huge, "produccion_anual", "es mayor que el máximo");
}

static void
test_null_means_absent (void)
{
  g_autoptr(EmTariffVerdict) verdict = tt_evaluate (
      "{\"etapa\":\"exploracion\",\"area_hectareas\":\"10\",\"grupo_mineral\":null,"
      "\"produccion_anual\":null,\"sistema\":null}");

  g_assert_cmpint (em_tariff_verdict_get_classification (verdict)->clase, ==, EM_CLASE_PEQUENA);
}

static char *
canonical_input (const char *json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EmFlatObject) object = em_flat_object_parse (json, -1, &error);
  g_autoptr(EmTariffCase) input = NULL;
  g_autoptr(JsonNode) node = NULL;

  g_assert_no_error (error);
  input = em_tariff_case_new_from_json (object, NULL, &error);
  g_assert_no_error (error);
  node = em_tariff_case_to_json (input);
  return json_to_string (node, FALSE);
}

/* The stored input (case store) states the defaults and reads back the same. */
static void
test_canonical_input_round_trips_with_defaults (void)
{
  g_autofree char *first = canonical_input ("{\"etapa\":\"explotacion\",\"grupo_mineral\":\"carbon\","
                                            "\"sistema\":\"arrastre\",\"produccion_anual\":6e4,"
                                            "\"nivel_cumplimiento\":\"bajo\",\"titular\":\"Ñandú S.A.S.\"}");
  g_autofree char *second = canonical_input (first);

  g_assert_cmpstr (first, ==, "{\"etapa\":\"explotacion\",\"grupo_mineral\":\"carbon\",\"sistema\":\"arrastre\","
                              "\"produccion_anual\":\"60000\",\"pin\":false,\"medida_seguridad\":\"ninguna\","
                              "\"levantamiento_medida\":false,\"autorizado_explotar\":true,"
                              "\"nivel_cumplimiento\":\"bajo\",\"numero_inspeccion\":1,"
                              "\"titular\":\"Ñandú S.A.S.\"}");
  g_assert_cmpstr (second, ==, first);
}

/* ---- The annex data file --------------------------------------------- */

static void
assert_table_error (const char *from, const char *to, const char *message)
{
  g_autoptr(GBytes) shipped = g_resources_lookup_data (
      "/co/gov/anm/EvaluadorMinero/anexo/cobro-inspecciones.json", 0, NULL);
  g_autoptr(GString) text = g_string_new_len (g_bytes_get_data (shipped, NULL), g_bytes_get_size (shipped));
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EmTariffTable) table = NULL;

  g_assert_cmpuint (g_string_replace (text, from, to, 1), ==, 1);
  bytes = g_bytes_new (text->str, text->len);
  table = em_tariff_table_new_from_bytes (bytes, &error);
  g_assert_null (table);
  g_assert_error (error, EM_DATA_FILE_ERROR, EM_DATA_FILE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, message);
}

static void
test_table_file_errors_name_the_place (void)
{
  assert_table_error ("\"subterraneo\": null,", "",
                      "clasificacion.produccion.materiales_construccion.subterraneo: "
                      "falta esta clave (use null si la celda no aplica)");
  assert_table_error ("\"pequena\": \"25000\"", "\"pequena\": \"500000\"",
                      "clasificacion.produccion.metalicos.subterraneo.mediana: "
                      "debe ser mayor que el límite de «pequena»");
  assert_table_error ("\"unidad\": \"ha\"", "\"unidad\": \"ha\", \"tope\": \"1\"",
                      "clasificacion.hectareas.tope: clave desconocida");
  assert_table_error ("\"aplica\": [\"arrastre\", \"cielo_abierto\"]", "\"aplica\": [\"cielo_abierto\"]",
                      "dias_promedio.sistema.filas: ninguna fila aplica a «arrastre»");
  assert_table_error ("\"aplica\": [\"gran\"]", "\"aplica\": [\"gran\", \"mediana\"]",
                      "dias_promedio.clasificacion.filas[2].aplica: «mediana» ya está en otra fila");
  assert_table_error ("\"impreso\": \"6000\"", "\"impreso\": \"60000\"",
                      "clasificacion.produccion.carbon.subterraneo.lecturas.pequena.impreso: "
                      "es igual al límite leído: no hay lectura que explicar");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (production_bounds); i++)
    {
      const Bound *b = &production_bounds[i];
      g_autofree char *path = g_strdup_printf ("/tarifa/clasificacion/produccion/%s/%s/%s-hasta-%s",
                                               b->grupo, b->sistema, em_clase_to_string (b->below), b->bound);
      g_test_add_data_func (path, b, test_production_bound);
      if (g_str_equal (b->sistema, "cielo_abierto"))
        {
          g_autofree char *arrastre = g_strdup_printf ("/tarifa/clasificacion/arrastre-como-cielo-abierto/%s/%s-hasta-%s",
                                                       b->grupo, em_clase_to_string (b->below), b->bound);
          g_test_add_data_func (arrastre, b, test_arrastre_bound_is_cielo_abierto);
        }
    }
  g_test_add_func ("/tarifa/clasificacion/produccion/gran-has-no-upper-bound", test_gran_production_has_no_upper_bound);
  g_test_add_func ("/tarifa/clasificacion/produccion/zero-is-pequena", test_zero_production_is_pequena);
  g_test_add_func ("/tarifa/clasificacion/lectura/carbon-subterraneo-pequena-hasta-60000", test_carbon_underground_pequena_read_as_60000);
  g_test_add_func ("/tarifa/clasificacion/lectura/note-only-where-it-changes-the-class", test_carbon_reading_note_only_where_it_changes_the_class);
  g_test_add_func ("/tarifa/clasificacion/lectura/piedras-subterraneo-gran-above-50000", test_piedras_gran_read_as_above_50000);
  g_test_add_func ("/tarifa/clasificacion/arrastre-says-it-reads-as-cielo-abierto", test_arrastre_says_it_reads_as_cielo_abierto);
  g_test_add_func ("/tarifa/clasificacion/no-aplica/materiales-construccion-subterraneo", test_materiales_construccion_underground_not_applicable);
  g_test_add_func ("/tarifa/clasificacion/no-aplica/piedras-preciosas-cielo-abierto", test_piedras_preciosas_cielo_abierto_not_applicable);
  g_test_add_func ("/tarifa/clasificacion/no-aplica/piedras-preciosas-arrastre", test_piedras_preciosas_arrastre_not_applicable);
  g_test_add_func ("/tarifa/clasificacion/hectareas/pequena-hasta-150", test_hectares_pequena_up_to_150);
  g_test_add_func ("/tarifa/clasificacion/hectareas/mediana-hasta-5000", test_hectares_mediana_up_to_5000);
  g_test_add_func ("/tarifa/clasificacion/hectareas/gran-hasta-10000-above-is-error", test_hectares_gran_up_to_10000_and_above_is_an_error);
  g_test_add_func ("/tarifa/clasificacion/hectareas/smallest-area-is-pequena", test_smallest_area_is_pequena);
  g_test_add_func ("/tarifa/clasificacion/hectareas/json-number-is-exact", test_area_as_json_number_is_exact);
  g_test_add_func ("/tarifa/clasificacion/says-row-and-bound", test_classification_says_row_and_bound);
  g_test_add_func ("/tarifa/entrada/etapa-required-and-valid", test_etapa_is_required);
  g_test_add_func ("/tarifa/entrada/area-required-before-explotacion", test_area_required_before_explotacion);
  g_test_add_func ("/tarifa/entrada/area-positive-decimal", test_area_must_be_a_positive_decimal);
  g_test_add_func ("/tarifa/entrada/area-above-10000-has-no-class", test_area_above_10000_has_no_class);
  g_test_add_func ("/tarifa/entrada/production-fields-rejected-before-explotacion", test_production_fields_rejected_before_explotacion);
  g_test_add_func ("/tarifa/entrada/area-rejected-in-explotacion", test_area_rejected_in_explotacion);
  g_test_add_func ("/tarifa/entrada/explotacion-requires-group-system-production", test_explotacion_requires_group_system_and_production);
  g_test_add_func ("/tarifa/entrada/unknown-group-and-system", test_unknown_group_and_system_rejected);
  g_test_add_func ("/tarifa/entrada/production-nonnegative-decimal", test_production_must_be_a_nonnegative_decimal);
  g_test_add_func ("/tarifa/entrada/null-means-absent", test_null_means_absent);
  g_test_add_func ("/tarifa/entrada/canonical-input-round-trips-with-defaults", test_canonical_input_round_trips_with_defaults);
  g_test_add_func ("/tarifa/anexo/file-errors-name-the-place", test_table_file_errors_name_the_place);

  return g_test_run ();
}
