/* em-capacity-json.c — reading a capacity case, writing a verdict
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input is a flat object (CONTRACT.md, `capacidad`): every field is
 * checked for its type and value, null means absent, and a field that does
 * not exist is an error (a typo must not become a missing value).
 */
#define G_LOG_DOMAIN "em-capacity-json"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "em-capacity-json.h"
#include "em-date.h"
#include "em-input-error.h"
#include "em-json-writer.h"

static gboolean
type_error (const EmFlatMember *member, const char *expected, GError **error)
{
  em_input_error_set (error, member->key, EM_INPUT_ERROR_SYNTAX,
                      _("debe ser %s, no %s"), expected, em_json_kind_describe (member->kind));
  return FALSE;
}

/* «a», «b» o «c» */
static char *
join_choices (const char * const *names)
{
  GString *out = g_string_new (NULL);
  guint n = g_strv_length ((char **) names);

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append (out, i == n - 1 ? _(" o ") : ", ");
      g_string_append_printf (out, "«%s»", names[i]);
    }
  return g_string_free (out, FALSE);
}

/* Reads one of @names (index 1…n; 0 is "not given"). */
static gboolean
read_choice (const EmFlatMember *member, const char * const *names, guint *out, GError **error)
{
  g_autofree char *choices = NULL;

  if (member->kind != EM_JSON_STRING)
    return type_error (member, _("un texto"), error);
  for (guint i = 1; names[i] != NULL; i++)
    if (g_str_equal (member->text, names[i]))
      return *out = i, TRUE;
  choices = join_choices (names + 1);
  em_input_error_set (error, member->key, EM_INPUT_ERROR_INVALID,
                      _("«%s» no es un valor válido: use %s"), member->text, choices);
  return FALSE;
}

static gboolean
read_money (const EmFlatMember *member, EmMoney *out, GError **error)
{
  gboolean ok;

  if (member->kind == EM_JSON_STRING)
    ok = em_money_parse (member->text, out, error);
  else if (member->kind == EM_JSON_NUMBER)
    ok = em_money_parse_json_number (member->text, out, error);
  else
    return type_error (member, _("un valor en pesos (texto «1234567.89» o número)"), error);
  if (!ok)
    em_input_error_prefix_field (error, member->key);
  return ok;
}

static gboolean
read_date (const EmFlatMember *member, EmCapacityCase *self, GError **error)
{
  GDate date;

  if (member->kind != EM_JSON_STRING)
    return type_error (member, _("una fecha «AAAA-MM-DD»"), error);
  if (!em_date_parse_iso (member->text, &date, error))
    return em_input_error_prefix_field (error, member->key), FALSE;
  em_capacity_case_set_fecha_radicacion (self, &date);
  return TRUE;
}

static const char * const regimen_names[] = { "", "simplificado", "comun", NULL };
static const char * const tramite_names[] = { "", "inscripcion", "renovacion", NULL };
static const char * const persona_names[] = { "", "natural", "juridica", NULL };
static const char * const rol_names[] = { "", "comercializador", "planta_beneficio", NULL };

static gboolean
read_enum_member (const EmFlatMember *member, EmCapacityCase *self, gboolean *handled, GError **error)
{
  guint value = 0;

  *handled = TRUE;
  if (em_flat_member_is (member, "regimen"))
    return read_choice (member, regimen_names, &value, error)
           && (em_capacity_case_set_regimen (self, value), TRUE);
  if (em_flat_member_is (member, "tramite"))
    return read_choice (member, tramite_names, &value, error)
           && (em_capacity_case_set_tramite (self, value), TRUE);
  if (em_flat_member_is (member, "tipo_persona"))
    return read_choice (member, persona_names, &value, error)
           && (em_capacity_case_set_tipo_persona (self, value), TRUE);
  if (em_flat_member_is (member, "rol"))
    return read_choice (member, rol_names, &value, error)
           && (em_capacity_case_set_rol (self, value), TRUE);
  *handled = FALSE;
  return TRUE;
}

static gboolean
read_other_member (const EmFlatMember *member, EmCapacityCase *self, GError **error)
{
  EmMoney money;

  for (guint i = 0; i < EM_N_AMOUNTS; i++)
    if (em_flat_member_is (member, em_amount_get_field_name (i)))
      return read_money (member, &money, error)
             && (em_capacity_case_set_amount (self, i, money), TRUE);
  for (guint i = 0; i < EM_N_TEXTS; i++)
    if (em_flat_member_is (member, em_text_get_field_name (i)))
      return member->kind == EM_JSON_STRING
             ? (em_capacity_case_set_text (self, i, member->text), TRUE)
             : type_error (member, _("un texto"), error);
  if (em_flat_member_is (member, "fecha_radicacion"))
    return read_date (member, self, error);
  if (em_flat_member_is (member, "aval_financiero"))
    return member->kind == EM_JSON_TRUE || member->kind == EM_JSON_FALSE
           ? (em_capacity_case_set_aval_financiero (self, member->kind == EM_JSON_TRUE), TRUE)
           : type_error (member, _("true o false"), error);
  em_input_error_set (error, member->key, EM_INPUT_ERROR_UNKNOWN,
                      _("campo desconocido (revise cómo está escrito)"));
  return FALSE;
}

