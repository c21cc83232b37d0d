/* em-date.c — strict AAAA-MM-DD dates, shown as DD/MM/AAAA
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "em-date"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
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

/* What people type: "21/11/2026" (also with dashes or points, and one-digit
 * day or month), or the ISO form "2026-11-21". */
gboolean
em_date_parse_user (const char *text,
                     GDate      *out,
                     GError    **error)
{
  g_auto(GStrv) parts = NULL;
  g_autofree char *iso = NULL;
  g_autofree char *trimmed = g_strstrip (g_strdup (text));

  if (strlen (trimmed) == 10 && trimmed[4] == '-')
    return em_date_parse_iso (trimmed, out, error);
  parts = g_strsplit_set (trimmed, "/-.", -1);
  if (g_strv_length (parts) != 3 || strlen (parts[0]) < 1 || strlen (parts[0]) > 2
      || strlen (parts[1]) < 1 || strlen (parts[1]) > 2 || strlen (parts[2]) != 4)
    {
      g_set_error (error, EM_NUMBER_ERROR, EM_NUMBER_ERROR_SYNTAX,
                   _("«%s» no es una fecha: escríbala como DD/MM/AAAA, p. ej. 21/11/2026"), text);
      return FALSE;
    }
  iso = g_strdup_printf ("%s-%02d-%02d", parts[2], atoi (parts[1]), atoi (parts[0]));
  if (strspn (parts[0], "0123456789") != strlen (parts[0]) || strspn (parts[1], "0123456789") != strlen (parts[1]))
    iso[0] = 'x';
  return em_date_parse_iso (iso, out, error);
}
