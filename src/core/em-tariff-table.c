/* em-tariff-table.c — the annex's tables as data: Tabla 2 and Tabla 4
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The classification of Decreto 1666 de 2016 as printed in the technical
 * annex (Tabla 2), and the average inspection days (Tabla 4), live in a
 * data file (data/anexo/cobro-inspecciones.json), not in code.  Each scale
 * gives the inclusive upper bound of pequeña and mediana (and of gran when
 * it has one: hectares end at 10,000); the next class starts just above.
 * A cell the annex marks "N/A" is null.  A bound read differently from
 * the print (DOMAIN.md: contiguous classes) carries the printed value and
 * a note; the note goes with every result the reading changed, i.e. whose
 * value lies between the printed and the read bound.
 *
 * Reading: arrastre is a surface system and is classified in the cielo
 * abierto column (DOMAIN.md §2).
 */
#define G_LOG_DOMAIN "em-tariff-table"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "em-core-resources.h"
#include "em-input-error.h"
#include "em-json-check.h"
#include "em-tariff-table.h"

#define RESOURCE_PATH "/co/gov/anm/EvaluadorMinero/anexo/" EM_TARIFF_TABLE_DEFAULT_ID ".json"
#define MAX_DAYS      (365 * EM_DECIMAL_ONE)

/* The two columns of Tabla 2. */
enum { COLUMN_SUBTERRANEO, COLUMN_CIELO_ABIERTO, N_COLUMNS };
static const char * const column_ids[N_COLUMNS + 1] = { "subterraneo", "cielo_abierto", NULL };

/* The segments of Tabla 4, by the title attribute they look at. */
static const EmTariffAttribute segments[] = {
  EM_ATTRIBUTE_PIN, EM_ATTRIBUTE_SISTEMA, EM_ATTRIBUTE_CLASIFICACION, EM_ATTRIBUTE_ETAPA,
};

typedef struct
{
  char      *unit;
  gboolean   has_upper[EM_N_CLASES];
  EmDecimal  upper[EM_N_CLASES];
  EmDecimal  printed[EM_N_CLASES];   /* the annex's print, when read otherwise */
  char      *notes[EM_N_CLASES];
} Scale;

typedef struct
{
  char      *label;
  GStrv      keys;
  EmDecimal  days;
} DaysRow;

typedef struct
{
  char      *title;
  GPtrArray *rows;       /* DaysRow */
} DaysSegment;

struct _EmTariffTable
{
  GObject      parent_instance;
  char        *id;
  char        *name;
  char        *sha256;
  char        *class_basis;
  char        *days_basis;
  Scale       *hectares;
  Scale       *production[EM_N_GRUPOS][N_COLUMNS];   /* NULL: not applicable */
  DaysSegment  days[EM_N_ATTRIBUTES];
};

G_DEFINE_FINAL_TYPE (EmTariffTable, em_tariff_table, G_TYPE_OBJECT)

static void
scale_free (Scale *scale)
{
  if (scale == NULL)
    return;
  g_free (scale->unit);
  for (guint i = 0; i < EM_N_CLASES; i++)
    g_free (scale->notes[i]);
  g_free (scale);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Scale, scale_free)

static void
days_row_free (DaysRow *row)
{
  if (row == NULL)
    return;
  g_free (row->label);
  g_strfreev (row->keys);
  g_free (row);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DaysRow, days_row_free)

static void
em_tariff_table_finalize (GObject *object)
{
  EmTariffTable *self = EM_TARIFF_TABLE (object);

  g_free (self->id);
  g_free (self->name);
  g_free (self->sha256);
  g_free (self->class_basis);
  g_free (self->days_basis);
  scale_free (self->hectares);
  for (guint g = 0; g < EM_N_GRUPOS; g++)
    for (guint c = 0; c < N_COLUMNS; c++)
      scale_free (self->production[g][c]);
  for (guint i = 0; i < EM_N_ATTRIBUTES; i++)
    {
      g_free (self->days[i].title);
      g_clear_pointer (&self->days[i].rows, g_ptr_array_unref);
    }
  G_OBJECT_CLASS (em_tariff_table_parent_class)->finalize (object);
}

