/* em-window.c — the main window: three pages under a view switcher
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Capacidad económica, Tarifa de inspección and Casos.  The window's
 * actions (new, save, find, print, export-pdf) go to the visible page
 * (em-page.h); it opens a
 * stored case in the page of its kind, shows errors in a bar that stays
 * until closed, and remembers its size and last page.
 *
 * Only the page in view is built before the first frame: the stack holds
 * an empty box per page, and a page is made into its box when it is shown
 * or asked for, and the others right after the first frame.  So are the
 * main menu's popover (when first opened) and the shortcuts window
 * (win.show-help-overlay, which GtkApplication would build with every
 * window from <resource-base-path>/gtk/help-overlay.ui).
 */
#define G_LOG_DOMAIN "em-window"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "em-cases-page.h"
#include "em-page.h"
#include "em-window.h"

struct _EmWindow
{
  GtkApplicationWindow  parent_instance;
  GtkStack             *stack;
  GtkWidget            *capacity_page;      /* NULL until built */
  GtkWidget            *tariff_page;
  GtkWidget            *cases_page;
  gboolean              defer_cases_load;
  guint                 build_source;
  GtkMenuButton        *menu_button;
  GMenuModel           *primary_menu;
  GtkInfoBar           *error_bar;
  GtkLabel             *error_label;
  EmSession            *session;
  GSettings            *settings;
};

G_DEFINE_FINAL_TYPE (EmWindow, em_window, GTK_TYPE_APPLICATION_WINDOW)

/* ---- Pages, built when first needed ------------------------------------ */

typedef struct
{
  const char *name;
  GType     (*get_type)    (void);
  void      (*set_session) (GtkWidget *page, EmSession *session);
  gsize       field;
} EmPageKind;

static const EmPageKind page_kinds[] = {
  { "capacidad", em_capacity_page_get_type, em_capacity_page_set_session, G_STRUCT_OFFSET (EmWindow, capacity_page) },
  { "tarifa", em_tariff_page_get_type, em_tariff_page_set_session, G_STRUCT_OFFSET (EmWindow, tariff_page) },
  { "casos", em_cases_page_get_type, em_cases_page_set_session, G_STRUCT_OFFSET (EmWindow, cases_page) },
};

static const EmPageKind *
find_page_kind (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (page_kinds); i++)
    if (g_strcmp0 (page_kinds[i].name, name) == 0)
      return &page_kinds[i];
  return NULL;
}

static GtkWidget *
build_page (EmWindow *self, const EmPageKind *kind)
{
  GtkWidget **page = G_STRUCT_MEMBER_P (self, kind->field);

  *page = g_object_new (kind->get_type (), "vexpand", TRUE, NULL);
  if (EM_IS_CASES_PAGE (*page) && self->defer_cases_load)
    em_cases_page_defer_first_load (EM_CASES_PAGE (*page));
  gtk_box_append (GTK_BOX (gtk_stack_get_child_by_name (self->stack, kind->name)), *page);
  kind->set_session (*page, self->session);
  return *page;
}

/* The page called @name if it is built, else NULL. */
static GtkWidget *
built_page (EmWindow *self, const char *name)
{
  const EmPageKind *kind = find_page_kind (name);

  return kind != NULL ? G_STRUCT_MEMBER (GtkWidget *, self, kind->field) : NULL;
}

/* The page called @name, built now if it was not yet; NULL if there is none. */
static GtkWidget *
ensure_page (EmWindow *self, const char *name)
{
  const EmPageKind *kind = find_page_kind (name);
  GtkWidget *page = built_page (self, name);

  return page != NULL || kind == NULL ? page : build_page (self, kind);
}

/* ---- The shortcuts window and the main menu, built when first wanted ---- */

/* Hands the shortcuts window to GtkApplicationWindow, which then installs
 * its own win.show-help-overlay in place of ours. */
static gboolean
ensure_help_overlay (EmWindow *self)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (self);
  g_autoptr(GtkBuilder) builder = NULL;

  if (gtk_application_window_get_help_overlay (window) != NULL)
    return FALSE;
  builder = gtk_builder_new_from_resource ("/co/gov/anm/EvaluadorMinero/ui/help-overlay.ui");
  g_action_map_remove_action (G_ACTION_MAP (self), "show-help-overlay");
  gtk_application_window_set_help_overlay (window, GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder,
                                                                                                 "help_overlay")));
  return TRUE;
}

static void
show_help_overlay_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  ensure_help_overlay (user_data);
  g_action_group_activate_action (G_ACTION_GROUP (user_data), "show-help-overlay", NULL);
}

