/* em-report-output.c — a PDF or CSV written whole, or not at all
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The file is written to a temporary file next to its destination (mode
 * 0600: summaries hold personal financial data), flushed to disk and
 * renamed over the destination only when complete: a failure never leaves
 * half a PDF, nor spoils an older one of the same name.  «-» is standard
 * output; an existing file that is not a regular file (/dev/stdout, a
 * pipe) is written in place, never replaced; a symbolic link is followed,
 * so the file it names is replaced and the link stays.  Cairo writes the PDF through a stream callback; its first write
 * error is kept and reported in Spanish.
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

#include "em-report-private.h"

struct _EmReportOutput
{
  GOutputStream *stream;
  char          *name;         /* for messages; NULL: standard output */
  char          *path;         /* renamed into place; NULL: written in place */
  char          *temporary;    /* removed unless renamed to @path */
  GError        *write_error;  /* the first error of a Cairo write */
};

static gboolean
fail_errno (const char *path, int saved, GError **error)
{
  g_set_error (error, EM_REPORT_ERROR, EM_REPORT_ERROR_WRITE, _("No se pudo escribir «%s»: %s"),
               path ? path : _("la salida estándar"), g_strerror (saved));
  return FALSE;
}

/* A device or a pipe: written as it is (no temporary file, no rename). */
static EmReportOutput *
open_special (const char *path, GError **error)
{
  EmReportOutput *self;
  int fd = g_open (path, O_WRONLY | O_CLOEXEC, 0);

  if (fd < 0)
    return fail_errno (path, errno, error), NULL;
  self = g_new0 (EmReportOutput, 1);
  self->stream = g_unix_output_stream_new (fd, TRUE);
  self->name = g_strdup (path);
  return self;
}

/* A temporary file next to @path (its real path, if a link), to be
 * renamed over it. */
static EmReportOutput *
open_temporary (const char *path, GError **error)
{
  g_autoptr(EmReportOutput) self = g_new0 (EmReportOutput, 1);
  g_autofree char *real = realpath (path, NULL);
  g_autofree char *dir = g_path_get_dirname (real ? real : path);
  g_autofree char *base = g_path_get_basename (real ? real : path);
  int fd;

  self->name = g_strdup (path);
  self->path = g_strdup (real ? real : path);
  self->temporary = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
  if ((fd = g_mkstemp_full (self->temporary, O_WRONLY | O_CLOEXEC, 0600)) < 0)
    {
      int saved = errno;
      g_clear_pointer (&self->temporary, g_free);
      g_set_error (error, EM_REPORT_ERROR, EM_REPORT_ERROR_WRITE,
                   _("No se pudo crear un archivo en la carpeta «%s»: %s"), dir, g_strerror (saved));
      return NULL;
    }
  self->stream = g_unix_output_stream_new (fd, TRUE);
  return g_steal_pointer (&self);
}

EmReportOutput *
em_report_output_open (const char  *path,
                       GError     **error)
{
  EmReportOutput *self;
  GStatBuf info;

  g_return_val_if_fail (path != NULL, NULL);

  if (g_str_equal (path, "-"))
    {
      self = g_new0 (EmReportOutput, 1);
      self->stream = g_unix_output_stream_new (STDOUT_FILENO, FALSE);
      return self;
    }
  if (g_stat (path, &info) != 0 || S_ISREG (info.st_mode))
    return open_temporary (path, error);
  if (S_ISDIR (info.st_mode))
    {
      g_set_error (error, EM_REPORT_ERROR, EM_REPORT_ERROR_WRITE, _("«%s» es una carpeta, no un archivo"), path);
      return NULL;
    }
  return open_special (path, error);
}

GOutputStream *
em_report_output_stream (EmReportOutput *self)
{
  return self->stream;
}

/* Everything was written: on disk, then in place. */
gboolean
em_report_output_commit (EmReportOutput  *self,
                         GError         **error)
{
  int fd;

  if (self->path == NULL)
    return g_output_stream_flush (self->stream, NULL, error) && g_output_stream_close (self->stream, NULL, error);
  fd = g_unix_output_stream_get_fd (G_UNIX_OUTPUT_STREAM (self->stream));
  if (fsync (fd) != 0)
    return fail_errno (self->name, errno, error);
  if (!g_output_stream_close (self->stream, NULL, error))
    return FALSE;
  if (g_rename (self->temporary, self->path) != 0)
    return fail_errno (self->name, errno, error);
  g_clear_pointer (&self->temporary, g_free);
  return TRUE;
}

void
em_report_output_free (EmReportOutput *self)
{
  if (self == NULL)
    return;
  if (self->temporary != NULL)
    g_unlink (self->temporary);
  g_clear_object (&self->stream);
  g_clear_error (&self->write_error);
  g_free (self->name);
  g_free (self->path);
  g_free (self->temporary);
  g_free (self);
}

/* ---- PDF -------------------------------------------------------------- */

static cairo_status_t
write_pdf (void *data, const unsigned char *bytes, unsigned int length)
{
  EmReportOutput *self = data;

  if (self->write_error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;
  if (!g_output_stream_write_all (self->stream, bytes, length, NULL, NULL, &self->write_error))
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
                   self->name ? self->name : _("la salida estándar"), self->write_error->message);
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, EM_REPORT_ERROR, EM_REPORT_ERROR_WRITE, _("No se pudo generar el PDF «%s»: %s"),
                   self->name ? self->name : _("la salida estándar"), cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}