static void
em_tariff_table_class_init (EmTariffTableClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = em_tariff_table_finalize;
}

static void
em_tariff_table_init (EmTariffTable *self)
{
}

/* ---- Reading the file ---------------------------------------------- */

static char *
read_text (JsonObject *object, const char *path, const char *key, GError **error)
{
  const char *text = em_json_check_string (object, path, key, FALSE, error);
  g_autofree char *trimmed = NULL;

  if (text == NULL)
    return NULL;
  if (g_strstrip (trimmed = g_strdup (text))[0] == '\0')
    return em_json_check_fail (error, path, key, _("no puede estar vacío")), NULL;
  return g_strdup (text);
}

/* "lecturas": {"pequena": {"impreso": "6000", "nota": "…"}} */
static gboolean
read_reading (Scale *scale, EmClase clase, JsonObject *readings, const char *path, GError **error)
{
  static const char * const keys[] = { "impreso", "nota", NULL };
  const char *id = em_clase_to_string (clase);
  g_autofree char *reading_path = em_json_check_join (path, id);
  JsonObject *object;

  if (!scale->has_upper[clase])
    return em_json_check_fail (error, path, id, _("la escala no tiene este límite")), FALSE;
  if ((object = em_json_check_object (readings, path, id, error)) == NULL
      || !em_json_check_keys (object, reading_path, keys, error)
      || !em_json_check_decimal (object, reading_path, "impreso", EM_TARIFF_CASE_MAX_QUANTITY,
                                 &scale->printed[clase], error))
    return FALSE;
  if (scale->printed[clase] == scale->upper[clase])
    return em_json_check_fail (error, reading_path, "impreso",
                               _("es igual al límite leído: no hay lectura que explicar")), FALSE;
  return (scale->notes[clase] = read_text (object, reading_path, "nota", error)) != NULL;
}

static gboolean
read_readings (Scale *scale, JsonObject *object, const char *path, GError **error)
{
  g_autofree char *readings_path = em_json_check_join (path, "lecturas");
  JsonObject *readings;

  if (!json_object_has_member (object, "lecturas"))
    return TRUE;
  if ((readings = em_json_check_object (object, path, "lecturas", error)) == NULL
      || !em_json_check_keys (readings, readings_path, em_clase_ids (), error))
    return FALSE;
  for (guint i = 0; i < EM_N_CLASES; i++)
    if (json_object_has_member (readings, em_clase_to_string (i))
        && !read_reading (scale, i, readings, readings_path, error))
      return FALSE;
  return TRUE;
}

static gboolean
read_bound (Scale *scale, EmClase clase, JsonObject *object, const char *path, GError **error)
{
  const char *key = em_clase_to_string (clase);

  if (clase == EM_CLASE_GRAN && !json_object_has_member (object, key))
    return TRUE;
  if (!em_json_check_decimal (object, path, key, EM_TARIFF_CASE_MAX_QUANTITY,
                              &scale->upper[clase], error))
    return FALSE;
  if (clase > EM_CLASE_PEQUENA && scale->upper[clase] <= scale->upper[clase - 1])
    return em_json_check_fail (error, path, key, _("debe ser mayor que el límite de «%s»"),
                               em_clase_to_string (clase - 1)), FALSE;
  if (clase == EM_CLASE_PEQUENA && scale->upper[clase] == 0)
    return em_json_check_fail (error, path, key, _("debe ser mayor que cero")), FALSE;
  scale->has_upper[clase] = TRUE;
  return TRUE;
}

static Scale *
read_scale (JsonObject *parent, const char *parent_path, const char *key, GError **error)
{
  static const char * const keys[] = { "unidad", "pequena", "mediana", "gran", "lecturas", NULL };
  g_autofree char *path = em_json_check_join (parent_path, key);
  g_autoptr(Scale) scale = g_new0 (Scale, 1);
  JsonObject *object = em_json_check_object (parent, parent_path, key, error);

  if (object == NULL || !em_json_check_keys (object, path, keys, error)
      || (scale->unit = read_text (object, path, "unidad", error)) == NULL)
    return NULL;
  for (guint i = 0; i < EM_N_CLASES; i++)
    if (!read_bound (scale, i, object, path, error))
      return NULL;
  if (!read_readings (scale, object, path, error))
    return NULL;
  return g_steal_pointer (&scale);
}

