// SPDX-License-Identifier: Apache-2.0
// Strict parsing of signed and hashed structures (docs/THREATS.md T4-T9): every non-canonical or unknown
// encoding is Error(format), never "last one wins" or silently dropped.
#include <catch2/catch.hpp>

#include <google/protobuf/empty.pb.h>
#include <google/protobuf/struct.pb.h>

#include <string>
#include <vector>

#include "base/error.h"
#include "format/card_codec.h"
#include "format/framing.h"
#include "format/identity_codec.h"
#include "format/limits.h"
#include "format/record_codec.h"
#include "format/strict_parse.h"
#include "format_fixtures.h"

using namespace kartla;
using namespace kartla::testing;
using namespace kartla::testing::wire;

namespace {

template <typename F>
Error error_of(F&& f) {
  try {
    f();
  } catch (const Error& e) {
    return e;
  }
  FAIL("accepted a hostile encoding");
  return Error(Code::ok, "");
}

std::string identity_file_with_payload(const std::string& payload) {
  return format::frame_small_file(format::FileType::identity, payload);
}

}  // namespace

TEST_CASE("the hand-built wire bytes are the canonical encoding (control)", "[format][strict]") {
  REQUIRE(sample_entry_wire() == format::encode_section_entry(sample_entry()));
  const format::SectionEntry e = format::decode_section_entry(sample_entry_wire());
  REQUIRE(e.slot_tag == filled(32, 't'));
  REQUIRE(e.ciphertext_length == kSampleBodyBytes);
  const format::IdentityFile f = sample_identity_file();
  REQUIRE(identity_file_with_payload(identity_payload_wire(f, kdf_wire(f.kdf))) == format::encode_identity_file(f));
  REQUIRE_NOTHROW(format::decode_identity_file(identity_file_with_payload(identity_payload_wire(f, kdf_wire(f.kdf)))));
}

TEST_CASE("a non-repeated field written twice is rejected (THREATS.md T6)", "[format][strict]") {
  // length=5 then length=9 style: last-one-wins would let two readers see two values.
  const std::string wire = sample_entry_wire();
  const std::string tag_field = bytes_field(1, filled(32, 't'));
  REQUIRE(wire.substr(0, tag_field.size()) == tag_field);
  const std::string rest = wire.substr(tag_field.size());  // fields 2-4
  const std::string twice = tag_field + uint_field(2, 2112) + rest;
  CHECK(error_of([&] { format::decode_section_entry(twice); }).code() == Code::format);
  const std::string same_value_twice = tag_field + uint_field(2, kSampleBodyBytes) + rest;
  CHECK(error_of([&] { format::decode_section_entry(same_value_twice); }).code() == Code::format);
  const std::string tag_twice = bytes_field(1, filled(32, 'T')) + wire;
  CHECK(error_of([&] { format::decode_section_entry(tag_twice); }).code() == Code::format);
  const std::string commitment_twice = wire + bytes_field(4, filled(32, 'C'));
  CHECK(error_of([&] { format::decode_section_entry(commitment_twice); }).code() == Code::format);
  // A repeated field of SectionRef inside the manifest's repeated sections.
  const format::Manifest m = sample_manifest();
  const std::string canonical = format::encode_manifest(m);
  const std::string first_ref = bytes_field(1, m.sections[0].slot_tag) + bytes_field(2, m.sections[0].entry_digest);
  const size_t at = canonical.find(first_ref);
  REQUIRE(at != std::string::npos);
  std::string ref_tag_twice = canonical;
  // The SectionRef's length prefix (one byte, 68) grows by the 34 bytes of a second slot_tag.
  REQUIRE(static_cast<unsigned char>(ref_tag_twice[at - 1]) == first_ref.size());
  ref_tag_twice[at - 1] = static_cast<char>(first_ref.size() + 34);
  ref_tag_twice.insert(at + 34, bytes_field(1, m.sections[0].slot_tag));
  CHECK(error_of([&] { format::decode_manifest(ref_tag_twice); }).code() == Code::format);
}

