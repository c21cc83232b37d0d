/* em-print-view.h — what printing shows, computed without widgets
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The dates of the periodic report as typed (DD/MM/AAAA) and what is said
 * under each field, the totals sentence, and the names suggested for the
 * files.  Pure functions of their arguments, unit-tested in test-print.c.
 */
#pragma once

#include <glib.h>

#include "em-report.h"

G_BEGIN_DECLS

/* The two dates of a period as read from the window. */
typedef struct
{
  char     *from;          /* AAAA-MM-DD, or NULL when the field is not valid */
  char     *until;
  char     *from_error;    /* the message under «Desde», or NULL */
  char     *until_error;   /* the message under «Hasta», or NULL */
  gboolean  ready;         /* both valid, and «Desde» not after «Hasta» */
} EmPeriodInput;

void   em_period_input_read         (EmPeriodInput        *input,
                                     const char           *from_text,
                                     const char           *until_text);
void   em_period_input_clear        (EmPeriodInput        *input);

/* The first and last day of @today's month, as the fields show them. */
void   em_period_default_range      (const GDate          *today,
                                     char                **from_text,
                                     char                **until_text);

/* «12 casos: 8 de capacidad económica y 4 de tarifa de inspección.» */
char  *em_period_totals_text        (const EmReportTotals *totals);
/* «El informe ocupa 3 páginas en papel carta.» */
char  *em_period_pages_text         (guint                 n_pages,
                                     EmPaper               paper);

/* «caso-12-ABCD-EFGH-JKMN.pdf» */
char  *em_print_case_file_name      (gint64                id,
                                     const char           *code);
/* «informe-2026-05-01-a-2026-05-31.pdf» */
char  *em_period_file_name          (const char           *from,
                                     const char           *until,
                                     const char           *extension);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (EmPeriodInput, em_period_input_clear)

G_END_DECLS
