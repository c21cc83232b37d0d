/* em-json-writer.c — compact JSON text, byte for byte as json-glib writes it
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The history's hashes cover JSON text written by json-glib 1.6
 * (JsonGenerator, not pretty), so any other writer must give the same
 * bytes: '"' and '\\' escaped with a backslash, \b \f \n \r \t, the other
 * bytes 0x01–0x1e and 0x7f as \u00xx, everything else (0x1f and UTF-8
 * included) as it is.  This one copies runs of plain bytes at once and
 * builds no intermediate strings; tests/test-json-writer.c compares the two.
 */
#define G_LOG_DOMAIN "em-json-writer"

#include "config.h"

#include <string.h>

#include "em-json-writer.h"

static gboolean
needs_escape (guchar c)
{
  return c == '"' || c == '\\' || (c > 0 && c < 0x1f) || c == 0x7f;
}

static void
write_escape (GString *out, guchar c)
{
  static const char hex[] = "0123456789abcdef";
  char escape[7] = { '\\', 'u', '0', '0', hex[c >> 4], hex[c & 0xf], '\0' };

  switch (c)
    {
    case '"':  g_string_append_len (out, "\\\"", 2); break;
    case '\\': g_string_append_len (out, "\\\\", 2); break;
    case '\b': g_string_append_len (out, "\\b", 2); break;
    case '\f': g_string_append_len (out, "\\f", 2); break;
    case '\n': g_string_append_len (out, "\\n", 2); break;
    case '\r': g_string_append_len (out, "\\r", 2); break;
    case '\t': g_string_append_len (out, "\\t", 2); break;
    default:   g_string_append_len (out, escape, 6); break;
    }
}

/* @text between quotes, or null. */
void
em_json_write_string (GString    *out,
                      const char *text)
{
  const guchar *run;
  const guchar *p;

  if (text == NULL)
    {
      g_string_append_len (out, "null", 4);
      return;
    }
  g_string_append_c (out, '"');
  for (run = p = (const guchar *) text; *p != '\0'; p++)
    if (needs_escape (*p))
      {
        g_string_append_len (out, (const char *) run, p - run);
        write_escape (out, *p);
        run = p + 1;
      }
  g_string_append_len (out, (const char *) run, p - run);
  g_string_append_c (out, '"');
}

static void
write_double (GString *out, double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_dtostr (buffer, sizeof buffer, value);
  g_string_append (out, buffer);
  if (strpbrk (buffer, ".eE") == NULL)       /* as json-glib: a double stays a double */
    g_string_append_len (out, ".0", 2);
}

static void
write_value (GString *out, JsonNode *node)
{
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_INT64:
      g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
      break;
    case G_TYPE_DOUBLE:
      write_double (out, json_node_get_double (node));
      break;
    case G_TYPE_BOOLEAN:
      g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
      break;
    case G_TYPE_STRING:
      em_json_write_string (out, json_node_get_string (node));
      break;
    default:
      g_string_append_len (out, "null", 4);
      break;
    }
}

static void
write_array (GString *out, JsonArray *array)
{
  guint length = json_array_get_length (array);

  g_string_append_c (out, '[');
  for (guint i = 0; i < length; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      em_json_write_node (out, json_array_get_element (array, i));
    }
  g_string_append_c (out, ']');
}

/* Members in the order they were added, as json-glib writes them. */
static void
write_object (GString *out, JsonObject *object)
{
  GList *members = json_object_get_members (object);

  g_string_append_c (out, '{');
  for (GList *l = members; l != NULL; l = l->next)
    {
      if (l != members)
        g_string_append_c (out, ',');
      em_json_write_string (out, l->data);
      g_string_append_c (out, ':');
      em_json_write_node (out, json_object_get_member (object, l->data));
    }
  g_string_append_c (out, '}');
  g_list_free (members);
}

void
em_json_write_node (GString  *out,
                    JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      write_object (out, json_node_get_object (node));
      break;
    case JSON_NODE_ARRAY:
      write_array (out, json_node_get_array (node));
      break;
    case JSON_NODE_VALUE:
      write_value (out, node);
      break;
    case JSON_NODE_NULL:
    default:
      g_string_append_len (out, "null", 4);
      break;
    }
}

char *
em_json_node_to_text (JsonNode *node)
{
  GString *out = g_string_sized_new (1024);

  em_json_write_node (out, node);
  return g_string_free (out, FALSE);
}
