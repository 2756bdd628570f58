// SPDX-License-Identifier: Apache-2.0
// The sharing half of the C ABI (kartla.h "Agencies", "Sharing", "Opening a share"), used as an
// agency system would: through libkartla.so and the public headers only. Covers expiry at an
// explicit time, rollback detection, the documented thread safety of kartla_share, and the
// misuse pattern of the new functions (docs/THREATS.md T40).
#include <catch2/catch.hpp>

#include <ftw.h>
#include <stdlib.h>

#include <atomic>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <functional>
#include <iterator>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "../json_squeeze.h"
#include "kartla/kartla.h"
#include "capi_fixture.h"
#include "kartla/kartla.hpp"

namespace {

using capi_test::slurp;
using capi_test::TempDir;

using capi_test::kNow;
constexpr int64_t kExpiry = kNow + 30 * 86400;
const std::string kPass = "agency test passphrase";


using capi_test::cheap_kdf;

std::string profile_json(const std::string& given_name) {
  // Every entry states its provenance: kartla_record_set_section_json refuses content without.
  return R"({"given_name": ")" + given_name +
         R"(", "family_name": "Virtanen", "assertion": {"source": "SELF_REPORTED", "asserted_at": "2025-01-01T00:00:00Z"}})";
}

// Results are JSON in the layout protobuf prints; the facts are compared without it.
bool contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string::npos ||
         json_squeezed(haystack).find(json_squeezed(needle)) != std::string::npos;
}

struct People {
  kartla::identity owner;
  kartla::identity agency_a;
  kartla::identity agency_b;
  std::string card_a, card_b;
};

const People& people() {
  static const People p = [] {
    const kartla_identity_options o = cheap_kdf();
    auto owner = kartla::identity::create(kPass, &o);
    auto a = kartla::identity::create_agency("Landskrona kommun", "212000-1140", "municipal_labour_unit", kPass, &o);
    auto b = kartla::identity::create_agency("Exempelbolaget AB", "556036-0793", "employer", kPass, &o);
    People out{std::move(owner.identity), std::move(a.identity), std::move(b.identity), "", ""};
    out.card_a = out.agency_a.card().str();
    out.card_b = out.agency_b.card().str();
    return out;
  }();
  return p;
}

// A record with profile and notes; the profile shared with A until kExpiry; bundles of two
// versions.
struct Shared {
  TempDir dir;
  std::string grant_id;
  std::string v1_path, v2_path, record_path;
  Shared() {
    kartla::record r = kartla::record::create(people().owner);
    r.set_clock(kNow);  // grants here expire relative to the fixed clock
    r.set_section_json("profile", profile_json("Aino"));
    r.set_section_json("notes", R"({"entries": [{"id": "n1", "text": "not for A",
        "assertion": {"source": "SELF_REPORTED", "asserted_at": "2025-01-01T00:00:00Z"}}]})");
    grant_id = r.share(people().card_a, {"profile"}, "kartläggning inför praktik", kExpiry, kNow);
    record_path = dir.file("r.kartla");
    r.save(record_path);
    v1_path = dir.file("v1.kartla");
    r.export_bundle(grant_id, v1_path);
    r.set_section_json("profile", profile_json("Aino Maria"));
    r.save(record_path);
    v2_path = dir.file("v2.kartla");
    r.export_bundle(grant_id, v2_path);
  }
};

