/* SPDX-License-Identifier: Apache-2.0 */
// Documents as files (docs/MODEL.md `documents`, docs/SPEC.md §5.6): a file's exact bytes become
// one DocumentEntry of the documents section, with its size and SHA-256, and come back out as the
// same bytes. Nothing here ever turns the bytes into text (JSON, base64); a listing carries the
// metadata and the size only.
//
// The content lives inline, encrypted with the documents section, so it inherits every guarantee
// of a section: one key per generation, the key commitment, the owner's signature, and the grant
// that decides who reads it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "base/bytes.h"
#include "crypto/secret_buffer.h"
#include "kartla/v1/documents.pb.h"
#include "model/record.h"

namespace kartla::model {

struct DocumentDetails {
  std::string title;
  std::string kind;        // a DocumentEntry.Kind name ("DIPLOMA"); empty = OTHER
  std::string media_type;  // empty = application/octet-stream
  bool health_data = false;
  // Unix seconds: the entry's assertion says the participant added it then (SELF_REPORTED; an
  // agency's word about the document is an attestation, docs/SPEC.md §13).
  int64_t added_at = 0;
};

// Adds `content` as a new entry of the documents section (created if the record has none) and
// returns its id ("doc-" and 16 hex digits). Error(invalid_argument) for an unknown kind;
// Error(schema) if the entry breaks a content rule (docs/MODEL.md); Error(limit) if the section
// would exceed the section size limit. The record is unchanged on any failure.
std::string add_document(Record& record, ByteView content, const DocumentDetails& details);

// Removes the entry `id`. Error(not_found) if the record holds no such document. The documents
// section stays, possibly empty.
void remove_document(Record& record, std::string_view id);

// The exact bytes of document `id`, from the documents section's plaintext, after checking them
// against the entry's size and SHA-256 (Error(integrity) otherwise: nothing is returned).
// Error(not_found) if there is no such entry, or it holds no content (a reference to a copy kept
// outside the record).
crypto::SecretBuffer document_content(ByteView documents_plaintext, std::string_view id);

// The listing (metadata and size_bytes, no content, no attestations) is read as the section
// streams: model/document_listing.h.

}  // namespace kartla::model
