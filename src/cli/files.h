// File and stream handling for the CLI, all through POSIX file descriptors so that no stdio
// buffer keeps a copy of a passphrase or of section plaintext.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "secret.h"

namespace kartla::cli {

// A whole file ('-' is stdin). Reads at most max_bytes + 1 bytes, so that a caller handing the
// result to the library gets the library's own size-limit error for an oversized file.
Secret read_input(const std::string& path, size_t max_bytes);
// The first line of a file (passphrase and recovery-code files), without its line ending.
Secret read_first_line(const std::string& path, std::string_view what);

bool path_exists(const std::string& path);
// An I/O Failure unless `path` is a file this process can open for reading.
void check_readable(const std::string& path);
// Do both paths name the same existing file?
bool same_file(const std::string& a, const std::string& b);
// Best effort: used only to take back a file this process has just created.
void remove_file(const std::string& path) noexcept;
// Before any expensive work: a usage Failure if `path` exists, an I/O Failure if its directory
// does not. The library re-checks when it writes, so this is for early, clear messages only.
void check_new_output(const std::string& path);

// Writes `path` only once all of it is on disk: temporary file in the same directory, fsync,
// then an atomic rename (or, without `overwrite`, a link that fails if `path` appeared). `mode`
// is masked by the umask; kPrivateFile for what only its owner should read.
inline constexpr unsigned kPublicFile = 0666;
inline constexpr unsigned kPrivateFile = 0600;
void write_file_atomically(const std::string& path, std::string_view data, bool overwrite,
                           unsigned mode = kPublicFile);

// Writes to stdout (fd 1) unbuffered; an I/O Failure if it cannot.
void write_stdout(std::string_view text);

}  // namespace kartla::cli
