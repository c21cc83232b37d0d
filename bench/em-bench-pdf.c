/* em-bench-pdf.c — 1,000 verdict summaries as PDF from one process
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   em-bench-pdf DATABASE OUTPUT-DIR [N]
 *
 * Writes the summaries of the cases 1…N (default 1,000) of DATABASE with
 * the report library, as `evaluador-minero-cli informe --caso ID --pdf`
 * does, each to its own file, and prints "pdf-segundos S".
 */
#define G_LOG_DOMAIN "em-bench"

#include "config.h"

#include <stdio.h>

#include "em-i18n.h"
#include "em-report.h"

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EmCaseStore) store = NULL;
  guint64 count = 1000;
  gint64 start;

  em_i18n_init ();
  if (argc < 3 || (argc > 3 && !g_ascii_string_to_unsigned (argv[3], 10, 1, G_MAXUINT, &count, NULL)))
    {
      fprintf (stderr, "uso: em-bench-pdf BASE-DE-DATOS CARPETA [N]\n");
      return 2;
    }
  if ((store = em_case_store_open (argv[1], &error)) == NULL)
    return fprintf (stderr, "%s\n", error->message), 1;
  start = g_get_monotonic_time ();
  for (guint64 id = 1; id <= count; id++)
    {
      g_autofree char *name = g_strdup_printf ("resumen-%" G_GUINT64_FORMAT ".pdf", id);
      g_autofree char *path = g_build_filename (argv[2], name, NULL);

      if (!em_report_write_case_pdf (store, id, path, EM_PAPER_CARTA, &error))
        return fprintf (stderr, "%s\n", error->message), 1;
    }
  printf ("pdf-segundos %.2f\n", (g_get_monotonic_time () - start) / 1e6);
  return 0;
}
