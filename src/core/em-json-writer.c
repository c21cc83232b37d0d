/* em-json-writer.c — compact JSON text, byte for byte as json-glib writes it
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The history's hashes cover JSON text written by json-glib 1.6
 * (JsonGenerator, not pretty), so any other writer must give the same
 * bytes: '"' and '\\' escaped with a backslash, \b \f \n \r \t, the other
 * bytes 0x01–0x1e and 0x7f as \u00xx, everything else (0x1f and UTF-8
 * included) as it is.  This one writes a string in place in one pass, a
 * table entry a byte with no branch, building no intermediate strings;
 * tests/test-json-writer.c compares the two.
 *
 * EmJsonOut writes a document either into a JsonBuilder or as that text
 * directly, without a tree: verdicts and inputs are described once (in
 * em-capacity-json.c, em-tariff-json.c) and the store takes their text.
 */
#define G_LOG_DOMAIN "em-json-writer"

#include "config.h"

#include <string.h>

#include "em-json-writer.h"
#include "em-number.h"

/* How many bytes an escape adds: 1 for \" \\ \b \f \n \r \t, 5 for \u00xx,
 * 0 for a byte written as it is. */
static guint8
escape_extra (guchar c)
{
  switch (c)
    {
    case '"': case '\\': case '\b': case '\f': case '\n': case '\r': case '\t':
      return 1;
    default:
      return (c > 0 && c < 0x1f) || c == 0x7f ? 5 : 0;
    }
}

/* What a byte is written as: the byte itself or its escape, padded to 8
 * bytes so that it is copied whole. */
static void
escape_text (guchar c, char text[8])
{
  static const char hex[] = "0123456789abcdef";
  static const char from[] = "\"\\\b\f\n\r\t";
  static const char letter[] = "\"\\bfnrt";
  const char *hit = c ? strchr (from, c) : NULL;

  memset (text, 0, 8);
  if (escape_extra (c) == 0)
    text[0] = c;
  else if (hit != NULL)
    text[0] = '\\', text[1] = letter[hit - from];
  else
    memcpy (text, "\\u00", 4), text[4] = hex[c >> 4], text[5] = hex[c & 0xf];
}

static guint8 width_table[256];     /* 1, 2 or 6 bytes */
static char escape_table[256][8];

static void
fill_tables (void)
{
  static gsize filled = 0;

  if (g_once_init_enter (&filled))
    {
      for (guint c = 0; c < 256; c++)
        {
          width_table[c] = 1 + escape_extra (c);
          escape_text (c, escape_table[c]);
        }
      g_once_init_leave (&filled, 1);
    }
}

static char *
write_entry (char *p, guchar c)
{
  memcpy (p, escape_table[c], 8);
  return p + width_table[c];
}


/* @length bytes with escapes, at @p, which has room for each byte's
 * longest escape and 8 bytes to spare: each byte's 8-byte entry is copied
 * whole with no branch per byte (the JSON texts a snapshot holds have an
 * escape every few bytes, where a branch would often mispredict). */
static char *
write_escaped (char *p, const guchar *bytes, gsize length)
{
  const guchar *end = bytes + length;

#pragma GCC unroll 4
  for (; bytes < end; bytes++)
    p = write_entry (p, *bytes);
  return p;
}

/* Bytes written between two checks of the room left. */
#define CHUNK 1024

/* Room for @n more bytes after out->len, which stays as it is. */
static inline void
make_room (GString *out, gsize n)
{
  gsize len = out->len;

  if (len + n >= out->allocated_len)
    {
      g_string_set_size (out, len + n);
      out->len = len;
    }
}

/* @text between quotes, or null, written in place in one pass: room for
 * the longest escapes (6 bytes a byte, and the 8 bytes an entry copies
 * past its end) is made a chunk at a time, and what is left over is cut. */
void
em_json_write_string (GString    *out,
                      const char *text)
{
  const guchar *bytes = (const guchar *) text;
  gsize length;

  if (text == NULL)
    {
      g_string_append_len (out, "null", 4);
      return;
    }
  fill_tables ();
  length = strlen (text);
  make_room (out, 6 * MIN (length, CHUNK) + 34);     /* the quotes too */
  out->str[out->len++] = '"';
  for (gsize done = 0; done < length; done += CHUNK)
    {
      gsize n = MIN (length - done, CHUNK);

      make_room (out, 6 * n + 34);
      out->len = write_escaped (out->str + out->len, bytes + done, n) - out->str;
    }
  out->str[out->len++] = '"';
  out->str[out->len] = '\0';
}

