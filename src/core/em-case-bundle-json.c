/* em-case-bundle-json.c — one case of a bundle: its row and events as JSON
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The keys are the database's column names.  Every text travels as a JSON
 * string exactly as stored — the input, the result and each event's detail
 * are JSON texts and stay strings, never re-serialised objects — because
 * the hashes of the history cover them byte for byte.  Reading is strict:
 * every key present, no unknown key, each value of its type and size, and
 * known kinds, states, results and events; only then is the chain checked.
 */
#define G_LOG_DOMAIN "em-case-bundle"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "em-capacity-verdict.h"
#include "em-case-bundle-private.h"
#include "em-money.h"

#define MAX_WORD_BYTES  256
#define MAX_TEXT_BYTES  (64 * 1024)
#define MAX_JSON_BYTES  (4 * 1024 * 1024)

typedef enum
{
  FIELD_UUID,      /* a UUID */
  FIELD_WORD,      /* an identifier: "res-anm-208-2017", "cumple", "456789" */
  FIELD_HASH,      /* SHA-256 in lowercase hexadecimal */
  FIELD_LINK,      /* a hash, or "" before the first event */
  FIELD_DATE,      /* ISO 8601 with its time zone */
  FIELD_TEXT,      /* free text, may be empty */
  FIELD_NAME,      /* free text, not blank */
  FIELD_JSON,      /* a JSON object, as text */
  FIELD_ORDINAL,   /* an integer ≥ 1 (gint64) */
  FIELD_FLAG,      /* a boolean (gboolean) */
} FieldType;

typedef struct
{
  const char *key;
  FieldType   type;
  gboolean    nullable;
  gsize       offset;
} Field;

#define ROW_FIELD(key, type, nullable, member) \
  { key, type, nullable, G_STRUCT_OFFSET (EmCaseRow, member) }
#define EVENT_FIELD(key, type, member) \
  { key, type, FALSE, G_STRUCT_OFFSET (EmCaseEvent, member) }

static const Field row_fields[] = {
  ROW_FIELD ("uuid", FIELD_UUID, FALSE, uuid),
  ROW_FIELD ("tipo", FIELD_WORD, FALSE, kind),
  ROW_FIELD ("estado", FIELD_WORD, FALSE, state),
  ROW_FIELD ("entrada", FIELD_JSON, FALSE, input_json),
  ROW_FIELD ("reglas_id", FIELD_WORD, FALSE, rules_id),
  ROW_FIELD ("reglas_sha256", FIELD_HASH, FALSE, rules_sha256),
  ROW_FIELD ("resultado_json", FIELD_JSON, FALSE, result_json),
  ROW_FIELD ("resultado", FIELD_WORD, TRUE, result),
  ROW_FIELD ("tarifa", FIELD_WORD, TRUE, tariff),
  ROW_FIELD ("nombre", FIELD_TEXT, FALSE, name),
  ROW_FIELD ("documento", FIELD_TEXT, FALSE, document),
  ROW_FIELD ("radicado", FIELD_TEXT, FALSE, radicado),
  ROW_FIELD ("expediente", FIELD_TEXT, FALSE, expediente),
  ROW_FIELD ("evaluador", FIELD_NAME, FALSE, evaluator),
  ROW_FIELD ("creado", FIELD_DATE, FALSE, created),
  ROW_FIELD ("actualizado", FIELD_DATE, FALSE, updated),
  ROW_FIELD ("requerimiento", FIELD_FLAG, FALSE, requerimiento),
  ROW_FIELD ("motivo_anulacion", FIELD_NAME, TRUE, annulment_reason),
};

static const Field event_fields[] = {
  EVENT_FIELD ("case_uuid", FIELD_UUID, case_uuid),
  EVENT_FIELD ("n", FIELD_ORDINAL, n),
  EVENT_FIELD ("kind", FIELD_WORD, kind),
  EVENT_FIELD ("at", FIELD_DATE, at),
  EVENT_FIELD ("evaluador", FIELD_NAME, evaluator),
  EVENT_FIELD ("detail", FIELD_JSON, detail),
  EVENT_FIELD ("snapshot", FIELD_HASH, snapshot),
  EVENT_FIELD ("prev_hash", FIELD_LINK, prev_hash),
  EVENT_FIELD ("hash", FIELD_HASH, hash),
};

