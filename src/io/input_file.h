/* SPDX-License-Identifier: Apache-2.0 */
// Bounded reading of a record file. The size limit is checked against fstat before a single byte
// is read or allocated (docs/THREATS.md T5), and the open descriptor pins the inode, so a save that
// renames a new file over the path while we read cannot mix old and new bytes (docs/THREATS.md T37).
//
// THREAD SAFETY: read_exact uses pread and no shared offset, so one InputFile may be read from
// several threads at once; moving or destroying it needs exclusive access.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>

#include "io/file_system.h"

namespace kartla::io {

class InputFile {
 public:
  // Opens `path` read-only, following symlinks. Throws Error(io) if it cannot be opened,
  // Error(invalid_argument) if it is not a regular file, and Error(limit) if it is larger than
  // max_size bytes. `fs` must outlive the InputFile.
  InputFile(std::string path, uint64_t max_size, const FileSystem& fs = real_file_system());
  // As the constructor, except that a path that does not exist (ENOENT) gives nullopt. Every
  // other failure still throws: a file that exists but cannot be read is not an absent file, and
  // must not be treated as free to overwrite.
  static std::optional<InputFile> open_if_exists(std::string path, uint64_t max_size,
                                                 const FileSystem& fs = real_file_system());
  ~InputFile();

  InputFile(InputFile&& other) noexcept;
  InputFile& operator=(InputFile&& other) noexcept;
  InputFile(const InputFile&) = delete;
  InputFile& operator=(const InputFile&) = delete;

  // The size when the file was opened; reads never go past it.
  uint64_t size() const { return size_; }
  const std::string& path() const { return path_; }

  // Fills dst[0, n) with the bytes at [offset, offset + n). Throws Error(format, "... is
  // truncated") if that range ends past size() or the file ends early, Error(io) on a read error.
  void read_exact(uint64_t offset, uint8_t* dst, size_t n) const;
  // Error(format, "... changed size while it was read") unless the file still has size() bytes
  // (fstat on the descriptor), Error(io) if that cannot be asked: for a reader that takes the
  // whole file and must know it did not grow or shrink meanwhile.
  void require_unchanged_size() const;

 private:
  InputFile(const FileSystem& fs, std::string path, int fd)
      : fs_(&fs), path_(std::move(path)), fd_(fd) {}
  void check_and_measure(uint64_t max_size);
  void release() noexcept;

  const FileSystem* fs_;
  std::string path_;
  int fd_ = -1;
  uint64_t size_ = 0;
};

// The whole file as bytes, refusing with Error(limit) (before allocating) if it is larger than
// max_size; other errors as for InputFile.
std::string read_all_bounded(const std::string& path, uint64_t max_size,
                             const FileSystem& fs = real_file_system());

}  // namespace kartla::io
