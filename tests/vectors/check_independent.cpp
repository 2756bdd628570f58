// SPDX-License-Identifier: Apache-2.0
// An independent reader built from docs/SPEC.md alone: libsodium called directly (not through
// src/crypto), protobuf read field by field (wire_read.h, independent_reader.h), no Kartla code at
// all. It recomputes every derived value in primitives.json, identity.json, record.json,
// bundle.json and attest.json, and runs the record and bundle vectors of negative.json and
// bundle_negative.json and the attestation checks of attest*.json through a reader written from the
// spec, so a spec that no longer describes the code, or a vector that no longer follows the spec,
// fails here.
#include <sodium.h>

#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "independent_reader.h"
#include "vector_file.h"
#include "wire_read.h"

namespace {

using kartla::vectors::at;
using kartla::vectors::bytes;
using kartla::vectors::list;
using kartla::vectors::load_vector_file;
using kartla::vectors::Node;
using kartla::vectors::number;
using kartla::vectors::text;
namespace wire = kartla::vectors::wire;
namespace independent = kartla::vectors::independent;
using independent::aead_open;
using independent::H;
using independent::le;
using independent::section_ad;
using independent::section_key;
using independent::verify;

const unsigned char* uc(const std::string& s) { return reinterpret_cast<const unsigned char*>(s.data()); }
unsigned char* uc(std::string& s) { return reinterpret_cast<unsigned char*>(s.data()); }

void init() { REQUIRE(sodium_init() >= 0); }

std::string hex(const std::string& b) {
  std::string out(b.size() * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), uc(b), b.size());
  out.pop_back();
  return out;
}

std::string fingerprint_text(const std::string& signing_key, const std::string& encryption_key) {
  const std::string digits = hex(H("kartla/v1/fingerprint", signing_key + encryption_key).substr(0, 16));
  std::string out;
  for (size_t i = 0; i < digits.size(); i += 4) out += (i == 0 ? "" : " ") + digits.substr(i, 4);
  return out;
}

// Canonical messages list their fields in ascending field-number order (SPEC §3.2).
std::map<uint32_t, std::vector<wire::Field>> fields_of(const std::string& message) {
  const auto fields = wire::read_fields(message);
  for (size_t i = 1; i < fields.size(); ++i) CHECK(fields[i - 1].number <= fields[i].number);
  return wire::by_number(message);
}

const wire::Field& one(const std::map<uint32_t, std::vector<wire::Field>>& fields, uint32_t number) {
  auto it = fields.find(number);
  REQUIRE(it != fields.end());
  REQUIRE(it->second.size() == 1);
  return it->second.front();
}

// SPEC §3.1: "KARTLA", type letter, major version 1, u32le length.
std::string payload_of(const std::string& file, char type, bool nothing_after) {
  REQUIRE(file.size() >= 12);
  CHECK(file.substr(0, 6) == "KARTLA");
  CHECK(file[6] == type);
  CHECK(file[7] == 1);
  uint32_t length = 0;
  for (int i = 0; i < 4; ++i) length |= uint32_t{static_cast<uint8_t>(file[8 + i])} << (8 * i);
  REQUIRE(file.size() >= 12 + uint64_t{length});
  if (nothing_after) CHECK(file.size() == 12 + uint64_t{length});
  return file.substr(12, length);
}

}  // namespace

TEST_CASE("primitives.json: labelled hashes are BLAKE2b-256 of label, 0x00, input") {
  init();
  const Node doc = load_vector_file("primitives.json");
  for (const Node& c : list(doc, "labelled_hash").values()) {
    INFO("tc_id " << number(c, "tc_id") << " " << text(c, "label"));
    CHECK(bytes(c, "blake2b_input") == text(c, "label") + std::string(1, '\0') + bytes(c, "input"));
    CHECK(H(text(c, "label"), bytes(c, "input")) == bytes(c, "output"));
  }
}

TEST_CASE("primitives.json: section keys are crypto_kdf with context kartlaSK and id section<<32|generation") {
  init();
  const Node doc = load_vector_file("primitives.json");
  for (const Node& c : list(doc, "section_key").values()) {
    INFO("tc_id " << number(c, "tc_id"));
    const auto section = static_cast<uint32_t>(number(c, "section_id"));
    const auto generation = static_cast<uint32_t>(number(c, "generation"));
    const uint64_t subkey_id = (uint64_t{section} << 32) | generation;
    CHECK(bytes(c, "subkey_id_le64") == le(subkey_id, 8));
    CHECK(text(c, "context") == "kartlaSK");
    const std::string rmk = bytes(c, "record_master_key");
    CHECK(section_key(rmk, section, generation) == bytes(c, "section_key"));
    std::string via_kdf(32, '\0');
    REQUIRE(crypto_kdf_derive_from_key(uc(via_kdf), 32, subkey_id, "kartlaSK", uc(rmk)) == 0);
    CHECK(via_kdf == bytes(c, "section_key"));
  }
}

TEST_CASE("primitives.json: associated data and key commitments are laid out as SPEC 5.2 and 5.3 say") {
  init();
  const Node doc = load_vector_file("primitives.json");
  for (const Node& c : list(doc, "associated_data").values()) {
    INFO("tc_id " << number(c, "tc_id"));
    const std::string ad = section_ad(bytes(c, "record_id"), static_cast<uint32_t>(number(c, "section_id")),
                                      static_cast<uint32_t>(number(c, "generation")));
    CHECK(ad.size() == 18 + 4 + 16 + 4 + 4);
    CHECK(bytes(c, "associated_data") == ad);
    CHECK(bytes(c, "commitment_input") == std::string("kartla/v1/key-commitment") + '\0' + ad);
    CHECK(H("kartla/v1/key-commitment", ad, bytes(c, "section_key")) == bytes(c, "key_commitment"));
  }
}

TEST_CASE("primitives.json: signatures cover label, 0x00, message, and never verify under another label") {
  init();
  const Node doc = load_vector_file("primitives.json");
  const auto& cases = list(doc, "signature").values();
  for (const Node& c : cases) {
    INFO("tc_id " << number(c, "tc_id") << " " << text(c, "label"));
    std::string pk(32, '\0'), sk(64, '\0');
    const std::string seed = bytes(c, "seed");
    REQUIRE(crypto_sign_seed_keypair(uc(pk), uc(sk), uc(seed)) == 0);
    CHECK(pk == bytes(c, "public_key"));
    CHECK(bytes(c, "signed_bytes") == text(c, "label") + std::string(1, '\0') + bytes(c, "message"));
    CHECK(verify(text(c, "label"), pk, bytes(c, "message"), bytes(c, "signature")));
    for (const Node& other : cases)
      if (text(other, "label") != text(c, "label"))
        CHECK_FALSE(verify(text(other, "label"), pk, bytes(c, "message"), bytes(c, "signature")));
  }
}

TEST_CASE("primitives.json: fingerprints and recovery codes") {
  init();
  const Node doc = load_vector_file("primitives.json");
  for (const Node& c : list(doc, "fingerprint").values()) {
    CHECK(H("kartla/v1/fingerprint", bytes(c, "signing_key") + bytes(c, "encryption_key")) == bytes(c, "digest"));
    CHECK(fingerprint_text(bytes(c, "signing_key"), bytes(c, "encryption_key")) == text(c, "fingerprint"));
  }
  for (const Node& c : list(doc, "recovery_code").values()) {
    INFO("tc_id " << number(c, "tc_id"));
    const std::string entropy = bytes(c, "entropy");
    const std::string checksum = H("kartla/v1/recovery-check", entropy).substr(0, 2);
    CHECK(checksum == bytes(c, "checksum"));
    const std::string digits = hex(entropy + checksum);
    std::string code;
    for (size_t i = 0; i < digits.size(); i += 4) code += (i == 0 ? "" : "-") + digits.substr(i, 4);
    CHECK(code == text(c, "code"));
    CHECK(H("kartla/v1/recovery-key", entropy) == bytes(c, "recovery_key"));
  }
}

TEST_CASE("primitives.json: Padme padding with a 1 KiB floor, as SPEC 5.4 describes") {
  init();
  const Node doc = load_vector_file("primitives.json");
  size_t seen = 0;
  for (const Node& c : list(doc, "padded_size").values()) {
    INFO("tc_id " << number(c, "tc_id") << " length " << number(c, "length"));
    const uint64_t n = number(c, "length");
    CHECK(independent::padded_size(n) == number(c, "padded_size"));
    CHECK(number(c, "overhead_bytes") == number(c, "padded_size") - n);
    CHECK(independent::is_padded_length(number(c, "padded_size")));
    if (n + 1 > 1024) {
      // Padme(L): E = floor(log2 L), S = floor(log2 E) + 1, z = E - S, L rounded up to 2^z.
      const uint64_t l = number(c, "padme_input");
      CHECK(l == n + 1);
      uint64_t e = 0, s = 0;
      while ((l >> (e + 1)) != 0) ++e;
      while ((e >> s) != 0) ++s;
      CHECK(number(c, "E") == e);
      CHECK(number(c, "S") == s);
      CHECK(number(c, "z") == e - s);
      CHECK(number(c, "padded_size") % (uint64_t{1} << (e - s)) == 0);
    }
    ++seen;
  }
  CHECK(seen >= 10);
  for (const Node& c : list(doc, "padded_length").values()) {
    INFO("length " << number(c, "length"));
    CHECK(independent::is_padded_length(number(c, "length")) == at(c, "is_padded_length").bool_value());
    CHECK((independent::is_padded_length(number(c, "length")) && number(c, "length") <= (264ull << 20)) ==
          at(c, "ciphertext_length_allowed").bool_value());
  }
  for (const Node& c : list(doc, "padding").values()) {
    INFO("tc_id " << number(c, "tc_id"));
    const std::string padded = bytes(c, "padded");
    if (text(c, "result") == "OK") {
      CHECK(independent::pad(bytes(c, "content")) == padded);
      CHECK(independent::unpad(padded) == bytes(c, "content"));
      // libsodium's own ISO/IEC 7816-4 padding with block size padded_size(n) gives the same bytes.
      const std::string content = bytes(c, "content");
      std::string buffer = content;
      buffer.resize(padded.size());
      size_t written = 0;
      REQUIRE(sodium_pad(&written, uc(buffer), content.size(), padded.size(), buffer.size()) == 0);
      CHECK(written == padded.size());
      CHECK(buffer == padded);
    } else {
      std::string status = "OK";
      try {
        independent::unpad(padded);
      } catch (const independent::Refusal& r) {
        status = r.status;
      }
      CHECK(status == text(c, "result"));
    }
  }
}

