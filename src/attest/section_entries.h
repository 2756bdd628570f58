/* SPDX-License-Identifier: Apache-2.0 */
// Section content as attestations see it, for every section schema alike: the entries that can be
// attested (every message marked `(kartla.v1.record_entry)` that carries a non-empty `id`,
// wherever it sits in the section), their bytes, field 100 `attestations`, and appending an entry
// to the section's `entries` (docs/SPEC.md §13.1).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/bytes.h"
#include "crypto/secret_buffer.h"
#include "model/section_registry.h"

namespace kartla::attest {

// True if the section's schema has field 100 `attestations` (every section that holds entries;
// not the owner-only sharing ledger).
bool section_holds_attestations(const model::SectionInfo& info);
// True if the section's root message has a repeated message field `entries` (contributions append there).
bool section_takes_contributions(const model::SectionInfo& info);

// The ids of the section's attestable entries in document order (a duplicated id appears as often
// as it occurs). Error(schema) if the content does not parse as the section.
std::vector<std::string> entry_ids(const model::SectionInfo& info, ByteView plaintext);

struct EntryBytes {
  std::string id;
  crypto::SecretBuffer bytes;  // as entry_bytes() gives them
};
// Every attestable entry with its bytes, in document order (duplicated ids included).
std::vector<EntryBytes> entries_with_bytes(const model::SectionInfo& info, ByteView plaintext);

// The bytes an attestation hashes for entry `entry_id`: the entry message's protobuf encoding as
// this library serializes it (docs/SPEC.md §13.1). Error(not_found) if no entry has that id;
// Error(schema) if the content does not parse or two entries share the id.
crypto::SecretBuffer entry_bytes(const model::SectionInfo& info, ByteView plaintext, std::string_view entry_id);

// The id inside one element of the section's `entries`, given as protobuf bytes in canonical
// encoding (as entry_bytes and entry_from_json give them), or that element from JSON.
// Error(schema) if it is not such an element, not canonical, has no id, or (JSON) does not match
// the schema; Error(invalid_argument) if the section has no `entries`.
std::string entry_id_of(const model::SectionInfo& info, ByteView entry);
crypto::SecretBuffer entry_from_json(const model::SectionInfo& info, ByteView json);
// True if `entry` is the canonical encoding of one of the section's attestable entry types with
// id `entry_id`.
bool is_entry_with_id(const model::SectionInfo& info, ByteView entry, std::string_view entry_id);

// The SignedAttestation bytes stored in field 100, in order. Error(schema) as above.
std::vector<std::string> stored_attestations(const model::SectionInfo& info, ByteView plaintext);

// New section content: `plaintext` (empty for a section not yet written) with the attestation
// appended to field 100, or the entry appended to `entries`. Error(invalid_argument) if the
// section has no such field.
crypto::SecretBuffer with_attestation(const model::SectionInfo& info, ByteView plaintext, ByteView attestation);
crypto::SecretBuffer with_entry(const model::SectionInfo& info, ByteView plaintext, ByteView entry);

}  // namespace kartla::attest
