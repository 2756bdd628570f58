// SPDX-License-Identifier: Apache-2.0
// docs/THREATS.md T34: a saver killed before each syscall in turn. The child process stops dead with
// _exit() (no destructors, no cleanup), exactly as SIGKILL would leave things; the parent then
// checks what a later reader would find.
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <string>

#include "base/error.h"
#include "io/atomic_writer.h"
#include "io/file_lock.h"
#include "io/input_file.h"
#include "io_test_support.h"

using kartla::io::AtomicWriter;
using kartla::io::FileLock;
using kartla::io::read_all_bounded;
using namespace kartla::io::testing;

namespace {

constexpr int kCommitted = 10;
constexpr int kFailed = 11;

const std::string kOld = pattern(4096, 20);
const std::string kNew = pattern(150000, 21);

// The whole save as a program would do it: lock, write in pieces, commit.
void locked_save(const std::string& path, const kartla::io::FileSystem& fs) {
  FileLock lock = FileLock::acquire(path, fs);
  AtomicWriter w(path, fs);
  w.write(std::string_view(kNew).substr(0, 1000));
  w.write(std::string_view(kNew).substr(1000));
  w.commit();
}

// Runs the save in a child that crashes before call number `crash_index`; returns its exit code.
int run_child(const std::string& path, size_t crash_index) {
  const pid_t pid = fork();
  if (pid == 0) {
    int code = kFailed;
    try {
      FaultFs fs;
      fs.crash_before(crash_index);
      locked_save(path, fs);
      code = kCommitted;
    } catch (...) {
    }
    _exit(code);
  }
  REQUIRE(pid > 0);
  int status = 0;
  REQUIRE(waitpid(pid, &status, 0) == pid);
  REQUIRE(WIFEXITED(status));
  return WEXITSTATUS(status);
}

}  // namespace

TEST_CASE("a save killed before any syscall leaves exactly the old or the new record") {
  TempDir dir;
  const std::string path = dir.file("record.kartla");

  // The call sequence of an uninterrupted save, to know which crash points precede the rename.
  write_plain(path, kOld);
  FaultFs clean;
  locked_save(path, clean);
  const std::vector<Call> trace = clean.trace();
  size_t rename_index = trace.size();
  for (size_t i = 0; i < trace.size(); ++i) {
    if (trace[i] == Call::renameat) rename_index = i;
  }
  REQUIRE(rename_index < trace.size());

  size_t crashes = 0;
  for (size_t n = 0;; ++n) {
    INFO("killed before call " << n << (n < trace.size() ? " (" : "")
                               << (n < trace.size() ? call_name(trace[n]) : "") << ")");
    REQUIRE(n <= trace.size());
    write_plain(path, kOld);
    const int code = run_child(path, n);
    const std::string found = read_all_bounded(path, 1 << 20);

    if (code == kCommitted) {
      // The acknowledged save: its bytes must be there, and this happens only once every call,
      // the folder flush included, has run.
      CHECK(n == trace.size());
      CHECK(found == kNew);
      break;
    }
    REQUIRE(code == kCrashExitCode);
    ++crashes;
    // A process crash keeps the page cache, so the outcome is decided by the rename alone.
    if (n <= rename_index) {
      CHECK(found == kOld);
    } else {
      CHECK(found == kNew);
    }
    // The dead saver's lock died with it.
    CHECK_NOTHROW(FileLock::acquire(path));
  }
  CHECK(crashes == trace.size());

  // Crashed savers leave hidden temporaries; none of them is, or ever became, the record.
  for (const std::string& name : list_dir(dir.path())) {
    if (name == "record.kartla" || name == "record.kartla.lock") continue;
    INFO(name);
    CHECK(name.rfind(".record.kartla.tmp-", 0) == 0);
    // What a crash leaves is an unfinished copy of the new save, never anything else.
    const std::string content = read_plain(dir.file(name));
    CHECK(kNew.compare(0, content.size(), content) == 0);
  }
  CHECK(read_all_bounded(path, 1 << 20) == kNew);
}
