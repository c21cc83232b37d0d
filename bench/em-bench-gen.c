/* em-bench-gen.c — synthetic but realistic cases for the benchmarks
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writes N lines of JSON Lines for `casos importar`: two thirds capacity
 * cases (both regímenes, every verdict: cumple, no_cumple, requiere_aval,
 * informacion_incompleta) and one third inspection tariffs (every stage,
 * mineral group and system), with Spanish names of people and companies.
 * The same seed gives the same file.
 *
 *   em-bench-gen N [SEED] > casos.jsonl
 */
#define G_LOG_DOMAIN "em-bench"

#include "config.h"

#include <glib.h>
#include <stdio.h>

static const char * const first_names[] = {
  "María", "José", "Luis", "Ana", "Carlos", "Sofía", "Andrés", "Valentina", "Jorge", "Lucía",
  "Camilo", "Daniela", "Julián", "Ángela", "Sebastián", "Paula", "Óscar", "Natalia", "Iván", "Inés",
};
static const char * const surnames[] = {
  "Gómez", "Rodríguez", "Martínez", "López", "García", "Peña", "Muñoz", "Londoño", "Ramírez", "Ibáñez",
  "Zuluaga", "Cárdenas", "Ospina", "Núñez", "Vélez", "Restrepo", "Quiñones", "Ortiz", "Patiño", "Acuña",
};
static const char * const company_words[] = {
  "Minerales", "Oro", "Carbones", "Esmeraldas", "Metales", "Arenas", "Canteras", "Níquel", "Plata",
  "Agregados",
};
static const char * const places[] = {
  "del Cauca", "de Boyacá", "de Antioquia", "del Chocó", "de Nariño", "del Tolima", "de Santander",
  "de Caldas", "del Huila", "de Córdoba",
};
static const char * const company_forms[] = { "S.A.S.", "Ltda.", "S.A.", "y Cía." };
static const char * const stages[] = { "exploracion", "construccion_montaje", "explotacion" };
static const char * const groups[] = {
  "carbon", "materiales_construccion", "metalicos", "no_metalicos", "metales_preciosos", "piedras_preciosas",
};
static const char * const systems[] = { "subterraneo", "cielo_abierto", "arrastre" };
static const char * const levels[] = { "bajo", "medio", "alto" };

#define PICK(rand, array) ((array)[g_rand_int_range ((rand), 0, G_N_ELEMENTS (array))])

static void
append_person_or_company (GString *line, GRand *rand, gboolean *company)
{
  if (*company)
    g_string_append_printf (line, "%s %s %s", PICK (rand, company_words), PICK (rand, places),
                            PICK (rand, company_forms));
  else
    g_string_append_printf (line, "%s %s %s", PICK (rand, first_names), PICK (rand, surnames),
                            PICK (rand, surnames));
}

static void
append_identity (GString *line, GRand *rand, guint64 n, gboolean company)
{

  g_string_append (line, "\"nombre\": \"");
  append_person_or_company (line, rand, &company);
  g_string_append_printf (line, "\", \"tipo_persona\": \"%s\", \"tipo_documento\": \"%s\","
                          " \"numero_documento\": \"%u\", \"radicado\": \"2017%07" G_GUINT64_FORMAT "\","
                          " \"rol\": \"%s\", \"tramite\": \"%s\", \"fecha_radicacion\": \"2017-%02d-%02d\"",
                          company ? "juridica" : "natural", company ? "NIT" : "CC",
                          company ? 800000000 + g_rand_int_range (rand, 0, 199999999)
                                  : 10000000 + g_rand_int_range (rand, 0, 89999999),
                          n % 10000000, g_rand_boolean (rand) ? "comercializador" : "planta_beneficio",
                          g_rand_int_range (rand, 0, 4) ? "inscripcion" : "renovacion",
                          g_rand_int_range (rand, 5, 13), g_rand_int_range (rand, 1, 29));
}

static void
append_money (GString *line, const char *field, guint64 pesos, guint centavos)
{
  g_string_append_printf (line, ", \"%s\": \"%" G_GUINT64_FORMAT ".%02u\"", field, pesos, centavos);
}

/* Común: liquidez = AC/PC ≥ 1.24, capital de trabajo = (AC − PC)/AT ≥ 0.04,
 * endeudamiento = PT/AT ≤ 0.61.  @verdict: 0 cumple, 1 no_cumple (debt),
 * 2 requiere_aval (liquidity), 3 incompleta (a figure missing). */
static void
append_comun (GString *line, GRand *rand, guint verdict)
{
  guint64 total = g_rand_int_range (rand, 200, 500000) * G_GUINT64_CONSTANT (10000);
  guint64 current = total / 2;
  guint64 current_debt = verdict == 2 ? current * 100 / g_rand_int_range (rand, 100, 120)
                                      : current * 100 / g_rand_int_range (rand, 130, 250);
  guint64 debt = total * (verdict == 1 ? g_rand_int_range (rand, 65, 95) : g_rand_int_range (rand, 20, 60)) / 100;

  debt = MAX (debt, current_debt + 1);

  g_string_append (line, ", \"regimen\": \"comun\"");
  append_money (line, "activo_corriente", current, g_rand_int_range (rand, 0, 100));
  append_money (line, "pasivo_corriente", current_debt, g_rand_int_range (rand, 0, 100));
  append_money (line, "activo_total", total, 0);
  if (verdict != 3)
    append_money (line, "pasivo_total", debt, g_rand_int_range (rand, 0, 100));
  append_money (line, "ingresos_operacionales", total * g_rand_int_range (rand, 50, 300) / 100, 0);
}

