/* em-date.c — strict AAAA-MM-DD dates, shown as DD/MM/AAAA
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "em-date"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "em-date.h"
#include "em-number.h"

static gboolean
digits_at (const char *text, gsize from, gsize count)
{
  for (gsize i = from; i < from + count; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;
  return TRUE;
}

gboolean
em_date_parse_iso (const char *text,
                   GDate      *out,
                   GError    **error)
{
  guint year, month, day;

  g_return_val_if_fail (text != NULL && out != NULL, FALSE);

  if (strlen (text) != 10 || !digits_at (text, 0, 4) || text[4] != '-'
      || !digits_at (text, 5, 2) || text[7] != '-' || !digits_at (text, 8, 2))
    {
      g_set_error (error, EM_NUMBER_ERROR, EM_NUMBER_ERROR_SYNTAX,
                   _("«%s» no es una fecha AAAA-MM-DD"), text);
      return FALSE;
    }
  year = g_ascii_strtoull (text, NULL, 10);
  month = g_ascii_strtoull (text + 5, NULL, 10);
  day = g_ascii_strtoull (text + 8, NULL, 10);
  if (year < 1900 || !g_date_valid_dmy (day, month, year))
    {
      g_set_error (error, EM_NUMBER_ERROR, EM_NUMBER_ERROR_RANGE,
                   _("«%s» no es una fecha del calendario"), text);
      return FALSE;
    }
  g_date_clear (out, 1);
  g_date_set_dmy (out, day, month, year);
  return TRUE;
}

char *
em_date_to_iso (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date),
                          g_date_get_month (date), g_date_get_day (date));
}

char *
em_date_format_user (const GDate *date)
{
  return g_strdup_printf ("%02u/%02u/%04u", g_date_get_day (date),
                          g_date_get_month (date), g_date_get_year (date));
}
