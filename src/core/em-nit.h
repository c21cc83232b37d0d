/* em-nit.h — Colombian tax numbers (NIT) and their verification digit
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

int      em_nit_check_digit (const char  *digits);
gboolean em_nit_validate    (const char  *text,
                             int         *expected_digit,
                             GError     **error);

G_END_DECLS
