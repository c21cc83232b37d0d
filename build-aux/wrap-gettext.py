#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Developer aid: wrap user-facing string literals of a C file in _( ).

A literal (or a run of adjacent literals) is wrapped when it holds a space or
a non-ASCII letter and is not already inside _( ), N_( ), C_( ), an #include,
a G_LOG_DOMAIN, or a call listed in SKIP.  Review the diff afterwards."""
import re, sys

SKIP = ('#include', '#define', 'G_DEFINE_QUARK', 'g_return', 'g_assert', 'strchr', 'strspn',
        'g_debug', 'g_warning', 'g_critical', 'sqlite3_', 'strcmp', 'g_str_equal')
LIT = r'"(?:[^"\\\n]|\\.)*"'
RUN = re.compile(r'(?<![A-Za-z0-9_])((?:' + LIT + r')(?:\s*' + LIT + r')*)')

def wants(text):
    inner = ''.join(re.findall(r'"((?:[^"\\\n]|\\.)*)"', text))
    return bool(re.search(r'[ áéíóúñÁÉÍÓÚÑ¿¡]', inner)) and re.search(r'[a-zA-Zá-ú]{3}', inner)

def process(src):
    out, pos = [], 0
    for m in RUN.finditer(src):
        start = m.start()
        line_start = src.rfind('\n', 0, start) + 1
        line = src[line_start:src.find('\n', start)]
        before = src[max(0, start - 4):start]
        if any(k in line for k in SKIP) or re.search(r'(?:N_|C_|_)\(\s*$', before) or line.lstrip().startswith(('*', '/*', '//')):
            continue
        if not wants(m.group(1)):
            continue
        out.append(src[pos:start]); out.append('_(' + m.group(1) + ')'); pos = m.end()
    out.append(src[pos:])
    return ''.join(out)

for path in sys.argv[1:]:
    with open(path) as f: src = f.read()
    new = process(src)
    if new != src:
        with open(path, 'w') as f: f.write(new)
        print('wrapped', path)