const Shared& shared() {
  static const Shared s;
  return s;
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

TEST_CASE("C ABI: an agency opens its bundle and reads its section at an explicit time", "[capi][share]") {
  const auto share = kartla::share::open_file(shared().v2_path, people().agency_a);
  CHECK(contains(share.section_json("profile", kNow).view(), "\"Aino Maria\""));
  CHECK(contains(share.section_json("profile", kExpiry - 1).view(), "Aino Maria"));
  CHECK(share.section("profile", kNow).size() > 0);

  kartla_buffer out = KARTLA_BUFFER_INIT;
  CHECK(kartla_share_section_json(share.get(), "profile", kExpiry, &out) == KARTLA_E_EXPIRED);
  CHECK(contains(kartla_last_error(), "expired"));
  CHECK(out.data == nullptr);
  CHECK(kartla_share_section(share.get(), "profile", kExpiry + 1, &out) == KARTLA_E_EXPIRED);
  CHECK(out.data == nullptr);
  CHECK(kartla_share_section_json(share.get(), "notes", kNow, &out) == KARTLA_E_NOT_SHARED);
  CHECK(contains(kartla_last_error(), "profile"));  // names what is shared
  CHECK(out.data == nullptr);

  const std::string d = share.describe();
  CHECK(contains(d, "\"sequence\": \"2\""));
  CHECK(contains(d, "\"owner_fingerprint\": \"" + people().owner.fingerprint() + "\""));
  CHECK(contains(d, "\"section\": \"profile\""));
  CHECK(contains(d, "\"purpose\": \"kartläggning inför praktik\""));
  CHECK(contains(d, "\"expires_at\": \"" + std::to_string(kExpiry) + "\""));
  CHECK_FALSE(contains(d, "notes"));
}

TEST_CASE("C ABI: the same bundle, opened by another agency, yields nothing", "[capi][share]") {
  const auto share = kartla::share::open(slurp(shared().v2_path), people().agency_b);
  CHECK(status_of([&] { (void)share.section("profile", kNow); }) == KARTLA_E_NOT_SHARED);
  CHECK(contains(share.describe(), "\"grants\": []"));
}

TEST_CASE("C ABI: an older copy is reported as older", "[capi][share][rollback]") {
  const auto v1 = kartla::share::open_file(shared().v1_path, people().agency_a);
  const auto v2 = kartla::share::open_file(shared().v2_path, people().agency_a);
  CHECK(v1.sequence() == 1);
  CHECK(v2.sequence() == 2);
  CHECK(kartla_share_check_last_seen(v1.get(), 2) == KARTLA_E_ROLLBACK);
  CHECK(contains(kartla_last_error(), "older"));
  CHECK(kartla_share_check_last_seen(v1.get(), 1) == KARTLA_OK);
  CHECK(kartla_share_check_last_seen(v2.get(), 2) == KARTLA_OK);
  CHECK(kartla_share_check_last_seen(v2.get(), 1) == KARTLA_OK);
  CHECK(kartla_share_check_last_seen(v2.get(), UINT64_MAX) == KARTLA_E_ROLLBACK);
  // The older copy is authentic: it still reads, with its own content.
  CHECK(contains(v1.section_json("profile", kNow).view(), "\"Aino\""));
  CHECK(contains(v1.describe(), "\"previous_manifest_hash\": \"\""));
  CHECK_FALSE(contains(v2.describe(), "\"previous_manifest_hash\": \"\""));
}

TEST_CASE("C ABI: an agency reads into its own buffer with the same checks", "[capi][share][into]") {
  const auto share = kartla::share::open_file(shared().v2_path, people().agency_a);
  const kartla::buffer expected = share.section("profile", kNow);
  // The size is a capacity: the padded length (SPEC §5.4), never less than the content.
  const size_t capacity = share.section_size("profile", kNow);
  REQUIRE(capacity >= expected.size());
  CHECK(capacity == 1024);
  std::vector<uint8_t> out(capacity + 3, 0xEE);
  CHECK(share.section_into("profile", out.data(), out.size(), kNow) == expected.size());
  CHECK(std::memcmp(out.data(), expected.view().data(), expected.size()) == 0);
  // The padding's room is wiped, and nothing past the capacity is touched.
  for (size_t i = expected.size(); i < capacity; ++i) CHECK(out[i] == 0);
  CHECK(out[capacity] == 0xEE);

  size_t len = 1;
  CHECK(kartla_share_section_into(share.get(), "profile", kExpiry, out.data(), out.size(), &len) ==
        KARTLA_E_EXPIRED);
  CHECK(len == 0);
  CHECK(kartla_share_section_into(share.get(), "notes", kNow, out.data(), out.size(), &len) ==
        KARTLA_E_NOT_SHARED);
  CHECK(kartla_share_section_size(share.get(), "notes", kNow, &len) == KARTLA_E_NOT_SHARED);
}

TEST_CASE("C ABI: an agency pins the owner it expects (THREATS.md T18)", "[capi][share][owner]") {
  const auto share = kartla::share::open_file(shared().v2_path, people().agency_a);
  const std::string owner_card = people().owner.card().str();
  CHECK(kartla_share_check_owner(share.get(), kartla::detail::bytes(owner_card), owner_card.size()) == KARTLA_OK);

  // A stranger's validly signed record is authentic, but it is not this participant's.
  const kartla_identity_options o = cheap_kdf();
  const auto stranger = kartla::identity::create(kPass, &o);
  const std::string stranger_card = stranger.identity.card().str();
  CHECK(kartla_share_check_owner(share.get(), kartla::detail::bytes(stranger_card), stranger_card.size()) ==
        KARTLA_E_AUTH);
  CHECK(contains(kartla_last_error(), people().owner.fingerprint()));
  CHECK(contains(kartla_last_error(), stranger.identity.fingerprint()));

  // An agency card is not an owner: misuse, not a mismatch.
  CHECK(kartla_share_check_owner(share.get(), kartla::detail::bytes(people().card_a), people().card_a.size()) ==
        KARTLA_E_INVALID_ARGUMENT);
  // A card whose self-signature fails is a signature error, not a mismatch.
  std::string forged = owner_card;
  forged[forged.size() - 1] = static_cast<char>(forged[forged.size() - 1] ^ 1);
  CHECK(kartla_share_check_owner(share.get(), kartla::detail::bytes(forged), forged.size()) == KARTLA_E_SIGNATURE);
}

TEST_CASE("C ABI: only an owner identity owns a record (SPEC 4.1)", "[capi][record][owner]") {
  const kartla_identity* agency = people().agency_a.get();
  kartla_record* out = reinterpret_cast<kartla_record*>(&out);  // garbage: must be set to NULL
  CHECK(kartla_record_new(agency, &out) == KARTLA_E_INVALID_ARGUMENT);
  CHECK(out == nullptr);
  CHECK(contains(kartla_last_error(), "an agency's identity"));
  CHECK(contains(kartla_last_error(), "only an owner identity"));

  // Opening is refused the same way, before the file is read: the kind alone decides.
  out = reinterpret_cast<kartla_record*>(&out);
  CHECK(kartla_record_open_file(shared().record_path.c_str(), agency, &out) == KARTLA_E_INVALID_ARGUMENT);
  CHECK(out == nullptr);
  CHECK(kartla_record_open_file("/nonexistent/r.kartla", agency, &out) == KARTLA_E_INVALID_ARGUMENT);
  const std::string bytes = slurp(shared().record_path);
  CHECK(kartla_record_open(kartla::detail::bytes(bytes), bytes.size(), agency, &out) == KARTLA_E_INVALID_ARGUMENT);
  CHECK(out == nullptr);

  // A trust root is no owner either; the owner's own identity still works.
  const kartla_identity_options o = cheap_kdf();
  const auto root = kartla::identity::create_trust_root("Tillitsrot", kPass, &o);
  CHECK(kartla_record_new(root.identity.get(), &out) == KARTLA_E_INVALID_ARGUMENT);
  CHECK(contains(kartla_last_error(), "a trust root's identity"));
  REQUIRE(kartla_record_new(people().owner.get(), &out) == KARTLA_OK);
  kartla_record_free(out);
}

TEST_CASE("C ABI: one kartla_share read by 8 threads at once", "[capi][share][threads]") {
  const auto share = kartla::share::open_file(shared().v2_path, people().agency_a);
  const std::string expected = share.section_json("profile", kNow).str();
  const std::string expected_description = share.describe();
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 25; ++i) {
        kartla_buffer json = KARTLA_BUFFER_INIT;
        kartla_buffer bytes = KARTLA_BUFFER_INIT;
        kartla_buffer description = KARTLA_BUFFER_INIT;
        uint64_t sequence = 0;
        bool ok = kartla_share_section_json(share.get(), "profile", kNow, &json) == KARTLA_OK &&
                  kartla_share_section(share.get(), "profile", kNow, &bytes) == KARTLA_OK &&
                  kartla_share_describe(share.get(), KARTLA_ENCODING_JSON, &description) == KARTLA_OK &&
                  kartla_share_sequence(share.get(), &sequence) == KARTLA_OK;
        ok = ok && std::string(reinterpret_cast<const char*>(json.data), json.len) == expected &&
             std::string(reinterpret_cast<const char*>(description.data), description.len) == expected_description &&
             sequence == 2;
        // An expected refusal on this thread must not disturb the others' results.
        kartla_buffer refused = KARTLA_BUFFER_INIT;
        ok = ok && kartla_share_section(share.get(), "notes", kNow, &refused) == KARTLA_E_NOT_SHARED;
        kartla_buffer_free(&json);
        kartla_buffer_free(&bytes);
        kartla_buffer_free(&description);
        if (!ok) ++failures;
      }
    });
  }
  for (auto& t : threads) t.join();
  CHECK(failures == 0);
}

