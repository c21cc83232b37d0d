/* em-flat-json.h — one flat JSON object, numbers kept as written
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <string.h>

G_BEGIN_DECLS

typedef enum
{
  EM_JSON_STRING,
  EM_JSON_NUMBER,
  EM_JSON_TRUE,
  EM_JSON_FALSE,
  EM_JSON_NULL,
} EmJsonKind;

typedef struct
{
  char       *key;
  EmJsonKind  kind;
  char       *text;   /* the decoded string, or the number token as written */
} EmFlatMember;

typedef struct _EmFlatObject EmFlatObject;

/* A text value is at most this many characters: far beyond any name or
 * document, and small enough for a case to travel in a bundle. */
#define EM_FLAT_JSON_MAX_TEXT_CHARS 10000

EmFlatObject       *em_flat_object_parse   (const char         *text,
                                            gssize              length,
                                            GError            **error);
void                em_flat_object_free    (EmFlatObject       *object);
guint               em_flat_object_get_size (const EmFlatObject *object);
const EmFlatMember *em_flat_object_get_nth (const EmFlatObject *object,
                                            guint               index);
const EmFlatMember *em_flat_object_lookup  (const EmFlatObject *object,
                                            const char         *key);
const char         *em_json_kind_describe  (EmJsonKind          kind);

/* Whether @member is named @key: most names differ in their first byte,
 * and every member of every line is compared with a dozen. */
static inline gboolean
em_flat_member_is (const EmFlatMember *member,
                   const char         *key)
{
  return member->key[0] == key[0] && strcmp (member->key, key) == 0;
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EmFlatObject, em_flat_object_free)

G_END_DECLS
