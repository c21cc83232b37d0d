/* em-report-capacity.c — the body of a capacity summary
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Applicant and trámite, the figures used (every amount of the régimen,
 * «no informado» when absent, in Colombian form), the indicators (value,
 * condition, result in words with a mark: never colour alone), the verdict
 * in large type, what is missing and the observations, and the legal basis
 * of each indicator — all read from the stored input and result.
 */
#define G_LOG_DOMAIN "em-report"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "em-capacity-verdict.h"
#include "em-report-private.h"

/* ---- Words ------------------------------------------------------------ */

static const char *
tramite_words (const char *id)
{
  if (g_strcmp0 (id, "inscripcion") == 0)
    return _("Inscripción en el RUCOM");
  if (g_strcmp0 (id, "renovacion") == 0)
    return _("Renovación en el RUCOM");
  return NULL;
}

static const char *
persona_words (const char *id)
{
  if (g_strcmp0 (id, "natural") == 0)
    return _("Persona natural");
  if (g_strcmp0 (id, "juridica") == 0)
    return _("Persona jurídica");
  return NULL;
}

static const char *
rol_words (const char *id)
{
  if (g_strcmp0 (id, "comercializador") == 0)
    return _("Comercializador de minerales");
  if (g_strcmp0 (id, "planta_beneficio") == 0)
    return _("Planta de beneficio");
  return NULL;
}

static EmRegimen
regimen_of (const EmReportCase *data)
{
  const char *id = em_report_json_string (data->input, "regimen");

  if (g_strcmp0 (id, "simplificado") == 0)
    return EM_REGIMEN_SIMPLIFICADO;
  return g_strcmp0 (id, "comun") == 0 ? EM_REGIMEN_COMUN : EM_REGIMEN_NONE;
}

static const char *
regimen_words (EmRegimen regimen)
{
  if (regimen == EM_REGIMEN_SIMPLIFICADO)
    return _("Simplificado (art. 3 lit. A)");
  return regimen == EM_REGIMEN_COMUN ? _("Común (art. 3 lit. B)") : NULL;
}

static gboolean
result_of (const EmReportCase *data, EmCapacityResult *out)
{
  const char *id = em_report_json_string (data->result, "resultado");

  for (EmCapacityResult r = EM_RESULT_CUMPLE; r <= EM_RESULT_INFORMACION_INCOMPLETA; r++)
    if (g_strcmp0 (id, em_capacity_result_to_string (r)) == 0)
      return *out = r, TRUE;
  return FALSE;
}

/* ---- Applicant -------------------------------------------------------- */

static char *
document_text (JsonObject *input)
{
  const char *type = em_report_json_string (input, "tipo_documento");
  const char *number = em_report_json_string (input, "numero_documento");

  if (number == NULL || number[0] == '\0')
    return NULL;
  return type && type[0] ? g_strdup_printf ("%s %s", type, number) : g_strdup (number);
}

static char *
applicant_kind (JsonObject *input)
{
  const char *persona = persona_words (em_report_json_string (input, "tipo_persona"));
  const char *rol = rol_words (em_report_json_string (input, "rol"));

  if (persona && rol)
    return g_strdup_printf ("%s · %s", persona, rol);
  return g_strdup (persona ? persona : rol);
}

/* Label-value pairs down a column from the pen's line; returns the bottom. */
static double
draw_pairs (EmPen *pen, double x, double width, const char * const (*pairs)[2], guint n)
{
  double top = pen->y, label = 96 * pen->scale, bottom;

  for (guint i = 0; i < n; i++)
    pen->y += em_pen_pair_at (pen, x, width, label, pairs[i][0], pairs[i][1]) + 2 * pen->scale;
  bottom = pen->y;
  pen->y = top;
  return bottom;
}

static void
draw_applicant (EmPen *pen, const EmReportCase *data)
{
  g_autofree char *document = document_text (data->input);
  g_autofree char *kind = applicant_kind (data->input);
  g_autofree char *filed = em_report_format_date (em_report_json_string (data->input, "fecha_radicacion"));
  double half = pen->width / 2, left, right;
  const char * const left_pairs[][2] = {
    { _("Nombre o razón social"), em_report_json_string (data->input, "nombre") },
    { _("Documento"), document }, { _("Solicitante"), kind },
  };
  const char * const right_pairs[][2] = {
    { _("Trámite"), tramite_words (em_report_json_string (data->input, "tramite")) },
    { _("Radicado"), em_report_json_string (data->input, "radicado") },
    { _("Fecha de radicación"), filed }, { _("Régimen"), regimen_words (regimen_of (data)) },
  };

  em_pen_section (pen, _("Solicitante y trámite"));
  left = draw_pairs (pen, pen->x, half - 8, left_pairs, G_N_ELEMENTS (left_pairs));
  right = draw_pairs (pen, pen->x + half, half, right_pairs, G_N_ELEMENTS (right_pairs));
  pen->y = MAX (left, right);
}

/* ---- Figures ---------------------------------------------------------- */

