/* SPDX-License-Identifier: Apache-2.0 */
// What a reader says about each entry of a section (docs/SPEC.md §13.6): self-declared, attested
// by a trusted issuer, attested by an issuer nobody vouches for, or carrying an attestation that
// does not hold. Owner and agency readers alike, from the section's content alone.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "attest/attestation.h"
#include "attest/trust_list.h"
#include "base/bytes.h"
#include "model/section_registry.h"

namespace kartla::attest {

enum class Provenance {
  self_declared,  // no attestation names this entry
  trusted,        // at least one attestation holds and its issuer is trusted
  untrusted,      // at least one holds, none by a trusted issuer
  invalid,        // every attestation naming it fails (see its checks)
};

// "self_declared", "trusted", "untrusted", "invalid".
const char* provenance_name(Provenance provenance);

struct EntryProvenance {
  std::string entry_id;
  Provenance provenance = Provenance::self_declared;
  std::vector<AttestationCheck> checks;  // one per attestation naming this entry, in stored order
};

struct SectionProvenance {
  std::vector<EntryProvenance> entries;    // every entry with an id, in document order
  std::vector<AttestationCheck> unmatched; // attestations that name no entry here, or do not decode
};

// Error(schema) if the content does not parse as the section; nothing an attestation holds
// raises an error.
SectionProvenance section_provenance(const model::SectionInfo& info, ByteView plaintext, const RecordRef& record,
                                     int64_t now, const VerifiedTrustList* trust);

}  // namespace kartla::attest
