/* em-tariff-case.c — the input of an inspection-tariff evaluation
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A plain value holder (absent ≠ zero) plus the rules of which fields each
 * stage needs (CONTRACT.md, `tarifa`):
 *   exploración, construcción y montaje: area_hectareas required;
 *     grupo_mineral and produccion_anual are errors (the class is by area);
 *     sistema only when the title is authorised to exploit.
 *   explotación: grupo_mineral, sistema, produccion_anual required;
 *     area_hectareas is an error (the class is by production).
 * A field that cannot change the result is rejected rather than ignored, so
 * nobody believes it was taken into account.  Fields that only decide the
 * charge (nivel_cumplimiento; sistema outside explotación) are required
 * exactly when the decision depends on them.
 */
#define G_LOG_DOMAIN "em-tariff-case"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "em-input-error.h"
#include "em-tariff-case.h"

struct _EmTariffCase
{
  GObject         parent_instance;
  EmEtapa         etapa;
  EmGrupoMineral  grupo;
  EmSistema       sistema;
  EmMedida        medida;
  EmNivel         nivel;
  gboolean        pin;
  gboolean        levantamiento;
  gboolean        has_autorizado;
  gboolean        autorizado;
  guint           numero;
  gboolean        has_area;
  EmDecimal       area;
  gboolean        has_produccion;
  EmDecimal       produccion;
  char           *texts[EM_N_TARIFF_TEXTS];
};

G_DEFINE_FINAL_TYPE (EmTariffCase, em_tariff_case, G_TYPE_OBJECT)

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static const char * const text_fields[EM_N_TARIFF_TEXTS] = { "expediente", "titular" };

const char *
em_tariff_text_get_field_name (EmTariffText text)
{
  g_return_val_if_fail (text < EM_N_TARIFF_TEXTS, NULL);
  return text_fields[text];
}

static void
em_tariff_case_finalize (GObject *object)
{
  EmTariffCase *self = EM_TARIFF_CASE (object);

  for (guint i = 0; i < EM_N_TARIFF_TEXTS; i++)
    g_free (self->texts[i]);
  G_OBJECT_CLASS (em_tariff_case_parent_class)->finalize (object);
}

