/* test-number.c — exact decimals and ratio comparisons (em-number)
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Guards the arithmetic every verdict rests on: numbers are read digit by
 * digit (never through a double), and a ratio is compared with a threshold
 * by cross-multiplication, exactly, even where a double would decide wrongly.
 */
#include "config.h"

#include <string.h>

#include "em-number.h"

#define MICROS(x) ((gint64) (x) * EM_DECIMAL_ONE)

static EmInt128
pow10_128 (guint n)
{
  EmInt128 value = 1;

  for (guint i = 0; i < n; i++)
    value *= 10;
  return value;
}

/* ---------------------------------------------------------------- parsing */

typedef struct
{
  const char     *text;
  EmNumberSyntax  syntax;
  guint           places;
  gint64          expected;
} Accepted;

typedef struct
{
  const char     *text;
  EmNumberSyntax  syntax;
  guint           places;
  EmNumberError   code;
} Rejected;

static void
assert_accepted (const Accepted *c, gint64 max)
{
  g_autoptr(GError) error = NULL;
  gint64 value = G_MININT64;
  gboolean ok;

  g_test_message ("accepts «%.60s»%s (%u places)", c->text, strlen (c->text) > 60 ? "…" : "", c->places);
  ok = em_number_parse_scaled (c->text, c->syntax, c->places, max, &value, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_cmpint (value, ==, c->expected);
}

static GError *
assert_rejected (const Rejected *c, gint64 max)
{
  GError *error = NULL;
  gint64 value = 12345;

  /* At most 60 characters: meson reads TAP a line at a time, up to 64 KiB. */
  g_test_message ("rejects «%.60s»%s (%u places)", c->text, strlen (c->text) > 60 ? "…" : "", c->places);
  g_assert_false (em_number_parse_scaled (c->text, c->syntax, c->places, max, &value, &error));
  g_assert_error (error, EM_NUMBER_ERROR, (int) c->code);
  g_assert_nonnull (error->message);
  g_assert_cmpstr (error->message, !=, "");
  return error;
}

static void
test_parse_plain_accepts_digits_and_decimals (void)
{
  static const Accepted cases[] = {
    { "0",           EM_NUMBER_PLAIN, 6, 0 },
    { "1",           EM_NUMBER_PLAIN, 6, 1000000 },
    { "1.24",        EM_NUMBER_PLAIN, 6, 1240000 },
    { "0.157",       EM_NUMBER_PLAIN, 6, 157000 },
    { "0.000001",    EM_NUMBER_PLAIN, 6, 1 },
    { "1000",        EM_NUMBER_PLAIN, 6, 1000000000 },
    { "007",         EM_NUMBER_PLAIN, 6, 7000000 },
    { "1234567.89",  EM_NUMBER_PLAIN, 2, 123456789 },
    { "12.3",        EM_NUMBER_PLAIN, 2, 1230 },
    { "5",           EM_NUMBER_PLAIN, 0, 5 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    assert_accepted (&cases[i], G_MAXINT64);
}

/* 0.1 has no exact double; read digit by digit it is exactly 100000 micros. */
static void
test_parse_is_exact (void)
{
  static const Accepted cases[] = {
    { "0.1",                  EM_NUMBER_PLAIN, 6, 100000 },
    { "0.3",                  EM_NUMBER_PLAIN, 6, 300000 },
    { "999999999999.999999",  EM_NUMBER_PLAIN, 6, G_GINT64_CONSTANT (999999999999999999) },
    { "9223372036854.775807", EM_NUMBER_PLAIN, 6, G_MAXINT64 },
    { "92233720368547758.07", EM_NUMBER_JSON,  2, G_MAXINT64 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    assert_accepted (&cases[i], G_MAXINT64);
}

static void
test_parse_json_accepts_exponent (void)
{
  static const Accepted cases[] = {
    { "1.5e3",       EM_NUMBER_JSON, 6, MICROS (1500) },
    { "1.5E3",       EM_NUMBER_JSON, 6, MICROS (1500) },
    { "1E-2",        EM_NUMBER_JSON, 6, 10000 },
    { "1e+2",        EM_NUMBER_JSON, 6, MICROS (100) },
    { "123456e-6",   EM_NUMBER_JSON, 6, 123456 },
    { "0.000001e6",  EM_NUMBER_JSON, 6, MICROS (1) },
    { "12.5e-1",     EM_NUMBER_JSON, 2, 125 },
    { "1e0",         EM_NUMBER_JSON, 0, 1 },
    { "0e999999",    EM_NUMBER_JSON, 6, 0 },
    { "0e-999999",   EM_NUMBER_JSON, 6, 0 },
    { "1234.5",      EM_NUMBER_JSON, 2, 123450 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    assert_accepted (&cases[i], G_MAXINT64);
}

static void
test_parse_rejects_syntax (void)
{
  static const Rejected cases[] = {
    { "",      EM_NUMBER_PLAIN, 6, EM_NUMBER_ERROR_SYNTAX },
    { ".",     EM_NUMBER_PLAIN, 6, EM_NUMBER_ERROR_SYNTAX },
    { "1.",    EM_NUMBER_PLAIN, 6, EM_NUMBER_ERROR_SYNTAX },
    { ".5",    EM_NUMBER_PLAIN, 6, EM_NUMBER_ERROR_SYNTAX },
    { "+1",    EM_NUMBER_PLAIN, 6, EM_NUMBER_ERROR_SYNTAX },
    { "1,5",   EM_NUMBER_PLAIN, 6, EM_NUMBER_ERROR_SYNTAX },
    { " 1",    EM_NUMBER_PLAIN, 6, EM_NUMBER_ERROR_SYNTAX },
    { "1 ",    EM_NUMBER_PLAIN, 6, EM_NUMBER_ERROR_SYNTAX },
    { "1e3",   EM_NUMBER_PLAIN, 6, EM_NUMBER_ERROR_SYNTAX },
    { "1E3",   EM_NUMBER_PLAIN, 6, EM_NUMBER_ERROR_SYNTAX },
    { "-",     EM_NUMBER_PLAIN, 6, EM_NUMBER_ERROR_SYNTAX },
    { "--1",   EM_NUMBER_PLAIN, 6, EM_NUMBER_ERROR_SYNTAX },
    { "1.2.3", EM_NUMBER_PLAIN, 6, EM_NUMBER_ERROR_SYNTAX },
    { "0x10",  EM_NUMBER_PLAIN, 6, EM_NUMBER_ERROR_SYNTAX },
    { "1_000", EM_NUMBER_PLAIN, 6, EM_NUMBER_ERROR_SYNTAX },
    { "1e",    EM_NUMBER_JSON,  6, EM_NUMBER_ERROR_SYNTAX },
    { "1e+",   EM_NUMBER_JSON,  6, EM_NUMBER_ERROR_SYNTAX },
    { "1E-",   EM_NUMBER_JSON,  6, EM_NUMBER_ERROR_SYNTAX },
    { "e5",    EM_NUMBER_JSON,  6, EM_NUMBER_ERROR_SYNTAX },
    { "1.e3",  EM_NUMBER_JSON,  6, EM_NUMBER_ERROR_SYNTAX },
    { "1e3.5", EM_NUMBER_JSON,  6, EM_NUMBER_ERROR_SYNTAX },
    { "Infinity", EM_NUMBER_JSON, 6, EM_NUMBER_ERROR_SYNTAX },
    { "NaN",   EM_NUMBER_JSON,  6, EM_NUMBER_ERROR_SYNTAX },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_error_free (assert_rejected (&cases[i], G_MAXINT64));
}

static void
test_parse_syntax_message_quotes_text (void)
{
  static const Rejected c = { "1,5", EM_NUMBER_PLAIN, 6, EM_NUMBER_ERROR_SYNTAX };
  g_autoptr(GError) error = assert_rejected (&c, G_MAXINT64);

  g_assert_nonnull (strstr (error->message, "«1,5»"));
  g_assert_nonnull (strstr (error->message, "punto decimal"));
}

static void
test_parse_rejects_negative (void)
{
  static const Rejected cases[] = {
    { "-1",        EM_NUMBER_PLAIN, 6, EM_NUMBER_ERROR_NEGATIVE },
    { "-0.000001", EM_NUMBER_PLAIN, 6, EM_NUMBER_ERROR_NEGATIVE },
    { "-1e-3",     EM_NUMBER_JSON,  6, EM_NUMBER_ERROR_NEGATIVE },
    { "-5",        EM_NUMBER_JSON,  2, EM_NUMBER_ERROR_NEGATIVE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = assert_rejected (&cases[i], G_MAXINT64);
      g_assert_cmpstr (error->message, ==, "no puede ser negativo");
    }
}

/* −0 is zero, not a negative amount: it reads as 0 (never as a negative
 * scaled value, and never as an error about negativity). */
static void
test_parse_negative_zero_is_zero (void)
{
  static const Accepted cases[] = {
    { "-0",        EM_NUMBER_PLAIN, 6, 0 },
    { "-0.000000", EM_NUMBER_PLAIN, 6, 0 },
    { "-0.0",      EM_NUMBER_JSON,  2, 0 },
    { "-0e5",      EM_NUMBER_JSON,  6, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    assert_accepted (&cases[i], G_MAXINT64);
}

static void
test_parse_rejects_too_many_decimals (void)
{
  static const Rejected cases[] = {
    { "0.0000001", EM_NUMBER_PLAIN, 6, EM_NUMBER_ERROR_TOO_MANY_DECIMALS },
    { "1.005",     EM_NUMBER_PLAIN, 2, EM_NUMBER_ERROR_TOO_MANY_DECIMALS },
    { "12.345",    EM_NUMBER_PLAIN, 2, EM_NUMBER_ERROR_TOO_MANY_DECIMALS },
    { "0.5",       EM_NUMBER_PLAIN, 0, EM_NUMBER_ERROR_TOO_MANY_DECIMALS },
    { "1e-7",      EM_NUMBER_JSON,  6, EM_NUMBER_ERROR_TOO_MANY_DECIMALS },
    { "1.23456e2", EM_NUMBER_JSON,  2, EM_NUMBER_ERROR_TOO_MANY_DECIMALS },
    { "1e-999999", EM_NUMBER_JSON,  6, EM_NUMBER_ERROR_TOO_MANY_DECIMALS },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = assert_rejected (&cases[i], G_MAXINT64);
      g_autofree char *quoted = g_strdup_printf ("«%s»", cases[i].text);
      g_assert_nonnull (strstr (error->message, quoted));
      g_assert_nonnull (strstr (error->message, "decimales"));
    }
}

/* The plain form is the canonical written form: "1.000" at 2 places has 3
 * decimals, even if the third is 0.  Read as 1 it would silently turn a
 * Colombian "mil" into one peso. */
static void
test_parse_plain_counts_written_decimals (void)
{
  static const Rejected cases[] = {
    { "1.000",     EM_NUMBER_PLAIN, 2, EM_NUMBER_ERROR_TOO_MANY_DECIMALS },
    { "12.340",    EM_NUMBER_PLAIN, 2, EM_NUMBER_ERROR_TOO_MANY_DECIMALS },
    { "1.2400000", EM_NUMBER_PLAIN, 6, EM_NUMBER_ERROR_TOO_MANY_DECIMALS },
    { "5.0",       EM_NUMBER_PLAIN, 0, EM_NUMBER_ERROR_TOO_MANY_DECIMALS },
  };
  static const Accepted json_value[] = {
    { "12.340",    EM_NUMBER_JSON,  2, 1234 },
    { "1.000",     EM_NUMBER_JSON,  2, 100 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_error_free (assert_rejected (&cases[i], G_MAXINT64));
  /* A JSON number is a value: trailing zeros do not change it. */
  for (guint i = 0; i < G_N_ELEMENTS (json_value); i++)
    assert_accepted (&json_value[i], G_MAXINT64);
}

static void
test_parse_max_is_inclusive (void)
{
  static const Accepted at_max = { "1000", EM_NUMBER_PLAIN, 6, MICROS (1000) };
  static const Accepted at_max_json = { "1e3", EM_NUMBER_JSON, 6, MICROS (1000) };
  static const Rejected cases[] = {
    { "1000.000001", EM_NUMBER_PLAIN, 6, EM_NUMBER_ERROR_RANGE },
    { "1001",        EM_NUMBER_PLAIN, 6, EM_NUMBER_ERROR_RANGE },
    { "1.000001e3",  EM_NUMBER_JSON,  6, EM_NUMBER_ERROR_RANGE },
  };

  assert_accepted (&at_max, MICROS (1000));
  assert_accepted (&at_max_json, MICROS (1000));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = assert_rejected (&cases[i], MICROS (1000));
      g_assert_nonnull (strstr (error->message, "máximo"));
    }
}

static void
test_parse_rejects_out_of_range (void)
{
  static const Rejected cases[] = {
    { "1e999999",                          EM_NUMBER_JSON,  6, EM_NUMBER_ERROR_RANGE },
    { "1E+999999999999999999999",          EM_NUMBER_JSON,  6, EM_NUMBER_ERROR_RANGE },
    { "9223372036854.775808",              EM_NUMBER_PLAIN, 6, EM_NUMBER_ERROR_RANGE },
    { "99999999999999999999999",           EM_NUMBER_PLAIN, 0, EM_NUMBER_ERROR_RANGE },
    { "1000000000000000000000000000000",   EM_NUMBER_PLAIN, 6, EM_NUMBER_ERROR_RANGE },
    { "340282366920938463463374607431768211457", EM_NUMBER_PLAIN, 0, EM_NUMBER_ERROR_RANGE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_error_free (assert_rejected (&cases[i], G_MAXINT64));
}

/* Leading zeros do not count towards the size of a number. */
static void
test_parse_long_leading_zeros (void)
{
  g_autofree char *zeros = g_strnfill (200, '0');
  g_autofree char *text = g_strconcat (zeros, "1.5", NULL);
  Accepted c = { text, EM_NUMBER_PLAIN, 6, 1500000 };

  assert_accepted (&c, G_MAXINT64);
}

/* An exponent far beyond any digit string must not be cut short: the
 * value 10^100005 × 10^−1000000 is tiny, and 10^−100005 × 10^1000000 is
 * huge; neither may come out as an ordinary number. */
static void
test_parse_json_long_exponent_is_not_truncated (void)
{
  g_autofree char *zeros = g_strnfill (100005, '0');
  g_autofree char *tiny = g_strconcat ("1", zeros, "e-1000000", NULL);
  g_autofree char *huge = g_strconcat ("0.", zeros, "1e1000000", NULL);
  Rejected tiny_case = { tiny, EM_NUMBER_JSON, 6, EM_NUMBER_ERROR_TOO_MANY_DECIMALS };
  Rejected huge_case = { huge, EM_NUMBER_JSON, 6, EM_NUMBER_ERROR_RANGE };

  g_error_free (assert_rejected (&tiny_case, G_MAXINT64));
  g_error_free (assert_rejected (&huge_case, G_MAXINT64));
}

static void
test_decimal_parse_uses_six_places (void)
{
  g_autoptr(GError) error = NULL;
  EmDecimal value = 0;

  g_assert_true (em_decimal_parse ("0.157", EM_NUMBER_PLAIN, EM_DECIMAL_ONE, &value, &error));
  g_assert_no_error (error);
  g_assert_cmpint (value, ==, 157000);
  g_assert_false (em_decimal_parse ("1.000001", EM_NUMBER_PLAIN, EM_DECIMAL_ONE, &value, &error));
  g_assert_error (error, EM_NUMBER_ERROR, EM_NUMBER_ERROR_RANGE);
}

/* -------------------------------------------------------------- formatting */

static void
test_decimal_to_string_is_shortest (void)
{
  static const struct { EmDecimal value; const char *text; } cases[] = {
    { 0,                 "0" },
    { EM_DECIMAL_ONE,    "1" },
    { 1240000,           "1.24" },
    { 157000,            "0.157" },
    { 40000,             "0.04" },
    { 1,                 "0.000001" },
    { 10000000,          "10" },
    { MICROS (1000),     "1000" },
    { 10500000,          "10.5" },
    { 100100000,         "100.1" },
    { -500000,           "-0.5" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = em_decimal_to_string (cases[i].value);
      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_decimal_to_string_round_trips (void)
{
  static const EmDecimal values[] = {
    0, 1, 9, 10, 999999, 1000000, 1000001, 1240000, 157000, 610000,
    MICROS (1000), G_GINT64_CONSTANT (999999999999999999),
  };

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autofree char *text = em_decimal_to_string (values[i]);
      g_autoptr(GError) error = NULL;
      EmDecimal back = -1;

      g_assert_true (em_decimal_parse (text, EM_NUMBER_PLAIN, G_MAXINT64, &back, &error));
      g_assert_no_error (error);
      g_assert_cmpint (back, ==, values[i]);
    }
}

static void
test_scaled_to_string_marks_and_grouping (void)
{
  static const struct {
    gint64 scaled; guint places; char mark; gboolean group; const char *text;
  } cases[] = {
    { 123456789,  2, ',', TRUE,  "1.234.567,89" },
    { 123456789,  2, '.', TRUE,  "1,234,567.89" },
    { 123456789,  2, '.', FALSE, "1234567.89" },
    { 123456789,  2, ',', FALSE, "1234567,89" },
    { 0,          2, ',', TRUE,  "0,00" },
    { 5,          2, ',', TRUE,  "0,05" },
    { 99999,      2, ',', TRUE,  "999,99" },
    { 100000,     2, ',', TRUE,  "1.000,00" },
    { 12345,      0, ',', TRUE,  "12.345" },
    { 123456,     0, ',', TRUE,  "123.456" },
    { 1240000,    6, '.', FALSE, "1.240000" },
    { 12400,      4, ',', FALSE, "1,2400" },
    { -123456789, 2, ',', TRUE,  "-1.234.567,89" },
    { G_MAXINT64, 2, ',', TRUE,  "92.233.720.368.547.758,07" },
    { G_MININT64, 2, ',', TRUE,  "-92.233.720.368.547.758,08" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = em_scaled_to_string (cases[i].scaled, cases[i].places,
                                                   cases[i].mark, cases[i].group);
      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

/* Written without printf: the same text as printf's, for any value and places. */
static void
test_scaled_to_string_as_printf (void)
{
  for (guint i = 0; i < 20000; i++)
    {
      gint64 scaled = (gint64) (((guint64) g_test_rand_int () << 32) | (guint32) g_test_rand_int ())
                      >> g_test_rand_int_range (0, 63);
      guint places = g_test_rand_int_range (0, 19);
      guint64 magnitude = scaled < 0 ? -(guint64) scaled : (guint64) scaled;
      guint64 unit = 1;
      g_autofree char *text = em_scaled_to_string (scaled, places, '.', FALSE);
      g_autofree char *expected = NULL;

      for (guint p = 0; p < places; p++)
        unit *= 10;
      expected = places == 0
        ? g_strdup_printf ("%s%" G_GUINT64_FORMAT, scaled < 0 ? "-" : "", magnitude)
        : g_strdup_printf ("%s%" G_GUINT64_FORMAT ".%0*" G_GUINT64_FORMAT, scaled < 0 ? "-" : "",
                           magnitude / unit, (int) places, magnitude % unit);
      g_assert_cmpstr (text, ==, expected);
    }
}

/* ------------------------------------------------------------- comparisons */

static void
test_comparison_parse_accepts_the_four (void)
{
  static const struct { const char *text; EmComparison op; } cases[] = {
    { ">=", EM_COMPARISON_GE }, { ">", EM_COMPARISON_GT },
    { "<=", EM_COMPARISON_LE }, { "<", EM_COMPARISON_LT },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      EmComparison op = (EmComparison) 99;

      g_assert_true (em_comparison_parse (cases[i].text, &op));
      g_assert_cmpint (op, ==, cases[i].op);
      g_assert_cmpstr (em_comparison_to_string (op), ==, cases[i].text);
      g_assert_nonnull (em_comparison_describe (op));
    }
}

static void
test_comparison_parse_rejects_others (void)
{
  static const char * const texts[] = {
    "=>", "=<", "==", "=", "", " >=", ">= ", "≥", "≤", "ge", "!=", "<>", ">>",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      EmComparison op = EM_COMPARISON_LT;

      g_test_message ("rejects «%s»", texts[i]);
      g_assert_false (em_comparison_parse (texts[i], &op));
    }
  g_assert_false (em_comparison_parse (NULL, &(EmComparison) { 0 }));
}

/* ------------------------------------------------------------------ ratios */

typedef struct
{
  EmComparison op;
  gboolean     below, at, above;
} OpTruth;

static const OpTruth op_truths[] = {
  { EM_COMPARISON_GE, FALSE, TRUE,  TRUE  },
  { EM_COMPARISON_GT, FALSE, FALSE, TRUE  },
  { EM_COMPARISON_LE, TRUE,  TRUE,  FALSE },
  { EM_COMPARISON_LT, TRUE,  FALSE, FALSE },
};

static void
assert_threshold_boundary (EmInt128 num_at, EmInt128 den, EmDecimal threshold)
{
  EmRatio below = { num_at - 1, den }, at = { num_at, den }, above = { num_at + 1, den };

  g_assert_cmpint (em_ratio_compare_decimal (below, threshold), ==, -1);
  g_assert_cmpint (em_ratio_compare_decimal (at, threshold), ==, 0);
  g_assert_cmpint (em_ratio_compare_decimal (above, threshold), ==, 1);
  for (guint i = 0; i < G_N_ELEMENTS (op_truths); i++)
    {
      const OpTruth *t = &op_truths[i];

      g_test_message ("%s %" G_GINT64_FORMAT, em_comparison_to_string (t->op), threshold);
      g_assert_cmpint (em_ratio_satisfies (below, t->op, threshold), ==, t->below);
      g_assert_cmpint (em_ratio_satisfies (at, t->op, threshold), ==, t->at);
      g_assert_cmpint (em_ratio_satisfies (above, t->op, threshold), ==, t->above);
    }
}

/* One micro either side of the threshold (den 10⁶), and one centavo either
 * side with amounts in centavos (AC against 1.24 × PC, etc.). */
static void
test_ratio_at_threshold_and_one_unit_either_side (void)
{
  static const EmDecimal thresholds[] = { 1240000, 40000, 610000, EM_DECIMAL_ONE, 1240001, 1 };

  for (guint i = 0; i < G_N_ELEMENTS (thresholds); i++)
    assert_threshold_boundary (thresholds[i], EM_DECIMAL_ONE, thresholds[i]);
  /* PC = $ 1.000.000,00 → AC = $ 1.240.000,00 exactly, ± 1 centavo. */
  assert_threshold_boundary (124000000, 100000000, 1240000);
  /* IO = $ 2.500.000,00 → AC − PC = $ 100.000,00 exactly, ± 1 centavo. */
  assert_threshold_boundary (10000000, 250000000, 40000);
  /* AT = $ 100.000.000,00 → PT = $ 61.000.000,00 exactly, ± 1 centavo. */
  assert_threshold_boundary (6100000000, 10000000000, 610000);
}

static void
test_ratio_negative_numerator (void)
{
  EmRatio ratio = { -1, 100 };

  g_assert_cmpint (em_ratio_compare_decimal (ratio, 0), ==, -1);
  g_assert_false (em_ratio_satisfies (ratio, EM_COMPARISON_GE, 40000));
  g_assert_true (em_ratio_satisfies (ratio, EM_COMPARISON_LT, 0));
}

/* den == 0 is decided by cross-multiplication: num × 10⁶ against
 * threshold × 0, i.e. by the sign of num, whatever the threshold. */
static void
test_ratio_zero_denominator_uses_sign_of_numerator (void)
{
  static const EmDecimal thresholds[] = { 0, 40000, 1240000, MICROS (1000) };
  static const struct { EmInt128 num; int sign; gboolean ge, gt, le, lt; } cases[] = {
    {  5, 1,  TRUE,  TRUE,  FALSE, FALSE },
    {  0, 0,  TRUE,  FALSE, TRUE,  FALSE },
    { -5, -1, FALSE, FALSE, TRUE,  TRUE  },
  };

  for (guint t = 0; t < G_N_ELEMENTS (thresholds); t++)
    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        EmRatio ratio = { cases[i].num, 0 };
        EmDecimal th = thresholds[t];

        g_assert_cmpint (em_ratio_compare_decimal (ratio, th), ==, cases[i].sign);
        g_assert_cmpint (em_ratio_satisfies (ratio, EM_COMPARISON_GE, th), ==, cases[i].ge);
        g_assert_cmpint (em_ratio_satisfies (ratio, EM_COMPARISON_GT, th), ==, cases[i].gt);
        g_assert_cmpint (em_ratio_satisfies (ratio, EM_COMPARISON_LE, th), ==, cases[i].le);
        g_assert_cmpint (em_ratio_satisfies (ratio, EM_COMPARISON_LT, th), ==, cases[i].lt);
      }
}

/* With num and den around 10^26 a double cannot tell the threshold from its
 * neighbours; the exact comparison must still be right.  Each case asserts
 * that the double comparison would be wrong, so that it proves something. */
static void
test_ratio_exact_where_double_fails (void)
{
  const EmInt128 unit = pow10_128 (24), den = pow10_128 (26);
  const struct { EmInt128 num; EmComparison op; EmDecimal threshold; gboolean exact; } cases[] = {
    { 124 * unit,     EM_COMPARISON_GE, 1240000,        TRUE  },
    { 124 * unit + 1, EM_COMPARISON_GT, 1240000,        TRUE  },
    { 61 * unit + 1,  EM_COMPARISON_LE, 610000,         FALSE },
    { 4 * unit - 1,   EM_COMPARISON_GE, 40000,          FALSE },
    { 100 * unit - 1, EM_COMPARISON_GE, EM_DECIMAL_ONE, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      EmRatio ratio = { cases[i].num, den };
      double as_double = (double) cases[i].num / (double) den;
      double threshold = (double) cases[i].threshold / 1e6;
      gboolean double_says;

      switch (cases[i].op)
        {
        case EM_COMPARISON_GE: double_says = as_double >= threshold; break;
        case EM_COMPARISON_GT: double_says = as_double > threshold; break;
        case EM_COMPARISON_LE: double_says = as_double <= threshold; break;
        case EM_COMPARISON_LT:
        default:               double_says = as_double < threshold; break;
        }
      g_test_message ("case %u", i);
      g_assert_cmpint (double_says, !=, cases[i].exact);
      g_assert_cmpint (em_ratio_satisfies (ratio, cases[i].op, cases[i].threshold), ==,
                       cases[i].exact);
    }
}

static void
test_ratio_round_half_away_from_zero (void)
{
  const struct { EmInt128 num, den; guint places; gint64 rounded; } cases[] = {
    { 15, 10, 0, 2 },
    { 25, 10, 0, 3 },          /* not to even */
    { 14, 10, 0, 1 },
    { -15, 10, 0, -2 },
    { -25, 10, 0, -3 },
    { -14, 10, 0, -1 },
    { 5, 100000, 4, 1 },       /* 0.00005 → 0.0001 */
    { 4999, 100000000, 4, 0 }, /* 0.00004999 → 0.0000 */
    { 124005, 100000, 4, 12401 },
    { 1240049999, 1000000000, 4, 12400 },
    { 12399995, 10000000, 4, 12400 },
    { -124005, 100000, 4, -12401 },
    { 2, 3, 4, 6667 },
    { 1, 3, 4, 3333 },
    { -2, 3, 4, -6667 },
    { 0, 7, 4, 0 },
    { 124 * pow10_128 (24) + 5 * pow10_128 (21), pow10_128 (26), 4, 12401 },
    { 124 * pow10_128 (24) + 5 * pow10_128 (21) - 1, pow10_128 (26), 4, 12400 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      EmRatio ratio = { cases[i].num, cases[i].den };

      g_test_message ("case %u", i);
      g_assert_cmpint (em_ratio_round (ratio, cases[i].places), ==, cases[i].rounded);
    }
}

static void
test_ratio_to_string_four_places (void)
{
  g_autofree char *shown = em_ratio_to_string ((EmRatio) { 12399995, 10000000 }, 4, '.');
  g_autofree char *comma = em_ratio_to_string ((EmRatio) { 12399995, 10000000 }, 4, ',');
  g_autofree char *negative = em_ratio_to_string ((EmRatio) { -1, 20000 }, 4, '.');

  g_assert_cmpstr (shown, ==, "1.2400");
  g_assert_cmpstr (comma, ==, "1,2400");
  g_assert_cmpstr (negative, ==, "-0.0001");
}

/* An activo corriente of $ 10^15 over a pasivo corriente of one centavo is
 * a liquidez of 10^17: with 4 decimals, 10^21, beyond 64 bits.  It was shown
 * as 922337203685477.5807 (the rounding saturated); found by the limits
 * test of the CLI. */
static void
test_ratio_to_string_beyond_64_bits (void)
{
  EmRatio liquidez = { (EmInt128) 100000000000000000, 1 };
  EmRatio negative = { -(EmInt128) 100000000000000000 * 100 - 1, 2 };
  EmRatio tiny = { -1, 1000000 };
  g_autofree char *shown = em_ratio_to_string (liquidez, 4, '.');
  g_autofree char *shown_negative = em_ratio_to_string (negative, 4, ',');
  g_autofree char *zero = em_ratio_to_string (tiny, 4, '.');
  g_autofree char *none = em_ratio_to_string ((EmRatio) { 7, 3 }, 0, '.');

  g_assert_cmpstr (shown, ==, "100000000000000000.0000");
  g_assert_cmpstr (shown_negative, ==, "-5000000000000000000,5000");
  g_assert_cmpstr (zero, ==, "0.0000");          /* not "-0.0000" */
  g_assert_cmpstr (none, ==, "2");
  g_assert_cmpint (em_ratio_round (liquidez, 4), ==, G_MAXINT64);   /* money never gets there */
}

/* The displayed value can equal the threshold while the exact comparison
 * fails: em_ratio_rounds_to tells the display so. */
static void
test_ratio_rounds_to_threshold (void)
{
  EmRatio just_below = { 12399995, 10000000 };     /* 1.2399995 → "1.2400" */
  EmRatio exact = { 124, 100 };
  EmRatio other = { 12351, 10000 };
  EmRatio fine = { 124005, 100000 };               /* 1.24005 → "1.2401" */

  g_assert_true (em_ratio_rounds_to (just_below, 4, 1240000));
  g_assert_false (em_ratio_satisfies (just_below, EM_COMPARISON_GE, 1240000));
  g_assert_true (em_ratio_rounds_to (exact, 4, 1240000));
  g_assert_false (em_ratio_rounds_to (other, 4, 1240000));
  g_assert_false (em_ratio_rounds_to (fine, 4, 1240050));
  g_assert_true (em_ratio_rounds_to (fine, 4, 1240100));
  g_assert_true (em_ratio_rounds_to ((EmRatio) { 61, 100 }, 4, 610000));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/number/parse/plain/accepts-digits-and-decimals",
                   test_parse_plain_accepts_digits_and_decimals);
  g_test_add_func ("/number/parse/is-exact-not-floating-point", test_parse_is_exact);
  g_test_add_func ("/number/parse/json/accepts-exponent", test_parse_json_accepts_exponent);
  g_test_add_func ("/number/parse/rejects-bad-syntax", test_parse_rejects_syntax);
  g_test_add_func ("/number/parse/syntax-message-quotes-the-text",
                   test_parse_syntax_message_quotes_text);
  g_test_add_func ("/number/parse/rejects-negative", test_parse_rejects_negative);
  g_test_add_func ("/number/parse/negative-zero-is-zero", test_parse_negative_zero_is_zero);
  g_test_add_func ("/number/parse/rejects-too-many-decimals", test_parse_rejects_too_many_decimals);
  g_test_add_func ("/number/parse/plain/counts-written-decimals",
                   test_parse_plain_counts_written_decimals);
  g_test_add_func ("/number/parse/max-is-inclusive", test_parse_max_is_inclusive);
  g_test_add_func ("/number/parse/rejects-out-of-range", test_parse_rejects_out_of_range);
  g_test_add_func ("/number/parse/leading-zeros-do-not-count", test_parse_long_leading_zeros);
  g_test_add_func ("/number/parse/json/long-exponent-is-not-truncated",
                   test_parse_json_long_exponent_is_not_truncated);
  g_test_add_func ("/number/decimal/parse-uses-six-places", test_decimal_parse_uses_six_places);
  g_test_add_func ("/number/decimal/to-string-is-shortest", test_decimal_to_string_is_shortest);
  g_test_add_func ("/number/decimal/to-string-round-trips", test_decimal_to_string_round_trips);
  g_test_add_func ("/number/scaled-to-string/marks-and-grouping",
                   test_scaled_to_string_marks_and_grouping);
  g_test_add_func ("/number/scaled/to-string-as-printf", test_scaled_to_string_as_printf);
  g_test_add_func ("/number/comparison/parse-accepts-the-four",
                   test_comparison_parse_accepts_the_four);
  g_test_add_func ("/number/comparison/parse-rejects-others", test_comparison_parse_rejects_others);
  g_test_add_func ("/number/ratio/at-threshold-and-one-unit-either-side",
                   test_ratio_at_threshold_and_one_unit_either_side);
  g_test_add_func ("/number/ratio/negative-numerator", test_ratio_negative_numerator);
  g_test_add_func ("/number/ratio/zero-denominator-uses-sign-of-numerator",
                   test_ratio_zero_denominator_uses_sign_of_numerator);
  g_test_add_func ("/number/ratio/exact-where-double-fails", test_ratio_exact_where_double_fails);
  g_test_add_func ("/number/ratio/round-half-away-from-zero", test_ratio_round_half_away_from_zero);
  g_test_add_func ("/number/ratio/to-string-four-places", test_ratio_to_string_four_places);
  g_test_add_func ("/number/ratio/to-string-beyond-64-bits", test_ratio_to_string_beyond_64_bits);
  g_test_add_func ("/number/ratio/rounds-to-threshold", test_ratio_rounds_to_threshold);

  return g_test_run ();
}
