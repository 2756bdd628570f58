/* SPDX-License-Identifier: Apache-2.0 */
// The checks of attest.json and attest_negative.json (operations documented in README.md): each
// names its arguments and the exact result, written from docs/SPEC.md §13.
#pragma once

#include <cstdint>
#include <string>

#include "json_out.h"

namespace kartla::vectors::checks {

// The entry an attestation is checked against: an owner of attest.json's `owners`, a record id
// (hex), the entry's id and bytes. The section is always competences.
struct EntrySubject {
  std::string owner;
  std::string record_id_hex;
  std::string entry_id;
  std::string entry;
};

// trust_list: a label of attest.json's trust_lists, or "" for none. verdict and finding are ""
// when no report is made (a bad trust list fails the call first).
inline Json verify_attestation(const EntrySubject& s, const std::string& trust_list, int64_t now, const char* result,
                               const char* verdict, const char* finding, const char* comment) {
  Json j = Json::object();
  j.add("operation", Json::string("verify_attestation"));
  j.add("owner", Json::string(s.owner));
  j.add("record_id", Json::string(s.record_id_hex));
  j.add("section", Json::string("competences"));
  j.add("entry_id", Json::string(s.entry_id));
  j.add("entry", Json::hex(s.entry));
  j.add("trust_list", Json::string(trust_list));
  j.add("now", Json::number(static_cast<uint64_t>(now)));
  j.add("result", Json::string(result));
  j.add("verdict", Json::string(verdict));
  j.add("finding", Json::string(finding));
  j.add("comment", Json::string(comment));
  return j;
}

// input: a label of attest.json's trust_lists, or "input" for the vector's own input.
// expected_root: a label of attest.json's roots, or "" for any root. last_seen 0: none.
inline Json verify_trust_list(const std::string& input, const std::string& expected_root, uint64_t last_seen,
                              int64_t now, const char* result, const char* comment) {
  Json j = Json::object();
  j.add("operation", Json::string("verify_trust_list"));
  j.add("input", Json::string(input));
  j.add("expected_root", Json::string(expected_root));
  j.add("last_seen", Json::number(last_seen));
  j.add("now", Json::number(static_cast<uint64_t>(now)));
  j.add("result", Json::string(result));
  j.add("comment", Json::string(comment));
  return j;
}

// Opens the contribution (attest.json's, or the vector's input) as identity.json's owner;
// record_id "" names no record.
inline Json describe_contribution(const std::string& record_id_hex, int64_t now, const char* result,
                                  const char* comment) {
  Json j = Json::object();
  j.add("operation", Json::string("describe_contribution"));
  j.add("record_id", Json::string(record_id_hex));
  j.add("now", Json::number(static_cast<uint64_t>(now)));
  j.add("result", Json::string(result));
  j.add("comment", Json::string(comment));
  return j;
}

// Opens attest.json's record.file as its owner and accepts the contribution into it.
inline Json accept_contribution(int64_t now, const char* result, uint64_t added, const char* comment) {
  Json j = Json::object();
  j.add("operation", Json::string("accept_contribution"));
  j.add("now", Json::number(static_cast<uint64_t>(now)));
  j.add("result", Json::string(result));
  j.add("added", Json::number(added));
  j.add("comment", Json::string(comment));
  return j;
}

// Keyless verification of a record file (SPEC §8).
inline Json verify_record(const char* result, const char* comment) {
  Json j = Json::object();
  j.add("operation", Json::string("verify_record"));
  j.add("result", Json::string(result));
  j.add("comment", Json::string(comment));
  return j;
}

}  // namespace kartla::vectors::checks
