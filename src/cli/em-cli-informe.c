/* em-cli-informe.c — `evaluador-minero-cli informe`: summaries and reports as PDF
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   informe [--db F] --caso ID --pdf SALIDA [--papel carta|a4]
 *   informe [--db F] --desde AAAA-MM-DD --hasta AAAA-MM-DD --pdf SALIDA
 *           [--csv SALIDA] [--papel carta|a4]
 * The drawing is src/report/ (no display needed).  On success one JSON
 * line says what was written; exit 0.  Usage and data errors: exit 2; a
 * case whose history does not verify is not printed: exit 3.
 */
#define G_LOG_DOMAIN "em-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "em-cli.h"
#include "em-cli-batch.h"
#include "em-cli-casos.h"
#include "em-date.h"
#include "em-report.h"

typedef struct
{
  const char *db;
  const char *case_id;
  const char *pdf;
  const char *csv;
  const char *paper_name;
  const char *from;
  const char *until;
  gboolean    help;
  gint64      id;
  EmPaper     paper;
} Options;

static void
print_help (void)
{
  g_print (_("Uso: evaluador-minero-cli informe [--db ARCHIVO] --caso ID --pdf SALIDA [--papel carta|a4]\n"
             "     evaluador-minero-cli informe [--db ARCHIVO] --desde AAAA-MM-DD --hasta AAAA-MM-DD\n"
             "                                  --pdf SALIDA [--csv SALIDA] [--papel carta|a4]\n"
             "\n"
             "Con --caso: el resumen imprimible del veredicto de un caso, en una página:\n"
             "los datos, las cifras, los indicadores o la tarifa, el veredicto, su\n"
             "fundamento, el estado del trámite y el código de verificación, que cualquiera\n"
             "puede comprobar con «evaluador-minero-cli casos verificar --codigo CODIGO».\n"
             "No se imprime un caso cuyo historial no se verifica.\n"
             "\n"
             "Con --desde y --hasta: el informe periódico de los casos registrados en esos\n"
             "días (ambos incluidos, en hora local): cuántos hay por tipo, estado,\n"
             "resultado y evaluador, lo cobrado, y la lista de casos, con páginas numeradas.\n"
             "Con --csv, además, la lista para hojas de cálculo (UTF-8, separador «;»).\n"
             "\n"
             "Opciones:\n"
             "  --db ARCHIVO     Base de datos de casos (por omisión, la misma de la\n"
             "                   aplicación: ~/.local/share/evaluador-minero/casos.sqlite)\n"
             "  --caso ID        Número del caso\n"
             "  --desde FECHA    Primer día del periodo (AAAA-MM-DD)\n"
             "  --hasta FECHA    Último día del periodo (AAAA-MM-DD)\n"
             "  --pdf SALIDA     Archivo PDF que se escribe («-»: la salida estándar)\n"
             "  --csv SALIDA     Archivo CSV que se escribe (solo con el informe periódico)\n"
             "  --papel PAPEL    «carta» (por omisión) o «a4»\n"
             "  --ayuda, -h      Muestra esta ayuda\n"
             "\n"
             "Los archivos se escriben completos o no se escriben: nunca queda medio PDF.\n"
             "Al terminar se escribe una línea JSON con lo que se hizo.\n"
             "\n"
             "Códigos de salida: 0 bien; 2 error de uso o de datos (caso inexistente,\n"
             "archivo que no se puede escribir); 3 el historial del caso no se verifica.\n"));
}

/* ---- Options ---------------------------------------------------------- */

static gboolean
read_options (int argc, char **argv, Options *options, int *status)
{
  const char **slots[] = { &options->db, &options->case_id, &options->pdf, &options->csv, &options->paper_name,
                           &options->from, &options->until };
  const char *names[] = { "--db", "--caso", "--pdf", "--csv", "--papel", "--desde", "--hasta" };

  for (int i = 0; i < argc; i++)
    {
      guint k;

      if (g_strv_contains ((const char * const[]) { "--ayuda", "--help", "-h", NULL }, argv[i]))
        {
          options->help = TRUE;
          continue;
        }
      for (k = 0; k < G_N_ELEMENTS (names) && !g_str_equal (argv[i], names[k]); k++)
        ;
      if (k == G_N_ELEMENTS (names))
        return *status = em_cli_usage_error ("informe", _("argumento desconocido «%s»"), argv[i]), FALSE;
      if (i + 1 >= argc)
        return *status = em_cli_usage_error ("informe", _("falta el valor después de %s"), names[k]), FALSE;
      *slots[k] = argv[++i];
    }
  return TRUE;
}

static gboolean
check_date (const char *option, const char *text, int *status)
{
  g_autoptr(GError) error = NULL;
  GDate date;

  if (em_date_parse_iso (text, &date, &error))
    return TRUE;
  *status = em_cli_usage_error ("informe", _("%s: %s"), option, error->message);
  return FALSE;
}

static gboolean
check_case_options (Options *options, int *status)
{
  if (options->from != NULL || options->until != NULL)
    return *status = em_cli_usage_error ("informe", _("use --caso o bien --desde y --hasta, no ambos")), FALSE;
  if (options->csv != NULL)
    return *status = em_cli_usage_error ("informe", _("--csv es solo para el informe periódico")), FALSE;
  if (!g_ascii_string_to_signed (options->case_id, 10, 1, G_MAXINT64, &options->id, NULL))
    return *status = em_cli_usage_error ("informe", _("--caso: «%s» no es un número de caso"), options->case_id),
           FALSE;
  return TRUE;
}

