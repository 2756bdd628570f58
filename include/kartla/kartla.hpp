// Header-only C++17 wrapper over the Kartla C ABI (kartla.h). It adds no symbols of its own:
// each handle is a std::unique_ptr whose deleter calls kartla_T_free, each buffer a move-only
// owner that wipes on destruction, and each failing status becomes a kartla::error exception
// carrying the status and kartla_last_error(). Thread-safety is that of the C handles.
#ifndef KARTLA_KARTLA_HPP
#define KARTLA_KARTLA_HPP

#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kartla/kartla.h"

namespace kartla {

class error : public std::runtime_error {
 public:
  error(kartla_status status, const std::string& message) : std::runtime_error(message), status_(status) {}
  kartla_status status() const noexcept { return status_; }
  const char* status_name() const noexcept { return kartla_status_name(status_); }

 private:
  kartla_status status_;
};

inline void check(kartla_status status) {
  if (status != KARTLA_OK) throw error(status, kartla_last_error());
}

// Library-owned bytes, wiped when released.
class buffer {
 public:
  buffer() noexcept { kartla_buffer_init(&raw_); }
  ~buffer() { kartla_buffer_free(&raw_); }
  buffer(buffer&& other) noexcept : raw_(other.raw_) { kartla_buffer_init(&other.raw_); }
  buffer& operator=(buffer&& other) noexcept {
    if (this != &other) {
      kartla_buffer_free(&raw_);
      raw_ = other.raw_;
      kartla_buffer_init(&other.raw_);
    }
    return *this;
  }
  buffer(const buffer&) = delete;
  buffer& operator=(const buffer&) = delete;

  kartla_buffer* out() noexcept { return &raw_; }
  const uint8_t* data() const noexcept { return raw_.data; }
  size_t size() const noexcept { return raw_.len; }
  std::string_view view() const noexcept {
    return {reinterpret_cast<const char*>(raw_.data), raw_.len};
  }
  // A copy in ordinary memory: the caller takes responsibility for it.
  std::string str() const { return std::string(view()); }

 private:
  kartla_buffer raw_;
};

namespace detail {
template <typename T, void (*Free)(T*)>
struct deleter {
  void operator()(T* p) const noexcept { Free(p); }
};
template <typename T, void (*Free)(T*)>
using handle = std::unique_ptr<T, deleter<T, Free>>;

inline const uint8_t* bytes(std::string_view s) noexcept { return reinterpret_cast<const uint8_t*>(s.data()); }
}  // namespace detail

inline std::vector<std::string> section_names() {
  std::vector<std::string> out;
  for (size_t i = 0; i < kartla_section_count(); ++i) out.emplace_back(kartla_section_name(i));
  return out;
}

inline bool section_is_special_category(const std::string& section) {
  int out = 0;
  check(kartla_section_is_special_category(section.c_str(), &out));
  return out != 0;
}

inline std::string card_describe_json(std::string_view card) {
  buffer out;
  check(kartla_card_describe_json(detail::bytes(card), card.size(), out.out()));
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

  const kartla_identity* get() const noexcept { return handle_.get(); }
  kartla_identity* get() noexcept { return handle_.get(); }

 private:
  explicit identity(kartla_identity* raw) : handle_(raw) {}
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
  check(kartla_agency_new(&info, options, detail::bytes(passphrase), passphrase.size(), &raw, code.out()));
  return created{identity(raw), std::move(code)};
}

inline identity::created identity::create(std::string_view passphrase, const kartla_identity_options* options) {
  kartla_identity* raw = nullptr;
  buffer code;
  check(kartla_identity_new(options, detail::bytes(passphrase), passphrase.size(), &raw, code.out()));
  return created{identity(raw), std::move(code)};
}

class record {
 public:
  static record create(const identity& owner) {
    kartla_record* raw = nullptr;
    check(kartla_record_new(owner.get(), &raw));
    return record(raw);
  }
  static record open_file(const std::string& path, const identity& owner) {
    kartla_record* raw = nullptr;
    check(kartla_record_open_file(path.c_str(), owner.get(), &raw));
    return record(raw);
  }
  static record open(std::string_view bytes, const identity& owner) {
    kartla_record* raw = nullptr;
    check(kartla_record_open(detail::bytes(bytes), bytes.size(), owner.get(), &raw));
    return record(raw);
  }

