// SPDX-License-Identifier: Apache-2.0
#include "crypto/pwhash.h"

#include <sodium.h>

#include "base/error.h"
#include "crypto/init.h"
#include "crypto/random.h"

namespace kartla::crypto {

static_assert(kArgonAlgorithmId == crypto_pwhash_ALG_ARGON2ID13);
static_assert(kArgonSaltBytes == crypto_pwhash_SALTBYTES);

Argon2idParams new_argon2id_params(uint64_t opslimit, uint64_t memlimit_bytes) {
  Argon2idParams params;
  params.opslimit = opslimit;
  params.memlimit_bytes = memlimit_bytes;
  params.salt = random_public_bytes(kArgonSaltBytes);
  check_argon2id_policy(params);
  return params;
}

void check_argon2id_policy(const Argon2idParams& params) {
  if (params.algorithm != kArgonAlgorithmId)
    fail(Code::format, "passphrase protection is not Argon2id version 0x13");
  if (params.salt.size() != kArgonSaltBytes) fail(Code::format, "Argon2id salt has an invalid length");
  if (params.opslimit < kArgonMinOps || params.memlimit_bytes < kArgonMinMemBytes)
    fail(Code::format, "Argon2id parameters are below the minimum of 3 passes and 64 MiB");
  if (params.opslimit > kArgonMaxOps || params.memlimit_bytes > kArgonMaxMemBytes)
    fail(Code::limit, "Argon2id parameters exceed the maximum of 16 passes and 1 GiB");
}

SecretBuffer derive_key_from_passphrase(ByteView passphrase, const Argon2idParams& params) {
  ensure_initialized();
  check_argon2id_policy(params);
  if (passphrase.size > crypto_pwhash_PASSWD_MAX) fail(Code::limit, "passphrase too long");
  SecretBuffer key(32);
  // An empty passphrase is legal input to Argon2 but pointless; callers refuse it earlier.
  const char* pw = passphrase.size == 0 ? "" : reinterpret_cast<const char*>(passphrase.data);
  if (crypto_pwhash(key.data(), key.size(), pw, passphrase.size,
                    reinterpret_cast<const unsigned char*>(params.salt.data()), params.opslimit,
                    static_cast<size_t>(params.memlimit_bytes), crypto_pwhash_ALG_ARGON2ID13) != 0)
    fail(Code::no_memory, "Argon2id could not allocate its memory");
  return key;
}

}  // namespace kartla::crypto
