// SPDX-License-Identifier: Apache-2.0
#include "io/atomic_writer.h"

#include <fcntl.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <utility>
#include <vector>

#include "base/error.h"
#include "io/os_error.h"
#include "io/resolve_path.h"

namespace kartla::io {
namespace {

// O_EXCL collisions are possible (two writers in one process in the same nanosecond, a stale file
// from a crashed process that had the same pid); a few fresh names make one vanishingly unlikely.
constexpr int kTempNameAttempts = 16;

struct SplitPath {
  std::string dir;
  std::string name;
};

SplitPath split_path(const std::string& path) {
  const size_t slash = path.rfind('/');
  SplitPath out;
  if (slash == std::string::npos) {
    out.dir = ".";
    out.name = path;
  } else {
    out.dir = path.substr(0, slash);
    out.name = path.substr(slash + 1);
    while (out.dir.size() > 1 && out.dir.back() == '/') out.dir.pop_back();
    if (out.dir.empty()) out.dir = "/";
  }
  // Renaming onto "." or ".." would target a folder, not the record.
  if (out.name.empty() || out.name == "." || out.name == "..") {
    fail(Code::invalid_argument, "not a file path: \"%s\"", {path});
  }
  return out;
}

std::string temp_prefix_for(const std::string& name) { return "." + name + ".tmp-"; }

// Not a secret and not random: it only has to differ between concurrent writers, and O_EXCL
// catches the rare case where it does not. Built from pid and clock so there is no shared counter.
std::string temp_name_for(const std::string& name, int attempt) {
  timespec now{};
  clock_gettime(CLOCK_REALTIME, &now);
  char suffix[64];
  std::snprintf(suffix, sizeof suffix, "%lx-%lx%09lx-%x", static_cast<unsigned long>(getpid()),
                static_cast<unsigned long>(now.tv_sec), static_cast<unsigned long>(now.tv_nsec),
                static_cast<unsigned>(attempt));
  return temp_prefix_for(name) + suffix;
}

}  // namespace

AtomicWriter::AtomicWriter(std::string final_path, const FileSystem& fs) : fs_(&fs) {
  split_path(final_path);  // refuse a path without a file name before touching the disk
  try {
    final_path_ = resolve_final_symlinks(final_path, fs);
  } catch (const Error& e) {
    fail(e.code(), "%s; the record was not saved and the previous copy is unchanged", {e.what()});
  }
  SplitPath split = split_path(final_path_);
  final_name_ = std::move(split.name);

  // The folder is opened before anything is written, and every later step is relative to this
  // descriptor: the temporary file, the rename and the folder flush all hit the same folder even
  // if the path is renamed meanwhile, and a folder we cannot flush fails the save while the old
  // record is still untouched instead of after the rename.
  do {
    dir_fd_ = fs_->open_directory(split.dir.c_str());
  } while (dir_fd_ < 0 && errno == EINTR);
  if (dir_fd_ < 0) {
    fail_os(Code::io, errno,
            "could not open the folder of %1$s: %2$s; the record was not saved and the previous copy is unchanged",
            final_path_);
  }

  int err = 0;
  for (int attempt = 0; attempt < kTempNameAttempts; ++attempt) {
    temp_name_ = temp_name_for(final_name_, attempt);
    // O_EXCL: never adopt a file (or a symlink planted at that name) that someone else created.
    fd_ = fs_->openat(dir_fd_, temp_name_.c_str(),
                      O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC | O_NOCTTY, 0600);
    if (fd_ >= 0) break;
    err = errno;
    if (err != EEXIST && err != EINTR) break;
  }
  if (fd_ < 0) {
    fs_->close(dir_fd_);
    dir_fd_ = -1;
    fail_os(Code::io, err,
            "could not create a temporary file next to %1$s: %2$s; the record was not saved and the previous copy "
            "is unchanged", final_path_);
  }
  state_ = State::writing;
}

AtomicWriter::~AtomicWriter() { abandon(); }

AtomicWriter::AtomicWriter(AtomicWriter&& other) noexcept
    : fs_(other.fs_),
      final_path_(std::move(other.final_path_)),
      final_name_(std::move(other.final_name_)),
      temp_name_(std::move(other.temp_name_)),
      dir_fd_(std::exchange(other.dir_fd_, -1)),
      fd_(std::exchange(other.fd_, -1)),
      state_(std::exchange(other.state_, State::moved_from)) {}

AtomicWriter& AtomicWriter::operator=(AtomicWriter&& other) noexcept {
  if (this != &other) {
    abandon();
    fs_ = other.fs_;
    final_path_ = std::move(other.final_path_);
    final_name_ = std::move(other.final_name_);
    temp_name_ = std::move(other.temp_name_);
    dir_fd_ = std::exchange(other.dir_fd_, -1);
    fd_ = std::exchange(other.fd_, -1);
    state_ = std::exchange(other.state_, State::moved_from);
  }
  return *this;
}

void AtomicWriter::require_writing(const char* operation) const {
  if (state_ == State::writing) return;
  // A caller retrying commit() after a failed fsync is exactly the fsyncgate bug; refuse it.
  if (state_ == State::failed)
    fail(Code::invalid_argument, "%1$s %2$s: this save already failed; start a new one", {operation, final_path_});
  if (state_ == State::committed)
    fail(Code::invalid_argument, "%1$s %2$s: this save is already committed", {operation, final_path_});
  fail(Code::invalid_argument, "%1$s %2$s: this writer was moved from", {operation, final_path_});
}

void AtomicWriter::write(ByteView bytes) {
  require_writing("cannot write");
  const uint8_t* p = bytes.data;
  size_t left = bytes.size;
  while (left > 0) {
    const ssize_t n = fs_->write(fd_, p, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      abandon_and_fail(errno, "could not write the new copy of %1$s: %2$s; the record was not saved and the "
                       "previous copy is unchanged");
    }
    // A regular file that accepts no bytes is full; looping would spin forever.
    if (n == 0)
      abandon_and_fail(ENOSPC, "could not write the new copy of %1$s: %2$s; the record was not saved and the "
                       "previous copy is unchanged");
    p += n;
    left -= static_cast<size_t>(n);
  }
}

void AtomicWriter::commit(Replace replace) {
  require_writing("cannot commit");

  // Not retried, not even on EINTR: once fsync has failed the kernel may have marked the lost
  // pages clean, so a retry can report success for data that never reached the disk.
  if (fs_->fsync(fd_) != 0)
    abandon_and_fail(errno, "could not flush the new copy of %1$s: %2$s; the record was not saved and the "
                     "previous copy is unchanged");

  // Network and FUSE file systems may report a deferred write error only at close. The descriptor
  // is gone whatever close returns, so it is never closed twice.
  const int fd = std::exchange(fd_, -1);
  if (fs_->close(fd) != 0) {
    abandon_and_fail(errno, "could not finish writing the new copy of %1$s: %2$s; the record was not saved and the "
                     "previous copy is unchanged");
  }

  if (replace == Replace::never) {
    if (fs_->linkat(dir_fd_, temp_name_.c_str(), dir_fd_, final_name_.c_str(), 0) != 0) {
      const int err = errno;
      abandon();
      if (err == EEXIST) fail(Code::invalid_argument, "%s already exists; refusing to replace it", {final_path_});
      fail_os(Code::io, err, "could not create %1$s: %2$s; nothing was written", final_path_);
    }
    // The file is in place under its final name; the temporary name goes (best effort: a hidden
    // name left behind is never read as anything).
    fs_->unlinkat(dir_fd_, temp_name_.c_str(), 0);
  } else if (fs_->renameat(dir_fd_, temp_name_.c_str(), dir_fd_, final_name_.c_str()) != 0) {
    abandon_and_fail(errno, "could not replace %1$s: %2$s; the record was not saved and the "
                     "previous copy is unchanged");
  }
  // The temporary name no longer exists; from here nothing may unlink it.
  temp_name_.clear();

  // Without this the rename itself may be lost at a power cut, leaving the old record after we
  // said the new one was saved (docs/THREATS.md T35).
  if (fs_->fsync(dir_fd_) != 0) {
    const int err = errno;
    abandon();
    fail_os(Code::io, err,
            "could not flush the folder of %1$s: %2$s; the record may or may not be saved: the new copy is in "
            "place but may not survive a power cut or a removed drive, so save again before unplugging",
            final_path_);
  }
  fs_->close(std::exchange(dir_fd_, -1));  // nothing left to lose: the save is durable
  state_ = State::committed;
}

void AtomicWriter::abandon_and_fail(int err, const char* msgid) {
  abandon();
  fail_os(Code::io, err, msgid, final_path_);
}

void AtomicWriter::abandon() noexcept {
  if (fd_ >= 0) fs_->close(std::exchange(fd_, -1));
  // Best effort: a temporary file left behind by a failed unlink is hidden and never read as the
  // record, so this failure is not worth masking the error that brought us here.
  if (dir_fd_ >= 0 && !temp_name_.empty()) fs_->unlinkat(dir_fd_, temp_name_.c_str(), 0);
  temp_name_.clear();
  if (dir_fd_ >= 0) fs_->close(std::exchange(dir_fd_, -1));
  if (state_ == State::writing) state_ = State::failed;
}

void remove_abandoned_temporary_files(const std::string& final_path, const FileSystem& fs) noexcept {
  try {
    const SplitPath split = split_path(resolve_final_symlinks(final_path, fs));
    const std::string prefix = temp_prefix_for(split.name);
    // A plain open, not open_directory (which is for a folder a save must flush): nothing here
    // decides whether a save succeeds.
    int dir_fd;
    do {
      dir_fd = fs.open(split.dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOCTTY, 0);
    } while (dir_fd < 0 && errno == EINTR);
    if (dir_fd < 0) return;
    std::vector<std::string> names;
    if (fs.list_names(dir_fd, &names) == 0) {
      for (const std::string& name : names)
        if (name.compare(0, prefix.size(), prefix) == 0) fs.unlinkat(dir_fd, name.c_str(), 0);
    }
    fs.close(dir_fd);
  } catch (...) {
    // Nothing to clean up is worth failing a save for.
  }
}

void write_file_atomically(const std::string& path, ByteView bytes, const FileSystem& fs) {
  AtomicWriter writer(path, fs);
  writer.write(bytes);
  writer.commit();
}

}  // namespace kartla::io
