// SPDX-License-Identifier: Apache-2.0
// The files the CLI reads and writes (files.h): POSIX I/O with every error a Failure naming the
// file, the atomic write, the CLI's own JSON files, the state folder and what it remembers of
// trust lists, and reading a trust list given with --trust.
#include "files.h"

#include <errno.h>
#include <fcntl.h>
#include <google/protobuf/descriptor.h>
#include <google/protobuf/struct.pb.h>
#include <google/protobuf/stubs/logging.h>
#include <google/protobuf/util/json_util.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>

#include "args.h"
#include "cli_files.pb.h"
#include "file_kinds.h"
#include "info_text.h"
#include "json_times.h"
#include "kartla/kartla.hpp"
#include "messages.h"
#include "output.h"

namespace kartla::cli {

// Defined with check_output below; used by write_file_atomically too.
[[noreturn]] void refuse_kartla_file(const std::string& path);
void check_output_path(const std::string& path, bool force, bool force_offered);

namespace {

std::string describe_errno(int err) { return std::strerror(err); }

[[noreturn]] void io_failure(const std::string& what, const std::string& path, int err) {
  // The library's wording ("could not open X: ..."), so that one missing file reads the same
  // whichever side found it.
  const char* pattern = what == "open"   ? T("could not open %1$s: %2$s")
                        : what == "read" ? T("could not read %1$s: %2$s")
                                         : T("could not write %1$s: %2$s");
  io_error(fill(pattern, {path, describe_errno(err)}));
}

class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }
  int release() { int fd = fd_; fd_ = -1; return fd; }

 private:
  int fd_;
};

int open_for_reading(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) io_failure("open", path, errno);
  struct stat st {};
  if (::fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
    ::close(fd);
    usage_error(fill(T("%s is a directory, not a file"), {path}));  // the library's class for it, too
  }
  return fd;
}

// One read(2), retried on EINTR; 0 at end of file.
size_t read_some(int fd, char* buf, size_t len, const std::string& path) {
  for (;;) {
    const ssize_t n = ::read(fd, buf, len);
    if (n >= 0) return static_cast<size_t>(n);
    if (errno != EINTR) io_failure("read", path, errno);
  }
}

void write_all(int fd, std::string_view data, const std::string& what) {
  while (!data.empty()) {
    const ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      io_failure("write", what, errno);
    }
    data.remove_prefix(static_cast<size_t>(n));
  }
}

std::string directory_of(const std::string& path) {
  const size_t slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

// The same for a file that is the JSON of the message's only member (an array or an object).
bool parse_own_json_member(std::string_view text, google::protobuf::Message* message) {
  const google::protobuf::Descriptor* type = message->GetDescriptor();
  if (type->field_count() != 1) return false;
  // Read as JSON values, held as the message's one member, and read again as the message.
  google::protobuf::Struct document;
  if (!parse_own_json(text, (*document.mutable_fields())[type->field(0)->name()].mutable_struct_value()) &&
      !parse_own_json(text, (*document.mutable_fields())[type->field(0)->name()].mutable_list_value()))
    return false;
  google::protobuf::util::JsonPrintOptions options;
  options.preserve_proto_field_names = true;
  std::string json;
  if (!google::protobuf::util::MessageToJsonString(document, &json, options).ok()) return false;
  return parse_own_json(json, message);
}

std::string env(const char* name) {
  const char* value = std::getenv(name);
  return value != nullptr ? std::string(value) : std::string();
}

// mkdir -p with mode 0700 for the folders it creates; false if it cannot.
bool make_private_folder(const std::string& path) {
  for (size_t slash = path.find('/', 1);; slash = path.find('/', slash + 1)) {
    const std::string part = path.substr(0, slash);
    if (::mkdir(part.c_str(), 0700) != 0 && errno != EEXIST) return false;
    if (slash == std::string::npos) return true;
  }
}

std::string trust_file() {
  const std::string folder = state_folder();
  return folder.empty() ? std::string() : folder + "/trust-lists.json";
}

// {"<root fingerprint>": sequence, ...}; a missing or unreadable file remembers nothing (it is a
// convenience of this computer, not a signed statement).
TrustMarksFile read_trust_marks(const std::string& path) {
  TrustMarksFile marks;
  std::ifstream in(path);
  if (!in) return marks;
  std::stringstream text;
  text << in.rdbuf();
  // The file is the map itself; the message holds it as its one member.
  if (!parse_own_json_member(text.str(), &marks)) marks.Clear();
  return marks;
}

// The highest sequence of a trust list signed by the root with this fingerprint that this
// computer has verified (0: none), and remembering a newer one. A trust list older than the one
// remembered is refused as a rollback, so nobody has to carry --last-seen-trust by hand.
uint64_t remembered_trust_sequence(const std::string& root_fingerprint) {
  const std::string path = trust_file();
  if (path.empty()) return 0;
  const TrustMarksFile marks = read_trust_marks(path);
  const auto it = marks.sequences().find(root_fingerprint);
  return it == marks.sequences().end() ? 0 : it->second;
}

void remember_trust_sequence(const std::string& root_fingerprint, uint64_t sequence) {
  const std::string path = trust_file();
  if (path.empty() || sequence <= remembered_trust_sequence(root_fingerprint)) return;
  TrustMarksFile marks = read_trust_marks(path);
  (*marks.mutable_sequences())[root_fingerprint] = sequence;
  // In fingerprint order (json_text prints map entries in key order), so the file does not
  // change when nothing did.
  const std::string out = json_member_text(marks);
  try {
    write_file_atomically(path, out, true, kPrivateFile);
  } catch (...) {
    // Remembering is a convenience: the verification itself has succeeded.
  }
}

}  // namespace

