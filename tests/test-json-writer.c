/* test-json-writer.c — em-json-writer writes what json-glib writes, byte for byte
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The history's hashes were defined over json-glib's output; the faster
 * writer must never change one of them.
 */
#include "config.h"

#include <string.h>

#include "em-case-chain.h"
#include "em-case-evaluation.h"
#include "em-json-writer.h"

static char *
json_glib_text (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  json_generator_set_root (generator, node);
  return json_generator_to_data (generator, NULL);
}

static void
assert_same (JsonNode *node)
{
  g_autofree char *expected = json_glib_text (node);
  g_autofree char *written = em_json_node_to_text (node);

  g_assert_cmpstr (written, ==, expected);
}

static void
test_every_byte_in_strings (void)
{
  for (guint c = 1; c < 256; c++)
    {
      char text[] = { 'a', (char) c, 'z', (char) c, '\0' };
      g_autoptr(JsonNode) node = json_node_new (JSON_NODE_VALUE);

      json_node_set_string (node, text);
      assert_same (node);
    }
}

/* A string written after other text, as json-glib writes it alone. */
static void
assert_string_same (const char *text)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_VALUE);
  g_autofree char *alone = NULL, *expected = NULL;
  g_autoptr(GString) written = g_string_new ("[1,");

  json_node_set_string (node, text);
  alone = json_glib_text (node);
  expected = g_strconcat ("[1,", alone, NULL);
  em_json_write_string (written, text);
  g_assert_cmpstr (written->str, ==, expected);
  g_assert_cmpuint (written->len, ==, strlen (expected));
}

/* Escapes first, last, side by side and between long runs; texts longer
 * than the writer makes room for at once, all of them escapes or none. */
static void
test_escapes_anywhere (void)
{
  const char *pieces[] = { "\"", "\\", "\n", "\x01", "\x7f", "\x1f", "ñ", "€", "😀", "a", "abcdefghij" };
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);

  assert_string_same ("");
  assert_string_same ("\"");
  assert_string_same ("\"\\\n\x01");
  assert_string_same ("\x01plain text in between\x7f");
  for (guint length = 250; length < 1100; length += 37)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      g_autoptr(GString) escapes = g_string_new (NULL);
      g_autoptr(GString) plain = g_string_new (NULL);

      while (text->len < length)
        g_string_append (text, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
      for (guint i = 0; i < length; i++)
        {
          g_string_append_c (escapes, i % 2 ? '\x01' : '"');
          g_string_append_c (plain, 'a' + i % 26);
        }
      assert_string_same (text->str);
      assert_string_same (escapes->str);
      assert_string_same (plain->str);
    }
}

static void
test_integers (void)
{
  const gint64 values[] = { 0, 1, -1, 9, 10, 99, 100, -100, 1234567890123, G_MAXINT64, G_MININT64, G_MININT64 + 1 };

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autoptr(GString) written = g_string_new ("n");
      g_autofree char *expected = g_strdup_printf ("n%" G_GINT64_FORMAT, values[i]);

      em_json_write_int (written, values[i]);
      g_assert_cmpstr (written->str, ==, expected);
    }
}

static void
test_values_arrays_objects (void)
{
  g_autoptr(JsonNode) node = json_from_string (
      "{\"a\":1,\"b\":-9223372036854775807,\"c\":1.5,\"d\":2.0,\"e\":1e300,\"f\":true,\"g\":false,\"h\":null,"
      "\"i\":[],\"j\":{},\"k\":[1,[2,{\"x\\\"y\":\"ñandú\\u0001\\t\\\\\"}],null],\"z\":\"\",\"m\\n\":\"€😀\"}", NULL);

  g_assert_nonnull (node);
  assert_same (node);
}

/* Real verdicts of both kinds, as the store keeps them. */
static void
test_verdicts_of_both_kinds (void)
{
  const char *inputs[][2] = {
    { "capacidad", "{\"regimen\":\"comun\",\"nombre\":\"Minerales Ñandú S.A.S.\",\"activo_corriente\":\"124\","
                   "\"pasivo_corriente\":\"100\",\"activo_total\":\"1000\",\"pasivo_total\":\"610\","
                   "\"ingresos_operacionales\":\"600\"}" },
    { "capacidad", "{\"regimen\":\"simplificado\",\"nombre\":\"José \\\"Pepe\\\" Pérez\",\"ingresos_ultimo_ano\":\"1\","
                   "\"cuentas_por_cobrar\":\"1000\",\"inventario\":\"0\",\"cuentas_por_pagar\":\"0\"}" },
    { "tarifa", "{\"etapa\":\"explotacion\",\"grupo_mineral\":\"carbon\",\"sistema\":\"subterraneo\","
                "\"produccion_anual\":\"70000\",\"titular\":\"Carbones de Boyacá\",\"pin\":true,"
                "\"nivel_cumplimiento\":\"bajo\"}" },
  };
  g_autoptr(EmEvaluator) evaluator = em_evaluator_new_default (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(GError) error = NULL;
      EmCaseKind kind;
      g_autoptr(EmEvaluation) evaluation = NULL;
      g_autoptr(JsonNode) input = NULL;

      g_assert_true (em_case_kind_parse (inputs[i][0], &kind));
      evaluation = em_evaluator_evaluate_text (evaluator, kind, inputs[i][1], FALSE, &error);
      g_assert_no_error (error);
      assert_same (em_evaluation_get_result (evaluation));
      input = json_from_string (em_evaluation_get_record (evaluation)->input_json, NULL);
      assert_same (input);
    }
}

