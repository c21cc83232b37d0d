/* em-print.c — printing and exporting from the window
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A print job holds what is printed (one case's summary, read from the
 * store once, or a period) and runs a GtkPrintOperation in points with the
 * full page, since src/report draws its own margins.  The default sheet is
 * the "papel" preference; a sheet chosen in the print dialog's page setup
 * (carta or A4) becomes the preference, and the dialog's other settings are
 * kept for the next print of the same window.  The dialog's «Vista previa»
 * opens EmPrintPreview, so no external viewer is needed.
 *
 * Exporting writes the PDF with src/report directly (whole or not at all).
 * Tests set a destination so that nothing asks: printing then runs the
 * same operation as GTK_PRINT_OPERATION_ACTION_EXPORT to that file.
 */
#define G_LOG_DOMAIN "em-print"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "em-print-preview.h"
#include "em-print-view.h"
#include "em-print.h"
#include "em-window.h"

#define PRINT_SETTINGS_KEY "em-print-settings"

static char *test_destination;

void
em_print_set_test_destination (const char *path)
{
  g_free (test_destination);
  test_destination = g_strdup (path);
}

/* ---- The window, its settings and its paper ---------------------------- */

/* The main window behind @widget (through dialogs' transient parents). */
static EmWindow *
main_window_of (GtkWidget *widget)
{
  GtkRoot *root = widget != NULL ? gtk_widget_get_root (widget) : NULL;
  GtkWindow *window = GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;

  while (window != NULL && !EM_IS_WINDOW (window))
    window = gtk_window_get_transient_for (window);
  return window != NULL ? EM_WINDOW (window) : NULL;
}

static GtkWindow *
window_of (GtkWidget *widget)
{
  GtkRoot *root = widget != NULL ? gtk_widget_get_root (widget) : NULL;

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

EmPaper
em_print_get_paper (GtkWidget *widget)
{
  EmWindow *window = main_window_of (widget);
  GSettings *settings = window != NULL ? em_window_get_settings (window) : NULL;
  g_autofree char *name = settings != NULL ? g_settings_get_string (settings, "papel") : NULL;
  EmPaper paper = EM_PAPER_CARTA;

  if (name != NULL)
    em_paper_parse (name, &paper);
  return paper;
}

static GtkPaperSize *
paper_size_for (EmPaper paper)
{
  return gtk_paper_size_new (paper == EM_PAPER_A4 ? GTK_PAPER_NAME_A4 : GTK_PAPER_NAME_LETTER);
}

static GtkPageSetup *
page_setup_for (EmPaper paper)
{
  GtkPageSetup *setup = gtk_page_setup_new ();
  GtkPaperSize *size = paper_size_for (paper);

  gtk_page_setup_set_paper_size (setup, size);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_paper_size_free (size);
  return setup;
}

/* The sheet of the last print becomes the preference, when it is ours. */
static void
remember_paper (EmWindow *window, GtkPrintSettings *print_settings)
{
  GSettings *settings = em_window_get_settings (window);
  GtkPaperSize *size = gtk_print_settings_get_paper_size (print_settings);
  const char *name = size != NULL ? gtk_paper_size_get_name (size) : NULL;
  const char *paper = g_strcmp0 (name, GTK_PAPER_NAME_A4) == 0 ? "a4"
                      : g_strcmp0 (name, GTK_PAPER_NAME_LETTER) == 0 ? "carta" : NULL;
  g_autofree char *current = settings != NULL ? g_settings_get_string (settings, "papel") : NULL;

  if (paper != NULL && current != NULL && g_strcmp0 (current, paper) != 0)
    g_settings_set_string (settings, "papel", paper);
  g_clear_pointer (&size, gtk_paper_size_free);
}

static void
remember_settings (GtkWidget *widget, GtkPrintSettings *print_settings)
{
  EmWindow *window = main_window_of (widget);

  if (window == NULL || print_settings == NULL)
    return;
  g_object_set_data_full (G_OBJECT (window), PRINT_SETTINGS_KEY,
                          gtk_print_settings_copy (print_settings), g_object_unref);
  remember_paper (window, print_settings);
}

/* ---- A print job ------------------------------------------------------- */

typedef struct
{
  EmReportCase   *case_data;    /* one of the two */
  EmReportPeriod *period;
  char           *title;
  char           *file_name;    /* for «Imprimir a un archivo», without extension */
  EmPaper         paper;
  GWeakRef        widget;       /* who asked: errors are shown over it */
} PrintJob;

static void
print_job_clear (PrintJob *job)
{
  g_clear_pointer (&job->case_data, em_report_case_free);
  g_clear_pointer (&job->period, em_report_period_free);
  g_free (job->title);
  g_free (job->file_name);
  g_weak_ref_clear (&job->widget);
}

static void
print_job_release (PrintJob *job)
{
  g_rc_box_release_full (job, (GDestroyNotify) print_job_clear);
}

static void
print_job_release_notify (gpointer job, GClosure *closure)
{
  print_job_release (job);
}

static PrintJob *
print_job_new (GtkWidget *widget, char *title, const char *file_name)
{
  PrintJob *job = g_rc_box_new0 (PrintJob);
  const char *dot = strrchr (file_name, '.');

  g_weak_ref_init (&job->widget, widget);
  job->title = title;
  job->file_name = dot != NULL ? g_strndup (file_name, dot - file_name) : g_strdup (file_name);
  job->paper = em_print_get_paper (widget);
  return job;
}

static void
on_begin_print (GtkPrintOperation *operation, GtkPrintContext *context, PrintJob *job)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  if (job->period != NULL)
    {
      em_report_period_set_printed_at (job->period, now);
      gtk_print_operation_set_n_pages (operation,
                                       em_report_period_paginate (job->period, gtk_print_context_get_width (context),
                                                                  gtk_print_context_get_height (context)));
      return;
    }
  em_report_case_set_printed_at (job->case_data, now);
  gtk_print_operation_set_n_pages (operation, 1);
}

