/* test-rule-set.c — capacity rule sets: the shipped one and any other file
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A rule set is data (CONTRACT.md, «Capacity rule-set file»): Res. ANM
 * 208/2017 ships built in, another resolution is a new file.  Every error
 * in a file names the key path and says what is wrong.
 */
#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "em-core-resources.h"
#include "em-json-check.h"
#include "em-rule-set.h"
#include "em-tariff-schedule.h"
#include "em-tariff-table.h"

#define BUILTIN_PATH "/co/gov/anm/EvaluadorMinero/reglas/res-anm-208-2017.json"

/* A valid rule set that every error case below changes in one place. */
static const char base_json[] =
  "{\"id\": \"base\", \"nombre\": \"Base de prueba\","
  " \"vigencia\": {\"desde\": \"2017-04-27\", \"hasta\": \"2018-04-19\"},"
  " \"capacidad_endeudamiento\": \"0.157\","
  " \"dias_rotacion\": {\"cartera\": 22, \"inventario\": 25, \"proveedores\": 16},"
  " \"umbrales\": {"
  "   \"cobertura_inversion\": {\"comparacion\": \">=\", \"valor\": \"1\"},"
  "   \"liquidez\": {\"comparacion\": \">=\", \"valor\": \"1.24\"},"
  "   \"capital_trabajo\": {\"comparacion\": \">=\", \"valor\": \"0.04\"},"
  "   \"endeudamiento\": {\"comparacion\": \"<=\", \"valor\": \"0.61\"}},"
  " \"aval_cubre\": [\"liquidez\", \"capital_trabajo\"],"
  " \"fundamentos\": {\"liquidez\": \"Art. de prueba\"}}";

static GDate *
date_new (guint year, guint month, guint day)
{
  return g_date_new_dmy (day, month, year);
}

static GBytes *
bytes_from_string (const char *text)
{
  return g_bytes_new (text, strlen (text));
}

/* base_json with the member at @path ("umbrales.liquidez.valor") set to the
 * JSON @value, or removed when @value is NULL. */
static GBytes *
mutated (const char *path, const char *value)
{
  g_autoptr(JsonNode) root = json_from_string (base_json, NULL);
  g_auto(GStrv) keys = g_strsplit (path, ".", -1);
  guint n = g_strv_length (keys);
  JsonObject *parent = json_node_get_object (root);
  g_autofree char *text = NULL;

  for (guint i = 0; i + 1 < n; i++)
    parent = json_object_get_object_member (parent, keys[i]);
  g_assert_nonnull (parent);
  if (value == NULL)
    {
      g_assert_true (json_object_has_member (parent, keys[n - 1]));
      json_object_remove_member (parent, keys[n - 1]);
    }
  else
    json_object_set_member (parent, keys[n - 1], json_from_string (value, NULL));
  text = json_to_string (root, FALSE);
  return bytes_from_string (text);
}

static EmRuleSet *
load_ok (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  EmRuleSet *rules = em_rule_set_new_from_bytes (bytes, &error);

  g_assert_no_error (error);
  g_assert_true (EM_IS_RULE_SET (rules));
  return rules;
}

static EmRuleSet *
load_mutated_ok (const char *path, const char *value)
{
  g_autoptr(GBytes) bytes = mutated (path, value);

  return load_ok (bytes);
}

static EmRuleSet *
load_builtin (void)
{
  g_autoptr(GError) error = NULL;
  EmRuleSet *rules = em_rule_set_new_builtin (EM_RULE_SET_DEFAULT_ID, &error);

  g_assert_no_error (error);
  g_assert_nonnull (rules);
  return rules;
}

/* Loading fails with EM_DATA_FILE_ERROR @code, and also fails when the
 * caller does not ask for the error. */
static GError *
load_fails (GBytes *bytes, int code)
{
  GError *error = NULL;
  EmRuleSet *rules = em_rule_set_new_from_bytes (bytes, &error);

  g_assert_null (rules);
  g_assert_error (error, EM_DATA_FILE_ERROR, code);
  g_test_message ("message: %s", error->message);
  g_assert_null (em_rule_set_new_from_bytes (bytes, NULL));
  return error;
}

/* ----------------------------------------------- the shipped rule set */

static void
test_builtin_values (void)
{
  g_autoptr(EmRuleSet) rules = load_builtin ();
  guint cartera = 0, inventario = 0, proveedores = 0;

  g_assert_cmpstr (em_rule_set_get_id (rules), ==, "res-anm-208-2017");
  g_assert_cmpstr (em_rule_set_get_name (rules), ==, "Resolución ANM 208 de 2017");
  g_assert_cmpint (em_rule_set_get_debt_capacity (rules), ==, 157000);
  em_rule_set_get_rotation_days (rules, &cartera, &inventario, &proveedores);
  g_assert_cmpuint (cartera, ==, 22);
  g_assert_cmpuint (inventario, ==, 25);
  g_assert_cmpuint (proveedores, ==, 16);
}

