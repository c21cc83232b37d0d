/* test-window-fallos.c — faults in the window (issue 8): a read-only,
 * full or cut-short case database, a bundle cut short, a rule file or
 * tarifario with each key wrong in turn.  Each is said in Spanish where
 * the user sees it, and no file is changed by what failed.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Root may write any file, and these tests run as root, as
 * test-cli-fallos.py does.  Another user's database is met by acting as
 * «nobody» for file access (setfsuid); a read-only file system and a full
 * disk are a small tmpfs, mounted in this process's own mount namespace
 * (made at the start of main, before any thread).  Where that is not
 * allowed those tests skip.
 */
#define _GNU_SOURCE          /* unshare () */
#include "config.h"

#include <errno.h>
#include <sched.h>
#include <sys/mount.h>
#include <sys/fsuid.h>
#include <sys/statvfs.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include "em-application.h"
#include "em-case-bundle.h"
#include "em-cases-page-private.h"
#include "em-preferences-window.h"
#include "ui-test-util.h"

#define COMPLETE   "{\"regimen\":\"comun\",\"nombre\":\"Minerales Ñandú S.A.S.\",\"numero_documento\":\"900123456\"," \
                   "\"radicado\":\"20170500001\",\"activo_corriente\":\"124\",\"pasivo_corriente\":\"100\"," \
                   "\"activo_total\":\"1000\",\"pasivo_total\":\"610\",\"ingresos_operacionales\":\"600\"}"
#define NEEDS_AVAL "{\"regimen\":\"comun\",\"nombre\":\"Oro del Cauca\",\"activo_corriente\":\"123.99\"," \
                   "\"pasivo_corriente\":\"100\",\"activo_total\":\"1000\",\"pasivo_total\":\"100\"," \
                   "\"ingresos_operacionales\":\"100\"}"
#define TARIFF     "{\"etapa\":\"exploracion\",\"area_hectareas\":\"100\",\"expediente\":\"HJK-08231\"," \
                   "\"titular\":\"Carbones de Boyacá\"}"

static gboolean private_mounts;     /* a tmpfs can be mounted here */

/* ---- Files and databases ------------------------------------------------ */

/* Every row of every table of the database at @path, read by a
 * connection of its own.  (Opened for writing, though it writes nothing: a
 * read-only connection would leave SQLite's -wal and -shm files behind.) */
static char *
database_dump (const char *path)
{
  GString *dump = g_string_new (NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *tables = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name",
                                       -1, &tables, NULL), ==, SQLITE_OK);
  while (sqlite3_step (tables) == SQLITE_ROW)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\"", sqlite3_column_text (tables, 0));
      GString *ordered = g_string_new (sql);
      sqlite3_stmt *rows = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &rows, NULL), ==, SQLITE_OK);
      for (int i = 1; i <= sqlite3_column_count (rows); i++)      /* every column, in order */
        g_string_append_printf (ordered, i == 1 ? " ORDER BY %d" : ", %d", i);
      sqlite3_finalize (rows);
      g_assert_cmpint (sqlite3_prepare_v2 (db, ordered->str, -1, &rows, NULL), ==, SQLITE_OK);
      g_string_free (ordered, TRUE);
      g_string_append_printf (dump, "[%s]\n", sqlite3_column_text (tables, 0));
      while (sqlite3_step (rows) == SQLITE_ROW)
        {
          for (int i = 0; i < sqlite3_column_count (rows); i++)
            {
              const void *bytes = sqlite3_column_blob (rows, i);

              g_string_append_printf (dump, "%d:", sqlite3_column_type (rows, i));
              g_string_append_len (dump, bytes, sqlite3_column_bytes (rows, i));
              g_string_append_c (dump, '|');
            }
          g_string_append_c (dump, '\n');
        }
      sqlite3_finalize (rows);
    }
  sqlite3_finalize (tables);
  sqlite3_close (db);
  return g_string_free (dump, FALSE);
}

static char *
integrity_check (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *result;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  result = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return result;
}

static void
add_case (EmCaseStore *store, EmEvaluator *evaluator, EmCaseKind kind, const char *json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EmEvaluation) evaluation = em_evaluator_evaluate_text (evaluator, kind, json, FALSE, &error);

  g_assert_no_error (error);
  em_case_store_add (store, em_evaluation_get_record (evaluation), "Ana Gómez", &error);
  g_assert_no_error (error);
}

