/* em-cases-cells.h — the cells of the case list, made in C
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Gives each column (in the order of em-cases-page-private.h) its cells.
 * @refills emits "rows-refilled" when the list's items have been refilled
 * in place (see em-case-list.c): every cell then shows its item again. */
void em_cases_cells_set_up (GtkColumnViewColumn **columns,
                            guint                 n_columns,
                            GObject              *refills);

G_END_DECLS
