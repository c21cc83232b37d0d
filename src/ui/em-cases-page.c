/* em-cases-page.c — the Casos page: find, open, import and export cases
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GtkColumnView over the store's lazy EmCaseList: rows are read a page
 * at a time as they scroll into view, so the view never sorts or filters
 * itself; its cells are made in C (em-cases-cells.c).  The search, the
 * filters and the order of the columns become an EmCaseFilter, and SQL
 * does the work.  GTK 4.8 cannot tell which column
 * the user sorted by, so each sortable column carries a sorter that only
 * says who it is when the column view's sorter is asked (see probe_sort).
 *
 * Nothing is read from the store until the page is first shown, so the
 * window opens as fast over a million cases as over none.
 */
#define G_LOG_DOMAIN "em-cases-page"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "em-cases-cells.h"
#include "em-cases-page-private.h"
#include "em-cases-view.h"
#include "em-date.h"
#include "em-page.h"
#include "em-window.h"

#define SEARCH_DELAY_MS 40

G_DEFINE_FINAL_TYPE (EmCasesPage, em_cases_page, GTK_TYPE_WIDGET)

/* The choices of the dropdowns, in the order of em-cases-page.ui. */
static const char * const result_choices[] = {
  NULL, "cumple", "requiere_aval", "informacion_incompleta", "no_cumple",
};

EmCaseStore *
em_cases_page_get_store (EmCasesPage *self)
{
  return self->session != NULL ? em_session_get_store (self->session) : NULL;
}

/* ---- Messages ---------------------------------------------------------- */

void
em_cases_page_show_notice (EmCasesPage *self, GtkMessageType type, const char *text)
{
  gtk_info_bar_set_message_type (self->notice_bar, type);
  gtk_label_set_text (self->notice_label, text);
  gtk_info_bar_set_revealed (self->notice_bar, TRUE);
}

/* In the window's error bar; in the page's own bar when not in a window. */
void
em_cases_page_show_error (EmCasesPage *self, const char *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (EM_IS_WINDOW (root))
    em_window_show_error (EM_WINDOW (root), message);
  else
    em_cases_page_show_notice (self, GTK_MESSAGE_ERROR, message);
}

static void
on_notice_response (GtkInfoBar *bar, int response, gpointer user_data)
{
  gtk_info_bar_set_revealed (bar, FALSE);
}

/* ---- What is shown ----------------------------------------------------- */

static gboolean
has_selection (EmCasesPage *self)
{
  return self->selection != NULL && gtk_single_selection_get_selected_item (self->selection) != NULL;
}

static void
update_actions (EmCasesPage *self, const EmCasesViewState *state)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean store = em_cases_page_get_store (self) != NULL;

  gtk_widget_action_set_enabled (widget, "page.find", state->can_search);
  gtk_widget_action_set_enabled (widget, "page.open", has_selection (self));
  gtk_widget_action_set_enabled (widget, "page.clear-filters", state->can_clear);
  gtk_widget_action_set_enabled (widget, "page.import-bundle", store);
  gtk_widget_action_set_enabled (widget, "page.export-bundle", state->can_export);
  gtk_widget_action_set_enabled (widget, "page.export-csv", state->can_export);
  gtk_widget_action_set_enabled (widget, "page.verify-code", store);
  gtk_widget_action_set_enabled (widget, "page.period-report", store);
  em_page_set_action_enabled (widget, "page.print", store);
  em_page_set_action_enabled (widget, "page.export-pdf", store);
  gtk_widget_action_set_enabled (widget, "page.open-verified", store && self->verified_id > 0);
  gtk_widget_set_sensitive (self->toolbar, store);
}

static void
show_message (EmCasesPage *self, const EmCasesViewState *state)
{
  gtk_image_set_from_icon_name (self->message_icon, state->icon_name);
  gtk_label_set_text (self->message_title, state->title);
  gtk_label_set_text (self->message_description, state->description);
  gtk_widget_set_visible (self->message_clear_button, state->can_clear);
  gtk_stack_set_visible_child_name (self->view_stack, "message");
}

