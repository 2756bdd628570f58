// SPDX-License-Identifier: Apache-2.0
#include "format/section_crypto.h"

#include <algorithm>
#include <cstring>

#include "base/error.h"
#include "crypto/aead.h"
#include "crypto/kdf.h"
#include "crypto/padding.h"
#include "format/labels.h"
#include "format/limits.h"

namespace kartla::format {
namespace {

void append_u32le(std::string& out, uint32_t v) {
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}

}  // namespace

crypto::SecretBuffer derive_slot_secret(const crypto::SecretBuffer& record_master_key, uint32_t section_id) {
  if (section_id == 0 || section_id > kMaxSectionId) fail(Code::internal, "section id outside 1-64");
  return crypto::derive_subkey(record_master_key, label::kSlotSecretContext, section_id);
}

std::string slot_tag(const crypto::SecretBuffer& slot_secret) {
  return crypto::digest_bytes(crypto::labelled_hash(label::kSlotTag, slot_secret.view()));
}

std::string slot_commitment(const crypto::SecretBuffer& slot_secret) {
  return crypto::digest_bytes(crypto::labelled_hash(label::kSlotCommitment, slot_secret.view()));
}

std::string slot_commitment_table(const crypto::SecretBuffer& record_master_key) {
  std::string table;
  for (uint32_t id = 1; id <= kMaxSectionId; ++id) table += slot_commitment(derive_slot_secret(record_master_key, id));
  return table;
}

void check_slot_secret(const std::string& slot_table, uint32_t section_id, const crypto::SecretBuffer& slot_secret) {
  if (slot_table.size() != kSlotTableBytes || section_id == 0 || section_id > kMaxSectionId)
    fail(Code::internal, "slot table or section id out of range");
  const std::string commitment = slot_commitment(slot_secret);
  if (slot_table.compare((section_id - 1) * kDigestBytes, kDigestBytes, commitment) != 0)
    fail(Code::integrity, "a slot secret does not match the owner's slot commitment");
}

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

namespace {

// The body that holds `content_size` bytes of content sealed: nonce || padded ciphertext || tag.
size_t body_size(size_t content_size) {
  return static_cast<size_t>(crypto::padded_size(content_size)) + crypto::kAeadOverhead;
}

}  // namespace

UnsealedBody::UnsealedBody(size_t capacity) : body_(body_size(capacity)), capacity_(capacity) {}

UnsealedBody::~UnsealedBody() {
  if (body_.data() != nullptr && touched_ != 0) crypto::wipe(body_.data() + crypto::kAeadNonceBytes, touched_);
}

uint8_t* UnsealedBody::writable(size_t offset, size_t n) {
  if (offset > capacity_ || n > capacity_ - offset) fail(Code::internal, "a section body was written past its capacity");
  touched_ = std::max(touched_, offset + n);
  return body_.data() + crypto::kAeadNonceBytes + offset;
}

void UnsealedBody::keep_out_of_swap() {
  if (guarded_ != 0 || body_.data() == nullptr) return;
  guarded_ = body_.size();
  (void)crypto::keep_out_of_swap(body_.data(), guarded_);  // best effort, as sodium_malloc's mlock
}

ByteView UnsealedBody::written(size_t n) const {
  if (n > touched_) fail(Code::internal, "a section body was read past what was written");
  return {body_.data() + crypto::kAeadNonceBytes, n};
}

SealedBody seal_section_body(const crypto::SecretBuffer& section_key, const SectionSlot& slot,
                             const std::string& slot_tag, UnsealedBody body, size_t plaintext_size) {
  if (plaintext_size > kMaxSectionPlaintext) fail(Code::limit, "section content is larger than 256 MiB");
  if (plaintext_size > body.touched_) fail(Code::internal, "a section body was read past what was written");
  // The content is padded and encrypted in place in the body buffer (docs/SPEC.md §10): no
  // padded copy in a sodium_malloc'ed block (a fill, mlock, wipe and munmap of the whole section)
  // and no second pass. The body is public ciphertext once sealed; until then it holds what the
  // caller's own memory already held, and it is wiped if sealing fails (`body` wipes itself if
  // this throws before the cipher takes it; aead_seal_in_place wipes it if the cipher fails).
  const std::string associated_data = section_associated_data(slot);
  const auto padded = static_cast<size_t>(crypto::padded_size(plaintext_size));
  SealedBody out;
  out.body = std::move(body.body_);
  body.touched_ = 0;
  out.body.shrink_to(padded + crypto::kAeadOverhead);  // a capacity above the content: never past it
  crypto::pad_in_place(out.body.data() + crypto::kAeadNonceBytes, plaintext_size);
  crypto::aead_seal_in_place(section_key, out.body.data(), padded, associated_data);
  // Ciphertext from here on: the pages may be swapped and dumped like any public buffer. (If
  // sealing threw, they stay locked until the buffer is unmapped, which unlocks them.)
  if (body.guarded_ != 0) crypto::allow_swap_of_ciphertext(out.body.data(), body.guarded_);
  out.entry.slot_tag = slot_tag;
  out.entry.ciphertext_length = out.body.size();
  out.entry.ciphertext_hash = crypto::digest_bytes(ciphertext_hash(out.body.view()));
  out.entry.key_commitment = crypto::digest_bytes(key_commitment(section_key, slot));
  return out;
}

SealedBody seal_section_body(const crypto::SecretBuffer& section_key, const SectionSlot& slot,
                             const std::string& slot_tag, ByteView plaintext) {
  if (plaintext.size > kMaxSectionPlaintext) fail(Code::limit, "section content is larger than 256 MiB");
  UnsealedBody body(plaintext.size);
  if (plaintext.size != 0) std::memcpy(body.writable(0, plaintext.size), plaintext.data, plaintext.size);
  return seal_section_body(section_key, slot, slot_tag, std::move(body), plaintext.size);
}

SealedSection seal_section(const crypto::SecretBuffer& section_key, const SectionSlot& slot,
                           const std::string& slot_tag, ByteView plaintext) {
  SealedBody sealed = seal_section_body(section_key, slot, slot_tag, plaintext);
  return {std::move(sealed.entry), sealed.body.view().to_string()};
}

bool key_matches_commitment(const crypto::SecretBuffer& section_key, const SectionSlot& slot,
                            const SectionEntry& entry) {
  const crypto::Digest commitment = key_commitment(section_key, slot);
  return crypto::equal_constant_time({commitment.data(), commitment.size()}, entry.key_commitment);
}

void check_key_commitment(const crypto::SecretBuffer& section_key, const SectionSlot& slot,
                          const SectionEntry& entry) {
  if (!key_matches_commitment(section_key, slot, entry))
    fail(Code::integrity, "section key does not match the owner's key commitment");
}

crypto::SecretBuffer open_section(const crypto::SecretBuffer& section_key, const SectionSlot& slot,
                                  const SectionEntry& entry, ByteView body) {
  check_key_commitment(section_key, slot, entry);
  const crypto::Digest hash = ciphertext_hash(body);
  if (body.size != entry.ciphertext_length ||
      !crypto::equal_constant_time({hash.data(), hash.size()}, entry.ciphertext_hash))
    fail(Code::integrity, "section ciphertext does not match the signed manifest");
  crypto::SecretBuffer text = crypto::aead_open(section_key, body, section_associated_data(slot));
  text.truncate(crypto::unpadded_size(text.data(), text.size()));
  return text;
}

}  // namespace kartla::format
