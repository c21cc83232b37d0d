/* em-session.h — what the window's pages share: store, rules, evaluator name
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "em-case-evaluation.h"
#include "em-case-store.h"

G_BEGIN_DECLS

#define EM_TYPE_SESSION (em_session_get_type ())
G_DECLARE_FINAL_TYPE (EmSession, em_session, EM, SESSION, GObject)

EmSession   *em_session_new                 (EmCaseStore *store,
                                             EmEvaluator *evaluator);
EmCaseStore *em_session_get_store           (EmSession   *self);
EmEvaluator *em_session_get_evaluator       (EmSession   *self);
void         em_session_set_evaluator       (EmSession   *self,
                                             EmEvaluator *evaluator);
const char  *em_session_get_evaluator_name  (EmSession   *self);
void         em_session_set_evaluator_name  (EmSession   *self,
                                             const char  *name);
void         em_session_cases_changed       (EmSession   *self,
                                             gint64       id);
void         em_session_open_case           (EmSession   *self,
                                             gint64       id);

G_END_DECLS
