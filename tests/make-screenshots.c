/* make-screenshots.c — pictures of the window in realistic states
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Not a test: `xvfb-run -a build/tests/make-screenshots DIR` renders the
 * real window, filled as an official would fill it, to DIR/capacidad.png
 * (for the AppStream metainfo and the README).
 */
#include "config.h"

#include "em-i18n.h"
#include "ui-test-util.h"

static void
save_png (GtkWidget *window, const char *path)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width = gtk_widget_get_width (window), height = gtk_widget_get_height (window);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (!gdk_texture_save_to_png (texture, path))
    g_error ("could not write %s", path);
  g_print ("%s\n", path);
}

static void
settle (void)
{
  gint64 end = g_get_monotonic_time () + G_USEC_PER_SEC;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static void
type (GtkWidget *page, const char *name, const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (ui_find_named (page, name)), text);
}

static void
fill_capacity (GtkWidget *page)
{
  type (page, "nombre", "Comercializadora de Metales del Cauca S.A.S.");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (ui_find_named (page, "tipo_documento")), 2);
  type (page, "numero_documento", "900.123.456-8");
  type (page, "fecha_radicacion", "15/06/2017");
  type (page, "activo_corriente", "$ 1.845.320.000,00");
  type (page, "pasivo_corriente", "$ 1.512.600.000,00");
  type (page, "activo_total", "$ 3.960.000.000,00");
  type (page, "pasivo_total", "$ 2.118.500.000,00");
  type (page, "ingresos_operacionales", "$ 7.480.000.000,00");
}

int
main (int argc, char **argv)
{
  UiFixture f = { 0 };
  g_autofree char *capacity = NULL;

  if (argc != 2)
    g_error ("usage: make-screenshots DIR");
  em_i18n_init ();
  gtk_init ();
  ui_fixture_set_up (&f, NULL);
  gtk_window_set_default_size (GTK_WINDOW (f.window), 1280, 860);
  em_window_show_page (f.window, "capacidad");
  fill_capacity (em_window_get_page_widget (f.window, "capacidad"));
  settle ();
  capacity = g_build_filename (argv[1], "capacidad.png", NULL);
  save_png (GTK_WIDGET (f.window), capacity);
  ui_fixture_tear_down (&f, NULL);
  return 0;
}
