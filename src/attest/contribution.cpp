// SPDX-License-Identifier: Apache-2.0
#include "attest/contribution.h"

#include "attest/attestation.h"
#include "attest/content_rules.h"
#include "attest/section_entries.h"
#include "base/error.h"
#include "crypto/random.h"
#include "format/contribution_codec.h"
#include "format/fingerprint.h"

namespace kartla::attest {
namespace {

const model::SectionInfo& contributable_section(uint32_t section_id, Code unknown) {
  const model::SectionInfo* section = model::section_by_id(section_id);
  if (section == nullptr) fail(unknown, "section id %s is not one this library knows", {std::to_string(section_id)});
  if (!section_takes_contributions(*section))
    fail(Code::invalid_argument, "section '%s' takes no contributed entries", {std::string(section->name)});
  return *section;
}

}  // namespace

std::string create_contribution(const identity::Identity& agency, const ContributionRequest& request, ByteView entry) {
  if (agency.card().card.kind != format::CardKind::agency)
    fail(Code::invalid_argument, "only an agency identity makes contributions");
  const RecordRef record = record_of_owner_card(request.owner_card_file, request.record_id);
  const model::SectionInfo& section = contributable_section(request.section_id, Code::invalid_argument);
  const std::string entry_id = entry_id_of(section, entry);
  // The owner's writes are validated; so is what an agency writes for them, before it is signed
  // (the owner's accept checks it again, against the whole section: merge.cpp).
  require_valid_entry(section, entry);

  format::Claim claim;
  claim.kind = format::ClaimKind::contributed;
  const std::string attestation = attestation_from_file(issue_attestation(
      agency, EntryRef{record, section.id, entry_id}, entry, request.claim ? *request.claim : claim, request.now));

  format::Contribution c;
  c.contribution_id = crypto::random_public_bytes(format::kContributionIdBytes);
  c.sender_card = format::encode_signed_card(agency.card());
  c.recipient_signing_key = record.owner_signing_key;
  c.recipient_encryption_key = record.owner_encryption_key;
  c.record_id = record.record_id;
  c.section_id = section.id;
  c.attestation = attestation;
  c.created_at = request.now;
  std::string bytes = format::encode_contribution(c, entry);
  std::string file = format::sign_and_seal_contribution_file(bytes, agency.signing_keys(), record.owner_encryption_key);
  crypto::wipe(bytes.data(), bytes.size());
  return file;
}

VerifiedContribution open_contribution(const model::OwnerKeys& owner, ByteView file, int64_t now,
                                       const std::optional<std::string>& expected_record_id) {
  format::OpenedContribution opened = format::open_contribution_file(owner.box, file);
  const format::Contribution& c = opened.contribution;
  if (c.recipient_signing_key != owner.signing.public_key)
    fail(Code::signature, "the contribution is signed for another person");
  if (expected_record_id && c.record_id != *expected_record_id)
    fail(Code::signature, "the contribution is for another record");
  const model::SectionInfo& section = contributable_section(c.section_id, Code::schema);
  const std::string entry_id = entry_id_of(section, opened.entry.view());

  const EntryRef subject{RecordRef{owner.signing.public_key, owner.box.public_key, c.record_id}, section.id, entry_id};
  AttestationCheck check = verify_attestation(c.attestation, subject, opened.entry.view(), now, nullptr);
  if (check.verdict == Verdict::invalid)
    fail(check.code, "the contribution's attestation does not hold: %s", {check.message});
  // The attestation kept with the entry must be the sender's own, or the owner would store one
  // agency's words under another's name.
  if (check.attestation->attestation.issuer_card != c.sender_card)
    fail(Code::signature, "the contribution's attestation is by someone other than its sender");

  VerifiedContribution out;
  out.contribution_id = c.contribution_id;
  out.sender = opened.sender.card;
  out.sender_fingerprint = format::fingerprint(out.sender.signing_key, out.sender.encryption_key);
  out.record_id = c.record_id;
  out.section = &section;
  out.entry_id = entry_id;
  out.entry = std::move(opened.entry);
  out.attestation = c.attestation;
  out.claim = check.attestation->attestation.claim;
  out.created_at = c.created_at;
  return out;
}

}  // namespace kartla::attest
