/* em-page.h — what the window asks of its pages
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each page is a widget with a "session" and these actions, which the
 * window's own actions forward to the visible page:
 *   page.new   (Ctrl+N)  start a new evaluation
 *   page.save  (Ctrl+S)  save it as a case
 *   page.find  (Ctrl+F)  (Casos) focus the search
 *   page.print (Ctrl+P)  print the stored case shown (or offer to save it
 *                        first); Casos: the periodic report
 *   page.export-pdf      the same, to a PDF file
 * A page that has nothing to do for an action leaves it disabled.
 */
#pragma once

#include <gtk/gtk.h>

#include "em-session.h"

G_BEGIN_DECLS

/* Pages enable their page.new, page.save, page.print and page.export-pdf
 * through these, so the window's header buttons and shortcuts follow the
 * visible page. */
void em_page_set_action_enabled   (GtkWidget  *page,
                                   const char *action,
                                   gboolean    enabled);
gboolean em_page_get_action_enabled (GtkWidget  *page,
                                   const char *action);

void em_capacity_page_set_session (GtkWidget *page,
                                   EmSession *session);
void em_capacity_page_show_case   (GtkWidget *page,
                                   gint64     id);
void em_tariff_page_set_session   (GtkWidget *page,
                                   EmSession *session);
void em_tariff_page_show_case     (GtkWidget *page,
                                   gint64     id);
void em_cases_page_set_session    (GtkWidget *page,
                                   EmSession *session);

GType em_capacity_page_get_type   (void);
GType em_tariff_page_get_type     (void);
GType em_cases_page_get_type      (void);

G_END_DECLS
