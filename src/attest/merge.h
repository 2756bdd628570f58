/* SPDX-License-Identifier: Apache-2.0 */
// The owner's side of attestations and contributions: storing an attestation with the entry it
// vouches for, and accepting a contribution into the record (docs/SPEC.md §13.5). Both change the
// record in memory only; Record::save writes the next signed version.
#pragma once

#include <cstdint>

#include "base/bytes.h"
#include "model/record.h"

namespace kartla::attest {

enum class MergeOutcome {
  added,            // the record changed
  already_present,  // it held this already: nothing changed
};

// Stores an attestation (SignedAttestation bytes, attestation_from_file) in the section it names,
// after checking it against that entry of this record at `now`. An issuer nobody vouches for is
// fine (trust is the reader's decision). Errors: not_found (no such section or entry), and for an
// attestation that does not hold, the code verify_attestation reports (format, signature,
// integrity, expired, ...).
MergeOutcome attach_attestation(model::Record& record, const model::OwnerKeys& owner, ByteView signed_attestation,
                                int64_t now);

// Opens the contribution file for this record (every error of open_contribution, with the
// record's id as the expected one) and merges it: the entry is appended to the section's
// `entries` (the section is created if the record lacks it) and the agency's attestation to its
// `attestations`. Accepting the same contribution again changes nothing. Error(invalid_argument)
// if the section already holds a different entry with the same id; Error(schema), naming the field
// path and rule, if the merged section would break a content rule (model::validate_section, as
// for the owner's own writes). On any error the record is unchanged.
MergeOutcome accept_contribution(model::Record& record, const model::OwnerKeys& owner, ByteView contribution_file,
                                 int64_t now);

// Has this contribution been accepted into `record`: does its section hold the agency's
// attestation from it (what makes accepting again change nothing, §13.5 step 1)? Every error of
// open_contribution, with the record's id as the expected one. Reads only: an inbox marks what
// was accepted without a trial merge.
bool contribution_accepted(const model::Record& record, const model::OwnerKeys& owner, ByteView contribution_file,
                           int64_t now);

}  // namespace kartla::attest
