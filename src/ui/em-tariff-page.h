/* em-tariff-page.h — the «Tarifa de inspección» page
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "em-page.h"

G_BEGIN_DECLS

#define EM_TYPE_TARIFF_PAGE (em_tariff_page_get_type ())
G_DECLARE_FINAL_TYPE (EmTariffPage, em_tariff_page, EM, TARIFF_PAGE, GtkWidget)

G_END_DECLS
