/* em-case-chain.h — hashes of the tamper-evident history
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Everything stored about a case except its local id and last hash. */
typedef struct
{
  char   *uuid;
  char   *kind;
  char   *state;
  char   *input_json;
  char   *rules_id;
  char   *rules_sha256;
  char   *result_json;
  char   *result;          /* capacity result id, or NULL */
  char   *tariff;          /* tariff amount in pesos, or NULL */
  char   *name;
  char   *document;
  char   *radicado;
  char   *expediente;
  char   *evaluator;
  char   *created;
  char   *updated;
  gboolean requerimiento;
  char   *annulment_reason;
} EmCaseRow;

/* One event as stored. */
typedef struct
{
  gint64  seq;
  char   *case_uuid;
  gint64  n;
  char   *kind;
  char   *at;
  char   *evaluator;
  char   *detail;          /* JSON object */
  char   *snapshot;        /* hash of the case content after the event */
  char   *prev_hash;       /* previous event of the same case; "" for the first */
  char   *hash;
  char   *chain;           /* local chain over every event of this database */
} EmCaseEvent;

void   em_case_row_clear       (EmCaseRow         *row);
void   em_case_event_clear     (EmCaseEvent       *event);
void   em_case_event_free      (EmCaseEvent       *event);
EmCaseEvent *em_case_event_copy (const EmCaseEvent *event);

#define EM_CHAIN_ERROR (em_chain_error_quark ())

typedef enum
{
  EM_CHAIN_ERROR_BROKEN,
} EmChainError;

GQuark em_chain_error_quark    (void);
gboolean em_chain_verify_case  (const EmCaseRow   *row,
                                GPtrArray         *events,
                                GError           **error);

char  *em_chain_snapshot       (const EmCaseRow   *row);
char  *em_chain_event_hash     (const EmCaseEvent *event);
char  *em_chain_link           (const char        *previous_chain,
                                const char        *hash);
char  *em_chain_code           (const char        *hash);
char  *em_chain_code_normalize (const char        *text);
char  *em_hex_write            (char              *out,
                                const guint8      *bytes,
                                gsize              n);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (EmCaseRow, em_case_row_clear)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EmCaseEvent, em_case_event_free)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (EmCaseEvent, em_case_event_clear)

G_END_DECLS
