/* em-period-window.h — «Informe del periodo»: dates, totals, print or export
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "em-case-store.h"

G_BEGIN_DECLS

#define EM_TYPE_PERIOD_WINDOW (em_period_window_get_type ())
G_DECLARE_FINAL_TYPE (EmPeriodWindow, em_period_window, EM, PERIOD_WINDOW, GtkWindow)

/* A modal window over @parent asking for the period (the current month
 * to begin with); its actions: period.print, period.export-pdf,
 * period.export-csv. */
EmPeriodWindow *em_period_window_new (GtkWindow   *parent,
                                      EmCaseStore *store);

G_END_DECLS
