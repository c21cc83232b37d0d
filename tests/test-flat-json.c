/* test-flat-json.c — the strict reader of one flat JSON object
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Case inputs are flat objects whose money may come as JSON numbers; the
 * reader keeps each number token as written (a double would lose centavos),
 * accepts exactly RFC 8259 for an object of scalars, and rejects nesting,
 * repeated keys and trailing text with Spanish messages that say where.
 */
#include "config.h"

#include <string.h>

#include "em-flat-json.h"
#include "em-input-error.h"

static EmFlatObject *
parse_ok (const char *text, gssize length)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *escaped = g_strescape (text, NULL);
  EmFlatObject *object;

  g_test_message ("accepts %s", escaped);
  object = em_flat_object_parse (text, length, &error);
  g_assert_no_error (error);
  g_assert_nonnull (object);
  return object;
}

static GError *
parse_fails (const char *text, gssize length)
{
  GError *error = NULL;
  EmFlatObject *object;

  object = em_flat_object_parse (text, length, &error);
  g_assert_null (object);
  g_assert_nonnull (error);
  g_assert_true (error->domain == EM_INPUT_ERROR);
  g_test_message ("message: %s", error->message);
  return error;
}

static void
assert_member (const EmFlatObject *object, guint index, const char *key,
               EmJsonKind kind, const char *text)
{
  const EmFlatMember *member = em_flat_object_get_nth (object, index);

  g_assert_nonnull (member);
  g_assert_cmpstr (member->key, ==, key);
  g_assert_cmpint (member->kind, ==, kind);
  g_assert_cmpstr (member->text, ==, text);
  g_assert_true (em_flat_object_lookup (object, key) == member);
}

/* ------------------------------------------------------------ what is read */

static void
test_members_in_order_with_kinds (void)
{
  g_autoptr(EmFlatObject) object =
    parse_ok ("{\"regimen\": \"comun\", \"activo\": 12.5, \"aval\": true,\n"
              " \"otro\": false, \"nada\": null, \"b\": \"\"}", -1);

  g_assert_cmpuint (em_flat_object_get_size (object), ==, 6);
  assert_member (object, 0, "regimen", EM_JSON_STRING, "comun");
  assert_member (object, 1, "activo", EM_JSON_NUMBER, "12.5");
  assert_member (object, 2, "aval", EM_JSON_TRUE, NULL);
  assert_member (object, 3, "otro", EM_JSON_FALSE, NULL);
  assert_member (object, 4, "nada", EM_JSON_NULL, NULL);
  assert_member (object, 5, "b", EM_JSON_STRING, "");
  g_assert_null (em_flat_object_lookup (object, "falta"));
}

static void
test_empty_object (void)
{
  static const char * const texts[] = { "{}", " { } ", "\n\t{\r\n}\n" };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(EmFlatObject) object = parse_ok (texts[i], -1);
      g_assert_cmpuint (em_flat_object_get_size (object), ==, 0);
    }
}

/* The token as written: never through a double, never normalised. */
static void
test_numbers_kept_as_written (void)
{
  static const char * const tokens[] = {
    "1e3", "-0.50", "0", "-0", "1E+2", "2.5e-3", "999999999999999.99",
    "100000000000000000000000000000", "0.10",
  };

  for (guint i = 0; i < G_N_ELEMENTS (tokens); i++)
    {
      g_autofree char *text = g_strdup_printf ("{\"n\":%s}", tokens[i]);
      g_autoptr(EmFlatObject) object = parse_ok (text, -1);

      assert_member (object, 0, "n", EM_JSON_NUMBER, tokens[i]);
    }
}

static void
test_explicit_length_is_respected (void)
{
  const char text[] = "{\"a\": 1}garbage";
  g_autoptr(EmFlatObject) object = parse_ok (text, 8);

  assert_member (object, 0, "a", EM_JSON_NUMBER, "1");
}

