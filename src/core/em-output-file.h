/* em-output-file.h — a file written whole, or not at all
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _EmOutputFile EmOutputFile;

EmOutputFile  *em_output_file_open       (const char    *path,
                                          GError       **error);
GOutputStream *em_output_file_get_stream (EmOutputFile  *self);
const char    *em_output_file_get_name   (EmOutputFile  *self);
gboolean       em_output_file_is_file    (EmOutputFile  *self);
gboolean       em_output_file_commit     (EmOutputFile  *self,
                                          GError       **error);
void           em_output_file_free       (EmOutputFile  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EmOutputFile, em_output_file_free)

G_END_DECLS