/* ---- JSON text ------------------------------------------------------- */

/* JSON text → its root; the nesting is bounded first (json-glib recurses). */
JsonNode *
em_bundle_parse (const char *text,
                 gsize       length,
                 GError    **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  EmJsonScan scan = { 0 };

  for (gsize i = 0; i < length; i++)
    if (!em_json_scan_byte (&scan, (guchar) text[i]))
      {
        g_set_error_literal (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_PARSE,
                             _("tiene demasiados niveles anidados o un cierre de más"));
        return NULL;
      }
  if (!json_parser_load_from_data (parser, text, length, error))
    return NULL;
  if (json_parser_get_root (parser) == NULL)
    {
      g_set_error_literal (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_PARSE, _("está vacío"));
      return NULL;
    }
  return json_parser_steal_root (parser);
}

/* ---- Writing ---------------------------------------------------------- */

static void
add_field (JsonBuilder *builder, const Field *field, gconstpointer target)
{
  gpointer base = (gpointer) target;
  const char *text;

  json_builder_set_member_name (builder, field->key);
  if (field->type == FIELD_ORDINAL)
    json_builder_add_int_value (builder, G_STRUCT_MEMBER (gint64, base, field->offset));
  else if (field->type == FIELD_FLAG)
    json_builder_add_boolean_value (builder, G_STRUCT_MEMBER (gboolean, base, field->offset));
  else if ((text = G_STRUCT_MEMBER (const char *, base, field->offset)) != NULL)
    json_builder_add_string_value (builder, text);
  else
    json_builder_add_null_value (builder);
}

static void
add_object (JsonBuilder *builder, const Field *fields, guint n_fields, gconstpointer target)
{
  json_builder_begin_object (builder);
  for (guint i = 0; i < n_fields; i++)
    add_field (builder, &fields[i], target);
  json_builder_end_object (builder);
}

/* {"caso": {…the row…}, "eventos": [{…}, …]} */
JsonNode *
em_bundle_case_to_json (const EmCaseRow *row,
                        GPtrArray       *events)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  g_return_val_if_fail (row != NULL && events != NULL, NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "caso");
  add_object (builder, row_fields, G_N_ELEMENTS (row_fields), row);
  json_builder_set_member_name (builder, "eventos");
  json_builder_begin_array (builder);
  for (guint i = 0; i < events->len; i++)
    add_object (builder, event_fields, G_N_ELEMENTS (event_fields), events->pdata[i]);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* ---- Reading: each value of its type ---------------------------------- */

static gboolean
invalid (GError **error, const char *key, const char *why)
{
  g_set_error (error, EM_BUNDLE_ERROR, EM_BUNDLE_ERROR_INVALID, _("campo «%s»: %s"), key, why);
  return FALSE;
}

static gboolean
is_hash (const char *text)
{
  if (strlen (text) != 64)
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p) && (*p < 'a' || *p > 'f'))
      return FALSE;
  return TRUE;
}

static gboolean
is_date (const char *text)
{
  g_autoptr(GDateTime) date = g_date_time_new_from_iso8601 (text, NULL);

  return date != NULL;
}

static gboolean
is_word (const char *text)
{
  if (text[0] == '\0')
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if ((guchar) *p < 0x20 || *p == 0x7f)
      return FALSE;
  return TRUE;
}

static gboolean
is_json_object (const char *text)
{
  g_autoptr(JsonNode) root = em_bundle_parse (text, strlen (text), NULL);

  return root != NULL && JSON_NODE_HOLDS_OBJECT (root);
}

static gsize
max_bytes (FieldType type)
{
  switch (type)
    {
    case FIELD_JSON: return MAX_JSON_BYTES;
    case FIELD_TEXT:
    case FIELD_NAME: return MAX_TEXT_BYTES;
    default:         return MAX_WORD_BYTES;
    }
}

