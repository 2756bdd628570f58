// SPDX-License-Identifier: Apache-2.0
// Hostile bytes (docs/THREATS.md T1, T2, T4-T8): every truncation and every bit flip of a small attestation,
// trust list and contribution is refused with a typed error, never accepted; non-canonical
// encodings are refused even when validly signed.
#include <catch2/catch.hpp>

#include <set>
#include <string>

#include "attest/contribution.h"
#include "attest_fixture.h"
#include "crypto/sign.h"
#include "format/attestation_codec.h"
#include "format/framing.h"
#include "format/labels.h"
#include "format/limits.h"
#include "format/trust_list_codec.h"
#include "format/protowire.h"

using namespace kartla;
using namespace kartla::attesttest;
namespace wire = kartla::testing::wire;

namespace {

const std::set<Code>& parse_codes() {
  static const std::set<Code> codes = {Code::format, Code::version, Code::limit, Code::signature};
  return codes;
}

std::string flip(const std::string& bytes, size_t bit) {
  std::string out = bytes;
  out[bit / 8] = static_cast<char>(out[bit / 8] ^ (1 << (bit % 8)));
  return out;
}

// The attestation path end to end: unframe, then verify against the entry it was made for.
attest::AttestationCheck verify_file(const std::string& file, const model::Record& r) {
  return attest::verify_attestation(attest::attestation_from_file(file), subject(r, "competences", "c1"),
                                    entry_of(r, "competences", "c1"), kNow, nullptr);
}

std::string signed_attestation_over(const std::string& attestation_bytes) {
  const std::string sig =
      crypto::sign_with_label(format::label::kAttestationSignature, validator().signing_keys(), attestation_bytes);
  return format::encode_signed_attestation(attestation_bytes, sig);
}

}  // namespace

TEST_CASE("every truncation and bit flip of an attestation file is refused", "[attest][hostile]") {
  const model::Record r = new_record();
  const std::string file = attest::issue_attestation(validator(), subject(r, "competences", "c1"),
                                                     entry_of(r, "competences", "c1"), ocn_claim(), kNow);
  REQUIRE(verify_file(file, r).verdict == attest::Verdict::untrusted);
  std::string entry = entry_of(r, "competences", "c1");
  INFO("file of " << file.size() << " bytes");

  for (size_t n = 0; n < file.size(); ++n) {
    INFO("truncated to " << n);
    std::string cut = file.substr(0, n);
    Code code = Code::ok;
    try {
      const auto c = verify_file(cut, r);
      CHECK(c.verdict == attest::Verdict::invalid);
      code = c.code;
    } catch (const Error& e) {
      code = e.code();  // the frame itself
    }
    CHECK(parse_codes().count(code) == 1);
  }
  for (size_t bit = 0; bit < file.size() * 8; ++bit) {
    const std::string bad = flip(file, bit);
    Code code = Code::ok;
    try {
      const auto c = verify_file(bad, r);
      code = c.verdict == attest::Verdict::invalid ? c.code : Code::ok;
    } catch (const Error& e) {
      code = e.code();
    }
    if (parse_codes().count(code) != 1) FAIL("bit " << bit << " gave " << static_cast<int>(code));
  }
  CHECK(code_of([&] { attest::attestation_from_file(file + "x"); }) == Code::format);
}