static void
on_draw_page (GtkPrintOperation *operation, GtkPrintContext *context, int page, PrintJob *job)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);

  if (job->period != NULL)
    em_report_period_draw_page (job->period, cr, page);
  else
    em_report_draw_case (cr, gtk_print_context_get_width (context), gtk_print_context_get_height (context),
                         job->case_data);
}

static void
on_done (GtkPrintOperation *operation, GtkPrintOperationResult result, PrintJob *job)
{
  g_autoptr(GtkWidget) widget = g_weak_ref_get (&job->widget);
  g_autoptr(GError) error = NULL;

  if (widget == NULL)
    return;
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      em_ui_error (widget, _("No se pudo imprimir"), error != NULL ? error->message : job->title);
    }
  else if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    remember_settings (widget, gtk_print_operation_get_print_settings (operation));
}

static void run_job (PrintJob *job);

static void
print_again (PrintJob *job)
{
  run_job (job);
}

static gboolean
on_preview (GtkPrintOperation        *operation,
            GtkPrintOperationPreview *preview,
            GtkPrintContext          *context,
            GtkWindow                *parent,
            PrintJob                 *job)
{
  EmPrintPreview *window = em_print_preview_new (parent, operation, preview, context, job->title);

  g_signal_connect_data (window, "print-requested", G_CALLBACK (print_again), g_rc_box_acquire (job),
                         print_job_release_notify, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (window));
  return TRUE;
}

/* Where «Imprimir a un archivo» writes: the folder chosen last time (or
 * Documentos), and a name that says what it is, not «salida.pdf». */
static char *
output_uri (GtkPrintSettings *settings, const char *file_name)
{
  const char *previous = gtk_print_settings_get (settings, GTK_PRINT_SETTINGS_OUTPUT_URI);
  const char *format = gtk_print_settings_get (settings, GTK_PRINT_SETTINGS_OUTPUT_FILE_FORMAT);
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  g_autoptr(GFile) last = previous != NULL ? g_file_new_for_uri (previous) : NULL;
  g_autoptr(GFile) folder = last != NULL ? g_file_get_parent (last)
                            : g_file_new_for_path (documents != NULL ? documents : g_get_home_dir ());
  g_autofree char *name = g_strdup_printf ("%s.%s", file_name, format != NULL ? format : "pdf");
  g_autoptr(GFile) file = g_file_get_child (folder, name);

  return g_file_get_uri (file);
}

/* The last print's settings (printer, copies, folder), with this job's
 * sheet, all its pages, and its own file name. */
static GtkPrintSettings *
settings_for (PrintJob *job, GtkPrintSettings *previous)
{
  GtkPrintSettings *settings = previous != NULL ? gtk_print_settings_copy (previous) : gtk_print_settings_new ();
  g_autofree char *uri = output_uri (settings, job->file_name);
  GtkPaperSize *size = paper_size_for (job->paper);

  gtk_print_settings_set_paper_size (settings, size);
  gtk_print_settings_set_orientation (settings, GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_print_settings_set_print_pages (settings, GTK_PRINT_PAGES_ALL);
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_URI, uri);
  gtk_paper_size_free (size);
  return settings;
}

static GtkPrintOperation *
new_operation (PrintJob *job, GtkWidget *widget)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = page_setup_for (job->paper);
  EmWindow *window = main_window_of (widget);
  g_autoptr(GtkPrintSettings) settings =
      settings_for (job, window ? g_object_get_data (G_OBJECT (window), PRINT_SETTINGS_KEY) : NULL);

  gtk_print_operation_set_job_name (operation, job->title);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_print_settings (operation, settings);
  g_object_set_data_full (G_OBJECT (operation), "em-print-job", g_rc_box_acquire (job),
                          (GDestroyNotify) print_job_release);
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print), job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page), job);
  g_signal_connect (operation, "preview", G_CALLBACK (on_preview), job);
  g_signal_connect (operation, "done", G_CALLBACK (on_done), job);
  return operation;
}

