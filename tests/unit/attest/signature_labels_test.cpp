// SPDX-License-Identifier: Apache-2.0
// One signature, one meaning (docs/SPEC.md §2, docs/THREATS.md T17): a signature made under one label never
// verifies as another kind, with real keys and real bytes, in both directions.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "attest/contribution.h"
#include "attest_fixture.h"
#include "crypto/sign.h"
#include "format/attestation_codec.h"
#include "format/byte_source.h"
#include "format/container_reader.h"
#include "format/contribution_codec.h"
#include "format/labels.h"
#include "format/record_codec.h"
#include "format/trust_list_codec.h"
#include "record/record_fixture.h"

using namespace kartla;
using namespace kartla::attesttest;
namespace label = kartla::format::label;

namespace {

const std::vector<const char*>& signature_labels() {
  static const std::vector<const char*> all = {label::kManifestSignature, label::kCardSignature,
                                               label::kAttestationSignature, label::kTrustListSignature,
                                               label::kContributionSignature};
  return all;
}

// A saved record of the owner, as the owner's library writes it.
std::string saved_record_file() {
  testing::TempDir dir;
  model::Record r = new_record();
  r.save(dir.file("r.kartla"));
  return testing::read_plain(dir.file("r.kartla"));
}

std::string with_manifest_signature(const std::string& file, const std::string& signature) {
  format::MemorySource source(file);
  const format::VerifiedContainer c = format::read_container(source);
  format::RecordHeader header{c.manifest_bytes, signature, {}, c.grants};
  std::string bodies;
  for (const auto& s : c.sections) {
    header.section_entries.push_back(s.entry_bytes);
    bodies += format::read_section_body(source, s);
  }
  return format::encode_container_prefix(header) + bodies;
}

}  // namespace

TEST_CASE("an attestation signed under any other label is refused", "[attest][labels]") {
  const model::Record r = new_record();
  const format::SignedAttestation good =
      format::decode_signed_attestation(attest_entry(validator(), r, "competences", "c1"));
  for (const char* l : signature_labels()) {
    INFO(l);
    const std::string sig = crypto::sign_with_label(l, validator().signing_keys(), good.attestation_bytes);
    const std::string forged = format::encode_signed_attestation(good.attestation_bytes, sig);
    if (std::string(l) == label::kAttestationSignature) {
      CHECK(code_of([&] { format::decode_signed_attestation(forged); }) == Code::ok);
    } else {
      CHECK(code_of([&] { format::decode_signed_attestation(forged); }) == Code::signature);
      const auto c = attest::verify_attestation(forged, subject(r, "competences", "c1"),
                                                entry_of(r, "competences", "c1"), kNow, nullptr);
      CHECK(c.verdict == attest::Verdict::invalid);
      CHECK(c.finding == attest::Finding::bad_signature);
    }
  }
}

TEST_CASE("the owner's manifest signature offered as an attestation, and the reverse, are refused",
          "[attest][labels]") {
  const std::string file = saved_record_file();
  format::MemorySource source(file);
  const format::VerifiedContainer c = format::read_container(source);

  // The manifest's exact bytes and the owner's real signature, presented as an attestation.
  const std::string as_attestation = format::encode_signed_attestation(c.manifest_bytes, c.manifest_signature);
  CHECK(code_of([&] { format::decode_signed_attestation(as_attestation); }) != Code::ok);

  // An attestation signature (the attestation label, the owner's own key) over the manifest bytes,
  // offered as the manifest signature: the record no longer verifies.
  const std::string attestation_sig =
      crypto::sign_with_label(label::kAttestationSignature, owner().signing_keys(), c.manifest_bytes);
  const std::string forged = with_manifest_signature(file, attestation_sig);
  format::MemorySource forged_source(forged);
  CHECK(code_of([&] { format::read_container(forged_source); }) == Code::signature);

  // Every other non-manifest label is refused the same way; the manifest label itself passes.
  for (const char* l : signature_labels()) {
    INFO(l);
    const std::string rebuilt = with_manifest_signature(file, crypto::sign_with_label(l, owner().signing_keys(), c.manifest_bytes));
    format::MemorySource s(rebuilt);
    CHECK(code_of([&] { format::read_container(s); }) ==
          (std::string(l) == label::kManifestSignature ? Code::ok : Code::signature));
  }

  // And an agency's real attestation signature offered over its own bytes as a manifest signature.
  const model::Record r = new_record();
  const format::SignedAttestation att =
      format::decode_signed_attestation(attest_entry(validator(), r, "competences", "c1"));
  CHECK_FALSE(crypto::verify_with_label(label::kManifestSignature, validator().signing_keys().public_key,
                                        att.attestation_bytes, att.signature));
  CHECK(crypto::verify_with_label(label::kAttestationSignature, validator().signing_keys().public_key,
                                  att.attestation_bytes, att.signature));
}

TEST_CASE("a trust list signed under any other label is refused", "[attest][labels]") {
  const format::SignedTrustList good = format::decode_trust_list_file(
      trust_list_file(root(), {{&validator(), 5, kNow - kDay, 0}}));
  for (const char* l : signature_labels()) {
    INFO(l);
    const std::string sig = crypto::sign_with_label(l, root().signing_keys(), good.list_bytes);
    const std::string file = format::encode_trust_list_file(format::encode_signed_trust_list(good.list_bytes, sig));
    CHECK(code_of([&] { format::decode_trust_list_file(file); }) ==
          (std::string(l) == label::kTrustListSignature ? Code::ok : Code::signature));
  }
}

TEST_CASE("a contribution signed under any other label is refused", "[attest][labels]") {
  const model::Record r = new_record();
  const std::string i1 = entry_of(r, "interventions", "i1");
  format::Contribution c;
  c.contribution_id = std::string(16, '\x07');
  c.sender_card = format::encode_signed_card(employment_service().card().card_bytes, employment_service().card().signature);
  c.recipient_signing_key = owner().signing_keys().public_key;
  c.recipient_encryption_key = owner().box_keys().public_key;
  c.record_id = r.record_id();
  c.section_id = section("interventions").id;
  c.attestation = attest_entry(employment_service(), r, "interventions", "i1");
  c.created_at = kNow;
  const std::string bytes = format::encode_contribution(c, i1);
  for (const char* l : signature_labels()) {
    INFO(l);
    const std::string sig = crypto::sign_with_label(l, employment_service().signing_keys(), bytes);
    const std::string file = format::seal_contribution_file(bytes, sig, owner().box_keys().public_key);
    CHECK(code_of([&] { attest::open_contribution(owner_keys(), file, kNow); }) ==
          (std::string(l) == label::kContributionSignature ? Code::ok : Code::signature));
  }
}
