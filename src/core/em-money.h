/* em-money.h — exact amounts of Colombian pesos, in centavos
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "em-number.h"

G_BEGIN_DECLS

/* An amount in centavos: 0 … 10^15 pesos. */
typedef gint64 EmMoney;

#define EM_MONEY_MAX_PESOS G_GINT64_CONSTANT (1000000000000000)
#define EM_MONEY_MAX       (EM_MONEY_MAX_PESOS * 100)

gboolean em_money_parse             (const char *text,
                                     EmMoney    *out,
                                     GError    **error);
gboolean em_money_parse_json_number (const char *token,
                                     EmMoney    *out,
                                     GError    **error);
gboolean em_money_parse_user        (const char *text,
                                     EmMoney    *out,
                                     GError    **error);

char    *em_money_to_canonical      (EmMoney     amount);
char    *em_money_format            (EmMoney     amount);

G_END_DECLS
