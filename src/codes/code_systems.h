/* SPDX-License-Identifier: Apache-2.0 */
// The registry of code systems a Coding may name (docs/MODEL.md, Code systems, lists them for
// integrators). Each entry says what a well-formed code looks like, which rule id a bad code
// breaks, and how the Coding's version is treated. Closed lists carry their labels so readers
// can show "B1" or "SeQF 4" in words.
#pragma once

#include <string_view>
#include <vector>

namespace kartla::codes {

// How Coding.version is treated for a system.
enum class VersionRule {
  required,  // living code lists (JobTech, ESCO, instruments): a code means nothing without it
  optional,  // stable closed frameworks (CEFR, EQF levels): may be given, any value
  implied,   // the key names the edition (ssyk-2012): may be empty, else must equal `edition`
  // A programme's own list that Kartla writes down and may revise (the Vasa participation steps):
  // required, and must equal `edition`, the one edition this library knows, so a code of another
  // edition is never read with this edition's words.
  pinned,
};

struct CodeLabel {
  std::string_view code;
  std::string_view label;
};

struct CodeSystem {
  std::string_view key;         // registry key stored in Coding.system
  std::string_view title;
  std::string_view code_rule;   // rule id reported for a malformed or unknown code
  std::string_view expected;    // what a valid code looks like, for messages
  // Shape or membership test for open systems; nullptr when `closed` lists every code.
  bool (*accepts)(std::string_view code);
  std::vector<CodeLabel> closed;
  VersionRule version_rule;
  std::string_view edition;     // for VersionRule::implied and VersionRule::pinned
  std::string_view source;      // where the code list is published
};

const std::vector<CodeSystem>& code_systems();
// nullptr when the key is not registered.
const CodeSystem* find_code_system(std::string_view key);
bool code_is_valid(const CodeSystem& system, std::string_view code);
// The label of a code in a closed list; empty when unknown or the list is open.
std::string_view code_label(std::string_view system_key, std::string_view code);

}  // namespace kartla::codes
