/* test-forms.c — what officials type: NIT digits and dates
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "em-date.h"
#include "em-input-error.h"
#include "em-nit.h"

#include <string.h>

/* Known NITs: DIAN 800.197.268-4, Bancolombia 890.903.938-8. */
static void
test_nit_check_digit_known_numbers (void)
{
  g_assert_cmpint (em_nit_check_digit ("800197268"), ==, 4);
  g_assert_cmpint (em_nit_check_digit ("890903938"), ==, 8);
  g_assert_cmpint (em_nit_check_digit ("900123456"), ==, 8);
  g_assert_cmpint (em_nit_check_digit ("899999034"), ==, 1);
  g_assert_cmpint (em_nit_check_digit (""), ==, -1);
  g_assert_cmpint (em_nit_check_digit ("12a"), ==, -1);
  g_assert_cmpint (em_nit_check_digit ("1234567890123456"), ==, -1);
}

static void
test_nit_accepts_written_forms (void)
{
  const char *good[] = { "800.197.268-4", "800197268-4", "8001972684", " 800 197 268-4" };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    g_assert_true (em_nit_validate (good[i], NULL, NULL));
}

static void
test_nit_wrong_digit_says_which (void)
{
  g_autoptr(GError) error = NULL;
  int expected = -1;

  g_assert_false (em_nit_validate ("800.197.268-5", &expected, &error));
  g_assert_cmpint (expected, ==, 4);
  g_assert_cmpstr (em_input_error_get_field (error), ==, "numero_documento");
  g_assert_nonnull (strstr (error->message, "debería ser 4"));
}

static void
test_nit_malformed_rejected (void)
{
  const char *bad[] = { "800197268-", "800197268-45", "ABC-1", "8" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_assert_false (em_nit_validate (bad[i], NULL, &error));
      g_assert_nonnull (error);
    }
}

static void
test_date_user_forms (void)
{
  const char *forms[] = { "21/11/2026", "21-11-2026", "21.11.2026", "2026-11-21", " 21/11/2026 " };

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      GDate date;
      g_assert_true (em_date_parse_user (forms[i], &date, NULL));
      g_assert_cmpint (g_date_get_day (&date), ==, 21);
      g_assert_cmpint (g_date_get_month (&date), ==, 11);
      g_assert_cmpint (g_date_get_year (&date), ==, 2026);
    }
}

static void
test_date_one_digit_day_and_month (void)
{
  GDate date;
  g_autofree char *shown = NULL;

  g_assert_true (em_date_parse_user ("5/6/2017", &date, NULL));
  shown = em_date_format_user (&date);
  g_assert_cmpstr (shown, ==, "05/06/2017");
}

static void
test_date_impossible_or_malformed_rejected (void)
{
  const char *bad[] = { "30/02/2017", "2017/06/05", "1/2/17", "hoy", "", "aa/bb/2017", "32/01/2020" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      GDate date;
      g_autoptr(GError) error = NULL;
      g_assert_false (em_date_parse_user (bad[i], &date, &error));
      g_assert_nonnull (error);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/formas/nit/check-digit-known-numbers", test_nit_check_digit_known_numbers);
  g_test_add_func ("/formas/nit/accepts-written-forms", test_nit_accepts_written_forms);
  g_test_add_func ("/formas/nit/wrong-digit-says-which", test_nit_wrong_digit_says_which);
  g_test_add_func ("/formas/nit/malformed-rejected", test_nit_malformed_rejected);
  g_test_add_func ("/formas/fecha/user-forms", test_date_user_forms);
  g_test_add_func ("/formas/fecha/one-digit-day-and-month", test_date_one_digit_day_and_month);
  g_test_add_func ("/formas/fecha/impossible-or-malformed-rejected", test_date_impossible_or_malformed_rejected);
  return g_test_run ();
}
