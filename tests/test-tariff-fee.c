/* test-tariff-fee.c — Tarifa = TPM + C + ER + D, and the tarifario file
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Component X = valor_dia × rubros[pin|no_pin][X] × factores[X][key]
 * (CONTRACT.md).  The arithmetic is checked against values computed by hand
 * (shown next to each) with tarifarios of tests/data that are NOT the
 * shipped one; valor_inspeccion is the exact sum rounded half-up to whole
 * pesos, never a sum of rounded components.  Also: the non-official mark,
 * the annex's Tabla 4 days in the result, the shipped tarifario against
 * annex Tablas 1 and 4, and every kind of tarifario error, named by place.
 */
#include "config.h"

#include "tariff-test-util.h"

static EmTariffVerdict *
evaluate_file (const char *tarifario, const char *json)
{
  g_autoptr(EmTariffSchedule) schedule = tt_schedule_file (tarifario);
  g_autoptr(GError) error = NULL;
  EmTariffVerdict *verdict = tt_evaluate_with (schedule, json, &error);

  g_assert_no_error (error);
  return verdict;
}

/* The contract's output strings: components, valor_inspeccion, tarifa. */
static void
assert_fee (EmTariffVerdict *verdict, const char * const components[EM_N_COMPONENTS],
            const char *valor, const char *tarifa)
{
  g_autoptr(JsonNode) node = em_tariff_verdict_to_json (verdict);
  JsonObject *root = json_node_get_object (node);
  JsonObject *shown = json_object_get_object_member (root, "componentes");

  for (guint c = 0; c < EM_N_COMPONENTS; c++)
    g_assert_cmpstr (json_object_get_string_member (shown, em_tariff_component_to_string (c)), ==,
                     components[c]);
  g_assert_cmpstr (json_object_get_string_member (root, "valor_inspeccion"), ==, valor);
  g_assert_cmpstr (json_object_get_string_member (root, "tarifa"), ==, tarifa);
}

static void
assert_factor_key (EmTariffVerdict *verdict, EmTariffComponent component, const char *key)
{
  g_assert_cmpstr (em_tariff_verdict_get_component (verdict, component)->key, ==, key);
}

/* ---- Arithmetic (tests/data/tarifario-prueba.json) ------------------- */

/* Exploración, 100 ha (pequeña), NO PIN, no system; valor_dia 1.234.567,89.
 *   TPM = 1234567.89 × 0.333333 × 1.5   (acta exploracion)  = 617283.327716055
 *   C   = 1234567.89 × 0.333333 × 1     (pequena)           = 411522.21847737
 *   ER  = 1234567.89 × 0.333334 × 0.9   ("*": no system)    = 370371.107740734
 *   D   = 1234567.89 × 0        × 0.123456                  = 0
 *   sum = 1399176.653934159 → 1399177 */
static void
test_fee_exploration_no_pin_by_hand (void)
{
  static const char * const expected[] = { "617283.33", "411522.22", "370371.11", "0.00" };
  g_autoptr(EmTariffVerdict) v = evaluate_file ("tarifario-prueba.json",
      "{\"etapa\":\"exploracion\",\"area_hectareas\":\"100\",\"medida_seguridad\":\"cierre\","
      "\"levantamiento_medida\":true}");

  assert_fee (v, expected, "1399177", "1399177");
  assert_factor_key (v, EM_COMPONENT_TPM, "exploracion");
  assert_factor_key (v, EM_COMPONENT_C, "pequena");
  assert_factor_key (v, EM_COMPONENT_ER, "*");
  assert_factor_key (v, EM_COMPONENT_D, "no_pin");
}

/* Explotación of carbon by arrastre, 900.000 t/año (gran), PIN.
 *   TPM = 1234567.89 × 0.5   × 2.75     (explotacion_arrastre) = 1697530.84875
 *   C   = 1234567.89 × 0.25  × 3        ("*": gran)            = 925925.9175
 *   ER  = 1234567.89 × 0.125 × 1.3      (arrastre)             = 200617.282125
 *   D   = 1234567.89 × 0.125 × 0.777777 (pin)                  = 120027.31372253…
 *   sum = 2944101.36209757… → 2944101 */
