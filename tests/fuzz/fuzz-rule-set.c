/* fuzz-rule-set.c — a capacity rule-set file (--reglas, the preferences)
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Any bytes: refused with an error that names the place, or loaded; a
 * loaded rule set describes itself and evaluates the fixed cases.
 */
#define G_LOG_DOMAIN "fuzz-rule-set"

#include "config.h"

#include "fuzz-data-file.h"

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  fuzz_data_file_init ();
  return 0;
}

static void
use (EmRuleSet *rules)
{
  g_autofree char *validity = em_rule_set_describe_validity (rules);

  FUZZ_CHECK (validity != NULL && g_utf8_validate (validity, -1, NULL));
  FUZZ_CHECK (em_rule_set_get_id (rules)[0] != '\0');
  FUZZ_CHECK (g_utf8_validate (em_rule_set_get_name (rules), -1, NULL));
  for (EmIndicatorId id = 0; id < EM_N_INDICATORS; id++)
    FUZZ_CHECK (em_rule_set_get_basis (rules, id) != NULL);
  fuzz_evaluate_capacity_with (rules);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr(GBytes) bytes = fuzz_bytes (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(EmRuleSet) rules = em_rule_set_new_from_bytes (bytes, &error);

  if (rules == NULL)
    FUZZ_CHECK (error != NULL && error->message[0] != '\0');
  else
    use (rules);
  return 0;
}
