// SPDX-License-Identifier: Apache-2.0
// The message catalogue through the C ABI (kartla/experimental/views.h): the same lookup the
// views make (src/i18n), so a program's own text and the views' read alike. These return
// pointers, never a status: a missing translation is not an error, the English text is the
// answer.
#include <new>
#include <string_view>

#include "codes/code_systems.h"
#include "i18n/messages.h"

#include "kartla/kartla.h"

namespace {

kartla::i18n::Language language_of(const char* language) {
  return language == nullptr ? kartla::i18n::Language::en : kartla::i18n::language_from_tag(language);
}

std::string_view view_of(const char* text) { return text == nullptr ? std::string_view() : std::string_view(text); }

}  // namespace

extern "C" {

// i18n::text returns either its msgid argument or an entry of the embedded catalogue, which
// msgfmt ends with a NUL (the reader checks it), so .data() is a C string either way.
const char* kartla_message(const char* language, const char* context, const char* msgid) {
  if (msgid == nullptr) return "";
  try {
    return kartla::i18n::text(language_of(language), view_of(context), msgid).data();
  } catch (const std::bad_alloc&) {
    return msgid;  // the key could not be built: English is still the right answer
  }
}

const char* kartla_message_plural(const char* language, const char* context, const char* msgid,
                                  const char* msgid_plural, uint64_t n) {
  if (msgid == nullptr || msgid_plural == nullptr) return msgid == nullptr ? "" : msgid;
  try {
    return kartla::i18n::plural(language_of(language), view_of(context), msgid, msgid_plural, n).data();
  } catch (const std::bad_alloc&) {
    return n == 1 ? msgid : msgid_plural;
  }
}

const char* kartla_code_label(const char* language, const char* system, const char* code) {
  if (system == nullptr || code == nullptr) return nullptr;
  try {
    // Registry labels are string literals: NUL-terminated.
    const std::string_view label = kartla::codes::code_label(system, code);
    if (label.empty()) return nullptr;
    return kartla::i18n::text(language_of(language), "code", label).data();
  } catch (const std::bad_alloc&) {
    return nullptr;
  }
}

}  // extern "C"
