/* SPDX-License-Identifier: Apache-2.0 */
// What kind of Kartla file a file is, by its prefix (docs/SPEC.md §3.1: "KARTLA" and a type
// byte), so that a file of the wrong kind (an identity where a record is expected, a card where
// a bundle is) is a usage error (exit 2) that names both kinds, not a verification failure
// (exit 4) that sends the person looking for tampering that never happened. Only the prefix is
// read: whether the file is sound is still the library's question.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "secrets.h"

namespace kartla::cli {

// The type bytes of §3.1.
enum class FileKind : char {
  record = 'R',  // a record or a share bundle (one container, told apart by its header)
  identity = 'I',
  card = 'C',
  attestation = 'A',
  trust_list = 'T',
  contribution = 'W',
  receipt = 'X',
  versions_seen = 'S',
};

// The kind `bytes` start with; nullopt if they do not start with a Kartla prefix (left to the
// library, which says what is wrong with them).
std::optional<FileKind> kind_of(std::string_view bytes);
// The same for the file at `path`, reading only its first bytes; nullopt also for '-' (standard
// input cannot be read twice), a file that cannot be read (the reader reports that) and a FIFO.
std::optional<FileKind> kind_of_file(const std::string& path);

// "an identity file", "a card": the kind in words, in the run's language.
std::string kind_name(FileKind kind);

// A usage Failure, "PATH is an identity file, not a record or share bundle", if `bytes` (read
// from `path`) are a Kartla file of another kind than `expected`.
void expect_kind(std::string_view bytes, const std::string& path, FileKind expected);
// The same for a file the library opens by its path.
void expect_file_kind(const std::string& path, FileKind expected);

// A usage Failure if section content read from `path` (JSON) is a Kartla file of any kind.
void expect_section_content(std::string_view bytes, const std::string& path);

// Is the file at `path` a share bundle (a record container the library verifies as one)? Asked
// only after the owner's open failed, to turn "not the record" into a usage error.
bool is_share_bundle(const std::string& path);

// read_input(path, max_bytes) and expect_kind: a Kartla file of the kind a command takes.
Secret read_kartla_file(const std::string& path, FileKind expected, size_t max_bytes);

}  // namespace kartla::cli
