#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Faults, end to end (issue 8): a damaged, read-only, full or locked case
database, outputs onto a full disk, a bundle cut short, a rule file or a
tarifario with each key wrong in turn.  Each gets a clear Spanish message
on stderr, nothing on stdout, exit 2, and leaves every file as it was.

The full disk is a small tmpfs mounted in a private mount namespace
(`unshare -m`, as root): the test runs itself again inside it.

Usage: test-cli-fallos.py PATH-TO-CLI   (prints TAP)"""
import hashlib
import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from taplib import Tap  # noqa: E402

CLI = sys.argv[1]
SOURCE = os.environ.get("EM_SOURCE_ROOT", os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
tap = Tap()

CUMPLE = {"tipo": "capacidad", "regimen": "comun", "nombre": "Minerales Ñandú S.A.S.",
          "numero_documento": "900123456", "radicado": "20170500001",
          "activo_corriente": "124", "pasivo_corriente": "100", "activo_total": "1000",
          "pasivo_total": "610", "ingresos_operacionales": "600", "fecha_radicacion": "2017-06-01"}
INCOMPLETA = {"tipo": "capacidad", "regimen": "comun", "nombre": "Oro del Cauca Ltda.",
              "numero_documento": "800555111", "activo_corriente": "124"}
TARIFA = {"tipo": "tarifa", "etapa": "exploracion", "area_hectareas": "100",
          "expediente": "HJK-08231", "titular": "Carbones de Boyacá"}


def run(*args, stdin=b"", env=None, user=None):
    """The CLI; as another user (setpriv) when @user is given."""
    command = [CLI, *args]
    if user:
        command = ["setpriv", f"--reuid={user}", "--regid=nogroup", "--clear-groups", *command]
    environment = dict(os.environ, EVALUADOR_MINERO_EVALUADOR="Ana Gómez", **(env or {}))
    return subprocess.run(command, input=stdin, capture_output=True, timeout=120, env=environment)


def state(directory):
    """Every file under @directory and the SHA-256 of its content."""
    found = {}
    for root, _, names in os.walk(directory):
        for name in names:
            path = os.path.join(root, name)
            with open(path, "rb") as f:
                found[os.path.relpath(path, directory)] = hashlib.sha256(f.read()).hexdigest()
    return found


def write_lines(path, objects):
    with open(path, "w", encoding="utf-8") as f:
        for o in objects:
            f.write(json.dumps(o, ensure_ascii=False) + "\n")
    return path


def seed(db, directory, n_extra=0):
    """A database with the three cases (one with a requerimiento) and
    @n_extra more, and a bundle of them."""
    extra = [dict(CUMPLE, nombre=f"Solicitante {i}", radicado=f"R-{i}") for i in range(n_extra)]
    lines = write_lines(os.path.join(directory, "semilla.jsonl"), [CUMPLE, INCOMPLETA, TARIFA] + extra)
    tap.eq(run("casos", "--db", db, "importar", lines).returncode, 0)
    tap.eq(run("casos", "--db", db, "tramitar", "2", "emitir_requerimiento").returncode, 0)
    os.unlink(lines)


class Workspace:
    def __init__(self):
        self.dir = tempfile.mkdtemp(prefix="em-fallos-")
        self.db = self.path("casos.sqlite")

    def path(self, *names):
        return os.path.join(self.dir, *names)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        shutil.rmtree(self.dir, ignore_errors=True)


def bundle_of_other_cases(directory):
    """A valid bundle exported from another database."""
    other = os.path.join(directory, "otro")
    os.mkdir(other)
    seed(os.path.join(other, "b.sqlite"), other)
    target = os.path.join(directory, "paquete.json")
    tap.eq(run("casos", "--db", os.path.join(other, "b.sqlite"), "exportar", target).returncode, 0)
    shutil.rmtree(other)
    return target


def every_command(w, db):
    """Each way the CLI touches the database, with what it needs."""
    lines = write_lines(w.path("nuevos.jsonl"), [TARIFA])
    bundle = bundle_of_other_cases(w.dir)
    return [
        ("importar", ["casos", "--db", db, "importar", lines]),
        ("listar", ["casos", "--db", db, "listar"]),
        ("mostrar", ["casos", "--db", db, "mostrar", "1"]),
        ("tramitar", ["casos", "--db", db, "tramitar", "2", "anular", "--motivo", "Prueba"]),
        ("verificar", ["casos", "--db", db, "verificar"]),
        ("exportar", ["casos", "--db", db, "exportar", w.path("salida.json")]),
        ("exportar-csv", ["casos", "--db", db, "exportar-csv", w.path("salida.csv")]),
        ("importar-paquete", ["casos", "--db", db, "importar-paquete", bundle]),
        ("informe", ["informe", "--db", db, "--caso", "1", "--pdf", w.path("salida.pdf")]),
    ]


def assert_refused(p, words, what):
    err = p.stderr.decode()
    tap.ok(p.returncode == 2 and p.stdout == b"", f"{what}: exit {p.returncode}, stdout {p.stdout[:200]!r}, {err}")
    tap.ok(words in err and err.startswith("error: "), f"{what}: «{words}» not in {err!r}")
    tap.ok("WARNING" not in err and "CRITICAL" not in err, f"{what}: {err}")


# ---- a damaged database ---------------------------------------------------

@tap.test("a damaged database: every command says so in Spanish (exit 2) and no file changes")
def _():
    with Workspace() as w:
        rng = random.Random(8)
        with open(w.db, "wb") as f:
            f.write(b"SQLite format 3\x00" + bytes(rng.randrange(256) for _ in range(8176)))
        commands = every_command(w, w.db)
        before = state(w.dir)
        for what, args in commands:
            assert_refused(run(*args), "dañado", what)
            tap.eq(state(w.dir), before)


@tap.test("a database cut short (half a copy): refused as damaged, never modified")
def _():
    with Workspace() as w:
        seed(w.db, w.dir, n_extra=400)
        with open(w.db, "rb") as f:
            data = f.read()
        with open(w.db, "wb") as f:
            f.write(data[: len(data) // 2])
        before = state(w.dir)
        for args in (["listar"], ["verificar"], ["mostrar", "400"]):
            assert_refused(run("casos", "--db", w.db, *args), "dañado", args[0])
            tap.eq(state(w.dir), before)


# ---- a read-only database -------------------------------------------------

@tap.test("a read-only database (another user's file): every command says so, the file unchanged")
def _():
    if os.geteuid() != 0 or not shutil.which("setpriv"):
        tap.skip("needs root and setpriv to run the CLI as «nobody»")
    with Workspace() as w:
        seed(w.db, w.dir)
        commands = every_command(w, w.db)
        for root, dirs, names in os.walk(w.dir):
            os.chmod(root, 0o755)
            for name in names:
                os.chmod(os.path.join(root, name), 0o644)
        before = state(w.dir)
        for what, args in commands:
            assert_refused(run(*args, user="nobody"), "solo lectura", what)
            tap.eq(state(w.dir), before)


# ---- a database locked by another program ---------------------------------

@tap.test("a database locked by another program: writers wait, then say so; readers go on; nothing written")
def _():
    with Workspace() as w:
        seed(w.db, w.dir)
        commands = dict(every_command(w, w.db))
        before = state(w.dir)
        holder = sqlite3.connect(w.db, isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")          # the write lock, as a writer in another program
        holder.execute("INSERT INTO events (case_uuid, n, kind, at, evaluador, detail, snapshot, prev_hash,"
                       " hash, chain, codigo) SELECT case_uuid, 99, kind, at, evaluador, detail, snapshot,"
                       " prev_hash, 'sin confirmar', chain, codigo FROM events LIMIT 1")
        wait = {"EVALUADOR_MINERO_ESPERA_MS": "400"}
        try:
            for what in ("importar", "tramitar", "importar-paquete"):
                started = time.monotonic()
                p = run(*commands[what], env=wait)
                waited = time.monotonic() - started
                assert_refused(p, "otro programa tiene la base de datos bloqueada", what)
                tap.ok(0.4 <= waited < 8, f"{what} waited {waited:.2f} s")
            for what in ("listar", "mostrar", "exportar-csv"):
                tap.eq((what, run(*commands[what], env=wait).returncode), (what, 0))
        finally:
            holder.execute("ROLLBACK")
            holder.close()
        os.unlink(w.path("salida.csv"))
        tap.eq(state(w.dir), before)
        tap.eq(run("casos", "--db", w.db, "verificar").stdout.decode(), "integridad verificada: 4 eventos\n")


@tap.test("a database held exclusively by another program: even reading says so, nothing written")
def _():
    with Workspace() as w:
        seed(w.db, w.dir)
        before = state(w.dir)
        holder = sqlite3.connect(w.db, isolation_level=None)
        holder.execute("PRAGMA locking_mode = EXCLUSIVE")
        holder.execute("BEGIN EXCLUSIVE")
        try:
            p = run("casos", "--db", w.db, "listar", env={"EVALUADOR_MINERO_ESPERA_MS": "300"})
            assert_refused(p, "otro programa tiene la base de datos bloqueada", "listar")
        finally:
            holder.execute("ROLLBACK")
            holder.close()
        tap.eq(state(w.dir), before)


# ---- a full disk ----------------------------------------------------------

def fill(directory, leave):
    """Fills the file system of @directory but for about @leave bytes."""
    info = os.statvfs(directory)
    with open(os.path.join(directory, "relleno"), "wb") as f:
        f.write(b"\0" * max(info.f_bavail * info.f_frsize - leave, 0))


def on_full_disk(workdir):
    """Runs inside the mount namespace: a 4 MiB tmpfs on workdir/lleno."""
    full = os.path.join(workdir, "lleno")
    os.mkdir(full)
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", full], check=True)
    results = []
    db = os.path.join(full, "casos.sqlite")
    shutil.copy(os.path.join(workdir, "casos.sqlite"), db)
    big = write_lines(os.path.join(workdir, "muchos.jsonl"),
                      [dict(TARIFA, titular=f"Titular número {i} " + "x" * 200) for i in range(3000)])
    bundle = os.path.join(workdir, "paquete.json")
    saving = {"importar": ["casos", "--db", db, "importar", big],
              "tramitar": ["casos", "--db", db, "tramitar", "2", "anular", "--motivo", "Prueba de disco lleno"],
              "importar-paquete": ["casos", "--db", db, "importar-paquete", bundle]}
    # No space at all; then 96 KiB, which runs out in the middle of the import.
    for leave, commands in ((0, ("importar", "tramitar", "importar-paquete")),
                            (96 * 1024, ("importar", "importar-paquete"))):
        fill(full, leave)
        before = state(full)
        for what, args in ((c, saving[c]) for c in commands):
            p = run(*args)
            after = state(full)
            results.append({"what": f"{what} ({leave} bytes libres)", "rc": p.returncode,
                            "stdout": p.stdout.decode(), "stderr": p.stderr.decode(),
                            "db_unchanged": after.get("casos.sqlite") == before["casos.sqlite"],
                            "new_files": sorted(set(after) - set(before) - {"casos.sqlite-wal", "casos.sqlite-shm"})})
        os.unlink(os.path.join(full, "relleno"))
    for name in ("casos.sqlite-wal", "casos.sqlite-shm"):
        if os.path.exists(os.path.join(full, name)):
            os.unlink(os.path.join(full, name))    # SQLite's own, left empty when it could not even start them
    # Outputs: an older file of the same name is kept, no temporary is left.
    source = os.path.join(workdir, "casos.sqlite")
    for what, args, name in (
            ("exportar", ["casos", "--db", source, "exportar"], "viejo.json"),
            ("exportar-csv", ["casos", "--db", source, "exportar-csv"], "viejo.csv"),
            ("informe", ["informe", "--db", source, "--caso", "1", "--pdf"], "viejo.pdf")):
        with open(os.path.join(full, name), "w") as f:
            f.write("versión anterior")
        fill(full, 0)
        before = state(full)
        p = run(*args, os.path.join(full, name))
        results.append({"what": what, "rc": p.returncode, "stdout": p.stdout.decode(), "stderr": p.stderr.decode(),
                        "db_unchanged": True, "new_files": sorted(set(state(full)) - set(before)),
                        "kept": state(full) == before})
        os.unlink(os.path.join(full, "relleno"))
    verified = run("casos", "--db", db, "verificar")
    count = sqlite3.connect(db).execute("SELECT count(*) FROM cases").fetchone()[0]
    print(json.dumps({"results": results, "verificar": verified.stdout.decode(), "count": count}))


_full_disk = []


def full_disk_report():
    """What on_full_disk() saw, run once for the two tests below."""
    if os.geteuid() != 0 or not shutil.which("unshare"):
        tap.skip("needs root and unshare to mount a small tmpfs")
    if not _full_disk:
        with Workspace() as w:
            seed(w.db, w.dir)
            bundle_of_other_cases(w.dir)
            p = subprocess.run(["unshare", "-m", sys.executable, os.path.abspath(__file__), CLI,
                                "--en-disco-lleno", w.dir], capture_output=True, timeout=600)
            if p.returncode != 0 and b"mount" in p.stderr:
                _full_disk.append(None)
            else:
                tap.eq((p.returncode, p.stderr.decode()), (0, ""))
                _full_disk.append(json.loads(p.stdout))
    if _full_disk[0] is None:
        tap.skip("cannot mount a tmpfs here")
    return _full_disk[0]


@tap.test("a full disk (tmpfs): saving refused in Spanish, the database unchanged and whole")
def _():
    report = full_disk_report()
    for r in report["results"][:5]:
        tap.ok(r["rc"] == 2 and r["stdout"] == "", r)
        tap.ok("no queda espacio en el disco" in r["stderr"], r)
        tap.ok(r["stderr"].count("no se guardó nada") == 1, r)
        tap.ok("WARNING" not in r["stderr"] and "CRITICAL" not in r["stderr"], r)
        tap.ok(r["db_unchanged"] and r["new_files"] == [], r)
    tap.eq(report["verificar"], "integridad verificada: 4 eventos\n")
    tap.eq(report["count"], 3)


@tap.test("exports and printouts onto a full disk: said in Spanish, nothing half written, the older file kept")
def _():
    for r in full_disk_report()["results"][5:]:
        tap.ok(r["rc"] == 2 and r["stdout"] == "", r)
        tap.ok("o queda espacio" in r["stderr"], r)
        tap.ok(r["kept"] and r["new_files"] == [], r)


@tap.test("exports and printouts onto a device that is full (/dev/full): said in Spanish, exit 2")
def _():
    if not os.path.exists("/dev/full"):
        tap.skip("no /dev/full")
    with Workspace() as w:
        seed(w.db, w.dir)
        for args in (["casos", "--db", w.db, "exportar", "/dev/full"],
                     ["casos", "--db", w.db, "exportar-csv", "/dev/full"],
                     ["informe", "--db", w.db, "--caso", "1", "--pdf", "/dev/full"]):
            assert_refused(run(*args), "o queda espacio", args[-2])


# ---- a bundle cut short ---------------------------------------------------

@tap.test("a bundle cut anywhere: refused in Spanish, the database unchanged")
def _():
    with Workspace() as w:
        seed(w.db, w.dir)
        bundle = bundle_of_other_cases(w.dir)
        with open(bundle, "rb") as f:
            data = f.read()
        before = state(w.dir)
        for cut in range(1, 10):
            size = len(data) * cut // 10
            p = run("casos", "--db", w.db, "importar-paquete", "-", stdin=data[:size])
            assert_refused(p, "El paquete está incompleto", f"cut at {size} of {len(data)}")
            tap.eq(state(w.dir), before)


# ---- data files with each key wrong ---------------------------------------

def key_paths(node, path=()):
    """Every key path of @node, outermost first."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield path + (key,)
            yield from key_paths(value, path + (key,))


