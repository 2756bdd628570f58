/* SPDX-License-Identifier: Apache-2.0 */
// Case-conference bundles (docs/SPEC.md §7.7): one file for the agencies that meet about one
// person, each agency holding its own grant in it and reading only the sections that grant
// covers. The file is an ordinary share bundle (§7.2) holding several grants, with the union of
// their sections: nothing in the format changes, so every reader of §7.3 reads it already.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "io/file_system.h"
#include "model/record.h"

namespace kartla::share {

// Writes, atomically, the bundle of the live grants `grant_ids` (ledger ids, 32 hex digits): the
// owner's signed manifest, the ciphertexts of every section at least one of them still covers
// (each once) and those grants only. The record must be saved. Errors: invalid_argument (no
// grant, more than kMaxCaseGrants, one id twice, two grants to one agency, or grants whose
// purposes or expiries differ: a case conference has one purpose and one end), not_found (an id
// the ledger does not know, or a revoked grant), expired (a grant past its expiry at `now`).
void export_case_bundle(const model::Record& record, const std::vector<std::string>& grant_ids, int64_t now,
                        const std::string& out_path, const io::FileSystem& fs = io::real_file_system());

// One meeting seats a handful of agencies; the cap keeps an agency's trial decryption of the
// grants (SPEC §7.3 step 2) small whatever an owner's tool asks for.
inline constexpr size_t kMaxCaseGrants = 16;

}  // namespace kartla::share
