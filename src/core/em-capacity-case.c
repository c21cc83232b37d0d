/* em-capacity-case.c — the input of a capacity evaluation
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A plain value holder: which amounts were given (absent ≠ zero), the
 * régimen and the identification.  em_capacity_case_validate() rejects
 * impossible data (Res. 208/2017 art. 2 parágrafo 2: information is given
 * under oath; contradictions are errors, never silently evaluated).
 */
#define G_LOG_DOMAIN "em-capacity-case"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "em-capacity-case.h"
#include "em-input-error.h"

struct _EmCapacityCase
{
  GObject        parent_instance;
  EmRegimen      regimen;
  EmTramite      tramite;
  EmTipoPersona  tipo_persona;
  EmRol          rol;
  GDate          fecha_radicacion;
  char          *texts[EM_N_TEXTS];
  EmMoney        amounts[EM_N_AMOUNTS];
  gboolean       has_amount[EM_N_AMOUNTS];
  gboolean       aval_financiero;
};

G_DEFINE_FINAL_TYPE (EmCapacityCase, em_capacity_case, G_TYPE_OBJECT)

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static const struct
{
  const char *field;
  const char *label;
  EmRegimen   regimen;
} amount_info[EM_N_AMOUNTS] = {
  { "ingresos_ultimo_ano", N_("Ingresos del último año gravable"), EM_REGIMEN_SIMPLIFICADO },
  { "saldo_promedio", N_("Saldo bancario promedio (últimos 3 meses)"), EM_REGIMEN_SIMPLIFICADO },
  { "cuentas_por_cobrar", N_("Cuentas por cobrar"), EM_REGIMEN_SIMPLIFICADO },
  { "inventario", N_("Inventario"), EM_REGIMEN_SIMPLIFICADO },
  { "cuentas_por_pagar", N_("Cuentas por pagar"), EM_REGIMEN_SIMPLIFICADO },
  { "monto_comercializacion_esperado", N_("Monto de comercialización esperado"), EM_REGIMEN_SIMPLIFICADO },
  { "activo_corriente", N_("Activo corriente"), EM_REGIMEN_COMUN },
  { "pasivo_corriente", N_("Pasivo corriente"), EM_REGIMEN_COMUN },
  { "activo_total", N_("Activo total"), EM_REGIMEN_COMUN },
  { "pasivo_total", N_("Pasivo total"), EM_REGIMEN_COMUN },
  { "ingresos_operacionales", N_("Ingresos operacionales"), EM_REGIMEN_COMUN },
};

static const char * const text_fields[EM_N_TEXTS] = {
  "radicado", "nombre", "tipo_documento", "numero_documento",
};

const char *
em_amount_get_field_name (EmAmount amount)
{
  g_return_val_if_fail (amount < EM_N_AMOUNTS, NULL);
  return amount_info[amount].field;
}

const char *
em_amount_get_label (EmAmount amount)
{
  g_return_val_if_fail (amount < EM_N_AMOUNTS, NULL);
  return _(amount_info[amount].label);
}

EmRegimen
em_amount_get_regimen (EmAmount amount)
{
  g_return_val_if_fail (amount < EM_N_AMOUNTS, EM_REGIMEN_NONE);
  return amount_info[amount].regimen;
}

const char *
em_text_get_field_name (EmText text)
{
  g_return_val_if_fail (text < EM_N_TEXTS, NULL);
  return text_fields[text];
}

/* The Spanish label of an input field, for messages ("Pasivo corriente"). */
const char *
em_capacity_field_label (const char *field)
{
  for (guint i = 0; i < EM_N_AMOUNTS; i++)
    if (g_strcmp0 (field, amount_info[i].field) == 0)
      return _(amount_info[i].label);
  return field;
}

const char *
em_regimen_to_string (EmRegimen regimen)
{
  static const char * const names[] = { NULL, "simplificado", "comun" };
  return names[regimen];
}

const char *
em_tramite_to_string (EmTramite tramite)
{
  static const char * const names[] = { NULL, "inscripcion", "renovacion" };
  return names[tramite];
}

const char *
em_tipo_persona_to_string (EmTipoPersona tipo)
{
  static const char * const names[] = { NULL, "natural", "juridica" };
  return names[tipo];
}

const char *
em_rol_to_string (EmRol rol)
{
  static const char * const names[] = { NULL, "comercializador", "planta_beneficio" };
  return names[rol];
}

