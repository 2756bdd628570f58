// primitives.json: the building blocks of docs/SPEC.md §1-§5 on fixed, readable inputs, each
// with the exact bytes that go into the primitive and the bytes that come out.
#include <stdexcept>
#include <string>

#include "crypto/box.h"
#include "crypto/hash.h"
#include "crypto/secret_buffer.h"
#include "crypto/sign.h"
#include "format/fingerprint.h"
#include "format/labels.h"
#include "format/section_crypto.h"
#include "generator.h"
#include "identity/recovery_code.h"
#include "mutate.h"

namespace kartla::vectors {
namespace {

namespace label = format::label;

std::string counting_bytes(uint8_t first, size_t n) {
  std::string out;
  for (size_t i = 0; i < n; ++i) out.push_back(static_cast<char>(first + i));
  return out;
}

std::string framed(const char* label_text, const std::string& data) {
  return std::string(label_text) + '\0' + data;
}

Json hash_case(int& id, const char* label_text, const std::string& input, const char* use) {
  const crypto::Digest digest = crypto::labelled_hash(label_text, input);
  Json j = Json::object();
  j.add("tc_id", Json::number(static_cast<uint64_t>(++id)));
  j.add("label", Json::string(label_text));
  j.add("use", Json::string(use));
  j.add("input", Json::hex(input));
  j.add("blake2b_input", Json::hex(framed(label_text, input)));
  j.add("output", Json::hex({digest.data(), digest.size()}));
  return j;
}

Json labelled_hashes() {
  const std::string input = counting_bytes(0x00, 16);
  int id = 0;
  Json cases = Json::array();
  cases.push(hash_case(id, label::kManifestHash, "", "hash of an empty input"));
  cases.push(hash_case(id, label::kManifestHash, input, "previous manifest hash (SPEC §6.4)"));
  cases.push(hash_case(id, label::kSectionEntry, input, "section entry digest (SPEC §6.2)"));
  cases.push(hash_case(id, label::kSectionCiphertext, input, "section ciphertext hash (SPEC §6.2)"));
  cases.push(hash_case(id, label::kFingerprint, input, "fingerprint (SPEC §4.3)"));
  cases.push(hash_case(id, label::kRecoveryKey, input, "recovery wrapping key (SPEC §4.1.2)"));
  cases.push(hash_case(id, label::kRecoveryCheck, input, "recovery code checksum (SPEC §4.1.2)"));
  cases.push(hash_case(id, label::kGrantDigest, input, "grant digest (SPEC §7)"));
  return cases;
}

Json section_keys(const crypto::SecretBuffer& rmk) {
  struct Slot {
    uint32_t section;
    uint32_t generation;
  };
  // The last slot pins the packing of the 64-bit subkey id with every bit of both halves set.
  const Slot slots[] = {{1, 1}, {1, 2}, {6, 1}, {12, 7}, {0x01020304, 0x0a0b0c0d}, {0xffffffff, 0xffffffff}};
  Json cases = Json::array();
  uint64_t id = 0;
  for (const Slot& s : slots) {
    const uint64_t subkey_id = (uint64_t{s.section} << 32) | s.generation;
    std::string subkey_le;
    for (int i = 0; i < 8; ++i) subkey_le.push_back(static_cast<char>((subkey_id >> (8 * i)) & 0xff));
    const crypto::SecretBuffer key = format::derive_section_key(rmk, s.section, s.generation);
    Json j = Json::object();
    j.add("tc_id", Json::number(++id));
    j.add("record_master_key", Json::hex(rmk.view()));
    j.add("section_id", Json::number(s.section));
    j.add("generation", Json::number(s.generation));
    j.add("subkey_id_le64", Json::hex(subkey_le));
    j.add("context", Json::string(label::kSectionKeyContext));
    j.add("section_key", Json::hex(key.view()));
    cases.push(std::move(j));
  }
  return cases;
}

Json associated_data_and_commitments(const crypto::SecretBuffer& rmk, const std::string& record_id) {
  struct Slot {
    uint32_t section;
    uint32_t generation;
  };
  const Slot slots[] = {{1, 1}, {11, 3}, {0x01020304, 0x0a0b0c0d}};
  Json cases = Json::array();
  uint64_t id = 0;
  for (const Slot& s : slots) {
    const format::SectionSlot slot{record_id, s.section, s.generation};
    const crypto::SecretBuffer key = format::derive_section_key(rmk, s.section, s.generation);
    const std::string ad = format::section_associated_data(slot);
    const crypto::Digest commitment = format::key_commitment(key, slot);
    Json j = Json::object();
    j.add("tc_id", Json::number(++id));
    j.add("record_id", Json::hex(record_id));
    j.add("section_id", Json::number(s.section));
    j.add("generation", Json::number(s.generation));
    j.add("associated_data", Json::hex(ad));
    j.add("section_key", Json::hex(key.view()));
    j.add("commitment_input", Json::hex(framed(label::kKeyCommitment, ad)));
    j.add("key_commitment", Json::hex({commitment.data(), commitment.size()}));
    cases.push(std::move(j));
  }
  return cases;
}

Json signatures(const crypto::SigningKeyPair& keys, const std::string& seed) {
  const std::string message = "abc";
  Json cases = Json::array();
  uint64_t id = 0;
  for (const char* label_text : {label::kManifestSignature, label::kCardSignature}) {
    Json j = Json::object();
    j.add("tc_id", Json::number(++id));
    j.add("seed", Json::hex(seed));
    j.add("public_key", Json::hex(keys.public_key));
    j.add("label", Json::string(label_text));
    j.add("message", Json::hex(message));
    j.add("signed_bytes", Json::hex(framed(label_text, message)));
    j.add("signature", Json::hex(crypto::sign_with_label(label_text, keys, message)));
    cases.push(std::move(j));
  }
  return cases;
}

Json fingerprints(const crypto::SigningKeyPair& signing, const crypto::BoxKeyPair& box) {
  const crypto::Digest digest =
      crypto::LabelledHasher(label::kFingerprint).update(signing.public_key).update(box.public_key).finish();
  Json j = Json::object();
  j.add("tc_id", Json::number(1));
  j.add("signing_key", Json::hex(signing.public_key));
  j.add("encryption_key", Json::hex(box.public_key));
  j.add("digest", Json::hex({digest.data(), digest.size()}));
  j.add("fingerprint", Json::string(format::fingerprint(signing.public_key, box.public_key)));
  Json cases = Json::array();
  cases.push(std::move(j));
  return cases;
}

Json recovery_codes() {
  Json cases = Json::array();
  uint64_t id = 0;
  for (uint8_t first : {uint8_t{0x00}, uint8_t{0xf0}}) {
    const crypto::SecretBuffer entropy = crypto::SecretBuffer::copy_of(counting_bytes(first, 16));
    const crypto::Digest check = crypto::labelled_hash(label::kRecoveryCheck, entropy.view());
    const std::string text = recovery_code_text(entropy.view());
    // The text is written from the spec; the library must parse it back to the entropy.
    if (!crypto::equal_constant_time(identity::parse_recovery_code(text).view(), entropy.view()))
      throw std::logic_error("recovery code does not round-trip");
    const crypto::SecretBuffer key = identity::recovery_wrapping_key(entropy);
    Json j = Json::object();
    j.add("tc_id", Json::number(++id));
    j.add("entropy", Json::hex(entropy.view()));
    j.add("checksum", Json::hex({check.data(), 2}));
    j.add("code", Json::string(text));
    j.add("recovery_key", Json::hex(key.view()));
    cases.push(std::move(j));
  }
  return cases;
}

}  // namespace

Json primitive_vectors() {
  const crypto::SecretBuffer rmk = crypto::SecretBuffer::copy_of(counting_bytes(0x00, 32));
  const std::string record_id = counting_bytes(0xa0, 16);
  const std::string seed = counting_bytes(0x20, 32);
  const crypto::SigningKeyPair signing = crypto::signing_keypair_from_seed(crypto::SecretBuffer::copy_of(seed));
  const crypto::BoxKeyPair box = crypto::box_keypair_from_secret(crypto::SecretBuffer::copy_of(counting_bytes(0x40, 32)));

  Json doc = Json::object();
  doc.add("file", Json::string("primitives.json"));
  doc.add("spec", Json::string("docs/SPEC.md sections 1-5"));
  doc.add("notes", Json::string("All byte strings are lowercase hex. H(label, x) = BLAKE2b-256(label || 0x00 || x); "
                                "blake2b_input is the exact input of the unkeyed BLAKE2b-256 call."));
  doc.add("labelled_hash", labelled_hashes());
  doc.add("section_key", section_keys(rmk));
  doc.add("associated_data", associated_data_and_commitments(rmk, record_id));
  doc.add("signature", signatures(signing, seed));
  doc.add("fingerprint", fingerprints(signing, box));
  doc.add("recovery_code", recovery_codes());
  return doc;
}

}  // namespace kartla::vectors
