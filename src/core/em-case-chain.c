/* em-case-chain.c — canonical serialisation and hashes of the history
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each event's hash covers the previous event of the same case, its own
 * fields and a snapshot (SHA-256 of the case's whole content after the
 * event), so a case's chain verifies on its own and travels in bundles.
 * The local chain links every event of one database in order, so deleting
 * or reordering any event is detected.  The canonical form is a JSON array
 * in a fixed order, with json-glib's escaping (em-json-writer.c writes the
 * same bytes faster).
 */
#define G_LOG_DOMAIN "em-case-chain"

#include "config.h"

#include <nettle/sha2.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "em-case-chain.h"
#include "em-json-writer.h"

G_DEFINE_QUARK (em-chain-error-quark, em_chain_error)

void
em_case_row_clear (EmCaseRow *row)
{
  char **strings[] = {
    &row->uuid, &row->kind, &row->state, &row->input_json, &row->rules_id, &row->rules_sha256,
    &row->result_json, &row->result, &row->tariff, &row->name, &row->document, &row->radicado,
    &row->expediente, &row->evaluator, &row->created, &row->updated, &row->annulment_reason,
  };

  for (guint i = 0; i < G_N_ELEMENTS (strings); i++)
    g_clear_pointer (strings[i], g_free);
  row->requerimiento = FALSE;
}

void
em_case_event_clear (EmCaseEvent *event)
{
  char **strings[] = {
    &event->case_uuid, &event->kind, &event->at, &event->evaluator, &event->detail,
    &event->snapshot, &event->prev_hash, &event->hash, &event->chain,
  };

  for (guint i = 0; i < G_N_ELEMENTS (strings); i++)
    g_clear_pointer (strings[i], g_free);
}

void
em_case_event_free (EmCaseEvent *event)
{
  if (event == NULL)
    return;
  em_case_event_clear (event);
  g_free (event);
}

EmCaseEvent *
em_case_event_copy (const EmCaseEvent *event)
{
  EmCaseEvent *copy = g_new0 (EmCaseEvent, 1);

  copy->seq = event->seq;
  copy->case_uuid = g_strdup (event->case_uuid);
  copy->n = event->n;
  copy->kind = g_strdup (event->kind);
  copy->at = g_strdup (event->at);
  copy->evaluator = g_strdup (event->evaluator);
  copy->detail = g_strdup (event->detail);
  copy->snapshot = g_strdup (event->snapshot);
  copy->prev_hash = g_strdup (event->prev_hash);
  copy->hash = g_strdup (event->hash);
  copy->chain = g_strdup (event->chain);
  return copy;
}

/* @n bytes as 2 × @n lowercase hex digits at @out (no terminator);
 * returns where they end. */
char *
em_hex_write (char         *out,
              const guint8 *bytes,
              gsize         n)
{
  static const char hex[] = "0123456789abcdef";

  for (gsize i = 0; i < n; i++)
    {
      *out++ = hex[bytes[i] >> 4];
      *out++ = hex[bytes[i] & 0xf];
    }
  return out;
}

/* SHA-256 as lowercase hex, with nettle (GLib's is six times slower). */
static char *
sha256_hex (const char *data, gsize length)
{
  struct sha256_ctx context;
  guint8 digest[SHA256_DIGEST_SIZE];
  char *text = g_malloc (2 * SHA256_DIGEST_SIZE + 1);

  sha256_init (&context);
  sha256_update (&context, length, (const guint8 *) data);
  sha256_digest (&context, sizeof digest, digest);
  *em_hex_write (text, digest, sizeof digest) = '\0';
  return text;
}

/* One element of the canonical array: '[' is already there. */
static void
add_text (GString *canonical, const char *text)
{
  if (canonical->len > 1)
    g_string_append_c (canonical, ',');
  em_json_write_string (canonical, text);
}

/* Closes the array and hashes it; the buffer goes back to the thread. */
static char *
hash_canonical (GString *canonical)
{
  char *hash;

  g_string_append_c (canonical, ']');
  hash = sha256_hex (canonical->str, canonical->len);
  em_json_buffer_give_back (canonical);
  return hash;
}

char *
em_chain_snapshot (const EmCaseRow *row)
{
  GString *canonical = em_json_buffer_take ();
  const char *fields[] = {
    row->uuid, row->kind, row->state, row->input_json, row->rules_id, row->rules_sha256,
    row->result_json, row->result, row->tariff, row->name, row->document, row->radicado,
    row->expediente, row->evaluator, row->created, row->updated, row->annulment_reason,
  };

  g_string_append_c (canonical, '[');
  add_text (canonical, "caso-v1");
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    add_text (canonical, fields[i]);
  g_string_append (canonical, row->requerimiento ? ",true" : ",false");
  return hash_canonical (canonical);
}

