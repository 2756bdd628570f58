#include "view_args.h"

#include "owned_record.h"

#include "failure.h"
#include "files.h"
#include "unlock.h"

namespace kartla::cli {

kartla::record open_owned_record(const std::string& path, const Args& args) {
  return open_record_with_owner(path, args).record;  // the record keeps its own copy of the keys
}

bool reads_as_agency(const Args& args) {
  if (!args.value("--as")) return false;
  if (args.value("--owner")) usage_error("give --owner (the owner's record) or --as (what an agency may read), not both");
  if (args.flag("--accept-older")) usage_error("--accept-older goes with --owner");
  return true;
}

kartla::view_options view_options_from(const Args& args) {
  kartla::view_options options;
  if (const auto language = args.value("--language")) {
    // The library checks the length; the shape check here gives a clearer message for typos.
    for (char c : *language) {
      const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
      if (!ok) usage_error("--language must be a language tag such as sv, fi or en, not '" + *language + "'");
    }
    options.language = *language;
  }
  return options;
}

}  // namespace kartla::cli
