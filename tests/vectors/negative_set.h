// Collects negative.json: each vector is one mutated input plus the checks a reader runs on it,
// each with the exact kartla_status name it must give (docs/SPEC.md §11).
#pragma once

#include <string>
#include <vector>

#include "json_out.h"

namespace kartla::vectors {

struct Check {
  std::string operation;  // verify | open_record | read_section | open_identity | recover_identity | card_fingerprint
  std::string result;     // "OK" or a kartla_status name such as "E_FORMAT"
  std::string section;    // read_section
  std::string secret;     // open_identity: the passphrase; recover_identity: the recovery code
};

class NegativeSet {
 public:
  // A record or bundle: verified without a key, opened as the owner of identity.json, and (when
  // read_result is given) section `section` read after opening.
  void record(const std::string& name, const std::string& comment, const std::string& file,
              const std::string& verify_result, const std::string& open_result,
              const std::string& read_result = "", const std::string& section = "profile");
  void identity(const std::string& name, const std::string& comment, const std::string& file, Check check);
  void card(const std::string& name, const std::string& comment, const std::string& file,
            const std::string& result);

  Json render() const;

 private:
  void add(const std::string& name, const std::string& input_kind, const std::string& comment,
           const std::string& file, std::vector<Check> checks);
  Json vectors_ = Json::array();
  uint64_t next_id_ = 1;
};

}  // namespace kartla::vectors
