#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End-to-end tests of `evaluador-minero-cli casos exportar`, `importar-paquete`
and `exportar-csv`: cases moved between two laptops (two databases, A and B),
and the case list for spreadsheets.

Usage: test-cli-casos-paquete.py PATH-TO-CLI   (prints TAP)"""
import csv
import io
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from taplib import Tap  # noqa: E402

CLI = os.path.abspath(sys.argv[1])
tap = Tap()

CUMPLE = {"tipo": "capacidad", "regimen": "comun", "nombre": 'Minerales; "Ñandú" S.A.S.',
          "numero_documento": "900123456", "activo_corriente": "124", "pasivo_corriente": "100",
          "activo_total": "1000", "pasivo_total": "610", "ingresos_operacionales": "600"}
INCOMPLETA = {"tipo": "capacidad", "regimen": "comun", "nombre": "=HYPERLINK(\"http://x\")",
              "numero_documento": "800555111", "activo_corriente": "124"}
TARIFA = {"tipo": "tarifa", "etapa": "explotacion", "grupo_mineral": "carbon", "sistema": "subterraneo",
          "produccion_anual": "500000", "nivel_cumplimiento": "bajo", "medida_seguridad": "cierre",
          "levantamiento_medida": True, "expediente": "HJK-08231", "titular": "Carbones de Boyacá"}
HEADER = ["Número", "Tipo", "Nombre o titular", "Documento o expediente", "Resultado", "Tarifa",
          "Estado", "Evaluador", "Creado"]


class Laptops:
    """Two case databases in a temporary folder."""

    def __init__(self):
        self.dir = tempfile.mkdtemp(prefix="em-paquete-")

    def path(self, name):
        return os.path.join(self.dir, name)

    def run(self, db, *args, stdin=b"", env=None):
        environment = dict(os.environ, EVALUADOR_MINERO_EVALUADOR="Ana Gómez", **(env or {}))
        return subprocess.run([CLI, "casos", "--db", self.path(db + ".sqlite"), *args], input=stdin,
                              capture_output=True, timeout=120, env=environment, cwd=self.dir)

    def seed(self, db="a", objects=(CUMPLE, INCOMPLETA, TARIFA)):
        lines = self.path("casos.jsonl")
        with open(lines, "w", encoding="utf-8") as f:
            for o in objects:
                f.write(json.dumps(o, ensure_ascii=False) + "\n")
        p = self.run(db, "importar", lines)
        tap.eq(p.returncode, 0)

    def export(self, db="a", name="paquete.json"):
        p = self.run(db, "exportar", self.path(name))
        tap.eq((p.returncode, p.stderr), (0, b""))
        return self.path(name)

    def listed(self, db):
        p = self.run(db, "listar")
        return [json.loads(line) for line in p.stdout.decode().splitlines()]

    def sql(self, db, statement):
        with sqlite3.connect(self.path(db + ".sqlite")) as connection:
            connection.execute(statement)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        shutil.rmtree(self.dir, ignore_errors=True)


def summary(p):
    return p.returncode, json.loads(p.stdout)


def edited_bundle(path, edit):
    with open(path, encoding="utf-8") as f:
        bundle = json.load(f)
    edit(bundle)
    with open(path, "w", encoding="utf-8") as f:
        json.dump(bundle, f, ensure_ascii=False)
    return path


def read_csv(path):
    with open(path, "rb") as f:
        data = f.read()
    return data, list(csv.reader(io.StringIO(data[3:].decode("utf-8"), newline=""), delimiter=";"))


# ---- exportar / importar-paquete -------------------------------------------

@tap.test("exportar writes every case; importar-paquete brings them to B identical, exit 0")
def _():
    with Laptops() as w:
        w.seed()
        p = w.run("a", "exportar", w.path("paquete.json"))
        tap.eq(summary(p), (0, {"exportados": 3}))
        p = w.run("b", "importar-paquete", w.path("paquete.json"))
        tap.eq(summary(p), (0, {"nuevos": 3, "actualizados": 0, "sin_cambios": 0}))
        tap.eq(w.listed("b"), w.listed("a"))
        a = json.loads(w.run("a", "mostrar", "1").stdout)
        b = json.loads(w.run("b", "mostrar", "1").stdout)
        tap.eq((b["entrada"], b["resultado"], b["codigo_verificacion"]),
               (a["entrada"], a["resultado"], a["codigo_verificacion"]))
        tap.eq(b["historial"][:1], a["historial"])
        tap.eq(b["historial"][1]["evento"], "importado")
        p = w.run("b", "verificar")
        tap.eq((p.returncode, p.stdout.decode()), (0, "integridad verificada: 6 eventos\n"))


@tap.test("exporting into a pipe or a device writes through it and never replaces it")
def _():
    import stat
    import threading
    with Laptops() as l:
        l.seed()
        fifo = l.path("tuberia")
        os.mkfifo(fifo)
        received = []
        reader = threading.Thread(target=lambda: received.append(open(fifo, "rb").read()))
        reader.start()
        p = l.run("a", "exportar-csv", fifo)
        reader.join(timeout=60)
        tap.eq(p.returncode, 0)
        tap.ok(stat.S_ISFIFO(os.stat(fifo).st_mode), "the pipe is still a pipe")
        tap.ok(received and received[0].startswith(b"\xef\xbb\xbf"), "the CSV went through the pipe")
        tap.eq([name for name in os.listdir(l.dir) if name.startswith(".")], [])


@tap.test("importing the same bundle twice stores nothing twice")
def _():
    with Laptops() as w:
        w.seed()
        bundle = w.export()
        w.run("b", "importar-paquete", bundle)
        p = w.run("b", "importar-paquete", bundle)
        tap.eq(summary(p), (0, {"nuevos": 0, "actualizados": 0, "sin_cambios": 3}))
        tap.eq(len(w.listed("b")), 3)
        tap.eq(w.run("b", "verificar").stdout.decode(), "integridad verificada: 6 eventos\n")


@tap.test("exportar - writes the bundle on stdout; importar-paquete - reads it from stdin")
def _():
    with Laptops() as w:
        w.seed()
        p = w.run("a", "exportar", "-")
        tap.eq((p.returncode, p.stderr), (0, b""))
        bundle = json.loads(p.stdout)
        tap.eq((bundle["formato"], bundle["version"], bundle["total"], len(bundle["casos"])),
               ("evaluador-minero-paquete", 1, 3, 3))
        tap.ok(isinstance(bundle["casos"][0]["caso"]["entrada"], str), "entrada travels as a JSON string")
        p = w.run("b", "importar-paquete", "-", stdin=p.stdout)
        tap.eq(summary(p), (0, {"nuevos": 3, "actualizados": 0, "sin_cambios": 0}))


@tap.test("exportar follows the filters of listar")
def _():
    with Laptops() as w:
        w.seed()
        p = w.run("a", "exportar", w.path("t.json"), "--tipo", "tarifa")
        tap.eq(summary(p), (0, {"exportados": 1}))
        p = w.run("b", "importar-paquete", w.path("t.json"))
        tap.eq(summary(p)[1]["nuevos"], 1)
        tap.eq([r["tipo"] for r in w.listed("b")], ["tarifa"])


@tap.test("a case carried further on A extends it on B")
def _():
    with Laptops() as w:
        w.seed()
        w.run("b", "importar-paquete", w.export())
        p = w.run("a", "tramitar", "2", "emitir_requerimiento")
        tap.eq(p.returncode, 0)
        p = w.run("b", "importar-paquete", w.export(name="segundo.json"))
        tap.eq(summary(p), (0, {"nuevos": 0, "actualizados": 1, "sin_cambios": 2}))
        b = json.loads(w.run("b", "mostrar", "2").stdout)
        tap.eq(b["estado"], "requerimiento_emitido")
        tap.eq(w.run("b", "verificar").returncode, 0)


@tap.test("a case changed on both laptops: refused, nothing stored, exit 2")
def _():
    with Laptops() as w:
        w.seed()
        w.run("b", "importar-paquete", w.export())
        w.run("a", "tramitar", "2", "emitir_requerimiento")
        w.run("b", "tramitar", "2", "anular", "--motivo", "Desistió")
        w.seed("a", [TARIFA])                      # new on A: must not arrive either
        p = w.run("b", "importar-paquete", w.export(name="segundo.json"))
        tap.eq((p.returncode, p.stdout), (2, b""))
        tap.ok("cambió en los dos equipos" in p.stderr.decode(), p.stderr.decode())
        tap.ok("no se guardó nada" in p.stderr.decode(), p.stderr.decode())
        tap.eq(len(w.listed("b")), 3)
        tap.eq(json.loads(w.run("b", "mostrar", "2").stdout)["estado"], "anulado")


@tap.test("a tampered bundle is refused naming the case, nothing stored, exit 3")
def _():
    with Laptops() as w:
        w.seed()
        bundle = w.export()
        uuid = json.load(open(bundle, encoding="utf-8"))["casos"][1]["caso"]["uuid"]

        def edit(b):
            b["casos"][1]["caso"]["resultado"] = "cumple"
        p = w.run("b", "importar-paquete", edited_bundle(bundle, edit))
        tap.eq((p.returncode, p.stdout), (3, b""))
        message = p.stderr.decode()
        tap.ok(uuid in message and "n.º 2 del paquete" in message, message)
        tap.eq(w.listed("b"), [])


@tap.test("a bundle with a deleted event is refused naming the event, exit 3")
def _():
    with Laptops() as w:
        w.seed()
        w.run("a", "tramitar", "2", "emitir_requerimiento")
        bundle = w.export()

        def edit(b):
            del b["casos"][1]["eventos"][0]
        p = w.run("b", "importar-paquete", edited_bundle(bundle, edit))
        tap.eq(p.returncode, 3)
        tap.ok("en el evento 1" in p.stderr.decode(), p.stderr.decode())
        tap.eq(w.listed("b"), [])


@tap.test("a truncated bundle is refused with a clear message, nothing stored, exit 2")
def _():
    with Laptops() as w:
        w.seed()
        bundle = w.export()
        with open(bundle, "rb") as f:
            data = f.read()
        p = w.run("b", "importar-paquete", "-", stdin=data[: len(data) * 2 // 3])
        tap.eq((p.returncode, p.stdout), (2, b""))
        tap.ok("incompleto" in p.stderr.decode(), p.stderr.decode())
        tap.eq(w.listed("b"), [])


@tap.test("a file that is not a bundle (a JSON Lines import) is refused, exit 2")
def _():
    with Laptops() as w:
        w.seed()
        p = w.run("b", "importar-paquete", w.path("casos.jsonl"))
        tap.eq(p.returncode, 2)
        tap.ok("no es un paquete de casos" in p.stderr.decode(), p.stderr.decode())


@tap.test("a failed export leaves neither half a file nor a temporary, and keeps the old file")
def _():
    with Laptops() as w:
        w.seed()
        old = w.path("viejo.json")
        with open(old, "w") as f:
            f.write("paquete anterior")
        w.sql("a", "UPDATE cases SET nombre = 'Otro nombre' WHERE id = 2")
        p = w.run("a", "exportar", old)
        tap.eq((p.returncode, p.stdout), (3, b""))
        tap.ok("caso 2" in p.stderr.decode(), p.stderr.decode())
        with open(old) as f:
            tap.eq(f.read(), "paquete anterior")
        p = w.run("a", "exportar", w.path("nuevo.json"))
        tap.eq(p.returncode, 3)
        tap.eq(sorted(n for n in os.listdir(w.dir) if not n.startswith("a.sqlite")),
               ["casos.jsonl", "viejo.json"])


@tap.test("exports are private files (mode 0600): they hold personal financial data")
def _():
    with Laptops() as w:
        w.seed()
        tap.eq(os.stat(w.export()).st_mode & 0o777, 0o600)
        w.run("a", "exportar-csv", w.path("lista.csv"))
        tap.eq(os.stat(w.path("lista.csv")).st_mode & 0o777, 0o600)


@tap.test("usage errors: missing SALIDA, extra argument, unknown filter values, bad dates (exit 2)")
def _():
    with Laptops() as w:
        for args in (["exportar"], ["exportar", "x.json", "y.json"], ["importar-paquete"],
                     ["exportar-csv", "x.csv", "--resultado", "aprobado"],
                     ["exportar-csv", "x.csv", "--tipo", "regalias"],
                     ["exportar-csv", "x.csv", "--desde", "2024-13-01"],
                     ["exportar", "x.json", "--estado", "aprobado"]):
            p = w.run("a", *args)
            tap.eq((args, p.returncode, p.stdout), (args, 2, b""))
            tap.ok(b"--ayuda" in p.stderr, p.stderr.decode())      # a usage error, caught up front
        tap.ok(not os.path.exists(w.path("x.csv")) and not os.path.exists(w.path("x.json")), "no output")


# ---- exportar-csv ------------------------------------------------------------

@tap.test("exportar-csv: UTF-8 with BOM, ';', CRLF, Spanish headers and words, exit 0")
def _():
    with Laptops() as w:
        w.seed()
        p = w.run("a", "exportar-csv", w.path("lista.csv"))
        tap.eq(summary(p), (0, {"filas": 3}))
        data, rows = read_csv(w.path("lista.csv"))
        tap.ok(data.startswith(b"\xef\xbb\xbf"), data[:10])
        tap.eq(data.count(b"\r\n"), 4)
        tap.eq(data.replace(b"\r\n", b"").count(b"\n"), 0)
        tap.eq(rows[0], HEADER)
        tap.eq([r[0] for r in rows[1:]], ["3", "2", "1"])
        tap.eq([r[1] for r in rows[1:]], ["Tarifa de inspección", "Capacidad económica", "Capacidad económica"])
        tap.eq([r[4] for r in rows[1:]], ["", "INFORMACIÓN INCOMPLETA", "CUMPLE"])
        tap.eq([r[6] for r in rows[1:]], ["Evaluado"] * 3)
        tap.eq([r[7] for r in rows[1:]], ["Ana Gómez"] * 3)
        tap.eq(rows[1][3], "HJK-08231")


@tap.test("exportar-csv: a name with ';' and '\"' is quoted with doubled quotes")
def _():
    with Laptops() as w:
        w.seed()
        w.run("a", "exportar-csv", w.path("lista.csv"))
        data, rows = read_csv(w.path("lista.csv"))
        tap.ok(';"Minerales; ""Ñandú"" S.A.S.";'.encode() in data, data)
        tap.eq(rows[3][2], 'Minerales; "Ñandú" S.A.S.')


@tap.test("exportar-csv: the tariff in whole pesos, Colombian form 1.234.567, no '$'")
def _():
    with Laptops() as w:
        w.seed()
        tariff = [r for r in w.listed("a") if r["tipo"] == "tarifa"][0]["tarifa"]
        tap.ok(tariff.isdigit() and len(tariff) >= 7, tariff)
        w.run("a", "exportar-csv", w.path("lista.csv"))
        _, rows = read_csv(w.path("lista.csv"))
        tap.eq(rows[1][5], f"{int(tariff):,}".replace(",", "."))
        tap.eq([r[5] for r in rows[2:]], ["", ""])


@tap.test("exportar-csv: a name that starts a formula gets a leading apostrophe")
def _():
    with Laptops() as w:
        w.seed()
        w.run("a", "exportar-csv", w.path("lista.csv"))
        _, rows = read_csv(w.path("lista.csv"))
        tap.eq(rows[2][2], "'=HYPERLINK(\"http://x\")")


@tap.test("exportar-csv: dates as DD/MM/AAAA HH:MM in the official's local time")
def _():
    with Laptops() as w:
        w.seed("a", [CUMPLE])
        w.sql("a", "UPDATE cases SET creado = '2024-03-05T02:30:00Z'")
        w.run("a", "exportar-csv", w.path("utc.csv"))
        w.run("a", "exportar-csv", w.path("bogota.csv"), env={"TZ": "America/Bogota"})
        tap.eq(read_csv(w.path("utc.csv"))[1][1][8], "05/03/2024 02:30")
        tap.eq(read_csv(w.path("bogota.csv"))[1][1][8], "04/03/2024 21:30")


@tap.test("exportar-csv: filters of listar, and '-' writes to stdout")
def _():
    with Laptops() as w:
        w.seed()
        p = w.run("a", "exportar-csv", "-", "--tipo", "capacidad", "--resultado", "cumple")
        tap.eq((p.returncode, p.stderr), (0, b""))
        rows = list(csv.reader(io.StringIO(p.stdout[3:].decode(), newline=""), delimiter=";"))
        tap.eq(len(rows), 2)
        tap.eq(rows[1][4], "CUMPLE")
        p = w.run("a", "exportar-csv", w.path("nada.csv"), "--buscar", "inexistente")
        tap.eq(summary(p), (0, {"filas": 0}))


tap.run()
