/* em-preferences-view.c — what Preferencias shows of a rule set or tarifario
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pure functions from plain values to the texts of the «En uso» summaries,
 * so they are tested without widgets.  What is in use is what the session
 * evaluates with; the origin says where it came from, and says so plainly
 * when the file named in the preferences could not be loaded.
 */
#define G_LOG_DOMAIN "em-preferences-view"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "em-preferences-view.h"

static char *
describe_origin (EmSourceOrigin origin,
                 const char    *path,
                 const char    *builtin_text,
                 const char    *fallback_text)
{
  switch (origin)
    {
    case EM_SOURCE_BUILTIN:
      return g_strdup (builtin_text);
    case EM_SOURCE_FILE:
      return g_strdup_printf (_("Archivo: %s"), path);
    case EM_SOURCE_FILE_INVALID:
      /* Translators: %1$s is the path of a file, %2$s what is used instead ("se usan las incorporadas") */
      return g_strdup_printf (_("El archivo %1$s no es válido: %2$s"), path, fallback_text);
    default:
      g_assert_not_reached ();
    }
}

static void
fill_common (EmSourceView *view,
             const char   *name,
             const char   *validity,
             EmSourceOrigin origin)
{
  view->name = g_strdup (name);
  view->validity = g_strdup_printf (_("Vigencia: %s"), validity);
  view->can_use_builtin = origin != EM_SOURCE_BUILTIN;
}

void
em_source_view_for_rules (EmSourceView   *view,
                          const char     *name,
                          const char     *validity,
                          EmSourceOrigin  origin,
                          const char     *path)
{
  g_return_if_fail (view != NULL && name != NULL && validity != NULL);
  g_return_if_fail (origin == EM_SOURCE_BUILTIN || path != NULL);

  fill_common (view, name, validity, origin);
  view->origin = describe_origin (origin, path, _("Incorporadas en la aplicación"),
                                  _("se usan las incorporadas"));
  view->official = NULL;
  view->official_class = NULL;
}

void
em_source_view_for_schedule (EmSourceView   *view,
                             const char     *name,
                             const char     *validity,
                             gboolean        official,
                             EmSourceOrigin  origin,
                             const char     *path)
{
  g_return_if_fail (view != NULL && name != NULL && validity != NULL);
  g_return_if_fail (origin == EM_SOURCE_BUILTIN || path != NULL);

  fill_common (view, name, validity, origin);
  view->origin = describe_origin (origin, path, _("Incorporado en la aplicación"),
                                  _("se usa el incorporado"));
  view->official = g_strdup (official ? _("✔ Oficial")
                                      : _("⚠ NO OFICIAL: las tarifas calculadas con él son ilustrativas"));
  view->official_class = official ? "pass" : "no-oficial";
}

void
em_source_view_clear (EmSourceView *view)
{
  g_clear_pointer (&view->name, g_free);
  g_clear_pointer (&view->validity, g_free);
  g_clear_pointer (&view->origin, g_free);
  g_clear_pointer (&view->official, g_free);
  view->official_class = NULL;
  view->can_use_builtin = FALSE;
}
