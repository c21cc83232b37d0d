/* em-report-tariff.c — the body of an inspection tariff summary
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The title's data, its class and the row of Tabla 2 that decided it,
 * whether the inspection is charged and why (Tabla 3), the four components
 * with their rubro and factor, the total and the fee, and the tarifario —
 * saying so plainly when it is not official (the page also carries the
 * mark across it; see em-report-summary.c).
 */
#define G_LOG_DOMAIN "em-report"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "em-report-private.h"
#include "em-tariff-types.h"

static const EmColumn component_columns[] = {
  { 0, 0.40, PANGO_ALIGN_LEFT }, { 0.40, 0.11, PANGO_ALIGN_RIGHT },
  { 0.51, 0.27, PANGO_ALIGN_LEFT }, { 0.78, 0.22, PANGO_ALIGN_RIGHT },
};

/* ---- Words ------------------------------------------------------------ */

/* "explotación" → "Explotación" (a new string). */
static char *
capitalized (const char *text)
{
  char first[8] = { 0 };

  if (text == NULL || text[0] == '\0')
    return NULL;
  g_unichar_to_utf8 (g_unichar_toupper (g_utf8_get_char (text)), first);
  return g_strconcat (first, g_utf8_next_char (text), NULL);
}

static const char *
yes_no (JsonObject *object, const char *name)
{
  gboolean value;

  if (!em_report_json_bool (object, name, &value))
    return NULL;
  return value ? _("sí") : _("no");
}

/* kind_words (object, "field"): the capitalised label of an id field. */
#define DEFINE_WORDS(kind, Type)                                              \
  static char *                                                               \
  kind##_words (JsonObject *object, const char *name)                         \
  {                                                                           \
    const char *id = em_report_json_string (object, name);                    \
    Type value;                                                               \
                                                                              \
    if (id == NULL)                                                           \
      return NULL;                                                            \
    return em_##kind##_parse (id, &value) ? capitalized (em_##kind##_get_label (value)) : g_strdup (id); \
  }

DEFINE_WORDS (etapa, EmEtapa)
DEFINE_WORDS (grupo_mineral, EmGrupoMineral)
DEFINE_WORDS (sistema, EmSistema)
DEFINE_WORDS (medida, EmMedida)
DEFINE_WORDS (nivel, EmNivel)
DEFINE_WORDS (clase, EmClase)

static char *
inspection_number (JsonObject *input)
{
  JsonNode *node = json_object_has_member (input, "numero_inspeccion")
                   ? json_object_get_member (input, "numero_inspeccion") : NULL;
  g_autofree char *word = NULL;
  gint64 number;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return NULL;
  number = json_node_get_int (node);
  if (number < 1 || number > G_MAXUINT)
    return NULL;
  word = em_ordinal_feminine ((guint) number);
  return capitalized (word);
}

/* "100.000 t/año", "250 ha": the figure the class was decided by. */
static char *
size_text (const EmReportCase *data)
{
  JsonObject *basis = em_report_json_object (data->result, "fundamento_clasificacion");
  const char *value = em_report_json_string (basis, "valor");
  const char *unit = em_report_json_string (basis, "unidad");
  g_autofree char *number = value ? em_report_format_decimal (value, -1) : NULL;

  if (number == NULL)
    return NULL;
  return unit ? g_strdup_printf ("%s %s", number, unit) : g_steal_pointer (&number);
}

static char *
measure_text (JsonObject *input)
{
  g_autofree char *measure = medida_words (input, "medida_seguridad");
  gboolean lifting = FALSE;

  em_report_json_bool (input, "levantamiento_medida", &lifting);
  if (measure == NULL || !lifting)
    return g_steal_pointer (&measure);
  return g_strdup_printf (_("%s; esta inspección verifica su levantamiento"), measure);
}

/* ---- Title ------------------------------------------------------------ */