TEST_CASE("primitives.json: slot secrets, tags, commitments, the slot table and the index key (SPEC 5.3, 6.2)") {
  init();
  const Node doc = load_vector_file("primitives.json");
  for (const Node& c : list(doc, "slot").values()) {
    INFO("section " << number(c, "section_id"));
    const std::string rmk = bytes(c, "record_master_key");
    const auto id = static_cast<uint32_t>(number(c, "section_id"));
    CHECK(text(c, "context") == "kartlaSS");
    CHECK(bytes(c, "subkey_id_le64") == le(id, 8));
    std::string via_kdf(32, '\0');
    REQUIRE(crypto_kdf_derive_from_key(uc(via_kdf), 32, id, "kartlaSS", uc(rmk)) == 0);
    const std::string secret = independent::slot_secret(rmk, id);
    CHECK(secret == via_kdf);
    CHECK(secret == bytes(c, "slot_secret"));
    CHECK(bytes(c, "slot_tag_input") == std::string("kartla/v1/slot-tag") + '\0' + secret);
    CHECK(bytes(c, "slot_commitment_input") == std::string("kartla/v1/slot-commitment") + '\0' + secret);
    CHECK(independent::slot_tag(secret) == bytes(c, "slot_tag"));
    CHECK(independent::slot_commitment(secret) == bytes(c, "slot_commitment"));
    const Node& table = at(doc, "slot_table");
    CHECK(bytes(table, "record_master_key") == rmk);
    CHECK(bytes(table, "slot_commitments").substr(number(c, "table_offset"), 32) == bytes(c, "slot_commitment"));
  }
  const Node& table = at(doc, "slot_table");
  const std::string commitments = bytes(table, "slot_commitments");
  CHECK(commitments.size() == 2048);
  CHECK(independent::slot_table(bytes(table, "record_master_key")) == commitments);
  for (const Node& c : list(doc, "owner_index_key").values()) {
    const std::string rmk = bytes(c, "record_master_key");
    CHECK(text(c, "context") == "kartlaIX");
    CHECK(bytes(c, "subkey_id_le64") == le(0, 8));
    std::string via_kdf(32, '\0');
    REQUIRE(crypto_kdf_derive_from_key(uc(via_kdf), 32, 0, "kartlaIX", uc(rmk)) == 0);
    CHECK(independent::index_key(rmk) == via_kdf);
    CHECK(via_kdf == bytes(c, "index_key"));
    const std::string sequence = bytes(c, "sequence_le64");
    uint64_t s = 0;
    for (int i = 0; i < 8; ++i) s |= uint64_t{static_cast<uint8_t>(sequence[static_cast<size_t>(i)])} << (8 * i);
    const std::string ad = independent::index_ad(bytes(c, "record_id"), s);
    CHECK(ad.size() == 21 + 1 + 4 + 16 + 8);
    CHECK(ad == bytes(c, "associated_data"));
  }
}

TEST_CASE("identity.json: an independent reader unlocks the identity file as SPEC 4 describes") {
  init();
  const Node v = load_vector_file("identity.json");
  const auto file = fields_of(payload_of(bytes(v, "identity_file"), 'I', true));
  CHECK(one(file, 1).varint == 1);
  const std::string signed_card = one(file, 2).bytes;
  CHECK(signed_card == bytes(v, "signed_card"));
  CHECK(bytes(v, "card_file") == std::string("KARTLA") + 'C' + '\x01' + le(signed_card.size(), 4) + signed_card);

  const auto sc = fields_of(signed_card);
  const std::string card = one(sc, 1).bytes;
  CHECK(card == bytes(v, "card"));
  CHECK(one(sc, 2).bytes == bytes(v, "card_signature"));
  const auto card_fields = fields_of(card);
  const Node& expected = at(v, "card_fields");
  CHECK(one(card_fields, 1).varint == number(expected, "format_version"));
  CHECK(one(card_fields, 2).varint == number(expected, "kind"));
  const std::string signing_key = one(card_fields, 3).bytes;
  const std::string encryption_key = one(card_fields, 4).bytes;
  CHECK(signing_key == bytes(expected, "signing_key"));
  CHECK(encryption_key == bytes(expected, "encryption_key"));
  CHECK(card_fields.count(5) == 0);  // an owner's name, organisation number and role are empty: not written
  CHECK(card_fields.count(6) == 0);
  CHECK(card_fields.count(7) == 0);
  CHECK(one(card_fields, 8).varint == number(expected, "created_at"));
  CHECK(verify("kartla/v1/card", signing_key, card, one(sc, 2).bytes));
  CHECK(fingerprint_text(signing_key, encryption_key) == text(v, "fingerprint"));

  const auto kdf = fields_of(one(file, 3).bytes);
  CHECK(one(kdf, 1).varint == 2);
  const uint64_t ops = one(kdf, 2).varint;
  const uint64_t mem = one(kdf, 3).varint;
  const std::string salt = one(kdf, 4).bytes;
  CHECK(ops == number(at(v, "kdf"), "opslimit"));
  CHECK(mem == number(at(v, "kdf"), "memlimit_bytes"));
  CHECK(salt == bytes(at(v, "kdf"), "salt"));
  CHECK((ops >= 3 && ops <= 16 && mem >= (64ull << 20) && mem <= (1ull << 30) && salt.size() == 16));
  const std::string pass = text(v, "passphrase");
  std::string passphrase_key(32, '\0');
  REQUIRE(crypto_pwhash(uc(passphrase_key), 32, pass.data(), pass.size(), uc(salt), ops, static_cast<size_t>(mem),
                        crypto_pwhash_ALG_ARGON2ID13) == 0);
  CHECK(passphrase_key == bytes(v, "passphrase_key"));

  const std::string passphrase_ad = std::string("kartla/v1/identity/passphrase-wrap") + '\0' + signed_card;
  const std::string recovery_ad = std::string("kartla/v1/identity/recovery-wrap") + '\0' + signed_card;
  const std::string secrets_ad = std::string("kartla/v1/identity/secret-keys") + '\0' + signed_card;
  CHECK(passphrase_ad == bytes(v, "passphrase_wrap_ad"));
  CHECK(recovery_ad == bytes(v, "recovery_wrap_ad"));
  CHECK(secrets_ad == bytes(v, "secret_keys_ad"));
  CHECK(one(file, 4).bytes == bytes(v, "passphrase_wrap"));
  CHECK(one(file, 5).bytes == bytes(v, "recovery_wrap"));
  CHECK(one(file, 6).bytes == bytes(v, "sealed_secret_keys"));

  const auto dek = aead_open(passphrase_key, one(file, 4).bytes, passphrase_ad);
  REQUIRE(dek);
  CHECK(*dek == bytes(v, "data_key"));

  std::string code_digits;
  for (char c : text(v, "recovery_code"))
    if (c != '-') code_digits.push_back(c);
  const std::string code = kartla::vectors::unhex(code_digits);
  REQUIRE(code.size() == 18);
  const std::string entropy = code.substr(0, 16);
  CHECK(code.substr(16) == H("kartla/v1/recovery-check", entropy).substr(0, 2));
  CHECK(entropy == bytes(v, "recovery_entropy"));
  const std::string recovery_key = H("kartla/v1/recovery-key", entropy);
  CHECK(recovery_key == bytes(v, "recovery_key"));
  const auto dek_again = aead_open(recovery_key, one(file, 5).bytes, recovery_ad);
  REQUIRE(dek_again);
  CHECK(*dek_again == *dek);

  const auto secrets = aead_open(*dek, one(file, 6).bytes, secrets_ad);
  REQUIRE(secrets);
  REQUIRE(secrets->size() == 64);
  CHECK(*secrets == bytes(v, "secret_keys"));
  std::string pk(32, '\0'), sk(64, '\0'), x25519_pk(32, '\0');
  REQUIRE(crypto_sign_seed_keypair(uc(pk), uc(sk), uc(*secrets)) == 0);
  REQUIRE(crypto_scalarmult_base(uc(x25519_pk), uc(*secrets) + 32) == 0);
  CHECK(pk == signing_key);
  CHECK(x25519_pk == encryption_key);
}

