/* fuzz-money.c — the three ways money is read: canonical, JSON number, Colombian
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Whatever the text: no crash, an error with a message or an amount within
 * 0 … $ 10^15; an accepted amount written back (canonical and Colombian
 * forms) reads back to itself; a canonical text is also a JSON number of
 * the same value.
 */
#define G_LOG_DOMAIN "fuzz-money"

#include "config.h"

#include "em-money.h"
#include "fuzz-util.h"

typedef gboolean (*ParseFunc) (const char *text, EmMoney *out, GError **error);

static void
check_round_trip (EmMoney amount)
{
  g_autofree char *canonical = em_money_to_canonical (amount);
  g_autofree char *shown = em_money_format (amount);
  EmMoney back = -1;

  FUZZ_CHECK (amount >= 0 && amount <= EM_MONEY_MAX);
  FUZZ_CHECK (em_money_parse (canonical, &back, NULL) && back == amount);
  FUZZ_CHECK (em_money_parse_user (shown, &back, NULL) && back == amount);
}

/* TRUE and the amount, or FALSE with an error that has a message. */
static gboolean
parse (ParseFunc func, const char *text, EmMoney *amount)
{
  g_autoptr(GError) error = NULL;

  if (func (text, amount, &error))
    {
      FUZZ_CHECK (error == NULL);
      check_round_trip (*amount);
      return TRUE;
    }
  FUZZ_CHECK (error != NULL && error->message != NULL && error->message[0] != '\0');
  return FALSE;
}

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  fuzz_init ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autofree char *text = fuzz_text (data, size);
  EmMoney canonical = -1, json = -1, user = -1;

  if (parse (em_money_parse, text, &canonical))
    FUZZ_CHECK (parse (em_money_parse_json_number, text, &json) && json == canonical);
  else
    parse (em_money_parse_json_number, text, &json);
  parse (em_money_parse_user, text, &user);
  return 0;
}
