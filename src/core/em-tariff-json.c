/* em-tariff-json.c — reading a tariff case, writing a tariff verdict
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input is a flat object (CONTRACT.md, `tarifa`): every field is
 * checked for its type and value, null means absent, and a field that does
 * not exist is an error.  Quantities (hectares, production) come as decimal
 * strings or JSON numbers and are read from their text, never through a
 * double.  The output has the fields of CONTRACT.md in its order, then what
 * lets an official check the result by hand: the row and bounds that gave
 * the class, the arithmetic of each component and the Tabla 4 days.
 */
#define G_LOG_DOMAIN "em-tariff-json"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "em-input-error.h"
#include "em-json-writer.h"
#include "em-money.h"
#include "em-tariff-json.h"

/* ---- Reading ------------------------------------------------------- */

static gboolean
type_error (const EmFlatMember *member, const char *expected, GError **error)
{
  em_input_error_set (error, member->key, EM_INPUT_ERROR_SYNTAX,
                      _("debe ser %s, no %s"), expected, em_json_kind_describe (member->kind));
  return FALSE;
}

static gboolean
is_string (const EmFlatMember *member, GError **error)
{
  return member->kind == EM_JSON_STRING || type_error (member, _("un texto"), error);
}

static gboolean
bad_choice (const EmFlatMember *member, const char * const *ids, GError **error)
{
  g_autofree char *choices = em_tariff_ids_describe (ids);

  em_input_error_set (error, member->key, EM_INPUT_ERROR_INVALID,
                      _("«%s» no es un valor válido: use %s"), member->text, choices);
  return FALSE;
}

#define READ_CHOICE(field, Type, parse, ids, setter)                        \
  if (em_flat_member_is (member, field))                                    \
    {                                                                       \
      Type value;                                                           \
      *handled = TRUE;                                                      \
      if (!is_string (member, error))                                       \
        return FALSE;                                                       \
      if (!parse (member->text, &value))                                    \
        return bad_choice (member, ids (), error);                          \
      setter (self, value);                                                 \
      return TRUE;                                                          \
    }

static gboolean
read_choice_member (const EmFlatMember *member, EmTariffCase *self, gboolean *handled,
                    GError **error)
{
  *handled = FALSE;
  READ_CHOICE ("etapa", EmEtapa, em_etapa_parse, em_etapa_ids, em_tariff_case_set_etapa)
  READ_CHOICE ("grupo_mineral", EmGrupoMineral, em_grupo_mineral_parse, em_grupo_mineral_ids,
               em_tariff_case_set_grupo_mineral)
  READ_CHOICE ("sistema", EmSistema, em_sistema_parse, em_sistema_ids, em_tariff_case_set_sistema)
  READ_CHOICE ("medida_seguridad", EmMedida, em_medida_parse, em_medida_ids,
               em_tariff_case_set_medida_seguridad)
  READ_CHOICE ("nivel_cumplimiento", EmNivel, em_nivel_parse, em_nivel_ids,
               em_tariff_case_set_nivel_cumplimiento)
  return TRUE;
}

static gboolean
read_quantity (const EmFlatMember *member, EmDecimal *out, GError **error)
{
  EmNumberSyntax syntax = member->kind == EM_JSON_NUMBER ? EM_NUMBER_JSON : EM_NUMBER_PLAIN;

  if (member->kind != EM_JSON_STRING && member->kind != EM_JSON_NUMBER)
    return type_error (member, _("un número (texto «1234.5» o número JSON)"), error);
  if (em_decimal_parse (member->text, syntax, EM_TARIFF_CASE_MAX_QUANTITY, out, error))
    return TRUE;
  em_input_error_prefix_field (error, member->key);
  return FALSE;
}

static gboolean
read_boolean (const EmFlatMember *member, gboolean *out, GError **error)
{
  if (member->kind != EM_JSON_TRUE && member->kind != EM_JSON_FALSE)
    return type_error (member, _("true o false"), error);
  *out = member->kind == EM_JSON_TRUE;
  return TRUE;
}

