/* em-bench-pdf.c — 1,000 verdict summaries as PDF from one process
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   em-bench-pdf DATABASE OUTPUT-DIR [N [THREADS]]
 *
 * Writes the summaries of the cases 1…N (default 1,000) of DATABASE with
 * the report library, as `evaluador-minero-cli informe --caso ID --pdf`
 * does, each to its own file, and prints "pdf-segundos S".  With THREADS
 * (default 1) the cases are shared out among that many threads, each with
 * its own connection to the store.
 */
#define G_LOG_DOMAIN "em-bench"

#include "config.h"

#include <stdio.h>

#include "em-i18n.h"
#include "em-report.h"

typedef struct
{
  const char *database;
  const char *folder;
  guint64     first;
  guint64     step;
  guint64     last;
  gboolean    ok;
} Share;

static gpointer
render_share (gpointer data)
{
  Share *share = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(EmCaseStore) store = em_case_store_open (share->database, &error);

  for (guint64 id = share->first; store != NULL && id <= share->last; id += share->step)
    {
      g_autofree char *name = g_strdup_printf ("resumen-%" G_GUINT64_FORMAT ".pdf", id);
      g_autofree char *path = g_build_filename (share->folder, name, NULL);

      if (!em_report_write_case_pdf (store, id, path, EM_PAPER_CARTA, &error))
        break;
    }
  if (error != NULL)
    fprintf (stderr, "%s\n", error->message);
  share->ok = error == NULL;
  return NULL;
}

int
main (int argc, char **argv)
{
  guint64 count = 1000, threads = 1;
  Share shares[16];
  GThread *workers[16];
  gboolean ok = TRUE;
  gint64 start;

  em_i18n_init ();
  if (argc < 3 || (argc > 3 && !g_ascii_string_to_unsigned (argv[3], 10, 1, G_MAXUINT, &count, NULL))
      || (argc > 4 && !g_ascii_string_to_unsigned (argv[4], 10, 1, G_N_ELEMENTS (shares), &threads, NULL)))
    {
      fprintf (stderr, "uso: em-bench-pdf BASE-DE-DATOS CARPETA [N [HILOS]]\n");
      return 2;
    }
  start = g_get_monotonic_time ();
  for (guint i = 0; i < threads; i++)
    {
      shares[i] = (Share) { argv[1], argv[2], i + 1, threads, count, FALSE };
      workers[i] = g_thread_new ("pdf", render_share, &shares[i]);
    }
  for (guint i = 0; i < threads; i++)
    {
      g_thread_join (workers[i]);
      ok = ok && shares[i].ok;
    }
  printf ("pdf-segundos %.2f\n", (g_get_monotonic_time () - start) / 1e6);
  return ok ? 0 : 1;
}