TEST_CASE("C ABI: 8 threads each open a different bundle", "[capi][share][threads]") {
  TempDir dir;
  std::vector<std::string> paths;
  for (int i = 0; i < 8; ++i) {
    kartla::record r = kartla::record::create(people().owner);
    r.set_clock(kNow);  // grants here expire relative to the fixed clock
    r.set_section_json("profile", profile_json("Person" + std::to_string(i)));
    const std::string id = r.share(people().card_a, {"profile"}, "bundle " + std::to_string(i), 0, kNow);
    r.save(dir.file("r" + std::to_string(i) + ".kartla"));
    paths.push_back(dir.file("b" + std::to_string(i) + ".kartla"));
    r.export_bundle(id, paths.back());
  }
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      const std::string want = "\"Person" + std::to_string(t) + "\"";
      const std::string bytes = slurp(paths[t]);
      for (int i = 0; i < 10; ++i) {
        kartla_share* from_file = nullptr;
        kartla_share* from_bytes = nullptr;
        kartla_buffer a = KARTLA_BUFFER_INIT;
        kartla_buffer b = KARTLA_BUFFER_INIT;
        const bool ok =
            kartla_share_open_file(paths[t].c_str(), people().agency_a.get(), &from_file) == KARTLA_OK &&
            kartla_share_open(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size(), people().agency_a.get(),
                              &from_bytes) == KARTLA_OK &&
            kartla_share_section_json(from_file, "profile", 0, &a) == KARTLA_OK &&
            kartla_share_section_json(from_bytes, "profile", 0, &b) == KARTLA_OK &&
            contains({reinterpret_cast<const char*>(a.data), a.len}, want) &&
            contains({reinterpret_cast<const char*>(b.data), b.len}, want);
        kartla_buffer_free(&a);
        kartla_buffer_free(&b);
        kartla_share_free(from_file);
        kartla_share_free(from_bytes);
        if (!ok) ++failures;
      }
    });
  }
  for (auto& t : threads) t.join();
  CHECK(failures == 0);
}

