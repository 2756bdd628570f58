// SPDX-License-Identifier: Apache-2.0
#include "threads.h"

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <thread>
#include <vector>

#include "payload.h"
#include "report.h"

namespace bench {
namespace {

// The threads open their records, then wait for `go`, so the timing covers only the reads.
struct StartLine {
  std::atomic<int> ready{0};
  std::atomic<bool> go{false};
};

void reader(const KartlaOwner& owner, const std::string& path, int ops, bool into, StartLine& start,
            std::atomic<int>& sink, std::exception_ptr& error) {
  kartla_record* record = nullptr;
  try {
    check(kartla_record_open_file(path.c_str(), owner.get(), &record), "kartla_record_open_file");
    size_t capacity = 0;
    check(kartla_record_section_size(record, kSectionName, &capacity), "kartla_record_section_size");
    std::vector<uint8_t> buffer(into ? capacity : 0, 1);
    start.ready.fetch_add(1);
    while (!start.go.load()) std::this_thread::yield();
    int mix = 0;
    for (int i = 0; i < ops; ++i) {
      if (into) {
        size_t len = 0;
        check(kartla_record_section_into(record, kSectionName, buffer.data(), buffer.size(), &len),
              "kartla_record_section_into");
        mix ^= buffer[len - 1];
      } else {
        kartla_buffer plaintext = KARTLA_BUFFER_INIT;
        check(kartla_record_section(record, kSectionName, &plaintext), "kartla_record_section");
        mix ^= plaintext.data[plaintext.len - 1];
        kartla_buffer_free(&plaintext);
      }
    }
    sink.fetch_xor(mix);
  } catch (...) {
    error = std::current_exception();
    start.ready.fetch_add(1);  // never leave the starter waiting
  }
  kartla_record_free(record);
}

std::atomic<int> g_scaling_sink{0};

double run_threads(const KartlaOwner& owner, const std::string& path, int threads, int ops_each, bool into) {
  StartLine start;
  std::vector<std::exception_ptr> errors(static_cast<size_t>(threads));
  std::vector<std::thread> running;
  for (int t = 0; t < threads; ++t)
    running.emplace_back(reader, std::cref(owner), std::cref(path), ops_each, into, std::ref(start),
                         std::ref(g_scaling_sink), std::ref(errors[static_cast<size_t>(t)]));
  while (start.ready.load() < threads) std::this_thread::yield();
  const auto begin = std::chrono::steady_clock::now();
  start.go.store(true);
  for (auto& th : running) th.join();
  const auto took = std::chrono::steady_clock::now() - begin;
  for (const auto& e : errors)
    if (e) std::rethrow_exception(e);
  return std::chrono::duration<double, std::milli>(took).count();
}

}  // namespace

Scaling measure_scaling(const KartlaOwner& owner, const std::string& path, int ops, bool into, int rounds) {
  std::vector<double> one, two;
  for (int r = 0; r < rounds; ++r) {
    // Alternating the order keeps a slow drift from favouring one side.
    if (r % 2 == 1) two.push_back(run_threads(owner, path, 2, ops, into));
    one.push_back(run_threads(owner, path, 1, 2 * ops, into));
    if (r % 2 == 0) two.push_back(run_threads(owner, path, 2, ops, into));
  }
  return {median(one), median(two)};
}

}  // namespace bench
