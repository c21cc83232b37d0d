/* em-cli-casos-paquete.c — `casos exportar`, `importar-paquete`, `exportar-csv`
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Moving cases between laptops (a JSON bundle with their history, verified
 * on import, all or nothing) and the case list for spreadsheets.  An
 * export is written to a temporary file next to SALIDA (mode 0600: it
 * holds personal financial data) and renamed over it only when complete,
 * so a failed export never leaves half a file nor spoils an older one.
 */
#define G_LOG_DOMAIN "em-cli"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gunixinputstream.h>
#include <gio/gunixoutputstream.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "em-capacity-verdict.h"
#include "em-case-bundle.h"
#include "em-case-csv.h"
#include "em-cli-batch.h"
#include "em-cli-casos.h"
#include "em-cli-options.h"
#include "em-output-file.h"
#include "em-date.h"

/* SALIDA and the filters of `listar` (without --limite). */
static gboolean
read_filter (EmCasosContext *context, EmCliFilter *options, GPtrArray *positional, int *status)
{
  return em_cli_read_filter (context->argc, context->argv, FALSE, options, positional, status)
         && em_cli_expect_positional (positional, 1, _("la SALIDA (un archivo, o «-»)"), status);
}

static void
print_count (const char *key, guint count)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, key);
  json_builder_add_int_value (builder, count);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  text = em_cli_to_json_string (root, FALSE);
  g_print ("%s\n", text);
}

/* ---- exportar, exportar-csv ------------------------------------------- */

typedef gboolean (*Exporter) (EmCaseStore        *store,
                              const EmCaseFilter *filter,
                              GOutputStream      *out,
                              guint              *count,
                              GError            **error);

static int
run_export (EmCasosContext *context, Exporter exporter, const char *count_key)
{
  g_autoptr(GPtrArray) positional = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(EmOutputFile) output = NULL;
  EmCliFilter options = { .filter = EM_CASE_FILTER_INIT };
  guint count = 0;
  int status;

  if (!read_filter (context, &options, positional, &status))
    return status;
  if ((output = em_output_file_open (positional->pdata[0], &error)) == NULL
      || !exporter (context->store, &options.filter, em_output_file_get_stream (output), &count, &error)
      || !em_output_file_commit (output, &error))
    {
      g_printerr (_("error: no se exportó nada: %s\n"), error->message);
      return g_error_matches (error, EM_STORE_ERROR, EM_STORE_ERROR_TAMPERED)
             ? EM_EXIT_NOT_VERIFIED : EM_EXIT_INPUT_ERROR;
    }
  if (em_output_file_is_file (output))
    print_count (count_key, count);
  return EM_EXIT_OK;
}

int
em_cli_casos_exportar (EmCasosContext *context)
{
  return run_export (context, em_case_bundle_export, "exportados");
}

int
em_cli_casos_exportar_csv (EmCasosContext *context)
{
  return run_export (context, em_case_csv_export, "filas");
}

/* ---- importar-paquete ------------------------------------------------- */


static void
print_report (const EmBundleReport *report)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "nuevos");
  json_builder_add_int_value (builder, report->n_new);
  json_builder_set_member_name (builder, "actualizados");
  json_builder_add_int_value (builder, report->n_extended);
  json_builder_set_member_name (builder, "sin_cambios");
  json_builder_add_int_value (builder, report->n_unchanged);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  text = em_cli_to_json_string (root, FALSE);
  g_print ("%s\n", text);
}

/* A bundle whose cases are not what they claim is exit 3, like `verificar`. */
static gboolean
is_not_verified (const GError *error)
{
  return g_error_matches (error, EM_BUNDLE_ERROR, EM_BUNDLE_ERROR_NOT_VERIFIED)
         || g_error_matches (error, EM_BUNDLE_ERROR, EM_BUNDLE_ERROR_INVALID);
}

int
em_cli_casos_importar_paquete (EmCasosContext *context)
{
  g_autoptr(GPtrArray) positional = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autofree char *origin = NULL;
  const EmCliOption none[] = { { NULL } };
  const char *path;
  EmBundleReport report = { 0 };
  int status;

  if (!em_cli_parse_options (context->argc, context->argv, none, positional, &status)
      || !em_cli_expect_positional (positional, 1, _("la ENTRADA (un paquete exportado, o «-»)"), &status))
    return status;
  path = positional->pdata[0];
  if ((stream = em_cli_open_input (path, &error)) == NULL)
    {
      g_printerr (_("error: no se pudo abrir la entrada «%s»: %s\n"), path, error->message);
      return EM_EXIT_INPUT_ERROR;
    }
  origin = g_str_equal (path, "-") ? g_strdup (_("entrada estándar")) : g_path_get_basename (path);
  if (!em_case_bundle_import (context->store, stream, context->evaluator, origin, &report, &error))
    {
      if (em_cli_casos_says_nothing_stored (error))
        g_printerr (_("error: paquete rechazado: %s\n"), error->message);
      else
        g_printerr (_("error: paquete rechazado, no se guardó nada: %s\n"), error->message);
      return is_not_verified (error) ? EM_EXIT_NOT_VERIFIED : EM_EXIT_INPUT_ERROR;
    }
  print_report (&report);
  return EM_EXIT_OK;
}
