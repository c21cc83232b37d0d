/* em-tariff-form.c — from what the official typed to the engine's result
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pure functions, tested without widgets (tests/test-tariff-view.c):
 * - which inputs the chosen stage uses (em_tariff_form_get_state), the
 *   same rules as em-tariff-case.c: hectares in exploración and
 *   construcción y montaje, mineral group, system and production in
 *   explotación, the system elsewhere only for a title authorised to
 *   exploit, the lifting of a measure only when there is one, the
 *   compliance level only when it can decide the charge.  A field the
 *   stage does not use is disabled on the page and never sent, so the
 *   engine never rejects the form for it;
 * - quantities as Colombians write them ("60.000" is sixty thousand,
 *   "1.234,5" has one decimal), turned into exact decimals, never floats;
 * - the evaluation itself: the same EmTariffCase the CLI builds from JSON,
 *   the same engine, and the engine's error placed on its field — or, when
 *   that field is still empty, told as what is missing rather than as a
 *   mistake.
 */
#define G_LOG_DOMAIN "em-tariff-form"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "em-input-error.h"
#include "em-tariff-engine.h"
#include "em-tariff-form.h"
#include "em-tariff-json.h"

static const char * const field_ids[EM_N_TARIFF_FIELDS + 1] = {
  "etapa", "area_hectareas", "grupo_mineral", "sistema", "produccion_anual", "pin",
  "autorizado_explotar", "medida_seguridad", "levantamiento_medida", "nivel_cumplimiento",
  "numero_inspeccion", NULL
};

static const char * const field_labels[EM_N_TARIFF_FIELDS] = {
  N_("Etapa"), N_("Área en hectáreas"), N_("Grupo mineral"), N_("Sistema de explotación"),
  N_("Producción anual"), N_("Proyecto de Interés Nacional (PIN)"), N_("Autorizado para explotar"),
  N_("Medida de seguridad"), N_("Verifica el levantamiento de la medida"),
  N_("Nivel de cumplimiento"), N_("Número de inspección"),
};

const char *
em_tariff_field_to_string (EmTariffField field)
{
  g_return_val_if_fail (field < EM_N_TARIFF_FIELDS, NULL);
  return field_ids[field];
}

const char *
em_tariff_field_get_label (EmTariffField field)
{
  g_return_val_if_fail (field < EM_N_TARIFF_FIELDS, NULL);
  return _(field_labels[field]);
}

gboolean
em_tariff_field_parse (const char    *text,
                       EmTariffField *out)
{
  for (guint i = 0; i < EM_N_TARIFF_FIELDS; i++)
    if (g_strcmp0 (text, field_ids[i]) == 0)
      return *out = i, TRUE;
  return FALSE;
}

/* ---- Quantities as people type them -------------------------------- */

static gboolean quantity_error (GError **error, const char *format, ...) G_GNUC_PRINTF (2, 3);

static gboolean
quantity_error (GError **error, const char *format, ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, EM_INPUT_ERROR, EM_INPUT_ERROR_SYNTAX, message);
  return FALSE;
}

/* Why @text is not a Colombian number, as one sentence. */
static gboolean
explain_quantity (const char *text, EmColombianProblem problem, GError **error)
{
  switch (problem)
    {
    case EM_COLOMBIAN_NEGATIVE:
      return quantity_error (error, _("«%s»: no puede ser negativo"), text);
    case EM_COLOMBIAN_TWO_COMMAS:
      return quantity_error (error, _("«%s»: solo puede haber una coma, la de los decimales"), text);
    case EM_COLOMBIAN_COMMA_BEFORE_POINT:
      return quantity_error (error, _("«%s»: la coma separa los decimales y el punto los miles "
                                      "(p. ej. «1.234,5»)"), text);
    case EM_COLOMBIAN_BAD_GROUPING:
      return quantity_error (error, _("«%s»: el punto separa los miles en grupos de 3 cifras "
                                      "(p. ej. «60.000»); para los decimales use la coma («150,5»)"), text);
    case EM_COLOMBIAN_EMPTY:
    case EM_COLOMBIAN_NOT_A_NUMBER:
    case EM_COLOMBIAN_OK:
    default:
      return quantity_error (error, _("«%s» no es un número: escriba cifras, p. ej. «1.234,5»"), text);
    }
}

/* A quantity of hectares or of production as a Colombian writes it:
 * "60.000" is sixty thousand, "1.234,5" and "1234,5" are the same. */
