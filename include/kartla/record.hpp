// SPDX-License-Identifier: Apache-2.0
// C++17 wrapper over the Kartla C ABI: the owner's record, its sharing, and content validation. STABLE TIER (docs/API-STABILITY.md).
// Header-only, like every kartla/*.hpp: it adds no symbols of its own. kartla/kartla.hpp includes
// them all.
#ifndef KARTLA_RECORD_HPP
#define KARTLA_RECORD_HPP

#include <string>
#include <string_view>
#include <vector>

#include "kartla/common.hpp"
#include "kartla/identity.hpp"
#include "kartla/record.h"
#include "kartla/share.h"
#ifdef KARTLA_EXPERIMENTAL
#include "kartla/experimental/coordination.h"
#include "kartla/experimental/receipt.h"
#include "kartla/experimental/views.h"
#endif

namespace kartla {

// The outcome of kartla_validate_section*: `report` is kartla.v1.ValidationReport (every
// violation) in the encoding asked for; `first_violation` is kartla_last_error() when the content is invalid.
struct validation {
  bool valid = false;
  buffer report;  // in wiped memory: a violation may quote the content
  std::string first_violation;
};

namespace detail {
inline validation judged(kartla_status status, buffer report) {
  if (status != KARTLA_OK && status != KARTLA_E_SCHEMA) throw error(status, kartla_last_error());
  validation out;
  out.valid = status == KARTLA_OK;
  out.report = std::move(report);
  if (!out.valid) out.first_violation = kartla_last_error();
  return out;
}
}  // namespace detail

// Invalid content is a result, not an exception; an unknown section or oversized input throws.
inline validation validate_section(const std::string& section, std::string_view protobuf,
                                   kartla_encoding encoding = KARTLA_ENCODING_JSON) {
  buffer report;
  const kartla_status status =
      kartla_validate_section(section.c_str(), detail::bytes(protobuf), protobuf.size(), encoding, report.out());
  return detail::judged(status, std::move(report));
}

inline validation validate_section_json(const std::string& section, std::string_view json,
                                        kartla_encoding encoding = KARTLA_ENCODING_JSON) {
  buffer report;
  const kartla_status status =
      kartla_validate_section_json(section.c_str(), detail::bytes(json), json.size(), encoding, report.out());
  return detail::judged(status, std::move(report));
}


#ifdef KARTLA_EXPERIMENTAL
// Options of the record views (kartla_view_options).
struct view_options {
  bool include_work_ability = false;  // progress: also chart work_ability scores (health data)
  std::string language;               // empty = English labels
};

namespace detail {
// The returned struct borrows options.language: use it before options goes away.
inline kartla_view_options raw_view_options(const view_options& options) {
  kartla_view_options raw;
  kartla_view_options_init(&raw);
  raw.include_work_ability = options.include_work_ability ? 1 : 0;
  raw.language = options.language.empty() ? nullptr : options.language.c_str();
  return raw;
}
}  // namespace detail
#endif

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
  // kartla.v1.SectionList: every section held, unknown ids included.
  std::string sections(kartla_encoding encoding = KARTLA_ENCODING_JSON) const {
    buffer out;
    check(kartla_record_sections(get(), encoding, out.out()));
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
    check(kartla_record_section(get(), section.c_str(), out.out()));
    return out;
  }
  size_t section_size(const std::string& section) const {
    size_t out = 0;
    check(kartla_record_section_size(get(), section.c_str(), &out));
    return out;
  }
  // Into memory the caller owns (see kartla_record_section_into); returns the length used.
  size_t section_into(const std::string& section, uint8_t* out, size_t capacity) const {
    size_t used = 0;
    check(kartla_record_section_into(get(), section.c_str(), out, capacity, &used));
    return used;
  }
  buffer section_json(const std::string& section) const {
    buffer out;
    check(kartla_record_section_json(get(), section.c_str(), out.out()));
    return out;
  }
  void remove_section(const std::string& section) { check(kartla_record_remove_section(get(), section.c_str())); }

#ifdef KARTLA_EXPERIMENTAL
  // The views a person reads (kartla/experimental/views.h), in wiped memory. progress() and
  // plan() are typed (kartla.v1.ProgressView, PlanView), JSON unless asked otherwise.
  buffer progress(const view_options& options = {}, kartla_encoding encoding = KARTLA_ENCODING_JSON) const {
    const kartla_view_options raw = detail::raw_view_options(options);
    buffer out;
    check(kartla_record_progress(get(), &raw, encoding, out.out()));
    return out;
  }
  buffer progress_text(const view_options& options = {}) const { return view(kartla_record_progress_text, options); }
  buffer progress_svg(const view_options& options = {}) const { return view(kartla_record_progress_svg, options); }
  buffer plan(const view_options& options = {}, kartla_encoding encoding = KARTLA_ENCODING_JSON) const {
    const kartla_view_options raw = detail::raw_view_options(options);
    buffer out;
    check(kartla_record_plan(get(), &raw, encoding, out.out()));
    return out;
  }
  buffer plan_text(const view_options& options = {}) const { return view(kartla_record_plan_text, options); }
  // Every section the record holds when `section` is empty.
  buffer show_text(const std::string& section = {}, const view_options& options = {}) const {
    const kartla_view_options raw = detail::raw_view_options(options);
    buffer out;
    check(kartla_record_show_text(get(), section.empty() ? nullptr : section.c_str(), &raw, out.out()));
    return out;
  }
#endif

