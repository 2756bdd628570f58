/* SPDX-License-Identifier: Apache-2.0 */
// One saver per record at a time: an exclusive, non-blocking flock on "<record>.lock", where
// <record> is the record path with symlinks followed as AtomicWriter follows them.
//
// The lock belongs to an open descriptor, so the kernel drops it when the holder exits or
// crashes: a dead saver never leaves a stale lock that blocks the next one. The lock file itself
// is created 0600 if missing and never deleted, because deleting it would let a second saver lock
// a fresh file at the same name while the first still holds the old, unlinked one.
//
// A forked child shares its parent's descriptor and therefore the lock; exec'd programs do not
// (O_CLOEXEC).
//
// THREAD SAFETY: a FileLock excludes other open descriptions (other FileLocks, other processes),
// not threads sharing one FileLock. Moving or destroying it needs exclusive access.
#pragma once

#include <string>
#include <utility>

#include "io/file_system.h"

namespace kartla::io {

class FileLock {
 public:
  // Throws Error(busy, "another program is saving this record") if the lock is held (by another
  // process or another FileLock in this one), Error(io) if the lock file cannot be opened or the
  // file system cannot lock. `fs` must outlive the lock.
  static FileLock acquire(const std::string& record_path,
                          const FileSystem& fs = real_file_system());
  // Releases the lock (closing the descriptor is enough; the file stays).
  ~FileLock();

  FileLock(FileLock&& other) noexcept;
  FileLock& operator=(FileLock&& other) noexcept;
  FileLock(const FileLock&) = delete;
  FileLock& operator=(const FileLock&) = delete;

  const std::string& lock_path() const { return lock_path_; }

 private:
  FileLock(const FileSystem& fs, std::string lock_path, int fd)
      : fs_(&fs), lock_path_(std::move(lock_path)), fd_(fd) {}
  void release() noexcept;

  const FileSystem* fs_;
  std::string lock_path_;
  int fd_ = -1;
};

}  // namespace kartla::io
