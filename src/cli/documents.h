/* SPDX-License-Identifier: Apache-2.0 */
// Documents as files, shared by `kartla document ...` (documents.cpp) and `kartla open
// --document` (views.cpp): a document's bytes leave the CLI only as a file or standard output.
#pragma once

#include <string>

#include "args.h"
#include "files.h"
#include "kartla/kartla.hpp"

namespace kartla::cli {

// --out FILE|- for a document: checked before any passphrase is asked for (an existing FILE
// needs --force; a Kartla file is never replaced).
std::string document_output(const Args& args);
// "Document ID written to FILE (not encrypted).", from the catalogue.
std::string document_written(const std::string& id, const std::string& out);

// The documents section as JSON wherever a command prints a section's JSON (`record get`, `open
// --section documents --json`): the listing `document list --json` prints, each document's
// metadata, size_bytes and sha256, never its bytes (no base64 of a 64 MiB file on a terminal).
// The bytes come out with `document get` or `open --document`.
std::string documents_json(const kartla::record& record);
std::string documents_json(const kartla::share& share, int64_t at);

// For `record set --section documents`: a usage error if the JSON holds an entry with a size but
// neither content nor a reference, as a listing does. Setting a listing back would replace every
// document by its metadata and drop its bytes, which the content rules alone allow (an entry may
// describe a file kept nowhere in the record).
void refuse_documents_listing(std::string_view json, const std::string& from);

// Writes document `id` of `source` (the owner's record or an agency's share) to `out`: a file is
// streamed by the library into a temporary file that becomes `out` only once the whole section
// has authenticated (readable by its owner only); '-' is standard output, from memory.
template <typename Source, typename... At>
void write_document(const std::string& out, const Source& source, const std::string& id, bool force, At... at) {
  if (out == "-") {
    const kartla::buffer bytes = kartla::document(source, id, at...);
    write_stdout_bytes(bytes.view());
    return;
  }
  kartla::document_to_file(source, id, out, force, at...);
  write_stdout(document_written(id, out));
}

}  // namespace kartla::cli
