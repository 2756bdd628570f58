// Shared by the tests that go through the public C ABI only (capi_*): the fixed clock and the
// cheapest Argon2id cost the library accepts, so identities are quick to make.
#pragma once

#include <cstdint>

#include "kartla/kartla.h"

namespace capi_test {

inline constexpr int64_t kNow = 1767225600;  // 2026-01-01T00:00:00Z

inline kartla_identity_options cheap_kdf() {
  kartla_identity_options o;
  kartla_identity_options_init(&o);
  o.kdf_memlimit_mib = 64;
  o.created_at = kNow - 86400;
  return o;
}

}  // namespace capi_test
