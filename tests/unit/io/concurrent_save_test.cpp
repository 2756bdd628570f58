// SPDX-License-Identifier: Apache-2.0
// docs/THREATS.md T37, scaled to a unit test: two processes save the same record over and over under
// FileLock while this one keeps reading it. Every read must be one complete committed version.
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <string>

#include "base/error.h"
#include "io/atomic_writer.h"
#include "io/file_lock.h"
#include "io/input_file.h"
#include "io_test_support.h"

using kartla::Code;
using kartla::Error;
using kartla::io::FileLock;
using kartla::io::read_all_bounded;
using kartla::io::write_file_atomically;
using namespace kartla::io::testing;

namespace {

constexpr int kSavesPerWriter = 150;

// "<writer> <seq>\n" then a body whose length and bytes depend on both, so any mix of two
// versions, or a partial one, fails to match what its header promises.
std::string version(int writer, int seq) {
  char header[32];
  std::snprintf(header, sizeof header, "%d %d\n", writer, seq);
  return header + pattern(1000 + static_cast<size_t>((seq * 7919 + writer * 104729) % 60000),
                          static_cast<uint8_t>(writer * 131 + seq));
}

bool parse(const std::string& bytes, int* writer, int* seq) {
  return std::sscanf(bytes.c_str(), "%d %d\n", writer, seq) == 2 && bytes == version(*writer, *seq);
}

void writer_process(const std::string& path, int writer) {
  for (int seq = 0; seq < kSavesPerWriter; ++seq) {
    for (;;) {
      try {
        FileLock lock = FileLock::acquire(path);
        write_file_atomically(path, version(writer, seq));
        break;
      } catch (const Error& e) {
        if (e.code() != Code::busy) throw;
        usleep(100);  // a spinning loser would starve the winner on a loaded machine
      }
    }
  }
}

}  // namespace

TEST_CASE("concurrent locked saves and readers only ever see complete committed versions") {
  TempDir dir;
  const std::string path = dir.file("rec");
  write_plain(path, version(0, 0));

  pid_t pids[2];
  for (int w = 0; w < 2; ++w) {
    pids[w] = fork();
    if (pids[w] == 0) {
      int code = 0;
      try {
        writer_process(path, w + 1);
      } catch (...) {
        code = 1;
      }
      _exit(code);
    }
    REQUIRE(pids[w] > 0);
  }

  int reads = 0;
  int bad = 0;
  int running = 2;
  int exit_codes[2] = {-1, -1};
  while (running > 0) {
    int writer = -1;
    int seq = -1;
    if (!parse(read_all_bounded(path, 1 << 20), &writer, &seq)) ++bad;
    ++reads;
    for (int w = 0; w < 2; ++w) {
      int status = 0;
      if (exit_codes[w] == -1 && waitpid(pids[w], &status, WNOHANG) == pids[w]) {
        exit_codes[w] = WIFEXITED(status) ? WEXITSTATUS(status) : 100;
        --running;
      }
    }
  }
  INFO(reads << " reads");
  CHECK(bad == 0);
  CHECK(exit_codes[0] == 0);
  CHECK(exit_codes[1] == 0);

  // The last rename wins, and the last one was some writer's final save.
  int writer = -1;
  int seq = -1;
  REQUIRE(parse(read_all_bounded(path, 1 << 20), &writer, &seq));
  CHECK((writer == 1 || writer == 2));
  CHECK(seq == kSavesPerWriter - 1);
  CHECK(list_dir(dir.path()) == std::set<std::string>{"rec", "rec.lock"});
}
