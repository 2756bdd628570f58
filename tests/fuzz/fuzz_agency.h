/* SPDX-License-Identifier: Apache-2.0 */
// Fixed agency key pairs shared by the bundle seed-corpus generator and the bundle fuzzer, so the
// seed bundles hold grants sealed to the fuzzer's agency and the fuzzer reaches grant parsing and
// section decryption, not only the keyless checks. Test data, derived from constant bytes: never
// a real key.
#pragma once

#include <string>

#include "crypto/box.h"
#include "crypto/secret_buffer.h"
#include "crypto/sign.h"
#include "format/card_codec.h"
#include "format/labels.h"

namespace kartla::fuzzing {

inline const crypto::BoxKeyPair& agency_box_keys() {
  static const crypto::BoxKeyPair keys =
      crypto::box_keypair_from_secret(crypto::SecretBuffer::copy_of(std::string(32, '\x61')));
  return keys;
}

inline const crypto::SigningKeyPair& agency_signing_keys() {
  static const crypto::SigningKeyPair keys =
      crypto::signing_keypair_from_seed(crypto::SecretBuffer::copy_of(std::string(32, '\x41')));
  return keys;
}

// A self-signed agency card file for the keys made from `sign_seed` and `box_secret`.
inline std::string agency_card_file(char sign_seed, char box_secret, const std::string& name) {
  const crypto::SigningKeyPair signing =
      crypto::signing_keypair_from_seed(crypto::SecretBuffer::copy_of(std::string(32, sign_seed)));
  const crypto::BoxKeyPair box = crypto::box_keypair_from_secret(crypto::SecretBuffer::copy_of(std::string(32, box_secret)));
  const format::Card card{format::CardKind::agency, signing.public_key, box.public_key, name, "2120001140", 1,
                          1700000000};
  const std::string card_bytes = format::encode_card(card);
  const std::string signature = crypto::sign_with_label(format::label::kCardSignature, signing, card_bytes);
  return format::encode_card_file(format::encode_signed_card(card_bytes, signature));
}

// The fuzzer's agency: the keys above.
inline std::string agency_card_file() { return agency_card_file('\x41', '\x61', "Fuzz kommun"); }

}  // namespace kartla::fuzzing
