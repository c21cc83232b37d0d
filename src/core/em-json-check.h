/* em-json-check.h — strict reading of data files, errors named by key path
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "em-number.h"

G_BEGIN_DECLS

#define EM_DATA_FILE_ERROR (em_data_file_error_quark ())

typedef enum
{
  EM_DATA_FILE_ERROR_PARSE,
  EM_DATA_FILE_ERROR_INVALID,
} EmDataFileError;

GQuark      em_data_file_error_quark (void);

/* json-glib's parser recurses once per level of nesting: text deeper than
 * this (far deeper than any of our files) is refused before it is parsed,
 * so that no file can exhaust the stack. */
#define EM_JSON_MAX_DEPTH 32

/* Where a byte of JSON text is: inside a string or not, and how deep. */
typedef struct
{
  int      depth;
  gboolean in_string;
  gboolean escaped;
} EmJsonScan;

gboolean    em_json_scan_byte        (EmJsonScan *scan,
                                      int         c);

/* Builds a data object from a file's bytes (e.g. em_rule_set_new_from_bytes). */
typedef gpointer (*EmDataFileReader) (GBytes  *bytes,
                                      GError **error);

gpointer    em_data_file_load_file    (GFile            *file,
                                       EmDataFileReader  reader,
                                       const char       *read_failed,
                                       const char       *invalid,
                                       GError          **error);
gpointer    em_data_file_load_builtin (const char       *resource_dir,
                                       const char       *id,
                                       EmDataFileReader  reader,
                                       const char       *missing,
                                       GError          **error);
char      **em_data_file_list_builtin (const char       *resource_dir);
GResource  *em_data_resource          (void);

JsonObject *em_json_check_parse_object (GBytes       *bytes,
                                        GError      **error);
gboolean    em_json_check_keys     (JsonObject          *object,
                                    const char          *path,
                                    const char * const  *allowed,
                                    GError             **error);
JsonObject *em_json_check_object   (JsonObject          *object,
                                    const char          *path,
                                    const char          *key,
                                    GError             **error);
const char *em_json_check_string   (JsonObject          *object,
                                    const char          *path,
                                    const char          *key,
                                    gboolean             optional,
                                    GError             **error);
gboolean    em_json_check_boolean  (JsonObject          *object,
                                    const char          *path,
                                    const char          *key,
                                    gboolean            *out,
                                    GError             **error);
gboolean    em_json_check_integer  (JsonObject          *object,
                                    const char          *path,
                                    const char          *key,
                                    gint64               min,
                                    gint64               max,
                                    gint64              *out,
                                    GError             **error);
gboolean    em_json_check_decimal  (JsonObject          *object,
                                    const char          *path,
                                    const char          *key,
                                    EmDecimal            max,
                                    EmDecimal           *out,
                                    GError             **error);
gboolean    em_json_check_date     (JsonObject          *object,
                                    const char          *path,
                                    const char          *key,
                                    gboolean             optional,
                                    GDate               *out,
                                    GError             **error);
char       *em_json_check_join     (const char          *path,
                                    const char          *key);
void        em_json_check_fail     (GError             **error,
                                    const char          *path,
                                    const char          *key,
                                    const char          *format,
                                    ...) G_GNUC_PRINTF (4, 5);

G_END_DECLS
