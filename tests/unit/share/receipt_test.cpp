// SPDX-License-Identifier: Apache-2.0
// Issue 10 "Receipts for both sides" (docs/SPEC.md §7.6): the owner's signed statement that a
// grant was made, or that it ended, when and why. Made from the saved record's sharing ledger;
// verified offline by the agency. Every byte is bound by the owner's signature; a receipt names
// its owner and its agency, and either can be pinned.
#include <catch2/catch.hpp>

#include <set>
#include <string>

#include "crypto/encoding.h"
#include "crypto/sign.h"
#include "format/fingerprint.h"
#include "format/labels.h"
#include "format/protowire.h"
#include "format/receipt_codec.h"
#include "share/receipt.h"
#include "share/revoke.h"
#include "share_fixture.h"

using namespace kartla;
using namespace kartla::sharetest;
namespace wire = kartla::testing::wire;

namespace {

constexpr int64_t kExpiry = kNow + 30 * 86400;
constexpr int64_t kRevokedAt = kNow + 86400;

const identity::Identity& other_owner() {
  static const identity::Identity id = make_identity(format::CardKind::owner, "", "", 0);
  return id;
}

const std::set<Code>& refusals() {
  static const std::set<Code> codes = {Code::format, Code::version, Code::limit, Code::signature};
  return codes;
}

Code verify_code(const std::string& file, const std::string& owner_card = {}, const std::string& agency_card = {}) {
  return code_of([&] { (void)share::verify_receipt(file, owner_card, agency_card); });
}

// A saved record; profile and languages shared with A (expiring), work_ability (health data,
// under an Art. 9(2) basis) with B.
struct Shared {
  TempDir dir;
  std::string path = dir.file("r.kartla");
  model::Record record = new_record({{"profile", "p"}, {"notes", "n"}, {"languages", "l"}, {"work_ability", "w"}});
  share::IssuedGrant to_a, to_b;
  Shared() {
    save_at(record, path);
    to_a = share_with(record, agency_a(), {"profile", "languages"}, "kartläggning inför praktik", kExpiry);
    to_b = share_with(record, agency_b(), {"work_ability"}, "arbetsträning", 0, kNow, "9.2.a");
    save_at(record, path);
  }
};

format::Receipt decoded(const std::string& file) { return format::decode_receipt_file(file).receipt; }

// The Receipt message written field by field (SPEC §7.6), so that a test can write what the
// library's encoder refuses to: each case changes one field and signs the result with the real
// owner key, so only the rule under test can refuse it.
struct Raw {
  uint64_t format_version = 1, kind = 1;
  std::string record_id = std::string(16, 'r'), owner_signing_key = owner().signing_keys().public_key,
              owner_encryption_key = owner().box_keys().public_key, grant_id = std::string(16, 'g'),
              recipient_signing_key = std::string(32, 's'), recipient_encryption_key = std::string(32, 'e'),
              agency_name = "Landskrona kommun";
  std::vector<std::string> sections = {"profile"};
  std::string purpose = "kartläggning", art6 = "6.1.a", art9;
  int64_t granted_at = kNow, expires_at = 0, ended_at = 0;
  uint64_t end_reason = 0, sequence = 3;
  std::string manifest_hash = std::string(32, 'h');
  bool zero_reason_written = false;  // a default written out: never canonical

  std::string bytes() const {
    std::string out;
    auto u = [&](uint32_t f, uint64_t v) {
      if (v != 0) out += wire::uint_field(f, v);
    };
    auto b = [&](uint32_t f, const std::string& v) {
      if (!v.empty()) out += wire::bytes_field(f, v);
    };
    u(1, format_version);
    u(2, kind);
    b(3, record_id);
    b(4, owner_signing_key);
    b(5, owner_encryption_key);
    b(6, grant_id);
    b(7, recipient_signing_key);
    b(8, recipient_encryption_key);
    b(9, agency_name);
    for (const auto& s : sections) out += wire::bytes_field(10, s);
    b(11, purpose);
    b(12, art6);
    b(13, art9);
    u(14, static_cast<uint64_t>(granted_at));
    u(15, static_cast<uint64_t>(expires_at));
    u(16, static_cast<uint64_t>(ended_at));
    if (zero_reason_written && end_reason == 0) out += wire::uint_field(17, 0);
    u(17, end_reason);
    u(18, sequence);
    b(19, manifest_hash);
    return out;
  }
};

std::string signed_file(const std::string& receipt_bytes, const crypto::SigningKeyPair& keys = owner().signing_keys()) {
  const std::string sig = crypto::sign_with_label(format::label::kReceiptSignature, keys, receipt_bytes);
  return format::encode_receipt_file(format::encode_signed_receipt(receipt_bytes, sig));
}

std::string flip(const std::string& bytes, size_t bit) {
  std::string out = bytes;
  out[bit / 8] = static_cast<char>(out[bit / 8] ^ (1 << (bit % 8)));
  return out;
}

}  // namespace

