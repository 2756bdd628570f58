// SPDX-License-Identifier: Apache-2.0
// The owner index sealed in the manifest (docs/SPEC.md §6.2): its key, associated data and padding
// as the SPEC spells them, one sealed size whatever the record holds, bound to one record and one
// version, and every rule on its content checked after it opens.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "../crypto/test_bytes.h"
#include "base/error.h"
#include "crypto/aead.h"
#include "crypto/kdf.h"
#include "crypto/padding.h"
#include "crypto/random.h"
#include "format/owner_index.h"
#include "format/record_codec.h"

using namespace kartla;
using kartla::testing::hex;
using kartla::testing::unhex;

namespace {

crypto::SecretBuffer counting_key() {
  crypto::SecretBuffer key(32);
  for (size_t i = 0; i < key.size(); ++i) key.data()[i] = static_cast<uint8_t>(i);
  return key;
}

const std::string kRecordId(16, 'r');

// SPEC §6.2, written out: "kartla/v1/owner-index" 0x00 || u32le(1) || record_id || u64le(sequence).
std::string spec_index_ad(const std::string& record_id, uint64_t sequence) {
  std::string ad("kartla/v1/owner-index", 21);
  ad.push_back('\0');
  ad += unhex("01000000");
  ad += record_id;
  for (int i = 0; i < 8; ++i) ad.push_back(static_cast<char>((sequence >> (8 * i)) & 0xff));
  return ad;
}

crypto::SecretBuffer spec_index_key(const crypto::SecretBuffer& rmk) { return crypto::derive_subkey(rmk, "kartlaIX", 0); }

// Seals any plaintext (padded or not) exactly where the index goes: only the content rules and
// the padding rule are left to refuse it.
std::string seal_raw(const crypto::SecretBuffer& rmk, uint64_t sequence, const std::string& plaintext) {
  return crypto::aead_seal(spec_index_key(rmk), plaintext, spec_index_ad(kRecordId, sequence));
}

std::string padded(std::string content) {
  const auto size = static_cast<size_t>(crypto::padded_size(content.size()));
  content.push_back('\x80');
  content.resize(size, '\0');
  return content;
}

Error open_error(const crypto::SecretBuffer& rmk, const std::string& record_id, uint64_t sequence,
                 const std::string& sealed) {
  try {
    (void)format::open_owner_index(rmk, record_id, sequence, sealed);
  } catch (const Error& e) {
    return e;
  }
  FAIL("an owner index opened where it must not");
  return Error(Code::ok, "");
}

format::OwnerIndex sample_index() { return {9, {{1, 2}, {4, 9}, {12, 5}}}; }

}  // namespace

TEST_CASE("the owner index round trips, in one sealed size whatever it holds", "[format][index]") {
  const crypto::SecretBuffer rmk = crypto::random_secret(32);
  std::vector<format::IndexedSection> all;
  for (uint32_t id = 1; id <= 64; ++id) all.push_back({id, UINT32_MAX - 64 + id});
  for (const format::OwnerIndex& index :
       {format::OwnerIndex{}, sample_index(), format::OwnerIndex{UINT32_MAX, all}}) {
    const std::string sealed = format::seal_owner_index(rmk, kRecordId, 7, index);
    CHECK(sealed.size() == format::kSealedIndexBytes);
    const format::OwnerIndex back = format::open_owner_index(rmk, kRecordId, 7, sealed);
    CHECK(back.highest_generation == index.highest_generation);
    REQUIRE(back.sections.size() == index.sections.size());
    for (size_t i = 0; i < index.sections.size(); ++i) {
      CHECK(back.sections[i].section_id == index.sections[i].section_id);
      CHECK(back.sections[i].generation == index.sections[i].generation);
    }
  }
  // A fresh nonce every time: two seals of one index differ.
  CHECK(format::seal_owner_index(rmk, kRecordId, 7, sample_index()) !=
        format::seal_owner_index(rmk, kRecordId, 7, sample_index()));
}

