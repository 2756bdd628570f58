// SPDX-License-Identifier: Apache-2.0
// Documents as files through the C ABI (kartla/experimental/documents.h, docs/SPEC.md §5.6): the
// exact bytes in and out for the owner and for an agency granted the documents section; listings
// with metadata and size only; nothing released when the section or an entry fails its checks.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <functional>
#include <random>
#include <string>
#include <vector>

#include "capi_fixture.h"
#include "kartla/kartla.h"
#include "kartla/kartla.hpp"

namespace {

using capi_test::binary_file;
using capi_test::status_of;
using capi_test::write_file;
using capi_test::cheap_kdf;
using capi_test::kNow;
using capi_test::slurp;
using capi_test::TempDir;
const std::string kPass = "document test passphrase";


struct People {
  kartla::identity owner, agency, other_agency;
  std::string agency_card, other_card;
};

const People& people() {
  static const People p = [] {
    const kartla_identity_options o = cheap_kdf();
    People out{kartla::identity::create(kPass, &o).identity,
               kartla::identity::create_agency("Landskrona kommun", "212000-1140", "municipal_labour_unit", kPass, &o)
                   .identity,
               kartla::identity::create_agency("Exempelbolaget AB", "556036-0793", "employer", kPass, &o).identity,
               "", ""};
    out.agency_card = out.agency.card().str();
    out.other_card = out.other_agency.card().str();
    return out;
  }();
  return p;
}



}  // namespace

TEST_CASE("C ABI: a 5 MiB binary document comes back byte for byte after a save", "[capi][documents]") {
  TempDir dir;
  const std::string path = dir.file("r.kartla");
  const std::string content = binary_file(5u << 20, 17);
  kartla::record record = kartla::record::create(people().owner);
  kartla::document_options options;
  options.title = "Betyg";
  options.kind = "GRADE";
  options.media_type = "application/pdf";
  const std::string id = kartla::add_document(record, content, options);
  CHECK(id.rfind("doc-", 0) == 0);
  record.save(path);

  const kartla::record reopened = kartla::record::open_file(path, people().owner);
  const kartla::buffer back = kartla::document(reopened, id);
  REQUIRE(back.size() == content.size());
  CHECK(back.view() == content);
  // The listing is metadata and a size: no content, so it stays small whatever the file.
  const kartla::buffer listing = kartla::documents(reopened);
  CHECK(listing.view().find("\"size_bytes\": \"5242880\"") != std::string::npos);
  CHECK(listing.view().find("\"title\": \"Betyg\"") != std::string::npos);
  CHECK(listing.view().find("\"kind\": \"GRADE\"") != std::string::npos);
  CHECK(listing.view().find("inline_content") == std::string::npos);
  CHECK(listing.size() < 2048);
}

TEST_CASE("C ABI: a document records the SHA-256 of its bytes", "[capi][documents]") {
  kartla::record record = kartla::record::create(people().owner);
  const std::string id = kartla::add_document(record, "abc");
  const std::string listing = kartla::documents(record).str();
  // FIPS 180-2 appendix B.1: SHA-256("abc") = ba7816bf...f20015ad, in protobuf JSON's base64.
  CHECK(listing.find("\"sha256\": \"ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=\"") != std::string::npos);
  CHECK(listing.find("\"size_bytes\": \"3\"") != std::string::npos);
  CHECK(listing.find("\"media_type\": \"application/octet-stream\"") != std::string::npos);
  CHECK(listing.find("\"kind\": \"OTHER\"") != std::string::npos);
  CHECK(kartla::document(record, id).view() == "abc");
}

TEST_CASE("C ABI: empty files, several documents and removal", "[capi][documents]") {
  kartla::record record = kartla::record::create(people().owner);
  CHECK(kartla::documents(record).view().find("\"entries\": []") != std::string::npos);
  const std::string empty = kartla::add_document(record, "");
  const std::string cv = kartla::add_document(record, binary_file(4096, 3));
  CHECK(empty != cv);
  CHECK(kartla::document(record, empty).size() == 0);
  kartla::remove_document(record, empty);
  CHECK(status_of([&] { kartla::document(record, empty); }) == KARTLA_E_NOT_FOUND);
  CHECK(status_of([&] { kartla::remove_document(record, empty); }) == KARTLA_E_NOT_FOUND);
  CHECK(kartla::document(record, cv).view() == binary_file(4096, 3));
  const std::string listing = kartla::documents(record).str();
  CHECK(listing.find(cv) != std::string::npos);
  CHECK(listing.find(empty) == std::string::npos);
}