TEST_CASE("a sub-message split in two is rejected (THREATS.md T6)", "[format][strict]") {
  const format::IdentityFile f = sample_identity_file();
  using namespace wire;
  // kdf = {algorithm, opslimit} followed later by kdf = {memlimit, salt}: protobuf merges them.
  const std::string first = uint_field(1, f.kdf.algorithm) + uint_field(2, f.kdf.opslimit);
  const std::string second = uint_field(3, f.kdf.memlimit_bytes) + bytes_field(4, f.kdf.salt);
  const std::string payload = uint_field(1, 1) + bytes_field(2, f.signed_card) + bytes_field(3, first) +
                              bytes_field(3, second) + bytes_field(4, f.passphrase_wrap) +
                              bytes_field(5, f.recovery_wrap) + bytes_field(6, f.sealed_secret_keys);
  const Error e = error_of([&] { format::decode_identity_file(identity_file_with_payload(payload)); });
  CHECK(e.code() == Code::format);
  CHECK(std::string(e.what()).find("canonical") != std::string::npos);
}

TEST_CASE("overlong varints and out-of-range values are rejected (THREATS.md T7)", "[format][strict]") {
  const std::string tag_field = bytes_field(1, filled(32, 't'));
  const std::string after = bytes_field(3, filled(32, 'h')) + bytes_field(4, filled(32, 'c'));
  // ciphertext_length 1064 (two bytes canonically) in 3 to 10 bytes, in a 64-bit field.
  for (size_t width : {3u, 4u, 9u, 10u}) {
    INFO("ciphertext length in " << width << " bytes");
    const std::string overlong = tag_field + tag(2, kVarint) + overlong_varint(kSampleBodyBytes, width) + after;
    CHECK(error_of([&] { format::decode_section_entry(overlong); }).code() == Code::format);
  }
  // An 11-byte varint is not a varint at all.
  const std::string endless = tag_field + tag(2, kVarint) + std::string(10, '\x80') + std::string(1, '\x01') + after;
  CHECK(error_of([&] { format::decode_section_entry(endless); }).code() == Code::format);

  // In uint32 fields of the owner index (SPEC §6.2): the counter, and a nested section id.
  const std::string index = format::encode_owner_index({5, {{3, 2}}});
  REQUIRE(index == uint_field(1, 5) + bytes_field(2, uint_field(1, 3) + uint_field(2, 2)));
  REQUIRE_NOTHROW(format::decode_owner_index(index));
  for (size_t width : {2u, 5u, 10u}) {
    INFO("counter in " << width << " bytes");
    const std::string overlong = tag(1, kVarint) + overlong_varint(5, width) + index.substr(2);
    CHECK(error_of([&] { format::decode_owner_index(overlong); }).code() == Code::format);
    const std::string nested = tag(1, kVarint) + overlong_varint(3, width) + uint_field(2, 2);
    CHECK(error_of([&] { format::decode_owner_index(uint_field(1, 5) + bytes_field(2, nested)); }).code() ==
          Code::format);
  }
  // 2^33 + 5 in a uint32 field: protobuf truncates it to 5, which re-serializes differently.
  const std::string too_big = uint_field(1, (uint64_t{1} << 33) + 5) + index.substr(2);
  CHECK(error_of([&] { format::decode_owner_index(too_big); }).code() == Code::format);
  const std::string nested_too_big =
      uint_field(1, 5) + bytes_field(2, uint_field(1, (uint64_t{1} << 32) + 3) + uint_field(2, 2));
  CHECK(error_of([&] { format::decode_owner_index(nested_too_big); }).code() == Code::format);
}

TEST_CASE("a default value written out is rejected (THREATS.md T7)", "[format][strict]") {
  // A first manifest has no previous hash; writing the empty field explicitly means the same to a
  // lenient parser but is a second encoding of the signed bytes.
  const format::Manifest m = sample_manifest(1);
  const std::string canonical = format::encode_manifest(m);
  REQUIRE_NOTHROW(format::decode_manifest(canonical));
  // Fields 1-5 come first; insert an empty field 6 right before owner_key_wrap (field 7).
  const std::string wrap_field = bytes_field(7, m.owner_key_wrap);
  const size_t at = canonical.find(wrap_field);
  REQUIRE(at != std::string::npos);
  std::string with_default = canonical;
  with_default.insert(at, bytes_field(6, ""));
  const Error e = error_of([&] { format::decode_manifest(with_default); });
  CHECK(e.code() == Code::format);
  CHECK(std::string(e.what()).find("canonical") != std::string::npos);
  // Same for a zero integer written out in a card (role = 0).
  const TestSigner signer;
  const std::string card = uint_field(1, 1) + uint_field(2, 1) + bytes_field(3, signer.keys.public_key) +
                           bytes_field(4, filled(32, 'x')) + uint_field(7, 0);
  CHECK(error_of([&] { format::decode_signed_card(signed_card_around(signer, card)); }).code() == Code::format);
}