static void
em_capacity_case_finalize (GObject *object)
{
  EmCapacityCase *self = EM_CAPACITY_CASE (object);

  for (guint i = 0; i < EM_N_TEXTS; i++)
    g_free (self->texts[i]);
  G_OBJECT_CLASS (em_capacity_case_parent_class)->finalize (object);
}

static void
em_capacity_case_class_init (EmCapacityCaseClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = em_capacity_case_finalize;

  /* Emitted after any field changes, so a form can re-evaluate live. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
em_capacity_case_init (EmCapacityCase *self)
{
  g_date_clear (&self->fecha_radicacion, 1);
}

EmCapacityCase *
em_capacity_case_new (void)
{
  return g_object_new (EM_TYPE_CAPACITY_CASE, NULL);
}

EmCapacityCase *
em_capacity_case_copy (EmCapacityCase *self)
{
  EmCapacityCase *copy = em_capacity_case_new ();

  g_return_val_if_fail (EM_IS_CAPACITY_CASE (self), NULL);

  copy->regimen = self->regimen;
  copy->tramite = self->tramite;
  copy->tipo_persona = self->tipo_persona;
  copy->rol = self->rol;
  copy->fecha_radicacion = self->fecha_radicacion;
  copy->aval_financiero = self->aval_financiero;
  for (guint i = 0; i < EM_N_TEXTS; i++)
    copy->texts[i] = g_strdup (self->texts[i]);
  memcpy (copy->amounts, self->amounts, sizeof self->amounts);
  memcpy (copy->has_amount, self->has_amount, sizeof self->has_amount);
  return copy;
}

static void
changed (EmCapacityCase *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

#define DEFINE_ENUM_ACCESSORS(Type, name)                                   \
  Type em_capacity_case_get_##name (EmCapacityCase *self)                   \
  {                                                                         \
    g_return_val_if_fail (EM_IS_CAPACITY_CASE (self), 0);                   \
    return self->name;                                                      \
  }                                                                         \
  void em_capacity_case_set_##name (EmCapacityCase *self, Type value)       \
  {                                                                         \
    g_return_if_fail (EM_IS_CAPACITY_CASE (self));                          \
    if (self->name == value)                                                \
      return;                                                               \
    self->name = value;                                                     \
    changed (self);                                                         \
  }

DEFINE_ENUM_ACCESSORS (EmRegimen, regimen)
DEFINE_ENUM_ACCESSORS (EmTramite, tramite)
DEFINE_ENUM_ACCESSORS (EmTipoPersona, tipo_persona)
DEFINE_ENUM_ACCESSORS (EmRol, rol)
DEFINE_ENUM_ACCESSORS (gboolean, aval_financiero)

gboolean
em_capacity_case_get_fecha_radicacion (EmCapacityCase *self,
                                       GDate          *out)
{
  g_return_val_if_fail (EM_IS_CAPACITY_CASE (self), FALSE);
  *out = self->fecha_radicacion;
  return g_date_valid (&self->fecha_radicacion);
}

void
em_capacity_case_set_fecha_radicacion (EmCapacityCase *self,
                                       const GDate    *date)
{
  g_return_if_fail (EM_IS_CAPACITY_CASE (self));
  if (date == NULL || !g_date_valid (date))
    g_date_clear (&self->fecha_radicacion, 1);
  else
    self->fecha_radicacion = *date;
  changed (self);
}

const char *
em_capacity_case_get_text (EmCapacityCase *self,
                           EmText          text)
{
  g_return_val_if_fail (EM_IS_CAPACITY_CASE (self) && text < EM_N_TEXTS, NULL);
  return self->texts[text];
}

void
em_capacity_case_set_text (EmCapacityCase *self,
                           EmText          text,
                           const char     *value)
{
  g_return_if_fail (EM_IS_CAPACITY_CASE (self) && text < EM_N_TEXTS);
  if (g_strcmp0 (self->texts[text], value) == 0)
    return;
  g_free (self->texts[text]);
  self->texts[text] = g_strdup (value);
  changed (self);
}

gboolean
em_capacity_case_get_amount (EmCapacityCase *self,
                             EmAmount        amount,
                             EmMoney        *out)
{
  g_return_val_if_fail (EM_IS_CAPACITY_CASE (self) && amount < EM_N_AMOUNTS, FALSE);
  if (out != NULL)
    *out = self->has_amount[amount] ? self->amounts[amount] : 0;
  return self->has_amount[amount];
}

void
em_capacity_case_set_amount (EmCapacityCase *self,
                             EmAmount        amount,
                             EmMoney         value)
{
  g_return_if_fail (EM_IS_CAPACITY_CASE (self) && amount < EM_N_AMOUNTS);
  self->has_amount[amount] = TRUE;
  self->amounts[amount] = value;
  changed (self);
}

void
em_capacity_case_unset_amount (EmCapacityCase *self,
                               EmAmount        amount)
{
  g_return_if_fail (EM_IS_CAPACITY_CASE (self) && amount < EM_N_AMOUNTS);
  if (!self->has_amount[amount])
    return;
  self->has_amount[amount] = FALSE;
  self->amounts[amount] = 0;
  changed (self);
}

static gboolean
check_amounts (EmCapacityCase *self, GError **error)
{
  for (guint i = 0; i < EM_N_AMOUNTS; i++)
    {
      if (!self->has_amount[i])
        continue;
      if (self->amounts[i] < 0)
        return em_input_error_set (error, amount_info[i].field, EM_INPUT_ERROR_INVALID,
                                   _("no puede ser negativo")), FALSE;
      if (self->amounts[i] > EM_MONEY_MAX)
        return em_input_error_set (error, amount_info[i].field, EM_INPUT_ERROR_INVALID,
                                   _("supera el máximo de $ 1.000.000.000.000.000")), FALSE;
      if (amount_info[i].regimen != self->regimen)
        return em_input_error_set (error, amount_info[i].field, EM_INPUT_ERROR_IMPOSSIBLE,
                                   _("no corresponde al régimen %s"),
                                   self->regimen == EM_REGIMEN_COMUN ? _("común") : _("simplificado")), FALSE;
    }
  return TRUE;
}

/* A part cannot exceed its whole. */
static gboolean
check_part_of_whole (EmCapacityCase *self, EmAmount part, EmAmount whole, GError **error)
{
  g_autofree char *part_text = NULL;
  g_autofree char *whole_text = NULL;

  if (!self->has_amount[part] || !self->has_amount[whole]
      || self->amounts[part] <= self->amounts[whole])
    return TRUE;
  part_text = em_money_format (self->amounts[part]);
  whole_text = em_money_format (self->amounts[whole]);
  if (part == EM_AMOUNT_ACTIVO_CORRIENTE)
    em_input_error_set (error, amount_info[part].field, EM_INPUT_ERROR_IMPOSSIBLE,
                        _("el activo corriente (%s) no puede ser mayor que el activo total (%s)"),
                        part_text, whole_text);
  else
    em_input_error_set (error, amount_info[part].field, EM_INPUT_ERROR_IMPOSSIBLE,
                        _("el pasivo corriente (%s) no puede ser mayor que el pasivo total (%s)"),
                        part_text, whole_text);
  return FALSE;
}

gboolean
em_capacity_case_validate (EmCapacityCase  *self,
                           GError         **error)
{
  g_return_val_if_fail (EM_IS_CAPACITY_CASE (self), FALSE);

  if (self->regimen == EM_REGIMEN_NONE)
    return em_input_error_set (error, "regimen", EM_INPUT_ERROR_INVALID,
                               _("es obligatorio: «simplificado» o «comun»")), FALSE;
  if (self->regimen == EM_REGIMEN_SIMPLIFICADO && self->tipo_persona == EM_PERSONA_JURIDICA)
    return em_input_error_set (error, "tipo_persona", EM_INPUT_ERROR_IMPOSSIBLE,
                               _("el régimen simplificado es solo para personas naturales")), FALSE;
  if (self->regimen == EM_REGIMEN_SIMPLIFICADO && self->aval_financiero)
    return em_input_error_set (error, "aval_financiero", EM_INPUT_ERROR_IMPOSSIBLE,
                               _("el aval financiero solo se considera en el régimen común")), FALSE;
  return check_amounts (self, error)
         && check_part_of_whole (self, EM_AMOUNT_ACTIVO_CORRIENTE, EM_AMOUNT_ACTIVO_TOTAL, error)
         && check_part_of_whole (self, EM_AMOUNT_PASIVO_CORRIENTE, EM_AMOUNT_PASIVO_TOTAL, error);
}