TEST_CASE("a validly signed but non-canonical attestation is refused (THREATS.md T6-T8)", "[attest][hostile]") {
  const model::Record r = new_record();
  const format::SignedAttestation good =
      format::decode_signed_attestation(attest_entry(validator(), r, "competences", "c1"));
  const std::string& a = good.attestation_bytes;
  REQUIRE(code_of([&] { format::decode_signed_attestation(signed_attestation_over(a)); }) == Code::ok);

  const auto refused = [](const std::string& attestation_bytes) {
    return code_of([&] { format::decode_signed_attestation(signed_attestation_over(attestation_bytes)); });
  };
  CHECK(refused(a + wire::uint_field(12, 1)) == Code::format);                              // unknown field
  CHECK(refused(a + wire::uint_field(10, static_cast<uint64_t>(kNow + 1))) == Code::format);  // issued_at twice
  CHECK(refused(a + wire::uint_field(11, 0)) == Code::format);                              // a default written out
  CHECK(refused(a + wire::nested_groups(13, 10000)) == Code::format);                       // 10,000 deep
  CHECK(refused(a + wire::tag(6, wire::kVarint) + wire::overlong_varint(4, 9)) == Code::format);
  CHECK(refused(wire::uint_field(1, 2) + a.substr(2)) == Code::version);                    // format_version 2
  // The claim sub-message split in two: merged by protobuf, refused by the canonical check.
  CHECK(refused(a + wire::bytes_field(9, wire::uint_field(6, 1))) == Code::format);
  // An unknown field in the SignedAttestation around it.
  const std::string outer_unknown = format::encode_signed_attestation(a, good.signature) + wire::uint_field(3, 1);
  CHECK(code_of([&] { format::decode_signed_attestation(outer_unknown); }) == Code::format);
  // Over the limit before any parsing.
  CHECK(code_of([&] { format::decode_signed_attestation(std::string(format::kMaxAttestationBytes + 1, '\0')); }) ==
        Code::limit);
  const std::string huge_frame = format::frame_prefix(format::FileType::attestation, 0x7fffffff);
  CHECK(code_of([&] { attest::attestation_from_file(huge_frame); }) == Code::limit);
}

TEST_CASE("an attestation whose issuer card is not an agency's is refused", "[attest][hostile]") {
  const model::Record r = new_record();
  format::Attestation a = format::decode_signed_attestation(attest_entry(validator(), r, "competences", "c1")).attestation;
  // A trust root signing an attestation with its own card: valid signature, wrong kind of issuer.
  a.issuer_card = format::encode_signed_card(root().card().card_bytes, root().card().signature);
  const std::string bytes = format::encode_attestation(a);
  const std::string sig = crypto::sign_with_label(format::label::kAttestationSignature, root().signing_keys(), bytes);
  CHECK(code_of([&] { format::decode_signed_attestation(format::encode_signed_attestation(bytes, sig)); }) ==
        Code::format);
  // An agency card, but the signature by another agency's key.
  a.issuer_card = format::encode_signed_card(validator().card().card_bytes, validator().card().signature);
  const std::string bytes2 = format::encode_attestation(a);
  const std::string sig2 =
      crypto::sign_with_label(format::label::kAttestationSignature, unlisted_agency().signing_keys(), bytes2);
  CHECK(code_of([&] { format::decode_signed_attestation(format::encode_signed_attestation(bytes2, sig2)); }) ==
        Code::signature);
}

TEST_CASE("every truncation and bit flip of a trust list file is refused", "[attest][hostile][trust]") {
  const std::string file = trust_list_file(root(), {{&validator(), 5, kNow - kDay, 0}});
  const attest::TrustListCheck check{kNow, std::nullopt, ""};
  REQUIRE(attest::verify_trust_list(file, check).agencies.size() == 1);
  for (size_t n = 0; n < file.size(); ++n) {
    const Code code = code_of([&] { attest::verify_trust_list(file.substr(0, n), check); });
    if (parse_codes().count(code) != 1) FAIL("truncated to " << n << " gave " << static_cast<int>(code));
  }
  for (size_t bit = 0; bit < file.size() * 8; ++bit) {
    const Code code = code_of([&] { attest::verify_trust_list(flip(file, bit), check); });
    if (parse_codes().count(code) != 1) FAIL("bit " << bit << " gave " << static_cast<int>(code));
  }
  CHECK(code_of([&] { attest::verify_trust_list(file + "x", check); }) == Code::format);
  CHECK(code_of([&] { attest::verify_trust_list(file + file, check); }) == Code::format);
}