static void
test_fee_explotacion_pin_arrastre_by_hand (void)
{
  static const char * const expected[] = { "1697530.85", "925925.92", "200617.28", "120027.31" };
  g_autoptr(EmTariffVerdict) v = evaluate_file ("tarifario-prueba.json",
      "{\"etapa\":\"explotacion\",\"grupo_mineral\":\"carbon\",\"sistema\":\"arrastre\","
      "\"produccion_anual\":\"900000\",\"pin\":true,\"nivel_cumplimiento\":\"bajo\","
      "\"numero_inspeccion\":2}");

  assert_fee (v, expected, "2944101", "2944101");
  assert_factor_key (v, EM_COMPONENT_TPM, "explotacion_arrastre");
  assert_factor_key (v, EM_COMPONENT_C, "*");
  assert_factor_key (v, EM_COMPONENT_ER, "arrastre");
  assert_factor_key (v, EM_COMPONENT_D, "pin");
}

/* Construcción y montaje, 1.000 ha (mediana), NO PIN, not charged.
 *   TPM = 1234567.89 × 0.333333 × 1.75 = 720163.8823352…
 *   C   = 1234567.89 × 0.333333 × 2    = 823044.43695474
 *   ER  = 1234567.89 × 0.333334 × 0.9  = 370371.107740734
 *   sum = 1913579.42703087… → 1913579; tarifa 0 (not charged). */
static void
test_fee_computed_even_when_not_charged (void)
{
  static const char * const expected[] = { "720163.88", "823044.44", "370371.11", "0.00" };
  g_autoptr(EmTariffVerdict) v = evaluate_file ("tarifario-prueba.json",
      "{\"etapa\":\"construccion_montaje\",\"area_hectareas\":\"1000\"}");

  assert_fee (v, expected, "1913579", "0");
  assert_factor_key (v, EM_COMPONENT_TPM, "construccion_montaje");
}

/* ---- Rounding (tests/data/tarifario-redondeo.json, valor_dia $ 1) ---- */

/* Exploración: 0.25 × 0.4996 = 0.1249 three times, 0.25 × 0.5012 = 0.1253;
 * shown 0.12 + 0.12 + 0.12 + 0.13 = 0.49, but the exact sum is 0.5000,
 * which rounds half-up to 1. */
static void
test_exact_half_peso_rounds_up (void)
{
  static const char * const expected[] = { "0.12", "0.12", "0.12", "0.13" };
  g_autoptr(EmTariffVerdict) v = evaluate_file ("tarifario-redondeo.json",
      "{\"etapa\":\"exploracion\",\"area_hectareas\":\"1\",\"medida_seguridad\":\"suspension\","
      "\"levantamiento_medida\":true}");

  assert_fee (v, expected, "1", "1");
}

/* Construcción y montaje: 0.1249 × 3 + 0.25 × 0.4992 = 0.4995 → 0. */
static void
test_just_below_half_peso_rounds_down (void)
{
  static const char * const expected[] = { "0.12", "0.12", "0.12", "0.12" };
  g_autoptr(EmTariffVerdict) v = evaluate_file ("tarifario-redondeo.json",
      "{\"etapa\":\"construccion_montaje\",\"area_hectareas\":\"1\",\"medida_seguridad\":\"suspension\","
      "\"levantamiento_medida\":true}");

  assert_fee (v, expected, "0", "0");
}

/* Explotación: each component 0.25 × 1.6 = 0.40, each rounds to 0 pesos;
 * the exact sum 1.60 rounds to 2. */
static void
test_total_is_not_a_sum_of_rounded_components (void)
{
  static const char * const expected[] = { "0.40", "0.40", "0.40", "0.40" };
  g_autoptr(EmTariffVerdict) v = evaluate_file ("tarifario-redondeo.json",
      "{\"etapa\":\"explotacion\",\"grupo_mineral\":\"no_metalicos\",\"sistema\":\"cielo_abierto\","
      "\"produccion_anual\":\"10\",\"nivel_cumplimiento\":\"bajo\",\"numero_inspeccion\":2}");
  EmRatio total = em_tariff_verdict_get_exact_total (v);

  assert_fee (v, expected, "2", "2");
  g_assert_true (total.num * 10 == 16 * total.den);
}

