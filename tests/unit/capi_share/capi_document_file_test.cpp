// SPDX-License-Identifier: Apache-2.0
// kartla_record_add_document_file (kartla/experimental/documents.h): a document added from its
// file comes back byte for byte; a file that cannot be one is refused with the documented status,
// the record unchanged; and the memory it takes is about one documents section (issue 17).
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <functional>
#include <optional>
#include <random>
#include <string>

#include "capi_fixture.h"
#include "kartla/kartla.h"
#include "kartla/kartla.hpp"

namespace {

using capi_test::cheap_kdf;
using capi_test::TempDir;

const kartla::identity& owner() {
  static const kartla::identity id = [] {
    const kartla_identity_options o = cheap_kdf();
    return kartla::identity::create("document file test passphrase", &o).identity;
  }();
  return id;
}

std::string binary_file(size_t size, uint32_t seed) {
  std::mt19937 rng(seed);
  std::string out(size, '\0');
  for (char& c : out) c = static_cast<char>(rng() & 0xff);
  return out;
}

void write_file(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

kartla_status status_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const kartla::error& e) {
    return e.status();
  }
  return KARTLA_OK;
}

}  // namespace

TEST_CASE("C ABI: a document added from its file comes back byte for byte after a save", "[capi][documents]") {
  TempDir dir;
  const std::string content = binary_file((3u << 20) + 5, 21);
  write_file(dir.file("betyg.pdf"), content);
  kartla::record record = kartla::record::create(owner());
  kartla::add_document(record, "an earlier one");
  kartla::document_options options;
  options.title = "Betyg";
  options.kind = "GRADE";
  options.media_type = "application/pdf";
  const std::string id = kartla::add_document_file(record, dir.file("betyg.pdf"), options);
  CHECK(id.rfind("doc-", 0) == 0);
  CHECK(kartla::document(record, id).view() == content);  // before the save, from memory
  record.save(dir.file("r.kartla"));
  const kartla::record reopened = kartla::record::open_file(dir.file("r.kartla"), owner());
  CHECK(kartla::document(reopened, id).view() == content);
  const std::string listing = kartla::documents(reopened).str();
  CHECK(listing.find("\"size_bytes\": \"" + std::to_string(content.size()) + "\"") != std::string::npos);
  CHECK(listing.find("\"title\": \"Betyg\"") != std::string::npos);
  CHECK(listing.find("\"kind\": \"GRADE\"") != std::string::npos);
}

TEST_CASE("C ABI: a file that cannot be a document is refused, the record unchanged", "[capi][documents]") {
  TempDir dir;
  kartla::record record = kartla::record::create(owner());
  const auto refused = [&](const std::string& path) {
    const kartla_status status = status_of([&] { kartla::add_document_file(record, path); });
    CHECK(kartla::documents(record, KARTLA_ENCODING_PROTOBUF).size() == 0);
    return status;
  };
  CHECK(refused(dir.file("nowhere.pdf")) == KARTLA_E_IO);
  CHECK(refused(dir.path()) == KARTLA_E_INVALID_ARGUMENT);
  write_file(dir.file("big"), "");
  REQUIRE(::truncate(dir.file("big").c_str(), (off_t{256} << 20) + 1) == 0);  // sparse: nothing is read
  CHECK(refused(dir.file("big")) == KARTLA_E_LIMIT);
  write_file(dir.file("small"), "abc");
  kartla_document_options medical;
  kartla_document_options_init(&medical);
  medical.kind = "MEDICAL_STATEMENT";
  kartla::buffer id;
  CHECK(kartla_record_add_document_file(record.get(), dir.file("small").c_str(), &medical, id.out()) ==
        KARTLA_E_SCHEMA);
  CHECK(kartla_record_add_document_file(record.get(), nullptr, nullptr, id.out()) == KARTLA_E_INVALID_ARGUMENT);
  CHECK(kartla_record_add_document_file(nullptr, dir.file("small").c_str(), nullptr, id.out()) ==
        KARTLA_E_INVALID_ARGUMENT);
  CHECK(kartla::documents(record, KARTLA_ENCODING_PROTOBUF).size() == 0);
  CHECK(kartla_record_add_document_file(record.get(), dir.file("small").c_str(), nullptr, id.out()) == KARTLA_OK);
  CHECK(kartla::document(record, id.str()).view() == "abc");
}

