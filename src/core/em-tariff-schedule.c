/* em-tariff-schedule.c — loading and validating tarifario files
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The annex gives the structure of the fee (Tarifa = TPM + C + ER + D) but
 * not the official values, so they come from a tarifario file (CONTRACT.md,
 * «Tarifario file»): valor_dia, the share of each component (rubros, by
 * PIN / NO PIN) and its factor, looked up by one attribute of the title.
 *
 * A file is checked completely when loaded, so evaluating never fails on
 * it: every error names its place ("factores.ER.valores: falta la clave
 * «arrastre» y no hay «*»"); the four shares of each group must add up to
 * exactly 1 (they split one cost, annex Tabla 1); every title must find a
 * factor, by its own key or by the fallback "*".
 */
#define G_LOG_DOMAIN "em-tariff-schedule"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "em-core-resources.h"
#include "em-date.h"
#include "em-json-check.h"
#include "em-tariff-schedule.h"

#define RESOURCE_DIR "/co/gov/anm/EvaluadorMinero/tarifarios/"
#define FALLBACK_KEY "*"

typedef struct
{
  EmTariffAttribute  attribute;
  GHashTable        *values;      /* key → EmDecimal * */
} Factor;

struct _EmTariffSchedule
{
  GObject    parent_instance;
  char      *id;
  char      *name;
  char      *sha256;
  gboolean   official;
  GDate      from;
  GDate      until;               /* invalid when open-ended */
  EmMoney    valor_dia;
  EmDecimal  rubros[2][EM_N_COMPONENTS];   /* [0] no_pin, [1] pin */
  Factor     factors[EM_N_COMPONENTS];
};

G_DEFINE_FINAL_TYPE (EmTariffSchedule, em_tariff_schedule, G_TYPE_OBJECT)

static const char * const rubro_groups[] = { "no_pin", "pin" };

static void
em_tariff_schedule_finalize (GObject *object)
{
  EmTariffSchedule *self = EM_TARIFF_SCHEDULE (object);

  g_free (self->id);
  g_free (self->name);
  g_free (self->sha256);
  for (guint i = 0; i < EM_N_COMPONENTS; i++)
    g_clear_pointer (&self->factors[i].values, g_hash_table_unref);
  G_OBJECT_CLASS (em_tariff_schedule_parent_class)->finalize (object);
}

static void
em_tariff_schedule_class_init (EmTariffScheduleClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = em_tariff_schedule_finalize;
}

static void
em_tariff_schedule_init (EmTariffSchedule *self)
{
  g_date_clear (&self->from, 1);
  g_date_clear (&self->until, 1);
}

/* ---- Reading the file ---------------------------------------------- */

static gboolean
read_identity (EmTariffSchedule *self, JsonObject *root, GError **error)
{
  const char *id = em_json_check_string (root, "", "id", FALSE, error);
  g_autofree char *trimmed = NULL;
  const char *name;

  if (id == NULL)
    return FALSE;
  if (id[0] == '\0' || strspn (id, "abcdefghijklmnopqrstuvwxyz0123456789-_.") != strlen (id))
    return em_json_check_fail (error, "", "id",
                               _("«%s» no sirve como identificador: use minúsculas, cifras y guiones"),
                               id), FALSE;
  if ((name = em_json_check_string (root, "", "nombre", FALSE, error)) == NULL)
    return FALSE;
  if (g_strstrip (trimmed = g_strdup (name))[0] == '\0')
    return em_json_check_fail (error, "", "nombre", _("no puede estar vacío")), FALSE;
  self->id = g_strdup (id);
  self->name = g_strdup (name);
  return em_json_check_boolean (root, "", "oficial", &self->official, error);
}

static gboolean
read_validity (EmTariffSchedule *self, JsonObject *root, GError **error)
{
  static const char * const keys[] = { "desde", "hasta", NULL };
  JsonObject *vigencia = em_json_check_object (root, "", "vigencia", error);

  if (vigencia == NULL || !em_json_check_keys (vigencia, "vigencia", keys, error)
      || !em_json_check_date (vigencia, "vigencia", "desde", FALSE, &self->from, error)
      || !em_json_check_date (vigencia, "vigencia", "hasta", TRUE, &self->until, error))
    return FALSE;
  if (g_date_valid (&self->until) && g_date_compare (&self->until, &self->from) < 0)
    return em_json_check_fail (error, "vigencia", "hasta", _("es anterior a «desde»")), FALSE;
  return TRUE;
}

