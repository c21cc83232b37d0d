/* em-preferences-view.h — what Preferencias shows of a rule set or tarifario
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Whether the file named in the settings is the one in use. */
typedef enum
{
  EM_SOURCE_BUILTIN,        /* the key is empty: the shipped one is in use */
  EM_SOURCE_FILE,           /* the key names a valid file, in use */
  EM_SOURCE_FILE_INVALID,   /* the key names a file that does not load */
} EmSourceOrigin;

typedef struct
{
  char       *name;            /* "Resolución ANM 208 de 2017" */
  char       *validity;        /* "Vigencia: del 27/04/2017 al 19/04/2018" */
  char       *origin;          /* "Incorporadas en la aplicación", "Archivo: /ruta" */
  char       *official;        /* tarifario only: "✔ Oficial" / "⚠ NO OFICIAL: …"; else NULL */
  const char *official_class;  /* CSS: "pass", "no-oficial", or NULL */
  gboolean    can_use_builtin; /* something other than the shipped one is chosen */
} EmSourceView;

void em_source_view_for_rules    (EmSourceView   *view,
                                  const char     *name,
                                  const char     *validity,
                                  EmSourceOrigin  origin,
                                  const char     *path);
void em_source_view_for_schedule (EmSourceView   *view,
                                  const char     *name,
                                  const char     *validity,
                                  gboolean        official,
                                  EmSourceOrigin  origin,
                                  const char     *path);
void em_source_view_clear        (EmSourceView   *view);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (EmSourceView, em_source_view_clear)

G_END_DECLS