namespace {

// A "VmRSS:  1234 kB" line of /proc/self/status, in bytes; 0 if absent.
uint64_t status_field(const char* name) {
  std::ifstream status("/proc/self/status");
  std::string line;
  const size_t n = std::strlen(name);
  while (std::getline(status, line))
    if (line.compare(0, n, name) == 0 && line.size() > n && line[n] == ':') return std::stoull(line.substr(n + 1)) * 1024;
  return 0;
}

// The growth of resident memory (VmHWM after - VmRSS before) while `operation` runs in a fresh
// child, as bench/peak_rss.cpp measures it; nullopt where that cannot be measured (no
// /proc/self/clear_refs) or the child failed.
std::optional<uint64_t> peak_growth(const std::function<void()>& operation) {
  int fds[2];
  if (::pipe(fds) != 0) return std::nullopt;
  std::fflush(nullptr);
  const pid_t child = ::fork();
  if (child < 0) return std::nullopt;
  if (child == 0) {
    ::close(fds[0]);
    bool ok = false;
    uint64_t growth = 0;
    if (FILE* f = std::fopen("/proc/self/clear_refs", "w")) {
      ok = std::fputs("5", f) >= 0;  // VmHWM := VmRSS
      ok = std::fclose(f) == 0 && ok;
    }
    if (ok) {
      const uint64_t before = status_field("VmRSS");
      try {
        operation();
      } catch (...) {
        ok = false;
      }
      const uint64_t peak = status_field("VmHWM");
      growth = peak > before ? peak - before : 0;
    }
    if (ok) (void)!::write(fds[1], &growth, sizeof growth);
    ::_exit(ok ? 0 : 1);
  }
  ::close(fds[1]);
  uint64_t growth = 0;
  const ssize_t got = ::read(fds[0], &growth, sizeof growth);
  ::close(fds[0]);
  int status = 0;
  ::waitpid(child, &status, 0);
  if (got != static_cast<ssize_t>(sizeof growth) || !WIFEXITED(status) || WEXITSTATUS(status) != 0) return std::nullopt;
  return growth;
}

}  // namespace

// Hidden ([.]): its own ctest (document_file_memory, tests/CMakeLists.txt), left out of builds with
// AddressSanitizer, whose shadow memory and quarantine make resident memory mean something else.
TEST_CASE("C ABI: adding a 64 MiB file grows peak memory by less than twice the file", "[.][memory]") {
  TempDir dir;
  constexpr size_t kFile = size_t{64} << 20;
  write_file(dir.file("big.bin"), binary_file(kFile, 23));
  for (const size_t existing : {size_t{0}, size_t{1} << 20}) {
    const std::string path = dir.file("r" + std::to_string(existing) + ".kartla");
    kartla::record record = kartla::record::create(owner());
    if (existing != 0) kartla::add_document(record, binary_file(existing, 24));
    record.save(path);
    const auto growth = peak_growth([&] {
      kartla::record opened = kartla::record::open_file(path, owner());
      kartla::add_document_file(opened, dir.file("big.bin"));
      opened.save(path);
    });
    if (!growth) {
      WARN("peak memory not measured (no /proc/self/clear_refs here)");
      continue;
    }
    WARN("64 MiB file into a record with " << existing << " bytes of documents: peak growth "
                                           << (*growth >> 20) << " MiB (open, add from the file, save)");
    CHECK(*growth < 2 * kFile);
  }
  // For comparison (not a promise), into an empty record: the file read into memory first and
  // added from there, as kartla document add did before.
  kartla::record::create(owner()).save(dir.file("m.kartla"));
  const auto in_memory = peak_growth([&] {
    kartla::record opened = kartla::record::open_file(dir.file("m.kartla"), owner());
    std::ifstream in(dir.file("big.bin"), std::ios::binary);
    std::string bytes(kFile, '\0');
    in.read(bytes.data(), static_cast<std::streamsize>(kFile));
    kartla::add_document(opened, bytes);
    opened.save(dir.file("m.kartla"));
  });
  if (in_memory) WARN("the same from memory (read whole, then kartla_record_add_document): " << (*in_memory >> 20) << " MiB");
}
