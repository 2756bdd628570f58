#include "share/bundle.h"

#include <algorithm>

#include "base/error.h"
#include "format/container_reader.h"
#include "io/atomic_writer.h"
#include "share/ledger.h"

namespace kartla::share {

void write_bundle(const format::ByteSource& record, const std::vector<uint32_t>& section_ids,
                  const std::vector<std::string>& grant_digests, const std::string& out_path,
                  const io::FileSystem& fs) {
  const format::VerifiedContainer c = format::read_container(record);
  format::RecordHeader header;
  header.manifest = c.manifest_bytes;  // the owner's exact signed bytes: never re-encoded
  header.manifest_signature = c.manifest_signature;
  std::vector<const format::ContainerSection*> chosen;
  for (uint32_t id : section_ids) {
    const format::ContainerSection* s = c.find_section(id);
    if (s == nullptr) fail(Code::not_found, "the record file does not hold section " + std::to_string(id));
    chosen.push_back(s);
    header.section_entries.push_back(s->entry_bytes);
  }
  for (const auto& wanted : grant_digests) {
    const auto it = std::find_if(c.grants.begin(), c.grants.end(), [&](const std::string& g) {
      return crypto::digest_bytes(format::grant_digest(g)) == wanted;
    });
    if (it == c.grants.end()) fail(Code::not_found, "the record file does not hold the grant to export");
    header.grants.push_back(*it);
  }
  io::AtomicWriter writer(out_path, fs);
  writer.write(format::encode_container_prefix(header));
  for (const auto* s : chosen)
    format::copy_section_body(record, *s, [&](ByteView chunk) { writer.write(chunk); });
  writer.commit();
}

void export_grant_bundle(const model::Record& record, const std::string& grant_id_hex, const std::string& out_path,
                         const io::FileSystem& fs) {
  const format::ByteSource& saved = record.saved_file();
  const v1::SharingLedger ledger = read_ledger(record);
  for (const auto& entry : ledger.grants()) {
    if (entry.id() != grant_id_hex || entry.has_revoked_at()) continue;
    std::vector<uint32_t> ids;
    for (const auto& name : entry.sections()) {
      const model::SectionInfo& info = model::section_by_name(name);
      if (record.has_section(info)) ids.push_back(info.id);
    }
    write_bundle(saved, ids, {entry.grant_digest()}, out_path, fs);
    return;
  }
  fail(Code::not_found, "no active grant with id " + grant_id_hex);
}

}  // namespace kartla::share
