/* em-input-error.c — errors that name the field they are about
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An extended GError (GLib ≥ 2.68): the message is the human sentence,
 * the private data holds the field name, so that both the CLI's
 * «campo «x»: mensaje» and the JSON {"campo", "mensaje"} come from one error.
 */
#define G_LOG_DOMAIN "em-input-error"

#include "config.h"

#include "em-input-error.h"

typedef struct
{
  char *field;
} EmInputErrorPrivate;

static void
em_input_error_private_init (EmInputErrorPrivate *priv)
{
  priv->field = NULL;
}

static void
em_input_error_private_copy (const EmInputErrorPrivate *src,
                             EmInputErrorPrivate       *dest)
{
  dest->field = g_strdup (src->field);
}

static void
em_input_error_private_clear (EmInputErrorPrivate *priv)
{
  g_clear_pointer (&priv->field, g_free);
}

G_DEFINE_EXTENDED_ERROR (EmInputError, em_input_error)

void
em_input_error_set_field (GError     *error,
                          const char *field)
{
  EmInputErrorPrivate *priv;

  g_return_if_fail (error != NULL && error->domain == EM_INPUT_ERROR);

  priv = em_input_error_get_private (error);
  g_free (priv->field);
  priv->field = g_strdup (field);
}

const char *
em_input_error_get_field (const GError *error)
{
  g_return_val_if_fail (error != NULL, NULL);

  if (error->domain != EM_INPUT_ERROR)
    return NULL;

  return em_input_error_get_private (error)->field;
}

void
em_input_error_set (GError       **error,
                    const char    *field,
                    EmInputError   code,
                    const char    *format,
                    ...)
{
  g_autofree char *message = NULL;
  GError *new_error;
  va_list args;

  if (error == NULL)
    return;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  new_error = g_error_new_literal (EM_INPUT_ERROR, code, message);
  em_input_error_set_field (new_error, field);
  g_propagate_error (error, new_error);
}

/* Turns any error into an input error about @field (keeps its message):
 * used when a value parser, which knows no field names, fails. */
void
em_input_error_prefix_field (GError    **error,
                             const char *field)
{
  GError *old;

  if (error == NULL || *error == NULL)
    return;

  old = *error;
  if (old->domain == EM_INPUT_ERROR)
    {
      if (em_input_error_get_field (old) == NULL)
        em_input_error_set_field (old, field);
      return;
    }

  *error = NULL;
  em_input_error_set (error, field, EM_INPUT_ERROR_INVALID, "%s", old->message);
  g_error_free (old);
}
