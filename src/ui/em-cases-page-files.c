/* em-cases-page-files.c — the Casos page: import and export
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Bundles of cases (with their history) to and from another laptop, and
 * the listed cases as CSV for a spreadsheet.  The file is chosen with a
 * GtkFileChooserNative; what happened is said in the page's notice bar,
 * and what went wrong in the window's error bar.  Exports write the cases
 * the list shows, and replace the file only when all of it was written.
 * The periodic report (print, PDF, CSV) has its own window
 * (em-period-window.c); Ctrl+P on this page opens it.
 */
#define G_LOG_DOMAIN "em-cases-page"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "em-case-csv.h"
#include "em-cases-page-private.h"
#include "em-cases-view.h"
#include "em-period-window.h"

typedef gboolean (*ExportFunc) (EmCaseStore *store, const EmCaseFilter *filter, GOutputStream *out,
                                guint *n_written, GError **error);

/* Replaces @file only when everything was written. */
static gboolean
write_file (EmCasesPage *self, GFile *file, ExportFunc export_func, guint *n_written, GError **error)
{
  g_autoptr(GFileOutputStream) out = NULL;
  g_autoptr(GCancellable) abandon = NULL;
  guint written = 0;

  g_return_val_if_fail (em_cases_page_get_store (self) != NULL, FALSE);
  if ((out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION | G_FILE_CREATE_PRIVATE,
                             NULL, error)) == NULL)
    return FALSE;
  if (export_func (em_cases_page_get_store (self), &self->filter, G_OUTPUT_STREAM (out), &written, error))
    {
      if (n_written != NULL)
        *n_written = written;
      return g_output_stream_close (G_OUTPUT_STREAM (out), NULL, error);
    }
  abandon = g_cancellable_new ();
  g_cancellable_cancel (abandon);
  g_output_stream_close (G_OUTPUT_STREAM (out), abandon, NULL);
  return FALSE;
}

gboolean
em_cases_page_export_bundle (EmCasesPage *self,
                             GFile       *file,
                             guint       *n_cases,
                             GError     **error)
{
  g_return_val_if_fail (EM_IS_CASES_PAGE (self) && G_IS_FILE (file), FALSE);
  return write_file (self, file, em_case_bundle_export, n_cases, error);
}

gboolean
em_cases_page_export_csv (EmCasesPage *self,
                          GFile       *file,
                          guint       *n_rows,
                          GError     **error)
{
  g_return_val_if_fail (EM_IS_CASES_PAGE (self) && G_IS_FILE (file), FALSE);
  return write_file (self, file, em_case_csv_export, n_rows, error);
}

static gboolean
is_blank (const char *text)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text ? text : ""));

  return trimmed[0] == '\0';
}

gboolean
em_cases_page_import_bundle (EmCasesPage    *self,
                             GFile          *file,
                             EmBundleReport *report,
                             GError        **error)
{
  const char *evaluator;
  g_autoptr(GFileInputStream) in = NULL;
  g_autofree char *origin = NULL;

  g_return_val_if_fail (EM_IS_CASES_PAGE (self) && G_IS_FILE (file), FALSE);
  g_return_val_if_fail (em_cases_page_get_store (self) != NULL, FALSE);

  evaluator = em_session_get_evaluator_name (self->session);
  if (is_blank (evaluator))
    {
      g_set_error_literal (error, EM_STORE_ERROR, EM_STORE_ERROR_FAILED,
                           _("Antes de importar, escriba su nombre de evaluador en Preferencias: "
                             "el historial de cada caso registra quién lo importó."));
      return FALSE;
    }
  if ((in = g_file_read (file, NULL, error)) == NULL)
    return FALSE;
  origin = g_file_get_basename (file);
  if (!em_case_bundle_import (em_cases_page_get_store (self), G_INPUT_STREAM (in), evaluator, origin, report, error))
    return FALSE;
  em_cases_page_load (self);       /* imported from this page: show them, even unseen */
  em_session_cases_changed (self->session, 0);
  return TRUE;
}

static char *
display_name (GFile *file)
{
  return g_file_get_basename (file);
}

static void
exported_bundle (EmCasesPage *self, GFile *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = display_name (file);
  g_autofree char *text = NULL;
  guint n = 0;

  if (!em_cases_page_export_bundle (self, file, &n, &error))
    {
      text = g_strdup_printf (_("No se exportó el paquete «%s»: %s"), name, error->message);
      em_cases_page_show_error (self, text);
      return;
    }
  text = g_strdup_printf (dngettext (GETTEXT_PACKAGE, "Se exportó %u caso, con su historial, al paquete «%s».",
                                     "Se exportaron %u casos, con su historial, al paquete «%s».", n), n, name);
  em_cases_page_show_notice (self, GTK_MESSAGE_INFO, text);
}