/* A database at @path with a case of each kind (@n_capacity of capacity),
 * closed again: no -wal or -shm left. */
static void
seed_database (const char *path, guint n_capacity)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EmEvaluator) evaluator = em_evaluator_new_default (NULL);
  g_autoptr(EmCaseStore) store = em_case_store_open (path, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < n_capacity; i++)
    add_case (store, evaluator, EM_CASE_KIND_CAPACIDAD, i % 2 ? NEEDS_AVAL : COMPLETE);
  add_case (store, evaluator, EM_CASE_KIND_TARIFA, TARIFF);
}

/* ---- Mounts --------------------------------------------------------------- */

/* A tmpfs of @size over @dir; FALSE (and the test skipped) where mounting
 * is not allowed. */
static gboolean
mount_tmpfs (const char *dir, const char *size)
{
  g_autofree char *options = g_strdup_printf ("size=%s,mode=0700", size);

  if (!private_mounts || mount ("tmpfs", dir, "tmpfs", 0, options) != 0)
    {
      g_test_skip ("a tmpfs cannot be mounted here (needs root and a mount namespace)");
      return FALSE;
    }
  return TRUE;
}

static void
remount_read_only (const char *dir)
{
  g_assert_cmpint (mount (NULL, dir, NULL, MS_REMOUNT | MS_RDONLY, NULL), ==, 0);
}

/* Fills the file system of @dir but for about @leave bytes. */
static char *
fill_disk (const char *dir, gsize leave)
{
  char *path = g_build_filename (dir, "relleno", NULL);
  struct statvfs info;
  g_autofree char *zeros = NULL;
  gsize size;

  g_assert_cmpint (statvfs (dir, &info), ==, 0);
  size = (gsize) info.f_bavail * info.f_frsize;
  size = size > leave ? size - leave : 0;
  zeros = g_malloc0 (MAX (size, 1));
  g_assert_true (g_file_set_contents (path, zeros, size, NULL));
  return path;
}

/* ---- The window over a given database --------------------------------- */

/* As ui_fixture_set_up, but over the database at @path, made beforehand. */
static void
window_open (UiFixture *f, const char *path)
{
  ui_window_open (f, path);
  ui_flush ();
}

/* Closes the window and its database; the files stay. */
static void
window_close (UiFixture *f)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  ui_flush ();
  g_clear_object (&f->session);
  g_clear_object (&f->settings);
  g_clear_object (&f->app);
}

static void
remove_dir (const char *dir)
{
  g_autofree char *command = g_strdup_printf ("rm -rf '%s'", dir);

  umount2 (dir, MNT_DETACH);       /* where a tmpfs was mounted */
  g_assert_cmpint (system (command), ==, 0);
}

/* Closes the dialog that must be open, and gives its detail. */
static char *
take_dialog (const char *title)
{
  GtkMessageDialog *dialog = ui_find_message_dialog ();
  g_autofree char *text = NULL;
  char *detail = NULL;

  g_assert_nonnull (dialog);
  g_object_get (dialog, "text", &text, "secondary-text", &detail, NULL);
  g_assert_cmpstr (text, ==, title);
  gtk_window_destroy (GTK_WINDOW (dialog));
  ui_flush ();
  return detail;
}

/* ---- Saving from the Capacidad page ------------------------------------- */

static void
fill_capacity_form (UiFixture *f)
{
  const char *fields[][2] = {
    { "activo_corriente", "124" }, { "pasivo_corriente", "100" }, { "activo_total", "1.000" },
    { "pasivo_total", "610" }, { "ingresos_operacionales", "600" },
  };
  GtkWidget *page;

  em_window_show_page (f->window, "capacidad");
  page = em_window_get_page_widget (f->window, "capacidad");
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      GtkWidget *entry = ui_find_named (page, fields[i][0]);

      g_assert_nonnull (entry);
      gtk_editable_set_text (GTK_EDITABLE (entry), fields[i][1]);
      ui_flush ();
    }
}

