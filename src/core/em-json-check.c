/* em-json-check.c — strict reading of data files (rule sets, tarifarios)
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every error names the place in the file as a key path
 * ("umbrales.liquidez.valor: …") and says what is wrong; unknown keys are
 * errors, so a misspelt key never silently becomes a missing value.
 */
#define G_LOG_DOMAIN "em-json-check"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "em-date.h"
#include "em-json-check.h"

G_DEFINE_QUARK (em-data-file-error-quark, em_data_file_error)

char *
em_json_check_join (const char *path,
                    const char *key)
{
  if (path == NULL || path[0] == '\0')
    return g_strdup (key);
  return g_strdup_printf ("%s.%s", path, key);
}

void
em_json_check_fail (GError    **error,
                    const char *path,
                    const char *key,
                    const char *format,
                    ...)
{
  g_autofree char *where = key ? em_json_check_join (path, key) : g_strdup (path);
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, EM_DATA_FILE_ERROR, EM_DATA_FILE_ERROR_INVALID, "%s: %s", where, what);
}

JsonObject *
em_json_check_parse_object (GBytes  *bytes,
                            GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  gsize len = 0;
  const char *data = g_bytes_get_data (bytes, &len);
  JsonNode *root;

  if (data == NULL || !g_utf8_validate_len (data, len, NULL))
    {
      g_set_error_literal (error, EM_DATA_FILE_ERROR, EM_DATA_FILE_ERROR_PARSE,
                           _("el archivo no es texto UTF-8 válido"));
      return NULL;
    }
  if (!json_parser_load_from_data (parser, data, len, &local_error))
    {
      g_set_error (error, EM_DATA_FILE_ERROR, EM_DATA_FILE_ERROR_PARSE,
                   _("el archivo no es JSON válido: %s"), local_error->message);
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, EM_DATA_FILE_ERROR, EM_DATA_FILE_ERROR_PARSE,
                           _("el archivo debe contener un objeto JSON «{…}»"));
      return NULL;
    }
  return json_object_ref (json_node_get_object (root));
}

gboolean
em_json_check_keys (JsonObject         *object,
                    const char         *path,
                    const char * const *allowed,
                    GError            **error)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (GList *l = members; l != NULL; l = l->next)
    if (!g_strv_contains (allowed, l->data))
      {
        em_json_check_fail (error, path, l->data, _("clave desconocida"));
        return FALSE;
      }
  return TRUE;
}

static JsonNode *
require (JsonObject *object, const char *path, const char *key, GError **error)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL)
    em_json_check_fail (error, path, key, _("falta esta clave"));
  return node;
}

JsonObject *
em_json_check_object (JsonObject *object,
                      const char *path,
                      const char *key,
                      GError    **error)
{
  JsonNode *node = require (object, path, key, error);

  if (node == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      em_json_check_fail (error, path, key, _("debe ser un objeto «{…}»"));
      return NULL;
    }
  return json_node_get_object (node);
}

const char *
em_json_check_string (JsonObject *object,
                      const char *path,
                      const char *key,
                      gboolean    optional,
                      GError    **error)
{
  JsonNode *node = json_object_get_member (object, key);

  if ((node == NULL || JSON_NODE_HOLDS_NULL (node)) && optional)
    return NULL;
  if (node == NULL)
    return require (object, path, key, error), NULL;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      em_json_check_fail (error, path, key, _("debe ser un texto entre comillas"));
      return NULL;
    }
  return json_node_get_string (node);
}

gboolean
em_json_check_boolean (JsonObject *object,
                       const char *path,
                       const char *key,
                       gboolean   *out,
                       GError    **error)
{
  JsonNode *node = require (object, path, key, error);

  if (node == NULL)
    return FALSE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    {
      em_json_check_fail (error, path, key, _("debe ser true o false"));
      return FALSE;
    }
  *out = json_node_get_boolean (node);
  return TRUE;
}

gboolean
em_json_check_integer (JsonObject *object,
                       const char *path,
                       const char *key,
                       gint64      min,
                       gint64      max,
                       gint64     *out,
                       GError    **error)
{
  JsonNode *node = require (object, path, key, error);

  if (node == NULL)
    return FALSE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    {
      em_json_check_fail (error, path, key, _("debe ser un número entero"));
      return FALSE;
    }
  *out = json_node_get_int (node);
  if (*out < min || *out > max)
    {
      em_json_check_fail (error, path, key,
                          _("debe estar entre %" G_GINT64_FORMAT " y %" G_GINT64_FORMAT),
                          min, max);
      return FALSE;
    }
  return TRUE;
}

/* Decimals are written as strings ("1.24") so that no reader turns them
 * into floating point on the way. */
gboolean
em_json_check_decimal (JsonObject *object,
                       const char *path,
                       const char *key,
                       EmDecimal   max,
                       EmDecimal  *out,
                       GError    **error)
{
  g_autoptr(GError) local_error = NULL;
  const char *text = em_json_check_string (object, path, key, FALSE, error);

  if (text == NULL)
    return FALSE;
  if (!em_decimal_parse (text, EM_NUMBER_PLAIN, max, out, &local_error))
    {
      if (g_error_matches (local_error, EM_NUMBER_ERROR, EM_NUMBER_ERROR_RANGE))
        {
          g_autofree char *limit = em_decimal_to_string (max);
          em_json_check_fail (error, path, key, _("«%s» es mayor que el máximo admitido, %s"),
                              text, limit);
        }
      else
        em_json_check_fail (error, path, key, "%s", local_error->message);
      return FALSE;
    }
  return TRUE;
}

gboolean
em_json_check_date (JsonObject *object,
                    const char *path,
                    const char *key,
                    gboolean    optional,
                    GDate      *out,
                    GError    **error)
{
  g_autoptr(GError) local_error = NULL;
  const char *text = em_json_check_string (object, path, key, optional, error);

  g_date_clear (out, 1);
  if (text == NULL)
    return optional && !json_object_has_member (object, key) ? TRUE
           : optional && JSON_NODE_HOLDS_NULL (json_object_get_member (object, key));
  if (!em_date_parse_iso (text, out, &local_error))
    {
      em_json_check_fail (error, path, key, "%s", local_error->message);
      return FALSE;
    }
  return TRUE;
}
