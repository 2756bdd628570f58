// SPDX-License-Identifier: Apache-2.0
// The ordinary behaviour of a save: content, naming, permissions, cleanup, and the order of the
// durability steps.
#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <utility>

#include "base/error.h"
#include "io/atomic_writer.h"
#include "io_test_support.h"

using kartla::Code;
using kartla::Error;
using kartla::io::AtomicWriter;
using kartla::io::write_file_atomically;
using namespace kartla::io::testing;

namespace {

bool is_temp_of(const std::string& entry, const std::string& base) {
  return entry.rfind("." + base + ".tmp-", 0) == 0;
}

}  // namespace

TEST_CASE("a save replaces the file with exactly the new bytes, mode 0600") {
  TempDir dir;
  const std::string path = dir.file("record.kartla");
  write_plain(path, pattern(1000, 1));
  ::chmod(path.c_str(), 0644);

  const std::string next = pattern(300000, 2);
  write_file_atomically(path, next);

  CHECK(read_plain(path) == next);
  struct stat st {};
  REQUIRE(::stat(path.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
  CHECK(list_dir(dir.path()) == std::set<std::string>{"record.kartla"});
}

TEST_CASE("a save creates a file that did not exist, and an empty save is an empty file") {
  TempDir dir;
  write_file_atomically(dir.file("a"), std::string("hello"));
  CHECK(read_plain(dir.file("a")) == "hello");
  write_file_atomically(dir.file("a"), std::string());
  CHECK(read_plain(dir.file("a")).empty());
}

TEST_CASE("a relative path saves into the current folder") {
  TempDir dir;
  char old_cwd[4096];
  REQUIRE(getcwd(old_cwd, sizeof old_cwd) != nullptr);
  REQUIRE(chdir(dir.path().c_str()) == 0);
  write_file_atomically("rel.kartla", std::string("relative"));
  REQUIRE(chdir(old_cwd) == 0);
  CHECK(read_plain(dir.file("rel.kartla")) == "relative");
}

TEST_CASE("the temporary file is hidden, in the same folder, 0600, and gone after commit") {
  TempDir dir;
  const std::string path = dir.file("rec");
  write_plain(path, "old");
  AtomicWriter w(path);
  w.write(std::string("new"));

  std::set<std::string> entries = list_dir(dir.path());
  REQUIRE(entries.size() == 2);
  entries.erase("rec");
  const std::string temp = *entries.begin();
  CHECK(is_temp_of(temp, "rec"));
  struct stat st {};
  REQUIRE(::stat(dir.file(temp).c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
  CHECK(read_plain(path) == "old");  // nothing visible before commit

  w.commit();
  CHECK(read_plain(path) == "new");
  CHECK(list_dir(dir.path()) == std::set<std::string>{"rec"});
}

TEST_CASE("a writer destroyed without commit removes its temporary file and keeps the old one") {
  TempDir dir;
  const std::string path = dir.file("rec");
  write_plain(path, "old");
  {
    AtomicWriter w(path);
    w.write(std::string("half a save"));
  }
  CHECK(read_plain(path) == "old");
  CHECK(list_dir(dir.path()) == std::set<std::string>{"rec"});
}

TEST_CASE("two writers for the same path do not collide on the temporary name") {
  TempDir dir;
  const std::string path = dir.file("rec");
  AtomicWriter a(path);
  AtomicWriter b(path);
  a.write(std::string("a"));
  b.write(std::string("b"));
  CHECK(list_dir(dir.path()).size() == 2);
  a.commit();
  b.commit();
  CHECK(read_plain(path) == "b");
  CHECK(list_dir(dir.path()) == std::set<std::string>{"rec"});
}

TEST_CASE("a taken temporary name is skipped, never adopted") {
  TempDir dir;
  const std::string path = dir.file("rec");
  // Fail the first few creations as if those names were taken (O_EXCL said EEXIST).
  FaultFs fs;
  fs.fail(Call::openat, 0, EEXIST, 3);
  write_file_atomically(path, std::string("x"), fs);
  CHECK(fs.count(Call::openat) == 4);
  CHECK(read_plain(path) == "x");

  FaultFs always;
  always.fail(Call::openat, 0, EEXIST, 1000);
  CHECK_THROWS_MATCHES(write_file_atomically(path, std::string("y"), always), Error,
                       has_code(Code::io));
  CHECK(always.open_fds().empty());
  CHECK(read_plain(path) == "x");
}

TEST_CASE("the durability steps run in order and commit returns only after the folder flush") {
  TempDir dir;
  const std::string path = dir.file("rec");
  write_plain(path, "old");
  FaultFs fs;
  {
    AtomicWriter w(path, fs);
    w.write(std::string("one"));
    w.write(std::string("two"));
    w.commit();
  }
  // The rename must come after the file's data is on disk (or a crash can expose an empty or
  // partial record), and the folder flush after the rename (or the rename can be lost).
  const std::vector<Call> expected = {Call::readlink, Call::open_directory, Call::openat,
                                      Call::write,    Call::write,          Call::fsync,
                                      Call::close,    Call::renameat,       Call::fsync_dir,
                                      Call::close_dir};
  std::string got;
  for (Call c : fs.trace()) got += std::string(call_name(c)) + " ";
  INFO(got);
  CHECK(fs.trace() == expected);
  CHECK(fs.open_fds().empty());
  CHECK(read_plain(path) == "onetwo");
}

TEST_CASE("a moved writer commits once and the moved-from one does nothing") {
  TempDir dir;
  const std::string path = dir.file("rec");
  AtomicWriter a(path);
  a.write(std::string("moved"));
  AtomicWriter b(std::move(a));
  CHECK_THROWS_MATCHES(a.commit(), Error, has_code(Code::invalid_argument));
  b.commit();
  CHECK(read_plain(path) == "moved");

  AtomicWriter c(dir.file("other"));
  c.write(std::string("discarded"));
  AtomicWriter d(dir.file("third"));
  d = std::move(c);  // d's own unfinished save is abandoned and its temporary removed
  d.commit();
  CHECK(read_plain(dir.file("other")) == "discarded");
  CHECK(list_dir(dir.path()) == std::set<std::string>{"rec", "other"});
}

TEST_CASE("a path without a file name is refused before anything is created") {
  TempDir dir;
  for (const std::string& bad : {std::string(""), dir.path() + "/", dir.path() + "/.",
                                dir.path() + "/.."}) {
    INFO(bad);
    CHECK_THROWS_MATCHES(AtomicWriter(bad), Error, has_code(Code::invalid_argument));
  }
  CHECK(list_dir(dir.path()).empty());
}

TEST_CASE("a missing folder is an io error naming the path") {
  TempDir dir;
  const std::string path = dir.file("no/such/folder/rec");
  try {
    write_file_atomically(path, std::string("x"));
    FAIL("expected an error");
  } catch (const Error& e) {
    CHECK(e.code() == Code::io);
    CHECK_THAT(e.what(), Catch::Contains(path) && Catch::Contains("No such file or directory"));
  }
}

TEST_CASE("a save through a symlink replaces the file it points to and keeps the link") {
  TempDir dir;
  REQUIRE(::mkdir(dir.file("stick").c_str(), 0700) == 0);
  const std::string target = dir.file("stick/record.kartla");
  write_plain(target, "old");
  // Relative link, as `ln -s stick/record.kartla link` makes; then a chain through an absolute one.
  REQUIRE(::symlink("stick/record.kartla", dir.file("link").c_str()) == 0);
  REQUIRE(::symlink(dir.file("link").c_str(), dir.file("link2").c_str()) == 0);

  AtomicWriter w(dir.file("link2"));
  CHECK(w.final_path() == dir.path() + "/stick/record.kartla");
  w.write(std::string("new"));
  w.commit();

  CHECK(read_plain(target) == "new");
  struct stat st {};
  REQUIRE(::lstat(dir.file("link").c_str(), &st) == 0);
  CHECK(S_ISLNK(st.st_mode));
  REQUIRE(::lstat(dir.file("link2").c_str(), &st) == 0);
  CHECK(S_ISLNK(st.st_mode));
  CHECK(list_dir(dir.file("stick")) == std::set<std::string>{"record.kartla"});
}

TEST_CASE("a dangling link is saved through (creating its target); a link loop is an io error") {
  TempDir dir;
  REQUIRE(::symlink("new.kartla", dir.file("link").c_str()) == 0);
  write_file_atomically(dir.file("link"), std::string("first"));
  CHECK(read_plain(dir.file("new.kartla")) == "first");

  REQUIRE(::symlink("b", dir.file("a").c_str()) == 0);
  REQUIRE(::symlink("a", dir.file("b").c_str()) == 0);
  CHECK_THROWS_MATCHES(write_file_atomically(dir.file("a"), std::string("x")), Error,
                       has_code(Code::io));
}