/* @value in decimal, as printf's %" G_GINT64_FORMAT " writes it. */
void
em_json_write_int (GString *out,
                   gint64   value)
{
  g_autofree char *digits = em_scaled_to_string (value, 0, '.', FALSE);

  g_string_append (out, digits);
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
      em_json_write_int (out, json_node_get_int (node));
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

/* ---- A thread's buffer -------------------------------------------- */

/* A buffer past this size is not kept. */
#define BUFFER_KEPT (1 << 20)

static void
free_buffer (gpointer buffer)
{
  g_string_free (buffer, TRUE);
}

static GPrivate thread_buffer = G_PRIVATE_INIT (free_buffer);

/* An empty GString for text that is used at once (copied, hashed), lent
 * by the calling thread: one buffer serves text after text without
 * malloc.  Taken while already lent, it is a new one. */
GString *
em_json_buffer_take (void)
{
  GString *buffer = g_private_get (&thread_buffer);

  if (buffer == NULL)
    return g_string_sized_new (8192);
  g_private_set (&thread_buffer, NULL);
  g_string_truncate (buffer, 0);
  return buffer;
}

void
em_json_buffer_give_back (GString *buffer)
{
  if (buffer->allocated_len > BUFFER_KEPT)
    g_string_free (buffer, TRUE);
  else
    g_private_replace (&thread_buffer, buffer);
}

/* ---- EmJsonOut ----------------------------------------------------- */

JsonNode *
em_json_out_node (EmJsonWriteFunc write, gpointer data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  EmJsonOut out = { .builder = builder };

  write (&out, data);
  return json_builder_get_root (builder);
}

/* The text is written into the thread's buffer and copied at its size:
 * a new GString per text cost more (a 4 KB buffer from malloc, grown and
 * given back, for a verdict of 0.7–2.5 KB). */
char *
em_json_out_text (EmJsonWriteFunc write, gpointer data)
{
  EmJsonOut out = { .text = em_json_buffer_take () };
  char *text;

  write (&out, data);
  text = g_strndup (out.text->str, out.text->len);
  em_json_buffer_give_back (out.text);
  return text;
}

/* A comma before a value or key that is not its container's first; none
 * after a key. */
static void
separate (EmJsonOut *out)
{
  guint64 bit = G_GUINT64_CONSTANT (1) << out->depth;

  if (out->after_key)
    out->after_key = FALSE;
  else if (out->started & bit)
    g_string_append_c (out->text, ',');
  out->started |= bit;
}

static void
open_container (EmJsonOut *out, char bracket)
{
  separate (out);
  g_string_append_c (out->text, bracket);
  out->depth++;
  g_assert (out->depth < 64);
  out->started &= ~(G_GUINT64_CONSTANT (1) << out->depth);
}

static void
close_container (EmJsonOut *out, char bracket)
{
  out->depth--;
  g_string_append_c (out->text, bracket);
}

static void
begin (EmJsonOut *out, char bracket)
{
  if (out->builder == NULL)
    open_container (out, bracket);
  else if (bracket == '{')
    json_builder_begin_object (out->builder);
  else
    json_builder_begin_array (out->builder);
}

static void
end (EmJsonOut *out, char bracket)
{
  if (out->builder == NULL)
    close_container (out, bracket);
  else if (bracket == '}')
    json_builder_end_object (out->builder);
  else
    json_builder_end_array (out->builder);
}

void em_json_out_begin_object (EmJsonOut *out) { begin (out, '{'); }
void em_json_out_end_object   (EmJsonOut *out) { end (out, '}'); }
void em_json_out_begin_array  (EmJsonOut *out) { begin (out, '['); }
void em_json_out_end_array    (EmJsonOut *out) { end (out, ']'); }

void
em_json_out_key (EmJsonOut *out, const char *key)
{
  if (out->builder != NULL)
    {
      json_builder_set_member_name (out->builder, key);
      return;
    }
  separate (out);
  em_json_write_string (out->text, key);
  g_string_append_c (out->text, ':');
  out->after_key = TRUE;
}

/* A string, or null for NULL. */
void
em_json_out_string (EmJsonOut *out, const char *value)
{
  if (out->builder != NULL && value != NULL)
    json_builder_add_string_value (out->builder, value);
  else if (out->builder != NULL)
    json_builder_add_null_value (out->builder);
  else
    {
      separate (out);
      em_json_write_string (out->text, value);
    }
}

void
em_json_out_boolean (EmJsonOut *out, gboolean value)
{
  if (out->builder != NULL)
    json_builder_add_boolean_value (out->builder, value);
  else
    {
      separate (out);
      g_string_append (out->text, value ? "true" : "false");
    }
}

void
em_json_out_int (EmJsonOut *out, gint64 value)
{
  if (out->builder != NULL)
    json_builder_add_int_value (out->builder, value);
  else
    {
      separate (out);
      em_json_write_int (out->text, value);
    }
}

/* "key": a string, or null for NULL. */
void
em_json_out_member (EmJsonOut *out, const char *key, const char *value)
{
  em_json_out_key (out, key);
  em_json_out_string (out, value);
}

void
em_json_out_member_boolean (EmJsonOut *out, const char *key, gboolean value)
{
  em_json_out_key (out, key);
  em_json_out_boolean (out, value);
}

/* "key": an array of the strings of a NULL-terminated list. */
void
em_json_out_string_list (EmJsonOut *out, const char *key, const char * const *items)
{
  em_json_out_key (out, key);
  em_json_out_begin_array (out);
  for (guint i = 0; items[i] != NULL; i++)
    em_json_out_string (out, items[i]);
  em_json_out_end_array (out);
}
