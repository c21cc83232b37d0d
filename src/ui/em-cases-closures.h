/* em-cases-closures.h — what the cells of the case list show
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pure functions from the values of an EmCaseItem to the words on screen,
 * used by the list's cells (em-cases-cells.c).  The first argument is a
 * GtkExpression closure's «this» and is not used; strings come back newly
 * allocated.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char  *em_cases_number_text    (gpointer    this_object,
                                gint64      id);
char  *em_cases_kind_text      (gpointer    this_object,
                                const char *kind);
char  *em_cases_text_or_dash   (gpointer    this_object,
                                const char *text);
char  *em_cases_outcome_text   (gpointer    this_object,
                                const char *result,
                                const char *tariff);
GStrv  em_cases_outcome_classes (gpointer   this_object,
                                const char *result,
                                const char *tariff);
char  *em_cases_state_text     (gpointer    this_object,
                                const char *state);
GStrv  em_cases_state_classes  (gpointer    this_object,
                                const char *state);
char  *em_cases_created_text   (gpointer    this_object,
                                const char *created);

G_END_DECLS
