/* fuzz-tariff-table.c — the annex tables file (classification, inspection days)
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Any bytes: refused with an error, or loaded; a loaded table classifies
 * and prices the fixed cases with the shipped tarifario.
 */
#define G_LOG_DOMAIN "fuzz-tariff-table"

#include "config.h"

#include "fuzz-data-file.h"

static EmTariffSchedule *schedule;

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  fuzz_data_file_init ();
  schedule = em_tariff_schedule_new_builtin (EM_TARIFF_SCHEDULE_DEFAULT_ID, NULL);
  FUZZ_CHECK (schedule != NULL);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr(GBytes) bytes = fuzz_bytes (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(EmTariffTable) table = em_tariff_table_new_from_bytes (bytes, &error);

  if (table == NULL)
    {
      FUZZ_CHECK (error != NULL && error->message[0] != '\0');
      return 0;
    }
  FUZZ_CHECK (em_tariff_table_get_id (table) != NULL);
  fuzz_evaluate_tariff_with (table, schedule);
  return 0;
}
