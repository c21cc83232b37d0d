/* em-rule-set.c — loading and validating capacity rule-set files
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A rule set is data with a validity period: CE, rotation days, the four
 * thresholds, which indicators an aval financiero covers, and the legal
 * basis of each.  The shipped ones are in the core's GResource; any other
 * file of the same format can be loaded (CONTRACT.md, «Capacity rule-set
 * file»).  A new resolution is a new file, never new code.
 */
#define G_LOG_DOMAIN "em-rule-set"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "em-core-resources.h"
#include "em-date.h"
#include "em-json-check.h"
#include "em-rule-set.h"

#define RESOURCE_DIR "/co/gov/anm/EvaluadorMinero/reglas/"

struct _EmRuleSet
{
  GObject      parent_instance;
  char        *id;
  char        *name;
  char        *sha256;
  GDate        from;
  GDate        until;       /* invalid when open-ended */
  EmDecimal    debt_capacity;
  guint        days[3];
  EmThreshold  thresholds[EM_N_INDICATORS];
  char        *bases[EM_N_INDICATORS];
  char        *other_bases[EM_N_BASES];
  gboolean     aval_covers[EM_N_INDICATORS];
};

G_DEFINE_FINAL_TYPE (EmRuleSet, em_rule_set, G_TYPE_OBJECT)

static const char * const indicator_ids[EM_N_INDICATORS] = {
  "cobertura_inversion", "liquidez", "capital_trabajo", "endeudamiento",
};
static const char * const basis_ids[EM_N_BASES] = {
  "aval_financiero", "informacion_incompleta", "no_subsanable",
};
static const char * const day_ids[3] = { "cartera", "inventario", "proveedores" };

const char *
em_indicator_id_to_string (EmIndicatorId id)
{
  g_return_val_if_fail (id < EM_N_INDICATORS, NULL);
  return indicator_ids[id];
}

gboolean
em_indicator_id_parse (const char    *text,
                       EmIndicatorId *out)
{
  for (guint i = 0; i < EM_N_INDICATORS; i++)
    if (g_strcmp0 (text, indicator_ids[i]) == 0)
      return *out = i, TRUE;
  return FALSE;
}

static void
em_rule_set_finalize (GObject *object)
{
  EmRuleSet *self = EM_RULE_SET (object);

  g_free (self->id);
  g_free (self->name);
  g_free (self->sha256);
  for (guint i = 0; i < EM_N_INDICATORS; i++)
    g_free (self->bases[i]);
  for (guint i = 0; i < EM_N_BASES; i++)
    g_free (self->other_bases[i]);
  G_OBJECT_CLASS (em_rule_set_parent_class)->finalize (object);
}

static void
em_rule_set_class_init (EmRuleSetClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = em_rule_set_finalize;
}

static void
em_rule_set_init (EmRuleSet *self)
{
  g_date_clear (&self->from, 1);
  g_date_clear (&self->until, 1);
}

static gboolean
read_identity (EmRuleSet *self, JsonObject *root, GError **error)
{
  const char *id = em_json_check_string (root, "", "id", FALSE, error);
  g_autofree char *trimmed = NULL;
  const char *name;

  if (id == NULL)
    return FALSE;
  if (id[0] == '\0' || strspn (id, "abcdefghijklmnopqrstuvwxyz0123456789-_.") != strlen (id))
    {
      em_json_check_fail (error, "", "id",
                          _("«%s» no sirve como identificador: use minúsculas, cifras y guiones"), id);
      return FALSE;
    }
  if ((name = em_json_check_string (root, "", "nombre", FALSE, error)) == NULL)
    return FALSE;
  if (g_strstrip (trimmed = g_strdup (name))[0] == '\0')
    return em_json_check_fail (error, "", "nombre", _("no puede estar vacío")), FALSE;
  self->id = g_strdup (id);
  self->name = g_strdup (name);
  return TRUE;
}

