/* em-window.h — the main window
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "em-session.h"

G_BEGIN_DECLS

#define EM_TYPE_WINDOW (em_window_get_type ())
G_DECLARE_FINAL_TYPE (EmWindow, em_window, EM, WINDOW, GtkApplicationWindow)

EmWindow   *em_window_new          (GtkApplication *application,
                                    EmSession      *session,
                                    GSettings      *settings);
EmSession  *em_window_get_session  (EmWindow       *self);
GSettings  *em_window_get_settings (EmWindow       *self);
void        em_window_show_page    (EmWindow       *self,
                                    const char     *name);
const char *em_window_get_page     (EmWindow       *self);
void        em_window_show_error   (EmWindow       *self,
                                    const char     *message);
void        em_window_update_actions (EmWindow     *self);
GtkWidget  *em_window_get_page_widget (EmWindow    *self,
                                    const char     *name);
void        em_window_defer_cases_load (EmWindow   *self);

G_END_DECLS
