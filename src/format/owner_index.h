/* SPDX-License-Identifier: Apache-2.0 */
// The owner's sealed index (docs/SPEC.md §6.2): which section each slot holds, at which key
// generation, and the record's generation counter. It is the only place a section id or a
// generation is written in a record, and only the record master key opens it.
#pragma once

#include <cstdint>
#include <string>

#include "crypto/secret_buffer.h"
#include "format/record_codec.h"

namespace kartla::format {

// key = KDF(RMK, "kartlaIX", 0); AD = "kartla/v1/owner-index" 0x00 || u32le(1) || record_id ||
// u64le(sequence): an index sealed for one version does not open as another's.
std::string seal_owner_index(const crypto::SecretBuffer& record_master_key, const std::string& record_id,
                             uint64_t sequence, const OwnerIndex& index);

// Error(integrity) if it does not open; Error(format) for bad padding or a malformed index.
OwnerIndex open_owner_index(const crypto::SecretBuffer& record_master_key, const std::string& record_id,
                            uint64_t sequence, const std::string& sealed_index);

}  // namespace kartla::format
