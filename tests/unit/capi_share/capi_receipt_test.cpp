// SPDX-License-Identifier: Apache-2.0
// Receipts through the C ABI (kartla.h "Receipts", docs/SPEC.md §7.6), as an owner's app and an
// agency's system would use them: libkartla.so and the public headers only.
#include <catch2/catch.hpp>

#include <ftw.h>
#include <stdlib.h>

#include <cstdio>
#include <functional>
#include <stdexcept>
#include <string>

#include "../json_squeeze.h"
#include "capi_fixture.h"
#include "kartla/kartla.h"
#include "kartla/kartla.hpp"

namespace {

using capi_test::TempDir;

using capi_test::cheap_kdf;
using capi_test::kNow;
constexpr int64_t kExpiry = kNow + 30 * 86400;
const std::string kPass = "receipt test passphrase";


// Results are JSON in the layout protobuf prints; the facts are compared without it.
bool contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string::npos ||
         json_squeezed(haystack).find(json_squeezed(needle)) != std::string::npos;
}

kartla_status status_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const kartla::error& e) {
    return e.status();
  }
  return KARTLA_OK;
}

struct People {
  kartla::identity owner, stranger, agency_a, agency_b;
  std::string owner_card, stranger_card, card_a, card_b;
};

const People& people() {
  static const People p = [] {
    const kartla_identity_options o = cheap_kdf();
    People out{kartla::identity::create(kPass, &o).identity, kartla::identity::create(kPass, &o).identity,
               kartla::identity::create_agency("Landskrona kommun", "212000-1140", "municipal_labour_unit", kPass, &o)
                   .identity,
               kartla::identity::create_agency("Exempelbolaget AB", "556036-0793", "employer", kPass, &o).identity,
               "", "", "", ""};
    out.owner_card = out.owner.card().str();
    out.stranger_card = out.stranger.card().str();
    out.card_a = out.agency_a.card().str();
    out.card_b = out.agency_b.card().str();
    return out;
  }();
  return p;
}

std::string profile_json() {
  return R"({"given_name": "Aino", "assertion": {"source": "SELF_REPORTED", "asserted_at": "2025-01-01T00:00:00Z"}})";
}

// A saved record whose profile is shared with A until kExpiry.
struct Shared {
  TempDir dir;
  std::string path = dir.file("r.kartla");
  kartla::record record = kartla::record::create(people().owner);
  std::string grant_id;
  Shared() {
    record.set_clock(kNow);
    record.set_section_json("profile", profile_json());
    grant_id = record.share(people().card_a, {"profile"}, "kartläggning inför praktik", kExpiry, kNow);
    record.save(path);
  }
};

std::string describe(const std::string& receipt, const std::string& owner_card = {},
                     const std::string& agency_card = {}) {
  return kartla::receipt_describe(receipt, owner_card, agency_card);
}

}  // namespace

TEST_CASE("C ABI: a grant receipt describes the grant and the saved version", "[capi][receipt]") {
  Shared s;
  const std::string receipt = s.record.receipt(s.grant_id).str();
  const std::string d = describe(receipt, people().owner_card, people().card_a);
  CHECK(contains(d, "\"kind\": \"grant\""));
  CHECK(contains(d, "\"record_id\": \"" + s.record.id() + "\""));
  CHECK(contains(d, "\"owner_fingerprint\": \"" + people().owner.fingerprint() + "\""));
  CHECK(contains(d, "\"grant_id\": \"" + s.grant_id + "\""));
  CHECK(contains(d, "\"agency_name\": \"Landskrona kommun\""));
  CHECK(contains(d, "\"agency_fingerprint\": \"" + people().agency_a.fingerprint() + "\""));
  CHECK(contains(d, "\"sections\": [\"profile\"]"));
  CHECK(contains(d, "\"purpose\": \"kartläggning inför praktik\""));
  CHECK(contains(d, "\"gdpr_art6_basis\": \"6.1.a\""));
  CHECK(contains(d, "\"gdpr_art9_basis\": \"\""));
  CHECK(contains(d, "\"granted_at\": \"" + std::to_string(kNow) + "\""));
  CHECK(contains(d, "\"expires_at\": \"" + std::to_string(kExpiry) + "\""));
  CHECK(contains(d, "\"ended_at\": \"0\""));
  CHECK(contains(d, "\"end_reason\": \"\""));
  CHECK(contains(d, "\"sequence\": \"" + std::to_string(s.record.sequence()) + "\""));
  // The manifest hash is the saved version's: the record's own verification knows it as the
  // next version's previous hash.
  s.record.set_section_json("profile", profile_json());
  s.record.save(s.path);
  const std::string previous = kartla::verification::of_file(s.path).previous_hash();
  CHECK(contains(d, "\"manifest_hash\": \"" + previous + "\""));
  // Unpinned, it describes the same.
  CHECK(describe(receipt) == d);
}

