// SPDX-License-Identifier: Apache-2.0
// Unlocking with a passphrase key an agent kept (docs/SPEC.md §4.1.3, docs/AGENT.md): the same
// checks as a derived key, without paying Argon2id again.
#include <cstring>

#include "base/error.h"
#include "crypto/aead.h"
#include "format/labels.h"
#include "identity/identity.h"

namespace kartla::identity {
namespace {

constexpr size_t kPassphraseKeyBytes = crypto::kAeadKeyBytes;

}  // namespace

crypto::Digest Identity::passphrase_key_tag(ByteView identity_file) {
  const format::IdentityFile file = format::decode_identity_file(identity_file);  // policy checked
  crypto::LabelledHasher hasher(format::label::kPassphraseKeyTag);
  // The card's length first: it is the one field of variable length, so no two files hash alike.
  hasher.update_u32(static_cast<uint32_t>(file.signed_card.size()))
      .update(file.signed_card)
      .update_u32(file.kdf.algorithm)
      .update_u64(file.kdf.opslimit)
      .update_u64(file.kdf.memlimit_bytes)
      .update(file.kdf.salt)
      .update(file.passphrase_wrap);
  return hasher.finish();
}

Identity Identity::unlock_with_passphrase_key(ByteView identity_file, ByteView passphrase_key) {
  format::IdentityFile file = format::decode_identity_file(identity_file);
  // A key of another length is refused before it is tried: it cannot be one this file made.
  if (passphrase_key.size != kPassphraseKeyBytes) fail(Code::auth, "wrong passphrase key");
  const crypto::SecretBuffer key = crypto::SecretBuffer::copy_of(passphrase_key);
  return unlock_with_wrapping_key(std::move(file), key, format::label::kPassphraseWrapAd, false);
}

}  // namespace kartla::identity