namespace {

struct ReadVersion {
  std::string manifest_hash;
  std::string record_id;
  uint64_t sequence = 0;
  std::string rmk;
};

// The owner index a vector gives (owner_index) against the manifest's sealed_index, from the RMK
// (SPEC §6.2): key, AD, AEAD, padding, the canonical fields. Returns each section's generation.
std::map<uint32_t, uint32_t> check_owner_index(const Node& oi, const std::string& rmk, const std::string& record_id,
                                               uint64_t sequence, const std::string& sealed,
                                               uint32_t* highest = nullptr) {
  const std::string key = independent::index_key(rmk);
  const std::string ad = independent::index_ad(record_id, sequence);
  CHECK(key == bytes(oi, "index_key"));
  CHECK(ad == bytes(oi, "associated_data"));
  CHECK(sealed == bytes(oi, "sealed_index"));
  CHECK(sealed.size() == 1064);
  CHECK(sealed.substr(0, 24) == bytes(oi, "nonce"));
  const auto padded = aead_open(key, sealed, ad);
  REQUIRE(padded);
  CHECK(*padded == bytes(oi, "padded_plaintext"));
  CHECK(padded->size() == 1024);
  const std::string plaintext = independent::unpad(*padded);
  CHECK(plaintext == bytes(oi, "plaintext"));
  CHECK(independent::pad(plaintext) == *padded);
  const auto f = fields_of(plaintext);
  const uint64_t h = f.count(1) != 0 ? one(f, 1).varint : 0;
  CHECK(h == number(oi, "highest_generation"));
  if (highest != nullptr) *highest = static_cast<uint32_t>(h);
  std::map<uint32_t, uint32_t> generations;
  const auto& expected = list(oi, "sections").values();
  const size_t count = f.count(2) != 0 ? f.at(2).size() : 0;
  REQUIRE(count == static_cast<size_t>(expected.size()));
  uint32_t last = 0;
  for (size_t i = 0; i < count; ++i) {
    const auto s = fields_of(f.at(2)[i].bytes);
    const auto id = static_cast<uint32_t>(one(s, 1).varint);
    const auto generation = static_cast<uint32_t>(one(s, 2).varint);
    const Node& e = expected[static_cast<int>(i)];
    CHECK(id == number(e, "section_id"));
    CHECK(id == independent::section_id_of(text(e, "name")));
    CHECK(generation == number(e, "generation"));
    CHECK(id > last);
    CHECK(generation >= 1);
    CHECK(generation <= h);
    last = id;
    generations[id] = generation;
  }
  return generations;
}

ReadVersion read_record_version(const Node& version, const Node& owner, const std::string& x25519_secret) {
  const std::string file = bytes(version, "file");
  const std::string header = payload_of(file, 'R', false);
  CHECK(header.size() == number(version, "header_length"));
  const auto h = fields_of(header);
  CHECK(one(h, 1).varint == 1);
  const std::string manifest = one(h, 2).bytes;
  const std::string signature = one(h, 3).bytes;
  CHECK(manifest == bytes(version, "manifest"));
  CHECK(signature == bytes(version, "manifest_signature"));
  CHECK(h.count(5) == 0);

  const auto m = fields_of(manifest);
  CHECK(one(m, 1).varint == 1);
  const std::string record_id = one(m, 2).bytes;
  CHECK(record_id.size() == 16);
  CHECK(record_id == bytes(version, "record_id"));
  CHECK(one(m, 3).bytes == bytes(owner, "signing_key"));
  CHECK(one(m, 4).bytes == bytes(owner, "encryption_key"));
  CHECK(verify("kartla/v1/manifest", one(m, 3).bytes, manifest, signature));
  CHECK(fingerprint_text(one(m, 3).bytes, one(m, 4).bytes) == text(owner, "fingerprint"));
  const uint64_t sequence = one(m, 5).varint;
  CHECK(sequence == number(version, "sequence"));
  const std::string previous = sequence == 1 ? std::string() : one(m, 6).bytes;
  if (sequence == 1) CHECK(m.count(6) == 0);
  CHECK(previous == bytes(version, "previous_manifest_hash"));
  CHECK(H("kartla/v1/manifest-hash", manifest) == bytes(version, "manifest_hash"));

  const std::string wrap = one(m, 7).bytes;
  CHECK(wrap == bytes(version, "owner_key_wrap"));
  REQUIRE(wrap.size() == 80);
  std::string x25519_pk(32, '\0'), rmk(32, '\0');
  REQUIRE(crypto_scalarmult_base(uc(x25519_pk), uc(x25519_secret)) == 0);
  REQUIRE(crypto_box_seal_open(uc(rmk), uc(wrap), wrap.size(), uc(x25519_pk), uc(x25519_secret)) == 0);
  CHECK(rmk == bytes(version, "record_master_key"));

  // SPEC §6.2: (slot tag, entry digest) pairs strictly ascending by tag; no field 9 (no grants),
  // none 10 (reserved); the slot table of the RMK; the sealed owner index.
  std::vector<std::pair<std::string, std::string>> refs;
  for (const auto& f : m.at(8)) {
    const auto r = fields_of(f.bytes);
    refs.emplace_back(one(r, 1).bytes, one(r, 2).bytes);
  }
  const auto& expected_refs = list(version, "section_refs").values();
  REQUIRE(refs.size() == static_cast<size_t>(expected_refs.size()));
  for (size_t i = 0; i < refs.size(); ++i) {
    CHECK(refs[i].first == bytes(expected_refs[static_cast<int>(i)], "slot_tag"));
    CHECK(refs[i].second == bytes(expected_refs[static_cast<int>(i)], "entry_digest"));
    if (i > 0) CHECK(refs[i - 1].first < refs[i].first);  // std::string compares as unsigned bytes
  }
  CHECK(m.count(9) == 0);
  CHECK(m.count(10) == 0);
  const std::string table = one(m, 11).bytes;
  CHECK(table == bytes(version, "slot_commitments"));
  CHECK(table == independent::slot_table(rmk));
  const std::map<uint32_t, uint32_t> generations =
      check_owner_index(at(version, "owner_index"), rmk, record_id, sequence, one(m, 12).bytes);

  const auto& entries = h.at(4);
  const auto& sections = list(version, "sections").values();
  REQUIRE(entries.size() == static_cast<size_t>(sections.size()));
  REQUIRE(entries.size() == refs.size());
  REQUIRE(entries.size() == generations.size());
  uint64_t offset = 12 + header.size();
  std::string previous_tag;
  for (size_t i = 0; i < entries.size(); ++i) {
    const Node& s = sections[static_cast<int>(i)];
    INFO("section " << text(s, "name"));
    const uint32_t id = independent::section_id_of(text(s, "name"));
    REQUIRE(generations.count(id) == 1);
    const uint32_t generation = generations.at(id);
    CHECK(id == number(s, "section_id"));
    CHECK(generation == number(s, "generation"));
    const std::string& entry = entries[i].bytes;
    CHECK(entry == bytes(s, "entry"));
    const std::string digest = H("kartla/v1/section-entry", entry);
    CHECK(digest == bytes(s, "entry_digest"));
    const auto e = fields_of(entry);
    const std::string tag = one(e, 1).bytes;
    CHECK(std::find(refs.begin(), refs.end(), std::make_pair(tag, digest)) != refs.end());
    CHECK(tag > previous_tag);  // writers put entries in ascending slot-tag order (SPEC §6.1)
    previous_tag = tag;
    // SPEC §5.3: the section's slot, from the RMK.
    const std::string secret = independent::slot_secret(rmk, id);
    CHECK(secret == bytes(s, "slot_secret"));
    CHECK(tag == independent::slot_tag(secret));
    CHECK(tag == bytes(s, "slot_tag"));
    CHECK(independent::slot_commitment(secret) == bytes(s, "slot_commitment"));
    CHECK(table.substr((id - 1) * 32, 32) == bytes(s, "slot_commitment"));
    const uint64_t length = one(e, 2).varint;
    CHECK(length == number(s, "ciphertext_length"));
    CHECK(independent::is_padded_length(length - 40));
    CHECK(offset == number(s, "body_offset"));
    REQUIRE(offset + length <= file.size());
    const std::string body = file.substr(static_cast<size_t>(offset), static_cast<size_t>(length));
    CHECK(body.substr(0, 24) == bytes(s, "nonce"));
    CHECK(one(e, 3).bytes == H("kartla/v1/section-ciphertext", body));
    CHECK(one(e, 3).bytes == bytes(s, "ciphertext_hash"));
    const std::string key = section_key(rmk, id, generation);
    CHECK(key == bytes(s, "section_key"));
    const std::string ad = section_ad(record_id, id, generation);
    CHECK(ad == bytes(s, "associated_data"));
    CHECK(one(e, 4).bytes == H("kartla/v1/key-commitment", ad, key));
    CHECK(one(e, 4).bytes == bytes(s, "key_commitment"));
    const auto padded = aead_open(key, body, ad);
    REQUIRE(padded);
    CHECK(*padded == bytes(s, "padded_plaintext"));
    CHECK(padded->size() == independent::padded_size(bytes(s, "content").size()));
    CHECK(independent::pad(bytes(s, "content")) == *padded);
    CHECK(independent::unpad(*padded) == bytes(s, "content"));
    offset += length;
  }
  CHECK(offset == file.size());
  CHECK(independent::verification_report(independent::verify_file(file), file.size()) ==
        text(version, "verification_json"));
  return {H("kartla/v1/manifest-hash", manifest), record_id, sequence, rmk};
}

}  // namespace

TEST_CASE("record.json: an independent reader verifies and decrypts each version as SPEC 5, 6 and 8 describe") {
  init();
  const Node doc = load_vector_file("record.json");
  const Node identity = load_vector_file("identity.json");
  const std::string x25519_secret = bytes(identity, "secret_keys").substr(32);
  std::vector<ReadVersion> read;
  for (const Node& version : list(doc, "versions").values()) {
    INFO(text(version, "comment"));
    read.push_back(read_record_version(version, at(doc, "owner"), x25519_secret));
    // And through the spec's reader, as the owner.
    const auto owner = independent::open_as_owner(bytes(version, "file"), x25519_secret,
                                                  bytes(at(doc, "owner"), "signing_key"));
    CHECK(owner.index.sections.size() == static_cast<size_t>(list(version, "sections").values_size()));
    for (const Node& s : list(version, "sections").values())
      CHECK(independent::read_as_owner(owner, independent::section_id_of(text(s, "name"))) == bytes(s, "content"));
  }
  // SPEC §6.4: each save adds one to the sequence and names the previous manifest by its hash.
  REQUIRE(read.size() == 2);
  CHECK(read[1].sequence == read[0].sequence + 1);
  CHECK(read[1].record_id == read[0].record_id);
  CHECK(read[1].rmk == read[0].rmk);
  CHECK(bytes(list(doc, "versions").values(1), "previous_manifest_hash") == read[0].manifest_hash);
}

namespace {

// The outcome of one negative-vector check, from the independent reader: "OK" or the status of
// its Refusal. The owner is identity.json's; agencies are bundle.json's.
struct AgencyKeys {
  std::string x25519;
  std::string signing_key;
};

struct Keys {
  std::string owner_signing_key;
  std::string owner_x25519;
  std::map<std::string, AgencyKeys> agencies;  // by label
};

const Keys& keys() {
  static const Keys k = [] {
    Keys out;
    const Node identity = load_vector_file("identity.json");
    out.owner_signing_key = bytes(at(identity, "card_fields"), "signing_key");
    out.owner_x25519 = bytes(identity, "secret_keys").substr(32);
    const Node bundle = load_vector_file("bundle.json");
    for (const Node& a : list(bundle, "agencies").values()) {
      const std::string secrets = bytes(a, "secret_keys");
      out.agencies[text(a, "label")] = {secrets.substr(32), independent::ed25519_public(secrets.substr(0, 32))};
    }
    return out;
  }();
  return k;
}

const AgencyKeys& agency_keys(const std::string& label) {
  const auto it = keys().agencies.find(label);
  REQUIRE(it != keys().agencies.end());
  return it->second;
}

std::string independent_status(const std::string& input, const Node& check, std::string* plaintext = nullptr) {
  const std::string op = text(check, "operation");
  try {
    if (op == "verify") {
      independent::verify_file(input);
    } else if (op == "open_record" || op == "read_section") {
      const auto view = independent::open_as_owner(input, keys().owner_x25519, keys().owner_signing_key);
      if (op == "read_section") {
        const uint32_t id = independent::section_id_of(text(check, "section"));
        REQUIRE(id != 0);
        const std::string p = independent::read_as_owner(view, id);
        if (plaintext) *plaintext = p;
      }
    } else if (op == "open_share" || op == "read_share_section") {
      const AgencyKeys& agency = agency_keys(text(check, "agency"));
      const auto view = independent::open_as_agency(input, agency.x25519, agency.signing_key);
      if (op == "read_share_section") {
        const uint32_t id = independent::section_id_of(text(check, "section"));
        REQUIRE(id != 0);
        const std::string p = independent::read_as_agency(view, id, static_cast<int64_t>(number(check, "at")));
        if (plaintext) *plaintext = p;
      }
    } else {
      FAIL("the independent reader has no operation " << op);
    }
    return "OK";
  } catch (const independent::Refusal& r) {
    UNSCOPED_INFO("independent reader: " << r.reason);
    return r.status;
  }
}

void run_negative_independently(const std::string& file, const std::string& input_kind) {
  const Node doc = load_vector_file(file);
  size_t run = 0;
  for (const Node& vector : list(doc, "vectors").values()) {
    if (text(vector, "input_kind") != input_kind) continue;
    const std::string input = bytes(vector, "input");
    INFO("tc_id " << number(vector, "tc_id") << " " << text(vector, "name") << ": " << text(vector, "comment"));
    for (const Node& check : list(vector, "checks").values()) {
      INFO(text(check, "operation") << (kartla::vectors::has(check, "section") ? " " + text(check, "section")
                                                                                 : std::string()));
      CHECK(independent_status(input, check) == text(check, "result"));
      ++run;
    }
  }
  CHECK(run > 0);
}

}  // namespace

