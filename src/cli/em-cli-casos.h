/* em-cli-casos.h — `evaluador-minero-cli casos …`
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "em-case-evaluation.h"
#include "em-case-store.h"

G_BEGIN_DECLS

/* Exit code of CONTRACT.md when the history does not verify. */
#define EM_EXIT_NOT_VERIFIED 3

/* What every `casos` subcommand gets: the open store and its arguments
 * (after the subcommand's name). */
typedef struct
{
  EmCaseStore *store;
  const char  *evaluator;      /* --evaluador, or the user's name */
  const char  *rules_path;     /* --reglas */
  const char  *schedule_path;  /* --tarifario */
  int          argc;
  char       **argv;
} EmCasosContext;

int  em_cli_casos_exportar          (EmCasosContext *context);
int  em_cli_casos_importar_paquete  (EmCasosContext *context);
int  em_cli_casos_exportar_csv      (EmCasosContext *context);

EmEvaluator *em_cli_casos_evaluator (EmCasosContext *context,
                                     GError        **error);
gboolean     em_cli_casos_says_nothing_stored (const GError *error);

G_END_DECLS
