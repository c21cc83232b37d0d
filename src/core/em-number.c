/* em-number.c — exact decimal parsing, formatting and ratio comparison
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * No floating point anywhere: a number is read digit by digit into an
 * integer scaled by 10^places, and a ratio is compared with a threshold by
 * cross-multiplication in 128 bits.
 */
#define G_LOG_DOMAIN "em-number"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "em-number.h"

G_DEFINE_QUARK (em-number-error-quark, em_number_error)

/* The digits of a number, without sign or point, and where the point goes. */
typedef struct
{
  gboolean negative;
  GString *digits;
  gint64   point;     /* digits before the decimal point, after the exponent */
} Parsed;

static gsize
scan_digits (const char *s, gsize i)
{
  while (g_ascii_isdigit (s[i]))
    i++;
  return i;
}

static gboolean
scan_exponent (const char *s, gsize *i, gint64 *exponent)
{
  gboolean negative = FALSE;
  gsize start;

  (*i)++;
  if (s[*i] == '+' || s[*i] == '-')
    negative = s[(*i)++] == '-';
  start = *i;
  /* Saturates far beyond any digit string that fits in memory, so that a
   * saturated exponent still outweighs every digit (and point stays small
   * enough not to overflow). */
  for (*exponent = 0; g_ascii_isdigit (s[*i]); (*i)++)
    if (*exponent < G_MAXINT64 / 64)
      *exponent = *exponent * 10 + (s[*i] - '0');
  if (*i == start)
    return FALSE;
  if (negative)
    *exponent = -*exponent;
  return TRUE;
}

static gboolean
split_number (const char *s, EmNumberSyntax syntax, Parsed *p)
{
  gsize i = 0, int_end, frac_end;
  gint64 exponent = 0;

  p->negative = s[0] == '-';
  if (p->negative)
    i++;
  int_end = scan_digits (s, i);
  if (int_end == i)
    return FALSE;
  g_string_append_len (p->digits, s + i, int_end - i);
  p->point = int_end - i;
  frac_end = int_end;
  if (s[int_end] == '.')
    {
      frac_end = scan_digits (s, int_end + 1);
      if (frac_end == int_end + 1)
        return FALSE;
      g_string_append_len (p->digits, s + int_end + 1, frac_end - int_end - 1);
    }
  i = frac_end;
  if (syntax == EM_NUMBER_JSON && (s[i] == 'e' || s[i] == 'E'))
    {
      if (!scan_exponent (s, &i, &exponent))
        return FALSE;
      p->point += exponent;
    }
  return s[i] == '\0';
}

static gboolean
is_zero (const GString *digits)
{
  for (gsize i = 0; i < digits->len; i++)
    if (digits->str[i] != '0')
      return FALSE;
  return TRUE;
}

/* The digit at position @pos, counting from the first digit; zeros outside. */
static int
digit_at (const Parsed *p, gint64 pos)
{
  if (pos < 0 || pos >= (gint64) p->digits->len)
    return 0;
  return p->digits->str[pos] - '0';
}

static gboolean
has_digits_beyond (const Parsed *p, gint64 last)
{
  for (gint64 pos = MAX (last, 0); pos < (gint64) p->digits->len; pos++)
    if (digit_at (p, pos) != 0)
      return TRUE;
  return FALSE;
}

/* Σ digit × 10^k for the digits up to @places after the point, or FALSE
 * when the value exceeds @max_scaled. */
static gboolean
accumulate (const Parsed *p, guint places, gint64 max_scaled, gint64 *out)
{
  gint64 end = p->point + places;
  gint64 first = 0;
  EmInt128 value = 0;

  while (first < end && digit_at (p, first) == 0 && first < (gint64) p->digits->len)
    first++;
  if (first >= (gint64) p->digits->len)
    return *out = 0, TRUE;      /* only zeros: 0, whatever the exponent */
  if (end - first > 20)
    return FALSE;
  for (gint64 pos = first; pos < end; pos++)
    {
      value = value * 10 + digit_at (p, pos);
      if (value > max_scaled)
        return FALSE;
    }
  *out = (gint64) value;
  return TRUE;
}

