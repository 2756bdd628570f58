// SPDX-License-Identifier: Apache-2.0
#include "peak_rss.h"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <exception>
#include <fstream>
#include <string>

namespace bench {
namespace {

// A "VmRSS:  1234 kB" line of /proc/self/status, in bytes; 0 if absent.
uint64_t status_field(const char* name) {
  std::ifstream status("/proc/self/status");
  std::string line;
  const size_t n = std::strlen(name);
  while (std::getline(status, line))
    if (line.compare(0, n, name) == 0 && line.size() > n && line[n] == ':')
      return std::stoull(line.substr(n + 1)) * 1024;
  return 0;
}

bool reset_high_water_mark() {
  FILE* f = std::fopen("/proc/self/clear_refs", "w");
  if (f == nullptr) return false;
  const bool ok = std::fputs("5", f) >= 0;
  return std::fclose(f) == 0 && ok;
}

}  // namespace

std::optional<PeakRss> measure_peak_rss(const std::function<void()>& operation) {
  int fds[2];
  if (::pipe(fds) != 0) return std::nullopt;
  std::fflush(nullptr);
  const pid_t child = ::fork();
  if (child < 0) return std::nullopt;
  if (child == 0) {
    ::close(fds[0]);
    PeakRss r;
    bool ok = reset_high_water_mark();
    if (ok) {
      r.baseline_bytes = status_field("VmRSS");
      const uint64_t file_before = status_field("RssFile");
      try {
        operation();
      } catch (const std::exception& e) {
        std::fprintf(stderr, "kartla_bench: in the peak-memory child: %s\n", e.what());
        ok = false;
      }
      r.peak_bytes = status_field("VmHWM");
      const uint64_t file_after = status_field("RssFile");
      r.file_growth_bytes = file_after > file_before ? file_after - file_before : 0;
    }
    if (ok) (void)!::write(fds[1], &r, sizeof r);
    ::_exit(ok ? 0 : 1);  // no destructors or atexit handlers of the parent's objects in the child
  }
  ::close(fds[1]);
  PeakRss r;
  const ssize_t got = ::read(fds[0], &r, sizeof r);
  ::close(fds[0]);
  int status = 0;
  ::waitpid(child, &status, 0);
  if (got != static_cast<ssize_t>(sizeof r) || !WIFEXITED(status) || WEXITSTATUS(status) != 0) return std::nullopt;
  return r;
}

}  // namespace bench
