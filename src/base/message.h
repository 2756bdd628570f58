/* SPDX-License-Identifier: Apache-2.0 */
// A catalogue message formatted late (docs/I18N.md, "The library's errors"): a msgid and its
// arguments, where each argument is either a value (a field path, a code, a number, a limit: never
// translated) or itself a message with its own msgid and arguments. A refused section nests so:
//
//   "%1$s section refused: %2$s"       name, and
//     "%1$s: %2$s: %3$s"               field path, rule id, and
//       "%1$s is not a %2$s code: ..." the rule's own sentence, with its values
//
// english() formats every level with the msgids themselves; localized() asks `translate` for each
// msgid's pattern, so the whole line, frame and sentence, reads in one language. A message whose
// msgid is empty is a value: its text reads the same in every language.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/message_format.h"

namespace kartla {

class Message;
// A catalogue message: `msgid` is a string literal (xgettext extracts the first argument of
// localizable, src/i18n/update-catalogue.sh), `args` fill its %s / %N$s directives.
Message localizable(const char* msgid, std::vector<Message> args = {});

class Message {
 public:
  Message() = default;
  // A value, read the same in every language.
  static Message value(std::string text) {
    Message m;
    m.value_ = std::move(text);
    return m;
  }

  const std::string& msgid() const noexcept { return msgid_; }
  const std::vector<Message>& args() const noexcept { return args_; }
  bool is_value() const noexcept { return msgid_.empty(); }

  std::string english() const {
    return localized([](std::string_view msgid) { return msgid; });
  }

  // `translate(msgid)` gives the pattern to use for `msgid` (the msgid itself when untranslated).
  template <typename Translate>
  std::string localized(const Translate& translate) const {
    if (is_value()) return value_;
    std::vector<std::string> texts;
    texts.reserve(args_.size());
    for (const Message& a : args_) texts.push_back(a.localized(translate));
    return format_message(translate(msgid_), texts.begin(), texts.end());
  }

  // The same message with every value passed through `clean` (msgids are the code's literals).
  template <typename Clean>
  Message with_values_cleaned(const Clean& clean) const {
    Message m = *this;
    if (m.is_value()) {
      clean(m.value_);
    } else {
      for (Message& a : m.args_) a = a.with_values_cleaned(clean);
    }
    return m;
  }

 private:
  friend Message localizable(const char* msgid, std::vector<Message> args);
  std::string msgid_;
  std::string value_;
  std::vector<Message> args_;
};

inline Message localizable(const char* msgid, std::vector<Message> args) {
  Message m;
  m.msgid_ = msgid;
  m.args_ = std::move(args);
  return m;
}

// The same, every argument a value (xgettext extracts its first argument too).
inline Message localizable_with_values(const char* msgid, std::initializer_list<std::string_view> values) {
  std::vector<Message> args;
  args.reserve(values.size());
  for (const std::string_view v : values) args.push_back(Message::value(std::string(v)));
  return localizable(msgid, std::move(args));
}

}  // namespace kartla
