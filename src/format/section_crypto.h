// How a section is encrypted (docs/SPEC.md §5): its key, the associated data that binds a
// ciphertext to its record, section and generation, and the key commitment in its entry.
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

// commitment = BLAKE2b-256(key = section key, "kartla/v1/key-commitment" 0x00 || AD)
crypto::Digest key_commitment(const crypto::SecretBuffer& section_key, const SectionSlot& slot);

// Encrypts plaintext for the slot and returns the body with a matching entry.
struct SealedSection {
  SectionEntry entry;
  std::string body;  // nonce || ciphertext || tag
};
SealedSection seal_section(const crypto::SecretBuffer& section_key, const SectionSlot& slot,
                           ByteView plaintext);

crypto::Digest ciphertext_hash(ByteView body);

// Error(integrity) unless the key matches the entry's commitment. Checked before any decryption:
// this is the invisible-salamander defence (HOSTILE.md 12).
void check_key_commitment(const crypto::SecretBuffer& section_key, const SectionSlot& slot,
                          const SectionEntry& entry);

// Checks, in this order, that the key matches the entry's commitment (before any decryption:
// the invisible-salamander defence), that the body hashes to the entry's hash, and that the AEAD
// opens. Every failure is Error(integrity); nothing is returned unless all pass.
crypto::SecretBuffer open_section(const crypto::SecretBuffer& section_key, const SectionSlot& slot,
                                  const SectionEntry& entry, ByteView body);

}  // namespace kartla::format