TEST_CASE("negative.json: an independent reader of SPEC 5 and 6 gives every record check's status") {
  init();
  run_negative_independently("negative.json", "record");
}

TEST_CASE("negative.json: each owner-index vector is owner-signed, sealed under the record's index key and wrong inside") {
  init();
  const Node doc = load_vector_file("negative.json");
  size_t seen = 0;
  for (const Node& vector : list(doc, "vectors").values()) {
    const std::string name = text(vector, "name");
    if (name.rfind("index_", 0) != 0) continue;
    INFO(name);
    ++seen;
    // Valid to a keyless reader: the signature holds and every entry is listed.
    const independent::Container c = independent::verify_file(bytes(vector, "input"));
    std::string rmk(32, '\0');
    REQUIRE(crypto_box_seal_open(uc(rmk), uc(c.owner_key_wrap), c.owner_key_wrap.size(), uc(c.owner_encryption_key),
                                 uc(keys().owner_x25519)) == 0);
    CHECK(c.slot_commitments == independent::slot_table(rmk));
    const auto padded = aead_open(independent::index_key(rmk), c.sealed_index, independent::index_ad(c.record_id, c.sequence));
    // Only these two are not sealed for their own version; every other one opens, so only what
    // is inside the index can refuse it.
    CHECK(padded.has_value() == (name != "index_does_not_open" && name != "index_from_another_version"));
    if (name == "index_generation_above_highest") {
      const auto f = fields_of(independent::unpad(*padded));
      uint64_t above = 0;
      for (const auto& s : f.at(2)) above += one(fields_of(s.bytes), 2).varint > one(f, 1).varint ? 1 : 0;
      CHECK(above == 1);
    }
  }
  CHECK(seen >= 15);
}

namespace {

// bundle.json's grant vector against the grant as the independent reader opens it.
void check_grant(const Node& g, const std::string& grant_bytes, const AgencyKeys& agency_keys, const Node& agency,
                 const std::string& record_id, const std::string& rmk) {
  CHECK(grant_bytes == bytes(g, "grant"));
  CHECK(H("kartla/v1/grant", grant_bytes) == bytes(g, "grant_digest"));
  const auto opened = independent::open_grant(grant_bytes, agency_keys.x25519, agency_keys.signing_key);
  REQUIRE(opened);
  CHECK(opened->padded_payload == bytes(g, "padded_payload"));
  CHECK(opened->payload == bytes(g, "payload"));
  CHECK(independent::pad(opened->payload) == opened->padded_payload);
  CHECK(opened->payload ==
        std::string("kartla/v1/grant-payload") + '\0' + le(opened->terms.size(), 4) + opened->terms +
            [&] {
              std::string secrets;
              for (const auto& s : opened->sections) secrets += s.key + s.slot_secret;
              return secrets;
            }());
  CHECK(opened->terms == bytes(g, "terms"));
  const Node& t = at(g, "terms_fields");
  CHECK(number(t, "format_version") == 1);
  CHECK(opened->grant_id == bytes(t, "grant_id"));
  CHECK(opened->record_id == bytes(t, "record_id"));
  CHECK(opened->record_id == record_id);
  CHECK(opened->recipient_signing_key == bytes(t, "recipient_signing_key"));
  CHECK(opened->recipient_signing_key == bytes(agency, "signing_key"));
  CHECK(opened->recipient_encryption_key == bytes(t, "recipient_encryption_key"));
  CHECK(opened->recipient_encryption_key == bytes(agency, "encryption_key"));
  CHECK(opened->purpose == text(t, "purpose"));
  CHECK(static_cast<uint64_t>(opened->granted_at) == number(t, "granted_at"));
  CHECK(static_cast<uint64_t>(opened->expires_at) == number(t, "expires_at"));
  CHECK(opened->gdpr_art6_basis == text(t, "gdpr_art6_basis"));
  CHECK(opened->gdpr_art9_basis == text(t, "gdpr_art9_basis"));
  // SPEC 7.9: the who-is-involved list, field by field.
  const auto& involved = list(t, "involved").values();
  REQUIRE(opened->involved.size() == static_cast<size_t>(involved.size()));
  for (size_t i = 0; i < opened->involved.size(); ++i) {
    const Node& n = involved[static_cast<int>(i)];
    const independent::Involved& got = opened->involved[i];
    CHECK(got.name == text(n, "name"));
    CHECK(got.organisation_number == text(n, "organisation_number"));
    CHECK(got.role == text(n, "role"));
    CHECK(got.since == text(n, "since"));
    CHECK(got.contact_name == text(n, "contact_name"));
    CHECK(got.contact_pseudonym == text(n, "contact_pseudonym"));
    CHECK(got.lead == at(n, "lead").bool_value());
  }
  const auto& sections = list(t, "sections").values();
  const auto& secrets = list(g, "keys").values();
  REQUIRE(opened->sections.size() == static_cast<size_t>(sections.size()));
  REQUIRE(opened->sections.size() == static_cast<size_t>(secrets.size()));
  for (size_t i = 0; i < opened->sections.size(); ++i) {
    const Node& s = sections[static_cast<int>(i)];
    const Node& k = secrets[static_cast<int>(i)];
    const independent::GrantedSection& granted = opened->sections[i];
    INFO("granted section " << text(s, "name"));
    CHECK(granted.id == number(s, "section_id"));
    CHECK(granted.id == independent::section_id_of(text(s, "name")));
    CHECK(granted.generation == number(s, "generation"));
    CHECK(granted.key == bytes(k, "section_key"));
    CHECK(granted.key == section_key(rmk, granted.id, granted.generation));
    CHECK(granted.slot_secret == bytes(k, "slot_secret"));
    CHECK(granted.slot_secret == independent::slot_secret(rmk, granted.id));
    CHECK(independent::slot_tag(granted.slot_secret) == bytes(k, "slot_tag"));
    CHECK(independent::slot_commitment(granted.slot_secret) == bytes(k, "slot_commitment"));
  }
}

const Node& agency_node(const Node& doc, const std::string& label) {
  for (const Node& a : list(doc, "agencies").values())
    if (text(a, "label") == label) return a;
  FAIL("no agency " << label);
  throw std::logic_error("unreachable");
}

struct CheckedFile {
  independent::Container c;
  std::map<uint32_t, uint32_t> generations;  // of every section the record holds, from the owner index
  uint32_t highest_generation = 0;
};

// Every value bundle.json gives for one file (record, bundle, revoked or expired), recomputed: the
// container, its slot table and owner index, and each present section's slot, key (from the
// owner's RMK), AD, commitment and content.
CheckedFile check_file(const Node& v, const std::string& rmk) {
  const std::string file = bytes(v, "file");
  CheckedFile out;
  out.c = independent::verify_file(file);
  const independent::Container& c = out.c;
  CHECK(payload_of(file, 'R', false).size() == number(v, "header_length"));
  CHECK(c.manifest == bytes(v, "manifest"));
  CHECK(H("kartla/v1/manifest-hash", c.manifest) == bytes(v, "manifest_hash"));
  CHECK(c.record_id == bytes(v, "record_id"));
  CHECK(c.sequence == number(v, "sequence"));
  CHECK(c.previous_manifest_hash == bytes(v, "previous_manifest_hash"));
  CHECK(c.slot_commitments == bytes(v, "slot_commitments"));
  CHECK(c.slot_commitments == independent::slot_table(rmk));
  const auto& refs = list(v, "section_refs").values();
  REQUIRE(c.sections.size() == static_cast<size_t>(refs.size()));
  for (size_t i = 0; i < c.sections.size(); ++i) {
    CHECK(c.sections[i].slot_tag == bytes(refs[static_cast<int>(i)], "slot_tag"));
    CHECK(c.sections[i].entry_digest == bytes(refs[static_cast<int>(i)], "entry_digest"));
  }
  out.generations = check_owner_index(at(v, "owner_index"), rmk, c.record_id, c.sequence, c.sealed_index,
                                      &out.highest_generation);
  CHECK(out.generations.size() == c.sections.size());
  CHECK(c.sections.size() == number(v, "sections_listed"));
  CHECK(c.grant_digests.size() == number(v, "grants_listed"));
  CHECK(c.grants.size() == number(v, "grants_present"));
  CHECK(independent::verification_report(c, file.size()) == text(v, "verification_json"));
  const auto& sections = list(v, "sections").values();
  REQUIRE(c.entries.size() == static_cast<size_t>(sections.size()));
  uint64_t offset = 12 + number(v, "header_length");
  for (size_t i = 0; i < c.entries.size(); ++i) {
    const independent::Entry& e = c.entries[i];
    const Node& expected = sections[static_cast<int>(i)];
    INFO("section " << text(expected, "name"));
    const uint32_t id = independent::section_id_of(text(expected, "name"));
    CHECK(id == number(expected, "section_id"));
    REQUIRE(out.generations.count(id) == 1);
    const uint32_t generation = out.generations.at(id);
    CHECK(generation == number(expected, "generation"));
    const std::string secret = independent::slot_secret(rmk, id);
    CHECK(secret == bytes(expected, "slot_secret"));
    CHECK(e.slot_tag == independent::slot_tag(secret));
    CHECK(e.slot_tag == bytes(expected, "slot_tag"));
    CHECK(independent::slot_commitment(secret) == bytes(expected, "slot_commitment"));
    CHECK(e.bytes == bytes(expected, "entry"));
    CHECK(H("kartla/v1/section-entry", e.bytes) == bytes(expected, "entry_digest"));
    CHECK(offset == number(expected, "body_offset"));
    CHECK(e.body.size() == number(expected, "ciphertext_length"));
    CHECK(e.ciphertext_hash == bytes(expected, "ciphertext_hash"));
    const std::string key = section_key(rmk, id, generation);
    CHECK(key == bytes(expected, "section_key"));
    const std::string ad = section_ad(c.record_id, id, generation);
    CHECK(ad == bytes(expected, "associated_data"));
    CHECK(H("kartla/v1/key-commitment", ad, key) == e.key_commitment);
    CHECK(e.key_commitment == bytes(expected, "key_commitment"));
    const auto padded = aead_open(key, e.body, ad);
    REQUIRE(padded);
    const std::string content = independent::unpad(*padded);
    if (kartla::vectors::has(expected, "content")) CHECK(content == bytes(expected, "content"));
    offset += e.body.size();
  }
  return out;
}

// How many grants of the file the agency opens.
size_t grants_opened_by(const independent::Container& c, const AgencyKeys& agency) {
  size_t n = 0;
  for (const auto& g : c.grants) n += independent::open_grant(g, agency.x25519, agency.signing_key) ? 1 : 0;
  return n;
}

}  // namespace

