#include "agency_input.h"

#include <limits>

#include "date_arg.h"
#include "files.h"
#include "unlock.h"

namespace kartla::cli {

AgencyArgs agency_args(const std::string& path, const Args& args) {
  AgencyArgs out;
  out.path = path;
  out.agency_path = args.required("--as");
  if (auto text = args.value("--at")) out.at = parse_time_arg(*text, "--at", DateMeaning::start_of_day);
  if (auto text = args.value("--last-seen"))
    out.last_seen = parse_unsigned(*text, "--last-seen", std::numeric_limits<uint64_t>::max());
  if (auto card = args.value("--owner-card")) out.owner_card = read_input(*card, kSmallFileReadLimit);
  check_readable(path);
  return out;
}

AgencyInput open_as_agency(const AgencyArgs& given, const Args& args) {
  kartla::identity agency = unlock_identity(given.agency_path, args);
  kartla::share share = kartla::share::open_file(given.path, agency);
  // Both checks come before anything is printed: a stranger's or an older copy prints nothing.
  if (given.owner_card) share.check_owner(given.owner_card->view());
  if (given.last_seen) share.check_last_seen(*given.last_seen);
  return AgencyInput{std::move(agency), std::move(share), given.at};
}

}  // namespace kartla::cli
