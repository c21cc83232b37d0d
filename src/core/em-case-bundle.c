/* em-case-bundle.c — cases with their history, moved between laptops
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A bundle is one JSON document, written and read as a stream, one case
 * per line, so a million cases are never in memory at once:
 *
 *   {"formato": "evaluador-minero-paquete", "version": 1,
 *    "exportado": "2024-05-02T15:04:05Z", "programa": "evaluador-minero 0.1.0",
 *    "casos": [
 *   {"caso": {"uuid": …, every column of the case …}, "eventos": [{…}, …]},
 *   …
 *   ],
 *    "total": N}
 *
 * (em-case-bundle-json.c writes and checks one case).  Cases go oldest
 * first, so the receiving laptop numbers them in the same order.  Export
 * refuses a case whose history does not verify here.  Import reads the
 * members in any layout, checks every case (its fields, then its chain with
 * em_chain_verify_case) and stores it, all inside one transaction: a bundle
 * with one bad case, a case changed on both laptops, a truncated file or a
 * wrong "total" is rolled back whole, so nothing of it is stored.  What is
 * already here is stored nothing twice (em_case_store_import_case).
 */
#define G_LOG_DOMAIN "em-case-bundle"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "em-case-bundle-private.h"

G_DEFINE_QUARK (em-bundle-error-quark, em_bundle_error)

/* ---- Export ----------------------------------------------------------- */

static gboolean
write_text (GOutputStream *out, const char *text, GError **error)
{
  return g_output_stream_write_all (out, text, strlen (text), NULL, NULL, error);
}

static char *
header_text (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format_iso8601 (now);

  /* Every value here is plain ASCII, without quotes or backslashes. */
  return g_strdup_printf ("{\"formato\": \"%s\", \"version\": %d,\n \"exportado\": \"%s\", \"programa\": \"%s %s\",\n"
                          " \"casos\": [\n", EM_BUNDLE_FORMAT, EM_BUNDLE_VERSION, stamp, GETTEXT_PACKAGE,
                          PACKAGE_VERSION);
}

/* A case as the store holds it, which must verify before it travels. */
static gboolean
read_verified_case (EmCaseStore *store, gint64 id, EmCaseRow *row, GPtrArray **events, GError **error)
{
  g_autoptr(GError) broken = NULL;

  if (!em_case_store_export_case (store, id, row, events, error))
    return FALSE;
  if (em_chain_verify_case (row, *events, &broken))
    return TRUE;
  g_set_error (error, EM_STORE_ERROR, EM_STORE_ERROR_TAMPERED,
               _("el caso %ld de esta base de datos no se verifica (%s)"), (long) id, broken->message);
  return FALSE;
}

static gboolean
write_case (EmCaseStore *store, gint64 id, gboolean first, GOutputStream *out, GError **error)
{
  g_auto(EmCaseRow) row = { 0 };
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *text = NULL;

  if (!read_verified_case (store, id, &row, &events, error))
    return FALSE;
  node = em_bundle_case_to_json (&row, events);
  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, NULL);
  return (first || write_text (out, ",\n", error)) && write_text (out, text, error);
}

