/* em-tariff-types.c — ids, labels and keys of the inspection tariff
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The ids are those of CONTRACT.md (what files and other programs write);
 * the labels are what people read.  The keys of each attribute are the
 * values a tarifario factor or a Tabla 4 row may be looked up by.
 */
#define G_LOG_DOMAIN "em-tariff-types"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "em-number.h"
#include "em-tariff-types.h"

static const char * const etapa_ids[] = {
  NULL, "exploracion", "construccion_montaje", "explotacion", NULL
};
static const char * const etapa_labels[] = {
  NULL, N_("exploración"), N_("construcción y montaje"), N_("explotación"),
};
static const char * const grupo_mineral_ids[] = {
  NULL, "carbon", "materiales_construccion", "metalicos", "no_metalicos",
  "metales_preciosos", "piedras_preciosas", NULL
};
static const char * const grupo_mineral_labels[] = {
  NULL, N_("carbón"), N_("materiales de construcción"), N_("minerales metálicos"),
  N_("minerales no metálicos"), N_("metales preciosos"), N_("piedras preciosas y semipreciosas"),
};
static const char * const sistema_ids[] = {
  NULL, "subterraneo", "cielo_abierto", "arrastre", NULL
};
static const char * const sistema_labels[] = {
  NULL, N_("subterránea"), N_("a cielo abierto"), N_("por arrastre"),
};
static const char * const medida_ids[] = { "ninguna", "suspension", "cierre", NULL };
static const char * const medida_labels[] = { N_("ninguna"), N_("suspensión"), N_("cierre") };
static const char * const nivel_ids[] = { NULL, "bajo", "medio", "alto", NULL };
static const char * const nivel_labels[] = { NULL, N_("bajo"), N_("medio"), N_("alto") };
static const char * const clase_ids[] = { "pequena", "mediana", "gran", NULL };
static const char * const clase_labels[] = {
  N_("pequeña minería"), N_("mediana minería"), N_("gran minería"),
};
static const char * const tariff_component_ids[] = { "TPM", "C", "ER", "D", NULL };
static const char * const tariff_component_labels[] = {
  N_("Tamaño, producción y minerales"), N_("Contenido"),
  N_("Equipos requeridos"), N_("Desplazamiento"),
};
static const char * const tariff_attribute_ids[] = {
  "clasificacion", "pin", "sistema", "etapa", "acta", NULL
};

