/* tariff-test-util.h — shared helpers of the inspection-tariff tests
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every input goes through the same JSON reader the CLI uses.
 */
#pragma once

#include <string.h>

#include "em-input-error.h"
#include "em-json-check.h"
#include "em-tariff-engine.h"
#include "em-tariff-json.h"

static inline EmTariffTable *
tt_table (void)
{
  g_autoptr(GError) error = NULL;
  EmTariffTable *table = em_tariff_table_new_builtin (&error);

  g_assert_no_error (error);
  return table;
}

static inline EmTariffSchedule *
tt_schedule_builtin (void)
{
  g_autoptr(GError) error = NULL;
  EmTariffSchedule *schedule = em_tariff_schedule_new_builtin (EM_TARIFF_SCHEDULE_DEFAULT_ID, &error);

  g_assert_no_error (error);
  return schedule;
}

/* A tarifario of tests/data. */
static inline EmTariffSchedule *
tt_schedule_file (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_getenv ("EM_TEST_DATA"), name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  EmTariffSchedule *schedule = em_tariff_schedule_new_from_file (file, &error);

  g_assert_no_error (error);
  return schedule;
}

static inline EmTariffVerdict *
tt_evaluate_with (EmTariffSchedule *schedule, const char *json, GError **error)
{
  g_autoptr(EmTariffTable) table = tt_table ();
  g_autoptr(EmFlatObject) object = em_flat_object_parse (json, -1, error);
  g_autoptr(EmTariffCase) input = NULL;

  if (object == NULL || (input = em_tariff_case_new_from_json (object, NULL, error)) == NULL)
    return NULL;
  return em_tariff_evaluate (input, table, schedule, error);
}

/* Evaluates with the shipped tarifario; the input must be valid. */
static inline EmTariffVerdict *
tt_evaluate (const char *json)
{
  g_autoptr(EmTariffSchedule) schedule = tt_schedule_builtin ();
  g_autoptr(GError) error = NULL;
  EmTariffVerdict *verdict = tt_evaluate_with (schedule, json, &error);

  g_assert_no_error (error);
  g_assert_nonnull (verdict);
  return verdict;
}

static inline void
tt_assert_contains (const char *text, const char *part)
{
  if (text == NULL || strstr (text, part) == NULL)
    g_error ("«%s» does not contain «%s»", text, part);
}

/* The input is rejected with an error about @field saying @message_part. */
static inline void
tt_assert_rejected (const char *json, const char *field, const char *message_part)
{
  g_autoptr(EmTariffSchedule) schedule = tt_schedule_builtin ();
  g_autoptr(GError) error = NULL;
  g_autoptr(EmTariffVerdict) verdict = tt_evaluate_with (schedule, json, &error);

  g_assert_null (verdict);
  g_assert_nonnull (error);
  g_assert_true (error->domain == EM_INPUT_ERROR);
  g_assert_cmpstr (em_input_error_get_field (error), ==, field);
  tt_assert_contains (error->message, message_part);
}

static inline gboolean
tt_observed (EmTariffVerdict *verdict, const char *part)
{
  const char * const *observations = em_tariff_verdict_get_observations (verdict);

  for (guint i = 0; observations[i] != NULL; i++)
    if (strstr (observations[i], part) != NULL)
      return TRUE;
  return FALSE;
}