gboolean
em_tariff_parse_quantity (const char  *text,
                          EmDecimal   *out,
                          GError     **error)
{
  g_autofree char *plain = NULL;
  g_autoptr(GError) local_error = NULL;
  EmColombianProblem problem;

  g_return_val_if_fail (text != NULL && out != NULL, FALSE);

  if ((problem = em_number_colombian_to_plain (text, &plain)) != EM_COLOMBIAN_OK)
    return explain_quantity (text, problem, error);
  if (em_decimal_parse (plain, EM_NUMBER_PLAIN, EM_TARIFF_CASE_MAX_QUANTITY, out, &local_error))
    return TRUE;
  if (g_error_matches (local_error, EM_NUMBER_ERROR, EM_NUMBER_ERROR_TOO_MANY_DECIMALS))
    return quantity_error (error, _("«%s» tiene más de 6 decimales"), text);
  return quantity_error (error, _("«%s» es mayor que el máximo admitido, 1.000.000.000.000"), text);
}

/* ---- The unit of production ---------------------------------------- */

/* The unit of one cell of annex Tabla 2, or NULL when the cell is N/A. */
static char *
unit_of_cell (EmTariffTable *table, EmGrupoMineral grupo, EmSistema sistema)
{
  g_autoptr(EmTariffCase) probe = em_tariff_case_new ();
  EmClassification classification;

  em_tariff_case_set_etapa (probe, EM_ETAPA_EXPLOTACION);
  em_tariff_case_set_grupo_mineral (probe, grupo);
  em_tariff_case_set_sistema (probe, sistema);
  em_tariff_case_set_produccion_anual (probe, 0);
  if (!em_tariff_table_classify (table, probe, &classification, NULL))
    return NULL;
  return g_strdup (classification.unit);
}

/* The unit the production of @grupo is given in ("t/año", "m³/año"), from
 * the table itself; without a system, both columns' when they differ. */
char *
em_tariff_production_unit (EmTariffTable  *table,
                           EmGrupoMineral  grupo,
                           EmSistema       sistema)
{
  g_autofree char *underground = NULL;
  g_autofree char *surface = NULL;

  g_return_val_if_fail (EM_IS_TARIFF_TABLE (table), NULL);

  if (grupo == EM_GRUPO_NONE)
    return NULL;
  if (sistema != EM_SISTEMA_NONE)
    return unit_of_cell (table, grupo, sistema);
  underground = unit_of_cell (table, grupo, EM_SISTEMA_SUBTERRANEO);
  surface = unit_of_cell (table, grupo, EM_SISTEMA_CIELO_ABIERTO);
  if (underground == NULL)
    return g_steal_pointer (&surface);
  if (surface == NULL || g_str_equal (underground, surface))
    return g_steal_pointer (&underground);
  /* Translators: "t/año o m³/año según el sistema" */
  return g_strdup_printf (_("%s o %s según el sistema"), underground, surface);
}

/* ---- The form ------------------------------------------------------ */

static gboolean
blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  while (g_ascii_isspace (*text))
    text++;
  return *text == '\0';
}

void
em_tariff_form_clear (EmTariffForm *form)
{
  g_free (form->expediente);
  g_free (form->titular);
  g_free (form->area);
  g_free (form->produccion);
  g_free (form->numero);
  memset (form, 0, sizeof *form);
}

void
em_tariff_form_copy (const EmTariffForm *form,
                     EmTariffForm       *out)
{
  *out = *form;
  out->expediente = g_strdup (form->expediente);
  out->titular = g_strdup (form->titular);
  out->area = g_strdup (form->area);
  out->produccion = g_strdup (form->produccion);
  out->numero = g_strdup (form->numero);
}

/* The inspection number of a new form: 1, or nothing. */
static gboolean
is_first (const char *numero)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (numero != NULL ? numero : ""));

  return trimmed[0] == '\0' || g_str_equal (trimmed, "1");
}

/* Nothing typed or chosen yet: a new form may be discarded without asking. */
gboolean
em_tariff_form_is_blank (const EmTariffForm *form)
{
  return blank (form->expediente) && blank (form->titular) && blank (form->area)
         && blank (form->produccion) && form->etapa == EM_ETAPA_NONE
         && form->grupo == EM_GRUPO_NONE && form->sistema == EM_SISTEMA_NONE
         && form->nivel == EM_NIVEL_NONE && form->medida == EM_MEDIDA_NINGUNA
         && !form->pin && !form->levantamiento && !form->autorizado
         && is_first (form->numero);
}

static char *
quantity_text (gboolean has, EmDecimal value)
{
  return has ? em_quantity_format (value) : g_strdup ("");
}

