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
#include "peak_rss.h"
#include "kartla/kartla.h"
#include "kartla/kartla.hpp"

namespace {

using capi_test::binary_file;
using capi_test::status_of;
using capi_test::write_file;
using capi_test::cheap_kdf;
using capi_test::TempDir;

const kartla::identity& owner() {
  static const kartla::identity id = [] {
    const kartla_identity_options o = cheap_kdf();
    return kartla::identity::create("document file test passphrase", &o).identity;
  }();
  return id;
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
    const auto peak = bench::measure_peak_rss([&] {
      kartla::record opened = kartla::record::open_file(path, owner());
      kartla::add_document_file(opened, dir.file("big.bin"));
      opened.save(path);
    });
    // Not skipped where it cannot be measured: this test is for Linux, which has clear_refs.
    REQUIRE(peak.has_value());
    const uint64_t growth = peak->growth();
    WARN("64 MiB file into a record with " << existing << " bytes of documents: peak growth "
                                           << (growth >> 20) << " MiB (open, add from the file, save)");
    CHECK(growth < 2 * kFile);
  }
  // For comparison (not a promise), into an empty record: the file read into memory first and
  // added from there, as kartla document add did before.
  kartla::record::create(owner()).save(dir.file("m.kartla"));
  const auto in_memory = bench::measure_peak_rss([&] {
    kartla::record opened = kartla::record::open_file(dir.file("m.kartla"), owner());
    std::ifstream in(dir.file("big.bin"), std::ios::binary);
    std::string bytes(kFile, '\0');
    in.read(bytes.data(), static_cast<std::streamsize>(kFile));
    kartla::add_document(opened, bytes);
    opened.save(dir.file("m.kartla"));
  });
  if (in_memory)
    WARN("the same from memory (read whole, then kartla_record_add_document): " << (in_memory->growth() >> 20) << " MiB");
}