/* Saves the form; the dialog that must follow says @words. */
static void
save_is_refused (UiFixture *f, const char *words)
{
  g_autofree char *detail = NULL;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.save", NULL);
  ui_flush ();
  detail = take_dialog ("No se pudo guardar el caso");
  if (strstr (detail, words) == NULL)
    g_error ("«%s» not in the dialog: %s", words, detail);
  g_assert_null (strstr (detail, "(")); /* no SQLite message in English, as "(disk I/O error)" */
}

static gint64
stored_cases (UiFixture *f)
{
  return em_case_store_count (em_session_get_store (f->session), NULL);
}

/* Runs the file accesses of this thread (SQLite's, the window's) as
 * «nobody» (65534), as test-cli-fallos.py runs the CLI: root's right to
 * write any file goes with its file-system uid; TRUE gives it back. */
static void
act_as_nobody (gboolean nobody)
{
  setfsgid (nobody ? 65534 : 0);
  setfsuid (nobody ? 65534 : 0);
  g_assert_cmpint (setfsuid ((uid_t) -1), ==, nobody ? 65534 : 0);
}

/* The whole application over the database at @path (EVALUADOR_MINERO_DB,
 * as test-window.c does): TRUE when its window shows @words, and, since
 * the database could not be opened, offers no saving. */
static gboolean
application_says (const char *path, const char *words)
{
  g_autoptr(EmApplication) app = NULL;
  GtkWindow *window = ui_application_open (&app, path);
  GtkWidget *capacity;
  gboolean said;

  said = ui_find_label_containing (GTK_WIDGET (window), "No se pueden guardar ni consultar casos") != NULL
         && ui_find_label_containing (GTK_WIDGET (window), words) != NULL;
  em_window_show_page (EM_WINDOW (window), "capacidad");
  capacity = em_window_get_page_widget (EM_WINDOW (window), "capacidad");
  gtk_editable_set_text (GTK_EDITABLE (ui_find_named (capacity, "activo_corriente")), "124");
  ui_flush ();
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  ui_flush ();
  g_assert_null (ui_find_message_dialog ());
  ui_application_close (window);
  return said;
}

/* Root's database of 3 cases that another user may read but not write;
 * FALSE (the test skipped) when this test is not root. */
static gboolean
seed_another_users_database (const char *dir, const char *path)
{
  if (geteuid () != 0)
    {
      g_test_skip ("needs root, to act as «nobody» over root's file");
      return FALSE;
    }
  seed_database (path, 2);
  g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);
  return TRUE;
}

/* Another user's database, which this user may read but not write (the
 * case of test-cli-fallos.py): the window says at once that the file is
 * read-only, and the file is as it was, with no -wal or -shm beside it. */
static void
test_another_users_database_said_at_startup (void)
{
  g_autofree char *dir = g_dir_make_tmp ("em-fallos-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "casos.sqlite", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *dump = NULL;
  g_autofree char *after_dump = NULL;
  gboolean said;

  if (!seed_another_users_database (dir, path))
    return remove_dir (dir);
  before = ui_file_digest (path);
  dump = database_dump (path);
  act_as_nobody (TRUE);
  said = application_says (path, "el archivo es de solo lectura");
  act_as_nobody (FALSE);
  g_assert_true (said);

  after = ui_file_digest (path);
  g_assert_cmpstr (after, ==, before);
  after_dump = database_dump (path);
  g_assert_cmpstr (after_dump, ==, dump);
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);       /* nothing else was left */
}

/* The same database while its owner's program has it open (its -shm file
 * is there to be read): the window lists the cases, but saving says the
 * file is read-only, and nothing is written. */
