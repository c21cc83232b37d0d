/* em-case-bundle-private.h — what the bundle's files share
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "em-case-bundle.h"
#include "em-json-check.h"

G_BEGIN_DECLS

/* Far above any real case (a few kilobytes); a bundle beyond them is refused. */
#define EM_BUNDLE_MAX_CASE_BYTES  (64 * 1024 * 1024)
#define EM_BUNDLE_MAX_EVENTS      10000
/* A case is 3 levels deep and the JSON texts it carries 3 or 4: deeper
 * nesting is refused before json-glib (which recurses) ever sees it. */
#define EM_BUNDLE_MAX_DEPTH       EM_JSON_MAX_DEPTH

JsonNode *em_bundle_parse           (const char       *text,
                                     gsize             length,
                                     GError          **error);
JsonNode *em_bundle_case_to_json    (const EmCaseRow  *row,
                                     GPtrArray        *events);
gboolean  em_bundle_case_from_json  (JsonNode         *node,
                                     EmCaseRow        *row,
                                     GPtrArray       **events,
                                     GError          **error);

G_END_DECLS