TEST_CASE("C ABI: an agency granted documents reads the exact bytes; another reads nothing", "[capi][documents]") {
  TempDir dir;
  const std::string path = dir.file("r.kartla");
  const std::string bundle = dir.file("a.bundle");
  const std::string content = binary_file(300000, 5);
  kartla::record record = kartla::record::create(people().owner);
  record.set_clock(kNow);
  const std::string id = kartla::add_document(record, content);
  const std::string grant = record.share(people().agency_card, {"documents"}, "validering", 0, kNow);
  record.save(path);
  record.export_bundle(grant, bundle);

  const kartla::share shared = kartla::share::open_file(bundle, people().agency);
  CHECK(kartla::document(shared, id).view() == content);
  CHECK(kartla::documents(shared).view().find("\"size_bytes\": \"300000\"") != std::string::npos);
  CHECK(status_of([&] { kartla::document(shared, "doc-0000000000000000"); }) == KARTLA_E_NOT_FOUND);

  const kartla::share stranger = kartla::share::open_file(path, people().other_agency);
  kartla_buffer out = KARTLA_BUFFER_INIT;
  CHECK(kartla_share_document(stranger.get(), id.c_str(), 0, &out) == KARTLA_E_NOT_SHARED);
  CHECK(out.data == nullptr);
  CHECK(out.len == 0);
}

// The listing is read as the section streams (model/document_listing.h): it must keep every check
// of a whole read. Nothing is listed past the grant's end, to an agency without a grant, or from
// a body that does not authenticate: not even the metadata read before the failure.
TEST_CASE("C ABI: a streamed documents listing keeps the grant's time, its recipient and the body's checks",
          "[capi][documents]") {
  TempDir dir;
  const std::string path = dir.file("r.kartla");
  const std::string bundle = dir.file("a.bundle");
  kartla::record record = kartla::record::create(people().owner);
  record.set_clock(kNow);
  kartla::document_options options;
  options.title = "Betyg";
  kartla::add_document(record, binary_file(200000, 6), options);
  const std::string grant = record.share(people().agency_card, {"documents"}, "validering", kNow + 3600, kNow);
  record.save(path);
  record.export_bundle(grant, bundle);
  const auto listing_status = [](const kartla::share& s, int64_t at) {
    kartla_buffer out = KARTLA_BUFFER_INIT;
    const kartla_status status = kartla_share_documents(s.get(), at, KARTLA_ENCODING_JSON, &out);
    if (status != KARTLA_OK) CHECK((out.data == nullptr && out.len == 0));
    kartla_buffer_free(&out);
    return status;
  };

  const kartla::share shared = kartla::share::open_file(bundle, people().agency);
  CHECK(listing_status(shared, kNow + 60) == KARTLA_OK);
  CHECK(listing_status(shared, kNow + 7200) == KARTLA_E_EXPIRED);
  const kartla::share stranger = kartla::share::open_file(path, people().other_agency);
  CHECK(listing_status(stranger, kNow + 60) == KARTLA_E_NOT_SHARED);

  // One byte of the document's ciphertext flipped: its title was already read when the tag fails.
  std::string bytes = slurp(bundle);
  bytes[bytes.size() - 100] = static_cast<char>(bytes[bytes.size() - 100] ^ 0x01);
  write_file(dir.file("altered.bundle"), bytes);
  const kartla::share altered = kartla::share::open_file(dir.file("altered.bundle"), people().agency);
  CHECK(listing_status(altered, kNow + 60) == KARTLA_E_INTEGRITY);
  // The owner's listing: a record holding the documents section only, so its body ends the file.
  const kartla::record altered_record = [&] {
    kartla::record only = kartla::record::create(people().owner);
    kartla::add_document(only, binary_file(200000, 7), options);
    only.save(dir.file("only.kartla"));
    CHECK(kartla::documents(kartla::record::open_file(dir.file("only.kartla"), people().owner)).view().find("Betyg") !=
          std::string::npos);
    std::string r = slurp(dir.file("only.kartla"));
    r[r.size() - 100] = static_cast<char>(r[r.size() - 100] ^ 0x01);
    write_file(dir.file("altered.kartla"), r);
    return kartla::record::open_file(dir.file("altered.kartla"), people().owner);
  }();
  kartla_buffer out = KARTLA_BUFFER_INIT;
  CHECK(kartla_record_documents(altered_record.get(), KARTLA_ENCODING_JSON, &out) == KARTLA_E_INTEGRITY);
  CHECK((out.data == nullptr && out.len == 0));
}

