// The record half of negative.json: one mutation of record.json's files per vector. Where the
// mutation must get past the owner's signature to reach the check it aims at, the manifest is
// re-signed with the owner's key (an owner attacking an agency, or a bug in a writer).
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

constexpr size_t kProfile = 0;  // entries are in ascending section id: profile (1), notes (11)
constexpr size_t kNotes = 1;

// The canonical Manifest encoding, one string per field number, so one field can be re-encoded.
std::array<std::string, 11> manifest_fields(const format::Manifest& m) {
  std::array<std::string, 11> f;
  f[1] = wire::varint_field(1, 1);
  f[2] = wire::bytes_field(2, m.record_id);
  f[3] = wire::bytes_field(3, m.owner_signing_key);
  f[4] = wire::bytes_field(4, m.owner_encryption_key);
  f[5] = wire::varint_field(5, m.sequence);
  f[6] = wire::bytes_field(6, m.previous_manifest_hash);
  f[7] = wire::bytes_field(7, m.owner_key_wrap);
  for (const auto& d : m.section_digests) f[8] += wire::bytes_always(8, d);
  for (const auto& d : m.grant_digests) f[9] += wire::bytes_always(9, d);
  f[10] = wire::varint_field(10, m.highest_generation);
  return f;
}

std::string join(const std::array<std::string, 11>& fields) {
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
  crypto::SecretBuffer rmk;  // v1's record master key
  crypto::SigningKeyPair attacker;
  crypto::BoxKeyPair attacker_box;
};

// v1 with the profile section replaced by (entry, body), listed and signed by the owner.
std::string with_profile(const Base& b, const format::SectionEntry& entry, const std::string& body) {
  ContainerParts p = b.v1;
  p.entries[kProfile] = entry_wire(entry);
  p.bodies[kProfile] = body;
  relist(p);
  encode_and_sign(p, b.owner);
  return assemble(p);
}

// The profile plaintext sealed under the right key for v1's profile slot, but with `ad` as the
// associated data: only the AEAD can notice (hash and key commitment are consistent).
std::string with_profile_ad(const Base& b, const std::string& ad) {
  const format::SectionEntry original = format::decode_section_entry(b.v1.entries[kProfile]);
  if (original.section_id != 1 || original.generation != 1)
    throw std::logic_error("the AD vectors below assume profile is section 1 at generation 1");
  const format::SectionSlot slot{b.v1.manifest.record_id, 1, 1};
  const crypto::SecretBuffer key = format::derive_section_key(b.rmk, 1, 1);
  const crypto::SecretBuffer plaintext = format::open_section(key, slot, original, b.v1.bodies[kProfile]);
  const std::string body = crypto::aead_seal(key, plaintext.view(), ad);
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

void framing_vectors(NegativeSet& set, const Base& b, const std::string& v1) {
  const size_t header_length = assemble(b.v1).size() - format::kFramePrefixBytes -
                               b.v1.bodies[kProfile].size() - b.v1.bodies[kNotes].size();
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
    ContainerParts p = b.v1;
    std::reverse(p.manifest.section_digests.begin(), p.manifest.section_digests.end());
    encode_and_sign(p, b.owner);
    set.record("section_digests_descending", "section_digests in descending order, re-signed", assemble(p),
               "E_FORMAT", "E_FORMAT");
  }
}

void manifest_value_vectors(NegativeSet& set, const Base& b) {
  auto mutate = [&](const ContainerParts& base, auto change) {
    ContainerParts p = base;
    change(p.manifest);
    encode_and_sign(p, b.owner);
    return assemble(p);
  };
  set.record("sequence_zero", "Manifest.sequence = 0 (absent), re-signed",
             mutate(b.v1, [](format::Manifest& m) { m.sequence = 0; }), "E_FORMAT", "E_FORMAT");
  set.record("previous_hash_missing", "version 2 with previous_manifest_hash removed, re-signed",
             mutate(b.v2, [](format::Manifest& m) { m.previous_manifest_hash.clear(); }), "E_FORMAT", "E_FORMAT");
  set.record("previous_hash_at_sequence_1", "version 1 with a previous_manifest_hash, re-signed",
             mutate(b.v1, [&](format::Manifest& m) { m.previous_manifest_hash = b.v2.manifest.previous_manifest_hash; }),
             "E_FORMAT", "E_FORMAT");
  set.record("record_id_15_bytes", "record id one byte short, re-signed",
             mutate(b.v1, [](format::Manifest& m) { m.record_id.pop_back(); }), "E_FORMAT", "E_FORMAT");
  set.record("owner_key_wrap_79_bytes", "owner_key_wrap one byte short, re-signed",
             mutate(b.v1, [](format::Manifest& m) { m.owner_key_wrap.pop_back(); }), "E_FORMAT", "E_FORMAT");
  set.record("owner_key_wrap_corrupted", "one bit of owner_key_wrap's ciphertext flipped, re-signed",
             mutate(b.v1, [](format::Manifest& m) { m.owner_key_wrap = flip_bit(m.owner_key_wrap, 40, 0); }), "OK",
             "E_INTEGRITY");
  set.record("manifest_lists_65_sections", "63 further digests listed (65 in all), re-signed",
             mutate(b.v1,
                    [](format::Manifest& m) {
                      for (int i = 0; i < 63; ++i) m.section_digests.push_back(crypto::random_public_bytes(32));
                      format::sort_digests(m.section_digests);
                    }),
             "E_LIMIT", "E_LIMIT");
}

