#include "owned_record.h"

#include <cstdlib>

#include "date_arg.h"
#include "files.h"
#include "unlock.h"

namespace kartla::cli {

namespace {

void apply_clock(kartla::record& record) {
  if (const char* now = std::getenv("KARTLA_NOW"); now != nullptr && *now != '\0')
    record.set_clock(parse_time_arg(now, "KARTLA_NOW", DateMeaning::start_of_day));
}

}  // namespace

OwnedRecord open_record_with_owner(const std::string& path, const Args& args) {
  check_readable(path);
  kartla::identity owner = unlock_identity(args.required("--owner"), args);
  kartla::record record = kartla::record::open_file(path, owner);
  apply_clock(record);
  return OwnedRecord{std::move(owner), std::move(record)};
}

kartla::record open_owner_record(const std::string& path, const Args& args) {
  return std::move(open_record_with_owner(path, args).record);
}

std::string provenance_json_for(const OwnedRecord& owned, const std::string& section,
                                const std::optional<TrustListInput>& trust) {
  return kartla::record_provenance_json(owned.record, owned.owner, section, trust ? trust->bytes : std::string());
}

}  // namespace kartla::cli
