// SPDX-License-Identifier: Apache-2.0
#include "share/issue_grant.h"

#include <algorithm>
#include <set>

#include "base/error.h"
#include "crypto/encoding.h"
#include "crypto/random.h"
#include "format/container_reader.h"
#include "format/fingerprint.h"
#include "identity/agency_role.h"
#include "kartla/v1/documents.pb.h"
#include "kartla/v1/notes.pb.h"
#include "share/flag_scan.h"
#include "share/involved_list.h"
#include "share/ledger.h"

namespace kartla::share {
namespace {

std::vector<uint32_t> resolve_sections(const model::Record& record, const std::vector<std::string>& names) {
  if (names.empty()) fail(Code::invalid_argument, "name at least one section to share");
  std::vector<uint32_t> ids;
  std::set<uint32_t> seen;
  for (const auto& name : names) {
    const model::SectionInfo& info = model::section_by_name(name);
    if (info.owner_only) fail(Code::invalid_argument, "section '%s' is the owner's own and is never shared", {name});
    if (!record.has_section(info)) fail(Code::not_found, "section '%s' is not in this record", {name});
    if (seen.insert(info.id).second) ids.push_back(info.id);
  }
  return ids;
}

// Protobuf would log invalid UTF-8 in a string field to stderr when the grant is encoded, and
// the ledger would then refuse it: check it up front instead.
bool is_utf8(const std::string& text) {
  size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    size_t n = 0;
    uint32_t cp = 0;
    if (c < 0x80) {
      ++i;
      continue;
    } else if (c >= 0xc2 && c <= 0xdf) {
      n = 1, cp = c & 0x1fu;
    } else if (c >= 0xe0 && c <= 0xef) {
      n = 2, cp = c & 0x0fu;
    } else if (c >= 0xf0 && c <= 0xf4) {
      n = 3, cp = c & 0x07u;
    } else {
      return false;
    }
    if (text.size() - i <= n) return false;
    for (size_t k = 1; k <= n; ++k) {
      const auto cc = static_cast<unsigned char>(text[i + k]);
      if ((cc & 0xc0u) != 0x80u) return false;
      cp = (cp << 6) | (cc & 0x3fu);
    }
    // Overlong forms, UTF-16 surrogates and code points past U+10FFFF.
    if ((n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) || (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff)
      return false;
    i += n + 1;
  }
  return true;
}

}  // namespace

bool is_special_category(const model::Record& record, const model::SectionInfo& info) {
  if (info.special_category) return true;
  if (!record.has_section(info) || (info.name != std::string_view("notes") && info.name != std::string_view("documents")))
    return false;
  // Streamed: a documents section of 64 MiB is scanned with a fixed amount of memory, its
  // documents' bytes skipped, instead of decrypted whole into memory and parsed (copied) again.
  if (const std::optional<bool> known = record.remembered_fact(info)) return *known;
  FlagScan scan = info.name == std::string_view("notes")
                      ? FlagScan(v1::Notes::kEntriesFieldNumber, v1::NoteEntry::kContainsHealthInfoFieldNumber)
                      : FlagScan(v1::Documents::kEntriesFieldNumber, v1::DocumentEntry::kHealthDataFieldNumber);
  record.stream_section(info, scan);  // authenticated when it returns; a failure throws
  record.remember_fact(info, scan.flagged_or_unreadable());
  return scan.flagged_or_unreadable();
}

std::string build_grant(const model::Record& record, const format::Card& card, const std::vector<uint32_t>& section_ids,
                        format::GrantTerms terms) {
  format::Grant grant;
  terms.record_id = record.record_id();
  terms.recipient_signing_key = card.signing_key;
  terms.recipient_encryption_key = card.encryption_key;
  grant.terms = std::move(terms);
  for (uint32_t id : section_ids) {
    const model::SectionInfo* info = model::section_by_id(id);
    if (info == nullptr) fail(Code::internal, "grant names an unknown section");
    model::GrantKeys keys = record.insecure_keys_for_grant(*info);
    grant.sections.push_back({id, keys.generation, std::move(keys.key), std::move(keys.slot_secret)});
  }
  return format::seal_grant(grant);
}

IssuedGrant share_sections(model::Record& record, const ShareRequest& request) {
  const format::SignedCard card = format::decode_card_file(request.agency_card_file);
  if (card.card.kind != format::CardKind::agency)
    fail(Code::invalid_argument, "sections are shared with agency cards only (this card is not an agency's)");
  if (request.purpose.empty()) fail(Code::invalid_argument, "say what the sections are shared for (a purpose)");
  if (!is_utf8(request.purpose)) fail(Code::invalid_argument, "the purpose is not valid UTF-8 text");
  if (request.expires_at != 0 && request.expires_at <= request.now)
    fail(Code::invalid_argument, "the expiry must be in the future");
  const std::vector<uint32_t> ids = resolve_sections(record, request.sections);
  const std::string art6 = request.gdpr_art6_basis.empty() ? kDefaultArt6Basis : request.gdpr_art6_basis;
  std::vector<std::string> special;
  for (uint32_t id : ids)
    if (is_special_category(record, *model::section_by_id(id))) special.emplace_back(model::section_by_id(id)->name);
  if (!special.empty() && request.gdpr_art9_basis.empty())
    fail(Code::invalid_argument, "'%s' holds health data: sharing it needs a GDPR Art. 9(2) basis (9.2.a to 9.2.j)",
         {special.front()});
  if (special.empty() && !request.gdpr_art9_basis.empty())
    fail(Code::invalid_argument, "an Art. 9(2) basis is for health data, and none of these sections holds any");
  // The follow-up section serves only the funder's report (docs/SPEC.md §7.8): the project owner
  // processes it under its reporting obligation or public task, so consent (the default) is refused.
  const bool followup = std::any_of(ids.begin(), ids.end(), [](uint32_t id) {
    return model::section_by_id(id)->name == std::string_view("programme_followup");
  });
  if (followup && art6 != "6.1.c" && art6 != "6.1.e")
    fail(Code::invalid_argument,
         "'programme_followup' is shared for a programme's report: name GDPR Art. 6(1)(c) or 6(1)(e) as the basis");

  format::GrantTerms terms;
  terms.grant_id = crypto::random_public_bytes(16);
  terms.purpose = request.purpose;
  terms.granted_at = request.now;
  terms.expires_at = request.expires_at;
  terms.gdpr_art6_basis = art6;
  terms.gdpr_art9_basis = request.gdpr_art9_basis;
  if (request.tell_involved) terms.involved = involved_from_record(record);
  const std::string grant_bytes = build_grant(record, card.card, ids, terms);

  IssuedGrant issued;
  issued.grant_id_hex = crypto::to_hex(terms.grant_id);
  issued.grant_digest = crypto::digest_bytes(format::grant_digest(grant_bytes));
  issued.section_ids = ids;
  issued.agency_fingerprint = format::fingerprint(card.card.signing_key, card.card.encryption_key);

  v1::SharingLedger ledger = read_ledger(record);
  check_ledger_matches_grants(record, ledger);  // the grants already held must match it (SPEC §7.5)
  v1::ShareGrantRecord* entry = ledger.add_grants();
  entry->set_id(issued.grant_id_hex);
  entry->set_agency_fingerprint(issued.agency_fingerprint);
  entry->set_agency_name(card.card.name);
  if (const auto* role = identity::agency_role_by_number(card.card.role)) entry->set_agency_role(std::string(role->name));
  std::vector<std::string> names;
  for (uint32_t id : ids) names.emplace_back(model::section_by_id(id)->name);
  for (const auto& n : names) entry->add_sections(n);
  for (uint32_t id : ids) entry->add_section_generations(record.generation(*model::section_by_id(id)));
  entry->mutable_gdpr_art6_basis()->set_system("gdpr-art6");
  entry->mutable_gdpr_art6_basis()->set_code(art6);
  if (!request.gdpr_art9_basis.empty()) {
    entry->mutable_gdpr_art9_basis()->set_system("gdpr-art9");
    entry->mutable_gdpr_art9_basis()->set_code(request.gdpr_art9_basis);
  }
  entry->set_purpose(request.purpose);
  set_time(entry->mutable_granted_at(), request.now);
  if (request.expires_at != 0) set_time(entry->mutable_expires_at(), request.expires_at);
  entry->set_agency_card(request.agency_card_file);
  entry->set_grant_digest(issued.grant_digest);
  record_told(terms.involved, *entry);
  append_owner_event(ledger, v1::AccessEvent::GRANT, issued.grant_id_hex, names, ledger_time(ledger, request.now));

  // The ledger first: if it is refused, the record must not keep a grant the ledger does not
  // know of (it could never be revoked).
  write_ledger(record, ledger);
  std::vector<std::string> grants = record.grants();
  grants.push_back(grant_bytes);
  record.replace_grants(std::move(grants));
  return issued;
}

}  // namespace kartla::share
