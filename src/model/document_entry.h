/* SPDX-License-Identifier: Apache-2.0 */
// What a new document's entry says about it besides its bytes, made in one place for both ways of
// adding one (documents.cpp from memory, document_file.cpp from a file), so both make the same
// entry, byte for byte.
#pragma once

#include <cstdint>

#include "kartla/v1/documents.pb.h"
#include "model/documents.h"
#include "model/section_registry.h"

namespace kartla::model {

const SectionInfo& documents_section_info();

// A new entry with its id, kind, title, media type, size, health flag and assertion: every field
// but the content and its SHA-256. Error(invalid_argument) for an unknown kind.
v1::DocumentEntry new_document_entry(const DocumentDetails& details, uint64_t size);

}  // namespace kartla::model
