/* em-i18n.h — Spanish on any system locale
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void em_i18n_init (void);

G_END_DECLS
