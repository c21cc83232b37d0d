/* em-bench-bare-list.c — GTK's own cost of jumping through a million rows
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   em-bench-bare-list          (EM_BANCO_PASOS=N: N steps, default 600)
 *
 * The floor under the window's scroll figure: a GtkColumnView of seven
 * GtkInscription columns over a million rows that cost nothing (an
 * in-memory model, the same seven short texts in every row), scrolled from
 * the first row to the last in 600 steps, one per frame, as em-bench-window
 * scrolls the Casos list.  No store, no CSS of ours, no closures: what is
 * left is GTK 4.8 making, measuring and drawing the rows of each jump.
 * Prints "cuadros-perdidos N" (intervals over 1.5 × 1/60 s) and
 * "desplazar-cpu-ms-por-cuadro X".  Run under Xvfb (GDK_DEBUG=gl-disable
 * for the cairo renderer, as bench/run judges the window).  Under
 * `valgrind --tool=callgrind --instr-atstart=no` only the scroll is counted.
 */
#define G_LOG_DOMAIN "em-bench"

#include "config.h"

#include <gtk/gtk.h>
#include <stdio.h>
#include <stdlib.h>

#include "em-bench-scroll.h"

#define ROWS 1000000
#define COLUMNS 7

static const char *const texts[COLUMNS] = {
  NULL, "Capacidad", "Esmeraldas del Chivor S.A.S.", "900123456", "Cumple", "Evaluado", "21/11/2026 21:52",
};

typedef struct
{
  GtkAdjustment *adjustment;
  guint          steps;
  guint          step;
  gint64         last;
  GArray        *intervals;
  double         cpu_start;
} Scroll;


static void
setup_cell (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer column)
{
  GtkWidget *inscription = gtk_inscription_new (NULL);

  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (inscription), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_list_item_set_child (item, inscription);
}

static void
bind_cell (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer column)
{
  GtkInscription *inscription = GTK_INSCRIPTION (gtk_list_item_get_child (item));
  guint position = gtk_list_item_get_position (item);
  guint index = GPOINTER_TO_UINT (column);
  g_autofree char *number = index == 0 ? g_strdup_printf ("%u", ROWS - position) : NULL;

  gtk_inscription_set_text (inscription, index == 0 ? number : texts[index]);
}

/* A million rows that cost nothing: each item a bare GObject, made when
 * the view asks for it. */
#define EM_TYPE_BARE_ROWS (em_bare_rows_get_type ())
G_DECLARE_FINAL_TYPE (EmBareRows, em_bare_rows, EM, BARE_ROWS, GObject)

struct _EmBareRows
{
  GObject parent_instance;
};

static GType
em_bare_rows_get_item_type (GListModel *model)
{
  return G_TYPE_OBJECT;
}

static guint
em_bare_rows_get_n_items (GListModel *model)
{
  return ROWS;
}

static gpointer
em_bare_rows_get_item (GListModel *model, guint position)
{
  return position < ROWS ? g_object_new (G_TYPE_OBJECT, NULL) : NULL;
}

static void
em_bare_rows_model_init (GListModelInterface *iface)
{
  iface->get_item_type = em_bare_rows_get_item_type;
  iface->get_n_items = em_bare_rows_get_n_items;
  iface->get_item = em_bare_rows_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (EmBareRows, em_bare_rows, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, em_bare_rows_model_init))

static void
em_bare_rows_class_init (EmBareRowsClass *klass)
{
}

static void
em_bare_rows_init (EmBareRows *self)
{
}

static GtkWidget *
bare_view (void)
{
  GListModel *rows = g_object_new (EM_TYPE_BARE_ROWS, NULL);
  GtkWidget *view;

  view = gtk_column_view_new (GTK_SELECTION_MODEL (gtk_single_selection_new (rows)));
  for (guint i = 0; i < COLUMNS; i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *column;

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), GUINT_TO_POINTER (i));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), GUINT_TO_POINTER (i));
      column = gtk_column_view_column_new ("Columna", factory);
      gtk_column_view_column_set_expand (column, TRUE);
      gtk_column_view_append_column (GTK_COLUMN_VIEW (view), column);
      g_object_unref (column);
    }
  gtk_column_view_set_show_row_separators (GTK_COLUMN_VIEW (view), TRUE);
  return view;
}

static gboolean
scroll_step (GtkWidget *view, GdkFrameClock *clock, gpointer data)
{
  Scroll *scroll = data;
  gint64 now = g_get_monotonic_time ();
  double range = gtk_adjustment_get_upper (scroll->adjustment) - gtk_adjustment_get_page_size (scroll->adjustment);

  if (scroll->step == 0)
    scroll->cpu_start = cpu_ms ();
  else
    g_array_append_vals (scroll->intervals, &(gint64) { now - scroll->last }, 1);
  scroll->last = now;
  if (scroll->step == scroll->steps)
    return G_SOURCE_REMOVE;
  gtk_adjustment_set_value (scroll->adjustment, range * ++scroll->step / scroll->steps);
  return G_SOURCE_CONTINUE;
}

int
main (int argc, char **argv)
{
  const char *steps = g_getenv ("EM_BANCO_PASOS");
  Scroll scroll = { NULL, steps != NULL ? MAX (1, atoi (steps)) : 600, 0, 0, g_array_new (FALSE, FALSE, sizeof (gint64)), 0 };
  GtkWidget *window, *scroller, *view;
  guint late = 0;

  gtk_init ();
  view = bare_view ();
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  gtk_window_set_child (GTK_WINDOW (window), scroller);
  gtk_window_present (GTK_WINDOW (window));
  for (gint64 until = g_get_monotonic_time () + G_USEC_PER_SEC; g_get_monotonic_time () < until;)
    g_main_context_iteration (NULL, FALSE);
  scroll.adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
  gtk_widget_add_tick_callback (view, scroll_step, &scroll, NULL);
  CALLGRIND_START_INSTRUMENTATION;
  while (scroll.step < scroll.steps || scroll.intervals->len < scroll.steps)
    g_main_context_iteration (NULL, TRUE);
  CALLGRIND_STOP_INSTRUMENTATION;
  for (guint i = 0; i < scroll.intervals->len; i++)
    late += g_array_index (scroll.intervals, gint64, i) > LATE_US;
  printf ("cuadros %u\ncuadros-perdidos %u\ndesplazar-cpu-ms-por-cuadro %.1f\n", scroll.intervals->len, late,
          (cpu_ms () - scroll.cpu_start) / scroll.steps);
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
