/* em-money.c — parsing and formatting amounts of money, exactly
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two written forms: the canonical one of the JSON contract ("1234567.89")
 * and the Colombian one people type ("$ 1.234.567,89": the point groups
 * thousands, the comma marks decimals).  A text that fits neither is
 * rejected with a sentence that says why, never guessed at.
 */
#define G_LOG_DOMAIN "em-money"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "em-money.h"

static gboolean
parse_checked (const char *text, EmNumberSyntax syntax, EmMoney *out, GError **error)
{
  g_autoptr(GError) local_error = NULL;

  if (em_number_parse_scaled (text, syntax, 2, EM_MONEY_MAX, out, &local_error))
    return TRUE;

  if (g_error_matches (local_error, EM_NUMBER_ERROR, EM_NUMBER_ERROR_SYNTAX))
    g_set_error (error, EM_NUMBER_ERROR, EM_NUMBER_ERROR_SYNTAX,
                 _("«%s» no es un valor en pesos válido: use dígitos y, si hay centavos, "
                 "punto decimal con hasta 2 decimales (p. ej. «1234567.89»)"), text);
  else if (g_error_matches (local_error, EM_NUMBER_ERROR, EM_NUMBER_ERROR_RANGE))
    g_set_error (error, EM_NUMBER_ERROR, EM_NUMBER_ERROR_RANGE,
                 _("«%s» supera el máximo de $ 1.000.000.000.000.000"), text);
  else
    g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/* The canonical form: digits, optional point and at most 2 decimals. */
gboolean
em_money_parse (const char *text,
                EmMoney    *out,
                GError    **error)
{
  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  return parse_checked (text, EM_NUMBER_PLAIN, out, error);
}

/* A JSON number token, read from its text (never through a double). */
gboolean
em_money_parse_json_number (const char *token,
                            EmMoney    *out,
                            GError    **error)
{
  g_return_val_if_fail (token != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  return parse_checked (token, EM_NUMBER_JSON, out, error);
}

static gboolean user_error (GError **error, const char *format, ...) G_GNUC_PRINTF (2, 3);

static gboolean
user_error (GError **error, const char *format, ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, EM_NUMBER_ERROR, EM_NUMBER_ERROR_SYNTAX, message);
  return FALSE;
}

/* Why a text is not a Colombian amount, in one sentence. */
static gboolean
explain_bad_form (const char *text, EmColombianProblem problem, GError **error)
{
  switch (problem)
    {
    case EM_COLOMBIAN_NEGATIVE:
      g_set_error_literal (error, EM_NUMBER_ERROR, EM_NUMBER_ERROR_NEGATIVE, _("no puede ser negativo"));
      return FALSE;
    case EM_COLOMBIAN_EMPTY:
      return user_error (error, _("«%s» no tiene cifras"), text);
    case EM_COLOMBIAN_COMMA_BEFORE_POINT:
      return user_error (error, _("«%s»: en pesos colombianos la coma separa los decimales y el punto "
                                  "los miles (p. ej. «1.234,56»); aquí la coma va antes del punto"), text);
    case EM_COLOMBIAN_TWO_COMMAS:
      return user_error (error, _("«%s»: solo puede haber una coma, la de los decimales"), text);
    case EM_COLOMBIAN_BAD_GROUPING:
      return user_error (error, _("«%s»: el punto separa miles en grupos de 3 cifras "
                                  "(p. ej. «1.234.567»); para los centavos use la coma"), text);
    case EM_COLOMBIAN_NOT_A_NUMBER:
    case EM_COLOMBIAN_OK:
    default:
      return user_error (error, _("«%s» no es un valor en pesos: escriba cifras, "
                                  "p. ej. «1.234.567,89»"), text);
    }
}

static const char *
skip_currency (const char *s)
{
  while (g_ascii_isspace (*s))
    s++;
  if (*s == '$')
    s++;
  while (g_ascii_isspace (*s))
    s++;
  return s;
}

/* What people type: "1.234.567,89", "$ 1.234.567", "1234567,5". */
gboolean
em_money_parse_user (const char *text,
                     EmMoney    *out,
                     GError    **error)
{
  g_autofree char *canonical = NULL;
  g_autoptr(GError) local_error = NULL;
  EmColombianProblem problem;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  problem = em_number_colombian_to_plain (skip_currency (text), &canonical);
  if (problem != EM_COLOMBIAN_OK)
    return explain_bad_form (text, problem, error);
  if (em_number_parse_scaled (canonical, EM_NUMBER_PLAIN, 2, EM_MONEY_MAX, out, &local_error))
    return TRUE;
  if (g_error_matches (local_error, EM_NUMBER_ERROR, EM_NUMBER_ERROR_TOO_MANY_DECIMALS))
    return user_error (error, _("«%s» tiene más de 2 decimales (los centavos)"), text);
  return user_error (error, _("«%s» supera el máximo de $ 1.000.000.000.000.000"), text);
}

char *
em_money_to_canonical (EmMoney amount)
{
  return em_scaled_to_string (amount, 2, '.', FALSE);
}

char *
em_money_format (EmMoney amount)
{
  g_autofree char *number = em_scaled_to_string (amount, 2, ',', TRUE);

  return g_strdup_printf ("$ %s", number);
}
