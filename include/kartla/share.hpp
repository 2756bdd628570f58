// SPDX-License-Identifier: Apache-2.0
// C++17 wrapper over the Kartla C ABI: the agency's side of a share. STABLE TIER (docs/API-STABILITY.md).
// Header-only, like every kartla/*.hpp: it adds no symbols of its own. kartla/kartla.hpp includes
// them all.
#ifndef KARTLA_SHARE_HPP
#define KARTLA_SHARE_HPP

#include <string>
#include <string_view>

#include "kartla/common.hpp"
#include "kartla/identity.hpp"
#include "kartla/share.h"
#ifdef KARTLA_EXPERIMENTAL
#include "kartla/experimental/views.h"
#include "kartla/record.hpp"  // view_options
#endif

namespace kartla {

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
    check(kartla_share_section(get(), section.c_str(), at, out.out()));
    return out;
  }
  buffer section_json(const std::string& section, int64_t at = 0) const {
    buffer out;
    check(kartla_share_section_json(get(), section.c_str(), at, out.out()));
    return out;
  }
  // kartla.v1.ShareDescription.
  std::string describe(kartla_encoding encoding = KARTLA_ENCODING_JSON) const {
    buffer out;
    check(kartla_share_describe(get(), encoding, out.out()));
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
    check(kartla_share_section_into(get(), section.c_str(), at, out, capacity, &used));
    return used;
  }
  // Throws kartla::error (KARTLA_E_AUTH) unless the owner whose card this is signed the file.
  void check_owner(std::string_view owner_card) const {
    check(kartla_share_check_owner(get(), detail::bytes(owner_card), owner_card.size()));
  }

#ifdef KARTLA_EXPERIMENTAL
  // The views of kartla/experimental/views.h, from the sections granted and unexpired at `at`
  // (0 = now); progress() and plan() are typed, JSON unless asked otherwise.
  buffer progress(const view_options& options = {}, kartla_encoding encoding = KARTLA_ENCODING_JSON,
                  int64_t at = 0) const {
    const kartla_view_options raw = detail::raw_view_options(options);
    buffer out;
    check(kartla_share_progress(get(), at, &raw, encoding, out.out()));
    return out;
  }
  buffer progress_text(const view_options& options = {}, int64_t at = 0) const {
    return view(kartla_share_progress_text, options, at);
  }
  buffer progress_svg(const view_options& options = {}, int64_t at = 0) const {
    return view(kartla_share_progress_svg, options, at);
  }
  buffer plan(const view_options& options = {}, kartla_encoding encoding = KARTLA_ENCODING_JSON, int64_t at = 0) const {
    const kartla_view_options raw = detail::raw_view_options(options);
    buffer out;
    check(kartla_share_plan(get(), at, &raw, encoding, out.out()));
    return out;
  }
  buffer plan_text(const view_options& options = {}, int64_t at = 0) const {
    return view(kartla_share_plan_text, options, at);
  }
  // Every section this agency can read at `at` when `section` is empty.
  buffer show_text(const std::string& section = {}, const view_options& options = {}, int64_t at = 0) const {
    const kartla_view_options raw = detail::raw_view_options(options);
    buffer out;
    check(kartla_share_show_text(get(), section.empty() ? nullptr : section.c_str(), at, &raw, out.out()));
    return out;
  }
#endif

  const kartla_share* get() const noexcept { return handle_.get(); }

 private:
  explicit share(kartla_share* raw) : handle_(raw) {}
#ifdef KARTLA_EXPERIMENTAL
  buffer view(kartla_status (*fn)(const kartla_share*, int64_t, const kartla_view_options*, kartla_buffer*),
              const view_options& options, int64_t at) const {
    const kartla_view_options raw = detail::raw_view_options(options);
    buffer out;
    check(fn(get(), at, &raw, out.out()));
    return out;
  }
#endif
  detail::handle<kartla_share, kartla_share_free> handle_;
};

}  // namespace kartla

#endif  // KARTLA_SHARE_HPP
