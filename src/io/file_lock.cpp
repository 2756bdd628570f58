// SPDX-License-Identifier: Apache-2.0
#include "io/file_lock.h"

#include <fcntl.h>
#include <sys/file.h>

#include <cerrno>
#include <utility>

#include "base/error.h"
#include "io/os_error.h"
#include "io/resolve_path.h"

namespace kartla::io {

FileLock FileLock::acquire(const std::string& record_path, const FileSystem& fs) {
  // Beside the file a save really replaces, so that savers reaching one record through
  // different links still exclude each other.
  std::string lock_path = resolve_final_symlinks(record_path, fs) + ".lock";
  // Read-write although we never write: on NFS the kernel emulates flock with POSIX locks, and an
  // exclusive POSIX lock needs a descriptor open for writing. O_NOFOLLOW: the lock's name is
  // predictable, so anyone who can write the record's folder could plant a symlink there and make
  // every save create (as the saver) a file wherever the link points; such a link is refused.
  int fd;
  do {
    fd = fs.open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOCTTY | O_NOFOLLOW, 0600);
  } while (fd < 0 && errno == EINTR);
  if (fd < 0 && errno == ELOOP)
    fail(Code::io, "refusing to lock through a symbolic link at %s; remove it and save again", {lock_path});
  if (fd < 0) fail_os(Code::io, errno, "could not open the lock file %1$s: %2$s", lock_path);

  // Constructed now so that every exit below closes the descriptor exactly once.
  FileLock lock(fs, std::move(lock_path), fd);
  // Non-blocking: a second saver is told at once rather than hanging behind a stuck first one.
  int rc;
  do {
    rc = fs.flock(fd, LOCK_EX | LOCK_NB);
  } while (rc != 0 && errno == EINTR);
  if (rc != 0) {
    if (errno == EWOULDBLOCK) fail(Code::busy, "another program is saving this record");
    fail_os(Code::io, errno, "could not lock %1$s: %2$s", lock.lock_path_);
  }
  return lock;
}

FileLock::~FileLock() { release(); }

FileLock::FileLock(FileLock&& other) noexcept
    : fs_(other.fs_), lock_path_(std::move(other.lock_path_)), fd_(std::exchange(other.fd_, -1)) {}

FileLock& FileLock::operator=(FileLock&& other) noexcept {
  if (this != &other) {
    release();
    fs_ = other.fs_;
    lock_path_ = std::move(other.lock_path_);
    fd_ = std::exchange(other.fd_, -1);
  }
  return *this;
}

void FileLock::release() noexcept {
  // Closing drops the lock; an explicit LOCK_UN first would add a syscall that can only fail.
  if (fd_ >= 0) fs_->close(std::exchange(fd_, -1));
}

}  // namespace kartla::io
