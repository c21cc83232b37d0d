/* em-cli-batch.h — one JSON object or JSON Lines in, results out
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "em-flat-json.h"

G_BEGIN_DECLS

/* Exit codes of CONTRACT.md. */
enum
{
  EM_EXIT_OK = 0,
  EM_EXIT_SOME_FAILED = 1,
  EM_EXIT_INPUT_ERROR = 2,
};

typedef JsonNode *(*EmBatchEvaluate) (const EmFlatObject *object,
                                      gpointer            data,
                                      GError            **error);

int   em_cli_batch_run       (const char      *input_path,
                              gboolean         lines,
                              EmBatchEvaluate  evaluate,
                              gpointer         data);
void  em_cli_print_error     (const GError    *error);
int   em_cli_usage_error     (const char      *command,
                              const char      *format,
                              ...) G_GNUC_PRINTF (2, 3);
char *em_cli_to_json_string  (JsonNode        *node,
                              gboolean         pretty);

/* Options shared by capacidad and tarifa: [--OPCION ARCHIVO] [--lineas] [ENTRADA] */
typedef struct
{
  const char *file_option;    /* "--reglas" or "--tarifario" */
  const char *file;
  gboolean    lines;
  const char *input;
  gboolean    help;
} EmBatchOptions;

gboolean em_cli_batch_parse_options (int              argc,
                                     char           **argv,
                                     const char      *command,
                                     EmBatchOptions  *options,
                                     int             *exit_code);

G_END_DECLS