TEST_CASE("a grant receipt states the ledger's grant and the saved version", "[receipt]") {
  Shared s;
  const std::string file = share::make_receipt_file(s.record, s.to_a.grant_id_hex, kNow);
  REQUIRE(file.compare(0, 8, std::string("KARTLA") + 'X' + '\x01') == 0);
  const format::SignedReceipt verified =
      share::verify_receipt(file, owner().card_file(), agency_a().card_file());
  const format::Receipt& r = verified.receipt;
  CHECK(r.kind == format::ReceiptKind::grant);
  CHECK(r.record_id == s.record.record_id());
  CHECK(r.owner_signing_key == owner().signing_keys().public_key);
  CHECK(r.owner_encryption_key == owner().box_keys().public_key);
  CHECK(crypto::to_hex(r.grant_id) == s.to_a.grant_id_hex);
  CHECK(r.recipient_signing_key == agency_a().signing_keys().public_key);
  CHECK(r.recipient_encryption_key == agency_a().box_keys().public_key);
  CHECK(r.agency_name == "Landskrona kommun");
  CHECK(r.sections == std::vector<std::string>{"profile", "languages"});
  CHECK(r.purpose == "kartläggning inför praktik");
  CHECK(r.gdpr_art6_basis == "6.1.a");
  CHECK(r.gdpr_art9_basis.empty());
  CHECK(r.granted_at == kNow);
  CHECK(r.expires_at == kExpiry);
  CHECK(r.ended_at == 0);
  CHECK(r.end_reason == format::ReceiptEnd::none);
  CHECK(r.sequence == s.record.sequence());
  CHECK(r.manifest_hash == s.record.manifest_hash());
  // Without pins it verifies too: then the reader must compare the owner's fingerprint itself.
  CHECK(share::verify_receipt(file, {}, {}).receipt_bytes == verified.receipt_bytes);

  const format::Receipt b = decoded(share::make_receipt_file(s.record, s.to_b.grant_id_hex, kNow));
  CHECK(b.sections == std::vector<std::string>{"work_ability"});
  CHECK(b.gdpr_art9_basis == "9.2.a");
  CHECK(b.expires_at == 0);
}

TEST_CASE("a receipt pins its owner and its agency", "[receipt]") {
  Shared s;
  const std::string file = share::make_receipt_file(s.record, s.to_a.grant_id_hex, kNow);
  CHECK(verify_code(file, other_owner().card_file()) == Code::auth);
  CHECK(contains(message_of([&] { (void)share::verify_receipt(file, other_owner().card_file(), {}); }),
                 format::fingerprint(owner().signing_keys().public_key, owner().box_keys().public_key)));
  CHECK(verify_code(file, {}, agency_b().card_file()) == Code::signature);
  // A card of the wrong kind is the caller's mistake, not a finding about the receipt.
  CHECK(verify_code(file, agency_a().card_file()) == Code::invalid_argument);
  CHECK(verify_code(file, {}, owner().card_file()) == Code::invalid_argument);
  CHECK(verify_code(file, std::string("KARTLA")) == Code::format);

  // Another owner may sign a receipt that names this record and this agency: it verifies as
  // *that* owner's statement (the signature covers the key it names), and pinning catches it.
  format::Receipt forged = decoded(file);
  forged.owner_signing_key = other_owner().signing_keys().public_key;
  forged.owner_encryption_key = other_owner().box_keys().public_key;
  const std::string forged_file = signed_file(format::encode_receipt(forged), other_owner().signing_keys());
  CHECK(verify_code(forged_file) == Code::ok);
  CHECK(verify_code(forged_file, owner().card_file()) == Code::auth);
  // ... and one that names this owner's keys but is signed by another key does not verify at all.
  const std::string impostor = signed_file(format::encode_receipt(decoded(file)), other_owner().signing_keys());
  CHECK(verify_code(impostor) == Code::signature);
}

