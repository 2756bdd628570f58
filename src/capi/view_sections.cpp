// SPDX-License-Identifier: Apache-2.0
#include "capi/view_sections.h"

#include "base/error.h"
#include "crypto/encoding.h"
#include "format/strict_parse.h"

namespace kartla::capi {

ViewSections ViewSections::of_record(const model::Record& record) {
  // Record::read_section says not_found for a section the record does not hold.
  return ViewSections([&record](const model::SectionInfo& info) { return record.read_section(info); },
                      crypto::to_hex(record.record_id()), record.sequence(), false);
}

ViewSections ViewSections::of_share(const share::AgencyView& view, int64_t at) {
  // AgencyView::read_section checks the grant, its expiry at `at` and the owner's manifest
  // before it decrypts; it says not_shared or expired otherwise.
  const auto& manifest = view.container().manifest;
  return ViewSections([&view, at](const model::SectionInfo& info) { return view.read_section(info, at); },
                      crypto::to_hex(manifest.record_id), manifest.sequence, true);
}

std::unique_ptr<google::protobuf::Message> ViewSections::required(const model::SectionInfo& info) const {
  std::unique_ptr<google::protobuf::Message> message = model::new_section_message(info);
  const crypto::SecretBuffer plaintext = read_(info);
  if (!format::parse_bounded(plaintext.view(), *message))
    fail(Code::schema, "section '%s' does not parse as its schema", {std::string(info.name)});
  return message;
}

std::unique_ptr<google::protobuf::Message> ViewSections::optional(const model::SectionInfo& info) const {
  try {
    return required(info);
  } catch (const Error& e) {
    if (e.code() == Code::not_found || e.code() == Code::not_shared || e.code() == Code::expired) return nullptr;
    throw;
  }
}

views::SectionHeading heading_of(const model::SectionInfo& info) {
  return views::SectionHeading{info.name, info.special_category, info.owner_only};
}

}  // namespace kartla::capi
