/* SPDX-License-Identifier: Apache-2.0 */
// The one error type every layer throws. The C ABI catches it at the boundary and turns its
// code into a kartla_status (the numeric values are the same and must never change).
//
// An error's text is a message of the catalogue (docs/I18N.md, "The library's errors"): a msgid,
// written as a literal at the place that fails so that xgettext extracts it, plus its arguments
// (section names, sizes, paths, the operating system's words), which are values and never
// translated. what() is the English text, formatted once here; the C ABI keeps the msgid and
// the arguments so that kartla_last_error_localized() can say the same in the reader's language.
//
//   fail(Code::not_found, "section '%s' is not in this record", {name});
//
// An Error made from a std::string (not a literal) has no msgid: its text is read in English in
// every language, and the ctest library_error_messages counts such places so that none is added.
#pragma once

#include <exception>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/message.h"
#include "base/message_format.h"

namespace kartla {

enum class Code : int {
  ok = 0,
  invalid_argument = 1,  // caller misuse: NULL, bad length, unknown section name
  format = 2,            // malformed, truncated, trailing data, non-canonical encoding
  limit = 3,             // input larger than a documented limit
  version = 4,           // a format version this library does not read
  signature = 5,         // a signature does not verify, or is by an unexpected key
  integrity = 6,         // ciphertext hash, key commitment or AEAD check failed
  auth = 7,              // wrong passphrase, recovery code, or key
  not_shared = 8,        // this reader holds no grant for the section
  expired = 9,           // a grant, attestation or list is past its validity
  rollback = 10,         // an older copy than one already seen
  not_found = 11,        // the section is not in the record
  schema = 12,           // content does not match the section schema or its rules
  io = 13,               // the operating system refused a read or write
  busy = 14,             // another writer holds the record's lock
  no_memory = 15,
  crypto = 16,           // libsodium could not initialise or the RNG failed
  internal = 17,
};

class Error : public std::exception {
 public:
  // Text without a msgid: read in English whatever the language (see above).
  Error(Code code, std::string message)
      : code_(code), message_(std::move(message)), localizable_(Message::value(message_)) {}
  // A catalogue message: `msgid` is a string literal, `args` fill its %s / %N$s directives.
  Error(Code code, const char* msgid, std::vector<std::string> args = {})
      : code_(code),
        message_(format_message(msgid, args.begin(), args.end())),
        msgid_(msgid),
        args_(std::move(args)) {
    std::vector<Message> values;
    values.reserve(args_.size());
    for (const std::string& a : args_) values.push_back(Message::value(a));
    localizable_ = localizable(msgid, std::move(values));
  }
  // A catalogue message whose arguments may themselves be messages (a refused section's rule
  // sentence inside its frame): every level is translated by kartla_last_error_localized.
  Error(Code code, const Message& message)
      : code_(code), message_(message.english()), msgid_(message.msgid()), localizable_(message) {
    for (const Message& a : message.args()) args_.push_back(a.english());
  }
  // The same message under another code (a layer that knows better what the failure means).
  Error(Code code, const Error& other) : Error(other) { code_ = code; }

  Code code() const noexcept { return code_; }
  const char* what() const noexcept override { return message_.c_str(); }
  // The catalogue msgid, empty for text without one; and its arguments.
  const std::string& msgid() const noexcept { return msgid_; }
  const std::vector<std::string>& args() const noexcept { return args_; }
  // The whole message, nested arguments included, to format in another language.
  const Message& message() const noexcept { return localizable_; }

 private:
  Code code_;
  std::string message_;
  std::string msgid_;
  std::vector<std::string> args_;
  Message localizable_;
};

[[noreturn]] inline void fail(Code code, std::string message) {
  throw Error(code, std::move(message));
}

// xgettext extracts the second argument of fail and of Error (src/i18n/update-catalogue.sh).
[[noreturn]] inline void fail(Code code, const char* msgid) {
  throw Error(code, msgid);
}

[[noreturn]] inline void fail(Code code, const char* msgid, std::initializer_list<std::string_view> args) {
  std::vector<std::string> values;
  values.reserve(args.size());
  for (const std::string_view a : args) values.emplace_back(a);
  throw Error(code, msgid, std::move(values));
}

[[noreturn]] inline void fail(Code code, const Message& message) {
  throw Error(code, message);
}

// Rethrows `error` under `code`, keeping its message (and its msgid and arguments).
[[noreturn]] inline void fail(Code code, const Error& error) {
  throw Error(code, error);
}

}  // namespace kartla

// Marks a catalogue message kept in a table and raised elsewhere with fail(code, row.message):
// xgettext extracts it (src/i18n/update-catalogue.sh) and the code sees the literal alone.
#define KARTLA_ERROR_N_(msgid) msgid
