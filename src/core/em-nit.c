/* em-nit.c — the verification digit of a NIT (DIAN, modulo 11)
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each digit of the number, from the right, is multiplied by 3, 7, 13, 17,
 * 19, 23, 29, 37, 41, 43, 47, 53, 59, 67, 71; the sum modulo 11 gives the
 * digit directly when it is 0 or 1, and 11 minus it otherwise.
 */
#define G_LOG_DOMAIN "em-nit"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "em-input-error.h"
#include "em-nit.h"

static const int weights[] = { 3, 7, 13, 17, 19, 23, 29, 37, 41, 43, 47, 53, 59, 67, 71 };

/* The digit for @digits (only digits, at most 15), or -1. */
int
em_nit_check_digit (const char *digits)
{
  gsize len = strlen (digits);
  int sum = 0;

  if (len == 0 || len > G_N_ELEMENTS (weights) || strspn (digits, "0123456789") != len)
    return -1;
  for (gsize i = 0; i < len; i++)
    sum += (digits[len - 1 - i] - '0') * weights[i];
  sum %= 11;
  return sum > 1 ? 11 - sum : sum;
}

/* "900.123.456-7", "900123456-7" or "9001234567" (the last digit is the
 * verification digit when there is no dash).  On a wrong digit, the
 * error says which one it should be and @expected_digit holds it. */
gboolean
em_nit_validate (const char *text,
                 int        *expected_digit,
                 GError    **error)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  const char *dash = strchr (text, '-');
  int given = -1, expected;

  for (const char *p = text; *p != '\0' && p != dash; p++)
    if (g_ascii_isdigit (*p))
      g_string_append_c (digits, *p);
    else if (*p != '.' && *p != ' ')
      return em_input_error_set (error, "numero_documento", EM_INPUT_ERROR_SYNTAX,
                                 _("un NIT solo lleva cifras, puntos y un guion antes del dígito de verificación")), FALSE;
  if (dash != NULL && strlen (dash) == 2 && g_ascii_isdigit (dash[1]))
    given = dash[1] - '0';
  else if (dash != NULL)
    return em_input_error_set (error, "numero_documento", EM_INPUT_ERROR_SYNTAX,
                               _("después del guion va un solo dígito, el de verificación")), FALSE;
  else if (digits->len > 1)
    {
      given = digits->str[digits->len - 1] - '0';
      g_string_truncate (digits, digits->len - 1);
    }
  expected = em_nit_check_digit (digits->str);
  if (expected_digit != NULL)
    *expected_digit = expected;
  if (expected < 0 || given < 0)
    return em_input_error_set (error, "numero_documento", EM_INPUT_ERROR_SYNTAX,
                               _("escriba el NIT completo, con su dígito de verificación (p. ej. 900.123.456-8)")), FALSE;
  if (given != expected)
    return em_input_error_set (error, "numero_documento", EM_INPUT_ERROR_INVALID,
                               _("el dígito de verificación no corresponde: para %s debería ser %d"),
                               digits->str, expected), FALSE;
  return TRUE;
}