TEST_CASE("the index key, associated data and padding are the SPEC's", "[format][index]") {
  const crypto::SecretBuffer rmk = counting_key();
  // Known answer from an independent computation (Python hashlib) of KDF(RMK, "kartlaIX", 0).
  REQUIRE(hex(spec_index_key(rmk).view()) == "0296bbac0e53bdca71d313182599b12c0c100759723603fe3cfabdb6e41f5927");
  REQUIRE(spec_index_ad(kRecordId, 1).size() == 22 + 4 + 16 + 8);

  // The library's seal opens with the SPEC's key and AD, to pad(OwnerIndex bytes).
  const std::string sealed = format::seal_owner_index(rmk, kRecordId, 0x0102030405060708ull, sample_index());
  const crypto::SecretBuffer plain =
      crypto::aead_open(spec_index_key(rmk), sealed, spec_index_ad(kRecordId, 0x0102030405060708ull));
  CHECK(plain.view().as_string_view() == padded(format::encode_owner_index(sample_index())));

  // And an index sealed from the SPEC's text alone opens with the library.
  const std::string by_spec = seal_raw(rmk, 3, padded(format::encode_owner_index(sample_index())));
  const format::OwnerIndex back = format::open_owner_index(rmk, kRecordId, 3, by_spec);
  CHECK(back.highest_generation == 9);
  CHECK(back.sections.size() == 3);
}

TEST_CASE("an index sealed for another version, record or key does not open (E_INTEGRITY)", "[format][index]") {
  const crypto::SecretBuffer rmk = crypto::random_secret(32);
  const std::string sealed = format::seal_owner_index(rmk, kRecordId, 5, sample_index());
  REQUIRE_NOTHROW(format::open_owner_index(rmk, kRecordId, 5, sealed));
  // The previous version's index copied into the next manifest: the sequence in the AD refuses it.
  CHECK(open_error(rmk, kRecordId, 6, sealed).code() == Code::integrity);
  CHECK(open_error(rmk, kRecordId, 4, sealed).code() == Code::integrity);
  CHECK(open_error(rmk, std::string(16, 'R'), 5, sealed).code() == Code::integrity);
  CHECK(open_error(crypto::random_secret(32), kRecordId, 5, sealed).code() == Code::integrity);
  for (size_t at : {size_t{0}, size_t{30}, sealed.size() - 1}) {
    std::string flipped = sealed;
    flipped[at] = static_cast<char>(flipped[at] ^ 1);
    INFO("byte " << at);
    CHECK(open_error(rmk, kRecordId, 5, flipped).code() == Code::integrity);
  }
}

TEST_CASE("an index that opens but is badly padded or breaks a rule is E_FORMAT", "[format][index]") {
  const crypto::SecretBuffer rmk = crypto::random_secret(32);
  const std::string index = format::encode_owner_index(sample_index());

  // Padding: none, too much, junk after the marker.
  CHECK(open_error(rmk, kRecordId, 2, seal_raw(rmk, 2, index)).code() == Code::format);
  std::string too_long = index;
  too_long.push_back('\x80');
  too_long.resize(1088, '\0');
  CHECK(open_error(rmk, kRecordId, 2, seal_raw(rmk, 2, too_long)).code() == Code::format);
  std::string junk = padded(index);
  junk[1000] = '\x02';
  CHECK(open_error(rmk, kRecordId, 2, seal_raw(rmk, 2, junk)).code() == Code::format);

  // Content: not an index, an unknown field, and the rules of SPEC §6.2.
  CHECK(open_error(rmk, kRecordId, 2, seal_raw(rmk, 2, padded("\xff\xff\xff"))).code() == Code::format);
  CHECK(open_error(rmk, kRecordId, 2, seal_raw(rmk, 2, padded(index + std::string("\x18\x01", 2)))).code() ==
        Code::format);
  const std::vector<format::OwnerIndex> broken = {
      {9, {{0, 1}}},          // section id 0
      {9, {{65, 1}}},         // above 64
      {9, {{4, 1}, {1, 1}}},  // not ascending
      {9, {{4, 1}, {4, 2}}},  // one section twice
      {9, {{4, 0}}},          // generation 0
  };
  for (const format::OwnerIndex& bad : broken) {
    const std::string sealed = seal_raw(rmk, 2, padded(format::encode_owner_index(bad)));
    CHECK(open_error(rmk, kRecordId, 2, sealed).code() == Code::format);
  }
  // A generation above the record's counter: a writer that reuses keys is caught (SPEC §5.2).
  const std::string above = seal_raw(rmk, 2, padded(format::encode_owner_index({3, {{1, 2}, {4, 4}}})));
  const Error e = open_error(rmk, kRecordId, 2, above);
  CHECK(e.code() == Code::format);
  CHECK(std::string(e.what()).find("highest") != std::string::npos);
}
