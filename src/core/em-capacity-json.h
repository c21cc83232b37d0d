/* em-capacity-json.h — the capacity case and verdict as CONTRACT.md JSON
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "em-capacity-case.h"
#include "em-capacity-verdict.h"
#include "em-flat-json.h"
#include "em-json-writer.h"

G_BEGIN_DECLS

EmCapacityCase *em_capacity_case_new_from_json (const EmFlatObject *object,
                                                const char * const *ignored_keys,
                                                GError            **error);
JsonNode       *em_capacity_case_to_json       (EmCapacityCase     *self);
JsonNode       *em_capacity_verdict_to_json    (EmCapacityVerdict  *self);

/* The same documents, into either kind of EmJsonOut (em_json_out_text). */
void em_capacity_case_write    (EmJsonOut *out, EmCapacityCase    *self);
void em_capacity_verdict_write (EmJsonOut *out, EmCapacityVerdict *self);

G_END_DECLS