/* The cases in the store: the list's length when it shows them all;
 * otherwise counted (a million index entries) only after cases change. */
static gint64
count_cases (EmCasesPage *self, guint shown)
{
  EmCaseStore *store = em_cases_page_get_store (self);

  if (store == NULL)
    self->total = 0;
  else if (!self->filtered && self->list != NULL)
    self->total = shown;
  else if (self->total < 0)
    self->total = MAX (em_case_store_count (store, NULL), 0);
  return self->total;
}

static void
update_view (EmCasesPage *self)
{
  g_auto(EmCasesViewState) state = { 0 };
  EmCaseStore *store = em_cases_page_get_store (self);
  guint shown = self->list != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->list)) : 0;
  gint64 total = count_cases (self, shown);

  em_cases_view_state_init (&state, store != NULL, total, shown, self->filtered);
  gtk_label_set_text (self->count_label, state.count);
  if (state.show == EM_CASES_SHOW_LIST)
    gtk_stack_set_visible_child_name (self->view_stack, "list");
  else
    show_message (self, &state);
  update_actions (self, &state);
}

/* ---- The filter -------------------------------------------------------- */

/* "" → no bound; a day in any form em_date_parse_user takes → AAAA-MM-DD. */
static gboolean
read_date (GtkEntry *entry, const char *field, char **iso, GError **error)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  GDate date;

  *iso = NULL;
  if (text[0] == '\0')
    return TRUE;
  if (!em_date_parse_user (text, &date, NULL))
    {
      /* Translators: «Creado desde: «31/02/2026» no es una fecha…» */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("%s: «%s» no es una fecha del calendario; escríbala como DD/MM/AAAA, por ejemplo 21/11/2026."),
                   field, text);
      return FALSE;
    }
  *iso = em_date_to_iso (&date);
  return TRUE;
}

static void
mark_date (GtkEntry *entry, gboolean wrong)
{
  if (wrong)
    gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
}

/* A date still being typed is not wrong yet: it is marked once it is as
 * long as a whole date, or when @insist (Enter, or leaving the field). */
static gboolean
check_date (GtkEntry *entry, const char *field, gboolean insist, char **iso, GString *errors)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = read_date (entry, field, iso, &error);
  gboolean wrong = !ok && (insist || strlen (gtk_editable_get_text (GTK_EDITABLE (entry))) >= 10);

  mark_date (entry, wrong);
  if (wrong)
    g_string_append_printf (errors, "%s%s", errors->len ? "\n" : "", error->message);
  return ok;
}

static void
read_dates (EmCasesPage *self, gboolean insist)
{
  g_autoptr(GString) errors = g_string_new (NULL);

  g_clear_pointer (&self->filter_from, g_free);
  g_clear_pointer (&self->filter_until, g_free);
  check_date (self->from_entry, _("Creado desde"), insist, &self->filter_from, errors);
  check_date (self->until_entry, _("Hasta"), insist, &self->filter_until, errors);
  if (self->filter_from != NULL && self->filter_until != NULL && strcmp (self->filter_from, self->filter_until) > 0)
    {
      g_string_append_printf (errors, "%s%s", errors->len ? "\n" : "",
                              _("La fecha «desde» es posterior a la fecha «hasta»: ningún caso puede cumplir las dos."));
      mark_date (self->until_entry, TRUE);
    }
  gtk_label_set_text (self->date_error, errors->str);
  gtk_widget_set_visible (GTK_WIDGET (self->date_error), errors->len > 0);
}

static void
read_choices (EmCasesPage *self)
{
  guint kind = gtk_drop_down_get_selected (self->kind_dropdown);
  guint result = gtk_drop_down_get_selected (self->result_dropdown);
  guint state = gtk_drop_down_get_selected (self->state_dropdown);

  self->filter.any_kind = kind == 0 || kind == GTK_INVALID_LIST_POSITION;
  self->filter.kind = self->filter.any_kind ? 0 : kind - 1;
  self->filter.result = result < G_N_ELEMENTS (result_choices) ? result_choices[result] : NULL;
  self->filter.any_state = state == 0 || state == GTK_INVALID_LIST_POSITION;
  self->filter.state = self->filter.any_state ? 0 : state - 1;
}