#define DEFINE_WORDS(Type, name, first, n_values)                          \
  const char *em_##name##_to_string (Type value)                          \
  {                                                                       \
    g_return_val_if_fail ((guint) value < n_values, NULL);                \
    return name##_ids[value];                                             \
  }                                                                       \
  const char * const *em_##name##_ids (void)                              \
  {                                                                       \
    return name##_ids + first;                                            \
  }                                                                       \
  gboolean em_##name##_parse (const char *text, Type *out)                \
  {                                                                       \
    for (guint i = first; i < n_values; i++)                              \
      if (g_strcmp0 (text, name##_ids[i]) == 0)                           \
        return *out = i, TRUE;                                            \
    return FALSE;                                                         \
  }

#define DEFINE_LABEL(Type, name, n_values)                                \
  const char *em_##name##_get_label (Type value)                          \
  {                                                                       \
    g_return_val_if_fail ((guint) value < n_values, NULL);                \
    return name##_labels[value] ? _(name##_labels[value]) : NULL;         \
  }

DEFINE_WORDS (EmEtapa, etapa, 1, EM_N_ETAPAS)
DEFINE_WORDS (EmGrupoMineral, grupo_mineral, 1, EM_N_GRUPOS)
DEFINE_WORDS (EmSistema, sistema, 1, EM_N_SISTEMAS)
DEFINE_WORDS (EmMedida, medida, 0, EM_N_MEDIDAS)
DEFINE_WORDS (EmNivel, nivel, 1, EM_N_NIVELES)
DEFINE_WORDS (EmClase, clase, 0, EM_N_CLASES)
DEFINE_WORDS (EmTariffComponent, tariff_component, 0, EM_N_COMPONENTS)
DEFINE_WORDS (EmTariffAttribute, tariff_attribute, 0, EM_N_ATTRIBUTES)

DEFINE_LABEL (EmEtapa, etapa, EM_N_ETAPAS)
DEFINE_LABEL (EmGrupoMineral, grupo_mineral, EM_N_GRUPOS)
DEFINE_LABEL (EmSistema, sistema, EM_N_SISTEMAS)
DEFINE_LABEL (EmMedida, medida, EM_N_MEDIDAS)
DEFINE_LABEL (EmNivel, nivel, EM_N_NIVELES)
DEFINE_LABEL (EmClase, clase, EM_N_CLASES)
DEFINE_LABEL (EmTariffComponent, tariff_component, EM_N_COMPONENTS)

/* "«a», «b» o «c»" */
char *
em_tariff_ids_describe (const char * const *ids)
{
  GString *out = g_string_new (NULL);
  guint n = g_strv_length ((char **) ids);

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append (out, i + 1 == n ? _(" o ") : ", ");
      g_string_append_printf (out, "«%s»", ids[i]);
    }
  return g_string_free (out, FALSE);
}

static const char * const pin_keys[] = { "pin", "no_pin", NULL };
static const char * const acta_keys[] = {
  "exploracion", "construccion_montaje", "explotacion_subterranea",
  "explotacion_cielo_abierto", "explotacion_arrastre", NULL
};

const char * const *
em_tariff_attribute_get_keys (EmTariffAttribute attribute)
{
  switch (attribute)
    {
    case EM_ATTRIBUTE_CLASIFICACION: return clase_ids;
    case EM_ATTRIBUTE_PIN:           return pin_keys;
    case EM_ATTRIBUTE_SISTEMA:       return sistema_ids + 1;
    case EM_ATTRIBUTE_ETAPA:         return etapa_ids + 1;
    case EM_ATTRIBUTE_ACTA:          return acta_keys;
    default: g_return_val_if_reached (NULL);
    }
}

/* Only the system can be missing: exploration and construction titles that
 * are not authorised to exploit have none. */
gboolean
em_tariff_attribute_may_be_absent (EmTariffAttribute attribute)
{
  return attribute == EM_ATTRIBUTE_SISTEMA;
}

/* The acta (field-report form) follows the stage, and in explotación the
 * mining system (annex Tabla 2, item 5). */
static const char *
acta_key (const EmTitleKeys *keys)
{
  if (keys->etapa != EM_ETAPA_EXPLOTACION)
    return em_etapa_to_string (keys->etapa);
  g_return_val_if_fail (keys->sistema != EM_SISTEMA_NONE, NULL);
  return acta_keys[1 + keys->sistema];
}

/* The title's key for @attribute, or NULL when it has no such value. */
const char *
em_title_keys_lookup (const EmTitleKeys *keys,
                      EmTariffAttribute  attribute)
{
  switch (attribute)
    {
    case EM_ATTRIBUTE_CLASIFICACION: return em_clase_to_string (keys->clase);
    case EM_ATTRIBUTE_PIN:           return pin_keys[keys->pin ? 0 : 1];
    case EM_ATTRIBUTE_SISTEMA:       return sistema_ids[keys->sistema];
    case EM_ATTRIBUTE_ETAPA:         return em_etapa_to_string (keys->etapa);
    case EM_ATTRIBUTE_ACTA:          return acta_key (keys);
    default: g_return_val_if_reached (NULL);
    }
}

/* "primera", "segunda", … "décima", then "11.ª". */
char *
em_ordinal_feminine (guint number)
{
  static const char * const words[] = {
    N_("primera"), N_("segunda"), N_("tercera"), N_("cuarta"), N_("quinta"),
    N_("sexta"), N_("séptima"), N_("octava"), N_("novena"), N_("décima"),
  };

  g_return_val_if_fail (number >= 1, NULL);
  if (number <= G_N_ELEMENTS (words))
    return g_strdup (_(words[number - 1]));
  return g_strdup_printf (_("%u.ª"), number);
}

/* A decimal as Colombians write it: "1.050.000", "150,5". */
char *
em_quantity_format (gint64 value_micros)
{
  char *text = em_scaled_to_string (value_micros, EM_DECIMAL_PLACES, ',', TRUE);
  gsize len = strlen (text);

  while (text[len - 1] == '0')
    text[--len] = '\0';
  if (text[len - 1] == ',')
    text[--len] = '\0';
  return text;
}
