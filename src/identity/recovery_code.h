/* SPDX-License-Identifier: Apache-2.0 */
// Recovery codes: 128 random bits plus a 16-bit checksum, written as 36 hex digits in nine
// groups of four ("3f2a-9b1c-…"), so a person can copy it onto paper and a typo is caught before
// any key is tried (docs/SPEC.md §4.1.2).
#pragma once

#include "base/bytes.h"
#include "crypto/secret_buffer.h"

namespace kartla::identity {

inline constexpr size_t kRecoveryEntropyBytes = 16;
// Code input is counted in bytes; longer input is refused before parsing (SPEC §4.1.2, §9).
inline constexpr size_t kMaxRecoveryCodeInputBytes = 4096;

struct RecoveryCode {
  crypto::SecretBuffer entropy;  // 16 bytes
  crypto::SecretBuffer text;     // the grouped form shown to the person once
};

RecoveryCode new_recovery_code();

// Accepts either case and any '-' or ' ' separators. Throws Error(limit) for input over
// kMaxRecoveryCodeInputBytes, and Error(auth) with a message saying the code is mistyped if it is
// malformed or its checksum does not match.
crypto::SecretBuffer parse_recovery_code(ByteView text);

// The key that wraps the identity's data key: H("kartla/v1/recovery-key", entropy).
crypto::SecretBuffer recovery_wrapping_key(const crypto::SecretBuffer& entropy);

}  // namespace kartla::identity
