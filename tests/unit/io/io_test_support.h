/* SPDX-License-Identifier: Apache-2.0 */
// Shared by the io tests: a scratch folder, plain file helpers that do not go through the code
// under test, and a FileSystem that records every call and can fail, shorten or crash any one.
#pragma once

#include <dirent.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cerrno>
#include <cstdint>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "base/error.h"
#include "io/file_system.h"

namespace kartla::io::testing {

// For CHECK_THROWS_MATCHES(expr, kartla::Error, has_code(Code::io)).
inline auto has_code(kartla::Code code) {
  return Catch::Predicate<kartla::Error>(
      [code](const kartla::Error& e) { return e.code() == code; },
      std::string("has code ") + std::to_string(static_cast<int>(code)));
}

class TempDir {
 public:
  TempDir() {
    const char* base = getenv("TMPDIR");
    std::string templ = std::string(base != nullptr && *base != '\0' ? base : "/tmp") +
                        "/kartla-io-test-XXXXXX";
    if (mkdtemp(templ.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    path_ = templ;
  }
  ~TempDir() {
    nftw(
        path_.c_str(),
        [](const char* p, const struct stat*, int, struct FTW*) { return ::remove(p); }, 16,
        FTW_DEPTH | FTW_PHYS);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::string& path() const { return path_; }
  std::string file(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

inline std::string read_plain(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw std::runtime_error("cannot open " + path);
  std::string out;
  char buf[65536];
  for (;;) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw std::runtime_error("cannot read " + path);
    if (n == 0) break;
    out.append(buf, static_cast<size_t>(n));
  }
  ::close(fd);
  return out;
}

inline void write_plain(const std::string& path, const std::string& content) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) throw std::runtime_error("cannot create " + path);
  size_t done = 0;
  while (done < content.size()) {
    ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n <= 0) throw std::runtime_error("cannot write " + path);
    done += static_cast<size_t>(n);
  }
  ::close(fd);
}

// Names in a folder, without "." and "..", sorted.
inline std::set<std::string> list_dir(const std::string& path) {
  std::set<std::string> out;
  DIR* d = opendir(path.c_str());
  if (d == nullptr) throw std::runtime_error("cannot list " + path);
  while (dirent* e = readdir(d)) {
    std::string name = e->d_name;
    if (name != "." && name != "..") out.insert(name);
  }
  closedir(d);
  return out;
}

// A deterministic byte pattern, different for each seed, so "old" and "new" cannot be confused.
inline std::string pattern(size_t size, uint8_t seed) {
  std::string out(size, '\0');
  uint32_t x = 0x9e3779b9u * (seed + 1u);
  for (auto& c : out) {
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    c = static_cast<char>(x & 0xff);
  }
  return out;
}

// Every call the io layer makes, with the two directory uses of fsync/close told apart.
enum class Call {
  open,
  openat,
  open_directory,
  write,
  pread,
  fsync,
  fsync_dir,
  fstat,
  renameat,
  unlinkat,
  close,
  close_dir,
  flock,
  readlink,
};

inline const char* call_name(Call c) {
  switch (c) {
    case Call::open: return "open";
    case Call::openat: return "openat";
    case Call::open_directory: return "open_directory";
    case Call::write: return "write";
    case Call::pread: return "pread";
    case Call::fsync: return "fsync";
    case Call::fsync_dir: return "fsync_dir";
    case Call::fstat: return "fstat";
    case Call::renameat: return "renameat";
    case Call::unlinkat: return "unlinkat";
    case Call::close: return "close";
    case Call::close_dir: return "close_dir";
    case Call::flock: return "flock";
    case Call::readlink: return "readlink";
  }
  return "?";
}

constexpr int kCrashExitCode = 77;

// Wraps the real OS (by inheritance: FileSystem's own methods are the OS). Counts every call,
// records their order, and applies the faults it was told to. Calls are numbered from 0 per kind.
// Single-threaded; mutable because the io layer only ever holds a const FileSystem&.
class FaultFs : public FileSystem {
 public:
  // Make calls [nth, nth + times) of `kind` fail with `err` without touching the OS.
  void fail(Call kind, int nth, int err, int times = 1) {
    rules_.push_back({kind, nth, times, err});
  }
  // Make call `nth` of `kind` (write or pread) move only half of the bytes asked for.
  void shorten(Call kind, int nth, int times = 1) { rules_.push_back({kind, nth, times, 0}); }
  // _exit() just before the call with this index in trace(), as a killed process would stop.
  void crash_before(size_t index) { crash_index_ = index; }

