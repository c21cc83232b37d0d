/* em-case-list.c — the cases as a lazily loaded GListModel
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A filter gives the ordered ids of the matching cases (8 bytes each); rows
 * are read from the store a page at a time, only when the view asks for
 * them, and a bounded number of pages is kept.  So a million cases scroll
 * without loading a million rows.  items_changed reports the exact ranges.
 *
 * The whole store by number (the list as the window opens) needs no ids at
 * all: cases are never deleted, so their ids are 1…N and the item at
 * position p is case N − p (or p + 1 upwards), found without reading the
 * table.  Should the ids ever not be 1…N, the list falls back to loading them.
 *
 * An item is the row at one position, not one case: while anybody holds
 * the item of a position (a view's row), the list gives that same object
 * for it, and a reload (a new search, a new filter, a changed case) refills
 * those items in place and notifies the properties that changed.  Only the
 * difference in length is reported by items-changed.  So a view keeps its
 * row widgets across a search — GTK 4.8 would otherwise destroy and build
 * every row it tracks (up to 200 rows of seven cells) on each keystroke.
 */
#define G_LOG_DOMAIN "em-case-list"

#include "config.h"

#include "em-case-list.h"

#define PAGE_SIZE 100
#define MAX_PAGES 64

/* ---- EmCaseItem: the row at one position -------------------------------- */

struct _EmCaseItem
{
  GObject        parent_instance;
  EmCaseSummary *summary;
  guint          position;
};

enum
{
  ITEM_PROP_0,
  ITEM_PROP_ID,
  ITEM_PROP_KIND,
  ITEM_PROP_NAME,
  ITEM_PROP_DOCUMENT,
  ITEM_PROP_RESULT,
  ITEM_PROP_TARIFF,
  ITEM_PROP_STATE,
  ITEM_PROP_CREATED,
  N_ITEM_PROPS,
};

static GParamSpec *item_properties[N_ITEM_PROPS];

G_DEFINE_FINAL_TYPE (EmCaseItem, em_case_item, G_TYPE_OBJECT)

static void
em_case_item_finalize (GObject *object)
{
  g_clear_pointer (&EM_CASE_ITEM (object)->summary, em_case_summary_free);
  G_OBJECT_CLASS (em_case_item_parent_class)->finalize (object);
}

static const char *
summary_text (const EmCaseSummary *s, guint prop_id)
{
  const char *texts[N_ITEM_PROPS] = {
    [ITEM_PROP_KIND] = s->kind, [ITEM_PROP_NAME] = s->name, [ITEM_PROP_DOCUMENT] = s->document,
    [ITEM_PROP_RESULT] = s->result, [ITEM_PROP_TARIFF] = s->tariff, [ITEM_PROP_STATE] = s->state,
    [ITEM_PROP_CREATED] = s->created,
  };

  return texts[prop_id];
}

static void
em_case_item_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  EmCaseItem *self = EM_CASE_ITEM (object);

  if (prop_id == ITEM_PROP_ID)
    g_value_set_int64 (value, self->summary->id);
  else if (prop_id < N_ITEM_PROPS)
    g_value_set_string (value, summary_text (self->summary, prop_id));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
em_case_item_class_init (EmCaseItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const char *names[N_ITEM_PROPS] = {
    NULL, "id", "kind", "name", "document", "result", "tariff", "state", "created",
  };

  object_class->finalize = em_case_item_finalize;
  object_class->get_property = em_case_item_get_property;
  item_properties[ITEM_PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                                                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  for (guint i = ITEM_PROP_KIND; i < N_ITEM_PROPS; i++)
    item_properties[i] = g_param_spec_string (names[i], NULL, NULL, NULL,
                                              G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_ITEM_PROPS, item_properties);
}

static void
em_case_item_init (EmCaseItem *self)
{
}

static EmCaseItem *
em_case_item_new (EmCaseSummary *summary, guint position)
{
  EmCaseItem *self = g_object_new (EM_TYPE_CASE_ITEM, NULL);

  self->summary = summary;
  self->position = position;
  return self;
}

/* The row now shows @summary (taken): the properties that differ are
 * notified, once, after all of them have changed. */
static void
em_case_item_refill (EmCaseItem *self, EmCaseSummary *summary)
{
  EmCaseSummary *old = self->summary;

  self->summary = summary;
  g_object_freeze_notify (G_OBJECT (self));
  if (old->id != summary->id)
    g_object_notify_by_pspec (G_OBJECT (self), item_properties[ITEM_PROP_ID]);
  for (guint i = ITEM_PROP_KIND; i < N_ITEM_PROPS; i++)
    if (g_strcmp0 (summary_text (old, i), summary_text (summary, i)) != 0)
      g_object_notify_by_pspec (G_OBJECT (self), item_properties[i]);
  em_case_summary_free (old);
  g_object_thaw_notify (G_OBJECT (self));
}

gint64 em_case_item_get_id (EmCaseItem *self) { return self->summary->id; }
const char *em_case_item_get_kind (EmCaseItem *self) { return self->summary->kind; }
const char *em_case_item_get_name (EmCaseItem *self) { return self->summary->name; }
const char *em_case_item_get_document (EmCaseItem *self) { return self->summary->document; }
const char *em_case_item_get_result (EmCaseItem *self) { return self->summary->result; }
const char *em_case_item_get_tariff (EmCaseItem *self) { return self->summary->tariff; }
const char *em_case_item_get_state (EmCaseItem *self) { return self->summary->state; }
const char *em_case_item_get_created (EmCaseItem *self) { return self->summary->created; }

/* ---- EmCaseList -------------------------------------------------------- */

struct _EmCaseList
{
  GObject       parent_instance;
  EmCaseStore  *store;
  EmCaseFilter  filter;
  char         *strings[4];      /* owned copies of the filter's texts */
  GArray       *ids;             /* NULL when the ids are 1…n_items */
  guint         n_items;
  GHashTable   *pages;           /* page number → GPtrArray of EmCaseItem */
  GHashTable   *held;            /* position → its EmCaseItem while it lives (not owned) */
};

enum
{
  SIGNAL_RELOADED,
  N_SIGNALS,
};

static guint signals[N_SIGNALS];

static void em_case_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (EmCaseList, em_case_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, em_case_list_model_init))

