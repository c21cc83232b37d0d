/* em-capacity-page.h — the Capacidad económica page
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define EM_TYPE_CAPACITY_PAGE (em_capacity_page_get_type ())
G_DECLARE_FINAL_TYPE (EmCapacityPage, em_capacity_page, EM, CAPACITY_PAGE, GtkWidget)

G_END_DECLS
