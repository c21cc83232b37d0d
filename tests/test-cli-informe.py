#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End-to-end tests of `evaluador-minero-cli informe` (CONTRACT.md, issue 6):
the PDFs are produced headless and read back with poppler-utils (pdftotext,
pdfinfo, pdffonts, pdftoppm).

Usage: test-cli-informe.py PATH-TO-CLI   (prints TAP)"""
import datetime
import json
import os
import re
import shutil
import sqlite3
import stat
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from taplib import Tap  # noqa: E402

CLI = sys.argv[1]
DATA = os.environ.get("EM_TEST_DATA", os.path.join(os.path.dirname(os.path.abspath(__file__)), "data"))
tap = Tap()

CUMPLE = {"tipo": "capacidad", "regimen": "comun", "nombre": "Minerales Ñandú S.A.S.",
          "tipo_documento": "NIT", "numero_documento": "900123456-7", "radicado": "20170500001",
          "tramite": "renovacion", "tipo_persona": "juridica", "rol": "comercializador",
          "activo_corriente": "124", "pasivo_corriente": "100", "activo_total": "1000",
          "pasivo_total": "610", "ingresos_operacionales": "600", "fecha_radicacion": "2017-06-01"}
NO_CUMPLE = {"tipo": "capacidad", "regimen": "simplificado", "nombre": "José Pérez Muñoz",
             "ingresos_ultimo_ano": "1", "cuentas_por_cobrar": "1000", "inventario": "0",
             "cuentas_por_pagar": "0"}
AVAL = {"tipo": "capacidad", "regimen": "comun", "nombre": "Oro del Cauca Ltda.",
        "activo_corriente": "123.99", "pasivo_corriente": "100", "activo_total": "1000",
        "pasivo_total": "100", "ingresos_operacionales": "100"}
INCOMPLETA = {"tipo": "capacidad", "regimen": "comun", "nombre": "Esmeraldas de Muzo",
              "activo_corriente": "124"}
COBRADA = {"tipo": "tarifa", "etapa": "explotacion", "grupo_mineral": "carbon", "sistema": "subterraneo",
           "produccion_anual": "100000", "nivel_cumplimiento": "bajo", "numero_inspeccion": 3,
           "expediente": "HHK-08231", "titular": "Carbones de Boyacá"}
NO_COBRADA = {"tipo": "tarifa", "etapa": "exploracion", "area_hectareas": "100",
              "expediente": "HJK-08231", "titular": "Piedras del Chocó"}
MARKS = ("ANULADO", "ILUSTRATIVO — NO OFICIAL")


def run(command, *args):
    return subprocess.run([command] + list(args), capture_output=True, timeout=300)


class Workspace:
    def __init__(self):
        self.dir = tempfile.mkdtemp(prefix="em-informe-")
        self.db = os.path.join(self.dir, "casos.sqlite")

    def path(self, name):
        return os.path.join(self.dir, name)

    def casos(self, *args):
        return subprocess.run([CLI, "casos", "--db", self.db] + list(args), capture_output=True, timeout=300,
                              env=dict(os.environ, EVALUADOR_MINERO_EVALUADOR="Ana Gómez"))

    def informe(self, *args, db=True):
        return subprocess.run([CLI, "informe"] + (["--db", self.db] if db else []) + list(args),
                              capture_output=True, timeout=300)

    def add(self, objects, *options):
        path = self.path("entrada.jsonl")
        with open(path, "w", encoding="utf-8") as f:
            for o in objects:
                f.write(json.dumps(o, ensure_ascii=False) + "\n")
        p = self.casos(*options, "importar", path)
        assert p.returncode == 0, p.stdout + p.stderr

    def summary(self, case, *options):
        """The summary of @case: (its text, its PDF's path, the JSON line)."""
        pdf = self.path(f"caso-{case}.pdf")
        p = self.informe("--caso", str(case), "--pdf", pdf, *options)
        if p.returncode != 0:
            raise AssertionError(p.stderr.decode())
        return text_of(pdf), pdf, json.loads(p.stdout)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        shutil.rmtree(self.dir, ignore_errors=True)


def text_of(pdf, *pages):
    return run("pdftotext", "-layout", *pages, pdf, "-").stdout.decode()


def info(pdf):
    lines = run("pdfinfo", pdf).stdout.decode().splitlines()
    return dict(line.split(":", 1) for line in lines if ":" in line)


def pages(pdf):
    return int(info(pdf)["Pages"])


def today():
    return datetime.date.today().isoformat()


def mark_pixels(pdf, page=1):
    """How many pixels of the translucent red of the marks across the page
    there are, on a rendering at 36 dpi."""
    ppm = run("pdftoppm", "-r", "36", "-f", str(page), "-l", str(page), pdf).stdout
    header = re.match(rb"P6\s+(\d+)\s+(\d+)\s+255\s", ppm)
    data = ppm[header.end():]
    count = 0
    for i in range(0, len(data) - 2, 3):
        r, g, b = data[i], data[i + 1], data[i + 2]
        if 233 <= r <= 250 and 205 <= g <= 228 and abs(g - b) <= 4 and r - g >= 14:
            count += 1
    return count


def assert_marks(text, pdf, present):
    """@present: the mark that must be on the page, or None; the other must not."""
    for mark in MARKS:
        tap.ok((mark in text) == (mark == present), f"{mark!r} {'missing' if mark == present else 'present'}")
    pixels = mark_pixels(pdf)
    tap.ok(pixels > 800 if present else pixels < 100, f"{pixels} pixels of the mark across the page")


def code_of(w, case):
    return json.loads(w.casos("mostrar", str(case)).stdout)["codigo_verificacion"]


@tap.test("informe --ayuda: Spanish help for both forms, exit 0; no arguments is a usage error")
def _():
    p = subprocess.run([CLI, "informe", "--ayuda"], capture_output=True)
    out = p.stdout.decode()
    tap.eq(p.returncode, 0)
    for words in ("--caso ID --pdf SALIDA", "--desde AAAA-MM-DD --hasta AAAA-MM-DD", "--csv SALIDA",
                  "--papel", "casos verificar --codigo"):
        tap.ok(words in out, words)
    p = subprocess.run([CLI, "informe"], capture_output=True)
    tap.eq(p.returncode, 2)
    tap.ok("informe" in subprocess.run([CLI, "--ayuda"], capture_output=True).stdout.decode())


@tap.test("capacity cumple: applicant, figures, threshold 1,24, verdict, basis, code; one Letter page")
def _():
    with Workspace() as w:
        w.add([CUMPLE])
        text, pdf, out = w.summary(1)
        code = code_of(w, 1)
        for words in ("Agencia Nacional de Minería", "Evaluación de capacidad económica",
                      "Resolución ANM 208 de 2017", "Minerales Ñandú S.A.S.", "NIT 900123456-7",
                      "Renovación en el RUCOM", "20170500001", "01/06/2017", "$ 124,00", "$ 1.000,00",
                      "1,2400", "≥ 1,24", "≤ 0,61", "CUMPLE", "Res. ANM 208/2017, art. 5 num. 3",
                      "Estado del caso: Evaluado", "Ana Gómez", "Caso n.º 1", code,
                      f"casos verificar --codigo {code}"):
            tap.ok(words in text, words)
        tap.ok("NO CUMPLE" not in text)
        tap.eq(out, {"caso": 1, "pdf": pdf, "papel": "carta", "codigo_verificacion": code})
        tap.eq(pages(pdf), 1)
        tap.ok(info(pdf)["Page size"].strip().startswith("612 x 792"), info(pdf)["Page size"])
        assert_marks(text, pdf, None)


@tap.test("capacity no cumple (rejected at once), requiere aval, información incompleta with requerimiento")
def _():
    with Workspace() as w:
        w.add([NO_CUMPLE, AVAL, INCOMPLETA])
        w.casos("tramitar", "3", "emitir_requerimiento")
        text, pdf, _ = w.summary(1)
        for words in ("José Pérez Muñoz", "NO CUMPLE", "Estado del caso: Rechazado", "✗ No cumple", "0,0012"):
            tap.ok(words in text, words)
        tap.ok(re.search(r"Cobertura de inversión\s+0,0012\s+≥\s*1\s", text), "cobertura row")
        assert_marks(text, pdf, None)
        text, pdf, _ = w.summary(2)
        for words in ("REQUIERE AVAL FINANCIERO", "aval financiero", "1,2399", "≥ 1,24"):
            tap.ok(words in text, words)
        text, pdf, _ = w.summary(3)
        for words in ("INFORMACIÓN INCOMPLETA", "Falta: Pasivo corriente", "Estado del caso: Requerimiento emitido",
                      "Emitir requerimiento", "no informado"):
            tap.ok(words in text, words)
        tap.eq(pages(pdf), 1)


@tap.test("anulado: ANULADO across the page, the reason, who and when; no ILUSTRATIVO on capacity")
def _():
    with Workspace() as w:
        w.add([CUMPLE])
        w.casos("tramitar", "1", "anular", "--motivo", "Radicado dos veces por error")
        text, pdf, _ = w.summary(1)
        for words in ("CASO ANULADO", "Motivo: Radicado dos veces por error", "Estado del caso: Anulado", "Anular"):
            tap.ok(words in text, words)
        tap.ok(re.search(r"CASO ANULADO el \d\d/\d\d/\d{4} \d\d:\d\d por Ana Gómez", text), text[:600])
        assert_marks(text, pdf, "ANULADO")


@tap.test("tariff charged with the illustrative tarifario: class, rule, criterion, components, total, mark")
def _():
    with Workspace() as w:
        w.add([COBRADA])
        text, pdf, _ = w.summary(1)
        for words in ("Tarifa de inspección de fiscalización", "HHK-08231", "Carbones de Boyacá", "Mediana minería",
                      "más de 60.000 y hasta 650.000 t/año", "Decreto 1666 de 2016", "SE COBRA", "criterio 2",
                      "TPM — Tamaño, producción y minerales", "$ 797.940,00", "$ 1.210.730,00",
                      "Tarifa ilustrativa (no sirve para cobrar)",
                      "0,682", "1,17 (mediana minería)", "anexo-tecnico-ilustrativo", "Tercera"):
            tap.ok(words in text, words)
        tap.ok("NO SE COBRA" not in text and "Tarifa a cobrar" not in text)
        tap.eq(pages(pdf), 1)
        assert_marks(text, pdf, "ILUSTRATIVO — NO OFICIAL")


@tap.test("tariff not charged with an official tarifario: why, $ 0, and no ILUSTRATIVO mark")
def _():
    with Workspace() as w:
        w.add([NO_COBRADA], "--tarifario", os.path.join(DATA, "tarifario-prueba.json"))
        text, pdf, _ = w.summary(1)
        for words in ("NO SE COBRA", "No es objeto de cobro", "Tarifario oficial «prueba-aritmetica»",
                      "Piedras del Chocó", "Pequeña minería", "Tarifa a cobrar", "$ 0,00"):
            tap.ok(words in text, words)
        tap.ok("NO OFICIAL" not in text and "ilustrativ" not in text.lower(), "no word of illustrative values")
        assert_marks(text, pdf, None)


@tap.test("fonts embedded, text extractable with accents; --papel a4 gives A4")
def _():
    with Workspace() as w:
        w.add([CUMPLE])
        text, pdf, out = w.summary(1, "--papel", "a4")
        tap.eq(out["papel"], "a4")
        tap.ok(info(pdf)["Page size"].strip().startswith("595.276 x 841.89"), info(pdf)["Page size"])
        fonts = run("pdffonts", pdf).stdout.decode().splitlines()[2:]
        tap.ok(len(fonts) >= 2, fonts)
        for line in fonts:
            tap.ok(re.search(r"\s+yes\s+yes\s+yes\s+\d+\s+\d+$", line), f"not embedded: {line}")
        tap.ok("Índice de liquidez" in text and "Ñandú" in text and "Régimen" in text)


@tap.test("the printed code verifies; a made-up one does not; after a change the old one is superseded")
def _():
    with Workspace() as w:
        w.add([INCOMPLETA, CUMPLE])
        text, _, out = w.summary(1)
        code = out["codigo_verificacion"]
        printed = re.search(r"\b([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})\b", text).group(1)
        tap.eq(printed, code)
        p = w.casos("verificar", "--codigo", printed)
        tap.eq(p.returncode, 0)
        tap.ok("caso 1" in p.stdout.decode() and "coincide" in p.stdout.decode(), p.stdout.decode())
        made_up = "ZZZZ-ZZZZ-ZZZ" + ("Y" if printed[-1] != "Y" else "X")
        tap.eq(w.casos("verificar", "--codigo", made_up).returncode, 3)
        w.casos("tramitar", "1", "emitir_requerimiento")
        p = w.casos("verificar", "--codigo", printed)
        tap.eq(p.returncode, 3)
        tap.ok("versión anterior" in p.stdout.decode(), p.stdout.decode())
        _, _, out = w.summary(1)
        tap.ok(out["codigo_verificacion"] != code)
        tap.eq(w.casos("verificar", "--codigo", out["codigo_verificacion"]).returncode, 0)


@tap.test("a pipe (or a device) is written in place, never replaced by a file; a link keeps pointing")
def _():
    with Workspace() as w:
        w.add([CUMPLE])
        fifo, received, target, link = w.path("tubo"), w.path("recibido.pdf"), w.path("real.pdf"), w.path("enlace.pdf")
        os.mkfifo(fifo)
        reader = subprocess.Popen(["sh", "-c", f"cat '{fifo}' > '{received}'"])
        p = w.informe("--caso", "1", "--pdf", fifo)
        reader.wait(timeout=60)
        tap.eq(p.returncode, 0)
        tap.ok(stat.S_ISFIFO(os.stat(fifo).st_mode), "the pipe was replaced")
        tap.eq(pages(received), 1)
        with open(target, "w") as f:
            f.write("anterior")
        os.symlink(target, link)
        tap.eq(w.informe("--caso", "1", "--pdf", link).returncode, 0)
        tap.ok(os.path.islink(link), "the link was replaced")
        tap.eq(pages(target), 1)


@tap.test("a case whose history does not verify is not printed: exit 3, no PDF")
def _():
    with Workspace() as w:
        w.add([INCOMPLETA])
        db = sqlite3.connect(w.db)
        db.execute("UPDATE cases SET resultado = 'cumple' WHERE id = 1")
        db.commit()
        db.close()
        p = w.informe("--caso", "1", "--pdf", w.path("x.pdf"))
        tap.eq(p.returncode, 3)
        tap.ok("no se verifica" in p.stderr.decode(), p.stderr.decode())
        tap.ok(not os.path.exists(w.path("x.pdf")))


@tap.test("usage and data errors: exit 2 in Spanish; no file written, an older one intact, no database created")
def _():
    with Workspace() as w:
        w.add([CUMPLE])
        old = w.path("viejo.pdf")
        with open(old, "w") as f:
            f.write("anterior")
        cases = [
            (["--caso", "99", "--pdf", old], "No existe el caso 99"),
            (["--caso", "uno", "--pdf", old], "no es un número de caso"),
            (["--caso", "1"], "falta --pdf"),
            (["--caso", "1", "--pdf", old, "--papel", "oficio"], "--papel"),
            (["--caso", "1", "--desde", "2026-01-01", "--pdf", old], "no ambos"),
            (["--caso", "1", "--pdf", old, "--csv", w.path("a.csv")], "--csv"),
            (["--desde", "2026-01-01", "--pdf", old], "falta --hasta"),
            (["--desde", "2026-02-30", "--hasta", "2026-03-01", "--pdf", old], "--desde"),
            (["--desde", "2026-03-01", "--hasta", "2026-02-01", "--pdf", old], "posterior"),
            (["--desde", "2026-01-01", "--hasta", "2026-01-31", "--pdf", old, "--csv", old], "mismo archivo"),
            (["--caso", "1", "--pdf", w.path("no-existe/x.pdf")], "no-existe"),
            (["--caso", "1", "--pdf", w.dir], "carpeta"),
            (["--sobra"], "desconocido"),
        ]
        for args, words in cases:
            p = w.informe(*args)
            tap.eq((args, p.returncode, p.stdout), (args, 2, b""))
            tap.ok(words in p.stderr.decode(), (args, p.stderr.decode()))
        with open(old) as f:
            tap.eq(f.read(), "anterior")
        tap.eq(sorted(f for f in os.listdir(w.dir) if not f.startswith("casos.sqlite")),
               ["entrada.jsonl", "viejo.pdf"])
        missing = w.path("otra.sqlite")
        p = w.informe("--db", missing, "--caso", "1", "--pdf", w.path("y.pdf"), db=False)
        tap.eq(p.returncode, 2)
        tap.ok(not os.path.exists(missing), "a report created a database")


def period_cases():
    cases = []
    for i in range(300):
        base = [CUMPLE, NO_CUMPLE, AVAL, INCOMPLETA, COBRADA, NO_COBRADA][i % 6]
        case = dict(base, evaluador=["Ana Gómez", "Luis Peña", "María José Núñez"][i % 3])
        key = "titular" if case["tipo"] == "tarifa" else "nombre"
        case[key] = f"{base[key]} {i + 1:03d}"
        cases.append(case)
    return cases


@tap.test("periodic report of 300 cases: totals, repeated headers, page numbers, every case listed once")
def _():
    with Workspace() as w:
        w.add(period_cases())
        w.casos("tramitar", "5", "anular", "--motivo", "duplicado")
        pdf, csv = w.path("informe.pdf"), w.path("informe.csv")
        p = w.informe("--desde", today(), "--hasta", today(), "--pdf", pdf, "--csv", csv)
        tap.eq(p.returncode, 0)
        out = json.loads(p.stdout)
        n = pages(pdf)
        tap.eq((out["casos"], out["capacidad"], out["tarifa"], out["paginas"]), (300, 200, 100, n))
        tap.ok(n >= 5, n)
        first = text_of(pdf, "-f", "1", "-l", "1")
        for words in ("Informe periódico de casos evaluados",
                      "300 casos en el periodo: 200 de capacidad económica y 100 de tarifa de inspección.",
                      "Casos por tipo y estado", "Capacidad económica por resultado", "Tarifa de inspección",
                      "Casos por evaluador", "Lista de casos"):
            tap.ok(words in first, words)
        tap.ok(re.search(r"Anulado\s+0\s+1\s+1", first), "anulado row")
        tap.ok(re.search(r"REQUIERE AVAL FINANCIERO\s+50\s+0\s+25,0 %", first), "aval row")
        tap.ok(re.search(r"Ana Gómez\s+100\s+0\s+100", first), "evaluator row")
        tap.ok(re.search(r"Luis Peña\s+50\s+50\s+100", first), "evaluator row")
        tap.ok(re.search(r"Total\s+200\s+100\s+300", first), "total row")
        tap.ok("ILUSTRATIV" in first, "illustrative tariffs said so")
        listed = []
        for page in range(1, n + 1):
            text = text_of(pdf, "-f", str(page), "-l", str(page))
            tap.ok(f"Página {page} de {n}" in text, f"page number {page}")
            if page > 1:
                tap.ok(re.search(r"N\.º\s+Fecha\s+Tipo\s+Nombre o titular", text), f"header on page {page}")
            listed += [int(m) for m in re.findall(r"^\s*(\d+)\s+\d\d/\d\d/\d{4}\s", text, re.M)]
        tap.eq(listed, list(range(1, 301)))
        with open(csv, "rb") as f:
            data = f.read()
        tap.ok(data.startswith(b"\xef\xbb\xbf"), data[:10])
        lines = data.decode("utf-8-sig").split("\r\n")
        tap.eq(len(lines), 302)
        tap.ok(lines[0].startswith("Número;Tipo;"), lines[0])
        tap.eq([int(line.split(";")[0]) for line in lines[1:-1]], list(range(1, 301)))


@tap.test("periodic report: an empty period is one page that says so; --papel a4")
def _():
    with Workspace() as w:
        w.add([CUMPLE])
        pdf = w.path("vacio.pdf")
        p = w.informe("--desde", "2000-01-01", "--hasta", "2000-12-31", "--pdf", pdf, "--papel", "a4")
        tap.eq((p.returncode, json.loads(p.stdout)["casos"]), (0, 0))
        tap.eq(pages(pdf), 1)
        tap.ok("No hay casos registrados en este periodo." in text_of(pdf))
        tap.ok(info(pdf)["Page size"].strip().startswith("595.276 x 841.89"))


tap.run()
