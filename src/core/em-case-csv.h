/* em-case-csv.h — the case list as CSV for spreadsheets
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "em-case-store.h"

G_BEGIN_DECLS

gboolean em_case_csv_export (EmCaseStore        *store,
                             const EmCaseFilter *filter,
                             GOutputStream      *out,
                             guint              *n_rows,
                             GError            **error);

G_END_DECLS
