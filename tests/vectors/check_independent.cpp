// An independent reader built from docs/SPEC.md alone: libsodium called directly (not through
// src/crypto), protobuf read field by field (wire_read.h), no Kartla code at all. It recomputes
// every derived value in primitives.json, identity.json and record.json, so a spec that no longer
// describes the code, or a vector that no longer follows the spec, fails here.
#include <sodium.h>

#include <catch2/catch.hpp>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

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

const unsigned char* uc(const std::string& s) { return reinterpret_cast<const unsigned char*>(s.data()); }
unsigned char* uc(std::string& s) { return reinterpret_cast<unsigned char*>(s.data()); }

void init() { REQUIRE(sodium_init() >= 0); }

// SPEC §1: H(label, x) = BLAKE2b-256(label || 0x00 || x); keyed when a key is given.
std::string H(const std::string& label, const std::string& x, const std::string& key = "") {
  const std::string input = label + std::string(1, '\0') + x;
  std::string out(32, '\0');
  crypto_generichash(uc(out), out.size(), uc(input), input.size(), key.empty() ? nullptr : uc(key), key.size());
  return out;
}

std::string le(uint64_t v, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
  return out;
}

std::string hex(const std::string& b) {
  std::string out(b.size() * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), uc(b), b.size());
  out.pop_back();
  return out;
}

// SPEC §5.2: crypto_kdf_derive_from_key, spelled out as the BLAKE2b call it is.
std::string section_key(const std::string& rmk, uint32_t section, uint32_t generation) {
  const std::string salt = le((uint64_t{section} << 32) | generation, 8) + std::string(8, '\0');
  const std::string personal = std::string("kartlaSK") + std::string(8, '\0');
  std::string out(32, '\0');
  REQUIRE(crypto_generichash_blake2b_salt_personal(uc(out), 32, nullptr, 0, uc(rmk), rmk.size(), uc(salt),
                                                   uc(personal)) == 0);
  return out;
}

std::string section_ad(const std::string& record_id, uint32_t section, uint32_t generation) {
  return std::string("kartla/v1/section") + '\0' + le(1, 4) + record_id + le(section, 4) + le(generation, 4);
}

// SPEC §1: XChaCha20-Poly1305-IETF, sealed = nonce (24) || ciphertext || tag (16).
std::optional<std::string> aead_open(const std::string& key, const std::string& sealed, const std::string& ad) {
  if (sealed.size() < 40) return std::nullopt;
  std::string out(sealed.size() - 40, '\0');
  unsigned long long n = 0;
  if (crypto_aead_xchacha20poly1305_ietf_decrypt(uc(out), &n, nullptr, uc(sealed) + 24, sealed.size() - 24, uc(ad),
                                                 ad.size(), uc(sealed), uc(key)) != 0)
    return std::nullopt;
  return out;
}

bool verify(const std::string& label, const std::string& public_key, const std::string& message,
            const std::string& signature) {
  const std::string signed_bytes = label + std::string(1, '\0') + message;
  return signature.size() == 64 && public_key.size() == 32 &&
         crypto_sign_verify_detached(uc(signature), uc(signed_bytes), signed_bytes.size(), uc(public_key)) == 0;
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

  std::vector<std::string> listed;
  for (const auto& f : m.at(8)) listed.push_back(f.bytes);
  CHECK(std::is_sorted(listed.begin(), listed.end()));  // std::string compares as unsigned bytes
  CHECK(std::adjacent_find(listed.begin(), listed.end()) == listed.end());
  CHECK(m.count(9) == 0);

  const auto& entries = h.at(4);
  const auto& sections = list(version, "sections").values();
  REQUIRE(entries.size() == static_cast<size_t>(sections.size()));
  uint64_t offset = 12 + header.size();
  for (size_t i = 0; i < entries.size(); ++i) {
    const Node& s = sections[static_cast<int>(i)];
    INFO("section " << text(s, "name"));
    const std::string& entry = entries[i].bytes;
    CHECK(entry == bytes(s, "entry"));
    const std::string digest = H("kartla/v1/section-entry", entry);
    CHECK(digest == bytes(s, "entry_digest"));
    CHECK(std::binary_search(listed.begin(), listed.end(), digest));
    const auto e = fields_of(entry);
    const auto section = static_cast<uint32_t>(one(e, 1).varint);
    const auto generation = static_cast<uint32_t>(one(e, 2).varint);
    const uint64_t length = one(e, 3).varint;
    CHECK(section == number(s, "section_id"));
    CHECK(generation == number(s, "generation"));
    CHECK(length == number(s, "ciphertext_length"));
    CHECK(offset == number(s, "body_offset"));
    REQUIRE(offset + length <= file.size());
    const std::string body = file.substr(static_cast<size_t>(offset), static_cast<size_t>(length));
    CHECK(body.substr(0, 24) == bytes(s, "nonce"));
    CHECK(one(e, 4).bytes == H("kartla/v1/section-ciphertext", body));
    CHECK(one(e, 4).bytes == bytes(s, "ciphertext_hash"));
    const std::string key = section_key(rmk, section, generation);
    CHECK(key == bytes(s, "section_key"));
    const std::string ad = section_ad(record_id, section, generation);
    CHECK(ad == bytes(s, "associated_data"));
    CHECK(one(e, 5).bytes == H("kartla/v1/key-commitment", ad, key));
    CHECK(one(e, 5).bytes == bytes(s, "key_commitment"));
    const auto plaintext = aead_open(key, body, ad);
    REQUIRE(plaintext);
    CHECK(*plaintext == bytes(s, "plaintext"));
    offset += length;
  }
  CHECK(listed.size() == entries.size());
  CHECK(offset == file.size());
  return {H("kartla/v1/manifest-hash", manifest), record_id, sequence, rmk};
}

}  // namespace

TEST_CASE("record.json: an independent reader verifies and decrypts each version as SPEC 5 and 6 describe") {
  init();
  const Node doc = load_vector_file("record.json");
  const Node identity = load_vector_file("identity.json");
  const std::string x25519_secret = bytes(identity, "secret_keys").substr(32);
  std::vector<ReadVersion> read;
  for (const Node& version : list(doc, "versions").values()) {
    INFO(text(version, "comment"));
    read.push_back(read_record_version(version, at(doc, "owner"), x25519_secret));
  }
  // SPEC §6.4: each save adds one to the sequence and names the previous manifest by its hash.
  REQUIRE(read.size() == 2);
  CHECK(read[1].sequence == read[0].sequence + 1);
  CHECK(read[1].record_id == read[0].record_id);
  CHECK(read[1].rmk == read[0].rmk);
  CHECK(bytes(list(doc, "versions").values(1), "previous_manifest_hash") == read[0].manifest_hash);
}
