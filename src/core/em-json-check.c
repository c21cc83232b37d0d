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

#include <string.h>

#include "em-core-resources.h"
#include "em-date.h"
#include "em-json-check.h"

G_DEFINE_QUARK (em-data-file-error-quark, em_data_file_error)

/* Takes one byte: FALSE when the text goes deeper than EM_JSON_MAX_DEPTH or
 * closes more than it opened. */
gboolean
em_json_scan_byte (EmJsonScan *scan,
                   int         c)
{
  if (scan->in_string)
    {
      if (scan->escaped)
        scan->escaped = FALSE;
      else if (c == '\\')
        scan->escaped = TRUE;
      else if (c == '"')
        scan->in_string = FALSE;
      return TRUE;
    }
  if (c == '"')
    scan->in_string = TRUE;
  else if (c == '{' || c == '[')
    scan->depth++;
  else if (c == '}' || c == ']')
    scan->depth--;
  return scan->depth >= 0 && scan->depth <= EM_JSON_MAX_DEPTH;
}

static gboolean
is_shallow (const char *data, gsize len)
{
  EmJsonScan scan = { 0 };

  for (gsize i = 0; i < len; i++)
    if (!em_json_scan_byte (&scan, (guchar) data[i]))
      return scan.depth < 0;      /* a stray closing bracket: json-glib says where */
  return TRUE;
}

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

/* json-glib keeps the last of two members with the same name; in a data
 * file that would silently replace a value, so the first repeat is noted. */
typedef struct
{
  GHashTable *emitted;      /* JsonObject * → members parsed so far */
  JsonObject *object;
  char       *key;
} Repeated;

static void
repeated_clear (Repeated *repeated)
{
  g_clear_pointer (&repeated->key, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Repeated, repeated_clear)

static void
on_object_member (JsonParser *parser, JsonObject *object, const char *name, gpointer data)
{
  Repeated *repeated = data;
  guint emitted = GPOINTER_TO_UINT (g_hash_table_lookup (repeated->emitted, object)) + 1;

  g_hash_table_insert (repeated->emitted, object, GUINT_TO_POINTER (emitted));
  if (emitted > json_object_get_size (object) && repeated->key == NULL)
    {
      repeated->object = object;
      repeated->key = g_strdup (name);
    }
}

/* The key path of @target inside @node (at @path), or NULL. */
static char *
find_object_path (JsonNode *node, JsonObject *target, const char *path)
{
  char *found = NULL;

  if (JSON_NODE_HOLDS_OBJECT (node) && json_node_get_object (node) == target)
    return g_strdup (path);
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      g_autoptr(GList) members = json_object_get_members (object);

      for (GList *l = members; l != NULL && found == NULL; l = l->next)
        {
          g_autofree char *child = em_json_check_join (path, l->data);
          found = find_object_path (json_object_get_member (object, l->data), target, child);
        }
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array) && found == NULL; i++)
        {
          g_autofree char *child = g_strdup_printf ("%s[%u]", path, i + 1);
          found = find_object_path (json_array_get_element (array, i), target, child);
        }
    }
  return found;
}

static gboolean
check_repeated (JsonNode *root, Repeated *repeated, GError **error)
{
  g_autofree char *where = NULL;

  if (repeated->key == NULL)
    return TRUE;
  where = find_object_path (root, repeated->object, "");
  em_json_check_fail (error, where, repeated->key, _("el campo aparece más de una vez"));
  return FALSE;
}

/* The formats below come from each caller as translated literals (their
 * arguments are fixed: a name and a reason, or an identifier). */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"

/* @read_failed and @invalid are formats with the file's name and the
 * reason («No se pudo leer el tarifario «%s»: %s»). */
gpointer
em_data_file_load_file (GFile            *file,
                        EmDataFileReader  reader,
                        const char       *read_failed,
                        const char       *invalid,
                        GError          **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;
  gpointer object;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = g_file_get_parse_name (file);
  if ((bytes = g_file_load_bytes (file, NULL, NULL, &local_error)) == NULL)
    {
      g_set_error (error, EM_DATA_FILE_ERROR, EM_DATA_FILE_ERROR_PARSE, read_failed, name, local_error->message);
      return NULL;
    }
  if ((object = reader (bytes, &local_error)) == NULL)
    g_set_error (error, local_error->domain, local_error->code, invalid, name, local_error->message);
  return object;
}

/* The core's compiled-in files.  GLib 2.74 registers a compiled-in
 * resource when it is first asked for, and hands a thread that asks while
 * another is registering it no resource at all: such a thread waits here
 * until the registering one has finished (the data are ours and valid, so
 * it does finish). */
GResource *
em_data_resource (void)
{
  GResource *resource;

  while ((resource = em_core_get_resource ()) == NULL)
    g_thread_yield ();
  return resource;
}

/* @missing is a format with the identifier. */
gpointer
em_data_file_load_builtin (const char       *resource_dir,
                           const char       *id,
                           EmDataFileReader  reader,
                           const char       *missing,
                           GError          **error)
{
  g_autofree char *path = g_strconcat (resource_dir, id, ".json", NULL);
  g_autoptr(GBytes) bytes = g_resource_lookup_data (em_data_resource (), path,
                                                    G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);

  if (bytes == NULL)
    {
      g_set_error (error, EM_DATA_FILE_ERROR, EM_DATA_FILE_ERROR_PARSE, missing, id);
      return NULL;
    }
  return reader (bytes, error);
}

#pragma GCC diagnostic pop

/* The identifiers of the *.json files in a folder of the core's resource. */
char **
em_data_file_list_builtin (const char *resource_dir)
{
  g_auto(GStrv) names = g_resource_enumerate_children (em_data_resource (), resource_dir,
                                                       G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    if (g_str_has_suffix (names[i], ".json"))
      {
        g_autofree char *id = g_strndup (names[i], strlen (names[i]) - 5);
        g_strv_builder_add (ids, id);
      }
  return g_strv_builder_end (ids);
}

JsonObject *
em_json_check_parse_object (GBytes  *bytes,
                            GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GHashTable) emitted = g_hash_table_new (NULL, NULL);
  g_auto(Repeated) repeated = { emitted, NULL, NULL };
  gsize len = 0;
  const char *data = g_bytes_get_data (bytes, &len);
  JsonNode *root;

  if (data == NULL)
    data = "";      /* an empty file is valid UTF-8; it is not an object */
  if (!g_utf8_validate_len (data, len, NULL))
    {
      g_set_error_literal (error, EM_DATA_FILE_ERROR, EM_DATA_FILE_ERROR_PARSE,
                           _("el archivo no es texto UTF-8 válido"));
      return NULL;
    }
  if (!is_shallow (data, len))
    {
      g_set_error (error, EM_DATA_FILE_ERROR, EM_DATA_FILE_ERROR_PARSE,
                   _("el archivo tiene más de %d niveles de «{…}» o «[…]» anidados: no es un archivo de datos "
                     "de esta aplicación"), EM_JSON_MAX_DEPTH);
      return NULL;
    }
  g_signal_connect (parser, "object-member", G_CALLBACK (on_object_member), &repeated);
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
  if (!check_repeated (root, &repeated, error))
    return NULL;
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
                          _("debe estar entre %ld y %ld"), (long) min, (long) max);
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