static int
compare_ids (gconstpointer a, gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

gboolean
em_case_bundle_export (EmCaseStore        *store,
                       const EmCaseFilter *filter,
                       GOutputStream      *out,
                       guint              *n_cases,
                       GError            **error)
{
  const EmCaseFilter all = EM_CASE_FILTER_INIT;
  g_autoptr(GArray) ids = NULL;
  g_autofree char *header = NULL;
  g_autofree char *footer = NULL;

  g_return_val_if_fail (EM_IS_CASE_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);

  if ((ids = em_case_store_query_ids (store, filter ? filter : &all, 0, error)) == NULL)
    return FALSE;
  g_array_sort (ids, compare_ids);          /* oldest first, whatever the filter's order */
  header = header_text ();
  if (!write_text (out, header, error))
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    if (!write_case (store, g_array_index (ids, gint64, i), i == 0, out, error))
      return FALSE;
  footer = g_strdup_printf ("\n],\n \"total\": %u}\n", ids->len);
  if (!write_text (out, footer, error) || !g_output_stream_flush (out, NULL, error))
    return FALSE;
  if (n_cases != NULL)
    *n_cases = ids->len;
  return TRUE;
}

/* ---- Reading the document as a stream ---------------------------------- */

#define READ_CHUNK (64 * 1024)

typedef struct
{
  GInputStream *in;
  guchar       *buffer;
  gsize         length;
  gsize         position;
  guint64       offset;      /* bytes taken so far, for messages */
  GError       *error;       /* a read error, reported as the reason */
} Reader;

/* The next byte, not taken; -1 at the end or after a read error. */
static int
peek (Reader *r)
{
  if (r->position == r->length && r->error == NULL)
    {
      gssize n = g_input_stream_read (r->in, r->buffer, READ_CHUNK, NULL, &r->error);

      r->length = MAX (n, 0);
      r->position = 0;
    }
  return r->position < r->length ? r->buffer[r->position] : -1;
}

static void
take (Reader *r)
{
  r->position++;
  r->offset++;
}

static void
skip_space (Reader *r)
{
  int c;

  while ((c = peek (r)) == ' ' || c == '\t' || c == '\n' || c == '\r')
    take (r);
}

static gboolean
damaged (Reader *r, GError **error)
{
  if (r->error != NULL)
    g_propagate_prefixed_error (error, g_steal_pointer (&r->error), _("No se pudo leer el paquete: "));
  else if (peek (r) < 0 && r->offset == 0)
    g_set_error_literal (error, EM_BUNDLE_ERROR, EM_BUNDLE_ERROR_MALFORMED, _("El paquete está vacío."));
  else if (peek (r) < 0)
    g_set_error_literal (error, EM_BUNDLE_ERROR, EM_BUNDLE_ERROR_MALFORMED,
                         _("El paquete está incompleto: el archivo termina antes de tiempo (¿se copió a medias?)."));
  else
    g_set_error (error, EM_BUNDLE_ERROR, EM_BUNDLE_ERROR_MALFORMED,
                 _("El paquete está dañado: no es JSON válido cerca del byte %lu."), (unsigned long) r->offset);
  return FALSE;
}

static gboolean
expect (Reader *r, char wanted, GError **error)
{
  skip_space (r);
  if (peek (r) != wanted)
    return damaged (r, error);
  take (r);
  return TRUE;
}

/* After a member or an element: ',' (*more) or @close. */
static gboolean
separator (Reader *r, char close, gboolean *more, GError **error)
{
  int c;

  skip_space (r);
  c = peek (r);
  if (c != ',' && c != close)
    return damaged (r, error);
  take (r);
  *more = c == ',';
  return TRUE;
}

static gboolean
ends_scalar (const EmJsonScan *scan, GString *text, int c)
{
  return text->len > 0 && scan->depth == 0 && !scan->in_string
         && (c == ',' || c == '}' || c == ']' || c == ' ' || c == '\t' || c == '\n' || c == '\r');
}

static gboolean
too_big (GError **error)
{
  g_set_error (error, EM_BUNDLE_ERROR, EM_BUNDLE_ERROR_MALFORMED,
               _("El paquete tiene un caso de más de %d MiB: no es un paquete de esta aplicación."),
               EM_BUNDLE_MAX_CASE_BYTES / (1024 * 1024));
  return FALSE;
}

static gboolean
too_deep (GError **error)
{
  g_set_error (error, EM_BUNDLE_ERROR, EM_BUNDLE_ERROR_MALFORMED,
               _("El paquete tiene más de %d niveles anidados: no es un paquete de esta aplicación."),
               EM_BUNDLE_MAX_DEPTH);
  return FALSE;
}

/* Takes one JSON value's text as it is: its end is found by brackets and
 * quotes alone; json-glib judges the text afterwards. */
static gboolean
capture_value (Reader *r, GString *text, GError **error)
{
  EmJsonScan scan = { 0 };
  int c;

  g_string_truncate (text, 0);
  skip_space (r);
  while ((c = peek (r)) >= 0 && !ends_scalar (&scan, text, c))
    {
      take (r);
      g_string_append_c (text, c);
      if (text->len > EM_BUNDLE_MAX_CASE_BYTES)
        return too_big (error);
      if (!em_json_scan_byte (&scan, c))
        return scan.depth > 0 ? too_deep (error) : damaged (r, error);
      if (scan.depth == 0 && !scan.in_string && (c == '}' || c == ']' || c == '"'))
        return TRUE;
    }
  if (text->len == 0 || scan.depth > 0 || scan.in_string || r->error != NULL)
    return damaged (r, error);
  return TRUE;
}

/* ---- Import ----------------------------------------------------------- */

enum
{
  SEEN_FORMAT = 1 << 0,
  SEEN_VERSION = 1 << 1,
  SEEN_CASES = 1 << 2,
  SEEN_TOTAL = 1 << 3,
};

typedef struct
{
  EmCaseStore    *store;
  Reader          reader;
  GString        *text;
  const char     *evaluator;
  const char     *origin;
  guint           seen;
  gint64          total;
  guint           count;
  EmBundleReport  report;
} Import;

static gboolean
not_a_bundle (GError **error, const char *why)
{
  g_set_error (error, EM_BUNDLE_ERROR, EM_BUNDLE_ERROR_MALFORMED,
               _("El archivo no es un paquete de casos de Evaluador Minero: %s."), why);
  return FALSE;
}

/* json-glib's own message is left out: it is not in Spanish. */
static JsonNode *
parse_captured (Import *import, GError **error)
{
  JsonNode *node = em_bundle_parse (import->text->str, import->text->len, NULL);

  if (node == NULL)
    g_set_error (error, EM_BUNDLE_ERROR, EM_BUNDLE_ERROR_MALFORMED,
                 _("El paquete está dañado: no es JSON válido antes del byte %lu."),
                 (unsigned long) import->reader.offset);
  return node;
}

static gboolean
count_outcome (Import *import, EmImportOutcome outcome)
{
  if (outcome == EM_IMPORT_NEW)
    import->report.n_new++;
  else if (outcome == EM_IMPORT_EXTENDED)
    import->report.n_extended++;
  else
    import->report.n_unchanged++;
  return TRUE;
}

/* One case: its fields, its chain, then into the store (a savepoint). */
static gboolean
import_case (Import *import, GError **error)
{
  g_autoptr(JsonNode) node = parse_captured (import, error);
  g_auto(EmCaseRow) row = { 0 };
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) broken = NULL;
  EmImportOutcome outcome;
  guint position = ++import->count;

  if (node == NULL)
    return FALSE;
  if (!em_bundle_case_from_json (node, &row, &events, error))
    return g_prefix_error (error, _("Caso n.º %u del paquete (%s): "), position,
                           row.uuid ? row.uuid : _("sin identificador válido")), FALSE;
  if (!em_chain_verify_case (&row, events, &broken))
    {
      g_set_error (error, EM_BUNDLE_ERROR, EM_BUNDLE_ERROR_NOT_VERIFIED,
                   _("Caso n.º %u del paquete: %s"), position, broken->message);
      return FALSE;
    }
  if (!em_case_store_import_case (import->store, &row, events, import->evaluator, import->origin,
                                  &outcome, error))
    return g_prefix_error (error, _("Caso n.º %u del paquete: "), position), FALSE;
  return count_outcome (import, outcome);
}