TEST_CASE("a receipt is made from a saved record, for a grant the ledger knows", "[receipt]") {
  Shared s;
  CHECK(code_of([&] { (void)share::make_receipt_file(s.record, "00112233445566778899aabbccddeeff", kNow); }) ==
        Code::not_found);
  CHECK(code_of([&] { (void)share::make_receipt_file(s.record, s.to_a.grant_id_hex.substr(1), kNow); }) ==
        Code::not_found);
  s.record.write_section(section("profile"), content("profile", "changed"));
  CHECK(code_of([&] { (void)share::make_receipt_file(s.record, s.to_a.grant_id_hex, kNow); }) ==
        Code::invalid_argument);
  model::Record fresh = new_record({{"profile", "p"}});
  (void)share_with(fresh, agency_a(), {"profile"});
  CHECK(code_of([&] { (void)share::make_receipt_file(fresh, s.to_a.grant_id_hex, kNow); }) == Code::invalid_argument);
}

TEST_CASE("revoking an agency: a termination receipt names the version that dropped the grant", "[receipt]") {
  Shared s;
  const uint64_t before = s.record.sequence();
  const share::RevocationResult revoked = share::revoke_agency(s.record, agency_a().card_file(), kRevokedAt);
  REQUIRE(revoked.grant_ids == std::vector<std::string>{s.to_a.grant_id_hex});
  // Not before the save: the grant has not left the file yet.
  CHECK(code_of([&] { (void)share::make_receipt_file(s.record, s.to_a.grant_id_hex, kRevokedAt); }) ==
        Code::invalid_argument);
  save_at(s.record, s.path, kRevokedAt);
  const std::string file = share::make_receipt_file(s.record, s.to_a.grant_id_hex, kRevokedAt);
  const format::Receipt r = share::verify_receipt(file, owner().card_file(), agency_a().card_file()).receipt;
  CHECK(r.kind == format::ReceiptKind::termination);
  CHECK(r.end_reason == format::ReceiptEnd::revoked);
  CHECK(r.ended_at == kRevokedAt);
  CHECK(r.sequence == before + 1);
  CHECK(r.manifest_hash == s.record.manifest_hash());
  CHECK(r.sections == std::vector<std::string>{"profile", "languages"});
  CHECK(r.expires_at == kExpiry);
  // B's grant is untouched and still gets a grant receipt, naming the new version.
  const format::Receipt b = decoded(share::make_receipt_file(s.record, s.to_b.grant_id_hex, kRevokedAt));
  CHECK(b.kind == format::ReceiptKind::grant);
  CHECK(b.sequence == before + 1);
  // A later version still gives the same statement, naming that later version.
  s.record.write_section(section("languages"), content("languages", "later"));
  save_at(s.record, s.path, kRevokedAt + 10);
  const format::Receipt later = decoded(share::make_receipt_file(s.record, s.to_a.grant_id_hex, kRevokedAt + 10));
  CHECK(later.kind == format::ReceiptKind::termination);
  CHECK(later.ended_at == kRevokedAt);
  CHECK(later.sequence == before + 2);
}

TEST_CASE("expiry: a live grant past its expiry has no receipt until the save ends it", "[receipt]") {
  Shared s;
  const int64_t after = kExpiry + 3600;
  CHECK(decoded(share::make_receipt_file(s.record, s.to_a.grant_id_hex, kExpiry - 1)).kind ==
        format::ReceiptKind::grant);
  CHECK(code_of([&] { (void)share::make_receipt_file(s.record, s.to_a.grant_id_hex, kExpiry); }) == Code::expired);
  CHECK(contains(message_of([&] { (void)share::make_receipt_file(s.record, s.to_a.grant_id_hex, after); }),
                 "next save"));
  s.record.write_section(section("notes"), content("notes", "written after the expiry"));
  save_at(s.record, s.path, after);  // as kartla_record_save does with a moved clock
  const format::Receipt r = share::verify_receipt(share::make_receipt_file(s.record, s.to_a.grant_id_hex, after),
                                                  owner().card_file(), agency_a().card_file())
                                .receipt;
  CHECK(r.kind == format::ReceiptKind::termination);
  CHECK(r.end_reason == format::ReceiptEnd::expired);
  CHECK(r.ended_at == after);
  CHECK(r.expires_at == kExpiry);
  CHECK(r.sequence == s.record.sequence());
}

