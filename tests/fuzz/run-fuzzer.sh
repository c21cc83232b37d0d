#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# One bounded libFuzzer run, as a test: TARGET fuzzes for SECONDS seconds
# starting from the seed corpus SEEDS (never written); what it learns goes
# to WORK/corpus, a crashing input to WORK/crash-… (the test then fails and
# prints the end of the log).
#   run-fuzzer.sh TARGET SEEDS WORK SECONDS
set -eu
target=$1 seeds=$2 work=$3 seconds=$4

rm -rf "$work"
mkdir -p "$work/corpus"
# Leaks are checked after every input; UBSan findings stop the run.
ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}"
UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
export ASAN_OPTIONS UBSAN_OPTIONS

status=0
"$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
  -artifact_prefix="$work/" "$work/corpus" "$seeds" >"$work/log" 2>&1 || status=$?

runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/log")
echo "$(basename "$target"): ${runs:-?} ejecuciones en $seconds s (estado $status)"
if [ "$status" -ne 0 ]; then
  tail -n 80 "$work/log"
  ls "$work"/crash-* "$work"/leak-* "$work"/timeout-* "$work"/oom-* 2>/dev/null || true
fi
exit "$status"
