/* em-output-file.c — a file written whole, or not at all
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Exports and printouts hold personal financial data and must never be
 * left half written.  A regular file (or one that does not exist yet) is
 * written to a temporary file next to it (mode 0600), flushed to disk and
 * renamed over it only when complete, so a failure leaves no half file and
 * spoils no older one.  A symbolic link is followed: the file it names is
 * replaced and the link stays.  Anything else that exists (a device such as
 * /dev/null, a pipe) is written in place and never replaced — run as root,
 * a rename would turn /dev/null into a plain file.  «-» is standard output.
 * (g_file_replace() is not enough: it writes straight into a new file.)
 */
#define G_LOG_DOMAIN "em-output-file"

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

struct _EmOutputFile
{
  GOutputStream *stream;       /* buffered: Cairo writes a PDF a few bytes at a time */
  GOutputStream *fd_stream;    /* the descriptor under it (not owned) */
  char          *name;         /* for messages; NULL: standard output */
  char          *path;         /* renamed into place; NULL: written in place */
  char          *temporary;    /* removed unless renamed to @path */
};

static gboolean
fail_errno (const char *name, int saved, GError **error)
{
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), _("No se pudo escribir «%s»: %s"),
               name ? name : _("la salida estándar"), g_strerror (saved));
  return FALSE;
}

#define BUFFER_SIZE (64 * 1024)

static void
set_descriptor (EmOutputFile *self, int fd, gboolean close_fd)
{
  self->fd_stream = g_unix_output_stream_new (fd, close_fd);
  self->stream = g_buffered_output_stream_new_sized (self->fd_stream, BUFFER_SIZE);
  g_object_unref (self->fd_stream);    /* the buffered stream holds it */
}

static EmOutputFile *
open_in_place (const char *path, GError **error)
{
  EmOutputFile *self;
  int fd = g_open (path, O_WRONLY | O_CLOEXEC, 0);

  if (fd < 0)
    return fail_errno (path, errno, error), NULL;
  self = g_new0 (EmOutputFile, 1);
  set_descriptor (self, fd, TRUE);
  self->name = g_strdup (path);
  return self;
}

static EmOutputFile *
open_temporary (const char *path, GError **error)
{
  g_autoptr(EmOutputFile) self = g_new0 (EmOutputFile, 1);
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
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("No se pudo crear un archivo en la carpeta «%s»: %s"), dir, g_strerror (saved));
      return NULL;
    }
  set_descriptor (self, fd, TRUE);
  return g_steal_pointer (&self);
}

EmOutputFile *
em_output_file_open (const char  *path,
                     GError     **error)
{
  EmOutputFile *self;
  GStatBuf info;

  g_return_val_if_fail (path != NULL, NULL);

  if (g_str_equal (path, "-"))
    {
      self = g_new0 (EmOutputFile, 1);
      set_descriptor (self, STDOUT_FILENO, FALSE);
      return self;
    }
  if (g_stat (path, &info) != 0 || S_ISREG (info.st_mode))
    return open_temporary (path, error);
  if (S_ISDIR (info.st_mode))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY, _("«%s» es una carpeta, no un archivo"), path);
      return NULL;
    }
  return open_in_place (path, error);
}

GOutputStream *
em_output_file_get_stream (EmOutputFile *self)
{
  return self->stream;
}

/* The name for messages; NULL for standard output. */
const char *
em_output_file_get_name (EmOutputFile *self)
{
  return self->name;
}

/* Whether this is a file on disk (not standard output, a device or a pipe). */
gboolean
em_output_file_is_file (EmOutputFile *self)
{
  return self->path != NULL;
}

/* What is still in the buffer goes to the descriptor. */
static gboolean
flush (EmOutputFile *self, GError **error)
{
  g_autoptr(GError) io_error = NULL;

  if (g_output_stream_flush (self->stream, NULL, &io_error))
    return TRUE;
  g_set_error (error, io_error->domain, io_error->code, _("No se pudo escribir «%s»: %s"),
               self->name ? self->name : _("la salida estándar"), io_error->message);
  return FALSE;
}

/* Everything was written: on disk, then in place. */
gboolean
em_output_file_commit (EmOutputFile  *self,
                       GError       **error)
{
  int fd;

  if (!flush (self, error))
    return FALSE;
  if (self->path == NULL)
    return self->name == NULL || g_output_stream_close (self->stream, NULL, error);
  fd = g_unix_output_stream_get_fd (G_UNIX_OUTPUT_STREAM (self->fd_stream));
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
em_output_file_free (EmOutputFile *self)
{
  if (self == NULL)
    return;
  if (self->temporary != NULL)
    g_unlink (self->temporary);
  g_clear_object (&self->stream);
  g_free (self->name);
  g_free (self->path);
  g_free (self->temporary);
  g_free (self);
}