static void
add_help_overlay_action (EmWindow *self)
{
  g_autoptr(GSimpleAction) action = g_simple_action_new ("show-help-overlay", NULL);

  g_signal_connect_object (action, "activate", G_CALLBACK (show_help_overlay_activated), self, 0);
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (action));
}

static void
create_main_menu (GtkMenuButton *button, gpointer user_data)
{
  EmWindow *self = user_data;

  if (gtk_menu_button_get_menu_model (button) == NULL)
    gtk_menu_button_set_menu_model (button, self->primary_menu);
}

/* ---- After the first frame ----------------------------------------------- */

static gboolean
build_next_part (gpointer data)
{
  EmWindow *self = data;

  for (guint i = 0; i < G_N_ELEMENTS (page_kinds); i++)
    if (G_STRUCT_MEMBER (GtkWidget *, self, page_kinds[i].field) == NULL)
      {
        build_page (self, &page_kinds[i]);
        return G_SOURCE_CONTINUE;
      }
  if (ensure_help_overlay (self))
    return G_SOURCE_CONTINUE;
  self->build_source = 0;
  return G_SOURCE_REMOVE;
}

/* The pages not in view and the shortcuts window are built one per idle
 * turn after the first frame, below redrawing and input, so that each is
 * ready when first wanted. */
static void
on_first_frame (GdkFrameClock *clock, EmWindow *self)
{
  g_signal_handlers_disconnect_by_func (clock, on_first_frame, self);
  if (self->build_source == 0)
    self->build_source = g_idle_add_full (G_PRIORITY_LOW, build_next_part, self, NULL);
}

static void
em_window_realize (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (em_window_parent_class)->realize (widget);
  g_signal_connect (gtk_widget_get_frame_clock (widget), "after-paint", G_CALLBACK (on_first_frame), widget);
}

static void
em_window_unrealize (GtkWidget *widget)
{
  g_signal_handlers_disconnect_by_func (gtk_widget_get_frame_clock (widget), on_first_frame, widget);
  GTK_WIDGET_CLASS (em_window_parent_class)->unrealize (widget);
}

void
em_page_set_action_enabled (GtkWidget  *page,
                            const char *action,
                            gboolean    enabled)
{
  GtkRoot *root = gtk_widget_get_root (page);

  gtk_widget_action_set_enabled (page, action, enabled);
  g_object_set_data (G_OBJECT (page), action, GINT_TO_POINTER (enabled ? 1 : 2));
  if (EM_IS_WINDOW (root))
    em_window_update_actions (EM_WINDOW (root));
}

gboolean
em_page_get_action_enabled (GtkWidget  *page,
                            const char *action)
{
  return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (page), action)) != 2;   /* unset: enabled */
}

/* win.new, win.save, win.print and win.export-pdf follow the visible page. */
void
em_window_update_actions (EmWindow *self)
{
  GtkWidget *page = built_page (self, gtk_stack_get_visible_child_name (self->stack));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new", page && em_page_get_action_enabled (page, "page.new"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save", page && em_page_get_action_enabled (page, "page.save"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print",
                                 page && em_page_get_action_enabled (page, "page.print"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-pdf",
                                 page && em_page_get_action_enabled (page, "page.export-pdf"));
}

static void
forward (EmWindow *self, const char *action)
{
  gtk_widget_activate_action (ensure_page (self, gtk_stack_get_visible_child_name (self->stack)), action, NULL);
}

static void
new_activated (GtkWidget *widget, const char *name, GVariant *parameter)
{
  forward (EM_WINDOW (widget), "page.new");
}

static void
save_activated (GtkWidget *widget, const char *name, GVariant *parameter)
{
  forward (EM_WINDOW (widget), "page.save");
}

static void
print_activated (GtkWidget *widget, const char *name, GVariant *parameter)
{
  forward (EM_WINDOW (widget), "page.print");
}

static void
export_pdf_activated (GtkWidget *widget, const char *name, GVariant *parameter)
{
  forward (EM_WINDOW (widget), "page.export-pdf");
}

static void
find_activated (GtkWidget *widget, const char *name, GVariant *parameter)
{
  EmWindow *self = EM_WINDOW (widget);

  em_window_show_page (self, "casos");
  gtk_widget_activate_action (self->cases_page, "page.find", NULL);
}

static void
on_open_case (EmSession *session, gint64 id, EmWindow *self)
{
  g_auto(EmCaseRow) row = { 0 };
  g_autoptr(GError) error = NULL;

  if (!em_case_store_get_row (em_session_get_store (session), id, &row, &error))
    {
      em_window_show_error (self, error->message);
      return;
    }
  if (g_strcmp0 (row.kind, "tarifa") == 0)
    {
      em_tariff_page_show_case (ensure_page (self, "tarifa"), id);
      em_window_show_page (self, "tarifa");
    }
  else
    {
      em_capacity_page_show_case (ensure_page (self, "capacidad"), id);
      em_window_show_page (self, "capacidad");
    }
}

static void
on_error_bar_response (GtkInfoBar *bar, int response, gpointer user_data)
{
  gtk_info_bar_set_revealed (bar, FALSE);
}

static void
on_page_changed (EmWindow *self)
{
  const char *name = gtk_stack_get_visible_child_name (self->stack);

  if (self->session == NULL)     /* the template is being built */
    return;
  ensure_page (self, name);
  if (self->settings != NULL && name != NULL)
    g_settings_set_string (self->settings, "last-page", name);
  em_window_update_actions (self);
}

static gboolean
em_window_close_request (GtkWindow *window)
{
  EmWindow *self = EM_WINDOW (window);
  int width, height;

  if (self->settings != NULL)
    {
      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
      g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
    }
  return GTK_WINDOW_CLASS (em_window_parent_class)->close_request (window);
}

static void
em_window_dispose (GObject *object)
{
  EmWindow *self = EM_WINDOW (object);

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_handle_id (&self->build_source, g_source_remove);
  self->capacity_page = self->tariff_page = self->cases_page = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), EM_TYPE_WINDOW);
  g_clear_object (&self->session);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (em_window_parent_class)->dispose (object);
}

