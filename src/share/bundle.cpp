// SPDX-License-Identifier: Apache-2.0
#include "share/bundle.h"

#include <algorithm>

#include "base/error.h"
#include "format/container_reader.h"
#include "format/container_writer.h"
#include "share/ledger.h"
#include "share/time_text.h"

namespace kartla::share {

void write_bundle(const format::ByteSource& record, const std::vector<std::string>& slot_tags,
                  const std::vector<std::string>& grant_digests, const std::string& out_path,
                  const io::FileSystem& fs, Bodies bodies) {
  const format::VerifiedContainer c = format::read_container(record);
  format::ContainerContents contents;
  contents.manifest = c.manifest_bytes;  // the owner's exact signed bytes: never re-encoded
  contents.manifest_signature = c.manifest_signature;
  for (const auto& tag : slot_tags) {
    const format::ContainerSection* s = c.find_slot(tag);
    if (s == nullptr) fail(Code::not_found, "the record file does not hold a section to export");
    contents.sections.push_back({*s, std::nullopt, &record, bodies == Bodies::hashed_when_written});
  }
  for (const auto& wanted : grant_digests) {
    const auto it = std::find_if(c.grants.begin(), c.grants.end(), [&](const std::string& g) {
      return crypto::digest_bytes(format::grant_digest(g)) == wanted;
    });
    if (it == c.grants.end()) fail(Code::not_found, "the record file does not hold the grant to export");
    contents.grants.push_back(*it);
  }
  format::write_container(contents, out_path, fs);
}

Bodies bodies_of(const model::Record& record) {
  return record.saved_file_hashed_when_written() ? Bodies::hashed_when_written : Bodies::rehash;
}

void require_exportable(const v1::ShareGrantRecord& entry, int64_t now) {
  if (entry.has_revoked_at())
    fail(Code::not_found, "grant %1$s was revoked on %2$s: an ended grant is never exported",
         {entry.id(), format_utc(entry.revoked_at().seconds())});
  const int64_t expiry = entry.has_expired_at()   ? entry.expired_at().seconds()
                         : entry.has_expires_at() ? entry.expires_at().seconds()
                                                  : 0;
  if (entry.has_expired_at() || (expiry != 0 && expiry <= now))
    fail(Code::expired, "grant %1$s expired on %2$s: an ended grant is never exported",
         {entry.id(), format_utc(entry.expires_at().seconds())});
}

void export_grant_bundle(const model::Record& record, const std::string& grant_id_hex, int64_t now,
                         const std::string& out_path, const io::FileSystem& fs) {
  const format::ByteSource& saved = record.saved_file();
  const v1::SharingLedger ledger = read_ledger(record);
  for (const auto& entry : ledger.grants()) {
    if (entry.id() != grant_id_hex) continue;
    require_exportable(entry, now);
    std::vector<std::string> tags;
    for (uint32_t id : covered_sections(record, entry)) tags.push_back(record.slot_tag(*model::section_by_id(id)));
    write_bundle(saved, tags, {entry.grant_digest()}, out_path, fs, bodies_of(record));
    return;
  }
  fail(Code::not_found, "no grant with id %s", {grant_id_hex});
}

}  // namespace kartla::share