/* The print dialog (asynchronous: "done" says how it ended), or for tests
 * the same operation exported to a PDF without asking. */
static void
run_job (PrintJob *job)
{
  g_autoptr(GtkWidget) widget = g_weak_ref_get (&job->widget);
  g_autoptr(GtkPrintOperation) operation = NULL;

  if (widget == NULL)
    return;
  operation = new_operation (job, widget);
  if (test_destination != NULL)
    {
      gtk_print_operation_set_export_filename (operation, test_destination);
      gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, window_of (widget), NULL);
      return;
    }
  gtk_print_operation_set_allow_async (operation, TRUE);
  gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, window_of (widget), NULL);
}

/* ---- One case ---------------------------------------------------------- */

static EmReportCase *
read_case (GtkWidget *widget, EmCaseStore *store, gint64 id)
{
  g_autoptr(GError) error = NULL;
  EmReportCase *case_data = em_report_case_new_from_store (store, id, &error);

  if (case_data == NULL)
    em_ui_error (widget, g_error_matches (error, EM_STORE_ERROR, EM_STORE_ERROR_TAMPERED)
                         ? _("Este caso no se imprime: su historial no se verifica")
                         : _("No se pudo leer el caso para imprimirlo"),
                 error->message);
  return case_data;
}

void
em_print_case (GtkWidget   *widget,
               EmCaseStore *store,
               gint64       id)
{
  g_autofree char *file_name = NULL;
  EmReportCase *case_data;
  PrintJob *job;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (EM_IS_CASE_STORE (store));

  if ((case_data = read_case (widget, store, id)) == NULL)
    return;
  file_name = em_print_case_file_name (id, em_report_case_get_code (case_data));
  job = print_job_new (widget, em_report_case_get_title (case_data), file_name);
  job->case_data = case_data;
  run_job (job);
  print_job_release (job);
}

typedef struct
{
  EmCaseStore   *store;
  gint64         id;
  EmPrintNotify  notify;
  gpointer       data;
} CaseExport;

static void
case_export_free (CaseExport *export)
{
  g_object_unref (export->store);
  g_free (export);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CaseExport, case_export_free)

static void
case_file_chosen (GtkWidget *widget, GFile *file, CaseExport *export_data)
{
  g_autoptr(CaseExport) export = export_data;

  if (file != NULL)
    em_print_write_case (widget, export->store, export->id, file, export->notify, export->data);
}

/* Writes the summary to @file; says so, or shows why not. */
gboolean
em_print_write_case (GtkWidget     *widget,
                     EmCaseStore   *store,
                     gint64         id,
                     GFile         *file,
                     EmPrintNotify  notify,
                     gpointer       data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *message = NULL;
  g_autofree char *where = NULL;
  g_autoptr(GFile) folder = NULL;
  const char *path = em_print_local_path (file, &error);

  if (path == NULL || !em_report_write_case_pdf (store, id, path, em_print_get_paper (widget), &error))
    {
      em_ui_error (widget, g_error_matches (error, EM_STORE_ERROR, EM_STORE_ERROR_TAMPERED)
                           ? _("Este caso no se exporta: su historial no se verifica")
                           : _("No se guardó el PDF"),
                   error->message);
      return FALSE;
    }
  folder = g_file_get_parent (file);
  where = g_file_get_parse_name (folder);
  /* Translators: the case number, the file name, the folder */
  message = g_strdup_printf (_("✔ Resumen del caso %ld guardado en «%s», en la carpeta %s."), (long) id, name, where);
  if (notify != NULL)
    notify (data, message);
  return TRUE;
}

void
em_print_export_case (GtkWidget     *widget,
                      EmCaseStore   *store,
                      gint64         id,
                      EmPrintNotify  notify,
                      gpointer       data)
{
  g_autoptr(EmReportCase) case_data = NULL;
  g_autofree char *suggested = NULL;
  CaseExport *export;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (EM_IS_CASE_STORE (store));

  /* A case that will not be written is refused before asking where. */
  if ((case_data = read_case (widget, store, id)) == NULL)
    return;
  suggested = em_print_case_file_name (id, em_report_case_get_code (case_data));
  export = g_new0 (CaseExport, 1);
  export->store = g_object_ref (store);
  export->id = id;
  export->notify = notify;
  export->data = data;
  em_print_choose_file (widget, _("Exportar el resumen en PDF"), suggested, _("Documentos PDF (*.pdf)"),
                        "*.pdf", (EmPrintFileFunc) case_file_chosen, export);
}