static gboolean
read_group (EmTariffTable *self, EmGrupoMineral grupo, JsonObject *production, GError **error)
{
  const char *id = em_grupo_mineral_to_string (grupo);
  g_autofree char *path = em_json_check_join ("clasificacion.produccion", id);
  JsonObject *object = em_json_check_object (production, "clasificacion.produccion", id, error);

  if (object == NULL || !em_json_check_keys (object, path, column_ids, error))
    return FALSE;
  for (guint c = 0; c < N_COLUMNS; c++)
    {
      JsonNode *node = json_object_get_member (object, column_ids[c]);

      if (node == NULL)
        return em_json_check_fail (error, path, column_ids[c],
                                   _("falta esta clave (use null si la celda no aplica)")), FALSE;
      if (JSON_NODE_HOLDS_NULL (node))
        continue;
      if ((self->production[grupo][c] = read_scale (object, path, column_ids[c], error)) == NULL)
        return FALSE;
    }
  return TRUE;
}

static gboolean
read_classification (EmTariffTable *self, JsonObject *root, GError **error)
{
  static const char * const keys[] = { "fundamento", "hectareas", "produccion", NULL };
  JsonObject *object = em_json_check_object (root, "", "clasificacion", error);
  JsonObject *production;

  if (object == NULL || !em_json_check_keys (object, "clasificacion", keys, error)
      || (self->class_basis = read_text (object, "clasificacion", "fundamento", error)) == NULL
      || (self->hectares = read_scale (object, "clasificacion", "hectareas", error)) == NULL
      || (production = em_json_check_object (object, "clasificacion", "produccion", error)) == NULL
      || !em_json_check_keys (production, "clasificacion.produccion", em_grupo_mineral_ids (), error))
    return FALSE;
  for (guint g = 1; g < EM_N_GRUPOS; g++)
    if (!read_group (self, g, production, error))
      return FALSE;
  return TRUE;
}

static gboolean
read_row_keys (DaysRow *row, JsonObject *object, const char *path, EmTariffAttribute segment,
               GHashTable *seen, GError **error)
{
  const char * const *valid = em_tariff_attribute_get_keys (segment);
  JsonNode *node = json_object_get_member (object, "aplica");
  g_autoptr(GStrvBuilder) keys = g_strv_builder_new ();
  JsonArray *list;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node)
      || json_array_get_length (list = json_node_get_array (node)) == 0)
    return em_json_check_fail (error, path, "aplica", _("debe ser una lista de claves no vacía")), FALSE;
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonNode *item = json_array_get_element (list, i);
      const char *key = JSON_NODE_HOLDS_VALUE (item) ? json_node_get_string (item) : NULL;
      g_autofree char *choices = em_tariff_ids_describe (valid);

      if (key == NULL || !g_strv_contains (valid, key))
        return em_json_check_fail (error, path, "aplica", _("el elemento %u no es %s"),
                                   i + 1, choices), FALSE;
      if (!g_hash_table_add (seen, (gpointer) key))
        return em_json_check_fail (error, path, "aplica", _("«%s» ya está en otra fila"), key), FALSE;
      g_strv_builder_add (keys, key);
    }
  row->keys = g_strv_builder_end (keys);
  return TRUE;
}

static DaysRow *
read_days_row (JsonArray *rows, guint index, const char *rows_path, EmTariffAttribute segment,
               GHashTable *seen, GError **error)
{
  static const char * const keys[] = { "fila", "aplica", "dias", NULL };
  g_autofree char *path = g_strdup_printf ("%s[%u]", rows_path, index + 1);
  JsonNode *node = json_array_get_element (rows, index);
  g_autoptr(DaysRow) row = g_new0 (DaysRow, 1);
  JsonObject *object;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return em_json_check_fail (error, path, NULL, _("debe ser un objeto «{…}»")), NULL;
  object = json_node_get_object (node);
  if (!em_json_check_keys (object, path, keys, error)
      || (row->label = read_text (object, path, "fila", error)) == NULL
      || !read_row_keys (row, object, path, segment, seen, error)
      || !em_json_check_decimal (object, path, "dias", MAX_DAYS, &row->days, error))
    return NULL;
  return g_steal_pointer (&row);
}