def wrong_value(value):
    return 7 if isinstance(value, str) or value is None else "x"


def edited(document, path, edit):
    copy = json.loads(json.dumps(document))
    parent = copy
    for key in path[:-1]:
        parent = parent[key]
    edit(parent, path[-1])
    return copy


def check_every_key(w, data_file, command, option, stdin):
    with open(os.path.join(SOURCE, data_file), encoding="utf-8") as f:
        document = json.load(f)
    target = w.path("datos.json")
    paths = list(key_paths(document))
    tap.ok(len(paths) > 15, paths)
    for path in paths:
        dotted = ".".join(path)

        def retype(parent, key):
            parent[key] = wrong_value(parent[key])

        def misspell(parent, key):
            parent[key + "_"] = parent.pop(key)

        for how, edit, named in (("wrong type", retype, dotted), ("misspelt", misspell, dotted + "_")):
            with open(target, "w", encoding="utf-8") as f:
                json.dump(edited(document, path, edit), f, ensure_ascii=False)
            before = state(w.dir)
            p = run(command, option, target, stdin=stdin)
            err = p.stderr.decode()
            tap.ok(p.returncode == 2 and p.stdout == b"", f"{how} {dotted}: exit {p.returncode} {err}")
            tap.ok(f"{named}:" in err and target in err, f"{how} {dotted}: «{named}:» not in {err!r}")
            tap.eq(state(w.dir), before)


@tap.test("a rule-set file with each key wrong in turn (type, spelling): the error names the key")
def _():
    with Workspace() as w:
        check_every_key(w, "data/reglas/res-anm-208-2017.json", "capacidad", "--reglas",
                        json.dumps({k: v for k, v in CUMPLE.items() if k != "tipo"}).encode())


@tap.test("a tarifario with each key wrong in turn (type, spelling): the error names the key")
def _():
    with Workspace() as w:
        check_every_key(w, "data/tarifarios/anexo-tecnico-ilustrativo.json", "tarifa", "--tarifario",
                        json.dumps({k: v for k, v in TARIFA.items() if k != "tipo"}).encode())


if len(sys.argv) > 3 and sys.argv[2] == "--en-disco-lleno":
    on_full_disk(sys.argv[3])
else:
    tap.run()
