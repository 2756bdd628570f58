/* SPDX-License-Identifier: Apache-2.0 */
// A fixed owner key pair shared by the seed-corpus generator and the record fuzzer, so the seed
// records open as the owner and the fuzzer reaches section decryption, not only the keyless
// checks. Test data, derived from constant bytes: never a real key.
#pragma once

#include <string>

#include "crypto/box.h"
#include "crypto/secret_buffer.h"
#include "crypto/sign.h"
#include "model/record.h"

namespace kartla::fuzzing {

inline const crypto::SigningKeyPair& owner_signing_keys() {
  static const crypto::SigningKeyPair keys =
      crypto::signing_keypair_from_seed(crypto::SecretBuffer::copy_of(std::string(32, '\x4b')));
  return keys;
}

inline const crypto::BoxKeyPair& owner_box_keys() {
  static const crypto::BoxKeyPair keys =
      crypto::box_keypair_from_secret(crypto::SecretBuffer::copy_of(std::string(32, '\x58')));
  return keys;
}

inline model::OwnerKeys owner_keys() { return {owner_signing_keys(), owner_box_keys()}; }

}  // namespace kartla::fuzzing
