// SPDX-License-Identifier: Apache-2.0
#include "io/input_file.h"

#include <fcntl.h>
#include <sys/stat.h>

#include <cerrno>
#include <limits>
#include <utility>

#include "base/error.h"
#include "io/os_error.h"

namespace kartla::io {

namespace {

int open_read_only(const FileSystem& fs, const std::string& path) {
  // O_NONBLOCK: opening a FIFO planted at the record path would otherwise hang until a writer
  // appears; it has no effect on the regular files we go on to accept. Symlinks are followed on
  // purpose: people keep the record on a stick and link to it.
  int fd;
  do {
    fd = fs.open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK, 0);
  } while (fd < 0 && errno == EINTR);
  return fd;
}

}  // namespace

InputFile::InputFile(std::string path, uint64_t max_size, const FileSystem& fs)
    : fs_(&fs), path_(std::move(path)) {
  fd_ = open_read_only(fs, path_);
  if (fd_ < 0) fail_os(Code::io, errno, "could not open %1$s: %2$s", path_);
  check_and_measure(max_size);
}

std::optional<InputFile> InputFile::open_if_exists(std::string path, uint64_t max_size,
                                                   const FileSystem& fs) {
  const int fd = open_read_only(fs, path);
  if (fd < 0) {
    if (errno == ENOENT) return std::nullopt;
    fail_os(Code::io, errno, "could not open %1$s: %2$s", path);
  }
  InputFile file(fs, std::move(path), fd);
  file.check_and_measure(max_size);
  return file;
}

// Releases the descriptor before throwing, since a throwing constructor runs no destructor.
void InputFile::check_and_measure(uint64_t max_size) {
  // Checked on the descriptor, not the path, so the file we check is the file we read.
  struct stat st {};
  if (fs_->fstat(fd_, &st) != 0) {
    const int err = errno;
    release();
    fail_os(Code::io, err, "could not inspect %1$s: %2$s", path_);
  }
  if (!S_ISREG(st.st_mode)) {
    release();
    fail(Code::invalid_argument, "%s is not a regular file", {path_});
  }
  if (st.st_size < 0 || static_cast<uint64_t>(st.st_size) > max_size) {
    release();
    fail(Code::limit, "%1$s is %2$s bytes, more than the %3$s allowed",
         {path_, std::to_string(st.st_size), std::to_string(max_size)});
  }
  size_ = static_cast<uint64_t>(st.st_size);
}

InputFile::~InputFile() { release(); }

InputFile::InputFile(InputFile&& other) noexcept
    : fs_(other.fs_),
      path_(std::move(other.path_)),
      fd_(std::exchange(other.fd_, -1)),
      size_(std::exchange(other.size_, 0)) {}

InputFile& InputFile::operator=(InputFile&& other) noexcept {
  if (this != &other) {
    release();
    fs_ = other.fs_;
    path_ = std::move(other.path_);
    fd_ = std::exchange(other.fd_, -1);
    size_ = std::exchange(other.size_, 0);
  }
  return *this;
}

void InputFile::release() noexcept {
  if (fd_ >= 0) fs_->close(std::exchange(fd_, -1));
}

void InputFile::read_exact(uint64_t offset, uint8_t* dst, size_t n) const {
  if (fd_ < 0) fail(Code::invalid_argument, "read from a moved-from InputFile");
  // Written so that offset + n cannot overflow: a hostile length field must not wrap around.
  if (offset > size_ || n > size_ - offset) {
    fail(Code::format, "%1$s is truncated: wanted %2$s bytes at offset %3$s of a %4$s-byte file",
         {path_, std::to_string(n), std::to_string(offset), std::to_string(size_)});
  }
  size_t done = 0;
  while (done < n) {
    const uint64_t at = offset + done;
    // size_ came from st_size, so every in-range offset fits in off_t.
    const ssize_t got = fs_->pread(fd_, dst + done, n - done, static_cast<off_t>(at));
    if (got < 0) {
      if (errno == EINTR) continue;
      fail_os(Code::io, errno, "could not read %1$s: %2$s", path_);
    }
    // The file shrank after we opened it (someone truncated it in place).
    if (got == 0) {
      fail(Code::format, "%1$s is truncated: it ended at byte %2$s while %3$s more were expected",
           {path_, std::to_string(at), std::to_string(n - done)});
    }
    done += static_cast<size_t>(got);
  }
}

void InputFile::require_unchanged_size() const {
  if (fd_ < 0) fail(Code::invalid_argument, "read from a moved-from InputFile");
  struct stat st {};
  if (fs_->fstat(fd_, &st) != 0) fail_os(Code::io, errno, "could not inspect %1$s: %2$s", path_);
  if (st.st_size < 0 || static_cast<uint64_t>(st.st_size) != size_)
    fail(Code::format, "%s changed size while it was read", {path_});
}

std::string read_all_bounded(const std::string& path, uint64_t max_size, const FileSystem& fs) {
  InputFile file(path, max_size, fs);
  if (file.size() > std::numeric_limits<size_t>::max()) {
    fail(Code::limit, "%s is too large to hold in memory", {path});
  }
  std::string out(static_cast<size_t>(file.size()), '\0');
  if (!out.empty()) file.read_exact(0, reinterpret_cast<uint8_t*>(out.data()), out.size());
  return out;
}

}  // namespace kartla::io
