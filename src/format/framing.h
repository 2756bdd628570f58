/* SPDX-License-Identifier: Apache-2.0 */
// Every Kartla file starts with 12 bytes: "KARTLA", a file-type letter, the format major version
// (1), then the little-endian u32 length of the protobuf that follows (docs/SPEC.md §3.1).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "base/bytes.h"

namespace kartla::format {

enum class FileType : char {
  record = 'R',
  identity = 'I',
  card = 'C',
  attestation = 'A',
  trust_list = 'T',
  contribution = 'W',  // an agency's write-back
  seen_marks = 'S',    // an owner's record of versions seen, kept on one computer
  receipt = 'X',       // the owner's signed statement that a grant was made or ended
};

inline constexpr size_t kFramePrefixBytes = 12;

std::string frame_prefix(FileType type, size_t payload_size);

// Reads the 12-byte prefix. Throws Error(format) if it is not a Kartla file or not of `expected`
// type (naming what it is instead), Error(version) for another major version, Error(limit) if
// the declared length exceeds max_payload.
uint32_t read_frame_prefix(ByteView prefix, FileType expected, size_t max_payload);

// The type of a Kartla file from its first bytes, or nullopt.
std::optional<FileType> sniff_file_type(ByteView prefix);

// Whole small files (identity, card): prefix, payload, nothing after it.
std::string frame_small_file(FileType type, ByteView payload);
ByteView unframe_small_file(ByteView file, FileType expected, size_t max_payload);

}  // namespace kartla::format
