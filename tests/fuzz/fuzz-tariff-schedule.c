/* fuzz-tariff-schedule.c — a tarifario file (--tarifario, the preferences)
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Any bytes: refused with an error that names the place, or loaded; a
 * loaded tarifario prices the fixed cases with the shipped annex table.
 */
#define G_LOG_DOMAIN "fuzz-tariff-schedule"

#include "config.h"

#include "fuzz-data-file.h"

static EmTariffTable *table;

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  fuzz_data_file_init ();
  table = em_tariff_table_new_builtin (NULL);
  FUZZ_CHECK (table != NULL);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr(GBytes) bytes = fuzz_bytes (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(EmTariffSchedule) schedule = em_tariff_schedule_new_from_bytes (bytes, &error);
  g_autofree char *validity = NULL;

  if (schedule == NULL)
    {
      FUZZ_CHECK (error != NULL && error->message[0] != '\0');
      return 0;
    }
  validity = em_tariff_schedule_describe_validity (schedule);
  FUZZ_CHECK (em_tariff_schedule_get_valor_dia (schedule) <= EM_TARIFF_SCHEDULE_MAX_VALOR_DIA);
  fuzz_evaluate_tariff_with (table, schedule);
  return 0;
}
