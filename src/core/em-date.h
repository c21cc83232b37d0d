/* em-date.h — calendar dates as the law writes them
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean em_date_parse_iso   (const char  *text,
                              GDate       *out,
                              GError     **error);
gboolean em_date_parse_user  (const char  *text,
                              GDate       *out,
                              GError     **error);
char    *em_date_to_iso      (const GDate *date);
char    *em_date_format_user (const GDate *date);

G_END_DECLS