static gboolean
read_cases (Import *import, GError **error)
{
  Reader *r = &import->reader;
  gboolean more = TRUE;

  if ((import->seen & (SEEN_FORMAT | SEEN_VERSION)) != (SEEN_FORMAT | SEEN_VERSION))
    return not_a_bundle (error, _("«formato» y «version» deben ir antes de «casos»"));
  if (!expect (r, '[', error))
    return FALSE;
  skip_space (r);
  if (peek (r) == ']')
    return take (r), TRUE;
  while (more)
    if (!capture_value (r, import->text, error) || !import_case (import, error)
        || !separator (r, ']', &more, error))
      return FALSE;
  return TRUE;
}

static gboolean
read_format (JsonNode *value, GError **error)
{
  g_autofree char *why = NULL;

  if (JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_STRING
      && g_str_equal (json_node_get_string (value), EM_BUNDLE_FORMAT))
    return TRUE;
  why = g_strdup_printf (_("«formato» no es «%s»"), EM_BUNDLE_FORMAT);
  return not_a_bundle (error, why);
}

static gboolean
read_integer (JsonNode *value, const char *key, gint64 *out, GError **error)
{
  g_autofree char *why = NULL;

  if (JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_INT64
      && (*out = json_node_get_int (value)) >= 0)
    return TRUE;
  why = g_strdup_printf (_("«%s» debe ser un número entero"), key);
  return not_a_bundle (error, why);
}

static gboolean
read_version (JsonNode *value, GError **error)
{
  gint64 version;

  if (!read_integer (value, "version", &version, error))
    return FALSE;
  if (version > EM_BUNDLE_VERSION)
    {
      g_set_error (error, EM_BUNDLE_ERROR, EM_BUNDLE_ERROR_NEWER,
                   _("El paquete es de la versión %ld del formato, de una versión más nueva de Evaluador "
                     "Minero: actualice la aplicación para importarlo."), (long) version);
      return FALSE;
    }
  return version == EM_BUNDLE_VERSION || not_a_bundle (error, _("«version» no es válida"));
}

static gboolean
read_label (JsonNode *value, const char *key, GError **error)
{
  g_autofree char *why = NULL;

  if (JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_STRING)
    return TRUE;
  why = g_strdup_printf (_("«%s» debe ser un texto"), key);
  return not_a_bundle (error, why);
}

