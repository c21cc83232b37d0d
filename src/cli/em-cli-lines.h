/* em-cli-lines.h — the lines of `casos importar`, evaluated in a second thread
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "em-case-evaluation.h"

G_BEGIN_DECLS

/* One line of the input: the case it makes, evaluated and hashed, or the
 * error that stopped it. */
typedef struct
{
  guint64    number;       /* 1 for the first line of the input */
  EmNewCase *new_case;
  GError    *error;
} EmEvaluatedLine;

typedef struct _EmLineReader EmLineReader;

void             em_evaluated_line_free (EmEvaluatedLine *line);
EmLineReader    *em_line_reader_start   (GInputStream    *stream,
                                         EmEvaluator     *evaluator,
                                         const char      *evaluator_name);
EmEvaluatedLine *em_line_reader_next    (EmLineReader    *self);
gboolean         em_line_reader_finish  (EmLineReader    *self,
                                         GError         **error);
void             em_line_reader_free    (EmLineReader    *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EmEvaluatedLine, em_evaluated_line_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EmLineReader, em_line_reader_free)

G_END_DECLS
