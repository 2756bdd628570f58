// SPDX-License-Identifier: Apache-2.0
// docs/THREATS.md T29 and T36: every syscall of a save fails in turn, with each errno it can really give.
// A failed save must throw Error(io), leave the old record byte-for-byte as it was, leave no
// temporary file behind and leak no descriptor. fsync failures are never retried into a rename.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "base/error.h"
#include "io/atomic_writer.h"
#include "io/os_error.h"
#include "io_test_support.h"

using kartla::Code;
using kartla::Error;
using kartla::io::AtomicWriter;
using kartla::io::errno_text;
using namespace kartla::io::testing;

namespace {

const std::string kOld = pattern(5000, 10);
// Three writes, one large enough that a real kernel could split it.
const std::vector<std::string> kChunks = {pattern(100, 11), pattern(200000, 12), pattern(7, 13)};

std::string joined_chunks() {
  std::string all;
  for (const auto& c : kChunks) all += c;
  return all;
}

void save(const std::string& path, const kartla::io::FileSystem& fs) {
  AtomicWriter w(path, fs);
  for (const auto& c : kChunks) w.write(c);
  w.commit();
}

// The errors each call can really return during a save.
std::vector<int> errnos_for(Call kind) {
  switch (kind) {
    case Call::open_directory: return {EACCES, EMFILE, EIO, ENOENT};
    case Call::openat: return {EACCES, ENOSPC, EDQUOT, EROFS, EIO, EMFILE};
    case Call::write: return {ENOSPC, EDQUOT, EIO, EFBIG};
    case Call::fsync: return {EIO, ENOSPC, EDQUOT, EINTR};
    case Call::close: return {EIO, EDQUOT, EINTR};
    case Call::renameat: return {EIO, EXDEV, ENOSPC, EACCES, EBUSY};
    case Call::fsync_dir: return {EIO, ENOSPC};
    default: return {EIO};
  }
}

// The occurrence number of trace[index] among calls of its kind.
int nth_of_kind(const std::vector<Call>& trace, size_t index) {
  int n = 0;
  for (size_t i = 0; i < index; ++i) n += trace[i] == trace[index] ? 1 : 0;
  return n;
}

}  // namespace

TEST_CASE("every failing step of a save leaves the old record untouched and no temporary file") {
  TempDir dir;
  const std::string path = dir.file("record.kartla");
  const std::string next = joined_chunks();

  FaultFs clean;
  write_plain(path, kOld);
  save(path, clean);
  REQUIRE(read_plain(path) == next);
  const std::vector<Call> trace = clean.trace();
  REQUIRE(trace.size() >= 9);

  size_t injected = 0;
  for (size_t step = 0; step < trace.size(); ++step) {
    const Call kind = trace[step];
    for (int err : errnos_for(kind)) {
      write_plain(path, kOld);
      FaultFs fs;
      fs.fail(kind, nth_of_kind(trace, step), err);
      INFO("step " << step << " (" << call_name(kind) << ") fails with " << errno_text(err));

      if (kind == Call::close_dir) {
        // The folder flush has already succeeded: the save is durable and is reported so.
        save(path, fs);
        CHECK(read_plain(path) == next);
      } else {
        bool threw = false;
        try {
          save(path, fs);
        } catch (const Error& e) {
          threw = true;
          CHECK(e.code() == Code::io);
          CHECK_THAT(e.what(), Catch::Contains(path) && Catch::Contains(errno_text(err)));
          if (kind == Call::fsync_dir) {
            // After the rename we cannot say "unchanged"; the message must not pretend either way.
            CHECK_THAT(e.what(), Catch::Contains("may or may not be saved"));
          } else {
            CHECK_THAT(e.what(), Catch::Contains("not saved"));
          }
        }
        CHECK(threw);
        if (kind == Call::fsync_dir) {
          CHECK(read_plain(path) == next);
        } else {
          CHECK(read_plain(path) == kOld);
          // Nothing after a failed step may run: above all no rename after a failed fsync.
          CHECK(fs.count(Call::renameat) <= 1);
          if (kind != Call::renameat) CHECK(fs.count(Call::renameat) == 0);
        }
      }
      CHECK(list_dir(dir.path()) == std::set<std::string>{"record.kartla"});
      CHECK(fs.open_fds().empty());
      ++injected;
    }
  }
  CHECK(injected > 30);
}

