/* em-tariff-view.c — a tariff result as the page shows it
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pure functions from a result, as the CLI prints it and the store keeps it
 * (CONTRACT.md, with its basis: fundamento_clasificacion, calculo,
 * dias_inspeccion), to texts and style classes; tested without widgets.
 * The live evaluation and a stored case go through the same function, so
 * a stored case shows exactly what was stored.  Amounts in Colombian form:
 * components to the centavo, the total and the tarifa in whole pesos.
 */
#define G_LOG_DOMAIN "em-tariff-view"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "em-case-procedure.h"
#include "em-money.h"
#include "em-tariff-types.h"
#include "em-tariff-view.h"

static const char *
text_member (JsonObject *object, const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) ? json_node_get_string (node) : NULL;
}

static gboolean
bool_member (JsonObject *object, const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_boolean (node);
}

static gint64
int_member (JsonObject *object, const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) ? json_node_get_int (node) : 0;
}

static JsonObject *
object_member (JsonObject *object, const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static JsonArray *
array_member (JsonObject *object, const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

/* ---- Numbers ------------------------------------------------------- */

/* "797940.00" → "$ 797.940,00" */
static char *
money_text (const char *canonical)
{
  EmMoney amount;

  if (canonical == NULL || !em_money_parse (canonical, &amount, NULL))
    return g_strdup ("—");
  return em_money_format (amount);
}

/* "1210730" → "$ 1.210.730" (centavos only when there are any). */
static char *
pesos_text (const char *canonical)
{
  g_autofree char *number = NULL;
  EmMoney amount;

  if (canonical == NULL || !em_money_parse (canonical, &amount, NULL))
    return g_strdup ("—");
  if (amount % 100 != 0)
    return em_money_format (amount);
  number = em_scaled_to_string (amount / 100, 0, ',', TRUE);
  return g_strdup_printf ("$ %s", number);
}

/* "1.17" → "1,17" */
static char *
colombian_decimal (const char *text)
{
  return g_strdelimit (g_strdup (text != NULL ? text : "—"), ".", ',');
}

/* "pequeña minería" → "Pequeña minería" */
static char *
capitalized (const char *text)
{
  gunichar first = g_utf8_get_char (text);
  char upper[8] = { 0 };

  g_unichar_to_utf8 (g_unichar_toupper (first), upper);
  return g_strconcat (upper, g_utf8_next_char (text), NULL);
}

/* ---- Classification and charge ------------------------------------- */

static void
fill_classification (EmTariffView *view, JsonObject *result)
{
  JsonObject *basis = object_member (result, "fundamento_clasificacion");
  EmClase clase;

  if (em_clase_parse (text_member (result, "clasificacion"), &clase))
    view->clase = capitalized (em_clase_get_label (clase));
  else
    view->clase = g_strdup ("—");
  view->clase_reason = g_strdup (text_member (basis, "descripcion"));
  view->clase_basis = g_strdup (text_member (basis, "norma"));
}

static void
fill_charge (EmTariffView *view, JsonObject *result)
{
  gboolean charged = bool_member (result, "objeto_cobro");

  if (charged)
    view->charge = g_strdup_printf (_("✔ SE COBRA — criterio %d de la Tabla 3"),
                                    (int) int_member (result, "criterio_cobro"));
  else
    view->charge = g_strdup (_("✘ NO SE COBRA"));
  view->charge_class = charged ? "cobro" : "sin-cobro";
  view->explanation = g_strdup (text_member (result, "explicacion"));
}

/* ---- The fee ------------------------------------------------------- */

/* What the factor was looked up by, in words: "pequeña minería", "NO PIN". */
static char *
key_label (const char *por, const char *key)
{
  EmTariffAttribute attribute;
  EmClase clase;
  EmSistema sistema;
  EmEtapa etapa;

  if (g_strcmp0 (key, "*") == 0)
    return g_strdup (_("valor general «*»"));
  if (key == NULL || !em_tariff_attribute_parse (por, &attribute))
    return g_strdup (key != NULL ? key : "—");
  if (attribute == EM_ATTRIBUTE_CLASIFICACION && em_clase_parse (key, &clase))
    return g_strdup (em_clase_get_label (clase));
  if (attribute == EM_ATTRIBUTE_PIN)
    return g_strdup (g_str_equal (key, "pin") ? _("PIN") : _("NO PIN"));
  if (attribute == EM_ATTRIBUTE_SISTEMA && em_sistema_parse (key, &sistema))
    return g_strdup_printf (_("minería %s"), em_sistema_get_label (sistema));
  if (attribute == EM_ATTRIBUTE_ETAPA && em_etapa_parse (key, &etapa))
    return g_strdup (em_etapa_get_label (etapa));
  return g_strdelimit (g_strdup (key), "_", ' ');
}

static void
fill_component (EmTariffComponentView *out, JsonObject *detail, const char *valor_dia)
{
  g_autofree char *day = pesos_text (valor_dia);
  g_autofree char *rubro = colombian_decimal (text_member (detail, "rubro"));
  g_autofree char *factor = colombian_decimal (text_member (detail, "factor"));
  g_autofree char *key = key_label (text_member (detail, "por"), text_member (detail, "clave"));
  EmTariffComponent component;

  out->code = g_strdup (text_member (detail, "componente"));
  out->name = g_strdup (em_tariff_component_parse (out->code, &component)
                        ? em_tariff_component_get_label (component) : text_member (detail, "nombre"));
  /* Translators: valor día × rubro × factor (the key the factor was chosen by) */
  out->formula = g_strdup_printf (_("%s × %s × %s (%s)"), day, rubro, factor, key);
  out->amount = money_text (text_member (detail, "valor"));
}

static void
fill_fee (EmTariffView *view, JsonObject *result)
{
  JsonObject *calculation = object_member (result, "calculo");
  JsonArray *details = array_member (calculation, "componentes");
  guint n = details != NULL ? MIN (json_array_get_length (details), G_N_ELEMENTS (view->components)) : 0;

  for (guint i = 0; i < n; i++)
    fill_component (&view->components[i], json_array_get_object_element (details, i),
                    text_member (calculation, "valor_dia"));
  view->valor_inspeccion = pesos_text (text_member (result, "valor_inspeccion"));
  view->tarifa = pesos_text (text_member (result, "tarifa"));
  if (!bool_member (result, "objeto_cobro"))
    view->tarifa_note = g_strdup (_("La inspección no es objeto de cobro: la tarifa es $ 0. El valor "
                                    "de la inspección se muestra solo como referencia."));
}

/* ---- Days and observations ----------------------------------------- */

static void
days_view_free (gpointer data)
{
  EmTariffDaysView *days = data;

  g_free (days->segment);
  g_free (days->row);
  g_free (days->days);
  g_free (days);
}

static void
fill_days (EmTariffView *view, JsonObject *result)
{
  JsonObject *days = object_member (result, "dias_inspeccion");
  JsonArray *rows = array_member (days, "filas");

  view->days = g_ptr_array_new_with_free_func (days_view_free);
  view->days_basis = g_strdup (text_member (days, "fundamento"));
  for (guint i = 0; rows != NULL && i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);
      EmTariffDaysView *out = g_new0 (EmTariffDaysView, 1);
      g_autofree char *number = colombian_decimal (text_member (row, "dias"));

      out->segment = g_strdup (text_member (row, "titulo"));
      out->row = g_strdup (text_member (row, "fila"));
      out->days = g_strdup_printf (_("%s días"), number);
      g_ptr_array_add (view->days, out);
    }
}

static void
fill_observations (EmTariffView *view, JsonObject *result)
{
  JsonArray *items = array_member (result, "observaciones");
  GString *text = g_string_new (NULL);

  for (guint i = 0; items != NULL && i < json_array_get_length (items); i++)
    g_string_append_printf (text, "%s• %s", i > 0 ? "\n" : "", json_array_get_string_element (items, i));
  if (text->len > 0)
    view->observations = g_string_free (text, FALSE);
  else
    g_string_free (text, TRUE);
}

EmTariffView *
em_tariff_view_new (JsonObject *result)
{
  EmTariffView *view = g_new0 (EmTariffView, 1);

  g_return_val_if_fail (result != NULL, view);

  fill_classification (view, result);
  fill_charge (view, result);
  fill_fee (view, result);
  fill_days (view, result);
  fill_observations (view, result);
  view->schedule_id = g_strdup (text_member (result, "tarifario"));
  view->official = bool_member (result, "oficial");
  return view;
}

void
em_tariff_view_free (EmTariffView *view)
{
  if (view == NULL)
    return;
  g_free (view->clase);
  g_free (view->clase_reason);
  g_free (view->clase_basis);
  g_free (view->charge);
  g_free (view->explanation);
  for (guint i = 0; i < G_N_ELEMENTS (view->components); i++)
    {
      g_free (view->components[i].code);
      g_free (view->components[i].name);
      g_free (view->components[i].formula);
      g_free (view->components[i].amount);
    }
  g_free (view->valor_inspeccion);
  g_free (view->tarifa);
  g_free (view->tarifa_note);
  g_clear_pointer (&view->days, g_ptr_array_unref);
  g_free (view->days_basis);
  g_free (view->observations);
  g_free (view->schedule_id);
  g_free (view);
}

/* ---- The tarifario ------------------------------------------------- */

static EmScheduleView *
schedule_view (const char *title, char *text, gboolean official)
{
  EmScheduleView *view = g_new0 (EmScheduleView, 1);

  view->title = title;
  view->text = text;
  view->official = official;
  view->mark = official ? NULL : g_strdup (_("ILUSTRATIVO — NO OFICIAL"));
  return view;
}

/* The tarifario the page evaluates with now. */
EmScheduleView *
em_schedule_view_new (EmTariffSchedule *schedule)
{
  g_autofree char *validity = NULL;

  g_return_val_if_fail (EM_IS_TARIFF_SCHEDULE (schedule), NULL);

  validity = em_tariff_schedule_describe_validity (schedule);
  return schedule_view (_("Tarifario en uso"),
                        g_strdup_printf (_("%s.\nIdentificador «%s», vigente %s."),
                                         em_tariff_schedule_get_name (schedule),
                                         em_tariff_schedule_get_id (schedule), validity),
                        em_tariff_schedule_is_official (schedule));
}

/* The tarifario a stored case was evaluated with: its name when it is the
 * one in use now, else only its id. */
EmScheduleView *
em_schedule_view_new_stored (const char       *id,
                             gboolean          official,
                             EmTariffSchedule *current)
{
  const char *title = _("Tarifario con que se evaluó");

  if (current != NULL && g_strcmp0 (id, em_tariff_schedule_get_id (current)) == 0)
    return schedule_view (title, g_strdup_printf (_("%s.\nIdentificador «%s»."),
                                                  em_tariff_schedule_get_name (current), id),
                          official);
  return schedule_view (title, g_strdup_printf (_("Identificador «%s» (no es el tarifario en uso)."),
                                                id != NULL ? id : "—"),
                        official);
}

void
em_schedule_view_free (EmScheduleView *view)
{
  if (view == NULL)
    return;
  g_free (view->text);
  g_free (view->mark);
  g_free (view);
}

/* ---- The history of a case ----------------------------------------- */

/* "2026-11-21T19:05:00Z" → "21/11/2026 14:05" in local time. */
char *
em_tariff_describe_moment (const char *iso8601)
{
  g_autoptr(GDateTime) utc = iso8601 ? g_date_time_new_from_iso8601 (iso8601, NULL) : NULL;
  g_autoptr(GDateTime) local = utc ? g_date_time_to_local (utc) : NULL;

  if (local == NULL)
    return g_strdup (iso8601 != NULL ? iso8601 : "—");
  return g_date_time_format (local, "%d/%m/%Y %H:%M");
}

static char *
event_words (const char *kind)
{
  EmCaseAction action;

  if (g_strcmp0 (kind, "creado") == 0)
    return g_strdup (_("Evaluado y guardado"));
  if (em_case_action_parse (kind, &action))
    return g_strdup (em_case_action_describe (action));
  return g_strdup (kind != NULL ? kind : "—");
}

/* "21/11/2026 14:05 — Evaluado y guardado, por Ana Gómez" (and the reason). */
char *
em_tariff_describe_event (const EmCaseEvent *event)
{
  g_autofree char *moment = em_tariff_describe_moment (event->at);
  g_autofree char *words = event_words (event->kind);
  g_autoptr(JsonNode) detail = event->detail ? json_from_string (event->detail, NULL) : NULL;
  const char *reason = detail && JSON_NODE_HOLDS_OBJECT (detail)
                       ? text_member (json_node_get_object (detail), "motivo") : NULL;

  if (reason != NULL)
    return g_strdup_printf (_("%s — %s, por %s. Motivo: %s"), moment, words, event->evaluator, reason);
  return g_strdup_printf (_("%s — %s, por %s"), moment, words, event->evaluator);
}
