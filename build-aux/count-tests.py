#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Counts test cases in meson's testlog.json files (one or more: the normal
build and the sanitizer build): each TAP «ok»/«not ok» line is one case; a
test that died without reporting a failure counts as one more failed case.
Prints «N passed, N failed[, N skipped]» for all of them together."""
import json
import re
import sys


def count(entry):
    """(passed, failed, skipped) of one test of the log."""
    ok = not_ok = skip = 0
    for tap in (entry.get("stdout") or "").splitlines():
        if re.match(r"^ok \d+", tap):
            if re.search(r"#\s*SKIP", tap, re.I):
                skip += 1
            else:
                ok += 1
        elif re.match(r"^not ok \d+", tap):
            not_ok += 1
    died = entry["result"] not in ("OK", "SKIP", "EXPECTEDFAIL")
    if ok + not_ok + skip == 0:
        ok, not_ok = (0, 1) if died else (1, 0)
    elif died and not_ok == 0:
        not_ok = 1
    return ok, not_ok, skip


passed = failed = skipped = 0
for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as log:
        for line in log:
            ok, not_ok, skip = count(json.loads(line))
            passed, failed, skipped = passed + ok, failed + not_ok, skipped + skip

line = f"{passed} passed, {failed} failed"
if skipped:
    line += f", {skipped} skipped"
print(line)