  // Returns the grant id. Saved with save(); then export_bundle(grant_id, path). art9_basis is
  // required for health data (section_is_special), art6_basis defaults to "6.1.a"; tell_involved
  // (the person's consent) signs the action plan's involved agencies into the grant.
  std::string share(std::string_view agency_card, const std::vector<std::string>& sections, const std::string& purpose,
                    int64_t expires_at = 0, int64_t now = 0, const std::string& art9_basis = std::string(),
                    const std::string& art6_basis = std::string(), bool tell_involved = false) {
    std::vector<const char*> names;
    for (const auto& s : sections) names.push_back(s.c_str());
    kartla_record_share_options options;
    kartla_record_share_options_init(&options);
    options.purpose = purpose.c_str();
    options.expires_at = expires_at;
    options.now = now;
    options.gdpr_art9_basis = art9_basis.empty() ? nullptr : art9_basis.c_str();
    options.gdpr_art6_basis = art6_basis.empty() ? nullptr : art6_basis.c_str();
    options.version = KARTLA_RECORD_SHARE_OPTIONS_VERSION;  // init fills version 2 only
    options.tell_involved = tell_involved ? 1 : 0;
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
  // Returns kartla.v1.RevocationSummary.
  std::string revoke(std::string_view agency_card, int64_t now = 0, kartla_encoding encoding = KARTLA_ENCODING_JSON) {
    buffer summary;
    check(kartla_record_revoke(get(), detail::bytes(agency_card), agency_card.size(), now, encoding, summary.out()));
    return summary.str();
  }
#ifdef KARTLA_EXPERIMENTAL
  // The receipt file of a grant, from the saved record (kartla_record_receipt): a grant receipt
  // while it is live, a termination receipt once it has ended. Call it after save().
  buffer receipt(const std::string& grant_id) const {
    buffer out;
    check(kartla_record_receipt(get(), grant_id.c_str(), out.out()));
    return out;
  }
  // The case-conference bundle of several agencies' grants (kartla_record_export_case_bundle):
  // one file, each agency reading only its own sections. Call it after save().
  void export_case_bundle(const std::vector<std::string>& grant_ids, const std::string& out_path) const {
    std::vector<const char*> ids;
    for (const std::string& id : grant_ids) ids.push_back(id.c_str());
    check(kartla_record_export_case_bundle(get(), ids.data(), ids.size(), out_path.c_str()));
  }
#endif

  const kartla_record* get() const noexcept { return handle_.get(); }
  kartla_record* get() noexcept { return handle_.get(); }

 private:
  explicit record(kartla_record* raw) : handle_(raw) {}
#ifdef KARTLA_EXPERIMENTAL
  buffer view(kartla_status (*fn)(const kartla_record*, const kartla_view_options*, kartla_buffer*),
              const view_options& options) const {
    const kartla_view_options raw = detail::raw_view_options(options);
    buffer out;
    check(fn(get(), &raw, out.out()));
    return out;
  }
#endif
  detail::handle<kartla_record, kartla_record_free> handle_;
};

}  // namespace kartla

#endif  // KARTLA_RECORD_HPP