/* ---- A period ---------------------------------------------------------- */

void
em_print_period (GtkWidget      *widget,
                 EmReportPeriod *period,
                 const char     *file_name)
{
  PrintJob *job;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (period != NULL && file_name != NULL);

  job = print_job_new (widget, em_report_period_get_title (period), file_name);
  job->period = period;
  run_job (job);
  print_job_release (job);
}

/* ---- Questions --------------------------------------------------------- */

typedef struct
{
  EmUiCallback then;
  gpointer     data;
} SaveOffer;

static void
on_offer_response (GtkDialog *dialog, int response, SaveOffer *offer)
{
  gtk_window_destroy (GTK_WINDOW (dialog));
  if (response == GTK_RESPONSE_ACCEPT)
    offer->then (offer->data);
  g_free (offer);
}

void
em_print_offer_save (GtkWidget    *widget,
                     gboolean      to_file,
                     EmUiCallback  save_then,
                     gpointer      data)
{
  GtkWidget *dialog = gtk_message_dialog_new (window_of (widget), GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                              GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE, "%s",
                                              _("Primero hay que guardar el caso"));
  SaveOffer *offer = g_new0 (SaveOffer, 1);
  GtkWidget *accept;

  offer->then = save_then;
  offer->data = data;
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s",
                                            _("Solo se imprimen casos guardados: el resumen lleva el código de "
                                              "verificación que permite comprobarlo contra el registro."));
  gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Cancelar"), GTK_RESPONSE_CANCEL);
  accept = gtk_dialog_add_button (GTK_DIALOG (dialog), to_file ? _("_Guardar y exportar") : _("_Guardar e imprimir"),
                                  GTK_RESPONSE_ACCEPT);
  gtk_widget_add_css_class (accept, "suggested-action");
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  g_signal_connect (dialog, "response", G_CALLBACK (on_offer_response), offer);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- Choosing a file --------------------------------------------------- */

const char *
em_print_local_path (GFile   *file,
                     GError **error)
{
  const char *path = g_file_peek_path (file);
  g_autofree char *name = NULL;

  if (path != NULL)
    return path;
  name = g_file_get_basename (file);
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
               _("«%s» no es un archivo de este equipo; elija una carpeta local."), name);
  return NULL;
}

typedef struct
{
  GWeakRef         widget;
  EmPrintFileFunc  chosen;
  gpointer         data;
} FileRequest;

/* Calls the request's function with @file (NULL: nothing chosen). */
static void
finish_request (FileRequest *request, GFile *file)
{
  g_autoptr(GtkWidget) widget = g_weak_ref_get (&request->widget);

  request->chosen (widget, widget != NULL ? file : NULL, request->data);
  g_weak_ref_clear (&request->widget);
  g_free (request);
}

#define EXPORT_FOLDER_KEY "em-export-folder"

/* The folder of the last export from this window, else Documentos. */
static GFile *
export_folder (GtkWidget *widget)
{
  EmWindow *window = main_window_of (widget);
  GFile *last = window != NULL ? g_object_get_data (G_OBJECT (window), EXPORT_FOLDER_KEY) : NULL;
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);

  if (last != NULL)
    return g_object_ref (last);
  return g_file_new_for_path (documents != NULL ? documents : g_get_home_dir ());
}

static void
remember_folder (GtkWidget *widget, GFile *file)
{
  EmWindow *window = main_window_of (widget);

  if (window != NULL)
    g_object_set_data_full (G_OBJECT (window), EXPORT_FOLDER_KEY, g_file_get_parent (file), g_object_unref);
}

static void
on_chooser_response (GtkNativeDialog *chooser, int response, FileRequest *request)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GtkWidget) widget = g_weak_ref_get (&request->widget);

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL && widget != NULL)
    remember_folder (widget, file);
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  finish_request (request, file);
}

static void
add_filter (GtkFileChooser *chooser, const char *name, const char *pattern)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_chooser_add_filter (chooser, filter);
}

void
em_print_choose_file (GtkWidget       *widget,
                      const char      *title,
                      const char      *suggested,
                      const char      *filter_name,
                      const char      *pattern,
                      EmPrintFileFunc  chosen,
                      gpointer         data)
{
  FileRequest *request = g_new0 (FileRequest, 1);
  GtkFileChooserNative *chooser;
  g_autoptr(GFile) folder = NULL;

  g_weak_ref_init (&request->widget, widget);
  request->chosen = chosen;
  request->data = data;
  if (test_destination != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_path (test_destination);
      finish_request (request, file);
      return;
    }
  chooser = gtk_file_chooser_native_new (title, window_of (widget), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Guardar"), _("_Cancelar"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  add_filter (GTK_FILE_CHOOSER (chooser), filter_name, pattern);
  folder = export_folder (widget);
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested);
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response), request);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
