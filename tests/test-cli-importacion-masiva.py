#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A large import with one bad line in the middle (issue 8), in the slow
suite («lento»): all or nothing refuses it whole and leaves the database as
it was; --parcial stores every other line, and the history verifies.

The number of lines is EM_LINEAS_MASIVAS (100,000 by default, so that CI
stays within its time; 1,000,000 is the size of the issue and takes a few
minutes at today's import speed).

Usage: test-cli-importacion-masiva.py PATH-TO-CLI   (prints TAP)"""
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from taplib import Tap  # noqa: E402

CLI = sys.argv[1]
LINES = int(os.environ.get("EM_LINEAS_MASIVAS", "100000"))
BAD = LINES // 2 + 1
tap = Tap()
work = tempfile.mkdtemp(prefix="em-masiva-")
db = os.path.join(work, "casos.sqlite")
lines = os.path.join(work, "casos.jsonl")


def run(*args):
    started = time.monotonic()
    p = subprocess.run([CLI, "casos", "--db", db, "--evaluador", "Ana Gómez", *args], capture_output=True,
                       timeout=3600)
    print(f"# casos {' '.join(args[:2])}: {time.monotonic() - started:.1f} s", flush=True)
    return p


def digest(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def count():
    with sqlite3.connect(db) as connection:
        return connection.execute("SELECT count(*) FROM cases").fetchone()[0]


def write_lines():
    with open(lines, "w", encoding="utf-8") as f:
        for i in range(1, LINES + 1):
            if i == BAD:
                o = {"tipo": "capacidad", "regimen": "comun", "pasivo_corriente": "-1"}
            elif i % 3:
                o = {"tipo": "capacidad", "regimen": "comun", "nombre": f"Comercializadora {i} S.A.S.",
                     "numero_documento": str(900000000 + i), "activo_corriente": str(100 + i % 50),
                     "pasivo_corriente": "100", "activo_total": "1000", "pasivo_total": "610",
                     "ingresos_operacionales": "600"}
            else:
                o = {"tipo": "tarifa", "etapa": "exploracion", "area_hectareas": str(1 + i % 9000),
                     "expediente": f"EXP-{i}", "titular": f"Titular {i}"}
            f.write(json.dumps(o, ensure_ascii=False) + "\n")


@tap.test(f"all or nothing: {LINES:,} lines with a bad one at line {BAD:,} store nothing, the file unchanged")
def _():
    write_lines()
    p = run("importar", "-")          # creates the database, with nothing in it
    tap.eq(p.returncode, 0)
    before = digest(db)
    p = run("importar", lines)
    out = json.loads(p.stdout)
    tap.eq((p.returncode, out["importados"]), (1, 0))
    tap.eq([(e["linea"], e["campo"]) for e in out["errores"]], [(BAD, "pasivo_corriente")])
    tap.eq(count(), 0)
    tap.eq(digest(db), before)


@tap.test(f"--parcial: the other {LINES - 1:,} lines are stored, the bad one reported, the history verifies")
def _():
    p = run("importar", "--parcial", lines)
    out = json.loads(p.stdout)
    tap.eq((p.returncode, out["importados"], [e["linea"] for e in out["errores"]]), (1, LINES - 1, [BAD]))
    tap.eq(count(), LINES - 1)
    p = run("verificar")
    tap.eq((p.returncode, p.stdout.decode()), (0, f"integridad verificada: {LINES - 1} eventos\n"))


try:
    tap.run()
finally:
    shutil.rmtree(work, ignore_errors=True)