static void
em_tariff_case_class_init (EmTariffCaseClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = em_tariff_case_finalize;

  /* Emitted after any field changes, so a form can re-evaluate live. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
em_tariff_case_init (EmTariffCase *self)
{
  self->medida = EM_MEDIDA_NINGUNA;
  self->numero = 1;
}

EmTariffCase *
em_tariff_case_new (void)
{
  return g_object_new (EM_TYPE_TARIFF_CASE, NULL);
}

EmTariffCase *
em_tariff_case_copy (EmTariffCase *self)
{
  EmTariffCase *copy;

  g_return_val_if_fail (EM_IS_TARIFF_CASE (self), NULL);

  copy = em_tariff_case_new ();
  copy->etapa = self->etapa;
  copy->grupo = self->grupo;
  copy->sistema = self->sistema;
  copy->medida = self->medida;
  copy->nivel = self->nivel;
  copy->pin = self->pin;
  copy->levantamiento = self->levantamiento;
  copy->has_autorizado = self->has_autorizado;
  copy->autorizado = self->autorizado;
  copy->numero = self->numero;
  copy->has_area = self->has_area;
  copy->area = self->area;
  copy->has_produccion = self->has_produccion;
  copy->produccion = self->produccion;
  for (guint i = 0; i < EM_N_TARIFF_TEXTS; i++)
    copy->texts[i] = g_strdup (self->texts[i]);
  return copy;
}

static void
changed (EmTariffCase *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

#define DEFINE_ACCESSORS(Type, name, member)                                \
  Type em_tariff_case_get_##name (EmTariffCase *self)                       \
  {                                                                         \
    g_return_val_if_fail (EM_IS_TARIFF_CASE (self), 0);                     \
    return self->member;                                                    \
  }                                                                         \
  void em_tariff_case_set_##name (EmTariffCase *self, Type value)           \
  {                                                                         \
    g_return_if_fail (EM_IS_TARIFF_CASE (self));                            \
    if (self->member == value)                                              \
      return;                                                               \
    self->member = value;                                                   \
    changed (self);                                                         \
  }

DEFINE_ACCESSORS (EmEtapa, etapa, etapa)
DEFINE_ACCESSORS (EmGrupoMineral, grupo_mineral, grupo)
DEFINE_ACCESSORS (EmSistema, sistema, sistema)
DEFINE_ACCESSORS (EmMedida, medida_seguridad, medida)
DEFINE_ACCESSORS (EmNivel, nivel_cumplimiento, nivel)
DEFINE_ACCESSORS (gboolean, pin, pin)
DEFINE_ACCESSORS (gboolean, levantamiento_medida, levantamiento)
DEFINE_ACCESSORS (guint, numero_inspeccion, numero)

/* Given, or the default of CONTRACT.md: true in explotación, else false. */
gboolean
em_tariff_case_get_autorizado_explotar (EmTariffCase *self)
{
  g_return_val_if_fail (EM_IS_TARIFF_CASE (self), FALSE);
  if (self->has_autorizado)
    return self->autorizado;
  return self->etapa == EM_ETAPA_EXPLOTACION;
}

gboolean
em_tariff_case_has_autorizado_explotar (EmTariffCase *self)
{
  g_return_val_if_fail (EM_IS_TARIFF_CASE (self), FALSE);
  return self->has_autorizado;
}

void
em_tariff_case_set_autorizado_explotar (EmTariffCase *self,
                                        gboolean      autorizado)
{
  g_return_if_fail (EM_IS_TARIFF_CASE (self));
  self->has_autorizado = TRUE;
  self->autorizado = !!autorizado;
  changed (self);
}

void
em_tariff_case_unset_autorizado_explotar (EmTariffCase *self)
{
  g_return_if_fail (EM_IS_TARIFF_CASE (self));
  self->has_autorizado = FALSE;
  changed (self);
}

static gboolean
get_decimal (gboolean has, EmDecimal value, EmDecimal *out)
{
  if (out != NULL)
    *out = has ? value : 0;
  return has;
}

gboolean
em_tariff_case_get_area_hectareas (EmTariffCase *self,
                                   EmDecimal    *out)
{
  g_return_val_if_fail (EM_IS_TARIFF_CASE (self), FALSE);
  return get_decimal (self->has_area, self->area, out);
}

void
em_tariff_case_set_area_hectareas (EmTariffCase *self,
                                   EmDecimal     area)
{
  g_return_if_fail (EM_IS_TARIFF_CASE (self));
  self->has_area = TRUE;
  self->area = area;
  changed (self);
}

void
em_tariff_case_unset_area_hectareas (EmTariffCase *self)
{
  g_return_if_fail (EM_IS_TARIFF_CASE (self));
  self->has_area = FALSE;
  self->area = 0;
  changed (self);
}

gboolean
em_tariff_case_get_produccion_anual (EmTariffCase *self,
                                     EmDecimal    *out)
{
  g_return_val_if_fail (EM_IS_TARIFF_CASE (self), FALSE);
  return get_decimal (self->has_produccion, self->produccion, out);
}

void
em_tariff_case_set_produccion_anual (EmTariffCase *self,
                                     EmDecimal     produccion)
{
  g_return_if_fail (EM_IS_TARIFF_CASE (self));
  self->has_produccion = TRUE;
  self->produccion = produccion;
  changed (self);
}

void
em_tariff_case_unset_produccion_anual (EmTariffCase *self)
{
  g_return_if_fail (EM_IS_TARIFF_CASE (self));
  self->has_produccion = FALSE;
  self->produccion = 0;
  changed (self);
}

const char *
em_tariff_case_get_text (EmTariffCase *self,
                         EmTariffText  text)
{
  g_return_val_if_fail (EM_IS_TARIFF_CASE (self) && text < EM_N_TARIFF_TEXTS, NULL);
  return self->texts[text];
}

void
em_tariff_case_set_text (EmTariffCase *self,
                         EmTariffText  text,
                         const char   *value)
{
  g_return_if_fail (EM_IS_TARIFF_CASE (self) && text < EM_N_TARIFF_TEXTS);
  if (g_strcmp0 (self->texts[text], value) == 0)
    return;
  g_free (self->texts[text]);
  self->texts[text] = g_strdup (value);
  changed (self);
}

/* ---- Validation ---------------------------------------------------- */

static gboolean
fail (GError **error, const char *field, EmInputError code, const char *message)
{
  em_input_error_set (error, field, code, "%s", message);
  return FALSE;
}

static gboolean
lifts_measure (EmTariffCase *self)
{
  return self->medida != EM_MEDIDA_NINGUNA && self->levantamiento;
}

/* The compliance level decides the charge (criteria 2 and 3) exactly when
 * the title may exploit and criterion 1 has not already decided it. */
gboolean
em_tariff_case_needs_nivel (EmTariffCase *self)
{
  g_return_val_if_fail (EM_IS_TARIFF_CASE (self), FALSE);
  return em_tariff_case_get_autorizado_explotar (self) && !lifts_measure (self);
}

static gboolean
check_quantity (GError **error, const char *field, gboolean has, EmDecimal value, gboolean positive)
{
  if (has && value < 0)
    return fail (error, field, EM_INPUT_ERROR_INVALID, _("no puede ser negativo"));
  if (has && positive && value == 0)
    return fail (error, field, EM_INPUT_ERROR_INVALID, _("debe ser mayor que cero"));
  if (has && value > EM_TARIFF_CASE_MAX_QUANTITY)
    return fail (error, field, EM_INPUT_ERROR_INVALID,
                 _("es mayor que el máximo admitido, 1.000.000.000.000"));
  return TRUE;
}

static gboolean
check_by_area (EmTariffCase *self, GError **error)
{
  const char *why = _("solo se usa en la etapa de explotación; en exploración y en "
                      "construcción y montaje la clase del título se decide por hectáreas");

  if (!self->has_area)
    return fail (error, "area_hectareas", EM_INPUT_ERROR_INVALID,
                 _("es obligatorio en exploración y en construcción y montaje: "
                   "la clase del título se decide por hectáreas"));
  if (self->grupo != EM_GRUPO_NONE)
    return fail (error, "grupo_mineral", EM_INPUT_ERROR_IMPOSSIBLE, why);
  if (self->has_produccion)
    return fail (error, "produccion_anual", EM_INPUT_ERROR_IMPOSSIBLE, why);
  if (self->sistema != EM_SISTEMA_NONE && !em_tariff_case_get_autorizado_explotar (self))
    return fail (error, "sistema", EM_INPUT_ERROR_IMPOSSIBLE,
                 _("en exploración y en construcción y montaje solo se usa si el título "
                   "está autorizado para explotar («autorizado_explotar»: true)"));
  return check_quantity (error, "area_hectareas", TRUE, self->area, TRUE);
}

static gboolean
check_by_production (EmTariffCase *self, GError **error)
{
  const char *required = _("es obligatorio en la etapa de explotación: la clase del título "
                           "se decide por la producción anual según el mineral y el sistema");

  if (self->has_area)
    return fail (error, "area_hectareas", EM_INPUT_ERROR_IMPOSSIBLE,
                 _("no se usa en la etapa de explotación: la clase del título se decide "
                   "por la producción anual (Decreto 1666 de 2016)"));
  if (self->grupo == EM_GRUPO_NONE)
    return fail (error, "grupo_mineral", EM_INPUT_ERROR_INVALID, required);
  if (self->sistema == EM_SISTEMA_NONE)
    return fail (error, "sistema", EM_INPUT_ERROR_INVALID, required);
  if (!self->has_produccion)
    return fail (error, "produccion_anual", EM_INPUT_ERROR_INVALID, required);
  return check_quantity (error, "produccion_anual", TRUE, self->produccion, FALSE);
}

static gboolean
check_charge_fields (EmTariffCase *self, GError **error)
{
  if (self->levantamiento && self->medida == EM_MEDIDA_NINGUNA)
    return fail (error, "levantamiento_medida", EM_INPUT_ERROR_IMPOSSIBLE,
                 _("no hay medida que levantar: «medida_seguridad» es «ninguna»; "
                   "indique «suspension» o «cierre»"));
  if (em_tariff_case_needs_nivel (self) && self->nivel == EM_NIVEL_NONE)
    return fail (error, "nivel_cumplimiento", EM_INPUT_ERROR_INVALID,
                 _("hace falta para decidir el cobro: el título está autorizado para explotar, "
                   "y solo se cobra si su nivel de cumplimiento es bajo (criterios 2 y 3)"));
  if (em_tariff_case_needs_nivel (self) && self->nivel == EM_NIVEL_BAJO
      && self->sistema == EM_SISTEMA_NONE)
    return fail (error, "sistema", EM_INPUT_ERROR_INVALID,
                 _("hace falta para decidir el cobro: el título está autorizado para explotar "
                   "con nivel de cumplimiento bajo, y el SGR cubre 2 inspecciones de la minería "
                   "subterránea (criterio 2) pero 1 de la de superficie (criterio 3)"));
  if (self->numero < 1 || self->numero > EM_TARIFF_CASE_MAX_INSPECTION)
    return fail (error, "numero_inspeccion", EM_INPUT_ERROR_INVALID,
                 _("debe ser un número entero entre 1 y 1000"));
  return TRUE;
}

gboolean
em_tariff_case_validate (EmTariffCase  *self,
                         GError       **error)
{
  g_return_val_if_fail (EM_IS_TARIFF_CASE (self), FALSE);

  if (self->etapa == EM_ETAPA_NONE)
    return fail (error, "etapa", EM_INPUT_ERROR_INVALID,
                 _("es obligatorio: «exploracion», «construccion_montaje» o «explotacion»"));
  if (self->etapa == EM_ETAPA_EXPLOTACION ? !check_by_production (self, error)
                                          : !check_by_area (self, error))
    return FALSE;
  return check_charge_fields (self, error);
}
