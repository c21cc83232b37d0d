/* em-cli-options.c — options, positional arguments and case filters of `casos`
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by the `casos` subcommands: options may come anywhere among the
 * positional arguments; a misspelt option is an error, never taken for a
 * file name; the filters of `listar` (and of the exports) are checked here
 * once.
 */
#define G_LOG_DOMAIN "em-cli"

#include "config.h"

#include <gio/gunixinputstream.h>
#include <glib/gi18n-lib.h>
#include <unistd.h>

#include "em-capacity-verdict.h"
#include "em-cli-batch.h"
#include "em-cli-options.h"
#include "em-date.h"

/* Reads the options of @options out of @argv; the rest are positional. */
gboolean
em_cli_parse_options (int                argc,
                      char             **argv,
                      const EmCliOption *options,
                      GPtrArray         *positional,
                      int               *status)
{
  for (int i = 0; i < argc; i++)
    {
      const EmCliOption *found = NULL;

      for (const EmCliOption *o = options; o && o->name != NULL; o++)
        if (g_str_equal (argv[i], o->name))
          found = o;
      if (found == NULL && argv[i][0] == '-' && argv[i][1] != '\0')
        return *status = em_cli_usage_error ("casos", _("opción desconocida «%s»"), argv[i]), FALSE;
      if (found == NULL)
        g_ptr_array_add (positional, argv[i]);
      else if (found->flag != NULL)
        *found->flag = TRUE;
      else if (i + 1 >= argc)
        return *status = em_cli_usage_error ("casos", _("falta el valor después de %s"), found->name), FALSE;
      else
        *found->value = argv[++i];
    }
  return TRUE;
}

gboolean
em_cli_expect_positional (GPtrArray  *positional,
                          guint       count,
                          const char *what,
                          int        *status)
{
  if (positional->len == count)
    return TRUE;
  *status = positional->len < count
            ? em_cli_usage_error ("casos", _("falta %s"), what)
            : em_cli_usage_error ("casos", _("sobra el argumento «%s»"), (char *) positional->pdata[count]);
  return FALSE;
}

static gboolean
is_capacity_result (const char *text)
{
  for (EmCapacityResult r = EM_RESULT_CUMPLE; r <= EM_RESULT_INFORMACION_INCOMPLETA; r++)
    if (g_str_equal (text, em_capacity_result_to_string (r)))
      return TRUE;
  return FALSE;
}

static gboolean
check_date (const char *option, const char *text, int *status)
{
  g_autoptr(GError) error = NULL;
  GDate date;

  if (text == NULL || em_date_parse_iso (text, &date, &error))
    return TRUE;
  *status = em_cli_usage_error ("casos", _("%s: %s"), option, error->message);
  return FALSE;
}

static gboolean
check_filter (EmCliFilter *options, int *status)
{
  options->filter.any_kind = options->kind == NULL;
  if (options->kind && !em_case_kind_parse (options->kind, &options->filter.kind))
    return *status = em_cli_usage_error ("casos", _("--tipo: use «capacidad» o «tarifa»")), FALSE;
  options->filter.any_state = options->state == NULL;
  if (options->state && !em_case_state_parse (options->state, &options->filter.state))
    return *status = em_cli_usage_error ("casos", _("--estado: «%s» no es un estado"), options->state), FALSE;
  if (options->filter.result && !is_capacity_result (options->filter.result))
    return *status = em_cli_usage_error ("casos", _("--resultado: «%s» no es un resultado"),
                                         options->filter.result), FALSE;
  return check_date ("--desde", options->filter.from, status) && check_date ("--hasta", options->filter.until, status);
}

/* The filters of `listar` (and --limite when @with_limit) out of @argv. */
gboolean
em_cli_read_filter (int          argc,
                    char       **argv,
                    gboolean     with_limit,
                    EmCliFilter *options,
                    GPtrArray   *positional,
                    int         *status)
{
  const EmCliOption known[] = {
    { "--buscar", &options->filter.text }, { "--tipo", &options->kind },
    { "--resultado", &options->filter.result }, { "--estado", &options->state },
    { "--desde", &options->filter.from }, { "--hasta", &options->filter.until },
    { with_limit ? "--limite" : NULL, &options->limit }, { NULL },
  };

  return em_cli_parse_options (argc, argv, known, positional, status) && check_filter (options, status);
}

/* A file, or «-» for standard input. */
GInputStream *
em_cli_open_input (const char *path,
                   GError    **error)
{
  g_autoptr(GFile) file = NULL;

  if (g_str_equal (path, "-"))
    return g_unix_input_stream_new (STDIN_FILENO, FALSE);
  file = g_file_new_for_commandline_arg (path);
  return G_INPUT_STREAM (g_file_read (file, NULL, error));
}
