/* SPDX-License-Identifier: Apache-2.0 */
// The files the CLI reads and writes, all through POSIX file descriptors so that no stdio buffer
// keeps a copy of a passphrase or of section plaintext: whole files and first lines, atomic writes,
// stdout; the CLI's own JSON files; the state folder of this computer; trust lists given with
// --trust, checked against the newest list of their root this computer has seen.
#pragma once

#include <google/protobuf/message.h>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "kartla/v1/results.pb.h"
#include "secrets.h"

namespace kartla::cli {

class Args;

// --- reading and writing -------------------------------------------------------------------

// Identity and card files are small (the library refuses anything over 64 KiB); reading a
// little more than that lets the library report an oversized file with its own error.
inline constexpr size_t kSmallFileReadLimit = 1u << 20;

// A whole file ('-' is stdin). Reads at most max_bytes + 1 bytes, so that a caller handing the
// result to the library gets the library's own size-limit error for an oversized file.
Secret read_input(const std::string& path, size_t max_bytes);
// The first line of a file (passphrase and recovery-code files), without its line ending.
Secret read_first_line(const std::string& path, std::string_view what);

// '-', /dev/stdin or /dev/fd/0: standard input, read by the CLI itself (the library reads only
// regular files by name, and a pipe is not one).
bool names_stdin(const std::string& path);
// How an output is named in a summary: "standard output" for '-', else the path.
std::string output_name(const std::string& path);

bool path_exists(const std::string& path);
// An I/O Failure unless `path` is a file this process can open for reading.
void check_readable(const std::string& path);
// Do both paths name the same existing file?
bool same_file(const std::string& a, const std::string& b);
// True if `path` names a regular file (symlinks followed); false for anything else or nothing.
bool is_regular_file(const std::string& path);
// Best effort: used only to take back a file this process has just created.
void remove_file(const std::string& path) noexcept;
// Does `path` hold a Kartla file (docs/SPEC.md §3.1: it starts with "KARTLA")?
bool is_kartla_file(const std::string& path);
// Before any expensive work, for a file a command is about to write ('-' is stdout: fine unless
// check_new_output is asked and stdout is a terminal, since every such output is a binary Kartla
// file): a usage Failure if `path` is a Kartla file (never overwritten, whatever the options), or
// exists and `force` is false (--force); an I/O Failure if its directory does not exist. The
// writer re-checks, so this is for early, clear messages.
void check_output(const std::string& path, bool force);
// check_output(path, false): for outputs that are never replaced.
void check_new_output(const std::string& path);
// For a file that must stay a file on disk (an identity, a record: saved again in place later): a
// usage Failure if `path` is '-'.
void check_not_stdout(const std::string& path, std::string_view what);

// For a library function that writes only to a path (a bundle's export): `write` is called with
// `out`, or, for '-', with a file in a new private temporary folder whose bytes are then copied to
// standard output (refused on a terminal, as every Kartla file is) and which is then removed.
// Returns the file's size in bytes (0 if a named file cannot be read back).
uint64_t write_through_path(const std::string& out, const std::function<void(const std::string&)>& write);

// Writes `path` only once all of it is on disk: temporary file in the same directory, fsync,
// then an atomic rename (or, without `overwrite`, a link that fails if `path` appeared). A Kartla
// file is never replaced. `mode` is masked by the umask; kPrivateFile for what only its owner
// should read (every output holding plaintext). '-' writes the bytes to stdout as they are.
inline constexpr unsigned kPublicFile = 0666;
inline constexpr unsigned kPrivateFile = 0600;
void write_file_atomically(const std::string& path, std::string_view data, bool overwrite,
                           unsigned mode = kPublicFile);

// Writes text to stdout (fd 1) unbuffered, made safe for a terminal (for_each_terminal_safe_piece);
// an I/O Failure if it cannot (a closed pipe included: SIGPIPE is ignored).
void write_stdout(std::string_view text);
// The same for bytes that are a file (`--out -`): written as they are.
void write_stdout_bytes(std::string_view bytes);
// A JSON document the library printed (a section's content, which may be plaintext), laid out as
// every document the CLI prints (two spaces per level: json_text), with no copy left unwiped.
void write_stdout_json(std::string_view json);

// --- the CLI's own files -------------------------------------------------------------------

// The CLI's own JSON files (a trust-list draft, the trust lists this computer has seen), read
// with protobuf's JSON parser into the messages of cli_files.proto. False if `text` is not JSON of
// the message's shape; members the message does not name are ignored (a newer CLI's file stays
// readable).
bool parse_own_json(std::string_view text, google::protobuf::Message* message);

// The folder of this computer where the CLI keeps what must not travel with a USB stick: the
// versions of records each owner has seen (docs/SPEC.md §8.1) and the newest trust list seen of
// each root. KARTLA_STATE_DIR, else $XDG_STATE_HOME/kartla, else ~/.local/state/kartla, created
// 0700 if missing; empty if there is none (no home folder, or it cannot be made): callers then
// remember nothing beyond what their files hold.
std::string state_folder();

// --- trust lists ---------------------------------------------------------------------------

inline constexpr size_t kTrustListReadLimit = 2u << 20;

struct TrustListInput {
  std::string bytes;  // the file (public data)
  v1::TrustListDescription list;  // kartla_trust_list_verify's description
  bool root_pinned = false;  // checked against --trust-root ROOT.card, not only by its own word
};

// Reads and verifies the trust list at `path` now, against --trust-root ROOT.card (if given) and
// --last-seen-trust N (if given). The library's errors carry their exit codes (4 bad signature or
// another root, 7 older than N, 3 expired).
TrustListInput read_trust_list(const Args& args, const std::string& path);
// The same for the --trust option, if given.
std::optional<TrustListInput> trust_list_option(const Args& args);

}  // namespace kartla::cli