static void
read_filter (EmCasesPage *self, gboolean insist)
{
  g_free (self->filter_text);
  self->filter_text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));
  read_choices (self);
  read_dates (self, insist);
  self->filter.text = self->filter_text[0] != '\0' ? self->filter_text : NULL;
  self->filter.from = self->filter_from;
  self->filter.until = self->filter_until;
  self->filtered = self->filter.text != NULL || !self->filter.any_kind || self->filter.result != NULL
                   || !self->filter.any_state || self->filter.from != NULL || self->filter.until != NULL;
}

/* After a reload the rows keep their widgets and show new cases (see
 * em-case-list.c): the first case is selected and in view, as in a new list. */
static void
show_first (EmCasesPage *self)
{
  if (self->selection != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->selection)) > 0)
    em_cases_page_select (self, 0);
}

static void
apply_filter (EmCasesPage *self, gboolean insist)
{
  g_autoptr(GError) error = NULL;

  read_filter (self, insist);
  if (!self->loaded)
    return;                   /* read when first shown (em_cases_page_load) */
  if (self->list != NULL && !em_case_list_set_filter (self->list, &self->filter, &error))
    em_cases_page_show_error (self, error->message);
  show_first (self);
  update_view (self);
}

static void
on_filter_changed (EmCasesPage *self)
{
  apply_filter (self, FALSE);
}

static void
on_date_changed (EmCasesPage *self)
{
  apply_filter (self, FALSE);
}

static void
on_date_activate (EmCasesPage *self)
{
  apply_filter (self, TRUE);
}

static void
on_date_leave (GtkEventControllerFocus *controller, EmCasesPage *self)
{
  apply_filter (self, TRUE);
}

static void
on_search_activate (EmCasesPage *self)
{
  apply_filter (self, FALSE);
  if (self->list != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->list)) > 0)
    gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static void
