/* em-cases-view.h — what the Casos page shows, from plain values
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  EM_CASES_SHOW_LIST,
  EM_CASES_SHOW_EMPTY,          /* no case, or none matches */
  EM_CASES_SHOW_UNAVAILABLE,    /* the case database could not be opened */
} EmCasesShow;

typedef struct
{
  EmCasesShow  show;
  const char  *icon_name;       /* of the empty or unavailable state */
  const char  *title;
  const char  *description;
  char        *count;           /* "1.234 casos", "12 de 1.234 casos" */
  gboolean     can_clear;       /* offer «Quitar filtros» */
  gboolean     can_export;
  gboolean     can_search;
} EmCasesViewState;

void   em_cases_view_state_init   (EmCasesViewState *state,
                                   gboolean          has_store,
                                   gint64            n_total,
                                   guint             n_shown,
                                   gboolean          filtered);
void   em_cases_view_state_clear  (EmCasesViewState *state);

char  *em_cases_count_text        (guint             n_shown,
                                   gint64            n_total,
                                   gboolean          filtered);
char  *em_cases_import_summary    (guint             n_new,
                                   guint             n_extended,
                                   guint             n_unchanged);

/* The answer to a código de verificación. */
typedef enum
{
  EM_CODE_CURRENT,              /* the case as it is now, history verifies */
  EM_CODE_SUPERSEDED,           /* the case changed after that summary */
  EM_CODE_TAMPERED,             /* the case's history does not verify */
  EM_CODE_UNKNOWN,              /* not a code, or of no case here */
} EmCodeStatus;

typedef struct
{
  const char *css;              /* "pass", "warning" or "fail" */
  char       *text;
  gboolean    can_open;
} EmCodeAnswer;

void   em_cases_code_answer_init  (EmCodeAnswer     *answer,
                                   EmCodeStatus      status,
                                   gint64            id,
                                   const char       *name,
                                   const char       *why);
void   em_cases_code_answer_clear (EmCodeAnswer     *answer);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (EmCasesViewState, em_cases_view_state_clear)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (EmCodeAnswer, em_cases_code_answer_clear)

G_END_DECLS
