// SPDX-License-Identifier: Apache-2.0
// Writes the seed corpora of the attestation, trust-list and contribution fuzzers under
// tests/fuzz/corpus/{attestation,trust_list,contribution}/: files made with the fixed keys of
// fuzz_attest.h (so they pass every check in the fuzzers), the inner signed bytes of each (for
// the half of each fuzzer that signs its input), and a few malformed copies. Run once and commit
// the output:
//   fuzz_make_attest_corpus tests/fuzz/corpus
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "attest/contribution.h"
#include "attest/trust_list.h"
#include "format/attestation_codec.h"
#include "format/contribution_codec.h"
#include "format/trust_list_codec.h"
#include "fuzz_attest.h"

namespace fs = std::filesystem;
using namespace kartla;

namespace {

fs::path g_root;

// The seeds that should pass must pass, or the fuzzers never get past the first checks.
void require(bool ok, const char* what) {
  if (!ok) throw std::runtime_error(std::string("seed does not pass: ") + what);
}

void put(const std::string& target, const std::string& name, const std::string& bytes) {
  const fs::path dir = g_root / target;
  fs::create_directories(dir);
  std::ofstream out(dir / name, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out) throw std::runtime_error("cannot write " + (dir / name).string());
}

format::Claim claim() {
  format::Claim c;
  c.kind = format::ClaimKind::validated;
  c.level_system = "seqf";
  c.level_code = "3";
  c.method = "ocn";
  c.date = "2025-11-20";
  c.credits_hundredths = 750;
  c.assessor_role = "OCN-bedömare";
  return c;
}

std::string attestation_bytes(const std::string& owner_signing_key, int64_t expires_at) {
  const std::string entry = fuzzing::competence_entry();
  format::Attestation a;
  a.issuer_card = fuzzing::agency_card();
  a.owner_signing_key = owner_signing_key;
  a.owner_encryption_key = fuzzing::owner_box_keys().public_key;
  a.record_id = fuzzing::record_id();
  a.section_id = fuzzing::competences().id;
  a.entry_id = "c1";
  a.entry_hash = format::attested_entry_hash(entry);
  a.claim = claim();
  a.issued_at = fuzzing::kAttestTime;
  a.expires_at = expires_at;
  return format::encode_attestation(a);
}

std::string signed_attestation(const std::string& bytes) {
  return format::encode_signed_attestation(
      bytes, crypto::sign_with_label(format::label::kAttestationSignature, fuzzing::agency_signing_keys(), bytes));
}

void attestations() {
  const std::string bytes = attestation_bytes(fuzzing::owner_signing_keys().public_key, 0);
  const std::string file = format::encode_attestation_file(signed_attestation(bytes));
  const attest::VerifiedTrustList trust =
      attest::verify_trust_list(fuzzing::trust_list_file(), {fuzzing::kAttestTime, 2, ""});
  require(attest::verify_attestation(attest::attestation_from_file(file), fuzzing::competence_subject(),
                                     fuzzing::competence_entry(), fuzzing::kAttestTime, &trust)
                  .verdict == attest::Verdict::trusted,
          "attestation");
  put("attestation", "valid", file);
  put("attestation", "stored", signed_attestation(bytes));
  put("attestation", "attestation_bytes", bytes);
  put("attestation", "expiring", format::encode_attestation_file(signed_attestation(
                                      attestation_bytes(fuzzing::owner_signing_keys().public_key, fuzzing::kAttestTime + 1))));
  put("attestation", "other_owner",
      format::encode_attestation_file(signed_attestation(attestation_bytes(std::string(32, '\x01'), 0))));
  put("attestation", "claim_json", format::claim_to_json(claim()));
  put("attestation", "truncated", file.substr(0, file.size() / 2));
  put("attestation", "trailing_garbage", file + "garbage");
  put("attestation", "not_kartla", "hello");
}

void trust_lists() {
  const std::string file = fuzzing::trust_list_file();
  put("trust_list", "valid", file);
  put("trust_list", "expired", fuzzing::trust_list_file(3, fuzzing::kAttestTime - 1));
  put("trust_list", "older", fuzzing::trust_list_file(1));
  const format::SignedTrustList decoded = format::decode_trust_list_file(file);
  put("trust_list", "list_bytes", decoded.list_bytes);
  put("trust_list", "truncated", file.substr(0, file.size() / 2));
  std::string version = file;
  version[7] = 2;
  put("trust_list", "version_2", version);
}

void contributions() {
  const std::string entry = fuzzing::competence_entry();
  format::Contribution c;
  c.contribution_id = std::string(16, '\x43');
  c.sender_card = fuzzing::agency_card();
  c.recipient_signing_key = fuzzing::owner_signing_keys().public_key;
  c.recipient_encryption_key = fuzzing::owner_box_keys().public_key;
  c.record_id = fuzzing::record_id();
  c.section_id = fuzzing::competences().id;
  c.attestation = signed_attestation(attestation_bytes(fuzzing::owner_signing_keys().public_key, 0));
  c.created_at = fuzzing::kAttestTime;
  const std::string bytes = format::encode_contribution(c, entry);
  const auto sealed = [&](const std::string& contribution_bytes) {
    return format::seal_contribution_file(
        contribution_bytes,
        crypto::sign_with_label(format::label::kContributionSignature, fuzzing::agency_signing_keys(), contribution_bytes),
        fuzzing::owner_box_keys().public_key);
  };
  const std::string file = sealed(bytes);
  require(attest::open_contribution(fuzzing::owner_keys(), file, fuzzing::kAttestTime, fuzzing::record_id()).entry_id ==
              "c1",
          "contribution");
  put("contribution", "valid", file);
  put("contribution", "contribution_bytes", bytes);
  format::Contribution other = c;
  other.record_id = std::string(16, '\x99');
  put("contribution", "other_record", sealed(format::encode_contribution(other, entry)));
  put("contribution", "truncated", file.substr(0, file.size() / 2));
  std::string damaged = file;
  damaged[damaged.size() - 5] = static_cast<char>(damaged[damaged.size() - 5] ^ 1);
  put("contribution", "damaged", damaged);
  put("contribution", "not_kartla", "hello");
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: %s CORPUS_DIR\n", argv[0]);
    return 2;
  }
  g_root = argv[1];
  try {
    attestations();
    trust_lists();
    contributions();
  } catch (const std::exception& e) {
    std::fprintf(stderr, "%s: %s\n", argv[0], e.what());
    return 1;
  }
  return 0;
}
