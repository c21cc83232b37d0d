/* em-print-view.c — what printing shows, computed without widgets
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The period's dates are read the way every date field of the window
 * reads them (em_date_parse_user), and a period that would end before it
 * starts is said under «Hasta» instead of being asked of the report.
 */
#define G_LOG_DOMAIN "em-print"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "em-date.h"
#include "em-print-view.h"

/* One field: its date (ISO) or the message to show under it. */
static void
read_date (const char *text, const char *empty_message, GDate *date, char **iso, char **message)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));
  g_autoptr(GError) error = NULL;

  if (trimmed[0] == '\0')
    *message = g_strdup (empty_message);
  else if (!em_date_parse_user (trimmed, date, &error))
    *message = g_strdup (error->message);
  else
    *iso = em_date_to_iso (date);
}

void
em_period_input_read (EmPeriodInput *input,
                      const char    *from_text,
                      const char    *until_text)
{
  GDate first, last;

  g_return_if_fail (input != NULL);

  em_period_input_clear (input);
  read_date (from_text, _("Escriba desde qué fecha, como DD/MM/AAAA."), &first, &input->from, &input->from_error);
  read_date (until_text, _("Escriba hasta qué fecha, como DD/MM/AAAA."), &last, &input->until, &input->until_error);
  if (input->from != NULL && input->until != NULL && g_date_compare (&first, &last) > 0)
    {
      input->until_error = g_strdup (_("«Hasta» es anterior a «Desde»: el periodo terminaría antes de empezar."));
      g_clear_pointer (&input->until, g_free);
    }
  input->ready = input->from != NULL && input->until != NULL;
}

void
em_period_input_clear (EmPeriodInput *input)
{
  g_clear_pointer (&input->from, g_free);
  g_clear_pointer (&input->until, g_free);
  g_clear_pointer (&input->from_error, g_free);
  g_clear_pointer (&input->until_error, g_free);
  input->ready = FALSE;
}

void
em_period_default_range (const GDate  *today,
                         char        **from_text,
                         char        **until_text)
{
  GDate first = *today;
  GDate last = *today;

  g_return_if_fail (g_date_valid (today));

  g_date_set_day (&first, 1);
  g_date_set_day (&last, g_date_get_days_in_month (g_date_get_month (today), g_date_get_year (today)));
  *from_text = em_date_format_user (&first);
  *until_text = em_date_format_user (&last);
}

char *
em_period_totals_text (const EmReportTotals *totals)
{
  g_return_val_if_fail (totals != NULL, NULL);

  if (totals->n_cases == 0)
    return g_strdup (_("No hay casos creados en este periodo; el informe lo dirá en una página."));
  /* Translators: the case count of the period, then how many of each kind */
  return g_strdup_printf (dngettext (GETTEXT_PACKAGE,
                                     "%u caso: %u de capacidad económica y %u de tarifa de inspección.",
                                     "%u casos: %u de capacidad económica y %u de tarifa de inspección.",
                                     totals->n_cases),
                          totals->n_cases, totals->n_capacity, totals->n_tariff);
}

char *
em_period_pages_text (guint   n_pages,
                      EmPaper paper)
{
  const char *sheet = paper == EM_PAPER_A4 ? _("A4") : _("carta");

  return g_strdup_printf (dngettext (GETTEXT_PACKAGE, "El informe ocupa %u página en papel %s.",
                                     "El informe ocupa %u páginas en papel %s.", n_pages),
                          n_pages, sheet);
}

/* Letters, digits and dashes only: the name works on any file system. */
static void
append_safe (GString *name, const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if (g_ascii_isalnum (*p) || *p == '-')
      g_string_append_c (name, *p);
}

char *
em_print_case_file_name (gint64      id,
                         const char *code)
{
  GString *name = g_string_new (NULL);

  g_string_append_printf (name, "%s-%ld", _("caso"), (long) id);
  if (code != NULL && code[0] != '\0')
    {
      g_string_append_c (name, '-');
      append_safe (name, code);
    }
  g_string_append (name, ".pdf");
  return g_string_free (name, FALSE);
}

char *
em_period_file_name (const char *from,
                     const char *until,
                     const char *extension)
{
  GString *name = g_string_new (_("informe"));

  g_string_append_c (name, '-');
  append_safe (name, from);
  g_string_append_printf (name, "-%s-", C_("dates in a file name: from A until", "a"));
  append_safe (name, until);
  g_string_append_printf (name, ".%s", extension);
  return g_string_free (name, FALSE);
}