/* valor_dia $ 10^12 × rubro 1 × factor 1000 = $ 10^15, exactly. */
static void
test_largest_tarifario_values_stay_exact (void)
{
  static const char * const expected[] = { "1000000000000000.00", "0.00", "0.00", "0.00" };
  const char *text =
      "{\"id\":\"maximo\",\"nombre\":\"Máximos\",\"oficial\":true,\"vigencia\":{\"desde\":\"2025-01-01\",\"hasta\":null},"
      "\"valor_dia\":\"1000000000000\","
      "\"rubros\":{\"pin\":{\"TPM\":\"1\",\"C\":\"0\",\"ER\":\"0\",\"D\":\"0\"},"
      "\"no_pin\":{\"TPM\":\"1\",\"C\":\"0\",\"ER\":\"0\",\"D\":\"0\"}},"
      "\"factores\":{\"TPM\":{\"por\":\"pin\",\"valores\":{\"*\":\"1000\"}},"
      "\"C\":{\"por\":\"pin\",\"valores\":{\"*\":\"1000\"}},\"ER\":{\"por\":\"pin\",\"valores\":{\"*\":\"1000\"}},"
      "\"D\":{\"por\":\"pin\",\"valores\":{\"*\":\"1000\"}}}}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));
  g_autoptr(GError) error = NULL;
  g_autoptr(EmTariffSchedule) schedule = em_tariff_schedule_new_from_bytes (bytes, &error);
  g_autoptr(EmTariffVerdict) v = NULL;

  g_assert_no_error (error);
  v = tt_evaluate_with (schedule, "{\"etapa\":\"exploracion\",\"area_hectareas\":\"1\"}", &error);
  g_assert_no_error (error);
  assert_fee (v, expected, "1000000000000000", "0");
}

/* ---- Official or not -------------------------------------------------- */

static void
test_non_official_tarifario_says_so (void)
{
  g_autoptr(EmTariffVerdict) shipped = tt_evaluate ("{\"etapa\":\"exploracion\",\"area_hectareas\":\"1\"}");
  g_autoptr(EmTariffVerdict) other = evaluate_file ("tarifario-redondeo.json",
      "{\"etapa\":\"exploracion\",\"area_hectareas\":\"1\"}");
  g_autoptr(JsonNode) node = em_tariff_verdict_to_json (shipped);

  g_assert_false (json_object_get_boolean_member (json_node_get_object (node), "oficial"));
  g_assert_true (tt_observed (shipped, "El tarifario «anexo-tecnico-ilustrativo» no es oficial"));
  g_assert_true (tt_observed (other, "El tarifario «prueba-redondeo» no es oficial"));
}

static void
test_official_tarifario_has_no_warning (void)
{
  g_autoptr(EmTariffVerdict) v = evaluate_file ("tarifario-prueba.json",
      "{\"etapa\":\"exploracion\",\"area_hectareas\":\"1\"}");
  g_autoptr(JsonNode) node = em_tariff_verdict_to_json (v);

  g_assert_true (json_object_get_boolean_member (json_node_get_object (node), "oficial"));
  g_assert_false (tt_observed (v, "no es oficial"));
}

/* ---- The shipped tarifario is annex Tablas 1 and 4 -------------------- */

