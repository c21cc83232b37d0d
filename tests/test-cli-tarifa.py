#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End-to-end tests of `evaluador-minero-cli tarifa` against CONTRACT.md.

Usage: test-cli-tarifa.py PATH-TO-CLI   (prints TAP)"""
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from taplib import Tap  # noqa: E402

CLI = sys.argv[1]
DATA = os.environ["EM_TEST_DATA"]
tap = Tap()

CONTRACT_KEYS = ["tipo", "tarifario", "oficial", "clasificacion", "criterio_clasificacion",
                 "objeto_cobro", "criterio_cobro", "explicacion", "componentes",
                 "valor_inspeccion", "tarifa", "observaciones"]

# Carbón subterráneo, 100.000 t/año (mediana), NO PIN, third inspection at
# level bajo: charged under criterion 2.  With the shipped tarifario:
# 1.000.000 × (0,682 × 1,17 + 0,044 × 1,15 + 0,159 × 1,41 + 0,115 × 1,20) = 1.210.730.
UNDERGROUND = {"etapa": "explotacion", "grupo_mineral": "carbon", "sistema": "subterraneo",
               "produccion_anual": "100000", "nivel_cumplimiento": "bajo",
               "numero_inspeccion": 3, "expediente": "ABC-123", "titular": "Minera Ejemplo S.A.S."}


def run(*args, stdin=""):
    return subprocess.run([CLI, *args], input=stdin.encode(), capture_output=True, timeout=30)


def out_json(proc):
    return json.loads(proc.stdout.decode())


def tarifa(case, *args):
    return run("tarifa", *args, stdin=json.dumps(case))


@tap.test("single object on stdin: contract fields in contract order, exit 0")
def _():
    p = tarifa(UNDERGROUND)
    tap.eq((p.returncode, p.stderr), (0, b""))
    r = out_json(p)
    tap.eq(list(r)[:len(CONTRACT_KEYS)], CONTRACT_KEYS)
    tap.eq((r["tipo"], r["tarifario"], r["oficial"]), ("tarifa", "anexo-tecnico-ilustrativo", False))
    tap.eq((r["clasificacion"], r["criterio_clasificacion"]), ("mediana", "produccion"))
    tap.eq((r["objeto_cobro"], r["criterio_cobro"]), (True, 2))
    tap.ok("esta es la tercera" in r["explicacion"], r["explicacion"])
    tap.eq(r["componentes"], {"TPM": "797940.00", "C": "50600.00", "ER": "224190.00", "D": "138000.00"})
    tap.eq((r["valor_inspeccion"], r["tarifa"]), ("1210730", "1210730"))


@tap.test("non-official tarifario: \"oficial\": false and an observation that says so")
def _():
    r = out_json(tarifa(UNDERGROUND))
    tap.eq(r["oficial"], False)
    tap.ok(any("no es oficial" in o for o in r["observaciones"]), r["observaciones"])


@tap.test("the result says which row and bound decided the class")
def _():
    r = out_json(tarifa(UNDERGROUND))
    basis = r["fundamento_clasificacion"]
    tap.eq((basis["grupo_mineral"], basis["columna"], basis["mayor_que"], basis["hasta"], basis["unidad"]),
           ("carbon", "subterraneo", "60000", "650000", "t/año"))
    tap.ok(basis["norma"].startswith("Decreto 1666 de 2016"), basis["norma"])


@tap.test("the Tabla 4 days that apply to the title are in the result")
def _():
    r = out_json(tarifa(UNDERGROUND))
    rows = [(d["segmento"], d["fila"], d["dias"]) for d in r["dias_inspeccion"]["filas"]]
    tap.eq(rows, [("pin", "NO PIN", "1.15"), ("sistema", "Subterránea", "1.41"),
                  ("clasificacion", "Pequeña y Mediana Minería", "1.17"),
                  ("etapa", "Explotación", "1.2")])


@tap.test("not charged: tarifa \"0\", criterio_cobro null, valor_inspeccion still computed")
def _():
    r = out_json(tarifa(dict(UNDERGROUND, numero_inspeccion=2)))
    tap.eq((r["objeto_cobro"], r["criterio_cobro"], r["tarifa"], r["valor_inspeccion"]),
           (False, None, "0", "1210730"))
    tap.eq(r["explicacion"], "Título de minería subterránea autorizado para explotar con nivel de "
                             "cumplimiento bajo (criterio 2): las dos primeras inspecciones las cubre "
                             "el SGR; esta es la segunda.")
    tap.eq(r["criterio_aplicable"], 2)


@tap.test("exploration by hectares, quantities as JSON numbers read exactly")
def _():
    r = out_json(run("tarifa", stdin='{"etapa":"exploracion","area_hectareas":150.000001}'))
    tap.eq((r["clasificacion"], r["criterio_clasificacion"]), ("mediana", "hectareas"))
    tap.eq(r["fundamento_clasificacion"]["valor"], "150.000001")
    r = out_json(run("tarifa", stdin='{"etapa":"exploracion","area_hectareas":1.5e2}'))
    tap.eq(r["clasificacion"], "pequena")


@tap.test("input from a file argument and from '-'")
def _():
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump(UNDERGROUND, f)
    try:
        from_file = run("tarifa", f.name)
        from_dash = run("tarifa", "-", stdin=json.dumps(UNDERGROUND))
        tap.eq((from_file.returncode, from_dash.returncode), (0, 0))
        tap.eq(out_json(from_file), out_json(from_dash))
    finally:
        os.unlink(f.name)


@tap.test("input error: Spanish message naming the field on stderr, nothing on stdout, exit 2")
def _():
    p = run("tarifa", stdin='{"etapa":"exploracion","area_hectareas":"12000"}')
    tap.eq((p.returncode, p.stdout), (2, b""))
    tap.eq(p.stderr.decode(), "error: campo «area_hectareas»: 12.000 ha supera el límite de la gran "
                              "minería (10.000 ha) en la clasificación del Decreto 1666 de 2016: un "
                              "valor mayor no tiene clase\n")


@tap.test("a \"not applicable\" cell is an input error that says so")
def _():
    p = tarifa({"etapa": "explotacion", "grupo_mineral": "materiales_construccion",
                "sistema": "subterraneo", "produccion_anual": "10", "nivel_cumplimiento": "alto"})
    tap.eq((p.returncode, p.stdout), (2, b""))
    tap.ok(p.stderr.decode().startswith("error: campo «sistema»: la clasificación del Decreto 1666 de "
                                        "2016 no aplica a materiales de construcción"), p.stderr.decode())


@tap.test("levantamiento_medida with no measure is an input error")
def _():
    p = run("tarifa", stdin='{"etapa":"exploracion","area_hectareas":"5","levantamiento_medida":true}')
    tap.eq((p.returncode, p.stdout), (2, b""))
    tap.ok(p.stderr.decode().startswith("error: campo «levantamiento_medida»: no hay medida que levantar"),
           p.stderr.decode())


@tap.test("unknown field is an error, not a missing value")
def _():
    p = run("tarifa", stdin='{"etapa":"exploracion","area_hectarea":"5"}')
    tap.eq((p.returncode, p.stdout), (2, b""))
    tap.eq(p.stderr.decode(), "error: campo «area_hectarea»: campo desconocido (revise cómo está escrito)\n")


@tap.test("invalid JSON: clear error, exit 2")
def _():
    p = run("tarifa", stdin='{"etapa": "exploracion",}')
    tap.eq((p.returncode, p.stdout), (2, b""))
    tap.ok(p.stderr.decode().startswith("error: JSON no válido"), p.stderr.decode())


@tap.test("--lineas: one result per line in order, errors inline with line numbers, exit 1")
def _():
    lines = [json.dumps(UNDERGROUND),
             '{"etapa":"explotacion","grupo_mineral":"piedras_preciosas","sistema":"arrastre",'
             '"produccion_anual":"5","nivel_cumplimiento":"alto"}',
             '',
             '{"etapa":"exploracion","area_hectareas":"5000.000001"}']
    p = run("tarifa", "--lineas", stdin="\n".join(lines) + "\n")
    tap.eq((p.returncode, p.stderr), (1, b""))
    out = [json.loads(line) for line in p.stdout.decode().splitlines()]
    tap.eq(len(out), 3)
    tap.eq(out[0]["tarifa"], "1210730")
    tap.eq((out[1]["linea"], out[1]["error"]["campo"]), (2, "sistema"))
    tap.ok("no aplica" in out[1]["error"]["mensaje"], out[1]["error"]["mensaje"])
    tap.eq(out[2]["clasificacion"], "gran")


@tap.test("--lineas: all valid lines exit 0")
def _():
    p = run("tarifa", "--lineas", stdin=(json.dumps(UNDERGROUND) + "\n") * 3)
    tap.eq(p.returncode, 0)
    tap.eq([json.loads(line)["tarifa"] for line in p.stdout.decode().splitlines()], ["1210730"] * 3)


@tap.test("--tarifario: another tarifario is followed (values by hand), and is official")
def _():
    case = {"etapa": "exploracion", "area_hectareas": "100"}
    for args in (("--tarifario", os.path.join(DATA, "tarifario-prueba.json")),
                 ("--tarifario=" + os.path.join(DATA, "tarifario-prueba.json"),)):
        r = out_json(tarifa(case, *args))
        tap.eq((r["tarifario"], r["oficial"]), ("prueba-aritmetica", True))
        # 1234567.89 × (0.333333 × 1.5 + 0.333333 × 1 + 0.333334 × 0.9) = 1399176.65… → 1399177
        tap.eq(r["componentes"], {"TPM": "617283.33", "C": "411522.22", "ER": "370371.11", "D": "0.00"})
        tap.eq((r["valor_inspeccion"], r["tarifa"]), ("1399177", "0"))
        tap.ok(not any("no es oficial" in o for o in r["observaciones"]), r["observaciones"])


@tap.test("--tarifario with an error: names the file and the place, nothing on stdout, exit 2")
def _():
    path = os.path.join(DATA, "tarifario-roto.json")
    p = tarifa(UNDERGROUND, "--tarifario", path)
    tap.eq((p.returncode, p.stdout), (2, b""))
    tap.eq(p.stderr.decode(), f"error: Tarifario «{path}» no válido: factores.ER.valores: "
                              "falta la clave «arrastre» y no hay «*»\n")


@tap.test("--tarifario with a missing file, and a missing input file: exit 2")
def _():
    p = tarifa(UNDERGROUND, "--tarifario", "/no/existe.json")
    tap.eq((p.returncode, p.stdout), (2, b""))
    tap.ok("No se pudo leer el tarifario «/no/existe.json»" in p.stderr.decode(), p.stderr.decode())
    p = run("tarifa", "/no/existe-entrada.json")
    tap.eq(p.returncode, 2)
    tap.ok("no se pudo abrir la entrada" in p.stderr.decode(), p.stderr.decode())


@tap.test("--ayuda is Spanish and documents the fields per etapa; bad options exit 2")
def _():
    p = run("tarifa", "--ayuda")
    tap.eq(p.returncode, 0)
    text = p.stdout.decode()
    tap.ok(text.startswith("Uso: evaluador-minero-cli tarifa [--tarifario ARCHIVO]"), text[:60])
    for word in ("area_hectareas", "grupo_mineral", "produccion_anual", "nivel_cumplimiento",
                 "numero_inspeccion", "NO es oficial"):
        tap.ok(word in text, word)
    p = run("tarifa", "--reglas", "x.json")
    tap.eq(p.returncode, 2)
    tap.ok("opción desconocida «--reglas»" in p.stderr.decode(), p.stderr.decode())
    p = run("tarifa", "--tarifario")
    tap.eq(p.returncode, 2)
    p = run("--ayuda")
    tap.ok("tarifa" in p.stdout.decode(), "general help lists tarifa")


@tap.test("Spanish whatever the system locale says")
def _():
    env = dict(os.environ, LANG="en_US.UTF-8", LC_ALL="C", LANGUAGE="en")
    p = subprocess.run([CLI, "tarifa"], input=b'{"etapa":"mineria"}', capture_output=True,
                       env=env, timeout=30)
    tap.eq(p.stderr.decode(), "error: campo «etapa»: «mineria» no es un valor válido: use "
                              "«exploracion», «construccion_montaje» o «explotacion»\n")


tap.run()
