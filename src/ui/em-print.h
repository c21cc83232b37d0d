/* em-print.h — printing and exporting from the window
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The summary of a stored case, or the periodic report, through
 * GtkPrintOperation (the print dialog, with our own preview) or straight
 * to a file chosen with GtkFileChooserNative.  The pages are drawn by
 * src/report, the same code the CLI uses.  Only stored cases print, and a
 * case whose history does not verify is refused with the reason.
 */
#pragma once

#include <gtk/gtk.h>

#include "em-report.h"
#include "em-ui-dialogs.h"

G_BEGIN_DECLS

/* Says what was done (e.g. in the page's notice bar). */
typedef void (*EmPrintNotify)   (gpointer    data,
                                 const char *message);
typedef void (*EmPrintFileFunc) (GtkWidget  *widget,
                                 GFile      *file,
                                 gpointer    data);

/* The sheet chosen in the preferences ("papel") of @widget's window. */
EmPaper  em_print_get_paper             (GtkWidget       *widget);

void     em_print_case                  (GtkWidget       *widget,
                                         EmCaseStore     *store,
                                         gint64           id);
void     em_print_export_case           (GtkWidget       *widget,
                                         EmCaseStore     *store,
                                         gint64           id,
                                         EmPrintNotify    notify,
                                         gpointer         data);
gboolean em_print_write_case            (GtkWidget       *widget,
                                         EmCaseStore     *store,
                                         gint64           id,
                                         GFile           *file,
                                         EmPrintNotify    notify,
                                         gpointer         data);
/* Takes @period; @file_name is suggested for «Imprimir a un archivo». */
void     em_print_period                (GtkWidget       *widget,
                                         EmReportPeriod  *period,
                                         const char      *file_name);

/* «Solo se imprimen casos guardados…»: asks to save first. */
void     em_print_offer_save            (GtkWidget       *widget,
                                         gboolean         to_file,
                                         EmUiCallback     save_then,
                                         gpointer         data);

/* A file to write, chosen with GtkFileChooserNative. */
void     em_print_choose_file           (GtkWidget       *widget,
                                         const char      *title,
                                         const char      *suggested,
                                         const char      *filter_name,
                                         const char      *pattern,
                                         EmPrintFileFunc  chosen,
                                         gpointer         data);

/* The local path of @file, or NULL with an error that says so. */
const char *em_print_local_path         (GFile           *file,
                                         GError         **error);

/* Tests: print (GTK_PRINT_OPERATION_ACTION_EXPORT) and choose files
 * without asking: everything goes to @path.  NULL asks again. */
void     em_print_set_test_destination  (const char      *path);

G_END_DECLS
