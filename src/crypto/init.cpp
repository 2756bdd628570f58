// SPDX-License-Identifier: Apache-2.0
#include "crypto/init.h"

#include <sodium.h>

#include "base/error.h"

namespace kartla::crypto {

void ensure_initialized() {
  static const int result = sodium_init();
  if (result < 0) fail(Code::crypto, "libsodium could not be initialised");
}

}  // namespace kartla::crypto
