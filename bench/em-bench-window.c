/* em-bench-window.c — the real window over a big store: typing and scrolling
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   em-bench-window DATABASE
 *
 * Opens EmWindow on DATABASE with the Casos page shown and prints, one
 * "name value" per line:
 *   busqueda-ms-N      keystroke (the search text changes) → the frame
 *                      painted after the list changed, for each keystroke
 *                      of a few searches typed one letter at a time, and
 *   busqueda-cpu-ms-N  the processor time this process spent on it (less
 *                      sensitive to other programs on a shared machine);
 *   cuadros / cuadros-perdidos  frames while the list is scrolled from
 *                      the first row to the last in 600 steps, one per
 *                      frame, and how many of them came late (an interval
 *                      over 1.5 × 1/60 s, that is a frame missed at 60 Hz);
 *   desplazar-ms-por-cuadro / desplazar-cpu-ms-por-cuadro  the time and the
 *                      processor time per step of that scroll;
 *   rss-pico-kb        VmHWM at the end.
 * Run under Xvfb with GSETTINGS_SCHEMA_DIR pointing at the build's schema.
 *
 * EM_BANCO_SOLO_DESPLAZAR=N skips the typing and scrolls in N steps; under
 * `valgrind --tool=callgrind --collect-atstart=no` only the scroll is
 * counted, which gives instructions per step unmoved by other programs.
 */
#define G_LOG_DOMAIN "em-bench"

#include "config.h"

#include <gtk/gtk.h>
#include <stdio.h>

#include "em-bench-scroll.h"
#include "em-window.h"

typedef struct
{
  EmWindow      *window;
  GtkWidget     *page;
  GListModel    *shown;
  guint          painted;       /* frames painted so far */
  gint64         last_paint;
  gint64         changed_at;    /* when the list last changed */
  GArray        *intervals;     /* µs between frames, while scrolling */
  GtkAdjustment *adjustment;
  guint          steps;         /* of the scroll through the whole list */
  guint          step;
} Bench;

static GtkWidget *
find_named (GtkWidget *root, const char *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (g_strcmp0 (gtk_widget_get_name (child), name) == 0)
        return child;
      if ((found = find_named (child, name)) != NULL)
        return found;
    }
  return NULL;
}

static void
on_after_paint (GdkFrameClock *clock, Bench *bench)
{
  gint64 now = g_get_monotonic_time ();

  if (bench->intervals != NULL && bench->last_paint > 0)
    {
      gint64 interval = now - bench->last_paint;
      g_array_append_val (bench->intervals, interval);
    }
  bench->last_paint = now;
  bench->painted++;
}

static void
on_reloaded (GListModel *model, Bench *bench)
{
  bench->changed_at = g_get_monotonic_time ();
}

static void
wait_frames (Bench *bench, guint count)
{
  guint until = bench->painted + count;

  while (bench->painted < until)
    g_main_context_iteration (NULL, TRUE);
}

static void
wait_ms (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE), g_usleep (1000);
}


/* One keystroke: the text becomes @text; waits for the list to change
 * (or 2 s) and for the next frame after it.  Returns the milliseconds,
 * and in @cpu the processor time. */
static double
keystroke (Bench *bench, GtkEditable *entry, const char *text, double *cpu)
{
  gint64 start = g_get_monotonic_time ();
  gint64 limit = start + 2 * G_USEC_PER_SEC;
  double cpu_start = cpu_ms ();

  bench->changed_at = 0;
  gtk_editable_set_text (entry, text);
  while (bench->changed_at == 0 && g_get_monotonic_time () < limit)
    g_main_context_iteration (NULL, TRUE);
  wait_frames (bench, 1);
  *cpu = cpu_ms () - cpu_start;
  return (bench->last_paint - start) / 1000.0;
}

static void
measure_typing (Bench *bench)
{
  static const char * const searches[] = { "Gómez", "Minerales del", "9001", "Ñandú", "HJK" };
  GtkEditable *entry = GTK_EDITABLE (find_named (bench->page, "search"));
  double cpu;
  guint n = 0;

  for (guint s = 0; s < G_N_ELEMENTS (searches); s++)
    {
      for (const char *p = searches[s]; *p != '\0'; p = g_utf8_next_char (p))
        {
          g_autofree char *prefix = g_strndup (searches[s], g_utf8_next_char (p) - searches[s]);
          double ms = keystroke (bench, entry, prefix, &cpu);

          n++;
          printf ("busqueda-ms-%u %.1f\nbusqueda-cpu-ms-%u %.1f\n", n, ms, n, cpu);
          wait_ms (120);                          /* a fast typist: 8 keys a second */
        }
      keystroke (bench, entry, "", &cpu);
      wait_ms (200);
    }
}