TEST_CASE("bundle.json: an independent reader checks the agencies' keys") {
  init();
  const Node doc = load_vector_file("bundle.json");
  for (const Node& a : list(doc, "agencies").values()) {
    INFO(text(a, "label"));
    const std::string secrets = bytes(a, "secret_keys");
    REQUIRE(secrets.size() == 64);
    CHECK(independent::ed25519_public(secrets.substr(0, 32)) == bytes(a, "signing_key"));
    CHECK(independent::x25519_public(secrets.substr(32)) == bytes(a, "encryption_key"));
    CHECK(fingerprint_text(bytes(a, "signing_key"), bytes(a, "encryption_key")) == text(a, "fingerprint"));
    // The card file (SPEC §4.2): an agency card with name, organisation number and role.
    const std::string card_file = bytes(a, "card_file");
    const auto sc = fields_of(payload_of(card_file, 'C', true));
    const std::string card = one(sc, 1).bytes;
    CHECK(verify("kartla/v1/card", bytes(a, "signing_key"), card, one(sc, 2).bytes));
    const auto fields = fields_of(card);
    CHECK(one(fields, 2).varint == 2);
    CHECK(one(fields, 3).bytes == bytes(a, "signing_key"));
    CHECK(one(fields, 4).bytes == bytes(a, "encryption_key"));
    CHECK(one(fields, 5).bytes == text(a, "name"));
    CHECK(one(fields, 6).bytes == text(a, "organisation_number"));
    CHECK(one(fields, 7).varint == number(a, "role"));
  }
}

TEST_CASE("bundle.json: an independent reader opens agency_a's bundle from SPEC 6 and 7 alone") {
  init();
  const Node doc = load_vector_file("bundle.json");
  const Node& record = at(doc, "record");
  const Node& bundle = at(doc, "bundle");
  const Node& a = agency_node(doc, text(bundle, "agency"));
  const AgencyKeys& a_keys = agency_keys("agency_a");
  const AgencyKeys& b_keys = agency_keys("agency_b");

  const independent::OwnerView owner =
      independent::open_as_owner(bytes(record, "file"), keys().owner_x25519, keys().owner_signing_key);
  CHECK(owner.rmk == bytes(record, "record_master_key"));
  const CheckedFile full = check_file(record, owner.rmk);
  const CheckedFile b = check_file(bundle, owner.rmk);
  const auto& record_grants = list(record, "grants").values();
  REQUIRE(record_grants.size() == 2);
  for (const Node& g : record_grants) {
    const Node& recipient = agency_node(doc, text(g, "recipient"));
    std::string found;
    for (const auto& grant : full.c.grants)
      if (independent::open_grant(grant, agency_keys(text(g, "recipient")).x25519,
                                  agency_keys(text(g, "recipient")).signing_key))
        found = grant;
    check_grant(g, found, agency_keys(text(g, "recipient")), recipient, full.c.record_id, owner.rmk);
  }

  // SPEC §7.2: the owner's manifest and signature byte for byte, a subset of the entries and grants.
  CHECK(b.c.manifest == full.c.manifest);
  CHECK(bytes(bundle, "manifest_signature") == bytes(record, "manifest_signature"));
  CHECK(b.c.entries.size() < b.c.sections.size());
  CHECK(b.c.grants.size() == 1);
  CHECK(grants_opened_by(b.c, a_keys) == 1);
  CHECK(grants_opened_by(b.c, b_keys) == 0);
  check_grant(at(bundle, "grant"), b.c.grants.at(0), a_keys, a, b.c.record_id, owner.rmk);

  // SPEC §7.3: each present section opens with the key the grant carries, which is the key the
  // owner derived, committed to in the signed entry; every section the grant covers is present.
  const auto view = independent::open_as_agency(bytes(bundle, "file"), a_keys.x25519, a_keys.signing_key);
  REQUIRE(view.grants.size() == 1);
  const independent::Grant& grant = view.grants[0];
  CHECK(grant.sections.size() == b.c.entries.size());
  for (const auto& g : grant.sections) {
    INFO("section " << g.id);
    const independent::Entry* e = b.c.find(independent::slot_tag(g.slot_secret));
    REQUIRE(e != nullptr);
    CHECK(g.generation == b.generations.at(g.id));
    CHECK(g.key == section_key(owner.rmk, g.id, g.generation));
    CHECK(independent::key_commitment(g.key, b.c.record_id, g.id, g.generation) == e->key_commitment);
    CHECK(independent::read_as_agency(view, g.id, grant.granted_at + 1) ==
          independent::unpad(aead_open(g.key, e->body, section_ad(b.c.record_id, g.id, g.generation)).value()));
  }

  // Minimisation, on the bytes: nothing of a section left out of the bundle appears in it (its
  // entry, ciphertext hash, key commitment, any 16 bytes of its body) except its slot tag and
  // entry digest in the owner's manifest; those sections are exactly the record's others.
  const std::string bundle_file = bytes(bundle, "file");
  std::vector<std::string> left_out;
  for (const Node& n : list(bundle, "not_in_bundle").values()) left_out.push_back(n.string_value());
  CHECK(left_out.size() == full.c.entries.size() - b.c.entries.size());
  for (const std::string& name : left_out) {
    INFO("left out: " << name);
    const uint32_t id = independent::section_id_of(name);
    const independent::Entry* e = full.c.find(independent::slot_tag(independent::slot_secret(owner.rmk, id)));
    REQUIRE(e != nullptr);
    CHECK(b.c.find(e->slot_tag) == nullptr);
    CHECK(std::none_of(grant.sections.begin(), grant.sections.end(),
                       [&](const independent::GrantedSection& g) { return g.id == id; }));
    CHECK(bundle_file.find(e->bytes) == std::string::npos);
    CHECK(bundle_file.find(e->ciphertext_hash) == std::string::npos);
    CHECK(bundle_file.find(e->key_commitment) == std::string::npos);
    for (size_t i = 0; i + 16 <= e->body.size(); ++i) {
      if (bundle_file.find(e->body.substr(i, 16)) != std::string::npos) {
        FAIL_CHECK("16 bytes of its body at offset " << i << " appear in the bundle");
        break;
      }
    }
  }
  // The other agency's grant is in the record but not in the bundle.
  CHECK(grants_opened_by(full.c, b_keys) == 1);
  for (const auto& g : full.c.grants)
    if (independent::open_grant(g, b_keys.x25519, b_keys.signing_key)) CHECK(bundle_file.find(g) == std::string::npos);
}

TEST_CASE("bundle.json: the case-conference bundle holds each agency's grant and the union of their sections "
          "(SPEC 7.7)") {
  init();
  const Node doc = load_vector_file("bundle.json");
  const Node& meeting = at(doc, "case_conference");
  const std::string file = bytes(meeting, "file");
  const std::string record_file = bytes(meeting, "record_file");
  const auto owner = independent::open_as_owner(record_file, keys().owner_x25519, keys().owner_signing_key);
  CHECK(owner.rmk == bytes(meeting, "record_master_key"));
  const CheckedFile full = [&] {
    CheckedFile f;
    f.c = independent::verify_file(record_file);
    return f;
  }();
  const CheckedFile b = check_file(meeting, owner.rmk);
  CHECK(b.c.manifest == full.c.manifest);  // the owner's manifest, byte for byte (SPEC 7.2)

  // Each agency opens exactly one grant; every grant in the file is one agency's.
  const auto& grant_vectors = list(meeting, "grants").values();
  REQUIRE(grant_vectors.size() == 2);
  CHECK(b.c.grants.size() == 2);
  std::set<uint32_t> union_of_grants;
  for (const Node& g : grant_vectors) {
    const std::string label = text(g, "recipient");
    INFO(label);
    const AgencyKeys& k = agency_keys(label);
    CHECK(grants_opened_by(b.c, k) == 1);
    std::string found;
    for (const auto& grant : b.c.grants)
      if (independent::open_grant(grant, k.x25519, k.signing_key)) found = grant;
    check_grant(g, found, k, agency_node(doc, label), b.c.record_id, owner.rmk);
    const auto view = independent::open_as_agency(file, k.x25519, k.signing_key);
    REQUIRE(view.grants.size() == 1);
    for (const auto& s : view.grants[0].sections) {
      union_of_grants.insert(s.id);
      // Present, and opened with the key this agency's grant carries.
      REQUIRE(b.c.find(independent::slot_tag(s.slot_secret)) != nullptr);
      CHECK_NOTHROW(independent::read_as_agency(view, s.id, view.grants[0].granted_at + 1));
    }
  }
  // SPEC 7.7 step 3: the entries are exactly the union, each once.
  std::multiset<std::string> present;
  for (const auto& e : b.c.entries) present.insert(e.slot_tag);
  std::multiset<std::string> wanted;
  for (uint32_t id : union_of_grants) wanted.insert(independent::slot_tag(independent::slot_secret(owner.rmk, id)));
  CHECK(present == wanted);

  // Minimisation on the bytes: nothing of a section no agency was granted is in the file.
  std::vector<std::string> left_out;
  for (const Node& n : list(meeting, "not_in_bundle").values()) left_out.push_back(n.string_value());
  REQUIRE_FALSE(left_out.empty());
  CHECK(left_out.size() == full.c.entries.size() - b.c.entries.size());
  for (const std::string& name : left_out) {
    INFO("left out: " << name);
    const uint32_t id = independent::section_id_of(name);
    CHECK(union_of_grants.count(id) == 0);
    const independent::Entry* e = full.c.find(independent::slot_tag(independent::slot_secret(owner.rmk, id)));
    REQUIRE(e != nullptr);
    CHECK(file.find(e->bytes) == std::string::npos);
    CHECK(file.find(e->ciphertext_hash) == std::string::npos);
    CHECK(file.find(e->key_commitment) == std::string::npos);
    for (size_t i = 0; i + 16 <= e->body.size(); ++i) {
      if (file.find(e->body.substr(i, 16)) != std::string::npos) {
        FAIL_CHECK("16 bytes of its body at offset " << i << " appear in the bundle");
        break;
      }
    }
  }
}