static void
em_window_class_init (EmWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = em_window_dispose;
  widget_class->realize = em_window_realize;
  widget_class->unrealize = em_window_unrealize;
  GTK_WINDOW_CLASS (klass)->close_request = em_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, "/co/gov/anm/EvaluadorMinero/ui/em-window.ui");
  gtk_widget_class_bind_template_child (widget_class, EmWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, EmWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, EmWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, EmWindow, error_bar);
  gtk_widget_class_bind_template_child (widget_class, EmWindow, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_error_bar_response);
  gtk_widget_class_bind_template_callback (widget_class, on_page_changed);

  gtk_widget_class_install_action (widget_class, "win.new", NULL, new_activated);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_activated);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_activated);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_activated);
  gtk_widget_class_install_action (widget_class, "win.export-pdf", NULL, export_pdf_activated);
}

static void
em_window_init (EmWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_menu_button_set_create_popup_func (self->menu_button, create_main_menu, self, NULL);
  add_help_overlay_action (self);
}

static void
restore_geometry (EmWindow *self)
{
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

EmWindow *
em_window_new (GtkApplication *application,
               EmSession      *session,
               GSettings      *settings)
{
  EmWindow *self = g_object_new (EM_TYPE_WINDOW, "application", application, NULL);
  g_autofree char *page = NULL;

  self->session = g_object_ref (session);
  self->settings = g_object_ref (settings);
  g_signal_connect (session, "open-case", G_CALLBACK (on_open_case), self);
  restore_geometry (self);
  page = g_settings_get_string (settings, "last-page");
  em_window_show_page (self, page);
  ensure_page (self, em_window_get_page (self));
  em_window_update_actions (self);
  return self;
}

EmSession *
em_window_get_session (EmWindow *self)
{
  g_return_val_if_fail (EM_IS_WINDOW (self), NULL);
  return self->session;
}

GSettings *
em_window_get_settings (EmWindow *self)
{
  g_return_val_if_fail (EM_IS_WINDOW (self), NULL);
  return self->settings;
}

void
em_window_show_page (EmWindow   *self,
                     const char *name)
{
  g_return_if_fail (EM_IS_WINDOW (self));
  if (ensure_page (self, name) != NULL)
    gtk_stack_set_visible_child_name (self->stack, name);
}

const char *
em_window_get_page (EmWindow *self)
{
  g_return_val_if_fail (EM_IS_WINDOW (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

GtkWidget *
em_window_get_page_widget (EmWindow   *self,
                           const char *name)
{
  g_return_val_if_fail (EM_IS_WINDOW (self), NULL);
  return ensure_page (self, name);
}

/* Whenever the Casos page is first shown, its list is read right after that
 * frame (em_cases_page_defer_first_load), as the application wants it. */
void
em_window_defer_cases_load (EmWindow *self)
{
  g_return_if_fail (EM_IS_WINDOW (self));
  self->defer_cases_load = TRUE;
  if (self->cases_page != NULL)
    em_cases_page_defer_first_load (EM_CASES_PAGE (self->cases_page));
}

void
em_window_show_error (EmWindow   *self,
                      const char *message)
{
  g_return_if_fail (EM_IS_WINDOW (self));
  gtk_label_set_text (self->error_label, message);
  gtk_info_bar_set_revealed (self->error_bar, TRUE);
}
