/* em-window.h — the main window
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define EM_TYPE_WINDOW (em_window_get_type ())
G_DECLARE_FINAL_TYPE (EmWindow, em_window, EM, WINDOW, GtkApplicationWindow)

EmWindow *em_window_new (GtkApplication *application);

G_END_DECLS
