/* main.c — evaluador-minero-cli
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "em-cli.h"

int
main (int    argc,
      char **argv)
{
  return em_cli_run (argc, argv);
}
