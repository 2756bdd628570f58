// SPDX-License-Identifier: Apache-2.0
// kartla/common.h: versions, status names, the thread's last error (in English, and through
// kartla/experimental/errors.h in the reader's language) and the list of sections
// (buffers, also declared there, are in buffer.cpp with the guarded allocation behind them).
#include <cstring>
#include <string>
#include <type_traits>
#include <vector>

#include "capi/guard.h"
#include "i18n/messages.h"
#include "model/section_registry.h"

namespace kartla::capi {
namespace {
// The thread's last failure: its English text (kartla_last_error) and the catalogue message,
// msgid and arguments (themselves messages where they nest), to say it again in another
// language (kartla_last_error_localized).
struct LastError {
  std::string english;
  Message message;  // a value (no msgid): the text reads the same in every language
  std::string localized;  // the most recent kartla_last_error_localized answer
};
thread_local LastError t_last_error;

kartla_status remember(kartla_status status, const char* english, const Message* message) noexcept {
  LastError& last = t_last_error;
  try {
    last.english = english;
    last.message = message != nullptr ? *message : Message::value(english);
  } catch (...) {
    // Out of memory for the message itself: an empty message, still a status.
    last.english.clear();
    last.message = Message();
  }
  return status;
}
}  // namespace

kartla_status record_failure(kartla_status status, const char* message) noexcept {
  return remember(status, message, nullptr);
}

kartla_status record_failure_message(kartla_status status, const char* msgid) noexcept {
  try {
    const Message message = localizable(msgid);
    return remember(status, msgid, &message);
  } catch (...) {
    return remember(status, msgid, nullptr);
  }
}

kartla_status record_failure(kartla_status status, const Error& error) noexcept {
  return remember(status, error.what(), &error.message());
}

const char* last_error_text() noexcept { return t_last_error.english.c_str(); }

const char* last_error_localized(const char* language) noexcept {
  LastError& last = t_last_error;
  if (last.message.is_value() || language == nullptr) return last.english.c_str();
  try {
    const i18n::Language lang = i18n::language_from_tag(language);
    last.localized =
        last.message.localized([lang](std::string_view msgid) { return i18n::text(lang, "", msgid); });
    return last.localized.c_str();
  } catch (...) {
    return last.english.c_str();  // out of memory: the English text is still the message
  }
}

}  // namespace kartla::capi

static_assert(KARTLA_E_INTERNAL == static_cast<int>(kartla::Code::internal), "status codes must mirror Code");
static_assert(KARTLA_E_NOT_SHARED == static_cast<int>(kartla::Code::not_shared), "status codes must mirror Code");
static_assert(KARTLA_E_BUSY == static_cast<int>(kartla::Code::busy), "status codes must mirror Code");

extern "C" {

const char* kartla_version(void) { return KARTLA_VERSION_STRING; }
uint32_t kartla_version_number(void) { return KARTLA_VERSION_NUMBER; }
uint32_t kartla_abi_version(void) { return KARTLA_ABI_VERSION; }
uint32_t kartla_format_version(void) { return KARTLA_FORMAT_VERSION; }

const char* kartla_status_name(kartla_status status) {
  // Callers may pass any value (a newer library's code, a binding's garbage), but in C++ an enum
  // value outside the enumerators' range is undefined behaviour: read the bits as an integer.
  std::underlying_type_t<kartla_status> value;
  std::memcpy(&value, &status, sizeof value);
  switch (value) {
    case KARTLA_OK: return "OK";
    case KARTLA_E_INVALID_ARGUMENT: return "E_INVALID_ARGUMENT";
    case KARTLA_E_FORMAT: return "E_FORMAT";
    case KARTLA_E_LIMIT: return "E_LIMIT";
    case KARTLA_E_VERSION: return "E_VERSION";
    case KARTLA_E_SIGNATURE: return "E_SIGNATURE";
    case KARTLA_E_INTEGRITY: return "E_INTEGRITY";
    case KARTLA_E_AUTH: return "E_AUTH";
    case KARTLA_E_NOT_SHARED: return "E_NOT_SHARED";
    case KARTLA_E_EXPIRED: return "E_EXPIRED";
    case KARTLA_E_ROLLBACK: return "E_ROLLBACK";
    case KARTLA_E_NOT_FOUND: return "E_NOT_FOUND";
    case KARTLA_E_SCHEMA: return "E_SCHEMA";
    case KARTLA_E_IO: return "E_IO";
    case KARTLA_E_BUSY: return "E_BUSY";
    case KARTLA_E_NO_MEMORY: return "E_NO_MEMORY";
    case KARTLA_E_CRYPTO: return "E_CRYPTO";
    case KARTLA_E_INTERNAL: return "E_INTERNAL";
  }
  return "UNKNOWN";
}

const char* kartla_last_error(void) { return kartla::capi::last_error_text(); }

const char* kartla_last_error_localized(const char* language) {
  return kartla::capi::last_error_localized(language);
}

size_t kartla_section_count(void) { return kartla::model::all_sections().size(); }

const char* kartla_section_name(size_t index) {
  const auto& sections = kartla::model::all_sections();
  // Registry names are string literals, so .data() is NUL-terminated and static.
  return index < sections.size() ? sections[index].name.data() : nullptr;
}

kartla_status kartla_section_is_special_category(const char* section, int* out) {
  if (out != nullptr) *out = 0;
  return kartla::capi::guarded([&] {
    kartla::capi::require_output(out, "out");
    *out = kartla::model::section_by_name(kartla::capi::input_text(section, "section")).special_category ? 1 : 0;
  });
}

}  // extern "C"