/* An ordinal: a JSON number written as plain digits, 1 … 1000. */
static gboolean
read_ordinal (const EmFlatMember *member, guint *out, GError **error)
{
  guint64 value;

  if (member->kind != EM_JSON_NUMBER)
    return type_error (member, _("un número entero (1, 2, 3…)"), error);
  if (strspn (member->text, "0123456789") != strlen (member->text)
      || !g_ascii_string_to_unsigned (member->text, 10, 1, EM_TARIFF_CASE_MAX_INSPECTION,
                                      &value, NULL))
    {
      em_input_error_set (error, member->key, EM_INPUT_ERROR_INVALID,
                          _("«%s» no vale: debe ser un número entero entre 1 y 1000"), member->text);
      return FALSE;
    }
  *out = value;
  return TRUE;
}

static gboolean
read_flag_member (const EmFlatMember *member, EmTariffCase *self, gboolean *handled,
                  GError **error)
{
  gboolean flag;

  *handled = TRUE;
  if (em_flat_member_is (member, "pin"))
    return read_boolean (member, &flag, error) && (em_tariff_case_set_pin (self, flag), TRUE);
  if (em_flat_member_is (member, "levantamiento_medida"))
    return read_boolean (member, &flag, error)
           && (em_tariff_case_set_levantamiento_medida (self, flag), TRUE);
  if (em_flat_member_is (member, "autorizado_explotar"))
    return read_boolean (member, &flag, error)
           && (em_tariff_case_set_autorizado_explotar (self, flag), TRUE);
  *handled = FALSE;
  return TRUE;
}

static gboolean
read_other_member (const EmFlatMember *member, EmTariffCase *self, GError **error)
{
  EmDecimal quantity;
  guint number;

  if (em_flat_member_is (member, "area_hectareas"))
    return read_quantity (member, &quantity, error)
           && (em_tariff_case_set_area_hectareas (self, quantity), TRUE);
  if (em_flat_member_is (member, "produccion_anual"))
    return read_quantity (member, &quantity, error)
           && (em_tariff_case_set_produccion_anual (self, quantity), TRUE);
  if (em_flat_member_is (member, "numero_inspeccion"))
    return read_ordinal (member, &number, error)
           && (em_tariff_case_set_numero_inspeccion (self, number), TRUE);
  for (guint i = 0; i < EM_N_TARIFF_TEXTS; i++)
    if (em_flat_member_is (member, em_tariff_text_get_field_name (i)))
      return is_string (member, error) && (em_tariff_case_set_text (self, i, member->text), TRUE);
  em_input_error_set (error, member->key, EM_INPUT_ERROR_UNKNOWN,
                      _("campo desconocido (revise cómo está escrito)"));
  return FALSE;
}

static gboolean
read_member (const EmFlatMember *member, EmTariffCase *self, GError **error)
{
  gboolean handled;

  if (!read_choice_member (member, self, &handled, error))
    return FALSE;
  if (!handled && !read_flag_member (member, self, &handled, error))
    return FALSE;
  return handled || read_other_member (member, self, error);
}

EmTariffCase *
em_tariff_case_new_from_json (const EmFlatObject *object,
                              const char * const *ignored_keys,
                              GError            **error)
{
  g_autoptr(EmTariffCase) self = em_tariff_case_new ();

  g_return_val_if_fail (object != NULL, NULL);

  for (guint i = 0; i < em_flat_object_get_size (object); i++)
    {
      const EmFlatMember *member = em_flat_object_get_nth (object, i);

      if (ignored_keys != NULL && g_strv_contains (ignored_keys, member->key))
        continue;
      if (member->kind == EM_JSON_NULL)
        continue;
      if (!read_member (member, self, error))
        return NULL;
    }
  return g_steal_pointer (&self);
}

/* ---- Writing ------------------------------------------------------- */

static void
add_decimal (EmJsonOut *out, const char *key, gboolean has, EmDecimal value)
{
  g_autofree char *text = has ? em_decimal_to_string (value) : NULL;

  em_json_out_member (out, key, text);
}

static void
add_criterion (EmJsonOut *out, const char *key, guint criterion)
{
  em_json_out_key (out, key);
  if (criterion > 0)
    em_json_out_int (out, criterion);
  else
    em_json_out_string (out, NULL);
}

/* A quantity of the case, only when given. */
static void
add_quantity (EmJsonOut *out, const char *key, EmTariffCase *self,
              gboolean (*get) (EmTariffCase *, EmDecimal *))
{
  EmDecimal value;

  if (get (self, &value))
    add_decimal (out, key, TRUE, value);
}

