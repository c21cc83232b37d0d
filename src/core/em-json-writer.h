/* em-json-writer.h — compact JSON text, byte for byte as json-glib writes it
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

void   em_json_write_string (GString    *out,
                             const char *text);
void   em_json_write_int    (GString    *out,
                             gint64      value);
void   em_json_write_node   (GString    *out,
                             JsonNode   *node);
char  *em_json_node_to_text (JsonNode   *node);

GString *em_json_buffer_take      (void);
void     em_json_buffer_give_back (GString *buffer);

/* Where a document is written: into a JsonBuilder, or straight as text
 * (the bytes em_json_write_node gives for the builder's tree), so that one
 * function describes a document for both. */
typedef struct
{
  JsonBuilder *builder;     /* NULL: text */
  GString     *text;
  guint        depth;
  guint64      started;     /* bit d: the container at depth d is not empty */
  gboolean     after_key;
} EmJsonOut;

typedef void (*EmJsonWriteFunc) (EmJsonOut *out, gpointer data);

JsonNode *em_json_out_node         (EmJsonWriteFunc write, gpointer data);
char     *em_json_out_text         (EmJsonWriteFunc write, gpointer data);
void      em_json_out_begin_object (EmJsonOut *out);
void      em_json_out_end_object   (EmJsonOut *out);
void      em_json_out_begin_array  (EmJsonOut *out);
void      em_json_out_end_array    (EmJsonOut *out);
void      em_json_out_key          (EmJsonOut *out, const char *key);
void      em_json_out_string       (EmJsonOut *out, const char *value);
void      em_json_out_boolean      (EmJsonOut *out, gboolean value);
void      em_json_out_int          (EmJsonOut *out, gint64 value);
void      em_json_out_member       (EmJsonOut *out, const char *key, const char *value);
void      em_json_out_member_boolean (EmJsonOut *out, const char *key, gboolean value);
void      em_json_out_string_list  (EmJsonOut *out, const char *key, const char * const *items);

G_END_DECLS
