/* SPDX-License-Identifier: Apache-2.0 */
// Identity files: the public card and the secret keys, locked under a passphrase and, separately,
// under a recovery code (docs/SPEC.md §4.1).
#pragma once

#include <string>

#include "base/bytes.h"
#include "crypto/pwhash.h"

namespace kartla::format {

struct IdentityFile {
  std::string signed_card;          // exact SignedCard bytes
  crypto::Argon2idParams kdf;
  std::string passphrase_wrap;      // 72 bytes
  std::string recovery_wrap;        // 72 bytes
  std::string sealed_secret_keys;   // 104 bytes
  std::string sealed_marks;         // empty, or a sealed SeenMarks (seen_marks_codec.h)
};

std::string encode_identity_file(const IdentityFile& identity);

// Strict; the Argon2id policy (floor and ceiling) is enforced here, before any hashing can
// happen, so a downgraded or DoS file is refused at parse time.
IdentityFile decode_identity_file(ByteView file);

}  // namespace kartla::format