static void
append_simplificado (GString *line, GRand *rand, guint verdict)
{
  guint64 income = g_rand_int_range (rand, 10, 5000) * G_GUINT64_CONSTANT (100000);

  g_string_append (line, ", \"regimen\": \"simplificado\"");
  if (verdict != 3)
    append_money (line, "ingresos_ultimo_ano", income, 0);
  append_money (line, "saldo_promedio", income / g_rand_int_range (rand, 5, 40), 0);
  if (g_rand_boolean (rand))
    append_money (line, "monto_comercializacion_esperado", income * g_rand_int_range (rand, 1, 30) / 10, 0);
  else
    {
      append_money (line, "cuentas_por_cobrar", income / g_rand_int_range (rand, 2, 30), 0);
      append_money (line, "inventario", income / g_rand_int_range (rand, 2, 30), 0);
      append_money (line, "cuentas_por_pagar", income / g_rand_int_range (rand, 2, 30), 0);
    }
}

static void
append_capacity (GString *line, GRand *rand, guint64 n)
{
  guint verdict = g_rand_int_range (rand, 0, 4);
  gboolean simplificado = g_rand_int_range (rand, 0, 3) == 0;

  /* The régimen simplificado is for natural persons only. */
  g_string_append (line, "{\"tipo\": \"capacidad\", ");
  append_identity (line, rand, n, !simplificado && g_rand_boolean (rand));
  if (simplificado)
    append_simplificado (line, rand, verdict);
  else
    append_comun (line, rand, verdict);
  g_string_append (line, "}\n");
}

/* Only the cells the annex's Tabla 2 fills: arrastre counts as cielo
 * abierto, and some groups are mined one way only. */
static const char *
valid_system (const char *group, const char *system)
{
  if (g_str_equal (group, "materiales_construccion"))
    return "cielo_abierto";
  if (g_str_equal (group, "piedras_preciosas"))
    return "subterraneo";
  if (g_str_equal (system, "arrastre") && !g_str_equal (group, "metales_preciosos"))
    return "cielo_abierto";
  return system;
}

static void
append_tariff (GString *line, GRand *rand, guint64 n)
{
  const char *stage = PICK (rand, stages);
  const char *group = PICK (rand, groups);
  gboolean company = g_rand_boolean (rand);

  g_string_append_printf (line, "{\"tipo\": \"tarifa\", \"expediente\": \"%c%c%c-%05u\", \"titular\": \"",
                          'A' + g_rand_int_range (rand, 0, 26), 'A' + g_rand_int_range (rand, 0, 26),
                          'A' + g_rand_int_range (rand, 0, 26), (guint) (n % 100000));
  append_person_or_company (line, rand, &company);
  g_string_append_printf (line, "\", \"etapa\": \"%s\"", stage);
  if (g_str_equal (stage, "explotacion"))
    g_string_append_printf (line, ", \"grupo_mineral\": \"%s\", \"sistema\": \"%s\", \"produccion_anual\": \"%u\"",
                            group, valid_system (group, PICK (rand, systems)), g_rand_int_range (rand, 100, 2000000));
  else
    g_string_append_printf (line, ", \"area_hectareas\": \"%u.%02u\"",
                            g_rand_int_range (rand, 1, 10000), g_rand_int_range (rand, 0, 100));
  g_string_append_printf (line, ", \"pin\": %s, \"nivel_cumplimiento\": \"%s\", \"numero_inspeccion\": %d}\n",
                          g_rand_int_range (rand, 0, 5) == 0 ? "true" : "false", PICK (rand, levels),
                          g_rand_int_range (rand, 1, 4));
}

int
main (int argc, char **argv)
{
  g_autoptr(GString) line = g_string_sized_new (1024);
  guint64 count = 0;
  g_autoptr(GRand) rand = NULL;

  if (argc < 2 || !g_ascii_string_to_unsigned (argv[1], 10, 1, G_MAXUINT64, &count, NULL))
    {
      fprintf (stderr, "uso: em-bench-gen N [SEMILLA]\n");
      return 2;
    }
  rand = g_rand_new_with_seed (argc > 2 ? (guint32) g_ascii_strtoull (argv[2], NULL, 10) : 20261121);
  for (guint64 n = 1; n <= count; n++)
    {
      g_string_truncate (line, 0);
      if (g_rand_int_range (rand, 0, 3) < 2)
        append_capacity (line, rand, n);
      else
        append_tariff (line, rand, n);
      fwrite (line->str, 1, line->len, stdout);
    }
  return fflush (stdout) == 0 ? 0 : 1;
}
