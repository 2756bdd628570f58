// SPDX-License-Identifier: Apache-2.0
#include "attest/provenance.h"

#include <map>

#include "attest/section_entries.h"
#include "base/error.h"
#include "format/attestation_codec.h"

namespace kartla::attest {
namespace {

struct Stored {
  std::string bytes;
  std::string entry_id;  // empty if it does not decode
};

AttestationCheck made_invalid(AttestationCheck check, Finding finding, Code code, std::string message) {
  check.verdict = Verdict::invalid;
  check.finding = finding;
  check.code = code;
  check.message = std::move(message);
  return check;
}

Provenance combined(const std::vector<AttestationCheck>& checks) {
  if (checks.empty()) return Provenance::self_declared;
  Provenance best = Provenance::invalid;
  for (const auto& c : checks) {
    if (c.verdict == Verdict::trusted) return Provenance::trusted;
    if (c.verdict == Verdict::untrusted) best = Provenance::untrusted;
  }
  return best;
}

}  // namespace

const char* provenance_name(Provenance provenance) {
  switch (provenance) {
    case Provenance::self_declared: return "self_declared";
    case Provenance::trusted: return "trusted";
    case Provenance::untrusted: return "untrusted";
    case Provenance::invalid: return "invalid";
  }
  return "unknown";
}

SectionProvenance section_provenance(const model::SectionInfo& info, ByteView plaintext, const RecordRef& record,
                                     int64_t now, const VerifiedTrustList* trust) {
  const std::vector<EntryBytes> entries = entries_with_bytes(info, plaintext);
  std::map<std::string, size_t> occurrences;
  for (const auto& e : entries) ++occurrences[e.id];

  std::vector<Stored> stored;
  for (auto& bytes : stored_attestations(info, plaintext)) {
    std::string entry_id;
    try {
      entry_id = format::decode_signed_attestation(bytes).attestation.entry_id;
    } catch (const Error&) {
      // verify_attestation below reports why.
    }
    stored.push_back({std::move(bytes), std::move(entry_id)});
  }

  SectionProvenance out;
  for (const auto& e : entries) {
    EntryProvenance p;
    p.entry_id = e.id;
    const EntryRef subject{record, info.id, e.id};
    for (const auto& s : stored) {
      if (s.entry_id.empty() || s.entry_id != e.id) continue;
      AttestationCheck check = verify_attestation(s.bytes, subject, e.bytes.view(), now, trust);
      if (occurrences[e.id] > 1 && check.verdict != Verdict::invalid)
        check = made_invalid(std::move(check), Finding::duplicate_entry_id, Code::schema,
                             "two entries have the id '" + e.id + "': the attestation cannot say which one it vouches for");
      p.checks.push_back(std::move(check));
    }
    p.provenance = combined(p.checks);
    out.entries.push_back(std::move(p));
  }
  for (const auto& s : stored) {
    if (!s.entry_id.empty() && occurrences.count(s.entry_id) != 0) continue;
    AttestationCheck check = verify_attestation(s.bytes, EntryRef{record, info.id, s.entry_id}, ByteView(), now, trust);
    // Bound to this record and section but naming an entry it does not hold (removed, or renamed).
    if (check.verdict != Verdict::invalid || check.finding == Finding::content_changed)
      check = made_invalid(std::move(check), Finding::entry_not_found, Code::not_found,
                           "the attestation names entry '" + s.entry_id + "', which this section does not hold");
    out.unmatched.push_back(std::move(check));
  }
  return out;
}

}  // namespace kartla::attest
