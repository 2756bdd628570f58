// SPDX-License-Identifier: Apache-2.0
// The weak-passphrase warning (src/cli/passphrase_strength.cpp): each libpwquality verdict the CLI
// handles has its own words from the catalogue (never libpwquality's English), verdicts that say
// nothing about the passphrase give no warning, and real passphrases are judged as a person would.
#include <pwquality.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <map>
#include <set>
#include <string>

#include "messages.h"
#include "passphrase_strength.h"

namespace kartla::cli {
namespace {

// Each handled verdict and a word its message must hold (English catalogue).
const std::map<int, std::string> kHandled = {
    {PWQ_ERROR_MIN_LENGTH, "short"},          {PWQ_ERROR_CRACKLIB_CHECK, "common word"},
    {PWQ_ERROR_PALINDROME, "repeats"},        {PWQ_ERROR_MAX_CONSECUTIVE, "repeats"},
    {PWQ_ERROR_MAX_CLASS_REPEAT, "repeats"},  {PWQ_ERROR_MAX_SEQUENCE, "sequence"},
    {PWQ_ERROR_MIN_DIGITS, "kinds"},          {PWQ_ERROR_MIN_UPPERS, "kinds"},
    {PWQ_ERROR_MIN_LOWERS, "kinds"},          {PWQ_ERROR_MIN_OTHERS, "kinds"},
    {PWQ_ERROR_MIN_CLASSES, "kinds"},         {PWQ_ERROR_USER_CHECK, "user name"},
    {PWQ_ERROR_GECOS_CHECK, "user name"},     {PWQ_ERROR_BAD_WORDS, "known about you"},
    {PWQ_ERROR_TOO_SIMILAR, "old one"},       {PWQ_ERROR_SAME_PASSWORD, "old one"},
    {PWQ_ERROR_CASE_CHANGES_ONLY, "old one"}, {PWQ_ERROR_ROTATED, "old one"},
    {PWQ_ERROR_EMPTY_PASSWORD, "empty"},
};

TEST_CASE("each libpwquality verdict the CLI handles has the catalogue's words", "[passphrase]") {
  choose_language({"--language", "en"});
  char english[PWQ_MAX_ERROR_MESSAGE_LEN];
  for (const auto& [code, word] : kHandled) {
    const std::optional<std::string> text = weakness_text(code);
    INFO("libpwquality code " << code);
    REQUIRE(text);
    CHECK(text->find(word) != std::string::npos);
    // Our words, not libpwquality's English sentence.
    CHECK(*text != pwquality_strerror(english, sizeof english, code, nullptr));
  }
}

TEST_CASE("verdicts about the setup, not the passphrase, warn of nothing", "[passphrase]") {
  for (int code : {PWQ_ERROR_FATAL_FAILURE, PWQ_ERROR_INTEGER, PWQ_ERROR_CFGFILE_OPEN, PWQ_ERROR_CFGFILE_MALFORMED,
                   PWQ_ERROR_UNKNOWN_SETTING, PWQ_ERROR_NON_INT_SETTING, PWQ_ERROR_NON_STR_SETTING,
                   PWQ_ERROR_MEM_ALLOC, PWQ_ERROR_RNG, PWQ_ERROR_GENERATION_FAILED}) {
    INFO("libpwquality code " << code);
    CHECK_FALSE(weakness_text(code));
  }
}

TEST_CASE("a low score is weak, a score at the threshold is not", "[passphrase]") {
  CHECK(weakness_text(0));
  CHECK(weakness_text(kWeakScore - 1));
  CHECK_FALSE(weakness_text(kWeakScore));
  CHECK_FALSE(weakness_text(100));
}

TEST_CASE("the words are translated: Swedish and Finnish differ from English", "[passphrase]") {
  for (const char* language : {"sv", "fi"}) {
    std::set<std::string> english;
    choose_language({"--language", "en"});
    for (const auto& entry : kHandled) english.insert(*weakness_text(entry.first));
    choose_language({"--language", language});
    for (const auto& entry : kHandled) {
      INFO(language << " code " << entry.first);
      CHECK(english.count(*weakness_text(entry.first)) == 0);
    }
  }
  choose_language({"--language", "en"});
}

TEST_CASE("real passphrases, judged by libpwquality", "[passphrase]") {
  choose_language({"--language", "en"});
  CHECK(passphrase_weakness("abc12") == weakness_text(PWQ_ERROR_MIN_LENGTH));
  CHECK(passphrase_weakness("sommar2024"));  // breaks no rule, scores low
  CHECK_FALSE(passphrase_weakness("correct horse battery staple"));
  CHECK_FALSE(passphrase_weakness("kanelbulle-regn-cykel-Malmö-42"));
  // The dictionary check needs cracklib's dictionary (Debian's cracklib-runtime, in .ci/install-deps).
  if (::access("/var/cache/cracklib/cracklib_dict.pwd", R_OK) == 0) {
    CHECK(passphrase_weakness("password") == weakness_text(PWQ_ERROR_CRACKLIB_CHECK));
  } else {
    FAIL("cracklib's dictionary is missing: install cracklib-runtime (.ci/install-deps)");
  }
}

}  // namespace
}  // namespace kartla::cli
