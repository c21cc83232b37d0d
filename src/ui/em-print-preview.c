/* em-print-preview.c — the print dialog's «Vista previa», in a window
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK would hand the preview to an external viewer, which an office
 * computer may not have; this window shows it instead.  When the operation
 * is ready, each page it would print is rendered once (through
 * gtk_print_operation_preview_render_page, so the dialog's sheet, scale
 * and page range apply) into a Cairo recording surface, and drawn scaled
 * from there: sharp at any zoom.  Closing the window ends the preview.
 */
#define G_LOG_DOMAIN "em-print"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "em-print-preview.h"

/* Zoom in percent of the real size (1 pt = 96/72 px). */
static const int zoom_steps[] = { 50, 75, 100, 125, 150, 200 };
#define DEFAULT_ZOOM_STEP 1

struct _EmPrintPreview
{
  GtkWindow                 parent_instance;

  GtkBox                   *pages_box;
  GtkLabel                 *status_label;
  GtkLabel                 *subtitle_label;
  GtkLabel                 *zoom_label;

  GtkPrintOperation        *operation;
  GtkPrintContext          *context;
  GPtrArray                *pages;        /* GtkDrawingArea */
  guint                     zoom_step;
  gboolean                  ended;
  gboolean                  print_requested;
};

G_DEFINE_FINAL_TYPE (EmPrintPreview, em_print_preview, GTK_TYPE_WINDOW)

enum { PRINT_REQUESTED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* ---- Pages ------------------------------------------------------------- */

static double
pixels_per_point (EmPrintPreview *self)
{
  return zoom_steps[self->zoom_step] / 100.0 * 96.0 / 72.0;
}

static void
draw_page (GtkDrawingArea *area, cairo_t *cr, int width, int height, gpointer data)
{
  cairo_surface_t *page = data;
  cairo_rectangle_t extents;

  cairo_recording_surface_get_extents (page, &extents);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, width / extents.width, height / extents.height);
  cairo_set_source_surface (cr, page, 0, 0);
  cairo_paint (cr);
}

static void
size_page (EmPrintPreview *self, GtkDrawingArea *area)
{
  cairo_surface_t *page = g_object_get_data (G_OBJECT (area), "page");
  cairo_rectangle_t extents;

  cairo_recording_surface_get_extents (page, &extents);
  gtk_drawing_area_set_content_width (area, (int) (extents.width * pixels_per_point (self) + 0.5));
  gtk_drawing_area_set_content_height (area, (int) (extents.height * pixels_per_point (self) + 0.5));
}

/* Renders page @number of the operation into a recording surface. */
static cairo_surface_t *
render_page (EmPrintPreview *self, int number)
{
  cairo_rectangle_t extents = { 0, 0, gtk_print_context_get_width (self->context),
                                gtk_print_context_get_height (self->context) };
  cairo_surface_t *page = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);
  cairo_t *cr = cairo_create (page);

  gtk_print_context_set_cairo_context (self->context, cr, 72, 72);
  gtk_print_operation_preview_render_page (GTK_PRINT_OPERATION_PREVIEW (self->operation), number);
  cairo_destroy (cr);
  return page;
}

static void
add_page (EmPrintPreview *self, cairo_surface_t *page, guint position, guint count)
{
  GtkWidget *area = gtk_drawing_area_new ();
  g_autofree char *caption = g_strdup_printf (_("Página %u de %u"), position, count);
  GtkWidget *label = gtk_label_new (caption);

  g_object_set_data_full (G_OBJECT (area), "page", cairo_surface_reference (page),
                          (GDestroyNotify) cairo_surface_destroy);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_page, page, NULL);
  gtk_widget_set_halign (area, GTK_ALIGN_CENTER);
  gtk_widget_set_focusable (area, TRUE);
  gtk_widget_add_css_class (area, "preview-page");
  gtk_accessible_update_property (GTK_ACCESSIBLE (area), GTK_ACCESSIBLE_PROPERTY_LABEL, caption, -1);
  gtk_widget_add_css_class (label, "preview-caption");
  gtk_widget_set_margin_bottom (label, 16);
  size_page (self, GTK_DRAWING_AREA (area));
  gtk_box_append (self->pages_box, area);
  gtk_box_append (self->pages_box, label);
  g_ptr_array_add (self->pages, area);
}

static void
on_ready (GtkPrintOperationPreview *preview, GtkPrintContext *context, EmPrintPreview *self)
{
  g_autoptr(GArray) selected = g_array_new (FALSE, FALSE, sizeof (int));
  int n_pages = 0;

  g_object_get (self->operation, "n-pages", &n_pages, NULL);
  for (int i = 0; i < n_pages; i++)
    if (gtk_print_operation_preview_is_selected (preview, i))
      g_array_append_val (selected, i);
  for (guint i = 0; i < selected->len; i++)
    {
      cairo_surface_t *page = render_page (self, g_array_index (selected, int, i));
      add_page (self, page, i + 1, selected->len);
      cairo_surface_destroy (page);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), selected->len == 0);
  gtk_label_set_text (self->status_label, _("No hay páginas que mostrar con estas opciones de impresión."));
  if (self->pages->len > 0)
    gtk_widget_grab_focus (self->pages->pdata[0]);
}

/* ---- Zoom -------------------------------------------------------------- */

