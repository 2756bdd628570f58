// SPDX-License-Identifier: Apache-2.0
#include "format/owner_index.h"

#include <cstring>

#include "base/error.h"
#include "crypto/aead.h"
#include "crypto/kdf.h"
#include "crypto/padding.h"
#include "format/labels.h"
#include "format/limits.h"

namespace kartla::format {
namespace {

std::string index_associated_data(const std::string& record_id, uint64_t sequence) {
  std::string ad(label::kOwnerIndexAd);
  ad.push_back('\0');
  for (int i = 0; i < 4; ++i) ad.push_back(static_cast<char>((kFormatVersion >> (8 * i)) & 0xff));
  ad += record_id;
  for (int i = 0; i < 8; ++i) ad.push_back(static_cast<char>((sequence >> (8 * i)) & 0xff));
  return ad;
}

crypto::SecretBuffer index_key(const crypto::SecretBuffer& record_master_key) {
  return crypto::derive_subkey(record_master_key, label::kOwnerIndexKeyContext, 0);
}

}  // namespace

std::string seal_owner_index(const crypto::SecretBuffer& record_master_key, const std::string& record_id,
                             uint64_t sequence, const OwnerIndex& index) {
  std::string encoded = encode_owner_index(index);
  crypto::SecretBuffer padded(static_cast<size_t>(crypto::padded_size(encoded.size())));
  std::memcpy(padded.data(), encoded.data(), encoded.size());
  crypto::wipe(encoded.data(), encoded.size());
  crypto::pad_in_place(padded.data(), encoded.size());
  std::string sealed = crypto::aead_seal(index_key(record_master_key), padded.view(),
                                         index_associated_data(record_id, sequence));
  if (sealed.size() != kSealedIndexBytes) fail(Code::internal, "the owner index outgrew its fixed size");
  return sealed;
}

OwnerIndex open_owner_index(const crypto::SecretBuffer& record_master_key, const std::string& record_id,
                            uint64_t sequence, const std::string& sealed_index) {
  crypto::SecretBuffer text =
      crypto::aead_open(index_key(record_master_key), sealed_index, index_associated_data(record_id, sequence));
  const size_t length = crypto::unpadded_size(text.data(), text.size());
  return decode_owner_index({text.data(), length});
}

}  // namespace kartla::format