static gboolean
check_coverage (GHashTable *seen, const char *path, EmTariffAttribute segment, GError **error)
{
  const char * const *valid = em_tariff_attribute_get_keys (segment);

  for (guint i = 0; valid[i] != NULL; i++)
    if (!g_hash_table_contains (seen, valid[i]))
      return em_json_check_fail (error, path, NULL, _("ninguna fila aplica a «%s»"), valid[i]), FALSE;
  return TRUE;
}

static gboolean
read_segment (EmTariffTable *self, EmTariffAttribute segment, JsonObject *parent, GError **error)
{
  static const char * const keys[] = { "titulo", "filas", NULL };
  const char *id = em_tariff_attribute_to_string (segment);
  g_autofree char *path = em_json_check_join ("dias_promedio", id);
  g_autofree char *rows_path = em_json_check_join (path, "filas");
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  JsonObject *object = em_json_check_object (parent, "dias_promedio", id, error);
  DaysSegment *out = &self->days[segment];
  JsonNode *node;

  if (object == NULL || !em_json_check_keys (object, path, keys, error)
      || (out->title = read_text (object, path, "titulo", error)) == NULL)
    return FALSE;
  if ((node = json_object_get_member (object, "filas")) == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return em_json_check_fail (error, path, "filas", _("debe ser una lista de filas «[…]»")), FALSE;
  out->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) days_row_free);
  for (guint i = 0; i < json_array_get_length (json_node_get_array (node)); i++)
    {
      DaysRow *row = read_days_row (json_node_get_array (node), i, rows_path, segment, seen, error);
      if (row == NULL)
        return FALSE;
      g_ptr_array_add (out->rows, row);
    }
  return check_coverage (seen, rows_path, segment, error);
}

static gboolean
read_days (EmTariffTable *self, JsonObject *root, GError **error)
{
  static const char * const keys[] = { "fundamento", "pin", "sistema", "clasificacion", "etapa", NULL };
  JsonObject *object = em_json_check_object (root, "", "dias_promedio", error);

  if (object == NULL || !em_json_check_keys (object, "dias_promedio", keys, error)
      || (self->days_basis = read_text (object, "dias_promedio", "fundamento", error)) == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (segments); i++)
    if (!read_segment (self, segments[i], object, error))
      return FALSE;
  return TRUE;
}

static gboolean
read_table (EmTariffTable *self, JsonObject *root, GError **error)
{
  static const char * const keys[] = { "id", "nombre", "clasificacion", "dias_promedio", NULL };

  return em_json_check_keys (root, "", keys, error)
         && (self->id = read_text (root, "", "id", error)) != NULL
         && (self->name = read_text (root, "", "nombre", error)) != NULL
         && read_classification (self, root, error)
         && read_days (self, root, error);
}

EmTariffTable *
em_tariff_table_new_from_bytes (GBytes  *bytes,
                                GError **error)
{
  g_autoptr(EmTariffTable) self = g_object_new (EM_TYPE_TARIFF_TABLE, NULL);
  g_autoptr(JsonObject) root = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);

  if ((root = em_json_check_parse_object (bytes, error)) == NULL
      || !read_table (self, root, error))
    return NULL;
  self->sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  return g_steal_pointer (&self);
}

EmTariffTable *
em_tariff_table_new_builtin (GError **error)
{
  g_autoptr(GBytes) bytes = g_resource_lookup_data (em_data_resource (), RESOURCE_PATH,
                                                    G_RESOURCE_LOOKUP_FLAGS_NONE, error);

  if (bytes == NULL)
    return NULL;
  return em_tariff_table_new_from_bytes (bytes, error);
}

