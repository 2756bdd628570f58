// SPDX-License-Identifier: Apache-2.0
// Reading a record: limits before allocation, truncation as a format error, short reads resumed,
// and a held file unaffected by a save that replaces the path.
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <string>

#include "base/error.h"
#include "io/atomic_writer.h"
#include "io/input_file.h"
#include "io/os_error.h"
#include "io_test_support.h"

using kartla::Code;
using kartla::Error;
using kartla::io::InputFile;
using kartla::io::read_all_bounded;
using kartla::io::write_file_atomically;
using namespace kartla::io::testing;

TEST_CASE("a whole file is read back exactly, up to and including the size limit") {
  TempDir dir;
  const std::string path = dir.file("rec");
  const std::string content = pattern(70000, 30);
  write_plain(path, content);
  CHECK(read_all_bounded(path, content.size()) == content);
  CHECK_THROWS_MATCHES(read_all_bounded(path, content.size() - 1), Error, has_code(Code::limit));
  write_plain(path, "");
  CHECK(read_all_bounded(path, 0).empty());
}

TEST_CASE("an oversized file is refused from its size alone, before any read or allocation") {
  TempDir dir;
  const std::string path = dir.file("huge");
  // A sparse terabyte: allocating or reading it would exhaust memory or take minutes.
  write_plain(path, "");
  REQUIRE(::truncate(path.c_str(), off_t{1} << 40) == 0);

  FaultFs fs;
  CHECK_THROWS_MATCHES(read_all_bounded(path, 1 << 20, fs), Error, has_code(Code::limit));
  CHECK_THROWS_MATCHES(InputFile(path, 1 << 20, fs), Error, has_code(Code::limit));
  CHECK(fs.count(Call::pread) == 0);
  CHECK(fs.open_fds().empty());
}

TEST_CASE("reading past the end is 'truncated', including a length that would overflow") {
  TempDir dir;
  const std::string path = dir.file("rec");
  write_plain(path, pattern(100, 31));
  InputFile f(path, 1000);
  REQUIRE(f.size() == 100);
  uint8_t buf[200];
  CHECK_NOTHROW(f.read_exact(90, buf, 10));
  CHECK_NOTHROW(f.read_exact(100, buf, 0));
  CHECK_THROWS_MATCHES(f.read_exact(90, buf, 11), Error, has_code(Code::format));
  CHECK_THROWS_MATCHES(f.read_exact(101, buf, 0), Error, has_code(Code::format));
  CHECK_THROWS_MATCHES(f.read_exact(~uint64_t{0}, buf, 2), Error, has_code(Code::format));
  // offset + n wraps to a small number here; the range check must catch it before any pread.
  CHECK_THROWS_WITH(f.read_exact(90, buf, SIZE_MAX - 50), Catch::Contains("wanted"));
  CHECK_THROWS_WITH(f.read_exact(0, buf, 200), Catch::Contains("truncated"));
}

TEST_CASE("a file cut short after it was opened gives 'truncated' when EOF comes early") {
  TempDir dir;
  const std::string path = dir.file("rec");
  write_plain(path, pattern(100, 32));
  InputFile f(path, 1000);
  REQUIRE(::truncate(path.c_str(), 10) == 0);  // in place, same inode
  uint8_t buf[100];
  CHECK_THROWS_MATCHES(f.read_exact(0, buf, 100), Error, has_code(Code::format));
  CHECK_THROWS_WITH(f.read_exact(0, buf, 100), Catch::Contains("truncated"));
}

TEST_CASE("short reads and EINTR are resumed until every byte is in") {
  TempDir dir;
  const std::string path = dir.file("rec");
  const std::string content = pattern(50000, 33);
  write_plain(path, content);
  FaultFs fs;
  fs.fail(Call::pread, 0, EINTR, 2);
  fs.shorten(Call::pread, 2, 10);
  CHECK(read_all_bounded(path, 1 << 20, fs) == content);
  CHECK(fs.count(Call::pread) > 12);
}

TEST_CASE("a read error is an io error naming the file") {
  TempDir dir;
  const std::string path = dir.file("rec");
  write_plain(path, "abc");
  FaultFs fs;
  fs.fail(Call::pread, 0, EIO);
  try {
    read_all_bounded(path, 100, fs);
    FAIL("expected an error");
  } catch (const Error& e) {
    CHECK(e.code() == Code::io);
    CHECK_THAT(e.what(), Catch::Contains(path) && Catch::Contains(kartla::io::errno_text(EIO)));
  }
  CHECK(fs.open_fds().empty());
}

