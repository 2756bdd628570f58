// SPDX-License-Identifier: Apache-2.0
// One saver at a time, contention reported at once as busy, and no stale lock after a crash.
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <string>
#include <utility>

#include "base/error.h"
#include "io/file_lock.h"
#include "io_test_support.h"

using kartla::Code;
using kartla::Error;
using kartla::io::FileLock;
using namespace kartla::io::testing;

namespace {

bool is_busy(const std::string& record) {
  try {
    FileLock::acquire(record);
    return false;
  } catch (const Error& e) {
    return e.code() == Code::busy &&
           std::string(e.what()) == "another program is saving this record";
  }
}

int wait_exit_code(pid_t pid) {
  int status = 0;
  if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status)) return -1;
  return WEXITSTATUS(status);
}

}  // namespace

TEST_CASE("a second lock in the same process is busy until the first is released") {
  TempDir dir;
  const std::string record = dir.file("rec");
  {
    FileLock first = FileLock::acquire(record);
    CHECK(first.lock_path() == record + ".lock");
    struct stat st {};
    REQUIRE(::stat(first.lock_path().c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    CHECK(is_busy(record));
  }
  CHECK_NOTHROW(FileLock::acquire(record));
  // Left on disk on purpose: unlinking it would let two savers lock different inodes.
  CHECK(list_dir(dir.path()) == std::set<std::string>{"rec.lock"});
}

TEST_CASE("a moved lock stays held until its last owner goes") {
  TempDir dir;
  const std::string record = dir.file("rec");
  FileLock a = FileLock::acquire(record);
  {
    FileLock b(std::move(a));
    CHECK(is_busy(record));
    FileLock c = FileLock::acquire(dir.file("other"));
    c = std::move(b);  // c's own lock on "other" is released here
    CHECK(is_busy(record));
    CHECK_NOTHROW(FileLock::acquire(dir.file("other")));
  }
  CHECK_NOTHROW(FileLock::acquire(record));
}

TEST_CASE("another process is told busy while we hold the lock") {
  TempDir dir;
  const std::string record = dir.file("rec");
  FileLock held = FileLock::acquire(record);
  const pid_t pid = fork();
  if (pid == 0) _exit(is_busy(record) ? 0 : 1);
  REQUIRE(pid > 0);
  CHECK(wait_exit_code(pid) == 0);
}

TEST_CASE("a lock held by a process that is killed is free again at once") {
  TempDir dir;
  const std::string record = dir.file("rec");
  int ready[2];
  REQUIRE(pipe(ready) == 0);
  const pid_t pid = fork();
  if (pid == 0) {
    ::close(ready[0]);
    try {
      FileLock lock = FileLock::acquire(record);
      const char c = 'x';
      if (::write(ready[1], &c, 1) != 1) _exit(2);
      for (;;) pause();  // holds the lock until killed
    } catch (...) {
      _exit(1);
    }
  }
  REQUIRE(pid > 0);
  ::close(ready[1]);
  char c = 0;
  REQUIRE(::read(ready[0], &c, 1) == 1);
  ::close(ready[0]);

  CHECK(is_busy(record));
  REQUIRE(kill(pid, SIGKILL) == 0);
  int status = 0;
  REQUIRE(waitpid(pid, &status, 0) == pid);
  CHECK(WIFSIGNALED(status));
  CHECK_NOTHROW(FileLock::acquire(record));
}

TEST_CASE("a lock that the file system cannot give is an io error, not busy") {
  TempDir dir;
  const std::string record = dir.file("rec");
  FaultFs no_locks;
  no_locks.fail(Call::flock, 0, ENOLCK);
  CHECK_THROWS_MATCHES(FileLock::acquire(record, no_locks), Error,
                       has_code(Code::io));
  CHECK(no_locks.open_fds().empty());

  FaultFs no_open;
  no_open.fail(Call::open, 0, EACCES);
  CHECK_THROWS_WITH(FileLock::acquire(record, no_open), Catch::Contains(record + ".lock"));

  FaultFs interrupted;
  interrupted.fail(Call::flock, 0, EINTR);
  CHECK_NOTHROW(FileLock::acquire(record, interrupted));
}

TEST_CASE("savers reaching one record through different links lock the same file") {
  TempDir dir;
  const std::string record = dir.file("rec");
  REQUIRE(::symlink("rec", dir.file("link").c_str()) == 0);
  FileLock held = FileLock::acquire(dir.file("link"));
  CHECK(held.lock_path() == record + ".lock");
  CHECK(is_busy(record));
}

TEST_CASE("a symlink planted at the lock's name is refused, and nothing is created where it points") {
  TempDir dir;
  const std::string record = dir.file("rec");
  const std::string target = dir.file("elsewhere");
  REQUIRE(::symlink(target.c_str(), (record + ".lock").c_str()) == 0);
  try {
    FileLock::acquire(record);
    FAIL("the lock followed a planted symlink");
  } catch (const Error& e) {
    CHECK(e.code() == Code::io);
    CHECK(std::string(e.what()).find("symbolic link") != std::string::npos);
  }
  struct stat st {};
  CHECK(::lstat(target.c_str(), &st) != 0);
}