TEST_CASE("C ABI: revocation through the ABI", "[capi][share][revoke]") {
  TempDir dir;
  kartla::record r = kartla::record::create(people().owner);
  r.set_clock(kNow);  // grants here expire relative to the fixed clock
  r.set_section_json("profile", profile_json("Aino"));
  const std::string to_a = r.share(people().card_a, {"profile"}, "a", 0, kNow);
  const std::string to_b = r.share(people().card_b, {"profile"}, "b", 0, kNow);
  r.save(dir.file("r.kartla"));
  r.export_bundle(to_a, dir.file("a-old.kartla"));
  const std::string summary = r.revoke(people().card_a, kNow + 60);
  CHECK(contains(summary, "\"agency_fingerprint\": \"" + people().agency_a.fingerprint() + "\""));
  CHECK(contains(summary, "\"rotated_sections\": [\"profile\"]"));
  CHECK(contains(summary, "\"revoked_grants\": 1"));
  CHECK(contains(summary, "\"reissued_grants\": 1"));
  r.set_section_json("profile", profile_json("After Revocation"));
  r.save(dir.file("r.kartla"));
  CHECK(kartla_record_export_bundle(r.get(), to_a.c_str(), dir.file("a-new.kartla").c_str()) == KARTLA_E_NOT_FOUND);
  r.export_bundle(to_b, dir.file("b-new.kartla"));

  const auto a_on_record = kartla::share::open_file(dir.file("r.kartla"), people().agency_a);
  CHECK(status_of([&] { (void)a_on_record.section("profile"); }) == KARTLA_E_NOT_SHARED);
  const auto b_new = kartla::share::open_file(dir.file("b-new.kartla"), people().agency_b);
  CHECK(contains(b_new.section_json("profile").view(), "After Revocation"));
  // What was shared cannot be unshared: A's old bundle still reads the old version.
  const auto a_old = kartla::share::open_file(dir.file("a-old.kartla"), people().agency_a);
  CHECK(contains(a_old.section_json("profile").view(), "\"Aino\""));
  CHECK(status_of([&] { (void)r.revoke(people().card_a, kNow + 120); }) == KARTLA_E_NOT_FOUND);
}

TEST_CASE("C ABI misuse: agency creation and card description", "[capi][share][misuse]") {
  const kartla_identity_options o = cheap_kdf();
  const auto* pass = reinterpret_cast<const uint8_t*>(kPass.data());
  kartla_agency_info info;
  kartla_agency_info_init(&info);
  CHECK(info.version == KARTLA_AGENCY_INFO_VERSION);
  info.name = "Landskrona kommun";
  info.organisation_number = "212000-1140";
  info.role = "municipal_labour_unit";
  kartla_identity* out = reinterpret_cast<kartla_identity*>(&info);  // garbage: must be set to NULL
  kartla_buffer code = KARTLA_BUFFER_INIT;

  kartla_agency_info wrong = info;
  wrong.version = 2;
  CHECK(kartla_identity_new_agency(&wrong, &o, pass, kPass.size(), &out, &code) == KARTLA_E_INVALID_ARGUMENT);
  CHECK(out == nullptr);
  kartla_identity_options wrong_options = o;
  wrong_options.version = 0;
  CHECK(kartla_identity_new_agency(&info, &wrong_options, pass, kPass.size(), &out, &code) == KARTLA_E_INVALID_ARGUMENT);
  for (const char* org : {"212000-1141", "0209602-7", ""}) {
    kartla_agency_info bad = info;
    bad.organisation_number = org;
    CHECK(kartla_identity_new_agency(&bad, &o, pass, kPass.size(), &out, &code) == KARTLA_E_INVALID_ARGUMENT);
  }
  kartla_agency_info bad = info;
  bad.role = "police";
  CHECK(kartla_identity_new_agency(&bad, &o, pass, kPass.size(), &out, &code) == KARTLA_E_INVALID_ARGUMENT);
  CHECK(contains(kartla_last_error(), "employment_service"));
  bad = info;
  bad.name = "";
  CHECK(kartla_identity_new_agency(&bad, &o, pass, kPass.size(), &out, &code) == KARTLA_E_INVALID_ARGUMENT);
  bad.name = nullptr;
  CHECK(kartla_identity_new_agency(&bad, &o, pass, kPass.size(), &out, &code) == KARTLA_E_INVALID_ARGUMENT);
  CHECK(out == nullptr);
  CHECK(code.data == nullptr);

  CHECK(kartla_agency_role_count() == 8);
  CHECK(kartla_agency_role_name(8) == nullptr);
  CHECK(std::string(kartla_agency_role_name(0)) == "municipal_labour_unit");
  kartla_agency_info_init(nullptr);
  kartla_record_share_options_init(nullptr);

  kartla_buffer desc = KARTLA_BUFFER_INIT;
  const std::string& card = people().card_a;
  REQUIRE(kartla_card_describe(reinterpret_cast<const uint8_t*>(card.data()), card.size(), KARTLA_ENCODING_JSON, &desc) == KARTLA_OK);
  const std::string d(reinterpret_cast<const char*>(desc.data), desc.len);
  CHECK(contains(d, "\"kind\": \"agency\""));
  CHECK(contains(d, "\"organisation_number\": \"2120001140\""));
  CHECK(contains(d, "\"role\": \"municipal_labour_unit\""));
  // A non-empty output buffer is refused and left as it was (not leaked, not overwritten).
  const uint8_t* before = desc.data;
  CHECK(kartla_card_describe(reinterpret_cast<const uint8_t*>(card.data()), card.size(), KARTLA_ENCODING_JSON, &desc) ==
        KARTLA_E_INVALID_ARGUMENT);
  CHECK(desc.data == before);
  kartla_buffer_free(&desc);
  CHECK(kartla_card_describe(nullptr, 5, KARTLA_ENCODING_JSON, &desc) == KARTLA_E_INVALID_ARGUMENT);
  CHECK(kartla_card_describe(reinterpret_cast<const uint8_t*>(card.data()), card.size(), KARTLA_ENCODING_JSON, nullptr) ==
        KARTLA_E_INVALID_ARGUMENT);
  std::string damaged = card;
  damaged.back() = static_cast<char>(damaged.back() ^ 1);
  CHECK(kartla_card_describe(reinterpret_cast<const uint8_t*>(damaged.data()), damaged.size(), KARTLA_ENCODING_JSON, &desc) ==
        KARTLA_E_SIGNATURE);
  CHECK(desc.data == nullptr);
}

