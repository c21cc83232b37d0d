/* fuzz-tariff.c — a tariff case from JSON: parse, classify, charge, JSON out
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "fuzz-tariff"

#include "config.h"

#include "fuzz-evaluate.h"

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  fuzz_evaluate_init ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  fuzz_evaluate (EM_CASE_KIND_TARIFA, data, size);
  return 0;
}
