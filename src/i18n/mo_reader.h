/* SPDX-License-Identifier: Apache-2.0 */
// A bounded reader of a GNU .mo catalogue (the binary form msgfmt writes): every offset and
// length is checked against the buffer before use, strings must be NUL-terminated inside it and
// the originals sorted, so a lookup is a binary search that never reads out of bounds. A buffer
// that fails any check reads as an empty catalogue.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace kartla::i18n {

class MoCatalogue {
 public:
  explicit MoCatalogue(std::string_view bytes);
  bool valid() const { return valid_; }
  size_t size() const { return entries_.size(); }
  // The translation of `key` (msgctxt "\x04" msgid, as msgfmt stores it): all its plural forms
  // separated by NUL; empty when absent.
  std::string_view find(std::string_view key) const;
  // The header entry (msgid ""): "Plural-Forms: ..." and the rest.
  std::string_view header() const;

 private:
  struct Entry {
    std::string_view original;
    std::string_view translation;
  };
  std::vector<Entry> entries_;
  bool valid_ = false;
};

// Form `index` of a NUL-separated list of plural forms; empty when there are fewer.
std::string_view plural_form(std::string_view forms, size_t index);

}  // namespace kartla::i18n
