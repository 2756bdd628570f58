// `kartla record ledger`: the owner's own account of who was given which sections, for what, on
// which legal basis, until when, and when the grant ended, by revocation or expiry (the owner-only
// sharing_ledger section, proto/kartla/v1/sharing_ledger.proto).
#include <google/protobuf/util/time_util.h>

#include <cstdlib>
#include <ctime>
#include <string>
#include <vector>

#include "commands.h"
#include "date_arg.h"
#include "display_text.h"
#include "failure.h"
#include "files.h"
#include "kartla/kartla.hpp"
#include "kartla/v1/sharing_ledger.pb.h"
#include "owned_record.h"
#include "results.h"

namespace kartla::cli {
namespace {

constexpr const char* kLedgerSection = "sharing_ledger";

std::string joined(const google::protobuf::RepeatedPtrField<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

// A Timestamp as protobuf JSON writes it (RFC 3339 in UTC, "...Z"), "" when unset: the texts
// compare in time order as long as they have the same shape, which the ledger's whole seconds
// guarantee.
std::string time_text(bool set, const google::protobuf::Timestamp& t) {
  return set ? google::protobuf::util::TimeUtil::ToString(t) : std::string();
}
// A grant ends by revocation (revoked_at) or at the first save after its expiry (expired_at): both
// set by the library. Until that save an expired grant is still in the record, and says so.
enum class GrantState { active, past_expiry, expired, revoked };

GrantState grant_state(const v1::ShareGrantRecord& grant, const std::string& now) {
  if (grant.has_revoked_at()) return GrantState::revoked;
  if (grant.has_expired_at()) return GrantState::expired;
  const std::string expires = time_text(grant.has_expires_at(), grant.expires_at());
  if (!expires.empty() && expires <= now) return GrantState::past_expiry;
  return GrantState::active;
}

const char* state_word(GrantState state) {
  switch (state) {
    case GrantState::active: return "active";
    case GrantState::past_expiry: return "past its expiry";
    case GrantState::expired: return "expired";
    case GrantState::revoked: return "revoked";
  }
  return "active";
}

// A ledger field for people to read: the ledger is the owner's own, but it names agencies as
// their cards describe them.
std::string shown(const std::string& text) { return printable(text); }

// "GDPR Art. 6.1.a (consent); health data under GDPR Art. 9.2.h (health or social care)": the
// Art. 9(2) basis is there only when the grant covers health data.
std::string basis_text(const v1::ShareGrantRecord& g) {
  const std::string& code6 = g.gdpr_art6_basis().code();
  const std::string& code9 = g.gdpr_art9_basis().code();
  std::string out = code6.empty() ? std::string("not recorded") : gdpr_basis_label(code6);
  if (!code9.empty()) out += "; health data under " + gdpr_basis_label(code9);
  return out;
}

// "2027-07-01T00:00:00Z (valid through 2027-06-30)", as `kartla share` said it. The library
// writes whole seconds; any other shape is shown as it is.
std::string expiry_text(const std::string& expires) {
  if (expires.empty()) return "never (until revoked)";
  std::string day;
  try {
    day = last_valid_day(parse_time_arg(expires, "expires_at", DateMeaning::start_of_day));
  } catch (const Failure&) {
  }
  return printable(expires) + (day.empty() ? "" : " (valid through " + day + ")");
}

// What ending a grant did (docs/SPEC.md §7.4): a section rotated or removed since the grant was
// made had a new key already.
constexpr const char* kNewKeys = "the sections it still covered got new keys";

std::string ended_text(const v1::ShareGrantRecord& g, GrantState state) {
  switch (state) {
    case GrantState::active: return "no";
    case GrantState::past_expiry:
      return "not yet: it ends at the next save of this record, and its sections then get new keys";
    case GrantState::expired:
      return "expired, on " + shown(time_text(g.has_expired_at(), g.expired_at())) + " (the first save after its expiry): " + kNewKeys;
    case GrantState::revoked: return "revoked, on " + shown(time_text(g.has_revoked_at(), g.revoked_at())) + ": " + kNewKeys;
  }
  return "no";
}

std::string grant_block(const v1::ShareGrantRecord& g, const std::string& now) {
  const GrantState state = grant_state(g, now);
  const std::string role = shown(g.agency_role());
  std::string out = "grant " + shown(g.id()) + " (" + state_word(state) + ")\n";
  out += "  agency:       " + shown(g.agency_name()) + (role.empty() ? "" : " (" + role + ")") + "\n";
  out += "  fingerprint:  " + shown(g.agency_fingerprint()) + "\n";
  out += "  sections:     " + printable(joined(g.sections())) + "\n";
  out += "  purpose:      " + shown(g.purpose()) + "\n";
  out += "  basis:        " + basis_text(g) + "\n";
  out += "  granted:      " + shown(time_text(g.has_granted_at(), g.granted_at())) + "\n";
  out += "  expires:      " + expiry_text(time_text(g.has_expires_at(), g.expires_at())) + "\n";
  out += "  ended:        " + ended_text(g, state) + "\n";
  return out;
}

// The owner's clock, as the record's (src/cli/owned_record.cpp): KARTLA_NOW when set.
std::string owner_now() {
  if (const char* now = std::getenv("KARTLA_NOW"); now != nullptr && *now != '\0')
    return format_utc(parse_time_arg(now, "KARTLA_NOW", DateMeaning::start_of_day));
  return format_utc(static_cast<int64_t>(std::time(nullptr)));
}

std::string human_ledger(const std::string& path, const v1::SharingLedger& ledger) {
  const std::string now = owner_now();
  std::string out = "Sharing ledger of " + path + ": " + std::to_string(ledger.grants_size()) +
                    (ledger.grants_size() == 1 ? " grant" : " grants") + "\n";
  for (const v1::ShareGrantRecord& g : ledger.grants()) out += "\n" + grant_block(g, now);
  if (ledger.access_events_size() != 0)
    out += "\nEvents (GRANT: shared; REVOKE: taken back; EXPIRE: ended at the first save after its expiry):\n";
  for (const v1::AccessEvent& e : ledger.access_events()) {
    // As protobuf JSON names it: the unset value has no name.
    std::string action = e.action() == v1::AccessEvent::ACTION_UNSPECIFIED ? std::string()
                                                                            : v1::AccessEvent::Action_Name(e.action());
    action.append(action.size() < 7 ? 7 - action.size() : 1, ' ');
    out += "  " + shown(time_text(e.has_at(), e.at())) + "  " + action + "grant " + shown(e.grant_id()) + ": " +
           printable(joined(e.sections())) + "\n";
  }
  return out;
}

}  // namespace

Exit run_record_ledger(const Args& args) {
  args.expect_positionals({"REC.kartla"});
  const std::string& path = args.positional(0);
  const kartla::record record = std::move(open_record_with_owner(path, args).record);

  // A record never shared has no ledger section: that is an empty ledger, not an error.
  const bool has_ledger = record.has_section(kLedgerSection);
  if (args.flag("--json")) {
    if (!has_ledger) {
      write_stdout("{}\n");
      return Exit::ok;
    }
    const kartla::buffer json = record.section_json(kLedgerSection);
    write_stdout(json.view());
    if (json.size() == 0 || json.view().back() != '\n') write_stdout("\n");
    return Exit::ok;
  }
  if (!has_ledger) {
    write_stdout("Sharing ledger of " + path + ": 0 grants (nothing has been shared from this record)\n");
    return Exit::ok;
  }
  const kartla::buffer bytes = record.section(kLedgerSection);
  write_stdout(human_ledger(path, parse_result<v1::SharingLedger>(bytes.view())));
  return Exit::ok;
}

}  // namespace kartla::cli
