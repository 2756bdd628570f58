// SPDX-License-Identifier: Apache-2.0
#include "crypto/random.h"

#include <sodium.h>

#include "crypto/init.h"

namespace kartla::crypto {

void random_bytes(uint8_t* out, size_t size) {
  ensure_initialized();
  if (size != 0) randombytes_buf(out, size);
}

std::string random_public_bytes(size_t size) {
  std::string out(size, '\0');
  random_bytes(reinterpret_cast<uint8_t*>(out.data()), size);
  return out;
}

SecretBuffer random_secret(size_t size) {
  SecretBuffer out(size);
  random_bytes(out.data(), size);
  return out;
}

}  // namespace kartla::crypto