TEST_CASE("bundle.json: every listed read gives its result when the spec's reader performs it") {
  init();
  const Node doc = load_vector_file("bundle.json");
  for (const Node& r : list(doc, "reads").values()) {
    INFO(text(r, "input") << ": " << text(r, "agency") << " reads " << text(r, "section") << " ("
                          << text(r, "comment") << ")");
    Node check;
    auto& fields = *check.mutable_struct_value()->mutable_fields();
    fields["operation"].set_string_value("read_share_section");
    fields["agency"] = at(r, "agency");
    fields["section"] = at(r, "section");
    fields["at"] = at(r, "at");
    std::string content;
    CHECK(independent_status(bytes(at(doc, text(r, "input")), "file"), check, &content) == text(r, "result"));
    if (text(r, "result") == "OK") CHECK(content == bytes(r, "content"));
  }
}

TEST_CASE("bundle.json: revocation and expiry move the ended grant's sections to fresh generations (SPEC 7.4)") {
  init();
  const Node doc = load_vector_file("bundle.json");
  const Node& record = at(doc, "record");
  for (const char* ended : {"revoked", "expired"}) {
    INFO(ended);
    const Node& v = at(doc, ended);
    const auto owner = independent::open_as_owner(bytes(v, "file"), keys().owner_x25519, keys().owner_signing_key);
    const CheckedFile before = check_file(record, owner.rmk);
    const CheckedFile after = check_file(v, owner.rmk);
    CHECK(after.c.record_id == before.c.record_id);
    CHECK(after.c.sequence == before.c.sequence + 1);
    CHECK(after.c.previous_manifest_hash == H("kartla/v1/manifest-hash", before.c.manifest));

    // Rotated sections take fresh values of the counter: above every generation issued before,
    // each its own; the others keep theirs.
    std::set<uint64_t> fresh;
    for (const Node& r : list(v, "rotation").values()) {
      INFO(text(r, "name"));
      const uint32_t id = independent::section_id_of(text(r, "name"));
      REQUIRE(before.generations.count(id) == 1);
      REQUIRE(after.generations.count(id) == 1);
      CHECK(before.generations.at(id) == number(r, "generation_before"));
      CHECK(after.generations.at(id) == number(r, "generation_after"));
      const std::string tag = independent::slot_tag(independent::slot_secret(owner.rmk, id));
      if (at(r, "rotated").bool_value()) {
        CHECK(after.generations.at(id) > before.highest_generation);
        CHECK(fresh.insert(after.generations.at(id)).second);
        CHECK(after.c.find(tag)->body != before.c.find(tag)->body);
      } else {
        CHECK(after.generations.at(id) == before.generations.at(id));
      }
    }
    CHECK(!fresh.empty());
    CHECK(after.highest_generation == before.highest_generation + fresh.size());

    // The ended agency holds no grant any more; agency_b's grant is re-issued (same id, terms and
    // bases) under the current generations' keys.
    const Node& b_agency = agency_node(doc, "agency_b");
    const AgencyKeys& b_keys = agency_keys("agency_b");
    CHECK(grants_opened_by(after.c, agency_keys(text(v, ended))) == 0);
    REQUIRE(grants_opened_by(after.c, b_keys) == 1);
    const auto& grants = list(v, "grants").values();
    REQUIRE(grants.size() == 1);
    std::string b_grant;
    for (const auto& g : after.c.grants)
      if (independent::open_grant(g, b_keys.x25519, b_keys.signing_key)) b_grant = g;
    check_grant(grants[0], b_grant, b_keys, b_agency, after.c.record_id, owner.rmk);
    const auto reissued = independent::open_grant(b_grant, b_keys.x25519, b_keys.signing_key);
    std::optional<independent::Grant> original;
    for (const auto& g : before.c.grants)
      if (auto opened = independent::open_grant(g, b_keys.x25519, b_keys.signing_key)) original = opened;
    REQUIRE(original);
    CHECK(reissued->grant_id == original->grant_id);
    CHECK(reissued->purpose == original->purpose);
    CHECK(reissued->granted_at == original->granted_at);
    CHECK(reissued->expires_at == original->expires_at);
    CHECK(reissued->gdpr_art6_basis == original->gdpr_art6_basis);
    CHECK(reissued->gdpr_art9_basis == original->gdpr_art9_basis);
    CHECK(reissued->sections.size() == original->sections.size());
    for (const auto& s : reissued->sections) {
      CHECK(s.generation == after.generations.at(s.id));
      CHECK(s.key == section_key(owner.rmk, s.id, s.generation));
      CHECK(s.slot_secret == independent::slot_secret(owner.rmk, s.id));
    }
  }
}

TEST_CASE("bundle_negative.json: an independent reader of SPEC 6 and 7 gives every check's status") {
  init();
  run_negative_independently("bundle_negative.json", "bundle");
}

// attest.json (SPEC §13): signatures under their own labels over the exact bytes, the entry hash,
// the trust list's listing of the agency and the contribution's sealed box, from the spec alone.
namespace {

using Fields = std::map<uint32_t, std::vector<wire::Field>>;

const Node& labelled_in(const Node& doc, const std::string& key, const std::string& label) {
  for (const Node& n : list(doc, key).values())
    if (text(n, "label") == label) return n;
  FAIL("attest.json has no " << key << " labelled " << label);
  return doc;
}

uint64_t varint_or_zero(const Fields& f, uint32_t number) {
  auto it = f.find(number);
  return it == f.end() ? 0 : one(f, number).varint;
}

// SPEC §4.2 for an embedded SignedCard: its self-signature holds and it is of `kind`. Returns the
// Card's fields.
Fields embedded_card(const std::string& signed_card, uint64_t kind) {
  const Fields sc = fields_of(signed_card);
  const std::string card = one(sc, 1).bytes;
  const Fields c = fields_of(card);
  CHECK(one(c, 1).varint == 1);
  CHECK(one(c, 2).varint == kind);
  CHECK(verify("kartla/v1/card", one(c, 3).bytes, card, one(sc, 2).bytes));
  return c;
}

// SPEC §13.1: the element of the section's `entries` (field 1) whose id (field 1) is entry_id.
std::string entry_in(const std::string& content, const std::string& entry_id) {
  std::string found;
  for (const auto& f : wire::read_fields(content)) {
    if (f.number != 1) continue;
    const auto e = wire::by_number(f.bytes);
    if (e.count(1) != 0 && e.at(1).front().bytes == entry_id) {
      CHECK(found.empty());
      found = f.bytes;
    }
  }
  return found;
}

// SPEC §13.2 decoding and signature: returns the Attestation's fields.
Fields attestation_fields(const std::string& signed_attestation, std::string* issuer_signing_key) {
  const Fields sa = fields_of(signed_attestation);
  const std::string attestation = one(sa, 1).bytes;
  const Fields a = fields_of(attestation);
  CHECK(one(a, 1).varint == 1);
  const Fields issuer = embedded_card(one(a, 2).bytes, 2);
  *issuer_signing_key = one(issuer, 3).bytes;
  CHECK(verify("kartla/v1/attestation", *issuer_signing_key, attestation, one(sa, 2).bytes));
  CHECK_FALSE(verify("kartla/v1/manifest", *issuer_signing_key, attestation, one(sa, 2).bytes));
  return a;
}

}  // namespace

TEST_CASE("attest.json: an independent reader checks the attestation's signature and entry hash (SPEC 13.1, 13.2)") {
  init();
  const Node doc = load_vector_file("attest.json");
  const Node& v = at(doc, "attestation");
  const Node& owner = labelled_in(doc, "owners", "owner");
  const Node& agency = at(doc, "agency");
  const Node& record = at(doc, "record");

  const std::string payload = payload_of(bytes(v, "file"), 'A', true);
  CHECK(payload == bytes(v, "signed_attestation"));
  const Fields sa = fields_of(payload);
  const std::string attestation = one(sa, 1).bytes;
  CHECK(attestation == bytes(v, "attestation"));
  CHECK(one(sa, 2).bytes == bytes(v, "signature"));
  CHECK(bytes(v, "signed_bytes") == std::string("kartla/v1/attestation") + '\0' + attestation);
  std::string issuer_key;
  const Fields a = attestation_fields(payload, &issuer_key);
  CHECK(issuer_key == bytes(agency, "signing_key"));
  CHECK(one(a, 2).bytes == payload_of(bytes(agency, "card_file"), 'C', true));
  CHECK(one(a, 3).bytes == bytes(owner, "signing_key"));
  CHECK(one(a, 4).bytes == bytes(owner, "encryption_key"));
  CHECK(one(a, 5).bytes == bytes(record, "record_id"));
  CHECK(one(a, 6).varint == number(record, "section_id"));
  CHECK(independent::section_id_of(text(record, "section")) == number(record, "section_id"));
  const std::string entry_id = one(a, 7).bytes;
  CHECK(entry_id == text(at(v, "fields"), "entry_id"));

  const std::string entry = entry_in(bytes(record, "content"), entry_id);
  REQUIRE_FALSE(entry.empty());
  CHECK(bytes(v, "entry_hash_input") == std::string("kartla/v1/attested-entry") + '\0' + entry);
  CHECK(one(a, 8).bytes == H("kartla/v1/attested-entry", entry));
  CHECK(one(a, 8).bytes == bytes(v, "entry_hash"));

  const Node& f = at(v, "fields");
  const Fields claim = fields_of(one(a, 9).bytes);
  const Node& c = at(f, "claim");
  CHECK(one(claim, 1).varint == number(c, "kind"));
  CHECK(one(claim, 2).bytes == text(c, "level_system"));
  CHECK(one(claim, 3).bytes == text(c, "level_code"));
  CHECK(one(claim, 4).bytes == text(c, "method"));
  CHECK(one(claim, 5).bytes == text(c, "date"));
  CHECK(one(claim, 6).varint == number(c, "credits_hundredths"));
  CHECK(one(claim, 7).bytes == text(c, "assessor_role"));
  CHECK(one(a, 10).varint == number(f, "issued_at"));
  CHECK(varint_or_zero(a, 11) == number(f, "expires_at"));
}