static gboolean
check_text (const Field *field, const char *text, GError **error)
{
  g_autofree char *stripped = NULL;

  if (strlen (text) > max_bytes (field->type))
    return invalid (error, field->key, _("es demasiado largo"));
  switch (field->type)
    {
    case FIELD_UUID: return g_uuid_string_is_valid (text) || invalid (error, field->key, _("no es un UUID"));
    case FIELD_HASH: return is_hash (text) || invalid (error, field->key, _("no es un hash SHA-256"));
    case FIELD_LINK: return text[0] == '\0' || is_hash (text) || invalid (error, field->key, _("no es un hash SHA-256"));
    case FIELD_DATE: return is_date (text) || invalid (error, field->key, _("no es una fecha ISO 8601 con zona horaria"));
    case FIELD_WORD: return is_word (text) || invalid (error, field->key, _("debe ser un texto corto de una línea"));
    case FIELD_JSON: return is_json_object (text) || invalid (error, field->key, _("no es un objeto JSON"));
    case FIELD_NAME:
      stripped = g_strstrip (g_strdup (text));
      return stripped[0] != '\0' || invalid (error, field->key, _("no puede estar vacío"));
    default:         return TRUE;
    }
}

static gboolean
read_text (JsonNode *node, const Field *field, gpointer target, GError **error)
{
  char **slot = &G_STRUCT_MEMBER (char *, target, field->offset);

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return invalid (error, field->key, _("debe ser un texto"));
  if (!check_text (field, json_node_get_string (node), error))
    return FALSE;
  g_free (*slot);
  *slot = g_strdup (json_node_get_string (node));
  return TRUE;
}

static gboolean
read_ordinal (JsonNode *node, const Field *field, gpointer target, GError **error)
{
  gint64 value;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return invalid (error, field->key, _("debe ser un número entero"));
  value = json_node_get_int (node);
  if (value < 1 || value > EM_BUNDLE_MAX_EVENTS)
    return invalid (error, field->key, _("está fuera del rango permitido"));
  G_STRUCT_MEMBER (gint64, target, field->offset) = value;
  return TRUE;
}

static gboolean
read_flag (JsonNode *node, const Field *field, gpointer target, GError **error)
{
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return invalid (error, field->key, _("debe ser true o false"));
  G_STRUCT_MEMBER (gboolean, target, field->offset) = json_node_get_boolean (node);
  return TRUE;
}

static gboolean
read_field (JsonObject *object, const Field *field, gpointer target, GError **error)
{
  JsonNode *node = json_object_get_member (object, field->key);

  if (node == NULL)
    return invalid (error, field->key, _("falta"));
  if (JSON_NODE_HOLDS_NULL (node))
    return field->nullable || invalid (error, field->key, _("no puede ser nulo"));
  if (field->type == FIELD_ORDINAL)
    return read_ordinal (node, field, target, error);
  if (field->type == FIELD_FLAG)
    return read_flag (node, field, target, error);
  return read_text (node, field, target, error);
}

static gboolean
has_field (const Field *fields, guint n_fields, const char *key)
{
  for (guint i = 0; i < n_fields; i++)
    if (g_str_equal (fields[i].key, key))
      return TRUE;
  return FALSE;
}

/* Every field of @fields, and nothing else (a typo must not pass as absent). */
static gboolean
read_fields (JsonNode *node, const Field *fields, guint n_fields, gpointer target, GError **error)
{
  JsonObject *object = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  g_autoptr(GList) keys = NULL;

  if (object == NULL)
    {
      g_set_error_literal (error, EM_BUNDLE_ERROR, EM_BUNDLE_ERROR_INVALID, _("debe ser un objeto JSON"));
      return FALSE;
    }
  keys = json_object_get_members (object);
  for (GList *l = keys; l != NULL; l = l->next)
    if (!has_field (fields, n_fields, l->data))
      return invalid (error, l->data, _("no existe en este formato"));
  for (guint i = 0; i < n_fields; i++)
    if (!read_field (object, &fields[i], target, error))
      return FALSE;
  return TRUE;
}

/* ---- Reading: what the values mean ------------------------------------ */