/* One figure in half the column: label on the left, amount right-aligned. */
static double
figure_at (EmPen *pen, double x, double width, const char *label, const char *value)
{
  double amount_width = 132 * pen->scale;     /* «$ 1.000.000.000.000.000,00», the largest amount, on one line */
  double a = em_pen_text_at (pen, EM_FONT_LABEL, &em_color_label, label, x, pen->y + 0.9 * pen->scale,
                             width - amount_width - 4 * pen->scale, PANGO_ALIGN_LEFT);
  double b = em_pen_text_at (pen, EM_FONT_BODY, &em_color_text, value, x + width - amount_width, pen->y,
                             amount_width, PANGO_ALIGN_RIGHT);
  return MAX (a, b) + 2.5 * pen->scale;
}

typedef struct
{
  const char *label;
  char       *value;
} Figure;

static void
clear_figure (gpointer data)
{
  g_free (((Figure *) data)->value);
}

static GArray *
collect_figures (const EmReportCase *data, EmRegimen regimen)
{
  GArray *figures = g_array_new (FALSE, TRUE, sizeof (Figure));
  gboolean aval = FALSE;

  g_array_set_clear_func (figures, clear_figure);
  for (EmAmount a = 0; a < EM_N_AMOUNTS; a++)
    {
      const char *given = em_report_json_string (data->input, em_amount_get_field_name (a));
      Figure figure = { em_amount_get_label (a), given ? em_report_format_money (given) : g_strdup (_("no informado")) };
      if (em_amount_get_regimen (a) == regimen)
        g_array_append_val (figures, figure);
      else
        g_free (figure.value);
    }
  if (regimen == EM_REGIMEN_SIMPLIFICADO && em_report_json_string (data->result, "ktno") != NULL)
    g_array_append_val (figures, ((Figure) { _("KTNO (capital de trabajo neto operativo)"),
                                             em_report_format_money (em_report_json_string (data->result, "ktno")) }));
  if (regimen == EM_REGIMEN_COMUN)
    {
      em_report_json_bool (data->input, "aval_financiero", &aval);
      g_array_append_val (figures, ((Figure) { _("Aval financiero o cupo de crédito"),
                                               g_strdup (aval ? _("presentado") : _("no presentado")) }));
    }
  return figures;
}

static void
draw_figures (EmPen *pen, const EmReportCase *data)
{
  g_autoptr(GArray) figures = collect_figures (data, regimen_of (data));
  guint rows = (figures->len + 1) / 2;
  double half = (pen->width - 24 * pen->scale) / 2, top = pen->y, left = top, right = top;

  em_pen_section (pen, _("Cifras usadas (pesos colombianos)"));
  top = left = right = pen->y;
  for (guint i = 0; i < figures->len; i++)
    {
      Figure *figure = &g_array_index (figures, Figure, i);
      gboolean first = i < rows;
      pen->y = first ? left : right;
      pen->y += figure_at (pen, first ? pen->x : pen->x + pen->width - half, half, figure->label, figure->value);
      *(first ? &left : &right) = pen->y;
    }
  pen->y = MAX (MAX (left, right), top);
}

/* ---- Indicators ------------------------------------------------------- */

/* The value column holds the widest value on one line: a liquidez of 10^17
 * («100000000000000000,0000», $ 10^15 over one centavo) was broken in three. */
static const EmColumn indicator_columns[] = {
  { 0, 0.32, PANGO_ALIGN_LEFT }, { 0.32, 0.28, PANGO_ALIGN_RIGHT },
  { 0.62, 0.13, PANGO_ALIGN_CENTER }, { 0.77, 0.23, PANGO_ALIGN_LEFT },
};

static const char *
comparison_sign (const char *comparison)
{
  static const char * const pairs[][2] = { { ">=", "≥" }, { ">", ">" }, { "<=", "≤" }, { "<", "<" } };

  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    if (g_strcmp0 (comparison, pairs[i][0]) == 0)
      return pairs[i][1];
  return comparison;
}

static char *
indicator_outcome (JsonObject *indicator)
{
  gboolean passes = FALSE, covered = FALSE;

  em_report_json_bool (indicator, "cumple", &passes);
  em_report_json_bool (indicator, "cubierto_por_aval", &covered);
  if (passes)
    return g_strdup (_("✓ Cumple"));
  return g_strdup (covered ? _("✗ No cumple; cubierto por el aval") : _("✗ No cumple"));
}

static const char *
indicator_label (JsonObject *indicator)
{
  const char *id = em_report_json_string (indicator, "id");
  EmIndicatorId value;

  return em_indicator_id_parse (id, &value) ? em_indicator_get_label (value) : id;
}

static void
draw_indicator (EmPen *pen, const EmColumn *columns, JsonObject *indicator)
{
  const char *raw = em_report_json_string (indicator, "valor");
  g_autofree char *value = raw ? em_report_format_decimal (raw, 4) : g_strdup (_("sin valor"));
  g_autofree char *threshold = em_report_format_decimal (em_report_json_string (indicator, "umbral"), -1);
  g_autofree char *condition = g_strdup_printf ("%s %s", comparison_sign (em_report_json_string (indicator, "comparacion")),
                                                threshold);
  g_autofree char *outcome = indicator_outcome (indicator);
  const char *cells[] = { indicator_label (indicator), value, condition, outcome };

  em_pen_row (pen, columns, G_N_ELEMENTS (cells), EM_FONT_BODY, cells);
  em_pen_rule (pen, pen->x, pen->y, pen->width, 0.3, &em_color_rule);
}

