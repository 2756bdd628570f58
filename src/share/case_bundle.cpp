// SPDX-License-Identifier: Apache-2.0
#include "share/case_bundle.h"

#include <set>

#include "base/error.h"
#include "share/bundle.h"
#include "share/ledger.h"

namespace kartla::share {
namespace {

const v1::ShareGrantRecord& ledger_entry(const v1::SharingLedger& ledger, const std::string& id) {
  for (const auto& entry : ledger.grants())
    if (entry.id() == id) return entry;
  fail(Code::not_found, "no grant with id %s", {id});
}

int64_t expiry_of(const v1::ShareGrantRecord& entry) {
  return entry.has_expires_at() ? entry.expires_at().seconds() : 0;
}

}  // namespace

void export_case_bundle(const model::Record& record, const std::vector<std::string>& grant_ids, int64_t now,
                        const std::string& out_path, const io::FileSystem& fs) {
  if (grant_ids.empty()) fail(Code::invalid_argument, "a case-conference bundle needs at least one grant");
  if (grant_ids.size() > kMaxCaseGrants)
    fail(Code::invalid_argument, "a case-conference bundle holds at most %s grants",
         {std::to_string(kMaxCaseGrants)});
  const format::ByteSource& saved = record.saved_file();
  const v1::SharingLedger ledger = read_ledger(record);
  const v1::ShareGrantRecord& first = ledger_entry(ledger, grant_ids.front());
  std::set<std::string> ids_seen;
  std::set<std::string> agencies_seen;
  std::set<uint32_t> sections;  // the union, each section once
  std::vector<std::string> digests;
  for (const std::string& id : grant_ids) {
    if (!ids_seen.insert(id).second) fail(Code::invalid_argument, "grant %s is named twice", {id});
    const v1::ShareGrantRecord& entry = ledger_entry(ledger, id);
    require_exportable(entry, now);
    // One grant per agency: an agency reading two grants of one meeting could not tell which
    // purpose and sections were meant for it, and the ledger would count it twice.
    if (!agencies_seen.insert(entry.agency_fingerprint()).second)
      fail(Code::invalid_argument, "two of the grants are to %s: a case-conference bundle holds one grant per agency",
           {entry.agency_name()});
    if (entry.purpose() != first.purpose() || expiry_of(entry) != expiry_of(first))
      fail(Code::invalid_argument, "grants %1$s and %2$s differ in purpose or expiry: a case conference has one of "
           "each", {first.id(), id});
    for (uint32_t section : covered_sections(record, entry)) sections.insert(section);
    digests.push_back(entry.grant_digest());
  }
  std::vector<std::string> tags;
  for (uint32_t id : sections) tags.push_back(record.slot_tag(*model::section_by_id(id)));
  write_bundle(saved, tags, digests, out_path, fs, bodies_of(record));
}

}  // namespace kartla::share
