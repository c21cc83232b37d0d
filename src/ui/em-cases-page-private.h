/* em-cases-page-private.h — what the Casos page's files share
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "em-case-list.h"
#include "em-cases-page.h"

G_BEGIN_DECLS

typedef struct
{
  EmCasesPage *page;
  EmCaseSort   sort;
} SortProbe;

typedef enum
{
  SORTABLE_NUMBER,
  SORTABLE_KIND,
  SORTABLE_NAME,
  SORTABLE_DOCUMENT,
  SORTABLE_OUTCOME,
  SORTABLE_STATE,
  SORTABLE_CREATED,
  N_SORTABLE,
} Sortable;

typedef void (*FileChosenFunc) (EmCasesPage *self, GFile *file);

struct _EmCasesPage
{
  GtkWidget             parent_instance;

  EmSession            *session;
  EmCaseList           *list;
  GtkSingleSelection   *selection;
  GtkFileChooserNative *chooser;
  FileChosenFunc        chosen;

  /* The filter the list shows, with its own copies of the texts. */
  EmCaseFilter          filter;
  char                 *filter_text;
  char                 *filter_from;
  char                 *filter_until;
  gboolean              filtered;
  gboolean              loaded;       /* the list is read when first shown */
  gboolean              defer_load;   /* …or after the window's first frame */
  guint                 load_source;
  gint64                total;        /* cases in the store; -1: count again */

  SortProbe             probes[N_SORTABLE];
  GObject              *probe_items[2];
  EmCaseSort            probed;
  gint64                verified_id;

  GtkWidget            *content;
  GtkInfoBar           *notice_bar;
  GtkLabel             *notice_label;
  GtkWidget            *toolbar;
  GtkSearchEntry       *search_entry;
  GtkWidget            *verify_button;
  GtkEntry             *verify_entry;
  GtkLabel             *verify_result;
  GtkWidget            *verify_open_button;
  GtkWidget            *transfer_button;
  GtkDropDown          *kind_dropdown;
  GtkDropDown          *result_dropdown;
  GtkDropDown          *state_dropdown;
  GtkEntry             *from_entry;
  GtkEntry             *until_entry;
  GtkLabel             *date_error;
  GtkStack             *view_stack;
  GtkColumnView        *column_view;
  GtkColumnViewColumn  *columns[N_SORTABLE];
  GtkImage             *message_icon;
  GtkLabel             *message_title;
  GtkLabel             *message_description;
  GtkWidget            *message_clear_button;
  GtkLabel             *count_label;
};

EmCaseStore *em_cases_page_get_store   (EmCasesPage    *self);
void         em_cases_page_load        (EmCasesPage    *self);
void         em_cases_page_show_notice (EmCasesPage    *self,
                                        GtkMessageType  type,
                                        const char     *text);
void         em_cases_page_show_error  (EmCasesPage    *self,
                                        const char     *message);

/* em-cases-page-files.c: import and export through GtkFileChooserNative. */
void         em_cases_page_install_file_actions (GtkWidgetClass *widget_class);
void         em_cases_page_close_chooser        (EmCasesPage    *self);

G_END_DECLS