static gboolean
read_valor_dia (EmTariffSchedule *self, JsonObject *root, GError **error)
{
  g_autoptr(GError) local_error = NULL;
  const char *text = em_json_check_string (root, "", "valor_dia", FALSE, error);

  if (text == NULL)
    return FALSE;
  if (!em_number_parse_scaled (text, EM_NUMBER_PLAIN, 2, EM_TARIFF_SCHEDULE_MAX_VALOR_DIA,
                               &self->valor_dia, &local_error))
    {
      if (g_error_matches (local_error, EM_NUMBER_ERROR, EM_NUMBER_ERROR_RANGE))
        return em_json_check_fail (error, "", "valor_dia",
                                   _("«%s» es mayor que el máximo admitido, $ 1.000.000.000.000"),
                                   text), FALSE;
      return em_json_check_fail (error, "", "valor_dia", _("%s (pesos, hasta 2 decimales)"),
                                 local_error->message), FALSE;
    }
  if (self->valor_dia == 0)
    return em_json_check_fail (error, "", "valor_dia", _("debe ser mayor que cero")), FALSE;
  return TRUE;
}

static gboolean
read_rubro_group (EmTariffSchedule *self, guint group, JsonObject *rubros, GError **error)
{
  g_autofree char *path = em_json_check_join ("rubros", rubro_groups[group]);
  JsonObject *object = em_json_check_object (rubros, "rubros", rubro_groups[group], error);
  EmDecimal sum = 0;

  if (object == NULL || !em_json_check_keys (object, path, em_tariff_component_ids (), error))
    return FALSE;
  for (guint c = 0; c < EM_N_COMPONENTS; c++)
    {
      if (!em_json_check_decimal (object, path, em_tariff_component_to_string (c),
                                  EM_DECIMAL_ONE, &self->rubros[group][c], error))
        return FALSE;
      sum += self->rubros[group][c];
    }
  if (sum != EM_DECIMAL_ONE)
    {
      g_autofree char *shown = em_decimal_to_string (sum);
      return em_json_check_fail (error, path, NULL,
                                 _("los cuatro rubros suman %s y deben sumar 1 "
                                   "(reparten el costo de la inspección, anexo técnico, Tabla 1)"),
                                 shown), FALSE;
    }
  return TRUE;
}

static gboolean
read_rubros (EmTariffSchedule *self, JsonObject *root, GError **error)
{
  static const char * const keys[] = { "pin", "no_pin", NULL };
  JsonObject *rubros = em_json_check_object (root, "", "rubros", error);

  return rubros != NULL
         && em_json_check_keys (rubros, "rubros", keys, error)
         && read_rubro_group (self, 1, rubros, error)
         && read_rubro_group (self, 0, rubros, error);
}

static gboolean
read_attribute (Factor *factor, JsonObject *object, const char *path, GError **error)
{
  const char *por = em_json_check_string (object, path, "por", FALSE, error);
  g_autofree char *choices = NULL;

  if (por == NULL)
    return FALSE;
  if (em_tariff_attribute_parse (por, &factor->attribute))
    return TRUE;
  choices = em_tariff_ids_describe (em_tariff_attribute_ids ());
  return em_json_check_fail (error, path, "por", _("«%s» no es un atributo del título: use %s"),
                             por, choices), FALSE;
}

/* "«pequena», «mediana», «gran» o «*»" */
static char *
describe_keys (const char * const *keys)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) allowed = NULL;

  g_strv_builder_addv (builder, (const char **) keys);
  g_strv_builder_add (builder, FALLBACK_KEY);
  allowed = g_strv_builder_end (builder);
  return em_tariff_ids_describe ((const char * const *) allowed);
}

