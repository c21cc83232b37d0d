/* em-cases-view.c — what the Casos page shows, from plain values
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * No widgets here: the page asks these functions what to show (the list,
 * an empty state and which, the count, the answer to a verification code)
 * and the tests ask them too.
 */
#define G_LOG_DOMAIN "em-cases-view"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "em-cases-view.h"
#include "em-number.h"

static char *
grouped (gint64 n)
{
  return em_scaled_to_string (n, 0, ',', TRUE);
}

char *
em_cases_count_text (guint    n_shown,
                     gint64   n_total,
                     gboolean filtered)
{
  g_autofree char *shown = grouped (n_shown);
  g_autofree char *total = grouped (n_total);

  if (filtered)
    /* Translators: «12 de 1.234 casos»: cases that match, of all saved cases. */
    return g_strdup_printf (dngettext (GETTEXT_PACKAGE, "%1$s de %2$s caso", "%1$s de %2$s casos",
                                       (unsigned long) n_total), shown, total);
  if (n_total == 0)
    return g_strdup (_("Ningún caso"));
  return g_strdup_printf (dngettext (GETTEXT_PACKAGE, "%s caso", "%s casos", (unsigned long) n_total), total);
}

static void
show_empty (EmCasesViewState *state, gboolean filtered)
{
  state->show = EM_CASES_SHOW_EMPTY;
  if (filtered)
    {
      state->icon_name = "edit-find-symbolic";
      state->title = _("Ningún caso coincide con la búsqueda");
      state->description = _("Revise lo que escribió o quite los filtros para ver todos los casos.");
      state->can_clear = TRUE;
      return;
    }
  state->icon_name = "folder-documents-symbolic";
  state->title = _("Aún no hay casos guardados");
  state->description = _("Evalúe una capacidad económica o una tarifa de inspección y pulse «Guardar»: "
                         "el caso aparecerá aquí. También puede importar un paquete de casos de otro equipo.");
}

void
em_cases_view_state_init (EmCasesViewState *state,
                          gboolean          has_store,
                          gint64            n_total,
                          guint             n_shown,
                          gboolean          filtered)
{
  *state = (EmCasesViewState) { .show = EM_CASES_SHOW_LIST };
  if (!has_store)
    {
      state->show = EM_CASES_SHOW_UNAVAILABLE;
      state->icon_name = "dialog-error-symbolic";
      state->title = _("No se pueden consultar los casos");
      state->description = _("La base de datos de casos no se pudo abrir; el motivo se muestra en el aviso "
                             "de arriba. Las evaluaciones funcionan, pero no se pueden guardar ni buscar.");
      state->count = g_strdup ("");
      return;
    }
  state->count = em_cases_count_text (n_shown, n_total, filtered);
  state->can_search = TRUE;
  state->can_export = n_shown > 0;
  state->can_clear = filtered;
  if (n_shown == 0)
    show_empty (state, filtered);
}

void
em_cases_view_state_clear (EmCasesViewState *state)
{
  g_clear_pointer (&state->count, g_free);
}

static void
separate (GString *text)
{
  if (text->len > 0)
    g_string_append_c (text, ' ');
}

char *
em_cases_import_summary (guint n_new,
                         guint n_extended,
                         guint n_unchanged)
{
  GString *text = g_string_new (NULL);

  if (n_new + n_extended + n_unchanged == 0)
    return g_string_free (g_string_append (text, _("El paquete no tenía casos.")), FALSE);
  if (n_new > 0)
    g_string_append_printf (text, dngettext (GETTEXT_PACKAGE, "Se importó %u caso nuevo.",
                                             "Se importaron %u casos nuevos.", n_new), n_new);
  if (n_extended > 0)
    {
      separate (text);
      g_string_append_printf (text, dngettext (GETTEXT_PACKAGE, "%u caso que ya estaba recibió eventos nuevos.",
                                               "%u casos que ya estaban recibieron eventos nuevos.", n_extended),
                              n_extended);
    }
  if (n_unchanged > 0)
    {
      separate (text);
      g_string_append_printf (text, dngettext (GETTEXT_PACKAGE, "%u caso ya estaba igual y no se duplicó.",
                                               "%u casos ya estaban iguales y no se duplicaron.", n_unchanged),
                              n_unchanged);
    }
  return g_string_free (text, FALSE);
}

static char *
case_words (gint64 id, const char *name)
{
  if (name != NULL && name[0] != '\0')
    return g_strdup_printf (_("caso n.º %ld (%s)"), (long) id, name);
  return g_strdup_printf (_("caso n.º %ld"), (long) id);
}

void
em_cases_code_answer_init (EmCodeAnswer *answer,
                           EmCodeStatus  status,
                           gint64        id,
                           const char   *name,
                           const char   *why)
{
  g_autofree char *which = status != EM_CODE_UNKNOWN ? case_words (id, name) : NULL;

  *answer = (EmCodeAnswer) { .css = "pass", .can_open = status != EM_CODE_UNKNOWN };
  switch (status)
    {
    case EM_CODE_CURRENT:
      answer->text = g_strdup_printf (_("✔ Código válido: corresponde al %s, tal como está hoy. Su historial "
                                        "se verifica: el registro no ha sido alterado."), which);
      break;
    case EM_CODE_SUPERSEDED:
      answer->css = "warning";
      answer->text = g_strdup_printf (_("⚠ Código válido del %s, pero el caso cambió después de imprimir ese "
                                        "resumen: ábralo para ver su estado actual. Su historial se verifica."),
                                      which);
      break;
    case EM_CODE_TAMPERED:
      answer->css = "fail";
      answer->text = g_strdup_printf (_("✘ El código corresponde al %s, pero su historial NO se verifica: "
                                        "el registro fue alterado. %s"), which, why ? why : "");
      break;
    case EM_CODE_UNKNOWN:
    default:
      answer->css = "fail";
      answer->text = g_strdup_printf ("✘ %s", why ? why : _("El código no corresponde a ningún caso."));
      break;
    }
}

void
em_cases_code_answer_clear (EmCodeAnswer *answer)
{
  g_clear_pointer (&answer->text, g_free);
}
