#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End-to-end tests of `evaluador-minero-cli casos` (CONTRACT.md, issue 4).

Usage: test-cli-casos.py PATH-TO-CLI   (prints TAP)"""
import hashlib
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from taplib import Tap  # noqa: E402

CLI = sys.argv[1]
tap = Tap()

CUMPLE = {"tipo": "capacidad", "regimen": "comun", "nombre": "Minerales Ñandú S.A.S.",
          "numero_documento": "900123456", "radicado": "20170500001",
          "activo_corriente": "124", "pasivo_corriente": "100", "activo_total": "1000",
          "pasivo_total": "610", "ingresos_operacionales": "600", "fecha_radicacion": "2017-06-01"}
INCOMPLETA = {"tipo": "capacidad", "regimen": "comun", "nombre": "Oro del Cauca Ltda.",
              "numero_documento": "800555111", "activo_corriente": "124"}
TARIFA = {"tipo": "tarifa", "etapa": "exploracion", "area_hectareas": "100",
          "expediente": "HJK-08231", "titular": "Carbones de Boyacá"}


class Workspace:
    def __init__(self):
        self.dir = tempfile.mkdtemp(prefix="em-casos-")
        self.db = os.path.join(self.dir, "casos.sqlite")

    def path(self, name):
        return os.path.join(self.dir, name)

    def run(self, *args, stdin="", db=True, env=None):
        command = [CLI, "casos"] + (["--db", self.db] if db else []) + list(args)
        return subprocess.run(command, input=stdin.encode(), capture_output=True, timeout=120,
                              env=env or dict(os.environ, EVALUADOR_MINERO_EVALUADOR="Ana Gómez"))

    def write_lines(self, name, objects):
        with open(self.path(name), "w", encoding="utf-8") as f:
            for o in objects:
                f.write((o if isinstance(o, str) else json.dumps(o, ensure_ascii=False)) + "\n")
        return self.path(name)

    def listed(self, *args):
        p = self.run("listar", *args)
        return [json.loads(line) for line in p.stdout.decode().splitlines()]

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        shutil.rmtree(self.dir, ignore_errors=True)


def digest(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


@tap.test("importar: every line evaluated and stored, summary on stdout, exit 0")
def _():
    with Workspace() as w:
        p = w.run("importar", w.write_lines("a.jsonl", [CUMPLE, INCOMPLETA, TARIFA]))
        tap.eq((p.returncode, json.loads(p.stdout)), (0, {"importados": 3, "errores": []}))
        rows = w.listed()
        tap.eq([r["tipo"] for r in rows], ["tarifa", "capacidad", "capacidad"])
        tap.eq(rows[2]["resultado"], "cumple")
        tap.eq(rows[0]["tarifa"], "0")
        tap.ok("resultado" not in rows[0] and "tarifa" not in rows[1], rows)
        tap.eq(sorted(rows[1]), ["creado", "documento", "estado", "id", "nombre", "resultado", "tipo"])
        tap.eq(os.stat(w.db).st_mode & 0o777, 0o600)


@tap.test("importar: one bad line stores nothing (one transaction), exit 1")
def _():
    with Workspace() as w:
        bad = dict(CUMPLE, pasivo_corriente="-1")
        p = w.run("importar", w.write_lines("a.jsonl", [CUMPLE, bad, TARIFA, '{"tipo":"otro"}']))
        out = json.loads(p.stdout)
        tap.eq((p.returncode, out["importados"]), (1, 0))
        tap.eq([(e["linea"], e["campo"]) for e in out["errores"]], [(2, "pasivo_corriente"), (4, "tipo")])
        tap.eq(w.listed(), [])


@tap.test("importar --parcial: valid lines stored, invalid reported, exit 1")
def _():
    with Workspace() as w:
        p = w.run("importar", "--parcial",
                  w.write_lines("a.jsonl", [CUMPLE, "no es json", TARIFA]))
        out = json.loads(p.stdout)
        tap.eq((p.returncode, out["importados"], len(out["errores"])), (1, 2, 1))
        tap.eq(out["errores"][0]["linea"], 2)
        tap.eq(len(w.listed()), 2)


@tap.test("importar --parcial, many lines: errors in order with their line numbers, the rest stored in order")
def _():
    with Workspace() as w:
        bad_at = {1, 63, 64, 65, 128, 129, 700, 1299, 1300}
        blank_at = {2, 66, 1000}
        lines = []
        for n in range(1, 1301):
            if n in bad_at:
                lines.append(dict(CUMPLE, pasivo_corriente="-1") if n % 2 else "no es json")
            elif n in blank_at:
                lines.append("   ")
            else:
                lines.append(dict(CUMPLE, nombre=f"Solicitante {n}", evaluador=f"Evaluador {n}"))
        p = w.run("importar", "--parcial", w.write_lines("a.jsonl", lines))
        out = json.loads(p.stdout)
        tap.eq((p.returncode, out["importados"]), (1, 1300 - len(bad_at) - len(blank_at)))
        tap.eq([e["linea"] for e in out["errores"]], sorted(bad_at))
        names = [r["nombre"] for r in reversed(w.listed("--limite", "2000"))]
        kept = [n for n in range(1, 1301) if n not in bad_at | blank_at]
        tap.eq(names, [f"Solicitante {n}" for n in kept])
        last = json.loads(w.run("mostrar", str(len(kept))).stdout)
        tap.eq(last["evaluador"], f"Evaluador {kept[-1]}")
        tap.eq(w.run("verificar").returncode, 0)


@tap.test("importar: lines end in \\n, \\r\\n or \\r, the last one may have no end; from a file or stdin")
def _():
    with Workspace() as w:
        bad = "no es json"
        lines = [json.dumps(dict(CUMPLE, nombre=f"Solicitante {n}"), ensure_ascii=False) for n in range(1, 7)]
        text = (lines[0] + "\r\n" + lines[1] + "\r" + "\r\n" + lines[2] + "\n\n" + bad + "\r"
                + lines[3] + "\n" + "x" * 300000 + "\r\n" + lines[4] + "\r" + lines[5])
        with open(w.path("a.jsonl"), "w", encoding="utf-8", newline="") as f:
            f.write(text)
        p = w.run("importar", "--parcial", w.path("a.jsonl"))
        out = json.loads(p.stdout)
        tap.eq((out["importados"], [e["linea"] for e in out["errores"]]), (6, [6, 8]))
        os.remove(w.db)
        p = w.run("importar", "--parcial", "-", stdin=text + "\r")
        out = json.loads(p.stdout)
        tap.eq((out["importados"], [e["linea"] for e in out["errores"]]), (6, [6, 8]))
        names = [r["nombre"] for r in reversed(w.listed())]
        tap.eq(names, [f"Solicitante {n}" for n in range(1, 7)])


@tap.test("importar: evaluator per line or from --evaluador")
def _():
    with Workspace() as w:
        w.run("--evaluador", "Luis Rojas", "importar",
              w.write_lines("a.jsonl", [dict(CUMPLE, evaluador="Marta Díaz"), TARIFA]))
        tap.eq(json.loads(w.run("mostrar", "1").stdout)["evaluador"], "Marta Díaz")
        tap.eq(json.loads(w.run("mostrar", "2").stdout)["evaluador"], "Luis Rojas")


@tap.test("listar: search by name, document, radicado, expediente; filters; limit")
def _():
    with Workspace() as w:
        w.run("importar", w.write_lines("a.jsonl", [CUMPLE, INCOMPLETA, TARIFA]))
        tap.eq([r["nombre"] for r in w.listed("--buscar", "nandu")], ["Minerales Ñandú S.A.S."])
        tap.eq(len(w.listed("--buscar", "900123")), 1)
        tap.eq(len(w.listed("--buscar", "20170500001")), 1)
        tap.eq([r["documento"] for r in w.listed("--buscar", "HJK-08231")], ["HJK-08231"])
        tap.eq(len(w.listed("--tipo", "capacidad")), 2)
        tap.eq(len(w.listed("--resultado", "informacion_incompleta")), 1)
        tap.eq(len(w.listed("--limite", "1")), 1)
        tap.eq(len(w.listed("--desde", "2000-01-01", "--hasta", "2000-01-02")), 0)
        tap.eq(w.run("listar", "--tipo", "otro").returncode, 2)
        tap.eq(w.run("listar", "--limite", "0").returncode, 2)


@tap.test("mostrar: input, result, history, verification code, integrity")
def _():
    with Workspace() as w:
        w.run("importar", w.write_lines("a.jsonl", [CUMPLE]))
        p = w.run("mostrar", "1")
        case = json.loads(p.stdout)
        tap.eq(p.returncode, 0)
        tap.eq((case["tipo"], case["estado"], case["resultado"]["resultado"]), ("capacidad", "evaluado", "cumple"))
        tap.eq(case["entrada"]["activo_corriente"], "124.00")
        tap.eq([e["evento"] for e in case["historial"]], ["creado"])
        tap.ok(len(case["codigo_verificacion"]) == 14 and case["codigo_verificacion"][4] == "-",
               case["codigo_verificacion"])
        tap.eq(case["integridad"], "verificada")
        p = w.run("mostrar", "99")
        tap.eq(p.returncode, 2)
        tap.ok("No existe el caso 99" in p.stderr.decode(), p.stderr.decode())


@tap.test("tramitar: requerimiento, subsanación, a second requerimiento refused")
def _():
    with Workspace() as w:
        w.run("importar", w.write_lines("a.jsonl", [INCOMPLETA]))
        p = w.run("tramitar", "1", "emitir_requerimiento")
        tap.eq((p.returncode, json.loads(p.stdout)["estado"]), (0, "requerimiento_emitido"))
        fixed = dict(CUMPLE)
        del fixed["tipo"]
        p = w.run("tramitar", "1", "registrar_subsanacion", w.write_lines("fix.json", [fixed]))
        case = json.loads(p.stdout)
        tap.eq((p.returncode, case["estado"], case["resultado"]["resultado"]), (0, "subsanado", "cumple"))
        p = w.run("tramitar", "1", "emitir_requerimiento")
        tap.eq(p.returncode, 2)
        tap.ok("una vez" in p.stderr.decode(), p.stderr.decode())
        tap.eq([e["evento"] for e in json.loads(w.run("mostrar", "1").stdout)["historial"]],
               ["creado", "emitir_requerimiento", "registrar_subsanacion"])


@tap.test("tramitar anular: needs a reason; the case stays, as anulado")
def _():
    with Workspace() as w:
        w.run("importar", w.write_lines("a.jsonl", [TARIFA]))
        p = w.run("tramitar", "1", "anular")
        tap.eq(p.returncode, 2)
        tap.ok("motivo" in p.stderr.decode(), p.stderr.decode())
        p = w.run("tramitar", "1", "anular", "--motivo", "Radicado por error")
        case = json.loads(p.stdout)
        tap.eq((case["estado"], case["motivo_anulacion"]), ("anulado", "Radicado por error"))
        tap.eq([r["estado"] for r in w.listed()], ["anulado"])


@tap.test("verificar: counts events; an edited verdict is named, exit 3")
def _():
    with Workspace() as w:
        w.run("importar", w.write_lines("a.jsonl", [CUMPLE, INCOMPLETA]))
        w.run("tramitar", "2", "emitir_requerimiento")
        p = w.run("verificar")
        tap.eq((p.returncode, p.stdout.decode()), (0, "integridad verificada: 3 eventos\n"))
        db = sqlite3.connect(w.db)
        db.execute("UPDATE cases SET resultado = 'cumple' WHERE id = 2")
        db.commit()
        db.close()
        p = w.run("verificar")
        tap.eq(p.returncode, 3)
        tap.ok("caso 2" in p.stdout.decode(), p.stdout.decode())


@tap.test("verificar: a deleted event is found, exit 3")
def _():
    with Workspace() as w:
        w.run("importar", w.write_lines("a.jsonl", [CUMPLE, INCOMPLETA, TARIFA]))
        db = sqlite3.connect(w.db)
        db.executescript("DROP TRIGGER events_append_only_delete; DELETE FROM events WHERE seq = 2;")
        db.close()
        p = w.run("verificar")
        tap.eq(p.returncode, 3)
        tap.ok("evento 3" in p.stdout.decode(), p.stdout.decode())


@tap.test("verificar --codigo: current code 0, superseded or unknown code 3")
def _():
    with Workspace() as w:
        w.run("importar", w.write_lines("a.jsonl", [INCOMPLETA]))
        code = json.loads(w.run("mostrar", "1").stdout)["codigo_verificacion"]
        p = w.run("verificar", "--codigo", code.lower().replace("-", " "))
        tap.eq(p.returncode, 0)
        tap.ok("caso 1" in p.stdout.decode() and "coincide" in p.stdout.decode(), p.stdout.decode())
        w.run("tramitar", "1", "emitir_requerimiento")
        p = w.run("verificar", "--codigo", code)
        tap.eq(p.returncode, 3)
        tap.ok("versión anterior" in p.stdout.decode(), p.stdout.decode())
        tap.eq(w.run("verificar", "--codigo", "0000-0000-0000").returncode, 3)
        tap.eq(w.run("verificar", "--codigo", "hola").returncode, 3)


@tap.test("default database in the user's data dir, created private")
def _():
    with Workspace() as w:
        env = dict(os.environ, XDG_DATA_HOME=w.path("datos"), EVALUADOR_MINERO_EVALUADOR="Ana")
        p = w.run("importar", w.write_lines("a.jsonl", [TARIFA]), db=False, env=env)
        tap.eq(p.returncode, 0)
        path = w.path("datos/evaluador-minero/casos.sqlite")
        tap.eq(os.stat(path).st_mode & 0o777, 0o600)
        tap.eq(len(w.run("listar", db=False, env=env).stdout.decode().splitlines()), 1)


@tap.test("a corrupt file: clear Spanish error, never modified")
def _():
    with Workspace() as w:
        with open(w.db, "wb") as f:
            f.write(b"SQLite format 3\x00" + os.urandom(4080))
        before = digest(w.db)
        p = w.run("listar")
        tap.eq((p.returncode, p.stdout), (2, b""))
        tap.ok("dañado" in p.stderr.decode(), p.stderr.decode())
        tap.eq(digest(w.db), before)
        tap.ok(not os.path.exists(w.db + "-wal"), "no -wal file")


@tap.test("a read-only file: clear Spanish error, never modified")
def _():
    if os.geteuid() != 0 or not shutil.which("setpriv"):
        tap.ok(True, "skipped")
        return
    with Workspace() as w:
        w.run("importar", w.write_lines("a.jsonl", [CUMPLE]))
        w.run("verificar")
        os.chmod(w.dir, 0o755)
        os.chmod(w.db, 0o644)
        lines = w.write_lines("b.jsonl", [TARIFA])
        os.chmod(lines, 0o644)
        before = digest(w.db)
        p = subprocess.run(["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups",
                            CLI, "casos", "--db", w.db, "--evaluador", "X", "importar", lines],
                           capture_output=True, timeout=60)
        tap.eq((p.returncode, p.stdout), (2, b""))
        tap.ok("solo lectura" in p.stderr.decode(), p.stderr.decode())
        tap.eq(digest(w.db), before)


def count_and_check(path):
    db = sqlite3.connect(path)
    integrity = db.execute("PRAGMA integrity_check").fetchone()[0]
    count = db.execute("SELECT count(*) FROM cases").fetchone()[0]
    db.close()
    return integrity, count


@tap.test("importar killed with SIGKILL at random moments: nothing or everything, database intact")
def _():
    with Workspace() as w:
        lines = w.write_lines("big.jsonl", [dict(CUMPLE, nombre=f"Solicitante {i}") for i in range(20000)])
        rng = random.Random(20261121)
        outcomes = set()
        for trial in range(4):
            before = count_and_check(w.db)[1] if os.path.exists(w.db) else 0
            proc = subprocess.Popen([CLI, "casos", "--db", w.db, "--evaluador", "Ana", "importar", lines],
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(rng.uniform(0.05, 0.6))
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            integrity, after = count_and_check(w.db)
            tap.eq(integrity, "ok")
            tap.ok(after in (before, before + 20000), f"trial {trial}: {before} → {after}")
            outcomes.add(after - before)
        tap.eq(w.run("verificar").returncode, 0)


@tap.test("importar beyond one search-index batch: every case found; a failed import leaves the index as it was")
def _():
    with Workspace() as w:
        lines = [dict(CUMPLE, nombre=f"Solicitante {i}", numero_documento=str(10**8 + i)) for i in range(20000)]
        p = w.run("importar", w.write_lines("a.jsonl", lines[:19000] + ["no es json"] + lines[19000:]))
        tap.eq((p.returncode, json.loads(p.stdout)["importados"]), (1, 0))
        p = w.run("importar", w.write_lines("b.jsonl", lines))
        tap.eq((p.returncode, json.loads(p.stdout)["importados"]), (0, 20000))
        db = sqlite3.connect(w.db)
        db.execute("INSERT INTO cases_fts (cases_fts) VALUES ('integrity-check')")
        tap.eq(db.execute("SELECT count(*) FROM cases_fts_docsize").fetchone()[0], 20000)
        db.close()
        tap.eq(len(w.listed("--buscar", "solicitante", "--limite", "30000")), 20000)
        for i in (0, 16383, 16384, 19999):
            tap.eq([r["nombre"] for r in w.listed("--buscar", str(10**8 + i))], [f"Solicitante {i}"])


@tap.test("two processes importing at once both succeed")
def _():
    with Workspace() as w:
        lines = w.write_lines("a.jsonl", [dict(CUMPLE, nombre=f"P {i}") for i in range(300)])
        procs = [subprocess.Popen([CLI, "casos", "--db", w.db, "--evaluador", "Ana", "importar", lines],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(2)]
        results = [p.communicate(timeout=120) for p in procs]
        codes = [p.returncode for p in procs]
        tap.ok(codes == [0, 0], f"{codes}: {[err.decode() for _, err in results]}")
        tap.eq(count_and_check(w.db), ("ok", 600))
        p = w.run("verificar")
        tap.eq((p.returncode, p.stdout.decode()), (0, "integridad verificada: 600 eventos\n"))


@tap.test("ayuda and usage errors")
def _():
    with Workspace() as w:
        p = w.run("--ayuda")
        tap.eq(p.returncode, 0)
        tap.ok("importar [--parcial] ENTRADA" in p.stdout.decode(), "documents importar")
        tap.eq(w.run("borrar").returncode, 2)
        tap.eq(w.run("mostrar").returncode, 2)
        tap.eq(w.run("mostrar", "abc").returncode, 2)


tap.run()
