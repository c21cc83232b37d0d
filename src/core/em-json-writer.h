/* em-json-writer.h — compact JSON text, byte for byte as json-glib writes it
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

void   em_json_write_string (GString    *out,
                             const char *text);
void   em_json_write_node   (GString    *out,
                             JsonNode   *node);
char  *em_json_node_to_text (JsonNode   *node);

G_END_DECLS
