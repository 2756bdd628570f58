// SPDX-License-Identifier: Apache-2.0
#include "model/documents.h"

#include "base/error.h"
#include "crypto/sha256.h"
#include "format/limits.h"
#include "format/strict_parse.h"
#include "kartla/v1/documents.pb.h"
#include "model/document_entry.h"
#include "model/validation/section_check.h"

namespace kartla::model {
namespace {

using v1::DocumentEntry;
using v1::Documents;

const SectionInfo& documents_info() { return documents_section_info(); }

// A parsed documents section holds every document's plaintext in ordinary heap strings; they are
// wiped before the message releases them (docs/SPEC.md §10), whichever way the function leaves.
class WipedDocuments {
 public:
  WipedDocuments() = default;
  WipedDocuments(const WipedDocuments&) = delete;
  WipedDocuments& operator=(const WipedDocuments&) = delete;
  ~WipedDocuments() {
    for (DocumentEntry& entry : *message.mutable_entries())
      if (entry.content_case() == DocumentEntry::kInlineContent)
        crypto::wipe(entry.mutable_inline_content()->data(), entry.inline_content().size());
  }
  Documents message;
};

void parse_documents(ByteView plaintext, Documents& out) {
  if (!format::parse_bounded(plaintext, out)) fail(Code::schema, "content is not a valid documents section");
}

const DocumentEntry& entry_named(const Documents& documents, std::string_view id) {
  for (const DocumentEntry& entry : documents.entries())
    if (entry.id() == id) return entry;
  fail(Code::not_found, "no document with id %s in the documents section", {std::string(id)});
}

// The new section's bytes land in secure memory. The message they came from is spent: its
// contents are wiped and freed at once, before the bytes are validated and sealed, so a large
// document is not held by the message, the bytes, the padded copy and the ciphertext together.
void store(Record& record, Documents& documents) {
  crypto::SecretBuffer bytes(documents.ByteSizeLong(), crypto::SecretBuffer::Uninitialized{});
  if (!documents.SerializeWithCachedSizesToArray(bytes.data()) && bytes.size() != 0)
    fail(Code::internal, "could not encode the documents section");
  for (DocumentEntry& entry : *documents.mutable_entries()) {
    if (entry.content_case() != DocumentEntry::kInlineContent) continue;
    crypto::wipe(entry.mutable_inline_content()->data(), entry.inline_content().size());
    entry.clear_inline_content();
  }
  record.write_section(require_valid_bytes(documents_info(), bytes.view()));
}

}  // namespace

std::string add_document(Record& record, ByteView content, const DocumentDetails& details) {
  // From the length alone, before a byte is read: the section that would hold it is bounded.
  if (content.size > format::kMaxSectionPlaintext)
    fail(Code::limit, "a document of %1$s bytes exceeds the section size limit (%2$s bytes)",
         {std::to_string(content.size), std::to_string(format::kMaxSectionPlaintext)});
  DocumentEntry described = new_document_entry(details, content.size);
  WipedDocuments documents;
  if (record.has_section(documents_info())) parse_documents(record.read_section(documents_info()).view(), documents.message);
  DocumentEntry& entry = *documents.message.add_entries();
  entry.Swap(&described);
  std::string id = entry.id();
  const crypto::Sha256 digest = crypto::sha256(content);
  entry.set_sha256(digest.data(), digest.size());
  entry.set_inline_content(content.data, content.size);
  store(record, documents.message);
  return id;
}

void remove_document(Record& record, std::string_view id) {
  if (!record.has_section(documents_info())) fail(Code::not_found, "the record holds no documents");
  WipedDocuments documents;
  parse_documents(record.read_section(documents_info()).view(), documents.message);
  auto* entries = documents.message.mutable_entries();
  for (int i = 0; i < entries->size(); ++i) {
    if (entries->Get(i).id() != id) continue;
    DocumentEntry& gone = *entries->Mutable(i);
    if (gone.content_case() == DocumentEntry::kInlineContent)
      crypto::wipe(gone.mutable_inline_content()->data(), gone.inline_content().size());
    entries->DeleteSubrange(i, 1);
    store(record, documents.message);
    return;
  }
  fail(Code::not_found, "no document with id %s in the documents section", {std::string(id)});
}

crypto::SecretBuffer document_content(ByteView documents_plaintext, std::string_view id) {
  WipedDocuments documents;
  parse_documents(documents_plaintext, documents.message);
  const DocumentEntry& entry = entry_named(documents.message, id);
  if (entry.content_case() != DocumentEntry::kInlineContent)
    fail(Code::not_found, "document %s has no content in the record (it refers to a copy kept elsewhere)",
         {std::string(id)});
  const std::string& bytes = entry.inline_content();
  // The section was authenticated as a whole; this checks that the entry describes the bytes it
  // carries, so what a reader gets is the file the metadata (and any attestation of it) names.
  const crypto::Sha256 digest = crypto::sha256(bytes);
  if (entry.size_bytes() != bytes.size() ||
      !crypto::equal_constant_time(ByteView(entry.sha256()), ByteView(digest.data(), digest.size())))
    fail(Code::integrity, "document %s does not match its recorded size and SHA-256", {std::string(id)});
  return crypto::SecretBuffer::copy_of(bytes);
}

}  // namespace kartla::model