/* The canonical input: the fields given, quantities as decimal strings. */
void
em_tariff_case_write (EmJsonOut *out, EmTariffCase *self)
{
  em_json_out_begin_object (out);
  em_json_out_member (out, "etapa", em_etapa_to_string (em_tariff_case_get_etapa (self)));
  add_quantity (out, "area_hectareas", self, em_tariff_case_get_area_hectareas);
  if (em_tariff_case_get_grupo_mineral (self) != EM_GRUPO_NONE)
    em_json_out_member (out, "grupo_mineral", em_grupo_mineral_to_string (em_tariff_case_get_grupo_mineral (self)));
  if (em_tariff_case_get_sistema (self) != EM_SISTEMA_NONE)
    em_json_out_member (out, "sistema", em_sistema_to_string (em_tariff_case_get_sistema (self)));
  add_quantity (out, "produccion_anual", self, em_tariff_case_get_produccion_anual);
  em_json_out_member_boolean (out, "pin", em_tariff_case_get_pin (self));
  em_json_out_member (out, "medida_seguridad", em_medida_to_string (em_tariff_case_get_medida_seguridad (self)));
  em_json_out_member_boolean (out, "levantamiento_medida", em_tariff_case_get_levantamiento_medida (self));
  em_json_out_member_boolean (out, "autorizado_explotar", em_tariff_case_get_autorizado_explotar (self));
  if (em_tariff_case_get_nivel_cumplimiento (self) != EM_NIVEL_NONE)
    em_json_out_member (out, "nivel_cumplimiento", em_nivel_to_string (em_tariff_case_get_nivel_cumplimiento (self)));
  em_json_out_key (out, "numero_inspeccion");
  em_json_out_int (out, em_tariff_case_get_numero_inspeccion (self));
  for (guint i = 0; i < EM_N_TARIFF_TEXTS; i++)
    if (em_tariff_case_get_text (self, i) != NULL)
      em_json_out_member (out, em_tariff_text_get_field_name (i), em_tariff_case_get_text (self, i));
  em_json_out_end_object (out);
}

JsonNode *
em_tariff_case_to_json (EmTariffCase *self)
{
  g_return_val_if_fail (EM_IS_TARIFF_CASE (self), NULL);
  return em_json_out_node ((EmJsonWriteFunc) em_tariff_case_write, self);
}

static char *
amount_text (EmRatio amount)
{
  return em_money_to_canonical (em_ratio_round (amount, 2));
}

static char *
pesos_text (gint64 pesos)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, pesos);
}

static void
add_components (EmJsonOut *out, EmTariffVerdict *self)
{
  em_json_out_key (out, "componentes");
  em_json_out_begin_object (out);
  for (guint c = 0; c < EM_N_COMPONENTS; c++)
    {
      g_autofree char *text = amount_text (em_tariff_verdict_get_component (self, c)->amount);
      em_json_out_member (out, em_tariff_component_to_string (c), text);
    }
  em_json_out_end_object (out);
}

static void
add_classification_basis (EmJsonOut *out, EmTariffVerdict *self)
{
  const EmClassification *c = em_tariff_verdict_get_classification (self);
  g_autofree char *description = em_classification_describe (c);

  em_json_out_key (out, "fundamento_clasificacion");
  em_json_out_begin_object (out);
  em_json_out_member (out, "norma", em_tariff_table_get_class_basis (em_tariff_verdict_get_table (self)));
  em_json_out_member (out, "grupo_mineral", c->by_production ? em_grupo_mineral_to_string (c->grupo) : NULL);
  em_json_out_member (out, "columna", c->by_production ? em_sistema_to_string (c->column) : NULL);
  add_decimal (out, "valor", TRUE, c->value);
  em_json_out_member (out, "unidad", c->unit);
  add_decimal (out, "mayor_que", c->has_lower, c->lower);
  add_decimal (out, "hasta", c->has_upper, c->upper);
  em_json_out_member (out, "descripcion", description);
  em_json_out_end_object (out);
}

static void
add_component_detail (EmJsonOut *out, const EmComponentResult *r)
{
  g_autofree char *value = amount_text (r->amount);

  em_json_out_begin_object (out);
  em_json_out_member (out, "componente", em_tariff_component_to_string (r->component));
  em_json_out_member (out, "nombre", em_tariff_component_get_label (r->component));
  add_decimal (out, "rubro", TRUE, r->rubro);
  em_json_out_member (out, "por", em_tariff_attribute_to_string (r->attribute));
  em_json_out_member (out, "clave", r->key);
  add_decimal (out, "factor", TRUE, r->factor);
  em_json_out_member (out, "valor", value);
  em_json_out_end_object (out);
}

