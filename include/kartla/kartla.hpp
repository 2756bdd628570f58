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

// The outcome of kartla_validate_section*: `report` is the JSON report (every violation, see
// kartla.h); `first_violation` is kartla_last_error() when the content is invalid.
struct validation {
  bool valid = false;
  std::string report;
  std::string first_violation;
};

namespace detail {
inline validation judged(kartla_status status, const buffer& report) {
  if (status != KARTLA_OK && status != KARTLA_E_SCHEMA) throw error(status, kartla_last_error());
  validation out;
  out.valid = status == KARTLA_OK;
  out.report = report.str();
  if (!out.valid) out.first_violation = kartla_last_error();
  return out;
}
}  // namespace detail

// Invalid content is a result, not an exception; an unknown section or oversized input throws.
inline validation validate_section(const std::string& section, std::string_view protobuf) {
  buffer report;
  const kartla_status status =
      kartla_validate_section(section.c_str(), detail::bytes(protobuf), protobuf.size(), report.out());
  return detail::judged(status, report);
}

inline validation validate_section_json(const std::string& section, std::string_view json) {
  buffer report;
  const kartla_status status = kartla_validate_section_json(section.c_str(), detail::bytes(json), json.size(), report.out());
  return detail::judged(status, report);
}

// Options of the record views (kartla_view_options).
struct view_options {
  bool include_work_ability = false;  // progress: also chart work_ability scores (health data)
  std::string language;               // empty = English labels
};

class identity {
 public:
  struct created;

