/* em-preferences-window.h — Preferencias
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "em-session.h"

G_BEGIN_DECLS

#define EM_TYPE_PREFERENCES_WINDOW (em_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (EmPreferencesWindow, em_preferences_window, EM, PREFERENCES_WINDOW, GtkWindow)

EmPreferencesWindow *em_preferences_window_new               (GtkWindow           *parent,
                                                              GSettings           *settings,
                                                              EmSession           *session);
gboolean             em_preferences_window_use_rules_file    (EmPreferencesWindow *self,
                                                              GFile               *file);
gboolean             em_preferences_window_use_schedule_file (EmPreferencesWindow *self,
                                                              GFile               *file);

G_END_DECLS