static void
set_zoom_step (EmPrintPreview *self, guint step)
{
  g_autofree char *text = NULL;

  self->zoom_step = MIN (step, G_N_ELEMENTS (zoom_steps) - 1);
  text = g_strdup_printf ("%d %%", zoom_steps[self->zoom_step]);
  gtk_label_set_text (self->zoom_label, text);
  for (guint i = 0; i < self->pages->len; i++)
    size_page (self, self->pages->pdata[i]);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.zoom-out", self->zoom_step > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.zoom-in",
                                 self->zoom_step + 1 < G_N_ELEMENTS (zoom_steps));
}

static void
zoom_in_activated (GtkWidget *widget, const char *name, GVariant *parameter)
{
  EmPrintPreview *self = EM_PRINT_PREVIEW (widget);

  set_zoom_step (self, self->zoom_step + 1);
}

static void
zoom_out_activated (GtkWidget *widget, const char *name, GVariant *parameter)
{
  EmPrintPreview *self = EM_PRINT_PREVIEW (widget);

  if (self->zoom_step > 0)
    set_zoom_step (self, self->zoom_step - 1);
}

static void
zoom_reset_activated (GtkWidget *widget, const char *name, GVariant *parameter)
{
  set_zoom_step (EM_PRINT_PREVIEW (widget), DEFAULT_ZOOM_STEP);
}

/* ---- Ending ------------------------------------------------------------ */

static void
end_preview (EmPrintPreview *self)
{
  if (self->ended || self->operation == NULL)
    return;
  self->ended = TRUE;
  gtk_print_operation_preview_end_preview (GTK_PRINT_OPERATION_PREVIEW (self->operation));
}

static void
print_activated (GtkWidget *widget, const char *name, GVariant *parameter)
{
  EM_PRINT_PREVIEW (widget)->print_requested = TRUE;
  gtk_window_close (GTK_WINDOW (widget));
}

static gboolean
em_print_preview_close_request (GtkWindow *window)
{
  EmPrintPreview *self = EM_PRINT_PREVIEW (window);
  gboolean print = self->print_requested && !self->ended;

  end_preview (self);
  if (print)
    g_signal_emit (self, signals[PRINT_REQUESTED], 0);
  return GTK_WINDOW_CLASS (em_print_preview_parent_class)->close_request (window);
}

static void
em_print_preview_dispose (GObject *object)
{
  EmPrintPreview *self = EM_PRINT_PREVIEW (object);

  end_preview (self);
  if (self->operation != NULL)
    g_signal_handlers_disconnect_by_data (self->operation, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), EM_TYPE_PRINT_PREVIEW);
  g_clear_object (&self->operation);
  g_clear_object (&self->context);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  G_OBJECT_CLASS (em_print_preview_parent_class)->dispose (object);
}

static void
em_print_preview_class_init (EmPrintPreviewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = em_print_preview_dispose;
  GTK_WINDOW_CLASS (klass)->close_request = em_print_preview_close_request;

  signals[PRINT_REQUESTED] = g_signal_new ("print-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                           0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/co/gov/anm/EvaluadorMinero/ui/em-print-preview.ui");
  gtk_widget_class_bind_template_child (widget_class, EmPrintPreview, pages_box);
  gtk_widget_class_bind_template_child (widget_class, EmPrintPreview, status_label);
  gtk_widget_class_bind_template_child (widget_class, EmPrintPreview, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, EmPrintPreview, zoom_label);

  gtk_widget_class_install_action (widget_class, "preview.print", NULL, print_activated);
  gtk_widget_class_install_action (widget_class, "preview.zoom-in", NULL, zoom_in_activated);
  gtk_widget_class_install_action (widget_class, "preview.zoom-out", NULL, zoom_out_activated);
  gtk_widget_class_install_action (widget_class, "preview.zoom-reset", NULL, zoom_reset_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "preview.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "preview.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "preview.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "preview.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "preview.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "preview.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "preview.zoom-reset", NULL);
}

static void
em_print_preview_init (EmPrintPreview *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->pages = g_ptr_array_new ();
  set_zoom_step (self, DEFAULT_ZOOM_STEP);
}

/* GTK needs a Cairo context on @context before the preview starts; the
 * pages get their own when they are rendered. */
static void
set_placeholder_cairo (GtkPrintContext *context)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (surface);

  gtk_print_context_set_cairo_context (context, cr, 72, 72);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

EmPrintPreview *
em_print_preview_new (GtkWindow                *parent,
                      GtkPrintOperation        *operation,
                      GtkPrintOperationPreview *preview,
                      GtkPrintContext          *context,
                      const char               *title)
{
  EmPrintPreview *self;

  g_return_val_if_fail (GTK_IS_PRINT_OPERATION (operation), NULL);
  g_return_val_if_fail (GTK_IS_PRINT_CONTEXT (context), NULL);

  self = g_object_new (EM_TYPE_PRINT_PREVIEW, "transient-for", parent, NULL);
  self->operation = g_object_ref (operation);
  self->context = g_object_ref (context);
  gtk_label_set_text (self->subtitle_label, title);
  set_placeholder_cairo (context);
  g_signal_connect (preview, "ready", G_CALLBACK (on_ready), self);
  return self;
}

guint
em_print_preview_get_n_pages (EmPrintPreview *self)
{
  g_return_val_if_fail (EM_IS_PRINT_PREVIEW (self), 0);
  return self->pages->len;
}
