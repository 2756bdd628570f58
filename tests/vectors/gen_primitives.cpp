// SPDX-License-Identifier: Apache-2.0
// primitives.json: the building blocks of docs/SPEC.md §1-§5 on fixed, readable inputs, each
// with the exact bytes that go into the primitive and the bytes that come out.
#include <stdexcept>
#include <string>

#include "crypto/box.h"
#include "crypto/hash.h"
#include "crypto/kdf.h"
#include "crypto/padding.h"
#include "crypto/secret_buffer.h"
#include "crypto/sign.h"
#include "format/fingerprint.h"
#include "format/limits.h"
#include "format/owner_index.h"
#include "format/labels.h"
#include "format/section_crypto.h"
#include "generator.h"
#include "identity/recovery_code.h"
#include "forge.h"
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
  cases.push(hash_case(id, label::kSlotTag, input, "slot tag (SPEC §5.3)"));
  cases.push(hash_case(id, label::kSlotCommitment, input, "slot commitment (SPEC §5.3)"));
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


std::string le64(uint64_t v) {
  std::string out;
  for (int i = 0; i < 8; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
  return out;
}

int floor_log2(uint64_t x) {
  int r = -1;
  for (; x != 0; x >>= 1) ++r;
  return r;
}

// SPEC §5.4: padded_size(n) for lengths around the 1 KiB floor, the bucket edges, 1 MiB and the
// 256 MiB section limit, with Padmé's intermediate values; checked against the library.
Json padding_sizes() {
  const uint64_t lengths[] = {0,    1,    3,     1023,    1024,      1025,      1087,       1088,
                              2047, 2048, 16384, 1u << 20, (1u << 20) + 1, 268435455, 268435456};
  Json cases = Json::array();
  uint64_t id = 0;
  for (uint64_t n : lengths) {
    Json j = Json::object();
    j.add("tc_id", Json::number(++id));
    j.add("length", Json::number(n));
    uint64_t expected = 1024;
    if (n + 1 > 1024) {
      const uint64_t l = n + 1;
      const int e = floor_log2(l);
      const int s = floor_log2(static_cast<uint64_t>(e)) + 1;
      const int z = e - s;
      const uint64_t mask = (uint64_t{1} << z) - 1;
      expected = (l + mask) & ~mask;
      j.add("padme_input", Json::number(l));
      j.add("E", Json::number(static_cast<uint64_t>(e)));
      j.add("S", Json::number(static_cast<uint64_t>(s)));
      j.add("z", Json::number(static_cast<uint64_t>(z)));
    }
    if (crypto::padded_size(n) != expected) throw std::logic_error("padded_size differs from SPEC 5.4");
    j.add("padded_size", Json::number(expected));
    j.add("overhead_bytes", Json::number(expected - n));
    cases.push(std::move(j));
  }
  return cases;
}

Json padded_length_checks() {
  const uint64_t lengths[] = {0, 1023, 1024, 1025, 1087, 1088, 1089, 1152, 2048, 2049, 2176, 1081344, 1081345,
                              276824064, 276824065, 285212672};
  Json cases = Json::array();
  uint64_t id = 0;
  for (uint64_t p : lengths) {
    Json j = Json::object();
    j.add("tc_id", Json::number(++id));
    j.add("length", Json::number(p));
    j.add("is_padded_length", Json::boolean(crypto::is_padded_size(p)));
    j.add("ciphertext_length_allowed",
          Json::boolean(crypto::is_padded_size(p) && p <= format::kMaxPaddedSection));
    cases.push(std::move(j));
  }
  return cases;
}

// pad(m) byte for byte for short contents, and the padded forms a reader MUST refuse.
Json padding_examples() {
  Json cases = Json::array();
  uint64_t id = 0;
  for (const std::string& content : {std::string(), std::string("abc"), counting_bytes(0x00, 1023)}) {
    const std::string padded = pad(content);
    Json j = Json::object();
    j.add("tc_id", Json::number(++id));
    j.add("content", Json::hex(content));
    j.add("padded", Json::hex(padded));
    j.add("result", Json::string("OK"));
    cases.push(std::move(j));
  }
  auto refused = [&](const char* comment, const std::string& padded) {
    size_t n = 0;
    bool library_refuses = false;
    try {
      n = crypto::unpadded_size(reinterpret_cast<const uint8_t*>(padded.data()), padded.size());
    } catch (const std::exception&) {
      library_refuses = true;
    }
    if (!library_refuses) throw std::logic_error(std::string("the library accepts padding: ") + comment + std::to_string(n));
    Json j = Json::object();
    j.add("tc_id", Json::number(++id));
    j.add("comment", Json::string(comment));
    j.add("padded", Json::hex(padded));
    j.add("result", Json::string("E_FORMAT"));
    cases.push(std::move(j));
  };
  std::string no_marker = pad("abc");
  no_marker[3] = '\0';
  refused("no 0x80 byte: \"abc\" followed by zeros only", no_marker);
  std::string nonzero = pad("abc");
  nonzero[1000] = '\x01';
  refused("a byte other than 0x00 after the 0x80", nonzero);
  std::string larger = std::string("abc") + '\x80' + std::string(1088 - 4, '\0');
  refused("\"abc\" padded to 1088 bytes, a padded length but not padded_size(3) = 1024", larger);
  refused("1023 bytes (not a padded length)", pad("abc").substr(0, 1023));
  return cases;
}

// SPEC §5.3 and §6.2: the slot secret, tag and commitment of some section ids, the whole slot
// table, and the owner index key, for one record master key.
Json slots(const crypto::SecretBuffer& rmk) {
  Json cases = Json::array();
  uint64_t id = 0;
  for (uint32_t section : {1u, 6u, 11u, 12u, 64u}) {
    const crypto::SecretBuffer secret = format::derive_slot_secret(rmk, section);
    Json j = Json::object();
    j.add("tc_id", Json::number(++id));
    j.add("record_master_key", Json::hex(rmk.view()));
    j.add("section_id", Json::number(section));
    j.add("subkey_id_le64", Json::hex(le64(section)));
    j.add("context", Json::string(label::kSlotSecretContext));
    j.add("slot_secret", Json::hex(secret.view()));
    j.add("slot_tag_input", Json::hex(framed(label::kSlotTag, secret.view().to_string())));
    j.add("slot_tag", Json::hex(format::slot_tag(secret)));
    j.add("slot_commitment_input", Json::hex(framed(label::kSlotCommitment, secret.view().to_string())));
    j.add("slot_commitment", Json::hex(format::slot_commitment(secret)));
    j.add("table_offset", Json::number((section - 1) * 32));
    cases.push(std::move(j));
  }
  return cases;
}

Json slot_table(const crypto::SecretBuffer& rmk) {
  Json j = Json::object();
  j.add("record_master_key", Json::hex(rmk.view()));
  j.add("slot_commitments", Json::hex(format::slot_commitment_table(rmk)));
  return j;
}

Json owner_index_key(const crypto::SecretBuffer& rmk, const std::string& record_id) {
  RecordKeys keys{crypto::SecretBuffer::copy_of(rmk.view()), record_id};
  Json cases = Json::array();
  uint64_t id = 0;
  for (uint64_t sequence : {uint64_t{1}, uint64_t{0x0102030405060708}}) {
    Json j = Json::object();
    j.add("tc_id", Json::number(++id));
    j.add("record_master_key", Json::hex(rmk.view()));
    j.add("context", Json::string(label::kOwnerIndexKeyContext));
    j.add("subkey_id_le64", Json::hex(le64(0)));
    j.add("index_key", Json::hex(keys.index_key()));
    j.add("record_id", Json::hex(record_id));
    j.add("sequence_le64", Json::hex(le64(sequence)));
    j.add("associated_data", Json::hex(keys.index_associated_data(sequence)));
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
                                "blake2b_input is the exact input of the unkeyed BLAKE2b-256 call. padded_size and padding are "
                                "SPEC 5.4 (Padme with a 1 KiB floor)."));
  doc.add("labelled_hash", labelled_hashes());
  doc.add("section_key", section_keys(rmk));
  doc.add("associated_data", associated_data_and_commitments(rmk, record_id));
  doc.add("signature", signatures(signing, seed));
  doc.add("fingerprint", fingerprints(signing, box));
  doc.add("recovery_code", recovery_codes());
  doc.add("padded_size", padding_sizes());
  doc.add("padded_length", padded_length_checks());
  doc.add("padding", padding_examples());
  doc.add("slot", slots(rmk));
  doc.add("slot_table", slot_table(rmk));
  doc.add("owner_index_key", owner_index_key(rmk, record_id));
  return doc;
}

}  // namespace kartla::vectors
