/* SPDX-License-Identifier: Apache-2.0 */
// Small helpers the generator's vector builders share.
#pragma once

#include <string>

#include "base/bytes.h"
#include "crypto/hash.h"
#include "format/labels.h"
#include "json_out.h"

namespace kartla::vectors {

inline std::string flip_bit(std::string bytes, size_t offset, int bit) {
  bytes.at(offset) = static_cast<char>(bytes.at(offset) ^ (1 << bit));
  return bytes;
}

// The recovery code text of SPEC §4.1.2, written from the spec (the library's own formatting is
// only reachable through a random code).
inline std::string recovery_code_text(ByteView entropy) {
  const crypto::Digest check = crypto::labelled_hash(format::label::kRecoveryCheck, entropy);
  const std::string digits = to_hex(entropy) + to_hex({check.data(), 2});
  std::string text;
  for (size_t i = 0; i < digits.size(); ++i) text += (i != 0 && i % 4 == 0 ? "-" : "") + digits.substr(i, 1);
  return text;
}

}  // namespace kartla::vectors
