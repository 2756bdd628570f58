// Receipt files the owner's commands write (`share --receipt`, `revoke --receipt`, `receipt`):
// never over an existing file, and readable by their owner only, like records and bundles: a
// receipt names the agency, the sections and the purpose.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "kartla/kartla.hpp"

namespace kartla::cli {

// The files for `count` receipts asked for as FILE: FILE, then FILE.2, FILE.3, ...
std::vector<std::string> receipt_paths(const std::string& file, size_t count);

// Writes the receipt of `grant_id` from the saved `record` to `path`; returns its size. After a
// save that succeeded a failure here must not hide what was saved: the error then says how to
// write the receipt again (`kartla receipt`), naming `record_path`.
size_t write_receipt(const kartla::record& record, const std::string& grant_id, const std::string& path,
                     const std::string& record_path);

}  // namespace kartla::cli
