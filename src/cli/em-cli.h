/* em-cli.h — evaluador-minero-cli
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

int em_cli_run           (int    argc,
                          char **argv);
int em_cli_capacidad_run (int    argc,
                          char **argv);
int em_cli_casos_run     (int    argc,
                          char **argv);
int em_cli_informe_run   (int    argc,
                          char **argv);
int em_cli_tarifa_run    (int    argc,
                          char **argv);

G_END_DECLS
