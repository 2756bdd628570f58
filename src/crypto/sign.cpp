// SPDX-License-Identifier: Apache-2.0
#include "crypto/sign.h"

#include <sodium.h>

#include "base/error.h"
#include "crypto/init.h"

namespace kartla::crypto {

static_assert(kSignPublicKeyBytes == crypto_sign_PUBLICKEYBYTES);
static_assert(kSignSeedBytes == crypto_sign_SEEDBYTES);
static_assert(kSignatureBytes == crypto_sign_BYTES);

namespace {

std::string labelled_message(std::string_view label, ByteView message) {
  std::string out;
  out.reserve(label.size() + 1 + message.size);
  out.append(label);
  out.push_back('\0');
  out.append(message.as_string_view());
  return out;
}

}  // namespace

SigningKeyPair signing_keypair_from_seed(const SecretBuffer& seed) {
  ensure_initialized();
  if (seed.size() != kSignSeedBytes) fail(Code::internal, "signing seed has an invalid length");
  SigningKeyPair keys{std::string(kSignPublicKeyBytes, '\0'), SecretBuffer(crypto_sign_SECRETKEYBYTES)};
  crypto_sign_seed_keypair(reinterpret_cast<unsigned char*>(keys.public_key.data()),
                           keys.secret_key.data(), seed.data());
  return keys;
}

std::string sign_with_label(std::string_view label, const SigningKeyPair& keys, ByteView message) {
  ensure_initialized();
  if (keys.secret_key.size() != crypto_sign_SECRETKEYBYTES) fail(Code::internal, "bad signing key");
  const std::string signed_bytes = labelled_message(label, message);
  std::string signature(kSignatureBytes, '\0');
  crypto_sign_detached(reinterpret_cast<unsigned char*>(signature.data()), nullptr,
                       reinterpret_cast<const unsigned char*>(signed_bytes.data()),
                       signed_bytes.size(), keys.secret_key.data());
  return signature;
}

bool verify_with_label(std::string_view label, ByteView public_key, ByteView message,
                       ByteView signature) {
  ensure_initialized();
  if (public_key.size != kSignPublicKeyBytes || signature.size != kSignatureBytes) return false;
  const std::string signed_bytes = labelled_message(label, message);
  return crypto_sign_verify_detached(signature.data,
                                     reinterpret_cast<const unsigned char*>(signed_bytes.data()),
                                     signed_bytes.size(), public_key.data) == 0;
}

}  // namespace kartla::crypto
