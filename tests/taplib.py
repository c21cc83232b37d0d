# SPDX-License-Identifier: GPL-3.0-or-later
"""A very small TAP producer for the end-to-end tests: each test is a
function; a failed check fails its test with the reason, the others go on."""
import sys
import traceback


class CheckFailed(Exception):
    pass


class Skipped(Exception):
    pass


class Tap:
    def __init__(self):
        self.tests = []

    def test(self, name):
        def register(function):
            self.tests.append((name, function))
            return function
        return register

    def eq(self, got, want):
        if got != want:
            raise CheckFailed(f"got {got!r}, want {want!r}")

    def ok(self, condition, why=""):
        if not condition:
            raise CheckFailed(f"check failed: {why!r}")

    def skip(self, why):
        """Ends the test as skipped (TAP «# SKIP»): what it needs is not here."""
        raise Skipped(why)

    def run(self):
        print(f"1..{len(self.tests)}")
        failed = 0
        for number, (name, function) in enumerate(self.tests, 1):
            try:
                function()
                print(f"ok {number} - {name}")
            except Skipped as why:
                print(f"ok {number} - {name} # SKIP {why}")
            except Exception as error:  # noqa: BLE001 - report any failure as TAP
                failed += 1
                print(f"not ok {number} - {name}")
                detail = str(error) if isinstance(error, CheckFailed) else traceback.format_exc()
                for line in detail.splitlines():
                    print(f"# {line}")
        sys.stdout.flush()
        sys.exit(1 if failed else 0)