TEST_CASE("C ABI misuse: sharing, exporting and revoking leave the record as it was", "[capi][share][misuse]") {
  TempDir dir;
  kartla::record r = kartla::record::create(people().owner);
  r.set_clock(kNow);  // grants here expire relative to the fixed clock
  r.set_section_json("profile", profile_json("Aino"));
  r.save(dir.file("r.kartla"));
  const std::string& card = people().card_b;
  const auto* card_bytes = reinterpret_cast<const uint8_t*>(card.data());
  const char* sections[] = {"profile"};
  kartla_record_share_options options;
  kartla_record_share_options_init(&options);
  CHECK(options.version == 2);  // init fills a 1.0 caller's struct only; telling is opted into
  options.purpose = "praktik";
  options.now = kNow;
  kartla_buffer id = KARTLA_BUFFER_INIT;

  CHECK(kartla_record_share(nullptr, card_bytes, card.size(), sections, 1, &options, &id) == KARTLA_E_INVALID_ARGUMENT);
  CHECK(kartla_record_share(r.get(), nullptr, card.size(), sections, 1, &options, &id) == KARTLA_E_INVALID_ARGUMENT);
  CHECK(kartla_record_share(r.get(), card_bytes, card.size(), nullptr, 1, &options, &id) == KARTLA_E_INVALID_ARGUMENT);
  const char* null_name[] = {nullptr};
  CHECK(kartla_record_share(r.get(), card_bytes, card.size(), null_name, 1, &options, &id) ==
        KARTLA_E_INVALID_ARGUMENT);
  CHECK(kartla_record_share(r.get(), card_bytes, card.size(), sections, 0, &options, &id) == KARTLA_E_INVALID_ARGUMENT);
  CHECK(kartla_record_share(r.get(), card_bytes, card.size(), sections, 1, nullptr, &id) == KARTLA_E_INVALID_ARGUMENT);
  CHECK(kartla_record_share(r.get(), card_bytes, card.size(), sections, 1, &options, nullptr) ==
        KARTLA_E_INVALID_ARGUMENT);
  kartla_record_share_options wrong = options;
  wrong.version = KARTLA_RECORD_SHARE_OPTIONS_VERSION + 1;
  CHECK(kartla_record_share(r.get(), card_bytes, card.size(), sections, 1, &wrong, &id) == KARTLA_E_INVALID_ARGUMENT);
  CHECK(contains(kartla_last_error(), "version"));
  // Version 3: tell_involved is 0 or 1, and consent needs an action plan naming agencies.
  wrong = options;
  wrong.version = KARTLA_RECORD_SHARE_OPTIONS_VERSION;
  wrong.tell_involved = 2;
  CHECK(kartla_record_share(r.get(), card_bytes, card.size(), sections, 1, &wrong, &id) == KARTLA_E_INVALID_ARGUMENT);
  wrong.tell_involved = 1;
  CHECK(kartla_record_share(r.get(), card_bytes, card.size(), sections, 1, &wrong, &id) == KARTLA_E_NOT_FOUND);
  CHECK(contains(kartla_last_error(), "action plan"));
  wrong = options;
  wrong.purpose = nullptr;
  CHECK(kartla_record_share(r.get(), card_bytes, card.size(), sections, 1, &wrong, &id) == KARTLA_E_INVALID_ARGUMENT);
  wrong.purpose = "";
  CHECK(kartla_record_share(r.get(), card_bytes, card.size(), sections, 1, &wrong, &id) == KARTLA_E_INVALID_ARGUMENT);
  wrong = options;
  wrong.expires_at = kNow - 1;
  CHECK(kartla_record_share(r.get(), card_bytes, card.size(), sections, 1, &wrong, &id) == KARTLA_E_INVALID_ARGUMENT);
  const char* ledger[] = {"sharing_ledger"};
  CHECK(kartla_record_share(r.get(), card_bytes, card.size(), ledger, 1, &options, &id) == KARTLA_E_INVALID_ARGUMENT);
  const char* absent[] = {"notes"};
  CHECK(kartla_record_share(r.get(), card_bytes, card.size(), absent, 1, &options, &id) == KARTLA_E_NOT_FOUND);
  const std::string owner_card = people().owner.card().str();
  CHECK(kartla_record_share(r.get(), reinterpret_cast<const uint8_t*>(owner_card.data()), owner_card.size(), sections,
                            1, &options, &id) == KARTLA_E_INVALID_ARGUMENT);
  CHECK(kartla_record_share(r.get(), card_bytes, card.size() - 1, sections, 1, &options, &id) == KARTLA_E_FORMAT);
  // A non-empty grant-id buffer: refused before anything is granted.
  kartla_buffer full = KARTLA_BUFFER_INIT;
  REQUIRE(kartla_record_id(r.get(), &full) == KARTLA_OK);
  CHECK(kartla_record_share(r.get(), card_bytes, card.size(), sections, 1, &options, &full) ==
        KARTLA_E_INVALID_ARGUMENT);
  kartla_buffer_free(&full);
  CHECK(id.data == nullptr);
  // None of the refused calls granted anything: there is nothing to revoke, and nothing unsaved.
  kartla_buffer summary = KARTLA_BUFFER_INIT;
  CHECK(kartla_record_revoke(r.get(), card_bytes, card.size(), kNow + 1, KARTLA_ENCODING_JSON, &summary) == KARTLA_E_NOT_FOUND);
  CHECK(summary.data == nullptr);
  CHECK(kartla_record_export_bundle(r.get(), "00000000000000000000000000000000", dir.file("b.kartla").c_str()) ==
        KARTLA_E_NOT_FOUND);

  // Export: the record must be saved; the grant must exist; NULLs refused.
  REQUIRE(kartla_record_share(r.get(), card_bytes, card.size(), sections, 1, &options, &id) == KARTLA_OK);
  const std::string grant_id(reinterpret_cast<const char*>(id.data), id.len);
  kartla_buffer_free(&id);
  CHECK(grant_id.size() == 32);
  CHECK(kartla_record_export_bundle(r.get(), grant_id.c_str(), dir.file("b.kartla").c_str()) ==
        KARTLA_E_INVALID_ARGUMENT);  // unsaved
  r.save(dir.file("r.kartla"));
  CHECK(kartla_record_export_bundle(nullptr, grant_id.c_str(), dir.file("b.kartla").c_str()) ==
        KARTLA_E_INVALID_ARGUMENT);
  CHECK(kartla_record_export_bundle(r.get(), nullptr, dir.file("b.kartla").c_str()) == KARTLA_E_INVALID_ARGUMENT);
  CHECK(kartla_record_export_bundle(r.get(), grant_id.c_str(), nullptr) == KARTLA_E_INVALID_ARGUMENT);
  CHECK(kartla_record_export_bundle(r.get(), grant_id.c_str(), dir.file("b.kartla").c_str()) == KARTLA_OK);

  // Revoke: NULLs and a non-empty summary are refused without revoking.
  CHECK(kartla_record_revoke(nullptr, card_bytes, card.size(), 0, KARTLA_ENCODING_JSON, &summary) == KARTLA_E_INVALID_ARGUMENT);
  CHECK(kartla_record_revoke(r.get(), nullptr, card.size(), 0, KARTLA_ENCODING_JSON, &summary) == KARTLA_E_INVALID_ARGUMENT);
  CHECK(kartla_record_revoke(r.get(), card_bytes, card.size(), 0, KARTLA_ENCODING_JSON, nullptr) == KARTLA_E_INVALID_ARGUMENT);
  REQUIRE(kartla_record_id(r.get(), &full) == KARTLA_OK);
  CHECK(kartla_record_revoke(r.get(), card_bytes, card.size(), 0, KARTLA_ENCODING_JSON, &full) == KARTLA_E_INVALID_ARGUMENT);
  kartla_buffer_free(&full);
  // ...so the grant is still there and still exportable.
  CHECK(kartla_record_export_bundle(r.get(), grant_id.c_str(), dir.file("b2.kartla").c_str()) == KARTLA_OK);
}

