#include "format/section_crypto.h"

#include "base/error.h"
#include "crypto/aead.h"
#include "crypto/kdf.h"
#include "format/labels.h"
#include "format/limits.h"

namespace kartla::format {
namespace {

void append_u32le(std::string& out, uint32_t v) {
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}

}  // namespace

crypto::SecretBuffer derive_section_key(const crypto::SecretBuffer& record_master_key,
                                        uint32_t section_id, uint32_t generation) {
  const uint64_t subkey_id = (static_cast<uint64_t>(section_id) << 32) | generation;
  return crypto::derive_subkey(record_master_key, label::kSectionKeyContext, subkey_id);
}

std::string section_associated_data(const SectionSlot& slot) {
  if (slot.record_id.size() != kRecordIdBytes) fail(Code::internal, "record id has an invalid length");
  std::string ad(label::kSectionAd);
  ad.push_back('\0');
  append_u32le(ad, kFormatVersion);
  ad += slot.record_id;
  append_u32le(ad, slot.section_id);
  append_u32le(ad, slot.generation);
  return ad;
}

crypto::Digest key_commitment(const crypto::SecretBuffer& section_key, const SectionSlot& slot) {
  return crypto::LabelledHasher(label::kKeyCommitment, section_key)
      .update(section_associated_data(slot))
      .finish();
}

crypto::Digest ciphertext_hash(ByteView body) {
  return crypto::labelled_hash(label::kSectionCiphertext, body);
}

SealedSection seal_section(const crypto::SecretBuffer& section_key, const SectionSlot& slot,
                           ByteView plaintext) {
  if (plaintext.size > kMaxSectionPlaintext) fail(Code::limit, "section content is larger than 256 MiB");
  SealedSection out;
  out.body = crypto::aead_seal(section_key, plaintext, section_associated_data(slot));
  out.entry.section_id = slot.section_id;
  out.entry.generation = slot.generation;
  out.entry.ciphertext_length = out.body.size();
  out.entry.ciphertext_hash = crypto::digest_bytes(ciphertext_hash(out.body));
  out.entry.key_commitment = crypto::digest_bytes(key_commitment(section_key, slot));
  return out;
}

void check_key_commitment(const crypto::SecretBuffer& section_key, const SectionSlot& slot,
                          const SectionEntry& entry) {
  if (entry.section_id != slot.section_id || entry.generation != slot.generation)
    fail(Code::integrity, "section failed authentication");
  const crypto::Digest commitment = key_commitment(section_key, slot);
  if (!crypto::equal_constant_time({commitment.data(), commitment.size()}, entry.key_commitment))
    fail(Code::integrity, "section key does not match the owner's key commitment");
}

crypto::SecretBuffer open_section(const crypto::SecretBuffer& section_key, const SectionSlot& slot,
                                  const SectionEntry& entry, ByteView body) {
  check_key_commitment(section_key, slot, entry);
  const crypto::Digest hash = ciphertext_hash(body);
  if (body.size != entry.ciphertext_length ||
      !crypto::equal_constant_time({hash.data(), hash.size()}, entry.ciphertext_hash))
    fail(Code::integrity, "section ciphertext does not match the signed manifest");
  return crypto::aead_open(section_key, body, section_associated_data(slot));
}

}  // namespace kartla::format
