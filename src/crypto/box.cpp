// SPDX-License-Identifier: Apache-2.0
#include "crypto/box.h"

#include <sodium.h>

#include "base/error.h"
#include "crypto/init.h"
#include "crypto/random.h"

namespace kartla::crypto {

static_assert(kBoxPublicKeyBytes == crypto_box_PUBLICKEYBYTES);
static_assert(kBoxSecretKeyBytes == crypto_box_SECRETKEYBYTES);
static_assert(kSealOverhead == crypto_box_SEALBYTES);

BoxKeyPair box_keypair_from_secret(SecretBuffer secret_key) {
  ensure_initialized();
  if (secret_key.size() != kBoxSecretKeyBytes) fail(Code::internal, "X25519 key has an invalid length");
  std::string public_key(kBoxPublicKeyBytes, '\0');
  if (crypto_scalarmult_base(reinterpret_cast<unsigned char*>(public_key.data()), secret_key.data()) != 0)
    fail(Code::internal, "X25519 public key derivation failed");
  return {std::move(public_key), std::move(secret_key)};
}

BoxKeyPair box_keypair_generate() { return box_keypair_from_secret(random_secret(kBoxSecretKeyBytes)); }

std::string seal_to(ByteView recipient_public_key, ByteView plaintext) {
  ensure_initialized();
  if (recipient_public_key.size != kBoxPublicKeyBytes) fail(Code::format, "recipient key has an invalid length");
  std::string sealed(plaintext.size + kSealOverhead, '\0');
  if (crypto_box_seal(reinterpret_cast<unsigned char*>(sealed.data()), plaintext.data, plaintext.size,
                      recipient_public_key.data) != 0)
    fail(Code::format, "cannot seal to this recipient key");  // e.g. a low-order public key
  return sealed;
}

std::optional<SecretBuffer> open_sealed(const BoxKeyPair& recipient, ByteView sealed,
                                        size_t expected_plaintext_size) {
  ensure_initialized();
  if (sealed.size != expected_plaintext_size + kSealOverhead) return std::nullopt;
  SecretBuffer plaintext(expected_plaintext_size);
  if (crypto_box_seal_open(plaintext.data(), sealed.data, sealed.size,
                           reinterpret_cast<const unsigned char*>(recipient.public_key.data()),
                           recipient.secret_key.data()) != 0)
    return std::nullopt;
  return plaintext;
}

std::optional<SecretBuffer> open_sealed_bounded(const BoxKeyPair& recipient, ByteView sealed,
                                                size_t max_plaintext_size) {
  if (sealed.size < kSealOverhead || sealed.size - kSealOverhead > max_plaintext_size) return std::nullopt;
  return open_sealed(recipient, sealed, sealed.size - kSealOverhead);
}

}  // namespace kartla::crypto
