/* SPDX-License-Identifier: Apache-2.0 */
// Crash-safe replacement of a file (docs/THREATS.md T34-T36; the libgit2 filebuf / SQLite pattern):
// the new bytes go to a temporary file in the same folder, which is flushed, renamed over the
// final path, and then the folder is flushed. After a crash or a pulled USB stick at any point
// the final path holds the old or the new bytes, never a mix and never nothing.
//
// A save is acknowledged only when commit() returns. Every failure throws Error(io) and, except
// for a failed folder flush after the rename, leaves the old file byte-for-byte unchanged and
// removes the temporary file. A failed save is never retried into a rename: after fsync reports
// an error the kernel may already have dropped the unwritten data, so a second fsync can succeed
// with the data gone ("fsyncgate").
//
// Temporary files are named ".<basename>.tmp-<suffix>", so a crash leaves a hidden file that no
// reader ever opens in place of the record.
//
// THREAD SAFETY: an AtomicWriter is used by one thread at a time; distinct writers are
// independent. Two writers for the same path are safe for the file (each save is atomic, the last
// rename wins) but callers serialise saves with FileLock so that no save is silently lost.
#pragma once

#include <string>

#include "base/bytes.h"
#include "io/file_system.h"

namespace kartla::io {

class AtomicWriter {
 public:
  // Follows symlinks at final_path to the file they name (io/resolve_path.h), opens that file's
  // folder and creates the temporary file (mode 0600) in it. Throws
  // Error(invalid_argument) for a path without a file name, Error(io) if the folder cannot be
  // opened or the temporary file cannot be created. `fs` must outlive the writer.
  explicit AtomicWriter(std::string final_path, const FileSystem& fs = real_file_system());
  // Without a successful commit(), removes the temporary file; the final path is not touched.
  ~AtomicWriter();

  AtomicWriter(AtomicWriter&& other) noexcept;
  AtomicWriter& operator=(AtomicWriter&& other) noexcept;
  AtomicWriter(const AtomicWriter&) = delete;
  AtomicWriter& operator=(const AtomicWriter&) = delete;

  // Appends all of `bytes` to the temporary file. On failure (disk full, quota, I/O error) throws
  // Error(io), removes the temporary file, and the writer can no longer be used.
  void write(ByteView bytes);

  // Flushes the temporary file, renames it over the final path and flushes the folder. Returns
  // only when the new bytes are durable. Throws Error(io) on failure, after which the writer can
  // no longer be used; calling write() or commit() again throws Error(invalid_argument).
  // Replace::never puts the file in place by a hard link that fails if the final path exists
  // (checked by the kernel at that instant, not before): Error(invalid_argument) then, and the
  // existing file is untouched. (A file system without hard links, such as FAT, refuses it with
  // Error(io).)
  enum class Replace { existing, never };
  void commit(Replace replace = Replace::existing);

  // The file being replaced: the path given, with symlinks in its last component followed.
  const std::string& final_path() const { return final_path_; }

 private:
  enum class State { writing, failed, committed, moved_from };

  [[noreturn]] void abandon_and_fail(int err, const char* msgid);  // msgid as fail_os takes it
  void abandon() noexcept;
  void require_writing(const char* operation) const;

  const FileSystem* fs_;
  std::string final_path_;
  std::string final_name_;  // the last path component, relative to dir_fd_
  std::string temp_name_;   // relative to dir_fd_
  int dir_fd_ = -1;
  int fd_ = -1;
  State state_ = State::moved_from;
};

// Removes the temporary files that saves of `final_path` killed midway (SIGKILL, a power cut) left
// beside it. Only a caller holding the FileLock of `final_path` may call this: the lock is free
// only when no other saver of that file is alive, so every such temporary file is abandoned.
// Best effort and silent: a file left behind is hidden and never read as the record.
void remove_abandoned_temporary_files(const std::string& final_path,
                                      const FileSystem& fs = real_file_system()) noexcept;

// Replaces the file at `path` with `bytes` by AtomicWriter: all or nothing.
void write_file_atomically(const std::string& path, ByteView bytes,
                           const FileSystem& fs = real_file_system());

}  // namespace kartla::io