EmCapacityCase *
em_capacity_case_new_from_json (const EmFlatObject *object,
                                const char * const *ignored_keys,
                                GError            **error)
{
  g_autoptr(EmCapacityCase) self = em_capacity_case_new ();

  g_return_val_if_fail (object != NULL, NULL);

  for (guint i = 0; i < em_flat_object_get_size (object); i++)
    {
      const EmFlatMember *member = em_flat_object_get_nth (object, i);
      gboolean handled;

      if (ignored_keys != NULL && g_strv_contains (ignored_keys, member->key))
        continue;
      if (member->kind == EM_JSON_NULL)
        continue;
      if (!read_enum_member (member, self, &handled, error))
        return NULL;
      if (!handled && !read_other_member (member, self, error))
        return NULL;
    }
  return g_steal_pointer (&self);
}

static void
add_optional_string (EmJsonOut *out, const char *key, const char *value)
{
  if (value != NULL)
    em_json_out_member (out, key, value);
}

/* The canonical input: only the fields given, money as canonical strings. */
void
em_capacity_case_write (EmJsonOut *out, EmCapacityCase *self)
{
  GDate date;

  em_json_out_begin_object (out);
  add_optional_string (out, "regimen", em_regimen_to_string (em_capacity_case_get_regimen (self)));
  add_optional_string (out, "tramite", em_tramite_to_string (em_capacity_case_get_tramite (self)));
  if (em_capacity_case_get_fecha_radicacion (self, &date))
    {
      g_autofree char *iso = em_date_to_iso (&date);
      add_optional_string (out, "fecha_radicacion", iso);
    }
  for (guint i = 0; i < EM_N_TEXTS; i++)
    add_optional_string (out, em_text_get_field_name (i), em_capacity_case_get_text (self, i));
  add_optional_string (out, "tipo_persona", em_tipo_persona_to_string (em_capacity_case_get_tipo_persona (self)));
  add_optional_string (out, "rol", em_rol_to_string (em_capacity_case_get_rol (self)));
  for (guint i = 0; i < EM_N_AMOUNTS; i++)
    {
      EmMoney value;
      if (em_capacity_case_get_amount (self, i, &value))
        {
          g_autofree char *text = em_money_to_canonical (value);
          add_optional_string (out, em_amount_get_field_name (i), text);
        }
    }
  if (em_capacity_case_get_regimen (self) == EM_REGIMEN_COMUN)
    em_json_out_member_boolean (out, "aval_financiero", em_capacity_case_get_aval_financiero (self));
  em_json_out_end_object (out);
}

JsonNode *
em_capacity_case_to_json (EmCapacityCase *self)
{
  g_return_val_if_fail (EM_IS_CAPACITY_CASE (self), NULL);
  return em_json_out_node ((EmJsonWriteFunc) em_capacity_case_write, self);
}

static void
add_indicator (EmJsonOut *out, const EmIndicatorResult *result)
{
  g_autofree char *value = em_indicator_result_format_value (result, '.');
  g_autofree char *threshold = em_decimal_to_string (result->threshold.value);

  em_json_out_begin_object (out);
  em_json_out_member (out, "id", em_indicator_id_to_string (result->id));
  em_json_out_member (out, "valor", value);
  em_json_out_member (out, "comparacion", em_comparison_to_string (result->threshold.op));
  em_json_out_member (out, "umbral", threshold);
  em_json_out_member_boolean (out, "cumple", result->passes);
  em_json_out_member_boolean (out, "cubierto_por_aval", result->covered_by_aval);
  em_json_out_member (out, "fundamento", result->basis);
  em_json_out_member (out, "nota", result->note);
  em_json_out_end_object (out);
}

static char *
ktno_text (EmCapacityVerdict *self)
{
  EmRatio ktno;

  if (!em_capacity_verdict_get_ktno (self, &ktno))
    return NULL;
  /* KTNO is in centavos: round to a whole centavo, show as pesos. */
  return em_scaled_to_string (em_ratio_round (ktno, 0), 2, '.', FALSE);
}

void
em_capacity_verdict_write (EmJsonOut *out, EmCapacityVerdict *self)
{
  g_autofree char *ktno = ktno_text (self);

  em_json_out_begin_object (out);
  em_json_out_member (out, "tipo", "capacidad");
  em_json_out_member (out, "reglas", em_rule_set_get_id (em_capacity_verdict_get_rule_set (self)));
  em_json_out_member (out, "regimen", em_regimen_to_string (em_capacity_verdict_get_regimen (self)));
  em_json_out_member (out, "resultado", em_capacity_result_to_string (em_capacity_verdict_get_result (self)));
  em_json_out_key (out, "indicadores");
  em_json_out_begin_array (out);
  for (guint i = 0; i < em_capacity_verdict_get_n_indicators (self); i++)
    add_indicator (out, em_capacity_verdict_get_indicator (self, i));
  em_json_out_end_array (out);
  em_json_out_member (out, "ktno", ktno);
  em_json_out_string_list (out, "faltantes", em_capacity_verdict_get_missing (self));
  em_json_out_string_list (out, "observaciones", em_capacity_verdict_get_observations (self));
  em_json_out_end_object (out);
}

JsonNode *
em_capacity_verdict_to_json (EmCapacityVerdict *self)
{
  g_return_val_if_fail (EM_IS_CAPACITY_VERDICT (self), NULL);
  return em_json_out_node ((EmJsonWriteFunc) em_capacity_verdict_write, self);
}