const char *
em_tariff_table_get_id (EmTariffTable *self)
{
  g_return_val_if_fail (EM_IS_TARIFF_TABLE (self), NULL);
  return self->id;
}

const char *
em_tariff_table_get_name (EmTariffTable *self)
{
  g_return_val_if_fail (EM_IS_TARIFF_TABLE (self), NULL);
  return self->name;
}

const char *
em_tariff_table_get_sha256 (EmTariffTable *self)
{
  g_return_val_if_fail (EM_IS_TARIFF_TABLE (self), NULL);
  return self->sha256;
}

const char *
em_tariff_table_get_class_basis (EmTariffTable *self)
{
  g_return_val_if_fail (EM_IS_TARIFF_TABLE (self), NULL);
  return self->class_basis;
}

const char *
em_tariff_table_get_days_basis (EmTariffTable *self)
{
  g_return_val_if_fail (EM_IS_TARIFF_TABLE (self), NULL);
  return self->days_basis;
}

/* ---- Classifying --------------------------------------------------- */

/* The note of a bound whose reading changed this value's class: the value
 * lies between the printed and the read bound. */
static const char *
reading_note (const Scale *scale, EmClase bound, EmDecimal value)
{
  EmDecimal low = MIN (scale->printed[bound], scale->upper[bound]);
  EmDecimal high = MAX (scale->printed[bound], scale->upper[bound]);

  if (scale->notes[bound] == NULL || value <= low || value > high)
    return NULL;
  return scale->notes[bound];
}

/* The class whose interval holds @value, or FALSE above the last bound. */
static gboolean
place_on_scale (const Scale *scale, EmDecimal value, EmClassification *out)
{
  for (guint i = 0; i < EM_N_CLASES; i++)
    if (!scale->has_upper[i] || value <= scale->upper[i])
      {
        out->clase = i;
        out->has_lower = i > 0;
        out->lower = i > 0 ? scale->upper[i - 1] : 0;
        out->has_upper = scale->has_upper[i];
        out->upper = scale->has_upper[i] ? scale->upper[i] : 0;
        out->unit = scale->unit;
        out->note = scale->has_upper[i] ? reading_note (scale, i, value) : NULL;
        if (out->note == NULL && i > 0)
          out->note = reading_note (scale, i - 1, value);
        return TRUE;
      }
  return FALSE;
}

static gboolean
above_scale (const Scale *scale, EmDecimal value, const char *field, GError **error)
{
  g_autofree char *shown = em_quantity_format (value);
  g_autofree char *limit = em_quantity_format (scale->upper[EM_CLASE_GRAN]);

  em_input_error_set (error, field, EM_INPUT_ERROR_INVALID,
                      _("%s %s supera el límite de la gran minería (%s %s) en la clasificación "
                        "del Decreto 1666 de 2016: un valor mayor no tiene clase"),
                      shown, scale->unit, limit, scale->unit);
  return FALSE;
}

static gboolean
not_applicable (EmGrupoMineral grupo, EmSistema sistema, GError **error)
{
  if (sistema == EM_SISTEMA_ARRASTRE)
    em_input_error_set (error, "sistema", EM_INPUT_ERROR_INVALID,
                        _("la clasificación del Decreto 1666 de 2016 no aplica a %s por arrastre, "
                          "que se clasifica como cielo abierto (celda «N/A» del anexo, Tabla 2)"),
                        em_grupo_mineral_get_label (grupo));
  else
    em_input_error_set (error, "sistema", EM_INPUT_ERROR_INVALID,
                        _("la clasificación del Decreto 1666 de 2016 no aplica a %s en minería %s "
                          "(celda «N/A» del anexo, Tabla 2)"),
                        em_grupo_mineral_get_label (grupo), em_sistema_get_label (sistema));
  return FALSE;
}

