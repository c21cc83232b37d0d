/* em-tariff-table.h — the annex's tables: classification and inspection days
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "em-number.h"
#include "em-tariff-case.h"
#include "em-tariff-types.h"

G_BEGIN_DECLS

#define EM_TARIFF_TABLE_DEFAULT_ID "cobro-inspecciones"

/* Which row and bounds of Decreto 1666/2016 (annex Tabla 2) decided the
 * class: lower < value ≤ upper.  Strings belong to the table. */
typedef struct
{
  EmClase         clase;
  gboolean        by_production;  /* criterio: produccion, else hectareas */
  EmGrupoMineral  grupo;          /* EM_GRUPO_NONE when by hectares */
  EmSistema       column;         /* the table's column: arrastre reads as cielo abierto */
  EmDecimal       value;
  gboolean        has_lower;
  EmDecimal       lower;          /* exclusive */
  gboolean        has_upper;
  EmDecimal       upper;          /* inclusive */
  const char     *unit;
  const char     *note;           /* how a misprinted bound was read, or NULL */
} EmClassification;

/* One row of annex Tabla 4 that applies to a title.  Strings belong to the
 * table. */
typedef struct
{
  EmTariffAttribute  segment;     /* pin, sistema, clasificacion or etapa */
  const char        *title;       /* "Tipo de título" */
  const char        *row;         /* "NO PIN" */
  EmDecimal          days;
} EmInspectionDays;

#define EM_TYPE_TARIFF_TABLE (em_tariff_table_get_type ())
G_DECLARE_FINAL_TYPE (EmTariffTable, em_tariff_table, EM, TARIFF_TABLE, GObject)

EmTariffTable *em_tariff_table_new_from_bytes   (GBytes              *bytes,
                                                 GError             **error);
EmTariffTable *em_tariff_table_new_builtin      (GError             **error);

const char    *em_tariff_table_get_id           (EmTariffTable       *self);
const char    *em_tariff_table_get_name         (EmTariffTable       *self);
const char    *em_tariff_table_get_sha256       (EmTariffTable       *self);
const char    *em_tariff_table_get_class_basis  (EmTariffTable       *self);
const char    *em_tariff_table_get_days_basis   (EmTariffTable       *self);

gboolean       em_tariff_table_classify         (EmTariffTable       *self,
                                                 EmTariffCase        *input,
                                                 EmClassification    *out,
                                                 GError             **error);
GArray        *em_tariff_table_get_days         (EmTariffTable       *self,
                                                 const EmTitleKeys   *keys);

char          *em_classification_describe       (const EmClassification *classification);

G_END_DECLS