void entry_vectors(NegativeSet& set, const Base& b) {
  const format::SectionEntry profile = format::decode_section_entry(b.v1.entries[kProfile]);
  {
    ContainerParts p = b.v1;
    format::SectionEntry e = profile;
    e.generation = 2;
    p.entries[kProfile] = entry_wire(e);
    set.record("entry_not_listed", "profile entry's generation changed to 2; manifest unchanged", assemble(p),
               "E_SIGNATURE", "E_SIGNATURE");
  }
  {
    ContainerParts p = b.v1;
    p.entries.insert(p.entries.begin(), p.entries[kProfile]);
    p.bodies.insert(p.bodies.begin(), p.bodies[kProfile]);
    set.record("entry_twice", "profile entry and body present twice (the entry is listed once)", assemble(p),
               "E_FORMAT", "E_FORMAT");
  }
  {
    ContainerParts p = b.v1;
    p.entries[kProfile] += wire::varint_always(15, 1);
    relist(p);
    encode_and_sign(p, b.owner);
    set.record("entry_unknown_field", "SectionEntry field 15 appended, listed and re-signed", assemble(p),
               "E_FORMAT", "E_FORMAT");
  }
  auto with_entry = [&](auto change) {
    format::SectionEntry e = profile;
    std::string body = b.v1.bodies[kProfile];
    change(e, body);
    return with_profile(b, e, body);
  };
  set.record("section_id_zero", "profile entry's section_id = 0 (absent), listed and re-signed",
             with_entry([](format::SectionEntry& e, std::string&) { e.section_id = 0; }), "E_FORMAT", "E_FORMAT");
  set.record("generation_zero", "profile entry's generation = 0 (absent), listed and re-signed",
             with_entry([](format::SectionEntry& e, std::string&) { e.generation = 0; }), "E_FORMAT", "E_FORMAT");
  set.record("ciphertext_length_39",
             "a 39-byte body (shorter than nonce and tag) with a matching entry, listed and re-signed",
             with_entry([](format::SectionEntry& e, std::string& body) {
               body.resize(39);
               e.ciphertext_length = 39;
               e.ciphertext_hash = crypto::digest_bytes(format::ciphertext_hash(body));
             }),
             "E_FORMAT", "E_FORMAT");
  set.record("ciphertext_length_past_end", "profile entry claims one byte more than its body, listed and re-signed",
             with_entry([](format::SectionEntry& e, std::string&) { e.ciphertext_length += 1; }), "E_FORMAT",
             "E_FORMAT");
  {
    ContainerParts p = b.v1;
    p.entries.erase(p.entries.begin() + kNotes);
    p.bodies.erase(p.bodies.begin() + kNotes);
    set.record("section_listed_but_absent",
               "notes entry and body removed, manifest unchanged: a valid share bundle, but not the owner's record",
               assemble(p), "OK", "E_FORMAT");
  }
}

void section_crypto_vectors(NegativeSet& set, const Base& b) {
  const format::SectionEntry profile = format::decode_section_entry(b.v1.entries[kProfile]);
  {
    ContainerParts p = b.v1;
    p.bodies[kProfile] = flip_bit(p.bodies[kProfile], 30, 0);
    set.record("ciphertext_bit_flipped", "one bit of the profile ciphertext flipped", assemble(p), "E_INTEGRITY",
               "OK", "E_INTEGRITY");
  }
  {
    ContainerParts p = b.v1;
    p.entries[kProfile] = b.other.entries[0];
    p.bodies[kProfile] = b.other.bodies[0];
    set.record("section_from_other_record", "profile entry and body copied from another record of the same owner",
               assemble(p), "E_SIGNATURE", "E_SIGNATURE");
  }
  set.record("section_from_other_record_listed",
             "profile entry and body copied from another record of the same owner, then listed and re-signed: the "
             "key commitment does not match this record's key",
             with_profile(b, format::decode_section_entry(b.other.entries[0]), b.other.bodies[0]), "OK", "OK",
             "E_INTEGRITY");
  {
    format::SectionEntry e = profile;
    e.key_commitment = crypto::random_public_bytes(32);
    set.record("key_commitment_mismatch", "profile entry's key commitment replaced, listed and re-signed",
               with_profile(b, e, b.v1.bodies[kProfile]), "OK", "OK", "E_INTEGRITY");
  }
  const std::string& rid = b.v1.manifest.record_id;
  const std::string other_rid = b.other.manifest.record_id;
  set.record("ad_binds_record_id", "profile sealed with its own key but another record id in the AD",
             with_profile_ad(b, ad_of(1, other_rid, 1, 1)), "OK", "OK", "E_INTEGRITY");
  set.record("ad_binds_section_id", "profile sealed with its own key but section id 2 in the AD",
             with_profile_ad(b, ad_of(1, rid, 2, 1)), "OK", "OK", "E_INTEGRITY");
  set.record("ad_binds_generation", "profile sealed with its own key but generation 2 in the AD",
             with_profile_ad(b, ad_of(1, rid, 1, 2)), "OK", "OK", "E_INTEGRITY");
  set.record("ad_binds_format_version", "profile sealed with its own key but format version 2 in the AD",
             with_profile_ad(b, ad_of(2, rid, 1, 1)), "OK", "OK", "E_INTEGRITY");
  // The control: the same construction with the right AD must open, or the four above prove nothing.
  auto control = std::make_shared<format::OwnedMemorySource>(with_profile_ad(b, ad_of(1, rid, 1, 1)));
  const model::Record opened = model::Record::open(control, {b.owner, b.owner_box});
  opened.read_section(model::section_by_name("profile"));
}