static void
test_shipped_tarifario_is_annex_tables_1_and_4 (void)
{
  /* Tabla 1: profesionales, administrativos, tecnología, transporte. */
  static const char * const pin[] = { "0.727", "0.048", "0.098", "0.127" };
  static const char * const no_pin[] = { "0.682", "0.044", "0.159", "0.115" };
  g_autoptr(EmTariffSchedule) s = tt_schedule_builtin ();
  EmTitleKeys gran = { EM_CLASE_GRAN, TRUE, EM_SISTEMA_SUBTERRANEO, EM_ETAPA_EXPLOTACION };
  EmTitleKeys small = { EM_CLASE_PEQUENA, FALSE, EM_SISTEMA_NONE, EM_ETAPA_EXPLORACION };

  g_assert_false (em_tariff_schedule_is_official (s));
  for (guint c = 0; c < EM_N_COMPONENTS; c++)
    {
      g_autofree char *p = em_decimal_to_string (em_tariff_schedule_get_rubro (s, TRUE, c));
      g_autofree char *n = em_decimal_to_string (em_tariff_schedule_get_rubro (s, FALSE, c));
      g_assert_cmpstr (p, ==, pin[c]);
      g_assert_cmpstr (n, ==, no_pin[c]);
    }
  /* Tabla 4: gran 2.64, PIN 4.04, subterránea 1.41, explotación 1.20 … */
  g_assert_cmpint (em_tariff_schedule_lookup_factor (s, EM_COMPONENT_TPM, &gran, NULL), ==, 2640000);
  g_assert_cmpint (em_tariff_schedule_lookup_factor (s, EM_COMPONENT_C, &gran, NULL), ==, 4040000);
  g_assert_cmpint (em_tariff_schedule_lookup_factor (s, EM_COMPONENT_ER, &gran, NULL), ==, 1410000);
  g_assert_cmpint (em_tariff_schedule_lookup_factor (s, EM_COMPONENT_D, &gran, NULL), ==, 1200000);
  /* … pequeña 1.17, NO PIN 1.15, exploración y CyM 1.12. */
  g_assert_cmpint (em_tariff_schedule_lookup_factor (s, EM_COMPONENT_TPM, &small, NULL), ==, 1170000);
  g_assert_cmpint (em_tariff_schedule_lookup_factor (s, EM_COMPONENT_C, &small, NULL), ==, 1150000);
  g_assert_cmpint (em_tariff_schedule_lookup_factor (s, EM_COMPONENT_ER, &small, NULL), ==, 1120000);
  g_assert_cmpint (em_tariff_schedule_lookup_factor (s, EM_COMPONENT_D, &small, NULL), ==, 1120000);
}

/* Explotación, carbón subterráneo, 100.000 t/año (mediana), NO PIN:
 *   1000000 × 0.682 × 1.17 = 797940; × 0.044 × 1.15 = 50600;
 *   × 0.159 × 1.41 = 224190; × 0.115 × 1.20 = 138000; sum 1210730. */
static void
test_shipped_tarifario_example_by_hand (void)
{
  static const char * const expected[] = { "797940.00", "50600.00", "224190.00", "138000.00" };
  g_autoptr(EmTariffVerdict) v = tt_evaluate (
      "{\"etapa\":\"explotacion\",\"grupo_mineral\":\"carbon\",\"sistema\":\"subterraneo\","
      "\"produccion_anual\":\"100000\",\"nivel_cumplimiento\":\"bajo\",\"numero_inspeccion\":3}");

  assert_fee (v, expected, "1210730", "1210730");
}

/* ---- Tabla 4: the average days that apply to the title ---------------- */

static void
assert_days (EmTariffVerdict *verdict, const char *expected)
{
  g_autoptr(GString) got = g_string_new (NULL);

  for (guint i = 0; i < em_tariff_verdict_get_n_days (verdict); i++)
    {
      const EmInspectionDays *d = em_tariff_verdict_get_days (verdict, i);
      g_autofree char *days = em_decimal_to_string (d->days);
      g_string_append_printf (got, "%s%s=%s", i ? "; " : "", d->row, days);
    }
  g_assert_cmpstr (got->str, ==, expected);
}

static void
test_days_of_an_underground_medium_no_pin_title (void)
{
  g_autoptr(EmTariffVerdict) v = tt_evaluate (
      "{\"etapa\":\"explotacion\",\"grupo_mineral\":\"metalicos\",\"sistema\":\"subterraneo\","
      "\"produccion_anual\":\"30000\",\"nivel_cumplimiento\":\"alto\"}");

  assert_days (v, "NO PIN=1.15; Subterránea=1.41; Pequeña y Mediana Minería=1.17; Explotación=1.2");
}

static void
test_days_of_a_pin_gran_exploration_title_without_system (void)
{
  g_autoptr(EmTariffVerdict) v = tt_evaluate ("{\"etapa\":\"exploracion\",\"area_hectareas\":\"6000\",\"pin\":true}");

  assert_days (v, "PIN=4.04; Gran Minería=2.64; Exploración y CyM=1.12");
}

