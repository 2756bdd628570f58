// SPDX-License-Identifier: Apache-2.0
#include "crypto/aead.h"

#include <sodium.h>

#include "base/error.h"
#include "crypto/init.h"
#include "crypto/random.h"

namespace kartla::crypto {

static_assert(kAeadKeyBytes == crypto_aead_xchacha20poly1305_ietf_KEYBYTES);
static_assert(kAeadNonceBytes == crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
static_assert(kAeadTagBytes == crypto_aead_xchacha20poly1305_ietf_ABYTES);

namespace {
[[noreturn]] void authentication_failed() { fail(Code::integrity, "ciphertext failed authentication"); }
}  // namespace

std::string aead_seal(const SecretBuffer& key, ByteView plaintext, ByteView associated_data) {
  if (plaintext.size > crypto_aead_xchacha20poly1305_ietf_MESSAGEBYTES_MAX - kAeadOverhead)
    fail(Code::limit, "plaintext too large to encrypt");
  std::string sealed(plaintext.size + kAeadOverhead, '\0');
  aead_seal_into(key, plaintext, associated_data, reinterpret_cast<uint8_t*>(sealed.data()));
  return sealed;
}

void aead_seal_into(const SecretBuffer& key, ByteView plaintext, ByteView associated_data, uint8_t* out) {
  ensure_initialized();
  if (key.size() != kAeadKeyBytes) fail(Code::internal, "AEAD key has an invalid length");
  if (plaintext.size > crypto_aead_xchacha20poly1305_ietf_MESSAGEBYTES_MAX - kAeadOverhead)
    fail(Code::limit, "plaintext too large to encrypt");
  random_bytes(out, kAeadNonceBytes);
  unsigned long long written = 0;
  crypto_aead_xchacha20poly1305_ietf_encrypt(out + kAeadNonceBytes, &written, plaintext.data,
                                             plaintext.size, associated_data.data,
                                             associated_data.size, nullptr, out, key.data());
  if (written != plaintext.size + kAeadTagBytes) fail(Code::internal, "AEAD wrote an unexpected length");
}

void aead_seal_in_place(const SecretBuffer& key, uint8_t* sealed, size_t plaintext_size, ByteView associated_data) {
  ensure_initialized();
  if (key.size() != kAeadKeyBytes) {
    wipe(sealed, plaintext_size + kAeadOverhead);
    fail(Code::internal, "AEAD key has an invalid length");
  }
  if (plaintext_size > crypto_aead_xchacha20poly1305_ietf_MESSAGEBYTES_MAX - kAeadOverhead) {
    wipe(sealed, plaintext_size + kAeadOverhead);
    fail(Code::limit, "plaintext too large to encrypt");
  }
  random_bytes(sealed, kAeadNonceBytes);
  uint8_t* text = sealed + kAeadNonceBytes;
  // libsodium allows c == m for its AEADs: the stream is applied block by block and Poly1305 reads
  // the ciphertext after it is written, so in place gives the same bytes as two buffers.
  crypto_aead_xchacha20poly1305_ietf_encrypt_detached(text, text + plaintext_size, nullptr, text, plaintext_size,
                                                      associated_data.data, associated_data.size, nullptr, sealed,
                                                      key.data());
}

SecretBuffer aead_open(const SecretBuffer& key, ByteView sealed, ByteView associated_data) {
  ensure_initialized();
  if (key.size() != kAeadKeyBytes) fail(Code::internal, "AEAD key has an invalid length");
  if (sealed.size < kAeadOverhead) authentication_failed();
  SecretBuffer plaintext(sealed.size - kAeadOverhead);
  unsigned long long written = 0;
  const int rc = crypto_aead_xchacha20poly1305_ietf_decrypt(
      plaintext.data(), &written, nullptr, sealed.data + kAeadNonceBytes,
      sealed.size - kAeadNonceBytes, associated_data.data, associated_data.size, sealed.data,
      key.data());
  // On failure libsodium has written nothing we keep: the buffer is wiped when it goes out of scope.
  if (rc != 0 || written != plaintext.size()) authentication_failed();
  return plaintext;
}

void aead_open_detached_in_place(const SecretBuffer& key, ByteView nonce, uint8_t* text, size_t length, ByteView tag,
                                 ByteView associated_data) {
  ensure_initialized();
  if (key.size() != kAeadKeyBytes) fail(Code::internal, "AEAD key has an invalid length");
  if (nonce.size != kAeadNonceBytes || tag.size != kAeadTagBytes) {
    wipe(text, length);
    authentication_failed();
  }
  const int rc = crypto_aead_xchacha20poly1305_ietf_decrypt_detached(
      text, nullptr, text, length, tag.data, associated_data.data, associated_data.size, nonce.data, key.data());
  if (rc != 0) {
    wipe(text, length);
    authentication_failed();
  }
}

void aead_open_in_place(const SecretBuffer& key, ByteView nonce, SecretBuffer& sealed_tail,
                        ByteView associated_data) {
  ensure_initialized();
  if (key.size() != kAeadKeyBytes) fail(Code::internal, "AEAD key has an invalid length");
  if (nonce.size != kAeadNonceBytes || sealed_tail.size() < kAeadTagBytes) authentication_failed();
  const size_t length = sealed_tail.size() - kAeadTagBytes;
  uint8_t* text = sealed_tail.data();
  // libsodium supports m == c for its AEADs: the tag is checked over the ciphertext before the
  // stream is applied, and on failure the output is zeroed.
  const int rc = crypto_aead_xchacha20poly1305_ietf_decrypt_detached(
      text, nullptr, text, length, text + length, associated_data.data, associated_data.size, nonce.data, key.data());
  if (rc != 0) {
    sealed_tail.truncate(0);
    authentication_failed();
  }
  sealed_tail.truncate(length);
}

}  // namespace kartla::crypto
