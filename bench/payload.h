/* SPDX-License-Identifier: Apache-2.0 */
// The plaintext both sides encrypt: a `documents` section (kartla.v1.Documents) holding one
// DocumentEntry whose inline_content is sized so that the whole encoded section is exactly the
// requested number of bytes. A document is the only section that grows to 64 MiB in real use.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace bench {

inline constexpr const char* kSectionName = "documents";

// Encoded by hand (field numbers of proto/kartla/v1/documents.proto and types.proto, which are
// frozen): linking the generated code next to libkartla.so would register the same descriptors
// twice in libprotobuf's global pool. Throws std::invalid_argument below ~200 bytes.
std::vector<uint8_t> document_section(size_t total_bytes);

}  // namespace bench