TEST_CASE("C ABI misuse: opening and reading shares", "[capi][share][misuse]") {
  const kartla_identity* agency = people().agency_a.get();
  const std::string bytes = slurp(shared().v2_path);
  const auto* data = reinterpret_cast<const uint8_t*>(bytes.data());
  kartla_share* out = reinterpret_cast<kartla_share*>(&out);  // garbage: must be set to NULL

  CHECK(kartla_share_open_file(nullptr, agency, &out) == KARTLA_E_INVALID_ARGUMENT);
  CHECK(out == nullptr);
  CHECK(kartla_share_open_file(shared().v2_path.c_str(), nullptr, &out) == KARTLA_E_INVALID_ARGUMENT);
  CHECK(kartla_share_open_file(shared().v2_path.c_str(), agency, nullptr) == KARTLA_E_INVALID_ARGUMENT);
  CHECK(kartla_share_open_file("/nonexistent/kartla/bundle", agency, &out) == KARTLA_E_IO);
  CHECK(kartla_share_open(nullptr, 10, agency, &out) == KARTLA_E_INVALID_ARGUMENT);
  CHECK(kartla_share_open(data, bytes.size(), nullptr, &out) == KARTLA_E_INVALID_ARGUMENT);
  CHECK(kartla_share_open(data, bytes.size(), agency, nullptr) == KARTLA_E_INVALID_ARGUMENT);
  CHECK(kartla_share_open(nullptr, 0, agency, &out) == KARTLA_E_FORMAT);
  CHECK(kartla_share_open(data, bytes.size() - 1, agency, &out) == KARTLA_E_FORMAT);
  CHECK(out == nullptr);
  kartla_share_free(nullptr);

  REQUIRE(kartla_share_open(data, bytes.size(), agency, &out) == KARTLA_OK);
  kartla_buffer buf = KARTLA_BUFFER_INIT;
  CHECK(kartla_share_section(nullptr, "profile", kNow, &buf) == KARTLA_E_INVALID_ARGUMENT);
  CHECK(kartla_share_section(out, nullptr, kNow, &buf) == KARTLA_E_INVALID_ARGUMENT);
  CHECK(kartla_share_section(out, "no_such_section", kNow, &buf) == KARTLA_E_INVALID_ARGUMENT);
  CHECK(kartla_share_section(out, "profile", kNow, nullptr) == KARTLA_E_INVALID_ARGUMENT);
  CHECK(kartla_share_section_json(nullptr, "profile", kNow, &buf) == KARTLA_E_INVALID_ARGUMENT);
  CHECK(kartla_share_section_json(out, nullptr, kNow, &buf) == KARTLA_E_INVALID_ARGUMENT);
  CHECK(kartla_share_section_json(out, "profile", kNow, nullptr) == KARTLA_E_INVALID_ARGUMENT);
  CHECK(kartla_share_describe(nullptr, KARTLA_ENCODING_JSON, &buf) == KARTLA_E_INVALID_ARGUMENT);
  CHECK(kartla_share_describe(out, KARTLA_ENCODING_JSON, nullptr) == KARTLA_E_INVALID_ARGUMENT);
  CHECK(buf.data == nullptr);
  // Non-empty output buffers: refused, left untouched.
  REQUIRE(kartla_share_section(out, "profile", kNow, &buf) == KARTLA_OK);
  const uint8_t* held = buf.data;
  const size_t held_len = buf.len;
  CHECK(kartla_share_section(out, "profile", kNow, &buf) == KARTLA_E_INVALID_ARGUMENT);
  CHECK(kartla_share_section_json(out, "profile", kNow, &buf) == KARTLA_E_INVALID_ARGUMENT);
  CHECK(kartla_share_describe(out, KARTLA_ENCODING_JSON, &buf) == KARTLA_E_INVALID_ARGUMENT);
  CHECK(buf.data == held);
  CHECK(buf.len == held_len);
  kartla_buffer_free(&buf);

  uint64_t sequence = 99;
  CHECK(kartla_share_sequence(nullptr, &sequence) == KARTLA_E_INVALID_ARGUMENT);
  CHECK(sequence == 0);
  CHECK(kartla_share_sequence(out, nullptr) == KARTLA_E_INVALID_ARGUMENT);
  CHECK(kartla_share_check_last_seen(nullptr, 1) == KARTLA_E_INVALID_ARGUMENT);
  kartla_share_free(out);
}