static gboolean
read_validity (EmRuleSet *self, JsonObject *root, GError **error)
{
  static const char * const keys[] = { "desde", "hasta", NULL };
  JsonObject *vigencia = em_json_check_object (root, "", "vigencia", error);

  if (vigencia == NULL || !em_json_check_keys (vigencia, "vigencia", keys, error)
      || !em_json_check_date (vigencia, "vigencia", "desde", FALSE, &self->from, error)
      || !em_json_check_date (vigencia, "vigencia", "hasta", TRUE, &self->until, error))
    return FALSE;
  if (g_date_valid (&self->until) && g_date_compare (&self->until, &self->from) < 0)
    {
      em_json_check_fail (error, "vigencia", "hasta", _("es anterior a «desde»"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_rotation (EmRuleSet *self, JsonObject *root, GError **error)
{
  JsonObject *days = em_json_check_object (root, "", "dias_rotacion", error);
  static const char * const keys[] = { "cartera", "inventario", "proveedores", NULL };

  if (days == NULL || !em_json_check_keys (days, "dias_rotacion", keys, error))
    return FALSE;
  for (guint i = 0; i < 3; i++)
    {
      gint64 value;
      if (!em_json_check_integer (days, "dias_rotacion", day_ids[i], 0,
                                  EM_RULE_SET_MAX_DAYS, &value, error))
        return FALSE;
      self->days[i] = value;
    }
  return TRUE;
}

static gboolean
read_threshold (EmRuleSet *self, JsonObject *umbrales, EmIndicatorId id, GError **error)
{
  static const char * const keys[] = { "comparacion", "valor", NULL };
  g_autofree char *path = em_json_check_join ("umbrales", indicator_ids[id]);
  JsonObject *threshold = em_json_check_object (umbrales, "umbrales", indicator_ids[id], error);
  const char *op;

  if (threshold == NULL || !em_json_check_keys (threshold, path, keys, error)
      || (op = em_json_check_string (threshold, path, "comparacion", FALSE, error)) == NULL)
    return FALSE;
  if (!em_comparison_parse (op, &self->thresholds[id].op))
    {
      em_json_check_fail (error, path, "comparacion",
                          _("«%s» no es una comparación: use «>=», «>», «<=» o «<»"), op);
      return FALSE;
    }
  return em_json_check_decimal (threshold, path, "valor", EM_RULE_SET_MAX_THRESHOLD,
                                &self->thresholds[id].value, error);
}

static gboolean
read_thresholds (EmRuleSet *self, JsonObject *root, GError **error)
{
  JsonObject *umbrales = em_json_check_object (root, "", "umbrales", error);
  static const char * const keys[] = {
    "cobertura_inversion", "liquidez", "capital_trabajo", "endeudamiento", NULL
  };

  if (umbrales == NULL || !em_json_check_keys (umbrales, "umbrales", keys, error))
    return FALSE;
  for (guint i = 0; i < EM_N_INDICATORS; i++)
    if (!read_threshold (self, umbrales, i, error))
      return FALSE;
  return TRUE;
}

/* Optional: absent means the Res. 208/2017 reading (liquidez, capital de trabajo). */
static gboolean
read_aval (EmRuleSet *self, JsonObject *root, GError **error)
{
  JsonNode *node = json_object_get_member (root, "aval_cubre");
  JsonArray *list;

  self->aval_covers[EM_INDICATOR_LIQUIDEZ] = node == NULL;
  self->aval_covers[EM_INDICATOR_CAPITAL_TRABAJO] = node == NULL;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return em_json_check_fail (error, "", "aval_cubre", _("debe ser una lista de indicadores")), FALSE;
  list = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonNode *item = json_array_get_element (list, i);
      const char *text = JSON_NODE_HOLDS_VALUE (item) ? json_node_get_string (item) : NULL;
      EmIndicatorId id;

      if (!em_indicator_id_parse (text, &id) || id == EM_INDICATOR_COBERTURA_INVERSION)
        return em_json_check_fail (error, "", "aval_cubre",
                                   _("el elemento %u no es «liquidez», «capital_trabajo» ni «endeudamiento»"),
                                   i + 1), FALSE;
      self->aval_covers[id] = TRUE;
    }
  return TRUE;
}

static gboolean
read_bases (EmRuleSet *self, JsonObject *root, GError **error)
{
  JsonObject *bases;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) keys = NULL;

  if (!json_object_has_member (root, "fundamentos"))
    bases = NULL;
  else if ((bases = em_json_check_object (root, "", "fundamentos", error)) == NULL)
    return FALSE;
  /* The id arrays are not NULL-terminated: add them one by one. */
  for (guint i = 0; i < EM_N_INDICATORS; i++)
    g_strv_builder_add (builder, indicator_ids[i]);
  for (guint i = 0; i < EM_N_BASES; i++)
    g_strv_builder_add (builder, basis_ids[i]);
  keys = g_strv_builder_end (builder);
  if (bases != NULL && !em_json_check_keys (bases, "fundamentos", (const char * const *) keys, error))
    return FALSE;
  for (guint i = 0; i < EM_N_INDICATORS + EM_N_BASES; i++)
    {
      g_autoptr(GError) local_error = NULL;
      const char *text = bases ? em_json_check_string (bases, "fundamentos", keys[i], TRUE, &local_error) : NULL;
      char **slot = i < EM_N_INDICATORS ? &self->bases[i] : &self->other_bases[i - EM_N_INDICATORS];

      if (local_error != NULL)
        return g_propagate_error (error, g_steal_pointer (&local_error)), FALSE;
      *slot = g_strdup (text != NULL && text[0] != '\0' ? text : self->name);
    }
  return TRUE;
}

static gboolean
read_rule_set (EmRuleSet *self, JsonObject *root, GError **error)
{
  static const char * const keys[] = {
    "id", "nombre", "vigencia", "capacidad_endeudamiento", "dias_rotacion",
    "umbrales", "aval_cubre", "fundamentos", NULL
  };

  return em_json_check_keys (root, "", keys, error)
         && read_identity (self, root, error)
         && read_validity (self, root, error)
         && em_json_check_decimal (root, "", "capacidad_endeudamiento",
                                   EM_RULE_SET_MAX_CE, &self->debt_capacity, error)
         && read_rotation (self, root, error)
         && read_thresholds (self, root, error)
         && read_aval (self, root, error)
         && read_bases (self, root, error);
}

EmRuleSet *
em_rule_set_new_from_bytes (GBytes  *bytes,
                            GError **error)
{
  g_autoptr(EmRuleSet) self = g_object_new (EM_TYPE_RULE_SET, NULL);
  g_autoptr(JsonObject) root = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);

  if ((root = em_json_check_parse_object (bytes, error)) == NULL
      || !read_rule_set (self, root, error))
    return NULL;
  self->sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  return g_steal_pointer (&self);
}

EmRuleSet *
em_rule_set_new_from_file (GFile   *file,
                           GError **error)
{
  return em_data_file_load_file (file, (EmDataFileReader) em_rule_set_new_from_bytes,
                                 _("No se pudo leer el archivo de reglas «%s»: %s"), _("Archivo de reglas «%s» no válido: %s"), error);
}

char **
em_rule_set_list_builtin (void)
{
  return em_data_file_list_builtin (RESOURCE_DIR);
}

EmRuleSet *
em_rule_set_new_builtin (const char *id,
                         GError    **error)
{
  return em_data_file_load_builtin (RESOURCE_DIR, id, (EmDataFileReader) em_rule_set_new_from_bytes,
                                    _("No hay un conjunto de reglas incorporado con el identificador «%s»"), error);
}

const char *
em_rule_set_get_id (EmRuleSet *self)
{
  g_return_val_if_fail (EM_IS_RULE_SET (self), NULL);
  return self->id;
}

const char *
em_rule_set_get_name (EmRuleSet *self)
{
  g_return_val_if_fail (EM_IS_RULE_SET (self), NULL);
  return self->name;
}

const char *
em_rule_set_get_sha256 (EmRuleSet *self)
{
  g_return_val_if_fail (EM_IS_RULE_SET (self), NULL);
  return self->sha256;
}

void
em_rule_set_get_validity (EmRuleSet *self,
                          GDate     *from,
                          GDate     *until)
{
  g_return_if_fail (EM_IS_RULE_SET (self));
  *from = self->from;
  *until = self->until;
}

gboolean
em_rule_set_covers_date (EmRuleSet   *self,
                         const GDate *date)
{
  g_return_val_if_fail (EM_IS_RULE_SET (self), FALSE);
  g_return_val_if_fail (g_date_valid (date), FALSE);

  if (g_date_compare (date, &self->from) < 0)
    return FALSE;
  return !g_date_valid (&self->until) || g_date_compare (date, &self->until) <= 0;
}

/* "del 27/04/2017 al 19/04/2018", or "desde el 01/01/2024" when open-ended. */
char *
em_rule_set_describe_validity (EmRuleSet *self)
{
  g_autofree char *from = em_date_format_user (&self->from);
  g_autofree char *until = NULL;

  if (!g_date_valid (&self->until))
    return g_strdup_printf (_("desde el %s"), from);
  until = em_date_format_user (&self->until);
  return g_strdup_printf (_("del %s al %s"), from, until);
}

EmDecimal
em_rule_set_get_debt_capacity (EmRuleSet *self)
{
  g_return_val_if_fail (EM_IS_RULE_SET (self), 0);
  return self->debt_capacity;
}

void
em_rule_set_get_rotation_days (EmRuleSet *self,
                               guint     *receivables,
                               guint     *inventory,
                               guint     *payables)
{
  g_return_if_fail (EM_IS_RULE_SET (self));
  *receivables = self->days[0];
  *inventory = self->days[1];
  *payables = self->days[2];
}

EmThreshold
em_rule_set_get_threshold (EmRuleSet     *self,
                           EmIndicatorId  id)
{
  g_assert (EM_IS_RULE_SET (self) && id < EM_N_INDICATORS);
  return self->thresholds[id];
}

const char *
em_rule_set_get_basis (EmRuleSet     *self,
                       EmIndicatorId  id)
{
  g_return_val_if_fail (EM_IS_RULE_SET (self) && id < EM_N_INDICATORS, NULL);
  return self->bases[id];
}

const char *
em_rule_set_get_other_basis (EmRuleSet *self,
                             EmBasis    basis)
{
  g_return_val_if_fail (EM_IS_RULE_SET (self) && basis < EM_N_BASES, NULL);
  return self->other_bases[basis];
}

gboolean
em_rule_set_aval_covers (EmRuleSet     *self,
                         EmIndicatorId  id)
{
  g_return_val_if_fail (EM_IS_RULE_SET (self) && id < EM_N_INDICATORS, FALSE);
  return self->aval_covers[id];
}
