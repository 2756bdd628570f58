// SPDX-License-Identifier: Apache-2.0
#include "io/resolve_path.h"

#include <cerrno>

#include "base/error.h"
#include "io/os_error.h"

namespace kartla::io {
namespace {

// Linux gives up after 40; a record reached through more than a few links is already odd.
constexpr int kMaxLinks = 32;
constexpr size_t kMaxTarget = 4096;

}  // namespace

std::string resolve_final_symlinks(const std::string& path, const FileSystem& fs) {
  std::string current = path;
  for (int hop = 0; hop <= kMaxLinks; ++hop) {
    char target[kMaxTarget];
    const ssize_t n = fs.readlink(current.c_str(), target, sizeof target);
    if (n < 0) {
      // EINVAL: not a symlink, this is the file. ENOENT: nothing there yet, the save creates it.
      if (errno == EINVAL || errno == ENOENT) return current;
      fail_os(Code::io, errno, "could not follow the link %1$s: %2$s", current);
    }
    // readlink does not say whether it truncated; a full buffer may be a cut-off target.
    if (static_cast<size_t>(n) >= sizeof target || n == 0) {
      fail_os(Code::io, ENAMETOOLONG, "could not follow the link %1$s: %2$s", current);
    }
    std::string next(target, static_cast<size_t>(n));
    if (next[0] != '/') {
      const size_t slash = current.rfind('/');
      if (slash != std::string::npos) next = current.substr(0, slash + 1) + next;
    }
    current = std::move(next);
  }
  fail_os(Code::io, ELOOP, "could not follow the link %1$s: %2$s", path);
}

}  // namespace kartla::io