static void
test_days_arrastre_and_construction (void)
{
  g_autoptr(EmTariffVerdict) arrastre = tt_evaluate (
      "{\"etapa\":\"explotacion\",\"grupo_mineral\":\"carbon\",\"sistema\":\"arrastre\","
      "\"produccion_anual\":\"900000\",\"nivel_cumplimiento\":\"alto\"}");
  g_autoptr(EmTariffVerdict) cym = tt_evaluate (
      "{\"etapa\":\"construccion_montaje\",\"area_hectareas\":\"200\",\"autorizado_explotar\":true,"
      "\"sistema\":\"cielo_abierto\",\"nivel_cumplimiento\":\"medio\"}");

  assert_days (arrastre, "NO PIN=1.15; Arrastre y Cielo abierto=1.09; Gran Minería=2.64; Explotación=1.2");
  assert_days (cym, "NO PIN=1.15; Arrastre y Cielo abierto=1.09; Pequeña y Mediana Minería=1.17; "
                    "Exploración y CyM=1.12");
}

/* ---- Tarifario errors name the place ---------------------------------- */

static char *
test_tarifario_text (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("EM_TEST_DATA"), "tarifario-prueba.json", NULL);
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

/* tarifario-prueba.json with @from replaced by @to fails with @message. */
static void
assert_tarifario_error (const char *from, const char *to, const char *message)
{
  g_autofree char *original = test_tarifario_text ();
  g_autoptr(GString) text = g_string_new (original);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EmTariffSchedule) schedule = NULL;

  if (from != NULL)
    g_assert_cmpuint (g_string_replace (text, from, to, 1), ==, 1);
  else
    g_string_assign (text, to);
  bytes = g_bytes_new (text->str, text->len);
  schedule = em_tariff_schedule_new_from_bytes (bytes, &error);
  g_assert_null (schedule);
  g_assert_nonnull (error);
  g_assert_true (error->domain == EM_DATA_FILE_ERROR);
  if (!g_str_has_prefix (error->message, message))
    g_error ("«%s» does not start with «%s»", error->message, message);
}

static void
test_tarifario_not_a_json_object (void)
{
  assert_tarifario_error (NULL, "{\"id\": ", "el archivo no es JSON válido");
  assert_tarifario_error (NULL, "[]", "el archivo debe contener un objeto JSON");
}

static void
test_tarifario_identity_errors (void)
{
  assert_tarifario_error ("\"nombre\"", "\"moneda\": \"COP\", \"nombre\"", "moneda: clave desconocida");
  assert_tarifario_error ("\"oficial\": true,", "", "oficial: falta esta clave");
  assert_tarifario_error ("\"oficial\": true", "\"oficial\": \"si\"", "oficial: debe ser true o false");
  assert_tarifario_error ("\"prueba-aritmetica\"", "\"Prueba Aritmética\"",
                          "id: «Prueba Aritmética» no sirve como identificador");
  assert_tarifario_error ("\"hasta\": \"2025-12-31\"", "\"hasta\": \"2024-12-31\"",
                          "vigencia.hasta: es anterior a «desde»");
  assert_tarifario_error ("\"desde\": \"2025-01-01\"", "\"desde\": \"2025-02-30\"",
                          "vigencia.desde: «2025-02-30» no es una fecha del calendario");
}

static void
test_tarifario_valor_dia_errors (void)
{
  assert_tarifario_error ("\"1234567.89\"", "\"1.234.567,89\"", "valor_dia: «1.234.567,89» no es un número válido");
  assert_tarifario_error ("\"1234567.89\"", "\"1234567.891\"", "valor_dia: «1234567.891» tiene más de 2 decimales");
  assert_tarifario_error ("\"1234567.89\"", "\"0\"", "valor_dia: debe ser mayor que cero");
  assert_tarifario_error ("\"1234567.89\"", "1234567.89", "valor_dia: debe ser un texto entre comillas");
  assert_tarifario_error ("\"1234567.89\"", "\"1000000000000.01\"", "valor_dia: «1000000000000.01» es mayor que el máximo admitido");
}

