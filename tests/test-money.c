/* test-money.c — amounts in centavos, both written forms (em-money)
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * CONTRACT.md: money is canonical "1234567.89" (digits, optional point, at
 * most 2 decimals) or a JSON number, 0 … 10^15 pesos.  People type the
 * Colombian form "$ 1.234.567,89".  A text that fits neither is rejected
 * with a sentence that says why — never misread.
 */
#include "config.h"

#include <string.h>

#include "em-money.h"

typedef gboolean (*ParseFunc) (const char *text, EmMoney *out, GError **error);

typedef struct
{
  const char *text;
  EmMoney     centavos;
} Accepted;

typedef struct
{
  const char *text;
  int         code;
  const char *says;   /* a piece of the message that tells why */
} Rejected;

static void
assert_parses (ParseFunc parse, const Accepted *c)
{
  g_autoptr(GError) error = NULL;
  EmMoney value = -1;
  gboolean ok;

  g_test_message ("accepts «%s»", c->text);
  ok = parse (c->text, &value, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_cmpint (value, ==, c->centavos);
}

static void
assert_rejects (ParseFunc parse, const Rejected *c)
{
  g_autoptr(GError) error = NULL;
  EmMoney value = 4242;

  g_test_message ("rejects «%s»", c->text);
  g_assert_false (parse (c->text, &value, &error));
  g_assert_error (error, EM_NUMBER_ERROR, c->code);
  g_test_message ("message: %s", error->message);
  g_assert_nonnull (strstr (error->message, c->says));
}

static void
assert_all_parse (ParseFunc parse, const Accepted *cases, gsize n)
{
  for (gsize i = 0; i < n; i++)
    assert_parses (parse, &cases[i]);
}

static void
assert_all_rejected (ParseFunc parse, const Rejected *cases, gsize n)
{
  for (gsize i = 0; i < n; i++)
    assert_rejects (parse, &cases[i]);
}

/* --------------------------------------------------------- canonical form */

static void
test_parse_canonical_accepts (void)
{
  static const Accepted cases[] = {
    { "1234567.89", 123456789 },
    { "0",          0 },
    { "0.5",        50 },
    { "0.05",       5 },
    { "0.01",       1 },
    { "007",        700 },
    { "12.3",       1230 },
    { "1000000000000000",    EM_MONEY_MAX },
    { "1000000000000000.00", EM_MONEY_MAX },
    { "999999999999999.99",  EM_MONEY_MAX - 1 },
  };

  assert_all_parse (em_money_parse, cases, G_N_ELEMENTS (cases));
}

static void
test_parse_canonical_rejects_above_max (void)
{
  static const Rejected cases[] = {
    { "1000000000000000.01", EM_NUMBER_ERROR_RANGE, "supera el máximo de $ 1.000.000.000.000.000" },
    { "1000000000000001",    EM_NUMBER_ERROR_RANGE, "supera el máximo" },
    { "99999999999999999999999", EM_NUMBER_ERROR_RANGE, "supera el máximo" },
  };

  assert_all_rejected (em_money_parse, cases, G_N_ELEMENTS (cases));
}

/* "1.000" has 3 decimals: read as one peso it would misread a Colombian
 * «mil»; the contract allows at most 2 decimals, whatever they are. */
static void
test_parse_canonical_rejects_three_decimals (void)
{
  static const Rejected cases[] = {
    { "12.345", EM_NUMBER_ERROR_TOO_MANY_DECIMALS, "«12.345» tiene más de 2 decimales" },
    { "1.000",  EM_NUMBER_ERROR_TOO_MANY_DECIMALS, "«1.000» tiene más de 2 decimales" },
    { "0.001",  EM_NUMBER_ERROR_TOO_MANY_DECIMALS, "más de 2 decimales" },
  };

  assert_all_rejected (em_money_parse, cases, G_N_ELEMENTS (cases));
}

static void
test_parse_canonical_rejects_negative (void)
{
  static const Rejected c = { "-1", EM_NUMBER_ERROR_NEGATIVE, "no puede ser negativo" };

  assert_rejects (em_money_parse, &c);
}

/* Thousands separators, the Colombian form, exponents, spaces and signs
 * are not the canonical form: rejected, with the form it should have. */
static void
test_parse_canonical_rejects_other_forms (void)
{
  static const Rejected cases[] = {
    { "1,234.56",     EM_NUMBER_ERROR_SYNTAX, "«1,234.56» no es un valor en pesos válido" },
    { "1.234.567,89", EM_NUMBER_ERROR_SYNTAX, "punto decimal con hasta 2 decimales" },
    { "1234567,89",   EM_NUMBER_ERROR_SYNTAX, "«1234567.89»" },
    { "$ 1",          EM_NUMBER_ERROR_SYNTAX, "no es un valor en pesos válido" },
    { "1e3",          EM_NUMBER_ERROR_SYNTAX, "no es un valor en pesos válido" },
    { "1.5E2",        EM_NUMBER_ERROR_SYNTAX, "no es un valor en pesos válido" },
    { " 1",           EM_NUMBER_ERROR_SYNTAX, "no es un valor en pesos válido" },
    { "+1",           EM_NUMBER_ERROR_SYNTAX, "no es un valor en pesos válido" },
    { "",             EM_NUMBER_ERROR_SYNTAX, "no es un valor en pesos válido" },
    { "1.",           EM_NUMBER_ERROR_SYNTAX, "no es un valor en pesos válido" },
    { "abc",          EM_NUMBER_ERROR_SYNTAX, "no es un valor en pesos válido" },
  };

  assert_all_rejected (em_money_parse, cases, G_N_ELEMENTS (cases));
}

/* ------------------------------------------------------ JSON number tokens */

/* 999999999999999.99 has no double: through strtod it would lose centavos. */
static void
test_parse_json_number_is_exact_beyond_double (void)
{
  static const Accepted cases[] = {
    { "999999999999999.99", G_GINT64_CONSTANT (99999999999999999) },
    { "123456789012345.67", G_GINT64_CONSTANT (12345678901234567) },
    { "900719925474099.31", G_GINT64_CONSTANT (90071992547409931) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gint64 through_double = (gint64) (g_ascii_strtod (cases[i].text, NULL) * 100);

      g_assert_cmpint (through_double, !=, cases[i].centavos);
      assert_parses (em_money_parse_json_number, &cases[i]);
    }
}

/* A JSON number is a value: an exponent or a trailing zero is exact. */
static void
test_parse_json_number_accepts_exact_values (void)
{
  static const Accepted cases[] = {
    { "0",          0 },
    { "1234567.89", 123456789 },
    { "1e3",        100000 },
    { "1.5E2",      15000 },
    { "1.5e+2",     15000 },
    { "12345e-2",   12345 },
    { "12.340",     1234 },
    { "-0",         0 },
    { "1e15",       EM_MONEY_MAX },
  };

  assert_all_parse (em_money_parse_json_number, cases, G_N_ELEMENTS (cases));
}

static void
test_parse_json_number_rejects (void)
{
  static const Rejected cases[] = {
    { "12.345",       EM_NUMBER_ERROR_TOO_MANY_DECIMALS, "más de 2 decimales" },
    { "1e-3",         EM_NUMBER_ERROR_TOO_MANY_DECIMALS, "más de 2 decimales" },
    { "1.23456e2",    EM_NUMBER_ERROR_TOO_MANY_DECIMALS, "más de 2 decimales" },
    { "-1",           EM_NUMBER_ERROR_NEGATIVE,          "no puede ser negativo" },
    { "-0.01",        EM_NUMBER_ERROR_NEGATIVE,          "no puede ser negativo" },
    { "1.0000000000000001e15", EM_NUMBER_ERROR_RANGE,    "supera el máximo" },
    { "1e999999",     EM_NUMBER_ERROR_RANGE,             "supera el máximo" },
    { "1e",           EM_NUMBER_ERROR_SYNTAX,            "no es un valor en pesos válido" },
  };

  assert_all_rejected (em_money_parse_json_number, cases, G_N_ELEMENTS (cases));
}

/* ------------------------------------------------------ the Colombian form */

static void
test_parse_user_accepts_colombian_form (void)
{
  static const Accepted cases[] = {
    { "1.234.567,89",    123456789 },
    { "$ 1.234.567",     123456700 },
    { "$1.234",          123400 },
    { "1234567",         123456700 },
    { "1234567,5",       123456750 },
    { "  $ 12,30 ",      1230 },
    { "1.000",           100000 },
    { "0",               0 },
    { "0,01",            1 },
    { "$ 0,00",          0 },
    { "12.345.678",      1234567800 },
    { "1.000.000.000.000.000,00", EM_MONEY_MAX },
  };

  assert_all_parse (em_money_parse_user, cases, G_N_ELEMENTS (cases));
}

/* "1,234.56" is the US form; taking it as 1,23 or 1234,56 would be a guess. */
static void
test_parse_user_rejects_comma_before_point (void)
{
  static const Rejected cases[] = {
    { "1,234.56",   EM_NUMBER_ERROR_SYNTAX, "la coma separa los decimales" },
    { "$ 1,234.56", EM_NUMBER_ERROR_SYNTAX, "aquí la coma va antes del punto" },
    { "1,234,567.89", EM_NUMBER_ERROR_SYNTAX, "la coma separa los decimales" },
  };

  assert_all_rejected (em_money_parse_user, cases, G_N_ELEMENTS (cases));
}

static void
test_parse_user_rejects_point_not_grouping_thousands (void)
{
  static const Rejected cases[] = {
    { "1234567.89", EM_NUMBER_ERROR_SYNTAX, "el punto separa miles en grupos de 3 cifras" },
    { "12.5",       EM_NUMBER_ERROR_SYNTAX, "el punto separa miles en grupos de 3 cifras" },
    { "1.23",       EM_NUMBER_ERROR_SYNTAX, "para los centavos use la coma" },
    { "1.2345",     EM_NUMBER_ERROR_SYNTAX, "grupos de 3 cifras" },
    { "1234.567",   EM_NUMBER_ERROR_SYNTAX, "grupos de 3 cifras" },
    { "1..234",     EM_NUMBER_ERROR_SYNTAX, "grupos de 3 cifras" },
  };

  assert_all_rejected (em_money_parse_user, cases, G_N_ELEMENTS (cases));
}

static void
test_parse_user_rejects_more_than_one_comma (void)
{
  static const Rejected c = { "1,2,3", EM_NUMBER_ERROR_SYNTAX, "solo puede haber una coma" };

  assert_rejects (em_money_parse_user, &c);
}

/* In the Colombian form the comma marks decimals: "1,234" has 3 of them,
 * and "1,000" is not «mil» but 3 decimals — both rejected, never read as
 * $ 1,23 or $ 1,00. */
static void
test_parse_user_rejects_three_decimals (void)
{
  static const Rejected cases[] = {
    { "1,234",     EM_NUMBER_ERROR_SYNTAX, "«1,234» tiene más de 2 decimales" },
    { "1,000",     EM_NUMBER_ERROR_SYNTAX, "«1,000» tiene más de 2 decimales" },
    { "1.234,567", EM_NUMBER_ERROR_SYNTAX, "tiene más de 2 decimales (los centavos)" },
    { "0,001",     EM_NUMBER_ERROR_SYNTAX, "tiene más de 2 decimales" },
  };

  assert_all_rejected (em_money_parse_user, cases, G_N_ELEMENTS (cases));
}

static void
test_parse_user_rejects_negative (void)
{
  static const Rejected cases[] = {
    { "-5",     EM_NUMBER_ERROR_NEGATIVE, "no puede ser negativo" },
    { "$ -5",   EM_NUMBER_ERROR_NEGATIVE, "no puede ser negativo" },
    { "-1.234,5", EM_NUMBER_ERROR_NEGATIVE, "no puede ser negativo" },
  };

  assert_all_rejected (em_money_parse_user, cases, G_N_ELEMENTS (cases));
}

static void
test_parse_user_rejects_empty (void)
{
  static const Rejected cases[] = {
    { "",      EM_NUMBER_ERROR_SYNTAX, "no tiene cifras" },
    { "   ",   EM_NUMBER_ERROR_SYNTAX, "no tiene cifras" },
    { "$",     EM_NUMBER_ERROR_SYNTAX, "no tiene cifras" },
    { " $  ",  EM_NUMBER_ERROR_SYNTAX, "no tiene cifras" },
  };

  assert_all_rejected (em_money_parse_user, cases, G_N_ELEMENTS (cases));
}

static void
test_parse_user_rejects_non_numbers (void)
{
  static const Rejected cases[] = {
    { "abc",     EM_NUMBER_ERROR_SYNTAX, "«abc» no es un valor en pesos" },
    { "12abc",   EM_NUMBER_ERROR_SYNTAX, "no es un valor en pesos" },
    { "$$5",     EM_NUMBER_ERROR_SYNTAX, "no es un valor en pesos" },
    { "1 234",   EM_NUMBER_ERROR_SYNTAX, "no es un valor en pesos" },
    { ",5",      EM_NUMBER_ERROR_SYNTAX, "no es un valor en pesos" },
    { "1e3",     EM_NUMBER_ERROR_SYNTAX, "no es un valor en pesos" },
    { "USD 5",   EM_NUMBER_ERROR_SYNTAX, "no es un valor en pesos" },
  };

  assert_all_rejected (em_money_parse_user, cases, G_N_ELEMENTS (cases));
}

static void
test_parse_user_rejects_above_max (void)
{
  static const Rejected cases[] = {
    { "1.000.000.000.000.000,01", EM_NUMBER_ERROR_SYNTAX, "supera el máximo de $ 1.000.000.000.000.000" },
    { "$ 10.000.000.000.000.000", EM_NUMBER_ERROR_SYNTAX, "supera el máximo" },
  };

  assert_all_rejected (em_money_parse_user, cases, G_N_ELEMENTS (cases));
}

/* -------------------------------------------------------------- formatting */

static void
test_format_colombian (void)
{
  static const struct { EmMoney centavos; const char *text; } cases[] = {
    { 123456789,    "$ 1.234.567,89" },
    { 0,            "$ 0,00" },
    { 5,            "$ 0,05" },
    { 50,           "$ 0,50" },
    { 99999,        "$ 999,99" },
    { 100000,       "$ 1.000,00" },
    { EM_MONEY_MAX, "$ 1.000.000.000.000.000,00" },
    { EM_MONEY_MAX - 1, "$ 999.999.999.999.999,99" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = em_money_format (cases[i].centavos);
      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_to_canonical (void)
{
  static const struct { EmMoney centavos; const char *text; } cases[] = {
    { 123456789,    "1234567.89" },
    { 0,            "0.00" },
    { 50,           "0.50" },
    { 1,            "0.01" },
    { 100000,       "1000.00" },
    { EM_MONEY_MAX, "1000000000000000.00" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = em_money_to_canonical (cases[i].centavos);
      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static GArray *
spread_of_amounts (void)
{
  GArray *values = g_array_new (FALSE, FALSE, sizeof (EmMoney));
  static const EmMoney fixed[] = { 0, 1, 9, 10, 99, 101, 123456789, EM_MONEY_MAX, EM_MONEY_MAX - 1 };
  GRand *rand = g_rand_new_with_seed (208);

  g_array_append_vals (values, fixed, G_N_ELEMENTS (fixed));
  for (EmMoney p = 100; p <= EM_MONEY_MAX; p *= 10)
    {
      EmMoney around[] = { p - 1, p, p + 1 };
      g_array_append_vals (values, around, p < EM_MONEY_MAX ? 3 : 2);
    }
  for (guint i = 0; i < 200; i++)
    {
      guint64 bits = (guint64) g_rand_int (rand) << 32 | g_rand_int (rand);
      EmMoney v = (EmMoney) (bits % (guint64) (EM_MONEY_MAX + 1));
      g_array_append_val (values, v);
    }
  g_rand_free (rand);
  return values;
}

static void
test_format_round_trips_through_parse_user (void)
{
  g_autoptr(GArray) values = spread_of_amounts ();

  for (guint i = 0; i < values->len; i++)
    {
      EmMoney v = g_array_index (values, EmMoney, i);
      g_autofree char *text = em_money_format (v);
      Accepted c = { text, v };

      assert_parses (em_money_parse_user, &c);
    }
}

static void
test_canonical_round_trips_through_parse (void)
{
  g_autoptr(GArray) values = spread_of_amounts ();

  for (guint i = 0; i < values->len; i++)
    {
      EmMoney v = g_array_index (values, EmMoney, i);
      g_autofree char *text = em_money_to_canonical (v);
      Accepted c = { text, v };

      assert_parses (em_money_parse, &c);
      assert_parses (em_money_parse_json_number, &c);
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/money/parse/canonical/accepts", test_parse_canonical_accepts);
  g_test_add_func ("/money/parse/canonical/rejects-above-max", test_parse_canonical_rejects_above_max);
  g_test_add_func ("/money/parse/canonical/rejects-three-decimals",
                   test_parse_canonical_rejects_three_decimals);
  g_test_add_func ("/money/parse/canonical/rejects-negative", test_parse_canonical_rejects_negative);
  g_test_add_func ("/money/parse/canonical/rejects-other-forms-saying-why",
                   test_parse_canonical_rejects_other_forms);
  g_test_add_func ("/money/parse/json-number/exact-beyond-double",
                   test_parse_json_number_is_exact_beyond_double);
  g_test_add_func ("/money/parse/json-number/accepts-exact-values",
                   test_parse_json_number_accepts_exact_values);
  g_test_add_func ("/money/parse/json-number/rejects", test_parse_json_number_rejects);
  g_test_add_func ("/money/parse-user/accepts-colombian-form", test_parse_user_accepts_colombian_form);
  g_test_add_func ("/money/parse-user/rejects-comma-before-point",
                   test_parse_user_rejects_comma_before_point);
  g_test_add_func ("/money/parse-user/rejects-point-not-grouping-thousands",
                   test_parse_user_rejects_point_not_grouping_thousands);
  g_test_add_func ("/money/parse-user/rejects-more-than-one-comma",
                   test_parse_user_rejects_more_than_one_comma);
  g_test_add_func ("/money/parse-user/rejects-three-decimals", test_parse_user_rejects_three_decimals);
  g_test_add_func ("/money/parse-user/rejects-negative", test_parse_user_rejects_negative);
  g_test_add_func ("/money/parse-user/rejects-empty", test_parse_user_rejects_empty);
  g_test_add_func ("/money/parse-user/rejects-non-numbers", test_parse_user_rejects_non_numbers);
  g_test_add_func ("/money/parse-user/rejects-above-max", test_parse_user_rejects_above_max);
  g_test_add_func ("/money/format/colombian", test_format_colombian);
  g_test_add_func ("/money/format/canonical", test_to_canonical);
  g_test_add_func ("/money/format/round-trips-through-parse-user",
                   test_format_round_trips_through_parse_user);
  g_test_add_func ("/money/format/canonical-round-trips-through-parse",
                   test_canonical_round_trips_through_parse);

  return g_test_run ();
}
