/* SPDX-License-Identifier: Apache-2.0 */
// Collected timings and how they are printed.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "peak_rss.h"

namespace bench {

// One timed operation: wall-clock time, and the CPU time (user + system) the process spent on
// it. On a busy machine the CPU time is the steadier number; fsync waits count only in wall time.
struct Sample {
  double wall_ms = 0;
  double cpu_ms = 0;
};

// The raw columns add up: crypto alone; + the file I/O syscalls into a buffer reused across
// repetitions; + a fresh malloc'd buffer each time (its page faults), as Kartla must allocate.
struct Row {
  std::string op;  // "save" or "read"
  size_t size = 0;
  std::vector<Sample> kartla, raw_crypto, raw_io, raw_io_alloc;
};

struct PeakRow {
  std::string what;  // e.g. "read, Kartla"
  size_t size = 0;
  std::optional<PeakRss> peak;
};

double median(std::vector<double> samples);  // NaN for none

// The table of medians, of wall-clock time (cpu = false) or of CPU time (cpu = true).
void print_table(const std::vector<Row>& rows, bool cpu);
void print_peaks(const std::vector<PeakRow>& peaks);

}  // namespace bench