TEST_CASE("attest.json: an independent reader checks the trust lists and the agency's listing (SPEC 13.3)") {
  init();
  const Node doc = load_vector_file("attest.json");
  const Node& root = labelled_in(doc, "roots", "root");
  const std::string agency_card = payload_of(bytes(at(doc, "agency"), "card_file"), 'C', true);
  std::string issuer_key;
  const Fields attestation = attestation_fields(bytes(at(doc, "attestation"), "signed_attestation"), &issuer_key);
  const uint64_t issued_at = one(attestation, 10).varint;
  for (const Node& l : list(doc, "trust_lists").values()) {
    INFO(text(l, "label"));
    const std::string payload = payload_of(bytes(l, "file"), 'T', true);
    CHECK(payload == bytes(l, "signed_trust_list"));
    const Fields stl = fields_of(payload);
    const std::string tl = one(stl, 1).bytes;
    CHECK(tl == bytes(l, "trust_list"));
    CHECK(bytes(l, "signed_bytes") == std::string("kartla/v1/trust-list") + '\0' + tl);
    const Fields t = fields_of(tl);
    const Node& f = at(l, "fields");
    CHECK(one(t, 1).varint == 1);
    CHECK(one(t, 2).bytes == payload_of(bytes(root, "card_file"), 'C', true));
    const Fields root_card = embedded_card(one(t, 2).bytes, 3);
    CHECK(one(root_card, 3).bytes == bytes(root, "signing_key"));
    CHECK(verify("kartla/v1/trust-list", bytes(root, "signing_key"), tl, one(stl, 2).bytes));
    CHECK_FALSE(verify("kartla/v1/attestation", bytes(root, "signing_key"), tl, one(stl, 2).bytes));
    CHECK(one(t, 3).varint == number(f, "sequence"));
    CHECK(one(t, 4).varint == number(f, "issued_at"));
    CHECK(one(t, 5).varint == number(f, "expires_at"));
    REQUIRE(t.count(6) == 1);
    REQUIRE(t.at(6).size() == 1);
    const Fields listed = fields_of(t.at(6).front().bytes);
    const Node& expected = list(f, "agencies").values(0);
    CHECK(one(listed, 1).bytes == agency_card);
    CHECK(one(listed, 1).bytes == bytes(expected, "agency_card"));
    embedded_card(one(listed, 1).bytes, 2);
    CHECK(one(listed, 2).varint == number(expected, "role"));
    const uint64_t from = varint_or_zero(listed, 3), until = varint_or_zero(listed, 4);
    CHECK(from == number(expected, "valid_from"));
    CHECK(until == number(expected, "valid_until"));
    // Trust at issue time (SPEC §13.2): the attestation was issued inside the listing.
    CHECK((from <= issued_at && (until == 0 || issued_at < until)));
  }
  // Every check of the current list in attestation_checks: trusted exactly when the list has not
  // expired at `now`, the attestation holds at `now`, and it was issued inside the listing.
  const Node& current = at(labelled_in(doc, "trust_lists", "current"), "fields");
  for (const Node& check : list(doc, "attestation_checks").values()) {
    if (text(check, "trust_list") != "current") continue;
    INFO(text(check, "comment"));
    const uint64_t now = number(check, "now");
    if (now >= number(current, "expires_at")) {
      CHECK(text(check, "result") == "E_EXPIRED");
      CHECK(text(check, "verdict").empty());
    } else {
      CHECK(text(check, "verdict") == "trusted");
    }
  }
}

TEST_CASE("attest.json: an independent reader opens the contribution with the owner's key (SPEC 13.4)") {
  init();
  const Node doc = load_vector_file("attest.json");
  const Node identity = load_vector_file("identity.json");
  const Node& owner = labelled_in(doc, "owners", "owner");
  const Node& c = at(doc, "contribution");
  const Node& f = at(c, "fields");
  const Node& agency = at(doc, "agency");

  const Fields file = fields_of(payload_of(bytes(c, "file"), 'W', true));
  CHECK(one(file, 1).varint == 1);
  const std::string sealed = one(file, 2).bytes;
  CHECK(sealed == bytes(c, "sealed"));
  REQUIRE(sealed.size() >= crypto_box_SEALBYTES);
  const std::string x25519_secret = bytes(identity, "secret_keys").substr(32);
  const std::string x25519_public = bytes(owner, "encryption_key");
  CHECK(independent::x25519_public(x25519_secret) == x25519_public);
  std::string plaintext(sealed.size() - crypto_box_SEALBYTES, '\0');
  REQUIRE(crypto_box_seal_open(uc(plaintext), uc(sealed), sealed.size(), uc(x25519_public), uc(x25519_secret)) == 0);
  CHECK(plaintext == bytes(c, "payload"));
  const std::string prefix = std::string("kartla/v1/contribution-payload") + '\0';
  REQUIRE(plaintext.compare(0, prefix.size(), prefix) == 0);
  const std::string signed_contribution = plaintext.substr(prefix.size());
  CHECK(signed_contribution == bytes(c, "signed_contribution"));

  const Fields sc = fields_of(signed_contribution);
  const std::string contribution = one(sc, 1).bytes;
  CHECK(contribution == bytes(c, "contribution"));
  CHECK(bytes(c, "signed_bytes") == std::string("kartla/v1/contribution") + '\0' + contribution);
  CHECK(one(sc, 2).bytes == bytes(c, "signature"));
  const Fields k = fields_of(contribution);
  CHECK(one(k, 1).varint == 1);
  CHECK(one(k, 2).bytes.size() == 16);
  CHECK(one(k, 2).bytes == bytes(f, "contribution_id"));
  const std::string sender_card = one(k, 3).bytes;
  CHECK(sender_card == payload_of(bytes(agency, "card_file"), 'C', true));
  const Fields sender = embedded_card(sender_card, 2);
  CHECK(one(sender, 3).bytes == bytes(agency, "signing_key"));
  CHECK(verify("kartla/v1/contribution", one(sender, 3).bytes, contribution, one(sc, 2).bytes));
  CHECK_FALSE(verify("kartla/v1/attestation", one(sender, 3).bytes, contribution, one(sc, 2).bytes));
  CHECK(one(k, 4).bytes == bytes(owner, "signing_key"));
  CHECK(one(k, 5).bytes == x25519_public);
  CHECK(one(k, 6).bytes == bytes(at(doc, "record"), "record_id"));
  CHECK(one(k, 7).varint == number(at(doc, "record"), "section_id"));
  const std::string entry = one(k, 8).bytes;
  CHECK(entry == bytes(f, "entry"));
  CHECK(one(wire::by_number(entry), 1).bytes == text(c, "entry_id"));
  CHECK(one(k, 10).varint == number(f, "created_at"));

  // Step 11: the sender's attestation over the same entry, by the same card, claim CONTRIBUTED.
  std::string issuer_key;
  const Fields a = attestation_fields(one(k, 9).bytes, &issuer_key);
  CHECK(one(a, 2).bytes == sender_card);
  CHECK(one(a, 3).bytes == one(k, 4).bytes);
  CHECK(one(a, 4).bytes == one(k, 5).bytes);
  CHECK(one(a, 5).bytes == one(k, 6).bytes);
  CHECK(one(a, 6).varint == one(k, 7).varint);
  CHECK(one(a, 7).bytes == text(c, "entry_id"));
  CHECK(one(a, 8).bytes == H("kartla/v1/attested-entry", entry));
  CHECK(one(fields_of(one(a, 9).bytes), 1).varint == 4);
}

TEST_CASE("attest_negative.json: an independent reader refuses the damaged and misdirected contributions") {
  init();
  const Node doc = load_vector_file("attest_negative.json");
  const Node identity = load_vector_file("identity.json");
  const Node attest = load_vector_file("attest.json");
  const std::string x25519_secret = bytes(identity, "secret_keys").substr(32);
  const std::string x25519_public = bytes(labelled_in(attest, "owners", "owner"), "encryption_key");
  int seen = 0;
  for (const Node& v : list(doc, "vectors").values()) {
    if (text(v, "input_kind") != "contribution") continue;
    const std::string result = text(list(v, "checks").values(0), "result");
    if (result != "E_AUTH" && result != "E_FORMAT") continue;
    INFO(text(v, "name"));
    ++seen;
    const std::string file = bytes(v, "input");
    uint32_t length = 0;
    for (int i = 0; i < 4; ++i) length |= uint32_t{static_cast<uint8_t>(file[8 + i])} << (8 * i);
    if (file.size() != 12 + uint64_t{length}) {
      CHECK(result == "E_FORMAT");  // SPEC §3.1: shorter than 12 + L
      continue;
    }
    const Fields f = fields_of(file.substr(12));
    const std::string sealed = one(f, 2).bytes;
    std::string plaintext(sealed.size() - crypto_box_SEALBYTES, '\0');
    CHECK(crypto_box_seal_open(uc(plaintext), uc(sealed), sealed.size(), uc(x25519_public), uc(x25519_secret)) != 0);
    CHECK(result == "E_AUTH");
  }
  CHECK(seen == 3);
}