TEST_CASE("C ABI: a document whose section body was altered releases nothing", "[capi][documents]") {
  TempDir dir;
  const std::string path = dir.file("r.kartla");
  kartla::record record = kartla::record::create(people().owner);
  const std::string id = kartla::add_document(record, binary_file(70000, 9));
  record.save(path);
  // The record holds the documents section only, so its body ends the file: flip one byte in it.
  std::string bytes = slurp(path);
  bytes[bytes.size() - 100] = static_cast<char>(bytes[bytes.size() - 100] ^ 0x01);
  write_file(path, bytes);
  const kartla::record altered = kartla::record::open_file(path, people().owner);
  kartla_buffer out = KARTLA_BUFFER_INIT;
  CHECK(kartla_record_document(altered.get(), id.c_str(), &out) == KARTLA_E_INTEGRITY);
  CHECK(out.data == nullptr);
  CHECK(out.len == 0);
}

TEST_CASE("C ABI: an entry whose bytes do not match its SHA-256 releases nothing", "[capi][documents]") {
  kartla::record record = kartla::record::create(people().owner);
  // Written as JSON by a program that got the hash wrong (32 bytes, so the content rules pass):
  // SHA-256("abd") recorded for the bytes "abc".
  record.set_section_json("documents", R"({"entries": [{"id": "doc-wrong", "kind": "OTHER", "size_bytes": "3",
    "sha256": "pS0VnyYrLG3bckphhAvvw26zDIiHekAwtly+himESck=", "inline_content": "YWJj",
    "assertion": {"source": "SELF_REPORTED", "asserted_at": "2026-01-01T00:00:00Z"}}]})");
  kartla_buffer out = KARTLA_BUFFER_INIT;
  CHECK(kartla_record_document(record.get(), "doc-wrong", &out) == KARTLA_E_INTEGRITY);
  CHECK(out.data == nullptr);
  CHECK(out.len == 0);
}

TEST_CASE("C ABI: a document kept outside the record is not found in it", "[capi][documents]") {
  kartla::record record = kartla::record::create(people().owner);
  record.set_section_json("documents", R"({"entries": [{"id": "doc-outside", "kind": "OTHER", "size_bytes": "3",
    "sha256": "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=", "external_ref": "https://example.org/cv.pdf.age",
    "assertion": {"source": "SELF_REPORTED", "asserted_at": "2026-01-01T00:00:00Z"}}]})");
  CHECK(status_of([&] { kartla::document(record, "doc-outside"); }) == KARTLA_E_NOT_FOUND);
  CHECK(kartla::documents(record).view().find("external_ref") != std::string::npos);
}

namespace {

// Files in `dir` other than those named: a failed write must leave no temporary file behind.
std::vector<std::string> other_files(const std::string& dir, const std::vector<std::string>& known) {
  std::vector<std::string> out;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    const std::string name = e.path().filename().string();
    if (std::find(known.begin(), known.end(), name) == known.end()) out.push_back(name);
  }
  return out;
}

}  // namespace