static void
test_builtin_thresholds (void)
{
  static const struct { EmIndicatorId id; EmComparison op; EmDecimal value; } expected[] = {
    { EM_INDICATOR_COBERTURA_INVERSION, EM_COMPARISON_GE, 1000000 },
    { EM_INDICATOR_LIQUIDEZ,            EM_COMPARISON_GE, 1240000 },
    { EM_INDICATOR_CAPITAL_TRABAJO,     EM_COMPARISON_GE, 40000 },
    { EM_INDICATOR_ENDEUDAMIENTO,       EM_COMPARISON_LE, 610000 },
  };
  g_autoptr(EmRuleSet) rules = load_builtin ();

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      EmThreshold t = em_rule_set_get_threshold (rules, expected[i].id);

      g_assert_cmpint (t.op, ==, expected[i].op);
      g_assert_cmpint (t.value, ==, expected[i].value);
    }
}

/* In force from its publication (27/04/2017) until Res. 171 of 19/04/2018. */
static void
test_builtin_validity_covers_both_ends_only (void)
{
  g_autoptr(EmRuleSet) rules = load_builtin ();
  g_autoptr(GDate) before = date_new (2017, 4, 26);
  g_autoptr(GDate) first = date_new (2017, 4, 27);
  g_autoptr(GDate) last = date_new (2018, 4, 19);
  g_autoptr(GDate) after = date_new (2018, 4, 20);
  g_autofree char *described = em_rule_set_describe_validity (rules);
  GDate from, until;

  g_assert_false (em_rule_set_covers_date (rules, before));
  g_assert_true (em_rule_set_covers_date (rules, first));
  g_assert_true (em_rule_set_covers_date (rules, last));
  g_assert_false (em_rule_set_covers_date (rules, after));
  em_rule_set_get_validity (rules, &from, &until);
  g_assert_cmpint (g_date_compare (&from, first), ==, 0);
  g_assert_cmpint (g_date_compare (&until, last), ==, 0);
  g_assert_cmpstr (described, ==, "del 27/04/2017 al 19/04/2018");
}

static void
test_builtin_legal_bases (void)
{
  static const struct { EmIndicatorId id; const char *basis; } indicators[] = {
    { EM_INDICATOR_COBERTURA_INVERSION, "Res. ANM 208/2017, art. 5 num. 1" },
    { EM_INDICATOR_CAPITAL_TRABAJO,     "Res. ANM 208/2017, art. 5 num. 2" },
    { EM_INDICATOR_LIQUIDEZ,            "Res. ANM 208/2017, art. 5 num. 3" },
    { EM_INDICATOR_ENDEUDAMIENTO,       "Res. ANM 208/2017, art. 5 num. 4" },
  };
  static const struct { EmBasis id; const char *basis; } others[] = {
    { EM_BASIS_AVAL_FINANCIERO,        "Res. ANM 208/2017, art. 2 lit. B num. 1" },
    { EM_BASIS_INFORMACION_INCOMPLETA, "Res. ANM 208/2017, art. 2 parágrafo 1" },
    { EM_BASIS_NO_SUBSANABLE,          "Res. ANM 208/2017, art. 5 parágrafo 2" },
  };
  g_autoptr(EmRuleSet) rules = load_builtin ();

  for (guint i = 0; i < G_N_ELEMENTS (indicators); i++)
    g_assert_cmpstr (em_rule_set_get_basis (rules, indicators[i].id), ==, indicators[i].basis);
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    g_assert_cmpstr (em_rule_set_get_other_basis (rules, others[i].id), ==, others[i].basis);
}

/* Art. 2 B.1: the aval covers liquidez or capital de trabajo, never
 * endeudamiento (nor the simplified régimen's cobertura). */
static void
test_builtin_aval_covers_liquidez_and_capital_only (void)
{
  g_autoptr(EmRuleSet) rules = load_builtin ();

  g_assert_true (em_rule_set_aval_covers (rules, EM_INDICATOR_LIQUIDEZ));
  g_assert_true (em_rule_set_aval_covers (rules, EM_INDICATOR_CAPITAL_TRABAJO));
  g_assert_false (em_rule_set_aval_covers (rules, EM_INDICATOR_ENDEUDAMIENTO));
  g_assert_false (em_rule_set_aval_covers (rules, EM_INDICATOR_COBERTURA_INVERSION));
}

static gboolean
is_lower_hex (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p) && !(*p >= 'a' && *p <= 'f'))
      return FALSE;
  return TRUE;
}

/* The fingerprint is of the file's bytes: 64 hex digits, the same for the
 * same bytes, different as soon as one byte differs. */
static void
test_sha256_identifies_the_content (void)
{
  g_autoptr(EmRuleSet) rules = load_builtin ();
  g_autoptr(GBytes) bytes = g_resource_lookup_data (em_core_get_resource (), BUILTIN_PATH,
                                                    G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autofree char *expected = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  g_autofree char *changed_text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_autoptr(GBytes) changed = NULL;
  g_autoptr(EmRuleSet) again = NULL, other = NULL;
  const char *sha = em_rule_set_get_sha256 (rules);

  g_assert_nonnull (sha);
  g_assert_cmpuint (strlen (sha), ==, 64);
  g_assert_true (is_lower_hex (sha));
  g_assert_cmpstr (sha, ==, expected);
  again = load_ok (bytes);
  g_assert_cmpstr (em_rule_set_get_sha256 (again), ==, sha);
  /* Same values, one more space: another file, another fingerprint. */
  changed = g_bytes_new_take (g_strconcat (changed_text, " ", NULL), g_bytes_get_size (bytes) + 1);
  other = load_ok (changed);
  g_assert_cmpint (em_rule_set_get_debt_capacity (other), ==, 157000);
  g_assert_cmpstr (em_rule_set_get_sha256 (other), !=, sha);
}

static void
test_list_builtin_contains_default (void)
{
  g_auto(GStrv) ids = em_rule_set_list_builtin ();

  g_assert_nonnull (ids);
  g_assert_true (g_strv_contains ((const char * const *) ids, EM_RULE_SET_DEFAULT_ID));
  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(EmRuleSet) rules = em_rule_set_new_builtin (ids[i], &error);

      g_assert_no_error (error);
      g_assert_cmpstr (em_rule_set_get_id (rules), ==, ids[i]);
    }
}

