/* SPDX-License-Identifier: Apache-2.0 */
// Collects a negative vector file (negative.json, bundle_negative.json): each vector is one mutated
// input plus the checks a reader runs on it, each with the exact kartla_status name it must give
// (docs/SPEC.md §11).
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "json_out.h"

namespace kartla::vectors {

struct Check {
  // verify | open_record | read_section | open_identity | recover_identity | card_fingerprint |
  // open_share | read_share_section
  std::string operation;
  std::string result;     // "OK" or a kartla_status name such as "E_FORMAT"
  std::string section;    // read_section, read_share_section
  std::string secret;     // open_identity: the passphrase; recover_identity: the recovery code
  std::string agency = {};  // open_share, read_share_section: an agency of bundle.json
  uint64_t at = 0;          // read_share_section: the time the grant's expiry is checked against
};

class NegativeSet {
 public:
  // The file's name, the SPEC sections it tests and its notes, written at its top.
  NegativeSet(std::string file, std::string spec, std::string notes)
      : file_(std::move(file)), spec_(std::move(spec)), notes_(std::move(notes)) {}

  // A record or bundle: verified without a key, opened as the owner of identity.json, and (when
  // read_result is given) section `section` read after opening.
  void record(const std::string& name, const std::string& comment, const std::string& file,
              const std::string& verify_result, const std::string& open_result,
              const std::string& read_result = "", const std::string& section = "profile");
  void identity(const std::string& name, const std::string& comment, const std::string& file, Check check);
  void card(const std::string& name, const std::string& comment, const std::string& file,
            const std::string& result);
  // A share bundle (or record file) read by an agency, and optionally verified or opened as owner.
  void bundle(const std::string& name, const std::string& comment, const std::string& file,
              std::vector<Check> checks);

  Json render() const;

 private:
  void add(const std::string& name, const std::string& input_kind, const std::string& comment,
           const std::string& file, std::vector<Check> checks);
  std::string file_;
  std::string spec_;
  std::string notes_;
  Json vectors_ = Json::array();
  uint64_t next_id_ = 1;
};

}  // namespace kartla::vectors
