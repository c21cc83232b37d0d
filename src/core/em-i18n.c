/* em-i18n.c — Spanish on any system locale
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Source strings are Spanish (the product's language), so the app speaks
 * Spanish even when no catalog is found.  The message locale is set so that
 * catalogs (ours and GTK's) apply: Spanish unless the user's LANGUAGE names
 * a language we ship a catalog for.  EVALUADOR_MINERO_LOCALEDIR points at
 * the build tree's catalogs when running uninstalled (tests, build-aux/run).
 */
#define G_LOG_DOMAIN "em-i18n"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>

#include "em-i18n.h"

/* The languages of po/LINGUAS. */
static const char * const shipped[] = { "es", NULL };

static gboolean
language_is_shipped (const char *language)
{
  g_auto(GStrv) parts = NULL;

  if (language == NULL || language[0] == '\0')
    return FALSE;
  parts = g_strsplit_set (language, "_.@:", 2);
  return g_strv_contains (shipped, parts[0]);
}

void
em_i18n_init (void)
{
  const char *localedir = g_getenv ("EVALUADOR_MINERO_LOCALEDIR");
  const char *messages;

  setlocale (LC_ALL, "");
  messages = setlocale (LC_MESSAGES, NULL);
  /* gettext translates nothing in the "C" locale, whatever LANGUAGE says. */
  if (messages == NULL || g_str_equal (messages, "C") || g_str_equal (messages, "POSIX"))
    setlocale (LC_MESSAGES, "C.UTF-8");
  /* Our text and our JSON are UTF-8; a non-UTF-8 locale would turn «…» into «?». */
  if (!g_get_charset (NULL))
    setlocale (LC_CTYPE, "C.UTF-8");
  if (!language_is_shipped (g_getenv ("LANGUAGE")))
    g_setenv ("LANGUAGE", "es_CO:es", TRUE);

  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}
