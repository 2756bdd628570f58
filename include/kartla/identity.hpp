// SPDX-License-Identifier: Apache-2.0
// C++17 wrapper over the Kartla C ABI: identities and cards. STABLE TIER (docs/API-STABILITY.md).
// Header-only, like every kartla/*.hpp: it adds no symbols of its own. kartla/kartla.hpp includes
// them all.
#ifndef KARTLA_IDENTITY_HPP
#define KARTLA_IDENTITY_HPP

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kartla/common.hpp"
#include "kartla/identity.h"

namespace kartla {

// kartla.v1.CardDescription. Every method that returns a structured result (kartla/common.h
// "Structured results") takes the encoding last, JSON by default; parse KARTLA_ENCODING_PROTOBUF
// bytes with the classes generated from proto/kartla/v1/results.proto.
inline std::string card_describe(std::string_view card, kartla_encoding encoding = KARTLA_ENCODING_JSON) {
  buffer out;
  check(kartla_card_describe(detail::bytes(card), card.size(), encoding, out.out()));
  return out.str();
}

inline std::vector<std::string> agency_role_names() {
  std::vector<std::string> out;
  for (size_t i = 0; i < kartla_agency_role_count(); ++i) out.emplace_back(kartla_agency_role_name(i));
  return out;
}

inline std::string card_fingerprint(std::string_view card) {
  buffer out;
  check(kartla_card_fingerprint(detail::bytes(card), card.size(), out.out()));
  return out.str();
}


class identity {
 public:
  struct created;

  static created create(std::string_view passphrase, const kartla_identity_options* options = nullptr);
  // An agency identity: name, organisation number (checked) and one of kartla_agency_role_name().
  static created create_agency(const std::string& name, const std::string& organisation_number,
                               const std::string& role, std::string_view passphrase,
                               const kartla_identity_options* options = nullptr);
#ifdef KARTLA_EXPERIMENTAL
  // A trust root's identity (it signs trust lists); defined in kartla/experimental/trust.hpp.
  static created create_trust_root(const std::string& name, std::string_view passphrase,
                                   const kartla_identity_options* options = nullptr);
#endif
  static identity open_file(const std::string& path, std::string_view passphrase) {
    kartla_identity* raw = nullptr;
    check(kartla_identity_open_file(path.c_str(), detail::bytes(passphrase), passphrase.size(), &raw));
    return identity(raw);
  }
  static identity open(std::string_view file, std::string_view passphrase) {
    kartla_identity* raw = nullptr;
    check(kartla_identity_open(detail::bytes(file), file.size(), detail::bytes(passphrase), passphrase.size(), &raw));
    return identity(raw);
  }
  static identity recover(std::string_view file, std::string_view recovery_code) {
    kartla_identity* raw = nullptr;
    check(kartla_identity_recover(detail::bytes(file), file.size(), detail::bytes(recovery_code), recovery_code.size(),
                                  &raw));
    return identity(raw);
  }
  static identity recover_file(const std::string& path, std::string_view recovery_code) {
    kartla_identity* raw = nullptr;
    check(kartla_identity_recover_file(path.c_str(), detail::bytes(recovery_code), recovery_code.size(), &raw));
    return identity(raw);
  }

  void set_passphrase(std::string_view passphrase) {
    check(kartla_identity_set_passphrase(get(), detail::bytes(passphrase), passphrase.size()));
  }
  void save(const std::string& path, uint32_t flags = 0) const {
    check(kartla_identity_save(get(), path.c_str(), flags));
  }
  // Also keep the versions seen in `folder`, on this computer (kartla_identity_use_state_folder).
  void use_state_folder(const std::string& folder) { check(kartla_identity_use_state_folder(get(), folder.c_str())); }
  // The locked identity file as it would be saved (with the versions seen so far).
  buffer file_bytes() const {
    buffer out;
    check(kartla_identity_file_bytes(get(), out.out()));
    return out;
  }
  buffer card() const {
    buffer out;
    check(kartla_identity_card(get(), out.out()));
    return out;
  }
  std::string fingerprint() const {
    buffer out;
    check(kartla_identity_fingerprint(get(), out.out()));
    return out.str();
  }

  // Takes ownership of a handle the C API made.
  explicit identity(kartla_identity* raw) : handle_(raw) {}

  const kartla_identity* get() const noexcept { return handle_.get(); }
  kartla_identity* get() noexcept { return handle_.get(); }

 private:
  detail::handle<kartla_identity, kartla_identity_free> handle_;
};

struct identity::created {
  kartla::identity identity;
  buffer recovery_code;  // show once, then let it be wiped
};

inline identity::created identity::create_agency(const std::string& name, const std::string& organisation_number,
                                                 const std::string& role, std::string_view passphrase,
                                                 const kartla_identity_options* options) {
  kartla_agency_info info;
  kartla_agency_info_init(&info);
  info.name = name.c_str();
  info.organisation_number = organisation_number.c_str();
  info.role = role.c_str();
  kartla_identity* raw = nullptr;
  buffer code;
  check(kartla_identity_new_agency(&info, options, detail::bytes(passphrase), passphrase.size(), &raw, code.out()));
  return created{identity(raw), std::move(code)};
}

inline identity::created identity::create(std::string_view passphrase, const kartla_identity_options* options) {
  kartla_identity* raw = nullptr;
  buffer code;
  check(kartla_identity_new(options, detail::bytes(passphrase), passphrase.size(), &raw, code.out()));
  return created{identity(raw), std::move(code)};
}

}  // namespace kartla

#endif  // KARTLA_IDENTITY_HPP
