/* em-period-window.c — «Informe del periodo»: dates, totals, print or export
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two dates typed the Colombian way (the current month to begin with),
 * checked on their fields as they are typed (em-print-view.c); while the
 * period is valid the window shows how many cases it holds and how many
 * pages the report takes, so nobody prints three hundred pages by
 * mistake.  Then the report is printed (the print dialog, many pages), or
 * written as PDF, or the list as CSV, with src/report.
 */
#define G_LOG_DOMAIN "em-print"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "em-period-window.h"
#include "em-print-view.h"
#include "em-print.h"

struct _EmPeriodWindow
{
  GtkWindow      parent_instance;

  GtkEntry      *from_entry;
  GtkEntry      *until_entry;
  GtkLabel      *from_error;
  GtkLabel      *until_error;
  GtkLabel      *totals_label;
  GtkLabel      *pages_label;
  GtkLabel      *status_label;

  EmCaseStore   *store;
  EmPeriodInput  input;
};

G_DEFINE_FINAL_TYPE (EmPeriodWindow, em_period_window, GTK_TYPE_WINDOW)

static void
set_field_message (GtkWidget *field, GtkLabel *label, const char *message)
{
  gtk_label_set_text (label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
  if (message != NULL)
    gtk_widget_add_css_class (field, "error");
  else
    gtk_widget_remove_css_class (field, "error");
}

static void
set_ready (EmPeriodWindow *self, gboolean ready)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "period.print", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "period.export-pdf", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "period.export-csv", ready);
}

static void
show_status (EmPeriodWindow *self, const char *text)
{
  gtk_label_set_text (self->status_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), text != NULL);
}

/* The period as typed, read from the store; NULL (and the reason on
 * screen) when it cannot be. */
static EmReportPeriod *
read_period (EmPeriodWindow *self, GError **error)
{
  if (!self->input.ready)
    {
      g_set_error_literal (error, EM_REPORT_ERROR, EM_REPORT_ERROR_INVALID,
                           _("Corrija las fechas marcadas para ver el informe."));
      return NULL;
    }
  return em_report_period_new (self->store, self->input.from, self->input.until, error);
}

static void
show_totals (EmPeriodWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EmReportPeriod) period = read_period (self, &error);
  g_autofree char *totals = NULL;
  g_autofree char *pages = NULL;
  EmReportTotals counts;
  EmPaper paper = em_print_get_paper (GTK_WIDGET (self));
  double width, height;

  set_ready (self, period != NULL);
  if (period == NULL)
    {
      gtk_label_set_text (self->totals_label, error->message);
      gtk_label_set_text (self->pages_label, "");
      return;
    }
  em_report_period_get_totals (period, &counts);
  em_paper_get_size (paper, &width, &height);
  totals = em_period_totals_text (&counts);
  pages = em_period_pages_text (em_report_period_paginate (period, width, height), paper);
  gtk_label_set_text (self->totals_label, totals);
  gtk_label_set_text (self->pages_label, pages);
}

static void
on_dates_changed (EmPeriodWindow *self)
{
  em_period_input_read (&self->input, gtk_editable_get_text (GTK_EDITABLE (self->from_entry)),
                        gtk_editable_get_text (GTK_EDITABLE (self->until_entry)));
  set_field_message (GTK_WIDGET (self->from_entry), self->from_error, self->input.from_error);
  set_field_message (GTK_WIDGET (self->until_entry), self->until_error, self->input.until_error);
  show_status (self, NULL);
  show_totals (self);
}

/* ---- Actions ------------------------------------------------------------ */

static void
print_activated (GtkWidget *widget, const char *name, GVariant *parameter)
{
  EmPeriodWindow *self = EM_PERIOD_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  EmReportPeriod *period = read_period (self, &error);
  g_autofree char *file_name = NULL;

  if (period == NULL)
    {
      em_ui_error (widget, _("No se puede imprimir el informe"), error->message);
      return;
    }
  file_name = em_period_file_name (self->input.from, self->input.until, "pdf");
  em_print_period (widget, period, file_name);
}

static char *
folder_of (GFile *file)
{
  g_autoptr(GFile) folder = g_file_get_parent (file);

  return folder != NULL ? g_file_get_parse_name (folder) : g_strdup ("/");
}