static gboolean
check_period_options (Options *options, int *status)
{
  if (options->from == NULL || options->until == NULL)
    return *status = em_cli_usage_error ("informe", _("falta %s"), options->from ? "--hasta" : "--desde"), FALSE;
  if (!check_date ("--desde", options->from, status) || !check_date ("--hasta", options->until, status))
    return FALSE;
  if (strcmp (options->from, options->until) > 0)
    return *status = em_cli_usage_error ("informe", _("--desde (%s) es posterior a --hasta (%s)"), options->from,
                                         options->until), FALSE;
  if (options->csv != NULL && g_str_equal (options->csv, options->pdf))
    return *status = em_cli_usage_error ("informe", _("--pdf y --csv no pueden ser el mismo archivo")), FALSE;
  return TRUE;
}

static gboolean
check_options (Options *options, int *status)
{
  if (options->case_id == NULL && options->from == NULL && options->until == NULL)
    return *status = em_cli_usage_error ("informe", _("falta --caso ID, o --desde y --hasta")), FALSE;
  if (options->pdf == NULL)
    return *status = em_cli_usage_error ("informe", _("falta --pdf SALIDA")), FALSE;
  if (options->paper_name != NULL && !em_paper_parse (options->paper_name, &options->paper))
    return *status = em_cli_usage_error ("informe", _("--papel: use «carta» o «a4»")), FALSE;
  return options->case_id != NULL ? check_case_options (options, status) : check_period_options (options, status);
}

/* ---- Running ---------------------------------------------------------- */

/* An existing database only: a report never creates an empty one. */
static EmCaseStore *
open_store (const char *path, GError **error)
{
  g_autofree char *default_path = em_case_store_default_path ();

  if (path == NULL)
    path = default_path;
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT, _("No existe la base de datos de casos «%s»"), path);
      return NULL;
    }
  return em_case_store_open (path, error);
}

static int
fail (const GError *error)
{
  em_cli_print_error (error);
  if (g_error_matches (error, EM_STORE_ERROR, EM_STORE_ERROR_TAMPERED)
      || g_error_matches (error, EM_CHAIN_ERROR, EM_CHAIN_ERROR_BROKEN))
    return EM_EXIT_NOT_VERIFIED;
  return EM_EXIT_INPUT_ERROR;
}

static void
print_result (JsonBuilder *builder)
{
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;

  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  text = em_cli_to_json_string (root, FALSE);
  g_print ("%s\n", text);
}

static void
add_string (JsonBuilder *builder, const char *key, const char *value)
{
  json_builder_set_member_name (builder, key);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static int
run_case (EmCaseStore *store, const Options *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(EmReportCase) data = em_report_case_new_from_store (store, options->id, &error);

  if (data == NULL || !em_report_case_write_pdf (data, options->pdf, options->paper, &error))
    return fail (error);
  if (g_str_equal (options->pdf, "-"))
    return EM_EXIT_OK;
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "caso");
  json_builder_add_int_value (builder, options->id);
  add_string (builder, "pdf", options->pdf);
  add_string (builder, "papel", em_paper_to_string (options->paper));
  add_string (builder, "codigo_verificacion", em_report_case_get_code (data));
  print_result (builder);
  return EM_EXIT_OK;
}

static void
print_period (const Options *options, const EmReportTotals *totals, guint pages)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  json_builder_begin_object (builder);
  add_string (builder, "desde", options->from);
  add_string (builder, "hasta", options->until);
  json_builder_set_member_name (builder, "casos");
  json_builder_add_int_value (builder, totals->n_cases);
  json_builder_set_member_name (builder, "capacidad");
  json_builder_add_int_value (builder, totals->n_capacity);
  json_builder_set_member_name (builder, "tarifa");
  json_builder_add_int_value (builder, totals->n_tariff);
  add_string (builder, "pdf", options->pdf);
  json_builder_set_member_name (builder, "paginas");
  json_builder_add_int_value (builder, pages);
  add_string (builder, "csv", options->csv);
  print_result (builder);
}

static int
run_period (EmCaseStore *store, const Options *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EmReportPeriod) period = em_report_period_new (store, options->from, options->until, &error);
  EmReportTotals totals;
  guint pages = 0;

  if (period == NULL || !em_report_period_write_pdf (period, options->pdf, options->paper, &pages, &error)
      || (options->csv != NULL
          && !em_report_period_write_csv (store, options->from, options->until, options->csv, NULL, &error)))
    return fail (error);
  em_report_period_get_totals (period, &totals);
  if (!g_str_equal (options->pdf, "-") && g_strcmp0 (options->csv, "-") != 0)
    print_period (options, &totals, pages);
  return EM_EXIT_OK;
}

int
em_cli_informe_run (int    argc,
                    char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EmCaseStore) store = NULL;
  Options options = { .paper = EM_PAPER_CARTA };
  int status;

  if (!read_options (argc, argv, &options, &status))
    return status;
  if (options.help)
    return print_help (), EM_EXIT_OK;
  if (!check_options (&options, &status))
    return status;
  if ((store = open_store (options.db, &error)) == NULL)
    return em_cli_print_error (error), EM_EXIT_INPUT_ERROR;
  return options.case_id != NULL ? run_case (store, &options) : run_period (store, &options);
}