static void
test_unknown_builtin_is_an_error (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_null (em_rule_set_new_builtin ("res-anm-171-2018", &error));
  g_assert_error (error, EM_DATA_FILE_ERROR, EM_DATA_FILE_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "«res-anm-171-2018»"));
}

/* ------------------------------------------------- another rule set */

static char *
test_data_path (const char *name)
{
  const char *dir = g_getenv ("EM_TEST_DATA");

  g_assert_nonnull (dir);
  return g_build_filename (dir, name, NULL);
}

static void
assert_alternative_values (EmRuleSet *rules)
{
  guint cartera = 0, inventario = 0, proveedores = 0;
  EmThreshold t;
  g_autoptr(GDate) far_future = date_new (2999, 12, 31);
  g_autoptr(GDate) day_before = date_new (2018, 4, 19);

  g_assert_cmpstr (em_rule_set_get_id (rules), ==, "reglas-alternativa");
  g_assert_cmpint (em_rule_set_get_debt_capacity (rules), ==, 250000);
  em_rule_set_get_rotation_days (rules, &cartera, &inventario, &proveedores);
  g_assert_cmpuint (cartera, ==, 30);
  g_assert_cmpuint (inventario, ==, 45);
  g_assert_cmpuint (proveedores, ==, 20);
  t = em_rule_set_get_threshold (rules, EM_INDICATOR_COBERTURA_INVERSION);
  g_assert_cmpint (t.op, ==, EM_COMPARISON_GT);
  g_assert_cmpint (t.value, ==, 1500000);
  t = em_rule_set_get_threshold (rules, EM_INDICATOR_CAPITAL_TRABAJO);
  g_assert_cmpint (t.value, ==, 1);
  t = em_rule_set_get_threshold (rules, EM_INDICATOR_ENDEUDAMIENTO);
  g_assert_cmpint (t.op, ==, EM_COMPARISON_LT);
  g_assert_cmpint (t.value, ==, 500000);
  g_assert_true (em_rule_set_aval_covers (rules, EM_INDICATOR_LIQUIDEZ));
  g_assert_false (em_rule_set_aval_covers (rules, EM_INDICATOR_CAPITAL_TRABAJO));
  g_assert_cmpstr (em_rule_set_get_basis (rules, EM_INDICATOR_LIQUIDEZ), ==, "Regla alternativa, art. 2");
  g_assert_cmpstr (em_rule_set_get_other_basis (rules, EM_BASIS_NO_SUBSANABLE), ==,
                   "Regla alternativa, art. 7");
  g_assert_true (em_rule_set_covers_date (rules, far_future));
  g_assert_false (em_rule_set_covers_date (rules, day_before));
}

static void
test_loads_another_rule_set_from_bytes (void)
{
  g_autofree char *path = test_data_path ("reglas-alternativa.json");
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(EmRuleSet) rules = NULL;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  bytes = g_bytes_new (contents, length);
  rules = load_ok (bytes);
  assert_alternative_values (rules);
}