static void
assert_text_is_tree (EmEvaluation *evaluation)
{
  const EmEvaluationRecord *record = em_evaluation_get_record (evaluation);
  g_autofree char *tree_text = em_json_node_to_text (em_evaluation_get_result (evaluation));
  g_autoptr(JsonNode) input = json_from_string (record->input_json, NULL);

  g_assert_cmpstr (record->result_json, ==, tree_text);
  g_assert_nonnull (input);
  assert_same (input);
}

static const char *capacity_inputs[] = {
  "\"regimen\":\"comun\",\"activo_corriente\":\"124\",\"pasivo_corriente\":\"100\",\"activo_total\":\"1000\","
  "\"pasivo_total\":\"610\",\"ingresos_operacionales\":\"600\"",
  "\"regimen\":\"comun\",\"activo_corriente\":\"123.99\",\"pasivo_corriente\":\"100\",\"activo_total\":\"1000\","
  "\"pasivo_total\":\"100\",\"ingresos_operacionales\":\"100\"",
  "\"regimen\":\"comun\",\"activo_corriente\":\"123.99\",\"pasivo_corriente\":\"100\",\"activo_total\":\"1000\","
  "\"pasivo_total\":\"100\",\"ingresos_operacionales\":\"100\",\"aval_financiero\":true",
  "\"regimen\":\"comun\",\"activo_corriente\":\"500\",\"pasivo_corriente\":\"0\",\"activo_total\":\"1000\","
  "\"pasivo_total\":\"900\",\"ingresos_operacionales\":\"0\"",
  "\"regimen\":\"comun\",\"activo_corriente\":\"124\"",
  "\"regimen\":\"simplificado\",\"ingresos_ultimo_ano\":\"1\",\"cuentas_por_cobrar\":\"1000\","
  "\"inventario\":\"0\",\"cuentas_por_pagar\":\"0\"",
  "\"regimen\":\"simplificado\",\"ingresos_ultimo_ano\":\"90000000\",\"saldo_promedio\":\"1234.5\","
  "\"monto_comercializacion_esperado\":\"360000000\"",
  "\"regimen\":\"simplificado\",\"ingresos_ultimo_ano\":\"5\",\"cuentas_por_cobrar\":\"1\","
  "\"inventario\":\"0\",\"cuentas_por_pagar\":\"9\"",
  "\"regimen\":\"simplificado\"",
};

static const char *identifications[] = {
  "",
  ",\"nombre\":\"José \\\"Pepe\\\" Pérez\\t\\\\ Ñandú\",\"numero_documento\":\"900123456\","
  "\"radicado\":\"20170500001\",\"tipo_documento\":\"CC\",\"tipo_persona\":\"natural\","
  "\"rol\":\"planta_beneficio\",\"tramite\":\"renovacion\",\"fecha_radicacion\":\"2019-01-02\"",
  ",\"nombre\":\"\",\"fecha_radicacion\":\"2017-05-01\",\"tramite\":\"inscripcion\"",
};

static const char *tariff_inputs[] = {
  "\"etapa\":\"exploracion\",\"area_hectareas\":\"100\"",
  "\"etapa\":\"construccion_montaje\",\"area_hectareas\":\"5000.5\",\"pin\":true",
  "\"etapa\":\"exploracion\",\"area_hectareas\":\"9999\",\"medida_seguridad\":\"cierre\","
  "\"levantamiento_medida\":true",
  "\"etapa\":\"explotacion\",\"grupo_mineral\":\"carbon\",\"sistema\":\"subterraneo\","
  "\"produccion_anual\":\"70000\",\"nivel_cumplimiento\":\"bajo\",\"numero_inspeccion\":3",
  "\"etapa\":\"explotacion\",\"grupo_mineral\":\"metales_preciosos\",\"sistema\":\"arrastre\","
  "\"produccion_anual\":\"2000000\",\"nivel_cumplimiento\":\"bajo\",\"numero_inspeccion\":2,\"pin\":true",
  "\"etapa\":\"explotacion\",\"grupo_mineral\":\"materiales_construccion\",\"sistema\":\"cielo_abierto\","
  "\"produccion_anual\":\"30000\",\"autorizado_explotar\":false,\"medida_seguridad\":\"suspension\"",
  "\"etapa\":\"explotacion\",\"grupo_mineral\":\"piedras_preciosas\",\"sistema\":\"subterraneo\","
  "\"produccion_anual\":\"50000\",\"nivel_cumplimiento\":\"alto\"",
};

