/* em-flat-json.c — a strict reader for one flat JSON object
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Case inputs are flat objects whose money may come as JSON numbers.
 * json-glib turns numbers into doubles, which cannot hold every amount up to
 * 10^15 pesos with centavos; this reader keeps each number's token as
 * written so it is converted exactly.  It accepts exactly RFC 8259 for an
 * object of scalars; nested values, repeated keys and anything after the
 * object are errors.  A text value is at most 10,000 characters, without
 * control characters other than tab and line breaks.  It never recurses,
 * so no input can exhaust the stack.
 */
#define G_LOG_DOMAIN "em-flat-json"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "em-flat-json.h"
#include "em-input-error.h"

struct _EmFlatObject
{
  GArray       *members;   /* EmFlatMember */
  GHashTable   *by_key;    /* key → index + 1, made past SMALL_OBJECT members */
  GStringChunk *strings;   /* the keys and texts, in one block for most lines */
};

/* Up to this many members, a key is looked for one member at a time:
 * cheaper than a hash table for a case's dozen fields. */
#define SMALL_OBJECT 16

typedef struct
{
  const char *text;
  gsize       len;
  gsize       pos;
  GError    **error;
  GStringChunk *strings;
} Reader;

void
em_flat_object_free (EmFlatObject *object)
{
  if (object == NULL)
    return;
  g_clear_pointer (&object->by_key, g_hash_table_unref);
  g_array_unref (object->members);
  g_string_chunk_free (object->strings);
  g_free (object);
}

static gboolean
fail (Reader *r, const char *what)
{
  if (r->pos >= r->len)
    em_input_error_set (r->error, NULL, EM_INPUT_ERROR_SYNTAX,
                        _("JSON no válido: el texto termina antes de tiempo (%s)"), what);
  else
    em_input_error_set (r->error, NULL, EM_INPUT_ERROR_SYNTAX,
                        _("JSON no válido en la posición %lu: %s"),
                        (unsigned long) (r->pos + 1), what);
  return FALSE;
}

static gboolean
is_space (char c)
{
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static void
skip_space (Reader *r)
{
  while (r->pos < r->len && is_space (r->text[r->pos]))
    r->pos++;
}

static char
peek (Reader *r)
{
  return r->pos < r->len ? r->text[r->pos] : '\0';
}

/* @what is translated only when it is said (N_ at the callers): every
 * member of every line expects something. */
static gboolean
expect (Reader *r, char c, const char *what)
{
  skip_space (r);
  if (peek (r) != c)
    return fail (r, _(what));
  r->pos++;
  return TRUE;
}

static int
hex_value (char c)
{
  if (g_ascii_isxdigit (c))
    return g_ascii_xdigit_value (c);
  return -1;
}

static gboolean
read_hex4 (Reader *r, gunichar *out)
{
  *out = 0;
  for (int i = 0; i < 4; i++)
    {
      int v = hex_value (peek (r));
      if (v < 0)
        return fail (r, _("secuencia \\u incompleta"));
      *out = *out * 16 + v;
      r->pos++;
    }
  return TRUE;
}

static gboolean
read_unicode_escape (Reader *r, GString *out)
{
  gunichar c, low;

  if (!read_hex4 (r, &c))
    return FALSE;
  if (c >= 0xDC00 && c <= 0xDFFF)
    return fail (r, _("sustituto UTF-16 sin pareja"));
  if (c >= 0xD800 && c <= 0xDBFF)
    {
      if (peek (r) != '\\' || r->pos + 1 >= r->len || r->text[r->pos + 1] != 'u')
        return fail (r, _("sustituto UTF-16 sin pareja"));
      r->pos += 2;
      if (!read_hex4 (r, &low))
        return FALSE;
      if (low < 0xDC00 || low > 0xDFFF)
        return fail (r, _("sustituto UTF-16 sin pareja"));
      c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
    }
  if (c == 0)
    return fail (r, _("el carácter nulo no se admite en un texto"));
  g_string_append_unichar (out, c);
  return TRUE;
}

static gboolean
read_escape (Reader *r, GString *out)
{
  static const char from[] = "\"\\/bfnrt";
  static const char to[] = "\"\\/\b\f\n\r\t";
  const char *hit;
  char c = peek (r);

  r->pos++;
  if (c == 'u')
    return read_unicode_escape (r, out);
  hit = c ? strchr (from, c) : NULL;
  if (hit == NULL)
    {
      r->pos--;
      return fail (r, _("secuencia de escape desconocida"));
    }
  g_string_append_c (out, to[hit - from]);
  return TRUE;
}

/* The rest of a string whose first byte is at r->pos, byte by byte. */
static char *
read_escaped_string (Reader *r)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (;;)
    {
      char c = peek (r);

      if (r->pos >= r->len)
        return fail (r, _("texto sin comillas de cierre")), NULL;
      if ((guchar) c < 0x20)
        return fail (r, _("carácter de control dentro de un texto")), NULL;
      r->pos++;
      if (c == '"')
        break;
      if (c != '\\')
        g_string_append_c (out, c);
      else if (!read_escape (r, out))
        return NULL;
    }
  return g_string_chunk_insert_len (r->strings, out->str, out->len);
}

