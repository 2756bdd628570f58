// SPDX-License-Identifier: Apache-2.0
#include "io/file_system.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cstdio>

namespace kartla::io {

int FileSystem::open(const char* path, int flags, mode_t mode) const {
  return ::open(path, flags, mode);
}

int FileSystem::openat(int dir_fd, const char* name, int flags, mode_t mode) const {
  return ::openat(dir_fd, name, flags, mode);
}

int FileSystem::open_directory(const char* path) const {
  // O_PATH would not need read permission, but Linux refuses fsync on an O_PATH descriptor.
  return ::open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOCTTY);
}

ssize_t FileSystem::write(int fd, const void* data, size_t size) const {
  return ::write(fd, data, size);
}

ssize_t FileSystem::pread(int fd, void* data, size_t size, off_t offset) const {
  return ::pread(fd, data, size, offset);
}

int FileSystem::fsync(int fd) const { return ::fsync(fd); }

int FileSystem::fstat(int fd, struct stat* out) const { return ::fstat(fd, out); }

int FileSystem::linkat(int from_dir_fd, const char* from, int to_dir_fd, const char* to, int flags) const {
  return ::linkat(from_dir_fd, from, to_dir_fd, to, flags);
}

int FileSystem::renameat(int from_dir_fd, const char* from, int to_dir_fd, const char* to) const {
  return ::renameat(from_dir_fd, from, to_dir_fd, to);
}

int FileSystem::unlinkat(int dir_fd, const char* name, int flags) const {
  return ::unlinkat(dir_fd, name, flags);
}

int FileSystem::close(int fd) const { return ::close(fd); }

int FileSystem::flock(int fd, int operation) const { return ::flock(fd, operation); }

ssize_t FileSystem::readlink(const char* path, char* out, size_t size) const {
  return ::readlink(path, out, size);
}

int FileSystem::list_names(int dir_fd, std::vector<std::string>* names) const {
  // A duplicate, because closedir closes the descriptor it was given.
  const int own = ::openat(dir_fd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (own < 0) return -1;
  DIR* dir = ::fdopendir(own);
  if (dir == nullptr) {
    ::close(own);
    return -1;
  }
  while (const dirent* entry = ::readdir(dir)) {
    const std::string name = entry->d_name;
    if (name != "." && name != "..") names->push_back(name);
  }
  ::closedir(dir);
  return 0;
}

const FileSystem& real_file_system() {
  static const FileSystem os;
  return os;
}

}  // namespace kartla::io
