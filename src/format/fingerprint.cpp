// SPDX-License-Identifier: Apache-2.0
#include "format/fingerprint.h"

#include "crypto/encoding.h"
#include "crypto/hash.h"
#include "format/labels.h"

namespace kartla::format {

std::string fingerprint(ByteView signing_key, ByteView encryption_key) {
  const crypto::Digest digest =
      crypto::LabelledHasher(label::kFingerprint).update(signing_key).update(encryption_key).finish();
  const std::string hex = crypto::to_hex({digest.data(), 16});
  std::string out;
  for (size_t i = 0; i < hex.size(); i += 4) {
    if (i != 0) out.push_back(' ');
    out += hex.substr(i, 4);
  }
  return out;
}

}  // namespace kartla::format
