// SPDX-License-Identifier: Apache-2.0
// A document read into the caller's callback (kartla_record_document_to_callback,
// kartla_share_document_to_callback; docs/SPEC.md §5.6 "Streamed reading into a callback"): the
// same bytes as the one-shot read, nothing before the whole section authenticated, and a file
// changed while it is read releases only authentic bytes and then says "discard".
#include <catch2/catch.hpp>

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
using capi_test::write_file;
using capi_test::cheap_kdf;
using capi_test::kNow;
using capi_test::slurp;
using capi_test::TempDir;
const std::string kPass = "callback test passphrase";
constexpr size_t kPiece = size_t{64} << 10;

struct Pair {
  kartla::identity owner, agency, other_agency;
};

const Pair& people() {
  static const Pair p = [] {
    const kartla_identity_options o = cheap_kdf();
    return Pair{kartla::identity::create(kPass, &o).identity,
                kartla::identity::create_agency("Landskrona kommun", "212000-1140", "municipal_labour_unit", kPass, &o)
                    .identity,
                kartla::identity::create_agency("Exempelbolaget AB", "556036-0793", "employer", kPass, &o).identity};
  }();
  return p;
}



// Rewrites bytes of a file in place (the same inode, as an open record holds its descriptor).
void overwrite_in_place(const std::string& path, size_t at, const std::string& bytes) {
  std::fstream f(path, std::ios::binary | std::ios::in | std::ios::out);
  f.seekp(static_cast<std::streamoff>(at));
  f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

// What the callback saw, and an optional action on each DATA call (its return value).
struct Received {
  std::string data;
  int data_calls = 0;
  int discards = 0;
  bool data_after_discard = false;
  std::function<int32_t(int call)> on_data;
};

int32_t receive(void* context, kartla_document_event event, const uint8_t* data, size_t len) {
  auto& r = *static_cast<Received*>(context);
  if (event == KARTLA_DOCUMENT_DISCARD) {
    ++r.discards;
    return 0;
  }
  if (r.discards > 0) r.data_after_discard = true;
  r.data.append(reinterpret_cast<const char*>(data), len);
  ++r.data_calls;
  return r.on_data ? r.on_data(r.data_calls) : 0;
}

kartla_status read_into(const kartla::record& rec, const std::string& id, Received& r) {
  return kartla_record_document_to_callback(rec.get(), id.c_str(), receive, &r);
}

std::string one_shot(const kartla::record& rec, const std::string& id) {
  return std::string(kartla::document(rec, id).view());
}

}  // namespace

TEST_CASE("C ABI: a document read into a callback equals the one-shot read, for sizes across piece boundaries",
          "[capi][documents][callback]") {
  TempDir dir;
  std::mt19937 rng(170);
  kartla::record record = kartla::record::create(people().owner);
  // Documents of sizes at and around the 64 KiB pieces; the ones before each shift where it
  // starts in the section, so its bytes begin and end at every kind of place in a piece.
  std::vector<size_t> sizes = {0, 1, kPiece - 1, kPiece, kPiece + 1, 2 * kPiece - 3};
  for (int i = 0; i < 10; ++i) sizes.push_back(rng() % (4 * kPiece));
  std::vector<std::pair<std::string, std::string>> docs;
  for (const size_t size : sizes) {
    std::string content = binary_file(size, rng);
    docs.emplace_back(kartla::add_document(record, content), std::move(content));
  }
  // Before the save the section is in memory: the same reads.
  for (const auto& [id, content] : docs) {
    Received r;
    REQUIRE(read_into(record, id, r) == KARTLA_OK);
    CHECK(r.data == content);
  }
  record.save(dir.file("r.kartla"));
  const kartla::record reopened = kartla::record::open_file(dir.file("r.kartla"), people().owner);
  for (const auto& [id, content] : docs) {
    INFO("document of " << content.size() << " bytes");
    Received r;
    REQUIRE(read_into(reopened, id, r) == KARTLA_OK);
    CHECK(r.data == one_shot(reopened, id));
    CHECK(r.data == content);
    CHECK(r.discards == 0);
    CHECK(r.data_calls <= static_cast<int>(content.size() / kPiece + 2));  // a piece at a time
  }
  Received none;
  CHECK(read_into(reopened, "doc-0000000000000000", none) == KARTLA_E_NOT_FOUND);
  CHECK(none.data_calls + none.discards == 0);
}

