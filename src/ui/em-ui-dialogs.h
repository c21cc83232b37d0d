/* em-ui-dialogs.h — small modal questions the pages ask
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "em-session.h"

G_BEGIN_DECLS

typedef void (*EmUiCallback)       (gpointer    data);
typedef void (*EmUiReasonCallback) (gpointer    data,
                                    const char *text);

void     em_ui_error              (GtkWidget          *widget,
                                   const char         *title,
                                   const char         *detail);
void     em_ui_confirm            (GtkWidget          *widget,
                                   const char         *title,
                                   const char         *detail,
                                   const char         *accept_label,
                                   EmUiCallback        accepted,
                                   gpointer            data);
void     em_ui_ask_reason         (GtkWidget          *widget,
                                   const char         *title,
                                   const char         *detail,
                                   const char         *entry_label,
                                   const char         *accept_label,
                                   EmUiReasonCallback  accepted,
                                   gpointer            data);
gboolean em_ui_require_evaluator  (GtkWidget          *widget,
                                   EmSession          *session,
                                   EmUiCallback        then,
                                   gpointer            data);

G_END_DECLS