static GType
em_case_list_get_item_type (GListModel *model)
{
  return EM_TYPE_CASE_ITEM;
}

static guint
em_case_list_get_n_items (GListModel *model)
{
  return EM_CASE_LIST (model)->n_items;
}

/* The ids of the items from @first on, into @ids. */
static void
page_ids (EmCaseList *self, guint first, guint count, gint64 *ids)
{
  for (guint i = 0; i < count; i++)
    if (self->ids != NULL)
      ids[i] = g_array_index (self->ids, gint64, first + i);
    else
      ids[i] = self->filter.ascending ? (gint64) first + i + 1 : (gint64) self->n_items - first - i;
}

static void
item_gone (gpointer data, GObject *where_it_was)
{
  EmCaseList *self = data;
  EmCaseItem *item = (EmCaseItem *) where_it_was;

  if (g_hash_table_lookup (self->held, GUINT_TO_POINTER (item->position)) == item)
    g_hash_table_remove (self->held, GUINT_TO_POINTER (item->position));
}

/* The item of @position, showing @summary (taken): the one somebody still
 * holds, refilled, or a new one. */
static EmCaseItem *
item_for (EmCaseList *self, guint position, EmCaseSummary *summary)
{
  EmCaseItem *item = g_hash_table_lookup (self->held, GUINT_TO_POINTER (position));

  if (item != NULL)
    {
      em_case_item_refill (item, summary);
      return g_object_ref (item);
    }
  item = em_case_item_new (summary, position);
  g_object_weak_ref (G_OBJECT (item), item_gone, self);
  g_hash_table_insert (self->held, GUINT_TO_POINTER (position), item);
  return item;
}

/* Items from @first on are no longer this list's rows: whoever still holds
 * them keeps what they showed, and the list will make new ones. */
static void
let_go_from (EmCaseList *self, guint first)
{
  GHashTableIter iter;
  gpointer key, item;

  g_hash_table_iter_init (&iter, self->held);
  while (g_hash_table_iter_next (&iter, &key, &item))
    if (GPOINTER_TO_UINT (key) >= first)
      {
        g_object_weak_unref (item, item_gone, self);
        g_hash_table_iter_remove (&iter);
      }
}

static GPtrArray *
load_page (EmCaseList *self, guint page)
{
  guint first = page * PAGE_SIZE;
  guint count = MIN (PAGE_SIZE, self->n_items - first);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) summaries = NULL;
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);
  gint64 ids[PAGE_SIZE];

  page_ids (self, first, count, ids);
  summaries = em_case_store_get_summaries (self->store, ids, count, &error);
  if (summaries == NULL)
    {
      g_warning ("No se pudieron leer los casos: %s", error->message);
      return items;
    }
  g_ptr_array_set_free_func (summaries, NULL);
  for (guint i = 0; i < summaries->len; i++)
    g_ptr_array_add (items, item_for (self, first + i, summaries->pdata[i]));
  if (g_hash_table_size (self->pages) >= MAX_PAGES)
    g_hash_table_remove_all (self->pages);
  g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), items);
  return items;
}