// Issue "Sharing that holds", through the C ABI: the ledger is the library's, health data needs
// an Art. 9(2) basis, and expiry is enforced by keys at the first save after it.
TEST_CASE("C ABI: the sharing ledger is refused to set and remove; the record is unchanged", "[capi][share][holds]") {
  TempDir dir;
  kartla::record r = kartla::record::create(people().owner);
  r.set_clock(kNow);
  r.set_section_json("profile", profile_json("Aino"));
  (void)r.share(people().card_a, {"profile"}, "praktik", 0, kNow);
  r.save(dir.file("r.kartla"));
  const std::string ledger = r.section_json("sharing_ledger").str();
  const std::string json = R"({"grants": []})";
  CHECK(kartla_record_set_section_json(r.get(), "sharing_ledger", kartla::detail::bytes(json), json.size()) ==
        KARTLA_E_INVALID_ARGUMENT);
  CHECK(contains(kartla_last_error(), "sharing_ledger"));
  CHECK(kartla_record_set_section(r.get(), "sharing_ledger", nullptr, 0) == KARTLA_E_INVALID_ARGUMENT);
  // Whatever the content: the refusal comes before validation (not E_SCHEMA for bad content).
  const std::string broken = R"({"grants": [{"purpose": 7}]})";
  CHECK(kartla_record_set_section_json(r.get(), "sharing_ledger", kartla::detail::bytes(broken), broken.size()) ==
        KARTLA_E_INVALID_ARGUMENT);
  const std::string junk = "\xff\xff";
  CHECK(kartla_record_set_section(r.get(), "sharing_ledger", kartla::detail::bytes(junk), junk.size()) ==
        KARTLA_E_INVALID_ARGUMENT);
  CHECK(kartla_record_remove_section(r.get(), "sharing_ledger") == KARTLA_E_INVALID_ARGUMENT);
  CHECK(r.section_json("sharing_ledger").str() == ledger);
  // Revocation still works from the grants the record holds.
  CHECK(contains(r.revoke(people().card_a, kNow + 1), "\"revoked_grants\": 1"));
}

