#include "negative_set.h"

#include <stdexcept>

namespace kartla::vectors {

void NegativeSet::record(const std::string& name, const std::string& comment, const std::string& file,
                         const std::string& verify_result, const std::string& open_result,
                         const std::string& read_result, const std::string& section) {
  std::vector<Check> checks = {{"verify", verify_result, "", ""}, {"open_record", open_result, "", ""}};
  if (!read_result.empty()) {
    if (open_result != "OK") throw std::logic_error(name + ": a section is read only after a successful open");
    checks.push_back({"read_section", read_result, section, ""});
  }
  add(name, "record", comment, file, std::move(checks));
}

void NegativeSet::identity(const std::string& name, const std::string& comment, const std::string& file,
                           Check check) {
  add(name, "identity", comment, file, {std::move(check)});
}

void NegativeSet::card(const std::string& name, const std::string& comment, const std::string& file,
                       const std::string& result) {
  add(name, "card", comment, file, {{"card_fingerprint", result, "", ""}});
}

void NegativeSet::add(const std::string& name, const std::string& input_kind, const std::string& comment,
                      const std::string& file, std::vector<Check> checks) {
  bool any_failure = false;
  Json checks_json = Json::array();
  for (const Check& c : checks) {
    any_failure |= c.result != "OK";
    Json j = Json::object();
    j.add("operation", Json::string(c.operation));
    if (!c.section.empty()) j.add("section", Json::string(c.section));
    if (c.operation == "open_identity") j.add("passphrase", Json::string(c.secret));
    if (c.operation == "recover_identity") j.add("recovery_code", Json::string(c.secret));
    j.add("result", Json::string(c.result));
    checks_json.push(std::move(j));
  }
  if (!any_failure) throw std::logic_error(name + ": a negative vector must expect at least one failure");
  Json v = Json::object();
  v.add("tc_id", Json::number(next_id_++));
  v.add("name", Json::string(name));
  v.add("input_kind", Json::string(input_kind));
  v.add("comment", Json::string(comment));
  v.add("input", Json::hex(file));
  v.add("checks", std::move(checks_json));
  vectors_.push(std::move(v));
}

Json NegativeSet::render() const {
  Json doc = Json::object();
  doc.add("file", Json::string("negative.json"));
  doc.add("spec", Json::string("docs/SPEC.md sections 3-6 and 11"));
  doc.add("notes", Json::string("Each vector is one mutation of record.json (version 1 unless the comment says "
                                "otherwise), identity.json or its card file. Every check MUST give exactly the "
                                "status named in result; no plaintext may be returned by a failing check. "
                                "open_record and read_section use identity.json's owner (opened with its "
                                "passphrase)."));
  doc.add("vectors", vectors_);
  return doc;
}

}  // namespace kartla::vectors
