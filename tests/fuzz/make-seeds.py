#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes the seed corpora of the fuzz targets (corpus/NAME/) from the tests.

  tests/fuzz/make-seeds.py [PATH-TO-evaluador-minero-cli]

- fuzz-money, fuzz-forms: the short string literals of tests/test-money.c,
  test-number.c and test-forms.c;
- fuzz-capacity, fuzz-tariff: the JSON objects written as C literals in the
  capacity and tariff tests, the examples of CONTRACT.md and the inputs of
  the CLI tests, and a few at the limits;
- fuzz-rule-set, fuzz-tariff-schedule, fuzz-tariff-table: the shipped data
  files and those of tests/data;
- fuzz-case-bundle: bundles exported by the CLI (when its path is given)
  from cases of both kinds, one with its whole procedure, one annulled.

Each seed is named by the SHA-1 of its content, as libFuzzer names its own."""
import codecs
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(os.path.dirname(HERE))
C_STRING = re.compile(r'"((?:[^"\\\n]|\\.)*)"')


def write(target, content):
    if isinstance(content, str):
        content = content.encode()
    directory = os.path.join(HERE, "corpus", target)
    os.makedirs(directory, exist_ok=True)
    with open(os.path.join(directory, hashlib.sha1(content).hexdigest()), "wb") as f:
        f.write(content)


def c_unescape(literal):
    """The bytes of a C literal (octal and \\x escapes may make them other than UTF-8)."""
    return codecs.escape_decode(literal.encode("utf-8"))[0]


def c_literals(path):
    """Adjacent literals joined, as the compiler does."""
    with open(os.path.join(TOP, path), encoding="utf-8") as f:
        text = f.read()
    joined = re.sub(r'"\s*\n\s*"', "", text)
    return [c_unescape(m) for m in C_STRING.findall(joined)]


def json_objects(paths, marker):
    for path in paths:
        for literal in c_literals(path):
            if literal.startswith(b"{") and marker.encode() in literal:
                try:
                    json.loads(literal)
                except ValueError:
                    continue
                yield literal


MAX = "1000000000000000"
CAPACITY = [
    {"regimen": "comun", "activo_corriente": "124", "pasivo_corriente": "100", "activo_total": "1000",
     "pasivo_total": "610", "ingresos_operacionales": "600"},
    {"tipo": "capacidad", "regimen": "comun", "nombre": "Minerales Ñandú S.A.S.", "numero_documento": "900123456",
     "radicado": "20170500001", "activo_corriente": "124", "pasivo_corriente": "100", "activo_total": "1000",
     "pasivo_total": "610", "ingresos_operacionales": "600", "fecha_radicacion": "2017-06-01"},
    {"regimen": "simplificado", "tramite": "renovacion", "tipo_persona": "natural", "rol": "comercializador",
     "tipo_documento": "cc", "ingresos_ultimo_ano": MAX, "saldo_promedio": "0.01", "cuentas_por_cobrar": MAX,
     "inventario": "0", "cuentas_por_pagar": MAX, "monto_comercializacion_esperado": MAX},
    {"regimen": "comun", "activo_corriente": MAX, "pasivo_corriente": "0.01", "activo_total": MAX,
     "pasivo_total": "0", "ingresos_operacionales": MAX, "aval_financiero": True},
]
CAPACITY_TEXT = [
    '{"regimen": "comun", "activo_corriente": 124.00, "pasivo_corriente": 1e2, "activo_total": 1.0E+3,'
    ' "pasivo_total": 610, "ingresos_operacionales": 6e2, "nombre": "\\u00d1and\\u00fa \\ud83d\\ude00"}',
    '{"regimen": null, "fecha_radicacion": "2017-02-29", "aval_financiero": false}',
]
TARIFF = [
    {"etapa": "explotacion", "grupo_mineral": "carbon", "sistema": "subterraneo", "produccion_anual": "250000",
     "pin": False, "medida_seguridad": "ninguna", "autorizado_explotar": True, "nivel_cumplimiento": "medio",
     "numero_inspeccion": 2, "expediente": "HJK-08231", "titular": "Carbones de Boyacá"},
    {"tipo": "tarifa", "etapa": "exploracion", "area_hectareas": "100", "expediente": "HJK-08231",
     "titular": "Carbones de Boyacá"},
    {"etapa": "construccion_montaje", "area_hectareas": 1e3, "pin": True, "medida_seguridad": "suspension",
     "levantamiento_medida": True},
    {"etapa": "explotacion", "grupo_mineral": "piedras_preciosas", "sistema": "arrastre",
     "produccion_anual": "1000000000000", "medida_seguridad": "cierre", "nivel_cumplimiento": "alto"},
]


def data_files(target, paths):
    for path in paths:
        with open(os.path.join(TOP, path), "rb") as f:
            write(target, f.read())


def bundles(cli):
    work = tempfile.mkdtemp(prefix="em-semillas-")
    try:
        def run(db, *args, stdin=b""):
            return subprocess.run([cli, "casos", "--db", os.path.join(work, db), "--evaluador", "Ana Gómez"]
                                  + list(args), input=stdin, capture_output=True, check=True)

        def export(db):
            out = os.path.join(work, db + ".json")
            run(db, "exportar", out)
            with open(out, "rb") as f:
                write("fuzz-case-bundle", f.read())

        lines = os.path.join(work, "a.jsonl")
        with open(lines, "w", encoding="utf-8") as f:
            incompleta = {"tipo": "capacidad", "regimen": "comun", "nombre": "Oro del Cauca Ltda.",
                          "numero_documento": "800555111", "activo_corriente": "124"}
            for o in (dict(CAPACITY[1]), incompleta, dict(TARIFF[1])):
                f.write(json.dumps(o, ensure_ascii=False) + "\n")
        export("vacia")
        run("a", "importar", lines)
        run("a", "tramitar", "2", "emitir_requerimiento")
        fixed = {k: v for k, v in CAPACITY[1].items() if k != "tipo"}
        run("a", "tramitar", "2", "registrar_subsanacion", "-", stdin=json.dumps(fixed).encode())
        run("a", "tramitar", "3", "anular", "--motivo", "Radicado por error")
        export("a")
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main():
    for target in ("fuzz-money", "fuzz-forms"):
        for path in ("tests/test-money.c", "tests/test-number.c", "tests/test-forms.c"):
            for literal in c_literals(path):
                if 0 < len(literal) <= 40 and b"%" not in literal and not literal.startswith(b"/") \
                        and not literal.endswith(b".h"):
                    write(target, literal)
    write("fuzz-money", MAX)
    write("fuzz-money", "$ 1.000.000.000.000.000,00")
    write("fuzz-money", "1e15")
    for literal in json_objects(["tests/test-capacity.c"], "regimen"):
        write("fuzz-capacity", literal)
    for o in CAPACITY:
        write("fuzz-capacity", json.dumps(o, ensure_ascii=False))
    for text in CAPACITY_TEXT:
        write("fuzz-capacity", text)
    for literal in json_objects(["tests/test-tariff-charge.c", "tests/test-tariff-classification.c",
                                 "tests/test-tariff-fee.c"], "etapa"):
        write("fuzz-tariff", literal)
    for o in TARIFF:
        write("fuzz-tariff", json.dumps(o, ensure_ascii=False))
    data_files("fuzz-rule-set", ["data/reglas/res-anm-208-2017.json", "tests/data/reglas-alternativa.json",
                                 "tests/data/reglas-prueba.json", "tests/data/reglas-umbral-con-coma.json"])
    data_files("fuzz-tariff-schedule", ["data/tarifarios/anexo-tecnico-ilustrativo.json",
                                        "tests/data/tarifario-prueba.json", "tests/data/tarifario-redondeo.json",
                                        "tests/data/tarifario-roto.json"])
    data_files("fuzz-tariff-table", ["data/anexo/cobro-inspecciones.json"])
    if len(sys.argv) > 1:
        bundles(sys.argv[1])


main()
