// SPDX-License-Identifier: Apache-2.0
#include "model/document_entry.h"

#include <string>

#include "base/error.h"
#include "crypto/encoding.h"
#include "crypto/random.h"

namespace kartla::model {
namespace {

using v1::DocumentEntry;

constexpr const char* kDefaultMediaType = "application/octet-stream";

DocumentEntry::Kind kind_named(const std::string& name) {
  if (name.empty()) return DocumentEntry::OTHER;
  DocumentEntry::Kind kind = DocumentEntry::KIND_UNSPECIFIED;
  if (!DocumentEntry::Kind_Parse(name, &kind) || kind == DocumentEntry::KIND_UNSPECIFIED)
    fail(Code::invalid_argument, "kind %s is not a document kind (DIPLOMA, GRADE, OTHER, ...)", {name});
  return kind;
}

// Ids are random, so two documents added on two copies of one record never collide, and an id
// says nothing of the file (docs/MODEL.md: entry-id-shape allows letters, digits and '-').
std::string new_document_id() { return "doc-" + crypto::to_hex(crypto::random_public_bytes(8)); }

}  // namespace

const SectionInfo& documents_section_info() { return section_by_name("documents"); }

DocumentEntry new_document_entry(const DocumentDetails& details, uint64_t size) {
  const DocumentEntry::Kind kind = kind_named(details.kind);
  DocumentEntry entry;
  entry.set_id(new_document_id());
  entry.set_kind(kind);
  entry.set_title(details.title);
  entry.set_media_type(details.media_type.empty() ? std::string(kDefaultMediaType) : details.media_type);
  entry.set_size_bytes(size);
  entry.set_health_data(details.health_data);
  v1::Assertion& assertion = *entry.mutable_assertion();
  assertion.set_source(v1::Assertion::SELF_REPORTED);
  assertion.mutable_asserted_at()->set_seconds(details.added_at);
  return entry;
}

}  // namespace kartla::model
