// SPDX-License-Identifier: Apache-2.0
// The record half of negative.json: one mutation of record.json's files per vector. Where the
// mutation must get past the owner's signature to reach the check it aims at, the manifest is
// re-signed with the owner's key (an owner attacking an agency, or a bug in a writer), and where
// it must get past the owner index, the index is re-sealed with the record master key. Expected
// outcomes are written here from docs/SPEC.md, not taken from the library.
#include <algorithm>
#include <array>
#include <memory>
#include <stdexcept>

#include "crypto/aead.h"
#include "crypto/box.h"
#include "crypto/kdf.h"
#include "crypto/random.h"
#include "format/byte_source.h"
#include "format/container_reader.h"
#include "format/framing.h"
#include "format/labels.h"
#include "format/section_crypto.h"
#include "forge.h"
#include "generator.h"
#include "model/record.h"
#include "model/section_registry.h"
#include "mutate.h"
#include "negative_set.h"
#include "wire.h"

namespace kartla::vectors {
namespace {

namespace label = format::label;

constexpr uint32_t kProfileId = 1;
constexpr uint32_t kLanguagesId = 5;
constexpr uint32_t kNotesId = 11;

// The canonical Manifest encoding, one string per field number, so one field can be re-encoded.
std::array<std::string, 13> manifest_fields(const format::Manifest& m) {
  std::array<std::string, 13> f;
  f[1] = wire::varint_field(1, 1);
  f[2] = wire::bytes_field(2, m.record_id);
  f[3] = wire::bytes_field(3, m.owner_signing_key);
  f[4] = wire::bytes_field(4, m.owner_encryption_key);
  f[5] = wire::varint_field(5, m.sequence);
  f[6] = wire::bytes_field(6, m.previous_manifest_hash);
  f[7] = wire::bytes_field(7, m.owner_key_wrap);
  for (const auto& r : m.sections)
    f[8] += wire::bytes_always(8, wire::bytes_field(1, r.slot_tag) + wire::bytes_field(2, r.entry_digest));
  for (const auto& d : m.grant_digests) f[9] += wire::bytes_always(9, d);
  f[11] = wire::bytes_field(11, m.slot_commitments);
  f[12] = wire::bytes_field(12, m.sealed_index);
  return f;
}

std::string join(const std::array<std::string, 13>& fields) {
  std::string out;
  for (const auto& f : fields) out += f;
  return out;
}

// Everything the record mutations share: the parsed versions and the keys that can re-sign.
struct Base {
  ContainerParts v1;
  ContainerParts v2;
  ContainerParts other;  // another record of the same owner
  const crypto::SigningKeyPair& owner;
  const crypto::BoxKeyPair& owner_box;
  RecordKeys keys;        // v1's and v2's record master key
  RecordKeys other_keys;  // the other record's
  crypto::SigningKeyPair attacker;
  crypto::BoxKeyPair attacker_box;
  size_t profile = 0;  // positions in v1's file order (ascending slot tag)
  size_t notes = 0;
};

size_t position_of(const ContainerParts& p, const std::string& slot_tag) {
  for (size_t i = 0; i < p.entries.size(); ++i)
    if (slot_tag_of_entry(p.entries[i]) == slot_tag) return i;
  throw std::logic_error("no entry with that slot tag");
}

// The profile content of v1, opened with the owner's key.
std::string profile_content(const Base& b) {
  const format::SectionEntry e = format::decode_section_entry(b.v1.entries[b.profile]);
  const format::SectionSlot slot{b.keys.record_id, kProfileId, 1};
  return format::open_section(b.keys.section_key(kProfileId, 1), slot, e, b.v1.bodies[b.profile])
      .view()
      .to_string();
}

// v1 with the profile section replaced by (entry, body), listed and signed by the owner.
std::string with_profile(const Base& b, const format::SectionEntry& entry, const std::string& body) {
  ContainerParts p = b.v1;
  const std::string replaced = entry_wire(entry);
  relist_entry(p.manifest, p.entries[b.profile], replaced);
  p.entries[b.profile] = replaced;
  p.bodies[b.profile] = body;
  encode_and_sign(p, b.owner);
  return assemble(p);
}

// `padded` sealed under profile's own key (generation 1) with `ad`, in an entry that is
// consistent in every other respect (hash, length, commitment): only the AEAD or the padding can
// notice.
std::string with_profile_sealed(const Base& b, const std::string& padded, const std::string& ad) {
  const format::SectionEntry original = format::decode_section_entry(b.v1.entries[b.profile]);
  const std::string body = crypto::aead_seal(b.keys.section_key(kProfileId, 1), padded, ad);
  format::SectionEntry entry = original;
  entry.ciphertext_length = body.size();
  entry.ciphertext_hash = crypto::digest_bytes(format::ciphertext_hash(body));
  return with_profile(b, entry, body);
}

std::string ad_of(uint32_t version, const std::string& record_id, uint32_t section, uint32_t generation) {
  auto le32 = [](uint32_t v) {
    std::string out;
    for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
    return out;
  };
  return std::string(label::kSectionAd) + '\0' + le32(version) + record_id + le32(section) + le32(generation);
}

std::string resigned_manifest(const Base& b, const ContainerParts& base, const std::string& manifest_bytes) {
  ContainerParts p = base;
  p.manifest_bytes = manifest_bytes;
  sign_as_is(p, b.owner);
  return assemble(p);
}

// v1 with its manifest changed by `change` and re-signed.
template <typename Change>
std::string resigned(const Base& b, const ContainerParts& base, Change change) {
  ContainerParts p = base;
  change(p.manifest);
  encode_and_sign(p, b.owner);
  return assemble(p);
}

void framing_vectors(NegativeSet& set, const Base& b, const std::string& v1) {
  size_t bodies = 0;
  for (const auto& body : b.v1.bodies) bodies += body.size();
  const size_t header_length = v1.size() - format::kFramePrefixBytes - bodies;
  set.record("empty_file", "zero bytes", "", "E_FORMAT", "E_FORMAT");
  set.record("truncated_in_prefix", "the first 11 bytes only", v1.substr(0, 11), "E_FORMAT", "E_FORMAT");
  set.record("truncated_in_header", "cut in the middle of the header",
             v1.substr(0, format::kFramePrefixBytes + header_length / 2), "E_FORMAT", "E_FORMAT");
  set.record("truncated_in_last_body", "the last byte of the last section body removed",
             v1.substr(0, v1.size() - 1), "E_FORMAT", "E_FORMAT");
  set.record("trailing_byte", "one zero byte appended", v1 + std::string(1, '\0'), "E_FORMAT", "E_FORMAT");
  set.record("two_records_concatenated", "the file twice in a row", v1 + v1, "E_FORMAT", "E_FORMAT");
  set.record("bad_magic", "\"kARTLA\" instead of \"KARTLA\"", flip_bit(v1, 0, 5), "E_FORMAT", "E_FORMAT");
  std::string card_type = v1;
  card_type[6] = 'C';
  set.record("wrong_file_type", "type letter 'C' (a card) instead of 'R'", card_type, "E_FORMAT", "E_FORMAT");
  std::string major2 = v1;
  major2[7] = 2;
  set.record("major_version_2", "prefix version byte 2", major2, "E_VERSION", "E_VERSION");
  std::string huge = v1;
  const uint32_t over = (1u << 20) + 1;
  for (int i = 0; i < 4; ++i) huge[8 + i] = static_cast<char>((over >> (8 * i)) & 0xff);
  set.record("header_length_over_limit", "declared header length 1 MiB + 1, refused before it is read", huge,
             "E_LIMIT", "E_LIMIT");
}

void header_vectors(NegativeSet& set, const Base& b) {
  ContainerParts p = b.v1;
  p.header_version = 2;
  set.record("header_format_version_2", "RecordHeader.format_version = 2", assemble(p), "E_VERSION", "E_VERSION");
  p = b.v1;
  p.header_suffix = wire::varint_always(15, 1);
  set.record("header_unknown_field", "RecordHeader field 15 (varint 1) appended", assemble(p), "E_FORMAT",
             "E_FORMAT");
  p = b.v1;
  p.signature.pop_back();
  set.record("signature_63_bytes", "manifest_signature one byte short", assemble(p), "E_FORMAT", "E_FORMAT");
}

void signature_vectors(NegativeSet& set, const Base& b) {
  ContainerParts p = b.v1;
  p.signature = flip_bit(p.signature, 10, 0);
  set.record("signature_bit_flipped", "bit 0 of signature byte 10 flipped", assemble(p), "E_SIGNATURE",
             "E_SIGNATURE");
  p = b.v1;
  p.manifest.record_id = flip_bit(p.manifest.record_id, 0, 0);
  p.manifest_bytes = manifest_wire(p.manifest);
  set.record("manifest_changed_after_signing", "one bit of the record id changed, signature kept", assemble(p),
             "E_SIGNATURE", "E_SIGNATURE");
  p = b.v1;
  sign_as_is(p, b.attacker);
  set.record("signed_by_another_key", "the same manifest signed by a key other than owner_signing_key",
             assemble(p), "E_SIGNATURE", "E_SIGNATURE");
  p = b.v1;
  p.signature = crypto::sign_with_label(label::kCardSignature, b.owner, p.manifest_bytes);
  set.record("manifest_signed_with_card_label", "owner's signature under label kartla/v1/card (domain separation)",
             assemble(p), "E_SIGNATURE", "E_SIGNATURE");
  p = b.v1;
  p.manifest.owner_signing_key = b.attacker.public_key;
  p.manifest.owner_encryption_key = b.attacker_box.public_key;
  encode_and_sign(p, b.attacker);
  set.record("owner_keys_replaced",
             "owner keys in the manifest replaced by another identity's and re-signed by it: valid to a keyless "
             "verifier (which reports the other fingerprint), not the owner's record",
             assemble(p), "OK", "E_AUTH");
}

void manifest_encoding_vectors(NegativeSet& set, const Base& b) {
  const auto f = manifest_fields(b.v1.manifest);
  if (join(f) != b.v1.manifest_bytes) throw std::logic_error("manifest_fields does not give v1's manifest");
  {
    auto g = f;
    g[1] = wire::varint_field(1, 2);
    set.record("manifest_version_2", "Manifest.format_version = 2, re-signed", resigned_manifest(b, b.v1, join(g)),
               "E_VERSION", "E_VERSION");
  }
  set.record("manifest_duplicate_field", "Manifest.sequence written a second time at the end, re-signed",
             resigned_manifest(b, b.v1, join(f) + wire::varint_always(5, 1)), "E_FORMAT", "E_FORMAT");
  {
    auto g = f;
    g[5] = wire::tag(5, 0) + std::string("\x81\x00", 2);
    set.record("manifest_overlong_varint", "Manifest.sequence = 1 encoded in two bytes (81 00), re-signed",
               resigned_manifest(b, b.v1, join(g)), "E_FORMAT", "E_FORMAT");
  }
  {
    auto g = f;
    g[6] = wire::bytes_always(6, "");
    set.record("manifest_default_written", "an empty previous_manifest_hash written out at sequence 1, re-signed",
               resigned_manifest(b, b.v1, join(g)), "E_FORMAT", "E_FORMAT");
  }
  set.record("manifest_unknown_field", "Manifest field 15 (varint 1) appended, re-signed",
             resigned_manifest(b, b.v1, join(f) + wire::varint_always(15, 1)), "E_FORMAT", "E_FORMAT");
  {
    auto g = f;
    g[10] = wire::varint_always(10, 2);
    set.record("manifest_reserved_field_10",
               "Manifest field 10 (the old highest_generation, varint 2) written between fields 9 and 11, re-signed: "
               "field 10 is reserved, so unknown",
               resigned_manifest(b, b.v1, join(g)), "E_FORMAT", "E_FORMAT");
  }
  {
    auto g = f;
    const std::string refs = g[8];
    g[8] = wire::bytes_always(8, wire::bytes_field(1, b.v1.manifest.sections[0].slot_tag) +
                                     wire::bytes_field(2, b.v1.manifest.sections[0].entry_digest) +
                                     wire::varint_always(3, 1));
    for (size_t i = 1; i < b.v1.manifest.sections.size(); ++i)
      g[8] += wire::bytes_always(8, wire::bytes_field(1, b.v1.manifest.sections[i].slot_tag) +
                                        wire::bytes_field(2, b.v1.manifest.sections[i].entry_digest));
    set.record("section_ref_unknown_field", "the first SectionRef of Manifest.sections with a field 3, re-signed",
               resigned_manifest(b, b.v1, join(g)), "E_FORMAT", "E_FORMAT");
  }
}

void manifest_value_vectors(NegativeSet& set, const Base& b) {
  set.record("sequence_zero", "Manifest.sequence = 0 (absent), re-signed",
             resigned(b, b.v1, [](format::Manifest& m) { m.sequence = 0; }), "E_FORMAT", "E_FORMAT");
  set.record("previous_hash_missing", "version 2 with previous_manifest_hash removed, re-signed",
             resigned(b, b.v2, [](format::Manifest& m) { m.previous_manifest_hash.clear(); }), "E_FORMAT",
             "E_FORMAT");
  set.record("previous_hash_at_sequence_1", "version 1 with a previous_manifest_hash, re-signed",
             resigned(b, b.v1, [&](format::Manifest& m) { m.previous_manifest_hash = b.v2.manifest.previous_manifest_hash; }),
             "E_FORMAT", "E_FORMAT");
  set.record("record_id_15_bytes", "record id one byte short, re-signed",
             resigned(b, b.v1, [](format::Manifest& m) { m.record_id.pop_back(); }), "E_FORMAT", "E_FORMAT");
  set.record("owner_key_wrap_79_bytes", "owner_key_wrap one byte short, re-signed",
             resigned(b, b.v1, [](format::Manifest& m) { m.owner_key_wrap.pop_back(); }), "E_FORMAT", "E_FORMAT");
  set.record("owner_key_wrap_corrupted", "one bit of owner_key_wrap's ciphertext flipped, re-signed",
             resigned(b, b.v1, [](format::Manifest& m) { m.owner_key_wrap = flip_bit(m.owner_key_wrap, 40, 0); }),
             "OK", "E_INTEGRITY");
  set.record("manifest_lists_65_sections", "63 further (slot tag, digest) pairs listed (65 in all), re-signed",
             resigned(b, b.v1,
                      [](format::Manifest& m) {
                        for (int i = 0; i < 63; ++i)
                          m.sections.push_back({crypto::random_public_bytes(32), crypto::random_public_bytes(32)});
                        format::sort_section_refs(m.sections);
                      }),
             "E_LIMIT", "E_LIMIT");
}

// SPEC §5.3 and §6.3 step 4: the (slot tag, digest) list, the slot table and the sealed index,
// all checkable without a key; and the owner's check of the slot table against the RMK.
void slot_vectors(NegativeSet& set, const Base& b) {
  set.record("slot_tags_descending", "Manifest.sections in descending slot-tag order, re-signed",
             resigned(b, b.v1, [](format::Manifest& m) { std::reverse(m.sections.begin(), m.sections.end()); }),
             "E_FORMAT", "E_FORMAT");
  set.record("slot_tag_repeated",
             "the second (slot tag, digest) pair given the first pair's slot tag, re-signed: two entries listed for "
             "one slot",
             resigned(b, b.v1, [](format::Manifest& m) { m.sections.at(1).slot_tag = m.sections.at(0).slot_tag; }),
             "E_FORMAT", "E_FORMAT");
  set.record("slot_tag_31_bytes", "the first pair's slot tag one byte short, re-signed",
             resigned(b, b.v1, [](format::Manifest& m) { m.sections.at(0).slot_tag.pop_back(); }), "E_FORMAT",
             "E_FORMAT");
  set.record("slot_table_2016_bytes", "slot_commitments one commitment (32 bytes) short, re-signed",
             resigned(b, b.v1, [](format::Manifest& m) { m.slot_commitments.resize(2016); }), "E_FORMAT",
             "E_FORMAT");
  set.record("slot_table_absent", "slot_commitments absent, re-signed",
             resigned(b, b.v1, [](format::Manifest& m) { m.slot_commitments.clear(); }), "E_FORMAT", "E_FORMAT");
  set.record("slot_commitment_repeated",
             "the slot table's second commitment (section 2) replaced by its first (section 1), re-signed: one slot "
             "secret would stand for two sections",
             resigned(b, b.v1, [](format::Manifest& m) { m.slot_commitments.replace(32, 32, m.slot_commitments.substr(0, 32)); }),
             "E_FORMAT", "E_FORMAT");
  set.record("slot_commitment_not_the_records",
             "the slot table's last commitment (section 64, not in the record) replaced by 32 random bytes, "
             "re-signed: every rule a keyless reader knows holds; the owner's RMK gives another table",
             resigned(b, b.v1, [](format::Manifest& m) { m.slot_commitments.replace(63 * 32, 32, crypto::random_public_bytes(32)); }),
             "OK", "E_INTEGRITY");
  set.record("slot_table_of_another_record",
             "the slot table of another record of the same owner, re-signed (its 64 commitments are distinct)",
             resigned(b, b.v1, [&](format::Manifest& m) { m.slot_commitments = b.other.manifest.slot_commitments; }),
             "OK", "E_INTEGRITY");
  set.record("sealed_index_1063_bytes", "sealed_index one byte short, re-signed",
             resigned(b, b.v1, [](format::Manifest& m) { m.sealed_index.pop_back(); }), "E_FORMAT", "E_FORMAT");
  set.record("sealed_index_absent", "sealed_index absent, re-signed",
             resigned(b, b.v1, [](format::Manifest& m) { m.sealed_index.clear(); }), "E_FORMAT", "E_FORMAT");
}

void entry_vectors(NegativeSet& set, const Base& b) {
  const format::SectionEntry profile = format::decode_section_entry(b.v1.entries[b.profile]);
  {
    ContainerParts p = b.v1;
    format::SectionEntry e = profile;
    e.key_commitment = flip_bit(e.key_commitment, 0, 0);
    p.entries[b.profile] = entry_wire(e);
    set.record("entry_not_listed", "one bit of profile's key commitment flipped; manifest unchanged", assemble(p),
               "E_SIGNATURE", "E_SIGNATURE");
  }
  {
    ContainerParts p = b.v1;
    p.entries.insert(p.entries.begin() + static_cast<long>(b.profile), p.entries[b.profile]);
    p.bodies.insert(p.bodies.begin() + static_cast<long>(b.profile), p.bodies[b.profile]);
    set.record("entry_twice",
               "profile entry and body present twice in a row (the entry is listed once): a slot tag already seen",
               assemble(p), "E_FORMAT", "E_FORMAT");
  }
  {
    ContainerParts p = b.v1;
    const std::string changed = p.entries[b.profile] + wire::varint_always(15, 1);
    relist_entry(p.manifest, p.entries[b.profile], changed);
    p.entries[b.profile] = changed;
    encode_and_sign(p, b.owner);
    set.record("entry_unknown_field", "SectionEntry field 15 appended to profile's entry, listed and re-signed",
               assemble(p), "E_FORMAT", "E_FORMAT");
  }
  {
    ContainerParts p = b.v1;
    const std::string digest = crypto::digest_bytes(entry_digest(p.entries[b.profile]));
    for (auto& r : p.manifest.sections)
      if (r.entry_digest == digest) r.slot_tag = b.keys.slot_tag(2);
    format::sort_section_refs(p.manifest.sections);
    encode_and_sign(p, b.owner);
    set.record("entry_in_another_slot",
               "the manifest pairs profile's entry digest with the slot tag of section 2 (education, not in the "
               "record) while the entry carries profile's tag, re-signed",
               assemble(p), "E_FORMAT", "E_FORMAT");
  }
  auto sealed_length = [&](size_t plaintext_length, const char* name, const char* comment) {
    const std::string body = crypto::aead_seal(b.keys.section_key(kProfileId, 1), std::string(plaintext_length, '\0'),
                                               ad_of(1, b.keys.record_id, kProfileId, 1));
    format::SectionEntry e = profile;
    e.ciphertext_length = body.size();
    e.ciphertext_hash = crypto::digest_bytes(format::ciphertext_hash(body));
    set.record(name, comment, with_profile(b, e, body), "E_FORMAT", "E_FORMAT");
  };
  sealed_length(1023, "ciphertext_length_1063",
                "profile's body replaced by 1023 zero bytes sealed under its key (a 1063-byte body, below the 1 KiB "
                "padding floor), entry matching, listed and re-signed");
  sealed_length(1025, "ciphertext_length_not_padded",
                "profile's body replaced by 1025 zero bytes sealed under its key (1065 bytes; 1025 is not a padded "
                "length), entry matching, listed and re-signed");
  {
    format::SectionEntry e = profile;
    e.ciphertext_length = (272ull << 20) + 40;
    set.record("ciphertext_length_over_limit",
               "profile's entry claims 272 MiB + 40 bytes (a padded length, above the 264 MiB + 40 limit), listed and "
               "re-signed: refused before the file's size is looked at",
               with_profile(b, e, b.v1.bodies[b.profile]), "E_LIMIT", "E_LIMIT");
  }
  {
    format::SectionEntry e = profile;
    e.ciphertext_length = 1088 + 40;
    set.record("ciphertext_length_past_end",
               "profile's entry claims 1128 bytes (the next padded length) for its 1064-byte body, listed and "
               "re-signed: the bodies run past the end of the file",
               with_profile(b, e, b.v1.bodies[b.profile]), "E_FORMAT", "E_FORMAT");
  }
  {
    ContainerParts p = b.v1;
    p.entries.erase(p.entries.begin() + static_cast<long>(b.notes));
    p.bodies.erase(p.bodies.begin() + static_cast<long>(b.notes));
    set.record("section_listed_but_absent",
               "notes entry and body removed, manifest unchanged: a valid share bundle, but not the owner's record",
               assemble(p), "OK", "E_FORMAT");
  }
}

void section_crypto_vectors(NegativeSet& set, const Base& b) {
  const format::SectionEntry profile = format::decode_section_entry(b.v1.entries[b.profile]);
  {
    ContainerParts p = b.v1;
    p.bodies[b.profile] = flip_bit(p.bodies[b.profile], 30, 0);
    set.record("ciphertext_bit_flipped", "one bit of the profile ciphertext flipped", assemble(p), "E_INTEGRITY",
               "OK", "E_INTEGRITY");
  }
  const size_t other_profile = position_of(b.other, b.other_keys.slot_tag(kProfileId));
  {
    ContainerParts p = b.v1;
    p.entries[b.profile] = b.other.entries[other_profile];
    p.bodies[b.profile] = b.other.bodies[other_profile];
    set.record("section_from_other_record", "profile entry and body copied from another record of the same owner",
               assemble(p), "E_SIGNATURE", "E_SIGNATURE");
  }
  {
    format::SectionEntry moved = format::decode_section_entry(b.other.entries[other_profile]);
    moved.slot_tag = profile.slot_tag;
    set.record("section_from_other_record_listed",
               "profile entry and body copied from another record of the same owner, given this record's profile "
               "slot tag, then listed and re-signed: the key commitment does not match this record's key",
               with_profile(b, moved, b.other.bodies[other_profile]), "OK", "OK", "E_INTEGRITY");
  }
  {
    format::SectionEntry e = profile;
    e.key_commitment = crypto::random_public_bytes(32);
    set.record("key_commitment_mismatch", "profile entry's key commitment replaced, listed and re-signed",
               with_profile(b, e, b.v1.bodies[b.profile]), "OK", "OK", "E_INTEGRITY");
  }
  const std::string padded = pad(profile_content(b));
  const std::string& rid = b.keys.record_id;
  const std::string& other_rid = b.other.manifest.record_id;
  set.record("ad_binds_record_id", "profile sealed with its own key but another record id in the AD",
             with_profile_sealed(b, padded, ad_of(1, other_rid, 1, 1)), "OK", "OK", "E_INTEGRITY");
  set.record("ad_binds_section_id", "profile sealed with its own key but section id 2 in the AD",
             with_profile_sealed(b, padded, ad_of(1, rid, 2, 1)), "OK", "OK", "E_INTEGRITY");
  set.record("ad_binds_generation", "profile sealed with its own key but generation 2 in the AD",
             with_profile_sealed(b, padded, ad_of(1, rid, 1, 2)), "OK", "OK", "E_INTEGRITY");
  set.record("ad_binds_format_version", "profile sealed with its own key but format version 2 in the AD",
             with_profile_sealed(b, padded, ad_of(2, rid, 1, 1)), "OK", "OK", "E_INTEGRITY");
  // The control: the same construction with the right AD must open, or the four above prove nothing.
  {
    auto control = std::make_shared<format::OwnedMemorySource>(with_profile_sealed(b, padded, ad_of(1, rid, 1, 1)));
    const model::Record opened = model::Record::open(control, {b.owner, b.owner_box});
    if (opened.read_section(model::section_by_name("profile")).view().to_string() != profile_content(b))
      throw std::logic_error("the AD control does not read back");
  }

  // SPEC §5.4: one content, one padded form. The owner re-encrypts profile under its own key with
  // padding the format does not allow; hash, length and commitment all agree.
  const std::string content = profile_content(b);
  const std::string ad = ad_of(1, rid, kProfileId, 1);
  std::string no_marker = padded;
  no_marker[content.size()] = '\0';
  set.record("padding_without_marker",
             "profile re-encrypted by the owner with the 0x80 marker after its content replaced by 0x00 (1024 "
             "bytes: content and zeros), listed and re-signed",
             with_profile_sealed(b, no_marker, ad), "OK", "OK", "E_FORMAT");
  std::string nonzero = padded;
  nonzero[1023] = '\x01';
  set.record("padding_nonzero_after_marker",
             "profile re-encrypted by the owner with the last padding byte 0x01 instead of 0x00, listed and re-signed",
             with_profile_sealed(b, nonzero, ad), "OK", "OK", "E_FORMAT");
  const std::string larger = content + '\x80' + std::string(1088 - content.size() - 1, '\0');
  set.record("padding_to_a_larger_bucket",
             "profile re-encrypted by the owner padded to 1088 bytes (a padded length, but not padded_size of its "
             "content, 1024), listed and re-signed",
             with_profile_sealed(b, larger, ad), "OK", "OK", "E_FORMAT");
}

// SPEC §6.2: the owner index. Each file is consistent in every other respect (the owner re-sealed
// the index with the RMK and re-signed), so only the rule named can refuse it.
void owner_index_vectors(NegativeSet& set, const Base& b) {
  const format::OwnerIndex index = b.keys.open_index(b.v1.manifest);
  if (index.highest_generation != 2 || index.sections.size() != 2 || index.sections[0].section_id != kProfileId ||
      index.sections[0].generation != 1 || index.sections[1].section_id != kNotesId ||
      index.sections[1].generation != 2)
    throw std::logic_error("the index vectors below assume profile at generation 1 and notes at 2");
  // v1 with its index replaced by `sealed`, re-signed.
  auto with_sealed = [&](const std::string& sealed) {
    return resigned(b, b.v1, [&](format::Manifest& m) { m.sealed_index = sealed; });
  };
  auto with_index = [&](const format::OwnerIndex& changed) {
    return with_sealed(b.keys.seal_index(b.v1.manifest.sequence, changed));
  };
  // An index encoding the library would not write, padded and sealed as the format says.
  auto with_index_bytes = [&](const std::string& encoded) {
    return with_sealed(b.keys.seal_index_bytes(b.v1.manifest.sequence, pad(encoded)));
  };
  auto indexed = [](uint32_t id, uint32_t generation) {
    return wire::bytes_always(2, wire::varint_field(1, id) + wire::varint_field(2, generation));
  };

  set.record("index_does_not_open", "one bit of sealed_index's ciphertext flipped, re-signed",
             with_sealed(flip_bit(b.v1.manifest.sealed_index, 100, 0)), "OK", "E_INTEGRITY");
  set.record("index_from_another_version",
             "version 2 with version 1's sealed_index (the same sections and generations, sealed for sequence 1), "
             "re-signed: the sequence in the index AD differs",
             resigned(b, b.v2, [&](format::Manifest& m) { m.sealed_index = b.v1.manifest.sealed_index; }), "OK",
             "E_INTEGRITY");
  {
    std::string padded = pad(index_wire(index));
    padded[index_wire(index).size()] = '\0';
    set.record("index_padding_without_marker", "the index re-sealed with its 0x80 padding marker replaced by 0x00, "
               "re-signed",
               with_sealed(b.keys.seal_index_bytes(b.v1.manifest.sequence, padded)), "OK", "E_FORMAT");
  }
  set.record("index_unknown_field", "OwnerIndex field 3 (varint 1) appended, re-sealed and re-signed",
             with_index_bytes(index_wire(index) + wire::varint_always(3, 1)), "OK", "E_FORMAT");
  set.record("index_duplicate_field", "OwnerIndex.highest_generation written twice, re-sealed and re-signed",
             with_index_bytes(wire::varint_field(1, 2) + wire::varint_field(1, 2) + indexed(1, 1) + indexed(11, 2)),
             "OK", "E_FORMAT");
  set.record("index_section_id_zero",
             "the index's profile entry has section_id 0 (absent), re-sealed and re-signed",
             with_index_bytes(wire::varint_field(1, 2) + indexed(0, 1) + indexed(11, 2)), "OK", "E_FORMAT");
  set.record("index_section_id_65", "the index names section 65 at generation 1 in place of profile, re-sealed and "
             "re-signed",
             with_index({2, {{11, 2}, {65, 1}}}), "OK", "E_FORMAT");
  set.record("index_not_ascending", "the index lists notes before profile, re-sealed and re-signed",
             with_index({2, {{11, 2}, {1, 1}}}), "OK", "E_FORMAT");
  set.record("index_section_twice", "the index lists profile twice (and no notes), re-sealed and re-signed",
             with_index({2, {{1, 1}, {1, 1}}}), "OK", "E_FORMAT");
  set.record("index_generation_zero", "the index gives profile generation 0 (absent), re-sealed and re-signed",
             with_index({2, {{1, 0}, {11, 2}}}), "OK", "E_FORMAT");
  set.record("index_highest_generation_absent", "the index's highest_generation 0 (absent), re-sealed and re-signed",
             with_index({0, {{1, 1}, {11, 2}}}), "OK", "E_FORMAT");
  set.record("index_highest_generation_lowered",
             "the index's highest_generation one below notes' generation 2, re-sealed and re-signed",
             with_index({1, {{1, 1}, {11, 2}}}), "OK", "E_FORMAT");
  set.record("index_lists_fewer_sections", "the index lists profile only (the manifest two sections), re-sealed and "
             "re-signed",
             with_index({2, {{1, 1}}}), "OK", "E_FORMAT");
  set.record("index_lists_more_sections",
             "the index lists profile, languages (generation 1) and notes (the manifest two sections), re-sealed and "
             "re-signed",
             with_index({2, {{1, 1}, {kLanguagesId, 1}, {11, 2}}}), "OK", "E_FORMAT");
  set.record("index_names_a_section_not_listed",
             "the index lists profile and languages: as many sections as the manifest, but languages' slot tag is "
             "not listed, re-sealed and re-signed",
             with_index({2, {{1, 1}, {kLanguagesId, 2}}}), "OK", "E_FORMAT");
  set.record("index_wrong_generation",
             "the index gives profile generation 2 (within the counter; notes keeps 2), re-sealed and re-signed: the "
             "index is well-formed, but profile's key at generation 2 does not match its key commitment",
             with_index({2, {{1, 2}, {11, 2}}}), "OK", "OK", "E_INTEGRITY");

  // SPEC §5.2: profile sealed correctly at generation highest + 1 (key, AD, commitment, hash and
  // listing all agree), the index naming that generation but keeping the counter.
  const std::string content = profile_content(b);
  auto profile_at = [&](uint32_t generation, uint32_t counter) {
    const format::SectionSlot slot{b.keys.record_id, kProfileId, generation};
    const format::SealedSection sealed =
        format::seal_section(b.keys.section_key(kProfileId, generation), slot, b.keys.slot_tag(kProfileId), content);
    ContainerParts p = b.v1;
    const std::string replaced = entry_wire(sealed.entry);
    relist_entry(p.manifest, p.entries[b.profile], replaced);
    p.entries[b.profile] = replaced;
    p.bodies[b.profile] = sealed.body;
    p.manifest.sealed_index = b.keys.seal_index(p.manifest.sequence, {counter, {{1, generation}, {11, 2}}});
    encode_and_sign(p, b.owner);
    return assemble(p);
  };
  set.record("index_generation_above_highest",
             "profile sealed correctly at generation 3 (key, AD, commitment, hash all consistent), listed, the index "
             "naming generation 3 but its highest_generation left at 2, re-sealed and re-signed",
             profile_at(3, 2), "OK", "E_FORMAT");
  // The control: the same file with the counter raised to match must open, or the vector above
  // proves nothing.
  {
    auto control = std::make_shared<format::OwnedMemorySource>(profile_at(3, 3));
    const model::Record opened = model::Record::open(control, {b.owner, b.owner_box});
    if (opened.read_section(model::section_by_name("profile")).view().to_string() != content)
      throw std::logic_error("the generation-counter control does not read back");
  }
}

void grant_vectors(NegativeSet& set, const Base& b) {
  const std::string grant = "opaque grant bytes";
  ContainerParts p = b.v1;
  p.grants.push_back(grant);
  set.record("grant_not_listed", "a grant present in the header but not listed in the manifest", assemble(p),
             "E_SIGNATURE", "E_SIGNATURE");
  p = b.v1;
  p.manifest.grant_digests.push_back(crypto::digest_bytes(format::grant_digest(grant)));
  encode_and_sign(p, b.owner);
  set.record("grant_listed_but_absent", "a grant listed in the re-signed manifest but not present: a bundle",
             assemble(p), "OK", "E_FORMAT");
}

}  // namespace

void record_negative_vectors(NegativeSet& set, const Owner& owner, const Records& records) {
  const crypto::BoxKeyPair& box = owner.identity.box_keys();
  ContainerParts v1 = split_container(records.v1.file);
  ContainerParts other = split_container(records.other_record);
  RecordKeys keys = record_keys(v1.manifest, box);
  RecordKeys other_keys = record_keys(other.manifest, box);
  Base b{std::move(v1),
         split_container(records.v2.file),
         std::move(other),
         owner.identity.signing_keys(),
         box,
         std::move(keys),
         std::move(other_keys),
         crypto::signing_keypair_from_seed(crypto::random_secret(32)),
         crypto::box_keypair_generate()};
  b.profile = position_of(b.v1, b.keys.slot_tag(kProfileId));
  b.notes = position_of(b.v1, b.keys.slot_tag(kNotesId));

  framing_vectors(set, b, records.v1.file);
  header_vectors(set, b);
  signature_vectors(set, b);
  manifest_encoding_vectors(set, b);
  manifest_value_vectors(set, b);
  slot_vectors(set, b);
  entry_vectors(set, b);
  section_crypto_vectors(set, b);
  owner_index_vectors(set, b);
  grant_vectors(set, b);
}

}  // namespace kartla::vectors