/* Most strings have no escape: they are copied at once. */
static char *
read_string (Reader *r)
{
  gsize start, end;

  if (!expect (r, '"', N_("se esperaba un texto entre comillas")))
    return NULL;
  start = r->pos;
  for (end = start; end < r->len; end++)
    if (r->text[end] == '"' || r->text[end] == '\\' || (guchar) r->text[end] < 0x20)
      break;
  if (end == r->len || r->text[end] != '"')
    return read_escaped_string (r);
  r->pos = end + 1;
  return g_string_chunk_insert_len (r->strings, r->text + start, end - start);
}

static gsize
span_digits (Reader *r)
{
  gsize start = r->pos;

  while (g_ascii_isdigit (peek (r)))
    r->pos++;
  return r->pos - start;
}

/* RFC 8259 number grammar; the token is kept as written. */
static char *
read_number (Reader *r)
{
  gsize start = r->pos;

  if (peek (r) == '-')
    r->pos++;
  if (peek (r) == '0')
    r->pos++;
  else if (span_digits (r) == 0)
    return fail (r, _("número mal escrito")), NULL;
  if (peek (r) == '.')
    {
      r->pos++;
      if (span_digits (r) == 0)
        return fail (r, _("faltan cifras después del punto decimal")), NULL;
    }
  if (peek (r) == 'e' || peek (r) == 'E')
    {
      r->pos++;
      if (peek (r) == '+' || peek (r) == '-')
        r->pos++;
      if (span_digits (r) == 0)
        return fail (r, _("exponente mal escrito")), NULL;
    }
  if (g_ascii_isdigit (peek (r)))
    return fail (r, _("los números no pueden empezar por cero")), NULL;
  return g_string_chunk_insert_len (r->strings, r->text + start, r->pos - start);
}

static gboolean
read_word (Reader *r, const char *word)
{
  gsize n = strlen (word);

  if (r->len - r->pos < n || strncmp (r->text + r->pos, word, n) != 0)
    return fail (r, _("valor desconocido (se esperaba un texto, un número, true, false o null)"));
  r->pos += n;
  return TRUE;
}

/* A control character other than tab and line breaks, or 0. */
static guchar
control_character (const char *text)
{
  for (const guchar *p = (const guchar *) text; *p != '\0'; p++)
    if (*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r')
      return *p;
  return 0;
}

/* A text is stored as written and comes back through this reader (a
 * subsanación, a stored case opened in the window): it must be something
 * that reads back.  json-glib writes U+001F unescaped, which no JSON reader
 * accepts, so the case could never be opened again (found by fuzzing). */
static gboolean
read_text_value (Reader *r, EmFlatMember *member)
{
  guchar control;

  member->kind = EM_JSON_STRING;
  if ((member->text = read_string (r)) == NULL)
    return FALSE;
  G_STATIC_ASSERT (EM_FLAT_JSON_MAX_TEXT_CHARS == 10000);
  if (strlen (member->text) > EM_FLAT_JSON_MAX_TEXT_CHARS         /* no more characters than bytes */
      && g_utf8_strlen (member->text, -1) > EM_FLAT_JSON_MAX_TEXT_CHARS)
    em_input_error_set (r->error, member->key, EM_INPUT_ERROR_INVALID,
                        _("el texto es demasiado largo: más de 10.000 caracteres"));
  else if ((control = control_character (member->text)) != 0)
    em_input_error_set (r->error, member->key, EM_INPUT_ERROR_INVALID,
                        _("el texto tiene un carácter de control (U+%04X), que no se admite"), control);
  else
    return TRUE;
  return FALSE;
}

static gboolean
read_value (Reader *r, EmFlatMember *member)
{
  char c;

  skip_space (r);
  c = peek (r);
  if (c == '"')
    return read_text_value (r, member);
  if (c == '-' || g_ascii_isdigit (c))
    return member->kind = EM_JSON_NUMBER, (member->text = read_number (r)) != NULL;
  if (c == '{' || c == '[')
    {
      em_input_error_set (r->error, member->key, EM_INPUT_ERROR_INVALID,
                          _("se esperaba un valor simple, no %s"),
                          c == '{' ? _("un objeto") : _("una lista"));
      return FALSE;
    }
  member->kind = c == 't' ? EM_JSON_TRUE : c == 'f' ? EM_JSON_FALSE : EM_JSON_NULL;
  return read_word (r, c == 't' ? "true" : c == 'f' ? "false" : "null");
}

/* The member named @key, or NULL. */
static EmFlatMember *
find (const EmFlatObject *object, const char *key)
{
  EmFlatMember *members = (EmFlatMember *) object->members->data;

  if (object->by_key != NULL)
    {
      guint place = GPOINTER_TO_UINT (g_hash_table_lookup (object->by_key, key));
      return place > 0 ? &members[place - 1] : NULL;
    }
  for (guint i = 0; i < object->members->len; i++)
    if (em_flat_member_is (&members[i], key))
      return &members[i];
  return NULL;
}

static void
add_key (EmFlatObject *object, guint index)
{
  EmFlatMember *members = (EmFlatMember *) object->members->data;

  if (object->by_key != NULL)
    g_hash_table_insert (object->by_key, members[index].key, GUINT_TO_POINTER (index + 1));
  else if (object->members->len > SMALL_OBJECT)
    {
      object->by_key = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < object->members->len; i++)
        add_key (object, i);
    }
}

