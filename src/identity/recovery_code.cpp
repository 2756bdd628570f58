// SPDX-License-Identifier: Apache-2.0
#include "identity/recovery_code.h"

#include <cstring>
#include <optional>

#include "base/error.h"
#include "crypto/encoding.h"
#include "crypto/hash.h"
#include "crypto/random.h"
#include "format/labels.h"

namespace kartla::identity {
namespace {

constexpr size_t kChecksumBytes = 2;
constexpr size_t kCodeBytes = kRecoveryEntropyBytes + kChecksumBytes;

crypto::Digest checksum(const crypto::SecretBuffer& entropy) {
  return crypto::labelled_hash(format::label::kRecoveryCheck, entropy.view());
}

}  // namespace

RecoveryCode new_recovery_code() {
  crypto::SecretBuffer raw(kCodeBytes);
  crypto::random_bytes(raw.data(), kRecoveryEntropyBytes);
  crypto::SecretBuffer entropy = crypto::SecretBuffer::copy_of({raw.data(), kRecoveryEntropyBytes});
  const crypto::Digest check = checksum(entropy);
  std::memcpy(raw.data() + kRecoveryEntropyBytes, check.data(), kChecksumBytes);
  const crypto::SecretBuffer hex = crypto::secret_to_hex(raw);  // 36 digits
  crypto::SecretBuffer text(hex.size() + hex.size() / 4 - 1);
  size_t out = 0;
  for (size_t i = 0; i < hex.size(); ++i) {
    if (i != 0 && i % 4 == 0) text.data()[out++] = '-';
    text.data()[out++] = hex.data()[i];
  }
  return {std::move(entropy), std::move(text)};
}

crypto::SecretBuffer parse_recovery_code(ByteView text) {
  if (text.size > kMaxRecoveryCodeInputBytes)
    fail(Code::limit, "the recovery code input is longer than 4096 bytes");
  // sodium_hex2bin skips a NUL byte as if it were one of the separators (strchr finds the ignore
  // string's terminator); a code is hex digits, '-' and ' ' only (SPEC §4.1.2).
  const bool has_nul = text.size != 0 && std::memchr(text.data, '\0', text.size) != nullptr;
  auto raw = has_nul ? std::nullopt : crypto::secret_from_hex(text, kCodeBytes, "- ");
  if (!raw) fail(Code::auth, "the recovery code is mistyped: it must be 36 hex digits (groups of four)");
  crypto::SecretBuffer entropy = crypto::SecretBuffer::copy_of({raw->data(), kRecoveryEntropyBytes});
  const crypto::Digest check = checksum(entropy);
  if (!crypto::equal_constant_time({check.data(), kChecksumBytes}, {raw->data() + kRecoveryEntropyBytes, kChecksumBytes}))
    fail(Code::auth, "the recovery code is mistyped: its checksum does not match");
  return entropy;
}

crypto::SecretBuffer recovery_wrapping_key(const crypto::SecretBuffer& entropy) {
  return crypto::LabelledHasher(format::label::kRecoveryKey).update(entropy.view()).finish_secret();
}

}  // namespace kartla::identity