TEST_CASE("an open file keeps reading the old bytes after a save replaces the path") {
  TempDir dir;
  const std::string path = dir.file("rec");
  const std::string old_bytes = pattern(4000, 34);
  const std::string new_bytes = pattern(9000, 35);
  write_plain(path, old_bytes);

  InputFile f(path, 1 << 20);
  uint8_t head[10];
  f.read_exact(0, head, sizeof head);
  write_file_atomically(path, new_bytes);

  std::string rest(f.size(), '\0');
  f.read_exact(0, reinterpret_cast<uint8_t*>(rest.data()), rest.size());
  CHECK(rest == old_bytes);
  CHECK(read_all_bounded(path, 1 << 20) == new_bytes);
}

TEST_CASE("a symlink to the record is followed") {
  TempDir dir;
  write_plain(dir.file("real"), "on the stick");
  REQUIRE(::symlink(dir.file("real").c_str(), dir.file("link").c_str()) == 0);
  CHECK(read_all_bounded(dir.file("link"), 100) == "on the stick");
}

TEST_CASE("folders, FIFOs and missing files are refused, and a FIFO does not hang the open") {
  TempDir dir;
  CHECK_THROWS_MATCHES(InputFile(dir.path(), 1 << 20), Error, has_code(Code::invalid_argument));

  const std::string fifo = dir.file("fifo");
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  const auto start = std::chrono::steady_clock::now();
  CHECK_THROWS_MATCHES(InputFile(fifo, 1 << 20), Error, has_code(Code::invalid_argument));
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(2));

  try {
    InputFile(dir.file("missing"), 100);
    FAIL("expected an error");
  } catch (const Error& e) {
    CHECK(e.code() == Code::io);
    CHECK_THAT(e.what(), Catch::Contains("missing") && Catch::Contains("No such file"));
  }
}

TEST_CASE("an InputFile closes its descriptor once, also when moved") {
  TempDir dir;
  const std::string path = dir.file("rec");
  write_plain(path, "abc");
  FaultFs fs;
  {
    InputFile a(path, 100, fs);
    InputFile b(std::move(a));
    InputFile c(path, 100, fs);
    c = std::move(b);
    uint8_t buf[3];
    c.read_exact(0, buf, 3);
    CHECK(std::string(reinterpret_cast<char*>(buf), 3) == "abc");
    CHECK_THROWS_MATCHES(a.read_exact(0, buf, 1), Error,  // NOLINT: use after move on purpose
                         has_code(Code::invalid_argument));
  }
  CHECK(fs.count(Call::close) == 2);
  CHECK(fs.open_fds().empty());
}

TEST_CASE("open_if_exists is empty only for a missing path; any other failure still throws") {
  TempDir dir;
  CHECK_FALSE(InputFile::open_if_exists(dir.file("missing"), 100).has_value());
  REQUIRE(::symlink(dir.file("nowhere").c_str(), dir.file("dangling").c_str()) == 0);
  CHECK_FALSE(InputFile::open_if_exists(dir.file("dangling"), 100).has_value());

  const std::string path = dir.file("rec");
  write_plain(path, "abc");
  auto f = InputFile::open_if_exists(path, 100);
  REQUIRE(f.has_value());
  CHECK(f->size() == 3);

  // A record that exists but cannot be read must not look absent, or a caller would overwrite it.
  CHECK_THROWS_MATCHES(InputFile::open_if_exists(path, 2), Error, has_code(Code::limit));
  CHECK_THROWS_MATCHES(InputFile::open_if_exists(dir.path(), 100), Error,
                       has_code(Code::invalid_argument));
  FaultFs fs;
  fs.fail(Call::open, 0, EIO);
  CHECK_THROWS_MATCHES(InputFile::open_if_exists(path, 100, fs), Error, has_code(Code::io));
  FaultFs denied;
  denied.fail(Call::open, 0, EACCES);
  CHECK_THROWS_MATCHES(InputFile::open_if_exists(path, 100, denied), Error, has_code(Code::io));
  CHECK(fs.open_fds().empty());
}
