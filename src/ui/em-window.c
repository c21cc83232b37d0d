/* em-window.c — the main window
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For now a start page that names the rule set in force; the evaluation
 * forms come with the window issue.
 */
#define G_LOG_DOMAIN "em-window"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "em-rule-set.h"
#include "em-window.h"

struct _EmWindow
{
  GtkApplicationWindow  parent_instance;
  GtkLabel             *rule_set_label;
};

G_DEFINE_FINAL_TYPE (EmWindow, em_window, GTK_TYPE_APPLICATION_WINDOW)

static void
show_rule_set (EmWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EmRuleSet) rules = em_rule_set_new_builtin (EM_RULE_SET_DEFAULT_ID, &error);
  g_autofree char *validity = NULL;
  g_autofree char *text = NULL;

  if (rules == NULL)
    {
      text = g_strdup_printf (_("No se pudo cargar el conjunto de reglas: %s"), error->message);
      gtk_label_set_text (self->rule_set_label, text);
      return;
    }
  validity = em_rule_set_describe_validity (rules);
  text = g_strdup_printf (_("Reglas de capacidad económica: %s, vigente %s."),
                          em_rule_set_get_name (rules), validity);
  gtk_label_set_text (self->rule_set_label, text);
}

static void
em_window_class_init (EmWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/co/gov/anm/EvaluadorMinero/ui/em-window.ui");
  gtk_widget_class_bind_template_child (widget_class, EmWindow, rule_set_label);
}

static void
em_window_init (EmWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  show_rule_set (self);
}

EmWindow *
em_window_new (GtkApplication *application)
{
  return g_object_new (EM_TYPE_WINDOW, "application", application, NULL);
}