static gboolean
read_member (Reader *r, EmFlatObject *object)
{
  EmFlatMember member = { NULL, EM_JSON_NULL, NULL };

  skip_space (r);
  if ((member.key = read_string (r)) == NULL)
    return FALSE;
  if (find (object, member.key) != NULL)
    {
      em_input_error_set (r->error, member.key, EM_INPUT_ERROR_INVALID,
                          _("el campo aparece más de una vez"));
      return FALSE;
    }
  if (!expect (r, ':', N_("se esperaban dos puntos «:» después del nombre del campo"))
      || !read_value (r, &member))
    return FALSE;
  g_array_append_val (object->members, member);
  add_key (object, object->members->len - 1);
  return TRUE;
}

static gboolean
read_members (Reader *r, EmFlatObject *object)
{
  skip_space (r);
  if (peek (r) == '}')
    return r->pos++, TRUE;
  for (;;)
    {
      if (!read_member (r, object))
        return FALSE;
      skip_space (r);
      if (peek (r) == '}')
        return r->pos++, TRUE;
      if (!expect (r, ',', N_("se esperaba una coma «,» o el cierre «}»")))
        return FALSE;
    }
}

EmFlatObject *
em_flat_object_parse (const char *text,
                      gssize      length,
                      GError    **error)
{
  Reader r = { text, length < 0 ? strlen (text) : (gsize) length, 0, error, NULL };
  g_autoptr(EmFlatObject) object = g_new0 (EmFlatObject, 1);

  g_return_val_if_fail (text != NULL, NULL);

  object->members = g_array_sized_new (FALSE, FALSE, sizeof (EmFlatMember), SMALL_OBJECT);
  object->strings = r.strings = g_string_chunk_new (r.len + 1);    /* the strings are no longer */

  if (!g_utf8_validate_len (text, r.len, NULL))
    {
      em_input_error_set (error, NULL, EM_INPUT_ERROR_SYNTAX,
                          _("el texto no está en UTF-8 válido"));
      return NULL;
    }
  if (!expect (&r, '{', N_("se esperaba un objeto JSON «{…}»")) || !read_members (&r, object))
    return NULL;
  skip_space (&r);
  if (r.pos < r.len)
    return fail (&r, _("sobra texto después del objeto")), NULL;
  return g_steal_pointer (&object);
}

guint
em_flat_object_get_size (const EmFlatObject *object)
{
  return object->members->len;
}

const EmFlatMember *
em_flat_object_get_nth (const EmFlatObject *object,
                        guint               index)
{
  g_return_val_if_fail (index < object->members->len, NULL);
  return &g_array_index (object->members, EmFlatMember, index);
}

const EmFlatMember *
em_flat_object_lookup (const EmFlatObject *object,
                       const char         *key)
{
  return find (object, key);
}

const char *
em_json_kind_describe (EmJsonKind kind)
{
  switch (kind)
    {
    case EM_JSON_STRING: return _("un texto");
    case EM_JSON_NUMBER: return _("un número");
    case EM_JSON_TRUE:
    case EM_JSON_FALSE:  return _("un valor lógico");
    case EM_JSON_NULL:   return "null";
    default: g_assert_not_reached ();
    }
}
