/* SPDX-License-Identifier: Apache-2.0 */
// The documents row of kartla_bench (issue 17): one document of the given size taken out of a
// saved record to a file, by the library's one-pass streamed write (kartla_record_document_to_file)
// and by the two-pass read into a callback that writes the file (kartla_record_document_to_callback),
// against raw libsodium doing the same work (read the file, verify, hash, decrypt, write the
// plaintext to a file atomically), with the peak memory of each.
#pragma once

#include <cstddef>
#include <string>

#include "kartla_side.h"
#include "raw_side.h"

namespace bench {

// Measures, prints its table and the goals (<= 1.3x raw; <= 4 MiB + constant of peak growth).
void run_documents(const KartlaOwner& owner, const RawOwner& raw, const std::string& dir, size_t size, int reps,
                   bool peak);

}  // namespace bench
