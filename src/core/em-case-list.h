/* em-case-list.h — the cases as a lazily loaded GListModel
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "em-case-store.h"

G_BEGIN_DECLS

#define EM_TYPE_CASE_ITEM (em_case_item_get_type ())
G_DECLARE_FINAL_TYPE (EmCaseItem, em_case_item, EM, CASE_ITEM, GObject)

gint64      em_case_item_get_id       (EmCaseItem *self);
const char *em_case_item_get_kind     (EmCaseItem *self);
const char *em_case_item_get_name     (EmCaseItem *self);
const char *em_case_item_get_document (EmCaseItem *self);
const char *em_case_item_get_result   (EmCaseItem *self);
const char *em_case_item_get_tariff   (EmCaseItem *self);
const char *em_case_item_get_state    (EmCaseItem *self);
const char *em_case_item_get_created  (EmCaseItem *self);

#define EM_TYPE_CASE_LIST (em_case_list_get_type ())
G_DECLARE_FINAL_TYPE (EmCaseList, em_case_list, EM, CASE_LIST, GObject)

EmCaseList *em_case_list_new        (EmCaseStore        *store);
gboolean    em_case_list_set_filter (EmCaseList         *self,
                                     const EmCaseFilter *filter,
                                     GError            **error);
gboolean    em_case_list_reload     (EmCaseList         *self,
                                     GError            **error);

G_END_DECLS
