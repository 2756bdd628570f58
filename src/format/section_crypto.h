/* SPDX-License-Identifier: Apache-2.0 */
// How a section is encrypted (docs/SPEC.md §5): its key, the associated data that binds a
// ciphertext to its record, section and generation, the padding that hides its length, the
// blinded slot that names it only to key holders, and the key commitment in its entry.
#pragma once

#include <cstdint>
#include <string>

#include "base/bytes.h"
#include "crypto/hash.h"
#include "crypto/secret_buffer.h"
#include "format/record_codec.h"

namespace kartla::format {

struct SectionSlot {
  std::string record_id;  // 16 bytes
  uint32_t section_id = 0;
  uint32_t generation = 0;
};

// section key = crypto_kdf(RMK, context "kartlaSK", subkey id = section_id << 32 | generation)
crypto::SecretBuffer derive_section_key(const crypto::SecretBuffer& record_master_key,
                                        uint32_t section_id, uint32_t generation);

// AD = "kartla/v1/section" 0x00 || u32le format version || record id || u32le section || u32le gen
std::string section_associated_data(const SectionSlot& slot);

// A section's slot secret (SPEC §5.3): KDF(RMK, "kartlaSS", section_id). It does not change
// with the generation: one section keeps one slot for the record's life.
crypto::SecretBuffer derive_slot_secret(const crypto::SecretBuffer& record_master_key, uint32_t section_id);
// The public names derived from a slot secret: the tag an entry carries, and the commitment at
// position section_id - 1 of the manifest's slot table.
std::string slot_tag(const crypto::SecretBuffer& slot_secret);
std::string slot_commitment(const crypto::SecretBuffer& slot_secret);
// The 64-position table of slot commitments for a record master key.
std::string slot_commitment_table(const crypto::SecretBuffer& record_master_key);
// Error(integrity) unless slot_secret is the one committed at section_id's position.
void check_slot_secret(const std::string& slot_table, uint32_t section_id, const crypto::SecretBuffer& slot_secret);

// commitment = BLAKE2b-256(key = section key, "kartla/v1/key-commitment" 0x00 || AD)
crypto::Digest key_commitment(const crypto::SecretBuffer& section_key, const SectionSlot& slot);

// Pads and encrypts plaintext for the slot; returns the body with a matching entry.
struct SealedBody {
  SectionEntry entry;
  UnfilledBytes body;  // nonce || ciphertext || tag
};
SealedBody seal_section_body(const crypto::SecretBuffer& section_key, const SectionSlot& slot,
                             const std::string& slot_tag, ByteView plaintext);

// A section's plaintext built straight in the buffer it will be sealed in: room for the nonce in
// front and for the padding and tag behind, so a large section is never copied to be sealed.
// Made for up to `capacity` bytes of content; the writer learns the exact length as it goes. Until
// sealed it holds plaintext in ordinary (not locked) memory, like seal_section_body's body does
// while it seals; whatever was written is wiped if it is dropped unsealed.
class UnsealedBody {
 public:
  explicit UnsealedBody(size_t capacity);
  ~UnsealedBody();
  UnsealedBody(UnsealedBody&&) noexcept = default;
  UnsealedBody& operator=(UnsealedBody&&) = delete;
  UnsealedBody(const UnsealedBody&) = delete;
  UnsealedBody& operator=(const UnsealedBody&) = delete;

  size_t capacity() const { return capacity_; }
  // Content bytes [offset, offset + n), to be written; Error(internal) past capacity().
  uint8_t* writable(size_t offset, size_t n);
  // Content bytes [0, n) as written so far; Error(internal) past what writable() handed out.
  ByteView written(size_t n) const;
  // For a body that holds plaintext for longer than one call (a file read into it): its pages
  // are kept out of core dumps and, where the system allows, out of swap (crypto::keep_out_of_swap)
  // until it is sealed, as a SecretBuffer's would be. Call before writing anything.
  void keep_out_of_swap();

 private:
  friend SealedBody seal_section_body(const crypto::SecretBuffer&, const SectionSlot&, const std::string&,
                                      UnsealedBody, size_t);
  UnfilledBytes body_;
  size_t capacity_ = 0;
  size_t touched_ = 0;  // content bytes handed out for writing: what a drop wipes
  size_t guarded_ = 0;  // bytes from body_.data() given to keep_out_of_swap (0: none)
};

// Seals the first `plaintext_size` content bytes of `body` in place, as seal_section_body above
// (Error(limit) above the section size limit; Error(internal) past what was written).
SealedBody seal_section_body(const crypto::SecretBuffer& section_key, const SectionSlot& slot,
                             const std::string& slot_tag, UnsealedBody body, size_t plaintext_size);
// The same with the body as a std::string (one more copy), for callers that build files by hand.
struct SealedSection {
  SectionEntry entry;
  std::string body;  // nonce || ciphertext || tag
};
SealedSection seal_section(const crypto::SecretBuffer& section_key, const SectionSlot& slot,
                           const std::string& slot_tag, ByteView plaintext);

crypto::Digest ciphertext_hash(ByteView body);

// Error(integrity) unless the key matches the entry's commitment. Checked before any decryption:
// this is the invisible-salamander defence (docs/THREATS.md).
void check_key_commitment(const crypto::SecretBuffer& section_key, const SectionSlot& slot,
                          const SectionEntry& entry);
// The same test as a yes/no answer (constant time), for a reader choosing among several grants.
bool key_matches_commitment(const crypto::SecretBuffer& section_key, const SectionSlot& slot,
                            const SectionEntry& entry);

// Checks, in this order, that the key matches the entry's commitment (before any decryption:
// the invisible-salamander defence), that the body hashes to the entry's hash, and that the AEAD
// opens; every failure is Error(integrity). Then removes the padding (Error(format) if it is not
// canonical). Nothing is returned unless all pass; the result is the content only.
crypto::SecretBuffer open_section(const crypto::SecretBuffer& section_key, const SectionSlot& slot,
                                  const SectionEntry& entry, ByteView body);

}  // namespace kartla::format
