// SPDX-License-Identifier: Apache-2.0
// C++17 wrapper over the Kartla C ABI: documents as files. EXPERIMENTAL TIER
// (docs/API-STABILITY.md): define KARTLA_EXPERIMENTAL before including it; it may change in any
// release.
#ifndef KARTLA_EXPERIMENTAL_DOCUMENTS_HPP
#define KARTLA_EXPERIMENTAL_DOCUMENTS_HPP

#ifndef KARTLA_EXPERIMENTAL
#error "kartla/experimental/documents.hpp is the experimental tier: define KARTLA_EXPERIMENTAL to use it (docs/API-STABILITY.md)"
#endif

#include <cstdint>
#include <string>
#include <string_view>

#include "kartla/common.hpp"
#include "kartla/experimental/documents.h"
#include "kartla/record.hpp"
#include "kartla/share.hpp"

namespace kartla {

// What kartla_document_options says; empty text is "not given".
struct document_options {
  std::string title;
  std::string kind;        // "DIPLOMA", ...; empty = "OTHER"
  std::string media_type;  // empty = "application/octet-stream"
  bool health_data = false;
};

namespace detail {
inline const char* text_or_null(const std::string& text) { return text.empty() ? nullptr : text.c_str(); }
}  // namespace detail

namespace detail {
// Refers to `options`' text, which must outlive it.
inline kartla_document_options raw_options(const document_options& options) {
  kartla_document_options raw;
  kartla_document_options_init(&raw);
  raw.title = text_or_null(options.title);
  raw.kind = text_or_null(options.kind);
  raw.media_type = text_or_null(options.media_type);
  raw.health_data = options.health_data ? 1 : 0;
  return raw;
}
}  // namespace detail

// Adds a document's bytes to the record (saved with record::save); returns its id.
inline std::string add_document(record& rec, std::string_view content, const document_options& options = {}) {
  const kartla_document_options raw = detail::raw_options(options);
  buffer id;
  check(kartla_record_add_document(rec.get(), detail::bytes(content), content.size(), &raw, id.out()));
  return id.str();
}
// The same from the regular file at `path`, read once into the new section (no copy in memory).
inline std::string add_document_file(record& rec, const std::string& path, const document_options& options = {}) {
  const kartla_document_options raw = detail::raw_options(options);
  buffer id;
  check(kartla_record_add_document_file(rec.get(), path.c_str(), &raw, id.out()));
  return id.str();
}
// The document's exact bytes, in wiped memory.
inline buffer document(const record& rec, const std::string& id) {
  buffer out;
  check(kartla_record_document(rec.get(), id.c_str(), out.out()));
  return out;
}
// kartla.v1.Documents without content.
inline buffer documents(const record& rec, kartla_encoding encoding = KARTLA_ENCODING_JSON) {
  buffer out;
  check(kartla_record_documents(rec.get(), encoding, out.out()));
  return out;
}
// Streams the document into the file at `path`, whole or not at all (replace: an existing file).
inline void document_to_file(const record& rec, const std::string& id, const std::string& path, bool replace = false) {
  check(kartla_record_document_to_file(rec.get(), id.c_str(), path.c_str(), replace ? 1 : 0));
}
inline void remove_document(record& rec, const std::string& id) {
  check(kartla_record_remove_document(rec.get(), id.c_str()));
}
inline buffer document(const share& shared, const std::string& id, int64_t at = 0) {
  buffer out;
  check(kartla_share_document(shared.get(), id.c_str(), at, out.out()));
  return out;
}
inline void document_to_file(const share& shared, const std::string& id, const std::string& path, bool replace = false,
                             int64_t at = 0) {
  check(kartla_share_document_to_file(shared.get(), id.c_str(), at, path.c_str(), replace ? 1 : 0));
}
inline buffer documents(const share& shared, int64_t at = 0, kartla_encoding encoding = KARTLA_ENCODING_JSON) {
  buffer out;
  check(kartla_share_documents(shared.get(), at, encoding, out.out()));
  return out;
}

}  // namespace kartla

#endif  // KARTLA_EXPERIMENTAL_DOCUMENTS_HPP
