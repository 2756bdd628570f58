/* SPDX-License-Identifier: Apache-2.0 */
// A file added as a document straight from disk (issue 17): its bytes are read once, into their
// place in the new documents section, which is then sealed where it lies. No protobuf message,
// no std::string and no second buffer ever holds the document, so adding a 64 MiB file costs
// about one documents section of memory, where add_document (documents.h) costs four.
#pragma once

#include <string>

#include "io/file_system.h"
#include "model/documents.h"
#include "model/record.h"

namespace kartla::model {

// As add_document(record, content, details) with the content of the regular file at `path`, and
// the same section, byte for byte, as add_document would make from the same bytes, id and time.
// The size comes from fstat on the open descriptor before anything is allocated. Errors as
// add_document's, and: Error(io) if the file cannot be opened or read; Error(invalid_argument) if
// it is not a regular file (a directory, a FIFO, a device); Error(format, "... changed size while
// it was read") if it grew or shrank while it was read. A file whose bytes change in place while
// it is read (its size unchanged) gets an entry whose SHA-256 is of the bytes as read: the entry
// always describes the content it carries. One refusal add_document does not make: an existing
// section holding a group field (wire types 3 and 4, which no Kartla writer makes) is refused with
// Error(schema), as the documents listing refuses it. The record is unchanged on any failure.
std::string add_document_file(Record& record, const std::string& path, const DocumentDetails& details,
                              const io::FileSystem& fs = io::real_file_system());

}  // namespace kartla::model