TEST_CASE("a short write then a full disk, at every write, fails the save cleanly") {
  TempDir dir;
  const std::string path = dir.file("rec");
  for (int nth = 0; nth < static_cast<int>(kChunks.size()); ++nth) {
    for (int err : {ENOSPC, EDQUOT}) {
      INFO("write " << nth << " is short, then " << errno_text(err));
      write_plain(path, kOld);
      FaultFs fs;
      fs.shorten(Call::write, nth);
      fs.fail(Call::write, nth + 1, err);  // what the kernel returns once the disk is full
      CHECK_THROWS_MATCHES(save(path, fs), Error, has_code(Code::io));
      CHECK(read_plain(path) == kOld);
      CHECK(fs.count(Call::renameat) == 0);
      CHECK(list_dir(dir.path()) == std::set<std::string>{"rec"});
      CHECK(fs.open_fds().empty());
    }
  }
}

TEST_CASE("short writes and EINTR alone are resumed, not treated as a failure or as the end") {
  TempDir dir;
  const std::string path = dir.file("rec");
  write_plain(path, kOld);
  FaultFs fs;
  fs.shorten(Call::write, 0, 20);  // the first twenty writes move only half of what was asked
  fs.fail(Call::write, 20, EINTR, 3);
  save(path, fs);
  CHECK(read_plain(path) == joined_chunks());
  CHECK(fs.count(Call::write) > 23);
}

TEST_CASE("a write that accepts zero bytes is a full disk, not an endless loop") {
  struct ZeroWrites : FaultFs {
    ssize_t write(int, const void*, size_t) const override { return 0; }
  } fs;
  TempDir dir;
  const std::string path = dir.file("rec");
  write_plain(path, kOld);
  CHECK_THROWS_WITH(save(path, fs), Catch::Contains(errno_text(ENOSPC)));
  CHECK(read_plain(path) == kOld);
  CHECK(list_dir(dir.path()) == std::set<std::string>{"rec"});
}

TEST_CASE("fsync fails once with EIO: the save fails, nothing is renamed, commit is not retried") {
  TempDir dir;
  const std::string path = dir.file("rec");
  write_plain(path, kOld);
  FaultFs fs;
  fs.fail(Call::fsync, 0, EIO);  // the next fsync would succeed: the fsyncgate trap

  AtomicWriter w(path, fs);
  for (const auto& c : kChunks) w.write(c);
  CHECK_THROWS_MATCHES(w.commit(), Error,
                       has_code(Code::io));
  CHECK(fs.count(Call::renameat) == 0);
  CHECK(fs.count(Call::fsync) == 1);

  // A caller that tries again gets a refusal, not a second fsync that "succeeds" and a rename.
  CHECK_THROWS_MATCHES(w.commit(), Error, has_code(Code::invalid_argument));
  CHECK_THROWS_MATCHES(w.write(std::string("more")), Error,
                       has_code(Code::invalid_argument));
  CHECK(fs.count(Call::fsync) == 1);
  CHECK(fs.count(Call::renameat) == 0);
  CHECK(read_plain(path) == kOld);
  CHECK(list_dir(dir.path()) == std::set<std::string>{"rec"});

  // Only a new save, which rewrites every byte, may succeed.
  save(path, fs);
  CHECK(read_plain(path) == joined_chunks());
}

TEST_CASE("a temporary file that cannot be removed after a failure is never taken for the record") {
  TempDir dir;
  const std::string path = dir.file("rec");
  write_plain(path, kOld);
  FaultFs fs;
  fs.fail(Call::write, 1, ENOSPC);
  fs.fail(Call::unlinkat, 0, EIO);
  // The error reported is the one that failed the save, not the cleanup's.
  CHECK_THROWS_WITH(save(path, fs), Catch::Contains(errno_text(ENOSPC)));
  CHECK(read_plain(path) == kOld);
  CHECK(list_dir(dir.path()).size() == 2);  // the stale hidden temporary, and the record
  CHECK(fs.open_fds().empty());

  save(path, kartla::io::real_file_system());
  CHECK(read_plain(path) == joined_chunks());
}