TEST_CASE("fields out of order are rejected", "[format][strict]") {
  const std::string wire = sample_entry_wire();
  const std::string tag_field = bytes_field(1, filled(32, 't'));
  const std::string length_field = uint_field(2, kSampleBodyBytes);
  const std::string swapped = length_field + tag_field + wire.substr(tag_field.size() + length_field.size());
  REQUIRE(swapped.size() == wire.size());
  REQUIRE(swapped != wire);  // ciphertext_length first
  CHECK(error_of([&] { format::decode_section_entry(swapped); }).code() == Code::format);
  // In the manifest: the slot table (11) before the grant digests (9).
  format::Manifest m = sample_manifest();
  m.grant_digests = {filled(32, 'g')};
  const std::string canonical = format::encode_manifest(m);
  const std::string grants = bytes_field(9, m.grant_digests[0]);
  const std::string table = bytes_field(11, m.slot_commitments);
  const size_t at = canonical.find(grants + table);
  REQUIRE(at != std::string::npos);
  std::string reordered = canonical;
  reordered.replace(at, grants.size() + table.size(), table + grants);
  CHECK(error_of([&] { format::decode_manifest(reordered); }).code() == Code::format);
}

TEST_CASE("unknown fields are rejected, at any depth (THREATS.md T8)", "[format][strict]") {
  for (const std::string& extra : {uint_field(6, 1), uint_field(99, 0), bytes_field(1000, "x"),
                                   tag(15, kFixed64) + std::string(8, '\0')}) {
    const Error e = error_of([&] { format::decode_section_entry(sample_entry_wire() + extra); });
    CHECK(e.code() == Code::format);
  }
  const std::string with_unknown_manifest_field = format::encode_manifest(sample_manifest()) + uint_field(13, 1);
  CHECK(error_of([&] { format::decode_manifest(with_unknown_manifest_field); }).code() == Code::format);
  // Field 10 (the counter before it moved into the sealed index) is reserved: in its place, in
  // field order, it is an unknown field.
  const format::Manifest m = sample_manifest();
  const std::string canonical = format::encode_manifest(m);
  const size_t at = canonical.find(bytes_field(11, m.slot_commitments));
  REQUIRE(at != std::string::npos);
  std::string with_counter = canonical;
  with_counter.insert(at, uint_field(10, 7));
  const Error reserved = error_of([&] { format::decode_manifest(with_counter); });
  CHECK(reserved.code() == Code::format);
  CHECK(std::string(reserved.what()).find("unknown") != std::string::npos);
  // Inside a repeated SectionRef.
  const std::string first_ref = bytes_field(1, m.sections[0].slot_tag) + bytes_field(2, m.sections[0].entry_digest);
  const size_t ref_at = canonical.find(first_ref);
  REQUIRE(ref_at != std::string::npos);
  std::string ref_unknown = canonical;
  ref_unknown.insert(ref_at + first_ref.size(), uint_field(3, 1));
  ref_unknown[ref_at - 1] = static_cast<char>(first_ref.size() + 2);
  CHECK(error_of([&] { format::decode_manifest(ref_unknown); }).code() == Code::format);
  // Inside the nested kdf message.
  const format::IdentityFile f = sample_identity_file();
  const std::string payload = identity_payload_wire(f, kdf_wire(f.kdf) + uint_field(5, 1));
  const Error e = error_of([&] { format::decode_identity_file(identity_file_with_payload(payload)); });
  CHECK(e.code() == Code::format);
  CHECK(std::string(e.what()).find("unknown") != std::string::npos);
}