// Every verify_attestation check of attest.json and attest_negative.json judged from SPEC §13.2 and
// §13.3 alone: a given trust list is verified first (an expired one fails with no report), then
// decoding and the signature, steps b-i, and trust at issue time.
namespace {

struct Judgement {
  std::string result, verdict, finding;
};

std::string bytes_or_empty(const Fields& f, uint32_t number) {
  auto it = f.find(number);
  return it == f.end() ? std::string() : one(f, number).bytes;
}

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

// SPEC §13.2 step i, from the code lists of docs/MODEL.md: the level names a level framework and
// one of its codes, the method is a kartla-method code, the date a real one in 1800-2199, credits
// at most 1000.
bool claim_obeys_the_rules(const Fields& claim) {
  static const std::map<std::string, std::set<std::string>> levels = {
      {"seqf", {"1", "2", "3", "4", "5", "6", "7", "8"}},
      {"finqf", {"1", "2", "3", "4", "5", "6", "7", "8"}},
      {"eqf", {"1", "2", "3", "4", "5", "6", "7", "8"}},
      {"isced-2011", {"0", "1", "2", "3", "4", "5", "6", "7", "8"}},
      {"ocn-level", {"1", "2", "3"}},
      {"cefr", {"A1", "A2", "B1", "B2", "C1", "C2"}},
      {"yki", {"1", "2", "3", "4", "5", "6"}},
      {"sfi-kurs", {"A", "B", "C", "D"}},
      {"se-betyg", {"A", "B", "C", "D", "E", "F"}},
  };
  static const std::set<std::string> methods = {"self-assessment", "interview",     "observation",
                                                "work-trial",      "ocn",           "branch-validation",
                                                "skills-test",     "language-test", "document-review",
                                                "register-lookup"};
  const std::string system = bytes_or_empty(claim, 2), code = bytes_or_empty(claim, 3);
  if (!system.empty() || !code.empty()) {
    if (system == "sun-2020-level") {
      // SUN 2020 level: 1-3 digits, the first 0-6.
      if (code.empty() || code.size() > 3 || code[0] > '6' ||
          !std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return false;
    } else {
      const auto it = levels.find(system);
      if (it == levels.end() || it->second.count(code) == 0) return false;
    }
  }
  const std::string method = bytes_or_empty(claim, 4);
  if (!method.empty() && methods.count(method) == 0) return false;
  const std::string date = bytes_or_empty(claim, 5);
  if (!date.empty()) {
    // Step 3 has already checked the shape YYYY, YYYY-MM or YYYY-MM-DD.
    const int year = std::stoi(date.substr(0, 4));
    if (year < 1800 || year > 2199) return false;
    if (date.size() == 10) {
      static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
      const int month = std::stoi(date.substr(5, 2)), day = std::stoi(date.substr(8, 2));
      if (day > days[month - 1] + (month == 2 && leap(year) ? 1 : 0)) return false;
    }
  }
  return varint_or_zero(claim, 6) <= 100000;
}

Judgement judge_attestation(const std::string& file, const Node& check, const Node& attest, const Node& negative) {
  const std::string list_label = text(check, "trust_list");
  const uint64_t now = number(check, "now");
  std::optional<Fields> trust;
  if (!list_label.empty()) {
    const std::string list_file = list_label == "input_list" ? bytes(negative, "foreign_trust_list")
                                                             : bytes(labelled_in(attest, "trust_lists", list_label), "file");
    const Fields stl = fields_of(payload_of(list_file, 'T', true));
    const Fields t = fields_of(one(stl, 1).bytes);
    const Fields root = embedded_card(one(t, 2).bytes, 3);
    if (!verify("kartla/v1/trust-list", one(root, 3).bytes, one(stl, 1).bytes, one(stl, 2).bytes))
      return {"E_SIGNATURE", "", ""};
    if (now >= one(t, 5).varint) return {"E_EXPIRED", "", ""};
    trust = t;
  }
  const Fields sa = fields_of(payload_of(file, 'A', true));
  const std::string attestation = one(sa, 1).bytes;
  const Fields a = fields_of(attestation);
  const Fields issuer = embedded_card(one(a, 2).bytes, 2);
  if (!verify("kartla/v1/attestation", one(issuer, 3).bytes, attestation, one(sa, 2).bytes))
    return {"E_SIGNATURE", "invalid", "bad_signature"};
  const Node& owner = labelled_in(attest, "owners", text(check, "owner"));
  if (one(a, 3).bytes != bytes(owner, "signing_key") || one(a, 4).bytes != bytes(owner, "encryption_key"))
    return {"E_SIGNATURE", "invalid", "wrong_owner"};
  if (one(a, 5).bytes != bytes(check, "record_id")) return {"E_SIGNATURE", "invalid", "wrong_record"};
  if (one(a, 6).varint != independent::section_id_of(text(check, "section")))
    return {"E_SIGNATURE", "invalid", "wrong_section"};
  if (one(a, 7).bytes != text(check, "entry_id")) return {"E_SIGNATURE", "invalid", "wrong_entry"};
  if (one(a, 8).bytes != H("kartla/v1/attested-entry", bytes(check, "entry")))
    return {"E_INTEGRITY", "invalid", "content_changed"};
  const uint64_t issued_at = one(a, 10).varint, expires_at = varint_or_zero(a, 11);
  if (expires_at != 0 && now >= expires_at) return {"E_EXPIRED", "invalid", "expired"};
  if (issued_at > now + 300) return {"E_EXPIRED", "invalid", "not_yet_valid"};
  if (!claim_obeys_the_rules(fields_of(one(a, 9).bytes))) return {"E_SCHEMA", "invalid", "bad_claim"};
  if (!trust) return {"OK", "untrusted", "no_trust_list"};
  if (trust->count(6) != 0) {
    for (const auto& entry : trust->at(6)) {
      const Fields listed = fields_of(entry.bytes);
      const Fields card = embedded_card(one(listed, 1).bytes, 2);
      if (one(card, 3).bytes != one(issuer, 3).bytes || one(card, 4).bytes != one(issuer, 4).bytes) continue;
      const uint64_t from = varint_or_zero(listed, 3), until = varint_or_zero(listed, 4);
      if (issued_at < from) return {"OK", "untrusted", "issuer_not_yet_listed"};
      if (until != 0 && issued_at >= until) return {"OK", "untrusted", "issuer_no_longer_listed"};
      return {"OK", "trusted", "ok"};
    }
  }
  return {"OK", "untrusted", "issuer_not_listed"};
}

void expect_judgement(const std::string& file, const Node& check, const Node& attest, const Node& negative) {
  INFO(text(check, "comment"));
  const Judgement j = judge_attestation(file, check, attest, negative);
  CHECK(j.result == text(check, "result"));
  CHECK(j.verdict == text(check, "verdict"));
  CHECK(j.finding == text(check, "finding"));
}

}  // namespace

TEST_CASE("attest.json and attest_negative.json: every verify_attestation check, judged from SPEC 13.2 alone") {
  init();
  const Node attest = load_vector_file("attest.json");
  const Node negative = load_vector_file("attest_negative.json");
  const std::string file = bytes(at(attest, "attestation"), "file");
  for (const Node& check : list(attest, "attestation_checks").values()) expect_judgement(file, check, attest, negative);
  int judged = 0;
  for (const Node& v : list(negative, "vectors").values()) {
    INFO(text(v, "name"));
    for (const Node& check : list(v, "checks").values()) {
      if (text(check, "operation") != "verify_attestation") continue;
      expect_judgement(bytes(v, "input"), check, attest, negative);
      ++judged;
    }
  }
  CHECK(judged >= 12);
}

// receipt.json (SPEC §7.6), from the spec alone: the frame, the signature under its own label over
// the exact Receipt bytes, every field, the manifest of the record version each receipt names,
// and every negative's status.
TEST_CASE("receipt.json: an independent reader verifies each receipt and the record version it names") {
  init();
  const Node doc = load_vector_file("receipt.json");
  const Node bundles = load_vector_file("bundle.json");
  const std::string owner_card = bytes(at(doc, "owner"), "card_file");
  for (const Node& r : list(doc, "receipts").values()) {
    INFO(text(r, "name"));
    const std::string file = bytes(r, "file");
    const std::string signed_receipt = bytes(r, "signed_receipt");
    CHECK(file == std::string("KARTLA") + 'X' + '\x01' + le(signed_receipt.size(), 4) + signed_receipt);
    CHECK(bytes(r, "signed_bytes") == std::string("kartla/v1/receipt") + '\0' + bytes(r, "receipt"));
    const independent::Receipt got =
        independent::read_receipt(file, owner_card, bytes(at(doc, "agency_cards"), text(r, "agency")));
    CHECK(got.bytes == bytes(r, "receipt"));
    const Node& f = at(r, "fields");
    CHECK(got.kind == number(f, "kind"));
    CHECK(got.record_id == bytes(f, "record_id"));
    CHECK(got.owner_signing_key == bytes(f, "owner_signing_key"));
    CHECK(got.owner_encryption_key == bytes(f, "owner_encryption_key"));
    CHECK(got.grant_id == bytes(f, "grant_id"));
    CHECK(got.recipient_signing_key == bytes(f, "recipient_signing_key"));
    CHECK(got.recipient_encryption_key == bytes(f, "recipient_encryption_key"));
    CHECK(got.agency_name == text(f, "agency_name"));
    REQUIRE(got.sections.size() == static_cast<size_t>(list(f, "sections").values_size()));
    for (size_t i = 0; i < got.sections.size(); ++i)
      CHECK(got.sections[i] == list(f, "sections").values(static_cast<int>(i)).string_value());
    CHECK(got.purpose == text(f, "purpose"));
    CHECK(got.gdpr_art6_basis == text(f, "gdpr_art6_basis"));
    CHECK(got.gdpr_art9_basis == text(f, "gdpr_art9_basis"));
    CHECK(static_cast<uint64_t>(got.granted_at) == number(f, "granted_at"));
    CHECK(static_cast<uint64_t>(got.expires_at) == number(f, "expires_at"));
    CHECK(static_cast<uint64_t>(got.ended_at) == number(f, "ended_at"));
    CHECK(got.end_reason == number(f, "end_reason"));
    CHECK(fingerprint_text(got.owner_signing_key, got.owner_encryption_key) == text(r, "owner_fingerprint"));
    CHECK(fingerprint_text(got.recipient_signing_key, got.recipient_encryption_key) == text(r, "agency_fingerprint"));
    // The version it names is the bundle.json file it was made from: its record, sequence and
    // manifest hash, and the owner who signed that manifest.
    const independent::Container c = independent::verify_file(bytes(at(bundles, text(r, "made_from")), "file"));
    CHECK(got.record_id == c.record_id);
    CHECK(got.sequence == c.sequence);
    CHECK(got.manifest_hash == H("kartla/v1/manifest-hash", c.manifest));
    CHECK(got.owner_signing_key == c.owner_signing_key);
  }
}

TEST_CASE("receipt.json: every negative gives its status when the spec's reader reads it") {
  init();
  const Node doc = load_vector_file("receipt.json");
  for (const Node& v : list(doc, "negative").values()) {
    INFO(text(v, "name") << ": " << text(v, "comment"));
    std::string status = "OK";
    try {
      (void)independent::read_receipt(bytes(v, "input"), bytes(v, "owner_card"), bytes(v, "agency_card"));
    } catch (const independent::Refusal& refusal) {
      status = refusal.status;
    }
    CHECK(status == text(v, "result"));
  }
}