TEST_CASE("C ABI: a document streams to a file byte for byte, readable by its owner only", "[capi][documents]") {
  TempDir dir;
  const std::string path = dir.file("r.kartla");
  const std::string content = binary_file(5u << 20, 21);
  kartla::record record = kartla::record::create(people().owner);
  const std::string id = kartla::add_document(record, content);
  // Before the save the document is in memory; after it, it streams from the file.
  kartla::document_to_file(record, id, dir.file("unsaved.bin"));
  CHECK(slurp(dir.file("unsaved.bin")) == content);
  record.save(path);
  const kartla::record reopened = kartla::record::open_file(path, people().owner);
  kartla::document_to_file(reopened, id, dir.file("out.bin"));
  CHECK(slurp(dir.file("out.bin")) == content);
  struct stat st {};
  REQUIRE(stat(dir.file("out.bin").c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
  // An existing file is replaced only when asked.
  write_file(dir.file("old.bin"), "old");
  CHECK(status_of([&] { kartla::document_to_file(reopened, id, dir.file("old.bin")); }) == KARTLA_E_INVALID_ARGUMENT);
  CHECK(slurp(dir.file("old.bin")) == "old");
  kartla::document_to_file(reopened, id, dir.file("old.bin"), true);
  CHECK(slurp(dir.file("old.bin")) == content);
}

TEST_CASE("C ABI: a streamed document from an altered or shortened file writes nothing", "[capi][documents]") {
  TempDir dir;
  const std::string path = dir.file("r.kartla");
  const std::string content = binary_file(1u << 20, 23);
  kartla::record record = kartla::record::create(people().owner);
  const std::string id = kartla::add_document(record, content);
  record.save(path);
  const std::string saved = slurp(path);
  const std::vector<std::string> known = {"r.kartla", "r.kartla.lock"};
  std::mt19937 rng(5);
  // A byte changed anywhere in the body (the documents section's body ends the file; the header
  // is well before its last MiB): the hash and the tag are checked only after the last piece, so
  // a change near the start must hold the output back as surely as one at the end.
  for (int round = 0; round < 6; ++round) {
    std::string bytes = saved;
    const size_t at = bytes.size() - 1 - rng() % (1u << 20);
    bytes[at] = static_cast<char>(bytes[at] ^ 0x20);
    write_file(path, bytes);
    const kartla::record altered = kartla::record::open_file(path, people().owner);
    CHECK(kartla_record_document_to_file(altered.get(), id.c_str(), dir.file("out.bin").c_str(), 0) ==
          KARTLA_E_INTEGRITY);
    CHECK(other_files(dir.path(), known).empty());
  }
  // Cut short after it was opened (the same file, truncated in place): the read runs out.
  write_file(path, saved);
  const kartla::record opened = kartla::record::open_file(path, people().owner);
  std::filesystem::resize_file(path, saved.size() - 1000);
  CHECK(kartla_record_document_to_file(opened.get(), id.c_str(), dir.file("out.bin").c_str(), 0) != KARTLA_OK);
  CHECK(other_files(dir.path(), known).empty());
}

TEST_CASE("C ABI: an agency streams a shared document to a file", "[capi][documents]") {
  TempDir dir;
  const std::string path = dir.file("r.kartla");
  const std::string bundle = dir.file("a.bundle");
  const std::string content = binary_file(2u << 20, 29);
  kartla::record record = kartla::record::create(people().owner);
  record.set_clock(kNow);
  kartla::add_document(record, "a small one first");
  const std::string id = kartla::add_document(record, content);
  const std::string grant = record.share(people().agency_card, {"documents"}, "validering", 0, kNow);
  record.save(path);
  record.export_bundle(grant, bundle);
  const kartla::share shared = kartla::share::open_file(bundle, people().agency);
  kartla::document_to_file(shared, id, dir.file("got.bin"));
  CHECK(slurp(dir.file("got.bin")) == content);
  const kartla::share stranger = kartla::share::open_file(path, people().other_agency);
  CHECK(status_of([&] { kartla::document_to_file(stranger, id, dir.file("no.bin")); }) == KARTLA_E_NOT_SHARED);
  CHECK_FALSE(std::filesystem::exists(dir.file("no.bin")));
}
