/* em-print-preview.h — the print dialog's «Vista previa», in a window
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define EM_TYPE_PRINT_PREVIEW (em_print_preview_get_type ())
G_DECLARE_FINAL_TYPE (EmPrintPreview, em_print_preview, EM, PRINT_PREVIEW, GtkWindow)

/* Shows the pages @operation renders for @preview; closing the window ends
 * the preview.  "print-requested" is emitted (after the window closed)
 * when the official asks to print from the preview. */
EmPrintPreview *em_print_preview_new       (GtkWindow                *parent,
                                            GtkPrintOperation        *operation,
                                            GtkPrintOperationPreview *preview,
                                            GtkPrintContext          *context,
                                            const char               *title);
guint           em_print_preview_get_n_pages (EmPrintPreview         *self);

G_END_DECLS