char *
em_chain_event_hash (const EmCaseEvent *event)
{
  GString *canonical = em_json_buffer_take ();

  g_string_append_c (canonical, '[');
  add_text (canonical, "evento-v1");
  add_text (canonical, event->prev_hash);
  add_text (canonical, event->case_uuid);
  g_string_append_c (canonical, ',');
  em_json_write_int (canonical, event->n);
  add_text (canonical, event->kind);
  add_text (canonical, event->at);
  add_text (canonical, event->evaluator);
  add_text (canonical, event->detail);
  add_text (canonical, event->snapshot);
  return hash_canonical (canonical);
}

char *
em_chain_link (const char *previous_chain,
               const char *hash)
{
  g_autofree char *text = g_strconcat (previous_chain, ":", hash, NULL);

  return sha256_hex (text, strlen (text));
}

/* Crockford's base32: no I, L, O, U, so a code read from paper is not misread. */
static const char alphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/* The first 60 bits of the hash as 12 base32 digits: "7K3Q-9ZD2-M4XA". */
char *
em_chain_code (const char *hash)
{
  guint64 bits = 0;
  GString *code = g_string_new (NULL);

  g_return_val_if_fail (hash != NULL && strlen (hash) >= 15, NULL);

  for (guint i = 0; i < 15; i++)
    bits = (bits << 4) | g_ascii_xdigit_value (hash[i]);
  for (int i = 11; i >= 0; i--)
    {
      g_string_append_c (code, alphabet[(bits >> (5 * i)) & 31]);
      if (i % 4 == 0 && i > 0)
        g_string_append_c (code, '-');
    }
  return g_string_free (code, FALSE);
}

/* What a person typed → the canonical code, or NULL if it cannot be one.
 * Case, spaces and dashes do not matter; O reads as 0, I and L as 1. */
char *
em_chain_code_normalize (const char *text)
{
  GString *digits = g_string_new (NULL);
  g_autofree char *code = NULL;

  for (const char *p = text; *p != '\0'; p++)
    {
      char c = g_ascii_toupper (*p);
      if (c == ' ' || c == '-')
        continue;
      c = c == 'O' ? '0' : (c == 'I' || c == 'L') ? '1' : c;
      if (strchr (alphabet, c) == NULL || c == '\0')
        return g_string_free (digits, TRUE), NULL;
      g_string_append_c (digits, c);
    }
  if (digits->len != 12)
    return g_string_free (digits, TRUE), NULL;
  code = g_string_free (digits, FALSE);
  return g_strdup_printf ("%.4s-%.4s-%.4s", code, code + 4, code + 8);
}

static gboolean
broken (GError **error, const EmCaseRow *row, gint64 n, const char *why)
{
  g_set_error (error, EM_CHAIN_ERROR, EM_CHAIN_ERROR_BROKEN,
               _("El historial del caso %s no se verifica en el evento %ld: %s"),
               row->uuid, (long) n, why);
  return FALSE;
}

/* A case as it travels (row and its own events, n = 1…): numbering, links,
 * each event's hash, and the row's content against the last snapshot. */
gboolean
em_chain_verify_case (const EmCaseRow *row,
                      GPtrArray       *events,
                      GError         **error)
{
  const char *previous = "";
  g_autofree char *snapshot = NULL;

  g_return_val_if_fail (row != NULL && events != NULL, FALSE);

  if (events->len == 0)
    return broken (error, row, 0, _("no tiene eventos"));
  for (guint i = 0; i < events->len; i++)
    {
      const EmCaseEvent *event = events->pdata[i];
      g_autofree char *hash = em_chain_event_hash (event);

      if (g_strcmp0 (event->case_uuid, row->uuid) != 0 || event->n != (gint64) i + 1)
        return broken (error, row, i + 1, _("falta un evento o está fuera de orden"));
      if (g_strcmp0 (event->prev_hash, previous) != 0)
        return broken (error, row, event->n, _("no enlaza con el evento anterior"));
      if (g_strcmp0 (hash, event->hash) != 0)
        return broken (error, row, event->n, _("su contenido fue modificado"));
      previous = event->hash;
    }
  snapshot = em_chain_snapshot (row);
  if (g_strcmp0 (snapshot, ((EmCaseEvent *) events->pdata[events->len - 1])->snapshot) != 0)
    return broken (error, row, events->len, _("los datos del caso no coinciden con su último evento"));
  return TRUE;
}