  const std::vector<Call>& trace() const { return trace_; }
  int count(Call kind) const {
    int n = 0;
    for (Call c : trace_) n += c == kind ? 1 : 0;
    return n;
  }
  // Descriptors handed out and not yet closed: must be empty once the io objects are gone.
  const std::set<int>& open_fds() const { return open_fds_; }

  int open(const char* path, int flags, mode_t mode) const override {
    int err = 0;
    if (enter(Call::open, &err)) return fail_with(err);
    return track(FileSystem::open(path, flags, mode));
  }
  int openat(int dir_fd, const char* name, int flags, mode_t mode) const override {
    int err = 0;
    if (enter(Call::openat, &err)) return fail_with(err);
    return track(FileSystem::openat(dir_fd, name, flags, mode));
  }
  int open_directory(const char* path) const override {
    int err = 0;
    if (enter(Call::open_directory, &err)) return fail_with(err);
    const int fd = track(FileSystem::open_directory(path));
    if (fd >= 0) dir_fds_.insert(fd);
    return fd;
  }
  ssize_t write(int fd, const void* data, size_t size) const override {
    int err = 0;
    const bool fault = enter(Call::write, &err);
    if (fault && err != 0) return fail_with(err);
    return FileSystem::write(fd, data, fault && size > 1 ? size / 2 : size);
  }
  ssize_t pread(int fd, void* data, size_t size, off_t offset) const override {
    int err = 0;
    const bool fault = enter(Call::pread, &err);
    if (fault && err != 0) return fail_with(err);
    return FileSystem::pread(fd, data, fault && size > 1 ? size / 2 : size, offset);
  }
  int fsync(int fd) const override {
    int err = 0;
    if (enter(dir_fds_.count(fd) != 0 ? Call::fsync_dir : Call::fsync, &err)) {
      return fail_with(err);
    }
    return FileSystem::fsync(fd);
  }
  int fstat(int fd, struct stat* out) const override {
    int err = 0;
    if (enter(Call::fstat, &err)) return fail_with(err);
    return FileSystem::fstat(fd, out);
  }
  int renameat(int from_dir_fd, const char* from, int to_dir_fd, const char* to) const override {
    int err = 0;
    if (enter(Call::renameat, &err)) return fail_with(err);
    return FileSystem::renameat(from_dir_fd, from, to_dir_fd, to);
  }
  int unlinkat(int dir_fd, const char* name, int flags) const override {
    int err = 0;
    if (enter(Call::unlinkat, &err)) return fail_with(err);
    return FileSystem::unlinkat(dir_fd, name, flags);
  }
  int close(int fd) const override {
    const bool is_dir = dir_fds_.count(fd) != 0;
    int err = 0;
    const bool fault = enter(is_dir ? Call::close_dir : Call::close, &err);
    // Like Linux: the descriptor is released even when close reports an error.
    const int rc = FileSystem::close(fd);
    open_fds_.erase(fd);
    dir_fds_.erase(fd);
    return fault ? fail_with(err) : rc;
  }
  int flock(int fd, int operation) const override {
    int err = 0;
    if (enter(Call::flock, &err)) return fail_with(err);
    return FileSystem::flock(fd, operation);
  }
  ssize_t readlink(const char* path, char* out, size_t size) const override {
    int err = 0;
    if (enter(Call::readlink, &err)) return fail_with(err);
    return FileSystem::readlink(path, out, size);
  }

 private:
  struct Rule {
    Call kind;
    int first;
    int times;
    int err;  // 0: shorten instead of failing
  };

  // Records the call; returns true (and the errno to use, 0 for "shorten") if a rule applies.
  bool enter(Call kind, int* err) const {
    if (trace_.size() == crash_index_) _exit(kCrashExitCode);
    int nth = 0;
    for (Call c : trace_) nth += c == kind ? 1 : 0;
    trace_.push_back(kind);
    for (const Rule& r : rules_) {
      if (r.kind == kind && nth >= r.first && nth < r.first + r.times) {
        *err = r.err;
        return true;
      }
    }
    return false;
  }
  static int fail_with(int err) {
    errno = err;
    return -1;
  }
  int track(int fd) const {
    if (fd >= 0) open_fds_.insert(fd);
    return fd;
  }

  std::vector<Rule> rules_;
  size_t crash_index_ = static_cast<size_t>(-1);
  mutable std::vector<Call> trace_;
  mutable std::set<int> open_fds_;
  mutable std::set<int> dir_fds_;
};

}  // namespace kartla::io::testing