static void
test_string_escapes_decoded (void)
{
  static const struct { const char *json; const char *decoded; } cases[] = {
    { "\"a\\\"b\"",              "a\"b" },
    { "\"a\\\\b\"",              "a\\b" },
    { "\"a\\/b\"",               "a/b" },
    { "\"\\n\\r\\t\"",           "\n\r\t" },    /* \b, \f: see control-characters-refused */
    { "\"Mar\\u00eda\"",         "María" },
    { "\"\\u00e1\\u00C1\"",      "áÁ" },
    { "\"\\u20ac\"",             "€" },
    { "\"\\ud83d\\ude00\"",      "😀" },
    { "\"\\uD83D\\uDE00x\"",     "😀x" },
    { "\"Bogotá D.C.\"",         "Bogotá D.C." },
    { "\"\x7f\"",                "\x7f" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strdup_printf ("{\"s\": %s}", cases[i].json);
      g_autoptr(EmFlatObject) object = parse_ok (text, -1);

      assert_member (object, 0, "s", EM_JSON_STRING, cases[i].decoded);
    }
}

static void
test_keys_are_decoded (void)
{
  g_autoptr(EmFlatObject) object = parse_ok ("{\"a\\u00f1o\": 1}", -1);

  assert_member (object, 0, "año", EM_JSON_NUMBER, "1");
}

/* --------------------------------------------------------- what is refused */

typedef struct
{
  const char *text;
  const char *says;
} Refused;

static void
assert_all_refused (const Refused *cases, gsize n)
{
  for (gsize i = 0; i < n; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *escaped = g_strescape (cases[i].text, NULL);

      g_test_message ("refuses %s", escaped);
      error = parse_fails (cases[i].text, -1);
      g_assert_error (error, EM_INPUT_ERROR, EM_INPUT_ERROR_SYNTAX);
      g_assert_nonnull (strstr (error->message, cases[i].says));
    }
}

static void
test_rejects_lone_surrogates (void)
{
  static const Refused cases[] = {
    { "{\"s\": \"\\ud83d\"}",         "sustituto UTF-16 sin pareja" },
    { "{\"s\": \"\\ude00\"}",         "sustituto UTF-16 sin pareja" },
    { "{\"s\": \"\\ud83dx\"}",        "sustituto UTF-16 sin pareja" },
    { "{\"s\": \"\\ud83d\\n\"}",      "sustituto UTF-16 sin pareja" },
    { "{\"s\": \"\\ud83d\\ud83d\"}",  "sustituto UTF-16 sin pareja" },
    { "{\"s\": \"\\ude00\\ud83d\"}",  "sustituto UTF-16 sin pareja" },
  };

  assert_all_refused (cases, G_N_ELEMENTS (cases));
}

static void
test_rejects_bad_escapes (void)
{
  static const Refused cases[] = {
    { "{\"s\": \"\\x41\"}",   "secuencia de escape desconocida" },
    { "{\"s\": \"\\u12\"}",   "secuencia \\u incompleta" },
    { "{\"s\": \"\\u12g4\"}", "secuencia \\u incompleta" },
    { "{\"s\": \"\\'\"}",     "secuencia de escape desconocida" },
  };

  assert_all_refused (cases, G_N_ELEMENTS (cases));
}

static void
test_rejects_raw_control_characters (void)
{
  static const Refused cases[] = {
    { "{\"s\": \"a\nb\"}",   "carácter de control dentro de un texto" },
    { "{\"s\": \"a\tb\"}",   "carácter de control dentro de un texto" },
    { "{\"s\": \"\x01\"}",   "carácter de control dentro de un texto" },
    { "{\"s\x1f\": 1}",      "carácter de control dentro de un texto" },
  };

  assert_all_refused (cases, G_N_ELEMENTS (cases));
}

static void
test_rejects_escaped_nul (void)
{
  static const Refused cases[] = {
    { "{\"s\": \"a\\u0000b\"}", "el carácter nulo no se admite" },
    { "{\"\\u0000\": 1}",       "el carácter nulo no se admite" },
  };

  assert_all_refused (cases, G_N_ELEMENTS (cases));
}

static void
test_rejects_invalid_utf8 (void)
{
  static const char * const texts[] = {
    "{\"s\": \"\xff\"}",
    "{\"s\": \"\xc3\"}",               /* truncated sequence */
    "{\"s\": \"\xc0\xaf\"}",           /* overlong */
    "{\"s\": \"\xed\xa0\xbd\"}",       /* encoded surrogate */
    "{\"\xe1\": 1}",
    "{\"nombre\": \"Ñandú\", \"s\": \"largo texto en ASCII \xf4\x90\x80\x80 y más\"}",   /* past U+10FFFF */
    "{\"nombre\": \"Ñandú\", \"s\": \"largo texto en ASCII \xe2\x82 y más\"}",
    "{\"nombre\": \"Ñandú\", \"s\": \"largo texto en ASCII y más\"}\x80",
  };
  /* The same, after and between runs of ASCII of every length, valid. */
  static const char * const valid[] = {
    "{\"a\": \"ñ\"}",
    "{\"abcdefghijklmnop\": \"€😀ñ\", \"b\": \"x\"}",
    "{\"s\": \"Ñandú\", \"t\": \"0123456789abcdef0123456789\u00e9\", \"u\": \"€\"}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GError) error = parse_fails (texts[i], -1);
      g_assert_nonnull (strstr (error->message, "UTF-8"));
    }
  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      g_autoptr(EmFlatObject) object = parse_ok (valid[i], -1);

      g_assert_cmpuint (em_flat_object_get_size (object), >, 0);
    }
}

