// The verification report of docs/SPEC.md §8, written out from a vector's own values so that the
// library checker compares the library's report with the spec's, not with itself.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "format/record_codec.h"

namespace kartla::vectors {

// `entries` are those present in the file, in file order; `grants_present` counts its grants.
std::string expected_report(const format::Manifest& manifest, const std::vector<format::SectionEntry>& entries,
                            size_t grants_present);

}  // namespace kartla::vectors
