// SPDX-License-Identifier: Apache-2.0
#include "i18n/mo_reader.h"

#include <algorithm>

namespace kartla::i18n {
namespace {

constexpr uint32_t kMagic = 0x950412de;
constexpr uint32_t kMagicSwapped = 0xde120495;
// Our catalogues hold a few thousand messages; a count beyond this is a damaged buffer, refused
// before the entry table is allocated.
constexpr uint32_t kMaxEntries = 100000;

class Words {
 public:
  Words(std::string_view bytes, bool swapped) : bytes_(bytes), swapped_(swapped) {}
  bool read(size_t offset, uint32_t& out) const {
    if (offset > bytes_.size() || bytes_.size() - offset < 4) return false;
    const auto* p = reinterpret_cast<const unsigned char*>(bytes_.data()) + offset;
    out = swapped_ ? (uint32_t{p[0]} << 24 | uint32_t{p[1]} << 16 | uint32_t{p[2]} << 8 | p[3])
                   : (uint32_t{p[3]} << 24 | uint32_t{p[2]} << 16 | uint32_t{p[1]} << 8 | p[0]);
    return true;
  }
  // The string a (length, offset) descriptor at `at` names; it must end in a NUL inside the buffer.
  bool string_at(size_t at, std::string_view& out) const {
    uint32_t length = 0, offset = 0;
    if (!read(at, length) || !read(at + 4, offset)) return false;
    if (offset > bytes_.size() || bytes_.size() - offset <= length) return false;
    if (bytes_[offset + length] != '\0') return false;
    out = bytes_.substr(offset, length);
    return true;
  }

 private:
  std::string_view bytes_;
  bool swapped_;
};

}  // namespace

MoCatalogue::MoCatalogue(std::string_view bytes) {
  if (bytes.size() < 28) return;
  uint32_t magic = 0;
  Words probe(bytes, false);
  probe.read(0, magic);
  if (magic != kMagic && magic != kMagicSwapped) return;
  const Words words(bytes, magic == kMagicSwapped);
  uint32_t revision = 0, count = 0, originals = 0, translations = 0;
  if (!words.read(4, revision) || !words.read(8, count) || !words.read(12, originals) || !words.read(16, translations))
    return;
  if ((revision >> 16) != 0 || count > kMaxEntries) return;
  // Both tables must fit before anything is allocated for them.
  const uint64_t table = uint64_t{count} * 8;
  if (originals > bytes.size() || bytes.size() - originals < table) return;
  if (translations > bytes.size() || bytes.size() - translations < table) return;
  std::vector<Entry> entries;
  entries.reserve(count);
  for (uint32_t i = 0; i < count; ++i) {
    Entry e;
    if (!words.string_at(originals + size_t{i} * 8, e.original)) return;
    if (!words.string_at(translations + size_t{i} * 8, e.translation)) return;
    // A plural entry's original is "singular\0plural"; it is found by its singular, as gettext does.
    e.original = e.original.substr(0, e.original.find('\0'));
    // Binary search needs the order msgfmt writes; a duplicate would make a lookup ambiguous.
    if (!entries.empty() && !(entries.back().original < e.original)) return;
    entries.push_back(e);
  }
  entries_ = std::move(entries);
  valid_ = true;
}

std::string_view MoCatalogue::find(std::string_view key) const {
  const auto it = std::lower_bound(entries_.begin(), entries_.end(), key,
                                   [](const Entry& e, std::string_view k) { return e.original < k; });
  if (it == entries_.end() || it->original != key) return {};
  return it->translation;
}

std::string_view MoCatalogue::header() const {
  // The header is the entry whose msgid is empty: the first in sorted order.
  if (entries_.empty() || !entries_.front().original.empty()) return {};
  return entries_.front().translation;
}

std::string_view plural_form(std::string_view forms, size_t index) {
  for (size_t i = 0;; ++i) {
    const size_t end = forms.find('\0');
    if (i == index) return forms.substr(0, end);
    if (end == std::string_view::npos) return {};
    forms.remove_prefix(end + 1);
  }
}

}  // namespace kartla::i18n