static void
test_save_on_another_users_database_in_use (void)
{
  g_autofree char *dir = g_dir_make_tmp ("em-fallos-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "casos.sqlite", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *dump = NULL;
  g_autofree char *after_dump = NULL;
  UiFixture f = { .dir = dir };
  sqlite3 *owner = NULL;

  if (!seed_another_users_database (dir, path))
    return remove_dir (dir);
  dump = database_dump (path);
  g_assert_cmpint (sqlite3_open_v2 (path, &owner, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (owner, "SELECT count(*) FROM cases", NULL, NULL, NULL), ==, SQLITE_OK);
  before = ui_file_digest (path);
  act_as_nobody (TRUE);
  window_open (&f, path);
  g_assert_cmpint (stored_cases (&f), ==, 3);
  fill_capacity_form (&f);
  save_is_refused (&f, "el archivo es de solo lectura");
  save_is_refused (&f, "el archivo es de solo lectura");
  g_assert_cmpint (stored_cases (&f), ==, 3);
  window_close (&f);
  act_as_nobody (FALSE);
  after = ui_file_digest (path);
  g_assert_cmpstr (after, ==, before);
  sqlite3_close (owner);

  after_dump = database_dump (path);
  g_assert_cmpstr (after_dump, ==, dump);
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* A database on a read-only file system (a write-protected memory stick,
 * a read-only share): said the same way, the file as it was. */
static void
test_read_only_file_system_said_at_startup (void)
{
  g_autofree char *dir = g_dir_make_tmp ("em-fallos-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "casos.sqlite", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GDir) listing = NULL;

  if (!mount_tmpfs (dir, "16m"))
    return remove_dir (dir);
  seed_database (path, 2);
  before = ui_file_digest (path);
  remount_read_only (dir);
  g_assert_true (application_says (path, "el archivo es de solo lectura"));

  after = ui_file_digest (path);
  g_assert_cmpstr (after, ==, before);
  listing = g_dir_open (dir, 0, NULL);
  g_assert_cmpstr (g_dir_read_name (listing), ==, "casos.sqlite");
  g_assert_null (g_dir_read_name (listing));
  remove_dir (dir);
}

/* The disk fills up while the window is open: with no space at all, and
 * with a few pages left (the save runs out midway), saving says so; the
 * database file is unchanged and whole, and once there is space again
 * the same form saves. */
static void
test_save_on_a_full_disk (void)
{
  g_autofree char *dir = g_dir_make_tmp ("em-fallos-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "casos.sqlite", NULL);
  g_autofree char *before = NULL;
  g_autofree char *dump = NULL;
  g_autofree char *after = NULL;
  g_autofree char *after_dump = NULL;
  g_autofree char *integrity = NULL;
  const gsize leave[] = { 0, 8 * 1024, 0 };
  UiFixture f = { .dir = dir };

  if (!mount_tmpfs (dir, "4m"))
    return remove_dir (dir);
  seed_database (path, 2);
  before = ui_file_digest (path);
  dump = database_dump (path);
  window_open (&f, path);
  fill_capacity_form (&f);
  for (guint i = 0; i < G_N_ELEMENTS (leave); i++)
    {
      g_autofree char *filler = fill_disk (dir, leave[i]);

      save_is_refused (&f, "no queda espacio en el disco");
      g_assert_cmpint (g_unlink (filler), ==, 0);
      after = ui_file_digest (path);
      g_assert_cmpstr (after, ==, before);
      g_clear_pointer (&after, g_free);
    }
  g_assert_cmpint (stored_cases (&f), ==, 3);
  window_close (&f);

  after = ui_file_digest (path);
  g_assert_cmpstr (after, ==, before);
  after_dump = database_dump (path);
  g_assert_cmpstr (after_dump, ==, dump);
  integrity = integrity_check (path);
  g_assert_cmpstr (integrity, ==, "ok");

  window_open (&f, path);       /* with space again, the same form saves */
  fill_capacity_form (&f);
  gtk_widget_activate_action (GTK_WIDGET (f.window), "win.save", NULL);
  ui_flush ();
  g_assert_null (ui_find_message_dialog ());
  g_assert_cmpint (stored_cases (&f), ==, 4);
  g_assert_true (em_case_store_verify (em_session_get_store (f.session), NULL) >= 0);
  window_close (&f);
  remove_dir (dir);
}

/* ---- A damaged database ------------------------------------------------ */

/* A real database cut in half (a copy that stopped midway): the window
 * says at start-up that it is damaged, offers no saving, and the file is
 * as it was, with nothing beside it. */
static void
test_database_cut_short_said_at_startup (void)
{
  g_autofree char *dir = g_dir_make_tmp ("em-fallos-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "casos.sqlite", NULL);
  g_autofree char *data = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize size = 0;

  seed_database (path, 400);
  g_assert_true (g_file_get_contents (path, &data, &size, NULL));
  g_assert_true (g_file_set_contents (path, data, size / 2, NULL));
  before = ui_file_digest (path);
  g_assert_true (application_says (path, "no es una base de datos de casos o está dañado"));

  after = ui_file_digest (path);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);       /* no -wal, -shm or other file was left */
}

/* ---- A bundle cut short, imported from the Casos page --------------- */

/* A bundle of three cases from another database, as bytes. */
static GBytes *
bundle_from_elsewhere (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "otro.sqlite", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(EmCaseStore) store = NULL;
  guint n = 0;

  seed_database (path, 2);
  store = em_case_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (em_case_bundle_export (store, NULL, out, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 3);
  g_assert_true (g_output_stream_close (out, NULL, NULL));
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
}

static guint
n_listed (GtkWidget *page)
{
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (ui_find_named (page, "cases"))));

  return model != NULL ? g_list_model_get_n_items (model) : 0;
}

/* Imports @file as the user does: Importar paquete, then the file chosen
 * (the chooser itself is closed: its answer is given here). */
static void
import_as_the_user (GtkWidget *page, GFile *file)
{
  EmCasesPage *self = EM_CASES_PAGE (page);
  FileChosenFunc chosen;

  g_assert_true (gtk_widget_activate_action (page, "page.import-bundle", NULL));
  g_assert_nonnull (self->chooser);
  chosen = self->chosen;
  em_cases_page_close_chooser (self);
  chosen (self, file);
  ui_flush ();
}

/* Where the database's bytes are: the file and SQLite's log beside it. */
static char *
store_digest (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *main_digest = ui_file_digest (path);
  g_autofree char *wal_digest = ui_file_digest (wal);

  return g_strconcat (main_digest, " ", wal_digest, NULL);
}

/* A bundle cut at the start, inside its header, in the middle of a case,
 * before its total and just before its end: each import is refused in the
 * window's error bar, in Spanish and naming the file; the database keeps
 * its bytes and the list its two cases. */
static void
test_bundle_cut_short_is_refused (UiFixture *f, gconstpointer data)
{
  EmCaseStore *store = em_session_get_store (f->session);
  g_autoptr(EmEvaluator) evaluator = em_evaluator_new_default (NULL);
  g_autoptr(GBytes) bundle = bundle_from_elsewhere (f->dir);
  gsize size = 0;
  const char *text = g_bytes_get_data (bundle, &size);
  const char *second = g_strstr_len (text, size, "Oro del Cauca");
  const char *total = g_strstr_len (text, size, "\"total\"");
  /* Not size - 1: that takes away only the last newline. */
  const gsize cuts[] = { 1, 12, second - text + 5, size / 2, total - text, size - 3, size - 2 };
  GtkWidget *page;
  g_autofree char *before = NULL;
  g_autofree char *dump = NULL;

  g_assert_nonnull (second);
  g_assert_nonnull (total);
  add_case (store, evaluator, EM_CASE_KIND_CAPACIDAD, COMPLETE);
  add_case (store, evaluator, EM_CASE_KIND_TARIFA, TARIFF);
  em_session_cases_changed (f->session, 0);
  em_window_show_page (f->window, "casos");
  page = em_window_get_page_widget (f->window, "casos");
  ui_flush ();
  g_assert_cmpuint (n_listed (page), ==, 2);
  before = store_digest (em_case_store_get_path (store));
  dump = database_dump (em_case_store_get_path (store));

  for (guint i = 0; i < G_N_ELEMENTS (cuts); i++)
    {
      g_autofree char *name = g_strdup_printf ("cortado-%u.json", i);
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      g_autofree char *said = g_strdup_printf ("No se importó nada del paquete «%s»: El paquete está incompleto",
                                               name);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autofree char *after = NULL;
      g_autofree char *after_dump = NULL;

      g_assert_true (g_file_set_contents (path, text, cuts[i], NULL));
      import_as_the_user (page, file);
      if (ui_find_label_containing (GTK_WIDGET (f->window), said) == NULL)
        g_error ("cut at %zu of %zu: «%s» not shown", cuts[i], size, said);
      g_assert_null (ui_find_label_containing (GTK_WIDGET (f->window), "importado"));
      g_assert_cmpuint (n_listed (page), ==, 2);
      g_assert_cmpint (em_case_store_count (store, NULL), ==, 2);
      after = store_digest (em_case_store_get_path (store));
      g_assert_cmpstr (after, ==, before);
      after_dump = database_dump (em_case_store_get_path (store));
      g_assert_cmpstr (after_dump, ==, dump);
    }
}

/* ---- A rule file or tarifario with each key wrong, in Preferencias ----- */

typedef void (*KeyEdit) (JsonObject *parent, const char *key);

/* A string or null becomes a number; anything else a string. */
static void
retype (JsonObject *parent, const char *key)
{
  JsonNode *value = json_object_get_member (parent, key);

  if (JSON_NODE_HOLDS_NULL (value) || json_node_get_value_type (value) == G_TYPE_STRING)
    json_object_set_int_member (parent, key, 7);
  else
    json_object_set_string_member (parent, key, "x");
}

static void
misspell (JsonObject *parent, const char *key)
{
  g_autofree char *wrong = g_strconcat (key, "_", NULL);

  json_object_set_member (parent, wrong, json_node_copy (json_object_get_member (parent, key)));
  json_object_remove_member (parent, key);
}

/* Every key path of @object, dotted, outermost first. */
static void
collect_key_paths (JsonObject *object, const char *prefix, GPtrArray *paths)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (GList *l = members; l != NULL; l = l->next)
    {
      char *path = prefix ? g_strconcat (prefix, ".", l->data, NULL) : g_strdup (l->data);
      JsonNode *value = json_object_get_member (object, l->data);

      g_ptr_array_add (paths, path);
      if (JSON_NODE_HOLDS_OBJECT (value))
        collect_key_paths (json_node_get_object (value), path, paths);
    }
}

/* @text with @edit done at the key @path. */
static char *
edited (const char *text, const char *path, KeyEdit edit)
{
  g_autoptr(JsonNode) document = json_from_string (text, NULL);
  g_auto(GStrv) keys = g_strsplit (path, ".", -1);
  guint n = g_strv_length (keys);
  JsonObject *parent = json_node_get_object (document);

  for (guint i = 0; i + 1 < n; i++)
    parent = json_object_get_object_member (parent, keys[i]);
  edit (parent, keys[n - 1]);
  return json_to_string (document, FALSE);
}

typedef struct
{
  const char *source;         /* the shipped file, under EM_SOURCE_ROOT */
  const char *valid;          /* a file in tests/data, in use beforehand */
  gboolean  (*use) (EmPreferencesWindow *self, GFile *file);
  const char *error_label;
  const char *setting;
  const char *(*in_use) (EmEvaluator *evaluator);
} DataFile;

static const char *
rules_id (EmEvaluator *evaluator)
{
  return em_rule_set_get_id (em_evaluator_get_rules (evaluator));
}

static const char *
schedule_id (EmEvaluator *evaluator)
{
  return em_tariff_schedule_get_id (em_evaluator_get_schedule (evaluator));
}

static const DataFile rule_file = {
  "data/reglas/res-anm-208-2017.json", "reglas-prueba.json", em_preferences_window_use_rules_file,
  "rules_error_label", "reglas", rules_id,
};

static const DataFile schedule_file = {
  "data/tarifarios/anexo-tecnico-ilustrativo.json", "tarifario-prueba.json", em_preferences_window_use_schedule_file,
  "schedule_error_label", "tarifario", schedule_id,
};

static char *
shipped_text (const DataFile *kind)
{
  g_autofree char *path = g_build_filename (g_getenv ("EM_SOURCE_ROOT"), kind->source, NULL);
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

/* Chooses @text (saved as @path) in @prefs: refused, the error under the
 * file's row names the file and the key @named, and the file in use stays
 * in the settings. */
static void
choose_wrong_file (UiFixture *f, EmPreferencesWindow *prefs, const DataFile *kind, const char *path,
                   const char *text, const char *named)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *key = g_strdup_printf ("%s:", named);
  g_autofree char *stored = NULL;
  GtkWidget *label = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (prefs), EM_TYPE_PREFERENCES_WINDOW,
                                                                kind->error_label));
  const char *said;

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  g_assert_false (kind->use (prefs, file));
  ui_flush ();
  said = gtk_label_get_text (GTK_LABEL (label));
  g_assert_true (gtk_widget_is_visible (label));
  if (strstr (said, key) == NULL || strstr (said, path) == NULL
      || strstr (said, "No se cambió nada: sigue en uso «") == NULL)
    g_error ("«%s» not said: %s", key, said);
  stored = g_settings_get_string (f->settings, kind->setting);
  g_assert_true (g_str_has_suffix (stored, kind->valid));
}

/* Each key of the shipped file, in turn, of the wrong type and misspelt,
 * chosen in Preferencias after a valid file: the window names the key
 * and the valid file stays in use. */
static void
check_every_key (UiFixture *f, const DataFile *kind)
{
  g_autofree char *text = shipped_text (kind);
  g_autofree char *valid_path = g_build_filename (g_getenv ("EM_TEST_DATA"), kind->valid, NULL);
  g_autofree char *path = g_build_filename (f->dir, "datos.json", NULL);
  g_autoptr(GFile) valid = g_file_new_for_path (valid_path);
  g_autoptr(JsonNode) document = json_from_string (text, NULL);
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  EmPreferencesWindow *prefs = em_preferences_window_new (GTK_WINDOW (f->window), f->settings, f->session);
  g_autofree char *in_use = NULL;

  gtk_window_present (GTK_WINDOW (prefs));
  g_assert_true (kind->use (prefs, valid));
  in_use = g_strdup (kind->in_use (em_session_get_evaluator (f->session)));
  collect_key_paths (json_node_get_object (document), NULL, paths);
  g_assert_cmpuint (paths->len, >, 15);
  for (guint i = 0; i < paths->len; i++)
    {
      const char *key = paths->pdata[i];
      g_autofree char *misspelt = g_strconcat (key, "_", NULL);
      g_autofree char *wrong_type = edited (text, key, retype);
      g_autofree char *wrong_name = edited (text, key, misspell);

      choose_wrong_file (f, prefs, kind, path, wrong_type, key);
      g_assert_cmpstr (kind->in_use (em_session_get_evaluator (f->session)), ==, in_use);
      choose_wrong_file (f, prefs, kind, path, wrong_name, misspelt);
      g_assert_cmpstr (kind->in_use (em_session_get_evaluator (f->session)), ==, in_use);
    }
  gtk_window_destroy (GTK_WINDOW (prefs));
}

static void
test_rule_file_with_each_key_wrong (UiFixture *f, gconstpointer data)
{
  check_every_key (f, &rule_file);
}

static void
test_tarifario_with_each_key_wrong (UiFixture *f, gconstpointer data)
{
  check_every_key (f, &schedule_file);
}

int
main (int argc, char **argv)
{
  /* Before any thread: a mount namespace of our own, whose mounts nobody
   * else sees and which go when the test ends. */
  private_mounts = unshare (CLONE_NEWNS) == 0 && mount (NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) == 0;
  gtk_test_init (&argc, &argv, NULL);
  g_test_add_func ("/ventana-fallos/base/de-otro-usuario-al-abrir", test_another_users_database_said_at_startup);
  g_test_add_func ("/ventana-fallos/base/de-otro-usuario-en-uso-al-guardar",
                   test_save_on_another_users_database_in_use);
  g_test_add_func ("/ventana-fallos/base/sistema-de-archivos-de-solo-lectura-al-abrir",
                   test_read_only_file_system_said_at_startup);
  g_test_add_func ("/ventana-fallos/base/cortada-a-la-mitad-al-abrir", test_database_cut_short_said_at_startup);
  g_test_add_func ("/ventana-fallos/base/disco-lleno-al-guardar", test_save_on_a_full_disk);
  g_test_add ("/ventana-fallos/paquete/cortado-rechazado", UiFixture, NULL, ui_fixture_set_up,
              test_bundle_cut_short_is_refused, ui_fixture_tear_down);
  g_test_add ("/ventana-fallos/preferencias/reglas-con-cada-clave-mal", UiFixture, NULL, ui_fixture_set_up,
              test_rule_file_with_each_key_wrong, ui_fixture_tear_down);
  g_test_add ("/ventana-fallos/preferencias/tarifario-con-cada-clave-mal", UiFixture, NULL, ui_fixture_set_up,
              test_tarifario_with_each_key_wrong, ui_fixture_tear_down);
  return g_test_run ();
}