static void
test_loads_another_rule_set_from_file (void)
{
  g_autofree char *path = test_data_path ("reglas-alternativa.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(EmRuleSet) rules = em_rule_set_new_from_file (file, &error);

  g_assert_no_error (error);
  assert_alternative_values (rules);
}

static void
test_missing_file_names_the_file (void)
{
  g_autofree char *path = test_data_path ("reglas-que-no-existe.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_null (em_rule_set_new_from_file (file, &error));
  g_assert_error (error, EM_DATA_FILE_ERROR, EM_DATA_FILE_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "No se pudo leer el archivo de reglas"));
  g_assert_nonnull (strstr (error->message, "reglas-que-no-existe.json"));
}

static void
test_bad_file_names_the_file_and_the_key (void)
{
  g_autofree char *path = test_data_path ("reglas-umbral-con-coma.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_null (em_rule_set_new_from_file (file, &error));
  g_assert_error (error, EM_DATA_FILE_ERROR, EM_DATA_FILE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "reglas-umbral-con-coma.json"));
  g_assert_nonnull (strstr (error->message, "umbrales.liquidez.valor: «1,24»"));
}

/* -------------------------------------------------- optional parts */

/* "hasta": null is an open-ended vigencia. */
static void
test_open_ended_validity (void)
{
  g_autoptr(EmRuleSet) rules = load_mutated_ok ("vigencia.hasta", "null");
  g_autoptr(GDate) far_future = date_new (2999, 12, 31);
  g_autoptr(GDate) first = date_new (2017, 4, 27);
  g_autoptr(GDate) before = date_new (2017, 4, 26);
  g_autofree char *described = em_rule_set_describe_validity (rules);
  GDate from, until;

  g_assert_true (em_rule_set_covers_date (rules, far_future));
  g_assert_true (em_rule_set_covers_date (rules, first));
  g_assert_false (em_rule_set_covers_date (rules, before));
  em_rule_set_get_validity (rules, &from, &until);
  g_assert_false (g_date_valid (&until));
  g_assert_cmpstr (described, ==, "desde el 27/04/2017");
}

static void
test_one_day_validity (void)
{
  g_autoptr(EmRuleSet) rules = load_mutated_ok ("vigencia.hasta", "\"2017-04-27\"");
  g_autoptr(GDate) day = date_new (2017, 4, 27);
  g_autoptr(GDate) next = date_new (2017, 4, 28);

  g_assert_true (em_rule_set_covers_date (rules, day));
  g_assert_false (em_rule_set_covers_date (rules, next));
}

/* Without "fundamentos" every basis is the rule set's own name. */
static void
test_without_fundamentos_basis_is_the_name (void)
{
  g_autoptr(EmRuleSet) rules = load_mutated_ok ("fundamentos", NULL);

  for (guint i = 0; i < EM_N_INDICATORS; i++)
    g_assert_cmpstr (em_rule_set_get_basis (rules, i), ==, "Base de prueba");
  for (guint i = 0; i < EM_N_BASES; i++)
    g_assert_cmpstr (em_rule_set_get_other_basis (rules, i), ==, "Base de prueba");
}

static void
test_partial_fundamentos_fall_back_to_the_name (void)
{
  g_autoptr(EmRuleSet) rules =
    load_mutated_ok ("fundamentos", "{\"liquidez\": \"Art. 3\", \"endeudamiento\": \"\","
                                    " \"no_subsanable\": null}");

  g_assert_cmpstr (em_rule_set_get_basis (rules, EM_INDICATOR_LIQUIDEZ), ==, "Art. 3");
  g_assert_cmpstr (em_rule_set_get_basis (rules, EM_INDICATOR_ENDEUDAMIENTO), ==, "Base de prueba");
  g_assert_cmpstr (em_rule_set_get_basis (rules, EM_INDICATOR_CAPITAL_TRABAJO), ==, "Base de prueba");
  g_assert_cmpstr (em_rule_set_get_other_basis (rules, EM_BASIS_NO_SUBSANABLE), ==, "Base de prueba");
}

static void
test_aval_cubre_is_data (void)
{
  g_autoptr(EmRuleSet) absent = load_mutated_ok ("aval_cubre", NULL);
  g_autoptr(EmRuleSet) none = load_mutated_ok ("aval_cubre", "[]");
  g_autoptr(EmRuleSet) one = load_mutated_ok ("aval_cubre", "[\"capital_trabajo\"]");

  /* Absent: the Res. 208/2017 reading, liquidez and capital de trabajo. */
  g_assert_true (em_rule_set_aval_covers (absent, EM_INDICATOR_LIQUIDEZ));
  g_assert_true (em_rule_set_aval_covers (absent, EM_INDICATOR_CAPITAL_TRABAJO));
  g_assert_false (em_rule_set_aval_covers (absent, EM_INDICATOR_ENDEUDAMIENTO));
  for (guint i = 0; i < EM_N_INDICATORS; i++)
    g_assert_false (em_rule_set_aval_covers (none, i));
  g_assert_false (em_rule_set_aval_covers (one, EM_INDICATOR_LIQUIDEZ));
  g_assert_true (em_rule_set_aval_covers (one, EM_INDICATOR_CAPITAL_TRABAJO));
}

/* The limits are inclusive: CE 10, threshold 1000, 0 and 360 days. */
static void
test_limits_are_inclusive (void)
{
  g_autoptr(EmRuleSet) ce = load_mutated_ok ("capacidad_endeudamiento", "\"10\"");
  g_autoptr(EmRuleSet) threshold = load_mutated_ok ("umbrales.liquidez.valor", "\"1000\"");
  g_autoptr(EmRuleSet) max_days = load_mutated_ok ("dias_rotacion.cartera", "360");
  g_autoptr(EmRuleSet) no_days = load_mutated_ok ("dias_rotacion.proveedores", "0");
  g_autoptr(EmRuleSet) fine = load_mutated_ok ("umbrales.liquidez.valor", "\"1.240001\"");
  guint c, i, p;

  g_assert_cmpint (em_rule_set_get_debt_capacity (ce), ==, 10 * EM_DECIMAL_ONE);
  g_assert_cmpint (em_rule_set_get_threshold (threshold, EM_INDICATOR_LIQUIDEZ).value, ==,
                   EM_RULE_SET_MAX_THRESHOLD);
  em_rule_set_get_rotation_days (max_days, &c, &i, &p);
  g_assert_cmpuint (c, ==, 360);
  em_rule_set_get_rotation_days (no_days, &c, &i, &p);
  g_assert_cmpuint (p, ==, 0);
  g_assert_cmpint (em_rule_set_get_threshold (fine, EM_INDICATOR_LIQUIDEZ).value, ==, 1240001);
}

/* ---------------------------------------------------------- errors */

typedef struct
{
  const char *path;     /* where base_json is changed */
  const char *value;    /* the new JSON value, or NULL to remove the key */
  const char *where;    /* the key path the message must start with */
  const char *says;     /* what it must say is wrong */
} Broken;

static void
assert_all_broken (const Broken *cases, gsize n)
{
  for (gsize i = 0; i < n; i++)
    {
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *prefix = g_strconcat (cases[i].where, ": ", NULL);

      g_test_message ("%s = %s", cases[i].path, cases[i].value ? cases[i].value : "(removed)");
      bytes = mutated (cases[i].path, cases[i].value);
      error = load_fails (bytes, EM_DATA_FILE_ERROR_INVALID);
      g_assert_true (g_str_has_prefix (error->message, prefix));
      g_assert_nonnull (strstr (error->message, cases[i].says));
    }
}

static void
test_missing_keys_are_named (void)
{
  static const Broken cases[] = {
    { "id",                            NULL, "id",                            "falta esta clave" },
    { "nombre",                        NULL, "nombre",                        "falta esta clave" },
    { "vigencia",                      NULL, "vigencia",                      "falta esta clave" },
    { "capacidad_endeudamiento",       NULL, "capacidad_endeudamiento",       "falta esta clave" },
    { "dias_rotacion",                 NULL, "dias_rotacion",                 "falta esta clave" },
    { "umbrales",                      NULL, "umbrales",                      "falta esta clave" },
    { "vigencia.desde",                NULL, "vigencia.desde",                "falta esta clave" },
    { "dias_rotacion.cartera",         NULL, "dias_rotacion.cartera",         "falta esta clave" },
    { "dias_rotacion.proveedores",     NULL, "dias_rotacion.proveedores",     "falta esta clave" },
    { "umbrales.liquidez",             NULL, "umbrales.liquidez",             "falta esta clave" },
    { "umbrales.endeudamiento",        NULL, "umbrales.endeudamiento",        "falta esta clave" },
    { "umbrales.liquidez.valor",       NULL, "umbrales.liquidez.valor",       "falta esta clave" },
    { "umbrales.endeudamiento.comparacion", NULL, "umbrales.endeudamiento.comparacion",
      "falta esta clave" },
  };

  assert_all_broken (cases, G_N_ELEMENTS (cases));
}

/* A misspelt key must never silently become a missing value. */
static void
test_unknown_keys_are_named (void)
{
  static const Broken cases[] = {
    { "extra",                      "1",        "extra",                      "clave desconocida" },
    { "umbrales.liquidez.valr",     "\"1.3\"",  "umbrales.liquidez.valr",     "clave desconocida" },
    { "umbrales.solvencia",         "{}",       "umbrales.solvencia",         "clave desconocida" },
    { "vigencia.hasat",             "null",     "vigencia.hasat",             "clave desconocida" },
    { "dias_rotacion.caja",         "10",       "dias_rotacion.caja",         "clave desconocida" },
    { "fundamentos.liquides",       "\"x\"",    "fundamentos.liquides",       "clave desconocida" },
    { "fundamentos.cartera",        "\"x\"",    "fundamentos.cartera",        "clave desconocida" },
  };

  assert_all_broken (cases, G_N_ELEMENTS (cases));
}

static void
test_wrong_types_are_named (void)
{
  static const Broken cases[] = {
    { "id",                          "5",         "id",                       "debe ser un texto" },
    { "nombre",                      "null",      "nombre",                   "debe ser un texto" },
    { "vigencia",                    "\"2017\"",  "vigencia",                 "debe ser un objeto" },
    { "vigencia.desde",              "20170427",  "vigencia.desde",           "debe ser un texto" },
    { "vigencia.desde",              "null",      "vigencia.desde",           "debe ser un texto" },
    { "capacidad_endeudamiento",     "0.157",     "capacidad_endeudamiento",  "debe ser un texto" },
    { "dias_rotacion",               "[22, 25, 16]", "dias_rotacion",         "debe ser un objeto" },
    { "dias_rotacion.cartera",       "\"22\"",    "dias_rotacion.cartera",    "debe ser un número entero" },
    { "umbrales",                    "[]",        "umbrales",                 "debe ser un objeto" },
    { "umbrales.liquidez",           "\"1.24\"",  "umbrales.liquidez",        "debe ser un objeto" },
    { "umbrales.liquidez.valor",     "1.24",      "umbrales.liquidez.valor",  "debe ser un texto" },
    { "umbrales.liquidez.comparacion", "true",    "umbrales.liquidez.comparacion", "debe ser un texto" },
    { "aval_cubre",                  "\"liquidez\"", "aval_cubre",            "debe ser una lista" },
    { "fundamentos",                 "\"Res. 208\"", "fundamentos",           "debe ser un objeto" },
    { "fundamentos.liquidez",        "5",         "fundamentos.liquidez",     "debe ser un texto" },
  };

  assert_all_broken (cases, G_N_ELEMENTS (cases));
}

static void
test_bad_identity (void)
{
  static const Broken cases[] = {
    { "id",     "\"Res ANM 208\"", "id",     "«Res ANM 208» no sirve como identificador" },
    { "id",     "\"\"",            "id",     "no sirve como identificador" },
    { "id",     "\"res/208\"",     "id",     "no sirve como identificador" },
    { "nombre", "\"   \"",         "nombre", "no puede estar vacío" },
  };

  assert_all_broken (cases, G_N_ELEMENTS (cases));
}

static void
test_bad_comparisons (void)
{
  static const Broken cases[] = {
    { "umbrales.liquidez.comparacion", "\"=>\"", "umbrales.liquidez.comparacion",
      "«=>» no es una comparación: use «>=», «>», «<=» o «<»" },
    { "umbrales.endeudamiento.comparacion", "\"=<\"", "umbrales.endeudamiento.comparacion",
      "«=<» no es una comparación" },
    { "umbrales.capital_trabajo.comparacion", "\"≥\"", "umbrales.capital_trabajo.comparacion",
      "no es una comparación" },
    { "umbrales.cobertura_inversion.comparacion", "\"==\"", "umbrales.cobertura_inversion.comparacion",
      "no es una comparación" },
  };

  assert_all_broken (cases, G_N_ELEMENTS (cases));
}

static void
test_bad_decimals (void)
{
  static const Broken cases[] = {
    { "umbrales.liquidez.valor", "\"1,24\"",      "umbrales.liquidez.valor", "«1,24» no es un número válido" },
    { "umbrales.liquidez.valor", "\"\"",          "umbrales.liquidez.valor", "no es un número válido" },
    { "umbrales.liquidez.valor", "\"1.24 \"",     "umbrales.liquidez.valor", "no es un número válido" },
    { "umbrales.liquidez.valor", "\"124%\"",      "umbrales.liquidez.valor", "no es un número válido" },
    { "umbrales.liquidez.valor", "\"1e0\"",       "umbrales.liquidez.valor", "no es un número válido" },
    { "umbrales.liquidez.valor", "\"-1\"",        "umbrales.liquidez.valor", "no puede ser negativo" },
    { "umbrales.liquidez.valor", "\"1.2400001\"", "umbrales.liquidez.valor", "tiene más de 6 decimales" },
    { "umbrales.liquidez.valor", "\"1000.000001\"", "umbrales.liquidez.valor",
      "«1000.000001» es mayor que el máximo admitido, 1000" },
    { "umbrales.endeudamiento.valor", "\"1001\"", "umbrales.endeudamiento.valor",
      "es mayor que el máximo admitido, 1000" },
    { "capacidad_endeudamiento", "\"10.000001\"", "capacidad_endeudamiento",
      "«10.000001» es mayor que el máximo admitido, 10" },
    { "capacidad_endeudamiento", "\"15.7\"",      "capacidad_endeudamiento", "es mayor que el máximo admitido" },
    { "capacidad_endeudamiento", "\"15,7%\"",     "capacidad_endeudamiento", "no es un número válido" },
  };

  assert_all_broken (cases, G_N_ELEMENTS (cases));
}

static void
test_bad_rotation_days (void)
{
  static const Broken cases[] = {
    { "dias_rotacion.cartera",     "361",  "dias_rotacion.cartera",     "debe estar entre 0 y 360" },
    { "dias_rotacion.inventario",  "-1",   "dias_rotacion.inventario",  "debe estar entre 0 y 360" },
    { "dias_rotacion.proveedores", "16.5", "dias_rotacion.proveedores", "debe ser un número entero" },
    { "dias_rotacion.cartera",     "22.0", "dias_rotacion.cartera",     "debe ser un número entero" },
    { "dias_rotacion.cartera",     "null", "dias_rotacion.cartera",     "debe ser un número entero" },
  };

  assert_all_broken (cases, G_N_ELEMENTS (cases));
}

static void
test_bad_dates (void)
{
  static const Broken cases[] = {
    { "vigencia.desde", "\"2017-02-30\"", "vigencia.desde", "«2017-02-30» no es una fecha del calendario" },
    { "vigencia.desde", "\"27/04/2017\"", "vigencia.desde", "«27/04/2017» no es una fecha AAAA-MM-DD" },
    { "vigencia.desde", "\"2017-4-27\"",  "vigencia.desde", "no es una fecha AAAA-MM-DD" },
    { "vigencia.desde", "\"2017-04-27T00:00\"", "vigencia.desde", "no es una fecha AAAA-MM-DD" },
    { "vigencia.hasta", "\"2018-13-01\"", "vigencia.hasta", "no es una fecha del calendario" },
    { "vigencia.hasta", "\"\"",           "vigencia.hasta", "no es una fecha AAAA-MM-DD" },
    { "vigencia.hasta", "20180419",       "vigencia.hasta", "debe ser un texto" },
    { "vigencia.hasta", "\"2017-04-26\"", "vigencia.hasta", "es anterior a «desde»" },
  };

  assert_all_broken (cases, G_N_ELEMENTS (cases));
}

/* The aval never covers cobertura de inversión (régimen simplificado:
 * failing it is not subsanable, Art. 5 parágrafo 2). */
static void
test_bad_aval_cubre (void)
{
  static const Broken cases[] = {
    { "aval_cubre", "[\"cobertura_inversion\"]", "aval_cubre",
      "el elemento 1 no es «liquidez», «capital_trabajo» ni «endeudamiento»" },
    { "aval_cubre", "[\"liquidez\", \"solvencia\"]", "aval_cubre", "el elemento 2 no es" },
    { "aval_cubre", "[1]",                      "aval_cubre", "el elemento 1 no es" },
    { "aval_cubre", "[[\"liquidez\"]]",         "aval_cubre", "el elemento 1 no es" },
    { "aval_cubre", "[null]",                   "aval_cubre", "el elemento 1 no es" },
  };

  assert_all_broken (cases, G_N_ELEMENTS (cases));
}

static void
test_not_a_json_object (void)
{
  static const struct { const char *text; gssize length; const char *says; } cases[] = {
    { "{\"id\": \"x\",",     -1, "el archivo no es JSON válido" },
    { "{\"id\": }",          -1, "el archivo no es JSON válido" },
    { "no es json",          -1, "el archivo no es JSON válido" },
    { "[1, 2]",              -1, "el archivo debe contener un objeto JSON" },
    { "\"texto\"",           -1, "el archivo debe contener un objeto JSON" },
    { "",                    -1, "el archivo debe contener un objeto JSON" },
    { "{\"id\": \"r\xe9s\"}", -1, "el archivo no es texto UTF-8 válido" },
    { "\xff\xfe{\0}\0",       6, "el archivo no es texto UTF-8 válido" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gsize len = cases[i].length < 0 ? strlen (cases[i].text) : (gsize) cases[i].length;
      g_autoptr(GBytes) bytes = g_bytes_new (cases[i].text, len);
      g_autoptr(GError) error = NULL;

      g_test_message ("case %u", i);
      error = load_fails (bytes, EM_DATA_FILE_ERROR_PARSE);
      g_assert_nonnull (strstr (error->message, cases[i].says));
    }
}

/* {"id": [[[…]]]} nested @depth deep. */
static GBytes *
nested (guint depth)
{
  GString *text = g_string_new ("{\"id\": ");

  for (guint i = 0; i < depth; i++)
    g_string_append_c (text, '[');
  for (guint i = 0; i < depth; i++)
    g_string_append_c (text, ']');
  g_string_append_c (text, '}');
  return g_string_free_to_bytes (text);
}

/* json-glib's parser recurses once per level: a file nested a million deep
 * used to exhaust the stack (found by fuzzing the rule-set loader).  Every
 * data-file loader now refuses deep nesting before parsing. */
static void
test_deep_nesting_refused_in_every_data_file (void)
{
  static const guint depths[] = { EM_JSON_MAX_DEPTH, 10000, 1000000 };

  for (guint i = 0; i < G_N_ELEMENTS (depths); i++)
    {
      g_autoptr(GBytes) bytes = nested (depths[i]);
      g_autoptr(GError) rules_error = NULL;
      g_autoptr(GError) schedule_error = NULL;
      g_autoptr(GError) table_error = NULL;
      gboolean too_deep = depths[i] >= EM_JSON_MAX_DEPTH;   /* the object itself is one level more */

      g_assert_null (em_rule_set_new_from_bytes (bytes, &rules_error));
      g_assert_null (em_tariff_schedule_new_from_bytes (bytes, &schedule_error));
      g_assert_null (em_tariff_table_new_from_bytes (bytes, &table_error));
      g_test_message ("%u: %s", depths[i], rules_error->message);
      g_assert_true ((strstr (rules_error->message, "niveles") != NULL) == too_deep);
      g_assert_true ((strstr (schedule_error->message, "niveles") != NULL) == too_deep);
      g_assert_true ((strstr (table_error->message, "niveles") != NULL) == too_deep);
    }
}

/* Just within the limit, the file is judged on its content. */
static void
test_nesting_within_the_limit_is_judged_on_content (void)
{
  g_autoptr(GBytes) bytes = nested (EM_JSON_MAX_DEPTH - 1);
  g_autoptr(GError) error = load_fails (bytes, EM_DATA_FILE_ERROR_INVALID);

  g_assert_nonnull (strstr (error->message, "id: debe ser un texto"));
}

/* json-glib would keep the last of two equal keys: a repeated key in a rule
 * file would silently replace a threshold.  It is an error, named. */
static void
test_repeated_keys_are_named (void)
{
  static const struct { const char *find, *replace, *where; } cases[] = {
    { "\"valor\": \"1.24\"", "\"valor\": \"1.24\", \"valor\": \"0.5\"", "umbrales.liquidez.valor" },
    { "\"capacidad_endeudamiento\": \"0.157\"",
      "\"capacidad_endeudamiento\": \"0.157\", \"capacidad_endeudamiento\": \"0.157\"",
      "capacidad_endeudamiento" },
    { "\"cartera\": 22", "\"cartera\": 22, \"cartera\": 30", "dias_rotacion.cartera" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) text = g_string_new (base_json);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *expected = g_strconcat (cases[i].where, ": el campo aparece más de una vez", NULL);

      g_assert_cmpuint (g_string_replace (text, cases[i].find, cases[i].replace, 1), ==, 1);
      bytes = bytes_from_string (text->str);
      error = load_fails (bytes, EM_DATA_FILE_ERROR_INVALID);
      g_assert_cmpstr (error->message, ==, expected);
    }
}

static void
test_base_is_valid (void)
{
  g_autoptr(GBytes) bytes = bytes_from_string (base_json);
  g_autoptr(EmRuleSet) rules = load_ok (bytes);

  g_assert_cmpstr (em_rule_set_get_id (rules), ==, "base");
  g_assert_cmpstr (em_rule_set_get_basis (rules, EM_INDICATOR_LIQUIDEZ), ==, "Art. de prueba");
}

/* The shipped files can be first read from several threads at once (the
 * summaries' worker threads, the import's evaluating thread).  GLib 2.74
 * registers a compiled-in resource when it is first asked for, and a thread
 * that asks while another registers it got no resource at all (a crash).
 * Each round is a new process, where nothing has read the resource yet. */
#define FIRST_READERS 8

typedef struct
{
  GMutex   lock;
  GCond    go;
  gboolean started;
} StartLine;

static gpointer
read_builtin_at_start (gpointer data)
{
  StartLine *line = data;
  g_autoptr(EmRuleSet) rules = NULL;

  g_mutex_lock (&line->lock);
  while (!line->started)
    g_cond_wait (&line->go, &line->lock);
  g_mutex_unlock (&line->lock);
  rules = em_rule_set_new_builtin (EM_RULE_SET_DEFAULT_ID, NULL);
  return GINT_TO_POINTER (rules != NULL);
}

static void
read_builtin_from_many_threads (void)
{
  StartLine line = { 0 };
  GThread *readers[FIRST_READERS];

  g_mutex_init (&line.lock);
  g_cond_init (&line.go);
  for (guint i = 0; i < FIRST_READERS; i++)
    readers[i] = g_thread_new ("lector", read_builtin_at_start, &line);
  g_usleep (20000);
  g_mutex_lock (&line.lock);
  line.started = TRUE;
  g_cond_broadcast (&line.go);
  g_mutex_unlock (&line.lock);
  for (guint i = 0; i < FIRST_READERS; i++)
    g_assert_true (GPOINTER_TO_INT (g_thread_join (readers[i])));
}

static void
test_builtin_first_read_from_many_threads (void)
{
  if (g_test_subprocess ())
    {
      read_builtin_from_many_threads ();
      return;
    }
  for (guint round = 0; round < 40; round++)
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
      g_test_trap_assert_passed ();
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rule-set/builtin/values", test_builtin_values);
  g_test_add_func ("/rule-set/builtin/thresholds", test_builtin_thresholds);
  g_test_add_func ("/rule-set/builtin/validity-covers-both-ends-only",
                   test_builtin_validity_covers_both_ends_only);
  g_test_add_func ("/rule-set/builtin/legal-basis-of-each-indicator", test_builtin_legal_bases);
  g_test_add_func ("/rule-set/builtin/aval-covers-liquidez-and-capital-only",
                   test_builtin_aval_covers_liquidez_and_capital_only);
  g_test_add_func ("/rule-set/builtin/sha256-identifies-the-content", test_sha256_identifies_the_content);
  g_test_add_func ("/rule-set/builtin/list-contains-default", test_list_builtin_contains_default);
  g_test_add_func ("/rule-set/builtin/unknown-id-is-an-error", test_unknown_builtin_is_an_error);
  g_test_add_func ("/rule-set/builtin/first-read-from-many-threads", test_builtin_first_read_from_many_threads);
  g_test_add_func ("/rule-set/other/base-fixture-is-valid", test_base_is_valid);
  g_test_add_func ("/rule-set/other/loads-from-bytes", test_loads_another_rule_set_from_bytes);
  g_test_add_func ("/rule-set/other/loads-from-file", test_loads_another_rule_set_from_file);
  g_test_add_func ("/rule-set/other/missing-file-names-the-file", test_missing_file_names_the_file);
  g_test_add_func ("/rule-set/other/bad-file-names-the-file-and-the-key",
                   test_bad_file_names_the_file_and_the_key);
  g_test_add_func ("/rule-set/optional/hasta-null-is-open-ended", test_open_ended_validity);
  g_test_add_func ("/rule-set/optional/one-day-validity", test_one_day_validity);
  g_test_add_func ("/rule-set/optional/no-fundamentos-basis-is-the-name",
                   test_without_fundamentos_basis_is_the_name);
  g_test_add_func ("/rule-set/optional/partial-fundamentos-fall-back-to-the-name",
                   test_partial_fundamentos_fall_back_to_the_name);
  g_test_add_func ("/rule-set/optional/aval-cubre-is-data", test_aval_cubre_is_data);
  g_test_add_func ("/rule-set/optional/limits-are-inclusive", test_limits_are_inclusive);
  g_test_add_func ("/rule-set/error/missing-keys-are-named", test_missing_keys_are_named);
  g_test_add_func ("/rule-set/error/unknown-keys-are-named", test_unknown_keys_are_named);
  g_test_add_func ("/rule-set/error/wrong-types-are-named", test_wrong_types_are_named);
  g_test_add_func ("/rule-set/error/bad-identity", test_bad_identity);
  g_test_add_func ("/rule-set/error/comparison-must-be-one-of-four", test_bad_comparisons);
  g_test_add_func ("/rule-set/error/decimals-are-exact-and-bounded", test_bad_decimals);
  g_test_add_func ("/rule-set/error/rotation-days-are-integers-0-to-360", test_bad_rotation_days);
  g_test_add_func ("/rule-set/error/dates-are-real-aaaa-mm-dd", test_bad_dates);
  g_test_add_func ("/rule-set/error/aval-never-covers-cobertura", test_bad_aval_cubre);
  g_test_add_func ("/rule-set/error/repeated-keys-are-named", test_repeated_keys_are_named);
  g_test_add_func ("/rule-set/error/not-a-json-object", test_not_a_json_object);
  g_test_add_func ("/rule-set/error/deep-nesting-refused-in-every-data-file",
                   test_deep_nesting_refused_in_every_data_file);
  g_test_add_func ("/rule-set/error/nesting-within-the-limit-is-judged-on-content",
                   test_nesting_within_the_limit_is_judged_on_content);

  return g_test_run ();
}