static void
draw_notes (EmPen *pen, JsonArray *indicators)
{
  for (guint i = 0; indicators && i < json_array_get_length (indicators); i++)
    {
      JsonObject *indicator = json_array_get_object_element (indicators, i);
      const char *note = em_report_json_string (indicator, "nota");
      g_autofree char *text = note ? g_strdup_printf (_("Nota sobre %s: %s"), indicator_label (indicator), note) : NULL;

      if (text != NULL)
        em_pen_paragraph (pen, EM_FONT_SMALL, &em_color_label, text);
    }
}

static void
draw_indicators (EmPen *pen, const EmReportCase *data)
{
  JsonArray *indicators = em_report_json_array (data->result, "indicadores");
  const char *titles[] = { _("Indicador"), _("Valor"), _("Condición"), _("Resultado") };
  EmColumn columns[G_N_ELEMENTS (indicator_columns)];

  em_pen_section (pen, _("Indicadores"));
  if (indicators == NULL || json_array_get_length (indicators) == 0)
    {
      em_pen_paragraph (pen, EM_FONT_BODY, &em_color_text, _("No se calcularon indicadores: falta información."));
      return;
    }
  em_pen_columns (pen, indicator_columns, columns, G_N_ELEMENTS (columns));
  em_pen_table_header (pen, columns, G_N_ELEMENTS (titles), EM_FONT_LABEL, titles);
  for (guint i = 0; i < json_array_get_length (indicators); i++)
    draw_indicator (pen, columns, json_array_get_object_element (indicators, i));
  pen->y += 2 * pen->scale;
  draw_notes (pen, indicators);
}

/* ---- Verdict ---------------------------------------------------------- */

static const EmColor *
result_color (EmCapacityResult result)
{
  if (result == EM_RESULT_CUMPLE)
    return &em_color_good;
  return result == EM_RESULT_NO_CUMPLE ? &em_color_bad : &em_color_warn;
}

static const char *
result_explanation (EmCapacityResult result)
{
  static const char * const words[] = {
    N_("El solicitante acredita la capacidad económica exigida."),
    N_("El solicitante no acredita la capacidad económica exigida."),
    N_("Acredita la capacidad económica solo si presenta un aval financiero o una certificación de cupo de crédito."),
    N_("No se puede decidir con la información presentada."),
  };

  return _(words[result]);
}

static char *
missing_text (JsonArray *missing)
{
  g_autoptr(GString) text = g_string_new (_("Falta: "));

  for (guint i = 0; i < json_array_get_length (missing); i++)
    {
      const char *field = json_array_get_string_element (missing, i);
      g_string_append_printf (text, "%s%s", i > 0 ? ", " : "", em_capacity_field_label (field));
    }
  g_string_append_c (text, '.');
  return g_strdup (text->str);
}

static void
draw_verdict (EmPen *pen, const EmReportCase *data)
{
  JsonArray *missing = em_report_json_array (data->result, "faltantes");
  JsonArray *observations = em_report_json_array (data->result, "observaciones");
  EmCapacityResult result;

  em_pen_section (pen, _("Veredicto"));
  if (!result_of (data, &result))
    {
      em_pen_paragraph (pen, EM_FONT_BODY_BOLD, &em_color_bad, _("Resultado desconocido."));
      return;
    }
  em_pen_band (pen, EM_FONT_VERDICT, em_capacity_result_describe (result), result_explanation (result),
               result_color (result));
  if (missing != NULL && json_array_get_length (missing) > 0)
    {
      g_autofree char *text = missing_text (missing);
      em_pen_paragraph (pen, EM_FONT_BODY_BOLD, &em_color_text, text);
    }
  for (guint i = 0; observations && i < json_array_get_length (observations); i++)
    em_pen_bullet (pen, json_array_get_string_element (observations, i));
}

/* ---- Legal basis ------------------------------------------------------ */

static void
draw_basis (EmPen *pen, const EmReportCase *data)
{
  JsonArray *indicators = em_report_json_array (data->result, "indicadores");
  double label = 150 * pen->scale;

  if (indicators == NULL || json_array_get_length (indicators) == 0)
    return;
  em_pen_section (pen, _("Fundamento legal de cada indicador"));
  for (guint i = 0; i < json_array_get_length (indicators); i++)
    {
      JsonObject *indicator = json_array_get_object_element (indicators, i);
      pen->y += em_pen_pair_at (pen, pen->x, pen->width, label, indicator_label (indicator),
                                em_report_json_string (indicator, "fundamento")) + 1.5 * pen->scale;
    }
}

void
em_report_draw_capacity (EmPen              *pen,
                         const EmReportCase *data)
{
  draw_applicant (pen, data);
  draw_figures (pen, data);
  draw_indicators (pen, data);
  draw_verdict (pen, data);
  draw_basis (pen, data);
}