/* The form that shows @input (a stored case). */
void
em_tariff_form_from_case (EmTariffForm *form,
                          EmTariffCase *input)
{
  EmDecimal value = 0;
  gboolean has;

  em_tariff_form_clear (form);
  form->expediente = g_strdup (em_tariff_case_get_text (input, EM_TARIFF_TEXT_EXPEDIENTE));
  form->titular = g_strdup (em_tariff_case_get_text (input, EM_TARIFF_TEXT_TITULAR));
  form->etapa = em_tariff_case_get_etapa (input);
  has = em_tariff_case_get_area_hectareas (input, &value);
  form->area = quantity_text (has, value);
  form->grupo = em_tariff_case_get_grupo_mineral (input);
  form->sistema = em_tariff_case_get_sistema (input);
  has = em_tariff_case_get_produccion_anual (input, &value);
  form->produccion = quantity_text (has, value);
  form->pin = em_tariff_case_get_pin (input);
  form->autorizado = em_tariff_case_get_autorizado_explotar (input);
  form->medida = em_tariff_case_get_medida_seguridad (input);
  form->levantamiento = em_tariff_case_get_levantamiento_medida (input);
  form->nivel = em_tariff_case_get_nivel_cumplimiento (input);
  form->numero = g_strdup_printf ("%u", em_tariff_case_get_numero_inspeccion (input));
}

/* The fields the engine uses for this title (em-tariff-case.c). */
void
em_tariff_form_get_state (const EmTariffForm *form,
                          EmTariffFormState  *out)
{
  gboolean staged = form->etapa != EM_ETAPA_NONE;
  gboolean by_production = form->etapa == EM_ETAPA_EXPLOTACION;
  gboolean measure = form->medida != EM_MEDIDA_NINGUNA;
  gboolean lifting = measure && form->levantamiento;

  memset (out, 0, sizeof *out);
  out->enabled[EM_TARIFF_FIELD_ETAPA] = TRUE;
  out->enabled[EM_TARIFF_FIELD_AREA] = staged && !by_production;
  out->enabled[EM_TARIFF_FIELD_GRUPO] = by_production;
  out->enabled[EM_TARIFF_FIELD_SISTEMA] = by_production || (staged && form->autorizado);
  out->enabled[EM_TARIFF_FIELD_PRODUCCION] = by_production;
  out->enabled[EM_TARIFF_FIELD_PIN] = TRUE;
  out->enabled[EM_TARIFF_FIELD_AUTORIZADO] = staged;
  out->enabled[EM_TARIFF_FIELD_MEDIDA] = TRUE;
  out->enabled[EM_TARIFF_FIELD_LEVANTAMIENTO] = measure;
  out->enabled[EM_TARIFF_FIELD_NIVEL] = staged && form->autorizado && !lifting;
  out->enabled[EM_TARIFF_FIELD_NUMERO] = TRUE;
}

/* ---- Evaluating ---------------------------------------------------- */

static void
set_text (EmTariffCase *input, EmTariffText text, const char *value)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (value != NULL ? value : ""));

  em_tariff_case_set_text (input, text, trimmed[0] != '\0' ? trimmed : NULL);
}

typedef void (*SetQuantity) (EmTariffCase *, EmDecimal);

/* A blank quantity stays absent: the engine says whether it is needed. */
static void
read_quantity (const char *text, EmTariffCase *input, SetQuantity set, EmTariffField field,
               EmTariffOutcome *outcome)
{
  g_autoptr(GError) error = NULL;
  EmDecimal value;

  if (blank (text))
    return;
  if (em_tariff_parse_quantity (text, &value, &error))
    set (input, value);
  else
    outcome->errors[field] = g_strdup (error->message);
}

static void
read_number (const char *text, EmTariffCase *input, EmTariffOutcome *outcome)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));
  guint64 number = 0;

  if (trimmed[0] == '\0')
    return;   /* the default of CONTRACT.md: the first inspection */
  if (strspn (trimmed, "0123456789") == strlen (trimmed)
      && g_ascii_string_to_unsigned (trimmed, 10, 1, EM_TARIFF_CASE_MAX_INSPECTION, &number, NULL))
    em_tariff_case_set_numero_inspeccion (input, number);
  else
    outcome->errors[EM_TARIFF_FIELD_NUMERO] =
      g_strdup (_("Escriba un número entero de 1 a 1000: el orden de esta inspección en su programación."));
}