static guint
member_flag (const char *key)
{
  if (g_str_equal (key, "formato"))
    return SEEN_FORMAT;
  if (g_str_equal (key, "version"))
    return SEEN_VERSION;
  if (g_str_equal (key, "casos"))
    return SEEN_CASES;
  return g_str_equal (key, "total") ? SEEN_TOTAL : 0;
}

static gboolean
read_header_value (Import *import, const char *key, GError **error)
{
  g_autoptr(JsonNode) value = NULL;
  g_autofree char *why = NULL;

  if (!capture_value (&import->reader, import->text, error) || (value = parse_captured (import, error)) == NULL)
    return FALSE;
  if (g_str_equal (key, "formato"))
    return read_format (value, error);
  if (g_str_equal (key, "version"))
    return read_version (value, error);
  if (g_str_equal (key, "total"))
    return read_integer (value, key, &import->total, error);
  if (g_str_equal (key, "exportado") || g_str_equal (key, "programa"))
    return read_label (value, key, error);
  why = g_strdup_printf (_("tiene un campo desconocido «%s»"), key);
  return not_a_bundle (error, why);
}

static gboolean
read_member (Import *import, GError **error)
{
  g_autoptr(JsonNode) key_node = NULL;
  g_autofree char *key = NULL;
  g_autofree char *why = NULL;
  guint flag;

  if (!capture_value (&import->reader, import->text, error) || (key_node = parse_captured (import, error)) == NULL)
    return FALSE;
  if (!JSON_NODE_HOLDS_VALUE (key_node) || json_node_get_value_type (key_node) != G_TYPE_STRING)
    return damaged (&import->reader, error);
  key = g_strdup (json_node_get_string (key_node));
  if ((flag = member_flag (key)) & import->seen)
    {
      why = g_strdup_printf (_("el campo «%s» está repetido"), key);
      return not_a_bundle (error, why);
    }
  if (!expect (&import->reader, ':', error))
    return FALSE;
  if (flag == SEEN_CASES ? !read_cases (import, error) : !read_header_value (import, key, error))
    return FALSE;
  import->seen |= flag;
  return TRUE;
}

static gboolean
check_complete (Import *import, GError **error)
{
  if (!(import->seen & SEEN_CASES))
    return not_a_bundle (error, _("no tiene «casos»"));
  if (!(import->seen & SEEN_TOTAL))
    {
      g_set_error_literal (error, EM_BUNDLE_ERROR, EM_BUNDLE_ERROR_MALFORMED,
                           _("El paquete está incompleto: le falta «total» al final."));
      return FALSE;
    }
  if (import->total != import->count)
    {
      g_set_error (error, EM_BUNDLE_ERROR, EM_BUNDLE_ERROR_MALFORMED,
                   _("El paquete está incompleto: tiene %u casos y debía tener %ld."),
                   import->count, (long) import->total);
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_bundle (Import *import, GError **error)
{
  Reader *r = &import->reader;
  gboolean more = TRUE;

  /* a UTF-8 byte-order mark, which some editors add */
  for (const char *bom = "\xEF\xBB\xBF"; *bom != '\0' && peek (r) == (guchar) *bom; bom++)
    take (r);
  skip_space (r);
  if (peek (r) != '{')
    return peek (r) < 0 ? damaged (r, error) : not_a_bundle (error, _("no es un objeto JSON"));
  take (r);
  while (more)
    if (!read_member (import, error) || !separator (r, '}', &more, error))
      return FALSE;
  skip_space (r);
  if (peek (r) >= 0 || r->error != NULL)
    return damaged (r, error);
  return check_complete (import, error);
}

gboolean
em_case_bundle_import (EmCaseStore    *store,
                       GInputStream   *in,
                       const char     *evaluator,
                       const char     *origin,
                       EmBundleReport *report,
                       GError        **error)
{
  Import import = { 0 };
  gboolean ok;

  g_return_val_if_fail (EM_IS_CASE_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_INPUT_STREAM (in), FALSE);
  g_return_val_if_fail (evaluator != NULL && origin != NULL, FALSE);

  import = (Import) { .store = store, .reader = { .in = in, .buffer = g_malloc (READ_CHUNK) },
                      .text = g_string_new (NULL), .evaluator = evaluator, .origin = origin };
  ok = em_case_store_begin (store, error);
  if (ok && !(ok = read_bundle (&import, error)))
    em_case_store_rollback (store);
  else if (ok && !(ok = em_case_store_commit (store, error)))
    em_case_store_rollback (store);
  g_free (import.reader.buffer);
  g_clear_error (&import.reader.error);
  g_string_free (import.text, TRUE);
  if (ok && report != NULL)
    *report = import.report;
  return ok;
}
