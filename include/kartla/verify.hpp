// SPDX-License-Identifier: Apache-2.0
// C++17 wrapper over the Kartla C ABI: verification without keys. STABLE TIER (docs/API-STABILITY.md).
// Header-only, like every kartla/*.hpp: it adds no symbols of its own. kartla/kartla.hpp includes
// them all.
#ifndef KARTLA_VERIFY_HPP
#define KARTLA_VERIFY_HPP

#include <string>
#include <string_view>

#include "kartla/common.hpp"
#include "kartla/verify.h"

namespace kartla {

class verification {
 public:
  static verification of_file(const std::string& path) {
    kartla_verification* raw = nullptr;
    check(kartla_verification_open_file(path.c_str(), &raw));
    return verification(raw);
  }
  static verification of_bytes(std::string_view bytes) {
    kartla_verification* raw = nullptr;
    check(kartla_verification_open(detail::bytes(bytes), bytes.size(), &raw));
    return verification(raw);
  }

  uint64_t sequence() const {
    uint64_t out = 0;
    check(kartla_verification_sequence(get(), &out));
    return out;
  }
  std::string record_id() const { return text(kartla_verification_record_id); }
  std::string owner_fingerprint() const { return text(kartla_verification_owner_fingerprint); }
  std::string previous_hash() const { return text(kartla_verification_previous_hash); }
  // kartla.v1.VerificationReport.
  std::string report(kartla_encoding encoding = KARTLA_ENCODING_JSON) const {
    buffer out;
    check(kartla_verification_report(get(), encoding, out.out()));
    return out.str();
  }
  // Throws kartla::error with KARTLA_E_ROLLBACK if this copy is older than last_seen.
  void check_last_seen(uint64_t last_seen) const { check(kartla_verification_check_last_seen(get(), last_seen)); }

  const kartla_verification* get() const noexcept { return handle_.get(); }

 private:
  explicit verification(kartla_verification* raw) : handle_(raw) {}
  std::string text(kartla_status (*fn)(const kartla_verification*, kartla_buffer*)) const {
    buffer out;
    check(fn(get(), out.out()));
    return out.str();
  }
  detail::handle<kartla_verification, kartla_verification_free> handle_;
};

}  // namespace kartla

#endif  // KARTLA_VERIFY_HPP
