/* SPDX-License-Identifier: Apache-2.0 */
// How guessable a new passphrase is, judged by libpwquality (the estimator Debian ships for
// passwd and PAM), said in our own words: the reason libpwquality gives is mapped to a catalogue
// message (sv, fi, en), never its English string. A CLI-only dependency: the library and its
// WebAssembly build never see it (docs/CLI.md, "Weak passphrases").
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace kartla::cli {

// libpwquality's score (0..100) below which a passphrase that breaks no rule is still called
// weak: "sommar2024" scores 37, "correct horse battery staple" 100.
inline constexpr int kWeakScore = 50;

// The reason, in this run's language, that a passphrase is weak; nullopt if it is not (or if
// libpwquality cannot judge it: no dictionary installed, out of memory: a warning that cannot be
// trusted is worse than none).
std::optional<std::string> passphrase_weakness(std::string_view passphrase);

// The catalogue's words for libpwquality's verdict `code` (a PWQ_ERROR_* value, or a score
// 0..100 below kWeakScore); nullopt for a code that says nothing about the passphrase (a
// configuration or memory failure). Exposed for its test.
std::optional<std::string> weakness_text(int code);

}  // namespace kartla::cli
