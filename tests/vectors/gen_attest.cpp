// SPDX-License-Identifier: Apache-2.0
// attest.json: an agency attests one competence of the owner's record, a trust root lists the
// agency for a period, and the agency sends the owner a contribution (docs/SPEC.md §13), with
// every value an independent reader needs to check them from the spec alone: the exact signed
// bytes, the entry-hash input, the decoded fields and the contribution's sealed-box plaintext.
// Expected outcomes are written here from the spec, not taken from the library.
#include <stdexcept>

#include "attest/attestation.h"
#include "attest/contribution.h"
#include "attest/trust_list.h"
#include "attest_checks.h"
#include "crypto/box.h"
#include "crypto/random.h"
#include "format/attestation_codec.h"
#include "format/contribution_codec.h"
#include "format/framing.h"
#include "format/labels.h"
#include "format/trust_list_codec.h"
#include "generator.h"
#include "sample_content.h"
#include "wire.h"

namespace kartla::vectors {
namespace {

constexpr uint32_t kCompetences = 4;  // SPEC §5.1
constexpr int64_t kWrittenAt = 1740960000;
constexpr int64_t kOlderListExpires = 1767225600;  // 2026-01-01T00:00:00Z
constexpr uint32_t kAgencyRole = 6;  // education_provider (SPEC §4.2)

identity::Identity new_identity(format::CardKind kind, const std::string& name, const std::string& organisation_number,
                                uint32_t role) {
  identity::NewIdentity options;
  options.kind = kind;
  options.name = name;
  options.organisation_number = organisation_number;
  options.role = role;
  options.kdf_opslimit = 3;
  options.kdf_memlimit_bytes = 64ull << 20;
  options.created_at = kCardCreatedAt;
  return std::move(identity::Identity::create(options, std::string("not used by the vectors")).identity);
}

// One CompetenceEntry: id, free_text, assertion (SELF_REPORTED).
std::string competence(const std::string& id, const std::string& free_text) {
  return wire::bytes_field(1, id) + wire::bytes_field(4, free_text) + wire::bytes_always(8, sample::self_reported(kWrittenAt));
}

format::Claim validated_claim() {
  format::Claim claim;
  claim.kind = format::ClaimKind::validated;
  claim.level_system = "seqf";
  claim.level_code = "3";
  claim.method = "ocn";
  claim.date = "2025-03-07";
  claim.credits_hundredths = 750;
  claim.assessor_role = "OCN assessor";
  return claim;
}

std::string list_of(const identity::Identity& root, uint64_t sequence, int64_t issued, int64_t expires,
                    const Agency& agency) {
  attest::TrustListDraft draft;
  draft.sequence = sequence;
  draft.issued_at = issued;
  draft.expires_at = expires;
  attest::add_agency(draft, agency.identity.card_file(), kAgencyRole, kListedFrom, kListedUntil);
  return attest::sign_trust_list(root, draft);
}

std::string signed_bytes(const char* label, const std::string& message) { return std::string(label) + '\0' + message; }

Json card_vector(const std::string& label, const identity::Identity& id) {
  const format::Card& card = id.card().card;
  Json j = Json::object();
  j.add("label", Json::string(label));
  if (!card.name.empty()) j.add("name", Json::string(card.name));
  j.add("card_file", Json::hex(id.card_file()));
  j.add("signing_key", Json::hex(card.signing_key));
  j.add("encryption_key", Json::hex(card.encryption_key));
  j.add("fingerprint", Json::string(id.fingerprint()));
  return j;
}

Json claim_vector(const format::Claim& c) {
  Json j = Json::object();
  j.add("kind", Json::number(static_cast<uint32_t>(c.kind)));
  j.add("level_system", Json::string(c.level_system));
  j.add("level_code", Json::string(c.level_code));
  j.add("method", Json::string(c.method));
  j.add("date", Json::string(c.date));
  j.add("credits_hundredths", Json::number(c.credits_hundredths));
  j.add("assessor_role", Json::string(c.assessor_role));
  return j;
}

Json attestation_vector(const std::string& file, const std::string& entry) {
  const std::string payload = attest::attestation_from_file(file);
  const format::SignedAttestation sa = format::decode_signed_attestation(payload);
  const format::Attestation& a = sa.attestation;
  if (a.entry_hash != format::attested_entry_hash(entry)) throw std::logic_error("entry hash");
  Json f = Json::object();
  f.add("format_version", Json::number(1));
  f.add("issuer_card", Json::hex(a.issuer_card));
  f.add("owner_signing_key", Json::hex(a.owner_signing_key));
  f.add("owner_encryption_key", Json::hex(a.owner_encryption_key));
  f.add("record_id", Json::hex(a.record_id));
  f.add("section_id", Json::number(a.section_id));
  f.add("entry_id", Json::string(a.entry_id));
  f.add("entry_hash", Json::hex(a.entry_hash));
  f.add("claim", claim_vector(a.claim));
  f.add("issued_at", Json::number(static_cast<uint64_t>(a.issued_at)));
  f.add("expires_at", Json::number(static_cast<uint64_t>(a.expires_at)));
  Json j = Json::object();
  j.add("file", Json::hex(file));
  j.add("signed_attestation", Json::hex(payload));
  j.add("attestation", Json::hex(sa.attestation_bytes));
  j.add("signed_bytes", Json::hex(signed_bytes(format::label::kAttestationSignature, sa.attestation_bytes)));
  j.add("signature", Json::hex(sa.signature));
  j.add("entry_hash_input", Json::hex(signed_bytes(format::label::kAttestedEntry, entry)));
  j.add("entry_hash", Json::hex(a.entry_hash));
  j.add("claim_json", Json::string(format::claim_to_json(a.claim)));
  j.add("fields", std::move(f));
  return j;
}

Json trust_list_vector(const std::string& label, const std::string& file) {
  const format::SignedTrustList sl = format::decode_trust_list_file(file);
  Json agencies = Json::array();
  for (const auto& a : sl.list.agencies) {
    Json j = Json::object();
    j.add("agency_card", Json::hex(a.agency_card));
    j.add("role", Json::number(a.role));
    j.add("valid_from", Json::number(static_cast<uint64_t>(a.valid_from)));
    j.add("valid_until", Json::number(static_cast<uint64_t>(a.valid_until)));
    agencies.push(std::move(j));
  }
  Json f = Json::object();
  f.add("format_version", Json::number(1));
  f.add("root_card", Json::hex(sl.list.root_card));
  f.add("sequence", Json::number(sl.list.sequence));
  f.add("issued_at", Json::number(static_cast<uint64_t>(sl.list.issued_at)));
  f.add("expires_at", Json::number(static_cast<uint64_t>(sl.list.expires_at)));
  f.add("agencies", std::move(agencies));
  Json j = Json::object();
  j.add("label", Json::string(label));
  j.add("file", Json::hex(file));
  j.add("signed_trust_list", Json::hex(file.substr(format::kFramePrefixBytes)));
  j.add("trust_list", Json::hex(sl.list_bytes));
  j.add("signed_bytes", Json::hex(signed_bytes(format::label::kTrustListSignature, sl.list_bytes)));
  j.add("signature", Json::hex(sl.signature));
  j.add("fields", std::move(f));
  return j;
}

Json contribution_vector(const Owner& owner, const std::string& file, const std::string& entry) {
  const format::OpenedContribution opened = format::open_contribution_file(owner.identity.box_keys(), file);
  const format::Contribution& c = opened.contribution;
  if (opened.entry.view().as_string_view() != entry) throw std::logic_error("the contributed entry moved");
  // ContributionFile: 1 format_version (08 01), 2 sealed: a length-prefixed box.
  const std::string message = file.substr(format::kFramePrefixBytes);
  size_t pos = 3;  // 08 01 12
  uint64_t length = 0;
  for (int shift = 0;; shift += 7) {
    const auto b = static_cast<uint8_t>(message.at(pos++));
    length |= uint64_t{b & 0x7fu} << shift;
    if ((b & 0x80) == 0) break;
  }
  const std::string sealed = message.substr(pos, length);
  const auto payload = crypto::open_sealed_bounded(owner.identity.box_keys(), sealed, 16u << 20);
  if (!payload) throw std::logic_error("the contribution does not open");
  const std::string prefix = std::string(format::label::kContributionPayload) + '\0';
  const std::string signed_contribution = payload->view().to_string().substr(prefix.size());
  // SignedContribution: 1 contribution (length-delimited), 2 signature (64 bytes, the last 66).
  const std::string signature = signed_contribution.substr(signed_contribution.size() - 64);
  pos = 1;
  length = 0;
  for (int shift = 0;; shift += 7) {
    const auto b = static_cast<uint8_t>(signed_contribution.at(pos++));
    length |= uint64_t{b & 0x7fu} << shift;
    if ((b & 0x80) == 0) break;
  }
  const std::string contribution = signed_contribution.substr(pos, length);

  Json f = Json::object();
  f.add("format_version", Json::number(1));
  f.add("contribution_id", Json::hex(c.contribution_id));
  f.add("sender_card", Json::hex(c.sender_card));
  f.add("recipient_signing_key", Json::hex(c.recipient_signing_key));
  f.add("recipient_encryption_key", Json::hex(c.recipient_encryption_key));
  f.add("record_id", Json::hex(c.record_id));
  f.add("section_id", Json::number(c.section_id));
  f.add("entry", Json::hex(entry));
  f.add("attestation", Json::hex(c.attestation));
  f.add("created_at", Json::number(static_cast<uint64_t>(c.created_at)));
  Json j = Json::object();
  j.add("file", Json::hex(file));
  j.add("sealed", Json::hex(sealed));
  j.add("payload", Json::hex(payload->view()));
  j.add("signed_contribution", Json::hex(signed_contribution));
  j.add("contribution", Json::hex(contribution));
  j.add("signed_bytes", Json::hex(signed_bytes(format::label::kContributionSignature, contribution)));
  j.add("signature", Json::hex(signature));
  j.add("sender", Json::string("agency"));
  j.add("entry_id", Json::string("comp-3"));
  j.add("fields", std::move(f));
  return j;
}

}  // namespace

Attesting make_attesting(const Owner& owner, const std::string& work_dir) {
  Attesting out{new_identity(format::CardKind::trust_root, "Kartla trust root, Region Skane", "", 0),
                new_identity(format::CardKind::trust_root, "Some other trust root", "", 0),
                Agency{"agency", new_identity(format::CardKind::agency, "Malmo stad vuxenutbildning", "212000-1124",
                                              kAgencyRole),
                       "", ""},
                new_identity(format::CardKind::owner, "", "", 0),
                {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}};
  out.entry = competence("comp-1", "Cooking for large groups (storkok)");
  out.other_entry = competence("comp-2", "Forklift driving");
  out.edited_entry = competence("comp-1", "Cooking for very large groups (storkok)");
  out.contributed_entry = competence("comp-3", "Food hygiene (HACCP basics)");
  out.content = wire::bytes_always(1, out.entry) + wire::bytes_always(1, out.other_entry);

  const std::string path = work_dir + "/attested.kartla";
  model::Record record = model::Record::create({owner.identity.signing_keys(), owner.identity.box_keys()});
  write_valid_section(record, Section{"competences", out.content});
  record.save(path);
  out.record = read_file(path);
  out.record_id = record.record_id();
  out.other_record_id = crypto::random_public_bytes(16);

  const attest::RecordRef ref = attest::record_of_owner_card(owner.identity.card_file(), out.record_id);
  const attest::EntryRef subject{ref, kCompetences, "comp-1"};
  const identity::Identity& agency = out.agency.identity;
  out.attestation = attest::issue_attestation(agency, subject, out.entry, validated_claim(), kAttested,
                                              kAttestationExpires);
  out.late_attestation = attest::issue_attestation(agency, subject, out.entry, validated_claim(), kAttestedLate);
  out.early_attestation = attest::issue_attestation(agency, subject, out.entry, validated_claim(), kAttestedEarly);

  out.trust_list = list_of(out.root, 2, kListIssued, kListExpires, out.agency);
  out.older_trust_list = list_of(out.root, 1, kOlderListIssued, kOlderListExpires, out.agency);
  out.foreign_trust_list = list_of(out.other_root, 2, kListIssued, kListExpires, out.agency);

  attest::ContributionRequest request;
  request.owner_card_file = owner.identity.card_file();
  request.record_id = out.record_id;
  request.section_id = kCompetences;
  request.now = kContributed;
  out.contribution = attest::create_contribution(agency, request, out.contributed_entry);
  request.owner_card_file = out.other_owner.card_file();
  out.misdirected_contribution = attest::create_contribution(agency, request, out.contributed_entry);
  return out;
}

Json attest_vectors(const Owner& owner, const Attesting& at) {
  using namespace checks;
  const std::string rid = to_hex(at.record_id);
  const EntrySubject comp1{"owner", rid, "comp-1", at.entry};

  Json owners = Json::array();
  owners.push(card_vector("owner", owner.identity));
  owners.push(card_vector("other_owner", at.other_owner));
  Json roots = Json::array();
  roots.push(card_vector("root", at.root));
  roots.push(card_vector("other_root", at.other_root));
  Json agency = card_vector("agency", at.agency.identity);
  agency.add("organisation_number", Json::string(at.agency.identity.card().card.organisation_number));
  agency.add("role", Json::number(at.agency.identity.card().card.role));

  Json entries = Json::array();
  for (const auto& [id, bytes] : {std::pair<const char*, const std::string&>{"comp-1", at.entry},
                                  {"comp-2", at.other_entry}}) {
    Json e = Json::object();
    e.add("entry_id", Json::string(id));
    e.add("entry", Json::hex(bytes));
    entries.push(std::move(e));
  }
  Json record = Json::object();
  record.add("owner", Json::string("owner"));
  record.add("file", Json::hex(at.record));
  record.add("record_id", Json::hex(at.record_id));
  record.add("section", Json::string("competences"));
  record.add("section_id", Json::number(kCompetences));
  record.add("content", Json::hex(at.content));
  record.add("entries", std::move(entries));

  Json lists = Json::array();
  lists.push(trust_list_vector("current", at.trust_list));
  lists.push(trust_list_vector("older", at.older_trust_list));

  Json attestation_checks = Json::array();
  attestation_checks.push(verify_attestation(comp1, "current", kCheckedAt, "OK", "trusted", "ok",
                                             "issued while the agency was listed, checked with the list"));
  attestation_checks.push(verify_attestation(comp1, "", kCheckedAt, "OK", "untrusted", "no_trust_list",
                                             "valid, but no trust list was given"));
  attestation_checks.push(verify_attestation(comp1, "current", kCheckedLate, "OK", "trusted", "ok",
                                             "trust is judged at issue time: still trusted after the listing ended"));
  attestation_checks.push(verify_attestation(comp1, "", kAttested - 300, "OK", "untrusted", "no_trust_list",
                                             "issued_at = now + 300: within the clock skew"));
  attestation_checks.push(verify_attestation(comp1, "", kAttestationExpires - 1, "OK", "untrusted", "no_trust_list",
                                             "the last second before expires_at"));
  attestation_checks.push(verify_attestation(comp1, "current", kListExpires, "E_EXPIRED", "", "",
                                             "the trust list has expired (the list is verified first; no report)"));

  Json list_checks = Json::array();
  list_checks.push(verify_trust_list("current", "root", 0, kCheckedAt, "OK", "pinned to the root"));
  list_checks.push(verify_trust_list("current", "", 2, kCheckedAt, "OK", "whichever root; last_seen equal"));
  list_checks.push(verify_trust_list("current", "root", 0, kListExpires - 1, "OK", "the last second before expiry"));
  list_checks.push(verify_trust_list("older", "root", 1, kCheckedAt, "OK", "sequence 1, last_seen 1"));

  Json contribution_checks = Json::array();
  contribution_checks.push(describe_contribution(rid, kCheckedAt, "OK", "opened for its record"));
  contribution_checks.push(describe_contribution("", kCheckedAt, "OK", "opened without naming a record"));
  contribution_checks.push(accept_contribution(kCheckedAt, "OK", 1, "accepted into record.file: comp-3 joins"));

  Json doc = Json::object();
  doc.add("file", Json::string("attest.json"));
  doc.add("spec", Json::string("docs/SPEC.md section 13"));
  doc.add("notes",
          Json::string("The agency attests comp-1 of the competences section of the owner's record (identity.json's "
                       "owner), the trust root lists the agency from valid_from to valid_until, and the agency sends "
                       "the owner a contribution (comp-3). Every check MUST give result and, for verify_attestation "
                       "with a report, verdict and finding. The operations are listed in README.md."));
  doc.add("owners", std::move(owners));
  doc.add("roots", std::move(roots));
  doc.add("agency", std::move(agency));
  doc.add("record", std::move(record));
  doc.add("attestation", attestation_vector(at.attestation, at.entry));
  doc.add("trust_lists", std::move(lists));
  doc.add("contribution", contribution_vector(owner, at.contribution, at.contributed_entry));
  doc.add("attestation_checks", std::move(attestation_checks));
  doc.add("trust_list_checks", std::move(list_checks));
  doc.add("contribution_checks", std::move(contribution_checks));
  return doc;
}

}  // namespace kartla::vectors
