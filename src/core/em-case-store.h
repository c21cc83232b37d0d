/* em-case-store.h — the SQLite case store with a tamper-evident history
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "em-case-chain.h"
#include "em-case-procedure.h"

G_BEGIN_DECLS

#define EM_STORE_ERROR (em_store_error_quark ())

typedef enum
{
  EM_STORE_ERROR_OPEN,        /* cannot open or create the file */
  EM_STORE_ERROR_NOT_OURS,    /* a database, but not of this application */
  EM_STORE_ERROR_CORRUPT,     /* not a database, or damaged */
  EM_STORE_ERROR_NEWER,       /* written by a newer version */
  EM_STORE_ERROR_READ_ONLY,
  EM_STORE_ERROR_BUSY,        /* locked by another program for too long */
  EM_STORE_ERROR_FULL,        /* no space left */
  EM_STORE_ERROR_NOT_FOUND,
  EM_STORE_ERROR_TAMPERED,    /* the history does not verify */
  EM_STORE_ERROR_CONFLICT,    /* a case changed on two laptops */
  EM_STORE_ERROR_FAILED,
} EmStoreError;

#define EM_STORE_SCHEMA_VERSION 4

/* What is stored of one evaluation, produced from either engine. */
typedef struct
{
  EmCaseKind  kind;
  const char *input_json;
  const char *rules_id;
  const char *rules_sha256;
  const char *result_json;
  const char *result;       /* capacity result id, or NULL */
  const char *tariff;       /* tariff in pesos, or NULL */
  const char *name;
  const char *document;
  const char *radicado;
  const char *expediente;
} EmEvaluationRecord;

/* A row of the case list. */
typedef struct
{
  gint64  id;
  char   *kind;
  char   *name;
  char   *document;
  char   *result;
  char   *tariff;
  char   *state;
  char   *created;
  char   *evaluator;
} EmCaseSummary;

/* What the list is sorted by; ties go newest first. */
typedef enum
{
  EM_CASE_SORT_NUMBER,       /* the default: descending, newest first */
  EM_CASE_SORT_KIND,
  EM_CASE_SORT_NAME,         /* Spanish order: accents and case ignored, ñ after n */
  EM_CASE_SORT_DOCUMENT,     /* document, or expediente */
  EM_CASE_SORT_OUTCOME,      /* capacity result, then tariff amount */
  EM_CASE_SORT_STATE,
  EM_CASE_SORT_CREATED,
} EmCaseSort;

typedef struct
{
  const char *text;          /* name, document, radicado or expediente */
  gboolean    any_kind;
  EmCaseKind  kind;
  const char *result;        /* NULL: any */
  gboolean    any_state;
  EmCaseState state;
  const char *from;          /* AAAA-MM-DD, inclusive, or NULL */
  const char *until;         /* AAAA-MM-DD, inclusive, or NULL */
  EmCaseSort  sort;
  gboolean    ascending;     /* FALSE: descending */
} EmCaseFilter;

#define EM_CASE_FILTER_INIT { NULL, TRUE, 0, NULL, TRUE, 0, NULL, NULL, EM_CASE_SORT_NUMBER, FALSE }

typedef enum
{
  EM_IMPORT_NEW,              /* the case was not here */
  EM_IMPORT_EXTENDED,         /* it was, with fewer events */
  EM_IMPORT_UNCHANGED,        /* it was, with all these events */
} EmImportOutcome;

#define EM_TYPE_CASE_STORE (em_case_store_get_type ())
G_DECLARE_FINAL_TYPE (EmCaseStore, em_case_store, EM, CASE_STORE, GObject)

GQuark        em_store_error_quark          (void);
void          em_case_summary_free          (EmCaseSummary *summary);

char         *em_case_store_default_path    (void);
EmCaseStore  *em_case_store_open            (const char    *path,
                                             GError       **error);
const char   *em_case_store_get_path        (EmCaseStore   *self);

gboolean      em_case_store_begin           (EmCaseStore   *self,
                                             GError       **error);
gboolean      em_case_store_commit          (EmCaseStore   *self,
                                             GError       **error);
void          em_case_store_rollback        (EmCaseStore   *self);

gint64        em_case_store_add             (EmCaseStore              *self,
                                             const EmEvaluationRecord *record,
                                             const char               *evaluator,
                                             GError                  **error);
/* A new case hashed in any thread, stored by em_case_store_add_new. */
typedef struct _EmNewCase EmNewCase;

EmNewCase    *em_new_case_new               (const EmEvaluationRecord *record,
                                             const char               *evaluator);
void          em_new_case_free              (EmNewCase                *self);
gint64        em_case_store_add_new         (EmCaseStore              *self,
                                             EmNewCase                *new_case,
                                             GError                  **error);
gint64        em_case_store_add_in_transaction (EmCaseStore           *self,
                                             EmNewCase                *new_case,
                                             GError                  **error);
gboolean      em_case_store_index_new_cases (EmCaseStore             *self,
                                             GError                  **error);
gboolean      em_case_store_apply           (EmCaseStore              *self,
                                             gint64                    id,
                                             EmCaseAction              action,
                                             const char               *reason,
                                             const EmEvaluationRecord *reevaluation,
                                             const char               *evaluator,
                                             GError                  **error);
gboolean      em_case_store_get_row         (EmCaseStore   *self,
                                             gint64         id,
                                             EmCaseRow     *row,
                                             GError       **error);
GPtrArray    *em_case_store_get_events      (EmCaseStore   *self,
                                             gint64         id,
                                             GError       **error);
char         *em_case_store_get_code        (EmCaseStore   *self,
                                             gint64         id,
                                             GError       **error);
gint64        em_case_store_count           (EmCaseStore   *self,
                                             GError       **error);
gboolean      em_case_store_count_if_numbered (EmCaseStore *self,
                                             gint64        *count,
                                             GError       **error);
gboolean      em_case_store_set_cache_size  (EmCaseStore   *self,
                                             guint          mebibytes,
                                             GError       **error);
gboolean      em_case_store_set_temp_in_memory (EmCaseStore *self,
                                             GError       **error);

gint64        em_case_store_verify          (EmCaseStore   *self,
                                             GError       **error);
gboolean      em_case_store_verify_case     (EmCaseStore   *self,
                                             gint64         id,
                                             GError       **error);
gboolean      em_case_store_find_code       (EmCaseStore   *self,
                                             const char    *code,
                                             gint64        *case_id,
                                             gboolean      *is_latest,
                                             GError       **error);

gboolean      em_case_store_export_case     (EmCaseStore   *self,
                                             gint64         id,
                                             EmCaseRow     *row,
                                             GPtrArray    **events,
                                             GError       **error);
gboolean      em_case_store_import_case     (EmCaseStore     *self,
                                             const EmCaseRow *row,
                                             GPtrArray       *events,
                                             const char      *evaluator,
                                             const char      *origin,
                                             EmImportOutcome *outcome,
                                             GError         **error);

GArray       *em_case_store_query_ids       (EmCaseStore        *self,
                                             const EmCaseFilter *filter,
                                             guint               limit,
                                             GError            **error);
GPtrArray    *em_case_store_get_summaries   (EmCaseStore        *self,
                                             const gint64       *ids,
                                             guint               n_ids,
                                             GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EmNewCase, em_new_case_free)

G_END_DECLS
