/* main.c — evaluador-minero, the window
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "em-application.h"
#include "em-i18n.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(EmApplication) application = NULL;

  em_i18n_init ();
  application = em_application_new ();
  return g_application_run (G_APPLICATION (application), argc, argv);
}
