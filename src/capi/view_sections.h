/* SPDX-License-Identifier: Apache-2.0 */
// Where the views' sections come from. The views (src/views) are pure functions of plaintext
// section messages and never see a key, a record or a grant; this is the one place that decrypts
// and parses sections for them, from an owner's record or through an agency's share, and says
// what a section the view cannot have means: not in the record (Error(not_found)), or for an
// agency not granted or past its grant's expiry (Error(not_shared), Error(expired)).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include <google/protobuf/message.h>

#include "crypto/secret_buffer.h"
#include "model/record.h"
#include "model/section_registry.h"
#include "share/agency_view.h"
#include "views/readable.h"

namespace kartla::capi {

class ViewSections {
 public:
  // Every section the record holds.
  static ViewSections of_record(const model::Record& record);
  // The sections granted to this agency whose grant has not expired at `at` (Unix seconds).
  static ViewSections of_share(const share::AgencyView& view, int64_t at);

  // The section parsed as its message, or the reason it cannot be read (the Errors above;
  // Error(schema) if authenticated content does not parse: a newer or faulty writer).
  std::unique_ptr<google::protobuf::Message> required(const model::SectionInfo& info) const;
  // The same, but nullptr where required() would say not_found, not_shared or expired: a view
  // that can do without the section leaves it out. No other section is decrypted to find out.
  std::unique_ptr<google::protobuf::Message> optional(const model::SectionInfo& info) const;

  template <typename T>
  std::optional<T> optional(std::string_view name) const {
    std::unique_ptr<google::protobuf::Message> m = optional(model::section_by_name(name));
    if (!m) return std::nullopt;
    return std::move(static_cast<T&>(*m));
  }
  template <typename T>
  T required(std::string_view name) const {
    return std::move(static_cast<T&>(*required(model::section_by_name(name))));
  }

  const std::string& record_id_hex() const { return record_id_hex_; }
  uint64_t sequence() const { return sequence_; }
  // Read through a share: what cannot be read is not granted, rather than not there.
  bool is_share() const { return is_share_; }

 private:
  using Reader = std::function<crypto::SecretBuffer(const model::SectionInfo&)>;
  ViewSections(Reader read, std::string record_id_hex, uint64_t sequence, bool is_share)
      : read_(std::move(read)), record_id_hex_(std::move(record_id_hex)), sequence_(sequence), is_share_(is_share) {}

  Reader read_;
  std::string record_id_hex_;
  uint64_t sequence_;
  bool is_share_;
};

// What the views print above a section: its name and sensitivity, from the registry.
views::SectionHeading heading_of(const model::SectionInfo& info);

}  // namespace kartla::capi