TEST_CASE("every truncation and bit flip of a receipt is refused with a typed error", "[receipt][hostile]") {
  Shared s;
  (void)share::revoke_agency(s.record, agency_a().card_file(), kRevokedAt);
  save_at(s.record, s.path, kRevokedAt);
  for (const std::string& id : {s.to_a.grant_id_hex, s.to_b.grant_id_hex}) {
    const std::string file = share::make_receipt_file(s.record, id, kRevokedAt);
    REQUIRE(verify_code(file) == Code::ok);
    INFO("receipt of " << file.size() << " bytes");
    for (size_t n = 0; n < file.size(); ++n) {
      const Code code = verify_code(file.substr(0, n));
      if (refusals().count(code) != 1) FAIL("truncated to " << n << " gave " << static_cast<int>(code));
    }
    for (size_t bit = 0; bit < file.size() * 8; ++bit) {
      const std::string bad = flip(file, bit);
      const Code code = verify_code(bad);
      if (refusals().count(code) != 1) FAIL("bit " << bit << " gave " << static_cast<int>(code));
      // Pinned, a flip in the owner's keys is still the signature's failure, never the pin's OK.
      const Code pinned = verify_code(bad, owner().card_file());
      if (refusals().count(pinned) != 1) FAIL("bit " << bit << " pinned gave " << static_cast<int>(pinned));
    }
    CHECK(verify_code(file + "x") == Code::format);
  }
}