static void
test_rejects_embedded_nul_byte (void)
{
  const char text[] = "{\"s\": \"a\0b\"}";
  const char after_ascii[] = "{\"s\": \"abcdefghijklmnop\0b\"}";
  g_autoptr(GError) error = parse_fails (text, sizeof text - 1);
  g_autoptr(GError) error_after = parse_fails (after_ascii, sizeof after_ascii - 1);

  g_assert_error (error, EM_INPUT_ERROR, EM_INPUT_ERROR_SYNTAX);
  g_assert_error (error_after, EM_INPUT_ERROR, EM_INPUT_ERROR_SYNTAX);
  g_assert_nonnull (strstr (error_after->message, "UTF-8"));
}

static void
test_rejects_duplicate_key_naming_it (void)
{
  static const char * const texts[] = {
    "{\"activo_total\": 1, \"activo_total\": 2}",
    "{\"activo_total\": 1, \"x\": 0, \"activo_\\u0074otal\": \"1\"}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GError) error = parse_fails (texts[i], -1);

      g_assert_error (error, EM_INPUT_ERROR, EM_INPUT_ERROR_INVALID);
      g_assert_cmpstr (em_input_error_get_field (error), ==, "activo_total");
      g_assert_nonnull (strstr (error->message, "más de una vez"));
    }
}

/* A few members are looked for one by one, many through a table: both
 * find every key and refuse a repeated one, wherever it stands. */
static void
test_many_members (void)
{
  for (guint n = 1; n <= 40; n += 3)
    {
      g_autoptr(GString) text = g_string_new ("{");
      g_autoptr(EmFlatObject) object = NULL;

      for (guint i = 0; i < n; i++)
        g_string_append_printf (text, "%s\"k%u\": \"v%u\"", i ? ", " : "", i, i);
      g_string_append_c (text, '}');
      object = parse_ok (text->str, -1);
      g_assert_cmpuint (em_flat_object_get_size (object), ==, n);
      for (guint i = 0; i < n; i++)
        {
          g_autofree char *key = g_strdup_printf ("k%u", i), *value = g_strdup_printf ("v%u", i);

          assert_member (object, i, key, EM_JSON_STRING, value);
        }
      g_assert_null (em_flat_object_lookup (object, "falta"));
      for (guint repeated = 0; repeated < n; repeated += 5)
        {
          g_autoptr(GString) twice = g_string_new (text->str);
          g_autoptr(GError) error = NULL;
          g_autofree char *field = g_strdup_printf ("k%u", repeated);

          g_string_truncate (twice, twice->len - 1);
          g_string_append_printf (twice, ", \"k%u\": 1}", repeated);
          error = parse_fails (twice->str, -1);
          g_assert_error (error, EM_INPUT_ERROR, EM_INPUT_ERROR_INVALID);
          g_assert_cmpstr (em_input_error_get_field (error), ==, field);
        }
    }
}

