/* em-input-error.h — errors about one input field
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define EM_INPUT_ERROR (em_input_error_quark ())

typedef enum
{
  EM_INPUT_ERROR_SYNTAX,      /* the text is not of the expected form */
  EM_INPUT_ERROR_INVALID,     /* well formed, but not an allowed value */
  EM_INPUT_ERROR_IMPOSSIBLE,  /* contradicts another field */
  EM_INPUT_ERROR_UNKNOWN,     /* a field that does not exist */
} EmInputError;

GQuark      em_input_error_quark     (void);
void        em_input_error_set       (GError     **error,
                                      const char  *field,
                                      EmInputError code,
                                      const char  *format,
                                      ...) G_GNUC_PRINTF (4, 5);
void        em_input_error_set_field (GError      *error,
                                      const char  *field);
const char *em_input_error_get_field (const GError *error);
void        em_input_error_prefix_field (GError **error,
                                      const char *field);

G_END_DECLS
