// SPDX-License-Identifier: Apache-2.0
// AtomicWriter::commit(Replace::never): the new file appears whole under its name, or, if the
// name is taken when it is put in place, nothing changes and no temporary file is left.
#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <set>
#include <string>

#include "base/error.h"
#include "io/atomic_writer.h"
#include "io_test_support.h"

using kartla::Code;
using kartla::Error;
using kartla::io::AtomicWriter;
using namespace kartla::io::testing;

TEST_CASE("commit without replacing creates the file whole, mode 0600, and leaves nothing else") {
  TempDir dir;
  const std::string path = dir.file("document.pdf");
  const std::string bytes = pattern(200000, 3);
  AtomicWriter writer(path);
  writer.write(bytes);
  writer.commit(AtomicWriter::Replace::never);
  CHECK(read_plain(path) == bytes);
  struct stat st {};
  REQUIRE(::stat(path.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
  CHECK(list_dir(dir.path()) == std::set<std::string>{"document.pdf"});
}

TEST_CASE("commit without replacing refuses a name taken meanwhile and leaves it as it was") {
  TempDir dir;
  const std::string path = dir.file("document.pdf");
  AtomicWriter writer(path);
  writer.write(pattern(5000, 4));
  // The name is taken after the writer started (another program, or a second download).
  write_plain(path, "someone else's");
  try {
    writer.commit(AtomicWriter::Replace::never);
    FAIL("commit replaced an existing file");
  } catch (const Error& e) {
    CHECK(e.code() == Code::invalid_argument);
  }
  CHECK(read_plain(path) == "someone else's");
  CHECK(list_dir(dir.path()) == std::set<std::string>{"document.pdf"});
}