static gboolean
classify_by_production (EmTariffTable *self, EmTariffCase *input, EmClassification *out,
                        GError **error)
{
  EmGrupoMineral grupo = em_tariff_case_get_grupo_mineral (input);
  EmSistema sistema = em_tariff_case_get_sistema (input);
  guint column = sistema == EM_SISTEMA_SUBTERRANEO ? COLUMN_SUBTERRANEO : COLUMN_CIELO_ABIERTO;
  const Scale *scale = self->production[grupo][column];

  out->by_production = TRUE;
  out->grupo = grupo;
  out->column = column == COLUMN_SUBTERRANEO ? EM_SISTEMA_SUBTERRANEO : EM_SISTEMA_CIELO_ABIERTO;
  em_tariff_case_get_produccion_anual (input, &out->value);
  if (scale == NULL)
    return not_applicable (grupo, sistema, error);
  return place_on_scale (scale, out->value, out)
         || above_scale (scale, out->value, "produccion_anual", error);
}

/* Classifies a validated case (em_tariff_case_validate). */
gboolean
em_tariff_table_classify (EmTariffTable     *self,
                          EmTariffCase      *input,
                          EmClassification  *out,
                          GError           **error)
{
  g_return_val_if_fail (EM_IS_TARIFF_TABLE (self), FALSE);
  g_return_val_if_fail (EM_IS_TARIFF_CASE (input), FALSE);
  g_return_val_if_fail (em_tariff_case_get_etapa (input) != EM_ETAPA_NONE, FALSE);

  memset (out, 0, sizeof *out);
  if (em_tariff_case_get_etapa (input) == EM_ETAPA_EXPLOTACION)
    return classify_by_production (self, input, out, error);
  em_tariff_case_get_area_hectareas (input, &out->value);
  return place_on_scale (self->hectares, out->value, out)
         || above_scale (self->hectares, out->value, "area_hectareas", error);
}

/* The rows of Tabla 4 that apply to the title, one per segment it has a
 * value for (a title without a mining system has no system row). */
GArray *
em_tariff_table_get_days (EmTariffTable     *self,
                          const EmTitleKeys *keys)
{
  GArray *result = g_array_new (FALSE, TRUE, sizeof (EmInspectionDays));

  g_return_val_if_fail (EM_IS_TARIFF_TABLE (self), result);

  for (guint i = 0; i < G_N_ELEMENTS (segments); i++)
    {
      const DaysSegment *segment = &self->days[segments[i]];
      const char *key = em_title_keys_lookup (keys, segments[i]);

      for (guint r = 0; key != NULL && r < segment->rows->len; r++)
        {
          const DaysRow *row = g_ptr_array_index (segment->rows, r);
          EmInspectionDays days = { segments[i], segment->title, row->label, row->days };

          if (g_strv_contains ((const char * const *) row->keys, key))
            g_array_append_val (result, days);
        }
    }
  return result;
}

static char *
describe_interval (const EmClassification *c)
{
  g_autofree char *lower = em_quantity_format (c->lower);
  g_autofree char *upper = em_quantity_format (c->upper);

  if (c->has_lower && c->has_upper)
    return g_strdup_printf (_("más de %s y hasta %s %s"), lower, upper, c->unit);
  if (c->has_upper)
    return g_strdup_printf (_("hasta %s %s"), upper, c->unit);
  return g_strdup_printf (_("más de %s %s"), lower, c->unit);
}

/* "Carbón, minería subterránea: mediana minería, más de 60.000 y hasta
 * 650.000 t/año; el título declara 100.000 t/año." */
char *
em_classification_describe (const EmClassification *c)
{
  g_autofree char *interval = describe_interval (c);
  g_autofree char *value = em_quantity_format (c->value);
  g_autofree char *group = NULL;

  if (!c->by_production)
    return g_strdup_printf (_("Por hectáreas (exploración y construcción y montaje): %s, %s; "
                              "el título tiene %s %s."),
                            em_clase_get_label (c->clase), interval, value, c->unit);
  group = g_strdup (em_grupo_mineral_get_label (c->grupo));
  group[0] = g_ascii_toupper (group[0]);
  return g_strdup_printf (_("%s, minería %s: %s, %s; el título declara %s %s."),
                          group, em_sistema_get_label (c->column), em_clase_get_label (c->clase),
                          interval, value, c->unit);
}