gboolean
em_number_parse_scaled (const char     *text,
                        EmNumberSyntax  syntax,
                        guint           places,
                        gint64          max_scaled,
                        gint64         *out_scaled,
                        GError        **error)
{
  Parsed p = { FALSE, g_string_new (NULL), 0 };
  gboolean ok = FALSE;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out_scaled != NULL, FALSE);
  g_return_val_if_fail (places <= 9, FALSE);

  if (!split_number (text, syntax, &p))
    g_set_error (error, EM_NUMBER_ERROR, EM_NUMBER_ERROR_SYNTAX,
                 _("«%s» no es un número válido: use dígitos y, si hace falta, "
                 "punto decimal (p. ej. «1234567.89»)"), text);
  else if (p.negative && !is_zero (p.digits))
    g_set_error_literal (error, EM_NUMBER_ERROR, EM_NUMBER_ERROR_NEGATIVE,
                         _("no puede ser negativo"));
  else if (has_digits_beyond (&p, p.point + places)
           || (syntax == EM_NUMBER_PLAIN && (gint64) p.digits->len > p.point + places))
    g_set_error (error, EM_NUMBER_ERROR, EM_NUMBER_ERROR_TOO_MANY_DECIMALS,
                 _("«%s» tiene más de %u decimales"), text, places);
  else if (!accumulate (&p, places, max_scaled, out_scaled))
    g_set_error (error, EM_NUMBER_ERROR, EM_NUMBER_ERROR_RANGE,
                 _("«%s» es mayor que el máximo permitido"), text);
  else
    ok = TRUE;

  g_string_free (p.digits, TRUE);
  return ok;
}

gboolean
em_decimal_parse (const char     *text,
                  EmNumberSyntax  syntax,
                  EmDecimal       max,
                  EmDecimal      *out,
                  GError        **error)
{
  return em_number_parse_scaled (text, syntax, EM_DECIMAL_PLACES, max, out, error);
}

/* @digits with @separator between groups of three, at @p; returns where
 * they end. */
static char *
write_grouped (char *p, const char *digits, char separator)
{
  gsize len = strlen (digits);

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        *p++ = separator;
      *p++ = digits[i];
    }
  return p;
}

/* @value in decimal, with zeros in front up to @width digits, into @text
 * (at least 21 bytes).  Numbers are formatted often enough (every amount
 * of every verdict stored) that printf's cost showed. */
static const char *
format_digits (guint64 value, guint width, char *text)
{
  char *p = text + 20;

  *p = '\0';
  do
    {
      *--p = '0' + value % 10;
      value /= 10;
    }
  while (value > 0);
  while (p > text && (guint) (text + 20 - p) < width)
    *--p = '0';
  return p;
}

/* @scaled / 10^@places with all its places, e.g. 123456 (2) → "1234.56";
 * with @group_thousands the other mark groups the integer part. */
char *
em_scaled_to_string (gint64   scaled,
                     guint    places,
                     char     decimal_mark,
                     gboolean group_thousands)
{
  char text[64], *p = text;     /* a sign, 20 digits, 6 group marks, the mark, 19 places */
  guint64 magnitude = scaled < 0 ? -(guint64) scaled : (guint64) scaled;
  guint64 unit = 1;
  char int_part[21], fraction[21];

  g_return_val_if_fail (places <= 19, NULL);

  for (guint i = 0; i < places; i++)
    unit *= 10;
  if (scaled < 0)
    *p++ = '-';
  if (group_thousands)
    p = write_grouped (p, format_digits (magnitude / unit, 1, int_part), decimal_mark == ',' ? '.' : ',');
  else
    p = g_stpcpy (p, format_digits (magnitude / unit, 1, int_part));
  if (places > 0)
    {
      *p++ = decimal_mark;
      p = g_stpcpy (p, format_digits (magnitude % unit, places, fraction));
    }
  return g_strndup (text, p - text);
}