static void
test_rejects_nested_values_naming_field (void)
{
  static const struct { const char *text; const char *field; const char *says; } cases[] = {
    { "{\"a\": 1, \"datos\": {\"x\": 1}}", "datos", "no un objeto" },
    { "{\"lista\": [1, 2]}",              "lista", "no una lista" },
    { "{\"vacio\": {}}",                  "vacio", "se esperaba un valor simple" },
    { "{\"vacia\": []}",                  "vacia", "se esperaba un valor simple" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = parse_fails (cases[i].text, -1);

      g_assert_error (error, EM_INPUT_ERROR, EM_INPUT_ERROR_INVALID);
      g_assert_cmpstr (em_input_error_get_field (error), ==, cases[i].field);
      g_assert_nonnull (strstr (error->message, cases[i].says));
    }
}

/* No recursion: 10,000 open brackets are refused at once, whether as the
 * root or as a member's value. */
static void
test_rejects_deep_nesting_quickly (void)
{
  g_autofree char *brackets = g_strnfill (10000, '[');
  g_autofree char *braces = g_strnfill (10000, '{');
  g_autofree char *as_value = g_strconcat ("{\"a\": ", brackets, NULL);
  g_autofree char *as_key = g_strconcat ("{\"a\": ", braces, NULL);
  const char *texts[] = { brackets, braces, as_value, as_key };
  gint64 start = g_get_monotonic_time ();

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    g_error_free (parse_fails (texts[i], -1));
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);
}

/* {"nombre": "ñññ…"} with @n characters (two bytes each). */
static char *
object_with_name_of (guint n)
{
  GString *text = g_string_new ("{\"nombre\": \"");

  for (guint i = 0; i < n; i++)
    g_string_append (text, "ñ");
  g_string_append (text, "\"}");
  return g_string_free (text, FALSE);
}

/* A text of 10,000 characters is read whole; one more is refused naming the
 * field (whatever is stored must fit in a bundle, where a text is at most
 * 64 KiB: a case with a 100,000-character name could not travel). */
static void
test_text_of_ten_thousand_characters_at_most (void)
{
  g_autofree char *longest = object_with_name_of (EM_FLAT_JSON_MAX_TEXT_CHARS);
  g_autofree char *too_long = object_with_name_of (EM_FLAT_JSON_MAX_TEXT_CHARS + 1);
  g_autoptr(EmFlatObject) object = parse_ok (longest, -1);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_utf8_strlen (em_flat_object_lookup (object, "nombre")->text, -1), ==, 10000);
  error = parse_fails (too_long, -1);
  g_assert_cmpstr (em_input_error_get_field (error), ==, "nombre");
  g_assert_nonnull (strstr (error->message, "más de 10.000 caracteres"));
  for (guint n = EM_FLAT_JSON_MAX_TEXT_CHARS; n <= EM_FLAT_JSON_MAX_TEXT_CHARS + 1; n++)
    {
      g_autofree char *ascii = g_strdup_printf ("{\"nombre\": \"%0*d\"}", (int) n, 0);
      g_autoptr(GError) ascii_error = NULL;
      g_autoptr(EmFlatObject) read = em_flat_object_parse (ascii, -1, &ascii_error);

      g_assert_true ((read != NULL) == (n == EM_FLAT_JSON_MAX_TEXT_CHARS));
    }
}

/* Control characters other than tab and line breaks are refused in texts
 * (escaped or not): json-glib writes U+001F back unescaped, so a stored
 * case with one could never be read again (found by fuzzing). */
