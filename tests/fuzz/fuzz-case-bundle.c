/* fuzz-case-bundle.c — importing a bundle of cases from another laptop
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The bundle is imported into a case database in a temporary directory,
 * opened once.  Each run is wrapped in a transaction rolled back at its end
 * (the import itself is then a savepoint), so every input meets the same
 * empty database.  A bundle that imports must leave a history that
 * verifies, export again, and import a second time storing nothing twice.
 */
#define G_LOG_DOMAIN "fuzz-case-bundle"

#include "config.h"

#include <glib/gstdio.h>

#include "em-case-bundle.h"
#include "em-case-csv.h"
#include "fuzz-util.h"

static EmCaseStore *store;
static char *dir;

static void
remove_database (void)
{
  static const char * const names[] = { "casos.sqlite", "casos.sqlite-wal", "casos.sqlite-shm", "casos.sqlite-journal" };

  g_clear_object (&store);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);
      g_unlink (path);
    }
  g_rmdir (dir);
}

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  g_autofree char *path = NULL;

  fuzz_init ();
  dir = g_dir_make_tmp ("em-fuzz-paquete-XXXXXX", NULL);
  FUZZ_CHECK (dir != NULL);
  path = g_build_filename (dir, "casos.sqlite", NULL);
  store = em_case_store_open (path, NULL);
  FUZZ_CHECK (store != NULL);
  atexit (remove_database);
  return 0;
}

static GBytes *
export_all (EmCaseStore *from)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  guint n = 0;

  FUZZ_CHECK (em_case_bundle_export (from, NULL, out, &n, NULL));
  FUZZ_CHECK (g_output_stream_close (out, NULL, NULL));
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
}

static void
check_imported (const EmBundleReport *report)
{
  g_autoptr(GBytes) exported = NULL;
  g_autoptr(GInputStream) in = NULL;
  g_autoptr(GOutputStream) csv = g_memory_output_stream_new_resizable ();
  EmBundleReport again = { 0 };
  gint64 count = em_case_store_count (store, NULL);
  guint rows = 0;

  FUZZ_CHECK (count == report->n_new);
  FUZZ_CHECK (em_case_store_verify (store, NULL) >= 0);
  exported = export_all (store);
  in = g_memory_input_stream_new_from_bytes (exported);
  FUZZ_CHECK (em_case_bundle_import (store, in, "Evaluador de prueba", "fuzz", &again, NULL));
  FUZZ_CHECK (again.n_new == 0 && again.n_extended == 0 && again.n_unchanged == count);
  FUZZ_CHECK (em_case_csv_export (store, NULL, csv, &rows, NULL) && rows == count);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr(GBytes) bytes = fuzz_bytes (data, size);
  g_autoptr(GInputStream) in = g_memory_input_stream_new_from_bytes (bytes);
  g_autoptr(GError) error = NULL;
  EmBundleReport report = { 0 };

  FUZZ_CHECK (em_case_store_begin (store, NULL));
  if (em_case_bundle_import (store, in, "Evaluador de prueba", "fuzz", &report, &error))
    check_imported (&report);
  else
    FUZZ_CHECK (error != NULL && error->message[0] != '\0');
  em_case_store_rollback (store);
  FUZZ_CHECK (em_case_store_count (store, NULL) == 0);       /* every input meets an empty store */
  return 0;
}
