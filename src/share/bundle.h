/* SPDX-License-Identifier: Apache-2.0 */
// Share bundles (docs/SPEC.md §7.2): the owner's signed manifest and signature as they are, the
// entries and ciphertexts of the granted sections only, and the chosen grants only. Everything
// else appears only as a slot tag and digest in the manifest, so a bundle's size does not grow
// with what it leaves out, and it verifies on its own.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "format/byte_source.h"
#include "io/file_system.h"
#include "kartla/v1/sharing_ledger.pb.h"
#include "model/record.h"

namespace kartla::share {

// Reads the saved record file `record`, verifies it, and writes the bundle of the entries under
// `slot_tags` and the grants with `grant_digests` atomically to out_path. Error(not_found) if a
// section or grant is not in the record file.
// `bodies` says whether the bodies are hashed again as they are copied: `hashed_when_written`
// only when `record` is the file this process has just saved (model::Record::
// saved_file_hashed_when_written), whose every body was hashed on its way in. The agency's reader
// checks every body against the signed manifest either way.
enum class Bodies { rehash, hashed_when_written };
void write_bundle(const format::ByteSource& record, const std::vector<std::string>& slot_tags,
                  const std::vector<std::string>& grant_digests, const std::string& out_path,
                  const io::FileSystem& fs = io::real_file_system(), Bodies bodies = Bodies::rehash);
// The Bodies to ask for when exporting from `record.saved_file()`.
Bodies bodies_of(const model::Record& record);

// Error(not_found) if the grant was revoked, Error(expired) if it ended at expiry or is past its
// expiry at `now`: an ended grant is never exported (SPEC §7.2).
void require_exportable(const v1::ShareGrantRecord& entry, int64_t now);

// The bundle of one live grant named in the record's sharing ledger: the sections it still
// covers (SPEC §7.4: at the generation it carries) and that grant only. The record must be
// saved. Error(not_found) if no grant has that id, or it was revoked; Error(expired) if it is
// past its expiry at `now` (an ended grant is never exported).
void export_grant_bundle(const model::Record& record, const std::string& grant_id_hex, int64_t now,
                         const std::string& out_path, const io::FileSystem& fs = io::real_file_system());

}  // namespace kartla::share
