/* em-capacity-view.c — a capacity result as the page shows it
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A pure function from a result, as the CLI prints it and the store keeps
 * it (CONTRACT.md), to texts and style classes; tested without widgets.
 * The live evaluation and a stored case go through the same function, so
 * a stored case shows exactly the verdict that was stored.  The pass/fail
 * mark is a symbol and a word, never colour alone.
 */
#define G_LOG_DOMAIN "em-capacity-view"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "em-capacity-case.h"
#include "em-capacity-verdict.h"
#include "em-capacity-view.h"
#include "em-rule-set.h"

static const char *
text_member (JsonObject *object, const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node && JSON_NODE_HOLDS_VALUE (node) ? json_node_get_string (node) : NULL;
}

static gboolean
bool_member (JsonObject *object, const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node && JSON_NODE_HOLDS_VALUE (node) && json_node_get_boolean (node);
}

/* "1.2400" → "1,2400" */
static char *
colombian_decimal (const char *text)
{
  return text ? g_strdelimit (g_strdup (text), ".", ',') : NULL;
}

static const char *
symbol_for (const char *comparison)
{
  EmComparison op;
  static const char * const symbols[] = { "≥", ">", "≤", "<" };

  return em_comparison_parse (comparison, &op) ? symbols[op] : comparison;
}

static void
indicator_view_free (gpointer data)
{
  EmIndicatorView *view = data;

  g_free (view->name);
  g_free (view->value);
  g_free (view->comparison);
  g_free (view->mark);
  g_free (view->basis);
  g_free (view->note);
  g_free (view);
}

static EmIndicatorView *
indicator_view_new (JsonObject *indicator)
{
  EmIndicatorView *view = g_new0 (EmIndicatorView, 1);
  g_autofree char *threshold = colombian_decimal (text_member (indicator, "umbral"));
  gboolean passes = bool_member (indicator, "cumple");
  gboolean covered = bool_member (indicator, "cubierto_por_aval");
  EmIndicatorId id;
  char *value = colombian_decimal (text_member (indicator, "valor"));

  view->name = g_strdup (em_indicator_id_parse (text_member (indicator, "id"), &id)
                         ? em_indicator_get_label (id) : text_member (indicator, "id"));
  view->value = value ? value : g_strdup ("—");
  view->comparison = g_strdup_printf ("%s %s", symbol_for (text_member (indicator, "comparacion")), threshold);
  view->mark = g_strdup (passes ? _("✔ Cumple") : covered ? _("✔ Cubierto por el aval") : _("✘ No cumple"));
  view->passes = passes || covered;
  view->basis = g_strdup (text_member (indicator, "fundamento"));
  view->note = g_strdup (text_member (indicator, "nota"));
  return view;
}

static const char *
class_for (const char *result)
{
  static const char * const classes[] = { "cumple", "no-cumple", "requiere-aval", "incompleta" };

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    if (g_strcmp0 (result, em_capacity_result_to_string (i)) == 0)
      return classes[i];
  return "incompleta";
}

static char *
verdict_words (const char *result)
{
  for (guint i = 0; i <= EM_RESULT_INFORMACION_INCOMPLETA; i++)
    if (g_strcmp0 (result, em_capacity_result_to_string (i)) == 0)
      return g_strdup (em_capacity_result_describe (i));
  return g_strdup (result);
}

static char *
missing_text (JsonArray *missing)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autofree char *joined = NULL;

  if (missing == NULL || json_array_get_length (missing) == 0)
    return NULL;
  for (guint i = 0; i < json_array_get_length (missing); i++)
    g_ptr_array_add (labels, (gpointer) em_capacity_field_label (json_array_get_string_element (missing, i)));
  g_ptr_array_add (labels, NULL);
  joined = g_strjoinv (", ", (char **) labels->pdata);
  return g_strdup_printf (_("Falta: %s."), joined);
}

static char *
observations_text (JsonArray *observations)
{
  GString *text;

  if (observations == NULL || json_array_get_length (observations) == 0)
    return NULL;
  text = g_string_new (NULL);
  for (guint i = 0; i < json_array_get_length (observations); i++)
    g_string_append_printf (text, "%s• %s", i ? "\n" : "", json_array_get_string_element (observations, i));
  return g_string_free (text, FALSE);
}

/* "-500.00" → "−$ 500,00".  Not read as an amount of the input: a KTNO
 * (three accounts of up to $ 10^15 each) may pass $ 10^15. */
static char *
money_text (const char *canonical)
{
  gboolean negative = canonical && canonical[0] == '-';
  EmMoney amount;
  g_autofree char *shown = NULL;

  if (canonical == NULL
      || !em_number_parse_scaled (canonical + negative, EM_NUMBER_PLAIN, 2, G_MAXINT64, &amount, NULL))
    return NULL;
  shown = em_money_format (amount);
  return negative ? g_strdup_printf ("−%s", shown) : g_steal_pointer (&shown);
}

static JsonArray *
array_member (JsonObject *object, const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

EmCapacityView *
em_capacity_view_new (JsonObject *result)
{
  EmCapacityView *view = g_new0 (EmCapacityView, 1);
  JsonArray *indicators = array_member (result, "indicadores");

  view->verdict = verdict_words (text_member (result, "resultado"));
  view->verdict_class = class_for (text_member (result, "resultado"));
  view->indicators = g_ptr_array_new_with_free_func (indicator_view_free);
  for (guint i = 0; indicators && i < json_array_get_length (indicators); i++)
    g_ptr_array_add (view->indicators, indicator_view_new (json_array_get_object_element (indicators, i)));
  view->ktno = money_text (text_member (result, "ktno"));
  view->missing = missing_text (array_member (result, "faltantes"));
  view->observations = observations_text (array_member (result, "observaciones"));
  return view;
}

void
em_capacity_view_free (EmCapacityView *view)
{
  if (view == NULL)
    return;
  g_free (view->verdict);
  g_ptr_array_unref (view->indicators);
  g_free (view->ktno);
  g_free (view->missing);
  g_free (view->observations);
  g_free (view);
}
