/* em-tariff-schedule.h — a tarifario: the values the fee is computed with
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "em-money.h"
#include "em-tariff-types.h"

G_BEGIN_DECLS

#define EM_TARIFF_SCHEDULE_DEFAULT_ID "anexo-tecnico-ilustrativo"

/* Limits that keep every fee exact in 128 bits and every total within
 * EmMoney: valor_dia ≤ $ 10^12, rubro ≤ 1, factor ≤ 1000. */
#define EM_TARIFF_SCHEDULE_MAX_VALOR_DIA (G_GINT64_CONSTANT (1000000000000) * 100)
#define EM_TARIFF_SCHEDULE_MAX_FACTOR    (1000 * EM_DECIMAL_ONE)

#define EM_TYPE_TARIFF_SCHEDULE (em_tariff_schedule_get_type ())
G_DECLARE_FINAL_TYPE (EmTariffSchedule, em_tariff_schedule, EM, TARIFF_SCHEDULE, GObject)

EmTariffSchedule  *em_tariff_schedule_new_from_bytes     (GBytes            *bytes,
                                                          GError           **error);
EmTariffSchedule  *em_tariff_schedule_new_from_file      (GFile             *file,
                                                          GError           **error);
EmTariffSchedule  *em_tariff_schedule_new_builtin        (const char        *id,
                                                          GError           **error);
char             **em_tariff_schedule_list_builtin       (void);

const char        *em_tariff_schedule_get_id             (EmTariffSchedule  *self);
const char        *em_tariff_schedule_get_name           (EmTariffSchedule  *self);
const char        *em_tariff_schedule_get_sha256         (EmTariffSchedule  *self);
gboolean           em_tariff_schedule_is_official        (EmTariffSchedule  *self);
void               em_tariff_schedule_get_validity       (EmTariffSchedule  *self,
                                                          GDate             *from,
                                                          GDate             *until);
char              *em_tariff_schedule_describe_validity  (EmTariffSchedule  *self);
EmMoney            em_tariff_schedule_get_valor_dia      (EmTariffSchedule  *self);
EmDecimal          em_tariff_schedule_get_rubro          (EmTariffSchedule  *self,
                                                          gboolean           pin,
                                                          EmTariffComponent  component);
EmTariffAttribute  em_tariff_schedule_get_factor_attribute (EmTariffSchedule *self,
                                                          EmTariffComponent  component);
EmDecimal          em_tariff_schedule_lookup_factor      (EmTariffSchedule  *self,
                                                          EmTariffComponent  component,
                                                          const EmTitleKeys *keys,
                                                          const char       **key_used);

G_END_DECLS
