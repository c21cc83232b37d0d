/* em-cases-cells.c — the cells of the case list, made in C
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK 4.8 makes a new cell for every row that scrolls into view; with a
 * GtkBuilderListItemFactory that means parsing a template and building
 * expression bindings per cell, which cost more than a frame when a
 * million-case list jumps or is searched.  Here each cell is one
 * GtkInscription (GTK's text widget for lists) made in setup and filled in
 * bind, with the same pure closures the template used (em-cases-closures.h).
 * A row's item is refilled in place when the list is searched (see
 * em-case-list.c): every cell fills itself again when the page says
 * "rows-refilled".
 */
#define G_LOG_DOMAIN "em-cases-page"

#include "config.h"

#include "em-case-list.h"
#include "em-cases-cells.h"
#include "em-cases-closures.h"

typedef struct
{
  float       xalign;
  guint       nat_chars;
  gboolean    numeric;
  gboolean    tooltip;        /* the whole text on hover (names are long) */
  const char *css;            /* the cell's class from the start: its font */
  char     *(*text)    (EmCaseItem *item);
  GStrv     (*classes) (EmCaseItem *item);
} CellKind;

static char *number_text (EmCaseItem *i) { return em_cases_number_text (NULL, em_case_item_get_id (i)); }
static char *kind_text (EmCaseItem *i) { return em_cases_kind_text (NULL, em_case_item_get_kind (i)); }
static char *name_text (EmCaseItem *i) { return em_cases_text_or_dash (NULL, em_case_item_get_name (i)); }
static char *document_text (EmCaseItem *i) { return em_cases_text_or_dash (NULL, em_case_item_get_document (i)); }
static char *state_text (EmCaseItem *i) { return em_cases_state_text (NULL, em_case_item_get_state (i)); }
static char *created_text (EmCaseItem *i) { return em_cases_created_text (NULL, em_case_item_get_created (i)); }
static GStrv state_classes (EmCaseItem *i) { return em_cases_state_classes (NULL, em_case_item_get_state (i)); }

static char *
outcome_text (EmCaseItem *item)
{
  return em_cases_outcome_text (NULL, em_case_item_get_result (item), em_case_item_get_tariff (item));
}

static GStrv
outcome_classes (EmCaseItem *item)
{
  return em_cases_outcome_classes (NULL, em_case_item_get_result (item), em_case_item_get_tariff (item));
}

/* In the order of the columns (em-cases-page-private.h, Sortable). */
static const CellKind cells[] = {
  { 1.0, 0, TRUE, FALSE, NULL, number_text, NULL },
  { 0.0, 0, FALSE, FALSE, NULL, kind_text, NULL },
  { 0.0, 18, FALSE, TRUE, NULL, name_text, NULL },
  { 0.0, 0, TRUE, FALSE, NULL, document_text, NULL },
  { 0.0, 0, FALSE, FALSE, "case-outcome", outcome_text, outcome_classes },
  { 0.0, 0, FALSE, FALSE, "case-state", state_text, state_classes },
  { 0.0, 0, FALSE, FALSE, NULL, created_text, NULL },
};

/* Asked for only when the pointer rests on the cell: setting a tooltip in
 * every bind makes GTK ask X where the pointer is, for every cell. */
static gboolean
on_query_tooltip (GtkWidget *inscription, int x, int y, gboolean keyboard, GtkTooltip *tooltip, gpointer data)
{
  const char *text = gtk_inscription_get_text (GTK_INSCRIPTION (inscription));

  if (text == NULL || text[0] == '\0')
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
fill_cell (GtkListItem *list_item, const CellKind *kind)
{
  GtkWidget *inscription = gtk_list_item_get_child (list_item);
  EmCaseItem *item = gtk_list_item_get_item (list_item);
  g_autofree char *text = item != NULL ? kind->text (item) : NULL;

  gtk_inscription_set_text (GTK_INSCRIPTION (inscription), text);
  if (kind->classes != NULL)
    {
      g_auto(GStrv) classes = item != NULL ? kind->classes (item) : NULL;
      gtk_widget_set_css_classes (inscription, (const char **) classes);
      if (kind->numeric)
        gtk_widget_add_css_class (inscription, "numeric");
    }
}

static void
on_rows_refilled (GtkListItem *list_item)
{
  fill_cell (list_item, g_object_get_data (G_OBJECT (list_item), "em-cell-kind"));
}

static void
setup_cell (GtkSignalListItemFactory *factory, GtkListItem *list_item, const CellKind *kind)
{
  GtkWidget *inscription = gtk_inscription_new (NULL);

  gtk_inscription_set_xalign (GTK_INSCRIPTION (inscription), kind->xalign);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (inscription), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (inscription), kind->nat_chars);
  if (kind->numeric)
    gtk_widget_add_css_class (inscription, "numeric");
  if (kind->css != NULL)
    gtk_widget_add_css_class (inscription, kind->css);
  if (kind->xalign > 0.5)
    gtk_widget_set_margin_end (inscription, 10);
  if (kind->tooltip)
    {
      gtk_widget_set_has_tooltip (inscription, TRUE);
      g_signal_connect (inscription, "query-tooltip", G_CALLBACK (on_query_tooltip), NULL);
    }
  gtk_list_item_set_child (list_item, inscription);
  /* Connected once for the cell's life, not per bind: a connection per
   * bind was a tenth of the cost of scrolling. */
  g_object_set_data (G_OBJECT (list_item), "em-cell-kind", (gpointer) kind);
  g_signal_connect_object (g_object_get_data (G_OBJECT (factory), "em-refills"), "rows-refilled",
                           G_CALLBACK (on_rows_refilled), list_item, G_CONNECT_SWAPPED);
}

static void
bind_cell (GtkSignalListItemFactory *factory, GtkListItem *list_item, const CellKind *kind)
{
  fill_cell (list_item, kind);
}

void
em_cases_cells_set_up (GtkColumnViewColumn **columns,
                       guint                 n_columns,
                       GObject              *refills)
{
  g_return_if_fail (n_columns == G_N_ELEMENTS (cells));

  for (guint i = 0; i < n_columns; i++)
    {
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), (gpointer) &cells[i]);
      g_object_set_data (G_OBJECT (factory), "em-refills", refills);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), (gpointer) &cells[i]);
      gtk_column_view_column_set_factory (columns[i], factory);
    }
}
