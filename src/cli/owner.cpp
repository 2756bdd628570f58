// SPDX-License-Identifier: Apache-2.0
// The owner's side of every command (owner.h): unlocking --owner with the state folder, opening the
// record against the versions seen, saving it and the identity file together, the owner's clock.
#include "owner.h"

#include <cstdlib>
#include <limits>

#include "file_kinds.h"
#include "messages.h"
#include "output.h"
#include "secrets.h"

namespace kartla::cli {

int64_t owner_clock() {
  if (const char* now = std::getenv("KARTLA_NOW"); now != nullptr && *now != '\0')
    return parse_time_arg(now, "KARTLA_NOW", DateMeaning::start_of_day);
  return 0;
}

kartla::identity unlock_owner(const Args& args) {
  kartla::identity owner = unlock_identity(args.required("--owner"), args);
  if (const std::string folder = state_folder(); !folder.empty()) owner.use_state_folder(folder);
  return owner;
}

void keep_versions_seen(const kartla::identity& owner, const std::string& identity_path, const std::string& before) {
  if (owner.file_bytes().str() != before) owner.save(identity_path);
}

void OwnedRecord::save(const std::string& record_path) {
  record.save(record_path);
  keep_versions_seen(owner, identity_path, identity_file_at_open);
  identity_file_at_open = owner.file_bytes().str();
}

OwnedRecord open_record_with_owner(const std::string& path, const Args& args) {
  check_readable(path);
  expect_file_kind(path, FileKind::record);
  kartla::identity owner = unlock_owner(args);
  kartla_record_open_options options;
  kartla_record_open_options_init(&options);
  options.accept_older = args.flag("--accept-older") ? 1 : 0;
  if (auto text = args.value("--last-seen"))
    options.last_seen = parse_unsigned(*text, "--last-seen", std::numeric_limits<uint64_t>::max());
  const std::string before = owner.file_bytes().str();
  kartla::record record = [&] {
    try {
      return kartla::record::open_file(path, owner, options);
    } catch (const kartla::error& e) {
      if (e.status() == KARTLA_E_FORMAT && is_share_bundle(path))
        usage_error(fill(T("%s is a share bundle, not the owner's record file"), {path}));
      if (e.status() != KARTLA_E_ROLLBACK) throw;
      throw kartla::error(e.status(),
                          fill(T("%s (to read it anyway, or to continue from it if the newer copy is lost, add "
                                 "--accept-older)"),
                               {library_error_text(e)}));
    }
  }();
  if (const int64_t at = owner_clock(); at != 0) record.set_clock(at);
  const std::string identity_path = args.required("--owner");
  // Opening may have seen a newer version than the identity file knew: remember it there too.
  keep_versions_seen(owner, identity_path, before);
  std::string now = owner.file_bytes().str();
  return OwnedRecord{std::move(owner), std::move(record), identity_path, std::move(now)};
}

v1::ProvenanceReport provenance_for(const OwnedRecord& owned, const std::string& section,
                                   const std::optional<TrustListInput>& trust) {
  const kartla::buffer report = kartla::record_provenance(owned.record, owned.owner, section,
                                                          trust ? trust->bytes : std::string(), 0,
                                                          KARTLA_ENCODING_PROTOBUF);
  return parse_result<v1::ProvenanceReport>(report.view());
}

}  // namespace kartla::cli
