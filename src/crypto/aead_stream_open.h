/* SPDX-License-Identifier: Apache-2.0 */
// Opening an XChaCha20-Poly1305-IETF body (crypto/aead.h) in pieces, so that a body of any size
// is decrypted with a fixed amount of memory. The body and its tag are exactly those of
// crypto_aead_xchacha20poly1305_ietf_encrypt: nothing about the format changes, so every record
// ever written reads this way (docs/SPEC.md §5.6).
//
// It is the construction libsodium's one-shot decrypt runs, taken apart with libsodium's own
// primitives: subkey = HChaCha20(key, nonce[0:16]); the IETF ChaCha20 nonce is 0x00×4 ||
// nonce[16:24]; the Poly1305 key is the first 32 bytes of keystream block 0; the tag is Poly1305
// over AD || pad16 || ciphertext || pad16 || u64le(|AD|) || u64le(|ciphertext|); the plaintext is
// the ciphertext XOR keystream from block 1 on.
//
// NOTHING IT DECRYPTS IS AUTHENTIC UNTIL finish() RETURNS TRUE. A caller either authenticates the
// whole ciphertext first (update() over it, finish()) and decrypts in a second pass, or
// decrypts into a place nobody reads (a temporary file) and releases it only after finish().
//
// THREAD SAFETY: one StreamOpen per thread at a time.
#pragma once

#include <cstddef>
#include <cstdint>

#include "base/bytes.h"
#include "crypto/secret_buffer.h"

namespace kartla::crypto {

class StreamOpen {
 public:
  // `nonce` is the body's first 24 bytes; `ciphertext_length` the body's length minus 40.
  StreamOpen(const SecretBuffer& key, ByteView nonce, ByteView associated_data, uint64_t ciphertext_length);
  ~StreamOpen();
  StreamOpen(const StreamOpen&) = delete;
  StreamOpen& operator=(const StreamOpen&) = delete;

  // Authenticates the next piece of ciphertext (in order, without gaps).
  void authenticate(ByteView ciphertext);
  // Decrypts the piece of ciphertext that starts `offset` bytes into the ciphertext, which must
  // be a multiple of 64 (a ChaCha20 block), into out[0, piece.size) (which may be piece itself).
  void decrypt(uint64_t offset, ByteView ciphertext, uint8_t* out) const;
  // True only if exactly ciphertext_length bytes were authenticated and `tag` (16 bytes) is
  // theirs (constant-time compare). Callable once.
  bool finish(ByteView tag);

 private:
  SecretBuffer subkey_;
  uint8_t nonce_[12] = {};
  // crypto_onetimeauth_poly1305_state (keyed), opaque to callers and wiped by the destructor,
  // as LabelledHasher keeps its keyed BLAKE2b state.
  alignas(64) unsigned char mac_state_[256];
  uint64_t ad_length_;
  uint64_t expected_;
  uint64_t seen_ = 0;
  bool finished_ = false;
};

}  // namespace kartla::crypto
