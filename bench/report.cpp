// SPDX-License-Identifier: Apache-2.0
#include "report.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "options.h"

namespace bench {
namespace {

std::string ms(double v) {
  if (std::isnan(v)) return "-";
  char text[32];
  std::snprintf(text, sizeof text, v < 10 ? "%.3f" : "%.1f", v);
  return text;
}

std::string ratio(double kartla, double raw) {
  if (std::isnan(kartla) || std::isnan(raw) || raw <= 0) return "-";
  char text[32];
  std::snprintf(text, sizeof text, "%.2fx", kartla / raw);
  return text;
}

constexpr double kMiB = 1024.0 * 1024.0;

}  // namespace

double median(std::vector<double> samples) {
  if (samples.empty()) return NAN;
  std::sort(samples.begin(), samples.end());
  const size_t n = samples.size();
  return n % 2 == 1 ? samples[n / 2] : (samples[n / 2 - 1] + samples[n / 2]) / 2;
}

void print_table(const std::vector<Row>& rows, bool cpu) {
  auto pick = [cpu](const std::vector<Sample>& samples) {
    std::vector<double> out;
    for (const Sample& s : samples) out.push_back(cpu ? s.cpu_ms : s.wall_ms);
    return out;
  };
  std::printf("%-5s %7s %4s %9s %9s | %9s %9s %9s | %8s %8s %8s\n", "op", "size", "N", "kartla", "(min)",
              "crypto", "+io", "+io+alloc", "k/crypto", "k/+io", "k/+alloc");
  for (const Row& r : rows) {
    const std::vector<double> kartla = pick(r.kartla);
    const double k = median(kartla), c = median(pick(r.raw_crypto)), io = median(pick(r.raw_io)),
                 alloc = median(pick(r.raw_io_alloc));
    const double k_min = kartla.empty() ? NAN : *std::min_element(kartla.begin(), kartla.end());
    std::printf("%-5s %7s %4zu %9s %9s | %9s %9s %9s | %8s %8s %8s\n", r.op.c_str(), size_label(r.size).c_str(),
                kartla.size(), ms(k).c_str(), ("(" + ms(k_min) + ")").c_str(), ms(c).c_str(), ms(io).c_str(),
                ms(alloc).c_str(), ratio(k, c).c_str(), ratio(k, io).c_str(), ratio(k, alloc).c_str());
  }
}

void print_peaks(const std::vector<PeakRow>& peaks) {
  for (const PeakRow& p : peaks) {
    if (!p.peak) {
      std::printf("  %-14s %8s  not measured (no /proc/self/clear_refs, or the child failed)\n", p.what.c_str(),
                  size_label(p.size).c_str());
      continue;
    }
    const double growth = static_cast<double>(p.peak->growth());
    const double size = static_cast<double>(p.size);
    std::printf("  %-13s %8s  VmHWM %6.1f MiB = %6.1f before + %6.1f growth (%.1f of it library pages); "
                "growth = %.2fx section\n",
                p.what.c_str(), size_label(p.size).c_str(), static_cast<double>(p.peak->peak_bytes) / kMiB,
                static_cast<double>(p.peak->baseline_bytes) / kMiB, growth / kMiB,
                static_cast<double>(p.peak->file_growth_bytes) / kMiB, growth / size);
  }
}

}  // namespace bench
