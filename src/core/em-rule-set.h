/* em-rule-set.h — a capacity rule set (Res. ANM 208/2017 and successors)
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "em-number.h"

G_BEGIN_DECLS

typedef enum
{
  EM_INDICATOR_COBERTURA_INVERSION,
  EM_INDICATOR_LIQUIDEZ,
  EM_INDICATOR_CAPITAL_TRABAJO,
  EM_INDICATOR_ENDEUDAMIENTO,
  EM_N_INDICATORS,
} EmIndicatorId;

typedef struct
{
  EmComparison op;
  EmDecimal    value;
} EmThreshold;

/* The legal basis of things that are not indicators. */
typedef enum
{
  EM_BASIS_AVAL_FINANCIERO,
  EM_BASIS_INFORMACION_INCOMPLETA,
  EM_BASIS_NO_SUBSANABLE,
  EM_N_BASES,
} EmBasis;

#define EM_RULE_SET_DEFAULT_ID "res-anm-208-2017"

/* Limits that keep every comparison inside 128 bits (see em-number.c). */
#define EM_RULE_SET_MAX_CE        (10 * EM_DECIMAL_ONE)
#define EM_RULE_SET_MAX_THRESHOLD (1000 * EM_DECIMAL_ONE)
#define EM_RULE_SET_MAX_DAYS      360

#define EM_TYPE_RULE_SET (em_rule_set_get_type ())
G_DECLARE_FINAL_TYPE (EmRuleSet, em_rule_set, EM, RULE_SET, GObject)

const char  *em_indicator_id_to_string       (EmIndicatorId id);
gboolean     em_indicator_id_parse           (const char    *text,
                                              EmIndicatorId *out);

EmRuleSet   *em_rule_set_new_from_bytes      (GBytes       *bytes,
                                              GError      **error);
EmRuleSet   *em_rule_set_new_from_file       (GFile        *file,
                                              GError      **error);
EmRuleSet   *em_rule_set_new_builtin         (const char   *id,
                                              GError      **error);
char       **em_rule_set_list_builtin        (void);

const char  *em_rule_set_get_id              (EmRuleSet     *self);
const char  *em_rule_set_get_name            (EmRuleSet     *self);
const char  *em_rule_set_get_sha256          (EmRuleSet     *self);
void         em_rule_set_get_validity        (EmRuleSet     *self,
                                              GDate         *from,
                                              GDate         *until);
gboolean     em_rule_set_covers_date         (EmRuleSet     *self,
                                              const GDate   *date);
char        *em_rule_set_describe_validity   (EmRuleSet     *self);
EmDecimal    em_rule_set_get_debt_capacity   (EmRuleSet     *self);
void         em_rule_set_get_rotation_days   (EmRuleSet     *self,
                                              guint         *receivables,
                                              guint         *inventory,
                                              guint         *payables);
EmThreshold  em_rule_set_get_threshold       (EmRuleSet     *self,
                                              EmIndicatorId  id);
const char  *em_rule_set_get_basis           (EmRuleSet     *self,
                                              EmIndicatorId  id);
const char  *em_rule_set_get_other_basis     (EmRuleSet     *self,
                                              EmBasis        basis);
gboolean     em_rule_set_aval_covers         (EmRuleSet     *self,
                                              EmIndicatorId  id);

G_END_DECLS