TEST_CASE("invalid UTF-8 in a card name is rejected (THREATS.md T9)", "[format][strict]") {
  const TestSigner signer;
  auto card_named = [&](const std::string& name) {
    return uint_field(1, 1) + uint_field(2, 2) + bytes_field(3, signer.keys.public_key) +
           bytes_field(4, filled(32, 'x')) + bytes_field(5, name) + uint_field(7, 3);
  };
  // Control: valid UTF-8 (with non-ASCII letters) under a valid self-signature decodes.
  REQUIRE(format::decode_signed_card(signed_card_around(signer, card_named("Försäkringskassan"))).card.name ==
          "Försäkringskassan");
  for (const std::string& bad : {std::string("\xff"), std::string("Malm\xf6"), std::string("\xc3\x28"),
                                 std::string("\xed\xa0\x80"), std::string("\xf4\x90\x80\x80"),
                                 std::string("\xc0\xaf")}) {
    const Error e = error_of([&] { format::decode_signed_card(signed_card_around(signer, card_named(bad))); });
    CHECK(e.code() == Code::format);  // not signature: the bytes are signed, the text is not text
  }
}

TEST_CASE("10,000-deep nesting is rejected with bounded stack (THREATS.md T4)", "[format][strict]") {
  // In a signed structure: as unknown groups after the entry, and inside the nested kdf.
  const std::string deep = nested_groups(20, 10000);
  CHECK(error_of([&] { format::decode_section_entry(sample_entry_wire() + deep); }).code() == Code::format);
  const format::IdentityFile f = sample_identity_file();
  const std::string payload = identity_payload_wire(f, kdf_wire(f.kdf) + deep);
  CHECK(error_of([&] { format::decode_identity_file(identity_file_with_payload(payload)); }).code() == Code::format);
}

TEST_CASE("section content is bounded at Kartla's nesting limit, below protobuf's", "[format][strict]") {
  // parse_bounded keeps unknown fields (a newer writer's additions), so only depth can fail it.
  google::protobuf::Empty empty;
  CHECK(format::parse_bounded(nested_groups(20, 8), empty));
  CHECK(format::parse_bounded(nested_groups(20, format::kMaxNesting - 1), empty));
  CHECK_FALSE(format::parse_bounded(nested_groups(20, format::kMaxNesting + 1), empty));
  CHECK_FALSE(format::parse_bounded(nested_groups(20, 100), empty));
  CHECK_FALSE(format::parse_bounded(nested_groups(20, 10000), empty));

  // A genuinely recursive schema (Value -> ListValue -> Value ...) nested through known fields.
  // Value { list_value (6): ListValue { values (1): Value { ... bool_value (4): true } } }, built
  // outside-in from precomputed lengths (re-wrapping the string at every level would be quadratic).
  auto nested_value = [](size_t depth) {
    const std::string core = uint_field(4, 1);
    std::vector<std::string> prefixes;
    size_t inner = core.size();
    for (size_t i = 0; i < depth; ++i) {
      const std::string values = tag(1, kLength) + varint(inner);
      const size_t list = values.size() + inner;
      const std::string list_value = tag(6, kLength) + varint(list);
      prefixes.push_back(list_value + values);
      inner = list_value.size() + list;
    }
    std::string out;
    out.reserve(inner);
    for (auto it = prefixes.rbegin(); it != prefixes.rend(); ++it) out += *it;
    return out + core;
  };
  google::protobuf::Value value;
  CHECK(format::parse_bounded(nested_value(4), value));
  CHECK_FALSE(format::parse_bounded(nested_value(format::kMaxNesting), value));
  CHECK_FALSE(format::parse_bounded(nested_value(10000), value));
}

TEST_CASE("parse_strict refuses input over its size limit before parsing", "[format][strict]") {
  google::protobuf::Empty empty;
  const Error e = error_of([&] { format::parse_strict(std::string(101, '\0'), empty, "thing", 100); });
  CHECK(e.code() == Code::limit);
  CHECK(std::string(e.what()).find("thing") != std::string::npos);
  CHECK_NOTHROW(format::parse_strict(std::string(), empty, "thing", 100));
  CHECK(error_of([&] { format::parse_strict(std::string(1, '\0'), empty, "thing", 100); }).code() == Code::format);
}
