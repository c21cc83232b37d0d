/* em-cases-page.h — the Casos page: find, open, import and export cases
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "em-case-bundle.h"
#include "em-session.h"

G_BEGIN_DECLS

#define EM_TYPE_CASES_PAGE (em_cases_page_get_type ())
G_DECLARE_FINAL_TYPE (EmCasesPage, em_cases_page, EM, CASES_PAGE, GtkWidget)

void     em_cases_page_set_session    (GtkWidget      *page,
                                       EmSession      *session);

/* What the import and export actions do once a file is chosen; the cases
 * exported are those the list shows (search and filters). */
gboolean em_cases_page_export_bundle  (EmCasesPage    *self,
                                       GFile          *file,
                                       guint          *n_cases,
                                       GError        **error);
gboolean em_cases_page_export_csv     (EmCasesPage    *self,
                                       GFile          *file,
                                       guint          *n_rows,
                                       GError        **error);
gboolean em_cases_page_import_bundle  (EmCasesPage    *self,
                                       GFile          *file,
                                       EmBundleReport *report,
                                       GError        **error);

void     em_cases_page_defer_first_load (EmCasesPage *self);

/* Selects the case at @position and scrolls to it. */
void     em_cases_page_select         (EmCasesPage    *self,
                                       guint           position);

G_END_DECLS
