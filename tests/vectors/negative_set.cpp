// SPDX-License-Identifier: Apache-2.0
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

void NegativeSet::bundle(const std::string& name, const std::string& comment, const std::string& file,
                         std::vector<Check> checks) {
  for (const Check& c : checks) {
    const bool agency_op = c.operation == "open_share" || c.operation == "read_share_section";
    if (agency_op == c.agency.empty()) throw std::logic_error(name + ": agency checks, and only they, name an agency");
    if ((c.operation == "read_share_section") == (c.at == 0))
      throw std::logic_error(name + ": a section read, and only it, names the time it is read at");
  }
  add(name, "bundle", comment, file, std::move(checks));
}

void NegativeSet::add(const std::string& name, const std::string& input_kind, const std::string& comment,
                      const std::string& file, std::vector<Check> checks) {
  bool any_failure = false;
  Json checks_json = Json::array();
  for (const Check& c : checks) {
    any_failure |= c.result != "OK";
    Json j = Json::object();
    j.add("operation", Json::string(c.operation));
    if (!c.agency.empty()) j.add("agency", Json::string(c.agency));
    if (!c.section.empty()) j.add("section", Json::string(c.section));
    if (c.at != 0) j.add("at", Json::number(c.at));
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
  doc.add("file", Json::string(file_));
  doc.add("spec", Json::string(spec_));
  doc.add("notes", Json::string(notes_));
  doc.add("vectors", vectors_);
  return doc;
}

}  // namespace kartla::vectors
