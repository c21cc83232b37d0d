/* em-application.h — the GtkApplication
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define EM_TYPE_APPLICATION (em_application_get_type ())
G_DECLARE_FINAL_TYPE (EmApplication, em_application, EM, APPLICATION, GtkApplication)

EmApplication *em_application_new          (void);
GSettings     *em_application_get_settings (EmApplication *self);

G_END_DECLS