static gboolean
read_factor_value (Factor *factor, JsonObject *valores, const char *path, const char *key,
                   GError **error)
{
  const char * const *keys = em_tariff_attribute_get_keys (factor->attribute);
  EmDecimal value;

  if (!g_str_equal (key, FALLBACK_KEY) && !g_strv_contains (keys, key))
    {
      g_autofree char *choices = describe_keys (keys);
      return em_json_check_fail (error, path, key, _("clave desconocida con «por»: «%s»; use %s"),
                                 em_tariff_attribute_to_string (factor->attribute), choices), FALSE;
    }
  if (!em_json_check_decimal (valores, path, key, EM_TARIFF_SCHEDULE_MAX_FACTOR, &value, error))
    return FALSE;
  g_hash_table_insert (factor->values, g_strdup (key), g_memdup2 (&value, sizeof value));
  return TRUE;
}

/* Every title must find its factor: its own key, or "*". */
static gboolean
check_factor_coverage (Factor *factor, const char *path, GError **error)
{
  const char * const *keys = em_tariff_attribute_get_keys (factor->attribute);

  if (g_hash_table_contains (factor->values, FALLBACK_KEY))
    return TRUE;
  for (guint i = 0; keys[i] != NULL; i++)
    if (!g_hash_table_contains (factor->values, keys[i]))
      return em_json_check_fail (error, path, NULL, _("falta la clave «%s» y no hay «*»"),
                                 keys[i]), FALSE;
  if (em_tariff_attribute_may_be_absent (factor->attribute))
    return em_json_check_fail (error, path, NULL,
                               _("falta la clave «*», la de los títulos sin sistema de explotación "
                                 "(exploración y construcción y montaje no autorizados para explotar)")),
           FALSE;
  return TRUE;
}

static gboolean
read_factor (EmTariffSchedule *self, EmTariffComponent component, JsonObject *factores,
             GError **error)
{
  static const char * const keys[] = { "por", "valores", NULL };
  const char *id = em_tariff_component_to_string (component);
  g_autofree char *path = em_json_check_join ("factores", id);
  g_autofree char *values_path = em_json_check_join (path, "valores");
  Factor *factor = &self->factors[component];
  JsonObject *object = em_json_check_object (factores, "factores", id, error);
  JsonObject *valores;
  g_autoptr(GList) members = NULL;

  if (object == NULL || !em_json_check_keys (object, path, keys, error)
      || !read_attribute (factor, object, path, error)
      || (valores = em_json_check_object (object, path, "valores", error)) == NULL)
    return FALSE;
  factor->values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  members = json_object_get_members (valores);
  for (GList *l = members; l != NULL; l = l->next)
    if (!read_factor_value (factor, valores, values_path, l->data, error))
      return FALSE;
  return check_factor_coverage (factor, values_path, error);
}

static gboolean
read_factors (EmTariffSchedule *self, JsonObject *root, GError **error)
{
  JsonObject *factores = em_json_check_object (root, "", "factores", error);

  if (factores == NULL || !em_json_check_keys (factores, "factores", em_tariff_component_ids (), error))
    return FALSE;
  for (guint c = 0; c < EM_N_COMPONENTS; c++)
    if (!read_factor (self, c, factores, error))
      return FALSE;
  return TRUE;
}

static gboolean
read_schedule (EmTariffSchedule *self, JsonObject *root, GError **error)
{
  static const char * const keys[] = {
    "id", "nombre", "oficial", "vigencia", "valor_dia", "rubros", "factores", NULL
  };

  return em_json_check_keys (root, "", keys, error)
         && read_identity (self, root, error)
         && read_validity (self, root, error)
         && read_valor_dia (self, root, error)
         && read_rubros (self, root, error)
         && read_factors (self, root, error);
}

EmTariffSchedule *
em_tariff_schedule_new_from_bytes (GBytes  *bytes,
                                   GError **error)
{
  g_autoptr(EmTariffSchedule) self = g_object_new (EM_TYPE_TARIFF_SCHEDULE, NULL);
  g_autoptr(JsonObject) root = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);

  if ((root = em_json_check_parse_object (bytes, error)) == NULL
      || !read_schedule (self, root, error))
    return NULL;
  self->sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  return g_steal_pointer (&self);
}

EmTariffSchedule *
em_tariff_schedule_new_from_file (GFile   *file,
                                  GError **error)
{
  return em_data_file_load_file (file, (EmDataFileReader) em_tariff_schedule_new_from_bytes,
                                 _("No se pudo leer el tarifario «%s»: %s"), _("Tarifario «%s» no válido: %s"), error);
}

