/* em-case-bundle.h — cases with their history, moved between laptops
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "em-case-store.h"

G_BEGIN_DECLS

#define EM_BUNDLE_FORMAT  "evaluador-minero-paquete"
#define EM_BUNDLE_VERSION 1

#define EM_BUNDLE_ERROR (em_bundle_error_quark ())

typedef enum
{
  EM_BUNDLE_ERROR_MALFORMED,      /* not JSON, truncated, or not a bundle */
  EM_BUNDLE_ERROR_NEWER,          /* written by a newer version */
  EM_BUNDLE_ERROR_INVALID,        /* a case or an event has a field that is not valid */
  EM_BUNDLE_ERROR_NOT_VERIFIED,   /* a case's history does not verify */
} EmBundleError;

/* What an import did, case by case. */
typedef struct
{
  guint n_new;         /* the case was not here */
  guint n_extended;    /* it was, and the bundle brought new events */
  guint n_unchanged;   /* it was, with all these events */
} EmBundleReport;

GQuark   em_bundle_error_quark  (void);

gboolean em_case_bundle_export  (EmCaseStore        *store,
                                 const EmCaseFilter *filter,
                                 GOutputStream      *out,
                                 guint              *n_cases,
                                 GError            **error);
gboolean em_case_bundle_import  (EmCaseStore        *store,
                                 GInputStream       *in,
                                 const char         *evaluator,
                                 const char         *origin,
                                 EmBundleReport     *report,
                                 GError            **error);

G_END_DECLS
