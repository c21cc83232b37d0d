/* fuzz-forms.c — what is typed in the window's forms: dates, NIT, decimals
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Dates as typed (DD/MM/AAAA) and as stored (AAAA-MM-DD) read back from
 * what they are written as; a NIT is checked without crashing; a decimal
 * (areas, productions) read in JSON syntax is within its limit.
 */
#define G_LOG_DOMAIN "fuzz-forms"

#include "config.h"

#include "em-date.h"
#include "em-nit.h"
#include "em-tariff-case.h"
#include "fuzz-util.h"

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  fuzz_init ();
  return 0;
}

static void
check_date (const GDate *date)
{
  g_autofree char *iso = em_date_to_iso (date);
  g_autofree char *shown = em_date_format_user (date);
  GDate back;

  FUZZ_CHECK (g_date_valid (date));
  FUZZ_CHECK (em_date_parse_iso (iso, &back, NULL) && g_date_compare (&back, date) == 0);
  FUZZ_CHECK (em_date_parse_user (shown, &back, NULL) && g_date_compare (&back, date) == 0);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autofree char *text = fuzz_text (data, size);
  GDate date;
  EmDecimal value = -1;
  int digit = -1;

  if (em_date_parse_iso (text, &date, NULL))
    check_date (&date);
  if (em_date_parse_user (text, &date, NULL))
    check_date (&date);
  em_nit_validate (text, &digit, NULL);
  if (em_decimal_parse (text, EM_NUMBER_JSON, EM_TARIFF_CASE_MAX_QUANTITY, &value, NULL))
    {
      g_autofree char *shown = em_decimal_to_string (value);
      EmDecimal back = -1;

      FUZZ_CHECK (value >= 0 && value <= EM_TARIFF_CASE_MAX_QUANTITY);
      FUZZ_CHECK (em_decimal_parse (shown, EM_NUMBER_PLAIN, EM_TARIFF_CASE_MAX_QUANTITY, &back, NULL)
                  && back == value);
    }
  return 0;
}
