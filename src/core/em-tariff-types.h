/* em-tariff-types.h — the words of the inspection tariff (technical annex)
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Each enum's value 0 is "not given" where the field is optional. */
typedef enum
{
  EM_ETAPA_NONE,
  EM_ETAPA_EXPLORACION,
  EM_ETAPA_CONSTRUCCION_MONTAJE,
  EM_ETAPA_EXPLOTACION,
  EM_N_ETAPAS,
} EmEtapa;

typedef enum
{
  EM_GRUPO_NONE,
  EM_GRUPO_CARBON,
  EM_GRUPO_MATERIALES_CONSTRUCCION,
  EM_GRUPO_METALICOS,
  EM_GRUPO_NO_METALICOS,
  EM_GRUPO_METALES_PRECIOSOS,
  EM_GRUPO_PIEDRAS_PRECIOSAS,
  EM_N_GRUPOS,
} EmGrupoMineral;

typedef enum
{
  EM_SISTEMA_NONE,
  EM_SISTEMA_SUBTERRANEO,
  EM_SISTEMA_CIELO_ABIERTO,
  EM_SISTEMA_ARRASTRE,
  EM_N_SISTEMAS,
} EmSistema;

typedef enum
{
  EM_MEDIDA_NINGUNA,
  EM_MEDIDA_SUSPENSION,
  EM_MEDIDA_CIERRE,
  EM_N_MEDIDAS,
} EmMedida;

typedef enum
{
  EM_NIVEL_NONE,
  EM_NIVEL_BAJO,
  EM_NIVEL_MEDIO,
  EM_NIVEL_ALTO,
  EM_N_NIVELES,
} EmNivel;

/* The classes of Decreto 1666 de 2016. */
typedef enum
{
  EM_CLASE_PEQUENA,
  EM_CLASE_MEDIANA,
  EM_CLASE_GRAN,
  EM_N_CLASES,
} EmClase;

/* Tarifa = TPM + C + ER + D (annex §5). */
typedef enum
{
  EM_COMPONENT_TPM,
  EM_COMPONENT_C,
  EM_COMPONENT_ER,
  EM_COMPONENT_D,
  EM_N_COMPONENTS,
} EmTariffComponent;

/* The attributes of a title a factor (or a Tabla 4 row) can depend on. */
typedef enum
{
  EM_ATTRIBUTE_CLASIFICACION,
  EM_ATTRIBUTE_PIN,
  EM_ATTRIBUTE_SISTEMA,
  EM_ATTRIBUTE_ETAPA,
  EM_ATTRIBUTE_ACTA,
  EM_N_ATTRIBUTES,
} EmTariffAttribute;

/* What a title is, as far as the tariff is concerned. */
typedef struct
{
  EmClase   clase;
  gboolean  pin;
  EmSistema sistema;      /* EM_SISTEMA_NONE when the title has none */
  EmEtapa   etapa;
} EmTitleKeys;

const char *em_etapa_to_string            (EmEtapa            etapa);
const char *em_etapa_get_label            (EmEtapa            etapa);
const char *em_grupo_mineral_to_string    (EmGrupoMineral     grupo);
const char *em_grupo_mineral_get_label    (EmGrupoMineral     grupo);
const char *em_sistema_to_string          (EmSistema          sistema);
const char *em_sistema_get_label          (EmSistema          sistema);
const char *em_medida_to_string           (EmMedida           medida);
const char *em_medida_get_label           (EmMedida           medida);
const char *em_nivel_to_string            (EmNivel            nivel);
const char *em_nivel_get_label            (EmNivel            nivel);
const char *em_clase_to_string            (EmClase            clase);
const char *em_clase_get_label            (EmClase            clase);
const char *em_tariff_component_to_string (EmTariffComponent  component);
const char *em_tariff_component_get_label (EmTariffComponent  component);
const char *em_tariff_attribute_to_string (EmTariffAttribute  attribute);

/* The id lists (NULL-terminated, starting at the first real value) used to
 * parse and to name the choices in error messages. */
const char * const *em_etapa_ids              (void);
const char * const *em_grupo_mineral_ids      (void);
const char * const *em_sistema_ids            (void);
const char * const *em_medida_ids             (void);
const char * const *em_nivel_ids              (void);
const char * const *em_clase_ids              (void);
const char * const *em_tariff_component_ids   (void);
const char * const *em_tariff_attribute_ids   (void);

gboolean     em_etapa_parse                (const char         *text,
                                            EmEtapa            *out);
gboolean     em_grupo_mineral_parse        (const char         *text,
                                            EmGrupoMineral     *out);
gboolean     em_sistema_parse              (const char         *text,
                                            EmSistema          *out);
gboolean     em_medida_parse               (const char         *text,
                                            EmMedida           *out);
gboolean     em_nivel_parse                (const char         *text,
                                            EmNivel            *out);
gboolean     em_clase_parse                (const char         *text,
                                            EmClase            *out);
gboolean     em_tariff_component_parse     (const char         *text,
                                            EmTariffComponent  *out);
gboolean     em_tariff_attribute_parse     (const char         *text,
                                            EmTariffAttribute  *out);
char        *em_tariff_ids_describe        (const char * const *ids);

const char * const *em_tariff_attribute_get_keys (EmTariffAttribute attribute);
gboolean     em_tariff_attribute_may_be_absent (EmTariffAttribute attribute);
const char  *em_title_keys_lookup          (const EmTitleKeys  *keys,
                                            EmTariffAttribute   attribute);

char        *em_ordinal_feminine           (guint               number);
char        *em_quantity_format            (gint64              value_micros);

G_END_DECLS
