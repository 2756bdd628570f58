/* SPDX-License-Identifier: Apache-2.0 */
// The verification report of docs/SPEC.md §8, written out from a vector's own values so that the
// library checker compares the library's report with the spec's, not with itself.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "format/record_codec.h"

namespace kartla::vectors {

// `entries` are those present in the file; `grants_present` counts its grants; `file_bytes` is
// the file's size.
std::string expected_report(const format::Manifest& manifest, const std::vector<format::SectionEntry>& entries,
                            size_t grants_present, uint64_t file_bytes);

}  // namespace kartla::vectors
