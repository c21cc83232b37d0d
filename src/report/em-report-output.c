/* em-report-output.c — a PDF or CSV written whole, or not at all
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The file is written whole or not at all (em-output-file.c: a temporary
 * file renamed into place; devices and pipes in place).  Cairo writes the
 * PDF through a stream callback; its first write error is kept and
 * reported in Spanish.
 */
#define G_LOG_DOMAIN "em-report"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gunixoutputstream.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "em-output-file.h"
#include "em-report-private.h"

struct _EmReportOutput
{
  EmOutputFile  *file;
  GError        *write_error;  /* the first error of a Cairo write */
};

static gboolean
as_report_error (GError **error, GError *io_error)
{
  g_set_error_literal (error, EM_REPORT_ERROR, EM_REPORT_ERROR_WRITE, io_error->message);
  g_error_free (io_error);
  return FALSE;
}

EmReportOutput *
em_report_output_open (const char  *path,
                       GError     **error)
{
  GError *io_error = NULL;
  EmOutputFile *file;
  EmReportOutput *self;

  g_return_val_if_fail (path != NULL, NULL);

  if ((file = em_output_file_open (path, &io_error)) == NULL)
    return as_report_error (error, io_error), NULL;
  self = g_new0 (EmReportOutput, 1);
  self->file = file;
  return self;
}

GOutputStream *
em_report_output_stream (EmReportOutput *self)
{
  return em_output_file_get_stream (self->file);
}

/* Everything was written: on disk, then in place. */
gboolean
em_report_output_commit (EmReportOutput  *self,
                         GError         **error)
{
  GError *io_error = NULL;

  return em_output_file_commit (self->file, &io_error) || as_report_error (error, io_error);
}

void
em_report_output_free (EmReportOutput *self)
{
  if (self == NULL)
    return;
  em_output_file_free (self->file);
  g_clear_error (&self->write_error);
  g_free (self);
}

static const char *
output_name (EmReportOutput *self)
{
  const char *name = em_output_file_get_name (self->file);

  return name ? name : _("la salida estándar");
}

/* ---- PDF -------------------------------------------------------------- */

static cairo_status_t
write_pdf (void *data, const unsigned char *bytes, unsigned int length)
{
  EmReportOutput *self = data;

  if (self->write_error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;
  if (!g_output_stream_write_all (em_output_file_get_stream (self->file), bytes, length, NULL, NULL,
                                  &self->write_error))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

/* A PDF surface of @paper writing to the output (with its metadata). */
cairo_surface_t *
em_report_output_pdf (EmReportOutput *self,
                      EmPaper         paper)
{
  g_autofree char *creator = g_strdup_printf ("Evaluador Minero %s", PACKAGE_VERSION);
  cairo_surface_t *surface;
  double width, height;

  em_paper_get_size (paper, &width, &height);
  surface = cairo_pdf_surface_create_for_stream (write_pdf, self, width, height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, creator);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, _("Agencia Nacional de Minería"));
  return surface;
}

/* Finishes and destroys @surface; FALSE if anything could not be written. */
gboolean
em_report_output_pdf_finish (EmReportOutput   *self,
                             cairo_surface_t  *surface,
                             GError          **error)
{
  cairo_status_t status;

  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (self->write_error != NULL)
    {
      g_set_error (error, EM_REPORT_ERROR, EM_REPORT_ERROR_WRITE, _("No se pudo escribir «%s»: %s"),
                   output_name (self), self->write_error->message);
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, EM_REPORT_ERROR, EM_REPORT_ERROR_WRITE, _("No se pudo generar el PDF «%s»: %s"),
                   output_name (self), cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}