static void
pdf_chosen (GtkWidget *widget, GFile *file, gpointer data)
{
  EmPeriodWindow *self = EM_PERIOD_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(EmReportPeriod) period = NULL;
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;
  g_autofree char *where = NULL;
  const char *path;
  guint n_pages = 0;

  if (file == NULL)
    return;
  name = g_file_get_basename (file);
  if ((path = em_print_local_path (file, &error)) == NULL || (period = read_period (self, &error)) == NULL
      || !em_report_period_write_pdf (period, path, em_print_get_paper (widget), &n_pages, &error))
    {
      em_ui_error (widget, _("No se guardó el informe"), error->message);
      return;
    }
  where = folder_of (file);
  /* Translators: the page count, the file name, the folder */
  text = g_strdup_printf (dngettext (GETTEXT_PACKAGE, "✔ Informe de %u página guardado en «%s», en la carpeta %s.",
                                     "✔ Informe de %u páginas guardado en «%s», en la carpeta %s.", n_pages),
                          n_pages, name, where);
  show_status (self, text);
}

static void
csv_chosen (GtkWidget *widget, GFile *file, gpointer data)
{
  EmPeriodWindow *self = EM_PERIOD_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;
  g_autofree char *where = NULL;
  const char *path;
  guint n_rows = 0;

  if (file == NULL)
    return;
  name = g_file_get_basename (file);
  if (!self->input.ready || (path = em_print_local_path (file, &error)) == NULL
      || !em_report_period_write_csv (self->store, self->input.from, self->input.until, path, &n_rows, &error))
    {
      em_ui_error (widget, _("No se guardó la lista"), error ? error->message : _("Corrija las fechas marcadas."));
      return;
    }
  where = folder_of (file);
  /* Translators: the case count, the file name, the folder */
  text = g_strdup_printf (dngettext (GETTEXT_PACKAGE, "✔ Lista de %u caso guardada en «%s», en la carpeta %s.",
                                     "✔ Lista de %u casos guardada en «%s», en la carpeta %s.", n_rows),
                          n_rows, name, where);
  show_status (self, text);
}

static void
choose (EmPeriodWindow *self, const char *title, const char *extension, const char *filter_name,
        EmPrintFileFunc chosen)
{
  g_autofree char *suggested = em_period_file_name (self->input.from, self->input.until, extension);
  g_autofree char *pattern = g_strdup_printf ("*.%s", extension);

  em_print_choose_file (GTK_WIDGET (self), title, suggested, filter_name, pattern, chosen, NULL);
}

static void
export_pdf_activated (GtkWidget *widget, const char *name, GVariant *parameter)
{
  choose (EM_PERIOD_WINDOW (widget), _("Exportar el informe del periodo en PDF"), "pdf",
          _("Documentos PDF (*.pdf)"), pdf_chosen);
}

static void
export_csv_activated (GtkWidget *widget, const char *name, GVariant *parameter)
{
  choose (EM_PERIOD_WINDOW (widget), _("Exportar la lista de casos del periodo"), "csv",
          _("Hojas de cálculo CSV (*.csv)"), csv_chosen);
}

/* ---- The class ------------------------------------------------------------ */

static void
em_period_window_dispose (GObject *object)
{
  EmPeriodWindow *self = EM_PERIOD_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), EM_TYPE_PERIOD_WINDOW);
  g_clear_object (&self->store);
  em_period_input_clear (&self->input);
  G_OBJECT_CLASS (em_period_window_parent_class)->dispose (object);
}

#define BIND(name) gtk_widget_class_bind_template_child (widget_class, EmPeriodWindow, name)

static void
em_period_window_class_init (EmPeriodWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = em_period_window_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/co/gov/anm/EvaluadorMinero/ui/em-period-window.ui");
  BIND (from_entry); BIND (until_entry); BIND (from_error); BIND (until_error);
  BIND (totals_label); BIND (pages_label); BIND (status_label);
  gtk_widget_class_bind_template_callback (widget_class, on_dates_changed);

  gtk_widget_class_install_action (widget_class, "period.print", NULL, print_activated);
  gtk_widget_class_install_action (widget_class, "period.export-pdf", NULL, export_pdf_activated);
  gtk_widget_class_install_action (widget_class, "period.export-csv", NULL, export_csv_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "period.print", NULL);
}

#undef BIND

static void
em_period_window_init (EmPeriodWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  set_ready (self, FALSE);
}

static void
fill_current_month (EmPeriodWindow *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *from = NULL;
  g_autofree char *until = NULL;
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  em_period_default_range (&today, &from, &until);
  gtk_editable_set_text (GTK_EDITABLE (self->from_entry), from);
  gtk_editable_set_text (GTK_EDITABLE (self->until_entry), until);
}

EmPeriodWindow *
em_period_window_new (GtkWindow   *parent,
                      EmCaseStore *store)
{
  EmPeriodWindow *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (EM_IS_CASE_STORE (store), NULL);

  self = g_object_new (EM_TYPE_PERIOD_WINDOW, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  fill_current_month (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->from_entry));
  return self;
}