TEST_CASE("C ABI: receipts pin their owner and their agency", "[capi][receipt]") {
  Shared s;
  const std::string receipt = s.record.receipt(s.grant_id).str();
  kartla_buffer out = KARTLA_BUFFER_INIT;
  const auto* r = reinterpret_cast<const uint8_t*>(receipt.data());
  const auto* stranger = reinterpret_cast<const uint8_t*>(people().stranger_card.data());
  const auto* card_a = reinterpret_cast<const uint8_t*>(people().card_a.data());
  const auto* card_b = reinterpret_cast<const uint8_t*>(people().card_b.data());
  CHECK(kartla_receipt_describe(r, receipt.size(), stranger, people().stranger_card.size(), nullptr, 0, KARTLA_ENCODING_JSON, &out) ==
        KARTLA_E_AUTH);
  CHECK(contains(kartla_last_error(), people().owner.fingerprint()));
  CHECK(out.data == nullptr);
  CHECK(kartla_receipt_describe(r, receipt.size(), nullptr, 0, card_b, people().card_b.size(), KARTLA_ENCODING_JSON, &out) ==
        KARTLA_E_SIGNATURE);
  CHECK(out.data == nullptr);
  CHECK(kartla_receipt_describe(r, receipt.size(), card_a, people().card_a.size(), nullptr, 0, KARTLA_ENCODING_JSON, &out) ==
        KARTLA_E_INVALID_ARGUMENT);
  CHECK(kartla_receipt_describe(r, receipt.size(), nullptr, 0, stranger, people().stranger_card.size(), KARTLA_ENCODING_JSON, &out) ==
        KARTLA_E_INVALID_ARGUMENT);
  CHECK(out.data == nullptr);
}

TEST_CASE("C ABI: a receipt needs a saved record and a grant the ledger knows", "[capi][receipt]") {
  Shared s;
  kartla_buffer out = KARTLA_BUFFER_INIT;
  CHECK(kartla_record_receipt(s.record.get(), "00112233445566778899aabbccddeeff", &out) == KARTLA_E_NOT_FOUND);
  CHECK(out.data == nullptr);
  s.record.set_section_json("profile", profile_json());
  CHECK(kartla_record_receipt(s.record.get(), s.grant_id.c_str(), &out) == KARTLA_E_INVALID_ARGUMENT);
  CHECK(contains(kartla_last_error(), "save"));
  CHECK(out.data == nullptr);
}

TEST_CASE("C ABI: revoke, save, and the termination receipt says revoked", "[capi][receipt]") {
  Shared s;
  const std::string summary = s.record.revoke(people().card_a, kNow + 600);
  CHECK(contains(summary, "\"grant_ids\": [\"" + s.grant_id + "\"]"));
  s.record.save(s.path);
  const std::string d = describe(s.record.receipt(s.grant_id).str(), people().owner_card, people().card_a);
  CHECK(contains(d, "\"kind\": \"termination\""));
  CHECK(contains(d, "\"end_reason\": \"revoked\""));
  CHECK(contains(d, "\"ended_at\": \"" + std::to_string(kNow + 600) + "\""));
  CHECK(contains(d, "\"sequence\": \"" + std::to_string(s.record.sequence()) + "\""));
}

TEST_CASE("C ABI: an expired grant's termination receipt comes with the save that ends it", "[capi][receipt]") {
  Shared s;
  s.record.set_clock(kExpiry + 60);
  CHECK(status_of([&] { (void)s.record.receipt(s.grant_id); }) == KARTLA_E_EXPIRED);
  s.record.save(s.path);  // ends the grant at the record's clock
  const std::string d = describe(s.record.receipt(s.grant_id).str(), people().owner_card, people().card_a);
  CHECK(contains(d, "\"kind\": \"termination\""));
  CHECK(contains(d, "\"end_reason\": \"expired\""));
  CHECK(contains(d, "\"ended_at\": \"" + std::to_string(kExpiry + 60) + "\""));
}

TEST_CASE("C ABI: no changed byte of a receipt is described", "[capi][receipt][hostile]") {
  Shared s;
  const std::string receipt = s.record.receipt(s.grant_id).str();
  for (size_t i = 0; i < receipt.size(); ++i) {
    std::string bad = receipt;
    bad[i] = static_cast<char>(bad[i] ^ 0xff);
    kartla_buffer out = KARTLA_BUFFER_INIT;
    const kartla_status st = kartla_receipt_describe(reinterpret_cast<const uint8_t*>(bad.data()), bad.size(),
                                                          reinterpret_cast<const uint8_t*>(people().owner_card.data()),
                                                          people().owner_card.size(), nullptr, 0, KARTLA_ENCODING_JSON, &out);
    if (st != KARTLA_E_FORMAT && st != KARTLA_E_LIMIT && st != KARTLA_E_VERSION && st != KARTLA_E_SIGNATURE)
      FAIL("byte " << i << " gave " << kartla_status_name(st));
    if (out.data != nullptr) FAIL("byte " << i << " left output");
  }
}
