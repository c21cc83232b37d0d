/* em-bench-scroll.h — what the two scroll benchmarks share
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A frame is late when it comes more than 1.5 × 1/60 s after the one
 * before (a frame missed at 60 Hz).  Under `valgrind --tool=callgrind
 * --instr-atstart=no` the benchmarks count only their scroll; without
 * valgrind's header the markers do nothing.
 */
#pragma once

#include <sys/resource.h>
#if __has_include(<valgrind/callgrind.h>)
#include <valgrind/callgrind.h>
#else
#define CALLGRIND_START_INSTRUMENTATION
#define CALLGRIND_STOP_INSTRUMENTATION
#endif

#define LATE_US (1000000 / 60 * 3 / 2)

/* Processor time of this process so far, in ms. */
static inline double
cpu_ms (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e3
         + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e3;
}
