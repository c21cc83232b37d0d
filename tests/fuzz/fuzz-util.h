/* fuzz-util.h — what every libFuzzer target of Evaluador Minero shares
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A target is a file fuzz-NAME.c with LLVMFuzzerTestOneInput (and, when it
 * needs one-time set-up, LLVMFuzzerInitialize).  Besides the sanitizers,
 * a target checks properties that must hold for every input: FUZZ_CHECK
 * aborts, which libFuzzer reports as a crash with the input that did it.
 */
#pragma once

#include <glib.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerInitialize   (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

#define FUZZ_CHECK(condition)                                                   \
  G_STMT_START {                                                                \
    if (!(condition))                                                           \
      {                                                                         \
        fprintf (stderr, "%s:%d: no se cumple: %s\n", __FILE__, __LINE__, #condition); \
        abort ();                                                               \
      }                                                                         \
  } G_STMT_END

/* A failed g_return_if_fail() or a warning is a bug whatever the input:
 * make them crash so that libFuzzer keeps the input. */
static inline void
fuzz_init (void)
{
  g_log_set_always_fatal (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
}

/* The input as a C string: a copy of exactly @size bytes plus the NUL, so
 * that AddressSanitizer catches any read past it.  An embedded NUL ends the
 * string early, as it would for text read from a file. */
static inline char *
fuzz_text (const uint8_t *data, size_t size)
{
  char *text = g_malloc (size + 1);

  if (size > 0)
    memcpy (text, data, size);
  text[size] = '\0';
  return text;
}

/* The input as bytes, in a buffer of exactly @size bytes (at least one). */
static inline GBytes *
fuzz_bytes (const uint8_t *data, size_t size)
{
  return g_bytes_new_take (size > 0 ? g_memdup2 (data, size) : g_malloc (1), size);
}