static void
test_tarifario_rubro_errors (void)
{
  assert_tarifario_error ("\"no_pin\": {", "\"sin_pin\": {", "rubros.sin_pin: clave desconocida");
  assert_tarifario_error ("{\"TPM\": \"0.5\"", "{\"TMP\": \"0.5\"", "rubros.pin.TMP: clave desconocida");
  assert_tarifario_error ("\"D\": \"0\"}", "\"X\": \"0\"}", "rubros.no_pin.X: clave desconocida");
  assert_tarifario_error ("\"D\": \"0.125\"}", "\"D\": \"0.075\"}",
                          "rubros.pin: los cuatro rubros suman 0.95 y deben sumar 1");
  assert_tarifario_error ("{\"TPM\": \"0.5\"", "{\"TPM\": \"1.5\"", "rubros.pin.TPM: «1.5» es mayor que el máximo admitido, 1");
  assert_tarifario_error ("\"C\": \"0.25\"", "\"C\": \"25%\"", "rubros.pin.C: «25%» no es un número válido");
}

static void
test_tarifario_factor_errors (void)
{
  assert_tarifario_error ("\"por\": \"clasificacion\"", "\"por\": \"mineral\"",
                          "factores.C.por: «mineral» no es un atributo del título: use «clasificacion», "
                          "«pin», «sistema», «etapa» o «acta»");
  assert_tarifario_error ("\"mediana\": \"2\"", "\"grande\": \"2\"",
                          "factores.C.valores.grande: clave desconocida con «por»: «clasificacion»; "
                          "use «pequena», «mediana», «gran» o «*»");
  assert_tarifario_error ("\"arrastre\": \"1.3\"", "\"cielo\": \"1.3\"",
                          "factores.ER.valores.cielo: clave desconocida con «por»: «sistema»");
}

static void
test_tarifario_factor_coverage (void)
{
  assert_tarifario_error (",\n                                          \"arrastre\": \"1.3\", \"*\": \"0.9\"", "",
                          "factores.ER.valores: falta la clave «arrastre» y no hay «*»");
  assert_tarifario_error (", \"*\": \"0.9\"", "",
                          "factores.ER.valores: falta la clave «*», la de los títulos sin sistema de explotación");
  assert_tarifario_error (", \"*\": \"3\"", "", "factores.C.valores: falta la clave «gran» y no hay «*»");
  assert_tarifario_error (",\n                                       \"explotacion_arrastre\": \"2.75\"", "",
                          "factores.TPM.valores: falta la clave «explotacion_arrastre» y no hay «*»");
}

static void
test_tarifario_factor_value_errors (void)
{
  assert_tarifario_error ("\"subterraneo\": \"1.1\"", "\"subterraneo\": \"1,1\"",
                          "factores.ER.valores.subterraneo: «1,1» no es un número válido");
  assert_tarifario_error ("\"subterraneo\": \"1.1\"", "\"subterraneo\": 1.1",
                          "factores.ER.valores.subterraneo: debe ser un texto entre comillas");
  assert_tarifario_error ("\"subterraneo\": \"1.1\"", "\"subterraneo\": \"1000.000001\"",
                          "factores.ER.valores.subterraneo: «1000.000001» es mayor que el máximo admitido, 1000");
  assert_tarifario_error ("\"D\":   {\"por\": \"pin\",", "\"D\":   {\"por\": \"pin\", \"base\": 1,",
                          "factores.D.base: clave desconocida");
}

static void
test_tarifario_missing_component (void)
{
  g_autofree char *original = test_tarifario_text ();
  const char *d = strstr (original, ",\n    \"D\":");
  const char *end = strstr (d, "}}");
  g_autofree char *head = g_strndup (original, d - original);
  g_autofree char *text = g_strconcat (head, end + 2, NULL);
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  g_autoptr(EmTariffSchedule) schedule = em_tariff_schedule_new_from_bytes (bytes, &error);

  g_assert_null (schedule);
  g_assert_cmpstr (error->message, ==, "factores.D: falta esta clave");
}