// SPEC §5.2 and §6.3 step 6.3: key generations come from one counter in the signed manifest, so a
// key is never issued twice. Each file below is consistent in every other respect (the owner
// re-signed it), so only this rule can refuse it.
void generation_counter_vectors(NegativeSet& set, const Base& b) {
  const uint32_t highest = b.v1.manifest.highest_generation;
  if (format::decode_section_entry(b.v1.entries[kNotes]).generation != highest)
    throw std::logic_error("the vectors below assume notes holds v1's highest generation");
  const format::SectionEntry original = format::decode_section_entry(b.v1.entries[kProfile]);
  const format::SectionSlot original_slot{b.v1.manifest.record_id, original.section_id, original.generation};
  const crypto::SecretBuffer plaintext =
      format::open_section(format::derive_section_key(b.rmk, original.section_id, original.generation), original_slot,
                           original, b.v1.bodies[kProfile]);
  // Profile re-sealed for `generation` (its key, AD, commitment, hash and listing all agree), with
  // the manifest's counter set to `counter`.
  auto profile_at = [&](uint32_t generation, uint32_t counter) {
    const format::SectionSlot slot{b.v1.manifest.record_id, original.section_id, generation};
    const format::SealedSection sealed =
        format::seal_section(format::derive_section_key(b.rmk, slot.section_id, generation), slot, plaintext.view());
    ContainerParts p = b.v1;
    p.entries[kProfile] = entry_wire(sealed.entry);
    p.bodies[kProfile] = sealed.body;
    p.manifest.highest_generation = counter;
    relist(p);
    encode_and_sign(p, b.owner);
    return assemble(p);
  };
  set.record("generation_above_highest",
             "profile sealed correctly at generation highest_generation + 1 (key, AD, commitment, hash all "
             "consistent), listed and re-signed, but highest_generation left as it was",
             profile_at(highest + 1, highest), "E_FORMAT", "E_FORMAT");
  // The control: the same file with the counter raised to match must open, or the vector above
  // proves nothing.
  {
    auto control = std::make_shared<format::OwnedMemorySource>(profile_at(highest + 1, highest + 1));
    const model::Record opened = model::Record::open(control, {b.owner, b.owner_box});
    if (opened.read_section(model::section_by_name("profile")).view().as_string_view() !=
        plaintext.view().as_string_view())
      throw std::logic_error("the generation-counter control does not read back");
  }
  auto with_counter = [&](uint32_t counter) {
    ContainerParts p = b.v1;
    p.manifest.highest_generation = counter;
    encode_and_sign(p, b.owner);
    return assemble(p);
  };
  set.record("highest_generation_lowered",
             "highest_generation one below the notes entry's generation (the highest in the file), re-signed",
             with_counter(highest - 1), "E_FORMAT", "E_FORMAT");
  set.record("highest_generation_absent", "highest_generation = 0 (absent), re-signed", with_counter(0), "E_FORMAT",
             "E_FORMAT");
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
  Base b{split_container(records.v1.file), split_container(records.v2.file),
         split_container(records.other_record), owner.identity.signing_keys(), owner.identity.box_keys(),
         crypto::SecretBuffer(),
         crypto::signing_keypair_from_seed(crypto::random_secret(32)), crypto::box_keypair_generate()};
  auto rmk = crypto::open_sealed(owner.identity.box_keys(), b.v1.manifest.owner_key_wrap, crypto::kMasterKeyBytes);
  if (!rmk) throw std::logic_error("cannot open v1's record master key");
  b.rmk = std::move(*rmk);

  framing_vectors(set, b, records.v1.file);
  header_vectors(set, b);
  signature_vectors(set, b);
  manifest_encoding_vectors(set, b);
  manifest_value_vectors(set, b);
  entry_vectors(set, b);
  section_crypto_vectors(set, b);
  generation_counter_vectors(set, b);
  grant_vectors(set, b);
}

}  // namespace kartla::vectors
