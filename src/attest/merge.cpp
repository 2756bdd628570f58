// SPDX-License-Identifier: Apache-2.0
#include "attest/merge.h"

#include <algorithm>

#include "attest/attestation.h"
#include "attest/content_rules.h"
#include "attest/contribution.h"
#include "attest/section_entries.h"
#include "base/error.h"
#include "crypto/secret_buffer.h"
#include "format/attestation_codec.h"

namespace kartla::attest {
namespace {

bool holds(const std::vector<std::string>& attestations, ByteView attestation) {
  return std::find(attestations.begin(), attestations.end(), attestation.as_string_view()) != attestations.end();
}

RecordRef record_ref(const model::Record& record, const model::OwnerKeys& owner) {
  return RecordRef{owner.signing.public_key, owner.box.public_key, record.record_id()};
}

}  // namespace

MergeOutcome attach_attestation(model::Record& record, const model::OwnerKeys& owner, ByteView signed_attestation,
                                int64_t now) {
  // Decoded once here only to learn which entry it names; verify_attestation decides.
  const format::SignedAttestation decoded = format::decode_signed_attestation(signed_attestation);
  const format::Attestation& a = decoded.attestation;
  const model::SectionInfo* section = model::section_by_id(a.section_id);
  if (section == nullptr || !record.has_section(*section))
    fail(Code::not_found, "the record has no section %s for this attestation", {std::to_string(a.section_id)});
  const crypto::SecretBuffer plaintext = record.read_section(*section);
  const crypto::SecretBuffer entry = entry_bytes(*section, plaintext.view(), a.entry_id);

  const AttestationCheck check = verify_attestation(signed_attestation, EntryRef{record_ref(record, owner), section->id, a.entry_id},
                                                    entry.view(), now, nullptr);
  if (check.verdict == Verdict::invalid) fail(check.code, *check.failure);
  if (holds(stored_attestations(*section, plaintext.view()), signed_attestation)) return MergeOutcome::already_present;
  record.write_section(*section, with_attestation(*section, plaintext.view(), signed_attestation).view());
  return MergeOutcome::added;
}

MergeOutcome accept_contribution(model::Record& record, const model::OwnerKeys& owner, ByteView contribution_file,
                                 int64_t now) {
  const VerifiedContribution c = open_contribution(owner, contribution_file, now, record.record_id());
  const model::SectionInfo& section = *c.section;
  crypto::SecretBuffer plaintext;
  if (record.has_section(section)) plaintext = record.read_section(section);

  // Idempotence: the agency's attestation is unique to this contribution's entry, so finding it
  // means this contribution was accepted before (even if the owner has since edited the entry).
  if (holds(stored_attestations(section, plaintext.view()), c.attestation)) return MergeOutcome::already_present;

  crypto::SecretBuffer content;
  try {
    const crypto::SecretBuffer existing = entry_bytes(section, plaintext.view(), c.entry_id);
    if (!crypto::equal_constant_time(existing.view(), c.entry.view()))
      fail(Code::invalid_argument, "section '%1$s' already holds a different entry '%2$s'; the contribution was not "
           "merged", {std::string(section.name), c.entry_id});
    content = with_attestation(section, plaintext.view(), c.attestation);  // the same entry, now attested
  } catch (const Error& e) {
    if (e.code() != Code::not_found) throw;
    content = with_attestation(section, with_entry(section, plaintext.view(), c.entry.view()).view(), c.attestation);
  }
  // The whole section as it would be written, not just the entry: the rules that relate entries
  // (a pinned instrument, a parallel intervention, one highest education) are only decidable here,
  // and the owner's next `record set` of this section must not be refused for the agency's entry.
  require_valid_content(
      section, content.view(),
      "the contribution was not merged: section '" + std::string(section.name) + "' would break a rule");
  record.write_section(section, content.view());
  return MergeOutcome::added;
}

bool contribution_accepted(const model::Record& record, const model::OwnerKeys& owner, ByteView contribution_file,
                           int64_t now) {
  const VerifiedContribution c = open_contribution(owner, contribution_file, now, record.record_id());
  if (!record.has_section(*c.section)) return false;
  const crypto::SecretBuffer plaintext = record.read_section(*c.section);
  return holds(stored_attestations(*c.section, plaintext.view()), c.attestation);
}

}  // namespace kartla::attest