static void
test_tarifario_file_errors_name_the_file (void)
{
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/tarifario.json");
  g_autofree char *bad_path = g_build_filename (g_getenv ("EM_TEST_DATA"), "tarifario-roto.json", NULL);
  g_autoptr(GFile) bad = g_file_new_for_path (bad_path);
  g_autoptr(GError) e1 = NULL;
  g_autoptr(GError) e2 = NULL;
  g_autoptr(EmTariffSchedule) s1 = em_tariff_schedule_new_from_file (missing, &e1);
  g_autoptr(EmTariffSchedule) s2 = em_tariff_schedule_new_from_file (bad, &e2);
  g_autofree char *shown = g_file_get_parse_name (bad);
  g_autofree char *want = g_strdup_printf ("Tarifario «%s» no válido: factores.ER.valores: "
                                           "falta la clave «arrastre» y no hay «*»", shown);

  g_assert_null (s1);
  tt_assert_contains (e1->message, "No se pudo leer el tarifario «/nonexistent/tarifario.json»");
  g_assert_null (s2);
  g_assert_cmpstr (e2->message, ==, want);
}

static void
test_builtin_tarifarios_listed (void)
{
  g_auto(GStrv) ids = em_tariff_schedule_list_builtin ();
  g_autoptr(GError) error = NULL;
  g_autoptr(EmTariffSchedule) none = em_tariff_schedule_new_builtin ("oficial-2030", &error);

  g_assert_true (g_strv_contains ((const char * const *) ids, EM_TARIFF_SCHEDULE_DEFAULT_ID));
  g_assert_null (none);
  tt_assert_contains (error->message, "«oficial-2030»");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tarifa/valor/exploration-no-pin-by-hand", test_fee_exploration_no_pin_by_hand);
  g_test_add_func ("/tarifa/valor/explotacion-pin-arrastre-by-hand", test_fee_explotacion_pin_arrastre_by_hand);
  g_test_add_func ("/tarifa/valor/computed-even-when-not-charged", test_fee_computed_even_when_not_charged);
  g_test_add_func ("/tarifa/valor/redondeo/exact-half-peso-rounds-up", test_exact_half_peso_rounds_up);
  g_test_add_func ("/tarifa/valor/redondeo/just-below-half-rounds-down", test_just_below_half_peso_rounds_down);
  g_test_add_func ("/tarifa/valor/redondeo/total-not-sum-of-rounded-components", test_total_is_not_a_sum_of_rounded_components);
  g_test_add_func ("/tarifa/valor/largest-values-stay-exact", test_largest_tarifario_values_stay_exact);
  g_test_add_func ("/tarifa/oficial/non-official-says-so", test_non_official_tarifario_says_so);
  g_test_add_func ("/tarifa/oficial/official-has-no-warning", test_official_tarifario_has_no_warning);
  g_test_add_func ("/tarifa/incorporado/is-annex-tables-1-and-4", test_shipped_tarifario_is_annex_tables_1_and_4);
  g_test_add_func ("/tarifa/incorporado/example-by-hand", test_shipped_tarifario_example_by_hand);
  g_test_add_func ("/tarifa/dias/underground-medium-no-pin", test_days_of_an_underground_medium_no_pin_title);
  g_test_add_func ("/tarifa/dias/pin-gran-exploration-without-system", test_days_of_a_pin_gran_exploration_title_without_system);
  g_test_add_func ("/tarifa/dias/arrastre-and-construction", test_days_arrastre_and_construction);
  g_test_add_func ("/tarifa/tarifario/not-a-json-object", test_tarifario_not_a_json_object);
  g_test_add_func ("/tarifa/tarifario/identity-errors", test_tarifario_identity_errors);
  g_test_add_func ("/tarifa/tarifario/valor-dia-errors", test_tarifario_valor_dia_errors);
  g_test_add_func ("/tarifa/tarifario/rubro-errors", test_tarifario_rubro_errors);
  g_test_add_func ("/tarifa/tarifario/factor-errors", test_tarifario_factor_errors);
  g_test_add_func ("/tarifa/tarifario/every-title-finds-its-factor", test_tarifario_factor_coverage);
  g_test_add_func ("/tarifa/tarifario/factor-value-errors", test_tarifario_factor_value_errors);
  g_test_add_func ("/tarifa/tarifario/missing-component", test_tarifario_missing_component);
  g_test_add_func ("/tarifa/tarifario/file-errors-name-the-file", test_tarifario_file_errors_name_the_file);
  g_test_add_func ("/tarifa/tarifario/builtin-listed", test_builtin_tarifarios_listed);

  return g_test_run ();
}