static void
draw_pairs (EmPen *pen, double x, double width, const char * const (*pairs)[2], guint n, double *bottom)
{
  double label = 100 * pen->scale;

  for (guint i = 0; i < n; i++)
    pen->y += em_pen_pair_at (pen, x, width, label, pairs[i][0], pairs[i][1]) + 2 * pen->scale;
  *bottom = MAX (*bottom, pen->y);
}

static void
draw_title (EmPen *pen, const EmReportCase *data)
{
  g_autofree char *etapa = etapa_words (data->input, "etapa");
  g_autofree char *grupo = grupo_mineral_words (data->input, "grupo_mineral");
  g_autofree char *sistema = sistema_words (data->input, "sistema");
  g_autofree char *nivel = nivel_words (data->input, "nivel_cumplimiento");
  g_autofree char *size = size_text (data);
  g_autofree char *measure = measure_text (data->input);
  g_autofree char *number = inspection_number (data->input);
  const char * const left[][2] = {
    { _("Expediente"), em_report_json_string (data->input, "expediente") },
    { _("Titular"), em_report_json_string (data->input, "titular") },
    { _("Etapa"), etapa }, { _("Grupo mineral"), grupo }, { _("Sistema"), sistema },
    { _("Área o producción"), size },
  };
  const char * const right[][2] = {
    { _("Proyecto de Interés Nacional (PIN)"), yes_no (data->input, "pin") },
    { _("Autorizado para explotar"), yes_no (data->input, "autorizado_explotar") },
    { _("Nivel de cumplimiento"), nivel }, { _("Medida de seguridad"), measure },
    { _("Inspección"), number },
  };
  double top, bottom, half = pen->width / 2;

  em_pen_section (pen, _("Título minero e inspección"));
  top = bottom = pen->y;
  draw_pairs (pen, pen->x, half - 8, left, G_N_ELEMENTS (left), &bottom);
  pen->y = top;
  draw_pairs (pen, pen->x + half, half, right, G_N_ELEMENTS (right), &bottom);
  pen->y = bottom;
}

/* ---- Class and charge ------------------------------------------------- */

static void
draw_class (EmPen *pen, const EmReportCase *data)
{
  JsonObject *basis = em_report_json_object (data->result, "fundamento_clasificacion");
  g_autofree char *clase = clase_words (data->result, "clasificacion");
  double label = 100 * pen->scale;

  em_pen_section (pen, _("Clasificación del título"));
  pen->y += em_pen_text_at (pen, EM_FONT_BODY_BOLD, &em_color_text, clase, pen->x, pen->y, pen->width,
                            PANGO_ALIGN_LEFT) + 2 * pen->scale;
  pen->y += em_pen_pair_at (pen, pen->x, pen->width, label, _("Regla que la decidió"),
                            em_report_json_string (basis, "descripcion")) + 2 * pen->scale;
  pen->y += em_pen_pair_at (pen, pen->x, pen->width, label, _("Norma"),
                            em_report_json_string (basis, "norma")) + 2 * pen->scale;
}

static char *
charge_text (const EmReportCase *data, gboolean charged)
{
  const char *explanation = em_report_json_string (data->result, "explicacion");
  JsonObject *result = data->result;
  JsonNode *criterion = json_object_has_member (result, "criterio_cobro")
                        ? json_object_get_member (result, "criterio_cobro") : NULL;

  if (charged && criterion != NULL && JSON_NODE_HOLDS_VALUE (criterion))
    return g_strdup_printf (_("%s (Anexo técnico, Tabla 3, criterio %ld.)"), explanation ? explanation : "",
                            (long) json_node_get_int (criterion));
  return g_strdup_printf (_("%s (Anexo técnico, Tabla 3.)"), explanation ? explanation : "");
}

static void
draw_charge (EmPen *pen, const EmReportCase *data)
{
  gboolean charged = FALSE;
  g_autofree char *text = NULL;

  em_report_json_bool (data->result, "objeto_cobro", &charged);
  text = charge_text (data, charged);
  em_pen_section (pen, _("Cobro de la inspección"));
  em_pen_band (pen, EM_FONT_VERDICT, charged ? _("SE COBRA") : _("NO SE COBRA"), text,
               charged ? &em_color_accent : &em_color_good);
}

