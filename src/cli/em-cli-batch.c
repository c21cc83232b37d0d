/* em-cli-batch.c — the common loop of `capacidad` and `tarifa`
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Single mode: one object from a file or stdin; a result on stdout, or the
 * error on stderr (naming the field) and exit 2.  --lineas: JSON Lines, one
 * result line per input line in the same order, errors as
 * {"linea": N, "error": {"campo", "mensaje"}}, exit 1 at the end if any
 * failed.  Blank lines are skipped; line numbers count every line.
 */
#define G_LOG_DOMAIN "em-cli"

#include "config.h"

#include <gio/gunixinputstream.h>
#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <unistd.h>

#include "em-cli-batch.h"
#include "em-input-error.h"

char *
em_cli_to_json_string (JsonNode *node,
                       gboolean  pretty)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  json_generator_set_root (generator, node);
  json_generator_set_pretty (generator, pretty);
  json_generator_set_indent (generator, 2);
  return json_generator_to_data (generator, NULL);
}

void
em_cli_print_error (const GError *error)
{
  const char *field = em_input_error_get_field (error);

  if (field != NULL)
    g_printerr (_("error: campo «%s»: %s\n"), field, error->message);
  else
    g_printerr (_("error: %s\n"), error->message);
}

int
em_cli_usage_error (const char *command,
                    const char *format,
                    ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_printerr (_("error: %s\nUse «evaluador-minero-cli %s --ayuda» para ver cómo se usa.\n"),
              message, command);
  return EM_EXIT_INPUT_ERROR;
}

gboolean
em_cli_batch_parse_options (int              argc,
                            char           **argv,
                            const char      *command,
                            EmBatchOptions  *options,
                            int             *exit_code)
{
  gsize option_len = strlen (options->file_option);

  for (int i = 0; i < argc; i++)
    {
      const char *arg = argv[i];

      if (g_str_equal (arg, "--ayuda") || g_str_equal (arg, "--help") || g_str_equal (arg, "-h"))
        options->help = TRUE;
      else if (g_str_equal (arg, "--lineas"))
        options->lines = TRUE;
      else if (g_str_equal (arg, options->file_option))
        {
          if (i + 1 >= argc)
            return *exit_code = em_cli_usage_error (command, _("falta el archivo después de %s"),
                                                    options->file_option), FALSE;
          options->file = argv[++i];
        }
      else if (g_str_has_prefix (arg, options->file_option) && arg[option_len] == '=')
        options->file = arg + option_len + 1;
      else if (arg[0] == '-' && arg[1] != '\0')
        return *exit_code = em_cli_usage_error (command, _("opción desconocida «%s»"), arg), FALSE;
      else if (options->input != NULL)
        return *exit_code = em_cli_usage_error (command, _("sobra el argumento «%s»: solo se admite una entrada"),
                                                arg), FALSE;
      else
        options->input = arg;
    }
  return TRUE;
}

static GInputStream *
open_input (const char *path, GError **error)
{
  g_autoptr(GFile) file = NULL;

  if (path == NULL || g_str_equal (path, "-"))
    return g_unix_input_stream_new (STDIN_FILENO, FALSE);
  file = g_file_new_for_commandline_arg (path);
  return G_INPUT_STREAM (g_file_read (file, NULL, error));
}

static gboolean
write_line (const char *text)
{
  return fputs (text, stdout) >= 0 && fputc ('\n', stdout) != EOF;
}

static JsonNode *
evaluate_text (const char *text, gsize len, EmBatchEvaluate evaluate, gpointer data, GError **error)
{
  g_autoptr(EmFlatObject) object = em_flat_object_parse (text, len, error);

  if (object == NULL)
    return NULL;
  return evaluate (object, data, error);
}

static int
run_single (GInputStream *stream, EmBatchEvaluate evaluate, gpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autoptr(JsonNode) result = NULL;
  g_autofree char *text = NULL;
  gsize len;

  if (g_output_stream_splice (memory, stream, G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, NULL, &error) < 0)
    {
      g_printerr (_("error: no se pudo leer la entrada: %s\n"), error->message);
      return EM_EXIT_INPUT_ERROR;
    }
  len = g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (memory));
  result = evaluate_text (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (memory)), len,
                          evaluate, data, &error);
  if (result == NULL)
    return em_cli_print_error (error), EM_EXIT_INPUT_ERROR;
  text = em_cli_to_json_string (result, TRUE);
  return write_line (text) ? EM_EXIT_OK : EM_EXIT_INPUT_ERROR;
}

static JsonNode *
line_error (guint64 number, const GError *error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  const char *field = em_input_error_get_field (error);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "linea");
  json_builder_add_int_value (builder, number);
  json_builder_set_member_name (builder, "error");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "campo");
  if (field != NULL)
    json_builder_add_string_value (builder, field);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "mensaje");
  json_builder_add_string_value (builder, error->message);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static gboolean
is_blank (const char *line)
{
  for (; *line != '\0'; line++)
    if (!g_ascii_isspace (*line))
      return FALSE;
  return TRUE;
}

static int
run_lines (GInputStream *stream, EmBatchEvaluate evaluate, gpointer data)
{
  g_autoptr(GDataInputStream) input = g_data_input_stream_new (stream);
  g_autoptr(GError) error = NULL;
  gboolean any_failed = FALSE;
  guint64 number = 0;
  char *line;
  gsize len;

  g_data_input_stream_set_newline_type (input, G_DATA_STREAM_NEWLINE_TYPE_ANY);
  while ((line = g_data_input_stream_read_line (input, &len, NULL, &error)) != NULL)
    {
      g_autofree char *owned = line;
      g_autoptr(JsonNode) result = NULL;
      g_autoptr(GError) line_err = NULL;
      g_autofree char *text = NULL;

      number++;
      if (is_blank (owned))
        continue;
      result = evaluate_text (owned, len, evaluate, data, &line_err);
      if (result == NULL)
        {
          any_failed = TRUE;
          result = line_error (number, line_err);
        }
      text = em_cli_to_json_string (result, FALSE);
      if (!write_line (text))
        return EM_EXIT_INPUT_ERROR;
    }
  if (error != NULL)
    {
      g_printerr (_("error: no se pudo leer la línea %lu: %s\n"), (unsigned long) (number + 1), error->message);
      return EM_EXIT_INPUT_ERROR;
    }
  return any_failed ? EM_EXIT_SOME_FAILED : EM_EXIT_OK;
}

int
em_cli_batch_run (const char      *input_path,
                  gboolean         lines,
                  EmBatchEvaluate  evaluate,
                  gpointer         data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GInputStream) stream = open_input (input_path, &error);
  int status;

  if (stream == NULL)
    {
      g_printerr (_("error: no se pudo abrir la entrada «%s»: %s\n"), input_path, error->message);
      return EM_EXIT_INPUT_ERROR;
    }
  status = lines ? run_lines (stream, evaluate, data) : run_single (stream, evaluate, data);
  if (fflush (stdout) != 0 || ferror (stdout))
    {
      g_printerr (_("error: no se pudo escribir la salida\n"));
      return EM_EXIT_INPUT_ERROR;
    }
  return status;
}