Secret read_input(const std::string& path, size_t max_bytes) {
  const bool is_stdin = path == "-";
  Fd fd(is_stdin ? ::dup(0) : open_for_reading(path));
  const std::string name = is_stdin ? std::string(T("standard input")) : path;
  if (fd.get() < 0) io_failure("read", name, errno);
  Secret out;
  struct stat st {};
  // A regular file (a 64 MiB document) is read into one buffer of its size (+1, to see the end).
  if (::fstat(fd.get(), &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0)
    out.reserve(std::min(static_cast<size_t>(st.st_size), max_bytes) + 1);
  char chunk[16384];
  while (out.size() <= max_bytes) {
    const size_t want = std::min(sizeof chunk, max_bytes + 1 - out.size());
    const size_t n = read_some(fd.get(), chunk, want, name);
    if (n == 0) break;
    out.append(std::string_view(chunk, n));
  }
  wipe(chunk, sizeof chunk);
  return out;
}

Secret read_first_line(const std::string& path, std::string_view what) {
  // Passphrases and recovery codes are short; a longer "line" is the wrong file.
  constexpr size_t kMaxLine = 4096;
  Fd fd(path == "-" ? ::dup(0) : open_for_reading(path));
  if (fd.get() < 0) io_failure("read", path, errno);
  Secret line;
  char c = 0;
  while (read_some(fd.get(), &c, 1, path) == 1 && c != '\n') {
    if (line.size() == kMaxLine) usage_error(fill(T("%1$s: the first line is too long to be a %2$s"), {path, what}));
    line.push_back(c);
  }
  c = 0;
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

bool names_stdin(const std::string& path) { return path == "-" || path == "/dev/stdin" || path == "/dev/fd/0"; }

std::string output_name(const std::string& path) { return path == "-" ? std::string(T("standard output")) : path; }

bool path_exists(const std::string& path) {
  struct stat st {};
  return ::lstat(path.c_str(), &st) == 0;
}

void check_readable(const std::string& path) { Fd fd(open_for_reading(path)); }

bool same_file(const std::string& a, const std::string& b) {
  struct stat sa {};
  struct stat sb {};
  return ::stat(a.c_str(), &sa) == 0 && ::stat(b.c_str(), &sb) == 0 && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

bool is_regular_file(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

void remove_file(const std::string& path) noexcept { ::unlink(path.c_str()); }

[[noreturn]] void refuse_kartla_file(const std::string& path) {
  usage_error(fill(T("%s is a Kartla file (an identity, a card, a record, ...); kartla never overwrites one"), {path}));
}

bool is_kartla_file(const std::string& path) {
  // O_NONBLOCK: a FIFO planted at the path must not hang the check.
  Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK));
  if (fd.get() < 0) return false;
  struct stat st {};
  if (::fstat(fd.get(), &st) != 0 || !S_ISREG(st.st_mode)) return false;
  char magic[6] = {};
  size_t got = 0;
  while (got < sizeof magic) {
    const ssize_t n = ::read(fd.get(), magic + got, sizeof magic - got);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    got += static_cast<size_t>(n);
  }
  return got == sizeof magic && std::string_view(magic, sizeof magic) == "KARTLA";
}

void check_output_path(const std::string& path, bool force, bool force_offered) {
  if (path == "-") {
    // check_new_output's outputs are Kartla files, binary: refused on a terminal now, before any
    // passphrase is asked for (write_file_atomically checks again from the bytes).
    if (!force_offered) refuse_binary_to_terminal();
    return;
  }
  if (path_exists(path)) {
    // An identity file is the only copy of its keys, and a record, bundle or attestation may be
    // too: one mistyped path (`--svg owner.id`) must not destroy it, --force or not.
    if (is_kartla_file(path)) refuse_kartla_file(path);
    if (!force)
      usage_error(fill(force_offered ? T("%s already exists; refusing to overwrite it (--force replaces it)")
                                     : T("%s already exists; refusing to overwrite it"),
                       {path}));
  }
  const std::string dir = directory_of(path);
  struct stat st {};
  if (::stat(dir.c_str(), &st) != 0) io_failure("write", path, errno);
  if (!S_ISDIR(st.st_mode)) io_failure("write", path, ENOTDIR);
}

void check_output(const std::string& path, bool force) { check_output_path(path, force, true); }

void check_new_output(const std::string& path) { check_output_path(path, false, false); }

void check_not_stdout(const std::string& path, std::string_view what) {
  if (path == "-")
    usage_error(fill(T("%s is saved in place and read again later: --out needs a file name, not -"), {what}));
}

uint64_t write_through_path(const std::string& out, const std::function<void(const std::string&)>& write) {
  if (out != "-") {
    write(out);
    struct stat st {};
    return ::stat(out.c_str(), &st) == 0 ? static_cast<uint64_t>(st.st_size) : 0;
  }
  refuse_binary_to_terminal();
  const char* tmpdir = std::getenv("TMPDIR");
  std::string folder = std::string(tmpdir != nullptr && *tmpdir != '\0' ? tmpdir : "/tmp") + "/kartla-out-XXXXXX";
  if (::mkdtemp(folder.data()) == nullptr) io_failure("write", folder, errno);  // made 0700
  const std::string file = folder + "/out.kartla";
  uint64_t copied = 0;
  try {
    write(file);
    // Copied in pieces: a bundle is ciphertext (nothing to wipe) and may be large.
    Fd in(open_for_reading(file));
    char chunk[65536];
    for (size_t n; (n = read_some(in.get(), chunk, sizeof chunk, file)) != 0; copied += n)
      write_all(1, std::string_view(chunk, n), T("standard output"));
  } catch (...) {
    remove_file(file);
    ::rmdir(folder.c_str());
    throw;
  }
  remove_file(file);
  ::rmdir(folder.c_str());
  return copied;
}

void write_file_atomically(const std::string& path, std::string_view data, bool overwrite, unsigned mode) {
  if (path == "-") {
    if (data.substr(0, 6) == "KARTLA") refuse_binary_to_terminal();
    write_stdout_bytes(data);
    return;
  }
  // Checked again here, right before the rename, for every file the CLI writes (its own files
  // included): the check a command made before its slow work may be minutes old.
  if (overwrite && is_kartla_file(path)) refuse_kartla_file(path);
  const std::string dir = directory_of(path);
  std::string temp = dir + "/.kartla-tmp-XXXXXX";
  Fd fd(::mkstemp(temp.data()));
  if (fd.get() < 0) io_failure("write", path, errno);
  try {
    // mkstemp makes the file 0600; give it the mode asked for, under the umask.
    const mode_t mask = ::umask(0);
    ::umask(mask);
    if (::fchmod(fd.get(), static_cast<mode_t>(mode) & ~mask) != 0) io_failure("write", path, errno);
    write_all(fd.get(), data, path);
    if (::fsync(fd.get()) != 0) io_failure("write", path, errno);
    if (::close(fd.release()) != 0) io_failure("write", path, errno);
    if (overwrite) {
      if (::rename(temp.c_str(), path.c_str()) != 0) io_failure("write", path, errno);
    } else {
      if (::link(temp.c_str(), path.c_str()) != 0) {
        if (errno == EEXIST) usage_error(fill(T("%s already exists; refusing to overwrite it"), {path}));
        io_failure("write", path, errno);
      }
      ::unlink(temp.c_str());
    }
  } catch (...) {
    ::unlink(temp.c_str());
    throw;
  }
  // The rename is durable only once the directory entry is.
  Fd dirfd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (dirfd.get() < 0 || ::fsync(dirfd.get()) != 0) io_failure("write", path, errno);
}

void write_stdout(std::string_view text) {
  for_each_terminal_safe_piece(text, [](std::string_view piece) { write_all(1, piece, T("standard output")); });
}

void write_stdout_bytes(std::string_view bytes) { write_all(1, bytes, T("standard output")); }

void write_stdout_json(std::string_view json) {
  const Secret laid_out = laid_out_json(json);
  write_stdout(laid_out.view());
}

bool parse_own_json(std::string_view text, google::protobuf::Message* message) {
  // Times as the CLI prints them (RFC 3339), or as numbers from a file an older CLI wrote.
  return parse_json_with_rfc3339_times(text, message);
}

std::string state_folder() {
  std::string folder;
  if (std::string dir = env("KARTLA_STATE_DIR"); !dir.empty())
    folder = dir;
  else if (std::string xdg = env("XDG_STATE_HOME"); !xdg.empty())
    folder = xdg + "/kartla";
  else if (std::string home = env("HOME"); !home.empty())
    folder = home + "/.local/state/kartla";
  return !folder.empty() && make_private_folder(folder) ? folder : std::string();
}

TrustListInput read_trust_list(const Args& args, const std::string& path) {
  TrustListInput out;
  out.bytes = std::string(read_kartla_file(path, FileKind::trust_list, kTrustListReadLimit).view());
  std::string root;
  if (const auto root_path = args.value("--trust-root")) root = std::string(read_kartla_file(*root_path, FileKind::card, kSmallFileReadLimit).view());
  uint64_t last_seen = 0;
  if (const auto n = args.value("--last-seen-trust")) last_seen = parse_unsigned(*n, "--last-seen-trust", UINT64_MAX);
  // The newest list of this root that this computer has verified counts as seen too, so an older
  // list put in its place is refused without anyone carrying a number (docs/SPEC.md §13.3).
  const auto described = parse_result<v1::TrustListDescription>(
      kartla::trust_list_verify(out.bytes, root, 0, 0, KARTLA_ENCODING_PROTOBUF));
  const std::string& fingerprint = described.root().fingerprint();
  if (!fingerprint.empty()) last_seen = std::max(last_seen, remembered_trust_sequence(fingerprint));
  out.list = parse_result<v1::TrustListDescription>(
      kartla::trust_list_verify(out.bytes, root, last_seen, 0, KARTLA_ENCODING_PROTOBUF));
  if (!fingerprint.empty()) remember_trust_sequence(fingerprint, described.sequence());
  out.root_pinned = !root.empty();
  return out;
}

std::optional<TrustListInput> trust_list_option(const Args& args) {
  const auto path = args.value("--trust");
  if (!path) {
    if (args.value("--trust-root") || args.value("--last-seen-trust"))
      usage_error(T("--trust-root and --last-seen-trust need --trust TRUST.list"));
    return std::nullopt;
  }
  return read_trust_list(args, *path);
}

}  // namespace kartla::cli