  void save(const std::string& path) { check(kartla_record_save(get(), path.c_str())); }
  std::string id() const {
    buffer out;
    check(kartla_record_id(get(), out.out()));
    return out.str();
  }
  uint64_t sequence() const {
    uint64_t out = 0;
    check(kartla_record_sequence(get(), &out));
    return out;
  }
  bool has_section(const std::string& section) const {
    int out = 0;
    check(kartla_record_has_section(get(), section.c_str(), &out));
    return out != 0;
  }
  void set_section(const std::string& section, std::string_view protobuf) {
    check(kartla_record_set_section(get(), section.c_str(), detail::bytes(protobuf), protobuf.size()));
  }
  void set_section_json(const std::string& section, std::string_view json) {
    check(kartla_record_set_section_json(get(), section.c_str(), detail::bytes(json), json.size()));
  }
  buffer section(const std::string& section) const {
    buffer out;
    check(kartla_record_get_section(get(), section.c_str(), out.out()));
    return out;
  }
  buffer section_json(const std::string& section) const {
    buffer out;
    check(kartla_record_get_section_json(get(), section.c_str(), out.out()));
    return out;
  }
  void remove_section(const std::string& section) { check(kartla_record_remove_section(get(), section.c_str())); }

  // Returns the grant id. Saved with save(); then export_bundle(grant_id, path).
  std::string share(std::string_view agency_card, const std::vector<std::string>& sections, const std::string& purpose,
                    int64_t expires_at = 0, int64_t now = 0) {
    std::vector<const char*> names;
    for (const auto& s : sections) names.push_back(s.c_str());
    kartla_share_options options;
    kartla_share_options_init(&options);
    options.purpose = purpose.c_str();
    options.expires_at = expires_at;
    options.now = now;
    buffer id;
    check(kartla_record_share(get(), detail::bytes(agency_card), agency_card.size(), names.data(), names.size(),
                              &options, id.out()));
    return id.str();
  }
  void export_bundle(const std::string& grant_id, const std::string& out_path) const {
    check(kartla_record_export_bundle(get(), grant_id.c_str(), out_path.c_str()));
  }
  // What was shared cannot be unshared: see kartla_record_revoke. Returns the summary JSON.
  std::string revoke(std::string_view agency_card, int64_t now = 0) {
    buffer summary;
    check(kartla_record_revoke(get(), detail::bytes(agency_card), agency_card.size(), now, summary.out()));
    return summary.str();
  }

  const kartla_record* get() const noexcept { return handle_.get(); }
  kartla_record* get() noexcept { return handle_.get(); }

 private:
  explicit record(kartla_record* raw) : handle_(raw) {}
  detail::handle<kartla_record, kartla_record_free> handle_;
};

class verification {
 public:
  static verification of_file(const std::string& path) {
    kartla_verification* raw = nullptr;
    check(kartla_verify_file(path.c_str(), &raw));
    return verification(raw);
  }
  static verification of_bytes(std::string_view bytes) {
    kartla_verification* raw = nullptr;
    check(kartla_verify(detail::bytes(bytes), bytes.size(), &raw));
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
  std::string json() const { return text(kartla_verification_json); }
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

// An agency's view of a share bundle or record file; may be shared between threads.
class share {
 public:
  static share open_file(const std::string& path, const identity& agency) {
    kartla_share* raw = nullptr;
    check(kartla_share_open_file(path.c_str(), agency.get(), &raw));
    return share(raw);
  }
  static share open(std::string_view bytes, const identity& agency) {
    kartla_share* raw = nullptr;
    check(kartla_share_open(detail::bytes(bytes), bytes.size(), agency.get(), &raw));
    return share(raw);
  }
  // `at`: Unix seconds for the expiry check; 0 = now.
  buffer section(const std::string& section, int64_t at = 0) const {
    buffer out;
    check(kartla_share_get_section(get(), section.c_str(), at, out.out()));
    return out;
  }
  buffer section_json(const std::string& section, int64_t at = 0) const {
    buffer out;
    check(kartla_share_get_section_json(get(), section.c_str(), at, out.out()));
    return out;
  }
  std::string describe_json() const {
    buffer out;
    check(kartla_share_describe_json(get(), out.out()));
    return out.str();
  }
  uint64_t sequence() const {
    uint64_t out = 0;
    check(kartla_share_sequence(get(), &out));
    return out;
  }
  void check_last_seen(uint64_t last_seen) const { check(kartla_share_check_last_seen(get(), last_seen)); }
  // Throws kartla::error (KARTLA_E_AUTH) unless the owner whose card this is signed the file.
  void check_owner(std::string_view owner_card) const {
    check(kartla_share_check_owner(get(), detail::bytes(owner_card), owner_card.size()));
  }

  const kartla_share* get() const noexcept { return handle_.get(); }

 private:
  explicit share(kartla_share* raw) : handle_(raw) {}
  detail::handle<kartla_share, kartla_share_free> handle_;
};

}  // namespace kartla

#endif  // KARTLA_KARTLA_HPP