char **
em_tariff_schedule_list_builtin (void)
{
  return em_data_file_list_builtin (RESOURCE_DIR);
}

EmTariffSchedule *
em_tariff_schedule_new_builtin (const char *id,
                                GError    **error)
{
  return em_data_file_load_builtin (RESOURCE_DIR, id, (EmDataFileReader) em_tariff_schedule_new_from_bytes,
                                    _("No hay un tarifario incorporado con el identificador «%s»"), error);
}

/* ---- Reading values ------------------------------------------------ */

const char *
em_tariff_schedule_get_id (EmTariffSchedule *self)
{
  g_return_val_if_fail (EM_IS_TARIFF_SCHEDULE (self), NULL);
  return self->id;
}

const char *
em_tariff_schedule_get_name (EmTariffSchedule *self)
{
  g_return_val_if_fail (EM_IS_TARIFF_SCHEDULE (self), NULL);
  return self->name;
}

const char *
em_tariff_schedule_get_sha256 (EmTariffSchedule *self)
{
  g_return_val_if_fail (EM_IS_TARIFF_SCHEDULE (self), NULL);
  return self->sha256;
}

gboolean
em_tariff_schedule_is_official (EmTariffSchedule *self)
{
  g_return_val_if_fail (EM_IS_TARIFF_SCHEDULE (self), FALSE);
  return self->official;
}

void
em_tariff_schedule_get_validity (EmTariffSchedule *self,
                                 GDate            *from,
                                 GDate            *until)
{
  g_return_if_fail (EM_IS_TARIFF_SCHEDULE (self));
  *from = self->from;
  *until = self->until;
}

/* "del 01/01/2024 al 31/12/2024", or "desde el 01/01/2024" when open-ended. */
char *
em_tariff_schedule_describe_validity (EmTariffSchedule *self)
{
  g_autofree char *from = NULL;
  g_autofree char *until = NULL;

  g_return_val_if_fail (EM_IS_TARIFF_SCHEDULE (self), NULL);

  from = em_date_format_user (&self->from);
  if (!g_date_valid (&self->until))
    return g_strdup_printf (_("desde el %s"), from);
  until = em_date_format_user (&self->until);
  return g_strdup_printf (_("del %s al %s"), from, until);
}

EmMoney
em_tariff_schedule_get_valor_dia (EmTariffSchedule *self)
{
  g_return_val_if_fail (EM_IS_TARIFF_SCHEDULE (self), 0);
  return self->valor_dia;
}

EmDecimal
em_tariff_schedule_get_rubro (EmTariffSchedule  *self,
                              gboolean           pin,
                              EmTariffComponent  component)
{
  g_return_val_if_fail (EM_IS_TARIFF_SCHEDULE (self) && component < EM_N_COMPONENTS, 0);
  return self->rubros[pin ? 1 : 0][component];
}

EmTariffAttribute
em_tariff_schedule_get_factor_attribute (EmTariffSchedule  *self,
                                         EmTariffComponent  component)
{
  g_return_val_if_fail (EM_IS_TARIFF_SCHEDULE (self) && component < EM_N_COMPONENTS, 0);
  return self->factors[component].attribute;
}

/* The factor for the title's key, or the fallback "*" (always one of them:
 * check_factor_coverage). */
EmDecimal
em_tariff_schedule_lookup_factor (EmTariffSchedule  *self,
                                  EmTariffComponent  component,
                                  const EmTitleKeys *keys,
                                  const char       **key_used)
{
  const Factor *factor;
  const char *key;
  const EmDecimal *value;

  g_return_val_if_fail (EM_IS_TARIFF_SCHEDULE (self) && component < EM_N_COMPONENTS, 0);

  factor = &self->factors[component];
  key = em_title_keys_lookup (keys, factor->attribute);
  value = key != NULL ? g_hash_table_lookup (factor->values, key) : NULL;
  if (value == NULL)
    {
      key = FALLBACK_KEY;
      value = g_hash_table_lookup (factor->values, key);
    }
  g_assert (value != NULL);
  if (key_used != NULL)
    *key_used = key;
  return *value;
}
