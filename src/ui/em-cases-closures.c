/* em-cases-closures.c — what the cells of the case list show
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Ids of the store («requiere_aval», «requerimiento_emitido») become
 * Spanish words, amounts Colombian pesos and times the official's local
 * clock.  A verdict carries a symbol and a word, never colour alone.
 */
#define G_LOG_DOMAIN "em-cases-closures"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "em-case-procedure.h"
#include "em-cases-closures.h"
#include "em-money.h"

typedef struct
{
  const char *id;
  const char *words;
  const char *css;
} Outcome;

static const Outcome outcomes[] = {
  { "cumple", N_("✔ Cumple"), "cumple" },
  { "no_cumple", N_("✘ No cumple"), "no-cumple" },
  { "requiere_aval", N_("⚠ Requiere aval"), "requiere-aval" },
  { "informacion_incompleta", N_("⋯ Información incompleta"), "incompleta" },
};

static const Outcome *
find_outcome (const char *result)
{
  for (guint i = 0; i < G_N_ELEMENTS (outcomes); i++)
    if (g_strcmp0 (outcomes[i].id, result) == 0)
      return &outcomes[i];
  return NULL;
}

char *
em_cases_number_text (gpointer this_object,
                      gint64   id)
{
  return g_strdup_printf ("%ld", (long) id);
}

char *
em_cases_kind_text (gpointer    this_object,
                    const char *kind)
{
  EmCaseKind value;

  if (!em_case_kind_parse (kind, &value))
    return g_strdup (kind ? kind : "");
  /* Translators: short words for a narrow column; the tabs have the long ones. */
  return g_strdup (value == EM_CASE_KIND_CAPACIDAD ? C_("tipo de caso", "Capacidad") : C_("tipo de caso", "Tarifa"));
}

char *
em_cases_text_or_dash (gpointer    this_object,
                       const char *text)
{
  return g_strdup (text != NULL && text[0] != '\0' ? text : "—");
}

/* "1234567" → "$ 1.234.567"; cents only when there are some. */
static char *
tariff_text (const char *tariff)
{
  g_autofree char *digits = NULL;
  EmMoney amount;

  if (!em_money_parse (tariff, &amount, NULL))
    return g_strdup (tariff);
  if (amount == 0)
    return g_strdup (_("$ 0 (no se cobra)"));
  if (amount % 100 != 0)
    return em_money_format (amount);
  digits = em_scaled_to_string (amount / 100, 0, ',', TRUE);
  return g_strdup_printf ("$ %s", digits);
}

char *
em_cases_outcome_text (gpointer    this_object,
                       const char *result,
                       const char *tariff)
{
  const Outcome *outcome = find_outcome (result);

  if (outcome != NULL)
    return g_strdup (_(outcome->words));
  if (tariff != NULL && tariff[0] != '\0')
    return tariff_text (tariff);
  return g_strdup (result != NULL && result[0] != '\0' ? result : "—");
}

GStrv
em_cases_outcome_classes (gpointer    this_object,
                          const char *result,
                          const char *tariff)
{
  const Outcome *outcome = find_outcome (result);
  const char *classes[] = {
    "case-outcome", outcome ? outcome->css : (tariff ? "numeric" : NULL), NULL,
  };

  return g_strdupv ((char **) classes);
}

char *
em_cases_state_text (gpointer    this_object,
                     const char *state)
{
  EmCaseState value;

  if (!em_case_state_parse (state, &value))
    return g_strdup (state ? state : "");
  return g_strdup (em_case_state_describe (value));
}

GStrv
em_cases_state_classes (gpointer    this_object,
                        const char *state)
{
  EmCaseState value;
  g_autofree char *css = NULL;
  const char *classes[] = { "case-state", NULL, NULL };

  if (em_case_state_parse (state, &value))
    classes[1] = css = g_strdelimit (g_strdup (state), "_", '-');
  return g_strdupv ((char **) classes);
}

/* ISO 8601 (stored in UTC) → "DD/MM/AAAA HH:MM" on the local clock. */
/* The local zone, read again only when TZ changes: GLib looks at
 * /etc/localtime on every g_date_time_to_local, which was a tenth of the
 * list's cost while scrolling.  (Called from the main thread only.) */
static GTimeZone *
local_zone (void)
{
  static GTimeZone *zone;
  static char *zone_tz;

  if (zone == NULL || g_strcmp0 (zone_tz, g_getenv ("TZ")) != 0)
    {
      g_clear_pointer (&zone, g_time_zone_unref);
      g_free (zone_tz);
      zone = g_time_zone_new_local ();
      zone_tz = g_strdup (g_getenv ("TZ"));
    }
  return zone;
}

char *
em_cases_created_text (gpointer    this_object,
                       const char *created)
{
  g_autoptr(GDateTime) when = created ? g_date_time_new_from_iso8601 (created, NULL) : NULL;
  g_autoptr(GDateTime) local = when ? g_date_time_to_timezone (when, local_zone ()) : NULL;

  if (local == NULL)
    return g_strdup (created ? created : "");
  return g_date_time_format (local, "%d/%m/%Y %H:%M");
}
