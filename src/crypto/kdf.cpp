// SPDX-License-Identifier: Apache-2.0
#include "crypto/kdf.h"

#include <sodium.h>

#include "base/error.h"
#include "crypto/init.h"

namespace kartla::crypto {

static_assert(kMasterKeyBytes == crypto_kdf_KEYBYTES);

SecretBuffer derive_subkey(const SecretBuffer& master_key, std::string_view context,
                           uint64_t subkey_id, size_t subkey_size) {
  ensure_initialized();
  if (master_key.size() != crypto_kdf_KEYBYTES) fail(Code::internal, "master key has an invalid length");
  if (context.size() != crypto_kdf_CONTEXTBYTES) fail(Code::internal, "KDF context must be 8 bytes");
  if (subkey_size < crypto_kdf_BYTES_MIN || subkey_size > crypto_kdf_BYTES_MAX)
    fail(Code::internal, "KDF subkey size out of range");
  SecretBuffer subkey(subkey_size);
  char ctx[crypto_kdf_CONTEXTBYTES];
  for (size_t i = 0; i < sizeof ctx; ++i) ctx[i] = context[i];
  crypto_kdf_derive_from_key(subkey.data(), subkey.size(), subkey_id, ctx, master_key.data());
  return subkey;
}

}  // namespace kartla::crypto