/* ---- Components ------------------------------------------------------- */

/* The keys of the «acta» attribute (CONTRACT.md, tarifario file). */
static const char *
acta_words (const char *key)
{
  static const char * const words[][2] = {
    { "exploracion", N_("exploración") }, { "construccion_montaje", N_("construcción y montaje") },
    { "explotacion_subterranea", N_("explotación subterránea") },
    { "explotacion_cielo_abierto", N_("explotación a cielo abierto") },
    { "explotacion_arrastre", N_("explotación por arrastre") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_str_equal (key, words[i][0]))
      return _(words[i][1]);
  return key;
}

/* The title's value a factor was looked up by, in words: "mediana
 * minería", "NO PIN", "subterránea", "los demás" for the fallback "*". */
static char *
key_words (const char *by, const char *key)
{
  g_autoptr(JsonObject) object = json_object_new ();
  g_autofree char *words = NULL;

  if (key == NULL)
    return NULL;
  if (g_str_equal (key, "*"))
    return g_strdup (_("los demás"));
  if (g_strcmp0 (by, "pin") == 0)
    return g_strdup (g_str_equal (key, "pin") ? _("PIN") : _("NO PIN"));
  json_object_set_string_member (object, "clave", key);
  if (g_strcmp0 (by, "clasificacion") == 0)
    words = clase_words (object, "clave");
  else if (g_strcmp0 (by, "sistema") == 0)
    words = sistema_words (object, "clave");
  else if (g_strcmp0 (by, "etapa") == 0)
    words = etapa_words (object, "clave");
  else if (g_strcmp0 (by, "acta") == 0)
    words = g_strdup (acta_words (key));
  else
    words = g_strdelimit (g_strdup (key), "_", ' ');
  return g_utf8_strdown (words, -1);
}

static char *
factor_text (JsonObject *component)
{
  g_autofree char *factor = em_report_format_decimal (em_report_json_string (component, "factor"), -1);
  g_autofree char *words = key_words (em_report_json_string (component, "por"),
                                      em_report_json_string (component, "clave"));

  return words ? g_strdup_printf ("%s (%s)", factor, words) : g_steal_pointer (&factor);
}

static void
draw_component (EmPen *pen, const EmColumn *columns, JsonObject *component)
{
  g_autofree char *name = g_strdup_printf ("%s — %s", em_report_json_string (component, "componente"),
                                           em_report_json_string (component, "nombre"));
  g_autofree char *rubro = em_report_format_decimal (em_report_json_string (component, "rubro"), -1);
  g_autofree char *factor = factor_text (component);
  g_autofree char *value = em_report_format_money (em_report_json_string (component, "valor"));
  const char *cells[] = { name, rubro, factor, value };

  em_pen_row (pen, columns, G_N_ELEMENTS (cells), EM_FONT_BODY, cells);
  em_pen_rule (pen, pen->x, pen->y, pen->width, 0.3, &em_color_rule);
}

static void
draw_total (EmPen *pen, const EmColumn *columns, EmFont font, const char *label, const char *amount)
{
  g_autofree char *value = em_report_format_money (amount);
  EmColumn wide[] = { { columns[0].x, columns[2].x + columns[2].width - columns[0].x, PANGO_ALIGN_LEFT }, columns[3] };
  const char *cells[] = { label, value };

  em_pen_row (pen, wide, G_N_ELEMENTS (cells), font, cells);
}

static char *
basis_text (JsonObject *calculation)
{
  g_autofree char *day = em_report_format_money (em_report_json_string (calculation, "valor_dia"));
  const char *rubros = em_report_json_string (calculation, "rubros_de");

  return g_strdup_printf (_("Cada componente = valor día × rubro × factor. Valor día: %s; rubros de títulos %s "
                            "(Anexo técnico, Tabla 1; días promedio, Tabla 4)."),
                          day, g_strcmp0 (rubros, "pin") == 0 ? _("PIN") : _("NO PIN"));
}

static void
draw_components (EmPen *pen, const EmReportCase *data)
{
  JsonObject *calculation = em_report_json_object (data->result, "calculo");
  JsonArray *components = em_report_json_array (calculation, "componentes");
  const char *titles[] = { _("Componente"), _("Rubro"), _("Factor (clave)"), _("Valor") };
  EmColumn columns[G_N_ELEMENTS (component_columns)];
  g_autofree char *basis = basis_text (calculation);
  gboolean official = FALSE;

  em_report_json_bool (data->result, "oficial", &official);
  em_pen_section (pen, _("Valor de la inspección: Tarifa = TPM + C + ER + D"));
  em_pen_columns (pen, component_columns, columns, G_N_ELEMENTS (columns));
  em_pen_table_header (pen, columns, G_N_ELEMENTS (titles), EM_FONT_LABEL, titles);
  for (guint i = 0; components && i < json_array_get_length (components); i++)
    draw_component (pen, columns, json_array_get_object_element (components, i));
  draw_total (pen, columns, EM_FONT_BODY, _("Valor de la inspección (suma exacta, redondeada al peso)"),
              em_report_json_string (data->result, "valor_inspeccion"));
  em_pen_rule (pen, pen->x, pen->y, pen->width, 0.8, &em_color_text);
  draw_total (pen, columns, EM_FONT_BODY_BOLD,
              official ? _("Tarifa a cobrar") : _("Tarifa ilustrativa (no sirve para cobrar)"),
              em_report_json_string (data->result, "tarifa"));
  pen->y += 2 * pen->scale;
  em_pen_paragraph (pen, EM_FONT_SMALL, &em_color_label, basis);
}

/* ---- Tarifario and observations --------------------------------------- */

static void
draw_schedule (EmPen *pen, const EmReportCase *data)
{
  gboolean official = FALSE;
  const char *id = data->row.rules_id ? data->row.rules_id : "—";
  g_autofree char *line = NULL;

  em_report_json_bool (data->result, "oficial", &official);
  if (!official)
    return;   /* the heading, an observation and the mark across the page say so */
  line = g_strdup_printf (_("Tarifario oficial «%s»."), id);
  em_pen_paragraph (pen, EM_FONT_BODY_BOLD, &em_color_text, line);
}

static char *
days_text (JsonObject *days)
{
  JsonArray *rows = em_report_json_array (days, "filas");
  g_autoptr(GString) text = g_string_new (_("Días promedio de inspección, informativos (no se suman): "));

  for (guint i = 0; rows && i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);
      g_autofree char *count = em_report_format_decimal (em_report_json_string (row, "dias"), -1);
      g_string_append_printf (text, "%s%s, %s: %s", i > 0 ? "; " : "", em_report_json_string (row, "titulo"),
                              em_report_json_string (row, "fila"), count);
    }
  g_string_append_c (text, '.');
  return g_strdup (text->str);
}

static void
draw_observations (EmPen *pen, const EmReportCase *data)
{
  JsonArray *observations = em_report_json_array (data->result, "observaciones");
  JsonObject *days = em_report_json_object (data->result, "dias_inspeccion");
  g_autofree char *days_line = days ? days_text (days) : NULL;

  em_pen_section (pen, _("Tarifario y observaciones"));
  draw_schedule (pen, data);
  for (guint i = 0; observations && i < json_array_get_length (observations); i++)
    em_pen_bullet (pen, json_array_get_string_element (observations, i));
  if (days_line != NULL)
    em_pen_paragraph (pen, EM_FONT_SMALL, &em_color_label, days_line);
}

void
em_report_draw_tariff (EmPen              *pen,
                       const EmReportCase *data)
{
  draw_title (pen, data);
  draw_class (pen, data);
  draw_charge (pen, data);
  draw_components (pen, data);
  draw_observations (pen, data);
}
