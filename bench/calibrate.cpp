// SPDX-License-Identifier: Apache-2.0
#include "calibrate.h"

#include <sodium.h>
#include <sys/mman.h>
#include <time.h>

#include <stdexcept>
#include <vector>

#include "report.h"

namespace bench {
namespace {

double cpu_us() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) * 1e6 + static_cast<double>(t.tv_nsec) / 1e3;
}

double secure_alloc_us() {
  constexpr int kBatch = 20;
  std::vector<double> samples;
  for (int round = 0; round < 15; ++round) {
    const double start = cpu_us();
    for (int i = 0; i < kBatch; ++i) {
      void* p = sodium_malloc(32);
      if (p == nullptr) throw std::runtime_error("sodium_malloc failed");
      static_cast<volatile unsigned char*>(p)[0] = 1;
      sodium_free(p);
    }
    samples.push_back((cpu_us() - start) / kBatch);
  }
  return median(samples);
}

double page_fault_us() {
  constexpr size_t kPages = 1024;
  const size_t page = 4096;
  std::vector<double> samples;
  for (int round = 0; round < 9; ++round) {
    void* p = ::mmap(nullptr, kPages * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) throw std::runtime_error("mmap failed");
    ::madvise(p, kPages * page, MADV_NOHUGEPAGE);  // 4 KiB faults, as malloc'd buffers mostly get
    auto* bytes = static_cast<volatile unsigned char*>(p);
    const double start = cpu_us();
    for (size_t i = 0; i < kPages; ++i) bytes[i * page] = 1;
    samples.push_back((cpu_us() - start) / kPages);
    ::munmap(p, kPages * page);
  }
  return median(samples);
}

}  // namespace

Calibration calibrate() { return {secure_alloc_us(), page_fault_us()}; }

}  // namespace bench
