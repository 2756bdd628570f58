/* SPDX-License-Identifier: Apache-2.0 */
// XChaCha20-Poly1305-IETF with a random 24-byte nonce carried in front of the ciphertext:
// sealed = nonce || ciphertext || tag. Random nonces are safe at this size (192 bits), so a
// re-encrypted section never needs a counter that could be rolled back with the file.
#pragma once

#include <cstddef>
#include <string>

#include "base/bytes.h"
#include "crypto/secret_buffer.h"

namespace kartla::crypto {

inline constexpr size_t kAeadKeyBytes = 32;
inline constexpr size_t kAeadNonceBytes = 24;
inline constexpr size_t kAeadTagBytes = 16;
inline constexpr size_t kAeadOverhead = kAeadNonceBytes + kAeadTagBytes;

std::string aead_seal(const SecretBuffer& key, ByteView plaintext, ByteView associated_data);

// The same into `out`, which holds exactly plaintext.size + kAeadOverhead bytes and need not be
// initialised (every byte is written): a large section is sealed without a zero-filled copy.
void aead_seal_into(const SecretBuffer& key, ByteView plaintext, ByteView associated_data, uint8_t* out);

// The same in place: `sealed` holds kAeadNonceBytes of space, then the plaintext_size bytes of
// plaintext, then kAeadTagBytes of space. The nonce is written in front, the plaintext becomes
// the ciphertext and the tag is written after it: the bytes of aead_seal, without a second
// buffer the size of the content. On failure the whole of `sealed` is wiped.
void aead_seal_in_place(const SecretBuffer& key, uint8_t* sealed, size_t plaintext_size, ByteView associated_data);

// All or nothing: returns the plaintext only if the tag verifies. Any failure throws
// Error(integrity) with one fixed message, whatever the cause (no oracle).
SecretBuffer aead_open(const SecretBuffer& key, ByteView sealed, ByteView associated_data);

// In place: `sealed_tail` holds ciphertext || tag (the body without its nonce) and becomes the
// plaintext (truncated to its length) only if the tag verifies; on failure it is wiped and
// Error(integrity) thrown. Saves a second buffer the size of the section.
void aead_open_in_place(const SecretBuffer& key, ByteView nonce, SecretBuffer& sealed_tail,
                        ByteView associated_data);

// In place in memory the caller owns (kartla_record_section_into): `text` holds the
// ciphertext and becomes the plaintext only if `tag` verifies; on failure all of it is wiped
// and Error(integrity) thrown.
void aead_open_detached_in_place(const SecretBuffer& key, ByteView nonce, uint8_t* text, size_t length, ByteView tag,
                                 ByteView associated_data);

}  // namespace kartla::crypto