TEST_CASE("C ABI: a callback that refuses stops the read with KARTLA_E_IO, then hears 'discard'",
          "[capi][documents][callback]") {
  TempDir dir;
  std::mt19937 rng(171);
  kartla::record record = kartla::record::create(people().owner);
  const std::string content = binary_file(5 * kPiece + 100, rng);
  const std::string id = kartla::add_document(record, content);
  record.save(dir.file("r.kartla"));
  const kartla::record reopened = kartla::record::open_file(dir.file("r.kartla"), people().owner);
  for (int stop_at = 1; stop_at <= 3; ++stop_at) {
    Received r;
    r.on_data = [stop_at](int call) { return call == stop_at ? -5 : 0; };
    CHECK(read_into(reopened, id, r) == KARTLA_E_IO);
    CHECK(std::string(kartla_last_error()).find("-5") != std::string::npos);
    CHECK(r.data_calls == stop_at);  // nothing more after it said stop
    CHECK(r.discards == 1);
    CHECK_FALSE(r.data_after_discard);
    CHECK(r.data == content.substr(0, r.data.size()));
  }
  CHECK(kartla_record_document_to_callback(reopened.get(), id.c_str(), nullptr, nullptr) ==
        KARTLA_E_INVALID_ARGUMENT);
}

TEST_CASE("C ABI: a tampered or shortened file gives the callback nothing", "[capi][documents][callback]") {
  TempDir dir;
  std::mt19937 rng(172);
  const std::string path = dir.file("r.kartla");
  kartla::record record = kartla::record::create(people().owner);
  const std::string content = binary_file(3 * kPiece + 17, rng);
  const std::string id = kartla::add_document(record, content);
  record.save(path);
  const std::string saved = slurp(path);
  // The documents section is the only one, so its body ends the file.
  for (int round = 0; round < 12; ++round) {
    std::string bytes = saved;
    const size_t at = bytes.size() - 1 - rng() % (content.size() + 40);
    bytes[at] = static_cast<char>(bytes[at] ^ (1 << (rng() % 8)));
    write_file(path, bytes);
    const kartla::record altered = kartla::record::open_file(path, people().owner);
    Received r;
    CHECK(read_into(altered, id, r) == KARTLA_E_INTEGRITY);
    CHECK(r.data_calls == 0);
    CHECK(r.discards == 0);
  }
  write_file(path, saved);
  const kartla::record opened = kartla::record::open_file(path, people().owner);
  std::filesystem::resize_file(path, saved.size() - 1 - rng() % 1000);
  Received r;
  CHECK(read_into(opened, id, r) != KARTLA_OK);
  CHECK(r.data_calls == 0);
}

TEST_CASE("C ABI: a file changed while the callback reads releases only authentic bytes, then 'discard'",
          "[capi][documents][callback]") {
  TempDir dir;
  std::mt19937 rng(173);
  const std::string path = dir.file("r.kartla");
  kartla::record record = kartla::record::create(people().owner);
  const std::string content = binary_file(6 * kPiece, rng);
  const std::string id = kartla::add_document(record, content);
  record.save(path);
  const std::string saved = slurp(path);
  for (int round = 0; round < 6; ++round) {
    write_file(path, saved);
    const kartla::record opened = kartla::record::open_file(path, people().owner);
    // After the first piece went out, a later piece of the file changes (pass 1 is over: only
    // pass 2's check can catch it).
    const size_t at = saved.size() - 20 - rng() % (4 * kPiece);
    Received r;
    r.on_data = [&](int call) {
      if (call == 1) overwrite_in_place(path, at, std::string(1, static_cast<char>(saved[at] ^ 0x04)));
      return 0;
    };
    CHECK(read_into(opened, id, r) == KARTLA_E_INTEGRITY);
    CHECK(std::string(kartla_last_error()).find("changed while it was being read") != std::string::npos);
    CHECK(r.data_calls >= 1);
    CHECK(r.data.size() < content.size());
    CHECK(r.data == content.substr(0, r.data.size()));  // a prefix of the authentic document
    CHECK(r.discards == 1);
  }
}

TEST_CASE("C ABI: an agency reads a shared document into a callback", "[capi][documents][callback]") {
  TempDir dir;
  std::mt19937 rng(174);
  kartla::record record = kartla::record::create(people().owner);
  record.set_clock(kNow);
  kartla::add_document(record, "a small one first");
  const std::string content = binary_file(2 * kPiece + 999, rng);
  const std::string id = kartla::add_document(record, content);
  const std::string grant = record.share(people().agency.card().str(), {"documents"}, "validering", 0, kNow);
  record.save(dir.file("r.kartla"));
  record.export_bundle(grant, dir.file("a.bundle"));
  const kartla::share shared = kartla::share::open_file(dir.file("a.bundle"), people().agency);
  Received r;
  CHECK(kartla_share_document_to_callback(shared.get(), id.c_str(), 0, receive, &r) == KARTLA_OK);
  CHECK(r.data == content);
  const kartla::share stranger = kartla::share::open_file(dir.file("r.kartla"), people().other_agency);
  Received none;
  CHECK(kartla_share_document_to_callback(stranger.get(), id.c_str(), 0, receive, &none) == KARTLA_E_NOT_SHARED);
  CHECK(none.data_calls + none.discards == 0);
}