/* The case the engine sees: only the fields this title uses. */
static EmTariffCase *
form_to_case (const EmTariffForm *form, const EmTariffFormState *state, EmTariffOutcome *outcome)
{
  EmTariffCase *input = em_tariff_case_new ();
  const gboolean *on = state->enabled;

  set_text (input, EM_TARIFF_TEXT_EXPEDIENTE, form->expediente);
  set_text (input, EM_TARIFF_TEXT_TITULAR, form->titular);
  em_tariff_case_set_etapa (input, form->etapa);
  if (on[EM_TARIFF_FIELD_AREA])
    read_quantity (form->area, input, em_tariff_case_set_area_hectareas, EM_TARIFF_FIELD_AREA, outcome);
  if (on[EM_TARIFF_FIELD_GRUPO])
    em_tariff_case_set_grupo_mineral (input, form->grupo);
  if (on[EM_TARIFF_FIELD_SISTEMA])
    em_tariff_case_set_sistema (input, form->sistema);
  if (on[EM_TARIFF_FIELD_PRODUCCION])
    read_quantity (form->produccion, input, em_tariff_case_set_produccion_anual,
                   EM_TARIFF_FIELD_PRODUCCION, outcome);
  em_tariff_case_set_pin (input, form->pin);
  if (on[EM_TARIFF_FIELD_AUTORIZADO])
    em_tariff_case_set_autorizado_explotar (input, form->autorizado);
  em_tariff_case_set_medida_seguridad (input, form->medida);
  if (on[EM_TARIFF_FIELD_LEVANTAMIENTO])
    em_tariff_case_set_levantamiento_medida (input, form->levantamiento);
  if (on[EM_TARIFF_FIELD_NIVEL])
    em_tariff_case_set_nivel_cumplimiento (input, form->nivel);
  read_number (form->numero, input, outcome);
  return input;
}

/* Whether @field has nothing in it yet. */
static gboolean
field_is_blank (const EmTariffForm *form, EmTariffField field)
{
  switch (field)
    {
    case EM_TARIFF_FIELD_ETAPA:      return form->etapa == EM_ETAPA_NONE;
    case EM_TARIFF_FIELD_AREA:       return blank (form->area);
    case EM_TARIFF_FIELD_GRUPO:      return form->grupo == EM_GRUPO_NONE;
    case EM_TARIFF_FIELD_SISTEMA:    return form->sistema == EM_SISTEMA_NONE;
    case EM_TARIFF_FIELD_PRODUCCION: return blank (form->produccion);
    case EM_TARIFF_FIELD_NIVEL:      return form->nivel == EM_NIVEL_NONE;
    default:                         return FALSE;
    }
}

/* "es obligatorio…" → "Es obligatorio….": a sentence of its own. */
static char *
sentence (const char *message)
{
  gunichar first = g_utf8_get_char (message);
  const char *rest = g_utf8_next_char (message);
  gsize len = strlen (message);
  char upper[8] = { 0 };

  g_unichar_to_utf8 (g_unichar_toupper (first), upper);
  return g_strdup_printf ("%s%s%s", upper, rest,
                          len > 0 && strchr (".)", message[len - 1]) != NULL ? "" : ".");
}

static void
place_error (const EmTariffForm *form, const GError *error, EmTariffOutcome *outcome)
{
  EmTariffField field;

  if (!em_tariff_field_parse (em_input_error_get_field (error), &field))
    outcome->missing = sentence (error->message);
  else if (field_is_blank (form, field))
    outcome->missing = g_strdup_printf (_("Falta «%s»: %s."), em_tariff_field_get_label (field),
                                        error->message);
  else
    outcome->errors[field] = sentence (error->message);
}

gboolean
em_tariff_outcome_has_errors (const EmTariffOutcome *outcome)
{
  for (guint i = 0; i < EM_N_TARIFF_FIELDS; i++)
    if (outcome->errors[i] != NULL)
      return TRUE;
  return FALSE;
}

void
em_tariff_outcome_free (EmTariffOutcome *outcome)
{
  if (outcome == NULL)
    return;
  for (guint i = 0; i < EM_N_TARIFF_FIELDS; i++)
    g_free (outcome->errors[i]);
  g_free (outcome->missing);
  g_clear_object (&outcome->input);
  g_clear_pointer (&outcome->result, json_node_unref);
  g_free (outcome);
}

/* Evaluates the form with the engine: field errors, or what is missing, or
 * the result.  Nothing is evaluated while any field is wrong. */
EmTariffOutcome *
em_tariff_form_evaluate (const EmTariffForm *form,
                         EmTariffTable      *table,
                         EmTariffSchedule   *schedule)
{
  EmTariffOutcome *outcome = g_new0 (EmTariffOutcome, 1);
  g_autoptr(EmTariffCase) input = NULL;
  g_autoptr(EmTariffVerdict) verdict = NULL;
  g_autoptr(GError) error = NULL;
  EmTariffFormState state;

  g_return_val_if_fail (form != NULL, outcome);

  em_tariff_form_get_state (form, &state);
  input = form_to_case (form, &state, outcome);
  if (em_tariff_outcome_has_errors (outcome))
    return outcome;
  if (form->etapa == EM_ETAPA_NONE)
    {
      outcome->missing = g_strdup (_("Elija la etapa del título: de ella depende qué datos hacen falta."));
      return outcome;
    }
  if ((verdict = em_tariff_evaluate (input, table, schedule, &error)) == NULL)
    {
      place_error (form, error, outcome);
      return outcome;
    }
  outcome->input = g_steal_pointer (&input);
  outcome->result = em_tariff_verdict_to_json (verdict);
  return outcome;
}
