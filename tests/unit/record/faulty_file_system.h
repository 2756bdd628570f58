/* SPDX-License-Identifier: Apache-2.0 */
// A FileSystem that passes every call to the operating system, records it, and can make one
// chosen call fail: the SQLite I/O-error loop applied to Record::save (docs/THREATS.md T34-T36).
#pragma once

#include <dirent.h>

#include <cerrno>
#include <set>
#include <string>
#include <vector>

#include "io/file_system.h"

namespace kartla::testing {

enum class Op {
  open, openat, open_directory, write, pread, fsync, fsync_dir, fstat, renameat, unlinkat, close, close_dir,
  flock, readlink,
};

inline const char* op_name(Op op) {
  static const char* names[] = {"open",  "openat",   "open_directory", "write", "pread",
                                "fsync", "fsync_dir", "fstat",         "renameat", "unlinkat",
                                "close", "close_dir", "flock",         "readlink"};
  return names[static_cast<int>(op)];
}

class FaultyFileSystem final : public io::FileSystem {
 public:
  // Starts a new run: forgets the call log; the call with index `fail_at` (counted from here)
  // fails once with `err`. -1 fails nothing.
  void arm(long fail_at, int err) {
    calls_.clear();
    fail_at_ = fail_at;
    err_ = err;
    renamed_ = false;
  }
  // Fails the first `times` calls of one kind from now on.
  void fail_first(Op op, int err, int times) {
    calls_.clear();
    fail_op_ = op;
    err_ = err;
    fail_op_remaining_ = times;
    renamed_ = false;
  }
  // Fails every open() of exactly this path (a record the OS will not let us read).
  void fail_opening(std::string path, int err) {
    fail_path_ = std::move(path);
    err_ = err;
  }
  void disarm() {
    fail_at_ = -1;
    fail_op_remaining_ = 0;
    fail_path_.clear();
  }

  const std::vector<Op>& calls() const { return calls_; }
  bool renamed() const { return renamed_; }  // a rename succeeded during this run
  long count(Op op) const {
    long n = 0;
    for (Op c : calls_) n += c == op;
    return n;
  }

  int open(const char* path, int flags, mode_t mode) const override {
    if (inject(Op::open) || (!fail_path_.empty() && fail_path_ == path)) return refuse();
    return FileSystem::open(path, flags, mode);
  }
  int openat(int dir_fd, const char* name, int flags, mode_t mode) const override {
    return inject(Op::openat) ? refuse() : FileSystem::openat(dir_fd, name, flags, mode);
  }
  int open_directory(const char* path) const override {
    if (inject(Op::open_directory)) return refuse();
    const int fd = FileSystem::open_directory(path);
    if (fd >= 0) dir_fds_.insert(fd);
    return fd;
  }
  ssize_t write(int fd, const void* data, size_t size) const override {
    return inject(Op::write) ? refuse() : FileSystem::write(fd, data, size);
  }
  ssize_t pread(int fd, void* data, size_t size, off_t offset) const override {
    return inject(Op::pread) ? refuse() : FileSystem::pread(fd, data, size, offset);
  }
  int fsync(int fd) const override {
    return inject(dir_fds_.count(fd) ? Op::fsync_dir : Op::fsync) ? refuse() : FileSystem::fsync(fd);
  }
  int fstat(int fd, struct stat* out) const override {
    return inject(Op::fstat) ? refuse() : FileSystem::fstat(fd, out);
  }
  int renameat(int from_dir_fd, const char* from, int to_dir_fd, const char* to) const override {
    if (inject(Op::renameat)) return refuse();
    const int rc = FileSystem::renameat(from_dir_fd, from, to_dir_fd, to);
    if (rc == 0) renamed_ = true;
    return rc;
  }
  int unlinkat(int dir_fd, const char* name, int flags) const override {
    return inject(Op::unlinkat) ? refuse() : FileSystem::unlinkat(dir_fd, name, flags);
  }
  // Linux closes the descriptor even when close reports an error (a deferred write error on
  // NFS); the injected failure does the same, so nothing leaks.
  int close(int fd) const override {
    const bool is_dir = dir_fds_.erase(fd) != 0;
    const bool fail = inject(is_dir ? Op::close_dir : Op::close);
    const int rc = FileSystem::close(fd);
    return fail ? refuse() : rc;
  }
  int flock(int fd, int operation) const override {
    return inject(Op::flock) ? refuse() : FileSystem::flock(fd, operation);
  }
  ssize_t readlink(const char* path, char* out, size_t size) const override {
    return inject(Op::readlink) ? refuse() : FileSystem::readlink(path, out, size);
  }

 private:
  bool inject(Op op) const {
    const long index = static_cast<long>(calls_.size());
    calls_.push_back(op);
    if (index == fail_at_) return true;
    if (op == fail_op_ && fail_op_remaining_ > 0) {
      --fail_op_remaining_;
      return true;
    }
    return false;
  }
  int refuse() const {
    errno = err_;
    return -1;
  }

  mutable std::vector<Op> calls_;
  mutable std::set<int> dir_fds_;
  mutable bool renamed_ = false;
  long fail_at_ = -1;
  Op fail_op_ = Op::open;
  mutable int fail_op_remaining_ = 0;
  std::string fail_path_;
  int err_ = EIO;
};

// Names in a folder, without "." and "..".
inline std::set<std::string> list_dir(const std::string& path) {
  std::set<std::string> out;
  DIR* d = opendir(path.c_str());
  if (d == nullptr) throw std::runtime_error("cannot list " + path);
  while (dirent* e = readdir(d)) {
    const std::string name = e->d_name;
    if (name != "." && name != "..") out.insert(name);
  }
  closedir(d);
  return out;
}

}  // namespace kartla::testing