static gpointer
em_case_list_get_item (GListModel *model,
                       guint       position)
{
  EmCaseList *self = EM_CASE_LIST (model);
  guint page = position / PAGE_SIZE;
  GPtrArray *items;

  if (position >= self->n_items)
    return NULL;
  items = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));
  if (items == NULL)
    items = load_page (self, page);
  /* A case that vanished between the query and the read (never in
   * practice: cases are not deleted) leaves the page short. */
  if (position % PAGE_SIZE >= items->len)
    return NULL;
  return g_object_ref (items->pdata[position % PAGE_SIZE]);
}

static void
em_case_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = em_case_list_get_item_type;
  iface->get_n_items = em_case_list_get_n_items;
  iface->get_item = em_case_list_get_item;
}

static void
clear_strings (EmCaseList *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->strings); i++)
    g_clear_pointer (&self->strings[i], g_free);
}

static void
em_case_list_finalize (GObject *object)
{
  EmCaseList *self = EM_CASE_LIST (object);

  clear_strings (self);
  g_hash_table_remove_all (self->pages);
  let_go_from (self, 0);
  g_clear_object (&self->store);
  g_clear_pointer (&self->ids, g_array_unref);
  g_hash_table_unref (self->pages);
  g_hash_table_unref (self->held);
  G_OBJECT_CLASS (em_case_list_parent_class)->finalize (object);
}

static void
em_case_list_class_init (EmCaseListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = em_case_list_finalize;

  /**
   * EmCaseList::reloaded:
   *
   * After every reload, once the held items show the new rows — also when
   * the number of items did not change (and items-changed was not emitted).
   */
  signals[SIGNAL_RELOADED] = g_signal_new ("reloaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                           0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
em_case_list_init (EmCaseList *self)
{
  self->filter = (EmCaseFilter) EM_CASE_FILTER_INIT;
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  self->held = g_hash_table_new (NULL, NULL);
}

EmCaseList *
em_case_list_new (EmCaseStore *store)
{
  EmCaseList *self = g_object_new (EM_TYPE_CASE_LIST, NULL);

  g_return_val_if_fail (EM_IS_CASE_STORE (store), NULL);
  self->store = g_object_ref (store);
  return self;
}

static gboolean
is_whole_store_by_number (const EmCaseFilter *filter)
{
  return filter->text == NULL && filter->any_kind && filter->result == NULL && filter->any_state
         && filter->from == NULL && filter->until == NULL && filter->sort == EM_CASE_SORT_NUMBER;
}

/* The rows that somebody holds are refilled in place; only the difference
 * in length is reported.  (Told "N removed, M added" in one signal, GTK 4.8
 * would look for the rows it tracks among every added item, reading all of
 * them — a million rows per keystroke; and it would rebuild every row.) */
static void
replace_all (EmCaseList *self, GArray *ids, guint n_items)
{
  g_autoptr(GHashTable) pages = g_hash_table_new (NULL, NULL);
  guint before = self->n_items;
  GHashTableIter iter;
  gpointer key;

  g_hash_table_remove_all (self->pages);        /* now only the held items live */
  let_go_from (self, n_items);
  g_clear_pointer (&self->ids, g_array_unref);
  self->ids = ids;
  self->n_items = n_items;
  g_hash_table_iter_init (&iter, self->held);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_hash_table_add (pages, GUINT_TO_POINTER (GPOINTER_TO_UINT (key) / PAGE_SIZE));
  g_hash_table_iter_init (&iter, pages);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    load_page (self, GPOINTER_TO_UINT (key));
  if (before > n_items)
    g_list_model_items_changed (G_LIST_MODEL (self), n_items, before - n_items, 0);
  else if (n_items > before)
    g_list_model_items_changed (G_LIST_MODEL (self), before, 0, n_items - before);
  g_signal_emit (self, signals[SIGNAL_RELOADED], 0);
}

gboolean
em_case_list_reload (EmCaseList *self,
                     GError    **error)
{
  g_autoptr(GArray) ids = NULL;
  gint64 count = -1;

  g_return_val_if_fail (EM_IS_CASE_LIST (self), FALSE);

  if (is_whole_store_by_number (&self->filter) && !em_case_store_count_if_numbered (self->store, &count, error))
    return FALSE;
  if (count < 0 && (ids = em_case_store_query_ids (self->store, &self->filter, 0, error)) == NULL)
    return FALSE;
  count = ids != NULL ? ids->len : count;
  replace_all (self, g_steal_pointer (&ids), count);
  return TRUE;
}

gboolean
em_case_list_set_filter (EmCaseList         *self,
                         const EmCaseFilter *filter,
                         GError            **error)
{
  g_return_val_if_fail (EM_IS_CASE_LIST (self), FALSE);

  clear_strings (self);
  self->filter = *filter;
  self->filter.text = self->strings[0] = g_strdup (filter->text);
  self->filter.result = self->strings[1] = g_strdup (filter->result);
  self->filter.from = self->strings[2] = g_strdup (filter->from);
  self->filter.until = self->strings[3] = g_strdup (filter->until);
  return em_case_list_reload (self, error);
}