TEST_CASE("a validly signed but non-canonical trust list is refused", "[attest][hostile][trust]") {
  const format::SignedTrustList good =
      format::decode_trust_list_file(trust_list_file(root(), {{&validator(), 5, kNow - kDay, 0}}));
  const auto refused = [](const std::string& list_bytes) {
    const std::string sig = crypto::sign_with_label(format::label::kTrustListSignature, root().signing_keys(), list_bytes);
    return code_of([&] { format::decode_signed_trust_list(format::encode_signed_trust_list(list_bytes, sig)); });
  };
  const std::string& l = good.list_bytes;
  REQUIRE(refused(l) == Code::ok);
  CHECK(refused(l + wire::uint_field(7, 1)) == Code::format);
  CHECK(refused(l + wire::uint_field(3, 9)) == Code::format);  // sequence after the agencies, twice
  CHECK(refused(l + wire::nested_groups(8, 10000)) == Code::format);
  // The same agency listed twice (each element canonical, the list ambiguous).
  const std::string agency = good.list.agencies[0].agency_card;
  const std::string element = wire::bytes_field(1, agency) + wire::uint_field(2, 5) +
                              wire::uint_field(3, static_cast<uint64_t>(kNow - kDay));
  CHECK(refused(l + wire::bytes_field(6, element)) == Code::format);
}

TEST_CASE("every truncation and bit flip of a contribution file is refused before anything is returned",
          "[attest][hostile][contribution]") {
  const model::Record r = new_record();
  attest::ContributionRequest request;
  request.owner_card_file = owner().card_file();
  request.record_id = r.record_id();
  request.section_id = section("interventions").id;
  request.now = kNow;
  const std::string entry =
      attest::entry_from_json(section("interventions"),
                              std::string(R"({"id": "i2", "title": "Svenska för yrkeslivet", "status": "COMPLETED",
                                  "assertion": {"source": "PROFESSIONAL_OBSERVED", "asserted_at": "2025-12-01T00:00:00Z",
                                                "asserted_by_org": {"se_orgnr": "2021002114", "name": "Arbetsförmedlingen"}}})"))
          .view()
          .to_string();
  const std::string file = attest::create_contribution(employment_service(), request, entry);
  REQUIRE(attest::open_contribution(owner_keys(), file, kNow).entry_id == "i2");

  const std::set<Code> codes = {Code::format, Code::version, Code::limit, Code::signature, Code::auth};
  for (size_t n = 0; n < file.size(); ++n) {
    const Code code = code_of([&] { attest::open_contribution(owner_keys(), file.substr(0, n), kNow); });
    if (codes.count(code) != 1) FAIL("truncated to " << n << " gave " << static_cast<int>(code));
  }
  for (size_t bit = 0; bit < file.size() * 8; ++bit) {
    const Code code = code_of([&] { attest::open_contribution(owner_keys(), flip(file, bit), kNow); });
    if (codes.count(code) != 1) FAIL("bit " << bit << " gave " << static_cast<int>(code));
  }
}

TEST_CASE("each file says what it is, and one kind is not read as another", "[attest][hostile]") {
  const model::Record r = new_record();
  const std::string attestation = attest::issue_attestation(validator(), subject(r, "competences", "c1"),
                                                            entry_of(r, "competences", "c1"), ocn_claim(), kNow);
  const std::string list = trust_list_file(root(), {{&validator(), 5, kNow - kDay, 0}});
  attest::ContributionRequest request;
  request.owner_card_file = owner().card_file();
  request.record_id = r.record_id();
  request.section_id = section("competences").id;
  request.now = kNow;
  const std::string contribution =
      attest::create_contribution(validator(), request, entry_of(r, "competences", "c1"));

  CHECK(format::sniff_file_type(attestation) == format::FileType::attestation);
  CHECK(format::sniff_file_type(list) == format::FileType::trust_list);
  CHECK(format::sniff_file_type(contribution) == format::FileType::contribution);
  CHECK(attestation[6] == 'A');
  CHECK(list[6] == 'T');
  CHECK(contribution[6] == 'W');

  CHECK(contains(message_of([&] { attest::attestation_from_file(list); }), "expected an attestation, but this is a trust list"));
  CHECK(contains(message_of([&] { attest::verify_trust_list(contribution, {kNow, std::nullopt, ""}); }),
                 "but this is a contribution"));
  CHECK(code_of([&] { attest::open_contribution(owner_keys(), attestation, kNow); }) == Code::format);
  CHECK(code_of([&] { attest::open_contribution(owner_keys(), owner().card_file(), kNow); }) == Code::format);
}