TEST_CASE("C ABI: health data is shared only with an Art. 9(2) basis, which the agency sees", "[capi][share][holds]") {
  TempDir dir;
  kartla::record r = kartla::record::create(people().owner);
  r.set_clock(kNow);
  r.set_section_json("profile", profile_json("Aino"));
  r.set_section_json("notes", R"({"entries": [{"id": "n1", "text": "sjukskriven", "contains_health_info": true,
      "assertion": {"source": "SELF_REPORTED", "asserted_at": "2025-01-01T00:00:00Z"}}]})");
  CHECK(r.section_is_special("notes"));
  CHECK(r.section_is_special("work_ability"));  // always, whether or not the record holds it
  CHECK_FALSE(r.section_is_special("profile"));
  CHECK(status_of([&] { (void)r.share(people().card_a, {"profile", "notes"}, "p", 0, kNow); }) ==
        KARTLA_E_INVALID_ARGUMENT);
  CHECK(status_of([&] { (void)r.share(people().card_a, {"profile"}, "p", 0, kNow, "9.2.a"); }) ==
        KARTLA_E_INVALID_ARGUMENT);
  CHECK(status_of([&] { (void)r.share(people().card_a, {"notes"}, "p", 0, kNow, "9.2.a", "7.1.a"); }) ==
        KARTLA_E_INVALID_ARGUMENT);
  // An empty string is not "none": only NULL takes the default.
  kartla_record_share_options empty;
  kartla_record_share_options_init(&empty);
  empty.purpose = "p";
  empty.gdpr_art6_basis = "";
  const char* notes[] = {"notes"};
  kartla_buffer ignored = KARTLA_BUFFER_INIT;
  empty.gdpr_art9_basis = "9.2.a";
  CHECK(kartla_record_share(r.get(), kartla::detail::bytes(people().card_a), people().card_a.size(), notes, 1, &empty,
                            &ignored) == KARTLA_E_INVALID_ARGUMENT);
  empty.gdpr_art6_basis = nullptr;
  empty.gdpr_art9_basis = "";
  CHECK(kartla_record_share(r.get(), kartla::detail::bytes(people().card_a), people().card_a.size(), notes, 1, &empty,
                            &ignored) == KARTLA_E_INVALID_ARGUMENT);
  const std::string id = r.share(people().card_a, {"notes"}, "p", 0, kNow, "9.2.a", "6.1.e");
  r.save(dir.file("r.kartla"));
  r.export_bundle(id, dir.file("a.kartla"));
  const auto share = kartla::share::open_file(dir.file("a.kartla"), people().agency_a);
  const std::string described = share.describe();
  CHECK(contains(described, "\"gdpr_art9_basis\": \"9.2.a\""));
  CHECK(contains(described, "\"gdpr_art6_basis\": \"6.1.e\""));
  CHECK(contains(share.section_json("notes", kNow).view(), "sjukskriven"));
}

TEST_CASE("C ABI: the first save after an expiry ends the grant; nothing written later reaches the agency",
          "[capi][share][holds]") {
  TempDir dir;
  const std::string path = dir.file("r.kartla");
  kartla::record r = kartla::record::create(people().owner);
  r.set_clock(kNow);
  r.set_section_json("profile", profile_json("January"));
  const std::string id = r.share(people().card_a, {"profile"}, "praktik", kExpiry, kNow);
  r.save(path);
  r.export_bundle(id, dir.file("before.kartla"));

  r.set_clock(kExpiry + 86400);
  CHECK(kartla_record_export_bundle(r.get(), id.c_str(), dir.file("late.kartla").c_str()) == KARTLA_E_EXPIRED);
  r.set_section_json("profile", profile_json("June"));
  r.save(path);
  CHECK(contains(r.section_json("sharing_ledger").view(), "expired_at"));
  // The agency reads the new file with a clock set before the expiry: still nothing.
  const auto after = kartla::share::open_file(path, people().agency_a);
  CHECK(kartla_share_section_size(after.get(), "profile", kNow, nullptr) != KARTLA_OK);
  size_t size = 0;
  CHECK(kartla_share_section_size(after.get(), "profile", kNow, &size) == KARTLA_E_NOT_SHARED);
  // What it took before the expiry still opens: a copy cannot be recalled.
  const auto before = kartla::share::open_file(dir.file("before.kartla"), people().agency_a);
  CHECK(contains(before.section_json("profile", kNow).view(), "January"));
  CHECK(kartla_record_set_clock(r.get(), -1) == KARTLA_E_INVALID_ARGUMENT);
}

TEST_CASE("C ABI: a removed and re-added section never reaches a grant that did not cover it",
          "[capi][share][holds]") {
  TempDir dir;
  const std::string path = dir.file("r.kartla");
  kartla::record r = kartla::record::create(people().owner);
  r.set_clock(kNow);
  r.set_section_json("profile", profile_json("first"));
  r.set_section_json("notes", R"({"entries": [{"id": "n1", "text": "notes",
      "assertion": {"source": "SELF_REPORTED", "asserted_at": "2025-01-01T00:00:00Z"}}]})");
  const std::string a = r.share(people().card_a, {"profile", "notes"}, "p", 0, kNow);
  r.save(path);
  REQUIRE(kartla_record_remove_section(r.get(), "profile") == KARTLA_OK);
  r.set_section_json("profile", profile_json("rewritten"));
  (void)r.share(people().card_b, {"profile"}, "p", 0, kNow);
  r.save(path);
  r.export_bundle(a, dir.file("a.kartla"));
  const auto bundle = kartla::share::open_file(dir.file("a.kartla"), people().agency_a);
  size_t size = 0;
  CHECK(kartla_share_section_size(bundle.get(), "profile", kNow, &size) == KARTLA_E_NOT_SHARED);
  CHECK(contains(bundle.section_json("notes", kNow).view(), "notes"));
  // Revoking B rotates the profile; A's grant is not re-issued for it.
  CHECK(contains(r.revoke(people().card_b, kNow + 1), "\"reissued_grants\": 0"));
  r.save(path);
  const auto record_file = kartla::share::open_file(path, people().agency_a);
  CHECK(kartla_share_section_size(record_file.get(), "profile", kNow, &size) == KARTLA_E_NOT_SHARED);
}
