/* em-cli-options.h — options, positional arguments and case filters of `casos`
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "em-case-store.h"

G_BEGIN_DECLS

typedef struct
{
  const char  *name;
  const char **value;      /* NULL: a flag */
  gboolean    *flag;
} EmCliOption;

/* The filters of `listar` as given on the command line. */
typedef struct
{
  EmCaseFilter filter;
  const char  *kind;
  const char  *state;
  const char  *limit;      /* only where --limite is accepted */
} EmCliFilter;

gboolean      em_cli_parse_options     (int                argc,
                                        char             **argv,
                                        const EmCliOption *options,
                                        GPtrArray         *positional,
                                        int               *status);
gboolean      em_cli_expect_positional (GPtrArray         *positional,
                                        guint              count,
                                        const char        *what,
                                        int               *status);
gboolean      em_cli_read_filter       (int                argc,
                                        char             **argv,
                                        gboolean           with_limit,
                                        EmCliFilter       *filter,
                                        GPtrArray         *positional,
                                        int               *status);
GInputStream *em_cli_open_input        (const char        *path,
                                        GError           **error);

G_END_DECLS
