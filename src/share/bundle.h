// Share bundles (docs/SPEC.md §7.2): the owner's signed manifest and signature as they are, the
// entries and ciphertexts of the granted sections only, and the chosen grants only. Everything
// else appears only as a digest in the manifest, so a bundle's size does not grow with what it
// leaves out, and it verifies on its own.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "format/byte_source.h"
#include "io/file_system.h"
#include "model/record.h"

namespace kartla::share {

// Reads the saved record file `record`, verifies it, and writes the bundle atomically to
// out_path. Error(not_found) if a section or grant is not in the record file.
void write_bundle(const format::ByteSource& record, const std::vector<uint32_t>& section_ids,
                  const std::vector<std::string>& grant_digests, const std::string& out_path,
                  const io::FileSystem& fs = io::real_file_system());

// The bundle of one active grant named in the record's sharing ledger: its sections and that
// grant only. The record must be saved. Error(not_found) if no active grant has that id.
void export_grant_bundle(const model::Record& record, const std::string& grant_id_hex, const std::string& out_path,
                         const io::FileSystem& fs = io::real_file_system());

}  // namespace kartla::share