static void
test_text_control_characters_refused (void)
{
  g_autoptr(EmFlatObject) kept = parse_ok ("{\"nombre\": \"Ana\\tMar\\u00eda\\nP\\u00e9rez\\r\"}", -1);

  g_assert_cmpstr (em_flat_object_lookup (kept, "nombre")->text, ==, "Ana\tMaría\nPérez\r");
  for (guint c = 1; c < 0x20; c++)
    {
      g_autofree char *text = g_strdup_printf ("{\"nombre\": \"a\\u%04xb\"}", c);
      g_autofree char *hex = g_strdup_printf ("U+%04X", c);
      g_autoptr(GError) error = NULL;

      if (c == '\t' || c == '\n' || c == '\r')
        continue;
      error = parse_fails (text, -1);
      g_assert_cmpstr (em_input_error_get_field (error), ==, "nombre");
      g_assert_nonnull (strstr (error->message, hex));
    }
}

static void
test_rejects_trailing_text (void)
{
  static const Refused cases[] = {
    { "{} x",          "sobra texto después del objeto" },
    { "{}{}",          "sobra texto después del objeto" },
    { "{\"a\": 1} 2",  "sobra texto después del objeto" },
    { "{\"a\": 1},",   "sobra texto después del objeto" },
  };

  assert_all_refused (cases, G_N_ELEMENTS (cases));
}

static void
test_rejects_malformed_numbers (void)
{
  static const Refused cases[] = {
    { "{\"n\": 01}",    "los números no pueden empezar por cero" },
    { "{\"n\": -01}",   "los números no pueden empezar por cero" },
    { "{\"n\": 00}",    "los números no pueden empezar por cero" },
    { "{\"n\": 1.}",    "faltan cifras después del punto decimal" },
    { "{\"n\": 1.e3}",  "faltan cifras después del punto decimal" },
    { "{\"n\": 1e}",    "exponente mal escrito" },
    { "{\"n\": 1e+}",   "exponente mal escrito" },
    { "{\"n\": -}",     "número mal escrito" },
    { "{\"n\": -a}",    "número mal escrito" },
    { "{\"n\": .5}",    "valor desconocido" },
    { "{\"n\": +1}",    "valor desconocido" },
    { "{\"n\": 0x10}",  "se esperaba una coma" },
    { "{\"n\": NaN}",   "valor desconocido" },
    { "{\"n\": Infinity}", "valor desconocido" },
  };

  assert_all_refused (cases, G_N_ELEMENTS (cases));
}

static void
test_rejects_malformed_structure (void)
{
  static const Refused cases[] = {
    { "[]",                    "se esperaba un objeto JSON" },
    { "\"texto\"",             "se esperaba un objeto JSON" },
    { "{\"a\" 1}",             "se esperaban dos puntos" },
    { "{\"a\": 1 \"b\": 2}",   "se esperaba una coma" },
    { "{\"a\": 1,}",           "se esperaba un texto entre comillas" },
    { "{a: 1}",                "se esperaba un texto entre comillas" },
    { "{'a': 1}",              "se esperaba un texto entre comillas" },
    { "{\"a\": tru}",          "valor desconocido" },
    { "{\"a\": True}",         "valor desconocido" },
    { "{\"a\": nul}",          "valor desconocido" },
    { "{\"a\": undefined}",    "valor desconocido" },
    { "{\"a\": truex}",        "se esperaba una coma" },
    { "{\"a\": 1 // nota\n}",  "se esperaba una coma" },
  };

  assert_all_refused (cases, G_N_ELEMENTS (cases));
}

/* Cut anywhere, a valid object is refused, saying that the text ends early. */
static void
test_rejects_truncated_input (void)
{
  const char *full = "{\"a\": \"x\\u00e1\", \"b\": -1.5e3, \"c\": true, \"d\": null}";
  gsize len = strlen (full);
  gsize in_true = strstr (full, "true") - full, in_null = strstr (full, "null") - full;

  for (gsize cut = 0; cut < len; cut++)
    {
      g_autoptr(GError) error = NULL;
      gboolean inside_word = (cut > in_true && cut < in_true + 4)
                             || (cut > in_null && cut < in_null + 4);

      g_test_message ("cut at %" G_GSIZE_FORMAT, cut);
      error = parse_fails (full, cut);
      g_assert_error (error, EM_INPUT_ERROR, EM_INPUT_ERROR_SYNTAX);
      /* A cut word is refused as an unknown value, at its position. */
      g_assert_nonnull (strstr (error->message, inside_word ? "valor desconocido"
                                                            : "termina antes de tiempo"));
    }
}