static void
exported_csv (EmCasesPage *self, GFile *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = display_name (file);
  g_autofree char *text = NULL;
  guint n = 0;

  if (!em_cases_page_export_csv (self, file, &n, &error))
    {
      text = g_strdup_printf (_("No se exportó la hoja de cálculo «%s»: %s"), name, error->message);
      em_cases_page_show_error (self, text);
      return;
    }
  text = g_strdup_printf (dngettext (GETTEXT_PACKAGE, "Se exportó %u caso a la hoja de cálculo «%s».",
                                     "Se exportaron %u casos a la hoja de cálculo «%s».", n), n, name);
  em_cases_page_show_notice (self, GTK_MESSAGE_INFO, text);
}

static void
imported_bundle (EmCasesPage *self, GFile *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = display_name (file);
  g_autofree char *text = NULL;
  g_autofree char *summary = NULL;
  EmBundleReport report = { 0 };

  if (!em_cases_page_import_bundle (self, file, &report, &error))
    {
      text = g_strdup_printf (_("No se importó nada del paquete «%s»: %s"), name, error->message);
      em_cases_page_show_error (self, text);
      return;
    }
  summary = em_cases_import_summary (report.n_new, report.n_extended, report.n_unchanged);
  text = g_strdup_printf (_("Paquete «%s» importado. %s"), name, summary);
  em_cases_page_show_notice (self, GTK_MESSAGE_INFO, text);
}

static void
on_chooser_response (GtkNativeDialog *dialog, int response, EmCasesPage *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GtkFileChooserNative) chooser G_GNUC_UNUSED = g_steal_pointer (&self->chooser);   /* released on return */
  FileChosenFunc chosen = self->chosen;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  gtk_native_dialog_destroy (dialog);
  if (file != NULL)
    chosen (self, file);
}

static void
add_file_filter (GtkFileChooser *chooser, const char *name, const char *pattern)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_chooser_add_filter (chooser, filter);
}

static void
choose_file (EmCasesPage *self, GtkFileChooserAction action, const char *title, const char *accept,
             const char *suggested, const char *filter_name, const char *pattern, FileChosenFunc chosen)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  em_cases_page_close_chooser (self);
  self->chooser = gtk_file_chooser_native_new (title, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               action, accept, _("_Cancelar"));
  self->chosen = chosen;
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  add_file_filter (GTK_FILE_CHOOSER (self->chooser), filter_name, pattern);
  if (suggested != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), suggested);
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static char *
suggested_name (const char *what, const char *extension)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *day = g_date_time_format (now, "%Y-%m-%d");

  return g_strdup_printf ("%s-%s.%s", what, day, extension);
}

static void
export_bundle_activated (GtkWidget *widget, const char *name, GVariant *parameter)
{
  g_autofree char *suggested = suggested_name (_("casos"), "json");

  choose_file (EM_CASES_PAGE (widget), GTK_FILE_CHOOSER_ACTION_SAVE, _("Exportar un paquete de casos"),
               _("_Exportar"), suggested, _("Paquetes de casos (*.json)"), "*.json", exported_bundle);
}

static void
export_csv_activated (GtkWidget *widget, const char *name, GVariant *parameter)
{
  g_autofree char *suggested = suggested_name (_("casos"), "csv");

  choose_file (EM_CASES_PAGE (widget), GTK_FILE_CHOOSER_ACTION_SAVE, _("Exportar a una hoja de cálculo"),
               _("_Exportar"), suggested, _("Hojas de cálculo CSV (*.csv)"), "*.csv", exported_csv);
}

static void
import_bundle_activated (GtkWidget *widget, const char *name, GVariant *parameter)
{
  choose_file (EM_CASES_PAGE (widget), GTK_FILE_CHOOSER_ACTION_OPEN, _("Importar un paquete de casos"),
               _("_Importar"), NULL, _("Paquetes de casos (*.json)"), "*.json", imported_bundle);
}

static void
period_report_activated (GtkWidget *widget, const char *name, GVariant *parameter)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  EmCaseStore *store = em_cases_page_get_store (EM_CASES_PAGE (widget));

  if (store != NULL)
    gtk_window_present (GTK_WINDOW (em_period_window_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, store)));
}

void
em_cases_page_close_chooser (EmCasesPage *self)
{
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
}

void
em_cases_page_install_file_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "page.import-bundle", NULL, import_bundle_activated);
  gtk_widget_class_install_action (widget_class, "page.export-bundle", NULL, export_bundle_activated);
  gtk_widget_class_install_action (widget_class, "page.export-csv", NULL, export_csv_activated);
  gtk_widget_class_install_action (widget_class, "page.period-report", NULL, period_report_activated);
  gtk_widget_class_install_action (widget_class, "page.print", NULL, period_report_activated);
  gtk_widget_class_install_action (widget_class, "page.export-pdf", NULL, period_report_activated);
}
