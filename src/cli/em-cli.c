/* em-cli.c — evaluador-minero-cli: commands and general help
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "em-cli"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "em-cli.h"
#include "em-cli-batch.h"
#include "em-i18n.h"

typedef struct
{
  const char *name;
  int       (*run) (int argc, char **argv);
  const char *summary;
} Command;

static const Command commands[] = {
  { "capacidad", em_cli_capacidad_run,
    N_("Evalúa la capacidad económica de un solicitante del RUCOM (Res. ANM 208/2017)") },
  { "tarifa", em_cli_tarifa_run,
    N_("Clasifica un título, decide si la inspección se cobra y calcula la tarifa") },
  { "casos", em_cli_casos_run,
    N_("Guarda, busca, tramita, exporta y verifica los casos evaluados") },
  { "informe", em_cli_informe_run,
    N_("Imprime en PDF el resumen de un caso o el informe de un periodo") },
};

static void
print_help (void)
{
  g_print (_("Uso: evaluador-minero-cli ORDEN [OPCIONES…]\n"
             "\n"
             "Evaluador Minero sin ventana: las mismas reglas que la aplicación,\n"
             "para trabajo por lotes y para otros sistemas de la ANM.\n"
             "\n"
             "Órdenes:\n"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_print ("  %-12s %s\n", commands[i].name, _(commands[i].summary));
  g_print (_("\n"
             "Opciones generales:\n"
             "  --ayuda, -h    Muestra esta ayuda\n"
             "  --version      Muestra la versión\n"
             "\n"
             "Use «evaluador-minero-cli ORDEN --ayuda» para la ayuda de cada orden.\n"));
}

int
em_cli_run (int    argc,
            char **argv)
{
  const char *name;

  em_i18n_init ();
  g_set_prgname ("evaluador-minero-cli");

  if (argc < 2)
    {
      print_help ();
      return EM_EXIT_INPUT_ERROR;
    }
  name = argv[1];
  if (g_str_equal (name, "--ayuda") || g_str_equal (name, "--help") || g_str_equal (name, "-h"))
    return print_help (), EM_EXIT_OK;
  if (g_str_equal (name, "--version"))
    return g_print ("evaluador-minero-cli %s\n", PACKAGE_VERSION), EM_EXIT_OK;
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (name, commands[i].name))
      return commands[i].run (argc - 2, argv + 2);
  g_printerr (_("error: orden desconocida «%s»\nUse «evaluador-minero-cli --ayuda» para ver las órdenes.\n"),
              name);
  return EM_EXIT_INPUT_ERROR;
}
