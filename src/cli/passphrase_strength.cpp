// SPDX-License-Identifier: Apache-2.0
// A new passphrase's weakness, from libpwquality, in the catalogue's words (passphrase_strength.h).
#include "passphrase_strength.h"

#include <pwquality.h>
#include <string.h>  // explicit_bzero (glibc)
#include <unistd.h>

#include <memory>
#include <string>

#include "messages.h"

namespace kartla::cli {

std::optional<std::string> weakness_text(int code) {
  switch (code) {
    case PWQ_ERROR_MIN_LENGTH:
      return std::string(T("it is short: a passphrase of several words is both longer and easier to remember"));
    case PWQ_ERROR_CRACKLIB_CHECK:
      return std::string(T("it is a common word, built on one, or too simple a pattern: such passphrases are "
                           "guessed first"));
    case PWQ_ERROR_PALINDROME:
    case PWQ_ERROR_MAX_CONSECUTIVE:
    case PWQ_ERROR_MAX_CLASS_REPEAT:
    case PWQ_ERROR_MAX_SEQUENCE:
      return std::string(T("it repeats characters or runs through a sequence (aaaa, 1234, abcba)"));
    case PWQ_ERROR_MIN_DIGITS:
    case PWQ_ERROR_MIN_UPPERS:
    case PWQ_ERROR_MIN_LOWERS:
    case PWQ_ERROR_MIN_OTHERS:
    case PWQ_ERROR_MIN_CLASSES:
      return std::string(T("it uses too few kinds of characters for its length"));
    case PWQ_ERROR_USER_CHECK:
    case PWQ_ERROR_GECOS_CHECK:
    case PWQ_ERROR_BAD_WORDS:
      return std::string(T("it contains your user name or another word known about you"));
    case PWQ_ERROR_TOO_SIMILAR:
    case PWQ_ERROR_SAME_PASSWORD:
    case PWQ_ERROR_CASE_CHANGES_ONLY:
    case PWQ_ERROR_ROTATED:
      return std::string(T("it is too much like the old one"));
    case PWQ_ERROR_EMPTY_PASSWORD:
      return std::string(T("it is empty"));
    default:
      break;
  }
  // A score that broke no rule but is low.
  if (code >= 0 && code < kWeakScore)
    return std::string(T("it is easy to guess for its length: add words, or make it longer"));
  return std::nullopt;  // configuration, memory or generator failures say nothing about it
}

std::optional<std::string> passphrase_weakness(std::string_view passphrase) {
  const std::unique_ptr<pwquality_settings_t, void (*)(pwquality_settings_t*)> settings(pwquality_default_settings(),
                                                                                       pwquality_free_settings);
  if (!settings) return std::nullopt;
  // The system's policy (/etc/security/pwquality.conf) where there is one: the defaults otherwise.
  (void)pwquality_read_config(settings.get(), nullptr, nullptr);
  // Without cracklib's dictionary every passphrase "fails the dictionary check": judge without it.
  const char* dictionary = nullptr;
  if (pwquality_get_str_value(settings.get(), PWQ_SETTING_DICT_PATH, &dictionary) != 0 || dictionary == nullptr ||
      *dictionary == '\0')
    dictionary = "/var/cache/cracklib/cracklib_dict";
  if (::access((std::string(dictionary) + ".pwd").c_str(), R_OK) != 0)
    (void)pwquality_set_int_value(settings.get(), PWQ_SETTING_DICT_CHECK, 0);
  // libpwquality needs a C string: a copy, wiped after.
  std::string text(passphrase);
  void* aux = nullptr;
  const int verdict = pwquality_check(settings.get(), text.c_str(), nullptr, nullptr, &aux);
  explicit_bzero(text.data(), text.size());
  // The auxiliary detail is freed by pwquality_strerror; its English text is not used.
  char unused[PWQ_MAX_ERROR_MESSAGE_LEN];
  if (aux != nullptr) (void)pwquality_strerror(unused, sizeof unused, verdict, aux);
  return weakness_text(verdict);
}

}  // namespace kartla::cli