static const char *tariff_identifications[] = {
  "",
  ",\"expediente\":\"HJK-08231\",\"titular\":\"Carbones de Boyacá \\\"La Mina\\\"\\n\"",
};

static void
evaluate_all (EmEvaluator *evaluator, EmCaseKind kind, const char **inputs, guint n_inputs,
              const char **ids, guint n_ids)
{
  for (guint i = 0; i < n_inputs; i++)
    for (guint j = 0; j < n_ids; j++)
      {
        g_autofree char *json = g_strdup_printf ("{%s%s}", inputs[i], ids[j]);
        g_autoptr(GError) error = NULL;
        g_autoptr(EmEvaluation) evaluation = em_evaluator_evaluate_text (evaluator, kind, json, FALSE, &error);

        g_assert_no_error (error);
        assert_text_is_tree (evaluation);
      }
}

/* The store's texts are written straight from the case and the verdict:
 * the same bytes as the trees the CLI and the window use, every branch. */
static void
test_texts_written_without_trees (void)
{
  g_autoptr(EmEvaluator) evaluator = em_evaluator_new_default (NULL);

  evaluate_all (evaluator, EM_CASE_KIND_CAPACIDAD, capacity_inputs, G_N_ELEMENTS (capacity_inputs),
                identifications, G_N_ELEMENTS (identifications));
  evaluate_all (evaluator, EM_CASE_KIND_TARIFA, tariff_inputs, G_N_ELEMENTS (tariff_inputs),
                tariff_identifications, G_N_ELEMENTS (tariff_identifications));
}

/* The snapshot as it was first defined: json-glib's text of the array. */
static char *
json_glib_snapshot (const EmCaseRow *row)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  const char *fields[] = {
    "caso-v1", row->uuid, row->kind, row->state, row->input_json, row->rules_id, row->rules_sha256,
    row->result_json, row->result, row->tariff, row->name, row->document, row->radicado,
    row->expediente, row->evaluator, row->created, row->updated, row->annulment_reason,
  };

  json_builder_begin_array (builder);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (fields[i] != NULL)
      json_builder_add_string_value (builder, fields[i]);
    else
      json_builder_add_null_value (builder);
  json_builder_add_boolean_value (builder, row->requerimiento);
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);
  text = json_glib_text (root);
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
}

static void
test_snapshot_hash_unchanged (void)
{
  EmCaseRow row = {
    .uuid = "0f6e2c1a-0000-4000-8000-000000000001", .kind = "capacidad", .state = "evaluado",
    .input_json = "{\"nombre\":\"Ñandú \\\"el\\\" minero\"}", .rules_id = "res-anm-208-2017",
    .rules_sha256 = "ab", .result_json = "{\"resultado\":\"cumple\"}", .result = "cumple", .tariff = NULL,
    .name = "Ñandú\tminero\x1f", .document = "900123456", .radicado = "", .expediente = "",
    .evaluator = "Ana Gómez", .created = "2026-11-21T10:00:00.000000Z", .updated = "2026-11-21T10:00:00.000000Z",
    .requerimiento = TRUE, .annulment_reason = NULL,
  };
  g_autofree char *expected = json_glib_snapshot (&row);
  g_autofree char *hash = em_chain_snapshot (&row);

  g_assert_cmpstr (hash, ==, expected);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/json-writer/every-byte-in-strings", test_every_byte_in_strings);
  g_test_add_func ("/json-writer/escapes-anywhere", test_escapes_anywhere);
  g_test_add_func ("/json-writer/integers", test_integers);
  g_test_add_func ("/json-writer/values-arrays-objects", test_values_arrays_objects);
  g_test_add_func ("/json-writer/verdicts-of-both-kinds", test_verdicts_of_both_kinds);
  g_test_add_func ("/json-writer/texts-written-without-trees", test_texts_written_without_trees);
  g_test_add_func ("/json-writer/snapshot-hash-unchanged", test_snapshot_hash_unchanged);
  return g_test_run ();
}
