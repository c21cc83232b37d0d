#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Overflow and limits, end to end (issue 8): amounts and quantities at the
edges of their ranges, names of 10,000 characters, bytes that are not
UTF-8 in every input (and in a database changed by another program),
unusual characters in the CSV, and JSON nested 10,000 and 1,000,000 deep in
every reader.

Usage: test-cli-limites.py PATH-TO-CLI   (prints TAP)"""
import csv
import io
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
SOURCE = os.environ.get("EM_SOURCE_ROOT", os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
tap = Tap()

MAX = "1000000000000000"
COMUN = {"regimen": "comun", "activo_corriente": "124", "pasivo_corriente": "100", "activo_total": "1000",
         "pasivo_total": "610", "ingresos_operacionales": "600"}
COMUN_MAX = {"regimen": "comun", "activo_corriente": MAX, "pasivo_corriente": "0.01", "activo_total": MAX,
             "pasivo_total": MAX, "ingresos_operacionales": MAX}
SIMPLIFICADO_MAX = {"regimen": "simplificado", "ingresos_ultimo_ano": MAX, "saldo_promedio": MAX,
                    "cuentas_por_cobrar": MAX, "inventario": MAX, "cuentas_por_pagar": "0"}
EXPLOTACION_MAX = {"etapa": "explotacion", "grupo_mineral": "metales_preciosos", "sistema": "subterraneo",
                   "produccion_anual": "1000000000000", "pin": True, "numero_inspeccion": 1000,
                   "nivel_cumplimiento": "bajo", "medida_seguridad": "cierre"}
TARIFA = {"etapa": "exploracion", "area_hectareas": "100", "expediente": "HJK-08231", "titular": "Carbones"}


def run(*args, stdin=b"", env=None, timeout=120):
    environment = dict(os.environ, EVALUADOR_MINERO_EVALUADOR="Ana Gómez", **(env or {}))
    if isinstance(stdin, str):
        stdin = stdin.encode()
    return subprocess.run([CLI, *args], input=stdin, capture_output=True, timeout=timeout, env=environment)


def clean_stderr(p, what):
    err = p.stderr.decode("utf-8", "replace")
    tap.ok("WARNING" not in err and "CRITICAL" not in err and "Sanitizer" not in err, f"{what}: {err}")
    tap.ok(is_utf8(p.stderr) and is_utf8(p.stdout), f"{what}: output is not UTF-8")
    return err


def is_utf8(data):
    try:
        data.decode("utf-8")
        return True
    except UnicodeDecodeError:
        return False


def refused(p, field, words, what):
    err = clean_stderr(p, what)
    tap.ok(p.returncode == 2 and p.stdout == b"", f"{what}: exit {p.returncode}, {p.stdout[:200]!r}, {err}")
    if field:
        tap.ok(f"campo «{field}»" in err, f"{what}: field {field} not named in {err!r}")
    tap.ok(words in err, f"{what}: «{words}» not in {err!r}")


def line(obj, **extra):
    return json.dumps(dict(obj, **extra), ensure_ascii=False)


class Workspace:
    def __init__(self):
        self.dir = tempfile.mkdtemp(prefix="em-limites-")
        self.db = self.path("casos.sqlite")

    def path(self, name):
        return os.path.join(self.dir, name)

    def write(self, name, data):
        with open(self.path(name), "wb") as f:
            f.write(data if isinstance(data, bytes) else data.encode())
        return self.path(name)

    def casos(self, *args, db=None, **kw):
        return run("casos", "--db", db or self.db, *args, **kw)

    def listed(self, db=None):
        p = self.casos("listar", db=db)
        tap.eq(p.returncode, 0)
        return [json.loads(x) for x in p.stdout.decode().splitlines()]

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        shutil.rmtree(self.dir, ignore_errors=True)


# ---- amounts and quantities at the limits ----------------------------------

@tap.test("10^15 pesos is read exactly in every written form; one centavo more is refused naming the field")
def _():
    for form in (f'"{MAX}"', f'"{MAX}.00"', MAX, "1e15", "1.000000000000000E+15", "100000000000000000e-2"):
        p = run("capacidad", stdin=json.dumps(COMUN_MAX).replace(f'"{MAX}"', form))
        tap.eq((form, p.returncode, clean_stderr(p, form)), (form, 0, ""))
        out = json.loads(p.stdout)
        tap.eq(out["resultado"], "no_cumple")          # endeudamiento: 10^15 / 10^15 = 1 > 0.61
        tap.eq([i["valor"] for i in out["indicadores"]],
               ["100000000000000000.0000", "1.0000", "1.0000"])
    for field in ("activo_corriente", "pasivo_corriente", "activo_total", "pasivo_total", "ingresos_operacionales"):
        for over in ('"1000000000000000.01"', "1000000000000000.01", "1.00000000000000001e15", '"99999999999999999999"'):
            p = run("capacidad", stdin=json.dumps(COMUN_MAX).replace(f'"{field}": "{COMUN_MAX[field]}"',
                                                                     f'"{field}": {over}'))
            refused(p, field, "máximo", f"{field} = {over}")


@tap.test("simplificado at 10^15 pesos everywhere: KTNO and cobertura exact, no overflow")
def _():
    p = run("capacidad", stdin=json.dumps(SIMPLIFICADO_MAX))
    tap.eq((p.returncode, clean_stderr(p, "simplificado")), (0, ""))
    out = json.loads(p.stdout)
    tap.ok(out["ktno"] is not None and out["resultado"] in ("cumple", "no_cumple"), out)


@tap.test("tariff quantities at their limits (10^12, inspection 1000); beyond them refused naming the field")
def _():
    for stage in (dict(TARIFA, area_hectareas="10000"), EXPLOTACION_MAX,
                  dict(EXPLOTACION_MAX, produccion_anual=1e12, sistema="arrastre", grupo_mineral="carbon")):
        p = run("tarifa", stdin=json.dumps(stage))
        tap.eq((p.returncode, clean_stderr(p, "tarifa")), (0, ""))
        out = json.loads(p.stdout)
        tap.ok(int(out["valor_inspeccion"]) > 0 and out["clasificacion"] == "gran", out)
    for field, value, words in (("area_hectareas", '"1000000000000"', "no tiene clase"),
                                ("area_hectareas", '"1000000000000.000001"', "máximo"),
                                ("area_hectareas", "1e13", "máximo"),
                                ("produccion_anual", '"1000000000001"', "máximo"),
                                ("numero_inspeccion", "1001", ""), ("numero_inspeccion", "0", "")):
        base = dict(TARIFA) if field == "area_hectareas" else dict(EXPLOTACION_MAX)
        base.pop(field, None)
        text = json.dumps(base)[:-1] + f', "{field}": {value}}}'
        refused(run("tarifa", stdin=text), field, words, f"{field} = {value}")


@tap.test("cases at the limits are stored, listed, shown, exported and printed exactly")
def _():
    with Workspace() as w:
        lines = "\n".join([line(COMUN_MAX, tipo="capacidad", nombre="Máximo"),
                           line(EXPLOTACION_MAX, tipo="tarifa", titular="Máxima"),
                           line(SIMPLIFICADO_MAX, tipo="capacidad", nombre="KTNO de 2 × 10^15")]) + "\n"
        p = w.casos("importar", "-", stdin=lines)
        tap.eq((p.returncode, clean_stderr(p, "importar")), (0, ""))
        shown = json.loads(w.casos("mostrar", "1").stdout)
        tap.eq(shown["entrada"]["activo_corriente"], MAX + ".00")
        tariff = json.loads(w.casos("mostrar", "2").stdout)["resultado"]["tarifa"]
        tap.eq(w.listed()[1]["tarifa"], tariff)
        p = w.casos("exportar-csv", "-")
        tap.eq(p.returncode, 0)
        tap.ok(f"{int(tariff):,}".replace(",", ".") in p.stdout.decode("utf-8-sig"), (tariff, p.stdout))
        for case in ("1", "2", "3"):
            p = run("informe", "--db", w.db, "--caso", case, "--pdf", w.path(f"caso{case}.pdf"))
            tap.eq((p.returncode, clean_stderr(p, "informe")), (0, ""))
        if shutil.which("pdftotext"):
            # Each amount on one line (it was broken in two: «1.000.000.000.000.00» / «0,00»), and a
            # KTNO beyond $ 10^15 in Colombian form (it was «2000000000000000.00»).
            text = subprocess.run(["pdftotext", w.path("caso1.pdf"), "-"], capture_output=True).stdout.decode()
            tap.ok(text.count("$ 1.000.000.000.000.000,00") == 4, text)
            tap.ok("\n100000000000000000,0000\n" in text, text)     # the liquidez, on one line
            text = subprocess.run(["pdftotext", w.path("caso3.pdf"), "-"], capture_output=True).stdout.decode()
            tap.ok("$ 2.000.000.000.000.000,00" in text, text)


# ---- names of 10,000 characters --------------------------------------------

LONG_NAME = ("Ñandú 🙂 Comercializadora de Oro y Plata del Río Cauca S.A.S. — " * 200)[:10000]


@tap.test("a name of 10,000 characters is stored, listed, shown, exported, printed and travels")
def _():
    tap.eq(len(LONG_NAME), 10000)
    with Workspace() as w:
        p = w.casos("importar", "-", stdin=line(COMUN, tipo="capacidad", nombre=LONG_NAME) + "\n")
        tap.eq((p.returncode, clean_stderr(p, "importar")), (0, ""))
        tap.eq(w.listed()[0]["nombre"], LONG_NAME)
        tap.eq(w.listed()[0]["nombre"], LONG_NAME)
        tap.eq(json.loads(w.casos("mostrar", "1").stdout)["entrada"]["nombre"], LONG_NAME)
        tap.eq(len(w.casos("listar", "--buscar", "Ñandú Cauca").stdout.splitlines()), 1)
        p = w.casos("exportar-csv", "-")
        rows = list(csv.reader(io.StringIO(p.stdout.decode("utf-8-sig"), newline=""), delimiter=";"))
        tap.eq(rows[1][2], LONG_NAME)
        p = run("informe", "--db", w.db, "--caso", "1", "--pdf", w.path("caso.pdf"))
        tap.eq((p.returncode, clean_stderr(p, "informe")), (0, ""))
        p = run("informe", "--db", w.db, "--desde", "2000-01-01", "--hasta", "2999-12-31", "--pdf", w.path("p.pdf"))
        tap.eq((p.returncode, clean_stderr(p, "informe periódico")), (0, ""))
        tap.eq(w.casos("exportar", w.path("paquete.json")).returncode, 0)
        p = w.casos("importar-paquete", w.path("paquete.json"), db=w.path("otro.sqlite"))
        tap.eq((p.returncode, clean_stderr(p, "importar-paquete")), (0, ""))
        tap.eq(w.listed(db=w.path("otro.sqlite"))[0]["nombre"], LONG_NAME)


@tap.test("a text of 10,001 characters is refused naming the field; so are a long evaluator or reason")
def _():
    with Workspace() as w:
        p = w.casos("importar", "-", stdin=line(TARIFA, tipo="tarifa", titular=LONG_NAME + "x") + "\n")
        out = json.loads(p.stdout)
        tap.eq((p.returncode, out["importados"], out["errores"][0]["campo"]), (1, 0, "titular"))
        tap.ok("10.000 caracteres" in out["errores"][0]["mensaje"], out)
        p = run("capacidad", stdin=line(COMUN, radicado="1" * 10001))
        refused(p, "radicado", "10.000 caracteres", "radicado")
        p = w.casos("--evaluador", "A" * 10001, "importar", "-", stdin=line(TARIFA, tipo="tarifa") + "\n")
        refused(p, None, "El nombre del evaluador no es válido", "evaluador")
        tap.eq(w.casos("importar", "-", stdin=line(TARIFA, tipo="tarifa") + "\n").returncode, 0)
        p = w.casos("tramitar", "1", "anular", "--motivo", "m" * 10001)
        refused(p, None, "El motivo no es válido", "motivo")
        tap.eq(w.listed()[0]["estado"], "evaluado")


# ---- bytes that are not UTF-8 ----------------------------------------------

BAD = b"\xff\xfeN\xe1ndu\xc3"


def with_bad_bytes(obj, field):
    return json.dumps(dict(obj, **{field: "@@"}), ensure_ascii=False).encode().replace(b"@@", BAD)


@tap.test("non-UTF-8 bytes in a JSON input (single, --lineas, importar, subsanación): refused, nothing stored")
def _():
    with Workspace() as w:
        refused(run("capacidad", stdin=with_bad_bytes(COMUN, "nombre")), None, "UTF-8", "capacidad")
        refused(run("tarifa", stdin=with_bad_bytes(TARIFA, "titular")), None, "UTF-8", "tarifa")
        good = json.dumps(COMUN).encode()
        p = run("capacidad", "--lineas", stdin=good + b"\n" + with_bad_bytes(COMUN, "nombre") + b"\n" + good + b"\n")
        clean_stderr(p, "--lineas")
        results = [json.loads(x) for x in p.stdout.decode().splitlines()]
        tap.eq((p.returncode, len(results), results[1]["linea"]), (1, 3, 2))
        tap.ok("UTF-8" in results[1]["error"]["mensaje"] and "resultado" in results[2], results)
        lines = (line(TARIFA, tipo="tarifa").encode() + b"\n" + with_bad_bytes(dict(TARIFA, tipo="tarifa"), "titular")
                 + b"\n" + line(TARIFA, tipo="tarifa").encode() + b"\n")
        p = w.casos("importar", w.write("malos.jsonl", lines))
        clean_stderr(p, "importar")
        tap.eq((p.returncode, json.loads(p.stdout)["importados"], w.listed()), (1, 0, []))
        p = w.casos("importar", "--parcial", w.path("malos.jsonl"))
        tap.eq((p.returncode, json.loads(p.stdout)["importados"], len(w.listed())), (1, 2, 2))
        w.casos("importar", "-", stdin=line(COMUN, tipo="capacidad", activo_corriente=None) + "\n")
        p = w.casos("tramitar", "3", "emitir_requerimiento")
        tap.eq(p.returncode, 0)
        p = w.casos("tramitar", "3", "registrar_subsanacion", "-", stdin=with_bad_bytes(COMUN, "nombre"))
        refused(p, None, "UTF-8", "subsanación")
        tap.eq(json.loads(w.casos("mostrar", "3").stdout)["estado"], "requerimiento_emitido")


@tap.test("non-UTF-8 bytes in a rule set, a tarifario or their file names: refused naming the file")
def _():
    with Workspace() as w:
        for command, option, data_file, stdin in (
                ("capacidad", "--reglas", "data/reglas/res-anm-208-2017.json", COMUN),
                ("tarifa", "--tarifario", "data/tarifarios/anexo-tecnico-ilustrativo.json", TARIFA)):
            with open(os.path.join(SOURCE, data_file), "rb") as f:
                data = f.read()
            bad = w.write("malo.json", data.replace("Resolución".encode(), BAD).replace(b"ilustrativo", BAD, 1))
            refused(run(command, option, bad, stdin=json.dumps(stdin)), None, "no es texto UTF-8 válido", option)
            odd_name = os.path.join(w.dir.encode(), b"reglas-\xff.json")
            with open(odd_name, "wb") as f:
                f.write(data)
            p = run(command, option.encode() + b"=" + odd_name if False else option, odd_name,
                    stdin=json.dumps(stdin))
            tap.eq((p.returncode, clean_stderr(p, "odd name")), (0, ""))
            os.unlink(odd_name)
            p = run(command, option, odd_name, stdin=json.dumps(stdin))
            err = clean_stderr(p, "missing odd name")
            tap.ok(p.returncode == 2 and "reglas-" in err, err)


@tap.test("non-UTF-8 bytes in a bundle, an evaluator or a reason: refused, nothing stored")
def _():
    with Workspace() as w:
        w.casos("importar", "-", stdin=line(TARIFA, tipo="tarifa", titular="Marcador") + "\n")
        tap.eq(w.casos("exportar", w.path("paquete.json")).returncode, 0)
        with open(w.path("paquete.json"), "rb") as f:
            bundle = f.read().replace(b"Marcador", BAD)
        p = w.casos("importar-paquete", "-", stdin=bundle, db=w.path("otro.sqlite"))
        refused(p, None, "El paquete está dañado", "bundle")
        tap.eq(w.listed(db=w.path("otro.sqlite")), [])
        p = run("casos", "--db", w.db, "--evaluador", b"Ana \xff", "importar", "-",
                stdin=line(TARIFA, tipo="tarifa") + "\n")
        refused(p, None, "El nombre del evaluador no es válido", "--evaluador")
        p = run("casos", "--db", w.db, "tramitar", "1", "anular", "--motivo", b"por \xff")
        refused(p, None, "El motivo no es válido", "--motivo")
        p = run("casos", "--db", w.db, "listar", "--buscar", b"\xff\xfe")
        clean_stderr(p, "--buscar")
        tap.eq(len(w.listed()), 1)


@tap.test("non-UTF-8 bytes written into the database by another program: shown as �, valid JSON and CSV")
def _():
    with Workspace() as w:
        w.casos("importar", "-", stdin=line(TARIFA, tipo="tarifa", titular="Ñandú") + "\n")
        with sqlite3.connect(w.db) as db:
            db.execute("UPDATE cases SET nombre = CAST(X'4EFF6EC3' AS TEXT), evaluador = CAST(X'C0AF' AS TEXT)")
        rows = w.listed()
        tap.eq(rows[0]["nombre"], "N\ufffdn\ufffd")
        p = w.casos("exportar-csv", "-")
        tap.eq((p.returncode, clean_stderr(p, "csv")), (0, ""))
        tap.ok("N\ufffdn\ufffd" in p.stdout.decode("utf-8-sig"), p.stdout)
        p = run("informe", "--db", w.db, "--desde", "2000-01-01", "--hasta", "2999-12-31", "--pdf", w.path("p.pdf"))
        tap.eq((p.returncode, clean_stderr(p, "informe")), (0, ""))
        p = w.casos("verificar")
        tap.eq((p.returncode, clean_stderr(p, "verificar")), (3, ""))


@tap.test("unusual characters in a name: kept exactly in the list, the CSV and a bundle")
def _():
    names = ["Ana\tMaría \"la\" de; Pérez", "שלום عربي \u202eRTL\u202c", "Cafe\u0301 con e\u0301 y \u200bcero",
             "🙂👩‍👩‍👧 𝔐𝔦𝔫𝔞𝔰", "Línea uno\nlínea dos\r\ntres", "   espacios   "]
    with Workspace() as w:
        lines = "".join(line(TARIFA, tipo="tarifa", titular=n, expediente=f"E-{i}") + "\n"
                        for i, n in enumerate(names))
        p = w.casos("importar", "-", stdin=lines)
        tap.eq((p.returncode, clean_stderr(p, "importar")), (0, ""))
        tap.eq(sorted(r["nombre"] for r in w.listed()), sorted(names))
        p = w.casos("exportar-csv", "-")
        rows = list(csv.reader(io.StringIO(p.stdout.decode("utf-8-sig"), newline=""), delimiter=";"))
        tap.eq(sorted(r[2] for r in rows[1:]), sorted(names))
        w.casos("exportar", w.path("paquete.json"))
        w.casos("importar-paquete", w.path("paquete.json"), db=w.path("otro.sqlite"))
        tap.eq(sorted(r["nombre"] for r in w.listed(db=w.path("otro.sqlite"))), sorted(names))


# ---- JSON nested deep ------------------------------------------------------

def nested(depth, inner="1"):
    return "[" * depth + inner + "]" * depth


@tap.test("JSON nested 10,000 and 1,000,000 deep in every reader: refused at once, in Spanish")
def _():
    with Workspace() as w:
        w.casos("importar", "-", stdin=line(COMUN, tipo="capacidad", activo_corriente=None) + "\n")
        w.casos("tramitar", "1", "emitir_requerimiento")
        w.casos("exportar", w.path("paquete.json"))
        with open(w.path("paquete.json"), encoding="utf-8") as f:
            bundle = f.read()
        for depth in (10000, 1000000):
            value = nested(depth)
            deep_input = '{"regimen": "comun", "nombre": ' + value + "}"
            deep_rules = w.write("reglas.json", '{"id": "x", "nombre": ' + value + "}")
            deep_bundle = bundle.replace('"casos": [', '"casos": [' + nested(depth, "{}") + ",", 1)
            cases = [
                ("capacidad", run("capacidad", stdin=deep_input), 2),
                ("tarifa", run("tarifa", stdin=deep_input.replace("regimen", "etapa")), 2),
                ("capacidad --lineas", run("capacidad", "--lineas", stdin=deep_input + "\n"), 1),
                ("importar", w.casos("importar", "-", stdin='{"tipo": "capacidad", "x": ' + value + "}\n"), 1),
                ("subsanación", w.casos("tramitar", "1", "registrar_subsanacion", "-", stdin=deep_input), 2),
                ("--reglas", run("capacidad", "--reglas", deep_rules, stdin=json.dumps(COMUN)), 2),
                ("--tarifario", run("tarifa", "--tarifario", deep_rules, stdin=json.dumps(TARIFA)), 2),
                ("importar-paquete", w.casos("importar-paquete", "-", stdin=deep_bundle, db=w.path("b.sqlite")), 2),
            ]
            for what, p, code in cases:
                err = clean_stderr(p, f"{what} {depth}")
                tap.ok(p.returncode == code, f"{what} {depth}: exit {p.returncode}: {err[:300]}")
                tap.ok(err.startswith("error: ") or (code == 1 and p.stdout.startswith(b"{")), f"{what}: {err[:300]}")
        tap.eq(json.loads(w.casos("mostrar", "1").stdout)["estado"], "requerimiento_emitido")


tap.run()
