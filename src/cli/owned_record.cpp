#include "owned_record.h"

#include "files.h"
#include "unlock.h"

namespace kartla::cli {

OwnedRecord open_record_with_owner(const std::string& path, const Args& args) {
  check_readable(path);
  kartla::identity owner = unlock_identity(args.required("--owner"), args);
  kartla::record record = kartla::record::open_file(path, owner);
  return OwnedRecord{std::move(owner), std::move(record)};
}

std::string provenance_json_for(const OwnedRecord& owned, const std::string& section,
                                const std::optional<TrustListInput>& trust) {
  return kartla::record_provenance_json(owned.record, owned.owner, section, trust ? trust->bytes : std::string());
}

}  // namespace kartla::cli