static void
test_error_messages_give_position (void)
{
  static const struct { const char *text; const char *says; } cases[] = {
    { "{\"a\": 01}",     "JSON no válido en la posición 8:" },
    { "x",               "JSON no válido en la posición 1:" },
    { "{\"a\": 1} x",    "JSON no válido en la posición 10:" },
    { "{\"a\": \"\\q\"}", "JSON no válido en la posición 9:" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = parse_fails (cases[i].text, -1);

      g_assert_nonnull (strstr (error->message, cases[i].says));
      g_assert_null (em_input_error_get_field (error));
    }
}

static void
test_kind_descriptions_in_spanish (void)
{
  g_assert_cmpstr (em_json_kind_describe (EM_JSON_STRING), ==, "un texto");
  g_assert_cmpstr (em_json_kind_describe (EM_JSON_NUMBER), ==, "un número");
  g_assert_cmpstr (em_json_kind_describe (EM_JSON_TRUE), ==, "un valor lógico");
  g_assert_cmpstr (em_json_kind_describe (EM_JSON_FALSE), ==, "un valor lógico");
  g_assert_cmpstr (em_json_kind_describe (EM_JSON_NULL), ==, "null");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/flat-json/members-in-order-with-kinds", test_members_in_order_with_kinds);
  g_test_add_func ("/flat-json/empty-object", test_empty_object);
  g_test_add_func ("/flat-json/many-members", test_many_members);
  g_test_add_func ("/flat-json/numbers-kept-as-written", test_numbers_kept_as_written);
  g_test_add_func ("/flat-json/explicit-length-is-respected", test_explicit_length_is_respected);
  g_test_add_func ("/flat-json/string/escapes-decoded", test_string_escapes_decoded);
  g_test_add_func ("/flat-json/string/keys-are-decoded", test_keys_are_decoded);
  g_test_add_func ("/flat-json/string/rejects-lone-surrogates", test_rejects_lone_surrogates);
  g_test_add_func ("/flat-json/string/rejects-bad-escapes", test_rejects_bad_escapes);
  g_test_add_func ("/flat-json/string/rejects-raw-control-characters",
                   test_rejects_raw_control_characters);
  g_test_add_func ("/flat-json/string/rejects-escaped-nul", test_rejects_escaped_nul);
  g_test_add_func ("/flat-json/rejects-invalid-utf8", test_rejects_invalid_utf8);
  g_test_add_func ("/flat-json/rejects-embedded-nul-byte", test_rejects_embedded_nul_byte);
  g_test_add_func ("/flat-json/rejects-duplicate-key-naming-it", test_rejects_duplicate_key_naming_it);
  g_test_add_func ("/flat-json/rejects-nested-values-naming-field",
                   test_rejects_nested_values_naming_field);
  g_test_add_func ("/flat-json/rejects-deep-nesting-quickly", test_rejects_deep_nesting_quickly);
  g_test_add_func ("/flat-json/rejects-trailing-text", test_rejects_trailing_text);
  g_test_add_func ("/flat-json/string/ten-thousand-characters-at-most", test_text_of_ten_thousand_characters_at_most);
  g_test_add_func ("/flat-json/string/control-characters-refused", test_text_control_characters_refused);
  g_test_add_func ("/flat-json/number/rejects-malformed-numbers", test_rejects_malformed_numbers);
  g_test_add_func ("/flat-json/rejects-malformed-structure", test_rejects_malformed_structure);
  g_test_add_func ("/flat-json/rejects-truncated-input", test_rejects_truncated_input);
  g_test_add_func ("/flat-json/error-messages-give-position", test_error_messages_give_position);
  g_test_add_func ("/flat-json/kind-descriptions-in-spanish", test_kind_descriptions_in_spanish);

  return g_test_run ();
}
