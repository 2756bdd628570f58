// `kartla record ledger`: the owner's own account of who was given which sections, for what,
// until when, and when it was taken back (the owner-only sharing_ledger section,
// proto/kartla/v1/sharing_ledger.proto).
#include <ctime>
#include <string>
#include <vector>

#include "commands.h"
#include "owned_record.h"
#include "date_arg.h"
#include "display_text.h"
#include "files.h"
#include "json_read.h"
#include "kartla/kartla.hpp"
#include "unlock.h"

namespace kartla::cli {
namespace {

constexpr const char* kLedgerSection = "sharing_ledger";

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

// Protobuf JSON writes every Timestamp as RFC 3339 in UTC ("...Z"), so the texts compare in
// time order as long as they have the same shape, which the ledger's whole seconds guarantee.
std::string grant_status(const JsonObject& grant, const std::string& now) {
  if (!text_field(grant, "revoked_at").empty()) return "revoked";
  const std::string expires = text_field(grant, "expires_at");
  if (!expires.empty() && expires <= now) return "expired";
  return "active";
}

// A ledger field for people to read: the ledger is the owner's own, but it names agencies as
// their cards describe them.
std::string shown(const JsonObject& object, const std::string& name) { return printable(text_field(object, name)); }

std::string grant_block(const JsonObject& g, const std::string& now) {
  const std::string role = shown(g, "agency_role");
  const std::string expires = shown(g, "expires_at");
  const std::string revoked = shown(g, "revoked_at");
  std::string out = "grant " + shown(g, "id") + " (" + grant_status(g, now) + ")\n";
  out += "  agency:       " + shown(g, "agency_name") + (role.empty() ? "" : " (" + role + ")") + "\n";
  out += "  fingerprint:  " + shown(g, "agency_fingerprint") + "\n";
  out += "  sections:     " + printable(joined(text_list_field(g, "sections"))) + "\n";
  out += "  purpose:      " + shown(g, "purpose") + "\n";
  out += "  granted:      " + shown(g, "granted_at") + "\n";
  out += "  expires:      " + (expires.empty() ? std::string("never (until revoked)") : expires) + "\n";
  out += "  revoked:      " + (revoked.empty() ? std::string("no") : revoked) + "\n";
  return out;
}

std::string human_ledger(const std::string& path, const JsonObject& ledger) {
  const std::string now = format_utc(static_cast<int64_t>(std::time(nullptr)));
  const std::vector<const JsonObject*> grants = object_list_field(ledger, "grants");
  std::string out = "Sharing ledger of " + path + ": " + std::to_string(grants.size()) +
                    (grants.size() == 1 ? " grant" : " grants") + "\n";
  for (const JsonObject* g : grants) out += "\n" + grant_block(*g, now);
  const std::vector<const JsonObject*> events = object_list_field(ledger, "access_events");
  if (!events.empty()) out += "\nEvents:\n";
  for (const JsonObject* e : events) {
    std::string action = shown(*e, "action");
    action.append(action.size() < 7 ? 7 - action.size() : 1, ' ');
    out += "  " + shown(*e, "at") + "  " + action + "grant " + shown(*e, "grant_id") + ": " +
           printable(joined(text_list_field(*e, "sections"))) + "\n";
  }
  return out;
}

}  // namespace

Exit run_record_ledger(const Args& args) {
  args.expect_positionals({"REC.kartla"});
  const std::string& path = args.positional(0);
  const kartla::record record = open_owner_record(path, args);

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
  const kartla::buffer json = record.section_json(kLedgerSection);
  write_stdout(human_ledger(path, parse_json_object(json.view())));
  return Exit::ok;
}

}  // namespace kartla::cli