static gboolean
is_capacity_result (const char *text)
{
  for (EmCapacityResult r = EM_RESULT_CUMPLE; r <= EM_RESULT_INFORMACION_INCOMPLETA; r++)
    if (g_strcmp0 (text, em_capacity_result_to_string (r)) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
is_money (const char *text)
{
  EmMoney amount;

  return text != NULL && em_money_parse (text, &amount, NULL);
}

static gboolean
check_outcome (const EmCaseRow *row, EmCaseKind kind, GError **error)
{
  if (kind == EM_CASE_KIND_CAPACIDAD && !is_capacity_result (row->result))
    return invalid (error, "resultado", _("no es un resultado de capacidad económica"));
  if (kind == EM_CASE_KIND_CAPACIDAD && row->tariff != NULL)
    return invalid (error, "tarifa", _("debe ser nulo en un caso de capacidad económica"));
  if (kind == EM_CASE_KIND_TARIFA && !is_money (row->tariff))
    return invalid (error, "tarifa", _("no es un valor en pesos"));
  if (kind == EM_CASE_KIND_TARIFA && row->result != NULL)
    return invalid (error, "resultado", _("debe ser nulo en un caso de tarifa"));
  return TRUE;
}

static gboolean
check_row (const EmCaseRow *row, GError **error)
{
  EmCaseKind kind;
  EmCaseState state;

  if (!em_case_kind_parse (row->kind, &kind))
    return invalid (error, "tipo", _("debe ser «capacidad» o «tarifa»"));
  if (!em_case_state_parse (row->state, &state))
    return invalid (error, "estado", _("no es un estado del trámite"));
  if ((state == EM_CASE_STATE_ANULADO) != (row->annulment_reason != NULL))
    return invalid (error, "motivo_anulacion", _("lo tiene un caso anulado, y solo él"));
  return check_outcome (row, kind, error);
}

static gboolean
read_event (JsonNode *node, EmCaseEvent *event, GError **error)
{
  EmCaseAction action;

  if (!read_fields (node, event_fields, G_N_ELEMENTS (event_fields), event, error))
    return FALSE;
  if (!g_str_equal (event->kind, "creado") && !em_case_action_parse (event->kind, &action))
    return invalid (error, "kind", _("no es un evento del trámite"));
  return TRUE;
}

static GPtrArray *
read_events (JsonNode *node, GError **error)
{
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func ((GDestroyNotify) em_case_event_free);
  JsonArray *array = node && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
  guint length = array ? json_array_get_length (array) : 0;

  if (node == NULL)
    return invalid (error, "eventos", _("falta")), NULL;
  if (array == NULL)
    return invalid (error, "eventos", _("debe ser una lista")), NULL;
  if (length == 0 || length > EM_BUNDLE_MAX_EVENTS)
    return invalid (error, "eventos", _("debe tener entre 1 y 10000 eventos")), NULL;
  for (guint i = 0; i < length; i++)
    {
      EmCaseEvent *event = g_new0 (EmCaseEvent, 1);

      g_ptr_array_add (events, event);
      if (!read_event (json_array_get_element (array, i), event, error))
        return g_prefix_error (error, _("evento %u: "), i + 1), NULL;
    }
  return g_steal_pointer (&events);
}

static const char * const case_keys[] = { "caso", "eventos", NULL };

/* A case of a bundle, checked field by field (not yet its chain).  On
 * failure @row keeps what was read, so the caller can name the case. */
gboolean
em_bundle_case_from_json (JsonNode   *node,
                          EmCaseRow  *row,
                          GPtrArray **events,
                          GError    **error)
{
  JsonObject *object = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  g_autoptr(GList) keys = object ? json_object_get_members (object) : NULL;

  g_return_val_if_fail (node != NULL && row != NULL && events != NULL, FALSE);

  if (object == NULL)
    return invalid (error, "caso", _("debe ser un objeto JSON"));
  for (GList *l = keys; l != NULL; l = l->next)
    if (!g_strv_contains (case_keys, l->data))
      return invalid (error, l->data, _("no existe en este formato"));
  if (!json_object_has_member (object, "caso"))
    return invalid (error, "caso", _("falta"));
  if (!read_fields (json_object_get_member (object, "caso"), row_fields, G_N_ELEMENTS (row_fields), row, error)
      || !check_row (row, error))
    return FALSE;
  *events = read_events (json_object_get_member (object, "eventos"), error);
  return *events != NULL;
}