TEST_CASE("the reader's rules hold behind a valid signature", "[receipt][hostile]") {
  const auto code_for = [](const Raw& raw) { return verify_code(signed_file(raw.bytes())); };
  REQUIRE(code_for(Raw{}) == Code::ok);
  Raw termination;
  termination.kind = 2;
  termination.ended_at = kNow + 10;
  termination.end_reason = 1;
  REQUIRE(code_for(termination) == Code::ok);

  // Strict encoding (SPEC §3.2): an unknown field, a field twice, a default written out, an
  // overlong varint.
  const std::string good = Raw{}.bytes();
  CHECK(verify_code(signed_file(good + wire::uint_field(20, 1))) == Code::format);
  CHECK(verify_code(signed_file(good + wire::uint_field(18, 4))) == Code::format);
  Raw zero;
  zero.zero_reason_written = true;
  CHECK(code_for(zero) == Code::format);
  CHECK(verify_code(signed_file(wire::tag(1, wire::kVarint) + wire::overlong_varint(1, 2) + good.substr(2))) ==
        Code::format);

  std::vector<std::pair<const char*, std::function<void(Raw&)>>> format_cases = {
      {"kind 0", [](Raw& r) { r.kind = 0; }},
      {"kind 3", [](Raw& r) { r.kind = 3; }},
      {"record id 15", [](Raw& r) { r.record_id.pop_back(); }},
      {"owner encryption key 31", [](Raw& r) { r.owner_encryption_key.pop_back(); }},
      {"grant id 17", [](Raw& r) { r.grant_id += "x"; }},
      {"recipient key 33", [](Raw& r) { r.recipient_signing_key += "x"; }},
      {"no agency name", [](Raw& r) { r.agency_name.clear(); }},
      {"no section", [](Raw& r) { r.sections.clear(); }},
      {"a section twice", [](Raw& r) { r.sections = {"profile", "profile"}; }},
      {"the ledger", [](Raw& r) { r.sections = {"sharing_ledger"}; }},
      {"not a section name", [](Raw& r) { r.sections = {"Profile"}; }},
      {"work_ability without Art. 9", [](Raw& r) { r.sections = {"work_ability"}; }},
      {"no purpose", [](Raw& r) { r.purpose.clear(); }},
      {"no Art. 6 basis", [](Raw& r) { r.art6.clear(); }},
      {"Art. 6 basis 6.1.g", [](Raw& r) { r.art6 = "6.1.g"; }},
      {"Art. 9 basis 9.2.k", [](Raw& r) { r.art9 = "9.2.k"; }},
      {"no grant time", [](Raw& r) { r.granted_at = 0; }},
      {"expiry before grant", [](Raw& r) { r.expires_at = kNow; }},
      {"a grant receipt that ended", [](Raw& r) { r.ended_at = kNow + 1; }},
      {"a grant receipt with a reason", [](Raw& r) { r.end_reason = 1; }},
      {"a termination without a time", [](Raw& r) { r.kind = 2; r.end_reason = 1; }},
      {"a termination without a reason", [](Raw& r) { r.kind = 2; r.ended_at = kNow + 1; }},
      {"a termination for reason 3", [](Raw& r) { r.kind = 2; r.ended_at = kNow + 1; r.end_reason = 3; }},
      {"expired without an expiry", [](Raw& r) { r.kind = 2; r.ended_at = kNow + 1; r.end_reason = 2; }},
      {"expired before its expiry",
       [](Raw& r) { r.kind = 2; r.expires_at = kNow + 100; r.ended_at = kNow + 99; r.end_reason = 2; }},
      {"no sequence", [](Raw& r) { r.sequence = 0; }},
      {"manifest hash 31", [](Raw& r) { r.manifest_hash.pop_back(); }},
  };
  for (const auto& [name, change] : format_cases) {
    Raw raw;
    change(raw);
    INFO(name);
    CHECK(code_for(raw) == Code::format);
  }
  Raw v2;
  v2.format_version = 2;
  CHECK(code_for(v2) == Code::version);
  Raw long_name;
  long_name.agency_name = std::string(257, 'a');
  CHECK(code_for(long_name) == Code::limit);
  Raw long_purpose;
  long_purpose.purpose = std::string(1025, 'p');
  CHECK(code_for(long_purpose) == Code::limit);
  Raw many;
  many.sections.clear();
  for (int i = 0; i < 65; ++i) many.sections.push_back("s" + std::to_string(i));
  CHECK(code_for(many) == Code::limit);
  // A section this reader does not know is a newer writer's: carried, as section ids are.
  Raw newer;
  newer.sections = {"profile", "future_section"};
  CHECK(code_for(newer) == Code::ok);

  // The frame (SPEC §3.1): another type, another version, a length over 64 KiB.
  std::string file = signed_file(good);
  std::string other_type = file;
  other_type[6] = 'A';
  CHECK(verify_code(other_type) == Code::format);
  std::string other_version = file;
  other_version[7] = 2;
  CHECK(verify_code(other_version) == Code::version);
  std::string too_long = file;
  too_long[8] = 0x01;
  too_long[9] = 0x00;
  too_long[10] = 0x01;  // 65537
  CHECK(verify_code(too_long) == Code::limit);
  // A signature of another type over the same bytes is not a receipt's.
  const std::string card_sig = crypto::sign_with_label(format::label::kCardSignature, owner().signing_keys(), good);
  CHECK(verify_code(format::encode_receipt_file(format::encode_signed_receipt(good, card_sig))) == Code::signature);
}

TEST_CASE("the writer refuses what a reader would refuse", "[receipt]") {
  Shared s;
  format::Receipt r = decoded(share::make_receipt_file(s.record, s.to_a.grant_id_hex, kNow));
  CHECK(code_of([&] { (void)format::encode_receipt(r); }) == Code::ok);
  format::Receipt bad = r;
  bad.ended_at = kNow + 1;
  CHECK(code_of([&] { (void)format::encode_receipt(bad); }) == Code::invalid_argument);
  bad = r;
  bad.purpose = "\xff";
  CHECK(code_of([&] { (void)format::encode_receipt(bad); }) == Code::invalid_argument);
  bad = r;
  bad.agency_name = std::string(257, 'a');
  CHECK(code_of([&] { (void)format::encode_receipt(bad); }) == Code::limit);
}