on_stop_search (EmCasesPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
clear_filters_activated (GtkWidget *widget, const char *name, GVariant *parameter)
{
  EmCasesPage *self = EM_CASES_PAGE (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->kind_dropdown, 0);
  gtk_drop_down_set_selected (self->result_dropdown, 0);
  gtk_drop_down_set_selected (self->state_dropdown, 0);
  gtk_editable_set_text (GTK_EDITABLE (self->from_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->until_entry), "");
  apply_filter (self, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* ---- Sorting ----------------------------------------------------------- */

static int
probe_compare (gconstpointer a, gconstpointer b, gpointer data)
{
  SortProbe *probe = data;

  probe->page->probed = probe->sort;
  return -1;
}

/* The column view's sorter compares with the primary column first (and
 * inverts it when descending); every column's sorter answers «smaller»,
 * so the first one asked names the column and the answer the direction. */
static void
probe_sort (EmCasesPage *self)
{
  GtkSorter *sorter = gtk_column_view_get_sorter (self->column_view);
  GtkOrdering order;

  self->probed = EM_CASE_SORT_NUMBER;
  order = gtk_sorter_compare (sorter, self->probe_items[0], self->probe_items[1]);
  self->filter.sort = order == GTK_ORDERING_EQUAL ? EM_CASE_SORT_NUMBER : self->probed;
  self->filter.ascending = order == GTK_ORDERING_SMALLER;
}

static void
on_sort_changed (EmCasesPage *self)
{
  probe_sort (self);
  apply_filter (self, FALSE);
}

static void
set_up_sorting (EmCasesPage *self)
{
  const EmCaseSort sorts[N_SORTABLE] = {
    EM_CASE_SORT_NUMBER, EM_CASE_SORT_KIND, EM_CASE_SORT_NAME, EM_CASE_SORT_DOCUMENT,
    EM_CASE_SORT_OUTCOME, EM_CASE_SORT_STATE, EM_CASE_SORT_CREATED,
  };

  for (guint i = 0; i < N_SORTABLE; i++)
    {
      g_autoptr(GtkCustomSorter) sorter = NULL;

      self->probes[i] = (SortProbe) { self, sorts[i] };
      sorter = gtk_custom_sorter_new (probe_compare, &self->probes[i], NULL);
      gtk_column_view_column_set_sorter (self->columns[i], GTK_SORTER (sorter));
    }
  for (guint i = 0; i < G_N_ELEMENTS (self->probe_items); i++)
    self->probe_items[i] = g_object_new (G_TYPE_OBJECT, NULL);
  g_signal_connect_swapped (gtk_column_view_get_sorter (self->column_view), "changed",
                            G_CALLBACK (on_sort_changed), self);
  gtk_column_view_sort_by_column (self->column_view, self->columns[SORTABLE_NUMBER], GTK_SORT_DESCENDING);
}

/* ---- Opening ----------------------------------------------------------- */

static void
open_item (EmCasesPage *self, EmCaseItem *item)
{
  if (item != NULL && self->session != NULL)
    em_session_open_case (self->session, em_case_item_get_id (item));
}

static void
on_row_activate (EmCasesPage *self, guint position)
{
  g_autoptr(EmCaseItem) item = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  open_item (self, item);
}

static void
open_activated (GtkWidget *widget, const char *name, GVariant *parameter)
{
  EmCasesPage *self = EM_CASES_PAGE (widget);

  if (self->selection != NULL)
    open_item (self, gtk_single_selection_get_selected_item (self->selection));
}

static void
find_activated (GtkWidget *widget, const char *name, GVariant *parameter)
{
  EmCasesPage *self = EM_CASES_PAGE (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

static GtkWidget *
find_list_view (GtkWidget *parent)
{
  for (GtkWidget *child = gtk_widget_get_first_child (parent); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      return child;
  return NULL;
}

void
em_cases_page_select (EmCasesPage *self,
                      guint        position)
{
  GtkWidget *list_view;

  g_return_if_fail (EM_IS_CASES_PAGE (self));
  if (self->selection == NULL || position >= g_list_model_get_n_items (G_LIST_MODEL (self->selection)))
    return;
  gtk_single_selection_set_selected (self->selection, position);
  /* GTK 4.8 has no gtk_column_view_scroll_to: its inner list view's action. */
  if ((list_view = find_list_view (GTK_WIDGET (self->column_view))) != NULL)
    gtk_widget_activate_action (list_view, "list.scroll-to-item", "u", position);
}

/* ---- Verification codes ------------------------------------------------ */

static EmCodeStatus
look_up_code (EmCaseStore *store, const char *code, gint64 *id, GError **error)
{
  gboolean latest = FALSE;

  if (!em_case_store_find_code (store, code, id, &latest, error))
    return EM_CODE_UNKNOWN;
  if (!em_case_store_verify_case (store, *id, error))
    return EM_CODE_TAMPERED;
  return latest ? EM_CODE_CURRENT : EM_CODE_SUPERSEDED;
}

static char *
case_name (EmCaseStore *store, gint64 id)
{
  g_autoptr(GPtrArray) rows = id > 0 ? em_case_store_get_summaries (store, &id, 1, NULL) : NULL;

  if (rows == NULL || rows->len == 0)
    return NULL;
  return g_strdup (((EmCaseSummary *) rows->pdata[0])->name);
}

static void
show_code_answer (EmCasesPage *self, const EmCodeAnswer *answer)
{
  const char *classes[] = { "code-answer", answer->css, NULL };

  gtk_label_set_text (self->verify_result, answer->text);
  gtk_widget_set_css_classes (GTK_WIDGET (self->verify_result), classes);
  gtk_widget_set_visible (GTK_WIDGET (self->verify_result), TRUE);
  gtk_widget_set_visible (self->verify_open_button, answer->can_open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.open-verified", answer->can_open);
}

static void
verify_code_activated (GtkWidget *widget, const char *name, GVariant *parameter)
{
  EmCasesPage *self = EM_CASES_PAGE (widget);
  EmCaseStore *store = em_cases_page_get_store (self);
  g_auto(EmCodeAnswer) answer = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *case_title = NULL;
  gint64 id = 0;
  EmCodeStatus status;

  g_return_if_fail (store != NULL);
  status = look_up_code (store, gtk_editable_get_text (GTK_EDITABLE (self->verify_entry)), &id, &error);
  case_title = case_name (store, id);
  em_cases_code_answer_init (&answer, status, id, case_title, error ? error->message : NULL);
  self->verified_id = answer.can_open ? id : 0;
  show_code_answer (self, &answer);
}

static void
open_verified_activated (GtkWidget *widget, const char *name, GVariant *parameter)
{
  EmCasesPage *self = EM_CASES_PAGE (widget);

  if (self->verified_id <= 0)
    return;
  gtk_menu_button_popdown (GTK_MENU_BUTTON (self->verify_button));
  em_session_open_case (self->session, self->verified_id);
}

static void
on_verify_activate (EmCasesPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "page.verify-code", NULL);
}

/* A new code, a new question: the old answer goes. */
static void
on_verify_changed (EmCasesPage *self)
{
  self->verified_id = 0;
  gtk_widget_set_visible (GTK_WIDGET (self->verify_result), FALSE);
  gtk_widget_set_visible (self->verify_open_button, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.open-verified", FALSE);
}

static void
on_verify_popover_show (EmCasesPage *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->verify_entry));
}

/* ---- Session ----------------------------------------------------------- */

static void
on_cases_changed (EmSession *session, gint64 id, EmCasesPage *self)
{
  g_autoptr(GError) error = NULL;

  if (!self->loaded)
    return;
  self->total = -1;
  if (self->list != NULL && !em_case_list_reload (self->list, &error))
    em_cases_page_show_error (self, error->message);
  show_first (self);
  update_view (self);
}

static void
on_list_reloaded (EmCasesPage *self)
{
  g_signal_emit_by_name (self, "rows-refilled");
}

static void
on_selection_changed (EmCasesPage *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.open", has_selection (self));
}

static void
drop_session (EmCasesPage *self)
{
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  gtk_column_view_set_model (self->column_view, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->list);
  g_clear_object (&self->session);
}

void
em_cases_page_set_session (GtkWidget *page,
                           EmSession *session)
{
  EmCasesPage *self = EM_CASES_PAGE (page);
  EmCaseStore *store;

  g_return_if_fail (session == NULL || EM_IS_SESSION (session));
  drop_session (self);
  if (session == NULL)
    {
      update_view (self);
      return;
    }
  self->session = g_object_ref (session);
  self->total = -1;
  g_signal_connect (session, "cases-changed", G_CALLBACK (on_cases_changed), self);
  if ((store = em_session_get_store (session)) != NULL)
    {
      self->list = em_case_list_new (store);
      g_signal_connect_swapped (self->list, "reloaded", G_CALLBACK (on_list_reloaded), self);
      self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->list)));
      g_signal_connect_swapped (self->selection, "notify::selected", G_CALLBACK (on_selection_changed), self);
      gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
    }
  self->loaded = gtk_widget_get_mapped (page);
  if (self->loaded)
    apply_filter (self, FALSE);
}

/* Reads the list, the first time the page is shown (or acted on). */
void
em_cases_page_load (EmCasesPage *self)
{
  if (self->loaded || self->session == NULL)
    return;
  self->loaded = TRUE;
  apply_filter (self, FALSE);
}

static gboolean
load_when_idle (gpointer data)
{
  EmCasesPage *self = data;

  self->load_source = 0;
  em_cases_page_load (self);
  return G_SOURCE_REMOVE;
}

static void
on_first_frame (GdkFrameClock *clock, EmCasesPage *self)
{
  g_signal_handlers_disconnect_by_func (clock, on_first_frame, self);
  self->load_source = g_idle_add (load_when_idle, self);
}

/* The window opens with this page in view: the list is filled right after
 * the first frame, so the window shows at once whatever the store holds. */
void
em_cases_page_defer_first_load (EmCasesPage *self)
{
  g_return_if_fail (EM_IS_CASES_PAGE (self));
  self->defer_load = TRUE;
}

static void
em_cases_page_map (GtkWidget *widget)
{
  EmCasesPage *self = EM_CASES_PAGE (widget);

  GTK_WIDGET_CLASS (em_cases_page_parent_class)->map (widget);
  if (!self->defer_load || self->loaded || self->session == NULL)
    {
      em_cases_page_load (self);
      return;
    }
  self->defer_load = FALSE;
  gtk_stack_set_visible_child_name (self->view_stack, "list");
  g_signal_connect (gtk_widget_get_frame_clock (widget), "after-paint", G_CALLBACK (on_first_frame), self);
}

/* ---- Class ------------------------------------------------------------- */

static void
em_cases_page_dispose (GObject *object)
{
  EmCasesPage *self = EM_CASES_PAGE (object);

  em_cases_page_close_chooser (self);
  g_clear_handle_id (&self->load_source, g_source_remove);
  if (gtk_widget_get_frame_clock (GTK_WIDGET (self)) != NULL)
    g_signal_handlers_disconnect_by_func (gtk_widget_get_frame_clock (GTK_WIDGET (self)), on_first_frame, self);
  if (self->column_view != NULL)
    {
      g_signal_handlers_disconnect_by_data (gtk_column_view_get_sorter (self->column_view), self);
      drop_session (self);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), EM_TYPE_CASES_PAGE);
  for (guint i = 0; i < G_N_ELEMENTS (self->probe_items); i++)
    g_clear_object (&self->probe_items[i]);
  G_OBJECT_CLASS (em_cases_page_parent_class)->dispose (object);
}

static void
em_cases_page_finalize (GObject *object)
{
  EmCasesPage *self = EM_CASES_PAGE (object);

  g_free (self->filter_text);
  g_free (self->filter_from);
  g_free (self->filter_until);
  G_OBJECT_CLASS (em_cases_page_parent_class)->finalize (object);
}

static void
bind_template (GtkWidgetClass *widget_class)
{
  gtk_widget_class_set_template_from_resource (widget_class, "/co/gov/anm/EvaluadorMinero/ui/em-cases-page.ui");
  gtk_widget_class_bind_template_child (widget_class, EmCasesPage, content);
  gtk_widget_class_bind_template_child (widget_class, EmCasesPage, notice_bar);
  gtk_widget_class_bind_template_child (widget_class, EmCasesPage, notice_label);
  gtk_widget_class_bind_template_child (widget_class, EmCasesPage, toolbar);
  gtk_widget_class_bind_template_child (widget_class, EmCasesPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, EmCasesPage, verify_button);
  gtk_widget_class_bind_template_child (widget_class, EmCasesPage, verify_entry);
  gtk_widget_class_bind_template_child (widget_class, EmCasesPage, verify_result);
  gtk_widget_class_bind_template_child (widget_class, EmCasesPage, verify_open_button);
  gtk_widget_class_bind_template_child (widget_class, EmCasesPage, transfer_button);
  gtk_widget_class_bind_template_child (widget_class, EmCasesPage, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, EmCasesPage, result_dropdown);
  gtk_widget_class_bind_template_child (widget_class, EmCasesPage, state_dropdown);
  gtk_widget_class_bind_template_child (widget_class, EmCasesPage, from_entry);
  gtk_widget_class_bind_template_child (widget_class, EmCasesPage, until_entry);
  gtk_widget_class_bind_template_child (widget_class, EmCasesPage, date_error);
  gtk_widget_class_bind_template_child (widget_class, EmCasesPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, EmCasesPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, EmCasesPage, message_icon);
  gtk_widget_class_bind_template_child (widget_class, EmCasesPage, message_title);
  gtk_widget_class_bind_template_child (widget_class, EmCasesPage, message_description);
  gtk_widget_class_bind_template_child (widget_class, EmCasesPage, message_clear_button);
  gtk_widget_class_bind_template_child (widget_class, EmCasesPage, count_label);
  gtk_widget_class_bind_template_child_full (widget_class, "number_column", FALSE,
                                             G_STRUCT_OFFSET (EmCasesPage, columns[SORTABLE_NUMBER]));
  gtk_widget_class_bind_template_child_full (widget_class, "kind_column", FALSE,
                                             G_STRUCT_OFFSET (EmCasesPage, columns[SORTABLE_KIND]));
  gtk_widget_class_bind_template_child_full (widget_class, "name_column", FALSE,
                                             G_STRUCT_OFFSET (EmCasesPage, columns[SORTABLE_NAME]));
  gtk_widget_class_bind_template_child_full (widget_class, "document_column", FALSE,
                                             G_STRUCT_OFFSET (EmCasesPage, columns[SORTABLE_DOCUMENT]));
  gtk_widget_class_bind_template_child_full (widget_class, "outcome_column", FALSE,
                                             G_STRUCT_OFFSET (EmCasesPage, columns[SORTABLE_OUTCOME]));
  gtk_widget_class_bind_template_child_full (widget_class, "state_column", FALSE,
                                             G_STRUCT_OFFSET (EmCasesPage, columns[SORTABLE_STATE]));
  gtk_widget_class_bind_template_child_full (widget_class, "created_column", FALSE,
                                             G_STRUCT_OFFSET (EmCasesPage, columns[SORTABLE_CREATED]));
}

static void
bind_callbacks (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, on_notice_response);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_date_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_date_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_verify_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_verify_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_verify_popover_show);
}