  static created create(std::string_view passphrase, const kartla_identity_options* options = nullptr);
  // An agency identity: name, organisation number (checked) and one of kartla_agency_role_name().
  static created create_agency(const std::string& name, const std::string& organisation_number,
                               const std::string& role, std::string_view passphrase,
                               const kartla_identity_options* options = nullptr);
  // A trust root's identity (it signs trust lists).
  static created create_trust_root(const std::string& name, std::string_view passphrase,
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
  // With kartla_record_open_options: an older copy or a fork only when accept_older is set.
  static record open_file(const std::string& path, const identity& owner, const kartla_record_open_options& options) {
    kartla_record* raw = nullptr;
    check(kartla_record_open_file_with_options(path.c_str(), owner.get(), &options, &raw));
    return record(raw);
  }
  static record open(std::string_view bytes, const identity& owner) {
    kartla_record* raw = nullptr;
    check(kartla_record_open(detail::bytes(bytes), bytes.size(), owner.get(), &raw));
    return record(raw);
  }

  void save(const std::string& path) { check(kartla_record_save(get(), path.c_str())); }
  // The time save() and export_bundle() use (0: the system clock); see kartla_record_set_clock.
  void set_clock(int64_t now) { check(kartla_record_set_clock(get(), now)); }
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
  // kartla_record_sections_json: every section held, unknown ids included.
  std::string sections_json() const {
    buffer out;
    check(kartla_record_sections_json(get(), out.out()));
    return out.str();
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
  size_t section_size(const std::string& section) const {
    size_t out = 0;
    check(kartla_record_section_size(get(), section.c_str(), &out));
    return out;
  }
  // Into memory the caller owns (see kartla_record_get_section_into); returns the length used.
  size_t section_into(const std::string& section, uint8_t* out, size_t capacity) const {
    size_t used = 0;
    check(kartla_record_get_section_into(get(), section.c_str(), out, capacity, &used));
    return used;
  }
  buffer section_json(const std::string& section) const {
    buffer out;
    check(kartla_record_get_section_json(get(), section.c_str(), out.out()));
    return out;
  }
  void remove_section(const std::string& section) { check(kartla_record_remove_section(get(), section.c_str())); }

  // The views a person reads (kartla.h "Content"); each returns text in wiped memory.
  buffer progress_json(const view_options& options = {}) const { return view(kartla_record_progress_json, options); }
  buffer progress_text(const view_options& options = {}) const { return view(kartla_record_progress_text, options); }
  buffer progress_svg(const view_options& options = {}) const { return view(kartla_record_progress_svg, options); }
  buffer plan_json(const view_options& options = {}) const { return view(kartla_record_plan_json, options); }
  buffer plan_text(const view_options& options = {}) const { return view(kartla_record_plan_text, options); }
  // Every section the record holds when `section` is empty.
  buffer show_text(const std::string& section = {}, const view_options& options = {}) const {
    const kartla_view_options raw = raw_view_options(options);
    buffer out;
    check(kartla_record_show_text(get(), section.empty() ? nullptr : section.c_str(), &raw, out.out()));
    return out;
  }

  // Returns the grant id. Saved with save(); then export_bundle(grant_id, path). art9_basis is
  // required for health data (section_is_special), art6_basis defaults to "6.1.a".
  std::string share(std::string_view agency_card, const std::vector<std::string>& sections, const std::string& purpose,
                    int64_t expires_at = 0, int64_t now = 0, const std::string& art9_basis = std::string(),
                    const std::string& art6_basis = std::string()) {
    std::vector<const char*> names;
    for (const auto& s : sections) names.push_back(s.c_str());
    kartla_share_options options;
    kartla_share_options_init(&options);
    options.purpose = purpose.c_str();
    options.expires_at = expires_at;
    options.now = now;
    options.gdpr_art9_basis = art9_basis.empty() ? nullptr : art9_basis.c_str();
    options.gdpr_art6_basis = art6_basis.empty() ? nullptr : art6_basis.c_str();
    buffer id;
    check(kartla_record_share(get(), detail::bytes(agency_card), agency_card.size(), names.data(), names.size(),
                              &options, id.out()));
    return id.str();
  }
  bool section_is_special(const std::string& section) const {
    int out = 0;
    check(kartla_record_section_is_special(get(), section.c_str(), &out));
    return out != 0;
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
  // The receipt file of a grant, from the saved record (kartla_record_receipt): a grant receipt
  // while it is live, a termination receipt once it has ended. Call it after save().
  buffer receipt(const std::string& grant_id) const {
    buffer out;
    check(kartla_record_receipt(get(), grant_id.c_str(), out.out()));
    return out;
  }

  const kartla_record* get() const noexcept { return handle_.get(); }
  kartla_record* get() noexcept { return handle_.get(); }

 private:
  explicit record(kartla_record* raw) : handle_(raw) {}
  // The returned struct borrows options.language: use it before options goes away.
  static kartla_view_options raw_view_options(const view_options& options) {
    kartla_view_options raw;
    kartla_view_options_init(&raw);
    raw.include_work_ability = options.include_work_ability ? 1 : 0;
    raw.language = options.language.empty() ? nullptr : options.language.c_str();
    return raw;
  }
  buffer view(kartla_status (*fn)(const kartla_record*, const kartla_view_options*, kartla_buffer*),
              const view_options& options) const {
    const kartla_view_options raw = raw_view_options(options);
    buffer out;
    check(fn(get(), &raw, out.out()));
    return out;
  }
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
  size_t section_size(const std::string& section, int64_t at = 0) const {
    size_t out = 0;
    check(kartla_share_section_size(get(), section.c_str(), at, &out));
    return out;
  }
  size_t section_into(const std::string& section, uint8_t* out, size_t capacity, int64_t at = 0) const {
    size_t used = 0;
    check(kartla_share_get_section_into(get(), section.c_str(), at, out, capacity, &used));
    return used;
  }
  // Throws kartla::error (KARTLA_E_AUTH) unless the owner whose card this is signed the file.
  void check_owner(std::string_view owner_card) const {
    check(kartla_share_check_owner(get(), detail::bytes(owner_card), owner_card.size()));
  }

  const kartla_share* get() const noexcept { return handle_.get(); }

 private:
  explicit share(kartla_share* raw) : handle_(raw) {}
  detail::handle<kartla_share, kartla_share_free> handle_;
};

// Verifies a receipt file and describes it as JSON (kartla_receipt_describe_json). An empty
// owner_card does not pin the owner; an empty agency_card does not check the recipient.
inline std::string receipt_describe_json(std::string_view receipt, std::string_view owner_card = {},
                                         std::string_view agency_card = {}) {
  buffer out;
  check(kartla_receipt_describe_json(detail::bytes(receipt), receipt.size(), detail::bytes(owner_card),
                                     owner_card.size(), detail::bytes(agency_card), agency_card.size(), out.out()));
  return out.str();
}

// Attestations (kartla.h): the bytes an attestation covers, issuing one, checking one.
struct entry_ref {
  std::string owner_card;  // the record owner's card file
  std::string record_id;   // 32 hex digits
  std::string section;
  std::string entry_id;
  std::string entry;       // the entry's bytes (section_entry)
};

namespace detail {
// Borrows `r`'s strings: valid while `r` lives.
inline kartla_entry_ref raw_entry_ref(const entry_ref& r) noexcept {
  kartla_entry_ref raw;
  kartla_entry_ref_init(&raw);
  raw.owner_card = bytes(r.owner_card);
  raw.owner_card_len = r.owner_card.size();
  raw.record_id = r.record_id.c_str();
  raw.section = r.section.c_str();
  raw.entry_id = r.entry_id.c_str();
  raw.entry = bytes(r.entry);
  raw.entry_len = r.entry.size();
  return raw;
}
}  // namespace detail

inline std::string section_entry(const std::string& section, std::string_view content, const std::string& entry_id) {
  buffer out;
  check(kartla_section_entry(section.c_str(), detail::bytes(content), content.size(), entry_id.c_str(), out.out()));
  return out.str();
}

// The attestation file's bytes. issued_at 0 = now; expires_at 0 = never.
inline std::string attestation_issue(const identity& agency, const entry_ref& ref, const std::string& claim_json,
                                     int64_t issued_at = 0, int64_t expires_at = 0) {
  buffer out;
  const kartla_entry_ref raw = detail::raw_entry_ref(ref);
  check(kartla_attestation_issue(agency.get(), &raw, claim_json.c_str(), issued_at, expires_at, out.out()));
  return out.str();
}

// An attestation that does not hold is a result, not an exception: `status` is its class and
// `report` says why. Bad arguments and an unusable trust list (malformed, expired) throw.
struct attestation_check {
  kartla_status status = KARTLA_OK;  // KARTLA_OK: valid, trusted or not (the report's verdict)
  std::string report;                // JSON, see kartla_attestation_verify
  std::string message;               // kartla_last_error() when invalid
};

inline attestation_check attestation_verify(std::string_view attestation, const entry_ref& ref,
                                            std::string_view trust_list = {}, int64_t now = 0) {
  buffer report;
  const kartla_entry_ref raw = detail::raw_entry_ref(ref);
  const kartla_status status = kartla_attestation_verify(detail::bytes(attestation), attestation.size(), &raw,
                                                         detail::bytes(trust_list), trust_list.size(), now, report.out());
  if (status != KARTLA_OK && report.size() == 0) throw error(status, kartla_last_error());
  attestation_check out;
  out.status = status;
  out.report = report.str();
  if (status != KARTLA_OK) out.message = kartla_last_error();
  return out;
}


// Trust lists (kartla.h): a trust root signs a draft of agency cards with roles and periods.
class trust_draft {
 public:
  static trust_draft create(uint64_t sequence) {
    kartla_trust_draft* raw = nullptr;
    check(kartla_trust_draft_new(sequence, &raw));
    return trust_draft(raw);
  }
  // The next version of a signed list: its agencies, sequence + 1.
  static trust_draft next(std::string_view trust_list) {
    kartla_trust_draft* raw = nullptr;
    check(kartla_trust_draft_next(detail::bytes(trust_list), trust_list.size(), &raw));
    return trust_draft(raw);
  }
  // valid_until 0: until the list expires.
  void add(std::string_view card, const std::string& role, int64_t valid_from, int64_t valid_until = 0) {
    check(kartla_trust_draft_add(get(), detail::bytes(card), card.size(), role.c_str(), valid_from, valid_until));
  }
  bool remove(std::string_view card) {
    int removed = 0;
    check(kartla_trust_draft_remove(get(), detail::bytes(card), card.size(), &removed));
    return removed != 0;
  }
  uint64_t sequence() const {
    uint64_t out = 0;
    check(kartla_trust_draft_sequence(get(), &out));
    return out;
  }

  const kartla_trust_draft* get() const noexcept { return handle_.get(); }
  kartla_trust_draft* get() noexcept { return handle_.get(); }

 private:
  explicit trust_draft(kartla_trust_draft* raw) : handle_(raw) {}
  detail::handle<kartla_trust_draft, kartla_trust_draft_free> handle_;
};

inline identity::created identity::create_trust_root(const std::string& name, std::string_view passphrase,
                                                     const kartla_identity_options* options) {
  kartla_identity* raw = nullptr;
  buffer code;
  check(kartla_trust_root_new(name.c_str(), options, detail::bytes(passphrase), passphrase.size(), &raw, code.out()));
  return created{identity(raw), std::move(code)};
}

// The trust-list file's bytes. issued_at 0 = now.
inline std::string trust_list_sign(const identity& root, const trust_draft& draft, int64_t expires_at,
                                   int64_t issued_at = 0) {
  buffer out;
  check(kartla_trust_list_sign(root.get(), draft.get(), issued_at, expires_at, out.out()));
  return out.str();
}

// The verified list as JSON (see kartla_trust_list_verify); throws for a bad, older or expired list.
inline std::string trust_list_verify(std::string_view trust_list, std::string_view expected_root_card = {},
                                     uint64_t last_seen = 0, int64_t now = 0) {
  buffer out;
  check(kartla_trust_list_verify(detail::bytes(trust_list), trust_list.size(), detail::bytes(expected_root_card),
                                 expected_root_card.size(), last_seen, now, out.out()));
  return out.str();
}

// Attestations and contributions in the owner's record (kartla.h). Each returns true if the
// record changed, false if it already held what was given.
inline bool record_attach_attestation(record& r, const identity& owner, std::string_view attestation,
                                      int64_t now = 0) {
  int added = 0;
  check(kartla_record_attach_attestation(r.get(), owner.get(), detail::bytes(attestation), attestation.size(), now,
                                         &added));
  return added != 0;
}
inline bool record_accept_contribution(record& r, const identity& owner, std::string_view contribution,
                                       int64_t now = 0) {
  int added = 0;
  check(kartla_record_accept_contribution(r.get(), owner.get(), detail::bytes(contribution), contribution.size(),
                                          now, &added));
  return added != 0;
}

// The contribution file's bytes. An empty claim_json means the default claim (CONTRIBUTED).
inline std::string contribution_create(const identity& agency, std::string_view owner_card, const std::string& record_id,
                                       const std::string& section, std::string_view entry_json,
                                       const std::string& claim_json = {}, int64_t now = 0) {
  buffer out;
  check(kartla_contribution_create(agency.get(), detail::bytes(owner_card), owner_card.size(), record_id.c_str(),
                                   section.c_str(), detail::bytes(entry_json), entry_json.size(),
                                   claim_json.empty() ? nullptr : claim_json.c_str(), now, out.out()));
  return out.str();
}
// An empty record_id accepts a contribution for any record of this owner.
inline std::string contribution_describe_json(const identity& owner, std::string_view contribution,
                                              const std::string& record_id = {}, int64_t now = 0) {
  buffer out;
  check(kartla_contribution_describe_json(owner.get(), detail::bytes(contribution), contribution.size(),
                                          record_id.empty() ? nullptr : record_id.c_str(), now, out.out()));
  return out.str();
}

// Provenance of a section's entries as JSON; an empty trust_list trusts no issuer.
inline std::string record_provenance_json(const record& r, const identity& owner, const std::string& section,
                                          std::string_view trust_list = {}, int64_t now = 0) {
  buffer out;
  check(kartla_record_provenance_json(r.get(), owner.get(), section.c_str(), detail::bytes(trust_list),
                                      trust_list.size(), now, out.out()));
  return out.str();
}
inline std::string share_provenance_json(const share& s, const std::string& section, std::string_view trust_list = {},
                                         int64_t now = 0) {
  buffer out;
  check(kartla_share_provenance_json(s.get(), section.c_str(), detail::bytes(trust_list), trust_list.size(), now,
                                     out.out()));
  return out.str();
}

}  // namespace kartla

#endif  // KARTLA_KARTLA_HPP
