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
  if (g_str_equal (member->key, "regimen"))
    return read_choice (member, regimen_names, &value, error)
           && (em_capacity_case_set_regimen (self, value), TRUE);
  if (g_str_equal (member->key, "tramite"))
    return read_choice (member, tramite_names, &value, error)
           && (em_capacity_case_set_tramite (self, value), TRUE);
  if (g_str_equal (member->key, "tipo_persona"))
    return read_choice (member, persona_names, &value, error)
           && (em_capacity_case_set_tipo_persona (self, value), TRUE);
  if (g_str_equal (member->key, "rol"))
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
    if (g_str_equal (member->key, em_amount_get_field_name (i)))
      return read_money (member, &money, error)
             && (em_capacity_case_set_amount (self, i, money), TRUE);
  for (guint i = 0; i < EM_N_TEXTS; i++)
    if (g_str_equal (member->key, em_text_get_field_name (i)))
      return member->kind == EM_JSON_STRING
             ? (em_capacity_case_set_text (self, i, member->text), TRUE)
             : type_error (member, _("un texto"), error);
  if (g_str_equal (member->key, "fecha_radicacion"))
    return read_date (member, self, error);
  if (g_str_equal (member->key, "aval_financiero"))
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
add_optional_string (JsonBuilder *builder, const char *key, const char *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (builder, key);
  json_builder_add_string_value (builder, value);
}

/* The canonical input: only the fields given, money as canonical strings. */
JsonNode *
em_capacity_case_to_json (EmCapacityCase *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  GDate date;

  g_return_val_if_fail (EM_IS_CAPACITY_CASE (self), NULL);

  json_builder_begin_object (builder);
  add_optional_string (builder, "regimen", em_regimen_to_string (em_capacity_case_get_regimen (self)));
  add_optional_string (builder, "tramite", em_tramite_to_string (em_capacity_case_get_tramite (self)));
  if (em_capacity_case_get_fecha_radicacion (self, &date))
    {
      g_autofree char *iso = em_date_to_iso (&date);
      add_optional_string (builder, "fecha_radicacion", iso);
    }
  for (guint i = 0; i < EM_N_TEXTS; i++)
    add_optional_string (builder, em_text_get_field_name (i), em_capacity_case_get_text (self, i));
  add_optional_string (builder, "tipo_persona", em_tipo_persona_to_string (em_capacity_case_get_tipo_persona (self)));
  add_optional_string (builder, "rol", em_rol_to_string (em_capacity_case_get_rol (self)));
  for (guint i = 0; i < EM_N_AMOUNTS; i++)
    {
      EmMoney value;
      if (em_capacity_case_get_amount (self, i, &value))
        {
          g_autofree char *text = em_money_to_canonical (value);
          add_optional_string (builder, em_amount_get_field_name (i), text);
        }
    }
  if (em_capacity_case_get_regimen (self) == EM_REGIMEN_COMUN)
    {
      json_builder_set_member_name (builder, "aval_financiero");
      json_builder_add_boolean_value (builder, em_capacity_case_get_aval_financiero (self));
    }
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static void
add_string_or_null (JsonBuilder *builder, const char *key, const char *value)
{
  json_builder_set_member_name (builder, key);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_indicator (JsonBuilder *builder, const EmIndicatorResult *result)
{
  g_autofree char *value = em_indicator_result_format_value (result, '.');
  g_autofree char *threshold = em_decimal_to_string (result->threshold.value);

  json_builder_begin_object (builder);
  add_string_or_null (builder, "id", em_indicator_id_to_string (result->id));
  add_string_or_null (builder, "valor", value);
  add_string_or_null (builder, "comparacion", em_comparison_to_string (result->threshold.op));
  add_string_or_null (builder, "umbral", threshold);
  json_builder_set_member_name (builder, "cumple");
  json_builder_add_boolean_value (builder, result->passes);
  json_builder_set_member_name (builder, "cubierto_por_aval");
  json_builder_add_boolean_value (builder, result->covered_by_aval);
  add_string_or_null (builder, "fundamento", result->basis);
  add_string_or_null (builder, "nota", result->note);
  json_builder_end_object (builder);
}

static void
add_string_list (JsonBuilder *builder, const char *key, const char * const *items)
{
  json_builder_set_member_name (builder, key);
  json_builder_begin_array (builder);
  for (guint i = 0; items[i] != NULL; i++)
    json_builder_add_string_value (builder, items[i]);
  json_builder_end_array (builder);
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

JsonNode *
em_capacity_verdict_to_json (EmCapacityVerdict *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autofree char *ktno = ktno_text (self);

  g_return_val_if_fail (EM_IS_CAPACITY_VERDICT (self), NULL);

  json_builder_begin_object (builder);
  add_string_or_null (builder, "tipo", "capacidad");
  add_string_or_null (builder, "reglas", em_rule_set_get_id (em_capacity_verdict_get_rule_set (self)));
  add_string_or_null (builder, "regimen", em_regimen_to_string (em_capacity_verdict_get_regimen (self)));
  add_string_or_null (builder, "resultado",
                      em_capacity_result_to_string (em_capacity_verdict_get_result (self)));
  json_builder_set_member_name (builder, "indicadores");
  json_builder_begin_array (builder);
  for (guint i = 0; i < em_capacity_verdict_get_n_indicators (self); i++)
    add_indicator (builder, em_capacity_verdict_get_indicator (self, i));
  json_builder_end_array (builder);
  add_string_or_null (builder, "ktno", ktno);
  add_string_list (builder, "faltantes", em_capacity_verdict_get_missing (self));
  add_string_list (builder, "observaciones", em_capacity_verdict_get_observations (self));
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}