static gboolean
scroll_step (GtkWidget *widget, GdkFrameClock *clock, gpointer data)
{
  Bench *bench = data;
  double range = gtk_adjustment_get_upper (bench->adjustment) - gtk_adjustment_get_page_size (bench->adjustment);

  gtk_adjustment_set_value (bench->adjustment, range * bench->step / bench->steps);
  return ++bench->step <= bench->steps ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

static void
measure_scrolling (Bench *bench)
{
  GtkWidget *view = find_named (bench->page, "cases");
  gint64 start = g_get_monotonic_time ();
  double cpu_start = cpu_ms ();
  guint late = 0;

  bench->adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
  bench->intervals = g_array_new (FALSE, FALSE, sizeof (gint64));
  bench->last_paint = 0;
  gtk_widget_add_tick_callback (view, scroll_step, bench, NULL);
  CALLGRIND_START_INSTRUMENTATION;
  while (bench->step <= bench->steps)
    g_main_context_iteration (NULL, TRUE);
  CALLGRIND_STOP_INSTRUMENTATION;
  for (guint i = 0; i < bench->intervals->len; i++)
    late += g_array_index (bench->intervals, gint64, i) > LATE_US;
  printf ("cuadros %u\ncuadros-perdidos %u\n", bench->intervals->len, late);
  printf ("desplazar-ms-por-cuadro %.1f\ndesplazar-cpu-ms-por-cuadro %.1f\n",
          (g_get_monotonic_time () - start) / 1000.0 / bench->steps, (cpu_ms () - cpu_start) / bench->steps);
  g_array_unref (bench->intervals);
  bench->intervals = NULL;
}

static void
print_peak_rss (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (g_file_get_contents ("/proc/self/status", &status, NULL, NULL) && (line = strstr (status, "VmHWM:")) != NULL)
    printf ("rss-pico-kb %ld\n", strtol (line + 6, NULL, 10));
}

static EmWindow *
open_window (GtkApplication *app, const char *path, GSettings *settings)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EmCaseStore) store = em_case_store_open (path, &error);
  g_autoptr(EmEvaluator) evaluator = em_evaluator_new_default (NULL);
  g_autoptr(EmSession) session = NULL;
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

  if (store == NULL)
    g_error ("%s", error->message);
  session = em_session_new (store, evaluator);
  gtk_css_provider_load_from_resource (provider, "/co/gov/anm/EvaluadorMinero/ui/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_settings_set_string (settings, "last-page", "casos");
  return em_window_new (app, session, settings);
}

int
main (int argc, char **argv)
{
  g_autoptr(GtkApplication) app = NULL;
  g_autoptr(GSettings) settings = NULL;
  Bench bench = { 0 };
  const char *only_scroll = g_getenv ("EM_BANCO_SOLO_DESPLAZAR");

  if (argc != 2)
    {
      fprintf (stderr, "uso: em-bench-window BASE-DE-DATOS\n");
      return 2;
    }
  setvbuf (stdout, NULL, _IOLBF, 0);
  gtk_init ();
  app = gtk_application_new ("co.gov.anm.EvaluadorMinero.Banco", G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, NULL);
  settings = g_settings_new ("co.gov.anm.EvaluadorMinero");
  bench.window = open_window (app, argv[1], settings);
  gtk_window_set_default_size (GTK_WINDOW (bench.window), 1100, 760);
  gtk_window_present (GTK_WINDOW (bench.window));
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (bench.window)), "after-paint",
                    G_CALLBACK (on_after_paint), &bench);
  bench.page = em_window_get_page_widget (bench.window, "casos");
  bench.shown = G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (find_named (bench.page, "cases"))));
  /* Rows are refilled in place: "reloaded" says the list changed, also
   * when its length did not. */
  g_signal_connect (gtk_single_selection_get_model (GTK_SINGLE_SELECTION (bench.shown)), "reloaded",
                    G_CALLBACK (on_reloaded), &bench);
  wait_frames (&bench, 3);
  bench.steps = only_scroll != NULL ? MAX (1, atoi (only_scroll)) : 600;
  if (only_scroll == NULL)
    measure_typing (&bench);
  measure_scrolling (&bench);
  print_peak_rss ();
  gtk_window_destroy (GTK_WINDOW (bench.window));
  return 0;
}