/* The shortest canonical form: "1.24", "1", "0.157". */
char *
em_decimal_to_string (EmDecimal value)
{
  char *text = em_scaled_to_string (value, EM_DECIMAL_PLACES, '.', FALSE);
  gsize len = strlen (text);

  while (len > 0 && text[len - 1] == '0')
    text[--len] = '\0';
  if (len > 0 && text[len - 1] == '.')
    text[--len] = '\0';
  return text;
}

/* "60.000", "1.234.567": 1–3 digits, then groups of a point and 3 digits
 * (or plain digits). */
static gboolean
is_grouped_integer (const char *s, gsize len)
{
  gsize first = 0;

  while (first < len && g_ascii_isdigit (s[first]))
    first++;
  if (first == 0 || (first < len && first > 3))
    return FALSE;
  for (gsize i = first; i < len; i += 4)
    if (i + 4 > len || s[i] != '.' || !g_ascii_isdigit (s[i + 1])
        || !g_ascii_isdigit (s[i + 2]) || !g_ascii_isdigit (s[i + 3]))
      return FALSE;
  return TRUE;
}

static EmColombianProblem
colombian_problem (const char *body)
{
  const char *comma = strchr (body, ',');
  const char *point = strrchr (body, '.');

  if (body[0] == '-')
    return EM_COLOMBIAN_NEGATIVE;
  if (comma != NULL && point != NULL && comma < point)
    return EM_COLOMBIAN_COMMA_BEFORE_POINT;
  if (comma != NULL && strchr (comma + 1, ',') != NULL)
    return EM_COLOMBIAN_TWO_COMMAS;
  if (point != NULL)
    return EM_COLOMBIAN_BAD_GROUPING;
  return EM_COLOMBIAN_NOT_A_NUMBER;
}

/* "1.234.567,89" (surrounding spaces ignored) → "1234567.89" in *@plain,
 * or what is wrong with it. */
EmColombianProblem
em_number_colombian_to_plain (const char  *text,
                              char       **plain)
{
  g_autofree char *body = g_strstrip (g_strdup (text));
  const char *comma = strchr (body, ',');
  gsize int_len = comma ? (gsize) (comma - body) : strlen (body);
  GString *out;

  *plain = NULL;
  if (body[0] == '\0')
    return EM_COLOMBIAN_EMPTY;
  if (!is_grouped_integer (body, int_len)
      || (comma != NULL && (comma[1] == '\0' || strspn (comma + 1, "0123456789") != strlen (comma + 1))))
    return colombian_problem (body);
  out = g_string_new (NULL);
  for (gsize i = 0; i < int_len; i++)
    if (body[i] != '.')
      g_string_append_c (out, body[i]);
  if (comma != NULL)
    g_string_append_printf (out, ".%s", comma + 1);
  *plain = g_string_free (out, FALSE);
  return EM_COLOMBIAN_OK;
}

/* The shortest Colombian form: "1,24", "1", "0,157". */
char *
em_decimal_format_user (EmDecimal value)
{
  char *text = em_decimal_to_string (value);

  g_strdelimit (text, ".", ',');
  return text;
}

static const struct { EmComparison op; const char *text; const char *words; } comparisons[] = {
  { EM_COMPARISON_GE, ">=", N_("mayor o igual que") },
  { EM_COMPARISON_GT, ">",  N_("mayor que") },
  { EM_COMPARISON_LE, "<=", N_("menor o igual que") },
  { EM_COMPARISON_LT, "<",  N_("menor que") },
};