/* page.new and page.save: nothing to make or save here; they stay disabled. */
static void
nothing_activated (GtkWidget *widget, const char *name, GVariant *parameter)
{
}

static void
install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "page.new", NULL, nothing_activated);
  gtk_widget_class_install_action (widget_class, "page.save", NULL, nothing_activated);
  gtk_widget_class_install_action (widget_class, "page.find", NULL, find_activated);
  gtk_widget_class_install_action (widget_class, "page.open", NULL, open_activated);
  gtk_widget_class_install_action (widget_class, "page.clear-filters", NULL, clear_filters_activated);
  gtk_widget_class_install_action (widget_class, "page.verify-code", NULL, verify_code_activated);
  gtk_widget_class_install_action (widget_class, "page.open-verified", NULL, open_verified_activated);
}

static void
em_cases_page_class_init (EmCasesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = em_cases_page_dispose;
  object_class->finalize = em_cases_page_finalize;
  widget_class->map = em_cases_page_map;
  g_type_ensure (EM_TYPE_CASE_ITEM);
  bind_template (widget_class);
  bind_callbacks (widget_class);
  install_actions (widget_class);
  em_cases_page_install_file_actions (widget_class);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  /* The list was read again and its rows refilled: the cells show them. */
  g_signal_new ("rows-refilled", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                G_TYPE_NONE, 0);
}

static void
watch_focus_leave (EmCasesPage *self, GtkEntry *entry)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect (focus, "leave", G_CALLBACK (on_date_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (entry), focus);
}

static void
em_cases_page_init (EmCasesPage *self)
{
  self->filter = (EmCaseFilter) EM_CASE_FILTER_INIT;
  gtk_widget_init_template (GTK_WIDGET (self));
  em_page_set_action_enabled (GTK_WIDGET (self), "page.new", FALSE);
  em_page_set_action_enabled (GTK_WIDGET (self), "page.save", FALSE);
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
  /* A search of a million cases takes a few milliseconds: GTK's 150 ms
   * wait after each keystroke would be most of the delay people feel. */
  gtk_search_entry_set_search_delay (self->search_entry, SEARCH_DELAY_MS);
  watch_focus_leave (self, self->from_entry);
  watch_focus_leave (self, self->until_entry);
  em_cases_cells_set_up (self->columns, N_SORTABLE, G_OBJECT (self));
  set_up_sorting (self);
  update_view (self);
}
