#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End-to-end tests of `evaluador-minero-cli capacidad` against CONTRACT.md.

Usage: test-cli-capacidad.py PATH-TO-CLI   (prints TAP)"""
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

COMUN_AT_THRESHOLD = {
    "regimen": "comun", "activo_corriente": "124", "pasivo_corriente": "100",
    "activo_total": "1000", "pasivo_total": "610", "ingresos_operacionales": "600",
    "fecha_radicacion": "2017-06-01",
}


def run(*args, stdin=""):
    return subprocess.run([CLI, *args], input=stdin.encode(), capture_output=True, timeout=30)


def out_json(proc):
    return json.loads(proc.stdout.decode())


@tap.test("single object on stdin: contract output, exit 0")
def _():
    p = run("capacidad", stdin=json.dumps(COMUN_AT_THRESHOLD))
    tap.eq(p.returncode, 0)
    r = out_json(p)
    tap.eq(list(r)[:8], ["tipo", "reglas", "regimen", "resultado", "indicadores", "ktno",
                         "faltantes", "observaciones"])
    tap.eq((r["tipo"], r["reglas"], r["regimen"], r["resultado"]),
           ("capacidad", "res-anm-208-2017", "comun", "cumple"))
    tap.eq([i["id"] for i in r["indicadores"]], ["liquidez", "capital_trabajo", "endeudamiento"])
    liquidez = r["indicadores"][0]
    tap.eq((liquidez["valor"], liquidez["comparacion"], liquidez["umbral"], liquidez["cumple"],
            liquidez["fundamento"]),
           ("1.2400", ">=", "1.24", True, "Res. ANM 208/2017, art. 5 num. 3"))
    tap.eq((r["ktno"], r["faltantes"], r["observaciones"]), (None, [], []))
    tap.eq(p.stderr, b"")


@tap.test("input from a file argument and from '-'")
def _():
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump(COMUN_AT_THRESHOLD, f)
    try:
        from_file = run("capacidad", f.name)
        from_dash = run("capacidad", "-", stdin=json.dumps(COMUN_AT_THRESHOLD))
        tap.eq(from_file.returncode, 0)
        tap.eq(out_json(from_file), out_json(from_dash))
    finally:
        os.unlink(f.name)


@tap.test("simplificado: KTNO estimated and printed as money string")
def _():
    p = run("capacidad", stdin='{"regimen":"simplificado","ingresos_ultimo_ano":"0",'
                               '"saldo_promedio":"310000","monto_comercializacion_esperado":"3600000"}')
    r = out_json(p)
    tap.eq((p.returncode, r["resultado"], r["ktno"]), (0, "cumple", "310000.00"))
    tap.eq(r["indicadores"][0]["id"], "cobertura_inversion")
    tap.eq(r["indicadores"][0]["valor"], "1.0000")


@tap.test("informacion_incompleta lists exactly the missing fields")
def _():
    p = run("capacidad", stdin='{"regimen":"comun","activo_corriente":"5"}')
    r = out_json(p)
    tap.eq((p.returncode, r["resultado"]), (0, "informacion_incompleta"))
    tap.eq(r["faltantes"], ["pasivo_corriente", "activo_total", "pasivo_total",
                            "ingresos_operacionales"])


@tap.test("requiere_aval and aval_financiero")
def _():
    base = dict(COMUN_AT_THRESHOLD, activo_corriente="123.99")
    tap.eq(out_json(run("capacidad", stdin=json.dumps(base)))["resultado"], "requiere_aval")
    base["aval_financiero"] = True
    tap.eq(out_json(run("capacidad", stdin=json.dumps(base)))["resultado"], "cumple")


@tap.test("input error: Spanish message on stderr naming the field, nothing on stdout, exit 2")
def _():
    p = run("capacidad", stdin='{"regimen":"comun","pasivo_corriente":"-5"}')
    tap.eq(p.returncode, 2)
    tap.eq(p.stdout, b"")
    tap.eq(p.stderr.decode(), "error: campo «pasivo_corriente»: no puede ser negativo\n")


@tap.test("unknown field is an error, not a missing value")
def _():
    p = run("capacidad", stdin='{"regimen":"comun","activo_corrinete":"5"}')
    tap.eq((p.returncode, p.stdout), (2, b""))
    tap.ok("campo «activo_corrinete»" in p.stderr.decode(), p.stderr.decode())


@tap.test("impossible data: activo corriente above activo total")
def _():
    p = run("capacidad", stdin='{"regimen":"comun","activo_corriente":"10","activo_total":"9"}')
    tap.eq(p.returncode, 2)
    tap.ok(p.stderr.decode().startswith("error: campo «activo_corriente»: el activo corriente"),
           p.stderr.decode())


@tap.test("invalid JSON: clear error, exit 2")
def _():
    p = run("capacidad", stdin='{"regimen": "comun",}')
    tap.eq((p.returncode, p.stdout), (2, b""))
    tap.ok(p.stderr.decode().startswith("error: JSON no válido"), p.stderr.decode())


@tap.test("money as JSON number is read exactly")
def _():
    p = run("capacidad", stdin='{"regimen":"comun","activo_corriente":999999999999999.92,'
                               '"pasivo_corriente":806451612903225.75,"activo_total":1e15,'
                               '"pasivo_total":1e15,"ingresos_operacionales":1}')
    r = out_json(p)
    tap.eq(p.returncode, 0)
    tap.eq(r["indicadores"][0]["cumple"], False)
    tap.eq(r["indicadores"][0]["valor"], "1.2400")
    tap.ok(r["indicadores"][0]["nota"] and "menor" in r["indicadores"][0]["nota"], "nota says side")


@tap.test("--lineas: one result per line in order, errors inline, exit 1")
def _():
    lines = [json.dumps(COMUN_AT_THRESHOLD),
             '{"regimen":"comun","activo_corriente":"1,234.56"}',
             '',
             'no es json',
             '{"regimen":"simplificado","ingresos_ultimo_ano":"1","cuentas_por_cobrar":"1",'
             '"inventario":"0","cuentas_por_pagar":"0"}']
    p = run("capacidad", "--lineas", stdin="\n".join(lines) + "\n")
    tap.eq(p.returncode, 1)
    out = [json.loads(line) for line in p.stdout.decode().splitlines()]
    tap.eq(len(out), 4)
    tap.eq(out[0]["resultado"], "cumple")
    tap.eq(out[1]["linea"], 2)
    tap.eq(out[1]["error"]["campo"], "activo_corriente")
    tap.ok("coma" in out[1]["error"]["mensaje"] or "válido" in out[1]["error"]["mensaje"],
           out[1]["error"]["mensaje"])
    tap.eq((out[2]["linea"], out[2]["error"]["campo"]), (4, None))
    tap.eq(out[3]["resultado"], "cumple")
    tap.eq(p.stderr, b"")


@tap.test("--lineas: all valid lines exit 0")
def _():
    p = run("capacidad", "--lineas", stdin=(json.dumps(COMUN_AT_THRESHOLD) + "\n") * 3)
    tap.eq(p.returncode, 0)
    tap.eq(len(p.stdout.decode().splitlines()), 3)


@tap.test("--reglas: another rule set is followed")
def _():
    case = ('{"regimen":"simplificado","ingresos_ultimo_ano":"100","saldo_promedio":"49.99",'
            '"monto_comercializacion_esperado":"400"}')
    own = out_json(run("capacidad", "--reglas", os.path.join(DATA, "reglas-prueba.json"), stdin=case))
    shipped = out_json(run("capacidad", stdin=case))
    tap.eq((own["reglas"], own["resultado"], own["ktno"]), ("reglas-prueba", "no_cumple", "100.00"))
    tap.eq(own["indicadores"][0]["umbral"], "2")
    tap.eq(shipped["resultado"], "cumple")


@tap.test("--reglas with a broken file: names the key, exit 2")
def _():
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        rules = json.load(open(os.path.join(DATA, "reglas-prueba.json")))
        rules["umbrales"]["liquidez"]["valor"] = "1,24"
        json.dump(rules, f)
    try:
        p = run("capacidad", "--reglas", f.name, stdin=json.dumps(COMUN_AT_THRESHOLD))
        tap.eq((p.returncode, p.stdout), (2, b""))
        tap.ok("umbrales.liquidez.valor" in p.stderr.decode(), p.stderr.decode())
    finally:
        os.unlink(f.name)


@tap.test("--reglas with a missing file, and a missing input file: exit 2")
def _():
    p = run("capacidad", "--reglas", "/no/existe.json", stdin="{}")
    tap.eq(p.returncode, 2)
    tap.ok("/no/existe.json" in p.stderr.decode(), p.stderr.decode())
    p = run("capacidad", "/no/existe-entrada.json")
    tap.eq(p.returncode, 2)
    tap.ok("no se pudo abrir la entrada" in p.stderr.decode(), p.stderr.decode())


@tap.test("date outside the vigencia adds an observation")
def _():
    r = out_json(run("capacidad", stdin=json.dumps(dict(COMUN_AT_THRESHOLD,
                                                       fecha_radicacion="2026-11-21"))))
    tap.eq(r["resultado"], "cumple")
    tap.ok(any("fuera de la vigencia" in o for o in r["observaciones"]), r["observaciones"])


@tap.test("--ayuda is Spanish; unknown option and unknown command exit 2")
def _():
    p = run("capacidad", "--ayuda")
    tap.eq(p.returncode, 0)
    tap.ok(p.stdout.decode().startswith("Uso: evaluador-minero-cli capacidad"), p.stdout.decode()[:60])
    tap.ok("--reglas ARCHIVO" in p.stdout.decode(), "documents --reglas")
    p = run("capacidad", "--rapido")
    tap.eq(p.returncode, 2)
    tap.ok("opción desconocida «--rapido»" in p.stderr.decode(), p.stderr.decode())
    p = run("capacitar")
    tap.eq(p.returncode, 2)
    tap.ok("orden desconocida" in p.stderr.decode(), p.stderr.decode())
    p = run("--ayuda")
    tap.eq(p.returncode, 0)
    tap.ok("capacidad" in p.stdout.decode(), "general help lists capacidad")


@tap.test("Spanish whatever the system locale says")
def _():
    env = dict(os.environ, LANG="en_US.UTF-8", LC_ALL="C", LANGUAGE="en")
    p = subprocess.run([CLI, "capacidad"], input=b'{"regimen":"comun","pasivo_corriente":"-5"}',
                       capture_output=True, env=env, timeout=30)
    tap.eq(p.stderr.decode(), "error: campo «pasivo_corriente»: no puede ser negativo\n")


tap.run()
