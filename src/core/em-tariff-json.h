/* em-tariff-json.h — the tariff case and verdict as CONTRACT.md JSON
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "em-flat-json.h"
#include "em-json-writer.h"
#include "em-tariff-case.h"
#include "em-tariff-verdict.h"

G_BEGIN_DECLS

EmTariffCase *em_tariff_case_new_from_json (const EmFlatObject *object,
                                            const char * const *ignored_keys,
                                            GError            **error);
JsonNode     *em_tariff_case_to_json       (EmTariffCase       *self);
JsonNode     *em_tariff_verdict_to_json    (EmTariffVerdict    *self);

/* The same documents, into either kind of EmJsonOut (em_json_out_text). */
void em_tariff_case_write    (EmJsonOut *out, EmTariffCase    *self);
void em_tariff_verdict_write (EmJsonOut *out, EmTariffVerdict *self);

G_END_DECLS
