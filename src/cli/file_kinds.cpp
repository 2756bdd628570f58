// SPDX-License-Identifier: Apache-2.0
// What kind of Kartla file a file is (file_kinds.h), from the prefix of docs/SPEC.md §3.1.
#include "file_kinds.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "files.h"
#include "kartla/kartla.hpp"
#include "messages.h"
#include "output.h"

namespace kartla::cli {
namespace {

constexpr std::string_view kMagic = "KARTLA";
constexpr size_t kPrefixBytes = 7;  // the magic and the type byte

std::optional<FileKind> kind_from_type(char type) {
  switch (type) {
    case 'R': return FileKind::record;
    case 'I': return FileKind::identity;
    case 'C': return FileKind::card;
    case 'A': return FileKind::attestation;
    case 'T': return FileKind::trust_list;
    case 'W': return FileKind::contribution;
    case 'X': return FileKind::receipt;
    case 'S': return FileKind::versions_seen;
  }
  return std::nullopt;  // a type this CLI does not know: the library reports it
}

[[noreturn]] void wrong_kind(const std::string& path, FileKind actual, FileKind expected) {
  usage_error(fill(T("%1$s is %2$s, not %3$s"), {path == "-" ? T("standard input") : path, kind_name(actual),
                                                  kind_name(expected)}));
}

}  // namespace

std::optional<FileKind> kind_of(std::string_view bytes) {
  if (bytes.size() < kPrefixBytes || bytes.substr(0, kMagic.size()) != kMagic) return std::nullopt;
  return kind_from_type(bytes[kMagic.size()]);
}

std::optional<FileKind> kind_of_file(const std::string& path) {
  if (path == "-") return std::nullopt;
  // O_NONBLOCK: a FIFO at the path must not hang the check (and is not read: its bytes would be
  // gone for the real reader).
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
  if (fd < 0) return std::nullopt;
  struct stat st {};
  char prefix[kPrefixBytes] = {};
  size_t got = 0;
  if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
    while (got < sizeof prefix) {
      const ssize_t n = ::read(fd, prefix + got, sizeof prefix - got);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) break;
      got += static_cast<size_t>(n);
    }
  }
  ::close(fd);
  return kind_of(std::string_view(prefix, got));
}

std::string kind_name(FileKind kind) {
  switch (kind) {
    case FileKind::record: return TC("file kind", "a record or share bundle");
    case FileKind::identity: return TC("file kind", "an identity file");
    case FileKind::card: return TC("file kind", "a card");
    case FileKind::attestation: return TC("file kind", "an attestation");
    case FileKind::trust_list: return TC("file kind", "a trust list");
    case FileKind::contribution: return TC("file kind", "a contribution");
    case FileKind::receipt: return TC("file kind", "a receipt");
    case FileKind::versions_seen: return TC("file kind", "a file of versions seen");
  }
  return TC("file kind", "a Kartla file");
}

void expect_kind(std::string_view bytes, const std::string& path, FileKind expected) {
  const std::optional<FileKind> actual = kind_of(bytes);
  if (actual && *actual != expected) wrong_kind(path, *actual, expected);
}

void expect_file_kind(const std::string& path, FileKind expected) {
  const std::optional<FileKind> actual = kind_of_file(path);
  if (actual && *actual != expected) wrong_kind(path, *actual, expected);
}

void expect_section_content(std::string_view bytes, const std::string& path) {
  if (const std::optional<FileKind> actual = kind_of(bytes))
    usage_error(fill(T("%1$s is %2$s, not section content (JSON)"),
                     {path == "-" ? T("standard input") : path, kind_name(*actual)}));
}

bool is_share_bundle(const std::string& path) {
  if (kind_of_file(path) != FileKind::record) return false;
  try {
    const kartla::verification v = kartla::verification::of_file(path);
    return parse_result<v1::VerificationReport>(v.report(KARTLA_ENCODING_PROTOBUF)).kind() == "bundle";
  } catch (const kartla::error&) {
    return false;  // damaged: the owner's open has said what is wrong
  }
}

Secret read_kartla_file(const std::string& path, FileKind expected, size_t max_bytes) {
  Secret bytes = read_input(path, max_bytes);
  expect_kind(bytes.view(), path, expected);
  return bytes;
}

}  // namespace kartla::cli