gboolean
em_comparison_parse (const char   *text,
                     EmComparison *out)
{
  for (guint i = 0; i < G_N_ELEMENTS (comparisons); i++)
    if (g_strcmp0 (text, comparisons[i].text) == 0)
      {
        *out = comparisons[i].op;
        return TRUE;
      }
  return FALSE;
}

const char *
em_comparison_to_string (EmComparison op)
{
  return comparisons[op].text;
}

const char *
em_comparison_describe (EmComparison op)
{
  return _(comparisons[op].words);
}

/* sign (num/den − threshold/10⁶), by num × 10⁶ against threshold × den.
 * With den == 0 this is the sign of num (the threshold side vanishes). */
int
em_ratio_compare_decimal (EmRatio   ratio,
                          EmDecimal threshold)
{
  EmInt128 left = ratio.num * EM_DECIMAL_ONE;
  EmInt128 right = (EmInt128) threshold * ratio.den;

  g_assert (ratio.den >= 0);
  return (left > right) - (left < right);
}

gboolean
em_ratio_satisfies (EmRatio      ratio,
                    EmComparison op,
                    EmDecimal    threshold)
{
  int sign = em_ratio_compare_decimal (ratio, threshold);

  switch (op)
    {
    case EM_COMPARISON_GE: return sign >= 0;
    case EM_COMPARISON_GT: return sign > 0;
    case EM_COMPARISON_LE: return sign <= 0;
    case EM_COMPARISON_LT: return sign < 0;
    default: g_assert_not_reached ();
    }
}

/* |num/den| × 10^places, rounded half away from zero, in 128 bits. */
static EmInt128
round_magnitude (EmRatio ratio, guint places)
{
  EmInt128 scale = 1;
  EmInt128 magnitude = ratio.num < 0 ? -ratio.num : ratio.num;

  for (guint i = 0; i < places; i++)
    scale *= 10;
  return (2 * magnitude * scale + ratio.den) / (2 * ratio.den);
}

/* num/den × 10^places, rounded half away from zero.  den must be > 0.
 * Saturates at G_MAXINT64 (money and days never get there). */
gint64
em_ratio_round (EmRatio ratio,
                guint   places)
{
  EmInt128 rounded;

  g_return_val_if_fail (ratio.den > 0, 0);

  rounded = MIN (round_magnitude (ratio, places), (EmInt128) G_MAXINT64);
  return ratio.num < 0 ? -(gint64) rounded : (gint64) rounded;
}

/* Written from the 128-bit value: a liquidez of 10^17 (activo corriente
 * of $ 10^15 over a pasivo of one centavo) needs 10^21 with 4 decimals,
 * beyond 64 bits; it was shown as 922337203685477.5807. */
char *
em_ratio_to_string (EmRatio ratio,
                    guint   places,
                    char    decimal_mark)
{
  char digits[48];
  guint n = 0;
  EmInt128 magnitude;
  GString *out;

  g_return_val_if_fail (ratio.den > 0 && places < 20, NULL);

  magnitude = round_magnitude (ratio, places);
  out = g_string_new (ratio.num < 0 && magnitude > 0 ? "-" : NULL);     /* never "-0.0000" */
  do
    {
      digits[n++] = '0' + (char) (magnitude % 10);
      magnitude /= 10;
    }
  while (magnitude > 0 || n <= places);
  for (guint i = n; i > 0; i--)
    {
      if (i == places)
        g_string_append_c (out, decimal_mark);
      g_string_append_c (out, digits[i - 1]);
    }
  return g_string_free (out, FALSE);
}

/* Whether the value shown with @places decimals equals @threshold exactly. */
gboolean
em_ratio_rounds_to (EmRatio   ratio,
                    guint     places,
                    EmDecimal threshold)
{
  EmInt128 shown = em_ratio_round (ratio, places);
  EmInt128 scale = 1;

  for (guint i = places; i < EM_DECIMAL_PLACES; i++)
    scale *= 10;
  return shown * scale == (EmInt128) threshold;
}