static void
add_calculation (EmJsonOut *out, EmTariffVerdict *self)
{
  EmTariffSchedule *schedule = em_tariff_verdict_get_schedule (self);
  g_autofree char *valor_dia = em_money_to_canonical (em_tariff_schedule_get_valor_dia (schedule));

  em_json_out_key (out, "calculo");
  em_json_out_begin_object (out);
  em_json_out_member (out, "formula", "valor_dia × rubro × factor");
  em_json_out_member (out, "valor_dia", valor_dia);
  em_json_out_member (out, "rubros_de", em_tariff_verdict_get_title_keys (self)->pin ? "pin" : "no_pin");
  em_json_out_key (out, "componentes");
  em_json_out_begin_array (out);
  for (guint c = 0; c < EM_N_COMPONENTS; c++)
    add_component_detail (out, em_tariff_verdict_get_component (self, c));
  em_json_out_end_array (out);
  em_json_out_end_object (out);
}

static void
add_days (EmJsonOut *out, EmTariffVerdict *self)
{
  em_json_out_key (out, "dias_inspeccion");
  em_json_out_begin_object (out);
  em_json_out_member (out, "fundamento", em_tariff_table_get_days_basis (em_tariff_verdict_get_table (self)));
  em_json_out_key (out, "filas");
  em_json_out_begin_array (out);
  for (guint i = 0; i < em_tariff_verdict_get_n_days (self); i++)
    {
      const EmInspectionDays *days = em_tariff_verdict_get_days (self, i);

      em_json_out_begin_object (out);
      em_json_out_member (out, "segmento", em_tariff_attribute_to_string (days->segment));
      em_json_out_member (out, "titulo", days->title);
      em_json_out_member (out, "fila", days->row);
      add_decimal (out, "dias", TRUE, days->days);
      em_json_out_end_object (out);
    }
  em_json_out_end_array (out);
  em_json_out_end_object (out);
}

static void
add_contract_fields (EmJsonOut *out, EmTariffVerdict *self)
{
  EmTariffSchedule *schedule = em_tariff_verdict_get_schedule (self);
  const EmClassification *classification = em_tariff_verdict_get_classification (self);
  const EmTariffCharge *charge = em_tariff_verdict_get_charge (self);
  g_autofree char *valor = pesos_text (em_tariff_verdict_get_valor_inspeccion (self));
  g_autofree char *tarifa = pesos_text (em_tariff_verdict_get_tarifa (self));

  em_json_out_member (out, "tipo", "tarifa");
  em_json_out_member (out, "tarifario", em_tariff_schedule_get_id (schedule));
  em_json_out_member_boolean (out, "oficial", em_tariff_schedule_is_official (schedule));
  em_json_out_member (out, "clasificacion", em_clase_to_string (classification->clase));
  em_json_out_member (out, "criterio_clasificacion", classification->by_production ? "produccion" : "hectareas");
  em_json_out_member_boolean (out, "objeto_cobro", charge->charged);
  add_criterion (out, "criterio_cobro", charge->criterion);
  em_json_out_member (out, "explicacion", charge->explanation);
  add_components (out, self);
  em_json_out_member (out, "valor_inspeccion", valor);
  em_json_out_member (out, "tarifa", tarifa);
  em_json_out_string_list (out, "observaciones", em_tariff_verdict_get_observations (self));
}

void
em_tariff_verdict_write (EmJsonOut *out, EmTariffVerdict *self)
{
  em_json_out_begin_object (out);
  add_contract_fields (out, self);
  add_classification_basis (out, self);
  add_criterion (out, "criterio_aplicable", em_tariff_verdict_get_charge (self)->applicable);
  add_calculation (out, self);
  add_days (out, self);
  em_json_out_end_object (out);
}

JsonNode *
em_tariff_verdict_to_json (EmTariffVerdict *self)
{
  g_return_val_if_fail (EM_IS_TARIFF_VERDICT (self), NULL);
  return em_json_out_node ((EmJsonWriteFunc) em_tariff_verdict_write, self);
}

