/* SPDX-License-Identifier: Apache-2.0 */
// The only door from the io layer to the operating system. Every syscall the layer makes goes
// through a FileSystem, so tests (and the crash tests of higher layers) can fail, shorten or
// interrupt any single call and check that a save still leaves the old or the new record, never
// neither (docs/THREATS.md T34-T36).
//
// Each method has the contract of the POSIX call it is named after: it returns what the call
// returns and reports failure as -1 with errno set. The base class *is* the OS implementation, so
// a fault injector overrides only the calls it cares about and passes the rest to
// FileSystem::<call>.
//
// THREAD SAFETY: FileSystem holds no state; the OS implementation may be used from any thread.
// Subclasses decide for themselves (the test injectors are single-threaded).
#pragma once

#include <sys/stat.h>
#include <sys/types.h>

#include <cstddef>
#include <string>
#include <vector>

namespace kartla::io {

class FileSystem {
 public:
  FileSystem() = default;
  virtual ~FileSystem() = default;
  FileSystem(const FileSystem&) = delete;
  FileSystem& operator=(const FileSystem&) = delete;

  virtual int open(const char* path, int flags, mode_t mode) const;
  virtual int openat(int dir_fd, const char* name, int flags, mode_t mode) const;
  // Opens a directory read-only so that it can be fsync'ed after a rename into it.
  virtual int open_directory(const char* path) const;
  virtual ssize_t write(int fd, const void* data, size_t size) const;
  virtual ssize_t pread(int fd, void* data, size_t size, off_t offset) const;
  virtual int fsync(int fd) const;
  virtual int fstat(int fd, struct stat* out) const;
  virtual int renameat(int from_dir_fd, const char* from, int to_dir_fd, const char* to) const;
  virtual int unlinkat(int dir_fd, const char* name, int flags) const;
  virtual int linkat(int from_dir_fd, const char* from, int to_dir_fd, const char* to, int flags) const;
  virtual int close(int fd) const;
  virtual int flock(int fd, int operation) const;
  virtual ssize_t readlink(const char* path, char* out, size_t size) const;
  // The names in the open directory `dir_fd` (without "." and ".."), as readdir(3) gives them;
  // 0, or -1 with errno set. `dir_fd` stays open and its own offset is not moved.
  virtual int list_names(int dir_fd, std::vector<std::string>* names) const;
};

// The operating system itself. A process-lifetime object with no mutable state.
const FileSystem& real_file_system();

}  // namespace kartla::io
